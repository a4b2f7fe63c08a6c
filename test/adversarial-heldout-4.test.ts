/**
 * Held-out adversarial inputs, round 4: files at the edge of what a file can be (empty, a BOM, only comments, only a
 * hashbang, one huge line) on every parser, `eslint-disable` and other directive comments holding tokens,
 * `worker.oauth()` reached through proxies, binds, factories and re-exports, `process.env` behind TS type
 * assertions and aliases, tokens cut by template substitutions or written wholly in escapes and entities, unicode
 * look-alikes and invisible characters, nesting as deep as the parsers take (and 10,000 deep, where they give up),
 * the text of suggestions (operator precedence, imports, shadowed names), odd endpoint URLs and scope expressions,
 * and work growth on shapes rounds 1–3 did not count.
 *
 * Every case asserts: `linter.verify` does not throw (with `WORKER_AUTH_DEBUG=1` for `strict`, so an internal error
 * that the rules would swallow fails the case too), no fatal message unless the input itself does not parse, no
 * secret (nor a 12-character run of its random part, in any letter case) in a message, a suggestion description or
 * a suggestion's text beyond what the text it replaces already held, and each suggestion, applied, still parses; a
 * `no-hardcoded-secrets` suggestion also removes a finding and writes no new copy of a secret. Both `strict` and
 * `recommended` run; `.js`, `.mjs`, `.cjs` and `.jsx` go through espree, `.ts`, `.tsx`, `.mts` and `.cts` through
 * `@typescript-eslint/parser`.
 *
 * Work is counted, never timed: elements visited by array iteration and array callbacks, `Map`/`Set` lookups and a
 * few string methods, while linting, minus the same count for ESLint alone (no rules), at n and 4n.
 *
 * The 20 gaps this set found that are ours to fix are fixed and kept under "gaps found by the held-out set, fixed":
 * work quadratic in a large `process.env` destructuring (no-logged-secrets, prefer-credential-injection), env reads
 * behind `<T>`, `as`, `globalThis.process` and aliases, an `import.meta.env` fallback named `process.env`, a
 * zero-width space at a generic secret's edge, prefer-credential-injection suggestions that redeclared
 * `CREDENTIAL_VALUE` or a declared credential or copied a token-named worker, an endpoint message naming the wrong
 * host (`\` in `http:` URLs) or calling `wss:` unencrypted, scopes in conditionals and `.split(" ")`, and a token cut
 * by a literal template substitution. Four stay under "known gaps" as expected failures: a token in the reason of a
 * directive that disables the rule where it stands (ESLint drops the report; docs/security.md says so), and ESLint's
 * own message for an inline configuration.
 * Tokens are built at run time (test/support/fake-tokens.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from './support/fake-tokens.js';

const GH = fakeToken('github-classic-pat', 401);
const STRIPE = fakeToken('stripe-secret-key', 402);
const SLACK = fakeToken('slack-bot-token', 403);
const GSECRET = fakeToken('google-oauth-client-secret', 404);
const SENDGRID = fakeToken('sendgrid-api-key', 405);
const NPM = fakeToken('npm-access-token', 406);
const OPENAI = fakeToken('openai-project-key', 407);
const GENERIC = fakeGenericSecret(408);
const TOKENS = [GH, STRIPE, SLACK, GSECRET, SENDGRID, NPM, OPENAI, GENERIC];
/** A GitHub OAuth app client id (public, but hardcoded ones are reported by oauth-credentials-from-env). */
const CLIENT_ID = `Iv1.${randomString(CHARSETS.hex, 16, 409)}`;

const ZWSP = '\u200B';
const WORD_JOINER = '\u2060';
const NBSP = '\u00A0';
const BOM = '\uFEFF';
const CYRILLIC_ER = '\u0440'; // looks like a Latin "p"
const FULLWIDTH_G = '\uFF47'; // looks like a Latin "g"

