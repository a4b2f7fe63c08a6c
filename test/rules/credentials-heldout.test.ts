/**
 * Held-out check of `worker-auth/oauth-credentials-from-env` against its contract (docs/rules/oauth-credentials-from-env.md),
 * from the point of view of a user with realistic Notion worker code and the client libraries the docs list.
 *
 * Not duplicated here: the cases of oauth-credentials-from-env.test.ts and oauth-accuracy-heldout.test.ts.
 * Every secret-shaped value is built at run time (test/support/fake-tokens.ts). Cases where the rule disagrees with its
 * doc are kept at the end, fixed, under "gaps found by the held-out set, fixed".
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../rules/oauth-credentials-from-env.js';
import { redact } from '../../src/detect/redact.js';
import plugin from '../../src/index.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from '../support/fake-tokens.js';
import { span } from '../support/positions.js';
import { tempProject } from '../support/project.js';

// --- values (run time only) -------------------------------------------------------------------------------------------
const SECRET = fakeGenericSecret(71);
const SECRET_2 = fakeGenericSecret(72);
const GH_SECRET = randomString(CHARSETS.hex, 40, 73); // a GitHub OAuth app client secret: 40 hex
const GH_APP_ID = 'Iv23li' + randomString(CHARSETS.b62, 14, 74); // a GitHub App client id
const GOOGLE_SECRET = fakeToken('google-oauth-client-secret', 75);
const GOOGLE_ID = fakeToken('google-oauth-client-id', 76);
const GOOGLE_ACCESS = fakeToken('google-oauth-access-token', 77);
const GOOGLE_REFRESH = fakeToken('google-oauth-refresh-token', 78);
const ALL_SECRETS = [SECRET, SECRET_2, GH_SECRET, GOOGLE_SECRET, GOOGLE_ACCESS, GOOGLE_REFRESH];

// --- a worker project (cwd) so that test-file paths are read relative to it ------------------------------------------
const project = (files: Record<string, string>): string => tempProject(files, 'wa-credentials-heldout-');
const PROJECT = project({
  'package.json': JSON.stringify({ name: 'my-worker', dependencies: { '@notionhq/workers': '^0.9.2' } }),
  'node_modules/@notionhq/workers/package.json': JSON.stringify({ name: '@notionhq/workers', version: '0.9.2' }),
});
afterAll(() => rmSync(PROJECT, { recursive: true, force: true }));

const RULE = 'worker-auth/oauth-credentials-from-env';
const linter = new Linter({ configType: 'flat', cwd: PROJECT });

interface LintOptions {
  file?: string;
  options?: Record<string, unknown>;
  rule?: string;
}
function lint(code: string, o: LintOptions = {}): Linter.LintMessage[] {
  const ruleId = o.rule ?? RULE;
  const config: Linter.Config[] = [
    { files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { parser: tsParser, sourceType: 'module' } },
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.cjs', '**/*.mjs'],
      plugins: { 'worker-auth': plugin as never },
      rules: { [ruleId]: o.options ? ['error', o.options] : 'error' },
    },
  ];
  const messages = linter.verify(code, config, join(PROJECT, o.file ?? 'src/worker.ts'));
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`does not parse: ${fatal.message}`);
  for (const m of messages) expect(m.ruleId).toBe(ruleId);
  if (ruleId === RULE) expectNoLeak(messages);
  return messages;
}
const ids = (code: string, o?: LintOptions): (string | undefined)[] => lint(code, o).map((m) => m.messageId);

/** The value shown in a message: "is hardcoded (`…`)" / "hardcoded value (`…`)". */
function maskedOf(m: Linter.LintMessage): string {
  const found = /hardcoded(?: value)? \(`([^`]*)`\)/.exec(m.message);
  if (!found) throw new Error(`no masked value in: ${m.message}`);
  return found[1]!;
}
/** The env name a message or suggestion names. */
const envOf = (text: string): string | undefined => /process\.env\.([A-Z0-9_]+)/.exec(text)?.[1];
/** The code after applying suggestion `i` of message `m`. */
function applySuggestion(code: string, m: Linter.LintMessage, i = 0): string {
  const fix = m.suggestions?.[i]?.fix;
  if (!fix) throw new Error('no suggestion');
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}
/** No message or suggestion shows 5 consecutive characters of a secret's non-public part (the last 4 may show). */
function expectNoLeak(messages: readonly Linter.LintMessage[]): void {
  for (const m of messages) {
    for (const text of [m.message, ...(m.suggestions ?? []).map((s) => s.desc)]) {
      for (const secret of ALL_SECRETS) {
        const body = secret.replace(/^(GOCSPX-|ya29\.|1\/\/0)/, '');
        for (let i = 0; i + 5 <= body.length; i++) expect(text.includes(body.slice(i, i + 5)), `leak in: ${text}`).toBe(false);
      }
    }
  }
}
/** Where a message starts, as `line:column` (1-based). */
const at = (m: Linter.LintMessage): string => `${m.line}:${m.column}`;
const posOf = (code: string, needle: string, nth = 0): string => {
  const s = span(code, needle, nth);
  return `${s.line}:${s.column}`;
};

// --- realistic worker code --------------------------------------------------------------------------------------------
const HEAD = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';
const GH_ENDPOINTS =
  'authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token"';
const LINEAR_ENDPOINTS = 'authorizationEndpoint: "https://linear.app/oauth/authorize", tokenEndpoint: "https://api.linear.app/oauth/token"';
const SF_ENDPOINTS =
  'authorizationEndpoint: "https://login.salesforce.com/services/oauth2/authorize", tokenEndpoint: "https://login.salesforce.com/services/oauth2/token"';
const ENV_ID = 'clientId: process.env.GITHUB_CLIENT_ID ?? ""';
const ENV_SECRET = 'clientSecret: process.env.GITHUB_CLIENT_SECRET ?? ""';
/** A `worker.oauth("github", …)` call in the shape of the SDK README. */
const gh = (client: string, before = '', head = HEAD): string =>
  `${head}${before}worker.oauth("github", {\n  name: "github",\n  ${GH_ENDPOINTS},\n  scope: "read:user",\n  ${client},\n});`;

// =====================================================================================================================
describe('worker.oauth: configurations and where their values come from', () => {
  it('README form with a 40-hex client secret and a GitHub App client id: both reported, in source order', () => {
    const code = gh(`clientId: "${GH_APP_ID}", clientSecret: "${GH_SECRET}"`);
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedClientId', 'hardcodedSecret']);
    expect(messages.map(at)).toEqual([posOf(code, `"${GH_APP_ID}"`), posOf(code, `"${GH_SECRET}"`)]);
  });

  it('Notion-managed `{ name, provider }` next to a custom config: only the custom config is reported', () => {
    const code = `${HEAD}worker.oauth("googleAuth", { name: "google", provider: "google" });
