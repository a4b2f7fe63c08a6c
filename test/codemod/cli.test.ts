import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectNoSecret, git, gitCommitAll, lines, makeRepo, read, removeRepos, snapshot, T } from './helpers.js';

afterAll(removeRepos);

describe('worker-auth-codemod CLI', () => {
  it('--help prints the usage on stdout and exits 0', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Usage: worker-auth-codemod \[options\] \[paths\.\.\.\]/);
    expect(run.out).toMatch(/--dry-run/);
    expect(run.out).toMatch(/Exit codes: 0/);
    expect((await cli('-h')).code).toBe(0);
  });

  it('an unknown flag prints the usage and exits 2', async () => {
    const run = await cli('--no-such-flag');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Unknown option '--no-such-flag'/);
    expect(run.err).toMatch(/Usage:/);
  });

  it('the report names a moved value as the code reads it: process.env.X, or process.env["a.b"] for a name that is no identifier', async () => {
    const dir = await makeRepo({ 'src/notion.ts': lines(`export const notionAuth = "${T.github.value}";`), '.env': `gh.token=${T.github.value}\n` });
    const run = await cli('--root', dir);
    expect(run.code).toBe(0);
    expect(await read(dir, 'src/notion.ts')).toBe(lines('export const notionAuth = process.env["gh.token"] ?? "";'));
    expect(run.out + run.err).toContain('moved process.env["gh.token"]');
    expectNoSecret(run.out + run.err);
  });

  it('a bad --test-files value exits 2', async () => {
    expect((await cli('--test-files', 'some')).code).toBe(2);
  });

  it('a path that does not exist exits 2 and writes nothing', async () => {
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`) });
    const before = await snapshot(dir);
    const run = await cli('--root', dir, 'no/such/dir');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/no\/such\/dir: no such file or folder/);
    expect(await snapshot(dir)).toEqual(before);
    expect((await cli('--root', join(dir, 'missing-root'))).code).toBe(2);
  });

  it('a path without any JS/TS source exits 2', async () => {
    const dir = await makeRepo({ 'docs/readme.md': '# hi\n', 'a.ts': 'export {};\n' });
    const run = await cli('--root', dir, 'docs');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/no JS\/TS source files under docs/);
  });

  it('exits 0 and writes nothing when there is nothing to do', async () => {
    const dir = await makeRepo({ 'a.ts': lines('export const token = process.env.GITHUB_TOKEN ?? "";', 'const password = "";') });
    const before = await snapshot(dir);
    const run = await cli('--root', dir);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/No hardcoded secrets found/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('exits 1 when a file could not be changed, 0 once it is fixed', async () => {
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}"`, 'export const = 1;') });
    const run = await cli('--root', dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/error a\.ts:2: does not parse/);
    expectNoSecret(run.out + run.err);
    await writeFile(join(dir, 'a.ts'), lines(`export const token = "${T.github.value}";`));
    expect((await cli('--root', dir)).code).toBe(0);
    expect(await read(dir, 'a.ts')).toBe(lines('export const token = process.env.GITHUB_TOKEN ?? "";'));
  });

  it('paths are relative to --root; the human report goes to stderr, the diff to stdout', async () => {
    const dir = await makeRepo({ 'src/a.ts': lines(`export const token = "${T.github.value}";`) });
    const run = await cli('--root', dir, '--dry-run', 'src');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^=+\n--- a\/src\/a\.ts/);
    expect(run.err).toMatch(/src\/a\.ts:1:23 {2}GitHub personal access token ghp_…\w{4} {2}would move process\.env\.GITHUB_TOKEN/);
    expectNoSecret(run.out + run.err);
  });
});

describe('a .env tracked by git', () => {
  it('a writing run refuses (exit 2) and writes nothing; a dry run warns; once untracked, the run completes', async () => {
    const dir = await makeRepo({ 'src/a.ts': lines(`export const token = "${T.github.value}";`), '.env': lines('PORT=8787') });
    await gitCommitAll(dir);
    const before = await snapshot(dir);
    const refused = await cli('--root', dir, '--allow-dirty');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^worker-auth-codemod: \.env is tracked by git: the values moved into it would be committed with it; untrack it first \(`git rm --cached \.env`/);
    expect(await snapshot(dir)).toEqual(before);
    const dry = await cli('--root', dir, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.err).toMatch(/warning: \.env is tracked by git, so a real run refuses to add the values to it: untrack it first/);
    expect(await snapshot(dir)).toEqual(before);
    expectNoSecret(refused.out + refused.err + dry.out + dry.err);

    await git(dir, 'rm', '-q', '--cached', '.env');
    await git(dir, 'commit', '-q', '-m', 'untrack .env');
    const run = await cli('--root', dir);
    expect(run.code).toBe(0);
    expect(parse(await read(dir, '.env'))).toEqual({ PORT: '8787', GITHUB_TOKEN: T.github.value });
    expect(await git(dir, 'check-ignore', '.env')).toBe('.env\n');
  });

  it('a run that adds nothing to it is not refused', async () => {
    const dir = await makeRepo({ 'src/a.ts': lines('export const token = process.env.GITHUB_TOKEN ?? "";'), '.env': lines(`GITHUB_TOKEN=${T.github.value}`) });
    await gitCommitAll(dir);
    expect((await cli('--root', dir)).code).toBe(0);
  });
});

