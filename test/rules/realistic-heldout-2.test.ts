/**
 * Second held-out check of `configs.recommended` on realistic Notion worker projects, written independently of the
 * first set: multi-capability workers (GitHub, Stripe, Slack, Google, Linear, Notion, OpenAI, Anthropic, Twilio,
 * SendGrid, Airtable, HubSpot, Salesforce, Shopify, Discord, Jira, Zendesk, Microsoft, Asana), helper modules with
 * fetch wrappers, classes, async generators, constants and config files, OAuth configurations right and wrong,
 * `worker.credential()`, tests and fixtures, CommonJS / ESM JavaScript and TypeScript, and many random-looking
 * non-secrets (UUIDs, SHAs, SRI, data URIs, cursors, ids, documented placeholders, publishable keys, public keys,
 * anon / alg:none JWTs, bcrypt hashes).
 *
 * Each project is written to a throw-away folder under os.tmpdir() and every source file is linted with
 * `plugin.configs.recommended` (typescript-eslint parser for `.ts`, ESLint's default parser for `.js`/`.mjs`/`.cjs`).
 * Expectations are written next to the line they concern as a trailing `⟦rule,rule⟧` marker, stripped before
 * linting; the exact multiset of (ruleId, line) pairs is asserted. Expectations come from docs/rules/*.md.
 *
 * No token-shaped literal is in this file: every planted secret is built at run time (test/support/fake-tokens.ts).
 * No message may contain a planted secret, nor any 10-character window of its tail end.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from '../support/fake-tokens.js';

// --- values --------------------------------------------------------------------------------------------------------
const hex = (n: number, seed: number): string => randomString(CHARSETS.hex, n, seed);
const uuid = (seed: number): string => {
  const h = hex(32, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o), 'utf8').toString('base64url');
const jwt = (header: object, payload: object, seed: number): string =>
  `${b64url(header)}.${b64url(payload)}.${randomString(CHARSETS.b64url, 43, seed)}`;

const SUPABASE_REF = randomString(CHARSETS.lower, 20, 299);

/** Planted secrets: every one of them must be reported where it is written. */
const S = {
  linearKey: fakeToken('linear-api-key', 301),
  stripeRk: fakeToken('stripe-restricted-key', 302),
  whsec: fakeToken('stripe-webhook-secret', 303),
  slackBot: fakeToken('slack-bot-token', 304),
  slackWebhook: fakeToken('slack-webhook-url', 305),
  googleSecret: fakeToken('google-oauth-client-secret', 306),
  googleApiKey: fakeToken('google-api-key', 307),
  openai: fakeToken('openai-project-key', 308),
  anthropic: fakeToken('anthropic-api-key', 309),
  twilioAuth: fakeToken('twilio-auth-token', 310),
  sendgrid: fakeToken('sendgrid-api-key', 311),
  airtable: fakeToken('airtable-pat', 312),
  hubspot: fakeToken('hubspot-private-app-token', 313),
  discordBot: fakeToken('discord-bot-token', 314),
  discordWebhook: fakeToken('discord-webhook-url', 315),
  notion: fakeToken('notion-token', 316),
  notionLegacy: fakeToken('notion-legacy-token', 317),
  linearTest: fakeToken('linear-api-key', 318),
  ghsFixture: fakeToken('github-installation-token', 319),
  atlassian: fakeToken('atlassian-api-token', 320),
  zendesk: fakeToken('zendesk-api-token', 321),
  serviceJwt: jwt(
    { alg: 'HS256', typ: 'JWT' },
    { iss: 'supabase', ref: SUPABASE_REF, role: 'service_role', iat: 1_712_000_000, exp: 2_027_576_000 },
    322,
  ),
  shopifyToken: fakeToken('shopify-access-token', 323),
  shopifyShared: fakeToken('shopify-shared-secret', 324),
  azureSecret: fakeToken('azure-client-secret', 325),
  pgPass: randomString(CHARSETS.b62, 22, 326),
  pem: fakeToken('pem-private-key', 327),
  hf: fakeToken('huggingface-token', 328),
  ghPat: fakeToken('github-classic-pat', 329),
  sendgridTemplate: fakeToken('sendgrid-api-key', 330),
  mailchimp: fakeToken('mailchimp-api-key', 331),
  ghoInLog: fakeToken('github-oauth-token', 332),
};
const PLANTED: string[] = Object.values(S);
/** AWS's documented example pair (never a finding), joined at run time. */
const AWS_DOCS_KEY_ID = 'AK' + 'IAIOSFODNN7EXAMPLE';
const AWS_DOCS_SECRET = 'wJalrXUtnFEMI/K7MDENG' + '/bPxRfiCYEXAMPLEKEY';
const PEM_FOOTER = '-'.repeat(5) + 'END RSA PRIVATE' + ' KEY' + '-'.repeat(5);

/** Look-alike non-secrets. */
const N = {
  sha1: hex(40, 401),
  sha2: hex(40, 402),
  sha256: hex(64, 403),
  uuid1: uuid(404),
  uuid2: uuid(405),
  uuid3: uuid(406),
  uuid4: uuid(407),
  uuid5: uuid(408),
  notionPage: hex(32, 409),
  pkLive: fakeToken('stripe-publishable-key', 410),
  googleClientId: fakeToken('google-oauth-client-id', 411),
  twilioSid: fakeToken('twilio-account-sid', 412),
  mgSid: 'MG' + hex(32, 413),
  smSid: 'SM' + hex(32, 414),
  tplA: 'd-' + hex(32, 415),
  tplB: 'd-' + hex(32, 416),
  discordPublicKey: hex(64, 417),
  anonJwt: jwt(
    { alg: 'HS256', typ: 'JWT' },
    { iss: 'supabase', ref: SUPABASE_REF, role: 'anon', iat: 1_712_000_000, exp: 2_027_576_000 },
    418,
  ),
  noneJwt: `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: 'user_123', role: 'viewer' })}.`,
  expiredJwt: jwt({ alg: 'RS256', typ: 'JWT' }, { sub: '1234', aud: 'notion-worker', exp: 1_600_000_000 }, 419),
  mapboxPk: fakeToken('mapbox-public-token', 420),
  sentryKey: hex(32, 421),
  sri: 'sha384-' + randomString(CHARSETS.b64, 64, 422),
  png: 'iVBORw0KGgoAAAANSUhEUgAA' + randomString(CHARSETS.b64, 160, 423) + '==',
  cursor: Buffer.from(JSON.stringify({ id: 8_812_345, ts: 1_712_345_678 })).toString('base64'),
  hmacSample: randomString(CHARSETS.b64, 43, 424) + '=',
  bcrypt: '$2b$10$' + randomString('./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 53, 425),
  ghpPlaceholder: 'ghp' + '_' + 'x'.repeat(36),
  testClientSecret: fakeGenericSecret(426),
  calendarId: hex(52, 427),
  syncToken: 'CPDAlvWDx70CEPDAlvWDx70CGAU=',
  embKey: hex(64, 428),
  sqlFingerprint: hex(16, 429),
  githubAppClientId: 'Iv23li' + randomString(CHARSETS.b62, 14, 430),
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
};

interface Spec {
  code: string;
  expected: string[];
}

/** Strip the trailing `⟦a,b⟧` markers and record (rule, line) for each. */
function marked(source: string): Spec {
  const lines = source.replace(/^\n/, '').split('\n');
  const expected: string[] = [];
  const code = lines
    .map((line, i) =>
      line.replace(/\s*⟦([^⟧]*)⟧\s*$/u, (_m, tags: string) => {
        for (const tag of tags.split(',')) {
          // `rule^N`: the finding is N lines above the marked line (a multi-line literal starts there)
          const [name, up] = tag.trim().split('^');
          const rule = RULE[name!];
          if (!rule) throw new Error(`unknown marker ${tag}`);
          expected.push(`${rule}:${i + 1 - Number(up ?? 0)}`);
        }
        return '';
      }),
    )
    .join('\n');
  return { code, expected: expected.sort() };
}

interface Project {
  /** Linted files (marked sources). */
  files: Record<string, string>;
  /** Other files written as they are (`.env.example`, `.env`, `.gitignore`…). */
  extra?: Record<string, string>;
  /** Keep the default `.gitignore` (`.env` ignored). */
  gitignore?: boolean;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];

interface Finding {
  ruleId: string | null;
  line: number;
  message: string;
}

function lintProject(project: Project): Record<string, { actual: Finding[]; expected: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'worker-auth-heldout2-'));
  roots.push(root);
  const write = (rel: string, text: string): void => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  write(
    'package.json',
    JSON.stringify({ name: 'acme-worker', private: true, type: 'module', dependencies: { '@notionhq/workers': '^0.9.2' } }, null, 2),
  );
  if (project.gitignore !== false) write('.gitignore', 'node_modules\ndist\n.env\n.env.*\n!.env.example\n');
  for (const [rel, text] of Object.entries(project.extra ?? {})) write(rel, text);
  const specs: Record<string, Spec> = {};
  for (const [rel, source] of Object.entries(project.files)) {
    specs[rel] = marked(source);
    write(rel, specs[rel].code);
  }
  const out: Record<string, { actual: Finding[]; expected: string[] }> = {};
  for (const [rel, spec] of Object.entries(specs)) {
    const isTs = /\.[cm]?tsx?$/u.test(rel);
    const linter = new Linter({ cwd: root });
    const config: Linter.Config[] = [
      {
        files: SOURCE_FILES,
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType: rel.endsWith('.cjs') ? 'commonjs' : 'module',
          ...(isTs ? { parser: tsParser as unknown as Linter.Parser } : {}),
        },
      },
      plugin.configs.recommended,
    ];
    const messages = linter.verify(spec.code, config, { filename: join(root, rel) });
    out[rel] = {
      actual: messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message })),
      expected: spec.expected,
    };
  }
  return out;
}

