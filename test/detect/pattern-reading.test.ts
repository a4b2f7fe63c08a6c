import { describe, expect, it } from 'vitest';
import { keywordOffset, keywordOffsets, keywordsStartEveryMatch, leadingSolidOf, longestRun, minRunOf } from '../../src/detect/pattern-reading.js';
import { TOKEN_FORMATS } from '../../src/detect/providers.js';
import { FAKE_FORMAT_IDS, fakeToken } from '../support/fake-tokens.js';

describe('keywordOffset at the start of a pattern', () => {
  it('reads the literal start of a pattern after one single-character lookbehind', () => {
    expect(keywordOffset('(?<![A-Za-z0-9_])ghp_[A-Za-z0-9]{36}', 'ghp_')).toBe(0);
    expect(keywordOffset('(?<![A-Za-z0-9_-])sk-ant-api03-[A-Za-z0-9_-]{93}AA', 'sk-ant-api03-')).toBe(0);
    expect(keywordOffset('xox[bp]-', 'xox')).toBe(0);
    expect(keywordOffset('abc?d', 'ab')).toBe(0);
    expect(keywordOffset('abc?d', 'abc')).toBeUndefined();
    expect(keywordOffset('dp\\.pt\\.[a-z]', 'dp.pt.')).toBe(0);
    expect(keywordOffset('[0-9]{8}:AA', ':aa')).toBe(8);
  });
});

describe('keywordOffset', () => {
  it('finds a keyword reached through fixed-width items only', () => {
    expect(keywordOffset(String.raw`(?<![A-Za-z0-9_])[A-Za-z0-9]{36}NRAL(?![A-Za-z0-9_])`, 'nral')).toBe(36);
    expect(keywordOffset(String.raw`(?<![A-Za-z0-9_])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}`, '.atlasv1.')).toBe(14);
    expect(keywordOffset(String.raw`(?<![A-Za-z0-9_])-----BEGIN OPENSSH PRIVATE KEY-----[A-Za-z0-9+/=\s\\]{39,}`, 'private key')).toBe(19);
    expect(keywordOffset(String.raw`(?<![A-Za-z0-9_])[a-f0-9]{32}-us[0-9]{1,2}`, '-us')).toBe(32);
  });
  it('gives up on anything of variable width before the keyword', () => {
    expect(keywordOffset(String.raw`(?<![A-Za-z0-9_])-----BEGIN (?:RSA |EC )?PRIVATE KEY-----`, 'private key')).toBeUndefined();
    expect(keywordOffset(String.raw`[A-Za-z0-9]{20,40}NRAL`, 'nral')).toBeUndefined();
    expect(keywordOffset(String.raw`[A-Za-z0-9]+NRAL`, 'nral')).toBeUndefined();
    expect(keywordOffset(String.raw`sk_(?:live|test)_[A-Za-z0-9]{20}`, 'sk_live_')).toBeUndefined();
  });
  it('every offset it gives is where the keyword sits in a real match', () => {
    for (const f of TOKEN_FORMATS) {
      for (const k of f.keywords) {
        const offset = keywordOffset(f.pattern.source, k);
        if (offset === undefined || !FAKE_FORMAT_IDS.includes(f.id)) continue;
        const token = fakeToken(f.id, 3);
        const m = new RegExp(f.pattern.source, f.pattern.flags.replace(/[gy]/g, '')).exec(token);
        expect(m, f.id).not.toBeNull();
        if (token.toLowerCase().includes(k)) expect(m![0].toLowerCase().slice(offset, offset + k.length), `${f.id} ${k}`).toBe(k);
      }
    }
  });
});

