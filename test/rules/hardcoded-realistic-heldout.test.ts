/**
 * Held-out precision/recall check of `worker-auth/no-hardcoded-secrets`, and of `configs.recommended` as a whole,
 * on realistic Notion worker source files (GitHub, Stripe, Slack, Google Calendar, Linear, Airtable, Jira, OpenAI,
 * Supabase, Asana, SMTP, Notion…).
 *
 * Each file is linted with the recommended config (typescript-eslint parser for `.ts`, ESLint's default parser for
 * `.js`/`.mjs`) inside a throw-away worker project, and the exact multiset of (ruleId, line) findings is asserted.
 * Expectations come from the rule docs (docs/rules/*.md), not from the implementation.
 *
 * Every token-shaped value is built at run time (test/support/fake-tokens.ts or concatenated pieces): this file holds
 * no real-format secret literal. No message may show more of a planted secret than a short prefix and 4 last chars.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from '../support/fake-tokens.js';

// --- planted secrets (must be reported) ------------------------------------------------------------------------------
const S = {
  ghPat: fakeToken('github-classic-pat', 101),
  stripeRestricted: fakeToken('stripe-restricted-key', 103),
  stripeWhsec: fakeToken('stripe-webhook-secret', 104),
  slackBot: fakeToken('slack-bot-token', 105),
  slackUser: fakeToken('slack-user-token', 106),
  googleApiKey: fakeToken('google-api-key', 107),
  googleClientSecret: fakeToken('google-oauth-client-secret', 108),
  linearOauth: fakeToken('linear-oauth-token', 109),
  airtablePat: fakeToken('airtable-pat', 110),
  atlassian: fakeToken('atlassian-api-token', 111),
  openai: fakeToken('openai-project-key', 112),
  notionToken: fakeToken('notion-token', 113),
  notionLegacy: fakeToken('notion-legacy-token', 114),
  sendgrid: fakeToken('sendgrid-api-key', 115),
  hubspot: fakeToken('hubspot-private-app-token', 116),
  // test-path files: provider tokens with a certain prefix/checksum are still reported there
  ghFixture: fakeToken('github-classic-pat', 117),
  linearFixture: fakeToken('linear-api-key', 118),
  // generic secrets in credential positions
  apiSecret: fakeGenericSecret(201),
  webhookFallback: fakeGenericSecret(202),
  jiraPassword: randomString(CHARSETS.b62, 18, 203),
  pgPassword: randomString(CHARSETS.b62, 22, 204),
  asanaClientSecret: randomString(CHARSETS.hex, 40, 205),
  internalApiKey: fakeGenericSecret(206),
  smtpPassword: randomString(CHARSETS.b62, 24, 207),
  gheHexToken: randomString(CHARSETS.hex, 40, 208),
  slackSigningSecret: randomString(CHARSETS.hex, 32, 209),
  statusApiKey: fakeGenericSecret(210),
  archiveBasic: Buffer.from('sync-bot:' + randomString(CHARSETS.b62, 20, 211)).toString('base64'),
  postmarkToken: '5f2b9c1e-7d3a-4e8b-a6c4-0e9d8f7a6b5c',
  awsSecret: fakeToken('aws-secret-access-key', 212),
  twilioAuthToken: fakeToken('twilio-auth-token', 213),
  pemKey: fakeToken('pem-private-key', 214),
  slackAppToken: fakeToken('slack-app-token', 215),
  hfToken: fakeToken('huggingface-token', 216),
  ghoToken: fakeToken('github-oauth-token', 217),
  discordBot: fakeToken('discord-bot-token', 218),
} as const;
const PEM_FOOTER = '-'.repeat(5) + 'END RSA PRIVATE' + ' KEY' + '-'.repeat(5);
const PEM_FIRST_LINE = S.pemKey.split('\n')[0]!;

// --- JWTs --------------------------------------------------------------------------------------------------------------
const b64u = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const jwt = (header: object, payload: object, seed: number): string =>
  b64u(header) + '.' + b64u(payload) + '.' + randomString(CHARSETS.b64url, 43, seed);
const HS256 = { alg: 'HS256', typ: 'JWT' };
const SUPABASE_REF = 'qzkwmbhxvtrnplsdjcfa';
const JWT = {
  // reported: a Supabase service_role key
  serviceRole: jwt(HS256, { iss: 'supabase', ref: SUPABASE_REF, role: 'service_role', iat: 1718000000, exp: 2033576000 }, 501),
  // not reported: anon key, expired token, the jwt.io sample
  anon: jwt(HS256, { iss: 'supabase', ref: SUPABASE_REF, role: 'anon', iat: 1718000000, exp: 2033576000 }, 502),
  expired: jwt({ alg: 'RS256', typ: 'JWT', kid: 'k1' }, { sub: 'user_42', aud: 'notion-sync', iat: 1577836800, exp: 1577840400 }, 503),
  jwtIo: b64u(HS256) + '.' + b64u({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }) + '.' + 'SflKxwRJSMeKKF2QT4fwpMeJf36P' + 'Ok6yJV_adQssw5c',
};
const PLANTED: readonly string[] = [...Object.values(S), JWT.serviceRole];

// --- public values and placeholders (must NOT be reported by no-hardcoded-secrets) -------------------------------------
const P = {
  stripePk: fakeToken('stripe-publishable-key', 301),
  googleClientId: fakeToken('google-oauth-client-id', 302),
  sbPublishable: fakeToken('supabase-publishable-key', 303),
  stripeDocsSecret: 'sk_' + 'test_' + '4eC39HqLyjWDarjtT1zdp7dc',
  stripeDocsPublishable: 'pk_' + 'test_' + 'TYooMQauvdEDq54NiTphI7jx',
  awsDocsKeyId: 'AKIA' + 'IOSFODNN7EXAMPLE',
  awsDocsSecret: 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY',
  slackPlaceholder: 'xo' + 'xb-your-bot-token',
  stripeEllipsis: 'sk_' + 'live_...',
  openaiEllipsis: 'sk' + '-...',
  ntnEllipsis: 'ntn' + '_…',
  awsKeyId: fakeToken('aws-access-key-id', 304),
  twilioSid: fakeToken('twilio-account-sid', 305),
  twilioMessagingSid: 'MG' + randomString(CHARSETS.hex, 32, 306),
  localBasic: Buffer.from('admin:admin').toString('base64'),
  secretEllipsis: 'secret' + '_...',
  // the JWT header {"alg":"HS256","typ":"JWT"} (a public constant) followed by an ellipsis: an illustration
  jwtHeaderEllipsis: b64u(HS256) + '...',
  slackTokenRe: '^xo' + 'x[bp]-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}$',
  discordPublicKey: randomString(CHARSETS.hex, 64, 307),
  ed25519Pem:
    '-'.repeat(5) + 'BEGIN PUBLIC KEY' + '-'.repeat(5) + '\n' +
    'MCowBQYDK2VwAyEA' + Buffer.from(randomString(CHARSETS.b62, 32, 308)).toString('base64').slice(0, 43) + '=\n' +
    '-'.repeat(5) + 'END PUBLIC KEY' + '-'.repeat(5),
  bcrypt: '$2b$12$' + randomString('./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 53, 309),
  argon2: '$argon2id$v=19$m=65536,t=3,p=4$' + randomString(CHARSETS.b62, 22, 310) + '$' + randomString(CHARSETS.b62, 43, 311),
};

// =====================================================================================================================
// The worker files
// =====================================================================================================================
type Rule =
  | 'no-hardcoded-secrets'
  | 'oauth-credentials-from-env'
  | 'no-broad-oauth-scopes'
  | 'no-logged-secrets'
  | 'env-example-in-sync'
  | 'oauth-endpoints-https'
  | 'no-committed-env-files';

/** One expected finding: the rule and a unique needle on its line (`nth` occurrence, default 1). */
type Expect = readonly [Rule, string, number?];

interface WorkerFile {
  readonly path: string;
  readonly text: string;
  /** Expected findings of the recommended config. */
  readonly expected: readonly Expect[];
}

const GITHUB_ISSUES = `import { Worker } from "@notionhq/workers";
import { Octokit } from "@octokit/rest";
import { Client } from "@notionhq/client";

const worker = new Worker();
export default worker;

// Notion "Engineering / Issues" database (copied from the share link)
const ISSUES_DATABASE_ID = "8a6d3f2e9b1c4d7e8f0a1b2c3d4e5f60";
const ROADMAP_PAGE_ID = "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9";
const GITHUB_API = "https://api.github.com";
const GITHUB_API_VERSION = "2022-11-28";
const ACCEPT = "application/vnd.github+json";
const ISSUE_URL_RE = /^https:\\/\\/github\\.com\\/([\\w.-]+)\\/([\\w.-]+)\\/issues\\/(\\d+)$/;
// release the mapping was last checked against
const PINNED_COMMIT = "9fceb02d0ae598e95dc970b74767f19372d61af8";

// TODO: move to env before we open-source this
const GITHUB_TOKEN = "${S.ghPat}";
// GitHub App "Acme Notion Sync" (public client id, private key for installation tokens)
const GITHUB_APP_CLIENT_ID = "Iv1.8a61f9b3a7aba766";
const GITHUB_APP_PRIVATE_KEY = \`${S.pemKey}
${PEM_FOOTER}\`;
// GitHub Enterprise Server 2.x (acme-ghe) still uses the old 40-hex tokens
const GHE_AUTH = { Authorization: "token ${S.gheHexToken}" };

const notion = new Client({ auth: process.env.NOTION_API_TOKEN ?? "" });
const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN ?? GITHUB_TOKEN, userAgent: "notion-issue-sync/1.4.2" });

worker.oauth("githubApp", {
  name: "github-app",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "repo read:user",
  clientId: process.env.GITHUB_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GITHUB_OAUTH_CLIENT_SECRET ?? "",
});

interface GitHubIssue {
  number: number;
  title: string;
  state: "open" | "closed";
  html_url: string;
  labels: { name: string; color: string }[];
  updated_at: string;
}

const LABEL_COLORS: Record<string, string> = {
  bug: "#d73a4a",
  enhancement: "#a2eeef",
  "good first issue": "#7057ff",
};

function toNotionProperties(issue: GitHubIssue) {
  return {
    Name: { title: [{ text: { content: issue.title } }] },
    Number: { number: issue.number },
    State: { select: { name: issue.state === "open" ? "Open" : "Closed" } },
    URL: { url: issue.html_url },
    Labels: { multi_select: issue.labels.map((l) => ({ name: l.name })) },
    Updated: { date: { start: issue.updated_at } },
  };
}

worker.tool("syncIssues", {
  title: "Sync GitHub issues",
  description: "Copies the open issues of a repository into the Issues database",
  schema: {
    type: "object",
    properties: { repo: { type: "string", description: "owner/name, e.g. octocat/hello-world" } },
    required: ["repo"],
    additionalProperties: false,
  },
  execute: async ({ repo }: { repo: string }) => {
    const [owner, name] = repo.split("/");
    const res = await fetch(\`\${GITHUB_API}/repos/\${owner}/\${name}/issues?state=open&per_page=100\`, {
      headers: {
        Accept: ACCEPT,
        Authorization: \`Bearer \${process.env.GITHUB_TOKEN ?? ""}\`,
        "X-GitHub-Api-Version": GITHUB_API_VERSION,
      },
    });
    if (!res.ok) throw new Error(\`GitHub returned \${res.status} for \${repo}\`);
    const issues = (await res.json()) as GitHubIssue[];
    for (const issue of issues) {
      if (!ISSUE_URL_RE.test(issue.html_url)) continue;
      await notion.pages.create({
        parent: { database_id: ISSUES_DATABASE_ID },
        properties: toNotionProperties(issue) as never,
      });
    }
    console.log(\`Synced \${issues.length} issues from \${repo} (mapping @ \${PINNED_COMMIT.slice(0, 7)})\`);
    console.log("GITHUB_TOKEN set:", Boolean(process.env.GITHUB_TOKEN));
    return { synced: issues.length, roadmap: ROADMAP_PAGE_ID, colors: LABEL_COLORS, client: !!octokit, ghe: GHE_AUTH, app: [GITHUB_APP_CLIENT_ID, GITHUB_APP_PRIVATE_KEY.length] };
  },
});
`;

