/**
 * A fifth, independent leak hunt, on behaviour the first four hunts never saw: the codemod's refusals and warnings
 * (a `.env` that git tracks: a writing run refuses, a dry run warns; the lock file refusing `--sync-env-example` and
 * writing runs; `node_modules`, build output, `*.min.js`, `*.d.ts`, a named README or JSON file skipped, also when
 * their paths or the `--root` hold a token), env-name choice (a name the code already reads gets `NAME_2`, two values
 * colliding, names derived from keys that hold random runs), secrets as env-schema defaults (zod `.default()` /
 * `.catch()`, yup, joi, envalid `str({ default })`), a vendor scheme followed by a comma-separated list
 * (`FlyV1 fm2_…,fm2_…`), tokens made of words plus a random part (`secret-token:acme_live_<random>`), scopes of an
 * unknown provider that embed a token (`<token>:admin`, `session:role:<token>ACCOUNTADMIN`), endpoint URLs with
 * credentials, `worker.credential()` suggestions, ESLint's JSON formatters (without the `source` ESLint copies there:
 * documented), SARIF and stylish, the codemod's human report, `--json`, `--check` and unified diff (hunks, `\ No newline
 * at end of file`, a whole-file hunk, CRLF), and odd encodings in source (`\u` / `\x` escapes, `String.raw`, tagged
 * templates, HTML entities in JSX, line continuations, `+` chains with comments, regular-expression literals, comments
 * with `*\/` tricks).
 *
 * Every case asserts that no output holds a planted secret nor any run of 8+ characters of its random part (compared
 * without case and without punctuation); a suggestion may carry over text of the range it replaces, nothing more.
 * Secrets include short ones (16–20 characters, a GitLab token's 20) and a base64 secret cut by `/` into runs under the
 * 24 characters the output guard's random-run mask needs. Tokens are built at run time (test/support/fake-tokens.ts),
 * seeds 8000–8999.
 *
 * The eight leaks this set found, from three causes, are fixed and kept under "gaps found by the held-out set, fixed":
 * 1. A lower-cased GitHub token whose random part has four digits or fewer is no longer found by the detector (its
 *    checksum is gone) and `looksRandom` reads it as an identifier: the lock refusal naming a `--root`, the usage
 *    error naming a `node_modules/…` path, and a no-broad-oauth-scopes message printed it. `maskShown` now also masks
 *    a long run that opens with a provider's prefix in any case.
 * 2. A scope holding a base64 secret cut by `/` or `+` (`delete:<a/b/c/d>`, `files.<AWS secret key>.all`, which
 *    the scope splitter cuts at its `+`) was shown in the no-broad-oauth-scopes message, whole or in pieces too short
 *    to look random. `maskShown` now reads base64 runs with their `/` and `+`, and a scope is shown only as it
 *    survives the masking of the whole string it was split from.
 * 3. An env name derived from a key glued to a 16–20-character random run (`ACME_SECRET_<20>`, `x-api-key-<20>`,
 *    `ACME_API_KEY_<16>`) copied the run into the env name the messages name, the suggestion inserts and the codemod
 *    writes. A name holding a part of 16+ letters and digits that is random, or has hardly a vowel, now gets a
 *    generic env name (src/detect/context.ts `holdsRandomNamePart`).
 *
 * Seen on the way, no leak, and fixed: a `+` chain of a short secret with a block comment between its pieces was
 * reported by the rule, but the codemod's file prefilter ruled the file out (its join of `"…" + "…"` allowed only
 * white space around the `+`; `joinConcatenations` in src/detect/index.ts now skips comments too), so the value was
 * not moved.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { main } from '../src/cli/codemod.js';
import { runCodemod } from '../codemods/run.js';
import transform from '../codemods/jscodeshift.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from './support/fake-tokens.js';

// ---------------------------------------------------------------------------------------------------------------
// Tokens (built at run time) and the leak check
// ---------------------------------------------------------------------------------------------------------------

interface Secret {
  readonly value: string;
  /** Characters the mask may show in front (`ghp_`): runs inside them are not a leak. */
  readonly prefix: number;
}

const GH = fakeToken('github-classic-pat', 8001);
const GH2 = fakeToken('github-classic-pat', 8002);
const ST = fakeToken('stripe-secret-key', 8003);
const SL = fakeToken('slack-bot-token', 8004);
const NPM = fakeToken('npm-access-token', 8005);
const OA = fakeToken('openai-project-key', 8006);
const NT = fakeToken('notion-token', 8007);
/** GitLab PAT: `glpat-` and 20 random characters (a short token with a prefix). */
const GL = fakeToken('gitlab-pat', 8008);
/** Vercel: `vcp_` and 24. */
const VC = fakeToken('vercel-personal-token', 8009);
/** AWS secret access key: 40 base64 characters, `/` among them (no long run for the random-run mask). */
const AWS = fakeToken('aws-secret-access-key', 8010);
const SG = fakeToken('sendgrid-api-key', 8011);
const G = fakeGenericSecret(8012);
const G2 = fakeGenericSecret(8013);
/** Short random secrets: under the 24 characters the output guard's random-run mask needs. */
const R20 = randomString(CHARSETS.b62, 20, 8014);
const R20B = randomString(CHARSETS.b62, 20, 8015);
const R20C = randomString(CHARSETS.b62, 20, 8016);
const R16 = randomString(CHARSETS.b62, 16, 8017);
const HEX24 = randomString(CHARSETS.hex, 24, 8018);
/** Fly.io tokens: `fm2_` and base64 (a `FlyV1 fm2_…,fm2_…` header value is a comma-separated list of them). */
const FLY1 = `fm2_${randomString(CHARSETS.b64, 96, 8019)}`;
const FLY2 = `fm2_${randomString(CHARSETS.b64, 40, 8020)}`;
const FLY_SHORT = `fm2_${randomString(CHARSETS.b62, 20, 8021)}`;
/** A base64 secret with `/` every few characters: no run of 24 token characters. */
const SLASHY = [8022, 8023, 8024, 8025].map((s) => randomString(CHARSETS.b62, 11, s)).join('/');
/** Words plus a random part (`secret-token:acme_live_<random>`). */
const WORDY = `secret-token:acme_live_${R20C}`;
const WORDY16 = `acme-prod-key_${R16}`;

const GHL = GH.toLowerCase();

const S = {
  GH: { value: GH, prefix: 4 },
  GH2: { value: GH2, prefix: 4 },
  ST: { value: ST, prefix: 8 },
  SL: { value: SL, prefix: 5 },
  NPM: { value: NPM, prefix: 4 },
  OA: { value: OA, prefix: 8 },
  NT: { value: NT, prefix: 4 },
  GL: { value: GL, prefix: 6 },
  VC: { value: VC, prefix: 4 },
  AWS: { value: AWS, prefix: 0 },
  SG: { value: SG, prefix: 3 },
  G: { value: G, prefix: 0 },
  G2: { value: G2, prefix: 0 },
  R20: { value: R20, prefix: 0 },
  R20B: { value: R20B, prefix: 0 },
  R20C: { value: R20C, prefix: 0 },
  R16: { value: R16, prefix: 0 },
  HEX24: { value: HEX24, prefix: 0 },
  FLY1: { value: FLY1, prefix: 4 },
  FLY2: { value: FLY2, prefix: 4 },
  FLY_SHORT: { value: FLY_SHORT, prefix: 4 },
  SLASHY: { value: SLASHY, prefix: 0 },
} satisfies Record<string, Secret>;

const fold = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** What of `secret` shows in `output`: the whole value, or 8-character runs of its random part. Empty: no leak. */
function leaksOf(output: string, secret: Secret): string[] {
  const found: string[] = [];
  if (output.includes(secret.value)) found.push('<whole value>');
  const haystack = fold(output);
  const body = fold(secret.value.slice(secret.prefix));
  for (let i = 0; i + 8 <= body.length; i++) {
    const run = body.slice(i, i + 8);
    if (haystack.includes(run)) {
      found.push(run);
      i += 7;
    }
  }
  return found;
}

function expectNoLeak(outputs: string | readonly string[], ...secrets: Secret[]): void {
  const text = typeof outputs === 'string' ? outputs : outputs.join('\n');
  for (const secret of secrets) {
    const found = leaksOf(text, secret);
    expect(found, `leak of a ${secret.value.length}-character secret in:\n${text.slice(0, 4000)}`).toEqual([]);
  }
}

