/**
 * Sixth held-out set: small, realistic Notion worker files and integration helpers, linted with the plugin's configs as
 * a demanding user reads README.md, docs/rules/*.md and docs/security.md. Emphasis, kept apart from rounds 1–5:
 *
 * - credential formats earlier sets used little or not at all (GitLab deploy/runner/feed/SCIM/CI-job tokens, Doppler,
 *   Docker Hub, Vercel app and legacy tokens, Netlify and Cloudflare legacy tokens, Cloudflare Global/Origin CA keys,
 *   Hugging Face org tokens, Datadog keys old and new, New Relic, Grafana, PlanetScale, Okta, Auth0, Twitch, Meta app
 *   secrets and Instagram tokens, Vault, Terraform Cloud, Dynatrace, Buildkite, age, PGP, PuTTY, base64 PEM, Bedrock,
 *   Azure storage/SAS/AI keys, npm legacy `_authToken`, PyPI, Heroku, Postmark, Square legacy, Slack legacy/rotating,
 *   OpenAI admin/service-account/legacy keys, LangSmith, ElevenLabs, xAI, DigitalOcean OAuth tokens, Shopify private
 *   app tokens, Postman collection tokens);
 * - real-world code shapes: `axios.create({ headers })`, got/ky/undici/node-fetch options, `new Headers([[…]])`,
 *   `URLSearchParams` bodies, Basic auth via `btoa`/`Buffer.from(`${user}:${pass}`)`, class static fields, default
 *   parameter values, object spread and `Object.assign`, getters, `as const` maps keyed by provider, `switch` on the
 *   provider, TS namespaces, abstract classes, decorators, JSX/TSX components, `.env.example` siblings, test files and
 *   fixtures (the documented test-file policy), `.mjs`/`.cjs`/`.mts`/`.cts`;
 * - false-positive bait a demanding user expects NOT to be reported: publishable keys, ids, UUIDs in id positions,
 *   hashes, SRI strings, data URIs, cursors, idempotency and cache keys, vendor doc samples (AWS, jwt.io), redacted and
 *   placeholder values, public keys and certificates, password hashes.
 *
 * Each case is written into its own throw-away project (package.json with `@notionhq/workers@^0.9.2` unless a case says
 * otherwise, a `.gitignore` ignoring `.env` and `.env.*` but not `.env.example` unless a case gives its own, optional
 * sibling files) and linted with ESLint's `Linter` (cwd = the project root): typescript-eslint's parser for
 * .ts/.tsx/.mts/.cts, ESLint's default parser (espree) for .js/.mjs/.cjs/.jsx. Expectations are trailing
 * `⟪rule[:messageId][@N]⟫` markers, stripped before linting (`@N`: the finding is N lines above the marker). The exact
 * multiset of (rule, line) pairs is asserted, the messageId where given, and no message, message data, suggestion
 * description or suggestion output may show a planted secret or any 8-character window of its random part. Some cases
 * apply a suggestion and check that the result parses and reads `process.env` as documented.
 *
 * No token-shaped literal is in this file: every planted value is built at run time with test/support/fake-tokens.ts,
 * from seeds 9000–9999 (secrets 9000–9499, non-secrets 9500–9999); vendor doc samples are joined from pieces.
 *
 * Gaps found by this set (all three fixed, under "gaps found by the held-out set, fixed", each with a comment saying
 * what was expected and what happened):
 * 1. no-hardcoded-secrets: a provider-less secret returned by a getter named as a credential (`get apiKey() { return
 *    "…"; }`, `static get token()`) is not reported: the context walk stops at the `return` (src/ast/strings.ts,
 *    `getStringContext`). The same getter returning a prefix-certain token is reported.
 * 2. no-hardcoded-secrets: an ORM column default under a credential-named property (`@Column({ default: "…" })
 *    apiToken`) is not reported: the walk stops at the decorator's call and never reaches the decorated property,
 *    unlike a zod/envalid default, which is named by its key.
 * 3. no-hardcoded-secrets: a value under a computed key that is a const (`{ [API_KEY_HEADER]: "…" }` with
 *    `API_KEY_HEADER = "X-API-Key"`) is not reported: `keyName` reads the identifier's own name, not the const's value,
 *    and `…_HEADER` is classified as not secret; a literal computed key (`["X-API-Key"]`) is reported.
 * Fixes (src/ast/strings.ts, `getStringContext`): a `return` goes on to its function and a getter or method names what
 * it returns; a decorator's `{ default }` is the decorated member's value (through `defaultedChainTop`); a computed key
 * that is a const of the file or a block around it names the value as its string does (`constStringOf`).
 *
 * Noted, not gaps (the docs leave them open): a token-endpoint template built on an `http:` const is reported at the
 * template, while `new URL(path, CONST)` is reported at the const (both suggestions fix the const); an Auth0 client
 * secret whose provider is named only by the import and the domain gets an env name derived from its position
 * (`…CLIENT_SECRET`), not `AUTH0_CLIENT_SECRET` (the format "needs context" and the docs count names as context).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { CHARSETS, FAKE_FORMAT_IDS, fakeGenericSecret, fakeToken, lookalike, randomString } from '../support/fake-tokens.js';

// --- value helpers -------------------------------------------------------------------------------------------------

const hex = (n: number, seed: number): string => randomString(CHARSETS.hex, n, seed);
const b62 = (n: number, seed: number): string => randomString(CHARSETS.b62, n, seed);
const b64 = (n: number, seed: number): string => randomString(CHARSETS.b64, n, seed);
const b64url = (n: number, seed: number): string => randomString(CHARSETS.b64url, n, seed);
const digits = (n: number, seed: number): string => '1' + randomString(CHARSETS.digits, n - 1, seed);
const uuid = (seed: number): string => {
  const h = hex(32, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const b64urlJson = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const b64text = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const jwtHeader = b64urlJson({ alg: 'HS256', typ: 'JWT' });
const jwt = (payload: object, seed: number): string => `${jwtHeader}.${b64urlJson(payload)}.${b64url(43, seed)}`;
const DASHES = '-'.repeat(5);
const pemBlock = (label: string, seed: number): string =>
  `${DASHES}BEGIN ${label}${DASHES}\\n${b64(64, seed)}\\n${b64(64, seed + 1)}\\n${b64(20, seed + 2)}==\\n${DASHES}END ${label}${DASHES}`;

// Every id used below must be a format the fake-token generator knows.
const tok = (id: string, seed: number): string => {
  if (!FAKE_FORMAT_IDS.includes(id)) throw new Error(`unknown format ${id}`);
  return fakeToken(id, seed);
};

const SB_REF = randomString(CHARSETS.lower, 20, 9990);

/** Planted secrets: each must be reported where a case marks it, and never shown in any output. */
const S = {
  // HTTP clients
  dopplerSa: tok('doppler-service-account-token', 9001),
  gitlabScim: tok('gitlab-scim-token', 9002),
  dockerPat: tok('dockerhub-pat', 9003),
  vercelAppAccess: tok('vercel-app-access-token', 9004),
  hfOrg: tok('huggingface-org-token', 9005),
  ddApiTuple: tok('datadog-api-key', 9006),
  ddApiObj: tok('datadog-api-key', 9007),
  ddAppObj: tok('datadog-app-key', 9008),
  gitlabOauthSecret: tok('gitlab-oauth-app-secret', 9009),
  tupleClientSecret: fakeGenericSecret(9010),
  formClientSecret: fakeGenericSecret(9011),
  zendesk: tok('zendesk-api-token', 9012),
  btoaPassword: fakeGenericSecret(9013),
  basicPassword: fakeGenericSecret(9014),
  axiosAuthPassword: fakeGenericSecret(9015),
  undiciRefresh: tok('vercel-app-refresh-token', 9016),
  kyIntegration: tok('vercel-integration-token', 9017),
  // classes, parameters, spreads, getters, maps
  xai: tok('xai-api-key', 9020),
  staticSecret: fakeGenericSecret(9021),
  ciJob: tok('gitlab-ci-job-token', 9022),
  defaultApiKey: fakeGenericSecret(9023),
  nrUser: tok('newrelic-user-api-key', 9024),
  assignToken: fakeGenericSecret(9025),
  pscaleOauth: tok('planetscale-oauth-token', 9026),
  getterApiKey: fakeGenericSecret(9027),
  ghu: tok('github-user-to-server-token', 9028),
  glft: tok('gitlab-feed-token', 9029),
  vercelLegacy: tok('vercel-legacy-token', 9030),
  netlifyLegacy: tok('netlify-legacy-token', 9031),
  cfLegacyToken: tok('cloudflare-legacy-api-token', 9032),
  vaultBatch: tok('vault-batch-token', 9033),
  tfc: tok('terraform-cloud-token', 9034),
  dynatrace: tok('dynatrace-api-token', 9035),
  bkaa: tok('buildkite-agent-session-token', 9036),
  elevenlabs: tok('elevenlabs-api-key', 9037),
  postmanCollection: tok('postman-collection-token', 9038),
  ddpatType: tok('datadog-pat', 9039),
  langsmith: tok('langsmith-personal-token', 9040),
  dopplerCliFallback: tok('doppler-cli-token', 9041),
  grafanaLegacy: tok('grafana-legacy-api-key', 9042),
  dopplerPersonalConfig: tok('doppler-personal-token', 9043),
  bkua: tok('buildkite-user-token', 9044),
  bkaj: tok('buildkite-agent-job-token', 9045),
  ghrSwitch: tok('github-refresh-token', 9046),
  // JSX
  mapboxTemp: tok('mapbox-temporary-token', 9050),
  openaiAdmin: tok('openai-admin-key', 9051),
  openaiLegacy: tok('openai-legacy-key', 9052),
  grafanaCloud: tok('grafana-cloud-token', 9053),
  firebase: tok('google-api-key', 9054),
  firebaseIgnored: tok('google-api-key', 9055),
  // connection strings, infra, scripts
  pscalePw: tok('planetscale-password', 9060),
  mysqlPw: fakeGenericSecret(9061),
  azureStorage: tok('azure-storage-account-key', 9062),
  azureSas: tok('azure-sas-token', 9063),
  npmLegacy: tok('npm-legacy-token', 9064),
  pypi: tok('pypi-api-token', 9065),
  bedrockLong: tok('aws-bedrock-api-key', 9066),
  bedrockShort: tok('aws-bedrock-short-term-api-key', 9067),
  age: tok('age-secret-key', 9068),
  putty: tok('putty-private-key', 9069),
  pgp: tok('pgp-private-key', 9070),
  pemB64: tok('pem-private-key-base64', 9071),
  herokuLegacy: tok('heroku-legacy-api-key', 9072),
  herokuUuid: tok('heroku-api-key-uuid', 9073),
  cfGlobal: tok('cloudflare-global-api-key', 9074),
  cfLegacyGlobal: tok('cloudflare-legacy-global-api-key', 9075),
  cfOriginCa: tok('cloudflare-origin-ca-key', 9076),
  metaAppSecret: tok('meta-app-secret', 9077),
  instagram: tok('instagram-access-token', 9078),
  twitchQuery: tok('twitch-token', 9079),
  oktaBare: tok('okta-api-token', 9080),
  auth0Secret: tok('auth0-client-secret', 9081),
  slackLegacy: tok('slack-legacy-token', 9082),
  slackRotating: tok('slack-rotating-access-token', 9083),
  doOauth: tok('digitalocean-oauth-token', 9084),
  doRefresh: tok('digitalocean-refresh-token', 9085),
  squareLegacy: tok('square-legacy-access-token', 9086),
  shopifyPrivate: tok('shopify-private-app-token', 9087),
  runner: tok('gitlab-runner-token', 9088),
  runnerRoutable: tok('gitlab-runner-token-routable', 9089),
  runnerReg: tok('gitlab-runner-registration-token', 9090),
  dockerOat: tok('dockerhub-oat', 9091),
  ddsat: tok('datadog-service-access-token', 9092),
  ddapp: tok('datadog-scoped-app-key', 9093),
  nrInsert: tok('newrelic-insert-key', 9094),
  openaiSvc: tok('openai-service-account-key', 9095),
  azureAi: tok('azure-ai-services-key', 9096),
  postmark: tok('postmark-token', 9097),
  dopplerScimComment: tok('doppler-scim-token', 9098),
  dopplerAudit: tok('doppler-audit-token', 9099),
  pscaleService: tok('planetscale-service-token', 9100),
  gitlabDeploy: tok('gitlab-deploy-token', 9101),
  glagent: tok('gitlab-agent-token', 9102),
  glimt: tok('gitlab-incoming-mail-token', 9103),
  glffct: tok('gitlab-feature-flag-token', 9104),
  glptt: tok('gitlab-pipeline-trigger-token', 9105),
  ghsStateless: tok('github-installation-token-stateless', 9106),
  hfOrgMjs: tok('huggingface-org-token', 9107),
  cfLegacyEnvCheck: tok('cloudflare-legacy-api-token', 9108),
  // OAuth
  namespaceSecret: fakeGenericSecret(9120),
  spreadSecret: fakeGenericSecret(9121),
  paramSecret: fakeGenericSecret(9122),
  spotifySecret: fakeGenericSecret(9123),
  twitchArctic: tok('twitch-token', 9124),
  googleConstSecret: fakeGenericSecret(9125),
  tokenUrlSecret: fakeGenericSecret(9126),
  xeroFallback: fakeGenericSecret(9127),
  boxRefresh: fakeGenericSecret(9128),
  // test files
  testGeneric: fakeGenericSecret(9140),
  testBkua: tok('buildkite-user-token', 9141),
  testDd: tok('datadog-api-key', 9142),
  testUrlPw: fakeGenericSecret(9143),
  testPgp: tok('pgp-private-key', 9144),
  testClientSecret: fakeGenericSecret(9145),
  testGhr: tok('github-refresh-token', 9146),
  testServiceRole: jwt({ iss: 'supabase', ref: SB_REF, role: 'service_role', iat: 1767225600, exp: 2082758400 }, 9147),
  testNetlifyLegacy: tok('netlify-legacy-token', 9148),
  // .env files
  envSampleOkta: tok('okta-api-token-header', 9160),
  envCommented: tok('doppler-service-token', 9161),
  envExampleVault: tok('vault-service-token', 9162),
  // comments
  commentDynatrace: tok('dynatrace-api-token', 9170),
  commentOff: tok('digitalocean-pat', 9171),
  // logging sources are env reads, not literals; nothing planted there
  // misc hs
  basicObjPassword: fakeGenericSecret(9180),
  githubStatelessFallback: fakeGenericSecret(9181),
  axiosBasic: fakeGenericSecret(9182),
  tsxTokenProp: tok('figma-oauth-token', 9183),
  sentrySecretDsn: hex(32, 9184),
  // more shapes
  mapMistral: b62(32, 9190),
  mapCohere: tok('cohere-api-key', 9191),
  bufferPassword: fakeGenericSecret(9192),
  mapEntryKey: fakeGenericSecret(9193),
  propDefault: fakeGenericSecret(9194),
  defaultPropsKey: fakeGenericSecret(9195),
  spreadHeaderKey: fakeGenericSecret(9196),
  typedField: fakeGenericSecret(9197),
  frozenSecret: fakeGenericSecret(9198),
  templateFormSecret: fakeGenericSecret(9199),
  envTemplateQuoted: tok('planetscale-oauth-token', 9200),
  snapshotVercel: tok('vercel-personal-token', 9201),
  fixtureAccess: fakeGenericSecret(9202),
  fixtureRefresh: fakeGenericSecret(9203),
  thisToken: fakeGenericSecret(9210),
  exportsToken: fakeGenericSecret(9211),
  envAssign: fakeGenericSecret(9212),
  envNullishAssign: fakeGenericSecret(9213),
  pool1: fakeGenericSecret(9214),
  pool2: fakeGenericSecret(9215),
  qAppid: hex(32, 9216),
  qApiKey: b62(40, 9217),
  qAuth: b62(40, 9218),
  qApikey: b62(32, 9219),
  redisPw: b64url(44, 9220),
  amqpPw: fakeGenericSecret(9221),
  jenkinsPw: fakeGenericSecret(9222),
  curlBearer: fakeGenericSecret(9223),
  formSet: fakeGenericSecret(9224),
  columnDefault: fakeGenericSecret(9225),
  twilioAuth: tok('twilio-auth-token', 9226),
  postmarkSdk: tok('postmark-token', 9227),
  computedHeader: fakeGenericSecret(9228),
  getterStaticToken: fakeGenericSecret(9229),
};

/** `Basic` value: base64 of `notion-bot:<password>`. */
const BASIC_NOTION_BOT = b64text(`notion-bot:${S.basicObjPassword}`);

interface Planted {
  readonly value: string;
  /** The part that must never show: after the public prefix, before the last four characters. */
  readonly random: string;
}

/** The random part of a value: after a short prefix (`ab_`, `xoxe.xoxb-1-`, `AccountKey=`), without the last 4. */
function randomPart(value: string): string {
  const prefix = /^(?:[A-Za-z0-9_]{1,12}[-_.:=])*/.exec(value)![0];
  const start = Math.min(prefix.length, 16);
  return value.slice(start, Math.max(start, value.length - 4));
}

const afterFirstLine = (value: string): string => {
  const rest = value.slice(value.indexOf('\n') + 1);
  return rest.slice(0, Math.max(0, rest.length - 4));
};