function assertNoLeak(findings: Finding[]): void {
  for (const f of findings) {
    for (const secret of PLANTED) {
      expect(f.message.includes(secret), `message leaks a planted secret: ${f.message}`).toBe(false);
      const tail = secret.slice(Math.floor(secret.length * 0.4), -4);
      for (let i = 0; i + 10 <= tail.length; i += 3) {
        const window = tail.slice(i, i + 10);
        expect(f.message.includes(window), `message shows part of a planted secret: ${f.message}`).toBe(false);
      }
    }
  }
}

function check(project: Project): void {
  const results = lintProject(project);
  const report: Record<string, string[]> = {};
  const want: Record<string, string[]> = {};
  for (const [rel, { actual, expected }] of Object.entries(results)) {
    assertNoLeak(actual);
    report[rel] = actual.map((f) => `${f.ruleId}:${f.line}`).sort();
    want[rel] = expected;
  }
  expect(report).toEqual(want);
}

// --- projects ------------------------------------------------------------------------------------------------------

/** 1. GitHub + Linear TypeScript worker with `.env.example`. */
const githubLinear: Project = {
  extra: { '.env.example': 'GITHUB_OAUTH_CLIENT_ID=\nGITHUB_OAUTH_CLIENT_SECRET=\nLINEAR_API_KEY=<paste your Linear key>\n' },
  files: {
    'src/index.ts': `
import { Worker } from "@notionhq/workers";
import * as Schema from "@notionhq/workers/schema";
import * as Builder from "@notionhq/workers/builder";
import { LinearClient } from "@linear/sdk";
import { createHmac, timingSafeEqual } from "node:crypto";

const worker = new Worker();
export default worker;

// Pinned so that the changelog sync is reproducible across deploys.
const BASE_COMMIT = "${N.sha1}";
const ISSUES_DATABASE_ID = "${N.uuid1}";
const ROADMAP_PAGE = "https://www.notion.so/acme/Roadmap-${N.notionPage}";

const github = worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "read:user repo", ⟦sc⟧
  clientId: process.env.GITHUB_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GITHUB_OAUTH_CLIENT_SECRET ?? "",
});

const linear = new LinearClient({
  apiKey: process.env.LINEAR_API_KEY ?? "${S.linearKey}", ⟦hs⟧
});

function verifyLinearSignature(body: string, signature: string): boolean {
  const secret = process.env.LINEAR_WEBHOOK_SECRET ?? ""; ⟦env⟧
  const digest = createHmac("sha256", secret).update(body).digest("hex");
  return timingSafeEqual(Buffer.from(digest), Buffer.from(signature));
}

worker.tool("openIssues", {
  title: "Open GitHub issues",
  description: "Lists the open issues of a repository since the pinned base commit",
  schema: {
    type: "object",
    properties: { repo: { type: "string" } },
    required: ["repo"],
    additionalProperties: false,
  },
  execute: async ({ repo }: { repo: string }) => {
    const token = await github.accessToken();
    console.log("github token", token); ⟦log⟧
    const res = await fetch(\`https://api.github.com/repos/\${repo}/compare/\${BASE_COMMIT}...HEAD\`, {
      headers: {
        Authorization: \`Bearer \${token}\`,
        Accept: "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
      },
    });
    const body = (await res.json()) as { commits: { sha: string }[] };
    return body.commits.map((c) => c.sha.slice(0, 7)).join(", ");
  },
});

worker.sync("linearIssues", {
  primaryKeyProperty: "ID",
  schema: { defaultName: "Linear issues", properties: { Name: Schema.title(), ID: Schema.richText() } },
  execute: async (state: { after?: string } | undefined) => {
    const page = await linear.issues({ first: 50, after: state?.after ?? "${N.cursor}" });
    return {
      changes: page.nodes.map((issue) => ({
        type: "upsert" as const,
        key: issue.id,
        properties: { Name: Builder.title(issue.title), ID: Builder.richText(issue.identifier) },
      })),
      hasMore: page.pageInfo.hasNextPage,
      nextState: { after: page.pageInfo.endCursor, database: ISSUES_DATABASE_ID, roadmap: ROADMAP_PAGE },
    };
  },
});

worker.automation("linearWebhook", {
  title: "Linear webhook",
  description: "Checks the signature of a forwarded Linear webhook",
  execute: async (event: { body: string; signature: string }) => {
    if (!verifyLinearSignature(event.body, event.signature)) throw new Error("bad signature");
  },
});
`,
  },
};

