/**
 * The last guard before any output: every secret the detector can find in a text without a context is masked
 * (`redact`), also where it is glued to a name (`X_<token>`, `<token>.ts`) and so hidden from the detector's word
 * boundaries; and any long random-looking run (`maskShown`). Rule reports, the codemod's report, diff and errors all
 * pass through it.
 */
import { GENERIC_MAX_LENGTH, looksRandom, looksRandomInOneCase } from './entropy.js';
import { TOKEN_FORMATS } from './providers.js';
import { WORD_CHAR } from './index.js';
import { getDetector } from './options.js';
import { redact } from './redact.js';
import type { Finding } from './types.js';

/** The detector with no options, looked up once (`getDetector()` would key a fresh options object per call). */
let plainDetector: ReturnType<typeof getDetector> | undefined;

/** A run of name characters that may hold a token glued to something before or after it (`~`: Azure's secrets). */
const NAME_RUN = /[A-Za-z0-9_$.~-]{16,}/g;
/** The start of a PEM or PGP private key, and how many glued ones a text is read for. */
const PEM_HEADER = '-----BEGIN';
const MAX_GLUED_HEADERS = 16;
/** Separators after which a glued token may start (`ACME_<token>`, `cfg.<token>`). */
const GLUE = '_.$-~';
/** A token glued to a name after it (`<token>_PROD`) is read up to each of the run's last separators… */
const MAX_RIGHT_CUTS = 12;
/** …from the run's start and from each of its first places after a separator. */
const MAX_RIGHT_STARTS = 16;
/** The first places of a run are each read as a start; past them, only the places after a separator (`_.$-`). */
const EVERY_POSITION_TRIES = 128;
/** At most this many readings per run in all… */
const MAX_TRIES_PER_RUN = 256;
/** …each of at most this many characters (no token glued into a name is longer). */
const READ_LENGTH = 600;

interface Range {
  start: number;
  end: number;
  prefix: string;
}

/**
 * Where `text` holds a secret (detector findings without a context, glued tokens included), merged, ascending: read
 * as written, and upper- and lower-cased (a token re-cased in a name, `azure_<secret lower-cased>`, whose fixed
 * parts are of one case: Azure's `Q~`, Airtable's `pat`, Terraform's `.atlasv1.`).
 */
