/**
 * `oauth-endpoints-https`: endpoint values that hold or build more than one string.
 *
 * - a conditional (`dev ? "http://…" : "https://…"`): each branch is checked, at its own literal;
 * - a fallback (`x ?? "http://…"`, `x || "http://…"`, a destructuring default) whatever `x` reads;
 * - `new URL(path, base)`: the base gives scheme and host (the input when it is absolute); `new URL(url)`;
 * - `u.href`, `u.origin`, `u.toString()`, `String(u)`, `${u.origin}/…` of such a `URL`;
 * - an `http:` host with a run-time part that cannot be loopback (`http://auth.acme.io${path}`, `http://${tenant}.acme.io/…`).
 *
 * Loopback `http:` stays allowed exactly as for a plain string. No real-format secret is written here.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../rules/oauth-endpoints-https.js';
import { redact } from '../../src/detect/redact.js';
import { fakeGenericSecret } from '../support/fake-tokens.js';
import { span } from '../support/positions.js';

const SECRET = fakeGenericSecret(43);
const HEAD = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';
const AUTH = '"https://auth.acme.io/oauth/authorize"';
const TOKEN = '"https://auth.acme.io/oauth/token"';
const CLIENT = 'clientId: process.env.ACME_ID ?? "", clientSecret: process.env.ACME_SECRET ?? ""';

/** `code` with the `http:` that starts the `nth` occurrence of `needle` (a written URL) switched to `https:`. */
function toHttps(code: string, needle: string, nth = 0): string {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = code.indexOf(needle, index + 1);
  const at = code.indexOf('http:', index);
  return `${code.slice(0, at)}https:${code.slice(at + 'http:'.length)}`;
}

/** An `insecureUrl` error at the `nth` `needle`, with its `https:` suggestion. */
function insecure(code: string, needle: string, role: string, url: string, nth = 0) {
  return {
    messageId: 'insecureUrl' as const,
    data: { role, url, protocol: 'http:' },
    ...span(code, needle, nth),
    suggestions: [{ messageId: 'useHttps' as const, output: toHttps(code, needle, nth) }],
  };
}

const oauth = (props: string) => `${HEAD}worker.oauth("acme", { name: "acme", ${props}, scope: "read", ${CLIENT} });`;

// --- 1. conditionals and fallbacks ----------------------------------------------------------------------------------
const devBranch = oauth(`authorizationEndpoint: dev ? "http://auth.acme.io/authorize" : "https://auth.acme.io/authorize", tokenEndpoint: ${TOKEN}`);
const bothBranches = oauth(`authorizationEndpoint: ${AUTH}, tokenEndpoint: region === "eu" ? "http://eu.acme.io/token" : "http://us.acme.io/token"`);
const constConditional = `${HEAD}const AUTH_URL =
  process.env.NODE_ENV === "production" ? "https://auth.acme.io/authorize" : "http://staging.acme.io/authorize";
worker.oauth("acme", { authorizationEndpoint: AUTH_URL, tokenEndpoint: ${TOKEN}, ${CLIENT} });`;
const staticTest = `${HEAD}const USE_STAGING = true;
worker.oauth("acme", { authorizationEndpoint: USE_STAGING ? "http://staging.acme.io/authorize" : ${AUTH}, tokenEndpoint: ${TOKEN}, ${CLIENT} });`;
const nestedConditional = oauth(
  `authorizationEndpoint: ${AUTH}, tokenEndpoint: env === "dev" ? "http://localhost:8080/token" : env === "qa" ? "http://qa.acme.io/token" : ${TOKEN}`,
);
const envFallbackConditional = oauth(`authorizationEndpoint: process.env.ACME_AUTH_URL ?? (dev ? "http://auth.acme.io/authorize" : ${AUTH}), tokenEndpoint: ${TOKEN}`);
const optionFallback = `${HEAD}export function register(options: { tokenUrl?: string }) {
  worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: options.tokenUrl || "http://auth.acme.io/oauth/token", ${CLIENT} });
}`;
const destructuredDefault = `${HEAD}const { ACME_AUTH_URL = "http://auth.acme.io/authorize" } = process.env;
export function register(settings: { tokenUrl?: string }) {
  const { tokenUrl = "http://auth.acme.io/token" } = settings;
  worker.oauth("acme", { authorizationEndpoint: ACME_AUTH_URL, tokenEndpoint: tokenUrl, ${CLIENT} });
}`;
const loopbackBranchStrict = oauth(`authorizationEndpoint: ${AUTH}, tokenEndpoint: ${TOKEN}, callbackUrl: dev ? "http://localhost:3000/callback" : "https://app.acme.io/callback"`);
const placeholderBranch = oauth(`authorizationEndpoint: ${AUTH}, tokenEndpoint: dev ? "TODO" : ${TOKEN}`);
const secretBranch = oauth(`authorizationEndpoint: ${AUTH}, tokenEndpoint: dev ? "http://app:${SECRET}@auth.acme.io/token" : ${TOKEN}`);

