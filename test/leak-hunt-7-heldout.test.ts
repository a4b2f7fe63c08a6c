/**
 * A seventh, independent leak hunt, aimed at what session 14 changed: `maskShown`'s one-case reading
 * (`looksRandomInOneCase`, src/detect/entropy.ts + src/detect/bigrams.ts), provider prefixes in any case with dots
 * and of 3 characters (`tokenPrefixAt`), tokens glued before `_<name>`, `~` runs, PEM glued after a name
 * (src/detect/mask.ts), and the detector's extension of a base64-bodied finding over a percent-encoded rest
 * (`withPercentEncodedRest`, src/detect/index.ts).
 *
 * Routes tried: every nameable secret format upper-, lower-, Title- and alternating-cased in six name positions the
 * rules print (`process.env["…"]`, `ACME_<token>_PROD`, the `worker.oauth()` key, an `admin:` scope, an http:
 * endpoint path, a logged bracket key); tokens glued on both sides with `_ - . ~ $ =` and 11 `_` after; random text
 * cut into pieces; base32 (TOTP) and one-case secrets; upper-cased 3-character and dotted prefixes; percent-encoded
 * base64 tokens (Bedrock, Grafana, Intercom) in a query, path, fragment, with lower-case escapes and double-encoded;
 * the codemod CLI (`--dry-run`, `--json`, `--sync-env-example` dry and writing, `--check`) over encoded values,
 * re-cased file names, env names and `.env.example` names. Over-masking: realistic one-case names with long word
 * pieces and provider-like 3-character prefixes in messages, dotted hosts, `--sync-env-example`, and the exact range
 * of a finding before ordinary percent-encoding (`%20next`, `%26state%3D1`, `%2Frepos` after a non-base64 token).
 *
 * The leak check: no output holds a planted value, nor any 8-character window of its random part (5+ random
 * characters) beyond what the mask shows of the original value; compared folded (lower-case letters and digits) and
 * percent-decoded up to twice. A format's fixed text (windows two sibling tokens share, and the prefix they open with)
 * is not its random part. Suggestion text carried over from the replaced source range is no leak. Seeds 17000–17999.
 *
 * Left out as public ids (not the secret), as in leak hunt 6: a Telegram bot id, Slack and Discord webhook ids, a
 * PuTTY key's comment. Seen and not counted: a few characters (≤ 8) of an id part after a re-cased prefix in an http:
 * endpoint path (Figma `figd_<id>_`, Pinecone, PlanetScale, Docker OAT, a Slack legacy token's digits, Mailchimp's
 * data-centre suffix) come from the same cause as gap 3 and are left out of that sweep with it.
 *
 * Fixed since (their cases run as plain tests): 1, 2, 3a, 3c, 3d, 4, 7 and 9. The guard (`secretRanges`,
 * src/detect/mask.ts) also reads the text upper- and lower-cased, cuts a run at the first of each group of
 * separators (`_ . - ~ $`, twelve cuts); runs of 16–23 characters are read for a prefix or a piece in one case; the
 * pieces of a dotted run are read one by one; letters alone are read in one case from 20 of them with a share of
 * 0.3 (acronym and German names pass); 8b: a finding takes in a rest escaped twice (`%252F`); 8c: a string with
 * escapes of `+ / =` is also read decoded (`withEncodedTokens`, src/detect/index.ts); 3b and 5: a base64 run is
 * also read piece by piece in one case, and masked with the base64url tail it opens; 6: letters and digits cut by dots
 * into pieces of 8 or more are read joined. All fixed.
 *
 * Gaps found (expected failures under "known gaps", 16 cases; gap 1 fixed since), by cause:
 * 1. (Fixed while this hunt ran: `looksRandomInOneCase` now keeps a piece opened by a capital in one case; its cases
 *    1a–1c run as plain tests.) Title-case (one capital, then lower-case, 4 digits or fewer) was neither one case for
 *    `looksRandomInOneCase` nor random for `looksRandom` (`isIdentifierLike` reads it as one word): a title-cased
 *    generic secret or New Relic key was printed whole as an env name / `worker.oauth()` key, and
 *    `--sync-env-example` wrote `Api_<secret>` into .env.example.
 * 2. Azure client secrets: every piece between `~ . - _` is under 16 characters, so only the detector can see one;
 *    lower-cased (the detector wants `Q~`), glued between `ACME.` and `.X` (the right boundary class includes `.`;
 *    right cuts are only at `_`), or followed by 11 `_` (only the last 8 `_` are cut) it is printed whole or nearly.
 * 3. A re-cased token in an http: endpoint path: `BASE64_RUN` (with `/`) masks from the token's last `_`/`-` through
 *    the path, or up to its first `-`, and the piece left beside it is under the 24 characters `LONG_TOKEN_RUN`
 *    needs (also after the rule's own cut of a long URL): the tail of a lower-cased Square token or an
 *    alternating-case Google API key, a middle piece of a lower-cased Instagram token, `RE_<8-char id>` of Resend.
 * 4. Re-cased Airtable and Terraform Cloud tokens: the 14 characters before the first `.` (`PAT<14>.`,
 *    `<14>.ATLASV1.`) are a 17/14-character run the guard never reads, and `pat`/`atlasv1.` are no prefixes to
 *    `tokenPrefixAt`.
 * 5. A lower-cased Bedrock short-term key read as an env name: its base64 is cut by `/` and `+` into pieces the
 *    guard reads one by one (too short), and the whole is no longer found by the detector.
 * 6. Random text cut by `.` into pieces of 16 (`admin:<16>.<16>.<16>` scope): `LONG_TOKEN_RUN` stops at `.`, and
 *    `DOTTED_RUN` is read only for a provider prefix, not for random pieces (no-hardcoded-secrets masks the same
 *    value in the same run).
 * 7. Runs of 16–23 characters are never read: a 16-character base32 TOTP secret glued after `ACME_` (21 characters)
 *    is printed whole, though `looksRandomInOneCase` would call it random (its minimum is 16, the run's 24).
 * 8. Percent-encoding (wrong results): a double-encoded Bedrock key (`%252F`) is found only up to its first `%25`
 *    (`PERCENT_ENCODED_REST` knows `%2B %2F %3D` only): the codemod moves that part (a broken value in .env) and
 *    leaves the rest in the code; a Bedrock key whose first escape comes before 40 body characters is not found at
 *    all (the extension only widens an existing finding), so no-hardcoded-secrets and the codemod leave it.
 * 9. Over-masking: legitimate one-case env names of acronyms or German words (`MYSQLPWDFILEPATH_OVERRIDE`,
 *    `KFZSTEUERBESCHEIDPDF_URL`, `SSOSAMLIDPXMLMETADATAURL`, `DNSSECKSKZSKROLLOVER_DAYS`) have 25%+ letter pairs
 *    outside `WORD_PAIR`: env-example-in-sync masks them in its message and `--sync-env-example` refuses them as names
 *    that hold a secret.
 *
 * Holds (plain cases): all the other re-cased formats in all six positions, glued tokens with every separator,
 * pieces of 16/20/24 cut by `_` or `-` and of 12 by `_`, base32 and one-case secrets of 24–32 characters, upper-cased
 * `hf_`/`sk-`/`SG.`/`hvs.`/`dp.pt.` tokens, single-encoded base64 tokens (the finding covers the whole encoded value in
 * a query, path, fragment and with lower-case escapes; the codemod moves it whole), every legitimate name tried
 * (20 env names, 6 lower-case names, 5 hosts/paths), and every over-extension check.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { detectSecrets } from '../src/detect/index.js';
import { maskShown } from '../src/detect/mask.js';
import { FORMAT_BY_ID } from '../src/detect/providers.js';
import { CHARSETS, FAKE_FORMAT_IDS, fakeGenericSecret, fakeToken, randomString } from './support/fake-tokens.js';

// ---------------------------------------------------------------------------------------------------------------
// Planted secrets and the leak check (own harness)
// ---------------------------------------------------------------------------------------------------------------

/** Lower-cased letters and digits only: re-cased, cut or glued copies compare equal. */
const fold = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function windows8(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 8 <= text.length; i++) out.add(text.slice(i, i + 8));
  return out;
}

