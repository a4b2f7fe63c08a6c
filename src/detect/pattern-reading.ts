/**
 * Readings of a token format's pattern source, done once when a detector is built, that let the detector skip
 * running a pattern where it cannot match: where a keyword sits in every match (`keywordOffset`), how many
 * characters at the start of every match are not white space (`leadingSolidOf`), and the longest run of token
 * characters every match holds (`minRunOf`). Each reading is conservative: when it cannot prove something it says
 * so (undefined or 0), and the pattern then runs as before. Tests hold each to real matches of every format.
 */
import { asciiTable } from './keywords.js';

/** One leading single-character lookbehind: `(?<![A-Za-z0-9_])`. */
const LEADING_LOOKBEHIND = /^\(\?<[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()[\]\\])\)/;

/**
 * Where `keyword` (lower-case) starts in every match of `source`, when the pattern reaches it through items of fixed
 * width only: `(?<![A-Za-z0-9_])[A-Za-z0-9]{36}NRAL(?!…)` → 36 for `nral`. Undefined when a variable quantifier,
 * group or alternation comes first. With the offset the pattern is tried only where the keyword occurs.
 */
export function keywordOffset(source: string, keyword: string): number | undefined {
  const rest = source.replace(LEADING_LOOKBEHIND, '');
  let offset = 0;
  let literal = '';
  let literalStart = 0;
  let i = 0;
  while (i < rest.length) {
    const ch = rest[i]!;
    let item: string | undefined;
    if (ch === '[') {
      const j = classEnd(rest, i);
      if (j >= rest.length) return undefined;
      i = j + 1;
    } else if (ch === '\\') {
      const next = rest[i + 1];
      if (next === undefined) return undefined;
      if (!/[A-Za-z0-9]/.test(next)) item = next;
      else if (!/[dDwWsS]/.test(next)) return undefined;
      i += 2;
    } else if (ch === '.') {
      i++;
    } else if ('()|^$*+?{}'.includes(ch)) {
      return undefined;
    } else {
      item = ch;
      i++;
    }
    let width = 1;
    const quantifier = rest[i];
    if (quantifier === '{') {
      const m = /^\{(\d+)\}/.exec(rest.slice(i));
      if (!m) return undefined;
      width = Number(m[1]);
      i += m[0].length;
      if (width !== 1) item = undefined;
    } else if (quantifier === '*' || quantifier === '+' || quantifier === '?') {
      return undefined;
    }
    if (item === undefined) {
      literal = '';
    } else {
      if (literal === '') literalStart = offset;
      literal += item.toLowerCase();
      const at = literal.indexOf(keyword);
      if (at >= 0) return literalStart + at;
    }
    offset += width;
  }
  return undefined;
}

/**
 * The alphabets `minRunOf` counts runs of, one bit each: what the prefix-less token formats are made of. The first,
 * `[A-Za-z0-9_/+-]`, holds all the others; the narrower ones tell apart formats of one length and another alphabet (a run of
 * 40 letters and digits is no run of 32 hex digits).
 */
export const RUN_ALPHABETS: readonly RegExp[] = [
  /[A-Za-z0-9_/+-]/,
  /[A-Za-z0-9]/,
  /[0-9a-fA-F]/,
  /[a-f0-9]/,
  /[A-Za-z0-9_-]/,
  /[A-Za-z0-9/+]/,
  /[a-z0-9]/,
  /[0-9]/,
];
/** ASCII character → the `RUN_ALPHABETS` it belongs to (bit k: alphabet k). */
const RUN_BITS = asciiTable((ch) => RUN_ALPHABETS.reduce((bits, re, k) => (re.test(ch) ? bits | (1 << k) : bits), 0));
const inAlphabet = (ch: string, alphabet: number): boolean => {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c < 128 && (RUN_BITS[c]! & (1 << alphabet)) !== 0;
};

