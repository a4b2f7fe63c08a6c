import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../rules/no-broad-oauth-scopes.js';
import { span } from '../support/positions.js';
import { describe, expect, it } from 'vitest';


const HEAD = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';
const G = 'https://www.googleapis.com/auth/';
const GOOGLE_ENDPOINTS =
  'authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth", tokenEndpoint: "https://oauth2.googleapis.com/token"';
const GITHUB_ENDPOINTS =
  'authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token"';
const ACME_ENDPOINTS = 'authorizationEndpoint: "https://auth.acme.io/oauth/authorize", tokenEndpoint: "https://auth.acme.io/oauth/token"';
const CLIENT = 'clientId: process.env.X_ID ?? "", clientSecret: process.env.X_SECRET ?? ""';

// --- invalid inputs (named so that the case list stays static) --------------------------------------------------
const googleDrive = `${HEAD}worker.oauth("googleDrive", {
  name: "google-drive",
  ${GOOGLE_ENDPOINTS},
  scope: "${G}drive",
  ${CLIENT},
});`;
const githubString = `${HEAD}worker.oauth("github", { name: "github", ${GITHUB_ENDPOINTS}, scope: "repo read:user admin:org", ${CLIENT} });`;
const constJoin = `${HEAD}const SCOPES = ["repo", "user:email", "delete_repo"];
worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: SCOPES.join(" "), ${CLIENT} });`;
const template = `${HEAD}const BASE = "read:user";
worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: \`\${BASE} admin:org\`, ${CLIENT} });`;
const templateHole = `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: \`\${process.env.EXTRA_SCOPES} workflow\`, ${CLIENT} });`;
const concatenation = `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: "read:user " + "delete_repo", ${CLIENT} });`;
// the literal fallback of an env read is what is requested when the variable is unset
const envFallback = `${HEAD}const SCOPES = process.env.GITHUB_SCOPES ?? "read:user admin:org";
worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: SCOPES, ${CLIENT} });`;
const slack = `${HEAD}worker.oauth("slack", {
  name: "slack",
  authorizationEndpoint: "https://slack.com/oauth/v2/authorize",
  tokenEndpoint: "https://slack.com/api/oauth.v2.access",
  scope: "chat:write,chat:write.public,channels:read",
  authorizationParams: { user_scope: "search:read" },
  ${CLIENT},
});`;
const microsoft = `${HEAD}worker.oauth("outlook", {
  name: "outlook",
  authorizationEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
  tokenEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
  scope: ["offline_access", "User.Read", "Files.ReadWrite.All"].join(" "),
  ${CLIENT},
});`;
const salesforce = `${HEAD}const config = {
  name: "salesforce",
  authorizationEndpoint: "https://login.salesforce.com/services/oauth2/authorize",
  tokenEndpoint: "https://login.salesforce.com/services/oauth2/token",
  scope: "full refresh_token",
  ${CLIENT},
};
worker.oauth("salesforce", config);`;
const gitlabSpread = `${HEAD}const GITLAB = { authorizationEndpoint: "https://gitlab.com/oauth/authorize", tokenEndpoint: "https://gitlab.com/oauth/token" };
worker.oauth("gitlab", { ...GITLAB, name: "gitlab", scope: "api read_user", ${CLIENT} });`;
const unknownProvider = `${HEAD}worker.oauth("acme", { name: "acme", ${ACME_ENDPOINTS}, scope: "profile read:all admin *", ${CLIENT} });`;
const byName = `${HEAD}worker.oauth("googleDrive", { name: "google-drive", scope: "drive.readonly", ${CLIENT} });`;
const byManaged = `${HEAD}worker.oauth("cal", { name: "calendar", provider: "google", scope: "calendar" });`;
const namespaceImport = `import * as workers from "@notionhq/workers";
export const worker = new workers.Worker();
worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: "site_admin", ${CLIENT} });`;
// an enum member and a namespace's const are as static as a const
const enumScopes = `${HEAD}const enum Scope { Identity = "read:user", Repo = "repo" }
namespace Scopes { export const ORG = "admin:org"; }
worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: [Scope.Identity, Scope.Repo, Scopes.ORG], ${CLIENT} });`;
// each const of a chain counts once (MAX_DEPTH: 12 consts), not the spreads and the join around it
const spreadChain = `${HEAD}const IDENTITY = ["read:user"];
const REPOS = [...IDENTITY, "repo"];
const ORGS = [...REPOS, "read:org"];
const GISTS = [...ORGS, "gist"];
const HOOKS = [...GISTS, "read:repo_hook"];
const PACKAGES = [...HOOKS, "read:packages"];
const ALL = [...PACKAGES, "notifications"];
worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: \`\${ALL.join(" ")} \${[...ALL].join(" ")}\`, ${CLIENT} });`;
// TypeScript's CommonJS import, as a `.cts` file writes it
const importEquals = `import workers = require("@notionhq/workers");
const worker = new workers.Worker();
worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: "admin:org", ${CLIENT} });`;
const chained = `import { Worker } from "@notionhq/workers";
new Worker().oauth("github", { ${GITHUB_ENDPOINTS}, scope: "admin:org" });`;
const duplicateSuggestion = `${HEAD}worker.oauth("gdrive", { ${GOOGLE_ENDPOINTS}, scope: "drive drive.file", ${CLIENT} });`;
const forbidden = `${HEAD}worker.oauth("acme", { ${ACME_ENDPOINTS}, scope: "read:invoices write:invoices", ${CLIENT} });`;
const tooMany = `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: "read:user user:email read:org", ${CLIENT} });`;
const passportStrategy = `import { Strategy as GoogleStrategy } from "passport-google-oauth20";
export const strategy = new GoogleStrategy({ clientID: process.env.ID, clientSecret: process.env.SECRET, callbackURL: "https://app.acme.dev/cb", scope: ["profile", "${G}gmail.modify"] }, () => {});`;
const passportAuthenticate = `import passport from "passport";
export const login = passport.authenticate("github", { scope: ["user"] });`;
const googleapis = `import { google } from "googleapis";
const client = new google.auth.OAuth2(process.env.ID, process.env.SECRET, "https://app.acme.dev/cb");
export const url = client.generateAuthUrl({ access_type: "offline", scope: ["${G}calendar"] });`;
const simpleOAuth2 = `import { AuthorizationCode } from "simple-oauth2";
const client = new AuthorizationCode({ client: { id: process.env.ID, secret: process.env.SECRET }, auth: { tokenHost: "https://gitlab.com" } });
export const url = client.authorizeURL({ redirect_uri: "https://app.acme.dev/cb", scope: "sudo" });`;
const octokit = `import { getWebFlowAuthorizationUrl } from "@octokit/oauth-methods";
export const { url } = getWebFlowAuthorizationUrl({ clientType: "oauth-app", clientId: process.env.ID, scopes: ["repo"] });`;
const arctic = `import * as arctic from "arctic";
const github = new arctic.GitHub(process.env.ID, process.env.SECRET, null);
export const url = github.createAuthorizationURL(state, ["user:email", "delete_repo"]);`;
const plainObject = `export const dropbox = {
  authorizeUrl: "https://www.dropbox.com/oauth2/authorize",
  tokenUrl: "https://api.dropboxapi.com/oauth2/token",
  scope: "files.content.read files.permanent_delete",
};`;
const worksWithSatisfies = `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: "repo" as const, ${CLIENT} } satisfies object);`;

