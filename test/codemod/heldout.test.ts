/**
 * Held-out inputs on which the codemod misbehaved when they were found. Each test asserts the correct behaviour.
 * Every token is generated at run time (test/support/fake-tokens.ts); none is written into this repository.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { parse as parseTs } from '@typescript-eslint/typescript-estree';
import { parse as parseEnv } from 'dotenv';
import { Linter } from 'eslint';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodemodReport } from '../../codemods/run.js';
import plugin from '../../src/index.js';
import { fakeGenericSecret, fakeToken } from '../support/fake-tokens.js';
import { cli, expectNoSecret, makeRepo, read, removeRepos } from './helpers.js';

afterAll(removeRepos);

const gh = (seed: number) => ({ value: fakeToken('github-classic-pat', 900 + seed), prefix: 'ghp_' });

/** Evaluate one module (TS/TSX/JS) with `process.env` = env; React.createElement gives plain objects. */
function evaluate(source: string, fileName: string, env: Record<string, string>): Record<string, unknown> {
  const js = ts.transpileModule(source, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.React },
  }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  const React = { createElement: (type: unknown, props: unknown) => ({ type, props }) };
  new Function('exports', 'module', 'process', 'React', js)(module.exports, module, { env: { ...env } }, React);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(module.exports)) out[k] = typeof v === 'function' ? (v as () => unknown)() : v;
  return out;
}

async function jsonRun(dir: string): Promise<CodemodReport> {
  const run = await cli('--root', dir, '--json');
  return JSON.parse(run.out) as CodemodReport;
}