/** 2. A Stripe REST wrapper class with an async generator. */
const stripeHelper: Project = {
  files: {
    'src/lib/stripe.ts': `
import { createHmac, timingSafeEqual } from "node:crypto";

interface List<T> { data: T[]; has_more: boolean }
interface Charge { id: string; amount: number; currency: string }

/** Minimal Stripe REST wrapper: the SDK is too heavy for the worker bundle. Keys look like sk_test_… in the docs. */
export class StripeApi {
  private readonly baseUrl = "https://api.stripe.com/v1";
  private readonly apiKey = "${S.stripeRk}"; ⟦hs⟧
  // publishable key for the Checkout redirect page (public by design)
  static readonly publishableKey = "${N.pkLive}";

  constructor(private readonly version = "2024-06-20") {}

  async get<T>(path: string, params: Record<string, string> = {}): Promise<T> {
    const qs = new URLSearchParams(params).toString();
    const res = await fetch(\`\${this.baseUrl}\${path}?\${qs}\`, {
      headers: { Authorization: \`Bearer \${this.apiKey}\`, "Stripe-Version": this.version },
    });
    if (!res.ok) throw new Error(\`Stripe \${path} failed: \${res.status}\`);
    return (await res.json()) as T;
  }

  async *charges(customer: string): AsyncGenerator<Charge> {
    let startingAfter: string | undefined;
    do {
      const page = await this.get<List<Charge>>("/charges", {
        customer,
        limit: "100",
        ...(startingAfter ? { starting_after: startingAfter } : {}),
      });
      yield* page.data;
      startingAfter = page.has_more ? page.data.at(-1)?.id : undefined;
    } while (startingAfter);
  }
}

// Signing secret of the "invoice.paid" endpoint (Dashboard → Developers → Webhooks)
const ENDPOINT_SECRET = "${S.whsec}"; ⟦hs⟧

export function verifyStripeSignature(payload: string, header: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(",").map((kv) => kv.split("=") as [string, string]));
  const timestamp = Number(parts.t);
  if (Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", ENDPOINT_SECRET).update(\`\${timestamp}.\${payload}\`).digest("hex");
  return timingSafeEqual(Buffer.from(expected), Buffer.from(parts.v1 ?? ""));
}

// Fixtures for the dry-run mode
export const SAMPLE_CUSTOMER = "cus_NffrFeUfNV2Hib";
export const SAMPLE_PRICE = "price_1MoBy5LkdIwHu7ixZhnattbh";
export const IDEMPOTENCY_NAMESPACE = "${N.uuid2}";
`,
  },
};

/** 3. Slack worker in ESM JavaScript: OAuth with comma scopes and user_scope, a fallback bot, a webhook. */
const slackWorker: Project = {
  files: {
    'src/index.js': `
import { Worker } from "@notionhq/workers";
import { WebClient } from "@slack/web-api";

const worker = new Worker();
export default worker;

const slackAuth = worker.oauth("slack", {
  name: "slack",
  authorizationEndpoint: "https://slack.com/oauth/v2/authorize",
  tokenEndpoint: "https://slack.com/api/oauth.v2.access",
  scope: "channels:read,chat:write,users:read.email", ⟦sc⟧
  clientId: process.env.SLACK_CLIENT_ID ?? "",
  clientSecret: process.env.SLACK_CLIENT_SECRET ?? "",
  authorizationParams: { user_scope: "search:read" }, ⟦sc⟧
});

// Used before anybody has connected the OAuth app
const fallbackBot = new WebClient("${S.slackBot}"); ⟦hs⟧
const ALERTS_WEBHOOK = "${S.slackWebhook}"; ⟦hs⟧

const CHANNELS = { incidents: "C04QX1B2ZPQ", deploys: "C05A7K9LM3N" };
const BOT_USER = "U0580LK0N3X";

worker.tool("postIncident", {
  title: "Post incident",
  description: "Posts an incident summary to #incidents",
  schema: {
    type: "object",
    properties: { summary: { type: "string" }, threadTs: { type: "string" } },
    required: ["summary"],
    additionalProperties: false,
  },
  execute: async ({ summary, threadTs }) => {
    const token = await slackAuth.accessToken();
    const client = token ? new WebClient(token) : fallbackBot;
    const res = await client.chat.postMessage({
      channel: CHANNELS.incidents,
      text: \`<@\${BOT_USER}> \${summary}\`,
      thread_ts: threadTs ?? "1712345678.123456",
    });
    return res.ts;
  },
});

worker.automation("notifyDeploy", {
  title: "Notify deploy",
  description: "Posts to the deploy channel webhook",
  execute: async (event) => {
    await fetch(ALERTS_WEBHOOK, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ channel: CHANNELS.deploys, text: \`Deployed \${event.pageId}\` }),
    });
  },
});
`,
  },
};

/** 4. Google Calendar OAuth with the client values in constants, an array of scopes, and a Maps key in a URL. */
const googleWorker: Project = {
  files: {
    'src/index.ts': `
import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

const GOOGLE_CLIENT_ID = "${N.googleClientId}"; ⟦ce⟧
const GOOGLE_CLIENT_SECRET = "${S.googleSecret}"; ⟦hs,ce⟧

const CALENDAR_SCOPES = [
  "openid",
  "https://www.googleapis.com/auth/calendar.events",
  "https://www.googleapis.com/auth/drive", ⟦sc⟧
];

const calendar = worker.oauth("googleCalendar", {
  name: "google-calendar",
  authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenEndpoint: "https://oauth2.googleapis.com/token",
  scope: CALENDAR_SCOPES.join(" "),
  clientId: GOOGLE_CLIENT_ID,
  clientSecret: GOOGLE_CLIENT_SECRET,
  authorizationParams: { access_type: "offline", prompt: "consent" },
});

// Notion-managed Google for the Sheets tool: nothing secret in code
const sheets = worker.oauth("googleSheets", { name: "google-sheets", provider: "google" });

const GEOCODE_URL = "https://maps.googleapis.com/maps/api/geocode/json?key=${S.googleApiKey}&address="; ⟦hs⟧
const TEAM_CALENDAR = { calendarId: "c_${N.calendarId}@group.calendar.google.com", syncToken: "${N.syncToken}" };

worker.tool("nextMeetings", {
  title: "Next meetings",
  description: "Lists the next events of the team calendar with their location",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const token = await calendar.accessToken();
    const url = new URL(\`https://www.googleapis.com/calendar/v3/calendars/\${encodeURIComponent(TEAM_CALENDAR.calendarId)}/events\`);
    url.searchParams.set("syncToken", TEAM_CALENDAR.syncToken);
    const res = await fetch(url, { headers: { Authorization: \`Bearer \${token}\` } });
    const { items } = (await res.json()) as { items: { summary: string; location?: string }[] };
    const sheetsToken = await sheets.accessToken();
    void sheetsToken;
    return Promise.all(
      items.map(async (e) => (e.location ? fetch(GEOCODE_URL + encodeURIComponent(e.location)).then((r) => r.json()) : e)),
    );
  },
});
`,
  },
};

/** 5. LLM helper module: OpenAI default parameter, an Anthropic key inside a curl example, logged headers. */
const llmHelper: Project = {
  files: {
    'src/llm.ts': `
import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";

const OPENAI_MODEL = "gpt-4o-2024-08-06";
const CLAUDE_MODEL = "claude-3-5-sonnet-20241022";

export function openaiClient(apiKey = "${S.openai}") { ⟦hs⟧
  return new OpenAI({ apiKey, organization: "org-8Jq3VbXzL2kT9wPmN4cR6sYd" });
}

export const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY ?? "" });

// Reproduce a failing call by hand:
export const CURL_EXAMPLE = \`curl https://api.anthropic.com/v1/messages -H "x-api-key: ${S.anthropic}" -H "anthropic-version: 2023-06-01"\`; ⟦hs⟧

export async function summarize(text: string): Promise<string> {
  const key = process.env.OPENAI_API_KEY ?? "";
  const headers = { Authorization: \`Bearer \${key}\`, "Content-Type": "application/json" };
  const res = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers,
    body: JSON.stringify({ model: OPENAI_MODEL, messages: [{ role: "user", content: \`Summarize:\\n\${text}\` }] }),
  });
  if (!res.ok) {
    console.error("OpenAI request failed", { status: res.status, headers }); ⟦log⟧
    throw new Error(\`OpenAI \${res.status}\`);
  }
  const body = (await res.json()) as { id: string; choices: { message: { content: string } }[] };
  return body.choices[0]?.message.content ?? "";
}

export async function claude(prompt: string) {
  const msg = await anthropic.messages.create({ model: CLAUDE_MODEL, max_tokens: 1024, messages: [{ role: "user", content: prompt }] });
  // ids look like msg_01XFDUDYJgAACzvnptvVoYEL; keys look like sk-ant-api03-… (never commit one)
  return msg;
}
`,
  },
};

