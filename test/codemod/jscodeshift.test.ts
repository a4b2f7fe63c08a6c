/**
 * The jscodeshift entry: same bytes as the CLI, env files written under the lock before the source is returned,
 * `undefined` when there is nothing to do or the env files cannot be written.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { afterAll, describe, expect, it } from 'vitest';
import * as transformModule from '../../codemods/jscodeshift.js';
import transform, { LOCK_FILE, withEnvLock } from '../../codemods/jscodeshift.js';
import { fakeToken } from '../support/fake-tokens.js';
import { ENV_AFTER, FILES_AFTER, FILES_BEFORE } from './fixture.js';
import { cli, expectNoSecret, gitCommitAll, lines, makeRepo, read, removeRepos, snapshot, T } from './helpers.js';

afterAll(removeRepos);

const require = createRequire(import.meta.url);
const { applyTransform } = require('jscodeshift/dist/testUtils.js') as {
  applyTransform: (module: unknown, options: unknown, input: { path: string; source: string }) => Promise<string>;
};

/** Run the transform on one file as jscodeshift would, writing the result back. */
async function shift(dir: string, path: string, options: Record<string, unknown> = {}, messages: string[] = []): Promise<string | undefined> {
  const abs = join(dir, path);
  const out = await transform({ path: abs, source: await readFile(abs, 'utf8') }, { report: (m) => messages.push(m) }, { root: dir, ...options });
  if (out !== undefined && !options['dry']) await writeFile(abs, out);
  return out;
}

const SOURCES = Object.keys(FILES_AFTER).sort();

