/**
 * The codemod, end to end: discover, plan every file, choose env names for the whole repository, then (unless
 * dry-run) write: `.gitignore` first (so `.env` is never tracked, even for a moment), `.env` next (the values are
 * safe before they leave the code), the source files, `.env.example` last. Every write is atomic; a file that
 * fails is reported and left as it was; a re-run completes the job and is otherwise a no-op.
 */
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTwoFilesPatch, formatPatch } from 'diff';
import type { Project } from 'ts-morph';
import type { TextEdit } from '../src/ast/sites.js';
import { describeFinding } from '../src/detect/index.js';
import { getDetector, type DetectorOptions } from '../src/detect/options.js';
import { maskedError, maskStrings } from '../src/detect/mask.js';
import { redact } from '../src/detect/redact.js';
import { canEncodeEnvValue, ensureGitignore, isValidEnvName, mergeDotEnv, mergeEnvExample, parseEnvText, readTextIfExists, writeFileAtomic } from '../src/env/index.js';
import { GIT_TIMEOUT_MS, isTrackedByGit } from '../src/env/project.js';
import { discoverFiles, isInside, isMinified, isReadOnly, nothingToRead, TOO_LARGE, type Skipped } from './discover.js';
import { isTestFile } from '../src/ast/strings.js';
import { LockHeldError, withEnvLock } from './lock.js';
import { applyEdits, assertParses, assignEnvNames, buildEdits, envNamesRead, JSX_OK, ParseError, planSource, skippedMayHoldSecret, type SecretOccurrence, type SourcePlan } from './plan.js';

export interface CodemodOptions {
  /** Project root: env files and `.gitignore` live here. */
  readonly root: string;
  /** Files or folders, relative to `root`. */
  readonly paths: readonly string[];
  readonly dryRun?: boolean;
  readonly allowDirty?: boolean;
  readonly testFiles?: 'all' | 'high-confidence' | 'off';
  readonly detector?: DetectorOptions;
  /** Test hook: fail after this many file writes (fault injection). */
  readonly failAfterWrites?: number;
}

export type SecretAction = 'moved' | 'fallback-removed' | 'manual' | 'not-encodable';

export interface ReportedSecret {
  readonly line: number;
  readonly column: number;
  readonly provider: string;
  readonly what: string;
  readonly masked: string;
  readonly envName: string;
  readonly action: SecretAction;
}

export interface FileReport {
  readonly path: string;
  status: 'changed' | 'unchanged' | 'failed';
  readonly secrets: ReportedSecret[];
  error?: string;
}

export interface CodemodReport {
  readonly version: 1;
  readonly dryRun: boolean;
  readonly files: FileReport[];
  readonly skipped: Skipped[];
  readonly envNames: { name: string; provider: string; envExample: 'added' | 'present'; dotEnv: 'added' | 'present' | 'dry-run' }[];
  readonly envFiles: Record<'.gitignore' | '.env' | '.env.example', 'created' | 'updated' | 'unchanged' | 'would change' | 'failed'>;
  readonly rotate: { provider: string; envName: string; where?: string }[];
  readonly summary: { scanned: number; parsed: number; changed: number; failed: number; moved: number; manual: number };
  /** Dry run only: unified diff of every change, secrets masked. */
  diff?: string;
  /**
   * What the run did not change but you should: a skipped file that may hold a secret (exit 1), an existing `.env`
   * readable by others, or tracked by git in a dry run.
   */
  readonly warnings: string[];
}

export class UsageError extends Error {}

const exec = promisify(execFile);