/** 6. CommonJS notifications module: Twilio and SendGrid. */
const notifyCjs: Project = {
  files: {
    'src/notify.cjs': `
"use strict";
const twilio = require("twilio");
const sgMail = require("@sendgrid/mail");

const TWILIO_ACCOUNT_SID = "${N.twilioSid}";
const TWILIO_AUTH_TOKEN = "${S.twilioAuth}"; ⟦hs⟧
const MESSAGING_SERVICE_SID = "${N.mgSid}";

const client = twilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
sgMail.setApiKey("${S.sendgrid}"); ⟦hs⟧

const TEMPLATE_IDS = { welcome: "${N.tplA}", digest: "${N.tplB}" };

async function sendSms(to, body) {
  const message = await client.messages.create({ to, body, messagingServiceSid: MESSAGING_SERVICE_SID });
  return message.sid; // e.g. ${N.smSid}
}

async function sendDigest(to, data) {
  await sgMail.send({ to, from: "digest@acme.io", templateId: TEMPLATE_IDS.digest, dynamicTemplateData: data });
}

module.exports = { sendSms, sendDigest };
`,
  },
};

/** 7. ESM CRM helpers: Airtable token as an `||` fallback, a HubSpot token in a config object, an async generator. */
const crmMjs: Project = {
  files: {
    'src/crm.mjs': `
const AIRTABLE_BASE = "appXk3V9sLmQ2wE8r";
const AIRTABLE_TABLE = "tblR7cN2pQ8vW4xZ1";
const AIRTABLE_TOKEN = process.env.AIRTABLE_TOKEN || "${S.airtable}"; ⟦hs⟧

export const hubspotConfig = {
  portalId: 44812345,
  accessToken: "${S.hubspot}", ⟦hs⟧
  baseUrl: "https://api.hubapi.com",
};

export async function* airtableRecords(view = "Grid view") {
  let offset;
  do {
    const url = new URL(\`https://api.airtable.com/v0/\${AIRTABLE_BASE}/\${AIRTABLE_TABLE}\`);
    url.searchParams.set("view", view);
    if (offset) url.searchParams.set("offset", offset);
    const res = await fetch(url, { headers: { Authorization: \`Bearer \${AIRTABLE_TOKEN}\` } });
    const body = await res.json();
    yield* body.records;
    offset = body.offset; // e.g. "itrX3kLq9/recA1b2C3d4E5f6G7"
  } while (offset);
}

export async function upsertContact(email, properties) {
  const res = await fetch(
    \`\${hubspotConfig.baseUrl}/crm/v3/objects/contacts/\${encodeURIComponent(email)}?idProperty=email\`,
    {
      method: "PATCH",
      headers: { Authorization: \`Bearer \${hubspotConfig.accessToken}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ properties }),
    },
  );
  return res.json();
}
`,
  },
};

/** 8. OAuth configurations kept in a constants module and registered from the entry file. */
const oauthConstants: Project = {
  files: {
    'src/oauth/providers.ts': `
/** OAuth apps of the CRM workers. Values are pushed with \`ntn workers env push\`. */
import { requireEnv } from "../env.js";

export const salesforceOAuth = {
  name: "salesforce",
  authorizationEndpoint: "https://login.salesforce.com/services/oauth2/authorize",
  tokenEndpoint: "https://login.salesforce.com/services/oauth2/token",
  scope: "api refresh_token full", ⟦sc⟧
  clientId: process.env.SALESFORCE_CLIENT_ID ?? "",
  clientSecret: process.env.SALESFORCE_CLIENT_SECRET ?? "",
};

export const jiraOAuth = {
  name: "jira",
  authorizationEndpoint: "https://auth.atlassian.com/authorize",
  tokenEndpoint: "https://auth.atlassian.com/oauth/token",
  scope: ["read:jira-work", "write:jira-work", "read:jira-user", "offline_access"].join(" "), ⟦sc⟧
  clientId: process.env.JIRA_CLIENT_ID ?? "",
  clientSecret: requireEnv("JIRA_CLIENT_SECRET"),
  authorizationParams: { audience: "api.atlassian.com", prompt: "consent" },
};

export const zendeskOAuth = {
  name: "zendesk",
  authorizationEndpoint: "https://acme.zendesk.com/oauth/authorizations/new",
  tokenEndpoint: "http://acme.zendesk.com/oauth/tokens", ⟦ep⟧
  scope: "tickets:read users:read",
  clientId: "notion_worker_sync", ⟦ce⟧
  clientSecret: process.env.ZENDESK_CLIENT_SECRET ?? "",
};

export const shopifyOAuth = {
  name: "shopify",
  authorizationEndpoint: "https://{shop}.myshopify.com/admin/oauth/authorize", ⟦ep⟧
  tokenEndpoint: "https://{shop}.myshopify.com/admin/oauth/access_token", ⟦ep⟧
  scope: "read_products,write_orders", ⟦sc⟧
  clientId: process.env.SHOPIFY_API_KEY ?? "",
  clientSecret: process.env.SHOPIFY_API_SECRET ?? "",
};
`,
    'src/env.ts': `
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Missing \${name}: add it to .env and run \\\`ntn workers env push\\\`\`);
  return value;
}
`,
    'src/index.ts': `
import { Worker } from "@notionhq/workers";
import { jiraOAuth, salesforceOAuth, shopifyOAuth, zendeskOAuth } from "./oauth/providers.js";

const worker = new Worker();
export default worker;

export const salesforce = worker.oauth("salesforce", salesforceOAuth);
export const jira = worker.oauth("jira", jiraOAuth);
export const zendesk = worker.oauth("zendesk", zendeskOAuth);
export const shopify = worker.oauth("shopify", shopifyOAuth);

worker.tool("openOpportunities", {
  title: "Open opportunities",
  description: "Lists open Salesforce opportunities",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const token = await salesforce.accessToken();
    const res = await fetch("https://acme.my.salesforce.com/services/data/v61.0/query?q=SELECT+Id,Name+FROM+Opportunity+WHERE+IsClosed=false", {
      headers: { Authorization: \`Bearer \${token}\` },
    });
    return res.json();
  },
});
`,
  },
};

