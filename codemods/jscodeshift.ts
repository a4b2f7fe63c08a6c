/**
 * The codemod as a jscodeshift transform: `jscodeshift --no-babel -t <pkg>/dist/codemods/jscodeshift.js src`.
 *
 * It shares the planning core with the CLI (`planSource` → `assignEnvNames` → `buildEdits` → `applyEdits`) and applies
 * the same text edits to `file.source`, so both front doors produce identical bytes; jscodeshift's own parser is
 * never used.
 *
 * Env files: jscodeshift runs files in parallel worker processes, so every file that moves a secret takes an exclusive
 * lock file in the project root (`.env.worker-auth.lock`, created with `wx`), and under it reads `.env`, chooses the
 * names (same value → same name; a name held by a different value gets a suffix), and writes `.gitignore`, `.env`
 * (mode 0600 when created) and `.env.example`, each atomically, BEFORE the new source is returned. When any of that
 * fails, or git tracks `.env` (the values would be committed), the transform returns `undefined`: a value never leaves
 * the code without landing in an untracked `.env`.
 *
 * Options (jscodeshift passes unknown flags through): `--root=<dir>` (default: the working directory), `--dry`
 * (never writes an env file), `--testFiles=all|high-confidence|off`.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { describeFinding } from '../src/detect/index.js';
import { getDetector, type DetectorOptions } from '../src/detect/options.js';
import { canEncodeEnvValue, ensureGitignore, mergeDotEnv, mergeEnvExample, parseEnvText, readTextIfExists, writeFileAtomic } from '../src/env/index.js';
import { isTrackedByGit } from '../src/env/project.js';
import { isMinified, isReadOnly, MAX_FILE_BYTES, TOO_LARGE } from './discover.js';
import { applyEdits, assertParses, assignEnvNames, buildEdits, JSX_OK, planSource, skippedMayHoldSecret, type SecretOccurrence } from './plan.js';
import { withEnvLock } from './lock.js';
import { maskedError, maskShown } from '../src/detect/mask.js';

export { LOCK_FILE, withEnvLock } from './lock.js';

/** The parts of jscodeshift's `FileInfo` used here. */
export interface TransformFile {
  readonly path: string;
  readonly source: string;
}

/** The parts of jscodeshift's `API` used here (`report` prints a line in jscodeshift's output). */
export interface TransformApi {
  readonly report?: (message: string) => void;
}

export interface TransformOptions {
  /** Project root holding `.env`, `.env.example`, `.gitignore` (default: `process.cwd()`). */
  readonly root?: string;
  /** jscodeshift's `--dry`: the new source is returned (for `--print`), no env file is written. */
  readonly dry?: boolean;
  readonly testFiles?: 'all' | 'high-confidence' | 'off';
  readonly detector?: DetectorOptions;
  /** `--allowPattern=<regex>` (repeatable): the rule's `allowPatterns`, as the CLI's `--allow-pattern`. */
  readonly allowPattern?: string | readonly string[];
  /** `--ignoreProvider=<id|name>` (repeatable): the rule's `ignoreProviders`, as the CLI's `--ignore-provider`. */
  readonly ignoreProvider?: string | readonly string[];
  /** How long to wait for the env-file lock (default 10 s). */
  readonly lockTimeoutMs?: number;
  readonly [key: string]: unknown;
}

const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
const BOM = '\uFEFF';

async function isUtf8File(path: string): Promise<boolean> {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
    return true;
  } catch {
    return false;
  }
}

/** `detector`, with the command line's `--allowPattern` and `--ignoreProvider` added (one value or several). */
function detectorOptionsOf(options: TransformOptions): DetectorOptions | undefined {
  const list = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);
  const allowPatterns = [...(options.detector?.allowPatterns ?? []), ...list(options.allowPattern)];
  const ignoreProviders = [...(options.detector?.ignoreProviders ?? []), ...list(options.ignoreProvider)];
  if (allowPatterns.length === 0 && ignoreProviders.length === 0) return options.detector;
  return { ...options.detector, allowPatterns, ignoreProviders };
}

/**
 * jscodeshift transform: the rewritten source, or `undefined` when nothing changes (jscodeshift counts it as skipped).
 * A file that does not parse throws (jscodeshift counts an error) and is left untouched.
 */
export default async function transform(file: TransformFile, api: TransformApi, options: TransformOptions = {}): Promise<string | undefined> {
  try {
    return await transformUnmasked(file, api, options);
  } catch (error) {
    // jscodeshift prints what a transform throws (a parse error quotes the source): masked first
    throw maskedError(error);
  }
}

