/**
 * Whole-file helpers of the detector's file prefilter (`Detector.mayContainSecret`): the texts a file's strings are
 * read as (escapes cooked, JSX entities decoded), and the places where a string could be one whole value. Each is a
 * single linear pass; none parses the file.
 */
import { TOKEN_CHAR_TABLE } from './entropy.js';
import { isSpaceCode } from './keywords.js';

/**
 * Every escape of a string or template literal, as the language cooks it: `\u{…}` (with any number of leading zeros,
 * as the parser takes it), `\uXXXX`, `\xXX`, a legacy octal escape, a line continuation, or a backslash and any other
 * character.
 */
const ESCAPE = /\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([0-3][0-7]{0,2}|[4-7][0-7]?)|(\r\n|[\s\S]))/g;
const SINGLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', v: '\v', f: '\f', b: '\b' };
const CONTINUATIONS = new Set(['\n', '\r', '\r\n', '\u2028', '\u2029']);

function cookOne(whole: string, braced?: string, unicode?: string, hex?: string, octal?: string, other?: string): string {
  const code = braced ?? unicode ?? hex;
  if (code !== undefined) {
    const point = Number.parseInt(code, 16);
    return point <= 0x10ffff ? String.fromCodePoint(point) : whole;
  }
  if (octal !== undefined) return String.fromCharCode(Number.parseInt(octal, 8) & 0xff);
  if (other === undefined) return whole;
  if (CONTINUATIONS.has(other)) return '';
  return SINGLE[other] ?? other;
}

/**
 * `text` with every backslash escape cooked, wherever it is. A string's cooked value then stands in the result as it
 * stands in the source, between the same delimiters (an escape never spans a string's quote).
 */
export function cookEscapes(text: string): string {
  return text.replace(ESCAPE, cookOne);
}

/**
 * The named entities of JSX (HTML 4's) whose character matters to the detector: the ASCII ones and white space
 * (it is trimmed from a whole value). Every other named entity stands for a letter or symbol outside ASCII, which no
 * token holds and no whole value may contain; left as written, it breaks a run of token characters just the same.
 */
const NAMED_ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
};
const ENTITY = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Does `text` hold something `decodeEntities` would change? */
export function hasEntity(text: string): boolean {
  if (!text.includes('&')) return false;
  ENTITY.lastIndex = 0;
  const found = ENTITY.test(text);
  ENTITY.lastIndex = 0;
  return found;
}

/** `text` with the HTML entities of JSX attribute values decoded (`&amp;` → `&`, `&#x67;` → `g`, any leading zeros). */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole: string, hex?: string, decimal?: string, name?: string) => decodeEntity(hex, decimal, name) ?? whole);
}

/**
 * What one entity stands for (`hex` or `decimal` digits, or a `name`): undefined for a name not in `NAMED_ENTITIES`
 * or a code point out of range.
 */
export function decodeEntity(hex: string | undefined, decimal: string | undefined, name: string | undefined): string | undefined {
  if (name !== undefined) return NAMED_ENTITIES[name];
  const point = Number.parseInt(hex ?? decimal ?? '', hex !== undefined ? 16 : 10);
  return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : undefined;
}

for (let c = 0; c < 128; c++) {
  // a run of token characters never takes in a delimiter around it (a template's `$` aside: see `dollar`)
  if ([34, 39, 96, 60, 123, 125, 62].includes(c) && TOKEN_CHAR_TABLE[c] !== 0) throw new Error(`delimiter ${c} is a token character`);
}
/**
 * What a string, template chunk or JSX text starts after (the quotes, `}` ending `${…}` or `{…}`, JSX's `>`), and
 * ends before, by the kind of text it is (bits): a string in double quotes (1) or single quotes (2), a template chunk
 * (4: after a backtick or the `}` of `${…}`, before a backtick or `${`), JSX text (8: after `>` or `}`, before `<` or
 * `{`). A value's two ends are of one kind; where white space inside its delimiters is trimmed from it
 * (`" <value> "`), the delimiter beyond the white space gives the kind.
 */
const VALUE_OPENER = new Uint8Array(128);
const VALUE_CLOSER = new Uint8Array(128);
for (const [ch, kinds] of [['"', 1], ["'", 2], ['`', 4], ['}', 4 | 8], ['>', 8]] as const) VALUE_OPENER[ch.charCodeAt(0)] = kinds;
for (const [ch, kinds] of [['"', 1], ["'", 2], ['`', 4], ['$', 4], ['<', 8], ['{', 8]] as const) VALUE_CLOSER[ch.charCodeAt(0)] = kinds;