/** 9. Discord bot class with a public key, a bot token and a webhook; Discord OAuth with guilds.join. */
const discordWorker: Project = {
  files: {
    'src/index.ts': `
import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

export class DiscordBot {
  static readonly applicationId = "1187654321098765432";
  // Public key from the Developer Portal, used to verify interaction signatures (public by design)
  static readonly publicKey = "${N.discordPublicKey}";
  static readonly token = "${S.discordBot}"; ⟦hs⟧
  static readonly api = "https://discord.com/api/v10";

  async send(channelId: string, content: string): Promise<Response> {
    return fetch(\`\${DiscordBot.api}/channels/\${channelId}/messages\`, {
      method: "POST",
      headers: { Authorization: \`Bot \${DiscordBot.token}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ content }),
    });
  }
}

const RELEASES_WEBHOOK = "${S.discordWebhook}"; ⟦hs⟧
const GUILD_ID = "1098765432109876543";

const discord = worker.oauth("discord", {
  name: "discord",
  authorizationEndpoint: "https://discord.com/oauth2/authorize",
  tokenEndpoint: "https://discord.com/api/oauth2/token",
  scope: "identify guilds guilds.join", ⟦sc⟧
  clientId: process.env.DISCORD_CLIENT_ID ?? "",
  clientSecret: process.env.DISCORD_CLIENT_SECRET ?? "",
});

worker.tool("announceRelease", {
  title: "Announce release",
  description: "Posts release notes to the community server",
  schema: { type: "object", properties: { notes: { type: "string" } }, required: ["notes"], additionalProperties: false },
  execute: async ({ notes }: { notes: string }) => {
    const token = await discord.accessToken();
    const me = await fetch(\`https://discord.com/api/v10/users/@me/guilds/\${GUILD_ID}/member\`, {
      headers: { Authorization: \`Bearer \${token}\` },
    });
    await fetch(RELEASES_WEBHOOK, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ content: notes }) });
    return me.status;
  },
});
`,
  },
};

/** 10. Notion-to-Notion mirror sync with an async generator, an inline token and an old token in a comment. */
const notionSync: Project = {
  files: {
    'src/index.ts': `
import { Worker } from "@notionhq/workers";
import * as Schema from "@notionhq/workers/schema";
import * as Builder from "@notionhq/workers/builder";
import { Client } from "@notionhq/client";

const worker = new Worker();
export default worker;

// Mirror workspace (read-only internal integration)
const mirror = new Client({ auth: "${S.notion}" }); ⟦hs⟧
// Rotated in March. Before that we used NOTION_TOKEN=${S.notionLegacy} ⟦hs⟧

const SOURCE_DATABASE = "${N.uuid3}";
const TARGET_DATA_SOURCE = "${hex(32, 431)}";

async function* pages(startCursor?: string) {
  let cursor = startCursor;
  do {
    const res = await mirror.databases.query({ database_id: SOURCE_DATABASE, start_cursor: cursor, page_size: 100 });
    yield* res.results;
    cursor = res.next_cursor ?? undefined;
  } while (cursor);
}

worker.sync("mirrorSync", {
  primaryKeyProperty: "ID",
  schema: { defaultName: "Mirror", properties: { Name: Schema.title(), ID: Schema.richText() } },
  execute: async (state: { cursor?: string } | undefined) => {
    const changes = [];
    for await (const page of pages(state?.cursor ?? "${N.uuid4}")) {
      changes.push({ type: "upsert" as const, key: page.id, properties: { Name: Builder.title(page.id), ID: Builder.richText(TARGET_DATA_SOURCE) } });
    }
    return { changes, hasMore: false };
  },
});
`,
  },
};

/** 11. Test file and fixture: made-up generic values are fine there, prefix-certain tokens are not. */
const testsAndFixtures: Project = {
  extra: { '.env.example': 'LINEAR_API_KEY=\n' },
  files: {
    'test/linear.test.ts': `
import { describe, expect, it, vi } from "vitest";
import { pushEvent } from "./fixtures/github-push.js";

const FAKE_KEY = "${S.linearTest}"; ⟦hs⟧
const clientSecret = "${N.testClientSecret}";
const idToken = "${N.expiredJwt}";
const webhookSecret = "test-webhook-secret";

vi.stubEnv("LINEAR_API_KEY", FAKE_KEY);

describe("linear triage", () => {
  it("sends the key", async () => {
    const fetchMock = vi.fn(async () =>
      new Response(JSON.stringify({ data: { issues: { nodes: [], pageInfo: { endCursor: "${N.uuid5}", hasNextPage: false } } } })),
    );
    vi.stubGlobal("fetch", fetchMock);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(process.env.LINEAR_TEAM_KEY).toBeUndefined();
  });

  it("accepts a mock OAuth app", () => {
    const cfg = {
      name: "linear",
      authorizationEndpoint: "https://linear.app/oauth/authorize",
      tokenEndpoint: "https://api.linear.app/oauth/token",
      scope: "read",
      clientId: "test-client",
      clientSecret,
    };
    expect(cfg.clientSecret).toHaveLength(clientSecret.length);
    expect(idToken.split(".")).toHaveLength(3);
    expect(webhookSecret).toBeTruthy();
    expect(pushEvent.after).toMatch(/^[0-9a-f]{40}$/);
  });
});
`,
    'test/fixtures/github-push.ts': `
export const pushEvent = {
  ref: "refs/heads/main",
  before: "${N.sha1}",
  after: "${N.sha2}",
  installation: { id: 51234567, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNTEyMzQ1Njc=" },
  // recorded from a real delivery; the installation token was still in the payload:
  token: "${S.ghsFixture}", ⟦hs⟧
  head_commit: { id: "${N.sha2}", tree_id: "${hex(40, 432)}", message: "fix: retry on 502" },
};
`,
  },
};

/** 12. Jira and Zendesk helpers with Basic auth built from hardcoded tokens. */
const jiraZendesk: Project = {
  files: {
    'src/support.ts': `
const JIRA_HOST = "https://acme.atlassian.net";
const JIRA_EMAIL = "automation@acme.io";
const JIRA_API_TOKEN = "${S.atlassian}"; ⟦hs⟧
const ZENDESK_SUBDOMAIN = "acme";
const ZENDESK_API_TOKEN = "${S.zendesk}"; ⟦hs⟧

const jiraAuth = "Basic " + Buffer.from(\`\${JIRA_EMAIL}:\${JIRA_API_TOKEN}\`).toString("base64");

export async function createIssue(summary: string, accountId = "5b10ac8d82e05b22cc7d4ef5") {
  const res = await fetch(\`\${JIRA_HOST}/rest/api/3/issue\`, {
    method: "POST",
    headers: { Authorization: jiraAuth, "Content-Type": "application/json" },
    body: JSON.stringify({ fields: { project: { key: "OPS" }, summary, issuetype: { name: "Task" }, assignee: { accountId } } }),
  });
  return (await res.json()) as { key: string };
}

export async function ticketComments(ticketId: number) {
  const auth = Buffer.from(\`\${JIRA_EMAIL}/token:\${ZENDESK_API_TOKEN}\`).toString("base64");
  const res = await fetch(\`https://\${ZENDESK_SUBDOMAIN}.zendesk.com/api/v2/tickets/\${ticketId}/comments.json\`, {
    headers: { Authorization: \`Basic \${auth}\` },
  });
  return res.json();
}
`,
  },
};

/** 13. A config object full of public values, placeholders and one Supabase service-role key. */
const configModule: Project = {
  files: {
    'src/config.ts': `
export const config = {
  github: { token: process.env.GITHUB_TOKEN ?? "", appId: 912345, clientId: "${N.githubAppClientId}" },
  stripe: { publishableKey: "${N.pkLive}", secretKey: process.env.STRIPE_SECRET_KEY ?? "" },
  supabase: {
    url: "https://${SUPABASE_REF}.supabase.co",
    anonKey: "${N.anonJwt}",
    serviceRoleKey: "${S.serviceJwt}", ⟦hs⟧
  },
  mapbox: { accessToken: "${N.mapboxPk}" },
  sentry: { dsn: "https://${N.sentryKey}@o4506123456789.ingest.sentry.io/4506123456790" },
  build: { commit: "${N.sha1}", shortSha: "3f9c2ab", integrity: "${N.sri}" },
  branding: { logo: "data:image/png;base64,${N.png}" },
  webhooks: { slackBase: "https://hooks.slack.com/services/", docs: "https://developers.notion.com/reference/webhooks" },
  // What the README tells people to paste:
  placeholders: {
    openaiKey: "sk-...",
    slackToken: "xoxb-your-bot-token",
    notionToken: "<paste your Notion token>",
    airtableToken: "your-api-key-here",
    githubToken: "${N.ghpPlaceholder}",
  },
  demoSession: "${N.noneJwt}",
} as const;
`,
  },
};

