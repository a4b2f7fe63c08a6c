/**
 * Held-out checks of three project-level rules against their documentation (docs/rules/*.md is the contract):
 * `env-example-in-sync`, `prefer-credential-injection` and `no-committed-env-files`, from the point of view of a
 * realistic Notion worker repository (`@notionhq/workers`, `new Worker()`, tools with `execute`, `worker.oauth`,
 * `worker.credential`). Every fixture project is a folder under the OS temp dir, removed after the file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { afterAll, describe, expect, it } from 'vitest';
import envExampleRule from '../../rules/env-example-in-sync.js';
import committedRule from '../../rules/no-committed-env-files.js';
import credentialRule from '../../rules/prefer-credential-injection.js';
import { redact } from '../../src/detect/redact.js';
import plugin from '../../src/index.js';
import { fakeToken } from '../support/fake-tokens.js';
import { span } from '../support/positions.js';

// --- fixtures -------------------------------------------------------------------------------------------------------
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

type Git = 'dir' | 'init' | 'none';
/** A project folder: `git: 'dir'` makes an empty `.git` folder, `'init'` a real repository (`track` is `git add -f`). */
function project(files: Record<string, string>, git: Git = 'dir', track: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-heldout-'));
  made.push(dir);
  write(dir, files);
  if (git === 'dir') mkdirSync(join(dir, '.git'), { recursive: true });
  if (git === 'init') {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    if (track.length > 0) execFileSync('git', ['add', '--force', '--', ...track], { cwd: dir });
  }
  return dir;
}
function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type RuleName = 'env-example-in-sync' | 'prefer-credential-injection' | 'no-committed-env-files';
const RULES = { 'env-example-in-sync': envExampleRule, 'prefer-credential-injection': credentialRule, 'no-committed-env-files': committedRule };

/** Lints `code` as `dir/rel` with only `rule` on; `cwd` is the project (or repository) folder, as when eslint runs there. */
function lint(rule: RuleName, dir: string, rel: string, code: string, options?: object, cwd = dir): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd });
  const parser = /\.[cm]?js$/.test(rel) ? { parser: espree, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } } : { parser: tsParser };
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
      languageOptions: parser,
      plugins: { 'worker-auth': plugin },
      rules: { [`worker-auth/${rule}`]: options ? ['error', options] : 'error' },
    },
  ];
  const messages = linter.verify(code, config, { filename: join(dir, rel) });
  expect(messages.filter((m) => m.fatal || m.ruleId !== `worker-auth/${rule}`)).toEqual([]);
  return messages;
}
/** The rule's message text with `data` filled in (what RuleTester compares `data` against). */
function text(rule: RuleName, id: string, data: Record<string, string | number>): string {
  const template = (RULES[rule].meta.messages as Record<string, string>)[id]!;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(data[k]));
}
/** Applies a suggestion (ESLint merges a suggestion's fixes into one). */
function applySuggestion(code: string, message: Linter.LintMessage, index = 0): string {
  const fix = message.suggestions![index]!.fix;
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}
const at = (code: string, needle: string, nth = 0) => span(code, needle, nth);
const pick = (m: Linter.LintMessage) => ({ messageId: m.messageId, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: m.message });

// =====================================================================================================================
// env-example-in-sync
// =====================================================================================================================
const ENV_EXAMPLE = [
  '# Linear',
  'LINEAR_API_KEY=',
  'export GITHUB_TOKEN=',
  'SLACK_CHANNEL: general',
  '  SPACED_KEY = some value',
  'QUOTED_EMPTY=""',
  'INLINE_COMMENT=1 # trailing comment',
  '# COMMENTED_OUT=',
  '#ALSO_COMMENTED=x',
  'BARE_NAME_NO_EQUALS',
  'TLS_CERT="-----BEGIN CERTIFICATE-----',
  'HIDDEN_IN_VALUE=abc',
  '-----END CERTIFICATE-----"',
  'AFTER_MULTILINE=',
  'DASHED-NAME=',
  'GITHUB_CLIENT_ID=',
  'NOTION_DATA_SOURCE_ID=',
  '',
].join('\n');

const ROOT_PKG = JSON.stringify({ name: 'acme-notion-workers', private: true, dependencies: { '@notionhq/workers': '^0.9.2' } });
const REPO = project({
  'package.json': ROOT_PKG,
  '.env.example': ENV_EXAMPLE,
  'src/integrations/linear/.env.example': 'LINEAR_TEAM_ID=\n',
  'packages/github-worker/package.json': JSON.stringify({ name: 'github-worker' }),
  'packages/github-worker/.env.example': 'GITHUB_APP_ID=\n',
  'packages/slack-worker/package.json': JSON.stringify({ name: 'slack-worker' }),
});
const CRLF = project({ 'package.json': ROOT_PKG, '.env.example': '\uFEFFLINEAR_API_KEY=\r\nexport GITHUB_TOKEN=\r\nSLACK_CHANNEL: general\r\n' });
const EMPTY_EXAMPLE = project({ 'package.json': ROOT_PKG, '.env.example': '' });
const NO_EXAMPLE = project({ 'package.json': ROOT_PKG });
/** A stray `.env.example` above the repository: never used. */
const OUTER = project({ '.env.example': 'NOTHING_USEFUL=\n', 'repo/package.json': ROOT_PKG, 'worktree/package.json': ROOT_PKG, 'worktree/.git': 'gitdir: /elsewhere/.git/worktrees/w\n' }, 'none');
mkdirSync(join(OUTER, 'repo/.git'));

const missing = (name: string, file = '.env.example') => text('env-example-in-sync', 'missingFromEnvExample', { name, file, line: `${name}=` });
const envSync = (dir: string, rel: string, code: string, options?: object, cwd?: string) => lint('env-example-in-sync', dir, rel, code, options, cwd);

const WORKER_HEAD = 'import { Worker } from "@notionhq/workers";\n\nconst worker = new Worker();\nexport default worker;\n';

describe('env-example-in-sync: what counts as listed in .env.example', () => {
  it('KEY=, export KEY=, KEY: value, spaces around =, empty quotes, inline comments, after a multi-line value, dashed names', () => {
    const code = `${WORKER_HEAD}
worker.tool("createIssue", {
  title: "Create a Linear issue",
  execute: async ({ title }: { title: string }) => {
    const res = await fetch("https://api.linear.app/graphql", {
      method: "POST",
      headers: { Authorization: process.env.LINEAR_API_KEY ?? "", "Content-Type": "application/json" },
      body: JSON.stringify({ query: "mutation { issueCreate }", variables: { title, channel: process.env.SLACK_CHANNEL } }),
    });
    return { ok: res.ok, gh: process.env.GITHUB_TOKEN, s: process.env.SPACED_KEY, q: process.env.QUOTED_EMPTY, i: process.env.INLINE_COMMENT };
  },
});
export const cert = process.env.TLS_CERT + (process.env.AFTER_MULTILINE ?? "") + process.env["DASHED-NAME"];`;
    expect(envSync(REPO, 'src/index.ts', code)).toEqual([]);
  });

  it('not listed: "# X=" and "#X=" comments, a bare name without "=", a "NAME=" line inside a multi-line quoted value', () => {
    const code = 'export const a = process.env.COMMENTED_OUT;\nexport const b = process.env.ALSO_COMMENTED;\nexport const c = process.env.BARE_NAME_NO_EQUALS;\nexport const d = process.env.HIDDEN_IN_VALUE;';
    expect(envSync(REPO, 'src/index.ts', code).map(pick)).toEqual(
      ['COMMENTED_OUT', 'ALSO_COMMENTED', 'BARE_NAME_NO_EQUALS', 'HIDDEN_IN_VALUE'].map((n) => ({ messageId: 'missingFromEnvExample', ...at(code, `process.env.${n}`), message: missing(n) })),
    );
  });

  it('a .env.example saved on Windows: CRLF line endings and a UTF-8 BOM before the first name', () => {
    const code = 'export const k = [process.env.LINEAR_API_KEY, process.env.GITHUB_TOKEN, process.env.SLACK_CHANNEL, process.env.NOT_THERE];';
    expect(envSync(CRLF, 'src/index.ts', code).map(pick)).toEqual([{ messageId: 'missingFromEnvExample', ...at(code, 'process.env.NOT_THERE'), message: missing('NOT_THERE') }]);
  });

  it('an empty .env.example is a template listing nothing (every read reported); no .env.example at all is silent', () => {
    const code = `${WORKER_HEAD}export const k = process.env.LINEAR_API_KEY;`;
    expect(envSync(EMPTY_EXAMPLE, 'src/index.ts', code).map((m) => m.message)).toEqual([missing('LINEAR_API_KEY')]);
    expect(envSync(NO_EXAMPLE, 'src/index.ts', code)).toEqual([]);
  });

  it('the search stops at the repository root: a .env.example above a .git folder, or above a worktree .git file, is not used', () => {
    expect(envSync(join(OUTER, 'repo'), 'src/index.ts', 'export const k = process.env.LINEAR_API_KEY;')).toEqual([]);
    expect(envSync(join(OUTER, 'worktree'), 'src/index.ts', 'export const k = process.env.LINEAR_API_KEY;')).toEqual([]);
  });
});

