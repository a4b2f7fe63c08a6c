/** The recipes in examples/ work as documented. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeToken } from './support/fake-tokens.js';

const examples = new URL('../examples/', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('examples', () => {
  it('monorepo.eslint.config.js: recommended everywhere, fixtures off', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'worker-auth-monorepo-'));
    dirs.push(dir);
    const token = fakeToken('github-classic-pat', 61);
    await mkdir(join(dir, 'packages/gh-worker/src'), { recursive: true });
    await mkdir(join(dir, 'packages/gh-worker/test/fixtures'), { recursive: true });
    await writeFile(join(dir, 'packages/gh-worker/src/index.ts'), `export const t: string = "${token}";\n`);
    await writeFile(join(dir, 'packages/gh-worker/test/fixtures/recorded.ts'), `export const t: string = "${token}";\n`);
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: join(examples, 'monorepo.eslint.config.js') });
    const results = await eslint.lintFiles(['packages']);
    const byFile = Object.fromEntries(results.map((r) => [r.filePath.slice(dir.length + 1), r.messages.map((m) => m.ruleId)]));
    expect(byFile['packages/gh-worker/src/index.ts']).toEqual(['worker-auth/no-hardcoded-secrets']);
    expect(byFile['packages/gh-worker/test/fixtures/recorded.ts']).toEqual([]);
  });

  it('lint-staged.config.js: runs eslint on every JS/TS flavour', async () => {
    const config = (await import(join(examples, 'lint-staged.config.js'))) as { default: Record<string, string> };
    const [glob, command] = Object.entries(config.default)[0]!;
    for (const ext of ['js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'mts', 'cts']) expect(glob).toContain(ext);
    expect(command).toMatch(/^eslint /);
  });

  it('github-actions.yml: lints to SARIF, uploads it, runs the env-file check', async () => {
    const yml = await readFile(join(examples, 'github-actions.yml'), 'utf8');
    expect(yml).toMatch(/npx eslint \. --format @microsoft\/eslint-formatter-sarif --output-file eslint\.sarif/);
    expect(yml).toMatch(/github\/codeql-action\/upload-sarif@v3/);
    expect(yml).toMatch(/security-events: write/);
    expect(yml).toMatch(/npx worker-auth-codemod --check/);
    expect(yml).not.toMatch(/\t/);
  });
});
