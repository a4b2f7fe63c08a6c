/**
 * Held-out adversarial inputs, round 6: invisible and look-alike text around and inside tokens (Trojan-source bidi
 * controls in strings, templates, comments, JSX and regular expressions; zero-width characters; homoglyph keys and a
 * homoglyph `process`), escapes inside tokens and in key and env names (`\u…`, `\u{…}`, `\x..`, entities inside a
 * token in JSX), lone surrogates, U+2028/U+2029, CR-only and mixed line endings, tabs, line continuations ended by a
 * lone CR or U+2029, shebangs ended by every line terminator, HTML-like comments in CommonJS scripts, byte-order marks,
 * tokens at the very end of a file, files that are only comments, TS-only syntax holding strings (literal
 * and template literal types, overloads, enums, `declare module`, `import = require`, arbitrary module namespace
 * names, decorators, `satisfies`, abstract members, `accessor`, `using`, parameter properties, generic defaults,
 * ambient classes and declaration files), templates nested and tagged, secrets as computed keys, in getters, default
 * parameters, destructuring defaults and `case` labels, fallbacks of `import.meta.env`, `Bun.env` and `Deno.env`,
 * `eslint-disable` directives written with invisible characters (read as ESLint reads them, by the rule and the
 * codemod), nesting a few thousand levels deep where ESLint copes, 18,000 small strings in `+` chains, 500,000
 * zero-width spaces, 1,000 copies of one token on one line; and the codemod (`runCodemod`, and the jscodeshift entry)
 * on the same kinds of files, checked byte for byte, with work counted (never timed) at n and 4n.
 *
 * Every lint case asserts: `linter.verify` does not throw (with `WORKER_AUTH_DEBUG=1` for `strict`), no fatal
 * message unless the input itself does not parse, each finding at its exact line, column, end line and end column
 * (computed from the planted value's offset in the text ESLint sees: a BOM is not counted, every line terminator is),
 * no secret (nor a 12-character run of its random part, in any letter case) in a message, a suggestion description or
 * a suggestion's text beyond what the replaced text held, and each suggestion, applied, parses, reads `process.env`
 * (or empties a fallback), removes a finding and writes no new copy of a secret. `strict` and `recommended` both run.
 * Every codemod case asserts the exact bytes of each file afterwards, the env files where relevant, and no secret in
 * the report.
 *
 * Values are built at run time (test/support/fake-tokens.ts), seeds 11000–11999.
 *
 * Gaps found (all six fixed, under "gaps found by the held-out set, fixed", each with what was expected and what
 * happened):
 * 1. A generic secret in a credential position (`apiKey`, `clientSecret`, `token`) with an invisible bidi control at
 *    its edge (U+202E, U+2066…U+2069, U+200E, U+061C: the Trojan-source characters) is not reported, by the rule nor
 *    the codemod, while the same value behind a zero-width space is (src/detect/file-text.ts `isBlankCode`, used by
 *    `trimValue` in src/detect/index.ts, trims U+200B–U+200D and U+2060 only).
 * 2. A token written as an identifier key (`{ <token>: "alice" }`, a class field or method named by it, an interface
 *    member) is not reported (the rule reads only String/Template/JSXText/RegularExpression tokens:
 *    rules/no-hardcoded-secrets.ts), and the codemod leaves it without a word (exit 0), where docs say object keys are
 *    read and keys are "left for a manual edit" (exit 1).
 * 3. Ambient code not recognised: a member of a `declare class` (`static readonly k = "<token>"`) gets a suggestion
 *    and is rewritten by the codemod to an env read, which TypeScript rejects (TS1254: an ambient initializer must be a
 *    literal); the same for a `const` in a `.d.ts` file (src/ast/sites.ts `isAmbient` only looks at `declare` on
 *    variable and module declarations).
 * 4. The codemod rejects valid CommonJS scripts (`.cjs`) that ESLint lints and the rule reports in: HTML-like comments
 *    (`<!--`, `-->`), legacy octal escapes (`"\101"`) and legacy octal literals (`010`) make it say "does not parse"
 *    and leave every secret of the file (codemods/plan.ts `planSource` parses every file with typescript-estree, which
 *    takes no Annex B script syntax; the final re-parse in codemods/run.ts `rewrite` too).
 * 5. Quadratic work in the codemod's planning: n `eslint-disable`/`eslint-enable` regions with n secrets between them
 *    (codemods/plan.ts `suppressedBy`: `ranges.some` per occurrence), n secrets in one string (`buildEdits` copies the
 *    site's list per occurrence), n tokens cut over `"…" + "…"` beside n plain ones (`chained.some` in `planSource`,
 *    `chains.some` in `buildEdits`): about 15× the work for 4× the input.
 * 6. A report ends past its token when a line continuation (a backslash and a line break) follows it in a string or
 *    a template (the end moves to the next line), or when the token ends a piece of a `"…" + "…"` chain and another
 *    piece follows (the end runs over ` + ` into that piece): src/ast/sites.ts `sourceRangeOf` maps the exclusive
 *    end through `map[end]`, the offset of the next value character, instead of the end of the token's last character.
 * Fixes: 1. `isBlankCode` (src/detect/file-text.ts) also trims the bidirectional marks, embeddings, overrides and
 * isolates; 2. names of 16 characters or more are read for provider formats, as a comment is (rule: the token walk;
 * codemod: `planSource`; both `siteOfIdentifier`), and left for a manual edit; 3. `isAmbient` reads `declare` on any
 * declaration, and a `.d.ts` file takes no suggestion; 4. a `.cjs`/`.js` file typescript-estree rejects is parsed with
 * espree as a CommonJS script (codemods/plan.ts `parseSource`), and checked again the same way after the rewrite;
 * 5. the plan's range lookups sort once and search (`rangeIndex`), and `buildEdits` appends; 6. `sourceRangeOf` ends a
 * range at its last character: before a line continuation, and at the end of the piece it ends with.
 * Not kept (not ours, or documented): typescript-estree names the identifier `\u0061pi\u{4B}ey` `aKey` (TypeScript's
 * scanner), so a generic secret under such a key gets another env name in a `.ts` file than in a `.js` file; ESLint
 * counts a BOM in no column (the cases follow it); a file that is not UTF-8 (a lone surrogate's bytes) or minified
 * is skipped with exit 0 (the codemod tests hold that); a generic fallback of `Deno.env.get("ACME_TOKEN")` is not
 * reported (the docs name `process.env`, `import.meta.env` and values named as credentials, not calls).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseTs } from '@typescript-eslint/typescript-estree';
import tsParser from '@typescript-eslint/parser';
import { parse as parseDotenv } from 'dotenv';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { assignEnvNames, buildEdits, planSource } from '../codemods/plan.js';
import { runCodemod, type CodemodOptions, type CodemodReport } from '../codemods/run.js';
import transform from '../codemods/jscodeshift.js';
import { getDetector } from '../src/detect/options.js';
import plugin from '../src/index.js';
import { fakeGenericSecret, fakeToken, lookalike } from './support/fake-tokens.js';

const GH = fakeToken('github-classic-pat', 11001);
const GH2 = fakeToken('github-classic-pat', 11002);
const STRIPE = fakeToken('stripe-secret-key', 11003);
const SLACK = fakeToken('slack-bot-token', 11004);
const NPM = fakeToken('npm-access-token', 11005);
const OPENAI = fakeToken('openai-project-key', 11006);
const ANTHROPIC = fakeToken('anthropic-api-key', 11007);
const GENERIC = fakeGenericSecret(11008);
const GENERIC2 = fakeGenericSecret(11009);
const TOKENS = [GH, GH2, STRIPE, SLACK, NPM, OPENAI, ANTHROPIC, GENERIC, GENERIC2];

const RLO = '\u202E';
const PDF = '\u202C';
const LRI = '\u2066';
const RLI = '\u2067';
const PDI = '\u2069';
const LRM = '\u200E';
const ALM = '\u061C';
const ZWSP = '\u200B';
const ZWJ = '\u200D';
const LS = '\u2028';
const PS = '\u2029';
const BOM = '\uFEFF';
const CYRILLIC_A = '\u0430';
const CYRILLIC_IE = '\u0435';
const RULE_ID = 'worker-auth/no-hardcoded-secrets';

const root = mkdtempSync(join(tmpdir(), 'wa-heldout6-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

const PROJECT = project('worker', {
  'package.json': JSON.stringify({ name: 'w', dependencies: { '@notionhq/workers': '^0.9.2' } }),
  '.env.example': 'KNOWN=\n',
});

const linter = new Linter({ configType: 'flat', cwd: root });

interface Options {
  /** Path under the project's `src/` (default `index.ts`). */
  readonly file?: string;
  /** The input itself does not parse: a fatal parse message is expected, nothing else. */
  readonly parseError?: boolean;
  readonly secrets?: readonly string[];
  /** Suggestions applied and re-linted at most this many times (default 40). */
  readonly suggestionLimit?: number;
}

type ConfigName = 'strict' | 'recommended';