const STRIPE_INVOICES = `import { Worker } from "@notionhq/workers";
import Stripe from "stripe";
import { Client } from "@notionhq/client";

const worker = new Worker();
export default worker;

// Publishable key: safe to ship, used by the checkout link builder below.
export const STRIPE_PUBLISHABLE_KEY = "${P.stripePk}";
// Keys from the Stripe docs quickstart, only used against stripe-mock in local runs.
const STRIPE_DOCS_TEST_KEY = "${P.stripeDocsSecret}";
const STRIPE_DOCS_PUBLISHABLE = "${P.stripeDocsPublishable}";

const stripeConfig = {
  apiKey: "${S.stripeRestricted}",
  apiVersion: "2024-06-20" as const,
  maxNetworkRetries: 2,
  timeout: 20_000,
};

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? stripeConfig.apiKey, { apiVersion: stripeConfig.apiVersion });
const mock = new Stripe(STRIPE_DOCS_TEST_KEY, { host: "localhost", port: 12111, protocol: "http" });
const WEBHOOK_SECRET = process.env.STRIPE_WEBHOOK_SECRET ?? "${S.stripeWhsec}";

const notion = new Client({ auth: process.env.NOTION_API_TOKEN ?? "" });
const INVOICES_DATABASE_ID = "2b9c4e1f-7a3d-4c8e-9f10-6d5a4b3c2e1f";

const PLAN_PRICE_IDS: Record<string, string> = {
  starter: "price_1OaBcD2eFgHiJkLm3NoPqRsT",
  team: "price_1OaBcE9xYzWvUtSr8QpOnMlK",
  enterprise: "price_1OaBcF4hJkLmNoPq5RsTuVwX",
};
const HANDLED_EVENTS = new Set(["invoice.paid", "invoice.payment_failed", "invoice.finalized"]);
const SAMPLE_INVOICE_ID = "in_1PqRsT2eZvKYlo2C0aBcDeFg";
const SAMPLE_CUSTOMER_ID = "cus_Q2wE3rT4yU5iO6";

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);
}

function invoiceProperties(invoice: Stripe.Invoice) {
  return {
    Invoice: { title: [{ text: { content: invoice.number ?? invoice.id } }] },
    Customer: { rich_text: [{ text: { content: String(invoice.customer_email ?? "") } }] },
    Amount: { rich_text: [{ text: { content: money(invoice.amount_due, invoice.currency) } }] },
    Status: { select: { name: invoice.status ?? "draft" } },
    "Due date": { date: invoice.due_date ? { start: new Date(invoice.due_date * 1000).toISOString() } : null },
    Link: { url: \`https://dashboard.stripe.com/invoices/\${invoice.id}\` },
  };
}

worker.tool("syncInvoices", {
  title: "Sync Stripe invoices",
  description: "Copies the invoices created since a date (ISO 8601, e.g. 2024-01-31) into Notion",
  schema: {
    type: "object",
    properties: { since: { type: "string", format: "date" } },
    required: ["since"],
    additionalProperties: false,
  },
  execute: async ({ since }: { since: string }) => {
    const created = Math.floor(new Date(since).getTime() / 1000);
    const client = process.env.STRIPE_USE_MOCK === "1" ? mock : stripe;
    let count = 0;
    for await (const invoice of client.invoices.list({ created: { gte: created }, limit: 100 })) {
      await notion.pages.create({
        parent: { database_id: INVOICES_DATABASE_ID },
        properties: invoiceProperties(invoice) as never,
      });
      count++;
    }
    return { count, plans: Object.keys(PLAN_PRICE_IDS), sample: [SAMPLE_INVOICE_ID, SAMPLE_CUSTOMER_ID] };
  },
});

export function verifyWebhook(payload: string, signature: string): Stripe.Event | undefined {
  const event = stripe.webhooks.constructEvent(payload, signature, WEBHOOK_SECRET);
  return HANDLED_EVENTS.has(event.type) ? event : undefined;
}

export const checkoutConfig = { publishableKey: STRIPE_PUBLISHABLE_KEY, docsKey: STRIPE_DOCS_PUBLISHABLE, locale: "auto" };
`;

const SLACK_MESSAGES = `// Slack -> Notion: copies starred messages of #eng-announcements into the "Announcements" database.
// Old user token (rotated 2024-03): ${S.slackUser}
import { Worker } from "@notionhq/workers";
import { Client } from "@notionhq/client";

const worker = new Worker();
export default worker;

const SLACK_API = "https://slack.com/api";
// app credentials page -> "Signing Secret" (used by the events endpoint)
const SLACK_SIGNING_SECRET = "${S.slackSigningSecret}";
const SLACK_APP_TOKEN = process.env.SLACK_APP_TOKEN || "${S.slackAppToken}";
const CHANNELS = { announcements: "C04QZ7M1V2K", incidents: "C05B8N3XJ4P" } as const;
const BOT_USER_ID = "U06ABCD1234";
const ANNOUNCEMENTS_DB = "5d7f1a2b3c4d4e5f8a9b0c1d2e3f4a5b";
const SLACK_PURPLE = "#4A154B";
const MENTION_RE = /<@([UW][A-Z0-9]+)>/g;
const EMOJI: Record<string, string> = { rocket: "🚀", warning: "⚠️", tada: "🎉" };

const notion = new Client({ auth: process.env.NOTION_API_TOKEN ?? "" });

const MESSAGES = {
  en: { synced: "Copied {count} messages to Notion", empty: "Nothing new since last run" },
  fr: { synced: "{count} messages copiés dans Notion", empty: "Rien de nouveau depuis la dernière exécution" },
  de: { synced: "{count} Nachrichten nach Notion kopiert", empty: "Nichts Neues seit dem letzten Lauf" },
};

interface SlackMessage {
  ts: string;
  user: string;
  text: string;
  reactions?: { name: string; count: number }[];
}

async function slackGet<T>(method: string, params: Record<string, string>): Promise<T> {
  const res = await fetch(\`\${SLACK_API}/\${method}?\${new URLSearchParams(params)}\`, {
    headers: {
      Authorization: "Bearer ${S.slackBot}",
      "Content-Type": "application/x-www-form-urlencoded",
    },
  });
  const body = (await res.json()) as { ok: boolean; error?: string } & T;
  if (!body.ok) throw new Error(\`Slack \${method} failed: \${body.error ?? "unknown_error"}\`);
  return body;
}

function permalink(channel: string, ts: string): string {
  return \`https://acme.slack.com/archives/\${channel}/p\${ts.replace(".", "")}\`;
}

function plainText(text: string): string {
  return text.replace(MENTION_RE, (_m, id: string) => (id === BOT_USER_ID ? "@notion-sync" : "@someone"));
}

worker.tool("copyAnnouncements", {
  title: "Copy Slack announcements",
  description: "Copies starred messages from #eng-announcements since a Slack timestamp (e.g. 1712345678.123456)",
  schema: {
    type: "object",
    properties: { oldest: { type: "string" }, locale: { type: "string", enum: ["en", "fr", "de"] } },
    required: [],
    additionalProperties: false,
  },
  execute: async ({ oldest = "0", locale = "en" }: { oldest?: string; locale?: "en" | "fr" | "de" }) => {
    const { messages } = await slackGet<{ messages: SlackMessage[] }>("conversations.history", {
      channel: CHANNELS.announcements,
      oldest,
      limit: "200",
    });
    const starred = messages.filter((m) => m.reactions?.some((r) => r.name === "star"));
    for (const m of starred) {
      await notion.pages.create({
        parent: { database_id: ANNOUNCEMENTS_DB },
        icon: { emoji: EMOJI.rocket },
        properties: {
          Name: { title: [{ text: { content: plainText(m.text).slice(0, 120) } }] },
          Link: { url: permalink(CHANNELS.announcements, m.ts) },
        },
      } as never);
    }
    const t = MESSAGES[locale];
    return { message: starred.length ? t.synced.replace("{count}", String(starred.length)) : t.empty, color: SLACK_PURPLE, signed: SLACK_SIGNING_SECRET.length, socketMode: SLACK_APP_TOKEN.length > 0 };
  },
});
`;

