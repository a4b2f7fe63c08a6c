/**
 * `.env` values read by both loaders the docs name: dotenv (`dotenv/config`, `ntn`) and Node's own `--env-file`
 * (`util.parseEnv` is the same parser). Node 20's loader drops every raw CR, expands only `\n` in double quotes (a
 * `\r` stays a backslash and an `r`), and ends a quoted value at its first closing quote; a value is written only in
 * a form both read back exactly, so a value holding a CR is never written (it stays in the code, for a manual edit).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv as nodeParseEnv } from 'node:util';
import { parse } from 'dotenv';
import { afterAll, describe, expect, it } from 'vitest';
import { canEncodeEnvValue, encodeEnvValue, EnvValueEncodingError, mergeDotEnv } from '../../src/env/index.js';

const dir = mkdtempSync(join(tmpdir(), 'wa-node-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic values built from the characters the two loaders treat differently. */
function awkwardValues(count: number): string[] {
  let seed = 15001;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces = [' ', '#', '"', "'", '`', '$', '\\', '\n', '\r', '\r\n', '\\r', '\\n', 'n', 'r', 'a', '=', '\t', 'é', '😀', 'K=', '# c'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const len = Math.floor(rand() * 9);
    let value = '';
    for (let j = 0; j < len; j++) value += pieces[Math.floor(rand() * pieces.length)] ?? '';
    out.push(value);
  }
  return out;
}

describe('values both dotenv and node --env-file read back', () => {
  it('a value holding a carriage return (raw, CRLF, at either end, beside quotes) is never encodable', () => {
    for (const value of ['a\rb', 'a\r\nb', '\r', 'x\r', '\rx', '"a"\r\n', "it's\r", '-----BEGIN KEY-----\r\nAAAA\r\n-----END KEY-----\r\n']) {
      expect(canEncodeEnvValue(value), JSON.stringify(value)).toBe(false);
      expect(() => encodeEnvValue(value, 'CR_VALUE')).toThrow(EnvValueEncodingError);
      expect(() => mergeDotEnv('A=1\n', [{ name: 'CR_VALUE', value }])).toThrow(EnvValueEncodingError);
    }
  });

  it('a literal backslash-r is kept in single quotes, which neither loader decodes', () => {
    const value = 'a\\rb\\n';
    const encoded = encodeEnvValue(value);
    expect(encoded).toBe("'a\\rb\\n'");
    expect(parse(`K=${encoded}\n`)['K']).toBe(value);
    expect(nodeParseEnv(`K=${encoded}\n`)['K']).toBe(value);
  });

  it('property: every encodable value reads back exactly through dotenv and util.parseEnv, alone and in a merged file', () => {
    let encodable = 0;
    for (const value of awkwardValues(3000)) {
      if (!canEncodeEnvValue(value)) {
        // only a CR, or quote kinds mixed so that no quoted form holds them whole
        const kinds = ['"', "'", '`'].filter((q) => value.includes(q)).length;
        expect(value.includes('\r') || kinds >= 2, JSON.stringify(value)).toBe(true);
        continue;
      }
      encodable++;
      const line = `K=${encodeEnvValue(value)}\n`;
      expect(parse(line)['K'], JSON.stringify(value)).toBe(value);
      expect(nodeParseEnv(line)['K'], JSON.stringify(value)).toBe(value);
      for (const base of ['', 'A=1\n', 'A=1\r\nB="two"\r\n', "# c\nQ='x\ny'\n"]) {
        const merged = mergeDotEnv(base, [{ name: 'BEFORE', value: 'x y', comment: 'P' }, { name: 'V', value, comment: 'P' }]).text;
        expect(parse(merged)['V'], JSON.stringify({ value, base })).toBe(value);
        expect(nodeParseEnv(merged)['V'], JSON.stringify({ value, base })).toBe(value);
      }
    }
    expect(encodable).toBeGreaterThan(1000);
  });

  it('node --env-file itself reads a merged file as util.parseEnv does (one child process)', () => {
    const values = awkwardValues(400).filter(canEncodeEnvValue);
    const merged = mergeDotEnv(undefined, values.map((value, i) => ({ name: `V_${i}`, value }))).text;
    const file = join(dir, '.env');
    writeFileSync(file, merged);
    const script = `process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('V_')))))`;
    const seen = JSON.parse(execFileSync(process.execPath, [`--env-file=${file}`, '-e', script], { env: { PATH: process.env['PATH'] ?? '' }, encoding: 'utf8' })) as Record<string, string>;
    const want = Object.fromEntries(values.map((value, i) => [`V_${i}`, value]));
    const diff = Object.keys(want).filter((k) => seen[k] !== want[k]).map((k) => JSON.stringify([want[k], seen[k], nodeParseEnv(merged)[k]]));
    expect(diff).toEqual([]);
  });
});
