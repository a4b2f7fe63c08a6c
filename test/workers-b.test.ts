/**
 * Second, independent corpus of realistic Notion Worker code (`test/fixtures/workers-b/*.tmpl`), written against the
 * rule docs only. Every credential is generated here at run time; the templates hold markers.
 *
 * Markers:
 *   {{secret:<formatId>}}     fakeToken(id, seed), a secret-class format
 *   {{public:<formatId>}}     fakeToken(id, seed), a publishable/identifier format (look-alike)
 *   {{lookalike:<formatId>}}  lookalike(id): a near miss the format must reject (look-alike)
 *   {{generic:<n>}}           fakeGenericSecret(seed): 32–40 random base62 chars
 *   {{password:<n>}}          16 random base62 chars (for URLs and password fields)
 *   {{basic:<user>}}          base64(`<user>:<generic secret>`) for `Authorization: Basic …`
 *   {{jwt:service_role}}      Supabase service_role JWT (secret); {{jwt:anon}} / {{jwt:expired}} are look-alikes
 *   {{pem:<LABEL>}}           a real PEM block made now (multi-line, for template literals); PUBLIC labels: look-alike
 *   {{pemesc:<LABEL>}}        the same with `\n` escapes, for a one-line string literal
 *   {{sshpub:ed25519}}        an OpenSSH public key line (look-alike)
 *   {{docexample:<id>}}       a vendor's documented example key (look-alike), assembled from pieces here
 *
 * Expectations: a trailing `expect: <rule>[, <rule>…]` on the template line (the line where the value starts); an
 * id repeated means two reports on that line. Hand-written look-alikes carry `la:` on their line (counted only).
 *
 * Compared line by line (multiset of (line, rule)): no-hardcoded-secrets, no-broad-oauth-scopes,
 * oauth-credentials-from-env, oauth-endpoints-https, no-logged-secrets (pure AST rules).
 * Not compared on the corpus (they read `.env.example`, `package.json`, `node_modules` and git state near the file,
 * which a virtual `workers-b/<name>` file does not have): env-example-in-sync, no-committed-env-files,
 * prefer-credential-injection. Those three are tested in a small project written to a `fs.mkdtemp` folder and
 * linted with the `ESLint` class (bottom of this file).
 *
 * Output never contains a generated value: messages are printed only after every 8-char run of every generated
 * secret has been masked, and the construct column prints the template line (markers, not values).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_FORMATS } from '../src/detect/providers.js';
import plugin from '../src/index.js';
import { buildPem, buildSshPublicKey } from './support/corpus.js';
import { CHARSETS, fakeGenericSecret, fakeToken, lookalike, randomString } from './support/fake-tokens.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'workers-b');
const P = 'worker-auth/';

const SECRETS = `${P}no-hardcoded-secrets`;
const SCOPES = `${P}no-broad-oauth-scopes`;
const CREDS = `${P}oauth-credentials-from-env`;
const HTTPS = `${P}oauth-endpoints-https`;
const LOGGED = `${P}no-logged-secrets`;
const COMPARED = [SECRETS, SCOPES, CREDS, HTTPS, LOGGED] as const;
const ENV_RULES = [`${P}env-example-in-sync`, `${P}no-committed-env-files`, `${P}prefer-credential-injection`];

/** Required size of the corpus (mirrors the held-out sets of issues 3 and 4). */
const MIN = { files: 14, secrets: 58, providers: 35, lookalikes: 25, scopeConfigs: 8, clientValues: 6, http: 1 };
const MIN_SECRET_RECALL = 0.97;
const MAX_SECRET_FP = 1;

// ── generation ───────────────────────────────────────────────────────────────────────────────────────────

const formatById = new Map(TOKEN_FORMATS.map((f) => [f.id, f]));

