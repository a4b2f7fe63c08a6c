/**
 * The codemod on a file holding thousands of secrets: every step that used to do work per secret over the whole
 * file (edits, the dry-run diff, masking, env names, `.env` appends) is held here to what the simple version
 * computes, and the end-to-end run to its result. (How long it takes is measured in the bench, not here.)
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { applyPatch, createTwoFilesPatch } from 'diff';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../codemods/plan.js';
import { filePatch, maskAll } from '../../codemods/run.js';
import { redact } from '../../src/detect/redact.js';
import { chooseEnvName, mergeDotEnv, mergeEnvExample } from '../../src/env/index.js';
import { fakeToken, mulberry32 } from '../support/fake-tokens.js';
import { cli, gitCommitAll, makeRepo, removeRepos } from './helpers.js';

afterAll(removeRepos);

describe('applyEdits', () => {
  /** The definition: apply the edits from the last offset to the first, one slice at a time. */
  const reference = (source: string, edits: { start: number; end: number; text: string }[]): string => {
    let out = source;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  };

  it('gives what applying the edits one by one from the end gives (insertions at one offset included)', () => {
    const rand = mulberry32(5);
    let compared = 0;
    for (let round = 0; round < 4_000; round++) {
      const source = 'abcdefghijklmnopqrstuvwxyz'.slice(0, 5 + Math.floor(rand() * 20));
      // non-overlapping edits, some empty (insertions), some sharing a start with an insertion
      const edits: { start: number; end: number; text: string }[] = [];
      let at = 0;
      while (at < source.length && edits.length < 6) {
        const start = at + Math.floor(rand() * 3);
        if (start > source.length) break;
        if (rand() < 0.3) edits.push({ start, end: start, text: `<${edits.length}>` });
        const end = Math.min(source.length, start + Math.floor(rand() * 3));
        edits.push({ start, end, text: `[${edits.length}]` });
        at = end + (end === start ? 1 : 0);
      }
      // the overlap check is unchanged: compare wherever it accepts the edits
      let actual: string;
      try {
        actual = applyEdits(source, edits);
      } catch {
        continue;
      }
      compared++;
      expect(actual, JSON.stringify(edits)).toBe(reference(source, edits));
    }
    expect(compared).toBeGreaterThan(1_000);
  });
});

describe('the dry-run diff', () => {
  it('is the minimal diff for ordinary changes', () => {
    const before = 'a\nb\nc\nd\n';
    const after = 'a\nB\nc\nd\n';
    expect(filePatch('a/x', 'b/x', before, after)).toBe(createTwoFilesPatch('a/x', 'b/x', before, after, '', '', { context: 0 }));
  });

  it.each([
    ['with', '\n'],
    ['without', ''],
  ])('past 2,000 changed lines is one hunk that still applies (%s a final newline)', (_, end) => {
    const before = Array.from({ length: 3_000 }, (_, i) => `line ${i}`).join('\n') + end;
    const after = Array.from({ length: 3_000 }, (_, i) => `LINE ${i}`).join('\n') + end;
    const patch = filePatch('a/x', 'b/x', before, after);
    expect(patch.match(/^@@/gm)).toHaveLength(1);
    expect(applyPatch(before, patch)).toBe(after);
  });
});

describe('masking many values', () => {
  it('masks every value in one pass as one replace per value does', () => {
    const rand = mulberry32(9);
    const values = Array.from({ length: 40 }, (_, i) => fakeToken('github-classic-pat', 500 + i));
    const secrets = new Map(values.map((v) => [v, 'ghp_'] as const));
    let text = '';
    for (let i = 0; i < 400; i++) text += rand() < 0.5 ? `${values[Math.floor(rand() * values.length)]}\n` : `-const x${i} = 1;\n`;
    let expected = text;
    for (const v of [...values].sort((a, b) => b.length - a.length)) expected = expected.split(v).join(redact(v, 'ghp_'));
    const masked = maskAll(text, secrets);
    expect(masked).toBe(expected);
    for (const v of values) expect(masked).not.toContain(v.slice(4));
  });
});

