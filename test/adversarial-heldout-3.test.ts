/**
 * Held-out adversarial inputs, round 3: unusual syntax along each rule's code paths (decorators, `using`, static
 * blocks, private names, optional calls, `import.meta.env`, sloppy-mode `with` and HTML comments, tagged templates
 * with invalid escapes, TS-only wrappers, ambient code, JSX namespaces and spread children, deep nesting, odd line
 * terminators, lone surrogates, odd `worker.oauth()` arguments and `process.env` paths, cyclic constants).
 *
 * Every case asserts: `linter.verify` does not throw, no fatal message (unless the input itself does not parse), no
 * secret (nor a 12-character run of its random part) in any message or suggestion description, and each suggestion,
 * applied, still parses; a `no-hardcoded-secrets` suggestion also removes a finding and does not write the secret.
 *
 * The gaps this set found are fixed, each kept under "gaps found by the held-out set, fixed": two tokens the rule
 * did not see (after a word character in a concatenation, in a parameter decorator) and two shapes whose cost grew
 * exponentially (a doubling const chain through `getStaticValue`, a template fan-out through
 * `resolveLocatedString`). Work is counted, not timed: the number of scope lookups (`SourceCode#getScope`) or
 * `Map#get` calls made while linting, at n and 4n.
 *
 * Tokens are built at run time (test/support/fake-tokens.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter, SourceCode } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { fakeToken } from './support/fake-tokens.js';

const GH = fakeToken('github-classic-pat', 31);
const STRIPE = fakeToken('stripe-secret-key', 32);
const SLACK = fakeToken('slack-bot-token', 33);
const OPENAI = fakeToken('openai-project-key', 34);
const NOTION = fakeToken('notion-token', 35);
const GSECRET = fakeToken('google-oauth-client-secret', 36);
const ANTHROPIC = fakeToken('anthropic-api-key', 37);
const PEM = fakeToken('pem-private-key', 38);
const TOKENS = [GH, STRIPE, SLACK, OPENAI, NOTION, GSECRET, ANTHROPIC, PEM];

const root = mkdtempSync(join(tmpdir(), 'wa-heldout3-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, 'src'), { recursive: true });
  return dir;
}

/** A worker project with a `.env.example` (env-example-in-sync runs) and an SDK with `credential()`. */
const PROJECT = project('worker', {
  'package.json': JSON.stringify({ name: 'w', dependencies: { '@notionhq/workers': '^0.9.2' } }),
  '.env.example': 'KNOWN=\n',
});

const linter = new Linter({ configType: 'flat', cwd: root });

interface Options {
  readonly file?: string;
  readonly script?: boolean;
  /** The input itself does not parse: a fatal parse message is expected, nothing else. */
  readonly parseError?: boolean;
  readonly secrets?: readonly string[];
}

function baseConfig(options: Options): Linter.Config[] {
  return [
    { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
    { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    ...(options.script ? [{ files: ['**/*.js'], languageOptions: { sourceType: 'script' as const } }] : []),
  ];
}

function config(options: Options, set: 'all' | 'recommended'): Linter.Config[] {
  return [...baseConfig(options), plugin.configs[set] as Linter.Config];
}

function fileOf(options: Options): string {
  return join(PROJECT, 'src', options.file ?? 'index.ts');
}

/** Windows of a secret that a masked value never shows: 12 characters from its second half on. */
function leakWindows(secret: string): string[] {
  const from = Math.max(12, Math.floor(secret.length * 0.4));
  const windows: string[] = [];
  for (let i = from; i + 12 <= secret.length; i += 3) windows.push(secret.slice(i, i + 12));
  return windows;
}

function leaks(text: string, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    if (text.includes(secret)) found.push(`whole ${secret.slice(0, 4)}…`);
    else if (leakWindows(secret).some((w) => text.includes(w))) found.push(`part of ${secret.slice(0, 4)}…`);
  }
  return found;
}

function parses(code: string, options: Options): string | undefined {
  const messages = linter.verify(code, baseConfig(options), fileOf(options));
  return messages.find((m) => m.fatal)?.message;
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

function countRule(messages: readonly Linter.LintMessage[], ruleId: string): number {
  return messages.filter((m) => m.ruleId === ruleId).length;
}

/** Lints with both configs and checks every promise; returns the messages of `all`. */
function check(code: string, options: Options = {}): Linter.LintMessage[] {
  const secrets = options.secrets ?? TOKENS;
  let all: Linter.LintMessage[] = [];
  for (const set of ['all', 'recommended'] as const) {
    const messages = linter.verify(code, config(options, set), fileOf(options));
    const fatal = messages.filter((m) => m.fatal);
    if (options.parseError) {
      expect(fatal.length, 'the input should not parse').toBeGreaterThan(0);
      expect(messages.filter((m) => !m.fatal)).toEqual([]);
    } else {
      expect(fatal.map((m) => m.message)).toEqual([]);
    }
    for (const m of messages) {
      expect(leaks(m.message, secrets), `message of ${m.ruleId}: ${m.message}`).toEqual([]);
      for (const s of m.suggestions ?? []) expect(leaks(s.desc, secrets), `suggestion of ${m.ruleId}`).toEqual([]);
    }
    if (set === 'all') all = messages;
  }
  // fix ranges are offsets into the text without its byte-order mark (ESLint re-adds it when it writes)
  const bom = code.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = code.slice(bom.length);
  // on a big file, a few suggestions are enough (each is re-parsed and re-linted)
  const limit = code.length > 100_000 ? 3 : 40;
  let checked = 0;
  for (const m of all) {
    for (const s of m.suggestions ?? []) {
      if (checked++ >= limit) break;
      const fixed = bom + text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1]);
      expect(parses(fixed, options), `suggestion "${s.desc}" of ${m.ruleId} gives code that does not parse`).toBeUndefined();
      if (m.ruleId === 'worker-auth/no-hardcoded-secrets') {
        // the literal may hold other secrets, which stay; the suggestion never adds a copy of one
        for (const secret of secrets) expect(occurrences(fixed, secret), 'a suggestion writes a secret again').toBeLessThanOrEqual(occurrences(code, secret));
        const after = linter.verify(fixed, config(options, 'all'), fileOf(options));
        expect(countRule(after, m.ruleId), `suggestion "${s.desc}" removes no finding`).toBeLessThan(countRule(all, m.ruleId));
      }
    }
  }
  return all;
}

