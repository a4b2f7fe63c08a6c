import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ignore from 'ignore';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureGitignore, gitignoreVerdicts } from '../../src/env/index.js';
import { checkEnvFiles } from '../../src/env/project.js';

function isFine(text: string): boolean {
  const ig = ignore().add(text);
  return ['.env', '.env.local', '.env.production'].every((p) => ig.ignores(p)) && !ig.ignores('.env.example');
}

function appended(original: string, text: string): string[] {
  expect(text.startsWith(original)).toBe(true);
  return text.slice(original.length).split(/\r?\n/).filter((l) => l !== '' && !l.startsWith('#'));
}

describe('ensureGitignore', () => {
  it('creates rules for a missing file', () => {
    const r = ensureGitignore(undefined);
    expect(r.changed).toBe(true);
    expect(r.reason).toMatch(/no \.gitignore/);
    expect(appended('', r.text)).toEqual(['.env', '.env.*', '!.env.example']);
    expect(r.text.split('\n')[0]).toMatch(/^# /);
    expect(isFine(r.text)).toBe(true);
  });

  it('leaves a correct file untouched (identical string)', () => {
    for (const text of ['node_modules\n.env\n.env.*\n!.env.example\n', '.env*\n!.env.example', '.env\n.env.local\n.env.production\n']) {
      const r = ensureGitignore(text);
      expect(r).toEqual({ text, changed: false });
    }
  });

  it('appends to an unrelated file, keeping its lines, with a blank line and a comment', () => {
    const original = 'node_modules/\ndist\n';
    const r = ensureGitignore(original);
    expect(r.text).toMatch(/^node_modules\/\ndist\n\n# [^\n]+\n\.env\n\.env\.\*\n!\.env\.example\n$/);
    expect(isFine(r.text)).toBe(true);
  });

  it('already ignored via `.env*`: only re-includes .env.example', () => {
    const original = '.env*\n';
    const r = ensureGitignore(original);
    expect(appended(original, r.text)).toEqual(['!.env.example']);
    expect(r.reason).toMatch(/\.env\.example was ignored/);
    expect(isFine(r.text)).toBe(true);
  });

  it('only .env ignored: adds .env.* and !.env.example', () => {
    const original = '.env\n';
    const r = ensureGitignore(original);
    expect(appended(original, r.text)).toEqual(['.env.*', '!.env.example']);
    expect(isFine(r.text)).toBe(true);
  });

  it('handles a file that negates .env', () => {
    const original = '.env*\n!.env\n!.env.example\n';
    const r = ensureGitignore(original);
    expect(r.changed).toBe(true);
    expect(appended(original, r.text)).toEqual(['.env']);
    expect(isFine(r.text)).toBe(true);
  });

  it('handles a file that ignores .env.example explicitly', () => {
    const original = '.env\n.env.*\n.env.example\n';
    const r = ensureGitignore(original);
    expect(appended(original, r.text)).toEqual(['!.env.example']);
    expect(isFine(r.text)).toBe(true);
  });

  it('treats `.env/` (directory only) as not ignoring the .env file', () => {
    const r = ensureGitignore('.env/\n');
    expect(appended('.env/\n', r.text)).toEqual(['.env', '.env.*', '!.env.example']);
  });

  it('preserves CRLF and a missing trailing line break', () => {
    const original = 'node_modules\r\ndist';
    const r = ensureGitignore(original);
    expect(r.text.startsWith(`${original}\r\n\r\n# `)).toBe(true);
    expect(r.text.endsWith('.env\r\n.env.*\r\n!.env.example\r\n')).toBe(true);
    expect(r.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(isFine(r.text)).toBe(true);
  });

  it('is idempotent', () => {
    const once = ensureGitignore('dist\n');
    const twice = ensureGitignore(once.text);
    expect(twice).toEqual({ text: once.text, changed: false });
  });
});

// git matches `.gitignore` rules case-sensitively unless `core.ignorecase` is true (the default on Linux is false;
// `git init` sets it on a case-insensitive file system). The `ignore` package folds case by default.
describe('letter case, as git reads it', () => {
  const bothFine = (text: string): boolean =>
    [false, true].every((ignorecase) => {
      const ig = ignore({ ignorecase }).add(text);
      return ['.env', '.env.local', '.env.production'].every((p) => ig.ignores(p)) && !ig.ignores('.env.example');
    });

  it('`.ENV` does not ignore `.env` on Linux: `.env` is added', () => {
    const original = 'node_modules/\n.ENV\n';
    const r = ensureGitignore(original);
    expect(appended(original, r.text)).toEqual(['.env', '.env.*', '!.env.example']);
    expect(r.reason).toMatch(/\.env was not ignored/);
    expect(bothFine(r.text)).toBe(true);
  });

  it('`.env` then `!.ENV` re-includes `.env` where case folds (macOS, Windows): `.env` is added again', () => {
    const original = '.env\n.env.*\n!.env.example\n!.ENV\n';
    const r = ensureGitignore(original);
    expect(appended(original, r.text)).toEqual(['.env']);
    expect(bothFine(r.text)).toBe(true);
  });

  it('`!.ENV.EXAMPLE` keeps `.env.example` ignored on Linux: `!.env.example` is added', () => {
    const original = '.env\n.env.*\n!.ENV.EXAMPLE\n';
    const r = ensureGitignore(original);
    expect(appended(original, r.text)).toEqual(['!.env.example']);
    expect(bothFine(r.text)).toBe(true);
  });

  it('`.ENV.*` ignores `.env.local` only where case folds: `.env.*` is added', () => {
    const original = '.env\n.ENV.*\n';
    const r = ensureGitignore(original);
    expect(appended(original, r.text)).toEqual(['.env.*', '!.env.example']);
    expect(bothFine(r.text)).toBe(true);
  });

  it('gitignoreVerdicts: ignored under both readings, unignored under neither', () => {
    const v = gitignoreVerdicts('.ENV\n');
    expect([v.ignored('.env'), v.unignored('.env')]).toEqual([false, false]);
    const w = gitignoreVerdicts('.env\n');
    expect([w.ignored('.env'), w.unignored('.env'), w.unignored('.env.local')]).toEqual([true, false, true]);
  });

  describe('checkEnvFiles outside git', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wa-gitignore-case-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports a `.env` that only a `.ENV` line covers as not ignored', () => {
      writeFileSync(join(dir, '.env'), 'A=1\n');
      writeFileSync(join(dir, '.gitignore'), '.ENV\n');
      expect(checkEnvFiles(dir, { checkExampleSecrets: false })).toEqual([{ problem: 'not-ignored', file: '.env' }]);
      writeFileSync(join(dir, '.gitignore'), '.ENV\n.env\n');
      expect(checkEnvFiles(dir, { checkExampleSecrets: false })).toEqual([]);
    });
  });
});