/** The public, fixed head and tail of a format: common to several fakes (and the declared prefix). */
function fixedEnds(id: string): { head: number; tail: number } {
  const samples = [11, 22, 33, 44].map((s) => fakeToken(id, s));
  let head = 0;
  while (samples.every((s) => s[head] === samples[0]![head]) && head < samples[0]!.length) head++;
  let tail = 0;
  while (samples.every((s) => s[s.length - 1 - tail] === samples[0]![samples[0]!.length - 1 - tail]) && tail < samples[0]!.length)
    tail++;
  const prefix = formatById.get(id)?.prefix?.length ?? 0;
  return { head: Math.max(head, prefix), tail };
}

function b64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function buildJwt(kind: string, seed: number): { value: string; secretParts: string[] } {
  const now = Math.floor(Date.now() / 1000);
  const ref = randomString(CHARSETS.lower, 20, seed);
  const sig = randomString(CHARSETS.b64url, 43, seed + 1);
  const payload =
    kind === 'expired'
      ? { iss: 'https://auth.acme-worker.io', sub: randomString(CHARSETS.hex, 24, seed + 2), role: 'authenticated', iat: now - 200_000, exp: now - 100_000 }
      : { iss: 'supabase', ref, role: kind, iat: now - 60, exp: now + 10 * 365 * 86_400 };
  const value = `${b64urlJson({ alg: 'HS256', typ: 'JWT' })}.${b64urlJson(payload)}.${sig}`;
  return { value, secretParts: [sig, ref] };
}


/** Vendors' documented example keys, assembled from pieces so no file holds them whole. */
const DOC_EXAMPLES: Record<string, string> = {
  'stripe-secret': 'sk' + '_test_' + '4eC39HqLyjWDarjtT1zdp7dc',
  'aws-secret': 'wJalrXUtnFEMI' + '/K7MDENG/' + 'bPxRfiCY' + 'EXAMPLEKEY',
};

interface Generated {
  readonly value: string;
  /** Provider for a reported secret (stats), undefined for look-alikes. */
  readonly provider?: string;
  readonly secret: boolean;
  readonly lookalike: boolean;
  /** Random material that no message may contain (8-char runs of it). */
  readonly parts: readonly string[];
  readonly problem?: string;
}

let seedCounter = 91_001;

function generate(kind: string, arg: string): Generated {
  const seed = seedCounter++;
  switch (kind) {
    case 'secret':
    case 'public':
    case 'lookalike': {
      const format = formatById.get(arg);
      if (!format) return { value: 'unknown', secret: false, lookalike: false, parts: [], problem: `unknown format id ${arg}` };
      if (kind === 'lookalike') return { value: lookalike(arg), secret: false, lookalike: true, parts: [] };
      const value = fakeToken(arg, seed);
      if (kind === 'public') {
        const problem = format.class === 'secret' ? `${arg} is a secret format, used as {{public:}}` : undefined;
        return { value, secret: false, lookalike: true, parts: [], ...(problem ? { problem } : {}) };
      }
      const problem = format.class !== 'secret' ? `${arg} is class ${format.class}, used as {{secret:}}` : undefined;
      const { head, tail } = fixedEnds(arg);
      const random = value.slice(head, value.length - tail);
      return { value, provider: format.provider, secret: true, lookalike: false, parts: [random], ...(problem ? { problem } : {}) };
    }
    case 'generic': {
      const value = fakeGenericSecret(seed);
      return { value, provider: 'generic', secret: true, lookalike: false, parts: [value] };
    }
    case 'password': {
      const value = randomString(CHARSETS.b62, 16, seed);
      return { value, provider: 'password in URL/config', secret: true, lookalike: false, parts: [value] };
    }
    case 'basic': {
      const password = fakeGenericSecret(seed);
      const value = Buffer.from(`${arg}:${password}`).toString('base64');
      return { value, provider: 'Basic auth', secret: true, lookalike: false, parts: [value.slice(8), password] };
    }
    case 'jwt': {
      const { value, secretParts } = buildJwt(arg, seed);
      const secret = arg === 'service_role';
      return { value, secret, lookalike: !secret, parts: secret ? secretParts : [], ...(secret ? { provider: 'Supabase' } : {}) };
    }
    case 'pem':
    case 'pemesc': {
      const pem = buildPem(arg);
      const secret = arg.includes('PRIVATE');
      const body = pem.split('\n').filter((l) => !l.startsWith('-----'));
      const value = kind === 'pemesc' ? pem.replace(/\n/g, '\\n') : pem;
      return { value, secret, lookalike: !secret, parts: secret ? body : [], ...(secret ? { provider: 'PEM' } : {}) };
    }
    case 'sshpub':
      return { value: buildSshPublicKey(), secret: false, lookalike: true, parts: [] };
    case 'fill': {
      // {{fill:ghp_|x|36}}: a prefix and filler, a placeholder built at run time (no token-shaped text in the repo)
      const [prefix = '', ch = 'x', count = '0'] = arg.split('|');
      return { value: prefix + ch.repeat(Number(count)), secret: false, lookalike: true, parts: [] };
    }
    case 'docexample': {
      const value = DOC_EXAMPLES[arg];
      if (!value) return { value: 'unknown', secret: false, lookalike: false, parts: [], problem: `unknown doc example ${arg}` };
      return { value, secret: false, lookalike: true, parts: [] };
    }
    default:
      return { value: 'unknown', secret: false, lookalike: false, parts: [], problem: `unknown marker kind ${kind}` };
  }
}

