/**
 * `worker-auth-codemod --sync-env-example`: adds the name of every `process.env.X` the code reads, and the key of
 * every `worker.credential(key, …)` (injected from the worker's env variable of that name), to the nearest
 * `.env.example` (inside the root; `<root>/.env.example` when there is none, created if needed). Names only, never
 * a value: each line is `NAME=`. The reads are found by the same module as `worker-auth/env-example-in-sync`, so a
 * synced project passes the rule (its credential keys from a parse alone: `credentialKeysOf`). Appends only
 * (existing bytes, comments and line endings kept), atomically.
 */
import { readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isTestFile } from '../src/ast/strings.js';
import { isValidEnvName, mergeEnvExample, readTextIfExists, writeFileAtomic } from '../src/env/index.js';
import { ENV_EXAMPLE, findNearestEnvExample } from '../src/env/project.js';
import { isAllowedName, RUNTIME_ENV_NAMES } from '../src/workers/env-reads.js';
import { discoverFiles, isInside, nothingToRead, type Skipped } from './discover.js';
import { mayDeclareCredentials } from '../src/workers/credential-keys.js';
import { envNamesRead } from './plan.js';
import { exampleDiffText, filePatch, UsageError, withRunLock } from './run.js';
import { holdsShownSecret, maskShown, maskStrings } from '../src/detect/mask.js';

export interface SyncEnvExampleOptions {
  /** Project root; `.env.example` files outside it are never written. */
  readonly root: string;
  /** Files or folders, relative to `root` (default `.`). */
  readonly paths?: readonly string[];
  readonly dryRun?: boolean;
  /** Also read test, spec and fixture files (default false, like the rule). */
  readonly checkTestFiles?: boolean;
  /** Names never added, besides the runtime's own (`NODE_ENV`…); `PREFIX_*` matches a prefix. */
  readonly allowNames?: readonly string[];
}

export interface SyncedEnvExample {
  /** The `.env.example`, relative to the root. */
  readonly path: string;
  status: 'created' | 'updated' | 'unchanged' | 'would change' | 'failed';
  /** Names appended (or that would be, in a dry run). */
  readonly added: string[];
  error?: string;
}

export interface SyncEnvExampleReport {
  readonly version: 1;
  readonly mode: 'sync-env-example';
  readonly dryRun: boolean;
  readonly files: SyncedEnvExample[];
  readonly skipped: Skipped[];
  /** Names read in code that no `.env` file can hold (not `[A-Za-z0-9_.-]+`). */
  readonly invalidNames: string[];
  /** Names read in code that hold a secret themselves (`process.env["<token>"]`), masked: never added. */
  readonly secretNames: string[];
  readonly summary: { scanned: number; reads: number; added: number; failed: number };
  /** Dry run only: the lines that would be added (names only). */
  diff?: string;
}

const COMMENT = 'Read by the worker (added by worker-auth-codemod --sync-env-example)';

const posix = (path: string): string => path.split(sep).join('/');

/**
 * Adds the missing names. A writing run holds the project's lock file as the codemod's own runs do, so that it never
 * appends to a `.env.example` another run is writing: while one holds it, this run refuses (exit 2). A dry run takes
 * no lock.
 */
export async function syncEnvExample(options: SyncEnvExampleOptions): Promise<{ report: SyncEnvExampleReport; exitCode: 0 | 1 }> {
  const root = await realpath(options.root).catch(() => {
    throw new UsageError(`${options.root}: no such folder (--root).`);
  });
  const { report, exitCode } = options.dryRun ? await syncUnlocked(root, options) : await withRunLock(root, () => syncUnlocked(root, options));
  return { report: maskStrings(report), exitCode };
}