const GOOGLE_CALENDAR = `import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

const calendar = worker.oauth("googleCalendar", {
  name: "google-calendar",
  authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenEndpoint: "https://oauth2.googleapis.com/token",
  scope: "https://www.googleapis.com/auth/calendar.readonly",
  clientId: "${P.googleClientId}",
  clientSecret: "${S.googleClientSecret}",
  authorizationParams: { access_type: "offline", prompt: "consent" },
});

const PUBLIC_HOLIDAYS = "en.usa#holiday@group.v.calendar.google.com";
const DEFAULT_TIME_ZONE = "America/New_York";
const MEETINGS_DATABASE_ID = "c0ffee00-1234-4abc-8def-0123456789ab";
const EVENT_COLORS: Record<string, string> = { "1": "#7986cb", "2": "#33b679", "5": "#f6bf26", "11": "#d50000" };

// Public holidays come from the API-key endpoint (no user consent needed).
const holidaysUrl = (calendarId: string, timeMin: string) =>
  \`https://www.googleapis.com/calendar/v3/calendars/\${encodeURIComponent(calendarId)}/events?key=${S.googleApiKey}&timeMin=\${timeMin}&singleEvents=true\`;

interface CalendarEvent {
  id: string;
  summary?: string;
  colorId?: string;
  start: { dateTime?: string; date?: string; timeZone?: string };
  end: { dateTime?: string; date?: string };
  hangoutLink?: string;
}

function startOfWeek(now = new Date()): string {
  const d = new Date(now);
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  d.setUTCHours(0, 0, 0, 0);
  return d.toISOString();
}

async function listEvents(accessToken: string, timeMin: string): Promise<CalendarEvent[]> {
  const params = new URLSearchParams({ timeMin, singleEvents: "true", orderBy: "startTime", maxResults: "250" });
  const res = await fetch(\`https://www.googleapis.com/calendar/v3/calendars/primary/events?\${params}\`, {
    headers: { Authorization: \`Bearer \${accessToken}\`, Accept: "application/json" },
  });
  if (res.status === 401) throw new Error("Google Calendar: the connection expired, reconnect it in Notion");
  const body = (await res.json()) as { items: CalendarEvent[]; nextSyncToken?: string };
  return body.items;
}

worker.tool("weekMeetings", {
  title: "This week's meetings",
  description: "Lists this week's meetings and public holidays (e.g. 2024-07-04)",
  schema: { type: "object", properties: {}, required: [], additionalProperties: false },
  execute: async () => {
    const timeMin = startOfWeek();
    const token = await calendar.accessToken();
    const events = await listEvents(token, timeMin);
    const holidays = (await (await fetch(holidaysUrl(PUBLIC_HOLIDAYS, timeMin))).json()) as { items: CalendarEvent[] };
    return {
      database: MEETINGS_DATABASE_ID,
      timeZone: DEFAULT_TIME_ZONE,
      meetings: events.map((e) => ({
        title: e.summary ?? "(no title)",
        start: e.start.dateTime ?? e.start.date,
        color: EVENT_COLORS[e.colorId ?? "1"],
        video: e.hangoutLink ?? null,
      })),
      holidays: holidays.items.map((h) => h.summary),
    };
  },
});
`;

const LINEAR_SYNC = `import { Worker } from "@notionhq/workers";
import { Client } from "@notionhq/client";

const worker = new Worker();
export default worker;

worker.oauth("linear", {
  name: "linear",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: "read",
  clientId: process.env.LINEAR_CLIENT_ID ?? "<YOUR_CLIENT_ID>",
  clientSecret: process.env.LINEAR_CLIENT_SECRET ?? "",
});

const LINEAR_GRAPHQL = "https://api.linear.app/graphql";
// service account token for the nightly job (the OAuth flow above is for interactive tools)
const linearAuthHeader =
  "Bearer " +
  "${S.linearOauth}";

const TEAM_IDS = {
  platform: "9cfb482a-81e3-4154-b5b9-2c805e70a02d",
  growth: "e4d1c7a0-5b2f-4e8d-9a61-3f0b7c2d1e95",
} as const;
const ROADMAP_DATABASE_ID = "4a3b2c1d0e9f48a7b6c5d4e3f2a1b0c9";
const CURSOR_PROPERTY = "linearIssueUpdatedAtCursorPaginationKey";
// first cursor of the 2024 backfill (issues updated after 2024-04-18)
const BACKFILL_START_CURSOR = "Y3Vyc29yOnYyOpK5MjAyNC0wNC0xOFQxMjowMzo0NCswMjowMM4bV0Aa";
const PRIORITY = ["No priority", "Urgent", "High", "Medium", "Low"] as const;
const STATE_COLORS = { backlog: "#bec2c8", started: "#f2c94c", completed: "#5e6ad2", canceled: "#95a2b3" };
const IDENTIFIER_RE = /^[A-Z]{2,5}-\\d+$/;

const ISSUES_QUERY = \`
  query Issues($teamId: String!, $after: String) {
    team(id: $teamId) {
      issues(first: 50, after: $after, orderBy: updatedAt) {
        nodes { id identifier title priority url state { name type } updatedAt }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
\`;

interface LinearIssue {
  id: string;
  identifier: string;
  title: string;
  priority: number;
  url: string;
  state: { name: string; type: keyof typeof STATE_COLORS };
  updatedAt: string;
}

async function linear<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(LINEAR_GRAPHQL, {
    method: "POST",
    headers: { Authorization: linearAuthHeader, "Content-Type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data: T; errors?: { message: string }[] };
  if (json.errors?.length) throw new Error(json.errors.map((e) => e.message).join("; "));
  return json.data;
}

const notion = new Client({ auth: process.env.NOTION_API_TOKEN ?? "" });

worker.tool("syncLinearTeam", {
  title: "Sync a Linear team",
  description: "Copies the issues of a Linear team (platform or growth) into the roadmap database",
  schema: {
    type: "object",
    properties: { team: { type: "string", enum: ["platform", "growth"] } },
    required: ["team"],
    additionalProperties: false,
  },
  execute: async ({ team }: { team: keyof typeof TEAM_IDS }) => {
    let after: string | null = team === "platform" ? BACKFILL_START_CURSOR : null;
    let synced = 0;
    do {
      type Page = { team: { issues: { nodes: LinearIssue[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
      const data: Page = await linear<Page>(ISSUES_QUERY, { teamId: TEAM_IDS[team], after });
      for (const issue of data.team.issues.nodes) {
        if (!IDENTIFIER_RE.test(issue.identifier)) continue;
        await notion.pages.create({
          parent: { database_id: ROADMAP_DATABASE_ID },
          properties: {
            Name: { title: [{ text: { content: \`\${issue.identifier} \${issue.title}\` } }] },
            Priority: { select: { name: PRIORITY[issue.priority] ?? "No priority" } },
            State: { status: { name: issue.state.name } },
          },
        } as never);
        synced++;
      }
      after = data.team.issues.pageInfo.hasNextPage ? data.team.issues.pageInfo.endCursor : null;
    } while (after);
    return { synced, cursorProperty: CURSOR_PROPERTY, colors: STATE_COLORS };
  },
});
`;

const AIRTABLE_SYNC = `import { Worker } from "@notionhq/workers";
import Airtable from "airtable";

const worker = new Worker();
export default worker;

// Airtable "Content calendar" base
const AIRTABLE_BASE_ID = "appXk29QmRtL0vBn7";
const POSTS_TABLE_ID = "tblR3aB9cD0eF1gH2";
const READY_VIEW_ID = "viwZ9y8X7w6V5u4T3";
const FIELD_IDS = {
  title: "fldA1b2C3d4E5f6G7",
  publishAt: "fldH8i9J0k1L2m3N4",
  channel: "fldO5p6Q7r8S9t0U1",
};

const airtable = new Airtable({
  apiKey: "${S.airtablePat}",
  endpointUrl: "https://api.airtable.com",
  requestTimeout: 30000,
});
const base = airtable.base(AIRTABLE_BASE_ID);

// REST fallback for the metadata API (the SDK does not cover it)
const AIRTABLE_TOKEN = process.env.AIRTABLE_TOKEN ?? "<YOUR_TOKEN>";
const AIRTABLE_WEBHOOK_MAC_SECRET = process.env.AIRTABLE_WEBHOOK_MAC_SECRET ?? "xxx";

const CONTENT_DATABASE_ID = "7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9";
const READY_FORMULA = "AND({Status} = 'Ready', IS_AFTER({Publish at}, '2024-01-01'))";

/** @param {string} iso */
function dayOf(iso) {
  return iso.slice(0, 10);
}

async function tableSchema() {
  const res = await fetch(\`https://api.airtable.com/v0/meta/bases/\${AIRTABLE_BASE_ID}/tables\`, {
    headers: { Authorization: \`Bearer \${AIRTABLE_TOKEN}\` },
  });
  return res.json();
}

worker.tool("importReadyPosts", {
  title: "Import ready posts",
  description: "Imports the posts marked Ready in Airtable into the Notion content calendar",
  schema: { type: "object", properties: {}, required: [], additionalProperties: false },
  execute: async () => {
    const records = await base(POSTS_TABLE_ID)
      .select({ view: READY_VIEW_ID, filterByFormula: READY_FORMULA, returnFieldsByFieldId: true, pageSize: 50 })
      .all();
    const posts = records.map((r) => ({
      id: r.id,
      title: String(r.get(FIELD_IDS.title) ?? "Untitled"),
      day: dayOf(String(r.get(FIELD_IDS.publishAt) ?? "1970-01-01T00:00:00.000Z")),
      channel: r.get(FIELD_IDS.channel) ?? "blog",
    }));
    const schema = await tableSchema();
    return {
      database: CONTENT_DATABASE_ID,
      posts,
      fields: schema.tables?.length ?? 0,
      macConfigured: AIRTABLE_WEBHOOK_MAC_SECRET !== "xxx",
    };
  },
});
`;

const JIRA_SYNC = `import { Worker } from "@notionhq/workers";
import { Client } from "@notionhq/client";

const worker = new Worker();
export default worker;

const JIRA_SITE = process.env.JIRA_BASE_URL ?? "https://acme-corp.atlassian.net";
const JIRA_EMAIL = "sync-bot@acme-corp.com";
// Basic auth = email + API token (created on id.atlassian.com by the sync-bot account)
const JIRA_BASIC = Buffer.from(\`\${JIRA_EMAIL}:${S.atlassian}\`).toString("base64");
// The old on-prem server, still used for the archive project
const LEGACY_JIRA_API = "https://sync-bot:${S.jiraPassword}@jira.acme-internal.net/rest/api/2";
const ARCHIVE_HEADERS = { Authorization: "Basic ${S.archiveBasic}", Accept: "application/json" };

const STORY_POINTS_FIELD = "customfield_10016";
const SPRINT_FIELD = "customfield_10020";
const DEFAULT_ASSIGNEE_ACCOUNT_ID = "5b10ac8d82e05b22cc7d4ef5";
const SPRINT_DATABASE_ID = "0f1e2d3c4b5a49687f6e5d4c3b2a1908";
const JQL = 'project = PLAT AND sprint in openSprints() AND statusCategory != Done ORDER BY rank ASC';
const STATUS_COLORS: Record<string, string> = { "blue-gray": "gray", yellow: "yellow", green: "green" };

interface JiraIssue {
  key: string;
  fields: {
    summary: string;
    status: { name: string; statusCategory: { colorName: string } };
    assignee?: { accountId: string; displayName: string };
    updated: string;
    [STORY_POINTS_FIELD]?: number;
  };
}

async function jira<T>(path: string): Promise<T> {
  const res = await fetch(\`\${JIRA_SITE}/rest/api/3\${path}\`, {
    headers: { Authorization: \`Basic \${JIRA_BASIC}\`, Accept: "application/json" },
  });
  if (res.status === 401) {
    throw new Error(\`Jira login failed for \${JIRA_EMAIL} with token \${process.env.JIRA_API_TOKEN}\`);
  }
  return (await res.json()) as T;
}

const notion = new Client({ auth: process.env.NOTION_API_TOKEN ?? "" });

worker.tool("syncSprint", {
  title: "Sync the current sprint",
  description: "Copies the open issues of the current PLAT sprint (e.g. PLAT-1234) into Notion",
  schema: { type: "object", properties: {}, required: [], additionalProperties: false },
  execute: async () => {
    const { issues } = await jira<{ issues: JiraIssue[] }>(
      \`/search?jql=\${encodeURIComponent(JQL)}&fields=summary,status,assignee,updated,\${STORY_POINTS_FIELD},\${SPRINT_FIELD}\`,
    );
    for (const issue of issues) {
      await notion.pages.create({
        parent: { database_id: SPRINT_DATABASE_ID },
        properties: {
          Key: { title: [{ text: { content: issue.key } }] },
          Summary: { rich_text: [{ text: { content: issue.fields.summary } }] },
          Status: { select: { name: issue.fields.status.name, color: STATUS_COLORS[issue.fields.status.statusCategory.colorName] } },
          Points: { number: issue.fields[STORY_POINTS_FIELD] ?? null },
          Assignee: { rich_text: [{ text: { content: issue.fields.assignee?.accountId ?? DEFAULT_ASSIGNEE_ACCOUNT_ID } }] },
          Updated: { date: { start: issue.fields.updated } },
        },
      } as never);
    }
    return { synced: issues.length, archive: new URL(LEGACY_JIRA_API).host, archiveHeaders: Object.keys(ARCHIVE_HEADERS) };
  },
});
`;

