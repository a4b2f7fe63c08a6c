/**
 * Held-out set 4: end-to-end runs of `worker-auth-codemod` over Notion worker repositories (package.json with
 * `@notionhq/workers@^0.9.2`), held to README.md, docs/codemod.md and docs/security.md. This round's shapes:
 *
 * - monorepos (several workers under packages/*, a root .gitignore, a .env.example per package): a run at the
 *   monorepo root, runs per worker (`--root packages/x`, also relative, by the built CLI as a child process), paths
 *   named explicitly (folders, files, overlapping, absolute, outside the root, missing, git-ignored);
 * - one secret in many files and many times (one name, one `.env` line), two secrets deriving one name, secrets in
 *   .js/.mjs/.cjs/.mts/.cts/.tsx, templates, `Authorization` headers, `worker.oauth` client secrets, and
 *   `process.env.X ?? "…"` / `||` / `["X"]` / destructuring-default fallbacks; the rewritten .js/.mjs/.cjs modules
 *   are run with `node --env-file=.env` to prove that they read exactly the values they held;
 * - existing env files with odd content (CRLF, no final newline, `export`, `KEY: value`, quoted `#`, duplicate keys,
 *   empty placeholders, a multi-line quoted value, a Latin-1 file), `.env.local`, `.env` present but not ignored,
 *   `.gitignore` variants (negations, `.env*`, `*.env`, `.*`, anchored rules, rules for every folder);
 * - idempotence, `--dry-run` (whole-tree snapshots, modes included), `--check` exit codes before and after,
 *   `--sync-env-example`, the lock, a dirty tree, files that do not parse, an interrupted run;
 * - no output (human report, JSON, diff, errors) holds a planted value or 8 characters in a row of its random part.
 *
 * Every token is built at run time by test/support/fake-tokens.ts (seeds 6000–6999). Repositories live in
 * os.tmpdir() and are removed in afterAll.
 *
 * Gaps found, now fixed (under `gaps found by the held-out set, fixed`):
 * 1. a git-tracked `.env` received the moved secrets without a refusal or even a warning; a writing run now refuses
 *    (exit 2, nothing written, `git rm --cached .env`) and a dry run warns (codemods/run.ts);
 * 2. `--sync-env-example` wrote `.env.example` while another run held the project's lock; a writing sync now takes
 *    the lock and refuses (exit 2) while another run holds it (codemods/sync-env-example.ts);
 * 3. a file under `node_modules/` named explicitly on the command line was read and rewritten, although the docs say
 *    node_modules is never read; 4. a build-output folder (`dist`) named explicitly was read and rewritten, likewise.
 *    The always-skipped rules now apply to named paths too, from the root: listed as skipped, and a run left with
 *    nothing to read exits 2 (codemods/discover.ts);
 * 5. a hardcoded value got the conventional name that the worker's code already reads for something else
 *    (`process.env.NOTION_TOKEN` without a fallback), so loading `.env` changed what that read returns; it now gets a
 *    free name (`NOTION_TOKEN_2`) unless `.env` holds that name with the same value (codemods/plan.ts,
 *    assignEnvNames, given the names read under the root by codemods/run.ts).
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseTs } from '@typescript-eslint/typescript-estree';
import { parse as parseEnv } from 'dotenv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCodemod, type CodemodOptions, type CodemodReport } from '../../codemods/run.js';
import { main } from '../../src/cli/codemod.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from '../support/fake-tokens.js';

// ---------------------------------------------------------------------------------------------------------------
// Harness

const ROOTS: string[] = [];
afterAll(() => {
  for (const r of ROOTS) {
    try {
      chmodTree(r);
    } catch {
      // best effort
    }
    rmSync(r, { recursive: true, force: true });
  }
});

function chmodTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) chmodTree(p);
    else if (entry.isFile()) chmodSync(p, 0o644);
  }
}

type Files = Record<string, string | Buffer>;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Worker Dev', '-c', 'user.email=dev@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function writeFiles(root: string, files: Files): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/**
 * A repository holding `files` in `<tmp>/<name>`: a git repository with everything committed (unless `git: false`);
 * `after` is written after the commit (untracked files).
 */
function makeRepo(name: string, files: Files, opts: { git?: boolean; after?: Files } = {}): string {
  const base = mkdtempSync(join(tmpdir(), `wa-heldout4-${name}-`));
  ROOTS.push(base);
  const root = join(base, name);
  mkdirSync(root);
  writeFiles(root, files);
  if (opts.git !== false) {
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'initial');
  }
  writeFiles(root, opts.after ?? {});
  return root;
}

function commitAll(root: string, message: string): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
}

interface Report {
  version: number;
  dryRun: boolean;
  files: { path: string; status: string; error?: string; secrets: { line: number; provider: string; masked: string; envName: string; action: string }[] }[];
  skipped: { path: string; reason: string }[];
  envNames: { name: string; envExample: string; dotEnv: string }[];
  envFiles: Record<string, string>;
  rotate: { envName: string; provider: string; where?: string }[];
  summary: { scanned: number; parsed: number; changed: number; failed: number; moved: number; manual: number };
  warnings: string[];
  diff?: string;
}

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly json?: Report;
}

/** Every output of every run of this file, for the closing leak check. */
const ALL_OUTPUT: string[] = [];

/** The CLI in process (`main` of src/cli/codemod.ts), on `--root <root>`. */
async function run(root: string, ...args: string[]): Promise<Run> {
  return runArgs(['--root', root, ...args]);
}

async function runArgs(argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: { write: (c: string) => (out += c) }, err: { write: (c: string) => (err += c) } });
  ALL_OUTPUT.push(out, err);
  const plain = argv.includes('--json') && !argv.includes('--check') && !argv.includes('--sync-env-example');
  const json = plain && out.trim().startsWith('{') ? (JSON.parse(out) as Report) : undefined;
  return { code, out, err, ...(json ? { json } : {}) };
}

/** The API (`runCodemod`); the report is kept for the leak check. */
async function api(options: CodemodOptions): Promise<{ report: CodemodReport; exitCode: 0 | 1 }> {
  const result = await runCodemod(options);
  ALL_OUTPUT.push(JSON.stringify(result.report));
  return result;
}

const BIN = fileURLToPath(new URL('../../dist/src/cli/codemod.js', import.meta.url));

/** The built CLI as a child process (`node dist/src/cli/codemod.js`), or `main` in process when dist is missing. */
async function spawnCli(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  if (!existsSync(BIN)) {
    // no build: the same entry point in process, with --root resolved as the child would
    const i = args.indexOf('--root');
    const argv = [...args];
    if (i >= 0) argv[i + 1] = resolve(cwd, argv[i + 1]!);
    else argv.unshift('--root', cwd);
    return runArgs(argv);
  }
  const env = { ...process.env, NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  ALL_OUTPUT.push(r.stdout, r.stderr);
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Every file of the tree (not .git): path → mode and bytes; symlinks as their target. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      if (entry === '.git') continue;
      const abs = join(dir, entry);
      const st = lstatSync(abs);
      const rel = relative(root, abs);
      if (st.isSymbolicLink()) out.set(rel, `-> ${readlinkSync(abs)}`);
      else if (st.isDirectory()) walk(abs);
      else out.set(rel, `${(st.mode & 0o777).toString(8)} ${readFileSync(abs).toString('base64')}`);
    }
  };
  walk(root);
  return out;
}

function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

const read = (root: string, rel: string): string => readFileSync(join(root, rel), 'utf8');
const mode = (root: string, rel: string): number => statSync(join(root, rel)).mode & 0o777;
const envOf = (root: string, rel = '.env'): Record<string, string> => parseEnv(readFileSync(join(root, rel)));
const keysOf = (root: string, rel = '.env.example'): string[] => Object.keys(parseEnv(readFileSync(join(root, rel))));
const occurrences = (text: string, piece: string): number => text.split(piece).length - 1;
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Git's own answer (nested and ancestor .gitignore files included). */
function isIgnored(root: string, rel: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '-q', '--no-index', rel], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function parses(root: string, rel: string): void {
  const text = read(root, rel).replace(/^\uFEFF/, '');
  expect(() => parseTs(text, { jsx: /\.(?:tsx|jsx|js|mjs|cjs)$/.test(rel), range: true, filePath: join(root, rel) }), rel).not.toThrow();
}

/**
 * Runs `body` (an async ES module body that sets `out`, an array of strings) with `node --env-file=<envFile>` and
 * returns the SHA-256 of `JSON.stringify(out)`: what the rewritten modules read at run time, never printed.
 */