worker.oauth("linear", { name: "linear", ${LINEAR_ENDPOINTS}, scope: "read", clientId: process.env.LINEAR_CLIENT_ID ?? "", clientSecret: "${SECRET}" });`;
    expect(ids(code)).toEqual(['hardcodedSecret']);
  });

  it('namespace import `import * as workers from "@notionhq/workers"`', () => {
    const head = 'import * as workers from "@notionhq/workers";\nconst worker = new workers.Worker();\nexport default worker;\n';
    expect(ids(gh(`${ENV_ID}, clientSecret: "${SECRET}"`, '', head))).toEqual(['hardcodedSecret']);
  });

  it('worker.oauth called inside an exported register function', () => {
    const code = `${HEAD}export function registerGithub(): void {\n  worker.oauth("github", { name: "github", ${GH_ENDPOINTS}, ${ENV_ID}, clientSecret: "${SECRET}" });\n}`;
    expect(ids(code)).toEqual(['hardcodedSecret']);
  });

  it('config passed through two consts (`const cfg = base`): reported at the literal', () => {
    const code = `${HEAD}const base = { name: "github", ${GH_ENDPOINTS}, ${ENV_ID}, clientSecret: "${SECRET}" };
const cfg = base;
worker.oauth("github", cfg);`;
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedSecret']);
    expect(at(messages[0]!)).toBe(posOf(code, `"${SECRET}"`));
  });

  it('a const map of provider configs, passed as `PROVIDERS.linear`', () => {
    const code = `${HEAD}const PROVIDERS = {
  linear: { name: "linear", ${LINEAR_ENDPOINTS}, scope: "read", clientId: "${SECRET_2}", clientSecret: "${SECRET}" },
} as const;
worker.oauth("linear", PROVIDERS.linear);`;
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedClientId', 'hardcodedSecret']);
    expect(messages.map((m) => m.line)).toEqual([5, 5]);
  });

  it('one const config registered under two keys is reported once', () => {
    const code = `${HEAD}const cfg = { name: "github", ${GH_ENDPOINTS}, ${ENV_ID}, clientSecret: "${SECRET}" };
worker.oauth("github", cfg);
worker.oauth("githubBackup", cfg);`;
    expect(ids(code)).toEqual(['hardcodedSecret']);
  });

  it('config `satisfies` a type inside Object.freeze', () => {
    const code = `${HEAD}type Cfg = Record<string, string>;
const cfg = Object.freeze({ name: "github", ${GH_ENDPOINTS}, ${ENV_ID}, clientSecret: "${SECRET}" } satisfies Cfg);
worker.oauth("github", cfg);`;
    expect(ids(code)).toEqual(['hardcodedSecret']);
  });

  it('spread of a local const holding the client (not overridden): reported at the literal in the const', () => {
    const code = `${HEAD}const GITHUB_CLIENT = { clientId: process.env.GITHUB_CLIENT_ID ?? "", clientSecret: "${SECRET}" };
worker.oauth("github", { ...GITHUB_CLIENT, name: "github", ${GH_ENDPOINTS}, scope: "read:user" });`;
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedSecret']);
    expect(at(messages[0]!)).toBe(posOf(code, `"${SECRET}"`));
  });

  it('spread of a local const whose secret the call overrides with an env read: the configuration reads env → nothing', () => {
    const code = `${HEAD}const DEFAULTS = { clientId: process.env.GITHUB_CLIENT_ID ?? "", clientSecret: "${SECRET}" };
worker.oauth("github", { ...DEFAULTS, name: "github", ${GH_ENDPOINTS}, ${ENV_SECRET} });`;
    expect(ids(code)).toEqual([]);
  });

  it('a local factory returning a plain OAuth object (both endpoint keys) is checked', () => {
    const code = `${HEAD}function githubConfig() {
  return { name: "github", ${GH_ENDPOINTS}, scope: "read:user", ${ENV_ID}, clientSecret: "${SECRET}" };
}
worker.oauth("github", githubConfig());`;
    expect(ids(code)).toEqual(['hardcodedSecret']);
  });

  it('a plain OAuth object wrapped by an unknown helper is still a plain OAuth object', () => {
    const code = `${HEAD}import { withDefaults } from "./oauth-helpers";
