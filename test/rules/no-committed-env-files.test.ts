import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../rules/no-committed-env-files.js';
import { redact } from '../../src/detect/redact.js';
import { checkEnvFiles } from '../../src/env/project.js';
import plugin from '../../src/index.js';
import { fakeGenericSecret, fakeToken } from '../support/fake-tokens.js';

const gh = fakeToken('github-classic-pat', 41);
const GH = { what: 'GitHub personal access token', masked: redact(gh, 'ghp_') };
const localValue = fakeGenericSecret(42);

// --- fixture projects: folders made with mkdtemp, git repositories where the case needs one ------------------------
const made: string[] = [];
function project(files: Record<string, string>, track?: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-env-files-'));
  made.push(dir);
  for (const [path, text] of Object.entries({ 'package.json': '{ "name": "my-worker" }\n', ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (track) {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    if (track.length > 0) execFileSync('git', ['add', '--force', '--', ...track], { cwd: dir });
  }
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const GOOD_IGNORE = '.env\n.env.*\n!.env.example\n';
const WORKER = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';

/** `.env` tracked, `.env.local` neither tracked nor ignored. */
const TRACKED = project({ '.env': `GITHUB_TOKEN=${gh}\n`, '.env.local': `LOCAL=${localValue}\n`, '.env.example': 'GITHUB_TOKEN=\n', '.gitignore': 'node_modules\n' }, ['.env', '.env.example']);
/** The same, but the entry is a file creating `new Worker()`. */
const WORKER_FILE = project({ '.env': 'A=1\n', '.gitignore': 'node_modules\n' }, ['.env']);
/** Everything ignored and the example clean. */
const CLEAN = project({ '.env': `GITHUB_TOKEN=${gh}\n`, '.env.local': 'X=1\n', '.env.example': 'GITHUB_TOKEN=\n', '.gitignore': GOOD_IGNORE }, ['.env.example', '.gitignore']);
/** A real-looking secret in the committed example, placeholders beside it. */
const EXAMPLE = project(
  { '.env.example': `# GitHub\nGITHUB_TOKEN=${gh}\nOTHER=\nAPI_KEY=your-api-key-here\nSTRIPE_SECRET_KEY=<paste your key>\n`, '.gitignore': GOOD_IGNORE },
  ['.env.example'],
);
/** A token left in a commented-out line, and prose comments that are no secret. */
const COMMENTED = project(
  { '.env.example': `# GitHub: create a token at https://github.com/settings/tokens\n# export GITHUB_TOKEN=${gh}\nGITHUB_TOKEN=\n# API_KEY=your-api-key-here\n`, '.gitignore': GOOD_IGNORE },
  ['.env.example'],
);
/** `.env.production` not ignored (only `.env` is), `.env.sample` with a secret, `.env.vault` committed. */
const VARIANTS = project({ '.env.production': 'X=1\n', '.env.sample': `TOKEN=${gh}\n`, '.env.vault': 'DOTENV_VAULT_DEVELOPMENT="encrypted"\n', '.gitignore': '.env\n' }, ['.env.vault', '.env.sample']);
/** Outside git: `.gitignore` decides through the `ignore` package; nothing can be tracked. */
const NO_GIT = project({ '.env': 'A=1\n' });
const NO_GIT_IGNORED = project({ '.env': 'A=1\n', '.gitignore': '.env*\n!.env.example\n' });

const START = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const tracked = (file: string) => ({ messageId: 'trackedEnvFile' as const, data: { file }, ...START });
const notIgnored = (file: string) => ({ messageId: 'envFileNotIgnored' as const, data: { file }, ...START });

const ts = new RuleTester();

ts.run('no-committed-env-files (typescript-eslint parser)', rule, {
  valid: [
    { code: 'export {};', filename: join(CLEAN, 'src/index.ts') },
    { code: WORKER, filename: join(CLEAN, 'src/worker.ts') },
    { code: 'export {};', filename: join(NO_GIT_IGNORED, 'src/index.ts') },
    // not the entry file: the project is checked once, from the worker entry
    { code: 'export const x = 1;', filename: join(TRACKED, 'src/util.ts') },
    { code: 'export {};', filename: join(TRACKED, 'lib/index.ts') },
    // options
    { code: 'export {};', filename: join(EXAMPLE, 'src/index.ts'), options: [{ checkExampleSecrets: false }], name: 'checkExampleSecrets: false' },
  ],
  invalid: [
    {
      name: 'tracked .env and a .env.local that is not ignored',
      code: 'export {};',
      filename: join(TRACKED, 'src/index.ts'),
      errors: [tracked('.env'), notIgnored('.env.local')],
    },
    {
      name: 'allowFiles',
      code: 'export {};',
      filename: join(TRACKED, 'src/index.ts'),
      options: [{ allowFiles: ['.env.local'] }],
      errors: [tracked('.env')],
    },
    {
      name: 'reported on the new Worker() of the entry file',
      code: WORKER,
      filename: join(WORKER_FILE, 'src/worker.ts'),
      errors: [{ messageId: 'trackedEnvFile', data: { file: '.env' }, line: 2, column: 16, endLine: 2, endColumn: 28 }],
    },
    {
      name: 'a real-looking secret in .env.example',
      code: 'export {};',
      filename: join(EXAMPLE, 'src/index.ts'),
      errors: [{ messageId: 'secretInEnvExample', data: { file: '.env.example', envName: 'GITHUB_TOKEN', line: 2, ...GH }, ...START }],
    },
    {
      name: 'a token in a commented-out line of .env.example, named after its variable',
      code: 'export {};',
      filename: join(COMMENTED, 'src/index.ts'),
      errors: [{ messageId: 'secretInEnvExample', data: { file: '.env.example', envName: 'GITHUB_TOKEN', line: 2, ...GH }, ...START }],
    },
    {
      name: '.env.production not ignored, .env.sample with a secret, .env.vault allowed',
      code: 'export {};',
      filename: join(VARIANTS, 'src/index.ts'),
      errors: [notIgnored('.env.production'), { messageId: 'secretInEnvExample', data: { file: '.env.sample', envName: 'TOKEN', line: 1, ...GH }, ...START }],
    },
    {
      name: 'exampleFiles replaced: .env.sample is then a secret file, and tracked',
      code: 'export {};',
      filename: join(VARIANTS, 'src/index.ts'),
      options: [{ exampleFiles: [] }],
      errors: [tracked('.env.sample'), notIgnored('.env.production')],
    },
    { name: 'outside git: .env not in .gitignore', code: 'export {};', filename: join(NO_GIT, 'src/index.ts'), errors: [notIgnored('.env')] },
  ],
});

// --- espree, `.js` ---------------------------------------------------------------------------------------------
const JS_TRACKED = project({ '.env': 'A=1\n' }, ['.env']);
const cjsWorker = 'const { Worker } = require("@notionhq/workers");\nmodule.exports = new Worker();';
const js = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } } });

