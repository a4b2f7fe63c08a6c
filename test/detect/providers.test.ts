import { describe, it, expect } from 'vitest';
import { FORMAT_BY_ID, TOKEN_FORMATS } from '../../src/detect/providers.js';
import type { TokenFormat } from '../../src/detect/types.js';
import { FAKE_FORMAT_IDS, CHARSETS, fakeGenericSecret, fakeToken, lookalike, randomString } from '../support/fake-tokens.js';

interface Hit {
  readonly match: string;
  readonly token: string;
  readonly index: number;
}

/** All matches of the format in `text`, as the engine sees them (pattern cloned with `g`). */
function hits(format: TokenFormat, text: string): Hit[] {
  const global = new RegExp(format.pattern.source, format.pattern.flags + 'g');
  return [...text.matchAll(global)].map((m) => ({ match: m[0], token: m.groups?.['token'] ?? m[0], index: m.index }));
}

/** Matches that also pass `validate`: what the engine would report. */
function accepted(format: TokenFormat, text: string): Hit[] {
  return hits(format, text).filter((h) => !format.validate || format.validate(h.token));
}

const SECRET_CLASSES = new Set(['secret', 'publishable', 'identifier']);
const STATUSES = new Set(['DOC', 'X2', 'PART', 'UNV']);

