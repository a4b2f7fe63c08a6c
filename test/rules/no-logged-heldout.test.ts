/**
 * Held-out check of `worker-auth/no-logged-secrets` against its contract (docs/rules/no-logged-secrets.md), on code a
 * Notion worker (`@notionhq/workers`) would contain: env secrets, OAuth access tokens and `Authorization` headers
 * reaching `console.*`, loggers, `process.stdout.write` and error messages, through the carriers the doc lists.
 *
 * Expectations come from the doc (and, where it is silent, from what a user of the rule would expect); cases where
 * the rule disagrees with the doc are kept at the end as `it.fails`, so the suite passes while the gap exists.
 * Tokens are built at run time (test/support/fake-tokens.ts); no message may contain one.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-secrets.js';
import plugin from '../../src/index.js';
import { fakeGenericSecret, fakeToken } from '../support/fake-tokens.js';
import { span as at } from '../support/positions.js';

const L = (...lines: string[]): string => lines.join('\n');
/** The span of `needle` inside the first occurrence of `around` in `code`. */
function within(code: string, around: string, needle: string): ReturnType<typeof at> {
  const start = code.indexOf(around);
  const offset = around.indexOf(needle);
  if (start < 0 || offset < 0) throw new Error(`"${needle}" in "${around}" not in the test code`);
  const lines = code.slice(0, start + offset).split('\n');
  const line = lines.length;
  const column = lines[lines.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}
const LOGGED = { messageId: 'secretLogged' as const };
const IN_ERROR = { messageId: 'secretInError' as const };

/** A worker module prelude: the SDK import, the worker and an OAuth handle (credentials from env, never logged). */
const PRELUDE = L(
  'import { Worker } from "@notionhq/workers";',
  'const worker = new Worker();',
  'const github = worker.oauth("github", {',
  '  authorizationEndpoint: "https://github.com/login/oauth/authorize",',
  '  tokenEndpoint: "https://github.com/login/oauth/access_token",',
  '  scope: "repo",',
  '  clientId: process.env.GITHUB_CLIENT_ID ?? "",',
  '  clientSecret: process.env.GITHUB_CLIENT_SECRET ?? "",',
  '});',
);
const W = (...body: string[]): string => L(PRELUDE, ...body);

// --- code with asserted locations ------------------------------------------------------------------------------------
const toolEnv = W(
  'worker.tool("syncIssues", {',
  '  description: "Copy GitHub issues into a Notion database",',
  '  execute: async (input: { repo: string }, { notion }) => {',
  '    console.log("syncing", input.repo, "with", process.env.GITHUB_TOKEN);',
  '    return { ok: true };',
  '  },',
  '});',
);
const toolOauth = W(
  'worker.tool("listRepos", {',
  '  description: "List the repositories of the connected GitHub account",',
  '  execute: async (_input, { notion }) => {',
  '    const token = await github.accessToken();',
  '    logger.debug(`github token ${token}`);',
  '    const res = await fetch("https://api.github.com/user/repos", { headers: { Authorization: `Bearer ${token}` } });',
  '    return res.json();',
  '  },',
  '});',
);
const headerHandler = L(
  'export function authenticate(req: { headers: Record<string, string | undefined> }) {',
  '  if (req.headers.authorization !== `Bearer ${process.env.WEBHOOK_SECRET}`) {',
  '    log.warn(`rejected webhook, got ${req.headers.authorization}`);',
  '    return false;',
  '  }',
  '  return true;',
  '}',
);
const errorTemplate = L(
  'export async function loadCustomer(id: string) {',
  '  const key = process.env.STRIPE_SECRET_KEY!;',
  '  const res = await fetch(`https://api.stripe.com/v1/customers/${id}`, { headers: { Authorization: `Bearer ${key}` } });',
  '  if (!res.ok) throw new Error(`Stripe rejected ${key}: ${res.status}`);',
  '  return res.json();',
  '}',
);
const headersLogged = W(
  'worker.capability("postComment", {',
  '  execute: async (input: { body: string }) => {',
  '    const headers = { "Content-Type": "application/json", Authorization: `Bearer ${await github.accessToken()}` };',
  '    console.info("POST /issues/comments", headers);',
  '    return fetch("https://api.github.com/repos/o/r/issues/1/comments", { method: "POST", headers, body: input.body });',
  '  },',
  '});',
);
const twoSecrets = 'console.log("db", process.env.DB_PASSWORD, "stripe", process.env.STRIPE_SECRET_KEY);';
const stdoutLine = 'process.stdout.write(`GITHUB_TOKEN=${process.env.GITHUB_TOKEN}\\n`);';

const ts = new RuleTester();

ts.run('no-logged-secrets held-out (typescript)', rule, {
  valid: [
    // says whether it is set, not what it is
    'console.log("GITHUB_TOKEN set:", Boolean(process.env.GITHUB_TOKEN));',
    'const key = process.env.STRIPE_SECRET_KEY;\nconsole.log("key type", typeof key, "length", key?.length);',
    'const pw = process.env.DB_PASSWORD;\nconsole.log(pw === undefined, pw !== "", pw == null);',
    'const token = process.env.GITHUB_TOKEN;\nconsole.log(`token ${token ? "present" : "missing"}`);',
    'const token = process.env.API_TOKEN;\nlog.info({ hasToken: Boolean(token), tokenLength: token?.length ?? 0 });',
    'const key = process.env.OPENAI_API_KEY ?? "";\nconsole.log("key prefix", key.slice(0, 4), "masked", mask(key), "fp", hash(key));',
    'import { createHash } from "node:crypto";\nconst key = process.env.API_KEY ?? "";\nlogger.info("key fingerprint", createHash("sha256").update(key).digest("hex"));',
    'console.log("has GITHUB_TOKEN:", "GITHUB_TOKEN" in process.env);',
    // not secrets by name (doc: PUBLIC_KEY, OAUTH_CLIENT_ID, TOKEN_URL, SECRET_NAME; ids and urls)
    'console.log(process.env.NODE_ENV, process.env.PORT, process.env.LOG_LEVEL);\nlogger.info(`calling ${process.env.API_URL} and ${process.env.API_BASE_URL}`);',
    'console.log(process.env.NOTION_DATABASE_ID, process.env.OAUTH_CLIENT_ID, process.env.GITHUB_CLIENT_ID);\nconsole.log(process.env.PUBLIC_KEY, process.env.TOKEN_URL, process.env.SECRET_NAME);',
    'console.log(process.env.GITHUB_APP_ID, process.env.OAUTH_REDIRECT_URI, process.env.TOKEN_ENDPOINT, process.env.AUTH_DOMAIN, process.env.PASSWORD_MIN_LENGTH, process.env.API_KEY_HEADER, process.env.STRIPE_PUBLISHABLE_KEY);',
    // a header presence check, a Bearer prefix stripped only to measure it
    'export function h(req: { headers: Record<string, string> }) {\n  const auth = req.headers.authorization;\n  const token = auth?.replace("Bearer ", "");\n  console.log(auth ? "has auth" : "none", token?.length);\n}',
    'console.log(process.env.API_KEY ? "set" : "missing", process.env.API_KEY?.slice(-4));',
    // names of variables, not values
    'console.error("GITHUB_TOKEN is not set; add it to .env and run `ntn workers env push`");',
    'if (!process.env.OPENAI_API_KEY) throw new Error("OPENAI_API_KEY is not set");',
    'const missing = ["GITHUB_TOKEN", "STRIPE_SECRET_KEY"].filter((n) => !process.env[n]);\nif (missing.length) throw new Error(`Missing env: ${missing.join(", ")}`);',
    // "any other call" is not reported
    'console.log("env names", Object.keys(process.env));',
    // a local `console` is not the global one
    'export function run(console: { log(...a: unknown[]): void }) {\n  console.log(process.env.GITHUB_TOKEN);\n}',
    // bare functions are loggers only through the `loggers` option
    'function log(value: string) {\n  return cache.set("last", value);\n}\nlog(process.env.API_TOKEN ?? "");',
    // not log sinks
    'analytics.track("login", { token: process.env.API_TOKEN });\ncache.set("token", process.env.API_TOKEN);',
    W('worker.tool("whoami", {', '  execute: async () => {', '    const token = await github.accessToken();', '    const res = await fetch("https://api.github.com/user", { headers: { Authorization: `Bearer ${token}` } });', '    console.log("github status", res.status);', '    return res.json();', '  },', '});'),
    // non-credential headers
    'export function h(request: Request, req: { headers: Record<string, string> }) {\n  console.log(request.headers.get("content-type"), request.headers.get("user-agent"));\n  logger.info("ua", req.headers["user-agent"]);\n}',
    // reassigned: what is logged is not known
    'let token = process.env.API_TOKEN;\ntoken = "[redacted]";\nconsole.log(token);',
    // checkErrors: false
    { code: 'if (!ok) throw new Error(`bad key ${process.env.API_KEY}`);\nthrow `cannot connect with ${process.env.DB_PASSWORD}`;', options: [{ checkErrors: false }] },
  ],
  invalid: [
    // --- sources -----------------------------------------------------------------------------------------------------
    { code: toolEnv, errors: [{ ...LOGGED, ...at(toolEnv, 'process.env.GITHUB_TOKEN') }] },
    { code: toolOauth, errors: [{ ...LOGGED, ...within(toolOauth, '${token}`);', 'token') }] },
    { code: headerHandler, errors: [{ ...LOGGED, ...within(headerHandler, 'got ${req.headers.authorization}', 'req.headers.authorization') }] },
    { code: headersLogged, errors: [{ ...LOGGED, ...within(headersLogged, '", headers);', 'headers') }] },
    { code: 'const { DB_PASSWORD } = process.env;\nlog.error("db connect failed", { password: DB_PASSWORD });', errors: [LOGGED] },
    { code: 'const { GITHUB_TOKEN: ghToken } = process.env;\nconsole.debug("gh", ghToken);', errors: [LOGGED] },
    { code: 'console.warn(process.env["WEBHOOK_SECRET"]);', errors: [LOGGED] },
    {
      code: 'console.log(process.env.JWT_SECRET, process.env.ENCRYPTION_KEY, process.env.PRIVATE_KEY, process.env.AWS_SECRET_ACCESS_KEY, process.env.GITHUB_CLIENT_SECRET, process.env.TWILIO_AUTH_TOKEN, process.env.PASSPHRASE);',
      errors: [LOGGED, LOGGED, LOGGED, LOGGED, LOGGED, LOGGED, LOGGED],
    },
    { code: 'import process from "node:process";\nconsole.log(process.env.GITHUB_TOKEN);', errors: [LOGGED] },
    { code: 'const { GITHUB_TOKEN } = process.env as Record<string, string>;\nconsole.log({ GITHUB_TOKEN });', errors: [LOGGED] },
    { code: 'export const config = { token: process.env.API_TOKEN, port: 3000 };\nconsole.log("config", config);', errors: [LOGGED] },
    { code: 'console.dir({ env: process.env }, { depth: null });', errors: [LOGGED] },
    { code: 'export async function run(ctx: { oauth: { accessToken(): Promise<string> } }) {\n  logger.info(`token: ${await ctx.oauth.accessToken()}`);\n}', errors: [LOGGED] },
    { code: 'declare const auth: { getAccessToken(): Promise<string> };\nconst t = await auth.getAccessToken();\nconsole.debug({ t });', errors: [LOGGED] },
    { code: 'export function h(req: { headers?: Record<string, string> }) {\n  console.log(req.headers?.authorization);\n}', errors: [LOGGED] },
    { code: 'export async function POST(request: Request) {\n  console.error("bad auth", request.headers.get("Authorization"));\n}', errors: [LOGGED] },
    { code: 'export function h(req: { headers: Record<string, string> }) {\n  const { authorization } = req.headers;\n  console.log(authorization);\n}', errors: [LOGGED] },
    { code: 'export function h(req: { headers: Record<string, string> }) {\n  const apiKey = req.headers["x-api-key"];\n  logger.warn({ apiKey }, "unknown key");\n}', errors: [LOGGED] },
    { code: 'const init = { method: "POST", headers: { "X-API-Key": process.env.RESEND_API_KEY ?? "" } };\nlogger.debug("request", init);', errors: [LOGGED] },
    // --- sinks -------------------------------------------------------------------------------------------------------
    { code: 'const apiKey = process.env.LINEAR_API_KEY;\nlogger.debug({ apiKey }, "calling Linear");', errors: [LOGGED] },
    { code: 'logger.log("info", `key=${process.env.SENDGRID_API_KEY}`);', errors: [LOGGED] },
    {
      code: L(
        'class GithubClient {',
        '  constructor(private readonly logger: { warn(...a: unknown[]): void }) {}',
        '  fetchRepo() {',
        '    const token = process.env.GITHUB_TOKEN;',
        '    this.logger.warn("retrying with", token);',
        '  }',
        '}',
      ),
      errors: [LOGGED],
    },
    { code: 'export function handler(ctx: { log: { info(m: string): void } }) {\n  ctx.log.info(`secret ${process.env.SLACK_SIGNING_SECRET}`);\n}', errors: [LOGGED] },
    { code: 'appLogger.error("auth failed", process.env.AUTH_TOKEN);\nrequestLog.fatal({ key: process.env.STRIPE_KEY });\nlog.verbose(`pw ${process.env.DB_PASSWORD}`);', errors: [LOGGED, LOGGED, LOGGED] },
    { code: stdoutLine, errors: [{ ...LOGGED, ...at(stdoutLine, 'process.env.GITHUB_TOKEN') }] },
    { code: 'process.stderr.write(JSON.stringify({ level: "error", apiKey: process.env.API_KEY }) + "\\n");', errors: [LOGGED] },
    { code: 'console.table([{ name: "github", token: process.env.GITHUB_TOKEN }]);\nconsole.group(`Run with ${process.env.API_TOKEN}`);', errors: [LOGGED, LOGGED] },
    { code: 'const token = process.env.API_TOKEN ?? "";\nconsole.assert(token.length > 20, "unexpected token", token);', errors: [LOGGED] },
    // --- errors ------------------------------------------------------------------------------------------------------
    { code: errorTemplate, errors: [{ ...IN_ERROR, ...within(errorTemplate, 'rejected ${key}', 'key') }] },
    { code: 'class NotionSyncError extends Error {}\nconst key = process.env.NOTION_API_KEY;\nthrow new NotionSyncError("sync failed for key " + key);', errors: [IN_ERROR] },
    { code: 'export function fail() {\n  return Promise.reject(Error(`bad ${process.env.DB_PASSWORD}`));\n}', errors: [IN_ERROR] },
    { code: 'throw `Stripe key ${process.env.STRIPE_SECRET_KEY} is invalid`;', errors: [IN_ERROR] },
    { code: 'throw { status: 401, token: process.env.API_TOKEN };', errors: [IN_ERROR] },
    { code: 'console.error(new Error(`bad ${process.env.API_TOKEN}`));', errors: [IN_ERROR] },
    { code: 'const headers = { Authorization: `Bearer ${process.env.API_TOKEN}` };\nthrow new Error("request failed: " + JSON.stringify(headers));', errors: [IN_ERROR] },
    // --- TypeScript wrappers, parentheses, optional chaining ---------------------------------------------------------
    { code: 'console.log(process.env.GITHUB_TOKEN as string, <string>process.env.API_KEY);', errors: [LOGGED, LOGGED] },
    { code: 'console.log(((process.env.API_SECRET)));', errors: [LOGGED] },
    // --- carriers ----------------------------------------------------------------------------------------------------
    { code: 'const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN || "";\nconsole.log(token);', errors: [LOGGED] },
    { code: 'const token = process.env.API_TOKEN;\nexport function f(verbose: boolean) {\n  console.log(verbose ? token : "[hidden]");\n}', errors: [LOGGED] },
    { code: 'console.log("key: " + String(process.env.API_KEY));', errors: [LOGGED] },
    { code: 'const basic = btoa(`user:${process.env.DB_PASSWORD}`);\nconsole.log("auth", basic);', errors: [LOGGED] },
    { code: 'const url = `https://example.com/hook?token=${encodeURIComponent(process.env.WEBHOOK_TOKEN ?? "")}`;\nconsole.log("calling", url);', errors: [LOGGED] },
    { code: 'const token = process.env.API_TOKEN ?? "";\nconsole.log(token.toString(), token.trim().toUpperCase());', errors: [LOGGED, LOGGED] },
    { code: 'const args = ["key", process.env.API_KEY];\nconsole.log(...args);', errors: [LOGGED] },
    { code: 'const a = process.env.API_SECRET;\nconst b = a;\nconst c = `Bearer ${b}`;\nconsole.log(c);', errors: [LOGGED] },
    { code: twoSecrets, errors: [{ ...LOGGED, ...at(twoSecrets, 'process.env.DB_PASSWORD') }, { ...LOGGED, ...at(twoSecrets, 'process.env.STRIPE_SECRET_KEY') }] },
    // --- options -----------------------------------------------------------------------------------------------------
    { code: 'audit.info(process.env.API_TOKEN);\ndebugLog(`key ${process.env.API_KEY}`);', options: [{ loggers: ['audit', 'debugLog'] }], errors: [LOGGED, LOGGED] },
    { code: 'console.log(process.env.API_TOKEN);\nthrow new Error(process.env.API_TOKEN);', options: [{ checkErrors: false }], errors: [LOGGED] },
    { code: 'export class Sync {\n  constructor(private audit: { warn(m: string): void }) {}\n  run() {\n    this.audit.warn(`key ${process.env.API_KEY}`);\n  }\n}', options: [{ loggers: ['audit'] }], errors: [LOGGED] },
  ],
});

// --- espree, `.js` ---------------------------------------------------------------------------------------------------
const jsWorker = L(
  'import { Worker } from "@notionhq/workers";',
  'const worker = new Worker();',
  'const linear = worker.oauth("linear", { clientId: process.env.LINEAR_CLIENT_ID, clientSecret: process.env.LINEAR_CLIENT_SECRET });',
  'worker.tool("myIssues", {',
  '  execute: async (input, { notion }) => {',
  '    const token = await linear.accessToken();',
  '    console.log("linear", { token });',
  '    return [];',
  '  },',
  '});',
);
const jsError = 'function connect() {\n  const { DB_PASSWORD } = process.env;\n  throw new Error("cannot connect as admin:" + DB_PASSWORD);\n}';
const js = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } });

js.run('no-logged-secrets held-out (espree, .js)', rule, {
  valid: [
    { code: 'console.log("GITHUB_TOKEN set:", Boolean(process.env.GITHUB_TOKEN));', filename: 'worker.js' },
    { code: 'function f(console) {\n  console.log(process.env.API_TOKEN);\n}', filename: 'worker.js' },
  ],
  invalid: [
    { code: jsWorker, filename: 'worker.js', errors: [{ ...LOGGED, ...within(jsWorker, '{ token }', 'token') }] },
    { code: jsError, filename: 'worker.js', errors: [{ ...IN_ERROR, ...within(jsError, '+ DB_PASSWORD', 'DB_PASSWORD') }] },
    { code: 'const init = { headers: { Authorization: `Bearer ${process.env.API_TOKEN}` } };\nconsole.dir(init);', filename: 'worker.js', errors: [LOGGED] },
    { code: 'const pino = require("pino");\nconst logger = pino();\nlogger.info({ apiKey: process.env.API_KEY }, "start");', filename: 'worker.js', errors: [LOGGED] },
    { code: 'throw `bad password ${process.env.DB_PASSWORD}`;', filename: 'worker.js', errors: [IN_ERROR] },
    { code: 'export function h(req) {\n  log.error("auth", req.headers.authorization);\n}', filename: 'worker.js', errors: [LOGGED] },
  ],
});