/** 14. Linear and Asana OAuth in JavaScript, with `.env.example`, a non-empty fallback and an access token thrown. */
const planningJs: Project = {
  extra: { '.env.example': '# OAuth apps\nLINEAR_OAUTH_CLIENT_ID=\nLINEAR_OAUTH_CLIENT_SECRET=\n' },
  files: {
    'src/index.js': `
import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

const linear = worker.oauth("linear", {
  name: "linear",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: "read,write", ⟦sc⟧
  clientId: process.env.LINEAR_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.LINEAR_OAUTH_CLIENT_SECRET || "local-dev-secret", ⟦ce⟧
});

const asana = worker.oauth("asana", {
  name: "asana",
  authorizationEndpoint: "https://app.asana.com/-/oauth_authorize",
  tokenEndpoint: "https://app.asana.com/-/oauth_token",
  scope: "default", ⟦sc⟧
  clientId: process.env.ASANA_CLIENT_ID ?? "", ⟦env⟧
  clientSecret: process.env.ASANA_CLIENT_SECRET ?? "", ⟦env⟧
});

// Notion-managed GitHub: the scopes live with Notion
const gh = worker.oauth("githubManaged", { name: "github", provider: "github" });

worker.tool("linearToAsana", {
  title: "Copy a Linear issue to Asana",
  description: "Creates an Asana task from a Linear issue",
  schema: { type: "object", properties: { issueId: { type: "string" } }, required: ["issueId"], additionalProperties: false },
  execute: async ({ issueId }) => {
    const linearToken = await linear.accessToken();
    const issue = await fetch("https://api.linear.app/graphql", {
      method: "POST",
      headers: { Authorization: \`Bearer \${linearToken}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ query: "query($id: String!) { issue(id: $id) { title } }", variables: { id: issueId } }),
    }).then((r) => r.json());
    const asanaToken = await asana.accessToken();
    const res = await fetch("https://app.asana.com/api/1.0/tasks", {
      method: "POST",
      headers: { Authorization: \`Bearer \${asanaToken}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ data: { name: issue.data.issue.title, workspace: "1204567890123456" } }),
    });
    if (!res.ok) throw new Error(\`Asana rejected token \${asanaToken}\`); ⟦log⟧
    const ghToken = await gh.accessToken();
    return ghToken ? "ok (github connected)" : "ok";
  },
});
`,
  },
};

/** 15. Shopify Admin API helper: access token in a const used as a header, shared secret for HMAC. */
const shopifyHelper: Project = {
  files: {
    'src/shopify.ts': `
import { createHmac, timingSafeEqual } from "node:crypto";

const SHOP = "acme-outdoors.myshopify.com";
const API_VERSION = "2024-07";
const ADMIN_TOKEN = "${S.shopifyToken}"; ⟦hs⟧
const APP_SECRET = "${S.shopifyShared}"; ⟦hs⟧
// From Shopify's webhook docs: X-Shopify-Hmac-Sha256 is a base64 digest, for example
const SAMPLE_HMAC = "${N.hmacSample}";

export async function shopifyGraphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(\`https://\${SHOP}/admin/api/\${API_VERSION}/graphql.json\`, {
    method: "POST",
    headers: { "X-Shopify-Access-Token": ADMIN_TOKEN, "Content-Type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as T;
}

export function verifyWebhook(raw: string, hmacHeader: string = SAMPLE_HMAC): boolean {
  const digest = createHmac("sha256", APP_SECRET).update(raw, "utf8").digest("base64");
  return timingSafeEqual(Buffer.from(digest), Buffer.from(hmacHeader));
}

export const ORDER_GID = "gid://shopify/Order/5551234567890";
`,
  },
};

/** 16. A worker that declares credentials with worker.credential() and never sees the keys. */
const credentialWorker: Project = {
  extra: { '.env.example': 'OPENAI_API_KEY=\nSENDGRID_API_KEY=\nZENDESK_API_TOKEN=\n' },
  files: {
    'src/index.ts': `
import { CREDENTIAL_VALUE, Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

worker.credential("OPENAI_API_KEY", {
  network: [{ domain: "api.openai.com", transform: [{ headers: { Authorization: \`Bearer \${CREDENTIAL_VALUE}\` } }] }],
});
worker.credential("SENDGRID_API_KEY", {
  network: [{ domain: "api.sendgrid.com", transform: [{ headers: { Authorization: \`Bearer \${CREDENTIAL_VALUE}\` } }] }],
});
worker.credential("ZENDESK_API_TOKEN", {
  network: [{ domain: "acme.zendesk.com", transform: [{ headers: { Authorization: \`Basic \${CREDENTIAL_VALUE}\` } }] }],
});

worker.tool("draftReply", {
  title: "Draft a reply",
  description: "Drafts a reply to a Zendesk ticket and emails it to the assignee",
  schema: {
    type: "object",
    properties: { ticketId: { type: "number" }, assignee: { type: "string" } },
    required: ["ticketId", "assignee"],
    additionalProperties: false,
  },
  execute: async ({ ticketId, assignee }: { ticketId: number; assignee: string }) => {
    const ticket = await fetch(\`https://acme.zendesk.com/api/v2/tickets/\${ticketId}.json\`).then((r) => r.json());
    const completion = await fetch("https://api.openai.com/v1/chat/completions", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: ticket.ticket.description }] }),
    }).then((r) => r.json());
    await fetch("https://api.sendgrid.com/v3/mail/send", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        personalizations: [{ to: [{ email: assignee }] }],
        from: { email: "support@acme.io" },
        subject: \`Draft for #\${ticketId}\`,
        content: [{ type: "text/plain", value: completion.choices[0].message.content }],
      }),
    });
    return "sent";
  },
});
`,
  },
};

/** 17. A GitHub fetch wrapper with retries and pagination; one error message carries the token. */
const httpUtil: Project = {
  files: {
    'src/utils/http.ts': `
export interface RetryOptions { retries?: number; baseDelayMs?: number }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function githubFetch(path: string, init: RequestInit = {}, { retries = 3, baseDelayMs = 250 }: RetryOptions = {}) {
  const token = process.env.GITHUB_TOKEN;
  if (!token) throw new Error("GITHUB_TOKEN is not set: add it to .env and run \`ntn workers env push\`");
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(\`https://api.github.com\${path}\`, {
      ...init,
      headers: { Accept: "application/vnd.github+json", Authorization: \`token \${token}\`, ...init.headers },
    });
    if (res.status === 401) throw new Error(\`GitHub rejected the token \${token.slice(0, 4)}…\`);
    if (res.status === 403 && attempt < retries) {
      console.warn(\`rate limited on \${path}, retry \${attempt + 1}\`);
      await sleep(baseDelayMs * 2 ** attempt);
      continue;
    }
    if (!res.ok) throw new Error(\`GitHub \${path} failed (\${res.status}) with auth \${process.env.GITHUB_TOKEN}\`); ⟦log⟧
    return res;
  }
}

export async function* paginate<T>(path: string): AsyncGenerator<T> {
  let next: string | null = path;
  while (next) {
    const res = await githubFetch(next);
    yield* (await res.json()) as T[];
    const link = res.headers.get("link") ?? "";
    const match = /<https:\\/\\/api\\.github\\.com([^>]+)>; rel="next"/.exec(link);
    next = match ? match[1]! : null;
  }
}

console.info("http helper loaded", { tokenSet: Boolean(process.env.GITHUB_TOKEN) });
`,
  },
};

