/**
 * Fixture repositories for the codemod tests: built in `mkdtemp` folders from generated fake tokens (never a
 * token literal in this repository), byte snapshots, a captured CLI run, and the "no secret in this text" check.
 */
import { execFile } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { main } from '../../src/cli/codemod.js';
import { fakeGenericSecret, fakeToken } from '../support/fake-tokens.js';

const exec = promisify(execFile);

/** A generated secret and the public prefix the masked form may show. */
export interface Secret {
  readonly value: string;
  readonly prefix: string;
}

function secret(formatId: string, seed: number, prefix: string): Secret {
  const value = fakeToken(formatId, seed);
  if (!value.startsWith(prefix)) throw new Error(`fixture: ${formatId} does not start with its prefix`);
  return { value, prefix };
}

/** The tokens of the fixtures (generated at run time). */
export const T = {
  github: secret('github-classic-pat', 101, 'ghp_'),
  github2: secret('github-classic-pat', 102, 'ghp_'),
  github3: secret('github-classic-pat', 103, 'ghp_'),
  stripe: secret('stripe-secret-key', 104, 'sk_live_'),
  slack: secret('slack-bot-token', 105, 'xoxb-'),
  google: secret('google-api-key', 106, 'AIza'),
  openai: secret('openai-project-key', 107, 'sk-proj-'),
  /** A random value that sits in an existing `.env` (the detector never sees it). */
  oldEnv: { value: fakeGenericSecret(108), prefix: '' },
} satisfies Record<string, Secret>;

export const ALL_SECRETS: readonly Secret[] = Object.values(T);

/** No secret, nor any 8-character run of its random part, occurs in `text`. */
export function expectNoSecret(text: string, secrets: readonly Secret[] = ALL_SECRETS): void {
  for (const s of secrets) {
    expect(text.includes(s.value), 'a whole secret was printed').toBe(false);
    const body = s.value.slice(s.prefix.length);
    for (let i = 0; i + 8 <= body.length; i++) {
      const run = body.slice(i, i + 8);
      if (text.includes(run)) throw new Error(`output holds 8 characters of a secret's random part (at ${i})`);
    }
  }
}

export type FileTree = Record<string, string | Buffer>;

const dirs: string[] = [];

/** A fresh folder holding `files` (paths relative, folders created). */
export async function makeRepo(files: FileTree, prefix = 'wa-codemod-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  await writeTree(dir, files);
  return dir;
}

export async function writeTree(dir: string, files: FileTree): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** Remove every folder made by `makeRepo` (call from `afterAll`). */
export async function removeRepos(): Promise<void> {
  for (const dir of dirs.splice(0)) {
    await chmodTree(dir).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

async function chmodTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) await chmodTree(p);
    else if (entry.isFile()) await chmod(p, 0o644);
  }
}

/** Every file's bytes (symlinks as their link), `.git` excluded: compare before/after for "wrote nothing". */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, entry.name);
      const rel = relative(dir, p);
      if (entry.name === '.git') continue;
      if (entry.isSymbolicLink()) out.set(rel, `symlink`);
      else if (entry.isDirectory()) await walk(p);
      else out.set(rel, `${((await lstat(p)).mode & 0o777).toString(8)}:${(await readFile(p)).toString('base64')}`);
    }
  };
  await walk(dir);
  return out;
}

export async function read(dir: string, path: string): Promise<string> {
  return readFile(join(dir, path), 'utf8');
}

export async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
  return stdout;
}

/** `git init` and commit everything. */
export async function gitCommitAll(dir: string): Promise<void> {
  await git(dir, 'init', '-q');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'fixture');
}

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** The CLI's `main()` with captured stdout/stderr. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

/** Lines of a fixture joined with LF (and a final LF). */
export const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;