function baseConfig(): Linter.Config[] {
  return [
    { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
    { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  ];
}

function config(set: ConfigName): Linter.Config[] {
  return [...baseConfig(), plugin.configs[set] as Linter.Config];
}

const fileOf = (options: Options) => join(PROJECT, 'src', options.file ?? 'index.ts');

function debugging<T>(fn: () => T): T {
  const before = process.env.WORKER_AUTH_DEBUG;
  process.env.WORKER_AUTH_DEBUG = '1';
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.WORKER_AUTH_DEBUG;
    else process.env.WORKER_AUTH_DEBUG = before;
  }
}

function lint(code: string, options: Options = {}, set: ConfigName = 'strict'): Linter.LintMessage[] {
  const run = () => linter.verify(code, config(set), fileOf(options));
  return set === 'strict' ? debugging(run) : run();
}

function fatalOf(code: string, options: Options): string | undefined {
  return linter.verify(code, baseConfig(), fileOf(options)).find((m) => m.fatal)?.message;
}

// ---------------------------------------------------------------------------------------------------------------
// Leaks: a secret, or a 12-character run of its random part in any letter case
// ---------------------------------------------------------------------------------------------------------------

const windowsOf = new Map<string, string[]>();
function leakWindows(secret: string): string[] {
  const from = Math.max(12, Math.floor(secret.length * 0.4));
  const windows: string[] = [];
  for (let i = from; i + 12 <= secret.length; i += 3) windows.push(secret.slice(i, i + 12).toLowerCase());
  return windows;
}
const occurrences = (text: string, part: string) => text.split(part).length - 1;
function copies(text: string, secret: string): number {
  let windows = windowsOf.get(secret);
  if (!windows) windowsOf.set(secret, (windows = leakWindows(secret)));
  const lower = text.toLowerCase();
  return windows.reduce((n, w) => n + occurrences(lower, w), 0);
}
function leaks(text: string, secrets: readonly string[] = TOKENS): string[] {
  return secrets.filter((secret) => copies(text, secret) > 0).map((secret) => `${secret.slice(0, 4)}…`);
}

// ---------------------------------------------------------------------------------------------------------------
// Exact locations, counted as ESLint counts them (a leading BOM is not part of the text)
// ---------------------------------------------------------------------------------------------------------------

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
const withoutBom = (code: string) => (code.startsWith(BOM) ? code.slice(1) : code);

function positionAt(text: string, offset: number): string {
  const lines = text.slice(0, offset).split(LINE_BREAK);
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

/** `line:column-endLine:endColumn` of the `nth` occurrence of `needle` in the text ESLint sees. */
function spanOf(code: string, needle: string, nth = 0): string {
  const text = withoutBom(code);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`spanOf: ${needle.slice(0, 4)}… #${nth} not in the code`);
  }
  return `${positionAt(text, at)}-${positionAt(text, at + needle.length)}`;
}

const rule = (name: string) => `worker-auth/${name}`;
const ofRule = (messages: readonly Linter.LintMessage[], name = 'no-hardcoded-secrets') => messages.filter((m) => m.ruleId === rule(name));
const spansOf = (messages: readonly Linter.LintMessage[], name = 'no-hardcoded-secrets') => ofRule(messages, name).map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`);
const suggestionsOf = (messages: readonly Linter.LintMessage[], name = 'no-hardcoded-secrets') => ofRule(messages, name).flatMap((m) => m.suggestions ?? []);
const countRule = (messages: readonly Linter.LintMessage[], ruleId: string) => messages.filter((m) => m.ruleId === ruleId).length;

function applied(text: string, s: Linter.LintSuggestion): string {
  return text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1]);
}

/** What a `no-hardcoded-secrets` suggestion writes: an env read (or a template holding one), or an emptied fallback. */
const ENV_OR_EMPTY = /process\.env(?:\.[A-Za-z_$][\w$]*|\["[^"]*"\]) \?\? ""|^(?:""|''|``)$/;

/** Lints with `strict` (debugging) and `recommended`, checks every promise; returns the messages of `strict`. */
function check(code: string, options: Options = {}): Linter.LintMessage[] {
  const secrets = options.secrets ?? TOKENS;
  const bom = code.startsWith(BOM) ? BOM : '';
  const text = withoutBom(code);
  let strict: Linter.LintMessage[] = [];
  for (const set of ['strict', 'recommended'] as const) {
    const messages = lint(code, options, set);
    const fatal = messages.filter((m) => m.fatal);
    if (options.parseError) {
      expect(fatal.length, 'the input should not parse').toBeGreaterThan(0);
      expect(messages.filter((m) => !m.fatal)).toEqual([]);
    } else {
      expect(fatal.map((m) => m.message)).toEqual([]);
    }
    for (const m of messages) {
      expect(leaks(m.message, secrets), `message of ${m.ruleId}: ${m.message}`).toEqual([]);
      for (const s of m.suggestions ?? []) expect(leaks(s.desc, secrets), `suggestion of ${m.ruleId}: ${s.desc}`).toEqual([]);
    }
    if (set === 'strict') strict = messages;
  }
  let checked = 0;
  const limit = options.suggestionLimit ?? 40;
  for (const m of strict) {
    for (const s of m.suggestions ?? []) {
      const replaced = text.slice(s.fix.range[0], s.fix.range[1]);
      for (const secret of secrets) {
        expect(copies(s.fix.text, secret), `suggestion "${s.desc}" of ${m.ruleId} writes a copy of ${secret.slice(0, 4)}…`).toBeLessThanOrEqual(copies(replaced, secret));
      }
      if (checked++ >= limit) continue;
      const fixed = bom + applied(text, s);
      expect(fatalOf(fixed, options), `suggestion "${s.desc}" of ${m.ruleId} gives code that does not parse`).toBeUndefined();
      if (m.ruleId === RULE_ID) {
        expect(s.fix.text, 'the suggestion reads process.env or empties a fallback').toMatch(ENV_OR_EMPTY);
        for (const secret of secrets) expect(occurrences(fixed, secret), 'a suggestion writes a secret again').toBeLessThanOrEqual(occurrences(code, secret));
        expect(countRule(lint(fixed, options), RULE_ID), `suggestion "${s.desc}" removes no finding`).toBeLessThan(countRule(strict, RULE_ID));
      }
    }
  }
  return strict;
}

/** `check`, then the spans of `no-hardcoded-secrets` must be those of `needles` (each `[value, nth]`). */
function expectSpans(code: string, options: Options, ...needles: (string | [string, number])[]): Linter.LintMessage[] {
  const m = check(code, options);
  const want = needles.map((n) => (typeof n === 'string' ? spanOf(code, n) : spanOf(code, n[0], n[1])));
  expect(spansOf(m), options.file ?? 'index.ts').toEqual(want);
  return m;
}

const both = (name: string) => [`${name}.js`, `${name}.ts`];

// ---------------------------------------------------------------------------------------------------------------
// The codemod on a temporary project
// ---------------------------------------------------------------------------------------------------------------

interface CodemodRun {
  readonly dir: string;
  readonly report: CodemodReport;
  readonly exitCode: 0 | 1;
  read(path: string): string;
  bytes(path: string): Buffer;
  env(): Record<string, string>;
}

let repos = 0;
async function codemod(files: Record<string, string | Buffer>, options: Partial<CodemodOptions> = {}): Promise<CodemodRun> {
  const dir = join(root, `repo-${repos++}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const { report, exitCode } = await runCodemod({ root: dir, paths: ['.'], allowDirty: true, ...options });
  expect(leaks(JSON.stringify(report)), 'the codemod report shows a secret').toEqual([]);
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  return { dir, report, exitCode, read, bytes: (path) => readFileSync(join(dir, path)), env: () => parseDotenv(read('.env')) };
}

const secretsOf = (run: CodemodRun, path: string) =>
  run.report.files.find((f) => f.path === path)?.secrets.map((s) => `${s.line}:${s.column} ${s.action} ${s.envName}`);

