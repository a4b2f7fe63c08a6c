/**
 * Aho–Corasick over lower-case ASCII keywords: one pass over a string, one table lookup per character, finds every
 * occurrence of every keyword (overlaps included), case-insensitively without lower-casing the string. This is the
 * detector's prefilter: it decides which provider patterns run at all, and where.
 */
const ALPHABET = 128;
/** Characters per chunk of `scanInto` (the hit buffer grows between chunks). */
const SCAN_CHUNK = 8192;
/** Texts from this length on are scanned as bytes when they are ASCII. */
const BYTE_SCAN_MIN = 4096;

export class KeywordAutomaton {
  /** keywords that end in a state (its own and those of its failure chain); undefined when none */
  private readonly out: (readonly string[] | undefined)[];
  /**
   * The scan over the automaton's tables, one closure per path (`byteScanOf`, `charScanOf`). The tables:
   * - `charInfo`: ASCII character → its class in the low byte (one per character some keyword uses, upper-case as
   *   lower-case, 0 for the rest) and its `SHAPE_*` bits in the high byte: the hot loop reads one table per
   *   character, not two;
   * - `delta`: row of a state + class → row of the next state, a row being `state << shift` (`shift`: log2 of the
   *   class count rounded up to a power of two; class 0 always leads back to the start state, row 0): the hot loop
   *   adds a class to a row, with no shift per character;
   * - `firstHitRow`: states are numbered with those that end a keyword last: a row at or past this one is a hit.
   */
  private readonly scanBytes: ByteScan;
  private readonly scanChars: CharScan;

  constructor(keywords: Iterable<string>) {
    const next: Map<number, number>[] = [new Map()];
    const own: string[][] = [[]];
    const classOf = new Uint8Array(ALPHABET);
    let classes = 1;
    for (const keyword of keywords) {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = keyword.charCodeAt(i);
        if (c >= ALPHABET || (c >= 65 && c <= 90)) throw new Error(`a keyword of ${keyword.length} characters is not lower-case ASCII`);
        if (classOf[c] === 0) {
          classOf[c] = classes;
          if (c >= 97 && c <= 122) classOf[c - 32] = classes;
          classes++;
        }
        const k = classOf[c]!;
        let target = next[state]!.get(k);
        if (target === undefined) {
          target = next.length;
          next.push(new Map());
          own.push([]);
          next[state]!.set(k, target);
        }
        state = target;
      }
      own[state]!.push(keyword);
    }
    const states = next.length;
    if (states > 0xffff) throw new Error('too many keywords for the automaton');
    const shift = Math.ceil(Math.log2(classes));
    const width = 1 << shift;
    // failure links on the trie alone (breadth first), and every state's keywords (its own and its failure chain's)
    const fail = new Int32Array(states);
    const out: string[][] = own.map((o) => [...o]);
    const queue: number[] = [...next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const r = queue[head]!;
      for (const [k, s] of next[r]!) {
        let f = fail[r]!;
        let target = next[f]!.get(k);
        while (target === undefined && f !== 0) {
          f = fail[f]!;
          target = next[f]!.get(k);
        }
        fail[s] = target ?? 0;
        out[s]!.push(...out[fail[s]!]!);
        queue.push(s);
      }
    }
    // number the states with the start state first, those that end no keyword next, those that end one last
    const order: number[] = [];
    for (let st = 0; st < states; st++) if (out[st]!.length === 0) order.push(st);
    const firstHit = order.length;
    for (let st = 0; st < states; st++) if (out[st]!.length > 0) order.push(st);
    const renumbered = new Int32Array(states);
    order.forEach((old, index) => (renumbered[old] = index));
    // the transition table in that numbering, breadth first: a state's row is its failure state's row (complete by
    // then) with its own transitions written over it; every entry is the row of the next state
    const rowDelta = states * width <= 0x10000 ? new Uint16Array(states * width) : new Uint32Array(states * width);
    for (const [k, s] of next[0]!) rowDelta[k] = renumbered[s]! << shift;
    for (const r of queue) {
      const row = renumbered[r]! << shift;
      const failRow = renumbered[fail[r]!]! << shift;
      rowDelta.copyWithin(row, failRow, failRow + width);
      for (const [k, s] of next[r]!) rowDelta[row | k] = renumbered[s]! << shift;
    }
    const charInfo = new Uint16Array(ALPHABET);
    for (let c = 0; c < ALPHABET; c++) charInfo[c] = classOf[c]! | (CHAR_SHAPE[c]! << 8);
    this.out = order.map((old) => (out[old]!.length > 0 ? out[old] : undefined));
    this.scanBytes = byteScanOf(rowDelta, charInfo, shift, firstHit << shift);
    this.scanChars = charScanOf(rowDelta, charInfo, shift, firstHit << shift);
  }

  /**
   * One pass without a callback: writes `state, end` pairs of every hit into `buffer` and, for a long ASCII text, the
   * last white space up to each hit into `lastSpaces` (growing both as needed), and returns the number of pairs, plus
   * the shape of the text (`SHAPE_*` bits) in `shape`. For a long ASCII text, the hits the scratch's `drop` table rules
   * out are left out (`dropHits`).
   */
  scanInto(text: string, scratch: ScanScratch): number {
    const length = text.length;
    // a long ASCII text is read as bytes: a byte array reads faster than `charCodeAt` (which dispatches on how the
    // string is stored), and needs no branch for characters outside the tables
    const bytes = length >= BYTE_SCAN_MIN && isAscii(text) ? asciiBytes(text) : undefined;
    if (bytes !== undefined) {
      const count = this.scanBytes(bytes, length, scratch);
      scratch.spaced = true;
      return scratch.drop !== undefined && count > 0 ? dropHits(scratch, count, bytes, length) : count;
    }
    scratch.spaced = false;
    return this.scanChars(text, length, scratch);
  }

  /** How many states the automaton has (the states `scanInto` reports are below it). */
  get stateCount(): number {
    return this.out.length;
  }

  /** The keywords that end in `state` (a state `scanInto` reported). */
  keywordsOf(state: number): readonly string[] {
    return this.out[state] ?? [];
  }
}