/** Values whose prefix is a header (keys, JWTs, Dynatrace's public part) get an explicit random part. */
const PLANTED: Planted[] = [
  ...Object.entries(S).map(([name, value]): Planted => {
    if (name === 'putty' || name === 'pgp' || name === 'testPgp') return { value, random: afterFirstLine(value) };
    if (name === 'testServiceRole') return { value, random: value.split('.')[2]! };
    if (name === 'dynatrace' || name === 'commentDynatrace') return { value, random: value.split('.')[2]!.slice(0, -4) };
    if (name === 'pemB64') return { value, random: value.slice(40, -4) };
    if (name === 'grafanaLegacy' || name === 'grafanaCloud') return { value, random: value.slice(20, -4) };
    if (name === 'runnerReg') return { value, random: value.slice('GR1348941'.length, -4) };
    return { value, random: randomPart(value) };
  }),
  { value: BASIC_NOTION_BOT, random: BASIC_NOTION_BOT.slice(16, -4) },
];

/** Random-looking values that are not secrets. */
const N = {
  stripePk: tok('stripe-publishable-key', 9500),
  sbPublishable: tok('supabase-publishable-key', 9501),
  googleClientId: tok('google-oauth-client-id', 9502),
  mapboxPk: tok('mapbox-public-token', 9503),
  squareAppId: tok('square-application-id', 9504),
  mailgunPub: tok('mailgun-public-key', 9505),
  nrBrowser: tok('newrelic-browser-key', 9506),
  awsKeyId: tok('aws-access-key-id', 9507),
  awsTempKeyId: tok('aws-temporary-access-key-id', 9508),
  twilioSid: tok('twilio-account-sid', 9509),
  twilioKeySid: tok('twilio-api-key-sid', 9510),
  sbAnon: jwt({ iss: 'supabase', ref: SB_REF, role: 'anon', iat: 1767225600, exp: 2082758400 }, 9511),
  expiredJwt: jwt({ sub: 'user_7', iss: 'https://auth.acme.io', iat: 1577836800, exp: 1577840400 }, 9512),
  commitSha: hex(40, 9513),
  sha256: hex(64, 9514),
  shortSha: hex(7, 9515),
  sri384: 'sha384-' + b64(64, 9516),
  sri512: 'sha512-' + b64(86, 9517) + '==',
  png: b64(480, 9518),
  woff2: b64(320, 9519),
  notionPageHex: hex(32, 9520),
  notionDbUuid: uuid(9521),
  workspaceUuid: uuid(9522),
  cursor: b64url(48, 9523),
  syncToken: b64url(40, 9524),
  idempotency: uuid(9525),
  cacheKey: hex(40, 9526),
  firebaseAppId: `1:${digits(12, 9527)}:web:${hex(22, 9528)}`,
  firebaseSender: digits(12, 9529),
  measurementId: 'G-' + randomString(CHARSETS.upperAlnum, 10, 9530),
  sshPub: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI' + b64(43, 9531) + ' deploy@acme',
  publicPem: pemBlock('PUBLIC KEY', 9532),
  certPem: pemBlock('CERTIFICATE', 9535),
  jwkN: b64url(342, 9538),
  jwkKid: b64url(43, 9539),
  bcrypt: '$2b$12$' + randomString('./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 53, 9540),
  argon: '$argon2id$v=19$m=65536,t=3,p=4$' + b64(22, 9541) + '$' + b64(43, 9542),
  django: 'pbkdf2_sha256$870000$' + b62(22, 9543) + '$' + b64(43, 9544) + '=',
  stripeCus: 'cus_' + b62(14, 9545),
  stripePrice: 'price_1' + b62(23, 9546),
  slackChannel: 'C0' + randomString(CHARSETS.upperAlnum, 9, 9547),
  requestId: 'req_' + b62(24, 9548),
  traceId: hex(32, 9549),
  herokuAppId: uuid(9550),
  publicKeyB64: b64(44, 9551),
  assetHash: hex(8, 9552),
  etag: hex(32, 9553),
  codeChallenge: b64url(43, 9554),
  linearLookalike: lookalike('linear-api-key'),
  dopplerLookalike: lookalike('doppler-service-token'),
  sentryDsnKey: hex(32, 9555),
  ddRumClient: 'pub' + hex(32, 9556),
  webflowSiteId: hex(24, 9557),
  miroBoardId: 'uXjV' + b64url(8, 9558) + '=',
  clientIdHex: hex(32, 9559),
  boxClientId: randomString(CHARSETS.lowerAlnum, 32, 9560),
  xeroClientId: randomString(CHARSETS.upperHex, 32, 9561),
  spotifyClientId: hex(32, 9562),
  oktaOrgId: '00o' + b62(17, 9563),
  i18nKey: hex(20, 9564),
  sortKey: b64url(24, 9565),
  partitionKey: hex(32, 9566),
  awsAccountId: digits(12, 9567),
};

// Vendor documentation samples (joined from pieces: no token-shaped literal in this file).
const AWS_DOC_KEY_ID = 'AK' + 'IA' + 'IOSFODNN7' + 'EXAMPLE';
const AWS_DOC_SECRET = 'wJalrXUtnFEMI' + '/K7MDENG/' + 'bPxRfiCY' + 'EXAMPLEKEY';
const JWT_IO_SAMPLE = `${jwtHeader}.${b64urlJson({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.${'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV' + '_adQssw5c'}`;
/** A redacted value as dashboards and our own messages show it. */
const REDACTED_LINEAR = 'lin' + '_api_' + '…' + 'Qx7f';
const X_FILLER = 'dp' + '.st.' + 'x'.repeat(40);

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

interface Spec {
  readonly code: string;
  readonly expected: string[];
  readonly messageIds: readonly (readonly [key: string, messageId: string])[];
}

/** Strip `⟪…⟫` markers; each is `rule[:messageId][@N]`, comma-separated. */
function parseMarkers(source: string): Spec {
  const expected: string[] = [];
  const messageIds: [string, string][] = [];
  const lines = source.replace(/^\n/, '').split('\n');
  const code = lines
    .map((text, index) => {
      const m = /\s*⟪([^⟫]+)⟫\s*$/u.exec(text);
      if (!m) return text;
      for (const raw of m[1]!.split(',')) {
        const [head, up] = raw.trim().split('@');
        const [short, messageId] = head!.split(':');
        const rule = RULE[short!];
        if (!rule) throw new Error(`unknown rule marker ${raw}`);
        const key = `${rule}:${index + 1 - Number(up ?? 0)}`;
        expected.push(key);
        if (messageId) messageIds.push([key, messageId]);
      }
      return text.slice(0, m.index);
    })
    .join('\n');
  return { code, expected: expected.sort(), messageIds };
}

interface Case {
  readonly name: string;
  readonly file: string;
  readonly code: string;
  readonly config?: 'recommended' | 'strict' | 'all';
  readonly rules?: Linter.RulesRecord;
  readonly extra?: Readonly<Record<string, string>>;
  /** `.gitignore` of the project (default: node_modules, .env, .env.*, !.env.example). */
  readonly gitignore?: string;
  /** `@notionhq/workers` range in package.json; `null`: no dependency. */
  readonly sdk?: string | null;
  readonly then?: (messages: Linter.LintMessage[], code: string) => void;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const isTs = (file: string): boolean => /\.[cm]?tsx?$/u.test(file);

function languageOptions(file: string): Linter.LanguageOptions {
  return {
    ecmaVersion: 'latest',
    sourceType: file.endsWith('.cjs') || file.endsWith('.cts') ? 'commonjs' : 'module',
    ...(isTs(file)
      ? { parser: tsParser as unknown as Linter.Parser }
      : { parserOptions: { ecmaFeatures: { jsx: file.endsWith('.jsx') || file.endsWith('.js') } } }),
  };
}

function lint(c: Case): { messages: Linter.LintMessage[]; spec: Spec } {
  const spec = parseMarkers(c.code);
  const root = mkdtempSync(join(tmpdir(), 'worker-auth-heldout6-'));
  roots.push(root);
  const put = (rel: string, text: string): void => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  const deps = c.sdk === null ? {} : { '@notionhq/workers': c.sdk ?? '^0.9.2' };
  put('package.json', JSON.stringify({ name: 'acme-notion-worker', private: true, type: 'module', dependencies: deps }, null, 2));
  put('.gitignore', c.gitignore ?? 'node_modules\n.env\n.env.*\n!.env.example\n');
  for (const [rel, text] of Object.entries(c.extra ?? {})) put(rel, text);
  put(c.file, spec.code);
  const config: Linter.Config[] = [
    { files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'], languageOptions: languageOptions(c.file) },
    plugin.configs[c.config ?? 'recommended'],
  ];
  if (c.rules) config.push({ rules: c.rules });
  const messages = new Linter({ cwd: root }).verify(spec.code, config, { filename: join(root, c.file) });
  return { messages, spec };
}

/** Every text a finding shows: message, data, suggestion descriptions and suggested code. */
function shownTexts(messages: Linter.LintMessage[]): string[] {
  return messages.flatMap((m) => [
    m.message,
    ...Object.values((m as { data?: Record<string, unknown> }).data ?? {}).map(String),
    ...(m.suggestions ?? []).flatMap((s) => [
      s.desc,
      s.fix.text,
      ...Object.values((s as { data?: Record<string, unknown> }).data ?? {}).map(String),
    ]),
  ]);
}

function assertNothingShown(texts: string[]): void {
  for (const text of texts) {
    for (const { value, random } of PLANTED) {
      if (text.includes(value)) expect.fail(`a planted secret is shown in a ${text.length}-character text`);
      for (let i = 0; i + 8 <= random.length; i++) {
        const window = random.slice(i, i + 8);
        if (text.includes(window)) expect.fail(`8 characters of a planted secret are shown in a ${text.length}-character text`);
      }
    }
  }
}

function check(c: Case): void {
  const { messages, spec } = lint(c);
  expect(messages.filter((m) => m.fatal || m.ruleId === null).map((m) => m.message)).toEqual([]);
  assertNothingShown(shownTexts(messages));
  const actual = messages.map((m) => `${m.ruleId}:${m.line}`).sort();
  expect(actual, messages.map((m) => `${m.ruleId}:${m.line}:${m.column} ${m.messageId}`).join('\n')).toEqual(spec.expected);
  for (const [key, messageId] of spec.messageIds) {
    expect(
      messages.filter((m) => `${m.ruleId}:${m.line}` === key).map((m) => m.messageId),
      key,
    ).toContain(messageId);
  }
  c.then?.(messages, spec.code);
}

// --- helpers for `then` --------------------------------------------------------------------------------------------

function lineOf(code: string, snippet: string): number {
  const line = code.split('\n').findIndex((l) => l.includes(snippet)) + 1;
  expect(line, `no line holds ${snippet}`).toBeGreaterThan(0);
  return line;
}

function findingsAt(messages: Linter.LintMessage[], code: string, rule: string, snippet: string): Linter.LintMessage[] {
  const line = lineOf(code, snippet);
  const found = messages.filter((m) => m.ruleId === RULE[rule] && m.line === line);
  expect(found.length, `a ${rule} finding on the line of ${snippet}`).toBeGreaterThan(0);
  return found;
}

/** The source text each finding of `rule` on the line of `snippet` covers (one-line findings). */
function coveredTexts(messages: Linter.LintMessage[], code: string, rule: string, snippet: string): string[] {
  const line = code.split('\n')[lineOf(code, snippet) - 1]!;
  return findingsAt(messages, code, rule, snippet).map((m) => {
    expect(m.endLine).toBe(m.line);
    return line.slice(m.column - 1, m.endColumn! - 1);
  });
}

function suggestionsAt(messages: Linter.LintMessage[], code: string, rule: string, snippet: string): Linter.LintSuggestion[] {
  return findingsAt(messages, code, rule, snippet).flatMap((m) => m.suggestions ?? []);
}

const applyFix = (code: string, fix: { range: [number, number]; text: string }): string =>
  code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);

/** Parse errors of `code` as file `file` (espree or typescript-eslint), none expected. */
function parseErrors(code: string, file: string): string[] {
  const messages = new Linter().verify(code, [{ files: ['**/*'], languageOptions: languageOptions(file) }], { filename: file });
  return messages.filter((m) => m.fatal).map((m) => m.message);
}

/** Apply the first suggestion at `snippet`, check it parses, and return the new code. */
function applied(messages: Linter.LintMessage[], code: string, rule: string, snippet: string, file: string): string {
  const [first] = suggestionsAt(messages, code, rule, snippet);
  expect(first, `a suggestion at ${snippet}`).toBeDefined();
  const out = applyFix(code, first!.fix);
  expect(parseErrors(out, file)).toEqual([]);
  return out;
}

// --- shared code ---------------------------------------------------------------------------------------------------

const HEAD = `import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;
`;

const ENV_CLIENT = (name: string): string =>
  `  clientId: process.env.${name}_OAUTH_CLIENT_ID ?? "",\n  clientSecret: process.env.${name}_OAUTH_CLIENT_SECRET ?? "",`;

const CASES: Case[] = [];
const GAPS: Case[] = [];

// ==== 1. HTTP client shapes ==========================================================================================

CASES.push({
  name: 'http: axios.create with a Doppler service-account token in a Bearer template; the suggestion reads DOPPLER_TOKEN',
  file: 'src/secrets/doppler.ts',
  code: `
import axios from "axios";

export const doppler = axios.create({
  baseURL: "https://api.doppler.com/v3",
  headers: { Authorization: \`Bearer ${S.dopplerSa}\`, Accept: "application/json" }, ⟪hs:hardcodedSecret⟫
  timeout: 10_000,
});

export const listSecrets = (project: string, config: string) =>
  doppler.get("/configs/config/secrets", { params: { project, config } });
`,
  then: (messages, code) => {
    expect(coveredTexts(messages, code, 'hs', 'Authorization:')).toEqual([S.dopplerSa]);
    const out = applied(messages, code, 'hs', 'Authorization:', 'src/secrets/doppler.ts');
    expect(out).toContain('Authorization: `Bearer ${process.env.DOPPLER_TOKEN ?? ""}`');
  },
});

CASES.push({
  name: 'http: got.extend with a GitLab SCIM token in PRIVATE-TOKEN; the suggestion reads GITLAB_SCIM_TOKEN',
  file: 'src/gitlab/scim.ts',
  code: `
import got from "got";

const gitlab = got.extend({
  prefixUrl: "https://gitlab.com/api/scim/v2/groups/acme",
  headers: { "PRIVATE-TOKEN": "${S.gitlabScim}" }, ⟪hs⟫
  responseType: "json",
  retry: { limit: 2 },
});

export const users = () => gitlab.get("Users").json<{ Resources: { id: string }[] }>();
`,
  then: (messages, code) => {
    const out = applied(messages, code, 'hs', 'PRIVATE-TOKEN', 'src/gitlab/scim.ts');
    expect(out).toContain('"PRIVATE-TOKEN": process.env.GITLAB_SCIM_TOKEN ?? ""');
  },
});

CASES.push({
  name: 'http: ky.create with a Docker Hub PAT after Bearer (at the token only), and ky.get with a concatenated Bearer value',
  file: 'src/registry/dockerhub.mts',
  code: `
import ky from "ky";

export const hub = ky.create({
  prefixUrl: "https://hub.docker.com/v2",
  headers: { Authorization: "Bearer ${S.dockerPat}" }, ⟪hs⟫
  hooks: { beforeRetry: [({ retryCount }) => console.warn("retry", retryCount)] },
});

export const tags = (repo: string) => hub.get(\`repositories/acme/\${repo}/tags\`).json();

export const logs = (deploymentId: string) =>
  ky.get(\`https://api.vercel.com/v3/deployments/\${deploymentId}/events\`, {
    headers: { Authorization: "Bearer " + "${S.kyIntegration}" }, ⟪hs⟫
  });
`,
  then: (messages, code) => {
    expect(coveredTexts(messages, code, 'hs', S.dockerPat)).toEqual([S.dockerPat]);
  },
});

CASES.push({
  name: 'http: undici request() with a Vercel app access token, and an undici Client posting a refresh token body',
  file: 'src/deploy/vercel-projects.ts',
  code: `
import { Client, request } from "undici";

export async function projects(teamId: string) {
  const { body, statusCode } = await request(\`https://api.vercel.com/v9/projects?teamId=\${teamId}\`, {
    method: "GET",
    headers: { authorization: "Bearer ${S.vercelAppAccess}", "user-agent": "acme-notion-worker" }, ⟪hs⟫
  });
  if (statusCode !== 200) throw new Error(\`vercel: \${statusCode}\`);
  return body.json();
}

const vercel = new Client("https://api.vercel.com");

export const refresh = () =>
  vercel.request({
    path: "/v2/oauth/access_token",
    method: "POST",
    body: JSON.stringify({ grant_type: "refresh_token", refresh_token: "${S.undiciRefresh}" }), ⟪hs⟫
  });
`,
});

CASES.push({
  name: 'http: node-fetch with new Headers([["Authorization", "Bearer <HF org token>"]])',
  file: 'src/ai/hf-inference.js',
  code: `
import fetch, { Headers } from "node-fetch";

const headers = new Headers([
  ["Authorization", "Bearer ${S.hfOrg}"], ⟪hs⟫
  ["Content-Type", "application/json"],
]);

export async function embed(inputs) {
  const res = await fetch("https://api-inference.huggingface.co/models/sentence-transformers/all-MiniLM-L6-v2", {
    method: "POST",
    headers,
    body: JSON.stringify({ inputs }),
  });
  return res.json();
}
`,
});

CASES.push({
  name: 'http: got with Datadog DD-API-KEY and DD-APPLICATION-KEY headers (keys that need their header as context)',
  file: 'src/observability/datadog.ts',
  code: `
import got from "got";

export const monitors = () =>
  got("https://api.datadoghq.com/api/v1/monitor", {
    headers: {
      "DD-API-KEY": "${S.ddApiObj}", ⟪hs⟫
      "DD-APPLICATION-KEY": "${S.ddAppObj}", ⟪hs⟫
    },
  }).json<{ id: number; name: string }[]>();
`,
});

CASES.push({
  name: 'http: URLSearchParams object body with a GitLab OAuth application secret as client_secret',
  file: 'src/gitlab/app-token.ts',
  code: `
export async function appToken(): Promise<string> {
  const res = await fetch("https://gitlab.com/oauth/token", {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: "${N.clientIdHex}",
      client_secret: "${S.gitlabOauthSecret}", ⟪hs⟫
      scope: "read_api",
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}
`,
});

CASES.push({
  name: 'http: a form-encoded body string: only the client_secret value is reported, at its own columns',
  file: 'src/auth/client-credentials.ts',
  code: `
export const tokenRequest = () =>
  fetch("https://auth.acme-crm.io/oauth2/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials&client_id=notion-sync&client_secret=${S.formClientSecret}&audience=https://api.acme-crm.io", ⟪hs⟫
  });
`,
  then: (messages, code) => {
    expect(coveredTexts(messages, code, 'hs', 'grant_type=')).toEqual([S.formClientSecret]);
  },
});

CASES.push({
  name: 'http: a Zendesk API token in a const named after it, sent as Basic email/token through Buffer.from',
  file: 'src/support/zendesk.ts',
  code: `
const ZENDESK_EMAIL = "ops@acme.io";
const ZENDESK_API_TOKEN = "${S.zendesk}"; ⟪hs⟫

const auth = Buffer.from(\`\${ZENDESK_EMAIL}/token:\${ZENDESK_API_TOKEN}\`).toString("base64");

export const tickets = () =>
  fetch("https://acme.zendesk.com/api/v2/tickets.json?page[size]=25", { headers: { Authorization: \`Basic \${auth}\` } });
`,
});

CASES.push({
  name: 'http: a precomputed Basic value (base64 of user:password) is reported; an admin:admin Basic value is not',
  file: 'src/integrations/legacy-erp.ts',
  code: `
export const erp = {
  prod: { baseUrl: "https://erp.acme.io/api", headers: { Authorization: "Basic ${BASIC_NOTION_BOT}" } }, ⟪hs⟫
  local: { baseUrl: "http://localhost:8069/api", headers: { Authorization: "Basic ${b64text('admin:admin')}" } },
};
`,
});

CASES.push({
  name: 'http: axios auth { username, password } with a literal password',
  file: 'src/integrations/jenkins.cjs',
  code: `
const axios = require("axios");

module.exports.triggerBuild = (job) =>
  axios.post(\`https://ci.acme.io/job/\${job}/build\`, null, {
    auth: { username: "notion-bot", password: "${S.axiosAuthPassword}" }, ⟪hs⟫
  });
`,
});

CASES.push({
  name: 'http: new Headers([["DD-API-KEY", <32 hex>]]): the tuple names the header like an object key does',
  file: 'src/observability/datadog-events.ts',
  code: `
const headers = new Headers([
  ["Content-Type", "application/json"],
  ["DD-API-KEY", "${S.ddApiTuple}"], ⟪hs⟫
]);

export const sendEvent = (title: string, text: string) =>
  fetch("https://api.datadoghq.eu/api/v1/events", { method: "POST", headers, body: JSON.stringify({ title, text }) });
`,
});

CASES.push({
  name: 'http: [name, value] pairs name their value like object keys: URLSearchParams([["client_secret", …]]), new Map([["apiKey", …]])',
  file: 'src/auth/tuple-form.ts',
  code: `
const form = new URLSearchParams([
  ["grant_type", "client_credentials"],
  ["client_id", "notion-sync"],
  ["client_secret", "${S.tupleClientSecret}"], ⟪hs⟫
]);

export const token = () => fetch("https://login.acme-hr.io/oauth/token", { method: "POST", body: form });

export const options = new Map<string, string>([
  ["baseUrl", "https://api.acme-erp.io"],
  ["apiKey", "${S.mapEntryKey}"], ⟪hs⟫
]);
`,
});

CASES.push({
  name: 'http: Basic auth built with btoa("user:<password>") inside the Authorization template',
  file: 'src/integrations/bamboo-basic.ts',
  code: `
export const employees = () =>
  fetch("https://api.bamboohr.com/api/gateway.php/acme/v1/employees/directory", {
    headers: { Accept: "application/json", Authorization: \`Basic \${btoa("notion-bot:${S.btoaPassword}")}\` }, ⟪hs⟫
  });
`,
});

// ==== 2. TypeScript and JavaScript structures =======================================================================

CASES.push({
  name: 'ts: a class static readonly field with an xAI key (the suggestion reads XAI_API_KEY) and a static #secret field',
  file: 'src/ai/grok.ts',
  code: `
import { createHmac, timingSafeEqual } from "node:crypto";

export class GrokClient {
  static readonly API_KEY = "${S.xai}"; ⟪hs⟫
  static readonly BASE_URL = "https://api.x.ai/v1";

  async chat(prompt: string): Promise<string> {
    const res = await fetch(\`\${GrokClient.BASE_URL}/chat/completions\`, {
      method: "POST",
      headers: { Authorization: \`Bearer \${GrokClient.API_KEY}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ model: "grok-4", messages: [{ role: "user", content: prompt }] }),
    });
    return ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content;
  }
}

export class WebhookVerifier {
  static #secret = "${S.staticSecret}"; ⟪hs⟫

  static verify(body: string, signature: string): boolean {
    const expected = createHmac("sha256", WebhookVerifier.#secret).update(body).digest("hex");
    return timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  }
}
`,
  then: (messages, code) => {
    const out = applied(messages, code, 'hs', 'API_KEY =', 'src/ai/grok.ts');
    expect(out).toContain('static readonly API_KEY = process.env.XAI_API_KEY ?? "";');
  },
});

CASES.push({
  name: 'ts: default parameter values: a GitLab CI job token and a destructured apiKey default',
  file: 'src/gitlab/jobs.ts',
  code: `
export function jobArtifacts(jobId: number, token = "${S.ciJob}") { ⟪hs⟫
  return fetch(\`https://gitlab.com/api/v4/jobs/\${jobId}/artifacts\`, { headers: { "JOB-TOKEN": token } });
}

export class AcmeCrm {
  constructor({ apiKey = "${S.defaultApiKey}", region = "eu" }: { apiKey?: string; region?: string } = {}) { ⟪hs⟫
    this.base = \`https://\${region}.api.acme-crm.io\`;
    this.apiKey = apiKey;
  }
  base: string;
  apiKey: string;
}
`,
});

CASES.push({
  name: 'ts: a New Relic key in a base config spread into two clients (reported once, where written), an Object.assign override',
  file: 'src/observability/newrelic.ts',
  code: `
const base = {
  headers: { "API-Key": "${S.nrUser}", "Content-Type": "application/json" }, ⟪hs⟫
  timeout: 5_000,
};

export const nerdgraph = { ...base, url: "https://api.newrelic.com/graphql" };
export const nerdgraphEu = { ...base, url: "https://api.eu.newrelic.com/graphql" };

const defaults = { baseUrl: "https://api.pipedrive.com/v1", timeout: 8000 };

export const pipedrive = Object.assign({}, defaults, {
  apiToken: "${S.assignToken}", ⟪hs⟫
  companyDomain: "acme",
});
`,
});

CASES.push({
  name: 'ts: a getter returning a PlanetScale OAuth token',
  file: 'src/db/planetscale-api.ts',
  code: `
export class PlanetScaleApi {
  get token(): string {
    return "${S.pscaleOauth}"; ⟪hs⟫
  }
  branches(db: string) {
    return fetch(\`https://api.planetscale.com/v1/organizations/acme/databases/\${db}/branches\`, {
      headers: { Authorization: this.token },
    });
  }
}
`,
});

CASES.push({
  name: 'ts: an `as const` map keyed by provider: a GitHub user-to-server token and a GitLab feed token',
  file: 'src/sync/tokens.ts',
  code: `
export const TOKENS = {
  github: "${S.ghu}", ⟪hs⟫
  gitlab: "${S.glft}", ⟪hs⟫
} as const;

export type Provider = keyof typeof TOKENS;
`,
});

CASES.push({
  name: 'ts: legacy Vercel, Netlify and Cloudflare tokens (no prefix) in a TOKENS map keyed by provider',
  file: 'src/deploy/legacy-tokens.ts',
  code: `
export const LEGACY_DEPLOY_TOKENS = {
  vercel: "${S.vercelLegacy}", ⟪hs⟫
  netlify: "${S.netlifyLegacy}", ⟪hs⟫
  cloudflare: "${S.cfLegacyToken}", ⟪hs⟫
} as const;
`,
});

CASES.push({
  name: 'ts: a switch on the provider returning a Vault batch token, a Terraform Cloud token and a GitHub refresh token',
  file: 'src/infra/token-for.ts',
  code: `
type Provider = "vault" | "terraform" | "github";

export function tokenFor(provider: Provider): string {
  switch (provider) {
    case "vault":
      return "${S.vaultBatch}"; ⟪hs⟫
    case "terraform":
      return "${S.tfc}"; ⟪hs⟫
    case "github":
      return "${S.ghrSwitch}"; ⟪hs⟫
    default:
      return "";
  }
}
`,
});

CASES.push({
  name: 'ts: a namespace exporting a Dynatrace API token; the public token id before it is not shown',
  file: 'src/observability/dynatrace.ts',
  code: `
export namespace Dynatrace {
  export const ENV_URL = "https://abc12345.live.dynatrace.com";
  export const API_TOKEN = "${S.dynatrace}"; ⟪hs⟫

  export const problems = () =>
    fetch(\`\${ENV_URL}/api/v2/problems\`, { headers: { Authorization: \`Api-Token \${API_TOKEN}\` } });
}
`,
  then: (messages, code) => {
    const out = applied(messages, code, 'hs', 'API_TOKEN =', 'src/observability/dynatrace.ts');
    expect(out).toContain('export const API_TOKEN = process.env.DT_API_TOKEN ?? "";');
  },
});

CASES.push({
  name: 'ts: an abstract class with a subclass holding a Buildkite agent session token in a protected field',
  file: 'src/ci/buildkite.ts',
  code: `
abstract class CiClient {
  protected abstract readonly token: string;
  protected abstract readonly baseUrl: string;
  protected get(path: string) {
    return fetch(\`\${this.baseUrl}\${path}\`, { headers: { Authorization: \`Token \${this.token}\` } });
  }
}

export class BuildkiteAgent extends CiClient {
  protected readonly token = "${S.bkaa}"; ⟪hs⟫
  protected readonly baseUrl = "https://agent.buildkite.com/v3";
  ping() {
    return this.get("/ping");
  }
}
`,
});

CASES.push({
  name: 'ts: a decorator argument holding an ElevenLabs key (needs its provider as context: apiKey names it anyway)',
  file: 'src/voice/voice.module.ts',
  code: `
import { Module } from "@nestjs/common";
import { ElevenLabsModule } from "./elevenlabs";

@Module({
  imports: [
    ElevenLabsModule.forRoot({ apiKey: "${S.elevenlabs}", voiceId: "21m00Tcm4TlvDq8ikWAM" }), ⟪hs⟫
  ],
})
export class VoiceModule {}
`,
});

CASES.push({
  name: 'ts: an enum member (Postman collection token) and a string literal type (Datadog PAT): reported, no suggestion',
  file: 'src/qa/pinned.ts',
  code: `
export enum PostmanAccess {
  Collection = "${S.postmanCollection}", ⟪hs⟫
  Workspace = "acme-notion",
}

export type PinnedDatadogToken = "${S.ddpatType}"; ⟪hs⟫
export const isPinned = (t: string): t is PinnedDatadogToken => t.length > 0;
`,
  then: (messages, code) => {
    expect(suggestionsAt(messages, code, 'hs', 'Collection =')).toEqual([]);
    expect(suggestionsAt(messages, code, 'hs', 'PinnedDatadogToken =')).toEqual([]);
  },
});

CASES.push({
  name: 'ts: `process.env.DOPPLER_TOKEN || "<cli token>"` (the suggestion empties it) and config?.dopplerToken ?? "<token>"',
  file: 'src/secrets/doppler.ts',
  code: `
export const dopplerToken = process.env.DOPPLER_TOKEN || "${S.dopplerCliFallback}"; ⟪hs:hardcodedFallback⟫

export function resolveToken(config?: { dopplerToken?: string }) {
  return config?.dopplerToken ?? "${S.dopplerPersonalConfig}"; ⟪hs⟫
}
`,
  then: (messages, code) => {
    const out = applied(messages, code, 'hs', 'process.env.DOPPLER_TOKEN ||', 'src/secrets/doppler.ts');
    expect(out).toMatch(/process\.env\.DOPPLER_TOKEN \|\| ""/);
  },
});

CASES.push({
  name: 'ts: a destructuring default from process.env holding a legacy Grafana API key; the suggestion empties it',
  file: 'src/observability/grafana.ts',
  code: `
const { GRAFANA_URL = "https://acme.grafana.net", GRAFANA_API_KEY = "${S.grafanaLegacy}" } = process.env; ⟪hs:hardcodedFallback⟫

export const dashboards = () =>
  fetch(\`\${GRAFANA_URL}/api/search?type=dash-db\`, { headers: { Authorization: \`Bearer \${GRAFANA_API_KEY}\` } });
`,
  then: (messages, code) => {
    const out = applied(messages, code, 'hs', 'GRAFANA_API_KEY =', 'src/observability/grafana.ts');
    expect(out).toContain('GRAFANA_API_KEY = ""');
  },
});

// ==== 3. JSX and TSX ================================================================================================

CASES.push({
  name: 'tsx: a Mapbox temporary token in a prop is reported; the public pk. token next to it is not',
  file: 'src/components/SiteMap.tsx',
  code: `
import Map from "react-map-gl/mapbox";

export function SiteMap({ preview }: { preview: boolean }) {
  return preview ? (
    <Map mapboxAccessToken="${N.mapboxPk}" initialViewState={{ longitude: -122.4, latitude: 37.8, zoom: 12 }} />
  ) : (
    <Map mapboxAccessToken="${S.mapboxTemp}" mapStyle="mapbox://styles/mapbox/streets-v12" /> ⟪hs⟫
  );
}
`,
});

CASES.push({
  name: 'jsx: an OpenAI admin key in an expression container prop and a legacy key in JSX text (espree)',
  file: 'src/components/AdminPanel.jsx',
  code: `
import { UsageChart } from "./UsageChart";

export function AdminPanel() {
  return (
    <section>
      <UsageChart apiKey={"${S.openaiAdmin}"} days={30} /> ⟪hs⟫
      <pre>
        export OPENAI_API_KEY=${S.openaiLegacy} ⟪hs⟫
      </pre>
    </section>
  );
}
`,
});

CASES.push({
  name: 'tsx: a Grafana Cloud token in a data attribute of an embed and a Figma OAuth token in a token prop',
  file: 'src/components/Embeds.tsx',
  code: `
import { FigmaEmbed } from "./FigmaEmbed";

export const MetricsEmbed = ({ panel }: { panel: number }) => (
  <iframe
    title="metrics"
    src={\`https://acme.grafana.net/d-solo/notion/sync?panelId=\${panel}\`}
    data-token="${S.grafanaCloud}" ⟪hs⟫
  />
);

export const DesignPreview = ({ fileKey }: { fileKey: string }) => (
  <FigmaEmbed fileKey={fileKey} token="${S.tsxTokenProp}" /> ⟪hs⟫
);
`,
});

CASES.push({
  name: 'tsx: publishable keys in providers, SRI integrity attributes, a data: URI image and a Notion page link: nothing',
  file: 'src/app/Providers.tsx',
  code: `
import { Elements } from "@stripe/react-stripe-js";
import { loadStripe } from "@stripe/stripe-js";
import { createClient } from "@supabase/supabase-js";
import { GoogleOAuthProvider } from "@react-oauth/google";

const stripe = loadStripe("${N.stripePk}");
export const supabase = createClient("https://${SB_REF}.supabase.co", "${N.sbPublishable}");

export function Providers({ children }: { children: React.ReactNode }) {
  return (
    <GoogleOAuthProvider clientId="${N.googleClientId}">
      <script src="https://cdn.acme.io/widget.3f2a9c1b.js" integrity="${N.sri384}" crossOrigin="anonymous" />
      <link rel="stylesheet" href="https://cdn.acme.io/widget.css" integrity="${N.sri512}" />
      <img alt="logo" src="data:image/png;base64,${N.png}" />
      <a href="https://www.notion.so/acme/Roadmap-${N.notionPageHex}">Roadmap</a>
      <Elements stripe={stripe}>{children}</Elements>
    </GoogleOAuthProvider>
  );
}
`,
});

CASES.push({
  name: 'ts: a Firebase web config: the AIza key is reported by default (docs: use ignoreProviders), the ids are not',
  file: 'src/firebase.ts',
  code: `
import { initializeApp } from "firebase/app";

export const app = initializeApp({
  apiKey: "${S.firebase}", ⟪hs⟫
  authDomain: "acme-notion.firebaseapp.com",
  projectId: "acme-notion",
  storageBucket: "acme-notion.appspot.com",
  messagingSenderId: "${N.firebaseSender}",
  appId: "${N.firebaseAppId}",
  measurementId: "${N.measurementId}",
});
`,
});

CASES.push({
  name: 'ts: the same Firebase web config with ignoreProviders: ["google-api-key"]: nothing',
  file: 'src/firebase.ts',
  rules: { 'worker-auth/no-hardcoded-secrets': ['error', { ignoreProviders: ['google-api-key'] }] },
  code: `
import { initializeApp } from "firebase/app";

export const app = initializeApp({
  apiKey: "${S.firebaseIgnored}",
  authDomain: "acme-notion.firebaseapp.com",
  projectId: "acme-notion",
  messagingSenderId: "${N.firebaseSender}",
  appId: "${N.firebaseAppId}",
});
`,
});

// ==== 4. Connection strings, infrastructure and scripts ==============================================================

CASES.push({
  name: 'conn: a PlanetScale password in a mysql URL and a generic URL password, each one finding at its columns; a service token id:token',
  file: 'src/db/connections.ts',
  code: `
export const DATABASES = {
  planetscale: "mysql://acme_sync:${S.pscalePw}@aws.connect.psdb.cloud/notion?sslaccept=strict", ⟪hs⟫
  reporting: "mysql://reporter:${S.mysqlPw}@db.acme.internal:3306/reporting", ⟪hs⟫
  local: "mysql://root:root@127.0.0.1:3306/notion",
};

export const databases = () =>
  fetch("https://api.planetscale.com/v1/organizations/acme/databases", {
    headers: { Authorization: "notion-sync:${S.pscaleService}" }, ⟪hs⟫
  });
`,
  then: (messages, code) => {
    expect(coveredTexts(messages, code, 'hs', 'planetscale:')).toEqual([S.pscalePw]);
    expect(coveredTexts(messages, code, 'hs', 'reporting:')).toEqual([S.mysqlPw]);
    expect(coveredTexts(messages, code, 'hs', 'Authorization:')).toEqual([S.pscaleService]);
  },
});

CASES.push({
  name: 'conn: an Azure storage connection string (the suggestion turns it into a template reading AZURE_STORAGE_KEY) and a SAS URL',
  file: 'src/exports/azure-blob.ts',
  code: `
import { BlobServiceClient } from "@azure/storage-blob";

export const blobs = BlobServiceClient.fromConnectionString(
  "DefaultEndpointsProtocol=https;AccountName=acmenotion;${S.azureStorage};EndpointSuffix=core.windows.net", ⟪hs⟫
);

const SAS_URL =
  "https://acmenotion.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=o&sp=rwl&se=2027-01-01T00:00:00Z&spr=https&${S.azureSas}"; ⟪hs⟫

export const upload = (name: string, body: Blob) => {
  const url = new URL(SAS_URL);
  url.pathname += \`/\${name}\`;
  return fetch(url, { method: "PUT", headers: { "x-ms-blob-type": "BlockBlob" }, body });
};
`,
  then: (messages, code) => {
    const out = applied(messages, code, 'hs', 'DefaultEndpointsProtocol', 'src/exports/azure-blob.ts');
    expect(out).toContain('process.env.AZURE_STORAGE_KEY');
    expect(out).toContain('AccountName=acmenotion;');
    expect(out).toContain(';EndpointSuffix=core.windows.net`');
  },
});

CASES.push({
  name: 'script: an .npmrc written with a legacy _authToken (UUID) and a Doppler audit token in a const (.mjs)',
  file: 'scripts/publish-setup.mjs',
  code: `
import { writeFileSync } from "node:fs";

writeFileSync(".npmrc", "//registry.npmjs.org/:${S.npmLegacy}\\nalways-auth=true\\n"); ⟪hs⟫

const DOPPLER_AUDIT_TOKEN = "${S.dopplerAudit}"; ⟪hs⟫
const res = await fetch("https://api.doppler.com/v3/workplace/users", {
  headers: { authorization: \`Bearer \${DOPPLER_AUDIT_TOKEN}\` },
});
console.log(res.status);
`,
});

CASES.push({
  name: 'ai: a long-lived Bedrock key as env fallback and a short-term one after Bearer',
  file: 'src/ai/bedrock.ts',
  code: `
const longLived = process.env.AWS_BEARER_TOKEN_BEDROCK ?? "${S.bedrockLong}"; ⟪hs:hardcodedFallback⟫

export const invoke = (modelId: string, body: unknown, shortTerm = false) =>
  fetch(\`https://bedrock-runtime.us-east-1.amazonaws.com/model/\${modelId}/invoke\`, {
    method: "POST",
    headers: {
      Authorization: shortTerm ? "Bearer ${S.bedrockShort}" : \`Bearer \${longLived}\`, ⟪hs⟫
      "Content-Type": "application/json",
    },
    body: JSON.stringify(body),
  });
`,
});

CASES.push({
  name: 'script: an age secret key and a PyPI token in child-process env objects; the age public recipient is not reported',
  file: 'scripts/release.ts',
  code: `
import { execFileSync } from "node:child_process";
import { execa } from "execa";

const recipient = "age1${randomString(CHARSETS.bech32, 58, 9570)}";
execFileSync("sops", ["--decrypt", "--age", recipient, "secrets.enc.yaml"], {
  env: { ...process.env, SOPS_AGE_KEY: "${S.age}" }, ⟪hs⟫
});

await execa("twine", ["upload", "dist/*"], {
  env: { TWINE_USERNAME: "__token__", TWINE_PASSWORD: "${S.pypi}" }, ⟪hs⟫
  stdio: "inherit",
});
`,
});

CASES.push({
  name: 'keys: a PuTTY private key in a multi-line template literal, reported at its first line',
  file: 'scripts/sftp-export.ts',
  code: `
export const SFTP_KEY = \`${S.putty}\`; ⟪hs@${S.putty.split('\n').length - 1}⟫

export const sftpConfig = { host: "sftp.acme-erp.io", port: 22, username: "notion", privateKey: SFTP_KEY };
`,
});

CASES.push({
  name: 'keys: a PGP private key block in a one-line string with \\n escapes',
  file: 'src/crypto/pgp.ts',
  code: `
import * as openpgp from "openpgp";

const ARMORED = "${S.pgp.replace(/\n/g, '\\n')}"; ⟪hs⟫

export const decryptKey = () => openpgp.readPrivateKey({ armoredKey: ARMORED });
`,
});

CASES.push({
  name: 'github: a base64-encoded PEM as the fallback of GITHUB_APP_PRIVATE_KEY and a stateless installation token in Octokit',
  file: 'src/github/app.mts',
  code: `
import { App } from "octokit";
import { Octokit } from "@octokit/rest";

const privateKey = Buffer.from(process.env.GITHUB_APP_PRIVATE_KEY ?? "${S.pemB64}", "base64").toString("utf8"); ⟪hs:hardcodedFallback⟫

export const app = new App({ appId: 123456, privateKey });
export const octokit = new Octokit({ auth: "${S.ghsStateless}", userAgent: "acme-notion-worker" }); ⟪hs⟫
`,
});

CASES.push({
  name: 'heroku: a legacy UUID key under HEROKU_API_KEY and an HRKU-<uuid> key in a client; the app UUID in appId is not',
  file: 'src/deploy/heroku.ts',
  code: `
import Heroku from "heroku-client";

const HEROKU_API_KEY = "${S.herokuLegacy}"; ⟪hs⟫
const herokuAppId = "${N.herokuAppId}";

export const releases = () =>
  fetch(\`https://api.heroku.com/apps/\${herokuAppId}/releases\`, {
    headers: { Accept: "application/vnd.heroku+json; version=3", Authorization: \`Bearer \${HEROKU_API_KEY}\` },
  });

export const heroku = new Heroku({ token: "${S.herokuUuid}" }); ⟪hs⟫
`,
});

CASES.push({
  name: 'cloudflare: X-Auth-Key with a new Global API Key and a legacy 37-hex key, an Origin CA key in its own header',
  file: 'src/infra/cloudflare-dns.ts',
  code: `
const EMAIL = "ops@acme.io";

export const zonesNew = () =>
  fetch("https://api.cloudflare.com/client/v4/zones", { headers: { "X-Auth-Email": EMAIL, "X-Auth-Key": "${S.cfGlobal}" } }); ⟪hs⟫

export const zonesLegacy = () =>
  fetch("https://api.cloudflare.com/client/v4/zones", { headers: { "X-Auth-Email": EMAIL, "X-Auth-Key": "${S.cfLegacyGlobal}" } }); ⟪hs⟫

export const createCert = (csr: string) =>
  fetch("https://api.cloudflare.com/client/v4/certificates", {
    method: "POST",
    headers: { "X-Auth-User-Service-Key": "${S.cfOriginCa}" }, ⟪hs⟫
    body: JSON.stringify({ csr, hostnames: ["notion.acme.io"], request_type: "origin-rsa", requested_validity: 5475 }),
  });
`,
});

CASES.push({
  name: 'meta: a Facebook app secret for appsecret_proof and an Instagram token in a Graph URL query',
  file: 'src/social/instagram.ts',
  code: `
import { createHmac } from "node:crypto";

const FACEBOOK_APP_SECRET = "${S.metaAppSecret}"; ⟪hs⟫

export const proof = (token: string) => createHmac("sha256", FACEBOOK_APP_SECRET).update(token).digest("hex");

export const media = () =>
  fetch("https://graph.instagram.com/me/media?fields=id,caption,permalink&access_token=${S.instagram}"); ⟪hs⟫
`,
  then: (messages, code) => {
    expect(coveredTexts(messages, code, 'hs', 'graph.instagram.com')).toEqual([S.instagram]);
  },
});

CASES.push({
  name: 'identity: an Auth0 client secret (64 b64url) in a management client and a bare Okta token sent with SSWS',
  file: 'src/identity/clients.ts',
  code: `
import { ManagementClient } from "auth0";

export const management = new ManagementClient({
  domain: "acme.eu.auth0.com",
  clientId: "${b62(32, 9572)}",
  clientSecret: "${S.auth0Secret}", ⟪hs⟫
});

const OKTA_API_TOKEN = "${S.oktaBare}"; ⟪hs⟫

export const users = () =>
  fetch("https://acme.okta.com/api/v1/users?limit=200", { headers: { Authorization: \`SSWS \${OKTA_API_TOKEN}\` } });
`,
  then: (messages, code) => {
    const out = applied(messages, code, 'hs', 'clientSecret:', 'src/identity/clients.ts');
    // The provider's name is only in the import and the domain, not in a name of the position: the env name is derived
    // from the position (`…CLIENT_SECRET`), which the docs allow for a value whose format "needs context".
    expect(out).toMatch(/clientSecret: process\.env\.[A-Z0-9_]*CLIENT_SECRET \?\? ""/);
  },
});

CASES.push({
  name: 'tokens: Slack legacy and rotating tokens in WebClient constructors, DigitalOcean OAuth tokens in a session object',
  file: 'src/chat/clients.ts',
  code: `
import { WebClient } from "@slack/web-api";

export const legacy = new WebClient("${S.slackLegacy}"); ⟪hs⟫
export const rotating = new WebClient("${S.slackRotating}", { retryConfig: { retries: 2 } }); ⟪hs⟫

export const doSession = {
  access_token: "${S.doOauth}", ⟪hs⟫
  refresh_token: "${S.doRefresh}", ⟪hs⟫
  token_type: "bearer",
  expires_in: 2592000,
};
`,
});

CASES.push({
  name: 'commerce: a legacy Square sq0atp- token (the application id is not reported) and a Shopify private-app token',
  file: 'src/commerce/clients.ts',
  code: `
import { SquareClient, SquareEnvironment } from "square";

export const SQUARE_APPLICATION_ID = "${N.squareAppId}";
export const square = new SquareClient({ token: "${S.squareLegacy}", environment: SquareEnvironment.Production }); ⟪hs⟫

export const orders = () =>
  fetch("https://acme-store.myshopify.com/admin/api/2025-10/orders.json?status=any", {
    headers: { "X-Shopify-Access-Token": "${S.shopifyPrivate}" }, ⟪hs⟫
  });
`,
});

CASES.push({
  name: 'gitlab: runner tokens in a generated config.toml template and a registration token in a CLI call',
  file: 'scripts/register-runner.ts',
  code: `
import { execFileSync } from "node:child_process";

export const runnerToml = (name: string) => \`[[runners]]
  name = "\${name}"
  url = "https://gitlab.com"
  token = "${S.runner}" ⟪hs⟫
  executor = "docker"\`;

export const routableToml = \`token = "${S.runnerRoutable}"\`; ⟪hs⟫

execFileSync("gitlab-runner", ["register", "--non-interactive", "--registration-token", "${S.runnerReg}"]); ⟪hs⟫
`,
});

CASES.push({
  name: 'gitlab: deploy, agent, incoming-mail, feature-flag and pipeline-trigger tokens in one settings module',
  file: 'src/gitlab/settings.ts',
  code: `
export const gitlabSettings = {
  deployToken: "${S.gitlabDeploy}", ⟪hs⟫
  agentToken: "${S.glagent}", ⟪hs⟫
  incomingEmailToken: "${S.glimt}", ⟪hs⟫
  unleash: { instanceId: "${S.glffct}", url: "https://gitlab.com/api/v4/feature_flags/unleash/42" }, ⟪hs⟫
  triggerToken: "${S.glptt}", ⟪hs⟫
};
`,
});

CASES.push({
  name: 'datadog: new-format ddsat_/ddapp_ keys and a New Relic insert key in one observability config',
  file: 'src/observability/config.ts',
  code: `
export const observability = {
  datadog: { accessToken: "${S.ddsat}", appKey: "${S.ddapp}" }, ⟪hs,hs⟫
  newRelic: { insertKey: "${S.nrInsert}", accountId: "${N.awsAccountId}" }, ⟪hs⟫
};
`,
});

CASES.push({
  name: 'ai: an OpenAI service-account key and an Azure AI services key in SDK constructors, a LangSmith token under satisfies',
  file: 'src/ai/clients.ts',
  code: `
import OpenAI, { AzureOpenAI } from "openai";

export const openai = new OpenAI({ apiKey: "${S.openaiSvc}", organization: "org-acme" }); ⟪hs⟫
export const azure = new AzureOpenAI({
  endpoint: "https://acme-notion.openai.azure.com",
  apiKey: "${S.azureAi}", ⟪hs⟫
  apiVersion: "2024-10-21",
});

interface TracingConfig {
  endpoint: string;
  apiKey: string;
  project: string;
}

export const tracing = {
  endpoint: "https://api.smith.langchain.com",
  apiKey: "${S.langsmith}", ⟪hs⟫
  project: "notion-worker",
} satisfies TracingConfig;
`,
});

CASES.push({
  name: 'postmark: a server token (a bare UUID) in X-Postmark-Server-Token: UUIDs are dismissed by position, not shape',
  file: 'src/mail/postmark.ts',
  code: `
export const send = (to: string, subject: string, html: string) =>
  fetch("https://api.postmarkapp.com/email", {
    method: "POST",
    headers: { "X-Postmark-Server-Token": "${S.postmark}", Accept: "application/json" }, ⟪hs⟫
    body: JSON.stringify({ From: "notion@acme.io", To: to, Subject: subject, HtmlBody: html, MessageStream: "outbound" }),
  });
`,
});

// ==== 5. False-positive bait: nothing may be reported ================================================================

CASES.push({
  name: 'bait: UUIDs and hex ids in id positions, and URL/header/name values whose keys mention token or password',
  file: 'src/sync/config.ts',
  code: `
export const syncConfig = {
  workspaceId: "${N.workspaceUuid}",
  databaseId: "${N.notionDbUuid}",
  parent: { page_id: "${N.notionPageHex}" },
  webflowSiteId: "${N.webflowSiteId}",
  miroBoardId: "${N.miroBoardId}",
  slackChannelId: "${N.slackChannel}",
  herokuAppId: "${N.herokuAppId}",
  oktaOrgId: "${N.oktaOrgId}",
};

export const urls = {
  tokenUrl: "https://auth.acme.io/oauth/token",
  passwordResetUrl: "https://app.acme.io/reset-password?ref=${b62(20, 9573)}",
  apiKeyHeader: "X-Acme-Api-Key",
  secretName: "projects/acme/secrets/notion-token/versions/latest",
};
`,
});

CASES.push({
  name: 'bait: git SHAs, a sha256 checksum, an ETag, a lockfile-like integrity map and a data: URI font in CSS-in-JS',
  file: 'src/build-info.ts',
  code: `
export const BUILD = {
  commit: "${N.commitSha}",
  shortCommit: "${N.shortSha}",
  artifactSha256: "${N.sha256}",
  etag: "W/\\"${N.etag}\\"",
  bundle: "main.${N.assetHash}.js",
};

export const integrity = { "@acme/ui@3.2.1": "${N.sri512}", "@acme/icons@1.0.0": "${N.sri384}" };

export const fontFace = \`
@font-face {
  font-family: "Acme Sans";
  src: url("data:font/woff2;base64,${N.woff2}") format("woff2");
}\`;
`,
});

CASES.push({
  name: 'bait: cursors (nextPageToken, syncToken, start_cursor), a PKCE challenge, an Idempotency-Key and cache/sort/partition keys',
  file: 'src/sync/paging.ts',
  code: `
export const resumeState = {
  nextPageToken: "${N.cursor}",
  syncToken: "${N.syncToken}",
  start_cursor: "${N.notionDbUuid}",
  code_challenge: "${N.codeChallenge}",
  code_challenge_method: "S256",
};

export const charge = (amount: number) =>
  fetch("https://api.acme-pay.io/v1/charges", {
    method: "POST",
    headers: { "Idempotency-Key": "${N.idempotency}", "Content-Type": "application/json" },
    body: JSON.stringify({ amount }),
  });

export const keys = {
  cacheKey: "${N.cacheKey}",
  sortKey: "${N.sortKey}",
  partitionKey: "${N.partitionKey}",
  i18nKey: "${N.i18nKey}",
};
`,
});

CASES.push({
  name: 'bait: placeholders (angle brackets, YOUR_…, xxxx, ****, ${VAR}, {{…}}, cut short), a redacted value, near misses',
  file: 'src/config.example.ts',
  code: `
export const exampleConfig = {
  notionToken: "<paste your integration token here>",
  linearApiKey: "YOUR_LINEAR_API_KEY",
  dopplerToken: "${X_FILLER}",
  stripeSecretKey: "${'sk'}_live_${'*'.repeat(24)}",
  datadogApiKey: "\${DD_API_KEY}",
  webhookSecret: "{{ secrets.WEBHOOK_SECRET }}",
  githubToken: "${'ghp'}_${'Ab12'}...",
  password: "changeme",
};

export const status = {
  linear: { configured: true, token: "${REDACTED_LINEAR}" },
  rejected: ["${N.linearLookalike}", "${N.dopplerLookalike}"],
};
`,
});

CASES.push({
  name: 'bait: AWS documentation example keys and the jwt.io sample token',
  file: 'src/docs/snippets.ts',
  code: `
export const awsExample = {
  accessKeyId: "${AWS_DOC_KEY_ID}",
  secretAccessKey: "${AWS_DOC_SECRET}",
  region: "us-east-1",
};

export const sampleAuthorization = "Bearer ${JWT_IO_SAMPLE}";
`,
});

CASES.push({
  name: 'bait: identifiers: AWS key ids alone, Twilio SIDs, Stripe object ids, a request id and a trace id',
  file: 'src/ids.ts',
  code: `
export const ids = {
  awsAccessKeyId: "${N.awsKeyId}",
  stsAccessKeyId: "${N.awsTempKeyId}",
  twilioAccountSid: "${N.twilioSid}",
  twilioApiKeySid: "${N.twilioKeySid}",
  customer: "${N.stripeCus}",
  price: "${N.stripePrice}",
  requestId: "${N.requestId}",
  traceId: "${N.traceId}",
};
`,
});

CASES.push({
  name: 'bait: publishable keys by format (Mailgun pubkey-, New Relic NRJS-, Square app id, Mapbox pk.), an anon JWT, an expired JWT',
  file: 'src/client/public-keys.ts',
  code: `
export const PUBLIC = {
  mailgunValidationKey: "${N.mailgunPub}",
  newRelicBrowserKey: "${N.nrBrowser}",
  squareApplicationId: "${N.squareAppId}",
  mapboxToken: "${N.mapboxPk}",
  stripePublishableKey: "${N.stripePk}",
};

export const SUPABASE_ANON_KEY = "${N.sbAnon}";
export const expiredSession = { accessToken: "${N.expiredJwt}", expiresAt: 1577840400 };
`,
});

CASES.push({
  name: 'bait: public material: an SSH public key, a PEM public key, a certificate and a JWK public key',
  file: 'src/crypto/public.ts',
  code: `
export const deployKey = "${N.sshPub}";
export const SIGNING_PUBLIC_KEY = "${N.publicPem}";
export const CA_CERT = "${N.certPem}";
export const jwk = { kty: "RSA", use: "sig", alg: "RS256", kid: "${N.jwkKid}", n: "${N.jwkN}", e: "AQAB" };
export const publicKey = "${N.publicKeyB64}";
`,
});

CASES.push({
  name: 'bait: stored password hashes in a seed file (bcrypt, argon2id, Django pbkdf2) even under password keys',
  file: 'src/db/seed-users.ts',
  code: `
export const users = [
  { email: "ada@acme.io", password: "${N.bcrypt}" },
  { email: "grace@acme.io", passwordHash: "${N.argon}" },
  { email: "linus@acme.io", password: "${N.django}" },
];
`,
});

CASES.push({
  name: 'bait: a Datadog RUM client token (pub…) in a browser config and public OAuth client ids in client-id positions',
  file: 'src/client/rum.ts',
  code: `
import { datadogRum } from "@datadog/browser-rum";

datadogRum.init({
  applicationId: "${N.notionDbUuid}",
  clientToken: "${N.ddRumClient}",
  site: "datadoghq.com",
  service: "notion-worker-ui",
});

export const CLIENT_IDS = {
  box: "${N.boxClientId}",
  xeroClientId: "${N.xeroClientId}",
  spotify_client_id: "${N.spotifyClientId}",
};
`,
});

CASES.push({
  name: 'bait: a Sentry DSN (public key in the user-info, no secret) in Sentry.init',
  file: 'src/monitoring/sentry.ts',
  code: `
import * as Sentry from "@sentry/node";

Sentry.init({
  dsn: "https://${N.sentryDsnKey}@o450123.ingest.us.sentry.io/4508123456789",
  tracesSampleRate: 0.1,
});
`,
});

// ==== 6. Test files and fixtures (testFiles: "high-confidence" by default, "all" in strict) ======================

const TEST_CLIENT = `
import { describe, expect, it } from "vitest";
import { AcmeCrm } from "../src/acme";

describe("AcmeCrm", () => {
  it("sends the key", async () => {
    const crm = new AcmeCrm({ apiKey: "${S.testGeneric}" }); ⟪MARK⟫
    expect(crm.base).toContain("acme");
  });
});
`;

CASES.push({
  name: 'tests: a made-up generic apiKey in a *.test.ts file is not reported by recommended',
  file: 'test/acme.test.ts',
  code: TEST_CLIENT.replace(' ⟪MARK⟫', ''),
});

CASES.push({
  name: 'tests: the same test file under strict (testFiles: "all") is reported',
  file: 'test/acme.test.ts',
  config: 'strict',
  code: TEST_CLIENT.replace('MARK', 'hs'),
});

CASES.push({
  name: 'tests: a prefix-certain Buildkite user token in a test file is reported by recommended',
  file: 'src/__tests__/buildkite.test.ts',
  code: `
import { it } from "vitest";
import { pipelines } from "../buildkite";

it("lists pipelines", async () => {
  await pipelines({ token: "${S.testBkua}" }); ⟪hs⟫
});
`,
});

CASES.push({
  name: 'tests: a Datadog API key (needs context, no prefix) in a fixture is not reported by recommended',
  file: 'test/fixtures/datadog-env.ts',
  code: `
export const DATADOG_FIXTURE = { DD_API_KEY: "${S.testDd}", DD_SITE: "datadoghq.eu" };
`,
});

CASES.push({
  name: 'tests: the same fixture under strict is reported',
  file: 'test/fixtures/datadog-env.ts',
  config: 'strict',
  code: `
export const DATADOG_FIXTURE = { DD_API_KEY: "${S.testDd}", DD_SITE: "datadoghq.eu" }; ⟪hs⟫
`,
});

CASES.push({
  name: 'tests: a story file: a URL password is not reported, a PGP private key is',
  file: 'src/components/DbStatus.stories.tsx',
  code: `
import type { Meta } from "@storybook/react";
import { DbStatus } from "./DbStatus";

export default { component: DbStatus } satisfies Meta<typeof DbStatus>;

export const Connected = { args: { url: "postgres://app:${S.testUrlPw}@db.acme.internal:5432/notion" } };
export const WithKey = { args: { armored: "${S.testPgp.replace(/\n/g, '\\n')}" } }; ⟪hs⟫
`,
});

CASES.push({
  name: 'tests: a spec with an OAuth client mock: oauth-credentials-from-env skips test files, hs skips the generic secret',
  file: 'src/__tests__/oauth.spec.ts',
  code: `
${HEAD.trim()}

worker.oauth("acmeTest", {
  name: "acme-test",
  authorizationEndpoint: "https://auth.acme.io/oauth/authorize",
  tokenEndpoint: "https://auth.acme.io/oauth/token",
  scope: "read",
  clientId: "acme-test-client",
  clientSecret: "${S.testClientSecret}",
});
`,
});

CASES.push({
  name: 'tests: the same spec with checkTestFiles: true: the client id and the secret are reported by oauth-credentials-from-env',
  file: 'src/__tests__/oauth.spec.ts',
  rules: { 'worker-auth/oauth-credentials-from-env': ['error', { checkTestFiles: true }] },
  code: `
${HEAD.trim()}

worker.oauth("acmeTest", {
  name: "acme-test",
  authorizationEndpoint: "https://auth.acme.io/oauth/authorize",
  tokenEndpoint: "https://auth.acme.io/oauth/token",
  scope: "read",
  clientId: "acme-test-client", ⟪ce:hardcodedClientId⟫
  clientSecret: "${S.testClientSecret}", ⟪ce:hardcodedSecret⟫
});
`,
});

CASES.push({
  name: 'tests: an e2e spec with a GitHub refresh token (checksum-certain) is reported',
  file: 'e2e/github-login.spec.ts',
  code: `
import { test } from "@playwright/test";

test("refreshes the GitHub token", async ({ request }) => {
  await request.post("https://github.com/login/oauth/access_token", {
    form: { grant_type: "refresh_token", refresh_token: "${S.testGhr}" }, ⟪hs⟫
  });
});
`,
});

CASES.push({
  name: 'tests: a Supabase service_role JWT in a test is not reported by recommended (JWTs are test fakes there)',
  file: 'test/supabase-admin.test.ts',
  code: `
import { createClient } from "@supabase/supabase-js";
export const admin = createClient("http://127.0.0.1:54321", "${S.testServiceRole}");
`,
});

CASES.push({
  name: 'tests: the same Supabase service_role JWT under strict is reported',
  file: 'test/supabase-admin.test.ts',
  config: 'strict',
  code: `
import { createClient } from "@supabase/supabase-js";
export const admin = createClient("http://127.0.0.1:54321", "${S.testServiceRole}"); ⟪hs⟫
`,
});

CASES.push({
  name: 'tests: env reads in a test file are not checked against .env.example by default',
  file: 'test/setup-env.test.ts',
  extra: { '.env.example': 'LINEAR_API_KEY=\n' },
  code: `
import { it, expect } from "vitest";
it("has a key", () => {
  expect(process.env.VITEST_LINEAR_FIXTURE ?? process.env.ACME_TEST_TOKEN).toBeUndefined();
});
`,
});

CASES.push({
  name: 'tests: with checkTestFiles: true, the env reads of a test file are checked',
  file: 'test/setup-env.test.ts',
  extra: { '.env.example': 'LINEAR_API_KEY=\n' },
  rules: { 'worker-auth/env-example-in-sync': ['error', { checkTestFiles: true }] },
  code: `
import { it, expect } from "vitest";
it("has a key", () => {
  expect(process.env.VITEST_LINEAR_FIXTURE ?? process.env.ACME_TEST_TOKEN).toBeUndefined(); ⟪env,env⟫
});
`,
});

CASES.push({
  name: 'tests: a legacy Netlify token (needs context) in a __mocks__ module is not reported by recommended',
  file: 'src/__mocks__/netlify.ts',
  code: `
export const NETLIFY_AUTH_TOKEN = "${S.testNetlifyLegacy}";
`,
});

// ==== 7. env-example-in-sync ========================================================================================

CASES.push({
  name: 'env: .env.example with export KEY=, KEY: value and empty values counts them all; the missing read is reported',
  file: 'src/index.ts',
  extra: {
    '.env.example': '# Acme worker\nexport WEBFLOW_API_TOKEN=\nMIRO_ACCESS_TOKEN: <paste your token>\nPIPEDRIVE_API_TOKEN=""\n',
  },
  code: `${HEAD}
const { WEBFLOW_API_TOKEN, MIRO_ACCESS_TOKEN: miro } = process.env;
const pipedrive = process.env["PIPEDRIVE_API_TOKEN"];
const box = process.env.BOX_DEVELOPER_TOKEN; ⟪env⟫

export const tokens = { webflow: WEBFLOW_API_TOKEN, miro, pipedrive, box };
`,
  then: (messages, code) => {
    const [m] = findingsAt(messages, code, 'env', 'BOX_DEVELOPER_TOKEN');
    expect(m!.message).toContain('BOX_DEVELOPER_TOKEN=');
  },
});

CASES.push({
  name: 'env: the nearest .env.example wins: the package template lacks a name the root template has',
  file: 'packages/calendar-worker/src/index.ts',
  extra: {
    '.env.example': 'CALENDLY_ACCESS_TOKEN=\nXERO_CLIENT_ID=\n',
    'packages/calendar-worker/.env.example': 'XERO_CLIENT_ID=\n',
  },
  code: `
export const calendly = process.env.CALENDLY_ACCESS_TOKEN ?? ""; ⟪env⟫
export const xero = process.env.XERO_CLIENT_ID ?? "";
`,
});

CASES.push({
  name: 'env: process.env[KEY] with a constant key, import { env } from "node:process" and a process alias',
  file: 'src/env.ts',
  extra: { '.env.example': 'STRAVA_CLIENT_ID=\n' },
  code: `
import { env } from "node:process";
import proc from "node:process";

const KEY = "STRAVA_REFRESH_TOKEN";
export const refresh = process.env[KEY]; ⟪env⟫
export const clientId = env.STRAVA_CLIENT_ID;
export const secret = env.STRAVA_CLIENT_SECRET; ⟪env⟫
export const webhook = proc.env.STRAVA_VERIFY_TOKEN; ⟪env⟫
`,
});

CASES.push({
  name: 'env: runtime names, writes and dynamic keys are not reported',
  file: 'src/runtime.ts',
  extra: { '.env.example': 'ACME_API_KEY=\n' },
  code: `
process.env.TZ = "UTC";
delete process.env.DEBUG_ACME;
export const production = process.env.NODE_ENV === "production";
export const payloadPath = process.env.NOTION_INPUT_PAYLOAD_PATH;
export const metadataPath = process.env.NOTION_RUN_METADATA_PATH;
export const home = process.env.HOME;
export const read = (name: string) => process.env[name];
export const key = process.env.ACME_API_KEY;
`,
});

CASES.push({
  name: 'env: allowNames with a prefix pattern and an exact name',
  file: 'src/platform.ts',
  extra: { '.env.example': 'ACME_API_KEY=\n' },
  rules: { 'worker-auth/env-example-in-sync': ['error', { allowNames: ['RENDER_*', 'FLY_APP_NAME'] }] },
  code: `
export const commit = process.env.RENDER_GIT_COMMIT;
export const service = process.env.RENDER_SERVICE_ID;
export const app = process.env.FLY_APP_NAME;
export const region = process.env.FLY_REGION; ⟪env⟫
`,
});

CASES.push({
  name: 'env: a read inside a worker tool is reported at the read; the credential declaration is no read',
  file: 'src/index.ts',
  extra: { '.env.example': 'LINEAR_API_KEY=\n' },
  code: `import { CREDENTIAL_VALUE, Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

worker.credential("LINEAR_API_KEY", {
  network: [{ domain: "api.linear.app", transform: [{ headers: { Authorization: \`Bearer \${CREDENTIAL_VALUE}\` } }] }],
});

worker.tool("reddit", {
  title: "Top posts",
  description: "Top posts of a subreddit",
  schema: { type: "object", properties: { sub: { type: "string" } }, required: ["sub"], additionalProperties: false },
  execute: async ({ sub }: { sub: string }) => {
    const ua = process.env.REDDIT_USER_AGENT ?? "acme-notion/1.0"; ⟪env⟫
    const res = await fetch(\`https://oauth.reddit.com/r/\${sub}/top?limit=5\`, { headers: { "User-Agent": ua } });
    return JSON.stringify(await res.json());
  },
});
`,
});

CASES.push({
  name: 'env: a .cjs file with require("node:process").env and a const alias of process.env',
  file: 'scripts/env-check.cjs',
  extra: { '.env.example': 'TWITCH_CLIENT_ID=\n' },
  code: `
const e = process.env;
const clientId = require("node:process").env.TWITCH_CLIENT_ID;
const secret = e.TWITCH_CLIENT_SECRET; ⟪env⟫
module.exports = { clientId, ok: Boolean(secret) };
`,
});

// ==== 8. no-committed-env-files ====================================================================================

CASES.push({
  name: 'cef: a .env.local next to a .gitignore that only lists .env is not ignored: reported on the worker entry',
  file: 'src/index.ts',
  gitignore: 'node_modules\n.env\n',
  extra: { '.env.local': 'WEBFLOW_API_TOKEN=\n' },
  code: `${HEAD} ⟪cef:envFileNotIgnored@2⟫
`,
  then: (messages) => {
    const m = messages.find((x) => x.ruleId === RULE.cef)!;
    expect(m.message).toContain('.env.local');
  },
});

CASES.push({
  name: 'cef: an Okta SSWS token in .env.sample (a default template) and a commented-out Doppler token in .env.example',
  file: 'src/index.ts',
  extra: {
    '.env.sample': `OKTA_ORG_URL=https://acme.okta.com\nOKTA_API_TOKEN=${S.envSampleOkta}\n`,
    '.env.example': `# DOPPLER_TOKEN=${S.envCommented}\nDOPPLER_PROJECT=notion-worker\n`,
  },
  code: `${HEAD} ⟪cef:secretInEnvExample@2,cef:secretInEnvExample@2⟫
`,
  then: (messages) => {
    const texts = messages.filter((x) => x.ruleId === RULE.cef).map((m) => m.message);
    expect(texts.some((t) => t.includes('OKTA_API_TOKEN') && t.includes('.env.sample'))).toBe(true);
    expect(texts.some((t) => t.includes('DOPPLER_TOKEN') && t.includes('.env.example'))).toBe(true);
  },
});

CASES.push({
  name: 'cef: placeholders, ${VAR} references, publishable keys, public URLs and ids in .env.example: nothing',
  file: 'src/index.ts',
  extra: {
    '.env.example': [
      'VAULT_ADDR=https://vault.acme.io:8200',
      'VAULT_TOKEN=<paste your token>',
      `STRIPE_PUBLISHABLE_KEY=${N.stripePk}`,
      `NOTION_DATABASE_ID=${N.notionDbUuid}`,
      'LINEAR_API_KEY=your-linear-api-key-here',
      'SLACK_SIGNING_SECRET=',
      'DATABASE_URL=postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}:5432/notion',
      '',
    ].join('\n'),
  },
  code: `${HEAD}`,
});

CASES.push({
  name: 'cef: an encrypted .env.vault that git would pick up is allowed by default',
  file: 'src/index.ts',
  gitignore: 'node_modules\n.env\n',
  extra: { '.env.vault': `DOTENV_VAULT_PRODUCTION="${b64(120, 9574)}"\n` },
  code: `${HEAD}`,
});

CASES.push({
  name: 'cef: a Vault service token in .env.example is reported; the file without a worker reports on src/index.ts line 1',
  file: 'src/index.ts',
  extra: { '.env.example': `VAULT_ADDR=https://vault.acme.io:8200\nVAULT_TOKEN=${S.envExampleVault}\n` },
  code: `
export { handler } from "./handler"; ⟪cef:secretInEnvExample⟫
`,
});

CASES.push({
  name: 'cef: a .env.production with a custom .gitignore that ignores .env.* is fine; only the template is checked',
  file: 'src/index.ts',
  gitignore: '.env*\n!.env.example\n',
  extra: { '.env.production': 'WEBFLOW_API_TOKEN=\n', '.env.example': 'WEBFLOW_API_TOKEN=\n' },
  code: `${HEAD}`,
});

// ==== 9. OAuth: scopes =============================================================================================

const oauthCase = (
  name: string,
  key: string,
  auth: string,
  token: string,
  scopeLine: string,
  then?: Case['then'],
): Case => ({
  name,
  file: 'src/index.ts',
  code: `${HEAD}
worker.oauth("${key}", {
  name: "${key}",
  authorizationEndpoint: "${auth}",
  tokenEndpoint: "${token}",
${scopeLine}
${ENV_CLIENT(key.toUpperCase())}
});
`,
  ...(then ? { then } : {}),
});

/** One worker file with several OAuth configurations: `[key, authorizationEndpoint, tokenEndpoint, scope line]`. */
const oauthFile = (name: string, configs: [string, string, string, string][]): Case => ({
  name,
  file: 'src/index.ts',
  code: `${HEAD}${configs
    .map(
      ([key, auth, token, scopeLine]) => `
worker.oauth("${key}", {
  name: "${key}",
  authorizationEndpoint: "${auth}",
  tokenEndpoint: "${token}",
${scopeLine}
${ENV_CLIENT(key.toUpperCase())}
});
`,
    )
    .join('')}`,
});

CASES.push(
  oauthCase(
    'sc: Webflow sites:write is admin; the suggestion puts sites:read in its place',
    'webflow',
    'https://webflow.com/oauth/authorize',
    'https://api.webflow.com/oauth/access_token',
    '  scope: "cms:read sites:write", ⟪sc⟫',
    (messages, code) => {
      expect(coveredTexts(messages, code, 'sc', 'scope:')).toEqual(['sites:write']);
      const out = applied(messages, code, 'sc', 'scope:', 'src/index.ts');
      expect(out).toContain('scope: "cms:read sites:read",');
    },
  ),
);

CASES.push(
  oauthCase(
    'sc: monday.com boards:write and users:write, each at its own columns',
    'monday',
    'https://auth.monday.com/oauth2/authorize',
    'https://auth.monday.com/oauth2/token',
    '  scope: "me:read boards:write users:write", ⟪sc,sc⟫',
    (messages, code) => {
      expect(coveredTexts(messages, code, 'sc', 'scope:').sort()).toEqual(['boards:write', 'users:write']);
    },
  ),
);

CASES.push(
  oauthFile('sc: a worker with Reddit (edit), Twitch (user:edit, channel:read:stream_key) and Bitbucket (repository:admin)', [
    ['reddit', 'https://www.reddit.com/api/v1/authorize', 'https://www.reddit.com/api/v1/access_token', '  scope: "identity read edit", ⟪sc⟫'],
    ['twitch', 'https://id.twitch.tv/oauth2/authorize', 'https://id.twitch.tv/oauth2/token', '  scope: "user:read:email user:edit channel:read:stream_key", ⟪sc,sc⟫'],
    ['bitbucket', 'https://bitbucket.org/site/oauth2/authorize', 'https://bitbucket.org/site/oauth2/access_token', '  scope: "account repository:admin", ⟪sc⟫'],
  ]),
);

CASES.push(
  oauthFile('sc: LinkedIn rw_organization_admin and Calendly scheduled_events:write (*:write); the read scopes are fine', [
    ['linkedin', 'https://www.linkedin.com/oauth/v2/authorization', 'https://www.linkedin.com/oauth/v2/accessToken', '  scope: "openid profile w_member_social rw_organization_admin", ⟪sc⟫'],
    ['calendly', 'https://auth.calendly.com/oauth/authorize', 'https://auth.calendly.com/oauth/token', '  scope: "scheduled_events:read scheduled_events:write", ⟪sc⟫'],
  ]),
);

CASES.push(
  oauthFile('sc: Pipedrive admin and deals:full, Xero accounting.transactions and accounting.settings, Box in an array', [
    ['pipedrive', 'https://oauth.pipedrive.com/oauth/authorize', 'https://oauth.pipedrive.com/oauth/token', '  scope: "base deals:full admin", ⟪sc,sc⟫'],
    ['xero', 'https://login.xero.com/identity/connect/authorize', 'https://identity.xero.com/connect/token', '  scope: "openid profile email offline_access accounting.transactions accounting.settings", ⟪sc,sc⟫'],
    ['box', 'https://account.box.com/api/oauth2/authorize', 'https://api.box.com/oauth2/token', '  scope: ["root_readwrite", "manage_enterprise"].join(" "), ⟪sc,sc⟫'],
  ]),
);

CASES.push(
  oauthCase(
    'sc: Strava comma-separated activity:read_all (read-all) next to read',
    'strava',
    'https://www.strava.com/oauth/authorize',
    'https://www.strava.com/oauth/token',
    '  scope: "read,activity:read_all", ⟪sc⟫',
    (messages, code) => {
      expect(coveredTexts(messages, code, 'sc', 'scope:')).toEqual(['activity:read_all']);
    },
  ),
);

CASES.push(
  oauthCase(
    'sc: Okta okta.users.manage on an org host; the suggestion narrows it to okta.users.read',
    'okta',
    'https://acme.okta.com/oauth2/v1/authorize',
    'https://acme.okta.com/oauth2/v1/token',
    '  scope: "openid okta.users.manage okta.groups.read", ⟪sc⟫',
    (messages, code) => {
      const out = applied(messages, code, 'sc', 'scope:', 'src/index.ts');
      expect(out).toContain('scope: "openid okta.users.read okta.groups.read",');
    },
  ),
);

CASES.push({
  name: 'sc: scopes from an `as const` map keyed by provider are reported where written',
  file: 'src/index.ts',
  code: `${HEAD}
const SCOPES = {
  webflow: ["cms:read", "pages:write"], ⟪sc⟫
  miro: ["boards:read"],
} as const;

worker.oauth("webflow", {
  name: "webflow",
  authorizationEndpoint: "https://webflow.com/oauth/authorize",
  tokenEndpoint: "https://api.webflow.com/oauth/access_token",
  scope: SCOPES.webflow.join(" "),
${ENV_CLIENT('WEBFLOW')}
});
`,
});

CASES.push({
  name: 'sc: scopes returned by a switch on the provider are computed at run time: nothing (documented)',
  file: 'src/index.ts',
  code: `${HEAD}
function scopesFor(provider: string): string {
  switch (provider) {
    case "miro":
      return "boards:write";
    default:
      return "boards:read";
  }
}

worker.oauth("miro", {
  name: "miro",
  authorizationEndpoint: "https://miro.com/oauth/authorize",
  tokenEndpoint: "https://api.miro.com/v1/oauth/token",
  scope: scopesFor("miro"),
${ENV_CLIENT('MIRO')}
});
`,
});

CASES.push({
  name: 'sc: the literal fallback of an env scope list is what runs when unset: reported',
  file: 'src/index.ts',
  code: `${HEAD}
worker.oauth("boxAuth", {
  name: "box",
  authorizationEndpoint: "https://account.box.com/api/oauth2/authorize",
  tokenEndpoint: "https://api.box.com/oauth2/token",
  scope: process.env.BOX_SCOPES ?? "root_readonly manage_groups", ⟪sc⟫
${ENV_CLIENT('BOX')}
});
`,
});

CASES.push({
  name: 'sc: the Notion-managed form has no scopes in code: nothing',
  file: 'src/index.ts',
  code: `${HEAD}
worker.oauth("googleCalendar", { name: "google-calendar", provider: "google" });
worker.oauth("salesforce", { name: "salesforce", provider: "salesforce" });
`,
});

CASES.push({
  name: 'sc: passport-spotify strategy with playlist-modify-public (write-all)',
  file: 'src/auth/spotify.ts',
  code: `
import passport from "passport";
import { Strategy as SpotifyStrategy } from "passport-spotify";

passport.use(
  new SpotifyStrategy(
    {
      clientID: process.env.SPOTIFY_CLIENT_ID ?? "",
      clientSecret: process.env.SPOTIFY_CLIENT_SECRET ?? "",
      callbackURL: "https://notion.acme.io/auth/spotify/callback",
      scope: ["user-read-email", "playlist-modify-public"], ⟪sc⟫
    },
    (_accessToken: string, _refreshToken: string, _expiresIn: number, profile: unknown, done: (e: null, u: unknown) => void) =>
      done(null, profile),
  ),
);
`,
});

CASES.push({
  name: 'sc: Auth0 management scopes update:users and read:users on a tenant host',
  file: 'src/index.ts',
  code: `${HEAD}
worker.oauth("auth0Admin", {
  name: "auth0-admin",
  authorizationEndpoint: "https://acme.eu.auth0.com/authorize",
  tokenEndpoint: "https://acme.eu.auth0.com/oauth/token",
  scope: "openid read:users update:users", ⟪sc⟫
${ENV_CLIENT('AUTH0_ADMIN')}
  authorizationParams: { audience: "https://acme.eu.auth0.com/api/v2/" },
});
`,
});

// ==== 10. OAuth: client credentials and endpoints ===================================================================

CASES.push({
  name: 'ce: a client secret in a namespace const (documented) is reported by both rules where written',
  file: 'src/index.ts',
  code: `${HEAD}
namespace OAuthApps {
  export const MIRO_CLIENT_SECRET = "${S.namespaceSecret}"; ⟪ce:hardcodedSecret,hs⟫
}

worker.oauth("miro", {
  name: "miro",
  authorizationEndpoint: "https://miro.com/oauth/authorize",
  tokenEndpoint: "https://api.miro.com/v1/oauth/token",
  scope: "boards:read",
  clientId: process.env.MIRO_OAUTH_CLIENT_ID ?? "",
  clientSecret: OAuthApps.MIRO_CLIENT_SECRET,
});
`,
});

CASES.push({
  name: 'ce: a configuration spread from a const base object: the literal id and secret are reported once each',
  file: 'src/index.ts',
  code: `${HEAD}
const MONDAY_BASE = {
  authorizationEndpoint: "https://auth.monday.com/oauth2/authorize",
  tokenEndpoint: "https://auth.monday.com/oauth2/token",
  clientId: "${N.clientIdHex}", ⟪ce:hardcodedClientId⟫
  clientSecret: "${S.spreadSecret}", ⟪ce:hardcodedSecret,hs⟫
};

worker.oauth("monday", { ...MONDAY_BASE, name: "monday", scope: "me:read boards:read" });
`,
});

CASES.push({
  name: 'ce: a parameter default holding the client secret: hs reports it, oauth-credentials-from-env does not see parameters',
  file: 'src/index.ts',
  code: `${HEAD}
export function registerBox(clientSecret = "${S.paramSecret}") { ⟪hs⟫
  worker.oauth("box", {
    name: "box",
    authorizationEndpoint: "https://account.box.com/api/oauth2/authorize",
    tokenEndpoint: "https://api.box.com/oauth2/token",
    scope: "root_readonly",
    clientId: process.env.BOX_OAUTH_CLIENT_ID ?? "",
    clientSecret,
  });
}
`,
});

CASES.push({
  name: 'ce: a non-empty literal fallback of the client secret (the suggestion empties it); trimmed and String() reads are fine',
  file: 'src/index.ts',
  code: `${HEAD}
worker.oauth("xero", {
  name: "xero",
  authorizationEndpoint: "https://login.xero.com/identity/connect/authorize",
  tokenEndpoint: "https://identity.xero.com/connect/token",
  scope: "openid offline_access accounting.invoices.read",
  clientId: process.env.XERO_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.XERO_OAUTH_CLIENT_SECRET ?? "${S.xeroFallback}", ⟪ce:hardcodedFallback,hs:hardcodedFallback⟫
});

worker.oauth("xeroPayroll", {
  name: "xero-payroll",
  authorizationEndpoint: "https://login.xero.com/identity/connect/authorize",
  tokenEndpoint: "https://identity.xero.com/connect/token",
  scope: "openid offline_access payroll.employees.read",
  clientId: String(process.env.XERO_PAYROLL_OAUTH_CLIENT_ID),
  clientSecret: process.env.XERO_PAYROLL_OAUTH_CLIENT_SECRET?.trim() ?? "",
});
`,
  then: (messages, code) => {
    const fixes = suggestionsAt(messages, code, 'ce', 'clientSecret:');
    expect(fixes.length).toBeGreaterThan(0);
    const out = applyFix(code, fixes[0]!.fix);
    expect(parseErrors(out, 'src/index.ts')).toEqual([]);
    expect(out).toContain('clientSecret: process.env.XERO_OAUTH_CLIENT_SECRET ?? "",');
  },
});

CASES.push({
  name: 'ce: passport-spotify with a literal client secret in a const: both rules at the const',
  file: 'src/auth/spotify-const.ts',
  code: `
import passport from "passport";
import { Strategy } from "passport-spotify";

const SPOTIFY_CLIENT_SECRET = "${S.spotifySecret}"; ⟪ce:hardcodedSecret,hs⟫

passport.use(
  new Strategy(
    {
      clientID: process.env.SPOTIFY_CLIENT_ID ?? "",
      clientSecret: SPOTIFY_CLIENT_SECRET,
      callbackURL: "https://notion.acme.io/auth/spotify/callback",
      scope: ["user-read-email"],
    },
    (_a: string, _r: string, _e: number, profile: unknown, done: (e: null, u: unknown) => void) => done(null, profile),
  ),
);
`,
});

CASES.push({
  name: 'ce: arctic Twitch with a literal client secret: both rules at the literal',
  file: 'src/auth/twitch-arctic.ts',
  code: `
import { Twitch } from "arctic";

export const twitch = new Twitch(
  process.env.TWITCH_CLIENT_ID ?? "",
  "${S.twitchArctic}", ⟪ce:hardcodedSecret,hs⟫
  "https://notion.acme.io/auth/twitch/callback",
);
`,
});

CASES.push({
  name: 'ce+ep: googleapis OAuth2 with a secret in a const and an http redirect on a public host',
  file: 'src/google/oauth-client.ts',
  code: `
import { google } from "googleapis";

const GOOGLE_CLIENT_SECRET = "${S.googleConstSecret}"; ⟪ce:hardcodedSecret,hs⟫

export const oauth2 = new google.auth.OAuth2(
  process.env.GOOGLE_CLIENT_ID,
  GOOGLE_CLIENT_SECRET,
  "http://notion-sync.acme.io/oauth/callback", ⟪ep:insecureUrl⟫
);
`,
});

CASES.push({
  name: 'ce: a hardcoded refresh token in a simple-oauth2 token object is reported (checkTokens)',
  file: 'src/box/token.ts',
  code: `
import { AuthorizationCode } from "simple-oauth2";

const client = new AuthorizationCode({
  client: { id: process.env.BOX_CLIENT_ID ?? "", secret: process.env.BOX_CLIENT_SECRET ?? "" },
  auth: { tokenHost: "https://api.box.com", tokenPath: "/oauth2/token", authorizeHost: "https://account.box.com" },
});

export const token = client.createToken({ access_token: "", refresh_token: "${S.boxRefresh}", expires_in: 3600 }); ⟪hs⟫
`,
});

CASES.push({
  name: 'ep: http endpoints of a Xero configuration are reported; the suggestion switches to https',
  file: 'src/index.ts',
  code: `${HEAD}
worker.oauth("xero", {
  name: "xero",
  authorizationEndpoint: "http://login.xero.com/identity/connect/authorize", ⟪ep:insecureUrl⟫
  tokenEndpoint: "http://identity.xero.com/connect/token", ⟪ep:insecureUrl⟫
  scope: "openid accounting.invoices.read",
${ENV_CLIENT('XERO')}
});
`,
  then: (messages, code) => {
    const out = applied(messages, code, 'ep', 'tokenEndpoint:', 'src/index.ts');
    expect(out).toContain('tokenEndpoint: "https://identity.xero.com/connect/token",');
  },
});

CASES.push({
  name: 'ep: new URL(path, "http://…") base and a {subdomain} placeholder host',
  file: 'src/index.ts',
  code: `${HEAD}
const ZENDESK_BASE = "http://acme.zendesk.com"; ⟪ep:insecureUrl⟫

worker.oauth("zendesk", {
  name: "zendesk",
  authorizationEndpoint: "https://{subdomain}.zendesk.com/oauth/authorizations/new", ⟪ep:placeholderUrl⟫
  tokenEndpoint: new URL("/oauth/tokens", ZENDESK_BASE).href,
  scope: "tickets:read",
${ENV_CLIENT('ZENDESK')}
});
`,
});

CASES.push({
  name: 'ep: a client_secret in the token endpoint query: credentialsInUrl and the secret itself',
  file: 'src/index.ts',
  code: `${HEAD}
worker.oauth("acmeCrm", {
  name: "acme-crm",
  authorizationEndpoint: "https://auth.acme-crm.io/oauth/authorize",
  tokenEndpoint: "https://auth.acme-crm.io/oauth/token?client_secret=${S.tokenUrlSecret}", ⟪ep:credentialsInUrl,hs⟫
  scope: "contacts.read",
${ENV_CLIENT('ACME_CRM')}
});
`,
});

CASES.push({
  name: 'ep: http loopback is allowed, 0.0.0.0 is not, and a wss: endpoint is no https',
  file: 'src/index.ts',
  code: `${HEAD}
worker.oauth("devAuth", {
  name: "dev-auth",
  authorizationEndpoint: "http://127.0.0.1:4000/oauth/authorize",
  tokenEndpoint: "http://0.0.0.0:4000/oauth/token", ⟪ep⟫
  callbackUrl: "http://localhost:3000/callback",
  scope: "read",
${ENV_CLIENT('DEV_AUTH')}
});

worker.oauth("streamAuth", {
  name: "stream-auth",
  authorizationEndpoint: "https://auth.acme-stream.io/authorize",
  tokenEndpoint: "wss://auth.acme-stream.io/token", ⟪ep:notHttps⟫
  scope: "read",
${ENV_CLIENT('STREAM_AUTH')}
});
`,
});

CASES.push({
  name: 'ep: a relative callbackUrl and a conditional with an http branch on a staging host',
  file: 'src/index.ts',
  code: `${HEAD}
const staging = process.env.NODE_ENV !== "production";

worker.oauth("pipedrive", {
  name: "pipedrive",
  authorizationEndpoint: staging ? "http://staging-oauth.pipedrive.com/oauth/authorize" : "https://oauth.pipedrive.com/oauth/authorize", ⟪ep:insecureUrl⟫
  tokenEndpoint: "https://oauth.pipedrive.com/oauth/token",
  callbackUrl: "/oauth/pipedrive/callback", ⟪ep:notAbsolute⟫
  scope: "deals:read",
${ENV_CLIENT('PIPEDRIVE')}
});
`,
});

// ==== 11. no-logged-secrets ========================================================================================

CASES.push({
  name: 'log: a token const into a pino child logger, and process.stderr.write of a template with a key',
  file: 'src/integrations/pipedrive-log.ts',
  code: `
import pino from "pino";

const logger = pino();
const token = process.env.PIPEDRIVE_API_TOKEN ?? "";

export function debugRequest(path: string) {
  logger.child({ integration: "pipedrive" }).info({ path, token }, "request"); ⟪log:secretLogged⟫
  process.stderr.write(\`dd key=\${process.env.DD_API_KEY}\\n\`); ⟪log:secretLogged⟫
}
`,
});

CASES.push({
  name: 'log: an incoming Authorization header and an x-api-key header put into errors and logs',
  file: 'src/webhooks/handler.ts',
  code: `
export async function handle(req: Request): Promise<Response> {
  const auth = req.headers.get("authorization");
  if (!auth?.startsWith("Bearer ")) throw new Error(\`unexpected auth header: \${auth}\`); ⟪log:secretInError⟫
  console.warn("api key used:", req.headers.get("x-api-key")); ⟪log:secretLogged⟫
  return new Response("ok");
}
`,
});

CASES.push({
  name: 'log: the access token of a worker.oauth() handle logged through this.logger in a class',
  file: 'src/index.ts',
  code: `${HEAD}
const miro = worker.oauth("miro", { name: "miro", provider: "miro" });

class BoardSync {
  private readonly logger = console;
  async run() {
    const accessToken = await miro.accessToken();
    this.logger.debug("miro token", accessToken); ⟪log⟫
    return fetch("https://api.miro.com/v2/boards", { headers: { Authorization: \`Bearer \${accessToken}\` } });
  }
}
export const sync = new BoardSync();
`,
});

CASES.push({
  name: 'log: a request config with a computed Authorization header passed to console.log via JSON.stringify',
  file: 'src/integrations/webflow-debug.ts',
  code: `
const key = process.env.WEBFLOW_API_TOKEN;

export function logRequest(url: string) {
  const init = { method: "GET", headers: { Authorization: \`Bearer \${key}\`, accept: "application/json" } };
  console.log(JSON.stringify({ url, init })); ⟪log⟫
  return fetch(url, init);
}
`,
});

CASES.push({
  name: 'log: say-whether-it-is-set forms and names that are no secrets: nothing',
  file: 'src/diagnostics.ts',
  code: `
const mask = (v: string | undefined) => (v ? \`\${v.slice(0, 4)}…\` : "missing");

export function diagnostics() {
  console.log("DD_API_KEY set:", Boolean(process.env.DD_API_KEY));
  console.info("WEBFLOW_API_TOKEN length", process.env.WEBFLOW_API_TOKEN?.length);
  console.info("miro", mask(process.env.MIRO_ACCESS_TOKEN));
  console.log(process.env.OAUTH_CLIENT_ID, process.env.TOKEN_URL, process.env.PUBLIC_KEY);
  if (!process.env.PIPEDRIVE_API_TOKEN) throw new Error("PIPEDRIVE_API_TOKEN is not set: add it to .env");
}
`,
});

CASES.push({
  name: 'log: the whole process.env to console.table and a destructured key to a custom logger (loggers option)',
  file: 'src/debug-env.ts',
  rules: { 'worker-auth/no-logged-secrets': ['error', { loggers: ['audit'] }] },
  code: `
import { audit } from "./audit";

const { BOX_DEVELOPER_TOKEN } = process.env;

export function dump() {
  console.table(process.env); ⟪log⟫
  audit.info(\`box token \${BOX_DEVELOPER_TOKEN}\`); ⟪log⟫
}
`,
});

CASES.push({
  name: 'log: checkErrors off: a thrown message is no longer reported, a console.error of an Error still is',
  file: 'src/errors.ts',
  rules: { 'worker-auth/no-logged-secrets': ['error', { checkErrors: false }] },
  code: `
export function fail() {
  const secret = process.env.WEBHOOK_SECRET;
  console.error(new Error(\`bad signature with \${secret}\`)); ⟪log⟫
  throw new Error(\`bad signature with \${secret}\`);
}
`,
});

// ==== 12. prefer-credential-injection (strict / all) =================================================================

CASES.push({
  name: 'pci: axios.create({ baseURL, headers }) with a Webflow token; the suggestion declares worker.credential',
  file: 'src/index.ts',
  config: 'strict',
  extra: { '.env.example': 'WEBFLOW_API_TOKEN=\n' },
  code: `${HEAD}
import axios from "axios";

const webflow = axios.create({
  baseURL: "https://api.webflow.com/v2",
  headers: { Authorization: \`Bearer \${process.env.WEBFLOW_API_TOKEN}\`, "accept-version": "2.0.0" }, ⟪pci:preferCredential⟫
});

worker.tool("sites", {
  title: "Webflow sites",
  description: "Lists the Webflow sites",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => JSON.stringify((await webflow.get("/sites")).data),
});
`,
  then: (messages, code) => {
    const m = messages.find((x) => x.ruleId === RULE.pci)!;
    expect(m.message).toContain('api.webflow.com');
    const out = applied(messages, code, 'pci', 'WEBFLOW_API_TOKEN', 'src/index.ts');
    expect(out).toContain('worker.credential("WEBFLOW_API_TOKEN"');
    expect(out).toContain('"api.webflow.com"');
    expect(out).toMatch(/import \{[^}]*CREDENTIAL_VALUE[^}]*\} from "@notionhq\/workers"/);
    expect(out).not.toContain('process.env.WEBFLOW_API_TOKEN');
  },
});

