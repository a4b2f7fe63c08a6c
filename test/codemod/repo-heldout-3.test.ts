/**
 * Held-out set 3: end-to-end runs of `worker-auth-codemod` (in process, `main` of src/cli/codemod.ts) over Notion
 * worker repositories of shapes the earlier sets do not cover: a monorepo run worker by worker, `.env` files written
 * by hand (comments, quotes, `export`, spaces around `=`, duplicate keys, a BOM, CRLF, no final newline, a symlink),
 * `.gitignore` files with negations, `.env*`, whitelists and nested files, one worker holding every kind of source
 * file, names competing for one conventional name, an interrupted run. The contract is README.md and
 * docs/codemod.md. Every token is generated at run time (test/support/fake-tokens.ts); repositories are built in
 * os.tmpdir() as real git repositories.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parse as parseTs } from '@typescript-eslint/typescript-estree';
import { parse as parseEnv } from 'dotenv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCodemod } from '../../codemods/run.js';
import { main } from '../../src/cli/codemod.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from '../support/fake-tokens.js';

// ---------------------------------------------------------------------------------------------------------------
// Harness

const ROOTS: string[] = [];
afterAll(() => {
  for (const r of ROOTS) rmSync(r, { recursive: true, force: true });
});

type Files = Record<string, string | Buffer>;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function writeFiles(root: string, files: Files): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** A real git repository holding `files`, all committed; `after` is written after the commit (untracked files). */
function makeRepo(name: string, files: Files, after: Files = {}): string {
  const base = mkdtempSync(join(tmpdir(), `wa-heldout3-${name}-`));
  ROOTS.push(base);
  const root = join(base, name);
  mkdirSync(root);
  writeFiles(root, files);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Worker Dev');
  git(root, 'config', 'user.email', 'dev@example.com');
  git(root, 'config', 'core.autocrlf', 'false');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'initial');
  writeFiles(root, after);
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
  rotate: { envName: string }[];
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

const ALL_OUTPUT: string[] = [];