const MARKER = /\{\{(secret|public|lookalike|generic|password|basic|jwt|pem|pemesc|sshpub|docexample|fill):([^{}\n]*)\}\}/g;
const EXPECT = /\bexpect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/;

interface Expectation {
  readonly line: number;
  readonly rule: string;
}
interface Rendered {
  readonly name: string;
  readonly filename: string;
  readonly text: string;
  /** Template source per rendered start line (markers, never values), for printing. */
  readonly source: Map<number, string>;
  readonly expectations: readonly Expectation[];
  readonly generated: readonly (Generated & { line: number; marker: string })[];
  readonly handLookalikes: number;
  readonly problems: readonly string[];
}

function render(name: string, template: string): Rendered {
  const out: string[] = [];
  const source = new Map<number, string>();
  const expectations: Expectation[] = [];
  const generated: (Generated & { line: number; marker: string })[] = [];
  const problems: string[] = [];
  let handLookalikes = 0;
  let line = 1;
  for (const src of template.split('\n')) {
    source.set(line, src.trim());
    let rendered = '';
    let last = 0;
    for (const m of src.matchAll(MARKER)) {
      rendered += src.slice(last, m.index);
      const g = generate(m[1]!, m[2]!);
      if (g.problem) problems.push(`${name}: ${g.problem}`);
      const markerLine = line + (rendered.match(/\n/g)?.length ?? 0);
      generated.push({ ...g, line: markerLine, marker: `${m[1]}:${m[2]}` });
      rendered += g.value;
      last = m.index + m[0].length;
    }
    rendered += src.slice(last);
    const e = EXPECT.exec(src);
    if (e) for (const rule of e[1]!.split(',')) expectations.push({ line, rule: P + rule.trim() });
    handLookalikes += src.match(/\bla:/g)?.length ?? 0;
    out.push(rendered);
    line += rendered.split('\n').length;
  }
  for (const ex of expectations) {
    if (!(COMPARED as readonly string[]).includes(ex.rule)) problems.push(`${name}:${ex.line}: unknown or uncompared rule ${ex.rule}`);
  }
  const filename = `workers-b/${name.replace(/\.tmpl$/, '')}`;
  return { name, filename, text: out.join('\n'), source, expectations, generated, handLookalikes, problems };
}

// ── linting ─────────────────────────────────────────────────────────────────────────────────────────────