CASES.push({
  name: 'pci: got(url, { headers }) through a const key into X-Api-Key: reported at the read',
  file: 'src/integrations/acme-got.ts',
  config: 'strict',
  extra: { '.env.example': 'ACME_CRM_API_KEY=\n' },
  code: `
import got from "got";

const apiKey = process.env.ACME_CRM_API_KEY ?? ""; ⟪pci⟫

export const contacts = () => got("https://api.acme-crm.io/v2/contacts", { headers: { "X-Api-Key": apiKey } }).json();
`,
});

CASES.push({
  name: 'pci: ky.get(url, { headers }) with a Bearer header, under the all config',
  file: 'src/integrations/miro-ky.ts',
  config: 'all',
  extra: { '.env.example': 'MIRO_ACCESS_TOKEN=\n' },
  code: `
import ky from "ky";

export const boards = () =>
  ky.get("https://api.miro.com/v2/boards", {
    headers: { Authorization: \`Bearer \${process.env.MIRO_ACCESS_TOKEN}\` }, ⟪pci⟫
  }).json();
`,
});

CASES.push({
  name: 'pci: a shared new Headers({...}) const with DD-API-KEY sent to one host',
  file: 'src/observability/dd-headers.ts',
  config: 'strict',
  extra: { '.env.example': 'DD_API_KEY=\n' },
  code: `
const headers = new Headers({ "DD-API-KEY": process.env.DD_API_KEY ?? "", "Content-Type": "application/json" }); ⟪pci⟫

export const series = (body: unknown) =>
  fetch("https://api.datadoghq.com/api/v2/series", { method: "POST", headers, body: JSON.stringify(body) });
`,
});

