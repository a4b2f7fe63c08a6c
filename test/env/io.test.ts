import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTextIfExists, writeFileAtomic } from '../../src/env/index.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'env-io-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const modeOf = async (p: string): Promise<number> => (await stat(p)).mode & 0o777;
const isWindows = process.platform === 'win32';

describe('writeFileAtomic', () => {
  it('creates a new file with the requested mode (0600 for .env), regardless of umask', async () => {
    const p = join(dir, '.env');
    await writeFileAtomic(p, 'A=1\n', { mode: 0o600 });
    expect(await readFile(p, 'utf8')).toBe('A=1\n');
    if (!isWindows) expect(await modeOf(p)).toBe(0o600);
    expect(await readdir(dir)).toEqual(['.env']);
  });

  it('defaults to 0644 for new files', async () => {
    const p = join(dir, '.env.example');
    await writeFileAtomic(p, 'A=\n');
    if (!isWindows) expect(await modeOf(p)).toBe(0o644);
  });

  it('replaces an existing file and keeps its mode', async () => {
    const p = join(dir, '.env');
    await writeFile(p, 'OLD=1\n');
    await chmod(p, 0o640);
    await writeFileAtomic(p, Buffer.from('NEW=2\n'), { mode: 0o600 });
    expect(await readFile(p, 'utf8')).toBe('NEW=2\n');
    if (!isWindows) expect(await modeOf(p)).toBe(0o640);
    expect(await readdir(dir)).toEqual(['.env']);
  });

  it('follows a symlink and replaces its target', async () => {
    if (isWindows) return;
    const real = join(dir, 'real.env');
    const link = join(dir, '.env');
    await writeFile(real, 'OLD=1\n');
    await symlink(real, link);
    await writeFileAtomic(link, 'NEW=2\n');
    expect(await readFile(real, 'utf8')).toBe('NEW=2\n');
    expect((await readdir(dir)).sort()).toEqual(['.env', 'real.env']);
  });

  it('refuses a dangling symlink (relative or absolute): the link stays, nothing is written anywhere', async () => {
    if (isWindows) return;
    await mkdir(join(dir, 'secrets'));
    const link = join(dir, '.env');
    await symlink('secrets/worker.env', link);
    await expect(writeFileAtomic(link, 'NEW=1\n')).rejects.toThrow(/Could not write .*\.env: it is a symbolic link to .*secrets\/worker\.env, which does not exist/);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['.env', 'secrets']);
    expect(await readdir(join(dir, 'secrets'))).toEqual([]);
    const other = join(dir, '.env.example');
    await symlink(join(dir, 'vault/worker.env'), other);
    await expect(writeFileAtomic(other, 'A=\n')).rejects.toThrow(/vault\/worker\.env, which does not exist/);
    expect((await lstat(other)).isSymbolicLink()).toBe(true);
  });

  it('leaves no temp file and the old content intact when the rename fails', async () => {
    // The target is a directory, so rename() fails after the temp file was written.
    const target = join(dir, '.env');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'untouched');
    const data = 'value with spaces # and "quotes"';
    let error: unknown;
    try {
      await writeFileAtomic(target, data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(target);
    expect(message).not.toContain(data);
    expect((error as Error).cause).toBeDefined();
    expect(await readdir(dir)).toEqual(['.env']);
    expect(await readdir(target)).toEqual(['inside']);
    expect(await readFile(join(target, 'inside'), 'utf8')).toBe('untouched');
  });

  it('fails with the path in the message when the directory does not exist', async () => {
    const p = join(dir, 'missing', '.env');
    await expect(writeFileAtomic(p, 'A=1\n')).rejects.toThrow(p);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('readTextIfExists', () => {
  it('returns the content of an existing file', async () => {
    const p = join(dir, 'f');
    await writeFile(p, 'A=1\r\n');
    expect(await readTextIfExists(p)).toBe('A=1\r\n');
  });

  it('returns undefined on ENOENT', async () => {
    expect(await readTextIfExists(join(dir, 'nope'))).toBeUndefined();
  });

  it('rethrows other errors', async () => {
    await expect(readTextIfExists(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