// --- 2. new URL(…) ------------------------------------------------------------------------------------------------
const urlBase = oauth(`authorizationEndpoint: new URL("/oauth/authorize", "http://auth.acme.io"), tokenEndpoint: ${TOKEN}`);
const urlSingle = oauth(`authorizationEndpoint: ${AUTH}, tokenEndpoint: new URL("http://auth.acme.io/oauth/token")`);
const urlConstBase = `${HEAD}const AUTH_BASE = "http://auth.acme.io";
export function register(path: string) {
  worker.oauth("acme", { authorizationEndpoint: new URL(path, AUTH_BASE), tokenEndpoint: new URL("/oauth/token", AUTH_BASE).href, ${CLIENT} });
}`;
const urlEnvBase = oauth(`authorizationEndpoint: ${AUTH}, tokenEndpoint: new URL("/oauth/token", process.env.ACME_BASE_URL ?? "http://auth.acme.io")`);
const urlAbsoluteInput = oauth(`authorizationEndpoint: ${AUTH}, tokenEndpoint: new URL("http://auth.acme.io/oauth/token", "https://auth.acme.io")`);
const urlConditionalBase = oauth(`authorizationEndpoint: new URL("/authorize", dev ? "http://dev.acme.io" : "https://auth.acme.io"), tokenEndpoint: ${TOKEN}`);
const nodeUrl = `import { URL } from "node:url";\n${HEAD}worker.oauth("acme", { authorizationEndpoint: new URL("/authorize", "http://auth.acme.io"), tokenEndpoint: ${TOKEN}, ${CLIENT} });`;

// --- 3. strings of a URL, and hosts with run-time parts -------------------------------------------------------------
const urlStrings = `${HEAD}const ISSUER = new URL("http://auth.acme.io");
const CALLBACK = new URL("http://app.acme.io/oauth/callback");
worker.oauth("acme", {
  authorizationEndpoint: \`\${ISSUER.origin}/oauth/authorize\`,
  tokenEndpoint: String(new URL("/oauth/token", "http://login.acme.io")),
  callbackUrl: CALLBACK.toString(),
  ${CLIENT},
});`;
const hostThenPath = `${HEAD}const TOKEN_PATH = process.env.ACME_TOKEN_PATH;
worker.oauth("acme", { authorizationEndpoint: "http://auth.acme.io" + AUTH_PATH, tokenEndpoint: \`http://auth.acme.io\${TOKEN_PATH}\`, ${CLIENT} });`;
const tenantHost = `${HEAD}const tenant = process.env.AUTH0_TENANT;
worker.oauth("auth0", { authorizationEndpoint: \`http://\${tenant}.auth0.com/authorize\`, tokenEndpoint: \`https://\${tenant}.auth0.com/oauth/token\`, ${CLIENT} });`;

// --- other configuration forms --------------------------------------------------------------------------------------
const passport = `import OAuth2Strategy from "passport-oauth2";
export const s = new OAuth2Strategy({
  authorizationURL: dev ? "http://auth.acme.io/authorize" : "https://auth.acme.io/authorize",
  tokenURL: new URL("/token", "http://auth.acme.io").href,
  clientID: process.env.ID,
  clientSecret: process.env.SECRET,
  callbackURL: dev ? "http://localhost:3000/cb" : "https://app.acme.dev/cb",
}, () => {});`;
const simpleOAuth2 = `import { AuthorizationCode } from "simple-oauth2";
export const client = new AuthorizationCode({
  client: { id: process.env.ID, secret: process.env.SECRET },
  auth: { tokenHost: new URL(process.env.ACME_TOKEN_URL ?? "http://auth.acme.io/oauth/token").origin },
});`;
const plainObject = `const BASE = new URL("http://auth.acme.io");
export const acme = { authUrl: new URL("/authorize", BASE).href, tokenUrl: \`\${BASE}oauth/token\`, redirectUri: "http://localhost:8080/cb" };`;
const arctic = `import { OAuth2Client } from "arctic";
const client = new OAuth2Client(process.env.ID, process.env.SECRET, dev ? "http://app.acme.dev/cb" : "https://app.acme.dev/cb");
export const url = client.createAuthorizationURL(new URL("/authorize", "http://auth.acme.io").toString(), state, ["read"]);`;
const googleapis = `import { google } from "googleapis";
export const client = new google.auth.OAuth2(process.env.ID, process.env.SECRET, process.env.REDIRECT_URL || "http://app.acme.dev/oauth2callback");`;