CASES.push({
  name: 'pci: headers set imperatively, Basic btoa and a key also used by an SDK are not reported',
  file: 'src/integrations/not-injectable.ts',
  config: 'strict',
  extra: { '.env.example': 'BOX_DEVELOPER_TOKEN=\nBAMBOO_API_KEY=\nMONDAY_API_TOKEN=\n' },
  code: `
import { ApiClient } from "@mondaydotcomorg/api";

export async function box() {
  const headers = new Headers();
  headers.set("Authorization", \`Bearer \${process.env.BOX_DEVELOPER_TOKEN}\`);
  return fetch("https://api.box.com/2.0/users/me", { headers });
}

export const bamboo = () =>
  fetch("https://api.bamboohr.com/api/gateway.php/acme/v1/meta/fields", {
    headers: { Authorization: \`Basic \${btoa(\`\${process.env.BAMBOO_API_KEY}:x\`)}\` },
  });

export const monday = new ApiClient({ token: process.env.MONDAY_API_TOKEN ?? "" });
export const mondayPing = () =>
  fetch("https://api.monday.com/v2", { headers: { Authorization: process.env.MONDAY_API_TOKEN ?? "" } });
`,
});

CASES.push({
  name: 'pci: a spread in the headers, a URL template on a const https base, and axios({ url, headers }): each key is reported',
  file: 'src/integrations/pci-shapes.ts',
  config: 'strict',
  extra: { '.env.example': 'MIRO_ACCESS_TOKEN=\nWEBFLOW_API_TOKEN=\nBOX_DEVELOPER_TOKEN=\n' },
  code: `
import axios from "axios";

const JSON_HEADERS = { "Content-Type": "application/json" };
export const boards = () =>
  fetch("https://api.miro.com/v2/boards", { headers: { ...JSON_HEADERS, Authorization: \`Bearer \${process.env.MIRO_ACCESS_TOKEN}\` } }); ⟪pci⟫

const WEBFLOW = "https://api.webflow.com/v2";
export const sites = () => fetch(\`\${WEBFLOW}/sites\`, { headers: { Authorization: \`Bearer \${process.env.WEBFLOW_API_TOKEN}\` } }); ⟪pci⟫

export const me = () =>
  axios({ method: "get", url: "https://api.box.com/2.0/users/me", headers: { Authorization: \`Bearer \${process.env.BOX_DEVELOPER_TOKEN}\` } }); ⟪pci⟫
`,
  then: (messages) => {
    const hosts = messages.filter((m) => m.ruleId === RULE.pci).map((m) => /`(api\.[a-z.]+)`/.exec(m.message)?.[1]);
    expect(hosts.sort()).toEqual(['api.box.com', 'api.miro.com', 'api.webflow.com']);
  },
});