async function run(root: string, ...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(['--root', root, ...args], { out: { write: (c: string) => (out += c) }, err: { write: (c: string) => (err += c) } });
  ALL_OUTPUT.push(out, err);
  const json = args.includes('--json') && !args.includes('--check') && out.trim().startsWith('{') ? (JSON.parse(out) as Report) : undefined;
  return { code, out, err, ...(json ? { json } : {}) };
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
      else out.set(rel, `${(st.mode & 0o777).toString(8)} ${readFileSync(abs, 'latin1')}`);
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

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

// ---------------------------------------------------------------------------------------------------------------
// Secrets

interface Secret {
  readonly value: string;
  /** the public prefix a masked form may show */
  readonly prefix: string;
}
const sec = (value: string, prefix = ''): Secret => ({ value, prefix });
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

const pkg = (name: string, extra: Record<string, unknown> = {}): string => `${JSON.stringify({ name, private: true, type: 'module', ...extra }, null, 2)}\n`;
const crlf = (t: string): string => t.replace(/\n/g, '\r\n');
const HEADER = '# Local env files hold secrets (worker-auth-codemod); .env.example stays tracked';

// ---------------------------------------------------------------------------------------------------------------
// Repo M: a monorepo with two workers, each with its own package.json, .env.example and (later) .env; the root
// .gitignore already ignores `.env*` except the examples. The codemod is run once per worker (`--root <worker>`).

const M = reg({
  ntn: sec(fakeToken('notion-token', 9101), 'ntn_'), // worker A (config module + index) and worker B
  gcs: sec(fakeToken('google-oauth-client-secret', 9102), 'GOCSPX-'), // worker A: worker.oauth clientSecret
  linear: sec(fakeToken('linear-api-key', 9103), 'lin_api_'), // worker A: header object
  xoxb: sec(fakeToken('slack-bot-token', 9104), 'xoxb-'), // worker B: .mjs, `Bearer …` string
  hook: sec(fakeToken('slack-webhook-url', 9105), 'https://hooks.slack.com/services/'), // worker B: .cjs config
});

const M_EXAMPLE_A = '# notion-sync worker\n# Copy to .env and fill in.\n\n# Notion database that receives the issues\nNOTION_DATABASE_ID=\n';
const M_EXAMPLE_B = '# slack-digest\nSLACK_CHANNEL=#general\n';

function repoM(): string {
  return makeRepo('workers-mono', {
    'package.json': pkg('workers-mono', { workspaces: ['workers/*'] }),
    '.gitignore': 'node_modules/\n.env*\n!.env.example\n',
    'workers/notion-sync/package.json': pkg('notion-sync', { dependencies: { '@notionhq/workers': '0.9.2' } }),
    'workers/notion-sync/.env.example': M_EXAMPLE_A,
    'workers/notion-sync/src/config.ts': `export const config = {
  notion: { token: "${M.ntn.value}", version: "2022-06-28" },
  databaseId: process.env.NOTION_DATABASE_ID ?? "",
};
`,
    'workers/notion-sync/src/index.ts': `import { Worker } from "@notionhq/workers";
import { config } from "./config.js";
import { linearHeaders } from "./linear.js";

const worker = new Worker();

worker.oauth("googleDrive", {
  name: "google-drive",
  authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenEndpoint: "https://oauth2.googleapis.com/token",
  clientId: process.env.GOOGLE_CLIENT_ID ?? "",
  clientSecret: "${M.gcs.value}",
  scope: "https://www.googleapis.com/auth/drive.readonly",
});

export default worker.sync("issues", async () => ({ config, headers: linearHeaders }));
`,
    'workers/notion-sync/src/linear.ts': `export const linearHeaders = {
  "Content-Type": "application/json",
  Authorization: "${M.linear.value}",
};
`,
    'workers/slack-digest/package.json': pkg('slack-digest'),
    'workers/slack-digest/.env.example': M_EXAMPLE_B,
    'workers/slack-digest/src/post.mjs': `export async function post(text) {
  return fetch("https://slack.com/api/chat.postMessage", {
    method: "POST",
    headers: { Authorization: "Bearer ${M.xoxb.value}", "Content-Type": "application/json" },
    body: JSON.stringify({ channel: process.env.SLACK_CHANNEL, text }),
  });
}
`,
    'workers/slack-digest/src/notion.mjs': `import { Client } from "@notionhq/client";\n\nexport const notion = new Client({ auth: "${M.ntn.value}" });\n`,
    'workers/slack-digest/config.cjs': `module.exports = {\n  webhook: "${M.hook.value}",\n};\n`,
  });
}

describe('monorepo: two workers, each run on its own (--root <worker>)', () => {
  let mono: string;
  const A = 'workers/notion-sync';
  const B = 'workers/slack-digest';
  let before: Map<string, string>;
  let runA: Run;
  let afterA: Map<string, string>;
  let runB: Run;
  let afterB: Map<string, string>;
  let againA: Run;
  let againB: Run;
  let afterAgain: Map<string, string>;
  beforeAll(async () => {
    mono = repoM();
    before = snapshot(mono);
    runA = await run(join(mono, A), '--json');
    afterA = snapshot(mono);
    commitAll(mono, 'codemod: notion-sync');
    runB = await run(join(mono, B), '--json');
    afterB = snapshot(mono);
    commitAll(mono, 'codemod: slack-digest');
    againA = await run(join(mono, A), '--json');
    againB = await run(join(mono, B), '--json');
    afterAgain = snapshot(mono);
  });

  it('the first worker: exit 0, only its own files change (the other worker and the monorepo root untouched)', () => {
    expect(runA.code).toBe(0);
    const changed = changedPaths(before, afterA);
    expect(changed.every((p) => p.startsWith(`${A}/`))).toBe(true);
    expect(changed).toEqual(expect.arrayContaining([`${A}/.env`, `${A}/.env.example`, `${A}/src/config.ts`, `${A}/src/index.ts`, `${A}/src/linear.ts`]));
    expect(changed).not.toContain(`${A}/package.json`);
  });

  it('the first worker: a config module, an OAuth clientSecret and a header object read from process.env', () => {
    expect(read(mono, `${A}/src/config.ts`)).toBe('export const config = {\n  notion: { token: process.env.NOTION_TOKEN ?? "", version: "2022-06-28" },\n  databaseId: process.env.NOTION_DATABASE_ID ?? "",\n};\n');
    expect(read(mono, `${A}/src/index.ts`)).toContain('  clientSecret: process.env.GOOGLE_CLIENT_SECRET ?? "",\n');
    expect(read(mono, `${A}/src/index.ts`)).toContain('  clientId: process.env.GOOGLE_CLIENT_ID ?? "",\n');
    expect(read(mono, `${A}/src/linear.ts`)).toBe('export const linearHeaders = {\n  "Content-Type": "application/json",\n  Authorization: process.env.LINEAR_API_KEY ?? "",\n};\n');
    for (const f of ['src/config.ts', 'src/index.ts', 'src/linear.ts']) parses(mono, `${A}/${f}`);
  });

  it('the first worker: its own .env (0600, exact values) and .env.example (comments kept, names only)', () => {
    expect(envOf(mono, `${A}/.env`)).toEqual({ NOTION_TOKEN: M.ntn.value, GOOGLE_CLIENT_SECRET: M.gcs.value, LINEAR_API_KEY: M.linear.value });
    expect(mode(mono, `${A}/.env`)).toBe(0o600);
    const example = read(mono, `${A}/.env.example`);
    expect(example.startsWith(M_EXAMPLE_A)).toBe(true);
    expect(keysOf(mono, `${A}/.env.example`).sort()).toEqual(['GOOGLE_CLIENT_SECRET', 'LINEAR_API_KEY', 'NOTION_DATABASE_ID', 'NOTION_TOKEN']);
    expect(Object.values(parseEnv(example)).every((v) => v === '')).toBe(true);
    expect(existsSync(join(mono, '.env'))).toBe(false);
    expect(existsSync(join(mono, '.env.example'))).toBe(false);
  });

  it('the second worker: .mjs and .cjs rewritten; the token shared with the first worker gets the same name in its own .env', () => {
    expect(runB.code).toBe(0);
    expect(changedPaths(afterA, afterB).every((p) => p.startsWith(`${B}/`))).toBe(true);
    expect(read(mono, `${B}/src/post.mjs`)).toContain('    headers: { Authorization: `Bearer ${process.env.SLACK_BOT_TOKEN ?? ""}`, "Content-Type": "application/json" },\n');
    expect(read(mono, `${B}/src/notion.mjs`)).toContain('new Client({ auth: process.env.NOTION_TOKEN ?? "" });');
    expect(read(mono, `${B}/config.cjs`)).toBe('module.exports = {\n  webhook: process.env.SLACK_WEBHOOK_URL ?? "",\n};\n');
    expect(envOf(mono, `${B}/.env`)).toEqual({ SLACK_BOT_TOKEN: M.xoxb.value, NOTION_TOKEN: M.ntn.value, SLACK_WEBHOOK_URL: M.hook.value });
    expect(read(mono, `${B}/.env.example`).startsWith(M_EXAMPLE_B)).toBe(true);
    expect(keysOf(mono, `${B}/.env.example`).sort()).toEqual(['NOTION_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_CHANNEL', 'SLACK_WEBHOOK_URL']);
    for (const f of ['src/post.mjs', 'src/notion.mjs', 'config.cjs']) parses(mono, `${B}/${f}`);
  });

  it('git: both .env files ignored and never committed, both .env.example committed; the root .gitignore unchanged', () => {
    expect(read(mono, '.gitignore')).toBe('node_modules/\n.env*\n!.env.example\n');
    const tracked = git(mono, 'ls-files').trim().split('\n');
    expect(tracked).toEqual(expect.arrayContaining([`${A}/.env.example`, `${B}/.env.example`]));
    expect(tracked).not.toContain(`${A}/.env`);
    expect(tracked).not.toContain(`${B}/.env`);
    for (const w of [A, B]) {
      expect(isIgnored(mono, `${w}/.env`)).toBe(true);
      expect(isIgnored(mono, `${w}/.env.local`)).toBe(true);
      expect(isIgnored(mono, `${w}/.env.example`)).toBe(false);
    }
  });

  it('running each worker again changes nothing (exit 0, nothing moved)', () => {
    expect([againA.code, againB.code]).toEqual([0, 0]);
    expect(changedPaths(afterB, afterAgain)).toEqual([]);
    for (const r of [againA, againB]) {
      expect(r.json!.summary.moved).toBe(0);
      expect(r.json!.envFiles).toEqual({ '.gitignore': 'unchanged', '.env': 'unchanged', '.env.example': 'unchanged' });
    }
  });

  it('--check from the monorepo root passes, then fails (exit 1, masked) once a worker .env is force-added', async () => {
    const ok = await run(mono, '--check', '--json');
    expect(ok.code).toBe(0);
    git(mono, 'add', '-f', `${B}/.env`);
    git(mono, 'commit', '-q', '-m', 'oops');
    const bad = await run(mono, '--check', '--json');
    expect(bad.code).toBe(1);
    const doc = JSON.parse(bad.out) as { check: { findings: { problem: string; file: string }[] } };
    expect(doc.check.findings).toContainEqual(expect.objectContaining({ problem: 'tracked', file: `${B}/.env` }));
    const human = await run(mono, '--check');
    expect(human.code).toBe(1);
    expect(human.err).toContain(`${B}/.env`);
    for (const r of [ok, bad, human]) expectNoLeak(r.out + r.err, Object.values(M));
  });

  it('no output of these runs holds a planted value', () => {
    for (const r of [runA, runB, againA, againB]) expectNoLeak(r.out + r.err, Object.values(M));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Repo E: a `.env` written by hand: a comment header, `export`, double and single quotes, spaces around `=`, an
// inline comment, a duplicate key (dotenv reads the last), no final newline; mode 0640.

const E = reg({
  ntn: sec(fakeToken('notion-token', 9201), 'ntn_'), // `export NOTION_TOKEN="…"`: the code's value, keeps its name
  xoxbEnv: sec(fakeToken('slack-bot-token', 9202), 'xoxb-'), // SLACK_BOT_TOKEN='…' in .env
  xoxbCode: sec(fakeToken('slack-bot-token', 9203), 'xoxb-'), // in the code: another value
  linFirst: sec(fakeToken('linear-api-key', 9204), 'lin_api_'), // first LINEAR_API_KEY line (shadowed)
  linLast: sec(fakeToken('linear-api-key', 9205), 'lin_api_'), // second LINEAR_API_KEY line (what dotenv reads)
  openai: sec(fakeToken('openai-project-key', 9206), 'sk-proj-'), // `OPENAI_API_KEY = … # comment`
  resend: sec(fakeToken('resend-api-key', 9207), 're_'), // new
});
const E_ENV = [
  '# Local secrets for the support-bot worker. Never commit this file.',
  '',
  `export NOTION_TOKEN="${E.ntn.value}"`,
  `SLACK_BOT_TOKEN='${E.xoxbEnv.value}'`,
  `LINEAR_API_KEY=${E.linFirst.value}`,
  `OPENAI_API_KEY = ${E.openai.value}   # project key, dev only`,
  `LINEAR_API_KEY=${E.linLast.value}`,
  'PORT=8787',
].join('\n'); // no final newline

function repoE(): string {
  const root = makeRepo('support-bot', {
    'package.json': pkg('support-bot'),
    '.gitignore': 'node_modules\n.env\n.env.*\n!.env.example\n',
    '.env.example': 'NOTION_TOKEN=\nSLACK_BOT_TOKEN=\nLINEAR_API_KEY=\nOPENAI_API_KEY=\nPORT=8787\n',
    'src/notion.ts': `import { Client } from "@notionhq/client";\nexport const notion = new Client({ auth: "${E.ntn.value}" });\n`,
    'src/slack.ts': `import { WebClient } from "@slack/web-api";\nexport const slack = new WebClient("${E.xoxbCode.value}");\n`,
    'src/linear-old.ts': `export const legacyLinear = { apiKey: "${E.linFirst.value}" };\n`,
    'src/linear.ts': `export const linear = { apiKey: "${E.linLast.value}" };\n`,
    'src/ai.ts': `import OpenAI from "openai";\nexport const openai = new OpenAI({ apiKey: "${E.openai.value}" });\n`,
    'src/mail.ts': `import { Resend } from "resend";\nexport const resend = new Resend("${E.resend.value}");\n`,
  }, { '.env': E_ENV });
  chmodSync(join(root, '.env'), 0o640);
  return root;
}

describe('an existing hand-written .env (export, quotes, spaces, inline comment, duplicate key, no final newline)', () => {
  let root: string;
  let dry: Run;
  let real: Run;
  let env: Record<string, string>;
  let text: string;
  beforeAll(async () => {
    root = repoE();
    dry = await run(root, '--dry-run');
    real = await run(root, '--json');
    text = read(root, '.env');
    env = parseEnv(text);
  });

  it('exit 0; every existing byte of .env kept, a line break added before the appended lines, mode 0640 kept with a warning', () => {
    expect(real.code).toBe(0);
    expect(text.startsWith(`${E_ENV}\n`)).toBe(true);
    expect(mode(root, '.env')).toBe(0o640);
    expect(real.json!.warnings.join('\n')).toMatch(/\.env is readable by others/);
  });

  it('a value .env holds as `export NAME="…"` or `NAME = … # comment` keeps that name, and is not written again', () => {
    expect(read(root, 'src/notion.ts')).toContain('new Client({ auth: process.env.NOTION_TOKEN ?? "" });');
    expect(read(root, 'src/ai.ts')).toContain('new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "" });');
    expect(text.split(E.ntn.value)).toHaveLength(2);
    expect(text.split(E.openai.value)).toHaveLength(2);
  });

  it('a name .env holds (single-quoted) for another value: the code value gets a suffixed name, the line stays', () => {
    expect(read(root, 'src/slack.ts')).toContain('new WebClient(process.env.SLACK_BOT_TOKEN_2 ?? "");');
    expect(env['SLACK_BOT_TOKEN']).toBe(E.xoxbEnv.value);
    expect(env['SLACK_BOT_TOKEN_2']).toBe(E.xoxbCode.value);
  });

  it('duplicate keys: the value dotenv reads keeps LINEAR_API_KEY; the shadowed one gets its own name, so each read yields its old value', () => {
    const readsLinear = (rel: string): string => /process\.env\.(\w+) \?\? ""/.exec(read(root, rel))![1]!;
    expect(env[readsLinear('src/linear.ts')]).toBe(E.linLast.value);
    expect(env[readsLinear('src/linear-old.ts')]).toBe(E.linFirst.value);
    expect(readsLinear('src/linear.ts')).toBe('LINEAR_API_KEY');
  });

  it('every value the code held is what .env gives its name now; .env.example gains only the new names', () => {
    expect(env).toMatchObject({ NOTION_TOKEN: E.ntn.value, OPENAI_API_KEY: E.openai.value, RESEND_API_KEY: E.resend.value, PORT: '8787' });
    const example = keysOf(root);
    expect(example.slice(0, 5)).toEqual(['NOTION_TOKEN', 'SLACK_BOT_TOKEN', 'LINEAR_API_KEY', 'OPENAI_API_KEY', 'PORT']);
    expect(example.slice(5).sort()).toEqual(['LINEAR_API_KEY_2', 'RESEND_API_KEY', 'SLACK_BOT_TOKEN_2']);
  });

  it('the dry run diff of .env shows the existing lines as … only; no output holds a value', () => {
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('+++ b/.env');
    expect(dry.out).not.toMatch(/^[ -+]PORT=8787/m);
    expectNoLeak(dry.out + dry.err + real.out + real.err, Object.values(E));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Repo W: a Windows checkout: a `.env` with a BOM and CRLF, a CRLF `.gitignore` without a final newline, a CRLF
// `.env.example`.

const W = reg({
  gh: sec(fakeToken('github-fine-grained-pat', 9301), 'github_pat_'), // first line of the BOM .env
  sendgrid: sec(fakeToken('sendgrid-api-key', 9302), 'SG.'),
});

function repoW(): string {
  return makeRepo('win-worker', {
    'package.json': crlf(pkg('win-worker')),
    '.gitignore': 'node_modules\r\n.env',
    '.env.example': crlf('# GitHub\nGITHUB_TOKEN=\n'),
    'src/gh.ts': crlf(`export const gh = { token: "${W.gh.value}" };\n`),
    'src/mail.ts': crlf(`export const sendgridKey = "${W.sendgrid.value}";\n`),
  }, { '.env': `\uFEFF${crlf(`GITHUB_TOKEN=${W.gh.value}\n`)}` });
}

describe('a BOM + CRLF .env, a CRLF .gitignore without a final newline', () => {
  let root: string;
  let r: Run;
  beforeAll(async () => {
    root = repoW();
    r = await run(root, '--json');
  });

  it('the value in the BOM .env is recognised (its first key is not mangled by the BOM): name kept, not appended again', () => {
    expect(r.code).toBe(0);
    expect(read(root, 'src/gh.ts')).toBe(crlf('export const gh = { token: process.env.GITHUB_TOKEN ?? "" };\n'));
    const env = read(root, '.env');
    expect(env.split(W.gh.value)).toHaveLength(2);
    expect(env.startsWith(`\uFEFF${crlf(`GITHUB_TOKEN=${W.gh.value}\n`)}`)).toBe(true);
    expect(envOf(root)).toEqual({ GITHUB_TOKEN: W.gh.value, SENDGRID_API_KEY: W.sendgrid.value });
  });

  it('appended lines use CRLF in .env, .env.example and .gitignore; .gitignore gets its line break first', () => {
    const env = read(root, '.env');
    expect(env.replace(/\r\n/g, '')).not.toContain('\n');
    expect(read(root, '.env.example')).toBe(crlf('# GitHub\nGITHUB_TOKEN=\n\n# SendGrid API key\nSENDGRID_API_KEY=\n'));
    expect(read(root, '.gitignore')).toBe(crlf(`node_modules\n.env\n\n${HEADER}\n.env.*\n!.env.example\n`));
    expect(isIgnored(root, '.env')).toBe(true);
    expect(isIgnored(root, '.env.example')).toBe(false);
    expectNoLeak(r.out + r.err, Object.values(W));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Repo S: `.env` is a symlink (to a file in a git-ignored folder of the repo, or to a file outside the repo).

const S = reg({
  ntn: sec(fakeToken('notion-token', 9401), 'ntn_'),
  hubspot: sec(fakeToken('hubspot-private-app-token', 9402), 'pat-na1-'),
  outsideNtn: sec(fakeToken('notion-token', 9403), 'ntn_'),
});

describe('a .env that is a symlink', () => {
  it('inside the repo: the link stays a link, its target gains the values (existing lines and mode kept)', async () => {
    const root = makeRepo('linked-env', {
      'package.json': pkg('linked-env'),
      '.gitignore': '.env\n.env.*\n!.env.example\nsecrets/\n',
      'src/index.ts': `export const notion = { auth: "${S.ntn.value}" };\nexport const hubspot = { accessToken: "${S.hubspot.value}" };\n`,
    }, { 'secrets/dev.env': 'PORT=8787\n' });
    chmodSync(join(root, 'secrets/dev.env'), 0o600);
    symlinkSync('secrets/dev.env', join(root, '.env'));
    const r = await run(root, '--json');
    expect(r.code).toBe(0);
    expect(lstatSync(join(root, '.env')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, '.env'))).toBe('secrets/dev.env');
    expect(read(root, 'secrets/dev.env').startsWith('PORT=8787\n')).toBe(true);
    expect(envOf(root, 'secrets/dev.env')).toEqual({ PORT: '8787', NOTION_TOKEN: S.ntn.value, HUBSPOT_ACCESS_TOKEN: S.hubspot.value });
    expect(mode(root, 'secrets/dev.env')).toBe(0o600);
    expect(read(root, 'src/index.ts')).toBe('export const notion = { auth: process.env.NOTION_TOKEN ?? "" };\nexport const hubspot = { accessToken: process.env.HUBSPOT_ACCESS_TOKEN ?? "" };\n');
    expect(readdirSync(join(root, 'secrets'))).toEqual(['dev.env']); // no temp file left
    expectNoLeak(r.out + r.err, Object.values(S));
  });

  it('outside the repo (a shared secrets folder): the link is kept, not replaced by a regular file', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'wa-heldout3-shared-'));
    ROOTS.push(shared);
    writeFileSync(join(shared, 'worker.env'), '# shared\n', { mode: 0o600 });
    const root = makeRepo('outside-linked-env', {
      'package.json': pkg('outside-linked-env'),
      '.gitignore': '.env\n.env.*\n!.env.example\n',
      'src/index.ts': `export const notion = { auth: "${S.outsideNtn.value}" };\n`,
    });
    symlinkSync(join(shared, 'worker.env'), join(root, '.env'));
    const r = await run(root, '--json');
    expect(r.code).toBe(0);
    expect(lstatSync(join(root, '.env')).isSymbolicLink()).toBe(true);
    expect(envOf(root)).toEqual({ NOTION_TOKEN: S.outsideNtn.value });
    expect(read(root, 'src/index.ts')).toBe('export const notion = { auth: process.env.NOTION_TOKEN ?? "" };\n');
    expectNoLeak(r.out + r.err, Object.values(S));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// .gitignore shapes: each a one-file worker, run for real, then a second time.

const G = reg({ ntn: sec(fakeToken('notion-token', 9501), 'ntn_') });

interface GitignoreCase {
  readonly name: string;
  readonly before: string;
  /** the exact text after the run (undefined: only the git checks) */
  readonly after?: string;
}

const GITIGNORE_CASES: GitignoreCase[] = [
  { name: '`.env*` and `!.env.example` already: left as is', before: 'node_modules/\n.env*\n!.env.example\n', after: 'node_modules/\n.env*\n!.env.example\n' },
  { name: '`!.env.example` written before `.env*` (the later rule wins): `!.env.example` appended', before: '!.env.example\n.env*\n', after: `!.env.example\n.env*\n\n${HEADER}\n!.env.example\n` },
  { name: 'Vite style `.env` + `.env.*.local`: `.env.*` and `!.env.example` appended', before: '.env\n.env.*.local\n', after: `.env\n.env.*.local\n\n${HEADER}\n.env.*\n!.env.example\n` },
  { name: '`**/.env` only', before: '**/.env\n', after: `**/.env\n\n${HEADER}\n.env.*\n!.env.example\n` },
  { name: '`.env/` (a folder rule: the file is not ignored)', before: 'dist\n.env/\n' },
  { name: 'a whitelist (`*`, then `!` rules): `!.env.example` appended only', before: '*\n!*/\n!*.ts\n!*.json\n!.gitignore\n', after: `*\n!*/\n!*.ts\n!*.json\n!.gitignore\n\n${HEADER}\n!.env.example\n` },
  { name: 'comments and a trailing-space rule', before: '# deps\nnode_modules\n\n# env\n.env.local\n', after: `# deps\nnode_modules\n\n# env\n.env.local\n\n${HEADER}\n.env\n.env.*\n!.env.example\n` },
];

describe('.gitignore shapes', () => {
  it.each(GITIGNORE_CASES)('$name', async (c) => {
    const root = makeRepo('gitignore-shape', {
      'package.json': '{ "name": "gi", "private": true }\n',
      '.gitignore': c.before,
      'src/index.ts': `export const notion = { auth: "${G.ntn.value}" };\n`,
    });
    const r = await run(root, '--json');
    expect(r.code).toBe(0);
    const after = read(root, '.gitignore');
    if (c.after !== undefined) expect(after).toBe(c.after);
    expect(after.startsWith(c.before)).toBe(true);
    for (const p of ['.env', '.env.local', '.env.production', '.env.development.local']) expect(isIgnored(root, p), p).toBe(true);
    expect(isIgnored(root, '.env.example')).toBe(false);
    expect(read(root, 'src/index.ts')).toBe('export const notion = { auth: process.env.NOTION_TOKEN ?? "" };\n');
    const status = git(root, 'status', '--porcelain', '--untracked-files=all');
    expect(status).not.toMatch(/^\?\? \.env$/m);
    expect(status).toMatch(/^\?\? \.env\.example$/m);
    const again = await run(root, '--json', '--allow-dirty');
    expect(again.code).toBe(0);
    expect(read(root, '.gitignore')).toBe(after);
    expectNoLeak(r.out + r.err + again.out + again.err, Object.values(G));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Repo F: one worker holding every kind of source file: .ts with worker.oauth, a config module `as const`, an ESM
// .js with header objects, a CRLF .mjs template literal, a .cjs script with a shebang, a BOM .tsx, tests and
// fixtures, the same token in a .ts and a .js file, and a file that does not parse.

const F = reg({
  ntn: sec(fakeToken('notion-token', 9601), 'ntn_'), // config.ts and a test file (high-confidence): one name
  hubspot: sec(fakeToken('hubspot-private-app-token', 9602), 'pat-na1-'), // config.ts
  gcs: sec(fakeToken('google-oauth-client-secret', 9603), 'GOCSPX-'), // worker.oauth clientSecret
  anthropic: sec(fakeToken('anthropic-api-key', 9604), 'sk-ant-api03-'), // `"x-api-key"` header in .js
  xoxb: sec(fakeToken('slack-bot-token', 9605), 'xoxb-'), // `Bearer …` in .js and a WebClient in .ts
  google: sec(fakeToken('google-api-key', 9606), 'AIza'), // CRLF .mjs template literal
  resend: sec(fakeToken('resend-api-key', 9607), 're_'), // .cjs with a shebang
  figma: sec(fakeToken('figma-pat', 9608), 'figd_'), // BOM .tsx attribute
  whsec: sec(fakeToken('stripe-webhook-secret', 9609), 'whsec_'), // fixture, high-confidence
  testPassword: sec(fakeGenericSecret(9610)), // test file, generic: stays
  fixtureKey: sec(randomString(CHARSETS.b62, 40, 9611)), // fixture, generic: stays
  broken: sec(fakeToken('gitlab-pat', 9612), 'glpat-'), // in a file that does not parse
});

const F_FILES: Files = {
  'package.json': pkg('everything-worker', { dependencies: { '@notionhq/workers': '0.9.2' } }),
  '.gitignore': 'node_modules/\n',
  '.env.example': '# everything-worker\nNOTION_DATABASE_ID=\n',
  'src/config.ts': `export const config = {
  notion: { token: "${F.ntn.value}" },
  hubspot: { accessToken: "${F.hubspot.value}", portalId: 4411 },
} as const;
`,
  'src/index.ts': `import { Worker } from "@notionhq/workers";
import { config } from "./config.js";
import { askClaude } from "./http.js";

const worker = new Worker();

worker.oauth("google", {
  name: "google",
  authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenEndpoint: "https://oauth2.googleapis.com/token",
  clientId: process.env.GOOGLE_CLIENT_ID ?? "",
  clientSecret: "${F.gcs.value}",
  scope: "openid email",
});

export default worker.tool("ask", async (input: { q: string }) => askClaude(input.q, config.notion.token));
`,
  'src/http.js': `export async function askClaude(q, notionToken) {
  const res = await fetch("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers: {
      "x-api-key": "${F.anthropic.value}",
      "anthropic-version": "2023-06-01",
      "content-type": "application/json",
    },
    body: JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 256, messages: [{ role: "user", content: q }] }),
  });
  return { status: res.status, notion: notionToken.length };
}

export const slackHeaders = { Authorization: "Bearer ${F.xoxb.value}" };
`,
  'src/slack.ts': `import { WebClient } from "@slack/web-api";\n\nexport const slack = new WebClient("${F.xoxb.value}");\n`,
  'src/maps.mjs': crlf(`// static map previews\nexport const staticMap = (lat, lng) =>\n  \`https://maps.googleapis.com/maps/api/staticmap?center=\${lat},\${lng}&zoom=12&size=400x300&key=${F.google.value}\`;\n`),
  'scripts/backfill.cjs': `#!/usr/bin/env node
"use strict";
// one-off backfill script
const { Resend } = require("resend");

module.exports = { resend: new Resend("${F.resend.value}") };
`,
  'src/Embed.tsx': `\uFEFFexport const Embed = ({ file }: { file: string }) => <FigmaEmbed file={file} token="${F.figma.value}" />;\n\ndeclare function FigmaEmbed(p: { file: string; token: string }): JSX.Element;\n`,
  'src/__tests__/notion.test.ts': `import { describe, expect, it } from "vitest";

const NOTION = "${F.ntn.value}";
const dbPassword = "${F.testPassword.value}";

describe("notion", () => {
  it("has credentials", () => expect(NOTION.length + dbPassword.length).toBeGreaterThan(0));
});
`,
  'test/fixtures/stripe-event.js': `export default {
  apiKey: "${F.fixtureKey.value}",
  webhookSecret: "${F.whsec.value}",
  type: "checkout.session.completed",
};
`,
  'src/wip.ts': `export const gitlab = {\n  token: "${F.broken.value}",\n  url: "https://gitlab.example.com"\n  projects: [1, 2\n};\n`,
};

const F_CHANGED = ['src/config.ts', 'src/index.ts', 'src/http.js', 'src/slack.ts', 'src/maps.mjs', 'scripts/backfill.cjs', 'src/Embed.tsx', 'src/__tests__/notion.test.ts', 'test/fixtures/stripe-event.js'];

describe('one worker, every kind of source file (.ts .js .mjs .cjs .tsx, tests, fixtures, a file that does not parse)', () => {
  let root: string;
  let before: Map<string, string>;
  let dryHuman: Run;
  let dryJson: Run;
  let afterDry: Map<string, string>;
  let real: Run;
  let after: Map<string, string>;
  let second: Run;
  let afterSecond: Map<string, string>;
  beforeAll(async () => {
    root = makeRepo('everything-worker', F_FILES);
    before = snapshot(root);
    dryHuman = await run(root, '--dry-run');
    dryJson = await run(root, '--dry-run', '--json');
    afterDry = snapshot(root);
    real = await run(root);
    after = snapshot(root);
    second = await run(root, '--json', '--allow-dirty');
    afterSecond = snapshot(root);
  });

  it('--dry-run writes nothing, exits as the real run will (1: a file does not parse)', () => {
    expect(changedPaths(before, afterDry)).toEqual([]);
    expect([dryHuman.code, dryJson.code, real.code]).toEqual([1, 1, 1]);
    expect(dryJson.json!.dryRun).toBe(true);
  });

  it('--dry-run: the diff on stdout (masked) names every file that will change; --json carries the same diff', () => {
    for (const f of [...F_CHANGED, '.env', '.env.example', '.gitignore']) expect(dryHuman.out, f).toContain(`+++ b/${f}`);
    expect(dryHuman.out).not.toContain('+++ b/src/wip.ts');
    expect(dryHuman.out).toContain('+  clientSecret: process.env.GOOGLE_CLIENT_SECRET ?? "",');
    expect(dryJson.json!.diff).toBe(dryHuman.out);
    expect(dryHuman.err).toMatch(/dry run, nothing written/);
  });

  it('the real run without --json prints nothing on stdout; stderr names the failed file and says to rotate', () => {
    expect(real.out).toBe('');
    expect(real.err).toContain('src/wip.ts');
    expect(real.err).toMatch(/does not parse/);
    expect(real.err).toMatch(/Rotate every moved secret/);
  });

  it('changes exactly the expected files; each still parses', () => {
    expect(changedPaths(before, after)).toEqual([...F_CHANGED, '.env', '.env.example', '.gitignore'].sort());
    for (const f of F_CHANGED) parses(root, f);
  });

  it('config module (`as const`), OAuth clientSecret, header objects: rewritten in place', () => {
    expect(read(root, 'src/config.ts')).toBe(`export const config = {
  notion: { token: process.env.NOTION_TOKEN ?? "" },
  hubspot: { accessToken: process.env.HUBSPOT_ACCESS_TOKEN ?? "", portalId: 4411 },
} as const;
`);
    expect(read(root, 'src/index.ts')).toBe(String(F_FILES['src/index.ts']).replace(`"${F.gcs.value}"`, 'process.env.GOOGLE_CLIENT_SECRET ?? ""'));
    const http = read(root, 'src/http.js');
    expect(http).toContain('      "x-api-key": process.env.ANTHROPIC_API_KEY ?? "",\n');
    expect(http).toContain('export const slackHeaders = { Authorization: `Bearer ${process.env.SLACK_BOT_TOKEN ?? ""}` };\n');
  });

  it('the same token in a .ts and a .js file: one name', () => {
    expect(read(root, 'src/slack.ts')).toContain('new WebClient(process.env.SLACK_BOT_TOKEN ?? "");');
    expect(Object.keys(envOf(root)).filter((k) => k.startsWith('SLACK_BOT_TOKEN'))).toEqual(['SLACK_BOT_TOKEN']);
  });

  it('CRLF .mjs template literal, shebang .cjs, BOM .tsx: only the secret replaced, line endings / BOM / shebang kept', () => {
    expect(read(root, 'src/maps.mjs')).toBe(crlf('// static map previews\nexport const staticMap = (lat, lng) =>\n  `https://maps.googleapis.com/maps/api/staticmap?center=${lat},${lng}&zoom=12&size=400x300&key=${process.env.GOOGLE_API_KEY ?? ""}`;\n'));
    expect(read(root, 'scripts/backfill.cjs')).toBe(String(F_FILES['scripts/backfill.cjs']).replace(`"${F.resend.value}"`, 'process.env.RESEND_API_KEY ?? ""'));
    expect(read(root, 'src/Embed.tsx')).toBe('\uFEFFexport const Embed = ({ file }: { file: string }) => <FigmaEmbed file={file} token={process.env.FIGMA_ACCESS_TOKEN ?? ""} />;\n\ndeclare function FigmaEmbed(p: { file: string; token: string }): JSX.Element;\n');
  });

  it('tests and fixtures: high-confidence tokens moved (same name as in the code), generic values stay', () => {
    const t = read(root, 'src/__tests__/notion.test.ts');
    expect(t).toContain('const NOTION = process.env.NOTION_TOKEN ?? "";');
    expect(t).toContain(`const dbPassword = "${F.testPassword.value}";`);
    const fx = read(root, 'test/fixtures/stripe-event.js');
    expect(fx).toContain(`  apiKey: "${F.fixtureKey.value}",\n`);
    expect(fx).toContain('  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? "",\n');
  });

  it('the file that does not parse: byte for byte, reported failed; its token is not in .env', () => {
    expect(after.get('src/wip.ts')).toBe(before.get('src/wip.ts'));
    expect(second.json!.files.find((x) => x.path === 'src/wip.ts')).toMatchObject({ status: 'failed' });
    expect(Object.values(envOf(root))).not.toContain(F.broken.value);
  });

  it('.env holds every moved value exactly (0600); .env.example the names; .gitignore ignores .env', () => {
    expect(envOf(root)).toEqual({
      NOTION_TOKEN: F.ntn.value,
      HUBSPOT_ACCESS_TOKEN: F.hubspot.value,
      GOOGLE_CLIENT_SECRET: F.gcs.value,
      ANTHROPIC_API_KEY: F.anthropic.value,
      SLACK_BOT_TOKEN: F.xoxb.value,
      GOOGLE_API_KEY: F.google.value,
      RESEND_API_KEY: F.resend.value,
      FIGMA_ACCESS_TOKEN: F.figma.value,
      STRIPE_WEBHOOK_SECRET: F.whsec.value,
    });
    expect(mode(root, '.env')).toBe(0o600);
    expect(read(root, '.env.example').startsWith('# everything-worker\nNOTION_DATABASE_ID=\n')).toBe(true);
    expect(keysOf(root).sort()).toEqual(['NOTION_DATABASE_ID', ...Object.keys(envOf(root))].sort());
    expect(isIgnored(root, '.env')).toBe(true);
    expect(isIgnored(root, '.env.example')).toBe(false);
  });

  it('runtime: with .env loaded, the rewritten .mjs/.js modules give what the originals gave', () => {
    const probe = (dir: string): string =>
      execFileSync(process.execPath, [...(existsSync(join(dir, '.env')) ? ['--env-file=.env'] : []), '--input-type=module', '-e', 'const m = await import("./src/maps.mjs"); const h = await import("./src/http.js"); process.stdout.write(JSON.stringify([m.staticMap(48.8, 2.3), h.slackHeaders]));'], { cwd: dir, encoding: 'utf8' });
    const original = makeRepo('everything-original', F_FILES);
    expect(sha(probe(root))).toBe(sha(probe(original)));
  });

  it('a second run changes nothing and moves nothing (still exit 1 for the file that does not parse)', () => {
    expect(second.code).toBe(1);
    expect(changedPaths(after, afterSecond)).toEqual([]);
    expect(second.json!.summary).toMatchObject({ changed: 0, moved: 0, failed: 1 });
  });

  it('--test-files all (dry run on a fresh copy) also moves the generic test and fixture values', async () => {
    const copy = makeRepo('everything-all', F_FILES);
    const r = await run(copy, '--dry-run', '--json', '--test-files', 'all');
    const actions = r.json!.files.filter((x) => /__tests__|fixtures/.test(x.path)).flatMap((x) => x.secrets.map((s) => s.action));
    expect(actions).toEqual(['moved', 'moved', 'moved', 'moved']);
    expectNoLeak(r.out + r.err, Object.values(F));
  });

  it('no output (diffs, JSON, human reports) holds a planted value', () => {
    for (const r of [dryHuman, dryJson, real, second]) expectNoLeak(r.out + r.err, Object.values(F));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Repo N: names in competition: four GitHub tokens (a fallback, code, a test file, a comment) and a .env that already
// holds GITHUB_TOKEN_2 for yet another value.

const N = reg({
  fallback: sec(fakeToken('github-classic-pat', 9701), 'ghp_'), // `process.env.GH_PAT ?? "…"`: keeps GH_PAT
  code: sec(fakeToken('github-classic-pat', 9702), 'ghp_'), // Octokit in src/z-client.ts
  test: sec(fakeToken('github-classic-pat', 9703), 'ghp_'), // src/__tests__/a.test.ts (sorted first)
  comment: sec(fakeToken('github-classic-pat', 9704), 'ghp_'), // only in a comment of src/a-notes.ts
  env2: sec(fakeToken('github-classic-pat', 9705), 'ghp_'), // GITHUB_TOKEN_2 in .env
});

describe('two or more values that want the same env name', () => {
  let root: string;
  let r: Run;
  let env: Record<string, string>;
  beforeAll(async () => {
    root = makeRepo('names-worker', {
      'package.json': pkg('names-worker'),
      '.gitignore': '.env\n.env.*\n!.env.example\n',
      'src/__tests__/a.test.ts': `export const token = "${N.test.value}";\n`,
      'src/a-notes.ts': `// old bot token, revoked: ${N.comment.value}\nexport const notes = 1;\n`,
      'src/pat.ts': `export const pat = process.env.GH_PAT ?? "${N.fallback.value}";\n`,
      'src/z-client.ts': `import { Octokit } from "@octokit/rest";\nexport const octokit = new Octokit({ auth: "${N.code.value}" });\n`,
    }, { '.env': `GITHUB_TOKEN_2=${N.env2.value}\n` });
    r = await run(root, '--json');
    env = envOf(root);
  });

  it('the fallback keeps its own name; the code value gets the plain GITHUB_TOKEN (before test-only and comment-only values)', () => {
    expect(r.code).toBe(0);
    expect(read(root, 'src/pat.ts')).toBe('export const pat = process.env.GH_PAT ?? "";\n');
    expect(read(root, 'src/z-client.ts')).toContain('new Octokit({ auth: process.env.GITHUB_TOKEN ?? "" });');
    expect(env['GH_PAT']).toBe(N.fallback.value);
    expect(env['GITHUB_TOKEN']).toBe(N.code.value);
  });

  it('GITHUB_TOKEN_2, held by another value in .env, is skipped; every value has one name of its own', () => {
    expect(env['GITHUB_TOKEN_2']).toBe(N.env2.value);
    const testName = /process\.env\.(\w+)/.exec(read(root, 'src/__tests__/a.test.ts'))![1]!;
    const commentName = /<moved to env (\w+)>/.exec(read(root, 'src/a-notes.ts'))![1]!;
    expect([testName, commentName].sort()).toEqual(['GITHUB_TOKEN_3', 'GITHUB_TOKEN_4']);
    expect(env[testName]).toBe(N.test.value);
    expect(env[commentName]).toBe(N.comment.value);
    expectNoLeak(r.out + r.err, Object.values(N));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Repo X: a file that does not parse beside files that do, holding the same token as one of them.

const X = reg({
  shared: sec(fakeToken('airtable-pat', 9801), 'pat'),
  other: sec(fakeToken('postman-api-key', 9802), 'PMAK-'),
});

describe('a file that does not parse beside files that do (same token in both)', () => {
  it('the good file moves it, the bad one keeps it byte for byte; exit 1; the report never calls the bad one moved', async () => {
    const bad = `export const base = {\n  apiKey: "${X.shared.value}"\n  table: "Tasks",\n};\n`;
    const root = makeRepo('half-broken', {
      'package.json': pkg('half-broken'),
      '.gitignore': '.env\n.env.*\n!.env.example\n',
      'src/airtable.ts': `export const base = { apiKey: "${X.shared.value}", table: "Tasks" };\n`,
      'src/airtable-next.ts': bad,
      'src/postman.ts': `export const postman = { key: "${X.other.value}" };\n`,
    });
    const r = await run(root, '--json');
    expect(r.code).toBe(1);
    expect(read(root, 'src/airtable-next.ts')).toBe(bad);
    expect(read(root, 'src/airtable.ts')).toBe('export const base = { apiKey: process.env.AIRTABLE_ACCESS_TOKEN ?? "", table: "Tasks" };\n');
    expect(read(root, 'src/postman.ts')).toBe('export const postman = { key: process.env.POSTMAN_API_KEY ?? "" };\n');
    const failed = r.json!.files.find((x) => x.path === 'src/airtable-next.ts')!;
    expect(failed.status).toBe('failed');
    expect(failed.secrets.every((s) => s.action !== 'moved')).toBe(true);
    expect(r.json!.summary).toMatchObject({ changed: 2, failed: 1 });
    expect(envOf(root)).toEqual({ AIRTABLE_ACCESS_TOKEN: X.shared.value, POSTMAN_API_KEY: X.other.value });
    const again = await run(root, '--json', '--allow-dirty');
    expect(again.code).toBe(1);
    expect(again.json!.summary.moved).toBe(0);
    expect(read(root, 'src/airtable-next.ts')).toBe(bad);
    expectNoLeak(r.out + r.err + again.out + again.err, Object.values(X));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Repo I: an interrupted run (the public `runCodemod` API, a failure injected after 3 writes), completed by a re-run.

const I = reg({
  a: sec(fakeToken('notion-token', 9901), 'ntn_'),
  b: sec(fakeToken('linear-api-key', 9902), 'lin_api_'),
  c: sec(fakeToken('sentry-user-token', 9903), 'sntryu_'),
});

describe('a run that stops half-way, then runs again', () => {
  it('leaves every file wholly old or wholly new, and the re-run completes the job like one clean run', async () => {
    const files: Files = {
      'package.json': pkg('interrupted'),
      '.env.example': 'PORT=8787\n',
      'src/a.ts': `export const a = { auth: "${I.a.value}" };\n`,
      'src/b.ts': `export const b = { apiKey: "${I.b.value}" };\n`,
      'src/c.ts': `export const c = { token: "${I.c.value}" };\n`,
    };
    const root = makeRepo('interrupted', files);
    const clean = makeRepo('uninterrupted', files);
    const first = await runCodemod({ root, paths: [], failAfterWrites: 3 }).catch((e: unknown) => e);
    const firstText = JSON.stringify(first instanceof Error ? first.message : first);
    expectNoLeak(firstText, Object.values(I));
    // .gitignore and .env were written first: every value is safe in .env before any source lost it
    expect(isIgnored(root, '.env')).toBe(true);
    expect(envOf(root)).toEqual({ NOTION_TOKEN: I.a.value, LINEAR_API_KEY: I.b.value, SENTRY_AUTH_TOKEN: I.c.value });
    for (const f of ['src/a.ts', 'src/b.ts', 'src/c.ts']) {
      const text = read(root, f);
      expect(text === files[f] || !Object.values(I).some((s) => text.includes(s.value)), f).toBe(true);
      parses(root, f);
    }
    expect(readdirSync(join(root, 'src')).sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
    const again = await run(root, '--json', '--allow-dirty');
    expect(again.code).toBe(0);
    const reference = await run(clean, '--json');
    for (const f of ['src/a.ts', 'src/b.ts', 'src/c.ts', '.gitignore']) expect(read(root, f), f).toBe(read(clean, f));
    expect(envOf(root)).toEqual(envOf(clean));
    expect(keysOf(root).sort()).toEqual(keysOf(clean).sort());
    expectNoLeak(again.out + again.err + reference.out + reference.err, Object.values(I));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// --check

const C = reg({
  example: sec(fakeToken('stripe-secret-key', 10001), 'sk_live_'), // pasted into .env.example
  commented: sec(fakeToken('github-classic-pat', 10002), 'ghp_'), // a commented-out line of .env.example
  local: sec(fakeToken('notion-token', 10003), 'ntn_'), // in an unignored .env.local
});

describe('--check', () => {
  it('.env.local not ignored (only `.env` is): exit 1, named; nothing written', async () => {
    const root = makeRepo('check-local', { 'package.json': pkg('check-local'), '.gitignore': '.env\n', 'src/index.ts': 'export const x = process.env.NOTION_TOKEN ?? "";\n' }, { '.env.local': `NOTION_TOKEN=${C.local.value}\n` });
    const before = snapshot(root);
    const r = await run(root, '--check', '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { version: number; check: { findings: { problem: string; file: string }[]; summary: Record<string, number> } };
    expect(doc.version).toBe(1);
    expect(doc.check.findings).toEqual([expect.objectContaining({ problem: 'not-ignored', file: '.env.local' })]);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    expectNoLeak(r.out + r.err, Object.values(C));
  });

  it('a real-looking secret in .env.example (a value, and a commented-out line): exit 1, masked in human and JSON output', async () => {
    const root = makeRepo('check-example', {
      'package.json': pkg('check-example'),
      '.gitignore': '.env*\n!.env.example\n',
      '.env.example': `# GITHUB_TOKEN=${C.commented.value}\nSTRIPE_SECRET_KEY=${C.example.value}\nPORT=8787\n`,
      'src/index.ts': 'export const x = process.env.STRIPE_SECRET_KEY ?? "";\n',
    });
    const json = await run(root, '--check', '--json');
    const human = await run(root, '--check');
    expect([json.code, human.code]).toEqual([1, 1]);
    const doc = JSON.parse(json.out) as { check: { findings: { problem: string; envName?: string }[] } };
    expect(doc.check.findings.filter((f) => f.problem === 'secret-in-example').map((f) => f.envName).sort()).toEqual(['GITHUB_TOKEN', 'STRIPE_SECRET_KEY']);
    expect(human.err).toContain('STRIPE_SECRET_KEY');
    expectNoLeak(json.out + json.err + human.out + human.err, Object.values(C));
  });

  it('the main run on a repo whose .env.example holds the secret the code holds: no output shows it', async () => {
    const root = makeRepo('example-leak', {
      'package.json': pkg('example-leak'),
      '.gitignore': '.env\n.env.*\n!.env.example\n',
      '.env.example': `STRIPE_SECRET_KEY=${C.example.value}\n`,
      'src/billing.ts': `import Stripe from "stripe";\nexport const stripe = new Stripe("${C.example.value}");\n`,
    });
    const dry = await run(root, '--dry-run');
    const dryJson = await run(root, '--dry-run', '--json');
    const real = await run(root, '--json');
    expect(real.code).toBe(0);
    expect(read(root, 'src/billing.ts')).toContain('new Stripe(process.env.STRIPE_SECRET_KEY ?? "");');
    expect(envOf(root)['STRIPE_SECRET_KEY']).toBe(C.example.value);
    for (const r of [dry, dryJson, real]) expectNoLeak(r.out + r.err, Object.values(C));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Nested .gitignore files

const NG = reg({
  generated: sec(fakeToken('notion-token', 10101), 'ntn_'), // in a folder a nested .gitignore ignores
  kept: sec(fakeToken('linear-api-key', 10102), 'lin_api_'), // beside it, not ignored
  ancestor: sec(fakeToken('notion-token', 10103), 'ntn_'), // ignored by the monorepo's own .gitignore
  reincluded: sec(fakeToken('slack-bot-token', 10104), 'xoxb-'), // re-included by a deeper .gitignore
});

describe('nested .gitignore files', () => {
  it('a folder ignored by a nested .gitignore is never read; the rest is', async () => {
    const root = makeRepo('nested-ignore', {
      'package.json': pkg('nested-ignore'),
      '.gitignore': '.env\n.env.*\n!.env.example\n',
      'workers/sync/.gitignore': '/generated\n',
      'workers/sync/src/index.ts': `export const linear = { apiKey: "${NG.kept.value}" };\n`,
    }, { 'workers/sync/generated/client.ts': `export const notion = { auth: "${NG.generated.value}" };\n` });
    const r = await run(root, '--json');
    expect(r.code).toBe(0);
    expect(read(root, 'workers/sync/generated/client.ts')).toBe(`export const notion = { auth: "${NG.generated.value}" };\n`);
    expect(read(root, 'workers/sync/src/index.ts')).toBe('export const linear = { apiKey: process.env.LINEAR_API_KEY ?? "" };\n');
    expect(envOf(root)).toEqual({ LINEAR_API_KEY: NG.kept.value });
    expectNoLeak(r.out + r.err, Object.values(NG));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Repo O: more shapes: a generic OAuth client secret (only its position says it is one), one token twice in a
// template, a string inside a template substitution, JSX text, a `.spec.mjs` and `__mocks__/`, and a `.env` that
// already holds a value under a dotted name.

const O = reg({
  oauthHex: sec(randomString(CHARSETS.hex, 40, 10201)), // worker.oauth("github", { clientSecret })
  gh: sec(fakeToken('github-classic-pat', 10202), 'ghp_'), // twice in one template, and JSX text
  xoxb: sec(fakeToken('slack-bot-token', 10203), 'xoxb-'), // `Bearer ${"…"}`
  specKey: sec(randomString(CHARSETS.hex, 40, 10204)), // generic, in a .spec.mjs
  mockKey: sec(randomString(CHARSETS.b62, 40, 10205)), // generic, in __mocks__/
  dotted: sec(fakeToken('notion-token', 10206), 'ntn_'), // `.env`: notion.token=…
});

describe('more shapes', () => {
  let root: string;
  let r: Run;
  beforeAll(async () => {
    root = makeRepo('shapes-worker', {
      'package.json': pkg('shapes-worker'),
      '.gitignore': '.env\n.env.*\n!.env.example\n',
      'src/oauth.ts': `import { Worker } from "@notionhq/workers";
const worker = new Worker();
worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  clientId: process.env.GITHUB_CLIENT_ID ?? "",
  clientSecret: "${O.oauthHex.value}",
  scope: "repo",
});
export default worker;
`,
      'src/tpl.ts': `export const basic = \`${O.gh.value}:${O.gh.value}\`;\nexport const h = { Authorization: \`Bearer \${"${O.xoxb.value}"}\` };\n`,
      'src/Doc.jsx': `export const Doc = () => <code>${O.gh.value}</code>;\n`,
      'src/api.spec.mjs': `export const apiKey = "${O.specKey.value}";\n`,
      'src/__mocks__/client.ts': `export const mockClient = { apiKey: "${O.mockKey.value}" };\n`,
      'src/notion.ts': `export const notionAuth = "${O.dotted.value}";\n`,
    }, { '.env': `notion.token=${O.dotted.value}\n` });
    chmodSync(join(root, '.env'), 0o600);
    r = await run(root, '--json');
  });

  it('a generic OAuth clientSecret in worker.oauth() is moved, under a *_CLIENT_SECRET name', () => {
    expect(r.code).toBe(0);
    const m = /clientSecret: process\.env\.(\w+) \?\? "",/.exec(read(root, 'src/oauth.ts'));
    expect(m).not.toBeNull();
    expect(m![1]).toMatch(/CLIENT_SECRET$/);
    expect(envOf(root)[m![1]!]).toBe(O.oauthHex.value);
  });

  it('one token twice in a template, a string inside `${…}`, JSX text: each becomes a read of one name', () => {
    expect(read(root, 'src/tpl.ts')).toBe('export const basic = `${process.env.GITHUB_TOKEN ?? ""}:${process.env.GITHUB_TOKEN ?? ""}`;\nexport const h = { Authorization: `Bearer ${process.env.SLACK_BOT_TOKEN ?? ""}` };\n');
    expect(read(root, 'src/Doc.jsx')).toBe('export const Doc = () => <code>{process.env.GITHUB_TOKEN ?? ""}</code>;\n');
    parses(root, 'src/tpl.ts');
    parses(root, 'src/Doc.jsx');
  });

  it('generic values in a .spec.mjs and under __mocks__/ stay (test files: high-confidence only)', () => {
    expect(read(root, 'src/api.spec.mjs')).toBe(`export const apiKey = "${O.specKey.value}";\n`);
    expect(read(root, 'src/__mocks__/client.ts')).toBe(`export const mockClient = { apiKey: "${O.mockKey.value}" };\n`);
    expect(Object.values(envOf(root))).not.toContain(O.specKey.value);
    expect(Object.values(envOf(root))).not.toContain(O.mockKey.value);
  });

  it('a value .env holds under a dotted name keeps that name, read with brackets (valid code, same value at run time)', () => {
    expect(read(root, 'src/notion.ts')).toBe('export const notionAuth = process.env["notion.token"] ?? "";\n');
    parses(root, 'src/notion.ts');
    const out = execFileSync(process.execPath, ['--env-file=.env', '-e', 'process.stdout.write(process.env["notion.token"] ?? "")'], { cwd: root, encoding: 'utf8' });
    expect(sha(out)).toBe(sha(O.dotted.value));
    expect(read(root, '.env').split(O.dotted.value)).toHaveLength(2);
  });

  it('a second run changes nothing; no output holds a planted value', async () => {
    const before = snapshot(root);
    const again = await run(root, '--json', '--allow-dirty');
    expect(again.code).toBe(0);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    expectNoLeak(r.out + r.err + again.out + again.err, Object.values(O));
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('gaps found by the held-out set, fixed', () => {
  // Input: a monorepo whose root .gitignore ignores `generated/`, run with --root on one worker. Docs: "anything your
  // `.gitignore` files ignore are never read". Before: only .gitignore files under --root were read, so the worker's
  // git-ignored generated client was rewritten (and its token moved) all the same.
  it('a folder ignored by the monorepo .gitignore (above --root) is not read in a per-worker run', async () => {
    const mono = makeRepo('ancestor-ignore', {
      'package.json': pkg('ancestor-ignore', { workspaces: ['workers/*'] }),
      '.gitignore': 'node_modules/\ngenerated/\n',
      'workers/a/package.json': pkg('a'),
      'workers/a/src/index.ts': `export const linear = { apiKey: "${NG.kept.value}" };\n`,
    }, { 'workers/a/generated/client.ts': `export const notion = { auth: "${NG.ancestor.value}" };\n` });
    expect(isIgnored(mono, 'workers/a/generated/client.ts')).toBe(true);
    const r = await run(join(mono, 'workers/a'), '--json');
    expectNoLeak(r.out + r.err, Object.values(NG));
    expect(read(mono, 'workers/a/generated/client.ts')).toBe(`export const notion = { auth: "${NG.ancestor.value}" };\n`);
    expect(r.json!.files.map((f) => f.path)).toEqual(['src/index.ts']);
  });

  // Found by the bench (its corpora are extracted under our own git-ignored `bench/.cache/`): a project kept inside a
  // folder the enclosing repository ignores had every file ignored by the rule above it, and the run failed with "no
  // JS/TS source files". The rules of a repository that ignores the whole project are not read.
  it('a project inside a folder the enclosing repository ignores is read (its own .gitignore still applies)', async () => {
    const outer = makeRepo('ignored-home', {
      'package.json': pkg('ignored-home'),
      '.gitignore': 'node_modules/\nscratch/\n',
      'scratch/worker/package.json': pkg('worker'),
      'scratch/worker/.gitignore': 'generated/\n',
      'scratch/worker/src/index.ts': `export const linear = { apiKey: "${NG.kept.value}" };\n`,
      'scratch/worker/generated/client.ts': `export const notion = { auth: "${NG.ancestor.value}" };\n`,
    });
    expect(isIgnored(outer, 'scratch/worker/src/index.ts')).toBe(true);
    const r = await run(join(outer, 'scratch/worker'), '--json', '--dry-run');
    expect(r.code).toBe(0);
    expectNoLeak(r.out + r.err, Object.values(NG));
    expect(r.json!.files.map((f) => f.path)).toEqual(['src/index.ts']);
  });

  // Input: the root .gitignore ignores `*.local.ts`, `src/.gitignore` re-includes `!settings.local.ts` (git tracks
  // it). Docs: "Moves every hardcoded secret of a repository" / only what "your .gitignore files ignore" is skipped.
  // Before: the root rule alone decided, the tracked file was never read and its token stayed, with exit 0.
  it('a file re-included by a deeper .gitignore (`!name`) is read and its secret moved', async () => {
    const root = makeRepo('reinclude', {
      'package.json': pkg('reinclude'),
      '.gitignore': '.env\n.env.*\n!.env.example\n*.local.ts\n',
      'src/.gitignore': '!settings.local.ts\n',
      'src/settings.local.ts': `export const slack = { token: "${NG.reincluded.value}" };\n`,
    });
    expect(git(root, 'ls-files')).toContain('src/settings.local.ts');
    const r = await run(root, '--json');
    expectNoLeak(r.out + r.err, Object.values(NG));
    expect(read(root, 'src/settings.local.ts')).toBe('export const slack = { token: process.env.SLACK_BOT_TOKEN ?? "" };\n');
  });
});

describe('every output of this file', () => {
  it('holds no planted value', () => {
    expect(ALL_OUTPUT.length).toBeGreaterThan(40);
    expectNoLeak(ALL_OUTPUT.join('\n'));
  });
});
