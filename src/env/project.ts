/**
 * What the rules need to know about the project around a linted file: the nearest `.env.example` (its names, read
 * once per path and modification time), the project root, the installed `@notionhq/workers` version, and the env
 * files git tracks or does not ignore. Synchronous (ESLint rules are), never throws, and never returns a value
 * read from an env file except inside a detector finding that the caller masks with `redact()`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { describeFinding, detectSecrets } from '../detect/index.js';
import { redact } from '../detect/redact.js';
import { parseEnvText } from './files.js';
import { gitignoreVerdicts } from './gitignore.js';

export const ENV_EXAMPLE = '.env.example';

/** How long a git command may run before the check gives up on it (ms). */
export const GIT_TIMEOUT_MS = 5_000;

function isFile(path: string): boolean {
  return recentStat(path) === 'file';
}

function isDirOrFile(path: string): boolean {
  return recentStat(path) !== 'none';
}

/**
 * What is at `path`, reused for `LOOKUP_TTL_MS`: the walks up from files of neighbouring folders share their
 * ancestors, so a lint run stats each folder's `.env.example`, `package.json` and `.git` about once.
 */
function recentStat(path: string): 'file' | 'other' | 'none' {
  return recentStatEntry(path, Date.now()).kind;
}

/** `recentStat` with the time its answer was taken. */
function recentStatEntry(path: string, now: number): { at: number; kind: 'file' | 'other' | 'none' } {
  const hit = stats.get(path);
  if (hit && now - hit.at < LOOKUP_TTL_MS) return hit;
  let kind: 'file' | 'other' | 'none';
  try {
    // most paths asked for are missing (`.env.example`, `.git` in every folder up the tree): no error object for them
    const st = statSync(path, { throwIfNoEntry: false });
    kind = st === undefined ? 'none' : st.isFile() ? 'file' : 'other';
  } catch {
    kind = 'none';
  }
  if (stats.size > 50_000) stats.clear();
  const entry = { at: now, kind };
  stats.set(path, entry);
  return entry;
}

const stats = new Map<string, { at: number; kind: 'file' | 'other' | 'none' }>();

/** Directories from `start` up to the filesystem root. */
function* ancestors(start: string): Generator<string> {
  let dir = resolve(start);
  for (;;) {
    yield dir;
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/**
 * The nearest `.env.example` (or `name`) at or above the file's folder. The search stops at the repository root
 * (a folder holding `.git`), so a stray file above the project is never used. Undefined when there is none.
 */
export function findNearestEnvExample(filename: string, name: string = ENV_EXAMPLE): string | undefined {
  // every file of a folder asks the same question: the folder's answer is kept as long as the stats it rests on
  const folder = dirname(resolve(filename));
  const key = `${name}\0${folder}`;
  const now = Date.now();
  const hit = nearest.get(key);
  if (hit && now - hit.at < LOOKUP_TTL_MS) return hit.found;
  let oldest = now;
  const stat = (path: string): 'file' | 'other' | 'none' => {
    const entry = recentStatEntry(path, now);
    oldest = Math.min(oldest, entry.at);
    return entry.kind;
  };
  let found: string | undefined;
  for (const dir of ancestors(folder)) {
    const candidate = join(dir, name);
    if (stat(candidate) === 'file') {
      found = candidate;
      break;
    }
    if (stat(join(dir, '.git')) !== 'none') break;
  }
  if (nearest.size > 10_000) nearest.clear();
  nearest.set(key, { at: oldest, found });
  return found;
}

/** `findNearestEnvExample`'s answers by name and folder, stamped with the time of the oldest stat they rest on. */
const nearest = new Map<string, { at: number; found: string | undefined }>();

/** The project root of a file: the nearest folder holding a `package.json`, else a `.git`, else the file's folder. */
export function findProjectRoot(filename: string): string {
  let gitRoot: string | undefined;
  for (const dir of ancestors(dirname(resolve(filename)))) {
    if (isFile(join(dir, 'package.json'))) return dir;
    if (isDirOrFile(join(dir, '.git'))) {
      gitRoot = dir;
      break;
    }
  }
  return gitRoot ?? dirname(resolve(filename));
}

/**
 * How long a stat of a lookup path (`.env.example`, `package.json`, `.git` in a folder) is reused, in ms. A lint run
 * asks the same question for every file of a folder; an editor session must still see a file created a moment later.
 */
const LOOKUP_TTL_MS = 2_000;

// ---------------------------------------------------------------------------------------------------------------
// The worker entry
// ---------------------------------------------------------------------------------------------------------------

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
const MAX_SCANNED_FILES = 5_000;
const MAX_SCANNED_BYTES = 1024 * 1024;
const workerFileCache = new Map<string, boolean>();

/**
 * Whether some source file of the project (outside `node_modules`, build output and dot-folders) creates
 * `new Worker()` and mentions `@notionhq/workers`: a cheap text scan, once per root and process, that tells whether
 * `src/index.ts` is the entry only by convention.
 */
export function projectCreatesWorker(root: string): boolean {
  const cached = workerFileCache.get(root);
  if (cached !== undefined) return cached;
  let found = false;
  let seen = 0;
  const stack = [root];
  while (!found && stack.length > 0 && seen < MAX_SCANNED_FILES) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) stack.push(path);
        continue;
      }
      if (!entry.isFile() || !SOURCE_FILE.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
      if (++seen > MAX_SCANNED_FILES) break;
      try {
        if (statSync(path).size > MAX_SCANNED_BYTES) continue;
        const text = readFileSync(path, 'utf8');
        if (text.includes('@notionhq/workers') && /\bnew\s+(?:[\w$]+\.)?Worker\s*\(/.test(text)) {
          found = true;
          break;
        }
      } catch {
        // unreadable: skip
      }
    }
  }
  workerFileCache.set(root, found);
  return found;
}