const ts = new RuleTester();

ts.run('no-broad-oauth-scopes (typescript-eslint parser)', rule, {
  valid: [
    // the Notion-managed form has no scopes in code
    `${HEAD}worker.oauth("googleAuth", { name: "google", provider: "google" });`,
    `${HEAD}worker.oauth("gdrive", { ${GOOGLE_ENDPOINTS}, scope: "${G}drive.file ${G}drive.metadata.readonly openid email", ${CLIENT} });`,
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: "read:user user:email", ${CLIENT} });`,
    `${HEAD}worker.oauth("soundcloud", { authorizationEndpoint: "https://secure.soundcloud.com/authorize", tokenEndpoint: "https://secure.soundcloud.com/oauth/token", scope: "", ${CLIENT} });`,
    // long-lived access and identity scopes are never broad; Microsoft `.default` is opaque, not broad
    `${HEAD}worker.oauth("ms", { authorizationEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize", tokenEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/token", scope: "openid offline_access User.Read https://graph.microsoft.com/.default", ${CLIENT} });`,
    // a write scope of an unknown provider is not reported just because it writes
    `${HEAD}worker.oauth("acme", { ${ACME_ENDPOINTS}, scope: "read write:issues", ${CLIENT} });`,
    // not the Notion SDK's Worker
    'import { Worker } from "node:worker_threads";\nconst w = new Worker("./x.js");\nw.oauth("github", { name: "github", scope: "repo" });',
    'class Worker { oauth(_k: string, _c: object) {} }\nconst worker = new Worker();\nworker.oauth("github", { name: "github", scope: "repo" });',
    // values the rule cannot see: report nothing, never crash
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: getScopes(), ${CLIENT} });`,
    `${HEAD}import { SCOPES } from "./scopes.js";\nworker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: SCOPES, ${CLIENT} });`,
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: \`\${process.env.SCOPES}\`, ${CLIENT} });`,
    `${HEAD}worker.oauth("github", makeConfig());`,
    `${HEAD}import { base } from "./base.js";\nworker.oauth("github", { ...base, scope: "repo admin:org" });`,
    `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, [dynamicKey]: "x", scope: "repo" });`,
    `${HEAD}worker.oauth("github");`,
    `${HEAD}worker.oauth(...args);`,
    `${HEAD}worker.oauth("github", null);`,
    `${HEAD}let scope = "repo";\nscope = read();\nworker.oauth("github", { ${GITHUB_ENDPOINTS}, scope, ${CLIENT} });`,
    // options
    { code: `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: "repo", ${CLIENT} });`, options: [{ allow: { github: ['repo'] } }] },
    { code: `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: "admin:org admin:repo_hook", ${CLIENT} });`, options: [{ allow: { '*': ['admin:*'] } }] },
    { code: `${HEAD}worker.oauth("gdrive", { ${GOOGLE_ENDPOINTS}, scope: "${G}drive", ${CLIENT} });`, options: [{ allow: { google: ['drive'] } }] },
    { code: `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: "read:user user:email", ${CLIENT} });`, options: [{ maxScopes: 2 }] },
  ],
  invalid: [
    {
      code: envFallback,
      errors: [{ messageId: 'broadScope', ...span(envFallback, 'admin:org'), suggestions: [{ messageId: 'useNarrower', output: envFallback.replace('admin:org', 'read:org') }] }],
    },
    {
      code: googleDrive,
      errors: [
        {
          messageId: 'broadScope',
          data: {
            scope: `${G}drive`,
            provider: 'Google',
            risk: 'write-all',
            reason: 'reads, writes and deletes every Drive file (restricted)',
            alternatives: `\`${G}drive.file\`, \`${G}drive.readonly\` or \`${G}drive.metadata.readonly\``,
          },
          ...span(googleDrive, `${G}drive`),
          suggestions: [
            {
              messageId: 'useNarrower',
              data: { scope: `${G}drive`, suggestion: `${G}drive.file` },
              output: googleDrive.replace(`"${G}drive"`, `"${G}drive.file"`),
            },
          ],
        },
      ],
    },
    {
      // each broad scope at its own columns; `read:user` is narrow
      code: githubString,
      errors: [
        { messageId: 'broadScope', ...span(githubString, 'repo'), suggestions: [] },
        {
          messageId: 'broadScope',
          data: {
            scope: 'admin:org',
            provider: 'GitHub',
            risk: 'admin',
            reason: 'full control of the organization, its teams and members',
            alternatives: '`read:org` or `write:org`',
          },
          ...span(githubString, 'admin:org'),
          suggestions: [
            {
              messageId: 'useNarrower',
              data: { scope: 'admin:org', suggestion: 'read:org' },
              output: githubString.replace('admin:org', 'read:org'),
            },
          ],
        },
      ],
    },
    {
      // reported in the array where the scopes are written
      code: constJoin,
      errors: [
        { messageId: 'broadScope', ...span(constJoin, 'repo'), suggestions: [] },
        {
          messageId: 'broadScopeNoAlternative',
          data: { scope: 'delete_repo', provider: 'GitHub', risk: 'delete', reason: 'deletes any repository the user administers' },
          ...span(constJoin, 'delete_repo'),
          suggestions: [],
        },
      ],
    },
    {
      code: template,
      errors: [
        {
          messageId: 'broadScope',
          ...span(template, 'admin:org'),
          suggestions: [{ messageId: 'useNarrower', output: template.replace('admin:org', 'read:org') }],
        },
      ],
    },
    {
      // a run-time part does not hide the static scopes next to it
      code: templateHole,
      errors: [{ messageId: 'broadScopeNoAlternative', ...span(templateHole, 'workflow'), suggestions: [] }],
    },
    {
      code: concatenation,
      errors: [{ messageId: 'broadScopeNoAlternative', ...span(concatenation, 'delete_repo'), suggestions: [] }],
    },
    {
      code: slack,
      errors: [
        {
          messageId: 'broadScope',
          data: {
            scope: 'chat:write.public',
            provider: 'Slack',
            risk: 'write-all',
            reason: 'posts to every public channel without joining',
            alternatives: '`chat:write`',
          },
          ...span(slack, 'chat:write.public'),
          // `chat:write` is already requested: no suggestion that would duplicate it
          suggestions: [],
        },
        {
          // `channels:history` is itself broad as a user scope: the advice is to read channels as the bot
          messageId: 'broadScopeNoAlternative',
          data: {
            scope: 'search:read',
            provider: 'Slack (`user_scope`)',
            risk: 'read-all',
            reason: 'searches every message and file the user can see; read channels with `channels:history` as a bot scope instead',
          },
          ...span(slack, 'search:read'),
          suggestions: [],
        },
      ],
    },
    {
      code: microsoft,
      errors: [
        {
          messageId: 'broadScope',
          ...span(microsoft, 'Files.ReadWrite.All'),
          suggestions: [{ messageId: 'useNarrower', output: microsoft.replace('Files.ReadWrite.All', 'Files.ReadWrite') }],
        },
      ],
    },
    {
      code: salesforce,
      errors: [
        {
          messageId: 'broadScope',
          data: {
            scope: 'full',
            provider: 'Salesforce',
            risk: 'write-all',
            reason: 'everything the user can access, including every other scope',
            alternatives: '`api` or `api refresh_token`',
          },
          ...span(salesforce, 'full'),
          suggestions: [{ messageId: 'useNarrower', output: salesforce.replace('"full refresh_token"', '"api refresh_token"') }],
        },
      ],
    },
    {
      // the endpoints come from a spread const object
      code: gitlabSpread,
      errors: [
        {
          messageId: 'broadScope',
          ...span(gitlabSpread, 'api read_user'),
          endColumn: span(gitlabSpread, 'api read_user').column + 3,
          suggestions: [{ messageId: 'useNarrower', output: gitlabSpread.replace('"api read_user"', '"read_api read_user"') }],
        },
      ],
    },
    {
      // unknown provider: generic signals only (`profile` is identity)
      code: unknownProvider,
      errors: [
        {
          messageId: 'genericScope',
          data: { scope: 'read:all', provider: 'an unrecognised provider', reason: 'reads every resource of its kind (`all`)' },
          ...span(unknownProvider, 'read:all'),
          suggestions: [],
        },
        {
          messageId: 'genericScope',
          data: { scope: 'admin', provider: 'an unrecognised provider', reason: 'administrative scope' },
          ...span(unknownProvider, 'admin *'),
          endColumn: span(unknownProvider, 'admin *').column + 5,
          suggestions: [],
        },
        {
          messageId: 'genericScope',
          data: { scope: '*', provider: 'an unrecognised provider', reason: 'wildcard scope: grants every permission it matches' },
          ...span(unknownProvider, '*"'),
          endColumn: span(unknownProvider, '*"').column + 1,
          suggestions: [],
        },
      ],
    },
    {
      // provider from the configuration's name alone
      code: byName,
      errors: [{ messageId: 'broadScope', data: { scope: 'drive.readonly', provider: 'Google', risk: 'read-all', reason: 'reads every Drive file (restricted)', alternatives: '`drive.file` or `drive.appdata`' }, ...span(byName, 'drive.readonly'), suggestions: [] }],
    },
    {
      // provider from the managed `provider`
      code: byManaged,
      errors: [{ messageId: 'broadScope', ...span(byManaged, 'calendar', 1), suggestions: [] }],
    },
    {
      code: namespaceImport,
      errors: [{ messageId: 'broadScopeNoAlternative', ...span(namespaceImport, 'site_admin'), suggestions: [] }],
    },
    {
      code: enumScopes,
      errors: [
        { messageId: 'broadScope', ...span(enumScopes, '"repo"'), column: span(enumScopes, '"repo"').column + 1, endColumn: span(enumScopes, '"repo"').endColumn - 1, suggestions: [] },
        { messageId: 'broadScope', ...span(enumScopes, 'admin:org'), suggestions: [{ messageId: 'useNarrower', output: enumScopes.replace('admin:org', 'read:org') }] },
      ],
    },
    {
      // the same literal read twice (two joins of one list) is reported once, where it is written
      code: spreadChain,
      errors: [{ messageId: 'broadScope', ...span(spreadChain, '"repo"'), column: span(spreadChain, '"repo"').column + 1, endColumn: span(spreadChain, '"repo"').endColumn - 1, suggestions: [] }],
    },
    {
      code: importEquals,
      filename: 'worker.cts',
      errors: [{ messageId: 'broadScope', ...span(importEquals, 'admin:org'), suggestions: [{ messageId: 'useNarrower', output: importEquals.replace('admin:org', 'read:org') }] }],
    },
    {
      code: chained,
      errors: [{ messageId: 'broadScope', ...span(chained, 'admin:org'), suggestions: [{ messageId: 'useNarrower', output: chained.replace('admin:org', 'read:org') }] }],
    },
    {
      code: duplicateSuggestion,
      errors: [{ messageId: 'broadScope', ...span(duplicateSuggestion, 'drive drive'), endColumn: span(duplicateSuggestion, 'drive drive').column + 5, suggestions: [] }],
    },
    {
      code: worksWithSatisfies,
      errors: [{ messageId: 'broadScope', ...span(worksWithSatisfies, 'repo"'), endColumn: span(worksWithSatisfies, 'repo"').column + 4, suggestions: [] }],
    },
    // options
    {
      code: forbidden,
      options: [{ forbid: ['write:*'] }],
      errors: [
        {
          messageId: 'forbiddenScope',
          data: { scope: 'write:invoices', provider: 'an unrecognised provider', instead: '' },
          ...span(forbidden, 'write:invoices'),
          suggestions: [],
        },
      ],
    },
    {
      code: tooMany,
      options: [{ maxScopes: 2 }],
      errors: [{ messageId: 'tooManyScopes', data: { count: '3', max: '2' }, ...span(tooMany, '"read:user user:email read:org"') }],
    },
    {
      // `forbid` wins over `allow`
      code: githubString,
      options: [{ allow: { github: ['repo', 'admin:org'] }, forbid: ['admin:org'] }],
      errors: [
        {
          messageId: 'forbiddenScope',
          data: { scope: 'admin:org', provider: 'GitHub', instead: ' and request `read:org` or `write:org` instead' },
          ...span(githubString, 'admin:org'),
          suggestions: [{ messageId: 'useNarrower', output: githubString.replace('admin:org', 'read:org') }],
        },
      ],
    },
    // libraries
    {
      code: passportStrategy,
      errors: [{ messageId: 'broadScope', data: { scope: `${G}gmail.modify`, provider: 'Google', risk: 'write-all', reason: 'reads, sends and changes every message (restricted)', alternatives: `\`${G}gmail.readonly\`, \`${G}gmail.send\` or \`${G}gmail.labels\`` }, ...span(passportStrategy, `${G}gmail.modify`), suggestions: [] }],
    },
    {
      code: passportAuthenticate,
      errors: [{ messageId: 'broadScope', ...span(passportAuthenticate, 'user"'), endColumn: span(passportAuthenticate, 'user"').column + 4, suggestions: [{ messageId: 'useNarrower', output: passportAuthenticate.replace('"user"', '"read:user"') }] }],
    },
    {
      code: googleapis,
      errors: [{ messageId: 'broadScope', ...span(googleapis, `${G}calendar`), suggestions: [] }],
    },
    {
      code: simpleOAuth2,
      errors: [{ messageId: 'broadScopeNoAlternative', data: { scope: 'sudo', provider: 'GitLab', risk: 'admin', reason: 'acts as any user when an admin authorises' }, ...span(simpleOAuth2, 'sudo'), suggestions: [] }],
    },
    {
      code: octokit,
      errors: [{ messageId: 'broadScope', ...span(octokit, 'repo'), suggestions: [] }],
    },
    {
      code: arctic,
      errors: [{ messageId: 'broadScopeNoAlternative', ...span(arctic, 'delete_repo'), suggestions: [] }],
    },
    {
      code: plainObject,
      errors: [{ messageId: 'broadScopeNoAlternative', data: { scope: 'files.permanent_delete', provider: 'Dropbox', risk: 'delete', reason: 'permanently deletes files' }, ...span(plainObject, 'files.permanent_delete'), suggestions: [] }],
    },
  ],
});

