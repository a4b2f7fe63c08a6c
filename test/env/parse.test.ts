import { describe, expect, it } from 'vitest';
import { chooseEnvName, detectEol, envNames, isValidEnvName, parseEnvText } from '../../src/env/index.js';

describe('parseEnvText', () => {
  it('uses dotenv semantics: export, quotes, comments, CRLF, empty values', () => {
    const text = [
      '# a comment',
      'export EXPORTED=1',
      'PLAIN=two # trailing comment',
      "SINGLE='single # kept'",
      'DOUBLE="line\\nbreak"',
      'BACKTICK=`it\'s "both"`',
      'EMPTY=',
      '  SPACED = padded  ',
      '',
    ].join('\r\n');
    const map = parseEnvText(text);
    expect([...map.entries()]).toEqual([
      ['EXPORTED', '1'],
      ['PLAIN', 'two'],
      ['SINGLE', 'single # kept'],
      ['DOUBLE', 'line\nbreak'],
      ['BACKTICK', 'it\'s "both"'],
      ['EMPTY', ''],
      ['SPACED', 'padded'],
    ]);
  });

  it('later duplicates win, as in dotenv', () => {
    expect(parseEnvText('A=1\nA=2\n').get('A')).toBe('2');
  });

  it('returns an empty map for empty text', () => {
    expect(parseEnvText('').size).toBe(0);
  });
});

describe('envNames', () => {
  it('counts export lines, empty values and colon syntax; ignores comments', () => {
    const names = envNames('export A=\nB=\n# C=commented\nD: x\n\nE="multi\nF=inside"\n');
    expect([...names].sort()).toEqual(['A', 'B', 'D', 'E']);
  });

  it('accepts undefined (missing file)', () => {
    expect(envNames(undefined).size).toBe(0);
  });
});

describe('detectEol', () => {
  it('detects CRLF from the first line break, LF otherwise', () => {
    expect(detectEol('A=1\r\nB=2\r\n')).toBe('\r\n');
    expect(detectEol('A=1\nB=2\r\n')).toBe('\n');
    expect(detectEol('A=1')).toBe('\n');
    expect(detectEol(undefined)).toBe('\n');
  });
});

describe('isValidEnvName', () => {
  it('follows the dotenv key grammar', () => {
    expect(isValidEnvName('STRIPE_SECRET_KEY')).toBe(true);
    expect(isValidEnvName('a.b-c')).toBe(true);
    expect(isValidEnvName('')).toBe(false);
    expect(isValidEnvName('A B')).toBe(false);
    expect(isValidEnvName('A=B')).toBe(false);
  });
});

describe('chooseEnvName', () => {
  const existing = new Map([
    ['API_KEY', 'value one'],
    ['API_KEY_2', 'value two'],
    ['TOKEN', 'same value'],
  ]);

  it('returns the base name when it is free', () => {
    expect(chooseEnvName('FRESH', 'x', existing, new Set())).toBe('FRESH');
  });

  it('returns the base name when .env already holds the same value', () => {
    expect(chooseEnvName('TOKEN', 'same value', existing, new Set())).toBe('TOKEN');
    expect(chooseEnvName('TOKEN', 'same value', existing, new Set(['TOKEN']))).toBe('TOKEN');
  });

  it('skips names holding different values', () => {
    expect(chooseEnvName('API_KEY', 'value three', existing, new Set())).toBe('API_KEY_3');
    expect(chooseEnvName('TOKEN', 'other value', existing, new Set())).toBe('TOKEN_2');
  });

  it('reuses a suffixed name that holds the same value', () => {
    expect(chooseEnvName('API_KEY', 'value two', existing, new Set())).toBe('API_KEY_2');
  });

  it('skips names taken in this run', () => {
    expect(chooseEnvName('FRESH', 'x', existing, new Set(['FRESH', 'FRESH_2']))).toBe('FRESH_3');
  });

  it('never returns a name holding a different value', () => {
    for (const value of ['value one', 'value two', 'same value', 'new']) {
      const name = chooseEnvName('API_KEY', value, existing, new Set(['API_KEY_3']));
      expect(!existing.has(name) || existing.get(name) === value).toBe(true);
    }
  });
});
