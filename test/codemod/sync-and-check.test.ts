/** `worker-auth-codemod --sync-env-example` and `--check`, end to end through the CLI's `main()`. */
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { envNamesRead } from '../../codemods/plan.js';
import plugin from '../../src/index.js';
import { cli, expectNoSecret, git, lines, makeRepo, read, removeRepos, snapshot, T } from './helpers.js';

afterAll(removeRepos);

const COMMENT = '# Read by the worker (added by worker-auth-codemod --sync-env-example)';
const WORKER = lines(
  'import { Worker } from "@notionhq/workers";',
  'const { LINEAR_API_KEY } = process.env;',
  'export const worker = new Worker();',
  'export const gh = process.env.GITHUB_TOKEN ?? "";',
  'export const hook = process.env["WEBHOOK_SECRET"];',
  'export const prod = process.env.NODE_ENV === "production";',
  'process.env.TZ = "UTC";',
  'export const again = process.env.LINEAR_API_KEY;',
);

function lintEnvSync(dir: string, file: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/env-example-in-sync': 'error' } },
  ];
  return linter.verify(code, config, { filename: join(dir, file) }).map((m) => m.message);
}

describe('worker-auth-codemod --sync-env-example', () => {
  it('appends the missing names (names only) under one comment, keeps the file, and then the rule passes', async () => {
    const dir = await makeRepo({ '.git/HEAD': '', 'src/index.ts': WORKER, '.env.example': '# keep this\nGITHUB_TOKEN=\n' });
    expect(lintEnvSync(dir, 'src/index.ts', WORKER)).toHaveLength(3);
    const run = await cli('--root', dir, '--sync-env-example');
    expect(run.code).toBe(0);
    expect(await read(dir, '.env.example')).toBe(`# keep this\nGITHUB_TOKEN=\n\n${COMMENT}\nLINEAR_API_KEY=\nWEBHOOK_SECRET=\n`);
    expect(run.err).toMatch(/\.env\.example: added LINEAR_API_KEY, WEBHOOK_SECRET/);
    expect(run.err).toMatch(/5 env reads in 1 file; 2 names added\./);
    expect(run.err).toMatch(/ntn workers env push/);
    expect(lintEnvSync(dir, 'src/index.ts', WORKER)).toEqual([]);

    // a second run is a no-op
    const before = await snapshot(dir);
    const again = await cli('--root', dir, '--sync-env-example');
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/\.env\.example lists every variable the code reads/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('creates .env.example when there is none; skips test files unless --test-files all', async () => {
    const dir = await makeRepo({
      'src/a.ts': lines('export const a = process.env.API_TOKEN;'),
      'src/__tests__/a.test.ts': lines('export const t = process.env.TEST_ONLY;'),
      'src/plain.ts': lines('export const nothing = 1;'),
    });
    expect((await cli('--root', dir, '--sync-env-example')).code).toBe(0);
    expect(await read(dir, '.env.example')).toBe(`${COMMENT}\nAPI_TOKEN=\n`);
    expect((await cli('--root', dir, '--sync-env-example', '--test-files', 'all')).code).toBe(0);
    expect(await read(dir, '.env.example')).toBe(`${COMMENT}\nAPI_TOKEN=\nTEST_ONLY=\n`);
  });

  it('adds each name to the nearest .env.example inside the root', async () => {
    const dir = await makeRepo({
      '.env.example': 'ROOT_ONLY=\n',
      'packages/w/.env.example': 'W_KEY=\n',
      'packages/w/src/index.ts': lines('export const a = [process.env.W_KEY, process.env.W_NEW];'),
      'src/index.ts': lines('export const b = process.env.ROOT_NEW;'),
    });
    expect((await cli('--root', dir, '--sync-env-example')).code).toBe(0);
    expect(await read(dir, '.env.example')).toBe(`ROOT_ONLY=\n\n${COMMENT}\nROOT_NEW=\n`);
    expect(await read(dir, 'packages/w/.env.example')).toBe(`W_KEY=\n\n${COMMENT}\nW_NEW=\n`);
  });

  it('--dry-run writes nothing and shows only the added lines (no existing line, so no value)', async () => {
    const dir = await makeRepo({ 'src/index.ts': WORKER, '.env.example': `GITHUB_TOKEN=${T.github.value}\n` });
    const before = await snapshot(dir);
    const run = await cli('--root', dir, '--sync-env-example', '--dry-run');
    expect(run.code).toBe(0);
    expect(await snapshot(dir)).toEqual(before);
    expect(run.out).toMatch(/^\+LINEAR_API_KEY=$/m);
    expect(run.out).toMatch(/^\+WEBHOOK_SECRET=$/m);
    expect(run.err).toMatch(/would add LINEAR_API_KEY, WEBHOOK_SECRET/);
    expectNoSecret(run.out + run.err);
  });

  it('--json prints one versioned document', async () => {
    const dir = await makeRepo({ 'src/index.ts': WORKER });
    const run = await cli('--root', dir, '--sync-env-example', '--json');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.out) as { version: number; syncEnvExample: { mode: string; files: { path: string; status: string; added: string[] }[] } };
    expect(doc.version).toBe(1);
    expect(doc.syncEnvExample.mode).toBe('sync-env-example');
    expect(doc.syncEnvExample.files).toEqual([{ path: '.env.example', status: 'created', added: ['LINEAR_API_KEY', 'GITHUB_TOKEN', 'WEBHOOK_SECRET'] }]);
  });

  it('a file that does not parse exits 1; the others are still synced', async () => {
    const dir = await makeRepo({ 'src/a.ts': lines('export const a = process.env.A_KEY;'), 'src/broken.ts': lines('export const = process.env.B_KEY;') });
    const run = await cli('--root', dir, '--sync-env-example');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/skipped src\/broken\.ts: does not parse/);
    expect(await read(dir, '.env.example')).toBe(`${COMMENT}\nA_KEY=\n`);
  });

  it('a missing root or path exits 2', async () => {
    const dir = await makeRepo({ 'src/a.ts': lines('export {};') });
    expect((await cli('--root', join(dir, 'nope'), '--sync-env-example')).code).toBe(2);
    expect((await cli('--root', dir, '--sync-env-example', 'no/such/dir')).code).toBe(2);
  });

  it('reads the same names as the rule (aliases, constants, optional chaining; writes excluded)', () => {
    const code = lines(
      'import { env } from "node:process";',
      'const KEY = "C_KEY";',
      'const e = process.env;',
      'export const x = [env.A_KEY, process?.env?.B_KEY, process.env[KEY], e.D_KEY, process.env[`E_KEY`]];',
      'process.env.WRITTEN = "1";',
      'delete process.env.DELETED;',
    );
    expect(envNamesRead(code, 'a.ts')).toEqual(['A_KEY', 'B_KEY', 'C_KEY', 'D_KEY', 'E_KEY']);
    expect(envNamesRead('function f(process) { return process.env.LOCAL; }', 'a.js')).toEqual([]);
  });
});