CASES.push({
  name: 'pci: an older SDK range (^0.9.1) keeps the rule silent',
  file: 'src/integrations/old-sdk.ts',
  config: 'strict',
  sdk: '^0.9.1',
  extra: { '.env.example': 'MIRO_ACCESS_TOKEN=\n' },
  code: `
export const boards = () =>
  fetch("https://api.miro.com/v2/boards", { headers: { Authorization: \`Bearer \${process.env.MIRO_ACCESS_TOKEN}\` } });
`,
});

CASES.push({
  name: 'pci: allowHosts with a wildcard silences one host, another host is still reported',
  file: 'src/integrations/hosts.ts',
  config: 'strict',
  rules: { 'worker-auth/prefer-credential-injection': ['error', { allowHosts: ['*.acme-internal.io'] }] },
  extra: { '.env.example': 'ACME_INTERNAL_TOKEN=\nCALENDLY_ACCESS_TOKEN=\n' },
  code: `
export const internal = () =>
  fetch("https://billing.acme-internal.io/v1/usage", { headers: { Authorization: \`Bearer \${process.env.ACME_INTERNAL_TOKEN}\` } });

export const events = () =>
  fetch("https://api.calendly.com/scheduled_events", { headers: { Authorization: \`Bearer \${process.env.CALENDLY_ACCESS_TOKEN}\` } }); ⟪pci⟫
`,
});

