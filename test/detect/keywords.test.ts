import { describe, expect, it } from 'vitest';
import { isSpaceCode, KeywordAutomaton, newScanScratch } from '../../src/detect/keywords.js';
import { TOKEN_FORMATS } from '../../src/detect/providers.js';

function hits(keywords: string[], text: string): string[] {
  const out: string[] = [];
  const automaton = new KeywordAutomaton(keywords);
  const scratch = newScanScratch();
  const count = automaton.scanInto(text, scratch);
  for (let h = 0; h < count; h++) out.push(...automaton.keywordsOf(scratch.buffer[2 * h]!));
  return out.sort();
}

describe('KeywordAutomaton', () => {
  it('finds every occurrence, overlapping and nested, case-insensitively', () => {
    expect(hits(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['he', 'hers', 'she']);
    expect(hits(['sk-', 'sk-ant-'], 'x SK-ANT-api')).toEqual(['sk-', 'sk-ant-']);
    expect(hits(['aa'], 'aaaa')).toEqual(['aa', 'aa', 'aa']);
    expect(hits(['ghp_'], 'no match here')).toEqual([]);
  });
  it('treats non-ASCII as a break', () => {
    expect(hits(['ab'], 'aéb ab')).toEqual(['ab']);
  });
  it('rejects keywords that are not lower-case ASCII', () => {
    expect(() => new KeywordAutomaton(['Ghp_'])).toThrow(/lower-case ASCII/);
  });
  it('agrees with a naive search on random text', () => {
    const keywords = ['ab', 'abc', 'bca', 'c', 'cab', 'aaa'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 40 }, () => 'abcABC'[Math.floor(rand() * 6)]).join('');
      const naive: string[] = [];
      const lower = text.toLowerCase();
      for (const k of keywords) for (let i = lower.indexOf(k); i >= 0; i = lower.indexOf(k, i + 1)) naive.push(k);
      expect(hits(keywords, text)).toEqual(naive.sort());
    }
  });
});

const PROVIDER_KEYWORDS = [...new Set(TOKEN_FORMATS.flatMap((f) => f.keywords))];

/** A seeded generator of integers below `n`. */
function seeded(seed: number): (n: number) => number {
  return (n) => Math.floor(((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * n);
}

/**
 * `length` characters or more of provider keyword pieces glued together (prefixes, suffixes and overlaps, in mixed
 * case), with one of `separators` now and then, and (`runs`) runs of one letter (`aaaa…`, keywords of their own).
 */
function keywordPieces(rand: (n: number) => number, length: number, separators: string, runs: boolean): string {
  let text = '';
  while (text.length < length) {
    const k = PROVIDER_KEYWORDS[rand(PROVIDER_KEYWORDS.length)]!;
    const piece = k.slice(rand(2) === 0 ? 0 : rand(k.length), rand(2) === 0 ? k.length : 1 + rand(k.length));
    text += rand(3) === 0 ? piece.toUpperCase() : piece;
    if (runs && rand(8) === 0) text += 'aA'[rand(2)]!.repeat(rand(30));
    if (rand(4) === 0) text += separators[rand(separators.length)];
  }
  return text;
}

/** Every provider keyword in `text` where it ends (`end:keyword`), by a naive case-blind search. */
function naiveHits(text: string): string[] {
  const lower = text.toLowerCase();
  const naive: string[] = [];
  for (const k of PROVIDER_KEYWORDS) for (let i = lower.indexOf(k); i >= 0; i = lower.indexOf(k, i + 1)) naive.push(`${i + k.length - 1}:${k}`);
  return naive.sort();
}

describe('KeywordAutomaton on the provider keywords', () => {
  it('reports every keyword where it ends, as a naive search does, in text made of keyword pieces', () => {
    const automaton = new KeywordAutomaton(PROVIDER_KEYWORDS);
    const scratch = newScanScratch();
    const rand = seeded(11);
    for (let n = 0; n < 300; n++) {
      const text = keywordPieces(rand, 60, ' -_', false);
      const found: string[] = [];
      const count = automaton.scanInto(text, scratch);
      for (let h = 0; h < count; h++) for (const k of automaton.keywordsOf(scratch.buffer[2 * h]!)) found.push(`${scratch.buffer[2 * h + 1]}:${k}`);
      expect(found.sort()).toEqual(naiveHits(text));
    }
  });
});

describe('KeywordAutomaton on long ASCII texts (read as bytes)', () => {
  it('reports every keyword where it ends, and the last white space up to it, as a naive search does', () => {
    const automaton = new KeywordAutomaton(PROVIDER_KEYWORDS);
    const scratch = newScanScratch();
    const rand = seeded(19300);
    for (let n = 0; n < 12; n++) {
      // 4,096 to 40,000 characters, white space among them
      const text = keywordPieces(rand, 4096 + rand(36_000), ' -_\n\t', true);
      const found: string[] = [];
      const count = automaton.scanInto(text, scratch);
      expect(scratch.spaced).toBe(true);
      for (let h = 0; h < count; h++) {
        const end = scratch.buffer[2 * h + 1]!;
        for (const k of automaton.keywordsOf(scratch.buffer[2 * h]!)) found.push(`${end}:${k}`);
        let space = end;
        while (space >= 0 && !/\s/.test(text[space]!)) space--;
        expect(scratch.lastSpaces[h], `hit ${h}`).toBe(space);
      }
      expect(found.sort()).toEqual(naiveHits(text));
    }
  });
});

describe('isSpaceCode', () => {
  it('agrees with \\s for every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) expect(c.toString(16)).toBe('agreeing');
    }
  });
});
