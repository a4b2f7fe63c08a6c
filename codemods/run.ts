/**
 * The codemod, end to end: discover, plan every file, choose env names for the whole repository, then (unless
 * dry-run) write: `.gitignore` first (so `.env` is never tracked, even for a moment), `.env` next (the values are
 * safe before they leave the code), the source files, `.env.example` last. Every write is atomic; a file that
 * fails is reported and left as it was; a re-run completes the job and is otherwise a no-op.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { Project } from 'ts-morph';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TextEdit } from '../src/ast/sites.js';
import { describeFinding } from '../src/detect/index.js';
import { getDetector, type DetectorOptions } from '../src/detect/options.js';
import { redact } from '../src/detect/redact.js';
import { canEncodeEnvValue, ensureGitignore, mergeDotEnv, mergeEnvExample, parseEnvText, readTextIfExists, writeFileAtomic } from '../src/env/index.js';
import { discoverFiles, isMinified, type Skipped } from './discover.js';
import { applyEdits, assignEnvNames, buildEdits, ParseError, planSource, type SecretOccurrence, type SourcePlan } from './plan.js';

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
}

export class UsageError extends Error {}

const exec = promisify(execFile);

/** Uncommitted changes in the git work tree at `root` (false outside git). */
async function hasUncommittedChanges(root: string): Promise<boolean> {
  try {
    const { stdout } = await exec('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root });
    return stdout.trim().length > 0;
  } catch {
    return false;
  }
}

const BOM = '\uFEFF';

interface LoadedFile {
  readonly abs: string;
  readonly rel: string;
  readonly bom: boolean;
  readonly text: string;
  plan?: SourcePlan;
}

function maskAll(text: string, secrets: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [value, prefix] of secrets) if (value.length >= 4) out = out.split(value).join(redact(value, prefix));
  return out;
}

/** Apply edits through ts-morph (formatting and comments kept), then make sure the result still parses. */
function rewrite(project: Project, file: LoadedFile, edits: readonly TextEdit[]): string {
  const sf = project.createSourceFile(file.abs, file.text, { overwrite: true });
  try {
    for (const e of [...edits].sort((a, b) => b.start - a.start)) sf.replaceText([e.start, e.end], e.text);
    const out = sf.getFullText();
    if (out !== applyEdits(file.text, edits)) throw new Error('internal error: rewrite mismatch; nothing was written.');
    parse(out, { range: true, jsx: /\.(?:tsx|jsx|js|mjs|cjs)$/.test(file.abs), filePath: file.abs });
    return out;
  } finally {
    project.removeSourceFile(sf);
  }
}

