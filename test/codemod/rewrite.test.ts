import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'dotenv';
import ignore from 'ignore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV_AFTER, ENV_EXAMPLE_BEFORE, FILES_AFTER, FILES_BEFORE, FIXTURE_SECRETS, GITIGNORE_BEFORE } from './fixture.js';
import { cli, expectNoSecret, lines, makeRepo, read, removeRepos, snapshot, T, type CliRun } from './helpers.js';

afterAll(removeRepos);

describe('codemod on the main fixture repository', () => {
  let dir: string;
  let run: CliRun;

  beforeAll(async () => {
    dir = await makeRepo(FILES_BEFORE);
    run = await cli('--root', dir);
  });

  it('exits 0 and never prints a secret', () => {
    expect(run.code).toBe(0);
    expectNoSecret(run.out + run.err, FIXTURE_SECRETS);
    expect(run.err).toMatch(/Rotate every moved secret: it is still in git history/);
    expect(run.err).toMatch(/ntn workers env push/);
    expect(run.err).toMatch(/GITHUB_TOKEN \(GitHub personal access token\): https:\/\//);
  });

  for (const path of Object.keys(FILES_AFTER)) {
    it(`rewrites ${path} exactly (comments, spacing and quotes kept)`, async () => {
      expect(await read(dir, path)).toBe(FILES_AFTER[path]);
    });
  }

  it('leaves no secret in any source file', async () => {
    const snap = await snapshot(dir);
    for (const [path, data] of snap) {
      if (path === '.env') continue;
      expectNoSecret(Buffer.from(data.slice(data.indexOf(':') + 1), 'base64').toString('utf8'), FIXTURE_SECRETS);
    }
  });

  it('writes every value to .env (mode 0600), one name per value', async () => {
    expect(parse(await read(dir, '.env'))).toEqual(ENV_AFTER);
    if (process.platform !== 'win32') expect((await stat(join(dir, '.env'))).mode & 0o777).toBe(0o600);
  });

  it('keeps .env.example (comments, order) and extends it under provider comments, without values', async () => {
    const text = await read(dir, '.env.example');
    expect(text.startsWith(ENV_EXAMPLE_BEFORE)).toBe(true);
    const parsed = parse(text);
    expect(Object.keys(parsed)).toEqual(['PORT', 'NOTION_API_BASE', ...Object.keys(parsed).slice(2)]);
    expect(Object.keys(parsed).slice(2).sort()).toEqual(Object.keys(ENV_AFTER).sort());
    for (const name of Object.keys(ENV_AFTER)) expect(parsed[name]).toBe('');
    expect(text).toMatch(/\n# GitHub personal access token\nGITHUB_TOKEN=\nGITHUB_TOKEN_2=\n/);
    expect(text).toMatch(/\n# Google API key\nGOOGLE_API_KEY=\n/);
    expect(text).toMatch(/\n# Stripe secret key\nSTRIPE_KEY=\n/);
    expect(parsed['PORT']).toBe('8787');
    expectNoSecret(text, FIXTURE_SECRETS);
  });

  it('keeps the .gitignore lines and makes it ignore .env (not .env.example)', async () => {
    const text = await read(dir, '.gitignore');
    expect(text.startsWith(GITIGNORE_BEFORE)).toBe(true);
    const ig = ignore().add(text);
    expect(ig.ignores('.env')).toBe(true);
    expect(ig.ignores('.env.local')).toBe(true);
    expect(ig.ignores('.env.example')).toBe(false);
  });

  it('is idempotent: a second run exits 0 and changes no byte', async () => {
    const before = await snapshot(dir);
    const again = await cli('--root', dir);
    expect(again.code).toBe(0);
    expect(await snapshot(dir)).toEqual(before);
    expectNoSecret(again.out + again.err, FIXTURE_SECRETS);
  });
});

describe('env names', () => {
  it('gives one name to the same value in two files, and `_2` to a different value with the same base name', async () => {
    const dir = await makeRepo({
      'a.ts': lines(`export const token = "${T.github.value}";`),
      'b.ts': lines(`export const githubToken = "${T.github.value}";`, `export const other = { token: "${T.github3.value}" };`),
    });
    const run = await cli('--root', dir);
    expect(run.code).toBe(0);
    expect(await read(dir, 'a.ts')).toBe(lines('export const token = process.env.GITHUB_TOKEN ?? "";'));
    expect(await read(dir, 'b.ts')).toBe(
      lines('export const githubToken = process.env.GITHUB_TOKEN ?? "";', 'export const other = { token: process.env.GITHUB_TOKEN_2 ?? "" };'),
    );
    expect(parse(await read(dir, '.env'))).toEqual({ GITHUB_TOKEN: T.github.value, GITHUB_TOKEN_2: T.github3.value });
    expect(await read(dir, '.env.example')).toBe(lines('# GitHub personal access token', 'GITHUB_TOKEN=', 'GITHUB_TOKEN_2='));
  });

  it('never reuses a name that .env holds with a different value; the old line stays byte for byte', async () => {
    const envBefore = `# mine\r\nGITHUB_TOKEN=${T.oldEnv.value}\r\nOTHER='x y'`;
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`), '.env': envBefore });
    const run = await cli('--root', dir);
    expect(run.code).toBe(0);
    expect(await read(dir, 'a.ts')).toBe(lines('export const token = process.env.GITHUB_TOKEN_2 ?? "";'));
    const env = await read(dir, '.env');
    expect(env.startsWith(envBefore)).toBe(true);
    expect(env).toBe(`${envBefore}\r\n\r\n# GitHub personal access token\r\nGITHUB_TOKEN_2=${T.github.value}\r\n`);
    expect(parse(env)).toEqual({ GITHUB_TOKEN: T.oldEnv.value, OTHER: 'x y', GITHUB_TOKEN_2: T.github.value });
    expectNoSecret(run.out + run.err, [T.github, T.oldEnv]);
  });

  it('reuses the name .env already gives to the same value, and leaves .env alone', async () => {
    const envBefore = lines(`MY_GH=${T.github.value}`);
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`), '.env': envBefore });
    expect((await cli('--root', dir)).code).toBe(0);
    expect(await read(dir, 'a.ts')).toBe(lines('export const token = process.env.MY_GH ?? "";'));
    expect(await read(dir, '.env')).toBe(envBefore);
    expect(await read(dir, '.env.example')).toBe(lines('# GitHub personal access token', 'MY_GH='));
  });

  it('reuses the name of a `process.env.X ?? "<secret>"` fallback and drops the fallback', async () => {
    const dir = await makeRepo({
      'a.ts': lines(`const key = process.env.PAYMENTS_KEY || '${T.stripe.value}';`, 'export default key;'),
    });
    expect((await cli('--root', dir)).code).toBe(0);
    expect(await read(dir, 'a.ts')).toBe(lines("const key = process.env.PAYMENTS_KEY || '';", 'export default key;'));
    expect(parse(await read(dir, '.env'))).toEqual({ PAYMENTS_KEY: T.stripe.value });
  });

  it('keeps the fallback read when .env holds its name with another value (the value moves under a suffix)', async () => {
    const envBefore = lines(`PAYMENTS_KEY=${T.oldEnv.value}`);
    const dir = await makeRepo({ 'a.ts': lines(`export const key = process.env.PAYMENTS_KEY ?? "${T.stripe.value}";`), '.env': envBefore });
    expect((await cli('--root', dir)).code).toBe(0);
    expect(await read(dir, 'a.ts')).toBe(lines('export const key = process.env.PAYMENTS_KEY ?? (process.env.PAYMENTS_KEY_2 ?? "");'));
    expect(parse(await read(dir, '.env'))).toEqual({ PAYMENTS_KEY: T.oldEnv.value, PAYMENTS_KEY_2: T.stripe.value });
  });

  it('never gives a value a name the code reads for its own purpose (also outside the named paths), unless .env holds it with that value', async () => {
    const files = {
      'src/index.ts': lines('const { GITHUB_TOKEN } = process.env;', 'export const token = GITHUB_TOKEN;'),
      'scripts/backfill.ts': lines(`export const token = "${T.github.value}";`),
    };
    const dir = await makeRepo(files);
    expect((await cli('--root', dir, 'scripts')).code).toBe(0);
    expect(await read(dir, 'scripts/backfill.ts')).toBe(lines('export const token = process.env.GITHUB_TOKEN_2 ?? "";'));
    expect(parse(await read(dir, '.env'))).toEqual({ GITHUB_TOKEN_2: T.github.value });

    const envBefore = lines(`GITHUB_TOKEN=${T.github.value}`);
    const same = await makeRepo({ ...files, '.env': envBefore });
    expect((await cli('--root', same)).code).toBe(0);
    expect(await read(same, 'scripts/backfill.ts')).toBe(lines('export const token = process.env.GITHUB_TOKEN ?? "";'));
    expect(await read(same, '.env')).toBe(envBefore);
  });
});

describe('rewrite shapes', () => {
  it('handles a JSX text, a comment and a secret inside a string concatenation', async () => {
    const dir = await makeRepo({
      'src/a.jsx': lines(
        '// old token: ' + T.github.value,
        `const url = "https://api.example.com/v1?key=" + "${T.google.value}";`,
        `export const C = () => <p>${T.github.value}</p>;`,
        'export { url };',
      ),
    });
    expect((await cli('--root', dir)).code).toBe(0);
    expect(await read(dir, 'src/a.jsx')).toBe(
      lines(
        '// old token: <moved to env GITHUB_TOKEN>',
        'const url = "https://api.example.com/v1?key=" + (process.env.GOOGLE_API_KEY ?? "");',
        'export const C = () => <p>{process.env.GITHUB_TOKEN ?? ""}</p>;',
        'export { url };',
      ),
    );
  });

  it('leaves a secret where TypeScript needs a literal for a human (exit 1) and does not move its value', async () => {
    const g = T.github.value;
    const dir = await makeRepo({
      'a.ts': lines(`export type Token = "${g}";`, `export const a = "${g}" as const;`, `export const b = <const>"${g}";`, `declare const c = "${g}";`, `export const d = { "${g}": 1 };`),
    });
    const before = await snapshot(dir);
    const run = await cli('--root', dir, '--json');
    expect(run.code).toBe(1);
    expect(await snapshot(dir)).toEqual(before);
    const report = JSON.parse(run.out);
    expect(report.files[0].secrets.map((s: { action: string }) => s.action)).toEqual(['manual', 'manual', 'manual', 'manual', 'manual']);
    expect(report.summary.manual).toBe(5);
    expect(run.err).toMatch(/a\.ts:2:19 {2}GitHub personal access token ghp_…\w{4} {2}left for a manual edit \(no safe rewrite here\)$/m);
    expectNoSecret(run.out + run.err, [T.github]);
  });

  it('moves a literal inside an `as const` object or a template, where an env read type-checks', async () => {
    const g = T.github.value;
    const dir = await makeRepo({ 'a.ts': lines(`export const cfg = { token: "${g}" } as const;`, `export const h = "Bearer ${g}" as const;`) });
    expect((await cli('--root', dir)).code).toBe(0);
    expect(await read(dir, 'a.ts')).toBe(
      lines('export const cfg = { token: process.env.GITHUB_TOKEN ?? "" } as const;', 'export const h = `Bearer ${process.env.GITHUB_TOKEN ?? ""}` as const;'),
    );
  });
});
