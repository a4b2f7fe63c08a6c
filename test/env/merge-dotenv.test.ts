import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import {
  canEncodeEnvValue,
  encodeEnvValue,
  EnvValueEncodingError,
  mergeDotEnv,
  parseEnvText,
} from '../../src/env/index.js';

/** Values holding a CR: no `.env` form carries one to both dotenv and `node --env-file` (test/env/node-env-file.test.ts). */
const WITH_CR = ['crlf\r\nvalue', 'lone\rcarriage', "a'\r"];

const AWKWARD = [
  'value with spaces # and "quotes"',
  "single 'quoted' value",
  'back`tick',
  'dollar $HOME and ${OTHER} and $(cmd)',
  'back\\slash and \\n literal and \\r too',
  'trailing backslash\\',
  'line one\nline two',
  '  leading and trailing spaces  ',
  '\ttab',
  '#starts with hash',
  '"fully double quoted"',
  "'fully single quoted'",
  '`fully backticked`',
  'mixed \' and " in one',
  'mixed \' and ` in one',
  'mixed " and ` in one',
  'all three \' " ` quotes',
  'equals=inside=value',
  'export NOT_A_KEY=1',
  'KEY=looks like a line\nOTHER=too',
  'unicode é ü 漢字 😀',
  '',
  ' ',
  '=',
  '\\',
  '"',
  "'",
  '`',
  'a"\n',
  '\n',
  '\\\nafter backslash-newline',
];

describe('encodeEnvValue', () => {
  it('leaves shell-safe values unquoted and prefers single quotes', () => {
    expect(encodeEnvValue('simple-value_1.2/x:y@z')).toBe('simple-value_1.2/x:y@z');
    expect(encodeEnvValue('')).toBe('');
    expect(encodeEnvValue('value with spaces # and "quotes"')).toBe('\'value with spaces # and "quotes"\'');
    expect(encodeEnvValue('$HOME')).toBe("'$HOME'");
  });

  it('uses double quotes with escapes for line breaks and single quotes', () => {
    expect(encodeEnvValue('a\nb')).toBe('"a\\nb"');
    expect(encodeEnvValue("it's")).toBe('"it\'s"');
  });

  it('refuses every value holding a CR (dotenv decodes `\\r`, node --env-file does not)', () => {
    for (const value of [...WITH_CR, 'a\r\nb']) {
      expect(canEncodeEnvValue(value), JSON.stringify(value)).toBe(false);
      expect(() => encodeEnvValue(value, 'CR_KEY')).toThrow(EnvValueEncodingError);
    }
  });

  it('uses backticks when a value has both single and double quotes', () => {
    expect(encodeEnvValue('it\'s "x" # y')).toBe('`it\'s "x" # y`');
  });

  it('round-trips every awkward value in isolation', () => {
    for (const value of AWKWARD) {
      expect(canEncodeEnvValue(value), JSON.stringify(value)).toBe(true);
      expect(parse(`K=${encodeEnvValue(value)}`)['K'], JSON.stringify(value)).toBe(value);
    }
  });

  it('throws an error naming the key but not the value when impossible', () => {
    const value = 'has \' and " and ` and # hash';
    expect(canEncodeEnvValue(value)).toBe(false);
    let error: unknown;
    try {
      encodeEnvValue(value, 'MY_KEY');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvValueEncodingError);
    expect((error as EnvValueEncodingError).envName).toBe('MY_KEY');
    expect((error as Error).message).toContain('MY_KEY');
    expect((error as Error).message).not.toContain(value);
    expect((error as Error).message).not.toContain('hash');
  });
});