/**
 * What a lint of one file shows about `projectCreatesWorker(root)` in a long-running process: a file that creates the
 * worker as saved makes it true at once; the entry file that no longer does makes the next answer scan the project
 * again.
 */
export function noteWorkerFile(root: string, createsWorker: boolean): void {
  if (createsWorker) workerFileCache.set(root, true);
  else workerFileCache.delete(root);
}

// ---------------------------------------------------------------------------------------------------------------
// .env.example names, memoised by path + mtime
// ---------------------------------------------------------------------------------------------------------------

interface Stamped<T> {
  readonly mtimeMs: number;
  readonly size: number;
  readonly value: T;
}

const exampleCache = new Map<string, Stamped<ReadonlySet<string>>>();
let exampleReads = 0;

/** How many times a `.env.example` was actually read from disk (tests check the cache with it). */
export function envExampleReadCount(): number {
  return exampleReads;
}

/**
 * The names an env file declares, parsed with dotenv's parser. Read once per path and modification time (a lint
 * run reads each `.env.example` once; an editor session sees edits). Undefined when the file cannot be read.
 */
export function readEnvExampleNames(path: string): ReadonlySet<string> | undefined {
  let st;
  try {
    st = statSync(path);
  } catch {
    exampleCache.delete(path);
    return undefined;
  }
  const cached = exampleCache.get(path);
  if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return cached.value;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  exampleReads++;
  const names: ReadonlySet<string> = new Set(parseEnvText(text).keys());
  exampleCache.set(path, { mtimeMs: st.mtimeMs, size: st.size, value: names });
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// The installed @notionhq/workers
// ---------------------------------------------------------------------------------------------------------------

export const WORKERS_PACKAGE = '@notionhq/workers';
/** First version this plugin vouches for `worker.credential()` when only a version number is known. */
export const CREDENTIAL_MIN_VERSION = '0.9.2';

export interface WorkersSdk {
  /** The version installed (`node_modules`), or the lowest version the dependency range allows. */
  readonly version: string;
  readonly source: 'installed' | 'dependency-range';
  /** `Worker#credential()` exists in this version. */
  readonly hasCredential: boolean;
}

type Version = readonly [number, number, number];

/** `1.2.3`, `v1.2.3-beta.1` → [1, 2, 3]; undefined for anything else. */
export function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.-]*)?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** A pre-release of x.y.z comes before x.y.z: `0.9.2-beta.1` does not count as 0.9.2. */
function isPrerelease(text: string): boolean {
  return /^v?\d+\.\d+\.\d+-/.test(text.trim());
}

