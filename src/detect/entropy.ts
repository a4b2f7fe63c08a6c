/**
 * Randomness measures for provider-less (generic) secrets. Thresholds follow the scanners compared in
 * token-formats.md §5: gitleaks' generic rule keeps values over 3.5 bits/char; detect-secrets uses 3.0 for hex.
 * A 32-character random base62 string measures ≈4.6, random hex ≈3.7; words, identifiers and paths measure less
 * and are rejected by the shape checks below before entropy is consulted.
 */
import { WORD_PAIR } from './bigrams.js';
import { asciiTable } from './keywords.js';

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  // ASCII counts in a reused table (no allocation: this runs on every candidate string); anything else in a map
  let others: Map<number, number> | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) ASCII_COUNTS[c]!++;
    else (others ??= new Map()).set(c, (others.get(c) ?? 0) + 1);
  }
  let bits = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && ASCII_COUNTS[c]! > 0) {
      const p = ASCII_COUNTS[c]! / length;
      bits -= p * Math.log2(p);
      ASCII_COUNTS[c] = 0;
    }
  }
  if (others) {
    for (const n of others.values()) {
      const p = n / length;
      bits -= p * Math.log2(p);
    }
  }
  return bits;
}

const ASCII_COUNTS = new Int32Array(128);

export const GENERIC_MIN_LENGTH = 16;
export const GENERIC_MAX_LENGTH = 512;
/** Minimum entropy for a base62/base64 generic secret (gitleaks `generic-api-key`). */
export const MIN_ENTROPY_BASE64 = 3.5;
/** Minimum entropy for a hex generic secret (detect-secrets' hex limit). */
export const MIN_ENTROPY_HEX = 3.0;

/** an e-mail address (a service account's `client_email`, an SMTP user): an identifier, not a secret */
const EMAIL = /^[^@\s]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}$/;

/** `isSequential`: the share of steps of -1, 0 or +1 that makes a sequence. */
const SEQUENTIAL_SHARE = 0.6;

/** True for `abcdef…`, `123456…`, `aaaa…`-like strings: at least 60% of steps are +1, -1 or 0. */
export function isSequential(text: string): boolean {
  if (text.length < 6) return false;
  let steps = 0;
  for (let i = 1; i < text.length; i++) {
    const d = text.charCodeAt(i) - text.charCodeAt(i - 1);
    if (d === 1 || d === -1 || d === 0) steps++;
  }
  return steps / (text.length - 1) >= SEQUENTIAL_SHARE;
}