/** The jscodeshift entry on one file of a fresh project: its return value and its report lines. */
async function shift(name: string, source: string): Promise<{ dir: string; out: string | undefined; error?: string; lines: string[] }> {
  const dir = join(root, `shift-${repos++}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), source);
  const lines: string[] = [];
  try {
    const out = await transform({ path: join(dir, name), source }, { report: (m: string) => lines.push(m) }, { root: dir });
    return { dir, out, lines };
  } catch (error) {
    return { dir, out: undefined, error: (error as Error).message, lines };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Work counting (never timing): elements visited by array callbacks and iteration
// ---------------------------------------------------------------------------------------------------------------

type Proto = Record<PropertyKey, unknown>;
function countWork(fn: () => void): number {
  let work = 0;
  const restore: (() => void)[] = [];
  const proto = Array.prototype as unknown as Proto;
  const wrap = (name: PropertyKey) => {
    const original = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: { length?: number }, ...args: unknown[]) {
      work += 1 + (this?.length ?? 0);
      return original.apply(this, args);
    };
    restore.push(() => {
      proto[name] = original;
    });
  };
  for (const name of ['some', 'every', 'find', 'findIndex', 'filter', 'map', 'forEach', 'reduce', Symbol.iterator]) wrap(name);
  try {
    fn();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return work;
}

const detector = getDetector({});
/** The codemod's planning of one source (parse, find, suppress, name, edit), minus the parse alone. */
function planningWork(source: string): number {
  const all = countWork(() => {
    const plan = planSource(source, 'src/a.ts', detector);
    buildEdits(plan, assignEnvNames([plan], new Map()), source);
  });
  const parseOnly = countWork(() => void parseTs(source, { range: true, loc: false, comment: true, jsx: false, filePath: 'src/a.ts' }));
  return all - parseOnly;
}
const MANY = Array.from({ length: 1_000 }, (_, i) => fakeToken('github-classic-pat', 11100 + i));
/** 4× the input: linear work grows about 4×, quadratic about 16×. */
const LINEAR = 6;

// ===============================================================================================================

describe('adversarial inputs, sixth held-out set', () => {
  describe('bidi controls, zero-width characters and homoglyphs', () => {
    it('Trojan-source bidi overrides and isolates around a token in a string (.js and .ts): the token alone, the controls kept', () => {
      const code = `export const a = "${RLO}${GH}${PDF}";\nexport const b = "${LRI}x${PDI} ${RLI}${STRIPE}${PDI}";\n`;
      for (const file of both('bidi-string')) {
        const m = expectSpans(code, { file }, GH, STRIPE);
        const [first] = suggestionsOf(m);
        expect(first!.fix.text).toBe(`\`${RLO}\${process.env.GITHUB_TOKEN ?? ""}${PDF}\``);
      }
    });

    it('a "commenting-out" Trojan source: a token inside a block comment that the bidi controls show as code', () => {
      const code = `let isAdmin = false;\n/*${RLO} } ${LRI}if (isAdmin)${PDI} ${LRI} begin admins only */ // ${SLACK}\n/* ${RLO}${GH}${PDI} end admins only ${RLO} { ${LRI}*/\nexport { isAdmin };\n`;
      for (const file of both('trojan-comment')) {
        const m = expectSpans(code, { file }, SLACK, GH);
        expect(ofRule(m).every((x) => (x.suggestions ?? []).length === 0)).toBe(true);
      }
    });

    it('a "stretched string" Trojan source: the token after it on the same line is at its own columns', () => {
      const code = `export function f(level: string) {\n\tif (level !== "user${RLO} ${LRI}// Check if admin${PDI} ${LRI}") { return "${GH}"; }\n\treturn "${NPM}";\n}\n`;
      expectSpans(code, { file: 'stretched.ts' }, GH, NPM);
    });

    it('bidi controls in a template part after a substitution and in a regular expression literal', () => {
      const code = 'declare const x: string;\nexport const t = `${x}' + RLO + ' ' + GH + ' ' + PDF + '${x}' + LRI + OPENAI + PDI + '`;\nexport const r = /' + RLO + '(?:' + NPM + ')/u;\n';
      const m = expectSpans(code, { file: 'bidi-template.ts' }, GH, OPENAI, NPM);
      expect(ofRule(m).map((x) => (x.suggestions ?? []).length)).toEqual([1, 1, 0]);
    });

    it('bidi controls in JSX text and before a token in a JSX attribute (.jsx and .tsx): the attribute rewrite keeps them', () => {
      const code = `export const V = () => <p title="${RLO} ${GH}">\n\t${LRI}${PDI} ${STRIPE} ${RLO}\n</p>;\n`;
      for (const file of ['bidi.jsx', 'bidi.tsx']) {
        const m = expectSpans(code, { file }, GH, STRIPE);
        expect(suggestionsOf(m)[0]!.fix.text).toBe(`{\`${RLO} \${process.env.GITHUB_TOKEN ?? ""}\`}`);
        expect(suggestionsOf(m)[1]!.fix.text).toBe('{process.env.STRIPE_SECRET_KEY ?? ""}');
      }
    });

    it('zero-width joiners and spaces around tokens in a template part, a JSX text and a line comment', () => {
      const code = 'export const t = `' + ZWJ + GH + ZWSP + '`;\nexport const V = () => <b>' + ZWSP + SLACK + ZWJ + '</b>;\n// ' + ZWSP + NPM + ZWSP + '\n';
      expectSpans(code, { file: 'zw.tsx' }, GH, SLACK, NPM);
    });

    it('a zero-width joiner inside a credential key name: the generic secret under `api<ZWJ>Key` is still reported', () => {
      const code = `export const o = { "api${ZWJ}Key": "${GENERIC}" };\n`;
      expectSpans(code, {}, GENERIC);
    });

    it('a homoglyph `process` (Cyrillic е in `env`) is no env read: its fallback is reported as hardcoded, not as a fallback of process.env', () => {
      const code = `export const k = process.${CYRILLIC_IE}nv.GITHUB_TOKEN ?? "${GH}";\n`;
      const [m] = ofRule(expectSpans(code, {}, GH));
      expect(m!.messageId).toBe('hardcodedSecret');
      expect(m!.message).not.toMatch(/fallback of/);
    });

    it('a homoglyph key (Cyrillic а in `apiKey`) holding a token: reported, and the env name it proposes is ASCII', () => {
      const code = `export const o = { "${CYRILLIC_A}piKey": "${GH}", "${CYRILLIC_A}piSecret": "${GENERIC}" };\n`;
      const m = expectSpans(code, {}, GH, GENERIC);
      for (const s of suggestionsOf(m)) expect(s.fix.text).toMatch(/^process\.env\.[A-Z][A-Z0-9_]* \?\? ""$/);
    });

    it('a look-alike of a token (one character off its checksum) beside the real one on a line: only the real one', () => {
      const miss = lookalike('github-classic-pat');
      const code = `export const a = "${miss} ${GH}";\nexport const b = "${miss}";\n`;
      const m = expectSpans(code, {}, GH);
      expect(suggestionsOf(m)[0]!.fix.text).toBe(`\`${miss} \${process.env.GITHUB_TOKEN ?? ""}\``);
    });

    it('a bidi override inside an env name: the fallback is dropped, the name is never turned into a new read', () => {
      const code = `export const k = process.env["GITHUB${RLO}TOKEN"] ?? "${GH}";\n`;
      const [m] = ofRule(expectSpans(code, {}, GH));
      expect(m!.messageId).toBe('hardcodedFallback');
      expect(m!.suggestions!.map((s) => s.fix.text)).toEqual(['""']);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('escapes inside tokens and in key and env names', () => {
    /** `token` with its character at `i` written as `escape(code)`. */
    const escapeAt = (token: string, i: number, escape: (hex: string) => string) => token.slice(0, i) + escape(token.charCodeAt(i).toString(16)) + token.slice(i + 1);

    it('a \\uXXXX escape inside a token (.js and .ts): the span covers the escape, the rewrite replaces the whole literal', () => {
      const written = escapeAt(GH, 9, (h) => `\\u${h.padStart(4, '0')}`);
      const code = `export const a = "${written}";\n`;
      for (const file of both('u-escape')) {
        const m = expectSpans(code, { file }, written);
        expect(suggestionsOf(m)[0]!.fix.text).toBe('process.env.GITHUB_TOKEN ?? ""');
      }
    });

    it('a \\xHH escape inside a token in a template part after a substitution: the rewrite replaces exactly the escaped text', () => {
      const written = escapeAt(STRIPE, 20, (h) => `\\x${h}`);
      const code = 'declare const x: string;\nexport const t = `${x} ' + written + ' tail`;\n';
      const m = expectSpans(code, {}, written);
      const [s] = suggestionsOf(m);
      expect(code.slice(s!.fix.range[0], s!.fix.range[1])).toBe(written);
    });

    it('\\u{…} escapes at the first and the last character of a token in a single-quoted .js string', () => {
      const written = escapeAt(escapeAt(GH, GH.length - 1, (h) => `\\u{${h}}`), 0, (h) => `\\u{${h}}`);
      const code = `export const a = 'k ${written}';\nexport const b = '${written}';\n`;
      const m = expectSpans(code, { file: 'braces.js' }, written, [written, 1]);
      expect(suggestionsOf(m).map((s) => s.fix.text)).toEqual(['`k ${process.env.GITHUB_TOKEN ?? ""}`', 'process.env.GITHUB_TOKEN ?? ""']);
    });

    it('escaped line terminators (\\u2028, \\u2029) before a token stay on line 1; a raw U+2028 moves it to line 2', () => {
      const code = `export const a = "\\u2028\\u2029 ${GH}";\nexport const b = "${LS}${STRIPE}";\n`;
      for (const file of both('escaped-ls')) {
        const m = expectSpans(code, { file }, GH, STRIPE);
        expect(ofRule(m).map((x) => x.line)).toEqual([1, 3]);
      }
    });

    it('a string key written with escapes (`"\\u0061piKey"`, `"\\x74oken"`, `"\\u{74}oken"`) names the generic secret as the plain key does', () => {
      const plain = ofRule(lint(`export const o = { apiKey: "${GENERIC}" };\n`))[0]!.suggestions![0]!.fix.text;
      const code = `export const o = { "\\u0061piKey": "${GENERIC}" };\nexport const p = { "\\x74oken": "${GENERIC2}", "\\u{74}oken": "${GENERIC2}" };\n`;
      const m = expectSpans(code, {}, GENERIC, GENERIC2, [GENERIC2, 1]);
      expect(suggestionsOf(m)[0]!.fix.text).toBe(plain);
    });

    it('an identifier key written with a \\u escape (`\\u0061piKey`, .js and .ts): reported, with the plain key\'s env name', () => {
      const code = `export const o = { \\u0061piKey: "${GENERIC}" };\n`;
      for (const file of both('escaped-ident')) {
        const plain = ofRule(lint(`export const o = { apiKey: "${GENERIC}" };\n`, { file }))[0]!.suggestions![0]!.fix.text;
        const m = expectSpans(code, { file }, GENERIC);
        expect(suggestionsOf(m)[0]!.fix.text).toBe(plain);
      }
    });

    it('an escaped env name (`process.env.\\u0047ITHUB_TOKEN ?? "…"`): the fallback of GITHUB_TOKEN, emptied', () => {
      const code = `export const k = process.env.\\u0047ITHUB_TOKEN ?? "${GH}";\n`;
      const [m] = ofRule(expectSpans(code, {}, GH));
      expect(m!.messageId).toBe('hardcodedFallback');
      expect(m!.message).toContain('`process.env.GITHUB_TOKEN`');
      expect(m!.suggestions![0]!.fix.text).toBe('""');
    });

    it('a numeric entity inside a token in a JSX attribute (.jsx and .tsx): the span covers the entity, the rewrite keeps the rest', () => {
      const written = `${GH.slice(0, 8)}&#${GH.charCodeAt(8)};${GH.slice(9)}`;
      const code = `export const V = () => <M title="a &amp; ${written} b" />;\n`;
      for (const file of ['entity-in-token.jsx', 'entity-in-token.tsx']) {
        const m = expectSpans(code, { file }, written);
        expect(suggestionsOf(m)[0]!.fix.text).toBe('{`a & ${process.env.GITHUB_TOKEN ?? ""} b`}');
      }
    });

    it('JSX text: a hex entity inside a token between `&nbsp;`s (.tsx): the rewrite replaces the token only', () => {
      const written = `${STRIPE.slice(0, 12)}&#x${STRIPE.charCodeAt(12).toString(16)};${STRIPE.slice(13)}`;
      const code = `export const V = () => <p>&nbsp;${written}&nbsp;</p>;\n`;
      const m = expectSpans(code, { file: 'entity-text.tsx' }, written);
      const [s] = suggestionsOf(m);
      expect(code.slice(s!.fix.range[0], s!.fix.range[1])).toBe(written);
    });

    it('`&#65536;` (U+10000, whose low 16 bits are 0) before a token in a .jsx attribute: the rewrite writes U+10000, not NUL', () => {
      const code = `export const V = () => <a title="&#65536; ${GH}" />;\n`;
      const m = expectSpans(code, { file: 'astral-low.jsx' }, GH);
      expect(suggestionsOf(m)[0]!.fix.text).toBe(`{\`\u{10000} \${process.env.GITHUB_TOKEN ?? ""}\`}`);
    });

    it('every odd numeric entity before a token in an attribute (`&#0;`, `&#xD800;`, `&#x110000;`, `&#;`, `&#9999999999;`): exact span', () => {
      for (const entity of ['&#0;', '&#xD800;', '&#x110000;', '&#;', '&#x;', '&#9999999999;', '&#x00000041;', '&NotAnEntity;']) {
        const code = `export const V = () => <a title="${entity} ${GH} ${entity}" />;\n`;
        for (const file of ['odd-entity.jsx', 'odd-entity.tsx']) expect(spansOf(lint(code, { file })), `${entity} ${file}`).toEqual([spanOf(code, GH)]);
      }
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('lone surrogates', () => {
    it('lone surrogate escapes glued to a token in a string and a template: exact span, the escapes kept by the rewrite', () => {
      const code = `export const a = "\\uD800${GH}\\uDC00";\nexport const b = \`\\uDBFF${STRIPE}\\uDFFF\`;\n`;
      for (const file of both('lone-escapes')) {
        const m = expectSpans(code, { file }, GH, STRIPE);
        expect(suggestionsOf(m).map((s) => s.fix.text)).toEqual(['`\\uD800${process.env.GITHUB_TOKEN ?? ""}\\uDC00`', '${process.env.STRIPE_SECRET_KEY ?? ""}']);
      }
    });

    it('raw lone surrogates in a block comment and in JSX text (.tsx) around tokens', () => {
      const code = `/* \uD800${GH}\uDFFF */\nexport const V = () => <i>\uDC00 ${SLACK} \uD83D</i>;\n`;
      expectSpans(code, { file: 'lone-raw.tsx' }, GH, SLACK);
    });

    it('a lone surrogate as a key and as an env name next to tokens: reported, nothing thrown', () => {
      const code = `export const o = { "\\uD800": "${GH}" };\nexport const k = process.env["\\uDC00"] ?? "${STRIPE}";\nconsole.log(process.env["\\uD800X"]);\n`;
      expectSpans(code, {}, GH, STRIPE);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('line terminators and tabs', () => {
    it('a block comment holding U+2028 and U+2029 lines, and a line comment ended by U+2029', () => {
      const code = `/* a${LS}\t${GH}${PS}\t\t${STRIPE} */\n// x ${SLACK}${PS}export const z = 1;\n`;
      for (const file of both('ls-comment')) {
        const m = expectSpans(code, { file }, GH, STRIPE, SLACK);
        expect(ofRule(m).map((x) => x.line)).toEqual([2, 3, 4]);
      }
    });

    it('a string line continuation ended by a lone CR, and one ended by U+2029 after a tab escape', () => {
      const code = `export const a = "x \\\r${GH}";\nexport const b = 'y\\${PS}\\t${STRIPE}';\n`;
      for (const file of both('cont-cr')) {
        const m = expectSpans(code, { file }, GH, STRIPE);
        expect(ofRule(m).map((x) => x.line)).toEqual([2, 4]);
      }
    });

    it('a template line continuation ended by a lone CR, then one by CRLF and one by U+2028', () => {
      const code = 'export const a = `x \\\r' + GH + '`;\nexport const b = `\\\r\n\\' + LS + STRIPE + '`;\n';
      for (const file of both('tpl-cont')) expectSpans(code, { file }, GH, STRIPE);
    });

    it('a template with CR, CR, CRLF and CR before a token (cooked as LFs): the token on line 5', () => {
      const code = 'export const a = `\r\r\r\n\r' + GH + '\r`;\n';
      for (const file of both('tpl-cr')) {
        const m = expectSpans(code, { file }, GH);
        expect(ofRule(m)[0]!.line).toBe(5);
      }
    });

    it('String.raw with escapes between CR, CRLF and CR line breaks: exact span, no rewrite offered for a tagged template', () => {
      const code = 'export const a = String.raw`\\t\r\r\n\\u0041\r' + GH + '`;\n';
      for (const file of both('raw-cr')) {
        const m = expectSpans(code, { file }, GH);
        expect(suggestionsOf(m)).toEqual([]);
      }
    });

    it('a tagged template with an invalid escape and mixed CR / CRLF before a token', () => {
      const code = 'export const a = tag`\\u{ZZ}\r\r\n\\x ' + GH + '`;\ndeclare function tag(s: TemplateStringsArray): string;\n';
      const m = expectSpans(code, { file: 'tag-cr.ts' }, GH);
      expect(suggestionsOf(m)).toEqual([]);
    });

    it('JSX text and an attribute after lone CRs and tabs (.jsx)', () => {
      const code = `export const V = () => (\r\t<Map\r\t\tapiKey="\t${GENERIC}"\r\t>\r\t\t${GH}\r\t</Map>\r);\r`;
      const m = expectSpans(code, { file: 'cr.jsx' }, GENERIC, GH);
      expect(ofRule(m).map((x) => x.line)).toEqual([3, 5]);
    });

    it('a regular expression after lines ended by U+2028, U+2029 and CR, with tabs before it', () => {
      const code = `export const a = 1;${LS}export const b = 2;${PS}\r\t\texport const r = /\\b${GH}\\b/;\n`;
      for (const file of both('regex-ls')) {
        const m = expectSpans(code, { file }, GH);
        expect(ofRule(m)[0]!.line).toBe(4);
      }
    });

    it('a line of 1,000 tabs, then a token: column 1,000 past the quote', () => {
      const code = `export const a = "${'\t'.repeat(1_000)}${GH}";\n`;
      expectSpans(code, {}, GH);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('shebangs, HTML-like comments, BOMs and the edges of a file', () => {
    for (const [name, sep] of [['CR', '\r'], ['U+2028', LS], ['U+2029', PS], ['CRLF', '\r\n']] as const) {
      it(`a shebang holding a token, ended by ${name}; a token on line 2 (.js and .ts)`, () => {
        const code = `#!/usr/bin/env -S node --token=${GH}${sep}export const s = "${STRIPE}";${sep}`;
        for (const file of both(`shebang-${name.replace('+', '')}`)) {
          const m = expectSpans(code, { file }, GH, STRIPE);
          expect(ofRule(m).map((x) => [x.line, x.messageId, (x.suggestions ?? []).length])).toEqual([
            [1, 'secretInComment', 0],
            [2, 'hardcodedSecret', 1],
          ]);
        }
      });
    }

    it('a BOM before a shebang (.js): columns are counted without the BOM', () => {
      const code = `${BOM}#!/usr/bin/env node ${GH}\nexport const s = "${STRIPE}"`;
      const m = expectSpans(code, { file: 'bom-shebang.js' }, GH, STRIPE);
      expect(ofRule(m)[0]!.column).toBe(21);
    });

    it('a BOM and a token in the first statement (.ts and .tsx): column as if the BOM were not there', () => {
      const code = `${BOM}x = "${GH}";\n`;
      for (const file of ['bom.ts', 'bom.tsx']) expect(ofRule(expectSpans(code, { file }, GH))[0]!.column).toBe(6);
    });

    it('HTML-like comments in a CommonJS script (.cjs): tokens after `<!--` and after a line-opening `-->` are comments', () => {
      const code = `const a = 1;\n<!-- ${GH}\nconst b = 2;\n--> ${STRIPE}\n  /* x */ --> tail ${SLACK}\nmodule.exports = { a, b };\n`;
      const m = expectSpans(code, { file: 'html.cjs' }, GH, STRIPE, SLACK);
      expect(ofRule(m).every((x) => x.messageId === 'secretInComment')).toBe(true);
    });

    it('an HTML-like comment in an ES module (.js, .mjs): ESLint reports a parse error, nothing else, no secret', () => {
      for (const file of ['html.js', 'html.mjs']) {
        const code = `export const a = 1; <!-- ${GH}\n`;
        check(code, { file, parseError: true });
      }
    });

    it('files that are only comments split by lone CRs and U+2029, with bidi controls and no final line break (every parser)', () => {
      const code = `/*${RLO}\r${GH}${PDF}*/\r// ${LRI}${STRIPE}${PDI}${PS}/* ${SLACK} */`;
      for (const ext of ['js', 'cjs', 'mjs', 'jsx', 'ts', 'tsx', 'mts', 'cts']) {
        const m = expectSpans(code, { file: `only-comments.${ext}` }, GH, STRIPE, SLACK);
        expect(ofRule(m).map((x) => x.line), ext).toEqual([2, 3, 4]);
      }
    });

    it('legacy octal escapes and literals in a CommonJS script (.cjs): the tokens after them at their columns', () => {
      const code = `var mode = 0644;\nvar s = "\\101\\7 ${GH}";\nvar t = '\\0 ${STRIPE}';\nmodule.exports = { mode, s, t };\n`;
      const m = expectSpans(code, { file: 'octal.cjs' }, GH, STRIPE);
      expect(suggestionsOf(m).map((x) => x.fix.text)).toEqual(['`\\x41\\x07 ${process.env.GITHUB_TOKEN ?? ""}`', '`\\0 ${process.env.STRIPE_SECRET_KEY ?? ""}`']);
    });

    it('a token at the very end of the file, without a line break: in a string, a template and a regular expression', () => {
      expectSpans(`x = "${GH}"`, { file: 'eof-string.js' }, GH);
      expectSpans('x = `' + GH + '`', { file: 'eof-template.ts' }, GH);
      expectSpans(`x = /${GH}/`, { file: 'eof-regex.js' }, GH);
      expectSpans(`export const V = () => <b>${GH}</b>`, { file: 'eof-jsx.tsx' }, GH);
    });

    it('the same token four times on one line (two strings, a template, a comment): four spans, one env name', () => {
      const code = 'export const a = ["' + GH + '", "-' + GH + '", `' + GH + '`]; // ' + GH + '\n';
      const m = expectSpans(code, {}, GH, [GH, 1], [GH, 2], [GH, 3]);
      expect(suggestionsOf(m).map((s) => s.fix.text)).toEqual(['process.env.GITHUB_TOKEN ?? ""', '`-${process.env.GITHUB_TOKEN ?? ""}`', '${process.env.GITHUB_TOKEN ?? ""}']);
    });

    it('two tokens of one provider in one string: each at its columns, each suggestion under its own name', () => {
      const code = `export const s = "${GH} ${GH2}";\n`;
      const m = expectSpans(code, {}, GH, GH2);
      expect(suggestionsOf(m).map((s) => s.fix.text)).toEqual([`\`\${process.env.GITHUB_TOKEN ?? ""} ${GH2}\``, `\`${GH} \${process.env.GITHUB_TOKEN_2 ?? ""}\``]);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('TS-only syntax holding strings', () => {
    it('literal types in a union and in overload signatures: reported, no rewrite', () => {
      const code = `export type T = "a" | "${GH}";\nexport function f(a: "${STRIPE}"): void;\nexport function f(a: string): void {}\n`;
      const m = expectSpans(code, {}, GH, STRIPE);
      expect(suggestionsOf(m)).toEqual([]);
    });

    it('string enum and const enum members: reported, no rewrite', () => {
      const code = `export enum E { A = "${GH}" }\nexport const enum C { B = \`${STRIPE}\` }\n`;
      const m = expectSpans(code, {}, GH, STRIPE);
      expect(suggestionsOf(m)).toEqual([]);
    });

    it('`declare module "<token>"`, `import x = require("<token>")` and `typeof import("<token>")`: reported, no rewrite', () => {
      const code = `declare module "${GH}" { const x: 1; }\nimport x = require("${STRIPE}");\nexport type X = typeof import("${SLACK}");\nexport { x };\n`;
      const m = expectSpans(code, {}, GH, STRIPE, SLACK);
      expect(suggestionsOf(m)).toEqual([]);
    });

    it('arbitrary module namespace names (`export * as "<token>"`, `import { "<token>" as x }`): reported, no rewrite', () => {
      const code = `export * as "${GH}" from "./m";\nimport { "${STRIPE}" as x } from "./m";\nexport { x as "${SLACK}" };\n`;
      const m = expectSpans(code, {}, GH, STRIPE, SLACK);
      expect(suggestionsOf(m)).toEqual([]);
    });

    it('generic defaults, type arguments and a template literal type: reported, no rewrite', () => {
      const code = 'export type F<T = "' + GH + '"> = T;\ndeclare function g<T>(): T;\ng<"' + STRIPE + '">();\nexport type H = `${string} ' + SLACK + '`;\n';
      const m = expectSpans(code, {}, GH, STRIPE, SLACK);
      expect(suggestionsOf(m)).toEqual([]);
    });

    it('decorator arguments on a class, a field, an accessor, a method and a parameter: reported, each rewrite parses', () => {
      const code = `declare const d: (...a: unknown[]) => any;\n@d("${GH}") export class A {\n  @d(\`${STRIPE}\`) f = 1;\n  @d({ token: "${SLACK}" }) accessor g = 2;\n  m(@d("${NPM}") p: string) { return p; }\n}\n`;
      const m = expectSpans(code, {}, GH, STRIPE, SLACK, NPM);
      expect(suggestionsOf(m)).toHaveLength(4);
    });

    it('`satisfies` and `as const`: a bare value is wrapped by its rewrite, a whole `as const` literal is not rewritten', () => {
      const code = `export const a = "${GH}" satisfies string;\nexport const b = { k: "${STRIPE}" } as const;\nexport const c = "${SLACK}" as const;\n`;
      const m = expectSpans(code, {}, GH, STRIPE, SLACK);
      expect(ofRule(m).map((x) => x.suggestions?.[0]?.fix.text)).toEqual(['(process.env.GITHUB_TOKEN ?? "")', 'process.env.STRIPE_SECRET_KEY ?? ""', undefined]);
    });

    it('abstract members: literal types are not rewritten, a concrete method of an abstract class is', () => {
      const code = `export abstract class B {\n  abstract get t(): "${GH}";\n  abstract k: "${STRIPE}";\n  m() { return "${SLACK}"; }\n}\n`;
      const m = expectSpans(code, {}, GH, STRIPE, SLACK);
      expect(ofRule(m).map((x) => (x.suggestions ?? []).length)).toEqual([0, 0, 1]);
    });

    it('`accessor` and `static accessor` fields, parameter properties and a `this` parameter: each rewrite parses', () => {
      const code = `export class A {\n  accessor k = "${GH}";\n  static accessor #s = \`${STRIPE}\`;\n  constructor(private readonly p = "${SLACK}") {}\n  m(this: A, q = "${NPM}") { return q; }\n}\n`;
      expectSpans(code, {}, GH, STRIPE, SLACK, NPM);
    });

    it('`using` and `await using` declarations whose initialisers take tokens (.ts and .mts)', () => {
      const code = `declare function open(k: string): Disposable & AsyncDisposable;\nexport async function f() {\n  using a = open("${GH}");\n  await using b = open(\`${STRIPE}\`);\n  return [a, b];\n}\n`;
      for (const file of ['using.ts', 'using.mts']) expectSpans(code, { file }, GH, STRIPE);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('templates nested and tagged', () => {
    it('templates nested three deep: the innermost token at its columns, the rewrite replaces exactly it', () => {
      const code = 'export const t = `a ${`b ${`c ' + GH + ' d`} e`} f`;\n';
      const m = expectSpans(code, {}, GH);
      const [s] = suggestionsOf(m);
      expect(code.slice(s!.fix.range[0], s!.fix.range[1])).toBe(GH);
    });

    it('String.raw with `\\u{1F600}\\x41` before a token: reported at its columns, no rewrite (.js and .ts)', () => {
      const code = 'export const t = String.raw`\\u{1F600}\\x41 ' + GH + '`;\n';
      for (const file of both('raw-escapes')) expect(suggestionsOf(expectSpans(code, { file }, GH))).toEqual([]);
    });

    it('a tagged template with substitutions: the token between them reported, no rewrite', () => {
      const code = 'declare function sql(s: TemplateStringsArray, ...v: unknown[]): string;\ndeclare const x: number;\nexport const q = sql`select ${x} ' + GH + ' ${x}`;\n';
      expect(suggestionsOf(expectSpans(code, {}, GH))).toEqual([]);
    });

    it('an escaped backtick and an escaped `${` before a token in a template: exact span, the rewrite keeps both escapes', () => {
      const code = 'export const t = `\\` \\${x} ' + GH + '`;\n';
      const m = expectSpans(code, {}, GH);
      const fixed = applied(code, suggestionsOf(m)[0]!);
      expect(fixed).toBe('export const t = `\\` \\${x} ${process.env.GITHUB_TOKEN ?? ""}`;\n');
    });

    it('a template inside a substitution inside a JSX attribute (.tsx)', () => {
      const code = 'declare const y: string;\nexport const V = () => <a href={`https://x.dev/${`${y}?key=' + GH + '`}`} />;\n';
      expectSpans(code, { file: 'jsx-tpl.tsx' }, GH);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('computed keys, getters, defaults and case labels', () => {
    it('a token as a computed key: an object literal\'s is rewritten, a class member\'s is not (it needs a literal type)', () => {
      const code = `export const o = { ["${GH}"]: 1 };\nexport class K { ["${STRIPE}"] = 2; }\nexport const { ["${SLACK}"]: v } = o as Record<string, number>;\n`;
      const m = expectSpans(code, {}, GH, STRIPE, SLACK);
      expect(ofRule(m).map((x) => (x.suggestions ?? []).length)).toEqual([1, 0, 1]);
    });

    it('tokens returned by getters: an object getter, a static class getter with a template, a getter in a .js class', () => {
      const code = `export const o = { get token() { return "${GH}"; } };\nexport class C { static get apiKey() { return \`${STRIPE}\`; } }\n`;
      for (const file of both('getters')) expectSpans(code, { file }, GH, STRIPE);
    });

    it('generic secrets as default parameters named as credentials (function, arrow, method)', () => {
      const code = `export function f(apiKey = "${GENERIC}") { return apiKey; }\nexport const g = (clientSecret = "${GENERIC2}") => clientSecret;\nexport const o = { m(token = \`${GENERIC}\`) { return token; } };\n`;
      for (const file of both('default-params')) expectSpans(code, { file }, GENERIC, GENERIC2, [GENERIC, 1]);
    });

    it('destructuring defaults: object, array and nested patterns', () => {
      const code = `declare const cfg: any;\nexport const { clientSecret = "${GENERIC}" } = cfg;\nexport const [token = "${GH}"] = cfg.list;\nexport const { a: { b: [, apiKey = \`${GENERIC2}\`] } } = cfg;\n`;
      expectSpans(code, {}, GENERIC, GH, GENERIC2);
    });

    it('tokens as `case` labels (a string and a template): reported, each rewrite parses', () => {
      const code = `export function f(x: string) {\n  switch (x) {\n    case "${GH}": return 1;\n    case \`${STRIPE}\`: return 2;\n    default: return 0;\n  }\n}\n`;
      const m = expectSpans(code, {}, GH, STRIPE);
      expect(suggestionsOf(m).map((s) => s.fix.text)).toEqual(['(process.env.GITHUB_TOKEN ?? "")', '${process.env.STRIPE_SECRET_KEY ?? ""}']);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('fallbacks of other runtimes\' env objects', () => {
    it('`import.meta.env.VITE_API_KEY ?? "<generic>"` (.mjs): a hardcoded fallback, named as written, emptied', () => {
      const code = `export const k = import.meta.env.VITE_API_KEY ?? "${GENERIC}";\n`;
      const [m] = ofRule(expectSpans(code, { file: 'vite.mjs' }, GENERIC));
      expect(m!.message).toContain('`import.meta.env.VITE_API_KEY`');
      expect(m!.suggestions!.map((s) => s.fix.text)).toEqual(['""']);
    });

    it('`import.meta.env.GITHUB_TOKEN ?? "<token>"`: the fallback of import.meta.env, emptied', () => {
      const code = `export const k = import.meta.env.GITHUB_TOKEN ?? \`${GH}\`;\n`;
      const [m] = ofRule(expectSpans(code, { file: 'vite-gh.mts' }, GH));
      expect(m!.messageId).toBe('hardcodedFallback');
      expect(m!.suggestions!.map((s) => s.fix.text)).toEqual(['``']);
    });

    it('`Bun.env.ACME_TOKEN || "<generic>"`: the fallback of a value named as a credential is reported', () => {
      const code = `export const k = Bun.env.ACME_TOKEN || "${GENERIC}";\n`;
      expectSpans(code, { file: 'bun.mjs' }, GENERIC);
    });

    it('`Deno.env.get("GITHUB_TOKEN") ?? "<token>"` and `const apiKey = Deno.env.get("X") ?? "<generic>"`', () => {
      const code = `export const a = Deno.env.get("GITHUB_TOKEN") ?? "${GH}";\nexport const apiKey = Deno.env.get("X") ?? "${GENERIC}";\n`;
      const m = expectSpans(code, { file: 'deno.mjs' }, GH, GENERIC);
      expect(suggestionsOf(m).map((s) => s.fix.text)).toEqual(['(process.env.GITHUB_TOKEN ?? "")', '(process.env.API_KEY ?? "")']);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('eslint-disable directives written with invisible characters', () => {
    /** `//<c>eslint-disable-next-line` and `/*<c>eslint-disable …<c>*\/`, then the same values unguarded. */
    const guarded = (c: string) => `//${c}eslint-disable-next-line ${RULE_ID}\nexport const a = "${GH}";\n/*${c}eslint-disable ${RULE_ID}${c}*/\nexport const b = "${STRIPE}";\n`;

    it('a bidi control or a zero-width space before `eslint-disable…` is no white space: no directive, both tokens reported', () => {
      for (const c of [RLO, LRM, ZWSP, ZWJ]) {
        const code = guarded(c);
        expectSpans(code, {}, GH, STRIPE);
      }
    });

    it('NBSP, BOM and U+3000 before `eslint-disable…` are white space: both directives hold, nothing reported', () => {
      for (const c of ['\u00A0', BOM, '\u3000']) expect(ofRule(lint(guarded(c))), JSON.stringify(c)).toEqual([]);
    });

    it('a bidi control around the `--` of a description makes it part of the rule name (ESLint: an unknown rule); the token is reported', () => {
      const code = `// eslint-disable-next-line ${RULE_ID}${RLO}--${RLO}public key\nexport const a = "${GH}";\n`;
      expect(spansOf(lint(code))).toEqual([spanOf(code, GH)]);
    });

    it('the codemod reads these directives as ESLint does: moves the values after a bidi-prefixed one, keeps those after an NBSP-prefixed one', async () => {
      const moved = await codemod({ 'src/rlo.ts': guarded(RLO) });
      expect(moved.read('src/rlo.ts')).toBe(guarded(RLO).replace(`"${GH}"`, 'process.env.GITHUB_TOKEN ?? ""').replace(`"${STRIPE}"`, 'process.env.STRIPE_SECRET_KEY ?? ""'));
      const kept = await codemod({ 'src/nbsp.ts': guarded('\u00A0') });
      expect(kept.read('src/nbsp.ts')).toBe(guarded('\u00A0'));
      expect(kept.report.files).toEqual([]);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('nesting and size where ESLint copes', () => {
    it('1,500 nested blocks (.js): the token at its column', () => {
      const code = `${'{'.repeat(1_500)}const a = "${GH}";${'}'.repeat(1_500)}\n`;
      expectSpans(code, { file: 'blocks.js' }, GH);
    });

    it('2,500 chained `if` statements (.js): the token at its column', () => {
      const code = `${'if (x) '.repeat(2_500)}y = "${GH}";\n`;
      expectSpans(code, { file: 'ifs.js' }, GH);
    });

    it('1,500 labels on one statement (.js): the token at its column', () => {
      const code = `${Array.from({ length: 1_500 }, (_, i) => `l${i}: `).join('')}x = "${GH}";\n`;
      expectSpans(code, { file: 'labels.js' }, GH);
    });

    it('800 nested object patterns with a credential default at the bottom (.js)', () => {
      const code = `export const ${'{ a: '.repeat(800)}{ apiKey = "${GENERIC}" }${' }'.repeat(800)} = o;\n`;
      expectSpans(code, { file: 'patterns.js' }, GENERIC);
    });

    it('18,000 small strings in 300 `+` chains of 60, a token cut across two pieces of one: reported once, from its head to its tail', () => {
      const head = GH.slice(0, 17);
      const tail = GH.slice(17);
      const chains = Array.from({ length: 300 }, (_, c) => {
        const pieces = Array.from({ length: 60 }, (_, i) => `"${String.fromCharCode(97 + ((c + i) % 26))},"`);
        if (c === 150) {
          pieces[20] = `"${head}"`;
          pieces[21] = `"${tail},"`;
        }
        return `export const c${c} = ${pieces.join(' + ')};`;
      });
      const code = `${chains.join('\n')}\n`;
      const m = check(code, { file: 'chains.ts', suggestionLimit: 1 });
      expect(spansOf(m)).toEqual([`${spanOf(code, head).split('-')[0]}-${spanOf(code, tail).split('-')[1]}`]);
    });

    it('500,000 zero-width spaces before a token in one string: one finding, past column 500,000', () => {
      const code = `export const a = "${ZWSP.repeat(500_000)} ${GH}";\n`;
      const m = expectSpans(code, { suggestionLimit: 1 }, GH);
      expect(ofRule(m)[0]!.column).toBeGreaterThan(500_000);
    });

    it('the same token 1,000 times on one line, each in its own string: 1,000 spans, one env name', () => {
      const code = `export const a = [${Array.from({ length: 1_000 }, () => `"${GH}"`).join(', ')}];\n`;
      const m = lint(code);
      expect(m.filter((x) => x.fatal)).toEqual([]);
      expect(spansOf(m)).toEqual(Array.from({ length: 1_000 }, (_, i) => spanOf(code, GH, i)));
      expect(new Set(suggestionsOf(m).map((s) => s.fix.text))).toEqual(new Set(['process.env.GITHUB_TOKEN ?? ""']));
      for (const x of m) expect(leaks(x.message)).toEqual([]);
    });
  });

  // -------------------------------------------------------------------------------------------------------------

  describe('the codemod on the same kinds of files', () => {
    it('bidi controls and CR-only line endings: only the secrets\' characters replaced, every CR and control kept', async () => {
      const run = await codemod({ 'src/bidi.ts': `export const a = "${RLO}${GH}${PDI}";\r// ${LRI}${STRIPE}${PDI}\rexport const b = 1;` });
      expect(run.exitCode).toBe(0);
      expect(run.read('src/bidi.ts')).toBe(`export const a = \`${RLO}\${process.env.GITHUB_TOKEN ?? ""}${PDI}\`;\r// ${LRI}<moved to env STRIPE_SECRET_KEY>${PDI}\rexport const b = 1;`);
      expect(run.env()).toEqual({ GITHUB_TOKEN: GH, STRIPE_SECRET_KEY: STRIPE });
      expect(secretsOf(run, join('src', 'bidi.ts'))).toEqual(['1:20 moved GITHUB_TOKEN', '2:5 moved STRIPE_SECRET_KEY']);
    });

    it('U+2028 and U+2029 inside a string around a token: a template that keeps them', async () => {
      const run = await codemod({ 'src/ls.ts': `export const a = "x${LS}${GH}${PS}y";\n` });
      expect(run.read('src/ls.ts')).toBe(`export const a = \`x${LS}\${process.env.GITHUB_TOKEN ?? ""}${PS}y\`;\n`);
      expect(secretsOf(run, join('src', 'ls.ts'))).toEqual(['2:1 moved GITHUB_TOKEN']);
    });

    it('a BOM, a shebang holding a token and no final line break: the shebang left for a manual edit (exit 1), the code moved, the BOM kept', async () => {
      const run = await codemod({ 'src/cli.js': `${BOM}#!/usr/bin/env node --t=${GH}\nexport const s = "${STRIPE}"` });
      expect(run.exitCode).toBe(1);
      expect(run.read('src/cli.js')).toBe(`${BOM}#!/usr/bin/env node --t=${GH}\nexport const s = process.env.STRIPE_SECRET_KEY ?? ""`);
      expect(secretsOf(run, join('src', 'cli.js'))).toEqual(['1:25 manual GITHUB_TOKEN', '2:19 moved STRIPE_SECRET_KEY']);
      expect(run.env()).toEqual({ STRIPE_SECRET_KEY: STRIPE });
    });

    it('a shebang ended by a lone CR: line 2 starts after the CR', async () => {
      const run = await codemod({ 'src/cr.ts': `#!/usr/bin/env node ${GH}\rexport const s = "${STRIPE}";\r` });
      expect(run.read('src/cr.ts')).toBe(`#!/usr/bin/env node ${GH}\rexport const s = process.env.STRIPE_SECRET_KEY ?? "";\r`);
      expect(secretsOf(run, join('src', 'cr.ts'))).toEqual(['1:21 manual GITHUB_TOKEN', '2:19 moved STRIPE_SECRET_KEY']);
    });

    it('a file that is only a comment without a line break, a 0-byte file and a file of one BOM', async () => {
      const run = await codemod({ 'src/c.ts': `// ${GH}`, 'src/empty.js': '', 'src/bom.mts': BOM });
      expect(run.exitCode).toBe(0);
      expect(run.read('src/c.ts')).toBe('// <moved to env GITHUB_TOKEN>');
      expect(run.bytes('src/empty.js').length).toBe(0);
      expect(run.read('src/bom.mts')).toBe(BOM);
      expect(run.report.files.map((f) => f.path)).toEqual([join('src', 'c.ts')]);
    });

    it('a token written with a \\u escape: the whole literal becomes the env read, `.env` holds the cooked value', async () => {
      const written = GH.slice(0, 9) + `\\u${GH.charCodeAt(9).toString(16).padStart(4, '0')}` + GH.slice(10);
      const run = await codemod({ 'src/esc.ts': `export const a = "${written}";\n` });
      expect(run.read('src/esc.ts')).toBe('export const a = process.env.GITHUB_TOKEN ?? "";\n');
      expect(run.env()).toEqual({ GITHUB_TOKEN: GH });
    });

    it('an entity inside a token in a JSX attribute (.tsx): the attribute becomes the env read, `.env` holds the decoded token', async () => {
      const written = `${GH.slice(0, 8)}&#${GH.charCodeAt(8)};${GH.slice(9)}`;
      const run = await codemod({ 'src/V.tsx': `export const V = () => <M token="${written}" />;\n` });
      expect(run.read('src/V.tsx')).toBe('export const V = () => <M token={process.env.GITHUB_TOKEN ?? ""} />;\n');
      expect(run.env()).toEqual({ GITHUB_TOKEN: GH });
    });

    it('a key written with an escape (`"\\u0061piKey"`): the generic secret moved under the name the rule proposes', async () => {
      const code = `export const o = { "\\u0061piKey": "${GENERIC}" };\n`;
      const proposed = suggestionsOf(lint(code))[0]!.fix.text;
      const run = await codemod({ 'src/k.ts': code });
      expect(run.read('src/k.ts')).toBe(`export const o = { "\\u0061piKey": ${proposed} };\n`);
      expect(Object.values(run.env())).toEqual([GENERIC]);
    });

    it('one token three times on a line (two strings and a comment): one name, each place rewritten', async () => {
      const run = await codemod({ 'src/t.ts': `export const o = ["${GH}", "${GH}"]; // ${GH}\n` });
      expect(run.read('src/t.ts')).toBe('export const o = [process.env.GITHUB_TOKEN ?? "", process.env.GITHUB_TOKEN ?? ""]; // <moved to env GITHUB_TOKEN>\n');
      expect(run.env()).toEqual({ GITHUB_TOKEN: GH });
    });

    it('a token in a template at the very end of a file, without a line break', async () => {
      const run = await codemod({ 'src/eof.js': 'export const t = `a ' + GH + '`' });
      expect(run.read('src/eof.js')).toBe('export const t = `a ${process.env.GITHUB_TOKEN ?? ""}`');
    });

    it('a tagged template, an enum member and a literal type: left for a manual edit (exit 1), the file unchanged', async () => {
      const code = `declare function sql(s: TemplateStringsArray): string;\nexport const q = sql\`x ${GH}\`;\nexport enum E { A = "${STRIPE}" }\nexport type T = "${SLACK}";\n`;
      const run = await codemod({ 'src/m.ts': code });
      expect(run.exitCode).toBe(1);
      expect(run.read('src/m.ts')).toBe(code);
      expect(secretsOf(run, join('src', 'm.ts'))!.map((s) => s.split(' ')[1])).toEqual(['manual', 'manual', 'manual']);
    });

    it('a file that does not parse holds a token: left byte for byte, its error masked; the other file is moved', async () => {
      const broken = `export const a = "${GH}";\nexport const = "${STRIPE}";\n`;
      const run = await codemod({ 'src/broken.ts': broken, 'src/ok.ts': `export const s = "${SLACK}";\n` });
      expect(run.exitCode).toBe(1);
      expect(run.read('src/broken.ts')).toBe(broken);
      expect(run.read('src/ok.ts')).toBe('export const s = process.env.SLACK_BOT_TOKEN ?? "";\n');
      expect(run.report.files.find((f) => f.path === join('src', 'broken.ts'))!.status).toBe('failed');
      expect(run.env()).toEqual({ SLACK_BOT_TOKEN: SLACK });
    });

    it('3,000 nested blocks over 6,000 lines (deeper than the parser goes): failed and untouched, the other file moved', async () => {
      const deep = `${'{\n'.repeat(3_000)}const a = "${GH}";\n${'}\n'.repeat(3_000)}`;
      const run = await codemod({ 'src/deep.js': deep, 'src/ok.ts': `export const s = "${STRIPE}";\n` });
      expect(run.exitCode).toBe(1);
      expect(run.read('src/deep.js')).toBe(deep);
      expect(run.report.files.find((f) => f.path === join('src', 'deep.js'))!.status).toBe('failed');
      expect(run.read('src/ok.ts')).toBe('export const s = process.env.STRIPE_SECRET_KEY ?? "";\n');
    });

    it('the UTF-8 bytes of a lone surrogate (ED A0 80) in a source: skipped as not UTF-8, every byte kept', async () => {
      const bytes = Buffer.concat([Buffer.from(`export const a = "${GH}"; // `), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]);
      const run = await codemod({ 'src/lone.ts': bytes });
      expect(run.bytes('src/lone.ts').equals(bytes)).toBe(true);
      expect(run.report.skipped).toEqual([{ path: join('src', 'lone.ts'), reason: 'not UTF-8 text; not changed' }]);
    });

    it('a dry run on a bidi, CR-only file: nothing written, the diff masked and showing the rewrite', async () => {
      const source = `export const a = "${RLO}${GH}";\rexport const b = 2;\r`;
      const run = await codemod({ 'src/dry.ts': source }, { dryRun: true });
      expect(run.read('src/dry.ts')).toBe(source);
      expect(run.report.diff).toContain('process.env.GITHUB_TOKEN ?? ""');
      expect(run.report.diff).toContain(`ghp_…${GH.slice(-4)}`);
    });

    it('the jscodeshift entry gives the CLI\'s bytes for a bidi, CR-only file, and `.env` the value', async () => {
      const source = `export const a = "${RLO}${GH}${PDI}";\r// ${LRI}${STRIPE}${PDI}\rexport const b = 1;`;
      const viaCli = await codemod({ 'a.ts': source });
      const viaShift = await shift('a.ts', source);
      expect(viaShift.out).toBe(viaCli.read('a.ts'));
      expect(parseDotenv(readFileSync(join(viaShift.dir, '.env'), 'utf8'))).toEqual({ GITHUB_TOKEN: GH, STRIPE_SECRET_KEY: STRIPE });
      expect(leaks(viaShift.lines.join('\n'))).toEqual([]);
    });

    it('the jscodeshift entry on a file that does not parse: throws a masked error and writes no env file', async () => {
      const r = await shift('bad.ts', `export const = "${GH}";\n`);
      expect(r.out).toBeUndefined();
      expect(r.error).toMatch(/does not parse/);
      expect(leaks(r.error ?? '')).toEqual([]);
      expect(() => readFileSync(join(r.dir, '.env'))).toThrow();
    });
  });
});

// ===============================================================================================================

describe('gaps found by the held-out set, fixed', () => {
  // 1. Expected: a generic secret in a credential position is reported when an invisible bidi control stands at its
  // edge, as it is behind a zero-width space (the value the editor shows is the random value; a Trojan-source edit
  // hides it). Actual: not reported: `isBlankCode` (src/detect/file-text.ts) trims U+200B–U+200D and U+2060 only, so
  // the whole value holds a non-token character and fails the whole-value check.
  it('a generic secret behind a right-to-left override (U+202E) and before a pop (U+202C) is reported', () => {
    const code = `export const apiKey = "${RLO}${GENERIC}${PDF}";\n`;
    expectSpans(code, {}, GENERIC);
  });

  it('a generic secret wrapped in an isolate (U+2066 … U+2069) under `clientSecret` is reported', () => {
    const code = `export const cfg = { clientSecret: "${LRI}${GENERIC}${PDI}" };\n`;
    expectSpans(code, {}, GENERIC);
  });

  it('a generic secret after a left-to-right mark (U+200E) or an Arabic letter mark (U+061C) is reported', () => {
    const code = `export const token = "${LRM}${GENERIC}";\nexport const apiKey = "${GENERIC2}${ALM}";\n`;
    expectSpans(code, {}, GENERIC, GENERIC2);
  });

  it('the codemod moves a generic secret behind a bidi control as it moves one behind a zero-width space', async () => {
    const run = await codemod({ 'src/c.ts': `export const apiKey = "${RLO}${GENERIC}";\n` });
    expect(run.read('src/c.ts').includes(GENERIC), 'the value is still in the file').toBe(false);
    expect(Object.values(run.env())).toEqual([GENERIC]);
  });

  // 2. Expected: an object key is read (docs/rules/no-hardcoded-secrets.md: "object key and value"), also when it is
  // written as an identifier (a GitHub or Stripe token is a valid identifier: a map from tokens to users); keys are
  // reported, without a rewrite (docs/codemod.md: a key is "left for a manual edit", exit 1). Actual: nothing is
  // reported (rules/no-hardcoded-secrets.ts reads String, Template, JSXText and RegularExpression tokens only), and the
  // codemod exits 0 with the token still in the file.
  it('a token as an identifier key of an object literal is reported at its columns', () => {
    const code = `export const users = { ${GH}: "alice", ${STRIPE}: "billing" };\n`;
    expectSpans(code, {}, GH, STRIPE);
  });

  it('a token naming a class field, a method and an interface member is reported', () => {
    const code = `export class K { ${GH} = 1; ${STRIPE}() {} }\nexport interface I { ${GH2}: string }\n`;
    expectSpans(code, {}, GH, STRIPE, GH2);
  });

  it('the codemod lists a token used as an identifier key as left for a manual edit (exit 1)', async () => {
    const code = `export const users = { ${GH}: "alice" };\n`;
    const run = await codemod({ 'src/u.ts': code });
    expect(run.read('src/u.ts')).toBe(code);
    expect(run.exitCode).toBe(1);
    expect(secretsOf(run, join('src', 'u.ts'))).toEqual(['1:24 manual GITHUB_TOKEN']);
  });

  // 3. Expected: no suggestion and no rewrite in ambient code (docs/rules/no-hardcoded-secrets.md: "No suggestion is
  // offered where an env read would not compile …: ambient code (`declare …`)"; docs/codemod.md: the rewrite keeps
  // `tsc` passing). A `declare class` member or a `.d.ts` constant may only be initialised with a literal (TS1254).
  // Actual: `isAmbient` (src/ast/sites.ts) only sees `declare` on variable and module declarations: a suggestion is
  // offered, and the codemod rewrites the member (exit 0) into code `tsc` rejects.
  it('a `declare class` member initialised with a token gets no suggestion', () => {
    const code = `export declare class C { static readonly k = "${GH}"; readonly j = "${STRIPE}"; }\n`;
    expect(suggestionsOf(expectSpans(code, {}, GH, STRIPE))).toEqual([]);
  });

  it('a constant of a `.d.ts` file initialised with a token gets no suggestion', () => {
    const code = `export const k = "${GH}";\n`;
    expect(suggestionsOf(expectSpans(code, { file: 'types.d.ts' }, GH))).toEqual([]);
  });

  it('the codemod leaves a `declare class` member for a manual edit (exit 1) and the file as it was', async () => {
    const code = `export declare class C { static readonly k = "${GH}"; }\n`;
    const run = await codemod({ 'src/ambient.ts': code });
    expect(run.read('src/ambient.ts')).toBe(code);
    expect(run.exitCode).toBe(1);
    expect(secretsOf(run, join('src', 'ambient.ts'))).toEqual(['1:47 manual GITHUB_TOKEN']);
  });

  // 4. Expected: the codemod moves what the rule reports (README, docs/codemod.md) in a valid CommonJS script, which
  // ESLint parses as a script (`.cjs`: sourceType commonjs) and the rule reports in (see the HTML-comment case above;
  // test/adversarial-heldout.test.ts for `\101`). Actual: typescript-estree (codemods/plan.ts `planSource`) takes no
  // Annex B script syntax: "does not parse", status failed, every secret of the file left.
  it('the codemod moves the secrets of a .cjs script holding an HTML-like comment', async () => {
    const run = await codemod({ 'src/a.cjs': `var a = "${STRIPE}";\n<!-- ${GH}\nmodule.exports = a;\n` });
    expect(run.report.files[0]!.status).toBe('changed');
    expect(run.read('src/a.cjs')).toBe('var a = process.env.STRIPE_SECRET_KEY ?? "";\n<!-- <moved to env GITHUB_TOKEN>\nmodule.exports = a;\n');
  });

  it('the codemod moves a token after a legacy octal escape in a .cjs string', async () => {
    const code = `var s = "\\101 ${GH}";\nmodule.exports = s;\n`;
    const run = await codemod({ 'src/octal.cjs': code });
    expect(run.read('src/octal.cjs')).toBe('var s = `\\x41 ${process.env.GITHUB_TOKEN ?? ""}`;\nmodule.exports = s;\n');
  });

  it('the codemod moves a token of a .cjs script that also holds a legacy octal literal', async () => {
    const code = `var mode = 0644;\nvar s = "${GH}";\nmodule.exports = { mode, s };\n`;
    const run = await codemod({ 'src/mode.cjs': code });
    expect(run.read('src/mode.cjs')).toBe('var mode = 0644;\nvar s = process.env.GITHUB_TOKEN ?? "";\nmodule.exports = { mode, s };\n');
  });

  // 5. Expected: the codemod's planning grows linearly with the file (docs/security.md: "work per finding is bounded",
  // thousands of secrets in one file). Actual: about 15× the work for 4× the input, counted (never timed).
  it('codemod planning: n eslint-disable/-enable regions with n secrets between them (n = 200 vs 800)', () => {
    const make = (n: number) =>
      Array.from({ length: n }, (_, i) => `/* eslint-disable ${RULE_ID} */\nexport const d${i} = 1;\n/* eslint-enable ${RULE_ID} */\nexport const s${i} = "${MANY[i]}";\n`).join('');
    expect(planningWork(make(800)) / planningWork(make(200))).toBeLessThan(LINEAR);
  });

  it('codemod planning: n secrets in one template literal (n = 200 vs 800)', () => {
    const make = (n: number) => `export const s = \`${MANY.slice(0, n).join(' ')}\`;\n`;
    expect(planningWork(make(800)) / planningWork(make(200))).toBeLessThan(LINEAR);
  });

  it('codemod planning: n tokens cut over `"…" + "…"` beside n plain ones (n = 100 vs 400)', () => {
    const make = (n: number) =>
      Array.from({ length: n }, (_, i) => `export const c${i} = "${MANY[i]!.slice(0, 20)}" + "${MANY[i]!.slice(20)}";\nexport const p${i} = "${MANY[500 + i]}";\n`).join('');
    expect(planningWork(make(400)) / planningWork(make(100))).toBeLessThan(LINEAR);
  });

  // 6. Expected: a report ends where its token ends (README: "reported at its own columns"). Actual: the end is mapped
  // to where the next character of the value is written (src/ast/sites.ts `sourceRangeOf` takes `map[end]`), so when a
  // line continuation follows the token, the report ends at the start of the next line; when the token ends a piece
  // of a `"…" + "…"` chain and another piece follows, the report runs over ` + ` (and its line breaks) into that piece.
  it('a token followed by a line continuation in a string (.js and .ts) ends on its own line', () => {
    const code = `export const a = "${GH}\\\n tail";\nexport const b = "x ${STRIPE}\\\r\n";\n`;
    for (const file of both('cont-end')) expect(spansOf(lint(code, { file })), file).toEqual([spanOf(code, GH), spanOf(code, STRIPE)]);
  });

  it('a token followed by a line continuation in a template ends on its own line', () => {
    const code = 'export const a = `' + GH + '\\\r tail`;\n';
    expect(spansOf(lint(code))).toEqual([spanOf(code, GH)]);
  });

  it('a token cut over `"…" + "…"` and followed by another piece ends at the end of its second piece', () => {
    const head = GH.slice(0, 17);
    const tail = GH.slice(17);
    const code = `export const a = "${head}" + "${tail}" + " tail";\nexport const k = "${head}" +\n  "${tail}" +\n  "\\n";\n`;
    const span = (nth: number) => `${spanOf(code, head, nth).split('-')[0]}-${spanOf(code, tail, nth).split('-')[1]}`;
    expect(spansOf(lint(code))).toEqual([span(0), span(1)]);
  });
});
