/**
 * Held-out end-to-end check of the `worker-auth-codemod` bin on a realistic Notion worker repository, run once as a
 * demanding user would: from the repository's folder (no `--root`), through the built bin (`package.json` "bin").
 * The contract is README.md, docs/codemod.md and docs/security.md. Every token is generated at run time (test/support/fake-tokens.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, symlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseTs } from '@typescript-eslint/typescript-estree';
import { parse as parseEnv } from 'dotenv';
import { ESLint } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from '../support/fake-tokens.js';
import { git, lines, makeRepo, removeRepos, snapshot, type Secret } from './helpers.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PKG = resolve(HERE, '../..');
const BIN = join(PKG, 'dist/src/cli/codemod.js');
const TSC = join(PKG, 'node_modules/typescript/bin/tsc');

afterAll(removeRepos);

// ---------------------------------------------------------------------------------------------------------------
// The planted secrets (generated now) and the public prefix their masked form may show

const s = (value: string, prefix = ''): Secret => ({ value, prefix });
const DASHES = '-'.repeat(5);
const PEM_HEADER = `${DASHES}BEGIN RSA PRIVATE${' KEY'}${DASHES}`;
const PEM_FOOTER = `${DASHES}END RSA PRIVATE${' KEY'}${DASHES}`;
const S = {
  ghA: s(fakeToken('github-classic-pat', 7001), 'ghp_'), // github.ts const and comment, index.ts SDK constructor: one name
  ghB: s(fakeToken('github-classic-pat', 7002), 'ghp_'), // default parameter: a second GitHub name
  ghTest: s(fakeToken('github-classic-pat', 7003), 'ghp_'), // test file, high-confidence: moved
  stripe: s(fakeToken('stripe-secret-key', 7004), 'sk_live_'), // `process.env.STRIPE_SECRET_KEY ?? "…"`
  whsec: s(fakeToken('stripe-webhook-secret', 7005), 'whsec_'), // object property
  xoxb: s(fakeToken('slack-bot-token', 7006), 'xoxb-'), // `Bearer ${"…"}`
  hook: s(fakeToken('slack-webhook-url', 7007), 'https://hooks.slack.com/services/'), // a whole webhook URL
  openai: s(fakeToken('openai-project-key', 7008), 'sk-proj-'), // `new OpenAI({ apiKey })`, name taken in .env
  anthropic: s(fakeToken('anthropic-api-key', 7010), 'sk-ant-api03-'), // BOM + CRLF file
  notion: s(fakeToken('notion-token', 7011), 'ntn_'), // JSX attribute in a .tsx
  notionLegacy: s(fakeToken('notion-legacy-token', 7012), 'secret_'), // CommonJS .js
  linear: s(fakeToken('linear-api-key', 7013), 'lin_api_'), // .mjs; .env already holds it as LINEAR_KEY
  dbPassword: s(fakeGenericSecret(7014)), // URL password
  oauthSecret: s(randomString(CHARSETS.b62, 40, 7015)), // worker.oauth clientSecret (generic, by position)
  googleSecret: s(fakeToken('google-oauth-client-secret', 7016), 'GOCSPX-'), // worker.oauth clientSecret (provider)
  slackApp: s(fakeToken('slack-app-token', 7023), 'xapp-'), // `process.env.SLACK_APP_TOKEN || "…"`
  pem: s(`${fakeToken('pem-private-key', 7024)}\n${PEM_FOOTER}`, `${PEM_HEADER}\n`), // a multi-line template, its footer included
} satisfies Record<string, Secret>;
/** Values that must stay where they are (and never be printed either). */
const KEPT = {
  mapsKey: s(fakeToken('google-api-key', 7017), 'AIza'), // after an eslint-disable-next-line comment
  gitlab: s(fakeToken('gitlab-pat', 7018), 'glpat-'), // in a file that does not parse
  testDbPassword: s(fakeGenericSecret(7019)), // URL password in a test file: not high-confidence
  nodeModules: s(fakeToken('github-classic-pat', 7020), 'ghp_'),
  dist: s(fakeToken('github-classic-pat', 7021), 'ghp_'),
  outside: s(fakeToken('github-classic-pat', 7022), 'ghp_'), // behind a symlink leading outside the root
  oldEnv: s(fakeGenericSecret(7009)), // OPENAI_API_KEY already in .env, a different value
} satisfies Record<string, Secret>;
const MOVED = Object.values(S);
const EVERY = [...MOVED, ...Object.values(KEPT)];
const NAMED: Record<string, Secret> = { ...S, ...KEPT };

/**
 * No planted value is printed beyond its mask: no 8-character run of what follows its public prefix. On failure,
 * names the secret and shows where (the run itself replaced by #).
 */