describe('env-example-in-sync: every documented form of a read', () => {
  const file = 'src/capabilities/sync.ts';
  const reported = (code: string, names: readonly (readonly [string, string])[]) =>
    expect(envSync(REPO, file, code).map(pick)).toEqual(names.map(([name, needle]) => ({ messageId: 'missingFromEnvExample', ...at(code, needle), message: missing(name) })));

  it('process.env.X inside a tool execute(), exact location', () => {
    const code = `${WORKER_HEAD}worker.tool("searchTickets", {
  execute: async () => {
    const res = await fetch("https://acme.zendesk.com/api/v2/search.json", { headers: { Authorization: \`Bearer \${process.env.ZENDESK_API_TOKEN}\` } });
    return res.json();
  },
});`;
    reported(code, [['ZENDESK_API_TOKEN', 'process.env.ZENDESK_API_TOKEN']]);
  });

  it('process.env["X"], process.env[`X`] and process.env[KEY] with a constant KEY (also `as const`)', () => {
    const code = 'const KEY = "DATADOG_API_KEY" as const;\nexport const a = process.env["SENTRY_DSN"];\nexport const b = process.env[`PAGERDUTY_TOKEN`];\nexport const c = process.env[KEY];';
    reported(code, [
      ['SENTRY_DSN', 'process.env["SENTRY_DSN"]'],
      ['PAGERDUTY_TOKEN', 'process.env[`PAGERDUTY_TOKEN`]'],
      ['DATADOG_API_KEY', 'process.env[KEY]'],
    ]);
  });

  it('optional chaining: process.env?.X, process?.env?.X, process.env?.["X"]', () => {
    const code = 'export const a = process.env?.HUBSPOT_TOKEN;\nexport const b = process?.env?.AIRTABLE_PAT;\nexport const c = process.env?.["CLICKUP_TOKEN"];';
    reported(code, [
      ['HUBSPOT_TOKEN', 'process.env?.HUBSPOT_TOKEN'],
      ['AIRTABLE_PAT', 'process?.env?.AIRTABLE_PAT'],
      ['CLICKUP_TOKEN', 'process.env?.["CLICKUP_TOKEN"]'],
    ]);
  });

  it('TypeScript wrappers and fallbacks are still reads: X!, X as string, X ?? "default"', () => {
    const code = 'export const a = process.env.JIRA_TOKEN!;\nexport const b = process.env.JIRA_HOST as string;\nexport const c = process.env.JIRA_PROJECT ?? "OPS";';
    reported(code, [
      ['JIRA_TOKEN', 'process.env.JIRA_TOKEN'],
      ['JIRA_HOST', 'process.env.JIRA_HOST'],
      ['JIRA_PROJECT', 'process.env.JIRA_PROJECT'],
    ]);
  });

  it('destructuring with defaults and renames (listed names stay quiet)', () => {
    const code = 'const { LINEAR_API_KEY, ASANA_TOKEN = "", TRELLO_KEY: trelloKey, TRELLO_SECRET: trelloSecret = "none", GITHUB_TOKEN: gh } = process.env;\nexport { LINEAR_API_KEY, ASANA_TOKEN, trelloKey, trelloSecret, gh };';
    const messages = envSync(REPO, file, code);
    expect(messages.map((m) => m.message)).toEqual([missing('ASANA_TOKEN'), missing('TRELLO_KEY'), missing('TRELLO_SECRET')]);
    expect(messages.every((m) => m.line === 1)).toBe(true);
  });

  it('an alias const env = process.env: env.X, env["Y"] and destructuring from the alias; const { env } = process; const { env: { X } } = process', () => {
    const code = 'const env = process.env;\nexport const a = env.MAILGUN_API_KEY;\nexport const b = env["MAILGUN_DOMAIN"];\nconst { TWILIO_AUTH_TOKEN } = env;\nexport { TWILIO_AUTH_TOKEN };';
    reported(code, [
      ['MAILGUN_API_KEY', 'env.MAILGUN_API_KEY'],
      ['MAILGUN_DOMAIN', 'env["MAILGUN_DOMAIN"]'],
      ['TWILIO_AUTH_TOKEN', 'TWILIO_AUTH_TOKEN'],
    ]);
    const code2 = 'const { env } = process;\nexport const a = env.BREVO_API_KEY;';
    reported(code2, [['BREVO_API_KEY', 'env.BREVO_API_KEY']]);
    const code3 = 'const { env: { BREVO_SMTP_KEY, GITHUB_TOKEN } } = process;\nexport { BREVO_SMTP_KEY, GITHUB_TOKEN };';
    reported(code3, [['BREVO_SMTP_KEY', 'BREVO_SMTP_KEY']]);
  });

  it('destructuring in a parameter default and in an assignment', () => {
    const code = 'export function config({ PARAM_TOKEN } = process.env) { return PARAM_TOKEN; }\nlet y: string | undefined;\n({ ASSIGNED_TOKEN: y } = process.env);';
    reported(code, [
      ['PARAM_TOKEN', 'PARAM_TOKEN'],
      ['ASSIGNED_TOKEN', 'ASSIGNED_TOKEN'],
    ]);
  });

  it('import { env } from "node:process", also renamed', () => {
    const code = 'import { env as processEnv } from "node:process";\nexport const a = processEnv.OPENAI_API_KEY;\nexport const b = processEnv.GITHUB_TOKEN;';
    reported(code, [['OPENAI_API_KEY', 'processEnv.OPENAI_API_KEY']]);
  });

  it('import { env } from "process", import process from "process", import * as process from "node:process"', () => {
    reported('import { env } from "process";\nexport const a = env.OPENAI_ORG_ID;', [['OPENAI_ORG_ID', 'env.OPENAI_ORG_ID']]);
    reported('import process from "process";\nexport const a = process.env.OPENAI_PROJECT;', [['OPENAI_PROJECT', 'process.env.OPENAI_PROJECT']]);
    reported('import * as process from "node:process";\nexport const a = process.env.OPENAI_ADMIN_KEY;', [['OPENAI_ADMIN_KEY', 'process.env.OPENAI_ADMIN_KEY']]);
  });

  it('worker.oauth() config reads: the listed client id is quiet, the unlisted secret is reported', () => {
    const code = `${WORKER_HEAD}worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "repo read:user",
  clientId: process.env.GITHUB_CLIENT_ID ?? "",
  clientSecret: process.env.GITHUB_CLIENT_SECRET ?? "",
});`;
    reported(code, [['GITHUB_CLIENT_SECRET', 'process.env.GITHUB_CLIENT_SECRET']]);
  });

  it('every read of a missing name is reported, not only the first', () => {
    const code = 'if (!process.env.WEBHOOK_SIGNING_SECRET) throw new Error("missing");\nexport const secret = process.env.WEBHOOK_SIGNING_SECRET;\nexport const again = process.env["WEBHOOK_SIGNING_SECRET"];';
    const messages = envSync(REPO, file, code);
    expect(messages.map(pick)).toEqual([
      { messageId: 'missingFromEnvExample', ...at(code, 'process.env.WEBHOOK_SIGNING_SECRET'), message: missing('WEBHOOK_SIGNING_SECRET') },
      { messageId: 'missingFromEnvExample', ...at(code, 'process.env.WEBHOOK_SIGNING_SECRET', 1), message: missing('WEBHOOK_SIGNING_SECRET') },
      { messageId: 'missingFromEnvExample', ...at(code, 'process.env["WEBHOOK_SIGNING_SECRET"]'), message: missing('WEBHOOK_SIGNING_SECRET') },
    ]);
  });

  it('a .js ES module parsed by espree', () => {
    const code = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\nexport const key = process.env.RESEND_API_KEY;';
    expect(envSync(REPO, 'src/index.js', code).map(pick)).toEqual([{ messageId: 'missingFromEnvExample', ...at(code, 'process.env.RESEND_API_KEY'), message: missing('RESEND_API_KEY') }]);
  });
});

describe('env-example-in-sync: what is not reported', () => {
  const file = 'src/index.ts';
  it('writes: assignment, delete, ??=, also through the env alias', () => {
    const code = 'process.env.TZ_OVERRIDE = "UTC";\ndelete process.env.LEGACY_FLAG;\nprocess.env.FEATURE_DEFAULTED ??= "on";\nconst env = process.env;\nenv.ALIAS_WRITE = "1";\ndelete env.ALIAS_DELETE;';
    expect(envSync(REPO, file, code)).toEqual([]);
  });

  it('dynamic keys: a parameter, a template with an expression, spreads, Object.entries, a computed destructuring key, a run-time const', () => {
    const code = [
      'export function read(name: string) { return process.env[name]; }',
      'export const byTenant = (tenant: string) => process.env[`TOKEN_${tenant.toUpperCase()}`];',
      'export const all = { ...process.env };',
      'export const pairs = Object.entries(process.env);',
      'export function pickKey(k: string) { const { [k]: v } = process.env; return v; }',
      'const { ...everything } = process.env;',
      'export function byInput(input: { key: string }) { const computed = input.key.toUpperCase(); return process.env[computed]; }',
    ].join('\n');
    expect(envSync(REPO, file, code)).toEqual([]);
  });

  it('every runtime name the docs list', () => {
    const names = ['NODE_ENV', 'CI', 'TZ', 'HOME', 'PATH', 'PWD', 'USER', 'SHELL', 'TMPDIR', 'LANG', 'NODE_OPTIONS', 'NODE_DEBUG', 'NOTION_INPUT_PAYLOAD_PATH', 'NOTION_RUN_METADATA_PATH'];
    const code = names.map((n, i) => `export const v${i} = process.env.${n};`).join('\n');
    expect(envSync(REPO, file, code)).toEqual([]);
  });

  it('runtime names are exact: NODE_ENV_FILE and CI_DEPLOY_TOKEN are yours to list', () => {
    const code = 'export const a = process.env.NODE_ENV_FILE;\nexport const b = process.env.CI_DEPLOY_TOKEN;';
    expect(envSync(REPO, file, code).map((m) => m.message)).toEqual([missing('NODE_ENV_FILE'), missing('CI_DEPLOY_TOKEN')]);
  });

  it('a local variable named process, a parameter shadowing the env alias, import.meta.env, a type query', () => {
    const code = [
      'export function run(process: { env: Record<string, string | undefined> }) { return process.env.FAKE_SECRET; }',
      'const env = process.env;',
      'export function scoped(env: Record<string, string>) { return env.SHADOWED_LOCAL; }',
      'export const v = import.meta.env.VITE_PUBLIC_KEY;',
      'export let t: typeof process.env.TYPE_ONLY;',
      'export const e = env;',
    ].join('\n');
    expect(envSync(REPO, file, code)).toEqual([]);
  });

  it('allowNames: PREFIX_* matches a prefix, plain names match exactly', () => {
    const code = 'export const a = process.env.VITE_API_URL;\nexport const b = process.env.RENDER_GIT_COMMIT;\nexport const c = process.env.RENDER_GIT_COMMIT_SHA;\nexport const d = process.env.VITE;';
    const messages = envSync(REPO, file, code, { allowNames: ['VITE_*', 'RENDER_GIT_COMMIT'] });
    expect(messages.map((m) => m.message)).toEqual([missing('RENDER_GIT_COMMIT_SHA'), missing('VITE')]);
  });

  it('allowNames: "*" alone is an empty prefix and matches every name; allowNames adds to the runtime names', () => {
    expect(envSync(REPO, file, 'export const a = process.env.ANY_NAME_AT_ALL;', { allowNames: ['*'] })).toEqual([]);
    expect(envSync(REPO, file, 'export const a = process.env.NODE_ENV;\nexport const b = process.env.FLY_APP_NAME;', { allowNames: ['FLY_*'] })).toEqual([]);
  });

  it('test, spec and fixture files are skipped by default; checkTestFiles: true checks them', () => {
    const code = 'export const t = process.env.VITEST_POOL_TOKEN;';
    for (const rel of ['src/index.test.ts', 'src/worker.spec.ts', 'test/fixtures/env.ts', 'src/__tests__/tools.ts']) {
      expect(envSync(REPO, rel, code), rel).toEqual([]);
      expect(envSync(REPO, rel, code, { checkTestFiles: true }).map((m) => m.message), rel).toEqual([missing('VITEST_POOL_TOKEN')]);
    }
  });
});

