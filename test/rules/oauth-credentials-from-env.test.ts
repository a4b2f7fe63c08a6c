import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/oauth-credentials-from-env.js';
import { redact } from '../../src/detect/redact.js';
import plugin from '../../src/index.js';
import { fakeGenericSecret, fakeToken } from '../support/fake-tokens.js';
import { span } from '../support/positions.js';


const SECRET = fakeGenericSecret(31);
const SECRET_MASKED = redact(SECRET);
const SECRET_2 = fakeGenericSecret(32);
const SECRET_3 = fakeGenericSecret(9200);
const GOOGLE_SECRET = fakeToken('google-oauth-client-secret', 33);
const GOOGLE_MASKED = redact(GOOGLE_SECRET, 'GOCSPX-');

const HEAD = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';
const GITHUB_ENDPOINTS =
  'authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token"';
const GITHUB_CONFIG = '`worker.oauth("githubAuth")`';

// --- invalid inputs -----------------------------------------------------------------------------------------------
const literalSecret = `${HEAD}worker.oauth("githubAuth", {
  name: "github-app",
  ${GITHUB_ENDPOINTS},
  scope: "read:user",
  clientId: process.env.GITHUB_APP_CLIENT_ID ?? "",
  clientSecret: "${SECRET}",
});`;
const literalClientId = `${HEAD}worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: "1234567890", clientSecret: process.env.S ?? "" });`;
const numericClientId = `${HEAD}worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: 1234567890, clientSecret: process.env.S ?? "" });`;
const constSecret = `${HEAD}const GITHUB_SECRET = "${SECRET}";
worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: process.env.ID ?? "", clientSecret: GITHUB_SECRET });`;
const templateSecret = `${HEAD}const PART = "${SECRET.slice(0, 12)}";
worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: process.env.ID ?? "", clientSecret: \`\${PART}${SECRET.slice(12)}\` });`;
const concatSecret = `${HEAD}worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: process.env.ID ?? "", clientSecret: "${SECRET.slice(0, 10)}" + "${SECRET.slice(10)}" });`;
const fallbackSecret = `${HEAD}worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: process.env.ID ?? "", clientSecret: process.env.GITHUB_CLIENT_SECRET ?? "${SECRET}" });`;
const constFallback = `${HEAD}const DEV_SECRET = "${SECRET}";
const GITHUB_CLIENT_SECRET = process.env.GITHUB_CLIENT_SECRET ?? DEV_SECRET;
worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: process.env.ID ?? "", clientSecret: GITHUB_CLIENT_SECRET });`;
const destructuredFallback = `${HEAD}const { GITHUB_CLIENT_SECRET = "${SECRET}" } = process.env;
worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: process.env.ID ?? "", clientSecret: GITHUB_CLIENT_SECRET });`;
const aliasedEnvFallback = `${HEAD}const env = process.env;
worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: env.ID ?? "", clientSecret: env.GITHUB_CLIENT_SECRET ?? "${SECRET}" });`;
const shorthand = `${HEAD}const clientSecret = "${SECRET}";
worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: process.env.ID ?? "", clientSecret });`;
const googleProviderSecret = `${HEAD}worker.oauth("googleDriveAuth", {
  authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenEndpoint: "https://oauth2.googleapis.com/token",
  scope: "https://www.googleapis.com/auth/drive.file",
  clientId: process.env.GOOGLE_CLIENT_ID ?? "",
  clientSecret: "${GOOGLE_SECRET}",
});`;
const constConfig = `${HEAD}const config = { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: process.env.ID ?? "", clientSecret: "${SECRET}" };
worker.oauth("githubAuth", config);`;
const constObjectMember = `${HEAD}const SECRETS = { github: "${SECRET}" } as const;
worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: process.env.ID ?? "", clientSecret: SECRETS.github });`;
const bothInline = `${HEAD}worker.oauth("linear", { name: "linear", authorizationEndpoint: "https://linear.app/oauth/authorize", tokenEndpoint: "https://api.linear.app/oauth/token", clientId: "${SECRET_2}", clientSecret: "${SECRET}" });`;
const passport = `import { Strategy } from "passport-github2";
export const strategy = new Strategy({ clientID: "Iv1.0000", clientSecret: "${SECRET}", callbackURL: "https://app.acme.dev/cb" }, () => {});`;
const googleapis = `import { google } from "googleapis";
const client = new google.auth.OAuth2("1234.apps.googleusercontent.com", "${GOOGLE_SECRET}", "https://app.acme.dev/cb");
client.setCredentials({ refresh_token: "${SECRET}" });`;
const simpleOAuth2 = `import { AuthorizationCode } from "simple-oauth2";
export const client = new AuthorizationCode({ client: { id: process.env.ID, secret: "${SECRET}" }, auth: { tokenHost: "https://gitlab.com" } });`;
const octokit = `import { createOAuthAppAuth } from "@octokit/auth-oauth-app";
export const auth = createOAuthAppAuth({ clientType: "oauth-app", clientId: process.env.ID ?? "", clientSecret: "${SECRET}" });`;
const arctic = `import { MicrosoftEntraId } from "arctic";
export const entra = new MicrosoftEntraId("common", process.env.ID ?? "", "${SECRET}", "https://app.acme.dev/cb");`;
// a namespace's const and an enum member are as static as a const: reported where the literal is written (no
// suggestion in an enum, whose string members take only constant strings)
const namespaceSecret = `${HEAD}namespace Secrets { export const GITHUB = "${SECRET_3}"; }
const enum Ids { Github = "1234567890" }
worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: Ids.Github, clientSecret: Secrets.GITHUB });`;
// TypeScript's CommonJS import, as a `.cts` file writes it
const importEquals = `import workers = require("@notionhq/workers");
export const worker = new workers.Worker();
worker.oauth("githubAuth", { name: "github-app", ${GITHUB_ENDPOINTS}, clientId: process.env.ID ?? "", clientSecret: "${SECRET_3}" });`;
const plainObject = `export const providers = {
  acme: { authUrl: "https://auth.acme.io/authorize", tokenUrl: "https://auth.acme.io/token", clientId: process.env.ACME_ID, clientSecret: "${SECRET}" },
};`;

