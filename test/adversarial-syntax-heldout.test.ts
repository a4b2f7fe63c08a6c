/**
 * Held-out adversarial SYNTAX: unusual but valid (and deliberately invalid) code shapes, each with a planted secret,
 * run through every rule of `configs.all` (typescript-eslint's parser for .ts/.tsx/.mts/.cts, espree for .js/.jsx/
 * .mjs/.cjs) and through the codemod's planning function (`planSource`, then `buildEdits`/`applyEdits`) on the text.
 *
 * For every input: no rule throws (ESLint rethrows a rule's crash), no message, suggestion description or suggestion
 * `fix.text` shows more of a planted secret than `redact()` does (public prefix + at most the last 4 characters: no
 * 8-character run of the random part), and, where the docs are clear, the findings of `no-hardcoded-secrets` (which
 * lines) and the codemod's plan (same places as the rule: "the codemod moves exactly what the rule reports").
 * Not covered here (other files): near misses per provider, huge templates and concatenations, 60 tokens in one
 * string, env names / OAuth keys / endpoints holding tokens, octal escapes and `&amp;` before a token.
 *
 * Every token is built at run time (test/support/fake-tokens.ts): no token-shaped literal is written in this file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { parse as tsParse } from '@typescript-eslint/typescript-estree';
import { Linter } from 'eslint';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { detectSecrets } from '../src/detect/index.js';
import { getDetector } from '../src/detect/options.js';
import { redact } from '../src/detect/redact.js';
import { applyEdits, assignEnvNames, buildEdits, JSX_OK, ParseError, planSource, type SourcePlan } from '../codemods/plan.js';
import { fakeGenericSecret, fakeToken } from './support/fake-tokens.js';

// ---------------------------------------------------------------------------------------------------------------
// Planted values (run time only)
// ---------------------------------------------------------------------------------------------------------------

const GH = fakeToken('github-classic-pat', 4101);
const GH2 = fakeToken('github-classic-pat', 4102);
const STRIPE = fakeToken('stripe-secret-key', 4103);
const SLACK = fakeToken('slack-bot-token', 4104);
const NOTION = fakeToken('notion-token', 4105);
const OPENAI = fakeToken('openai-project-key', 4106);
const ANTHROPIC = fakeToken('anthropic-api-key', 4107);
const GOOGLE = fakeToken('google-api-key', 4108);
const LINEAR = fakeToken('linear-api-key', 4109);
const PEM = fakeToken('pem-private-key', 4110);
const GENERIC = fakeGenericSecret(4111);
const ALL = [GH, GH2, STRIPE, SLACK, NOTION, OPENAI, ANTHROPIC, GOOGLE, LINEAR, PEM, GENERIC];

const MB = 1024 * 1024;
const BOM = '\uFEFF';
const LS = '\u2028';
const PS = '\u2029';
const ZWJ = '\u200D';
const NUL = '\u0000';
/** Cyrillic small letter shha, which renders like `h`. */
const CYRILLIC_H = '\u04BB';

// ---------------------------------------------------------------------------------------------------------------
// A worker project on disk (env-example-in-sync, no-committed-env-files and prefer-credential-injection read it)
// ---------------------------------------------------------------------------------------------------------------