describe('rewrites keep the program equivalent (with .env loaded)', () => {
  it('a JSX attribute with an HTML entity (`&amp;`) next to the secret keeps its decoded value', async () => {
    const key = fakeToken('google-api-key', 901);
    const source = `export const Map = () => <iframe src="https://www.google.com/maps/embed/v1/place?q=Paris&amp;key=${key}&amp;zoom=3" />;\n`;
    const dir = await makeRepo({ 'src/Map.tsx': source });
    await cli('--root', dir);
    const after = await read(dir, 'src/Map.tsx');
    expect(after.includes(key), 'secret left in the source').toBe(false);
    const env = parseEnv(await read(dir, '.env'));
    expect(JSON.stringify(evaluate(after, 'Map.tsx', env)) === JSON.stringify(evaluate(source, 'Map.tsx', {})), 'same value with .env loaded').toBe(true);
  });

  it('a JSX attribute with a backslash before the secret keeps its value (JSX takes no escapes)', async () => {
    const key = fakeToken('google-api-key', 902);
    const source = `export const P = () => <a data-k="C:\\dir\\${key}" />;\n`;
    const dir = await makeRepo({ 'src/P.jsx': source });
    await cli('--root', dir);
    const after = await read(dir, 'src/P.jsx');
    expect(after.includes(key), 'secret left in the source').toBe(false);
    const env = parseEnv(await read(dir, '.env'));
    expect(JSON.stringify(evaluate(after, 'P.jsx', env)) === JSON.stringify(evaluate(source, 'P.jsx', {})), 'same value with .env loaded').toBe(true);
  });

  it('String.raw: the value moved to .env is the raw text the tag produced, not the cooked one', async () => {
    const pem = fakeToken('pem-private-key', 903);
    const source = `export const key = String.raw\`${pem.replace(/\n/g, '\\n')}\`;\n`;
    const dir = await makeRepo({ 'src/raw.ts': source });
    await cli('--root', dir);
    const after = await read(dir, 'src/raw.ts');
    const envText = await read(dir, '.env').catch(() => '');
    expect(JSON.stringify(evaluate(after, 'raw.ts', parseEnv(envText))) === JSON.stringify(evaluate(source, 'raw.ts', {})), 'same value with .env loaded').toBe(true);
  });

  it('two fallbacks of one env name with different values: each read still yields its own value (both left for a manual edit)', async () => {
    const a = fakeToken('stripe-secret-key', 904);
    const b = fakeToken('stripe-secret-key', 905);
    const files = {
      'src/a.ts': `export const a = process.env.STRIPE_KEY ?? "${a}";\n`,
      'src/b.ts': `export const b = process.env.STRIPE_KEY ?? "${b}";\n`,
    };
    const dir = await makeRepo(files);
    const run = await cli('--root', dir);
    expect(run.err + run.out).toMatch(/left for a manual edit/);
    const env = parseEnv(await read(dir, '.env').catch(() => ''));
    for (const path of Object.keys(files) as (keyof typeof files)[]) {
      expect(JSON.stringify(evaluate(await read(dir, path), path, env)) === JSON.stringify(evaluate(files[path], path, {})), 'same value with .env loaded').toBe(true);
    }
  });

  it.each([
    ['the body of an if', (v: string) => `export const seen = []\nexport function f(c) {\n  if (c) "Bearer ${v}".split(" ").forEach((p) => seen.push(p))\n  return seen\n}\n`],
    ['after an object literal without a semicolon', (v: string) => `export const seen = []\nconst o = {}\n"Bearer ${v}".split(" ").forEach((p) => seen.push(o, p))\n`],
    ['the first statement of a block', (v: string) => `export const seen = []\n{\n  "Bearer ${v}".split(" ").forEach((p) => seen.push(p))\n}\n`],
  ])('a rewritten statement start keeps the statement structure: %s', async (_label, make) => {
    const t = gh(7);
    const source = make(t.value);
    const dir = await makeRepo({ 'src/asi2.js': source });
    await cli('--root', dir);
    const after = await read(dir, 'src/asi2.js');
    expect(after.includes(t.value), 'secret left in the source').toBe(false);
    // the same statements in the same places: nothing glued to the previous one, no empty statement made the body
    expect(parseTs(after, { jsx: true }).body.length).toBe(parseTs(source, { jsx: true }).body.length);
    expect(after).not.toMatch(/\)\s*;`/);
  });

  it('a statement starting with a rewritten string is not glued to the previous line (no-semicolon style)', async () => {
    const t = gh(6);
    const source = `export const seen = []\nconst log = (x) => seen.push(x)\n"Bearer ${t.value}".split(" ").forEach((p) => log(p.length))\n`;
    const dir = await makeRepo({ 'src/asi.js': source });
    await cli('--root', dir);
    const after = await read(dir, 'src/asi.js');
    expect(after.includes(t.value), 'secret left in the source').toBe(false);
    const before = parseTs(source, { jsx: true }).body.length;
    expect(parseTs(after, { jsx: true }).body.length).toBe(before);
  });
});

describe('rewrites that TypeScript rejects are left for a manual edit (docs/codemod.md "Left for you")', () => {
  it.each([
    ['an enum member written as a template', (s: string) => `export enum Keys { Gh = \`${s}\` }\n`],
    ['`declare const` initialised with a template', (s: string) => `export declare const TOKEN = \`${s}\`;\n`],
  ])('%s', async (_label, make) => {
    const t = gh(1);
    const source = make(t.value);
    const dir = await makeRepo({ 'src/x.ts': source });
    const run = await cli('--root', dir);
    expect((await read(dir, 'src/x.ts')) === source, 'file left byte for byte').toBe(true);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/left for a manual edit/);
  });
});

describe('a secret with no safe rewrite in one place does not fail its whole file', () => {
  it.each([
    ['a method name', (s: string) => `export class A { "${s}"() { return 1; } }\n`, 'src/x.ts'],
    ['an interface key', (s: string) => `export interface I { "${s}": string }\n`, 'src/x.ts'],
    ['a type-literal key', (s: string) => `export type T = { "${s}": 1 };\n`, 'src/x.ts'],
    ['a template literal type', (s: string) => `export type Auth = \`Bearer ${s}\`;\n`, 'src/x.ts'],
    ['an export name', (s: string) => `const x = 1;\nexport { x as "${s}" };\n`, 'src/x.mjs'],
    ['a directive', (s: string) => `"${s}";\n"use strict";\n`, 'src/x.js'],
  ])('%s', async (_label, make, path) => {
    const odd = gh(2);
    const plain = gh(3);
    const dir = await makeRepo({ [path]: `${make(odd.value)}export const plain = "${plain.value}";\n` });
    const report = await jsonRun(dir);
    const file = report.files.find((f) => f.path === path)!;
    expect(file.status).toBe('changed');
    const after = await read(dir, path);
    expect(after.includes(plain.value), 'secret left in the source').toBe(false);
    expect(after.includes(odd.value), 'left as written').toBe(true); // the odd one stays as written, for a human
  });

  it('the report never says "moved" for a secret of a file that failed', async () => {
    const odd = gh(4);
    const plain = gh(5);
    const dir = await makeRepo({ 'src/x.ts': `export interface I { "${odd.value}": string }\nexport const plain = "${plain.value}";\n` });
    const report = await jsonRun(dir);
    for (const f of report.files) {
      if (f.status === 'failed') for (const s of f.secrets) expect(s.action).not.toBe('moved');
    }
  });
});