const ts = new RuleTester();

ts.run('oauth-credentials-from-env (typescript-eslint parser)', rule, {
  valid: [
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, clientId: process.env.GITHUB_CLIENT_ID ?? "", clientSecret: process.env.GITHUB_CLIENT_SECRET ?? "" });`,
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, clientId: process.env["GITHUB_CLIENT_ID"], clientSecret: process.env?.GITHUB_CLIENT_SECRET });`,
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, clientId: process?.env?.GITHUB_CLIENT_ID ?? "", clientSecret: process.env.GITHUB_CLIENT_SECRET || "" });`,
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, clientId: process.env.GITHUB_CLIENT_ID!, clientSecret: process.env.GITHUB_CLIENT_SECRET as string });`,
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, clientId: import.meta.env.GITHUB_CLIENT_ID, clientSecret: "" });`,
    `${HEAD}const { GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET = "" } = process.env;\nworker.oauth("github", { ${GITHUB_ENDPOINTS}, clientId: GITHUB_CLIENT_ID, clientSecret: GITHUB_CLIENT_SECRET });`,
    `${HEAD}const GITHUB_CLIENT_SECRET = process.env.GITHUB_CLIENT_SECRET ?? "";\nconst SECRET = GITHUB_CLIENT_SECRET;\nworker.oauth("github", { ${GITHUB_ENDPOINTS}, clientSecret: SECRET });`,
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, clientSecret: \`\${process.env.GITHUB_CLIENT_SECRET}\` });`,
    // the managed form has no client in code
    `${HEAD}worker.oauth("googleAuth", { name: "google", provider: "google" });`,
    // values the rule cannot see: report nothing (no guessing), never crash
    `${HEAD}import { GITHUB_CLIENT_SECRET } from "./secrets.js";\nworker.oauth("github", { ${GITHUB_ENDPOINTS}, clientSecret: GITHUB_CLIENT_SECRET });`,
    `${HEAD}export function register(secret: string) {\n  worker.oauth("github", { ${GITHUB_ENDPOINTS}, clientSecret: secret });\n}`,
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, clientSecret: readSecret() });`,
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, clientSecret: process.env.A ? "x" : "y" });`,
    { code: `${HEAD}worker.oauth("github", buildConfig("${SECRET}"));`, name: 'a configuration built at run time' },
    { code: `${HEAD}import { base } from "./base.js";\nworker.oauth("github", { ...base, clientSecret: "${SECRET}" });`, name: 'a spread of an unknown object' },
    { code: `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, [field]: "${SECRET}", clientSecret: "${SECRET}" });`, name: 'a computed key' },
    // not the SDK's Worker, not an OAuth configuration
    { code: `class Worker { oauth(_k: string, _c: object) {} }\nnew Worker().oauth("github", { clientSecret: "${SECRET}" });`, name: 'a local Worker class' },
    `export const settings = { clientSecret: process.env.S, tokenUrl: "https://auth.acme.io/token" };`,
    // options
    { code: literalClientId, options: [{ checkClientId: false }] },
    { code: literalClientId, filename: 'src/__tests__/oauth.test.ts' },
    { code: `import { google } from "googleapis";\nconst c = new google.auth.OAuth2(process.env.ID, process.env.SECRET);\nc.setCredentials({ refresh_token: "${SECRET}" });`, options: [{ checkTokens: false }], name: 'checkTokens: false' },
  ],
  invalid: [
    {
      name: 'a literal client secret',
      code: literalSecret,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { key: 'clientSecret', config: GITHUB_CONFIG, masked: SECRET_MASKED, envName: 'GITHUB_APP_OAUTH_CLIENT_SECRET' },
          ...span(literalSecret, `"${SECRET}"`),
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'GITHUB_APP_OAUTH_CLIENT_SECRET' },
              output: literalSecret.replace(`"${SECRET}"`, 'process.env.GITHUB_APP_OAUTH_CLIENT_SECRET ?? ""'),
            },
          ],
        },
      ],
    },
    {
      code: literalClientId,
      errors: [
        {
          messageId: 'hardcodedClientId',
          data: { key: 'clientId', config: GITHUB_CONFIG, masked: '…', envName: 'GITHUB_APP_OAUTH_CLIENT_ID' },
          ...span(literalClientId, '"1234567890"'),
          suggestions: [{ messageId: 'useEnv', output: literalClientId.replace('"1234567890"', 'process.env.GITHUB_APP_OAUTH_CLIENT_ID ?? ""') }],
        },
      ],
    },
    {
      code: numericClientId,
      errors: [
        {
          messageId: 'hardcodedClientId',
          ...span(numericClientId, '1234567890'),
          suggestions: [{ messageId: 'useEnv', output: numericClientId.replace('1234567890', 'process.env.GITHUB_APP_OAUTH_CLIENT_ID ?? ""') }],
        },
      ],
    },
    {
      // reported where the value is written, so the suggestion fixes every use
      name: 'a const holding a literal',
      code: constSecret,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { key: 'clientSecret', config: GITHUB_CONFIG, masked: SECRET_MASKED, envName: 'GITHUB_APP_OAUTH_CLIENT_SECRET' },
          ...span(constSecret, `"${SECRET}"`),
          suggestions: [{ messageId: 'useEnv', output: constSecret.replace(`"${SECRET}"`, 'process.env.GITHUB_APP_OAUTH_CLIENT_SECRET ?? ""') }],
        },
      ],
    },
    {
      name: 'a template literal',
      code: templateSecret,
      errors: [{ messageId: 'hardcodedSecret', data: { key: 'clientSecret', config: GITHUB_CONFIG, masked: SECRET_MASKED, envName: 'GITHUB_APP_OAUTH_CLIENT_SECRET' }, ...span(templateSecret, '`${PART}'), endColumn: span(templateSecret, `${SECRET.slice(12)}\``).endColumn, suggestions: [{ messageId: 'useEnv', output: templateSecret.replace(`\`\${PART}${SECRET.slice(12)}\``, 'process.env.GITHUB_APP_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
    {
      name: 'a concatenation',
      code: concatSecret,
      errors: [{ messageId: 'hardcodedSecret', data: { key: 'clientSecret', config: GITHUB_CONFIG, masked: SECRET_MASKED, envName: 'GITHUB_APP_OAUTH_CLIENT_SECRET' }, ...span(concatSecret, `"${SECRET.slice(0, 10)}" + "${SECRET.slice(10)}"`), suggestions: [{ messageId: 'useEnv', output: concatSecret.replace(`"${SECRET.slice(0, 10)}" + "${SECRET.slice(10)}"`, 'process.env.GITHUB_APP_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
    {
      name: 'a non-empty literal fallback',
      code: fallbackSecret,
      errors: [
        {
          messageId: 'hardcodedFallback',
          data: { key: 'clientSecret', config: GITHUB_CONFIG, masked: SECRET_MASKED, envName: 'GITHUB_CLIENT_SECRET', rotate: ' Rotate it: it is already in git history.' },
          ...span(fallbackSecret, `"${SECRET}"`),
          suggestions: [{ messageId: 'dropFallback', output: fallbackSecret.replace(`"${SECRET}"`, '""') }],
        },
      ],
    },
    {
      name: 'a fallback of a read through a const bound to process.env',
      code: aliasedEnvFallback,
      errors: [{ messageId: 'hardcodedFallback', ...span(aliasedEnvFallback, `"${SECRET}"`), suggestions: [{ messageId: 'dropFallback', output: aliasedEnvFallback.replace(`"${SECRET}"`, '""') }] }],
    },
    {
      name: 'a fallback held in a const',
      code: constFallback,
      errors: [{ messageId: 'hardcodedFallback', ...span(constFallback, `"${SECRET}"`), suggestions: [{ messageId: 'dropFallback', output: constFallback.replace(`"${SECRET}"`, '""') }] }],
    },
    {
      name: 'a destructuring default of process.env',
      code: destructuredFallback,
      errors: [{ messageId: 'hardcodedFallback', data: { key: 'clientSecret', config: GITHUB_CONFIG, masked: SECRET_MASKED, envName: 'GITHUB_CLIENT_SECRET', rotate: ' Rotate it: it is already in git history.' }, ...span(destructuredFallback, `"${SECRET}"`), suggestions: [{ messageId: 'dropFallback', output: destructuredFallback.replace(`"${SECRET}"`, '""') }] }],
    },
    {
      name: 'a shorthand property',
      code: shorthand,
      errors: [{ messageId: 'hardcodedSecret', ...span(shorthand, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: shorthand.replace(`"${SECRET}"`, 'process.env.GITHUB_APP_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
    {
      // a provider format keeps its public prefix in the mask; NAME from the key
      name: 'a Google client secret',
      code: googleProviderSecret,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { key: 'clientSecret', config: '`worker.oauth("googleDriveAuth")`', masked: GOOGLE_MASKED, envName: 'GOOGLE_DRIVE_OAUTH_CLIENT_SECRET' },
          ...span(googleProviderSecret, `"${GOOGLE_SECRET}"`),
          suggestions: [{ messageId: 'useEnv', output: googleProviderSecret.replace(`"${GOOGLE_SECRET}"`, 'process.env.GOOGLE_DRIVE_OAUTH_CLIENT_SECRET ?? ""') }],
        },
      ],
    },
    {
      name: 'a const configuration object',
      code: constConfig,
      errors: [{ messageId: 'hardcodedSecret', ...span(constConfig, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: constConfig.replace(`"${SECRET}"`, 'process.env.GITHUB_APP_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
    {
      name: 'a member of a const object',
      code: constObjectMember,
      errors: [{ messageId: 'hardcodedSecret', ...span(constObjectMember, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: constObjectMember.replace(`"${SECRET}"`, 'process.env.GITHUB_APP_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
    {
      name: 'client id and secret inline',
      code: bothInline,
      errors: [
        { messageId: 'hardcodedClientId', data: { key: 'clientId', config: '`worker.oauth("linear")`', masked: redact(SECRET_2), envName: 'LINEAR_OAUTH_CLIENT_ID' }, ...span(bothInline, `"${SECRET_2}"`), suggestions: [{ messageId: 'useEnv', output: bothInline.replace(`"${SECRET_2}"`, 'process.env.LINEAR_OAUTH_CLIENT_ID ?? ""') }] },
        { messageId: 'hardcodedSecret', data: { key: 'clientSecret', config: '`worker.oauth("linear")`', masked: SECRET_MASKED, envName: 'LINEAR_OAUTH_CLIENT_SECRET' }, ...span(bothInline, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: bothInline.replace(`"${SECRET}"`, 'process.env.LINEAR_OAUTH_CLIENT_SECRET ?? ""') }] },
      ],
    },
    // libraries
    {
      name: 'a passport strategy',
      code: passport,
      errors: [
        { messageId: 'hardcodedClientId', data: { key: 'clientID', config: 'this `passport-github2` strategy', masked: '…', envName: 'GITHUB_OAUTH_CLIENT_ID' }, ...span(passport, '"Iv1.0000"'), suggestions: [{ messageId: 'useEnv', output: passport.replace('"Iv1.0000"', 'process.env.GITHUB_OAUTH_CLIENT_ID ?? ""') }] },
        { messageId: 'hardcodedSecret', data: { key: 'clientSecret', config: 'this `passport-github2` strategy', masked: SECRET_MASKED, envName: 'GITHUB_OAUTH_CLIENT_SECRET' }, ...span(passport, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: passport.replace(`"${SECRET}"`, 'process.env.GITHUB_OAUTH_CLIENT_SECRET ?? ""') }] },
      ],
    },
    {
      name: 'googleapis OAuth2 arguments and setCredentials',
      code: googleapis,
      errors: [
        { messageId: 'hardcodedClientId', ...span(googleapis, '"1234.apps.googleusercontent.com"'), suggestions: [{ messageId: 'useEnv', output: googleapis.replace('"1234.apps.googleusercontent.com"', 'process.env.GOOGLE_OAUTH_CLIENT_ID ?? ""') }] },
        { messageId: 'hardcodedSecret', data: { key: 'clientSecret', config: 'this Google OAuth2 client', masked: GOOGLE_MASKED, envName: 'GOOGLE_OAUTH_CLIENT_SECRET' }, ...span(googleapis, `"${GOOGLE_SECRET}"`), suggestions: [{ messageId: 'useEnv', output: googleapis.replace(`"${GOOGLE_SECRET}"`, 'process.env.GOOGLE_OAUTH_CLIENT_SECRET ?? ""') }] },
        { messageId: 'hardcodedSecret', data: { key: 'refresh_token', config: 'this Google OAuth2 client', masked: SECRET_MASKED, envName: 'GOOGLE_OAUTH_REFRESH_TOKEN' }, ...span(googleapis, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: googleapis.replace(`"${SECRET}"`, 'process.env.GOOGLE_OAUTH_REFRESH_TOKEN ?? ""') }] },
      ],
    },
    {
      name: 'simple-oauth2 client.secret',
      code: simpleOAuth2,
      errors: [{ messageId: 'hardcodedSecret', data: { key: 'secret', config: 'this `simple-oauth2` client', masked: SECRET_MASKED, envName: 'GITLAB_OAUTH_CLIENT_SECRET' }, ...span(simpleOAuth2, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: simpleOAuth2.replace(`"${SECRET}"`, 'process.env.GITLAB_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
    {
      name: 'octokit createOAuthAppAuth',
      code: octokit,
      errors: [{ messageId: 'hardcodedSecret', data: { key: 'clientSecret', config: 'this `@octokit/auth-oauth-app` configuration', masked: SECRET_MASKED, envName: 'GITHUB_OAUTH_CLIENT_SECRET' }, ...span(octokit, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: octokit.replace(`"${SECRET}"`, 'process.env.GITHUB_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
    {
      name: 'arctic with a leading tenant argument',
      code: arctic,
      errors: [{ messageId: 'hardcodedSecret', data: { key: 'clientSecret', config: 'this arctic `MicrosoftEntraId` client', masked: SECRET_MASKED, envName: 'MICROSOFT_OAUTH_CLIENT_SECRET' }, ...span(arctic, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: arctic.replace(`"${SECRET}"`, 'process.env.MICROSOFT_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
    {
      name: 'a plain OAuth object',
      code: plainObject,
      errors: [{ messageId: 'hardcodedSecret', data: { key: 'clientSecret', config: 'this OAuth configuration', masked: SECRET_MASKED, envName: 'ACME_OAUTH_CLIENT_SECRET' }, ...span(plainObject, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: plainObject.replace(`"${SECRET}"`, 'process.env.ACME_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
    {
      name: 'a namespace const and an enum member',
      code: namespaceSecret,
      errors: [
        { messageId: 'hardcodedSecret', ...span(namespaceSecret, `"${SECRET_3}"`), suggestions: [{ messageId: 'useEnv', output: namespaceSecret.replace(`"${SECRET_3}"`, 'process.env.GITHUB_APP_OAUTH_CLIENT_SECRET ?? ""') }] },
        { messageId: 'hardcodedClientId', ...span(namespaceSecret, '"1234567890"'), suggestions: [] },
      ],
    },
    {
      name: 'import-equals require (.cts)',
      code: importEquals,
      filename: 'worker.cts',
      errors: [{ messageId: 'hardcodedSecret', ...span(importEquals, `"${SECRET_3}"`), suggestions: [{ messageId: 'useEnv', output: importEquals.replace(`"${SECRET_3}"`, 'process.env.GITHUB_APP_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
    {
      code: literalClientId,
      filename: 'src/__tests__/oauth.test.ts',
      options: [{ checkTestFiles: true }],
      errors: [{ messageId: 'hardcodedClientId', ...span(literalClientId, '"1234567890"'), suggestions: [{ messageId: 'useEnv', output: literalClientId.replace('"1234567890"', 'process.env.GITHUB_APP_OAUTH_CLIENT_ID ?? ""') }] }],
    },
    {
      // tokens are checked unless `checkTokens` is off; the client id is not when `checkClientId` is off
      name: 'options: checkClientId off still reports the secret',
      code: bothInline,
      options: [{ checkClientId: false }],
      errors: [{ messageId: 'hardcodedSecret', ...span(bothInline, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: bothInline.replace(`"${SECRET}"`, 'process.env.LINEAR_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
  ],
});

// --- espree, `.js` ---------------------------------------------------------------------------------------------
const cjs = `const { Worker } = require("@notionhq/workers");
const worker = new Worker();
module.exports = worker;
worker.oauth("zoom", { name: "zoom", authorizationEndpoint: "https://zoom.us/oauth/authorize", tokenEndpoint: "https://zoom.us/oauth/token", clientId: process.env.ZOOM_ID, clientSecret: "${SECRET}" });`;
const esmFallback = `import { Worker } from "@notionhq/workers";
const worker = new Worker();
export default worker;
worker.oauth("zoom", { name: "zoom", clientId: process.env.ZOOM_ID || "zoom-client-id", clientSecret: process.env.ZOOM_SECRET ?? "" });`;

const js = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } });

js.run('oauth-credentials-from-env (espree, .js)', rule, {
  valid: [
    { code: 'const { Worker } = require("@notionhq/workers");\nnew Worker().oauth("zoom", { name: "zoom", clientId: process.env.ZOOM_ID ?? "", clientSecret: process.env.ZOOM_SECRET ?? "" });', filename: 'worker.js' },
    { code: `const { Worker } = require("./local");\nnew Worker().oauth("zoom", { name: "zoom", clientSecret: "${SECRET}" });`, filename: 'worker.js', name: 'a local Worker' },
  ],
  invalid: [
    {
      name: 'CommonJS require, literal secret',
      code: cjs,
      filename: 'worker.js',
      errors: [{ messageId: 'hardcodedSecret', data: { key: 'clientSecret', config: '`worker.oauth("zoom")`', masked: SECRET_MASKED, envName: 'ZOOM_OAUTH_CLIENT_SECRET' }, ...span(cjs, `"${SECRET}"`), suggestions: [{ messageId: 'useEnv', output: cjs.replace(`"${SECRET}"`, 'process.env.ZOOM_OAUTH_CLIENT_SECRET ?? ""') }] }],
    },
    {
      code: esmFallback,
      filename: 'worker.js',
      errors: [{ messageId: 'hardcodedFallback', data: { key: 'clientId', config: '`worker.oauth("zoom")`', masked: redact('zoom-client-id'), envName: 'ZOOM_ID', rotate: '' }, ...span(esmFallback, '"zoom-client-id"'), suggestions: [{ messageId: 'dropFallback', output: esmFallback.replace('"zoom-client-id"', '""') }] }],
    },
  ],
});

// --- redaction: no message or suggestion of any OAuth rule prints a secret --------------------------------------
describe('oauth rules never print a secret', () => {
  it('masks every value in messages and suggestion descriptions', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = `${HEAD}worker.oauth("acme", {
  name: "acme",
  authorizationEndpoint: "https://auth.acme.io/authorize?client_secret=${SECRET_2}",
  tokenEndpoint: "https://user:${SECRET_2}@auth.acme.io/token",
  scope: "admin",
  clientId: "${SECRET_2}",
  clientSecret: process.env.ACME_SECRET ?? "${SECRET}",
});`;
    const messages = linter.verify(code, [{ ...plugin.configs.recommended, languageOptions: { parser: tsParser } }], { filename: 'worker.ts' });
    const oauthMessages = messages.filter((m) => m.ruleId !== 'worker-auth/no-hardcoded-secrets');
    expect(oauthMessages.map((m) => m.ruleId).sort()).toEqual([
      'worker-auth/no-broad-oauth-scopes',
      'worker-auth/oauth-credentials-from-env',
      'worker-auth/oauth-credentials-from-env',
      'worker-auth/oauth-endpoints-https',
      'worker-auth/oauth-endpoints-https',
    ]);
    for (const message of messages) {
      const texts = [message.message, ...(message.suggestions ?? []).map((s) => s.desc)];
      for (const secret of [SECRET, SECRET_2]) {
        for (let i = 0; i + 8 <= secret.length; i++) {
          expect(texts.some((t) => t.includes(secret.slice(i, i + 8))), `${message.ruleId} shows part of a secret`).toBe(false);
        }
      }
    }
  });
});