function languageConfigs(): Linter.Config[] {
  return [
    { files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser as never } },
    { files: ['**/*.tsx'], languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } } },
    {
      files: ['**/*.js', '**/*.mjs', '**/*.jsx'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { files: ['**/*.cjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
    plugin.configs.all,
  ];
}

/** Every 8-char run of every generated secret part. */
function windowsOf(parts: readonly string[], size = 8): Set<string> {
  const out = new Set<string>();
  for (const p of parts) for (let i = 0; i + size <= p.length; i++) out.add(p.slice(i, i + size));
  return out;
}

function leaks(text: string, windows: Set<string>): boolean {
  for (let i = 0; i + 8 <= text.length; i++) if (windows.has(text.slice(i, i + 8))) return true;
  return false;
}

/** The message with any run that belongs to a generated secret masked, for printing. */
function safe(text: string, windows: Set<string>): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (i + 8 <= text.length && windows.has(text.slice(i, i + 8))) {
      out += '«masked»';
      i += 8;
      while (i < text.length && windows.has(text.slice(i - 7, i + 1))) i++;
    } else out += text[i++];
  }
  return out.length > 170 ? out.slice(0, 167) + '…' : out;
}

interface Diff {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly kind: 'miss' | 'fp';
  readonly construct: string;
  readonly message?: string;
}

interface FileResult {
  readonly r: Rendered;
  readonly messages: Linter.LintMessage[];
  readonly fatal: string[];
  readonly diffs: Diff[];
  readonly envRuleReports: string[];
}

const key = (line: number, rule: string) => `${line}\u0000${rule}`;

function lintFile(linter: Linter, r: Rendered, windows: Set<string>): FileResult {
  const messages = linter.verify(r.text, languageConfigs(), { filename: r.filename });
  const fatal = messages.filter((m) => m.fatal || m.ruleId === null).map((m) => `${r.filename}:${m.line} ${safe(m.message, windows)}`);
  const expected = new Map<string, number>();
  for (const e of r.expectations) expected.set(key(e.line, e.rule), (expected.get(key(e.line, e.rule)) ?? 0) + 1);
  const actual = new Map<string, Linter.LintMessage[]>();
  for (const m of messages) {
    if (!m.ruleId || !(COMPARED as readonly string[]).includes(m.ruleId)) continue;
    const k = key(m.line, m.ruleId);
    actual.set(k, [...(actual.get(k) ?? []), m]);
  }
  const diffs: Diff[] = [];
  for (const k of new Set([...expected.keys(), ...actual.keys()])) {
    const [lineText, rule] = k.split('\u0000') as [string, string];
    const line = Number(lineText);
    const want = expected.get(k) ?? 0;
    const got = actual.get(k) ?? [];
    const construct = r.source.get(line) ?? '(inside a generated multi-line value)';
    for (let i = got.length; i < want; i++) diffs.push({ file: r.filename, line, rule, kind: 'miss', construct });
    // a false positive prints every report of that rule on the line (which one is extra is not knowable)
    if (got.length > want) {
      const all = got.map((m) => `@${m.column}: ${safe(m.message, windows)}`).join('\n                  ');
      for (let i = want; i < got.length; i++) diffs.push({ file: r.filename, line, rule, kind: 'fp', construct, message: all });
    }
  }
  diffs.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
  const envRuleReports = messages
    .filter((m) => m.ruleId && ENV_RULES.includes(m.ruleId))
    .map((m) => `${r.filename}:${m.line} ${m.ruleId} ${safe(m.message, windows)}`);
  return { r, messages, fatal, diffs, envRuleReports };
}

// ── the corpus run ──────────────────────────────────────────────────────────────────────────────────────

const names = readdirSync(DIR)
  .filter((n) => n.endsWith('.tmpl'))
  .sort();
const rendered = names.map((n) => render(n, readFileSync(join(DIR, n), 'utf8')));
const allWindows = windowsOf(rendered.flatMap((r) => r.generated.flatMap((g) => g.parts)));
const results: FileResult[] = [];

