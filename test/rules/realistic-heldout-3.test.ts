/**
 * Third held-out set: small, realistic Notion worker files (SDK 0.9.2 shapes: `worker.credential(key, { network })`,
 * `worker.oauth(key, { name, provider })` and the full OAuth form, capabilities whose `execute` calls `fetch`), helper
 * modules and config files, `.js` (espree) and `.ts` (typescript-eslint), checked against every rule of a config the way
 * a demanding user reads docs/rules/*.md.
 *
 * Each case is written into its own throw-away project (package.json with `@notionhq/workers@^0.9.2` unless the case
 * says otherwise, an optional `.env.example`) and linted with ESLint's cwd at the project root. Expectations are
 * trailing `⟦rule[:messageId][^N]⟧` markers, stripped before linting; the exact multiset of (rule, line) pairs is
 * asserted, the messageId where given, and no message or suggestion may show a planted secret (nor a 10-character
 * window of its tail). Some cases also apply a suggestion and check the result.
 *
 * No token-shaped literal is in this file: every planted value is built at run time (test/support/fake-tokens.ts).
 * Two gaps this set found (a JWT in a test file, a top-level Slack `user_scope`) are fixed and kept as cases.
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
const uuid = (seed: number): string => {
  const h = hex(32, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o), 'utf8').toString('base64url');
const DASH5 = '-'.repeat(5);

/** Planted secrets: each must be reported where the case marks it, and never shown in a message. */
const S = {
  linear: fakeToken('linear-api-key', 901),
  googleKey: fakeToken('google-api-key', 902),
  notion: fakeToken('notion-token', 903),
  openai: fakeToken('openai-project-key', 904),
  stripe: fakeToken('stripe-secret-key', 905),
  slackBot: fakeToken('slack-bot-token', 906),
  ghp: fakeToken('github-classic-pat', 907),
  linear2: fakeToken('linear-api-key', 908),
  generic1: fakeGenericSecret(909),
  anthropic: fakeToken('anthropic-api-key', 910),
  slackOld: fakeToken('slack-bot-token', 911),
  ghpTest: fakeToken('github-classic-pat', 912),
  generic2: fakeGenericSecret(913),
  generic3: fakeGenericSecret(914),
  dbPass: randomString(CHARSETS.b62, 24, 915),
  pem: fakeToken('pem-private-key', 916),
  serviceJwt: `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({
    iss: 'supabase',
    ref: randomString(CHARSETS.lower, 20, 917),
    role: 'service_role',
    iat: 1_712_000_000,
    exp: 2_027_576_000,
  })}.${randomString(CHARSETS.b64url, 43, 918)}`,
  telegram: fakeToken('telegram-bot-token', 919),
  generic4: fakeGenericSecret(920),
  sendgrid: fakeToken('sendgrid-api-key', 921),
  slackHook: fakeToken('slack-webhook-url', 922),
  ghoOld: fakeToken('github-oauth-token', 923),
  stripeNext: fakeToken('stripe-secret-key', 924),
  generic5: fakeGenericSecret(925),
  hubspot: fakeToken('hubspot-private-app-token', 926),
  resend: fakeToken('resend-api-key', 927),
  figma: fakeToken('figma-pat', 928),
  generic6: fakeGenericSecret(929),
  googleSecret: fakeToken('google-oauth-client-secret', 930),
  generic7: fakeGenericSecret(931),
  generic8: fakeGenericSecret(932),
  airtable: fakeToken('airtable-pat', 933),
  npm: fakeToken('npm-access-token', 934),
  hf: fakeToken('huggingface-token', 935),
  generic9: fakeGenericSecret(936),
  refresh: fakeToken('google-oauth-refresh-token', 937),
  mailchimp: fakeToken('mailchimp-api-key', 938),
  generic10: fakeGenericSecret(939),
  pplx: fakeToken('perplexity-api-key', 940),
  generic11: fakeGenericSecret(941),
  generic12: fakeGenericSecret(942),
  generic13: fakeGenericSecret(943),
  ghpInRegex: fakeToken('github-classic-pat', 944),
};
const PLANTED: string[] = Object.values(S);

