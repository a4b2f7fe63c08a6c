/**
 * `no-hardcoded-secrets` on secrets written in pieces (`"…" + "…"` chains of strings: a PEM key line by line, a
 * token cut for line length, and templates whose substitutions are strings, `` `…${""}…` ``: what crosses the pieces
 * of the value the chain builds is reported on the chain, the rest on each string) and in regular expression literals; and the codemod's rewrite of the same chains.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { afterAll, describe, expect, it } from 'vitest';
import { runCodemod } from '../../codemods/run.js';
import rule from '../../rules/no-hardcoded-secrets.js';
import { redact } from '../../src/detect/redact.js';
import { fakeToken } from '../support/fake-tokens.js';

const gh = fakeToken('github-classic-pat', 31);
const GH = { what: 'GitHub personal access token', masked: redact(gh, 'ghp_'), envName: 'GITHUB_TOKEN' };
const sk = fakeToken('stripe-secret-key', 32);
const pem = fakeToken('pem-private-key', 33);
/** The PEM key as a chain of one string per line, each with its `\n`. */
const pemChain = pem
  .split('\n')
  .map((line) => JSON.stringify(`${line}\n`))
  .join(' +\n  ');

const ts = new RuleTester();

ts.run('no-hardcoded-secrets: a secret written in pieces', rule, {
  valid: [
    // pieces of ordinary text, and a chain with a run-time part (never joined)
    'const url = "https://api.example.test/" + "v1/users";',
    `const a = "${gh.slice(0, 20)}" + suffix;`,
    `const b = prefix + "${gh.slice(20)}";`,
    // a piece that is a number: the chain builds a different string, left to each literal
    `const c = 1 + "${gh.slice(0, 20)}" + "${gh.slice(20)}";`,
    // the member read binds first: `"…".length` is no string piece
    `const d = "${gh.slice(0, 20)}" + "${gh.slice(20)}".length;`,
    // a regular expression that describes a format, not a token
    'const re = /ghp_[A-Za-z0-9]{36}/;',
  ],
  invalid: [
    {
      // a token cut in two: reported once, on the chain, moved whole
      code: `const token = "${gh.slice(0, 20)}" + "${gh.slice(20)}";`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          line: 1,
          column: 16,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const token = process.env.GITHUB_TOKEN ?? "";' }],
        },
      ],
    },
    {
      // a template without substitutions is a piece too
      code: `const token = \`${gh.slice(0, 9)}\` + '${gh.slice(9)}';`,
      errors: [{ messageId: 'hardcodedSecret', data: GH, suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const token = process.env.GITHUB_TOKEN ?? "";' }] }],
    },
    {
      // a PEM key line by line: the key is read from the env, the trailing line end stays
      code: `const privateKey =\n  ${pemChain};`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'PRIVATE_KEY' }, output: 'const privateKey =\n  `${process.env.PRIVATE_KEY ?? ""}\\n`;' }],
        },
      ],
    },
    {
      // the fallback of an env read: the fallback is dropped, as for one literal
      code: `const token = process.env.GH_TOKEN ?? "${gh.slice(0, 20)}" + "${gh.slice(20)}";`,
      errors: [{ messageId: 'hardcodedFallback', suggestions: [{ messageId: 'dropFallback', data: { envName: 'GH_TOKEN', envRead: 'process.env.GH_TOKEN' }, output: 'const token = process.env.GH_TOKEN ?? "";' }] }],
    },
    {
      // a token whole in one piece is that piece's finding, reported once, and only that literal is rewritten
      code: `const header = "Bearer " + "${gh}";`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          column: 29,
          endColumn: 29 + gh.length,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const header = "Bearer " + (process.env.GITHUB_TOKEN ?? "");' }],
        },
      ],
    },
    {
      // a piece that ends in a letter does not hide a whole token in the next piece (the joined value would)
      code: `const id = "x" + "${gh}";`,
      errors: [{ messageId: 'hardcodedSecret', data: GH, column: 19, suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const id = "x" + (process.env.GITHUB_TOKEN ?? "");' }] }],
    },
    {
      // a template whose substitutions are strings builds one value: a token cut by `${""}` is read whole, moved whole
      code: `const token = \`${gh.slice(0, 10)}\${""}${gh.slice(10)}\`;`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          line: 1,
          column: 16,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const token = process.env.GITHUB_TOKEN ?? "";' }],
        },
      ],
    },
    {
      // a piece in a substitution, and text around the token: the template is rebuilt with the env read in it
      code: `const header = \`Bearer \${"${gh.slice(0, 8)}"}${gh.slice(8)} x\`;`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const header = `Bearer ${process.env.GITHUB_TOKEN ?? ""} x`;' }],
        },
      ],
    },
    {
      // a token whole in one part of such a template is that part's finding (once), at its own columns
      code: `const s = \`\${"a"}${gh}\`;`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          column: 18,
          endColumn: 18 + gh.length,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const s = `${"a"}${process.env.GITHUB_TOKEN ?? ""}`;' }],
        },
      ],
    },
    {
      // a tagged template is not joined (the tag makes its value): each part is read on its own, and a cut token is not
      // (no finding); one with a run-time substitution neither
      code: `const a = tag\`${gh.slice(0, 10)}\${""}${gh.slice(10)}\`; const b = \`${gh.slice(0, 10)}\${x}${gh.slice(10)}\`; const c = \`${gh}\${""}\`;`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          line: 1,
          column: 132,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'GITHUB_TOKEN' },
              output: `const a = tag\`${gh.slice(0, 10)}\${""}${gh.slice(10)}\`; const b = \`${gh.slice(0, 10)}\${x}${gh.slice(10)}\`; const c = \`\${process.env.GITHUB_TOKEN ?? ""}\${""}\`;`,
            },
          ],
        },
      ],
    },
    {
      // a token in a regular expression: reported, no rewrite offered
      code: `const re = /${gh}/;`,
      errors: [{ messageId: 'hardcodedSecret', data: GH, column: 13, suggestions: [] }],
    },
  ],
});