describe('TOKEN_FORMATS data', () => {
  it('has unique kebab-case ids and FORMAT_BY_ID indexes them all', () => {
    const ids = TOKEN_FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(FORMAT_BY_ID.size).toBe(TOKEN_FORMATS.length);
    for (const f of TOKEN_FORMATS) expect(FORMAT_BY_ID.get(f.id)).toBe(f);
  });

  it('covers at least 85 formats, at least 70 of them secrets', () => {
    expect(TOKEN_FORMATS.length).toBeGreaterThanOrEqual(85);
    expect(TOKEN_FORMATS.filter((f) => f.class === 'secret').length).toBeGreaterThanOrEqual(70);
  });

  it('recognises the publishable and identifier kinds named by the sheet', () => {
    const publishable = ['stripe-publishable-key', 'supabase-publishable-key', 'mapbox-public-token', 'square-application-id', 'mailgun-public-key', 'newrelic-browser-key', 'google-oauth-client-id'];
    for (const id of publishable) expect(FORMAT_BY_ID.get(id)?.class, id).toBe('publishable');
    for (const id of ['aws-access-key-id', 'aws-temporary-access-key-id', 'twilio-account-sid', 'twilio-api-key-sid']) {
      expect(FORMAT_BY_ID.get(id)?.class, id).toBe('identifier');
    }
  });

  it('has a single sk_live_ format (Stripe and Clerk share it)', () => {
    expect(TOKEN_FORMATS.filter((f) => f.keywords.includes('sk_live_')).map((f) => f.id)).toEqual(['stripe-secret-key']);
  });

  it('uses no g/y flag and no backreference', () => {
    for (const f of TOKEN_FORMATS) {
      expect(f.pattern.global, f.id).toBe(false);
      expect(f.pattern.sticky, f.id).toBe(false);
      expect(f.pattern.source, f.id).not.toMatch(/\\[1-9]|\\k</);
    }
  });

  it('has lower-case keywords, non-empty unless contextWords are set', () => {
    for (const f of TOKEN_FORMATS) {
      for (const k of f.keywords) {
        expect(k, f.id).toBe(k.toLowerCase());
        expect(k.length, f.id).toBeGreaterThan(0);
      }
      for (const w of f.contextWords ?? []) expect(w, f.id).toBe(w.toLowerCase());
      if (f.keywords.length === 0) expect(f.contextWords?.length ?? 0, f.id).toBeGreaterThan(0);
    }
  });

  it('has well-formed metadata', () => {
    for (const f of TOKEN_FORMATS) {
      expect(SECRET_CLASSES.has(f.class), f.id).toBe(true);
      expect(STATUSES.has(f.status), f.id).toBe(true);
      expect(f.ref, f.id).toBeGreaterThanOrEqual(1);
      expect(f.ref, f.id).toBeLessThanOrEqual(129);
      expect(f.provider.length, f.id).toBeGreaterThan(0);
      expect(f.kind.length, f.id).toBeGreaterThan(0);
      expect(f.envName, f.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
      if (f.rotateUrl) expect(f.rotateUrl, f.id).toMatch(/^https:\/\//);
    }
  });

  it('has a fake-token generator for every format', () => {
    const missing = TOKEN_FORMATS.map((f) => f.id).filter((id) => !FAKE_FORMAT_IDS.includes(id));
    expect(missing).toEqual([]);
  });
});

describe.each(TOKEN_FORMATS.map((f) => [f.id, f] as const))('%s', (_id, format) => {
  const tok = fakeToken(format.id);

  it('matches its fake token exactly and validates it', () => {
    for (const seed of [1, 2, 3]) {
      const t = fakeToken(format.id, seed);
      const found = hits(format, t);
      expect(found.length, t).toBe(1);
      const hit = found[0]!;
      expect(hit.index).toBe(0);
      expect(hit.match).toBe(t);
      expect(t.includes(hit.token)).toBe(true);
      if (format.validate) expect(format.validate(hit.token)).toBe(true);
      if (format.prefix) expect(hit.token.startsWith(format.prefix)).toBe(true);
    }
    expect(fakeToken(format.id, 1)).toBe(tok);
    expect(fakeToken(format.id, 2)).not.toBe(tok);
  });

  it('finds the token embedded in text', () => {
    for (const text of ['Bearer ' + tok, 'https://x.test/?k=' + tok + '&z=1', tok + '\n', '"' + tok + '"', 'x = ' + tok + ';']) {
      const found = accepted(format, text);
      expect(found.length, JSON.stringify(text)).toBe(1);
      expect(found[0]!.match).toBe(tok);
    }
  });

  it('rejects its look-alike', () => {
    const near = lookalike(format.id);
    expect(near).not.toBe(tok);
    expect(accepted(format, near)).toEqual([]);
    expect(accepted(format, 'Bearer ' + near + '\n')).toEqual([]);
  });

  it('contains one of its keywords (lower-cased)', () => {
    if (format.keywords.length === 0) return;
    const lowered = tok.toLowerCase();
    expect(format.keywords.some((k) => lowered.includes(k))).toBe(true);
  });

  it('does not match inside a longer word', () => {
    const lowered = tok.toLowerCase();
    const fixedStart = format.prefix !== undefined || format.keywords.some((k) => lowered.startsWith(k));
    for (const glue of ['abc', 'x_', '9']) {
      const found = hits(format, glue + tok);
      // A token with a fixed start must not be found at all; a prefix-less one may only match the whole longer word
      // (it is then a longer value of the same shape), never start inside it.
      if (fixedStart) expect(found, glue).toEqual([]);
      else expect(found.filter((h) => h.index > 0), glue).toEqual([]);
    }
  });
});

describe('pattern cost', () => {
  // Full ReDoS analysis (recheck) takes minutes for all patterns and is run by hand; this is a cheap guard against
  // patterns that blow up on long, hostile input made of their own prefix and body chars.
  it.each(TOKEN_FORMATS.map((f) => [f.id, f] as const))('%s stays fast on hostile input', (_id, format) => {
    const tok = fakeToken(format.id);
    const head = format.prefix ?? tok.slice(0, 8);
    const inputs = [
      (head + '-').repeat(2000),
      head + 'A'.repeat(20_000),
      (tok.slice(0, -1) + '.').repeat(100),
      'a'.repeat(20_000) + '\n' + '0'.repeat(20_000),
    ];
    const start = performance.now();
    for (const text of inputs) hits(format, text);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('fake-token helpers', () => {
  it('randomString is deterministic and stays in its charset', () => {
    const a = randomString(CHARSETS.hex, 50, 7);
    expect(a).toBe(randomString(CHARSETS.hex, 50, 7));
    expect(a).not.toBe(randomString(CHARSETS.hex, 50, 8));
    expect(a).toMatch(/^[0-9a-f]{50}$/);
  });

  it('fakeGenericSecret is a 32-40 char base62 string', () => {
    for (const seed of [1, 2, 3, 4, 5]) expect(fakeGenericSecret(seed)).toMatch(/^[A-Za-z0-9]{32,40}$/);
    expect(fakeGenericSecret(1)).toBe(fakeGenericSecret(1));
    expect(fakeGenericSecret(1)).not.toBe(fakeGenericSecret(2));
  });

  it('throws for an unknown format', () => {
    expect(() => fakeToken('no-such-format')).toThrow(/no generator/);
  });
});