export async function runCodemod(options: CodemodOptions): Promise<{ report: CodemodReport; exitCode: 0 | 1 }> {
  const root = options.root;
  const dryRun = options.dryRun ?? false;
  if (!dryRun && !options.allowDirty && (await hasUncommittedChanges(root))) {
    throw new UsageError('the git work tree has uncommitted changes; commit or stash them first (so every change of the codemod can be reviewed and reverted with git), or pass --allow-dirty.');
  }
  const detector = getDetector(options.detector);
  const discovery = await discoverFiles(root, options.paths.length ? options.paths : ['.']);
  const files: FileReport[] = [];
  const skipped = [...discovery.skipped];
  const loaded: LoadedFile[] = [];
  let parsed = 0;

  for (const abs of discovery.files) {
    const rel = relative(root, abs);
    let text: string;
    try {
      const buf = await readFile(abs);
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push({ path: rel, reason: code ? `cannot be read (${code})` : 'not UTF-8 text' });
      continue;
    }
    const bom = text.startsWith(BOM);
    if (bom) text = text.slice(1);
    if (isMinified(text)) {
      skipped.push({ path: rel, reason: 'minified' });
      continue;
    }
    if (!detector.mayContainSecret(text)) continue;
    parsed++;
    const file: LoadedFile = { abs, rel, bom, text };
    try {
      file.plan = planSource(text, rel, detector, { ...(options.testFiles ? { testFiles: options.testFiles } : {}) });
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      files.push({ path: rel, status: 'failed', secrets: [], error: error.message });
      continue;
    }
    if (file.plan.occurrences.length > 0) loaded.push(file);
  }

  // env names for the whole repository, never colliding with a different value already in .env
  const envPath = join(root, '.env');
  const examplePath = join(root, '.env.example');
  const gitignorePath = join(root, '.gitignore');
  const envText = await readTextIfExists(envPath);
  const existingEnv = envText === undefined ? new Map<string, string>() : parseEnvText(envText);
  const names = assignEnvNames(loaded.map((f) => f.plan!), existingEnv);
  const secretPrefixes = new Map<string, string>();
  for (const f of loaded) for (const o of f.plan!.occurrences) secretPrefixes.set(o.finding.value, o.finding.prefix);

  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const outputs = new Map<LoadedFile, string>();
  const envEntries = new Map<string, { name: string; value: string; provider: string }>();
  const rotate = new Map<string, { provider: string; envName: string; where?: string }>();

  for (const file of loaded) {
    const plan = file.plan!;
    // values dotenv cannot hold stay in the code, reported
    const encodable = plan.occurrences.filter((o) => canEncodeEnvValue(o.finding.value));
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
        action: !encodable.includes(o) ? 'not-encodable' : manualSet.has(o) ? 'manual' : o.isFallback && names.get(o.finding.value) === o.envName ? 'fallback-removed' : 'moved',
      })),
    };
    files.push(report);
    if (edits.length === 0) continue;
    try {
      outputs.set(file, rewrite(project, file, edits));
    } catch (error) {
      report.status = 'failed';
      report.error = `${file.rel}: ${(error as Error).message.split('\n')[0]}`;
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
  const example = mergeEnvExample(exampleText, entries.map((e) => ({ name: e.name, comment: e.provider })));
  const dotenv = mergeDotEnv(envText, entries.map((e) => ({ name: e.name, value: e.value, comment: e.provider })));
  const gitignore = ensureGitignore(gitignoreText);
  const state = (before: string | undefined, after: string): 'created' | 'updated' | 'unchanged' =>
    before === after ? 'unchanged' : before === undefined ? 'created' : 'updated';
  const envFiles: CodemodReport['envFiles'] = {
    '.gitignore': state(gitignoreText, gitignore.text),
    '.env': state(envText, dotenv.text),
    '.env.example': state(exampleText, example.text),
  };

  const report: CodemodReport = {
    version: 1,
    dryRun,
    files,
    skipped,
    envNames: entries.map((e) => ({
      name: e.name,
      provider: e.provider,
      envExample: example.added.includes(e.name) ? 'added' : 'present',
      dotEnv: dryRun ? 'dry-run' : dotenv.added.includes(e.name) ? 'added' : 'present',
    })),
    envFiles,
    rotate: [...rotate.values()],
    summary: { scanned: discovery.files.length, parsed, changed: 0, failed: 0, moved: 0, manual: 0 },
  };

  if (dryRun) {
    let diff = '';
    for (const [file, out] of outputs) diff += createTwoFilesPatch(`a/${file.rel}`, `b/${file.rel}`, file.text, out, '', '', { context: 2 });
    const envDiff = (name: string, before: string | undefined, after: string) =>
      before === after ? '' : createTwoFilesPatch(`a/${name}`, `b/${name}`, before ?? '', after, '', '', { context: 1 });
    diff += envDiff('.gitignore', gitignoreText, gitignore.text) + envDiff('.env.example', exampleText, example.text);
    diff += envDiff('.env', envText, dotenv.text);
    report.diff = maskAll(diff, secretPrefixes);
    for (const f of files) if (outputs.has(loaded.find((l) => l.rel === f.path)!)) f.status = 'changed';
    for (const k of Object.keys(envFiles) as (keyof typeof envFiles)[]) if (envFiles[k] !== 'unchanged') envFiles[k] = 'would change';
  } else {
    let writes = 0;
    const write = async (path: string, data: string, mode?: number): Promise<void> => {
      if (options.failAfterWrites !== undefined && writes >= options.failAfterWrites) throw new Error(`${relative(root, path)}: injected failure`);
      await writeFileAtomic(path, data, mode === undefined ? {} : { mode });
      writes++;
    };
    try {
      if (gitignore.changed) await write(gitignorePath, gitignore.text);
      if (envFiles['.env'] !== 'unchanged') await write(envPath, dotenv.text, 0o600);
    } catch (error) {
      // without the values safely in .env, no source file may lose them
      envFiles['.env'] = 'failed';
      for (const f of files) if (f.status !== 'failed' && outputs.has(loaded.find((l) => l.rel === f.path)!)) {
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
  const failed = report.summary.failed > 0 || report.summary.manual > 0 || Object.values(envFiles).includes('failed');
  return { report, exitCode: failed ? 1 : 0 };
}