/** 18. Microsoft Graph OAuth: tenant in a template, scope array, client id and secret inline. */
const microsoftWorker: Project = {
  files: {
    'src/index.ts': `
import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

const TENANT_ID = "${uuid(433)}";
const GRAPH_SCOPES = [
  "offline_access",
  "User.Read",
  "Files.ReadWrite.All", ⟦sc⟧
  "Mail.Send",
];

export const outlook = worker.oauth("microsoftGraph", {
  name: "microsoft-graph",
  authorizationEndpoint: \`https://login.microsoftonline.com/\${TENANT_ID}/oauth2/v2.0/authorize\`,
  tokenEndpoint: \`https://login.microsoftonline.com/\${TENANT_ID}/oauth2/v2.0/token\`,
  scope: GRAPH_SCOPES.join(" "),
  clientId: "${uuid(434)}", ⟦ce⟧
  clientSecret: "${S.azureSecret}", ⟦hs,ce⟧
});

worker.tool("recentFiles", {
  title: "Recent OneDrive files",
  description: "Lists recently used OneDrive files",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const token = await outlook.accessToken();
    const res = await fetch("https://graph.microsoft.com/v1.0/me/drive/recent", { headers: { Authorization: \`Bearer \${token}\` } });
    return res.json();
  },
});
`,
  },
};

/** 19. HubSpot OAuth: secret from a helper, a hardcoded client id, a broad optional_scope. */
const hubspotWorker: Project = {
  files: {
    'src/index.ts': `
import { Worker } from "@notionhq/workers";
import { getSecret } from "./secrets.js";

const worker = new Worker();
export default worker;

const HUBSPOT_APP_ID = 3412345;

export const hubspot = worker.oauth("hubspot", {
  name: "hubspot",
  authorizationEndpoint: "https://app.hubspot.com/oauth/authorize",
  tokenEndpoint: "https://api.hubapi.com/oauth/v1/token",
  scope: "oauth crm.objects.contacts.read crm.objects.deals.write", ⟦sc⟧
  clientId: "${uuid(435)}", ⟦ce⟧
  clientSecret: getSecret("HUBSPOT_CLIENT_SECRET"),
  authorizationParams: { optional_scope: "automation" }, ⟦sc⟧
});

worker.tool("dealsClosingSoon", {
  title: "Deals closing soon",
  description: \`Deals of app \${HUBSPOT_APP_ID} closing this week\`,
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const token = await hubspot.accessToken();
    const res = await fetch("https://api.hubapi.com/crm/v3/objects/deals/search", {
      method: "POST",
      headers: { Authorization: \`Bearer \${token}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ filterGroups: [{ filters: [{ propertyName: "closedate", operator: "LTE", value: Date.now() + 7 * 864e5 }] }] }),
    });
    return res.json();
  },
});
`,
    'src/secrets.ts': `
export function getSecret(name: string): string {
  return process.env[name] ?? "";
}
`,
  },
};

/** 20. CommonJS seed script: documented placeholders and example keys, hashes, one real URL password. */
const seedScript: Project = {
  files: {
    'scripts/seed.cjs': `
#!/usr/bin/env node
// Seeds the local dev database. Never point this at production.
const { Client } = require("pg");
const crypto = require("node:crypto");

const LOCAL_URL = "postgres://postgres:postgres@localhost:5432/worker_dev";
const STAGING_URL = process.env.STAGING_DATABASE_URL ?? "postgres://seed_user:${S.pgPass}@staging-db.acme.internal:5432/worker"; ⟦hs⟧

// Placeholders from the README, shown to new contributors
const EXAMPLES = {
  awsAccessKeyId: "${AWS_DOCS_KEY_ID}",
  awsSecretAccessKey: "${AWS_DOCS_SECRET}",
  stripeKey: "sk_test_...",
  githubToken: "${N.ghpPlaceholder}",
  openaiKey: "your-api-key-here",
  slackBotToken: "xoxb-REPLACE-ME",
  notionToken: "<paste your token here>",
};
const apiKey = process.env.INTERNAL_API_KEY ?? "changeme";

const FIXTURE_COMMITS = ["${N.sha1}", "${N.sha2}", "${N.sha256}"];
const SEED_USERS = [
  { id: "${uuid(436)}", email: "ada@example.com", passwordHash: "${N.bcrypt}" },
  { id: "${uuid(437)}", email: "grace@example.com", passwordHash: "sha256:${N.sha256}" },
];

async function main() {
  const client = new Client({ connectionString: process.argv.includes("--staging") ? STAGING_URL : LOCAL_URL });
  await client.connect();
  const salt = crypto.randomBytes(16).toString("hex");
  for (const user of SEED_USERS) {
    await client.query("insert into users (id, email, password_hash, salt) values ($1, $2, $3, $4)", [user.id, user.email, user.passwordHash, salt]);
  }
  await client.query("insert into meta (key, value) values ('commits', $1), ('examples', $2), ('api', $3)", [
    FIXTURE_COMMITS.join(","),
    JSON.stringify(EXAMPLES),
    apiKey === "changeme" ? "unset" : "set",
  ]);
  await client.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`,
  },
};

/** 21. GitHub App module: an inline PEM private key, GitHub's published SSH host key, ids. */
const githubApp: Project = {
  files: {
    'src/github-app.ts': `
import { App } from "@octokit/app";

const APP_ID = 912345;
const PRIVATE_KEY = \`${S.pem}
${PEM_FOOTER}\`; ⟦hs^6⟧

export const app = new App({
  appId: APP_ID,
  privateKey: PRIVATE_KEY,
  webhooks: { secret: process.env.GITHUB_WEBHOOK_SECRET ?? "" },
});

export const INSTALLATION_ID = 51234567;
// github.com's published SSH host key, pinned for the mirror job (public)
export const GITHUB_SSH_HOST_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
export const RELEASE_TAG_SHA = "${N.sha2}";
`,
  },
};

/** 22. A committed-looking project: `.env` not git-ignored and a real-looking key in `.env.example`. */
const envFilesProject: Project = {
  gitignore: false,
  extra: {
    '.gitignore': 'node_modules\ndist\n',
    '.env': `SENDGRID_API_KEY=${S.sendgridTemplate}\n`,
    '.env.example': `# copy to .env\nSENDGRID_API_KEY=${S.sendgridTemplate}\nMAILCHIMP_API_KEY=your-mailchimp-key\n`,
  },
  files: {
    'src/index.ts': `
import { Worker } from "@notionhq/workers";

const worker = new Worker(); ⟦cef,cef⟧
export default worker;

worker.tool("sendNewsletter", {
  title: "Send newsletter",
  description: "Sends the weekly newsletter",
  schema: { type: "object", properties: { listId: { type: "string" } }, required: ["listId"], additionalProperties: false },
  execute: async ({ listId }: { listId: string }) => {
    const res = await fetch("https://api.sendgrid.com/v3/marketing/singlesends", {
      method: "POST",
      headers: { Authorization: \`Bearer \${process.env.SENDGRID_API_KEY ?? ""}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Weekly", send_to: { list_ids: [listId] } }),
    });
    return res.status;
  },
});
`,
    'src/mailchimp.ts': `
export const MAILCHIMP_SERVER = "us21";
export const MAILCHIMP_AUDIENCE_ID = "a1b2c3d4e5";
export async function addMember(email: string) {
  return fetch(\`https://\${MAILCHIMP_SERVER}.api.mailchimp.com/3.0/lists/\${MAILCHIMP_AUDIENCE_ID}/members\`, {
    method: "POST",
    headers: { Authorization: \`apikey \${process.env.MAILCHIMP_API_KEY ?? "${S.mailchimp}"}\` }, ⟦hs⟧
    body: JSON.stringify({ email_address: email, status: "subscribed" }),
  });
}
`,
  },
};