// `looksRandom`'s character classes, one table lookup per character: it runs on every long string without white
// space, and a dozen regular expressions per string cost more than the whole rest of the check once a parse has
// evicted them from the CPU's caches
const LOWER = 1;
const UPPER = 2;
const DIGIT = 4;
/** `[_.-]`: joins the words of `WORDS` */
const JOINER = 8;
/** any other character of `TOKEN_CHARS` (`+/=~!@#$%^&*:;,?|`) */
const SYMBOL = 16;
/** `[a-fA-F]` */
const HEX_LETTER = 32;
/** `TOKEN_CHARS`: `[A-Za-z0-9+/=_~.\-!@#$%^&*:;,?|]`; 0 for anything else */
const CHAR_CLASS = asciiTable((ch) => {
  if (/[a-z]/.test(ch)) return LOWER | (/[a-f]/.test(ch) ? HEX_LETTER : 0);
  if (/[A-Z]/.test(ch)) return UPPER | (/[A-F]/.test(ch) ? HEX_LETTER : 0);
  if (/[0-9]/.test(ch)) return DIGIT;
  if (/[_.-]/.test(ch)) return JOINER;
  return /[+/=~!@#$%^&*:;,?|]/.test(ch) ? SYMBOL : 0;
});

/** `TOKEN_CHARS` by ASCII code (non-zero for a character `looksRandom` accepts): what a whole-value secret is made of. */
export const TOKEN_CHAR_TABLE: Readonly<Uint8Array> = CHAR_CLASS;

/**
 * What a generated password may hold besides `TOKEN_CHARS`: quotes, brackets, braces, angle brackets and a backslash
 * (password generators draw from every printable symbol). Read as symbols only where the name already says password
 * or secret (`looksRandom(value, strict, true)`); elsewhere they mark code, markup or JSON, never a token.
 */
export const PASSWORD_ONLY_CHARS = `'"\`()[]{}<>\\`;
const PASSWORD_ONLY = asciiTable((ch) => (PASSWORD_ONLY_CHARS.includes(ch) ? SYMBOL : 0));

/**
 * Does a whole value look like a machine-generated credential? Used only where the context already names a
 * credential. `strict` raises the bar (weak contexts such as a bare `key`); `passwordChars` also takes
 * `PASSWORD_ONLY_CHARS` (where a name says password or secret).
 *
 * Rejected, in this order: outside 16 (24 when strict) to 512 characters; a URL, a character outside
 * `TOKEN_CHARS` or an e-mail address; all digits, a sequence or an identifier (but for a long part that is none,
 * `hasRandomPart`); letters and joined words
 * (`WORDS`) unless random letters; hex unless 20+ characters with letters and digits and over 3 bits/char; fewer
 * than 2 (strict: 3) of lower, upper, digit; a path, host or word chain; 3.5 bits/char or less.
 */
export function looksRandom(value: string, strict = false, passwordChars = false): boolean {
  const minLength = strict ? 24 : GENERIC_MIN_LENGTH;
  const n = value.length;
  if (n < minLength || n > GENERIC_MAX_LENGTH) return false;
  // one pass: which classes occur, whether it is all hex of one case, whether it has the shape of `WORDS`
  // (`^[A-Za-z]+(?:[_.-][A-Za-z]+)*$`; a space is not a token character), and the counts `isSequential` and
  // `isIdentifierLike` decide by (most strings that get here are names: one loop is all they cost, and one loop is
  // all V8 has to compile before they are cheap)
  let classes = 0;
  let hexLower = true;
  let hexUpper = true;
  let words = true;
  let previous = 0;
  /** `isSequential`: steps of -1, 0 or +1 between neighbouring characters */
  let steps = 0;
  /** `isIdentifierLike`: its word segments (counted where one starts), letters and digits */
  let segments = 0;
  let letters = 0;
  let digits = 0;
  /** the letter case of the previous character as `isIdentifierLike` reads it: 0 not a letter, LOWER or UPPER */
  let previousCase = 0;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    const k = c >= 128 ? 0 : CHAR_CLASS[c]! || (passwordChars ? PASSWORD_ONLY[c]! : 0);
    if (k === 0) return false;
    classes |= k;
    if (!(k & (DIGIT | HEX_LETTER))) hexLower = hexUpper = false;
    else if (k & LOWER) hexUpper = false;
    else if (k & UPPER) hexLower = false;
    if (words) {
      const letter = (k & (LOWER | UPPER)) !== 0;
      if (!letter && !(k & JOINER && i > 0 && i < n - 1 && previous & (LOWER | UPPER))) words = false;
    }
    previous = k;
    if (i > 0) {
      const d = c - value.charCodeAt(i - 1);
      if (d === 1 || d === -1 || d === 0) steps++;
    }
    if (k & (LOWER | UPPER)) {
      letters++;
      const letterCase = k & LOWER || isOAuthA(value, i) ? LOWER : UPPER;
      // a segment starts at a letter after a non-letter, at a capital after a lower-case letter, and at the capital
      // that ends a run of capitals when a lower-case letter follows (`HTTPResponse`: HTTP, Response)
      if (previousCase === 0 || (letterCase === UPPER && (previousCase === LOWER || isLowerAt(value, i + 1)))) segments++;
      previousCase = letterCase;
    } else {
      if (k & DIGIT) digits++;
      previousCase = 0;
    }
  }
  const kinds = (classes & LOWER ? 1 : 0) + (classes & UPPER ? 1 : 0) + (classes & DIGIT ? 1 : 0);
  // what the checks below reject anyway, decided from the pass alone: joined words shorter than random letters
  // can be, and a single one of lower, upper, digit outside joined words (`application/json`, `2024-01-01`)
  if (words ? n < 20 : kinds < 2) return false;
  if (classes & SYMBOL && value.includes('://')) return false;
  if (value.includes('@') && EMAIL.test(value)) return false;
  // all digits, `isSequential`, `isIdentifierLike` (unless a long part of it is no name: a random run behind a few
  // words, `secret-token:acme_live_<random>`, whose long words lift the average)
  if (classes === DIGIT || steps / (n - 1) >= SEQUENTIAL_SHARE) return false;
  if (segments > 0 && digits <= 4 && letters / segments >= 3.5 && !(classes & (JOINER | SYMBOL) && hasRandomPart(value))) return false;
  if (words) return isRandomLetters(value);
  if (hexLower || hexUpper) {
    // all-digit-ish hex and short hex are ids; hex needs letters and digits
    if (n < 20 || kinds < 2) return false;
    return shannonEntropy(value) > MIN_ENTROPY_HEX;
  }
  if (kinds < (strict ? 3 : 2)) return false;
  if (classes & (JOINER | SYMBOL) && (looksLikePathOrHost(value) || isWordChain(value))) return false;
  return shannonEntropy(value) > MIN_ENTROPY_BASE64;
}