describe('env-example-in-sync: nearest .env.example, monorepos', () => {
  it('a nested folder with its own .env.example: only that file counts, for its files and deeper ones', () => {
    const code = 'export const team = process.env.LINEAR_TEAM_ID;\nexport const key = process.env.LINEAR_API_KEY;';
    expect(envSync(REPO, 'src/integrations/linear/client.ts', code).map(pick)).toEqual([
      { messageId: 'missingFromEnvExample', ...at(code, 'process.env.LINEAR_API_KEY'), message: missing('LINEAR_API_KEY', 'src/integrations/linear/.env.example') },
    ]);
    const deeper = 'export const key = process.env.LINEAR_WEBHOOK_SECRET;';
    expect(envSync(REPO, 'src/integrations/linear/webhooks/verify.ts', deeper).map((m) => m.message)).toEqual([
      missing('LINEAR_WEBHOOK_SECRET', 'src/integrations/linear/.env.example'),
    ]);
  });

  it('monorepo: a package with its own .env.example uses it; a package without one uses the repository root\'s', () => {
    const github = `${WORKER_HEAD}export const id = process.env.GITHUB_APP_ID;\nexport const pk = process.env.GITHUB_APP_PRIVATE_KEY;`;
    expect(envSync(REPO, 'packages/github-worker/src/index.ts', github).map((m) => m.message)).toEqual([
      missing('GITHUB_APP_PRIVATE_KEY', 'packages/github-worker/.env.example'),
    ]);
    const slack = `${WORKER_HEAD}export const token = process.env.GITHUB_TOKEN;\nexport const bot = process.env.SLACK_BOT_TOKEN;`;
    expect(envSync(REPO, 'packages/slack-worker/src/index.ts', slack).map((m) => m.message)).toEqual([missing('SLACK_BOT_TOKEN')]);
  });
});

describe('env-example-in-sync: .env.example edited between lint runs (the docs promise an editor sees edits)', () => {
  it('adding a name, swapping a name for one of the same length, deleting the file', async () => {
    const dir = project({ 'package.json': ROOT_PKG, '.env.example': 'AAAA_KEY=\n' });
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/env-example-in-sync': 'error' } },
    ];
    const code = 'export const a = process.env.AAAA_KEY;\nexport const b = process.env.BBBB_KEY;';
    const run = () => linter.verify(code, config, { filename: join(dir, 'src/index.ts') }).map((m) => m.message);
    expect(run()).toEqual([missing('BBBB_KEY')]);
    expect(run()).toEqual([missing('BBBB_KEY')]);
    await sleep(60);
    writeFileSync(join(dir, '.env.example'), 'AAAA_KEY=\nBBBB_KEY=\n');
    expect(run()).toEqual([]);
    await sleep(60);
    // same size, new content
    writeFileSync(join(dir, '.env.example'), 'CCCC_KEY=\nBBBB_KEY=\n');
    expect(run()).toEqual([missing('AAAA_KEY')]);
    unlinkSync(join(dir, '.env.example'));
    expect(run()).toEqual([]);
  });
});

// =====================================================================================================================
// prefer-credential-injection
// =====================================================================================================================
const sdkPkg = (version: string) => JSON.stringify({ name: '@notionhq/workers', version, types: './dist/index.d.ts' });
const appPkg = (range: string) => JSON.stringify({ name: 'acme-worker', type: 'module', dependencies: { '@notionhq/workers': range } });
const SDK = project({ 'package.json': appPkg('^0.9.2'), 'node_modules/@notionhq/workers/package.json': sdkPkg('0.9.2') });
const SDK_010 = project({ 'package.json': appPkg('^0.10.0'), 'node_modules/@notionhq/workers/package.json': sdkPkg('0.10.0') });
const RANGE_GTE = project({ 'package.json': appPkg('>=0.9.2') });
const RANGE_LATEST = project({ 'package.json': appPkg('latest') });
const RANGE_WORKSPACE = project({ 'package.json': appPkg('workspace:*') });
/** Monorepo: the root has 0.9.2, the package its own older copy (the one its files import). */
const MONO_SDK = project({
  'package.json': appPkg('^0.9.2'),
  'node_modules/@notionhq/workers/package.json': sdkPkg('0.9.2'),
  'packages/legacy/package.json': appPkg('^0.9.0'),
  'packages/legacy/node_modules/@notionhq/workers/package.json': sdkPkg('0.9.0'),
});

const cred = (dir: string, rel: string, code: string, options?: object) => lint('prefer-credential-injection', dir, rel, code, options);
const snippetOf = (name: string, entries: readonly (readonly [string, string, string])[], worker = 'worker') =>
  `${worker}.credential(${JSON.stringify(name)}, { network: [${entries.map(([domain, header, value]) => `{ domain: "${domain}", transform: [{ headers: { ${header}: ${value} } }] }`).join(', ')}] })`;
const preferText = (name: string, header: string, hosts: readonly string[], snippet: string) =>
  text('prefer-credential-injection', 'preferCredential', { name, header, hosts: hosts.map((h) => `\`${h}\``).join(', '), snippet });
const BEARER = '`Bearer ${CREDENTIAL_VALUE}`';

const LINEAR_WORKER = `import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

worker.tool("createIssue", {
  title: "Create a Linear issue",
  execute: async ({ title }: { title: string }) => {
    const res = await fetch("https://api.linear.app/graphql", {
      method: "POST",
      headers: {
        Authorization: \`Bearer \${process.env.LINEAR_API_KEY}\`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ query: "mutation($t: String!) { issueCreate(input: { title: $t }) { success } }", variables: { t: title } }),
    });
    return res.json();
  },
});
`;
const LINEAR_SNIPPET = snippetOf('LINEAR_API_KEY', [['api.linear.app', 'Authorization', BEARER]]);
const LINEAR_FIXED = `import { Worker, CREDENTIAL_VALUE } from "@notionhq/workers";

const worker = new Worker();
${LINEAR_SNIPPET};
export default worker;

worker.tool("createIssue", {
  title: "Create a Linear issue",
  execute: async ({ title }: { title: string }) => {
    const res = await fetch("https://api.linear.app/graphql", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ query: "mutation($t: String!) { issueCreate(input: { title: $t }) { success } }", variables: { t: title } }),
    });
    return res.json();
  },
});
`;

/** A worker file whose tool sends `headerLine` (object properties) with `call` (the request expression). */
const toolWith = (prelude: string, call: string, imports = 'import { Worker } from "@notionhq/workers";') => `${imports}
const worker = new Worker();
export default worker;
${prelude}
worker.tool("run", {
  execute: async (input: { id: string }) => {
    const res = await ${call};
    return res;
  },
});
`;