describe('env names taken from `process.env["…"]` fallbacks', () => {
  it('a suffixed name that is not an identifier is read with brackets (the code must type-check and evaluate)', async () => {
    const key = fakeToken('openai-project-key', 906);
    const old = fakeGenericSecret(907);
    const dir = await makeRepo({ 'src/c.ts': `export const c = process.env["openai-key"] ?? "${key}";\n`, '.env': `openai-key=${old}\n` });
    await cli('--root', dir);
    const after = await read(dir, 'src/c.ts');
    expect(/process\.env\.[\w$]+-/.test(after), 'a dotted read of a name with a dash').toBe(false);
    // without the old name set (e.g. a deploy that only has the new one), the read falls through to the moved value
    const env = parseEnv(await read(dir, '.env'));
    delete env['openai-key'];
    expect(JSON.stringify(evaluate(after, 'c.ts', env)) === JSON.stringify({ c: key }), 'reads the moved value').toBe(true);
  });

  it('a fallback name dotenv cannot hold does not abort the whole run', async () => {
    const key = fakeToken('openai-project-key', 908);
    const other = gh(7);
    const dir = await makeRepo({
      'src/c.ts': `export const c = process.env["OPENAI KEY"] ?? "${key}";\n`,
      'src/d.ts': `export const d = "${other.value}";\n`,
    });
    const run = await cli('--root', dir);
    expect(run.err).not.toMatch(/Invalid environment variable name/);
    expect((await read(dir, 'src/d.ts')).includes(other.value), 'secret left in the source').toBe(false);
    expect(parseEnv(await read(dir, '.env').catch(() => ''))['GITHUB_TOKEN'] === other.value, 'value in .env').toBe(true);
  });
});

describe('env files', () => {
  it('a dry run never prints a value already in .env.example (file without a final line break)', async () => {
    const code = gh(8);
    const leaked = { value: fakeToken('stripe-secret-key', 909), prefix: 'sk_live_' };
    const dir = await makeRepo({ 'src/c.ts': `export const c = "${code.value}";\n`, '.env.example': `# keys\nSTRIPE_SECRET_KEY=${leaked.value}` });
    const run = await cli('--root', dir, '--dry-run');
    expectNoSecret(run.out + run.err, [code, leaked]);
    const json = await cli('--root', dir, '--dry-run', '--json');
    expectNoSecret(json.out + json.err, [code, leaked]);
  });

  it('keeps every existing byte of a .env that is not UTF-8 (or refuses to touch it)', async () => {
    const code = gh(9);
    const original = Buffer.from('DB_PASSWORD=caf\xe9-s3cr3t\n', 'latin1');
    const dir = await makeRepo({ 'src/c.ts': `export const c = "${code.value}";\n`, '.env': original });
    await cli('--root', dir);
    const after = await readFile(join(dir, '.env'));
    expect(after.subarray(0, original.length).equals(original)).toBe(true);
  });
});

