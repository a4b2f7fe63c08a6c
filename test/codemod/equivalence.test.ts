/**
 * After the rewrite the program still type-checks, and with `.env` loaded it computes exactly the values it
 * computed before: every module is compiled with `ts.transpileModule` and evaluated with `process.env` taken from
 * the `.env` the codemod wrote (parsed by dotenv).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'dotenv';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TS_SOURCES_BEFORE, FILES_BEFORE, ENV_AFTER } from './fixture.js';
import { cli, makeRepo, read, removeRepos, type FileTree } from './helpers.js';

const exec = promisify(execFile);
const tscBin = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

afterAll(removeRepos);

const TYPECHECK: FileTree = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022'],
      types: [],
      skipLibCheck: true,
    },
    include: ['src/**/*.ts', 'types/*.d.ts'],
  }),
  'types/process.d.ts': 'declare const process: { env: Record<string, string | undefined> };\n',
};

async function tsc(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await exec(process.execPath, [tscBin, '-p', join(dir, 'tsconfig.json')]);
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    return { code: e.code ?? 1, output: e.stdout ?? '' };
  }
}

/** Evaluate a CommonJS/TS module graph (relative imports only) with the given `process.env`. */
function evaluate(files: Record<string, string>, entry: string, env: Record<string, string>): unknown {
  const cache = new Map<string, { exports: unknown }>();
  const load = (path: string): unknown => {
    const cached = cache.get(path);
    if (cached) return cached.exports;
    const source = files[path];
    if (source === undefined) throw new Error(`fixture module ${path} not found`);
    const js = ts.transpileModule(source, {
      fileName: path,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    const module = { exports: {} as unknown };
    cache.set(path, module);
    const require = (spec: string): unknown => load(posix.join(posix.dirname(path), spec.replace(/\.js$/, '.ts')));
    new Function('exports', 'require', 'module', 'process', js)(module.exports, require, module, { env: { ...env } });
    return module.exports;
  };
  return load(entry);
}

describe('the rewritten program is equivalent to the original', () => {
  let original: string;
  let rewritten: string;
  let env: Record<string, string>;
  const after: Record<string, string> = {};

  beforeAll(async () => {
    original = await makeRepo({ ...FILES_BEFORE, ...TYPECHECK });
    rewritten = await makeRepo({ ...FILES_BEFORE, ...TYPECHECK });
    const run = await cli('--root', rewritten);
    expect(run.code).toBe(0);
    env = parse(await read(rewritten, '.env'));
    for (const path of [...Object.keys(TS_SOURCES_BEFORE), 'config.js']) after[path] = await read(rewritten, path);
  });

  it('produced the expected .env', () => {
    expect(env).toEqual(ENV_AFTER);
  });

  it('tsc --noEmit passes before and after the rewrite', async () => {
    const [before, now] = await Promise.all([tsc(original), tsc(rewritten)]);
    expect(before.output).toBe('');
    expect(before.code).toBe(0);
    expect(now.output).toBe('');
    expect(now.code).toBe(0);
  });

  it('the TS modules export the same values with .env loaded', () => {
    const originalValues = evaluate(TS_SOURCES_BEFORE, 'src/all.ts', {});
    expect(evaluate(after, 'src/all.ts', env)).toEqual(originalValues);
    // the original reads its env fallback the same way, so loading .env does not change it either
    expect(evaluate(TS_SOURCES_BEFORE, 'src/all.ts', env)).toEqual(originalValues);
    // and the test does exercise the env: without .env the rewritten values are empty
    expect(evaluate(after, 'src/all.ts', {})).not.toEqual(originalValues);
  });

  it('the .js config exports the same object with .env loaded', () => {
    const js = { 'config.js': FILES_BEFORE['config.js'] as string };
    const originalConfig = evaluate(js, 'config.js', {});
    expect(evaluate({ 'config.js': after['config.js']! }, 'config.js', env)).toEqual(originalConfig);
    expect(originalConfig).toMatchObject({ port: 8787, openai: { model: 'gpt-4o' } });
  });
});