worker.oauth("github", withDefaults({ name: "github", ${GH_ENDPOINTS}, ${ENV_ID}, clientSecret: "${SECRET}" }));`;
    expect(ids(code)).toEqual(['hardcodedSecret']);
  });

  it('an unknown factory with no endpoint keys in sight: nothing (no guessing)', () => {
    const code = `${HEAD}import { githubOAuth } from "./oauth-helpers";
worker.oauth("github", githubOAuth({ clientId: process.env.GITHUB_CLIENT_ID ?? "", clientSecret: "${SECRET}" }));`;
    expect(ids(code)).toEqual([]);
  });

  it('`SECRETS["github"]` (a string-literal member of a const object)', () => {
    const code = gh(`${ENV_ID}, clientSecret: SECRETS["github"]`, `const SECRETS = { github: "${SECRET}" };\n`);
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedSecret']);
    expect(messages[0]!.line).toBe(4);
  });

  it('a nested const object member `CREDS.github.oauth.secret`', () => {
    const code = gh(`${ENV_ID}, clientSecret: CREDS.github.oauth.secret`, `const CREDS = { github: { oauth: { secret: "${SECRET}" } } };\n`);
    expect(ids(code)).toEqual(['hardcodedSecret']);
  });

  it('a value imported from a module (`import { clientSecret } from "./secrets"`): nothing', () => {
    const code = gh(`${ENV_ID}, clientSecret`, '', `import { clientSecret } from "./secrets";\n${HEAD}`);
    expect(ids(code)).toEqual([]);
  });
});

// =====================================================================================================================
describe('env reads in every accepted form', () => {
  const accepted: [string, string, string?][] = [
    ['`process.env.X?.trim()` with and without `?? ""`', 'clientId: process.env.GITHUB_CLIENT_ID?.trim() ?? "", clientSecret: process.env.GITHUB_CLIENT_SECRET?.trim()'],
    ['`String(process.env.X)` and `String(process.env.X ?? "")`', 'clientId: String(process.env.GITHUB_CLIENT_ID), clientSecret: String(process.env.GITHUB_CLIENT_SECRET ?? "")'],
    ['`(process.env.X ?? "").trim()`', 'clientId: (process.env.GITHUB_CLIENT_ID ?? "").trim(), clientSecret: (process.env["GITHUB_CLIENT_SECRET"] || "").trim()'],
    ['chained env reads ending in `""`', 'clientId: process.env.GITHUB_CLIENT_ID ?? process.env.GH_CLIENT_ID ?? "", clientSecret: process.env.GITHUB_CLIENT_SECRET ?? process.env.GH_CLIENT_SECRET ?? ""'],
    ["empty fallbacks written `''` and an empty template", "clientId: process.env.GITHUB_CLIENT_ID ?? '', clientSecret: process.env.GITHUB_CLIENT_SECRET ?? ``"],
    ['a template literal made only of env parts', 'clientId: `${process.env.GITHUB_CLIENT_ID}`, clientSecret: `${process.env.GITHUB_SECRET_PREFIX ?? ""}${process.env.GITHUB_SECRET_SUFFIX ?? ""}`'],
    ['`?? undefined`', 'clientId: process.env.GITHUB_CLIENT_ID ?? undefined, clientSecret: process.env.GITHUB_CLIENT_SECRET || undefined'],
    ['a const bound to a trimmed env read, and a const equal to `""` as fallback', 'clientId, clientSecret: process.env.GITHUB_CLIENT_SECRET ?? EMPTY', 'const clientId = process.env.GITHUB_CLIENT_ID?.trim() ?? "";\nconst EMPTY = "";\n'],
    ['destructuring from a const bound to process.env', 'clientId: GITHUB_CLIENT_ID, clientSecret: GITHUB_CLIENT_SECRET', 'const env = process.env;\nconst { GITHUB_CLIENT_ID = "", GITHUB_CLIENT_SECRET = "" } = env;\n'],
  ];
  for (const [name, client, before] of accepted) {
    it(`accepted: ${name}`, () => expect(ids(gh(client, before))).toEqual([]));
  }

  it('accepted: `import { env } from "node:process"` and `env.X ?? ""`', () => {
    const code = gh('clientId: env.GITHUB_CLIENT_ID ?? "", clientSecret: env["GITHUB_CLIENT_SECRET"] ?? ""', '', `import { env } from "node:process";\n${HEAD}`);
    expect(ids(code)).toEqual([]);
  });

  it('accepted: `import process from "node:process"`', () => {
    const code = gh(`${ENV_ID}, ${ENV_SECRET}`, '', `import process from "node:process";\n${HEAD}`);
    expect(ids(code)).toEqual([]);
  });

  it('accepted in a `.js` file with CommonJS require', () => {
    const code = `const { Worker } = require("@notionhq/workers");\nconst worker = new Worker();\nmodule.exports = worker;\nworker.oauth("github", { name: "github", ${GH_ENDPOINTS}, clientId: process.env["GITHUB_CLIENT_ID"], clientSecret: process.env.GITHUB_CLIENT_SECRET?.trim() ?? "" });`;
    expect(ids(code, { file: 'src/worker.js' })).toEqual([]);
  });
});

// =====================================================================================================================
describe('hardcoded fallbacks', () => {
  it('`process.env.X?.trim() ?? "literal"`', () => {
    expect(ids(gh(`${ENV_ID}, clientSecret: process.env.GITHUB_CLIENT_SECRET?.trim() ?? "${SECRET}"`))).toEqual(['hardcodedFallback']);
  });

  it('`String(process.env.X ?? "literal")`', () => {
    expect(ids(gh(`${ENV_ID}, clientSecret: String(process.env.GITHUB_CLIENT_SECRET ?? "${SECRET}")`))).toEqual(['hardcodedFallback']);
  });

  it('a placeholder fallback `|| "changeme"` still ships a value', () => {
    expect(ids(gh(`${ENV_ID}, clientSecret: process.env.GITHUB_CLIENT_SECRET || "changeme"`))).toEqual(['hardcodedFallback']);
  });

  it('a fallback that is a template literal of consts', () => {
    const code = gh(`${ENV_ID}, clientSecret: process.env.GITHUB_CLIENT_SECRET ?? \`\${DEV_PREFIX}${SECRET.slice(10)}\``, `const DEV_PREFIX = "${SECRET.slice(0, 10)}";\n`);
    expect(ids(code)).toEqual(['hardcodedFallback']);
  });

  it('a numeric client id fallback', () => {
    expect(ids(gh(`clientId: process.env.GITHUB_CLIENT_ID ?? 1234567890, ${ENV_SECRET}`))).toEqual(['hardcodedFallback']);
  });

  it('`process.env.X ?? "literal"` with `import process from "node:process"`', () => {
    const code = gh(`${ENV_ID}, clientSecret: process.env.GITHUB_CLIENT_SECRET ?? "${SECRET}"`, '', `import process from "node:process";\n${HEAD}`);
    expect(ids(code)).toEqual(['hardcodedFallback']);
  });

  it('the message names the env variable that is read (`process.env["GH_OAUTH_SECRET"]`)', () => {
    const messages = lint(gh(`${ENV_ID}, clientSecret: process.env["GH_OAUTH_SECRET"] ?? "${SECRET}"`));
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedFallback']);
    expect(envOf(messages[0]!.message)).toBe('GH_OAUTH_SECRET');
    expect(messages[0]!.message).toContain('Rotate it');
  });

  it('a client id fallback does not ask to rotate; `checkClientId: false` silences it', () => {
    const code = gh(`clientId: process.env.GITHUB_CLIENT_ID || "${GH_APP_ID}", ${ENV_SECRET}`);
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedFallback']);
    expect(messages[0]!.message).not.toContain('Rotate');
    expect(ids(code, { options: { checkClientId: false } })).toEqual([]);
  });

  it('the suggestion empties a `||` fallback and keeps the operator', () => {
    const code = gh(`${ENV_ID}, clientSecret: process.env.GITHUB_CLIENT_SECRET || "${SECRET}"`);
    const [m] = lint(code);
    expect(m!.suggestions?.map((s) => s.messageId)).toEqual(['dropFallback']);
    expect(applySuggestion(code, m!)).toBe(code.replace(`"${SECRET}"`, '""'));
    expect(m!.fix).toBeUndefined(); // never an autofix
  });
});