function expectMasked(text: string): void {
  for (const [key, sec] of Object.entries(NAMED)) {
    // a PEM block's header and footer are public text
    const end = sec.value.lastIndexOf(`\n${DASHES}END `);
    const body = sec.value.slice(sec.prefix.length, end >= 0 ? end : undefined);
    for (let i = 0; i + 8 <= body.length; i++) {
      const at = text.indexOf(body.slice(i, i + 8));
      if (at >= 0) throw new Error(`output holds 8 characters of ${key} (at ${i}): …${text.slice(Math.max(0, at - 30), at)}########${text.slice(at + 8, at + 12)}…`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The repository

const GITHUB_OAUTH_CLIENT_ID = 'Ov23li' + randomString(CHARSETS.b62, 14, 7030);
const GOOGLE_CLIENT_ID = `${randomString('123456789', 12, 7031)}-${randomString(CHARSETS.lowerAlnum, 32, 7032)}.apps.googleusercontent.com`;

// no final line break, as editors often leave it
const ENV_BEFORE = ['# local settings', 'PORT=8787', `OPENAI_API_KEY=${KEPT.oldEnv.value}`, `LINEAR_KEY=${S.linear.value}`].join('\n');
const ENV_EXAMPLE_BEFORE = lines(
  '# Worker settings',
  'export PORT=8787',
  '',
  '# Notion (internal integration)',
  'export NOTION_API_BASE=https://api.notion.com',
  '# OpenAI',
  'export OPENAI_API_KEY=',
);
const GITIGNORE_BEFORE = lines('node_modules/', 'dist/', '*.log');

const crlf = (...ls: string[]): string => `${ls.join('\r\n')}\r\n`;

const FILES: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: 'acme-notion-worker',
      version: '1.0.0',
      private: true,
      scripts: { build: 'tsc -p .', deploy: 'ntn workers deploy' },
      dependencies: { '@notionhq/workers': '^0.4.0', openai: '^4.0.0' },
      devDependencies: { typescript: '^5.9.0' },
    },
    null,
    2,
  ),
  // type-checks without installing anything: the SDK and `process` come from a local shim (a .d.ts, never read)
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
        jsx: 'preserve',
        allowJs: true,
        checkJs: false,
        esModuleInterop: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      include: ['src'],
    },
    null,
    2,
  ),
  'src/types/shims.d.ts': lines(
    'declare var process: { env: Record<string, string | undefined> };',
    'declare namespace JSX {',
    '  interface Element {}',
    '  interface IntrinsicElements { [name: string]: unknown }',
    '}',
    'declare module "@notionhq/workers" {',
    '  export class Worker {',
    '    oauth(key: string, config: Record<string, unknown>): void;',
    '    tool<I>(name: string, config: { title: string; description: string; schema: object; execute: (input: I) => Promise<unknown> }): void;',
    '  }',
    '}',
    'declare module "openai" {',
    '  export default class OpenAI {',
    '    constructor(options: { apiKey: string });',
    '  }',
    '}',
  ),
  'src/index.ts': lines(
    'import { Worker } from "@notionhq/workers";',
    'import { GitHubClient, listRepos } from "./clients/github";',
    'import { stripeKey, stripeWebhook } from "./clients/stripe";',
    'import { postAlert } from "./clients/slack";',
    '',
    'const worker = new Worker();',
    'export default worker;',
    '',
    'worker.oauth("githubAuth", {',
    '  name: "github-app",',
    '  authorizationEndpoint: "https://github.com/login/oauth/authorize",',
    '  tokenEndpoint: "https://github.com/login/oauth/access_token",',
    '  scope: "read:user",',
    `  clientId: "${GITHUB_OAUTH_CLIENT_ID}",`,
    `  clientSecret: "${S.oauthSecret.value}",`,
    '});',
    '',
    'worker.oauth("googleDrive", {',
    '  name: "google-drive",',
    '  authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",',
    '  tokenEndpoint: "https://oauth2.googleapis.com/token",',
    '  scope: "https://www.googleapis.com/auth/drive.file",',
    `  clientId: "${GOOGLE_CLIENT_ID}",`,
    `  clientSecret: "${S.googleSecret.value}",`,
    '});',
    '',
    'worker.tool("syncRepos", {',
    '  title: "Sync GitHub repositories",',
    '  description: "Copies the repositories of an organisation into Notion",',
    '  schema: { type: "object", properties: { org: { type: "string" } }, required: ["org"], additionalProperties: false },',
    '  execute: async ({ org }: { org: string }) => {',
    `    const gh = new GitHubClient("${S.ghA.value}");`,
    '    const repos = await listRepos(org);',
    `    const db = "postgres://worker:${S.dbPassword.value}@db.internal:5432/app";`,
    '    await postAlert(`synced ${repos.length} repos`);',
    '    return { repos: repos.length, db: db.length, billing: stripeKey.length + stripeWebhook.webhookSecret.length, client: gh.name };',
    '  },',
    '});',
  ),
  'src/clients/github.ts': lines(
    '// GitHub REST client used by the sync tool',
    `// TODO(ops): rotate ${S.ghA.value} once the app is installed`,
    `export const GITHUB_TOKEN = "${S.ghA.value}";`,
    '',
    'export class GitHubClient {',
    '  readonly name = "github";',
    '  constructor(readonly token: string) {}',
    '}',
    '',
    `export async function listRepos(org: string, token = "${S.ghB.value}"): Promise<string[]> {`,
    '  const res = await fetch(`https://api.github.com/orgs/${org}/repos`, {',
    '    headers: { Authorization: `token ${token}`, "User-Agent": "acme-notion-worker" },',
    '  });',
    '  return ((await res.json()) as { name: string }[]).map((r) => r.name);',
    '}',
  ),
  'src/clients/stripe.ts': lines(
    '// keep the env override for staging',
    `export const stripeKey = process.env.STRIPE_SECRET_KEY ?? "${S.stripe.value}";`,
    `export const stripeWebhook = { endpoint: "/webhooks/stripe", webhookSecret: "${S.whsec.value}" };`,
  ),
  'src/clients/slack.ts': lines(
    `export const ALERTS_WEBHOOK = "${S.hook.value}";`,
    `export const SLACK_APP_TOKEN = process.env.SLACK_APP_TOKEN || "${S.slackApp.value}";`,
    '',
    'export async function postAlert(text: string): Promise<void> {',
    '  await fetch("https://slack.com/api/chat.postMessage", {',
    '    method: "POST",',
    `    headers: { Authorization: \`Bearer \${"${S.xoxb.value}"}\`, "Content-Type": "application/json" },`,
    '    body: JSON.stringify({ channel: "#eng", text }),',
    '  });',
    '  await fetch(ALERTS_WEBHOOK, { method: "POST", body: JSON.stringify({ text }) });',
    '}',
  ),
  'src/clients/githubApp.ts': lines('export const GITHUB_APP_ID = 123456;', `export const GITHUB_APP_PRIVATE_KEY = \`${S.pem.value}\n\`;`),
  'src/clients/openai.ts': lines('import OpenAI from "openai";', '', `export const openai = new OpenAI({ apiKey: "${S.openai.value}" });`),
  // written on Windows: a BOM and CRLF line endings
  'src/clients/anthropic.ts': `\uFEFF${crlf('// Anthropic settings', 'export const anthropic = {', `  apiKey: "${S.anthropic.value}",`, '  model: "claude-sonnet",', '};')}`,
  'src/clients/linear.mjs': lines('export const linearHeaders = {', `  Authorization: "${S.linear.value}",`, '  "Content-Type": "application/json",', '};'),
  'src/legacy/notion.js': lines(
    '// Old Notion client config (CommonJS, still required by the cron script)',
    'const path = require("path");',
    '',
    'module.exports = {',
    `  notion: { auth: "${S.notionLegacy.value}", notionVersion: "2022-06-28" },`,
    '  cacheDir: path.join(__dirname, ".cache"),',
    '};',
  ),
  'src/components/NotionEmbed.tsx': lines(
    'function Embed(props: { token: string; pageId: string }): JSX.Element | null {',
    '  return props.token && props.pageId ? null : null;',
    '}',
    '',
    `export const NotionEmbed = () => <Embed token="${S.notion.value}" pageId="8a6d3f2e9b1c4d7e8f0a1b2c3d4e5f60" />;`,
  ),
  'src/maps.ts': lines(
    '// eslint-disable-next-line worker-auth/no-hardcoded-secrets -- public browser key, restricted by HTTP referrer',
    `export const MAPS_BROWSER_KEY = "${KEPT.mapsKey.value}";`,
  ),
  'src/__tests__/github.test.ts': lines(
    '// Fixtures for the GitHub client tests',
    'export const fixtures = {',
    `  token: "${S.ghTest.value}",`,
    `  databaseUrl: "postgres://test:${KEPT.testDbPassword.value}@localhost:5432/test",`,
    '};',
  ),
  // outside tsconfig's include: a work-in-progress file that does not parse
  'scripts/wip-mirror.ts': lines('// WIP: mirror to GitLab', `export const gitlabToken = "${KEPT.gitlab.value}";`, 'export function mirror( {', '  return gitlabToken', '}'),
  'node_modules/@acme/sdk/index.js': lines(`module.exports = { defaultToken: "${KEPT.nodeModules.value}" };`),
  'dist/index.js': lines(`exports.token = "${KEPT.dist.value}";`),
  '.env': ENV_BEFORE,
  '.env.example': ENV_EXAMPLE_BEFORE,
  '.gitignore': GITIGNORE_BEFORE,
};