export function versionAtLeast(version: string, minimum: string): boolean {
  const v = parseVersion(version);
  const min = parseVersion(minimum);
  if (!v || !min) return false;
  const cmp = compareVersions(v, min);
  return cmp > 0 || (cmp === 0 && !isPrerelease(version));
}

/**
 * The lowest version a dependency range allows: `^0.9.2`, `~0.9.2`, `>=0.9.2`, `0.9.2`, `=0.9.2`, `0.9.x` →
 * `0.9.0`. Undefined for tags (`latest`), `*`, URLs, `workspace:`/`file:`/`link:` and unions, which name no lower bound we can trust.
 */
export function minVersionOfRange(range: string): string | undefined {
  // `^0.9.2 || ^1.0.0`: the lowest of the alternatives (each must be read)
  if (range.includes('||')) {
    const lows = range.split('||').map((part) => minVersionOfRange(part));
    if (lows.some((v) => v === undefined)) return undefined;
    return (lows as string[]).reduce((a, b) => (versionAtLeast(a, b) ? b : a));
  }
  const r = range.trim();
  if (/^[a-z]+:/i.test(r) || r.includes('/')) return undefined;
  const m = /^(?:\^|~|>=|=)?\s*v?(\d+)\.(\d+|x|\*)(?:\.(\d+|x|\*))?(-[0-9A-Za-z.-]+)?(?:\s|$)/.exec(r);
  if (!m) return undefined;
  const minor = /^\d+$/.test(m[2]!) ? m[2] : '0';
  const patch = m[3] !== undefined && /^\d+$/.test(m[3]) ? m[3] : '0';
  return `${m[1]}.${minor}.${patch}${m[4] ?? ''}`;
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stampOf(path: string): string {
  try {
    const st = statSync(path);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return '-';
  }
}

const sdkCache = new Map<string, { stamp: string; value: WorkersSdk | undefined }>();

/** `credential(` declared in the installed typings: the API itself, when the package ships its `.d.ts`. */
function typingsDeclareCredential(packageDir: string): boolean | undefined {
  const typings = join(packageDir, 'dist', 'worker.d.ts');
  try {
    return /\bcredential\s*\(/.test(readFileSync(typings, 'utf8'));
  } catch {
    return undefined;
  }
}

function sdkFromInstalled(packageJson: string): WorkersSdk | undefined {
  const pkg = readJson(packageJson);
  const version = typeof pkg?.['version'] === 'string' ? pkg['version'] : undefined;
  if (version === undefined || !parseVersion(version)) return undefined;
  const declared = typingsDeclareCredential(dirname(packageJson));
  return { version, source: 'installed', hasCredential: declared ?? versionAtLeast(version, CREDENTIAL_MIN_VERSION) };
}

function sdkFromRange(packageJson: string): WorkersSdk | undefined {
  const pkg = readJson(packageJson);
  if (!pkg) return undefined;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = pkg[field];
    if (typeof deps !== 'object' || deps === null) continue;
    const range = (deps as Record<string, unknown>)[WORKERS_PACKAGE];
    if (typeof range !== 'string') continue;
    const version = minVersionOfRange(range);
    if (version === undefined) return undefined;
    return { version, source: 'dependency-range', hasCredential: versionAtLeast(version, CREDENTIAL_MIN_VERSION) };
  }
  return undefined;
}

/**
 * The `@notionhq/workers` the file would import: the nearest `node_modules/@notionhq/workers/package.json` above
 * it (Node's resolution; its typings decide when they are there), else the lowest version the range in the
 * nearest `package.json` listing it allows. Undefined when neither is found or the version cannot be read.
 * Each `package.json` is read once per modification time.
 */
export function findWorkersSdk(filename: string): WorkersSdk | undefined {
  let fromRange: WorkersSdk | undefined;
  for (const dir of ancestors(dirname(resolve(filename)))) {
    const installed = join(dir, 'node_modules', WORKERS_PACKAGE, 'package.json');
    if (isFile(installed)) return cachedSdk(installed, sdkFromInstalled);
    if (fromRange === undefined) {
      const pkg = join(dir, 'package.json');
      if (isFile(pkg)) fromRange = cachedSdk(pkg, sdkFromRange);
    }
  }
  return fromRange;
}

function cachedSdk(path: string, read: (path: string) => WorkersSdk | undefined): WorkersSdk | undefined {
  const stamp = stampOf(path);
  const cached = sdkCache.get(path);
  if (cached && cached.stamp === stamp) return cached.value;
  const value = read(path);
  sdkCache.set(path, { stamp, value });
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Env files committed or not ignored
// ---------------------------------------------------------------------------------------------------------------

export type EnvFileProblem = 'tracked' | 'not-ignored' | 'secret-in-example';

/** One problem with an env file. Never holds a value: `masked` is `redact()`ed. */
export interface EnvFileFinding {
  readonly problem: EnvFileProblem;
  /** Path relative to the project root, with `/` separators. */
  readonly file: string;
  /** `secret-in-example`: the variable holding the secret, what it is, and the masked value. */
  readonly envName?: string;
  readonly what?: string;
  readonly masked?: string;
  /** `secret-in-example`: 1-based line of the entry. */
  readonly line?: number;
}

export interface EnvFileCheckOptions {
  /** File names treated like `.env.example`: may be committed; their values are checked for secrets. */
  readonly exampleFiles?: readonly string[];
  /** File names that may be committed and are not checked at all (encrypted vaults). */
  readonly allowFiles?: readonly string[];
  /** Check example files for real-looking secrets (default true). */
  readonly checkExampleSecrets?: boolean;
}

/** Defaults shared by the rule and `worker-auth-codemod --check`. */
export const DEFAULT_EXAMPLE_FILES: readonly string[] = ['.env.sample', '.env.template'];
export const DEFAULT_ALLOW_FILES: readonly string[] = ['.env.vault'];

const ENV_FILE = /^\.env(?:\..+)?$/;
const ALWAYS_EXAMPLE = [ENV_EXAMPLE];
const PATHSPECS = [':(glob)**/.env', ':(glob)**/.env.*'];

function git(root: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', [...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: GIT_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 16 * 1024 * 1024,
      windowsHide: true,
    });
  } catch {
    return undefined;
  }
}