/** `looksRandomInOneCase`: the shortest piece, the fewest letter pairs, and the share of pairs outside words. */
const ONE_CASE_MIN = 16;
const ONE_CASE_MIN_PAIRS = 8;
const ONE_CASE_RARE_SHARE = 0.25;
/**
 * …and for letters alone, from 20 of them: names of run-together acronyms and words reach 0.26
 * (`SSOSAMLIDPXMLMETADATAURL`), and 0.4 in 16 letters (`MYSQLPWDFILEPATH`).
 */
const ONE_CASE_LETTERS_RARE_SHARE = 0.3;
const ONE_CASE_LETTERS_MIN = 20;

/**
 * Letters and digits in one case or in title case (`HF_<token upper-cased>`, a file named after a lower-cased
 * secret): a token re-cased past what `looksRandom` reads (one case reads as a word to `isIdentifierLike`, and random
 * letters need both cases). Random unless its letter pairs are words' (`WORD_PAIR`): a random string has about half
 * of its pairs outside them, a name made of joined words about one in eight (`preferredappointmentdaycode`,
 * `EXTERNALCHECKOUTID`), of run-together acronyms about one in four. Hex (an id or digest, `looksRandom`'s own case),
 * sequences and runs of one character are not.
 */
export function looksRandomInOneCase(piece: string): boolean {
  const n = piece.length;
  if (n < ONE_CASE_MIN || n > GENERIC_MAX_LENGTH) return false;
  let lower = false;
  let upper = false;
  let hex = true;
  let pairs = 0;
  let rare = 0;
  let previous = -1;
  let digits = false;
  for (let i = 0; i < n; i++) {
    const c = piece.charCodeAt(i);
    let letter = -1;
    if (c >= 97 && c <= 122) {
      lower = true;
      letter = c - 97;
    } else if (c >= 65 && c <= 90) {
      // a capital that opens the piece keeps it in one case (title case, `Api_<Secret title-cased>`)
      if (i > 0) upper = true;
      letter = c - 65;
    } else if (c >= 48 && c <= 57) digits = true;
    else return false;
    if (letter > 5) hex = false;
    if (letter >= 0 && previous >= 0) {
      pairs++;
      if (WORD_PAIR[previous * 26 + letter] === 0) rare++;
    }
    previous = letter;
  }
  if ((lower && upper) || hex || pairs < ONE_CASE_MIN_PAIRS || (!digits && n < ONE_CASE_LETTERS_MIN) || isSequential(piece)) return false;
  return rare / pairs >= (digits ? ONE_CASE_RARE_SHARE : ONE_CASE_LETTERS_RARE_SHARE);
}

/** The shortest part (between joiners and symbols) that `hasRandomPart` reads on its own. */
const RANDOM_PART_MIN = 16;

/**
 * Does a part of `value` between joiners and symbols (`[_.-]`, `:`, `/`…) hold `RANDOM_PART_MIN` or more letters and
 * digits that are no name (`isIdentifierLike`)? `acme_live_<random>` does; `X-Goog-Encryption-Key-Sha256` and
 * `session:role:SYSADMIN` do not.
 */
export function hasRandomPart(value: string): boolean {
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 0;
    if (c < 128 && CHAR_CLASS[c]! & (LOWER | UPPER | DIGIT)) continue;
    if (i - start >= RANDOM_PART_MIN && !isIdentifierLike(value.slice(start, i))) return true;
    start = i + 1;
  }
  return false;
}

/** Is the character at `j` lower-case as `isIdentifierLike` reads it (the `A` of `OAuth` is)? False past the end. */
function isLowerAt(value: string, j: number): boolean {
  // never read past the end: an out-of-bounds `charCodeAt` makes V8 leave its optimised code for this function
  if (j >= value.length) return false;
  const c = value.charCodeAt(j);
  return (c >= 97 && c <= 122) || isOAuthA(value, j);
}

/** The `A` of `OAuth`, read as lower-case (`airtableOAuth2Api` → airtable, Oauth, Api). */
function isOAuthA(value: string, j: number): boolean {
  return value.charCodeAt(j) === 65 && j > 0 && value.charCodeAt(j - 1) === 79 && value.startsWith('uth', j + 1);
}

/**
 * Made of words: `airtableOAuth2Api`, `X-Goog-Encryption-Key-Sha256`, `session:role:SYSADMIN`. Split at separators and
 * case changes, names have long segments (3.5 characters or more on average); random strings change case or
 * class every one or two characters.
 */
