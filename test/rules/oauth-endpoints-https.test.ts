import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../rules/oauth-endpoints-https.js';
import { redact } from '../../src/detect/redact.js';
import { fakeGenericSecret } from '../support/fake-tokens.js';
import { span } from '../support/positions.js';


const SECRET = fakeGenericSecret(41);
const HEAD = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';
const AUTH = '"https://auth.acme.io/oauth/authorize"';
const TOKEN = '"https://auth.acme.io/oauth/token"';
const CLIENT = 'clientId: process.env.ACME_ID ?? "", clientSecret: process.env.ACME_SECRET ?? ""';

// --- invalid inputs -----------------------------------------------------------------------------------------------
const httpToken = `${HEAD}worker.oauth("acme", {
  name: "acme",
  authorizationEndpoint: ${AUTH},
  tokenEndpoint: "http://auth.acme.io/oauth/token",
  scope: "read",
  ${CLIENT},
});`;
const localhost = `${HEAD}worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: ${TOKEN}, callbackUrl: "http://localhost:3000/callback", ${CLIENT} });`;
const relative = `${HEAD}worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: "/oauth/token", callbackUrl: "auth.acme.io/callback", ${CLIENT} });`;
const userInfo = `${HEAD}worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: "https://acme-app:${SECRET}@auth.acme.io/oauth/token", ${CLIENT} });`;
const querySecret = `${HEAD}worker.oauth("acme", { authorizationEndpoint: "https://auth.acme.io/oauth/authorize?client_id=abc&client_secret=${SECRET}", tokenEndpoint: ${TOKEN}, ${CLIENT} });`;
const placeholders = `${HEAD}worker.oauth("zendesk", {
  authorizationEndpoint: "https://{subdomain}.zendesk.com/oauth/authorizations/new",
  tokenEndpoint: "TODO",
  callbackUrl: "",
  ${CLIENT},
});`;
const yourDomain = `${HEAD}worker.oauth("auth0", { authorizationEndpoint: "https://YOUR_DOMAIN.auth0.com/authorize", tokenEndpoint: "https://acme.eu.auth0.com/oauth/token", ${CLIENT} });`;
const yourCompany = `${HEAD}worker.oauth("zendesk", { authorizationEndpoint: "https://acme.zendesk.com/oauth/authorizations/new", tokenEndpoint: "https://yourcompany.zendesk.com/oauth/tokens", ${CLIENT} });`;
const ftp = `${HEAD}worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: "ftp://auth.acme.io/oauth/token", ${CLIENT} });`;
const fallback = `${HEAD}worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: process.env.ACME_TOKEN_URL ?? "http://auth.acme.io/oauth/token", ${CLIENT} });`;
const templateHost = `${HEAD}const path = process.env.TOKEN_PATH;
worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: \`http://auth.acme.io/\${path}\`, ${CLIENT} });`;
const constEndpoint = `${HEAD}const TOKEN_URL = "http://auth.acme.io/oauth/token";
worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: TOKEN_URL, ${CLIENT} });`;
const httpWithUser = `${HEAD}worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: "http://app:${SECRET}@auth.acme.io/token", ${CLIENT} });`;
const passport = `import OAuth2Strategy from "passport-oauth2";
export const s = new OAuth2Strategy({ authorizationURL: "http://auth.acme.io/authorize", tokenURL: ${TOKEN}, clientID: process.env.ID, clientSecret: process.env.SECRET, callbackURL: "https://app.acme.dev/cb" }, () => {});`;
const googleapis = `import { google } from "googleapis";
export const client = new google.auth.OAuth2(process.env.ID, process.env.SECRET, "http://app.acme.dev/oauth2callback");`;
const simpleOAuth2 = `import { AuthorizationCode } from "simple-oauth2";
export const client = new AuthorizationCode({ client: { id: process.env.ID, secret: process.env.SECRET }, auth: { tokenHost: "http://auth.acme.io" } });`;
const arctic = `import { OAuth2Client } from "arctic";
const client = new OAuth2Client(process.env.ID, process.env.SECRET, "https://app.acme.dev/cb");
export const url = client.createAuthorizationURL("http://auth.acme.io/authorize", state, ["read"]);`;
const plainObject = `export const acme = { authUrl: ${AUTH}, tokenUrl: "http://auth.acme.io/oauth/token", redirectUri: "http://localhost:8080/cb" };`;

const ts = new RuleTester();