const ts = new RuleTester();

ts.run('oauth-endpoints-https: conditionals, fallbacks, new URL (typescript-eslint parser)', rule, {
  valid: [
    // every branch https, or http on a loopback host
    oauth(`authorizationEndpoint: dev ? "https://dev.acme.io/authorize" : ${AUTH}, tokenEndpoint: ${TOKEN}`),
    oauth(`authorizationEndpoint: ${AUTH}, tokenEndpoint: dev ? "http://localhost:8080/token" : ${TOKEN}, callbackUrl: dev ? "http://127.0.0.1:3000/cb" : "http://[::1]:3000/cb"`),
    // a branch that is never taken: the test is a constant
    `${HEAD}const USE_STAGING = false;\nworker.oauth("acme", { authorizationEndpoint: USE_STAGING ? "http://staging.acme.io/authorize" : ${AUTH}, tokenEndpoint: ${TOKEN}, ${CLIENT} });`,
    // an empty branch or fallback means "no URL there", as `?? ""` after an env read
    oauth(`authorizationEndpoint: managed ? "" : ${AUTH}, tokenEndpoint: options.tokenUrl ?? ""`),
    // env reads and options with an https (or loopback) fallback, or none
    oauth(`authorizationEndpoint: process.env.ACME_AUTH_URL || ${AUTH}, tokenEndpoint: options.tokenUrl ?? ${TOKEN}, callbackUrl: process.env.CALLBACK ?? "http://localhost:3000/cb"`),
    oauth(`authorizationEndpoint: process.env.ACME_AUTH_URL, tokenEndpoint: process.env.ACME_TOKEN_URL ?? process.env.ACME_FALLBACK_TOKEN_URL`),
    // new URL: https or loopback base, an absolute https input (the base is ignored), a base read at run time
    oauth(`authorizationEndpoint: new URL("/oauth/authorize", "https://auth.acme.io"), tokenEndpoint: new URL(path, "http://localhost:8080")`),
    oauth(`authorizationEndpoint: new URL("https://auth.acme.io/authorize", "http://legacy.acme.io"), tokenEndpoint: new URL("/token", process.env.ACME_BASE_URL)`),
    oauth(`authorizationEndpoint: new URL(${AUTH}).href, tokenEndpoint: String(new URL("/oauth/token", "https://auth.acme.io"))`),
    // not the global URL
    `import { URL } from "./my-url.js";\n${HEAD}worker.oauth("acme", { authorizationEndpoint: new URL("/authorize", "http://auth.acme.io"), tokenEndpoint: ${TOKEN} });`,
    // a host with a run-time part that may be loopback
    `${HEAD}const domain = process.env.DOMAIN;\nworker.oauth("acme", { authorizationEndpoint: \`http://auth.\${domain}/authorize\`, tokenEndpoint: \`http://localhost\${port}/token\`, callbackUrl: \`http://127.0.0.1\${port}/cb\` });`,
    `${HEAD}worker.oauth("acme", { authorizationEndpoint: \`http://\${host}/authorize\`, tokenEndpoint: \`http://\${app}.localhost:3000/token\` });`,
  ],
  invalid: [
    // --- 1. conditionals and fallbacks
    {
      name: 'the http branch of a conditional',
      code: devBranch,
      errors: [insecure(devBranch, '"http://auth.acme.io/authorize"', 'authorization endpoint', 'http://auth.acme.io/authorize')],
    },
    {
      name: 'both branches http',
      code: bothBranches,
      errors: [
        insecure(bothBranches, '"http://eu.acme.io/token"', 'token endpoint', 'http://eu.acme.io/token'),
        insecure(bothBranches, '"http://us.acme.io/token"', 'token endpoint', 'http://us.acme.io/token'),
      ],
    },
    {
      name: 'a conditional in a const, reported in the const',
      code: constConditional,
      errors: [insecure(constConditional, '"http://staging.acme.io/authorize"', 'authorization endpoint', 'http://staging.acme.io/authorize')],
    },
    {
      name: 'a constant test: the branch taken, at its literal',
      code: staticTest,
      errors: [insecure(staticTest, '"http://staging.acme.io/authorize"', 'authorization endpoint', 'http://staging.acme.io/authorize')],
    },
    {
      name: 'nested conditionals: the loopback branch is allowed',
      code: nestedConditional,
      errors: [insecure(nestedConditional, '"http://qa.acme.io/token"', 'token endpoint', 'http://qa.acme.io/token')],
    },
    {
      name: 'a conditional as the fallback of an env read',
      code: envFallbackConditional,
      errors: [insecure(envFallbackConditional, '"http://auth.acme.io/authorize"', 'authorization endpoint', 'http://auth.acme.io/authorize')],
    },
    {
      name: 'the fallback of an option',
      code: optionFallback,
      errors: [insecure(optionFallback, '"http://auth.acme.io/oauth/token"', 'token endpoint', 'http://auth.acme.io/oauth/token')],
    },
    {
      name: 'destructuring defaults',
      code: destructuredDefault,
      errors: [
        insecure(destructuredDefault, '"http://auth.acme.io/authorize"', 'authorization endpoint', 'http://auth.acme.io/authorize'),
        insecure(destructuredDefault, '"http://auth.acme.io/token"', 'token endpoint', 'http://auth.acme.io/token'),
      ],
    },
    {
      name: 'a loopback branch with allowHttpLocalhost off',
      code: loopbackBranchStrict,
      options: [{ allowHttpLocalhost: false }],
      errors: [
        {
          messageId: 'insecureLocalhost',
          data: { role: 'callback URL', url: 'http://localhost:3000/callback' },
          ...span(loopbackBranchStrict, '"http://localhost:3000/callback"'),
          suggestions: [{ messageId: 'useHttps', output: toHttps(loopbackBranchStrict, '"http://localhost:3000/callback"') }],
        },
      ],
    },
    {
      name: 'a placeholder branch',
      code: placeholderBranch,
      errors: [{ messageId: 'placeholderUrl', data: { role: 'token endpoint', url: 'TODO' }, ...span(placeholderBranch, '"TODO"') }],
    },
    {
      name: 'a branch with credentials: masked',
      code: secretBranch,
      errors: [
        { messageId: 'credentialsInUrl', data: { role: 'token endpoint', part: 'user-info', masked: redact(SECRET) }, ...span(secretBranch, `"http://app:${SECRET}@auth.acme.io/token"`) },
        insecure(secretBranch, `"http://app:${SECRET}@auth.acme.io/token"`, 'token endpoint', 'http://auth.acme.io/token'),
      ],
    },
    // --- 2. new URL(…)
    {
      name: 'new URL(path, base): the http base',
      code: urlBase,
      errors: [insecure(urlBase, '"http://auth.acme.io"', 'authorization endpoint', 'http://auth.acme.io')],
    },
    {
      name: 'new URL(url)',
      code: urlSingle,
      errors: [insecure(urlSingle, '"http://auth.acme.io/oauth/token"', 'token endpoint', 'http://auth.acme.io/oauth/token')],
    },
    {
      name: 'new URL(runTimePath, CONST_BASE): reported once, at the const',
      code: urlConstBase,
      errors: [insecure(urlConstBase, '"http://auth.acme.io"', 'authorization endpoint', 'http://auth.acme.io')],
    },
    {
      name: 'new URL(path, env ?? base)',
      code: urlEnvBase,
      errors: [insecure(urlEnvBase, '"http://auth.acme.io"', 'token endpoint', 'http://auth.acme.io')],
    },
    {
      name: 'new URL(absolute, base): the input, not the base',
      code: urlAbsoluteInput,
      errors: [insecure(urlAbsoluteInput, '"http://auth.acme.io/oauth/token"', 'token endpoint', 'http://auth.acme.io/oauth/token')],
    },
    {
      name: 'new URL(path, cond ? httpBase : httpsBase)',
      code: urlConditionalBase,
      errors: [insecure(urlConditionalBase, '"http://dev.acme.io"', 'authorization endpoint', 'http://dev.acme.io')],
    },
    {
      name: 'URL imported from node:url',
      code: nodeUrl,
      errors: [insecure(nodeUrl, '"http://auth.acme.io"', 'authorization endpoint', 'http://auth.acme.io')],
    },
    // --- 3. strings of a URL, hosts with run-time parts
    {
      name: '${u.origin}/…, String(new URL(…)), u.toString()',
      code: urlStrings,
      errors: [
        insecure(urlStrings, '"http://auth.acme.io"', 'authorization endpoint', 'http://auth.acme.io'),
        insecure(urlStrings, '"http://app.acme.io/oauth/callback"', 'callback URL', 'http://app.acme.io/oauth/callback'),
        insecure(urlStrings, '"http://login.acme.io"', 'token endpoint', 'http://login.acme.io'),
      ],
    },
    {
      name: 'a written host followed by a run-time path',
      code: hostThenPath,
      errors: [
        insecure(hostThenPath, '"http://auth.acme.io" + AUTH_PATH', 'authorization endpoint', 'http://auth.acme.io…'),
        insecure(hostThenPath, '`http://auth.acme.io${TOKEN_PATH}`', 'token endpoint', 'http://auth.acme.io…'),
      ],
    },
    {
      name: 'a run-time subdomain of a written domain',
      code: tenantHost,
      errors: [insecure(tenantHost, '`http://${tenant}.auth0.com/authorize`', 'authorization endpoint', 'http://….auth0.com/…')],
    },
    // --- other configuration forms
    {
      name: 'passport',
      code: passport,
      errors: [
        insecure(passport, '"http://auth.acme.io/authorize"', 'authorization endpoint', 'http://auth.acme.io/authorize'),
        insecure(passport, '"http://auth.acme.io"', 'token endpoint', 'http://auth.acme.io'),
      ],
    },
    {
      name: 'simple-oauth2: tokenHost from new URL(env ?? "…").origin',
      code: simpleOAuth2,
      errors: [insecure(simpleOAuth2, '"http://auth.acme.io/oauth/token"', 'token host', 'http://auth.acme.io/oauth/token')],
    },
    {
      name: 'a plain object: .href and a template of a URL object',
      code: plainObject,
      errors: [insecure(plainObject, '"http://auth.acme.io"', 'authorization endpoint', 'http://auth.acme.io')],
    },
    {
      name: 'arctic',
      code: arctic,
      errors: [
        insecure(arctic, '"http://app.acme.dev/cb"', 'callback URL', 'http://app.acme.dev/cb'),
        insecure(arctic, '"http://auth.acme.io"', 'authorization endpoint', 'http://auth.acme.io'),
      ],
    },
    {
      name: 'googleapis: env || "http://…"',
      code: googleapis,
      errors: [insecure(googleapis, '"http://app.acme.dev/oauth2callback"', 'callback URL', 'http://app.acme.dev/oauth2callback')],
    },
  ],
});