export function isIdentifierLike(value: string): boolean {
  // the segments of /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g, counted in one pass without building them; the `A` of `OAuth`
  // counts as lower-case (`airtableOAuth2Api` → airtable, Oauth, Api)
  let segments = 0;
  let letters = 0;
  let digits = 0;
  let i = 0;
  const n = value.length;
  const lower = (j: number): boolean => isLowerAt(value, j);
  const upper = (j: number): boolean => {
    const c = value.charCodeAt(j);
    return c >= 65 && c <= 90 && !isOAuthA(value, j);
  };
  while (i < n) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      i++;
    } else if (lower(i)) {
      let j = i + 1;
      while (j < n && lower(j)) j++;
      segments++;
      letters += j - i;
      i = j;
    } else if (upper(i)) {
      if (i + 1 < n && lower(i + 1)) {
        let j = i + 2;
        while (j < n && lower(j)) j++;
        segments++;
        letters += j - i;
        i = j;
      } else {
        // a run of capitals; its last one starts the next word when a lower-case letter follows
        let j = i + 1;
        while (j < n && upper(j)) j++;
        if (j < n && lower(j) && j - 1 > i) j--;
        segments++;
        letters += j - i;
        i = j;
      }
    } else i++;
  }
  return segments > 0 && digits <= 4 && letters / segments >= 3.5;
}

/**
 * Words and numbers joined by separators: `n8n-nodes-base.airtop`, `Version=2015-12-01`, `aws-cli/1.18.124`,
 * `chacha20-poly1305`. Each part is a lower-case, capitalised or upper-case word, a camelCase name, a number, or a
 * word with a short number (`n8n`, `v2`, `s3`, `poly1305`); a random part mixes case and digits.
 */
export function isWordChain(value: string): boolean {
  const parts = value.split(/[-_./:=@+~]+/);
  if (parts.length < 2) return false;
  return parts.every((part) => part === '' || WORD_PART.test(part) || (/^[A-Za-z]+$/.test(part) && isIdentifierLike(part)));
}

const WORD_PART = /^(?:[a-z]+|[A-Z][a-z]+|[A-Z]{1,5}|[0-9]{1,4}|[0-9]{1,3}[a-z]{1,2}|[a-z]{1,3}[0-9]{1,2}[a-z]{0,3}|[A-Za-z][a-z]+[0-9]{1,4})$/;

/**
 * Letters only: identifiers and words (`thisIsAName`, `my-secret-name`) or a random mixed-case string? Random
 * letters are about half upper-case and measure over 4 bits/char; camelCase names have few capitals.
 */
export function isRandomLetters(value: string): boolean {
  if (value.length < 20 || !/^[A-Za-z]+$/.test(value)) return false;
  const upper = value.replace(/[^A-Z]/g, '').length / value.length;
  return upper >= 0.25 && upper <= 0.75 && shannonEntropy(value) > 4.0;
}

/**
 * `a/b/c`, `foo.bar.com`, `@scope/pkg`: structure a credential does not have. A host ends with a top-level domain of
 * letters: `1000.<hex>.<hex>` (a Zoho OAuth token) is no host.
 */
export function looksLikePathOrHost(value: string): boolean {
  if (/^[@./~]/.test(value)) return true;
  const slashes = value.split('/').length - 1;
  if (slashes >= 2 && /[a-z]{3}\/[a-z]{3}/.test(value)) return true;
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+){2,}$/.test(value) && /^[a-z]{2,24}$/.test(value.slice(value.lastIndexOf('.') + 1));
}

/**
 * A stored password hash, not a password: the crypt formats (`$2b$12$…` bcrypt, `$argon2id$v=19$…`, `$6$…`
 * sha512-crypt, `$y$…` yescrypt, `$scrypt$…`, `$pbkdf2-sha256$…`) and Django's (`pbkdf2_sha256$600000$…`).
 */
const PASSWORD_HASH =
  /^(?:\$(?:2[abxy]?|argon2(?:id|i|d)|[156]|y|gy|7|scrypt|pbkdf2(?:-sha(?:1|256|512))?|md5|sha1)\$|(?:pbkdf2_sha(?:1|256)|argon2|bcrypt(?:_sha256)?|scrypt)\$)[!-~]{8,}$/;

/** Is `value` a stored password hash (`PASSWORD_HASH`)? The docs' "hashes and digests" are never reported. */
export function isPasswordHash(value: string): boolean {
  return value.length < 1024 && value.includes('$') && PASSWORD_HASH.test(value);
}

/**
 * A long run of token characters (`cfg.GHP_…`, `ghp_…` lower-cased: a token changed in case is no token for the
 * detector), as `maskShown` masks it when it looks random. It does not start with `+`: a diff's added line
 * (`+NAME=…`) keeps its marker.
 */
export const LONG_TOKEN_RUN = /[A-Za-z0-9_=-][A-Za-z0-9_+=-]{23,}/g;

/** Does `text` hold a `LONG_TOKEN_RUN` that looks random (what `maskShown` would mask without the detector)? */
export function holdsRandomRun(text: string): boolean {
  if (text.length < 24) return false;
  for (const m of text.matchAll(LONG_TOKEN_RUN)) if (looksRandom(m[0])) return true;
  return false;
}