/** The longest run of each of `RUN_ALPHABETS` in `text`, written into `best` (one pass). */
export function longestRuns(text: string, best: Int32Array): void {
  best.fill(0);
  const runs = RUNS;
  runs.fill(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const bits = c < 128 ? RUN_BITS[c]! : 0;
    if (bits === 0) {
      // most characters of a text that gets here are in every alphabet or in none
      runs.fill(0);
      continue;
    }
    for (let k = 0; k < RUN_ALPHABET_COUNT; k++) {
      if (bits & (1 << k)) {
        const run = ++runs[k]!;
        if (run > best[k]!) best[k] = run;
      } else runs[k] = 0;
    }
  }
}

export const RUN_ALPHABET_COUNT = RUN_ALPHABETS.length;
const RUNS = new Int32Array(RUN_ALPHABET_COUNT);

/**
 * A lower bound on the longest run of `RUN_ALPHABETS[alphabet]` characters (the first, `[A-Za-z0-9_/+-]`, by default) in every match of
 * `source` (a token pattern): the longest stretch of consecutive top-level items that can only produce such
 * characters, each at its least repetition. Lookarounds and anchors take no room; a group, `.`, or an item that may
 * produce another character ends a stretch; a top-level alternation proves nothing (0). So a text whose longest run
 * is shorter cannot match, and the pattern need not run.
 */
export function minRunOf(source: string, alphabet = 0): number {
  const within = (ch: string): boolean => inAlphabet(ch, alphabet);
  let best = 0;
  let run = 0;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    let inside = false;
    if (ch === '(') {
      const close = closingParen(source, i);
      if (close < 0) return 0;
      const lookaround = /^\(\?<?[=!]/.test(source.slice(i, i + 4));
      i = close + 1;
      if (lookaround) continue;
    } else if (ch === '[') {
      const j = classEnd(source, i);
      if (j >= source.length) return 0;
      inside = classWithin(source.slice(i + 1, j), within);
      i = j + 1;
    } else if (ch === '\\') {
      const next = source[i + 1];
      if (next === undefined) return 0;
      inside = next === 'd' ? [...'0123456789'].every(within) : !/[A-Za-z0-9]/.test(next) && within(next);
      i += 2;
    } else if (ch === '|') {
      return 0;
    } else if (ch === '^' || ch === '$') {
      i++;
      continue;
    } else {
      inside = ch !== '.' && within(ch);
      i++;
    }
    const quantifier = quantifierAt(source, i);
    if (!quantifier) return 0;
    const min = quantifier.min;
    i = quantifier.next;
    if (inside) {
      run += min;
      if (run > best) best = run;
    } else {
      run = 0;
    }
  }
  return best;
}

/** Does the character class with this body (between `[` and `]`) hold only characters `within` accepts? */
function classWithin(body: string, within: (ch: string) => boolean): boolean {
  if (body.startsWith('^')) return false;
  let i = 0;
  const chars: string[] = [];
  while (i < body.length) {
    let ch = body[i]!;
    if (ch === '\\') {
      const next = body[i + 1];
      if (next === undefined) return false;
      if (next === 'd') {
        if (![...'0123456789'].every(within)) return false;
        i += 2;
        continue;
      }
      if (/[A-Za-z0-9]/.test(next)) return false;
      ch = next;
      i += 2;
    } else i++;
    // a range `x-y`
    if (body[i] === '-' && i + 1 < body.length) {
      let to = body[i + 1]!;
      i += 2;
      if (to === '\\') {
        to = body[i] ?? '';
        i++;
      }
      if (to.length !== 1) return false;
      for (let c = ch.charCodeAt(0); c <= to.charCodeAt(0); c++) if (!within(String.fromCharCode(c))) return false;
      continue;
    }
    chars.push(ch);
  }
  return chars.every(within);
}

/** Index of the `)` closing the group that opens at `open`, skipping escapes and classes; -1 when none. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      i = classEnd(source, i);
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * A lower bound on how many characters at the start of every match of `source` are not white space: the items from
 * the start, each at its least repetition, up to the first one that may match white space or that this reading does
 * not follow (a group, a top-level alternation, a back-reference). Lookarounds and anchors take no room. A keyword
 * hit whose text has white space sooner cannot start a match, so the pattern need not run there.
 */
export function leadingSolidOf(source: string): number {
  return readSolid(source, 0, source.length).solid;
}