const rule = (name: string) => `worker-auth/${name}`;
const found = (messages: readonly Linter.LintMessage[], name: string) => countRule(messages, rule(name));

const WORKER = `import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n`;
const ENDPOINTS = `authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token"`;

// ---------------------------------------------------------------------------------------------------------------

describe('no-hardcoded-secrets: unusual syntax', () => {
  it('decorator arguments (class, method, parameter, accessor)', () => {
    const m = check(
      `@Injectable({ apiKey: "${GH}" })\nclass A {\n  @Header("Authorization", "Bearer ${STRIPE}") m(x: string) {}\n  constructor(@Inject("${SLACK}") private readonly x: string) {}\n  @Prop({ default: "${OPENAI}" }) accessor token = "";\n}\n`,
    );
    expect(found(m, 'no-hardcoded-secrets')).toBe(4);
  });

  it('`using` and `await using` declarations', () => {
    const m = check(`export async function f() {\n  using a = open("${GH}");\n  await using b = openAsync({ token: "${STRIPE}" });\n  { using c = { [Symbol.dispose]() {}, key: "${SLACK}" }; }\n}\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(3);
  });

  it('class static blocks, private fields, private methods and `#x in o`', () => {
    const m = check(
      `class A {\n  #token = "${GH}";\n  static #key = "${STRIPE}";\n  static { A.#key = "${SLACK}"; }\n  get #secret() { return "${OPENAI}"; }\n  has(o) { return #token in o && o.#token === "${NOTION}"; }\n}\n`,
    );
    expect(found(m, 'no-hardcoded-secrets')).toBe(5);
  });

  it('optional chaining and optional calls everywhere', () => {
    const m = check(`client?.auth?.("${GH}")?.[\`${STRIPE}\`]?.(a?.b?.["${SLACK}"]);\nnew Octokit({ auth: a?.b ?? "${OPENAI}" });\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(4);
  });

  it('`import.meta.env` with hardcoded fallbacks', () => {
    const m = check(`const a = import.meta.env.GITHUB_TOKEN ?? "${GH}";\nconst b = import.meta.env?.["STRIPE_KEY"] || \`${STRIPE}\`;\nconst { SLACK = "${SLACK}" } = import.meta.env;\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(3);
  });

  it('`with` statement in sloppy-mode .js', () => {
    const m = check(`with (process.env) {\n  var t = GITHUB_TOKEN || "${GH}";\n  with (t) { console.log(length, "${STRIPE}"); }\n}\n`, { file: 'sloppy.js', script: true });
    expect(found(m, 'no-hardcoded-secrets')).toBe(2);
  });

  it('HTML comments (`<!--`, `-->`) in sloppy-mode .js', () => {
    check(`<!-- ${GH}\nconst k = "${STRIPE}";\n--> ${SLACK}\nvar x = 1; <!-- ${OPENAI}\n`, { file: 'html-comments.js', script: true });
  });

  it('labeled statements, labeled blocks and labeled functions (sloppy)', () => {
    const m = check(`outer: for (const t of ["${GH}"]) { inner: { break inner; } continue outer; }\nlbl: function f() { return "${STRIPE}"; }\n`, { file: 'labels.js', script: true });
    expect(found(m, 'no-hardcoded-secrets')).toBe(2);
  });

  it('getters and setters returning or taking secrets', () => {
    const m = check(`const o = {\n  get apiKey() { return "${GH}"; },\n  set apiKey(v = "${STRIPE}") {},\n  get ["token"]() { return \`Bearer ${SLACK}\`; },\n};\nclass C { static get clientSecret() { return "${GSECRET}"; } }\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(4);
  });

  it('computed keys from symbols and secrets as computed keys', () => {
    const m = check(`const o = { [Symbol.for("${GH}")]: 1, [Symbol.iterator]: "${STRIPE}", ["${SLACK}"]: 2, [\`${OPENAI}\`]() {} };\nclass K { ["${NOTION}"] = 1; static [Symbol.asyncIterator] = "${ANTHROPIC}"; }\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(6);
  });

  it('String.raw and custom tags, also with invalid escapes (cooked undefined)', () => {
    const m = check('const a = String.raw`\\unicode ' + GH + '`;\nconst b = tag`\\xZZ ${x} ' + STRIPE + '`;\nconst c = sql`select ${"' + SLACK + '"}`;\nconst d = String.raw`${`' + OPENAI + '`}\\u{110000}`;\n');
    expect(found(m, 'no-hardcoded-secrets')).toBe(4);
  });

  it('`satisfies`, `as const`, `<const>` and non-null wrappers', () => {
    const m = check(`const a = "${GH}" satisfies string;\nconst b = ("${STRIPE}" as const);\nconst c = <const>"${SLACK}";\nconst d = (("${OPENAI}")! as string) satisfies unknown;\nconst e = { token: "${NOTION}" } as const satisfies object;\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(5);
  });

  it('enums, const enums, declare enums and computed enum members', () => {
    const m = check(`enum E { A = "${GH}", B = \`${STRIPE}\`, C = "Bearer " + "${SLACK}" }\nconst enum F { G = "${OPENAI}" }\ndeclare enum H { I = "${NOTION}" }\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(5);
  });

  it('namespaces, `declare module`, `declare global` and ambient consts', () => {
    const m = check(`namespace N { export const k = "${GH}"; export namespace M { const j = \`${STRIPE}\`; } }\ndeclare module "x" { export const t: "${SLACK}"; }\ndeclare global { var token: "${OPENAI}"; }\ndeclare const d = "${NOTION}";\nmodule Legacy { const q = "${ANTHROPIC}"; }\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(6);
  });

  it('overloads, default parameters, parameter properties and `this` parameters', () => {
    const m = check(`function f(k: "${GH}"): void;\nfunction f(k: string = "${STRIPE}"): void {}\nclass P { constructor(private readonly token = "${SLACK}", public apiKey: string = \`${OPENAI}\`) {} }\nfunction g(this: { k: "${NOTION}" }) {}\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(5);
  });

  it('type positions: template literal types, index signatures, mapped types, infer', () => {
    check(`type A = \`Bearer ${GH}\`;\ntype B = { [K in "${STRIPE}"]: K };\ninterface C { "${SLACK}": 1; ["${OPENAI}"]: 2 }\ntype D<T> = T extends \`${NOTION}\${infer R}\` ? R : never;\ntype E = typeof import("${ANTHROPIC}");\n`);
  });

  it('import and export names, import attributes, dynamic import', () => {
    check(`import { "${GH}" as a } from "./m";\nexport { a as "${STRIPE}" };\nimport j from "./x.json" with { type: "json", token: "${SLACK}" };\nconst m = await import("${OPENAI}", { with: { key: "${NOTION}" } });\nexport * as "${ANTHROPIC}" from "./n";\n`);
  });

  it('directives and a directive-looking expression', () => {
    check(`"${GH}";\nfunction f() { "use strict"; "${STRIPE}"; }\n(() => { "${SLACK}"; })();\n`);
  });

  it('JSX namespaced names, member expressions and spread attributes (.tsx)', () => {
    const m = check(`export const V = () => (\n  <svg:rect xlink:href="${GH}" data-token="${STRIPE}">\n    <UI.Map.Key apiKey="${SLACK}" {...{ token: "${OPENAI}" }} />\n    <a:b c:d={"${NOTION}"} />\n  </svg:rect>\n);\n`, { file: 'view.tsx' });
    expect(found(m, 'no-hardcoded-secrets')).toBeGreaterThanOrEqual(5);
  });

  it('JSX spread children (.tsx: typescript-eslint parses them)', () => {
    const m = check(`export const V = () => <div>{...["${GH}", \`${STRIPE}\`]}{...{ apiKey: "${SLACK}" } as any}</div>;\n`, { file: 'spread.tsx' });
    expect(found(m, 'no-hardcoded-secrets')).toBe(3);
  });

  it('JSX spread children in .jsx: a parse error, and nothing else', () => {
    check(`export const V = () => <div>{...["${GH}"]}</div>;\n`, { file: 'spread.jsx', parseError: true });
  });

  it('JSX fragments, and text split by expressions (.jsx)', () => {
    check(`export const V = () => (\n  <>\n    <div>{["${GH}", \`${STRIPE}\`]}</div>\n    <p>token: ${SLACK}{" "}{\`${OPENAI}\`}</p>\n    <Key apiKey=${'{'}<>{"${NOTION}"}</>} />\n  </>\n);\n`, { file: 'view.jsx' });
  });

  it('JSX attribute strings holding a line break, a tab and U+2028 (.jsx)', () => {
    check(`export const V = () => <Map apiKey="\n${GH}" token="\t${STRIPE}" secret="\u2028${SLACK}" />;\n`, { file: 'attrs.jsx' });
  });

  it('`\\r`-only line endings', () => {
    const m = check(`const a = 1;\rconst k = "${GH}";\rconst t = \`x\r${STRIPE}\`;\r// ${SLACK}\r`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(3);
  });

  it('U+2028 and U+2029 inside strings, templates and comments', () => {
    // a line comment ends at U+2028: what follows it is code (here a subtraction of identifiers), not a comment
    const m = check(`const k = "\u2028${GH}\u2029";\nconst t = \`\u2029${STRIPE}\u2028\`;\n// \u2028${SLACK.replace(/-/g, '_')}\n/* \u2029 ${OPENAI} */\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(3);
  });

  it('lone surrogates written out and as escapes next to tokens', () => {
    check(`const a = "\uD800${GH}\uDC00";\nconst b = "\\uD83D${STRIPE}\\uDE00";\nconst c = \`\uDFFF${SLACK}\`;\nconst d = { ["\uD800"]: "${OPENAI}" };\n`);
  });

  it('a surrogate pair right after a token and inside a generic secret', () => {
    check(`const a = "${GH}😀";\nconst apiKey = "9f8e7d6c5b4a39281706😀f5e4d3c2b1a0f9e8d7c6";\nconst b = "😀${STRIPE}😀";\n`);
  });

  it('zero-width characters in identifiers, keys and around tokens', () => {
    check(`const api\u200dKey = "9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6";\nconst o = { "api\u200bKey": "${GH}", tok\u200cen: "${STRIPE}" };\nconst z = "\u200b${SLACK}\u200b";\nconst bom = "\uFEFF${OPENAI}";\n`);
  });

  it('unicode escapes in identifiers and keys (`\\u0061piKey`)', () => {
    check(`const \\u0061piKey = "9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6";\nconst o = { \\u{74}oken: "a8f9e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c" };\nconst { cl\\u0069entSecret = "${GSECRET}" } = cfg;\n`);
  });

  it('a hashbang holding a token, then a BOM-less file with a token in the first string', () => {
    const m = check(`#!/usr/bin/env -S node --token=${GH}\nconst k = "${STRIPE}";\n`, { file: 'cli.js' });
    expect(found(m, 'no-hardcoded-secrets')).toBe(2);
  });

  it('a byte-order mark, then a token on the first column', () => {
    check(`\uFEFF"${GH}";\nconst k = "${STRIPE}";\n`);
  });

  it('class accessors, auto-accessors and index signatures with secrets (.ts)', () => {
    check(`class A {\n  accessor apiKey = "${GH}";\n  static accessor #k = \`${STRIPE}\`;\n  [key: string]: unknown;\n  declare token: "${SLACK}";\n  override clientSecret = "${GSECRET}";\n}\n`);
  });

  it('abstract classes, `implements` and definite assignment', () => {
    check(`abstract class B implements I { abstract token: string; apiKey!: string; protected secret = "${GH}"; static readonly key = <string>"${STRIPE}"; }\n`);
  });

  it('arguments of `new` without parentheses, and `new` of member chains', () => {
    check(`const a = new Stripe;\nconst b = new sdk.clients.Stripe("${STRIPE}", { apiVersion: "2024" });\nconst c = new (require("stripe"))("${STRIPE}");\nconst d = new Octokit.constructor({ auth: "${GH}" });\n`, { file: 'newcalls.js' });
  });

  it('a `.mts` and a `.cts` file with secrets and env reads', () => {
    check(`export const k = process.env.GITHUB_TOKEN ?? "${GH}";\nconsole.log(process.env.STRIPE_KEY);\n`, { file: 'm.mts' });
    check(`import x = require("stripe");\nexport = { apiKey: "${STRIPE}" };\n`, { file: 'c.cts' });
  });

  it('`export default` of a bare secret, of an object and of a class expression', () => {
    check(`export default "${GH}";\n`, { file: 'd1.ts' });
    check(`export default { token: \`${STRIPE}\` } satisfies Record<string, string>;\n`, { file: 'd2.ts' });
    check(`export default class { static key = "${SLACK}"; }\n`, { file: 'd3.ts' });
  });

  it('a token right after `/*` and right before `*/` of a JSDoc with `@example`', () => {
    check(`/**${GH}\n * @example new Octokit({ auth: "${STRIPE}" })\n * @default ${SLACK}*/\nexport const a = 1;\n`);
  });

  it('comments in odd places: between `?.` and `(`, inside a template substitution, after the last token', () => {
    check(`a?./* ${GH} */(1);\nconst t = \`\${/* ${STRIPE} */ x}\`;\nconst y = 1 // ${SLACK}`);
  });

  it('the same token written 3 ways in one template: raw, escaped, and across a substitution', () => {
    const escaped = GH.split('').map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    check(`const t = \`${GH} ${escaped} ${GH.slice(0, 20)}\${""}${GH.slice(20)}\`;\n`);
  });

  it('a JSX attribute holding a token in a template inside a conditional inside a spread (.tsx)', () => {
    check(`export const V = ({ ok }: { ok: boolean }) => <Map {...(ok ? { apiKey: \`${GH}\` } : { token: "${STRIPE}" })} />;\n`, { file: 'cond.tsx' });
  });

  it('a very long line (200,000 columns) with tokens at both ends', () => {
    const filler = 'a, '.repeat(66_000);
    check(`const k = ["${GH}", ${filler} "${STRIPE}"];\n`, { file: 'long.js' });
  });

  it('a PEM key split over a template with `\\r\\n` and substitutions', () => {
    const crlf = PEM.replace(/\n/g, '\r\n');
    check(`const key = \`${crlf}\`;\nconst other = \`${PEM.slice(0, 40)}\${x}${PEM.slice(40)}\`;\n`);
  });

  it('new.target, meta-properties, `super` and class expressions with secrets', () => {
    check(`const C = class extends (Base ?? Object) { constructor() { super("${GH}"); if (new.target) this.k = \`${STRIPE}\`; } };\nfunction F() { return new.target ? "${SLACK}" : null; }\n`);
  });

  it('generators, async generators, `yield` and `await` of secrets', () => {
    const m = check(`async function* g() { yield "${GH}"; yield* ["${STRIPE}"]; await \`${SLACK}\`; }\nfunction* h() { const x = yield { token: "${OPENAI}" }; }\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(4);
  });

  it('regular expression literals and `new RegExp` holding tokens', () => {
    check(`const r = /${GH}/u;\nconst s = new RegExp("${STRIPE}", "v");\nconst t = /[\\p{L}]${SLACK}/v;\n`);
  });

  it('BigInt, numeric separators and numeric keys beside a secret', () => {
    check(`const o = { 1_000n: "${GH}", 0x1F: \`${STRIPE}\`, 1e3: "${SLACK}" };\nconst apiKey = 123_456_789_012_345_678_901_234n;\n`);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('deep nesting: what the rules do where ESLint itself copes', () => {
  function nested(open: string, inner: string, close: string, n: number): string {
    return open.repeat(n) + inner + close.repeat(n);
  }
  function parseOnly(code: string, options: Options): Linter.LintMessage[] {
    return linter.verify(code, baseConfig(options), fileOf(options));
  }

  /**
   * When ESLint alone already fails on the shape, the plugin cannot do better: the case only checks no leak. Depths
   * stay well inside what the parsers take: each suggestion is re-parsed from inside the test, deeper in the stack,
   * and a parser that runs out of stack while V8 compiles one of its regular expressions ends the whole test worker
   * (a fatal "RegExpCompiler allocation failed"; ESLint's parse alone does the same at 2,000 right-nested
   * concatenations).
   */
  function deep(code: string, options: Options = {}): void {
    let alone: Linter.LintMessage[] | Error;
    try {
      alone = parseOnly(code, options);
    } catch (error) {
      alone = error as Error;
    }
    if (alone instanceof Error || alone.some((m) => m.fatal)) {
      let messages: Linter.LintMessage[] = [];
      try {
        messages = linter.verify(code, config(options, 'all'), fileOf(options));
      } catch (error) {
        expect(leaks(String((error as Error).message), TOKENS)).toEqual([]);
        return;
      }
      for (const m of messages) expect(leaks(m.message, TOKENS)).toEqual([]);
      return;
    }
    check(code, options);
  }

  it('1,000 parentheses around a token', () => deep(`const k = ${nested('(', `"${GH}"`, ')', 1_000)};\n`));
  it('1,000 nested arrays around a token (.js)', () => deep(`const k = ${nested('[', `"${GH}"`, ']', 1_000)};\n`, { file: 'arrays.js' }));
  it('1,000 chained ternaries ending in a token', () => {
    let s = `"${GH}"`;
    for (let i = 0; i < 1_000; i++) s = `c${i % 7} ? "x${i}" : ${s}`;
    deep(`const apiKey = ${s};\n`, { file: 'ternary.js' });
  });
  it('300 right-nested concatenations with a token inside', () => {
    deep(`const k = ${nested('"a" + (', `"${GH}"`, ')', 300)};\n`, { file: 'concat.js' });
  });
  it('500 nested templates with a token at the bottom', () => {
    deep(`const k = ${nested('`x${', `"${GH}"`, '}`', 500)};\n`, { file: 'templates.js' });
  });
  it('500 nested objects with an apiKey at the bottom', () => {
    deep(`const cfg = ${nested('{ a: ', `{ apiKey: "${GH}" }`, ' }', 500)};\n`, { file: 'objects.js' });
  });
  it('500 nested arrow functions returning a token', () => {
    deep(`const f = ${'() => '.repeat(500)}"${GH}";\n`, { file: 'arrows.js' });
  });
  it('500 nested calls `f(f(…))` around a token', () => deep(`const v = ${nested('f(', `"${GH}"`, ')', 500)};\n`, { file: 'calls.js' }));
  it('500 nested `process.env.X ?? (…)` fallbacks ending in a token', () => {
    deep(`const k = ${nested('process.env.GITHUB_TOKEN ?? (', `"${GH}"`, ')', 500)};\n`, { file: 'fallbacks.js' });
  });
  it('500 nested console.log template arguments', () => {
    deep(`console.log(${nested('`${', 'process.env.GITHUB_TOKEN', '}`', 500)});\n`, { file: 'logs.js' });
  });
  it('500 nested JSX elements with a token in the innermost attribute (.jsx)', () => {
    deep(`export const V = () => ${nested('<div>', `<Map apiKey="${GH}" />`, '</div>', 500)};\n`, { file: 'deep.jsx' });
  });
  it('10,000 parentheses (ESLint alone may overflow: no leak either way)', () => deep(`const k = ${nested('(', `"${GH}"`, ')', 10_000)};\n`, { file: 'deep10k.js' }));
  it('10,000 nested arrays (ESLint alone may overflow: no leak either way)', () => deep(`const k = ${nested('[', `"${GH}"`, ']', 10_000)};\n`, { file: 'deep10k-arr.js' }));
});

// ---------------------------------------------------------------------------------------------------------------

describe('worker.oauth() with odd arguments', () => {
  const CONFIG = `{ name: "github", ${ENDPOINTS}, scope: "repo", clientId: "Iv1.8a61f9b3a7aba766", clientSecret: "${GSECRET}" }`;
  const shapes: Record<string, string> = {
    'no arguments': `worker.oauth();`,
    'only a key': `worker.oauth("github");`,
    'spread arguments': `const args = ["github", ${CONFIG}] as const;\nworker.oauth(...args);`,
    'spread config': `worker.oauth("github", ...[${CONFIG}]);`,
    'spread key and config': `worker.oauth(...["github"], ${CONFIG});`,
    'optional call': `worker.oauth?.("github", ${CONFIG});`,
    'optional member': `worker?.oauth("github", ${CONFIG});`,
    'computed member': `worker["oauth"]("github", ${CONFIG});`,
    'template member': `worker[\`oauth\`]("github", ${CONFIG});`,
    'sequence callee': `(0, worker.oauth)("github", ${CONFIG});`,
    'bound call': `worker.oauth.call(worker, "github", ${CONFIG});`,
    'extra arguments': `worker.oauth("github", ${CONFIG}, "${GH}", ...rest);`,
    'assignment as key': `let k; worker.oauth(k = "${GH}", ${CONFIG});`,
    'token as key with escapes': `worker.oauth("\\x${GH.charCodeAt(0).toString(16)}${GH.slice(1)}", ${CONFIG});`,
    'template key with a substitution': `worker.oauth(\`gh-\${"${GH}"}\`, ${CONFIG});`,
    'spread of a config into a config': `const base = ${CONFIG};\nworker.oauth("github", { ...base, ...{ clientSecret: "${STRIPE}" } });`,
    'getter as clientSecret': `worker.oauth("github", { name: "github", ${ENDPOINTS}, scope: "repo", get clientSecret() { return "${GSECRET}"; }, clientId: process.env.X ?? "" });`,
    'method as clientSecret': `worker.oauth("github", { name: "github", ${ENDPOINTS}, scope: "repo", clientSecret() { return "${GSECRET}"; } });`,
    '__proto__ holding the config': `worker.oauth("github", { __proto__: ${CONFIG}, name: "github" });`,
    'symbol-keyed member': `worker.oauth("github", { [Symbol.for("clientSecret")]: "${GSECRET}", name: "github", ${ENDPOINTS}, scope: "repo" });`,
    'Object.freeze and satisfies': `worker.oauth("github", Object.freeze(${CONFIG}) satisfies object);`,
    'a class instance': `class Cfg { name = "github"; clientSecret = "${GSECRET}"; }\nworker.oauth("github", new Cfg());`,
    'an IIFE config': `worker.oauth("github", (() => (${CONFIG}))());`,
    'a conditional config': `worker.oauth("github", flag ? ${CONFIG} : { name: "x", provider: "google" });`,
    'a config through await': `worker.oauth("github", await Promise.resolve(${CONFIG}));`,
    'a numeric key': `worker.oauth(42, ${CONFIG});`,
    'a key that is a regex': `worker.oauth(/${GH}/, ${CONFIG});`,
    'scope as a tagged template': `worker.oauth("github", { name: "github", ${ENDPOINTS}, scope: String.raw\`repo admin:org \\u{\`, clientId: process.env.A ?? "", clientSecret: process.env.B ?? "" });`,
    'scope from a self-spreading array': `const s: string[] = [...(globalThis as any).s];\nworker.oauth("github", { name: "github", ${ENDPOINTS}, scope: s.join(" ") });`,
    'scope joined by a token': `worker.oauth("github", { name: "github", ${ENDPOINTS}, scope: ["repo", "admin:org"].join("${GH}") });`,
    'scope of a token': `worker.oauth("github", { name: "github", ${ENDPOINTS}, scope: "repo ${GH} admin:org" });`,
    'endpoint with a token in user-info and fragment': `worker.oauth("github", { name: "github", authorizationEndpoint: "http://u:${GH}@github.com/login/oauth/authorize#${STRIPE}", tokenEndpoint: \`https://github.com/login/oauth/access_token?client_secret=${GSECRET}\`, scope: "read:user" });`,
    'endpoint as new URL with a token base': `worker.oauth("github", { name: "github", authorizationEndpoint: new URL("/a", "http://${GH}.example.com").href, tokenEndpoint: String(new URL("http://x.example.com/t?token=${STRIPE}")), scope: "read:user" });`,
    'oauth on a worker created via optional new and alias': `const w2 = worker;\nconst { oauth } = w2;\noauth("github", ${CONFIG});\nw2?.["oauth"]?.("github2", ${CONFIG});`,
  };
  for (const [name, call] of Object.entries(shapes)) {
    it(name, () => {
      check(`${WORKER}${call}\n`);
    });
  }

  it('in a .js file with sloppy mode and `arguments`', () => {
    check(`const { Worker } = require("@notionhq/workers");\nvar worker = new Worker();\nfunction f() { return worker.oauth.apply(worker, arguments); }\nf("github", ${CONFIG.replace(' as const', '')});\nworker.oauth("g", { name: "g", ${ENDPOINTS}, clientSecret: "${GSECRET}", scope: "repo" });\n`, { file: 'oauth-sloppy.js', script: true });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('process.env read through odd paths', () => {
  const reads: Record<string, string> = {
    'process["env"]': `const a = process["env"].GITHUB_TOKEN ?? "${GH}";`,
    'template keys': 'const a = process[`env`][`GITHUB_TOKEN`] ?? "' + GH + '";',
    'Reflect.get': `const a = Reflect.get(process.env, "GITHUB_TOKEN") ?? "${GH}";`,
    'globalThis.process': `const { env } = globalThis.process;\nconst a = env.GITHUB_TOKEN ?? "${GH}";`,
    'destructuring with defaults and rest': `const { GITHUB_TOKEN = "${GH}", STRIPE_KEY: s = \`${STRIPE}\`, ...rest } = process.env;\nconsole.log(rest);`,
    'computed destructuring keys': 'const { ["GITHUB_TOKEN"]: a = "' + GH + '", [`STRIPE_KEY`]: b = "' + STRIPE + '" } = process.env;',
    'nested destructuring with default object': `const { env: { GITHUB_TOKEN = "${GH}" } = {} } = process;`,
    'optional env element': `const k = "GITHUB_TOKEN";\nconst a = process.env?.[k] ?? "${GH}";`,
    'parenthesised, non-null and as': `const a = (process.env as Record<string, string>).GITHUB_TOKEN! ?? "${GH}";\nconst b = (process.env)!["STRIPE_KEY"] || "${STRIPE}";`,
    'node:process default and namespace imports': `import proc from "node:process";\nimport * as p2 from "process";\nconst a = proc.env.GITHUB_TOKEN ?? "${GH}";\nconst b = p2.env["STRIPE_KEY"] ?? "${STRIPE}";`,
    'env prototype members': `const a = process.env.constructor;\nconst b = process.env.__proto__;\nconst c = process.env.hasOwnProperty("X");\nconst d = process.env["toString"];\nconst e = process.env.valueOf();`,
    'empty and odd env names': `const a = process.env[""] ?? "${GH}";\nconst b = process.env["\\u2028"];\nconst c = process.env["\uD800"];\nconst d = process.env["A B"];\nconst e = process.env["${'X'.repeat(5_000)}"];`,
    'env name with zero-width and unicode': `const a = process.env["GITHUB\u200bTOKEN"] ?? "${GH}";\nconst b = process.env.ТОКЕН;\nconst c = process.env["API_KEY_\u{1F511}"];`,
    'env name holding a token in a destructuring key': `const { ["${GH}"]: a } = process.env;\nconst { "${STRIPE}": b = "" } = process.env;`,
    'env name holding a token, escaped': `const a = process.env["\\x${GH.charCodeAt(0).toString(16)}${GH.slice(1)}"];\nconsole.log(a);`,
    'env alias reassigned and cyclic': `let env = process.env;\nenv = env;\nconst a = env.GITHUB_TOKEN ?? "${GH}";\nconsole.log(a);`,
    'require chains': `const a = require("node:process").env.GITHUB_TOKEN ?? "${GH}";\nconst b = require("process")["env"]?.STRIPE_KEY;\nconst { env: { SLACK_TOKEN } } = require("process");\nconsole.log(SLACK_TOKEN);`,
    'writes and deletes mixed with reads': `process.env.GITHUB_TOKEN ??= "${GH}";\ndelete process.env.STRIPE_KEY;\n[process.env.A, process.env.B] = ["${SLACK}", "x"];\n({ C: process.env.C } = { C: "${OPENAI}" });\nfor (process.env.D of ["${NOTION}"]) {}`,
    'a local named process shadowing': `function f(process: any) { return process.env.GITHUB_TOKEN ?? "${GH}"; }\n{ const process = { env: {} as any }; console.log(process.env.SECRET_TOKEN); }`,
    'import.meta.env reads and logs': `console.log(import.meta.env.GITHUB_TOKEN, import.meta.env?.["STRIPE_KEY"]);\nconst { SLACK_TOKEN } = import.meta.env;\nconsole.log(SLACK_TOKEN);`,
  };
  for (const [name, code] of Object.entries(reads)) {
    it(name, () => {
      check(`${code}\n`);
    });
  }

  it('sloppy-mode `with (process)` and `with (process.env)` reads logged', () => {
    check(`with (process) { console.log(env.GITHUB_TOKEN); }\nwith (process.env) { console.log(STRIPE_KEY || "${STRIPE}"); }\n`, { file: 'with-env.js', script: true });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('no-logged-secrets: odd sinks and carriers', () => {
  const logs: Record<string, string> = {
    'spread arguments': `console.log(...[process.env.GITHUB_TOKEN]);\nconsole.log(...Object.values(process.env));`,
    'tagged template console.log': 'console.log`${process.env.GITHUB_TOKEN}`;',
    'optional and computed log calls': 'console?.log?.(process.env.GITHUB_TOKEN);\nconsole["error"](process.env.STRIPE_KEY);\nconsole[`warn`]?.(process.env.SLACK_TOKEN);',
    'apply, call and bind': 'console.log.apply(console, [process.env.GITHUB_TOKEN]);\nconsole.info.call(null, process.env.STRIPE_KEY);\nconsole.warn.bind(console)(process.env.SLACK_TOKEN);',
    'Error subclasses and anonymous classes': 'class AuthError extends Error {}\nthrow new AuthError(`bad ${process.env.GITHUB_TOKEN}`);',
    'throw of templates and String.raw': 'function f() { throw `token ${process.env.GITHUB_TOKEN}`; }\nfunction g() { throw String.raw`${process.env.STRIPE_KEY}`; }\nfunction h() { throw new (class extends Error {})(process.env.SLACK_TOKEN); }',
    'throw objects and rejections': 'function f() { throw { message: process.env.GITHUB_TOKEN }; }\nPromise.reject(new Error(process.env.STRIPE_KEY));\nnew AggregateError([], process.env.SLACK_TOKEN);',
    'loggers with private fields and static blocks': 'class S { #logger = console; static { console.log(process.env.GITHUB_TOKEN); } run() { this.#logger.info(process.env.STRIPE_KEY); } }',
    'a logged constant in a cycle': 'const a = b;\nconst b = a;\nconsole.log(a, b);\nvar c = d, d = c;\nconsole.log(c);',
    'self-referencing objects': 'const o = { k: o.k, token: process.env.GITHUB_TOKEN };\nconsole.log(o.k, o);\nconst p = { ...p, q: p.q };\nconsole.log(p.q);',
    'getters that return secrets': 'const cfg = { get token() { return process.env.GITHUB_TOKEN; } };\nconsole.log(cfg.token, cfg);',
    'logged through using, labels and static blocks': 'outer: { using r = { [Symbol.dispose]() {} }; console.log(process.env.GITHUB_TOKEN); break outer; }',
    'Authorization headers in odd shapes': 'const h = { ["Authorization"]: `Bearer ${process.env.GITHUB_TOKEN}`, [`X-API-Key`]: process.env.STRIPE_KEY };\nconsole.log(h);\nconsole.log({ headers: { get Authorization() { return process.env.SLACK_TOKEN; } } });',
    'logger child chains with optional calls': 'logger?.child?.({ a: 1 })?.info?.(process.env.GITHUB_TOKEN);\nthis?.logger?.warn(`${process.env.STRIPE_KEY}`);',
    'a sink named by a token': `const o: any = {};\no["${GH}"](process.env.GITHUB_TOKEN);\nconsole.log("${STRIPE}".length);`,
    'process.stdout.write with odd arguments': 'process.stdout.write(...[process.env.GITHUB_TOKEN]);\nprocess["stderr"].write(`${process.env.STRIPE_KEY}\\n`);',
  };
  for (const [name, code] of Object.entries(logs)) {
    it(name, () => {
      check(`${code}\n`);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------

describe('cyclic and self-referencing constants in OAuth configurations', () => {
  it('mutually recursive constants as clientSecret, scope and endpoints', () => {
    check(`${WORKER}const a = b;\nconst b = a;\nconst s = t;\nconst t = s;\nworker.oauth("github", { name: "github", authorizationEndpoint: a, tokenEndpoint: b, scope: s, clientId: t, clientSecret: a });\n`);
  });

  it('a config that spreads itself and one that references its own members', () => {
    check(`${WORKER}const cfg: any = { ...cfg, name: "github", ${ENDPOINTS}, scope: cfg.scope, clientSecret: cfg.clientSecret ?? "${GSECRET}" };\nworker.oauth("github", cfg);\n`);
  });

  it('scope arrays that spread each other', () => {
    check(`${WORKER}const A: string[] = [...B, "repo"];\nconst B: string[] = [...A, "admin:org"];\nworker.oauth("github", { name: "github", ${ENDPOINTS}, scope: A.join(" ") });\n`);
  });

  it('computed member keys that refer to each other', () => {
    check(`${WORKER}const K: any = { [K.x]: "a" };\nconst M: any = { clientSecret: M[K.y] };\nworker.oauth("github", { name: "github", ${ENDPOINTS}, scope: "read:user", clientSecret: M.clientSecret });\n`);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('many objects', () => {
  it('20,000 array elements, each an object with an apiKey holding the same token (.js)', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `{ id: ${i}, apiKey: "${GH}" }`).join(',\n');
    const m = check(`module.exports = [\n${body}\n];\n`, { file: 'many.js' });
    expect(found(m, 'no-hardcoded-secrets')).toBe(20_000);
  });

  it('5,000 OAuth configurations in one file, each with a broad scope and a hardcoded secret', () => {
    const calls = Array.from({ length: 5_000 }, (_, i) => `worker.oauth("gh${i}", { name: "gh${i}", ${ENDPOINTS}, scope: "repo", clientId: "Iv1.8a61f9b3a7aba766", clientSecret: "${GSECRET}" });`).join('\n');
    check(`${WORKER}${calls}\n`);
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** Counts calls of `SourceCode#getScope` (one per identifier the OAuth model resolves) while linting `code`. */
function countScopeLookups(code: string, options: Options = {}): number {
  const proto = SourceCode.prototype as unknown as { getScope: (node: unknown) => unknown };
  const original = proto.getScope;
  let calls = 0;
  proto.getScope = function (this: unknown, node: unknown) {
    calls++;
    return original.call(this, node);
  };
  try {
    linter.verify(code, config(options, 'recommended'), fileOf(options));
  } finally {
    proto.getScope = original;
  }
  return calls;
}

/** Counts `Map#get` calls (each scope lookup by name of eslint-utils' `findVariable`) while linting `code`. */
function countMapGets(code: string, options: Options = {}): number {
  const original = Map.prototype.get;
  let calls = 0;
  Map.prototype.get = function (this: Map<unknown, unknown>, key: unknown) {
    calls++;
    return original.call(this, key);
  };
  try {
    linter.verify(code, config(options, 'recommended'), fileOf(options));
  } finally {
    Map.prototype.get = original;
  }
  return calls;
}

/** `const a_i = a_{i-1} === a_{i-1} ? "x" : "y"`, n times: each constant reads the previous one twice. */
function doublingChain(n: number, sink: (last: string) => string): string {
  let s = 'const a0 = "x";\n';
  for (let i = 1; i <= n; i++) s += `const a${i} = a${i - 1} === a${i - 1} ? "x" : "y";\n`;
  return s + sink(`a${n}`);
}

/** `const a_i = \`${a_{i-1}}…\`` with k substitutions, 6 levels: k^6 resolutions and a string of 2·k^6 characters. */
function templateFanOut(k: number): string {
  let s = 'const a0 = "ab";\n';
  for (let i = 1; i <= 6; i++) s += `const a${i} = \`${`\${a${i - 1}}`.repeat(k)}\`;\n`;
  return `${WORKER}${s}worker.oauth("k", { name: "x", ${ENDPOINTS}, scope: a6 });\n`;
}

describe('gaps found by the held-out set, fixed', () => {
  // A token literal concatenated after a literal that ends in a word character (`"x" + "<token>"`) is not reported:
  // the concatenation is read as one string and the token loses its left boundary. `"x " + "<token>"`, a template
  // `\`x${"<token>"}\`` and `["x", "<token>"].join("")` are reported. Silent: the token stays in the code.
  it('a token concatenated after a word character is reported', () => {
    const m = check(`const a = "x" + "${GH}";\nf("id" + "${STRIPE}");\nenum E { C = "k" + "${SLACK}" }\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(3);
  });

  // A secret in a decorator on a plain method or constructor parameter (`m(@Inject("<token>") x)`) is not reported
  // at all, while the rule's docs promise every decorator argument (a parameter property's decorator is read).
  // Not a crash or a leak, but the token stays in the code and in git history without a word.
  it('a token in a parameter decorator of a method is reported', () => {
    const m = check(`class A {\n  m(@Inject("${GH}") x: string) {}\n  n(@Header({ token: "${STRIPE}" }) y: string) {}\n}\n`);
    expect(found(m, 'no-hardcoded-secrets')).toBe(2);
  });

  // getStaticValue (@eslint-community/eslint-utils), the fallback of staticString/resolveLocatedString and of
  // oauth-endpoints-https's branch tests (src/workers/values.ts `staticValue`), follows every const it meets with no
  // memo and no depth bound: a chain of n consts that each read the previous one twice costs 2^n lookups
  // (≈1 s at n = 22, ≈4 min at n = 30, for a 1 KB file). Reached from `require(String(aN))` in any file naming a
  // traced module, a `worker.oauth(String(aN), …)` key, a `scope: String(aN)` and an endpoint `aN ? … : …`.
  it('exponential getStaticValue: a doubling const chain as a worker.oauth() endpoint test (n = 4 vs 16)', () => {
    const sink = (v: string) => `${WORKER}worker.oauth("k", { name: "x", authorizationEndpoint: ${v} ? "http://a.example.com/a" : "https://b.example.com/a", tokenEndpoint: "https://a.example.com/t", scope: "read" });\n`;
    const small = countMapGets(doublingChain(4, sink));
    const large = countMapGets(doublingChain(16, sink));
    // 4× the chain: linear work grows about 4×; it grows by thousands
    expect(large).toBeLessThan(small * 8);
  });

  it('exponential getStaticValue: a doubling const chain in require(String(…)) (n = 4 vs 16)', () => {
    const sink = (v: string) => `// passport\nconst m = require(String(${v}));\n`;
    const small = countMapGets(doublingChain(4, sink), { file: 'req.js' });
    const large = countMapGets(doublingChain(16, sink), { file: 'req.js' });
    expect(large).toBeLessThan(small * 8);
  });

  // resolveLocatedString (src/workers/values.ts) has a depth bound (12) but no memo and no bound on the length it
  // builds: a template of k copies of the previous const, 6 levels deep, resolves k^6 identifiers and builds a
  // located string (and two offset arrays) of 2·k^6 characters. An 800-byte file (k = 16) takes ≈23 s and 1.3 GB,
  // a 917-byte one (k = 20) ≈98 s.
  it('template fan-out: k copies per level, 6 levels, as a worker.oauth() scope (k = 2 vs 8)', () => {
    const small = countScopeLookups(templateFanOut(2));
    const large = countScopeLookups(templateFanOut(8));
    expect(large).toBeLessThan(small * 8);
  });
});