describe('prefer-credential-injection: must suggest worker.credential', () => {
  it('inline Bearer template in a tool execute(): message data, location, and the suggestion output', () => {
    const messages = cred(SDK, 'src/index.ts', LINEAR_WORKER);
    expect(messages.map(pick)).toEqual([
      { messageId: 'preferCredential', ...at(LINEAR_WORKER, 'process.env.LINEAR_API_KEY'), message: preferText('LINEAR_API_KEY', 'Authorization', ['api.linear.app'], LINEAR_SNIPPET) },
    ]);
    expect(messages[0]!.suggestions).toHaveLength(1);
    expect(messages[0]!.suggestions![0]!.messageId).toBe('declareCredential');
    expect(messages[0]!.suggestions![0]!.desc).toBe(text('prefer-credential-injection', 'declareCredential', { name: 'LINEAR_API_KEY', worker: 'worker' }));
    expect(applySuggestion(LINEAR_WORKER, messages[0]!)).toBe(LINEAR_FIXED);
    expect(messages[0]!.fix).toBeUndefined();
  });

  it('through a const with a fallback, a dashed X-API-Key header and a run-time path', () => {
    const code = toolWith('const apiKey = process.env.ACME_API_KEY ?? "";', 'fetch(`https://api.acme.dev/v1/items/${input.id}`, { headers: { "X-API-Key": apiKey } })');
    const messages = cred(SDK, 'src/index.ts', code);
    const snippet = snippetOf('ACME_API_KEY', [['api.acme.dev', '"X-API-Key"', 'CREDENTIAL_VALUE']]);
    expect(messages.map(pick)).toEqual([{ messageId: 'preferCredential', ...at(code, 'process.env.ACME_API_KEY'), message: preferText('ACME_API_KEY', 'X-API-Key', ['api.acme.dev'], snippet) }]);
    const fixed = applySuggestion(code, messages[0]!);
    expect(fixed).not.toContain('process.env.ACME_API_KEY');
    expect(fixed).not.toContain('const apiKey');
    expect(fixed).toContain(`${snippet};`);
  });

  it('"token " + key concatenation (GitHub style)', () => {
    const code = toolWith('', 'fetch("https://api.github.com/user/repos", { headers: { Authorization: "token " + process.env.GITHUB_TOKEN, Accept: "application/vnd.github+json" } })');
    expect(cred(SDK, 'src/index.ts', code).map((m) => m.message)).toEqual([
      preferText('GITHUB_TOKEN', 'Authorization', ['api.github.com'], snippetOf('GITHUB_TOKEN', [['api.github.com', 'Authorization', '`token ${CREDENTIAL_VALUE}`']])),
    ]);
  });

  it('more value and header forms: X! as string through a const, Datadog DD-API-KEY, lower-case header names kept as written', () => {
    const nonNull = toolWith('const token = process.env.HUBSPOT_ACCESS_TOKEN! as string;', 'fetch("https://api.hubapi.com/crm/v3/objects/contacts", { headers: { Authorization: `Bearer ${token}` } })');
    expect(cred(SDK, 'src/index.ts', nonNull).map((m) => m.messageId)).toEqual(['preferCredential']);
    const dd = toolWith('', 'fetch("https://api.datadoghq.com/api/v1/events", { method: "POST", headers: { "DD-API-KEY": process.env.DATADOG_API_KEY ?? "" }, body: "{}" })');
    expect(cred(SDK, 'src/index.ts', dd).map((m) => m.message)).toEqual([
      preferText('DATADOG_API_KEY', 'DD-API-KEY', ['api.datadoghq.com'], snippetOf('DATADOG_API_KEY', [['api.datadoghq.com', '"DD-API-KEY"', 'CREDENTIAL_VALUE']])),
    ]);
    const lower = toolWith('', 'fetch("https://api.acme.dev/v1", { headers: { "x-api-key": process.env.ACME_API_KEY } })');
    expect(cred(SDK, 'src/index.ts', lower).map((m) => m.message)).toEqual([
      preferText('ACME_API_KEY', 'x-api-key', ['api.acme.dev'], snippetOf('ACME_API_KEY', [['api.acme.dev', '"x-api-key"', 'CREDENTIAL_VALUE']])),
    ]);
  });

  it('every env read form reaches the rule: the env alias, import { env } from "node:process", process.env?.X, next to a spread of other headers', () => {
    const alias = toolWith('const env = process.env;', 'fetch("https://api.acme.dev/v1", { headers: { ...base, Authorization: `Bearer ${env.ACME_API_KEY}` } })').replace('const env', 'const base = { Accept: "application/json" };\nconst env');
    expect(cred(SDK, 'src/index.ts', alias).map(pick)).toEqual([
      { messageId: 'preferCredential', ...at(alias, 'env.ACME_API_KEY'), message: preferText('ACME_API_KEY', 'Authorization', ['api.acme.dev'], snippetOf('ACME_API_KEY', [['api.acme.dev', 'Authorization', BEARER]])) },
    ]);
    const imported = toolWith('', 'fetch("https://api.acme.dev/v1", { headers: { Authorization: `Bearer ${env.ACME_API_KEY}` } })', 'import { env } from "node:process";\nimport { Worker } from "@notionhq/workers";');
    expect(cred(SDK, 'src/index.ts', imported).map((m) => m.messageId)).toEqual(['preferCredential']);
    const optional = toolWith('', 'fetch("https://api.acme.dev/v1", { headers: { Authorization: `Bearer ${process.env?.ACME_API_KEY}` } })');
    expect(cred(SDK, 'src/index.ts', optional).map((m) => m.messageId)).toEqual(['preferCredential']);
  });

  it('a shared new Headers({...}) constant', () => {
    const code = toolWith(
      'const headers = new Headers({ Authorization: `Bearer ${process.env.SENTRY_AUTH_TOKEN}`, Accept: "application/json" });',
      'fetch("https://sentry.io/api/0/projects/", { headers })',
    );
    expect(cred(SDK, 'src/index.ts', code).map(pick)).toEqual([
      {
        messageId: 'preferCredential',
        ...at(code, 'process.env.SENTRY_AUTH_TOKEN'),
        message: preferText('SENTRY_AUTH_TOKEN', 'Authorization', ['sentry.io'], snippetOf('SENTRY_AUTH_TOKEN', [['sentry.io', 'Authorization', BEARER]])),
      },
    ]);
  });

  it('axios({ url, headers })', () => {
    const code = toolWith('', 'axios({ url: "https://api.pagerduty.com/incidents", method: "get", headers: { Authorization: `Token token=${process.env.PAGERDUTY_API_KEY}` } })', 'import axios from "axios";\nimport { Worker } from "@notionhq/workers";');
    expect(cred(SDK, 'src/index.ts', code).map((m) => m.message)).toEqual([
      preferText('PAGERDUTY_API_KEY', 'Authorization', ['api.pagerduty.com'], snippetOf('PAGERDUTY_API_KEY', [['api.pagerduty.com', 'Authorization', '`Token token=${CREDENTIAL_VALUE}`']])),
    ]);
  });

  it('ky/got-style (url, options) calls', () => {
    const code = toolWith(
      'const key = process.env.AIRTABLE_API_KEY;',
      'ky.get(`https://api.airtable.com/v0/${input.id}/Tasks`, { headers: { Authorization: `Bearer ${key}` } }).json()',
      'import ky from "ky";\nimport { Worker } from "@notionhq/workers";',
    );
    expect(cred(SDK, 'src/index.ts', code).map((m) => m.messageId)).toEqual(['preferCredential']);
  });

  it('axios.create({ baseURL, headers }) with GitLab\'s Private-Token header, in a module without the worker (message, no suggestion)', () => {
    const code = 'import axios from "axios";\nexport const gitlab = axios.create({ baseURL: "https://gitlab.example.com/api/v4", headers: { "Private-Token": process.env.GITLAB_TOKEN } });\n';
    const messages = cred(SDK, 'src/clients/gitlab.ts', code);
    expect(messages.map(pick)).toEqual([
      {
        messageId: 'preferCredential',
        ...at(code, 'process.env.GITLAB_TOKEN'),
        message: preferText('GITLAB_TOKEN', 'Private-Token', ['gitlab.example.com'], snippetOf('GITLAB_TOKEN', [['gitlab.example.com', '"Private-Token"', 'CREDENTIAL_VALUE']])),
      },
    ]);
    expect(messages[0]!.suggestions ?? []).toEqual([]);
  });

  it('one headers constant shared by requests to two fixed hosts: both domains in the snippet, sorted', () => {
    const code = toolWith(
      'const headers = { Authorization: `Bearer ${process.env.GITHUB_TOKEN}` };\nexport const upload = (name: string) => fetch(`https://uploads.github.com/repos/acme/app/releases/1/assets?name=${name}`, { method: "POST", headers });',
      'fetch("https://api.github.com/repos/acme/app", { headers })',
    );
    expect(cred(SDK, 'src/index.ts', code).map((m) => m.message)).toEqual([
      preferText('GITHUB_TOKEN', 'Authorization', ['api.github.com', 'uploads.github.com'], snippetOf('GITHUB_TOKEN', [['api.github.com', 'Authorization', BEARER], ['uploads.github.com', 'Authorization', BEARER]])),
    ]);
  });

  it('a static host with a port, and an upper-case host: the domain is the lower-case host name', () => {
    const port = toolWith('', 'fetch("https://api.acme.dev:8443/v1/items", { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } })');
    expect(cred(SDK, 'src/index.ts', port).map((m) => m.message)).toEqual([
      preferText('ACME_API_KEY', 'Authorization', ['api.acme.dev'], snippetOf('ACME_API_KEY', [['api.acme.dev', 'Authorization', BEARER]])),
    ]);
    const upper = toolWith('', 'fetch("https://API.Linear.APP/graphql", { headers: { Authorization: process.env.LINEAR_API_KEY ?? "" } })');
    expect(cred(SDK, 'src/index.ts', upper).map((m) => m.message)).toEqual([
      preferText('LINEAR_API_KEY', 'Authorization', ['api.linear.app'], snippetOf('LINEAR_API_KEY', [['api.linear.app', 'Authorization', 'CREDENTIAL_VALUE']])),
    ]);
  });

  it('the URL held in a module constant is still a static https:// URL; so is an options object held in a const', () => {
    const code = toolWith('const API = "https://api.acme.dev/v1";', 'fetch(`${API}/items/${input.id}`, { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } })');
    expect(cred(SDK, 'src/index.ts', code).map((m) => m.messageId)).toEqual(['preferCredential']);
    const init = toolWith('const ITEMS = "https://api.acme.dev/v1/items";\nconst init: RequestInit = { method: "GET", headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } };', 'fetch(ITEMS, init)');
    expect(cred(SDK, 'src/index.ts', init).map((m) => m.messageId)).toEqual(['preferCredential']);
  });

  it('two reads of the key in two requests: one report at the first read; the suggestion drops both headers', () => {
    const code = toolWith('', 'fetch("https://api.acme.dev/v1", { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}`, Accept: "x" } }).then(() => fetch("https://api.acme.dev/v2", { headers: { Accept: "y", Authorization: `Bearer ${process.env.ACME_API_KEY}` } }))');
    const messages = cred(SDK, 'src/index.ts', code);
    expect(messages.map(pick)).toEqual([
      { messageId: 'preferCredential', ...at(code, 'process.env.ACME_API_KEY'), message: preferText('ACME_API_KEY', 'Authorization', ['api.acme.dev'], snippetOf('ACME_API_KEY', [['api.acme.dev', 'Authorization', BEARER]])) },
    ]);
    const fixed = applySuggestion(code, messages[0]!);
    expect(fixed).toContain('fetch("https://api.acme.dev/v1", { headers: { Accept: "x" } }).then(() => fetch("https://api.acme.dev/v2", { headers: { Accept: "y" } }))');
    expect(fixed).toContain('import { Worker, CREDENTIAL_VALUE } from "@notionhq/workers";');
  });

  it('the suggestion removes a const inside execute() that only carried the key, and a template const', () => {
    const inner = toolWith('', 'fetch("https://api.acme.dev/v1", { headers: { Authorization: `Bearer ${apiKey}` } })').replace('execute: async (input: { id: string }) => {\n', 'execute: async (input: { id: string }) => {\n    const apiKey = process.env.ACME_API_KEY;\n');
    const messages = cred(SDK, 'src/index.ts', inner);
    expect(messages.map((m) => m.messageId)).toEqual(['preferCredential']);
    expect(applySuggestion(inner, messages[0]!)).toContain('execute: async (input: { id: string }) => {\n    const res = await fetch("https://api.acme.dev/v1", { headers: {  } });');
    const tpl = toolWith('const auth = `Bearer ${process.env.ACME_API_KEY}`;', 'fetch("https://api.acme.dev/v1", { headers: { Authorization: auth } })');
    const m2 = cred(SDK, 'src/index.ts', tpl);
    expect(m2.map((m) => m.message)).toEqual([preferText('ACME_API_KEY', 'Authorization', ['api.acme.dev'], snippetOf('ACME_API_KEY', [['api.acme.dev', 'Authorization', BEARER]]))]);
    expect(applySuggestion(tpl, m2[0]!)).not.toContain('const auth');
  });

  it('a namespace import: the snippet and the suggestion use workers.CREDENTIAL_VALUE', () => {
    const code = 'import * as workers from "@notionhq/workers";\nconst worker = new workers.Worker();\nexport default worker;\nexport const q = () => fetch("https://api.acme.dev/v1", { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } });\n';
    const snippet = snippetOf('ACME_API_KEY', [['api.acme.dev', 'Authorization', '`Bearer ${workers.CREDENTIAL_VALUE}`']]);
    const messages = cred(SDK, 'src/index.ts', code);
    expect(messages.map((m) => m.message)).toEqual([preferText('ACME_API_KEY', 'Authorization', ['api.acme.dev'], snippet)]);
    expect(applySuggestion(code, messages[0]!)).toBe(
      `import * as workers from "@notionhq/workers";\nconst worker = new workers.Worker();\n${snippet};\nexport default worker;\nexport const q = () => fetch("https://api.acme.dev/v1", { headers: {  } });\n`,
    );
  });

  it('suggestion with CREDENTIAL_VALUE already imported and an exported worker: no duplicate import, inserted after the export', () => {
    const code = `import { CREDENTIAL_VALUE, Worker } from "@notionhq/workers";
export const worker = new Worker();
worker.credential("STRIPE_SECRET_KEY", { network: [{ domain: "api.stripe.com", transform: [{ headers: { Authorization: \`Bearer \${CREDENTIAL_VALUE}\` } }] }] });
worker.tool("listCustomers", { execute: () => fetch("https://api.resend.com/emails", { headers: { Authorization: \`Bearer \${process.env.RESEND_API_KEY}\` } }) });
`;
    const messages = cred(SDK, 'src/index.ts', code);
    expect(messages.map((m) => m.messageId)).toEqual(['preferCredential']);
    const fixed = applySuggestion(code, messages[0]!);
    expect(fixed.match(/CREDENTIAL_VALUE, Worker/g)).toHaveLength(1);
    expect(fixed).not.toContain('CREDENTIAL_VALUE, Worker, CREDENTIAL_VALUE');
    expect(fixed).toContain(`export const worker = new Worker();\n${snippetOf('RESEND_API_KEY', [['api.resend.com', 'Authorization', BEARER]])};\n`);
    expect(fixed).not.toContain('process.env.RESEND_API_KEY');
  });

  it('SDK 0.10.0 installed; >=0.9.2, ">=0.9.2 <1.0.0", "0.9.2 - 1.0.0", ^1.0.0 and devDependencies ranges; an SDK hoisted to the monorepo root', () => {
    expect(cred(SDK_010, 'src/index.ts', LINEAR_WORKER).map((m) => m.messageId)).toEqual(['preferCredential']);
    expect(cred(RANGE_GTE, 'src/index.ts', LINEAR_WORKER).map((m) => m.messageId)).toEqual(['preferCredential']);
    for (const deps of [{ dependencies: { '@notionhq/workers': '>=0.9.2 <1.0.0' } }, { dependencies: { '@notionhq/workers': '0.9.2 - 1.0.0' } }, { dependencies: { '@notionhq/workers': '^1.0.0' } }, { devDependencies: { '@notionhq/workers': '^0.9.2' } }]) {
      const dir = project({ 'package.json': JSON.stringify({ name: 'w', ...deps }) });
      expect(cred(dir, 'src/index.ts', LINEAR_WORKER).map((m) => m.messageId), JSON.stringify(deps)).toEqual(['preferCredential']);
    }
    const hoisted = project({
      'package.json': appPkg('^0.9.2'),
      'node_modules/@notionhq/workers/package.json': sdkPkg('0.9.2'),
      'packages/app/package.json': appPkg('^0.9.2'),
      'packages/app/node_modules/zod/package.json': JSON.stringify({ name: 'zod', version: '3.23.8' }),
    });
    expect(cred(hoisted, 'packages/app/src/index.ts', LINEAR_WORKER).map((m) => m.messageId)).toEqual(['preferCredential']);
  });

  it('allowHosts "*.acme.dev" matches subdomains only: the apex acme.dev is still reported', () => {
    const sub = toolWith('', 'fetch("https://api.acme.dev/v1", { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } })');
    const apex = toolWith('', 'fetch("https://acme.dev/v1", { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } })');
    expect(cred(SDK, 'src/index.ts', sub, { allowHosts: ['*.acme.dev'] })).toEqual([]);
    expect(cred(SDK, 'src/index.ts', apex, { allowHosts: ['*.acme.dev'] }).map((m) => m.messageId)).toEqual(['preferCredential']);
    expect(cred(SDK, 'src/index.ts', apex, { allowHosts: ['acme.dev'] })).toEqual([]);
  });
});

