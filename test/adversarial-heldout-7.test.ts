/**
 * Held-out adversarial inputs, round 7: syntax the rules may not expect (decorators, `using` / `await using`, static
 * blocks, `accessor`, `satisfies` / `as const`, optional-chaining `worker?.oauth?.(…)`, `String.raw`, `v`-flag regular
 * expressions, JSX spreads, entities and namespaced names, import attributes, `export =` / `import = require()`,
 * namespaces, enums, labels, getters and setters, generators, `new.target`, BigInt and numeric separators, escaped
 * identifiers, hashbangs, BOM, CRLF, U+2028/U+2029, 5,000-level nesting, 20,000 statements in one file), secrets hidden
 * in shapes (`+` chains with comments, templates of strings, spreads, `Array.of`, `String.fromCharCode`, base64,
 * object keys, `Object.assign`, default parameters, `||=` / `??=`, destructuring defaults, `.env`-like templates),
 * every rule's messages and suggestions checked for leaks (no 8-character run of a secret's random part), and the
 * built codemod CLI on temporary projects (conflict markers, symlinks, 200 files, repeated and same-provider tokens,
 * an existing `.env`, sloppy-mode CommonJS scripts, files one parser takes and the other refuses).
 *
 * Linting uses the plugin's `recommended` config (typescript-eslint for TS files, espree for JS files); every lint
 * asserts no throw, no fatal message (unless the input itself does not parse), no leak in any message or suggestion,
 * no suggestion writing a new copy of a secret, and each `no-hardcoded-secrets` suggestion, applied, parses and removes
 * a finding. Every codemod run asserts no leak on stdout or stderr and no stack trace. Work is counted, never timed.
 * Values are built at run time (test/support/fake-tokens.ts), seeds 18000–18999.
 *
 * Gaps found, by cause (both fixed: 1 in session 13, a branch that is an env read with a literal fallback keeps it; 2
 * in session 14, quotes and brackets are read as symbols where the name says password or secret, `namesPassword`):
 * 1. Conditional resolution in oauth-credentials-from-env: a literal in the last branch of a nested conditional
 *    (`clientSecret: isProd ? process.env.X! : isStaging ? process.env.X! : "<secret>"`) is not reported, while the
 *    one-level form is: `classifyCredential` (src/workers/values.ts, `ConditionalExpression`) returns the outer
 *    branch's env read (no fallback) as soon as the other branch is not `static`, dropping the inner branch's literal
 *    fallback.
 * 2. Generic-secret character set: a generated password in a `password` position that holds a quote or a parenthesis
 *    was never reported (nor moved by the codemod), though it meets every documented criterion (16+ characters, no
 *    spaces, no words, entropy over 3.5): `looksRandom` (src/detect/entropy.ts) rejects any character outside
 *    `TOKEN_CHARS` (`'`, `"`, `` ` ``, brackets, braces, `<>`).
 *
 * Noted, not counted (not promised by the docs): a token rebuilt at run time (`String.fromCharCode(…)`,
 * `Buffer.from(<base64>)`, a template substituting a string const, `["…", "…"].join("")`, JSX `{"…"}{"…"}`) is not
 * found; the parsers themselves (espree, typescript-estree) give up on 5,000 nested arrays, parentheses or ternaries
 * ("Not enough stack space", "Maximum call stack size exceeded"): the plugin then adds nothing and throws nothing;
 * beyond about 16 nested conditionals the secret rule stops naming a generic secret by its key, and beyond about 64 the
 * scope rule stops reading branches (bounded by design); the codemod rewrites a `.js` file that typescript-estree
 * parses but ESLint refuses (a duplicate `let`), as its docs say it parses with typescript-estree.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from './support/fake-tokens.js';

// ---------------------------------------------------------------------------------------------------------------
// Values (seeds 18000–18999), each with the length of its public prefix (the mask may show it)
// ---------------------------------------------------------------------------------------------------------------

const GH = fakeToken('github-classic-pat', 18001);
const GH2 = fakeToken('github-classic-pat', 18002);
const STRIPE = fakeToken('stripe-secret-key', 18003);
const SLACK = fakeToken('slack-bot-token', 18004);
const NPM = fakeToken('npm-access-token', 18005);
const OPENAI = fakeToken('openai-project-key', 18006);
const ANTHROPIC = fakeToken('anthropic-api-key', 18007);
const GENERIC = fakeGenericSecret(18008);
const GENERIC2 = fakeGenericSecret(18009);
const NOTION = fakeToken('notion-token', 18010);
const GOOGLE_SECRET = fakeToken('google-oauth-client-secret', 18011);

/** Secrets watched for leaks, with the length of the part a mask may show in front. */
const WATCHED = new Map<string, number>();
function watch(secret: string, prefix = 0): string {
  WATCHED.set(secret, prefix);
  return secret;
}
for (const t of [GH, GH2, NPM]) watch(t, 4);
watch(STRIPE, 8);
watch(SLACK, 5);
watch(OPENAI, 8);
watch(ANTHROPIC, 10);
watch(NOTION, 4);
watch(GOOGLE_SECRET, 7);
watch(GENERIC);
watch(GENERIC2);