/**
 * `leadingSolidOf` of `source.slice(from, to)`, and whether the reading got to its end (`complete`: no item of it may
 * match white space, so what follows it continues the count). A group is read through: its least over its top-level
 * alternatives, times its least repetition (`sk_(?:live|test)_`, `(?<token>[A-Za-z0-9+/]{43})`, `(?:sandbox-)?`).
 */
function readSolid(source: string, from: number, to: number): { solid: number; complete: boolean } {
  let solid = 0;
  let i = from;
  while (i < to) {
    const ch = source[i]!;
    let mayBeSpace: boolean;
    if (ch === '(') {
      const close = closingParen(source, i);
      if (close < 0 || close >= to) return { solid, complete: false };
      if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
        // a lookaround takes no room
        i = close + 1;
        continue;
      }
      const named = /^\(\?<[A-Za-z_$][\w$]*>/.exec(source.slice(i, close));
      const bodyStart = named ? i + named[0].length : source.startsWith('(?:', i) ? i + 3 : source[i + 1] === '?' ? -1 : i + 1;
      if (bodyStart < 0) return { solid, complete: false };
      let least = Infinity;
      let everyComplete = true;
      for (const [a, b] of topLevelBranches(source, bodyStart, close)) {
        const branch = readSolid(source, a, b);
        least = Math.min(least, branch.solid);
        if (!branch.complete) everyComplete = false;
      }
      i = close + 1;
      const quantifier = quantifierAt(source, i);
      if (!quantifier) return { solid, complete: false };
      i = quantifier.next;
      if (!everyComplete) return { solid: solid + (quantifier.min > 0 ? least : 0), complete: false };
      solid += least * quantifier.min;
      continue;
    } else if (ch === '[') {
      const j = classEnd(source, i);
      if (j >= to) return { solid, complete: false };
      mayBeSpace = classMayBeSpace(source.slice(i + 1, j));
      i = j + 1;
    } else if (ch === '\\') {
      const next = source[i + 1];
      if (next === undefined) return { solid, complete: false };
      if (next === 'b' || next === 'B') {
        i += 2;
        continue;
      }
      // `\d`, `\w`, `\S` and escaped punctuation never match white space; `\s`, `\D`, `\W`, `\p{…}`, back-references may
      mayBeSpace = !(next === 'd' || next === 'w' || next === 'S' || !/[A-Za-z0-9]/.test(next));
      i += 2;
    } else if (ch === '|' || ch === ')') {
      return { solid, complete: false };
    } else if (ch === '^' || ch === '$') {
      i++;
      continue;
    } else {
      mayBeSpace = ch === '.' || /\s/.test(ch);
      i++;
    }
    if (mayBeSpace) return { solid, complete: false };
    const quantifier = quantifierAt(source, i);
    if (!quantifier) return { solid, complete: false };
    i = quantifier.next;
    solid += quantifier.min;
  }
  return { solid, complete: true };
}

/** The top-level alternatives of `source.slice(from, to)` (a group's body), as ranges: split at `|` outside groups and classes. */
function topLevelBranches(source: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(source, i);
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, to]);
  return out;
}

/** May the character class with this body (between `[` and `]`) match white space? */
function classMayBeSpace(body: string): boolean {
  if (body.startsWith('^')) return true;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\') {
      // `\d`, `\w`, `\S`, `\b` (backspace) and escaped punctuation are never white space; `\s`, `\t`, `\n`, `\u0020`,
      // `\p{…}`, `\D`, `\W` and any other letter escape may be
      const next = body[i + 1] ?? '';
      if (/[A-Za-z0-9]/.test(next) && !'dwSb'.includes(next)) return true;
      i++;
      continue;
    }
    if (/\s/.test(ch) || ch.charCodeAt(0) > 126) return true;
    // a range: white space lies below `!` (33) and above `~` (126)
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let to = body[i + 2]!;
      if (to === '\\') to = body[i + 3] ?? '';
      if (ch.charCodeAt(0) < 33 || to.charCodeAt(0) > 126 || to.length !== 1) return true;
      i += to === body[i + 2] ? 2 : 3;
    }
  }
  return false;
}