ts.run('oauth-endpoints-https (typescript-eslint parser)', rule, {
  valid: [
    `${HEAD}worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: ${TOKEN}, ${CLIENT} });`,
    // documentation domains are real URLs, not placeholders
    `${HEAD}worker.oauth("myOAuth", { name: "my-provider", authorizationEndpoint: "https://provider.example.com/oauth/authorize", tokenEndpoint: "https://provider.example.com/oauth/token", ${CLIENT} });`,
    `${HEAD}worker.oauth("acme", { authorizationEndpoint: "https://yourls.acme.io/authorize", tokenEndpoint: "https://my.acme.io/token", ${CLIENT} });`,
    `${HEAD}worker.oauth("github", { authorizationEndpoint: "https://github.com/login/oauth/authorize?allow_signup=false&client_id=abc", tokenEndpoint: "https://github.com/login/oauth/access_token", ${CLIENT} });`,
    // local development over http is allowed by default
    localhost,
    `${HEAD}worker.oauth("acme", { authorizationEndpoint: process.env.AUTH_URL ?? "", tokenEndpoint: process.env.TOKEN_URL ?? ${TOKEN}, ${CLIENT} });`,
    `${HEAD}const shop = process.env.SHOP;\nworker.oauth("shopify", { authorizationEndpoint: \`https://\${shop}.myshopify.com/admin/oauth/authorize\`, tokenEndpoint: \`https://\${shop}.myshopify.com/admin/oauth/access_token\`, ${CLIENT} });`,
    // the host is only known at run time: it may be localhost
    `${HEAD}worker.oauth("acme", { authorizationEndpoint: \`http://\${host}/authorize\`, tokenEndpoint: \`\${base}/token\`, ${CLIENT} });`,
    `${HEAD}worker.oauth("googleAuth", { name: "google", provider: "google" });`,
    // values the rule cannot see: report nothing, never crash
    `${HEAD}worker.oauth("acme", buildConfig("http://auth.acme.io"));`,
    `${HEAD}import { base } from "./base.js";\nworker.oauth("acme", { ...base, tokenEndpoint: "http://auth.acme.io/token" });`,
    `${HEAD}worker.oauth("acme", { [key]: "x", authorizationEndpoint: "http://auth.acme.io/authorize", tokenEndpoint: ${TOKEN} });`,
    `${HEAD}import { TOKEN_URL } from "./urls.js";\nworker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: TOKEN_URL });`,
    // options
    { code: relative.replace('tokenEndpoint: "/oauth/token"', `tokenEndpoint: ${TOKEN}`), options: [{ checkCallbackUrl: false }] },
    'import { AuthorizationCode } from "simple-oauth2";\nexport const c = new AuthorizationCode({ client: { id: "a", secret: "b" }, auth: { tokenHost: "https://gitlab.com", tokenPath: "/oauth/token" } });',
    // not an OAuth configuration: one endpoint key only
    'export const links = { tokenUrl: "http://auth.acme.io/token" };',
  ],
  invalid: [
    {
      code: httpToken,
      errors: [
        {
          messageId: 'insecureUrl',
          data: { role: 'token endpoint', url: 'http://auth.acme.io/oauth/token', protocol: 'http:' },
          ...span(httpToken, '"http://auth.acme.io/oauth/token"'),
          suggestions: [{ messageId: 'useHttps', output: httpToken.replace('http://auth.acme.io', 'https://auth.acme.io') }],
        },
      ],
    },
    {
      code: localhost,
      options: [{ allowHttpLocalhost: false }],
      errors: [
        {
          messageId: 'insecureLocalhost',
          data: { role: 'callback URL', url: 'http://localhost:3000/callback' },
          ...span(localhost, '"http://localhost:3000/callback"'),
          suggestions: [{ messageId: 'useHttps', output: localhost.replace('http://localhost', 'https://localhost') }],
        },
      ],
    },
    {
      code: relative,
      errors: [
        { messageId: 'notAbsolute', data: { role: 'token endpoint', url: '/oauth/token' }, ...span(relative, '"/oauth/token"') },
        { messageId: 'notAbsolute', data: { role: 'callback URL', url: 'auth.acme.io/callback' }, ...span(relative, '"auth.acme.io/callback"') },
      ],
    },
    {
      name: 'credentials in the user-info',
      code: userInfo,
      errors: [
        {
          messageId: 'credentialsInUrl',
          data: { role: 'token endpoint', part: 'user-info', masked: redact(SECRET) },
          ...span(userInfo, `"https://acme-app:${SECRET}@auth.acme.io/oauth/token"`),
        },
      ],
    },
    {
      name: 'a client secret in the query',
      code: querySecret,
      errors: [
        {
          messageId: 'credentialsInUrl',
          data: { role: 'authorization endpoint', part: '`client_secret` query parameter', masked: redact(SECRET) },
          ...span(querySecret, `"https://auth.acme.io/oauth/authorize?client_id=abc&client_secret=${SECRET}"`),
        },
      ],
    },
    {
      code: placeholders,
      errors: [
        { messageId: 'placeholderUrl', data: { role: 'authorization endpoint', url: 'https://{subdomain}.zendesk.com/oauth/authorizations/new' }, ...span(placeholders, '"https://{subdomain}.zendesk.com/oauth/authorizations/new"') },
        { messageId: 'placeholderUrl', data: { role: 'token endpoint', url: 'TODO' }, ...span(placeholders, '"TODO"') },
        { messageId: 'placeholderUrl', data: { role: 'callback URL', url: '' }, ...span(placeholders, '""') },
      ],
    },
    {
      code: yourCompany,
      errors: [{ messageId: 'placeholderUrl', ...span(yourCompany, '"https://yourcompany.zendesk.com/oauth/tokens"') }],
    },
    {
      code: yourDomain,
      errors: [{ messageId: 'placeholderUrl', ...span(yourDomain, '"https://YOUR_DOMAIN.auth0.com/authorize"') }],
    },
    {
      code: ftp,
      errors: [{ messageId: 'insecureUrl', data: { role: 'token endpoint', url: 'ftp://auth.acme.io/oauth/token', protocol: 'ftp:' }, ...span(ftp, '"ftp://auth.acme.io/oauth/token"'), suggestions: [] }],
    },
    {
      // the fallback is what runs when the variable is unset
      code: fallback,
      errors: [{ messageId: 'insecureUrl', ...span(fallback, '"http://auth.acme.io/oauth/token"'), suggestions: [{ messageId: 'useHttps', output: fallback.replace('http://auth.acme.io', 'https://auth.acme.io') }] }],
    },
    {
      // scheme and host are written out; the path is not
      code: templateHost,
      errors: [
        {
          messageId: 'insecureUrl',
          data: { role: 'token endpoint', url: 'http://auth.acme.io/…', protocol: 'http:' },
          ...span(templateHost, '`http://auth.acme.io/${path}`'),
          suggestions: [{ messageId: 'useHttps', output: templateHost.replace('`http://', '`https://') }],
        },
      ],
    },
    {
      // reported where the URL is written
      code: constEndpoint,
      errors: [{ messageId: 'insecureUrl', ...span(constEndpoint, '"http://auth.acme.io/oauth/token"'), suggestions: [{ messageId: 'useHttps', output: constEndpoint.replace('http://auth.acme.io', 'https://auth.acme.io') }] }],
    },
    {
      name: 'http and credentials in one URL',
      code: httpWithUser,
      errors: [
        { messageId: 'credentialsInUrl', data: { role: 'token endpoint', part: 'user-info', masked: redact(SECRET) }, ...span(httpWithUser, `"http://app:${SECRET}@auth.acme.io/token"`) },
        {
          messageId: 'insecureUrl',
          data: { role: 'token endpoint', url: 'http://auth.acme.io/token', protocol: 'http:' },
          ...span(httpWithUser, `"http://app:${SECRET}@auth.acme.io/token"`),
          suggestions: [{ messageId: 'useHttps', output: httpWithUser.replace('"http://', '"https://') }],
        },
      ],
    },
    // libraries
    {
      code: passport,
      errors: [{ messageId: 'insecureUrl', data: { role: 'authorization endpoint', url: 'http://auth.acme.io/authorize', protocol: 'http:' }, ...span(passport, '"http://auth.acme.io/authorize"'), suggestions: [{ messageId: 'useHttps', output: passport.replace('"http://', '"https://') }] }],
    },
    {
      code: googleapis,
      errors: [{ messageId: 'insecureUrl', data: { role: 'callback URL', url: 'http://app.acme.dev/oauth2callback', protocol: 'http:' }, ...span(googleapis, '"http://app.acme.dev/oauth2callback"'), suggestions: [{ messageId: 'useHttps', output: googleapis.replace('"http://', '"https://') }] }],
    },
    {
      code: simpleOAuth2,
      errors: [{ messageId: 'insecureUrl', data: { role: 'token host', url: 'http://auth.acme.io', protocol: 'http:' }, ...span(simpleOAuth2, '"http://auth.acme.io"'), suggestions: [{ messageId: 'useHttps', output: simpleOAuth2.replace('"http://', '"https://') }] }],
    },
    {
      code: arctic,
      errors: [{ messageId: 'insecureUrl', data: { role: 'authorization endpoint', url: 'http://auth.acme.io/authorize', protocol: 'http:' }, ...span(arctic, '"http://auth.acme.io/authorize"'), suggestions: [{ messageId: 'useHttps', output: arctic.replace('"http://', '"https://') }] }],
    },
    {
      code: plainObject,
      errors: [{ messageId: 'insecureUrl', ...span(plainObject, '"http://auth.acme.io/oauth/token"'), suggestions: [{ messageId: 'useHttps', output: plainObject.replace('"http://auth', '"https://auth') }] }],
    },
  ],
});

// --- espree, `.js` ---------------------------------------------------------------------------------------------
const cjs = `const { Worker } = require("@notionhq/workers");
const worker = new Worker();
module.exports = worker;
worker.oauth("acme", { name: "acme", authorizationEndpoint: ${AUTH}, tokenEndpoint: 'http://auth.acme.io/oauth/token' });`;

const js = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } });

js.run('oauth-endpoints-https (espree, .js)', rule, {
  valid: [
    { code: `const { Worker } = require("@notionhq/workers");\nnew Worker().oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: ${TOKEN} });`, filename: 'worker.js' },
  ],
  invalid: [
    {
      code: cjs,
      filename: 'worker.js',
      errors: [{ messageId: 'insecureUrl', ...span(cjs, "'http://auth.acme.io/oauth/token'"), suggestions: [{ messageId: 'useHttps', output: cjs.replace("'http://", "'https://") }] }],
    },
  ],
});