describe('prefer-credential-injection: must not report', () => {
  const silent = (code: string, dir = SDK, rel = 'src/index.ts', options?: object) => expect(cred(dir, rel, code, options)).toEqual([]);

  it('the value goes into the body, or into a header and the body, or is exported through module.exports', () => {
    silent(toolWith('', 'fetch("https://api.mailchimp.com/3.0/lists", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ apikey: process.env.MAILCHIMP_API_KEY }) })'));
    silent(toolWith('const key = process.env.POSTMARK_SERVER_TOKEN ?? "";', 'fetch("https://api.postmarkapp.com/email", { method: "POST", headers: { "X-Postmark-Server-Token": key }, body: JSON.stringify({ token: key }) })'));
    silent('const apiKey = process.env.ACME_API_KEY;\nmodule.exports = { apiKey };\nfetch("https://api.acme.dev/v1", { headers: { Authorization: apiKey } });\n', SDK, 'src/client.cjs');
  });

  it('a computed host: base URL from env, a template host, a URL parameter of a helper, a conditional URL, a URL object', () => {
    silent(toolWith('', 'fetch(`${process.env.JIRA_BASE_URL}/rest/api/3/search`, { headers: { Authorization: `Bearer ${process.env.JIRA_API_TOKEN}` } })'));
    silent(toolWith('', 'fetch(`https://${input.id}.zendesk.com/api/v2/tickets.json`, { headers: { Authorization: `Bearer ${process.env.ZENDESK_API_TOKEN}` } })'));
    silent(toolWith('const get = (url: string) => fetch(url, { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } });', 'get("https://api.acme.dev/v1")'));
    silent(toolWith('const url = Math.random() > 0.5 ? "https://a.acme.dev" : "https://b.acme.dev";', 'fetch(url, { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } })'));
    silent(toolWith('', 'fetch(new URL("/v1", "https://api.acme.dev"), { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } })'));
  });

  it('http:, localhost with a port, IPv6 literal', () => {
    silent(toolWith('', 'fetch("http://api.acme.dev/v1", { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } })'));
    silent(toolWith('', 'fetch("https://localhost:8443/v1", { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } })'));
    silent(toolWith('', 'fetch("https://[2001:db8::1]:8443/v1", { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } })'));
  });

  it('OAuth: worker.oauth() client credentials, and a runtime OAuth access token in the header', () => {
    silent(`import { Worker } from "@notionhq/workers";
const worker = new Worker();
export default worker;
const github = worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "repo",
  clientId: process.env.GITHUB_CLIENT_ID ?? "",
  clientSecret: process.env.GITHUB_CLIENT_SECRET ?? "",
});
worker.tool("me", {
  execute: async () => {
    const token = await github.accessToken();
    return fetch("https://api.github.com/user", { headers: { Authorization: \`Bearer \${token}\` } });
  },
});
`);
  });

  it('already migrated: worker.credential() declared, no env read in the header', () => {
    silent(`import { CREDENTIAL_VALUE, Worker } from "@notionhq/workers";
const worker = new Worker();
export default worker;
worker.credential("LINEAR_API_KEY", {
  network: [{ domain: "api.linear.app", transform: [{ headers: { Authorization: \`Bearer \${CREDENTIAL_VALUE}\` } }] }],
});
worker.tool("teams", {
  execute: () => fetch("https://api.linear.app/graphql", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ team: process.env.LINEAR_TEAM_ID }) }),
});
`);
  });

  it('the key is also given to an SDK client or checked', () => {
    silent(toolWith('const key = process.env.LINEAR_API_KEY ?? "";\nexport const linear = new LinearClient({ apiKey: key });', 'fetch("https://api.linear.app/graphql", { headers: { Authorization: key } })'));
    silent(toolWith('const key = process.env.ACME_API_KEY;\nif (!key) throw new Error("ACME_API_KEY is not set");', 'fetch("https://api.acme.dev/v1", { headers: { Authorization: `Bearer ${key}` } })'));
  });

  it('a `let` holding the key; headers set imperatively (append)', () => {
    silent(toolWith('let key = process.env.ACME_API_KEY;', 'fetch("https://api.acme.dev/v1", { headers: { Authorization: `Bearer ${key}` } })'));
    silent(toolWith('const h = new Headers();\nh.append("Authorization", `Bearer ${process.env.ACME_API_KEY}`);', 'fetch("https://api.acme.dev/v1", { headers: h })'));
  });

  it('Basic auth built with btoa', () => {
    silent(toolWith('', 'fetch("https://acme.atlassian.net/rest/api/3/myself", { headers: { Authorization: `Basic ${btoa(`me@acme.dev:${process.env.JIRA_API_TOKEN}`)}` } })'));
  });

  it('NOTION_* names the SDK reserves', () => {
    silent(toolWith('', 'fetch("https://api.notion.com/v1/users/me", { headers: { Authorization: `Bearer ${process.env.NOTION_INTEGRATION_SECRET}`, "Notion-Version": "2022-06-28" } })'));
  });

  it('not a credential header, not a credential name', () => {
    silent(toolWith('', 'fetch("https://api.acme.dev/v1", { headers: { "X-Tenant": process.env.ACME_TENANT_TOKEN } })'));
    silent(toolWith('', 'fetch("https://api.acme.dev/v1", { headers: { Authorization: `Bearer ${process.env.ACME_REGION}` } })'));
  });

  it('SDK without credential(): latest / workspace:* ranges, and a monorepo package whose nearest node_modules has 0.9.0', () => {
    silent(LINEAR_WORKER, RANGE_LATEST);
    silent(LINEAR_WORKER, RANGE_WORKSPACE);
    silent(LINEAR_WORKER, MONO_SDK, 'packages/legacy/src/index.ts');
    // the root package of the same monorepo has 0.9.2
    expect(cred(MONO_SDK, 'src/index.ts', LINEAR_WORKER).map((m) => m.messageId)).toEqual(['preferCredential']);
  });

  it('allowHosts with an exact host', () => {
    silent(LINEAR_WORKER, SDK, 'src/index.ts', { allowHosts: ['api.linear.app'] });
  });
});