/** Index of the `]` that closes the character class opening at `open` (escapes skipped); the length when none. */
function classEnd(source: string, open: number): number {
  let j = open + 1;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j;
}

/**
 * The quantifier at `at`, if any (none: exactly once), with a lazy `?` after it: the least repetition it allows and
 * where the next item starts. Undefined for a `{` that is not a quantifier this reading knows.
 */
function quantifierAt(source: string, at: number): { min: number; next: number } | undefined {
  const quantifier = source[at];
  let min = 1;
  let next = at;
  if (quantifier === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(at));
    if (!m) return undefined;
    min = Number(m[1]);
    next += m[0].length;
  } else if (quantifier === '*' || quantifier === '?') {
    min = 0;
    next++;
  } else if (quantifier === '+') {
    next++;
  } else {
    return { min, next };
  }
  if (source[next] === '?') next++; // lazy
  return { min, next };
}

/** How many texts `keywordsStartEveryMatch` follows at most before it gives up. */
const MAX_PREFIXES = 256;

/**
 * Does every match of `source` start with one of `keywords` (lower-case, compared case-insensitively)? Read from
 * the pattern's first items, expanded into the finite set of texts a match can start with: literals, escaped
 * punctuation, small character classes (`[bp]`), groups of literal alternatives (`(?:live|test)`), and `?`, `{n}`,
 * `{n,m}` repetition (`A{21,22}`). When it holds, every keyword sits at offset 0 and the format is tried only where
 * a keyword starts, even when `keywordOffset` cannot read past a group or a class. False when it cannot tell.
 */
export function keywordsStartEveryMatch(source: string, flags: string, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return false;
  // case folding over Unicode (`iu`) lets `ſ` match `s` and `K` match `k`: letters the keyword pass never sees
  if (flags.includes('i') && /[uv]/.test(flags)) return false;
  const lower = keywords.map((k) => k.toLowerCase());
  const started = (text: string): boolean => lower.some((k) => text.startsWith(k));
  const rest = source.replace(LEADING_LOOKBEHIND, '');
  let prefixes = [''];
  let i = 0;
  while (!prefixes.every(started)) {
    const item = literalItemAt(rest, i);
    if (!item) return false;
    const repeat = repetitionAt(rest, item.next);
    if (!repeat) return false;
    const next: string[] = [];
    for (const prefix of prefixes) {
      if (started(prefix)) {
        next.push(prefix);
        continue;
      }
      // every text of min..max repetitions; past the least, an unbounded repetition adds nothing once all have started
      let texts = [prefix];
      for (let r = 1; r <= repeat.min; r++) {
        texts = texts.flatMap((t) => item.options.map((o) => t + o));
        if (texts.length > MAX_PREFIXES) return false;
      }
      next.push(...texts);
      if (repeat.max === Infinity) {
        if (!texts.every(started)) return false;
        continue;
      }
      for (let r = repeat.min + 1; r <= repeat.max; r++) {
        texts = texts.flatMap((t) => item.options.map((o) => t + o));
        if (texts.length > MAX_PREFIXES) return false;
        next.push(...texts);
      }
      if (next.length > MAX_PREFIXES) return false;
    }
    prefixes = next;
    i = repeat.next;
  }
  return true;
}

/** At most this many characters in a class `literalItemAt` expands. */
const MAX_CLASS_SIZE = 16;
/** ASCII: the largest class `charsAfterPrefix` reads as a set of characters. */
const ALPHABET_SIZE = 128;

/**
 * The item at `at` as the lower-case texts it matches, when it is a literal, an escaped punctuation character, a
 * small class without escapes or negation, or a group `(?:…|…)` of such literal alternatives; undefined otherwise.
 */