describe('mergeDotEnv', () => {
  it('creates a file for missing text, grouped by comment', () => {
    const r = mergeDotEnv(undefined, [
      { name: 'A_KEY', value: 'plain', comment: 'Provider A' },
      { name: 'B_KEY', value: 'value with spaces # and "quotes"', comment: 'Provider B' },
      { name: 'A_OTHER', value: 'x y', comment: 'Provider A' },
    ]);
    expect(r.text).toBe(
      "# Provider A\nA_KEY=plain\nA_OTHER='x y'\n\n# Provider B\nB_KEY='value with spaces # and \"quotes\"'\n",
    );
    expect(r.added).toEqual(['A_KEY', 'A_OTHER', 'B_KEY']);
    expect(r.kept).toEqual([]);
  });

  it('never overwrites an existing key and reports it with sameValue', () => {
    const original = '# mine\nexport SAME=one\nDIFF="old value"\n';
    const r = mergeDotEnv(original, [
      { name: 'SAME', value: 'one' },
      { name: 'DIFF', value: 'new value' },
      { name: 'NEW', value: 'fresh' },
    ]);
    expect(r.text).toBe(`${original}NEW=fresh\n`);
    expect(r.added).toEqual(['NEW']);
    expect(r.kept).toEqual([
      { name: 'SAME', sameValue: true },
      { name: 'DIFF', sameValue: false },
    ]);
    expect(parse(r.text)['DIFF']).toBe('old value');
  });

  it('returns the identical string when nothing is added', () => {
    const original = 'A=1\r\nB=2';
    const r = mergeDotEnv(original, [{ name: 'A', value: '1' }]);
    expect(r.text).toBe(original);
    expect(r.added).toEqual([]);
  });

  it('is idempotent', () => {
    const entries = AWKWARD.filter((v) => v !== '').map((value, i) => ({
      name: `K${i}`,
      value,
      comment: i % 2 ? 'Odd' : 'Even',
    }));
    const once = mergeDotEnv('EXISTING=1\n', entries);
    const twice = mergeDotEnv(once.text, entries);
    expect(twice.text).toBe(once.text);
    expect(twice.added).toEqual([]);
    expect(twice.kept.every((k) => k.sameValue)).toBe(true);
  });

  it('reports a repeated entry name as kept, compared with the value just added', () => {
    const r = mergeDotEnv('', [
      { name: 'A', value: 'x' },
      { name: 'A', value: 'x' },
      { name: 'A', value: 'y' },
    ]);
    expect(r.text).toBe('A=x\n');
    expect(r.kept).toEqual([
      { name: 'A', sameValue: true },
      { name: 'A', sameValue: false },
    ]);
  });

  it('preserves CRLF and handles a missing trailing line break', () => {
    const r = mergeDotEnv('A=1\r\nB=2', [{ name: 'C', value: 'multi\nline', comment: 'P' }]);
    expect(r.text).toBe('A=1\r\nB=2\r\n\r\n# P\r\nC="multi\\nline"\r\n');
    const lf = mergeDotEnv('A=1', [{ name: 'C', value: '3' }]);
    expect(lf.text).toBe('A=1\nC=3\n');
  });

  it('writes literal multi-line values with the file line ending when escapes are impossible', () => {
    const value = 'has "double" and \\n literal\nand a newline';
    const r = mergeDotEnv('A=1\r\n', [{ name: 'M', value }]);
    expect(r.text).toBe("A=1\r\nM='has \"double\" and \\n literal\r\nand a newline'\r\n");
    expect(parse(r.text)['M']).toBe(value);
  });

  it('picks a quoting that does not disturb a broken existing line', () => {
    // `A="open` is unterminated: a double-quoted value containing "#" after it would be swallowed into A.
    const original = 'A="open\n';
    const r = mergeDotEnv(original, [{ name: 'B', value: '#x' }]);
    expect(parse(r.text)).toEqual({ A: '"open', B: '#x' });
  });

  it('throws EnvValueEncodingError without the value for unrepresentable values', () => {
    // A raw CR needs double quotes (\r escape), which cannot hold `"` before a `#`.
    const value = 'carriage\rwith "double" # and tick';
    expect(() => mergeDotEnv('', [{ name: 'OK', value: 'fine' }, { name: 'BAD', value }])).toThrow(
      EnvValueEncodingError,
    );
    try {
      mergeDotEnv('', [{ name: 'BAD', value }]);
    } catch (e) {
      expect((e as Error).message).toContain('BAD');
      expect((e as Error).message).not.toContain('carriage');
      expect((e as Error).message).not.toContain('tick');
    }
  });

  it('rejects invalid names', () => {
    expect(() => mergeDotEnv('', [{ name: 'A=B', value: 'x' }])).toThrow(/Invalid environment variable name/);
  });

  it('round-trips all awkward values in one file, existing entries untouched', () => {
    const original = [
      '# existing',
      'export EXISTING="keep # me"',
      "MULTI='first",
      "second'",
      'EMPTY=',
      '',
    ].join('\n');
    const before = parseEnvText(original);
    const entries = AWKWARD.map((value, i) => ({ name: `AWK_${i}`, value, comment: `group ${i % 3}` }));
    const r = mergeDotEnv(original, entries);
    expect(r.text.startsWith(original)).toBe(true);
    const after = parse(r.text);
    for (const [k, v] of before) expect(after[k]).toBe(v);
    entries.forEach((e) => expect(after[e.name], JSON.stringify(e.value)).toBe(e.value));
    expect(Object.keys(after)).toHaveLength(before.size + entries.length);
  });

  it('property: random awkward values round-trip through dotenv parse (or are refused without leaking)', () => {
    // Deterministic PRNG (mulberry32) so failures are reproducible.
    let seed = 0x5eed;
    const rand = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = [' ', '#', '"', "'", '`', '$', '\\', '\n', '\r', '\r\n', 'n', 'r', 'a', '=', '\t', '{', '}',
      ':', 'é', '😀', 'export ', 'K=', '${X}', '\\n', '# c'];
    const bases = ['', 'A=1', 'A=1\n', 'A=1\r\nB="two"\r\n', "# c\nQ='x\ny'\n", 'U="unterminated\n'];
    let encoded = 0;
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const len = Math.floor(rand() * 10);
      let value = '';
      for (let j = 0; j < len; j++) value += pieces[Math.floor(rand() * pieces.length)] ?? '';
      const base = bases[i % bases.length] ?? '';
      const entries = [
        { name: 'BEFORE', value: 'value with spaces # and "quotes"', comment: 'P1' },
        { name: 'AWKWARD', value, comment: i % 2 ? 'P1' : 'P2' },
        { name: 'AFTER', value: "it's `x`", comment: 'P2' },
      ];
      if (!canEncodeEnvValue(value)) {
        refused++;
        // Only values mixing quote kinds, or holding a CR (no form carries one to both dotenv and
        // node --env-file), can be unrepresentable.
        const kinds = ['"', "'", '`'].filter((q) => value.includes(q)).length;
        expect(kinds >= 2 || value.includes('\r'), JSON.stringify(value)).toBe(true);
        let message = '';
        try {
          mergeDotEnv(base, entries);
        } catch (e) {
          expect(e).toBeInstanceOf(EnvValueEncodingError);
          message = (e as Error).message;
        }
        expect(message).toContain('AWKWARD');
        if (value.length >= 3) expect(message.includes(value)).toBe(false);
        continue;
      }
      encoded++;
      const r = mergeDotEnv(base, entries);
      const parsed = parse(r.text);
      expect(parsed['AWKWARD'], JSON.stringify({ value, base })).toBe(value);
      expect(parsed['BEFORE']).toBe('value with spaces # and "quotes"');
      expect(parsed['AFTER']).toBe("it's `x`");
      for (const [k, v] of parseEnvText(base)) expect(parsed[k]).toBe(v);
      expect(r.text.startsWith(base)).toBe(true);
      // Merging again is a no-op.
      expect(mergeDotEnv(r.text, entries).text).toBe(r.text);
    }
    // Most values are representable.
    expect(encoded).toBeGreaterThan(refused);
  });
});