// =====================================================================================================================
describe('hardcoded values: literals, placeholders, built strings', () => {
  it('placeholder client id `"<client-id>"` is a hardcoded literal', () => {
    expect(ids(gh(`clientId: "<client-id>", ${ENV_SECRET}`))).toEqual(['hardcodedClientId']);
  });

  it('placeholder secrets `"TODO"` and `"your-client-secret"` are hardcoded literals (only `""` is exempt)', () => {
    expect(ids(gh(`${ENV_ID}, clientSecret: "TODO"`))).toEqual(['hardcodedSecret']);
    expect(ids(gh(`${ENV_ID}, clientSecret: "your-client-secret"`))).toEqual(['hardcodedSecret']);
  });

  it('a concatenation of a const and a literal', () => {
    const code = gh(`${ENV_ID}, clientSecret: SECRET_HEAD + "${SECRET.slice(12)}"`, `const SECRET_HEAD = "${SECRET.slice(0, 12)}";\n`);
    expect(ids(code)).toEqual(['hardcodedSecret']);
  });

  it('a literal with run-time parts (`"prefix-" + process.env.X`) is not hardcoded', () => {
    expect(ids(gh(`${ENV_ID}, clientSecret: "gh-" + process.env.GITHUB_CLIENT_SECRET`))).toEqual([]);
  });

  it('`clientId: ""` with the secret read from env: nothing', () => {
    expect(ids(gh(`clientId: "", ${ENV_SECRET}`))).toEqual([]);
  });

  it('a const object destructured (`const { secret } = CREDS`) is a const holding a literal', () => {
    const code = gh(`${ENV_ID}, clientSecret: secret`, `const CREDS = { id: "x", secret: "${SECRET}" };\nconst { secret } = CREDS;\n`);
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedSecret']);
    expect(at(messages[0]!)).toBe(posOf(code, `"${SECRET}"`));
  });
});

