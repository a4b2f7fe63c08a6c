/**
 * Fifth held-out set: small, realistic Notion worker files of 2026 and their helpers, checked against every rule of a
 * config the way a demanding user reads README.md, docs/rules/*.md and docs/codemod.md. Emphasis, kept apart from
 * rounds 1–4:
 *
 * - `@notionhq/workers` 0.9.2 shapes: `worker.credential(key, { network: [...] })` next to personal API keys read in a
 *   capability's `execute`, and `worker.oauth(key, …)` in full form and in the Notion-managed `{ name, provider }` form;
 * - providers little used before: Linear, ClickUp, Todoist, the Notion API itself, Stripe Connect, PayPal, Plaid, Adyen,
 *   Brex, Mercury, QuickBooks/Intuit, NetSuite, Workday, Greenhouse, Lever, BambooHR, Gusto, Rippling, PostHog,
 *   Algolia, Pinecone, Anthropic, Cohere, Mistral, Replicate, Hugging Face, Cloudflare, Vercel, Netlify, Fly.io, Render,
 *   Supabase, Firebase, MongoDB Atlas, Upstash, Snowflake, Databricks;
 * - code styles: config modules exporting objects, class-based clients with private fields, zod env schemas,
 *   `satisfies`, enums, `as const` provider maps, async generators, JSDoc-typed `.js` (espree), `.mjs`/`.cjs`, test
 *   files (`*.test.ts`, `__tests__/`, fixtures, stories, mocks) with their own defaults, README-like comments and
 *   redacted values that must not be reported, and false-positive bait (hashes, UUIDs, ids, data URIs, public keys,
 *   publishable keys, anon JWTs, cursors, idempotency keys).
 *
 * Each case is written into its own throw-away project (package.json with `@notionhq/workers@^0.9.2` unless a case
 * says otherwise, a `.gitignore` ignoring `.env` and `.env.*`, optional extra files) and linted with ESLint's cwd at
 * the project root. Expectations are trailing `⟦rule[:messageId][^N]⟧` markers, stripped before linting (`^N`: the
 * finding is N lines above the marker); the exact multiset of (rule, line) pairs is asserted, the messageId where
 * given, and no message, suggestion description or suggestion text may show a planted secret (nor a 10-character
 * window of its tail). Some cases also apply a suggestion and check the result.
 *
 * No token-shaped literal is in this file: every planted value is built at run time (test/support/fake-tokens.ts),
 * from seeds 5000–5999.
 *
 * Six gaps found by this set. Five are fixed and kept under "gaps found by the held-out set, fixed", each with a
 * comment saying what was wrong:
 * 1. no-broad-oauth-scopes: Lever's `opportunities:read:admin` (unknown provider) was not reported: the generic `admin`
 *    signal was skipped for a scope that also says `read`. A trailing `admin` of a read scope is now read-all
 *    (`admin:read` stays unreported).
 * 2. no-broad-oauth-scopes: Snowflake's `session:role:ACCOUNTADMIN` was not reported: the generic signal only matched a
 *    segment starting with `admin`; a part ending in it (not `nonadmin`) is now administrative too.
 * 3. no-hardcoded-secrets: a generic secret in a zod env default (`MERCURY_API_TOKEN: z.string().default("…")`) was
 *    not reported: the context walk stopped at the `.default()` call. It now goes on above a schema's default
 *    (`.default`, `.catch`, envalid's `str({ default })`) to the key that names it.
 * 4. no-hardcoded-secrets: a Mercury token (`secret-token:mercury_production_wma_…`) after `Bearer ` was missed when its
 *    random part had few digits: the identifier check read the whole value, whose words lifted the average. A part of
 *    16+ letters and digits that is no identifier now keeps the value random (`hasRandomPart`).
 * 5. no-hardcoded-secrets: a Fly.io deploy token `FlyV1 fm2_…,fm2_…` in `Authorization` was not reported: the
 *    vendor-scheme reading (`AUTH_SCHEME_VALUE`) did not accept the comma.
 * One stays under "known gaps" as an expected failure:
 * 6. no-hardcoded-secrets: a real-shaped Adyen API key (base64 parts and a tail with `;}%<]`) in `apiKey` is not
 *    reported: `{`, `}`, `<` and `>` are no token characters (they delimit strings, templates and JSX, which the
 *    whole-file prefilter relies on), and no Adyen format is in the reviewed provider data.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { CHARSETS, fakeGenericSecret, fakeToken, lookalike, randomString } from '../support/fake-tokens.js';

// --- values --------------------------------------------------------------------------------------------------------

const hex = (n: number, seed: number): string => randomString(CHARSETS.hex, n, seed);
const b62 = (n: number, seed: number): string => randomString(CHARSETS.b62, n, seed);
const b64 = (n: number, seed: number): string => randomString(CHARSETS.b64, n, seed);
const b64url = (n: number, seed: number): string => randomString(CHARSETS.b64url, n, seed);
const uuid = (seed: number): string => {
  const h = hex(32, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const b64urlJson = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
/** An HS256 JWT with this payload and a random signature. */
const jwt = (payload: object, seed: number): string =>
  `${b64urlJson({ alg: 'HS256', typ: 'JWT' })}.${b64urlJson(payload)}.${b64url(43, seed)}`;
const DASHES = '-'.repeat(5);
const PEM_FOOTER = `${DASHES}END RSA PRIVATE${' KEY'}${DASHES}`;
/** The docs' `sk_live_xxx…` placeholder (all `x`): built here, so no token-shaped text is written in this file. */
const STRIPE_X_PLACEHOLDER = `${'sk'}_live_${'x'.repeat(24)}`;
const SUPABASE_REF = randomString(CHARSETS.lower, 20, 5901);

/** Planted secrets: each must be reported where a case marks it, and never shown in a message. */
const S = {
  linearKey: fakeToken('linear-api-key', 5001),
  linearOauth: fakeToken('linear-oauth-token', 5002),
  notion: fakeToken('notion-token', 5003),
  notionLegacy: fakeToken('notion-legacy-token', 5004),
  stripeSk: fakeToken('stripe-secret-key', 5005),
  stripeRk: fakeToken('stripe-restricted-key', 5006),
  whsec: fakeToken('stripe-webhook-secret', 5007),
  anthropic: fakeToken('anthropic-api-key', 5008),
  anthropicAdmin: fakeToken('anthropic-admin-key', 5009),
  cohere: fakeToken('cohere-api-key', 5010),
  replicate: fakeToken('replicate-api-token', 5011),
  hf: fakeToken('huggingface-token', 5012),
  cfAccount: fakeToken('cloudflare-account-api-token', 5013),
  cfLegacyGlobal: fakeToken('cloudflare-legacy-global-api-key', 5014),
  vercel: fakeToken('vercel-personal-token', 5015),
  vercelGateway: fakeToken('vercel-ai-gateway-key', 5016),
  netlify: fakeToken('netlify-pat', 5017),
  sbSecret: fakeToken('supabase-secret-key', 5018),
  sbAccess: fakeToken('supabase-access-token', 5019),
  firebase: fakeToken('google-api-key', 5020),
  databricks: fakeToken('databricks-token', 5021),
  pinecone: fakeToken('pinecone-api-key', 5022),
  pem: fakeToken('pem-private-key', 5023),
  pemTest: fakeToken('pem-private-key', 5024),
  openai: fakeToken('openai-project-key', 5025),
  googleSecret: fakeToken('google-oauth-client-secret', 5026),
  stripeTest: 'sk' + '_test_' + b62(99, 5027),
  linearKey2: fakeToken('linear-api-key', 5028),
  sbServiceJwt: jwt({ iss: 'supabase', ref: SUPABASE_REF, role: 'service_role', iat: 1767225600, exp: 2082758400 }, 5029),
  notionClientSecret: fakeToken('notion-legacy-token', 5030),
  linearComment: fakeToken('linear-api-key', 5031),
  linearTest: fakeToken('linear-api-key', 5032),
  whsecMock: fakeToken('stripe-webhook-secret', 5033),
  stripeStories: fakeToken('stripe-secret-key', 5034),
  sbEnvExample: jwt({ iss: 'supabase', ref: SUPABASE_REF, role: 'service_role', iat: 1767225600, exp: 2082758400 }, 5035),
  notionEnvExample: fakeToken('notion-token', 5036),
  anthropicSample: fakeToken('anthropic-api-key', 5037),
  hfTest: fakeToken('huggingface-token', 5038),
  replicateEnum: fakeToken('replicate-api-token', 5039),
  pineconeConst: fakeToken('pinecone-api-key', 5040),
  openaiAsConst: fakeToken('openai-project-key', 5041),
  databricksCjs: fakeToken('databricks-token', 5042),
  // provider-less values, reported where the position names a credential
  todoist: hex(40, 5101),
  mistral: b62(32, 5102),
  clickup: 'pk_' + randomString(CHARSETS.digits, 8, 5103) + '_' + randomString(CHARSETS.upperAlnum, 32, 5143),
  plaidSecret: hex(30, 5104),
  plaidAccess: 'access-production-' + uuid(5105),
  // an Adyen API key: two base64 parts and a short tail of printable characters
  adyenKey: 'AQE' + b64(95, 5106) + '==-' + b64(43, 5161) + '=-' + b62(6, 5162) + ';' + b62(2, 5163) + '}%=' + b62(4, 5164),
  flyDeploy: 'fm2_' + b64(180, 5165) + ',fm2_' + b64(180, 5166),
  adyenHmac: randomString(CHARSETS.upperHex, 64, 5107),
  brex: 'bxt_' + b62(40, 5108),
  mercury: 'secret-token:mercury_production_wma_' + b62(40, 5109) + '_yrucrem',
  qbRefresh: 'AB11' + b62(46, 5110),
  nsConsumerSecret: hex(64, 5111),
  nsTokenSecret: hex(64, 5112),
  workdayRefresh: b62(88, 5113),
  workdaySecret: fakeGenericSecret(5114),
  greenhouse: hex(32, 5115),
  lever: fakeGenericSecret(5116),
  bamboo: hex(40, 5117),
  gustoAccess: fakeGenericSecret(5118),
  gustoRefresh: fakeGenericSecret(5119),
  rippling: fakeGenericSecret(5120),
  posthogPersonal: 'phx_' + b62(47, 5121),
  algoliaAdmin: hex(32, 5122),
  paypalSecret: 'E' + b64url(79, 5123),
  atlasPrivateKey: uuid(5124),
  upstash: 'AX' + b64url(62, 5125),
  redisPw: fakeGenericSecret(5126),
  snowflakePw: fakeGenericSecret(5127),
  fly: 'fm2_' + b64(180, 5128),
  render: 'rnd_' + b62(32, 5129),
  mongoPw: fakeGenericSecret(5130),
  snowflakeUrlPw: fakeGenericSecret(5131),
  mistralFallback: fakeGenericSecret(5132),
  zodDefault: fakeGenericSecret(5133),
  enumSecret: fakeGenericSecret(5134),
  privateField: fakeGenericSecret(5135),
  satisfiesKey: fakeGenericSecret(5136),
  devClientSecret: fakeGenericSecret(5137),
  qbPlainRefresh: fakeGenericSecret(5138),
  jsdocFallback: fakeGenericSecret(5139),
  algoliaQuery: hex(32, 5140),
  testGeneric: fakeGenericSecret(5141),
  testUrlPw: fakeGenericSecret(5142),
  upstashDefault: fakeGenericSecret(5144),
  brexStrict: fakeGenericSecret(5145),
  mistralTest: b62(32, 5146),
  todoistTransform: hex(40, 5147),
  cohereLog: fakeGenericSecret(5148),
  workdayClientSecret: fakeGenericSecret(5149),
  gustoStatic: fakeGenericSecret(5150),
  stripeConnectFallback: fakeGenericSecret(5151),
  stripeBasic: fakeToken('stripe-secret-key', 5152),
  workdayAppend: fakeGenericSecret(5153),
  todoistParam: hex(40, 5154),
  leverCtor: fakeGenericSecret(5155),
  pemJson: fakeToken('pem-private-key', 5156),
  plaidExample: hex(30, 5157),
  mistralExample: b62(32, 5158),
  workdayForm: fakeGenericSecret(5159),
  todoistOauthFallback: fakeGenericSecret(5160),
};
/** `Basic` value of Stripe's own scheme: the secret key as the user name, no password. */
const STRIPE_BASIC = Buffer.from(`${S.stripeBasic}:`, 'utf8').toString('base64');
const PLANTED: string[] = [...Object.values(S), STRIPE_BASIC];

/** Random-looking values that are not secrets. */
const N = {
  stripePk: fakeToken('stripe-publishable-key', 5201),
  sbPublishable: fakeToken('supabase-publishable-key', 5202),
  googleClientId: fakeToken('google-oauth-client-id', 5203),
  sbAnonJwt: jwt({ iss: 'supabase', ref: SUPABASE_REF, role: 'anon', iat: 1767225600, exp: 2082758400 }, 5204),
  expiredJwt: jwt({ sub: 'user_42', iss: 'https://auth.acme.io', iat: 1577836800, exp: 1577840400 }, 5205),
  awsKeyId: fakeToken('aws-access-key-id', 5206),
  linearClientId: hex(32, 5207),
  stripeConnectClientId: 'ca_' + b62(32, 5208),
  stripeAcct: 'acct_1' + b62(15, 5209),
  plaidClientId: hex(24, 5210),
  paypalClientId: 'A' + b64url(79, 5211),
  cfZoneId: hex(32, 5212),
  cfAccountId: hex(32, 5213),
  vercelProject: 'prj_' + b62(28, 5214),
  vercelTeam: 'team_' + b62(24, 5215),
  flyMachine: hex(14, 5216),
  renderService: 'srv-' + randomString(CHARSETS.lowerAlnum, 20, 5217),
  commit: hex(40, 5218),
  sha256: hex(64, 5219),
  integrity: 'sha512-' + b64(86, 5220) + '==',
  png: b64(400, 5221),
  objectId: hex(24, 5222),
  notionPageId: hex(32, 5223),
  notionDbId: uuid(5224),
  cursor: uuid(5225),
  idem: hex(32, 5226),
  posthogProject: 'phc_' + b62(43, 5227),
  sshPub: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI' + b64(43, 5228),
  pubKeyPem: `${DASHES}BEGIN PUBLIC KEY${DASHES}\\n${b64(64, 5229)}\\n${b64(64, 5230)}\\n${b64(24, 5231)}\\n${DASHES}END PUBLIC KEY${DASHES}`,
  algoliaAppId: randomString(CHARSETS.upperAlnum, 10, 5232),
  linearLookalike: lookalike('linear-api-key'),
  argon: '$argon2id$v=19$m=65536,t=3,p=4$' + b64(22, 5233) + '$' + b64(43, 5234),
  plaidItemId: b62(37, 5235),
  qbRealmId: '9' + randomString(CHARSETS.digits, 18, 5236),
  ramp: uuid(5237),
  segmentAnon: uuid(5238),
  netsuiteTokenId: hex(64, 5239),
  pineconeHost: 'docs-' + randomString(CHARSETS.lowerAlnum, 7, 5240),
  mercuryAccountId: uuid(5241),
  gitSha7: hex(7, 5242),
  dbxWarehouse: hex(16, 5243),
  clickupTeam: randomString(CHARSETS.digits, 8, 5244),
  brexCardId: 'card_' + b62(24, 5245),
  sfAccount: 'acme-xy' + randomString(CHARSETS.digits, 5, 5246),
  workspaceGid: uuid(5247),
  etag: hex(32, 5248),
};

// --- harness -------------------------------------------------------------------------------------------------------