const js = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } });

js.run('no-hardcoded-secrets: pieces, espree (.js)', rule, {
  valid: ['module.exports = { url: "https://a.example.test/" + "b" };'],
  invalid: [
    {
      code: `module.exports = { key: "${sk.slice(0, 12)}" +\n  "${sk.slice(12)}" };`,
      filename: 'config.js',
      errors: [{ messageId: 'hardcodedSecret', suggestions: [{ messageId: 'useEnv', data: { envName: 'STRIPE_SECRET_KEY' }, output: 'module.exports = { key: process.env.STRIPE_SECRET_KEY ?? "" };' }] }],
    },
  ],
});

describe('the codemod on secrets written in pieces', () => {
  const root = mkdtempSync(join(tmpdir(), 'wa-pieces-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('moves a chain whole, keeps its value in .env, and leaves a token in a regular expression for a manual edit', async () => {
    writeFileSync(join(root, 'keys.ts'), `export const privateKey =\n  ${pemChain};\nexport const token = "${gh.slice(0, 20)}" +\n  "${gh.slice(20)}";\nexport const re = /${sk}/;\n`);
    const { report, exitCode } = await runCodemod({ root, paths: [], allowDirty: true });
    const code = readFileSync(join(root, 'keys.ts'), 'utf8');
    expect(code).toBe('export const privateKey =\n  `${process.env.PRIVATE_KEY ?? ""}\\n`;\nexport const token = process.env.GITHUB_TOKEN ?? "";\n' + `export const re = /${sk}/;\n`);
    const env = readFileSync(join(root, '.env'), 'utf8');
    expect(env).toContain(`GITHUB_TOKEN=${gh}`);
    // the PEM key (several lines) is stored quoted with its line ends escaped, as dotenv reads it back
    expect(env).toMatch(/^PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\n/m);
    // the codemod does not read regular expressions (the rule reports them): nothing to move there
    expect(report.files[0]!.secrets.map((s) => s.action)).toEqual(['moved', 'moved']);
    expect(exitCode).toBe(0);
  });

  it('moves a token cut by a literal template substitution whole, as the rule reads it', async () => {
    writeFileSync(join(root, 'cut.ts'), `export const token = \`${gh.slice(0, 10)}\${""}${gh.slice(10)}\`;\nexport const key = \`\${"${sk.slice(0, 8)}"}${sk.slice(8)}\`;\n`);
    const { exitCode } = await runCodemod({ root, paths: ['cut.ts'], allowDirty: true });
    expect(readFileSync(join(root, 'cut.ts'), 'utf8')).toBe('export const token = process.env.GITHUB_TOKEN ?? "";\nexport const key = process.env.STRIPE_SECRET_KEY ?? "";\n');
    expect(readFileSync(join(root, '.env'), 'utf8')).toContain(`STRIPE_SECRET_KEY=${sk}`);
    expect(exitCode).toBe(0);
  });
});