/** Sources the codemod should rewrite (every one holds at least one moved secret). */
const REWRITTEN = [
  'src/index.ts',
  'src/clients/github.ts',
  'src/clients/stripe.ts',
  'src/clients/slack.ts',
  'src/clients/githubApp.ts',
  'src/clients/openai.ts',
  'src/clients/anthropic.ts',
  'src/clients/linear.mjs',
  'src/legacy/notion.js',
  'src/components/NotionEmbed.tsx',
  'src/__tests__/github.test.ts',
];
/** Sources a lint must see (the rewritten ones and the one kept by its directive). */
const LINTED = [...REWRITTEN, 'src/maps.ts'];
const BYTE_FOR_BYTE = ['src/maps.ts', 'scripts/wip-mirror.ts', 'node_modules/@acme/sdk/index.js', 'dist/index.js', 'src/types/shims.d.ts', 'package.json', 'tsconfig.json'];

// ---------------------------------------------------------------------------------------------------------------
// Helpers

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `node <bin> …args` with the repository as the working directory, as `npx worker-auth-codemod` would run. */
function run(cmd: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((done, fail) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    for (const k of Object.keys(env)) if (k.startsWith('GIT_')) delete env[k];
    const child = spawn(process.execPath, [cmd, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, out, err }));
  });
}
const codemod = (cwd: string, ...args: string[]): Promise<Run> => run(BIN, args, cwd);

interface ReportSecret {
  line: number;
  column: number;
  provider: string;
  what: string;
  masked: string;
  envName: string;
  action: string;
}
interface Report {
  version: number;
  dryRun: boolean;
  files: { path: string; status: string; secrets: ReportSecret[]; error?: string }[];
  skipped: { path: string; reason: string }[];
  envNames: { name: string; provider: string; envExample: string; dotEnv: string }[];
  envFiles: Record<string, string>;
  warnings?: string[];
  rotate: { provider: string; envName: string; where?: string }[];
  summary: Record<string, number>;
  diff?: string;
}

