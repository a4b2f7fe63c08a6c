/**
 * A third, independent leak hunt: routes the first two hunts (test/leak-hunt-heldout.test.ts,
 * test/leak-hunt-2-heldout.test.ts) did not try. Secrets reach message data through names the rules show (OAuth
 * keys and names, arctic class names, env names, logger and error names, scope text, endpoint hosts, ports and
 * paths), are re-cased, percent-encoded, base64-wrapped, cut across concatenations, line continuations, regex
 * literals and JSX entities; the codemod meets them in file and folder names, symlinks, existing `.env` lines, the
 * env names it would write, files that do not parse, and option errors.
 *
 * Every case asserts that the rule (or the codemod) still reports, and that no output holds the secret nor any run
 * of 8+ characters of its random part (compared without case and without punctuation). Real leaks and promised
 * reports that stay silent were kept as `it.fails` under `known gaps`; the nine found are fixed (their describe says so). Tokens are built at run time
 * (test/support/fake-tokens.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { main } from '../src/cli/codemod.js';
import { runCodemod } from '../codemods/run.js';
import transform from '../codemods/jscodeshift.js';
import { fakeGenericSecret, fakeToken } from './support/fake-tokens.js';

// ---------------------------------------------------------------------------------------------------------------
// Tokens (built at run time) and the leak check
// ---------------------------------------------------------------------------------------------------------------

interface Secret {
  readonly value: string;
  /** Characters the mask may show in front (`ghp_`): runs inside them are not a leak. */
  readonly prefix: number;
}

const GH = fakeToken('github-classic-pat', 31);
const ST = fakeToken('stripe-secret-key', 32);
const SL = fakeToken('slack-bot-token', 33);
const SG = fakeToken('sendgrid-api-key', 34);
const NO = fakeToken('notion-token', 35);
const G = fakeGenericSecret(36);
const G2 = fakeGenericSecret(37);
const AWS = fakeToken('aws-secret-access-key', 38);
const TW = fakeToken('twilio-auth-token', 39);
const PEM = fakeToken('pem-private-key', 40);
const ST2 = fakeToken('stripe-secret-key', 41);

/** Re-cased copies (the leak check compares without case, so they are checked against the secret itself). */
const GHL = GH.toLowerCase();
const GHU = GH.toUpperCase();
const SLU = SL.toUpperCase();
const SGU = SG.toUpperCase();

/** `client:<secret>` base64-wrapped, as a Basic credential. */
const BASIC = Buffer.from(`client:${G}`).toString('base64');

const S = {
  GH: { value: GH, prefix: 4 },
  ST: { value: ST, prefix: 8 },
  ST2: { value: ST2, prefix: 8 },
  SL: { value: SL, prefix: 5 },
  SG: { value: SG, prefix: 3 },
  NO: { value: NO, prefix: 4 },
  G: { value: G, prefix: 0 },
  G2: { value: G2, prefix: 0 },
  AWS: { value: AWS, prefix: 0 },
  TW: { value: TW, prefix: 0 },
  PEM: { value: PEM, prefix: 32 },
  BASIC: { value: BASIC, prefix: 0 },
} satisfies Record<string, Secret>;

const fold = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** What of `secret` shows in `output`: the whole value, or 8-character runs of its random part. Empty: no leak. */
function leaksOf(output: string, secret: Secret): string[] {
  const found: string[] = [];
  if (output.includes(secret.value)) found.push('<whole value>');
  const haystack = fold(output);
  const body = fold(secret.value.slice(secret.prefix));
  for (let i = 0; i + 8 <= body.length; i++) {
    const run = body.slice(i, i + 8);
    if (haystack.includes(run)) {
      found.push(run);
      i += 7;
    }
  }
  return found;
}

function expectNoLeak(outputs: string | readonly string[], ...secrets: Secret[]): void {
  const text = typeof outputs === 'string' ? outputs : outputs.join('\n');
  for (const secret of secrets) {
    const found = leaksOf(text, secret);
    expect(found, `leak of a ${secret.value.length}-character secret in:\n${text.slice(0, 4000)}`).toEqual([]);
  }
}

