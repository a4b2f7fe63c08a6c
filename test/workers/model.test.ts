/** The worker model: which configurations are recognised, from which references, and what is read from them. */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import * as espree from 'espree';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { splitScopes } from '../../src/oauth/scopes.js';
import {
  AUTHORIZATION_ENDPOINT_KEYS,
  envNameBase,
  getWorkerModel,
  MODEL_TEXT,
  modelMayApply,
  toUpperSnakeName,
  TRACED_MODULE_TEXT,
  type OAuthConfig,
  type WorkerModel,
} from '../../src/workers/model.js';
import { classifyCredential, locateScopes, resolveUrl, staticString, type CredentialValue } from '../../src/workers/values.js';

interface Probe {
  model: WorkerModel;
  again: WorkerModel;
  text: string;
}

/** Lints `code` with a probe rule that reads the model twice (the second read must hit the cache). */
function probe(code: string, parser: 'ts' | 'espree' = 'ts'): Probe {
  let result: Probe | undefined;
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      return {
        'Program:exit'() {
          const ctx = context as unknown as { sourceCode: TSESLint.SourceCode };
          result = { model: getWorkerModel(ctx), again: getWorkerModel(ctx), text: context.sourceCode.text };
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const languageOptions =
    parser === 'ts' ? { parser: tsParser } : { parser: espree, ecmaVersion: 'latest' as const, sourceType: 'module' as const };
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts', '**/*.js'], languageOptions, plugins: { probe: { rules: { model: rule } } }, rules: { 'probe/model': 'error' } }],
    { filename: parser === 'ts' ? 'worker.ts' : 'worker.js' },
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  if (!result) throw new Error('probe did not run');
  return result;
}

function configs(code: string, parser: 'ts' | 'espree' = 'ts'): readonly OAuthConfig[] {
  return probe(code, parser).model.configs;
}

/** A compact view of a configuration for assertions. */
function summary(config: OAuthConfig) {
  return {
    source: config.source,
    key: config.key,
    name: config.name,
    provider: config.provider?.id,
    managed: config.managed,
    incomplete: config.incomplete,
    scopes: config.scopes.map((site) => site.param),
    credentials: config.credentials.map((site) => `${site.field}:${site.key}`),
    endpoints: config.endpoints.map((site) => `${site.role}:${site.key}`),
  };
}

const HEAD = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';
const GITHUB = `{
  name: "github-app",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "repo read:user",
  clientId: process.env.GITHUB_CLIENT_ID ?? "",
  clientSecret: process.env.GITHUB_CLIENT_SECRET ?? "",
  callbackUrl: "https://example.org/cb",
  authorizationParams: { access_type: "offline" },
}`;
const GITHUB_SUMMARY = {
  source: 'notion-worker',
  key: 'githubAuth',
  name: 'github-app',
  provider: 'github',
  managed: false,
  incomplete: false,
  scopes: ['scope'],
  credentials: ['clientId:clientId', 'clientSecret:clientSecret'],
  endpoints: ['authorization:authorizationEndpoint', 'token:tokenEndpoint', 'callback:callbackUrl'],
};

describe('new Worker() from @notionhq/workers and its .oauth() calls', () => {
  it.each([
    ['a named import', `${HEAD}worker.oauth("githubAuth", ${GITHUB});`, 'ts'],
    ['a namespace import', `import * as workers from "@notionhq/workers";\nconst worker = new workers.Worker();\nworker.oauth("githubAuth", ${GITHUB});`, 'ts'],
    ['an aliased import', `import { Worker as W } from "@notionhq/workers";\nexport const worker = new W();\nworker.oauth("githubAuth", ${GITHUB});`, 'ts'],
    ['a destructured require', `const { Worker } = require("@notionhq/workers");\nconst worker = new Worker();\nmodule.exports = worker;\nworker.oauth("githubAuth", ${GITHUB});`, 'espree'],
    ['a required namespace', `const workers = require("@notionhq/workers");\nconst worker = new workers.Worker();\nworker.oauth("githubAuth", ${GITHUB});`, 'espree'],
    ['an import-equals require', `import workers = require("@notionhq/workers");\nconst worker = new workers.Worker();\nworker.oauth("githubAuth", ${GITHUB});`, 'ts'],
    ['an exported import-equals require, aliased', `export import workers = require("@notionhq/workers");\nconst sdk = workers;\nexport const worker = new sdk.Worker();\nworker.oauth("githubAuth", ${GITHUB});`, 'ts'],
    ['a chained call', `import { Worker } from "@notionhq/workers";\nnew Worker().oauth("githubAuth", ${GITHUB});`, 'espree'],
    ['a TypeScript wrapper', `${HEAD}(worker as Worker).oauth("githubAuth", ${GITHUB} satisfies object);`, 'ts'],
    ['a config in a const', `${HEAD}const config = ${GITHUB};\nworker.oauth("githubAuth", config);`, 'ts'],
    ['a config frozen in a const', `${HEAD}const config = Object.freeze(${GITHUB});\nworker.oauth("githubAuth", config);`, 'ts'],
  ] as const)('recognises %s', (_title, code, parser) => {
    const { model, again } = probe(code, parser);
    expect(again).toBe(model);
    expect(model.workers).toHaveLength(1);
    expect(model.oauthCalls).toHaveLength(1);
    expect(model.configs.map(summary)).toEqual([GITHUB_SUMMARY]);
  });

  it.each([
    ['a type-only import-equals', 'import type workers = require("@notionhq/workers");\nnew workers.Worker().oauth("k", { name: "github", scope: "repo" });'],
    ['an import-equals alias of a namespace', 'namespace sdk { export class Worker { oauth(_k: string, _c: object) {} } }\nimport workers = sdk;\nnew workers.Worker().oauth("k", { name: "github", scope: "repo" });'],
    ['an import-equals of another module', 'import workers = require("./workers");\nnew workers.Worker().oauth("k", { name: "github", scope: "repo" });'],
  ])('does not take %s for the SDK', (_title, code) => {
    const { model } = probe(code);
    expect(model.workers).toEqual([]);
    expect(model.oauthCalls).toEqual([]);
  });

  it('follows an import-equals require of a passport strategy', () => {
    const found = configs('import GitHubStrategy = require("passport-github2");\nexport const s = new GitHubStrategy({ clientID: "a", clientSecret: "b", callbackURL: "https://x.dev/cb", scope: ["repo"] }, verify);');
    expect(found.map((config) => [config.source, config.provider?.id])).toEqual([['passport', 'github']]);
  });

  it('follows every variable holding the worker', () => {
    const { model } = probe(`${HEAD}let other;\nother = worker;\nworker.oauth("a", { name: "a", scope: "x" });\nother.oauth("b", { name: "b", scope: "y" });`);
    expect(model.configs.map((config) => config.key)).toEqual(['a', 'b']);
  });

  it('keeps the managed form, with nothing to check', () => {
    const [config] = configs(`${HEAD}worker.oauth("googleAuth", { name: "google", provider: "google" });`);
    expect(summary(config!)).toEqual({
      source: 'notion-worker',
      key: 'googleAuth',
      name: 'google',
      provider: 'google',
      managed: true,
      incomplete: false,
      scopes: [],
      credentials: [],
      endpoints: [],
    });
  });

  it('reads Slack user_scope and HubSpot optional_scope from authorizationParams', () => {
    const [config] = configs(
      `${HEAD}worker.oauth("slack", { authorizationEndpoint: "https://slack.com/oauth/v2/authorize", tokenEndpoint: "https://slack.com/api/oauth.v2.access", scope: "chat:write", authorizationParams: { user_scope: "search:read", optional_scope: "x" } });`,
    );
    expect(summary(config!).scopes).toEqual(['scope', 'user_scope', 'optional_scope']);
    expect(config!.provider?.id).toBe('slack');
  });

  it.each([
    ['another module', 'import { Worker } from "node:worker_threads";\nnew Worker("./x.js").oauth("k", { name: "github", scope: "repo" });'],
    ['a local class', 'class Worker { oauth(_k: string, _c: object) {} }\nnew Worker().oauth("k", { name: "github", scope: "repo" });'],
    ['a global', 'new Worker().oauth("k", { name: "github", scope: "repo" });'],
    ['a relative module', 'import { Worker } from "./worker.js";\nnew Worker().oauth("k", { name: "github", scope: "repo" });'],
  ])('ignores a Worker from %s', (_title, code) => {
    const { model } = probe(code);
    expect(model.workers).toEqual([]);
    expect(model.configs).toEqual([]);
  });

  it.each([
    ['a config built at run time', `${HEAD}worker.oauth("k", makeConfig());`],
    ['no config', `${HEAD}worker.oauth("k");`],
    ['a spread argument', `${HEAD}worker.oauth(...args);`],
    ['null', `${HEAD}worker.oauth("k", null);`],
    ['an imported config', `${HEAD}import { config } from "./config.js";\nworker.oauth("k", config);`],
    ['a parameter', `${HEAD}export function add(config: object) { worker.oauth("k", config); }`],
    ['a reassigned variable', `${HEAD}let config = { scope: "repo" };\nconfig = load();\nworker.oauth("k", config);`],
  ])('has no configuration for %s, and does not throw', (_title, code) => {
    const { model } = probe(code);
    expect(model.oauthCalls.length).toBeLessThanOrEqual(1);
    expect(model.configs).toEqual([]);
  });

  it.each([
    ['a spread of an unknown object', `${HEAD}worker.oauth("k", { ...base, name: "github", scope: "repo" });`, ['scope']],
    ['a computed key', `${HEAD}worker.oauth("k", { scope: "admin", [key]: "x", name: "github" });`, []],
    ['an unknown spread after the scope', `${HEAD}import { base } from "./b.js";\nworker.oauth("k", { scope: "admin", ...base });`, []],
  ])('marks %s as incomplete and drops what it may override', (_title, code, scopes) => {
    const [config] = configs(code);
    expect(config!.incomplete).toBe(true);
    expect(summary(config!).scopes).toEqual(scopes);
  });

  it('treats a computed key as unknown, even one a const resolves (issue 4: no report)', () => {
    const { model } = probe(
      `${HEAD}const BASE = { authorizationEndpoint: "https://gitlab.com/oauth/authorize", tokenEndpoint: "https://gitlab.com/oauth/token", scope: "api" };\nconst KEY = "scope";\nworker.oauth("gl", { ...BASE, [KEY]: "read_api" });`,
    );
    expect(model.configs[0]!.incomplete).toBe(true);
  });

  it('merges spreads of const objects in order, later keys winning', () => {
    const { model, text } = probe(
      `${HEAD}const BASE = { authorizationEndpoint: "https://gitlab.com/oauth/authorize", tokenEndpoint: "https://gitlab.com/oauth/token", scope: "api" };\nworker.oauth("gl", { ...BASE, scope: "read_api" });`,
    );
    const [config] = model.configs;
    expect(config!.incomplete).toBe(false);
    expect(config!.provider?.id).toBe('gitlab');
    expect(config!.scopes).toHaveLength(1);
    expect(staticString(config!.scopes[0]!.node, model.values)).toBe('read_api');
    expect(text.slice(...config!.scopes[0]!.node.range)).toBe('"read_api"');
  });
});

describe('provider hints', () => {
  it.each([
    ['the endpoint host', `${HEAD}worker.oauth("k", { name: "x", authorizationEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize", tokenEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/token" });`, 'microsoft'],
    ['a templated tenant host', `${HEAD}worker.oauth("k", { authorizationEndpoint: \`https://\${shop}.myshopify.com/admin/oauth/authorize\`, tokenEndpoint: "" });`, 'shopify'],
    ['the managed provider', `${HEAD}worker.oauth("k", { name: "x", provider: "salesforce" });`, 'salesforce'],
    ['the config name', `${HEAD}worker.oauth("k", { name: "google-drive", scope: "drive" });`, 'google'],
    ['the key', `${HEAD}worker.oauth("hubspotAuth", { scope: "crm.objects.contacts.read" });`, 'hubspot'],
    ['the endpoint before the name', `${HEAD}worker.oauth("github", { name: "github", authorizationEndpoint: "https://gitlab.com/oauth/authorize", tokenEndpoint: "https://gitlab.com/oauth/token" });`, 'gitlab'],
  ])('finds the provider from %s', (_title, code, id) => {
    expect(configs(code)[0]?.provider?.id).toBe(id);
  });

  it('leaves the provider unknown when nothing names one', () => {
    expect(configs(`${HEAD}worker.oauth("acme", { name: "acme", authorizationEndpoint: "https://auth.acme.io/a", tokenEndpoint: "https://auth.acme.io/t" });`)[0]?.provider).toBeUndefined();
  });
});

describe('OAuth client libraries', () => {
  it.each([
    ['a named passport strategy', 'import { Strategy as GoogleStrategy } from "passport-google-oauth20";\nexport const s = new GoogleStrategy({ clientID: "a", clientSecret: "b", callbackURL: "https://x.dev/cb", scope: ["profile"] }, verify);', 'ts', 'google'],
    ['a default-imported passport strategy', 'import GitHubStrategy from "passport-github2";\nexport const s = new GitHubStrategy({ clientID: "a", clientSecret: "b", callbackURL: "https://x.dev/cb", scope: ["repo"] }, verify);', 'ts', 'github'],
    ['a namespace-imported passport strategy', 'import * as gitlab from "passport-gitlab2";\nexport const s = new gitlab.Strategy({ clientID: "a", clientSecret: "b", callbackURL: "https://x.dev/cb", scope: "api" }, verify);', 'ts', 'gitlab'],
    ['a required passport strategy', 'const GitHubStrategy = require("passport-github2").Strategy;\nnew GitHubStrategy({ clientID: "a", clientSecret: "b", callbackURL: "https://x.dev/cb", scope: ["repo"] }, verify);', 'espree', 'github'],
    ['a generic passport-oauth2 strategy', 'const OAuth2Strategy = require("passport-oauth2");\nnew OAuth2Strategy({ authorizationURL: "https://www.dropbox.com/oauth2/authorize", tokenURL: "https://api.dropboxapi.com/oauth2/token", clientID: "a", clientSecret: "b", callbackURL: "https://x.dev/cb", scope: "x" }, verify);', 'espree', 'dropbox'],
  ] as const)('recognises %s', (_title, code, parser, provider) => {
    const found = configs(code, parser);
    expect(found.map((config) => [config.source, config.provider?.id])).toEqual([['passport', provider]]);
    expect(summary(found[0]!).credentials).toEqual(['clientId:clientID', 'clientSecret:clientSecret']);
    expect(summary(found[0]!).endpoints).toContain('callback:callbackURL');
    expect(summary(found[0]!).scopes).toEqual(['scope']);
  });

  it('recognises passport.authenticate(name, { scope }), with the provider from the strategy name', () => {
    const found = configs('import passport from "passport";\nexport const login = passport.authenticate("google", { scope: ["profile"] });');
    expect(found.map(summary)).toEqual([
      { source: 'passport', key: undefined, name: 'google', provider: 'google', managed: false, incomplete: false, scopes: ['scope'], credentials: [], endpoints: [] },
    ]);
  });

  it('takes the provider of the only strategy when the authenticate name is custom', () => {
    const found = configs(
      'import passport from "passport";\nimport { Strategy } from "passport-github2";\npassport.use("corp", new Strategy({ clientID: "a", clientSecret: "b", callbackURL: "https://x.dev/cb" }, verify));\nexport const login = passport.authenticate("corp", { scope: ["repo"] });',
    );
    expect(found.map((config) => config.provider?.id)).toEqual(['github', 'github']);
  });

  it('keeps the provider a strategy name gives over the only strategy of the file', () => {
    const found = configs(
      'import passport from "passport";\nimport { Strategy } from "passport-github2";\npassport.use(new Strategy({ clientID: "a", clientSecret: "b", callbackURL: "https://x.dev/cb" }, verify));\nexport const login = passport.authenticate("google", { scope: ["profile"] });',
    );
    expect(found.map((config) => config.provider?.id)).toEqual(['github', 'google']);
  });

  it('recognises googleapis OAuth2 (positional and options) and its generateAuthUrl/setCredentials calls', () => {
    const { model } = probe(
      'import { google } from "googleapis";\nconst a = new google.auth.OAuth2("id", "secret", "https://x.dev/cb");\nconst b = new google.auth.OAuth2({ clientId: "id", clientSecret: "s", redirectUri: "https://x.dev/cb" });\na.generateAuthUrl({ scope: ["https://www.googleapis.com/auth/drive"], redirect_uri: "https://x.dev/cb2" });\nb.setCredentials({ refresh_token: "r" });\nsomeOther.generateAuthUrl({ scope: "email" });',
    );
    expect(model.configs.map(summary)).toEqual([
      { source: 'googleapis', key: undefined, name: undefined, provider: 'google', managed: false, incomplete: false, scopes: ['scope'], credentials: ['clientId:clientId', 'clientSecret:clientSecret'], endpoints: ['callback:redirectURI', 'callback:redirect_uri'] },
      { source: 'googleapis', key: undefined, name: undefined, provider: 'google', managed: false, incomplete: false, scopes: [], credentials: ['clientId:clientId', 'clientSecret:clientSecret', 'refreshToken:refresh_token'], endpoints: ['callback:redirectUri'] },
      { source: 'googleapis', key: undefined, name: undefined, provider: 'google', managed: false, incomplete: false, scopes: ['scope'], credentials: [], endpoints: [] },
    ]);
  });

  it('recognises google-auth-library OAuth2Client', () => {
    const found = configs('const { OAuth2Client } = require("google-auth-library");\nnew OAuth2Client("id", "secret", "https://x.dev/cb");', 'espree');
    expect(found.map(summary)[0]).toMatchObject({ source: 'googleapis', provider: 'google', credentials: ['clientId:clientId', 'clientSecret:clientSecret'] });
  });

  it('ignores generateAuthUrl in a file that does not import googleapis', () => {
    expect(configs('export const url = client.generateAuthUrl({ scope: ["https://www.googleapis.com/auth/drive"] });')).toEqual([]);
  });

  it('recognises simple-oauth2 and links authorizeURL to its client', () => {
    const found = configs(
      'import { AuthorizationCode } from "simple-oauth2";\nconst client = new AuthorizationCode({ client: { id: "a", secret: "b" }, auth: { tokenHost: "https://gitlab.com", authorizePath: "/oauth/authorize" } });\nexport const url = client.authorizeURL({ redirect_uri: "https://x.dev/cb", scope: "api" });',
    );
    expect(found.map(summary)).toEqual([
      { source: 'simple-oauth2', key: undefined, name: undefined, provider: 'gitlab', managed: false, incomplete: false, scopes: ['scope'], credentials: ['clientId:id', 'clientSecret:secret'], endpoints: ['tokenHost:tokenHost', 'callback:redirect_uri'] },
    ]);
  });

  it.each([
    ['createOAuthAppAuth', 'import { createOAuthAppAuth } from "@octokit/auth-oauth-app";\ncreateOAuthAppAuth({ clientType: "oauth-app", clientId: "a", clientSecret: "b" });', []],
    ['new OAuthApp', 'import { OAuthApp } from "@octokit/oauth-app";\nnew OAuthApp({ clientId: "a", clientSecret: "b", defaultScopes: ["repo"] });', ['scope']],
    ['getWebFlowAuthorizationUrl', 'const { getWebFlowAuthorizationUrl } = require("@octokit/oauth-methods");\ngetWebFlowAuthorizationUrl({ clientId: "a", scopes: ["repo"] });', ['scope']],
  ])('recognises octokit %s', (_title, code, scopes) => {
    const found = configs(code, 'espree');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ source: 'octokit' });
    expect(found[0]!.provider?.id).toBe('github');
    expect(summary(found[0]!).scopes).toEqual(scopes);
  });

  it('recognises arctic providers, with leading tenant arguments, and links createAuthorizationURL', () => {
    const { model } = probe(
      'import * as arctic from "arctic";\nimport { Google } from "arctic";\nconst ms = new arctic.MicrosoftEntraId("common", "id", "secret", "https://x.dev/cb");\nconst google = new Google("id", "secret", "https://x.dev/cb");\nms.createAuthorizationURL(state, verifier, ["openid", "Files.ReadWrite.All"]);\ngoogle.createAuthorizationURL(state, verifier, codeVerifier);',
    );
    expect(model.configs.map(summary)).toEqual([
      { source: 'arctic', key: undefined, name: 'MicrosoftEntraId', provider: 'microsoft', managed: false, incomplete: false, scopes: ['scope'], credentials: ['clientId:clientId', 'clientSecret:clientSecret'], endpoints: ['callback:redirectURI'] },
      { source: 'arctic', key: undefined, name: 'Google', provider: 'google', managed: false, incomplete: false, scopes: [], credentials: ['clientId:clientId', 'clientSecret:clientSecret'], endpoints: ['callback:redirectURI'] },
    ]);
  });

  it('recognises arctic OAuth2Client endpoints', () => {
    const [config] = configs(
      'import { OAuth2Client } from "arctic";\nconst c = new OAuth2Client("id", null, "https://x.dev/cb");\nc.createAuthorizationURL("https://www.dropbox.com/oauth2/authorize", state, ["files.content.read"]);\nawait c.validateAuthorizationCode("https://api.dropboxapi.com/oauth2/token", code, null);',
    );
    expect(summary(config!)).toMatchObject({
      provider: 'dropbox',
      credentials: ['clientId:clientId'],
      endpoints: ['callback:redirectURI', 'authorization:authorizationEndpoint', 'token:tokenEndpoint'],
      scopes: ['scope'],
    });
  });
});

describe('plain OAuth objects', () => {
  it.each([
    ['authorizationEndpoint + tokenEndpoint', '{ authorizationEndpoint: "https://a.io/auth", tokenEndpoint: "https://a.io/token", scope: "x" }'],
    ['authorizeUrl + tokenUrl', '{ authorizeUrl: "https://a.io/auth", tokenUrl: "https://a.io/token", scope: "x" }'],
    ['authorizationURL + tokenURL', '{ authorizationURL: "https://a.io/auth", tokenURL: "https://a.io/token", scope: "x" }'],
    ['authUrl + accessTokenUrl', '{ authUrl: "https://a.io/auth", accessTokenUrl: "https://a.io/token", scope: "x" }'],
  ])('recognises %s', (_title, object) => {
    const found = configs(`export const acme = ${object};`);
    expect(found.map(summary)).toEqual([
      { source: 'object', key: 'acme', name: undefined, provider: undefined, managed: false, incomplete: false, scopes: ['scope'], credentials: [], endpoints: [expect.stringMatching(/^authorization:/), expect.stringMatching(/^token:/)] },
    ]);
  });

  it('names a nested object by its key and finds its provider', () => {
    const found = configs('export const providers = { github: { authUrl: "https://example.test/a", tokenUrl: "https://example.test/t" } };');
    expect(found.map((config) => [config.key, config.provider?.id])).toEqual([['github', 'github']]);
  });

  it('takes the key of an .oauth() call on a worker imported from another file', () => {
    const found = configs('import worker from "./worker.js";\nworker.oauth("githubAuth", { authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token" });');
    expect(found.map((config) => [config.source, config.key, config.provider?.id])).toEqual([['object', 'githubAuth', 'github']]);
  });

  it('does not count an object twice when a recognised configuration spreads it', () => {
    const found = configs(`${HEAD}const BASE = { authorizationEndpoint: "https://a.io/auth", tokenEndpoint: "https://a.io/token" };\nworker.oauth("k", { ...BASE, scope: "x" });`);
    expect(found.map((config) => config.source)).toEqual(['notion-worker']);
  });

  it.each([
    ['only a token endpoint', '{ tokenUrl: "https://a.io/token", scope: "x" }'],
    ['unrelated keys', '{ url: "https://a.io", token: "x" }'],
  ])('ignores an object with %s', (_title, object) => {
    expect(configs(`export const x = ${object};`)).toEqual([]);
  });
});

describe('values', () => {
  /** The classification, with the source text of where a static value or fallback is written. */
  function valueOf(code: string, pick: (config: OAuthConfig) => Parameters<typeof classifyCredential>[0]): { value: unknown } {
    const { model, text } = probe(code);
    const value: CredentialValue = classifyCredential(pick(model.configs[0]!), model.values);
    if (value.kind === 'static') return { value: { kind: 'static', value: value.value, at: text.slice(...value.node.range) } };
    if (value.kind === 'env' && value.fallback) {
      return { value: { kind: 'env', envName: value.envName, fallback: value.fallback.value, at: text.slice(...value.fallback.node.range) } };
    }
    return { value };
  }
  const secretOf = (config: OAuthConfig) => config.credentials.find((site) => site.field === 'clientSecret')?.node;

  it.each([
    ['process.env.X', 'process.env.S', { kind: 'env', envName: 'S' }],
    ['process.env["X"] ?? ""', 'process.env["S"] ?? ""', { kind: 'env', envName: 'S' }],
    ['process?.env?.X', 'process?.env?.S', { kind: 'env', envName: 'S' }],
    ['import.meta.env.X', 'import.meta.env.S', { kind: 'env', envName: 'S' }],
    ['a literal', '"abc"', { kind: 'static', value: 'abc', at: '"abc"' }],
    ['an empty literal', '""', { kind: 'empty' }],
    ['a number', '42', { kind: 'static', value: '42', at: '42' }],
    ['a template literal', '`a${"b"}c`', { kind: 'static', value: 'abc', at: '`a${"b"}c`' }],
    ['a concatenation', '"a" + "b"', { kind: 'static', value: 'ab', at: '"a" + "b"' }],
    ['an env read in a template (a template of one part is that part)', '`${process.env.S}`', { kind: 'env', envName: 'S' }],
    ['a literal fallback', 'process.env.S || "x"', { kind: 'env', envName: 'S', fallback: 'x', at: '"x"' }],
    ['a call', 'read()', { kind: 'unknown' }],
    ['a conditional', 'a ? "x" : "y"', { kind: 'unknown' }],
  ])('classifies %s', (_title, expression, expected) => {
    const { value } = valueOf(`${HEAD}worker.oauth("k", { name: "k", clientSecret: ${expression} });`, secretOf);
    expect(value).toEqual(expected);
  });

  it.each([
    ['a const bound to an env read', 'const S = process.env.S ?? "";', 'S', { kind: 'env', envName: 'S' }],
    ['a destructured env read', 'const { S } = process.env;', 'S', { kind: 'env', envName: 'S' }],
    ['a destructured env read with a default', 'const { S: secret = "dflt" } = process.env;', 'secret', { kind: 'env', envName: 'S', fallback: 'dflt', at: '"dflt"' }],
    ['a const holding a literal', 'const S = "abc";', 'S', { kind: 'static', value: 'abc', at: '"abc"' }],
    ['a member of a const object', 'const C = { s: "abc" };', 'C.s', { kind: 'static', value: 'abc', at: '"abc"' }],
    ['a fallback held in a const', 'const D = "dflt";\nconst S = process.env.S ?? D;', 'S', { kind: 'env', envName: 'S', fallback: 'dflt', at: '"dflt"' }],
    ['a computed static value', 'const S = String(1234);', 'S', { kind: 'static', value: '1234', at: 'String(1234)' }],
    ['a destructured const object', 'const { s } = { s: "abc" };', 's', { kind: 'static', value: 'abc', at: '"abc"' }],
    ['an import', 'import { S } from "./s.js";', 'S', { kind: 'unknown' }],
  ])('follows %s', (_title, declaration, expression, expected) => {
    const { value } = valueOf(`${HEAD}${declaration}\nworker.oauth("k", { name: "k", clientSecret: ${expression} });`, secretOf);
    expect(value).toEqual(expected);
  });

  it('locates each scope where it is written: strings, arrays, joins, templates, consts', () => {
    const code = `${HEAD}const A = ["repo", "gist"];\nconst B = "admin:org";\nworker.oauth("k", { name: "github", scope: [...A, \`\${B} user\`, "read:user " + "x"].join(" ") });`;
    const { model, text } = probe(code);
    const scopes = locateScopes(model.configs[0]!.scopes[0]!.node, model.values, splitScopes)!;
    expect(scopes.map((scope) => [scope.scope, scope.range ? text.slice(scope.range[0], scope.range[1]) : undefined, scope.exact])).toEqual([
      ['repo', 'repo', true],
      ['gist', 'gist', true],
      ['admin:org', 'admin:org', true],
      ['user', 'user', true],
      ['read:user', 'read:user', true],
      ['x', 'x', true],
    ]);
  });

  /** Each scope of each configuration in turn (one model: what one resolves is known to the next), with its source text. */
  function scopesOfEach(code: string): ([string, string | undefined][] | undefined)[] {
    const { model, text } = probe(code);
    return model.configs.map((config) =>
      locateScopes(config.scopes[0]!.node, model.values, splitScopes)?.map((scope) => [scope.scope, scope.range ? text.slice(scope.range[0], scope.range[1]) : undefined]),
    );
  }
  const scopesOf = (code: string) => scopesOfEach(code)[0];

  it.each([
    ['a const enum member', 'const enum Scope { Identity = "read:user", Repo = "repo" }', '[Scope.Identity, Scope.Repo]'],
    ['an enum member (also by a string key)', 'enum Scope { Identity = "read:user", "full-repo" = `repo` }', '[Scope.Identity, Scope["full-repo"]]'],
    ['a declared enum member with an initialiser', 'declare enum Scope { Identity = "read:user", Repo = "repo" }', '`${Scope.Identity} ${Scope.Repo}`'],
    ['a namespace const', 'namespace Scopes { export const IDENTITY = "read:user"; export const ALL = [IDENTITY, "repo"]; }', 'Scopes.ALL.join(" ")'],
    ['a const of a nested namespace', 'namespace Outer { export namespace Inner { export const ALL = ["read:user", "repo"] as const; } }', 'Outer.Inner.ALL'],
    ['merged namespaces', 'namespace Scopes { export const IDENTITY = "read:user"; }\nnamespace Scopes { export const REPO = "repo"; }', '[Scopes.IDENTITY, Scopes.REPO]'],
    ['an enum of a namespace', 'namespace Auth { export enum Scope { Identity = "read:user", Repo = "repo" } }', '[Auth.Scope.Identity, Auth.Scope.Repo]'],
  ])('reads %s where it is written', (_title, declaration, scope) => {
    expect(scopesOf(`${HEAD}${declaration}\nworker.oauth("k", { name: "github", scope: ${scope} });`)).toEqual([
      ['read:user', 'read:user'],
      ['repo', 'repo'],
    ]);
  });

  it.each([
    ['a numbered enum member', 'enum Scope { Repo }', 'Scope.Repo'],
    ['a declared enum member without an initialiser', 'declare enum Scope { Repo }', 'Scope.Repo'],
    ['an enum member initialised from another member', 'enum Scope { Repo = "repo", Alias = Repo }', 'Scope.Alias'],
    ['a namespace const that is not exported', 'namespace Scopes { const REPO = "repo"; export const x = 1; }', 'Scopes.REPO'],
    ['a namespace `let`', 'namespace Scopes { export let REPO = "repo"; }', 'Scopes.REPO'],
    ['a parameter shadowing the enum', 'enum Scope { Repo = "repo" }\nexport const add = (Scope: { Repo: string }) =>', 'Scope.Repo'],
  ])('does not read %s', (_title, declaration, scope) => {
    // one configuration, its scope unknown
    expect(scopesOfEach(`${HEAD}${declaration}\nworker.oauth("k", { name: "github", scope: ${scope} });`)).toEqual([undefined]);
  });

  it('reads a credential held by a namespace const or an enum member, at its literal', () => {
    const code = `${HEAD}namespace Secrets { export const GITHUB = "abc"; }\nconst enum Ids { Github = "Iv1.0000" }\nworker.oauth("k", { name: "k", clientId: Ids.Github, clientSecret: Secrets.GITHUB });`;
    const { model, text } = probe(code);
    const values = model.configs[0]!.credentials.map((site) => classifyCredential(site.node, model.values));
    expect(values.map((value) => (value.kind === 'static' ? text.slice(...value.node.range) : value.kind))).toEqual(['"Iv1.0000"', '"abc"']);
  });

  /** `const C1 = C2; … const Cn = "repo";` as the scope `C1`. */
  const constChain = (n: number) => Array.from({ length: n }, (_, i) => (i + 1 === n ? `const C${i + 1} = "repo";` : `const C${i + 1} = C${i + 2};`)).join('\n');
  /** `const S1 = ["read:user"]; const S2 = [...S1, "s2"]; …` as the scope `Sn.join(" ")`. */
  const spreadChain = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 'const S1 = ["read:user"];' : `const S${i + 1} = [...S${i}, "s${i + 1}"];`)).join('\n');

  it('follows a value through 12 consts, and not through 13', () => {
    const scope = (n: number) => scopesOf(`${HEAD}${constChain(n)}\nworker.oauth("k", { name: "github", scope: C1 });`);
    expect(scope(12)).toEqual([['repo', 'repo']]);
    expect(scope(13)).toBeUndefined();
  });

  it('counts the consts of a chain, not the spreads, joins and templates around them', () => {
    const scopes = (n: number) => scopesOf(`${HEAD}${spreadChain(n)}\nworker.oauth("k", { name: "github", scope: \`\${S${n}.join(" ")}\` });`)!.map(([scope]) => scope);
    expect(scopes(12)).toEqual(['read:user', ...Array.from({ length: 11 }, (_, i) => `s${i + 2}`)]);
    // the 13th const back is past the bound: the first list is left out, the rest is read
    expect(scopes(13)).toEqual(Array.from({ length: 12 }, (_, i) => `s${i + 2}`));
  });

  it('reads a const within the bound fully, though a longer chain through it was cut first', () => {
    const code = `${HEAD}${constChain(13)}\nworker.oauth("a", { name: "github", scope: C1 });\nworker.oauth("b", { name: "github", scope: C2 });`;
    expect(scopesOfEach(code)).toEqual([undefined, [['repo', 'repo']]]);
  });

  /** Map and WeakMap lookups and array iterations while the model of `code` is built and read (work, not time). */
  function work(code: string, read: (model: WorkerModel) => void): number {
    let count = 0;
    const restore: (() => void)[] = [];
    const wrap = (proto: object, name: PropertyKey) => {
      const target = proto as Record<PropertyKey, (...args: unknown[]) => unknown>;
      const original = target[name]!;
      target[name] = function (this: unknown, ...args: unknown[]) {
        count += 1;
        return original.apply(this, args);
      };
      restore.push(() => {
        target[name] = original;
      });
    };
    for (const proto of [Map.prototype, WeakMap.prototype]) for (const name of ['get', 'has']) wrap(proto, name);
    wrap(Array.prototype, Symbol.iterator);
    try {
      read(probe(code).model);
    } finally {
      for (const undo of restore.reverse()) undo();
    }
    return count;
  }

  it.each([
    ['objects spread twice', (k: number) => `const o0 = { name: "github", scope: "repo", clientSecret: "abc" };\n${Array.from({ length: k }, (_, i) => `const o${i + 1} = { ...o${i}, ...o${i} };`).join('\n')}\nworker.oauth("k", o${k});`],
    ['credentials in both branches', (k: number) => `const s0 = "abc";\n${Array.from({ length: k }, (_, i) => `const s${i + 1} = flag ? s${i} : process.env.S${i} ?? s${i};`).join('\n')}\nworker.oauth("k", { name: "github", clientSecret: s${k} });`],
    ['scope lists spread twice', (k: number) => `const l0 = ["repo"];\n${Array.from({ length: k }, (_, i) => `const l${i + 1} = [...l${i}, ...l${i}];`).join('\n')}\nworker.oauth("k", { name: "github", scope: l${k} });`],
  ])('reads each const once however often it is read (%s): 12 levels cost about twice 6', (_title, make) => {
    const read = (model: WorkerModel) => {
      for (const config of model.configs) {
        for (const site of config.credentials) classifyCredential(site.node, model.values);
        for (const site of config.scopes) locateScopes(site.node, model.values, splitScopes);
      }
    };
    const base = work(HEAD, read);
    const small = work(`${HEAD}${make(6)}`, read) - base;
    const large = work(`${HEAD}${make(12)}`, read) - base;
    // each level read twice by the next: without a memo, 2^12 against 2^6
    expect(large / small).toBeLessThan(4);
  });

  it('maps escaped characters back to their source', () => {
    const code = `${HEAD}worker.oauth("k", { name: "github", scope: "read:user\\u0020repo" });`;
    const { model, text } = probe(code);
    const scopes = locateScopes(model.configs[0]!.scopes[0]!.node, model.values, splitScopes)!;
    expect(scopes.map((scope) => text.slice(scope.range![0], scope.range![1]))).toEqual(['read:user', 'repo']);
  });

  it('leaves out scopes that touch a run-time part, and gives up on unknown values', () => {
    const { model } = probe(`${HEAD}worker.oauth("k", { name: "github", scope: \`repo\${x} gist \${y}\` });\nworker.oauth("j", { name: "github", scope: load() });`);
    expect(locateScopes(model.configs[0]!.scopes[0]!.node, model.values, splitScopes)!.map((scope) => scope.scope)).toEqual(['gist']);
    expect(locateScopes(model.configs[1]!.scopes[0]!.node, model.values, splitScopes)).toBeUndefined();
  });

  it('falls back to getStaticValue (value known, no columns) for other static expressions', () => {
    const { model } = probe(`${HEAD}worker.oauth("k", { name: "github", scope: ["repo", "gist"].concat(["user"]) });`);
    const scopes = locateScopes(model.configs[0]!.scopes[0]!.node, model.values, splitScopes)!;
    expect(scopes.map((scope) => [scope.scope, scope.range, scope.exact])).toEqual([
      ['repo', undefined, false],
      ['gist', undefined, false],
      ['user', undefined, false],
    ]);
  });

  it('resolves URLs: literals, env fallbacks, destructuring defaults; not env reads', () => {
    const { model } = probe(
      `${HEAD}const { T = "http://t.io/token" } = process.env;\nworker.oauth("k", { name: "x", authorizationEndpoint: process.env.A ?? "http://a.io/auth", tokenEndpoint: T, callbackUrl: process.env.C });`,
    );
    const [auth, token, callback] = model.configs[0]!.endpoints;
    expect(resolveUrl(auth!.node, model.values)).toMatchObject({ located: { value: 'http://a.io/auth' }, isFallback: true });
    expect(resolveUrl(token!.node, model.values)).toMatchObject({ located: { value: 'http://t.io/token' }, isFallback: true });
    expect(resolveUrl(callback!.node, model.values)).toBeUndefined();
  });
});