function secretRanges(text: string): Range[] {
  const ranges: Range[] = [];
  readRanges(text, ranges);
  for (const recased of [text.toUpperCase(), text.toLowerCase()]) {
    // (a character whose other case is longer, `ß`, would move every offset after it: such a copy is not read)
    if (recased !== text && recased.length === text.length) readRanges(recased, ranges);
  }
  if (ranges.length < 2) return ranges;
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [ranges[0]!];
  for (const r of ranges.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (r.start < last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Adds to `ranges` the findings of a text read from `offset` of the text the ranges are in. */
function pushFound(ranges: Range[], found: readonly Finding[], offset: number): void {
  for (const f of found) ranges.push({ start: offset + f.start, end: offset + f.end, prefix: f.prefix });
}

/** Adds to `ranges` what the detector finds in `text`, also where a token is glued to a name before or after it. */
function readRanges(text: string, ranges: Range[]): void {
  const detector = (plainDetector ??= getDetector());
  pushFound(ranges, detector.detect(text), 0);
  // a token right after a word character (`X_ghp_…`, `CLIENTsk_live_…`) is no match for the detector's boundary
  // (`(?<![A-Za-z0-9_])`): each place inside a long run of name characters is read as the start of a text
  for (const m of text.matchAll(NAME_RUN)) {
    const run = m[0];
    let tries = 0;
    for (let i = 1; i <= run.length - 8 && tries < MAX_TRIES_PER_RUN; i++) {
      if (i > EVERY_POSITION_TRIES && !GLUE.includes(run[i - 1]!)) continue;
      tries++;
      pushFound(ranges, detector.detect(run.slice(i, i + READ_LENGTH)), m.index + i);
    }
    // a token before `_<name>` or `.<name>` (`<token>_PROD`, `ACME.<token>.X`) is no match for the detector's right
    // boundary: the run is read again up to each of its last separators (the first of each group of them: `<token>`
    // before eleven `_` is cut once), from its start and from its first places after a separator
    const cuts: number[] = [];
    for (let j = run.length - 1; j >= 8 && cuts.length < MAX_RIGHT_CUTS; j--) {
      if (GLUE.includes(run[j]!) && !GLUE.includes(run[j - 1]!)) cuts.push(j);
    }
    if (cuts.length === 0) continue;
    const starts = [0];
    for (let i = 1; i < run.length - 8 && starts.length < MAX_RIGHT_STARTS; i++) if (GLUE.includes(run[i - 1]!)) starts.push(i);
    for (const j of cuts) {
      for (const i of starts) {
        if (j - i < 8 || j - i > READ_LENGTH) continue;
        pushFound(ranges, detector.detect(run.slice(i, j)), m.index + i);
      }
    }
  }
  // a private key glued after a name (`ACME_-----BEGIN …`): no boundary for the detector, and a name run too short to
  // re-read (the header has a space)
  for (let at = text.indexOf(PEM_HEADER), n = 0; at > 0 && n < MAX_GLUED_HEADERS; at = text.indexOf(PEM_HEADER, at + 1), n++) {
    if (WORD_CHAR[text.charCodeAt(at - 1)] !== 1) continue;
    pushFound(ranges, detector.detect(text.slice(at)), at);
  }
}

/**
 * `text` with every secret the detector finds in it without a context (provider tokens, URL passwords, JWTs,
 * credential pairs, and tokens glued to a name) masked as `redact` does.
 */
export function maskSecretsIn(text: string): string {
  if (text.length < 8) return text;
  const ranges = secretRanges(text);
  if (ranges.length === 0) return text;
  let out = '';
  let last = 0;
  for (const r of ranges) {
    out += text.slice(last, r.start) + redact(text.slice(r.start, r.end), r.prefix);
    last = r.end;
  }
  return out + text.slice(last);
}


/**
 * What any output may show of `text` (a rule's message data, the codemod's report, diff, JSON and errors):
 * `maskSecretsIn`, then every long run of token characters that looks random masked too. What is shown names code
 * (env names, keys, paths, hosts, scopes): a random-looking run there is a secret written where a name goes, or one
 * changed past what the detector recognises.
 */
export function maskShown(text: string): string {
  const masked = maskSecretsIn(text);
  if (masked.length < 16) return masked;
  // base64 cut by `/` and `+` (an AWS secret key, a scope or path built from one): a run of them that looks random,
  // read whole first (its pieces between the slashes are too short to look like anything), or, re-cased to one case,
  // holding a piece of 16 or more between them that reads random in one case (a path's pieces are words); masked with
  // the rest of a base64url token it opens (`<run>-<tail>`)
  const base64 = masked.replace(BASE64_RUN, (whole, run: string) =>
    /[/+]/.test(run) && (looksRandom(run) || run.split(BASE64_CUT).some(looksRandomInOneCase)) ? redact(whole) : whole,
  );
  // a prefix with a dot in it (`sg.`, `hvs.`, `dp.pt.`) re-cased: a run of name characters and dots, masked from it;
  // and each random piece between its dots, as the runs below read them (`<24+ random>`, `<16+ in one case>`)
  const dotted = base64.includes('.')
    ? base64.replace(DOTTED_RUN, (run) => {
        if (!run.includes('.')) return run;
        const at = tokenPrefixAt(run);
        if (at >= 0) return run.slice(0, at) + redact(run.slice(at));
        // letters and digits cut by dots into pieces of 8 or more (`<16>.<16>.<16>`): read joined, masked whole (a piece
        // of 16 may read as a name; a name with `_` or `-` in it, `N8N_AWS_LEGACY_SIGNER`, is not read so)
        if (DOTTED_ALNUM.test(run) && looksRandom(run.replace(/\./g, ''))) return redact(run);
        return run.replace(DOT_PIECE, (piece) => ((piece.length >= LONG_RUN && looksRandom(piece)) || looksRandomInOneCase(piece) ? redact(piece) : piece));
      })
    : base64;
  // a run that opens with a provider's prefix in any case (`GHP_…`, a lower-cased `ghp_…` whose checksum and case no
  // longer pass, whose few digits read as a name), or that looks random
  return dotted.replace(TOKEN_RUN, (run) =>
    (run.length >= LONG_RUN ? looksRandom(run) || tokenPrefixAt(run) >= 0 || hasRandomPiece(run) : tokenPrefixAt(run) >= 0 || hasRandomPiece(run, true))
      ? redact(run)
      : run,
  );
}

/**
 * A run of token characters as `maskShown` reads it: `LONG_TOKEN_RUN` (entropy.ts) from 16 characters, the shortest
 * a generic secret is (`ACME_<16 base32>` is 21). Under `LONG_RUN` characters only a provider's prefix or a piece in
 * one case is read: `looksRandom` takes names of 16–23 characters that mix case and digits (`AwsS3V1FileGetAllNode`,
 * `N8N_AWS_LEGACY_SIGNER`) for random.
 */
const TOKEN_RUN = /[A-Za-z0-9_=-][A-Za-z0-9_+=-]{15,}/g;
const LONG_RUN = 24;

/** A run of name characters with dots (`process.env.sg.<…>.<…>`), read for a prefix that holds a dot and for random pieces. */
const DOTTED_RUN = /[A-Za-z0-9_][A-Za-z0-9_.=-]{15,}/g;
/** A piece of a dotted run between its dots, 16 characters or more. */
const DOT_PIECE = /[^.]{16,}/g;
/** Two or more pieces of 8 or more letters and digits, joined by dots, and nothing else. */
const DOTTED_ALNUM = /^[A-Za-z0-9]{8,}(?:\.[A-Za-z0-9]{8,})+$/;

/** Pieces of a run between separators (`ACME_<random>_PROD`), and windows of a long piece: see `hasRandomPiece`. */
const PIECE_MIN = 16;
const WINDOW = 64;
const WINDOW_STEP = 48;

/**
 * Does a run hold, between its separators (`_`, `-`, `.`, `=`), a piece of 16 characters or more that looks random
 * (`looksRandom`, or in one case `looksRandomInOneCase`: an upper-cased token), or (a piece longer than
 * `looksRandom` reads) a window of one that does? A secret glued to words or padding (`ACME_<secret>_XXXX…`,
 * `<token>_PROD`), re-cased, or longer than a secret is read whole: the whole run may read as words or as a
 * sequence, its random piece does not.
 */
function hasRandomPiece(run: string, oneCaseOnly = false): boolean {
  let start = 0;
  for (let i = 0; i <= run.length; i++) {
    const c = i < run.length ? run.charCodeAt(i) : 95;
    // `_`, `-`, `.`, `=`
    if (c !== 95 && c !== 45 && c !== 46 && c !== 61) continue;
    const length = i - start;
    if (length >= PIECE_MIN) {
      if (length <= GENERIC_MAX_LENGTH) {
        const piece = run.slice(start, i);
        // (a run of one piece was read whole by `looksRandom` already)
        if ((!oneCaseOnly && length < run.length && looksRandom(piece)) || looksRandomInOneCase(piece)) return true;
      } else {
        for (let at = start; at < i; at += WINDOW_STEP) if (looksRandom(run.slice(at, Math.min(i, at + WINDOW)))) return true;
      }
    }
    start = i + 1;
  }
  return false;
}

/**
 * Standard base64 characters in a row (`/` and `+` included; not `-` and `_`, which only base64url has, so a path such
 * as `/tmp/wa-x1/no-such-root` breaks at them), 24 or more: read whole where `LONG_TOKEN_RUN` stops at a `/` (group 1),
 * and the letters, digits, `-` and `_` right after it (a base64url token the run opens, masked with it).
 */
const BASE64_RUN = /([A-Za-z0-9][A-Za-z0-9+/=]{23,})(?:[_-][A-Za-z0-9_-]*)?/g;
const BASE64_CUT = /[/+=]/;

/**
 * The fixed prefixes of the secret formats, lower-cased, each with whether any 16 letters and digits after it (a
 * digit among them) make a body: a format's `prefix` of 4 characters or more (`ghp_`, `ABSK`) and its keywords of 5
 * or more that end in `_` or `-` (`sk_live_`, `sk-proj-`) do; a shorter prefix or keyword that ends in `_`, `-` or `.`
 * (`hf_`, `sg.`) needs a body that reads random in one case, as does a body of letters alone
 * (`x-api-key-authenticationheader`, `hvs.vaultserviceaccountrolename` are names).
 */
let tokenPrefixes: readonly (readonly [prefix: string, anyBody: boolean])[] | undefined;
/** 16 letters and digits, the whole text. */
const ALNUM_16 = /^[a-z0-9]{16}$/;
const DIGIT = /[0-9]/;
/** A body in base64url after a prefix, as far as it goes (`dckr_pat_<…-…_…>`). */
const BODY_RUN = /^[a-z0-9_-]+/;

function readTokenPrefixes(): readonly (readonly [string, boolean])[] {
  const anyBody = new Map<string, boolean>();
  for (const f of TOKEN_FORMATS) {
    if (f.class !== 'secret') continue;
    const prefix = f.prefix?.toLowerCase();
    if (prefix !== undefined && prefix.length >= 4) anyBody.set(prefix, true);
    for (const k of [...(prefix !== undefined ? [prefix] : []), ...f.keywords]) {
      if (k.length < 3 || !/^[a-z0-9]/.test(k) || !/[_.-]$/.test(k)) continue;
      if (k.length >= 5 && /[_-]$/.test(k)) anyBody.set(k, true);
      else if (!anyBody.has(k)) anyBody.set(k, false);
    }
  }
  return [...anyBody];
}

/**
 * Where a run opens with a provider token's prefix, in any letter case, at its start or after a separator
 * (`cfg_GHP_…`), followed by a token's body: 16 letters and digits in a row with a digit (after a long prefix, see
 * `tokenPrefixes`), or letters and digits, cut by `-` and `_` at most (a Docker Hub or Google body re-cased), whose
 * pairs are no words' (`looksRandomInOneCase`). A name goes on in words (`NPM_PACKAGE_VERSION_…`,
 * `RE_AUTHENTICATE_…`). -1 when it does not.
 */
function tokenPrefixAt(run: string): number {
  tokenPrefixes ??= readTokenPrefixes();
  const lower = run.toLowerCase();
  for (const [prefix, anyBody] of tokenPrefixes) {
    for (let at = lower.indexOf(prefix); at >= 0; at = lower.indexOf(prefix, at + 1)) {
      if (at !== 0 && !'_.-='.includes(lower[at - 1]!)) continue;
      const bodyAt = at + prefix.length;
      const first16 = lower.slice(bodyAt, bodyAt + 16);
      if (anyBody && ALNUM_16.test(first16) && DIGIT.test(first16)) return at;
      const body = BODY_RUN.exec(lower.slice(bodyAt, bodyAt + GENERIC_MAX_LENGTH))?.[0];
      if (body !== undefined && body.length >= 16 && looksRandomInOneCase(body.replace(/[-_]/g, ''))) return at;
    }
  }
  return -1;
}

/** Does `text` hold a secret `maskSecretsIn` would mask? (A name that does must not become an env name or a label.) */
export function holdsSecret(text: string): boolean {
  return text.length >= 8 && secretRanges(text).length > 0;
}

/**
 * Does `text` hold what `maskShown` would mask: a secret the detector finds, or a long random-looking run (a token
 * re-cased past what the detector recognises)? For names that would be copied somewhere new (an env name written
 * to `.env.example`, a declaration a suggestion inserts); a name read for its meaning keeps it (`X-<random>-Token`
 * still says token).
 */
export function holdsShownSecret(text: string): boolean {
  return maskShown(text) !== text;
}

/**
 * A copy of a plain report (objects, arrays, strings, numbers) with every string passed through `mask`
 * (`maskShown` by default): paths, env names, errors and diffs alike, whatever put a secret there.
 */
export function maskStrings<T>(value: T, mask: (text: string) => string = maskShown): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskStrings(item, mask)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = maskStrings(item, mask);
    return out as T;
  }
  return value;
}

/** `error` with its message masked (`maskShown`), same object; anything else as it is. */
export function maskedError(error: unknown): unknown {
  if (error instanceof Error) {
    const safe = maskShown(error.message);
    if (safe !== error.message) {
      error.message = safe;
      if (error.stack) error.stack = maskShown(error.stack);
    }
  }
  return error;
}