describe('jscodeshift transform', () => {
  it('takes --allowPattern and --ignoreProvider as the CLI takes --allow-pattern and --ignore-provider', async () => {
    const github = fakeToken('github-classic-pat', 941);
    const gitlab = fakeToken('gitlab-pat', 942);
    const slack = fakeToken('slack-bot-token', 943);
    const code = lines(`export const a = "${github}";`, `export const b = "${gitlab}";`, `export const c = "${slack}";`);
    const dir = await makeRepo({ 'src/t.ts': code });
    await shift(dir, 'src/t.ts', { ignoreProvider: 'GitHub', allowPattern: [`^${gitlab.slice(0, 8)}`] });
    const after = await read(dir, 'src/t.ts');
    expect(after.includes(github), 'ignored provider left').toBe(true);
    expect(after.includes(gitlab), 'allowed pattern left').toBe(true);
    expect(after.includes(slack), 'the other token moved').toBe(false);
  });

  it('produces byte-identical sources to the CLI and the same .env values', async () => {
    const viaCli = await makeRepo(FILES_BEFORE);
    const viaShift = await makeRepo(FILES_BEFORE);
    expect((await cli('--root', viaCli)).code).toBe(0);
    // the fallback file first (the CLI gives a fallback name priority across the repository)
    const order = ['src/stripe.ts', ...SOURCES.filter((p) => p !== 'src/stripe.ts')];
    const messages: string[] = [];
    for (const path of order) await shift(viaShift, path, {}, messages);
    for (const path of SOURCES) expect(await read(viaShift, path), path).toBe(await read(viaCli, path));
    for (const path of SOURCES) expect(await read(viaShift, path)).toBe(FILES_AFTER[path]);
    expect(parse(await read(viaShift, '.env'))).toEqual(ENV_AFTER);
    expect(parse(await read(viaShift, '.env.example'))).toEqual(parse(await read(viaCli, '.env.example')));
    expect(await read(viaShift, '.gitignore')).toBe(await read(viaCli, '.gitignore'));
    expect((await stat(join(viaShift, '.env'))).mode & 0o777).toBe(0o600);
    expect(await readdir(viaShift)).not.toContain(LOCK_FILE);
    expectNoSecret(messages.join('\n'));
    expect(messages.some((m) => /moved 1 secret\(s\) to GITHUB_TOKEN; rotate them/.test(m))).toBe(true);
    // a second pass changes nothing
    const before = await snapshot(viaShift);
    for (const path of SOURCES) expect(await shift(viaShift, path)).toBeUndefined();
    expect(await snapshot(viaShift)).toEqual(before);
  });

  it('works through jscodeshift applyTransform (output trimmed by it)', async () => {
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`) });
    const out = await applyTransform(transformModule, { root: dir }, { path: join(dir, 'a.ts'), source: await read(dir, 'a.ts') });
    expect(out).toBe('export const token = process.env.GITHUB_TOKEN ?? "";');
    expect(parse(await read(dir, '.env'))).toEqual({ GITHUB_TOKEN: T.github.value });
  });

  it('returns undefined when there is nothing to do, and writes nothing', async () => {
    const dir = await makeRepo({ 'a.ts': lines('export const token = process.env.GITHUB_TOKEN ?? "";', 'export const url = "https://example.com";') });
    const before = await snapshot(dir);
    expect(await shift(dir, 'a.ts')).toBeUndefined();
    expect(await snapshot(dir)).toEqual(before);
  });

  it('--dry returns the new source and writes no env file', async () => {
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`) });
    const before = await snapshot(dir);
    expect(await shift(dir, 'a.ts', { dry: true })).toBe(lines('export const token = process.env.GITHUB_TOKEN ?? "";'));
    expect(await snapshot(dir)).toEqual(before);
  });

  it('names against the current .env: the same value keeps its name, a taken name gets a suffix', async () => {
    const dir = await makeRepo({
      'a.ts': lines(`export const token = "${T.github.value}";`),
      'b.ts': lines(`export const token = "${T.github.value}";`, `export const other = { token: "${T.github3.value}" };`),
      '.env': lines(`GITHUB_TOKEN_2=${T.oldEnv.value}`),
    });
    await shift(dir, 'b.ts');
    await shift(dir, 'a.ts');
    expect(await read(dir, 'a.ts')).toBe(lines('export const token = process.env.GITHUB_TOKEN ?? "";'));
    expect(await read(dir, 'b.ts')).toBe(lines('export const token = process.env.GITHUB_TOKEN ?? "";', 'export const other = { token: process.env.GITHUB_TOKEN_3 ?? "" };'));
    expect(parse(await read(dir, '.env'))).toEqual({ GITHUB_TOKEN_2: T.oldEnv.value, GITHUB_TOKEN: T.github.value, GITHUB_TOKEN_3: T.github3.value });
  });

  it('parallel runs agree through the lock: every value lands in .env once, under the name its code reads', async () => {
    // every third file shares one value; the others all want GITHUB_TOKEN too
    const values = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? T.github.value : fakeToken('github-classic-pat', 200 + i)));
    const files = Object.fromEntries(values.map((v, i) => [`src/f${String(i).padStart(2, '0')}.ts`, lines(`export const token = "${v}";`)]));
    const dir = await makeRepo(files);
    const outputs = await Promise.all(Object.keys(files).map((p) => shift(dir, p)));
    const env = parse(await read(dir, '.env'));
    expect(new Set(Object.values(env)).size).toBe(Object.values(env).length); // one name per value
    expect(new Set(Object.values(env))).toEqual(new Set(values));
    outputs.forEach((out, i) => {
      const name = /process\.env\.(\w+) \?\? ""/.exec(out ?? '')?.[1];
      expect(name && env[name]).toBe(values[i]);
    });
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
    expect(Object.keys(parse(await read(dir, '.env.example'))).sort()).toEqual(Object.keys(env).sort());
  });

  it('returns undefined (source untouched) when the lock stays held or .env cannot be written', async () => {
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`), [LOCK_FILE]: '999999\n' });
    const messages: string[] = [];
    expect(await shift(dir, 'a.ts', { lockTimeoutMs: 50 }, messages)).toBeUndefined();
    expect(messages.join('\n')).toMatch(/not changed: .*is still held/);
    expect(await readdir(dir)).toContain(LOCK_FILE); // not ours: left alone
    expect(await readdir(dir)).not.toContain('.env');

    const blocked = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`) });
    await mkdir(join(blocked, '.env')); // .env cannot be read or replaced
    const before = await snapshot(blocked);
    expect(await shift(blocked, 'a.ts', {}, messages)).toBeUndefined();
    expect(await snapshot(blocked)).toEqual(before);
    expect(await readdir(blocked)).not.toContain(LOCK_FILE);
    expectNoSecret(messages.join('\n'));
  });

  it('returns undefined (source untouched, nothing written) when .env is tracked by git: the values would be committed', async () => {
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`), '.env': lines('PORT=8787') });
    await gitCommitAll(dir);
    const before = await snapshot(dir);
    const messages: string[] = [];
    expect(await shift(dir, 'a.ts', {}, messages)).toBeUndefined();
    expect(messages.join('\n')).toMatch(/not changed: \.env is tracked by git; untrack it first \(`git rm --cached \.env`/);
    expect(await snapshot(dir)).toEqual(before);
    expectNoSecret(messages.join('\n'));
  });

  it('throws for a file that does not parse (jscodeshift counts an error) and writes nothing', async () => {
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`, 'const = ;') });
    const before = await snapshot(dir);
    await expect(shift(dir, 'a.ts')).rejects.toThrow(/a\.ts:2: does not parse/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('keeps a BOM and CRLF; skips a non-UTF-8 file', async () => {
    const dir = await makeRepo({
      'a.ts': `\uFEFFexport const a = "${T.github.value}";\r\n`,
      'b.ts': Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\nexport const t = "${T.github3.value}";\n`)]),
    });
    expect(await shift(dir, 'a.ts')).toBe('\uFEFFexport const a = process.env.GITHUB_TOKEN ?? "";\r\n');
    const latin1 = await readFile(join(dir, 'b.ts'));
    expect(await shift(dir, 'b.ts')).toBeUndefined();
    expect(await readFile(join(dir, 'b.ts'))).toEqual(latin1);
  });

  it('withEnvLock serialises critical sections and always removes its lock', async () => {
    const dir = await makeRepo({});
    let inside = 0;
    let max = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withEnvLock(dir, 5000, async () => {
          inside++;
          max = Math.max(max, inside);
          await new Promise((r) => setTimeout(r, 5));
          inside--;
        }),
      ),
    );
    expect(max).toBe(1);
    await expect(withEnvLock(dir, 5000, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });
});