/** The byte buffer long texts are copied into: reused up to this size (a fresh one for a longer text). */
const BYTES_KEPT = 1 << 22;
let byteScratch: Buffer | undefined;

/**
 * Is every character of `text` ASCII? Its UTF-8 length is its length exactly then (any other character takes two
 * bytes or more, a surrogate pair four): Node counts it in native code, several times faster than a regular
 * expression's search for a character outside ASCII on a long text.
 */
function isAscii(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') === text.length;
}

/** `text` (ASCII) as bytes, in a buffer reused from call to call: no allocation per long string. */
function asciiBytes(text: string): Buffer {
  if (text.length > BYTES_KEPT) return Buffer.from(text, 'latin1');
  if (!byteScratch || byteScratch.length < text.length) byteScratch = Buffer.allocUnsafe(Math.min(BYTES_KEPT, Math.max(text.length, 1 << 16) * 2));
  byteScratch.write(text, 0, text.length, 'latin1');
  return byteScratch;
}

/** `scratch.buffer`, grown to hold `more` hits after the first `count` (and `lastSpaces` with it). */
function growFor(scratch: ScanScratch, count: number, more: number): Int32Array {
  if (2 * (count + more) > scratch.buffer.length) {
    const grown = new Int32Array(Math.max(scratch.buffer.length * 2, 2 * (count + more)));
    grown.set(scratch.buffer);
    scratch.buffer = grown;
    const spaces = new Int32Array(grown.length >> 1);
    spaces.set(scratch.lastSpaces);
    scratch.lastSpaces = spaces;
  }
  return scratch.buffer;
}

/** `scanInto` of a long ASCII text as bytes: its length, the scratch to write into; returns the number of hits. */
type ByteScan = (bytes: Uint8Array, length: number, scratch: ScanScratch) => number;

/** `scanInto` of a text read by `charCodeAt` (short, or not ASCII): writes no last white spaces. */
type CharScan = (text: string, length: number, scratch: ScanScratch) => number;