/** Every finding of the plugin's recommended config (the built package): `path rule` for each. */
async function lintAll(dir: string, files: readonly string[]): Promise<string[]> {
  const mod = (await import(pathToFileURL(join(PKG, 'dist/src/index.js')).href)) as { default: { configs: Record<string, unknown> } };
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [tseslint.configs.base as never, mod.default.configs['recommended'] as never] });
  return (await eslint.lintFiles([...files])).flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)} ${m.ruleId ?? m.message}`));
}

/** The no-hardcoded-secrets findings of the plugin's recommended config (the built package), per file. */
async function lintSecrets(dir: string, files: readonly string[]): Promise<Map<string, number>> {
  const mod = (await import(pathToFileURL(join(PKG, 'dist/src/index.js')).href)) as { default: { configs: Record<string, unknown> } };
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [tseslint.configs.base as never, mod.default.configs['recommended'] as never],
  });
  const results = await eslint.lintFiles([...files]);
  const out = new Map<string, number>();
  for (const r of results) {
    const fatal = r.messages.filter((m) => m.fatal);
    if (fatal.length > 0) throw new Error(`${r.filePath}: ${fatal[0]!.message}`);
    out.set(r.filePath.slice(dir.length + 1), r.messages.filter((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets').length);
  }
  return out;
}

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Run the worker's code with `process.env` = env (no network: `fetch` is recorded): the OAuth configurations and the
 * tool's result, every exported value, the rendered JSX and every request sent. Modules are transpiled with
 * TypeScript and linked by a tiny CommonJS loader; the SDKs are stubs that record what they get.
 */
async function runtimeTrace(root: string, files: Record<string, string>, env: Record<string, string>): Promise<string> {
  const requests: unknown[] = [];
  const fetchStub = async (url: string, init?: unknown) => {
    requests.push({ url, init });
    return { json: async () => [{ name: 'hello-world' }] };
  };
  class Worker {
    readonly oauths: unknown[] = [];
    readonly tools: [string, { execute: (input: unknown) => Promise<unknown> }][] = [];
    oauth(key: string, config: unknown): void {
      this.oauths.push([key, config]);
    }
    tool(name: string, config: { execute: (input: unknown) => Promise<unknown> }): void {
      this.tools.push([name, config]);
    }
  }
  class OpenAI {
    constructor(readonly options: unknown) {}
  }
  const React = { createElement: (type: unknown, props: unknown) => ({ type: typeof type === 'function' ? type.name : type, props }) };
  const cache = new Map<string, { exports: Record<string, unknown> }>();
  const resolveFile = (from: string, spec: string): string => {
    const base = join(dirname(from), spec);
    const hit = ['', '.ts', '.tsx', '.mjs', '.js'].map((ext) => base + ext).find((f) => f in files);
    if (!hit) throw new Error(`cannot resolve ${spec} from ${from}`);
    return hit;
  };
  const load = (file: string): Record<string, unknown> => {
    const cached = cache.get(file);
    if (cached) return cached.exports;
    const source = readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, '');
    const js = ts.transpileModule(source, {
      fileName: file.replace(/\.(?:mjs|cjs)$/, '.js'),
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.React, esModuleInterop: true },
    }).outputText;
    const module = { exports: {} as Record<string, unknown> };
    cache.set(file, module);
    const require = (spec: string): unknown => {
      if (spec === '@notionhq/workers') return { Worker };
      if (spec === 'openai') return { __esModule: true, default: OpenAI };
      if (spec === 'path') return { join: (...parts: string[]) => parts.join('/') };
      return load(resolveFile(file, spec));
    };
    new Function('exports', 'module', 'require', 'process', 'React', 'fetch', '__dirname', js)(module.exports, module, require, { env: { ...env } }, React, fetchStub, '/srv/worker');
    return module.exports;
  };
  const trace: Record<string, unknown> = {};
  for (const file of Object.keys(files).filter((f) => /^src\/.*\.(?:ts|tsx|js|mjs)$/.test(f) && !f.endsWith('.d.ts')).sort()) {
    trace[file] = Object.fromEntries(Object.entries(load(file)).filter(([, v]) => typeof v !== 'function'));
  }
  const worker = load('src/index.ts')['default'] as Worker;
  trace['oauth'] = worker.oauths;
  trace['tools'] = await Promise.all(worker.tools.map(([, t]) => t.execute({ org: 'acme' })));
  trace['embed'] = (load('src/components/NotionEmbed.tsx')['NotionEmbed'] as () => unknown)();
  trace['requests'] = requests;
  return JSON.stringify(trace);
}

// ---------------------------------------------------------------------------------------------------------------
// One user session: --check, a dry run, the real run, a second run, --check again

let dir = '';
let outside = '';
let snapBefore: Map<string, string>;
let statusBefore = '';
let statusAfterDry = '';
let lintBefore: Map<string, number>;
let tscBefore: Run;
let checkBefore: Run;
let dry: Run;
let dryJson: Run;
let snapAfterDry: Map<string, string>;
let first: Run;
let report: Report;
let snapAfterFirst: Map<string, string>;
let second: Run;
let secondJson: Run;
let snapAfterSecond: Map<string, string>;
let checkAfter: Run;
let outsideBefore: Map<string, string>;
let traceBefore = '';
let statusAfterFirst = '';

const read = (path: string): Promise<string> => readFile(join(dir, path), 'utf8');
const envAfter = async (): Promise<Record<string, string>> => parseEnv(await read('.env'));
/** The env name a moved value got: the `.env` key that holds exactly this value after the run. */
let envNameOf = new Map<string, string>();
const nameOf = (value: string): string => {
  const name = envNameOf.get(value);
  if (!name) throw new Error(`no name in .env holds this value (${value.slice(0, 6)}…)`);
  return name;
};

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`);
  outside = await makeRepo({ 'leak.ts': lines(`export const leaked = "${KEPT.outside.value}";`), 'lib/util.ts': lines(`export const t = "${KEPT.outside.value}";`) }, 'wa-repo-outside-');
  dir = await makeRepo(FILES, 'wa-repo-heldout-');
  await chmod(join(dir, '.env'), 0o644);
  await symlink(join(outside, 'leak.ts'), join(dir, 'src/clients/shared.ts'));
  await symlink(join(outside, 'lib'), join(dir, 'src/vendor'));
  // the user never committed .env (untracked, and .gitignore does not ignore it)
  await git(dir, 'init', '-q');
  await git(dir, 'add', '-A', '--', '.', ':(exclude).env');
  await git(dir, 'commit', '-q', '-m', 'worker');
  outsideBefore = await snapshot(outside);

  tscBefore = await run(TSC, ['--noEmit', '-p', 'tsconfig.json'], dir);
  traceBefore = await runtimeTrace(dir, FILES, parseEnv(ENV_BEFORE));
  lintBefore = await lintSecrets(dir, LINTED);
  checkBefore = await codemod(dir, '--check');
  snapBefore = await snapshot(dir);
  statusBefore = await git(dir, 'status', '--porcelain');
  dry = await codemod(dir, '--dry-run');
  dryJson = await codemod(dir, '--dry-run', '--json');
  snapAfterDry = await snapshot(dir);
  statusAfterDry = await git(dir, 'status', '--porcelain');
  first = await codemod(dir, '--json');
  report = JSON.parse(first.out) as Report;
  snapAfterFirst = await snapshot(dir);
  statusAfterFirst = await git(dir, 'status', '--porcelain', '--untracked-files=all');
  envNameOf = new Map(Object.entries(parseEnv(await readFile(join(dir, '.env'), 'utf8'))).map(([k, v]) => [v, k]));
  second = await codemod(dir);
  secondJson = await codemod(dir, '--json');
  snapAfterSecond = await snapshot(dir);
  checkAfter = await codemod(dir, '--check');
}, 240_000);