describe('env names', () => {
  it.each([
    ['github-app', 'GITHUB_APP'],
    ['GitHub', 'GITHUB'],
    ['googleDriveAuth', 'GOOGLE_DRIVE'],
    ['Google Drive', 'GOOGLE_DRIVE'],
    ['github-oauth', 'GITHUB'],
    ['HubSpot CRM', 'HUBSPOT_CRM'],
    ['365days', '_365DAYS'],
  ])('%s → %s', (text, name) => {
    expect(toUpperSnakeName(text)).toBe(name);
  });

  it('prefers the name, then the key, then the provider', () => {
    const found = configs(
      `${HEAD}worker.oauth("driveAuth", { name: "Google Drive", scope: "x" });\nworker.oauth("linearAuth", { scope: "x" });\nworker.oauth("oauth", { authorizationEndpoint: "https://slack.com/oauth/v2/authorize", tokenEndpoint: "https://slack.com/api/oauth.v2.access" });\nworker.oauth("", { authorizationEndpoint: "https://a.io/a", tokenEndpoint: "https://a.io/t" });`,
    );
    expect(found.map(envNameBase)).toEqual(['GOOGLE_DRIVE', 'LINEAR', 'SLACK', '']);
  });
});

describe('bad input', () => {
  // errors are normally swallowed per check (`safely`); here they must surface
  beforeEach(() => {
    process.env.WORKER_AUTH_DEBUG = '1';
  });
  afterEach(() => {
    delete process.env.WORKER_AUTH_DEBUG;
  });

  const ODD = `${HEAD}import { shared } from "./shared.js";
const a: any = b; const b: any = a;
const c: any = { ...c2 }; const c2: any = { ...c };
worker.oauth("cyc", a);
worker.oauth("cyc2", c);
worker.oauth("cyc3", { scope: a, clientSecret: b, tokenEndpoint: a, authorizationEndpoint: c });
const o: any = { [o.x]: 1, scope: "admin" };
worker.oauth("self", o);
const { [kk]: kk2 } = {} as any; const kk = kk2;
worker.oauth("key", { scope: kk, [kk]: 1 });
const s1: any = s2 + "a"; const s2: any = s1 + "b";
worker.oauth("concat", { scope: s1, clientSecret: s2, tokenEndpoint: s1 });
const arr: any = [...arr2]; const arr2: any = [...arr];
worker.oauth("array", { scope: arr.join(" ") });
worker.oauth(\`k\${1}\`, { ...shared });
worker.oauth("getter", { get scope() { return "admin"; }, clientSecret: () => "x" });
worker.oauth("holes", { scope: ["a", , "b", ...[1, 2], null, 3], clientId: \`\${undefined}\` });
worker.oauth("long", { scope: "x".repeat(30000) + " repo", authorizationEndpoint: "http://" + "a".repeat(100) });
worker.oauth("urls", { authorizationEndpoint: "https://%zz", tokenEndpoint: "http://[::1]:8080/t", callbackUrl: "https://u:%E0%A4%A@h.io/cb" });
const cfg = buildConfig(); cfg.scope = "repo";
worker.oauth("mutated", cfg);
worker.oauth("surrogates", { scope: "\\uD800 admin", tokenEndpoint: "\\u0000http://x" });
new Worker().oauth("chain", { scope: "repo" }).oauth("again", { scope: "repo" });
`;

  it('survives reference cycles, self references, holes and odd values in every rule', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(ODD, [{ ...plugin.configs.recommended, languageOptions: { parser: tsParser } }], { filename: 'worker.ts' });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    const { model } = probe(ODD);
    expect(model.workers.length).toBeGreaterThan(0);
  });

  // as deep as espree parses in a test worker: past MAX_NESTING the values are unknown, and the stack stays small
  it.each([
    ['conditionals', 500, (n: number) => `${'flag ? "read:user" : '.repeat(n)}"repo"`],
    ['arrays', 500, (n: number) => `${'['.repeat(n)}"repo"${']'.repeat(n)}`],
    ['spreads', 500, (n: number) => `[${'...['.repeat(n)}"repo"${']'.repeat(n)}]`],
    ['concatenations', 2_000, (n: number) => `${'"read:user " + '.repeat(n)}"repo"`],
    ['member reads', 2_000, (n: number) => `o${'.b'.repeat(n)}`],
    ['env fallbacks', 2_000, (n: number) => `${Array.from({ length: n }, (_, i) => `process.env.S${i}`).join(' ?? ')} ?? "repo"`],
  ])('survives values nested deep: %s (%i)', (_title, depth, make) => {
    const code = `${HEAD}worker.oauth("k", { name: "github", scope: ${make(depth)}, clientSecret: ${make(depth)} });`;
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(code, [{ ...plugin.configs.recommended, files: ['**/*.js'] }], { filename: 'worker.js' });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  });

  it('survives the same file parsed by espree', () => {
    const js = ODD.replace(/: any/g, '').replace(/ as any/g, '');
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(js, [{ ...plugin.configs.recommended, files: ['**/*.js'] }], { filename: 'worker.js' });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  });
});