CASES.push({
  name: 'pci: an IP host, an http URL and an exported headers const are not reported',
  file: 'src/integrations/hosts-not.ts',
  config: 'strict',
  extra: { '.env.example': 'NAS_TOKEN=\nLEGACY_API_KEY=\nSHARED_API_KEY=\n' },
  code: `
export const nas = () =>
  fetch("https://203.0.113.7/api/v1/files", { headers: { Authorization: \`Bearer \${process.env.NAS_TOKEN}\` } });

export const legacy = () =>
  fetch("http://legacy.acme.io/api", { headers: { "X-API-Key": process.env.LEGACY_API_KEY ?? "" } });

export const sharedHeaders = { "X-API-Key": process.env.SHARED_API_KEY ?? "" };
export const shared = () => fetch("https://api.acme-shared.io/v1/ping", { headers: sharedHeaders });
`,
});

CASES.push({
  name: 'pci: the worker file with a Calendly token in a fetch: a suggestion whose CREDENTIAL_VALUE import is added to the existing one',
  file: 'src/index.ts',
  config: 'strict',
  extra: { '.env.example': 'CALENDLY_ACCESS_TOKEN=\n' },
  code: `import { Worker, type Capability } from "@notionhq/workers";

const worker = new Worker();
export default worker;
export type Caps = Capability[];

worker.tool("events", {
  title: "Calendly events",
  description: "Upcoming Calendly events",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const res = await fetch("https://api.calendly.com/scheduled_events?status=active", {
      headers: { Authorization: \`Bearer \${process.env.CALENDLY_ACCESS_TOKEN}\` }, ⟪pci⟫
    });
    return JSON.stringify(await res.json());
  },
});
`,
  then: (messages, code) => {
    const out = applied(messages, code, 'pci', 'CALENDLY_ACCESS_TOKEN', 'src/index.ts');
    expect(out).toMatch(/import \{[^}]*\bWorker\b[^}]*CREDENTIAL_VALUE|import \{[^}]*CREDENTIAL_VALUE[^}]*\bWorker\b/);
    expect(out).toContain('worker.credential("CALENDLY_ACCESS_TOKEN"');
    expect(out).toContain('"api.calendly.com"');
    expect(out.match(/from "@notionhq\/workers"/g)?.length).toBe(1);
  },
});

