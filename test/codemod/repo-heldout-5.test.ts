/**
 * Held-out set 5: end-to-end runs of `worker-auth-codemod` over Notion worker repositories (package.json with
 * `@notionhq/workers@^0.9.2`), held to README.md, docs/codemod.md and docs/security.md. Through the built CLI as a
 * child process (`node dist/src/cli/codemod.js`), through `runCodemod`, and through the jscodeshift entry (called
 * directly and by jscodeshift's own CLI). This round's emphasis:
 *
 * - values that are hard to carry into `.env`: PEM and OpenSSH private keys written with `\n` escapes, with real line
 *   breaks in a template literal, as a `"…" + "…"` chain and with literal backslash-n pairs; a PGP block with a blank
 *   line; generic secrets holding `#`, `$`, `=`, `!@%^&*:;,?|~+/`; URL passwords holding a backslash, a literal
 *   backslash-n, a trailing backslash, `{}`, `%`, `;` and non-ASCII letters; tokens inside strings that also hold
 *   quotes, backticks, `${`, escapes and astral characters. The round trip is proven three ways: dotenv's parser
 *   reads each value back exactly, `node --env-file=.env` sees the same `process.env`, and the rewritten .js/.mjs/.cjs
 *   modules run under `node --env-file=.env` yield exactly what they yielded before (compared by SHA-256, never
 *   printed);
 * - a half-migrated worker: some `process.env` reads already, a `.env` (untracked, not yet ignored, no final newline)
 *   holding one value under its conventional name, another name with a different value and an empty placeholder;
 *   one token in .ts/.tsx/.js/.mjs/.cjs/.mts/.cts; secrets in a `worker.oauth` fallback, headers, templates, a
 *   default parameter, class fields (static, `#private`, `readonly`); `tsc` (the project's TypeScript, through its
 *   compiler API) passes before and after, and every rewritten file re-parses;
 * - repository shapes: no git at all, a git repository without commits, uncommitted changes (modified, staged,
 *   untracked, `--allow-dirty`, nothing to write), `.gitignore` missing / without final newline / CRLF / with a
 *   `!.env` negation / nested files (checked against git's own `check-ignore`), `.env.example` missing / CRLF with
 *   comments and `export KEY=` lines, `.env` with a BOM and CRLF, a value `.env` holds under another name;
 * - byte-exact preservation outside the rewritten ranges: BOM + CRLF + tabs, astral and CJK characters before a
 *   secret, a JSX attribute with backslashes and `&amp;`, a line of over 2,000 characters, mixed line endings, no
 *   final newline;
 * - `--dry-run` (whole-tree snapshots with modes), `--check` and its exit codes, the `--json` shapes, idempotence,
 *   and the jscodeshift entry giving the same bytes as the CLI;
 * - no output (human report, JSON, diff, errors, jscodeshift lines) holds a planted value or 8 characters in a row of
 *   its random part.
 *
 * The detector never reports a value holding a quote character (no provider format, generic value, URL password or
 * `name=value` pair can), so quotes are exercised around secrets inside the rewritten strings and in existing env
 * files, not inside moved values.
 *
 * Every token is built at run time by test/support/fake-tokens.ts (seeds 10000–10999). Repositories live in
 * os.tmpdir() and are removed in afterAll.
 *
 * Gaps found (all three fixed, under "gaps found by the held-out set, fixed"):
 * 1. A value holding a carriage return (a PEM key written with `\r\n` escapes) is written to `.env` as a
 *    double-quoted `\r` escape. dotenv reads it back, but `node --env-file=.env` (which the docs name as a loader
 *    under which "runtime behaviour is unchanged") does not decode `\r`: the key read at run time holds a
 *    backslash and an `r` where the CRs were. No `.env` form carries a CR to both loaders (dotenv turns a raw CR into
 *    a line feed, Node drops it), so the value should stay in the code for a manual edit, as values `.env` "cannot
 *    hold exactly" do (src/env/files.ts `valueCandidates`/`canEncodeEnvValue`, codemods/run.ts).
 * 2. A `.gitignore` holding `.ENV` (written on a case-insensitive machine) counts as ignoring `.env`: the `ignore`
 *    package matches case-insensitively by default, git on Linux does not (`core.ignorecase=false`). The run adds only
 *    `.env.*` and `!.env.example`, so the `.env` it writes is not ignored by git, and `--check` fails right after the
 *    run (src/env/gitignore.ts `status`: `ignore()` without `ignorecase: false`).
 * 3. A hand-written module with one long line (an inline data-URI logo) is taken for a minified file (average line
 *    length over 400): its secret is never read, the run exits 0 and the report says "No hardcoded secrets found."
 *    although the docs list "anything in a file that was skipped" among the secrets reported as left for a manual
 *    edit with exit 1 (codemods/discover.ts `isMinified`, codemods/run.ts: a minified skip is neither a failure nor a
 *    manual secret).
 * Fixes: 1. every `.env` form must read back exactly under dotenv and Node's own parser (`util.parseEnv`), so a value
 * holding a CR stays in the code, "not encodable" (src/env/files.ts); 2. a path counts as ignored only when both the
 * case-sensitive and the case-folding readings ignore it (src/env/gitignore.ts `gitignoreVerdicts`); 3. a file is
 * minified only when half its text is in long lines dense with `;`, `{`, `}` outside strings, and a skipped file that
 * may hold a secret is a warning with exit 1 (codemods/discover.ts, codemods/run.ts).
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseTs } from '@typescript-eslint/typescript-estree';
import { parse as parseEnv } from 'dotenv';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import transform from '../../codemods/jscodeshift.js';
import { runCodemod, type CodemodOptions, type CodemodReport } from '../../codemods/run.js';
import { CHARSETS, FAKE_FORMAT_IDS, fakeToken, randomString } from '../support/fake-tokens.js';

// ---------------------------------------------------------------------------------------------------------------
// Harness

const MAIN = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(MAIN, 'dist/src/cli/codemod.js');
const JSCODESHIFT_BIN = join(MAIN, 'node_modules/jscodeshift/bin/jscodeshift.js');
const TRANSFORM_JS = join(MAIN, 'dist/codemods/jscodeshift.js');

const ROOTS: string[] = [];
afterAll(() => {
  for (const r of ROOTS) rmSync(r, { recursive: true, force: true });
});

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

interface RepoOptions {
  /** a git repository (default) with everything committed; `'init'`: a repository without commits */
  readonly git?: boolean | 'init';
  /** written after the commit: untracked (or, for a tracked path, uncommitted) */
  readonly after?: Files;
  readonly modes?: Record<string, number>;
}

function makeRepo(name: string, files: Files, opts: RepoOptions = {}): string {
  const base = mkdtempSync(join(tmpdir(), `wa-heldout5-${name}-`));
  ROOTS.push(base);
  const root = join(base, name);
  mkdirSync(root);
  const after = opts.after ?? {};
  const chmodAll = (list: Files): void => {
    for (const [rel, m] of Object.entries(opts.modes ?? {})) if (rel in list) chmodSync(join(root, rel), m);
  };
  writeFiles(root, files);
  // modes of committed files are part of the commit (git records the executable bit)
  chmodAll(files);
  if (opts.git !== false) {
    git(root, 'init', '-q');
    if (opts.git !== 'init') {
      git(root, 'add', '-A');
      git(root, 'commit', '-q', '-m', 'initial');
    }
  }
  writeFiles(root, after);
  chmodAll(after);
  return root;
}

/** Every file of the tree but .git: path → mode and SHA-256 of the bytes; symlinks as their target. */
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
      else out.set(rel, `${(st.mode & 0o7777).toString(8)} ${sha(readFileSync(abs))}`);
    }
  };
  walk(root);
  return out;
}

function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
}

const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const read = (root: string, rel: string): string => readFileSync(join(root, rel), 'utf8');
const bytes = (root: string, rel: string): Buffer => readFileSync(join(root, rel));
const mode = (root: string, rel: string): number => statSync(join(root, rel)).mode & 0o777;
const envOf = (root: string, rel = '.env'): Record<string, string> => parseEnv(readFileSync(join(root, rel)));
const keysOf = (root: string, rel = '.env.example'): string[] => Object.keys(parseEnv(readFileSync(join(root, rel))));
const count = (text: string, piece: string): number => text.split(piece).length - 1;
const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
const BOM = '\uFEFF';

/** Git's own verdict on a path (every .gitignore that applies, nested ones included), tracked or not. */
function ignoredByGit(root: string, rel: string): boolean {
  return spawnSync('git', ['check-ignore', '-q', '--no-index', rel], { cwd: root }).status === 0;
}

/** A rewritten (or untouched) source still parses with the parser of the rule. */
function parses(root: string, rel: string): boolean {
  const text = read(root, rel).replace(/^\uFEFF/, '');
  try {
    parseTs(text, { jsx: /\.(?:tsx|jsx|js|mjs|cjs)$/.test(rel), range: true, filePath: join(root, rel) });
    return true;
  } catch {
    return false;
  }
}

interface JsonReport {
  version: number;
  dryRun: boolean;
  files: { path: string; status: string; error?: string; secrets: { line: number; column: number; provider: string; what: string; masked: string; envName: string; action: string }[] }[];
  skipped: { path: string; reason: string }[];
  envNames: { name: string; provider: string; envExample: string; dotEnv: string }[];
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
  readonly json?: JsonReport;
}

/** Every output of every run of this file, for the closing leak check. */
const ALL_OUTPUT: string[] = [];

/** The built CLI as a child process, in `cwd` (`NO_COLOR`, nothing from this process's env that names a secret). */
function cli(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 });
  ALL_OUTPUT.push(r.stdout, r.stderr);
  const plain = args.includes('--json') && !args.includes('--check');
  const json = plain && r.stdout.trim().startsWith('{') ? (JSON.parse(r.stdout) as JsonReport) : undefined;
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr, ...(json ? { json } : {}) };
}

/** `runCodemod` in process; the report is kept for the leak check. */
async function api(options: CodemodOptions): Promise<{ report: CodemodReport; exitCode: 0 | 1 }> {
  const result = await runCodemod(options);
  ALL_OUTPUT.push(JSON.stringify(result.report));
  return result;
}

/** `runCodemod` expected to refuse: the error message (kept for the leak check). */
async function apiRefused(options: CodemodOptions): Promise<string> {
  try {
    await runCodemod(options);
  } catch (error) {
    const message = (error as Error).message;
    ALL_OUTPUT.push(message);
    return message;
  }
  throw new Error('the run did not refuse');
}