describe('the text gate', () => {
  it('MODEL_TEXT matches every traced module and every authorization endpoint key', () => {
    for (const word of [...TRACED_MODULE_TEXT, ...AUTHORIZATION_ENDPOINT_KEYS]) expect(MODEL_TEXT.test(`x ${word} y`), word).toBe(true);
  });
  it('rules out a file with neither, and only such a file', () => {
    const linter = new Linter({ configType: 'flat' });
    const seen: boolean[] = [];
    const probe: Rule.RuleModule = {
      meta: { type: 'problem', schema: [] },
      create(context) {
        seen.push(modelMayApply(context.sourceCode as unknown as TSESLint.SourceCode));
        return {};
      },
    };
    const mayApply = (code: string): boolean => {
      seen.length = 0;
      linter.verify(code, [{ plugins: { probe: { rules: { gate: probe } } }, rules: { 'probe/gate': 'error' } }]);
      return seen[0]!;
    };
    expect(mayApply('const config = { url: "https://example.test/authorize", token: "abc" };')).toBe(false);
    expect(mayApply('const c = { authorizationEndpoint: "https://a.test/authorize" };')).toBe(false);
    expect(mayApply('const c = { authorizationEndpoint: "https://a.test/authorize", tokenEndpoint: "https://a.test/token" };')).toBe(true);
    expect(mayApply('import { Worker } from "@notionhq/workers";\nexport const w = new Worker();')).toBe(true);
    expect(mayApply('const { google } = require("googleapis");')).toBe(true);
  });
});

describe('mayNameGateWord (the shared text gate)', () => {
  it('is true for a text holding `process` or anything MODEL_TEXT matches, false otherwise, and agrees with both', async () => {
    const { mayNameGateWord, MODEL_TEXT: model } = await import('../../src/workers/model.js');
    const { Linter } = await import('eslint');
    const linter = new Linter({ configType: 'flat' });
    const answers: boolean[] = [];
    const probe = { create: (context: { sourceCode: never }) => (answers.push(mayNameGateWord(context.sourceCode)), {}) };
    const texts = ['export const a = 1;', 'export const e = process.env.X;', 'import { Worker } from "@notionhq/workers";', 'export const c = { authUrl: "https://x.test" };', 'export const p = "processor";'];
    for (const text of texts) linter.verify(text, [{ plugins: { p: { rules: { g: probe as never } } }, rules: { 'p/g': 'error' } }], 'a.js');
    expect(answers).toEqual(texts.map((t) => t.includes('process') || model.test(t)));
    expect(answers).toEqual([false, true, true, true, true]);
  });
});
