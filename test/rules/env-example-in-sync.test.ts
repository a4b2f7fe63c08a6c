import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../rules/env-example-in-sync.js';
import { envExampleReadCount } from '../../src/env/project.js';
import plugin from '../../src/index.js';
import { tempProject } from '../support/project.js';

// --- fixture projects (mkdtemp; a `.git` folder bounds the upward search) ------------------------------------------
const project = (files: Record<string, string>): string => tempProject(files, 'wa-env-sync-');

const A = project({
  '.env.example': '# Worker settings\nGITHUB_TOKEN=\nexport NOTION_DB_ID=abc\nDEBUG: 1\nEMPTY_QUOTED=""\n',
  'packages/w/.env.example': 'ONLY_HERE=\n',
});
const NONE = project({ 'src/index.ts': '' });
afterAll(() => {
  for (const dir of [A, NONE]) rmSync(dir, { recursive: true, force: true });
});

const FILE = join(A, 'src/index.ts');
const EXAMPLE = '.env.example';
const NESTED = 'packages/w/.env.example';

/** 1-based columns of the first `needle` in `code` (single-line fixtures). */
function cols(code: string, needle: string, from = 0): { line: number; column: number; endLine: number; endColumn: number } {
  const i = code.indexOf(needle, from);
  if (i < 0) throw new Error(`fixture: ${needle} not found`);
  const before = code.slice(0, i);
  const line = before.split('\n').length;
  const column = i - before.lastIndexOf('\n');
  return { line, column, endLine: line, endColumn: column + needle.length };
}

const missing = (name: string, file = EXAMPLE) => ({ name, file, line: `${name}=` });

const direct = 'const key = process.env.LINEAR_API_KEY;';
const optional = 'const key = process.env?.STRIPE_KEY ?? "";';
const optional2 = 'const key = process?.env?.["SLACK_TOKEN"];';
const destructured = 'const { GITHUB_TOKEN, SLACK_TOKEN: slack, PORT_NUMBER = "8080", ...rest } = process.env;';
const brackets = 'const KEY = "D_KEY";\nconst a = process.env["A_KEY"];\nconst c = process.env[`C_KEY`];\nconst d = process.env[KEY];';
const alias = 'const env = process.env;\nexport const e = env.E_KEY;';
const importAlias = 'import { env } from "node:process";\nexport const f = env.F_KEY;';
const importProcess = 'import process from "node:process";\nexport const g = process.env.G_KEY!;';
const nested = 'export const h = process.env.GITHUB_TOKEN + process.env.ONLY_HERE;';
const twice = 'if (!process.env.WEBHOOK_SECRET) throw new Error("WEBHOOK_SECRET is not set");\nexport const s = process.env.WEBHOOK_SECRET;';
const testRead = 'export const t = process.env.TEST_ONLY_TOKEN;';

const ts = new RuleTester();