/** The jscodeshift entry on one file of `root`, written back as jscodeshift would; its report lines are kept. */
async function shift(root: string, rel: string, options: Record<string, unknown> = {}): Promise<string | undefined> {
  const abs = join(root, rel);
  const lines: string[] = [];
  const out = await transform({ path: abs, source: read(root, rel) }, { report: (m) => lines.push(m) }, { root, ...options });
  ALL_OUTPUT.push(lines.join('\n'));
  if (out !== undefined && options['dry'] !== true) writeFileSync(abs, out);
  return out;
}

/** Node with nothing in its environment but PATH (so `--env-file` alone answers every read). */
function runNode(cwd: string, envFile: string | undefined, script: string): string {
  const args = [...(envFile ? [`--env-file=${envFile}`] : []), '--input-type=module', '-e', script];
  return execFileSync(process.execPath, args, { cwd, env: { PATH: process.env['PATH'] ?? '' }, encoding: 'utf8' });
}

/**
 * What the modules yield at run time, as the SHA-256 of each export (`file`, dotted `path` in the module namespace;
 * a .cjs module's exports are under `default`), never the values themselves.
 */
function exportDigests(root: string, envFile: string | undefined, entries: readonly (readonly [string, string])[]): string[] {
  const list = JSON.stringify(entries.map(([file, path]) => [pathToFileURL(join(root, file)).href, path]));
  const script = `import { createHash } from 'node:crypto';
const out = [];
for (const [url, path] of ${list}) {
  const m = await import(url);
  const v = path.split('.').reduce((o, k) => (o == null ? o : o[k]), m);
  out.push(typeof v === 'string' ? createHash('sha256').update(v).digest('hex') : 'not a string: ' + typeof v);
}
process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(runNode(root, envFile, script)) as string[];
}

/** What `node --env-file=<envFile>` puts into `process.env` for each name, as SHA-256 (or `unset`). */
function nodeEnvDigests(root: string, envFile: string, names: readonly string[]): Record<string, string> {
  const script = `import { createHash } from 'node:crypto';
const out = {};
for (const k of ${JSON.stringify(names)}) out[k] = process.env[k] === undefined ? 'unset' : createHash('sha256').update(process.env[k]).digest('hex');
process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(runNode(root, envFile, script)) as Record<string, string>;
}

const digestsOf = (record: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, sha(v)]));

/** A stub of the SDK's types and a global JSX namespace, for `tsc` in a temp repo (never read by the codemod). */
const TYPES_STUB = `declare module "@notionhq/workers" {
  export interface OAuthConfig {
    name: string;
    authorizationEndpoint: string;
    tokenEndpoint: string;
    clientId: string;
    clientSecret: string;
    scope?: string;
  }
  export class Worker {
    oauth(key: string, config: OAuthConfig): unknown;
    sync(key: string, execute: () => Promise<unknown>): unknown;
  }
}

declare namespace JSX {
  interface Element {}
  interface IntrinsicElements {
    [name: string]: Record<string, unknown>;
  }
}
`;

/** `tsc --noEmit` over the TypeScript sources of `root` (the project's TypeScript, @types/node), planted values scrubbed. */
function typeErrors(root: string): string[] {
  const sources: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (/\.(?:ts|tsx|mts|cts)$/.test(entry.name)) sources.push(abs);
    }
  };
  walk(root);
  const program = ts.createProgram(sources, {
    noEmit: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.Preserve,
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    typeRoots: [join(MAIN, 'node_modules/@types')],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => scrub(`${d.file ? relative(root, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`));
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets

interface Secret {
  readonly value: string;
  /** the public prefix a masked form may show */
  readonly prefix: string;
  /** the part no output may show 8 characters of */
  readonly random: string;
}
const sec = (value: string, prefix = '', random?: string): Secret => {
  if (!value.startsWith(prefix)) throw new Error('fixture: a generated value lacks its prefix');
  return { value, prefix, random: random ?? value.slice(prefix.length) };
};
const ALL_SECRETS: Secret[] = [];
function reg<T extends Record<string, Secret>>(o: T): T {
  ALL_SECRETS.push(...Object.values(o));
  return o;
}
const rs = (n: number, seed: number, charset: string = CHARSETS.b62): string => randomString(charset, n, seed);

const DASH5 = '-'.repeat(5);
const RSA_LABEL = 'RSA PRIVATE' + ' KEY';
const SSH_LABEL = 'OPENSSH PRIVATE' + ' KEY';
/** A private key as a file holds it: the generated header and body, then its footer; the body is the random part. */
function privateKey(format: 'pem-private-key' | 'openssh-private-key', seed: number): Secret {
  const made = fakeToken(format, seed);
  const label = format === 'pem-private-key' ? RSA_LABEL : SSH_LABEL;
  const header = made.slice(0, made.indexOf('\n'));
  return sec(`${made}\n${DASH5}END ${label}${DASH5}`, header, made.slice(header.length + 1));
}

/** No text holds a planted value, nor 8 characters in a row of its random part. */
function leakIn(text: string, secrets: readonly Secret[] = ALL_SECRETS): string | undefined {
  for (const s of secrets) {
    if (text.includes(s.value)) return `a whole planted value (prefix ${JSON.stringify(s.prefix.slice(0, 12))})`;
    for (let i = 0; i + 8 <= s.random.length; i++) {
      const piece = s.random.slice(i, i + 8);
      if (/\s/.test(piece)) continue;
      if (text.includes(piece)) return `8 characters of a planted value (prefix ${JSON.stringify(s.prefix.slice(0, 12))}, offset ${i})`;
    }
  }
  return undefined;
}
function expectNoLeak(text: string, secrets: readonly Secret[] = ALL_SECRETS): void {
  expect(leakIn(text, secrets)).toBeUndefined();
}
/** Test diagnostics (tsc messages) with every planted value replaced. */
function scrub(text: string): string {
  let out = text;
  for (const s of ALL_SECRETS) out = out.split(s.value).join('<planted>');
  return out;
}

/** Every masked form in a human report shows at most the last 4 characters after the ellipsis. */
function expectShortMasks(text: string): void {
  const tails = [...text.matchAll(/…([^\s`'"]*)/g)].map((m) => m[1]!);
  expect(tails.length).toBeGreaterThan(0);
  for (const tail of tails) expect(tail.length, 'a mask shows more than 4 trailing characters').toBeLessThanOrEqual(4);
}

const pkg = (name: string): string =>
  `${JSON.stringify({ name, version: '0.1.0', private: true, type: 'module', dependencies: { '@notionhq/workers': '^0.9.2' } }, null, 2)}\n`;
const TSCONFIG = `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, jsx: 'preserve', noEmit: true }, include: ['src', 'types'] }, null, 2)}\n`;
const HEADER = '# Local env files hold secrets (worker-auth-codemod); .env.example stays tracked';
const IGNORE_BLOCK = `${HEADER}\n.env\n.env.*\n!.env.example\n`;
const TOP_KEYS = ['dryRun', 'envFiles', 'envNames', 'files', 'rotate', 'skipped', 'summary', 'version', 'warnings'];

it('the fake-token generators used here exist', () => {
  for (const id of ['notion-token', 'github-classic-pat', 'slack-bot-token', 'google-oauth-client-secret', 'linear-api-key', 'resend-api-key', 'stripe-secret-key', 'pem-private-key', 'openssh-private-key', 'pgp-private-key', 'openai-project-key', 'google-api-key']) {
    expect(FAKE_FORMAT_IDS).toContain(id);
  }
});

// =================================================================================================================
// Repo H: a half-migrated worker

const H = reg({
  ntn: sec(fakeToken('notion-token', 10101), 'ntn_'),
  ghOld: sec(fakeToken('github-classic-pat', 10102), 'ghp_'),
  ghNew: sec(fakeToken('github-classic-pat', 10103), 'ghp_'),
  xoxb: sec(fakeToken('slack-bot-token', 10104), 'xoxb-'),
  gcs: sec(fakeToken('google-oauth-client-secret', 10105), 'GOCSPX-'),
  linear: sec(fakeToken('linear-api-key', 10106), 'lin_api_'),
  resend: sec(fakeToken('resend-api-key', 10107), 're_'),
  stripe: sec(fakeToken('stripe-secret-key', 10108), 'sk_live_'),
  pwd: sec(`${rs(10, 10109)}#${rs(9, 10110)}$${rs(8, 10111)}`),
});

const H_ENV = `# local values (half-migrated)\nNOTION_TOKEN=${H.ntn.value}\nGITHUB_TOKEN=${H.ghOld.value}\nSLACK_BOT_TOKEN=\nNOTION_DATABASE_ID=demo-database`;
const H_EXAMPLE = '# Notion\nexport NOTION_TOKEN=\nexport NOTION_DATABASE_ID=\nGITHUB_TOKEN=\n# Slack (bot)\nSLACK_BOT_TOKEN=\n';
const H_GITIGNORE = 'node_modules/\ndist/\n';

const hFiles = (): Files => ({
  'package.json': pkg('calendar-sync'),
  'tsconfig.json': TSCONFIG,
  'types/workers.d.ts': TYPES_STUB,
  '.gitignore': H_GITIGNORE,
  '.env.example': H_EXAMPLE,
  'src/index.ts': `import { Worker } from "@notionhq/workers";
import { notionAuth } from "./notion.js";

const worker = new Worker();

worker.oauth("googleCalendar", {
  name: "google-calendar",
  authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenEndpoint: "https://oauth2.googleapis.com/token",
  clientId: process.env.GOOGLE_CLIENT_ID ?? "",
  clientSecret: process.env.GOOGLE_CLIENT_SECRET ?? "${H.gcs.value}",
  scope: "https://www.googleapis.com/auth/calendar.readonly",
});

export const githubToken = process.env.GITHUB_TOKEN ?? "";
export const notion = { auth: process.env.NOTION_TOKEN ?? notionAuth };

export default worker;
`,
  'src/notion.ts': `export const notionAuth: string = "${H.ntn.value}";\n`,
  'src/NotionBadge.tsx': `function Embed(props: { token: string; title?: string }): JSX.Element | null {
  return props.token.length > 0 ? null : null;
}

export const NotionBadge = () => <Embed title="Notion" token="${H.ntn.value}" />;
`,
  'src/legacy/notion.js': `export const legacyHeaders = { Authorization: "Bearer ${H.ntn.value}", "Notion-Version": "2022-06-28" };\n`,
  'src/legacy/notion.mjs': `export const templateAuth = \`${H.ntn.value}\`;\n`,
  'src/legacy/notion.cjs': `"use strict";\nmodule.exports = { auth: '${H.ntn.value}' };\n`,
  'src/edge/notion.mts': `export const edgeAuth = "${H.ntn.value}";\n`,
  'src/edge/notion.cts': `export const cjsAuth = "${H.ntn.value}" as string;\n`,
  'src/github.ts': `export class GitHubClient {
  private readonly token = "${H.ghNew.value}";
  static readonly apiBase = "https://api.github.com";

  headers(): Record<string, string> {
    return { Authorization: \`token \${this.token}\`, Accept: "application/vnd.github+json" };
  }
}
`,
  'src/slack.ts': `export const slackHeaders = (channel: string) => ({
  Authorization: \`Bearer ${H.xoxb.value}\`,
  "X-Slack-Channel": channel,
});
`,
  'src/linear.ts': `export async function linearIssues(apiKey = "${H.linear.value}", first = 10): Promise<Response> {
  return fetch("https://api.linear.app/graphql", {
    method: "POST",
    headers: { Authorization: apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({ query: "{ issues { nodes { id } } }", variables: { first } }),
  });
}
`,
  'src/billing.ts': `export class Billing {
  static stripeKey = "${H.stripe.value}";
  #resendKey: string = "${H.resend.value}";

  resendKey(): string {
    return this.#resendKey;
  }
}
`,
  'src/db.ts': `export const db = { host: "db.internal", user: "worker", password: "${H.pwd.value}" };\n`,
});