function evalWithEnv(cwd: string, envFile: string, body: string): string {
  const script = `${body}\nprocess.stdout.write((await import('node:crypto')).createHash('sha256').update(JSON.stringify(out)).digest('hex'));`;
  const env: Record<string, string | undefined> = { ...process.env };
  // nothing from the test's own environment may answer the reads
  for (const k of Object.keys(env)) if (/TOKEN|KEY|SECRET|SLACK|NOTION|GITHUB|LINEAR|STRIPE|RESEND|FIGMA|WEBHOOK/i.test(k)) delete env[k];
  return execFileSync(process.execPath, [`--env-file=${envFile}`, '--input-type=module', '-e', script], { cwd, env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
}
const fileUrl = (root: string, rel: string): string => JSON.stringify(pathToFileURL(join(root, rel)).href);

// ---------------------------------------------------------------------------------------------------------------
// Secrets

interface Secret {
  readonly value: string;
  /** the public prefix a masked form may show */
  readonly prefix: string;
}
const sec = (value: string, prefix = ''): Secret => {
  if (!value.startsWith(prefix)) throw new Error('fixture: a generated value lacks its prefix');
  return { value, prefix };
};
const ALL_SECRETS: Secret[] = [];
function reg<T extends Record<string, Secret>>(o: T): T {
  ALL_SECRETS.push(...Object.values(o));
  return o;
}

/** No text holds a planted value, nor 8 characters in a row of its random part. */
function expectNoLeak(text: string, secrets: readonly Secret[] = ALL_SECRETS): void {
  for (const s of secrets) {
    if (text.includes(s.value)) throw new Error(`a whole planted value leaked (prefix ${JSON.stringify(s.prefix)})`);
    const random = s.value.slice(s.prefix.length);
    for (let i = 0; i + 8 <= random.length; i++) {
      const piece = random.slice(i, i + 8);
      if (/\s/.test(piece)) continue;
      if (text.includes(piece)) throw new Error(`8 characters of a planted value leaked (prefix ${JSON.stringify(s.prefix)}, offset ${i})`);
    }
  }
}

/** Every masked form in a human report shows at most the last 4 characters after the ellipsis. */
function expectShortMasks(text: string): void {
  const masks = [...text.matchAll(/…([A-Za-z0-9_-]*)/g)].map((m) => m[1]!);
  expect(masks.length).toBeGreaterThan(0);
  for (const tail of masks) expect(tail.length, 'a mask shows more than 4 trailing characters').toBeLessThanOrEqual(4);
}

const pkg = (name: string, extra: Record<string, unknown> = {}): string =>
  `${JSON.stringify({ name, version: '0.1.0', private: true, type: 'module', dependencies: { '@notionhq/workers': '^0.9.2' }, ...extra }, null, 2)}\n`;
const crlf = (t: string): string => t.replace(/\n/g, '\r\n');
const HEADER = '# Local env files hold secrets (worker-auth-codemod); .env.example stays tracked';
const IGNORE_BLOCK = `${HEADER}\n.env\n.env.*\n!.env.example\n`;
const GOOD_GITIGNORE = 'node_modules/\n.env\n.env.*\n!.env.example\n';

// =================================================================================================================

describe('worker repositories, fourth held-out set', () => {
  // -------------------------------------------------------------------------------------------------------------
  // Repo MR: a monorepo of three workers, run once at the monorepo root. The root .gitignore only ignores
  // node_modules; each worker has its own .env.example; one token is shared by two workers and used many times; two
  // GitHub tokens and two generic API keys compete for one name; build output and a dependency hold the token too.

  const MR = reg({
    ntn: sec(fakeToken('notion-token', 6001), 'ntn_'),
    ghA: sec(fakeToken('github-classic-pat', 6002), 'ghp_'),
    ghB: sec(fakeToken('github-classic-pat', 6003), 'ghp_'),
    gcs: sec(fakeToken('google-oauth-client-secret', 6004), 'GOCSPX-'),
    xoxb: sec(fakeToken('slack-bot-token', 6005), 'xoxb-'),
    keyA: sec(fakeGenericSecret(6006)),
    keyB: sec(fakeGenericSecret(6007)),
    hook: sec(fakeToken('slack-webhook-url', 6008), 'https://hooks.slack.com/services/'),
  });
  const A = 'packages/issues-sync';
  const B = 'packages/slack-digest';
  const C = 'packages/docs-site';
  const MR_EXAMPLE_A = '# issues-sync worker\nNOTION_DATABASE_ID=\n';
  const MR_EXAMPLE_B = 'SLACK_CHANNEL=general\n';
  const MR_EXAMPLE_C = 'PORT=3000\n';

  const mrFiles = (): Files => ({
    'package.json': `${JSON.stringify({ name: 'notion-workers', private: true, workspaces: ['packages/*'] }, null, 2)}\n`,
    '.gitignore': 'node_modules/\n',
    [`${A}/package.json`]: pkg('issues-sync'),
    [`${A}/.env.example`]: MR_EXAMPLE_A,
    [`${A}/src/index.ts`]: `import { Worker } from "@notionhq/workers";
import { notion } from "./notion.js";

const worker = new Worker();

worker.oauth("google", {
  name: "google",
  authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenEndpoint: "https://oauth2.googleapis.com/token",
  clientId: process.env.GOOGLE_CLIENT_ID ?? "",
  clientSecret: "${MR.gcs.value}",
  scope: "openid email",
});

function github() {
  return { headers: { Authorization: \`token ${MR.ghA.value}\`, Accept: "application/vnd.github+json" } };
}

export default worker.sync("issues", async () => ({ notion, github: github() }));
`,
    [`${A}/src/notion.ts`]: `export const notion = { auth: "${MR.ntn.value}", notionVersion: "2022-06-28" };\nexport const legacy = { auth: '${MR.ntn.value}' };\n`,
    [`${A}/src/config.ts`]: `export const config = { apiKey: "${MR.keyA.value}", retries: 3 };\n`,
    [`${A}/dist/index.js`]: `export const notion = { auth: "${MR.ntn.value}" };\n`,
    [`${B}/package.json`]: pkg('slack-digest'),
    [`${B}/.env.example`]: MR_EXAMPLE_B,
    [`${B}/src/post.mjs`]: `export async function postDigest(text) {
  const res = await fetch("https://slack.com/api/chat.postMessage", {
    method: "POST",
    headers: { Authorization: \`Bearer ${MR.xoxb.value}\`, "Content-Type": "application/json; charset=utf-8" },
    body: JSON.stringify({ channel: process.env.SLACK_CHANNEL ?? "general", text }),
  });
  return res.ok;
}

export const notionAuth = \`${MR.ntn.value}\`;
export const notionHeaders = { Authorization: \`Bearer ${MR.ntn.value}\`, "Notion-Version": "2022-06-28" };
`,
    [`${B}/src/hook.cjs`]: `"use strict";\nmodule.exports = {\n  webhook: process.env.SLACK_WEBHOOK_URL ?? "${MR.hook.value}",\n  notion: "${MR.ntn.value}",\n};\n`,
    [`${B}/src/github.js`]: `export const gh = { auth: "${MR.ghB.value}" };\nexport const config = { apiKey: "${MR.keyB.value}" };\n`,
    [`${B}/node_modules/left-pad/index.js`]: `module.exports = { auth: "${MR.ntn.value}" };\n`,
    [`${C}/package.json`]: pkg('docs-site'),
    [`${C}/.env.example`]: MR_EXAMPLE_C,
    [`${C}/src/index.ts`]: 'export const port = Number(process.env.PORT ?? 3000);\n',
  });

  describe('a monorepo run at its root (three workers, one root .env)', () => {
    let mono: string;
    let before: Map<string, string>;
    let first: Run;
    let afterFirst: Map<string, string>;
    let again: Run;
    let afterAgain: Map<string, string>;
    beforeAll(async () => {
      mono = makeRepo('notion-workers', mrFiles());
      before = snapshot(mono);
      first = await run(mono, '--json');
      afterFirst = snapshot(mono);
      // the tree is dirty now (the sources changed): a run with nothing to write must not refuse
      again = await run(mono, '--json');
      afterAgain = snapshot(mono);
    }, 120_000);

    it('exit 0; exactly the sources holding secrets and the three root env files change', () => {
      expect(first.code).toBe(0);
      expect(changedPaths(before, afterFirst)).toEqual(
        [
          '.env',
          '.env.example',
          '.gitignore',
          `${A}/src/config.ts`,
          `${A}/src/index.ts`,
          `${A}/src/notion.ts`,
          `${B}/src/github.js`,
          `${B}/src/hook.cjs`,
          `${B}/src/post.mjs`,
        ].sort(),
      );
      // build output and dependencies are never read
      expect(read(mono, `${A}/dist/index.js`)).toContain(MR.ntn.value);
      expect(read(mono, `${B}/node_modules/left-pad/index.js`)).toContain(MR.ntn.value);
      expect(first.json!.files.map((f) => f.path).some((p) => /dist|node_modules|docs-site/.test(p))).toBe(false);
    });

    it('the token shared by two workers (six uses, three quote styles) gets one name and one .env line', () => {
      const env = read(mono, '.env');
      expect(occurrences(env, MR.ntn.value)).toBe(1);
      expect(envOf(mono)['NOTION_TOKEN']).toBe(MR.ntn.value);
      expect(read(mono, `${A}/src/notion.ts`)).toBe('export const notion = { auth: process.env.NOTION_TOKEN ?? "", notionVersion: "2022-06-28" };\nexport const legacy = { auth: process.env.NOTION_TOKEN ?? "" };\n');
      const ntnReports = first.json!.files.flatMap((f) => f.secrets).filter((s) => s.masked.startsWith('ntn_'));
      expect(ntnReports).toHaveLength(5); // notion.ts ×2, post.mjs ×2, hook.cjs ×1
      expect(new Set(ntnReports.map((s) => s.envName))).toEqual(new Set(['NOTION_TOKEN']));
      expect(first.json!.rotate.filter((r) => r.envName === 'NOTION_TOKEN')).toHaveLength(1);
    });

    it('worker.oauth clientSecret, a `token …` template header, Bearer templates and a fallback: exact rewrites', () => {
      const index = read(mono, `${A}/src/index.ts`);
      expect(index).toContain('  clientSecret: process.env.GOOGLE_CLIENT_SECRET ?? "",\n');
      expect(index).toContain('  clientId: process.env.GOOGLE_CLIENT_ID ?? "",\n');
      expect(index).toContain('  return { headers: { Authorization: `token ${process.env.GITHUB_TOKEN ?? ""}`, Accept: "application/vnd.github+json" } };\n');
      const post = read(mono, `${B}/src/post.mjs`);
      expect(post).toContain('    headers: { Authorization: `Bearer ${process.env.SLACK_BOT_TOKEN ?? ""}`, "Content-Type": "application/json; charset=utf-8" },\n');
      expect(post).toContain('export const notionAuth = `${process.env.NOTION_TOKEN ?? ""}`;\n');
      expect(post).toContain('export const notionHeaders = { Authorization: `Bearer ${process.env.NOTION_TOKEN ?? ""}`, "Notion-Version": "2022-06-28" };\n');
      expect(read(mono, `${B}/src/hook.cjs`)).toBe('"use strict";\nmodule.exports = {\n  webhook: process.env.SLACK_WEBHOOK_URL ?? "",\n  notion: process.env.NOTION_TOKEN ?? "",\n};\n');
      for (const f of [`${A}/src/index.ts`, `${A}/src/notion.ts`, `${A}/src/config.ts`, `${B}/src/post.mjs`, `${B}/src/hook.cjs`, `${B}/src/github.js`]) parses(mono, f);
    });

    it('two GitHub tokens and two generic apiKeys: the first worker (path order) gets the plain names, the other `_2`', () => {
      expect(read(mono, `${A}/src/config.ts`)).toBe('export const config = { apiKey: process.env.API_KEY ?? "", retries: 3 };\n');
      expect(read(mono, `${B}/src/github.js`)).toBe('export const gh = { auth: process.env.GITHUB_TOKEN_2 ?? "" };\nexport const config = { apiKey: process.env.API_KEY_2 ?? "" };\n');
      expect(envOf(mono)).toEqual({
        GOOGLE_CLIENT_SECRET: MR.gcs.value,
        GITHUB_TOKEN: MR.ghA.value,
        GITHUB_TOKEN_2: MR.ghB.value,
        API_KEY: MR.keyA.value,
        API_KEY_2: MR.keyB.value,
        NOTION_TOKEN: MR.ntn.value,
        SLACK_BOT_TOKEN: MR.xoxb.value,
        SLACK_WEBHOOK_URL: MR.hook.value,
      });
    });

    it('the rewritten .mjs, .js and .cjs modules read exactly their old values with `node --env-file=.env`', () => {
      const got = evalWithEnv(
        join(mono, B),
        join(mono, '.env'),
        `const p = await import(${fileUrl(mono, `${B}/src/post.mjs`)});
const g = await import(${fileUrl(mono, `${B}/src/github.js`)});
const { createRequire } = await import('node:module');
const h = createRequire(${JSON.stringify(join(mono, B, 'package.json'))})('./src/hook.cjs');
const out = [p.notionAuth, p.notionHeaders.Authorization, g.gh.auth, g.config.apiKey, h.webhook, h.notion];`,
      );
      expect(got).toBe(sha(JSON.stringify([MR.ntn.value, `Bearer ${MR.ntn.value}`, MR.ghB.value, MR.keyB.value, MR.hook.value, MR.ntn.value])));
    });

    it('root env files: .env 0600, .env.example names only, .gitignore gains the block; the workers\' own examples stay', () => {
      expect(mode(mono, '.env')).toBe(0o600);
      expect(keysOf(mono).sort()).toEqual(Object.keys(envOf(mono)).sort());
      expect(Object.values(parseEnv(read(mono, '.env.example'))).every((v) => v === '')).toBe(true);
      expect(read(mono, '.gitignore')).toBe(`node_modules/\n\n${IGNORE_BLOCK}`);
      expect(read(mono, `${A}/.env.example`)).toBe(MR_EXAMPLE_A);
      expect(read(mono, `${B}/.env.example`)).toBe(MR_EXAMPLE_B);
      expect(read(mono, `${C}/.env.example`)).toBe(MR_EXAMPLE_C);
      expect(isIgnored(mono, '.env')).toBe(true);
      expect(isIgnored(mono, `${A}/.env`)).toBe(true);
      expect(isIgnored(mono, `${B}/.env.local`)).toBe(true);
      expect(isIgnored(mono, '.env.example')).toBe(false);
      expect(isIgnored(mono, `${A}/.env.example`)).toBe(false);
    });

    it('a second run in the now dirty tree (no --allow-dirty) has nothing to write: exit 0, no byte changes', () => {
      expect(again.code).toBe(0);
      expect(changedPaths(afterFirst, afterAgain)).toEqual([]);
      expect(again.json!.summary.moved).toBe(0);
      expect(again.json!.envFiles).toEqual({ '.gitignore': 'unchanged', '.env': 'unchanged', '.env.example': 'unchanged' });
    });

    it('--sync-env-example then adds each worker\'s reads to its own nearest .env.example (appended, once)', async () => {
      const beforeSync = snapshot(mono);
      const sync = await run(mono, '--sync-env-example', '--json');
      expect(sync.code).toBe(0);
      const doc = JSON.parse(sync.out) as { syncEnvExample: { files: { path: string; added: string[] }[] } };
      const byPath = Object.fromEntries(doc.syncEnvExample.files.map((f) => [f.path, [...f.added].sort()]));
      expect(byPath[`${A}/.env.example`]).toEqual(['API_KEY', 'GITHUB_TOKEN', 'GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'NOTION_TOKEN']);
      expect(byPath[`${B}/.env.example`]).toEqual(['API_KEY_2', 'GITHUB_TOKEN_2', 'NOTION_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_WEBHOOK_URL']);
      expect(changedPaths(beforeSync, snapshot(mono))).toEqual([`${A}/.env.example`, `${B}/.env.example`]);
      expect(read(mono, `${A}/.env.example`).startsWith(MR_EXAMPLE_A)).toBe(true);
      expect(Object.values(parseEnv(read(mono, `${B}/.env.example`))).filter((v) => v !== '')).toEqual(['general']);
      const again2 = await run(mono, '--sync-env-example', '--json');
      expect(again2.code).toBe(0);
      expect((JSON.parse(again2.out) as { syncEnvExample: { summary: { added: number } } }).syncEnvExample.summary.added).toBe(0);
    });

    it('no output of these runs holds a planted value', () => {
      for (const r of [first, again]) expectNoLeak(r.out + r.err, Object.values(MR));
      expectShortMasks(first.err);
    });
  });

  // -------------------------------------------------------------------------------------------------------------
  // Repo MP: a monorepo whose root .gitignore already ignores `.env*` (except the examples); each worker is run on
  // its own, one in process, one by the built CLI as a child process with a relative --root.

  const MP = reg({
    ntn: sec(fakeToken('notion-token', 6101), 'ntn_'),
    lin: sec(fakeToken('linear-api-key', 6102), 'lin_api_'),
    resend: sec(fakeToken('resend-api-key', 6103), 're_'),
    figma: sec(fakeToken('figma-pat', 6104), 'figd_'),
  });
  const PA = 'packages/notion-sync';
  const PB = 'packages/mail-digest';
  const MP_ROOT_GITIGNORE = 'node_modules/\n.env*\n!.env.example\n';

  describe('a monorepo run worker by worker (--root packages/x)', () => {
    let mono: string;
    let before: Map<string, string>;
    let runA: Run;
    let afterA: Map<string, string>;
    let runB: { code: number; out: string; err: string };
    let afterB: Map<string, string>;
    beforeAll(async () => {
      mono = makeRepo('workers-mp', {
        'package.json': `${JSON.stringify({ name: 'workers-mp', private: true, workspaces: ['packages/*'] }, null, 2)}\n`,
        '.gitignore': MP_ROOT_GITIGNORE,
        [`${PA}/package.json`]: pkg('notion-sync'),
        [`${PA}/.env.example`]: '# notion-sync\nNOTION_DATABASE_ID=\n',
        [`${PA}/src/index.ts`]: `import { Worker } from "@notionhq/workers";

const worker = new Worker();
const linear = { headers: { Authorization: "${MP.lin.value}", "Content-Type": "application/json" } };
const notion = { auth: "${MP.ntn.value}" };

export default worker.sync("issues", async () => ({ linear, notion, db: process.env.NOTION_DATABASE_ID ?? "" }));
`,
        [`${PB}/package.json`]: pkg('mail-digest'),
        [`${PB}/src/send.js`]: `import { Resend } from "resend";\n\nexport const resend = new Resend("${MP.resend.value}");\nexport const notion = { auth: "${MP.ntn.value}" };\n`,
        [`${PB}/src/Digest.tsx`]: `export const Digest = ({ file }: { file: string }) => <FigmaEmbed file={file} token="${MP.figma.value}" />;\n\ndeclare function FigmaEmbed(p: { file: string; token: string }): JSX.Element;\n`,
      });
      before = snapshot(mono);
      runA = await run(join(mono, PA), '--json');
      afterA = snapshot(mono);
      commitAll(mono, 'codemod: notion-sync');
      runB = await spawnCli(mono, '--root', PB, '--json');
      afterB = snapshot(mono);
      commitAll(mono, 'codemod: mail-digest');
    }, 180_000);

    it('the first worker: exit 0, only its own files change; its .env is 0600 and ignored by the monorepo rules', () => {
      expect(runA.code).toBe(0);
      const changed = changedPaths(before, afterA);
      expect(changed.every((p) => p.startsWith(`${PA}/`))).toBe(true);
      expect(changed).toEqual(expect.arrayContaining([`${PA}/.env`, `${PA}/.env.example`, `${PA}/src/index.ts`]));
      expect(read(mono, '.gitignore')).toBe(MP_ROOT_GITIGNORE);
      expect(read(mono, `${PA}/src/index.ts`)).toContain('const linear = { headers: { Authorization: process.env.LINEAR_API_KEY ?? "", "Content-Type": "application/json" } };\n');
      expect(envOf(mono, `${PA}/.env`)).toEqual({ LINEAR_API_KEY: MP.lin.value, NOTION_TOKEN: MP.ntn.value });
      expect(mode(mono, `${PA}/.env`)).toBe(0o600);
      expect(keysOf(mono, `${PA}/.env.example`)[0]).toBe('NOTION_DATABASE_ID');
      expect(keysOf(mono, `${PA}/.env.example`).slice(1).sort()).toEqual(['LINEAR_API_KEY', 'NOTION_TOKEN']);
      expect(isIgnored(mono, `${PA}/.env`)).toBe(true);
      expect(isIgnored(mono, `${PA}/.env.example`)).toBe(false);
      expect(git(mono, 'ls-files', `${PA}`)).not.toMatch(/\.env\n/);
    });

    it('the second worker by the built CLI with a relative --root: JSON on stdout, paths relative to the worker, masked stderr', () => {
      expect(runB.code).toBe(0);
      const doc = JSON.parse(runB.out) as Report;
      expect(doc.version).toBe(1);
      expect(doc.files.map((f) => f.path).sort()).toEqual(['src/Digest.tsx', 'src/send.js']);
      expect(changedPaths(afterA, afterB).every((p) => p.startsWith(`${PB}/`))).toBe(true);
      expect(runB.err).toMatch(/re_…[A-Za-z0-9_-]{1,4}\s/);
      expectNoLeak(runB.out + runB.err, Object.values(MP));
    });

    it('the second worker: JSX attribute and .js rewritten; the token shared with the first worker has the same name in its own .env', () => {
      expect(read(mono, `${PB}/src/Digest.tsx`)).toBe(
        'export const Digest = ({ file }: { file: string }) => <FigmaEmbed file={file} token={process.env.FIGMA_ACCESS_TOKEN ?? ""} />;\n\ndeclare function FigmaEmbed(p: { file: string; token: string }): JSX.Element;\n',
      );
      expect(read(mono, `${PB}/src/send.js`)).toBe('import { Resend } from "resend";\n\nexport const resend = new Resend(process.env.RESEND_API_KEY ?? "");\nexport const notion = { auth: process.env.NOTION_TOKEN ?? "" };\n');
      expect(envOf(mono, `${PB}/.env`)).toEqual({ RESEND_API_KEY: MP.resend.value, NOTION_TOKEN: MP.ntn.value, FIGMA_ACCESS_TOKEN: MP.figma.value });
      parses(mono, `${PB}/src/Digest.tsx`);
      parses(mono, `${PB}/src/send.js`);
    });

    it('a run at the monorepo root afterwards finds nothing: no root .env, no root .env.example, nothing changed', async () => {
      const beforeRoot = snapshot(mono);
      const r = await run(mono, '--json');
      expect(r.code).toBe(0);
      expect(r.json!.files).toEqual([]);
      expect(changedPaths(beforeRoot, snapshot(mono))).toEqual([]);
      expect(existsSync(join(mono, '.env'))).toBe(false);
      expect(existsSync(join(mono, '.env.example'))).toBe(false);
      const human = await run(mono);
      expect(human.err).toContain('No hardcoded secrets found.');
    });

    it('--check per worker and at the root: exit 0 (everything ignored, examples clean)', async () => {
      for (const root of [mono, join(mono, PA), join(mono, PB)]) {
        const r = await run(root, '--check', '--json');
        expect(r.code, root).toBe(0);
        expect((JSON.parse(r.out) as { check: { findings: unknown[] } }).check.findings).toEqual([]);
      }
    });
  });

  it('two workers of one monorepo run at the same time: each holds its own lock, both succeed', async () => {
    const s = reg({ a: sec(fakeToken('notion-token', 6111), 'ntn_'), b: sec(fakeToken('linear-api-key', 6112), 'lin_api_') });
    const mono = makeRepo('concurrent-workers', {
      'package.json': pkg('concurrent-workers', { workspaces: ['packages/*'] }),
      '.gitignore': 'node_modules/\n.env*\n!.env.example\n',
      'packages/a/package.json': pkg('a'),
      'packages/a/src/index.ts': `export const notion = { auth: "${s.a.value}" };\n`,
      'packages/b/package.json': pkg('b'),
      'packages/b/src/index.ts': `export const linear = { apiKey: "${s.b.value}" };\n`,
    });
    // --allow-dirty: each run's writes make the shared work tree dirty for the other; the locks are what is tested
    const [ra, rb] = await Promise.all([api({ root: join(mono, 'packages/a'), paths: [], allowDirty: true }), api({ root: join(mono, 'packages/b'), paths: [], allowDirty: true })]);
    expect([ra.exitCode, rb.exitCode]).toEqual([0, 0]);
    expect(envOf(mono, 'packages/a/.env')).toEqual({ NOTION_TOKEN: s.a.value });
    expect(envOf(mono, 'packages/b/.env')).toEqual({ LINEAR_API_KEY: s.b.value });
    expect(existsSync(join(mono, 'packages/a/.env.worker-auth.lock'))).toBe(false);
    expect(existsSync(join(mono, 'packages/b/.env.worker-auth.lock'))).toBe(false);
  });

  // -------------------------------------------------------------------------------------------------------------
  // Paths named explicitly (relative to --root)

  const EP = reg({
    ntn: sec(fakeToken('notion-token', 6201), 'ntn_'),
    xoxb: sec(fakeToken('slack-bot-token', 6202), 'xoxb-'),
    lin: sec(fakeToken('linear-api-key', 6203), 'lin_api_'),
  });
  const epFiles = (): Files => ({
    'package.json': pkg('ep-mono', { workspaces: ['packages/*'] }),
    '.gitignore': `${GOOD_GITIGNORE}generated/\n`,
    'packages/a/package.json': pkg('a'),
    'packages/a/src/a.ts': `export const notion = { auth: "${EP.ntn.value}" };\n`,
    'packages/a/src/b.mjs': `export const slack = { token: "${EP.xoxb.value}" };\nexport const notion = "${EP.ntn.value}";\n`,
    'packages/b/package.json': pkg('b'),
    'packages/b/src/c.ts': `export const linear = { apiKey: "${EP.lin.value}" };\n`,
  });
  const EP_B_MJS = 'export const slack = { token: process.env.SLACK_BOT_TOKEN ?? "" };\nexport const notion = process.env.NOTION_TOKEN ?? "";\n';

  describe('paths named explicitly', () => {
    it('a folder: only its files change; the other worker keeps its secret; env files at --root', async () => {
      const root = makeRepo('ep-folder', epFiles());
      const { report, exitCode } = await api({ root, paths: ['packages/a/src'] });
      expect(exitCode).toBe(0);
      expect(report.files.map((f) => f.path).sort()).toEqual(['packages/a/src/a.ts', 'packages/a/src/b.mjs']);
      expect(read(root, 'packages/b/src/c.ts')).toBe(`export const linear = { apiKey: "${EP.lin.value}" };\n`);
      expect(read(root, 'packages/a/src/b.mjs')).toBe(EP_B_MJS);
      expect(envOf(root)).toEqual({ NOTION_TOKEN: EP.ntn.value, SLACK_BOT_TOKEN: EP.xoxb.value });
      expect(existsSync(join(root, 'packages/a/.env'))).toBe(false);
    });

    it('overlapping paths (a file, its folder, `./folder/`): each file is rewritten once', async () => {
      const root = makeRepo('ep-overlap', epFiles());
      const r = await run(root, '--json', 'packages/a/src/b.mjs', 'packages/a/src', './packages/a/src/');
      expect(r.code).toBe(0);
      expect(r.json!.files.map((f) => f.path).sort()).toEqual(['packages/a/src/a.ts', 'packages/a/src/b.mjs']);
      expect(read(root, 'packages/a/src/b.mjs')).toBe(EP_B_MJS);
      expect(read(root, 'packages/a/src/a.ts')).toBe('export const notion = { auth: process.env.NOTION_TOKEN ?? "" };\n');
      parses(root, 'packages/a/src/b.mjs');
    });

    it('an absolute path inside the root is accepted like a relative one', async () => {
      const root = makeRepo('ep-absolute', epFiles());
      const r = await run(root, '--json', join(root, 'packages/b/src/c.ts'));
      expect(r.code).toBe(0);
      expect(r.json!.files.map((f) => f.path)).toEqual(['packages/b/src/c.ts']);
      expect(read(root, 'packages/b/src/c.ts')).toBe('export const linear = { apiKey: process.env.LINEAR_API_KEY ?? "" };\n');
      expect(read(root, 'packages/a/src/a.ts')).toContain(EP.ntn.value);
    });

    it('a path outside --root (`--root packages/a ../b/src`): exit 2, nothing written', async () => {
      const root = makeRepo('ep-outside', epFiles());
      const before = snapshot(root);
      const r = await run(join(root, 'packages/a'), '../b/src');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/outside the project root/);
      expect(changedPaths(before, snapshot(root))).toEqual([]);
    });

    it('a path that does not exist: exit 2, nothing written', async () => {
      const root = makeRepo('ep-missing', epFiles());
      const before = snapshot(root);
      const r = await run(root, 'packages/a/src', 'packages/zzz');
      expect(r.code).toBe(2);
      expect(r.err).toContain('packages/zzz');
      expect(changedPaths(before, snapshot(root))).toEqual([]);
    });

    it('a path whose only source is git-ignored: exit 2 (no JS/TS source), the ignored file untouched', async () => {
      const gen = `export const notion = { auth: "${EP.ntn.value}" };\n`;
      const root = makeRepo('ep-ignored', epFiles(), { after: { 'generated/client.ts': gen } });
      const r = await run(root, 'generated');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/no JS\/TS source files/);
      expect(read(root, 'generated/client.ts')).toBe(gen);
      expect(existsSync(join(root, '.env'))).toBe(false);
    });
  });

  // -------------------------------------------------------------------------------------------------------------
  // Repo SN: one worker, one token used everywhere (and first written as a fallback, which names it), other
  // fallbacks of every kind, headers in every shape, a generic worker.oauth client secret, a comment.

  const SN = reg({
    ntn: sec(fakeToken('notion-token', 6301), 'ntn_'),
    xoxb: sec(fakeToken('slack-bot-token', 6302), 'xoxb-'),
    lin: sec(fakeToken('linear-api-key', 6303), 'lin_api_'),
    stripe: sec(fakeToken('stripe-secret-key', 6304), 'sk_live_'),
    resend: sec(fakeToken('resend-api-key', 6305), 're_'),
    figma: sec(fakeToken('figma-pat', 6306), 'figd_'),
    oauthHex: sec(randomString(CHARSETS.hex, 40, 6307)),
    gcs: sec(fakeToken('google-oauth-client-secret', 6308), 'GOCSPX-'),
  });

  describe('one worker: one token everywhere, fallbacks of every kind, header shapes, .js/.mjs/.cjs/.mts/.cts/.tsx', () => {
    let root: string;
    let r: Run;
    beforeAll(async () => {
      root = makeRepo('crm-worker', {
        'package.json': pkg('crm-worker'),
        '.gitignore': GOOD_GITIGNORE,
        '.env.example': '# crm-worker\nLINEAR_KEY=\n',
        'src/env.mjs': `export const notionToken = process.env.NOTION_API_TOKEN ?? "${SN.ntn.value}";
export const linearKey = process.env.LINEAR_KEY || "${SN.lin.value}";
export const stripeKey = process.env["STRIPE_KEY"] ?? '${SN.stripe.value}';
const { RESEND_API_KEY = "${SN.resend.value}" } = process.env;
export const resendKey = RESEND_API_KEY;
`,
        'src/http.js': `// previous token: ${SN.ntn.value}
export const notionHeaders = { headers: { Authorization: \`Bearer ${SN.ntn.value}\`, "Notion-Version": "2022-06-28" } };
export const slackAuth = "Bearer " + "${SN.xoxb.value}";
export const basic = \`${SN.ntn.value}:${SN.ntn.value}\`;
`,
        'src/legacy.cjs': `"use strict";\nconst headers = new Headers([["Authorization", "Bearer ${SN.xoxb.value}"]]);\nmodule.exports = { notion: '${SN.ntn.value}', slack: headers.get("Authorization"), resend: "${SN.resend.value}" };\n`,
        'src/stripe.mts': `export function charge(key = "${SN.stripe.value}") {\n  return key.length;\n}\n`,
        'src/google.cts': `export const google = { clientSecret: process.env.GOOGLE_CLIENT_SECRET || '${SN.gcs.value}' };\n`,
        'src/Embed.tsx': `export const Embed = () => <FigmaEmbed token="${SN.figma.value}" notion={"${SN.ntn.value}"} />;\n\ndeclare function FigmaEmbed(p: { token: string; notion: string }): JSX.Element;\n`,
        'src/oauth.ts': `import { Worker } from "@notionhq/workers";

const worker = new Worker();

worker.oauth("linear", {
  name: "linear",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  clientId: process.env.LINEAR_CLIENT_ID ?? "",
  clientSecret: "${SN.oauthHex.value}",
  scope: "read",
});

export default worker;
`,
      });
      r = await run(root, '--json');
    }, 120_000);

    it('exit 0; the token first written as `process.env.NOTION_API_TOKEN ?? "…"` keeps that name in every file', () => {
      expect(r.code).toBe(0);
      const ntn = r.json!.files.flatMap((f) => f.secrets).filter((s) => s.masked.startsWith('ntn_'));
      expect(ntn.length).toBe(7); // env.mjs, http.js ×4 (comment included), legacy.cjs, Embed.tsx
      expect(new Set(ntn.map((s) => s.envName))).toEqual(new Set(['NOTION_API_TOKEN']));
      expect(ntn.filter((s) => s.action === 'fallback-removed')).toHaveLength(1);
      expect(occurrences(read(root, '.env'), SN.ntn.value)).toBe(1);
    });

    it('fallbacks (`??`, `||`, `["X"]`, a destructuring default) lose only their hardcoded value; their names are kept', () => {
      expect(read(root, 'src/env.mjs')).toBe(`export const notionToken = process.env.NOTION_API_TOKEN ?? "";
export const linearKey = process.env.LINEAR_KEY || "";
export const stripeKey = process.env["STRIPE_KEY"] ?? '';
const { RESEND_API_KEY = "" } = process.env;
export const resendKey = RESEND_API_KEY;
`);
      expect(read(root, 'src/google.cts')).toBe("export const google = { clientSecret: process.env.GOOGLE_CLIENT_SECRET || '' };\n");
      expect(read(root, 'src/stripe.mts')).toBe('export function charge(key = process.env.STRIPE_KEY ?? "") {\n  return key.length;\n}\n');
    });

    it('header shapes: Bearer template, `"Bearer " + "…"`, a Headers tuple, a basic pair in a template, a comment', () => {
      expect(read(root, 'src/http.js')).toBe(`// previous token: <moved to env NOTION_API_TOKEN>
export const notionHeaders = { headers: { Authorization: \`Bearer \${process.env.NOTION_API_TOKEN ?? ""}\`, "Notion-Version": "2022-06-28" } };
export const slackAuth = "Bearer " + (process.env.SLACK_BOT_TOKEN ?? "");
export const basic = \`\${process.env.NOTION_API_TOKEN ?? ""}:\${process.env.NOTION_API_TOKEN ?? ""}\`;
`);
      expect(read(root, 'src/legacy.cjs')).toContain('const headers = new Headers([["Authorization", `Bearer ${process.env.SLACK_BOT_TOKEN ?? ""}`]]);\n');
      expect(read(root, 'src/legacy.cjs')).toContain('module.exports = { notion: process.env.NOTION_API_TOKEN ?? "", slack: headers.get("Authorization"), resend: process.env.RESEND_API_KEY ?? "" };\n');
    });

    it('.tsx attributes and a generic worker.oauth clientSecret (only its position says so)', () => {
      expect(read(root, 'src/Embed.tsx')).toContain('<FigmaEmbed token={process.env.FIGMA_ACCESS_TOKEN ?? ""} notion={process.env.NOTION_API_TOKEN ?? ""} />');
      const m = /  clientSecret: process\.env\.(\w+) \?\? "",\n/.exec(read(root, 'src/oauth.ts'));
      expect(m).not.toBeNull();
      expect(m![1]).toMatch(/CLIENT_SECRET$/);
      expect(envOf(root)[m![1]!]).toBe(SN.oauthHex.value);
      for (const f of ['src/env.mjs', 'src/http.js', 'src/legacy.cjs', 'src/stripe.mts', 'src/google.cts', 'src/Embed.tsx', 'src/oauth.ts']) parses(root, f);
    });

    it('.env holds each value once under the kept names; .env.example keeps its line and lists each name once', () => {
      const env = envOf(root);
      expect(env).toMatchObject({ NOTION_API_TOKEN: SN.ntn.value, LINEAR_KEY: SN.lin.value, STRIPE_KEY: SN.stripe.value, RESEND_API_KEY: SN.resend.value, GOOGLE_CLIENT_SECRET: SN.gcs.value, SLACK_BOT_TOKEN: SN.xoxb.value, FIGMA_ACCESS_TOKEN: SN.figma.value });
      expect(Object.keys(env)).toHaveLength(8);
      const text = read(root, '.env');
      for (const s of Object.values(SN)) expect(occurrences(text, s.value)).toBe(1);
      const example = keysOf(root);
      expect(example[0]).toBe('LINEAR_KEY');
      expect(new Set(example).size).toBe(example.length);
      expect([...example].sort()).toEqual(Object.keys(env).sort());
      expect(r.json!.envNames.find((e) => e.name === 'LINEAR_KEY')!.envExample).toBe('present');
      expect(r.json!.rotate.map((x) => x.envName).sort()).toEqual(Object.keys(env).sort());
    });

    it('run with `node --env-file=.env`, the rewritten .mjs/.js/.cjs modules read exactly the values they held', () => {
      const got = evalWithEnv(
        root,
        join(root, '.env'),
        `const e = await import(${fileUrl(root, 'src/env.mjs')});
const h = await import(${fileUrl(root, 'src/http.js')});
const { createRequire } = await import('node:module');
const l = createRequire(${JSON.stringify(join(root, 'package.json'))})('./src/legacy.cjs');
const out = [e.notionToken, e.linearKey, e.stripeKey, e.resendKey, h.notionHeaders.headers.Authorization, h.slackAuth, h.basic, l.notion, l.slack, l.resend];`,
      );
      const v = SN;
      expect(got).toBe(
        sha(JSON.stringify([v.ntn.value, v.lin.value, v.stripe.value, v.resend.value, `Bearer ${v.ntn.value}`, `Bearer ${v.xoxb.value}`, `${v.ntn.value}:${v.ntn.value}`, v.ntn.value, `Bearer ${v.xoxb.value}`, v.resend.value])),
      );
    });

    it('a second run (dirty tree, nothing to write) changes nothing; outputs masked', async () => {
      const before = snapshot(root);
      const again = await run(root, '--json');
      expect(again.code).toBe(0);
      expect(changedPaths(before, snapshot(root))).toEqual([]);
      expectNoLeak(r.out + r.err + again.out + again.err, Object.values(SN));
    });
  });

  // -------------------------------------------------------------------------------------------------------------
  // Names: which value gets the plain name

  const NM = reg({
    fbA: sec(fakeToken('notion-token', 6401), 'ntn_'),
    plainB: sec(fakeToken('notion-token', 6402), 'ntn_'),
    shared: sec(fakeToken('slack-bot-token', 6403), 'xoxb-'),
    k1: sec(fakeToken('linear-api-key', 6404), 'lin_api_'),
    k2: sec(fakeToken('linear-api-key', 6405), 'lin_api_'),
    other: sec(fakeToken('resend-api-key', 6406), 're_'),
    codeGh: sec(fakeToken('github-classic-pat', 6407), 'ghp_'),
    testGh: sec(fakeToken('github-classic-pat', 6408), 'ghp_'),
  });

  describe('names competing for one conventional name', () => {
    it('a fallback `process.env.NOTION_TOKEN ?? A` keeps NOTION_TOKEN even when a file sorting first holds another token B', async () => {
      const root = makeRepo('names-fallback', {
        'package.json': pkg('names-fallback'),
        '.gitignore': GOOD_GITIGNORE,
        'src/a-client.ts': `export const client = { auth: "${NM.plainB.value}" };\n`,
        'src/z-env.ts': `export const token = process.env.NOTION_TOKEN ?? "${NM.fbA.value}";\n`,
      });
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, 'src/z-env.ts')).toBe('export const token = process.env.NOTION_TOKEN ?? "";\n');
      expect(read(root, 'src/a-client.ts')).toBe('export const client = { auth: process.env.NOTION_TOKEN_2 ?? "" };\n');
      expect(envOf(root)).toEqual({ NOTION_TOKEN: NM.fbA.value, NOTION_TOKEN_2: NM.plainB.value });
    });

    it('one value as the fallback of two names: one .env line, and both reads still yield it', async () => {
      const root = makeRepo('names-two-fallbacks', {
        'package.json': pkg('names-two-fallbacks'),
        '.gitignore': GOOD_GITIGNORE,
        'src/slack.mjs': `export const a = process.env.SLACK_TOKEN ?? "${NM.shared.value}";\nexport const b = process.env.SLACK_BOT ?? "${NM.shared.value}";\n`,
      });
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, 'src/slack.mjs')).not.toContain(NM.shared.value);
      expect(occurrences(read(root, '.env'), NM.shared.value)).toBe(1);
      parses(root, 'src/slack.mjs');
      const got = evalWithEnv(root, join(root, '.env'), `const m = await import(${fileUrl(root, 'src/slack.mjs')});\nconst out = [m.a, m.b];`);
      expect(got).toBe(sha(JSON.stringify([NM.shared.value, NM.shared.value])));
    });

    it('fallbacks of one name holding different values stay in place (manual, exit 1); the rest of the run proceeds', async () => {
      const files: Files = {
        'package.json': pkg('names-conflict'),
        '.gitignore': GOOD_GITIGNORE,
        'src/a.ts': `export const a = process.env.LINEAR_API_KEY ?? "${NM.k1.value}";\n`,
        'src/b.js': `export const b = process.env.LINEAR_API_KEY || "${NM.k2.value}";\n`,
        'src/mail.ts': `export const mail = { apiKey: "${NM.other.value}" };\n`,
      };
      const root = makeRepo('names-conflict', files);
      const r = await run(root, '--json');
      expect(r.code).toBe(1);
      expect(read(root, 'src/a.ts')).toBe(files['src/a.ts']);
      expect(read(root, 'src/b.js')).toBe(files['src/b.js']);
      expect(read(root, 'src/mail.ts')).toBe('export const mail = { apiKey: process.env.RESEND_API_KEY ?? "" };\n');
      expect(envOf(root)).toEqual({ RESEND_API_KEY: NM.other.value });
      const actions = r.json!.files.flatMap((f) => f.secrets).filter((s) => s.masked.startsWith('lin_api_')).map((s) => s.action);
      expect(actions).toEqual(['manual', 'manual']);
      expect(r.json!.summary.manual).toBe(2);
      expectNoLeak(r.out + r.err, Object.values(NM));
    });

    it('a token of the worker\'s code gets GITHUB_TOKEN; another one only a test file holds gets GITHUB_TOKEN_2', async () => {
      const root = makeRepo('names-test-file', {
        'package.json': pkg('names-test-file'),
        '.gitignore': GOOD_GITIGNORE,
        'src/__tests__/github.test.ts': `import { expect, it } from "vitest";\nconst TOKEN = "${NM.testGh.value}";\nit("has a token", () => expect(TOKEN.length).toBeGreaterThan(0));\n`,
        'src/index.ts': `export const gh = { auth: "${NM.codeGh.value}" };\n`,
      });
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, 'src/index.ts')).toBe('export const gh = { auth: process.env.GITHUB_TOKEN ?? "" };\n');
      expect(read(root, 'src/__tests__/github.test.ts')).toContain('const TOKEN = process.env.GITHUB_TOKEN_2 ?? "";\n');
      expect(envOf(root)).toEqual({ GITHUB_TOKEN: NM.codeGh.value, GITHUB_TOKEN_2: NM.testGh.value });
    });
  });

  // -------------------------------------------------------------------------------------------------------------
  // Existing env files with odd content

  const EV = reg({
    ntn: sec(fakeToken('notion-token', 6501), 'ntn_'),
    lin: sec(fakeToken('linear-api-key', 6502), 'lin_api_'),
    linOld: sec(fakeToken('linear-api-key', 6503), 'lin_api_'),
    other: sec(fakeGenericSecret(6504)),
    pem: sec(fakeToken('pem-private-key', 6505), '-----BEGIN RSA PRIVATE KEY-----\n'),
    xoxb: sec(fakeToken('slack-bot-token', 6506), 'xoxb-'),
    signing: sec(randomString(CHARSETS.b62, 24, 6507)),
  });
  const evRepo = (name: string, env: string | Buffer | undefined, extra: Files = {}, envMode = 0o600): string => {
    const root = makeRepo(name, {
      'package.json': pkg(name),
      '.gitignore': GOOD_GITIGNORE,
      'src/notion.ts': `export const notion = { auth: "${EV.ntn.value}" };\n`,
      'src/linear.ts': `export const linear = { apiKey: "${EV.lin.value}" };\n`,
      ...extra,
    }, env === undefined ? {} : { after: { '.env': env } });
    if (env !== undefined) chmodSync(join(root, '.env'), envMode);
    return root;
  };

  describe('existing env files with odd content', () => {
    it('a CRLF .env with comments, `export`, a quoted `#` value, an empty key and no final newline: bytes kept, CRLF lines appended', async () => {
      const env = crlf(`# crm-worker local secrets\n\nexport NOTION_TOKEN="${EV.ntn.value}"\nWEBHOOK_SIGNING="${EV.signing.value}#v2 legacy"\nEMPTY=\nPORT=8787`);
      const root = evRepo('odd-crlf', env);
      const oldParse = parseEnv(Buffer.from(env));
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      const text = read(root, '.env');
      expect(text.startsWith(`${env}\r\n`)).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      expect(envOf(root)).toEqual({ ...oldParse, LINEAR_API_KEY: EV.lin.value });
      expect(oldParse['WEBHOOK_SIGNING']).toBe(`${EV.signing.value}#v2 legacy`);
      expect(occurrences(text, EV.ntn.value)).toBe(1);
      expect(read(root, 'src/notion.ts')).toBe('export const notion = { auth: process.env.NOTION_TOKEN ?? "" };\n');
      expect(mode(root, '.env')).toBe(0o600);
      expect(r.json!.warnings).toEqual([]);
    });

    it('the code\'s value already in .env (single quotes, inline comment): name reused, .env unchanged, .env.example gains it', async () => {
      const env = `NOTION_TOKEN='${EV.ntn.value}' # dev workspace\nLINEAR_API_KEY=${EV.lin.value}\n`;
      const root = evRepo('odd-same', env);
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, '.env')).toBe(env);
      expect(r.json!.envFiles['.env']).toBe('unchanged');
      expect(read(root, 'src/notion.ts')).toBe('export const notion = { auth: process.env.NOTION_TOKEN ?? "" };\n');
      expect(read(root, 'src/linear.ts')).toBe('export const linear = { apiKey: process.env.LINEAR_API_KEY ?? "" };\n');
      expect(keysOf(root).sort()).toEqual(['LINEAR_API_KEY', 'NOTION_TOKEN']);
      expect(r.json!.envNames.every((e) => e.dotEnv === 'present')).toBe(true);
    });

    it('the conventional name held by another value: the code\'s value gets `_2`, the old line stays as it was', async () => {
      const env = `LINEAR_API_KEY=${EV.linOld.value}\n`;
      const root = evRepo('odd-other-value', env);
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, '.env').startsWith(env)).toBe(true);
      expect(envOf(root)).toEqual({ LINEAR_API_KEY: EV.linOld.value, LINEAR_API_KEY_2: EV.lin.value, NOTION_TOKEN: EV.ntn.value });
      expect(read(root, 'src/linear.ts')).toBe('export const linear = { apiKey: process.env.LINEAR_API_KEY_2 ?? "" };\n');
    });

    it('duplicate keys, the code\'s value on the first (shadowed) line: it gets its own name, since dotenv reads the last', async () => {
      const env = `LINEAR_API_KEY=${EV.lin.value}\nLINEAR_API_KEY=${EV.linOld.value}\n`;
      const root = evRepo('odd-dup-first', env);
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      const name = /process\.env\.(\w+)/.exec(read(root, 'src/linear.ts'))![1]!;
      expect(name).not.toBe('LINEAR_API_KEY');
      expect(envOf(root)[name]).toBe(EV.lin.value);
      expect(envOf(root)['LINEAR_API_KEY']).toBe(EV.linOld.value);
      expect(read(root, '.env').startsWith(env)).toBe(true);
    });

    it('duplicate keys, the code\'s value on the last line: the name is reused, nothing appended for it', async () => {
      const env = `export LINEAR_API_KEY=${EV.linOld.value}\nLINEAR_API_KEY=${EV.lin.value}\n`;
      const root = evRepo('odd-dup-last', env);
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, 'src/linear.ts')).toBe('export const linear = { apiKey: process.env.LINEAR_API_KEY ?? "" };\n');
      expect(occurrences(read(root, '.env'), EV.lin.value)).toBe(1);
      expect(envOf(root)).toEqual({ LINEAR_API_KEY: EV.lin.value, NOTION_TOKEN: EV.ntn.value });
    });

    it('an empty placeholder `NOTION_TOKEN=` (copied from .env.example) is never overwritten: `_2` is appended', async () => {
      const env = 'NOTION_TOKEN=\nLINEAR_API_KEY=';
      const root = evRepo('odd-placeholder', env);
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, '.env').startsWith(`${env}\n`)).toBe(true);
      expect(envOf(root)).toEqual({ NOTION_TOKEN: '', LINEAR_API_KEY: '', NOTION_TOKEN_2: EV.ntn.value, LINEAR_API_KEY_2: EV.lin.value });
      expect(read(root, 'src/notion.ts')).toBe('export const notion = { auth: process.env.NOTION_TOKEN_2 ?? "" };\n');
    });

    it('the value held under a lower-case `name: value` line keeps that name', async () => {
      const env = `notion_token: ${EV.ntn.value}\n`;
      const root = evRepo('odd-colon', env);
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, 'src/notion.ts')).toBe('export const notion = { auth: process.env.notion_token ?? "" };\n');
      expect(occurrences(read(root, '.env'), EV.ntn.value)).toBe(1);
    });

    it('a multi-line double-quoted value (a PEM key) before the appended lines still parses to the same value', async () => {
      const env = `PRIVATE_KEY="${EV.pem.value}"\nPORT=8787\n`;
      const root = evRepo('odd-multiline', env);
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, '.env').startsWith(env)).toBe(true);
      expect(envOf(root)).toEqual({ PRIVATE_KEY: EV.pem.value, PORT: '8787', NOTION_TOKEN: EV.ntn.value, LINEAR_API_KEY: EV.lin.value });
    });

    it('a CRLF .env.example with `export NAME=`, a duplicate key and no final newline: present names not added again', async () => {
      const example = crlf('# crm\nexport NOTION_TOKEN=\nNOTION_TOKEN=\nPORT=8787');
      const root = evRepo('odd-example', undefined, { '.env.example': example });
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      const text = read(root, '.env.example');
      expect(text.startsWith(`${example}\r\n`)).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      expect(occurrences(text, 'NOTION_TOKEN=')).toBe(2);
      expect(occurrences(text, 'LINEAR_API_KEY=')).toBe(1);
      expect(r.json!.envNames.find((e) => e.name === 'NOTION_TOKEN')!.envExample).toBe('present');
      expect(r.json!.envNames.find((e) => e.name === 'LINEAR_API_KEY')!.envExample).toBe('added');
    });

    it('a .env.local holding the value (not ignored): .env is written, .env.local kept byte for byte and ignored afterwards; --check 1 → 0', async () => {
      const local = `# personal overrides\nNOTION_TOKEN=${EV.ntn.value}\n`;
      const root = makeRepo('odd-local', {
        'package.json': pkg('odd-local'),
        '.gitignore': 'node_modules/\n.env\n',
        'src/notion.ts': `export const notion = { auth: "${EV.ntn.value}" };\n`,
      }, { after: { '.env.local': local } });
      const checkBefore = await run(root, '--check', '--json');
      expect(checkBefore.code).toBe(1);
      expect((JSON.parse(checkBefore.out) as { check: { findings: { problem: string; file: string }[] } }).check.findings).toEqual([expect.objectContaining({ problem: 'not-ignored', file: '.env.local' })]);
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, '.env.local')).toBe(local);
      expect(envOf(root)).toEqual({ NOTION_TOKEN: EV.ntn.value });
      expect(read(root, '.gitignore')).toBe(`node_modules/\n.env\n\n${HEADER}\n.env.*\n!.env.example\n`);
      expect(isIgnored(root, '.env.local')).toBe(true);
      const checkAfter = await run(root, '--check');
      expect(checkAfter.code).toBe(0);
      expectNoLeak(checkBefore.out + checkBefore.err + r.out + r.err + checkAfter.out + checkAfter.err, Object.values(EV));
    });

    it('.env present, untracked and not ignored (no .gitignore): .gitignore created first, git no longer sees .env; --check 1 → 0', async () => {
      const root = makeRepo('odd-unignored', {
        'package.json': pkg('odd-unignored'),
        'src/slack.ts': `export const slack = { token: "${EV.xoxb.value}" };\n`,
      }, { after: { '.env': 'PORT=8787\n' } });
      chmodSync(join(root, '.env'), 0o600);
      expect(git(root, 'status', '--porcelain')).toMatch(/^\?\? \.env$/m);
      expect((await run(root, '--check')).code).toBe(1);
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, '.gitignore')).toBe(IGNORE_BLOCK);
      expect(r.json!.envFiles['.gitignore']).toBe('created');
      expect(git(root, 'status', '--porcelain', '--untracked-files=all')).not.toMatch(/^\?\? \.env$/m);
      expect(envOf(root)).toEqual({ PORT: '8787', SLACK_BOT_TOKEN: EV.xoxb.value });
      expect((await run(root, '--check')).code).toBe(0);
    });

    it('an existing .env with mode 0644 keeps its mode; the report warns (`chmod 600 .env`)', async () => {
      const root = evRepo('odd-mode', 'PORT=8787\n', {}, 0o644);
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(mode(root, '.env')).toBe(0o644);
      expect(r.json!.warnings.join('\n')).toMatch(/chmod 600 \.env/);
      const human = await run(root);
      expect(human.code).toBe(0);
    });

    it('a Latin-1 .env: the run refuses (non-zero), writes nothing, and names only the file', async () => {
      const env = Buffer.concat([Buffer.from(`OWNER=Jos`, 'latin1'), Buffer.from([0xe9]), Buffer.from(`\nSECRET=${EV.other.value}\n`, 'latin1')]);
      const root = evRepo('odd-latin1', env);
      const before = snapshot(root);
      const r = await run(root);
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(/\.env is not UTF-8/);
      expect(changedPaths(before, snapshot(root))).toEqual([]);
      expectNoLeak(r.out + r.err, Object.values(EV));
    });
  });

  // -------------------------------------------------------------------------------------------------------------
  // .gitignore shapes

  const GI = reg({ ntn: sec(fakeToken('notion-token', 6601), 'ntn_') });
  interface GitignoreCase {
    readonly name: string;
    readonly before: string;
    readonly appended: string;
  }
  const GITIGNORE_CASES: GitignoreCase[] = [
    { name: '`*.env` (matches .env, not .env.local)', before: 'node_modules\n*.env\n', appended: `\n${HEADER}\n.env.*\n!.env.example\n` },
    { name: '`.env*` without a negation (the example would be ignored)', before: '.env*\n', appended: `\n${HEADER}\n!.env.example\n` },
    { name: '`.env*` and `!.env.example`: left as is', before: 'dist/\n.env*\n!.env.example\n', appended: '' },
    { name: '`.env` then `!.env` (a later negation un-ignores it)', before: '.env\n!.env\n', appended: `\n${HEADER}\n.env\n.env.*\n!.env.example\n` },
    { name: '`.*` and `!.gitignore` (every dotfile)', before: '.*\n!.gitignore\n', appended: `\n${HEADER}\n!.env.example\n` },
    { name: 'only `.env.*` and `!.env.example`', before: '.env.*\n!.env.example\n', appended: `\n${HEADER}\n.env\n` },
    { name: '`**/.env*` and `!**/.env.example`: left as is', before: '**/.env*\n!**/.env.example\n', appended: '' },
    { name: 'anchored `/.env`, `/.env.*`, `!/.env.example`: left as is', before: '/.env\n/.env.*\n!/.env.example\n', appended: '' },
    { name: '`.env # comment` (no inline comments in .gitignore: a rule for another name)', before: '.env # local\n', appended: `\n${HEADER}\n.env\n.env.*\n!.env.example\n` },
  ];

  describe('.gitignore shapes', () => {
    it.each(GITIGNORE_CASES)('$name', async (c) => {
      const root = makeRepo('gitignore-shape', {
        'package.json': pkg('gitignore-shape'),
        '.gitignore': c.before,
        'src/index.ts': `export const notion = { auth: "${GI.ntn.value}" };\n`,
      });
      const r = await run(root, '--json');
      expect(r.code).toBe(0);
      expect(read(root, '.gitignore')).toBe(c.before + c.appended);
      expect(r.json!.envFiles['.gitignore']).toBe(c.appended ? 'updated' : 'unchanged');
      for (const p of ['.env', '.env.local', '.env.production', '.env.development.local']) expect(isIgnored(root, p), p).toBe(true);
      expect(isIgnored(root, '.env.example')).toBe(false);
      const status = git(root, 'status', '--porcelain', '--untracked-files=all');
      expect(status).not.toMatch(/^\?\? \.env$/m);
      expect(status).toMatch(/^\?\? \.env\.example$/m);
      const before = snapshot(root);
      const again = await run(root, '--json');
      expect(again.code).toBe(0);
      expect(changedPaths(before, snapshot(root))).toEqual([]);
      expectNoLeak(r.out + r.err + again.out + again.err, Object.values(GI));
    });
  });

  // -------------------------------------------------------------------------------------------------------------
  // Modes: --dry-run, idempotence, --check, the lock, a dirty tree, files that do not parse, an interrupted run

  const OP = reg({
    ntn: sec(fakeToken('notion-token', 6701), 'ntn_'),
    xoxb: sec(fakeToken('slack-bot-token', 6702), 'xoxb-'),
    google: sec(fakeToken('google-api-key', 6703), 'AIza'),
    gl: sec(fakeToken('gitlab-pat', 6704), 'glpat-'),
    gh: sec(fakeToken('github-classic-pat', 6705), 'ghp_'),
    stripe: sec(fakeToken('stripe-secret-key', 6706), 'sk_live_'),
    resend: sec(fakeToken('resend-api-key', 6707), 're_'),
    oldEnv: sec(fakeGenericSecret(6708)),
  });
  const opFiles = (): Files => ({
    'package.json': pkg('ops-worker'),
    '.gitignore': 'node_modules/\n',
    '.env.example': '# ops-worker\nPORT=8787\n',
    'src/notion.ts': `export const notion = { auth: "${OP.ntn.value}" };\n`,
    'src/slack.mjs': `export const headers = { Authorization: \`Bearer ${OP.xoxb.value}\` };\n`,
    'src/maps.cjs': crlf(`module.exports = (q) =>\n  \`https://maps.googleapis.com/maps/api/geocode/json?address=\${encodeURIComponent(q)}&key=${OP.google.value}\`;\n`),
  });

  describe('--dry-run, idempotence and the other modes', () => {
    let root: string;
    let before: Map<string, string>;
    let dry: Run;
    let dryJson: Run;
    let afterDry: Map<string, string>;
    let real: Run;
    let afterReal: Map<string, string>;
    beforeAll(async () => {
      root = makeRepo('ops-worker', opFiles(), { after: { '.env': `LEGACY_SECRET=${OP.oldEnv.value}\n` } });
      chmodSync(join(root, '.env'), 0o600);
      before = snapshot(root);
      dry = await run(root, '--dry-run');
      dryJson = await run(root, '--dry-run', '--json');
      afterDry = snapshot(root);
      real = await run(root);
      afterReal = snapshot(root);
    }, 120_000);

    it('--dry-run writes nothing (every byte and mode of the tree), leaves no lock, puts only the diff on stdout', () => {
      expect(dry.code).toBe(0);
      expect(changedPaths(before, afterDry)).toEqual([]);
      expect(existsSync(join(root, '.env.worker-auth.lock'))).toBe(false);
      expect(dry.out.startsWith('=') || dry.out.startsWith('---') || dry.out.startsWith('Index')).toBe(true);
      expect(dry.out).not.toContain('Rotate');
      expect(dry.err).toContain('dry run, nothing written.');
      expect(dry.out).toMatch(/^\+export const notion = \{ auth: process\.env\.NOTION_TOKEN \?\? "" \};$/m);
      expect(dry.out).toMatch(/^-export const notion = \{ auth: "ntn_…[A-Za-z0-9]{1,4}" \};$/m);
    });

    it('--dry-run --json: one JSON document (dryRun, would change, dotEnv dry-run, the diff), masked; existing .env lines shown as …', () => {
      expect(dryJson.code).toBe(0);
      const doc = dryJson.json!;
      expect(doc.dryRun).toBe(true);
      expect(doc.envFiles).toEqual({ '.gitignore': 'would change', '.env': 'would change', '.env.example': 'would change' });
      expect(doc.envNames.every((e) => e.dotEnv === 'dry-run')).toBe(true);
      expect(doc.files.every((f) => f.status === 'changed')).toBe(true);
      expect(typeof doc.diff).toBe('string');
      expect(doc.diff).not.toContain('LEGACY_SECRET');
      expectNoLeak(dry.out + dry.err + dryJson.out + dryJson.err, Object.values(OP));
    });

    it('the real run then changes exactly the files the dry-run diff named', () => {
      expect(real.code).toBe(0);
      const named = [...(dryJson.json!.diff ?? '').matchAll(/^\+\+\+ b\/(\S+)/gm)].map((m) => m[1]!).sort();
      expect(named).toEqual(['.env', '.env.example', '.gitignore', 'src/maps.cjs', 'src/notion.ts', 'src/slack.mjs']);
      expect(changedPaths(afterDry, afterReal)).toEqual(named);
      expect(read(root, 'src/maps.cjs')).toBe(crlf('module.exports = (q) =>\n  `https://maps.googleapis.com/maps/api/geocode/json?address=${encodeURIComponent(q)}&key=${process.env.GOOGLE_API_KEY ?? ""}`;\n'));
      expect(envOf(root)).toEqual({ LEGACY_SECRET: OP.oldEnv.value, NOTION_TOKEN: OP.ntn.value, SLACK_BOT_TOKEN: OP.xoxb.value, GOOGLE_API_KEY: OP.google.value });
      expect(read(root, '.env.example').startsWith('# ops-worker\nPORT=8787\n')).toBe(true);
    });

    it('running again twice changes nothing: exit 0, moved 0, every env file unchanged', async () => {
      commitAll(root, 'codemod');
      const second = await run(root, '--json');
      const third = await run(root);
      expect([second.code, third.code]).toEqual([0, 0]);
      expect(changedPaths(afterReal, snapshot(root))).toEqual([]);
      expect(second.json!.summary.moved).toBe(0);
      expect(second.json!.envFiles).toEqual({ '.gitignore': 'unchanged', '.env': 'unchanged', '.env.example': 'unchanged' });
      expect(git(root, 'status', '--porcelain')).toBe('');
      expectNoLeak(real.out + real.err + second.out + second.err + third.out + third.err, Object.values(OP));
      expectShortMasks(real.err);
    });
  });

  it('a secret left for a manual edit (a type position): exit 1 on every run, and the second run changes nothing', async () => {
    const root = makeRepo('manual-left', {
      'package.json': pkg('manual-left'),
      '.gitignore': GOOD_GITIGNORE,
      'src/types.ts': `export type LegacyToken = "${OP.gh.value}";\nexport const gh = { auth: "${OP.gh.value}" };\n`,
    });
    const first = await run(root, '--json');
    expect(first.code).toBe(1);
    expect(read(root, 'src/types.ts')).toBe(`export type LegacyToken = "${OP.gh.value}";\nexport const gh = { auth: process.env.GITHUB_TOKEN ?? "" };\n`);
    expect(first.json!.files[0]!.secrets.map((s) => s.action)).toEqual(['manual', 'moved']);
    const before = snapshot(root);
    const second = await run(root, '--json');
    expect(second.code).toBe(1);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    expect(first.err + second.err).toContain('left for a manual edit');
    expectNoLeak(first.out + first.err + second.out + second.err, Object.values(OP));
  });

  it('a stale lock file: exit 2 and nothing written (the lock stays); a dry run still works; without the lock the run completes', async () => {
    const root = makeRepo('stale-lock', opFiles(), { after: { '.env.worker-auth.lock': '4242\n' } });
    const before = snapshot(root);
    const refused = await run(root, '--json');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/another worker-auth-codemod is running here/);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    const dry = await run(root, '--dry-run');
    expect(dry.code).toBe(0);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    rmSync(join(root, '.env.worker-auth.lock'));
    const ok = await run(root, '--json');
    expect(ok.code).toBe(0);
    expect(envOf(root)['NOTION_TOKEN']).toBe(OP.ntn.value);
    expect(existsSync(join(root, '.env.worker-auth.lock'))).toBe(false);
    expectNoLeak(refused.out + refused.err + dry.out + dry.err + ok.out + ok.err, Object.values(OP));
  });

  it('two runs at once on one root: one refused (lock), the other completes; the result is one clean run', async () => {
    const root = makeRepo('race', opFiles());
    const clean = makeRepo('race-reference', opFiles());
    const results = await Promise.allSettled([api({ root, paths: [] }), api({ root, paths: [] })]);
    const fulfilled = results.filter((x) => x.status === 'fulfilled');
    const rejected = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(String((rejected[0]!.reason as Error).message)).toMatch(/another worker-auth-codemod is running here/);
    expectNoLeak(String((rejected[0]!.reason as Error).message), Object.values(OP));
    await api({ root: clean, paths: [] });
    for (const f of ['src/notion.ts', 'src/slack.mjs', 'src/maps.cjs', '.gitignore', '.env.example', '.env']) expect(read(root, f), f).toBe(read(clean, f));
  });

  it('uncommitted changes: refused (exit 2), nothing written; --allow-dirty writes', async () => {
    const root = makeRepo('dirty', opFiles());
    writeFileSync(join(root, 'src/notion.ts'), `${read(root, 'src/notion.ts')}// wip\n`);
    const before = snapshot(root);
    const refused = await run(root);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/uncommitted changes/);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    const ok = await run(root, '--allow-dirty', '--json');
    expect(ok.code).toBe(0);
    expect(read(root, 'src/notion.ts')).toBe('export const notion = { auth: process.env.NOTION_TOKEN ?? "" };\n// wip\n');
  });

  it('files that do not parse (a syntax error, a JSX tag named like a token): failed, byte for byte, clear masked errors; the rest moves; exit 1', async () => {
    const broken = `export const gitlab = {\n  token: "${OP.gl.value}",\n  url: "https://gitlab.example.com"\n  projects: [1, 2\n};\n`;
    const badJsx = `export const Badge = () => <${OP.gh.value}>x</div>;\n`;
    const root = makeRepo('unparsable', { ...opFiles(), 'src/wip.ts': broken, 'src/Badge.js': badJsx });
    const r = await run(root, '--json');
    expect(r.code).toBe(1);
    expect(read(root, 'src/wip.ts')).toBe(broken);
    expect(read(root, 'src/Badge.js')).toBe(badJsx);
    const failed = r.json!.files.filter((f) => f.status === 'failed');
    expect(failed.map((f) => f.path).sort()).toEqual(['src/Badge.js', 'src/wip.ts']);
    for (const f of failed) expect(f.error).toMatch(new RegExp(`^${f.path.replace('.', '\\.')}:\\d+: does not parse \\(.+\\); left untouched\\.$`));
    expect(r.json!.summary.failed).toBe(2);
    expect(read(root, 'src/notion.ts')).toBe('export const notion = { auth: process.env.NOTION_TOKEN ?? "" };\n');
    expect(Object.keys(envOf(root)).sort()).toEqual(['GOOGLE_API_KEY', 'NOTION_TOKEN', 'SLACK_BOT_TOKEN']);
    const human = await run(root, '--allow-dirty');
    expect(human.code).toBe(1);
    expect(human.err).toMatch(/^error src\/wip\.ts:\d+: does not parse/m);
    expectNoLeak(r.out + r.err + human.out + human.err, Object.values(OP));
  });

  it('a rewritten executable .cjs script keeps its mode and shebang; no temp file is left behind', async () => {
    const script = `#!/usr/bin/env node\n"use strict";\nconst stripe = require("stripe")("${OP.stripe.value}");\nmodule.exports = stripe;\n`;
    const root = makeRepo('exec-script', { 'package.json': pkg('exec-script'), '.gitignore': GOOD_GITIGNORE, 'scripts/refund.cjs': script });
    chmodSync(join(root, 'scripts/refund.cjs'), 0o755);
    commitAll(root, 'exec bit');
    const r = await run(root);
    expect(r.code).toBe(0);
    expect(mode(root, 'scripts/refund.cjs')).toBe(0o755);
    expect(read(root, 'scripts/refund.cjs')).toBe('#!/usr/bin/env node\n"use strict";\nconst stripe = require("stripe")(process.env.STRIPE_SECRET_KEY ?? "");\nmodule.exports = stripe;\n');
    expect(readdirSync(join(root, 'scripts'))).toEqual(['refund.cjs']);
    expect(readdirSync(root).sort()).toEqual(['.env', '.env.example', '.git', '.gitignore', 'package.json', 'scripts']);
    expect(git(root, 'diff', '--summary')).not.toMatch(/mode change/);
  });

  it('a monorepo run stopped after 4 writes: every file wholly old or new, values already in .env; a re-run completes it', async () => {
    const files = mrFiles();
    const root = makeRepo('mono-interrupted', files);
    const clean = makeRepo('mono-uninterrupted', files);
    const first = await runCodemod({ root, paths: [], failAfterWrites: 4 }).catch((e: unknown) => e);
    expectNoLeak(first instanceof Error ? first.message : JSON.stringify(first), Object.values(MR));
    expect(isIgnored(root, '.env')).toBe(true);
    expect(Object.values(envOf(root)).sort()).toEqual(Object.values(MR).map((s) => s.value).sort());
    const sources = Object.keys(files).filter((f) => /\/src\//.test(f));
    for (const f of sources) {
      const text = read(root, f);
      expect(text === files[f] || !Object.values(MR).some((s) => text.includes(s.value)), f).toBe(true);
    }
    expect(sources.some((f) => read(root, f) === files[f] && Object.values(MR).some((s) => String(files[f]).includes(s.value)))).toBe(true);
    const again = await run(root, '--json', '--allow-dirty');
    expect(again.code).toBe(0);
    await api({ root: clean, paths: [] });
    for (const f of [...sources, '.gitignore']) expect(read(root, f), f).toBe(read(clean, f));
    expect(envOf(root)).toEqual(envOf(clean));
    expect(keysOf(root).sort()).toEqual(keysOf(clean).sort());
  });

  it('--check at a monorepo root: a worker .env.example holding a secret and an unignored worker .env.local; exit 1, masked', async () => {
    const root = makeRepo('check-mono', {
      'package.json': pkg('check-mono', { workspaces: ['packages/*'] }),
      '.gitignore': 'node_modules/\n/.env\n',
      'packages/a/package.json': pkg('a'),
      'packages/a/.env.example': `# a\nRESEND_API_KEY=${OP.resend.value}\nPORT=8787\n`,
      'packages/a/src/index.ts': 'export const k = process.env.RESEND_API_KEY ?? "";\n',
    }, { after: { 'packages/a/.env.local': 'PORT=9999\n' } });
    const json = await run(root, '--check', '--json');
    const human = await run(root, '--check');
    expect([json.code, human.code]).toEqual([1, 1]);
    const doc = JSON.parse(json.out) as { check: { findings: { problem: string; file: string; envName?: string }[] } };
    expect(doc.check.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ problem: 'not-ignored', file: 'packages/a/.env.local' }),
        expect.objectContaining({ problem: 'secret-in-example', file: 'packages/a/.env.example', envName: 'RESEND_API_KEY' }),
      ]),
    );
    expect(doc.check.findings).toHaveLength(2);
    expect(human.err).toContain('packages/a/.env.local');
    expectNoLeak(json.out + json.err + human.out + human.err, Object.values(OP));
  });

  it('--sync-env-example --dry-run writes nothing and shows only names; the real sync appends them', async () => {
    const root = makeRepo('sync-dry', {
      'package.json': pkg('sync-dry'),
      '.gitignore': GOOD_GITIGNORE,
      '.env.example': `PORT=8787\n`,
      'src/index.ts': 'export const cfg = { notion: process.env.NOTION_TOKEN ?? "", port: process.env.PORT, db: process.env.NOTION_DATABASE_ID };\n',
    });
    const before = snapshot(root);
    const dry = await run(root, '--sync-env-example', '--dry-run');
    expect(dry.code).toBe(0);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    expect(dry.out).toMatch(/^\+NOTION_TOKEN=$/m);
    expect(dry.out).toMatch(/^\+NOTION_DATABASE_ID=$/m);
    const real = await run(root, '--sync-env-example');
    expect(real.code).toBe(0);
    expect(read(root, '.env.example').startsWith('PORT=8787\n')).toBe(true);
    expect(keysOf(root).sort()).toEqual(['NOTION_DATABASE_ID', 'NOTION_TOKEN', 'PORT']);
  });
});