// --- messages: name the expression, never the value ------------------------------------------------------------------
type Lang = 'ts' | 'js';
function lint(code: string, options: { lang?: Lang; ruleOptions?: Record<string, unknown>; recommended?: boolean } = {}): Linter.LintMessage[] {
  const lang = options.lang ?? 'ts';
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }];
  if (options.recommended) config.push(plugin.configs.recommended);
  else {
    config.push({
      plugins: { 'worker-auth': plugin as never },
      rules: { 'worker-auth/no-logged-secrets': options.ruleOptions ? ['error', options.ruleOptions] : 'error' },
    });
  }
  const messages = linter.verify(code, config, { filename: lang === 'ts' ? 'src/worker.ts' : 'src/worker.js' });
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  return messages;
}

describe('no-logged-secrets held-out: messages', () => {
  const GH = fakeToken('github-classic-pat', 61);
  const STRIPE = fakeToken('stripe-secret-key', 62);
  const GENERIC = fakeGenericSecret(63);
  const partsOf = (token: string): string[] => [token, token.slice(4, 16), token.slice(-12)];

  it('a hardcoded env fallback that is logged is named, not printed', () => {
    const code = `const token = process.env.GITHUB_TOKEN ?? "${GH}";\nconsole.log("token", token);`;
    const messages = lint(code);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('`token`');
    expect(messages[0]!.message).toContain('GITHUB_TOKEN');
    for (const part of partsOf(GH)) expect(messages[0]!.message).not.toContain(part);
  });

  it('an Authorization header made of literals only is left to no-hardcoded-secrets, as a literal one is (.js)', () => {
    // the token is written in the code: no-hardcoded-secrets reports it once, where it is written
    const code = `const headers = { Authorization: "Bearer " + "${STRIPE}" };\nconsole.log(headers);`;
    expect(lint(code, { lang: 'js' })).toEqual([]);
    const computed = `export function f(key) {\n  const headers = { Authorization: "Bearer " + key };\n  console.log(headers);\n}`;
    const messages = lint(computed, { lang: 'js' });
    expect(messages.map((m) => m.ruleId)).toEqual(['worker-auth/no-logged-secrets']);
    expect(messages[0]).toMatchObject({ line: 3, column: 15 });
  });

  it('an error message holding a literal secret and an env secret names only the env variable', () => {
    const code = `const k = process.env.API_KEY ?? "${GENERIC}";\nthrow new Error(\`key \${k} != ${GENERIC}\`);`;
    const messages = lint(code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ messageId: 'secretInError', line: 2 });
    for (const part of partsOf(GENERIC)) expect(messages[0]!.message).not.toContain(part);
  });

  it('names the sink and the source of an OAuth access token', () => {
    const messages = lint(toolOauth);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toMatch(/`token`/);
    expect(messages[0]!.message.toLowerCase()).toContain('access token');
    expect(messages[0]!.message).toContain('logger.debug');
  });

  it('is on in the recommended config, for .ts and .js', () => {
    expect(lint('console.log(process.env.GITHUB_TOKEN);', { recommended: true }).map((m) => m.ruleId)).toContain('worker-auth/no-logged-secrets');
    expect(lint('console.log(process.env.GITHUB_TOKEN);', { recommended: true, lang: 'js' }).map((m) => m.ruleId)).toContain('worker-auth/no-logged-secrets');
  });
});

