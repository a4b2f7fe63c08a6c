import { describe, expect, it } from 'vitest';
import { charsAfterPrefix, keywordOffset, keywordOffsets, keywordsStartEveryMatch, leadingSolidOf, longestRuns, minRunOf, RUN_ALPHABET_COUNT, RUN_ALPHABETS } from '../../src/detect/pattern-reading.js';
import { Detector } from '../../src/detect/index.js';
import { TOKEN_FORMATS } from '../../src/detect/providers.js';
import { FAKE_FORMAT_IDS, fakeToken, mulberry32 } from '../support/fake-tokens.js';

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
    // groups are read through: their least alternative, times their least repetition
    expect(leadingSolidOf(String.raw`sk_(?:live|test)_[A-Za-z0-9]{20}`)).toBe(28);
    expect(leadingSolidOf(String.raw`sig=(?<token>(?:[A-Za-z0-9+/]|%2[BFbf]){43}(?:=|%3[Dd]))`)).toBe(48);
    expect(leadingSolidOf(String.raw`(?:sandbox-)?sq0csp-[A-Za-z0-9_-]{43}`)).toBe(50);
    expect(leadingSolidOf(String.raw`(?:ab|c){2}d`)).toBe(3);
    // …up to an alternative that may hold white space: what comes before it in that alternative, no further
    expect(leadingSolidOf(String.raw`x(?:ab|c d)e`)).toBe(2);
    expect(leadingSolidOf(String.raw`x(?:a| b)e`)).toBe(1);
    expect(leadingSolidOf(String.raw`x(?:a b)?e`)).toBe(1);
    expect(leadingSolidOf(String.raw`x(?i:ab)e`)).toBe(1);
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
  it('counts runs of a narrower alphabet', () => {
    const hex32 = String.raw`(?<![A-Za-z0-9_])[a-f0-9]{32}(?![A-Za-z0-9_])`;
    const alphabet = (re: string): number => RUN_ALPHABETS.findIndex((a) => a.source === re);
    expect(minRunOf(hex32, alphabet('[a-f0-9]'))).toBe(32);
    expect(minRunOf(hex32, alphabet('[A-Za-z0-9]'))).toBe(32);
    // a class wider than the alphabet ends a run
    expect(minRunOf(String.raw`[A-Za-z0-9]{40}`, alphabet('[a-f0-9]'))).toBe(0);
    expect(minRunOf(String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}`, alphabet('[0-9a-fA-F]'))).toBe(8);
    expect(minRunOf(String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}`, alphabet('[A-Za-z0-9_-]'))).toBe(13);
    expect(minRunOf(String.raw`\d{10}x`, alphabet('[0-9]'))).toBe(10);
    expect(minRunOf(String.raw`[12]\/[0-9]{10,20}`, alphabet('[0-9]'))).toBe(10);
  });
  it('holds for real matches of every prefix-less format, in every alphabet', () => {
    let checked = 0;
    const runs = new Int32Array(RUN_ALPHABET_COUNT);
    for (const f of TOKEN_FORMATS) {
      if (f.keywords.length > 0 || !FAKE_FORMAT_IDS.includes(f.id)) continue;
      const min = minRunOf(f.pattern.source);
      for (const seed of [1, 2, 3, 4]) {
        const token = fakeToken(f.id, seed);
        const m = new RegExp(f.pattern.source, f.pattern.flags.replace(/[gy]/g, '')).exec(token);
        expect(m, f.id).not.toBeNull();
        longestRuns(m![0], runs);
        expect(runs[0], f.id).toBeGreaterThanOrEqual(min);
        for (let k = 0; k < RUN_ALPHABET_COUNT; k++) expect(runs[k]!, `${f.id} ${RUN_ALPHABETS[k]}`).toBeGreaterThanOrEqual(minRunOf(f.pattern.source, k));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
  it('longestRuns agrees with a regular expression per alphabet', () => {
    const rand = mulberry32(5);
    const alphabet = 'aF09zZ_-/+.:é ';
    const runs = new Int32Array(RUN_ALPHABET_COUNT);
    for (let n = 0; n < 3_000; n++) {
      let text = '';
      const length = Math.floor(rand() * 60);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      longestRuns(text, runs);
      RUN_ALPHABETS.forEach((re, k) => {
        const longest = Math.max(0, ...(text.match(new RegExp(`${re.source}+`, 'g')) ?? []).map((r) => r.length));
        expect(runs[k], `${JSON.stringify(text)} ${re}`).toBe(longest);
      });
    }
  });
});

describe("the detector's prefix-less shapes (each pattern run only where its runs fit)", () => {
  it('finds what running every prefix-less pattern finds', () => {
    const detector = new Detector();
    const internal = detector as unknown as { contextOnly: { id: string; pattern: RegExp }[]; contextOnlyShapes(text: string): readonly { id: string }[] };
    const formats = internal.contextOnly;
    expect(formats.length).toBeGreaterThan(10);
    const rand = mulberry32(9);
    const pieces = [...formats.filter((f) => FAKE_FORMAT_IDS.includes(f.id)).flatMap((f) => [fakeToken(f.id, 1), fakeToken(f.id, 2)]), '/', '-', '.', ':', 'https://api.example.test/v1/', 'x', '0'];
    let found = 0;
    for (let n = 0; n < 4_000; n++) {
      let text = '';
      while (text.length < 16 + Math.floor(rand() * 80)) {
        const piece = pieces[Math.floor(rand() * pieces.length)]!;
        // cut a token now and then: near misses of every length
        text += rand() < 0.4 ? piece.slice(0, Math.floor(rand() * piece.length)) : piece;
      }
      const naive = formats.filter((f) => new RegExp(f.pattern.source, f.pattern.flags.replace(/[gy]/g, '')).test(text)).map((f) => f.id);
      const shapes = internal.contextOnlyShapes(text).map((f) => f.id);
      expect(shapes, text.length.toString()).toEqual(naive);
      if (naive.length > 0) found++;
    }
    expect(found).toBeGreaterThan(500);
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

describe('charsAfterPrefix', () => {
  it('reads the item after a prefix of single characters', () => {
    expect(charsAfterPrefix(String.raw`(?<![A-Za-z0-9_])PuTTY-User-Key-File-[23]: [A-Za-z0-9+/=\s\\:.@_-]{39,}`, '', 20)).toBe('23');
    expect(charsAfterPrefix(String.raw`(?<![A-Za-z0-9_])xox[bp]-[0-9]{10,13}-[A-Za-z0-9-]+`, '', 5)).toBe('0123456789');
    expect(charsAfterPrefix(String.raw`https://hooks\.slack\.com/services/T[A-Z0-9]+`, '', 24)).toBe('s');
  });
  it('reads a class of any size as its set of characters (lower-case), but not one with an escape or a negation', () => {
    const set = charsAfterPrefix(String.raw`ghp_[A-Za-z0-9]{36}`, '', 4);
    expect([...new Set(set)].sort().join('')).toBe('0123456789abcdefghijklmnopqrstuvwxyz');
    expect(charsAfterPrefix(String.raw`ghp_[\w]{36}`, '', 4)).toBeUndefined();
    expect(charsAfterPrefix(String.raw`ghp_[^"]{36}`, '', 4)).toBeUndefined();
  });
  it('says nothing where it cannot tell: a quantifier, a group, an optional item, Unicode case folding', () => {
    expect(charsAfterPrefix(String.raw`ab?cd`, '', 2)).toBeUndefined();
    expect(charsAfterPrefix(String.raw`sk_(?:live|test)_x`, '', 3)).toBeUndefined();
    expect(charsAfterPrefix(String.raw`abc[de]?f`, '', 3)).toBeUndefined();
    expect(charsAfterPrefix(String.raw`abc[de]`, 'iu', 3)).toBeUndefined();
  });
  it('every character it names is the one a real match has there, for every format and keyword', () => {
    let read = 0;
    for (const f of TOKEN_FORMATS) {
      if (!FAKE_FORMAT_IDS.includes(f.id)) continue;
      const token = fakeToken(f.id, 5);
      const m = new RegExp(f.pattern.source, f.pattern.flags.replace(/[gy]/g, '')).exec(token);
      if (!m) continue;
      const match = m[0].toLowerCase();
      for (const k of f.keywords) {
        for (let at = match.indexOf(k); at >= 0; at = match.indexOf(k, at + 1)) {
          const chars = charsAfterPrefix(f.pattern.source, f.pattern.flags, at + k.length);
          if (chars === undefined || at + k.length >= match.length) continue;
          read++;
          expect(chars, `${f.id} ${k} at ${at}`).toContain(match[at + k.length]);
        }
      }
    }
    expect(read).toBeGreaterThan(30);
  });
});