// =================================================================================================================

describe('gaps found by the held-out set, fixed', () => {
  const KG = reg({
    ntn: sec(fakeToken('notion-token', 6901), 'ntn_'),
    ntn2: sec(fakeToken('notion-token', 6902), 'ntn_'),
  });

  // Was: a `.env` that git tracks silently received the moved secrets (docs: `.env` is git-ignored, never committed).
  it('a git-tracked .env: the run refuses (exit 2, nothing written, `git rm --cached .env`); a dry run warns', async () => {
    const root = makeRepo('gap-tracked-env', {
      'package.json': pkg('gap-tracked-env'),
      '.env': 'PORT=8787\n',
      'src/index.ts': `export const notion = { auth: "${KG.ntn.value}" };\n`,
    });
    chmodSync(join(root, '.env'), 0o600);
    expect(git(root, 'ls-files')).toMatch(/^\.env$/m);
    const before = snapshot(root);
    const r = await run(root, '--json');
    expectNoLeak(r.out + r.err, Object.values(KG));
    expect(r.code).toBe(2);
    expect(read(root, '.env')).not.toContain(KG.ntn.value);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/\.env is tracked by git/);
    expect(r.err).toContain('git rm --cached .env');
    const dry = await run(root, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(dry.json!.warnings.some((w) => /tracked by git/.test(w) && w.includes('git rm --cached .env'))).toBe(true);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    expectNoLeak(dry.out + dry.err, Object.values(KG));
  });

  // Was: `--sync-env-example` took no lock and wrote `.env.example` while another run held `.env.worker-auth.lock`.
  it('--sync-env-example while another run holds the lock: refused (exit 2), nothing written', async () => {
    const root = makeRepo('gap-sync-lock', {
      'package.json': pkg('gap-sync-lock'),
      '.gitignore': GOOD_GITIGNORE,
      'src/index.ts': 'export const db = process.env.NOTION_DATABASE_ID ?? "";\n',
    }, { after: { '.env.worker-auth.lock': '4242\n' } });
    const before = snapshot(root);
    const r = await run(root, '--sync-env-example');
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/another worker-auth-codemod is running here/);
  });

  // Was: a file under node_modules named on the command line was read and rewritten (docs: node_modules is never read).
  // (The repository's .gitignore lists only env files: node_modules is in the developer's global excludes.)
  it('a file under node_modules named explicitly is not read or rewritten', async () => {
    const dep = `module.exports = { auth: "${KG.ntn.value}" };\n`;
    const root = makeRepo('gap-named-node-modules', {
      'package.json': pkg('gap-named-node-modules'),
      '.gitignore': '.env\n.env.*\n!.env.example\n',
      'src/index.ts': 'export const x = 1;\n',
    }, { after: { 'node_modules/notion-helper/index.js': dep } });
    const r = await run(root, '--json', '--allow-dirty', 'node_modules/notion-helper/index.js');
    expectNoLeak(r.out + r.err, Object.values(KG));
    expect(read(root, 'node_modules/notion-helper/index.js')).toBe(dep);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/node_modules\/notion-helper\/index\.js: dependencies \(node_modules\/\); never read, even when named/);
    expect(existsSync(join(root, '.env'))).toBe(false);
  });

  // Was: a build-output folder (`dist`) named as a path was read and rewritten (the ignore globs were relative to it).
  it('a build-output folder named explicitly (`dist`) is not read or rewritten; named beside a source folder, it is listed as skipped', async () => {
    const bundle = `export const notion = { auth: "${KG.ntn.value}" };\n`;
    const root = makeRepo('gap-named-dist', {
      'package.json': pkg('gap-named-dist'),
      '.gitignore': GOOD_GITIGNORE,
      'src/index.ts': 'export const x = 1;\n',
      'dist/index.js': bundle,
    });
    const r = await run(root, '--json', 'dist');
    expectNoLeak(r.out + r.err, Object.values(KG));
    expect(read(root, 'dist/index.js')).toBe(bundle);
    expect(r.code).toBe(2);
    const both = await run(root, '--json', 'src', 'dist/index.js');
    expect(both.code).toBe(0);
    expect(both.json!.skipped).toEqual([{ path: 'dist/index.js', reason: 'build output (dist/); never read, even when named' }]);
    expect(read(root, 'dist/index.js')).toBe(bundle);
    expectNoLeak(both.out + both.err, Object.values(KG));
  });

  // Was: the hardcoded token took NOTION_TOKEN, which src/index.ts already reads (no fallback) for another workspace.
  it('a hardcoded token does not take a name the code already reads for something else', async () => {
    const root = makeRepo('gap-read-name', {
      'package.json': pkg('gap-read-name'),
      '.gitignore': GOOD_GITIGNORE,
      'src/index.ts': 'import { Client } from "@notionhq/client";\nexport const notion = new Client({ auth: process.env.NOTION_TOKEN });\n',
      'scripts/backfill.ts': `export const otherWorkspace = { auth: "${KG.ntn2.value}" };\n`,
    });
    const r = await run(root, '--json');
    expect(r.code).toBe(0);
    expectNoLeak(r.out + r.err, Object.values(KG));
    expect(read(root, 'scripts/backfill.ts')).not.toContain(KG.ntn2.value);
    expect(envOf(root)['NOTION_TOKEN']).toBeUndefined();
    expect(envOf(root)).toEqual({ NOTION_TOKEN_2: KG.ntn2.value });
    expect(read(root, 'scripts/backfill.ts')).toBe('export const otherWorkspace = { auth: process.env.NOTION_TOKEN_2 ?? "" };\n');
  });
});

describe('every output of this file', () => {
  it('holds no planted value, nor 8 characters in a row of one', () => {
    expect(ALL_OUTPUT.length).toBeGreaterThan(60);
    expectNoLeak(ALL_OUTPUT.join('\n'));
  });
});
