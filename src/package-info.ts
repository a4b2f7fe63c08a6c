/** Name and version from package.json, found from this module whether it runs from `src/` or `dist/src/`. */
import { readFileSync } from 'node:fs';

function readPackage(): { name: string; version: string } {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'eslint-plugin-worker-auth' && pkg.version) return { name: pkg.name, version: pkg.version };
    } catch {
      // try the next candidate
    }
  }
  throw new Error('eslint-plugin-worker-auth: package.json not found beside the plugin; reinstall the package.');
}

export const PACKAGE = readPackage();

/** Docs of the installed version: the package ships `docs/`. */
export function ruleDocsUrl(name: string): string {
  return `https://unpkg.com/${PACKAGE.name}@${PACKAGE.version}/docs/rules/${name}.md`;
}