interface Secret {
  readonly label: string;
  /** The value as planted (maybe re-cased, cut or encoded) */
  readonly value: string;
  /** The folded form whose windows count */
  readonly body: string;
  /** Positions of `body` that are the format's fixed text (same in two sibling tokens). */
  readonly fixed: readonly boolean[];
  /** What the mask shows of the original value, folded. */
  readonly shown: string;
}

const SIBLINGS = [17990, 17991] as const;

function tokenSecret(formatId: string, seed: number, recase: (t: string) => string = (t) => t, label = formatId): Secret {
  const original = fakeToken(formatId, seed);
  const body = fold(original);
  const siblings = SIBLINGS.map((s) => fold(fakeToken(formatId, s)));
  const [a, b] = siblings.map(windows8);
  const fixed = new Array<boolean>(body.length).fill(false);
  // the format's prefix: what the token and its siblings open with (`glcbt`, shorter than a window)
  for (let i = 0; i < body.length && siblings.every((t) => t[i] === body[i]); i++) fixed[i] = true;
  for (let i = 0; i + 8 <= body.length; i++) {
    const w = body.slice(i, i + 8);
    if (a!.has(w) && b!.has(w)) for (let k = i; k < i + 8; k++) fixed[k] = true;
  }
  return { label, value: recase(original), body, fixed, shown: fold(maskShown(original)) };
}

function plainSecret(label: string, value: string): Secret {
  const body = fold(value);
  return { label, value, body, fixed: new Array<boolean>(body.length).fill(false), shown: '' };
}

function decodeAll(text: string): string[] {
  const out = [text];
  let cur = text;
  for (let k = 0; k < 2; k++) {
    // escape by escape, so that one bad `%` does not stop the rest from decoding
    const next = cur.replace(/%[0-9A-Fa-f]{2}/g, (m) => String.fromCharCode(parseInt(m.slice(1), 16)));
    if (next === cur) break;
    out.push(next);
    cur = next;
  }
  return out;
}

function hayOf(output: string): Set<string> {
  const hay = new Set<string>();
  for (const form of decodeAll(output)) for (const w of windows8(fold(form))) hay.add(w);
  return hay;
}

/** The whole planted value, or 8-character windows of the random part (5+ random characters) beyond the mask. */
function leaksIn(output: string, hay: ReadonlySet<string>, s: Secret): string[] {
  const found: string[] = [];
  if (s.value.length >= 8 && output.includes(s.value)) found.push('<whole value>');
  for (let i = 0; i + 8 <= s.body.length; i++) {
    let random = 0;
    for (let k = i; k < i + 8; k++) if (!s.fixed[k]) random++;
    const w = s.body.slice(i, i + 8);
    if (random >= 5 && hay.has(w) && !s.shown.includes(w)) {
      found.push(w);
      i += 7;
    }
  }
  return found;
}

function leakReport(outputs: string | readonly string[], secrets: readonly Secret[]): string {
  const text = typeof outputs === 'string' ? outputs : outputs.join('\n');
  const hay = hayOf(text);
  return secrets
    .map((s) => [s, leaksIn(text, hay, s)] as const)
    .filter(([, f]) => f.length > 0)
    .map(([s, f]) => {
      // where the first window shows, in the text as printed (folded), for the failure message
      const folded = decodeAll(text).map(fold).join(' ');
      const at = f[0] === '<whole value>' ? -1 : folded.indexOf(f[0]!);
      return `${s.label}: ${f.slice(0, 3).join(', ')}${at < 0 ? '' : ` [${folded.slice(Math.max(0, at - 30), at + 30)}]`}`;
    })
    .join('\n');
}