// --- espree, `.js` ---------------------------------------------------------------------------------------------
const cjs = `const { Worker } = require("@notionhq/workers");
const worker = new Worker();
module.exports = worker;
worker.oauth("gitlab", { name: "gitlab", scope: "api" });`;
const cjsMember = `const workers = require("@notionhq/workers");
const worker = new workers.Worker();
worker.oauth("ms", { authorizationEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize", tokenEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/token", scope: ["Directory.ReadWrite.All"] });`;
const esm = `import { Worker } from "@notionhq/workers";
const worker = new Worker();
export default worker;
const scopes = ["${G}drive", "openid"];
worker.oauth("google", { name: "google", scope: scopes.join(" ") });`;
const passportRequire = `const GitHubStrategy = require("passport-github2").Strategy;
passport.use(new GitHubStrategy({ clientID: process.env.ID, clientSecret: process.env.SECRET, scope: ["admin:repo_hook"] }, verify));`;

const js = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } });

js.run('no-broad-oauth-scopes (espree, .js)', rule, {
  valid: [
    { code: 'const { Worker } = require("@notionhq/workers");\nnew Worker().oauth("google", { name: "google", provider: "google" });', filename: 'worker.js' },
    { code: 'const { Worker } = require("./my-worker");\nnew Worker().oauth("github", { name: "github", scope: "repo" });', filename: 'worker.js' },
    { code: 'const w = require("@notionhq/workers");\nnew w.Worker().oauth("github", { ...require("./c.js"), scope: "repo" });', filename: 'worker.js' },
  ],
  invalid: [
    {
      code: cjs,
      filename: 'worker.js',
      errors: [{ messageId: 'broadScope', ...span(cjs, 'api'), suggestions: [{ messageId: 'useNarrower', output: cjs.replace('"api"', '"read_api"') }] }],
    },
    {
      code: cjsMember,
      filename: 'worker.js',
      errors: [{ messageId: 'broadScope', ...span(cjsMember, 'Directory.ReadWrite.All'), suggestions: [] }],
    },
    {
      code: esm,
      filename: 'worker.js',
      errors: [{ messageId: 'broadScope', ...span(esm, `${G}drive`), suggestions: [{ messageId: 'useNarrower', output: esm.replace(`"${G}drive"`, `"${G}drive.file"`) }] }],
    },
    {
      code: passportRequire,
      filename: 'auth.js',
      errors: [{ messageId: 'broadScope', ...span(passportRequire, 'admin:repo_hook'), suggestions: [{ messageId: 'useNarrower', output: passportRequire.replace('admin:repo_hook', 'write:repo_hook') }] }],
    },
  ],
});