describe('worker-auth-codemod --check', () => {
  it('exits 1 for a tracked .env and a .env.local that is not ignored; values never printed', async () => {
    const dir = await makeRepo({ '.env': `GITHUB_TOKEN=${T.github.value}\n`, '.env.local': `STRIPE_KEY=${T.stripe.value}\n`, '.gitignore': 'node_modules\n', 'src/index.ts': WORKER });
    await git(dir, 'init', '-q');
    await git(dir, 'add', '.env');
    const run = await cli('--root', dir, '--check');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^\.env: tracked by git; run `git rm --cached \.env`/m);
    expect(run.err).toMatch(/^\.env\.local: not git-ignored/m);
    expect(run.err).toMatch(/2 problem\(s\) with env files\./);
    expectNoSecret(run.out + run.err);
  });

  it('reports a real-looking secret in .env.example, masked', async () => {
    const dir = await makeRepo({ '.env.example': `# GitHub\nGITHUB_TOKEN=${T.github.value}\nLINEAR_API_KEY=<paste your key>\n`, '.gitignore': '.env\n.env.*\n!.env.example\n' });
    await git(dir, 'init', '-q');
    await git(dir, 'add', '-A');
    const run = await cli('--root', dir, '--check', '--json');
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.out) as { version: number; check: { findings: unknown[]; summary: unknown; git: boolean } };
    expect(doc.check.git).toBe(true);
    expect(doc.check.findings).toEqual([
      { problem: 'secret-in-example', file: '.env.example', envName: 'GITHUB_TOKEN', what: 'GitHub personal access token', masked: `ghp_…${T.github.value.slice(-4)}`, line: 2 },
    ]);
    expect(doc.check.summary).toEqual({ tracked: 0, notIgnored: 0, secretsInExample: 1 });
    expect(run.err).toMatch(/^\.env\.example:2: GITHUB_TOKEN holds a value that looks like a real secret \(GitHub personal access token ghp_…\w{4}\)/m);
    expectNoSecret(run.out + run.err);
  });

  it('exits 0 when everything is ignored and the template is clean', async () => {
    const dir = await makeRepo({ '.env': `GITHUB_TOKEN=${T.github.value}\n`, '.env.production': 'X=1\n', '.env.example': 'GITHUB_TOKEN=\n', '.gitignore': '.env\n.env.*\n!.env.example\n' });
    await git(dir, 'init', '-q');
    await git(dir, 'add', '-A');
    const run = await cli('--root', dir, '--check');
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/Env files OK/);
  });

  it('outside git: .gitignore decides; says that tracked files were not checked', async () => {
    const dir = await makeRepo({ '.env': 'A=1\n' });
    const run = await cli('--root', dir, '--check');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^\.env: not git-ignored/m);
    expect(run.err).toMatch(/not a git work tree: tracked env files were not checked/);
  });

  it('--sync-env-example --check together: one JSON document, the worse exit code', async () => {
    const dir = await makeRepo({ '.env': 'A=1\n', 'src/index.ts': lines('export const a = process.env.A;') });
    const run = await cli('--root', dir, '--sync-env-example', '--check', '--json');
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.out) as Record<string, unknown>;
    expect(Object.keys(doc).sort()).toEqual(['check', 'syncEnvExample', 'version']);
    expect(await read(dir, '.env.example')).toBe(`${COMMENT}\nA=\n`);
  });

  it('--help lists both flags', async () => {
    const run = await cli('--help');
    expect(run.out).toMatch(/--sync-env-example/);
    expect(run.out).toMatch(/--check {10}instead: check env files/);
  });
});