describe('the codemod moves exactly what the rule reports', () => {
  /** the rule's findings with ESLint run from the project's root (`cwd`), as a user runs it */
  const ruleFindings = (code: string, filename: string, cwd = dirname(dirname(filename))): number =>
    new Linter({ configType: 'flat', cwd })
      .verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, { files: ['**/*.ts'], plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-hardcoded-secrets': 'error' } }], filename)
      .filter((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets').length;

  it('in a project whose folder sits under a folder named `test` (both read paths from the project root)', async () => {
    const base = await makeRepo({});
    const dir = join(base, 'test', 'worker');
    await mkdir(join(dir, 'src'), { recursive: true });
    const code = `export const client = { apiKey: "${fakeGenericSecret(910)}" };\n`;
    await writeFile(join(dir, 'src', 'cfg.ts'), code);
    const report = await jsonRun(dir);
    const moved = report.files.flatMap((f) => f.secrets).length;
    expect(moved).toBe(1);
    expect(ruleFindings(code, join(dir, 'src', 'cfg.ts'))).toBe(1);
    // a test folder inside the project is still one
    await mkdir(join(dir, 'test'), { recursive: true });
    expect(ruleFindings(code, join(dir, 'test', 'cfg.ts'), dir)).toBe(0);
  });

  it('a value the rule is told to allow (`eslint-disable-next-line`) is not moved', async () => {
    const key = fakeToken('google-api-key', 911);
    const code = `// eslint-disable-next-line worker-auth/no-hardcoded-secrets -- public browser key, restricted by referrer\nexport const MAPS_KEY = "${key}";\n`;
    const dir = await makeRepo({ 'src/maps.ts': code });
    expect(ruleFindings(code, join(dir, 'src', 'maps.ts'))).toBe(0);
    await cli('--root', dir);
    expect((await read(dir, 'src/maps.ts')) === code, 'suppressed value left in place').toBe(true);
  });

  it('takes the allowPatterns and ignoreProviders options of the rule on the command line', async () => {
    const github = fakeToken('github-classic-pat', 931);
    const gitlab = fakeToken('gitlab-pat', 932);
    const generic = fakeGenericSecret(933);
    const code = `export const a = "${github}";\nexport const b = "${gitlab}";\nexport const c = { apiKey: "${generic}" };\n`;
    const dir = await makeRepo({ 'src/t.ts': code });
    const run = await cli('--root', dir, '--ignore-provider', 'github-classic-pat', '--allow-pattern', `^${generic.slice(0, 6)}`);
    expect(run.code, run.err).toBe(0);
    const after = await read(dir, 'src/t.ts');
    expect(after.includes(github), 'ignored provider left').toBe(true);
    expect(after.includes(generic), 'allowed pattern left').toBe(true);
    expect(after.includes(gitlab), 'the other secret moved').toBe(false);
    // a pattern that does not compile is a usage error, and nothing is written
    const bad = await makeRepo({ 'src/t.ts': code });
    const refused = await cli('--root', bad, '--allow-pattern', '(');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/allow-pattern/);
    expect(await read(bad, 'src/t.ts')).toBe(code);
  });

  it('reads the other eslint-disable forms as ESLint does', async () => {
    const v = (n: number): string => fakeGenericSecret(920 + n);
    const cases: { code: string; kept: number[] }[] = [
      // a block comment over several lines, then enabled again
      { code: `/* eslint-disable worker-auth/no-hardcoded-secrets */\nexport const a = { apiKey: "${v(1)}" };\n/* eslint-enable worker-auth/no-hardcoded-secrets */\nexport const b = { apiKey: "${v(2)}" };\n`, kept: [1] },
      // the same line, every rule
      { code: `export const a = { apiKey: "${v(3)}" }; // eslint-disable-line\nexport const b = { apiKey: "${v(4)}" };\n`, kept: [3] },
      // another rule named: nothing suppressed; a description after --
      { code: `// eslint-disable-next-line no-console -- noisy\nexport const a = { apiKey: "${v(5)}" };\n// eslint-disable-next-line no-console, worker-auth/no-hardcoded-secrets -- public\nexport const b = { apiKey: "${v(6)}" };\n`, kept: [6] },
      // a line comment cannot disable a region
      { code: `// eslint-disable worker-auth/no-hardcoded-secrets\nexport const a = { apiKey: "${v(7)}" };\n`, kept: [] },
    ];
    for (const [i, { code, kept }] of cases.entries()) {
      const dir = await makeRepo({ [`src/c${i}.ts`]: code });
      const all = [...code.matchAll(/apiKey: "([^"]+)"/g)].length;
      expect(ruleFindings(code, join(dir, 'src', `c${i}.ts`)), code).toBe(all - kept.length);
      await cli('--root', dir);
      const after = await read(dir, `src/c${i}.ts`);
      for (let n = 1; n <= 7; n++) if (code.includes(v(n))) expect(after.includes(v(n)), `${i}: value ${n}`).toBe(kept.includes(n));
    }
  });
});