function count(rule: string, kind?: 'miss' | 'fp'): number {
  if (!kind) return rendered.reduce((n, r) => n + r.expectations.filter((e) => e.rule === rule).length, 0);
  return results.reduce((n, f) => n + f.diffs.filter((d) => d.rule === rule && d.kind === kind).length, 0);
}

/** Labels of generated secrets that are not a provider. */
const SYNTHETIC = ['generic', 'password in URL/config', 'Basic auth'];

function stats() {
  const secretLines = new Set<string>();
  for (const r of rendered) for (const e of r.expectations) if (e.rule === SECRETS) secretLines.add(`${r.name}:${e.line}`);
  const secretMarkers = rendered.flatMap((r) => r.generated.filter((g) => g.secret).map((g) => ({ ...g, name: r.name })));
  const reportedSecretMarkers = secretMarkers.filter((g) => secretLines.has(`${g.name}:${g.line}`));
  const providers = new Set(reportedSecretMarkers.map((g) => g.provider).filter((p): p is string => !!p && !SYNTHETIC.includes(p)));
  const lookalikes =
    rendered.reduce((n, r) => n + r.handLookalikes, 0) + rendered.reduce((n, r) => n + r.generated.filter((g) => g.lookalike).length, 0);
  /** A secret marker on a line without a no-hardcoded-secrets expectation outside test files: a template mistake. */
  const unannotated = secretMarkers
    .filter((g) => !secretLines.has(`${g.name}:${g.line}`) && !g.name.includes('.test.'))
    .map((g) => `${g.name}:${g.line} ${g.marker}`);
  return {
    files: rendered.length,
    exts: [...new Set(rendered.map((r) => r.name.replace(/^.*?\.(test\.)?/, '').replace(/\.tmpl$/, '')))].sort(),
    secrets: count(SECRETS),
    providers: providers.size,
    providerNames: [...providers].sort(),
    lookalikes,
    scopeFindings: count(SCOPES),
    clientValues: count(CREDS),
    https: count(HTTPS),
    logged: count(LOGGED),
    unannotated,
  };
}

function printReport(): void {
  const lines: string[] = [];
  const s = stats();
  lines.push('');
  lines.push('══ workers-b corpus ══');
  lines.push(
    `files ${s.files} (${s.exts.join(', ')}) · secrets ${s.secrets} from ${s.providers} providers (+generic) · look-alikes ${s.lookalikes} · ` +
      `scope findings ${s.scopeFindings} · client values ${s.clientValues} · endpoint findings ${s.https} · logged ${s.logged}`,
  );
  lines.push(`providers: ${s.providerNames.join(', ')}`);
  if (s.unannotated.length) lines.push(`template check: secret markers on lines without expectation: ${s.unannotated.join('; ')}`);
  for (const rule of COMPARED) {
    const total = count(rule);
    const missed = count(rule, 'miss');
    const fp = count(rule, 'fp');
    const recall = total ? (((total - missed) / total) * 100).toFixed(1) : 'n/a';
    lines.push(`${rule.padEnd(40)} expected ${String(total).padStart(3)}  found ${String(total - missed).padStart(3)}  recall ${recall}%  false positives ${fp}`);
  }
  for (const f of results) {
    if (!f.diffs.length && !f.fatal.length) continue;
    lines.push(`── ${f.r.filename}`);
    for (const x of f.fatal) lines.push(`   FATAL ${x}`);
    for (const d of f.diffs) {
      const what = d.kind === 'miss' ? 'MISS' : 'FP  ';
      lines.push(`   ${what} L${d.line} ${d.rule.slice(P.length)}  | ${d.construct.slice(0, 150)}`);
      if (d.message) lines.push(`        reported: ${d.message}`);
    }
  }
  const env = results.flatMap((f) => f.envRuleReports);
  if (env.length) lines.push(`not compared (fs-dependent rules) reported on the virtual corpus: ${env.join(' | ')}`);
  console.log(lines.join('\n'));
}

