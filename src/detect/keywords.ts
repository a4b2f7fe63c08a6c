/**
 * Aho–Corasick over lower-case ASCII keywords: one pass over a string, one table lookup per character, finds every
 * occurrence of every keyword (overlaps included), case-insensitively without lower-casing the string. This is the
 * detector's prefilter: it decides which provider patterns run at all.
 */
const ALPHABET = 128;

export class KeywordAutomaton {
  /** state × character → next state */
  private readonly delta: Int32Array;
  /** keywords that end in a state (its own and those of its failure chain); undefined when none */
  private readonly out: (readonly string[] | undefined)[];

  constructor(keywords: Iterable<string>) {
    const next: Map<number, number>[] = [new Map()];
    const own: string[][] = [[]];
    for (const keyword of keywords) {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = keyword.charCodeAt(i);
        if (c >= ALPHABET || (c >= 65 && c <= 90)) throw new Error(`keyword "${keyword}" must be lower-case ASCII`);
        let target = next[state]!.get(c);
        if (target === undefined) {
          target = next.length;
          next.push(new Map());
          own.push([]);
          next[state]!.set(c, target);
        }
        state = target;
      }
      own[state]!.push(keyword);
    }
    const states = next.length;
    const delta = new Int32Array(states * ALPHABET);
    const fail = new Int32Array(states);
    const out: string[][] = own.map((o) => [...o]);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const s = next[0]!.get(c);
      delta[c] = s ?? 0;
      if (s !== undefined) queue.push(s);
    }
    for (let head = 0; head < queue.length; head++) {
      const r = queue[head]!;
      for (let c = 0; c < ALPHABET; c++) {
        const s = next[r]!.get(c);
        if (s === undefined) {
          delta[r * ALPHABET + c] = delta[fail[r]! * ALPHABET + c]!;
        } else {
          fail[s] = delta[fail[r]! * ALPHABET + c]!;
          out[s]!.push(...out[fail[s]!]!);
          delta[r * ALPHABET + c] = s;
          queue.push(s);
        }
      }
    }
    // upper-case ASCII letters move like their lower-case forms
    for (let s = 0; s < states; s++) for (let c = 65; c <= 90; c++) delta[s * ALPHABET + c] = delta[s * ALPHABET + c + 32]!;
    this.delta = delta;
    this.out = out.map((o) => (o.length > 0 ? o : undefined));
  }

  /** Call `onHit` with the keywords ending at each position where any ends (`end`: the index of their last character). */
  scan(text: string, onHit: (keywords: readonly string[], end: number) => void): void {
    const delta = this.delta;
    const out = this.out;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      state = c < ALPHABET ? delta[state * ALPHABET + c]! : 0;
      const hit = out[state];
      if (hit !== undefined) onHit(hit, i);
    }
  }
}

const SPECIAL = new Set(['[', ']', '(', ')', '{', '}', '.', '*', '+', '?', '^', '$', '|']);
const QUANTIFIER = new Set(['*', '+', '?', '{']);

/**
 * The literal text every match of `source` starts with (after one leading single-character lookbehind), lower-cased:
 * `(?<![A-Za-z0-9_])ghp_[A-Za-z0-9]{36}` → `ghp_`. Empty when the pattern starts with anything else.
 */
export function literalPrefix(source: string): string {
  const rest = source.replace(/^\(\?<[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()[\]\\])\)/, '');
  let out = '';
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    let literal: string;
    let width = 1;
    if (ch === '\\') {
      const next = rest[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) break;
      literal = next;
      width = 2;
    } else if (SPECIAL.has(ch)) break;
    else literal = ch;
    // a quantified character is not certain to be there
    if (QUANTIFIER.has(rest[i + width] ?? '')) break;
    out += literal;
    i += width - 1;
  }
  return out.toLowerCase();
}