const RULE: Record<string, string> = {
  hs: 'worker-auth/no-hardcoded-secrets',
  sc: 'worker-auth/no-broad-oauth-scopes',
  ce: 'worker-auth/oauth-credentials-from-env',
  ep: 'worker-auth/oauth-endpoints-https',
  log: 'worker-auth/no-logged-secrets',
  env: 'worker-auth/env-example-in-sync',
  cef: 'worker-auth/no-committed-env-files',
  pci: 'worker-auth/prefer-credential-injection',
};

interface Marked {
  code: string;
  /** `rule:line`, sorted. */
  expected: string[];
  /** `rule:line` → messageId. */
  messageIds: { key: string; messageId: string }[];
}

function marked(source: string): Marked {
  const lines = source.replace(/^\n/, '').split('\n');
  const expected: string[] = [];
  const messageIds: { key: string; messageId: string }[] = [];
  const code = lines
    .map((line, i) =>
      line.replace(/\s*⟦([^⟧]*)⟧\s*$/u, (_m, tags: string) => {
        for (const tag of tags.split(',')) {
          const [head, up] = tag.trim().split('^');
          const [name, messageId] = head!.split(':');
          const rule = RULE[name!];
          if (!rule) throw new Error(`unknown marker ${tag}`);
          const key = `${rule}:${i + 1 - Number(up ?? 0)}`;
          expected.push(key);
          if (messageId) messageIds.push({ key, messageId });
        }
        return '';
      }),
    )
    .join('\n');
  return { code, expected: expected.sort(), messageIds };
}

interface Case {
  readonly name: string;
  /** Path of the linted file inside the project. */
  readonly file: string;
  /** Marked source. */
  readonly code: string;
  readonly config?: 'recommended' | 'strict' | 'all';
  readonly rules?: Linter.RulesRecord;
  /** Other files (`.env.example`…), written as they are. */
  readonly extra?: Record<string, string>;
  /** Dependency range of `@notionhq/workers` in package.json (default `^0.9.2`). */
  readonly sdk?: string;
  /** Extra assertions on the messages. */
  readonly then?: (messages: Linter.LintMessage[], code: string) => void;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function lintCase(c: Case): { messages: Linter.LintMessage[]; spec: Marked } {
  const spec = marked(c.code);
  const root = mkdtempSync(join(tmpdir(), 'worker-auth-heldout5-'));
  roots.push(root);
  const write = (rel: string, text: string): void => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  write(
    'package.json',
    JSON.stringify({ name: 'acme-worker', private: true, type: 'module', dependencies: { '@notionhq/workers': c.sdk ?? '^0.9.2' } }),
  );
  write('.gitignore', 'node_modules\n.env\n.env.*\n!.env.example\n');
  for (const [rel, text] of Object.entries(c.extra ?? {})) write(rel, text);
  write(c.file, spec.code);
  const isTs = /\.[cm]?tsx?$/u.test(c.file);
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: c.file.endsWith('.cjs') ? 'commonjs' : 'module',
        ...(isTs ? { parser: tsParser as unknown as Linter.Parser } : { parserOptions: { ecmaFeatures: { jsx: true } } }),
      },
    },
    plugin.configs[c.config ?? 'recommended'],
  ];
  if (c.rules) config.push({ rules: c.rules });
  const linter = new Linter({ cwd: root });
  const messages = linter.verify(spec.code, config, { filename: join(root, c.file) });
  return { messages, spec };
}

function assertNoLeak(texts: string[]): void {
  for (const text of texts) {
    for (const secret of PLANTED) {
      expect(text.includes(secret), `leaks a planted secret: ${text}`).toBe(false);
      const tail = secret.slice(Math.floor(secret.length * 0.4), -4);
      for (let i = 0; i + 10 <= tail.length; i += 3) {
        expect(text.includes(tail.slice(i, i + 10)), `shows part of a planted secret: ${text}`).toBe(false);
      }
    }
  }
}

const applyFix = (code: string, fix: { range: [number, number]; text: string }): string =>
  code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);

/** The line (1-based) of the first line holding `snippet`. */
function lineOf(code: string, snippet: string): number {
  const line = code.split('\n').findIndex((l) => l.includes(snippet)) + 1;
  expect(line, `snippet ${snippet}`).toBeGreaterThan(0);
  return line;
}

/** The suggestions of the findings of `rule` on the line holding `snippet`. */
function suggestionsAt(messages: Linter.LintMessage[], code: string, rule: string, snippet: string): Linter.LintSuggestion[] {
  const line = lineOf(code, snippet);
  return messages.filter((m) => m.ruleId === RULE[rule] && m.line === line).flatMap((m) => m.suggestions ?? []);
}

/** The texts the findings of `rule` on the line holding `snippet` cover (single-line findings). */
function reportedTexts(messages: Linter.LintMessage[], code: string, rule: string, snippet: string): string[] {
  const lines = code.split('\n');
  const line = lineOf(code, snippet);
  const found = messages.filter((x) => x.ruleId === RULE[rule] && x.line === line);
  expect(found.length, `a ${rule} finding on the line of ${snippet}`).toBeGreaterThan(0);
  return found.map((m) => {
    expect(m.endLine).toBe(m.line);
    return lines[line - 1]!.slice(m.column - 1, m.endColumn! - 1);
  });
}

const reportedText = (messages: Linter.LintMessage[], code: string, rule: string, snippet: string): string =>
  reportedTexts(messages, code, rule, snippet)[0]!;

/** The message of the finding of `rule` on the line holding `snippet`. */
function messageAt(messages: Linter.LintMessage[], code: string, rule: string, snippet: string): string {
  const line = lineOf(code, snippet);
  const m = messages.find((x) => x.ruleId === RULE[rule] && x.line === line);
  expect(m, `a ${rule} finding on the line of ${snippet}`).toBeDefined();
  return m!.message;
}

function check(c: Case): void {
  const { messages, spec } = lintCase(c);
  expect(messages.filter((m) => m.fatal || m.ruleId === null).map((m) => m.message)).toEqual([]);
  assertNoLeak(messages.flatMap((m) => [m.message, ...(m.suggestions ?? []).flatMap((s) => [s.desc, s.fix.text])]));
  const actual = messages.map((m) => `${m.ruleId}:${m.line}`).sort();
  expect(actual, messages.map((m) => `${m.ruleId}:${m.line} ${m.message}`).join('\n')).toEqual(spec.expected);
  for (const { key, messageId } of spec.messageIds) {
    const ids = messages.filter((m) => `${m.ruleId}:${m.line}` === key).map((m) => m.messageId);
    expect(ids, key).toContain(messageId);
  }
  c.then?.(messages, spec.code);
}

const HEAD_TS = `import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;
`;

const HEAD_CRED = `import { CREDENTIAL_VALUE, Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;
`;

const ENV_CLIENT = (name: string): string =>
  `  clientId: process.env.${name}_OAUTH_CLIENT_ID ?? "",\n  clientSecret: process.env.${name}_OAUTH_CLIENT_SECRET ?? "",`;

// --- cases ---------------------------------------------------------------------------------------------------------

const CASES: Case[] = [];
const GAPS: Case[] = [];
/** Gaps this set found, since fixed (each with a comment saying what was wrong). */
const FIXED: Case[] = [];

// ---- worker.credential() and capabilities (SDK 0.9.2) ---------------------------------------------------------------

CASES.push({
  name: 'cred: Linear declared with worker.credential, the tool sends no header: nothing, also in strict',
  file: 'src/index.ts',
  config: 'strict',
  extra: { '.env.example': 'LINEAR_API_KEY=\n' },
  code: `${HEAD_CRED}
worker.credential("LINEAR_API_KEY", {
  network: [{ domain: "api.linear.app", transform: [{ headers: { Authorization: \`Bearer \${CREDENTIAL_VALUE}\` } }] }],
});

worker.tool("myIssues", {
  title: "My Linear issues",
  description: "Lists the open issues assigned to me",
  schema: { type: "object", properties: { first: { type: "number" } }, additionalProperties: false },
  execute: async ({ first = 25 }: { first?: number }) => {
    const res = await fetch("https://api.linear.app/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        query: "query($first: Int) { viewer { assignedIssues(first: $first) { nodes { identifier title url } } } }",
        variables: { first },
      }),
    });
    return JSON.stringify(await res.json());
  },
});
`,
});

CASES.push({
  name: 'cred: a Todoist token written into the credential transform instead of CREDENTIAL_VALUE',
  file: 'src/index.ts',
  code: `${HEAD_CRED}
worker.credential("TODOIST_API_TOKEN", {
  network: [
    {
      domain: "api.todoist.com",
      transform: [{ headers: { Authorization: "Bearer ${S.todoistTransform}" } }], ⟦hs⟧
    },
  ],
});
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'hs', 'transform:')).toBe(S.todoistTransform);
  },
});

CASES.push({
  name: 'cred: a Mistral key with a hardcoded fallback inside execute: hardcodedFallback, the suggestion empties it',
  file: 'src/index.ts',
  extra: { '.env.example': 'MISTRAL_API_KEY=\n' },
  code: `${HEAD_TS}
import { Mistral } from "@mistralai/mistralai";

worker.tool("summarize", {
  title: "Summarize a page",
  description: "Summarizes text with Mistral",
  schema: { type: "object", properties: { text: { type: "string" } }, required: ["text"], additionalProperties: false },
  execute: async ({ text }: { text: string }) => {
    const client = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? "${S.mistralFallback}" }); ⟦hs:hardcodedFallback⟧
    const res = await client.chat.complete({ model: "mistral-small-latest", messages: [{ role: "user", content: \`Summarize:\\n\${text}\` }] });
    return res.choices?.[0]?.message?.content ?? "";
  },
});
`,
  then: (messages, code) => {
    const [sugg] = suggestionsAt(messages, code, 'hs', 'new Mistral');
    expect(applyFix(code, sugg!.fix)).toContain('new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? "" });');
  },
});

CASES.push({
  name: 'pci: a Todoist token read in execute only for a Bearer header; the suggestion declares worker.credential',
  file: 'src/index.ts',
  config: 'strict',
  extra: { '.env.example': 'TODOIST_API_TOKEN=\n' },
  code: `${HEAD_TS}
worker.tool("addTask", {
  title: "Add a Todoist task",
  description: "Creates a task in the Todoist inbox",
  schema: {
    type: "object",
    properties: { content: { type: "string" }, due: { type: "string" } },
    required: ["content"],
    additionalProperties: false,
  },
  execute: async ({ content, due }: { content: string; due?: string }) => {
    const res = await fetch("https://api.todoist.com/rest/v2/tasks", {
      method: "POST",
      headers: { Authorization: \`Bearer \${process.env.TODOIST_API_TOKEN}\`, "Content-Type": "application/json" }, ⟦pci:preferCredential⟧
      body: JSON.stringify({ content, due_string: due }),
    });
    const task = (await res.json()) as { id: string; url: string };
    return task.url;
  },
});
`,
  then: (messages, code) => {
    const m = messages.find((x) => x.ruleId === RULE.pci)!;
    expect(m.message).toContain('api.todoist.com');
    const [sugg] = m.suggestions ?? [];
    expect(sugg, 'a suggestion').toBeDefined();
    const fixed = applyFix(code, sugg!.fix);
    expect(fixed).toContain('worker.credential("TODOIST_API_TOKEN"');
    expect(fixed).toContain('"api.todoist.com"');
    expect(fixed).toMatch(/import \{[^}]*CREDENTIAL_VALUE[^}]*\} from "@notionhq\/workers"/);
    expect(fixed).not.toContain('process.env.TODOIST_API_TOKEN');
  },
});

CASES.push({
  name: 'pci: the ClickUp key is already declared with worker.credential but still sent by hand: reported, no suggestion',
  file: 'src/index.ts',
  config: 'strict',
  extra: { '.env.example': 'CLICKUP_API_TOKEN=\n' },
  code: `${HEAD_CRED}
worker.credential("CLICKUP_API_TOKEN", {
  network: [{ domain: "api.clickup.com", transform: [{ headers: { Authorization: CREDENTIAL_VALUE } }] }],
});

worker.tool("listTasks", {
  title: "ClickUp tasks",
  description: "Lists the open tasks of a ClickUp list",
  schema: { type: "object", properties: { listId: { type: "string" } }, required: ["listId"], additionalProperties: false },
  execute: async ({ listId }: { listId: string }) => {
    const res = await fetch(\`https://api.clickup.com/api/v2/list/\${listId}/task?archived=false\`, {
      headers: { Authorization: process.env.CLICKUP_API_TOKEN ?? "" }, ⟦pci⟧
    });
    return JSON.stringify(await res.json());
  },
});
`,
  then: (messages, code) => {
    expect(suggestionsAt(messages, code, 'pci', 'CLICKUP_API_TOKEN ??')).toEqual([]);
  },
});

CASES.push({
  name: 'pci: Greenhouse Harvest Basic auth built with btoa cannot be templated: not reported',
  file: 'src/recruiting/greenhouse.ts',
  config: 'strict',
  extra: { '.env.example': 'GREENHOUSE_API_KEY=\n' },
  code: `
export const candidates = (page = 1) =>
  fetch(\`https://harvest.greenhouse.io/v1/candidates?per_page=100&page=\${page}\`, {
    headers: { Authorization: \`Basic \${btoa(\`\${process.env.GREENHOUSE_API_KEY}:\`)}\` },
  });
`,
});

CASES.push({
  name: 'pci: a NOTION_* key sent to api.notion.com is reserved by the SDK: not reported',
  file: 'src/notion/search.ts',
  config: 'strict',
  extra: { '.env.example': 'NOTION_API_KEY=\n' },
  code: `
export async function searchPages(query: string) {
  const res = await fetch("https://api.notion.com/v1/search", {
    method: "POST",
    headers: {
      Authorization: \`Bearer \${process.env.NOTION_API_KEY}\`,
      "Notion-Version": "2022-06-28",
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ query, filter: { property: "object", value: "page" } }),
  });
  return (await res.json()) as { results: { id: string }[] };
}
`,
});

CASES.push({
  name: 'pci: an Adyen live endpoint with a run-time host prefix is computed: not reported',
  file: 'src/payments/adyen.ts',
  config: 'strict',
  extra: { '.env.example': 'ADYEN_API_KEY=\nADYEN_LIVE_PREFIX=\n' },
  code: `
const prefix = process.env.ADYEN_LIVE_PREFIX ?? "";

export const createPayment = (body: unknown) =>
  fetch(\`https://\${prefix}-checkout-live.adyenpayments.com/checkout/v71/payments\`, {
    method: "POST",
    headers: { "X-API-Key": process.env.ADYEN_API_KEY ?? "", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
`,
});

CASES.push({
  name: 'pci: an Anthropic key through a const into x-api-key: reported at the read',
  file: 'src/ai/claude.ts',
  config: 'strict',
  extra: { '.env.example': 'ANTHROPIC_API_KEY=\n' },
  code: `
const apiKey = process.env.ANTHROPIC_API_KEY ?? ""; ⟦pci⟧

export async function complete(prompt: string): Promise<string> {
  const res = await fetch("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers: { "x-api-key": apiKey, "anthropic-version": "2023-06-01", "content-type": "application/json" },
    body: JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 1024, messages: [{ role: "user", content: prompt }] }),
  });
  const data = (await res.json()) as { content: { text: string }[] };
  return data.content.map((c) => c.text).join("");
}
`,
  then: (messages, code) => {
    expect(messageAt(messages, code, 'pci', 'const apiKey')).toContain('api.anthropic.com');
  },
});

CASES.push({
  name: 'pci: keys that feed SDK clients (Cohere, Pinecone) are not reported',
  file: 'src/ai/rag.ts',
  config: 'strict',
  extra: { '.env.example': 'CO_API_KEY=\nPINECONE_API_KEY=\n' },
  code: `
import { CohereClient } from "cohere-ai";
import { Pinecone } from "@pinecone-database/pinecone";

const cohere = new CohereClient({ token: process.env.CO_API_KEY ?? "" });
const pinecone = new Pinecone({ apiKey: process.env.PINECONE_API_KEY ?? "" });

export async function search(query: string) {
  const { embeddings } = await cohere.embed({ texts: [query], model: "embed-english-v3.0", inputType: "search_query" });
  const index = pinecone.index("notion-pages");
  return index.query({ vector: (embeddings as number[][])[0]!, topK: 5, includeMetadata: true });
}
`,
});

CASES.push({
  name: 'pci: silent with @notionhq/workers ^0.8.4 (no credential injection yet)',
  file: 'src/banking/mercury.ts',
  config: 'strict',
  sdk: '^0.8.4',
  extra: { '.env.example': 'MERCURY_API_TOKEN=\n' },
  code: `
export const accounts = () =>
  fetch("https://api.mercury.com/api/v1/accounts", { headers: { Authorization: \`Bearer \${process.env.MERCURY_API_TOKEN}\` } });
`,
});

CASES.push({
  name: 'pci: a file with its own CREDENTIAL_VALUE const: the suggestion imports the SDK one as WORKERS_CREDENTIAL_VALUE',
  file: 'src/index.ts',
  config: 'strict',
  extra: { '.env.example': 'RENDER_API_KEY=\n' },
  code: `import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

/** Label shown in the deploy summary. */
const CREDENTIAL_VALUE = "render";

worker.tool("deploys", {
  title: "Render deploys",
  description: \`Recent \${CREDENTIAL_VALUE} deploys of the API service\`,
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const res = await fetch("https://api.render.com/v1/services/${N.renderService}/deploys?limit=5", {
      headers: { Authorization: \`Bearer \${process.env.RENDER_API_KEY}\`, Accept: "application/json" }, ⟦pci⟧
    });
    return JSON.stringify(await res.json());
  },
});
`,
  then: (messages, code) => {
    const [sugg] = suggestionsAt(messages, code, 'pci', 'RENDER_API_KEY');
    expect(sugg, 'a suggestion').toBeDefined();
    const fixed = applyFix(code, sugg!.fix);
    expect(fixed).toContain('WORKERS_CREDENTIAL_VALUE');
    expect(fixed).toContain('worker.credential("RENDER_API_KEY"');
    expect(fixed).toContain('const CREDENTIAL_VALUE = "render";');
  },
});

CASES.push({
  name: 'pci: axios.create({ baseURL, headers }) with a PostHog personal API key: reported at the read',
  file: 'src/analytics/posthog.ts',
  config: 'strict',
  extra: { '.env.example': 'POSTHOG_PERSONAL_API_KEY=\nPOSTHOG_PROJECT_ID=\n' },
  code: `
import axios from "axios";

const posthog = axios.create({
  baseURL: "https://eu.posthog.com",
  headers: { Authorization: \`Bearer \${process.env.POSTHOG_PERSONAL_API_KEY}\` }, ⟦pci⟧
});

export async function weeklyActiveUsers(): Promise<number> {
  const { data } = await posthog.post(\`/api/projects/\${process.env.POSTHOG_PROJECT_ID}/query/\`, {
    query: { kind: "HogQLQuery", query: "select count(distinct person_id) from events where timestamp > now() - interval 7 day" },
  });
  return data.results[0][0];
}
`,
});

CASES.push({
  name: 'pci: the allowHosts option keeps Mercury requests signing themselves',
  file: 'src/banking/mercury-allow.ts',
  config: 'strict',
  rules: { 'worker-auth/prefer-credential-injection': ['error', { allowHosts: ['api.mercury.com'] }] },
  extra: { '.env.example': 'MERCURY_API_TOKEN=\n' },
  code: `
export const transactions = (accountId: string) =>
  fetch(\`https://api.mercury.com/api/v1/account/\${accountId}/transactions?limit=50\`, {
    headers: { Authorization: \`Bearer \${process.env.MERCURY_API_TOKEN}\` },
  });
`,
});

CASES.push({
  name: 'pci: a Hugging Face token sent only to the inference router; recommended reports nothing, strict does',
  file: 'src/ai/hf.js',
  config: 'strict',
  extra: { '.env.example': 'HF_TOKEN=\n' },
  code: `
/**
 * @param {string} text
 * @returns {Promise<number[]>}
 */
export async function embed(text) {
  const res = await fetch("https://router.huggingface.co/hf-inference/models/BAAI/bge-small-en-v1.5/pipeline/feature-extraction", {
    method: "POST",
    headers: { Authorization: \`Bearer \${process.env.HF_TOKEN}\`, "Content-Type": "application/json" }, ⟦pci⟧
    body: JSON.stringify({ inputs: text }),
  });
  return res.json();
}
`,
});

CASES.push({
  name: 'pci: a Brex token also checked for presence is needed by the code: not reported',
  file: 'src/finance/brex.ts',
  config: 'strict',
  extra: { '.env.example': 'BREX_API_TOKEN=\n' },
  code: `
if (!process.env.BREX_API_TOKEN) throw new Error("BREX_API_TOKEN is not set: add it to .env and run ntn workers env push");

export const expenses = () =>
  fetch("https://platform.brexapis.com/v1/expenses/card?limit=100", {
    headers: { Authorization: \`Bearer \${process.env.BREX_API_TOKEN}\` },
  });
`,
});

// ---- worker.oauth(): full form and Notion-managed form ------------------------------------------------------------

CASES.push({
  name: 'oauth: Notion-managed providers ({ name, provider }) have no scopes or secrets in code: nothing',
  file: 'src/index.ts',
  code: `${HEAD_TS}
export const githubAuth = worker.oauth("githubAuth", { name: "github", provider: "github" });
export const googleAuth = worker.oauth("googleAuth", { name: "google", provider: "google" });
export const salesforceAuth = worker.oauth("salesforceAuth", { name: "salesforce", provider: "salesforce" });
`,
});

CASES.push({
  name: 'sc: Linear write is write-all; the message names issues:create and comments:create, no single suggestion',
  file: 'src/index.ts',
  code: `${HEAD_TS}
export const linearAuth = worker.oauth("linear", {
  name: "linear",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: "read,write", ⟦sc⟧
${ENV_CLIENT('LINEAR')}
  authorizationParams: { actor: "app", prompt: "consent" },
});
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'sc', 'scope:')).toBe('write');
    const msg = messageAt(messages, code, 'sc', 'scope:');
    expect(msg).toContain('issues:create');
    expect(msg).toContain('comments:create');
    expect(suggestionsAt(messages, code, 'sc', 'scope:')).toEqual([]);
  },
});

CASES.push({
  name: 'sc: Linear admin in an `as const` scope tuple joined with commas, reported at the array element',
  file: 'src/oauth/linear.ts',
  code: `${HEAD_TS}
const LINEAR_SCOPES = ["read", "issues:create", "admin"] as const; ⟦sc⟧

worker.oauth("linearAdmin", {
  name: "linear-admin",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: LINEAR_SCOPES.join(","),
${ENV_CLIENT('LINEAR_ADMIN')}
});
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'sc', 'LINEAR_SCOPES =')).toMatch(/^"?admin"?$/);
  },
});