describe('the fixture is what it claims to be', () => {
  it('type-checks before the run, and the rule reports every planted secret but the kept ones', () => {
    expect(tscBefore.code, tscBefore.out + tscBefore.err).toBe(0);
    expect(lintBefore.get('src/maps.ts')).toBe(0);
    // one finding per planted value per place: ghA three times (a comment, a const, another file), every other once
    const total = [...lintBefore.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(MOVED.length + 2);
    for (const f of REWRITTEN) expect(lintBefore.get(f), f).toBeGreaterThan(0);
  });
});

describe('--check (CI mode)', () => {
  it('fails before the run: .env is not git-ignored (values never printed)', () => {
    expect(checkBefore.code).toBe(1);
    expect(checkBefore.err).toMatch(/\.env: not git-ignored/);
    expectMasked(checkBefore.out + checkBefore.err);
  });

  it('passes after the run', () => {
    expect(checkAfter.code, checkAfter.err).toBe(0);
    expectMasked(checkAfter.out + checkAfter.err);
  });
});

describe('--dry-run', () => {
  it('writes nothing: every byte, mode and the git status stay', () => {
    expect(snapAfterDry).toEqual(snapBefore);
    expect(statusAfterDry).toBe(statusBefore);
    expect(existsSync(join(dir, '.env.worker-auth.lock'))).toBe(false);
  });

  it('prints a masked diff on stdout and the report on stderr; no planted value beyond prefix + last 4', () => {
    expectMasked(dry.out + dry.err);
    expectMasked(dryJson.out + dryJson.err);
    for (const f of REWRITTEN) expect(dry.out).toContain(`+++ b/${f}`);
    for (const f of ['.gitignore', '.env', '.env.example']) expect(dry.out).toContain(`+++ b/${f}`);
    expect(dry.out).not.toContain('b/src/maps.ts');
    expect(dry.out).not.toContain('node_modules');
    expect(dry.out).toContain(`ghp_…${S.ghA.value.slice(-4)}`);
    expect(dry.err).toMatch(/dry run, nothing written/);
  });

  it('the --json dry run is one version 1 document with a diff, the same plan as the real run', () => {
    const plan = JSON.parse(dryJson.out) as Report;
    expect(plan.version).toBe(1);
    expect(plan.dryRun).toBe(true);
    expect(typeof plan.diff).toBe('string');
    const names = (r: Report) => r.envNames.map((e) => e.name).sort();
    expect(names(plan)).toEqual(names(report));
    expect(plan.files.map((f) => [f.path, f.secrets.map((x) => [x.envName, x.action])])).toEqual(report.files.map((f) => [f.path, f.secrets.map((x) => [x.envName, x.action])]));
  });

  it('exits as the real run does (the file that does not parse counts)', () => {
    expect(dry.code).toBe(first.code);
    expect(dryJson.code).toBe(first.code);
  });
});

describe('the real run', () => {
  it('exits 1 (a file does not parse), reports it, and never prints a value beyond its mask', () => {
    expect(first.code, first.err).toBe(1);
    expect(first.err).toMatch(/scripts\/wip-mirror\.ts:\d+: does not parse/);
    expect(report.files.find((f) => f.path === join('scripts', 'wip-mirror.ts'))).toMatchObject({ status: 'failed' });
    expectMasked(first.out + first.err);
    // every masked form: a public prefix (at most 14 characters), then … and at most the last 4
    for (const x of report.files.flatMap((f) => f.secrets)) expect(x.masked).toMatch(/^.{0,14}….{0,4}$/u);
  });

  it('the closing report names the changed files, the env names, and says to rotate', () => {
    expect(first.err).toMatch(/Rotate every moved secret/);
    expect(first.err).toMatch(/ntn workers env push/);
    for (const e of report.envNames) expect(first.err).toContain(e.name);
    expect(report.summary['changed']).toBe(REWRITTEN.length);
    expect(report.summary['manual']).toBe(0);
    for (const f of REWRITTEN) expect(report.files.find((x) => x.path === join(...f.split('/')))?.status, f).toBe('changed');
  });

  it('moves exactly what the rule reported, file by file', () => {
    for (const f of REWRITTEN) {
      const moved = report.files.find((x) => x.path === join(...f.split('/')))!.secrets.filter((x) => x.action === 'moved' || x.action === 'fallback-removed');
      expect(moved.length, f).toBe(lintBefore.get(f));
    }
  });

  it('no moved value is left in any rewritten source, and each is read from process.env with a `?? ""` fallback', async () => {
    const all = (await Promise.all(REWRITTEN.map(read))).join('\n');
    for (const sec of MOVED) expect(all.includes(sec.value), `${sec.prefix}… left in the code`).toBe(false);
    for (const e of report.envNames) expect(all, e.name).toMatch(new RegExp(`process\\.env\\.${e.name} (\\?\\?|\\|\\|) ""`));
    // nor any line of the private key's body
    for (const line of S.pem.value.split('\n').slice(1, -1)) expect(all.includes(line), 'a line of the private key left').toBe(false);
  });

  it('env names: valid, one per distinct value, the same value reuses its name, never a name .env holds for another value', () => {
    const byValue = new Map<string, string>();
    for (const sec of MOVED) byValue.set(sec.value, nameOf(sec.value));
    const names = [...byValue.values()];
    for (const n of names) expect(n).toMatch(ENV_NAME);
    expect(new Set(names).size).toBe(names.length);
    // ghA is written three times in two files: one name for all
    const ghAUses = report.files.flatMap((f) => f.secrets).filter((x) => x.masked === `ghp_…${S.ghA.value.slice(-4)}`);
    expect(ghAUses.length).toBe(3);
    expect(new Set(ghAUses.map((x) => x.envName)).size).toBe(1);
    // three GitHub tokens, three distinct GitHub names
    const gh = [S.ghA, S.ghB, S.ghTest].map((x) => byValue.get(x.value)!);
    expect(new Set(gh).size).toBe(3);
    for (const n of gh) expect(n).toMatch(/^GITHUB_/);
    // the existing fallback keeps its name
    expect(byValue.get(S.stripe.value)).toBe('STRIPE_SECRET_KEY');
    expect(report.files.flatMap((f) => f.secrets).find((x) => x.envName === 'STRIPE_SECRET_KEY')?.action).toBe('fallback-removed');
    // .env already holds OPENAI_API_KEY with another value: the OpenAI key gets another name
    expect(byValue.get(S.openai.value)).not.toBe('OPENAI_API_KEY');
    expect(byValue.get(S.openai.value)).toMatch(/^OPENAI_API_KEY_\d+$/);
    // .env already holds the Linear key as LINEAR_KEY: that name is kept (docs: "keeps the name it has there")
    expect(byValue.get(S.linear.value)).toBe('LINEAR_KEY');
    // `||` fallback keeps its name too
    expect(byValue.get(S.slackApp.value)).toBe('SLACK_APP_TOKEN');
  });

  it('rewrites the shapes as documented', async () => {
    const n = (sec: Secret): string => nameOf(sec.value);
    const env = (sec: Secret): string => `process.env.${n(sec)} ?? ""`;
    expect(await read('src/clients/github.ts')).toContain(`export const GITHUB_TOKEN = ${env(S.ghA)};`);
    expect(await read('src/clients/github.ts')).toContain(`export async function listRepos(org: string, token = ${env(S.ghB)}): Promise<string[]> {`);
    expect(await read('src/index.ts')).toContain(`    const gh = new GitHubClient(${env(S.ghA)});`);
    expect(await read('src/index.ts')).toContain(`    const db = \`postgres://worker:\${${env(S.dbPassword)}}@db.internal:5432/app\`;`);
    expect(await read('src/index.ts')).toContain(`  clientSecret: ${env(S.googleSecret)},`);
    expect(await read('src/index.ts')).toContain(`  clientSecret: ${env(S.oauthSecret)},`);
    expect(await read('src/clients/stripe.ts')).toContain('export const stripeKey = process.env.STRIPE_SECRET_KEY ?? "";');
    expect(await read('src/clients/stripe.ts')).toContain(`webhookSecret: ${env(S.whsec)} }`);
    expect(await read('src/clients/slack.ts')).toContain(`export const ALERTS_WEBHOOK = ${env(S.hook)};`);
    expect(await read('src/clients/slack.ts')).toContain('export const SLACK_APP_TOKEN = process.env.SLACK_APP_TOKEN || "";');
    // docs: "A secret inside a comment becomes `<moved to env NAME>`"
    expect(await read('src/clients/github.ts')).toContain(`// TODO(ops): rotate <moved to env ${n(S.ghA)}> once the app is installed\n`);
    // the detector's finding is the header and the key lines: the footer stays in the template, so the value is unchanged
    expect(await read('src/clients/githubApp.ts')).toBe(lines('export const GITHUB_APP_ID = 123456;', `export const GITHUB_APP_PRIVATE_KEY = \`\${${env(S.pem)}}`, '`;'));
    expect(await read('src/clients/slack.ts')).toMatch(new RegExp(`Authorization: \`Bearer \\$\\{.*process\\.env\\.${n(S.xoxb)} \\?\\? "".*\\}\``));
    expect(await read('src/clients/openai.ts')).toContain(`new OpenAI({ apiKey: ${env(S.openai)} })`);
    expect(await read('src/clients/linear.mjs')).toContain(`  Authorization: ${env(S.linear)},`);
    expect(await read('src/legacy/notion.js')).toContain(`  notion: { auth: ${env(S.notionLegacy)}, notionVersion: "2022-06-28" },`);
    expect(await read('src/components/NotionEmbed.tsx')).toContain(`<Embed token={${env(S.notion)}} pageId="8a6d3f2e9b1c4d7e8f0a1b2c3d4e5f60" />`);
    // comments and untouched lines stay
    expect(await read('src/clients/github.ts')).toMatch(/^\/\/ GitHub REST client used by the sync tool\n/);
    expect(await read('src/clients/stripe.ts')).toMatch(/^\/\/ keep the env override for staging\n/);
  });

  it('keeps the BOM and CRLF line endings of a Windows file', async () => {
    const bytes = await readFile(join(dir, 'src/clients/anthropic.ts'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toBe(`\uFEFF${crlf('// Anthropic settings', 'export const anthropic = {', `  apiKey: process.env.${nameOf(S.anthropic.value)} ?? "",`, '  model: "claude-sonnet",', '};')}`);
  });

  it('test files: the high-confidence token is moved, the URL password is left (docs: "only have high-confidence findings moved")', async () => {
    const text = await read('src/__tests__/github.test.ts');
    expect(text).toContain(`  token: process.env.${nameOf(S.ghTest.value)} ?? "",`);
    expect(text).toContain(KEPT.testDbPassword.value);
  });

  it('leaves byte for byte: the eslint-disabled value, the file that does not parse, node_modules, dist, the shim, package.json, tsconfig', () => {
    for (const f of BYTE_FOR_BYTE) expect(snapAfterFirst.get(f), f).toBe(snapBefore.get(f));
  });

  it('does not follow symlinks that lead outside the root (the outside files stay as they were)', async () => {
    expect(await snapshot(outside)).toEqual(outsideBefore);
    expect(snapAfterFirst.get(join('src', 'clients', 'shared.ts'))).toBe('symlink');
    expect(snapAfterFirst.get(join('src', 'vendor'))).toBe('symlink');
  });

  it('every rewritten file still parses, and the project still type-checks (tsc --noEmit)', async () => {
    for (const f of REWRITTEN) {
      expect(() => parseTs(readFileSyncText(f), { jsx: /\.(tsx|jsx|js|mjs|cjs)$/.test(f), range: true }), f).not.toThrow();
    }
    const tsc = await run(TSC, ['--noEmit', '-p', 'tsconfig.json'], dir);
    expect(tsc.code, tsc.out + tsc.err).toBe(0);
  });
});

/** Synchronous read of a rewritten file (from the snapshot after the first run). */
function readFileSyncText(path: string): string {
  const entry = snapAfterFirst.get(join(...path.split('/')))!;
  return Buffer.from(entry.slice(entry.indexOf(':') + 1), 'base64').toString('utf8').replace(/^\uFEFF/, '');
}

describe('env files after the run', () => {
  it('.env: the existing lines kept byte for byte (OPENAI_API_KEY not overwritten), every moved value added under its name', async () => {
    const text = await read('.env');
    expect(text.startsWith(ENV_BEFORE), 'existing bytes kept').toBe(true);
    const env = await envAfter();
    expect(env['OPENAI_API_KEY'] === KEPT.oldEnv.value, 'existing value kept').toBe(true);
    expect(env['PORT']).toBe('8787');
    for (const sec of MOVED) expect(env[nameOf(sec.value)] === sec.value, `${nameOf(sec.value)} holds its value`).toBe(true);
    expect(Object.keys(env).sort()).toEqual(['OPENAI_API_KEY', 'PORT', ...report.envNames.map((e) => e.name)].sort());
    // nothing of the kept values went to .env
    for (const sec of [KEPT.mapsKey, KEPT.gitlab, KEPT.testDbPassword, KEPT.nodeModules, KEPT.dist, KEPT.outside]) {
      expect(text.includes(sec.value), `${sec.prefix}… must not be in .env`).toBe(false);
    }
  });

  it('an existing .env keeps its mode (docs/security.md: never "change the mode of an existing file"; 0600 is for a created one)', async () => {
    expect((await stat(join(dir, '.env'))).mode & 0o777).toBe(0o644);
  });

  it('secrets added to an existing .env that others can read come with a warning to chmod it', () => {
    if (process.platform === 'win32') return;
    expect(report.warnings ?? []).toEqual(['.env is readable by others (mode 0644): run `chmod 600 .env`']);
  });

  it('.env.example: existing lines, comments and `export` kept; every new name listed with no value', async () => {
    const text = await read('.env.example');
    expect(text.startsWith(ENV_EXAMPLE_BEFORE), 'existing bytes kept').toBe(true);
    const example = parseEnv(text);
    for (const e of report.envNames) expect(example[e.name], e.name).toBe('');
    expect(example['PORT']).toBe('8787');
    expect(example['NOTION_API_BASE']).toBe('https://api.notion.com');
    expectMasked(text);
    // grouped under a comment naming the provider
    expect(text.slice(ENV_EXAMPLE_BEFORE.length)).toMatch(/^# .*GitHub/m);
  });

  it('.gitignore: kept, and now ignores .env and .env.* but not .env.example', async () => {
    const text = await read('.gitignore');
    expect(text.startsWith(GITIGNORE_BEFORE)).toBe(true);
    expect(await git(dir, 'check-ignore', '.env', '.env.local', '.env.production')).toBe(lines('.env', '.env.local', '.env.production'));
    await expect(git(dir, 'check-ignore', '.env.example')).rejects.toThrow();
    expect(await git(dir, 'status', '--porcelain', '--', '.env')).toBe('');
  });
});

describe('runtime behaviour (docs: "unchanged when .env is loaded (by ntn, node --env-file=.env, dotenv/config…)")', () => {
  it('the worker does the same with the new .env loaded: OAuth configs, tool result, exports, JSX, every request', async () => {
    const traceAfter = await runtimeTrace(dir, FILES, await envAfter());
    expect(traceAfter.length).toBeGreaterThan(1000);
    expect(traceAfter === traceBefore, 'same behaviour with .env loaded').toBe(true);
  });

  it('`node --env-file=.env` reads every moved value exactly (multi-line private key included)', async () => {
    const probe = join(await makeRepo({ 'probe.cjs': 'process.stdout.write(JSON.stringify(process.env));\n' }, 'wa-repo-probe-'), 'probe.cjs');
    const out = await new Promise<string>((done, fail) => {
      const child = spawn(process.execPath, ['--env-file=.env', probe], { cwd: dir, env: {}, stdio: ['ignore', 'pipe', 'ignore'] });
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
      child.on('error', fail);
      child.on('close', () => done(text));
    });
    const env = JSON.parse(out) as Record<string, string>;
    for (const sec of MOVED) expect(env[nameOf(sec.value)] === sec.value, `${nameOf(sec.value)} read back exactly`).toBe(true);
    expect(env['OPENAI_API_KEY'] === KEPT.oldEnv.value).toBe(true);
  });
});

describe('after the run', () => {
  it('the recommended config reports no hardcoded secret left (the eslint-disabled value stays silenced)', async () => {
    const after = await lintSecrets(dir, LINTED);
    expect([...after.entries()].filter(([, count]) => count > 0)).toEqual([]);
  });

  it('every other recommended rule is satisfied too, but for the OAuth client ids (out of the codemod\'s scope: it moves what no-hardcoded-secrets reports)', async () => {
    expect((await lintAll(dir, LINTED)).sort()).toEqual(['src/index.ts worker-auth/oauth-credentials-from-env', 'src/index.ts worker-auth/oauth-credentials-from-env']);
  });

  it('git sees exactly the rewritten sources, .gitignore and .env.example (no lock or temp file left, .env ignored)', () => {
    const expected = [...REWRITTEN, '.env.example', '.gitignore'].map((f) => ` M ${f}`).sort();
    expect(statusAfterFirst.split('\n').filter(Boolean).sort()).toEqual(expected);
  });

  it('a second run (tree now dirty, no --allow-dirty) changes nothing, does not refuse, and exits as documented (1: the file that does not parse)', async () => {
    expect(snapAfterSecond).toEqual(snapAfterFirst);
    expect(second.code, second.err).toBe(1);
    expect(second.err).not.toMatch(/uncommitted changes/);
    expect(secondJson.code).toBe(1);
    const again = JSON.parse(secondJson.out) as Report;
    expect(again.envFiles).toEqual({ '.gitignore': 'unchanged', '.env': 'unchanged', '.env.example': 'unchanged' });
    expect(again.files.filter((f) => f.status === 'changed')).toEqual([]);
    expect(again.files.flatMap((f) => f.secrets)).toEqual([]);
    expectMasked(second.out + second.err + secondJson.out + secondJson.err);
  });
});

describe('a repository without .env', () => {
  it('gets a .env created with mode 0600 and git-ignored', async () => {
    if (process.platform === 'win32') return;
    const small = await makeRepo({ 'src/index.ts': lines(`export const token = "${S.ghB.value}";`), 'package.json': '{ "name": "w" }\n' }, 'wa-repo-fresh-');
    await mkdir(join(small, 'dist'), { recursive: true });
    await git(small, 'init', '-q');
    await git(small, 'add', '-A');
    await git(small, 'commit', '-q', '-m', 'w');
    const r = await codemod(small);
    expect(r.code, r.err).toBe(0);
    expect((await stat(join(small, '.env'))).mode & 0o777).toBe(0o600);
    expect(await git(small, 'check-ignore', '.env')).toBe('.env\n');
    expectMasked(r.out + r.err);
  });
});


describe('gaps found by the held-out set, fixed', () => {
  // a symlinked source file whose target is outside the root is listed in `skipped` (docs/security.md: "a symlinked
  // file or a named path whose real location is outside the root is skipped and listed"); before the fix it was
  // silently left out unless named on the command line, while `eslint .` still reported the secret behind it
  it('a symlinked file leading outside the root is skipped and listed in the report', () => {
    expect(report.skipped.map((x) => x.path)).toContain(join('src', 'clients', 'shared.ts'));
  });
});