/** True when `root` is inside a git work tree. */
export function isInsideGitWorkTree(root: string): boolean {
  return git(root, ['rev-parse', '--is-inside-work-tree'])?.trim() === 'true';
}

/**
 * True when git tracks `file` (relative to `root`, `/`-separated), also when it is deleted from the work tree; false
 * outside a git work tree or when git cannot answer.
 */
export function isTrackedByGit(root: string, file: string): boolean {
  return splitZ(git(root, ['ls-files', '-z', '--', `:(literal)${file}`])).includes(file);
}

function splitZ(text: string | undefined): string[] {
  return (text ?? '')
    .split('\0')
    .filter((p) => p !== '')
    .map((p) => p.split(sep).join('/'));
}

/** Env files at the top of the project (the only ones an untracked, non-git check can see cheaply). */
function topLevelEnvFiles(root: string): string[] {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && ENV_FILE.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function inNodeModules(path: string): boolean {
  return path.split('/').includes('node_modules');
}

/** The line is `NAME=…`, `export NAME=…` or `NAME: …` (dotenv's forms). */
function declares(line: string, name: string): boolean {
  let rest = line.trimStart();
  if (rest.startsWith('export ')) rest = rest.slice('export '.length).trimStart();
  if (!rest.startsWith(name)) return false;
  const after = rest.slice(name.length).trimStart();
  return after.startsWith('=') || after.startsWith(':');
}

function exampleSecrets(root: string, file: string): EnvFileFinding[] {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return [];
  }
  const findings: EnvFileFinding[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (const [envName, value] of parseEnvText(text)) {
    if (value.trim() === '') continue;
    const finding = detectSecrets(value, { names: [envName] })[0];
    if (!finding) continue;
    const index = lines.findIndex((l) => declares(l, envName));
    findings.push({
      problem: 'secret-in-example',
      file,
      envName,
      what: describeFinding(finding),
      masked: redact(finding.value, finding.prefix),
      ...(index >= 0 ? { line: index + 1 } : {}),
    });
  }
  // a commented-out line is committed too (`# GITHUB_TOKEN=ghp_…`): only what a comment can be reported for (provider
  // tokens, private keys, URL passwords, JWTs), named after the variable it would set
  lines.forEach((line, index) => {
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('#')) return;
    const comment = trimmed.slice(1);
    const finding = detectSecrets(comment, { inComment: true })[0];
    if (!finding) return;
    const named = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]/.exec(comment)?.[1];
    findings.push({
      problem: 'secret-in-example',
      file,
      envName: named ?? finding.envName,
      what: describeFinding(finding),
      masked: redact(finding.value, finding.prefix),
      line: index + 1,
    });
  });
  return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Checks the env files of a project: `.env` / `.env.*` (except example and allowed files) tracked by git or not
 * git-ignored, and example files holding a real-looking secret (the detector decides). Inside a git work tree git
 * itself answers (`git ls-files`, so `.git/info/exclude` and global excludes count); outside one the tracked
 * check is skipped and the top-level env files are tested against `.gitignore` with the `ignore` package.
 */