// --- espree, `.js` ---------------------------------------------------------------------------------------------
const cjs = `const { Worker } = require("@notionhq/workers");
const worker = new Worker();
module.exports = worker;
const base = process.env.ACME_BASE_URL || 'http://auth.acme.io';
worker.oauth("acme", {
  authorizationEndpoint: dev ? 'http://auth.acme.io/authorize' : ${AUTH},
  tokenEndpoint: new URL('/oauth/token', base).href,
});`;

const js = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } });

js.run('oauth-endpoints-https: conditionals, new URL (espree, .js)', rule, {
  valid: [
    {
      code: `const { Worker } = require("@notionhq/workers");\nnew Worker().oauth("acme", { authorizationEndpoint: dev ? "http://localhost:3000/authorize" : ${AUTH}, tokenEndpoint: new URL("/token", "https://auth.acme.io").href });`,
      filename: 'worker.js',
    },
  ],
  invalid: [
    {
      code: cjs,
      filename: 'worker.js',
      errors: [
        // the fallback of the base comes first in the file
        insecure(cjs, "'http://auth.acme.io'", 'token endpoint', 'http://auth.acme.io'),
        insecure(cjs, "'http://auth.acme.io/authorize'", 'authorization endpoint', 'http://auth.acme.io/authorize'),
      ],
    },
  ],
});