const root = mkdtempSync(join(tmpdir(), 'wa-heldout4-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A worker project with a `.env.example` (env-example-in-sync runs) and an SDK with `credential()`. */
const PROJECT = project('worker', {
  'package.json': JSON.stringify({ name: 'w', dependencies: { '@notionhq/workers': '^0.9.2' } }),
  '.env.example': 'KNOWN=\n',
});

const linter = new Linter({ configType: 'flat', cwd: root });

interface Options {
  /** Path under the project's `src/` (default `index.ts`). */
  readonly file?: string;
  readonly script?: boolean;
  /** The input itself does not parse: a fatal parse message is expected, nothing else. */
  readonly parseError?: boolean;
  readonly secrets?: readonly string[];
  /** Project folder (default PROJECT). */
  readonly dir?: string;
}

type ConfigName = 'strict' | 'recommended';

function baseConfig(options: Options): Linter.Config[] {
  return [
    { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
    { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    ...(options.script ? [{ files: ['**/*.js'], languageOptions: { sourceType: 'script' as const } }] : []),
  ];
}

function config(options: Options, set: ConfigName): Linter.Config[] {
  return [...baseConfig(options), plugin.configs[set] as Linter.Config];
}

function fileOf(options: Options): string {
  return join(options.dir ?? PROJECT, 'src', options.file ?? 'index.ts');
}

/** `fn` with `WORKER_AUTH_DEBUG=1`: the rules rethrow what they would otherwise swallow. */
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

/** 12-character windows of a secret's random part (from 40 % of its length on): the mask never shows one. */
function leakWindows(secret: string): string[] {
  const from = Math.max(12, Math.floor(secret.length * 0.4));
  const windows: string[] = [];
  for (let i = from; i + 12 <= secret.length; i += 3) windows.push(secret.slice(i, i + 12).toLowerCase());
  return windows;
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Copies of a secret's random part in `text`, in any letter case. */
function copies(text: string, secret: string): number {
  const lower = text.toLowerCase();
  return leakWindows(secret).reduce((n, w) => n + occurrences(lower, w), 0);
}

function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => copies(text, secret) > 0).map((secret) => `${secret.slice(0, 4)}…`);
}

function fatalOf(code: string, options: Options): string | undefined {
  return linter.verify(code, baseConfig(options), fileOf(options)).find((m) => m.fatal)?.message;
}

function countRule(messages: readonly Linter.LintMessage[], ruleId: string): number {
  return messages.filter((m) => m.ruleId === ruleId).length;
}

/** Lints with `strict` (debugging) and `recommended`, checks every promise; returns the messages of `strict`. */
function check(code: string, options: Options = {}): Linter.LintMessage[] {
  const secrets = options.secrets ?? TOKENS;
  let strict: Linter.LintMessage[] = [];
  for (const set of ['strict', 'recommended'] as const) {
    const run = () => linter.verify(code, config(options, set), fileOf(options));
    const messages = set === 'strict' ? debugging(run) : run();
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
  // fix ranges are offsets into the text without its byte-order mark (ESLint re-adds it when it writes)
  const bom = code.startsWith(BOM) ? BOM : '';
  const text = code.slice(bom.length);
  const limit = code.length > 100_000 ? 3 : 40;
  let checked = 0;
  for (const m of strict) {
    for (const s of m.suggestions ?? []) {
      const replaced = text.slice(s.fix.range[0], s.fix.range[1]);
      for (const secret of secrets) {
        expect(copies(s.fix.text, secret), `suggestion "${s.desc}" of ${m.ruleId} writes a copy of ${secret.slice(0, 4)}…`).toBeLessThanOrEqual(copies(replaced, secret));
      }
      if (checked++ >= limit) continue;
      const fixed = bom + text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1]);
      expect(fatalOf(fixed, options), `suggestion "${s.desc}" of ${m.ruleId} gives code that does not parse`).toBeUndefined();
      if (m.ruleId === rule('no-hardcoded-secrets')) {
        for (const secret of secrets) expect(occurrences(fixed, secret), 'a suggestion writes a secret again').toBeLessThanOrEqual(occurrences(code, secret));
        const after = linter.verify(fixed, config(options, 'strict'), fileOf(options));
        expect(countRule(after, m.ruleId), `suggestion "${s.desc}" removes no finding`).toBeLessThan(countRule(strict, m.ruleId));
      }
    }
  }
  return strict;
}

const rule = (name: string) => `worker-auth/${name}`;
const found = (messages: readonly Linter.LintMessage[], name: string) => countRule(messages, rule(name));
/** The lines `name` reports on, sorted. */
const linesOf = (messages: readonly Linter.LintMessage[], name: string) =>
  messages
    .filter((m) => m.ruleId === rule(name))
    .map((m) => m.line)
    .sort((a, b) => a - b);
/** 1-based line of the first occurrence of `needle`. */
function lineOf(code: string, needle: string): number {
  const at = code.indexOf(needle);
  if (at < 0) throw new Error(`lineOf: ${needle.slice(0, 10)}… not in the code`);
  return code.slice(0, at).split(/\r\n|[\r\n\u2028\u2029]/).length;
}
const suggestionTexts = (messages: readonly Linter.LintMessage[], name: string) =>
  messages.filter((m) => m.ruleId === rule(name)).flatMap((m) => (m.suggestions ?? []).map((s) => s.fix.text));
function applied(code: string, suggestion: Linter.LintSuggestion): string {
  return code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
}

const WORKER = `import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n`;
const GITHUB_ENDPOINTS = `authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token"`;
/** A configuration with one finding per OAuth rule: an http: endpoint, a broad scope, a hardcoded id and secret. */
const CONFIG = `{ name: "gh", authorizationEndpoint: "http://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token", scope: "repo", clientId: "${CLIENT_ID}", clientSecret: "${GSECRET}" }`;
const FETCH_LINEAR = 'export async function f() { return fetch("https://api.linear.app/graphql", { headers: { Authorization: `Bearer ${process.env.LINEAR_API_KEY}` } }); }\n';

// ---------------------------------------------------------------------------------------------------------------
// Work counting
// ---------------------------------------------------------------------------------------------------------------

type Proto = Record<PropertyKey, unknown>;

/**
 * Work done while linting `code`: elements visited by array iteration (`for…of`, spread) and by array callbacks
 * (`some`, `find`, `filter`, `map`…), `Map`/`Set` lookups, and calls of a few string and array methods. With `rules`
 * undefined, ESLint alone (parse, scopes, traversal).
 */
function countWork(code: string, file: string, rules?: Linter.RulesRecord): number {
  let work = 0;
  const restore: (() => void)[] = [];
  const wrap = (proto: Proto, name: PropertyKey, weight: (self: { length?: number }) => number) => {
    const original = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: { length?: number }, ...args: unknown[]) {
      work += weight(this);
      return original.apply(this, args);
    };
    restore.push(() => {
      proto[name] = original;
    });
  };
  const one = () => 1;
  const byLength = (self: { length?: number }) => 1 + (self?.length ?? 0);
  for (const name of ['get', 'has']) wrap(Map.prototype as unknown as Proto, name, one);
  wrap(Set.prototype as unknown as Proto, 'has', one);
  for (const name of ['some', 'every', 'find', 'findIndex', 'filter', 'map', 'forEach', 'reduce']) wrap(Array.prototype as unknown as Proto, name, byLength);
  for (const name of ['includes', 'indexOf', 'slice']) wrap(Array.prototype as unknown as Proto, name, one);
  for (const name of ['charCodeAt', 'codePointAt', 'startsWith', 'indexOf', 'slice', 'includes']) wrap(String.prototype as unknown as Proto, name, one);
  wrap(Array.prototype as unknown as Proto, Symbol.iterator, byLength);
  const options: Options = { file };
  const configs = rules === undefined ? baseConfig(options) : [...baseConfig(options), { plugins: { 'worker-auth': plugin }, rules } as Linter.Config];
  try {
    linter.verify(code, configs, fileOf(options));
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return work;
}

/** The work the rules add to ESLint's own, for `code`. */
function ruleWork(code: string, file: string, rules: Linter.RulesRecord): number {
  return countWork(code, file, rules) - countWork(code, file);
}

const strictRules = (plugin.configs.strict as Linter.Config).rules as Linter.RulesRecord;
const only = (name: string): Linter.RulesRecord => ({ [rule(name)]: 'error' });

/** Growth of the rules' work from n to 4n (linear: about 4). The shape is first checked like any case at n. */
function growth(make: (n: number) => string, n: number, file = 'index.ts', rules: Linter.RulesRecord = strictRules): number {
  check(make(n), { file });
  const small = ruleWork(make(n), file, rules);
  const large = ruleWork(make(4 * n), file, rules);
  expect(small).toBeGreaterThan(0);
  return large / small;
}

/** 4× the input: linear work grows about 4×; quadratic work about 16×. */
const LINEAR = 6;

// ---------------------------------------------------------------------------------------------------------------

describe('files at the edge of what a file is, on every parser', () => {
  const EXTENSIONS = ['js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'mts', 'cts'];
  for (const ext of EXTENSIONS) {
    it(`.${ext}: empty, a BOM, white space, only comments, only a hashbang, a BOM and a hashbang`, () => {
      const file = `edge.${ext}`;
      expect(check('', { file })).toEqual([]);
      expect(check(BOM, { file })).toEqual([]);
      expect(check(' \n\t\r\n\u2028 ', { file })).toEqual([]);
      expect(check('/** @type {string} */\n// nothing here\n', { file })).toEqual([]);
      const comments = `// ${GH}\n/* ${STRIPE} */`;
      expect(linesOf(check(comments, { file }), 'no-hardcoded-secrets')).toEqual([1, 2]);
      // a hashbang alone, no line break after it
      expect(linesOf(check(`#!/usr/bin/env -S node --token=${SLACK}`, { file }), 'no-hardcoded-secrets')).toEqual([1]);
      const bomBang = `${BOM}#!/usr/bin/env node\n// ${NPM}\n`;
      expect(linesOf(check(bomBang, { file }), 'no-hardcoded-secrets')).toEqual([2]);
    });
  }

  it('a file that is only a directive prologue and a token in a trailing comment without a line break', () => {
    const m = check(`"use strict";\n'use client'; // ${SENDGRID}`, { file: 'prologue.js' });
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([2]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('one huge line', () => {
  /** A minified worker: 400,000 columns of code, then an OAuth configuration and a token in a string. */
  function minified(ts: boolean): string {
    const filler = Array.from({ length: 35_000 }, (_, i) => `a${i}=${i}`).join(',');
    const cast = ts ? ' as const' : '';
    return `import{Worker}from"@notionhq/workers";const worker=new Worker();export default worker;var ${filler};worker.oauth("gh",${CONFIG}${cast});const k="${STRIPE}";`;
  }
  for (const ts of [false, true]) {
    it(`a minified worker on one line (${ts ? '.ts' : '.js'}): every rule reports at line 1, past column 400,000`, () => {
      const code = minified(ts);
      expect(code.length).toBeGreaterThan(400_000);
      const m = check(code, { file: ts ? 'min.ts' : 'min.js' });
      for (const name of ['oauth-endpoints-https', 'no-broad-oauth-scopes', 'oauth-credentials-from-env', 'no-hardcoded-secrets']) {
        expect(linesOf(m, name).length, name).toBeGreaterThan(0);
        for (const msg of m.filter((x) => x.ruleId === rule(name))) {
          expect(msg.line).toBe(1);
          expect(msg.column).toBeGreaterThan(400_000);
        }
      }
      // the client secret (by its format) and the Stripe key
      expect(found(m, 'no-hardcoded-secrets')).toBe(2);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------

describe('directive comments holding tokens', () => {
  it('the reason of an eslint-disable-next-line: reported on the comment line, the next line stays disabled', () => {
    const code = `// eslint-disable-next-line worker-auth/no-hardcoded-secrets -- ${GH}\nconst demo = "${STRIPE}";\n`;
    const m = check(code);
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([1]);
  });

  it('the reason of an eslint-enable, and a /* global */ and /* exported */ comment naming a token', () => {
    const code = `/* eslint-enable worker-auth/no-hardcoded-secrets -- ${GH} */\n/* global ${NPM} */\n/* exported ${OPENAI} */\nexport const a = 1;\n`;
    const m = check(code, { file: 'globals.js' });
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([1, 2, 3]);
  });

  it('an inline /* eslint */ configuration whose allowValues hold the token: the value is allowed, by design', () => {
    const code = `/* eslint worker-auth/no-hardcoded-secrets: ["error", { allowValues: ["${GH}"] }] */\nconst a = "${GH}";\nconst b = "${STRIPE}";\n`;
    const m = check(code);
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([3]);
  });

  it('eslint-disable with a reason and no token: the disabled line is not reported, nothing else changes', () => {
    const code = `const a = "${GH}"; // eslint-disable-line worker-auth/no-hardcoded-secrets -- public demo key\nconst b = "${STRIPE}";\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([2]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('worker.oauth() reached through odd paths: every OAuth rule reports', () => {
  const shapes: Record<string, { code: string; file?: string }> = {
    'optional chaining on the worker and the call': { code: `${WORKER}worker?.oauth?.("gh", ${CONFIG});\n` },
    'an alias of the worker': { code: `${WORKER}const w = worker;\nw.oauth("gh", ${CONFIG});\n` },
    'export { worker as default }': { code: `import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport { worker as default };\nworker.oauth("gh", ${CONFIG});\n` },
    'export default new Worker().oauth(…)': { code: `import { Worker } from "@notionhq/workers";\nexport default new Worker().oauth("gh", ${CONFIG});\n` },
    'a namespace import': { code: `import * as W from "@notionhq/workers";\nconst worker = new W.Worker();\nworker.oauth("gh", ${CONFIG});\n` },
    'a renamed import, and Worker re-exported': { code: `export { Worker } from "@notionhq/workers";\nimport { Worker as NotionWorker } from "@notionhq/workers";\nconst worker = new NotionWorker();\nworker.oauth("gh", ${CONFIG});\n` },
    'require with destructuring (.cjs)': { code: `const { Worker } = require("@notionhq/workers");\nconst worker = new Worker();\nworker.oauth("gh", ${CONFIG});\n`, file: 'w.cjs' },
    'a dynamic import with top-level await (.mjs)': { code: `const { Worker } = await import("@notionhq/workers");\nconst worker = new Worker();\nworker.oauth("gh", ${CONFIG});\n`, file: 'w.mjs' },
    'a worker held in a class field': { code: `import { Worker } from "@notionhq/workers";\nclass App {\n  worker = new Worker();\n  setup() { this.worker.oauth("gh", ${CONFIG}); }\n}\nexport default App;\n` },
    'a Proxy around the worker': { code: `${WORKER}new Proxy(worker, {}).oauth("gh", ${CONFIG});\n` },
    'Reflect.apply': { code: `${WORKER}Reflect.apply(worker.oauth, worker, ["gh", ${CONFIG}]);\n` },
    'a bound oauth method': { code: `${WORKER}worker.oauth.bind(worker)("gh", ${CONFIG});\n` },
    'a worker made by a factory': { code: `import { Worker } from "@notionhq/workers";\nconst make = () => new Worker();\nconst worker = make();\nworker.oauth("gh", ${CONFIG});\n` },
    'configurations in an array, registered in a loop': { code: `${WORKER}[["gh", ${CONFIG}]].forEach(([k, c]) => worker.oauth(k, c));\n` },
    'a configuration returned by a function': { code: `${WORKER}function cfg() { return ${CONFIG}; }\nworker.oauth("gh", cfg());\n` },
    'a worker in an object, then destructured': { code: `import { Worker } from "@notionhq/workers";\nconst app = { worker: new Worker() };\nconst { worker } = app;\nworker.oauth("gh", ${CONFIG});\n` },
    'a worker imported from another module': { code: `import worker from "./worker";\nworker.oauth("gh", ${CONFIG});\n` },
    'a worker typed with a union, non-null asserted': { code: `import { Worker } from "@notionhq/workers";\nconst worker: Worker | undefined = new Worker();\nworker!.oauth("gh", ${CONFIG});\n` },
  };
  for (const [name, { code, file }] of Object.entries(shapes)) {
    it(name, () => {
      const m = check(code, { file });
      const line = lineOf(code, GSECRET);
      expect(linesOf(m, 'oauth-endpoints-https')).toEqual([line]);
      expect(linesOf(m, 'no-broad-oauth-scopes')).toEqual([line]);
      expect(linesOf(m, 'oauth-credentials-from-env')).toEqual([line, line]);
      expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([line]);
    });
  }

  it('spreads of spreads: each value reported where it is written, once', () => {
    const code = `${WORKER}const a = { scope: "repo admin:org" };\nconst b = { ...a, clientSecret: "${GSECRET}" };\nconst c = { ...b, ...{ ...{ name: "gh" } } };\nworker.oauth("gh", { ...c, ${GITHUB_ENDPOINTS} });\nworker.oauth("gh2", { ...c, name: "gh2", ${GITHUB_ENDPOINTS} });\n`;
    const m = check(code);
    expect(linesOf(m, 'no-broad-oauth-scopes')).toEqual([4, 4]);
    expect(linesOf(m, 'oauth-credentials-from-env')).toEqual([5]);
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([5]);
  });

  it('computed keys from constants: documented as unread (no guessing), the secret is still found by format', () => {
    const code = `${WORKER}const K = "clientSecret";\nconst S = "scope";\nworker.oauth("gh", { name: "gh", ${GITHUB_ENDPOINTS}, [S]: "repo", [K]: "${GSECRET}" });\n`;
    const m = check(code);
    expect(found(m, 'no-broad-oauth-scopes') + found(m, 'oauth-credentials-from-env')).toBe(0);
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([6]);
  });

  it('a getter as scope is not read; the secret next to it is', () => {
    const code = `${WORKER}worker.oauth("gh", { name: "gh", ${GITHUB_ENDPOINTS}, get scope() { return "repo"; }, clientSecret: "${GSECRET}" });\n`;
    const m = check(code);
    expect(found(m, 'no-broad-oauth-scopes')).toBe(0);
    expect(linesOf(m, 'oauth-credentials-from-env')).toEqual([4]);
  });

  it('a module.exports and an export default configuration object (espree and typescript-eslint)', () => {
    const body = `{ clientSecret: "${GENERIC}", authorizationURL: "http://github.com/login/oauth/authorize", tokenURL: "https://github.com/login/oauth/access_token", scope: ["repo", "delete_repo"] }`;
    const cjs = check(`module.exports = ${body};\n`, { file: 'cfg.cjs' });
    const ts = check(`export default ${body} satisfies object;\n`, { file: 'cfg.ts' });
    for (const m of [cjs, ts]) {
      expect(found(m, 'oauth-endpoints-https')).toBe(1);
      expect(found(m, 'no-broad-oauth-scopes')).toBe(2);
      expect(found(m, 'oauth-credentials-from-env')).toBe(1);
      expect(found(m, 'no-hardcoded-secrets')).toBe(1);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('process.env reached through odd paths', () => {
  it('global.process.env, globalThis["process"]["env"] and process["env"]: read, logged, with a hardcoded fallback', () => {
    const code = `const a = global.process.env.GITHUB_TOKEN ?? "${GH}";\nconsole.log(globalThis["process"]["env"].STRIPE_SECRET);\nconst b = process["env"].ACME_TOKEN ?? "${GENERIC}";\n`;
    const m = check(code, { file: 'globals.js' });
    expect(linesOf(m, 'env-example-in-sync')).toEqual([1, 2, 3]);
    expect(linesOf(m, 'no-logged-secrets')).toEqual([2]);
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([1, 3]);
    expect(m.find((x) => x.line === 3 && x.ruleId === rule('no-hardcoded-secrets'))?.message).toMatch(/fallback of `process\.env\.ACME_TOKEN`/);
  });

  it('a destructuring default that is itself an env read with a hardcoded fallback', () => {
    const code = `const { GITHUB_TOKEN = process.env.GH_TOKEN ?? "${GH}" } = process.env;\nconst { A: { B = "${STRIPE}" } = {} } = process.env;\n`;
    const m = check(code);
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([1, 2]);
    expect(m.find((x) => x.line === 1 && x.ruleId === rule('no-hardcoded-secrets'))?.message).toMatch(/fallback of `process\.env\.GH_TOKEN`/);
  });

  it('optional env reads and a template key with a generic fallback (.mts)', () => {
    const code = 'const a = process.env?.ACME_TOKEN ?? "' + GENERIC + '";\nconst b = process?.env?.[`ACME_KEY`] || `' + OPENAI + '`;\n';
    const m = check(code, { file: 'env.mts' });
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([1, 2]);
    expect(linesOf(m, 'env-example-in-sync')).toEqual([1, 2]);
  });

  it('import.meta.env destructured with a hardcoded default (.mjs)', () => {
    const code = `const { VITE_GITHUB_TOKEN = "${GH}" } = import.meta.env;\nexport default VITE_GITHUB_TOKEN;\n`;
    expect(linesOf(check(code, { file: 'vite.mjs' }), 'no-hardcoded-secrets')).toEqual([1]);
  });

  it('TS wrappers around the read itself (`as`, `!`, `satisfies`, `<T>`): read and logged', () => {
    const code = `console.log(<string>process.env.GITHUB_TOKEN);\nconsole.log(process.env.STRIPE_KEY as string);\nconsole.log(process.env.SLACK_TOKEN satisfies string | undefined);\nthrow new Error(process.env.NPM_TOKEN!);\n`;
    const m = check(code);
    expect(linesOf(m, 'no-logged-secrets')).toEqual([1, 2, 3, 4]);
    expect(linesOf(m, 'env-example-in-sync')).toEqual([1, 2, 3, 4]);
  });

  it('a `<T>` assertion around the read keeps a hardcoded OAuth fallback reported', () => {
    const code = `${WORKER}worker.oauth("gh", { name: "gh", ${GITHUB_ENDPOINTS}, scope: "read:user", clientId: process.env.GH_ID ?? "", clientSecret: (<string>process.env.GH_SECRET) ?? "${GSECRET}" });\n`;
    const m = check(code);
    expect(linesOf(m, 'oauth-credentials-from-env')).toEqual([4]);
    expect(m.find((x) => x.ruleId === rule('oauth-credentials-from-env'))?.message).toMatch(/falls back/);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('tokens cut, escaped or entity-encoded', () => {
  const every = (token: string, escape: (code: number) => string) => [...token].map((c) => escape(c.charCodeAt(0))).join('');

  it('a string line continuation inside the token (.js and .ts)', () => {
    const code = `const a = "${GH.slice(0, 10)}\\\n${GH.slice(10)}";\n`;
    expect(linesOf(check(code, { file: 'cont.js' }), 'no-hardcoded-secrets')).toEqual([1]);
    expect(linesOf(check(code, { file: 'cont.ts' }), 'no-hardcoded-secrets')).toEqual([1]);
  });

  it('every character written as \\u{…} or as \\x…', () => {
    const code = `const a = "${every(GH, (c) => `\\u{${c.toString(16)}}`)}";\nconst b = '${every(STRIPE, (c) => `\\x${c.toString(16).padStart(2, '0')}`)}';\n`;
    expect(linesOf(check(code, { file: 'esc.js' }), 'no-hardcoded-secrets')).toEqual([1, 2]);
  });

  it('every character of an attribute written as an HTML entity (.jsx and .tsx)', () => {
    const code = `export const V = () => <Map apiKey="${every(GH, (c) => `&#x${c.toString(16)};`)}" token="${every(GENERIC, (c) => `&#${c};`)}" />;\n`;
    expect(found(check(code, { file: 'ent.jsx' }), 'no-hardcoded-secrets')).toBe(2);
    expect(found(check(code, { file: 'ent.tsx' }), 'no-hardcoded-secrets')).toBe(2);
  });

  it('JSX text written wholly in numeric entities', () => {
    const code = `export const V = () => <p>${every(SLACK, (c) => `&#${c};`)}</p>;\n`;
    expect(linesOf(check(code, { file: 'text.jsx' }), 'no-hardcoded-secrets')).toEqual([1]);
  });

  it('String.raw through an alias and a bracket access: the token found (no rewrite offered for a tagged template)', () => {
    const code = 'const r = String.raw;\nconst a = r`\\n' + GH + '`;\nconst b = String["raw"]`\\n' + STRIPE + '`;\n';
    const m = check(code, { file: 'raw.js' });
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([2, 3]);
  });

  it('a token cut into two strings or two templates joined by +', () => {
    const code = `const a = "${GH.slice(0, 4)}" + "${GH.slice(4)}";\nconst b = \`${STRIPE.slice(0, 8)}\` + \`${STRIPE.slice(8)}\`;\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([1, 2]);
  });

  it('a token in a regular expression with a named group and the v flag', () => {
    const code = `const r = /(?<t>${NPM})/v;\nconst s = /^[\\p{L}--[a-z]]${OPENAI}$/v;\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([1, 2]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('TS-only and class syntax', () => {
  it('decorators on class expressions, parenthesised and member-chain decorators', () => {
    const code = `const C = @dec("${GH}") class {};\nconst D = @(dec("${STRIPE}")) class {};\n@a.b.c({ token: "${SLACK}" }) class E {}\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([1, 2, 3]);
  });

  it('a class decorator before `export` and before `export default`', () => {
    const code = `function Auth(_: string) { return (t: unknown) => t; }\n@Auth("${GH}")\nexport class A {}\n@Auth("${STRIPE}")\nexport default class B {}\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([2, 4]);
  });

  it('a literal type and a value of the same token: both reported, a rewrite only for the value', () => {
    const code = `let x: "${GH}" = "${GH}";\nfunction f<T extends "${SENDGRID}">(t: T) { return t; }\n`;
    const m = check(code);
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([1, 1, 2]);
    const withFix = m.filter((x) => x.ruleId === rule('no-hardcoded-secrets') && (x.suggestions ?? []).length > 0);
    expect(withFix.map((x) => [x.line, x.column])).toEqual([[1, lineColumn(code, GH, 2)]]);
  });

  it('generic secrets in private fields, a static private field and an auto-accessor', () => {
    const code = `class C {\n  #apiKey = "${GENERIC}";\n  static #clientSecret = "${GSECRET}";\n  accessor token = "${GENERIC}";\n}\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([2, 3, 4]);
  });

  it('enum members written as a template and a concatenation', () => {
    const code = `enum E { A = \`${GH}\`, B = "Bearer " + "${STRIPE}" }\n`;
    expect(found(check(code), 'no-hardcoded-secrets')).toBe(2);
  });
});

/** 1-based column of the `nth` occurrence of `needle` (1-based). */
function lineColumn(code: string, needle: string, nth: number): number {
  let at = -1;
  for (let i = 0; i < nth; i++) at = code.indexOf(needle, at + 1);
  return at - code.lastIndexOf('\n', at - 1);
}

// ---------------------------------------------------------------------------------------------------------------

describe('unicode look-alikes and invisible characters', () => {
  // A look-alike prefix is not the provider's token (the provider rejects it): it is not reported as one. The control
  // token on the next line is.
  it('a Cyrillic or fullwidth letter in the prefix is not the provider token; the real one next to it is', () => {
    const code = `export const b = "gh${CYRILLIC_ER}_${GH.slice(4)}";\nexport const c = "${FULLWIDTH_G}hp_${GH.slice(4)}";\nexport const d = "${NPM}";\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([3]);
  });

  it('a generic secret behind white space the language trims (space, tab, NBSP, BOM) is reported', () => {
    const code = `const clientSecret = " ${GENERIC}";\nconst apiKey = "${GENERIC}\\t";\nconst token = "${NBSP}${GENERIC}";\nconst secret = "${BOM}${GENERIC}";\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([1, 2, 3, 4]);
  });

  it('a provider token next to a zero-width space or a word joiner is reported', () => {
    const code = `const a = "${GH}${ZWSP}";\nconst b = "${WORD_JOINER}${STRIPE}";\nconst c = "\\u200b${SLACK}\\u200b";\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([1, 2, 3]);
  });

  it('look-alike and invisible characters in a localhost endpoint: the URL parser maps them to localhost (allowed)', () => {
    const hosts = [`\uFF4Cocalhost`, `localhost${ZWSP}`, 'LOCALHOST', '0x7f000001', '2130706433', '127.1', '0177.0.0.1', '[0:0:0:0:0:0:0:1]', 'foo.localhost'];
    for (const host of hosts) {
      const code = `${WORKER}worker.oauth("acme", { name: "acme", authorizationEndpoint: "http://${host}:8080/a", tokenEndpoint: "https://auth.acme.com/t", scope: "read" });\n`;
      expect(found(check(code), 'oauth-endpoints-https'), host).toBe(0);
    }
  });

  it('hosts that only look like loopback are reported', () => {
    const hosts = ['localhost.evil.example', '127.0.0.1.nip.io', 'localhost%2eevil.example', '0.0.0.0'];
    for (const host of hosts) {
      const code = `${WORKER}worker.oauth("acme", { name: "acme", authorizationEndpoint: "http://${host}/a", tokenEndpoint: "https://auth.acme.com/t", scope: "read" });\n`;
      expect(found(check(code), 'oauth-endpoints-https'), host).toBe(1);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('deep nesting: the parsers give up at 10,000; our rules never overflow at the depths they accept', () => {
  const SHAPES: [string, string, (n: number) => string, string][] = [
    ['parentheses around a token', 'js', (n) => `const k = ${'('.repeat(n)}"${GH}"${')'.repeat(n)};\n`, 'no-hardcoded-secrets'],
    ['nested arrays around a token', 'ts', (n) => `const k = ${'['.repeat(n)}"${GH}"${']'.repeat(n)};\n`, 'no-hardcoded-secrets'],
    ['a chain of ternaries ending in a token', 'js', (n) => `const k = ${'c ? "x" : '.repeat(n)}"${GH}";\n`, 'no-hardcoded-secrets'],
    ['a left-nested concatenation ending in a token', 'js', (n) => `const k = ${'"a" + '.repeat(n)}" ${GH}";\n`, 'no-hardcoded-secrets'],
    ['a chain of ?? env reads ending in a token', 'js', (n) => `const k = ${Array.from({ length: n }, (_, i) => `process.env.T${i}`).join(' ?? ')} ?? "${GH}";\n`, 'no-hardcoded-secrets'],
    ['a member chain called with a token', 'js', (n) => `const k = a${'.b'.repeat(n)}("${GH}");\n`, 'no-hardcoded-secrets'],
    ['an endpoint chain of ternaries with http: branches', 'js', (n) => `${WORKER}worker.oauth("k", { name: "k", authorizationEndpoint: ${Array.from({ length: n }, (_, i) => `c${i % 5} ? "http://h${i}.example.com/a" : `).join('')}"https://z.example.com/a", tokenEndpoint: "https://a.example.com/t", scope: "read" });\n`, 'oauth-endpoints-https'],
    ['nested JSX elements around a token attribute', 'tsx', (n) => `export const V = () => ${'<div>'.repeat(n)}<Map apiKey="${GH}" />${'</div>'.repeat(n)};\n`, 'no-hardcoded-secrets'],
    ['nested arrow functions returning a token', 'ts', (n) => `const f = ${'() => '.repeat(n)}"${GH}";\n`, 'no-hardcoded-secrets'],
  ];

  /** ESLint alone on `code`: its fatal message, its thrown error, or undefined when it lints. */
  function eslintAlone(code: string, options: Options): string | undefined {
    try {
      return fatalOf(code, options);
    } catch (error) {
      return `threw: ${(error as Error).message}`;
    }
  }

  for (const [name, ext, make, expected] of SHAPES) {
    it(`${name} (.${ext})`, () => {
      const options: Options = { file: `deep.${ext}` };
      // 10,000 deep: ESLint alone fails (its parser, or eslint-scope); with the rules it fails the same way, and
      // nothing of ours runs, throws or leaks
      const deep = make(10_000);
      const alone = eslintAlone(deep, options);
      expect(alone, 'ESLint alone copes with 10,000: the shape no longer tests the limit').toBeDefined();
      let withRules: string | undefined;
      try {
        const messages = debugging(() => linter.verify(deep, config(options, 'strict'), fileOf(options)));
        expect(messages.filter((m) => !m.fatal)).toEqual([]);
        withRules = messages.find((m) => m.fatal)?.message;
      } catch (error) {
        const e = error as Error;
        // not ours: no frame of the plugin's sources in the overflow
        expect(e.stack ?? '').not.toMatch(/[\\/](src|rules)[\\/][\w-]+\.ts/);
        withRules = `threw: ${e.message}`;
      }
      expect(withRules).toBe(alone);
      expect(leaks(withRules ?? '', TOKENS)).toEqual([]);
      // half the deepest of these depths that ESLint alone lints (the test's own frames and each suggestion's
      // re-parse run deeper in the stack): every rule runs there, debugging, and finds the value
      const depth = [4_000, 2_000, 1_000, 500, 250, 100].find((d) => eslintAlone(make(2 * d), options) === undefined);
      expect(depth, 'ESLint lints none of the depths').toBeDefined();
      const m = check(make(depth!), options);
      expect(found(m, expected)).toBeGreaterThan(0);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------

describe('suggestions: operator precedence and imports', () => {
  // every position a string can take in an expression: the suggestion's `process.env.X ?? ""` must keep parsing
  // (`??` may not be mixed with `||`/`&&` unparenthesised, and binds looser than member access)
  const JS_POSITIONS = [
    'T.length', 'T[0]', 'typeof T', '!T', 'T in o', 'a ? T : b', '-T', 'a || T', 'T || a', 'a && T', 'T && a', 'x ||= T', 'x &&= T', 'x ??= T',
    'T?.x', 'T instanceof X', '`${T}`', '(a, T)', 'T ** 2', 'new X(T)', 'void T', 'T.split("")', '(T)', 'T + 1', '1 + T', 'a ?? T', 'T ?? a',
    'async () => await T', 'a ? b : T || c', 'T`tag`.x',
  ];
  it(`${JS_POSITIONS.length} expression positions (.js): each reported, each rewrite parses`, () => {
    const code = JS_POSITIONS.map((e, i) => `let v${i} = ${e.replace('T', JSON.stringify(GH))};`).join('\n') + '\n';
    const m = check(code, { file: 'positions.js' });
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual(JS_POSITIONS.map((_, i) => i + 1));
  });

  const TS_POSITIONS = ['<any>T', 'T!', 'T satisfies string', '(T as any).x', 'f<"x">(T)', 'a || <string>T', 'a || (T as string)', 'a && T!', 'T! ?? a'];
  it(`${TS_POSITIONS.length} TS expression positions: each reported, each rewrite parses`, () => {
    const code = TS_POSITIONS.map((e, i) => `let w${i} = ${e.replace('T', JSON.stringify(STRIPE))};`).join('\n') + '\n';
    const m = check(code, { file: 'positions.ts' });
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual(TS_POSITIONS.map((_, i) => i + 1));
  });

  it('statements: case, for…of, super(), an arrow body, yield, a labelled expression, an if test', () => {
    const code = `switch (x) { case "${GH}": break; }\nfor (const c of "${STRIPE}") {}\nclass A extends B { constructor() { super("${SLACK}"); } }\nconst f = () => "${SENDGRID}";\nfunction* g() { yield "${NPM}"; }\nlabel: "${OPENAI}";\nif ("${GH}") {}\n`;
    expect(linesOf(check(code, { file: 'statements.js' }), 'no-hardcoded-secrets')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  function credentialSuggestion(code: string, file = 'index.ts'): string {
    const m = check(code, { file });
    const report = m.find((x) => x.ruleId === rule('prefer-credential-injection'));
    expect(report?.suggestions?.length).toBe(1);
    return applied(code, report!.suggestions![0]!);
  }

  it('prefer-credential-injection: CREDENTIAL_VALUE goes into the value import, not the `import type`', () => {
    const code = `import type { Capability } from "@notionhq/workers";\nimport { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n${FETCH_LINEAR}`;
    const fixed = credentialSuggestion(code);
    expect(fixed).toContain('import type { Capability } from "@notionhq/workers";');
    expect(fixed).toMatch(/import \{ Worker, CREDENTIAL_VALUE \} from "@notionhq\/workers";/);
  });

  it('prefer-credential-injection: an inline `type` specifier and a default import beside Worker', () => {
    const fixed = credentialSuggestion(`import sdk, { type Capability, Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n${FETCH_LINEAR}`);
    expect(fixed).toMatch(/import sdk, \{ type Capability, Worker, CREDENTIAL_VALUE \}/);
    expect(fixed).not.toContain('process.env.LINEAR_API_KEY');
  });

  it('prefer-credential-injection: an aliased CREDENTIAL_VALUE import is used by its alias', () => {
    const fixed = credentialSuggestion(`import { CREDENTIAL_VALUE as CV, Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n${FETCH_LINEAR}`);
    expect(fixed).toContain('`Bearer ${CV}`');
    expect(occurrences(fixed, 'CREDENTIAL_VALUE')).toBe(1);
  });

  it('prefer-credential-injection: a worker declared with another constant, in a .js file', () => {
    const fixed = credentialSuggestion(`import { Worker } from "@notionhq/workers";\nconst worker = new Worker(), other = 1;\nexport default worker;\n${FETCH_LINEAR}`, 'multi.js');
    expect(fixed).toMatch(/const worker = new Worker\(\), other = 1;\nworker\.credential\("LINEAR_API_KEY"/);
  });

  it('prefer-credential-injection: no worker constant in the file (export default new Worker()): reported, no suggestion', () => {
    const code = `import { Worker } from "@notionhq/workers";\nexport default new Worker();\n${FETCH_LINEAR}`;
    const m = check(code);
    expect(linesOf(m, 'prefer-credential-injection')).toEqual([3]);
    expect(suggestionTexts(m, 'prefer-credential-injection')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('endpoint URLs written oddly', () => {
  const endpoint = (url: string) =>
    `${WORKER}worker.oauth("acme", { name: "acme", authorizationEndpoint: ${JSON.stringify(url)}, tokenEndpoint: "https://auth.acme.com/token", scope: "read", clientId: process.env.A_ID ?? "", clientSecret: process.env.A_SECRET ?? "" });\n`;

  it('an upper-case HTTP scheme is reported, and the suggestion writes https:', () => {
    const m = check(endpoint('HTTP://auth.acme.com/a'));
    expect(linesOf(m, 'oauth-endpoints-https')).toEqual([4]);
    expect(suggestionTexts(m, 'oauth-endpoints-https')).toEqual(['https:']);
  });

  it('malformed or non-network URLs are reported (one slash, no slash, backslashes, javascript:, data:, file:)', () => {
    for (const url of ['https:/auth.acme.com/a', 'https:auth.acme.com/a', 'http:\\\\auth.acme.com\\a', 'javascript:alert(1)//https://a', 'data:text/html,https://x', 'file:///etc/passwd', 'http://localhost:99999/a']) {
      expect(found(check(endpoint(url)), 'oauth-endpoints-https'), url).toBe(1);
    }
  });

  it('user-info that looks like a loopback host: the credential and the real host are reported, the user-info masked', () => {
    const m = check(endpoint(`http://127.0.0.1:${GENERIC}@evil.example/a`), { secrets: [GENERIC] });
    expect(found(m, 'oauth-endpoints-https')).toBe(2);
    expect(m.some((x) => x.message.includes('evil.example'))).toBe(true);
  });

  it('a client secret in a query parameter named in another case or percent-encoded', () => {
    for (const name of ['CLIENT_SECRET', 'Client_Secret', 'client%5Fsecret', 'client%5fsecret']) {
      const m = check(endpoint(`https://auth.acme.com/a?${name}=${GENERIC}`), { secrets: [GENERIC] });
      expect(found(m, 'oauth-endpoints-https'), name).toBe(1);
    }
  });

  it('fragments and userinfo-like text after the host do not make an http: host loopback', () => {
    for (const url of ['http://evil.example#@localhost/a', 'http://evil.example?@localhost/a']) {
      const m = check(endpoint(url));
      expect(found(m, 'oauth-endpoints-https'), url).toBe(1);
      expect(m.find((x) => x.ruleId === rule('oauth-endpoints-https'))?.message).toContain('evil.example');
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('scope values written oddly', () => {
  const scoped = (scope: string) => `${WORKER}worker.oauth("gh", { name: "gh", ${GITHUB_ENDPOINTS}, scope: ${scope}, clientId: process.env.A_ID ?? "", clientSecret: process.env.A_SECRET ?? "" });\n`;

  it('separators other than one space: tab, line break, comma, comma and space, several spaces', () => {
    for (const scope of ['"read:user\\trepo"', '"read:user\\nrepo"', '"read:user,repo"', '"read:user, repo"', '"  repo  "']) {
      expect(found(check(scoped(scope)), 'no-broad-oauth-scopes'), scope).toBe(1);
    }
  });

  it('static array and string methods: concat, Array.of, join() and join(","), toString, String(), trim, filter, slice', () => {
    const forms = [
      '["read:user"].concat("repo").join(" ")',
      'Array.of("repo").join(" ")',
      '["read:user", "repo"].join()',
      '["read:user", "repo"].join(",")',
      '["repo"].toString()',
      'String(["repo", "read:user"])',
      '"repo".trim()',
      '["repo", "read:user"].filter(Boolean).join(" ")',
      '["read:user", "repo"].slice(1).join(" ")',
      '`${"repo"} read:user`',
    ];
    for (const scope of forms) expect(found(check(scoped(scope)), 'no-broad-oauth-scopes'), scope).toBe(1);
  });

  it('scope names are compared as written: `REPO` is not GitHub\'s `repo` (documented)', () => {
    expect(found(check(scoped('"REPO Repo"')), 'no-broad-oauth-scopes')).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('no-committed-env-files: a project whose .env is not ignored and whose .env.example holds tokens', () => {
  it('reports on the worker entry, values masked', () => {
    const code = `${WORKER}export const k = process.env.GITHUB_TOKEN ?? "";\n`;
    const dir = project('envproj', {
      'package.json': JSON.stringify({ name: 'e', dependencies: { '@notionhq/workers': '^0.9.2' } }),
      '.env': `GITHUB_TOKEN=${GH}\n`,
      '.env.example': `GITHUB_TOKEN=${STRIPE}\n# SLACK_BOT_TOKEN=${SLACK}\nNPM_TOKEN="${NPM}"\n`,
      'src/index.ts': code,
    });
    const m = check(code, { dir });
    expect(found(m, 'no-committed-env-files')).toBe(4);
    expect(found(m, 'env-example-in-sync')).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('work grows linearly (counted at n and 4n)', () => {
  const shapes: [string, (n: number) => string, number, string?][] = [
    ['one API key sent by n fetch calls (prefer-credential-injection)', (n) => WORKER + Array.from({ length: n }, (_, i) => `export async function f${i}() { return fetch("https://api.linear.app/graphql", { headers: { Authorization: \`Bearer \${process.env.LINEAR_API_KEY}\` } }); }`).join('\n') + '\n', 100],
    ['n properties of one config object, each logged', (n) => `const config = {\n${Array.from({ length: n }, (_, i) => `  k${i}: process.env.K${i}_TOKEN,`).join('\n')}\n};\n${Array.from({ length: n }, (_, i) => `console.log(config.k${i});`).join('\n')}\n`, 150],
    ['n aliases of process.env, each read', (n) => Array.from({ length: n }, (_, i) => `const e${i} = process.env;\nuse(e${i}.V${i});`).join('\n') + '\n', 150],
    ['n worker.oauth() calls spreading one base configuration', (n) => `${WORKER}const base = { ${GITHUB_ENDPOINTS}, scope: "repo", clientSecret: "${GSECRET}" };\n` + Array.from({ length: n }, (_, i) => `worker.oauth("k${i}", { ...base, name: "k${i}" });`).join('\n') + '\n', 100],
    ['n header constants carrying one key', (n) => `${WORKER}const key = process.env.ACME_API_KEY;\n` + Array.from({ length: n }, (_, i) => `const h${i} = { Authorization: \`Bearer \${key}\` };\nfetch("https://api.acme.dev/x", { headers: h${i} });`).join('\n') + '\n', 100],
    ['n env reads with generic fallbacks', (n) => Array.from({ length: n }, (_, i) => `const a${i} = process.env.A${i}_TOKEN ?? "${GENERIC.slice(0, -3)}${String(i).padStart(3, '0')}";`).join('\n') + '\n', 100],
    ['n disabled tokens, each after an eslint-disable-next-line', (n) => Array.from({ length: n }, (_, i) => `// eslint-disable-next-line worker-auth/no-hardcoded-secrets -- demo ${i}\nconst a${i} = "${GH}";`).join('\n') + '\n', 100],
    ['n JSX attributes each holding an entity and a token', (n) => `export const V = () => <Map ${Array.from({ length: n }, (_, i) => `a${i}="&amp;${GH}"`).join(' ')} />;\n`, 60, 'many.tsx'],
    ['a client secret after a chain of n ?? env reads', (n) => `${WORKER}worker.oauth("gh", { name: "gh", ${GITHUB_ENDPOINTS}, scope: "read:user", clientSecret: ${Array.from({ length: n }, (_, i) => `process.env.S${i}`).join(' ?? ')} ?? "${GSECRET}" });\n`, 100],
    ['n functions each throwing an Error with one token constant', (n) => `const t = process.env.GITHUB_TOKEN;\n` + Array.from({ length: n }, (_, i) => `export function f${i}() { throw new Error(\`x \${t}\`); }`).join('\n') + '\n', 100],
  ];
  for (const [name, make, n, file] of shapes) {
    it(name, () => {
      expect(growth(make, n, file)).toBeLessThan(LINEAR);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------

describe('gaps found by the held-out set, fixed', () => {
  // `<T>expr` is TS's other spelling of `expr as T`: `(process.env as any).X` is a read (listed, logged), the
  // `<any>` form is not seen by env-example-in-sync, no-logged-secrets nor prefer-credential-injection.
  it('`(<any>process.env).X` is an env read: listed by env-example-in-sync and reported when logged', () => {
    const code = `console.log((<any>process.env).STRIPE_SECRET);\nconst e = <NodeJS.ProcessEnv>process.env;\nconsole.log(e.SLACK_TOKEN);\n`;
    const m = check(code);
    expect(linesOf(m, 'no-logged-secrets')).toEqual([1, 3]);
    expect(linesOf(m, 'env-example-in-sync')).toEqual([1, 3]);
  });

  it('`(<any>process.env).KEY` sent only as a header is reported by prefer-credential-injection', () => {
    const code = `${WORKER}export async function f() { return fetch("https://api.linear.app/graphql", { headers: { Authorization: \`Bearer \${(<any>process.env).LINEAR_API_KEY}\` } }); }\n`;
    expect(linesOf(check(code), 'prefer-credential-injection')).toEqual([4]);
  });

  // A generic secret is reported as the fallback of `process.env.X ?? "…"` (also `process["env"].X`); the same
  // fallback is silent once the read is wrapped (`as string`, `!`, `?.trim()`), read through
  // `const env = process.env` or through `globalThis.process.env`, all of which the env rules treat as reads.
  it('a generic secret as the fallback of `(process.env.X as string)` is reported', () => {
    const code = `const b = (process.env.ACME_TOKEN as string) ?? "${GENERIC}";\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([1]);
  });

  it('a generic secret as the fallback of an env read through an alias (`env.X ?? "…"`) is reported', () => {
    const code = `const env = process.env;\nconst b = env.ACME_TOKEN ?? "${GENERIC}";\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([2]);
  });

  it('a generic secret as the fallback of `globalThis.process.env.X` (or `global.process.env.X`) is reported', () => {
    const code = `const a = globalThis.process.env.ACME_TOKEN ?? "${GENERIC}";\nconst b = global.process.env.ACME_KEY ?? "${GENERIC}";\n`;
    const m = check(code, { file: 'global.js' });
    expect(linesOf(m, 'env-example-in-sync')).toEqual([1, 2]);
    expect(linesOf(m, 'no-hardcoded-secrets')).toEqual([1, 2]);
  });

  // The message and the suggestion name `process.env.GITHUB_TOKEN` for a fallback of `import.meta.env.GITHUB_TOKEN`:
  // the user is told to look for code that is not there.
  it('the fallback of an import.meta.env read is named as written', () => {
    const code = `export const a = import.meta.env.GITHUB_TOKEN ?? "${GH}";\n`;
    const m = check(code, { file: 'meta.mjs' });
    const report = m.find((x) => x.ruleId === rule('no-hardcoded-secrets'));
    expect(report?.message).toContain('import.meta.env.GITHUB_TOKEN');
  });

  // A zero-width space is invisible in editors and diffs; the value around it is the whole secret. Leading or
  // trailing white space the language trims is tolerated (see above), and a provider token next to a zero-width
  // space is reported; a generic secret in a secret-named position with one at its edge is not.
  it('a generic secret with a zero-width space at its start or end, in a secret-named position, is reported', () => {
    const code = `const clientSecret = "${ZWSP}${GENERIC}";\nconst apiKey = "${GENERIC}\\u200b";\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([1, 2]);
  });

  // The suggestion adds `CREDENTIAL_VALUE` to the import although the module already declares that name: the
  // result does not parse in JavaScript (a redeclaration) and does not compile in TypeScript. Expected: an alias
  // (`CREDENTIAL_VALUE as …`), or no suggestion.
  it('prefer-credential-injection: a local CREDENTIAL_VALUE constant (.js): the applied suggestion parses', () => {
    check(`import { Worker } from "@notionhq/workers";\nconst CREDENTIAL_VALUE = "x";\nconst worker = new Worker();\nexport default worker;\n${FETCH_LINEAR}`, { file: 'shadow.js' });
  });

  it('prefer-credential-injection: a local function CREDENTIAL_VALUE (.mjs): the applied suggestion parses', () => {
    check(`import { Worker } from "@notionhq/workers";\nfunction CREDENTIAL_VALUE() {}\nconst worker = new Worker();\nexport default worker;\n${FETCH_LINEAR}`, { file: 'shadow.mjs' });
  });

  // The credential is already declared with worker.credential(); the suggestion declares it a second time.
  // Expected: the suggestion only drops the header (or the report says the credential is already declared).
  it('prefer-credential-injection: a credential already declared is not declared again', () => {
    const code = `import { CREDENTIAL_VALUE, Worker } from "@notionhq/workers";\nconst worker = new Worker();\nworker.credential("LINEAR_API_KEY", { network: [{ domain: "api.linear.app", transform: [{ headers: { Authorization: \`Bearer \${CREDENTIAL_VALUE}\` } }] }] });\nexport default worker;\n${FETCH_LINEAR}`;
    const m = check(code);
    for (const report of m.filter((x) => x.ruleId === rule('prefer-credential-injection'))) {
      for (const s of report.suggestions ?? []) expect(occurrences(applied(code, s), 'worker.credential("LINEAR_API_KEY"')).toBe(1);
    }
  });

  // Messages mask a worker (or CREDENTIAL_VALUE alias) named after a token, and no suggestion is offered when the
  // env name holds one (docs/security.md); the inserted worker.credential() call still writes the name in full.
  // Expected: no suggestion, as for a token-named env variable.
  it('prefer-credential-injection: a worker constant named after a token is not copied by the suggestion', () => {
    check(`import { Worker } from "@notionhq/workers";\nconst ${GH} = new Worker();\nexport default ${GH};\n${FETCH_LINEAR}`);
  });

  it('prefer-credential-injection: a CREDENTIAL_VALUE alias named after a token is not copied by the suggestion', () => {
    check(`import { Worker, CREDENTIAL_VALUE as ${NPM} } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n${FETCH_LINEAR}`);
  });

  // The URL parser reads `\` as `/` in http: URLs, so the host of `http://evil.example\@localhost/a` is
  // evil.example. The report fires, but its message names `http://localhost/a`: a loopback URL, which the rule
  // allows, as the reason.
  it('oauth-endpoints-https: `http://evil.example\\@localhost/a` is named by its real host', () => {
    const code = `${WORKER}worker.oauth("acme", { name: "acme", authorizationEndpoint: "http://evil.example\\\\@localhost/a", tokenEndpoint: "https://auth.acme.com/t", scope: "read" });\n`;
    const m = check(code);
    expect(found(m, 'oauth-endpoints-https')).toBe(1);
    expect(m.find((x) => x.ruleId === rule('oauth-endpoints-https'))?.message).toContain('evil.example');
  });

  // `wss:` is TLS: the report is right (the SDK needs https:), its reason ("would cross the network unencrypted") is not.
  it('oauth-endpoints-https: a wss: endpoint is not called unencrypted', () => {
    const code = `${WORKER}worker.oauth("acme", { name: "acme", authorizationEndpoint: "wss://auth.acme.com/a", tokenEndpoint: "https://auth.acme.com/t", scope: "read" });\n`;
    const m = check(code);
    expect(found(m, 'oauth-endpoints-https')).toBe(1);
    expect(m.find((x) => x.ruleId === rule('oauth-endpoints-https'))?.message).not.toMatch(/unencrypted/);
  });

  // Endpoints have every branch of a conditional checked ("each of them checked, and reported where it is
  // written"); scopes are not: a broad scope in one branch (or a conditional spread) ships with that deployment.
  it('no-broad-oauth-scopes: a broad scope in one branch of a conditional is reported', () => {
    const code = `${WORKER}worker.oauth("gh", { name: "gh", ${GITHUB_ENDPOINTS}, scope: admin ? "repo admin:org" : "read:user" });\n`;
    expect(found(check(code), 'no-broad-oauth-scopes')).toBe(2);
  });

  it('no-broad-oauth-scopes: a broad scope in a conditional spread of the scope array is reported', () => {
    const code = `${WORKER}worker.oauth("gh", { name: "gh", ${GITHUB_ENDPOINTS}, scope: ["read:user", ...(admin ? ["repo"] : [])].join(" ") });\n`;
    expect(found(check(code), 'no-broad-oauth-scopes')).toBe(1);
  });

  // `"a b".split(" ")` is as static as `["a", "b"]` (and `.join()`, `.concat()`, `Array.of()` are read).
  it('no-broad-oauth-scopes: scopes given as `"…".split(" ")` are read', () => {
    const code = `${WORKER}worker.oauth("gh", { name: "gh", ${GITHUB_ENDPOINTS}, scope: "repo admin:org".split(" ") });\n`;
    expect(found(check(code), 'no-broad-oauth-scopes')).toBe(2);
  });

  // A config module destructuring many env variables: each logged variable looks its key up by scanning the whole
  // pattern, and rebuilds the env reads of the whole declaration (`patternKeyOf`, `envReadsOf` per reference).
  it('no-logged-secrets: n env variables destructured in one declaration and each logged (n = 300 vs 1,200)', () => {
    const make = (n: number) => `const {\n${Array.from({ length: n }, (_, i) => `  V${i}_TOKEN,`).join('\n')}\n} = process.env;\n${Array.from({ length: n }, (_, i) => `console.log(V${i}_TOKEN);`).join('\n')}\n`;
    expect(growth(make, 300, 'index.ts', only('no-logged-secrets'))).toBeLessThan(LINEAR);
  });

  // prefer-credential-injection looks each destructured variable up in `getDeclaredVariables(declarator)` (every
  // name of the declaration) with `.find`: n names, n lookups of n.
  it('prefer-credential-injection: n env variables destructured in one declaration (n = 300 vs 1,200)', () => {
    const make = (n: number) => `const {\n${Array.from({ length: n }, (_, i) => `  V${i}_TOKEN,`).join('\n')}\n} = process.env;\n${Array.from({ length: n }, (_, i) => `use(V${i}_TOKEN);`).join('\n')}\n`;
    expect(growth(make, 300, 'index.ts', only('prefer-credential-injection'))).toBeLessThan(LINEAR);
  });

  // `${"…"}` substitutions of literals are as static as `"…" + "…"`, which is read as one value: a token cut by an
  // empty or literal substitution (to dodge a scanner, or by a formatter) was silent. Such a template is now read as
  // the value it builds (`literalTemplateLeaves`), in the rule and in the codemod.
  it('a token cut by a literal template substitution is reported', () => {
    const code = `const a = \`${GH.slice(0, 10)}\${""}${GH.slice(10)}\`;\nconst b = \`\${"${STRIPE.slice(0, 8)}"}${STRIPE.slice(8)}\`;\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([1, 2]);
  });
});

describe('known gaps', () => {
  // ESLint drops every report inside a disabled range, and these directives disable their own line (or, for the
  // block form, everything after their start): a token in the reason is silent, while docs/security.md says
  // no-hardcoded-secrets reports one written there (it does for eslint-disable-next-line) and the SARIF formatter
  // copies the reason into suppressions[].justification. Expected: reported (e.g. at a location ESLint does not
  // disable), or the docs narrowed to the forms where it is.
  it.fails('a token in the reason of an eslint-disable-line comment is reported', () => {
    const code = `const a = 1; // eslint-disable-line worker-auth/no-hardcoded-secrets -- ${GH}\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([1]);
  });

  it.fails('a token in the reason of a block eslint-disable of the rule is reported', () => {
    const code = `/* eslint-disable worker-auth/no-hardcoded-secrets -- ${GH} */\nexport const a = 1;\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([1]);
  });

  it.fails('a token in the reason of an eslint-disable of every rule is reported', () => {
    const code = `/* eslint-disable -- ${GH} */\nexport const a = 1;\n`;
    expect(linesOf(check(code), 'no-hardcoded-secrets')).toEqual([1]);
  });

  // ESLint's own check of an inline `/* eslint … */` rule configuration prints the options it rejects, under our rule
  // id: a misspelt option next to allowValues shows the whole value. docs/security.md lists this for config files;
  // an inline comment is one more route to the same message. Expected: no token in any message.
  it.fails('an inline /* eslint */ configuration with a misspelt option does not print the allowValues token', () => {
    const code = `/* eslint worker-auth/no-hardcoded-secrets: ["error", { allowValue: ["${GH}"] }] */\nexport const a = 1;\n`;
    check(code);
  });

});
