/**
 * Which files the codemod looks at: JS/TS sources under the given paths, honouring `.gitignore` files, skipping
 * `node_modules`, build output, minified and huge files (also when a path names them), and symlinks that lead outside
 * the root.
 */
import { access, constants, lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob } from 'tinyglobby';

export const SOURCE_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];
export const MAX_FILE_BYTES = 1024 * 1024;
/** Why a file over `MAX_FILE_BYTES` is skipped, as every report says it. */
export const TOO_LARGE = `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;

/** Folders never read, wherever they are under the root, by name: what they hold (the report names it). */
const SKIPPED_FOLDERS = new Map([
  ['node_modules', 'dependencies'],
  ['.git', "git's own data"],
  ['dist', 'build output'],
  ['build', 'build output'],
  ['out', 'build output'],
  ['coverage', 'test coverage output'],
  ['.next', 'build output'],
  ['.turbo', 'build cache'],
  ['.vercel', 'build output'],
  ['.wrangler', 'build output'],
]);
/** Files never read, by the end of their name: what they hold. */
const SKIPPED_FILES = new Map([
  ['.d.ts', 'type declarations'],
  ['.min.js', 'minified'],
  ['.min.mjs', 'minified'],
  ['.min.cjs', 'minified'],
]);
const ALWAYS_SKIPPED = [...[...SKIPPED_FOLDERS.keys()].map((name) => `**/${name}/**`), ...[...SKIPPED_FILES.keys()].map((end) => `**/*${end}`)];
const SOURCE_NAME = new RegExp(`\\.(?:${SOURCE_EXTENSIONS.join('|')})$`);

/**
 * The symlinks among the source files of a folder tree: the glob follows none and lists none, so each folder it walks
 * is read once more for them (they are then skipped and listed, never read through).
 */
async function symlinkedSources(real: string): Promise<string[]> {
  const folders = await glob(['**/'], { cwd: real, ignore: ALWAYS_SKIPPED, dot: false, followSymbolicLinks: false, onlyDirectories: true, absolute: true });
  const out: string[] = [];
  for (const folder of [real, ...folders]) {
    if (relative(real, folder).split(sep).some((part) => SKIPPED_FOLDERS.has(part) || part.startsWith('.'))) continue;
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isSymbolicLink() && SOURCE_NAME.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(join(folder, entry.name));
  }
  return out;
}

export interface Skipped {
  readonly path: string;
  readonly reason: string;
}

export interface Discovery {
  /** Absolute paths, sorted. */
  readonly files: string[];
  readonly skipped: Skipped[];
  /** The paths named on the command line that are never read (`node_modules`, build output…); also in `skipped`. */
  readonly excluded: Skipped[];
  /** Source files skipped for their size (absolute paths; also in `skipped`): still checked for a possible secret. */
  readonly large: string[];
}

/**
 * Why a path named on the command line is never read: the rules that keep `node_modules`, build output, declaration
 * and minified files out of a walk of the root apply to it too, from the root (a glob from the named folder would not
 * see that it is one). `rel` is relative to the root.
 */
function alwaysSkippedReason(rel: string, isFile: boolean): string | undefined {
  const parts = rel.split(sep);
  const folder = (isFile ? parts.slice(0, -1) : parts).find((part) => SKIPPED_FOLDERS.has(part));
  if (folder !== undefined) return `${SKIPPED_FOLDERS.get(folder)!} (${folder}/); never read, even when named`;
  const end = isFile ? [...SKIPPED_FILES.keys()].find((e) => rel.endsWith(e)) : undefined;
  return end === undefined ? undefined : `${SKIPPED_FILES.get(end)!} (*${end}); never read, even when named`;
}

/**
 * Why the named `paths` give a run nothing to read (bad usage: exit 2, not a clean "no secrets"), or undefined when
 * there is something to read or report.
 */
export function nothingToRead(paths: readonly string[], discovery: Discovery): string | undefined {
  if (discovery.files.length > 0 || discovery.skipped.length > discovery.excluded.length) return undefined;
  const [first, ...more] = discovery.excluded;
  const why = first ? ` (${first.path}: ${first.reason}${more.length > 0 ? `; ${more.length} more such path(s)` : ''})` : '';
  return `no JS/TS source files under ${paths.join(', ')}${why}.`;
}

/**
 * A line longer than this is what a minifier writes; hand-written and generated code (long object literals, n8n's
 * generated schemas of 700–1,400 characters a line) stays under it.
 */
const LONG_LINE = 2_000;
/** Minified code has a `;`, `{` or `}` every few dozen characters; one per this many is the least taken for it. */
const CHARS_PER_STATEMENT = 200;

/**
 * A minified file (skipped): at least 2,000 characters, half of them or more in lines over 2,000 characters, and those
 * lines are code: a `;`, `{` or `}` outside string literals and comments at least every 200 characters (many
 * statements per line). A hand-written module with one long line holding a string (an inline data-URI logo, a base64
 * blob, a list of strings) is no minified file: its long line is one literal, and its secrets are read as any others.
 * One pass over the text, no regular expression; string literals are followed roughly (a regular expression literal
 * is read as code), which is all a heuristic needs.
 */
function isMinified(text: string): boolean {
  if (text.length < 2000) return false;
  let longChars = 0;
  let statements = 0;
  let lineStart = 0;
  let lineStatements = 0;
  /** 0 in code, else the quote that opened the string (a backtick for a template), or `*` in a block comment */
  let inside = 0;
  let lineComment = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      if (i - lineStart > LONG_LINE) {
        longChars += i - lineStart;
        statements += lineStatements;
      }
      lineStart = i + 1;
      lineStatements = 0;
      lineComment = false;
      // a quoted string ends with its line (unless continued, which this heuristic need not follow)
      if (inside === 34 || inside === 39) inside = 0;
      continue;
    }
    if (lineComment) continue;
    if (inside === 0x2a) {
      if (c === 0x2a && text.charCodeAt(i + 1) === 0x2f) {
        inside = 0;
        i++;
      }
    } else if (inside !== 0) {
      if (c === 92) i++; // an escaped character, the line break of a continuation included
      else if (c === inside) inside = 0;
    } else if (c === 34 || c === 39 || c === 96) inside = c;
    else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) lineComment = true;
    else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      inside = 0x2a;
      i++;
    } else if (c === 59 || c === 123 || c === 125) lineStatements++;
  }
  return longChars * 2 >= text.length && statements * CHARS_PER_STATEMENT >= longChars;
}

/**
 * The rules of one `.gitignore` text as git reads them by default (`core.ignorecase=false` on Linux: `.ENV` or
 * `Secrets.ts` ignores no `.env` or `secrets.ts`). The `ignore` package folds case unless told not to, which would
 * skip a source that git tracks.
 */
const gitignoreRules = (text: string): Ignore => ignore({ ignorecase: false }).add(text);

/** One `.gitignore` file: its folder (absolute) and its rules. */
interface IgnoreLayer {
  readonly dir: string;
  readonly ig: Ignore;
}

/**
 * The `.gitignore` files that apply under `root`: its own and those below it, and those of the folders above it up to
 * the top of the git repository it lies in (git reads them all; none above a root outside a repository).
 */
async function loadIgnores(root: string): Promise<IgnoreLayer[]> {
  const layers: IgnoreLayer[] = [];
  const above = await foldersAboveUpToRepositoryTop(root);
  for (const dir of above) {
    const text = await readFile(join(dir, '.gitignore'), 'utf8').catch(() => undefined);
    if (text !== undefined) layers.push({ dir, ig: gitignoreRules(text) });
  }
  // a project kept in a folder the repository around it ignores (a scratch copy under `tmp/`, a corpus under a
  // cache folder) is none of that repository's: its rules would ignore every file, so they are not read
  const top = above[above.length - 1];
  if (top !== undefined) {
    const chain: string[] = [];
    for (let dir = root; dir !== top; dir = dirname(dir)) chain.unshift(dir);
    if (chain.some((dir) => ignoredBy(layers, dir, true))) layers.length = 0;
  }
  const files = await glob(['**/.gitignore'], { cwd: root, ignore: ['**/node_modules/**', '**/.git/**'], dot: true, followSymbolicLinks: false });
  for (const file of files.sort()) {
    const text = await readFile(join(root, file), 'utf8').catch(() => '');
    layers.push({ dir: join(root, dirname(file)), ig: gitignoreRules(text) });
  }
  return layers;
}

/** The folders above `root` up to the top of its git repository (the nearest holding `.git`); none outside one. */
async function foldersAboveUpToRepositoryTop(root: string): Promise<string[]> {
  const above: string[] = [];
  for (let dir = root; ; ) {
    if (await lstat(join(dir, '.git')).then(() => true, () => false)) return above;
    const parent = dirname(dir);
    if (parent === dir) return [];
    above.push(parent);
    dir = parent;
  }
}

/**
 * Is `abs` (a file, or a folder when `folder`) ignored by `layers`, as git decides: the deepest `.gitignore` with a rule
 * for it decides (a lower-level file overrides a higher one, a `!` rule re-includes). Its folders are asked first by
 * the caller: git never re-includes a file in an ignored folder.
 */
function ignoredBy(layers: readonly IgnoreLayer[], abs: string, folder: boolean): boolean {
  let deepest = -1;
  let ignored = false;
  for (const layer of layers) {
    if (layer.dir.length <= deepest || layer.dir === abs || !isInside(layer.dir, abs)) continue;
    const verdict = layer.ig.test(`${relative(layer.dir, abs).split(sep).join('/')}${folder ? '/' : ''}`);
    if (verdict.ignored || verdict.unignored) {
      deepest = layer.dir.length;
      ignored = verdict.ignored;
    }
  }
  return ignored;
}

/** `path` is `root` or below it (both resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Discover source files under `paths` (relative to `root`). Throws for a path that does not exist. */
export async function discoverFiles(root: string, paths: readonly string[]): Promise<Discovery> {
  const realRoot = await realpath(root);
  const layers = await loadIgnores(realRoot);
  // a folder's verdict is asked once per folder
  const folderVerdicts = new Map<string, boolean>();
  const folderIgnored = (dir: string): boolean => {
    if (dir === realRoot || !isInside(realRoot, dir)) return false;
    let verdict = folderVerdicts.get(dir);
    if (verdict === undefined) {
      verdict = folderIgnored(dirname(dir)) || ignoredBy(layers, dir, true);
      folderVerdicts.set(dir, verdict);
    }
    return verdict;
  };
  const isIgnored = (rel: string): boolean => {
    const abs = join(realRoot, rel);
    return folderIgnored(dirname(abs)) || ignoredBy(layers, abs, false);
  };
  const candidates = new Set<string>();
  const skipped: Skipped[] = [];
  const excluded: Skipped[] = [];
  for (const p of paths) {
    const abs = resolve(root, p);
    const info = await lstat(abs).catch(() => undefined);
    if (!info) throw new Error(`${p}: no such file or folder.`);
    const real = await realpath(abs);
    if (!isInside(realRoot, real)) {
      skipped.push({ path: p, reason: 'outside the project root (symlink or path); not followed' });
      continue;
    }
    if (info.isSymbolicLink() && (await stat(abs)).isDirectory()) {
      skipped.push({ path: p, reason: 'symlinked folder; not followed' });
      continue;
    }
    const isFile = (await stat(abs)).isFile();
    // as named (a workspace package linked under node_modules is still under it) and where it really is
    const never = alwaysSkippedReason(relative(resolve(root), abs), isFile) ?? alwaysSkippedReason(relative(realRoot, real), isFile);
    if (never !== undefined) {
      const entry = { path: p, reason: never };
      skipped.push(entry);
      excluded.push(entry);
      continue;
    }
    if (isFile) {
      // a named file that is no JS/TS source (`README.md`, `.env`) is not parsed as one
      if (!SOURCE_NAME.test(abs)) {
        const entry = { path: p, reason: 'not a JS/TS source file; not read' };
        skipped.push(entry);
        excluded.push(entry);
        continue;
      }
      candidates.add(abs);
      continue;
    }
    const found = await glob([`**/*.{${SOURCE_EXTENSIONS.join(',')}}`], {
      cwd: real,
      ignore: ALWAYS_SKIPPED,
      dot: false,
      followSymbolicLinks: false,
      absolute: true,
    });
    for (const f of found) candidates.add(f);
    for (const f of await symlinkedSources(real)) candidates.add(f);
  }
  const files: string[] = [];
  const large: string[] = [];
  for (const abs of [...candidates].sort()) {
    const rel = relative(realRoot, abs);
    if (!isInside(realRoot, abs) || isIgnored(rel)) continue;
    const info = await lstat(abs);
    if (info.isSymbolicLink()) {
      const real = await realpath(abs).catch(() => undefined);
      if (!real || !isInside(realRoot, real)) {
        skipped.push({ path: rel, reason: 'symlink leading outside the project root; not followed' });
        continue;
      }
      skipped.push({ path: rel, reason: 'symlink; its target is processed under its own path' });
      continue;
    }
    if (info.size > MAX_FILE_BYTES) {
      skipped.push({ path: rel, reason: TOO_LARGE });
      large.push(abs);
      continue;
    }
    files.push(abs);
  }
  return { files, skipped, excluded, large };
}

export { isMinified };

/**
 * No write bit at all (checked on the mode bits, since root passes `access`), or not writable for this user. A
 * missing file is not read-only.
 */
export async function isReadOnly(path: string): Promise<boolean> {
  try {
    if (((await stat(path)).mode & 0o222) === 0) return true;
    await access(path, constants.W_OK);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