/** The `charCodeAt` path of `scanInto` for one automaton's tables, as a closure over them (see `byteScanOf`). */
function charScanOf(delta: Uint16Array | Uint32Array, charInfo: Uint16Array, shift: number, firstHitRow: number): CharScan {
  return (text, length, scratch) => {
    let row = 0;
    let count = 0;
    /** the `SHAPE_*` bits read so far, in the high byte (as `charInfo` holds them) */
    let shape = 0;
    // a position ends one hit at most (its state): the buffer is grown before each chunk to hold a hit per
    // character, so the inner loop writes into one fixed array with no check per hit
    for (let from = 0; from < length; ) {
      const to = Math.min(length, from + SCAN_CHUNK);
      const buffer = growFor(scratch, count, to - from);
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c < ALPHABET) {
          const info = charInfo[c]!;
          shape |= info;
          row = delta[row | (info & 0xff)]!;
        } else {
          shape |= SHAPE_OTHER << 8;
          row = 0;
        }
        if (row >= firstHitRow) {
          buffer[2 * count] = row >> shift;
          buffer[2 * count + 1] = i;
          count++;
        }
      }
      from = to;
    }
    scratch.shape = shape >> 8;
    return count;
  };
}

/**
 * The byte path of `scanInto` for one automaton's tables, as a closure over them: a function of its own, so the loop
 * V8 compiles holds this path alone and reads the tables as constants (about a third faster than from fields or
 * arguments). Writes each hit's last white space too, and the shape.
 */
function byteScanOf(delta: Uint16Array | Uint32Array, charInfo: Uint16Array, shift: number, firstHitRow: number): ByteScan {
  return (bytes, length, scratch) => {
    let row = 0;
    let count = 0;
    let shape = 0;
    /** the last ASCII white space read (-1: none yet) */
    let lastSpace = -1;
    for (let from = 0; from < length; ) {
      const to = Math.min(length, from + SCAN_CHUNK);
      const buffer = growFor(scratch, count, to - from);
      const lastSpaces = scratch.lastSpaces;
      for (let i = from; i < to; i++) {
        const info = charInfo[bytes[i]!]!;
        shape |= info;
        row = delta[row | (info & 0xff)]!;
        if (info & SPACE_INFO) lastSpace = i;
        if (row >= firstHitRow) {
          buffer[2 * count] = row >> shift;
          buffer[2 * count + 1] = i;
          lastSpaces[count] = lastSpace;
          count++;
        }
      }
      from = to;
    }
    scratch.shape = shape >> 8;
    return count;
  };
}

/**
 * The hits of a long ASCII text's scan (`bytes`, `length` characters) without those `ScanScratch.drop` rules out:
 * a hit whose run of non-space characters ends before its state's reach, or whose next character no check of its
 * state takes. Returns their number. A hit's run ends at the latest at the last white space of the next hit with
 * another one (as `RunBounds.endsWithin` reads it: a bound that may be looser, never wrong). A flood of near misses
 * (a keyword at every other character) leaves the prefilter a handful of hits instead of one per character.
 */
function dropHits(scratch: ScanScratch, count: number, bytes: Uint8Array, length: number): number {
  const buffer = scratch.buffer;
  const lastSpaces = scratch.lastSpaces;
  const drop = scratch.drop!;
  let kept = 0;
  /** the first hit whose last white space comes after the current hit's end (`count`: none) */
  let ahead = 0;
  for (let h = 0; h < count; h++) {
    const state = buffer[2 * h]!;
    const end = buffer[2 * h + 1]!;
    const at = DROP_WIDTH * state;
    const reach = drop[at + DROP_REACH]!;
    if (reach !== 0) {
      while (ahead < count && lastSpaces[ahead]! <= end) ahead++;
      if (ahead < count && end + reach > lastSpaces[ahead]!) continue;
    }
    if (end + 1 < length && !maskHolds(drop, at + DROP_NEXT, bytes[end + 1]!)) continue;
    const rule = drop[at + DROP_RULE]!;
    if (rule === DROP_UNLESS_JWT_OPENS && end >= 3 && BASE64URL_BYTE[bytes[end - 3]!] === 1) continue;
    if (rule === DROP_UNLESS_PAIR_VALUE && !pairValueFollows(bytes, length, end)) continue;
    if (kept !== h) {
      buffer[2 * kept] = state;
      buffer[2 * kept + 1] = end;
      lastSpaces[kept] = lastSpaces[h]!;
    }
    kept++;
  }
  return kept;
}