/** 23. AI provider registry: one hardcoded Hugging Face token among env reads; cache keys and request ids. */
const aiRegistry: Project = {
  files: {
    'src/ai/providers.ts': `
type Provider = { baseUrl: string; apiKey: string; model: string };

export const PROVIDERS: Record<string, Provider> = {
  groq: { baseUrl: "https://api.groq.com/openai/v1", apiKey: process.env.GROQ_API_KEY ?? "", model: "llama-3.1-70b-versatile" },
  huggingface: {
    baseUrl: "https://api-inference.huggingface.co",
    apiKey: "${S.hf}", ⟦hs⟧
    model: "mistralai/Mistral-7B-Instruct-v0.3",
  },
  perplexity: { baseUrl: "https://api.perplexity.ai", apiKey: process.env.PERPLEXITY_API_KEY ?? "", model: "sonar" },
};

export const EMBEDDING_CACHE_KEY = "emb:v2:${N.embKey}";
export const REQUEST_ID_EXAMPLE = "req_01HZX3K8Y7M2N4P6Q8R0S2T4V6";
export const QUERY_FINGERPRINT = "${N.sqlFingerprint}";

export async function complete(provider: keyof typeof PROVIDERS, prompt: string) {
  const p = PROVIDERS[provider]!;
  const res = await fetch(\`\${p.baseUrl}/chat/completions\`, {
    method: "POST",
    headers: { Authorization: \`Bearer \${p.apiKey}\`, "Content-Type": "application/json" },
    body: JSON.stringify({ model: p.model, messages: [{ role: "user", content: prompt }] }),
  });
  return res.json();
}
`,
  },
};

/** 24. A GitHub OAuth app in JS with a debug logger that prints the token it got back. */
const githubOAuthJs: Project = {
  files: {
    'src/index.js': `
import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

const logger = {
  debug: (...args) => (process.env.DEBUG ? console.debug("[worker]", ...args) : undefined),
};

const GITHUB_OAUTH = {
  name: "github-reader",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "read:user user:email read:org",
  clientId: process.env.GITHUB_READER_CLIENT_ID ?? "",
  clientSecret: process.env.GITHUB_READER_CLIENT_SECRET ?? "",
};

const gh = worker.oauth("githubReader", GITHUB_OAUTH);

// Token from the last manual test run; delete before merging
const SCRATCH = "${S.ghoInLog}"; ⟦hs⟧

worker.tool("myOrgs", {
  title: "My GitHub organizations",
  description: "Lists the organizations of the connected user",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const token = (await gh.accessToken()) || SCRATCH;
    logger.debug(\`using token \${token}\`); ⟦log⟧
    const res = await fetch("https://api.github.com/user/orgs", { headers: { Authorization: \`Bearer \${token}\` } });
    return (await res.json()).map((o) => o.login);
  },
});
`,
  },
};

/** 25. The CommonJS auth module of a companion dashboard: passport, googleapis, a GitLab header, a Mailgun URL. */
const legacyAuthCjs: Project = {
  files: {
    'src/auth/legacy.cjs': `
const passport = require("passport");
const { Strategy: GitHubStrategy } = require("passport-github2");
const { google } = require("googleapis");

passport.use(
  new GitHubStrategy(
    {
      clientID: "Iv1.8a61f9b3a7aba766", ⟦ce⟧
      clientSecret: "${hex(40, 701)}", ⟦hs,ce⟧
      callbackURL: "http://dashboard.acme.io/auth/github/callback", ⟦ep⟧
    },
    (accessToken, refreshToken, profile, done) => done(null, { id: profile.id, login: profile.username }),
  ),
);

exports.login = passport.authenticate("github", { scope: ["read:user", "delete_repo"] }); ⟦sc⟧

exports.googleClient = new google.auth.OAuth2(
  process.env.GOOGLE_CLIENT_ID,
  process.env.GOOGLE_CLIENT_SECRET,
  "http://localhost:3000/auth/google/callback",
);

const gitlabHeaders = new Headers({ "PRIVATE-TOKEN": "${fakeToken('gitlab-pat', 702)}" }); ⟦hs⟧
const MAILGUN_URL = "https://api:${fakeToken('mailgun-api-key', 703)}@api.mailgun.net/v3/mg.acme.io/messages"; ⟦hs⟧

exports.openMergeRequests = async (projectId) => {
  const res = await fetch(\`https://gitlab.com/api/v4/projects/\${projectId}/merge_requests?state=opened\`, { headers: gitlabHeaders });
  return res.json();
};

exports.mail = async (to, subject, text) => {
  const body = new URLSearchParams({ from: "Dashboard <noreply@mg.acme.io>", to, subject, text });
  return fetch(MAILGUN_URL, { method: "POST", body });
};
`,
  },
};

// --- tests ---------------------------------------------------------------------------------------------------------

describe('realistic workers, second held-out set (recommended config)', () => {
  it('GitHub + Linear TypeScript worker with .env.example', () => check(githubLinear));
  it('Stripe REST wrapper class with an async generator', () => check(stripeHelper));
  it('Slack ESM worker: comma scopes, user_scope, fallback bot, webhook', () => check(slackWorker));
  it('Google Calendar OAuth with constants and a scope array', () => check(googleWorker));
  it('LLM helper: default parameter key, key inside a curl string, logged headers', () => check(llmHelper));
  it('CommonJS Twilio / SendGrid module', () => check(notifyCjs));
  it('ESM CRM helpers: Airtable fallback, HubSpot config object', () => check(crmMjs));
  it('OAuth configurations in a constants module', () => check(oauthConstants));
  it('Discord bot class, webhook and OAuth', () => check(discordWorker));
  it('Notion mirror sync with an inline token and an old token in a comment', () => check(notionSync));
  it('test file and fixture', () => check(testsAndFixtures));
  it('Jira / Zendesk Basic-auth helpers', () => check(jiraZendesk));
  it('config object of public values and one service-role key', () => check(configModule));
  it('Linear + Asana OAuth in JS with .env.example', () => check(planningJs));
  it('Shopify Admin API helper', () => check(shopifyHelper));
  it('worker.credential() worker', () => check(credentialWorker));
  it('GitHub fetch wrapper with retries', () => check(httpUtil));
  it('Microsoft Graph OAuth', () => check(microsoftWorker));
  it('HubSpot OAuth with a helper-provided secret', () => check(hubspotWorker));
  it('CommonJS seed script with placeholders and hashes', () => check(seedScript));
  it('GitHub App module with a PEM key', () => check(githubApp));
  it('.env not ignored and a real key in .env.example', () => check(envFilesProject));
  it('AI provider registry', () => check(aiRegistry));
  it('GitHub OAuth JS worker with a debug logger', () => check(githubOAuthJs));
  it('CommonJS passport / googleapis auth module', () => check(legacyAuthCjs));
});
