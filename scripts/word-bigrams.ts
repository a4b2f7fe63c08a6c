/**
 * Derives the word pairs of `WORD_PAIR` (src/detect/bigrams.ts, its `PAIRS` list): the letter pairs that make up
 * 99.5 % of the pairs inside the words of TypeScript's own declaration files (`node_modules/typescript/lib/*.d.ts`:
 * identifiers split at case changes, and the English of their comments). Names are made of such words; a random string re-cased past what
 * `looksRandom` reads has about half its pairs outside them.
 *
 *   npm run build && node dist/scripts/word-bigrams.js   # prints the table to paste into src/detect/bigrams.ts
 *
 * The table is data, reviewed when it changes: a test checks it still tells names from random strings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const COVER = 0.995;

const lib = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.d.ts'));
const counts = new Map<string, number>();
let total = 0;
for (const file of readdirSync(lib).filter((f) => f.endsWith('.d.ts'))) {
  const text = readFileSync(join(lib, file), 'utf8');
  for (const m of text.matchAll(/[A-Z]?[a-z]{2,}/g)) {
    const word = m[0].toLowerCase();
    for (let i = 1; i < word.length; i++) {
      const pair = word.slice(i - 1, i + 1);
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
      total++;
    }
  }
}
const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const table: string[] = [];
let covered = 0;
for (const [pair, n] of byCount) {
  if (covered / total >= COVER) break;
  table.push(pair);
  covered += n;
}
table.sort();
const lines: string[] = [];
for (let i = 0; i < table.length; i += 24) lines.push(`  '${table.slice(i, i + 24).join(' ')}',`);
process.stdout.write(`// ${table.length} pairs, ${(COVER * 100).toFixed(1)} % of ${total} pairs in ${lib.replace(/.*node_modules/, 'node_modules')}\n[\n${lines.join('\n')}\n]\n`);