describe('workers-b corpus', () => {
  beforeAll(() => {
    const linter = new Linter({ configType: 'flat' });
    for (const r of rendered) results.push(lintFile(linter, r, allWindows));
    printReport();
  });

  it('templates are well-formed and the corpus has the size of the held-out sets', () => {
    const problems = rendered.flatMap((r) => r.problems);
    expect(problems).toEqual([]);
    // the leak check can see a leak: every generated secret is caught inside a longer text
    const secrets = rendered.flatMap((r) => r.generated.filter((g) => g.secret));
    expect(secrets.filter((g) => !leaks(`x ${g.value} y`, allWindows)).map((g) => g.marker)).toEqual([]);
    const s = stats();
    expect(s.unannotated).toEqual([]);
    expect(s.files).toBeGreaterThanOrEqual(MIN.files);
    expect(s.exts).toEqual(expect.arrayContaining(['ts', 'tsx', 'js', 'mjs', 'cjs', 'ts']));
    expect(rendered.some((r) => r.name.endsWith('.test.ts.tmpl'))).toBe(true);
    expect(s.secrets).toBeGreaterThanOrEqual(MIN.secrets);
    expect(s.providers).toBeGreaterThanOrEqual(MIN.providers);
    expect(s.lookalikes).toBeGreaterThanOrEqual(MIN.lookalikes);
    expect(s.scopeFindings).toBeGreaterThanOrEqual(MIN.scopeConfigs);
    expect(s.clientValues).toBeGreaterThanOrEqual(MIN.clientValues);
    expect(s.https).toBeGreaterThanOrEqual(MIN.http);
  });

  it('parses every file (no fatal errors, no rule crash)', () => {
    expect(results.flatMap((f) => f.fatal)).toEqual([]);
  });

  it(`no-hardcoded-secrets: recall ≥ ${MIN_SECRET_RECALL * 100}% and at most ${MAX_SECRET_FP} false positive`, () => {
    const total = count(SECRETS);
    const recall = (total - count(SECRETS, 'miss')) / total;
    expect({ recall: recall >= MIN_SECRET_RECALL, falsePositives: count(SECRETS, 'fp') <= MAX_SECRET_FP }).toEqual({
      recall: true,
      falsePositives: true,
    });
  });

  for (const rule of [SCOPES, CREDS, HTTPS, LOGGED]) {
    it(`${rule.slice(P.length)}: every annotated finding on its line, no false positive`, () => {
      const diffs = results.flatMap((f) => f.diffs.filter((d) => d.rule === rule)).map((d) => `${d.kind} ${d.file}:${d.line}`);
      expect(diffs).toEqual([]);
    });
  }

  it('no message or suggestion contains a generated secret or any 8-char run of one', () => {
    const leaked: string[] = [];
    for (const f of results) {
      for (const m of f.messages) {
        const texts = [m.message, ...(m.suggestions ?? []).map((s) => s.desc)];
        if (texts.some((t) => leaks(t, allWindows))) leaked.push(`${f.r.filename}:${m.line} ${m.ruleId ?? 'fatal'}`);
      }
    }
    expect(leaked).toEqual([]);
  });
});

// ── env-lifecycle rules on a real project folder ───────────────────────────────────────────────────────

/**
 * A small worker project: `package.json` with `@notionhq/workers` ^0.9.2 (no node_modules), a `.gitignore` that only
 * lists `.env` (so `.env.local` is picked up), a `.env.example` that lists some names and holds one real-looking key,
 * and source files with `expect:` annotations for env-example-in-sync and prefer-credential-injection.
 * no-committed-env-files reports on the entry file at a line the docs do not specify: it is compared by count and
 * by what the messages name.
 */
