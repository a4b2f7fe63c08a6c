import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-secrets.js';
import plugin from '../../src/index.js';
import { fakeToken } from '../support/fake-tokens.js';
import { span as at } from '../support/positions.js';


const env = (name: string): string => `\`process.env.${name}\``;
const via = (variable: string, what: string): string => `\`${variable}\` (it holds ${what})`;
const logged = (what: string, sink: string) => ({ messageId: 'secretLogged' as const, data: { what, sink } });
const inError = (what: string, sink: string) => ({ messageId: 'secretInError' as const, data: { what, sink } });

const direct = 'console.log(process.env.GITHUB_TOKEN);';
const template = 'console.error(`token=${process.env.API_KEY} failed`);';
const shorthand = 'const token = process.env.SLACK_BOT_TOKEN;\nlogger.info("starting", { token });';
const destructured = 'const { DB_PASSWORD } = process.env;\nconsole.debug("db", DB_PASSWORD);';
const accessToken = 'declare const oauth: { accessToken(): Promise<string> };\nconst token = await oauth.accessToken();\nconsole.log("got", token);';
const accessTokenDirect = 'declare const github: { accessToken(): Promise<string> };\nconsole.log(await github.accessToken());';
const headersObject = 'export function call(token: string) {\n  const headers = { Authorization: `Bearer ${token}` };\n  console.log("request", headers);\n}';
const headerRead = 'export function h(req: { headers: Record<string, string> }) {\n  console.log(req.headers.authorization);\n}';
const headerGet = 'export function h(request: Request) {\n  log.warn("key", request.headers.get("x-api-key"));\n}';
const thrown = 'throw new Error(`Login failed with ${process.env.API_PASSWORD}`);';
const thrownString = 'throw `bad key ${process.env.STRIPE_KEY}`;';
const stdout = 'process.stdout.write(process.env.WEBHOOK_SECRET + "\\n");';
const wholeEnv = 'console.log("env", process.env);';
const thisLogger = 'export class C {\n  logger = console;\n  run() {\n    this.logger.error("x", JSON.stringify({ auth: process.env.API_TOKEN }));\n  }\n}';
const two = 'console.log("a", process.env.A_TOKEN, "b", process.env.B_SECRET);';
const chained = 'const key = process.env.OPENAI_API_KEY ?? "";\nconst header = "Bearer " + key;\nconsole.info(header);';
const custom = 'audit.info(process.env.API_TOKEN);\ndebugLog(process.env.API_TOKEN);';
const callError = 'reject(Error("no access with " + process.env.API_SECRET));';

const ts = new RuleTester();