describe('prefer-credential-injection: doc-ambiguous, current behaviour pinned', () => {
  // The docs: a credential's network entries are domains; an IPv4 address (loopback or a host reached by address)
  // is not reported.
  it('an IPv4 literal host', () => {
    const code = toolWith('', 'fetch("https://203.0.113.7/v1", { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } })');
    expect(cred(SDK, 'src/index.ts', code)).toEqual([]);
  });

  // "NOTION_* names the SDK reserves": NOTION_API_TOKEN is reported (the SDK lets a credential use that key).
  it('NOTION_API_TOKEN', () => {
    const code = toolWith('', 'fetch("https://api.notion.com/v1/users", { headers: { Authorization: `Bearer ${process.env.NOTION_API_TOKEN}` } })');
    expect(cred(SDK, 'src/index.ts', code).map((m) => m.messageId)).toEqual(['preferCredential']);
  });
});

// =====================================================================================================================
// no-committed-env-files
// =====================================================================================================================
const gh = fakeToken('github-classic-pat', 7);
const GH_WHAT = 'GitHub personal access token';
const PKG = JSON.stringify({ name: 'acme-worker', dependencies: { '@notionhq/workers': '^0.9.2' } });
const ENTRY_CODE = 'import { Worker } from "@notionhq/workers";\n\nconst worker = new Worker();\nexport default worker;\n';
const INDEX_CODE = 'export { default } from "./worker";\n';