js.run('no-committed-env-files (espree, .js)', rule, {
  valid: [{ code: cjsWorker, filename: join(CLEAN, 'worker.js') }],
  invalid: [{ code: cjsWorker, filename: join(JS_TRACKED, 'src/index.js'), errors: [{ messageId: 'trackedEnvFile', data: { file: '.env' }, line: 2, column: 18, endLine: 2, endColumn: 30 }] }],
});

describe('no-committed-env-files', () => {
  it('reports once per lint run: the first entry file of a project claims it', () => {
    const dir = project({ '.env': 'A=1\n', 'src/index.ts': '', 'src/worker.ts': '' }, ['.env']);
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-committed-env-files': 'error' } },
    ];
    const lint = (name: string, code: string) => linter.verify(code, config, { filename: join(dir, name) }).map((m) => m.message);
    expect(lint('src/index.ts', 'export {};')).toEqual([expect.stringContaining('`.env` is tracked by git')]);
    expect(lint('src/worker.ts', WORKER)).toEqual([]);
    // the same file again (an editor re-lint) still reports
    expect(lint('src/index.ts', 'export {};')).toHaveLength(1);
  });

  it('prefers the file creating new Worker() over src/index.ts', () => {
    const dir = project({ '.env': 'A=1\n', 'src/index.ts': 'export * from "./worker";\n', 'src/worker.ts': WORKER }, ['.env']);
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-committed-env-files': 'error' } },
    ];
    const lint = (name: string, code: string) => linter.verify(code, config, { filename: join(dir, name) });
    expect(lint('src/index.ts', 'export * from "./worker";')).toEqual([]);
    expect(lint('src/worker.ts', WORKER)).toEqual([expect.objectContaining({ line: 2, column: 16, message: expect.stringContaining('`.env` is tracked by git') })]);
  });

  it('never prints a value of an env file', () => {
    const findings = [...checkEnvFiles(TRACKED), ...checkEnvFiles(EXAMPLE), ...checkEnvFiles(VARIANTS)];
    const text = JSON.stringify(findings);
    expect(findings.length).toBeGreaterThan(0);
    for (const secret of [gh, localValue]) {
      for (let i = 4; i + 8 <= secret.length - 4; i++) expect(text.includes(secret.slice(i, i + 8))).toBe(false);
    }
  });
});
