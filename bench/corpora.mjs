/**
 * The bench corpora: npm packages by exact name@version, downloaded once with `npm pack` into `bench/.cache/`
 * (git-ignored), checked against the registry's `dist.integrity` (sha512), extracted with `tar`.
 *
 *   L  every JS/TS source file under `dist/` of n8n-nodes-base@2.41.2, declaration files excluded: 10,043 compiled
 *      CommonJS `.js` files (nodes, 419 credential definitions, utils, node-definition schemas) and 6,865 generated
 *      `.ts` node-definition files, 16,908 in all (real integration code nobody here wrote)
 *   M  a fixed slice of L: L's paths sorted by code unit, then every 6th one starting at index 0 (2,818 files)
 *   S  the TypeScript sources @notionhq/workers@0.9.2 ships under `src/` (declaration files excluded)
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const CACHE_DIR = join(BENCH_DIR, '.cache');
export const ROOT_DIR = dirname(BENCH_DIR);

/** Pinned packages. `integrity` is the registry's `dist.integrity`, copied from `npm view <spec> dist.integrity`. */
export const PACKAGES = {
  'n8n-nodes-base': {
    version: '2.41.2',
    integrity: 'sha512-qUItyawxR1aR/t6Fgk0whYwBSDR+VOu5RkgAI3AElVI3dqPLLcCAawAMFc/N3GFG35//quOVRUwuc7a3mVLC0g==',
  },
  '@notionhq/workers': {
    version: '0.9.2',
    integrity: 'sha512-CHFyfoKaswQiODOZmleXO5JxSr6N7WfZ3yLesEjhSMTUZP1v4xDEq2JBc7+OQ9nW6w3Alu2orm+8zuhWofQN2w==',
  },
};

/** M takes every M_STEP-th path of L's sorted list. */
export const M_STEP = 6;

const SOURCE_GLOB = '**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}';
const DECLARATIONS = ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/node_modules/**'];
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function sri(buf) {
  return `sha512-${createHash('sha512').update(buf).digest('base64')}`;
}

/** `npm pack` names the tarball `<scope>-<name>-<version>.tgz` without `@`; our folders drop the scope's `@` too. */
function slug(name) {
  return name.replace(/^@/, '').replace(/\//g, '-');
}

/** Download (unless cached and verified), verify and extract one package; returns its extracted folder. */
export function ensurePackage(name, log = (line) => process.stderr.write(`${line}\n`)) {
  const { version, integrity } = PACKAGES[name];
  const dir = join(CACHE_DIR, `${slug(name)}-${version}`);
  const tgz = join(CACHE_DIR, `${slug(name)}-${version}.tgz`);
  const marker = join(dir, '.bench-verified');
  mkdirSync(CACHE_DIR, { recursive: true });
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === integrity) return dir;

  let verified = existsSync(tgz) && sri(readFileSync(tgz)) === integrity;
  if (!verified) {
    log(`bench: downloading ${name}@${version} (npm pack)…`);
    // npm pack names the tarball `<scope>-<name>-<version>.tgz`, which is `tgz`
    execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', CACHE_DIR, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (!existsSync(tgz)) throw new Error(`${name}@${version}: npm pack did not write ${relative(ROOT_DIR, tgz)}.`);
    const actual = sri(readFileSync(tgz));
    if (actual !== integrity) {
      rmSync(tgz, { force: true });
      throw new Error(`${name}@${version}: integrity mismatch (expected ${integrity}, got ${actual}); the tarball was deleted.`);
    }
    verified = true;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tgz, '-C', dir, '--strip-components=1', '--no-same-owner']);
  writeFileSync(marker, `${integrity}\n`);
  log(`bench: ${name}@${version} verified (${integrity.slice(0, 20)}…) and extracted to ${relative(ROOT_DIR, dir)}`);
  return dir;
}

/**
 * A corpus: `{ id, dir, files }` where `files` are paths relative to `dir`, sorted, POSIX separators.
 * `commonjs`: its `.js` files are CommonJS (n8n's dist); `.ts` files are always modules.
 */
export async function loadCorpus(id) {
  if (id === 'L' || id === 'M') {
    const dir = ensurePackage('n8n-nodes-base');
    const all = (await glob([`dist/${SOURCE_GLOB}`], { cwd: dir, ignore: DECLARATIONS, dot: false, followSymbolicLinks: false })).sort(byCodeUnit);
    const files = id === 'L' ? all : all.filter((_, i) => i % M_STEP === 0);
    return { id, dir, files, commonjs: true, label: id === 'L' ? 'n8n-nodes-base@2.41.2, dist/**/*.{js,ts} (no .d.ts)' : `every ${M_STEP}th file of L (sorted paths)` };
  }
  if (id === 'S') {
    const dir = ensurePackage('@notionhq/workers');
    const files = (await glob([`src/${SOURCE_GLOB}`], { cwd: dir, ignore: DECLARATIONS, dot: false, followSymbolicLinks: false })).sort(byCodeUnit);
    return { id, dir, files, commonjs: false, label: '@notionhq/workers@0.9.2, src/**/*.ts (no .d.ts)' };
  }
  throw new Error(`unknown corpus ${id} (S, M or L)`);
}

export function corpusBytes(corpus) {
  let n = 0;
  for (const f of corpus.files) n += readFileSync(join(corpus.dir, f)).length;
  return n;
}

/** Where the parent writes a corpus' file list for the children (so no child pays for the glob). */
export function listFile(id) {
  return join(CACHE_DIR, `corpus-${id}.json`);
}

export async function writeCorpusList(id) {
  const corpus = await loadCorpus(id);
  writeFileSync(listFile(id), JSON.stringify(corpus));
  return corpus;
}

export function readCorpusList(id) {
  return JSON.parse(readFileSync(listFile(id), 'utf8'));
}