export function checkEnvFiles(root: string, options: EnvFileCheckOptions = {}): EnvFileFinding[] {
  const examples = new Set([...ALWAYS_EXAMPLE, ...(options.exampleFiles ?? [])]);
  const allowed = new Set(options.allowFiles ?? []);
  const kindOf = (file: string): 'example' | 'allowed' | 'secret' => {
    const name = basename(file);
    if (examples.has(name)) return 'example';
    return allowed.has(name) ? 'allowed' : 'secret';
  };
  const findings: EnvFileFinding[] = [];
  const exampleFiles = new Set<string>();
  for (const name of topLevelEnvFiles(root)) if (kindOf(name) === 'example') exampleFiles.add(name);

  if (isInsideGitWorkTree(root)) {
    const tracked = splitZ(git(root, ['ls-files', '-z', '--', ...PATHSPECS])).filter((f) => !inNodeModules(f));
    const untracked = splitZ(git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--', ...PATHSPECS])).filter(
      (f) => !inNodeModules(f),
    );
    for (const file of [...new Set(tracked)].sort()) {
      const kind = kindOf(file);
      if (kind === 'secret') findings.push({ problem: 'tracked', file });
      else if (kind === 'example' && isFile(join(root, file))) exampleFiles.add(file);
    }
    for (const file of [...new Set(untracked)].sort()) {
      const kind = kindOf(file);
      if (kind === 'secret') findings.push({ problem: 'not-ignored', file });
      else if (kind === 'example') exampleFiles.add(file);
    }
  } else {
    let gitignore = '';
    try {
      gitignore = readFileSync(join(root, '.gitignore'), 'utf8');
    } catch {
      // no .gitignore: nothing is ignored
    }
    // as the codemod's `ensureGitignore` reads it: ignored under git's case-sensitive and case-folding readings alike
    const verdicts = gitignoreVerdicts(gitignore);
    for (const name of topLevelEnvFiles(root)) {
      if (kindOf(name) === 'secret' && !verdicts.ignored(name)) findings.push({ problem: 'not-ignored', file: name });
    }
  }
  if (options.checkExampleSecrets ?? true) {
    for (const file of [...exampleFiles].sort()) findings.push(...exampleSecrets(root, file));
  }
  return findings;
}

/** What decides whether a cached check is still valid: the git index, `.gitignore` and the top-level env files. */
function checkStamp(root: string, options: EnvFileCheckOptions): string {
  const parts = [stampOf(join(root, '.gitignore'))];
  for (const dir of ancestors(root)) {
    const gitDir = join(dir, '.git');
    if (!isDirOrFile(gitDir)) continue;
    parts.push(stampOf(join(gitDir, 'index')), stampOf(join(gitDir, 'info', 'exclude')));
    break;
  }
  for (const name of topLevelEnvFiles(root)) parts.push(`${name}@${stampOf(join(root, name))}`);
  return parts.join('|');
}

const checkCache = new Map<string, { stamp: string; findings: readonly EnvFileFinding[] }>();

/**
 * `checkEnvFiles`, cached per project root: git runs once per lint run, and again only when the index,
 * `.gitignore` or a top-level env file changes (an editor session).
 */
export function getEnvFileFindings(root: string, options: EnvFileCheckOptions = {}): readonly EnvFileFinding[] {
  const stamp = checkStamp(root, options);
  const key = `${root}\0${JSON.stringify(options)}`;
  const cached = checkCache.get(key);
  if (cached && cached.stamp === stamp) return cached.findings;
  const findings = checkEnvFiles(root, options);
  checkCache.set(key, { stamp, findings });
  return findings;
}