// =====================================================================================================================
describe('client libraries the docs list', () => {
  it('arctic `new GitHub(id, secret, redirect)` with literals', () => {
    const code = `import { GitHub } from "arctic";\nexport const github = new GitHub("${GH_APP_ID}", "${GH_SECRET}", "https://app.acme.dev/login/github/callback");`;
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedClientId', 'hardcodedSecret']);
    expect(envOf(messages[1]!.message)).toBe('GITHUB_OAUTH_CLIENT_SECRET');
  });

  it('arctic through a namespace import (`new arctic.Google(...)`)', () => {
    const code = `import * as arctic from "arctic";\nexport const google = new arctic.Google("${GOOGLE_ID}", "${GOOGLE_SECRET}", "https://app.acme.dev/cb");`;
    expect(ids(code)).toEqual(['hardcodedClientId', 'hardcodedSecret']);
  });

  it('arctic with env reads: nothing; with a literal fallback: hardcodedFallback', () => {
    expect(ids('import { GitHub } from "arctic";\nexport const github = new GitHub(process.env.GITHUB_CLIENT_ID ?? "", process.env.GITHUB_CLIENT_SECRET ?? "", null);')).toEqual([]);
    expect(ids(`import { GitHub } from "arctic";\nexport const github = new GitHub(process.env.GITHUB_CLIENT_ID ?? "", process.env.GITHUB_CLIENT_SECRET ?? "${SECRET}", null);`)).toEqual(['hardcodedFallback']);
  });

  it('arctic with `checkClientId: false` reports only the secret', () => {
    const code = `import { GitHub } from "arctic";\nexport const github = new GitHub("${GH_APP_ID}", "${GH_SECRET}", null);`;
    expect(ids(code, { options: { checkClientId: false } })).toEqual(['hardcodedSecret']);
  });

  it('googleapis from CommonJS `require("googleapis")`', () => {
    const code = `const { google } = require("googleapis");\nconst oauth2 = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, "${GOOGLE_SECRET}", "https://app.acme.dev/cb");\nmodule.exports = oauth2;`;
    expect(ids(code, { file: 'src/google.cjs' })).toEqual(['hardcodedSecret']);
  });

  it('googleapis `setCredentials({ access_token, refresh_token })`: both tokens reported; `checkTokens: false` silences them', () => {
    const code = `import { google } from "googleapis";
const oauth2 = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET, "https://app.acme.dev/cb");
oauth2.setCredentials({ access_token: "${GOOGLE_ACCESS}", refresh_token: "${GOOGLE_REFRESH}" });`;
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedSecret', 'hardcodedSecret']);
    expect(messages.map((m) => envOf(m.message))).toEqual(['GOOGLE_OAUTH_ACCESS_TOKEN', 'GOOGLE_OAUTH_REFRESH_TOKEN']);
    expect(ids(code, { options: { checkTokens: false } })).toEqual([]);
  });

  it('googleapis `setCredentials(TOKENS)` with a const object: reported at the literal', () => {
    const code = `import { google } from "googleapis";
const TOKENS = { refresh_token: "${GOOGLE_REFRESH}" };
const oauth2 = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET);
oauth2.setCredentials(TOKENS);`;
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedSecret']);
    expect(at(messages[0]!)).toBe(posOf(code, `"${GOOGLE_REFRESH}"`));
  });

  it('googleapis with env reads and an env refresh token: nothing', () => {
    const code = `import { google } from "googleapis";
const oauth2 = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID ?? "", process.env.GOOGLE_CLIENT_SECRET ?? "", process.env.GOOGLE_REDIRECT_URI);
oauth2.setCredentials({ refresh_token: process.env.GOOGLE_REFRESH_TOKEN ?? "" });`;
    expect(ids(code)).toEqual([]);
  });

  it('simple-oauth2: a config const with `client.id` hardcoded reports the id (key `id`)', () => {
    const code = `import { AuthorizationCode } from "simple-oauth2";
const config = { client: { id: "${GH_APP_ID}", secret: process.env.GITHUB_CLIENT_SECRET ?? "" }, auth: { tokenHost: "https://github.com", tokenPath: "/login/oauth/access_token", authorizePath: "/login/oauth/authorize" } };
export const client = new AuthorizationCode(config);`;
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedClientId']);
    expect(messages[0]!.message).toMatch(/^`id` of/);
    expect(ids(code, { options: { checkClientId: false } })).toEqual([]);
  });

  it('simple-oauth2 `ClientCredentials` with both values hardcoded', () => {
    const code = `import { ClientCredentials } from "simple-oauth2";
export const cc = new ClientCredentials({ client: { id: "${SECRET_2}", secret: "${SECRET}" }, auth: { tokenHost: "https://api.acme.io" } });`;
    expect(ids(code)).toEqual(['hardcodedClientId', 'hardcodedSecret']);
  });

  it('passport-google-oauth20 with a hardcoded secret fallback', () => {
    const code = `import { Strategy as GoogleStrategy } from "passport-google-oauth20";
export const google = new GoogleStrategy({ clientID: process.env.GOOGLE_CLIENT_ID!, clientSecret: process.env.GOOGLE_CLIENT_SECRET ?? "${GOOGLE_SECRET}", callbackURL: "https://app.acme.dev/auth/google/callback" }, (_a, _r, profile, done) => done(null, profile));`;
    expect(ids(code)).toEqual(['hardcodedFallback']);
  });

  it('passport-github2 through `require(...).Strategy` and a const secret', () => {
    const code = `const passport = require("passport");
const GitHubStrategy = require("passport-github2").Strategy;
const GITHUB_SECRET = "${GH_SECRET}";
passport.use(new GitHubStrategy({ clientID: "${GH_APP_ID}", clientSecret: GITHUB_SECRET, callbackURL: "https://app.acme.dev/cb" }, (a, r, p, done) => done(null, p)));`;
    const messages = lint(code, { file: 'src/auth.cjs' });
    expect(messages.map((m) => m.messageId).sort()).toEqual(['hardcodedClientId', 'hardcodedSecret']);
    expect(messages.find((m) => m.messageId === 'hardcodedSecret')!.line).toBe(3);
  });

  it('passport-oauth2 (generic) with authorizationURL/tokenURL', () => {
    const code = `import OAuth2Strategy from "passport-oauth2";
export const acme = new OAuth2Strategy({ authorizationURL: "https://auth.acme.io/authorize", tokenURL: "https://auth.acme.io/token", clientID: "acme-web", clientSecret: "${SECRET}", callbackURL: "https://app.acme.dev/cb" }, (a: string, r: string, p: unknown, done: (e: null, u: unknown) => void) => done(null, p));`;
    expect(ids(code)).toEqual(['hardcodedClientId', 'hardcodedSecret']);
  });

  it('passport strategy reading env: nothing', () => {
    const code = `import { Strategy } from "passport-github2";
export const s = new Strategy({ clientID: process.env.GITHUB_CLIENT_ID ?? "", clientSecret: process.env.GITHUB_CLIENT_SECRET ?? "", callbackURL: "https://app.acme.dev/cb" }, () => {});`;
    expect(ids(code)).toEqual([]);
  });

  it('@octokit/oauth-app `new OAuthApp({ clientId, clientSecret })`', () => {
    const code = `import { OAuthApp } from "@octokit/oauth-app";\nexport const app = new OAuthApp({ clientType: "github-app", clientId: "${GH_APP_ID}", clientSecret: "${GH_SECRET}" });`;
    expect(ids(code)).toEqual(['hardcodedClientId', 'hardcodedSecret']);
  });

  it('@octokit/auth-oauth-user `createOAuthUserAuth({ clientId, clientSecret, code })`', () => {
    const code = `import { createOAuthUserAuth } from "@octokit/auth-oauth-user";\nexport const auth = createOAuthUserAuth({ clientId: process.env.GITHUB_CLIENT_ID ?? "", clientSecret: "${GH_SECRET}", code: "abc" });`;
    expect(ids(code)).toEqual(['hardcodedSecret']);
  });

  it('googleapis options-object form `new google.auth.OAuth2({ clientId, clientSecret, redirectUri })`', () => {
    const code = `import { google } from "googleapis";\nexport const oauth2 = new google.auth.OAuth2({ clientId: "${GOOGLE_ID}", clientSecret: "${GOOGLE_SECRET}", redirectUri: "https://app.acme.dev/cb" });`;
    expect(ids(code)).toEqual(['hardcodedClientId', 'hardcodedSecret']);
  });

  it('OIDC-style plain object (`authorization_endpoint`, `token_endpoint`, `client_id`, `client_secret`)', () => {
    const code = `export const acme = { authorization_endpoint: "https://auth.acme.io/authorize", token_endpoint: "https://auth.acme.io/token", client_id: "acme-web", client_secret: "${SECRET}" };`;
    expect(ids(code)).toEqual(['hardcodedClientId', 'hardcodedSecret']);
  });

  it('plain config object: `refresh_token` and `accessToken` are token fields; `checkTokens: false` keeps the secret', () => {
    const code = `export const acme = { authorizationUrl: "https://auth.acme.io/authorize", tokenUrl: "https://auth.acme.io/token", clientId: process.env.ACME_CLIENT_ID ?? "", clientSecret: "${SECRET}", accessToken: "${SECRET_2}", refresh_token: "${GOOGLE_REFRESH}" };`;
    const messages = lint(code);
    expect(messages.map((m) => m.messageId)).toEqual(['hardcodedSecret', 'hardcodedSecret', 'hardcodedSecret']);
    expect(messages.map((m) => envOf(m.message))).toEqual(['ACME_OAUTH_CLIENT_SECRET', 'ACME_OAUTH_ACCESS_TOKEN', 'ACME_OAUTH_REFRESH_TOKEN']);
    expect(ids(code, { options: { checkTokens: false } })).toEqual(['hardcodedSecret']);
  });

  it('an object with only a token endpoint is not an OAuth configuration the docs list', () => {
    expect(ids(`export const acme = { tokenUrl: "https://auth.acme.io/token", clientId: "acme", clientSecret: "${SECRET}" };`)).toEqual([]);
  });

  it('an object with credential-named keys but no endpoints and no known library: nothing', () => {
    expect(ids(`export const settings = { clientId: "acme-web", clientSecret: "${SECRET}" };`)).toEqual([]);
  });
});