const OPENAI_SUMMARIZE = `import { Worker } from "@notionhq/workers";
import OpenAI from "openai";

const worker = new Worker();
export default worker;

// OPENAI_API_KEY=${P.openaiEllipsis} goes in .env (see README)
const MODEL = "gpt-4o-mini-2024-07-18";
const EMBEDDING_MODEL = "text-embedding-3-small";
const TOKEN_ENCODING = "cl100k_base";
const MAX_TOKENS = 512;
const maxInputTokens = 12_000;
const SYSTEM_PROMPT = [
  "You summarize Notion pages for a weekly engineering digest.",
  "Write three bullet points in plain English, no marketing tone.",
  "Keep issue keys such as PLAT-1234 and links exactly as written.",
].join("\\n");

const SUMMARY_SCHEMA = {
  name: "page_summary",
  schema: {
    type: "object",
    properties: {
      bullets: { type: "array", items: { type: "string" }, maxItems: 3 },
      sentiment: { type: "string", enum: ["positive", "neutral", "negative"] },
    },
    required: ["bullets", "sentiment"],
    additionalProperties: false,
  },
  strict: true,
} as const;

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "your-api-key-here", organization: "org-acme-engineering" });

function truncateToBudget(text: string): string {
  // ~4 characters per token for English text
  return text.length > maxInputTokens * 4 ? text.slice(0, maxInputTokens * 4) : text;
}

export async function embedWithHuggingFace(text: string, options: { model?: string; hfToken?: string } = {}) {
  const { model = "sentence-transformers/all-MiniLM-L6-v2", hfToken = "${S.hfToken}" } = options;
  const res = await fetch(\`https://api-inference.huggingface.co/pipeline/feature-extraction/\${model}\`, {
    method: "POST",
    headers: { Authorization: \`Bearer \${hfToken}\`, "Content-Type": "application/json" },
    body: JSON.stringify({ inputs: text }),
  });
  return (await res.json()) as number[];
}

export async function summarize(text: string, apiKey = "${S.openai}"): Promise<string[]> {
  const client = process.env.OPENAI_API_KEY ? openai : new OpenAI({ apiKey });
  const completion = await client.chat.completions.create({
    model: MODEL,
    max_tokens: MAX_TOKENS,
    temperature: 0.2,
    response_format: { type: "json_schema", json_schema: SUMMARY_SCHEMA },
    messages: [
      { role: "system", content: SYSTEM_PROMPT },
      { role: "user", content: truncateToBudget(text) },
    ],
  });
  const content = completion.choices[0]?.message.content ?? '{"bullets":[]}';
  return (JSON.parse(content) as { bullets: string[] }).bullets;
}

worker.tool("summarizePage", {
  title: "Summarize a page",
  description: "Summarizes the text of a Notion page in three bullet points",
  schema: {
    type: "object",
    properties: { text: { type: "string", description: "The page text, at most ~48k characters" } },
    required: ["text"],
    additionalProperties: false,
  },
  execute: async ({ text }: { text: string }) => {
    const bullets = await summarize(text);
    return { bullets, model: MODEL, embeddingModel: EMBEDDING_MODEL, encoding: TOKEN_ENCODING };
  },
});
`;

const WEBHOOKS = `import { createHmac, timingSafeEqual } from "node:crypto";
import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

// Shared with the Acme dashboard team for signing outbound webhooks.
const apiSecret = "${S.apiSecret}";
const WEBHOOK_SIGNING_SECRET = process.env.WEBHOOK_SIGNING_SECRET ?? "${S.webhookFallback}";

const SIGNATURE_HEADER = "x-acme-signature-256";
const apiKeyHeaderName = "X-Acme-Api-Key";
const SECRET_FORMAT = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;
const TOKEN_PATTERN_SOURCE = "^acme_live_[A-Za-z0-9]{32}$";
const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const tokenCacheDatabaseId = "6c5b4a39281746f5e4d3c2b1a0f9e8d7";
const secretName = "projects/acme-prod/secrets/notion-sync-webhook/versions/latest";
const passwordResetPath = "/api/v1/users/password-reset/confirmation";
const accessTokenStorageKey = "notionWorkerAcmeAccessTokenCacheKeyV2";
const HELLO_BASE64 = "aGVsbG8gd29ybGQ=";
const PIXEL_PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
const STATUS_FEED_URL = "https://status.acme.io/api/v2/summary.json?api_key=${S.statusApiKey}&format=json";
const TOLERANCE_SECONDS = 300;
const AUTH_HELP = "Send Authorization: Bearer ${P.jwtHeaderEllipsis} (the session JWT from /login)";

/**
 * Reads the claims of a JWT without verifying it (for logging the subject only).
 * @example decodeJwtPayload("${JWT.jwtIo}") // => { sub: "1234567890", ... }
 */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const [, payload = ""] = token.split(".");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

function sign(body: string, timestamp: string, secret = WEBHOOK_SIGNING_SECRET): string {
  return "sha256=" + createHmac("sha256", secret).update(\`\${timestamp}.\${body}\`).digest("hex");
}

export function verify(body: string, headers: Headers): boolean {
  const signature = headers.get(SIGNATURE_HEADER) ?? "";
  const timestamp = headers.get("x-acme-timestamp") ?? "0";
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(sign(body, timestamp));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

worker.tool("replayWebhook", {
  title: "Replay a webhook",
  description: "Re-sends a stored Acme webhook to the dashboard",
  schema: {
    type: "object",
    properties: { body: { type: "string" } },
    required: ["body"],
    additionalProperties: false,
  },
  execute: async ({ body }: { body: string }) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    if (!body) throw new Error(AUTH_HELP);
    const digest = createHmac("sha256", apiSecret).update(body).digest("hex");
    const res = await fetch("https://dashboard.acme.io/api/v1/webhooks/replay", {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        [SIGNATURE_HEADER]: sign(body, timestamp),
        [apiKeyHeaderName]: digest,
        "x-acme-timestamp": timestamp,
      },
      body,
    });
    return {
      status: res.status,
      emptyBody: digest === EMPTY_BODY_SHA256,
      formatOk: SECRET_FORMAT.test(WEBHOOK_SIGNING_SECRET) || new RegExp(TOKEN_PATTERN_SOURCE).test(apiSecret),
      meta: { tokenCacheDatabaseId, secretName, passwordResetPath, accessTokenStorageKey, hello: HELLO_BASE64, pixel: PIXEL_PNG_BASE64, status: STATUS_FEED_URL },
    };
  },
});
`;

const SUPABASE_STORE = `import { Worker } from "@notionhq/workers";
import { createClient } from "@supabase/supabase-js";
import postgres from "postgres";

const worker = new Worker();
export default worker;

const SUPABASE_URL = "https://${SUPABASE_REF}.supabase.co";
// anon key: public, row level security applies
const SUPABASE_ANON_KEY = "${JWT.anon}";
const SUPABASE_PUBLISHABLE_KEY = "${P.sbPublishable}";
// service role: bypasses RLS, needed for the nightly backfill
const SUPABASE_SERVICE_ROLE_KEY =
  "${JWT.serviceRole}";

const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://sync_worker:${S.pgPassword}@db.${SUPABASE_REF}.supabase.co:5432/postgres";
const LOCAL_DATABASE_URL = "postgres://postgres:postgres@localhost:54322/postgres";
// captured during the 2020 incident review, kept to replay the request shape
const REPLAY_AUTH_HEADER = "Bearer ${JWT.expired}";

const publicClient = createClient(SUPABASE_URL, SUPABASE_ANON_KEY);
const adminClient = createClient(SUPABASE_URL, process.env.SUPABASE_SERVICE_ROLE_KEY ?? SUPABASE_SERVICE_ROLE_KEY, {
  auth: { persistSession: false, autoRefreshToken: false },
});
const sql = postgres(process.env.NODE_ENV === "development" ? LOCAL_DATABASE_URL : DATABASE_URL, { max: 2 });

const PAGES_TABLE = "notion_pages";
const SNAPSHOT_BUCKET = "page-snapshots";
const SNAPSHOT_MIME = "application/json";

interface PageRow {
  id: string;
  notion_page_id: string;
  title: string;
  last_edited_time: string;
  content_sha256: string;
}

worker.tool("storePage", {
  title: "Store a page snapshot",
  description: "Stores a Notion page snapshot (id like 1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9) in Supabase",
  schema: {
    type: "object",
    properties: { pageId: { type: "string" }, title: { type: "string" }, json: { type: "string" } },
    required: ["pageId", "title", "json"],
    additionalProperties: false,
  },
  execute: async ({ pageId, title, json }: { pageId: string; title: string; json: string }) => {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(json));
    const sha = Buffer.from(digest).toString("hex");
    const row: Omit<PageRow, "id"> = {
      notion_page_id: pageId,
      title,
      last_edited_time: new Date().toISOString(),
      content_sha256: sha,
    };
    const { error } = await adminClient.from(PAGES_TABLE).upsert(row, { onConflict: "notion_page_id" });
    if (error) throw new Error(\`Supabase upsert failed: \${error.message}\`);
    await adminClient.storage.from(SNAPSHOT_BUCKET).upload(\`\${pageId}/\${sha}.json\`, json, { contentType: SNAPSHOT_MIME, upsert: true });
    const [{ count }] = await sql\`select count(*)::int as count from notion_pages\`;
    return { stored: true, count, publishable: SUPABASE_PUBLISHABLE_KEY.length > 0, replay: REPLAY_AUTH_HEADER.length, anon: !!publicClient };
  },
});
`;

