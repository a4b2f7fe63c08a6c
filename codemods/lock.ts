/** The codemod's lock file: one writer at a time in a project root (CLI runs and jscodeshift workers alike). */
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = '.env.worker-auth.lock';

/** The lock is held by another run and did not free up in time. */
export class LockHeldError extends Error {}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Run `fn` holding the exclusive lock file `root/.env.worker-auth.lock` (created with `wx`, so two processes never
 * both hold it); the lock is always removed afterwards. `timeoutMs: 0` refuses at once when it is held.
 */
export async function withEnvLock<T>(root: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  const lockPath = join(root, LOCK_FILE);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fh = await open(lockPath, 'wx', 0o600);
      await fh.writeFile(`${process.pid}\n`).finally(() => fh.close());
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot create ${LOCK_FILE} in ${root} (${(error as Error).message})`);
      if (Date.now() >= deadline) {
        throw new LockHeldError(`${LOCK_FILE} in ${root} is still held by another run${timeoutMs ? ` after ${timeoutMs} ms` : ''}; if no codemod is running, delete it and run again`);
      }
      await sleep(5 + Math.floor(Math.random() * 20));
    }
  }
  try {
    return await fn();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}
