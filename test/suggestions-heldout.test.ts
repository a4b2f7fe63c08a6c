/**
 * Held-out check of every editor suggestion (quick fix) the plugin offers, on realistic worker snippets in varied
 * syntactic positions. For each suggestion of `no-hardcoded-secrets`, `oauth-credentials-from-env`,
 * `no-broad-oauth-scopes`, `oauth-endpoints-https` and `prefer-credential-injection`, applied to the text as an
 * editor does (the fix ranges replaced), the result must:
 *
 *   1. still parse (ESLint's parser for the file: typescript-eslint for .ts/.tsx/.mts, espree for .js/.jsx),
 *   2. still type-check: TypeScript in-process (`ts.createProgram`, `strict`, `noEmit`, an in-memory host, the
 *      `@types/node` of this repository and a small ambient declaration of `@notionhq/workers` and the SDKs used),
 *      with no diagnostic the original file did not have (every original snippet type-checks cleanly),
 *   3. no longer hold the secret it is about (no 8-character run of it that the file had nowhere else),
 *   4. do what the rule's docs promise (`process.env.NAME ?? ""` with the documented env name, an emptied fallback,
 *      the narrower scope in place, `https:`, `worker.credential(…)` with `CREDENTIAL_VALUE` imported).
 *
 * Every token is built at run time by test/support/fake-tokens.ts: this file holds no token-shaped literal.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { fakeGenericSecret, fakeToken } from './support/fake-tokens.js';

// ---------------------------------------------------------------------------------------------------------------
// Planted values (run time only)
// ---------------------------------------------------------------------------------------------------------------

let seed = 9100;
const tok = (format: string): string => fakeToken(format, seed++);
const gen = (): string => fakeGenericSecret(seed++);

// ---------------------------------------------------------------------------------------------------------------
// A worker project on disk: `prefer-credential-injection` reads the @notionhq/workers range of its package.json
// ---------------------------------------------------------------------------------------------------------------

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = mkdtempSync(join(tmpdir(), 'wa-suggest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const PROJECT = join(root, 'worker');
mkdirSync(join(PROJECT, '.git'), { recursive: true });
mkdirSync(join(PROJECT, 'src'), { recursive: true });
writeFileSync(join(PROJECT, 'package.json'), JSON.stringify({ name: 'w', type: 'module', dependencies: { '@notionhq/workers': '^0.9.2' } }));

type RuleKey = 'secrets' | 'oauthEnv' | 'scopes' | 'https' | 'inject';
const RULE_IDS: Record<RuleKey, string> = {
  secrets: 'worker-auth/no-hardcoded-secrets',
  oauthEnv: 'worker-auth/oauth-credentials-from-env',
  scopes: 'worker-auth/no-broad-oauth-scopes',
  https: 'worker-auth/oauth-endpoints-https',
  inject: 'worker-auth/prefer-credential-injection',
};

const linter = new Linter({ configType: 'flat', cwd: PROJECT });
const CONFIG: Linter.Config[] = [
  { files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
  { files: ['**/*.tsx'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  {
    files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
    plugins: { 'worker-auth': plugin },
    rules: Object.fromEntries(Object.values(RULE_IDS).map((id) => [id, 'error'])),
  },
];
const PARSE_ONLY = CONFIG.slice(0, 3);

// ---------------------------------------------------------------------------------------------------------------
// TypeScript: one program over every original and every suggested text
// ---------------------------------------------------------------------------------------------------------------

/** Roughly the @notionhq/workers API the docs show, and the few SDKs the snippets use. */
const AMBIENT = `
declare module "@notionhq/workers" {
  export const CREDENTIAL_VALUE: string;
  export interface OAuthConfiguration {
    name: string;
    provider?: string;
    authorizationEndpoint?: string;
    tokenEndpoint?: string;
    scope?: string;
    clientId?: string;
    clientSecret?: string;
    callbackUrl?: string;
    authorizationParams?: Record<string, string>;
  }
  export interface OAuthHandle { accessToken(): Promise<string>; }
  export interface CredentialConfiguration {
    network: { domain: string; transform: { headers: Record<string, string> }[] }[];
  }
  export interface ToolConfiguration<I, O> {
    title?: string;
    description?: string;
    schema?: unknown;
    execute: (input: I) => O | Promise<O>;
  }
  export class Worker {
    oauth(key: string, config: OAuthConfiguration): OAuthHandle;
    credential(key: string, config: CredentialConfiguration): void;
    tool<I, O>(key: string, config: ToolConfiguration<I, O>): void;
    capability<I, O>(key: string, config: ToolConfiguration<I, O>): void;
  }
}
declare module "@octokit/rest" {
  export class Octokit { constructor(options?: { auth?: string; userAgent?: string }); }
}
declare module "stripe" {
  export default class Stripe { constructor(key: string, options?: { apiVersion?: string }); }
}
declare module "openai" {
  export default class OpenAI { constructor(options?: { apiKey?: string; baseURL?: string }); }
}
declare module "@slack/web-api" {
  export class WebClient { constructor(token?: string); }
}
declare module "axios" {
  export interface AxiosRequestConfig { baseURL?: string; headers?: Record<string, string>; params?: Record<string, string> }
  export interface AxiosInstance {
    get(url: string, config?: AxiosRequestConfig): Promise<{ data: unknown }>;
    post(url: string, data?: unknown, config?: AxiosRequestConfig): Promise<{ data: unknown }>;
  }
  const axios: AxiosInstance & { create(config?: AxiosRequestConfig): AxiosInstance };
  export default axios;
}
declare module "passport" {
  const passport: {
    use(strategy: unknown): void;
    authenticate(name: string, options?: { scope?: string | string[] }): (req: unknown, res: unknown) => void;
  };
  export default passport;
}
declare module "passport-github2" {
  export class Strategy {
    constructor(
      options: { clientID: string; clientSecret: string; callbackURL: string; scope?: string[] },
      verify: (accessToken: string, refreshToken: string, profile: unknown, done: (err: unknown, user?: unknown) => void) => void,
    );
  }
}
declare module "googleapis" {
  export const google: {
    auth: {
      OAuth2: new (clientId: string, clientSecret: string, redirectUri?: string) => {
        generateAuthUrl(options: { access_type?: string; scope: string | string[] }): string;
        setCredentials(credentials: { refresh_token?: string; access_token?: string }): void;
      };
    };
  };
}
declare module "simple-oauth2" {
  export class AuthorizationCode {
    constructor(options: { client: { id: string; secret: string }; auth: { tokenHost: string; authorizePath?: string; tokenPath?: string } });
    authorizeURL(params: { redirect_uri: string; scope: string | string[] }): string;
  }
}
declare namespace JSX {
  type Element = { readonly __jsx: true };
  interface IntrinsicElements { [name: string]: Record<string, unknown>; }
  interface ElementChildrenAttribute { children: {}; }
}
`;

const VIRTUAL = '/virtual-suggestions';
const TS_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  typeRoots: [join(REPO, 'node_modules', '@types')],
  jsx: ts.JsxEmit.Preserve,
  allowJs: true,
  checkJs: false,
  skipLibCheck: true,
  noLib: false,
};