const DEV_DEFAULTS = `/**
 * Local development defaults, written to .env by \`npm run dev:setup\` when it is missing.
 * The nightly job used to call HubSpot with ${S.hubspot}
 * until we moved it to worker.credential().
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const DEV_ENV_TEMPLATE = \`# created by dev:setup — never commit .env
NOTION_API_TOKEN=${S.notionToken}
GITHUB_TOKEN=<YOUR_TOKEN>
OPENAI_API_KEY=your-api-key-here
SLACK_BOT_TOKEN=${P.slackPlaceholder}
STRIPE_SECRET_KEY=${P.stripeEllipsis}
SENDGRID_API_KEY=${S.sendgrid}
# AWS docs example pair, works with localstack only
AWS_ACCESS_KEY_ID=${P.awsDocsKeyId}
AWS_SECRET_ACCESS_KEY=${P.awsDocsSecret}
AWS_REGION=us-east-1
DATABASE_URL=postgres://postgres:postgres@localhost:54322/postgres
LOG_LEVEL=debug
\`;

export const DEV_DEFAULTS = {
  port: 8787,
  logLevel: "debug",
  notionVersion: "2022-06-28",
  region: "us-east-1",
  timeZone: "Europe/Paris",
  featureFlags: ["sync-v2", "summaries"],
  startedAt: "2024-05-01T09:30:00.000Z",
  minNodeVersion: ">=20.19.0",
  packages: ["@notionhq/workers", "@notionhq/client", "@octokit/rest"],
} as const;

// GitHub Actions: the workflow writes this to $GITHUB_ENV for the e2e job
export const CI_ENV = "GITHUB_TOKEN=${S.ghoToken}\\nCI=true\\nLOG_LEVEL=info\\n";

const PLACEHOLDERS = new Set(["<YOUR_TOKEN>", "your-api-key-here", "xxx", "changeme"]);

/** Lines of DEV_ENV_TEMPLATE whose value is still a placeholder. */
export function placeholderLines(template = DEV_ENV_TEMPLATE): string[] {
  return template
    .split("\\n")
    .filter((line) => !line.startsWith("#") && line.includes("="))
    .filter((line) => PLACEHOLDERS.has(line.slice(line.indexOf("=") + 1)));
}

export function writeDevEnv(root: string): boolean {
  const target = join(root, ".env");
  if (existsSync(target)) return false;
  writeFileSync(target, DEV_ENV_TEMPLATE, { mode: 0o600 });
  return true;
}

export function describeDefaults(): string {
  const flags = DEV_DEFAULTS.featureFlags.join(", ");
  return \`port \${DEV_DEFAULTS.port}, log level \${DEV_DEFAULTS.logLevel}, flags: \${flags}\`;
}

// Notion-Version header values we have tested against
export const SUPPORTED_NOTION_VERSIONS = ["2022-02-22", "2022-06-28"] as const;
export const DEFAULT_ICON = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
export const THEME = { accent: "#2383e2", danger: "rgb(235, 87, 87)", muted: "hsl(0 0% 55%)" };
`;

const ASANA_OAUTH = `import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

// Asana app "Notion task sync" (developer console, workspace Acme)
const ASANA_CLIENT_ID = "1207654321098765";
const asana = worker.oauth("asana", {
  name: "asana",
  authorizationEndpoint: "https://app.asana.com/-/oauth_authorize",
  tokenEndpoint: "https://app.asana.com/-/oauth_token",
  scope: "tasks:read projects:read users:read",
  clientId: ASANA_CLIENT_ID,
  clientSecret: "${S.asanaClientSecret}",
});

const ASANA_API = "https://app.asana.com/api/1.0";
const WORKSPACE_GID = "1201234567890123";
const TASKS_DATABASE_ID = "e1d2c3b4-a5f6-4789-8abc-def012345678";
const OPT_FIELDS = "name,completed,due_on,assignee.name,permalink_url,memberships.section.name";
const ACME_RISK_API = "https://risk.acme-internal.net/v2/score";

/** @param {string} path @param {string} token */
async function asanaGet(path, token) {
  const res = await fetch(\`\${ASANA_API}\${path}\`, {
    headers: { Authorization: \`Bearer \${token}\`, Accept: "application/json" },
  });
  if (!res.ok) throw new Error(\`Asana \${path} returned \${res.status}\`);
  return (await res.json()).data;
}

/** @param {{ name: string; due_on: string | null }} task */
async function riskScore(task) {
  const res = await fetch(ACME_RISK_API, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-API-Key": "${S.internalApiKey}",
    },
    body: JSON.stringify({ title: task.name, due: task.due_on }),
  });
  return res.ok ? (await res.json()).score : null;
}

worker.tool("importMyTasks", {
  title: "Import my Asana tasks",
  description: "Imports the open Asana tasks assigned to you (due dates as YYYY-MM-DD)",
  schema: { type: "object", properties: {}, required: [], additionalProperties: false },
  execute: async () => {
    const token = await asana.accessToken();
    const tasks = await asanaGet(
      \`/tasks?assignee=me&workspace=\${WORKSPACE_GID}&completed_since=now&opt_fields=\${OPT_FIELDS}\`,
      token,
    );
    const out = [];
    for (const task of tasks) {
      out.push({ name: task.name, due: task.due_on, url: task.permalink_url, risk: await riskScore(task) });
    }
    return { database: TASKS_DATABASE_ID, tasks: out };
  },
});
`;

const DIGEST_MAILER = `import { Worker } from "@notionhq/workers";
import nodemailer from "nodemailer";

const worker = new Worker();
export default worker;

const FROM = process.env.DIGEST_FROM_ADDRESS ?? "Notion Digest <digest@acme.io>";
const SMTP_HOST = "smtp.postmarkapp.com";

// production relay (the Postmark SMTP credentials of the digest server)
const productionTransport = nodemailer.createTransport({
  host: SMTP_HOST,
  port: 587,
  secure: false,
  auth: { user: "digest@acme.io", password: "${S.smtpPassword}" },
});

// mailpit in docker-compose for local runs
const devTransport = nodemailer.createTransport({
  host: "localhost",
  port: 1025,
  auth: { user: "dev", password: process.env.SMTP_PASSWORD ?? "changeme" },
});

const POSTMARK_API = "https://api.postmarkapp.com";
const BOUNCE_HEADERS = { Accept: "application/json", "X-Postmark-Server-Token": "${S.postmarkToken}" };
// mailpit web UI, default docker-compose credentials
const MAILPIT_AUTH = { Authorization: "Basic ${P.localBasic}" };
const idempotencyKey = "0c9a8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d";

const COLORS = { text: "#37352f", link: "#2383e2", background: "#ffffff", muted: "rgba(55, 53, 47, 0.65)" };
const UNSUBSCRIBE_URL = "https://digest.acme.io/unsubscribe?token={{unsubscribe_token}}";
const SUBJECTS = {
  en: "Your weekly Notion digest",
  es: "Tu resumen semanal de Notion",
  ja: "Notion の週間ダイジェスト",
};

/** @param {{ title: string; url: string }[]} pages */
function renderHtml(pages) {
  const items = pages
    .map((p) => \`<li><a href="\${p.url}" style="color:\${COLORS.link}">\${p.title}</a></li>\`)
    .join("");
  return \`<!doctype html>
<html>
  <body style="font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', sans-serif; color: \${COLORS.text}">
    <h1 style="font-size: 20px">This week in Notion</h1>
    <ul>\${items}</ul>
    <p style="color: \${COLORS.muted}"><a href="\${UNSUBSCRIBE_URL}">Unsubscribe</a></p>
  </body>
</html>\`;
}

worker.tool("sendDigest", {
  title: "Send the weekly digest",
  description: "Emails the pages edited this week to a list of recipients",
  schema: {
    type: "object",
    properties: {
      to: { type: "array", items: { type: "string", format: "email" } },
      pages: { type: "array", items: { type: "object" } },
      locale: { type: "string", enum: ["en", "es", "ja"] },
    },
    required: ["to", "pages"],
    additionalProperties: false,
  },
  execute: async ({ to, pages, locale = "en" }) => {
    const transport = process.env.NODE_ENV === "production" ? productionTransport : devTransport;
    const info = await transport.sendMail({
      from: FROM,
      to: to.join(", "),
      subject: SUBJECTS[locale] ?? SUBJECTS.en,
      html: renderHtml(pages),
      headers: { "Content-Type": "text/html; charset=utf-8", "List-Unsubscribe": \`<\${UNSUBSCRIBE_URL}>\` },
    });
    const bounces = await fetch(\`\${POSTMARK_API}/bounces?count=10&offset=0\`, { headers: BOUNCE_HEADERS });
    return { messageId: info.messageId, accepted: info.accepted.length, bounces: bounces.status, idempotencyKey, mailpit: MAILPIT_AUTH };
  },
});
`;

const NOTION_CLIENT = `import { Client, isFullPage } from "@notionhq/client";

// Shared Notion client for the helper scripts in scripts/ (the worker itself gets its token from the env).
export const notion = new Client({
  auth: "${S.notionLegacy}",
  notionVersion: "2022-06-28",
  timeoutMs: 60_000,
});

export const NOTION_IDS = {
  roadmapPage: "8a6d3f2e-9b1c-4d7e-8f0a-1b2c3d4e5f60",
  issuesDatabase: "8a6d3f2e9b1c4d7e8f0a1b2c3d4e5f60",
  teamspace: "d9824bdc-8445-4327-be8b-5b47500af6ce",
};
export const ROADMAP_URL = "https://www.notion.so/acme/Roadmap-8a6d3f2e9b1c4d7e8f0a1b2c3d4e5f60?pvs=4";
export const EMBED_SCRIPT = {
  src: "https://cdn.jsdelivr.net/npm/mermaid@10.9.1/dist/mermaid.min.js",
  integrity: "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC",
  crossOrigin: "anonymous",
};
export const BLOCK_COLORS = ["default", "gray_background", "blue_background", "red"] as const;
export const PLACEHOLDER_COVER =
  "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

type RichText = { plain_text: string; href: string | null };

export function plain(rich: RichText[]): string {
  return rich.map((r) => r.plain_text).join("");
}

/** Extracts the 32-hex id from a Notion URL such as ROADMAP_URL. */
export function idFromUrl(url: string): string | undefined {
  const match = /([0-9a-f]{32})(?:\\?|$)/.exec(url);
  if (!match) return undefined;
  const h = match[1]!;
  return \`\${h.slice(0, 8)}-\${h.slice(8, 12)}-\${h.slice(12, 16)}-\${h.slice(16, 20)}-\${h.slice(20)}\`;
}

export async function pageTitle(pageId: string): Promise<string> {
  const page = await notion.pages.retrieve({ page_id: pageId });
  if (!isFullPage(page)) return "";
  for (const prop of Object.values(page.properties)) {
    if (prop.type === "title") return plain(prop.title as RichText[]);
  }
  return "";
}

export async function childPages(blockId = NOTION_IDS.roadmapPage): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await notion.blocks.children.list({ block_id: blockId, start_cursor: cursor, page_size: 100 });
    for (const block of res.results) if ("type" in block && block.type === "child_page") out.push(block.id);
    cursor = res.has_more ? (res.next_cursor ?? undefined) : undefined;
  } while (cursor);
  return out;
}
`;