function expectNoLeak(outputs: string | readonly string[], secrets: readonly Secret[]): void {
  const text = typeof outputs === 'string' ? outputs : outputs.join('\n');
  const report = leakReport(text, secrets);
  if (report !== '') throw new Error(`leaked: ${report}\nin:\n${text.slice(0, 2500)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Token sets (seeds 17000–17999)
// ---------------------------------------------------------------------------------------------------------------

const SECRET_IDS = FAKE_FORMAT_IDS.filter((id) => FORMAT_BY_ID.get(id)?.class === 'secret');
/** Formats that are secrets in a name without a context word. */
const NAMEABLE_IDS = SECRET_IDS.filter((id) => !FORMAT_BY_ID.get(id)?.contextWords);
/** Public ids that show when glued or re-cased (a bot id, a webhook's workspace and channel ids, a key's comment). */
const PUBLIC_ID_FORMATS = new Set(['telegram-bot-token', 'slack-webhook-url', 'discord-webhook-url', 'putty-private-key']);

const RECASE = {
  upper: (t: string) => t.toUpperCase(),
  lower: (t: string) => t.toLowerCase(),
  title: (t: string) => t.charAt(0).toUpperCase() + t.slice(1).toLowerCase(),
  alternating: (t: string) => [...t].map((c, i) => (i % 2 ? c.toLowerCase() : c.toUpperCase())).join(''),
} as const;
type Recase = keyof typeof RECASE;

/** Formats a re-casing shows, found by this hunt: their cases are gaps below, out of the sweeps. */
const RECASE_GAPS: Record<Recase, ReadonlySet<string>> = {
  upper: new Set(['airtable-pat', 'terraform-cloud-token']),
  lower: new Set(['aws-bedrock-short-term-api-key', 'azure-client-secret']),
  title: new Set(['aws-bedrock-short-term-api-key', 'azure-client-secret', 'airtable-pat']),
  alternating: new Set(['airtable-pat', 'terraform-cloud-token']),
};

/** One line, no quote, no backslash: the formats the name sweeps plant. */
const SWEEP_IDS = NAMEABLE_IDS.filter((id) => !PUBLIC_ID_FORMATS.has(id) && !/[\n"\\]/.test(fakeToken(id, 17100)));
const seedOf = (id: string): number => 17100 + NAMEABLE_IDS.indexOf(id);
const recased = (r: Recase): Secret[] => SWEEP_IDS.filter((id) => !RECASE_GAPS[r].has(id)).map((id) => tokenSecret(id, seedOf(id), RECASE[r], `${id} (${r})`));
const ORIGINAL = SWEEP_IDS.map((id) => tokenSecret(id, seedOf(id)));

const q = JSON.stringify;

describe('the leak check', () => {
  it('sees re-cased, glued, cut and percent-encoded copies, and ignores the mask and fixed text', () => {
    const gh = tokenSecret('github-classic-pat', 17001);
    const upper = tokenSecret('github-classic-pat', 17001, RECASE.upper);
    expect(leakReport(`x ${upper.value} y`, [upper])).not.toBe('');
    expect(leakReport(`ACME_${gh.value.slice(4, 16)}_${gh.value.slice(16)}`, [gh])).not.toBe('');
    expect(leakReport(encodeURIComponent(encodeURIComponent(`/${gh.value}`)), [gh])).not.toBe('');
    expect(leakReport(maskShown(`x ${gh.value} y`), [gh])).toBe('');
    const pem = tokenSecret('pem-private-key', 17002);
    expect(leakReport(pem.value.split('\n')[0]!, [pem])).toBe('');
    expect(SWEEP_IDS.length).toBeGreaterThan(120);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Projects, lint, CLI
// ---------------------------------------------------------------------------------------------------------------

const root = mkdtempSync(join(tmpdir(), 'wa-leak-hunt-7-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let projects = 0;
function project(files: Record<string, string>): string {
  const dir = join(root, `p${++projects}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

const PKG = q({ name: 'w', dependencies: { '@notionhq/workers': '^0.9.2' } });
const LINT_DIR = project({ 'package.json': PKG, '.env.example': 'KNOWN=\n', '.gitignore': '.env\n.env.*\n!.env.example\n', 'src/.keep': '' });

const linter = new Linter({ configType: 'flat', cwd: root });

interface Lint {
  text: string;
  messages: Linter.LintMessage[];
  fixes: string;
}

function lint(code: string, dir = LINT_DIR, file = 'index.ts'): Lint {
  const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } }, plugin.configs.all];
  const messages = linter.verify(code, config, join(dir, 'src', file));
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`does not parse: ${fatal.message.slice(0, 60)}`);
  const text = messages.map((m) => [m.message, ...(m.suggestions ?? []).map((s) => s.desc)].join('\n')).join('\n');
  // what suggestions insert beyond the range they replace: windows of the replaced source text, carried over, are
  // no leak (each fix text keeps only its own letters and digits that are not in an 8-window of the replaced text)
  const fixes = messages
    .flatMap((m) => (m.suggestions ?? []).map((s) => ({ text: s.fix.text, replaced: code.slice(s.fix.range[0], s.fix.range[1]) })))
    .map((f) => {
      const carried = hayOf(f.replaced);
      const folded = fold(decodeAll(f.text).join(' '));
      const keep = new Array<boolean>(folded.length).fill(true);
      for (let i = 0; i + 8 <= folded.length; i++) if (carried.has(folded.slice(i, i + 8))) keep.fill(false, i, i + 8);
      // what remains, split where carried text was cut out (no window spans a cut)
      return folded.replace(/./g, (c, i: number) => (keep[i] ? c : ' '));
    })
    .join('\n');
  return { text, messages, fixes };
}

const ruleCount = (l: Lint, rule: string): number => l.messages.filter((m) => m.ruleId === `worker-auth/${rule}`).length;

/** Lints, asserts the rule reported at least `min` times, and that no message, description or inserted text leaks. */
function lintRoute(rule: string, code: string, secrets: readonly Secret[], min = 1): Lint {
  const l = lint(code);
  expect(ruleCount(l, rule), l.text.slice(0, 400)).toBeGreaterThanOrEqual(min);
  expectNoLeak([l.text, l.fixes], secrets);
  return l;
}

const WORKER = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';

function oauthCall(key: string, f: { auth?: string; scope?: string; id?: string } = {}): string {
  return (
    `worker.oauth(${key}, { name: "acme", authorizationEndpoint: ${f.auth ?? '"https://auth.acme.com/oauth/authorize"'}, ` +
    `tokenEndpoint: "https://auth.acme.com/oauth/token", scope: ${f.scope ?? '"read"'}, ` +
    `clientId: ${f.id ?? 'process.env.KNOWN ?? ""'}, clientSecret: process.env.KNOWN ?? "" });\n`
  );
}
/** A hardcoded client id that is no secret, so that oauth-credentials-from-env names the key. */
const PLAIN_ID = q('1234567890123456');

const CLI = fileURLToPath(new URL('../dist/src/cli/codemod.js', import.meta.url));

interface Run {
  code: number;
  out: string;
  err: string;
  all: string;
}

function cli(args: readonly string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, out, err, all: `${out}\n${err}` }));
  });
}

const moved = (run: Run): number => (run.err.match(/ would (?:move|drop fallback of)/g) ?? []).length;
const readIn = (dir: string, rel: string): string => readFileSync(join(dir, rel), 'utf8');

// ===============================================================================================================
// A. LEAKS: routes that hold
// ===============================================================================================================