describe('env names and appends for thousands of values', () => {
  it('numbers one name for 1,000 values, skipping names .env holds for other values', () => {
    const existing = new Map([
      ['API_TOKEN_2', 'another value'],
      ['API_TOKEN_5', 'yet another'],
    ]);
    const taken = new Set<string>();
    const resume = new Map<string, number>();
    const names: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      const name = chooseEnvName('API_TOKEN', `value ${i}`, existing, taken, resume);
      taken.add(name);
      names.push(name);
    }
    expect(names.slice(0, 5)).toEqual(['API_TOKEN', 'API_TOKEN_3', 'API_TOKEN_4', 'API_TOKEN_6', 'API_TOKEN_7']);
    expect(new Set(names).size).toBe(1_000);
    for (const n of names) expect(existing.has(n)).toBe(false);
  });

  it('appends 3,000 entries to .env and .env.example that parse back exactly, existing lines untouched', () => {
    const original = '# existing\nKEEP=1\nQUOTED="a b"\n';
    const entries = Array.from({ length: 3_000 }, (_, i) => ({ name: `TOKEN_${i}`, value: i % 3 === 0 ? `v a l ${i}` : `v${i}#x`, comment: i % 2 ? 'GitHub' : 'Slack' }));
    const env = mergeDotEnv(original, entries);
    expect(env.text.startsWith(original)).toBe(true);
    const parsed = parse(env.text);
    expect(parsed['KEEP']).toBe('1');
    expect(parsed['QUOTED']).toBe('a b');
    for (const e of entries) expect(parsed[e.name]).toBe(e.value);
    const example = mergeEnvExample(original, entries);
    expect(Object.keys(parse(example.text))).toHaveLength(3_002);
  });

  it('still appends safely after a line the new ones could change the reading of', () => {
    // an unterminated single quote: the line chosen alone for `#x` (`NEW='#x'`) would close it and be swallowed
    // into OPEN, so the one-go result fails its check and each entry is verified in place
    const original = "OPEN='line one\n";
    const before = parse(original);
    expect(parse(`${original}NEW='#x'\n`)).toEqual({ OPEN: 'line one\nNEW=' });
    const env = mergeDotEnv(original, [
      { name: 'NEW', value: '#x' },
      { name: 'PLAIN', value: 'y' },
    ]);
    expect(env.text.startsWith(original)).toBe(true);
    const parsed = parse(env.text);
    for (const [k, v] of Object.entries(before)) expect(parsed[k]).toBe(v);
    expect(parsed['NEW']).toBe('#x');
    expect(parsed['PLAIN']).toBe('y');
  });
});

describe('the codemod on one template holding 3,000 tokens', () => {
  it('moves every one, writes .env entries that parse back, and its dry-run diff shows none', async () => {
    const tokens = Array.from({ length: 3_000 }, (_, i) => fakeToken('github-classic-pat', 1_000 + i));
    const dir = await makeRepo({ 'src/tokens.ts': `export const all = \`\n${tokens.join('\n')}\n\`;\n` });
    await gitCommitAll(dir);
    const dry = await cli('--root', dir, '--dry-run');
    expect(dry.code).toBe(0);
    for (const t of tokens.slice(0, 200)) expect(dry.out).not.toContain(t.slice(4));
    const run = await cli('--root', dir);
    expect(run.code).toBe(0);
    const source = await readFile(join(dir, 'src/tokens.ts'), 'utf8');
    for (const t of tokens.slice(0, 200)) expect(source).not.toContain(t);
    expect(source.match(/process\.env\.GITHUB_TOKEN/g)).toHaveLength(3_000);
    const env = parse(await readFile(join(dir, '.env'), 'utf8'));
    expect(new Set(Object.values(env))).toEqual(new Set(tokens));
  }, 60_000);
});