// =====================================================================================================================
describe('test files and options', () => {
  const code = gh(`clientId: "mock-client-id", clientSecret: "test-secret"`);
  for (const file of ['test/oauth.ts', 'src/fixtures/oauth.ts', 'src/worker.spec.ts', 'src/oauth.stories.tsx']) {
    it(`skipped by default: ${file}`, () => expect(ids(code, { file })).toEqual([]));
  }
  for (const file of ['src/contest/worker.ts', 'src/latest.ts', 'src/testing-utils/oauth.ts']) {
    it(`not a test file, checked: ${file}`, () => expect(ids(code, { file })).toEqual(['hardcodedClientId', 'hardcodedSecret']));
  }
  it('`checkTestFiles: true` checks `test/`', () => {
    expect(ids(code, { file: 'test/oauth.ts', options: { checkTestFiles: true } })).toEqual(['hardcodedClientId', 'hardcodedSecret']);
  });
  it('`checkClientId: false` on a passport strategy keeps the secret', () => {
    const p = `import { Strategy } from "passport-github2";\nexport const s = new Strategy({ clientID: "${GH_APP_ID}", clientSecret: "${GH_SECRET}", callbackURL: "https://a.dev/cb" }, () => {});`;
    expect(ids(p, { options: { checkClientId: false } })).toEqual(['hardcodedSecret']);
  });
  it('an unknown option is rejected by the schema', () => {
    expect(() => lint(code, { options: { checkSecrets: false } })).toThrow();
  });
});

