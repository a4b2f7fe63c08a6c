/**
 * Makes sure a `.gitignore` keeps local env files (which hold secrets) out of git while keeping `.env.example`
 * tracked. Rules are evaluated with the `ignore` package (gitignore semantics: the last matching rule wins), case by
 * case as git does (see `status`).
 */
import ignore from 'ignore';
import { detectEol, endsWithBlankLine, missingLineEnd } from './eol.js';

export interface EnsureGitignoreResult {
  readonly text: string;
  readonly changed: boolean;
  /** Why lines were appended (only when `changed`). */
  readonly reason?: string;
}

const HEADER = '# Local env files hold secrets (worker-auth-codemod); .env.example stays tracked';
const MUST_IGNORE = ['.env', '.env.local', '.env.production'] as const;
const MUST_KEEP = '.env.example';

interface Status {
  readonly envIgnored: boolean;
  readonly variantsIgnored: boolean;
  readonly exampleIgnored: boolean;
}

/**
 * Whether `.gitignore` text ignores a path, as git reads it whatever its `core.ignorecase`: false (case-sensitive:
 * `.ENV` does not ignore `.env`) by default on Linux, true where `git init` found a case-insensitive file system
 * (macOS, Windows). The `ignore` package folds case unless told not to, so both readings are asked: `ignored` only
 * when both ignore the path (`.ENV` alone, or `.env` then `!.ENV`, does not keep `.env` out of git everywhere),
 * `unignored` only when neither does. The same `.gitignore` serves every clone, on any file system.
 */
export function gitignoreVerdicts(text: string): { ignored(path: string): boolean; unignored(path: string): boolean } {
  const readings = [ignore({ ignorecase: false }).add(text), ignore({ ignorecase: true }).add(text)];
  return {
    ignored: (path) => readings.every((ig) => ig.ignores(path)),
    unignored: (path) => !readings.some((ig) => ig.ignores(path)),
  };
}

function status(text: string): Status {
  const verdicts = gitignoreVerdicts(text);
  return {
    envIgnored: verdicts.ignored('.env'),
    variantsIgnored: MUST_IGNORE.slice(1).every((p) => verdicts.ignored(p)),
    exampleIgnored: !verdicts.unignored(MUST_KEEP),
  };
}

const ok = (s: Status): boolean => s.envIgnored && s.variantsIgnored && !s.exampleIgnored;

/**
 * Appends what is needed (`.env`, `.env.*`, `!.env.example`) under a comment line so that `.env`, `.env.local`
 * and `.env.production` are ignored and `.env.example` is not. Keeps every existing line and the line ending;
 * returns the identical text with `changed: false` when nothing is needed.
 */
export function ensureGitignore(text: string | undefined): EnsureGitignoreResult {
  const original = text ?? '';
  const before = status(original);
  if (text !== undefined && ok(before)) return { text, changed: false };

  const lines: string[] = [];
  const reasons: string[] = [];
  if (text === undefined) reasons.push('no .gitignore');
  if (!before.envIgnored) {
    lines.push('.env');
    reasons.push('.env was not ignored');
  }
  if (!before.variantsIgnored) {
    lines.push('.env.*');
    reasons.push('.env.local/.env.production were not ignored');
  }
  // `.env.*` matches .env.example too, so test the rules as they will be.
  if (status(`${original}\n${lines.join('\n')}`).exampleIgnored) {
    lines.push(`!${MUST_KEEP}`);
    if (before.exampleIgnored) reasons.push('.env.example was ignored');
  }

  const eol = detectEol(original);
  let out = original + missingLineEnd(original, eol);
  if (!endsWithBlankLine(out)) out += eol;
  out += [HEADER, ...lines].map((l) => l + eol).join('');
  return { text: out, changed: true, reason: reasons.join('; ') };
}
