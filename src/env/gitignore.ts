/**
 * Makes sure a `.gitignore` keeps local env files (which hold secrets) out of git while keeping `.env.example`
 * tracked. Rules are evaluated with the `ignore` package (gitignore semantics: the last matching rule wins).
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

function status(text: string): Status {
  const ig = ignore().add(text);
  return {
    envIgnored: ig.ignores('.env'),
    variantsIgnored: MUST_IGNORE.slice(1).every((p) => ig.ignores(p)),
    exampleIgnored: ig.ignores(MUST_KEEP),
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