// =====================================================================================================================
describe('messages: masking and env names', () => {
  it('a Google secret shows its public prefix and the last four characters only', () => {
    const [m] = lint(gh(`clientId: process.env.GOOGLE_CLIENT_ID ?? "", clientSecret: "${GOOGLE_SECRET}"`));
    expect(maskedOf(m!)).toBe(`GOCSPX-…${GOOGLE_SECRET.slice(-4)}`);
  });

  it('a generic secret shows at most its last four characters', () => {
    const [m] = lint(gh(`${ENV_ID}, clientSecret: "${SECRET}"`));
    expect(maskedOf(m!)).toBe(`…${SECRET.slice(-4)}`);
  });

  it('a fallback shows the fallback masked', () => {
    const [m] = lint(gh(`${ENV_ID}, clientSecret: process.env.GITHUB_CLIENT_SECRET ?? "${GH_SECRET}"`));
    expect(maskedOf(m!)).toBe(redact(GH_SECRET));
  });

  it('a short placeholder is not half printed', () => {
    const [m] = lint(gh(`${ENV_ID}, clientSecret: "your-client-secret"`));
    expect(maskedOf(m!)).toBe(redact('your-client-secret'));
    expect(m!.message).not.toContain('your-client');
  });

  it('NAME from `name` with a space (`"Google Drive"` → GOOGLE_DRIVE)', () => {
    const code = `${HEAD}worker.oauth("drive", { name: "Google Drive", authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth", tokenEndpoint: "https://oauth2.googleapis.com/token", clientId: "${GOOGLE_ID}", clientSecret: process.env.X ?? "" });`;
    const [m] = lint(code);
    expect(envOf(m!.message)).toBe('GOOGLE_DRIVE_OAUTH_CLIENT_ID');
    expect(applySuggestion(code, m!)).toBe(code.replace(`"${GOOGLE_ID}"`, 'process.env.GOOGLE_DRIVE_OAUTH_CLIENT_ID ?? ""'));
  });

  it('NAME from the key when there is no `name` (`salesforceAuth` → SALESFORCE)', () => {
    const code = `${HEAD}worker.oauth("salesforceAuth", { ${SF_ENDPOINTS}, clientId: process.env.SF_ID ?? "", clientSecret: "${SECRET}" });`;
    const [m] = lint(code);
    expect(envOf(m!.message)).toBe('SALESFORCE_OAUTH_CLIENT_SECRET');
    expect(m!.suggestions?.map((s) => envOf(s.desc))).toEqual(['SALESFORCE_OAUTH_CLIENT_SECRET']);
  });

  it('NAME from `name: "GitHub"` is GITHUB (the README spelling), not GIT_HUB', () => {
    const code = `${HEAD}worker.oauth("github", { name: "GitHub", ${GH_ENDPOINTS}, ${ENV_ID}, clientSecret: "${SECRET}" });`;
    expect(envOf(lint(code)[0]!.message)).toBe('GITHUB_OAUTH_CLIENT_SECRET');
  });

  it('a config that is both worker.oauth and a plain OAuth object is named after worker.oauth', () => {
    const code = `${HEAD}worker.oauth("linear", { name: "linear", ${LINEAR_ENDPOINTS}, clientId: process.env.L ?? "", clientSecret: "${SECRET}" });`;
    const messages = lint(code);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('`worker.oauth("linear")`');
  });

  it('no-hardcoded-secrets and this rule name the env variable of a Google secret each as their own doc says', () => {
    // ambiguity: the same literal gets GOOGLE_DRIVE_OAUTH_CLIENT_SECRET here and GOOGLE_CLIENT_SECRET from no-hardcoded-secrets
    const code = `${HEAD}worker.oauth("googleDriveAuth", { authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth", tokenEndpoint: "https://oauth2.googleapis.com/token", clientId: process.env.GOOGLE_CLIENT_ID ?? "", clientSecret: "${GOOGLE_SECRET}" });`;
    const mine = lint(code);
    const theirs = lint(code, { rule: 'worker-auth/no-hardcoded-secrets' });
    expect(mine.map((m) => m.suggestions?.map((s) => envOf(s.desc)))).toEqual([['GOOGLE_DRIVE_OAUTH_CLIENT_SECRET']]);
    expect(theirs).toHaveLength(1);
    const theirName = envOf(applySuggestion(code, theirs[0]!).slice(code.indexOf(`"${GOOGLE_SECRET}"`)));
    expect(theirName).toBe('GOOGLE_CLIENT_SECRET');
  });
});

// =====================================================================================================================
// exact data, locations and suggestions (RuleTester, typescript-eslint parser)
// =====================================================================================================================
const arcticCode = `import { GitHub } from "arctic";\nexport const github = new GitHub(process.env.GITHUB_CLIENT_ID ?? "", "${GH_SECRET}", null);`;
const numericFallback = gh(`clientId: process.env.GITHUB_CLIENT_ID ?? 1234567890, ${ENV_SECRET}`);
const plainRefresh = `export const acme = { authorizationUrl: "https://auth.acme.io/authorize", tokenUrl: "https://auth.acme.io/token", refreshToken: "${GOOGLE_REFRESH}" };`;
const octokitApp = `import { OAuthApp } from "@octokit/oauth-app";\nexport const app = new OAuthApp({ clientId: process.env.GITHUB_CLIENT_ID ?? "", clientSecret: "${GH_SECRET}" });`;

