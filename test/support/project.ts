/** A throwaway project folder for rule tests that read files (`.env.example`, `package.json`, `node_modules`). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A new folder under the system's temp folder holding `files`, and a `.git` folder that bounds the upward searches. */
export function tempProject(files: Record<string, string>, prefix = 'wa-project-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