const RUN = 8;
/** Every 8-character run of the random part of a watched secret. */
function windowsOf(secret: string): string[] {
  const from = WATCHED.get(secret) ?? 0;
  const out: string[] = [];
  for (let i = from; i + RUN <= secret.length; i++) out.push(secret.slice(i, i + RUN));
  return out;
}
const WINDOWS = new Map<string, string[]>();
function copies(text: string, secret: string): number {
  let w = WINDOWS.get(secret);
  if (!w) WINDOWS.set(secret, (w = windowsOf(secret)));
  let n = 0;
  for (const part of w) if (text.includes(part)) n++;
  return n;
}
/** The masked names (`ghp_…`) of watched secrets with a run of their random part in `text`. */
function leaks(text: string, secrets: Iterable<string> = WATCHED.keys()): string[] {
  const out: string[] = [];
  for (const s of secrets) if (copies(text, s) > 0) out.push(`${s.slice(0, 4)}…`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Lint harness: the plugin's `recommended` config, typescript-eslint for TS files, espree for JS files
// ---------------------------------------------------------------------------------------------------------------

const root = mkdtempSync(join(tmpdir(), 'wa-heldout7-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PROJECT = join(root, 'worker');
mkdirSync(join(PROJECT, 'src'), { recursive: true });
writeFileSync(join(PROJECT, 'package.json'), JSON.stringify({ name: 'w', type: 'module', dependencies: { '@notionhq/workers': '^0.9.2' } }));
writeFileSync(join(PROJECT, '.env.example'), 'KNOWN=\nGITHUB_TOKEN=\nACME_TOKEN=\nCLIENT_SECRET=\n');
writeFileSync(join(PROJECT, '.gitignore'), '.env\n.env.*\n!.env.example\n');

const linter = new Linter({ configType: 'flat', cwd: PROJECT });
const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const BASE: Linter.Config[] = [{ files: TS_FILES, languageOptions: { parser: tsParser } }];
const CONFIG: Linter.Config[] = [...BASE, plugin.configs.recommended as Linter.Config];
/** ESLint alone (the parser with JSX on, no rule): what the parser makes of the input. */
const PARSE_ONLY: Linter.Config[] = [...BASE, { files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } }];

const RULE = 'worker-auth/no-hardcoded-secrets';
const fileOf = (name: string) => join(PROJECT, 'src', name);

interface LintOptions {
  /** A fatal parse error is expected (the input itself does not parse). */
  readonly parseError?: boolean;
  /** Apply at most this many suggestions and re-lint (default 8). */
  readonly applyLimit?: number;
}

const withoutBom = (code: string) => (code.charCodeAt(0) === 0xfeff ? code.slice(1) : code);
const applied = (text: string, s: Linter.LintSuggestion) => text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1]);

function verify(code: string, name: string, config: Linter.Config[] = CONFIG): Linter.LintMessage[] {
  return linter.verify(code, config, fileOf(name));
}

/**
 * Lints `code` as `src/<name>`: never throws, no fatal message (unless `parseError`), no run of a watched secret in
 * any message or suggestion description, no suggestion writes more of a secret than the text it replaces, and each
 * `no-hardcoded-secrets` suggestion, applied, still parses and removes a finding.
 */
function lint(code: string, name: string, options: LintOptions = {}): Linter.LintMessage[] {
  let messages: Linter.LintMessage[] = [];
  expect(() => (messages = verify(code, name))).not.toThrow();
  const fatal = messages.filter((m) => m.fatal);
  if (options.parseError) expect(fatal.length, 'the input should not parse').toBeGreaterThan(0);
  else expect(fatal.map((m) => m.message.slice(0, 120))).toEqual([]);
  const text = withoutBom(code);
  let tries = 0;
  for (const m of messages) {
    expect(leaks(m.message), `message of ${m.ruleId}`).toEqual([]);
    for (const s of m.suggestions ?? []) {
      expect(leaks(s.desc), `suggestion description of ${m.ruleId}`).toEqual([]);
      const replaced = text.slice(s.fix.range[0], s.fix.range[1]);
      for (const secret of WATCHED.keys()) expect(copies(s.fix.text, secret), `suggestion of ${m.ruleId} writes a copy of ${secret.slice(0, 4)}…`).toBeLessThanOrEqual(copies(replaced, secret));
      if (m.ruleId !== RULE || tries++ >= (options.applyLimit ?? 8)) continue;
      const fixed = applied(text, s);
      const again = verify(fixed, name);
      expect(again.filter((x) => x.fatal).map((x) => x.message.slice(0, 120)), `suggestion "${s.desc}" gives code that does not parse`).toEqual([]);
      expect(again.filter((x) => x.ruleId === RULE).length, `suggestion "${s.desc}" removes no finding`).toBeLessThan(messages.filter((x) => x.ruleId === RULE).length);
    }
  }
  return messages;
}

const ofRule = (messages: readonly Linter.LintMessage[], rule = RULE) => messages.filter((m) => m.ruleId === `worker-auth/${rule.replace('worker-auth/', '')}`);
const countOf = (messages: readonly Linter.LintMessage[], rule = RULE) => ofRule(messages, rule).length;
const suggestionTexts = (messages: readonly Linter.LintMessage[]) => ofRule(messages).map((m) => (m.suggestions ?? []).map((s) => s.fix.text));

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
function positionAt(text: string, offset: number): string {
  const lines = text.slice(0, offset).split(LINE_BREAK);
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}
/** `line:col-endLine:endCol` of the `nth` occurrence of `needle`, as ESLint counts (a BOM not counted). */
function spanOf(code: string, needle: string, nth = 0): string {
  const text = withoutBom(code);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`spanOf: ${needle.slice(0, 4)}… #${nth} not in the code`);
  }
  return `${positionAt(text, at)}-${positionAt(text, at + needle.length)}`;
}
const spansOf = (messages: readonly Linter.LintMessage[]) => ofRule(messages).map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`);

/** `lint`, then the `no-hardcoded-secrets` spans must be those of `needles`, in order. */
function expectSpans(code: string, name: string, ...needles: (string | [string, number])[]): Linter.LintMessage[] {
  const m = lint(code, name);
  expect(spansOf(m), name).toEqual(needles.map((n) => (typeof n === 'string' ? spanOf(code, n) : spanOf(code, n[0], n[1]))));
  return m;
}

const ENV_READ = /^process\.env\.[A-Z][A-Z0-9_]* \?\? ""$/;

// ---------------------------------------------------------------------------------------------------------------
// Codemod harness: the built CLI on a temporary project
// ---------------------------------------------------------------------------------------------------------------

const CLI = resolve(__dirname, '../dist/src/cli/codemod.js');
const DOTENV = resolve(__dirname, '../node_modules/dotenv');

interface CodemodRun {
  readonly dir: string;
  readonly status: number | null;
  readonly report: Report;
  readonly output: string;
  read(path: string): string;
  /** `.env` read back through dotenv (in a child process). */
  env(): Record<string, string>;
}
interface Report {
  files: { path: string; status: string; error?: string; secrets: { line: number; column: number; envName: string; action: string; provider: string }[] }[];
  skipped: { path: string; reason: string }[];
  envNames: { name: string }[];
  summary: { scanned: number; parsed: number; changed: number; failed: number; moved: number; manual: number };
  warnings: string[];
  diff?: string;
}

let repos = 0;
function makeRepo(files: Record<string, string | Buffer>): string {
  const dir = join(root, `repo-${repos++}`);
  mkdirSync(dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function runCli(dir: string, extra: string[] = []): CodemodRun {
  const r = spawnSync(process.execPath, [CLI, '--root', dir, '--json', '--allow-dirty', ...extra], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const output = `${r.stdout}\n${r.stderr}`;
  expect(leaks(output), 'the codemod prints a secret').toEqual([]);
  expect(r.stderr, 'the codemod crashed').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|TypeError|RangeError|Maximum call stack/);
  let report: Report;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${r.status}): ${r.stderr.slice(0, 400)}`);
  }
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  const env = () => {
    if (!existsSync(join(dir, '.env'))) return {};
    const child = spawnSync(process.execPath, ['-e', `process.stdout.write(JSON.stringify(require(${JSON.stringify(DOTENV)}).parse(require("fs").readFileSync(".env"))))`], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(child.stdout) as Record<string, string>;
  };
  return { dir, status: r.status, report, output, read, env };
}

function codemod(files: Record<string, string | Buffer>, extra: string[] = []): CodemodRun {
  return runCli(makeRepo(files), extra);
}

/** Env names of the report's secrets in `path`, in order, with their action. */
const actionsOf = (run: CodemodRun, path: string) => run.report.files.find((f) => f.path === path)?.secrets.map((s) => `${s.action} ${s.envName}`) ?? [];
/** Whether `.env` holds `value` under `name` (compared here, never printed). */
const holds = (env: Record<string, string>, name: string, value: string) => env[name] === value;
const namesHolding = (env: Record<string, string>, value: string) => Object.keys(env).filter((k) => env[k] === value);

const PKG = JSON.stringify({ name: 'w', type: 'module', dependencies: { '@notionhq/workers': '^0.9.2' } });

// ===============================================================================================================