async function transformUnmasked(file: TransformFile, api: TransformApi, options: TransformOptions): Promise<string | undefined> {
  const say = (message: string): undefined => {
    api.report?.(maskShown(message));
    return undefined;
  };
  const root = resolve(options.root ?? process.cwd());
  const abs = resolve(file.path);
  const rel = relative(root, abs);
  const bom = file.source.startsWith(BOM);
  const text = bom ? file.source.slice(1) : file.source;
  const detector = getDetector(detectorOptionsOf(options));
  // a skipped file that may hold a secret says so (docs/codemod.md, "Left for you": anything in a file that was skipped)
  const skip = (reason: string): undefined => say(`skipped: ${reason}${skippedMayHoldSecret(detector, rel, text, options.testFiles) ? '; it may hold a secret: nothing in it was moved, check it by hand' : ''}`);
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) return skip(TOO_LARGE);
  if (isMinified(text)) return skip('minified');
  if (!detector.mayContainSecret(text, { jsx: JSX_OK.test(abs) })) return undefined;
  // jscodeshift decodes as UTF-8 with replacement characters: writing that back would corrupt the file
  if (text.includes('\uFFFD') && !(await isUtf8File(abs))) return skip('not UTF-8 text; not changed');
  const plan = planSource(text, rel, detector, options.testFiles ? { testFiles: options.testFiles } : {});
  if (plan.occurrences.length === 0) return undefined;

  const encodable = plan.occurrences.filter((o) => canEncodeEnvValue(o.finding.value));
  const left = plan.occurrences.length - encodable.length;
  if (!options.dry && encodable.length > 0 && (await isReadOnly(abs))) return say('read-only; not changed (make it writable and run again)');

  /** Names against `.env` as it is now, the edits, the new source and the env entries of this file. */
  const prepare = (envText: string | undefined) => {
    const names = assignEnvNames([plan], envText === undefined ? new Map() : parseEnvText(envText));
    const { edits, manual } = buildEdits({ path: plan.path, occurrences: encodable }, names, text);
    const manualSet = new Set<SecretOccurrence>(manual);
    const entries = new Map<string, { name: string; value: string; comment: string }>();
    for (const o of encodable) {
      if (manualSet.has(o)) continue;
      const name = names.get(o.finding.value)!;
      entries.set(name, { name, value: o.finding.value, comment: describeFinding(o.finding) });
    }
    let output: string | undefined;
    if (edits.length > 0) {
      output = applyEdits(text, edits);
      assertParses(output, abs, plan.script); // the result must still parse, with the parser that took the original
    }
    return { output, entries: [...entries.values()], manual: manual.length };
  };

  const envPath = join(root, '.env');
  let result: ReturnType<typeof prepare>;
  try {
    if (options.dry) {
      result = prepare(await readTextIfExists(envPath));
    } else {
      result = await withEnvLock(root, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async () => {
        const envText = await readTextIfExists(envPath);
        const prepared = prepare(envText);
        if (prepared.output === undefined) return prepared;
        const dotenv = mergeDotEnv(envText, prepared.entries);
        const envChanges = dotenv.text !== (envText ?? '');
        // values added to a .env that git tracks would be committed with it (the CLI refuses too)
        if (envChanges && isTrackedByGit(root, '.env')) throw new Error('.env is tracked by git; untrack it first (`git rm --cached .env`, then commit) and rotate every secret it already held');
        // same order as the CLI: .gitignore (so .env is never tracked), .env (values safe before they leave the code)
        const examplePath = join(root, '.env.example');
        const gitignorePath = join(root, '.gitignore');
        const gitignore = ensureGitignore(await readTextIfExists(gitignorePath));
        if (gitignore.changed) await writeFileAtomic(gitignorePath, gitignore.text);
        if (envChanges) await writeFileAtomic(envPath, dotenv.text, { mode: 0o600 });
        const exampleText = await readTextIfExists(examplePath);
        const example = mergeEnvExample(exampleText, prepared.entries.map((e) => ({ name: e.name, comment: e.comment })));
        if (example.text !== (exampleText ?? '')) await writeFileAtomic(examplePath, example.text);
        return prepared;
      });
    }
  } catch (error) {
    // the source keeps its secrets: nothing moves unless .env holds the values
    return say(`not changed: ${(error as Error).message.split('\n')[0]}`);
  }
  if (result.manual + left > 0) say(`${result.manual + left} secret(s) left for a manual edit (no safe rewrite or not storable in .env)`);
  if (result.output === undefined) return undefined;
  const names = result.entries.map((e) => e.name).join(', ');
  say(`${options.dry ? 'would move' : 'moved'} ${result.entries.length} secret(s) to ${names}; rotate them: they are still in git history`);
  return (bom ? BOM : '') + result.output;
}