/** Random-looking non-secrets. */
const N = {
  dbId: uuid(1001),
  pageId: hex(32, 1002),
  sha1: hex(40, 1003),
  integrity: 'sha512-' + randomString(CHARSETS.b64, 86, 1004) + '==',
  png: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA' + randomString(CHARSETS.b64, 180, 1005) + '=',
  pkLive: fakeToken('stripe-publishable-key', 1006),
  sbPublishable: fakeToken('supabase-publishable-key', 1007),
  googleClientId: fakeToken('google-oauth-client-id', 1008),
  stripeCut: fakeToken('stripe-secret-key', 1009).slice(0, 14) + '...',
  spotifyTrack: randomString(CHARSETS.b62, 22, 1010),
  spotifyPlaylist: randomString(CHARSETS.b62, 22, 1011),
  youtube: randomString(CHARSETS.b64url, 11, 1012),
  twilioSid: fakeToken('twilio-account-sid', 1013),
  pageToken: Buffer.from(JSON.stringify({ offset: 200, ts: 1_712_345_678, sort: 'created_time' })).toString('base64'),
  publicKey: `${DASH5}BEGIN PUBLIC KEY${DASH5}\\n${randomString(CHARSETS.b64, 64, 1014)}\\n${randomString(CHARSETS.b64, 64, 1015)}\\n${DASH5}END PUBLIC KEY${DASH5}`,
  sha256: hex(64, 1016),
  ghLookalike: lookalike('github-classic-pat'),
  mapboxPk: fakeToken('mapbox-public-token', 1017),
  discordPublicKey: hex(64, 1018),
  commit: hex(40, 1019),
  requestId: uuid(1020),
  awsKeyId: 'AK' + 'IAIOSFODNN7EXAMPLE',
  ghClientId: 'Ov23li' + randomString(CHARSETS.b62, 14, 1021),
  numericClientId: '8' + randomString(CHARSETS.digits, 17, 1022),
  hashedEmail: hex(64, 1023),
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
  /** Folders between the temp dir and the project root (`test/my-worker`): ESLint's cwd is the project root. */
  readonly under?: string;
  /** Extra assertions on the messages. */
  readonly then?: (messages: Linter.LintMessage[], code: string) => void;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function lintCase(c: Case): { messages: Linter.LintMessage[]; spec: Marked } {
  const spec = marked(c.code);
  const top = mkdtempSync(join(tmpdir(), 'worker-auth-heldout3-'));
  roots.push(top);
  const root = c.under ? join(top, c.under) : top;
  mkdirSync(root, { recursive: true });
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
        ...(isTs ? { parser: tsParser as unknown as Linter.Parser } : {}),
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

/** The suggestions of the findings of `rule` on the line holding `snippet`. */
function suggestionsAt(messages: Linter.LintMessage[], code: string, rule: string, snippet: string): Linter.LintSuggestion[] {
  const line = code.split('\n').findIndex((l) => l.includes(snippet)) + 1;
  expect(line, `snippet ${snippet}`).toBeGreaterThan(0);
  return messages.filter((m) => m.ruleId === RULE[rule] && m.line === line).flatMap((m) => m.suggestions ?? []);
}

function check(c: Case): void {
  const { messages, spec } = lintCase(c);
  expect(messages.filter((m) => m.fatal || m.ruleId === null).map((m) => m.message)).toEqual([]);
  assertNoLeak(messages.flatMap((m) => [m.message, ...(m.suggestions ?? []).map((s) => s.desc)]));
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

// --- cases ---------------------------------------------------------------------------------------------------------

const CASES: Case[] = [];

// ---- no-hardcoded-secrets: secrets written the way people write them ----------------------------------------------

CASES.push({
  name: 'hs: a Linear key inside a Bearer template literal of a capability fetch',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.tool("linearSearch", {
  title: "Search Linear",
  description: "Full-text search over Linear issues",
  schema: { type: "object", properties: { q: { type: "string" } }, required: ["q"], additionalProperties: false },
  execute: async ({ q }: { q: string }) => {
    const res = await fetch("https://api.linear.app/graphql", {
      method: "POST",
      headers: {
        Authorization: \`Bearer ${S.linear}\`, ⟦hs:hardcodedSecret⟧
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ query: "query($q: String!) { searchIssues(term: $q) { nodes { id title } } }", variables: { q } }),
    });
    return JSON.stringify(await res.json());
  },
});
`,
  then: (messages, code) => {
    const m = messages.find((x) => x.ruleId === RULE.hs)!;
    // reported at its own columns, not the whole template
    const line = code.split('\n')[m.line - 1]!;
    expect(line.slice(m.column - 1, m.endColumn! - 1)).toBe(S.linear);
    const sugg = suggestionsAt(messages, code, 'hs', 'Bearer');
    expect(sugg.length).toBeGreaterThan(0);
    expect(applyFix(code, sugg[0]!.fix)).toContain('process.env.LINEAR_API_KEY ?? ""');
    expect(applyFix(code, sugg[0]!.fix)).not.toContain(S.linear);
  },
});

CASES.push({
  name: 'hs: a Google API key in the query string of new URL(…) (.js, espree)',
  file: 'src/geocode.js',
  code: `
export async function geocode(address) {
  const url = new URL("https://maps.googleapis.com/maps/api/geocode/json?key=${S.googleKey}"); ⟦hs⟧
  url.searchParams.set("address", address);
  const res = await fetch(url);
  const body = await res.json();
  return body.results[0]?.geometry.location ?? null;
}
`,
  then: (messages) => {
    expect(messages[0]!.message).toMatch(/Google/);
    expect(messages[0]!.message).toContain('GOOGLE_API_KEY');
  },
});

CASES.push({
  name: 'hs: two tokens in an exported config object of config.ts',
  file: 'src/config.ts',
  code: `
export const config = {
  notion: {
    version: "2022-06-28",
    token: "${S.notion}", ⟦hs⟧
    databaseId: "${N.dbId}",
  },
  openai: {
    model: "gpt-4o-mini",
    apiKey: "${S.openai}", ⟦hs⟧
    baseURL: "https://api.openai.com/v1",
  },
};
`,
});

CASES.push({
  name: 'hs: a Stripe key cut in two for line length is one finding',
  file: 'src/billing.ts',
  code: `
const STRIPE_KEY =
  "${S.stripe.slice(0, 40)}" + ⟦hs⟧
  "${S.stripe.slice(40)}";

export async function listInvoices(customer: string) {
  const res = await fetch(\`https://api.stripe.com/v1/invoices?customer=\${customer}\`, {
    headers: { Authorization: \`Bearer \${STRIPE_KEY}\` },
  });
  return res.json();
}
`,
});

CASES.push({
  name: 'hs: a Slack bot token in an `as const` object, and a token asserted `as const` itself (no suggestion there)',
  file: 'src/slack/settings.ts',
  code: `
export const SLACK = {
  channel: "C0123456789",
  botToken: "${S.slackBot}", ⟦hs⟧
  unfurl: false,
} as const;
export const FALLBACK_TOKEN = "${S.slackOld}" as const; ⟦hs⟧
`,
  then: (messages, code) => {
    // docs: no suggestion where only a literal may stand (`"…" as const`)
    expect(suggestionsAt(messages, code, 'hs', 'FALLBACK_TOKEN')).toEqual([]);
  },
});

CASES.push({
  name: 'hs: a GitHub token in a private class field of a helper client',
  file: 'src/lib/github.ts',
  code: `
export class GitHubClient {
  readonly #base = "https://api.github.com";
  private readonly token = "${S.ghp}"; ⟦hs⟧

  async issues(repo: string): Promise<unknown> {
    const res = await fetch(\`\${this.#base}/repos/\${repo}/issues\`, {
      headers: { Authorization: \`token \${this.token}\`, Accept: "application/vnd.github+json" },
    });
    return res.json();
  }
}
`,
  then: (messages) => {
    expect(messages[0]!.message).toMatch(/GitHub/);
    expect(messages[0]!.message).toContain('ghp_');
  },
});

CASES.push({
  name: 'hs: a Linear key as a default parameter value',
  file: 'src/lib/linear.ts',
  code: `
export async function linearQuery(query: string, apiKey = "${S.linear2}") { ⟦hs⟧
  const res = await fetch("https://api.linear.app/graphql", {
    method: "POST",
    headers: { Authorization: apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return res.json();
}
`,
});

CASES.push({
  name: 'hs: a generic secret as the ?? fallback of an env read: hardcodedFallback, suggestion drops it',
  file: 'src/webhook.ts',
  code: `
import { createHmac } from "node:crypto";

const signingSecret = process.env.ACME_WEBHOOK_SECRET ?? "${S.generic1}"; ⟦hs:hardcodedFallback⟧

export const sign = (body: string): string => createHmac("sha256", signingSecret).update(body).digest("hex");
`,
  then: (messages, code) => {
    const sugg = suggestionsAt(messages, code, 'hs', 'ACME_WEBHOOK_SECRET');
    const fixed = sugg.map((s) => applyFix(code, s.fix));
    expect(fixed.some((f) => f.includes('process.env.ACME_WEBHOOK_SECRET ?? ""'))).toBe(true);
    expect(fixed.every((f) => !f.includes(S.generic1))).toBe(true);
  },
});

CASES.push({
  name: 'hs: an Anthropic key as the || fallback (.js)',
  file: 'src/summarize.js',
  code: `
import Anthropic from "@anthropic-ai/sdk";

const anthropic = new Anthropic({
  apiKey: process.env.ANTHROPIC_API_KEY || "${S.anthropic}", ⟦hs⟧
});

export async function summarize(text) {
  const msg = await anthropic.messages.create({
    model: "claude-3-5-haiku-latest",
    max_tokens: 400,
    messages: [{ role: "user", content: \`Summarize:\\n\${text}\` }],
  });
  return msg.content[0].text;
}
`,
});

CASES.push({
  name: 'hs: an old Slack token left in a comment: secretInComment, no suggestion',
  file: 'src/notify.ts',
  code: `
// Rotated in March; old bot token was ${S.slackOld} ⟦hs:secretInComment⟧
export async function notify(text: string): Promise<void> {
  await fetch("https://slack.com/api/chat.postMessage", {
    method: "POST",
    headers: { Authorization: \`Bearer \${process.env.SLACK_BOT_TOKEN ?? ""}\`, "Content-Type": "application/json" },
    body: JSON.stringify({ channel: "#ops", text }),
  });
}
`,
  then: (messages) => {
    expect(messages[0]!.suggestions ?? []).toEqual([]);
  },
});

CASES.push({
  name: 'hs: a test file reports a checksum-certain GitHub token but not a generic value in an apiKey position',
  file: 'src/github.test.ts',
  code: `
import { describe, expect, it, vi } from "vitest";
import { GitHubClient } from "./lib/github";

describe("GitHubClient", () => {
  it("sends the token", async () => {
    const fetchMock = vi.fn(async () => new Response("[]"));
    vi.stubGlobal("fetch", fetchMock);
    const client = new GitHubClient({ token: "${S.ghpTest}", apiKey: "${S.generic2}" }); ⟦hs⟧
    await client.issues("acme/web");
    expect(fetchMock).toHaveBeenCalledOnce();
  });
});
`,
  then: (messages) => {
    expect(messages.filter((m) => m.ruleId === RULE.hs)).toHaveLength(1);
    expect(messages[0]!.message).toContain('ghp_');
  },
});

CASES.push({
  name: 'hs: strict config (testFiles "all") reports the generic value in a test file too',
  file: 'src/__tests__/client.test.ts',
  config: 'strict',
  code: `
import { it } from "vitest";
import { makeClient } from "../client";

it("builds a client", () => {
  const client = makeClient({ apiKey: "${S.generic3}" }); ⟦hs⟧
  void client;
});
`,
});

CASES.push({
  name: 'hs: a database URL with a password (.js)',
  file: 'src/db.js',
  code: `
import pg from "pg";

export const pool = new pg.Pool({
  connectionString: "postgres://worker:${S.dbPass}@db.acme-internal.net:5432/notion_sync", ⟦hs⟧
  max: 4,
});
`,
  then: (messages) => {
    expect(messages[0]!.message).not.toContain(S.dbPass);
  },
});

CASES.push({
  name: 'hs: a PEM private key in a template literal is one finding at its header',
  file: 'src/lib/github-app.ts',
  code: `
import { createSign } from "node:crypto";

const PRIVATE_KEY = \`${S.pem.split('\n')[0]} ⟦hs⟧
${S.pem.split('\n').slice(1).join('\n')}
${DASH5}END RSA PRIVATE KEY${DASH5}
\`;

export function appJwt(appId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT" })).toString("base64url");
  const payload = Buffer.from(JSON.stringify({ iat: now - 60, exp: now + 540, iss: appId })).toString("base64url");
  const signature = createSign("RSA-SHA256").update(\`\${header}.\${payload}\`).sign(PRIVATE_KEY, "base64url");
  return \`\${header}.\${payload}.\${signature}\`;
}
`,
});

CASES.push({
  name: 'hs: a Supabase service_role JWT in a createClient call',
  file: 'src/supabase.ts',
  code: `
import { createClient } from "@supabase/supabase-js";

export const supabase = createClient(
  "https://${randomString(CHARSETS.lower, 20, 1100)}.supabase.co",
  "${S.serviceJwt}", ⟦hs⟧
);
`,
});

CASES.push({
  name: 'hs: a Telegram bot token in the path of a template URL with a run-time part',
  file: 'src/telegram.ts',
  code: `
export async function sendTelegram(chatId: number, text: string): Promise<void> {
  await fetch(\`https://api.telegram.org/bot${S.telegram}/sendMessage?chat_id=\${chatId}\`, { ⟦hs⟧
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text }),
  });
}
`,
});

CASES.push({
  name: 'hs: a generic API key in an X-API-Key header of a .js helper',
  file: 'src/lib/acme.js',
  code: `
const ACME_BASE = "https://api.acme-analytics.io/v2";

export async function track(event, props) {
  return fetch(\`\${ACME_BASE}/events\`, {
    method: "POST",
    headers: { "X-API-Key": "${S.generic4}", "Content-Type": "application/json" }, ⟦hs⟧
    body: JSON.stringify({ event, props }),
  });
}
`,
});

CASES.push({
  name: 'hs: a SendGrid key as a destructuring default of process.env: hardcodedFallback',
  file: 'src/mail.ts',
  code: `
const { SENDGRID_API_KEY = "${S.sendgrid}" } = process.env; ⟦hs:hardcodedFallback⟧

export async function sendMail(to: string, subject: string, html: string) {
  return fetch("https://api.sendgrid.com/v3/mail/send", {
    method: "POST",
    headers: { Authorization: \`Bearer \${SENDGRID_API_KEY}\`, "Content-Type": "application/json" },
    body: JSON.stringify({ personalizations: [{ to: [{ email: to }] }], from: { email: "bot@acme.io" }, subject, content: [{ type: "text/html", value: html }] }),
  });
}
`,
});

CASES.push({
  name: 'hs: a Slack webhook URL constant (.js)',
  file: 'src/alerts.js',
  code: `
const SLACK_WEBHOOK = "${S.slackHook}"; ⟦hs⟧

export const alert = (text) =>
  fetch(SLACK_WEBHOOK, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
`,
});

CASES.push({
  name: 'hs: a key-rotation array holds two Stripe keys, both reported',
  file: 'src/stripe-keys.ts',
  code: `
// Accept the old key until every worker instance is redeployed.
export const STRIPE_KEYS: readonly string[] = [
  "${S.stripe}", ⟦hs⟧
  "${S.stripeNext}", ⟦hs⟧
];
`,
});

CASES.push({
  name: 'hs: a generic access_token in a URL query parameter',
  file: 'src/legacy.ts',
  code: `
export const FEED_URL = "https://feeds.acme-crm.com/v1/export.csv?access_token=${S.generic5}&format=csv"; ⟦hs⟧
`,
});

CASES.push({
  name: 'hs: a header-tuple array with a HubSpot token (.js)',
  file: 'src/hubspot.js',
  code: `
const headers = new Headers([
  ["Authorization", "Bearer ${S.hubspot}"], ⟦hs⟧
  ["Content-Type", "application/json"],
]);

export const contacts = () => fetch("https://api.hubapi.com/crm/v3/objects/contacts?limit=100", { headers });
`,
});

CASES.push({
  name: 'hs: a Resend key passed to the SDK constructor, a Figma token in a switch-case map',
  file: 'src/clients.ts',
  code: `
import { Resend } from "resend";

export const resend = new Resend("${S.resend}"); ⟦hs⟧

export function tokenFor(provider: "figma" | "none"): string {
  switch (provider) {
    case "figma":
      return "${S.figma}"; ⟦hs⟧
    default:
      return "";
  }
}
`,
});

CASES.push({
  name: 'hs: a Bearer generic value in a headers object of axios.create (.js)',
  file: 'src/lib/http.js',
  code: `
import axios from "axios";

export const crm = axios.create({
  baseURL: "https://api.acme-crm.com/v3",
  timeout: 10_000,
  headers: { Authorization: "Bearer ${S.generic6}" }, ⟦hs⟧
});
`,
});

CASES.push({
  name: 'hs: an npm token in an .npmrc written from a script, a HF token in a template',
  file: 'scripts/setup.mjs',
  code: `
import { writeFileSync } from "node:fs";

writeFileSync(".npmrc", "//registry.npmjs.org/:_authToken=${S.npm}\\n"); ⟦hs⟧
const model = "meta-llama/Llama-3.2-1B";
export const hfUrl = \`https://huggingface.co/api/models/\${model}?token=${S.hf}\`; ⟦hs⟧
`,
});

// ---- no-hardcoded-secrets: precision (nothing to report) -----------------------------------------------------------

CASES.push({
  name: 'precision: database ids, page ids, request ids and a pinned commit in a sync capability',
  file: 'src/index.ts',
  code: `${HEAD_TS}
import * as Schema from "@notionhq/workers/schema";

const TASKS_DATABASE_ID = "${N.dbId}";
const ROADMAP_PAGE_ID = "${N.pageId}";
const ROADMAP_URL = "https://www.notion.so/acme/Roadmap-${N.pageId}";
export const PINNED_COMMIT = "${N.commit}";

worker.sync("tasks", {
  primaryKeyProperty: "ID",
  schema: { defaultName: "Tasks", properties: { Name: Schema.title(), ID: Schema.richText() } },
  execute: async () => {
    const res = await fetch(\`https://api.acme.dev/tasks?database=\${TASKS_DATABASE_ID}\`, {
      headers: { "X-Request-Id": "${N.requestId}", Authorization: \`Bearer \${process.env.ACME_TOKEN ?? ""}\` },
    });
    const rows = (await res.json()) as { id: string }[];
    return { changes: rows.map((r) => ({ type: "upsert" as const, key: r.id, properties: {} })), hasMore: false, nextState: { page: ROADMAP_PAGE_ID, url: ROADMAP_URL } };
  },
});
`,
});

CASES.push({
  name: 'precision: lockfile-like data (integrity sha512, resolved sha1) in a .js module',
  file: 'src/vendor/lock.js',
  code: `
export const lock = {
  "node_modules/@notionhq/workers": {
    version: "0.9.2",
    resolved: "https://registry.npmjs.org/@notionhq/workers/-/workers-0.9.2.tgz",
    integrity: "${N.integrity}",
  },
  "node_modules/left-pad": { version: "1.3.0", shasum: "${N.sha1}" },
};
`,
});

CASES.push({
  name: 'precision: a base64 PNG data URI as an icon, a sha256 digest and a hashed email',
  file: 'src/assets.ts',
  code: `
export const ICON = "${N.png}";
export const EXPECTED_SHA256 = "${N.sha256}";
export const hashedEmail = "${N.hashedEmail}";
`,
});

CASES.push({
  name: 'precision: publishable keys (Stripe pk_live, Supabase sb_publishable, Mapbox pk.) and a Google client id',
  file: 'src/public-config.ts',
  code: `
export const publicConfig = {
  stripePublishableKey: "${N.pkLive}",
  supabaseKey: "${N.sbPublishable}",
  mapboxToken: "${N.mapboxPk}",
  googleClientId: "${N.googleClientId}",
};
`,
});

CASES.push({
  name: 'precision: placeholders (YOUR_API_KEY, <token>, a key cut short with ..., ${VAR}, xxxx)',
  file: 'src/setup-hints.ts',
  code: `
export const HINTS = {
  apiKey: "YOUR_API_KEY",
  token: "<token>",
  stripeSecretKey: "${N.stripeCut}",
  authorization: "Bearer \${ACME_TOKEN}",
  password: "xxxxxxxxxxxxxxxxxxxx",
  clientSecret: "<paste your client secret here>",
};
export const usage = "curl -H 'Authorization: Bearer YOUR_API_KEY' https://api.acme.dev/v1/me";
`,
});

CASES.push({
  name: 'precision: URLs, env names, header names and version strings',
  file: 'src/constants.ts',
  code: `
export const TOKEN_URL = "https://oauth2.googleapis.com/token";
export const API_KEY_ENV = "LINEAR_API_KEY";
export const SECRET_NAME = "ACME_WEBHOOK_SECRET";
export const AUTH_HEADER = "Authorization";
export const API_KEY_HEADER = "X-API-Key";
export const NOTION_VERSION = "2022-06-28";
export const USER_AGENT = "acme-notion-worker/1.4.2 (+https://acme.dev/bot)";
export const passwordField = "password";
`,
});

CASES.push({
  name: 'precision: Spotify track/playlist ids and a YouTube video id (.js)',
  file: 'src/media.js',
  code: `
export const FEATURED = {
  trackId: "${N.spotifyTrack}",
  playlist: "https://open.spotify.com/playlist/${N.spotifyPlaylist}",
  videoId: "${N.youtube}",
  embed: "https://www.youtube.com/embed/${N.youtube}",
};
`,
});

CASES.push({
  name: 'precision: validation regexes for token formats are not tokens',
  file: 'src/validate.ts',
  code: `
const GITHUB_PAT = /^ghp_[A-Za-z0-9]{36}$/;
const STRIPE_SECRET = new RegExp("^sk_(live|test)_[0-9a-zA-Z]{24,99}$");
const NOTION_TOKEN = /^(ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})$/;

export const looksLikeToken = (v: string): boolean => GITHUB_PAT.test(v) || STRIPE_SECRET.test(v) || NOTION_TOKEN.test(v);
`,
});

CASES.push({
  name: 'precision: a PEM public key, a Discord application public key, a Twilio Account SID, the AWS docs key id',
  file: 'src/verify.ts',
  code: `
export const SIGNING_PUBLIC_KEY = "${N.publicKey}";
export const DISCORD_PUBLIC_KEY = "${N.discordPublicKey}";
export const TWILIO_ACCOUNT_SID = "${N.twilioSid}";
export const AWS_DOCS_KEY_ID = "${N.awsKeyId}";
`,
});

CASES.push({
  name: 'precision: a pagination cursor in nextPageToken / start_cursor positions',
  file: 'src/paginate.ts',
  code: `
export async function* pages(base: string) {
  let nextPageToken: string | undefined = "${N.pageToken}";
  while (nextPageToken) {
    const res = await fetch(\`\${base}?pageToken=\${nextPageToken}\`);
    const body = (await res.json()) as { items: unknown[]; nextPageToken?: string };
    yield body.items;
    nextPageToken = body.nextPageToken;
  }
}
export const firstQuery = { start_cursor: "${N.pageToken}", page_size: 100 };
`,
});

CASES.push({
  name: 'precision: a GitHub look-alike with a bad checksum in a neutral position',
  file: 'src/fixtures-inline.ts',
  code: `
// A string that only looks like a token: used to check the redaction helper.
export const SAMPLE_REDACTION_INPUT = "${N.ghLookalike}";
`,
});

CASES.push({
  name: 'precision: worker.credential() with CREDENTIAL_VALUE, the SDK 0.9.2 way (nothing hardcoded)',
  file: 'src/index.ts',
  code: `import { CREDENTIAL_VALUE, Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

worker.credential("LINEAR_API_KEY", {
  network: [{ domain: "api.linear.app", transform: [{ headers: { Authorization: \`Bearer \${CREDENTIAL_VALUE}\` } }] }],
});

worker.tool("myIssues", {
  title: "My Linear issues",
  description: "Lists the issues assigned to me",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const res = await fetch("https://api.linear.app/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: "{ viewer { assignedIssues { nodes { id title } } } }" }),
    });
    return JSON.stringify(await res.json());
  },
});
`,
});

CASES.push({
  name: 'precision: env reads with empty fallbacks and non-secret fallbacks',
  file: 'src/env.ts',
  code: `
export const env = {
  apiKey: process.env.ACME_API_KEY ?? "",
  baseUrl: process.env.ACME_BASE_URL ?? "https://api.acme.dev",
  region: process.env.ACME_REGION || "us-east-1",
  timeoutMs: Number(process.env.ACME_TIMEOUT_MS ?? "10000"),
  logLevel: process.env.LOG_LEVEL ?? "info",
};
`,
});

// ---- no-broad-oauth-scopes ----------------------------------------------------------------------------------------

const GOOGLE_ENDPOINTS = `  authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenEndpoint: "https://oauth2.googleapis.com/token",`;

CASES.push({
  name: 'sc: Google full-URL `drive` scope: reported with drive.file, suggestion keeps the URL form',
  file: 'src/index.ts',
  code: `${HEAD_TS}
export const drive = worker.oauth("googleDrive", {
  name: "google-drive",
${GOOGLE_ENDPOINTS}
  scope: "https://www.googleapis.com/auth/drive", ⟦sc:broadScope⟧
  clientId: process.env.GOOGLE_DRIVE_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GOOGLE_DRIVE_OAUTH_CLIENT_SECRET ?? "",
  authorizationParams: { access_type: "offline", prompt: "consent" },
});
`,
  then: (messages, code) => {
    expect(messages[0]!.message).toContain('drive.file');
    const fixed = suggestionsAt(messages, code, 'sc', 'auth/drive"').map((s) => applyFix(code, s.fix));
    expect(fixed).toContain(code.replace('"https://www.googleapis.com/auth/drive"', '"https://www.googleapis.com/auth/drive.file"'));
  },
});

CASES.push({
  name: 'sc: a Google scope array: gmail.readonly is read-all, calendar.events and userinfo are fine',
  file: 'src/index.ts',
  code: `${HEAD_TS}
const SCOPES = [
  "openid",
  "https://www.googleapis.com/auth/userinfo.email",
  "https://www.googleapis.com/auth/calendar.events",
  "https://www.googleapis.com/auth/gmail.readonly", ⟦sc⟧
];

worker.oauth("google", {
  name: "google",
${GOOGLE_ENDPOINTS}
  scope: SCOPES.join(" "),
  clientId: process.env.GOOGLE_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GOOGLE_OAUTH_CLIENT_SECRET ?? "",
});
`,
  then: (messages) => {
    expect(messages[0]!.message).toContain('gmail.metadata');
  },
});

CASES.push({
  name: 'sc: narrow Google read-only scopes are not reported',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("googleCalendar", {
  name: "google-calendar",
${GOOGLE_ENDPOINTS}
  scope: "https://www.googleapis.com/auth/calendar.readonly https://www.googleapis.com/auth/drive.file email profile",
  clientId: process.env.GOOGLE_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GOOGLE_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'sc: GitHub "repo admin:org read:user": two findings at their own columns on one line',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "repo admin:org read:user", ⟦sc,sc⟧
  clientId: process.env.GITHUB_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GITHUB_OAUTH_CLIENT_SECRET ?? "",
});
`,
  then: (messages, code) => {
    const line = code.split('\n')[messages[0]!.line - 1]!;
    const covered = messages.map((m) => line.slice(m.column - 1, m.endColumn! - 1)).sort();
    expect(covered).toEqual(['admin:org', 'repo']);
    const adminOrg = messages.find((m) => m.message.includes('admin:org'))!;
    expect(adminOrg.message).toContain('read:org');
  },
});

CASES.push({
  name: 'sc: GitHub narrow scopes (read:user, user:email, public_repo, read:org) are fine',
  file: 'src/github.js',
  code: `
import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: ["read:user", "user:email", "public_repo", "read:org"].join(" "),
  clientId: process.env.GITHUB_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GITHUB_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'sc: Slack comma scopes: users:read.email reported, chat:write / channels:read fine; user_scope search:read',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("slack", {
  name: "slack",
  authorizationEndpoint: "https://slack.com/oauth/v2/authorize",
  tokenEndpoint: "https://slack.com/api/oauth.v2.access",
  scope: "chat:write,channels:read,users:read.email", ⟦sc⟧
  authorizationParams: { user_scope: "search:read" }, ⟦sc⟧
  clientId: process.env.SLACK_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.SLACK_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'sc: Microsoft Graph: Files.ReadWrite.All reported, User.Read / offline_access fine',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("onedrive", {
  name: "onedrive",
  authorizationEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
  tokenEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
  scope: "offline_access User.Read Files.ReadWrite.All", ⟦sc⟧
  clientId: process.env.ONEDRIVE_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.ONEDRIVE_OAUTH_CLIENT_SECRET ?? "",
});
`,
  then: (messages) => {
    expect(messages[0]!.message).toContain('Files.ReadWrite.All');
  },
});

CASES.push({
  name: 'sc: Microsoft scopes are case-insensitive: lower-case mail.readwrite is reported',
  file: 'src/outlook.ts',
  code: `${HEAD_TS}
worker.oauth("outlook", {
  name: "outlook",
  authorizationEndpoint: "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize",
  tokenEndpoint: "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
  scope: ["openid", "offline_access", "mail.readwrite"], ⟦sc⟧
  clientId: process.env.OUTLOOK_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.OUTLOOK_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'sc: Microsoft narrow scopes (User.Read Mail.Read Calendars.Read) are fine',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("microsoft", {
  name: "microsoft",
  authorizationEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
  tokenEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
  scope: "openid profile offline_access User.Read Mail.Read Calendars.Read",
  clientId: process.env.MICROSOFT_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.MICROSOFT_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'sc/ce/ep: the Notion-managed form { name, provider } reports nothing',
  file: 'src/index.ts',
  code: `${HEAD_TS}
export const google = worker.oauth("googleAuth", { name: "google", provider: "google" });
export const github = worker.oauth("githubAuth", { name: "github", provider: "github" });
`,
});

CASES.push({
  name: 'sc: the literal fallback of an env-read scope is what runs when unset',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: process.env.GITHUB_SCOPES ?? "read:user delete_repo", ⟦sc⟧
  clientId: process.env.GITHUB_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GITHUB_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'sc: a scope imported from another module is not guessed',
  file: 'src/index.ts',
  code: `${HEAD_TS}
import { GITHUB_SCOPES } from "./scopes";

worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: GITHUB_SCOPES,
  clientId: process.env.GITHUB_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GITHUB_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'sc: passport-github2 with delete_repo; googleapis generateAuthUrl with drive.readonly (.js)',
  file: 'src/auth.js',
  code: `
import passport from "passport";
import { Strategy as GitHubStrategy } from "passport-github2";
import { google } from "googleapis";

passport.use(
  new GitHubStrategy(
    {
      clientID: process.env.GITHUB_CLIENT_ID,
      clientSecret: process.env.GITHUB_CLIENT_SECRET,
      callbackURL: "https://worker.acme.dev/auth/github/callback",
      scope: ["user:email", "delete_repo"], ⟦sc⟧
    },
    (accessToken, refreshToken, profile, done) => done(null, profile),
  ),
);

const oauth2 = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET, "https://worker.acme.dev/auth/google/callback");
export const url = oauth2.generateAuthUrl({
  access_type: "offline",
  scope: ["https://www.googleapis.com/auth/drive.readonly"], ⟦sc⟧
});
`,
});

CASES.push({
  name: 'sc: unknown provider: a bare `write` and a wildcard are generic signals, `items:read` is not',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("acmeCrm", {
  name: "acme-crm",
  authorizationEndpoint: "https://auth.acme-crm.com/oauth/authorize",
  tokenEndpoint: "https://auth.acme-crm.com/oauth/token",
  scope: "items:read write contacts:*", ⟦sc,sc⟧
  clientId: process.env.ACME_CRM_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.ACME_CRM_OAUTH_CLIENT_SECRET ?? "",
});
`,
  then: (messages) => {
    expect(messages.every((m) => m.messageId === 'genericScope')).toBe(true);
  },
});

CASES.push({
  name: 'sc: Linear comma scopes: write reported, read fine',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("linear", {
  name: "linear",
  authorizationEndpoint: "https://linear.app/oauth/authorize",
  tokenEndpoint: "https://api.linear.app/oauth/token",
  scope: "read,write", ⟦sc⟧
  clientId: process.env.LINEAR_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.LINEAR_OAUTH_CLIENT_SECRET ?? "",
});
`,
  then: (messages) => {
    expect(messages[0]!.message).toContain('issues:create');
  },
});

CASES.push({
  name: 'sc: allow option silences one provider scope; maxScopes reports a long list',
  file: 'src/index.ts',
  rules: { 'worker-auth/no-broad-oauth-scopes': ['error', { allow: { google: ['calendar'] }, maxScopes: 3 }] },
  code: `${HEAD_TS}
worker.oauth("googleCalendar", {
  name: "google-calendar",
${GOOGLE_ENDPOINTS}
  scope: "openid email profile https://www.googleapis.com/auth/calendar", ⟦sc:tooManyScopes⟧
  clientId: process.env.GOOGLE_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GOOGLE_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

// ---- oauth-credentials-from-env -----------------------------------------------------------------------------------

CASES.push({
  name: 'ce: a Google client secret literal in worker.oauth: ce and hs both report it, masked',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("googleSheets", {
  name: "google-sheets",
${GOOGLE_ENDPOINTS}
  scope: "https://www.googleapis.com/auth/drive.file",
  clientId: process.env.GOOGLE_SHEETS_OAUTH_CLIENT_ID ?? "",
  clientSecret: "${S.googleSecret}", ⟦ce:hardcodedSecret,hs⟧
});
`,
  then: (messages, code) => {
    const ce = messages.find((m) => m.ruleId === RULE.ce)!;
    expect(ce.message).toContain('GOCSPX');
    const fixed = suggestionsAt(messages, code, 'ce', 'clientSecret').map((s) => applyFix(code, s.fix));
    expect(fixed.some((f) => f.includes('clientSecret: process.env.GOOGLE_SHEETS_OAUTH_CLIENT_SECRET ?? ""'))).toBe(true);
  },
});

CASES.push({
  name: 'ce: a numeric-looking client id literal is reported as hardcodedClientId (not a secret)',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("zoom", {
  name: "zoom",
  authorizationEndpoint: "https://zoom.us/oauth/authorize",
  tokenEndpoint: "https://zoom.us/oauth/token",
  scope: "meeting:read",
  clientId: "${N.numericClientId}", ⟦ce:hardcodedClientId⟧
  clientSecret: process.env.ZOOM_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'ce: a client secret in a top-level const is reported at the const literal (.js)',
  file: 'src/oauth.js',
  code: `
import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

const GITHUB_CLIENT_ID = "${N.ghClientId}"; ⟦ce:hardcodedClientId⟧
const GITHUB_CLIENT_SECRET = "${S.generic7}"; ⟦ce:hardcodedSecret,hs⟧

worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "read:user",
  clientId: GITHUB_CLIENT_ID,
  clientSecret: GITHUB_CLIENT_SECRET,
});
`,
});

CASES.push({
  name: 'ce: a non-empty literal fallback of the client secret: hardcodedFallback, suggestion empties it',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("notionPartner", {
  name: "acme-partner",
  authorizationEndpoint: "https://auth.acme-partner.com/oauth/authorize",
  tokenEndpoint: "https://auth.acme-partner.com/oauth/token",
  scope: "pages:read",
  clientId: process.env.ACME_PARTNER_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.ACME_PARTNER_OAUTH_CLIENT_SECRET ?? "local-dev-secret", ⟦ce:hardcodedFallback⟧
});
`,
  then: (messages, code) => {
    expect(messages[0]!.message).not.toContain('local-dev-secret');
    const fixed = suggestionsAt(messages, code, 'ce', 'local-dev-secret').map((s) => applyFix(code, s.fix));
    expect(fixed.some((f) => f.includes('process.env.ACME_PARTNER_OAUTH_CLIENT_SECRET ?? ""'))).toBe(true);
  },
});

CASES.push({
  name: 'ce: accepted env shapes: destructured default "", alias const, String(), ?.trim(), import.meta.env',
  file: 'src/index.ts',
  code: `${HEAD_TS}
import { env } from "node:process";

const { GITLAB_OAUTH_CLIENT_SECRET = "" } = process.env;
const e = process.env;

worker.oauth("gitlab", {
  name: "gitlab",
  authorizationEndpoint: "https://gitlab.com/oauth/authorize",
  tokenEndpoint: "https://gitlab.com/oauth/token",
  scope: "read_user read_api",
  clientId: String(e.GITLAB_OAUTH_CLIENT_ID),
  clientSecret: GITLAB_OAUTH_CLIENT_SECRET,
});

worker.oauth("asana", {
  name: "asana",
  authorizationEndpoint: "https://app.asana.com/-/oauth_authorize",
  tokenEndpoint: "https://app.asana.com/-/oauth_token",
  scope: "tasks:read",
  clientId: env.ASANA_OAUTH_CLIENT_ID?.trim() ?? "",
  clientSecret: import.meta.env.ASANA_OAUTH_CLIENT_SECRET,
});
`,
});

CASES.push({
  name: 'ce: a refresh token written into googleapis setCredentials (ce and hs)',
  file: 'src/google.ts',
  code: `
import { google } from "googleapis";

const auth = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET);
auth.setCredentials({ refresh_token: "${S.refresh}" }); ⟦ce,hs⟧
export const calendar = google.calendar({ version: "v3", auth });
`,
});

CASES.push({
  name: 'ce: test files are skipped by default (a mock client secret)',
  file: 'test/oauth.test.ts',
  code: `
import { Worker } from "@notionhq/workers";
import { it } from "vitest";

it("registers the capability", () => {
  const worker = new Worker();
  worker.oauth("github", {
    name: "github",
    authorizationEndpoint: "https://github.com/login/oauth/authorize",
    tokenEndpoint: "https://github.com/login/oauth/access_token",
    scope: "read:user",
    clientId: "test-client-id",
    clientSecret: "test-secret",
  });
});
`,
});

// ---- oauth-endpoints-https ----------------------------------------------------------------------------------------

CASES.push({
  name: 'ep: an http token endpoint: insecureUrl, suggestion switches to https',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("acme", {
  name: "acme",
  authorizationEndpoint: "https://auth.acme.com/oauth/authorize",
  tokenEndpoint: "http://auth.acme.com/oauth/token", ⟦ep:insecureUrl⟧
  scope: "read",
  clientId: process.env.ACME_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.ACME_OAUTH_CLIENT_SECRET ?? "",
});
`,
  then: (messages, code) => {
    const fixed = suggestionsAt(messages, code, 'ep', 'http://auth').map((s) => applyFix(code, s.fix));
    expect(fixed).toContain(code.replace('"http://auth.acme.com/oauth/token"', '"https://auth.acme.com/oauth/token"'));
  },
});

CASES.push({
  name: 'ep: localhost / 127.0.0.1 http allowed, 0.0.0.0 reported',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("localIdp", {
  name: "local-idp",
  authorizationEndpoint: "http://localhost:8080/realms/dev/protocol/openid-connect/auth",
  tokenEndpoint: "http://127.0.0.1:8080/realms/dev/protocol/openid-connect/token",
  callbackUrl: "http://0.0.0.0:3000/callback", ⟦ep⟧
  scope: "openid",
  clientId: process.env.LOCAL_IDP_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.LOCAL_IDP_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'ep: a relative token endpoint and a {tenant} placeholder authorization endpoint',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("zendesk", {
  name: "zendesk",
  authorizationEndpoint: "https://{subdomain}.zendesk.com/oauth/authorizations/new", ⟦ep:placeholderUrl⟧
  tokenEndpoint: "/oauth/tokens", ⟦ep:notAbsolute⟧
  scope: "tickets:read",
  clientId: process.env.ZENDESK_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.ZENDESK_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'ep: a YOUR_DOMAIN placeholder host; example.com is a valid documentation domain',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("auth0", {
  name: "auth0",
  authorizationEndpoint: "https://YOUR_DOMAIN.auth0.com/authorize", ⟦ep⟧
  tokenEndpoint: "https://auth.example.com/oauth/token",
  scope: "openid profile",
  clientId: process.env.AUTH0_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.AUTH0_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'ep: a client_secret in the token endpoint query: credentialsInUrl, masked (plus hs)',
  file: 'src/index.ts',
  code: `${HEAD_TS}
worker.oauth("acme", {
  name: "acme",
  authorizationEndpoint: "https://auth.acme.com/oauth/authorize",
  tokenEndpoint: "https://auth.acme.com/oauth/token?client_secret=${S.generic8}", ⟦ep:credentialsInUrl,hs⟧
  scope: "read",
  clientId: process.env.ACME_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.ACME_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'ep: new URL(path, http base).href and an http template with a run-time path',
  file: 'src/index.ts',
  code: `${HEAD_TS}
const AUTH_BASE = "http://sso.acme-corp.com"; ⟦ep⟧
const realm = process.env.ACME_REALM ?? "main";

worker.oauth("acmeSso", {
  name: "acme-sso",
  authorizationEndpoint: \`http://sso.acme-corp.com/realms/\${realm}/auth\`, ⟦ep⟧
  tokenEndpoint: new URL("/oauth/token", AUTH_BASE).href,
  scope: "openid",
  clientId: process.env.ACME_SSO_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.ACME_SSO_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'ep: an http env fallback of the token URL; a constant-test conditional checks only the branch taken',
  file: 'src/index.ts',
  code: `${HEAD_TS}
const USE_STAGING = false;

worker.oauth("billing", {
  name: "billing",
  authorizationEndpoint: USE_STAGING ? "http://staging.billing.acme.com/authorize" : "https://billing.acme.com/authorize",
  tokenEndpoint: process.env.BILLING_TOKEN_URL ?? "http://billing.acme.com/token", ⟦ep⟧
  scope: "invoices:read",
  clientId: process.env.BILLING_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.BILLING_OAUTH_CLIENT_SECRET ?? "",
});
`,
});

CASES.push({
  name: 'ep: passport OAuth2Strategy with an http tokenURL and an http callbackURL (.js)',
  file: 'src/passport.js',
  code: `
import passport from "passport";
import { Strategy as OAuth2Strategy } from "passport-oauth2";

passport.use(
  "acme",
  new OAuth2Strategy(
    {
      authorizationURL: "https://id.acme.io/oauth2/authorize",
      tokenURL: "http://id.acme.io/oauth2/token", ⟦ep⟧
      clientID: process.env.ACME_CLIENT_ID,
      clientSecret: process.env.ACME_CLIENT_SECRET,
      callbackURL: "http://worker.acme.io/auth/callback", ⟦ep⟧
    },
    (accessToken, refreshToken, profile, cb) => cb(null, profile),
  ),
);
`,
});

// ---- no-logged-secrets --------------------------------------------------------------------------------------------

CASES.push({
  name: 'log: the OAuth access token logged inside a capability execute',
  file: 'src/index.ts',
  code: `${HEAD_TS}
const github = worker.oauth("github", { name: "github", provider: "github" });

worker.tool("starred", {
  title: "Starred repos",
  description: "Lists my starred repositories",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const token = await github.accessToken();
    console.debug("using token", token); ⟦log:secretLogged⟧
    const res = await fetch("https://api.github.com/user/starred", { headers: { Authorization: \`Bearer \${token}\` } });
    console.log("status", res.status, "token set:", Boolean(token));
    return JSON.stringify(await res.json());
  },
});
`,
});

CASES.push({
  name: 'log: a whole request options object with an Authorization header, to a logger (.js)',
  file: 'src/lib/request.js',
  code: `
import pino from "pino";

const logger = pino();

export async function request(path) {
  const key = process.env.ACME_API_KEY ?? "";
  const init = { method: "GET", headers: { Authorization: \`Bearer \${key}\` } };
  logger.info({ path, headers: { Authorization: \`Bearer \${key}\` } }, "outgoing request"); ⟦log⟧
  return fetch(\`https://api.acme.dev\${path}\`, init);
}
`,
});

CASES.push({
  name: 'log: a secret env read in a thrown error message, and process.env dumped to stderr',
  file: 'src/boot.ts',
  code: `
export function boot(): void {
  const dsn = process.env.DATABASE_URL;
  if (!dsn) {
    process.stderr.write(JSON.stringify(process.env) + "\\n"); ⟦log⟧
    throw new Error(\`no DATABASE_URL, token was \${process.env.ACME_TOKEN}\`); ⟦log:secretInError⟧
  }
}
`,
});

CASES.push({
  name: 'log: presence checks, length, a prefix slice and non-secret names are fine',
  file: 'src/diagnostics.ts',
  code: `
const key = process.env.OPENAI_API_KEY;
console.log("OPENAI_API_KEY set:", Boolean(key), "length", key?.length ?? 0, key ? "set" : "missing");
console.info("key prefix", key?.slice(0, 4));
console.log(process.env.NODE_ENV, process.env.GOOGLE_OAUTH_CLIENT_ID, process.env.TOKEN_URL, process.env.PUBLIC_KEY);
if (!process.env.LINEAR_API_KEY) throw new Error("LINEAR_API_KEY is not set: add it to .env and run ntn workers env push");
`,
});

CASES.push({
  name: 'log: a destructured key in a shorthand object, and a token concatenated into console.warn',
  file: 'src/slack.ts',
  code: `
const { SLACK_BOT_TOKEN } = process.env;

export async function post(text: string): Promise<void> {
  const res = await fetch("https://slack.com/api/chat.postMessage", {
    method: "POST",
    headers: { Authorization: "Bearer " + SLACK_BOT_TOKEN, "Content-Type": "application/json" },
    body: JSON.stringify({ channel: "#general", text }),
  });
  if (!res.ok) console.warn("slack failed with " + SLACK_BOT_TOKEN); ⟦log⟧
  console.log({ SLACK_BOT_TOKEN, status: res.status }); ⟦log⟧
}
`,
});

CASES.push({
  name: 'log: the Authorization header of an incoming request passed to ctx.log',
  file: 'src/handler.ts',
  code: `
interface Ctx { log: { info: (...a: unknown[]) => void } }

export function handle(req: Request, ctx: Ctx): Response {
  const auth = req.headers.get("authorization");
  ctx.log.info("incoming", auth); ⟦log⟧
  ctx.log.info("incoming has auth", auth !== null);
  return new Response("ok");
}
`,
});

// ---- env-example-in-sync ------------------------------------------------------------------------------------------

const ENV_EXAMPLE = 'LINEAR_API_KEY=\nexport GITHUB_TOKEN=\nSLACK_BOT_TOKEN: xoxb-your-token\n# comment\nEMPTY_ONE=\n';

CASES.push({
  name: 'env: listed names pass (KEY=, export KEY=, KEY: value), missing ones are reported per read',
  file: 'src/index.ts',
  extra: { '.env.example': ENV_EXAMPLE },
  code: `
const linear = process.env.LINEAR_API_KEY ?? "";
const gh = process.env.GITHUB_TOKEN ?? "";
const slack = process.env["SLACK_BOT_TOKEN"];
const openai = process.env.OPENAI_API_KEY ?? ""; ⟦env:missingFromEnvExample⟧
const { RESEND_API_KEY, EMPTY_ONE } = process.env; ⟦env⟧
const prod = process.env.NODE_ENV === "production";
process.env.TZ = "UTC";
export const all = [linear, gh, slack, openai, RESEND_API_KEY, EMPTY_ONE, prod];
`,
  then: (messages) => {
    const m = messages.find((x) => x.message.includes('OPENAI_API_KEY'))!;
    expect(m.message).toContain('OPENAI_API_KEY=');
    expect(m.message).toContain('.env.example');
  },
});

CASES.push({
  name: 'env: aliases (node:process env, a constant key, const p = process) are reads (.js)',
  file: 'src/helpers/env.js',
  extra: { '.env.example': 'LINEAR_API_KEY=\n' },
  code: `
import { env } from "node:process";

const KEY = "ACME_WEBHOOK_SECRET";
const p = process;

export const webhookSecret = process.env[KEY]; ⟦env⟧
export const acme = env.ACME_API_KEY; ⟦env⟧
export const region = p.env.ACME_REGION; ⟦env⟧
export const linear = env.LINEAR_API_KEY;
export const notionPayload = process.env.NOTION_INPUT_PAYLOAD_PATH;
`,
});

CASES.push({
  name: 'env: a test file and a project without .env.example report nothing',
  file: 'src/lib/linear.test.ts',
  extra: { '.env.example': 'LINEAR_API_KEY=\n' },
  code: `
import { it } from "vitest";
it("reads env", () => {
  void process.env.VITEST_WORKER_ID;
  void process.env.ACME_TEST_TOKEN;
});
`,
});

// ---- prefer-credential-injection (strict) -------------------------------------------------------------------------

const ENV_EXAMPLE_PCI = 'LINEAR_API_KEY=\nACME_API_KEY=\nGITHUB_TOKEN=\nDATADOG_API_KEY=\nJIRA_EMAIL=\nJIRA_API_TOKEN=\n';

CASES.push({
  name: 'pci: a Linear key read only for a Bearer header of a fixed https host; the suggestion declares worker.credential',
  file: 'src/index.ts',
  config: 'strict',
  extra: { '.env.example': ENV_EXAMPLE_PCI },
  code: `import { Worker } from "@notionhq/workers";

const worker = new Worker();
export default worker;

worker.tool("teams", {
  title: "Linear teams",
  description: "Lists Linear teams",
  schema: { type: "object", properties: {}, additionalProperties: false },
  execute: async () => {
    const res = await fetch("https://api.linear.app/graphql", {
      method: "POST",
      headers: { Authorization: \`Bearer \${process.env.LINEAR_API_KEY}\`, "Content-Type": "application/json" }, ⟦pci:preferCredential⟧
      body: JSON.stringify({ query: "{ teams { nodes { id name } } }" }),
    });
    return JSON.stringify(await res.json());
  },
});
`,
  then: (messages, code) => {
    const m = messages.find((x) => x.ruleId === RULE.pci)!;
    expect(m.message).toContain('worker.credential');
    expect(m.message).toContain('api.linear.app');
    const fixed = (m.suggestions ?? []).map((s) => applyFix(code, s.fix));
    expect(fixed.length).toBeGreaterThan(0);
    expect(fixed[0]).toContain('worker.credential("LINEAR_API_KEY"');
    expect(fixed[0]).toContain('CREDENTIAL_VALUE');
  },
});

CASES.push({
  name: 'pci: a key in a const, X-API-Key on a template URL with a run-time path (.js)',
  file: 'src/lib/acme.js',
  config: 'strict',
  extra: { '.env.example': ENV_EXAMPLE_PCI },
  code: `
const apiKey = process.env.ACME_API_KEY ?? ""; ⟦pci⟧

export async function getItem(id) {
  const res = await fetch(\`https://api.acme.dev/v1/items/\${id}\`, { headers: { "X-API-Key": apiKey } });
  return res.json();
}
`,
});

CASES.push({
  name: 'pci: not reported when the key also feeds an SDK client, a presence check, or an http host',
  file: 'src/clients.ts',
  config: 'strict',
  extra: { '.env.example': ENV_EXAMPLE_PCI },
  code: `
import { LinearClient } from "@linear/sdk";

export const linear = new LinearClient({ apiKey: process.env.LINEAR_API_KEY ?? "" });
export const gql = (query: string) =>
  fetch("https://api.linear.app/graphql", { method: "POST", headers: { Authorization: process.env.LINEAR_API_KEY ?? "" }, body: JSON.stringify({ query }) });

if (!process.env.GITHUB_TOKEN) throw new Error("GITHUB_TOKEN is not set");
export const repos = () => fetch("https://api.github.com/user/repos", { headers: { Authorization: \`Bearer \${process.env.GITHUB_TOKEN}\` } });

export const legacy = () => fetch("http://api.acme.dev/v1/ping", { headers: { "X-API-Key": process.env.ACME_API_KEY ?? "" } });
`,
});

CASES.push({
  name: 'pci: Basic auth built with btoa cannot be templated by the platform',
  file: 'src/jira.ts',
  config: 'strict',
  extra: { '.env.example': ENV_EXAMPLE_PCI },
  code: `
const basic = btoa(\`\${process.env.JIRA_EMAIL}:\${process.env.JIRA_API_TOKEN}\`);
export const myself = () => fetch("https://acme.atlassian.net/rest/api/3/myself", { headers: { Authorization: \`Basic \${basic}\` } });
`,
});

CASES.push({
  name: 'pci: silent with an SDK range older than 0.9.2',
  file: 'src/dd.ts',
  config: 'strict',
  sdk: '^0.8.0',
  extra: { '.env.example': ENV_EXAMPLE_PCI },
  code: `
export const metrics = () =>
  fetch("https://api.datadoghq.com/api/v2/metrics", { headers: { "DD-API-KEY": process.env.DATADOG_API_KEY ?? "" } });
`,
});

CASES.push({
  name: 'pci: axios.create({ baseURL, headers }) with a DD-API-KEY header',
  file: 'src/dd.ts',
  config: 'strict',
  extra: { '.env.example': ENV_EXAMPLE_PCI },
  code: `
import axios from "axios";

export const dd = axios.create({
  baseURL: "https://api.datadoghq.com/api/v2",
  headers: { "DD-API-KEY": process.env.DATADOG_API_KEY ?? "" }, ⟦pci⟧
});
`,
});


// ---- more shapes: libraries, options, env files, SDK versions -----------------------------------------------------
CASES.push({
  name: 'hs: Bearer generic in headers.set and searchParams.set api_key',
  file: 'src/p1.ts',
  code: `
export function build(url: URL, headers: Headers): void {
  headers.set("Authorization", \`Bearer ${S.generic9}\`); ⟦hs⟧
  url.searchParams.set("api_key", "${S.generic10}"); ⟦hs⟧
}
`,
});
CASES.push({
  name: 'hs: generic in class field apiKey, default param token, as const clientSecret',
  file: 'src/p2.ts',
  code: `
export class Acme {
  private apiKey = "${S.generic11}"; ⟦hs⟧
}
export function call(path: string, token = "${S.generic12}") { ⟦hs⟧
  return fetch(path, { headers: { Authorization: token } });
}
export const OAUTH = { clientSecret: "${S.generic13}" } as const; ⟦hs⟧
`,
});
CASES.push({
  name: 'hs: name=value in a comment and in a template .env text',
  file: 'src/p3.ts',
  code: `
// local testing: ACME_API_KEY=${S.generic1} ⟦hs⟧
export const envFile = \`ACME_WEBHOOK_SECRET=${S.generic2}
LOG_LEVEL=debug
\`; ⟦hs^2⟧
`,
});
CASES.push({
  name: 'hs: local default URL passwords are not reported; placeholders ghp_x, {{NOTION_TOKEN}}, <YOUR_NOTION_TOKEN>',
  file: 'src/p4.ts',
  code: `
export const LOCAL_DB = "postgres://postgres:postgres@localhost:5432/worker";
export const REDIS = "redis://default:password@127.0.0.1:6379";
export const t1 = { token: "ghp_${'x'.repeat(36)}" };
export const t2 = { token: "{{NOTION_TOKEN}}" };
export const t3 = { apiKey: "<YOUR_NOTION_TOKEN>" };
export const t4 = { secret: "sk_live_..." };
export const t5 = { password: "changeme" };
`,
});
CASES.push({
  name: 'hs: Postmark server token (UUID) in the X-Postmark-Server-Token header',
  file: 'src/p5.ts',
  code: `
export const send = (body: string) =>
  fetch("https://api.postmarkapp.com/email", {
    method: "POST",
    headers: { "X-Postmark-Server-Token": "${uuid(1200)}", Accept: "application/json" }, ⟦hs⟧
    body,
  });
`,
});
CASES.push({
  name: 'hs: a spec file under __tests__: a URL password and a Bearer generic are not reported, a PEM key is (.js)',
  file: 'src/__tests__/client.spec.js',
  code: `
const db = "postgres://u:${S.dbPass}@db.acme.io/x";
const h = { Authorization: "Bearer ${S.generic3}" };
const key = \`${S.pem.split('\n')[0]} ⟦hs⟧
${S.pem.split('\n').slice(1).join('\n')}
\`;
export { db, h, key };
`,
});
CASES.push({
  name: 'hs: CommonJS require + module.exports with a Mailchimp key and a Perplexity key',
  file: 'src/p7.cjs',
  code: `
const mailchimp = require("@mailchimp/mailchimp_marketing");
mailchimp.setConfig({ apiKey: "${S.mailchimp}", server: "us6" }); ⟦hs⟧
module.exports = { pplx: "${S.pplx}" }; ⟦hs⟧
`,
});
CASES.push({
  name: 'sc: octokit oauth-app scopes, HubSpot optional_scope, Microsoft URL-form scope, mail.google.com',
  file: 'src/p8.ts',
  code: `${HEAD_TS}
import { OAuthApp } from "@octokit/oauth-app";
export const app = new OAuthApp({
  clientType: "oauth-app",
  clientId: process.env.GH_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GH_OAUTH_CLIENT_SECRET ?? "",
  defaultScopes: ["read:user", "admin:repo_hook"], ⟦sc⟧
});
worker.oauth("hubspot", {
  name: "hubspot",
  authorizationEndpoint: "https://app.hubspot.com/oauth/authorize",
  tokenEndpoint: "https://api.hubapi.com/oauth/v1/token",
  scope: "crm.objects.contacts.read",
  authorizationParams: { optional_scope: "crm.objects.deals.write" }, ⟦sc⟧
  clientId: process.env.HUBSPOT_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.HUBSPOT_OAUTH_CLIENT_SECRET ?? "",
});
worker.oauth("graph", {
  name: "graph",
  authorizationEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
  tokenEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
  scope: "https://graph.microsoft.com/Sites.ReadWrite.All offline_access", ⟦sc⟧
  clientId: process.env.GRAPH_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GRAPH_OAUTH_CLIENT_SECRET ?? "",
});
worker.oauth("gmail", {
  name: "gmail",
  authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenEndpoint: "https://oauth2.googleapis.com/token",
  scope: ["https://mail.google.com/", "https://www.googleapis.com/auth/spreadsheets"], ⟦sc,sc⟧
  clientId: process.env.GMAIL_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GMAIL_OAUTH_CLIENT_SECRET ?? "",
});
`,
});
CASES.push({
  name: 'sc: spread of a const scope array, template literal, Slack array with admin; Atlassian',
  file: 'src/p9.ts',
  code: `${HEAD_TS}
const BASE = ["read:jira-user", "read:jira-work"] as const;
worker.oauth("jira", {
  name: "jira",
  authorizationEndpoint: "https://auth.atlassian.com/authorize",
  tokenEndpoint: "https://auth.atlassian.com/oauth/token",
  scope: [...BASE, "write:jira-work", "offline_access"].join(" "), ⟦sc⟧
  clientId: process.env.JIRA_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.JIRA_OAUTH_CLIENT_SECRET ?? "",
});
const SLACK_SCOPES = ["chat:write", "admin"]; ⟦sc⟧
worker.oauth("slack", {
  name: "slack",
  authorizationEndpoint: "https://slack.com/oauth/v2/authorize",
  tokenEndpoint: "https://slack.com/api/oauth.v2.access",
  scope: SLACK_SCOPES.join(","),
  clientId: process.env.SLACK_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.SLACK_OAUTH_CLIENT_SECRET ?? "",
});
`,
});
CASES.push({
  name: 'ce: template without runtime parts, concatenation, number id, conditional dev branch, || fallback',
  file: 'src/p10.ts',
  code: `${HEAD_TS}
const isProd = process.env.NODE_ENV === "production";
worker.oauth("acme", {
  name: "acme",
  authorizationEndpoint: "https://auth.acme.com/oauth/authorize",
  tokenEndpoint: "https://auth.acme.com/oauth/token",
  scope: "read",
  clientId: 1234567890, ⟦ce⟧
  clientSecret: isProd ? process.env.ACME_OAUTH_CLIENT_SECRET! : "local-dev-secret-123", ⟦ce⟧
});
worker.oauth("acme2", {
  name: "acme2",
  authorizationEndpoint: "https://auth.acme.com/oauth/authorize",
  tokenEndpoint: "https://auth.acme.com/oauth/token",
  scope: "read",
  clientId: \`acme-worker-client\`, ⟦ce⟧
  clientSecret: process.env.ACME2_OAUTH_CLIENT_SECRET || "fallback-secret", ⟦ce⟧
});
worker.oauth("acme3", {
  name: "acme3",
  authorizationEndpoint: "https://auth.acme.com/oauth/authorize",
  tokenEndpoint: "https://auth.acme.com/oauth/token",
  scope: "read",
  clientId: process.env.ACME3_OAUTH_CLIENT_ID ?? "",
  clientSecret: "acme3-" + "secret-value", ⟦ce⟧
});
`,
});
CASES.push({
  name: 'ep: [::1] and *.localhost allowed, user-info credentials, TODO, xxxx host, yourcompany host, runtime host',
  file: 'src/p11.ts',
  code: `${HEAD_TS}
const host = process.env.IDP_HOST ?? "localhost:9000";
const path = "/token";
worker.oauth("a", {
  name: "a",
  authorizationEndpoint: "http://[::1]:8080/authorize",
  tokenEndpoint: "http://auth.localhost/token",
  scope: "read",
  clientId: process.env.A_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.A_OAUTH_CLIENT_SECRET ?? "",
});
worker.oauth("b", {
  name: "b",
  authorizationEndpoint: "https://worker:hunter2hunter2@auth.acme.com/authorize", ⟦ep:credentialsInUrl,hs⟧
  tokenEndpoint: "TODO", ⟦ep⟧
  scope: "read",
  clientId: process.env.B_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.B_OAUTH_CLIENT_SECRET ?? "",
});
worker.oauth("c", {
  name: "c",
  authorizationEndpoint: "https://xxxx.okta.com/oauth2/v1/authorize", ⟦ep⟧
  tokenEndpoint: "https://yourcompany.okta.com/oauth2/v1/token", ⟦ep⟧
  scope: "openid",
  clientId: process.env.C_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.C_OAUTH_CLIENT_SECRET ?? "",
});
worker.oauth("d", {
  name: "d",
  authorizationEndpoint: \`http://\${host}/authorize\`,
  tokenEndpoint: "http://auth.acme.com" + path, ⟦ep⟧
  scope: "read",
  clientId: process.env.D_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.D_OAUTH_CLIENT_SECRET ?? "",
});
`,
});
CASES.push({
  name: 'log: console.table, console.assert, this.logger, logger.child, console.error(new Error), throw template, btoa',
  file: 'src/p12.ts',
  code: `
import pino from "pino";
const logger = pino();
const key = process.env.ACME_API_KEY ?? "";
console.table([{ key }]); ⟦log⟧
console.assert(key.length > 0, "key is", key); ⟦log⟧
logger.child({ svc: "acme" }).warn(\`key \${key}\`); ⟦log⟧
console.error(new Error(\`bad key \${key}\`)); ⟦log⟧
export class Svc {
  private readonly logger = pino();
  run(): void {
    this.logger.error({ basic: btoa(\`user:\${process.env.ACME_PASSWORD}\`) }); ⟦log⟧
    throw \`failed with \${encodeURIComponent(key)}\`; ⟦log⟧
  }
}
`,
});
CASES.push({
  name: 'log: getAccessToken() result, x-api-key header, config object property',
  file: 'src/p13.ts',
  code: `
declare function getAccessToken(): Promise<string>;
const config = { githubToken: process.env.GITHUB_TOKEN, baseUrl: "https://api.github.com" };
export async function handler(req: Request): Promise<void> {
  const t = await getAccessToken();
  console.info(\`token=\${t}\`); ⟦log⟧
  console.info("api key", req.headers.get("x-api-key")); ⟦log⟧
  console.info("cfg", config.githubToken); ⟦log⟧
  console.info("base", config.baseUrl);
}
`,
});
CASES.push({
  name: 'env: optional chaining, backtick key, nested destructuring of process, cjs require, writes not reported',
  file: 'src/p14.cjs',
  extra: { '.env.example': 'LISTED=\n' },
  code: `
const a = process.env?.ACME_A; ⟦env⟧
const b = process.env[\`ACME_B\`]; ⟦env⟧
const { env: { ACME_C } } = process; ⟦env⟧
const d = require("node:process").env.ACME_D; ⟦env⟧
process.env.ACME_E ??= "x";
delete process.env.ACME_F;
process.env.ACME_G = "y";
module.exports = { a, b, ACME_C, d, listed: process.env.LISTED };
`,
});
CASES.push({
  name: 'pci: shared new Headers, ky, token prefix, IP host not, NOTION_ name not, exported const not, headers.set not',
  file: 'src/p15.ts',
  config: 'strict',
  extra: { '.env.example': 'ACME_API_KEY=\nGITLAB_TOKEN=\nINTERNAL_API_KEY=\nNOTION_API_KEY=\nSENTRY_AUTH_TOKEN=\nHOOK_TOKEN=\n' },
  code: `
import ky from "ky";
const headers = new Headers({ "X-API-Key": process.env.ACME_API_KEY ?? "" }); ⟦pci⟧
export const items = () => fetch("https://api.acme.dev/v1/items", { headers });
export const projects = () => ky.get("https://gitlab.com/api/v4/projects", { headers: { "Private-Token": process.env.GITLAB_TOKEN ?? "" } }); ⟦pci⟧
export const internal = () => fetch("https://203.0.113.7/api", { headers: { "X-API-Key": process.env.INTERNAL_API_KEY ?? "" } });
export const notion = () => fetch("https://api.notion.com/v1/users", { headers: { Authorization: \`Bearer \${process.env.NOTION_API_KEY}\` } });
export const sentryToken = process.env.SENTRY_AUTH_TOKEN ?? "";
export const issues = () => fetch("https://sentry.io/api/0/issues/", { headers: { Authorization: \`Bearer \${sentryToken}\` } });
export const hook = () => { const h = new Headers(); h.set("Authorization", \`token \${process.env.HOOK_TOKEN}\`); return fetch("https://hooks.acme.dev/x", { headers: h }); };
`,
});


CASES.push({
  name: 'ce/sc/ep: worker imported from a helper module, config in a separate const',
  file: 'src/capabilities/github.ts',
  code: `
import worker from "../worker";

const githubConfig = {
  name: "github",
  authorizationEndpoint: "http://github.com/login/oauth/authorize", ⟦ep⟧
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "repo", ⟦sc⟧
  clientId: "${N.ghClientId}", ⟦ce⟧
  clientSecret: process.env.GITHUB_OAUTH_CLIENT_SECRET ?? "",
};

export const github = worker.oauth("github", githubConfig);
`,
});
CASES.push({
  name: 'sc: destructured env default scope, passport.authenticate, arctic createAuthorizationURL, authorizationParams.scope',
  file: 'src/q2.ts',
  code: `${HEAD_TS}
import passport from "passport";
import { GitHub } from "arctic";
const { GITLAB_SCOPES = "read_user api" } = process.env; ⟦sc⟧
worker.oauth("gitlab", {
  name: "gitlab",
  authorizationEndpoint: "https://gitlab.com/oauth/authorize",
  tokenEndpoint: "https://gitlab.com/oauth/token",
  scope: GITLAB_SCOPES,
  clientId: process.env.GITLAB_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GITLAB_OAUTH_CLIENT_SECRET ?? "",
});
export const login = passport.authenticate("github", { scope: ["read:user", "workflow"] }); ⟦sc⟧
const gh = new GitHub(process.env.GH_CLIENT_ID ?? "", process.env.GH_CLIENT_SECRET ?? "", "https://worker.acme.dev/cb");
export const url = gh.createAuthorizationURL("state", ["user:email", "site_admin"]); ⟦sc⟧
worker.oauth("box", {
  name: "box",
  authorizationEndpoint: "https://account.box.com/api/oauth2/authorize",
  tokenEndpoint: "https://api.box.com/oauth2/token",
  scope: "root_readonly",
  authorizationParams: { scope: "root_readwrite" }, ⟦sc⟧
  clientId: process.env.BOX_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.BOX_OAUTH_CLIENT_SECRET ?? "",
});
`,
});
CASES.push({
  name: 'sc: provider from the key only; forbid option; maxScopes counts short and URL forms once',
  file: 'src/q3.ts',
  rules: { 'worker-auth/no-broad-oauth-scopes': ['error', { forbid: ['read:org'], maxScopes: 2 }] },
  code: `${HEAD_TS}
worker.oauth("githubEnterprise", {
  name: "ghe",
  authorizationEndpoint: "https://ghe.acme-corp.com/login/oauth/authorize",
  tokenEndpoint: "https://ghe.acme-corp.com/login/oauth/access_token",
  scope: "read:org read:user", ⟦sc:forbiddenScope⟧
  clientId: process.env.GHE_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GHE_OAUTH_CLIENT_SECRET ?? "",
});
worker.oauth("msGraph", {
  name: "ms-graph",
  authorizationEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
  tokenEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
  scope: "User.Read https://graph.microsoft.com/User.Read Mail.Read",
  clientId: process.env.MS_GRAPH_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.MS_GRAPH_OAUTH_CLIENT_SECRET ?? "",
});
`,
});
CASES.push({
  name: 'ce: secret in another const object, arctic constructor, simple-oauth2 client, accessToken field',
  file: 'src/q4.ts',
  code: `${HEAD_TS}
import { Google } from "arctic";
import { AuthorizationCode } from "simple-oauth2";
const SECRETS = { github: "${S.generic4}" }; ⟦ce,hs⟧
worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "read:user",
  clientId: process.env.GITHUB_OAUTH_CLIENT_ID ?? "",
  clientSecret: SECRETS.github,
});
export const google = new Google("${N.googleClientId}", "${S.googleSecret}", "https://worker.acme.dev/cb"); ⟦ce,ce,hs⟧
export const client = new AuthorizationCode({
  client: { id: process.env.ACME_CLIENT_ID ?? "", secret: "${S.generic5}" }, ⟦ce,hs⟧
  auth: { tokenHost: "https://auth.acme.com" },
});
`,
});
CASES.push({
  name: 'ce: checkClientId off; ep: allowHttpLocalhost off, checkCallbackUrl off',
  file: 'src/q5.ts',
  rules: {
    'worker-auth/oauth-credentials-from-env': ['error', { checkClientId: false }],
    'worker-auth/oauth-endpoints-https': ['error', { allowHttpLocalhost: false, checkCallbackUrl: false }],
  },
  code: `${HEAD_TS}
worker.oauth("dev", {
  name: "dev",
  authorizationEndpoint: "http://localhost:9000/authorize", ⟦ep:insecureLocalhost⟧
  tokenEndpoint: "https://auth.acme.com/token",
  callbackUrl: "http://worker.acme.com/cb",
  scope: "read",
  clientId: "dev-client",
  clientSecret: process.env.DEV_OAUTH_CLIENT_SECRET ?? "",
});
`,
});
CASES.push({
  name: 'ep: simple-oauth2 http tokenHost, arctic http redirectURI, URL object origin template, two http branches',
  file: 'src/q6.ts',
  code: `${HEAD_TS}
import { AuthorizationCode } from "simple-oauth2";
import { GitHub } from "arctic";
export const c = new AuthorizationCode({
  client: { id: process.env.ACME_CLIENT_ID ?? "", secret: process.env.ACME_CLIENT_SECRET ?? "" },
  auth: { tokenHost: "http://auth.acme.com" }, ⟦ep⟧
});
export const gh = new GitHub(process.env.GH_CLIENT_ID ?? "", process.env.GH_CLIENT_SECRET ?? "", "http://worker.acme.dev/cb"); ⟦ep⟧
const idp = new URL("http://idp.acme.com/"); ⟦ep⟧
const stage = process.env.STAGE;
worker.oauth("idp", {
  name: "idp",
  authorizationEndpoint: stage === "a" ? "http://a.idp.acme.com/authorize" : "http://b.idp.acme.com/authorize", ⟦ep,ep⟧
  tokenEndpoint: \`\${idp.origin}/token\`,
  scope: "read",
  clientId: process.env.IDP_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.IDP_OAUTH_CLIENT_SECRET ?? "",
});
`,
});
CASES.push({
  name: 'hs: Basic auth literal, token as an object key, token in a regex literal, String.raw, template fallback',
  file: 'src/q7.ts',
  code: `
export const basic = { Authorization: "Basic ${Buffer.from('svc-worker:' + S.generic6).toString('base64')}" }; ⟦hs⟧
export const OWNERS: Record<string, string> = { "${S.ghoOld}": "ci-bot" }; ⟦hs⟧
export const scrub = (s: string) => s.replace(/${S.ghpInRegex}/g, "[redacted]"); ⟦hs⟧
export const raw = String.raw\`token ${S.airtable}\`; ⟦hs⟧
export const key = process.env.OPENAI_API_KEY ?? \`${S.openai}\`; ⟦hs:hardcodedFallback⟧
`,
});
CASES.push({
  name: 'hs: options allowValues, ignoreProviders, extraPatterns',
  file: 'src/q8.ts',
  rules: {
    'worker-auth/no-hardcoded-secrets': [
      'error',
      {
        allowValues: [S.generic7],
        ignoreProviders: ['google-api-key'],
        extraPatterns: [{ name: 'Acme API key', pattern: 'acme_live_[A-Za-z0-9]{32}', keyword: 'acme_live_', envName: 'ACME_API_KEY' }],
      },
    ],
  },
  code: `
export const firebase = { apiKey: "${S.googleKey}", projectId: "acme-prod" };
export const demo = { apiKey: "${S.generic7}" };
export const acme = "acme_live_${randomString(CHARSETS.b62, 32, 1300)}"; ⟦hs⟧
`,
});
CASES.push({
  name: 'hs: low-entropy and word-like values in secret-named places are not secrets; hex 32 in a secret place is',
  file: 'src/q9.ts',
  code: `
export const a = { password: "correct-horse-battery-staple" };
export const b = { apiKey: "development_api_key_for_local" };
export const c = { token: "aaaaaaaaaaaaaaaaaaaaaaaa" };
export const d = { webhookSecret: "${hex(32, 1301)}" }; ⟦hs⟧
export const e = { secretKeyRef: "projects/acme/secrets/stripe/versions/latest" };
`,
});
CASES.push({
  name: 'log: console.dir of a headers const, Error() without new, custom XError, console.log(process.env), loggers option',
  file: 'src/q10.ts',
  rules: { 'worker-auth/no-logged-secrets': ['error', { loggers: ['audit'] }] },
  code: `
declare const audit: { info: (...a: unknown[]) => void };
class UpstreamError extends Error {}
const key = process.env.ACME_API_KEY ?? "";
const headers = { Authorization: \`Bearer \${key}\`, Accept: "application/json" };
console.dir(headers); ⟦log⟧
export const e1 = Error("bad " + key); ⟦log⟧
export const e2 = new UpstreamError(\`upstream rejected \${key}\`); ⟦log⟧
console.log(process.env); ⟦log⟧
audit.info("key", key); ⟦log⟧
const { env: { STRIPE_SECRET_KEY } } = process;
console.log(\`stripe \${STRIPE_SECRET_KEY}\`); ⟦log⟧
`,
});
CASES.push({
  name: 'env: the nearest .env.example wins in a monorepo; allowNames prefix',
  file: 'workers/billing/src/index.ts',
  rules: { 'worker-auth/env-example-in-sync': ['error', { allowNames: ['VERCEL_*'] }] },
  extra: { '.env.example': 'ROOT_ONLY=\nSHARED=\n', 'workers/billing/.env.example': 'SHARED=\nBILLING_KEY=\n' },
  code: `
export const a = process.env.SHARED;
export const b = process.env.BILLING_KEY;
export const c = process.env.ROOT_ONLY; ⟦env⟧
export const d = process.env.VERCEL_GIT_COMMIT_SHA;
`,
});
CASES.push({
  name: 'pci: axios({ url, headers }), got, "token " + key, destructured key, allowHosts, localhost not',
  file: 'src/q12.ts',
  config: 'strict',
  rules: { 'worker-auth/prefer-credential-injection': ['error', { allowHosts: ['*.allowed.dev'] }] },
  extra: { '.env.example': 'A_KEY=\nB_TOKEN=\nC_TOKEN=\nD_API_KEY=\nE_API_KEY=\nF_API_KEY=\n' },
  code: `
import axios from "axios";
import got from "got";
const { C_TOKEN } = process.env; ⟦pci⟧
export const a = () => axios({ url: "https://api.a.dev/x", method: "get", headers: { "X-API-Key": process.env.A_KEY ?? "" } }); ⟦pci⟧
export const b = () => got("https://api.b.dev/items", { headers: { Authorization: "token " + process.env.B_TOKEN } }); ⟦pci⟧
export const c = () => fetch("https://api.c.dev/x", { headers: { Authorization: \`Bearer \${C_TOKEN}\` } });
export const d = () => fetch("https://api.allowed.dev/x", { headers: { "X-API-Key": process.env.D_API_KEY ?? "" } });
export const e = () => fetch("https://localhost:8443/x", { headers: { "X-API-Key": process.env.E_API_KEY ?? "" } });
`,
});
CASES.push({
  name: 'hs: a key in a JSX attribute and JSX text (tsx), decorator argument',
  file: 'src/q13.tsx',
  code: `
declare function Secret(v: string): PropertyDecorator;
export class Cfg {
  @Secret("${S.pplx}") ⟦hs⟧
  key!: string;
}
export const Embed = () => <iframe data-token="${S.figma}" title="figma" />; ⟦hs⟧
export const Help = () => <p>Use ${S.resend} for testing</p>; ⟦hs⟧
`,
});


CASES.push({
  name: 'cef: a real token in .env.example (also commented out) is reported on the worker entry file',
  file: 'src/index.ts',
  extra: { '.env.example': `LINEAR_API_KEY=<paste your key>\nGITHUB_TOKEN=${S.ghp}\n# SLACK_BOT_TOKEN=${S.slackBot}\nAPI_KEY=your-api-key-here\n` },
  code: `${HEAD_TS} ⟦cef^2,cef^2⟧
`,
});
CASES.push({
  name: 'cef: .env.local not ignored (only .env listed) outside git',
  file: 'src/index.ts',
  extra: { '.gitignore': 'node_modules\n.env\n', '.env.local': 'A=1\n' },
  code: `${HEAD_TS} ⟦cef^2⟧
`,
});
CASES.push({
  name: 'hs: eslint-disable-next-line with a reason; checkComments off; fixtures/ folder generic not reported',
  file: 'src/fixtures/acme.ts',
  rules: { 'worker-auth/no-hardcoded-secrets': ['error', { checkComments: false }] },
  code: `
// eslint-disable-next-line worker-auth/no-hardcoded-secrets -- public demo key of the sandbox
export const demo = "${S.stripe}";
// old: ${S.slackOld}
export const fixture = { apiKey: "${S.generic9}", password: "${S.generic10}" };
export const real = "${S.hubspot}"; ⟦hs⟧
`,
});
CASES.push({
  name: 'hs: a project kept under ~/test/my-worker is not all test files',
  file: 'src/index.ts',
  under: 'test/my-worker',
  code: `
export const crm = { apiKey: "${S.generic11}" }; ⟦hs⟧
`,
});
CASES.push({
  name: 'hs: testFiles off silences a test file completely',
  file: 'src/a.test.ts',
  rules: { 'worker-auth/no-hardcoded-secrets': ['error', { testFiles: 'off' }] },
  code: `
export const t = "${S.ghp}";
`,
});
CASES.push({
  name: 'ce: a non-empty client id fallback is reported; a non-null assertion of an env read is accepted',
  file: 'src/r6.ts',
  code: `${HEAD_TS}
worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "read:user",
  clientId: process.env.GITHUB_OAUTH_CLIENT_ID ?? "${N.ghClientId}", ⟦ce:hardcodedFallback⟧
  clientSecret: process.env.GITHUB_OAUTH_CLIENT_SECRET!,
});
`,
});
CASES.push({
  name: 'log: a const request init holding the headers, a property of a headers const, ?? carrier, logged error object',
  file: 'src/r8.ts',
  code: `
import pino from "pino";
const logger = pino();
const key = process.env.ACME_API_KEY;
const init = { method: "POST", headers: { Authorization: \`Bearer \${key}\` } };
logger.debug("request init", init); ⟦log⟧
const headers = { "X-API-Key": \`\${key}\` };
console.log(headers["X-API-Key"]); ⟦log⟧
console.log(key ?? "none"); ⟦log⟧
const err = new Error(\`rejected \${key}\`); ⟦log⟧
console.error(err);
`,
});
CASES.push({
  name: 'env: process module by another name, NOTION runtime names, .mjs',
  file: 'src/r9.mjs',
  extra: { '.env.example': 'LISTED=\n' },
  code: `
import proc from "node:process";
import * as p2 from "node:process";
export const a = proc.env.ACME_A; ⟦env⟧
export const b = p2.env.ACME_B; ⟦env⟧
export const c = process.env.NOTION_RUN_METADATA_PATH;
export const d = process.env.TZ;
`,
});
CASES.push({
  name: 'pci: node_modules SDK 0.9.1 wins over the ^0.9.2 range (silent)',
  file: 'src/r10.ts',
  config: 'strict',
  extra: { '.env.example': 'ACME_API_KEY=\n', 'node_modules/@notionhq/workers/package.json': JSON.stringify({ name: '@notionhq/workers', version: '0.9.1' }) },
  code: `
export const x = () => fetch("https://api.acme.dev/x", { headers: { "X-API-Key": process.env.ACME_API_KEY ?? "" } });
`,
});
CASES.push({
  name: 'pci: ranges: ^0.9.2 || ^1.0.0 reports',
  file: 'src/r11.ts',
  config: 'strict',
  sdk: '^0.9.2 || ^1.0.0',
  extra: { '.env.example': 'ACME_API_KEY=\n' },
  code: `
export const x = () => fetch("https://api.acme.dev/x", { headers: { "X-API-Key": process.env.ACME_API_KEY ?? "" } }); ⟦pci⟧
`,
});
CASES.push({
  name: 'pci: a `latest` SDK range (no lower bound) is silent',
  file: 'src/r12.ts',
  config: 'strict',
  sdk: 'latest',
  extra: { '.env.example': 'ACME_API_KEY=\n' },
  code: `
export const x = () => fetch("https://api.acme.dev/x", { headers: { "X-API-Key": process.env.ACME_API_KEY ?? "" } });
`,
});
CASES.push({
  name: 'pci: a key both sent and logged is not reported (pci), log is',
  file: 'src/r13.ts',
  config: 'strict',
  extra: { '.env.example': 'ACME_API_KEY=\n' },
  code: `
const key = process.env.ACME_API_KEY ?? "";
export const x = () => fetch("https://api.acme.dev/x", { headers: { "X-API-Key": key } });
console.log("key", key); ⟦log⟧
`,
});
CASES.push({
  name: 'pci: worker declared in another file: reported without a suggestion',
  file: 'src/r14.ts',
  config: 'strict',
  extra: { '.env.example': 'ACME_API_KEY=\n' },
  code: `
export const x = () => fetch("https://api.acme.dev/x", { headers: { "X-API-Key": process.env.ACME_API_KEY ?? "" } }); ⟦pci⟧
`,
  then: (messages) => {
    expect(messages[0]!.suggestions ?? []).toEqual([]);
  },
});

CASES.push({
  name: 'sc: a plain OAuth config object with authorizationParams.user_scope and a read-all bot scope',
  file: 'src/x2.ts',
  code: `
export const slackOAuth = {
  authorizationUrl: "https://slack.com/oauth/v2/authorize",
  tokenUrl: "https://slack.com/api/oauth.v2.access",
  scope: "chat:write,users:read.email", ⟦sc⟧
  authorizationParams: { user_scope: "channels:history" }, ⟦sc⟧
  clientId: process.env.SLACK_CLIENT_ID ?? "",
};
`,
});




CASES.push({
  name: 'hs: api_key in a concatenated URL chain; enum member; ambient declare',
  file: 'src/y1.ts',
  code: `
export const url = "https://api.acme-metrics.io/v1/series?api_key=" + "${S.generic12}"; ⟦hs⟧
export enum Keys {
  Stripe = "${S.stripeNext}", ⟦hs⟧
}
declare const LEGACY: "${S.linear}"; ⟦hs⟧
`,
  then: (messages) => {
    expect(messages.slice(1).every((m) => (m.suggestions ?? []).length === 0)).toBe(true);
  },
});
CASES.push({
  name: 'hs: test file: prefix-certain Anthropic and Google keys reported; stories file generic not',
  file: 'src/components/Card.stories.tsx',
  code: `
export const a = { apiKey: "${S.anthropic}" }; ⟦hs⟧
export const g = "${S.googleKey}"; ⟦hs⟧
export const c = { clientSecret: "${S.generic13}" };
`,
});
CASES.push({
  name: 'log: throw JSON.stringify(process.env); accessToken() of an imported handle',
  file: 'src/y3.ts',
  code: `
import { github } from "./auth";
export async function run(): Promise<void> {
  const token = await github.accessToken();
  console.info({ token }); ⟦log⟧
  throw new Error(JSON.stringify(process.env)); ⟦log⟧
}
`,
});
CASES.push({
  name: 'pci: a host from a const base URL',
  file: 'src/y4.ts',
  config: 'strict',
  extra: { '.env.example': 'ACME_API_KEY=\n' },
  code: `
const BASE = "https://api.acme.dev/v1";
export const items = () => fetch(\`\${BASE}/items\`, { headers: { "X-API-Key": process.env.ACME_API_KEY ?? "" } }); ⟦pci⟧
`,
});
CASES.push({
  name: 'sc: property of a const object; ep: template on an http const base',
  file: 'src/y5.ts',
  code: `${HEAD_TS}
const SCOPES = { github: "repo read:user" } as const; ⟦sc⟧
const AUTH_BASE = "http://auth.acme-idp.com";
worker.oauth("github", {
  name: "github",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: SCOPES.github,
  clientId: process.env.GITHUB_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.GITHUB_OAUTH_CLIENT_SECRET ?? "",
});
worker.oauth("acme", {
  name: "acme",
  authorizationEndpoint: \`\${AUTH_BASE}/authorize\`, ⟦ep⟧
  tokenEndpoint: "https://auth.acme-idp.com/token",
  scope: "read",
  clientId: process.env.ACME_OAUTH_CLIENT_ID ?? "",
  clientSecret: process.env.ACME_OAUTH_CLIENT_SECRET ?? "",
});
`,
});
CASES.push({
  name: 'hs: a base64 HMAC signing key constant is reported; a commit SHA is not (.js)',
  file: 'src/y6.js',
  code: `
export const WEBHOOK_SIGNING_KEY = "${randomString(CHARSETS.b64, 43, 1400)}="; ⟦hs⟧
export const COMMIT_SHA = "${hex(40, 1401)}";
`,
});

// --- gaps found by the held-out set, fixed (the comment says what the docs expect and what happened before) ------

// Expected: nothing. docs/rules/no-hardcoded-secrets.md, `testFiles`: "high-confidence" reports "only prefix- or
// checksum-certain provider tokens and private keys (… a JWT, a URL password, … is not reported)". Actual: a Supabase
// service_role JWT in `*.spec.js` under `__tests__/` was reported ("Supabase service role key … is hardcoded").
CASES.push({
  name: 'hs: a JWT (Supabase service_role) in a test file is not reported with testFiles "high-confidence"',
  file: 'src/__tests__/supabase.spec.js',
  code: `
import { createClient } from "@supabase/supabase-js";
export const admin = createClient("https://db.acme.test", "${S.serviceJwt}");
`,
});

// Expected: `channels:history` reported (one finding on the user_scope line). docs/rules/no-broad-oauth-scopes.md:
// "Slack `user_scope`, HubSpot `optional_scope` and a `scope` in `authorizationParams` … are checked too", and the
// Slack row lists `channels:history` under "also checked: `user_scope`". Before: nothing; only a `user_scope` inside
// `authorizationParams` was read (the same object with `authorizationParams: { user_scope }` was reported).
CASES.push({
  name: 'sc: a Slack `user_scope` written at the top level of a plain OAuth config object is checked',
  file: 'src/r7.ts',
  code: `
export const slackOAuth = {
  authorizationUrl: "https://slack.com/oauth/v2/authorize",
  tokenUrl: "https://slack.com/api/oauth.v2.access",
  scope: "chat:write",
  user_scope: "channels:history,users:read", ⟦sc⟧
  clientId: process.env.SLACK_CLIENT_ID ?? "",
  clientSecret: process.env.SLACK_CLIENT_SECRET ?? "",
};
`,
});

// --- run -----------------------------------------------------------------------------------------------------------

describe('realistic workers, third held-out set', () => {
  for (const c of CASES) it(c.name, () => check(c));
});