const ENV_SECRET = fakeToken('openai-project-key', 97_001);
const ENV_LOCAL_SECRET = fakeToken('linear-api-key', 97_002);
const ENV_WINDOWS = windowsOf([ENV_SECRET.slice(8), ENV_LOCAL_SECRET.slice(8)]);

const PROJECT: Record<string, string> = {
  'package.json': JSON.stringify(
    { name: 'acme-ops-worker', private: true, type: 'module', dependencies: { '@notionhq/workers': '^0.9.2', '@octokit/rest': '^21.0.0' } },
    null,
    2,
  ),
  '.gitignore': 'node_modules/\n.env\n',
  '.env.example': ['# copy to .env', 'GITHUB_TOKEN=', 'LINEAR_API_KEY=<paste your key>', `OPENAI_API_KEY=${ENV_SECRET}`, 'export NOTION_DB_ID=', 'SLACK_WEBHOOK_URL: ', ''].join('\n'),
  '.env': `GITHUB_TOKEN=${fakeToken('github-classic-pat', 97_003)}\n`,
  '.env.local': `LINEAR_API_KEY=${ENV_LOCAL_SECRET}\n`,
  'src/index.ts': [
    'import { Worker } from "@notionhq/workers";',
    'import { Octokit } from "@octokit/rest";',
    '',
    'const worker = new Worker();',
    'export default worker;',
    '',
    'const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN ?? "" });',
    'const { SLACK_BOT_TOKEN, SLACK_WEBHOOK_URL } = process.env; // expect: env-example-in-sync',
    'const webhookSecret = process.env["WEBHOOK_SECRET"]; // expect: env-example-in-sync',
    'const production = process.env.NODE_ENV === "production";',
    'process.env.TZ = "UTC";',
    'const notionDb = process.env.NOTION_DB_ID;',
    'const acmeKey = process.env.ACME_API_KEY ?? ""; // expect: env-example-in-sync, prefer-credential-injection',
    '',
    'worker.tool("createIssue", {',
    '  title: "Create a Linear issue",',
    '  description: "Creates an issue in Linear and posts it to Slack",',
    '  schema: { type: "object", properties: { title: { type: "string" } }, required: ["title"] },',
    '  execute: async ({ title }: { title: string }) => {',
    '    const res = await fetch("https://api.linear.app/graphql", {',
    '      method: "POST",',
    '      headers: { Authorization: process.env.LINEAR_API_KEY ?? "", "Content-Type": "application/json" }, // expect: prefer-credential-injection',
    '      body: JSON.stringify({ query: "mutation { issueCreate }", variables: { title } }),',
    '    });',
    '    const items = await fetch(`https://api.acme.dev/v1/items/${notionDb}`, { headers: { "X-API-Key": acmeKey } });',
    '    await fetch(SLACK_WEBHOOK_URL ?? "", { method: "POST", body: JSON.stringify({ text: title, token: SLACK_BOT_TOKEN }) });',
    '    const me = await octokit.users.getAuthenticated();',
    '    return { ok: res.ok && items.ok, production, me: me.data.login, signed: Boolean(webhookSecret) };',
    '  },',
    '});',
    '',
  ].join('\n'),
  'src/stripe.ts': [
    'import Stripe from "stripe";',
    '',
    '// used by an SDK client: not a candidate for credential injection',
    'export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? ""); // expect: env-example-in-sync',
    'if (!process.env.DATADOG_API_KEY) console.warn("DATADOG_API_KEY is not set"); // expect: env-example-in-sync',
    'export const ddHeaders = { "DD-API-KEY": process.env.DATADOG_API_KEY ?? "" }; // expect: env-example-in-sync',
    '',
  ].join('\n'),
  'src/index.test.ts': [
    'import { it, expect } from "vitest";',
    'it("reads test-only variables", () => {',
    '  expect(process.env.VITEST_POOL_ID ?? process.env.TEST_ONLY_TOKEN).toBeDefined();',
    '});',
    '',
  ].join('\n'),
};