const root = mkdtempSync(join(tmpdir(), 'wa-syntax-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const PROJECT = join(root, 'worker');
for (const [path, text] of Object.entries({
  'package.json': JSON.stringify({ name: 'w', type: 'module', dependencies: { '@notionhq/workers': '^0.9.2' } }),
  '.env.example': 'KNOWN=\n',
  'src/.keep': '',
})) {
  mkdirSync(join(PROJECT, path, '..'), { recursive: true });
  writeFileSync(join(PROJECT, path), text);
}

const linter = new Linter({ configType: 'flat', cwd: PROJECT });
const CONFIG: Linter.Config[] = [
  { files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
  { files: ['**/*.tsx'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  // sloppy scripts: `with`, HTML-like comments, legacy octal
  { files: ['**/sloppy/*.js'], languageOptions: { sourceType: 'script' } },
  plugin.configs.all,
];
const RULE = 'worker-auth/no-hardcoded-secrets';
const detector = getDetector();

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

/** Public prefix of a planted value as the detector names it (at most 14 characters: `redact` shows no more). */
const prefixCache = new Map<string, number>();
function publicPrefixLength(secret: string): number {
  let n = prefixCache.get(secret);
  if (n === undefined) {
    n = Math.min(detectSecrets(secret, { names: ['apiToken'] })[0]?.prefix.length ?? 0, 14);
    prefixCache.set(secret, n);
  }
  return n;
}

/** True when `text` holds an 8-character run of `secret` after its public prefix (more than `redact` shows). */
function leaks(text: string, secret: string): boolean {
  const body = secret.slice(publicPrefixLength(secret));
  for (let i = 0; i + 8 <= body.length; i++) if (text.includes(body.slice(i, i + 8))) return true;
  return false;
}

/** ESLint's line breaks. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(LINE_BREAK)) starts.push(m.index + m[0].length);
  return starts;
}
function offsetOf(starts: readonly number[], line: number, column: number): number {
  return starts[line - 1]! + column - 1;
}

interface Case {
  readonly name: string;
  /** Path relative to the project (its extension picks the parser). */
  readonly file: string;
  readonly code: string;
  readonly secrets: readonly string[];
  /** Lines of the `no-hardcoded-secrets` reports, ascending (`undefined`: not asserted). */
  readonly lines?: readonly number[];
  /** Each report's columns hold exactly one planted value as written (false where escapes or entities are in it). */
  readonly exact?: boolean;
  /** Deliberately invalid. */
  readonly invalid?: boolean;
  /** The codemod's parser (typescript-estree) rejects what ESLint's parser for the file accepts (espree, sloppy script). */
  readonly codemodParseError?: boolean;
  /** Lines the rule reports that the codemod does not read (docs/codemod.md: regular expression literals). */
  readonly ruleOnlyLines?: readonly number[];
  /** A gap this set found, since fixed: what the docs promise and what happened before. */
  readonly gap?: string;
}

interface Outcome {
  readonly messages: Linter.LintMessage[];
  /** The text ESLint's locations and fix ranges refer to (without a BOM). */
  readonly text: string;
}

function lintCase(c: Pick<Case, 'file' | 'code'>): Outcome {
  // ESLint rethrows any rule crash (with the rule's name): letting it propagate fails the test
  const messages = linter.verify(c.code, CONFIG, join(PROJECT, c.file));
  return { messages, text: c.code.startsWith(BOM) ? c.code.slice(1) : c.code };
}

const ruleMessages = (o: Outcome): Linter.LintMessage[] => o.messages.filter((m) => m.ruleId === RULE);

/** Everything a finding prints, and what its suggestions insert beyond the text they replace. */
function expectNoLeak(o: Outcome, secrets: readonly string[]): void {
  for (const m of o.messages) {
    if (m.fatal) continue; // ESLint's own parse error, not ours (checked apart)
    const starts = lineStarts(o.text);
    const from = offsetOf(starts, m.line, m.column);
    const to = m.endLine !== undefined ? offsetOf(starts, m.endLine, m.endColumn!) : from;
    const reported = o.text.slice(from, to);
    for (const secret of secrets) {
      expect(leaks(m.message, secret), `${m.ruleId} message shows ${redact(secret, secret.slice(0, 4))}: ${m.message.slice(0, 120)}`).toBe(false);
      for (const s of m.suggestions ?? []) {
        expect(leaks(s.desc, secret), `${m.ruleId} suggestion description: ${s.desc.slice(0, 120)}`).toBe(false);
        // a suggestion may keep text it replaces (another secret of the same literal), never the one it is about,
        // and never put a secret where the replaced text had none
        const replaced = o.text.slice(s.fix.range[0], s.fix.range[1]);
        if (leaks(s.fix.text, secret)) {
          expect(leaks(reported, secret), `${m.ruleId} suggestion text keeps the reported secret`).toBe(false);
          expect(leaks(replaced, secret), `${m.ruleId} suggestion text adds a secret`).toBe(true);
        }
      }
    }
  }
}

/** Parses as the file's own parser would (ESLint, so the same parsers and options as the lint). */
function parses(text: string, file: string): boolean {
  return linter.verify(text, CONFIG.slice(0, 4), join(PROJECT, file)).every((m) => !m.fatal);
}

/**
 * TypeScript's grammar errors (codes 1000–1999: "a literal is required here", "initializers are not allowed in
 * ambient contexts"…) of a TypeScript file, without type information (no lib, no imports resolved).
 */
function grammarErrors(text: string, file: string): Set<number> {
  const name = join('/virtual', file);
  const host = ts.createCompilerHost({ noLib: true });
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (n, target, ...rest) => (n === name ? ts.createSourceFile(n, text, ts.ScriptTarget.Latest, true) : getSourceFile(n, target, ...rest));
  const program = ts.createProgram([name], { noLib: true, noResolve: true, types: [], jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.ESNext }, host);
  const sf = program.getSourceFile(name)!;
  return new Set([...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => d.code).filter((code) => code >= 1000 && code < 2000));
}
const TS_FILE = /\.(?:ts|tsx|mts|cts)$/;

/** A rewrite compiles as well as the original did: parses, and (TypeScript) adds no grammar error. */
function expectRewriteCompiles(original: string, rewritten: string, file: string, what: string): void {
  expect(parses(rewritten, file), `${what} parses`).toBe(true);
  if (!TS_FILE.test(file)) return;
  const before = grammarErrors(original, file);
  expect([...grammarErrors(rewritten, file)].filter((code) => !before.has(code)), `${what}: new TypeScript grammar errors`).toEqual([]);
}

function plan(c: Pick<Case, 'file' | 'code'>): SourcePlan {
  // as the CLI: the BOM is taken off before planning
  const text = c.code.startsWith(BOM) ? c.code.slice(1) : c.code;
  return planSource(text, c.file, detector);
}

/** What must hold for every input, gap or not: the file parses, no rule throws, nothing is shown unmasked. */
function checkSafe(c: Case): void {
  const o = lintCase(c);
  expect(o.messages.filter((m) => m.fatal).map((m) => m.message), 'parses').toEqual([]);
  expectNoLeak(o, ALL);
  let p: SourcePlan | undefined;
  try {
    p = plan(c);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
  }
  for (const x of p?.occurrences ?? []) for (const secret of ALL) expect(leaks(redact(x.finding.value, x.finding.prefix), secret)).toBe(false);
}

/** All the checks of one valid input. */
function checkValid(c: Case): void {
  const o = lintCase(c);
  expect(o.messages.filter((m) => m.fatal).map((m) => m.message), 'parses').toEqual([]);
  expectNoLeak(o, ALL);
  const found = ruleMessages(o);
  if (c.lines) expect(found.map((m) => m.line), 'lines of no-hardcoded-secrets').toEqual(c.lines);
  const starts = lineStarts(o.text);
  if (c.exact !== false) {
    for (const m of found) {
      const slice = o.text.slice(offsetOf(starts, m.line, m.column), offsetOf(starts, m.endLine!, m.endColumn!));
      expect(c.secrets.includes(slice), `report at ${m.line}:${m.column} holds exactly a planted value (got ${redact(slice)})`).toBe(true);
    }
  }
  // a suggestion removes the reported secret as written (escapes, entities, CRLF and all), and the code still parses
  for (const m of found) {
    for (const s of m.suggestions ?? []) {
      const fixed = o.text.slice(0, s.fix.range[0]) + s.fix.text + o.text.slice(s.fix.range[1]);
      const reported = o.text.slice(offsetOf(starts, m.line, m.column), offsetOf(starts, m.endLine!, m.endColumn!));
      expect(fixed.split(reported).length, `suggestion at ${m.line}:${m.column} removes the reported text`).toBe(o.text.split(reported).length - 1);
      expectRewriteCompiles(o.text, fixed, c.file, `suggestion at ${m.line}:${m.column}`);
    }
  }
  // the whole-file prefilter lets through every file the rule reports in
  if (found.length > 0) expect(detector.mayContainSecret(o.text, { jsx: JSX_OK.test(c.file) }), 'prefilter lets the file through').toBe(true);
  // the codemod: plans the same places as the rule reports, masks, and its edits move the values out and parse
  if (c.codemodParseError) {
    expect(() => plan(c)).toThrow(ParseError);
    return;
  }
  const p = plan(c);
  expect(
    p.occurrences.map((x) => `${x.line}:${x.column}`),
    'codemod plan = rule reports',
  ).toEqual(found.filter((m) => !c.ruleOnlyLines?.includes(m.line)).map((m) => `${m.line}:${m.column}`));
  for (const x of p.occurrences) for (const secret of ALL) expect(leaks(redact(x.finding.value, x.finding.prefix), secret)).toBe(false);
  const names = assignEnvNames([p], new Map());
  const { edits, manual } = buildEdits(p, names, o.text);
  if (edits.length > 0) {
    const out = applyEdits(o.text, edits);
    const moved = p.occurrences.filter((x) => !manual.includes(x)).map((x) => x.finding.value);
    for (const value of moved) if (c.secrets.includes(value)) expect(out.includes(value), 'a moved value left the code').toBe(false);
    expectRewriteCompiles(o.text, out, c.file, 'the codemod output');
  }
}

/** All the checks of one invalid input: ESLint reports a parse error (no crash), the plan throws a ParseError. */
function checkInvalid(c: Case): void {
  const o = lintCase(c);
  expect(o.messages.filter((m) => m.fatal)).toHaveLength(1);
  expect(ruleMessages(o)).toEqual([]);
  let error: unknown;
  try {
    plan(c);
  } catch (e) {
    error = e;
  }
  // "a file that does not parse … is reported as failed" (docs/codemod.md): planSource's report is its ParseError
  expect(error).toBeInstanceOf(ParseError);
  for (const secret of ALL) expect(leaks((error as Error).message, secret), 'ParseError message').toBe(false);
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------------------

/** 50 nested templates, the secret a string literal at the bottom. */
function nestedTemplates(depth: number, inner: string): string {
  let s = inner;
  for (let i = 0; i < depth; i++) s = `\`<${i}>\${${s}}</${i}>\``;
  return s;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

const CASES: Case[] = [
  // --- TypeScript declarations and types ---
  { name: 'class decorator with a token argument (no export)', file: 'src/decorators0.ts', code: `function Auth(_: string) { return (t: unknown) => t; }\n@Auth("${GH}")\nclass A {}\nexport { A };`, secrets: [GH], lines: [2] },
  { name: 'decorator written after export', file: 'src/decorators1.ts', code: `function Auth(_: string) { return (t: unknown) => t; }\nexport @Auth("${GH}") class A {}`, secrets: [GH], lines: [2] },
  {
    name: 'class decorator before export',
    file: 'src/decorators.ts',
    code: `function Auth(_: string) { return (t: unknown) => t; }\n@Auth("${GH}")\nexport class A {}`,
    secrets: [GH],
    lines: [2],
    gap: 'expected a report at 2 (the codemod plans it); actual: none (the export node starts after its decorators, so findNodeAt never reaches the string)',
  },
  {
    name: 'class decorator before export default',
    file: 'src/decorators-default.ts',
    code: `function Auth(_: string) { return (t: unknown) => t; }\n@Auth({ token: "${STRIPE}" })\nexport default class A {}`,
    secrets: [STRIPE],
    lines: [2],
    gap: 'expected a report at 2 (the codemod plans it); actual: none (same cause as above)',
  },
  {
    name: 'property decorator with an options object',
    file: 'src/decorators2.ts',
    code: `declare const Inject: (o: object) => PropertyDecorator;\nexport class B {\n  @Inject({ token: "${STRIPE}" })\n  client!: unknown;\n}`,
    secrets: [STRIPE],
    lines: [3],
  },
  {
    name: 'parameter decorator and decorator factory chain',
    file: 'src/decorators3.ts',
    code: `declare const d: any;\nexport class C {\n  constructor(@d.inject("${SLACK}").optional() readonly x: string) {}\n}`,
    secrets: [SLACK],
    lines: [3],
  },
  // the docs: "every string literal"; docs/codemod.md: a type position is reported and left for a manual edit
  { name: 'string literal type alias', file: 'src/types.ts', code: `export type K = "${GH}";`, secrets: [GH], lines: [1] },
  { name: 'literal union in a generic constraint', file: 'src/types2.ts', code: `export function f<T extends "${GH}" | "b">(t: T): T {\n  return t;\n}`, secrets: [GH], lines: [1] },
  { name: 'template literal type', file: 'src/types4.ts', code: `export type Header = \`Bearer ${GH}\` | \`token \${string}\`;`, secrets: [GH], lines: [1] },
  {
    name: 'template literal type with a substitution',
    file: 'src/types4b.ts',
    code: `export type Header = \`\${string} ${GH}\`;`,
    secrets: [GH],
    lines: [1],
    gap: 'expected no rewrite (docs/codemod.md: "a template literal type" is left for you); actual: suggestion and codemod insert `${process.env.GITHUB_TOKEN ?? ""}` into the type, which does not parse',
  },
  { name: 'interface member type', file: 'src/types7.ts', code: `export interface Cfg {\n  readonly token: "${GH}";\n}`, secrets: [GH], lines: [2] },
  { name: 'enum with string members', file: 'src/enum.ts', code: `export enum Keys {\n  Gh = "${GH}",\n  Stripe = "${STRIPE}",\n}`, secrets: [GH, STRIPE], lines: [2, 3] },
  { name: 'const enum member written as a template', file: 'src/enum2.ts', code: `export const enum K {\n  A = \`${SLACK}\`,\n}`, secrets: [SLACK], lines: [2] },
  { name: 'declare module with a token as its name', file: 'src/ambient.d.ts', code: `declare module "${GH}" {\n  export const x: number;\n}`, secrets: [GH], lines: [1] },
  { name: 'declare const with a literal initializer', file: 'src/ambient2.ts', code: `declare const KEY = "${STRIPE}";\nexport { KEY };`, secrets: [STRIPE], lines: [1] },
  {
    name: 'const inside declare namespace',
    file: 'src/ambient3.ts',
    code: `declare namespace Cfg {\n  const key = "${STRIPE}";\n}\nexport {};`,
    secrets: [STRIPE],
    lines: [2],
    gap: 'expected no suggestion, as for `declare const` (the codemod leaves it for a manual edit: "TypeScript requires a literal there"); actual: the suggestion writes `process.env.… ?? ""` there, TS1254',
  },
  {
    name: 'export const inside declare module',
    file: 'src/ambient4.ts',
    code: `declare module "cfg" {\n  export const key = "${GH}";\n}`,
    secrets: [GH],
    lines: [2],
    gap: 'expected no suggestion (ambient, as above); actual: the suggestion writes `process.env.GITHUB_TOKEN ?? ""`, TS1254',
  },
  { name: 'nested namespaces', file: 'src/ns.ts', code: `export namespace Auth.Inner {\n  export const token = "${GH}";\n}`, secrets: [GH], lines: [2] },
  {
    name: 'abstract class: abstract members and a concrete default',
    file: 'src/abstract.ts',
    code: `export abstract class Base {\n  abstract get key(): string;\n  protected abstract sign(v: string): string;\n  protected secret = "${STRIPE}";\n}`,
    secrets: [STRIPE],
    lines: [4],
  },
  {
    name: 'overload signatures with literal types',
    file: 'src/overloads.ts',
    code: `export function call(k: "${GH}"): 1;\nexport function call(k: string): 2;\nexport function call(k: string) {\n  return k === "${GH2}" ? 1 : 2;\n}`,
    secrets: [GH, GH2],
    lines: [1, 4],
  },
  { name: 'satisfies', file: 'src/satisfies.ts', code: `export const cfg = { apiKey: "${STRIPE}" } satisfies Record<string, string>;`, secrets: [STRIPE], lines: [1] },
  { name: 'as const object', file: 'src/asconst.ts', code: `export const C = {\n  github: { token: "${GH}" },\n} as const;`, secrets: [GH], lines: [2] },
  { name: 'whole literal as const and <const> assertion', file: 'src/asconst2.ts', code: `export const a = "${GH}" as const;\nexport const b = <const>"${GH2}";`, secrets: [GH, GH2], lines: [1, 2] },
  { name: 'class field declared with declare', file: 'src/declare-field.ts', code: `export class D {\n  declare token: "${NOTION}";\n  static readonly fallback = "${GH}";\n}`, secrets: [NOTION, GH], lines: [2, 3] },
  { name: 'using declaration', file: 'src/using.ts', code: `declare function open(k: string): Disposable;\nexport function run() {\n  using res = open("${GH}");\n  return res;\n}`, secrets: [GH], lines: [3] },
  { name: 'non-null assertions and angle-bracket assertion', file: 'src/assert.ts', code: `declare const w: { cfg?: { token?: string } };\nw.cfg!.token! = <string>"${STRIPE}";`, secrets: [STRIPE], lines: [2] },
  { name: '.cts with import = require and export =', file: 'src/legacy.cts', code: `import fs = require("fs");\nexport = { fs, token: "${GH}" };`, secrets: [GH], lines: [2] },
  { name: '.mts with top-level await and import.meta', file: 'src/top.mts', code: `export const key = (await Promise.resolve(import.meta.url)) ? "${ANTHROPIC}" : "";`, secrets: [ANTHROPIC], lines: [1] },

  // --- classes and members ---
  { name: 'getter and setter', file: 'src/getset.ts', code: `export class G {\n  get token() {\n    return "${GH}";\n  }\n  set token(_v: string) {}\n}`, secrets: [GH], lines: [3] },
  { name: 'private fields and a private static', file: 'src/private.ts', code: `export class P {\n  #token = "${GH}";\n  static #key = "${STRIPE}";\n  has(o: object) { return #token in o; }\n}`, secrets: [GH, STRIPE], lines: [2, 3] },
  { name: 'static block', file: 'src/static.js', code: `export class S {\n  static {\n    S.k = "${SLACK}";\n  }\n}`, secrets: [SLACK], lines: [3] },
  { name: 'string-named class member and method', file: 'src/keys.ts', code: `export class K {\n  "${GH}" = 1;\n  "${GH2}"() {}\n}`, secrets: [GH, GH2], lines: [2, 3] },
  { name: 'computed object key', file: 'src/keys3.ts', code: `export const o = { ["${GH}"]: 1 };`, secrets: [GH], lines: [1] },
  {
    name: 'computed class field name',
    file: 'src/keys4.ts',
    code: `export class K {\n  ["${GH2}"] = 2;\n}`,
    secrets: [GH2],
    lines: [2],
    gap: 'expected no rewrite (or one that compiles: "tsc still passes", docs/codemod.md); actual: suggestion and codemod write `[process.env.GITHUB_TOKEN ?? ""] = 2`, TS1166 (a class field\'s computed name must be a literal)',
  },

  // --- templates and tags ---
  { name: 'sql tagged template with the token as text', file: 'src/sql.ts', code: `declare const sql: (s: TemplateStringsArray, ...v: unknown[]) => string;\nexport const q = (id: string) => sql\`select * from t where key = '${STRIPE}' and id = \${id}\`;`, secrets: [STRIPE], lines: [2] },
  {
    name: 'String.raw with a backslash right before the token',
    file: 'src/raw.js',
    code: `export const p = String.raw\`C:\\dir\\${GH}\`;`,
    secrets: [GH],
    lines: [1],
    gap: 'expected a report (the tag receives the raw text, which holds the token verbatim); actual: none, rule and codemod read the cooked "C:dirghp_…", where the token has no boundary',
  },
  { name: 'String.raw with an invalid escape (cooked undefined)', file: 'src/raw2.js', code: `export const p = String.raw\`\\unot-an-escape ${GH}\`;`, secrets: [GH], lines: [1] },
  { name: '50 nested templates, a string literal at the bottom', file: 'src/nested.ts', code: `export const t = ${nestedTemplates(50, `"${GH}"`)};`, secrets: [GH], lines: [1] },
  { name: '50 nested templates, the token as template text at the bottom', file: 'src/nested2.js', code: `export const t = ${nestedTemplates(50, `\`${SLACK}\``)};`, secrets: [SLACK], lines: [1] },
  { name: 'template with CRLF line breaks before the token', file: 'src/crlf-template.ts', code: `export const t = \`line one\r\nline two\r\n${GH}\r\n\`;\r\n`, secrets: [GH], lines: [3] },
  { name: 'PEM key in a CRLF template', file: 'src/pem.ts', code: `export const key = \`${PEM.replace(/\n/g, '\r\n')}\`;\r\n`, secrets: [PEM], lines: [1], exact: false },
  { name: 'line continuation splitting a string', file: 'src/continuation.js', code: `export const s = "prefix \\\n${GH}";`, secrets: [GH], lines: [2] },

  // --- regex, eval, Function ---
  // docs: the rule also reads regular expression literals (reported, no rewrite); the codemod does not read them
  { name: 'regex literal with token-like text', file: 'src/regex.js', code: `export const re = /${GH}/u;\nexport const re2 = new RegExp("${GH2}");`, secrets: [GH, GH2], lines: [1, 2], ruleOnlyLines: [1] },
  { name: 'eval and Function strings', file: 'src/sloppy/eval.js', code: `eval("var token = '${GH}'");\nvar f = new Function("return \\"${STRIPE}\\"");\nvar g = Function(\`return '${SLACK}'\`);`, secrets: [GH, STRIPE, SLACK], lines: [1, 2, 3] },

  // --- env reads, optional chains ---
  { name: 'import.meta.env fallback', file: 'src/vite.ts', code: `export const key = (import.meta as any).env?.VITE_STRIPE_KEY ?? "${STRIPE}";`, secrets: [STRIPE], lines: [1] },
  { name: 'globalThis["process"]["env"] fallback', file: 'src/global.js', code: `export const t = globalThis["process"]["env"]["GITHUB_TOKEN"] ?? "${GH}";`, secrets: [GH], lines: [1] },
  { name: 'optional chaining chain with a fallback', file: 'src/optional.ts', code: `declare const a: any;\nexport const t = a?.b?.["c"]?.(1)?.d?.e ?? process?.env?.GITHUB_TOKEN ?? "${GH}";`, secrets: [GH], lines: [2] },

  // --- statements ---
  { name: 'labelled statements', file: 'src/labels.js', code: `outer: for (;;) {\n  inner: {\n    const token = "${GH}";\n    if (token) break outer;\n    break inner;\n  }\n}`, secrets: [GH], lines: [3] },
  { name: 'with statement in a sloppy .js', file: 'src/sloppy/with.js', code: `var cfg = {};\nwith (cfg) {\n  var auth = "${GH}";\n}`, secrets: [GH], lines: [3] },
  { name: 'directive prologue holding a token', file: 'src/sloppy/directive.js', code: `function f() {\n  "${GH}";\n  return 1;\n}`, secrets: [GH], lines: [2] },
  { name: 'arbitrary module namespace names', file: 'src/names.js', code: `const x = 1;\nexport { x as "${GH}" };`, secrets: [GH], lines: [2] },
  { name: 'CommonJS require and module.exports', file: 'src/config.cjs', code: `const { Octokit } = require("@octokit/rest");\nmodule.exports = { octokit: new Octokit({ auth: "${GH}" }), "slack": { "token": "${SLACK}" } };`, secrets: [GH, SLACK], lines: [2, 2] },
  { name: 'JSON import with import attributes', file: 'src/json.ts', code: `import data from "./${GH}.json" with { type: "json" };\nexport const t = data;`, secrets: [GH], lines: [1] },

  // --- JSX / TSX ---
  { name: 'TSX: token in an expression attribute, in text, in a spread', file: 'src/App.tsx', code: `export const A = () => (\n  <div data-k={"${GH}"} {...{ token: "${STRIPE}" }}>\n    ${SLACK}\n  </div>\n);`, secrets: [GH, STRIPE, SLACK], lines: [2, 2, 3] },
  { name: 'TSX: namespaced attribute and generic arrow', file: 'src/Ns.tsx', code: `export const f = <T,>(x: T) => x;\nexport const B = () => <svg xlink:title="${NOTION}" />;`, secrets: [NOTION], lines: [2] },
  { name: 'TSX: entity inside the token in an attribute', file: 'src/Ent.tsx', code: `export const E = () => <a title="${GH.slice(0, 10)}&#x${GH.charCodeAt(10).toString(16)};${GH.slice(11)}" />;`, secrets: [GH], lines: [1], exact: false },
  { name: 'TSX: &quot; around a token in an attribute', file: 'src/Quot.tsx', code: `export const Q = () => <a title="&quot;${GH}&quot;" />;`, secrets: [GH], lines: [1] },
  {
    name: 'TSX: entity starting the token in JSX text',
    file: 'src/Text.tsx',
    code: `export const T = () => <p>key: &#x67;${GH.slice(1)}</p>;`,
    secrets: [GH],
    lines: [1],
    exact: false,
    gap: 'expected a report, as for the same entity in an attribute (found there); actual: none (JSX text is read raw, its entities undecoded), in the rule and the codemod',
  },
  { name: 'TSX: named entity before the token in JSX text', file: 'src/Text2.tsx', code: `export const T = () => <p>&nbsp;&lt;${GH}&gt;</p>;`, secrets: [GH], lines: [1] },
  { name: 'JSX (espree): attribute and text', file: 'src/App.jsx', code: `export const A = () => <Widget apiKey="${STRIPE}">{"${GH}"} {\`x\`}</Widget>;`, secrets: [STRIPE, GH], lines: [1, 1] },

  // --- comments ---
  { name: 'JSDoc @example', file: 'src/jsdoc.ts', code: `/**\n * Calls the API.\n * @example\n *   client.auth("${GH}")\n */\nexport const client = {};`, secrets: [GH], lines: [4] },
  { name: 'license comment /*! … */ and a triple-slash reference', file: 'src/license.ts', code: `/*! token ${SLACK} */\n/// <reference path="./${GH}.d.ts" />\nexport {};`, secrets: [SLACK, GH], lines: [1, 2] },
  // docs: data URIs are never reported (the token is only base64-encoded there)
  {
    name: 'sourceMappingURL data URI holding a base64 token',
    file: 'src/mapped.js',
    code: `export const x = 1;\n//# sourceMappingURL=data:application/json;base64,${b64(JSON.stringify({ version: 3, sourcesContent: [`const t = "${GH}";`] }))}`,
    secrets: [GH],
    lines: [],
  },
  { name: 'shebang followed by a token', file: 'src/cli.mjs', code: `#!/usr/bin/env node\nexport const token = "${GH}";`, secrets: [GH], lines: [2] },
  {
    name: 'shebang holding the token',
    file: 'src/cli2.mjs',
    code: `#!/usr/bin/env -S node --token=${GH}\nexport {};`,
    secrets: [GH],
    lines: [1],
    gap: 'expected the codemod to plan what the rule reports (1:32, "written in a comment"); actual: the plan is empty (typescript-estree lists no shebang comment)',
  },
  {
    name: 'HTML-like comments in a sloppy script',
    file: 'src/sloppy/html.js',
    code: `var a = 1;\n<!-- ${GH}\nvar b = 2;\n--> ${GH2}\n`,
    secrets: [GH, GH2],
    lines: [2, 4],
    gap: 'expected each report on the token\'s own columns (2:6, 4:5); actual: 2:4 and 4:4 (the comment\'s value is taken to start 2 after its range, as for `//`)',
  },
  { name: 'eslint-disable-next-line for the rule', file: 'src/disabled.ts', code: `// eslint-disable-next-line worker-auth/no-hardcoded-secrets -- fixture\nexport const a = "${GH}";\nexport const b = "${GH2}";`, secrets: [GH, GH2], lines: [3] },
  {
    name: 'a file that is 90% comments',
    file: 'src/comments.ts',
    code: [
      ...Array.from({ length: 450 }, (_, i) => `// ${i}: lorem ipsum dolor sit amet, consectetur adipiscing elit`),
      `/* ${STRIPE} */`,
      ...Array.from({ length: 450 }, (_, i) => (i % 9 === 0 ? `export const v${i} = ${i};` : `/* block ${i} */ // and line`)),
      `export const token = "${GH}";`,
    ].join('\n'),
    secrets: [STRIPE, GH],
    lines: [451, 902],
  },

  // --- line breaks, BOM, odd characters ---
  { name: 'BOM and CRLF', file: 'src/bom.ts', code: `${BOM}// header\r\nexport const token = "${GH}";\r\n`, secrets: [GH], lines: [2] },
  { name: 'BOM then the token on line 1', file: 'src/bom2.js', code: `${BOM}export const token = "${GH}";`, secrets: [GH], lines: [1] },
  { name: 'BOM, shebang, then the token', file: 'src/bom-shebang.mjs', code: `${BOM}#!/usr/bin/env node\nexport const t = "x ${GH}";`, secrets: [GH], lines: [2] },
  { name: 'lone CR line breaks', file: 'src/cr.ts', code: `const a = 1;\rexport const token = "${GH}";\rexport const b = a;\r`, secrets: [GH], lines: [2] },
  { name: 'U+2028 inside a string before the token', file: 'src/ls.js', code: `export const s = "a${LS}${GH}";\nexport const t = "b${PS}${STRIPE}";`, secrets: [GH, STRIPE], lines: [2, 4] },
  { name: 'U+2028 as a line break before the token', file: 'src/ls2.ts', code: `const a = 1;${LS}export const token = "${GH}";`, secrets: [GH], lines: [2] },
  { name: 'astral characters before the token', file: 'src/emoji.ts', code: `export const s = "\u{1F511}\u{1F511} ${GH}";`, secrets: [GH], lines: [1] },
  { name: 'zero-width joiner inside a token', file: 'src/zwj.ts', code: `export const token = "${GH.slice(0, 12)}${ZWJ}${GH.slice(12)}";\nexport const ok = "${STRIPE}";`, secrets: [GH, STRIPE], lines: [2] },
  { name: 'Cyrillic homoglyph in the prefix', file: 'src/homoglyph.ts', code: `export const label = "g${CYRILLIC_H}p_${GH.slice(4)}";\nexport const ok = "${GH2}";`, secrets: [GH, GH2], lines: [2] },
  { name: 'lone surrogate escapes around a token', file: 'src/surrogate.ts', code: `export const s = "\\uD800${GH}\\uDC00";`, secrets: [GH], lines: [1] },
  { name: 'raw lone surrogates around a token', file: 'src/surrogate2.js', code: `export const s = "\uD800${GH}\uDFFF";`, secrets: [GH], lines: [1] },
  { name: 'unicode escapes inside the token', file: 'src/escapes.ts', code: `export const a = "\\u0067${GH.slice(1)}";\nexport const b = "\\u{67}${GH2.slice(1)}";\nexport const c = "\\x73${STRIPE.slice(1)}";`, secrets: [GH, GH2, STRIPE], lines: [1, 2, 3], exact: false },
  { name: 'NUL bytes in a string and a comment', file: 'src/nul.ts', code: `export const s = "${NUL}${GH}${NUL}";\n// ${NUL} ${STRIPE}`, secrets: [GH, STRIPE], lines: [1, 2] },
  { name: 'generic secret in a credential position, odd whitespace around', file: 'src/ws.ts', code: `export const cfg = {\u00A0clientSecret:\u2003"${GENERIC}"\uFEFF};`, secrets: [GENERIC], lines: [1] },
  { name: 'empty file', file: 'src/empty.ts', code: '', secrets: [], lines: [] },
];

/** Deliberately invalid inputs: ESLint reports the parse error, no rule runs, the plan throws its ParseError. */
const INVALID: Case[] = [
  { name: 'unterminated string holding a token', file: 'src/bad1.ts', code: `export const token = "${GH};\nexport const x = 1;`, secrets: [GH], invalid: true },
  { name: 'unterminated template holding a token', file: 'src/bad2.ts', code: `export const token = \`${GH}`, secrets: [GH], invalid: true },
  { name: 'a token as a bare identifier after an expression', file: 'src/bad3.ts', code: `export const a = 1 ${GH};`, secrets: [GH], invalid: true },
  { name: 'JSX in a .ts file', file: 'src/bad4.ts', code: `export const a = <div title="${GH}"></div>;`, secrets: [GH], invalid: true },
  { name: 'unclosed JSX element in .tsx', file: 'src/bad5.tsx', code: `export const a = () => <div title="${GH}">\n  <span>\n</div>;`, secrets: [GH], invalid: true },
  { name: 'a decorator on a variable', file: 'src/bad6.ts', code: `declare const d: any;\n@d const token = "${GH}";`, secrets: [GH], invalid: true },
  { name: 'legacy octal escape in an untagged template', file: 'src/bad7.ts', code: `export const t = \`\\101 ${GH}\`;`, secrets: [GH], invalid: true },
  { name: 'NUL byte outside a string', file: 'src/bad9.ts', code: `export const token = "${GH}";\n${NUL}`, secrets: [GH], invalid: true },
  { name: 'unterminated regex', file: 'src/bad10.ts', code: `export const re = /${GH}\n;`, secrets: [GH], invalid: true },
  { name: 'unterminated block comment holding a token', file: 'src/bad12.ts', code: `export const a = 1;\n/* ${GH}`, secrets: [GH], invalid: true },
];

// ---------------------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------------------

describe('unusual valid syntax: no crash, no leak, the documented findings, the codemod plans the same places', () => {
  it.each(CASES.filter((c) => !c.gap).map((c) => [c.name, c] as const))('%s', (_, c) => checkValid(c));
});

describe('known gaps: still no crash and no leak', () => {
  it.each(CASES.filter((c) => c.gap).map((c) => [c.name, c] as const))('%s', (_, c) => checkSafe(c));
});

describe('gaps found by the held-out set, fixed', () => {
  // each case's `gap` says what the docs promise and what happened before the fix
  for (const c of CASES.filter((x) => x.gap)) it(`${c.name}: ${c.gap}`, () => checkValid(c));
});

describe('deliberately invalid syntax: a parse error, never a crash or a leak', () => {
  it.each(INVALID.map((c) => [c.name, c] as const))('%s', (_, c) => checkInvalid(c));

  it('TS syntax in a .js file: ESLint (espree) reports a parse error; the codemod plans it without throwing or leaking', () => {
    // docs/codemod.md leaves "files that do not parse" untouched, without saying by which parser: typescript-estree
    // accepts type annotations in a .js file, so the plan finds the token that the lint run never sees
    const c = { file: 'src/typed.js', code: `export const token: string = "${GH}";` };
    const o = lintCase(c);
    expect(o.messages.filter((m) => m.fatal)).toHaveLength(1);
    const p = plan(c);
    for (const x of p.occurrences) expect(leaks(redact(x.finding.value, x.finding.prefix), GH)).toBe(false);
  });
});

describe('size and depth', () => {
  it('a 1 MB single line with the token at its end', () => {
    const pad = 'lorem ipsum '.repeat(Math.ceil(MB / 12)).slice(0, MB);
    const code = `export const pad = "${pad}"; export const token = "${GH}";`;
    const o = lintCase({ file: 'src/long-line.ts', code });
    expectNoLeak(o, ALL);
    const found = ruleMessages(o);
    expect(found.map((m) => [m.line, m.column])).toEqual([[1, code.indexOf(GH) + 1]]);
    expect(plan({ file: 'src/long-line.ts', code }).occurrences.map((x) => x.column)).toEqual([code.indexOf(GH) + 1]);
  });

  it('2,000 tiny sources: every planted token found once, in its own file, by the rule and the plan', () => {
    let reported = 0;
    let planned = 0;
    for (let i = 0; i < 2000; i++) {
      const secret = i % 100 === 7 ? fakeToken('github-classic-pat', 9000 + i) : undefined;
      // valid in every flavour (module, commonjs, TypeScript)
      const code = secret ? `globalThis.t${i} = "${secret}";` : `globalThis.v${i} = ${i};`;
      const file = `src/tiny/f${i}.${['js', 'ts', 'mjs', 'cjs'][i % 4]}`;
      const o = lintCase({ file, code });
      expect(o.messages.filter((m) => m.fatal)).toEqual([]);
      const found = ruleMessages(o);
      expect(found.length, file).toBe(secret ? 1 : 0);
      if (secret) for (const m of o.messages) expect(leaks(m.message, secret)).toBe(false);
      reported += found.length;
      if (detector.mayContainSecret(code)) planned += plan({ file, code }).occurrences.length;
    }
    expect(reported).toBe(20);
    expect(planned).toBe(20);
  });

  const NESTS = [
    ['arrays', (d: number, v: string) => `${'['.repeat(d)}"${v}"${']'.repeat(d)}`],
    ['objects', (d: number, v: string) => `${'{ a: '.repeat(d)}{ token: "${v}" }${' }'.repeat(d)}`],
  ] as const;

  it.each(NESTS)('nesting 200 deep (%s): parsed, the token found by the rule and the plan', (_, make) => {
    for (const file of ['src/deep200.js', 'src/deep200.ts']) {
      const c: Case = { name: file, file, code: `export const deep = ${make(200, GH)};`, secrets: [GH], lines: [1] };
      checkValid(c);
    }
  });

  it.each(NESTS)('nesting 2,000 deep (%s): ESLint\'s own parsers give up (a parse error, not a rule crash); the plan reports a ParseError', (_, make) => {
    // what ESLint does here: espree "Not enough stack space to parse input", typescript-estree "Maximum call stack
    // size exceeded", both as a fatal parse message; so does the codemod's parser. A parser on a bigger stack may
    // get through: then the rules must still run without a crash and find the token.
    for (const file of ['src/deep.js', 'src/deep.ts']) {
      const c = { file, code: `export const deep = ${make(2000, GH)};` };
      const o = lintCase(c);
      expectNoLeak(o, ALL);
      const fatal = o.messages.filter((m) => m.fatal);
      if (fatal.length > 0) {
        expect(fatal[0]!.message, file).toMatch(/^Parsing error: /);
        expect(ruleMessages(o)).toEqual([]);
      } else {
        expect(ruleMessages(o).map((m) => m.line), file).toEqual([1]);
      }
      let planned: SourcePlan | undefined;
      try {
        planned = plan(c);
      } catch (error) {
        expect(error, file).toBeInstanceOf(ParseError);
      }
      if (planned) expect(planned.occurrences).toHaveLength(1);
    }
  });
});