const H_SOURCES = [
  'src/NotionBadge.tsx',
  'src/billing.ts',
  'src/db.ts',
  'src/edge/notion.cts',
  'src/edge/notion.mts',
  'src/github.ts',
  'src/index.ts',
  'src/legacy/notion.cjs',
  'src/legacy/notion.js',
  'src/legacy/notion.mjs',
  'src/linear.ts',
  'src/notion.ts',
  'src/slack.ts',
];
const H_RUNTIME: [string, string][] = [
  ['src/legacy/notion.js', 'legacyHeaders.Authorization'],
  ['src/legacy/notion.mjs', 'templateAuth'],
  ['src/legacy/notion.cjs', 'default.auth'],
];

describe('repo H: a half-migrated worker (built CLI, child process)', () => {
  let root: string;
  let before: Map<string, string>;
  let checkBefore: Run;
  let typesBefore: string[];
  let runtimeBefore: string[];
  let dry: Run;
  let afterDry: Map<string, string>;
  let first: Run;
  let afterFirst: Map<string, string>;
  let checkAfter: Run;
  let again: Run;
  let afterAgain: Map<string, string>;
  beforeAll(() => {
    // .env is written after the commit: untracked, not yet ignored, mode 0600, no final newline
    root = makeRepo('calendar-sync', hFiles(), { after: { '.env': H_ENV }, modes: { '.env': 0o600 } });
    before = snapshot(root);
    checkBefore = cli(root, '--check');
    typesBefore = typeErrors(root);
    runtimeBefore = exportDigests(root, undefined, H_RUNTIME);
    dry = cli(root, '--dry-run', '--json');
    afterDry = snapshot(root);
    first = cli(root, '--json');
    afterFirst = snapshot(root);
    checkAfter = cli(root, '--check');
    again = cli(root, '--json');
    afterAgain = snapshot(root);
  }, 60_000);

  it('exit 0; exactly the sources holding secrets and the three env files change', () => {
    expect(first.code, first.err).toBe(0);
    expect(changedPaths(before, afterFirst)).toEqual([...H_SOURCES, '.env', '.env.example', '.gitignore'].sort());
    expect(first.json!.summary).toMatchObject({ changed: H_SOURCES.length, failed: 0, manual: 0 });
  });

  it('one token in .ts/.tsx/.js/.mjs/.cjs/.mts/.cts keeps the name .env already gives it: no new .env line for it', () => {
    expect(read(root, 'src/notion.ts')).toBe('export const notionAuth: string = process.env.NOTION_TOKEN ?? "";\n');
    expect(read(root, 'src/NotionBadge.tsx')).toContain('export const NotionBadge = () => <Embed title="Notion" token={process.env.NOTION_TOKEN ?? ""} />;\n');
    expect(read(root, 'src/legacy/notion.js')).toBe('export const legacyHeaders = { Authorization: `Bearer ${process.env.NOTION_TOKEN ?? ""}`, "Notion-Version": "2022-06-28" };\n');
    expect(read(root, 'src/legacy/notion.mjs')).toBe('export const templateAuth = `${process.env.NOTION_TOKEN ?? ""}`;\n');
    expect(read(root, 'src/legacy/notion.cjs')).toBe('"use strict";\nmodule.exports = { auth: process.env.NOTION_TOKEN ?? "" };\n');
    expect(read(root, 'src/edge/notion.mts')).toBe('export const edgeAuth = process.env.NOTION_TOKEN ?? "";\n');
    expect(read(root, 'src/edge/notion.cts')).toBe('export const cjsAuth = (process.env.NOTION_TOKEN ?? "") as string;\n');
    expect(count(read(root, '.env'), H.ntn.value)).toBe(1);
    const ntnReports = first.json!.files.flatMap((f) => f.secrets).filter((s) => s.masked.startsWith('ntn_'));
    expect(ntnReports).toHaveLength(7);
    expect(new Set(ntnReports.map((s) => s.envName))).toEqual(new Set(['NOTION_TOKEN']));
    expect(first.json!.envNames.find((e) => e.name === 'NOTION_TOKEN')).toMatchObject({ envExample: 'present', dotEnv: 'present' });
  });

  it('.env: the old text is kept byte for byte (its last line completed), every old value stays, mode 0600', () => {
    const env = read(root, '.env');
    expect(env.startsWith(`${H_ENV}\n`)).toBe(true);
    const parsed = envOf(root);
    expect(parsed['NOTION_TOKEN'] === H.ntn.value, 'NOTION_TOKEN kept').toBe(true);
    expect(parsed['GITHUB_TOKEN'] === H.ghOld.value, 'GITHUB_TOKEN not overwritten').toBe(true);
    expect(parsed['SLACK_BOT_TOKEN']).toBe('');
    expect(parsed['NOTION_DATABASE_ID']).toBe('demo-database');
    expect(mode(root, '.env')).toBe(0o600);
  });

  it('names .env holds with another value (or empty), or the code reads, go to no new value: `_2`', () => {
    expect(read(root, 'src/github.ts')).toContain(`  private readonly token = process.env.GITHUB_TOKEN_2 ?? "";\n`);
    expect(read(root, 'src/slack.ts')).toContain('  Authorization: `Bearer ${process.env.SLACK_BOT_TOKEN_2 ?? ""}`,\n');
    expect(digestsOf(envOf(root))).toMatchObject(digestsOf({ GITHUB_TOKEN_2: H.ghNew.value, SLACK_BOT_TOKEN_2: H.xoxb.value }));
    // the reads that were already there are untouched
    expect(read(root, 'src/index.ts')).toContain('export const githubToken = process.env.GITHUB_TOKEN ?? "";\n');
  });

  it('a worker.oauth clientSecret fallback keeps its name and loses only its value', () => {
    const index = read(root, 'src/index.ts');
    expect(index).toContain('  clientSecret: process.env.GOOGLE_CLIENT_SECRET ?? "",\n');
    expect(index).toContain('  clientId: process.env.GOOGLE_CLIENT_ID ?? "",\n');
    expect(envOf(root)['GOOGLE_CLIENT_SECRET'] === H.gcs.value).toBe(true);
    expect(first.json!.files.find((f) => f.path === 'src/index.ts')!.secrets.map((s) => s.action)).toEqual(['fallback-removed']);
  });

  it('class fields (static, #private, readonly), a default parameter and a password with `#`/`$`: exact rewrites', () => {
    expect(read(root, 'src/billing.ts')).toBe(`export class Billing {
  static stripeKey = process.env.STRIPE_SECRET_KEY ?? "";
  #resendKey: string = process.env.RESEND_API_KEY ?? "";

  resendKey(): string {
    return this.#resendKey;
  }
}
`);
    expect(read(root, 'src/linear.ts').split('\n')[0]).toBe('export async function linearIssues(apiKey = process.env.LINEAR_API_KEY ?? "", first = 10): Promise<Response> {');
    expect(read(root, 'src/db.ts')).toBe('export const db = { host: "db.internal", user: "worker", password: process.env.DB_PASSWORD ?? "" };\n');
    expect(digestsOf(envOf(root))).toMatchObject(
      digestsOf({ STRIPE_SECRET_KEY: H.stripe.value, RESEND_API_KEY: H.resend.value, LINEAR_API_KEY: H.linear.value, DB_PASSWORD: H.pwd.value }),
    );
  });

  it('.env.example keeps its bytes (`export NAME=` lines count as present) and lists every new name once, no value', () => {
    const example = read(root, '.env.example');
    expect(example.startsWith(H_EXAMPLE)).toBe(true);
    const keys = keysOf(root);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(
      ['NOTION_TOKEN', 'NOTION_DATABASE_ID', 'GITHUB_TOKEN', 'SLACK_BOT_TOKEN', 'GITHUB_TOKEN_2', 'SLACK_BOT_TOKEN_2', 'GOOGLE_CLIENT_SECRET', 'STRIPE_SECRET_KEY', 'RESEND_API_KEY', 'LINEAR_API_KEY', 'DB_PASSWORD'].sort(),
    );
    expect(Object.values(envOf(root, '.env.example')).every((v) => v === '')).toBe(true);
    expect(count(example, 'NOTION_TOKEN=')).toBe(1);
  });

  it('.gitignore gains the block; git ignores .env and .env.local but not .env.example; --check 1 → 0', () => {
    expect(read(root, '.gitignore')).toBe(`${H_GITIGNORE}\n${IGNORE_BLOCK}`);
    expect(ignoredByGit(root, '.env')).toBe(true);
    expect(ignoredByGit(root, '.env.local')).toBe(true);
    expect(ignoredByGit(root, '.env.example')).toBe(false);
    expect(checkBefore.code).toBe(1);
    expect(checkBefore.err).toMatch(/\.env: not git-ignored/);
    expect(checkAfter.code, checkAfter.err).toBe(0);
  });

  it('the rewritten .js/.mjs/.cjs modules read exactly their old values under `node --env-file=.env`', () => {
    expect(runtimeBefore).toEqual([sha(`Bearer ${H.ntn.value}`), sha(H.ntn.value), sha(H.ntn.value)]);
    expect(exportDigests(root, '.env', H_RUNTIME)).toEqual(runtimeBefore);
  });

  it('tsc passes before and after (the project\'s TypeScript), and every rewritten file re-parses', () => {
    expect(typesBefore).toEqual([]);
    expect(typeErrors(root)).toEqual([]);
    for (const f of H_SOURCES) expect(parses(root, f), f).toBe(true);
  });

  it('the report names each new name once, to rotate, and the env files as changed', () => {
    const names = first.json!.envNames.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(first.json!.rotate.map((r) => r.envName).sort()).toEqual(
      ['NOTION_TOKEN', 'GITHUB_TOKEN_2', 'SLACK_BOT_TOKEN_2', 'GOOGLE_CLIENT_SECRET', 'STRIPE_SECRET_KEY', 'RESEND_API_KEY', 'LINEAR_API_KEY', 'DB_PASSWORD'].sort(),
    );
    expect(first.json!.envFiles).toEqual({ '.gitignore': 'updated', '.env': 'updated', '.env.example': 'updated' });
  });

  it('a second run (the tree is dirty now, nothing to write) exits 0 and changes no byte', () => {
    expect(again.code, again.err).toBe(0);
    expect(changedPaths(afterFirst, afterAgain)).toEqual([]);
    expect(again.json!.summary.moved).toBe(0);
    expect(Object.values(again.json!.envFiles)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('--dry-run first: nothing written; the .env diff shows the old lines as `…` (the old token never), the new ones masked', () => {
    expect(dry.code, dry.err).toBe(0);
    expect(changedPaths(before, afterDry)).toEqual([]);
    const envDiff = dry.json!.diff!.slice(dry.json!.diff!.indexOf('+++ b/.env\t'));
    // the old last line (completed by the run) is shown as `…` on both sides, never as it is
    expect(envDiff).toMatch(/^-…$/m);
    expect(envDiff).toMatch(/^\+…$/m);
    expect(envDiff).toMatch(/^\+GITHUB_TOKEN_2=ghp_…/m);
    expect(envDiff).not.toMatch(/NOTION_DATABASE_ID|demo-database/);
  });

  it('the jscodeshift entry gives the seven files holding the one token the same bytes as the CLI did', async () => {
    const twin = makeRepo('calendar-sync-shift', hFiles(), { after: { '.env': H_ENV }, modes: { '.env': 0o600 } });
    const files = ['src/notion.ts', 'src/NotionBadge.tsx', 'src/legacy/notion.js', 'src/legacy/notion.mjs', 'src/legacy/notion.cjs', 'src/edge/notion.mts', 'src/edge/notion.cts'];
    for (const f of files) await shift(twin, f);
    for (const f of files) expect(read(twin, f), f).toBe(read(root, f));
    expect(read(twin, '.env')).toBe(H_ENV);
  });

  it('no output of these runs holds a planted value; masks show at most 4 characters', () => {
    for (const r of [checkBefore, dry, first, checkAfter, again]) expectNoLeak(r.out + r.err);
    expectShortMasks(first.err);
  });
});

// =================================================================================================================
// Repo P: values that are hard to carry into .env (no git repository at all)

const pemLiteral = ((): Secret => {
  const key = privateKey('pem-private-key', 10204);
  // a key kept as JSON would hold it: the line breaks are backslash-n pairs in the value itself
  return sec(key.value.replace(/\n/g, '\\n'), key.prefix, key.random.replace(/\n/g, '\\n'));
})();
const pgpValue = fakeToken('pgp-private-key', 10205);
const P = reg({
  pemEsc: privateKey('pem-private-key', 10201),
  ssh: privateKey('openssh-private-key', 10202),
  pemChain: privateKey('pem-private-key', 10203),
  pemLit: pemLiteral,
  pgp: sec(pgpValue, pgpValue.slice(0, pgpValue.indexOf('\n'))),
  hashPwd: sec(`${rs(10, 10206)}#${rs(9, 10207)}$${rs(8, 10208)}`),
  symbols: sec(`${rs(12, 10209)}=${rs(10, 10210)}!@%^&*:;,?|~+/${rs(6, 10211)}`),
  urlBackslash: sec(`${rs(8, 10212)}\\${rs(8, 10213)}$\u00e9{\u00df}${rs(6, 10214)}`),
  urlEscN: sec(`${rs(8, 10215)}\\n${rs(8, 10216)}\\r${rs(4, 10217)}`),
  urlTrail: sec(`${rs(12, 10218)}%24;${rs(4, 10219)}$\\`),
  query: sec(rs(34, 10220)),
  xoxb: sec(fakeToken('slack-bot-token', 10221), 'xoxb-'),
  xoxb2: sec(fakeToken('slack-bot-token', 10222), 'xoxb-'),
});

/** Source text around a token: escaped quotes, a quote of the other kind, a backtick, `${`, escapes, non-ASCII. */
const BANNER_TAIL = ' \\"quoted\\" \'single\' `tick` ${notATemplate} \\\\path\\\\to \u00e9 \u2713 \\u{1F512} \\x41\\t|';
const SINGLE_TAIL = ' it\\\'s "double" ${x} \\\\ \u00e9';
/** What those tails are at run time. */
const BANNER_VALUE_TAIL = ' "quoted" \'single\' `tick` ${notATemplate} \\path\\to \u00e9 \u2713 \u{1F512} A\t|';
const SINGLE_VALUE_TAIL = ' it\'s "double" ${x} \\ \u00e9';
const asTemplateText = (raw: string): string => raw.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
const P_URL = {
  primary: `postgres://worker:${P.urlBackslash.value}@db.acme.internal:5432/notion`,
  replica: `postgres://worker:${P.urlEscN.value}@replica.acme.internal:5432/notion`,
  analytics: `postgres://worker:${P.urlTrail.value}@olap.acme.internal:5432/notion`,
  search: `https://api.acme.io/v1/search?q=notion&api_key=${P.query.value}&format=json`,
};

const pFiles = (): Files => ({
  'package.json': pkg('keys-worker'),
  'src/keys/escaped.mjs': `// the signing key, one string with escapes\nexport const signingKey = ${JSON.stringify(`${P.pemEsc.value}\n`)};\n`,
  'src/keys/template.mjs': `export const deployKey = \`${P.ssh.value}\`;\n`,
  'src/keys/chain.cjs': `"use strict";\nconst appKey =\n  ${P.pemChain.value
    .split('\n')
    .map((line) => JSON.stringify(`${line}\n`))
    .join(' +\n  ')};\nmodule.exports = { appKey };\n`,
  'src/keys/literal.mjs': `export const jsonKey = ${JSON.stringify(P.pemLit.value)};\n`,
  'src/keys/pgp.mjs': `export const pgpKey = \`${P.pgp.value}\`;\n`,
  'src/db.mjs': [
    `export const pg = { host: "db.acme.internal", user: "worker", password: ${JSON.stringify(P.hashPwd.value)} };`,
    `export const primary = ${JSON.stringify(P_URL.primary)};`,
    `export const replica = ${JSON.stringify(P_URL.replica)};`,
    `export const analytics = ${JSON.stringify(P_URL.analytics)};`,
    '',
  ].join('\n'),
  'src/oauth.mjs': `export const oauthConfig = { clientId: "notion-calendar-worker", clientSecret: ${JSON.stringify(P.symbols.value)} };\n`,
  'src/search.mjs': `export const searchUrl = ${JSON.stringify(P_URL.search)};\n`,
  'src/headers.mjs': `export const banner = "Bearer ${P.xoxb.value}${BANNER_TAIL}";\nexport const single = 'Bearer ${P.xoxb2.value}${SINGLE_TAIL}';\n`,
});
const P_SOURCES = ['src/db.mjs', 'src/headers.mjs', 'src/keys/chain.cjs', 'src/keys/escaped.mjs', 'src/keys/literal.mjs', 'src/keys/pgp.mjs', 'src/keys/template.mjs', 'src/oauth.mjs', 'src/search.mjs'];
const P_RUNTIME: [string, string][] = [
  ['src/keys/escaped.mjs', 'signingKey'],
  ['src/keys/template.mjs', 'deployKey'],
  ['src/keys/chain.cjs', 'default.appKey'],
  ['src/keys/literal.mjs', 'jsonKey'],
  ['src/keys/pgp.mjs', 'pgpKey'],
  ['src/db.mjs', 'pg.password'],
  ['src/db.mjs', 'primary'],
  ['src/db.mjs', 'replica'],
  ['src/db.mjs', 'analytics'],
  ['src/oauth.mjs', 'oauthConfig.clientSecret'],
  ['src/search.mjs', 'searchUrl'],
  ['src/headers.mjs', 'banner'],
  ['src/headers.mjs', 'single'],
];
/** The values that must land in .env, each exactly. */
const P_MOVED = [P.pemEsc, P.ssh, P.pemChain, P.pemLit, P.pgp, P.hashPwd, P.symbols, P.urlBackslash, P.urlEscN, P.urlTrail, P.query, P.xoxb, P.xoxb2];

describe('repo P: PEM keys, `#`, `$`, `=`, backslashes, non-ASCII (no git repository; built CLI)', () => {
  let root: string;
  let before: Map<string, string>;
  let runtimeBefore: string[];
  let dry: Run;
  let afterDry: Map<string, string>;
  let real: Run;
  let afterReal: Map<string, string>;
  let again: Run;
  let afterAgain: Map<string, string>;
  let check: Run;
  beforeAll(() => {
    root = makeRepo('keys-worker', pFiles(), { git: false });
    before = snapshot(root);
    runtimeBefore = exportDigests(root, undefined, P_RUNTIME);
    dry = cli(root, '--dry-run');
    afterDry = snapshot(root);
    real = cli(root, '--json');
    afterReal = snapshot(root);
    again = cli(root, '--json');
    afterAgain = snapshot(root);
    check = cli(root, '--check', '--json');
  }, 60_000);

  it('the fixture modules yield the planted values before the run', () => {
    expect(runtimeBefore).toEqual(
      [
        `${P.pemEsc.value}\n`,
        P.ssh.value,
        `${P.pemChain.value}\n`,
        P.pemLit.value,
        P.pgp.value,
        P.hashPwd.value,
        P_URL.primary,
        P_URL.replica,
        P_URL.analytics,
        P.symbols.value,
        P_URL.search,
        `Bearer ${P.xoxb.value}${BANNER_VALUE_TAIL}`,
        `Bearer ${P.xoxb2.value}${SINGLE_VALUE_TAIL}`,
      ].map(sha),
    );
  });

  it('--dry-run writes nothing (not even a lock file) and its diff names every source, values masked', () => {
    expect(dry.code, dry.err).toBe(0);
    expect(changedPaths(before, afterDry)).toEqual([]);
    for (const f of P_SOURCES) expect(dry.out).toContain(`+++ b/${f}`);
    expect(dry.out).toContain('+++ b/.env');
    expect(leakIn(dry.out + dry.err)).toBeUndefined();
  });

  it('outside git: no dirty-tree check, exit 0; .gitignore created with the block; .env created 0600', () => {
    expect(real.code, real.err).toBe(0);
    expect(changedPaths(before, afterReal)).toEqual([...P_SOURCES, '.env', '.env.example', '.gitignore'].sort());
    expect(read(root, '.gitignore')).toBe(IGNORE_BLOCK);
    expect(mode(root, '.env')).toBe(0o600);
    expect(real.json!.summary).toMatchObject({ failed: 0, manual: 0, changed: P_SOURCES.length });
    for (const f of P_SOURCES) expect(leakIn(read(root, f), P_MOVED), f).toBeUndefined();
  });

  it('dotenv\'s parser reads every moved value back exactly', () => {
    const values = Object.values(envOf(root)).map(sha).sort();
    expect(values).toEqual(P_MOVED.map((s) => sha(s.value)).sort());
  });

  it('`node --env-file=.env` puts exactly what dotenv reads into process.env', () => {
    const parsed = envOf(root);
    expect(nodeEnvDigests(root, '.env', Object.keys(parsed))).toEqual(digestsOf(parsed));
  });

  it('the rewritten modules yield exactly their old values under `node --env-file=.env`', () => {
    expect(exportDigests(root, '.env', P_RUNTIME)).toEqual(runtimeBefore);
  });

  it('private keys (escaped, template, `+` chain, backslash-n pairs, PGP) and URL passwords: exact rewrites', () => {
    expect(read(root, 'src/keys/chain.cjs')).toBe('"use strict";\nconst appKey =\n  `${process.env.PRIVATE_KEY ?? ""}\\n`;\nmodule.exports = { appKey };\n');
    expect(read(root, 'src/keys/escaped.mjs')).toBe('// the signing key, one string with escapes\nexport const signingKey = `${process.env.PRIVATE_KEY_2 ?? ""}\\n`;\n');
    expect(read(root, 'src/keys/literal.mjs')).toBe('export const jsonKey = process.env.PRIVATE_KEY_3 ?? "";\n');
    expect(read(root, 'src/keys/template.mjs')).toBe('export const deployKey = `${process.env.SSH_PRIVATE_KEY ?? ""}`;\n');
    expect(read(root, 'src/keys/pgp.mjs')).toBe('export const pgpKey = `${process.env.PGP_PRIVATE_KEY ?? ""}`;\n');
    expect(read(root, 'src/db.mjs')).toBe(
      [
        'export const pg = { host: "db.acme.internal", user: "worker", password: process.env.PG_PASSWORD ?? "" };',
        'export const primary = `postgres://worker:${process.env.DATABASE_PASSWORD ?? ""}@db.acme.internal:5432/notion`;',
        'export const replica = `postgres://worker:${process.env.DATABASE_PASSWORD_2 ?? ""}@replica.acme.internal:5432/notion`;',
        'export const analytics = `postgres://worker:${process.env.DATABASE_PASSWORD_3 ?? ""}@olap.acme.internal:5432/notion`;',
        '',
      ].join('\n'),
    );
  });

  it('a token inside a string holding quotes, a backtick, `${`, escapes and astral characters: the rest kept as written', () => {
    expect(read(root, 'src/headers.mjs')).toBe(
      `export const banner = \`Bearer \${process.env.SLACK_BOT_TOKEN ?? ""}${asTemplateText(BANNER_TAIL)}\`;\n` +
        `export const single = \`Bearer \${process.env.SLACK_BOT_TOKEN_2 ?? ""}${asTemplateText(SINGLE_TAIL)}\`;\n`,
    );
  });

  it('every rewritten file re-parses; a second run exits 0 and changes no byte', () => {
    for (const f of P_SOURCES) expect(parses(root, f), f).toBe(true);
    expect(again.code, again.err).toBe(0);
    expect(changedPaths(afterReal, afterAgain)).toEqual([]);
  });

  it('--check outside git: exit 0 (the written .gitignore ignores .env), `git: false`, and it says tracked files were not checked', () => {
    expect(check.code, check.err).toBe(0);
    expect(JSON.parse(check.out)).toMatchObject({ version: 1, check: { git: false, findings: [] } });
    expect(check.err).toMatch(/not a git work tree/);
  });

  it('no output holds a planted value (PEM lines included); masks show at most 4 characters', () => {
    for (const r of [dry, real, again, check]) expectNoLeak(r.out + r.err);
    expectShortMasks(real.err);
  });
});

// =================================================================================================================
// Byte-exact preservation outside the rewritten ranges (runCodemod)

const B = reg({
  ntn: sec(fakeToken('notion-token', 10301), 'ntn_'),
  xoxb: sec(fakeToken('slack-bot-token', 10302), 'xoxb-'),
  gapi: sec(fakeToken('google-api-key', 10303), 'AIza'),
  gh: sec(fakeToken('github-classic-pat', 10304), 'ghp_'),
  stripe: sec(fakeToken('stripe-secret-key', 10305), 'sk_live_'),
  linear: sec(fakeToken('linear-api-key', 10306), 'lin_api_'),
  openai: sec(fakeToken('openai-project-key', 10307), 'sk-proj-'),
});

const B_TS = (auth: string): string =>
  BOM +
  [
    '// Notion sync worker (CRLF, tabs, BOM)',
    'import { Worker } from "@notionhq/workers";',
    '',
    'export const worker = new Worker();',
    '',
    'export const config = {',
    '\tnotion: {',
    `\t\tauth: ${auth},\t// bot user`,
    '\t\tversion: "2022-06-28",',
    '\t},',
    '};',
    '',
  ].join('\r\n');
const B_TSX = (greet: string, key: string, src: string): string =>
  crlf(
    [
      'const who = "\u4e16\u754c";',
      `export const greet = \`\u{1F44B} \${who} \u2014 Bearer ${greet}\`;`,
      `export const Badge = () => <a title="\u{1F512} verrouill\u00e9" data-key=${key}>{"\u00e7a va"}</a>;`,
      `export const Map = () => <iframe title='"map"' src=${src} />;`,
      '',
    ].join('\n'),
  );
const ROUTES = Array.from({ length: 60 }, (_, i) => `"/api/v1/resources/${1000 + i}/children"`).join(', ');
const B_JS = (auth: string, bearer: string): string =>
  `${Array.from({ length: 40 }, (_, i) => `export const route${i} = "/api/v1/items/${i}";`).join('\n')}\nexport const table = [${ROUTES}, { auth: ${auth} }, ${bearer}];\nexport const last = true;\n`;
const B_MJS = (value: string): string => `// default export, no final newline\nexport default ${value}`;
const B_CTS = (value: string): string => `"use strict";\n// CRLF from here\r\nexport const apiKey = ${value};\r\nexport const n = 1;\n`;

const bFiles = (): Files => ({
  'package.json': pkg('bytes-worker'),
  '.gitignore': 'node_modules/\n',
  'src/bom-crlf.ts': B_TS(`"${B.ntn.value}"`),
  // a JSX attribute takes no escapes: `C:\maps\new` is two backslashes, `&amp;` one ampersand
  'src/unicode.tsx': B_TSX(B.xoxb.value, `"${B.gapi.value}"`, `"https://maps.example.com/embed?key=${B.gapi.value}&amp;path=C:\\maps\\new"`),
  'src/long-line.js': B_JS(`"${B.gh.value}"`, `"Bearer ${B.stripe.value}"`),
  'src/no-newline.mjs': B_MJS(`"${B.linear.value}"`),
  'src/mixed-eol.cts': B_CTS(`"${B.openai.value}"`),
});
const B_EXPECTED: Record<string, string> = {
  'src/bom-crlf.ts': B_TS('process.env.NOTION_TOKEN ?? ""'),
  'src/unicode.tsx': B_TSX(
    '${process.env.SLACK_BOT_TOKEN ?? ""}',
    '{process.env.GOOGLE_API_KEY ?? ""}',
    '{`https://maps.example.com/embed?key=${process.env.GOOGLE_API_KEY ?? ""}&path=C:\\\\maps\\\\new`}',
  ),
  'src/long-line.js': B_JS('process.env.GITHUB_TOKEN ?? ""', '`Bearer ${process.env.STRIPE_SECRET_KEY ?? ""}`'),
  'src/no-newline.mjs': B_MJS('(process.env.LINEAR_API_KEY ?? "")'),
  'src/mixed-eol.cts': B_CTS('process.env.OPENAI_API_KEY ?? ""'),
};

describe('byte-exact: BOM, CRLF, tabs, astral characters, a long line, mixed line endings (runCodemod)', () => {
  let root: string;
  let result: { report: CodemodReport; exitCode: 0 | 1 };
  beforeAll(async () => {
    root = makeRepo('bytes-worker', bFiles());
    result = await api({ root, paths: ['.'] });
  }, 60_000);

  it('BOM + CRLF + tabs (.ts): every byte but the literal kept, the BOM first, no bare LF', () => {
    expect(result.exitCode).toBe(0);
    const out = bytes(root, 'src/bom-crlf.ts');
    expect(out.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(out.equals(Buffer.from(B_EXPECTED['src/bom-crlf.ts']!, 'utf8'))).toBe(true);
    expect(/[^\r]\n/.test(out.toString('utf8'))).toBe(false);
  });

  it('the report places that secret as ESLint would: line 8, column 10 (BOM not counted, a tab is one column)', () => {
    const secrets = result.report.files.find((f) => f.path === 'src/bom-crlf.ts')!.secrets;
    expect(secrets.map((s) => [s.line, s.column, s.envName])).toEqual([[8, 10, 'NOTION_TOKEN']]);
  });

  it('astral and CJK characters before the secrets on the same line, a JSX attribute with backslashes and `&amp;` (.tsx, CRLF): exact bytes', () => {
    expect(read(root, 'src/unicode.tsx')).toBe(B_EXPECTED['src/unicode.tsx']);
  });

  it('a line of over 2,000 characters holding two secrets (.js) is rewritten in place, not taken for minified', () => {
    expect(read(root, 'src/long-line.js').split('\n')[40]!.length).toBeGreaterThan(2000);
    expect(read(root, 'src/long-line.js')).toBe(B_EXPECTED['src/long-line.js']);
    expect(result.report.skipped).toEqual([]);
  });

  it('`export default "<secret>"` without a final newline (.mjs): parenthesised read, still no final newline', () => {
    expect(read(root, 'src/no-newline.mjs')).toBe(B_EXPECTED['src/no-newline.mjs']);
  });

  it('mixed LF and CRLF lines (.cts): each line keeps its own ending', () => {
    expect(read(root, 'src/mixed-eol.cts')).toBe(B_EXPECTED['src/mixed-eol.cts']);
  });

  it('.env holds each value exactly; every rewritten file re-parses', () => {
    expect(digestsOf(envOf(root))).toEqual(
      digestsOf({
        NOTION_TOKEN: B.ntn.value,
        SLACK_BOT_TOKEN: B.xoxb.value,
        GOOGLE_API_KEY: B.gapi.value,
        GITHUB_TOKEN: B.gh.value,
        STRIPE_SECRET_KEY: B.stripe.value,
        LINEAR_API_KEY: B.linear.value,
        OPENAI_API_KEY: B.openai.value,
      }),
    );
    for (const f of Object.keys(B_EXPECTED)) expect(parses(root, f), f).toBe(true);
  });
});

// =================================================================================================================
// Repository shapes: git or not, uncommitted changes, .gitignore, .env.example and .env variants

const S = reg({
  ntn: sec(fakeToken('notion-token', 10401), 'ntn_'),
  ntn2: sec(fakeToken('notion-token', 10402), 'ntn_'),
  gh: sec(fakeToken('github-classic-pat', 10403), 'ghp_'),
  ghOther: sec(fakeToken('github-classic-pat', 10404), 'ghp_'),
  linear: sec(fakeToken('linear-api-key', 10405), 'lin_api_'),
  scratch: sec(fakeToken('github-classic-pat', 10406), 'ghp_'),
  flags: sec(fakeToken('linear-api-key', 10407), 'lin_api_'),
  devLocal: sec(fakeToken('stripe-secret-key', 10408), 'sk_live_'),
  generated: sec(fakeToken('slack-bot-token', 10409), 'xoxb-'),
  resend: sec(fakeToken('resend-api-key', 10410), 're_'),
});

/** A one-file worker whose index holds `value` as its Notion token. */
const smallWorker = (name: string, value: string, extra: Files = {}): Files => ({
  'package.json': pkg(name),
  'src/index.ts': `import { Worker } from "@notionhq/workers";\n\nexport const worker = new Worker();\nexport const notion = { auth: "${value}" };\n`,
  ...extra,
});
const MIGRATED_INDEX = 'import { Worker } from "@notionhq/workers";\n\nexport const worker = new Worker();\nexport const notion = { auth: process.env.NOTION_TOKEN ?? "" };\n';

describe('uncommitted changes: the documented dirty-tree behaviour', () => {
  it('a modified tracked file: refused with exit 2 (built CLI), no byte written, the message says what to do', () => {
    const root = makeRepo('dirty-modified', smallWorker('dirty-modified', S.ntn.value, { 'README.md': '# worker\n' }), { after: { 'README.md': '# worker\n\nWIP notes\n' } });
    const before = snapshot(root);
    const r = cli(root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/uncommitted changes/);
    expect(r.err).toMatch(/--allow-dirty/);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    expectNoLeak(r.out + r.err);
  });

  it('a staged but uncommitted file counts as a change: refused, nothing written', async () => {
    const root = makeRepo('dirty-staged', smallWorker('dirty-staged', S.ntn.value));
    writeFileSync(join(root, 'src/extra.ts'), 'export const extra = 1;\n');
    git(root, 'add', 'src/extra.ts');
    const before = snapshot(root);
    expect(await apiRefused({ root, paths: ['.'] })).toMatch(/uncommitted changes/);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
  });

  it('untracked files do not count: a new, untracked source holding a secret is rewritten', async () => {
    const root = makeRepo('untracked-only', smallWorker('untracked-only', S.ntn.value), { after: { 'src/new-sync.ts': `export const token = "${S.linear.value}";\n` } });
    const { exitCode } = await api({ root, paths: ['.'] });
    expect(exitCode).toBe(0);
    expect(read(root, 'src/new-sync.ts')).toBe('export const token = process.env.LINEAR_API_KEY ?? "";\n');
    expect(read(root, 'src/index.ts')).toBe(MIGRATED_INDEX);
  });

  it('--allow-dirty writes, and keeps the uncommitted edit of the very file it rewrites', async () => {
    const edited = smallWorker('allow-dirty', S.ntn.value)['src/index.ts'] + 'export const retries = 3; // uncommitted edit\n';
    const root = makeRepo('allow-dirty', smallWorker('allow-dirty', S.ntn.value), { after: { 'src/index.ts': edited } });
    expect(await apiRefused({ root, paths: ['.'] })).toMatch(/uncommitted changes/);
    const { exitCode } = await api({ root, paths: ['.'], allowDirty: true });
    expect(exitCode).toBe(0);
    expect(read(root, 'src/index.ts')).toBe(`${MIGRATED_INDEX}export const retries = 3; // uncommitted edit\n`);
  });

  it('a dirty tree with nothing to write: exit 0, nothing changed (a run with nothing to write never refuses)', async () => {
    const root = makeRepo('dirty-clean', { 'package.json': pkg('dirty-clean'), 'src/index.ts': MIGRATED_INDEX, '.gitignore': IGNORE_BLOCK, 'README.md': '# w\n' }, { after: { 'README.md': '# w\n\nedited\n' } });
    const before = snapshot(root);
    const { exitCode, report } = await api({ root, paths: ['.'] });
    expect(exitCode).toBe(0);
    expect(report.summary.moved).toBe(0);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
  });

  it('a git repository without any commit (every file untracked): the run writes', async () => {
    const root = makeRepo('no-commits', smallWorker('no-commits', S.ntn.value), { git: 'init' });
    const { exitCode } = await api({ root, paths: ['.'] });
    expect(exitCode).toBe(0);
    expect(read(root, 'src/index.ts')).toBe(MIGRATED_INDEX);
    expect(ignoredByGit(root, '.env')).toBe(true);
  });
});

describe('.gitignore shapes (checked against git\'s own check-ignore)', () => {
  const runOn = async (name: string, gitignore: string | undefined): Promise<string> => {
    const root = makeRepo(name, smallWorker(name, S.ntn.value, gitignore === undefined ? {} : { '.gitignore': gitignore }));
    const { exitCode } = await api({ root, paths: ['.'] });
    expect(exitCode).toBe(0);
    expect(ignoredByGit(root, '.env'), '.env ignored').toBe(true);
    expect(ignoredByGit(root, '.env.production'), '.env.production ignored').toBe(true);
    expect(ignoredByGit(root, '.env.example'), '.env.example not ignored').toBe(false);
    return root;
  };

  it('missing: created with exactly the documented block', async () => {
    const root = await runOn('gi-missing', undefined);
    expect(read(root, '.gitignore')).toBe(IGNORE_BLOCK);
  });

  it('without a final newline: the last line is completed, a blank line, then the block', async () => {
    const root = await runOn('gi-no-eol', 'node_modules/\ncoverage');
    expect(read(root, '.gitignore')).toBe(`node_modules/\ncoverage\n\n${IGNORE_BLOCK}`);
  });

  it('CRLF: the block is appended with CRLF line endings, the old bytes kept', async () => {
    const root = await runOn('gi-crlf', 'node_modules/\r\n*.log\r\n');
    expect(read(root, '.gitignore')).toBe(`node_modules/\r\n*.log\r\n\r\n${crlf(IGNORE_BLOCK)}`);
  });

  it('`.env*` then a `!.env` negation (and `!.env.example`): .env becomes ignored again, old lines kept', async () => {
    const old = 'node_modules/\n.env*\n!.env\n!.env.example\n';
    const root = await runOn('gi-negation', old);
    expect(read(root, '.gitignore').startsWith(old)).toBe(true);
  });

  it('nested .gitignore files: the sources read are exactly those git does not ignore (no re-include inside an ignored folder)', async () => {
    const root = makeRepo('gi-nested', {
      'package.json': pkg('gi-nested'),
      '.gitignore': 'node_modules/\nscratch/\n*.local.ts\n',
      'scratch/.gitignore': '!keep.ts\n',
      'scratch/keep.ts': `export const token = "${S.scratch.value}";\n`,
      'src/.gitignore': '!flags.local.ts\ngenerated/\n',
      'src/flags.local.ts': `export const linear = { apiKey: "${S.flags.value}" };\n`,
      'src/dev.local.ts': `export const stripe = "${S.devLocal.value}";\n`,
      'src/generated/client.ts': `export const slack = "${S.generated.value}";\n`,
      'src/index.ts': `export const notion = { auth: "${S.ntn2.value}" };\n`,
    });
    const candidates = ['scratch/keep.ts', 'src/flags.local.ts', 'src/dev.local.ts', 'src/generated/client.ts', 'src/index.ts'];
    const before = snapshot(root);
    const { exitCode } = await api({ root, paths: ['.'] });
    expect(exitCode).toBe(0);
    const rewritten = changedPaths(before, snapshot(root)).filter((p) => candidates.includes(p));
    expect(rewritten).toEqual(candidates.filter((p) => !ignoredByGit(root, p)).sort());
    expect(rewritten).toEqual(['src/flags.local.ts', 'src/index.ts']);
  });
});

describe('.env.example and .env variants', () => {
  it('.env.example missing: created with the names only, each under a comment naming its provider', async () => {
    const root = makeRepo('ex-missing', {
      ...smallWorker('ex-missing', S.ntn.value),
      'src/mail.ts': `export const resend = { apiKey: "${S.resend.value}" };\n`,
    });
    await api({ root, paths: ['.'] });
    const example = read(root, '.env.example');
    expect(Object.entries(envOf(root, '.env.example')).sort()).toEqual([
      ['NOTION_TOKEN', ''],
      ['RESEND_API_KEY', ''],
    ]);
    for (const name of ['NOTION_TOKEN', 'RESEND_API_KEY']) expect(example).toMatch(new RegExp(`^# [^\\n]+\\n${name}=\\n`, 'm'));
    expectNoLeak(example);
  });

  it('.env.example with CRLF, comments, `export NAME=` lines and no final newline: bytes kept, present names not added, CRLF appended', async () => {
    const old = '# Worker settings\r\nexport PORT=3000\r\n# Notion\r\nexport NOTION_TOKEN=';
    const root = makeRepo('ex-crlf', { ...smallWorker('ex-crlf', S.ntn.value), '.env.example': old, 'src/linear.ts': `export const linearKey = "${S.linear.value}";\n` });
    await api({ root, paths: ['.'] });
    const example = read(root, '.env.example');
    expect(example.startsWith(`${old}\r\n`)).toBe(true);
    expect(/[^\r]\n/.test(example)).toBe(false);
    expect(keysOf(root)).toEqual(['PORT', 'NOTION_TOKEN', 'LINEAR_API_KEY']);
    expect(count(example, 'NOTION_TOKEN')).toBe(1);
  });

  it('a value .env already holds under another name keeps that name; .env is not touched', async () => {
    const env = `LEGACY_NOTION_KEY=${S.ntn.value}\n`;
    const root = makeRepo('env-other-name', { ...smallWorker('env-other-name', S.ntn.value), '.gitignore': IGNORE_BLOCK }, { after: { '.env': env } });
    const { report } = await api({ root, paths: ['.'] });
    expect(read(root, 'src/index.ts')).toContain('export const notion = { auth: process.env.LEGACY_NOTION_KEY ?? "" };\n');
    expect(read(root, '.env')).toBe(env);
    expect(keysOf(root)).toEqual(['LEGACY_NOTION_KEY']);
    expect(report.envFiles['.env']).toBe('unchanged');
  });

  it('the value held as `export NAME=\'…\' # comment` keeps that name; .env is not touched', async () => {
    const env = `# from the old deploy script\nexport NOTION_TOKEN='${S.ntn2.value}' # bot user\n`;
    const root = makeRepo('env-export-quoted', { ...smallWorker('env-export-quoted', S.ntn2.value), '.gitignore': IGNORE_BLOCK }, { after: { '.env': env } });
    const { report } = await api({ root, paths: ['.'] });
    expect(read(root, 'src/index.ts')).toBe(MIGRATED_INDEX);
    expect(read(root, '.env')).toBe(env);
    expect(report.envNames).toEqual([{ name: 'NOTION_TOKEN', provider: expect.any(String) as string, envExample: 'added', dotEnv: 'present' }]);
  });

  it('.env holds the fallback\'s name with another value: that line stays, and with .env loaded every read yields what it did', async () => {
    const env = `GITHUB_TOKEN=${S.ghOther.value}\n`;
    const root = makeRepo(
      'env-fallback-clash',
      {
        'package.json': pkg('env-fallback-clash'),
        '.gitignore': IGNORE_BLOCK,
        'src/gh.mjs': `export const viaFallback = process.env.GITHUB_TOKEN ?? "${S.gh.value}";\nexport const plain = "${S.gh.value}";\n`,
      },
      { after: { '.env': env } },
    );
    const entries: [string, string][] = [
      ['src/gh.mjs', 'viaFallback'],
      ['src/gh.mjs', 'plain'],
    ];
    const before = exportDigests(root, '.env', entries);
    expect(before).toEqual([sha(S.ghOther.value), sha(S.gh.value)]);
    const { exitCode } = await api({ root, paths: ['.'] });
    expect(exitCode).toBe(0);
    expect(read(root, '.env').startsWith(env)).toBe(true);
    expect(envOf(root)['GITHUB_TOKEN'] === S.ghOther.value).toBe(true);
    expect(leakIn(read(root, 'src/gh.mjs'), [S.gh])).toBeUndefined();
    expect(exportDigests(root, '.env', entries)).toEqual(before);
  });

  it('.env with a BOM, CRLF, a quoted `#` value and no final newline: old bytes first, values kept, CRLF lines appended', async () => {
    const env = `${BOM}# local\r\nDB_URL="postgres://localhost/dev#main"\r\nFEATURE='on'`;
    const root = makeRepo('env-bom-crlf', { ...smallWorker('env-bom-crlf', S.ntn.value), '.gitignore': IGNORE_BLOCK }, { after: { '.env': env } });
    await api({ root, paths: ['.'] });
    const out = read(root, '.env');
    expect(out.startsWith(`${env}\r\n`)).toBe(true);
    expect(/[^\r]\n/.test(out)).toBe(false);
    const parsed = envOf(root);
    expect(parsed['DB_URL']).toBe('postgres://localhost/dev#main');
    expect(parsed['FEATURE']).toBe('on');
    expect(parsed['NOTION_TOKEN'] === S.ntn.value).toBe(true);
  });
});

// =================================================================================================================
// Modes: --dry-run, --json, --check, idempotence (built CLI)

const M = reg({
  gh: sec(fakeToken('github-classic-pat', 10501), 'ghp_'),
  ntn: sec(fakeToken('notion-token', 10502), 'ntn_'),
  /** a value in .env.example that looks real (for --check) */
  example: sec(fakeToken('stripe-secret-key', 10503), 'sk_live_'),
});
const M_ENV = 'PORT=3000\nLOG_LEVEL=debug\n';
const M_SCRIPT = `#!/usr/bin/env node\n"use strict";\n// backfill: node bin/backfill.cjs\nconst headers = { Authorization: "token ${M.gh.value}" };\nmodule.exports = { headers };\n`;

describe('modes: --dry-run, --json, --check and a second run (built CLI)', () => {
  let root: string;
  let before: Map<string, string>;
  let checkBefore: Run;
  let dry: Run;
  let afterDry: Map<string, string>;
  let dryJson: Run;
  let afterDryJson: Map<string, string>;
  let real: Run;
  let afterReal: Map<string, string>;
  let again: Run;
  let afterAgain: Map<string, string>;
  let checkAfter: Run;
  beforeAll(() => {
    root = makeRepo(
      'modes-worker',
      {
        'package.json': pkg('modes-worker'),
        '.gitignore': 'node_modules/\n',
        '.env.example': 'PORT=\n',
        'bin/backfill.cjs': M_SCRIPT,
        'src/index.ts': `import { Worker } from "@notionhq/workers";\n\nexport const worker = new Worker();\nexport const notion = { auth: "${M.ntn.value}" };\n`,
      },
      { after: { '.env': M_ENV }, modes: { 'bin/backfill.cjs': 0o755, '.env': 0o640 } },
    );
    before = snapshot(root);
    checkBefore = cli(root, '--check', '--json');
    dry = cli(root, '--dry-run');
    afterDry = snapshot(root);
    dryJson = cli(root, '--dry-run', '--json');
    afterDryJson = snapshot(root);
    real = cli(root, '--json');
    afterReal = snapshot(root);
    again = cli(root, '--json');
    afterAgain = snapshot(root);
    checkAfter = cli(root, '--check', '--json');
  }, 60_000);

  it('--dry-run: every byte and mode of the tree kept, no lock file; stdout holds only the diff, stderr the report', () => {
    expect(dry.code, dry.err).toBe(0);
    expect(changedPaths(before, afterDry)).toEqual([]);
    expect(changedPaths(before, afterDryJson)).toEqual([]);
    expect(existsSync(join(root, '.env.worker-auth.lock'))).toBe(false);
    expect(dry.out.startsWith('===')).toBe(true);
    expect(dry.out).not.toMatch(/files scanned|Rotate/);
    expect(dry.err).toMatch(/dry run, nothing written/);
  });

  it('--dry-run --json: one document with the documented keys plus `diff`; would change; existing .env lines hidden', () => {
    const j = dryJson.json!;
    expect(Object.keys(j).sort()).toEqual([...TOP_KEYS, 'diff'].sort());
    expect(j.version).toBe(1);
    expect(j.dryRun).toBe(true);
    expect(j.envFiles).toEqual({ '.gitignore': 'would change', '.env': 'would change', '.env.example': 'would change' });
    expect(j.envNames.map((e) => e.dotEnv)).toEqual(j.envNames.map(() => 'dry-run'));
    expect(j.diff).toBe(dry.out);
    expect(j.diff).not.toMatch(/PORT=3000|LOG_LEVEL=debug/);
    expect(j.diff).toContain('+++ b/.env');
  });

  it('--json: the documented keys (no diff), version 1, secrets with line, masked value, env name and action', () => {
    expect(real.code, real.err).toBe(0);
    const j = real.json!;
    expect(Object.keys(j).sort()).toEqual(TOP_KEYS);
    expect(j.dryRun).toBe(false);
    const secrets = j.files.flatMap((f) => f.secrets.map((s) => ({ path: f.path, ...s })));
    expect(secrets.map((s) => [s.path, s.line, s.envName, s.action])).toEqual([
      ['bin/backfill.cjs', 4, 'GITHUB_TOKEN', 'moved'],
      ['src/index.ts', 4, 'NOTION_TOKEN', 'moved'],
    ]);
    for (const s of secrets) expect(Object.keys(s).sort()).toEqual(['action', 'column', 'envName', 'line', 'masked', 'path', 'provider', 'what']);
    expect(j.summary).toEqual({ scanned: 2, parsed: 2, changed: 2, failed: 0, moved: 2, manual: 0 });
    expect(j.rotate.map((r) => r.envName)).toEqual(['GITHUB_TOKEN', 'NOTION_TOKEN']);
    expect(j.envFiles).toEqual({ '.gitignore': 'updated', '.env': 'updated', '.env.example': 'updated' });
  });

  it('the real run changes exactly the files the dry-run diff named; modes kept (0755 script, 0640 .env with a warning)', () => {
    const named = [...(dry.out.matchAll(/^\+\+\+ b\/(\S+)/gm))].map((m) => m[1]!).sort();
    expect(changedPaths(before, afterReal)).toEqual(named);
    expect(mode(root, 'bin/backfill.cjs')).toBe(0o755);
    expect(read(root, 'bin/backfill.cjs')).toBe(M_SCRIPT.replace(`"token ${M.gh.value}"`, '`token ${process.env.GITHUB_TOKEN ?? ""}`'));
    expect(mode(root, '.env')).toBe(0o640);
    expect(real.json!.warnings.join('\n')).toMatch(/chmod 600 \.env/);
    expect(read(root, '.env').startsWith(M_ENV)).toBe(true);
  });

  it('a second run: exit 0, no byte changed, nothing moved, every env file unchanged', () => {
    expect(again.code, again.err).toBe(0);
    expect(changedPaths(afterReal, afterAgain)).toEqual([]);
    expect(again.json!.summary.moved).toBe(0);
    expect(again.json!.envFiles).toEqual({ '.gitignore': 'unchanged', '.env': 'unchanged', '.env.example': 'unchanged' });
  });

  it('--check --json: exit 1 before (.env not ignored), 0 after; one document `{ version, check }`', () => {
    expect(checkBefore.code).toBe(1);
    const docBefore = JSON.parse(checkBefore.out) as { version: number; check: { version: number; mode: string; git: boolean; findings: { problem: string; file: string }[]; summary: Record<string, number> } };
    expect(Object.keys(docBefore).sort()).toEqual(['check', 'version']);
    expect(docBefore.check).toMatchObject({ version: 1, mode: 'check', git: true, summary: { tracked: 0, notIgnored: 1, secretsInExample: 0 } });
    expect(docBefore.check.findings).toEqual([{ problem: 'not-ignored', file: '.env' }]);
    expect(checkAfter.code, checkAfter.err).toBe(0);
    expect(JSON.parse(checkAfter.out)).toMatchObject({ version: 1, check: { findings: [], summary: { tracked: 0, notIgnored: 0, secretsInExample: 0 } } });
  });

  it('--check: a real-looking secret in .env.example fails (exit 1, masked); a missing --root is bad usage (exit 2)', () => {
    const dir = makeRepo('check-example', { 'package.json': pkg('check-example'), '.gitignore': IGNORE_BLOCK, '.env.example': `STRIPE_SECRET_KEY=${M.example.value}\n` });
    const r = cli(dir, '--check');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\.env\.example:1: STRIPE_SECRET_KEY holds a value that looks like a real secret/);
    expectNoLeak(r.out + r.err);
    const missing = cli(dir, '--check', '--root', 'no-such-folder');
    expect(missing.code).toBe(2);
  });
});

// =================================================================================================================
// The jscodeshift entry against the CLI

describe('the jscodeshift entry gives each file the bytes the CLI gives it', () => {
  const FILES = Object.keys(B_EXPECTED).sort();
  let viaCli: string;
  let viaShift: string;
  let cliRun: Run;
  beforeAll(async () => {
    viaCli = makeRepo('shift-cli', bFiles());
    viaShift = makeRepo('shift-api', bFiles());
    cliRun = cli(viaCli);
    for (const f of FILES) await shift(viaShift, f);
  }, 60_000);

  it('same bytes for every file (BOM + CRLF, JSX, a long line, mixed endings), same env files', () => {
    expect(cliRun.code, cliRun.err).toBe(0);
    for (const f of FILES) expect(bytes(viaShift, f).equals(bytes(viaCli, f)), f).toBe(true);
    expect(digestsOf(envOf(viaShift))).toEqual(digestsOf(envOf(viaCli)));
    expect(keysOf(viaShift).sort()).toEqual(keysOf(viaCli).sort());
    expect(read(viaShift, '.gitignore')).toBe(read(viaCli, '.gitignore'));
    expect(mode(viaShift, '.env')).toBe(0o600);
    expect(existsSync(join(viaShift, '.env.worker-auth.lock'))).toBe(false);
  });

  it('a second pass returns nothing for every file and writes nothing', async () => {
    const before = snapshot(viaShift);
    for (const f of FILES) expect(await shift(viaShift, f), f).toBeUndefined();
    expect(changedPaths(before, snapshot(viaShift))).toEqual([]);
  });

  it('`dry`: the same new source is returned, no file is written', async () => {
    const root = makeRepo('shift-dry', bFiles());
    const before = snapshot(root);
    for (const f of FILES) expect(await shift(root, f, { dry: true }), f).toBe(read(viaCli, f));
    expect(changedPaths(before, snapshot(root))).toEqual([]);
  });

  it('run by jscodeshift\'s own CLI (`--no-babel -t dist/codemods/jscodeshift.js`): same bytes, masked output', () => {
    const root = makeRepo('shift-bin', bFiles());
    const r = spawnSync(process.execPath, [JSCODESHIFT_BIN, '--no-babel', '--run-in-band', '--extensions=ts,tsx,mts,cts,js,jsx,mjs,cjs', '-t', TRANSFORM_JS, `--root=${root}`, 'src'], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    ALL_OUTPUT.push(r.stdout, r.stderr);
    expect(r.status, r.stderr).toBe(0);
    for (const f of FILES) expect(bytes(root, f).equals(bytes(viaCli, f)), f).toBe(true);
    expect(digestsOf(envOf(root))).toEqual(digestsOf(envOf(viaCli)));
    expectNoLeak(r.stdout + r.stderr);
  });
});

// =================================================================================================================
// More of the promises around types and line endings

const X = reg({
  ntn: sec(fakeToken('notion-token', 10701), 'ntn_'),
  ssh: privateKey('openssh-private-key', 10702),
});

describe('types and line endings at the edges', () => {
  it('a literal typed as its own literal type becomes string: tsc reports that one line after the run (documented)', async () => {
    const root = makeRepo('literal-type', {
      'package.json': pkg('literal-type'),
      'types/workers.d.ts': TYPES_STUB,
      'src/token.ts': `export const token: \`ntn_\${string}\` = "${X.ntn.value}";\nexport const plain: string = token;\n`,
    });
    expect(typeErrors(root)).toEqual([]);
    const { exitCode } = await api({ root, paths: ['.'] });
    expect(exitCode).toBe(0);
    const errors = typeErrors(root);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^src\/token\.ts: Type 'string' is not assignable to type '`ntn_\$\{string\}`'/);
    expectNoLeak(errors.join('\n'));
  });

  it('a private key in a template literal of a CRLF file: .env holds it with LF, as JavaScript read it; same value at run time', async () => {
    const root = makeRepo('crlf-template-key', { 'package.json': pkg('crlf-template-key'), 'src/deploy.mjs': crlf(`// deploy key\nexport const deployKey = \`${X.ssh.value}\`;\n`) });
    const entries: [string, string][] = [['src/deploy.mjs', 'deployKey']];
    const before = exportDigests(root, undefined, entries);
    expect(before).toEqual([sha(X.ssh.value)]);
    const { exitCode } = await api({ root, paths: ['.'] });
    expect(exitCode).toBe(0);
    expect(read(root, 'src/deploy.mjs')).toBe('// deploy key\r\nexport const deployKey = `${process.env.SSH_PRIVATE_KEY ?? ""}`;\r\n');
    expect(envOf(root)['SSH_PRIVATE_KEY'] === X.ssh.value).toBe(true);
    expect(exportDigests(root, '.env', entries)).toEqual(before);
  });
});

// =================================================================================================================
// Known gaps: the codemod does not do what the docs (or a demanding user) expect. Each stays an expected failure
// until it is fixed.

const G = reg({
  windowsKey: ((): Secret => {
    const key = privateKey('pem-private-key', 10901);
    return sec(key.value.replace(/\n/g, '\r\n'), key.prefix, key.random.replace(/\n/g, '\r\n'));
  })(),
  ntn: sec(fakeToken('notion-token', 10902), 'ntn_'),
  ntn2: sec(fakeToken('notion-token', 10903), 'ntn_'),
});

describe('gaps found by the held-out set, fixed', () => {
  // Expected: a value holding a carriage return either reaches `node --env-file=.env` exactly (docs/codemod.md:
  // "Runtime behaviour is unchanged when .env is loaded (by ntn, node --env-file=.env, dotenv/config…)") or stays in
  // the code for a manual edit (exit 1), as a value ".env cannot hold exactly" does. Actual: it is moved and written
  // as `"…\r\n…"`; dotenv decodes `\r`, Node's loader does not, so the key read at run time holds `\r` as two
  // characters (a backslash and an `r`) where the CRs were, and the signing key no longer parses.
  it('1. a PEM key written with `\\r\\n` escapes: `node --env-file=.env` reads the very value, or it stays in the code', () => {
    const source = `export const signingKey = ${JSON.stringify(`${G.windowsKey.value}\r\n`)};\n`;
    const root = makeRepo('gap-cr-key', { 'package.json': pkg('gap-cr-key'), 'src/sign.mjs': source });
    const entries: [string, string][] = [['src/sign.mjs', 'signingKey']];
    const before = exportDigests(root, undefined, entries);
    const r = cli(root, '--json');
    expectNoLeak(r.out + r.err);
    if (read(root, 'src/sign.mjs') === source) {
      expect(r.code).toBe(1);
    } else {
      expect(exportDigests(root, '.env', entries)).toEqual(before);
    }
  });

  // Expected: after the run git ignores `.env` ("`.gitignore` ignores `.env`", and `--check` passes). Actual: the
  // `.gitignore` line `.ENV` is taken for a rule that ignores `.env` (the `ignore` package matches case-insensitively
  // by default; git on Linux does not), so only `.env.*` and `!.env.example` are appended; git does not ignore the
  // new `.env` and `--check` exits 1 right after the run.
  it('2. a `.gitignore` holding `.ENV`: the `.env` written by the run is ignored by git', async () => {
    const root = makeRepo('gap-upper-env', smallWorker('gap-upper-env', G.ntn.value, { '.gitignore': 'node_modules/\n.ENV\n' }));
    const { exitCode } = await api({ root, paths: ['.'] });
    expect(exitCode).toBe(0);
    expect(existsSync(join(root, '.env'))).toBe(true);
    expect(ignoredByGit(root, '.env')).toBe(true);
  });

  // Expected: a hand-written module (short lines and one long data-URI line) is no minified file: its secret is
  // moved, or at least reported as left for you with exit 1 (docs/codemod.md, "Left for you": "anything in a file
  // that was skipped"). Actual: the average line length (over 400) makes it "minified": skipped, exit 0, and the
  // report ends with "No hardcoded secrets found." while the token is still in the file.
  it('3. a module with an inline data-URI logo: its secret is moved, or reported with exit 1', () => {
    const logo = `data:image/png;base64,${rs(3000, 10904, CHARSETS.b64)}`;
    const root = makeRepo('gap-long-line', { 'package.json': pkg('gap-long-line'), 'src/brand.ts': `export const logo = "${logo}";\nexport const notion = { auth: "${G.ntn2.value}" };\n` });
    const r = cli(root);
    expectNoLeak(r.out + r.err);
    const stillThere = read(root, 'src/brand.ts').includes(G.ntn2.value);
    expect(stillThere && r.code === 0, 'the secret stays in the file and the run exits 0').toBe(false);
    expect(r.err).not.toMatch(/No hardcoded secrets found/);
  });
});

// =================================================================================================================

describe('every output of this file', () => {
  it('holds no planted value, nor 8 characters in a row of one', () => {
    expect(ALL_OUTPUT.length).toBeGreaterThan(40);
    // the check itself sees 8 characters of a random part, and a whole multi-line key
    expect(leakIn(`x${H.ntn.random.slice(3, 11)}y`)).toBeDefined();
    expect(leakIn(`x${P.pemChain.value}y`)).toBeDefined();
    expectNoLeak(ALL_OUTPUT.join('\n'));
  });
});