CASES.push({
  name: 'sc: Linear read,issues:create,comments:create with actor=app: nothing',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("linearBot", {
  name: "linear-bot",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: "read,issues:create,comments:create",
${ENV_CLIENT('LINEAR_BOT')}
  authorizationParams: { actor: "app" },
});
`,
});

CASES.push({
  name: 'sc: a Linear scope chosen by a conditional: the write branch is reported',
  file: 'src/index.ts',
  code: `${HEAD_TS}
const canWrite = process.env.LINEAR_WRITE_ACCESS === "1";

worker.oauth("linear", {
  name: "linear",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: canWrite ? "read,write" : "read", ⟦sc⟧
${ENV_CLIENT('LINEAR')}
});
`,
});

CASES.push({
  name: 'sc: a scope in a spread const base config is reported where it is written',
  file: 'src/oauth/linear-base.ts',
  code: `${HEAD_TS}
const LINEAR_BASE = {
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: "read,admin", ⟦sc⟧
} as const;

worker.oauth("linearSync", {
  ...LINEAR_BASE,
  name: "linear-sync",
${ENV_CLIENT('LINEAR_SYNC')}
});
`,
});

CASES.push({
  name: 'sc: Stripe Connect read_write → read_only, the suggestion replaces it in place',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("stripeConnect", {
  name: "stripe-connect",
  authorizationEndpoint: "https://connect.stripe.com/oauth/authorize",
  tokenEndpoint: "https://connect.stripe.com/oauth/token",
  scope: "read_write", ⟦sc⟧
${ENV_CLIENT('STRIPE_CONNECT')}
});
`,
  then: (messages, code) => {
    const [sugg] = suggestionsAt(messages, code, 'sc', 'scope:');
    expect(applyFix(code, sugg!.fix)).toContain('scope: "read_only",');
  },
});

CASES.push({
  name: 'sc: Stripe Connect read_only is fine; read_write on the Express authorize path is reported',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("stripeStandard", {
  name: "stripe-standard",
  authorizationEndpoint: "https://connect.stripe.com/oauth/authorize",
  tokenEndpoint: "https://connect.stripe.com/oauth/token",
  scope: "read_only",
${ENV_CLIENT('STRIPE_STANDARD')}
});

worker.oauth("stripeExpress", {
  name: "stripe-express",
  authorizationEndpoint: "https://connect.stripe.com/express/oauth/authorize",
  tokenEndpoint: "https://connect.stripe.com/oauth/token",
  scope: "read_write", ⟦sc⟧
${ENV_CLIENT('STRIPE_EXPRESS')}
});
`,
});

CASES.push({
  name: 'sc: QuickBooks payment scope reported; accounting and OpenID scopes are fine',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("quickbooks", {
  name: "quickbooks",
  authorizationEndpoint: "https://appcenter.intuit.com/connect/oauth2",
  tokenEndpoint: "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
  scope: "com.intuit.quickbooks.accounting com.intuit.quickbooks.payment openid email", ⟦sc⟧
${ENV_CLIENT('QUICKBOOKS')}
});
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'sc', 'scope:')).toBe('com.intuit.quickbooks.payment');
  },
});

CASES.push({
  name: 'sc: ClickUp and the Notion API have no OAuth scopes: nothing',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("clickup", {
  name: "clickup",
  authorizationEndpoint: "https://app.clickup.com/api",
  tokenEndpoint: "https://api.clickup.com/api/v2/oauth/token",
  scope: "",
${ENV_CLIENT('CLICKUP')}
});

worker.oauth("notionPublic", {
  name: "notion-public",
  authorizationEndpoint: "https://api.notion.com/v1/oauth/authorize",
  tokenEndpoint: "https://api.notion.com/v1/oauth/token",
  scope: "",
${ENV_CLIENT('NOTION_PUBLIC')}
  authorizationParams: { owner: "user" },
});
`,
});

CASES.push({
  name: 'sc: Mercury (unknown provider) "read write": the bare write is reported by the generic signal',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("mercury", {
  name: "mercury",
  authorizationEndpoint: "https://oauth2.mercury.com/oauth2/auth",
  tokenEndpoint: "https://oauth2.mercury.com/oauth2/token",
  scope: "offline_access read write", ⟦sc⟧
${ENV_CLIENT('MERCURY')}
});
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'sc', 'scope:')).toBe('write');
  },
});

CASES.push({
  name: 'sc: Hugging Face and Brex (unknown providers) with narrow scopes: no generic signal, nothing',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("huggingface", {
  name: "huggingface",
  authorizationEndpoint: "https://huggingface.co/oauth/authorize",
  tokenEndpoint: "https://huggingface.co/oauth/token",
  scope: "openid profile read-repos inference-api",
${ENV_CLIENT('HUGGINGFACE')}
});

worker.oauth("brex", {
  name: "brex",
  authorizationEndpoint: "https://accounts-api.brex.com/oauth2/default/v1/authorize",
  tokenEndpoint: "https://accounts-api.brex.com/oauth2/default/v1/token",
  scope: "openid offline_access transactions.card.readonly accounts.card.readonly",
${ENV_CLIENT('BREX')}
});
`,
});

CASES.push({
  name: 'sc: the allow option silences Stripe Connect read_write for a platform that must charge',
  file: 'src/index.ts',
  rules: { 'worker-auth/no-broad-oauth-scopes': ['error', { allow: { 'stripe-connect': ['read_write'] } }] },
  code: `${HEAD_TS}
worker.oauth("stripeConnect", {
  name: "stripe-connect",
  authorizationEndpoint: "https://connect.stripe.com/oauth/authorize",
  tokenEndpoint: "https://connect.stripe.com/oauth/token",
  scope: "read_write",
${ENV_CLIENT('STRIPE_CONNECT')}
});
`,
});

CASES.push({
  name: 'sc: maxScopes reports a Gusto request with too many scopes, at the scope value',
  file: 'src/index.ts',
  rules: { 'worker-auth/no-broad-oauth-scopes': ['error', { maxScopes: 3 }] },
  code: `${HEAD_TS}
worker.oauth("gusto", {
  name: "gusto",
  authorizationEndpoint: "https://api.gusto.com/oauth/authorize",
  tokenEndpoint: "https://api.gusto.com/oauth/token",
  scope: "companies:read employees:read payrolls:read jobs:read locations:read", ⟦sc:tooManyScopes⟧
${ENV_CLIENT('GUSTO')}
});
`,
});

CASES.push({
  name: 'sc: forbid reports a scope that company policy bans, on any provider (Rippling)',
  file: 'src/index.ts',
  rules: { 'worker-auth/no-broad-oauth-scopes': ['error', { forbid: ['employees:write'] }] },
  code: `${HEAD_TS}
worker.oauth("rippling", {
  name: "rippling",
  authorizationEndpoint: "https://app.rippling.com/apps/PLATFORM/acme-notion/authorize",
  tokenEndpoint: "https://api.rippling.com/api/o/token/",
  scope: "employees:read employees:write", ⟦sc:forbiddenScope⟧
${ENV_CLIENT('RIPPLING')}
});
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'sc', 'scope:')).toBe('employees:write');
  },
});

CASES.push({
  name: 'ep: a PayPal sandbox token endpoint over http: insecureUrl, the suggestion switches to https',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("paypal", {
  name: "paypal",
  authorizationEndpoint: "https://www.sandbox.paypal.com/signin/authorize",
  tokenEndpoint: "http://api-m.sandbox.paypal.com/v1/oauth2/token", ⟦ep:insecureUrl⟧
  scope: "openid email https://uri.paypal.com/services/paypalattributes",
${ENV_CLIENT('PAYPAL')}
});
`,
  then: (messages, code) => {
    const [sugg] = suggestionsAt(messages, code, 'ep', 'tokenEndpoint:');
    expect(applyFix(code, sugg!.fix)).toContain('tokenEndpoint: "https://api-m.sandbox.paypal.com/v1/oauth2/token",');
  },
});

CASES.push({
  name: 'ep: Snowflake endpoints with a <account> placeholder host and a {account} plain-string placeholder',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("snowflake", {
  name: "snowflake",
  authorizationEndpoint: "https://<account>.snowflakecomputing.com/oauth/authorize", ⟦ep:placeholderUrl⟧
  tokenEndpoint: "https://{account}.snowflakecomputing.com/oauth/token-request", ⟦ep:placeholderUrl⟧
  scope: "session:role:ANALYST refresh_token",
${ENV_CLIENT('SNOWFLAKE')}
});
`,
});