ts.run('no-logged-secrets (typescript-eslint parser)', rule, {
  valid: [
    'console.log("token set:", Boolean(process.env.GITHUB_TOKEN));',
    'console.log(!!process.env.API_KEY, process.env.API_KEY?.length, typeof process.env.API_KEY);',
    'console.log(process.env.NODE_ENV, process.env.PORT, process.env.NOTION_DATABASE_ID);',
    // names that say the value is not the secret itself
    'console.log(process.env.PUBLIC_KEY, process.env.OAUTH_CLIENT_ID, process.env.TOKEN_URL, process.env.SECRET_NAME);',
    'logger.info(`using ${process.env.API_BASE_URL}`);',
    'const token = process.env.GITHUB_TOKEN;\nconsole.log(token ? "token set" : "token missing");',
    'const token = process.env.GITHUB_TOKEN;\nconsole.log(token === undefined, token?.slice(0, 4), mask(token));',
    'declare const oauth: { accessToken(): Promise<string> };\nconst token = await oauth.accessToken();\nawait fetch("https://api.example.com", { headers: { Authorization: `Bearer ${token}` } });',
    'throw new Error("GITHUB_TOKEN is not set: add it to .env");',
    'if (!process.env.API_KEY) throw new Error(`API_KEY is missing`);',
    // a local `console` is not the global one
    'export function f(console: { log(...a: unknown[]): void }) { console.log(process.env.API_TOKEN); }',
    // reassigned: the value logged is not known
    'let token = process.env.API_TOKEN;\ntoken = "redacted";\nconsole.log(token);',
    // not a logger
    'myService.info(process.env.API_TOKEN);\nlogger.child({ token: process.env.API_TOKEN });',
    'console.log({ Authorization: "<redacted>" });',
    { code: 'throw new Error(`bad ${process.env.API_TOKEN}`);', options: [{ checkErrors: false }] },
  ],
  invalid: [
    { code: direct, errors: [{ ...logged(env('GITHUB_TOKEN'), 'console.log'), ...at(direct, 'process.env.GITHUB_TOKEN') }] },
    { code: template, errors: [{ ...logged(env('API_KEY'), 'console.error'), ...at(template, 'process.env.API_KEY') }] },
    { code: shorthand, errors: [{ ...logged(via('token', env('SLACK_BOT_TOKEN')), 'logger.info'), ...at(shorthand, 'token', 1) }] },
    { code: destructured, errors: [{ ...logged(via('DB_PASSWORD', env('DB_PASSWORD')), 'console.debug'), ...at(destructured, 'DB_PASSWORD', 1) }] },
    { code: accessToken, errors: [{ ...logged(via('token', 'an OAuth access token'), 'console.log'), ...at(accessToken, 'token', 1) }] },
    { code: accessTokenDirect, errors: [{ ...logged('An OAuth access token', 'console.log'), ...at(accessTokenDirect, 'github.accessToken()') }] },
    { code: headersObject, errors: [{ ...logged(via('headers', 'an `Authorization` header value'), 'console.log'), ...at(headersObject, 'headers', 1) }] },
    { code: headerRead, errors: [{ ...logged('An `authorization` header value', 'console.log'), ...at(headerRead, 'req.headers.authorization') }] },
    { code: headerGet, errors: [{ ...logged('An `x-api-key` header value', 'log.warn'), ...at(headerGet, 'request.headers.get("x-api-key")') }] },
    { code: thrown, errors: [{ ...inError(env('API_PASSWORD'), 'the message of `new Error()`'), ...at(thrown, 'process.env.API_PASSWORD') }] },
    { code: thrownString, errors: [{ ...inError(env('STRIPE_KEY'), 'a thrown value'), ...at(thrownString, 'process.env.STRIPE_KEY') }] },
    { code: callError, errors: [{ ...inError(env('API_SECRET'), 'the message of `Error()`'), ...at(callError, 'process.env.API_SECRET') }] },
    { code: stdout, errors: [{ ...logged(env('WEBHOOK_SECRET'), 'process.stdout.write'), ...at(stdout, 'process.env.WEBHOOK_SECRET') }] },
    { code: wholeEnv, errors: [{ ...logged('`process.env` (every variable, secrets included)', 'console.log'), ...at(wholeEnv, 'process.env') }] },
    { code: thisLogger, errors: [{ ...logged(env('API_TOKEN'), 'logger.error'), ...at(thisLogger, 'process.env.API_TOKEN') }] },
    {
      code: two,
      errors: [
        { ...logged(env('A_TOKEN'), 'console.log'), ...at(two, 'process.env.A_TOKEN') },
        { ...logged(env('B_SECRET'), 'console.log'), ...at(two, 'process.env.B_SECRET') },
      ],
    },
    { code: chained, errors: [{ ...logged(via('header', env('OPENAI_API_KEY')), 'console.info'), ...at(chained, 'header', 1) }] },
    {
      code: custom,
      options: [{ loggers: ['audit', 'debugLog'] }],
      errors: [
        { ...logged(env('API_TOKEN'), 'audit.info'), ...at(custom, 'process.env.API_TOKEN') },
        { ...logged(env('API_TOKEN'), 'debugLog'), ...at(custom, 'process.env.API_TOKEN', 1) },
      ],
    },
  ],
});

// --- espree, `.js` ---------------------------------------------------------------------------------------------
const cjs = 'const { API_TOKEN } = process.env;\nconsole.log(`token ${API_TOKEN}`);';
const typeError = 'function check(key) {\n  if (!key) throw new TypeError("missing key " + process.env.LINEAR_API_KEY);\n}';
const js = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } });

js.run('no-logged-secrets (espree, .js)', rule, {
  valid: [{ code: 'console.log("GITHUB_TOKEN set:", Boolean(process.env.GITHUB_TOKEN));', filename: 'worker.js' }],
  invalid: [
    { code: cjs, filename: 'worker.js', errors: [{ ...logged(via('API_TOKEN', env('API_TOKEN')), 'console.log'), ...at(cjs, 'API_TOKEN', 1) }] },
    { code: typeError, filename: 'worker.js', errors: [{ ...inError(env('LINEAR_API_KEY'), 'the message of `new TypeError()`'), ...at(typeError, 'process.env.LINEAR_API_KEY') }] },
  ],
});

// --- never prints a value ------------------------------------------------------------------------------------------
describe('no-logged-secrets output', () => {
  it('names variables, never values', () => {
    const token = fakeToken('github-classic-pat', 31);
    const code = `const token = process.env.GITHUB_TOKEN ?? "${token}";\nconsole.log(token);`;
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-logged-secrets': 'error' } }], {
      filename: 'worker.ts',
    });
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('`token` (it holds `process.env.GITHUB_TOKEN`)')]);
    for (const m of messages) expect(m.message.includes(token.slice(4, 12))).toBe(false);
  });
});