// --- gaps this held-out set found (each fixed in the rule; the comment says what it did before) ---------------------
const reports = (code: string, ruleOptions?: Record<string, unknown>): string[] =>
  lint(code, { ruleOptions }).filter((m) => m.ruleId === 'worker-auth/no-logged-secrets').map((m) => m.messageId ?? '');

describe('gaps found by the held-out set, fixed', () => {
  // doc lists `getAccessToken()` as a source; expected 1 report, actual none (only `x.getAccessToken()` is a source)
  it('a bare getAccessToken() result is a source', () => {
    expect(reports('const token = await getAccessToken();\nconsole.log(token);')).toEqual(['secretLogged']);
  });
  // doc: thrown strings are sinks and constants carry their source; expected 1 report, actual none (`throw <identifier>` is skipped)
  it('a thrown string held in a constant', () => {
    expect(reports('const message = "bad token " + process.env.GITHUB_TOKEN;\nthrow message;')).toEqual(['secretInError']);
  });
  // doc: `JSON.stringify()` is a carrier and thrown values are sinks; expected 1 report, actual none (`throw <call>` is skipped)
  it('a thrown JSON.stringify() of a secret', () => {
    expect(reports('throw JSON.stringify({ error: "unauthorized", key: process.env.API_KEY });')).toEqual(['secretInError']);
  });
  // doc: `x ? "set" : "missing"` is fine; expected none, actual 1 (any non-literal under an `Authorization` key is reported)
  it('a redacted Authorization header (conditional of literals) is fine', () => {
    expect(reports('const token = process.env.API_TOKEN;\nlogger.debug("request", { headers: { Authorization: token ? "Bearer [redacted]" : "none" } });')).toEqual([]);
  });
  // doc: `mask(x)` and any other call are not reported; expected none, actual 1 (same `Authorization` key fallback)
  it('a masked Authorization header is fine', () => {
    expect(reports('const token = process.env.API_TOKEN ?? "";\nlogger.debug("request", { headers: { Authorization: mask(token) } });')).toEqual([]);
  });
  // doc: `checkErrors` "also" reports error messages; expected 1 secretLogged with it off, actual none (console.error(new Error(secret)) vanishes)
  it('with checkErrors off, an Error passed to console.error is still a log', () => {
    expect(reports('console.error(new Error(`bad ${process.env.API_TOKEN}`));', { checkErrors: false })).toEqual(['secretLogged']);
  });
  // doc lists `this.logger`; expected 1 report for the private field `this.#logger`, actual none
  it('a private #logger field is a logger', () => {
    expect(reports('export class S {\n  #logger = console;\n  run() {\n    this.#logger.warn(process.env.API_TOKEN);\n  }\n}')).toEqual(['secretLogged']);
  });
  // doc: "any …Logger"; expected 1 report for NestJS-style static `Logger.error`, actual none (only lower-case `logger`/`xLogger`)
  it('a static Logger class is a logger', () => {
    expect(reports('Logger.error("auth failed", process.env.API_TOKEN);')).toEqual(['secretLogged']);
  });
  // doc: sources are `process.env` reads; expected 1 report for a nested destructuring of `process`, actual none
  it('nested destructuring const { env: { API_KEY } } = process', () => {
    expect(reports('const { env: { API_KEY } } = process;\nconsole.log(API_KEY);')).toEqual(['secretLogged']);
  });
  // doc names DB_PASSWORD; expected the common abbreviation DB_PASS to be a credential name too, actual not reported
  it('DB_PASS is a credential name', () => {
    expect(reports('console.log(process.env.DB_PASS);')).toEqual(['secretLogged']);
  });
  // doc: `TOKEN_URL` is not a secret by name; expected TOKEN_TTL_SECONDS (a duration) to be fine too, actual reported
  it('TOKEN_TTL_SECONDS is not a credential name', () => {
    expect(reports('console.log("ttl", process.env.TOKEN_TTL_SECONDS);')).toEqual([]);
  });
  // beyond the doc's letter: expected 1 report for a property of a constant bound to an object holding a secret, actual none
  it('a property of a config constant that holds a secret', () => {
    expect(reports('const config = { githubToken: process.env.GITHUB_TOKEN ?? "" };\nconsole.log(config.githubToken);')).toEqual(['secretLogged']);
  });
  // doc: a `loggers` entry may be "a function that logs"; expected 1 report when called through a namespace, actual none
  it('a custom logger function called through a namespace', () => {
    expect(reports('helpers.debugLog(process.env.API_TOKEN);', { loggers: ['debugLog'] })).toEqual(['secretLogged']);
  });
  // pino child loggers: expected 1 report for `logger.child(…).info(secret)`, actual none (the callee object is a call)
  it('a child logger is a logger', () => {
    expect(reports('logger.child({ module: "sync" }).info({ token: process.env.API_TOKEN });')).toEqual(['secretLogged']);
  });
});

describe('names of numbers and short password names', () => {
  it('a unit of time or a count ends the name of a number, not a secret', () => {
    expect(reports('console.log(process.env.TOKEN_TTL_SECONDS, process.env.SESSION_MAX_AGE_MS, process.env.LOGIN_RETRIES);')).toEqual([]);
  });
  it('`_PASS` and `_PW` at the end of a name are passwords', () => {
    expect(reports('console.log(process.env.DB_PASS);\nconsole.log(process.env.MQTT_PW);')).toEqual(['secretLogged', 'secretLogged']);
  });
});