CASES.push({
  name: 'ep: a Workday token endpoint with TODO for the tenant and a relative callback URL',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("workday", {
  name: "workday",
  authorizationEndpoint: "https://wd5-impl.workday.com/acme/authorize",
  tokenEndpoint: "https://wd5-impl-services1.workday.com/ccx/oauth2/TODO/token", ⟦ep:placeholderUrl⟧
  callbackUrl: "/oauth/workday/callback", ⟦ep:notAbsolute⟧
  scope: "",
${ENV_CLIENT('WORKDAY')}
});
`,
});

CASES.push({
  name: 'ep: Intuit local development: an http://localhost callback is allowed, an http://0.0.0.0 one is not',
  file: 'src/oauth/intuit-dev.ts',
  code: `${HEAD_TS}
const dev = process.env.NODE_ENV !== "production";

worker.oauth("quickbooksDev", {
  name: "quickbooks-dev",
  authorizationEndpoint: "https://appcenter.intuit.com/connect/oauth2",
  tokenEndpoint: "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
  callbackUrl: dev ? "http://localhost:8787/oauth/callback" : "https://worker.acme.io/oauth/callback",
  scope: "com.intuit.quickbooks.accounting",
${ENV_CLIENT('QUICKBOOKS_DEV')}
});

export const sandboxCallback = {
  authorizationEndpoint: "https://appcenter.intuit.com/connect/oauth2",
  tokenEndpoint: "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
  redirectUri: "http://0.0.0.0:8787/oauth/callback", ⟦ep⟧
};
`,
});

CASES.push({
  name: 'ep: NetSuite account endpoints: an https template with a run-time account is fine, an http one is reported',
  file: 'src/index.ts',
  code: `${HEAD_TS}
const accountId = (process.env.NETSUITE_ACCOUNT_ID ?? "").toLowerCase().replace(/_/g, "-");

worker.oauth("netsuite", {
  name: "netsuite",
  authorizationEndpoint: \`http://\${accountId}.app.netsuite.com/app/login/oauth2/authorize.nl\`, ⟦ep:insecureUrl⟧
  tokenEndpoint: \`https://\${accountId}.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token\`,
  scope: "rest_webservices",
${ENV_CLIENT('NETSUITE')}
});
`,
});

CASES.push({
  name: 'ep: allowHttpLocalhost off reports a localhost Todoist callback (insecureLocalhost)',
  file: 'src/index.ts',
  rules: { 'worker-auth/oauth-endpoints-https': ['error', { allowHttpLocalhost: false }] },
  code: `${HEAD_TS}
worker.oauth("todoist", {
  name: "todoist",
  authorizationEndpoint: "https://todoist.com/oauth/authorize",
  tokenEndpoint: "https://todoist.com/oauth/access_token",
  callbackUrl: "http://localhost:8787/oauth/callback", ⟦ep:insecureLocalhost⟧
  scope: "data:read",
${ENV_CLIENT('TODOIST')}
});
`,
});

CASES.push({
  name: 'ce: a hardcoded Linear client id (32 hex) is hardcodedClientId only: an id is no secret for hs',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("linear", {
  name: "linear",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: "read",
  clientId: "${N.linearClientId}", ⟦ce:hardcodedClientId⟧
  clientSecret: process.env.LINEAR_OAUTH_CLIENT_SECRET ?? "",
});
`,
  then: (messages, code) => {
    const [sugg] = suggestionsAt(messages, code, 'ce', 'clientId:');
    expect(applyFix(code, sugg!.fix)).toContain('clientId: process.env.LINEAR_OAUTH_CLIENT_ID ?? "",');
  },
});

CASES.push({
  name: 'ce: a Notion public-integration client secret (secret_…) in code: ce and hs, masked',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("notionPublic", {
  name: "notion-public",
  authorizationEndpoint: "https://api.notion.com/v1/oauth/authorize",
  tokenEndpoint: "https://api.notion.com/v1/oauth/token",
  clientId: process.env.NOTION_PUBLIC_OAUTH_CLIENT_ID ?? "",
  clientSecret: "${S.notionClientSecret}", ⟦ce:hardcodedSecret,hs⟧
  authorizationParams: { owner: "user" },
});
`,
});

CASES.push({
  name: 'ce: Stripe Connect: the ca_ client id is hardcodedClientId only, the platform sk_live as secret is ce and hs',
  file: 'src/oauth/stripe-connect.ts',
  code: `${HEAD_TS}
const STRIPE_CONNECT_CLIENT_ID = "${N.stripeConnectClientId}"; ⟦ce:hardcodedClientId⟧
const STRIPE_PLATFORM_KEY = "${S.stripeSk}"; ⟦ce:hardcodedSecret,hs⟧

worker.oauth("stripeConnect", {
  name: "stripe-connect",
  authorizationEndpoint: "https://connect.stripe.com/oauth/authorize",
  tokenEndpoint: "https://connect.stripe.com/oauth/token",
  scope: "read_only",
  clientId: STRIPE_CONNECT_CLIENT_ID,
  clientSecret: STRIPE_PLATFORM_KEY,
});
`,
});

CASES.push({
  name: 'ce: clientId and clientSecret from a zod-parsed env object are run-time values: nothing (and no env reads)',
  file: 'src/index.ts',
  extra: { '.env.example': 'LINEAR_CLIENT_ID=\n' },
  code: `${HEAD_TS}
import { z } from "zod";

const env = z
  .object({
    LINEAR_CLIENT_ID: z.string().min(1),
    LINEAR_CLIENT_SECRET: z.string().min(1),
    LINEAR_SCOPES: z.string().default("read,issues:create"),
  })
  .parse(process.env);

worker.oauth("linear", {
  name: "linear",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: env.LINEAR_SCOPES,
  clientId: env.LINEAR_CLIENT_ID,
  clientSecret: env.LINEAR_CLIENT_SECRET,
});
`,
});

CASES.push({
  name: 'ce: a literal dev secret in the other branch of a conditional: ce and hs at the literal',
  file: 'src/index.ts',
  code: `${HEAD_TS}
const isProd = process.env.NODE_ENV === "production";

worker.oauth("hubspotLike", {
  name: "acme-crm",
  authorizationEndpoint: "https://app.acme-crm.io/oauth/authorize",
  tokenEndpoint: "https://api.acme-crm.io/oauth/token",
  scope: "contacts.read",
  clientId: process.env.ACME_CRM_OAUTH_CLIENT_ID ?? "",
  clientSecret: isProd ? process.env.ACME_CRM_OAUTH_CLIENT_SECRET! : "${S.devClientSecret}", ⟦ce,hs⟧
});
`,
});

CASES.push({
  name: 'ce: a QuickBooks refresh token in a plain OAuth object (authorization + token endpoint keys): ce and hs',
  file: 'src/oauth/qbo-client.ts',
  code: `
export const qboOAuth = {
  authorizationUrl: "https://appcenter.intuit.com/connect/oauth2",
  tokenUrl: "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
  clientId: process.env.QBO_CLIENT_ID ?? "",
  clientSecret: process.env.QBO_CLIENT_SECRET ?? "",
  refreshToken: "${S.qbPlainRefresh}", ⟦ce,hs⟧
  realmId: "${N.qbRealmId}",
};
`,
});

CASES.push({
  name: 'ce: a non-empty Stripe Connect fallback in an env read: hardcodedFallback for both rules',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("stripeConnect", {
  name: "stripe-connect",
  authorizationEndpoint: "https://connect.stripe.com/oauth/authorize",
  tokenEndpoint: "https://connect.stripe.com/oauth/token",
  scope: "read_only",
  clientId: process.env.STRIPE_CONNECT_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.STRIPE_CONNECT_OAUTH_CLIENT_SECRET ?? "${S.stripeConnectFallback}", ⟦ce:hardcodedFallback,hs:hardcodedFallback⟧
});
`,
  then: (messages, code) => {
    const texts = suggestionsAt(messages, code, 'ce', 'clientSecret:').map((s) => applyFix(code, s.fix));
    expect(texts.some((t) => t.includes('clientSecret: process.env.STRIPE_CONNECT_OAUTH_CLIENT_SECRET ?? "",'))).toBe(true);
  },
});

CASES.push({
  name: 'log: the access token of a worker.oauth() handle printed in a tool',
  file: 'src/index.ts',
  code: `${HEAD_TS}
const linearAuth = worker.oauth("linear", {
  name: "linear",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: "read",
${ENV_CLIENT('LINEAR')}
});

worker.tool("whoami", {
  title: "Who am I in Linear",
  description: "Shows the connected Linear user",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const token = await linearAuth.accessToken();
    console.debug("linear token", token); ⟦log:secretLogged⟧
    const res = await fetch("https://api.linear.app/graphql", {
      method: "POST",
      headers: { Authorization: \`Bearer \${token}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ query: "{ viewer { name email } }" }),
    });
    return JSON.stringify(await res.json());
  },
});
`,
});

CASES.push({
  name: 'ce: an OAuth mock in __tests__ with made-up client values: nothing (test files skipped)',
  file: 'src/__tests__/oauth.test.ts',
  extra: { '.env.example': 'LINEAR_OAUTH_CLIENT_ID=\n' },
  code: `
import { describe, expect, it } from "vitest";
import { Worker } from "@notionhq/workers";

describe("linear oauth", () => {
  it("registers the capability", () => {
    const worker = new Worker();
    worker.oauth("linear", {
      name: "linear",
      authorizationEndpoint: "https://linear.app/oauth/authorize",
      tokenEndpoint: "https://api.linear.app/oauth/token",
      scope: "read",
      clientId: "test-client-id",
      clientSecret: "test-client-secret",
    });
    expect(process.env.LINEAR_TEST_WORKSPACE ?? "acme").toBeTruthy();
  });
});
`,
});

// ---- no-hardcoded-secrets: provider tokens, in the code styles of 2026 ----------------------------------------------

CASES.push({
  name: 'hs: a Linear personal key in new LinearClient({ apiKey }); the suggestion names LINEAR_API_KEY',
  file: 'src/linear/client.ts',
  code: `
import { LinearClient } from "@linear/sdk";

export const linear = new LinearClient({ apiKey: "${S.linearKey}" }); ⟦hs:hardcodedSecret⟧

export async function openIssues(teamKey: string) {
  const issues = await linear.issues({ filter: { team: { key: { eq: teamKey } }, state: { type: { nin: ["completed", "canceled"] } } } });
  return issues.nodes.map((i) => ({ id: i.identifier, title: i.title, url: i.url }));
}
`,
  then: (messages, code) => {
    expect(messageAt(messages, code, 'hs', 'new LinearClient')).toContain('LINEAR_API_KEY');
    const [sugg] = suggestionsAt(messages, code, 'hs', 'new LinearClient');
    expect(applyFix(code, sugg!.fix)).toContain('new LinearClient({ apiKey: process.env.LINEAR_API_KEY ?? "" });');
  },
});

CASES.push({
  name: 'hs: a Linear OAuth token in a private class field of a GraphQL client (LINEAR_ACCESS_TOKEN)',
  file: 'src/linear/graphql.ts',
  code: `
export class LinearGraphQL {
  readonly #endpoint = "https://api.linear.app/graphql";
  #token = "${S.linearOauth}"; ⟦hs⟧

  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(this.#endpoint, {
      method: "POST",
      headers: { Authorization: \`Bearer \${this.#token}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T };
    return body.data;
  }
}
`,
  then: (messages, code) => {
    expect(messageAt(messages, code, 'hs', '#token =')).toContain('LINEAR_ACCESS_TOKEN');
  },
});

CASES.push({
  name: 'hs: a Notion ntn_ token in new Client({ auth }) of a .mjs backfill script',
  file: 'scripts/backfill.mjs',
  code: `
import { Client } from "@notionhq/client";

const notion = new Client({ auth: "${S.notion}" }); ⟦hs⟧

for await (const page of iteratePages("${N.notionDbId}")) {
  console.log(page.id);
}

async function* iteratePages(databaseId) {
  let cursor;
  do {
    const res = await notion.databases.query({ database_id: databaseId, start_cursor: cursor, page_size: 100 });
    yield* res.results;
    cursor = res.has_more ? res.next_cursor : undefined;
  } while (cursor);
}
`,
  then: (messages, code) => {
    expect(messageAt(messages, code, 'hs', 'new Client')).toContain('NOTION_TOKEN');
  },
});

CASES.push({
  name: 'hs: a legacy Notion secret_ token as a Bearer header next to Notion-Version',
  file: 'src/notion/raw.ts',
  code: `
const NOTION_HEADERS = {
  Authorization: "Bearer ${S.notionLegacy}", ⟦hs⟧
  "Notion-Version": "2022-06-28",
  "Content-Type": "application/json",
};

export const getPage = (pageId: string) => fetch(\`https://api.notion.com/v1/pages/\${pageId}\`, { headers: NOTION_HEADERS });
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'hs', 'Authorization:')).toBe(S.notionLegacy);
  },
});

CASES.push({
  name: 'hs: Stripe Connect: the platform sk_live in new Stripe() is reported; the connected acct_ id is not',
  file: 'src/billing/stripe.ts',
  code: `
import Stripe from "stripe";

export const stripe = new Stripe("${S.stripeSk}", { apiVersion: "2025-09-30.clover" }); ⟦hs⟧

export async function connectedBalance() {
  return stripe.balance.retrieve({ stripeAccount: "${N.stripeAcct}" });
}
`,
  then: (messages, code) => {
    const [sugg] = suggestionsAt(messages, code, 'hs', 'new Stripe');
    expect(applyFix(code, sugg!.fix)).toContain('new Stripe(process.env.STRIPE_SECRET_KEY ?? "", {');
  },
});

CASES.push({
  name: 'hs: a Stripe restricted key and a webhook signing secret passed to constructEvent',
  file: 'src/billing/webhooks.ts',
  code: `
import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");
const REPORTING_KEY = "${S.stripeRk}"; ⟦hs⟧

export function parseEvent(rawBody: string, signature: string): Stripe.Event {
  return stripe.webhooks.constructEvent(rawBody, signature, "${S.whsec}"); ⟦hs⟧
}

export const reporting = new Stripe(REPORTING_KEY);
`,
  then: (messages, code) => {
    expect(messageAt(messages, code, 'hs', 'constructEvent')).toContain('STRIPE_WEBHOOK_SECRET');
  },
});

CASES.push({
  name: 'hs: a Stripe publishable key, a Supabase publishable key and a Google client id in a TSX page: nothing',
  file: 'src/ui/Checkout.tsx',
  code: `
import { loadStripe } from "@stripe/stripe-js";
import { createClient } from "@supabase/supabase-js";

const stripePromise = loadStripe("${N.stripePk}");
const supabase = createClient("https://${SUPABASE_REF}.supabase.co", "${N.sbPublishable}");

export function Checkout({ priceId }: { priceId: string }) {
  return (
    <div data-google-client-id="${N.googleClientId}">
      <button onClick={async () => (await stripePromise)?.redirectToCheckout({ lineItems: [{ price: priceId, quantity: 1 }], mode: "subscription" })}>
        Subscribe
      </button>
      <small>{supabase ? "connected" : "offline"}</small>
    </div>
  );
}
`,
});

CASES.push({
  name: 'hs: PayPal client secret constant reported; the client id next to it is not',
  file: 'src/payments/paypal.ts',
  code: `
const PAYPAL_CLIENT_ID = "${N.paypalClientId}";
const PAYPAL_CLIENT_SECRET = "${S.paypalSecret}"; ⟦hs⟧

export async function paypalAccessToken(): Promise<string> {
  const res = await fetch("https://api-m.paypal.com/v1/oauth2/token", {
    method: "POST",
    headers: { Authorization: \`Basic \${btoa(\`\${PAYPAL_CLIENT_ID}:\${PAYPAL_CLIENT_SECRET}\`)}\`, "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  return ((await res.json()) as { access_token: string }).access_token;
}
`,
  then: (messages, code) => {
    expect(messageAt(messages, code, 'hs', 'PAYPAL_CLIENT_SECRET =')).toContain('PAYPAL_CLIENT_SECRET');
  },
});

CASES.push({
  name: 'hs: a Plaid secret in the PLAID-SECRET header of the SDK configuration; the client id is not',
  file: 'src/banking/plaid.ts',
  code: `
import { Configuration, PlaidApi, PlaidEnvironments } from "plaid";

export const plaid = new PlaidApi(
  new Configuration({
    basePath: PlaidEnvironments.production,
    baseOptions: {
      headers: {
        "PLAID-CLIENT-ID": "${N.plaidClientId}",
        "PLAID-SECRET": "${S.plaidSecret}", ⟦hs⟧
        "Plaid-Version": "2020-09-14",
      },
    },
  }),
);
`,
});

CASES.push({
  name: 'hs: a Plaid access token (access-production-…) in a sync request; the item id is not',
  file: 'src/banking/plaid-sync.ts',
  code: `
import { plaid } from "./plaid";

export async function syncTransactions(cursor?: string) {
  const { data } = await plaid.transactionsSync({
    access_token: "${S.plaidAccess}", ⟦hs⟧
    cursor,
    count: 250,
  });
  return { itemId: "${N.plaidItemId}", added: data.added, next: data.next_cursor };
}
`,
});

CASES.push({
  name: 'hs: an Adyen webhook HMAC key constant is reported; the live endpoint prefix is not',
  file: 'src/payments/adyen-client.ts',
  code: `
import { Client, CheckoutAPI, hmacValidator } from "@adyen/api-library";

const client = new Client({
  apiKey: process.env.ADYEN_API_KEY ?? "",
  environment: "LIVE",
  liveEndpointUrlPrefix: "${N.flyMachine}-AcmeNotion",
});
export const checkout = new CheckoutAPI(client);

const ADYEN_HMAC_KEY = "${S.adyenHmac}"; ⟦hs⟧
const validator = new hmacValidator();
export const isValidNotification = (item: Record<string, unknown>) => validator.validateHMAC(item as never, ADYEN_HMAC_KEY);
`,
});

CASES.push({
  name: 'hs: a Brex token after Bearer in a finance config module; the Mercury account id and a Brex card id are not',
  file: 'src/finance/config.ts',
  code: `
export const finance = {
  brex: {
    baseUrl: "https://platform.brexapis.com",
    headers: { Authorization: "Bearer ${S.brex}" }, ⟦hs⟧
  },
  mercury: {
    baseUrl: "https://api.mercury.com/api/v1",
    headers: { Authorization: \`Bearer \${process.env.MERCURY_API_TOKEN ?? ""}\` },
    accountId: "${N.mercuryAccountId}",
  },
  brexCard: "${N.brexCardId}",
};
`,
});

CASES.push({
  name: 'hs: a QuickBooks refresh token passed to setToken() of intuit-oauth; the realm id is not',
  file: 'src/accounting/qbo.js',
  code: `
import OAuthClient from "intuit-oauth";

const oauthClient = new OAuthClient({
  clientId: process.env.QBO_CLIENT_ID,
  clientSecret: process.env.QBO_CLIENT_SECRET,
  environment: "production",
  redirectUri: "https://worker.acme.io/oauth/qbo/callback",
});

oauthClient.setToken({
  token_type: "bearer",
  refresh_token: "${S.qbRefresh}", ⟦hs⟧
  realmId: "${N.qbRealmId}",
});

export default oauthClient;
`,
});

CASES.push({
  name: 'hs: NetSuite token-based auth: the consumer secret and token secret are reported, the token id is not',
  file: 'src/erp/netsuite.ts',
  code: `
import OAuth from "oauth-1.0a";
import { createHmac } from "node:crypto";

const tba = {
  consumerKey: process.env.NETSUITE_CONSUMER_KEY ?? "",
  consumerSecret: "${S.nsConsumerSecret}", ⟦hs⟧
  tokenId: "${N.netsuiteTokenId}",
  tokenSecret: "${S.nsTokenSecret}", ⟦hs⟧
  realm: "1234567_SB1",
};

export const oauth = new OAuth({
  consumer: { key: tba.consumerKey, secret: tba.consumerSecret },
  signature_method: "HMAC-SHA256",
  hash_function: (base, key) => createHmac("sha256", key).update(base).digest("base64"),
});
`,
});

CASES.push({
  name: 'hs: a Workday client secret and refresh token in a config object with only a token URL',
  file: 'src/hr/workday.config.ts',
  code: `
export const workday = {
  tenant: "acme",
  tokenUrl: "https://wd5-services1.workday.com/ccx/oauth2/acme/token",
  restBase: "https://wd5-services1.workday.com/ccx/api/v1/acme",
  clientId: process.env.WORKDAY_CLIENT_ID ?? "",
  clientSecret: "${S.workdayClientSecret}", ⟦hs⟧
  refreshToken: "${S.workdayRefresh}", ⟦hs⟧
} satisfies { tenant: string; tokenUrl: string; restBase: string; clientId: string; clientSecret: string; refreshToken: string };
`,
});

CASES.push({
  name: 'hs: Greenhouse and BambooHR keys in a recruiting config; Lever key through a const used as the Basic username',
  file: 'src/recruiting/keys.ts',
  code: `
export const GREENHOUSE_HARVEST_API_KEY = "${S.greenhouse}"; ⟦hs⟧
const LEVER_API_KEY = "${S.lever}"; ⟦hs⟧

export const bamboo = { subdomain: "acme", apiKey: "${S.bamboo}" }; ⟦hs⟧

export const leverPostings = () =>
  fetch("https://api.lever.co/v1/postings?state=published", {
    headers: { Authorization: \`Basic \${Buffer.from(\`\${LEVER_API_KEY}:\`).toString("base64")}\` },
  });
`,
});

CASES.push({
  name: 'hs: Gusto tokens in a token-store seed and a Rippling Bearer in axios.create',
  file: 'src/hr/tokens.ts',
  code: `
import axios from "axios";

export const gustoSeed = {
  companyId: "${N.workspaceGid}",
  access_token: "${S.gustoAccess}", ⟦hs⟧
  refresh_token: "${S.gustoRefresh}", ⟦hs⟧
  expires_in: 7200,
};

export const rippling = axios.create({
  baseURL: "https://api.rippling.com/platform/api",
  headers: { Authorization: "Bearer ${S.rippling}", Accept: "application/json" }, ⟦hs⟧
});
`,
});

CASES.push({
  name: 'hs: a PostHog personal phx_ key is reported; the phc_ project key in new PostHog() is public',
  file: 'src/analytics/posthog-node.ts',
  code: `
import { PostHog } from "posthog-node";

export const posthog = new PostHog("${N.posthogProject}", { host: "https://eu.i.posthog.com" });

export const insights = () =>
  fetch("https://eu.posthog.com/api/projects/@current/insights/?limit=10", {
    headers: { Authorization: "Bearer ${S.posthogPersonal}" }, ⟦hs⟧
  });
`,
});

CASES.push({
  name: 'hs: an Algolia admin key in the x-algolia-api-key query parameter, at its own columns; the app id is not',
  file: 'src/search/algolia-url.ts',
  code: `
const APP = "${N.algoliaAppId}";

export const browse = (index: string) =>
  fetch(\`https://\${APP}-dsn.algolia.net/1/indexes/\${index}/browse?x-algolia-application-id=\${APP}&x-algolia-api-key=${S.algoliaQuery}\`); ⟦hs⟧
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'hs', 'x-algolia-api-key=')).toBe(S.algoliaQuery);
  },
});

CASES.push({
  name: 'hs: a Pinecone key in a const and an index host next to it',
  file: 'src/ai/pinecone.ts',
  code: `
import { Pinecone } from "@pinecone-database/pinecone";

const PINECONE_API_KEY = "${S.pineconeConst}"; ⟦hs⟧
export const pc = new Pinecone({ apiKey: PINECONE_API_KEY });
export const index = pc.index("notion-pages", "https://${N.pineconeHost}.svc.aped-4627-b74a.pinecone.io");
`,
});

CASES.push({
  name: 'hs: an AI provider map `as const` with Anthropic and OpenAI keys, one finding each',
  file: 'src/ai/providers.ts',
  code: `
export const PROVIDERS = {
  anthropic: { baseURL: "https://api.anthropic.com", model: "claude-sonnet-4-5", apiKey: "${S.anthropic}" }, ⟦hs⟧
  openai: { baseURL: "https://api.openai.com/v1", model: "gpt-5-mini", apiKey: "${S.openaiAsConst}" }, ⟦hs⟧
  local: { baseURL: "http://localhost:11434/v1", model: "llama3.2", apiKey: "ollama" },
} as const;

export type ProviderName = keyof typeof PROVIDERS;
`,
});

CASES.push({
  name: 'hs: an Anthropic Admin key in a usage-report script (ANTHROPIC_ADMIN_KEY)',
  file: 'scripts/usage-report.ts',
  code: `
const ADMIN_KEY = "${S.anthropicAdmin}"; ⟦hs⟧

const res = await fetch("https://api.anthropic.com/v1/organizations/usage_report/messages?starting_at=2026-01-01T00:00:00Z", {
  headers: { "x-api-key": ADMIN_KEY, "anthropic-version": "2023-06-01" },
});
console.log(await res.json());
`,
  then: (messages, code) => {
    expect(messageAt(messages, code, 'hs', 'ADMIN_KEY =')).toContain('ANTHROPIC_ADMIN_KEY');
  },
});

CASES.push({
  name: 'hs: Cohere (token) and Mistral (apiKey) keys without a prefix, reported by position',
  file: 'src/ai/clients.ts',
  code: `
import { CohereClient } from "cohere-ai";
import { Mistral } from "@mistralai/mistralai";

export const cohere = new CohereClient({ token: "${S.cohere}" }); ⟦hs⟧
export const mistral = new Mistral({ apiKey: "${S.mistral}" }); ⟦hs⟧
`,
});

CASES.push({
  name: 'hs: a Replicate token as an enum member: reported, no suggestion (enum members stay literals)',
  file: 'src/ai/keys.ts',
  code: `
export enum ModelKeys {
  Replicate = "${S.replicateEnum}", ⟦hs⟧
  Model = "black-forest-labs/flux-schnell",
}
`,
  then: (messages, code) => {
    expect(suggestionsAt(messages, code, 'hs', 'Replicate =')).toEqual([]);
  },
});

CASES.push({
  name: 'hs: a Hugging Face token in new HfInference() and a Replicate token in new Replicate({ auth })',
  file: 'src/ai/media.ts',
  code: `
import { HfInference } from "@huggingface/inference";
import Replicate from "replicate";

export const hf = new HfInference("${S.hf}"); ⟦hs⟧
export const replicate = new Replicate({ auth: "${S.replicate}" }); ⟦hs⟧
`,
  then: (messages, code) => {
    expect(messageAt(messages, code, 'hs', 'HfInference(')).toContain('HF_TOKEN');
    expect(messageAt(messages, code, 'hs', 'new Replicate')).toContain('REPLICATE_API_TOKEN');
  },
});

CASES.push({
  name: 'hs: a Cloudflare account token and a legacy Global API key in X-Auth-Key; zone and account ids are not',
  file: 'scripts/purge-cache.mjs',
  code: `
const ZONE_ID = "${N.cfZoneId}";
const ACCOUNT_ID = "${N.cfAccountId}";
const CF_API_TOKEN = "${S.cfAccount}"; ⟦hs⟧

await fetch(\`https://api.cloudflare.com/client/v4/zones/\${ZONE_ID}/purge_cache\`, {
  method: "POST",
  headers: { Authorization: \`Bearer \${CF_API_TOKEN}\`, "Content-Type": "application/json" },
  body: JSON.stringify({ purge_everything: true }),
});

await fetch(\`https://api.cloudflare.com/client/v4/accounts/\${ACCOUNT_ID}/workers/scripts\`, {
  headers: { "X-Auth-Email": "ops@acme.io", "X-Auth-Key": "${S.cfLegacyGlobal}" }, ⟦hs⟧
});
`,
});

CASES.push({
  name: 'hs: Vercel and Netlify deploy tokens in a deploy script; project, team and site ids are not',
  file: 'scripts/deploy-preview.ts',
  code: `
const VERCEL_TOKEN = "${S.vercel}"; ⟦hs⟧
const projectId = "${N.vercelProject}";
const teamId = "${N.vercelTeam}";

await fetch(\`https://api.vercel.com/v13/deployments?teamId=\${teamId}\`, {
  method: "POST",
  headers: { Authorization: \`Bearer \${VERCEL_TOKEN}\` },
  body: JSON.stringify({ name: "notion-worker-docs", project: projectId, target: "preview" }),
});

export const netlify = { siteId: "${N.workspaceGid}", authToken: "${S.netlify}" }; ⟦hs⟧
`,
});

CASES.push({
  name: 'hs: a Fly.io token after its own FlyV1 scheme; the machine id is not',
  file: 'scripts/restart-machine.ts',
  code: `
const APP = "acme-notion-sync";
const MACHINE = "${N.flyMachine}";

await fetch(\`https://api.machines.dev/v1/apps/\${APP}/machines/\${MACHINE}/restart\`, {
  method: "POST",
  headers: { Authorization: "FlyV1 ${S.fly}" }, ⟦hs⟧
});
`,
});

CASES.push({
  name: 'hs: a Render API key after Bearer in a class-based client with a static field',
  file: 'src/infra/render.ts',
  code: `
export class RenderClient {
  static readonly BASE = "https://api.render.com/v1";
  private static readonly API_KEY = "${S.render}"; ⟦hs⟧

  constructor(private readonly serviceId = "${N.renderService}") {}

  deploy(): Promise<Response> {
    return fetch(\`\${RenderClient.BASE}/services/\${this.serviceId}/deploys\`, {
      method: "POST",
      headers: { Authorization: \`Bearer \${RenderClient.API_KEY}\` },
    });
  }
}
`,
});

CASES.push({
  name: 'hs: a Supabase secret key and a service_role JWT are reported; the anon JWT fallback and sb_publishable_ are not',
  file: 'src/db/supabase.ts',
  code: `
import { createClient } from "@supabase/supabase-js";

const SUPABASE_URL = "https://${SUPABASE_REF}.supabase.co";

export const admin = createClient(SUPABASE_URL, "${S.sbSecret}"); ⟦hs⟧
export const legacyAdmin = createClient(SUPABASE_URL, "${S.sbServiceJwt}"); ⟦hs⟧
export const anon = createClient(SUPABASE_URL, process.env.SUPABASE_ANON_KEY ?? "${N.sbAnonJwt}");
export const browser = createClient(SUPABASE_URL, "${N.sbPublishable}");
`,
});

CASES.push({
  name: 'hs: a Firebase web config apiKey (AIza…) is reported by default',
  file: 'src/firebase/client.ts',
  code: `
import { initializeApp } from "firebase/app";

export const app = initializeApp({
  apiKey: "${S.firebase}", ⟦hs⟧
  authDomain: "acme-notion.firebaseapp.com",
  projectId: "acme-notion",
  storageBucket: "acme-notion.appspot.com",
  messagingSenderId: "81234567890",
  appId: "1:81234567890:web:${N.gitSha7}${N.flyMachine}",
});
`,
});

CASES.push({
  name: 'hs: ignoreProviders google-api-key keeps the Firebase web config quiet',
  file: 'src/firebase/client-ignored.ts',
  rules: { 'worker-auth/no-hardcoded-secrets': ['error', { ignoreProviders: ['google-api-key'] }] },
  code: `
import { initializeApp } from "firebase/app";

export const app = initializeApp({
  apiKey: "${S.firebase}",
  authDomain: "acme-notion.firebaseapp.com",
  projectId: "acme-notion",
});
`,
});

CASES.push({
  name: 'hs: a Firebase Admin service account inline: the private key is one finding, private_key_id and client_id are not',
  file: 'src/firebase/admin.ts',
  code: `
import { cert, initializeApp } from "firebase-admin/app";

export const adminApp = initializeApp({
  credential: cert({
    projectId: "acme-notion",
    clientEmail: "firebase-adminsdk-x1y2z@acme-notion.iam.gserviceaccount.com",
    privateKey: "${S.pem.replace(/\n/g, '\\n')}\\n${PEM_FOOTER}\\n", ⟦hs⟧
  }),
});

export const serviceAccountMeta = { private_key_id: "${N.commit}", client_id: "10${N.qbRealmId}" };
`,
  then: (messages, code) => {
    expect(messageAt(messages, code, 'hs', 'privateKey:')).toContain('PRIVATE_KEY');
  },
});

CASES.push({
  name: 'hs: a MongoDB Atlas URI password and an Atlas Admin API private key (a UUID in a credential position)',
  file: 'src/db/mongo.ts',
  code: `
import { MongoClient } from "mongodb";

export const mongo = new MongoClient("mongodb+srv://notion-sync:${S.mongoPw}@cluster0.a1b2c3.mongodb.net/?retryWrites=true&w=majority&appName=notion-sync"); ⟦hs⟧

export const atlasAdmin = {
  publicKey: "abcdwxyz",
  privateKey: "${S.atlasPrivateKey}", ⟦hs⟧
  groupId: "${N.objectId}",
};
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'hs', 'mongodb+srv://')).toBe(S.mongoPw);
  },
});

CASES.push({
  name: 'hs: Upstash Redis: a REST token in new Redis({ url, token }) and a password in the rediss:// URL',
  file: 'src/cache/upstash.ts',
  code: `
import { Redis } from "@upstash/redis";
import IORedis from "ioredis";

export const redis = new Redis({ url: "https://eu1-fluent-gecko-38211.upstash.io", token: "${S.upstash}" }); ⟦hs⟧
export const queue = new IORedis("rediss://default:${S.redisPw}@eu1-fluent-gecko-38211.upstash.io:6379"); ⟦hs⟧
`,
});

CASES.push({
  name: 'hs: Snowflake: a password and a key-pair private key in createConnection; the account is not',
  file: 'src/warehouse/snowflake.ts',
  code: `
import snowflake from "snowflake-sdk";

export const conn = snowflake.createConnection({
  account: "${N.sfAccount}",
  username: "NOTION_SYNC",
  password: "${S.snowflakePw}", ⟦hs⟧
  warehouse: "COMPUTE_WH",
  database: "ANALYTICS",
});

export const keyPairConn = snowflake.createConnection({
  account: "${N.sfAccount}",
  username: "NOTION_SYNC_SVC",
  authenticator: "SNOWFLAKE_JWT",
  privateKey: "${S.pemTest.replace(/\n/g, '\\n')}\\n${PEM_FOOTER}", ⟦hs⟧
});
`,
});

CASES.push({
  name: 'hs: a Snowflake connection URL password, at its own columns',
  file: 'src/warehouse/url.ts',
  code: `
export const SNOWFLAKE_URL = "snowflake://notion_sync:${S.snowflakeUrlPw}@${N.sfAccount}/ANALYTICS/PUBLIC?warehouse=COMPUTE_WH&role=ANALYST"; ⟦hs⟧
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'hs', 'snowflake://')).toBe(S.snowflakeUrlPw);
  },
});

CASES.push({
  name: 'hs: a Databricks token in DBSQLClient.connect(); the warehouse path is not',
  file: 'src/warehouse/databricks.ts',
  code: `
import { DBSQLClient } from "@databricks/sql";

const client = new DBSQLClient();
export const session = await client
  .connect({
    host: "acme-prod.cloud.databricks.com",
    path: "/sql/1.0/warehouses/${N.dbxWarehouse}",
    token: "${S.databricks}", ⟦hs⟧
  })
  .then((c) => c.openSession());
`,
});

CASES.push({
  name: 'hs: a Todoist token (40 hex) after Bearer in an async generator paginating tasks',
  file: 'src/todoist/tasks.ts',
  code: `
export async function* allTasks(projectId: string): AsyncGenerator<{ id: string; content: string }> {
  let cursor: string | null = null;
  do {
    const url = new URL("https://api.todoist.com/api/v1/tasks");
    url.searchParams.set("project_id", projectId);
    if (cursor) url.searchParams.set("cursor", cursor);
    const res = await fetch(url, { headers: { Authorization: "Bearer ${S.todoist}" } }); ⟦hs⟧
    const page = (await res.json()) as { results: { id: string; content: string }[]; next_cursor: string | null };
    yield* page.results;
    cursor = page.next_cursor;
  } while (cursor);
}
`,
});

CASES.push({
  name: 'hs: a `satisfies` config module with a Gusto key in a credential position',
  file: 'src/config.ts',
  code: `
interface WorkerConfig {
  gusto: { apiBase: string; apiToken: string };
  notion: { databaseId: string };
}

export const config = {
  gusto: { apiBase: "https://api.gusto.com/v1", apiToken: "${S.satisfiesKey}" }, ⟦hs⟧
  notion: { databaseId: "${N.notionDbId}" },
} satisfies WorkerConfig;
`,
  then: (messages, code) => {
    const [sugg] = suggestionsAt(messages, code, 'hs', 'apiToken: "');
    expect(sugg, 'a suggestion').toBeDefined();
    expect(applyFix(code, sugg!.fix)).toMatch(/apiToken: process\.env\.[A-Z_]+ \?\? "" \}/);
  },
});

CASES.push({
  name: 'hs: a generic secret in an enum member named after a credential',
  file: 'src/finance/enums.ts',
  code: `
export enum BrexConfig {
  BaseUrl = "https://platform.brexapis.com",
  ApiToken = "${S.enumSecret}", ⟦hs⟧
}
`,
});

CASES.push({
  name: 'hs: a private class field holding a Rippling API key (#apiKey)',
  file: 'src/hr/rippling-client.ts',
  code: `
export class RipplingClient {
  #apiKey = "${S.privateField}"; ⟦hs⟧
  #base = "https://api.rippling.com/platform/api";

  employees(): Promise<Response> {
    return fetch(\`\${this.#base}/employees?limit=100\`, { headers: { Authorization: \`Bearer \${this.#apiKey}\` } });
  }
}
`,
});

CASES.push({
  name: 'hs: a JSDoc-typed .js helper with a hardcoded || fallback for an Upstash token',
  file: 'src/cache/upstash-rest.js',
  code: `
/** @typedef {{ result: unknown }} UpstashResponse */

/**
 * Runs one Redis command through the Upstash REST API.
 * @param {string[]} command
 * @returns {Promise<UpstashResponse>}
 */
export async function redisCommand(command) {
  const token = process.env.UPSTASH_REDIS_REST_TOKEN || "${S.upstashDefault}"; ⟦hs:hardcodedFallback⟧
  const res = await fetch("https://eu1-fluent-gecko-38211.upstash.io", {
    method: "POST",
    headers: { Authorization: \`Bearer \${token}\` },
    body: JSON.stringify(command),
  });
  return res.json();
}
`,
});

CASES.push({
  name: 'hs: a zod env schema whose default is a real-format Linear key: reported inside the default',
  file: 'src/env.ts',
  code: `
import { z } from "zod";

export const env = z
  .object({
    LINEAR_API_KEY: z.string().default("${S.linearKey2}"), ⟦hs⟧
    LINEAR_TEAM_KEY: z.string().default("ENG"),
    NOTION_DATABASE_ID: z.string().uuid(),
  })
  .parse(process.env);
`,
});

CASES.push({
  name: 'hs: a Linear key left in a JSDoc @example: secretInComment, no suggestion',
  file: 'src/linear/docs.ts',
  code: `
/**
 * Creates an issue in the given team.
 *
 * @example
 *   const linear = new LinearClient({ apiKey: "${S.linearComment}" }); ⟦hs:secretInComment⟧
 *   await createIssue(linear, "ENG", "Broken sync");
 */
export async function createIssue(linear: { createIssue: (input: object) => Promise<unknown> }, teamId: string, title: string) {
  return linear.createIssue({ teamId, title });
}
`,
  then: (messages, code) => {
    expect(suggestionsAt(messages, code, 'hs', 'new LinearClient')).toEqual([]);
  },
});

CASES.push({
  name: 'hs: allowPatterns ^sk_test_ lets a Stripe test key through; the live key is still reported',
  file: 'src/billing/keys.ts',
  rules: { 'worker-auth/no-hardcoded-secrets': ['error', { allowPatterns: ['^sk_test_'] }] },
  code: `
export const STRIPE_KEYS = {
  test: "${S.stripeTest}",
  live: "${S.stripeSk}", ⟦hs⟧
};
`,
});

// ---- precision: placeholders, README-like comments, redacted values and look-alikes ---------------------------------

CASES.push({
  name: 'precision: README-like setup comments with placeholder keys (xxxx, <your-…>, ${VAR}, …) report nothing',
  file: 'src/linear/README.ts',
  code: `
/**
 * Linear integration.
 *
 * Setup:
 *   1. Create a personal API key at https://linear.app/settings/account/security (it starts with \`lin_api_\`).
 *   2. Put it in \`.env\`: LINEAR_API_KEY=<your-linear-api-key>
 *   3. Push it: \`ntn workers env push\`
 *
 * @example
 *   const linear = new LinearClient({ apiKey: "lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" });
 *   // curl -H "Authorization: Bearer \${LINEAR_API_KEY}" https://api.linear.app/graphql
 *   // STRIPE_SECRET_KEY=sk_live_...   (Stripe dashboard → Developers → API keys)
 *   // CLICKUP_API_TOKEN=pk_XXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
 */
export const LINEAR_DOCS = "https://linear.app/developers/graphql";
`,
});

CASES.push({
  name: 'precision: placeholder values in credential positions (YOUR_…, <…>, ${…}, {{…}}, ****, cut short)',
  file: 'src/config/placeholders.ts',
  code: `
export const examples = {
  linear: { apiKey: "YOUR_LINEAR_API_KEY" },
  clickup: { headers: { Authorization: "<your-clickup-token>" } },
  notion: { headers: { Authorization: "Bearer \${NOTION_TOKEN}" } },
  stripe: { secretKey: "${STRIPE_X_PLACEHOLDER}" },
  stripeRedacted: { secretKey: "sk_live_****************4242" },
  mercury: { token: "{{ secrets.MERCURY_API_TOKEN }}" },
  anthropic: { apiKey: "sk-ant-api03-..." },
  supabase: { serviceRoleKey: "eyJhbGciOi…" },
};
`,
});

CASES.push({
  name: 'precision: zod schemas and regexes describing token formats are not tokens',
  file: 'src/env-schema.ts',
  code: `
import { z } from "zod";

export const EnvSchema = z.object({
  LINEAR_API_KEY: z.string().startsWith("lin_api_"),
  STRIPE_SECRET_KEY: z.string().regex(/^sk_(live|test)_[A-Za-z0-9]{24,247}$/),
  CLICKUP_API_TOKEN: z.string().regex(/^pk_\\d+_[A-Z0-9]{32}$/),
  NOTION_TOKEN: z.string().regex(/^(ntn_|secret_)[A-Za-z0-9]{43,46}$/),
  ANTHROPIC_API_KEY: z.string().min(20).describe("Anthropic key, starts with sk-ant-"),
});
export type Env = z.infer<typeof EnvSchema>;
`,
});

// ---- precision: false-positive bait ------------------------------------------------------------------------------

CASES.push({
  name: 'precision: Notion ids, cursors, a git commit, an ETag and an Idempotency-Key in a sync capability',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.sync("linearIssues", {
  title: "Linear issues",
  description: "Mirrors Linear issues into a Notion database",
  databaseId: "${N.notionDbId}",
  parentPageId: "${N.notionPageId}",
  execute: async (state?: { cursor?: string }) => {
    const startCursor = state?.cursor ?? "${N.cursor}";
    const res = await fetch("https://api.acme-mirror.io/v1/issues", {
      method: "POST",
      headers: { "Idempotency-Key": "${N.idem}", "If-None-Match": "\\"${N.etag}\\"", "X-Build-Commit": "${N.commit}" },
      body: JSON.stringify({ start_cursor: startCursor, nextPageToken: "${N.cursor}" }),
    });
    return { changes: await res.json(), state: { cursor: startCursor }, hasMore: false };
  },
});
`,
});

CASES.push({
  name: 'precision: hashes and digests: sha256 checksum, SRI integrity, a short git sha, an argon2id hash',
  file: 'src/assets/manifest.ts',
  code: `
export const manifest = {
  bundle: { file: "worker.js", sha256: "${N.sha256}", integrity: "${N.integrity}" },
  build: { gitSha: "${N.gitSha7}", commit: "${N.commit}" },
  seedAdmin: { email: "admin@acme.io", passwordHash: "${N.argon}" },
};
`,
});

CASES.push({
  name: 'precision: public keys (a PEM public key for webhook signatures, an ssh-ed25519 deploy key)',
  file: 'src/webhooks/verify.ts',
  code: `
import { createPublicKey, verify } from "node:crypto";

const WEBHOOK_PUBLIC_KEY = "${N.pubKeyPem}";
export const DEPLOY_KEY = "${N.sshPub} deploy@acme.io";

export const verifySignature = (payload: string, signature: string) =>
  verify(null, Buffer.from(payload), createPublicKey(WEBHOOK_PUBLIC_KEY), Buffer.from(signature, "base64"));
`,
});

CASES.push({
  name: 'precision: a Stripe publishable key and a Supabase anon key as env fallbacks are public',
  file: 'src/public-config.ts',
  code: `
export const publicConfig = {
  stripePublishableKey: process.env.STRIPE_PUBLISHABLE_KEY ?? "${N.stripePk}",
  supabaseAnonKey: process.env.SUPABASE_ANON_KEY ?? "${N.sbAnonJwt}",
  supabaseUrl: "https://${SUPABASE_REF}.supabase.co",
};
`,
});

CASES.push({
  name: 'precision: webhook URLs without secrets, a Pinecone host and analytics ids',
  file: 'src/integrations/urls.ts',
  code: `
export const urls = {
  linearWebhook: "https://worker.acme.io/webhooks/linear",
  notionWebhook: "https://worker.acme.io/webhooks/notion?source=workspace",
  pinecone: "https://${N.pineconeHost}.svc.aped-4627-b74a.pinecone.io",
  segmentAnonymousId: "${N.segmentAnon}",
  clickupTeamId: "${N.clickupTeam}",
  rampUserId: "${N.ramp}",
};
`,
});

// ---- test, spec, fixture, mock and story files --------------------------------------------------------------------

CASES.push({
  name: 'test file: a generic Brex token in a mock is not reported by the recommended config',
  file: 'src/__tests__/brex.test.ts',
  code: `
import { describe, expect, it, vi } from "vitest";
import { BrexClient } from "../finance/brex-client";

describe("BrexClient", () => {
  it("sends the token", async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response("{}"));
    const client = new BrexClient({ apiToken: "${S.testGeneric}", fetch: fetchMock });
    await client.expenses();
    expect(fetchMock).toHaveBeenCalledOnce();
  });
});
`,
});

CASES.push({
  name: 'test file: the strict config (testFiles "all") reports the same generic token',
  file: 'src/__tests__/brex-strict.test.ts',
  config: 'strict',
  code: `
import { expect, it } from "vitest";
import { BrexClient } from "../finance/brex-client";

it("builds", () => {
  const client = new BrexClient({ apiToken: "${S.brexStrict}" }); ⟦hs⟧
  expect(client).toBeDefined();
});
`,
});

CASES.push({
  name: 'test file: a prefix-certain Linear key in a *.test.ts is reported (high-confidence)',
  file: 'src/linear/client.test.ts',
  code: `
import { expect, it } from "vitest";
import { LinearClient } from "@linear/sdk";

it("creates a client", () => {
  const linear = new LinearClient({ apiKey: "${S.linearTest}" }); ⟦hs⟧
  expect(linear).toBeDefined();
});
`,
});

CASES.push({
  name: 'test file: a Supabase service_role JWT and a Mistral-shaped key in test/fixtures are not reported',
  file: 'test/fixtures/supabase.ts',
  code: `
export const fixtureEnv = {
  SUPABASE_URL: "http://127.0.0.1:54321",
  SUPABASE_SERVICE_ROLE_KEY: "${S.sbServiceJwt}",
  MISTRAL_API_KEY: "${S.mistralTest}",
};
`,
});

CASES.push({
  name: 'test file: a URL password in an e2e spec is not reported; a Hugging Face token there is',
  file: 'e2e/sync.spec.ts',
  code: `
import { test } from "@playwright/test";

const DATABASE_URL = "postgres://worker:${S.testUrlPw}@localhost:5432/worker_test";
const HF_TOKEN = "${S.hfTest}"; ⟦hs⟧

test("sync runs", async () => {
  void DATABASE_URL;
  void HF_TOKEN;
});
`,
});

CASES.push({
  name: 'test file: a Stripe secret key in a Storybook story is reported (prefix-certain)',
  file: 'src/ui/Billing.stories.tsx',
  code: `
import type { Meta, StoryObj } from "@storybook/react";
import { BillingPanel } from "./BillingPanel";

const meta: Meta<typeof BillingPanel> = { component: BillingPanel };
export default meta;

export const Live: StoryObj<typeof BillingPanel> = {
  args: { stripeKey: "${S.stripeStories}", plan: "team" }, ⟦hs⟧
};
`,
});

CASES.push({
  name: 'test file: a whsec_ signing secret in __mocks__ is reported (prefix-certain)',
  file: 'src/__mocks__/stripe.ts',
  code: `
export const STRIPE_WEBHOOK_SECRET = "${S.whsecMock}"; ⟦hs⟧
export default class StripeMock {
  webhooks = { constructEvent: (body: string) => JSON.parse(body) };
}
`,
});

CASES.push({
  name: 'test file: env reads of a test are not checked against .env.example',
  file: 'src/__tests__/env.test.ts',
  extra: { '.env.example': 'LINEAR_API_KEY=\n' },
  code: `
import { expect, it } from "vitest";

it("has a key in CI", () => {
  expect(process.env.LINEAR_TEST_API_KEY ?? process.env.VITEST_POOL_ID).toBeDefined();
});
`,
});

// ---- no-logged-secrets --------------------------------------------------------------------------------------------

CASES.push({
  name: 'log: a Mistral key printed inside a tool, and a Plaid secret in a thrown error',
  file: 'src/index.ts',
  extra: { '.env.example': 'MISTRAL_API_KEY=\nPLAID_SECRET=\nPLAID_CLIENT_ID=\n' },
  code: `${HEAD_TS}
const PLAID_SECRET = process.env.PLAID_SECRET ?? "";

worker.tool("classify", {
  title: "Classify a transaction",
  description: "Classifies a bank transaction with Mistral",
  schema: { type: "object", properties: { memo: { type: "string" } }, required: ["memo"], additionalProperties: false },
  execute: async ({ memo }: { memo: string }) => {
    console.info(\`classifying with key \${process.env.MISTRAL_API_KEY}\`); ⟦log:secretLogged⟧
    if (!PLAID_SECRET) throw new Error("PLAID_SECRET is not set");
    const res = await fetch("https://production.plaid.com/categories/get", { method: "POST", body: "{}" });
    if (!res.ok) throw new Error(\`Plaid rejected client \${process.env.PLAID_CLIENT_ID} with secret \${PLAID_SECRET}\`); ⟦log:secretInError⟧
    return memo;
  },
});
`,
});

CASES.push({
  name: 'log: a headers object holding an Algolia admin key, logged through a const',
  file: 'src/search/debug.ts',
  code: `
const apiKey = process.env.ALGOLIA_ADMIN_API_KEY ?? "";
const headers = { "X-Algolia-API-Key": apiKey, "X-Algolia-Application-Id": process.env.ALGOLIA_APP_ID ?? "" };

export async function reindex(index: string) {
  console.log("algolia request", { index, headers }); ⟦log⟧
  return fetch(\`https://\${process.env.ALGOLIA_APP_ID}.algolia.net/1/indexes/\${index}/clear\`, { method: "POST", headers });
}
`,
});

CASES.push({
  name: 'log: an Upstash token written to stderr and process.env logged whole by a pino logger',
  file: 'src/cache/diagnose.ts',
  code: `
import pino from "pino";

const logger = pino({ level: "debug" });
const token = process.env.UPSTASH_REDIS_REST_TOKEN;

process.stderr.write(\`upstash token=\${token}\\n\`); ⟦log⟧
logger.debug({ env: process.env }, "startup env"); ⟦log⟧
logger.info({ region: "eu1" }, "upstash ready");
`,
});

CASES.push({
  name: 'log: a Snowflake password destructured from process.env and logged by this.logger',
  file: 'src/warehouse/loader.ts',
  code: `
const { SNOWFLAKE_PASSWORD } = process.env;

export class Loader {
  constructor(private readonly logger: { error: (msg: string, meta?: object) => void }) {}

  fail(err: Error): void {
    this.logger.error("snowflake login failed", { err: err.message, password: SNOWFLAKE_PASSWORD }); ⟦log⟧
  }
}
`,
});

CASES.push({
  name: 'log: console.assert with a Brex token in the message and the Authorization header of a webhook request',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.webhook("brexEvents", {
  title: "Brex events",
  description: "Receives Brex expense webhooks",
  execute: async (req: Request) => {
    console.log("incoming auth", req.headers.get("authorization")); ⟦log⟧
    const res = await fetch("https://platform.brexapis.com/v1/expenses", { headers: { Authorization: \`Bearer \${process.env.BREX_API_TOKEN}\` } });
    console.assert(res.ok, \`brex call failed with \${process.env.BREX_API_TOKEN}\`); ⟦log⟧
    return new Response("ok");
  },
});
`,
});

CASES.push({
  name: 'log: the loggers option adds an audit logger; without it audit.info is not a sink',
  file: 'src/audit.ts',
  rules: { 'worker-auth/no-logged-secrets': ['error', { loggers: ['audit'] }] },
  code: `
import { audit } from "./audit-log";

const key = process.env.GREENHOUSE_API_KEY ?? "";
audit.info("greenhouse key rotated", key); ⟦log⟧
audit.info("greenhouse key rotated", key.length);
`,
});

// ---- env-example-in-sync -------------------------------------------------------------------------------------------

CASES.push({
  name: 'env: a Plaid capability reads three variables, .env.example lists one',
  file: 'src/index.ts',
  extra: { '.env.example': '# Plaid\nPLAID_CLIENT_ID=\n' },
  code: `${HEAD_TS}
worker.tool("balances", {
  title: "Account balances",
  description: "Fetches balances from Plaid",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const res = await fetch(\`https://\${process.env.PLAID_ENV ?? "production"}.plaid.com/accounts/balance/get\`, { ⟦env⟧
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        client_id: process.env.PLAID_CLIENT_ID,
        secret: process.env.PLAID_SECRET, ⟦env⟧
        access_token: process.env.PLAID_ACCESS_TOKEN, ⟦env⟧
      }),
    });
    return JSON.stringify(await res.json());
  },
});
`,
  then: (messages) => {
    expect(messages.some((m) => m.message.includes('PLAID_SECRET='))).toBe(true);
  },
});

CASES.push({
  name: 'env: destructuring with a rename and a default, two names missing on one line',
  file: 'src/finance/env.ts',
  extra: { '.env.example': 'RAMP_CLIENT_ID=\n' },
  code: `
const { BREX_API_TOKEN: brexToken, MERCURY_API_TOKEN = "", RAMP_CLIENT_ID } = process.env; ⟦env,env⟧
export const tokens = { brexToken, mercury: MERCURY_API_TOKEN, ramp: RAMP_CLIENT_ID };
`,
});

CASES.push({
  name: 'env: export KEY=, KEY: value and commented lines in .env.example all count as listed',
  file: 'src/deploy/env.ts',
  extra: { '.env.example': '# deploy targets\nexport RENDER_API_KEY=\nFLY_API_TOKEN: \nVERCEL_TOKEN=<paste your token>\n# NETLIFY_AUTH_TOKEN=\n' },
  code: `
export const deployEnv = {
  render: process.env.RENDER_API_KEY,
  fly: process.env.FLY_API_TOKEN,
  vercel: process.env.VERCEL_TOKEN,
  netlify: process.env.NETLIFY_AUTH_TOKEN, ⟦env⟧
};
`,
});

CASES.push({
  name: 'env: runtime names, import.meta.env and writes are not reported',
  file: 'src/runtime.ts',
  extra: { '.env.example': 'LINEAR_API_KEY=\n' },
  code: `
process.env.TZ = "UTC";
export const runtime = {
  production: process.env.NODE_ENV === "production",
  payload: process.env.NOTION_INPUT_PAYLOAD_PATH,
  metadata: process.env.NOTION_RUN_METADATA_PATH,
  ci: process.env.CI === "true",
  viteMode: import.meta.env?.MODE,
};
delete process.env.DEBUG_LINEAR;
`,
});

CASES.push({
  name: 'env: the nearest .env.example decides (a nested package misses a name the root one lists)',
  file: 'packages/hr-sync/src/rippling.ts',
  extra: {
    '.env.example': 'RIPPLING_API_KEY=\nGUSTO_API_TOKEN=\n',
    'packages/hr-sync/package.json': JSON.stringify({ name: 'hr-sync', private: true, type: 'module' }),
    'packages/hr-sync/.env.example': 'GUSTO_API_TOKEN=\n',
  },
  code: `
export const headers = { Authorization: \`Bearer \${process.env.RIPPLING_API_KEY}\` }; ⟦env⟧
export const gusto = process.env.GUSTO_API_TOKEN;
`,
  then: (messages) => {
    expect(messages[0]!.message).toContain('RIPPLING_API_KEY=');
  },
});

CASES.push({
  name: 'env: allowNames with a prefix pattern keeps platform variables quiet',
  file: 'src/platform.ts',
  rules: { 'worker-auth/env-example-in-sync': ['error', { allowNames: ['RENDER_*', 'FLY_APP_NAME'] }] },
  extra: { '.env.example': 'LINEAR_API_KEY=\n' },
  code: `
export const platform = {
  commit: process.env.RENDER_GIT_COMMIT,
  service: process.env.RENDER_SERVICE_NAME,
  fly: process.env.FLY_APP_NAME,
  region: process.env.FLY_REGION, ⟦env⟧
};
`,
});

// ---- no-committed-env-files -----------------------------------------------------------------------------------------

CASES.push({
  name: 'cef: a real Notion token in .env.example is reported on the worker entry file, masked',
  file: 'src/index.ts',
  extra: { '.env.example': `# Notion\nNOTION_TOKEN=${S.notionEnvExample}\nLINEAR_API_KEY=\n` },
  code: `${HEAD_TS} ⟦cef:secretInEnvExample^2⟧
`,
});

CASES.push({
  name: 'cef: a real Anthropic key in .env.sample is reported; placeholders in .env.example are fine',
  file: 'src/index.ts',
  extra: {
    '.env.sample': `ANTHROPIC_API_KEY=${S.anthropicSample}\n`,
    '.env.example': `ANTHROPIC_API_KEY=sk-ant-api03-...\nSTRIPE_SECRET_KEY=${STRIPE_X_PLACEHOLDER}\nCLICKUP_API_TOKEN=<paste your token>\nDATABASE_URL=postgres://postgres:postgres@localhost:5432/worker\n`,
  },
  code: `${HEAD_TS} ⟦cef:secretInEnvExample^2⟧
`,
});

CASES.push({
  name: 'cef: a commented-out service_role JWT in .env.example is reported; a publishable Stripe key is not',
  file: 'src/index.ts',
  extra: {
    '.env.example': `STRIPE_PUBLISHABLE_KEY=${N.stripePk}\n# SUPABASE_SERVICE_ROLE_KEY=${S.sbEnvExample}\nSUPABASE_SERVICE_ROLE_KEY=\n`,
  },
  code: `${HEAD_TS} ⟦cef:secretInEnvExample^2⟧
`,
});

CASES.push({
  name: 'cef: .env.production exists while .gitignore lists only .env',
  file: 'src/index.ts',
  extra: { '.gitignore': 'node_modules\n.env\n', '.env.production': 'LINEAR_API_KEY=\n' },
  code: `${HEAD_TS} ⟦cef:envFileNotIgnored^2⟧
`,
});

CASES.push({
  name: 'cef: an encrypted .env.vault may be committed',
  file: 'src/index.ts',
  extra: { '.gitignore': 'node_modules\n.env\n', '.env.vault': 'DOTENV_VAULT_PRODUCTION="encrypted"\n' },
  code: `${HEAD_TS}`,
});

CASES.push({
  name: 'cef: a helper module is not the entry file: nothing reported on it',
  file: 'src/lib/linear.ts',
  extra: {
    '.gitignore': 'node_modules\n.env\n',
    '.env.local': 'LINEAR_API_KEY=\n',
    'src/worker.ts': HEAD_TS,
  },
  code: `
export const linearBase = "https://api.linear.app/graphql";
`,
});

// ---- cases a demanding user expects, whatever the provider ---------------------------------------------------------

CASES.push({
  name: 'hs: a ClickUp personal token (pk_<user>_<32>) in an Authorization header is a secret, not a publishable key',
  file: 'src/clickup/client.ts',
  code: `
export const clickup = (path: string) =>
  fetch(\`https://api.clickup.com/api/v2\${path}\`, { headers: { Authorization: "${S.clickup}" } }); ⟦hs⟧
`,
});

CASES.push({
  name: 'ce: a non-empty destructuring default of process.env used as the client secret is a hardcoded fallback',
  file: 'src/index.ts',
  code: `${HEAD_TS}
const { BREX_OAUTH_CLIENT_SECRET = "dev-secret-do-not-ship" } = process.env; ⟦ce:hardcodedFallback⟧

worker.oauth("brex", {
  name: "brex",
  authorizationEndpoint: "https://accounts-api.brex.com/oauth2/default/v1/authorize",
  tokenEndpoint: "https://accounts-api.brex.com/oauth2/default/v1/token",
  scope: "openid offline_access transactions.card.readonly",
  clientId: process.env.BREX_OAUTH_CLIENT_ID ?? "",
  clientSecret: BREX_OAUTH_CLIENT_SECRET,
});
`,
});

CASES.push({
  name: 'sc: Todoist (unknown provider) comma-separated "data:read_write,data:delete": the delete scope is reported',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("todoist", {
  name: "todoist",
  authorizationEndpoint: "https://todoist.com/oauth/authorize",
  tokenEndpoint: "https://todoist.com/oauth/access_token",
  scope: "data:read_write,data:delete", ⟦sc⟧
${ENV_CLIENT('TODOIST')}
});
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'sc', 'scope:')).toBe('data:delete');
  },
});

CASES.push({
  name: 'log: a Cohere key bound through a const object property and printed by a child logger',
  file: 'src/ai/cohere-log.ts',
  code: `
import pino from "pino";

const settings = { model: "command-r-plus", cohereKey: process.env.CO_API_KEY };
const log = pino().child({ module: "cohere" });
log.info(\`cohere settings \${settings.model} \${settings.cohereKey}\`); ⟦log⟧
`,
});

CASES.push({
  name: 'oauth: a config const checked with `satisfies` and passed to worker.oauth(): scope and client id still checked',
  file: 'src/index.ts',
  code: `${HEAD_TS}
const linearOAuth = {
  name: "linear",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: "read,admin", ⟦sc⟧
  clientId: "${N.linearClientId}", ⟦ce:hardcodedClientId⟧
  clientSecret: process.env.LINEAR_OAUTH_CLIENT_SECRET ?? "",
} satisfies Parameters<typeof worker.oauth>[1];

export const linearAuth = worker.oauth("linear", linearOAuth);
`,
});

CASES.push({
  name: 'oauth: worker.oauth() in a module that imports the worker from ./worker: the config is still recognised',
  file: 'src/oauth/todoist.ts',
  extra: { 'src/worker.ts': HEAD_TS },
  code: `
import worker from "../worker";

export const todoistAuth = worker.oauth("todoist", {
  name: "todoist",
  authorizationEndpoint: "http://todoist.com/oauth/authorize", ⟦ep:insecureUrl⟧
  tokenEndpoint: "https://todoist.com/oauth/access_token",
  scope: "data:read,data:delete", ⟦sc⟧
  clientId: process.env.TODOIST_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.TODOIST_OAUTH_CLIENT_SECRET ?? "${S.todoistOauthFallback}", ⟦ce:hardcodedFallback,hs:hardcodedFallback⟧
});
`,
});

CASES.push({
  name: 'sc: a Linear scope written as an array: write reported at its element',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("linear", {
  name: "linear",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: ["read", "write", "comments:create"].join(","), ⟦sc⟧
${ENV_CLIENT('LINEAR')}
});
`,
});

CASES.push({
  name: 'log: a lower-case authorization key holding a computed Bearer text in a logged object',
  file: 'src/http/trace.ts',
  code: `
export function traceRequest(url: string, token: string): void {
  console.log("request", { url, headers: { authorization: \`Bearer \${token}\` } }); ⟦log⟧
  console.log("request", { url, headers: { authorization: token ? "[redacted]" : "none" } });
}
`,
});

CASES.push({
  name: 'pci: an installed SDK 0.10.1 decides over a "latest" range (reported)',
  file: 'src/tools/replicate.ts',
  config: 'strict',
  sdk: 'latest',
  extra: {
    '.env.example': 'REPLICATE_API_TOKEN=\n',
    'node_modules/@notionhq/workers/package.json': JSON.stringify({ name: '@notionhq/workers', version: '0.10.1', type: 'module' }),
  },
  code: `
export const predictions = () =>
  fetch("https://api.replicate.com/v1/predictions?limit=10", {
    headers: { Authorization: \`Bearer \${process.env.REPLICATE_API_TOKEN}\` }, ⟦pci⟧
  });
`,
});

CASES.push({
  name: 'pci: a stale installed SDK 0.9.0 decides over the ^0.9.2 range (silent)',
  file: 'src/tools/replicate-stale.ts',
  config: 'strict',
  extra: {
    '.env.example': 'REPLICATE_API_TOKEN=\n',
    'node_modules/@notionhq/workers/package.json': JSON.stringify({ name: '@notionhq/workers', version: '0.9.0', type: 'module' }),
  },
  code: `
export const predictions = () =>
  fetch("https://api.replicate.com/v1/predictions?limit=10", {
    headers: { Authorization: \`Bearer \${process.env.REPLICATE_API_TOKEN}\` },
  });
`,
});

CASES.push({
  name: 'hs: Stripe Basic auth (the secret key as user name, base64) in an Authorization header',
  file: 'src/billing/stripe-basic.ts',
  code: `
export const listCharges = () =>
  fetch("https://api.stripe.com/v1/charges?limit=10", { headers: { Authorization: "Basic ${STRIPE_BASIC}" } }); ⟦hs⟧
`,
});

CASES.push({
  name: 'hs: a Workday key appended to a Headers object, and a refresh token in a form-encoded body at its own columns',
  file: 'src/hr/workday-http.ts',
  code: `
const headers = new Headers({ Accept: "application/json" });
headers.append("X-Api-Key", "${S.workdayAppend}"); ⟦hs⟧

export const refresh = () =>
  fetch("https://wd5-services1.workday.com/ccx/oauth2/acme/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=refresh_token&refresh_token=${S.workdayForm}&client_id=acme-notion", ⟦hs⟧
  });
`,
  then: (messages, code) => {
    expect(reportedText(messages, code, 'hs', 'grant_type=')).toBe(S.workdayForm);
  },
});

CASES.push({
  name: 'hs: defaults of a destructured options parameter and of a TS parameter property',
  file: 'src/clients/defaults.ts',
  code: `
export function todoistClient({ token = "${S.todoistParam}", base = "https://api.todoist.com/api/v1" } = {}) { ⟦hs⟧
  return (path: string) => fetch(\`\${base}\${path}\`, { headers: { Authorization: \`Bearer \${token}\` } });
}

export class LeverClient {
  constructor(private readonly apiKey = "${S.leverCtor}") {} ⟦hs⟧
  postings() {
    return fetch("https://api.lever.co/v1/postings", { headers: { Authorization: \`Basic \${btoa(\`\${this.apiKey}:\`)}\` } });
  }
}
`,
});

CASES.push({
  name: 'hs: a service-account JSON kept as one string literal: the private key is reported, the key id is not',
  file: 'src/google/service-account.ts',
  code: `
export const SERVICE_ACCOUNT = JSON.parse(
  '{"type":"service_account","project_id":"acme-notion","private_key_id":"${N.commit}","private_key":"${S.pemJson.replace(/\n/g, '\\\\n')}\\\\n${PEM_FOOTER}\\\\n","client_email":"sync@acme-notion.iam.gserviceaccount.com"}', ⟦hs⟧
);
`,
});

CASES.push({
  name: 'cef: generic secrets under credential names in .env.example (a Plaid secret, a Mistral key) are reported',
  file: 'src/index.ts',
  extra: { '.env.example': `PLAID_CLIENT_ID=\nPLAID_SECRET=${S.plaidExample}\nMISTRAL_API_KEY=${S.mistralExample}\nPLAID_ENV=sandbox\n` },
  code: `${HEAD_TS} ⟦cef:secretInEnvExample^2,cef:secretInEnvExample^2⟧
`,
});

CASES.push({
  name: 'pci: the worker is declared in another module: reported, no suggestion',
  file: 'src/tools/vercel.ts',
  config: 'strict',
  extra: { '.env.example': 'VERCEL_TOKEN=\n', 'src/worker.ts': HEAD_TS },
  code: `
import worker from "../worker";

worker.tool("deployments", {
  title: "Vercel deployments",
  description: "Lists the latest Vercel deployments",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const res = await fetch("https://api.vercel.com/v6/deployments?limit=5", {
      headers: { Authorization: \`Bearer \${process.env.VERCEL_TOKEN}\` }, ⟦pci⟧
    });
    return JSON.stringify(await res.json());
  },
});
`,
  then: (messages, code) => {
    expect(suggestionsAt(messages, code, 'pci', 'VERCEL_TOKEN')).toEqual([]);
  },
});

CASES.push({
  name: 'pci: one Cloudflare token read twice, each only for a header of api.cloudflare.com: reported',
  file: 'src/infra/cloudflare.ts',
  config: 'strict',
  extra: { '.env.example': 'CLOUDFLARE_API_TOKEN=\n' },
  code: `
export const purge = (zone: string) =>
  fetch(\`https://api.cloudflare.com/client/v4/zones/\${zone}/purge_cache\`, {
    method: "POST",
    headers: { Authorization: \`Bearer \${process.env.CLOUDFLARE_API_TOKEN}\` }, ⟦pci⟧
    body: JSON.stringify({ purge_everything: true }),
  });

export const verify = () =>
  fetch("https://api.cloudflare.com/client/v4/user/tokens/verify", {
    headers: { Authorization: \`Bearer \${process.env.CLOUDFLARE_API_TOKEN}\` },
  });
`,
});

CASES.push({
  name: 'pci: a Bearer header built in a const template is still only a header',
  file: 'src/finance/brex-auth.ts',
  config: 'strict',
  extra: { '.env.example': 'BREX_API_TOKEN=\n' },
  code: `
const auth = \`Bearer \${process.env.BREX_API_TOKEN}\`; ⟦pci⟧

export const cards = () => fetch("https://platform.brexapis.com/v2/cards", { headers: { Authorization: auth } });
`,
});

const LEVER_CASE: Case = {
  name: 'sc: Lever (unknown provider) :admin scopes are reported by the generic admin signal, each at its own columns',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("lever", {
  name: "lever",
  authorizationEndpoint: "https://auth.lever.co/authorize",
  tokenEndpoint: "https://auth.lever.co/oauth/token",
  scope: "offline_access opportunities:read:admin postings:read:admin", ⟦sc,sc⟧
${ENV_CLIENT('LEVER')}
  authorizationParams: { audience: "https://api.lever.co/v1/" },
});
`,
  then: (messages, code) => {
    expect(reportedTexts(messages, code, 'sc', 'scope:').sort()).toEqual(['opportunities:read:admin', 'postings:read:admin']);
  },
};

const SNOWFLAKE_CASE: Case = {
  name: 'sc: Snowflake (unknown provider) session:role:ACCOUNTADMIN is an admin scope; session:role:ANALYST is not',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("snowflakeAdmin", {
  name: "snowflake-admin",
  authorizationEndpoint: "https://${N.sfAccount}.snowflakecomputing.com/oauth/authorize",
  tokenEndpoint: "https://${N.sfAccount}.snowflakecomputing.com/oauth/token-request",
  scope: "refresh_token session:role:ACCOUNTADMIN", ⟦sc⟧
${ENV_CLIENT('SNOWFLAKE_ADMIN')}
});

worker.oauth("snowflake", {
  name: "snowflake",
  authorizationEndpoint: "https://${N.sfAccount}.snowflakecomputing.com/oauth/authorize",
  tokenEndpoint: "https://${N.sfAccount}.snowflakecomputing.com/oauth/token-request",
  scope: "refresh_token session:role:ANALYST",
${ENV_CLIENT('SNOWFLAKE')}
});
`,
};

const ZOD_CASE: Case = {
  name: 'hs: a zod env default holding a generic secret under a credential-named key',
  file: 'src/env-defaults.ts',
  code: `
import { z } from "zod";

export const env = z
  .object({
    MERCURY_API_TOKEN: z.string().default("${S.zodDefault}"), ⟦hs⟧
    MERCURY_ACCOUNT_ID: z.string().default("${N.mercuryAccountId}"),
  })
  .parse(process.env);
`,
};

// --- known gaps: each comment says what the docs promise and what happens instead ---

// Expected: both `:admin` scopes reported. docs/rules/no-broad-oauth-scopes.md: "for an unknown provider only generic
// signals count: … `admin`/`sudo`/`owner` …", with no exception for read scopes, and its own Zoom row treats
// `meeting:read:admin` as read-all. Actual: nothing; `genericSignal` (src/oauth/scopes.ts) skips the admin signal
// whenever a segment says `read`, so Lever's account-wide `opportunities:read:admin` passes.
FIXED.push(LEVER_CASE);

// Expected: `session:role:ACCOUNTADMIN` reported as an admin scope (the generic `admin` signal); Snowflake's OAuth
// scope names the role the token acts as, and ACCOUNTADMIN is the account's top role. Actual: nothing; the generic
// signal only matches a segment that starts with `admin` (src/oauth/scopes.ts), not Snowflake's `…ADMIN` roles
// (ACCOUNTADMIN, SECURITYADMIN, SYSADMIN, USERADMIN).
FIXED.push(SNOWFLAKE_CASE);

// Expected: the default reported. docs/rules/no-hardcoded-secrets.md reads "default value[s]" and "the fallback of any
// value whose name is a credential's" (`config.apiToken ?? "…"`); `z.string().default("…")` under the key
// `MERCURY_API_TOKEN` is that fallback in the zod env schemas most 2026 workers use (it ships whenever the variable is
// unset). Actual: nothing; the context walk (src/ast/strings.ts) stops at a call argument, so the literal's context is
// the `default` call and the credential-named key one level up is never read. A prefix-certain token in the same place is reported (see the Linear case above).
FIXED.push(ZOD_CASE);

// Expected: reported (`apiKey` of `new Client(…)` names a credential; the value is 150 random-looking characters).
// Adyen API keys end in a short segment of printable symbols (`…=-Ab12Cd;eF}%=gH3i`). Actual: nothing; `looksRandom`
// (src/detect/entropy.ts) rejects the whole value for one character outside its token charset (`;`, `}`, `%`), a test
// the docs do not list ("at least 16 characters, no spaces, not words or identifiers or paths, … entropy").
GAPS.push({
  name: 'hs: an Adyen API key (base64 parts and a symbol tail) in new Client({ apiKey }) is reported',
  file: 'src/payments/adyen-live.ts',
  code: `
import { Client } from "@adyen/api-library";

export const adyen = new Client({
  apiKey: "${S.adyenKey}", ⟦hs⟧
  environment: "LIVE",
  liveEndpointUrlPrefix: "${N.flyMachine}-AcmeNotion",
});
`,
});

// Expected: reported. docs/rules/no-hardcoded-secrets.md: "an `Authorization` value under a scheme of its own
// (`Zoho-oauthtoken …`, `Api-Key …`) is read after its scheme". A Fly.io deploy token is `FlyV1 ` followed by
// comma-separated macaroons (`fm2_…,fm2_…`). Actual: nothing; one macaroon after `FlyV1` is reported (see the Fly.io
// case above) and the first of the two after `Bearer ` too, but `AUTH_SCHEME_VALUE` (src/detect/index.ts), which
// reads a value under a scheme of its own, does not accept the comma, so the whole header value is dropped.
FIXED.push({
  name: 'hs: a Fly.io deploy token (FlyV1 fm2_…,fm2_…) in an Authorization header is reported',
  file: 'scripts/fly-deploy.ts',
  code: `
const res = await fetch("https://api.machines.dev/v1/apps/acme-notion-sync/machines", {
  headers: { Authorization: "FlyV1 ${S.flyDeploy}" }, ⟦hs⟧
});
console.log(res.status);
`,
});

// Expected: reported. A value after `Bearer ` is a credential position, and the value meets every documented test of a
// machine-generated secret (≥ 16 characters, no spaces, over 3.5 bits/char: 5.1). Actual: nothing; `looksRandom`
// (src/detect/entropy.ts) runs `isIdentifierLike` over the whole value, and Mercury's word prefix
// (`secret-token:mercury_production_wma_`) plus a random part with few digits reads as an identifier. Other random
// parts of the same length are reported, so the outcome depends on how many digits the token happens to have.
FIXED.push({
  name: 'hs: a Mercury API token (secret-token:mercury_production_…) after Bearer is reported',
  file: 'src/banking/mercury-client.ts',
  code: `
export const mercury = {
  baseUrl: "https://api.mercury.com/api/v1",
  headers: { Authorization: "Bearer ${S.mercury}" }, ⟦hs⟧
};
`,
});

// --- run -----------------------------------------------------------------------------------------------------------

describe('realistic workers, fifth held-out set', () => {
  for (const c of CASES) it(c.name, () => check(c));
});

describe('gaps found by the held-out set, fixed', () => {
  for (const c of FIXED) it(c.name, () => check(c));
});

describe('known gaps', () => {
  for (const c of GAPS) it.fails(c.name, () => check(c));
});