/** Diagnostics (`TS1234 message`) of each in-memory file, one program for them all. */
function typeCheck(files: ReadonlyMap<string, string>): Map<string, string[]> {
  const host = ts.createCompilerHost(TS_OPTIONS, true);
  const all = new Map(files);
  all.set(`${VIRTUAL}/ambient.d.ts`, AMBIENT);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) => {
    const text = all.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, languageVersion, true) : getSourceFile(name, languageVersion, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => all.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => all.get(name) ?? readFile(name);
  const program = ts.createProgram([...all.keys()], TS_OPTIONS, host);
  const out = new Map<string, string[]>();
  for (const name of files.keys()) {
    const sf = program.getSourceFile(name)!;
    const diagnostics = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    out.set(
      name,
      diagnostics.map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 160)}`),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------------------------

/** What one suggestion of the case's rule must do, in report order (line, then column). */
interface Want {
  /** The secret (its value) that must be gone afterwards. */
  readonly secret?: string;
  /** How the secret is written in the source, when it differs from its value (escapes). */
  readonly raw?: string;
  /** Substrings the suggested text must contain. */
  readonly has?: readonly string[];
  /** Substrings it must not contain. */
  readonly not?: readonly string[];
  /** The env name the suggestion reads (no-hardcoded-secrets: named in its description too). */
  readonly env?: string;
}

interface Case {
  readonly name: string;
  /** Path under src/ (its extension picks the parser). */
  readonly file: string;
  readonly code: string;
  readonly rule: RuleKey;
  /** One entry per suggestion of `rule` expected, in report order. Empty: the rule must report but offer none. */
  readonly want: readonly Want[];
  /** The env names the suggestions of `rule` read are pairwise distinct (distinct secrets). */
  readonly distinctEnvs?: boolean;
  /** A gap this set found, since fixed: the docs' promise and what the rule did before. */
  readonly gap?: string;
}

const HEAD = 'import { Worker } from "@notionhq/workers";\n\nconst worker = new Worker();\nexport default worker;\n';
const read = (name: string): string => `process.env.${name} ?? ""`;

// --- no-hardcoded-secrets -------------------------------------------------------------------------------------

const SECRETS: Case[] = [];
function secretCase(c: Omit<Case, 'rule'>): void {
  SECRETS.push({ ...c, rule: 'secrets' });
}

{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'exported const read by an SDK client',
    file: 'octokit.ts',
    code: `import { Octokit } from "@octokit/rest";\n\nexport const GITHUB_PAT = "${GH}";\nexport const octokit = new Octokit({ auth: GITHUB_PAT, userAgent: "notion-worker" });\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: [`export const GITHUB_PAT = ${read('GITHUB_TOKEN')};`] }],
  });
}
{
  const SK = tok('stripe-secret-key');
  secretCase({
    name: 'first argument of new Stripe(…)',
    file: 'stripe.ts',
    code: `import Stripe from "stripe";\n\nexport const stripe = new Stripe("${SK}", { apiVersion: "2024-06-20" });\n`,
    want: [{ secret: SK, env: 'STRIPE_SECRET_KEY', has: [`new Stripe(${read('STRIPE_SECRET_KEY')}, { apiVersion`] }],
  });
}
{
  const SLACK = tok('slack-bot-token');
  secretCase({
    name: 'quoted header key, "Bearer …" value',
    file: 'slack-headers.ts',
    code: `const headers = {\n  "Authorization": "Bearer ${SLACK}",\n  "Content-Type": "application/json; charset=utf-8",\n};\n\nexport async function post(text: string) {\n  return fetch("https://slack.com/api/chat.postMessage", { method: "POST", headers, body: JSON.stringify({ channel: "C01", text }) });\n}\n`,
    want: [{ secret: SLACK, env: 'SLACK_BOT_TOKEN', has: ['"Authorization": `Bearer ${' + read('SLACK_BOT_TOKEN') + '}`,'] }],
  });
}
{
  const RE = tok('resend-api-key');
  secretCase({
    name: 'value of a computed header key',
    file: 'resend.ts',
    code: `const AUTH_HEADER = "Authorization";\n\nexport const resendHeaders: Record<string, string> = { [AUTH_HEADER]: "${RE}", Accept: "application/json" };\n`,
    want: [{ secret: RE, env: 'RESEND_API_KEY', has: [`[AUTH_HEADER]: ${read('RESEND_API_KEY')},`] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'the token as a computed object key',
    file: 'allow-list.ts',
    code: `export const trustedTokens: Record<string, boolean> = {\n  ["${GH}"]: true,\n};\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: [`[${read('GITHUB_TOKEN')}]: true`] }],
  });
}
{
  const OA = tok('openai-project-key');
  secretCase({
    name: 'const next to a shorthand property',
    file: 'openai.ts',
    code: `import OpenAI from "openai";\n\nconst apiKey = "${OA}";\nexport const openai = new OpenAI({ apiKey, baseURL: "https://api.openai.com/v1" });\n`,
    want: [{ secret: OA, env: 'OPENAI_API_KEY', has: [`const apiKey = ${read('OPENAI_API_KEY')};`, 'new OpenAI({ apiKey, baseURL'] }],
  });
}
{
  const AN = tok('anthropic-api-key');
  secretCase({
    name: 'static class field',
    file: 'anthropic.ts',
    code: `export class Claude {\n  static apiKey = "${AN}";\n  static model = "claude-sonnet-4-5";\n\n  static headers() {\n    return { "x-api-key": Claude.apiKey, "anthropic-version": "2023-06-01" };\n  }\n}\n`,
    want: [{ secret: AN, env: 'ANTHROPIC_API_KEY', has: [`static apiKey = ${read('ANTHROPIC_API_KEY')};`] }],
  });
}
{
  const SK = tok('stripe-restricted-key');
  secretCase({
    name: 'private #field',
    file: 'refunds.ts',
    code: `export class Refunds {\n  #secret = "${SK}";\n\n  authorization(): string {\n    return \`Bearer \${this.#secret}\`;\n  }\n}\n`,
    want: [{ secret: SK, env: 'STRIPE_RESTRICTED_KEY', has: [`#secret = ${read('STRIPE_RESTRICTED_KEY')};`] }],
  });
}
{
  const NO = tok('notion-token');
  secretCase({
    name: 'private readonly typed field',
    file: 'notion-api.ts',
    code: `export class NotionApi {\n  private readonly token: string = "${NO}";\n  private readonly version = "2022-06-28";\n\n  get headers() {\n    return { Authorization: \`Bearer \${this.token}\`, "Notion-Version": this.version };\n  }\n}\n`,
    want: [{ secret: NO, env: 'NOTION_TOKEN', has: [`private readonly token: string = ${read('NOTION_TOKEN')};`] }],
  });
}
{
  const SG = tok('sendgrid-api-key');
  secretCase({
    name: 'static accessor field',
    file: 'mail-config.ts',
    code: `export class MailConfig {\n  static accessor apiKey = "${SG}";\n}\n\nexport const sendgridKey = (): string => MailConfig.apiKey;\n`,
    want: [{ secret: SG, env: 'SENDGRID_API_KEY', has: [read('SENDGRID_API_KEY')] }],
  });
}
{
  const NO = tok('notion-token');
  secretCase({
    name: 'typed default parameter of an async arrow',
    file: 'notion-fetch.ts',
    code: `export const notion = async (path: string, token: string = "${NO}") =>\n  fetch(\`https://api.notion.com/v1/\${path}\`, { headers: { Authorization: \`Bearer \${token}\`, "Notion-Version": "2022-06-28" } });\n`,
    want: [{ secret: NO, env: 'NOTION_TOKEN', has: [`token: string = ${read('NOTION_TOKEN')})`] }],
  });
}
{
  const OA = tok('openai-project-key');
  secretCase({
    name: 'destructuring default of an options parameter',
    file: 'connect.ts',
    code: `import OpenAI from "openai";\n\nexport function connect({ apiKey = "${OA}", baseURL = "https://api.openai.com/v1" }: { apiKey?: string; baseURL?: string } = {}) {\n  return new OpenAI({ apiKey, baseURL });\n}\n`,
    want: [{ secret: OA, env: 'OPENAI_API_KEY', has: [`apiKey = ${read('OPENAI_API_KEY')},`] }],
  });
}
{
  const SLACK = tok('slack-bot-token');
  secretCase({
    name: 'destructuring default of process.env',
    file: 'slack-env.ts',
    code: `import { WebClient } from "@slack/web-api";\n\nconst { SLACK_BOT_TOKEN = "${SLACK}" } = process.env;\nexport const slack = new WebClient(SLACK_BOT_TOKEN);\n`,
    // GAP: expected `= ""` (the other rules treat this default as the env fallback); actual a redundant self-read
    want: [{ secret: SLACK, env: 'SLACK_BOT_TOKEN', has: ['const { SLACK_BOT_TOKEN = "" } = process.env;'] }],
    gap: 'expected the env default emptied (`= ""`), got a redundant `SLACK_BOT_TOKEN = process.env.SLACK_BOT_TOKEN ?? ""`',
  });
}
{
  const A = tok('github-classic-pat');
  const B = tok('github-classic-pat');
  secretCase({
    name: 'two tokens in an array: each suggestion moves its own',
    file: 'rotation.ts',
    code: `export const TOKEN_ROTATION: string[] = [\n  "${A}",\n  "${B}",\n];\n`,
    want: [
      { secret: A, env: 'GITHUB_TOKEN', has: [`  ${read('GITHUB_TOKEN')},\n  "${B}",`] },
      // a second value of one format gets a name of its own (the codemod's choice): both suggestions applied keep both
      { secret: B, env: 'GITHUB_TOKEN_2', has: [`  "${A}",\n  ${read('GITHUB_TOKEN_2')},`] },
    ],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'template nested in a template',
    file: 'nested.ts',
    code: `export const authLine = (user: string) => \`\${user} \${\`token ${GH}\`}\`;\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: ['`${user} ${`token ${' + read('GITHUB_TOKEN') + '}`}`'] }],
  });
}
{
  const LIN = tok('linear-api-key');
  secretCase({
    name: 'concatenation with the secret in the middle',
    file: 'concat.ts',
    code: `export const authorization = "Bearer " + "${LIN}" + "\\n";\n`,
    want: [{ secret: LIN, env: 'LINEAR_API_KEY', has: [`"Bearer " + (${read('LINEAR_API_KEY')}) + "\\n"`] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'secret in the middle of a query string',
    file: 'query.ts',
    code: `export const query = "access_token=${GH}&per_page=100";\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: ['`access_token=${' + read('GITHUB_TOKEN') + '}&per_page=100`'] }],
  });
}
{
  const SK = tok('stripe-secret-key');
  secretCase({
    name: '`as string` wrapper',
    file: 'as-string.ts',
    code: `export const stripeKey = "${SK}" as string;\n`,
    want: [{ secret: SK, env: 'STRIPE_SECRET_KEY', has: [`(${read('STRIPE_SECRET_KEY')}) as string`] }],
  });
}
{
  const FIG = tok('figma-pat');
  secretCase({
    name: 'literal with `satisfies string`',
    file: 'figma.ts',
    code: `export const figmaToken = "${FIG}" satisfies string;\n`,
    want: [{ secret: FIG, env: 'FIGMA_ACCESS_TOKEN', has: [`(${read('FIGMA_ACCESS_TOKEN')}) satisfies string`] }],
  });
}
{
  const AT = tok('airtable-pat');
  secretCase({
    name: 'non-null assertion on the literal',
    file: 'airtable.ts',
    code: `export const airtable = { apiKey: "${AT}"!, baseId: "appW3r8Xq1Z2" };\n`,
    want: [{ secret: AT, env: 'AIRTABLE_ACCESS_TOKEN', has: [`apiKey: (${read('AIRTABLE_ACCESS_TOKEN')})!,`] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'literal holding more than the token, `as const`',
    file: 'auth-const.ts',
    code: `export const AUTHORIZATION = "Bearer ${GH}" as const;\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: ['`Bearer ${' + read('GITHUB_TOKEN') + '}` as const'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'fallback after optional chaining on a non-env value',
    file: 'optional.ts',
    code: `export const tokenFor = (cfg?: { github?: { token?: string } }): string => cfg?.github?.token ?? "${GH}";\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: [`cfg?.github?.token ?? (${read('GITHUB_TOKEN')})`] }],
  });
}
{
  const G = tok('google-api-key');
  secretCase({
    name: 'TSX: string attribute',
    file: 'MapCard.tsx',
    code: `function StaticMap(props: { apiKey: string; center: string }): JSX.Element {\n  return <img src={\`https://maps.googleapis.com/maps/api/staticmap?center=\${props.center}&key=\${props.apiKey}\`} alt="" />;\n}\n\nexport const MapCard = () => <StaticMap apiKey="${G}" center="Paris" />;\n`,
    want: [{ secret: G, env: 'GOOGLE_API_KEY', has: [`apiKey={${read('GOOGLE_API_KEY')}} center="Paris"`] }],
  });
}
{
  const G = tok('google-api-key');
  secretCase({
    name: 'TSX: key inside a URL attribute',
    file: 'MapImage.tsx',
    code: `export const MapImage = () => (\n  <img src="https://maps.googleapis.com/maps/api/staticmap?center=Paris&zoom=12&key=${G}" alt="Paris" />\n);\n`,
    want: [{ secret: G, env: 'GOOGLE_API_KEY', has: ['src={`https://maps.googleapis.com/maps/api/staticmap?center=Paris&zoom=12&key=${' + read('GOOGLE_API_KEY') + '}`}'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'TSX: &amp; entity before the token in an attribute',
    file: 'RepoLink.tsx',
    code: `export const RepoLink = () => <a href="https://api.github.com/user/repos?per_page=5&amp;access_token=${GH}">repos</a>;\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: ['href={`https://api.github.com/user/repos?per_page=5&access_token=${' + read('GITHUB_TOKEN') + '}`}'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'TSX: JSX text child',
    file: 'AdminHint.tsx',
    code: `export const AdminHint = () => (\n  <p className="hint">\n    Admin token: ${GH}\n  </p>\n);\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: [`Admin token: {${read('GITHUB_TOKEN')}}\n  </p>`] }],
  });
}
{
  const OA = tok('openai-project-key');
  secretCase({
    name: 'arrow body returning the literal',
    file: 'getkey.ts',
    code: `export const getOpenAiKey = (): string => "${OA}";\n`,
    want: [{ secret: OA, env: 'OPENAI_API_KEY', has: [read('OPENAI_API_KEY')] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'export default "…"',
    file: 'token.ts',
    code: `// the CI token\nexport default "${GH}";\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: [read('GITHUB_TOKEN')] }],
  });
}
{
  const GH = tok('github-classic-pat');
  // docs: no suggestion only in the listed positions (types, keys, imports, enums, `as const`, ambient, tags,
  // comments); a `case` test takes any expression, so a suggestion is expected and must compile
  secretCase({
    name: 'switch case test',
    file: 'roles.ts',
    code: `export function roleOf(token: string): "admin" | "guest" {\n  switch (token) {\n    case "${GH}":\n      return "admin";\n    default:\n      return "guest";\n  }\n}\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: [read('GITHUB_TOKEN')] }],
  });
}
{
  const WH = tok('stripe-webhook-secret');
  secretCase({
    name: 'function call argument (HMAC key)',
    file: 'webhook.ts',
    code: `import { createHmac } from "node:crypto";\n\nexport function sign(payload: string): string {\n  return createHmac("sha256", "${WH}").update(payload).digest("hex");\n}\n`,
    want: [{ secret: WH, env: 'STRIPE_WEBHOOK_SECRET', has: [`createHmac("sha256", ${read('STRIPE_WEBHOOK_SECRET')})`] }],
  });
}
{
  const SK = tok('stripe-secret-key');
  secretCase({
    name: 'ternary branch',
    file: 'ternary.ts',
    code: `export const stripeKey = process.env.NODE_ENV === "production" ? "${SK}" : "";\n`,
    want: [{ secret: SK, env: 'STRIPE_SECRET_KEY', has: [`? (${read('STRIPE_SECRET_KEY')}) : ""`] }],
  });
}
{
  const SK = tok('stripe-secret-key');
  secretCase({
    name: '`??` fallback of process.env.X',
    file: 'fallback.ts',
    code: `import Stripe from "stripe";\n\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "${SK}");\n`,
    want: [{ secret: SK, env: 'STRIPE_SECRET_KEY', has: ['new Stripe(process.env.STRIPE_SECRET_KEY ?? "")'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: '`||` fallback of an env name of its own',
    file: 'or-fallback.ts',
    code: `export const token: string = process.env.GH_PAT || '${GH}';\n`,
    want: [{ secret: GH, env: 'GH_PAT', has: ["process.env.GH_PAT || ''"] }],
  });
}
{
  const SLACK = tok('slack-bot-token');
  secretCase({
    name: 'fallback of a bracket env read',
    file: 'bracket.ts',
    code: `export const slackToken = process.env["SLACK_BOT_TOKEN"] ?? "${SLACK}";\n`,
    want: [{ secret: SLACK, env: 'SLACK_BOT_TOKEN', has: ['process.env["SLACK_BOT_TOKEN"] ?? ""'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  // GAP: expected `?? ""` (docs: "or empties a hardcoded fallback"); actual `?? `${process.env.GITHUB_TOKEN ?? ""}``
  secretCase({
    name: 'template literal as the `??` fallback',
    file: 'template-fallback.ts',
    code: `export const ghToken = process.env.GITHUB_TOKEN ?? \`${GH}\`;\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: ['process.env.GITHUB_TOKEN ?? `'], not: ['?? `${process.env.GITHUB_TOKEN'] }],
    gap: 'expected the fallback emptied (`?? ""`), got a redundant `?? `${process.env.GITHUB_TOKEN ?? ""}`` (message: "is hardcoded", not "hardcoded fallback")',
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'fallback holding more than the token',
    file: 'header-fallback.ts',
    code: `export const authHeader = process.env.GITHUB_AUTH_HEADER ?? "Bearer ${GH}";\n`,
    // not the whole fallback: rebuilt as a template reading the token's own env name (the docs only say "empties a
    // hardcoded fallback"; either is safe)
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: ['process.env.GITHUB_AUTH_HEADER ?? `Bearer ${' + read('GITHUB_TOKEN') + '}`'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'logical assignment `??=`',
    file: 'nullish-assign.ts',
    code: `export function withDefaults(config: { token?: string; org: string }) {\n  config.token ??= "${GH}";\n  return config;\n}\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: [`config.token ??= ${read('GITHUB_TOKEN')};`] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'shell command string with `${…}` and backticks before the token',
    file: 'setup-script.ts',
    code: `export const setup = "export PATH=\${HOME}/bin; echo \`date\`; gh auth login --with-token ${GH}";\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: ['`export PATH=\\${HOME}/bin; echo \\`date\\`; gh auth login --with-token ${' + read('GITHUB_TOKEN') + '}`'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'ASI: a statement starting with the literal after a line without `;`',
    file: 'asi-paren.ts',
    code: `export function warm(log: (n: number) => void) {\n  const prefix = "gh"\n  "${GH}".split("_").forEach((part) => log(part.length + prefix.length))\n}\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: [`;(${read('GITHUB_TOKEN')}).split("_")`] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'ASI: a statement becoming a template literal after a line without `;`',
    file: 'asi-template.ts',
    code: `export function parts(log: (s: string) => void) {\n  const who = "ops"\n  "Bearer ${GH}".split(" ").forEach((part) => log(who + part))\n}\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: [';`Bearer ${' + read('GITHUB_TOKEN') + '}`.split(" ")'] }],
  });
}
{
  const SK = tok('stripe-secret-key');
  secretCase({
    name: 'ASI: after an object assignment (the docs example)',
    file: 'asi-object.ts',
    code: `let cache: Record<string, string> = {}\nexport function reset(): string {\n  cache = {}\n  "${SK}".trim()\n  return Object.keys(cache).join()\n}\n`,
    want: [{ secret: SK, env: 'STRIPE_SECRET_KEY', has: [`;(${read('STRIPE_SECRET_KEY')}).trim()`] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'ASI: the body of an if gets no `;` (it would become the body)',
    file: 'asi-if.ts',
    code: `export function check(debug: boolean, log: (n: number) => void) {\n  if (debug) "${GH}".split("").forEach((c) => log(c.length))\n}\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: [`if (debug) (${read('GITHUB_TOKEN')}).split("")`], not: ['if (debug) ;'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'unicode escape before the token in the same literal',
    file: 'escape-before.ts',
    code: `export const header = "Authorization:\\u0020Bearer ${GH}";\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: ['`Authorization:\\u0020Bearer ${' + read('GITHUB_TOKEN') + '}`'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  const raw = `${GH.slice(0, 14)}\\x${GH.charCodeAt(14).toString(16).padStart(2, '0')}${GH.slice(15)}`;
  secretCase({
    name: 'hex escape inside the token, text after it',
    file: 'escape-inside.ts',
    code: `export const query = "token=${raw}&state=1";\n`,
    want: [{ secret: GH, raw, env: 'GITHUB_TOKEN', has: ['`token=${' + read('GITHUB_TOKEN') + '}&state=1`'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'CRLF file: the token in a multi-line template',
    file: 'crlf-template.ts',
    code: `// raw HTTP request used by the probe\r\nexport const request = \`GET /user HTTP/1.1\r\nAuthorization: Bearer ${GH}\r\nAccept: application/json\r\n\`;\r\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: ['Authorization: Bearer ${' + read('GITHUB_TOKEN') + '}\r\nAccept: application/json\r\n`;'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'CRLF file: a string continued over a CRLF line break',
    file: 'crlf-continuation.ts',
    code: `export const auth = "Bearer \\\r\n${GH}";\r\nexport const other = 1;\r\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN' }],
  });
}
{
  const SLACK = tok('slack-bot-token');
  secretCase({
    name: '.js (espree): SDK constructor argument',
    file: 'legacy-slack.js',
    code: `import { WebClient } from "@slack/web-api";\n\nexport const web = new WebClient("${SLACK}");\n`,
    want: [{ secret: SLACK, env: 'SLACK_BOT_TOKEN', has: [`new WebClient(${read('SLACK_BOT_TOKEN')})`] }],
  });
}
{
  const HOOK = tok('discord-webhook-url');
  secretCase({
    name: '.js (espree): webhook URL in a template with a substitution',
    file: 'discord.js',
    code: `export async function notify(text) {\n  return fetch(\`${HOOK}?wait=\${true}\`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ content: text }) });\n}\n`,
    want: [{ secret: HOOK, env: 'DISCORD_WEBHOOK_URL', has: ['fetch(`${' + read('DISCORD_WEBHOOK_URL') + '}?wait=${true}`'] }],
  });
}
{
  const SK = tok('stripe-secret-key');
  secretCase({
    name: '.jsx (espree): string attribute',
    file: 'Checkout.jsx',
    code: `function Checkout({ stripeKey }) {\n  return <form data-key={stripeKey} />;\n}\nexport const Page = () => <Checkout stripeKey="${SK}" />;\n`,
    want: [{ secret: SK, env: 'STRIPE_SECRET_KEY', has: [`stripeKey={${read('STRIPE_SECRET_KEY')}}`] }],
  });
}
{
  const PEM = tok('pem-private-key');
  const raw = JSON.stringify(PEM).slice(1, -1);
  secretCase({
    name: 'PEM key with \\n escapes in a string',
    file: 'signing.ts',
    code: `import { createSign } from "node:crypto";\n\nconst privateKey = "${raw}";\nexport const sign = (data: string) => createSign("RSA-SHA256").update(data).sign(privateKey, "base64");\n`,
    want: [{ secret: PEM, raw, env: 'PRIVATE_KEY', has: [`const privateKey = ${read('PRIVATE_KEY')};`] }],
  });
}
{
  const LIN = tok('linear-api-key');
  secretCase({
    name: 'argument of a class field decorator',
    file: 'decorated.ts',
    code: `function header(_value: string) {\n  return (_target: undefined, _context: ClassFieldDecoratorContext) => {};\n}\n\nexport class LinearSync {\n  @header("${LIN}")\n  token = "";\n}\n`,
    want: [{ secret: LIN, env: 'LINEAR_API_KEY', has: [`@header(${read('LINEAR_API_KEY')})`] }],
  });
}
{
  const GH = tok('github-classic-pat');
  secretCase({
    name: 'worker tool execute body',
    file: 'tool.ts',
    code: `${HEAD}\nworker.tool("listRepos", {\n  title: "List repositories",\n  execute: async () => {\n    const res = await fetch("https://api.github.com/user/repos", { headers: { Authorization: "token ${GH}" } });\n    return (await res.json()) as { name: string }[];\n  },\n});\n`,
    want: [{ secret: GH, env: 'GITHUB_TOKEN', has: ['Authorization: `token ${' + read('GITHUB_TOKEN') + '}`'] }],
  });
}
{
  const GH = tok('github-classic-pat');
  // GAP: expected no suggestion (docs: none for enum members); actual `"Bearer " + (process.env.X ?? "")` (TS18033)
  secretCase({
    name: 'string enum member written as a concatenation',
    file: 'enum-concat.ts',
    code: `export enum Auth {\n  Header = "Bearer " + "${GH}",\n}\n`,
    want: [],
    gap: 'expected no suggestion (enum member), got `"Bearer " + (process.env.GITHUB_TOKEN ?? "")`: TS18033',
  });
}

// --- oauth-credentials-from-env --------------------------------------------------------------------------------

const OAUTH_ENV: Case[] = [];
function oauthCase(c: Omit<Case, 'rule'>): void {
  OAUTH_ENV.push({ ...c, rule: 'oauthEnv' });
}
const endpoints = (host: string): string =>
  `  authorizationEndpoint: "https://${host}/oauth/authorize",\n  tokenEndpoint: "https://${host}/oauth/token",\n`;

{
  const ID = 'Iv1.8a61f9b3a7aba766';
  const S = gen();
  oauthCase({
    name: 'client id and secret inline, env name from the `name`',
    file: 'oauth-inline.ts',
    code: `${HEAD}\nworker.oauth("githubAuth", {\n  name: "github-app",\n${endpoints('github.com')}  scope: "read:user",\n  clientId: "${ID}",\n  clientSecret: "${S}",\n});\n`,
    want: [
      { secret: ID, env: 'GITHUB_APP_OAUTH_CLIENT_ID', has: [`clientId: ${read('GITHUB_APP_OAUTH_CLIENT_ID')},`] },
      { secret: S, env: 'GITHUB_APP_OAUTH_CLIENT_SECRET', has: [`clientSecret: ${read('GITHUB_APP_OAUTH_CLIENT_SECRET')},`] },
    ],
  });
}
{
  const S = gen();
  oauthCase({
    name: 'name with a space and a dot',
    file: 'oauth-name.ts',
    code: `${HEAD}\nworker.oauth("acme", {\n  name: "Acme Cloud.io",\n${endpoints('auth.acme.io')}  scope: "read",\n  clientId: process.env.ACME_CLIENT_ID ?? "",\n  clientSecret: "${S}",\n});\n`,
    want: [{ secret: S, has: [`clientSecret: process.env.ACME_CLOUD`, `_OAUTH_CLIENT_SECRET ?? "",`] }],
  });
}
{
  const S = gen();
  oauthCase({
    name: 'secret in a const with `as const`',
    file: 'oauth-asconst.ts',
    code: `${HEAD}\nconst SALESFORCE_SECRET = "${S}" as const;\n\nworker.oauth("salesforce", {\n  name: "salesforce",\n${endpoints('login.salesforce.com')}  scope: "api refresh_token",\n  clientId: process.env.SALESFORCE_OAUTH_CLIENT_ID ?? "",\n  clientSecret: SALESFORCE_SECRET,\n});\n`,
    // no suggestion: a whole `"…" as const` takes a literal, as no-hardcoded-secrets and the codemod leave it
    want: [],
  });
}
{
  const S = gen();
  // before the fix: `<const>process.env.X ?? ""`, parsed as `(<const>process.env.X) ?? ""` (TS1355); now no suggestion
  oauthCase({
    name: 'secret in a const with a `<const>` assertion',
    file: 'oauth-angle.ts',
    code: `${HEAD}\nconst HUBSPOT_SECRET = <const>"${S}";\n\nworker.oauth("hubspot", {\n  name: "hubspot",\n${endpoints('app.hubspot.com')}  scope: "crm.objects.contacts.read",\n  clientId: process.env.HUBSPOT_OAUTH_CLIENT_ID ?? "",\n  clientSecret: HUBSPOT_SECRET,\n});\n`,
    want: [],
  });
}
{
  const S = gen();
  oauthCase({
    name: 'secret in a const with `satisfies string`',
    file: 'oauth-satisfies.ts',
    code: `${HEAD}\nconst ZOOM_SECRET = "${S}" satisfies string;\n\nworker.oauth("zoom", {\n  name: "zoom",\n${endpoints('zoom.us')}  scope: "meeting:read",\n  clientId: process.env.ZOOM_OAUTH_CLIENT_ID ?? "",\n  clientSecret: ZOOM_SECRET,\n});\n`,
    want: [{ secret: S, env: 'ZOOM_OAUTH_CLIENT_SECRET', has: ['process.env.ZOOM_OAUTH_CLIENT_SECRET ?? ""'] }],
  });
}
{
  const S = gen();
  oauthCase({
    name: 'one const shared by two configurations',
    file: 'oauth-shared.ts',
    code: `${HEAD}\nconst ASANA_SECRET = "${S}";\n\nworker.oauth("asana", {\n  name: "asana",\n${endpoints('app.asana.com')}  scope: "tasks:read",\n  clientId: process.env.ASANA_OAUTH_CLIENT_ID ?? "",\n  clientSecret: ASANA_SECRET,\n});\n\nworker.oauth("asanaStaging", {\n  name: "asana",\n${endpoints('app.asana.com')}  scope: "tasks:read",\n  clientId: process.env.ASANA_OAUTH_CLIENT_ID ?? "",\n  clientSecret: ASANA_SECRET,\n});\n`,
    want: [{ secret: S, env: 'ASANA_OAUTH_CLIENT_SECRET', has: [`const ASANA_SECRET = ${read('ASANA_OAUTH_CLIENT_SECRET')};`] }],
  });
}
{
  const S = gen();
  oauthCase({
    name: '`||` fallback',
    file: 'oauth-or.ts',
    code: `${HEAD}\nworker.oauth("figma", {\n  name: "figma",\n${endpoints('www.figma.com')}  scope: "file_content:read",\n  clientId: process.env.FIGMA_OAUTH_CLIENT_ID ?? "",\n  clientSecret: process.env.FIGMA_OAUTH_CLIENT_SECRET || "${S}",\n});\n`,
    want: [{ secret: S, has: ['clientSecret: process.env.FIGMA_OAUTH_CLIENT_SECRET || "",'] }],
  });
}
{
  const S = gen();
  oauthCase({
    name: 'renamed destructuring default of process.env',
    file: 'oauth-destructure.ts',
    code: `${HEAD}\nconst { XERO_SECRET: xeroSecret = "${S}" } = process.env;\n\nworker.oauth("xero", {\n  name: "xero",\n${endpoints('login.xero.com')}  scope: "accounting.invoices.read",\n  clientId: process.env.XERO_OAUTH_CLIENT_ID ?? "",\n  clientSecret: xeroSecret,\n});\n`,
    want: [{ secret: S, has: ['const { XERO_SECRET: xeroSecret = "" } = process.env;'] }],
  });
}
{
  const ID = 'zoom-app-4fa1b2';
  const S = gen();
  oauthCase({
    name: 'spread of a const object',
    file: 'oauth-spread.ts',
    code: `${HEAD}\nconst ZOOM_APP = { clientId: "${ID}", clientSecret: "${S}" };\n\nworker.oauth("zoomMeetings", {\n  name: "zoom",\n${endpoints('zoom.us')}  scope: "meeting:read",\n  ...ZOOM_APP,\n});\n`,
    want: [
      { secret: ID, env: 'ZOOM_OAUTH_CLIENT_ID', has: [`clientId: ${read('ZOOM_OAUTH_CLIENT_ID')},`] },
      { secret: S, env: 'ZOOM_OAUTH_CLIENT_SECRET', has: [`clientSecret: ${read('ZOOM_OAUTH_CLIENT_SECRET')} }`] },
    ],
  });
}
{
  const ID = '408722193145-9r1hmo7qvhv5e2m4d3n1kq8j7l6f0a2b.apps.googleusercontent.com';
  const S = tok('google-oauth-client-secret');
  oauthCase({
    name: 'googleapis OAuth2: positional arguments',
    file: 'google-oauth.ts',
    code: `import { google } from "googleapis";\n\nexport const oauth2 = new google.auth.OAuth2(\n  "${ID}",\n  "${S}",\n  "https://worker.acme.io/oauth/google/callback",\n);\n`,
    want: [
      { secret: ID, env: 'GOOGLE_OAUTH_CLIENT_ID', has: [`  ${read('GOOGLE_OAUTH_CLIENT_ID')},\n`] },
      { secret: S, env: 'GOOGLE_OAUTH_CLIENT_SECRET', has: [`  ${read('GOOGLE_OAUTH_CLIENT_SECRET')},\n`] },
    ],
  });
}
{
  const RT = tok('google-oauth-refresh-token');
  oauthCase({
    name: 'googleapis setCredentials refresh token',
    file: 'google-refresh.ts',
    code: `import { google } from "googleapis";\n\nexport const oauth2 = new google.auth.OAuth2(process.env.GOOGLE_OAUTH_CLIENT_ID ?? "", process.env.GOOGLE_OAUTH_CLIENT_SECRET ?? "");\noauth2.setCredentials({ refresh_token: "${RT}" });\n`,
    want: [{ secret: RT, env: 'GOOGLE_OAUTH_REFRESH_TOKEN', has: [`refresh_token: ${read('GOOGLE_OAUTH_REFRESH_TOKEN')} }`] }],
  });
}
{
  const S = gen();
  oauthCase({
    name: 'passport-github2 strategy',
    file: 'passport-gh.ts',
    code: `import passport from "passport";\nimport { Strategy as GitHubStrategy } from "passport-github2";\n\npassport.use(\n  new GitHubStrategy(\n    { clientID: process.env.GITHUB_OAUTH_CLIENT_ID ?? "", clientSecret: "${S}", callbackURL: "https://worker.acme.io/auth/github/callback" },\n    (_accessToken, _refreshToken, profile, done) => done(null, profile),\n  ),\n);\n`,
    want: [{ secret: S, env: 'GITHUB_OAUTH_CLIENT_SECRET', has: [`clientSecret: ${read('GITHUB_OAUTH_CLIENT_SECRET')},`] }],
  });
}
{
  const S = gen();
  oauthCase({
    name: 'simple-oauth2 client',
    file: 'simple-oauth2.ts',
    code: `import { AuthorizationCode } from "simple-oauth2";\n\nexport const gitlab = new AuthorizationCode({\n  client: { id: process.env.GITLAB_OAUTH_CLIENT_ID ?? "", secret: "${S}" },\n  auth: { tokenHost: "https://gitlab.com" },\n});\n`,
    want: [{ secret: S, env: 'GITLAB_OAUTH_CLIENT_SECRET', has: [`secret: ${read('GITLAB_OAUTH_CLIENT_SECRET')} }`] }],
  });
}
{
  const S = gen();
  oauthCase({
    name: '.js (espree) CommonJS worker',
    file: 'oauth-cjs.cjs',
    code: `const { Worker } = require("@notionhq/workers");\n\nconst worker = new Worker();\nmodule.exports = worker;\n\nworker.oauth("discord", {\n  name: "discord",\n${endpoints('discord.com')}  scope: "identify",\n  clientId: 1234567890123,\n  clientSecret: "${S}",\n});\n`,
    want: [
      { secret: '1234567890123', env: 'DISCORD_OAUTH_CLIENT_ID', has: [`clientId: ${read('DISCORD_OAUTH_CLIENT_ID')},`] },
      { secret: S, env: 'DISCORD_OAUTH_CLIENT_SECRET', has: [`clientSecret: ${read('DISCORD_OAUTH_CLIENT_SECRET')},`] },
    ],
  });
}
{
  const S = gen();
  oauthCase({
    name: 'CRLF file',
    file: 'oauth-crlf.ts',
    code: `${HEAD}\nworker.oauth("linear", {\n  name: "linear",\n${endpoints('linear.app')}  scope: "read",\n  clientId: process.env.LINEAR_OAUTH_CLIENT_ID ?? "",\n  clientSecret: "${S}",\n});\n`.replace(/\n/g, '\r\n'),
    want: [{ secret: S, env: 'LINEAR_OAUTH_CLIENT_SECRET', has: [`clientSecret: ${read('LINEAR_OAUTH_CLIENT_SECRET')},\r\n`] }],
  });
}
{
  const S = gen();
  oauthCase({
    name: 'template literal without run-time parts, in a const',
    file: 'oauth-template.ts',
    code: `${HEAD}\nconst CLICKUP_SECRET = \`${S}\`;\n\nworker.oauth("clickup", {\n  name: "clickup",\n${endpoints('app.clickup.com')}  scope: "",\n  clientId: process.env.CLICKUP_OAUTH_CLIENT_ID ?? "",\n  clientSecret: CLICKUP_SECRET,\n});\n`,
    want: [{ secret: S, env: 'CLICKUP_OAUTH_CLIENT_SECRET', has: [`const CLICKUP_SECRET = ${read('CLICKUP_OAUTH_CLIENT_SECRET')};`] }],
  });
}
{
  const S = gen();
  oauthCase({
    name: 'method call on the literal: the whole call is replaced',
    file: 'oauth-trim.ts',
    code: `${HEAD}\nworker.oauth("acme", {\n  name: "acme",\n${endpoints('auth.acme.io')}  scope: "read",\n  clientId: process.env.ACME_OAUTH_CLIENT_ID ?? "",\n  clientSecret: "${S}".trim(),\n});\n`,
    want: [{ secret: S, env: 'ACME_OAUTH_CLIENT_SECRET', has: [`clientSecret: ${read('ACME_OAUTH_CLIENT_SECRET')},`] }],
  });
}
{
  const S1 = gen();
  const S2 = gen();
  // GAP: expected two env names (the oauth rule: GITHUB_/LINEAR_OAUTH_CLIENT_SECRET); actual WORKER_CLIENT_SECRET twice
  secretCase({
    name: 'client secrets of two worker.oauth() configurations get distinct env names',
    file: 'two-oauth.ts',
    code: `${HEAD}\nworker.oauth("githubAuth", {\n  name: "github",\n${endpoints('github.com')}  scope: "read:user",\n  clientId: process.env.GITHUB_OAUTH_CLIENT_ID ?? "",\n  clientSecret: "${S1}",\n});\n\nworker.oauth("linearAuth", {\n  name: "linear",\n${endpoints('linear.app')}  scope: "read",\n  clientId: process.env.LINEAR_OAUTH_CLIENT_ID ?? "",\n  clientSecret: "${S2}",\n});\n`,
    want: [{ secret: S1 }, { secret: S2 }],
    distinctEnvs: true,
    gap: 'expected two env names, got `process.env.WORKER_CLIENT_SECRET ?? ""` for both (named after the `worker` receiver)',
  });
}

// --- no-broad-oauth-scopes -------------------------------------------------------------------------------------

const SCOPES: Case[] = [];
function scopeCase(c: Omit<Case, 'rule'>): void {
  SCOPES.push({ ...c, rule: 'scopes' });
}
const envClient = (base: string): string => `  clientId: process.env.${base}_OAUTH_CLIENT_ID ?? "",\n  clientSecret: process.env.${base}_OAUTH_CLIENT_SECRET ?? "",\n`;

scopeCase({
  name: 'GitHub `write:packages` in a space-separated string',
  file: 'scopes-github.ts',
  code: `${HEAD}\nworker.oauth("github", {\n  name: "github",\n  authorizationEndpoint: "https://github.com/login/oauth/authorize",\n  tokenEndpoint: "https://github.com/login/oauth/access_token",\n  scope: "write:packages read:user",\n${envClient('GITHUB')}});\n`,
  want: [{ has: ['scope: "read:packages read:user",'] }],
});
scopeCase({
  name: 'Google full-URL scope inside a template literal with a substitution',
  file: 'scopes-google-template.ts',
  code: `${HEAD}\nconst GOOGLE = "https://www.googleapis.com/auth";\nworker.oauth("googleSheets", {\n  name: "google-sheets",\n  authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",\n  tokenEndpoint: "https://oauth2.googleapis.com/token",\n  scope: \`openid email https://www.googleapis.com/auth/drive \${GOOGLE}/userinfo.profile\`,\n${envClient('GOOGLE_SHEETS')}});\n`,
  want: [{ has: ['scope: `openid email https://www.googleapis.com/auth/drive.file ${GOOGLE}/userinfo.profile`,'] }],
});
scopeCase({
  name: 'GitHub scopes from a spread const array joined',
  file: 'scopes-spread.ts',
  code: `${HEAD}\nconst BASE_SCOPES = ["read:user", "user:email"] as const;\nworker.oauth("githubOrg", {\n  name: "github",\n  authorizationEndpoint: "https://github.com/login/oauth/authorize",\n  tokenEndpoint: "https://github.com/login/oauth/access_token",\n  scope: [...BASE_SCOPES, "admin:org"].join(" "),\n${envClient('GITHUB')}});\n`,
  want: [{ has: ['[...BASE_SCOPES, "read:org"].join(" ")'] }],
});
scopeCase({
  name: 'passport.authenticate scope array',
  file: 'scopes-passport.ts',
  code: `import passport from "passport";\n\nexport const login = passport.authenticate("github", { scope: ["user", "delete_repo"] });\n`,
  want: [{ has: ['scope: ["read:user", "delete_repo"]'] }],
});
scopeCase({
  name: 'literal fallback of an env read',
  file: 'scopes-fallback.ts',
  code: `${HEAD}\nworker.oauth("gitlab", {\n  name: "gitlab",\n  authorizationEndpoint: "https://gitlab.com/oauth/authorize",\n  tokenEndpoint: "https://gitlab.com/oauth/token",\n  scope: process.env.GITLAB_SCOPES ?? "api read_user",\n${envClient('GITLAB')}});\n`,
  want: [{ has: ['process.env.GITLAB_SCOPES ?? "read_api read_user"'] }],
});
scopeCase({
  name: 'googleapis generateAuthUrl with a full-URL scope',
  file: 'scopes-googleapis.ts',
  code: `import { google } from "googleapis";\n\nconst client = new google.auth.OAuth2(process.env.GOOGLE_OAUTH_CLIENT_ID ?? "", process.env.GOOGLE_OAUTH_CLIENT_SECRET ?? "");\nexport const url = client.generateAuthUrl({ access_type: "offline", scope: ["https://www.googleapis.com/auth/drive"] });\n`,
  want: [{ has: ['scope: ["https://www.googleapis.com/auth/drive.file"]'] }],
});
scopeCase({
  name: 'CRLF file, one scope per line',
  file: 'scopes-crlf.ts',
  code: `${HEAD}\nconst DROPBOX_SCOPES = [\n  "account_info.read",\n  "files.content.write",\n];\nworker.oauth("dropbox", {\n  name: "dropbox",\n  authorizationEndpoint: "https://www.dropbox.com/oauth2/authorize",\n  tokenEndpoint: "https://api.dropboxapi.com/oauth2/token",\n  scope: DROPBOX_SCOPES.join(" "),\n${envClient('DROPBOX')}});\n`.replace(/\n/g, '\r\n'),
  want: [{ has: ['  "files.content.read",\r\n];'] }],
});
scopeCase({
  name: '.js (espree): GitLab `api`',
  file: 'scopes-gitlab.js',
  code: `${HEAD}\nworker.oauth("gitlab", {\n  name: "gitlab",\n  authorizationEndpoint: "https://gitlab.com/oauth/authorize",\n  tokenEndpoint: "https://gitlab.com/oauth/token",\n  scope: "read_user api",\n${envClient('GITLAB')}});\n`,
  want: [{ has: ['scope: "read_user read_api",'] }],
});
scopeCase({
  name: 'comma-separated provider (Facebook), a wildcard entry',
  file: 'scopes-facebook.ts',
  code: `${HEAD}\nworker.oauth("facebookPages", {\n  name: "facebook",\n  authorizationEndpoint: "https://www.facebook.com/v19.0/dialog/oauth",\n  tokenEndpoint: "https://graph.facebook.com/v19.0/oauth/access_token",\n  scope: "email,instagram_manage_comments,ads_management",\n${envClient('FACEBOOK')}});\n`,
  want: [{ has: ['scope: "email,instagram_basic,ads_management",'] }, { has: ['scope: "email,instagram_manage_comments,ads_read",'] }],
});

// --- oauth-endpoints-https -------------------------------------------------------------------------------------

const HTTPS: Case[] = [];
function httpsCase(c: Omit<Case, 'rule'>): void {
  HTTPS.push({ ...c, rule: 'https' });
}
const oauthTail = `  scope: "read",\n${envClient('ACME')}`;

httpsCase({
  name: 'plain http authorization endpoint',
  file: 'https-plain.ts',
  code: `${HEAD}\nworker.oauth("acme", {\n  name: "acme",\n  authorizationEndpoint: "http://auth.acme.com/oauth/authorize",\n  tokenEndpoint: "https://auth.acme.com/oauth/token",\n${oauthTail}});\n`,
  want: [{ has: ['authorizationEndpoint: "https://auth.acme.com/oauth/authorize",'] }],
});
httpsCase({
  name: 'http branch of a conditional token endpoint',
  file: 'https-ternary.ts',
  code: `${HEAD}\nconst staging = process.env.STAGE === "staging";\nworker.oauth("acme", {\n  name: "acme",\n  authorizationEndpoint: "https://auth.acme.com/oauth/authorize",\n  tokenEndpoint: staging ? "http://staging.acme.com/oauth/token" : "https://auth.acme.com/oauth/token",\n${oauthTail}});\n`,
  want: [{ has: ['staging ? "https://staging.acme.com/oauth/token" : "https://auth.acme.com/oauth/token"'] }],
});
httpsCase({
  name: 'new URL(path, CONST_BASE).toString()',
  file: 'https-url-base.ts',
  code: `${HEAD}\nconst LOGIN_BASE = "http://login.acme.io";\nworker.oauth("acme", {\n  name: "acme",\n  authorizationEndpoint: new URL("/oauth/authorize", LOGIN_BASE).toString(),\n  tokenEndpoint: new URL("/oauth/token", LOGIN_BASE).href,\n${oauthTail}});\n`,
  want: [{ has: ['const LOGIN_BASE = "https://login.acme.io";'] }],
});
httpsCase({
  name: 'template with a run-time path',
  file: 'https-template.ts',
  code: `${HEAD}\nconst tenant = process.env.ACME_TENANT ?? "common";\nworker.oauth("acme", {\n  name: "acme",\n  authorizationEndpoint: \`http://auth.acme.com/\${tenant}/oauth/authorize\`,\n  tokenEndpoint: \`https://auth.acme.com/\${tenant}/oauth/token\`,\n${oauthTail}});\n`,
  want: [{ has: ['authorizationEndpoint: `https://auth.acme.com/${tenant}/oauth/authorize`,'] }],
});
httpsCase({
  name: 'concatenation with a run-time path',
  file: 'https-concat.ts',
  code: `${HEAD}\nconst path = process.env.ACME_TOKEN_PATH ?? "/oauth/token";\nworker.oauth("acme", {\n  name: "acme",\n  authorizationEndpoint: "https://auth.acme.com/oauth/authorize",\n  tokenEndpoint: "http://auth.acme.com" + path,\n${oauthTail}});\n`,
  want: [{ has: ['tokenEndpoint: "https://auth.acme.com" + path,'] }],
});
httpsCase({
  name: 'literal fallback of an env read',
  file: 'https-fallback.ts',
  code: `${HEAD}\nworker.oauth("acme", {\n  name: "acme",\n  authorizationEndpoint: "https://auth.acme.com/oauth/authorize",\n  tokenEndpoint: process.env.ACME_TOKEN_URL ?? "http://auth.acme.com/oauth/token",\n${oauthTail}});\n`,
  want: [{ has: ['process.env.ACME_TOKEN_URL ?? "https://auth.acme.com/oauth/token"'] }],
});
httpsCase({
  name: 'passport callbackURL',
  file: 'https-passport.ts',
  code: `import passport from "passport";\nimport { Strategy as GitHubStrategy } from "passport-github2";\n\npassport.use(\n  new GitHubStrategy(\n    { clientID: process.env.GITHUB_OAUTH_CLIENT_ID ?? "", clientSecret: process.env.GITHUB_OAUTH_CLIENT_SECRET ?? "", callbackURL: "http://worker.acme.io/auth/github/callback" },\n    (_a, _r, profile, done) => done(null, profile),\n  ),\n);\n`,
  want: [{ has: ['callbackURL: "https://worker.acme.io/auth/github/callback"'] }],
});
httpsCase({
  name: 'upper-case HTTP scheme',
  file: 'https-upper.ts',
  code: `${HEAD}\nworker.oauth("acme", {\n  name: "acme",\n  authorizationEndpoint: "HTTP://AUTH.ACME.COM/oauth/authorize",\n  tokenEndpoint: "https://auth.acme.com/oauth/token",\n${oauthTail}});\n`,
  want: [{ has: ['authorizationEndpoint: "https://AUTH.ACME.COM/oauth/authorize",'] }],
});
httpsCase({
  name: '0.0.0.0 callback (not loopback)',
  file: 'https-any.ts',
  code: `${HEAD}\nworker.oauth("acme", {\n  name: "acme",\n  authorizationEndpoint: "https://auth.acme.com/oauth/authorize",\n  tokenEndpoint: "https://auth.acme.com/oauth/token",\n  callbackUrl: "http://0.0.0.0:3000/oauth/callback",\n${oauthTail}});\n`,
  want: [{ has: ['callbackUrl: "https://0.0.0.0:3000/oauth/callback",'] }],
});
httpsCase({
  name: '.js (espree) with CRLF line breaks',
  file: 'https-crlf.js',
  code: `${HEAD}\nworker.oauth("acme", {\n  name: "acme",\n  authorizationEndpoint: 'http://auth.acme.com/oauth/authorize',\n  tokenEndpoint: 'http://auth.acme.com/oauth/token',\n${oauthTail}});\n`.replace(/\n/g, '\r\n'),
  want: [
    { has: ["authorizationEndpoint: 'https://auth.acme.com/oauth/authorize',\r\n  tokenEndpoint: 'http://auth.acme.com/oauth/token',"] },
    { has: ["authorizationEndpoint: 'http://auth.acme.com/oauth/authorize',\r\n  tokenEndpoint: 'https://auth.acme.com/oauth/token',"] },
  ],
});
httpsCase({
  name: 'absolute http URL passed to new URL(…)',
  file: 'https-url-absolute.ts',
  code: `${HEAD}\nworker.oauth("acme", {\n  name: "acme",\n  authorizationEndpoint: new URL("http://auth.acme.com/oauth/authorize").href,\n  tokenEndpoint: "https://auth.acme.com/oauth/token",\n${oauthTail}});\n`,
  want: [{ has: ['new URL("https://auth.acme.com/oauth/authorize").href'] }],
});

// --- prefer-credential-injection -------------------------------------------------------------------------------

const INJECT: Case[] = [];
function injectCase(c: Omit<Case, 'rule'>): void {
  INJECT.push({ ...c, rule: 'inject' });
}
const credential = (name: string, domain: string, header: string, value: string, worker = 'worker'): string =>
  `${worker}.credential(${JSON.stringify(name)}, { network: [{ domain: ${JSON.stringify(domain)}, transform: [{ headers: { ${header}: ${value} } }] }] });`;

injectCase({
  name: 'axios.get with a Bearer const',
  file: 'inject-axios.ts',
  code: `import { Worker } from "@notionhq/workers";\nimport axios from "axios";\n\nconst worker = new Worker();\nexport default worker;\n\nconst token = process.env.TODOIST_API_TOKEN ?? "";\n\nworker.tool("listTasks", {\n  title: "List tasks",\n  execute: async () => (await axios.get("https://api.todoist.com/rest/v2/tasks", { headers: { Authorization: \`Bearer \${token}\` } })).data,\n});\n`,
  want: [
    {
      has: ['import { Worker, CREDENTIAL_VALUE } from "@notionhq/workers";', credential('TODOIST_API_TOKEN', 'api.todoist.com', 'Authorization', '`Bearer ${CREDENTIAL_VALUE}`')],
      not: ['process.env.TODOIST_API_TOKEN'],
    },
  ],
});
injectCase({
  name: 'new Headers({…}) shared by two requests',
  file: 'inject-headers.ts',
  code: `${HEAD}\nconst headers = new Headers({ "X-API-Key": process.env.ACME_API_KEY ?? "", Accept: "application/json" });\n\nexport const items = () => fetch("https://api.acme.dev/v1/items", { headers });\nexport const item = (id: string) => fetch(\`https://api.acme.dev/v1/items/\${id}\`, { headers });\n`,
  want: [{ has: [credential('ACME_API_KEY', 'api.acme.dev', '"X-API-Key"', 'CREDENTIAL_VALUE'), 'new Headers({ Accept: "application/json" })'], not: ['process.env.ACME_API_KEY'] }],
});
injectCase({
  name: 'file without semicolons',
  file: 'inject-nosemi.ts',
  code: `import { Worker } from "@notionhq/workers"\n\nconst worker = new Worker()\nexport default worker\n\nconst apiKey = process.env.RESEND_API_KEY\n\nworker.tool("send", {\n  execute: async (input: { to: string }) => fetch("https://api.resend.com/emails", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` }, body: JSON.stringify(input) }),\n})\n`,
  want: [{ has: [credential('RESEND_API_KEY', 'api.resend.com', 'Authorization', '`Bearer ${CREDENTIAL_VALUE}`')], not: ['process.env.RESEND_API_KEY'] }],
});
injectCase({
  name: 'multi-line import with a trailing comma',
  file: 'inject-import.ts',
  code: `import {\n  Worker,\n} from "@notionhq/workers";\n\nconst worker = new Worker();\nexport default worker;\n\nexport const me = () => fetch("https://api.linear.app/graphql", { method: "POST", headers: { Authorization: process.env.LINEAR_API_KEY ?? "", "Content-Type": "application/json" }, body: "{}" });\n`,
  want: [{ has: ['CREDENTIAL_VALUE', credential('LINEAR_API_KEY', 'api.linear.app', 'Authorization', 'CREDENTIAL_VALUE')], not: ['process.env.LINEAR_API_KEY'] }],
});
injectCase({
  name: 'aliased Worker import and another worker name',
  file: 'inject-alias.ts',
  code: `import { Worker as NotionWorker } from "@notionhq/workers";\n\nexport const app = new NotionWorker();\n\nexport const channels = () => fetch("https://slack.com/api/conversations.list", { headers: { Authorization: "Bearer " + process.env.SLACK_BOT_TOKEN } });\n`,
  want: [
    {
      has: ['import { Worker as NotionWorker, CREDENTIAL_VALUE } from "@notionhq/workers";', credential('SLACK_BOT_TOKEN', 'slack.com', 'Authorization', '`Bearer ${CREDENTIAL_VALUE}`', 'app')],
      not: ['process.env.SLACK_BOT_TOKEN'],
    },
  ],
});
injectCase({
  name: '.js (espree) ESM worker',
  file: 'inject-esm.js',
  code: `import { Worker } from "@notionhq/workers";\n\nconst worker = new Worker();\nexport default worker;\n\nconst gitlabToken = process.env.GITLAB_TOKEN;\nworker.tool("projects", { execute: () => fetch("https://gitlab.com/api/v4/projects?owned=true", { headers: { "PRIVATE-TOKEN": gitlabToken } }) });\n`,
  want: [{ has: [credential('GITLAB_TOKEN', 'gitlab.com', '"PRIVATE-TOKEN"', 'CREDENTIAL_VALUE')], not: ['process.env.GITLAB_TOKEN'] }],
});
injectCase({
  name: 'CRLF file',
  file: 'inject-crlf.ts',
  code: `${HEAD}\nexport async function deals() {\n  const key = process.env.HUBSPOT_ACCESS_TOKEN ?? "";\n  return fetch("https://api.hubapi.com/crm/v3/objects/deals", { headers: { Authorization: \`Bearer \${key}\` } });\n}\n`.replace(/\n/g, '\r\n'),
  want: [{ has: [credential('HUBSPOT_ACCESS_TOKEN', 'api.hubapi.com', 'Authorization', '`Bearer ${CREDENTIAL_VALUE}`')], not: ['process.env.HUBSPOT_ACCESS_TOKEN'] }],
});
injectCase({
  name: 'axios.create({ baseURL, headers }) in the worker file',
  file: 'inject-create.ts',
  code: `import { Worker } from "@notionhq/workers";\nimport axios from "axios";\n\nexport const worker = new Worker();\n\nconst openai = axios.create({ baseURL: "https://api.openai.com/v1", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, "Content-Type": "application/json" } });\n\nworker.tool("models", { execute: async () => (await openai.get("/models")).data });\n`,
  want: [{ has: [credential('OPENAI_API_KEY', 'api.openai.com', 'Authorization', '`Bearer ${CREDENTIAL_VALUE}`'), 'headers: { "Content-Type": "application/json" }'], not: ['process.env.OPENAI_API_KEY'] }],
});


injectCase({
  name: 'the header is the last property, with a trailing comma',
  file: 'inject-last.ts',
  code: `${HEAD}\nexport const me = () =>\n  fetch("https://api.linear.app/graphql", {\n    method: "POST",\n    headers: {\n      "Content-Type": "application/json",\n      Authorization: process.env.LINEAR_API_KEY ?? "",\n    },\n    body: "{}",\n  });\n`,
  want: [{ has: [credential('LINEAR_API_KEY', 'api.linear.app', 'Authorization', 'CREDENTIAL_VALUE'), '"Content-Type": "application/json",'], not: ['process.env.LINEAR_API_KEY', 'Authorization: process'] }],
});

const CASES: readonly Case[] = [...SECRETS, ...OAUTH_ENV, ...SCOPES, ...HTTPS, ...INJECT];

// ---------------------------------------------------------------------------------------------------------------
// Running the cases
// ---------------------------------------------------------------------------------------------------------------

interface Applied {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly desc: string;
  readonly range: readonly [number, number];
  readonly text: string;
  readonly fixed: string;
  readonly virtual: string;
}

interface Outcome {
  readonly messages: Linter.LintMessage[];
  readonly applied: Applied[];
  readonly virtual: string;
}

const pathOf = (c: Case): string => join(PROJECT, 'src', c.file);

function lint(text: string, c: Case): Linter.LintMessage[] {
  return linter.verify(text, CONFIG, pathOf(c));
}

function parseErrors(text: string, c: Case): string[] {
  return linter
    .verify(text, PARSE_ONLY, pathOf(c))
    .filter((m) => m.fatal)
    .map((m) => `${m.line}:${m.column} ${m.message}`);
}

function virtualName(c: Case, suffix: string): string {
  const dot = c.file.lastIndexOf('.');
  return `${VIRTUAL}/src/${c.file.slice(0, dot)}.${suffix}${c.file.slice(dot)}`;
}

let computed: { outcomes: Map<Case, Outcome>; diagnostics: Map<string, string[]> } | undefined;

/** Lints every case, applies every suggestion of the five rules, and type-checks all texts in one program. */
function results(): NonNullable<typeof computed> {
  if (computed) return computed;
  const outcomes = new Map<Case, Outcome>();
  const files = new Map<string, string>();
  CASES.forEach((c) => {
    const messages = lint(c.code, c);
    const virtual = virtualName(c, 'original');
    files.set(virtual, c.code);
    const applied: Applied[] = [];
    for (const m of messages) {
      (m.suggestions ?? []).forEach((s, k) => {
        const fixed = c.code.slice(0, s.fix.range[0]) + s.fix.text + c.code.slice(s.fix.range[1]);
        const name = virtualName(c, `s${applied.length}-${k}`);
        files.set(name, fixed);
        applied.push({ ruleId: m.ruleId ?? '', line: m.line, column: m.column, desc: s.desc, range: s.fix.range, text: s.fix.text, fixed, virtual: name });
      });
    }
    outcomes.set(c, { messages, applied, virtual });
  });
  computed = { outcomes, diagnostics: typeCheck(files) };
  return computed;
}

/** 8-character runs of `secret` the original text holds nowhere but where the secret is written. */
function ownRuns(c: Case, w: Want): string[] {
  const secret = w.secret!;
  const rest = c.code.split(w.raw ?? secret).join('\u0000');
  const runs: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) {
    const run = secret.slice(i, i + 8);
    if (!rest.includes(run)) runs.push(run);
  }
  // the raw form's own runs too (an escape splits the value's runs)
  if (w.raw) for (let i = 0; i + 8 <= w.raw.length; i++) if (!rest.includes(w.raw.slice(i, i + 8))) runs.push(w.raw.slice(i, i + 8));
  return runs;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (s: string): string =>
  s.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi, (m, hex: string, dec: string, name: string) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (ENTITIES[name] ?? m),
  );

/** Evaluates a string expression written by a suggestion, every env variable set to `<<NAME>>`. */
function evaluate(expression: string): unknown {
  const env = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? `<<${key}>>` : undefined) });
  return new Function('process', `"use strict"; return (${expression});`)({ env });
}

/**
 * no-hardcoded-secrets: where the suggestion replaces a whole string literal or JSX attribute value, the new
 * expression evaluates to the old value with the secret replaced by the env value (the rest kept, escapes and all).
 */
function checkValueKept(c: Case, a: Applied, w: Want, env: string): void {
  const original = c.code.slice(a.range[0], a.range[1]);
  const quote = original[0];
  if ((quote !== '"' && quote !== "'") || original[original.length - 1] !== quote) return;
  let text = a.text.startsWith(';') ? a.text.slice(1) : a.text;
  const jsx = text.startsWith('{') && text.endsWith('}');
  if (jsx) text = text.slice(1, -1);
  const before = jsx ? decodeEntities(original.slice(1, -1)) : (evaluate(original) as string);
  if (!before.includes(w.secret!)) return;
  expect(evaluate(text), 'the suggested expression keeps the rest of the value').toBe(before.split(w.secret!).join(`<<${env}>>`));
}

function runCase(c: Case): void {
  const { outcomes, diagnostics } = results();
  const o = outcomes.get(c)!;
  const ruleId = RULE_IDS[c.rule];
  expect(parseErrors(c.code, c), 'the original parses').toEqual([]);
  expect(diagnostics.get(o.virtual), 'the original type-checks').toEqual([]);
  const own = o.messages.filter((m) => m.ruleId === ruleId);
  expect(own.length, `${ruleId} reports`).toBeGreaterThan(0);

  // 1 and 2, for every suggestion of every rule on the snippet
  for (const a of o.applied) {
    const where = `${a.ruleId} ${a.line}:${a.column} "${a.desc}"`;
    expect(parseErrors(a.fixed, c), `${where}: parses`).toEqual([]);
    expect(diagnostics.get(a.virtual), `${where}: type-checks`).toEqual([]);
    // the finding it is about is gone
    const after = lint(a.fixed, c).filter((m) => m.ruleId === a.ruleId);
    expect(after.length, `${where}: removes its finding`).toBeLessThan(o.messages.filter((m) => m.ruleId === a.ruleId).length);
  }

  // 3 and 4, for the suggestions of the rule under test
  const mine = o.applied.filter((a) => a.ruleId === ruleId).sort((x, y) => x.line - y.line || x.column - y.column);
  expect(mine.length, `${ruleId} suggestions`).toBe(c.want.length);
  mine.forEach((a, i) => {
    const w = c.want[i]!;
    const where = `${ruleId} ${a.line}:${a.column} "${a.desc}"`;
    if (w.secret !== undefined) {
      const left = ownRuns(c, w).filter((run) => a.fixed.includes(run));
      expect(left.length, `${where}: no 8-character run of the secret is left`).toBe(0);
    }
    for (const s of w.has ?? []) expect(a.fixed, `${where}: has`).toContain(s);
    for (const s of w.not ?? []) expect(a.fixed, `${where}: has not`).not.toContain(s);
    if (c.rule === 'secrets') {
      const env = /process\.env\.([A-Z0-9_]+)/.exec(a.desc)?.[1];
      expect(env, `${where}: names the env variable`).toBeDefined();
      if (w.env !== undefined) expect(env, `${where}: env name`).toBe(w.env);
      if (/^Replace with/.test(a.desc)) {
        expect(a.text, `${where}: reads the env name it describes`).toContain(env === undefined ? '' : `process.env.${env} ?? ""`);
        if (w.secret !== undefined) checkValueKept(c, a, w, env!);
      } else {
        // dropping a fallback: the fallback becomes an empty string
        expect(a.text, `${where}: empties the fallback`).toMatch(/^(?:""|''|``)$/);
      }
    }
    // the env read, in parentheses where the context needs them (`(… ?? "") satisfies string`)
    if (c.rule === 'oauthEnv' && w.env !== undefined) expect([read(w.env), `(${read(w.env)})`], `${where}: env read`).toContain(a.text);
  });
  if (c.distinctEnvs) {
    const names = mine.map((a) => /process\.env\.([A-Z0-9_]+)/.exec(a.text)?.[1]);
    expect(new Set(names).size, `distinct env names (${names.join(', ')})`).toBe(names.length);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------------------

const groups: [string, readonly Case[]][] = [
  ['no-hardcoded-secrets', SECRETS],
  ['oauth-credentials-from-env', OAUTH_ENV],
  ['no-broad-oauth-scopes', SCOPES],
  ['oauth-endpoints-https', HTTPS],
  ['prefer-credential-injection', INJECT],
];

describe('suggestions: parse, type-check, remove the secret, do what the docs say', () => {
  it('case names are unique and files distinct', () => {
    expect(new Set(CASES.map((c) => `${c.rule}/${c.name}`)).size).toBe(CASES.length);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  });

  for (const [rule, cases] of groups) {
    describe(rule, () => {
      for (const c of cases.filter((x) => !x.gap)) it(c.name, () => runCase(c));
    });
  }
});

describe('gaps found by the held-out set, fixed (each gap note says what the rule did before)', () => {
  for (const c of CASES.filter((x) => x.gap)) {
    it(`${c.name} — ${c.gap}`, () => runCase(c));
  }
});