const HTTP_HELPERS = `/**
 * Small HTTP helpers shared by the sync tools: retries, rate limits, headers.
 * Credentials never pass through here: callers build the Authorization header from process.env.
 *
 * @example
 *   // localstack only, with the AWS documentation example pair:
 *   signS3Put({ accessKeyId: "${P.awsDocsKeyId}", secretAccessKey: "${P.awsDocsSecret}", region: "us-east-1" })
 */
export const AUTH_HEADER = "Authorization";
export const API_KEY_HEADER = "X-API-Key";
export const TOKEN_TYPE = "Bearer";
export const USER_AGENT = "notion-sync-worker/2.3.0 (+https://github.com/acme/notion-sync)";
export const JSON_MIME = "application/json";
export const FORM_MIME = "application/x-www-form-urlencoded";
export const NDJSON_MIME = "application/x-ndjson";
export const RETRY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
export const RATE_LIMIT_HEADERS = ["retry-after", "x-ratelimit-reset", "x-ratelimit-remaining"] as const;
export const ISO_DATE_RE = /^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2}))?$/;
export const BEARER_RE = /^Bearer\\s+([A-Za-z0-9._~+/-]+=*)$/;
export const EXPORT_BUCKET_URL = "https://storage.googleapis.com/acme-notion-exports/v1/";
export const DEFAULT_TOKEN_ENV_NAME = "NOTION_SYNC_GITHUB_TOKEN";
export const tokenRefreshThresholdSeconds = 300;
export const passwordPolicyDescription = "At least 12 characters, one digit and one symbol";
export const examplePassphrase = "correct-horse-battery-staple";
// RFC 7636 appendix B test vector, checked by the PKCE helper's self-test
export const PKCE_TEST_VECTOR = {
  codeVerifier: "dBjftJeZ4CVP-mJ92K9TYt7XMcFgtfz3nW6ZD8aq8xM",
  codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
};

export interface RetryOptions {
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retryAfterMs(res: Response): number | undefined {
  const header = res.headers.get("retry-after");
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export async function fetchWithRetry(url: string, init: RequestInit = {}, options: RetryOptions = {}): Promise<Response> {
  const { retries = 4, baseDelayMs = 500, maxDelayMs = 30_000 } = options;
  const headers = new Headers(init.headers);
  if (!headers.has("User-Agent")) headers.set("User-Agent", USER_AGENT);
  if (!headers.has("Accept")) headers.set("Accept", JSON_MIME);
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, { ...init, headers });
    if (!RETRY_STATUSES.has(res.status) || attempt >= retries) return res;
    const delay = retryAfterMs(res) ?? Math.min(maxDelayMs, baseDelayMs * 2 ** attempt + Math.random() * 100);
    await sleep(delay);
  }
}

export function bearer(token: string): Record<string, string> {
  return { [AUTH_HEADER]: \`\${TOKEN_TYPE} \${token}\` };
}

export function isIsoDate(value: string): boolean {
  return ISO_DATE_RE.test(value);
}

export function githubTokenFromEnv(): string {
  return process.env[DEFAULT_TOKEN_ENV_NAME] ?? process.env.GITHUB_TOKEN ?? "";
}
`;

const FIXTURE_GITHUB = `// Recorded GitHub API responses for the sync tests (tokens are fakes from the recording proxy).
import type { GitHubIssue } from "../../src/github-issues";

export const FAKE_TOKEN = "${fakeGenericSecret(401)}";
export const RECORDED_AUTH = { Authorization: "Bearer ${fakeGenericSecret(402)}" };
export const FIXTURE_CLIENT = {
  clientId: "Iv1.${randomString(CHARSETS.hex, 16, 403)}",
  clientSecret: "${randomString(CHARSETS.hex, 40, 404)}",
};
export const PROXY_URL = "https://recorder:${randomString(CHARSETS.b62, 20, 405)}@proxy.test.acme.io/github";
export const RECORDED_STATUS_URL = "https://status.acme.io/api/v2/summary.json?api_key=${fakeGenericSecret(406)}";
// A real-format token the recorder once captured by mistake: still reported in test files.
export const LEAKED_IN_RECORDING = "${S.ghFixture}";

export const ISSUES: GitHubIssue[] = [
  {
    number: 1347,
    title: "Sync fails when a label has an emoji",
    state: "open",
    html_url: "https://github.com/acme/notion-sync/issues/1347",
    labels: [{ name: "bug", color: "d73a4a" }],
    updated_at: "2024-04-18T12:03:44Z",
  },
  {
    number: 1352,
    title: "Support GitHub Enterprise Server base URLs",
    state: "open",
    html_url: "https://github.com/acme/notion-sync/issues/1352",
    labels: [{ name: "enhancement", color: "a2eeef" }],
    updated_at: "2024-04-19T08:15:02Z",
  },
  {
    number: 1360,
    title: "Rate limit handling: honour retry-after",
    state: "closed",
    html_url: "https://github.com/acme/notion-sync/issues/1360",
    labels: [],
    updated_at: "2024-04-22T17:40:11Z",
  },
];

export const RESPONSE_HEADERS = {
  etag: 'W/"a3f1c9e2b7d4058f6e1a2b3c4d5e6f70"',
  "x-github-request-id": "C3A8:2F1B:1A2B3C:1B2C3D:66213F0A",
  "x-ratelimit-remaining": "4999",
  "content-type": "application/json; charset=utf-8",
};

export const COMMIT_SHAS = ["9fceb02d0ae598e95dc970b74767f19372d61af8", "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"];
`;

const LINEAR_TEST = `import { describe, expect, it, vi } from "vitest";
import { summarize } from "../openai-summarize";

// The Linear client is mocked: the keys below only need the right shape.
const TEST_API_KEY = "${fakeGenericSecret(411)}";
const TEST_WEBHOOK_SECRET = "${randomString(CHARSETS.hex, 64, 412)}";
// pasted from a debugging session; the prefix makes it a real-format Linear key
const DEBUG_KEY = "${S.linearFixture}";

vi.mock("openai", () => ({
  default: class {
    chat = {
      completions: {
        create: vi.fn(async () => ({ choices: [{ message: { content: '{"bullets":["a","b","c"]}' } }] })),
      },
    };
  },
}));

describe("summarize", () => {
  it("returns three bullets", async () => {
    const bullets = await summarize("Some page text", TEST_API_KEY);
    expect(bullets).toEqual(["a", "b", "c"]);
  });

  it("accepts the webhook secret shape", () => {
    expect(TEST_WEBHOOK_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(DEBUG_KEY.length).toBeGreaterThan(40);
  });

  it("keeps issue keys untouched", async () => {
    const bullets = await summarize("PLAT-1234 shipped, see https://linear.app/acme/issue/PLAT-1234", TEST_API_KEY);
    expect(bullets).toHaveLength(3);
  });

  it("works with the env key", async () => {
    vi.stubEnv("OPENAI_API_KEY", "test-key-from-env");
    const bullets = await summarize("text");
    expect(bullets.length).toBeGreaterThan(0);
    vi.unstubAllEnvs();
  });

  it("does not retry on 400", async () => {
    const spy = vi.spyOn(globalThis, "fetch");
    await summarize("text", TEST_API_KEY);
    expect(spy).not.toHaveBeenCalledWith(expect.stringContaining("retry"));
    spy.mockRestore();
  });

  it("truncates very long inputs", async () => {
    const long = "lorem ipsum ".repeat(10_000);
    const bullets = await summarize(long, TEST_API_KEY);
    expect(bullets).toHaveLength(3);
  });
});
`;

const S3_EXPORT = `import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

// IAM user "notion-export-writer" (put-only on the exports bucket)
const s3 = new S3Client({
  region: "eu-west-1",
  credentials: {
    accessKeyId: "${P.awsKeyId}",
    secretAccessKey: "${S.awsSecret}",
  },
});

// For localstack: the AWS documentation example pair, e.g.
//   AWS_ACCESS_KEY_ID=${P.awsDocsKeyId} AWS_SECRET_ACCESS_KEY=${P.awsDocsSecret} npm run export
const localS3 = new S3Client({
  region: "us-east-1",
  endpoint: process.env.S3_ENDPOINT ?? "http://localhost:4566",
  forcePathStyle: true,
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
});

const EXPORT_BUCKET = "acme-notion-exports";
const EXPORT_BUCKET_ARN = "arn:aws:s3:::acme-notion-exports";
const KMS_KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const EXPORT_PREFIX = "workspaces/acme/pages/";
const MARKDOWN_MIME = "text/markdown; charset=utf-8";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

function exportKey(pageId: string, editedAt: string): string {
  const day = editedAt.slice(0, 10);
  return \`\${EXPORT_PREFIX}\${day}/\${pageId.replace(/-/g, "")}.md\`;
}

function contentMd5(body: string): string {
  return createHash("md5").update(body).digest("base64");
}

function sha256Hex(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

worker.tool("exportPage", {
  title: "Export a page to S3",
  description: "Writes the Markdown of a page to the exports bucket (s3://acme-notion-exports)",
  schema: {
    type: "object",
    properties: {
      pageId: { type: "string" },
      markdown: { type: "string" },
      editedAt: { type: "string", format: "date-time" },
    },
    required: ["pageId", "markdown", "editedAt"],
    additionalProperties: false,
  },
  execute: async ({ pageId, markdown, editedAt }: { pageId: string; markdown: string; editedAt: string }) => {
    const client = process.env.NODE_ENV === "development" ? localS3 : s3;
    const key = exportKey(pageId, editedAt);
    const digest = sha256Hex(markdown);
    await client.send(
      new PutObjectCommand({
        Bucket: EXPORT_BUCKET,
        Key: key,
        Body: markdown,
        ContentType: MARKDOWN_MIME,
        ContentMD5: contentMd5(markdown),
        ChecksumSHA256: Buffer.from(digest, "hex").toString("base64"),
        ServerSideEncryption: "aws:kms",
        SSEKMSKeyId: KMS_KEY_ARN,
        Metadata: { "notion-page-id": pageId, "content-sha256": digest },
      }),
    );
    return {
      url: \`https://\${EXPORT_BUCKET}.s3.eu-west-1.amazonaws.com/\${key}\`,
      arn: \`\${EXPORT_BUCKET_ARN}/\${key}\`,
      empty: digest === EMPTY_SHA256,
    };
  },
});
`;