/**
 * Words per state in `ScanScratch.drop`: its reach, four words of 32 bits for the characters that may follow, and
 * a rule of its marker (`DROP_UNLESS_*`, 0: none).
 */
export const DROP_WIDTH = 6;
/** Where in a state's `ScanScratch.drop` entry its reach, its four words of next characters and its rule are. */
export const DROP_REACH = 0;
export const DROP_NEXT = 1;
export const DROP_RULE = 5;

/** A set of ASCII characters (as written: lower-case letters for a set read case-blind) as four words of 32 bits. */
export function charMask(chars: string): number[] {
  const words = [0, 0, 0, 0];
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    if (c < 128) words[c >> 5]! |= 1 << (c & 31);
  }
  return words;
}

/** Does the set of four words at `at` of `mask` (`charMask`) hold ASCII code `c`, an upper-case letter read as lower-case? */
export function maskHolds(mask: ArrayLike<number>, at: number, c: number): boolean {
  if (c >= 65 && c <= 90) c += 32;
  return ((mask[at + (c >> 5)]! >>> (c & 31)) & 1) === 1;
}
/** The state is a JWT's `eyJ` alone: dropped when a base64url character comes before it (`mayOpenJwt`). */
export const DROP_UNLESS_JWT_OPENS = 1;
/** The state is a pair's `=` alone: dropped unless a value follows (`PAIR_VALUE_MIN` characters, no `VALUE_STOP`). */
export const DROP_UNLESS_PAIR_VALUE = 2;
/** `[A-Za-z0-9_-]` by byte */
const BASE64URL_BYTE = asciiTable((ch) => (/[A-Za-z0-9_-]/.test(ch) ? 1 : 0));
/** The fewest value characters after a pair's `=` (`NAME_VALUE`'s `{11,1025}` after its first): none is white space. */
export const PAIR_VALUE_MIN = 12;
/**
 * What ends a pair's value, by ASCII code: `[&#;\s'"\`]` (`;` separates the pairs of connection strings and cookies,
 * `Password=…;Encrypt=True`; an `=` does not, past the value's first character: base64 padding, a password holding
 * one).
 */
