/** `npm run docs`: refresh the generated tables in docs/. */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { fillGenerated, GENERATED } from './docs-tables.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
for (const [file, blocks] of Object.entries(GENERATED)) {
  const path = `${root}/${file}`;
  const text = await readFile(path, 'utf8');
  const next = fillGenerated(text, blocks);
  if (next !== text) {
    await writeFile(path, next);
    console.log(`updated ${file}`);
  }
}