describe('env fallbacks under split, and conditional branches as alternatives', () => {
  it('reads the fallback of process.env.X?.split(",") ?? [...] and of (process.env.X ?? "…").split(" "); a branch does not withhold the other branch\'s suggestion', async () => {
    const { Linter } = await import('eslint');
    const plugin = (await import('../../src/index.js')).default;
    const linter = new Linter({ configType: 'flat' });
    const config = [{ plugins: { 'worker-auth': plugin as never }, rules: { 'worker-auth/no-broad-oauth-scopes': 'error' as const } }];
    const head = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';
    const oauth = (scope: string): string =>
      `${head}worker.oauth("github", { name: "github", authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token", scope: ${scope}, clientId: process.env.GITHUB_CLIENT_ID ?? "", clientSecret: process.env.GITHUB_CLIENT_SECRET ?? "" });\n`;
    const reported = (scope: string) => linter.verify(oauth(scope), config, 'src/index.js').map((m) => ({ line: m.line, text: oauth(scope).split('\n')[m.line - 1]!.slice(m.column - 1, m.endColumn! - 1), suggestion: m.suggestions?.[0]?.fix.text }));
    expect(reported('(process.env.GITHUB_SCOPES?.split(",") ?? ["read:user", "admin:org"]).join(" ")').map((r) => r.text)).toEqual(['admin:org']);
    expect(reported('(process.env.GITHUB_SCOPES ?? "read:user delete_repo").split(" ")').map((r) => r.text)).toEqual(['delete_repo']);
    const branches = reported('process.env.ORG_ADMIN ? "admin:org read:user" : "read:org read:user"');
    expect(branches).toEqual([{ line: 4, text: 'admin:org', suggestion: 'read:org' }]);
    // in one string, a scope requested already is no suggestion (the list would hold it twice)
    expect(reported('"admin:org read:org"')).toEqual([{ line: 4, text: 'admin:org', suggestion: undefined }]);
  });
});