async function syncUnlocked(root: string, options: SyncEnvExampleOptions): Promise<{ report: SyncEnvExampleReport; exitCode: 0 | 1 }> {
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const discovery = await discoverFiles(root, paths);
  const nothing = nothingToRead(paths, discovery);
  if (nothing !== undefined) throw new UsageError(nothing);
  const allow = [...RUNTIME_ENV_NAMES, ...(options.allowNames ?? [])];
  const skipped = [...discovery.skipped];
  const invalid = new Set<string>();
  const secretNames = new Set<string>();
  /** target .env.example (absolute) → names to add, in first-read order */
  const targets = new Map<string, Set<string>>();
  let reads = 0;
  let failed = 0;

  for (const abs of discovery.files) {
    const rel = posix(relative(root, abs));
    if (!options.checkTestFiles && isTestFile(rel)) continue;
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch (error) {
      skipped.push({ path: rel, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    if (!text.includes('env') && !mayDeclareCredentials(text)) continue;
    let names: string[];
    try {
      names = envNamesRead(text, abs);
    } catch (error) {
      failed++;
      const e = error as { lineNumber?: number; message?: string };
      skipped.push({ path: rel, reason: `does not parse${e.lineNumber ? ` (line ${e.lineNumber})` : ''}; its reads were not collected` });
      continue;
    }
    reads += names.length;
    if (names.length === 0) continue;
    const nearest = findNearestEnvExample(abs);
    const target = nearest !== undefined && isInside(root, nearest) ? nearest : join(root, ENV_EXAMPLE);
    const set = targets.get(target) ?? new Set<string>();
    targets.set(target, set);
    for (const name of names) {
      if (isAllowedName(name, allow)) continue;
      // a token used as a name would be written into a committed file
      if (holdsShownSecret(name)) secretNames.add(maskShown(name));
      else if (!isValidEnvName(name)) invalid.add(name);
      else set.add(name);
    }
  }

  const files: SyncedEnvExample[] = [];
  let diff = '';
  for (const [target, names] of [...targets].sort(([a], [b]) => a.localeCompare(b))) {
    const rel = posix(relative(root, target));
    const before = await readTextIfExists(target);
    const merged = mergeEnvExample(before, [...names].map((name) => ({ name, comment: COMMENT })));
    const entry: SyncedEnvExample = { path: rel, status: 'unchanged', added: merged.added };
    files.push(entry);
    if (merged.added.length === 0) continue;
    if (options.dryRun) {
      entry.status = 'would change';
      // no context lines: an existing line might hold a value
      // the existing values hidden (a value there may be a real secret), as the codemod's own diff does
      const shown = exampleDiffText(before, merged.text);
      diff += filePatch(`a/${rel}`, `b/${rel}`, shown.before, shown.after);
      continue;
    }
    try {
      await writeFileAtomic(target, merged.text);
      entry.status = before === undefined ? 'created' : 'updated';
    } catch (error) {
      entry.status = 'failed';
      entry.error = (error as Error).message;
      failed++;
    }
  }

  const report: SyncEnvExampleReport = {
    version: 1,
    mode: 'sync-env-example',
    dryRun: options.dryRun ?? false,
    files,
    skipped,
    invalidNames: [...invalid].sort(),
    secretNames: [...secretNames].sort(),
    summary: { scanned: discovery.files.length, reads, added: files.reduce((n, f) => n + f.added.length, 0), failed },
    ...(options.dryRun ? { diff } : {}),
  };
  return { report, exitCode: failed > 0 ? 1 : 0 };
}

/** The human report (stderr), one line per entry. */
export function formatSyncReport(report: SyncEnvExampleReport): string[] {
  const lines: string[] = [];
  for (const s of report.skipped) lines.push(`skipped ${s.path}: ${s.reason}`);
  for (const f of report.files) {
    if (f.status === 'failed') lines.push(`error ${f.error ?? f.path}`);
    else if (f.added.length > 0) lines.push(`${f.path}: ${report.dryRun ? 'would add' : 'added'} ${f.added.join(', ')}`);
  }
  for (const name of report.invalidNames) lines.push(`not added: ${JSON.stringify(name)} is not a valid env name ([A-Za-z0-9_.-]+)`);
  for (const name of report.secretNames) lines.push(`not added: ${JSON.stringify(name)} holds a secret (a token used as an env name); remove it from the code and rotate it`);
  const { summary } = report;
  lines.push(
    `${summary.reads} env ${summary.reads === 1 ? 'read' : 'reads'} in ${summary.scanned} ${summary.scanned === 1 ? 'file' : 'files'}; ${summary.added} ${summary.added === 1 ? 'name' : 'names'} ${report.dryRun ? 'would be added' : 'added'}` +
      `${summary.failed > 0 ? `, ${summary.failed} failed` : ''}.`,
  );
  if (summary.added > 0) lines.push('Set the values in `.env` and push them to the deployed worker with `ntn workers env push`.');
  else if (summary.failed === 0) lines.push('.env.example lists every variable the code reads.');
  return lines;
}