/** Uncommitted changes in the git work tree at `root` (false outside git). */
async function hasUncommittedChanges(root: string): Promise<boolean> {
  try {
    const { stdout } = await exec('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, timeout: GIT_TIMEOUT_MS, maxBuffer: 1024 * 1024, windowsHide: true });
    return stdout.trim().length > 0;
  } catch (error) {
    // more changes than the buffer holds is a dirty tree, and a git that did not answer in time cannot say it is
    // clean: both refuse (as `--allow-dirty` says); no git, or no repository, is no work tree to protect
    const failure = error as { code?: unknown; killed?: boolean; stdout?: unknown };
    if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' || failure.killed === true) return true;
    return typeof failure.stdout === 'string' && failure.stdout.trim().length > 0;
  }
}

const BOM = '\uFEFF';
/** How to stop git tracking `.env` (the refusal of a writing run, the warning of a dry run). */
const UNTRACK_ENV = 'untrack it first (`git rm --cached .env`, then commit; the codemod adds it to .gitignore) and rotate every secret it already held';
const EMPTY_FALLBACK_READ = /process\.env\.([A-Za-z_$][\w$]*)\s*(?:\?\?|\|\|)\s*(?:""|''|``)/g;

/**
 * A dry-run diff of `.env` that cannot show a value: every line already in the file becomes `…` (its values may be
 * secrets the detector never saw), and the appended lines are masked by the caller. Merges only append.
 */
function envDiffText(before: string | undefined, after: string): { before: string; after: string } {
  return appendDiffText(before, after, (text) => text.replace(/[^\r\n]+/g, '…'));
}

/**
 * An env file before and after a run that only appends to it, for a diff: the existing text through `hide`, the
 * appended text as it is (all of it through `hide` when the new text does not start with the old).
 */
function appendDiffText(before: string | undefined, after: string, hide: (text: string) => string): { before: string; after: string } {
  const old = before ?? '';
  if (!after.startsWith(old)) return { before: hide(old), after: hide(after) };
  return { before: hide(old), after: hide(old) + after.slice(old.length) };
}

/** `.env.example` for a diff: the value of every existing line hidden (`KEY=…`), the appended lines as they are. */
export function exampleDiffText(before: string | undefined, after: string): { before: string; after: string } {
  return appendDiffText(before, after, (text) =>
    text
      .split('\n')
      .map((line) => {
        const cr = line.endsWith('\r') ? '\r' : '';
        const body = cr ? line.slice(0, -1) : line;
        // a commented-out entry (`# API_KEY=…`) hides its value as an entry does; other comments are text
        const comment = /^\s*#+\s*/.exec(body);
        const entry = comment ? body.slice(comment[0].length) : body;
        let cut = entry.indexOf('=');
        if (cut < 0) cut = entry.indexOf(': ');
        if (cut <= 0) {
          // no name: a comment's prose, a blank line, or a line of a multi-line quoted value (hidden)
          return comment || entry.trim() === '' ? line : `…${cr}`;
        }
        if (comment && !/^(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*$/.test(entry.slice(0, cut))) return line;
        return entry.slice(cut + 1).trim() === '' ? line : `${comment ? comment[0] : ''}${entry.slice(0, cut + 1)}…${cr}`;
      })
      .join('\n'),
  );
}

/** A source text that may read `process.env`, for `envNamesReadAmong`. */
interface EnvSource {
  readonly abs: string;
  readonly text: string;
}

/**
 * The names the code of `sources` reads (`process.env.NAME`, destructured, through an alias: what
 * `--sync-env-example` collects) among `bases` and their suffixed forms (`NAME_2` holds its base): a new value must
 * not take one of them, or loading `.env` would change what that read returns. A text is parsed only when it holds a
 * base.
 */
function envNamesReadAmong(sources: Iterable<EnvSource>, bases: ReadonlySet<string>): Set<string> {
  const reads = new Set<string>();
  const wanted = [...bases];
  for (const { abs, text } of sources) {
    if (!wanted.some((base) => text.includes(base))) continue;
    try {
      for (const name of envNamesRead(text, abs)) reads.add(name);
    } catch {
      // a file that does not parse: its reads are unknown here, as they are to the rule
    }
  }
  return reads;
}

/**
 * The source files under the root that a run on named paths did not read (`read`): they load the same `.env`, so
 * their reads count when names are chosen. Only those that mention `env` are kept.
 */
async function otherEnvSources(root: string, read: ReadonlySet<string>): Promise<EnvSource[]> {
  const out: EnvSource[] = [];
  for (const abs of (await discoverFiles(root, ['.'])).files) {
    if (read.has(abs)) continue;
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      continue;
    }
    if (text.includes('env') && !isMinified(text)) out.push({ abs, text });
  }
  return out;
}

interface LoadedFile {
  readonly abs: string;
  readonly rel: string;
  readonly bom: boolean;
  readonly text: string;
  plan?: SourcePlan;
}

export function maskAll(text: string, secrets: ReadonlyMap<string, string>): string {
  // longest first, so a whole value is masked before any of its lines
  const ordered = [...secrets].filter(([value]) => value.length >= 4).sort(([a], [b]) => b.length - a.length);
  if (ordered.length > 16) return maskInOnePass(text, ordered);
  let out = text;
  for (const [value, prefix] of ordered) out = out.split(value).join(redact(value, prefix));
  return out;
}

/**
 * `maskAll` for many values, in one pass over the text: at each position, the values that start with its next 4
 * characters, longest first. Linear in the text (a replace per value would be quadratic in a diff of thousands).
 */
function maskInOnePass(text: string, ordered: readonly (readonly [string, string])[]): string {
  // the first 4 characters as one number (a collision only costs a `startsWith`)
  const headAt = (s: string, i: number): number =>
    ((((s.charCodeAt(i) * 31 + s.charCodeAt(i + 1)) | 0) * 31 + s.charCodeAt(i + 2)) | 0) * 31 + s.charCodeAt(i + 3);
  const byHead = new Map<number, (readonly [string, string])[]>();
  for (const entry of ordered) {
    const head = headAt(entry[0], 0);
    const list = byHead.get(head);
    if (list) list.push(entry);
    else byHead.set(head, [entry]);
  }
  const parts: string[] = [];
  let copied = 0;
  for (let i = 0; i + 4 <= text.length; ) {
    const candidates = byHead.get(headAt(text, i));
    const hit = candidates?.find(([value]) => text.startsWith(value, i));
    if (!hit) {
      i++;
      continue;
    }
    parts.push(text.slice(copied, i), redact(hit[0], hit[1]));
    i += hit[0].length;
    copied = i;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

const MAX_EDITS_ONE_BY_ONE = 64;

/** A file over 1 MB is still read this far for a possible secret (past it, it may hold anything). */
const MAX_SCAN_BYTES = 64 * 1024 * 1024;

/** Past this many changed lines the minimal diff (O(lines × changes)) gives way to one hunk for the whole file. */
const MAX_DIFF_EDIT_LENGTH = 2_000;

/**
 * A unified diff without context lines: the minimal one while it has at most `MAX_DIFF_EDIT_LENGTH` changed lines,
 * else one hunk that replaces every line (linear in the file, where the minimal diff of a file with thousands of
 * secrets would take time quadratic in it).
 */
export function filePatch(oldName: string, newName: string, before: string, after: string): string {
  const minimal = createTwoFilesPatch(oldName, newName, before, after, '', '', { context: 0, maxEditLength: MAX_DIFF_EDIT_LENGTH });
  if (minimal !== undefined) return minimal;
  const side = (text: string, mark: '-' | '+'): { lines: string[]; count: number } => {
    if (text === '') return { lines: [], count: 0 };
    const all = text.split('\n');
    const complete = all[all.length - 1] === '';
    if (complete) all.pop();
    return { lines: [...all.map((l) => mark + l), ...(complete ? [] : ['\\ No newline at end of file'])], count: all.length };
  };
  const old = side(before, '-');
  const neu = side(after, '+');
  return formatPatch({
    oldFileName: oldName,
    newFileName: newName,
    oldHeader: '',
    newHeader: '',
    hunks: [{ oldStart: 1, oldLines: old.count, newStart: 1, newLines: neu.count, lines: [...old.lines, ...neu.lines] }],
  });
}

/** Apply edits through ts-morph (formatting and comments kept), then make sure the result still parses. */
function rewrite(project: Project, file: LoadedFile, edits: readonly TextEdit[]): string {
  const expected = applyEdits(file.text, edits);
  const sf = project.createSourceFile(file.abs, file.text, { overwrite: true });
  try {
    // each `replaceText` re-parses the file: past a few dozen edits (a file holding thousands of secrets, which
    // would cost time quadratic in its size) the file's text is replaced once, with the same result
    if (edits.length > MAX_EDITS_ONE_BY_ONE) sf.replaceWithText(expected);
    else for (const e of [...edits].sort((a, b) => b.start - a.start)) sf.replaceText([e.start, e.end], e.text);
    const out = sf.getFullText();
    if (out !== expected) throw new Error('internal error: rewrite mismatch; nothing was written.');
    // with the parser that took the original: a CommonJS script typescript-estree refuses is re-parsed as ESLint does
    assertParses(out, file.abs, file.plan?.script);
    return out;
  } finally {
    project.removeSourceFile(sf);
  }
}

/**
 * Run the codemod. A writing run holds the project's lock file for its whole plan-and-apply, so two runs at once
 * never plan from the same state: the second refuses (exit 2). A dry run takes no lock. A writing run also refuses,
 * before anything is written, to add values to a `.env` that git tracks (a dry run warns).
 */
export async function runCodemod(options: CodemodOptions): Promise<{ report: CodemodReport; exitCode: 0 | 1 }> {
  // the last guard: every string of the report (paths, env names, errors, the diff) and of an error is masked
  try {
    const { report, exitCode } = await runCodemodUnmasked(options);
    return { report: maskStrings(report), exitCode };
  } catch (error) {
    throw maskedError(error);
  }
}

async function runCodemodUnmasked(options: CodemodOptions): Promise<{ report: CodemodReport; exitCode: 0 | 1 }> {
  const rootInfo = await stat(options.root).catch(() => undefined);
  if (!rootInfo) throw new UsageError(`${options.root}: no such file or folder (the project root).`);
  if (!rootInfo.isDirectory()) throw new UsageError(`${options.root}: not a folder (the project root).`);
  if (options.dryRun) return runUnlocked(options);
  return withRunLock(options.root, () => runUnlocked(options));
}

/** `fn`, holding the project's lock file at once or refusing (a `UsageError`, exit 2) while another run holds it. */
export async function withRunLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await withEnvLock(root, 0, fn);
  } catch (error) {
    if (error instanceof LockHeldError) throw new UsageError(`another worker-auth-codemod is running here: ${error.message}.`);
    throw error;
  }
}

async function runUnlocked(options: CodemodOptions): Promise<{ report: CodemodReport; exitCode: 0 | 1 }> {
  // the real path: discovery resolves symlinks (macOS /tmp), and report paths are relative to it
  const root = await realpath(options.root).catch(() => {
    throw new UsageError(`${options.root}: no such folder (--root).`);
  });
  const dryRun = options.dryRun ?? false;
  const detector = getDetector(options.detector);
  const paths = options.paths.length ? options.paths : ['.'];
  const discovery = await discoverFiles(root, paths);
  // a path named on the command line that leads outside the root gives the run nothing to look at: bad usage, not a
  // clean result a CI job would take for "no secrets"
  // (a symlink inside the root that leads out is skipped and listed instead)
  const outside = paths.find((p) => !isInside(resolve(options.root), resolve(options.root, p)));
  if (outside !== undefined) throw new UsageError(`${outside}: outside the project root (${root}); run with a --root that holds it.`);
  const nothing = nothingToRead(paths, discovery);
  if (nothing !== undefined) throw new UsageError(nothing);
  const files: FileReport[] = [];
  const skipped = [...discovery.skipped];
  const loaded: LoadedFile[] = [];
  // by path, built on first use (after every file is loaded): one lookup per reported file, not a scan of them all
  let byPath: Map<string, LoadedFile> | undefined;
  const loadedByPath = (path: string): LoadedFile => (byPath ??= new Map(loaded.map((l) => [l.rel, l]))).get(path)!;
  /** Names the code reads as `process.env.NAME ?? ""` (what this codemod writes). */
  const emptyFallbackReads = new Set<string>();
  /** The texts read that may read env names (see `envNamesReadAmong`). */
  const envSources: EnvSource[] = [];
  let parsed = 0;
  /**
   * The skipped files that may hold a secret (docs/codemod.md, "Left for you": anything in a file that was skipped):
   * each is named in a warning and the run exits 1, never "No hardcoded secrets found". The detector's whole-file
   * prefilter decides (what it rules out holds nothing the rule would report); a file that could not be read for it
   * may hold anything.
   */
  const skippedSecrets: string[] = [];
  const mayHoldSecret = (rel: string, reason: string, text: string | undefined): void => {
    if (text === undefined ? options.testFiles === 'off' && isTestFile(rel) : !skippedMayHoldSecret(detector, rel, text, options.testFiles)) return;
    skippedSecrets.push(`${rel} was skipped (${reason}) and ${text === undefined ? 'could not be read: it may hold a secret' : 'may hold a secret'}; nothing in it was moved: check it and move any secret by hand`);
  };

  for (const abs of discovery.files) {
    const rel = relative(root, abs);
    let buf: Buffer;
    try {
      // synchronous, as ESLint reads: several times faster than `fs/promises` for thousands of small files
      buf = readFileSync(abs);
    } catch (error) {
      const reason = `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
      skipped.push({ path: rel, reason });
      mayHoldSecret(rel, reason, undefined);
      continue;
    }
    let text: string;
    try {
      // ignoreBOM: keep a BOM in the text (the default decoder drops it), so it is written back
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
    } catch {
      skipped.push({ path: rel, reason: 'not UTF-8 text; not changed' });
      // a token is ASCII: it survives a lossy decoding
      mayHoldSecret(rel, 'not UTF-8 text', new TextDecoder('utf-8').decode(buf));
      continue;
    }
    const bom = text.startsWith(BOM);
    if (bom) text = text.slice(1);
    if (isMinified(text)) {
      skipped.push({ path: rel, reason: 'minified' });
      mayHoldSecret(rel, 'minified', text);
      continue;
    }
    for (const m of text.matchAll(EMPTY_FALLBACK_READ)) emptyFallbackReads.add(m[1]!);
    if (text.includes('env')) envSources.push({ abs, text });
    if (!detector.mayContainSecret(text, { jsx: JSX_OK.test(rel) })) continue;
    parsed++;
    const file: LoadedFile = { abs, rel, bom, text };
    try {
      file.plan = planSource(text, rel, detector, { ...(options.testFiles ? { testFiles: options.testFiles } : {}) });
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      files.push({ path: rel, status: 'failed', secrets: [], error: error.message });
      continue;
    }
    if (file.plan.occurrences.length === 0) continue;
    if (await isReadOnly(abs)) {
      // checked before names are chosen: nothing of this file moves, so it takes no name
      files.push({ path: rel, status: 'failed', secrets: [], error: `${rel}: read-only; ${file.plan.occurrences.length} secret(s) not moved (make it writable and run again).` });
      continue;
    }
    loaded.push(file);
  }

  // files over 1 MB are not rewritten, but a secret in one is still named (one read each, up to a bound)
  for (const abs of discovery.large) {
    const rel = relative(root, abs);
    let text: string | undefined;
    try {
      if (statSync(abs).size <= MAX_SCAN_BYTES) text = new TextDecoder('utf-8').decode(readFileSync(abs));
    } catch {
      // unreadable: it may hold anything
    }
    mayHoldSecret(rel, TOO_LARGE, text);
  }

  // env names for the whole repository, never colliding with a different value already in .env
  const envPath = join(root, '.env');
  const examplePath = join(root, '.env.example');
  const gitignorePath = join(root, '.gitignore');
  const envText = await readTextIfExists(envPath);
  const existingEnv = envText === undefined ? new Map<string, string>() : parseEnvText(envText);
  // and never a name the code already reads for its own purpose: in any file under the root (they all load this
  // .env), also outside the named paths
  let readByCode = new Set<string>();
  if (loaded.length > 0) {
    const bases = new Set(loaded.flatMap((f) => f.plan!.occurrences.map((o) => o.envName)));
    const wholeRoot = paths.some((p) => resolve(options.root, p) === resolve(options.root));
    if (!wholeRoot) envSources.push(...(await otherEnvSources(root, new Set(discovery.files))));
    readByCode = envNamesReadAmong(envSources, bases);
  }
  const names = assignEnvNames(loaded.map((f) => f.plan!), existingEnv, readByCode);
  const secretPrefixes = new Map<string, string>();
  const maskedInDiff = (f: LoadedFile, occurrences: readonly SecretOccurrence[]): void => {
    for (const o of occurrences) {
      if (!secretPrefixes.has(o.finding.value)) secretPrefixes.set(o.finding.value, o.finding.prefix);
      // the diff shows source text: a value written with escapes (`\n` in a PEM key) or over several lines is masked
      // in that raw form too, line by line
      const raw = f.text.slice(o.range[0], o.range[1]);
      if (!secretPrefixes.has(raw)) secretPrefixes.set(raw, '');
      for (const line of `${raw}\n${o.finding.value}`.split(/\r?\n|\\n/)) if (line.length >= 8 && !secretPrefixes.has(line)) secretPrefixes.set(line, '');
    }
  };
  for (const f of loaded) maskedInDiff(f, f.plan!.occurrences);

  // ts-morph (and the TypeScript compiler it loads) only when some file has an edit to apply
  let project: Project | undefined;
  const getProject = async (): Promise<Project> => {
    if (!project) {
      const { Project: TsMorphProject } = await import('ts-morph');
      project = new TsMorphProject({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
    }
    return project;
  };
  const outputs = new Map<LoadedFile, string>();
  const envEntries = new Map<string, { name: string; value: string; provider: string }>();
  const rotate = new Map<string, { provider: string; envName: string; where?: string }>();

  // one env name that is the fallback of different values (`process.env.K ?? "A"` here, `?? "B"` there): setting K
  // in .env for one would change what the others read, so all of them stay in the code, for a manual edit
  const fallbackValues = new Map<string, Set<string>>();
  for (const f of loaded) {
    for (const o of f.plan!.occurrences) {
      if (o.isFallback) (fallbackValues.get(o.envName) ?? fallbackValues.set(o.envName, new Set()).get(o.envName)!).add(o.finding.value);
    }
  }
  // a name dotenv cannot hold, taken from a `process.env["…"]` fallback, leaves its value in the code too
  const staysInCode = (o: SecretOccurrence): boolean =>
    !isValidEnvName(names.get(o.finding.value)!) || (o.isFallback && fallbackValues.get(o.envName)!.size > 1);

  for (const file of loaded) {
    const plan = file.plan!;
    // values dotenv cannot hold stay in the code, reported
    const encodable = plan.occurrences.filter((o) => canEncodeEnvValue(o.finding.value) && !staysInCode(o));
    const moving = new Set(encodable);
    const { edits, manual } = buildEdits({ path: plan.path, occurrences: encodable }, names, file.text);
    const manualSet = new Set<SecretOccurrence>(manual);
    const report: FileReport = {
      path: file.rel,
      status: 'unchanged',
      secrets: plan.occurrences.map((o) => ({
        line: o.line,
        column: o.column,
        provider: o.finding.provider,
        what: describeFinding(o.finding),
        masked: redact(o.finding.value, o.finding.prefix),
        envName: names.get(o.finding.value)!,
        action: !canEncodeEnvValue(o.finding.value) ? 'not-encodable' : !moving.has(o) || manualSet.has(o) ? 'manual' : o.isFallback && names.get(o.finding.value) === o.envName ? 'fallback-removed' : 'moved',
      })),
    };
    files.push(report);
    if (edits.length === 0) continue;
    try {
      outputs.set(file, rewrite(await getProject(), file, edits));
    } catch (error) {
      report.status = 'failed';
      report.error = `${file.rel}: ${(error as Error).message.split('\n')[0]}`;
      // nothing of this file moves: its secrets stay in the code, for a manual edit
      report.secrets.splice(0, report.secrets.length, ...report.secrets.map((x) => (x.action === 'not-encodable' ? x : { ...x, action: 'manual' as const })));
      continue;
    }
    for (const o of encodable) {
      if (manualSet.has(o)) continue;
      const name = names.get(o.finding.value)!;
      envEntries.set(name, { name, value: o.finding.value, provider: describeFinding(o.finding) });
      rotate.set(name, { provider: describeFinding(o.finding), envName: name, ...(o.finding.rotateUrl ? { where: o.finding.rotateUrl } : {}) });
    }
  }

  // env files, planned before anything is written
  const exampleText = await readTextIfExists(examplePath);
  const gitignoreText = await readTextIfExists(gitignorePath);
  const entries = [...envEntries.values()];
  // A run interrupted after the sources but before .env.example leaves names that the code reads and .env holds,
  // but .env.example lacks; the sources hold no secret any more, so add them from here: a re-run completes the job.
  const exampleNames = new Set(exampleText === undefined ? [] : parseEnvText(exampleText).keys());
  const recovered: { name: string; provider: string }[] = [];
  for (const name of [...emptyFallbackReads].sort()) {
    const value = existingEnv.get(name);
    if (!value || envEntries.has(name) || exampleNames.has(name)) continue;
    const finding = detector.detect(value, { names: [name] }).find((f) => f.start === 0 && f.end === value.length);
    if (finding) recovered.push({ name, provider: describeFinding(finding) });
  }
  const example = mergeEnvExample(exampleText, [...entries, ...recovered].map((e) => ({ name: e.name, comment: e.provider })));
  const dotenv = mergeDotEnv(envText, entries.map((e) => ({ name: e.name, value: e.value, comment: e.provider })));
  // .gitignore is only touched when there is a .env to keep out of git (a repo without secrets is left alone)
  const gitignore = entries.length > 0 || envText !== undefined ? ensureGitignore(gitignoreText) : { text: gitignoreText ?? '', changed: false };
  const state = (before: string | undefined, after: string): 'created' | 'updated' | 'unchanged' =>
    before === after || (before === undefined && after === '') ? 'unchanged' : before === undefined ? 'created' : 'updated';
  const envFiles: CodemodReport['envFiles'] = {
    '.gitignore': gitignore.changed ? state(gitignoreText, gitignore.text) : 'unchanged',
    '.env': state(envText, dotenv.text),
    '.env.example': state(exampleText, example.text),
  };

  const report: CodemodReport = {
    version: 1,
    dryRun,
    files,
    skipped,
    envNames: [
      ...entries.map((e) => ({
        name: e.name,
        provider: e.provider,
        envExample: example.added.includes(e.name) ? ('added' as const) : ('present' as const),
        dotEnv: dryRun ? ('dry-run' as const) : dotenv.added.includes(e.name) ? ('added' as const) : ('present' as const),
      })),
      ...recovered.map((e) => ({ name: e.name, provider: e.provider, envExample: 'added' as const, dotEnv: 'present' as const })),
    ],
    envFiles,
    rotate: [...rotate.values()],
    summary: { scanned: discovery.files.length, parsed, changed: 0, failed: 0, moved: 0, manual: 0 },
    warnings: [...skippedSecrets],
  };
  // values added to a `.env` that git tracks would be committed with it: a writing run refuses (below), a dry run says so
  const envTracked = envFiles['.env'] !== 'unchanged' && isTrackedByGit(root, '.env');
  if (envTracked && dryRun) report.warnings.push(`.env is tracked by git, so a real run refuses to add the values to it: ${UNTRACK_ENV}`);
  // an existing `.env` keeps its mode (never changed behind your back), but secrets added to a file others can read
  // deserve a word
  if (envText !== undefined && envFiles['.env'] !== 'unchanged' && process.platform !== 'win32') {
    const mode = (await stat(envPath).catch(() => undefined))?.mode;
    if (mode !== undefined && (mode & 0o077) !== 0) {
      report.warnings.push(`.env is readable by others (mode ${(mode & 0o777).toString(8).padStart(4, '0')}): run \`chmod 600 .env\``);
    }
  }

  if (dryRun) {
    let diff = '';
    for (const [file, out] of outputs) diff += filePatch(`a/${file.rel}`, `b/${file.rel}`, file.text, out);
    const envDiff = (name: string, before: string | undefined, after: string) =>
      (before ?? '') === after ? '' : filePatch(`a/${name}`, `b/${name}`, before ?? '', after);
    diff += envDiff('.gitignore', gitignoreText, gitignore.text);
    // .env.example: its existing values hidden too (a value there may be a real secret the code never held)
    if ((exampleText ?? '') !== example.text) {
      const shown = exampleDiffText(exampleText, example.text);
      diff += filePatch('a/.env.example', 'b/.env.example', shown.before, shown.after);
    }
    // .env: existing lines hidden (their values may be secrets the detector never saw), added values masked below
    const envShown = envDiffText(envText, dotenv.text);
    if ((envText ?? '') !== dotenv.text) diff += filePatch('a/.env', 'b/.env', envShown.before, envShown.after);
    // a changed line may also show a value this run leaves in place (allowed, ignored, disabled by a comment, or
    // generic in a test file): every value the detector finds in a changed file, in any mode, is masked too
    const plain = getDetector();
    for (const file of outputs.keys()) maskedInDiff(file, planSource(file.text, file.rel, plain, { testFiles: 'all', honourDisables: false }).occurrences);
    report.diff = maskAll(diff, secretPrefixes);
    for (const f of files) if (outputs.has(loadedByPath(f.path))) f.status = 'changed';
    for (const k of Object.keys(envFiles) as (keyof typeof envFiles)[]) if (envFiles[k] !== 'unchanged') envFiles[k] = 'would change';
  } else {
    if (envTracked) throw new UsageError(`.env is tracked by git: the values moved into it would be committed with it; ${UNTRACK_ENV}, then run again.`);
    // refuse only when something would be written: a re-run with nothing to do is a no-op, even in a dirty tree
    const anyWrite = outputs.size > 0 || Object.values(envFiles).some((v) => v !== 'unchanged');
    if (anyWrite && !options.allowDirty && (await hasUncommittedChanges(root))) {
      throw new UsageError('the git work tree has uncommitted changes; commit or stash them first (so every change of the codemod can be reviewed and reverted with git), or pass --allow-dirty.');
    }
    let writes = 0;
    const write = async (path: string, data: string, mode?: number): Promise<void> => {
      if (options.failAfterWrites !== undefined && writes >= options.failAfterWrites) throw new Error(`${relative(root, path)}: injected failure`);
      await writeFileAtomic(path, data, mode === undefined ? {} : { mode });
      writes++;
    };
    let envWritten = true;
    try {
      if (gitignore.changed) {
        try {
          await write(gitignorePath, gitignore.text);
        } catch (error) {
          // .env must not be written while git could still pick it up
          envFiles['.gitignore'] = 'failed';
          throw error;
        }
      }
      if (envFiles['.env'] !== 'unchanged') await write(envPath, dotenv.text, 0o600);
    } catch (error) {
      // without the values safely in .env, no source file may lose them
      envWritten = false;
      if (envFiles['.env'] !== 'unchanged') envFiles['.env'] = 'failed';
      for (const f of files) if (f.status !== 'failed' && outputs.has(loadedByPath(f.path))) {
        f.status = 'failed';
        f.error = `not changed: .env could not be written (${(error as Error).message}).`;
      }
      outputs.clear();
    }
    for (const [file, out] of outputs) {
      const fileReport = files.find((f) => f.path === file.rel)!;
      try {
        await write(file.abs, (file.bom ? BOM : '') + out);
        fileReport.status = 'changed';
      } catch (error) {
        fileReport.status = 'failed';
        fileReport.error = `${(error as Error).message}`;
      }
    }
    if (!envWritten) envFiles['.env.example'] = 'unchanged';
    if (envFiles['.env.example'] !== 'unchanged') {
      try {
        await write(examplePath, example.text);
      } catch {
        envFiles['.env.example'] = 'failed';
      }
    }
  }

  for (const f of files) {
    if (f.status === 'changed') report.summary.changed++;
    if (f.status === 'failed') report.summary.failed++;
    for (const s of f.secrets) {
      if (f.status === 'changed' && (s.action === 'moved' || s.action === 'fallback-removed')) report.summary.moved++;
      if (s.action === 'manual' || s.action === 'not-encodable') report.summary.manual++;
    }
  }
  const failed = report.summary.failed > 0 || report.summary.manual > 0 || skippedSecrets.length > 0 || Object.values(envFiles).includes('failed');
  return { report, exitCode: failed ? 1 : 0 };
}