/** A git repository with `src/index.ts` (creating the worker unless `entry` says otherwise) plus `files`. */
function repo(files: Record<string, string>, track: readonly string[] = [], git: Git = 'init'): string {
  return project({ 'package.json': PKG, 'src/index.ts': ENTRY_CODE, ...files }, git, track);
}
const committed = (dir: string, rel = 'src/index.ts', code = ENTRY_CODE, options?: object) => lint('no-committed-env-files', dir, rel, code, options);
const found = (messages: Linter.LintMessage[]) => messages.map((m) => `${m.messageId}:${m.message.match(/^`([^`]+)`/)?.[1]}`).sort();
const WORKER_LOC = { line: 3, column: 16, endLine: 3, endColumn: 28 };

describe('no-committed-env-files: .gitignore forms (git repository)', () => {
  it('.gitignore lists only .env: .env.local is reported, at new Worker(), with the documented message', () => {
    const dir = repo({ '.env': 'LINEAR_API_KEY=x\n', '.env.local': 'LINEAR_API_KEY=y\n', '.gitignore': 'node_modules\n.env\n' });
    expect(committed(dir).map(pick)).toEqual([{ messageId: 'envFileNotIgnored', ...WORKER_LOC, message: text('no-committed-env-files', 'envFileNotIgnored', { file: '.env.local' }) }]);
  });

  it('the documented ignore lines (.env, .env.*, !.env.example), and .env* with !.env.example: clean', () => {
    const dir = repo({ '.env': 'A=1\n', '.env.local': 'A=1\n', '.env.production': 'A=1\n', '.env.example': 'A=\n', '.gitignore': '.env\n.env.*\n!.env.example\n' }, ['.env.example', '.gitignore']);
    expect(committed(dir)).toEqual([]);
    const dir2 = repo({ '.env': 'A=1\n', '.env.development.local': 'A=1\n', '.env.example': 'A=\n', '.gitignore': '.env*\n!.env.example\n' });
    expect(committed(dir2)).toEqual([]);
  });

  it('*.env ignores .env but not .env.local', () => {
    const dir = repo({ '.env': 'A=1\n', '.env.local': 'A=1\n', '.gitignore': '*.env\n' });
    expect(found(committed(dir))).toEqual(['envFileNotIgnored:.env.local']);
  });

  it('/.env is anchored: a nested config/.env is not ignored (anywhere in the project)', () => {
    const dir = repo({ '.env': 'A=1\n', 'config/.env': 'A=1\n', '.gitignore': '/.env\n' });
    expect(found(committed(dir))).toEqual(['envFileNotIgnored:config/.env']);
  });

  it('a negation re-includes a file: !.env.local after .env*', () => {
    const dir = repo({ '.env': 'A=1\n', '.env.local': 'A=1\n', '.gitignore': '.env*\n!.env.local\n' });
    expect(found(committed(dir))).toEqual(['envFileNotIgnored:.env.local']);
  });

  it('a nested .gitignore ignores the nested .env', () => {
    const dir = repo({ '.env': 'A=1\n', 'config/.env': 'A=1\n', 'config/.gitignore': '.env\n', '.gitignore': '/.env\n' });
    expect(committed(dir)).toEqual([]);
  });

  it('a commented-out pattern ignores nothing', () => {
    const dir = repo({ '.env': 'A=1\n', '.gitignore': '# .env\nnode_modules\n' });
    expect(found(committed(dir))).toEqual(['envFileNotIgnored:.env']);
  });

  it('a trailing "# comment" is part of the pattern for git, so ".env # secrets" does not ignore .env', () => {
    const dir = repo({ '.env': 'A=1\n', '.gitignore': '.env # secrets\n' });
    expect(found(committed(dir))).toEqual(['envFileNotIgnored:.env']);
  });

  it('a directory-only pattern ".env/" does not ignore the file .env; "**/.env" ignores it at every depth', () => {
    expect(found(committed(repo({ '.env': 'A=1\n', '.gitignore': '.env/\n' })))).toEqual(['envFileNotIgnored:.env']);
    expect(committed(repo({ '.env': 'A=1\n', 'config/.env': 'A=1\n', '.gitignore': '**/.env\n' }))).toEqual([]);
  });

  it('.git/info/exclude counts', () => {
    const dir = repo({ '.env': 'A=1\n', '.env.local': 'A=1\n' });
    writeFileSync(join(dir, '.git/info/exclude'), '.env\n.env.*\n');
    expect(committed(dir)).toEqual([]);
  });

  it('templates, the vault and look-alikes are not env files to ignore (.env.example/.sample/.template, .env.vault tracked, .envrc, env.ts)', () => {
    const dir = repo(
      { '.env.example': 'A=\n', '.env.sample': 'A=\n', '.env.template': 'A=\n', '.env.vault': 'DOTENV_VAULT_DEVELOPMENT="encrypted"\n', '.envrc': 'use nix\n', 'src/env.ts': 'export {};\n', '.gitignore': 'node_modules\n' },
      ['.env.vault', '.env.example'],
    );
    expect(committed(dir)).toEqual([]);
  });

  it('.env.local.example is an .env.* file, not a template (unless listed in exampleFiles)', () => {
    const dir = repo({ '.env.local.example': 'A=\n', '.gitignore': '.env\n' });
    expect(found(committed(dir))).toEqual(['envFileNotIgnored:.env.local.example']);
    expect(committed(dir, 'src/index.ts', ENTRY_CODE, { exampleFiles: ['.env.sample', '.env.template', '.env.local.example'] })).toEqual([]);
  });

  it('paths with spaces and non-ASCII folder names are reported as written', () => {
    expect(found(committed(repo({ 'configuración/.env': 'A=1\n', '.gitignore': 'node_modules\n' })))).toEqual(['envFileNotIgnored:configuración/.env']);
    expect(found(committed(repo({ 'my config/.env.local': 'A=1\n', '.gitignore': '.env\n' }, ['my config/.env.local'])))).toEqual(['trackedEnvFile:my config/.env.local']);
  });
});

describe('no-committed-env-files: tracked files', () => {
  it('tracked although ignored (.env.production in the index), and a tracked nested apps/api/.env', () => {
    const dir = repo({ '.env.production': 'A=1\n', '.gitignore': '.env\n.env.*\n!.env.example\n' }, ['.env.production']);
    expect(committed(dir).map(pick)).toEqual([{ messageId: 'trackedEnvFile', ...WORKER_LOC, message: text('no-committed-env-files', 'trackedEnvFile', { file: '.env.production' }) }]);
    const nested = repo({ 'apps/api/.env': 'A=1\n', '.gitignore': '.env\n' }, ['apps/api/.env']);
    expect(found(committed(nested))).toEqual(['trackedEnvFile:apps/api/.env']);
  });

  it('allowFiles: a committed .env.test with fixtures', () => {
    const dir = repo({ '.env.test': 'A=1\n', '.gitignore': '.env\n' }, ['.env.test']);
    expect(found(committed(dir))).toEqual(['trackedEnvFile:.env.test']);
    const dir2 = repo({ '.env.test': 'A=1\n', '.gitignore': '.env\n' }, ['.env.test']);
    expect(committed(dir2, 'src/index.ts', ENTRY_CODE, { allowFiles: ['.env.vault', '.env.test'] })).toEqual([]);
  });

  it('exampleFiles replaces the default list: .env.dist becomes a template, .env.sample does not', () => {
    const dir = repo({ '.env.dist': 'A=\n', '.env.sample': 'A=\n', '.gitignore': '.env\n' }, ['.env.dist', '.env.sample']);
    expect(found(committed(dir, 'src/index.ts', ENTRY_CODE, { exampleFiles: ['.env.dist'] }))).toEqual(['trackedEnvFile:.env.sample']);
    // .env.example always is one
    expect(committed(repo({ '.env.example': 'A=\n', '.gitignore': 'node_modules\n' }, ['.env.example']), 'src/index.ts', ENTRY_CODE, { exampleFiles: [] })).toEqual([]);
  });
});

describe('no-committed-env-files: secrets in the template', () => {
  it('a real-looking token in .env.example (export form, quoted): masked, with line and name; placeholders are fine', () => {
    const example = `# GitHub\nLINEAR_API_KEY=<paste your key>\nOPENAI_API_KEY=your-api-key-here\nSLACK_BOT_TOKEN=\nexport GITHUB_TOKEN="${gh}"\n`;
    const dir = repo({ '.env.example': example, '.gitignore': '.env\n.env.*\n!.env.example\n' }, ['.env.example']);
    const messages = committed(dir);
    expect(messages.map(pick)).toEqual([
      {
        messageId: 'secretInEnvExample',
        ...WORKER_LOC,
        message: text('no-committed-env-files', 'secretInEnvExample', { file: '.env.example', line: 5, envName: 'GITHUB_TOKEN', what: GH_WHAT, masked: redact(gh, 'ghp_') }),
      },
    ]);
    expect(messages[0]!.message).not.toContain(gh);
  });

  it('the reported line counts real lines: after a multi-line quoted value, and with CRLF', () => {
    const cert = 'TLS_CERT="-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----"\n';
    const multi = committed(repo({ '.env.example': `${cert}GITHUB_TOKEN=${gh}\n`, '.gitignore': '.env\n' }, ['.env.example']));
    expect(multi.map((m) => m.messageId)).toEqual(['secretInEnvExample']);
    expect(multi[0]!.message).toContain('`.env.example` line 4 gives `GITHUB_TOKEN`');
    const crlf = committed(repo({ '.env.example': `A=\r\nB=\r\nGITHUB_TOKEN=${gh}\r\n`, '.gitignore': '.env\n' }, ['.env.example']));
    expect(crlf.map((m) => m.message)).toEqual([text('no-committed-env-files', 'secretInEnvExample', { file: '.env.example', line: 3, envName: 'GITHUB_TOKEN', what: GH_WHAT, masked: redact(gh, 'ghp_') })]);
  });

  it('checkExampleSecrets: false; a template from exampleFiles, and a nested config/.env.example, are checked like .env.example', () => {
    const dir = repo({ '.env.example': `GITHUB_TOKEN=${gh}\n`, '.gitignore': '.env\n.env.*\n!.env.example\n' }, ['.env.example']);
    expect(committed(dir, 'src/index.ts', ENTRY_CODE, { checkExampleSecrets: false })).toEqual([]);
    const dist = repo({ '.env.dist': `GITHUB_TOKEN=${gh}\n`, '.gitignore': '.env\n' }, ['.env.dist']);
    expect(found(committed(dist, 'src/index.ts', ENTRY_CODE, { exampleFiles: ['.env.dist'] }))).toEqual(['secretInEnvExample:.env.dist']);
    const nested = repo({ 'config/.env.example': `GITHUB_TOKEN=${gh}\n`, '.gitignore': '.env\n' }, ['config/.env.example']);
    expect(found(committed(nested))).toEqual(['secretInEnvExample:config/.env.example']);
  });
});

