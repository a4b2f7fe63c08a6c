/**
 * No pattern can backtrack catastrophically: every regular expression of our code (provider data included) is
 * judged safe by recheck. Patterns are collected from the data and from regex literals in the sources.
 */
import { readFileSync } from 'node:fs';
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';
import { check } from 'recheck';
import { globSync } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_FORMATS } from '../src/detect/providers.js';

interface Pattern {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function literalPatterns(): Pattern[] {
  const out: Pattern[] = [];
  const root = new URL('..', import.meta.url).pathname;
  for (const file of globSync(['src/**/*.ts', 'rules/**/*.ts', 'codemods/**/*.ts'], { cwd: root })) {
    const text = readFileSync(`${root}/${file}`, 'utf8');
    const ast = parse(text, { loc: true, range: true });
    simpleTraverse(ast, {
      enter(node) {
        if (node.type === 'Literal' && 'regex' in node && node.regex) {
          out.push({ where: `${file}:${node.loc.start.line}`, source: node.regex.pattern, flags: node.regex.flags });
        }
      },
    });
  }
  return out;
}

const patterns: Pattern[] = [
  ...TOKEN_FORMATS.map((f) => ({ where: `providers.ts ${f.id}`, source: f.pattern.source, flags: f.pattern.flags })),
  ...literalPatterns(),
];

/** A lookaround over one character (class) only filters where a match may start or end: O(1), no backtracking. */
const SINGLE_CHAR_LOOKAROUND = /\(\?<?[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()[\]\\])\)/g;

/**
 * recheck's exact (automaton) checker does not support lookarounds, and its fuzz checker is a heuristic whose
 * verdict can vary between runs. Where every lookaround is over a single character, removing them gives a pattern
 * that backtracks at least as much as the original, so the automaton's verdict on it holds for the original.
 * Where the automaton does not apply or takes too long, the fuzz checker decides, seeded so it is repeatable.
 */
async function judge(p: Pattern): Promise<{ status: string; detail: string }> {
  const stripped = p.source.replace(SINGLE_CHAR_LOOKAROUND, '');
  if (!/\(\?<?[!=]/.test(stripped)) {
    const exact = await check(stripped, p.flags, { checker: 'automaton', timeout: 3_000 });
    if (exact.status !== 'unknown') return { status: exact.status, detail: `automaton on ${stripped}: ${JSON.stringify('complexity' in exact ? exact.complexity : exact)}` };
  }
  const fuzz = await check(p.source, p.flags, { checker: 'fuzz', timeout: 30_000, randomSeed: 42 });
  return { status: fuzz.status, detail: `fuzz: ${JSON.stringify('complexity' in fuzz ? fuzz.complexity : fuzz)}` };
}

const verdicts = new Map<Pattern, { status: string; detail: string }>();

beforeAll(async () => {
  const queue = [...patterns];
  const worker = async (): Promise<void> => {
    for (let p = queue.shift(); p; p = queue.shift()) verdicts.set(p, await judge(p));
  };
  await Promise.all(Array.from({ length: 2 }, worker));
}, 600_000);

describe('regular expressions', () => {
  it('collects the patterns of the data and of every source file', () => {
    expect(patterns.length).toBeGreaterThan(TOKEN_FORMATS.length + 20);
  });
  it.each(patterns.map((p) => [p.where, p] as const))('%s is safe from catastrophic backtracking', (_where, p) => {
    const verdict = verdicts.get(p);
    expect(verdict?.status, `${p.source} → ${verdict?.detail}`).toBe('safe');
  });
});