const TWILIO_ALERTS = `import { Worker } from "@notionhq/workers";
import twilio from "twilio";

const worker = new Worker();
export default worker;

// Twilio project "notion-oncall"
const TWILIO_ACCOUNT_SID = "${P.twilioSid}";
const TWILIO_AUTH_TOKEN = "${S.twilioAuthToken}";
const MESSAGING_SERVICE_SID = "${P.twilioMessagingSid}";
const ONCALL_NUMBERS: Record<string, string> = {
  primary: "+14155550132",
  secondary: "+442071838750",
};
const INCIDENTS_DATABASE_ID = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
const SEVERITY_EMOJI = { sev1: "🔴", sev2: "🟠", sev3: "🟡" } as const;
const STATUS_CALLBACK = "https://hooks.acme.io/twilio/status";
const MAX_SMS_LENGTH = 320;

const client = twilio(TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN ?? TWILIO_AUTH_TOKEN);

type Severity = keyof typeof SEVERITY_EMOJI;

function formatAlert(title: string, severity: Severity, url: string): string {
  const text = \`\${SEVERITY_EMOJI[severity]} [\${severity.toUpperCase()}] \${title} — \${url}\`;
  return text.length > MAX_SMS_LENGTH ? text.slice(0, MAX_SMS_LENGTH - 1) + "…" : text;
}

function notionUrl(pageId: string): string {
  return \`https://www.notion.so/\${pageId.replace(/-/g, "")}\`;
}

worker.tool("pageOncall", {
  title: "Page the on-call engineer",
  description: "Sends an SMS for a new incident page (severity sev1, sev2 or sev3)",
  schema: {
    type: "object",
    properties: {
      pageId: { type: "string" },
      title: { type: "string" },
      severity: { type: "string", enum: ["sev1", "sev2", "sev3"] },
      escalate: { type: "boolean" },
    },
    required: ["pageId", "title", "severity"],
    additionalProperties: false,
  },
  execute: async ({ pageId, title, severity, escalate = false }: { pageId: string; title: string; severity: Severity; escalate?: boolean }) => {
    const body = formatAlert(title, severity, notionUrl(pageId));
    const recipients = escalate ? Object.values(ONCALL_NUMBERS) : [ONCALL_NUMBERS.primary];
    const sids: string[] = [];
    for (const to of recipients) {
      const message = await client.messages.create({
        to,
        body,
        messagingServiceSid: MESSAGING_SERVICE_SID,
        statusCallback: STATUS_CALLBACK,
      });
      sids.push(message.sid);
    }
    console.log(\`Paged \${recipients.length} number(s) for incident \${pageId}\`);
    return { database: INCIDENTS_DATABASE_ID, sids };
  },
});
`;

const DISCORD_INTERACTIONS = `import { createHmac, createPublicKey, verify } from "node:crypto";
import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

// Discord application "Notion Updates": the public key verifies interaction requests
const DISCORD_PUBLIC_KEY = "${P.discordPublicKey}";
const DISCORD_PUBLIC_KEY_PEM = \`${P.ed25519Pem}\`;
const DISCORD_BOT_TOKEN = "${S.discordBot}";
const DISCORD_API = "https://discord.com/api/v10";
const UPDATES_CHANNEL_ID = "1187654321098765432";

// Admin login for the small status page (hash only, the password is in 1Password)
const ADMIN_PASSWORD_HASH = "${P.bcrypt}";
const LEGACY_PASSWORD_HASH = "${P.argon2}";

// Token shapes we refuse to forward to Discord (checked before posting page excerpts)
const SLACK_TOKEN_RE = new RegExp("${P.slackTokenRe}");
const NOTION_TOKEN_HINT = "${P.ntnEllipsis}";
const NOTION_LEGACY_TOKEN_HINT = "${P.secretEllipsis}";
const WWW_AUTHENTICATE = 'Bearer realm="notion-updates", error="invalid_token"';
const CURL_EXAMPLE = 'curl -H "Authorization: Bearer <YOUR_TOKEN>" -H "X-API-Key: \${ACME_API_KEY}" https://api.acme.io/v1/pages';

// GitHub docs test vector for X-Hub-Signature-256 (secret and payload from the docs page)
const HMAC_TEST_VECTOR = {
  secret: "It's a Secret to Everybody",
  payload: "Hello, World!",
  expectedSignature: "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
};
// Stripe docs example of a Stripe-Signature header
const SAMPLE_STRIPE_SIGNATURE =
  "t=1492774577,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd,v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39";

export function hmacSelfTest(): boolean {
  const digest = createHmac("sha256", HMAC_TEST_VECTOR.secret).update(HMAC_TEST_VECTOR.payload).digest("hex");
  return \`sha256=\${digest}\` === HMAC_TEST_VECTOR.expectedSignature && SAMPLE_STRIPE_SIGNATURE.startsWith("t=");
}

function verifyInteraction(body: string, signature: string, timestamp: string): boolean {
  const key = createPublicKey(DISCORD_PUBLIC_KEY_PEM);
  return verify(null, Buffer.from(timestamp + body), key, Buffer.from(signature, "hex"));
}

function redactTokens(text: string): string {
  return text
    .split(/\\s+/)
    .map((word) => (SLACK_TOKEN_RE.test(word) || word.startsWith("ntn_") || word.startsWith("secret_") ? "[redacted]" : word))
    .join(" ");
}

worker.tool("postPageUpdate", {
  title: "Post a page update to Discord",
  description: "Posts the title and an excerpt of a Notion page to the #updates channel",
  schema: {
    type: "object",
    properties: {
      title: { type: "string" },
      excerpt: { type: "string" },
      url: { type: "string", format: "uri" },
    },
    required: ["title", "url"],
    additionalProperties: false,
  },
  execute: async ({ title, excerpt = "", url }: { title: string; excerpt?: string; url: string }) => {
    const res = await fetch(\`\${DISCORD_API}/channels/\${UPDATES_CHANNEL_ID}/messages\`, {
      method: "POST",
      headers: { Authorization: \`Bot \${DISCORD_BOT_TOKEN}\`, "Content-Type": "application/json" },
      body: JSON.stringify({
        embeds: [{ title, url, description: redactTokens(excerpt).slice(0, 2000), color: 0x5865f2 }],
        allowed_mentions: { parse: [] },
      }),
    });
    return {
      status: res.status,
      hints: [NOTION_TOKEN_HINT, NOTION_LEGACY_TOKEN_HINT],
      docs: { curl: CURL_EXAMPLE, challenge: WWW_AUTHENTICATE },
      keys: { hex: DISCORD_PUBLIC_KEY.length, hashes: [ADMIN_PASSWORD_HASH.slice(0, 7), LEGACY_PASSWORD_HASH.slice(0, 9)] },
      verifier: typeof verifyInteraction,
    };
  },
});
`;

const NHS = 'no-hardcoded-secrets';
const OCE = 'oauth-credentials-from-env';

const FILES: readonly WorkerFile[] = [
  {
    path: 'src/github-issues.ts',
    text: GITHUB_ISSUES,
    expected: [
      [NHS, S.ghPat],
      // "private keys"; reported where the key starts
      [NHS, PEM_FIRST_LINE],
      // "a `Bearer `/`Basic `/`token ` prefix" names a credential; 40 hex is over the 3.0 hex-entropy threshold
      [NHS, S.gheHexToken],
      // doc example: "repo" is a broad GitHub scope
      ['no-broad-oauth-scopes', 'scope: "repo read:user"'],
    ],
  },
  {
    path: 'src/stripe-invoices.ts',
    text: STRIPE_INVOICES,
    expected: [
      [NHS, S.stripeRestricted],
      [NHS, S.stripeWhsec],
    ],
  },
  {
    path: 'src/slack-messages.ts',
    text: SLACK_MESSAGES,
    expected: [
      [NHS, S.slackUser],
      [NHS, S.slackSigningSecret],
      // `process.env.X || "…"` fallback
      [NHS, S.slackAppToken],
      [NHS, S.slackBot],
    ],
  },
  {
    path: 'src/google-calendar.ts',
    text: GOOGLE_CALENDAR,
    expected: [
      // Google OAuth client ids are publishable (no-hardcoded-secrets), but worker.oauth wants them from process.env
      [OCE, P.googleClientId],
      [OCE, S.googleClientSecret],
      [NHS, S.googleClientSecret],
      [NHS, S.googleApiKey],
    ],
  },
  {
    path: 'src/linear-sync.ts',
    text: LINEAR_SYNC,
    expected: [
      // "a non-empty literal fallback (process.env.X ?? "abc")" is reported by oauth-credentials-from-env
      [OCE, '"<YOUR_CLIENT_ID>"'],
      [NHS, S.linearOauth],
    ],
  },
  {
    path: 'src/airtable-sync.js',
    text: AIRTABLE_SYNC,
    expected: [[NHS, S.airtablePat]],
  },
  {
    path: 'src/jira-sync.ts',
    text: JIRA_SYNC,
    expected: [
      [NHS, S.atlassian],
      [NHS, S.jiraPassword],
      [NHS, S.archiveBasic],
      ['no-logged-secrets', 'process.env.JIRA_API_TOKEN}'],
    ],
  },
  {
    path: 'src/openai-summarize.ts',
    text: OPENAI_SUMMARIZE,
    // a default parameter and a destructuring default
    expected: [
      [NHS, S.hfToken],
      [NHS, S.openai],
    ],
  },
  {
    path: 'src/webhooks.ts',
    text: WEBHOOKS,
    expected: [
      [NHS, S.apiSecret],
      [NHS, S.webhookFallback],
      // "credential query parameters"
      [NHS, S.statusApiKey],
    ],
  },
  {
    path: 'src/supabase-store.ts',
    text: SUPABASE_STORE,
    expected: [
      [NHS, JWT.serviceRole],
      [NHS, S.pgPassword],
    ],
  },
  {
    path: 'src/config/dev-defaults.ts',
    text: DEV_DEFAULTS,
    expected: [
      [NHS, S.hubspot],
      [NHS, S.notionToken],
      [NHS, S.sendgrid],
      // a token in a one-line string with \n escapes
      [NHS, S.ghoToken],
    ],
  },
  {
    path: 'src/asana-oauth.js',
    text: ASANA_OAUTH,
    expected: [
      // a const holding a literal: reported at the literal
      [OCE, '"1207654321098765"'],
      [OCE, S.asanaClientSecret],
      [NHS, S.asanaClientSecret],
      [NHS, S.internalApiKey],
    ],
  },
  {
    path: 'src/digest-mailer.mjs',
    text: DIGEST_MAILER,
    expected: [
      [NHS, S.smtpPassword],
      // Postmark server token (a bare UUID, "needs context": the X-Postmark-Server-Token header is that context)
      [NHS, S.postmarkToken],
      // DIGEST_FROM_ADDRESS is deliberately missing from .env.example
      ['env-example-in-sync', 'process.env.DIGEST_FROM_ADDRESS'],
    ],
  },
  {
    path: 'scripts/notion-client.ts',
    text: NOTION_CLIENT,
    expected: [[NHS, S.notionLegacy]],
  },
  {
    path: 'src/s3-export.ts',
    text: S3_EXPORT,
    // "AWS AKIA… key ids alone" are identifiers; the secret access key next to one is reported
    expected: [[NHS, S.awsSecret]],
  },
  {
    path: 'src/twilio-alerts.ts',
    text: TWILIO_ALERTS,
    // Account SID and Messaging Service SID are identifiers ("Twilio SIDs"); the Auth Token is a secret
    expected: [[NHS, S.twilioAuthToken]],
  },
  {
    path: 'src/discord-updates.ts',
    text: DISCORD_INTERACTIONS,
    // public keys, password hashes, HMAC/Stripe doc vectors, regex sources and placeholders are not secrets
    expected: [[NHS, S.discordBot]],
  },
  {
    path: 'src/lib/http.ts',
    text: HTTP_HELPERS,
    expected: [],
  },
  {
    path: 'test/fixtures/github-recorded.ts',
    text: FIXTURE_GITHUB,
    // testFiles "high-confidence" (default): only prefix- or checksum-certain provider tokens
    expected: [[NHS, S.ghFixture]],
  },
  {
    path: 'src/__tests__/summarize.test.ts',
    text: LINEAR_TEST,
    expected: [[NHS, S.linearFixture]],
  },
];