describe('no-committed-env-files: which file is the entry', () => {
  it('a file creating new Worker() is the entry; src/index.ts re-exporting it stays quiet', () => {
    const dir = project({ 'package.json': PKG, 'src/index.ts': INDEX_CODE, 'src/worker.ts': ENTRY_CODE, '.env': 'A=1\n' }, 'init', ['.env']);
    expect(committed(dir, 'src/index.ts', INDEX_CODE)).toEqual([]);
    expect(committed(dir, 'src/worker.ts', ENTRY_CODE).map((m) => ({ id: m.messageId, line: m.line, column: m.column }))).toEqual([{ id: 'trackedEnvFile', line: 3, column: 16 }]);
  });

  it('an aliased import (new NotionWorker()) and a namespace import (new workers.Worker()) make the entry', () => {
    const code = 'import { Worker as NotionWorker } from "@notionhq/workers";\nexport const worker = new NotionWorker();\n';
    const dir = project({ 'package.json': PKG, 'src/app.ts': code, '.env': 'A=1\n' }, 'init', ['.env']);
    expect(committed(dir, 'src/app.ts', code).map((m) => ({ id: m.messageId, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn }))).toEqual([
      { id: 'trackedEnvFile', ...at(code, 'new NotionWorker()') },
    ]);
    const ns = 'import * as workers from "@notionhq/workers";\nexport default new workers.Worker();\n';
    const nsDir = project({ 'package.json': PKG, 'src/app.ts': ns, 'src/index.ts': 'export {};\n', '.env': 'A=1\n' }, 'init', ['.env']);
    expect(committed(nsDir, 'src/index.ts', 'export {};\n')).toEqual([]);
    const nsAt = at(ns, 'new workers.Worker()');
    expect(committed(nsDir, 'src/app.ts', ns).map((m) => ({ id: m.messageId, line: m.line, column: m.column }))).toEqual([{ id: 'trackedEnvFile', line: nsAt.line, column: nsAt.column }]);
  });

  it('two files creating a worker: the project is reported once', () => {
    const two = project({ 'package.json': PKG, 'src/a.ts': ENTRY_CODE, 'src/b.ts': ENTRY_CODE, '.env': 'A=1\n' }, 'init', ['.env']);
    expect([committed(two, 'src/a.ts').length, committed(two, 'src/b.ts').length]).toEqual([1, 0]);
  });

  it('no file creates the worker: src/index.ts reports (at the start of the file); other files do not', () => {
    const code = 'export const handler = () => "ok";\n';
    const dir = project({ 'package.json': PKG, 'src/index.ts': code, 'src/main.ts': code, '.env': 'A=1\n' }, 'init');
    expect(committed(dir, 'src/main.ts', code)).toEqual([]);
    expect(committed(dir, 'src/index.ts', code).map(pick)).toEqual([
      { messageId: 'envFileNotIgnored', line: 1, column: 1, endLine: 1, endColumn: 1, message: text('no-committed-env-files', 'envFileNotIgnored', { file: '.env' }) },
    ]);
  });

  it('new Worker() from node:worker_threads is not the Notion worker: src/index.ts stays the entry', () => {
    const jobs = 'import { Worker } from "node:worker_threads";\nexport const start = () => new Worker(new URL("./job.js", import.meta.url));\n';
    const index = 'export * from "./jobs";\n';
    const dir = project({ 'package.json': PKG, 'src/index.ts': index, 'src/jobs.ts': jobs, '.env': 'A=1\n' }, 'init');
    expect(committed(dir, 'src/jobs.ts', jobs)).toEqual([]);
    expect(found(committed(dir, 'src/index.ts', index))).toEqual(['envFileNotIgnored:.env']);
  });

  it('a monorepo package: a root .gitignore ".env" covers packages/*/.env; without it the package .env is reported', () => {
    const ok = project({ '.gitignore': 'node_modules\n.env\n', 'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }), 'packages/linear-worker/package.json': PKG, 'packages/linear-worker/src/index.ts': ENTRY_CODE, 'packages/linear-worker/.env': 'A=1\n' }, 'init');
    expect(committed(ok, 'packages/linear-worker/src/index.ts')).toEqual([]);
    const bad = project({ '.gitignore': 'node_modules\n', 'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }), 'packages/linear-worker/package.json': PKG, 'packages/linear-worker/src/index.ts': ENTRY_CODE, 'packages/linear-worker/.env': 'A=1\n' }, 'init');
    const messages = committed(bad, 'packages/linear-worker/src/index.ts');
    expect(messages.map((m) => m.messageId)).toEqual(['envFileNotIgnored']);
    expect(messages[0]!.message).toMatch(/^`(packages\/linear-worker\/)?\.env`/);
  });
});

describe('no-committed-env-files: outside a git repository (the ignore package on the top-level files)', () => {
  it('/.env ignores .env, not .env.local', () => {
    const dir = repo({ '.env': 'A=1\n', '.env.local': 'A=1\n', '.gitignore': '/.env\n' }, [], 'none');
    expect(found(committed(dir))).toEqual(['envFileNotIgnored:.env.local']);
  });

  it('.env* with !.env.example: clean; a nested config/.env is not checked outside git', () => {
    const dir = repo({ '.env': 'A=1\n', '.env.local': 'A=1\n', '.env.example': 'A=\n', 'config/.env': 'A=1\n', '.gitignore': '# local env\n.env*\n!.env.example\n' }, [], 'none');
    expect(committed(dir)).toEqual([]);
  });

  it('".env # secrets" is a literal pattern for the ignore package too; trailing spaces are trimmed', () => {
    expect(found(committed(repo({ '.env': 'A=1\n', '.gitignore': '.env # secrets\n' }, [], 'none')))).toEqual(['envFileNotIgnored:.env']);
    expect(committed(repo({ '.env': 'A=1\n', '.gitignore': '.env   \n' }, [], 'none'))).toEqual([]);
  });

  it('no .gitignore at all: .env is reported', () => {
    const dir = repo({ '.env': 'A=1\n' }, [], 'none');
    expect(found(committed(dir))).toEqual(['envFileNotIgnored:.env']);
  });
});

describe('no-committed-env-files: re-linted after .gitignore / index / env files change (the docs say the cached result is dropped)', () => {
  it('fixing .gitignore, creating a new env file, tracking a file', async () => {
    const dir = repo({ '.env': 'A=1\n', '.gitignore': 'node_modules\n' });
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-committed-env-files': 'error' } },
    ];
    const run = () => found(linter.verify(ENTRY_CODE, config, { filename: join(dir, 'src/index.ts') }));
    expect(run()).toEqual(['envFileNotIgnored:.env']);
    await sleep(60);
    writeFileSync(join(dir, '.gitignore'), 'node_modules\n.env\n');
    expect(run()).toEqual([]);
    await sleep(60);
    writeFileSync(join(dir, '.env.staging'), 'A=1\n');
    expect(run()).toEqual(['envFileNotIgnored:.env.staging']);
    await sleep(60);
    execFileSync('git', ['add', '--force', '--', '.env'], { cwd: dir });
    expect(run()).toEqual(['envFileNotIgnored:.env.staging', 'trackedEnvFile:.env']);
    unlinkSync(join(dir, '.env.staging'));
    expect(run()).toEqual(['trackedEnvFile:.env']);
  });

  it('the documented fix: git rm --cached .env, then the ignore lines', () => {
    const dir = repo({ '.env': 'A=1\n', '.gitignore': 'node_modules\n' }, ['.env']);
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-committed-env-files': 'error' } },
    ];
    const run = () => found(linter.verify(ENTRY_CODE, config, { filename: join(dir, 'src/index.ts') }));
    expect(run()).toEqual(['trackedEnvFile:.env']);
    execFileSync('git', ['rm', '-q', '--cached', '.env'], { cwd: dir });
    expect(run()).toEqual(['envFileNotIgnored:.env']);
    writeFileSync(join(dir, '.gitignore'), 'node_modules\n.env\n.env.*\n!.env.example\n');
    expect(run()).toEqual([]);
    // a secret pasted into a new .env.example is seen at once
    writeFileSync(join(dir, '.env.example'), `GITHUB_TOKEN=${gh}\n`);
    expect(run()).toEqual(['secretInEnvExample:.env.example']);
  });

  it('outside git: editing .gitignore is seen on the next lint', () => {
    const dir = repo({ '.env': 'A=1\n' }, [], 'none');
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-committed-env-files': 'error' } },
    ];
    const run = () => found(linter.verify(ENTRY_CODE, config, { filename: join(dir, 'src/index.ts') }));
    expect(run()).toEqual(['envFileNotIgnored:.env']);
    writeFileSync(join(dir, '.gitignore'), '.env\n');
    expect(run()).toEqual([]);
  });
});


// =====================================================================================================================
// Rule bugs found by this file, each fixed since: each case states the documented behaviour (the comment says what
// the rule did before).
// =====================================================================================================================
describe('gaps found by the held-out set, fixed', () => {
  // env-example-in-sync, "This rule finds every read … and aliases": expected a report for P_DEFAULT; actual none (only an import *named* `process` is followed).
  it('env-example-in-sync: import proc from "node:process"; proc.env.X', () => {
    const code = 'import proc from "node:process";\nexport const a = proc.env.P_DEFAULT;';
    expect(envSync(REPO, 'src/index.ts', code).map((m) => m.message)).toEqual([missing('P_DEFAULT')]);
  });

  // a const bound to `process` is the same object (noted by the held-out session as not followed; followed since)
  it('env-example-in-sync: const p = process; p.env.X', () => {
    const code = 'const p = process;\nexport const a = p.env.P_CONST;\nconst { env: { P_NESTED } } = p;\nexport { P_NESTED };';
    expect(envSync(REPO, 'src/index.ts', code).map((m) => m.message)).toEqual([missing('P_CONST'), missing('P_NESTED')]);
  });

  // env-example-in-sync, "finds every read … aliases": expected a report for P_NAMESPACE; actual none.
  it('env-example-in-sync: import * as proc from "node:process"; proc.env.X', () => {
    const code = 'import * as proc from "node:process";\nexport const a = proc.env.P_NAMESPACE;';
    expect(envSync(REPO, 'src/index.ts', code).map((m) => m.message)).toEqual([missing('P_NAMESPACE')]);
  });

  // env-example-in-sync, "finds every read": expected a report for P_REQUIRE; actual none (`const { env } = require("node:process")` is followed, this is not).
  it('env-example-in-sync: require("node:process").env.X in a .cjs file', () => {
    const code = 'module.exports = { key: require("node:process").env.P_REQUIRE };';
    expect(envSync(REPO, 'src/config.cjs', code).map((m) => m.message)).toEqual([missing('P_REQUIRE')]);
  });

  // prefer-credential-injection, "when every read … only ends up in a credential header" / "Not reported: a key also used elsewhere":
  // expected no report for an exported constant (other modules can import the key); actual preferCredential.
  it('prefer-credential-injection: export const apiKey = process.env.KEY, used here only in a header', () => {
    const code = toolWith('export const apiKey = process.env.ACME_API_KEY;', 'fetch("https://api.acme.dev/v1", { headers: { Authorization: `Bearer ${apiKey}` } })');
    expect(cred(SDK, 'src/index.ts', code)).toEqual([]);
  });

  // prefer-credential-injection, "requests whose host is fixed": an exported headers object can be sent to any host by other modules;
  // expected no report; actual preferCredential, with a suggestion that strips Authorization from the exported object.
  it('prefer-credential-injection: export const headers = { Authorization: … } shared with other modules', () => {
    const code = toolWith('export const headers = { Authorization: `Bearer ${process.env.ACME_API_KEY}` };', 'fetch("https://api.acme.dev/v1", { headers })');
    expect(cred(SDK, 'src/index.ts', code)).toEqual([]);
  });

  // prefer-credential-injection, "Not reported: … `http:`, `localhost` …": expected no report for the loopback address; actual preferCredential with domain "127.0.0.1".
  it('prefer-credential-injection: https://127.0.0.1:8443 (loopback, i.e. localhost)', () => {
    const code = toolWith('', 'fetch("https://127.0.0.1:8443/v1", { headers: { Authorization: `Bearer ${process.env.ACME_API_KEY}` } })');
    expect(cred(SDK, 'src/index.ts', code)).toEqual([]);
  });

  // prefer-credential-injection, "the lowest version the package.json dependency range allows": the lowest of "^0.9.2 || ^1.0.0" is 0.9.2;
  // expected preferCredential; actual silent (any `||` range is treated as having no lower bound).
  it('prefer-credential-injection: dependency range "^0.9.2 || ^1.0.0" without node_modules', () => {
    const dir = project({ 'package.json': appPkg('^0.9.2 || ^1.0.0') });
    expect(cred(dir, 'src/index.ts', LINEAR_WORKER).map((m) => m.messageId)).toEqual(['preferCredential']);
  });

  // no-committed-env-files, "reports on the worker entry file — the file that creates new Worker()": in one long-lived process (editor,
  // eslint_d) the first entry keeps its claim after the worker moves to another file; expected b.ts to report; actual nobody reports.
  it('no-committed-env-files: the worker moves from a.ts to b.ts during an editor session', () => {
    const dir = project({ 'package.json': PKG, 'src/a.ts': ENTRY_CODE, 'src/b.ts': 'export {};\n', '.env': 'A=1\n' }, 'init', ['.env']);
    expect(found(committed(dir, 'src/a.ts', ENTRY_CODE))).toEqual(['trackedEnvFile:.env']);
    writeFileSync(join(dir, 'src/a.ts'), 'export {};\n');
    writeFileSync(join(dir, 'src/b.ts'), ENTRY_CODE);
    expect(committed(dir, 'src/a.ts', 'export {};\n')).toEqual([]);
    expect(found(committed(dir, 'src/b.ts', ENTRY_CODE))).toEqual(['trackedEnvFile:.env']);
  });
});