describe('the leak check', () => {
  it('sees a whole value, a re-cased copy, a percent-split copy, and ignores the mask', () => {
    expect(leaksOf(`x ${GH} y`, S.GH)).not.toEqual([]);
    expect(leaksOf(GHL, S.GH)).not.toEqual([]);
    expect(leaksOf(encodeURIComponent(`${G.slice(0, 12)}/${G.slice(12)}`), S.G)).not.toEqual([]);
    expect(leaksOf(G.slice(5, 14), S.G)).not.toEqual([]);
    expect(leaksOf(`${GH.slice(0, 4)}…${GH.slice(-4)} ${G.slice(0, 0)}…${G.slice(-4)} ${SG.slice(0, 3)}…${SG.slice(-4)}`, S.GH)).toEqual([]);
    expect(leaksOf(`…${G.slice(-4)}`, S.G)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Projects on disk
// ---------------------------------------------------------------------------------------------------------------

const root = mkdtempSync(join(tmpdir(), 'wa-leak-hunt-3-'));
const outside = mkdtempSync(join(tmpdir(), 'wa-leak-hunt-3-out-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

let projects = 0;
function project(files: Record<string, string | Buffer>, at?: string): string {
  const dir = at ?? join(root, `p${++projects}`);
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const WORKER_PKG = JSON.stringify({ name: 'w', dependencies: { '@notionhq/workers': '^0.9.2' } });
const LINT_PROJECT = project({ 'package.json': WORKER_PKG, '.env.example': 'KNOWN=\n', '.gitignore': '.env\n.env.*\n!.env.example\n', 'src/.keep': '' });

// ---------------------------------------------------------------------------------------------------------------
// ESLint
// ---------------------------------------------------------------------------------------------------------------

const linter = new Linter({ configType: 'flat', cwd: root });

interface LintOptions {
  file?: string;
  dir?: string;
  set?: 'recommended' | 'strict' | 'all';
  rules?: Linter.RulesRecord;
}

function lintMessages(code: string, options: LintOptions = {}): Linter.LintMessage[] {
  const file = join(options.dir ?? LINT_PROJECT, 'src', options.file ?? 'index.ts');
  const config: Linter.Config[] = [
    { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser as Linter.Parser } },
    { files: ['**/*.jsx', '**/*.js'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    plugin.configs[options.set ?? 'all'],
    ...(options.rules ? [{ files: ['**/*'], rules: options.rules }] : []),
  ];
  return linter.verify(code, config, file);
}

interface Shown {
  /** messages and suggestion descriptions */
  text: string;
  /** the same, and the text the suggestions would insert (the editor's preview) */
  withFixes: string;
  messages: Linter.LintMessage[];
}

function lintOutput(code: string, options: LintOptions = {}): Shown {
  const messages = lintMessages(code, options);
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`does not parse: ${fatal.message.slice(0, 30)}`);
  const text = messages.map((m) => [m.message, ...(m.suggestions ?? []).map((s) => s.desc)].join('\n')).join('\n');
  const fixes = messages.flatMap((m) => (m.suggestions ?? []).map((s) => s.fix.text)).join('\n');
  return { text, withFixes: `${text}\n${fixes}`, messages };
}

/** Lint, and require that `rule` reported something (a case that reports nothing proves nothing). */
function lintExpecting(rule: string, code: string, options: LintOptions = {}): string {
  return lintShown(rule, code, options).text;
}

/** The `worker.credential(…)` declarations the suggestions would insert (not the source text they carry along). */
function insertedSnippets(shown: Shown): string[] {
  return shown.withFixes.split('\n').filter((line) => line.includes('.credential('));
}

function lintShown(rule: string, code: string, options: LintOptions = {}): Shown {
  const shown = lintOutput(code, options);
  expect(shown.messages.map((m) => m.ruleId), shown.text).toContain(`worker-auth/${rule}`);
  return shown;
}

/** Linting with these rule options throws or reports a config error: its text. */
function lintError(rules: Linter.RulesRecord): string {
  try {
    const messages = lintMessages('export const a = 1;\n', { rules });
    return `no error: ${messages.map((m) => m.message).join('\n')}`;
  } catch (error) {
    return `${(error as Error).message}\n${(error as Error).stack ?? ''}`;
  }
}

const WORKER = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';

/** A `worker.oauth()` call with every field given (strings are source text). */
function oauth(fields: { key?: string; name?: string; auth?: string; token?: string; scope?: string; clientId?: string; clientSecret?: string; extra?: string }): string {
  const q = (v: string): string => JSON.stringify(v);
  return (
    WORKER +
    `worker.oauth(${q(fields.key ?? 'acme')}, {\n` +
    (fields.name !== undefined ? `  name: ${q(fields.name)},\n` : '') +
    `  authorizationEndpoint: ${fields.auth ?? q('https://auth.acme.com/oauth/authorize')},\n` +
    `  tokenEndpoint: ${fields.token ?? q('https://auth.acme.com/oauth/token')},\n` +
    `  scope: ${fields.scope ?? q('read')},\n` +
    `  clientId: ${fields.clientId ?? 'process.env.KNOWN ?? ""'},\n` +
    `  clientSecret: ${fields.clientSecret ?? 'process.env.KNOWN ?? ""'},\n` +
    (fields.extra ?? '') +
    '});\n'
  );
}

const fetchWith = (url: string, headers: string): string =>
  `${WORKER}export async function call() {\n  return fetch(${url}, { headers: { ${headers} } });\n}\n`;

// ---------------------------------------------------------------------------------------------------------------
// The codemod
// ---------------------------------------------------------------------------------------------------------------

async function cli(dir: string, args: readonly string[]): Promise<{ code: number; out: string; err: string; all: string }> {
  let out = '';
  let err = '';
  const code = await main(['--root', dir, ...args], { out: { write: (c: string) => (out += c) }, err: { write: (c: string) => (err += c) } });
  return { code, out, err, all: `${out}\n${err}` };
}

async function dryRunOutputs(dir: string, extra: readonly string[] = []): Promise<string> {
  const human = await cli(dir, ['--dry-run', ...extra]);
  const json = await cli(dir, ['--dry-run', '--json', ...extra]);
  return `${human.all}\n${json.all}`;
}

async function jscodeshiftRun(dir: string, rel: string, options: Record<string, unknown> = {}): Promise<{ lines: string[]; error: string }> {
  const lines: string[] = [];
  let error = '';
  try {
    await transform({ path: join(dir, rel), source: readFileSync(join(dir, rel), 'utf8') }, { report: (m: string) => lines.push(m) }, { root: dir, dry: true, ...options });
  } catch (e) {
    error = `${(e as Error).message}\n${(e as Error).stack ?? ''}`;
  }
  return { lines, error };
}

// ===============================================================================================================
// Lint: env names
// ===============================================================================================================

describe('lint: a secret as an env name (env-example-in-sync)', () => {
  it('an env key joined from two literals (`"APP_" + "<token>"`)', () => {
    expectNoLeak(lintExpecting('env-example-in-sync', `export const v = process.env["APP_" + "${GH}"];\n`), S.GH);
  });

  it('an env key from a template over a const (`${P}_<token>`)', () => {
    expectNoLeak(lintExpecting('env-example-in-sync', `const P = "APP";\nexport const v = process.env[\`\${P}_${SL}\`];\n`), S.SL);
  });

  it('an env key cut by a string line continuation', () => {
    expectNoLeak(lintExpecting('env-example-in-sync', `export const v = process.env["${GH.slice(0, 18)}\\\n${GH.slice(18)}"];\n`), S.GH);
  });

  it('a lower-cased token as an env key', () => {
    expectNoLeak(lintExpecting('env-example-in-sync', `export const v = process.env["${GHL}"];\n`), S.GH);
  });

  it('an upper-cased Slack token as a destructured env key', () => {
    expectNoLeak(lintExpecting('env-example-in-sync', `const { "${SLU}": v } = process.env;\nexport { v };\n`), S.SL);
  });

  it('a SendGrid key (dotted) as an env key', () => {
    expectNoLeak(lintExpecting('env-example-in-sync', `export const v = process.env["${SG}"];\n`), S.SG);
  });

  it('an env key read through optional chaining (`process.env?.["<token>"]`)', () => {
    expectNoLeak(lintExpecting('env-example-in-sync', `export const v = process.env?.["${NO}"];\n`), S.NO);
  });

  it('the .env.example named in the message lies in a folder named after a token', () => {
    const dir = project({ 'package.json': WORKER_PKG, '.env.example': 'KNOWN=\n', '.gitignore': '.env\n' }, join(root, `p${++projects}`, GH));
    expectNoLeak(lintExpecting('env-example-in-sync', 'export const v = process.env.MISSING_NAME;\n', { dir }), S.GH);
  });

  it('secrets in .env.example values while the rule reports a missing name (both env rules report)', () => {
    const dir = project({ 'package.json': WORKER_PKG, '.env.example': `TWILIO_AUTH_TOKEN=${TW}\nAPP_SECRET="${G}"\n`, '.gitignore': '.env\n' });
    const code = `${WORKER}export const v = process.env.MISSING_NAME;\n`;
    const { text, messages } = lintShown('env-example-in-sync', code, { dir });
    expect(messages.map((m) => m.ruleId)).toContain('worker-auth/no-committed-env-files');
    expectNoLeak(text, S.TW, S.G);
  });
});

// ===============================================================================================================
// Lint: OAuth configurations
// ===============================================================================================================

describe('lint: a secret in what an OAuth message names', () => {
  it('a Notion token as the worker.oauth() key, hardcoded client id', () => {
    expectNoLeak(lintExpecting('oauth-credentials-from-env', oauth({ key: NO, clientId: '"acme-client-id"' })), S.NO);
  });

  it('a key with a token after a dot (`acme.<token>`), hardcoded secret', () => {
    expectNoLeak(lintExpecting('oauth-credentials-from-env', oauth({ key: `acme.${GH}`, clientSecret: `"${G2}"` })), S.GH, S.G2);
  });

  it('a SendGrid key as the configuration name, hardcoded secret', () => {
    expectNoLeak(lintExpecting('oauth-credentials-from-env', oauth({ name: SG, clientSecret: `"${G2}"` })), S.SG, S.G2);
  });

  it('a generic secret as the configuration name (the env name is built from it)', () => {
    expectNoLeak(lintExpecting('oauth-credentials-from-env', oauth({ name: G, clientSecret: `"${G2}"` })), S.G, S.G2);
  });

  it('a hardcoded fallback whose env name is a token (`process.env["<token>"] ?? "…"`)', () => {
    expectNoLeak(lintExpecting('oauth-credentials-from-env', oauth({ clientSecret: `process.env["${SL}"] ?? "${G2}"` })), S.SL, S.G2);
  });

  it('an arctic client whose (imported) class name is a Notion token', () => {
    const code = `import { ${NO} } from "arctic";\nexport const c = new ${NO}("acme-client-id", "${G2}", "https://app.acme.com/cb");\n`;
    expectNoLeak(lintExpecting('oauth-credentials-from-env', code), S.NO, S.G2);
  });

  it('a hardcoded client secret that is a Basic credential (base64 of `client:<secret>`)', () => {
    expectNoLeak(lintExpecting('oauth-credentials-from-env', oauth({ clientSecret: `"${BASIC}"` })), S.BASIC, S.G);
  });

  it('a client secret split across a template with a literal expression', () => {
    const code = oauth({ clientSecret: `\`${G2.slice(0, 14)}\${"${G2.slice(14, 20)}"}${G2.slice(20)}\`` });
    expectNoLeak(lintExpecting('oauth-credentials-from-env', code), S.G2);
  });
});

describe('lint: scopes', () => {
  it('a Slack token after a broad prefix, in an array', () => {
    expectNoLeak(lintExpecting('no-broad-oauth-scopes', oauth({ scope: `["admin:${SL}"]` })), S.SL);
  });

  it('a token joined to a broad scope by a comma (one string, two scopes)', () => {
    expectNoLeak(lintExpecting('no-broad-oauth-scopes', oauth({ scope: JSON.stringify(`admin,${GH}`) })), S.GH);
  });

  it('a forbidden scope that is a SendGrid key (`forbid: ["SG.*"]`)', () => {
    const rules = { 'worker-auth/no-broad-oauth-scopes': ['error', { forbid: ['SG.*'] }] } satisfies Linter.RulesRecord;
    expectNoLeak(lintExpecting('no-broad-oauth-scopes', oauth({ scope: JSON.stringify(`read ${SG}`) }), { rules }), S.SG);
  });

  it('a scope written as a template over a const holding a token', () => {
    const code = `const T = "${GH}";\n` + oauth({ scope: '`admin:${T}`' });
    expectNoLeak(lintExpecting('no-broad-oauth-scopes', code), S.GH);
  });
});

describe('lint: endpoint URLs', () => {
  it('user-info password of an http: endpoint on an IPv6 host', () => {
    expectNoLeak(lintExpecting('oauth-endpoints-https', oauth({ auth: JSON.stringify(`http://client:${G}@[2001:db8::7]:8443/authorize`) })), S.G);
  });

  it('a token in the path of an http: endpoint on the IPv6 loopback', () => {
    const rules = { 'worker-auth/oauth-endpoints-https': ['error', { allowHttpLocalhost: false }] } satisfies Linter.RulesRecord;
    expectNoLeak(lintExpecting('oauth-endpoints-https', oauth({ auth: JSON.stringify(`http://[::1]:8080/${GH}/authorize`) }), { rules }), S.GH);
  });

  it('a token where the port goes (the URL does not parse)', () => {
    expectNoLeak(lintExpecting('oauth-endpoints-https', oauth({ token: JSON.stringify(`https://auth.acme.com:${GH}/token`) })), S.GH);
  });

  it('a generic secret as a path parameter (`;client_secret=…`)', () => {
    expectNoLeak(lintExpecting('oauth-endpoints-https', oauth({ auth: JSON.stringify(`http://auth.acme.com/authorize;client_secret=${G}`) })), S.G);
  });

  it('a user-info password with a percent-encoded @ in it', () => {
    const pw = `${G.slice(0, 14)}%40${G.slice(14)}`;
    expectNoLeak(lintExpecting('oauth-endpoints-https', oauth({ auth: JSON.stringify(`http://client:${pw}@auth.acme.com/authorize`) })), S.G);
  });

  it('a user-info password behind a backslash after the host', () => {
    expectNoLeak(lintExpecting('oauth-endpoints-https', oauth({ auth: JSON.stringify(`http://auth.acme.com\\\\client:${G}@evil.acme.com/authorize`) })), S.G);
  });

  it('a token in the host of a simple-oauth2 tokenHost', () => {
    const code = `import { AuthorizationCode } from "simple-oauth2";\nexport const c = new AuthorizationCode({ client: { id: process.env.KNOWN ?? "", secret: process.env.KNOWN ?? "" }, auth: { tokenHost: "http://${SL}.acme.com" } });\n`;
    expectNoLeak(lintExpecting('oauth-endpoints-https', code), S.SL);
  });

  it('a token in the path of an endpoint joined by concatenation to a const', () => {
    const code = `const BASE = "http://auth.acme.com";\n` + oauth({ auth: `BASE + "/${GH}/authorize"` });
    expectNoLeak(lintExpecting('oauth-endpoints-https', code), S.GH);
  });

  it('a URL-encoded Stripe key in the path of a placeholder endpoint', () => {
    expectNoLeak(lintExpecting('oauth-endpoints-https', oauth({ auth: JSON.stringify(`https://{tenant}.acme.com/k/${encodeURIComponent(ST)}/authorize`) })), S.ST);
  });
});

// ===============================================================================================================
// Lint: logs, errors and injected credentials
// ===============================================================================================================

describe('lint: what no-logged-secrets names', () => {
  it('an env name built as `"API_TOKEN_" + "<token>"`, logged', () => {
    expectNoLeak(lintExpecting('no-logged-secrets', `console.log(process.env["API_TOKEN_" + "${GH}"]);\n`), S.GH);
  });

  it('an env name glued to a generic secret (`process.env.API_TOKEN_<secret>`), logged', () => {
    expectNoLeak(lintExpecting('no-logged-secrets', `console.log(process.env.API_TOKEN_${G});\n`), S.G);
  });

  it('an error class whose name holds a generic secret', () => {
    expectNoLeak(lintExpecting('no-logged-secrets', `export class X${G}Error extends Error {}\nthrow new X${G}Error(process.env.API_TOKEN);\n`), S.G);
  });

  it('a logger object whose name holds a generic secret (`a<secret>Logger.info`)', () => {
    const code = `declare const a${G}Logger: { info(...a: unknown[]): void };\na${G}Logger.info(process.env.API_TOKEN);\n`;
    expectNoLeak(lintExpecting('no-logged-secrets', code), S.G);
  });

  it('a `loggers` function called on an object named after an upper-cased token', () => {
    const rules = { 'worker-auth/no-logged-secrets': ['error', { loggers: ['debugLog'] }] } satisfies Linter.RulesRecord;
    const code = `declare const cfg: any;\ncfg.${GHU}.debugLog(process.env.API_TOKEN);\n`;
    expectNoLeak(lintExpecting('no-logged-secrets', code, { rules }), S.GH);
  });

  it('a constant named after a lower-cased token, holding an Authorization header, thrown', () => {
    const code = `export function f(req: Request) {\n  const ${GHL} = req.headers.get("authorization");\n  throw ${GHL};\n}\n`;
    expectNoLeak(lintExpecting('no-logged-secrets', code), S.GH);
  });
});

describe('lint: prefer-credential-injection', () => {
  it('an env name glued to a generic secret: message and suggestion', () => {
    expectNoLeak(lintExpecting('prefer-credential-injection', fetchWith('"https://api.acme.dev/v1"', `"X-API-Key": process.env.ACME_API_KEY_${G} ?? ""`), { set: 'strict' }), S.G);
  });

  it('a token in the request path (only the host is named)', () => {
    const shown = lintShown('prefer-credential-injection', fetchWith(`"https://api.acme.dev/${GH}/v1"`, 'Authorization: `Bearer ${process.env.ACME_API_KEY}`'), { set: 'strict' });
    expectNoLeak(shown.text, S.GH);
    expectNoLeak(insertedSnippets(shown), S.GH);
  });
});

// ===============================================================================================================
// Lint: how the secret is written (no-hardcoded-secrets)
// ===============================================================================================================

describe('lint: a secret cut, re-encoded or wrapped', () => {
  it('cut into three `"…" + "…" + "…"` pieces inside its random part', () => {
    const code = `export const t = "${GH.slice(0, 10)}" + "${GH.slice(10, 22)}" + "${GH.slice(22)}";\n`;
    expectNoLeak(lintExpecting('no-hardcoded-secrets', code), S.GH);
  });

  it('cut between a template without substitutions and a string', () => {
    const code = `export const t = \`${ST.slice(0, 20)}\` + "${ST.slice(20)}";\n`;
    expectNoLeak(lintExpecting('no-hardcoded-secrets', code), S.ST);
  });

  it('cut over lines of a concatenation inside a call', () => {
    const code = `export const c = connect({\n  token:\n    "${SL.slice(0, 16)}" +\n    "${SL.slice(16)}",\n});\ndeclare function connect(o: object): void;\n`;
    expectNoLeak(lintExpecting('no-hardcoded-secrets', code), S.SL);
  });

  it('cut by a string line continuation', () => {
    expectNoLeak(lintExpecting('no-hardcoded-secrets', `export const t = "${GH.slice(0, 20)}\\\n${GH.slice(20)}";\n`), S.GH);
  });

  it('in a regular expression literal', () => {
    expectNoLeak(lintExpecting('no-hardcoded-secrets', `export const r = /^${GH}$/;\n`), S.GH);
  });

  it('in a regular expression literal, inside a group with flags', () => {
    expectNoLeak(lintExpecting('no-hardcoded-secrets', `export const r = /(?:Bearer )(${SL})/gi;\n`), S.SL);
  });

  it('in JSX text with a numeric entity inside its random part (.tsx)', () => {
    const i = 12;
    const code = `export const M = () => <p>${GH.slice(0, i)}&#${GH.charCodeAt(i)};${GH.slice(i + 1)}</p>;\n`;
    expectNoLeak(lintExpecting('no-hardcoded-secrets', code, { file: 'M.tsx' }), S.GH);
  });

  it('in a JSX attribute URL, after `&amp;` (.tsx)', () => {
    const code = `export const M = () => <a href="https://api.acme.dev/x?a=1&amp;access_token=${GH}">x</a>;\n`;
    expectNoLeak(lintExpecting('no-hardcoded-secrets', code, { file: 'M.tsx' }), S.GH);
  });

  it('a Basic credential (base64 of `client:<secret>`) in an Authorization header', () => {
    expectNoLeak(lintExpecting('no-hardcoded-secrets', `export const h = { Authorization: "Basic ${BASIC}" };\n`), S.BASIC, S.G);
  });

  it('a base64-wrapped token under a token name', () => {
    const wrapped = Buffer.from(GH).toString('base64');
    expectNoLeak(lintExpecting('no-hardcoded-secrets', `export const cfg = { githubToken: "${wrapped}" };\n`), { value: wrapped, prefix: 0 }, S.GH);
  });

  it('a percent-encoded AWS secret key in a query after `aws_secret_access_key=`', () => {
    const code = `export const u = "https://s3.acme.dev/?aws_secret_access_key=${encodeURIComponent(AWS)}";\n`;
    expectNoLeak(lintOutput(code).text, S.AWS);
  });

  it('a token in a comment on the line of another finding', () => {
    const { text, messages } = lintShown('no-hardcoded-secrets', `export const a = "${ST}"; // was: ${GH}\n`);
    expect(messages.filter((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets').length).toBeGreaterThanOrEqual(2);
    expectNoLeak(text, S.ST, S.GH);
  });

  it('a PEM key cut over a concatenation of lines', () => {
    const code = `export const key =\n${PEM.split('\n').map((l) => `  "${l}\\n"`).join(' +\n')};\n`;
    expectNoLeak(lintExpecting('no-hardcoded-secrets', code), S.PEM);
  });

  it('a secret under a header name that is a generic secret', () => {
    expectNoLeak(lintExpecting('no-hardcoded-secrets', `export const h = { "X-${G}-Token": "${G2}" };\n`), S.G, S.G2);
  });
});

// ===============================================================================================================
// Lint: no-committed-env-files
// ===============================================================================================================

describe('lint: no-committed-env-files', () => {
  it('a URL password in a .env.example value', () => {
    const dir = project({ 'package.json': WORKER_PKG, '.env.example': `DATABASE_URL=postgres://app:${G}@db.acme.dev:5432/app\n`, '.gitignore': '.env\n' });
    expectNoLeak(lintExpecting('no-committed-env-files', WORKER, { dir }), S.G);
  });

  it('a base64-wrapped token in a .env.example value under a token name', () => {
    const wrapped = Buffer.from(GH).toString('base64');
    const dir = project({ 'package.json': WORKER_PKG, '.env.example': `GITHUB_TOKEN_B64=${wrapped}\n`, '.gitignore': '.env\n' });
    expectNoLeak(lintExpecting('no-committed-env-files', WORKER, { dir }), { value: wrapped, prefix: 0 }, S.GH);
  });

  it('a .env.example line whose name is a SendGrid key', () => {
    const dir = project({ 'package.json': WORKER_PKG, '.env.example': `SENDGRID_${SGU.replace(/\./g, '_')}=${SG}\n`, '.gitignore': '.env\n' });
    expectNoLeak(lintExpecting('no-committed-env-files', WORKER, { dir }), S.SG);
  });

  it('an extra example file (exampleFiles) named after a token', () => {
    const dir = project({ 'package.json': WORKER_PKG, [`.env.${NO}`]: `API_SECRET=${G}\n`, '.gitignore': '.env\n' });
    const rules = { 'worker-auth/no-committed-env-files': ['error', { exampleFiles: [`.env.${NO}`] }] } satisfies Linter.RulesRecord;
    expectNoLeak(lintExpecting('no-committed-env-files', WORKER, { dir, rules }), S.NO, S.G);
  });
});

// ===============================================================================================================
// Lint: option errors of our own
// ===============================================================================================================

describe('lint: option errors (ours, not ESLint’s schema check)', () => {
  it('an allowPatterns entry that does not compile, holding a generic secret', () => {
    const out = lintError({ 'worker-auth/no-hardcoded-secrets': ['error', { allowPatterns: [`^${G}(`] }] });
    expect(out).toContain('not a valid regular expression');
    expectNoLeak(out, S.G);
  });

  it('an extraPatterns pattern that does not compile, holding a Slack token', () => {
    const out = lintError({ 'worker-auth/no-hardcoded-secrets': ['error', { extraPatterns: [{ name: 'Acme', pattern: `${SL}[`, keyword: 'xoxb' }] }] });
    expect(out).toContain('not a valid regular expression');
    expectNoLeak(out, S.SL);
  });

  it('an extraPatterns entry whose display name is a token, matching in code', () => {
    const rules = { 'worker-auth/no-hardcoded-secrets': ['error', { extraPatterns: [{ name: NO, pattern: 'acme_[a-z0-9]{24}', keyword: 'acme_' }] }] } satisfies Linter.RulesRecord;
    expectNoLeak(lintExpecting('no-hardcoded-secrets', `export const k = "acme_${'k3x9q2'.repeat(4)}";\n`, { rules }), S.NO);
  });
});

// ===============================================================================================================
// The codemod
// ===============================================================================================================

describe('codemod: paths', () => {
  it('a folder named after a SendGrid key (dots in the name)', async () => {
    const dir = project({ [`${SG}/a.ts`]: `export const s = "${ST}";\n` });
    expectNoLeak(await dryRunOutputs(dir), S.SG, S.ST);
  });

  it('a file name holding a percent-encoded `key=<token>`', async () => {
    const dir = project({ [`src/${encodeURIComponent(`key=${GH}`)}.ts`]: `export const s = "${ST}";\n` });
    expectNoLeak(await dryRunOutputs(dir), S.GH, S.ST);
  });

  it('a symlinked source file named after a token, its target inside the root', async () => {
    const dir = project({ 'src/a.ts': `export const s = "${ST}";\n` });
    symlinkSync(join(dir, 'src/a.ts'), join(dir, `src/${GH}.ts`));
    const out = await dryRunOutputs(dir);
    expect(out).toContain('symlink');
    expectNoLeak(out, S.GH, S.ST);
  });

  it('a symlink leading outside the root, named after a token', async () => {
    const target = project({ 'x.ts': `export const x = "${ST2}";\n` }, join(outside, 'o1'));
    const dir = project({ 'src/a.ts': `export const s = "${ST}";\n` });
    symlinkSync(join(target, 'x.ts'), join(dir, `src/${SL}.ts`));
    const out = await dryRunOutputs(dir);
    expect(out).toContain('outside');
    expectNoLeak(out, S.SL, S.ST, S.ST2);
  });

  it('a symlinked folder named after a token', async () => {
    const target = project({ 'x.ts': 'export const x = 1;\n' }, join(outside, 'o2'));
    const dir = project({ 'src/a.ts': `export const s = "${ST}";\n` });
    symlinkSync(target, join(dir, NO));
    expectNoLeak(await dryRunOutputs(dir), S.NO, S.ST);
  });

  it('a dangling symlink whose target path holds a token', async () => {
    const dir = project({ 'src/a.ts': `export const s = "${ST}";\n` });
    symlinkSync(join(outside, GH, 'gone.ts'), join(dir, 'src/gone.ts'));
    expectNoLeak(await dryRunOutputs(dir), S.GH, S.ST);
  });

  it('a named path (argument) that is a file named after a token', async () => {
    const dir = project({ [`src/${GH}.ts`]: `export const s = "${ST}";\n` });
    const run = await cli(dir, ['--dry-run', '--json', `src/${GH}.ts`]);
    expect(run.out).toContain('STRIPE_SECRET_KEY');
    expectNoLeak(run.all, S.GH, S.ST);
  });
});

describe('codemod: env files and the env names it would write', () => {
  it('an existing .env line whose name is a token (`export <token>=…`)', async () => {
    const dir = project({ 'src/a.ts': `export const s = "${ST}";\n`, '.env': `export ${GH}=${G}` });
    expectNoLeak(await dryRunOutputs(dir), S.GH, S.G, S.ST);
  });

  it('an existing .env that already holds the generated name (a suffixed name is written)', async () => {
    const dir = project({ 'src/a.ts': `export const s = "${ST}";\n`, '.env': `STRIPE_SECRET_KEY=${ST2}\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('STRIPE_SECRET_KEY');
    expectNoLeak(out, S.ST, S.ST2);
  });

  it('an existing .env.example line (no final newline) whose name is a SendGrid key', async () => {
    const dir = project({ 'src/a.ts': `export const s = "${ST}";\n`, '.env.example': `A=\n${SG}=x` });
    expectNoLeak(await dryRunOutputs(dir), S.SG, S.ST);
  });

  it('a fallback whose env name is built from a template holding a token', async () => {
    const dir = project({ 'src/a.ts': `const P = "X";\nexport const s = process.env[\`\${P}_${GH}\`] ?? "${ST}";\n` });
    expectNoLeak(await dryRunOutputs(dir), S.GH, S.ST);
  });

  it('a secret under an object key that is a Slack token (the env name is derived from keys)', async () => {
    const dir = project({ 'src/a.ts': `export const cfg = { "${SL}": { apiKey: "${G}" } };\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('process.env.');
    expectNoLeak(out, S.SL, S.G);
  });


  it('--sync-env-example: an env name joined from literals around a token', async () => {
    const dir = project({ 'src/a.ts': `export const v = process.env["APP_" + "${GH}"];\n`, '.env.example': 'A=\n' });
    const human = await cli(dir, ['--sync-env-example', '--dry-run']);
    const json = await cli(dir, ['--sync-env-example', '--dry-run', '--json']);
    expectNoLeak([human.all, json.all], S.GH);
  });

  it('--check: a .env.example URL value with a password, and an unignored .env.<token>', async () => {
    const dir = project({ 'src/a.ts': 'export const a = 1;\n', '.env.example': `DATABASE_URL=postgres://app:${G}@db.acme.dev/app\n`, [`.env.${SL}`]: 'A=1\n' });
    for (const args of [['--check'], ['--check', '--json']]) {
      const run = await cli(dir, args);
      expect(run.code).toBe(1);
      expectNoLeak(run.all, S.G, S.SL);
    }
  });

  it('--check: a base64-wrapped token as a .env.example value', async () => {
    const wrapped = Buffer.from(GH).toString('base64');
    const dir = project({ 'src/a.ts': 'export const a = 1;\n', '.env.example': `GITHUB_TOKEN_B64=${wrapped}\n` });
    const run = await cli(dir, ['--check', '--json']);
    expect(run.code).toBe(1);
    expectNoLeak(run.all, { value: wrapped, prefix: 0 }, S.GH);
  });
});

describe('codemod: values on the lines the diff shows', () => {
  it('a token in a regex literal on the line of a moved value', async () => {
    const dir = project({ 'src/a.ts': `export const r = /${GH}/, s = "${ST}";\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('STRIPE_SECRET_KEY');
    expectNoLeak(out, S.GH, S.ST);
  });


  it('a token cut by a string line continuation', async () => {
    const dir = project({ 'src/a.ts': `export const t = "${GH.slice(0, 20)}\\\n${GH.slice(20)}";\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('GITHUB_TOKEN');
    expectNoLeak(out, S.GH);
  });

  it('a token cut into three concatenated pieces', async () => {
    const dir = project({ 'src/a.ts': `export const t = "${SL.slice(0, 10)}" + "${SL.slice(10, 25)}" + "${SL.slice(25)}";\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('process.env.');
    expectNoLeak(out, S.SL);
  });

  it('a token in JSX text beside a moved attribute (.tsx)', async () => {
    const dir = project({ 'src/a.tsx': `export const M = () => <Map apiKey="${ST}">{"x"} ${GH}</Map>;\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('process.env.');
    expectNoLeak(out, S.ST, S.GH);
  });

  it('a Basic credential in an Authorization header', async () => {
    const dir = project({ 'src/a.ts': `export const h = { Authorization: "Basic ${BASIC}" };\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('process.env.');
    expectNoLeak(out, S.BASIC, S.G);
  });

  it('the runCodemod report: a secret with a token in a comment of the same file', async () => {
    const dir = project({ 'src/a.ts': `// old: ${SL}\nexport const s = { stripe: "${ST}" };\n` });
    const { report } = await runCodemod({ root: dir, paths: [], dryRun: true });
    expect(report.summary.moved).toBeGreaterThan(0);
    expectNoLeak(JSON.stringify(report), S.SL, S.ST);
  });
});

describe('codemod: errors', () => {
  it('a file that does not parse, holding a PEM key', async () => {
    const dir = project({ 'src/a.ts': `export const key = \`${PEM}\`;\nconst = ;\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('does not parse');
    expectNoLeak(out, S.PEM);
  });

  it('a file that does not parse at a token used as a type argument', async () => {
    const dir = project({ 'src/a.ts': `export const s = "${ST}";\nlet x: Map<${NO}, = 1;\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('does not parse');
    expectNoLeak(out, S.NO, S.ST);
  });

  it('--allow-pattern that does not compile, holding a generic secret', async () => {
    const dir = project({ 'src/a.ts': `export const s = "${ST}";\n` });
    const run = await cli(dir, ['--dry-run', '--allow-pattern', `^${G}(`]);
    expect(run.code).toBe(2);
    expectNoLeak(run.all, S.G, S.ST);
  });

  it('jscodeshift: allowPattern that does not compile, holding a generic secret', async () => {
    const dir = project({ 'src/a.ts': `export const s = "${ST}";\n` });
    const { error } = await jscodeshiftRun(dir, 'src/a.ts', { allowPattern: `^${G}(` });
    expect(error).not.toBe('');
    expectNoLeak(error, S.G, S.ST);
  });

  it('jscodeshift: the report line of a file named after a token', async () => {
    const dir = project({ [`src/${SL}.ts`]: `export const s = "${ST}";\n` });
    const { lines, error } = await jscodeshiftRun(dir, `src/${SL}.ts`);
    expect(lines.length).toBeGreaterThan(0);
    expectNoLeak([...lines, error], S.SL, S.ST);
  });
});

// ===============================================================================================================
// More routes: re-cased, cut and encoded secrets in names, URLs and env files
// ===============================================================================================================

describe('more routes: re-cased, cut and encoded secrets', () => {
  it('oauth-endpoints-https: a user-info password holding a raw `@` (http:)', () => {
    const pw = `${G.slice(0, 16)}@${G.slice(16)}`;
    expectNoLeak(lintExpecting('oauth-endpoints-https', oauth({ auth: JSON.stringify(`http://client:${pw}@auth.acme.com/authorize`) })), S.G);
  });

  it('oauth-endpoints-https: a user-info password holding a raw `@` (https:, credentialsInUrl)', () => {
    const pw = `${G.slice(0, 16)}@${G.slice(16)}`;
    expectNoLeak(lintExpecting('oauth-endpoints-https', oauth({ auth: JSON.stringify(`https://client:${pw}@auth.acme.com/authorize`) })), S.G);
  });

  it('oauth-endpoints-https: a percent-encoded AWS secret key in the path', () => {
    expectNoLeak(lintExpecting('oauth-endpoints-https', oauth({ token: JSON.stringify(`http://auth.acme.com/t/${encodeURIComponent(AWS)}/token`) })), S.AWS);
  });

  it('oauth-credentials-from-env: an upper-cased Slack token as the configuration name', () => {
    expectNoLeak(lintExpecting('oauth-credentials-from-env', oauth({ name: SLU, clientSecret: `"${G2}"` })), S.SL, S.G2);
  });

  it('oauth-credentials-from-env: a lower-cased token as the worker.oauth() key (message, env name of the suggestion)', () => {
    expectNoLeak(lintExpecting('oauth-credentials-from-env', oauth({ key: GHL, clientSecret: `"${G2}"` })), S.GH, S.G2);
  });

  it('oauth-credentials-from-env: an arctic class named after an upper-cased token', () => {
    const code = `import { ${GHU} } from "arctic";\nexport const c = new ${GHU}("acme-client-id", "${G2}", "https://app.acme.com/cb");\n`;
    expectNoLeak(lintExpecting('oauth-credentials-from-env', code), S.GH, S.G2);
  });

  it('no-logged-secrets: an env name glued to a lower-cased token, logged', () => {
    expectNoLeak(lintExpecting('no-logged-secrets', `console.log(process.env.API_TOKEN_${GHL});\n`), S.GH);
  });

  it('env-example-in-sync: an upper-cased SendGrid key (dots kept) as an env key', () => {
    expectNoLeak(lintExpecting('env-example-in-sync', `export const v = process.env["${SGU}"];\n`), S.SG);
  });

  it('no-hardcoded-secrets: a token with a percent-encoded `_` in a query', () => {
    expectNoLeak(lintExpecting('no-hardcoded-secrets', `export const u = "https://api.acme.dev/x?access_token=ghp%5F${GH.slice(4)}";\n`), S.GH);
  });

  it('no-hardcoded-secrets: a generic password in a trailing comment is a finding (the detector sees it)', () => {
    const { text, messages } = lintShown('no-hardcoded-secrets', `export const s = "${ST}"; // password=${G}\n`);
    expect(messages.filter((m) => m.message.includes('written in a comment')).length, text).toBe(1);
    expectNoLeak(text, S.G, S.ST);
  });

  it('prefer-credential-injection: a token glued into the env name (message and suggestion description)', () => {
    const shown = lintShown('prefer-credential-injection', fetchWith('"https://api.acme.dev/v1"', `"X-API-Key": process.env.ACME_API_KEY_${GH} ?? ""`), { set: 'strict' });
    expectNoLeak(shown.text, S.GH);
  });

  it('no-committed-env-files: an unignored `.env.<lower-cased token>`', () => {
    const dir = project({ 'package.json': WORKER_PKG, [`.env.${GHL}`]: 'A=1\n', '.gitignore': 'node_modules\n' });
    expectNoLeak(lintExpecting('no-committed-env-files', WORKER, { dir }), S.GH);
  });

  it('no-committed-env-files: a .env.example line named after a lower-cased token, holding the token', () => {
    const dir = project({ 'package.json': WORKER_PKG, '.env.example': `${GHL}=${GH}\n`, '.gitignore': '.env\n' });
    expectNoLeak(lintExpecting('no-committed-env-files', WORKER, { dir }), S.GH);
  });


  it('codemod: a token with a percent-encoded `_` in a query, beside a moved value', async () => {
    const dir = project({ 'src/a.ts': `export const u = "https://api.acme.dev/x?access_token=ghp%5F${GH.slice(4)}"; export const s = "${ST}";\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('process.env.');
    expectNoLeak(out, S.GH, S.ST);
  });

  it('codemod: a password (`password=…`) in a trailing comment on the line of a moved value (diff)', async () => {
    const dir = project({ 'src/a.ts': `export const s = "${ST}"; // password=${G}\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('STRIPE_SECRET_KEY');
    expectNoLeak(out, S.G, S.ST);
  });

  it('codemod: a generic password in a regex literal on the line of a moved value', async () => {
    const dir = project({ 'src/a.ts': `export const s = "${ST}", r = /password=${G}/;\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('STRIPE_SECRET_KEY');
    expectNoLeak(out, S.G, S.ST);
  });
});

// ===============================================================================================================
// Known gaps: each case below prints a secret (or 8+ characters of one) today
// ===============================================================================================================

describe('gaps found by the held-out set, fixed', () => {
  // Input: a .env.example line `<lower-cased token>=<token>`. Route: --check's line ("…: ghp_… holds a value …")
  // and --json `envName`. Docs: "every string … of `--check` … goes through maskSecretsIn"; the lint rule
  // no-committed-env-files masks the same name (see above).
  it('codemod --check: a .env.example line named after a lower-cased token', async () => {
    const dir = project({ 'src/a.ts': 'export const a = 1;\n', '.env.example': `${GHL}=${GH}\n` });
    const human = await cli(dir, ['--check']);
    expect(human.code).toBe(1);
    expectNoLeak([human.all, (await cli(dir, ['--check', '--json'])).all], S.GH);
  });

  // Input: scope `admin:x/x/…/<generic secret>` with the secret across the 80-character cut. Route: the broadScope /
  // genericScope message (`scope` data). Docs: "scope text is masked before it is cut short": the pre-cut mask is
  // maskSecretsIn only, and the guard's random-run mask (24+ characters) no longer sees the 17 characters left.
  it('no-broad-oauth-scopes: a generic secret cut by the 80-character scope limit (message)', () => {
    const scope = `admin:${'x/'.repeat(28)}${G}`;
    expectNoLeak(lintExpecting('no-broad-oauth-scopes', oauth({ scope: JSON.stringify(scope) })), S.G);
  });

  // Input: same, an upper-cased GitHub token at the cut. Route: the scope message. Docs: as above.
  it('no-broad-oauth-scopes: an upper-cased token cut by the 80-character scope limit (message)', () => {
    const scope = `admin:${'x/'.repeat(28)}${GHU}`;
    expectNoLeak(lintExpecting('no-broad-oauth-scopes', oauth({ scope: JSON.stringify(scope) })), S.GH);
  });

  // Input: `process.env.ACME_API_KEY_<token>` put into an X-API-Key header. Route: the suggestion's inserted
  // `worker.credential("ACME_API_KEY_ghp_…", …)` declaration (fix text: editor preview, ESLint JSON), unmasked; the
  // rule keeps a header name, host or header text holding a secret out of that snippet (`holdsSecret`), not the
  // key. Docs: "a name that holds a secret never becomes an env name or a label".
  it('prefer-credential-injection: a token glued into the env name is copied into the inserted worker.credential() (fix text)', () => {
    const shown = lintShown('prefer-credential-injection', fetchWith('"https://api.acme.dev/v1"', `"X-API-Key": process.env.ACME_API_KEY_${GH} ?? ""`), { set: 'strict' });
    expectNoLeak(insertedSnippets(shown), S.GH);
  });

  // Input: `process.env["<lower-cased token>"] ?? "<Stripe key>"`. Route: the codemod's report ("would drop fallback
  // of process.env.ghp_…", "env names:", the rotate list), --json envName/name, the .env/.env.example diff (and a
  // writing run commits the name to .env.example). The codemod masks with maskSecretsIn only; the lint rules'
  // guard (random-run mask) masks the same name. Docs: "every string of the codemod's reports (… env names …)".
  it('codemod: a lower-cased token as the env name of a hardcoded fallback (report, --json, diff)', async () => {
    const dir = project({ 'src/a.ts': `export const s = process.env["${GHL}"] ?? "${ST}";\n` });
    expectNoLeak(await dryRunOutputs(dir), S.GH, S.ST);
  });

  // Input: `process.env["<lower-cased token>"]`. Route: --sync-env-example's diff, "would add ghp_…" and --json
  // names. Docs: as above (env-example-in-sync masks the same name).
  it('codemod --sync-env-example: a lower-cased token read as an env name', async () => {
    const dir = project({ 'src/a.ts': `export const s = process.env["${GHL}"];\n`, '.env.example': 'A=\n' });
    const human = await cli(dir, ['--sync-env-example', '--dry-run']);
    const json = await cli(dir, ['--sync-env-example', '--dry-run', '--json']);
    expectNoLeak([human.all, json.all], S.GH);
  });

  // Input: `src/<lower-cased token>.ts` holding a Stripe key. Route: diff headers, the report line, --json path.
  // Docs: "every string of the codemod's reports (paths, …) goes through maskSecretsIn", which misses a re-cased token.
  it('codemod: a source file named after a lower-cased token (diff headers, report, --json)', async () => {
    const dir = project({ [`src/${GHL}.ts`]: `export const s = "${ST}";\n` });
    expectNoLeak(await dryRunOutputs(dir), S.GH, S.ST);
  });

  // Input: `<ghp_…lower-cased></b>` in a .tsx file. Route: the codemod's parse error (`error …: does not parse
  // (Expected corresponding JSX closing tag for 'ghp_…')`, stderr and --json). Docs: "The codemod masks its own
  // parse errors" (masked for a token as written, not re-cased).
  it('codemod: a parse error quoting a lower-cased token used as a JSX tag', async () => {
    const dir = project({ 'src/a.tsx': `export const s = "${ST}";\nexport const x = <${GHL}></b>;\n` });
    const out = await dryRunOutputs(dir);
    expect(out).toContain('does not parse');
    expectNoLeak(out, S.GH);
  });

  // Input: same, through the jscodeshift entry. Route: the thrown error's message. Docs: "(and the jscodeshift entry
  // the errors it throws)".
  it('jscodeshift: the thrown parse error quotes a lower-cased token used as a JSX tag', async () => {
    const dir = project({ 'src/a.tsx': `export const s = "${ST}";\nexport const x = <${GHL}></b>;\n` });
    const { error } = await jscodeshiftRun(dir, 'src/a.tsx');
    expect(error).toContain('does not parse');
    expectNoLeak(error, S.GH);
  });
});