describe('the leak check', () => {
  it('sees a whole value, a re-cased copy, a run of a short secret, a run between slashes, and ignores the mask', () => {
    expect(leaksOf(`x ${GH} y`, S.GH)).not.toEqual([]);
    expect(leaksOf(GHL, S.GH)).not.toEqual([]);
    expect(leaksOf(R20.slice(6, 15).toUpperCase(), S.R20)).not.toEqual([]);
    expect(leaksOf(SLASHY.split('/')[1]!, S.SLASHY)).not.toEqual([]);
    expect(leaksOf(`${FLY1.slice(0, 4)}…${FLY1.slice(-4)}`, S.FLY1)).toEqual([]);
    expect(leaksOf(`${GH.slice(0, 4)}…${GH.slice(-4)} ${GL.slice(0, 6)}…${GL.slice(-4)} …${R20.slice(-2)}`, S.GH)).toEqual([]);
    expect(leaksOf(`…${R20.slice(-4)}`, S.R20)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Projects on disk
// ---------------------------------------------------------------------------------------------------------------

const root = mkdtempSync(join(tmpdir(), 'wa-leak-hunt-5-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let projects = 0;
function project(files: Record<string, string>, name?: string): string {
  const dir = join(root, name ?? `p${++projects}`);
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr}`);
  return r.stdout;
}

/** A project in a fresh git repository with everything committed (`force`: also paths .gitignore names). */
function gitProject(files: Record<string, string>, options: { force?: string[]; name?: string } = {}): string {
  const dir = project(files, options.name);
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  for (const path of options.force ?? []) git(dir, 'add', '-f', path);
  git(dir, 'commit', '-q', '-m', 'fixture');
  return dir;
}

const WORKER_PKG = JSON.stringify({ name: 'w', dependencies: { '@notionhq/workers': '^0.9.2' } });
const LINT_PROJECT = project({ 'package.json': WORKER_PKG, '.env.example': 'KNOWN=\n', '.gitignore': '.env\n.env.*\n!.env.example\n', 'src/.keep': '' });

// ---------------------------------------------------------------------------------------------------------------
// ESLint
// ---------------------------------------------------------------------------------------------------------------

const linter = new Linter({ configType: 'flat', cwd: root });

interface LintOptions {
  file?: string;
  dir?: string;
  set?: 'recommended' | 'strict' | 'all';
  rules?: Linter.RulesRecord;
}
const STRICT = { set: 'strict' } as const;

function lintConfig(options: LintOptions): Linter.Config[] {
  return [
    { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser as Linter.Parser } },
    { files: ['**/*.jsx', '**/*.js'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    plugin.configs[options.set ?? 'all'],
    ...(options.rules ? [{ files: ['**/*'], rules: options.rules }] : []),
  ];
}

function lintMessages(code: string, options: LintOptions = {}): Linter.LintMessage[] {
  const file = join(options.dir ?? LINT_PROJECT, 'src', options.file ?? 'index.ts');
  return linter.verify(code, lintConfig(options), file);
}

interface Shown {
  /** messages and suggestion descriptions */
  text: string;
  /** what the suggestions insert */
  fixes: string[];
  messages: Linter.LintMessage[];
}

function lintOutput(code: string, options: LintOptions = {}): Shown {
  const messages = lintMessages(code, options);
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`does not parse: ${fatal.message.slice(0, 30)}`);
  const text = messages.map((m) => [m.message, ...(m.suggestions ?? []).map((s) => s.desc)].join('\n')).join('\n');
  const fixes = messages.flatMap((m) => (m.suggestions ?? []).map((s) => s.fix.text));
  return { text, fixes, messages };
}

function lintShown(rule: string, code: string, options: LintOptions = {}): Shown {
  const shown = lintOutput(code, options);
  expect(shown.messages.map((m) => m.ruleId), shown.text).toContain(`worker-auth/${rule}`);
  return shown;
}

/**
 * Messages, suggestion descriptions and suggestion texts must not hold `secrets`. A suggestion text may carry along
 * what the source holds outside the planted secrets; a secret, or part of one, the rewrite keeps or copies is a leak.
 */
function expectLintClean(code: string, shown: Shown, ...secrets: Secret[]): void {
  expectNoLeak(shown.text, ...secrets);
  let rest = code;
  for (const s of secrets) rest = rest.split(s.value).join(' ');
  const foldedRest = fold(rest);
  for (const fix of shown.fixes) {
    for (const s of secrets) {
      const found = leaksOf(fix, s).filter((run) => run === '<whole value>' || !foldedRest.includes(run));
      expect(found, `suggestion text keeps a ${s.value.length}-character secret:\n${fix.slice(0, 2000)}`).toEqual([]);
    }
  }
}

/**
 * For suggestions that rewrite a long stretch (a literal holding more than the moved value, the code
 * prefer-credential-injection rewrites): what a suggestion's text shows beyond the text it replaces must hold none of
 * `secrets` (text carried over from the replaced range is the source's own).
 */
function expectFixesBeyondReplaced(code: string, shown: Shown, ...secrets: Secret[]): void {
  for (const m of shown.messages) {
    for (const s of m.suggestions ?? []) {
      const replaced = code.slice(s.fix.range[0], s.fix.range[1]);
      for (const secret of secrets) {
        const carried = new Set(leaksOf(replaced, secret));
        const found = leaksOf(s.fix.text, secret).filter((run) => !carried.has(run));
        expect(found, `suggestion text adds a ${secret.value.length}-character secret:\n${s.fix.text.slice(0, 2000)}`).toEqual([]);
      }
    }
  }
}

function lintClean(rule: string, code: string, secrets: Secret[], options: LintOptions = {}): Shown {
  const shown = lintShown(rule, code, options);
  expectLintClean(code, shown, ...secrets);
  return shown;
}

const WORKER = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';

/** A `worker.oauth()` call (strings are source text). */
function oauth(fields: { auth?: string; token?: string; callback?: string; scope?: string }): string {
  return (
    WORKER +
    'worker.oauth("acme", {\n' +
    '  name: "acme",\n' +
    `  authorizationEndpoint: ${fields.auth ?? '"https://auth.acme.com/oauth/authorize"'},\n` +
    `  tokenEndpoint: ${fields.token ?? '"https://auth.acme.com/oauth/token"'},\n` +
    (fields.callback ? `  callbackUrl: ${fields.callback},\n` : '') +
    `  scope: ${fields.scope ?? '"read"'},\n` +
    '  clientId: process.env.KNOWN ?? "",\n' +
    '  clientSecret: process.env.KNOWN ?? "",\n' +
    '});\n'
  );
}

const fetchWith = (url: string, headers: string, head = WORKER): string =>
  `${head}export async function call() {\n  return fetch(${url}, { headers: { ${headers} } });\n}\n`;

const q = JSON.stringify;

// ---------------------------------------------------------------------------------------------------------------
// The codemod
// ---------------------------------------------------------------------------------------------------------------

interface CliRun {
  code: number;
  out: string;
  err: string;
  all: string;
}

async function cliAt(args: readonly string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  let code: number;
  try {
    code = await main([...args], { out: { write: (c: string) => (out += c) }, err: { write: (c: string) => (err += c) } });
  } catch (e) {
    code = -1;
    err += `\nthrown: ${(e as Error).message}\n${(e as Error).stack ?? ''}`;
  }
  return { code, out, err, all: `${out}\n${err}` };
}

const cli = (dir: string, args: readonly string[]): Promise<CliRun> => cliAt(['--root', dir, ...args]);

/** The human dry run, the `--json` dry run and `runCodemod`'s report, all in one text. */
async function dryRunOutputs(dir: string, extra: readonly string[] = []): Promise<string> {
  const human = await cli(dir, ['--dry-run', ...extra]);
  const json = await cli(dir, ['--dry-run', '--json', ...extra]);
  return `${human.all}\n${json.all}`;
}

async function reportOf(dir: string, paths: string[] = []): Promise<string> {
  const { report } = await runCodemod({ root: dir, paths, dryRun: true });
  return JSON.stringify(report);
}

const readIn = (dir: string, rel: string): string => readFileSync(join(dir, rel), 'utf8');

/**
 * The env names a dry run would write (report, `.env.example` lines of the diff, the reads it would insert): a key
 * the source keeps as it is shows in the diff anyway, so routes about names derived from keys look at these alone.
 */
async function envNamesOf(dir: string): Promise<string> {
  const json = await cli(dir, ['--dry-run', '--json']);
  const report = JSON.parse(json.out) as { envNames: { name: string }[]; files: { secrets: { envName: string }[] }[]; diff: string };
  const inserted = [...report.diff.matchAll(/process\.env\.([A-Za-z0-9_$]+)/g)].map((m) => m[1]!);
  const exampleLines = report.diff.split('\n').filter((line) => /^\+[A-Za-z0-9_.-]+=$/.test(line));
  return [...report.envNames.map((e) => e.name), ...report.files.flatMap((f) => f.secrets.map((x) => x.envName)), ...inserted, ...exampleLines].join('\n');
}

async function jscodeshiftRun(dir: string, rel: string, options: Record<string, unknown> = {}): Promise<{ lines: string[]; error: string; output: string | undefined }> {
  const lines: string[] = [];
  let error = '';
  let output: string | undefined;
  try {
    output = await transform({ path: join(dir, rel), source: readFileSync(join(dir, rel), 'utf8') }, { report: (m: string) => lines.push(m) }, { root: dir, ...options });
  } catch (e) {
    error = `${(e as Error).message}\n${(e as Error).stack ?? ''}`;
  }
  return { lines, error, output };
}

// ===============================================================================================================
// ROUTES
// ===============================================================================================================

describe('leak hunt, fifth held-out set', () => {
  // =============================================================================================================
  // The codemod's refusals and warnings: a git-tracked `.env`, the lock, named paths never read
  // =============================================================================================================

  describe('codemod: a .env that git tracks', () => {
    /** A repository whose committed `.env` already holds secrets, and a source with a new one. */
    const trackedEnv = (source: string, env = `LEGACY_TOKEN=${R20}\nOLD_KEY=${GH2}\n`): string =>
      gitProject({ 'src/a.ts': source, '.env': env, '.gitignore': 'node_modules\n' });

    it('a writing run refuses (exit 2): the refusal names neither the new value nor those .env holds', async () => {
      const dir = trackedEnv(`export const k = "${GH}";\n`);
      const run = await cli(dir, []);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/tracked by git/);
      expectNoLeak(run.all, S.GH, S.GH2, S.R20);
      expect(readIn(dir, 'src/a.ts')).toContain(GH);
    });

    it('a dry run warns: the warning, the diff (old .env lines as `…`) and --json hold no value', async () => {
      const dir = trackedEnv(`export const k = "${GH}";\n`);
      const out = await dryRunOutputs(dir);
      expect(out).toMatch(/\.env is tracked by git/);
      expect(out).toContain('GITHUB_TOKEN');
      expectNoLeak(out, S.GH, S.GH2, S.R20);
    });

    it('a dry run warns, .env without a final newline holding a short secret on its last line', async () => {
      const dir = trackedEnv(`export const s = { password: "${R20B}" };\n`, `# legacy\nDB_PASSWORD=${R20}`);
      const out = await dryRunOutputs(dir);
      expect(out).toMatch(/tracked by git/);
      expectNoLeak(out, S.R20, S.R20B);
    });

    it('a dry run warns, .env tracked and readable by others: both warnings, no value', async () => {
      const dir = trackedEnv(`export const k = "${NPM}";\n`);
      chmodSync(join(dir, '.env'), 0o644);
      const json = await cli(dir, ['--dry-run', '--json']);
      const report = JSON.parse(json.out) as { warnings: string[] };
      expect(report.warnings.join('\n')).toMatch(/tracked by git/);
      expectNoLeak(json.all, S.NPM, S.GH2, S.R20);
    });

    it('runCodemod (programmatic) throws the refusal: message and stack masked', async () => {
      const dir = trackedEnv(`export const k = "${SL}";\n`);
      let thrown = '';
      await runCodemod({ root: dir, paths: [] }).catch((e: Error) => (thrown = `${e.message}\n${e.stack ?? ''}`));
      expect(thrown).toMatch(/tracked by git/);
      expectNoLeak(thrown, S.SL, S.GH2, S.R20);
    });

    it('jscodeshift (writing) leaves the file: its report line names no value', async () => {
      const dir = trackedEnv(`export const k = "${SL}";\n`);
      const { lines, error, output } = await jscodeshiftRun(dir, 'src/a.ts', { lockTimeoutMs: 200 });
      expect(output).toBeUndefined();
      expect(lines.join('\n')).toMatch(/tracked by git/);
      expectNoLeak([...lines, error], S.SL, S.GH2, S.R20);
    });

    it('--check on the tracked .env (human and --json): names the file only', async () => {
      const dir = trackedEnv('export const a = 1;\n');
      for (const args of [['--check'], ['--check', '--json']]) {
        const run = await cli(dir, args);
        expect(run.code).toBe(1);
        expect(run.all).toMatch(/tracked/);
        expectNoLeak(run.all, S.GH2, S.R20);
      }
    });

    it('a --root whose path holds a token: the refusal and the warning mask it', async () => {
      const dir = gitProject({ 'src/a.ts': `export const k = "${NPM}";\n`, '.env': `OLD=${R20}\n` }, { name: `worker-${GH}` });
      const write = await cli(dir, []);
      expect(write.code).toBe(2);
      const dry = await dryRunOutputs(dir);
      expectNoLeak([write.all, dry], S.GH, S.NPM, S.R20);
    });
  });

  describe('codemod: the lock file', () => {
    const locked = (files: Record<string, string>, name?: string): string => {
      const dir = project(files, name);
      writeFileSync(join(dir, '.env.worker-auth.lock'), '99999\n');
      return dir;
    };

    it('--sync-env-example --check together, lock held: the refusal and nothing of .env.example', async () => {
      const dir = locked({ 'src/a.ts': 'export const a = process.env.ACME_TOKEN;\n', '.env.example': `ACME_TOKEN=${R20}\n` }, `w-${NT}`);
      const run = await cli(dir, ['--sync-env-example', '--check']);
      expect(run.code).toBe(2);
      expectNoLeak(run.all, S.NT, S.R20);
    });

    it('--sync-env-example --dry-run takes no lock: it runs, a .env.example value shown as `…`', async () => {
      const dir = locked({ 'src/a.ts': 'export const a = process.env.ACME_TOKEN;\nexport const b = process.env.OTHER_KEY;\n', '.env.example': `ACME_TOKEN=${R20}` }, `w-${VC}`);
      const run = await cli(dir, ['--sync-env-example', '--dry-run']);
      expect(run.code).toBe(0);
      expect(run.out).toContain('OTHER_KEY');
      expectNoLeak(run.all, S.VC, S.R20);
    });

    it('a writing codemod run refuses while the lock is held: a --root named after a GitLab token (short random part)', async () => {
      const dir = locked({ 'src/a.ts': `export const k = "${GH}";\n` }, `w-${GL}`);
      const run = await cli(dir, ['--json']);
      expect(run.code).toBe(2);
      expectNoLeak(run.all, S.GL, S.GH);
    });

    it('a writing --sync-env-example refused by the lock: a --root named after a words-plus-random secret', async () => {
      const dir = locked({ 'src/a.ts': 'export const a = process.env.ACME_TOKEN;\n' }, WORDY);
      const run = await cli(dir, ['--sync-env-example']);
      expect(run.code).toBe(2);
      expectNoLeak(run.all, S.R20C);
    });

    it('jscodeshift (writing) waits, then gives up: its report line masks a --root named after a Vercel token', async () => {
      const dir = locked({ 'src/a.ts': `export const k = "${ST}";\n` }, `w-${VC}-js`);
      const { lines, error, output } = await jscodeshiftRun(dir, 'src/a.ts', { lockTimeoutMs: 60 });
      expect(output).toBeUndefined();
      expect(lines.join('\n')).toMatch(/not changed/);
      expectNoLeak([...lines, error], S.VC, S.ST);
    });
  });

  describe('codemod: named paths never read', () => {
    it('`node_modules/<token>.js` named alone: the usage error (exit 2)', async () => {
      const dir = project({ [`node_modules/pkg/${GH}.js`]: `export const k = "${ST}";\n`, 'src/a.ts': 'export const a = 1;\n' });
      const run = await cli(dir, ['--dry-run', `node_modules/pkg/${GH}.js`]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/never read|no JS\/TS source/);
      expectNoLeak(run.all, S.GH, S.ST);
    });

    it('a `dist` folder named after a lower-cased Slack token, beside a source: skipped in the report and --json', async () => {
      const sl = SL.toLowerCase();
      const dir = project({ [`dist/${sl}/x.js`]: `export const k = "${ST}";\n`, 'src/a.ts': `export const k = "${NPM}";\n` });
      const out = await dryRunOutputs(dir, [`dist/${sl}`, 'src']);
      expect(out).toMatch(/build output/);
      expectNoLeak([out, await reportOf(dir, [`dist/${sl}`, 'src'])], S.SL, S.ST, S.NPM);
    });

    it('`vendor.<token>.min.js` named: skipped as minified, name masked', async () => {
      const dir = project({ [`public/vendor.${NT}.min.js`]: `var k="${ST}";\n`, 'src/a.ts': `export const k = "${GH}";\n` });
      const out = await dryRunOutputs(dir, [`public/vendor.${NT}.min.js`, 'src']);
      expect(out).toMatch(/minified/);
      expectNoLeak(out, S.NT, S.ST, S.GH);
    });

    it('`types.<token>.d.ts` named: skipped as type declarations', async () => {
      const dir = project({ [`src/types.${OA}.d.ts`]: 'export declare const k: string;\n', 'src/a.ts': `export const k = "${GH}";\n` });
      const out = await dryRunOutputs(dir, [`src/types.${OA}.d.ts`, 'src/a.ts']);
      expect(out).toMatch(/type declarations/);
      expectNoLeak(out, S.OA, S.GH);
    });

    it('a README named after a GitLab token (short random part): not a JS/TS source', async () => {
      const dir = project({ [`docs/README-${GL}.md`]: `token: ${GH}\n`, 'src/a.ts': `export const k = "${ST}";\n` });
      const out = await dryRunOutputs(dir, [`docs/README-${GL}.md`, 'src']);
      expect(out).toMatch(/not a JS\/TS source/);
      expectNoLeak(out, S.GL, S.GH, S.ST);
    });

    it('several excluded paths named with tokens: the usage error counts them, names the first masked', async () => {
      const dir = project({ [`build/${SG}.js`]: 'x;\n', [`coverage/${VC}.js`]: 'x;\n', [`out/${GL}.mjs`]: 'x;\n' });
      const run = await cli(dir, ['--dry-run', `build/${SG}.js`, `coverage/${VC}.js`, `out/${GL}.mjs`]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/more such path/);
      expectNoLeak(run.all, S.SG, S.VC, S.GL);
    });

    it('--sync-env-example names `node_modules/<token>` and src: skipped line and --json', async () => {
      const dir = project({ [`node_modules/${NT}/i.js`]: 'process.env.X;\n', 'src/a.ts': 'export const a = process.env.ACME_TOKEN;\n' });
      for (const args of [['--sync-env-example', '--dry-run'], ['--sync-env-example', '--dry-run', '--json']]) {
        const run = await cli(dir, [...args, `node_modules/${NT}`, 'src']);
        expect(run.code).toBe(0);
        expect(run.all).toMatch(/dependencies/);
        expectNoLeak(run.all, S.NT);
      }
    });

    it('a named path that does not exist, holding a words-plus-random secret', async () => {
      const dir = project({ 'src/a.ts': 'export const a = 1;\n' });
      const run = await cli(dir, ['--dry-run', `src/${WORDY}.ts`]);
      expect(run.code).toBe(2);
      expectNoLeak(run.all, S.R20C);
    });

    it('a --root that is a file named after a token: the usage error', async () => {
      const dir = project({ [`${ST}.ts`]: 'export const a = 1;\n' });
      const run = await cliAt(['--root', join(dir, `${ST}.ts`), '--dry-run']);
      expect(run.code).toBe(2);
      expectNoLeak(run.all, S.ST);
    });

    it('a --root that does not exist, named after a GitLab token: every mode', async () => {
      const missing = join(root, `gone-${GL}`);
      for (const args of [['--dry-run'], ['--check'], ['--sync-env-example'], ['--json']]) {
        const run = await cliAt(['--root', missing, ...args]);
        expect(run.code).toBe(2);
        expectNoLeak(run.all, S.GL);
      }
    });

    it('a --root named after a token: a dry run that moves a value (diff headers are relative)', async () => {
      const dir = project({ 'src/a.ts': `export const k = "${ST}";\n` }, `acme-${SG}`);
      const out = await dryRunOutputs(dir);
      expect(out).toContain('STRIPE_SECRET_KEY');
      expectNoLeak([out, await reportOf(dir)], S.SG, S.ST);
    });
  });

  // =============================================================================================================
  // Env-name choice: names the code reads, names derived from keys with random runs, colliding values
  // =============================================================================================================

  describe('codemod: env-name choice', () => {
    it('a hardcoded token whose name the code already reads gets NAME_2 (dry run, report, --json)', async () => {
      const dir = project({ 'src/index.ts': 'export const t = process.env.GITHUB_TOKEN;\n', 'scripts/backfill.ts': `export const k = "${GH}";\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('GITHUB_TOKEN_2');
      expectNoLeak([out, await reportOf(dir)], S.GH);
    });

    it('the read lies outside the named path: NAME_2 still, nothing of the value printed', async () => {
      const dir = project({ 'src/index.ts': 'const { NOTION_TOKEN } = process.env;\nexport const t = NOTION_TOKEN;\n', 'scripts/backfill.ts': `export const k = "${NT}";\n` });
      const out = await dryRunOutputs(dir, ['scripts']);
      expect(out).toContain('NOTION_TOKEN_2');
      expectNoLeak(out, S.NT);
    });

    it('a writing run in git: NAME_2 in .env.example and the report, the value only in .env', async () => {
      const dir = gitProject({ 'src/index.ts': 'export const t = process.env.STRIPE_SECRET_KEY;\n', 'src/pay.ts': `export const k = "${ST}";\n`, '.gitignore': 'node_modules\n' });
      const run = await cli(dir, []);
      expect(run.code).toBe(0);
      expect(readIn(dir, '.env.example')).toContain('STRIPE_SECRET_KEY_2');
      expectNoLeak([run.all, readIn(dir, '.env.example'), readIn(dir, 'src/pay.ts')], S.ST);
      expect(readIn(dir, '.env')).toContain(ST);
    });

    it('a generic secret whose derived name (API_TOKEN) is read, and .env holds API_TOKEN_2 with another value', async () => {
      const dir = project({ 'src/index.ts': 'export const t = process.env.API_TOKEN;\n', 'src/a.ts': `export const cfg = { token: "${R20}" };\n`, '.env': `API_TOKEN_2=${R20B}\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('API_TOKEN_3');
      expectNoLeak(out, S.R20, S.R20B);
    });

    it('two tokens of one provider collide: GITHUB_TOKEN and GITHUB_TOKEN_2, neither printed', async () => {
      const dir = project({ 'src/a.ts': `export const a = "${GH}";\n`, 'src/b.ts': `export const b = "${GH2}";\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('GITHUB_TOKEN_2');
      expectNoLeak([out, await reportOf(dir)], S.GH, S.GH2);
    });

    it('two short generic secrets under the same owner in two files collide (DB_PASSWORD, DB_PASSWORD_2)', async () => {
      const dir = project({ 'src/a.ts': `export const db = { password: "${R20}" };\n`, 'src/b.ts': `export const db = { password: "${R20B}" };\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toMatch(/DB_PASSWORD_2/);
      expectNoLeak(out, S.R20, S.R20B);
    });

    it('a fallback keeps its name; a plain value of the same derived name takes NAME_2', async () => {
      const dir = project({ 'src/a.ts': `export const t = process.env.ACME_TOKEN ?? "${R20}";\n`, 'src/b.ts': `export const acme = { acmeToken: "${R20B}" };\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('ACME_TOKEN');
      expectNoLeak(out, S.R20, S.R20B);
    });

    it('one value as the fallback of two env names: one name for it, nothing of the value printed', async () => {
      const dir = project({ 'src/a.ts': `export const a = process.env.ACME_TOKEN ?? "${R20}";\n`, 'src/b.ts': `export const b = process.env.ACME_API_TOKEN ?? "${R20}";\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('ACME_');
      expectNoLeak([out, await reportOf(dir)], S.R20);
    });

    it('one env name as the fallback of two values (left for a manual edit): neither value printed', async () => {
      const dir = project({ 'src/a.ts': `export const a = process.env.ACME_TOKEN ?? "${R20}";\n`, 'src/b.ts': `export const b = process.env.ACME_TOKEN ?? "${R20B}";\n` });
      const run = await cli(dir, ['--dry-run']);
      expect(run.err).toMatch(/manual edit/);
      expectNoLeak([run.all, await reportOf(dir)], S.R20, S.R20B);
    });

    it('a token in a fixture and in the code: the code gets the plain name, both masked', async () => {
      const dir = project({ 'src/a.ts': `export const k = "${OA}";\n`, 'test/fixtures/k.ts': `export const k = "${fakeToken('openai-project-key', 8099)}";\n` });
      const out = await dryRunOutputs(dir, ['--test-files', 'all']);
      expect(out).toContain('OPENAI_API_KEY_2');
      expectNoLeak(out, S.OA, { value: fakeToken('openai-project-key', 8099), prefix: 8 });
    });

    it('a key holding a short random run (`token_<16>`): the derived name does not copy it', async () => {
      const dir = project({ 'src/a.ts': `export const cfg = { token_${R16}: "${G}" };\n` });
      const names = await envNamesOf(dir);
      expect(names).toContain('API_SECRET');
      expectNoLeak(names, S.R16, S.G);
      expectNoLeak(await reportOf(dir), S.G);
    });

    it('a snake-case key glued to a hex run (`api_key_<hex24>`): the derived name does not copy it', async () => {
      const dir = project({ 'src/a.ts': `export const cfg = { api_key_${HEX24}: "${G}" };\n` });
      const names = await envNamesOf(dir);
      expect(names).not.toBe('');
      expectNoLeak(names, S.HEX24, S.G);
    });

    it('an owner key that is a random run (`{ "<random>": { apiKey } }`): not in the derived name', async () => {
      const dir = project({ 'src/a.ts': `export const cfg = { "${R16}": { apiKey: "${G}" } };\n` });
      const names = await envNamesOf(dir);
      expect(names).not.toBe('');
      expectNoLeak(names, S.R16, S.G);
    });

    it('a key glued to a words-plus-random run (`acme_live_<20>_token`), writing run: .env.example and the report', async () => {
      const dir = gitProject({ 'src/a.ts': `export const cfg = { acme_live_${R20C}_token: "${G}" };\n`, '.gitignore': 'node_modules\n' });
      const run = await cli(dir, []);
      expect(run.code).toBe(0);
      expectNoLeak([run.all, readIn(dir, '.env.example')], S.R20C, S.G);
    });

    it('a schema default under a key holding a hex run (`TOKEN_<hex24>: z.string().default(…)`)', async () => {
      const dir = project({ 'src/env.ts': `import { z } from "zod";\nexport const Env = z.object({ TOKEN_${HEX24.toUpperCase()}: z.string().default("${G}") });\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('process.env.');
      expectNoLeak(out, S.HEX24, S.G);
    });
  });

  // =============================================================================================================
  // Rules: schema defaults, vendor-scheme lists, words plus a random part
  // =============================================================================================================

  describe('lint: a secret as the default of an env schema', () => {
    it('zod `.default("<short secret>")` under a credential key: message and suggestion', () => {
      const code = `import { z } from "zod";\nexport const Env = z.object({ ACME_API_TOKEN: z.string().default("${R20}") });\n`;
      const shown = lintClean('no-hardcoded-secrets', code, [S.R20]);
      expect(shown.fixes.join('\n')).toContain('process.env.ACME_API_TOKEN');
    });

    it('zod `.catch("<secret>")` followed by `.optional().describe(…)`', () => {
      const code = `import { z } from "zod";\nexport const Env = z.object({ STRIPE_KEY: z.string().catch("${ST}").optional().describe("stripe") });\n`;
      lintClean('no-hardcoded-secrets', code, [S.ST]);
    });

    it('envalid `str({ default: "<short secret>" })`', () => {
      const code = `import { cleanEnv, str } from "envalid";\nexport const env = cleanEnv(process.env, { ACME_SECRET: str({ default: "${R20B}" }) });\n`;
      lintClean('no-hardcoded-secrets', code, [S.R20B]);
    });

    it('envalid `str({ devDefault: "<words plus random>" })`', () => {
      const code = `import { cleanEnv, str } from "envalid";\nexport const env = cleanEnv(process.env, { ACME_TOKEN: str({ devDefault: "${WORDY}" }) });\n`;
      lintClean('no-hardcoded-secrets', code, [S.R20C]);
    });

    it('yup `.default("<GitHub token>")` beside a `.required()`', () => {
      const code = `import * as yup from "yup";\nexport const schema = yup.object({ GITHUB_TOKEN: yup.string().required().default("${GH}") });\n`;
      lintClean('no-hardcoded-secrets', code, [S.GH]);
    });

    it('joi `.default("<secret with slashes>")` under a password key', () => {
      const code = `import Joi from "joi";\nexport const schema = Joi.object({ DB_PASSWORD: Joi.string().default("${SLASHY}") });\n`;
      lintClean('no-hardcoded-secrets', code, [S.SLASHY]);
    });

    it('a schema default whose key holds a lower-cased token: message and suggested env name', () => {
      const code = `import { z } from "zod";\nexport const Env = z.object({ "${GHL}": z.string().default("${R20}") });\n`;
      const shown = lintOutput(code);
      expectLintClean(code, shown, S.R20);
      expectNoLeak(shown.text, S.GH);
    });

    it('codemod: zod, yup and envalid defaults in one file (dry-run diff, report, --json)', async () => {
      const code =
        'import { z } from "zod";\nimport * as yup from "yup";\nimport { str } from "envalid";\n' +
        `export const a = z.object({ ACME_API_TOKEN: z.string().default("${R20}") });\n` +
        `export const b = yup.object({ SLACK_TOKEN: yup.string().catch("${SL}") });\n` +
        `export const c = { ACME_SECRET: str({ default: "${R20B}" }) };\n`;
      const dir = project({ 'src/env.ts': code });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('process.env.');
      expectNoLeak([out, await reportOf(dir)], S.R20, S.SL, S.R20B);
    });

    it('codemod: a schema default without a final newline (`\\ No newline at end of file`)', async () => {
      const dir = project({ 'src/env.ts': `import { z } from "zod";\nexport const Env = z.object({ ACME_API_TOKEN: z.string().default("${R20}") })` });
      const human = await cli(dir, ['--dry-run']);
      expect(human.out).toContain('No newline at end of file');
      expectNoLeak(human.all, S.R20);
    });
  });

  describe('lint: vendor schemes with a list of credentials, words plus a random part', () => {
    it('`FlyV1 fm2_…,fm2_…` in an Authorization header: message and suggestion', () => {
      const code = fetchWith(q('https://api.machines.dev/v1/apps'), `Authorization: "FlyV1 ${FLY1},${FLY2}"`);
      lintClean('no-hardcoded-secrets', code, [S.FLY1, S.FLY2]);
    });

    it('`FlyV1` with two short tokens (20-character random parts)', () => {
      const other = `fm2_${R20B}`;
      const code = fetchWith(q('https://api.machines.dev/v1/apps'), `Authorization: "FlyV1 ${FLY_SHORT},${other}"`);
      lintClean('no-hardcoded-secrets', code, [S.FLY_SHORT, { value: other, prefix: 4 }]);
    });

    it('`FlyV1` list longer than a scheme value is read (600+ characters)', () => {
      const long = Array.from({ length: 7 }, (_, i) => `fm2_${randomString(CHARSETS.b64, 90, 8040 + i)}`);
      const code = `export const headers = { Authorization: "FlyV1 ${long.join(',')}" };\n`;
      expectLintClean(code, lintOutput(code), ...long.map((value) => ({ value, prefix: 4 })));
    });

    it('a vendor scheme with a comma-separated list in a template with a run-time part', () => {
      const code = `export const h = (app: string) => ({ "X-App": app, Authorization: \`FlyV1 ${FLY2},${FLY_SHORT}\` });\n`;
      lintClean('no-hardcoded-secrets', code, [S.FLY2, S.FLY_SHORT]);
    });

    it('`secret-token:acme_live_<random>` under apiKey', () => {
      const code = `export const acme = { apiKey: "${WORDY}" };\n`;
      lintClean('no-hardcoded-secrets', code, [S.R20C]);
    });

    it('words plus a 16-character random part (`acme-prod-key_<16>`) under a token key', () => {
      const code = `export const cfg = { accessToken: "${WORDY16}" };\n`;
      lintClean('no-hardcoded-secrets', code, [S.R16]);
    });

    it('words plus a random part as a `?token=` query value, beside another parameter', () => {
      const code = `export const u = "https://api.acme.dev/v1/feed?format=rss&token=${WORDY}&lang=en";\n`;
      lintClean('no-hardcoded-secrets', code, [S.R20C]);
    });

    it('a FlyV1 header object passed to console.log: every rule that reports it masks it', () => {
      const code = `console.log({ Authorization: "FlyV1 ${FLY2},${FLY_SHORT}" });\n`;
      lintClean('no-hardcoded-secrets', code, [S.FLY2, S.FLY_SHORT]);
    });

    it('no-committed-env-files: a `.env.sample` holding a FlyV1 list and a words-plus-random key', () => {
      const dir = project({ 'package.json': WORKER_PKG, '.env.sample': `FLY_API_TOKEN="FlyV1 ${FLY2},${FLY_SHORT}"\nACME_API_KEY=${WORDY}\n`, '.env.example': 'KNOWN=\n', '.gitignore': '.env\n.env.*\n!.env.example\n!.env.sample\n' });
      const shown = lintShown('no-committed-env-files', WORKER, { dir });
      expectNoLeak(shown.text, S.FLY2, S.FLY_SHORT, S.R20C);
    });

    it('codemod: a FlyV1 list and a words-plus-random key (dry-run diff, report, --json)', async () => {
      const dir = project({ 'src/a.ts': `export const h = { Authorization: "FlyV1 ${FLY1},${FLY_SHORT}" };\nexport const acme = { apiKey: "${WORDY}" };\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('process.env.');
      expectNoLeak([out, await reportOf(dir)], S.FLY1, S.FLY_SHORT, S.R20C);
    });

  });

  // =============================================================================================================
  // Rules: scopes, endpoint URLs, worker.credential()
  // =============================================================================================================

  describe('lint: scopes that hold tokens (unknown provider: generic signals)', () => {
    const scoped = (scope: string): string => oauth({ scope: q(scope) });

    it('a Snowflake-style role with a token glued before ACCOUNTADMIN (`session:role:<token>ACCOUNTADMIN`)', () => {
      lintClean('no-broad-oauth-scopes', scoped(`refresh_token session:role:${NPM}ACCOUNTADMIN`), [S.NPM]);
    });

    it('`<token>:read:admin` (read-all, Zoom/Lever spelling) with an OpenAI key as the resource', () => {
      lintClean('no-broad-oauth-scopes', scoped(`${OA}:read:admin`), [S.OA]);
    });

    it('comma-separated scopes with a GitLab token before `admin`', () => {
      lintClean('no-broad-oauth-scopes', scoped(`read,${GL}:admin,write`), [S.GL]);
    });

    it('words plus a random part before `:admin` (`acme_live_<20>:admin`)', () => {
      lintClean('no-broad-oauth-scopes', oauth({ scope: q(`read acme_live_${R20C}:admin`) }), [S.R20C]);
    });

    it('a role with words plus a 16-character random part before ACCOUNTADMIN (`session:role:acme_<16>_ACCOUNTADMIN`)', () => {
      lintClean('no-broad-oauth-scopes', oauth({ scope: q(`session:role:acme_${R16}_ACCOUNTADMIN`) }), [S.R16]);
    });

    it('an `:admin` scope holding a Notion token, in an array through a const', () => {
      const code = `${WORKER}const SCOPES = ["read", "workspace:${NT}:admin"];\nworker.oauth("acme", { name: "acme", authorizationEndpoint: "https://auth.acme.com/a", tokenEndpoint: "https://auth.acme.com/t", scope: SCOPES.join(" "), clientId: process.env.KNOWN ?? "", clientSecret: process.env.KNOWN ?? "" });\n`;
      lintClean('no-broad-oauth-scopes', code, [S.NT]);
    });

    it('a known provider (GitHub) with a forbidden `admin:*` scope glued to a Vercel token', () => {
      const code = oauth({ auth: q('https://github.com/login/oauth/authorize'), token: q('https://github.com/login/oauth/access_token'), scope: q(`repo admin:${VC}`) });
      lintClean('no-broad-oauth-scopes', code, [S.VC], { rules: { 'worker-auth/no-broad-oauth-scopes': ['error', { forbid: ['admin:*'] }] } });
    });
  });

  describe('lint: endpoint URLs with credentials (oauth-endpoints-https)', () => {
    it('a GitLab token (short random part) as the user of an https: endpoint', () => {
      lintClean('oauth-endpoints-https', oauth({ token: q(`https://${GL}@auth.acme.com/oauth/token`) }), [S.GL]);
    });

    it('a percent-encoded AWS secret key as the user-info password of an http: endpoint', () => {
      lintClean('oauth-endpoints-https', oauth({ token: q(`http://acme-client:${encodeURIComponent(AWS)}@auth.acme.com/oauth/token`) }), [S.AWS]);
    });

    it('a words-plus-random `access_token` query of a `{tenant}` placeholder endpoint', () => {
      lintClean('oauth-endpoints-https', oauth({ auth: q(`https://{tenant}.acme.com/authorize?access_token=${encodeURIComponent(WORDY)}`) }), [S.R20C]);
    });

    it('a FlyV1 token as an `api_key` query of an https: endpoint (credentials in the URL)', () => {
      lintClean('oauth-endpoints-https', oauth({ token: q(`https://auth.acme.com/oauth/token?api_key=${FLY_SHORT}`) }), [S.FLY_SHORT]);
    });

    it('a password holding a second colon (`user:<a>:<b>@`) on http:', () => {
      lintClean('oauth-endpoints-https', oauth({ token: q(`http://client:${R20}:${R20B}@auth.acme.com/oauth/token`) }), [S.R20, S.R20B]);
    });

    it('a backslash path and a `client_secret` query on http:', () => {
      lintClean('oauth-endpoints-https', oauth({ token: q(`http://auth.acme.com\\oauth\\token?client_secret=${R20}`) }), [S.R20]);
    });

    it('`new URL("/token?client_secret=<secret>", "http://…")`: the relative part holds the secret', () => {
      lintClean('oauth-endpoints-https', oauth({ token: `new URL("/oauth/token?client_secret=${R20}", "http://auth.acme.com").href` }), [S.R20]);
    });

    it('both branches of a conditional are http: with a password each', () => {
      const token = `process.env.NODE_ENV === "production" ? "http://c:${R20}@auth.acme.com/t" : "http://c:${R20B}@staging.acme.com/t"`;
      lintClean('oauth-endpoints-https', oauth({ token }), [S.R20, S.R20B]);
    });

    it('a callback URL on http: with a GitHub token as a `refresh_token` query and a code in the fragment', () => {
      const code = oauth({ callback: q(`http://app.acme.com/cb?refresh_token=${GH}#code=${R20}`) });
      const shown = lintShown('oauth-endpoints-https', code);
      // the code in the fragment is no secret of no-hardcoded-secrets: its suggestion keeps it as the source has it
      expectNoLeak(shown.text, S.GH, S.R20);
      expectFixesBeyondReplaced(code, shown, S.GH, S.R20);
      expect(shown.fixes.join('\n')).not.toContain(GH);
    });

    it('an endpoint written over two lines with a line continuation inside the password', () => {
      const token = `"http://client:${R20.slice(0, 10)}\\\n${R20.slice(10)}@auth.acme.com/oauth/token"`;
      lintClean('oauth-endpoints-https', oauth({ token }), [S.R20]);
    });

    it('an endpoint with `\\u` escapes inside the user-info password', () => {
      const escaped = [...R20].map((c, i) => (i === 9 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
      lintClean('oauth-endpoints-https', oauth({ token: `"http://client:${escaped}@auth.acme.com/oauth/token"` }), [S.R20]);
    });
  });

  describe('lint: prefer-credential-injection', () => {
    it('a fetch URL with user-info (`https://u:<secret>@api…`): no worker.credential() copies it, every message masks it', () => {
      const code = fetchWith(q(`https://acme:${R20}@api.acme.dev/v1`), '"X-API-Key": process.env.ACME_API_KEY ?? ""');
      const shown = lintShown('no-hardcoded-secrets', code, STRICT);
      expectLintClean(code, shown, S.R20);
    });

    it('a GitLab token as the user of the fetch URL, with a port: every message and suggestion', () => {
      const code = fetchWith(q(`https://${GL}@api.acme.dev:8443/v1`), 'Authorization: `Bearer ${process.env.ACME_TOKEN}`');
      expectLintClean(code, lintShown('no-hardcoded-secrets', code, STRICT), S.GL);
    });

    it('`FlyV1 <short token>,${key}`: the fixed header text holds a token of its own', () => {
      const code = fetchWith(q('https://api.machines.dev/v1/apps'), `Authorization: \`FlyV1 ${FLY_SHORT},\${process.env.FLY_API_TOKEN}\``);
      expectLintClean(code, lintShown('prefer-credential-injection', code, STRICT), S.FLY_SHORT);
    });

    it('`FlyV1 ${key}`: the snippet of the message and the inserted worker.credential()', () => {
      const code = fetchWith(q(`https://api.machines.dev/v1/apps?state=${R20}`), 'Authorization: `FlyV1 ${process.env.FLY_API_TOKEN}`');
      const shown = lintShown('prefer-credential-injection', code, STRICT);
      expectNoLeak(shown.text, S.R20);
      expectFixesBeyondReplaced(code, shown, S.R20);
      expect(shown.fixes.join('\n')).toContain('worker.credential(');
    });

    it('axios.create with a baseURL whose path holds a Notion token', () => {
      const code = `${WORKER}import axios from "axios";\nconst key = process.env.ACME_API_KEY ?? "";\nconst api = axios.create({ baseURL: "https://api.acme.dev/${NT}/", headers: { "X-API-Key": key } });\nexport async function go() { return api.get("/items"); }\n`;
      const shown = lintShown('prefer-credential-injection', code, STRICT);
      expectNoLeak(shown.text, S.NT);
      expectFixesBeyondReplaced(code, shown, S.NT);
    });

    it('a header template with words plus a random part around the key (`acme_live_<20>${key}`)', () => {
      const code = fetchWith(q('https://api.acme.dev/v1'), `Authorization: \`Bearer acme_live_${R20C}\${process.env.ACME_TOKEN}\``);
      expectLintClean(code, lintShown('prefer-credential-injection', code, STRICT), S.R20C);
    });
  });

  // =============================================================================================================
  // Output formats: ESLint's JSON formatters, SARIF, stylish; the codemod's report, --json, --check, diff
  // =============================================================================================================

  describe('lint output formats over the new routes', () => {
    /** One worker file with a secret for each new route that is masked on its own. */
    const FORMAT_CODE =
      WORKER +
      'import { z } from "zod";\n' +
      `export const Env = z.object({ ACME_API_TOKEN: z.string().default("${R20}") });\n` +
      `export const fly = { Authorization: "FlyV1 ${FLY1},${FLY_SHORT}" };\n` +
      `export const acme = { apiKey: "${WORDY}" };\n` +
      `worker.oauth("acme", { name: "acme", authorizationEndpoint: "https://auth.acme.com/a", tokenEndpoint: "http://c:${encodeURIComponent(AWS)}@auth.acme.com/t", scope: "read admin:${GH} session:role:${NPM}ACCOUNTADMIN", clientId: process.env.KNOWN ?? "", clientSecret: process.env.KNOWN ?? "" });\n` +
      `export async function call() {\n  return fetch("https://api.machines.dev/v1/apps", { headers: { Authorization: \`FlyV1 ${FLY2},\${process.env.FLY_API_TOKEN}\` } });\n}\n` +
      `// eslint-disable-next-line worker-auth/no-hardcoded-secrets -- kept for the demo account\nexport const kept = { password: "${R20B}" };\n`;
    const SECRETS = [S.R20, S.FLY1, S.FLY_SHORT, S.R20C, S.AWS, S.GH, S.NPM, S.FLY2, S.R20B];

    async function lintResults(): Promise<{ eslint: ESLint; results: ESLint.LintResult[] }> {
      const eslint = new ESLint({
        cwd: LINT_PROJECT,
        overrideConfigFile: true,
        overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } }, plugin.configs.strict],
      });
      const results = await eslint.lintText(FORMAT_CODE, { filePath: join(LINT_PROJECT, 'src', 'formats.ts') });
      return { eslint, results };
    }

    async function formatted(name: string): Promise<string> {
      const { eslint, results } = await lintResults();
      // a formatter package is resolved from this repository (ESLint would look for it from the temporary project)
      const formatter = await eslint.loadFormatter(name.startsWith('@') ? createRequire(import.meta.url).resolve(name) : name);
      return formatter.format(results, { cwd: LINT_PROJECT, rulesMeta: eslint.getRulesMetaForResults(results) } as Parameters<ESLint.LoadedFormatter['format']>[1]);
    }

    /** A JSON formatter's output without each result's `source` (documented: ESLint copies the whole file there). */
    function withoutSource(json: string): string {
      const parsed = JSON.parse(json) as unknown;
      const results = (Array.isArray(parsed) ? parsed : (parsed as { results: unknown[] }).results) as (ESLint.LintResult & { source?: string })[];
      for (const r of results) {
        delete r.source;
        // what suggestions insert: checked against the range each replaces (below)
        for (const m of [...r.messages, ...r.suppressedMessages]) for (const sg of m.suggestions ?? []) (sg.fix as { text: string }).text = '<fix>';
      }
      return JSON.stringify(parsed);
    }

    it('the file reports every route (the set below is not empty)', async () => {
      const { results } = await lintResults();
      const rules = new Set(results[0]!.messages.map((m) => m.ruleId));
      for (const rule of ['no-hardcoded-secrets', 'no-broad-oauth-scopes', 'oauth-endpoints-https', 'prefer-credential-injection']) expect(rules).toContain(`worker-auth/${rule}`);
      expect(results[0]!.suppressedMessages.length).toBe(1);
    });

    it('--format json: everything but `source` (messages, descriptions, suppressions)', async () => {
      expectNoLeak(withoutSource(await formatted('json')), ...SECRETS);
    });

    it('--format json: what each suggestion adds beyond the text it replaces', async () => {
      const { results } = await lintResults();
      const shown: Shown = { text: '', fixes: [], messages: results[0]!.messages };
      expectFixesBeyondReplaced(FORMAT_CODE, shown, ...SECRETS);
    });

    it('--format json-with-metadata: everything but `source`, rule metadata included', async () => {
      const out = await formatted('json-with-metadata');
      expect(out).toContain('"metadata"');
      expectNoLeak(withoutSource(out), ...SECRETS);
    });

    it('SARIF (@microsoft/eslint-formatter-sarif): results, suppressions and rule metadata', async () => {
      const out = await formatted('@microsoft/eslint-formatter-sarif');
      expect((JSON.parse(out) as { version: string }).version).toBe('2.1.0');
      expect(out).toContain('kept for the demo account');
      expectNoLeak(out, ...SECRETS);
    });

    it('stylish and compact-style output (stylish, and the messages one per line)', async () => {
      const out = await formatted('stylish');
      expect(out).toContain('worker-auth/');
      const { results } = await lintResults();
      const lines = results[0]!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join('\n');
      expectNoLeak([out, lines], ...SECRETS);
    });
  });

  describe('codemod output: the human report, --json, --check and the unified diff', () => {
    it('the human report lines (`<path>:<line>:<col>  <what> <masked>`) of a FlyV1 list, a schema default and a words-plus-random value', async () => {
      const code =
        'import { z } from "zod";\n' +
        `export const h = { Authorization: "FlyV1 ${FLY2},${FLY_SHORT}" };\n` +
        `export const Env = z.object({ WEBHOOK_SECRET: z.string().default("${R20}") });\n` +
        `export const acme = { apiKey: "${WORDY}" };\n`;
      const dir = project({ 'src/a.ts': code });
      const run = await cli(dir, ['--dry-run']);
      expect(run.err.split('\n').filter((l) => l.startsWith('src/a.ts:')).length).toBe(3);
      expectNoLeak(run.all, S.FLY2, S.FLY_SHORT, S.R20, S.R20C);
    });

    it('--json of a writing run (git): files, envNames, rotate and summary hold no value', async () => {
      const dir = gitProject({ 'src/a.ts': `export const h = { Authorization: "FlyV1 ${FLY1}" };\nexport const acme = { apiKey: "${WORDY}" };\n`, '.gitignore': 'node_modules\n' });
      const run = await cli(dir, ['--json']);
      expect(run.code).toBe(0);
      expect((JSON.parse(run.out) as { summary: { moved: number } }).summary.moved).toBe(2);
      expectNoLeak([run.all, readIn(dir, '.env.example'), readIn(dir, 'src/a.ts')], S.FLY1, S.R20C);
    });

    it('a diff with two hunks far apart and a kept short secret between them (no context lines)', async () => {
      const filler = Array.from({ length: 12 }, (_, i) => `export const n${i} = ${i};`).join('\n');
      const code = `export const a = "${GH}";\n${filler}\n// eslint-disable-next-line worker-auth/no-hardcoded-secrets -- demo\nexport const kept = { password: "${R20}" };\n${filler}\nexport const b = "${ST}";\n`;
      const dir = project({ 'src/a.ts': code });
      const human = await cli(dir, ['--dry-run']);
      expect(human.out.match(/^@@ /gm)?.length).toBeGreaterThanOrEqual(2);
      expectNoLeak(human.all, S.GH, S.R20, S.ST);
    });

    it('the last line without a newline holds a kept value beside a moved one (`\\ No newline at end of file`)', async () => {
      const dir = project({ 'src/a.ts': `export const a = { apiKey: "${R20C}" }, b = "${NPM}"; // eslint-disable-line worker-auth/no-hardcoded-secrets` });
      const out = await dryRunOutputs(dir);
      expectNoLeak(out, S.R20C, S.NPM);
    });

    it('an existing CRLF .env whose last line (no newline) holds a short secret: the dry-run diff', async () => {
      const dir = project({ 'src/a.ts': `export const k = "${GH}";\n`, '.env': `# local\r\nDB_PASSWORD=${R20}\r\nSESSION=${R20B}` });
      const human = await cli(dir, ['--dry-run']);
      expect(human.out).toContain('a/.env');
      expectNoLeak(human.all, S.GH, S.R20, S.R20B);
    });

    it('a whole-file hunk (over 2,000 changed lines) ending in a kept short secret without a final newline', async () => {
      const lines = Array.from({ length: 2100 }, (_, i) => `export const k${i} = "${fakeToken('stripe-secret-key', 8100 + i)}";`);
      const code = `${lines.join('\n')}\n// eslint-disable-next-line worker-auth/no-hardcoded-secrets -- demo\nexport const kept = { password: "${R20}" };`;
      const dir = project({ 'src/big.ts': code });
      const human = await cli(dir, ['--dry-run']);
      expect(human.out).toContain('No newline at end of file');
      expectNoLeak(human.out, S.R20, { value: fakeToken('stripe-secret-key', 8100), prefix: 8 }, { value: fakeToken('stripe-secret-key', 10199), prefix: 8 });
    }, 60_000);

    it('--check --json: a tracked template (`.env.sample`) holding a FlyV1 list and a words-plus-random key', async () => {
      const dir = gitProject({ 'src/a.ts': 'export const a = 1;\n', '.env.sample': `FLY_API_TOKEN="FlyV1 ${FLY2},${FLY_SHORT}"\nACME_API_KEY=${WORDY}\n`, '.gitignore': '.env\n.env.*\n!.env.example\n' }, { force: ['.env.sample'] });
      const run = await cli(dir, ['--check', '--json']);
      expect(run.code).toBe(1);
      expectNoLeak(run.all, S.FLY2, S.FLY_SHORT, S.R20C);
    });

    it('--sync-env-example --json: reads of names that hold a words-plus-random run and a FlyV1 token', async () => {
      const dir = project({ 'src/a.ts': `export const a = process.env["${WORDY}"];\nexport const b = process.env["${FLY_SHORT}"];\nexport const c = process.env.ACME_REGION;\n`, '.env.example': 'A=\n' });
      for (const args of [['--sync-env-example', '--dry-run'], ['--sync-env-example', '--dry-run', '--json']]) {
        const run = await cli(dir, args);
        expect(run.all).toContain('ACME_REGION');
        expectNoLeak(run.all, S.R20C, S.FLY_SHORT);
      }
    });
  });

  // =============================================================================================================
  // Odd encodings of a secret in source
  // =============================================================================================================

  describe('odd encodings of a secret in source', () => {
    /** `text` with its character at `at` written as a `\uXXXX` escape (source text): runs of 8+ plain characters stay. */
    const uEscaped = (text: string, at = 10): string => [...text].map((c, i) => (i === at ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
    /** `text` with its character at `at` written as a `\xXX` escape (source text). */
    const xEscaped = (text: string, at = 10): string => [...text].map((c, i) => (i === at ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('');
    /** `text` with its character at `at` written as an HTML entity (JSX source text). */
    const entities = (text: string, at = 10): string => [...text].map((c, i) => (i === at ? `&#x${c.charCodeAt(0).toString(16)};` : c)).join('');

    it('lint: a short password written with `\\u` escapes: message and suggestion', () => {
      const code = `export const db = { password: "${uEscaped(R20)}" };\n`;
      lintClean('no-hardcoded-secrets', code, [S.R20]);
    });

    it('codemod: a short password written with `\\u` escapes (the `-` line of the diff, report, --json)', async () => {
      const dir = project({ 'src/a.ts': `export const db = { password: "${uEscaped(R20)}" };\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('process.env.');
      expectNoLeak([out, await reportOf(dir)], S.R20);
    });

    it('codemod: a Stripe key with `\\u{…}` escapes inside a longer string (the rest is kept in a template)', async () => {
      const escaped = ST.slice(0, 12) + [...ST.slice(12, 40)].map((c) => `\\u{${c.charCodeAt(0).toString(16)}}`).join('') + ST.slice(40);
      const dir = project({ 'src/a.ts': `export const u = "https://api.stripe.com/v1?key=${escaped}&x=1";\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('STRIPE_SECRET_KEY');
      expectNoLeak(out, S.ST);
    });

    it('lint and codemod: a GitLab token (short random part) written with `\\x` escapes', async () => {
      const code = `export const gitlab = { token: "${xEscaped(GL)}" };\n`;
      lintClean('no-hardcoded-secrets', code, [S.GL]);
      const dir = project({ 'src/a.ts': code });
      expectNoLeak(await dryRunOutputs(dir), S.GL);
    });

    it('lint: `String.raw` holding a Bearer value with a short secret: message only (no suggestion)', () => {
      const code = `export const h = { Authorization: String.raw\`Bearer ${R20}\` };\n`;
      const shown = lintClean('no-hardcoded-secrets', code, [S.R20]);
      expect(shown.fixes).toEqual([]);
    });

    it('codemod: `String.raw` (left for a manual edit) on the line of a moved value', async () => {
      const dir = project({ 'src/a.ts': `export const h = { Authorization: String.raw\`Bearer ${R20}\` }, s = "${ST}";\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toMatch(/manual edit/);
      expectNoLeak([out, await reportOf(dir)], S.R20, S.ST);
    });

    it('codemod: a tagged template (`sql`) holding `password=<short>`, on the line of a moved value', async () => {
      const dir = project({ 'src/a.ts': `declare const sql: (s: TemplateStringsArray, ...v: unknown[]) => string;\nexport const q1 = sql\`ALTER USER app PASSWORD '${R20B}'\`, k = "${GH}";\nexport const q2 = sql\`SELECT 1 -- password=${R20}\`;\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('GITHUB_TOKEN');
      expectNoLeak(out, S.R20, S.GH);
    });

    it('lint: an HTML entity inside a short password of a JSX attribute (.tsx)', () => {
      const code = `export const F = () => <Login password="${entities(R20)}" />;\n`;
      lintClean('no-hardcoded-secrets', code, [S.R20], { file: 'login.tsx' });
    });

    it('codemod: an HTML entity inside a short password of a JSX attribute (.tsx)', async () => {
      const dir = project({ 'src/login.tsx': `export const F = () => <Login password="${entities(R20)}" />;\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('process.env.');
      expectNoLeak(out, S.R20);
    });

    it('codemod: JSX text `Bearer <short>` with entities, beside a moved attribute (.jsx)', async () => {
      const dir = project({ 'src/a.jsx': `export const M = () => <Api token="${GH}">Bearer ${entities(R20B, 8)}</Api>;\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('GITHUB_TOKEN');
      expectNoLeak(out, S.GH, S.R20B);
    });

    it('codemod: a short secret cut by a line continuation in a CRLF file', async () => {
      const dir = project({ 'src/a.ts': `export const acme = {\r\n  apiKey: "${R20.slice(0, 10)}\\\r\n${R20.slice(10)}",\r\n};\r\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('process.env.');
      expectNoLeak(out, S.R20);
    });

    it('lint and codemod: a short secret split by `+` over three lines with comments between the pieces', async () => {
      const code = `export const acme = {\n  apiKey: "${R20.slice(0, 7)}" + /* part */\n    "${R20.slice(7, 14)}" + // part\n    "${R20.slice(14)}",\n};\n`;
      lintClean('no-hardcoded-secrets', code, [S.R20]);
      // (the codemod's file prefilter rules this file out: a comment between the pieces hides the chain from it, so
      // the value is not moved, and "No hardcoded secrets found" is printed; no leak, but see the header)
      const dir = project({ 'src/a.ts': code });
      const out = await dryRunOutputs(dir);
      expectNoLeak(out, S.R20);
    });

    it('lint: `Bearer <short>` in a regular-expression literal', () => {
      const code = `export const re = /Bearer ${R20}/;\n`;
      lintClean('no-hardcoded-secrets', code, [S.R20]);
    });

    it('codemod: `Bearer <short>` in a regular-expression literal on the line of a moved value', async () => {
      const dir = project({ 'src/a.ts': `export const re = /Bearer ${R20}/, k = "${GH}";\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('GITHUB_TOKEN');
      expectNoLeak(out, S.R20, S.GH);
    });

    it('codemod: `api_key=<short>` in a regular-expression literal with the `u` flag on a changed line', async () => {
      const dir = project({ 'src/a.ts': `export const re = /[?&]api_key=${R20B}(?:&|$)/u, k = "${NPM}";\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('NPM_TOKEN');
      expectNoLeak(out, S.R20B, S.NPM);
    });

    it('lint and codemod: `/*password=<short>*/` with no space before the end of the comment', async () => {
      const code = `export const a = 1; /*password=${R20}*/ export const b = "${GH}";\n`;
      expectNoLeak(lintShown('no-hardcoded-secrets', code).text, S.R20, S.GH);
      const dir = project({ 'src/a.ts': code });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('GITHUB_TOKEN');
      expectNoLeak(out, S.R20, S.GH);
    });

    it('codemod: a block comment that ends right after a token, then another comment (`*//*`)', async () => {
      const dir = project({ 'src/a.ts': `/* token: ${SL}*//* api_key=${R20} */\nexport const k = "${GH}";\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('moved to env');
      expectNoLeak(out, S.SL, S.R20, S.GH);
    });

    it('codemod: a line comment holding `*/` and a password after it', async () => {
      const dir = project({ 'src/a.ts': `export const k = "${GH}"; // old block end */ password=${R20}\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('GITHUB_TOKEN');
      expectNoLeak(out, S.R20, S.GH);
    });

    it('codemod: `"*/"` in a string before a block comment that holds a password', async () => {
      const dir = project({ 'src/a.ts': `export const end = "*/"; /* password=${R20} */ export const k = "${ST}";\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('STRIPE_SECRET_KEY');
      expectNoLeak(out, S.R20, S.ST);
    });

    it('lint and codemod: a JSX comment `{/* Bearer <short> */}` beside a moved attribute (.tsx)', async () => {
      const code = `export const M = () => <Api token="${NPM}">{/* Bearer ${R20} */}</Api>;\n`;
      expectNoLeak(lintShown('no-hardcoded-secrets', code, { file: 'm.tsx' }).text, S.R20, S.NPM);
      const dir = project({ 'src/m.tsx': code });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('NPM_TOKEN');
      expectNoLeak(out, S.R20, S.NPM);
    });

    it('codemod: a block comment with a token over two lines, a `*` leading the second', async () => {
      const dir = project({ 'src/a.ts': `/**\n * token: ${SL.slice(0, 20)}\n * ${SL.slice(20)}\n * api_key=${R20}\n */\nexport const k = "${GH}";\n` });
      const out = await dryRunOutputs(dir);
      expect(out).toContain('GITHUB_TOKEN');
      expectNoLeak(out, S.R20, S.GH);
    });
  });
});

// ===============================================================================================================
// Known gaps: each route below prints a secret (or 8+ characters of one) today
// ===============================================================================================================

describe('gaps found by the held-out set, fixed', () => {
  // --- 1. maskShown misses a lower-cased GitHub token whose random part has four digits or fewer (looksRandom reads
  // it as an identifier: src/detect/entropy.ts; the detector no longer matches it once its checksum is lower-cased).

  // Was leaked: the lower-cased token in the --root path, in the lock refusal on stderr (codemods/lock.ts message, masked
  // by maskShown in src/cli/codemod.ts).
  it('--sync-env-example --json refused by the lock: a --root named after a lower-cased token', async () => {
    const dir = project({ 'src/a.ts': 'export const a = process.env.ACME_TOKEN;\n' }, `w-${GHL}`);
    writeFileSync(join(dir, '.env.worker-auth.lock'), '99999\n');
    const run = await cli(dir, ['--sync-env-example', '--json']);
    expect(run.code).toBe(2);
    expectNoLeak(run.all, S.GH);
  });

  // Was leaked: the lower-cased token in a named `node_modules` path, in the usage error (codemods/discover.ts
  // nothingToRead, masked by maskShown).
  it('a named `node_modules/<lower-cased token>` path: the usage error', async () => {
    const dir = project({ [`node_modules/${GHL}/i.js`]: 'x;\n', 'src/a.ts': 'export const a = 1;\n' });
    const run = await cli(dir, ['--dry-run', `node_modules/${GHL}`]);
    expect(run.code).toBe(2);
    expectNoLeak(run.all, S.GH);
  });

  // Was leaked: the lower-cased token in the scope text of the no-broad-oauth-scopes message (rules/no-broad-oauth-scopes.ts
  // shownScope → maskShown).
  it('no-broad-oauth-scopes: `<lower-cased token>:admin` (unknown provider)', () => {
    lintClean('no-broad-oauth-scopes', oauth({ scope: q(`read ${GHL}:admin`) }), [S.GH]);
  });

  // --- 2. A scope that holds a secret split by `/` (base64) is shown whole: maskShown's random-run mask needs 24
  // token characters in a row and the detector, without a context, does not see the secret (no-hardcoded-secrets
  // reports the same string). rules/no-broad-oauth-scopes.ts shownScope, src/detect/mask.ts.

  // Was leaked: the whole secret, in the genericScope message (`delete:<secret>` looks broad…).
  it('no-broad-oauth-scopes: `delete:<secret with slashes>` (unknown provider)', () => {
    lintClean('no-broad-oauth-scopes', oauth({ scope: q(`delete:${SLASHY}`) }), [S.SLASHY]);
  });

  // Was leaked: the last 21 characters of an AWS secret access key (after its last `/`), in the genericScope message.
  it('no-broad-oauth-scopes: `files.<AWS secret key>.all` (unknown provider)', () => {
    lintClean('no-broad-oauth-scopes', oauth({ scope: q(`files.${AWS}.all`) }), [S.AWS]);
  });

  // --- 3. An env name derived from a key glued to a short random run (16–20 characters) copies the run: the
  // fallback to a generic name (src/detect/context.ts genericEnvName → holdsRandomRun, src/detect/entropy.ts) needs 24
  // random-looking characters in a row, and splitWords cuts the run with underscores.

  // Was leaked: the 20-character run (upper-cased, cut by `_`) in the env name of the codemod's report, diff and
  // `.env.example` lines.
  it('codemod: an upper-snake key glued to a 20-character random run (`ACME_SECRET_<20>`): the env name', async () => {
    const dir = project({ 'src/a.ts': `export const cfg = { ACME_SECRET_${R20.toUpperCase()}: "${G2}" };\n` });
    const names = await envNamesOf(dir);
    expect(names).not.toBe('');
    expectNoLeak(names, S.R20, S.G2);
  });

  // Was leaked: the 20-character run in the env name the no-hardcoded-secrets message names and its suggestion inserts.
  it('no-hardcoded-secrets: a computed key `x-api-key-<20 lower-case>`: the suggested env name', () => {
    const code = `export const cfg = { ["x-api-key-${R20.toLowerCase()}"]: "${G}" };\n`;
    const shown = lintShown('no-hardcoded-secrets', code);
    expectNoLeak([shown.text, ...shown.fixes], S.R20, S.G);
  });

  // Was leaked: the 16-character run (cut by `_`) in the suggested env name and the message.
  it('no-hardcoded-secrets: an upper-snake key `ACME_API_KEY_<16>`: the suggested env name', () => {
    const code = `export const cfg = { ACME_API_KEY_${R16.toUpperCase()}: "${G}" };\n`;
    const shown = lintShown('no-hardcoded-secrets', code);
    expectNoLeak([shown.text, ...shown.fixes], S.R16, S.G);
  });
});
