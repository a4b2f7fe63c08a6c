import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { envNames, mergeEnvExample } from '../../src/env/index.js';

describe('mergeEnvExample', () => {
  it('creates text for a missing file, grouped by comment', () => {
    const r = mergeEnvExample(undefined, [
      { name: 'STRIPE_SECRET_KEY', comment: 'Stripe' },
      { name: 'GITHUB_TOKEN', comment: 'GitHub' },
      { name: 'STRIPE_WEBHOOK_SECRET', comment: 'Stripe' },
      { name: 'PLAIN' },
    ]);
    expect(r.text).toBe(
      'PLAIN=\n\n# Stripe\nSTRIPE_SECRET_KEY=\nSTRIPE_WEBHOOK_SECRET=\n\n# GitHub\nGITHUB_TOKEN=\n',
    );
    expect(r.added).toEqual(['PLAIN', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'GITHUB_TOKEN']);
  });

  it('keeps existing lines, comments, order and export lines byte for byte', () => {
    const original = '# App settings\nexport PORT=3000\n\n# Database\nDB_URL=\n  # indented comment\nB=\n';
    const r = mergeEnvExample(original, [
      { name: 'PORT', comment: 'App' },
      { name: 'DB_URL' },
      { name: 'NEW_KEY', comment: 'Provider' },
    ]);
    expect(r.text.startsWith(original)).toBe(true);
    expect(r.text.slice(original.length)).toBe('\n# Provider\nNEW_KEY=\n');
    expect(r.added).toEqual(['NEW_KEY']);
  });

  it('treats `export KEY=` lines as present', () => {
    const original = 'export API_KEY=\n';
    const r = mergeEnvExample(original, [{ name: 'API_KEY', comment: 'X' }]);
    expect(r.text).toBe(original);
    expect(r.added).toEqual([]);
  });

  it('returns the identical string when nothing is added', () => {
    const original = 'A=\r\nB=\r\n';
    const r = mergeEnvExample(original, [{ name: 'A' }, { name: 'B', comment: 'c' }]);
    expect(r.text).toBe(original);
    expect(r.added).toEqual([]);
    expect(mergeEnvExample(undefined, []).text).toBe('');
  });

  it('is idempotent: merging twice equals merging once', () => {
    const entries = [
      { name: 'A', comment: 'One' },
      { name: 'B', comment: 'Two' },
      { name: 'A', comment: 'One' },
    ];
    const once = mergeEnvExample('X=\n', entries);
    const twice = mergeEnvExample(once.text, entries);
    expect(twice.text).toBe(once.text);
    expect(twice.added).toEqual([]);
    expect(once.text.match(/^A=/gm)).toHaveLength(1);
  });

  it('preserves CRLF line endings', () => {
    const r = mergeEnvExample('# head\r\nA=\r\n', [{ name: 'B', comment: 'Provider' }]);
    expect(r.text).toBe('# head\r\nA=\r\n\r\n# Provider\r\nB=\r\n');
    expect(r.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('adds a line break when the file lacks a trailing one', () => {
    expect(mergeEnvExample('A=', [{ name: 'B' }]).text).toBe('A=\nB=\n');
    expect(mergeEnvExample('A=\r\nC=', [{ name: 'B' }]).text).toBe('A=\r\nC=\r\nB=\r\n');
    expect(mergeEnvExample('A=', [{ name: 'B', comment: 'P' }]).text).toBe('A=\n\n# P\nB=\n');
  });

  it('does not add a second blank line when the file already ends with one', () => {
    expect(mergeEnvExample('A=\n\n', [{ name: 'B', comment: 'P' }]).text).toBe('A=\n\n# P\nB=\n');
  });

  it('appends under the trailing group when its comment matches (no duplicate header)', () => {
    const first = mergeEnvExample('A=\n', [{ name: 'S1', comment: 'Stripe' }]);
    const second = mergeEnvExample(first.text, [{ name: 'S2', comment: 'Stripe' }]);
    expect(second.text).toBe('A=\n\n# Stripe\nS1=\nS2=\n');
  });

  it('never writes a value and always yields empty entries dotenv can read', () => {
    const r = mergeEnvExample('EXISTING=default\n', [{ name: 'NEW', comment: 'multi\nline comment' }]);
    expect(r.text).toBe('EXISTING=default\n\n# multi line comment\nNEW=\n');
    expect(parse(r.text)).toEqual({ EXISTING: 'default', NEW: '' });
    expect(envNames(r.text)).toEqual(new Set(['EXISTING', 'NEW']));
  });

  it('rejects invalid names', () => {
    expect(() => mergeEnvExample('', [{ name: 'BAD NAME' }])).toThrow(/Invalid environment variable name/);
  });

  it('refuses to append when that would change how an existing line parses', () => {
    // An unterminated quote followed by our comment containing the same quote would swallow the new lines.
    expect(() => mergeEnvExample('A="open\n', [{ name: 'B', comment: 'say " # hi' }])).toThrow(/Cannot add B/);
  });
});