describe('leadingSolidOf (characters at the start of every match that are not white space)', () => {
  it('counts fixed items up to the first that may be white space or that it does not follow', () => {
    expect(leadingSolidOf(String.raw`(?<![A-Za-z0-9_])ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9_])`)).toBe(40);
    expect(leadingSolidOf(String.raw`xox[bp]-[0-9]{10,13}-[a-zA-Z0-9-]*`)).toBe(16);
    expect(leadingSolidOf(String.raw`-----BEGIN OPENSSH PRIVATE KEY-----`)).toBe(10);
    expect(leadingSolidOf(String.raw`sk_(?:live|test)_[A-Za-z0-9]{20}`)).toBe(3);
    expect(leadingSolidOf(String.raw`ab?c*d+`)).toBe(2);
    expect(leadingSolidOf(String.raw`a.b`)).toBe(1);
    expect(leadingSolidOf(String.raw`a[^x]b`)).toBe(1);
    expect(leadingSolidOf(String.raw`a[\sx]b`)).toBe(1);
    expect(leadingSolidOf(String.raw`a[ -~]b`)).toBe(1);
    expect(leadingSolidOf(String.raw`a[!-~]b`)).toBe(3);
    expect(leadingSolidOf(String.raw`a[\tx]b`)).toBe(1);
    expect(leadingSolidOf(String.raw`a[\nx]b`)).toBe(1);
    expect(leadingSolidOf(String.raw`a[\w\-.]b`)).toBe(3);
    expect(leadingSolidOf(String.raw`a\u0020b`)).toBe(1);
    expect(leadingSolidOf(String.raw`a|bcdef`)).toBe(1);
    expect(leadingSolidOf(String.raw`\bab\Sc`)).toBe(4);
  });
  it('holds for real matches of every format: their first characters are not white space', () => {
    let checked = 0;
    for (const f of TOKEN_FORMATS) {
      if (!FAKE_FORMAT_IDS.includes(f.id)) continue;
      const solid = leadingSolidOf(f.pattern.source);
      for (const seed of [1, 2, 3]) {
        const token = fakeToken(f.id, seed);
        const m = new RegExp(f.pattern.source, f.pattern.flags.replace(/[gy]/g, '')).exec(token);
        expect(m, f.id).not.toBeNull();
        expect(m![0].length, f.id).toBeGreaterThanOrEqual(solid);
        expect(/\s/.test(m![0].slice(0, solid)), f.id).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('minRunOf (the longest run of token characters every match holds)', () => {
  it('adds up consecutive items made of token characters only', () => {
    expect(minRunOf(String.raw`(?<![A-Za-z0-9_])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![A-Za-z0-9_])`)).toBe(36);
    expect(minRunOf(String.raw`[MNO][A-Za-z0-9_-]{22,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}`)).toBe(27);
    expect(minRunOf(String.raw`[A-Za-z0-9/+]{40}`)).toBe(40);
    expect(minRunOf(String.raw`ab?c`)).toBe(2);
    expect(minRunOf(String.raw`a(?:bc)d`)).toBe(1);
    expect(minRunOf(String.raw`a|b`)).toBe(0);
    expect(minRunOf(String.raw`[a-z.]{30}`)).toBe(0);
  });
  it('holds for real matches of every prefix-less format', () => {
    let checked = 0;
    for (const f of TOKEN_FORMATS) {
      if (f.keywords.length > 0 || !FAKE_FORMAT_IDS.includes(f.id)) continue;
      const min = minRunOf(f.pattern.source);
      for (const seed of [1, 2, 3, 4]) {
        const token = fakeToken(f.id, seed);
        const m = new RegExp(f.pattern.source, f.pattern.flags.replace(/[gy]/g, '')).exec(token);
        expect(m, f.id).not.toBeNull();
        expect(longestRun(m![0]), f.id).toBeGreaterThanOrEqual(min);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});

describe('keywordsStartEveryMatch (every match starts with a keyword, read past groups and classes)', () => {
  it('expands literal alternatives, small classes and bounded repetition', () => {
    expect(keywordsStartEveryMatch(String.raw`(?<![A-Za-z0-9_])sk_(?:live|test)_[A-Za-z0-9]{20,247}`, '', ['sk_live_', 'sk_test_'])).toBe(true);
    expect(keywordsStartEveryMatch(String.raw`xox[acors]-[0-9]{1,14}`, '', ['xoxa-', 'xoxc-', 'xoxo-', 'xoxr-', 'xoxs-'])).toBe(true);
    expect(keywordsStartEveryMatch(String.raw`ddapp?_[A-Za-z0-9_-]{20,160}`, '', ['ddapp_', 'ddap_'])).toBe(true);
    expect(keywordsStartEveryMatch(String.raw`A{21,22}[A-Za-z0-9%]{60,140}`, '', ['aaaaaaaaaaaaaaaaaaaaa'])).toBe(true);
    expect(keywordsStartEveryMatch(String.raw`A{21,}x`, '', ['aaaaaaaaaaaaaaaaaaaaa'])).toBe(true);
    expect(keywordsStartEveryMatch(String.raw`dG9rO[jm][A-Za-z0-9+/]{40,80}`, '', ['dg9roj', 'dg9rom'])).toBe(true);
    expect(keywordsStartEveryMatch(String.raw`xoxe\.xox[bp]-1-`, '', ['xoxe.xoxb-', 'xoxe.xoxp-'])).toBe(true);
  });
  it('says no when some match can start otherwise, or when it cannot tell', () => {
    // a keyword missing from the list
    expect(keywordsStartEveryMatch(String.raw`sk_(?:live|test)_x`, '', ['sk_live_'])).toBe(false);
    expect(keywordsStartEveryMatch(String.raw`xox[bp]-`, '', ['xoxb-'])).toBe(false);
    // an optional item before the keyword, a match that ends before it, a too-short repetition
    expect(keywordsStartEveryMatch(String.raw`a?bc`, '', ['bc'])).toBe(false);
    expect(keywordsStartEveryMatch(String.raw`ab`, '', ['abc'])).toBe(false);
    expect(keywordsStartEveryMatch(String.raw`A{20,}x`, '', ['aaaaaaaaaaaaaaaaaaaaa'])).toBe(false);
    expect(keywordsStartEveryMatch(String.raw`[0-9]{6,20}-[a-z0-9]{32}\.apps`, '', ['.apps'])).toBe(false);
    // what it does not read: escapes of classes, negated and large classes, nested groups, lookarounds, `.`
    expect(keywordsStartEveryMatch(String.raw`\d{2}ab`, '', ['12ab'])).toBe(false);
    expect(keywordsStartEveryMatch(String.raw`[^x]ab`, '', ['aab'])).toBe(false);
    expect(keywordsStartEveryMatch(String.raw`[a-z]ab`, '', ['aab'])).toBe(false);
    expect(keywordsStartEveryMatch(String.raw`(?:(?:a|b)c)d`, '', ['acd', 'bcd'])).toBe(false);
    expect(keywordsStartEveryMatch(String.raw`(?=a)ab`, '', ['ab'])).toBe(false);
    expect(keywordsStartEveryMatch(String.raw`.ab`, '', ['xab'])).toBe(false);
    // Unicode case folding: ſ matches s
    expect(keywordsStartEveryMatch(String.raw`sk_x`, 'iu', ['sk_x'])).toBe(false);
    expect(keywordsStartEveryMatch(String.raw`sk_x`, '', [])).toBe(false);
  });
  it('holds for real matches of every format it reads: each starts with one of its keywords', () => {
    let checked = 0;
    for (const f of TOKEN_FORMATS) {
      if (!keywordsStartEveryMatch(f.pattern.source, f.pattern.flags, f.keywords) || !FAKE_FORMAT_IDS.includes(f.id)) continue;
      for (const seed of [1, 2, 3]) {
        const token = fakeToken(f.id, seed);
        const m = new RegExp(f.pattern.source, f.pattern.flags.replace(/[gy]/g, '')).exec(token);
        expect(m, f.id).not.toBeNull();
        expect(f.keywords.some((k) => m![0].toLowerCase().startsWith(k)), f.id).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('keywordOffsets (every offset a keyword can start at, past items of a few widths)', () => {
  it('sums bounded repetitions, optional literal groups and zero-width lookarounds', () => {
    expect(keywordOffsets(String.raw`(?:(?<![A-Za-z0-9_])|(?<=\/bot))[0-9]{8,10}:AA[A-Za-z0-9_-]{33}`, ':aa')).toEqual([8, 9, 10]);
    expect(keywordOffsets(String.raw`(?<![A-Za-z0-9_])-----BEGIN (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----`, 'private key')).toEqual([11, 14, 15, 21]);
    expect(keywordOffsets(String.raw`[0-9]{6,8}-[a-z0-9]{4}\.apps`, '.apps')).toEqual([11, 12, 13]);
    expect(keywordOffsets(String.raw`ghp_[A-Za-z0-9]{36}`, 'ghp_')).toEqual([0]);
    expect(keywordOffsets(String.raw`ab(?=c)cd`, 'bcd')).toEqual([1]);
  });
  it('gives up on unbounded or unknown widths and on too many offsets', () => {
    expect(keywordOffsets(String.raw`[0-9]+:AA`, ':aa')).toBeUndefined();
    expect(keywordOffsets(String.raw`[0-9]{1,}:AA`, ':aa')).toBeUndefined();
    expect(keywordOffsets(String.raw`[0-9]{1,100}:AA`, ':aa')).toBeUndefined();
    expect(keywordOffsets(String.raw`x{1,40}y{1,40}:AA`, ':aa')).toBeUndefined();
    expect(keywordOffsets(String.raw`(?:(?:a|b)c)?:AA`, ':aa')).toBeUndefined();
    expect(keywordOffsets(String.raw`a\1:AA`, ':aa')).toBeUndefined();
    expect(keywordOffsets(String.raw`[0-9]{2}`, ':aa')).toBeUndefined();
  });
  it('holds for real matches of every format: the keyword sits at one of its offsets', () => {
    let checked = 0;
    for (const f of TOKEN_FORMATS) {
      if (!FAKE_FORMAT_IDS.includes(f.id)) continue;
      for (const k of f.keywords) {
        const offsets = keywordOffsets(f.pattern.source, k);
        if (offsets === undefined) continue;
        for (const seed of [1, 2, 3]) {
          const token = fakeToken(f.id, seed);
          const m = new RegExp(f.pattern.source, f.pattern.flags.replace(/[gy]/g, '')).exec(token);
          expect(m, f.id).not.toBeNull();
          const text = m![0].toLowerCase();
          if (!text.includes(k)) continue;
          expect(offsets.some((o) => text.slice(o, o + k.length) === k), `${f.id} ${k}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});