describe('adversarial inputs, seventh held-out set', () => {
  describe('syntax the rules may not expect', () => {
    it('a token in a class decorator argument and a generic secret in a method decorator object (.ts)', () => {
      const code = `declare function Auth(t: string): ClassDecorator;\ndeclare function Cfg(o: object): MethodDecorator;\n@Auth("${GH}")\nexport class A {\n  @Cfg({ apiKey: "${GENERIC}" })\n  run() {}\n}\n`;
      expectSpans(code, 'decorators.ts', GH, GENERIC);
    });

    it('a decorator with a token in a call on a field and a parameter decorator (.ts, experimental decorators shape)', () => {
      const code = `declare function Inject(t: string): ParameterDecorator & PropertyDecorator;\nexport class B {\n  @Inject("${STRIPE}") key!: string;\n  constructor(@Inject("${NPM}") readonly n: string) {}\n}\n`;
      expectSpans(code, 'param-decorators.ts', STRIPE, NPM);
    });

    it('`using` and `await using` declarations initialised from calls holding tokens (.ts and .js)', () => {
      const code = `declare function open(t: string): Disposable;\ndeclare function openAsync(t: string): AsyncDisposable;\nexport async function f() {\n  using a = open("${GH}");\n  await using b = openAsync("${SLACK}");\n  return [a, b];\n}\n`;
      expectSpans(code, 'using.ts', GH, SLACK);
      const js = code.replace(/^declare.*\n/gm, '');
      expectSpans(js, 'using.js', GH, SLACK);
    });

    it('a class static block assigning a token and a generic secret to static fields (.ts and .js)', () => {
      const code = `export class C {\n  static token;\n  static apiKey;\n  static {\n    C.token = "${GH}";\n    this.apiKey = "${GENERIC}";\n  }\n}\n`;
      for (const file of ['static-block.ts', 'static-block.js']) expectSpans(code, file, GH, GENERIC);
    });

    it('`accessor` fields holding a token and a generic secret (.ts)', () => {
      const code = `export class D {\n  accessor token = "${GH}";\n  static accessor apiKey: string = "${GENERIC}";\n}\n`;
      const m = expectSpans(code, 'accessor.ts', GH, GENERIC);
      expect(suggestionTexts(m)[0]![0]).toMatch(/^\(?process\.env\.GITHUB_TOKEN \?\? ""\)?$/);
    });

    it('`satisfies` and `as const` chains around an object holding tokens: reported, the suggestions still parse', () => {
      const code = `type Cfg = { auth: string; stripe: string };\nexport const c = ({ auth: "${GH}", stripe: "${STRIPE}" } as const) satisfies Cfg;\nexport const d = { auth: "${NPM}" } satisfies Partial<Cfg> as Partial<Cfg>;\n`;
      expectSpans(code, 'satisfies.ts', GH, STRIPE, NPM);
    });

    it('a whole `"<token>" as const satisfies string` gets no suggestion (an env read is no literal type)', () => {
      const code = `export const k = "${GH}" as const satisfies string;\n`;
      const m = expectSpans(code, 'as-const.ts', GH);
      expect(suggestionTexts(m)).toEqual([[]]);
    });

    it('optional-chaining calls `worker?.oauth?.(…)`: the client secret is reported by no-hardcoded-secrets', () => {
      const code = `import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\nworker?.oauth?.("github", { authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token", clientId: "Iv1.0123456789abcdef", clientSecret: "${GENERIC}", scope: "read:user" });\n`;
      const m = lint(code, 'optional-oauth.ts');
      expect(spansOf(m)).toEqual([spanOf(code, GENERIC)]);
      expect(countOf(m, 'oauth-credentials-from-env')).toBe(2);
      expect(countOf(m, 'no-broad-oauth-scopes')).toBe(0);
      const broad = code.replace('"read:user"', '"admin:org"');
      expect(countOf(lint(broad, 'optional-oauth.ts'), 'no-broad-oauth-scopes')).toBe(1);
    });

    it('`String.raw` tagged template holding a token: reported at its columns, no suggestion', () => {
      const code = 'export const a = String.raw`prefix ' + GH + ' \\n`;\nexport const b = String.raw`${"x"}' + STRIPE + '`;\n';
      for (const file of ['raw.ts', 'raw.js']) {
        const m = expectSpans(code, file, GH, STRIPE);
        expect(suggestionTexts(m)).toEqual([[], []]);
      }
    });

    it('a regular expression literal with the `v` flag holding a token: reported, no suggestion (.js and .ts)', () => {
      const code = `export const r = /^(?:${GH})$/v;\nexport const s = /[\\p{L}--[a-z]]|${NPM}/v;\n`;
      for (const file of ['regex-v.js', 'regex-v.ts']) {
        const m = expectSpans(code, file, GH, NPM);
        expect(suggestionTexts(m)).toEqual([[], []]);
      }
    });

    it('JSX attribute spreads of object literals holding tokens (.jsx and .tsx)', () => {
      const code = `export const V = () => <Client {...{ apiKey: "${GENERIC}", auth: "${GH}" }} {...{ "data-k": "${STRIPE}" }} />;\n`;
      for (const file of ['spread.jsx', 'spread.tsx']) expectSpans(code, file, GENERIC, GH, STRIPE);
    });

    it('a token between JSX entities in an attribute and in text (.jsx and .tsx): the token alone is reported', () => {
      const code = `export const V = () => <p title="&quot;${GH}&quot;">&lt;${STRIPE}&gt;&#x20;</p>;\n`;
      for (const file of ['entities.jsx', 'entities.tsx']) {
        const m = expectSpans(code, file, GH, STRIPE);
        expect(suggestionTexts(m)[0]).toEqual(['{`"${process.env.GITHUB_TOKEN ?? ""}"`}']);
      }
    });

    it('import attributes (`with { type: "json" }`) beside a token, and a token as an attribute value: no crash', () => {
      const code = `import cfg from "./cfg.json" with { type: "json" };\nexport * as ns from "./ns.js" with { type: "${GH2}" };\nexport const k = { cfg, auth: "${GH}" };\n`;
      for (const file of ['import-attrs.ts', 'import-attrs.js']) {
        const m = lint(code, file);
        expect(spansOf(m)).toEqual([spanOf(code, GH2), spanOf(code, GH)]);
        expect(suggestionTexts(m)[0]).toEqual([]);
      }
    });

    it('`export =` of an object holding a token and `import x = require()` in a .cts file', () => {
      const code = `import fs = require("node:fs");\nexport = { fs, auth: "${GH}", apiKey: "${GENERIC}" };\n`;
      const m = expectSpans(code, 'export-assign.cts', GH, GENERIC);
      expect(suggestionTexts(m)[0]).toEqual(['process.env.GITHUB_TOKEN ?? ""']);
    });

    it('a namespace holding tokens (nested, exported) gets suggestions; a `declare namespace` gets none', () => {
      const code = `export namespace Keys {\n  export namespace Inner {\n    export const gh = "${GH}";\n  }\n}\ndeclare namespace Ambient {\n  const k = "${STRIPE}";\n}\n`;
      const m = expectSpans(code, 'namespace.ts', GH, STRIPE);
      expect(suggestionTexts(m)).toEqual([['process.env.GITHUB_TOKEN ?? ""'], []]);
    });

    it('enums holding tokens (plain, const, and a template member): reported, no suggestion', () => {
      const code = `export enum E { A = "${GH}", B = \`${STRIPE}\` }\nexport const enum F { C = "${NPM}" }\n`;
      const m = expectSpans(code, 'enum.ts', GH, STRIPE, NPM);
      expect(suggestionTexts(m)).toEqual([[], [], []]);
    });

    it('label statements around loops holding tokens (.js)', () => {
      const code = `outer: for (const x of [1]) {\n  inner: {\n    const token = "${GH}";\n    if (x) break inner;\n    continue outer;\n  }\n}\nlbl: var apiKey = "${GENERIC}";\n`;
      expectSpans(code, 'labels.js', GH, GENERIC);
    });

    it('getters and setters returning and defaulting tokens (.ts and .js)', () => {
      const code = `export const o = {\n  get token() { return "${GH}"; },\n  set token(v = "${STRIPE}") {},\n};\nexport class G { static get apiKey() { return "${GENERIC}"; } }\n`;
      for (const file of ['accessors.ts', 'accessors.js']) expectSpans(code, file, GH, STRIPE, GENERIC);
    });

    it('generators and async generators yielding tokens (.js and .ts)', () => {
      const code = `export function* g() { yield "${GH}"; yield* ["${NPM}"]; }\nexport async function* h() { yield await Promise.resolve("${SLACK}"); }\n`;
      for (const file of ['gen.js', 'gen.ts']) expectSpans(code, file, GH, NPM, SLACK);
    });

    it('`new.target` and `import.meta` beside tokens (.js)', () => {
      const code = `export function F() {\n  if (!new.target) throw new Error("call with new");\n  this.token = "${GH}";\n  this.url = new URL("./x", import.meta.url).href + "?key=${fakeToken('google-api-key', 18012)}";\n}\n`;
      const google = fakeToken('google-api-key', 18012);
      watch(google, 4);
      expectSpans(code, 'new-target.js', GH, google);
    });

    it('BigInt and numeric separators beside tokens: columns after them are exact (.js and .ts)', () => {
      const code = `export const n = [1_000_000n, 0x_ff, 0b1010_1010n, 1e1_0];\n`.replace('0x_ff', '0xff_ff') + `export const t = [0xFFn, "${GH}", 9_007_199_254_740_993n, "${STRIPE}"];\n`;
      for (const file of ['bigint.js', 'bigint.ts']) expectSpans(code, file, GH, STRIPE);
    });

    it('Unicode escapes in identifiers: `const \\u0061piKey = "<generic>"` names a credential (.js and .ts)', () => {
      const code = `export const \\u0061piKey = "${GENERIC}";\nexport const cl\\u{69}entSecret = "${GENERIC2}";\n`;
      for (const file of ['escaped-names.js', 'escaped-names.ts']) expectSpans(code, file, GENERIC, GENERIC2);
    });

    it('a hashbang line holding a token: reported at its columns, no suggestion (.js and .mjs)', () => {
      const code = `#!/usr/bin/env -S node --token=${GH}\nexport const k = "${STRIPE}";\n`;
      for (const file of ['bin.js', 'bin.mjs']) {
        const m = expectSpans(code, file, GH, STRIPE);
        expect(suggestionTexts(m)).toEqual([[], ['process.env.STRIPE_SECRET_KEY ?? ""']]);
      }
    });

    it('a BOM, then a hashbang and a token (.ts): columns do not count the BOM', () => {
      const code = `\uFEFF#!/usr/bin/env node\nexport const k = "${GH}";\n`;
      expectSpans(code, 'bom.ts', GH);
    });

    it('CRLF line ends: the token on line 3 at its columns, the suggestion keeps the CRLFs', () => {
      const code = `// a\r\nconst x = 1;\r\nexport const k = { x, auth: "${GH}" };\r\n`;
      const m = expectSpans(code, 'crlf.ts', GH);
      const [s] = ofRule(m)[0]!.suggestions!;
      expect(applied(code, s!).split('\r\n').length).toBe(4);
    });

    it('U+2028 and U+2029 as line ends in code (outside strings): lines counted as ESLint counts them (.js)', () => {
      const code = `const a = 1;\u2028const b = 2;\u2029export const k = "${GH}";\nexport const s = "${STRIPE}";\n`;
      const m = expectSpans(code, 'ls-ps.js', GH, STRIPE);
      expect(ofRule(m).map((x) => x.line)).toEqual([3, 4]);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('very deep nesting and very long files', () => {
    const forms: Record<string, (n: number, v: string) => string> = {
      arrays: (n, v) => `export const a = ${'['.repeat(n)}"${v}"${']'.repeat(n)};\n`,
      parentheses: (n, v) => `export const a = ${'('.repeat(n)}"${v}"${')'.repeat(n)};\n`,
      ternaries: (n, v) => `const c = Math.random() > 2;\nexport const a = ${'c ? 1 : '.repeat(n)}"${v}";\n`,
      'nested ternaries': (n, v) => `const c = Math.random() > 2;\nexport const a = ${'c ? ('.repeat(n)}"${v}"${') : 0'.repeat(n)};\n`,
    };
    for (const [form, make] of Object.entries(forms)) {
      for (const file of ['deep.js', 'deep.ts']) {
        it(`5,000 nested ${form} around a token (${file}): no throw; the plugin adds nothing to a parser's failure, and finds the token where the parser copes`, () => {
          for (const n of [120, 5_000]) {
            const code = make(n, GH);
            const alone = verify(code, file, PARSE_ONLY);
            const parserFails = alone.some((m) => m.fatal);
            if (parserFails) {
              let m: Linter.LintMessage[] = [];
              expect(() => (m = verify(code, file))).not.toThrow();
              expect(m.map((x) => `${x.fatal} ${x.message}`)).toEqual(alone.map((x) => `${x.fatal} ${x.message}`));
              for (const x of m) expect(leaks(x.message)).toEqual([]);
            } else {
              expectSpans(code, file, GH);
            }
            if (n === 120) expect(parserFails, 'ESLint parses 120 levels').toBe(false);
          }
        });
      }
    }

    it('a chain of 3,000 `"x" + …` strings ending in a token inside console.log (.js): one finding, at the token', () => {
      const code = `console.log(${Array.from({ length: 3_000 }, () => '"x"').join(' + ')} + "${GH}");\n`;
      const m = lint(code, 'long-chain.js', { applyLimit: 1 });
      expect(spansOf(m)).toEqual([spanOf(code, GH)]);
    });

    it('3,000 `process.env.K ?? …` reads ending in a token fallback (.js): the fallback is reported once, no throw', () => {
      const code = `export const k = ${Array.from({ length: 3_000 }, (_, i) => `process.env.K${i}`).join(' ?? ')} ?? "${GH}";\n`;
      const m = lint(code, 'long-fallback.js', { applyLimit: 1 });
      expect(spansOf(m)).toEqual([spanOf(code, GH)]);
    });

    // (written with 50,000 statements, about 25 s of ESLint's own parsing here against vitest's 60 s: 20,000 keep the
    // shape within the time on a slower CI machine)
    it("20,000 tiny modules' worth of statements in one file with 20 tokens planted: exactly those 20, at their lines", () => {
      const tokens = Array.from({ length: 20 }, (_, i) => watch(fakeToken('github-classic-pat', 18100 + i), 4));
      const lines: string[] = [];
      for (let i = 0; i < 20_000; i++) lines.push(i % 1_000 === 234 ? `export const t${i} = "${tokens[(i - 234) / 1_000]!}";` : `export const v${i} = "v${i}";`);
      const code = lines.join('\n') + '\n';
      const m = lint(code, 'huge.ts', { applyLimit: 0 });
      expect(ofRule(m).map((x) => x.line)).toEqual(tokens.map((_, k) => 235 + 1_000 * k));
      expect(m.length).toBe(20);
    });

    it('reports grow linearly: 1,000 and then 2,000 lines each holding one token give 1,000 and 2,000 findings (.js)', () => {
      const tokens = Array.from({ length: 2_000 }, (_, i) => fakeToken('npm-access-token', 18200 + (i % 400)));
      const make = (n: number) => tokens.slice(0, n).map((t, i) => `export const n${i} = "${t}";`).join('\n') + '\n';
      const one = countOf(verify(make(1_000), 'linear.js'));
      const two = countOf(verify(make(2_000), 'linear.js'));
      expect([one, two]).toEqual([1_000, 2_000]);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('OAuth configurations in unusual shapes', () => {
    const HEAD = `import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\nconst isProd = process.env.KNOWN === "1";\nconst isStaging = process.env.KNOWN === "2";\n`;
    const oauth = (secret: string, extra = '') =>
      `${HEAD}worker.oauth("github", { authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token", clientId: process.env.KNOWN ?? "", clientSecret: ${secret}, scope: "read:user"${extra} });\n`;

    it('a literal in the other branch of a conditional (`isProd ? process.env.X! : "<secret>"`) is reported by oauth-credentials-from-env', () => {
      const m = lint(oauth(`isProd ? process.env.CLIENT_SECRET! : "${GENERIC}"`).replace('worker.oauth', 'worker.oauth'), 'cond-1.ts');
      expect(countOf(m, 'oauth-credentials-from-env')).toBe(1);
      expect(countOf(m)).toBe(1);
    });

    // (fixed in session 13) oauth-credentials-from-env missed the dev literal of a nested conditional: classifyCredential (src/workers/values.ts) returned the outer env read and dropped the inner branch's literal fallback
    it('a literal in the last branch of a nested conditional (`isProd ? env : isStaging ? env : "<secret>"`) is reported by oauth-credentials-from-env', () => {
      const m = lint(oauth(`isProd ? process.env.CLIENT_SECRET! : isStaging ? process.env.CLIENT_SECRET! : "${GENERIC}"`), 'cond-2.ts');
      expect(countOf(m)).toBe(1);
      expect(countOf(m, 'oauth-credentials-from-env')).toBe(1);
    });

    it('client secrets through spreads of const objects and `Object.assign`: each literal reported by no-hardcoded-secrets, nothing leaks', () => {
      const code = `${HEAD}const base = { clientSecret: "${GENERIC}" };\nconst more = Object.assign({}, { clientId: "Iv1.0123456789abcdef" }, { clientSecret: "${GOOGLE_SECRET}" });\nworker.oauth("github", { ...base, authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token", scope: "read:user" });\nworker.oauth("google", Object.assign({ authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth", tokenEndpoint: "https://oauth2.googleapis.com/token", scope: "openid" }, more));\n`;
      const m = lint(code, 'spread-oauth.ts');
      expect(spansOf(m)).toEqual([spanOf(code, GENERIC), spanOf(code, GOOGLE_SECRET)]);
    });

    it('a client secret from a default parameter and from a destructuring default feeding worker.oauth', () => {
      const code = `${HEAD}export function register(secret = "${GENERIC}") {\n  const { clientSecret = "${GOOGLE_SECRET}" } = {} as { clientSecret?: string };\n  worker.oauth("a", { authorizationEndpoint: "https://a.example.com/authorize", tokenEndpoint: "https://a.example.com/token", clientId: process.env.KNOWN ?? "", clientSecret: secret });\n  worker.oauth("b", { authorizationEndpoint: "https://b.example.com/authorize", tokenEndpoint: "https://b.example.com/token", clientId: process.env.KNOWN ?? "", clientSecret });\n}\n`;
      const m = lint(code, 'defaults-oauth.ts');
      expect(spansOf(m)).toEqual([spanOf(code, GENERIC), spanOf(code, GOOGLE_SECRET)]);
    });

    it('an OAuth endpoint with a password in its user-info: reported, the password never shown', () => {
      const code = oauth('process.env.CLIENT_SECRET ?? ""').replace('"https://github.com/login/oauth/access_token"', `"https://bot:${GENERIC}@github.com/login/oauth/access_token"`);
      const m = lint(code, 'userinfo.ts');
      expect(countOf(m, 'oauth-endpoints-https')).toBeGreaterThan(0);
      expect(countOf(m)).toBe(1);
    });

    it('a scope string holding a token by mistake: the scope rule and the secret rule both keep it masked', () => {
      const code = oauth('process.env.CLIENT_SECRET ?? ""').replace('scope: "read:user"', `scope: "read:user admin:org ${GH}"`);
      const m = lint(code, 'scope-token.ts');
      expect(spansOf(m)).toEqual([spanOf(code, GH)]);
      expect(countOf(m, 'no-broad-oauth-scopes')).toBe(1);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('secrets hidden in shapes', () => {
    it('a token cut over a `+` chain with block and line comments between the pieces: one finding over the chain, rewritten whole', () => {
      const code = `export const a = "${GH.slice(0, 10)}" /* one */ + // two\n  "${GH.slice(10, 25)}" + /* three */ "${GH.slice(25)}";\n`;
      for (const file of ['plus-comments.ts', 'plus-comments.js']) {
        const m = lint(code, file);
        expect(ofRule(m).map((x) => `${x.line}:${x.column}-${x.endLine}`)).toEqual([`1:19-2`]);
        expect(suggestionTexts(m)).toEqual([['process.env.GITHUB_TOKEN ?? ""']]);
      }
    });

    it('a token cut into a template whose substitutions are string literals: one finding', () => {
      const code = 'export const a = `' + STRIPE.slice(0, 12) + '${"' + STRIPE.slice(12, 20) + '"}' + STRIPE.slice(20) + '`;\n';
      const m = lint(code, 'template-pieces.ts');
      expect(countOf(m)).toBe(1);
      expect(suggestionTexts(m)).toEqual([['process.env.STRIPE_SECRET_KEY ?? ""']]);
    });

    // not promised by the docs (only literal substitutions are read): kept as a plain assertion that nothing leaks and nothing is reported falsely
    it('a template substitution of a string const holding the prefix: not reported (consts are not followed), nothing leaks', () => {
      const code = `const P = "${GH.slice(0, 12)}";\nexport const a = \`\${P}${GH.slice(12)}\`;\n`;
      expect(countOf(lint(code, 'template-const.ts'))).toBe(0);
    });

    it('`[..."<token>"].join("")` and `Array.of("<token>")`: the literal is reported where written', () => {
      const code = `export const a = [..."${GH}"].join("");\nexport const b = Array.of("${NPM}", "x").join("");\n`;
      for (const file of ['spread-join.ts', 'spread-join.js']) expectSpans(code, file, GH, NPM);
    });

    it('`String.fromCharCode` of a token and `Buffer.from(<base64 of a token>)`: not reported (not promised), no crash, no leak', () => {
      const codes = [...GH].map((c) => c.charCodeAt(0)).join(', ');
      const code = `export const a = String.fromCharCode(${codes});\nexport const b = Buffer.from("${Buffer.from(GH).toString('base64')}", "base64").toString();\n`;
      const m = lint(code, 'encoded.ts');
      expect(m).toEqual([]);
    });

    it('tokens as object keys (string, identifier, computed, class member): reported, no suggestion', () => {
      const code = `export const o = { "${GH}": 1, ${NPM}: 2, ["${STRIPE}"]: 3 };\nexport class K { ${GH2} = 1; }\n`;
      const m = expectSpans(code, 'keys.ts', GH, NPM, STRIPE, GH2);
      expect(suggestionTexts(m)[0]).toEqual([]);
      expect(suggestionTexts(m)[1]).toEqual([]);
      expect(suggestionTexts(m)[3]).toEqual([]);
    });

    it('default parameters of functions, arrows and methods holding tokens (.ts and .js)', () => {
      const code = `export function f(token = "${GH}") { return token; }\nexport const g = ({ apiKey = "${GENERIC}" } = {}) => apiKey;\nexport class M { m(k = "${SLACK}") { return k; } }\n`;
      for (const file of ['default-params.ts', 'default-params.js']) expectSpans(code, file, GH, GENERIC, SLACK);
    });

    it('`process.env.X ||= "<token>"` and `process.env.API_KEY ??= "<generic>"`: reported, the suggestions parse', () => {
      const code = `process.env.GITHUB_TOKEN ||= "${GH}";\nprocess.env.API_KEY ??= "${GENERIC}";\n`;
      for (const file of ['logical-assign.ts', 'logical-assign.js']) expectSpans(code, file, GH, GENERIC);
    });

    it('destructuring defaults of `process.env` are fallbacks (emptied), of other objects hardcoded values', () => {
      const code = `const { GITHUB_TOKEN = "${GH}", ACME_TOKEN = "${GENERIC}" } = process.env;\nconst { apiKey = "${GENERIC2}" } = {} as { apiKey?: string };\nexport { GITHUB_TOKEN, ACME_TOKEN, apiKey };\n`;
      const m = expectSpans(code, 'destructuring.ts', GH, GENERIC, GENERIC2);
      expect(ofRule(m).map((x) => x.messageId)).toEqual(['hardcodedFallback', 'hardcodedFallback', 'hardcodedSecret']);
      expect(suggestionTexts(m).slice(0, 2)).toEqual([['""'], ['""']]);
    });

    it('a `.env`-like template string (`KEY=value` lines): each value at its own columns, the rewrite keeps the other lines', () => {
      const code = `export const dotenv = \`# local\nGITHUB_TOKEN=${GH}\nACME_API_KEY=${GENERIC}\nDEBUG=1\n\`;\n`;
      const m = expectSpans(code, 'env-template.ts', GH, GENERIC);
      const [s] = ofRule(m)[0]!.suggestions!;
      expect(s!.fix.text).toBe('${process.env.GITHUB_TOKEN ?? ""}');
      expect(applied(code, s!)).toBe(code.replace(GH, '${process.env.GITHUB_TOKEN ?? ""}'));
    });

    it('a token inside an `Authorization` header in a fetch init spread through `Object.assign`', () => {
      const code = `const auth = { Authorization: "Bearer ${GENERIC}" };\nexport const r = fetch("https://api.example.com", Object.assign({ method: "POST" }, { headers: { ...auth, "X-Api-Key": "${GENERIC2}" } }));\n`;
      expectSpans(code, 'headers.ts', GENERIC, GENERIC2);
    });

    it('a token inside JSX attribute values built with templates and conditionals (.tsx)', () => {
      const code = `declare const c: boolean;\nexport const V = () => <Client token={c ? "${GH}" : \`${NPM}\`} url={\`https://x.example.com/?key=\${"${GENERIC}"}\`} />;\n`;
      const m = lint(code, 'jsx-values.tsx');
      expect(spansOf(m).slice(0, 2)).toEqual([spanOf(code, GH), spanOf(code, NPM)]);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('no rule message or suggestion shows a secret', () => {
    it('no-logged-secrets on env reads with hardcoded fallbacks: names the read, never the fallback', () => {
      const code = `console.log(process.env.GITHUB_TOKEN ?? "${GH}");\nconsole.info("k", process.env.API_KEY || "${GENERIC}");\nthrow new Error(process.env.ACME_TOKEN ?? "${GENERIC2}");\n`;
      const m = lint(code, 'logged-fallbacks.ts');
      expect(countOf(m, 'no-logged-secrets')).toBe(3);
      expect(countOf(m)).toBe(3);
    });

    it('no-logged-secrets through a const, a template and an object: the message names `key`, the token in the template is masked', () => {
      const code = `const key = process.env.OPENAI_API_KEY ?? "${OPENAI}";\nlogger.info(\`calling \${key} with ${GH}\`);\nconsole.log({ headers: { Authorization: \`Bearer \${process.env.X_TOKEN ?? "${GENERIC}"}\` } });\n`;
      const m = lint(code, 'logged-carriers.ts');
      expect(countOf(m, 'no-logged-secrets')).toBe(2);
      expect(countOf(m)).toBe(3);
    });

    it('env-example-in-sync on an env name that is a token (`process.env["<token>"]`, a computed destructuring key, a template key): masked', () => {
      const code = `export const a = process.env["${GH}"];\nconst { ["${NPM}"]: v } = process.env;\nexport const b = process.env[\`${STRIPE}\`];\nexport { v };\n`;
      const m = lint(code, 'env-names.ts');
      expect(countOf(m, 'env-example-in-sync')).toBe(3);
      expect(countOf(m)).toBe(3);
      for (const x of ofRule(m, 'env-example-in-sync')) expect(x.message).toMatch(/…/);
    });

    it('oauth-endpoints-https: a client secret in a query parameter and in the user-info of endpoints, masked in every message', () => {
      const code = `import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\nworker.oauth("x", { authorizationEndpoint: "http://x.example.com/authorize?client_secret=${GENERIC}", tokenEndpoint: "https://u:${GENERIC2}@x.example.com/token", clientId: process.env.KNOWN ?? "", clientSecret: process.env.CLIENT_SECRET ?? "", scope: "read" });\n`;
      const m = lint(code, 'endpoints.ts');
      expect(countOf(m, 'oauth-endpoints-https')).toBe(3);
      expect(countOf(m)).toBe(2);
    });

    it('oauth-credentials-from-env: a token as clientId and a Google secret as clientSecret, masked, suggestions hold no copy', () => {
      const code = `import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\nconst ids = { clientId: "${GH}" } as const;\nworker.oauth("google", { authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth", tokenEndpoint: "https://oauth2.googleapis.com/token", clientId: ids.clientId, clientSecret: \`${GOOGLE_SECRET}\`, scope: "openid" });\n`;
      const m = lint(code, 'credentials.ts');
      expect(countOf(m, 'oauth-credentials-from-env')).toBe(2);
      expect(countOf(m)).toBe(2);
    });

    it('no-committed-env-files: a real token in `.env.example` is reported, masked', () => {
      const dir = join(root, 'env-example-leak');
      mkdirSync(join(dir, 'src'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), PKG);
      writeFileSync(join(dir, '.gitignore'), '.env\n');
      writeFileSync(join(dir, '.env.example'), `GITHUB_TOKEN=${GH}\nSLACK_BOT_TOKEN="${SLACK}"\n`);
      const local = new Linter({ configType: 'flat', cwd: dir });
      const m = local.verify('export const x = process.env.GITHUB_TOKEN ?? "";\n', CONFIG, join(dir, 'src', 'index.ts'));
      expect(m.filter((x) => x.fatal)).toEqual([]);
      expect(countOf(m, 'no-committed-env-files')).toBeGreaterThan(0);
      for (const x of m) expect(leaks(x.message), x.message.slice(0, 40)).toEqual([]);
    });

    it('a token glued to words in a message-like string (`ERR_<token>_PROD`, `<token>.json`): reported or not, never shown', () => {
      const code = `export const a = "ERR_${GH}_PROD";\nexport const b = "${NPM}.json";\nexport const c = "x${STRIPE}y";\n`;
      const m = lint(code, 'glued.ts');
      expect(countOf(m)).toBeGreaterThanOrEqual(1);
    });

    it('a token in a JSX attribute written with a numeric entity for its first character: found, masked', () => {
      const written = `&#${GH.charCodeAt(0)};${GH.slice(1)}`;
      const code = `export const V = () => <C token="${written}" />;\n`;
      for (const file of ['entity-first.jsx', 'entity-first.tsx']) expectSpans(code, file, written);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('the codemod (the built CLI) on temporary projects', () => {
    /** The rule's findings in `code` as `line:column`, linted as `src/<name>` of the lint project. */
    const ruleSites = (code: string, name: string) => ofRule(verify(code, name)).map((m) => `${m.line}:${m.column}`);
    const codemodSites = (run: CodemodRun, path: string) => run.report.files.find((f) => f.path === path)?.secrets.map((x) => `${x.line}:${x.column}`) ?? [];
    /** After a run: the file parses for ESLint as before and holds no finding and no copy of any watched secret. */
    function clean(run: CodemodRun, path: string) {
      const text = run.read(path);
      expect(leaks(text), `${path} still holds a secret`).toEqual([]);
      const m = verify(text, path.split('/').pop()!);
      expect(m.filter((x) => x.fatal).map((x) => x.message)).toEqual([]);
      expect(countOf(m)).toBe(0);
    }

    it('a file with merge-conflict markers: left byte for byte, reported as failed (exit 1), the parse error shows no secret', () => {
      const code = `<<<<<<< HEAD\nexport const a = "${GH}";\n=======\nexport const a = "${GH2}";\n>>>>>>> feature\n`;
      const run = codemod({ 'package.json': PKG, 'src/a.ts': code });
      expect(run.status).toBe(1);
      expect(run.report.files.map((f) => `${f.path} ${f.status}`)).toEqual(['src/a.ts failed']);
      expect(run.read('src/a.ts')).toBe(code);
      expect(existsSync(join(run.dir, '.env'))).toBe(false);
      lint(code, 'conflict.ts', { parseError: true });
    });

    it('conflict markers in a .js file beside a clean file: the clean file is still rewritten', () => {
      const bad = `<<<<<<< ours\nconst token = "${GH}";\n>>>>>>> theirs\n`;
      const run = codemod({ 'package.json': PKG, 'src/bad.js': bad, 'src/good.js': `export const token = "${NPM}";\n` });
      expect(run.status).toBe(1);
      expect(run.read('src/bad.js')).toBe(bad);
      clean(run, 'src/good.js');
      expect(holds(run.env(), 'NPM_TOKEN', NPM)).toBe(true);
    });

    it('a file with a secret that is also the target of two symlinks: moved once, the links stay links and read the new text', () => {
      const dir = makeRepo({ 'package.json': PKG, 'src/real.ts': `export const a = "${GH}";\n` });
      mkdirSync(join(dir, 'lib'));
      symlinkSync('real.ts', join(dir, 'src', 'link.ts'));
      symlinkSync('../src/real.ts', join(dir, 'lib', 'out.ts'));
      const run = runCli(dir);
      expect(run.status).toBe(0);
      expect(run.report.files.map((f) => `${f.path} ${f.status}`)).toEqual(['src/real.ts changed']);
      expect(run.report.summary.moved).toBe(1);
      expect(lstatSync(join(dir, 'src', 'link.ts')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(dir, 'lib', 'out.ts'))).toBe('../src/real.ts');
      expect(run.read('lib/out.ts')).toBe('export const a = process.env.GITHUB_TOKEN ?? "";\n');
      expect(namesHolding(run.env(), GH)).toEqual(['GITHUB_TOKEN']);
    });

    it('a symlink to a file outside the root holding a secret, named on the command line: not followed, no leak', () => {
      const outside = makeRepo({ 'secret.ts': `export const a = "${GH}";\n` });
      const dir = makeRepo({ 'package.json': PKG, 'src/ok.ts': 'export const x = 1;\n' });
      symlinkSync(join(outside, 'secret.ts'), join(dir, 'src', 'linked.ts'));
      const run = runCli(dir, ['src/linked.ts', 'src/ok.ts']);
      expect(readFileSync(join(outside, 'secret.ts'), 'utf8')).toBe(`export const a = "${GH}";\n`);
      expect(run.report.summary.moved).toBe(0);
      expect(run.report.skipped.map((x) => x.path)).toContain('src/linked.ts');
    });

    it('200 files each with one token: all moved, each file wholly new, `.env` read back through dotenv holds every value under its own name', () => {
      const tokens = Array.from({ length: 200 }, (_, i) => watch(fakeToken('github-classic-pat', 18300 + i), 4));
      const files: Record<string, string> = { 'package.json': PKG };
      tokens.forEach((t, i) => (files[`src/m${String(i).padStart(3, '0')}.ts`] = `// module ${i}\nexport const token${i} = "${t}";\nexport const n${i} = ${i};\n`));
      const run = codemod(files);
      expect(run.status).toBe(0);
      expect(run.report.summary).toMatchObject({ changed: 200, moved: 200, failed: 0, manual: 0 });
      const env = run.env();
      const names = new Set<string>();
      tokens.forEach((t, i) => {
        const path = `src/m${String(i).padStart(3, '0')}.ts`;
        const [name] = namesHolding(env, t);
        expect(name, `${path}: its value is in .env`).toBeDefined();
        names.add(name!);
        expect(run.read(path)).toBe(`// module ${i}\nexport const token${i} = process.env.${name} ?? "";\nexport const n${i} = ${i};\n`);
      });
      expect(names.size).toBe(200);
      expect(Object.keys(env).length).toBe(200);
      const example = run.read('.env.example');
      for (const name of names) expect(example).toContain(`${name}=\n`);
      expect(leaks(example)).toEqual([]);
    });

    it('a second run over the 200-file shape is a no-op (no file changed, .env unchanged)', () => {
      const tokens = Array.from({ length: 40 }, (_, i) => fakeToken('npm-access-token', 18500 + i));
      const files: Record<string, string> = { 'package.json': PKG };
      tokens.forEach((t, i) => (files[`src/f${i}.js`] = `export const t = "${t}";\n`));
      const first = codemod(files);
      const envBefore = first.read('.env');
      const second = runCli(first.dir);
      expect(second.status).toBe(0);
      expect(second.report.summary.changed).toBe(0);
      expect(second.read('.env')).toBe(envBefore);
    });

    it('one token under different env name hints (`apiKey`, `token`, and an existing `process.env.GH_BOT ?? …` fallback): one name for all', () => {
      const code = `export const github = { apiKey: "${GH}" };\nexport const stripe = { token: "${GH}" };\nexport const k = process.env.GH_BOT ?? "${GH}";\n`;
      const run = codemod({ 'package.json': PKG, 'src/a.ts': code });
      expect(actionsOf(run, 'src/a.ts')).toEqual(['moved GH_BOT', 'moved GH_BOT', 'fallback-removed GH_BOT']);
      expect(namesHolding(run.env(), GH)).toEqual(['GH_BOT']);
      clean(run, 'src/a.ts');
    });

    it('one generic secret under two credential names in two files: one env name', () => {
      const run = codemod({ 'package.json': PKG, 'src/a.ts': `export const a = { clientSecret: "${GENERIC}" };\n`, 'src/b.js': `export const b = { apiKey: "${GENERIC}" };\n` });
      const env = run.env();
      expect(namesHolding(env, GENERIC).length).toBe(1);
      const name = namesHolding(env, GENERIC)[0]!;
      expect(actionsOf(run, 'src/a.ts')).toEqual([`moved ${name}`]);
      expect(actionsOf(run, 'src/b.js')).toEqual([`moved ${name}`]);
    });

    it('two different tokens of the same provider in one file: distinct env names, each value under its own', () => {
      const code = `export const a = "${GH}";\nexport const b = "${GH2}";\nexport const c = \`x \${1} ${GH}\`;\n`;
      const run = codemod({ 'package.json': PKG, 'src/a.ts': code });
      expect(actionsOf(run, 'src/a.ts')).toEqual(['moved GITHUB_TOKEN', 'moved GITHUB_TOKEN_2', 'moved GITHUB_TOKEN']);
      const env = run.env();
      expect(holds(env, 'GITHUB_TOKEN', GH) && holds(env, 'GITHUB_TOKEN_2', GH2)).toBe(true);
      clean(run, 'src/a.ts');
    });

    it('an existing `.env` with the same key and a different value: never overwritten, the new value gets a suffix', () => {
      const before = `# keep\nGITHUB_TOKEN=other-value-kept\n`;
      const run = codemod({ 'package.json': PKG, '.env': before, 'src/a.ts': `export const a = "${GH}";\n` });
      expect(run.read('.env').startsWith(before)).toBe(true);
      const env = run.env();
      expect(env.GITHUB_TOKEN).toBe('other-value-kept');
      expect(namesHolding(env, GH)).toEqual(['GITHUB_TOKEN_2']);
      expect(run.read('src/a.ts')).toBe('export const a = process.env.GITHUB_TOKEN_2 ?? "";\n');
    });

    it('an existing `.env` already holding the very value under another name: the code reads that name, `.env` unchanged', () => {
      const before = `MY_GH=${GH}\n`;
      const run = codemod({ 'package.json': PKG, '.env': before, 'src/a.ts': `export const a = "${GH}";\n` });
      expect(run.read('.env')).toBe(before);
      expect(run.read('src/a.ts')).toBe('export const a = process.env.MY_GH ?? "";\n');
    });

    it('a dry run writes nothing and its diff masks every value', () => {
      const files = { 'package.json': PKG, 'src/a.ts': `export const a = "${GH}";\nexport const b = { apiKey: "${GENERIC}" };\n` };
      const run = codemod(files, ['--dry-run']);
      expect(run.read('src/a.ts')).toBe(files['src/a.ts']);
      expect(existsSync(join(run.dir, '.env'))).toBe(false);
      expect(run.report.diff).toContain('process.env.GITHUB_TOKEN');
      expect(leaks(run.report.diff ?? '')).toEqual([]);
    });

    it('the codemod moves exactly the sites the rule reports, in files of unusual syntax (decorators, using, static blocks, accessor, export =, namespaces)', () => {
      const sources: Record<string, string> = {
        'src/decorators.ts': `declare function Auth(t: string): ClassDecorator;\n@Auth("${GH}")\nexport class A { static { A.k = "${NPM}"; } static k = ""; }\n`,
        'src/using.ts': `declare function open(t: string): Disposable;\nexport function f() {\n  using a = open("${SLACK}");\n  return a;\n}\n`,
        'src/accessor.ts': `export class D {\n  accessor token = "${GH2}";\n}\n`,
        'src/export-assign.cts': `import fs = require("node:fs");\nexport = { fs, auth: "${STRIPE}" };\n`,
        'src/namespace.ts': `export namespace Keys {\n  export const openai = "${OPENAI}";\n}\n`,
        'src/generators.js': `export function* g() { yield "${ANTHROPIC}"; }\nlbl: for (;;) { const token = "${NOTION}"; break lbl; }\n`,
      };
      const run = codemod({ 'package.json': PKG, ...sources });
      expect(run.status).toBe(0);
      for (const [path, code] of Object.entries(sources)) {
        expect(codemodSites(run, path), path).toEqual(ruleSites(code, path.split('/').pop()!));
        clean(run, path);
      }
    });

    it('secrets where no rewrite is safe (tagged template, hashbang, enum member, regex literal, key): left, reported as manual, exit 1', () => {
      const code = `#!/usr/bin/env -S node --token=${GH}\nexport const a = String.raw\`${NPM}\`;\nexport enum E { A = "${STRIPE}" }\nexport const r = /${SLACK}/v;\nexport const o = { "${GH2}": 1 };\n`;
      const run = codemod({ 'package.json': PKG, 'src/a.ts': code });
      expect(run.status).toBe(1);
      expect(run.read('src/a.ts')).toBe(code);
      const actions = run.report.files.find((f) => f.path === 'src/a.ts')?.secrets.map((x) => x.action) ?? [];
      expect(actions.length).toBeGreaterThanOrEqual(4);
      expect(actions.every((a) => a === 'manual')).toBe(true);
      expect(existsSync(join(run.dir, '.env')) ? leaks(run.read('.env')) : []).toEqual([]);
    });

    it('a BOM, CRLF line ends and a raw U+2028 inside a string: kept byte for byte around the rewrite', () => {
      const code = `\uFEFF// head\r\nexport const a = "${GH}";\r\nexport const b = "x\u2028y";\r\nexport const c = "${STRIPE}";\r\n`;
      const run = codemod({ 'package.json': PKG, 'src/a.ts': code });
      expect(run.read('src/a.ts')).toBe(`\uFEFF// head\r\nexport const a = process.env.GITHUB_TOKEN ?? "";\r\nexport const b = "x\u2028y";\r\nexport const c = process.env.STRIPE_SECRET_KEY ?? "";\r\n`);
    });

    const SCRIPTS: Record<string, string> = {
      'with statement': 'with (Math) { var p = PI; }\n',
      'yield, let and await as names': 'var yield = 1, let = 2, await = 3;\n',
      'future reserved words as names': 'var implements = 1, interface = 2, package = 3;\n',
      'duplicate parameters': 'function f(a, a) { return a; }\n',
      'legacy octal literal': 'var o = 010;\n',
      'legacy octal escape': 'var s = "\\101";\n',
      'HTML-like comments': 'var x = 1; <!-- one\n--> two\n',
      'function in an if': 'if (true) function h() {}\n',
    };
    it('CommonJS scripts with sloppy-mode syntax ESLint takes: the codemod moves what the rule reports, the result still lints clean', () => {
      const files: Record<string, string> = { 'package.json': PKG };
      const names = Object.keys(SCRIPTS);
      names.forEach((k, i) => (files[`src/s${i}.cjs`] = `${SCRIPTS[k]}module.exports = { token: "${GH}", n: ${i} };\n`));
      const run = codemod(files);
      expect(run.status).toBe(0);
      names.forEach((k, i) => {
        const path = `src/s${i}.cjs`;
        expect(codemodSites(run, path), k).toEqual(ruleSites(files[path]!, `s${i}.cjs`));
        clean(run, path);
      });
    });

    it('a .js file ESLint refuses (a duplicate `let`) but TypeScript parses: the codemod rewrites it without crashing and ESLint refuses it as before', () => {
      const code = `let x = 1;\nlet x = "${GH}";\nexport { x };\n`;
      lint(code, 'dup-let.js', { parseError: true });
      const run = codemod({ 'package.json': PKG, 'src/dup-let.js': code });
      const after = run.read('src/dup-let.js');
      expect(leaks(after)).toEqual([]);
      expect(verify(after, 'dup-let.js').filter((m) => m.fatal).length).toBe(1);
    });

    it('a .js file with an invalid `v`-flag regular expression (ESLint refuses it) beside a generic secret: no crash, no leak', () => {
      const code = `export const r = /[a&&&b]/v;\nexport const apiKey = "${GENERIC}";\n`;
      lint(code, 'bad-regex.js', { parseError: true });
      const run = codemod({ 'package.json': PKG, 'src/bad-regex.js': code });
      expect([0, 1]).toContain(run.status);
      expect(run.read('src/bad-regex.js').startsWith('export const r = /[a&&&b]/v;\n')).toBe(true);
    });

    it('a TS cast `<string>"<token>"` in .ts is rewritten, in .tsx and .js (JSX) both ESLint and the codemod refuse it', () => {
      const cast = `export const k = <string>"${GH}";\n`;
      const run = codemod({ 'package.json': PKG, 'src/a.ts': cast, 'src/b.tsx': cast, 'src/c.js': cast });
      expect(run.read('src/a.ts')).toBe('export const k = <string>(process.env.GITHUB_TOKEN ?? "");\n');
      expect(run.read('src/b.tsx')).toBe(cast);
      expect(run.read('src/c.js')).toBe(cast);
      lint(cast, 'b.tsx', { parseError: true });
      lint(cast, 'c.js', { parseError: true });
      expect(run.status).toBe(1);
    });

    it('JSX in a .js file: the codemod moves the attribute and the text token as the rule reports them', () => {
      const code = `export const V = () => <Client apiKey="${GENERIC}" title={"${GH}"}>${STRIPE}</Client>;\n`;
      const run = codemod({ 'package.json': PKG, 'src/v.js': code });
      expect(codemodSites(run, 'src/v.js')).toEqual(ruleSites(code, 'v.js'));
      clean(run, 'src/v.js');
    });

    it('a hashbang CLI script with a token in its body and a BOM-less CRLF shebang line: the body is moved, the shebang kept', () => {
      const code = `#!/usr/bin/env node\r\nconst token = "${GH}";\r\nconsole.log(Boolean(token));\r\n`;
      const run = codemod({ 'package.json': PKG, 'bin/cli.js': code });
      expect(run.read('bin/cli.js')).toBe(`#!/usr/bin/env node\r\nconst token = process.env.GITHUB_TOKEN ?? "";\r\nconsole.log(Boolean(token));\r\n`);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('more syntax around secrets', () => {
    it('private class fields `#token` and `static #apiKey` holding secrets (.ts and .js)', () => {
      const code = `export class P { #token = "${GH}"; static #apiKey = "${GENERIC}"; get t() { return this.#token + P.#apiKey; } }\n`;
      for (const file of ['private.ts', 'private.js']) expectSpans(code, file, GH, GENERIC);
    });

    it('`export default "<token>"` and CommonJS `module.exports.token =`, `exports.apiKey =` (.js and .cjs)', () => {
      expectSpans(`export default "${GH}";\n`, 'default.js', GH);
      expectSpans(`module.exports.token = "${GH}";\nexports.apiKey = "${GENERIC}";\n`, 'exports.cjs', GH, GENERIC);
    });

    it('`import.meta.env.X ?? "<token>"` is a fallback: emptied', () => {
      const code = `export const k = import.meta.env.VITE_GITHUB_TOKEN ?? "${GH}";\n`;
      const m = expectSpans(code, 'import-meta.ts', GH);
      expect(suggestionTexts(m)).toEqual([['""']]);
    });

    it('template literal types holding a token: reported, no suggestion', () => {
      const code = `export type T = \`${GH}\`;\nexport type U = \`x\${string}${NPM}\`;\n`;
      const m = expectSpans(code, 'template-type.ts', GH, NPM);
      expect(suggestionTexts(m)).toEqual([[], []]);
    });

    it('top-level `await using` in an .mts module', () => {
      const code = `declare function open(t: string): AsyncDisposable;\nawait using a = open("${GH}");\nexport {};\n`;
      expectSpans(code, 'top-level.mts', GH);
    });

    it('a token in a JSDoc `@example`: reported in the comment, no suggestion', () => {
      const code = `/**\n * @example\n *   client({ token: "${GH}" })\n */\nexport function client(o: { token: string }) { return o; }\n`;
      const m = expectSpans(code, 'jsdoc.ts', GH);
      expect(suggestionTexts(m)).toEqual([[]]);
    });

    it('`Symbol.for("<token>")` and `new URL("…?access_token=<generic>")`', () => {
      const code = `export const s = Symbol.for("${GH}");\nexport const u = new URL("https://api.example.com/?access_token=${GENERIC}");\n`;
      expectSpans(code, 'symbol-url.ts', GH, GENERIC);
    });

    it('JSX namespaced names (`xlink:href`, `a:b c:d`) holding secrets (.jsx)', () => {
      const code = `export const V = () => <svg><use xlink:href="https://x.example.com/i.svg?key=${GENERIC}" /><a:b c:d="${GH}" /></svg>;\n`;
      expectSpans(code, 'namespaced.jsx', GENERIC, GH);
    });

    it('templates nested three deep around a token: one finding, the innermost part rewritten', () => {
      const code = 'export const t = `a ${`b ${`' + GH + '`}`}`;\n';
      const m = expectSpans(code, 'nested-template.ts', GH);
      expect(suggestionTexts(m)[0]![0]).toContain('process.env.GITHUB_TOKEN');
    });

    it('worker.oauth on an aliased import (`import { Worker as W }`) called optionally: all three OAuth rules fire', () => {
      const code = `import { Worker as W } from "@notionhq/workers";\nconst w = new W();\nexport default w;\nw?.oauth("github", { authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token", clientId: process.env.KNOWN ?? "", clientSecret: "${GENERIC}", scope: "admin:org" });\n`;
      const m = lint(code, 'alias.ts');
      expect([countOf(m), countOf(m, 'oauth-credentials-from-env'), countOf(m, 'no-broad-oauth-scopes')]).toEqual([1, 1, 1]);
    });

    it('an `eslint-disable-next-line` with a reason keeps the token quiet in the rule and in the codemod', () => {
      const code = `// eslint-disable-next-line worker-auth/no-hardcoded-secrets -- public demo key\nexport const k = "${GH}";\n`;
      expect(countOf(lint(code, 'disabled.ts'))).toBe(0);
      const run = codemod({ 'package.json': PKG, 'src/disabled.ts': code });
      expect(run.read('src/disabled.ts')).toBe(code);
      expect(existsSync(join(run.dir, '.env'))).toBe(false);
    });

    // gap 2 (fixed): a password in a `password` position holding a quote or a bracket meets the documented criteria (16+ characters, no spaces, no words, entropy over 3.5)
    it('a generated password holding a quote and a parenthesis in a `password` position is reported', () => {
      const password = watch(randomString(CHARSETS.b62, 14, 18600) + "'" + randomString(CHARSETS.b62, 10, 18601) + '(' + randomString(CHARSETS.b62, 4, 18602));
      const code = `export const db = { user: "app", password: ${JSON.stringify(password)} };\n`;
      expectSpans(code, 'password-quote.ts', password);
      // moved like any generic secret, and read back exactly through dotenv
      const run = codemod({ 'package.json': PKG, 'src/db.ts': code });
      const [action] = actionsOf(run, 'src/db.ts');
      const name = action!.split(' ')[1]!;
      expect(action).toBe(`moved ${name}`);
      expect(holds(run.env(), name, password)).toBe(true);
    });

    it('a generated password with `#`, `=`, `+` and `/` in a `password` position: reported, moved, and read back exactly through dotenv', () => {
      const password = watch(randomString(CHARSETS.b64, 12, 18603) + '#' + randomString(CHARSETS.b64, 12, 18604) + '==');
      const code = `export const db = { user: "app", password: "${password}" };\n`;
      expectSpans(code, 'password-hash.ts', password);
      const run = codemod({ 'package.json': PKG, 'src/db.ts': code });
      const [action] = actionsOf(run, 'src/db.ts');
      const name = action!.split(' ')[1]!;
      expect(action).toBe(`moved ${name}`);
      expect(holds(run.env(), name, password)).toBe(true);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('codemod outputs never show a secret', () => {
    it('a source file named after a token: every path in the report and the dry-run diff is masked', () => {
      const files = { 'package.json': PKG, [`src/${GH}.ts`]: `export const a = "${NPM}";\n` };
      const dry = codemod(files, ['--dry-run']);
      expect(dry.report.files.length).toBe(1);
      expect(dry.report.files[0]!.path).toMatch(/^src\/ghp_…/);
      expect(leaks(dry.report.diff ?? '')).toEqual([]);
      const run = codemod(files);
      expect(run.report.summary.moved).toBe(1);
      expect(run.read(`src/${GH}.ts`)).toBe('export const a = process.env.NPM_TOKEN ?? "";\n');
    });

    it('`--check` with a real token in `.env.example`: exit 1, the finding masked', () => {
      const dir = makeRepo({ 'package.json': PKG, '.gitignore': '.env\n', '.env.example': `GITHUB_TOKEN=${GH}\nSTRIPE_SECRET_KEY="${STRIPE}"\n`, 'src/a.ts': 'export const x = 1;\n' });
      const r = spawnSync(process.execPath, [CLI, '--root', dir, '--check', '--json'], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(leaks(`${r.stdout}\n${r.stderr}`)).toEqual([]);
      expect((JSON.parse(r.stdout) as { check: { summary: { secretsInExample: number } } }).check.summary.secretsInExample).toBe(2);
    });

    it('`--sync-env-example` with `process.env["<token>"]`: the token is never added as a name, and shown masked', () => {
      const dir = makeRepo({ 'package.json': PKG, 'src/a.ts': `export const x = process.env["${GH}"];\nexport const y = process.env.NEW_NAME;\n` });
      const r = spawnSync(process.execPath, [CLI, '--root', dir, '--sync-env-example', '--json', '--allow-dirty'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(leaks(`${r.stdout}\n${r.stderr}`)).toEqual([]);
      const example = readFileSync(join(dir, '.env.example'), 'utf8');
      expect(example.split('\n').filter((l) => /^[^#\s]/.test(l))).toEqual(['NEW_NAME=']);
      expect(leaks(example)).toEqual([]);
    });

    it('one file with 300 different tokens of one provider: 300 distinct names, every value in `.env`', () => {
      const tokens = Array.from({ length: 300 }, (_, i) => fakeToken('npm-access-token', 18650 + i));
      const code = tokens.map((t, i) => `export const t${i} = "${t}";`).join('\n') + '\n';
      const run = codemod({ 'package.json': PKG, 'src/many.js': code });
      expect(run.report.summary.moved).toBe(300);
      const env = run.env();
      const names = new Set(tokens.map((t) => namesHolding(env, t)[0]));
      expect(names.size).toBe(300);
      expect(names.has(undefined as unknown as string)).toBe(false);
      expect(leaks(run.read('src/many.js'), tokens)).toEqual([]);
    });

    it('reports and moves grow linearly with the input: 100 and 200 tokens across files give 100 and 200 moves', () => {
      const tokens = Array.from({ length: 200 }, (_, i) => fakeToken('github-classic-pat', 18700 + i));
      const make = (n: number) => {
        const files: Record<string, string> = { 'package.json': PKG };
        for (let i = 0; i < n; i++) files[`src/d${i % 10}/f${i}.ts`] = `export const t = { auth: "${tokens[i]!}" };\n`;
        return files;
      };
      const small = codemod(make(100), ['--dry-run']);
      const large = codemod(make(200), ['--dry-run']);
      expect([small.report.summary.moved, large.report.summary.moved]).toEqual([100, 200]);
      expect(large.report.diff!.split('\n').length).toBeGreaterThan(1.8 * small.report.diff!.split('\n').length);
    });

    it('a JSX spread of an object holding tokens in .tsx: moved as the rule reports, the result lints clean', () => {
      const code = `export const V = () => <Client {...{ apiKey: "${GENERIC}", auth: "${GH}" }} />;\n`;
      const run = codemod({ 'package.json': PKG, 'src/v.tsx': code });
      expect(run.report.files[0]!.secrets.map((x) => `${x.line}:${x.column}`)).toEqual(ofRule(verify(code, 'v.tsx')).map((m) => `${m.line}:${m.column}`));
      const after = run.read('src/v.tsx');
      expect(leaks(after)).toEqual([]);
      expect(verify(after, 'v.tsx').filter((m) => m.fatal || m.ruleId === RULE)).toEqual([]);
    });
  });
});