/**
 * Known rule bugs: findings the docs promise that the rule misses (`missing`), or findings the docs rule out that the
 * rule reports (`unexpected`). Excluded from the exact-set assertion, asserted (as failing) in `known gaps`.
 */
interface Gap {
  readonly file: string;
  readonly kind: 'missing' | 'unexpected';
  readonly finding: Expect;
  readonly note: string;
}
const GAPS: readonly Gap[] = [
  {
    // expected: nothing (docs, testFiles: only "prefix- or checksum-certain provider tokens" in test files); actual: URL password
    file: 'test/fixtures/github-recorded.ts',
    kind: 'unexpected',
    finding: [NHS, 'https://recorder:'],
    note: 'random URL password in a fixture: expected no finding (not a provider token), actual "URL password in a URL"',
  },
  {
    // expected: nothing (same testFiles sentence); actual: "`api_key` value … is hardcoded"
    file: 'test/fixtures/github-recorded.ts',
    kind: 'unexpected',
    finding: [NHS, '?api_key='],
    note: 'generic api_key query value in a fixture: expected no finding (not a provider token), actual "`api_key` value"',
  },
  {
    // expected: nothing (docs: "JWTs decided by their payload", placeholders never reported); actual: "Bearer credential"
    file: 'src/webhooks.ts',
    kind: 'unexpected',
    finding: [NHS, 'const AUTH_HELP'],
    note: 'Bearer + JWT header (public constant) + "...": expected no finding, actual "Bearer credential" (the ellipsis is part of the value)',
  },
];

// =====================================================================================================================
// The project and the linter
// =====================================================================================================================
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-hardcoded-realistic-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const isTestPath = (path: string): boolean => /(^|\/)(test|__tests__|fixtures)\//.test(path) || /\.test\./.test(path);
const envNames = new Set<string>();
for (const f of FILES) {
  if (isTestPath(f.path)) continue;
  for (const m of f.text.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) envNames.add(m[1]!);
}
envNames.add('NOTION_SYNC_GITHUB_TOKEN'); // read as process.env[DEFAULT_TOKEN_ENV_NAME] in src/lib/http.ts
envNames.delete('NODE_ENV');
envNames.delete('DIGEST_FROM_ADDRESS');

const PROJECT = project({
  'package.json': JSON.stringify({ name: 'acme-notion-sync', private: true, type: 'module', dependencies: { '@notionhq/workers': '^0.9.2' } }),
  'node_modules/@notionhq/workers/package.json': JSON.stringify({ name: '@notionhq/workers', version: '0.9.2' }),
  '.gitignore': 'node_modules/\ndist/\n.env\n.env.*\n!.env.example\n',
  '.env.example': [...envNames]
    .sort()
    .map((n) => (n === 'OPENAI_API_KEY' ? `${n}=your-api-key-here` : n === 'NOTION_API_TOKEN' ? `${n}=<paste your token here>` : `${n}=`))
    .join('\n') + '\n',
});
afterAll(() => rmSync(PROJECT, { recursive: true, force: true }));

const linter = new Linter({ configType: 'flat', cwd: PROJECT });
const CONFIG: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser, sourceType: 'module' } },
  plugin.configs.recommended,
];

const results = new Map<string, Linter.LintMessage[]>();
function lintFile(file: WorkerFile): Linter.LintMessage[] {
  const cached = results.get(file.path);
  if (cached) return cached;
  const messages = linter.verify(file.text, CONFIG, join(PROJECT, file.path));
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${file.path} does not parse: ${fatal.message} (line ${fatal.line})`);
  results.set(file.path, messages);
  return messages;
}

function lineOf(text: string, needle: string, nth = 1): number {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`needle not found (${nth}): ${needle.slice(0, 12)}…`);
  }
  return text.slice(0, index).split('\n').length;
}

const key = (rule: string, line: number): string => `${rule}@${line}`;
const expectKey = (file: WorkerFile, [rule, needle, nth]: Expect): string => key(`worker-auth/${rule}`, lineOf(file.text, needle, nth));
const sorted = (keys: string[]): string[] => [...keys].sort();
const actualKeys = (file: WorkerFile): string[] => lintFile(file).map((m) => key(m.ruleId ?? 'null', m.line));

/** Removes one occurrence of each of `drop` from `keys`. */
function without(keys: string[], drop: string[]): string[] {
  const out = [...keys];
  for (const d of drop) {
    const i = out.indexOf(d);
    if (i >= 0) out.splice(i, 1);
  }
  return out;
}

/** True when `text` shows more of `secret` than a public prefix (≤ 14 chars) and the last 4 characters. */
function leaks(text: string, secret: string): boolean {
  if (text.includes(secret)) return true;
  if (secret.length > 5 && text.includes(secret.slice(-5))) return true;
  // a PEM key's public prefix is its BEGIN line
  const from = secret.startsWith('-----BEGIN') ? secret.indexOf('\n') + 1 : Math.min(14, Math.floor(secret.length / 2));
  const hidden = secret.slice(from, -4);
  for (let i = 0; i + 6 <= hidden.length; i++) if (text.includes(hidden.slice(i, i + 6))) return true;
  return false;
}

// =====================================================================================================================
// Tests
// =====================================================================================================================
describe('no-hardcoded-secrets + recommended on realistic worker files (held out)', () => {
  it('the corpus is what the brief asks for: 12–20 files of 40–150 lines, 2–3 plain JS', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
    expect(FILES.length).toBeLessThanOrEqual(20);
    for (const f of FILES) {
      const lines = f.text.split('\n').length;
      expect(lines, f.path).toBeGreaterThanOrEqual(40);
      expect(lines, f.path).toBeLessThanOrEqual(150);
    }
    expect(FILES.filter((f) => /\.m?js$/.test(f.path)).length).toBeGreaterThanOrEqual(2);
    // no interpolation of a missing value
    for (const f of FILES) expect(f.text, f.path).not.toMatch(/"undefined"|\bundefined"|"undefined\b/);
    // every planted secret is in exactly one file, exactly once
    for (const s of PLANTED) expect(FILES.map((f) => f.text.split(s).length - 1).reduce((a, b) => a + b, 0), s.slice(0, 6)).toBe(1);
  });

  for (const file of FILES) {
    it(`${file.path}: exactly the expected (rule, line) findings`, () => {
      const gaps = GAPS.filter((g) => g.file === file.path);
      const expected = without(
        file.expected.map((e) => expectKey(file, e)),
        gaps.filter((g) => g.kind === 'missing').map((g) => expectKey(file, g.finding)),
      );
      const actual = without(
        actualKeys(file),
        gaps.filter((g) => g.kind === 'unexpected').map((g) => expectKey(file, g.finding)),
      );
      expect(sorted(actual)).toEqual(sorted(expected));
    });
  }

  it('no message or suggestion shows more of a planted secret than a prefix and the last 4 characters', () => {
    for (const file of FILES) {
      for (const m of lintFile(file)) {
        for (const text of [m.message, ...(m.suggestions ?? []).map((s) => s.desc)]) {
          for (const secret of PLANTED) expect(leaks(text, secret), `${file.path}:${m.line} ${m.ruleId}`).toBe(false);
        }
      }
    }
  });

  it('no-hardcoded-secrets findings carry a suggestion that moves the value to process.env', () => {
    for (const file of FILES) {
      const lines = file.text.split('\n');
      // a finding in a comment has no suggestion (nothing to replace with an env read)
      const inComment = (line: number): boolean => /^\s*(\/\/|\/\*|\*)/.test(lines[line - 1] ?? '');
      for (const m of lintFile(file).filter((x) => x.ruleId === `worker-auth/${NHS}` && !inComment(x.line))) {
        expect(m.suggestions?.length ?? 0, `${file.path}:${m.line}`).toBeGreaterThan(0);
        for (const s of m.suggestions ?? []) expect(s.fix.text, `${file.path}:${m.line}`).toMatch(/process\.env\.[A-Z][A-Z0-9_]*|""/);
      }
    }
  });
});

describe('gaps found by the held-out set, fixed (each note says what the rule did before)', () => {
  it('every gap names a line of its file (so a case below cannot pass or fail on a missing line)', () => {
    for (const gap of GAPS) {
      const file = FILES.find((f) => f.path === gap.file);
      expect(file, gap.file).toBeDefined();
      expect(() => expectKey(file!, gap.finding)).not.toThrow();
    }
  });

  for (const gap of GAPS) {
    const file = FILES.find((f) => f.path === gap.file)!;
    // gap.note: expected vs actual
    it(`${gap.file}: ${gap.note}`, () => {
      const k = expectKey(file, gap.finding);
      const actual = actualKeys(file);
      if (gap.kind === 'missing') expect(actual).toContain(k);
      else expect(actual).not.toContain(k);
    });
  }
});