const ts = new RuleTester();
ts.run('oauth-credentials-from-env held-out (exact reports)', rule, {
  valid: [
    { name: 'managed form only', code: `${HEAD}worker.oauth("notion-google", { name: "Google", provider: "google" });\nworker.oauth("gh", { name: "GitHub", provider: "github" });` },
    { name: 'env alias with optional chaining and String()', code: gh('clientId: String(env?.GITHUB_CLIENT_ID ?? ""), clientSecret: env.GITHUB_CLIENT_SECRET?.trim() ?? ""', 'const env = process.env;\n') },
  ],
  invalid: [
    {
      name: 'arctic: exact data and suggestion',
      code: arcticCode,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { key: 'clientSecret', config: 'this arctic `GitHub` client', masked: redact(GH_SECRET), envName: 'GITHUB_OAUTH_CLIENT_SECRET' },
          ...span(arcticCode, `"${GH_SECRET}"`),
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_OAUTH_CLIENT_SECRET' }, output: arcticCode.replace(`"${GH_SECRET}"`, 'process.env.GITHUB_OAUTH_CLIENT_SECRET ?? ""') }],
        },
      ],
    },
    {
      name: 'numeric client id fallback',
      code: numericFallback,
      errors: [
        {
          messageId: 'hardcodedFallback',
          data: { key: 'clientId', config: '`worker.oauth("github")`', masked: redact('1234567890'), envName: 'GITHUB_CLIENT_ID', rotate: '' },
          ...span(numericFallback, '1234567890'),
          suggestions: [{ messageId: 'dropFallback', output: numericFallback.replace('1234567890', '""') }],
        },
      ],
    },
    {
      name: 'refreshToken in a plain OAuth object',
      code: plainRefresh,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { key: 'refreshToken', config: 'this OAuth configuration', masked: redact(GOOGLE_REFRESH, '1//'), envName: 'ACME_OAUTH_REFRESH_TOKEN' },
          ...span(plainRefresh, `"${GOOGLE_REFRESH}"`),
          suggestions: [{ messageId: 'useEnv', output: plainRefresh.replace(`"${GOOGLE_REFRESH}"`, 'process.env.ACME_OAUTH_REFRESH_TOKEN ?? ""') }],
        },
      ],
    },
    {
      name: '@octokit/oauth-app: GITHUB naming',
      code: octokitApp,
      errors: [
        {
          messageId: 'hardcodedSecret',
          ...span(octokitApp, `"${GH_SECRET}"`),
          suggestions: [{ messageId: 'useEnv', output: octokitApp.replace(`"${GH_SECRET}"`, 'process.env.GITHUB_OAUTH_CLIENT_SECRET ?? ""') }],
        },
      ],
    },
  ],
});

// =====================================================================================================================
describe('gaps found by the held-out set, fixed', () => {
  // expected hardcodedFallback, actual nothing; doc: "Reported: … a non-empty literal fallback (`process.env.X ?? \"abc\"`), which ships the value whenever the variable is unset" (String(process.env.X ?? "…") is reported)
  it('a fallback inside a template literal: `${process.env.X ?? "literal"}`', () => {
    expect(ids(gh(`${ENV_ID}, clientSecret: \`\${process.env.GITHUB_CLIENT_SECRET ?? "${SECRET}"}\``))).toEqual(['hardcodedFallback']);
  });

  // expected hardcodedFallback, actual nothing; doc: the same fallback sentence — `env` of node:process is process.env (`import process from "node:process"` is handled)
  it('`env.X ?? "literal"` with `import { env } from "node:process"`', () => {
    const code = gh(`${ENV_ID}, clientSecret: env.GITHUB_CLIENT_SECRET ?? "${SECRET}"`, '', `import { env } from "node:process";\n${HEAD}`);
    expect(ids(code)).toEqual(['hardcodedFallback']);
  });

  // expected hardcodedFallback, actual nothing; doc: "Accepted: … a read through a const bound to `process.env` (`const env = process.env; env.X`)" + the fallback sentence
  it('`env.X ?? "literal"` with `const { env } = process` (a const bound to process.env)', () => {
    expect(ids(gh(`${ENV_ID}, clientSecret: env.GITHUB_CLIENT_SECRET ?? "${SECRET}"`, 'const { env } = process;\n'))).toEqual(['hardcodedFallback']);
  });

  // expected hardcodedSecret, actual nothing; doc: "`@octokit/auth-oauth-app` and friends" (auth-app takes the same OAuth clientId/clientSecret)
  it('@octokit/auth-app `createAppAuth({ appId, privateKey, clientId, clientSecret })`', () => {
    const code = `import { createAppAuth } from "@octokit/auth-app";\nexport const auth = createAppAuth({ appId: 123, privateKey: process.env.GITHUB_APP_PRIVATE_KEY ?? "", clientId: process.env.GITHUB_CLIENT_ID ?? "", clientSecret: "${GH_SECRET}" });`;
    expect(ids(code)).toEqual(['hardcodedSecret']);
  });

  // expected hardcodedSecret, actual nothing; doc: "`@octokit/auth-oauth-app` and friends" (the octokit README passes createOAuthAppAuth's options as `auth`)
  it('@octokit/core `new Octokit({ authStrategy: createOAuthAppAuth, auth: { clientId, clientSecret } })`', () => {
    const code = `import { Octokit } from "@octokit/core";\nimport { createOAuthAppAuth } from "@octokit/auth-oauth-app";\nexport const octokit = new Octokit({ authStrategy: createOAuthAppAuth, auth: { clientId: process.env.GITHUB_CLIENT_ID ?? "", clientSecret: "${GH_SECRET}" } });`;
    expect(ids(code)).toEqual(['hardcodedSecret']);
  });
});
