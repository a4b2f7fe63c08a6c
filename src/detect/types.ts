/**
 * Types shared by the detector, its provider data and every front door (rules, codemod).
 * Data lives in `providers.ts`; the engine in `index.ts` decides.
 */

/** What a value is, by design of its issuer. Only `secret` values are ever reported. */
export type SecretClass = 'secret' | 'publishable' | 'identifier';

/** How sure the evidence is; reviewed data status from ../shared/reference/token-formats.md. */
export type FormatStatus = 'DOC' | 'X2' | 'PART' | 'UNV';

/**
 * One credential format (one row, or one variant of a row, of token-formats.md §1).
 *
 * Matching contract (the engine relies on every point):
 * - `keywords` are lower-case literal substrings. The engine lower-cases a string once and runs `pattern` only
 *   when one keyword occurs in it (one combined prefilter for all formats). Usually the prefix (`ghp_`).
 *   A format without keywords must set `contextWords`: it then runs only when the context names one of them.
 * - `pattern` is a linear-time regular expression WITHOUT the `g`/`y` flags (the engine clones it with `g`).
 *   No nested quantifiers, no quantified alternation whose branches overlap, no backreferences. It must carry its
 *   own boundaries, e.g. `(?<![A-Za-z0-9_])ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9_])`, so it finds a token inside a longer
 *   string ("Bearer ghp_…", a URL) without matching inside a longer word.
 * - The credential is the named group `token` when present, else the whole match. Its offsets are reported.
 * - `validate(token)` runs after a match: checksums (GitHub/npm CRC32), fixed markers, decodable bodies. Return false
 *   to drop the match.
 */
export interface TokenFormat {
  /** Stable kebab-case id, unique: `github-classic-pat`. Used in options (`ignoreProviders`) and docs. */
  readonly id: string;
  /** Provider display name: `GitHub`. */
  readonly provider: string;
  /** What the credential is: `personal access token`. */
  readonly kind: string;
  readonly class: SecretClass;
  /** Conventional environment variable name: `GITHUB_TOKEN`. */
  readonly envName: string;
  /** Lower-case literal substrings for the prefilter (see contract above). */
  readonly keywords: readonly string[];
  readonly pattern: RegExp;
  /**
   * Fixed prefix of the token, shown unmasked and excluded from fake/entropy checks (`ghp_`). When several prefixes
   * exist (`sk_live_`/`sk_test_`), omit it: the engine takes the longest keyword the token starts with.
   */
  readonly prefix?: string;
  readonly validate?: (token: string) => boolean;
  /** Lower-case words of which one must occur in the context (names, callee, env name) for this format to apply. */
  readonly contextWords?: readonly string[];
  /** Minimum Shannon entropy (bits/char) of the part after `prefix`; default {@link DEFAULT_MIN_BODY_ENTROPY}. */
  readonly minEntropy?: number;
  /** Where a leaked credential of this kind is revoked/rotated. */
  readonly rotateUrl?: string;
  /** Row number in ../shared/reference/token-formats.md §1. */
  readonly ref: number;
  readonly status: FormatStatus;
}

export const DEFAULT_MIN_BODY_ENTROPY = 2.5;

/** Where a string stands, as the front door (ESLint rule, codemod) sees it. All fields optional. */
export interface DetectContext {
  /**
   * Names that label the value, nearest first: variable, property key, parameter, JSX attribute, header name,
   * assignment target (`config.apiKey` → `apiKey`, `config`). Raw spelling; the engine normalises.
   */
  readonly names?: readonly string[];
  /** Callee the value is passed to: `Stripe` for `new Stripe("…")`, `login` for `client.login("…")`. */
  readonly callee?: string;
  /** `X` when the value is the fallback of `process.env.X ?? "…"` / `|| "…"`. */
  readonly envFallback?: string;
  /** The value stands in a comment. */
  readonly inComment?: boolean;
  /** The file is a test/fixture file (by path). Lower-confidence findings are dropped there. */
  readonly inTestFile?: boolean;
}

export type FindingKind = 'provider' | 'generic' | 'url-credentials' | 'private-key';

export interface Finding {
  /** Format id (`github-classic-pat`), or `generic-secret`, `url-password`, `basic-auth`… */
  readonly id: string;
  /** Provider display name, `Generic` when unknown. */
  readonly provider: string;
  /** What it is: `personal access token`. */
  readonly kind: string;
  readonly findingKind: FindingKind;
  readonly confidence: 'high' | 'medium';
  /** Offsets of the secret inside the analysed string value (UTF-16 code units). */
  readonly start: number;
  readonly end: number;
  /** The env name to use. */
  readonly envName: string;
  /** The raw secret. Never print it: use `redact()` (`src/detect/redact.ts`). */
  readonly value: string;
  /** The public, fixed prefix of `value` (`ghp_`), which `redact()` may show; `''` when none. */
  readonly prefix: string;
  readonly rotateUrl?: string;
}