/** A run of token characters that ends a string, template chunk or JSX text (see `KeywordAutomaton.scanFileInto`). */
export interface ValueRun {
  /** the run, up to the closing delimiter and the white space before it */
  run: string;
  /** the run is the whole text after an opening delimiter (and white space): the string holds nothing else */
  filled: boolean;
  /** the run ends at `${` (or JSX text's `{` after a `$`): without its last `$` it is a template chunk's value */
  dollar: boolean;
  /**
   * the run follows a word and white space after an opening delimiter: the value may be `<scheme> <credential>`
   * (`"Zoho-oauthtoken …"`, an `Authorization` header's)
   */
  schemed: boolean;
}

/** The longest scheme word `schemed` reads back (`AUTH_SCHEME_VALUE`'s). */
const LONGEST_SCHEME = 40;

/** the longest value a whole-value check reads (`contextOnlyShapes` takes 1,024 characters), and a template's `$` */
const LONGEST_VALUE = 1025;

/**
 * Characters that end a string, a template chunk or JSX text: the quotes, a template's backtick and the `{` of `${`,
 * JSX text's `<` and `{`. A whole value is a run of token characters before one of them (after white space).
 */
const CLOSERS = ['"', "'", '`', '<', '{'];
/** Without JSX: the quotes, the backtick, and `${` (before which a template chunk ends). */
const CODE_CLOSERS = ['"', "'", '`', '${'];

/**
 * Calls `visit` with every run of 16 or more token characters (`TOKEN_CHAR_TABLE`, at most `LONGEST_VALUE`) that
 * ends before a closing delimiter, but for white space, until `visit` returns true (then true). Every whole value of a
 * string, template chunk or JSX text in `text` is such a run, or the run without a trailing `$`: its delimiters are no
 * token characters. `jsx`: the text may hold JSX (text ended by `<` or `{`); without it, only `${` ends a chunk. Linear: each run is read back from the closer after it, and no read goes past the closer before.
 */
export function someValueRun(text: string, jsx: boolean, visit: (run: ValueRun) => boolean): boolean {
  for (const closer of jsx ? CLOSERS : CODE_CLOSERS) {
    for (let at = text.indexOf(closer); at >= 0; at = text.indexOf(closer, at + 1)) {
      const end = blankBefore(text, at);
      let start = end;
      while (start > 0 && end - start <= LONGEST_VALUE) {
        const c = text.charCodeAt(start - 1);
        if (c >= 128 || TOKEN_CHAR_TABLE[c] === 0) break;
        start--;
      }
      if (end - start < 16 || end - start > LONGEST_VALUE) continue;
      const before = blankBefore(text, start);
      const opener = before > 0 ? text.charCodeAt(before - 1) : 0;
      const run = text.slice(start, end);
      const filled = opener < 128 && VALUE_OPENER[opener] !== 0;
      const schemed = !filled && before < start && schemeBefore(text, before);
      if (visit({ run, filled, dollar: end === at && closer === '{' && run.endsWith('$'), schemed })) return true;
    }
  }
  return false;
}

/**
 * Is the text up to `end` an opening delimiter and a word (a scheme: a letter, then token characters, 40 at most)?
 * White space or an invisible character between the two is trimmed from the value (`trimValue`), as after a value.
 */
