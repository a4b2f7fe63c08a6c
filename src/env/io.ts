/** File I/O helpers for env files. Error messages name paths and causes, never file content. */
import { randomBytes } from 'node:crypto';
import { lstat, open, readlink, realpath, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export interface WriteFileAtomicOptions {
  /** Mode for a new file (default 0o644). An existing file keeps its own mode. */
  readonly mode?: number;
}

function code(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

function causeText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Writes `data` to `path` atomically: a uniquely named temp file in the same directory (created with `wx`),
 * fsync, then rename over the target. Symlinks are followed (the link target is replaced); a link whose target does
 * not exist is refused (`danglingTarget`), neither replaced by a file nor followed to create one. An existing file keeps
 * its mode; a new one gets `options.mode` (default 0o644), applied exactly (not reduced by the umask). On failure
 * the temp file is removed and an Error naming the path and the cause is thrown (`cause` set).
 */
export async function writeFileAtomic(
  path: string,
  data: string | Buffer,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  let tmp: string | undefined;
  let fh: FileHandle | undefined;
  try {
    let target = path;
    try {
      target = await realpath(path);
    } catch (err) {
      if (code(err) !== 'ENOENT') throw err;
      target = await danglingTarget(path);
    }
    let mode = options.mode ?? 0o644;
    try {
      const st = await stat(target);
      if (st.isFile()) mode = st.mode & 0o7777;
    } catch (err) {
      if (code(err) !== 'ENOENT') throw err;
    }
    const dir = dirname(target);
    const name = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    fh = await open(name, 'wx', mode);
    tmp = name;
    await fh.chmod(mode);
    await fh.writeFile(data);
    await fh.sync();
    await fh.close();
    fh = undefined;
    await rename(name, target);
    tmp = undefined;
    await syncDir(dir);
  } catch (err) {
    if (fh) await fh.close().catch(() => undefined);
    if (tmp !== undefined) await unlink(tmp).catch(() => undefined);
    throw new Error(`Could not write ${path}: ${causeText(err)}`, { cause: err });
  }
}

/**
 * Where a write to a missing `path` goes: `path` itself when nothing is there. A symbolic link whose target does not
 * exist is refused: replaced by a file, the link (and the place it names, perhaps a folder not mounted yet) would be
 * lost without a word; followed, a file would be created wherever the link points, outside the project too.
 */
async function danglingTarget(path: string): Promise<string> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isSymbolicLink()) return path;
  const target = resolve(dirname(path), await readlink(path));
  throw new Error(`it is a symbolic link to ${target}, which does not exist: create that file (it may be empty), or remove the link`);
}

/** Best effort: persist the rename (not supported on every platform). */
async function syncDir(dir: string): Promise<void> {
  let dh: FileHandle | undefined;
  try {
    dh = await open(dir, 'r');
    await dh.sync();
  } catch {
    // ignore
  } finally {
    await dh?.close().catch(() => undefined);
  }
}

/** Reads a UTF-8 file; undefined when it does not exist. Other errors are rethrown. */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if (code(err) === 'ENOENT') return undefined;
    throw err;
  }
  // a file that is not UTF-8 (a Latin-1 `.env`) would be written back with its bytes replaced: refused, untouched
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new Error(`${path} is not UTF-8 text; it is left untouched (convert it to UTF-8, then run again)`);
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