// ==== 13. Comments ================================================================================================

CASES.push({
  name: 'comment: a Dynatrace token in a JSDoc example is secretInComment, with no suggestion',
  file: 'src/observability/dt-client.ts',
  code: `
/**
 * Dynatrace client.
 * @example
 *   DT_API_TOKEN=${S.commentDynatrace} npm start ⟪hs:secretInComment⟫
 */
export const dt = (token: string) => ({ headers: { Authorization: \`Api-Token \${token}\` } });
`,
  then: (messages, code) => {
    expect(suggestionsAt(messages, code, 'hs', 'DT_API_TOKEN=')).toEqual([]);
  },
});

CASES.push({
  name: 'comment: checkComments: false leaves a DigitalOcean token in a line comment alone',
  file: 'src/infra/do.ts',
  rules: { 'worker-auth/no-hardcoded-secrets': ['error', { checkComments: false }] },
  code: `
// old token: ${S.commentOff}
export const droplets = () => fetch("https://api.digitalocean.com/v2/droplets");
`,
});

CASES.push({
  name: 'comment: an eslint-disable-next-line with a reason keeps a deliberate value; the line after it is still checked',
  file: 'src/integrations/demo.ts',
  code: `
// eslint-disable-next-line worker-auth/no-hardcoded-secrets -- public demo workspace, rotated daily
export const DEMO_TOKEN = "${S.pscaleService.replace('pscale_tkn_', 'pscale_oauth_')}";
export const REAL_TOKEN = "${S.cfLegacyEnvCheck}"; ⟪hs⟫
`,
});