function schemeBefore(text: string, end: number): boolean {
  let start = end;
  while (start > 0 && end - start < LONGEST_SCHEME) {
    const c = text.charCodeAt(start - 1);
    if (c >= 128 || TOKEN_CHAR_TABLE[c] === 0) break;
    start--;
  }
  if (start === end) return false;
  const before = blankBefore(text, start);
  if (before === 0) return false;
  const first = text.charCodeAt(start);
  const opener = text.charCodeAt(before - 1);
  return ((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) && opener < 128 && VALUE_OPENER[opener] !== 0;
}

/**
 * White space (as `trim` reads it), or an invisible character a whole value is trimmed of (`trimValue`): zero-width
 * space, joiners, word joiner, and the bidirectional controls of a Trojan-source edit (marks U+200E, U+200F, U+061C;
 * embeddings and overrides U+202A–U+202E; isolates U+2066–U+2069), which change how a value shows, not what it is.
 */
export function isBlankCode(c: number): boolean {
  if (c < 0x061c) return isSpaceCode(c);
  return (
    isSpaceCode(c) ||
    (c >= 0x200b && c <= 0x200f) ||
    c === 0x2060 ||
    c === 0x061c ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

/** A name that says password or secret (`namesPassword`'s words all hold one of these). */
const PASSWORD_NAME = /pass|secret|pw/i;
/** The longest whole value `matchWholeValue` reads. */
const LONGEST_WHOLE_VALUE = 512;
/** More places a value could start and end in one run than this: the run is not read, the file passes. */
const MAX_PASSWORD_SPANS = 64;

/**
 * The kinds of text (`VALUE_OPENER` bits) a character ends when it is not escaped: a quote its strings, a backtick
 * templates (and `${` their chunks), `<` and `{` JSX text.
 */
const VALUE_KILLER = new Uint8Array(128);
for (const [ch, kinds] of [['"', 1], ["'", 2], ['`', 4], ['<', 8], ['{', 8]] as const) VALUE_KILLER[ch.charCodeAt(0)] = kinds;

/**
 * Could `text` (source as written) hold a whole value that `test` accepts (a generated password with quotes or
 * brackets, read only where a name says password or secret)? Such a value is no run of token characters
 * (`someValueRun`): it lies in a run of printable ASCII without white space, after an opener (or at the run's start,
 * after white space and an opener) and before a closer of the same kind (or at the run's end), and holds no character
 * that would have ended it unescaped (a `"` in a double-quoted string is written `\"`). `test` gets the span as written
 * (escapes and entities not decoded). Each span of 16 to 512 characters is tested; a run with more than
 * `MAX_PASSWORD_SPANS` of them answers true unread, so the pass stays linear and never misses one. False at once for
 * a text with no word of a password's name.
 */
export function somePasswordValue(text: string, test: (span: string) => boolean): boolean {
  if (!PASSWORD_NAME.test(text)) return false;
  const n = text.length;
  /** where a value may start in the current run, and the kinds of text it may be (`VALUE_OPENER`) */
  const openers: number[] = [];
  const kinds: number[] = [];
  /** by kind bit (1, 2, 4, 8): the last position in the run of a character that ends that kind of text unescaped */
  const lastEnd = [-1, -1, -1, -1];
  for (let i = 0; i < n; ) {
    if (!isPrintable(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isPrintable(text.charCodeAt(i))) i++;
    if (i - start < 16) continue;
    // the run [start, i)
    openers.length = 0;
    kinds.length = 0;
    lastEnd.fill(-1);
    // the run's own start and end bound a value that white space inside its delimiters trims (`" <value> "`)
    const before = blankBefore(text, start);
    if (before > 0 && VALUE_OPENER[text.charCodeAt(before - 1)]) {
      openers.push(start);
      kinds.push(VALUE_OPENER[text.charCodeAt(before - 1)]!);
    }
    const after = blankAfter(text, i);
    const endKinds = after < n && text.charCodeAt(after) < 128 ? VALUE_CLOSER[text.charCodeAt(after)]! : 0;
    let head = 0;
    let spans = 0;
    /** backslashes right before `at` */
    let backslashes = 0;
    for (let at = start; at <= i; at++) {
      const c = at < i ? text.charCodeAt(at) : 0;
      const escaped = (backslashes & 1) === 1;
      const closes = at === i ? endKinds : escaped ? 0 : VALUE_CLOSER[c]!;
      if (closes !== 0) {
        while (openers[head]! < at - LONGEST_WHOLE_VALUE) head++;
        for (let o = head; o < openers.length && at - openers[o]! >= 16; o++) {
          const from = openers[o]!;
          let open = kinds[o]! & closes;
          // a kind ended between the opener and here (an unescaped quote of its own): not one value
          for (let bit = 0; bit < 4; bit++) if (open & (1 << bit) && lastEnd[bit]! >= from) open &= ~(1 << bit);
          if (open === 0) continue;
          if (++spans > MAX_PASSWORD_SPANS || test(text.slice(from, at))) return true;
        }
      }
      if (at === i) break;
      if (!escaped && VALUE_KILLER[c] !== 0) for (let bit = 0; bit < 4; bit++) if (VALUE_KILLER[c]! & (1 << bit)) lastEnd[bit] = at;
      // `${` ends a template chunk
      if (c === 36 && text.charCodeAt(at + 1) === 123) lastEnd[2] = at;
      if (!escaped && VALUE_OPENER[c] !== 0) {
        openers.push(at + 1);
        kinds.push(VALUE_OPENER[c]!);
      }
      backslashes = c === 92 ? backslashes + 1 : 0;
    }
  }
  return false;
}

/** Where the white space (and invisible characters, `isBlankCode`) before `at` starts. */
function blankBefore(text: string, at: number): number {
  while (at > 0 && isBlankCode(text.charCodeAt(at - 1))) at--;
  return at;
}

/** Where the white space (and invisible characters) from `at` ends. */
function blankAfter(text: string, at: number): number {
  while (at < text.length && isBlankCode(text.charCodeAt(at))) at++;
  return at;
}

function isPrintable(c: number): boolean {
  return c > 32 && c < 127;
}