export const VALUE_STOP = asciiTable((ch) => (/[&#;\s'"`]/.test(ch) ? 1 : 0));

/** Is the `=` at `eq` of an ASCII text followed by a pair's value (`pairAt`'s first checks): no `=`, then no stop? */
function pairValueFollows(bytes: Uint8Array, length: number, eq: number): boolean {
  if (eq === 0 || eq + PAIR_VALUE_MIN >= length || bytes[eq + 1] === 61) return false;
  for (let i = eq + 1; i <= eq + PAIR_VALUE_MIN; i++) if (VALUE_STOP[bytes[i]!] === 1) return false;
  return true;
}

/** Reusable output of `scanInto`. */
export interface ScanScratch {
  /** `state, end` of each hit */
  buffer: Int32Array;
  /**
   * per hit: the last ASCII white space at or before its end (-1: none). A later hit's is the first white space
   * after this hit's end or beyond it: a bound a hit's run of non-space characters cannot pass. Written for long
   * ASCII texts only (`spaced`): the short texts of ordinary code are not worth the step per character.
   */
  lastSpaces: Int32Array;
  spaced: boolean;
  shape: number;
  /**
   * by state (optional), `DROP_WIDTH` words: how many characters after a hit's end its run must go on for any check
   * of the state to hold (0 when unknown or never), then the ASCII characters (lower-case, a bit each in four words)
   * one of its checks takes right after the keyword (all set when unknown or any), then the length of its keyword
   * when the keyword must open a run of base64url characters (a JWT's `eyJ`: no such character before it; 0 when not
   * so). In a long ASCII text, a hit that fails any of them is not written (the prefilter's own dismissals,
   * `RunBounds.endsWithin`, `nextMayFollow` and `mayOpenJwt`, done in the scan).
   */
  drop?: Int32Array;
}

/** A scratch for `scanInto`. */
export function newScanScratch(states?: number): ScanScratch {
  let drop: Int32Array | undefined;
  if (states !== undefined) {
    // nothing known of a state yet: no reach, every character may follow
    drop = new Int32Array(DROP_WIDTH * states).fill(-1);
    for (let at = 0; at < drop.length; at += DROP_WIDTH) drop[at + DROP_REACH] = drop[at + DROP_RULE] = 0;
  }
  return { buffer: new Int32Array(64), lastSpaces: new Int32Array(32), shape: 0, spaced: false, drop };
}

/** Shape bits of a scanned text: which kinds of characters it holds. */
export const SHAPE_DIGIT = 1;
export const SHAPE_SPACE = 2;
/** a character outside `A-Za-z0-9+/=_.:~|-` (whitespace and non-ASCII included) */
export const SHAPE_NOT_TOKEN = 4;
/** a character outside ASCII (it may be Unicode whitespace) */
export const SHAPE_NON_ASCII = 8;
const SHAPE_OTHER = SHAPE_NOT_TOKEN | SHAPE_NON_ASCII;
/** `SHAPE_SPACE` where `charInfo` holds it (the high byte) */
const SPACE_INFO = SHAPE_SPACE << 8;

/** an ASCII lower-case letter; an ASCII upper-case letter (`looksRandom` reads no value with fewer than two of lower, upper and digit) */
export const SHAPE_LOWER = 16;
export const SHAPE_UPPER = 32;

const CHAR_SHAPE = asciiTable((ch) => {
  if (/[0-9]/.test(ch)) return SHAPE_DIGIT;
  if (/\s/.test(ch)) return SHAPE_SPACE | SHAPE_NOT_TOKEN;
  if (/[a-z]/.test(ch)) return SHAPE_LOWER;
  if (/[A-Z]/.test(ch)) return SHAPE_UPPER;
  return /[+/=_.:~|-]/.test(ch) ? 0 : SHAPE_NOT_TOKEN;
});

/** The `SHAPE_*` bits of one character (by its code), as `scanInto` collects them. */
export function shapeOfCode(c: number): number {
  return c < ALPHABET ? CHAR_SHAPE[c]! : SHAPE_OTHER;
}

/**
 * A lookup table by character code for ASCII: `classify` of each character. The detector's one-pass checks read
 * such tables instead of running a regular expression per character.
 */
export function asciiTable(classify: (ch: string) => number): Uint8Array {
  const table = new Uint8Array(ALPHABET);
  for (let c = 0; c < ALPHABET; c++) table[c] = classify(String.fromCharCode(c));
  return table;
}

/**
 * Ten characters in a row that are not ASCII white space: true for every text `\S{10}` matches (a character outside
 * ASCII counts as solid, so for a few more, never for fewer). One pass over the characters and a 128-entry table,
 * stopping at the first such run: cheaper than the keyword pass, which it spares prose and short labels.
 */
export function hasSolidRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < ALPHABET && (CHAR_SHAPE[c]! & SHAPE_SPACE) !== 0) run = 0;
    else if (++run === 10) return true;
  }
  return false;
}

/** Is this character code white space, as `\s` reads it (Unicode spaces, `\u2028`, `\ufeff` included)? */
export function isSpaceCode(c: number): boolean {
  if (c < ALPHABET) return (CHAR_SHAPE[c]! & SHAPE_SPACE) !== 0;
  // the rest of `\s`, written out: a pattern here would be a path V8's optimised code first meets late (the first
  // character outside ASCII of a run), and leaves (a deoptimisation) when it does; `NaN` (past the end) is none
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