// ==== 14. More shapes from real integration code ===================================================================

CASES.push({
  name: 'map: an API_KEYS map keyed by provider with provider-less values (Mistral 32 b62, Cohere 40 b62)',
  file: 'src/ai/keys.ts',
  code: `
export const API_KEYS = {
  mistral: "${S.mapMistral}", ⟪hs⟫
  cohere: "${S.mapCohere}", ⟪hs⟫
} as const;
`,
});

CASES.push({
  name: 'basic: Buffer.from("user:<password>") bound to an auth const and sent as Basic',
  file: 'src/integrations/freshdesk.ts',
  code: `
const auth = Buffer.from("notion-bot:${S.bufferPassword}").toString("base64"); ⟪hs⟫

export const tickets = () =>
  fetch("https://acme.freshdesk.com/api/v2/tickets", { headers: { Authorization: "Basic " + auth } });
`,
});

CASES.push({
  name: 'tsx: a default prop in a component signature and a defaultProps apiKey',
  file: 'src/components/ChatWidget.tsx',
  code: `
type Props = { apiKey?: string; model?: string };

export function ChatWidget({ apiKey = "${S.propDefault}", model = "mistral-small" }: Props) { ⟪hs⟫
  return <div data-model={model}>{apiKey ? "ready" : "no key"}</div>;
}

export function LegacyWidget(props: Props) {
  return <div>{props.model}</div>;
}
LegacyWidget.defaultProps = { apiKey: "${S.defaultPropsKey}" }; ⟪hs⟫
`,
});

CASES.push({
  name: 'spread: a nested header override in a spread config ({ ...defaults, headers: { ...defaults.headers, … } })',
  file: 'src/integrations/spread-headers.ts',
  code: `
const defaults = { baseURL: "https://api.acme-erp.io/v3", headers: { Accept: "application/json" } };

export const erpClient = {
  ...defaults,
  headers: { ...defaults.headers, "X-API-Key": "${S.spreadHeaderKey}" }, ⟪hs⟫
};
`,
});

CASES.push({
  name: 'ts: a typed private class property and an Object.freeze config',
  file: 'src/integrations/typed.ts',
  code: `
export class TeamtailorClient {
  private readonly token: string = "${S.typedField}"; ⟪hs⟫
  candidates() {
    return fetch("https://api.teamtailor.com/v1/candidates", {
      headers: { Authorization: \`Token token=\${this.token}\`, "X-Api-Version": "20240404" },
    });
  }
}

export const FROZEN = Object.freeze({ region: "eu", clientSecret: "${S.frozenSecret}" }); ⟪hs⟫
`,
});

CASES.push({
  name: 'form: a refresh-token body template with run-time parts: the literal client_secret is reported at its columns',
  file: 'src/auth/refresh.ts',
  code: `
export const refresh = (refreshToken: string) =>
  fetch("https://api.acme-hr.io/oauth/token", {
    method: "POST",
    body: \`grant_type=refresh_token&refresh_token=\${encodeURIComponent(refreshToken)}&client_secret=${S.templateFormSecret}\`, ⟪hs⟫
  });
`,
  then: (messages, code) => {
    expect(coveredTexts(messages, code, 'hs', 'grant_type=refresh_token')).toEqual([S.templateFormSecret]);
  },
});

CASES.push({
  name: 'sc: a scope map written with `as const satisfies`: the wrapper is followed like `as`',
  file: 'src/index.ts',
  code: `${HEAD}
const MIRO_SCOPES = ["boards:read", "team:write"] as const satisfies readonly string[]; ⟪sc⟫

worker.oauth("miro", {
  name: "miro",
  authorizationEndpoint: "https://miro.com/oauth/authorize",
  tokenEndpoint: "https://api.miro.com/v1/oauth/token",
  scope: MIRO_SCOPES.join(" "),
${ENV_CLIENT('MIRO')}
});
`,
});

CASES.push({
  name: 'sc: scopes as enum members (documented) joined into the scope string',
  file: 'src/index.ts',
  code: `${HEAD}
enum WebflowScope {
  CmsRead = "cms:read",
  Forms = "forms:write", ⟪sc⟫
}

worker.oauth("webflow", {
  name: "webflow",
  authorizationEndpoint: "https://webflow.com/oauth/authorize",
  tokenEndpoint: "https://api.webflow.com/oauth/access_token",
  scope: [WebflowScope.CmsRead, WebflowScope.Forms].join(" "),
${ENV_CLIENT('WEBFLOW')}
});
`,
});

CASES.push({
  name: 'ep: a callback built with new URL(path, env ?? "http://public-host") is reported at the fallback base',
  file: 'src/auth/spotify-arctic.ts',
  code: `
import { Spotify } from "arctic";

const base = process.env.PUBLIC_URL ?? "http://notion.acme.io"; ⟪ep:insecureUrl⟫

export const spotify = new Spotify(
  process.env.SPOTIFY_CLIENT_ID ?? "",
  process.env.SPOTIFY_CLIENT_SECRET ?? "",
  new URL("/auth/spotify/callback", base).href,
);
`,
});

CASES.push({
  name: 'log: an axios request interceptor that logs config.headers.Authorization',
  file: 'src/http/interceptors.ts',
  code: `
import axios from "axios";

axios.interceptors.request.use((config) => {
  console.debug("outgoing", config.url, config.headers.Authorization); ⟪log⟫
  return config;
});
`,
});

CASES.push({
  name: 'log: a headers const with a computed Authorization value logged by a logger',
  file: 'src/integrations/headers-log.ts',
  code: `
import { logger } from "./logger";

export function call(url: string) {
  const headers = { Authorization: \`Bearer \${process.env.BOX_DEVELOPER_TOKEN}\`, Accept: "application/json" };
  logger.info({ url, headers }, "calling box"); ⟪log⟫
  return fetch(url, { headers });
}
`,
});

CASES.push({
  name: 'env: a .env.example with CRLF line endings, a BOM and trailing comments still lists its names',
  file: 'src/crlf.ts',
  extra: { '.env.example': '\uFEFFMIRO_ACCESS_TOKEN= # from the Miro dev portal\r\nBOX_DEVELOPER_TOKEN=\r\n' },
  code: `
export const miro = process.env.MIRO_ACCESS_TOKEN;
export const box = process.env.BOX_DEVELOPER_TOKEN;
export const webflow = process.env.WEBFLOW_API_TOKEN; ⟪env⟫
`,
});

CASES.push({
  name: 'cef: an exported, double-quoted PlanetScale OAuth token in .env.template is reported',
  file: 'src/index.ts',
  extra: { '.env.template': `export PLANETSCALE_OAUTH_TOKEN="${S.envTemplateQuoted}"\nDATABASE_HOST=aws.connect.psdb.cloud\n` },
  code: `${HEAD} ⟪cef:secretInEnvExample@2⟫
`,
});

CASES.push({
  name: 'tests: an inline snapshot in a test file holding a prefix-certain Vercel personal token is reported',
  file: 'src/deploy/__tests__/vercel.test.ts',
  code: `
import { expect, it } from "vitest";
import { headersFor } from "../vercel";

it("builds headers", () => {
  expect(headersFor()).toMatchInlineSnapshot(\`
    {
      "Authorization": "Bearer ${S.snapshotVercel}", ⟪hs⟫
    }
  \`);
});
`,
});

CASES.push({
  name: 'tests: a tests/ folder (plural) and a fixtures/ JSON-like module: generic secrets are fakes there',
  file: 'tests/fixtures/oauth-responses.ts',
  code: `
export const tokenResponse = {
  access_token: "${S.fixtureAccess}",
  refresh_token: "${S.fixtureRefresh}",
  token_type: "Bearer",
  expires_in: 3600,
};
`,
});

// ==== 15. Assignments, arrays, query parameters, URL user-info ======================================================

CASES.push({
  name: 'assign: this.token = "<random>", exports.API_TOKEN = "<random>", and secrets written into process.env (= and ??=)',
  file: 'src/integrations/assignments.cjs',
  code: `
class Teamwork {
  constructor() {
    this.baseUrl = "https://acme.teamwork.com";
    this.token = "${S.thisToken}"; ⟪hs⟫
  }
}

exports.API_TOKEN = "${S.exportsToken}"; ⟪hs⟫
exports.Teamwork = Teamwork;

process.env.MIRO_ACCESS_TOKEN = "${S.envAssign}"; ⟪hs⟫
process.env.BOX_DEVELOPER_TOKEN ??= "${S.envNullishAssign}"; ⟪hs⟫
`,
});

CASES.push({
  name: 'array: a pool of API tokens rotated for rate limits: each element is reported',
  file: 'src/integrations/token-pool.ts',
  code: `
const API_TOKENS = [
  "${S.pool1}", ⟪hs⟫
  "${S.pool2}", ⟪hs⟫
];

let next = 0;
export const nextToken = () => API_TOKENS[next++ % API_TOKENS.length]!;
`,
});

CASES.push({
  name: 'query: credential query parameters (appid, api_key, auth, apikey) are reported at the value',
  file: 'src/integrations/query-keys.ts',
  code: `
export const weather = (q: string) => fetch(\`https://api.openweathermap.org/data/2.5/weather?q=\${q}&appid=${S.qAppid}\`); ⟪hs⟫
export const apod = () => fetch("https://api.nasa.gov/planetary/apod?api_key=${S.qApiKey}&thumbs=true"); ⟪hs⟫
export const rtdb = () => fetch("https://acme-notion-default-rtdb.firebaseio.com/users.json?auth=${S.qAuth}"); ⟪hs⟫
export const quotes = () => fetch("https://financialmodelingprep.com/api/v3/quote/AAPL?apikey=${S.qApikey}"); ⟪hs⟫
`,
  then: (messages, code) => {
    expect(coveredTexts(messages, code, 'hs', 'openweathermap')).toEqual([S.qAppid]);
    expect(coveredTexts(messages, code, 'hs', 'api.nasa.gov')).toEqual([S.qApiKey]);
    expect(coveredTexts(messages, code, 'hs', 'firebaseio')).toEqual([S.qAuth]);
    expect(coveredTexts(messages, code, 'hs', 'financialmodelingprep')).toEqual([S.qApikey]);
  },
});

CASES.push({
  name: 'userinfo: a Redis URL with an empty user, an AMQPS URL and an https URL with a password',
  file: 'src/queue/connections.ts',
  code: `
export const REDIS_URL = "rediss://:${S.redisPw}@acme-notion.upstash.io:6379"; ⟪hs⟫
export const AMQP_URL = "amqps://notion:${S.amqpPw}@rabbit.acme.io/vhost"; ⟪hs⟫
export const JENKINS = "https://notion-bot:${S.jenkinsPw}@ci.acme.io/job/sync/build"; ⟪hs⟫
export const LOCAL_REDIS = "redis://default:default@localhost:6379";
`,
  then: (messages, code) => {
    expect(coveredTexts(messages, code, 'hs', 'REDIS_URL')).toEqual([S.redisPw]);
    expect(coveredTexts(messages, code, 'hs', 'AMQP_URL')).toEqual([S.amqpPw]);
    expect(coveredTexts(messages, code, 'hs', 'JENKINS')).toEqual([S.jenkinsPw]);
  },
});

CASES.push({
  name: 'comment: a curl example with a Bearer value in a line comment is secretInComment',
  file: 'src/integrations/acme-me.ts',
  code: `
// curl -H "Authorization: Bearer ${S.curlBearer}" https://api.acme-crm.io/v2/me ⟪hs:secretInComment⟫
export const me = (token: string) => fetch("https://api.acme-crm.io/v2/me", { headers: { Authorization: \`Bearer \${token}\` } });
`,
});

CASES.push({
  name: 'form: URLSearchParams.set("client_secret", "<random>") names its value like a key',
  file: 'src/auth/form-set.ts',
  code: `
const form = new URLSearchParams();
form.set("grant_type", "client_credentials");
form.set("client_secret", "${S.formSet}"); ⟪hs⟫

export const token = () => fetch("https://auth.acme-erp.io/oauth/token", { method: "POST", body: form });
`,
});

CASES.push({
  name: 'sdk: twilio(sid, authToken) reports the token, not the SID; new ServerClient("<uuid>") of Postmark reports the UUID',
  file: 'src/messaging/clients.ts',
  code: `
import twilio from "twilio";
import { ServerClient } from "postmark";

export const client = twilio("${N.twilioSid}", "${S.twilioAuth}"); ⟪hs⟫
export const postmark = new ServerClient("${S.postmarkSdk}"); ⟪hs⟫
`,
  then: (messages, code) => {
    expect(coveredTexts(messages, code, 'hs', 'twilio(')).toEqual([S.twilioAuth]);
  },
});

CASES.push({
  name: 'ep: a token endpoint template whose head is an http const (reported at the template, fixed in the const); localhost.<domain> is no loopback',
  file: 'src/index.ts',
  code: `${HEAD}
const AUTH_BASE = "http://auth.acme-erp.io";

worker.oauth("acmeErp", {
  name: "acme-erp",
  authorizationEndpoint: "https://auth.acme-erp.io/oauth/authorize",
  tokenEndpoint: \`\${AUTH_BASE}/oauth/token\`, ⟪ep:insecureUrl⟫
  callbackUrl: "http://localhost.acme-erp.io/oauth/callback", ⟪ep⟫
  scope: "read",
${ENV_CLIENT('ACME_ERP')}
});
`,
  then: (messages, code) => {
    // the docs do not say where a template built on a const is reported; the fix must still land in the const
    const out = applied(messages, code, 'ep', 'tokenEndpoint:', 'src/index.ts');
    expect(out).toContain('const AUTH_BASE = "https://auth.acme-erp.io";');
  },
});

// ==== gaps found by the held-out set, fixed: each comment says what the docs promise and what happened instead ===================================

// Expected: both literals reported (hardcodedSecret). docs/rules/no-hardcoded-secrets.md reports generic secrets
// "where the position names a credential (`token`, `apiKey`, …)"; a getter's return value IS the value of the property
// `apiKey` / `token` (reading `acmeConfig.apiKey` yields it), and nothing in the docs sets accessors aside. The same
// getter returning a prefix-certain PlanetScale token is reported ("ts: a getter returning a PlanetScale OAuth token").
// Actual: nothing; `getStringContext` (src/ast/strings.ts) stops at the `ReturnStatement` (its `default:` branch) and
// never reaches the `get apiKey()` property or the `static get token()` method that names the value.
GAPS.push({
  name: 'hs: a random literal returned by a getter named apiKey (object literal) or token (static class getter)',
  file: 'src/integrations/acme-getter.ts',
  code: `
export const acmeConfig = {
  baseUrl: "https://api.acme-crm.io/v2",
  get apiKey(): string {
    return "${S.getterApiKey}"; ⟪hs⟫
  },
};

export class TeamworkAuth {
  static get token(): string {
    return "${S.getterStaticToken}"; ⟪hs⟫
  }
}
`,
});

// Expected: reported. The docs read "decorator argument[s]" and name a schema default by the key it is the default of
// (`ACME_TOKEN: z.string().default("…")`, envalid's `str({ default: "…" })`); an ORM column default
// (`@Column({ default: "…" }) apiToken`) is the same thing: the value of `apiToken` whenever none is given, shipped with
// the code and written into every new row. Actual: nothing; in `getStringContext` (src/ast/strings.ts) the walk takes
// `default` as the name, stops at the `Column(…)` call (callee `Column`, no credential) and never goes up through the
// `Decorator` to the decorated `PropertyDefinition` (`apiToken`); `defaultedChainTop` only continues above schema and
// env-validator calls.
GAPS.push({
  name: 'hs: a TypeORM @Column({ default: "<random>" }) on an apiToken property',
  file: 'src/db/entities/integration.ts',
  code: `
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity()
export class Integration {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ default: "${S.columnDefault}" }) ⟪hs⟫
  apiToken!: string;
}
`,
});

// Expected: reported. The computed key `[API_KEY_HEADER]` is a const whose value is "X-API-Key" (the plugin resolves
// consts statically elsewhere: `process.env[KEY]` with a constant KEY, scopes, OAuth values), and the literal computed
// key `["X-API-Key"]: "…"` is reported. Actual: nothing; `keyName` (src/ast/strings.ts) reads a computed Identifier key
// as its own name (`API_KEY_HEADER`, not the const's value), which `classifyName` (src/detect/context.ts) calls not
// secret (`header` is in NOT_SECRET_TAILS), so the value is dropped; with `const K = "X-API-Key"` the name `K` is
// neutral and the value is dropped too.
GAPS.push({
  name: 'hs: a computed header key from a const ([API_KEY_HEADER]: "<random>", API_KEY_HEADER = "X-API-Key")',
  file: 'src/integrations/computed-header.ts',
  code: `
const API_KEY_HEADER = "X-API-Key";

export const headers = { [API_KEY_HEADER]: "${S.computedHeader}", Accept: "application/json" }; ⟪hs⟫
`,
});

// --- run -----------------------------------------------------------------------------------------------------------

describe('realistic workers, sixth held-out set', () => {
  for (const c of CASES) it(c.name, () => check(c));
});

describe('gaps found by the held-out set, fixed', () => {
  for (const c of GAPS) it(c.name, () => check(c));
});