describe('lint: re-cased tokens of every format in the name positions the rules print', () => {
  /** Left out of one position: a gap of its own below (a re-cased Square token in a URL path, gap 3). */
  const PATH_GAPS = new Set(['square-access-token', 'google-api-key', 'slack-legacy-token', 'mailchimp-api-key', 'figma-pat', 'pinecone-api-key', 'resend-api-key', 'dockerhub-oat', 'planetscale-service-token', 'airtable-pat', 'terraform-cloud-token', 'aws-bedrock-short-term-api-key', 'azure-client-secret', 'instagram-access-token']);
  const POSITIONS: readonly (readonly [string, string, (v: string, i: number) => string, string?])[] = [
    ['`process.env["<token>"]`', 'env-example-in-sync', (v, i) => `export const v${i} = process.env[${q(v)}];\n`],
    ['`process.env["ACME_<token>_PROD"]`', 'env-example-in-sync', (v, i) => `export const v${i} = process.env[${q(`ACME_${v}_PROD`)}];\n`],
    ['the worker.oauth() key', 'oauth-credentials-from-env', (v) => oauthCall(q(v), { id: PLAIN_ID }), WORKER],
    ['an `admin:<token>` scope', 'no-broad-oauth-scopes', (v, i) => oauthCall(q(`k${i}`), { scope: q(`admin:${v}`) }), WORKER],
    ['the path of an http: endpoint', 'oauth-endpoints-https', (v, i) => oauthCall(q(`k${i}`), { auth: q(`http://auth.acme.com/x/${v}/authorize`) }), WORKER],
    ['a logged bracket key', 'no-logged-secrets', (v, i) => `const cfg${i} = { ${q(v)}: process.env.API_TOKEN };\nconsole.log(cfg${i}[${q(v)}]);\n`],
  ];
  const cases = (Object.keys(RECASE) as Recase[]).flatMap((r) => POSITIONS.map((p) => [`${r}: ${p[0]}`, r, p] as const));
  it.each(cases)('%s', (_label, r, [, rule, make, head]) => {
    const secrets = recased(r).filter((s) => !(rule === 'oauth-endpoints-https' && PATH_GAPS.has(s.label.replace(/ \(.*$/, ''))));
    const code = (head ?? '') + secrets.map((s, i) => make(s.value, i)).join('');
    lintRoute(rule, code, secrets, secrets.length - 2);
  });
});

describe('lint: tokens glued on both sides (more than 8 `_` after them)', () => {
  /** Azure client secrets glued with these: gap 2. */
  const AZ = 'azure-client-secret';
  const SEPARATORS = ['_', '-', '.', '~', '$', '='] as const;
  it.each(SEPARATORS.flatMap((sep) => [['original', sep] as const, ['upper', sep] as const]))('%s case, glued with `%s`', (cased, sep) => {
    const base = cased === 'upper' ? recased('upper') : ORIGINAL.filter((s) => !['airtable-pat', 'terraform-cloud-token'].includes(s.label));
    const secrets = base.filter((s) => !s.label.startsWith(AZ));
    const code = secrets.map((s, i) => `export const v${i} = process.env[${q(`ACME${sep}${s.value}${sep}X_A_B_C_D_E_F_G_H_I_J`)}];\n`).join('');
    lintRoute('env-example-in-sync', code, secrets, secrets.length);
  });

  it('a token glued between `$` signs in a logged template key', () => {
    const secrets = ORIGINAL.filter((s) => !s.label.startsWith(AZ)).slice(0, 60);
    const code = secrets.map((s, i) => `const c${i} = { ${q(`$${s.value}$`)}: process.env.API_TOKEN };\nconsole.log(c${i}[${q(`$${s.value}$`)}]);\n`).join('');
    lintRoute('no-logged-secrets', code, secrets, 30);
  });
});

describe('lint: tokens cut into pieces by separators', () => {
  const GEN = [17020, 17021, 17022, 17023].map((seed) => plainSecret(`generic ${seed}`, randomString(CHARSETS.b62, 48, seed)));
  const cut = (v: string, n: number, sep: string): string => v.match(new RegExp(`.{1,${n}}`, 'g'))!.join(sep);

  it.each([16, 20, 24])('48 random characters cut into pieces of %i by `_` as env names', (n) => {
    const code = GEN.map((s, i) => `export const v${i} = process.env[${q(`ACME_${cut(s.value, n, '_')}_KEY`)}];\n`).join('');
    lintRoute('env-example-in-sync', code, GEN, 4);
  });

  // (cut by `.`: gap 6)
  it.each(['-', '_'])('48 random characters cut into pieces of 16 by `%s` in a scope', (sep) => {
    const code = WORKER + GEN.map((s, i) => oauthCall(q(`k${i}`), { scope: q(`admin:${cut(s.value, 16, sep)}`) })).join('');
    lintRoute('no-broad-oauth-scopes', code, GEN, 4);
  });
});

describe('lint: one-case and base32 secrets', () => {
  const B32 = [17030, 17031, 17032, 17033, 17034, 17035].map((seed) => plainSecret(`base32 ${seed}`, randomString(CHARSETS.base32, 32, seed)));
  const UP = [17040, 17041, 17042, 17043].map((seed) => plainSecret(`upper ${seed}`, randomString(CHARSETS.upperAlnum, 24, seed)));
  const LO = [17050, 17051, 17052, 17053].map((seed) => plainSecret(`lower ${seed}`, randomString(CHARSETS.lowerAlnum, 24, seed)));

  it('32-character base32 TOTP secrets glued into env names', () => {
    const code = B32.map((s, i) => `export const v${i} = process.env[${q(`TOTP_SECRET_${s.value}`)}];\n`).join('');
    lintRoute('env-example-in-sync', code, B32, B32.length);
  });

  it('32-character base32 TOTP secrets in the query of an http: otpauth-style endpoint', () => {
    const code = WORKER + B32.map((s, i) => oauthCall(q(`k${i}`), { auth: q(`http://auth.acme.com/authorize?secret=${s.value}&issuer=Acme`) })).join('');
    lintRoute('oauth-endpoints-https', code, B32, B32.length);
  });

  it('upper-case and lower-case letters-and-digits secrets as worker.oauth() keys and env names', () => {
    const code = WORKER + [...UP, ...LO].map((s, i) => oauthCall(q(`acme_${s.value}`), { id: PLAIN_ID }) + `export const v${i} = process.env[${q(`${s.value}_PROD`)}];\n`).join('');
    const l = lintRoute('oauth-credentials-from-env', code, [...UP, ...LO], 8);
    expect(ruleCount(l, 'env-example-in-sync')).toBe(8);
  });

  it('upper-cased Hugging Face, OpenAI and SendGrid tokens (3-character and dotted prefixes) after a name', () => {
    const secrets = ['huggingface-token', 'openai-project-key', 'openai-api-key', 'sendgrid-api-key', 'vault-service-token', 'doppler-personal-token', 'doppler-service-token']
      .filter((id) => FAKE_FORMAT_IDS.includes(id))
      .map((id, i) => tokenSecret(id, 17060 + i, RECASE.upper, `${id} (upper)`));
    expect(secrets.length).toBe(6);
    const code = secrets.map((s, i) => `export const v${i} = process.env[${q(`CFG_${s.value}`)}];\nexport const w${i} = process.env[${q(`${s.value.toLowerCase()}.v2`)}];\n`).join('');
    lintRoute('env-example-in-sync', code, secrets, secrets.length * 2);
  });
});

describe('lint: percent-encoded base64 tokens in URLs', () => {
  /** Base64-bodied formats whose encoded value has a late first escape (seeds chosen so the detector finds them). */
  const ENCODED = [
    ['aws-bedrock-short-term-api-key', 17304],
    ['grafana-cloud-token', 17308],
    ['grafana-legacy-api-key', 17309],
    ['intercom-access-token', 17310],
  ] as const;
  const secrets = ENCODED.map(([id, seed]) => tokenSecret(id, seed));
  const FORMS = {
    query: (e: string) => `http://auth.acme.com/authorize?state=1&code=${e}`,
    path: (e: string) => `http://auth.acme.com/${e}/authorize`,
    fragment: (e: string) => `http://auth.acme.com/authorize#access_token=${e}&x=1`,
    'lower-case escapes': (e: string) => `http://auth.acme.com/authorize?code=${e.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`,
  } as const;

  it('the planted tokens have escapes in them', () => {
    for (const s of secrets) expect(encodeURIComponent(s.value)).toMatch(/%2[BF]|%3D/);
  });

  it.each(Object.keys(FORMS) as (keyof typeof FORMS)[])('oauth-endpoints-https: encoded tokens in the %s of an http: endpoint', (form) => {
    const code = WORKER + secrets.map((s, i) => oauthCall(q(`k${i}`), { auth: q(FORMS[form](encodeURIComponent(s.value))) })).join('');
    lintRoute('oauth-endpoints-https', code, secrets, secrets.length);
  });

  it.each(['query', 'path', 'fragment', 'lower-case escapes'] as const)('the detector covers the whole encoded token in the %s', (form) => {
    for (const s of secrets) {
      const enc = encodeURIComponent(s.value);
      const url = FORMS[form](enc);
      const f = detectSecrets(url).filter((x) => x.id === s.label);
      expect(f.length, `${s.label} in ${form}`).toBe(1);
      const written = form === 'lower-case escapes' ? enc.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()) : enc;
      expect(url.slice(f[0]!.start, f[0]!.end)).toBe(written);
    }
  });

  it('no-hardcoded-secrets: encoded tokens in https URLs are found and masked', () => {
    const code = secrets.map((s, i) => `export const u${i} = ${q(`https://api.acme.dev/v1?code=${encodeURIComponent(s.value)}`)};\n`).join('');
    lintRoute('no-hardcoded-secrets', code, secrets, secrets.length);
  });
});

// ===============================================================================================================
// The codemod CLI
// ===============================================================================================================

describe('codemod CLI: re-cased names, encoded values', () => {
  const ENC = [
    ['aws-bedrock-short-term-api-key', 17304],
    ['grafana-cloud-token', 17308],
    ['grafana-legacy-api-key', 17309],
    ['intercom-access-token', 17310],
  ].map(([id, seed]) => tokenSecret(id as string, seed as number));

  it('--dry-run and --json: percent-encoded tokens in a query, a path and with lower-case escapes are moved whole', async () => {
    const urls = ENC.flatMap((s) => {
      const e = encodeURIComponent(s.value);
      return [`https://api.acme.dev/v1?state=1&code=${e}`, `https://api.acme.dev/v1/${e}/next`, `https://api.acme.dev/v1?code=${e.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}&x=1`];
    });
    const dir = project({ 'package.json': PKG, 'src/urls.ts': urls.map((u, i) => `export const u${i} = ${q(u)};\n`).join('') });
    const [human, json] = await Promise.all([cli(['--root', dir, '--dry-run']), cli(['--root', dir, '--dry-run', '--json'])]);
    expect([human.code, json.code]).toEqual([0, 0]);
    expect(moved(human)).toBe(urls.length);
    const plus = human.out.split('\n').filter((l) => l.startsWith('+export const u'));
    expect(plus.length).toBe(urls.length);
    // the whole encoded value left the code: nothing of it after the env read
    for (const l of plus) expect(l).toMatch(/\$\{process\.env\.[A-Z0-9_]+ \?\? ""\}(?:`|\/next`|&x=1`);$/);
    expectNoLeak([human.all, json.all], ENC);
  });

  it('--dry-run: source files named after an upper-cased Hugging Face token and a lower-cased Google client secret (diff headers, report)', async () => {
    const hf = tokenSecret('huggingface-token', 17070, RECASE.upper, 'hf (upper)');
    const go = tokenSecret('google-oauth-client-secret', 17071, RECASE.lower, 'google (lower)');
    const gh = tokenSecret('github-classic-pat', 17072);
    const dir = project({ 'package.json': PKG, [`src/${hf.value}.ts`]: `export const apiToken = ${q(gh.value)};\n`, [`src/${go.value}.ts`]: `export const apiKey = ${q(gh.value)};\n` });
    const [human, json] = await Promise.all([cli(['--root', dir, '--dry-run']), cli(['--root', dir, '--dry-run', '--json'])]);
    expect(moved(human)).toBe(2);
    expect(human.out).toContain('--- a/src/');
    expectNoLeak([human.all, json.all], [hf, go, gh]);
  });

  it.each(['upper', 'lower', 'alternating'] as const)('--sync-env-example --dry-run --json: %s-cased tokens read as env names are refused, not added', async (r) => {
    const secrets = recased(r).filter((s) => !/[~.$/+=]/.test(s.value));
    const dir = project({ 'package.json': PKG, 'src/reads.ts': secrets.map((s, i) => `export const r${i} = process.env[${q(s.value)}];\n`).join('') + 'export const ok = process.env.ACME_OK;\n' });
    const [human, json] = await Promise.all([cli(['--root', dir, '--sync-env-example', '--dry-run']), cli(['--root', dir, '--sync-env-example', '--dry-run', '--json'])]);
    const report = (JSON.parse(json.out) as { syncEnvExample: { secretNames: string[]; invalidNames: string[]; files: { added: string[] }[] } }).syncEnvExample;
    expect(report.files[0]!.added).toEqual(['ACME_OK']);
    expect(report.secretNames.length + report.invalidNames.length).toBeGreaterThan(secrets.length / 2);
    expectNoLeak([human.all, json.all], secrets);
  });

  it('--sync-env-example (writing): upper-cased tokens glued before `_PROD`; .env.example gets none', async () => {
    const secrets = recased('upper').filter((s) => /^[A-Z0-9_]+$/.test(s.value));
    expect(secrets.length).toBeGreaterThan(40);
    const dir = project({ 'package.json': PKG, '.env.example': 'KNOWN=\n', 'src/reads.ts': secrets.map((s, i) => `export const { ${s.value}_PROD: r${i} } = process.env;\n`).join('') + 'export const ok = process.env.ACME_OK;\n' });
    const run = await cli(['--root', dir, '--sync-env-example']);
    expect(run.code).toBe(0);
    expect(readIn(dir, '.env.example')).toContain('ACME_OK=');
    expectNoLeak([run.all, readIn(dir, '.env.example')], secrets);
  });

  it('--check and --check --json: upper-cased tokens as .env.example names, an unignored `.env.<lower-cased token>`', async () => {
    const secrets = recased('upper').filter((s) => /^[A-Z0-9_]+$/.test(s.value)).slice(0, 50);
    const hf = tokenSecret('huggingface-token', 17073, RECASE.lower, 'hf (lower)');
    const dir = project({ 'package.json': PKG, '.gitignore': '.env\n', '.env.example': secrets.map((s) => `${s.value}=\n`).join(''), [`.env.${hf.value}`]: 'A=1\n' });
    const [human, json] = await Promise.all([cli(['--root', dir, '--check']), cli(['--root', dir, '--check', '--json'])]);
    expect([human.code, json.code]).toEqual([1, 1]);
    expect(human.err).toContain('.env.');
    expectNoLeak([human.all, json.all], [...secrets, hf]);
  });
});

// ===============================================================================================================
// B. OVER-MASKING / WRONG REFUSALS: routes that hold
// ===============================================================================================================

/** Realistic names in one case with long word pieces, 3-character prefixes that look like a provider's, dotted hosts. */
const LEGIT_ENV_NAMES = [
  'MICROSOFTENTRASERVICEPRINCIPAL_ID',
  'SALESFORCEMARKETINGCLOUD_CLIENT_ID',
  'HF_HOME_DIRECTORY_OVERRIDE',
  'HF_HUB_ENABLE_HF_TRANSFER',
  'SK_LIVE_MODE_ENABLED',
  'RE_AUTHENTICATION_REQUIRED',
  'RE_SEND_CONFIRMATION_EMAIL_TEMPLATE',
  'GOOGLECLOUDPLATFORMPROJECT_NUMBER',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'KUBERNETESSERVICEACCOUNTTOKEN_PATH',
  'GITHUB_PAT_EXPIRY_NOTIFICATION_DAYS',
  'GLSA_GRAFANA_SERVICE_ACCOUNT_NAME',
  'SNTRYS_ORGANIZATION_SLUG_OVERRIDE',
  'DAPI_DATABRICKS_WORKSPACE_HOST',
  'SHPAT_WEBHOOK_SIGNATURE_HEADER',
  'SK_ANT_ADMIN_CONSOLE_URL',
  'KRANKENVERSICHERUNGSKARTEN_API_URL',
  'AWSSDKJSV3CREDENTIALSCHAIN',
  'XMLHTTPREQUESTPOLYFILL_URL',
  'NOTIONWORKERSOAUTHCALLBACK_URL',
];
const LEGIT_LOWER = ['salesforcemarketingcloud', 'hf_hub_enable_hf_transfer', 'sk-proj-settings-loader', 'dckr_pat_rotation_policy_days', 'applicationinsightsconnectionstring', 'steuerberaterkammerbrandenburg'];
const LEGIT_HOSTS = ['https://sg.example.com/oauth/authorize', 'https://api.acme.com/dp.pt.metadata/v1/authorize', 'https://hvs.internal.example.com/oauth/authorize', 'https://login.salesforcemarketingcloud.com/oauth/authorize', 'https://auth.krankenversicherungskarten.de/oauth/authorize'];

describe('over-masking: legitimate names are shown unchanged', () => {
  it.each(LEGIT_ENV_NAMES)('env-example-in-sync names `%s` as it is', (name) => {
    const l = lint(`export const v = process.env.${name};\n`);
    const m = l.messages.filter((x) => x.ruleId === 'worker-auth/env-example-in-sync');
    expect(m.length).toBe(1);
    expect(m[0]!.message).toContain(name);
  });

  it('maskShown leaves lower-case package-like names, keys and file paths alone', () => {
    for (const name of LEGIT_LOWER) {
      expect(maskShown(`process.env["${name}"]`)).toBe(`process.env["${name}"]`);
      expect(maskShown(`src/integrations/${name}.ts`)).toBe(`src/integrations/${name}.ts`);
      expect(maskShown(`@acme/${name}`)).toBe(`@acme/${name}`);
    }
  });

  it('oauth-endpoints-https shows dotted hosts and paths with provider-like prefixes unchanged (http: copies)', () => {
    const urls = LEGIT_HOSTS.map((u) => u.replace('https:', 'http:'));
    const l = lint(WORKER + urls.map((u, i) => oauthCall(q(`k${i}`), { auth: q(u) })).join(''));
    for (const u of urls) expect(l.text).toContain(u);
  });

  it('--sync-env-example --json adds every legitimate name and refuses none', async () => {
    const names = [...LEGIT_ENV_NAMES, ...LEGIT_LOWER.filter((n) => /^[a-z_][a-z0-9_]*$/.test(n))];
    const dir = project({ 'package.json': PKG, 'src/reads.ts': names.map((n, i) => `export const r${i} = process.env[${q(n)}];\n`).join('') });
    const json = await cli(['--root', dir, '--sync-env-example', '--dry-run', '--json']);
    const report = (JSON.parse(json.out) as { syncEnvExample: { secretNames: string[]; files: { added: string[] }[] } }).syncEnvExample;
    expect(report.secretNames).toEqual([]);
    expect([...report.files[0]!.added].sort()).toEqual([...names].sort());
  });
});

describe('over-extension: the finding of a token before ordinary percent-encoding', () => {
  const gh = tokenSecret('github-classic-pat', 17080);
  const gc = tokenSecret('grafana-cloud-token', 17308);
  const bd = tokenSecret('aws-bedrock-short-term-api-key', 17304);

  it('a GitHub token before `%20next` and `%2Frepos%2Fx` (no base64 body): the finding is the token', () => {
    for (const rest of ['%20next', '%2Frepos%2Fx', '%3Dfoo']) {
      const url = `https://api.acme.dev/v1?token=${gh.value}${rest}`;
      const f = detectSecrets(url).filter((x) => x.id === 'github-classic-pat');
      expect(f.length).toBe(1);
      expect(url.slice(f[0]!.start, f[0]!.end)).toBe(gh.value);
    }
  });

  it('an encoded Grafana and Bedrock token before `%26state%3D1` and `%20x`: the finding ends at the token', () => {
    for (const s of [gc, bd]) {
      const enc = encodeURIComponent(s.value);
      for (const rest of ['%26state%3D1', '%20x', '%3F', '%2C%20next']) {
        const url = `https://api.acme.dev/v1?code=${enc}${rest}`;
        const f = detectSecrets(url).filter((x) => x.id === s.label);
        expect(f.length, `${s.label} + ${rest}`).toBe(1);
        expect(url.slice(f[0]!.start, f[0]!.end), `${s.label} + ${rest}`).toBe(enc);
      }
    }
  });

  it('codemod --dry-run keeps `%20next` and `%26state%3D1` after the env read', async () => {
    const dir = project({ 'package.json': PKG, 'src/q.ts': `export const v = ${q(`https://api.acme.dev/v1?token=${gh.value}%20next`)};\nexport const w = ${q(`https://api.acme.dev/v1?code=${encodeURIComponent(gc.value)}%26state%3D1`)};\n` });
    const human = await cli(['--root', dir, '--dry-run']);
    expect(moved(human)).toBe(2);
    expect(human.out).toMatch(/\?token=\$\{process\.env\.[A-Z_]+ \?\? ""\}%20next`/);
    expect(human.out).toMatch(/\?code=\$\{process\.env\.[A-Z_]+ \?\? ""\}%26state%3D1`/);
    expectNoLeak(human.all, [gh, gc]);
  });
});

// ===============================================================================================================
// Known gaps (expected failures), each with a check that its route produced the output it is about
// ===============================================================================================================

interface GapResult {
  text: string;
  exists: boolean;
}
/** Each gap's route, run once (its case and the existence check share the result). */
const GAPS = new Map<string, () => Promise<GapResult>>();
const GAP_SECRETS = new Map<string, readonly Secret[]>();
function gap(key: string, secrets: readonly Secret[], run: () => GapResult | Promise<GapResult>): string {
  GAP_SECRETS.set(key, secrets);
  let memo: Promise<GapResult> | undefined;
  GAPS.set(key, () => (memo ??= Promise.resolve().then(run)));
  return key;
}
const gapRun = (key: string): Promise<GapResult> => GAPS.get(key)!();
async function gapLeak(key: string): Promise<void> {
  const r = await gapRun(key);
  expectNoLeak(r.text, GAP_SECRETS.get(key)!);
}
function lintGap(rule: string, code: string): GapResult {
  const l = lint(code);
  return { text: `${l.text}\n${l.fixes}`, exists: ruleCount(l, rule) > 0 };
}

describe('known gaps', () => {
  // 1. Title-case (one capital, then lower-case; four digits or fewer)
  const TITLE_G = plainSecret('generic (title)', RECASE.title(fakeGenericSecret(17000)));
  const TITLE_NR = tokenSecret('newrelic-license-key', seedOf('newrelic-license-key'), RECASE.title, 'newrelic (title)');
  const g1a = gap('1a', [TITLE_G], () => lintGap('env-example-in-sync', `export const v = process.env[${q(TITLE_G.value)}];\n`));
  const g1b = gap('1b', [TITLE_NR], () => lintGap('oauth-credentials-from-env', WORKER + oauthCall(q(TITLE_NR.value), { id: PLAIN_ID })));
  const g1c = gap('1c', [TITLE_G], async () => {
    const dir = project({ 'package.json': PKG, '.env.example': 'KNOWN=\n', 'src/a.ts': `export const v = process.env[${q(`Api_${TITLE_G.value}`)}];\n` });
    const run = await cli(['--root', dir, '--sync-env-example']);
    return { text: `${run.all}\n${readIn(dir, '.env.example')}`, exists: run.code === 0 };
  });
  // fixed during this hunt (title case now reads as one case): run as plain cases
  it('1a env-example-in-sync masks a title-cased generic secret as an env name (message)', () => gapLeak(g1a));
  it('1b oauth-credentials-from-env masks a title-cased New Relic key as the worker.oauth() key (message)', () => gapLeak(g1b));
  it('1c codemod --sync-env-example does not write `Api_<title-cased secret>` into .env.example (stderr, file)', () => gapLeak(g1c));

  // 2. Azure client secrets: pieces under 16 characters between `~`, `.`, `-`, `_`
  const AZ = tokenSecret('azure-client-secret', seedOf('azure-client-secret'));
  const AZ_LOWER = tokenSecret('azure-client-secret', seedOf('azure-client-secret'), RECASE.lower, 'azure (lower)');
  const g2a = gap('2a', [AZ_LOWER], () => lintGap('env-example-in-sync', `export const v = process.env[${q(`AZURE_${AZ_LOWER.value}`)}];\n`));
  const g2b = gap('2b', [AZ], () => lintGap('env-example-in-sync', `export const v = process.env[${q(`ACME.${AZ.value}.X`)}];\n`));
  const g2c = gap('2c', [AZ], () => lintGap('env-example-in-sync', `export const v = process.env[${q(`ACME_${AZ.value}_X_A_B_C_D_E_F_G_H_I_J`)}];\n`));
  // leaked: a lower-cased Azure client secret glued after `AZURE_`, whole (message)
  it('2a env-example-in-sync prints a lower-cased Azure client secret glued after `AZURE_` (message)', () => gapLeak(g2a));
  // leaked: an Azure client secret glued between `ACME.` and `.X`, whole (message)
  it('2b env-example-in-sync prints an Azure client secret glued between `ACME.` and `.X` (message)', () => gapLeak(g2b));
  // leaked: the first 30 characters of an Azure client secret followed by 11 `_` (message)
  it('2c env-example-in-sync prints an Azure client secret followed by more than 8 `_` (message)', () => gapLeak(g2c));

  // 3. A re-cased token in a URL path: the base64 read masks from its first or last `_`/`-`, the rest is under 24
  const SQ = tokenSecret('square-access-token', seedOf('square-access-token'), RECASE.lower, 'square (lower)');
  const GK = tokenSecret('google-api-key', seedOf('google-api-key'), RECASE.alternating, 'google api key (alternating)');
  const IG = tokenSecret('instagram-access-token', seedOf('instagram-access-token'), RECASE.lower, 'instagram (lower)');
  const RS = tokenSecret('resend-api-key', seedOf('resend-api-key'), RECASE.upper, 'resend (upper)');
  const pathGap = (s: Secret): (() => GapResult) => () => lintGap('oauth-endpoints-https', WORKER + oauthCall('"k"', { auth: q(`http://auth.acme.com/x/${s.value}/authorize`) }));
  const g3a = gap('3a', [SQ], pathGap(SQ));
  const g3b = gap('3b', [GK], pathGap(GK));
  const g3c = gap('3c', [IG], pathGap(IG));
  const g3d = gap('3d', [RS], pathGap(RS));
  // leaked: the last 16+ characters of a lower-cased Square token in an http: endpoint path (message)
  it('3a oauth-endpoints-https prints the tail of a lower-cased Square token in an endpoint path (message)', () => gapLeak(g3a));
  // leaked: the tail of an alternating-case Google API key in an http: endpoint path (message)
  it('3b oauth-endpoints-https prints the tail of an alternating-case Google API key in an endpoint path (message)', () => gapLeak(g3b));
  // leaked: a middle piece of a lower-cased Instagram token, between the mask and the rule's cut (message)
  it('3c oauth-endpoints-https prints a middle piece of a lower-cased Instagram token in an endpoint path (message)', () => gapLeak(g3c));
  // leaked: the 8-character id after `RE_` of an upper-cased Resend key in an http: endpoint path (message)
  it('3d oauth-endpoints-https prints the id part of an upper-cased Resend key in an endpoint path (message)', () => gapLeak(g3d));

  // 4. Re-cased Airtable and Terraform tokens: the 14-character part before the first `.`
  const AT = tokenSecret('airtable-pat', seedOf('airtable-pat'), RECASE.upper, 'airtable (upper)');
  const TF = tokenSecret('terraform-cloud-token', seedOf('terraform-cloud-token'), RECASE.alternating, 'terraform (alternating)');
  const g4a = gap('4a', [AT], () => lintGap('env-example-in-sync', `export const v = process.env[${q(AT.value)}];\n`));
  const g4b = gap('4b', [TF], () => lintGap('env-example-in-sync', `export const v = process.env[${q(`ACME_${TF.value}`)}];\n`));
  // leaked: `PAT<14 characters>` of an upper-cased Airtable token as an env name (message)
  it('4a env-example-in-sync prints the first part of an upper-cased Airtable token (message)', () => gapLeak(g4a));
  // leaked: the 14 characters before `.atlasv1.` of an alternating-case Terraform token (message)
  it('4b env-example-in-sync prints the first part of an alternating-case Terraform Cloud token (message)', () => gapLeak(g4b));

  // 5. A lower-cased Bedrock key: its base64 cut by `/` into short pieces
  const BR_LOWER = tokenSecret('aws-bedrock-short-term-api-key', seedOf('aws-bedrock-short-term-api-key'), RECASE.lower, 'bedrock (lower)');
  const g5a = gap('5a', [BR_LOWER], () => lintGap('env-example-in-sync', `export const v = process.env[${q(BR_LOWER.value)}];\n`));
  // leaked: pieces between `/` of a lower-cased Bedrock key read as an env name (message)
  it('5a env-example-in-sync prints pieces of a lower-cased Bedrock key as an env name (message)', () => gapLeak(g5a));

  // 6. Pieces of random text under the reads: cut by `.` (a run the guard reads only for a prefix), or under 16
  const R48 = plainSecret('48 random', randomString(CHARSETS.b62, 48, 17024));
  const dotted = R48.value.match(/.{1,16}/g)!.join('.');
  const cut12 = R48.value.match(/.{1,12}/g)!.join('_');
  const g6a = gap('6a', [R48], () => lintGap('no-broad-oauth-scopes', WORKER + oauthCall('"k"', { scope: q(`admin:${dotted}`) })));

  // leaked: 48 random characters cut by `.` into three of 16, whole, in a scope (no-hardcoded-secrets masks it in the same run)
  it('6a no-broad-oauth-scopes prints a random scope cut by `.` into pieces of 16 (message)', () => gapLeak(g6a));
  it('(holds) env-example-in-sync masks random text cut by `_` into pieces of 12 (message)', () => {
    lintRoute('env-example-in-sync', `export const v = process.env[${q(`ACME_${cut12}_KEY`)}];\n`, [R48]);
  });

  // 7. Runs of 16–23 characters are never read (LONG_TOKEN_RUN starts at 24)
  const TOTP16 = plainSecret('base32 16', randomString(CHARSETS.base32, 16, 17036));
  const g7a = gap('7a', [TOTP16], () => lintGap('env-example-in-sync', `export const v = process.env[${q(`ACME_${TOTP16.value}`)}];\n`));
  // leaked: a 16-character base32 TOTP secret glued after `ACME_` (a 21-character run), whole (message)
  it('7a env-example-in-sync prints a 16-character base32 secret glued after `ACME_` (message)', () => gapLeak(g7a));
  it('(holds) oauth-endpoints-https masks a 16-character base32 secret in the query (message)', () => {
    lintRoute('oauth-endpoints-https', WORKER + oauthCall('"k"', { auth: q(`http://auth.acme.com/authorize?secret=${TOTP16.value}`) }), [TOTP16]);
  });

  // 8. Percent-encoding the detector does not extend over
  const BR = tokenSecret('aws-bedrock-short-term-api-key', 17304);
  const BR_EARLY = tokenSecret('aws-bedrock-short-term-api-key', 17400);
  const double = encodeURIComponent(encodeURIComponent(BR.value));
  const g8a = gap('8a', [BR], () => lintGap('oauth-endpoints-https', WORKER + oauthCall('"k"', { auth: q(`http://auth.acme.com/authorize?code=${double}`) })));
  const g8b = gap('8b', [BR], async () => {
    const dir = project({ 'package.json': PKG, 'src/q.ts': `export const u = ${q(`https://api.acme.dev/v1?code=${double}`)};\n` });
    const human = await cli(['--root', dir, '--dry-run']);
    const plus = human.out.split('\n').find((l) => l.startsWith('+export const u')) ?? '';
    // what the `+` line keeps after the env read: the rest of the token, left in the code
    return { text: plus.replace(/^.*\?\? ""\}/, ''), exists: moved(human) === 1 };
  });
  gap('8c', [BR_EARLY], () => {
    const l = lint(`export const u = ${q(`https://api.acme.dev/v1?code=${encodeURIComponent(BR_EARLY.value)}`)};\n`);
    return { text: l.text, exists: l.messages.length >= 0 };
  });
  it('8a (holds) oauth-endpoints-https masks the rest of a double-encoded Bedrock key (message, suggestions)', () => gapLeak(g8a));
  // wrong result: the codemod moves only the part before the first `%25`: a broken value in .env, the rest stays in code
  it('8b codemod moves only the first part of a double-encoded Bedrock key (`+` line keeps `%252F…`)', async () => {
    const r = await gapRun(g8b);
    expect(r.text).toMatch(/^"?`?;?$/);
  });
  // wrong result: a Bedrock key whose first `%2F` comes before 40 body characters is not found at all (left in code)
  it('8c no-hardcoded-secrets does not find a percent-encoded Bedrock key whose first escape is early', async () => {
    const l = lint(`export const u = ${q(`https://api.acme.dev/v1?code=${encodeURIComponent(BR_EARLY.value)}`)};\n`);
    expect(ruleCount(l, 'no-hardcoded-secrets')).toBe(1);
  });

  // 9. Over-masking: legitimate one-case names whose letter pairs are mostly not word pairs (acronyms, German)
  const OVER = ['MYSQLPWDFILEPATH_OVERRIDE', 'KFZSTEUERBESCHEIDPDF_URL', 'SSOSAMLIDPXMLMETADATAURL', 'DNSSECKSKZSKROLLOVER_DAYS'];
  const g9 = gap('9', [], async () => {
    const dir = project({ 'package.json': PKG, 'src/reads.ts': OVER.map((n, i) => `export const r${i} = process.env.${n};\n`).join('') });
    const json = await cli(['--root', dir, '--sync-env-example', '--dry-run', '--json']);
    return { text: json.out, exists: json.code === 0 };
  });
  // wrong result: env-example-in-sync masks `MYSQLPWDFILEPATH_OVERRIDE` (and three more) in its message
  it('9a env-example-in-sync masks legitimate acronym and German env names in its message', () => {
    const l = lint(OVER.map((n, i) => `export const r${i} = process.env.${n};\n`).join(''));
    for (const n of OVER) expect(l.text).toContain(n);
  });
  // wrong result: --sync-env-example refuses them as names that hold a secret instead of adding them
  it('9b codemod --sync-env-example refuses legitimate acronym and German env names as secrets', async () => {
    const r = await gapRun(g9);
    const report = (JSON.parse(r.text) as { syncEnvExample: { secretNames: string[]; files: { added: string[] }[] } }).syncEnvExample;
    expect([...(report.files[0]?.added ?? [])].sort()).toEqual([...OVER].sort());
  });

  it('every known-gap route produces the output it is about', async () => {
    const missing: string[] = [];
    for (const key of GAPS.keys()) if (!(await gapRun(key)).exists) missing.push(key);
    expect(missing).toEqual([]);
  });
});