function literalItemAt(source: string, at: number, maxClass = MAX_CLASS_SIZE): { options: string[]; next: number } | undefined {
  const ch = source[at];
  if (ch === undefined) return undefined;
  if (ch === '[') {
    const end = classEnd(source, at);
    if (end >= source.length) return undefined;
    const body = source.slice(at + 1, end);
    if (body.startsWith('^') || body.includes('\\')) return undefined;
    const chars = new Set<string>();
    for (let j = 0; j < body.length; j++) {
      if (body[j + 1] === '-' && j + 2 < body.length) {
        const from = body.charCodeAt(j);
        const to = body.charCodeAt(j + 2);
        if (to - from + 1 > maxClass) return undefined;
        for (let c = from; c <= to; c++) chars.add(String.fromCharCode(c).toLowerCase());
        j += 2;
      } else chars.add(body[j]!.toLowerCase());
    }
    if (chars.size === 0 || chars.size > maxClass) return undefined;
    return { options: [...chars], next: end + 1 };
  }
  if (ch === '(') {
    if (!source.startsWith('(?:', at)) return undefined;
    const close = closingParen(source, at);
    if (close < 0) return undefined;
    const options: string[] = [];
    for (const alternative of source.slice(at + 3, close).split('|')) {
      const text = literalText(alternative);
      if (text === undefined) return undefined;
      options.push(text);
    }
    return { options, next: close + 1 };
  }
  const one = literalText(source.slice(at, ch === '\\' ? at + 2 : at + 1));
  return one === undefined || one.length !== 1 ? undefined : { options: [one], next: at + one.length + (ch === '\\' ? 1 : 0) };
}

/** A sequence of plain characters and escaped punctuation, lower-cased; undefined for anything else. */
function literalText(part: string): string | undefined {
  let text = '';
  for (let j = 0; j < part.length; j++) {
    const ch = part[j]!;
    if (ch === '\\') {
      const next = part[j + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined;
      text += next;
      j++;
    } else if ('()[]{}|.*+?^$'.includes(ch)) {
      return undefined;
    } else {
      text += ch.toLowerCase();
    }
  }
  return text;
}

/** The repetition at `at`: once, `?`, `{n}`, `{n,m}`, `{n,}`, `*`, `+` (a lazy `?` after it skipped). */
function repetitionAt(source: string, at: number): { min: number; max: number; next: number } | undefined {
  const ch = source[at];
  let min = 1;
  let max = 1;
  let next = at;
  if (ch === '{') {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(at));
    if (!m) return undefined;
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    next += m[0].length;
  } else if (ch === '?' || ch === '*' || ch === '+') {
    min = ch === '+' ? 1 : 0;
    max = ch === '?' ? 1 : Infinity;
    next++;
  } else {
    return { min, max, next };
  }
  if (source[next] === '?') next++;
  return { min, max, next };
}

/** At most this many offsets `keywordOffsets` follows for one keyword. */
const MAX_OFFSETS = 32;

/**
 * Every offset at which `keyword` (lower-case) can start in a match of `source`, when the items before it have a
 * small finite set of widths: fixed or bounded repetition (`[0-9]{8,10}:AA` → 8, 9, 10 for `:aa`), optional groups of
 * literal alternatives (`-----BEGIN (?:RSA |EC )?PRIVATE KEY` → 11, 14, 15), lookarounds (no width). The format is
 * then tried at each of them where the keyword occurs, instead of scanned over the text. Undefined when an item
 * of unbounded or unknown width comes first, or the offsets grow past `MAX_OFFSETS`.
 */
export function keywordOffsets(source: string, keyword: string): number[] | undefined {
  let offsets = [0];
  let literal = '';
  let literalStarts: number[] = [];
  let i = 0;
  while (i < source.length) {
    const item = widthItemAt(source, i);
    if (!item) return undefined;
    const repeat = repetitionAt(source, item.next);
    if (!repeat || repeat.max === Infinity || repeat.max > 64) return undefined;
    i = repeat.next;
    if (item.widths.length === 1 && item.widths[0] === 0) continue; // a lookaround: no width, no text
    if (item.text !== undefined && repeat.min === 1 && repeat.max === 1) {
      if (literal === '') literalStarts = offsets;
      literal += item.text;
      const at = literal.indexOf(keyword);
      if (at >= 0) return literalStarts.map((o) => o + at);
    } else {
      literal = '';
    }
    const next = new Set<number>();
    for (const o of offsets) {
      for (let r = repeat.min; r <= repeat.max; r++) {
        // r repetitions of an item of several widths: every sum of r of them
        let sums = new Set([0]);
        for (let k = 0; k < r; k++) {
          const grown = new Set<number>();
          for (const sum of sums) for (const w of item.widths) grown.add(sum + w);
          sums = grown;
          if (sums.size > MAX_OFFSETS) return undefined;
        }
        for (const sum of sums) next.add(o + sum);
      }
      if (next.size > MAX_OFFSETS) return undefined;
    }
    offsets = [...next].sort((a, b) => a - b);
  }
  return undefined;
}