describe('workers-b env-lifecycle project (ESLint class, real files)', () => {
  let dir = '';
  let results: ESLint.LintResult[] = [];
  const expectations: { file: string; line: number; rule: string }[] = [];
  const diffs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'workers-b-env-'));
    for (const [path, text] of Object.entries(PROJECT)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
      if (!path.startsWith('src/')) continue;
      text.split('\n').forEach((src, i) => {
        const e = EXPECT.exec(src);
        if (e) for (const rule of e[1]!.split(',')) expectations.push({ file: path, line: i + 1, rule: P + rule.trim() });
      });
    }
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never } }, plugin.configs.all],
    });
    results = await eslint.lintFiles(['src/**/*.ts']);
    const lines: string[] = ['', '══ workers-b env-lifecycle project ══'];
    for (const res of results) {
      const file = res.filePath.slice(dir.length + 1);
      for (const m of res.messages) {
        lines.push(`   ${file}:${m.line} ${m.ruleId ?? 'fatal'}  ${safe(m.message, ENV_WINDOWS)}`);
      }
      for (const rule of [`${P}env-example-in-sync`, `${P}prefer-credential-injection`]) {
        const want = new Map<number, number>();
        for (const e of expectations.filter((x) => x.file === file && x.rule === rule)) want.set(e.line, (want.get(e.line) ?? 0) + 1);
        const got = new Map<number, number>();
        for (const m of res.messages.filter((x) => x.ruleId === rule)) got.set(m.line, (got.get(m.line) ?? 0) + 1);
        for (const line of new Set([...want.keys(), ...got.keys()])) {
          const w = want.get(line) ?? 0;
          const g = got.get(line) ?? 0;
          const src = PROJECT[file]!.split('\n')[line - 1]!.trim().slice(0, 120);
          for (let i = g; i < w; i++) diffs.push(`MISS ${file}:${line} ${rule.slice(P.length)} | ${src}`);
          for (let i = w; i < g; i++) diffs.push(`FP   ${file}:${line} ${rule.slice(P.length)} | ${src}`);
        }
      }
    }
    lines.push(...diffs.map((d) => `   ${d}`));
    console.log(lines.join('\n'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('parses every file', () => {
    expect(results.flatMap((r) => r.messages.filter((m) => m.fatal || !m.ruleId).map((m) => `${r.filePath}:${m.line}`))).toEqual([]);
  });

  it('env-example-in-sync and prefer-credential-injection: every annotated finding on its line, no false positive', () => {
    expect(diffs).toEqual([]);
  });

  it('no-committed-env-files: .env.local (not ignored) and the key in .env.example, on the entry file only, masked', () => {
    const rule = `${P}no-committed-env-files`;
    const byFile = results.map((r) => ({ file: r.filePath.slice(dir.length + 1), messages: r.messages.filter((m) => m.ruleId === rule) }));
    const entry = byFile.find((f) => f.file === 'src/index.ts')!;
    const elsewhere = byFile.filter((f) => f.file !== 'src/index.ts').flatMap((f) => f.messages.map((m) => `${f.file}:${m.line}`));
    expect(elsewhere).toEqual([]);
    const texts = entry.messages.map((m) => m.message);
    expect({
      count: entry.messages.length,
      envLocal: texts.some((t) => t.includes('.env.local')),
      exampleSecret: texts.some((t) => t.includes('.env.example') && t.includes('OPENAI_API_KEY')),
    }).toEqual({ count: 2, envLocal: true, exampleSecret: true });
  });

  it('no env-rule message contains a value from .env.example or .env.local', () => {
    const leaked = results.flatMap((r) => r.messages.filter((m) => leaks(m.message, ENV_WINDOWS)).map((m) => `${r.filePath}:${m.line}`));
    expect(leaked).toEqual([]);
  });
});