ts.run('env-example-in-sync (typescript-eslint parser)', rule, {
  valid: [
    { code: 'const t = process.env.GITHUB_TOKEN;', filename: FILE },
    { code: 'const { GITHUB_TOKEN, NOTION_DB_ID: db, DEBUG, EMPTY_QUOTED } = process.env;', filename: FILE },
    { code: 'const mode = process.env.NODE_ENV === "production" || !!process.env.CI;', filename: FILE },
    { code: 'const p = process.env.NOTION_INPUT_PAYLOAD_PATH;', filename: FILE },
    // writes are not reads
    { code: 'process.env.SET_HERE = "1";\ndelete process.env.REMOVED;\nprocess.env.DEFAULTED ??= "x";', filename: FILE },
    // dynamic keys: nothing to list
    { code: 'export function read(name: string) { return process.env[name]; }', filename: FILE },
    // a local `process` is not Node's
    { code: 'export function f(process: { env: Record<string, string> }) { return process.env.LOCAL_ONLY; }', filename: FILE },
    // `import.meta.env` is the bundler's, not the worker's
    { code: 'const v = import.meta.env.VITE_SOMETHING;', filename: FILE },
    // no .env.example up to the repository root: nothing to compare with
    { code: 'const k = process.env.ANYTHING_AT_ALL;', filename: join(NONE, 'src/index.ts') },
    // test files are skipped by default
    { code: testRead, filename: join(A, 'src/__tests__/worker.test.ts') },
    // options
    { code: 'const a = process.env.VITE_PUBLIC_URL;\nconst b = process.env.RENDER_GIT_COMMIT;', filename: FILE, options: [{ allowNames: ['VITE_*', 'RENDER_GIT_COMMIT'] }] },
  ],
  invalid: [
    {
      code: direct,
      filename: FILE,
      errors: [{ messageId: 'missingFromEnvExample', data: missing('LINEAR_API_KEY'), ...cols(direct, 'process.env.LINEAR_API_KEY') }],
    },
    {
      code: optional,
      filename: FILE,
      errors: [{ messageId: 'missingFromEnvExample', data: missing('STRIPE_KEY'), ...cols(optional, 'process.env?.STRIPE_KEY') }],
    },
    {
      code: optional2,
      filename: FILE,
      errors: [{ messageId: 'missingFromEnvExample', data: missing('SLACK_TOKEN'), ...cols(optional2, 'process?.env?.["SLACK_TOKEN"]') }],
    },
    {
      code: destructured,
      filename: FILE,
      errors: [
        { messageId: 'missingFromEnvExample', data: missing('SLACK_TOKEN'), ...cols(destructured, 'SLACK_TOKEN') },
        { messageId: 'missingFromEnvExample', data: missing('PORT_NUMBER'), ...cols(destructured, 'PORT_NUMBER') },
      ],
    },
    {
      code: brackets,
      filename: FILE,
      errors: [
        { messageId: 'missingFromEnvExample', data: missing('A_KEY'), ...cols(brackets, 'process.env["A_KEY"]') },
        { messageId: 'missingFromEnvExample', data: missing('C_KEY'), ...cols(brackets, 'process.env[`C_KEY`]') },
        { messageId: 'missingFromEnvExample', data: missing('D_KEY'), ...cols(brackets, 'process.env[KEY]') },
      ],
    },
    {
      code: alias,
      filename: FILE,
      errors: [{ messageId: 'missingFromEnvExample', data: missing('E_KEY'), ...cols(alias, 'env.E_KEY') }],
    },
    {
      code: importAlias,
      filename: FILE,
      errors: [{ messageId: 'missingFromEnvExample', data: missing('F_KEY'), ...cols(importAlias, 'env.F_KEY') }],
    },
    {
      code: importProcess,
      filename: FILE,
      errors: [{ messageId: 'missingFromEnvExample', data: missing('G_KEY'), ...cols(importProcess, 'process.env.G_KEY') }],
    },
    {
      // every read is reported
      code: twice,
      filename: FILE,
      errors: [
        { messageId: 'missingFromEnvExample', data: missing('WEBHOOK_SECRET'), ...cols(twice, 'process.env.WEBHOOK_SECRET') },
        { messageId: 'missingFromEnvExample', data: missing('WEBHOOK_SECRET'), line: 2, column: 18, endLine: 2, endColumn: 44 },
      ],
    },
    {
      // the nearest .env.example decides, not the repository's
      code: nested,
      filename: join(A, 'packages/w/src/index.ts'),
      errors: [{ messageId: 'missingFromEnvExample', data: missing('GITHUB_TOKEN', NESTED), ...cols(nested, 'process.env.GITHUB_TOKEN') }],
    },
    {
      code: testRead,
      filename: join(A, 'src/__tests__/worker.test.ts'),
      options: [{ checkTestFiles: true }],
      errors: [{ messageId: 'missingFromEnvExample', data: missing('TEST_ONLY_TOKEN'), ...cols(testRead, 'process.env.TEST_ONLY_TOKEN') }],
    },
    {
      code: 'const a = process.env.VITE_PUBLIC_URL;\nconst b = process.env.OTHER_KEY;',
      filename: FILE,
      options: [{ allowNames: ['VITE_*'] }],
      errors: [{ messageId: 'missingFromEnvExample', data: missing('OTHER_KEY'), line: 2, column: 11, endLine: 2, endColumn: 32 }],
    },
  ],
});

// --- espree, `.js` ---------------------------------------------------------------------------------------------
const cjs = 'const { env } = require("node:process");\nmodule.exports = { key: env.CJS_KEY, token: process.env.GITHUB_TOKEN };';
const js = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } } });

js.run('env-example-in-sync (espree, .js)', rule, {
  valid: [{ code: 'module.exports = process.env.GITHUB_TOKEN;', filename: join(A, 'src/index.js') }],
  invalid: [
    {
      code: cjs,
      filename: join(A, 'src/index.js'),
      errors: [{ messageId: 'missingFromEnvExample', data: missing('CJS_KEY'), ...cols(cjs, 'env.CJS_KEY') }],
    },
    {
      code: 'const key = process.env.MISSING_KEY;',
      filename: join(A, 'src/worker.mjs'),
      errors: [{ messageId: 'missingFromEnvExample', data: missing('MISSING_KEY'), line: 1, column: 13, endLine: 1, endColumn: 36 }],
    },
  ],
});

// --- the cache: each .env.example is read once per path and modification time -------------------------------------
describe('env-example-in-sync reads .env.example once', () => {
  it('memoises by path and mtime, and sees an edit', () => {
    const dir = project({ '.env.example': 'ONE=\n' });
    try {
      const linter = new Linter({ configType: 'flat', cwd: dir });
      const config: Linter.Config[] = [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/env-example-in-sync': 'error' } },
      ];
      const file = join(dir, 'src/a.ts');
      const code = 'export const a = process.env.ONE;\nexport const b = process.env.TWO;';
      const before = envExampleReadCount();
      for (let i = 0; i < 5; i++) {
        const messages = linter.verify(code, config, { filename: file });
        expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('`process.env.TWO` is read here')]);
      }
      expect(envExampleReadCount() - before).toBe(1);
      // an edit (new size and mtime) is picked up
      writeFileSync(join(dir, '.env.example'), 'ONE=\nTWO=\n');
      utimesSync(join(dir, '.env.example'), new Date(), new Date(Date.now() + 5_000));
      expect(linter.verify(code, config, { filename: file })).toEqual([]);
      expect(envExampleReadCount() - before).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