/**
 * The item at `at` with its possible widths, and its lower-case text when it is one literal character: a character,
 * an escape, a class, `.`, a lookaround (width 0), a group of lookarounds (width 0) or of literal alternatives.
 */
function widthItemAt(source: string, at: number): { widths: number[]; text?: string; next: number } | undefined {
  const ch = source[at];
  if (ch === undefined) return undefined;
  if (ch === '(') {
    const close = closingParen(source, at);
    if (close < 0) return undefined;
    if (/^\(\?<?[=!]/.test(source.slice(at, at + 4))) return { widths: [0], next: close + 1 };
    if (!source.startsWith('(?:', at)) return undefined;
    const body = source.slice(at + 3, close);
    const alternatives = splitTopLevel(body);
    // a group of lookarounds only (`(?:(?<!…)|(?<=…))`) takes no width
    if (alternatives.every((a) => /^\(\?<?[=!]/.test(a) && closingParen(a, 0) === a.length - 1)) return { widths: [0], next: close + 1 };
    const widths = new Set<number>();
    for (const alternative of alternatives) {
      const text = literalText(alternative);
      if (text === undefined) return undefined;
      widths.add(text.length);
    }
    return { widths: [...widths], next: close + 1 };
  }
  if (ch === '[') {
    const end = classEnd(source, at);
    if (end >= source.length) return undefined;
    return { widths: [1], next: end + 1 };
  }
  if (ch === '\\') {
    const next = source[at + 1];
    if (next === undefined) return undefined;
    if (!/[A-Za-z0-9]/.test(next)) return { widths: [1], text: next.toLowerCase(), next: at + 2 };
    if (/[dDwWsS]/.test(next)) return { widths: [1], next: at + 2 };
    return undefined;
  }
  if (ch === '.') return { widths: [1], next: at + 1 };
  if ('|)^$*+?{}]'.includes(ch)) return undefined;
  return { widths: [1], text: ch.toLowerCase(), next: at + 1 };
}

/** The top-level alternatives of a group body (classes, escapes and nested groups kept whole). */
function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(body, i);
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

/**
 * The characters (lower-case) the character at `width` of every match of `source` is one of, when the pattern's
 * first `width` characters are single literal characters or small classes, each once, and the item after them is a
 * literal or a class (of any size) that must occur: `PuTTY-User-Key-File-[23]: …` at 20 → `23`, `key[A-Za-z0-9]{14}`
 * at 3 → its 36 letters and digits. Undefined when it cannot tell (a quantifier, a group, a class with an escape or a
 * negation, the `i` flag with Unicode folding). A keyword hit whose next character is none of them starts no match.
 */
export function charsAfterPrefix(source: string, flags: string, width: number): string | undefined {
  if (flags.includes('i') && /[uv]/.test(flags)) return undefined;
  const rest = source.replace(LEADING_LOOKBEHIND, '');
  let at = 0;
  for (let read = 0; read < width; read++) {
    const item = literalItemAt(rest, at);
    // each item once: no quantifier after it (`quantifierAt` reads none as "exactly once", at the same place)
    if (!item || item.options.some((o) => o.length !== 1) || quantifierAt(rest, item.next)?.next !== item.next) return undefined;
    at = item.next;
  }
  // the next item may be a class of any size (`[A-Za-z0-9]`): its characters are a set the prefilter tests a bit of
  const next = literalItemAt(rest, at, ALPHABET_SIZE);
  if (!next || next.options.some((o) => o.length !== 1)) return undefined;
  const quantifier = quantifierAt(rest, next.next);
  if (!quantifier || quantifier.min === 0) return undefined;
  return next.options.join('');
}