describe('paths named on the command line', () => {
  it('node_modules, build output, declaration and minified files are never read, even when named: listed as skipped', async () => {
    const secretFile = lines(`export const token = "${T.github.value}";`);
    const dir = await makeRepo({
      'src/a.ts': lines(`export const token = "${T.github3.value}";`),
      'node_modules/pkg/index.js': secretFile,
      'dist/index.js': secretFile,
      'web/.next/server/page.js': secretFile,
      'src/vendor.min.js': secretFile,
      'types/api.d.ts': lines(`export declare const token = "${T.github.value}";`),
      'packages/lib/index.ts': lines(`export const token = "${T.github2.value}";`),
    });
    // a workspace package linked under node_modules is still under node_modules as named
    await mkdir(join(dir, 'node_modules/@w'), { recursive: true });
    await symlink('../../packages/lib', join(dir, 'node_modules/@w/lib'));
    const before = await snapshot(dir);
    const named = ['node_modules/pkg/index.js', 'dist', 'web/.next/server', 'src/vendor.min.js', 'types/api.d.ts', 'node_modules/@w/lib/index.ts'];
    const run = await cli('--root', dir, '--json', 'src/a.ts', ...named);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as { files: { path: string }[]; skipped: { path: string; reason: string }[] };
    expect(report.files.map((f) => f.path)).toEqual(['src/a.ts']);
    expect(report.skipped).toEqual([
      { path: 'node_modules/pkg/index.js', reason: 'dependencies (node_modules/); never read, even when named' },
      { path: 'dist', reason: 'build output (dist/); never read, even when named' },
      { path: 'web/.next/server', reason: 'build output (.next/); never read, even when named' },
      { path: 'src/vendor.min.js', reason: 'minified (*.min.js); never read, even when named' },
      { path: 'types/api.d.ts', reason: 'type declarations (*.d.ts); never read, even when named' },
      { path: 'node_modules/@w/lib/index.ts', reason: 'dependencies (node_modules/); never read, even when named' },
    ]);
    const after = await snapshot(dir);
    for (const [path, bytes] of before) if (path !== 'src/a.ts') expect(after.get(path), path).toBe(bytes);
    expect(parse(await read(dir, '.env'))).toEqual({ GITHUB_TOKEN: T.github3.value });
    expect((await cli('--root', dir, '--dry-run', 'src/a.ts', 'dist')).err).toMatch(/^skipped dist: build output \(dist\/\); never read, even when named$/m);
  });

  it('a named file that is no JS/TS source (a README, a JSON file) is skipped, not parsed as code', async () => {
    const dir = await makeRepo({
      'src/a.ts': lines(`export const token = "${T.github3.value}";`),
      'README.md': lines('# Worker', '', `Set the token: \`export const token = "${T.github.value}";\``),
      'config.json': lines(`{ "token": "${T.github2.value}" }`),
    });
    const before = await snapshot(dir);
    const run = await cli('--root', dir, '--json', '--dry-run', 'src/a.ts', 'README.md', 'config.json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as { files: { path: string }[]; skipped: { path: string; reason: string }[] };
    expect(report.files.map((f) => f.path)).toEqual(['src/a.ts']);
    expect(report.skipped).toEqual([
      { path: 'README.md', reason: 'not a JS/TS source file; not read' },
      { path: 'config.json', reason: 'not a JS/TS source file; not read' },
    ]);
    expectNoSecret(run.out + run.err);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('naming only such paths is bad usage (exit 2), in every mode: the error says why, nothing is written', async () => {
    const dir = await makeRepo({
      'src/a.ts': 'export {};\n',
      'dist/index.js': lines(`export const token = "${T.github.value}";`, 'export const db = process.env.DATABASE_URL;'),
    });
    const before = await snapshot(dir);
    for (const args of [['dist'], ['--dry-run', 'dist'], ['--sync-env-example', 'dist'], ['dist/index.js', '--json']]) {
      const run = await cli('--root', dir, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err).toMatch(/no JS\/TS source files under dist(?:\/index\.js)? \(dist(?:\/index\.js)?: build output \(dist\/\); never read, even when named\)\./);
      expect(run.out).toBe('');
      expectNoSecret(run.out + run.err);
    }
    expect(await snapshot(dir)).toEqual(before);
  });
});
