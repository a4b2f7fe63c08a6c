import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectNoSecret, lines, makeRepo, read, removeRepos, snapshot, T } from './helpers.js';

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
