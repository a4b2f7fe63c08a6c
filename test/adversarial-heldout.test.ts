/**
 * Held-out adversarial inputs (not covered by test/adversarial.test.ts or bench/adversarial.mjs). Each test asserts
 * the correct behaviour, so it fails while the problem it names exists:
 *
 * - leaks: a token that `no-hardcoded-secrets` itself reports (masked) is printed whole by another message: as an env
 *   name (`process.env["<token>"]`), a `worker.oauth()` key, or the host/port of an OAuth endpoint;
 * - a crash: `prefer-credential-injection` builds a suggestion whose fixes overlap (ESLint throws);
 * - super-linear work, counted (not timed: the machine is shared) at n and 4n: `staticValue` in
 *   src/workers/values.ts, `bindingOf` in rules/no-logged-secrets.ts, `reportFinding` in
 *   rules/no-broad-oauth-scopes.ts;
 * - suggestions that leave part of a token in the code or do not parse (escapes and JSX entities).
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
import { jsxEntityOffsets } from '../src/ast/sites.js';
import { cookedToSourceOffsets } from '../src/ast/strings.js';
import { maskSecretsIn } from '../src/create-rule.js';
import { fakeToken } from './support/fake-tokens.js';

const GH = fakeToken('github-classic-pat', 3);
const STRIPE = fakeToken('stripe-secret-key', 4);
const TOKENS = [GH, STRIPE];

const root = mkdtempSync(join(tmpdir(), 'wa-heldout-'));
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

function lint(code: string, options: { file?: string; set?: 'recommended' | 'all'; parser?: Linter.Parser } = {}): Linter.LintMessage[] {
  const file = join(PROJECT, 'src', options.file ?? 'index.ts');
  const config: Linter.Config[] = [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: options.parser ?? tsParser } },
    { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    plugin.configs[options.set ?? 'all'],
  ];
  const messages = linter.verify(code, config, file);
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`does not parse: ${fatal.message}`);
  return messages;
}

/** Every text a finding shows: message and suggestion descriptions. */
function shownTexts(messages: readonly Linter.LintMessage[]): string[] {
  return messages.flatMap((m) => [m.message, ...(m.suggestions ?? []).map((s) => s.desc)]);
}

/** True when `text` holds an 8-character run of the random part of a token (case-insensitively). */
function leaks(text: string, token: string): boolean {
  const body = token.slice(-20).toLowerCase();
  const lower = text.toLowerCase();
  for (let i = 0; i + 8 <= body.length; i++) if (lower.includes(body.slice(i, i + 8))) return true;
  return false;
}

function expectNoLeak(messages: readonly Linter.LintMessage[]): void {
  for (const text of shownTexts(messages)) for (const token of TOKENS) expect(leaks(text, token), text).toBe(false);
}

const WORKER = `import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n`;
const GITHUB_ENDPOINTS = 'authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token"';

describe('no secret in any message or suggestion description', () => {
  it('a token used as the name of an env read (it is reported masked as a secret, and must not be shown elsewhere)', () => {
    const messages = lint(`export const a = process.env["${GH}"] ?? "";`);
    // the detector sees the token (masked report) …
    expect(messages.some((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets')).toBe(true);
    // … and env-example-in-sync prints it whole as `process.env.<token>` and as the line to add to .env.example
    expectNoLeak(messages);
  });

  it('a token destructured from process.env', () => {
    expectNoLeak(lint(`export const { "${GH}": a } = process.env;`));
  });

  it('the hardcoded fallback of an env read whose name is a token (no-hardcoded-secrets message and suggestion desc)', () => {
    const messages = lint(`export const a = process.env["${GH}"] ?? "${STRIPE}";`, { set: 'recommended' });
    // a name that is itself a secret names no env variable: the value is reported as a hardcoded secret of its own
    // (to be read from its provider's name), not as the fallback of a variable named by the token
    expect(messages.some((m) => m.messageId === 'hardcodedSecret')).toBe(true);
    expect(messages.some((m) => m.messageId === 'hardcodedFallback')).toBe(false);
    expectNoLeak(messages.filter((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets'));
  });

  it('a token as the key of worker.oauth() (oauth-credentials-from-env names the configuration by it)', () => {
    const code = `${WORKER}worker.oauth("${GH}", { name: "gh", ${GITHUB_ENDPOINTS}, scope: "read:user", clientId: process.env.GH_ID ?? "", clientSecret: "${STRIPE}" });`;
    expectNoLeak(lint(code, { set: 'recommended' }));
  });

  it.each([
    ['the host', `http://${GH}.example.com/\${path}`],
    ['the port', `http://api.example.com:${GH}/\${path}`],
  ])('a token in %s of an OAuth endpoint with a run-time part (oauth-endpoints-https shows scheme and host unmasked)', (_, url) => {
    const code = `${WORKER}const path = process.env.AUTH_PATH;\nworker.oauth("gh", { name: "gh", authorizationEndpoint: \`${url}\`, tokenEndpoint: "https://github.com/login/oauth/access_token", scope: "read:user", clientId: process.env.GH_ID ?? "", clientSecret: process.env.GH_SECRET ?? "" });`;
    const messages = lint(code, { set: 'recommended' });
    expect(messages.some((m) => m.ruleId === 'worker-auth/oauth-endpoints-https')).toBe(true);
    expectNoLeak(messages);
  });

  it('a token in the host of a static http: OAuth endpoint (the URL parser lower-cases it, so the detector no longer masks it)', () => {
    const code = `${WORKER}worker.oauth("gh", { name: "gh", authorizationEndpoint: "http://${GH}.example.com/auth", tokenEndpoint: "https://github.com/login/oauth/access_token", scope: "read:user", clientId: process.env.GH_ID ?? "", clientSecret: process.env.GH_SECRET ?? "" });`;
    expectNoLeak(lint(code, { set: 'recommended' }));
  });
});

describe('no crash', () => {
  it.each([
    ['a template', '', `{ Authorization: \`Bearer \${process.env.ACME_API_KEY}\`, authorization: \`Bearer \${process.env.ACME_API_KEY}\` }`],
    ['a const', 'const key = process.env.ACME_API_KEY;\n', `{ Authorization: key, Authorization: key }`],
  ])('prefer-credential-injection: the same credential header written twice in one headers object (%s)', (_, declaration, headers) => {
    const code = `${WORKER}${declaration}export const q = () => fetch("https://api.acme.dev/v1", { headers: ${headers} });`;
    // today: "Fix objects must not be overlapped in a report." (two adjacent property removals share the comma)
    for (const file of ['index.ts', 'index.js']) expect(() => lint(code, { file })).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Work counted at n and 4n: linear work grows ~4×, quadratic ~16×
// ---------------------------------------------------------------------------------------------------------------

/** typescript-eslint's parser, counting reads of `scope.block` (eslint-utils' getInnermostScope reads one per child scope it tries). */
function countingParser(counter: { blockReads: number; readOnlyCalls: number }): Linter.Parser {
  return {
    meta: { name: 'counting-ts-parser' },
    parseForESLint(code: string, options?: unknown) {
      const result = (tsParser as unknown as { parseForESLint: (c: string, o?: unknown) => Record<string, unknown> }).parseForESLint(code, options);
      const manager = result.scopeManager as { scopes: { block: unknown; references: { isReadOnly: () => boolean }[] }[] };
      for (const scope of manager.scopes) {
        const block = scope.block;
        Object.defineProperty(scope, 'block', {
          configurable: true,
          get: () => {
            counter.blockReads++;
            return block;
          },
        });
        for (const ref of scope.references) {
          const original = ref.isReadOnly.bind(ref);
          ref.isReadOnly = () => {
            counter.readOnlyCalls++;
            return original();
          };
        }
      }
      return result;
    },
  } as unknown as Linter.Parser;
}

function countAt(make: (n: number) => string, n: number, key: 'blockReads' | 'readOnlyCalls', set: 'recommended' | 'all' = 'recommended'): number {
  const counter = { blockReads: 0, readOnlyCalls: 0 };
  lint(make(n), { parser: countingParser(counter), set });
  return counter[key];
}

describe('linear work', () => {
  it('OAuth values that are imported names, among thousands of top-level functions (staticValue looks them up from the global scope)', () => {
    // every unresolvable identifier goes to getStaticValue(node, globalScope) → findVariable(globalScope, node) →
    // getInnermostScope: a scan of every child scope of the module scope, per lookup
    const make = (n: number): string =>
      `${WORKER}import { S } from "./scopes";\n${Array.from({ length: n }, (_, i) => `function f${i}() {}`).join('\n')}\nworker.oauth("gh", { name: "gh", ${GITHUB_ENDPOINTS}, scope: [${Array.from({ length: n }, () => 'S').join(', ')}], clientId: process.env.GH_ID ?? "", clientSecret: process.env.GH_SECRET ?? "" });`;
    const one = countAt(make, 500, 'blockReads');
    const four = countAt(make, 2000, 'blockReads');
    expect(four / one).toBeLessThan(6);
  });

  it('the same constant logged thousands of times (no-logged-secrets checks every reference of it per log call)', () => {
    const make = (n: number): string => `const token = process.env.API_TOKEN;\n${'console.log(token);\n'.repeat(n)}`;
    const one = countAt(make, 500, 'readOnlyCalls');
    const four = countAt(make, 2000, 'readOnlyCalls');
    expect(four / one).toBeLessThan(6);
  });

  it('thousands of broad scopes in one template literal (no-broad-oauth-scopes scans the whole template and every scope per finding)', () => {
    const make = (n: number): string =>
      `${WORKER}const x = process.env.EXTRA_SCOPE;\nworker.oauth("gh", { name: "gh", ${GITHUB_ENDPOINTS}, scope: \`${Array.from({ length: n }, () => 'admin:org ${x}').join(' ')}\`, clientId: process.env.GH_ID ?? "", clientSecret: process.env.GH_SECRET ?? "" });`;
    const original = SourceCode.prototype.getCommentsInside;
    const scanned = { chars: 0 };
    SourceCode.prototype.getCommentsInside = function (this: SourceCode, node) {
      scanned.chars += node.range![1] - node.range![0];
      return original.call(this, node);
    };
    try {
      const at = (n: number): number => {
        scanned.chars = 0;
        const messages = lint(make(n), { set: 'recommended' });
        expect(messages.filter((m) => m.ruleId === 'worker-auth/no-broad-oauth-scopes')).toHaveLength(n);
        return scanned.chars;
      };
      const one = at(250);
      const four = at(1000);
      // no such comparison at all is linear too
      expect(four).toBeLessThanOrEqual(6 * Math.max(one, 1));
    } finally {
      SourceCode.prototype.getCommentsInside = original;
    }
  });

  it('thousands of broad scopes in one array (no-broad-oauth-scopes compares every scope with the suggestion, per finding)', () => {
    const make = (n: number): string =>
      `${WORKER}worker.oauth("gh", { name: "gh", ${GITHUB_ENDPOINTS}, scope: [${Array.from({ length: n }, () => '"admin:org"').join(', ')}], clientId: process.env.GH_ID ?? "", clientSecret: process.env.GH_SECRET ?? "" });`;
    const original = Array.prototype.some;
    const visited = { items: 0 };
    // counts the items of every `.some()` over a list of located scopes (objects with `scope` and `exact`)
    Array.prototype.some = function (this: unknown[], ...args: Parameters<typeof original>) {
      const first = this[0] as { scope?: unknown; exact?: unknown } | undefined;
      if (first && typeof first === 'object' && typeof first.scope === 'string' && typeof first.exact === 'boolean') visited.items += this.length;
      return original.apply(this, args);
    } as typeof original;
    try {
      const at = (n: number): number => {
        visited.items = 0;
        lint(make(n), { set: 'recommended' });
        return visited.items;
      };
      const one = at(250);
      const four = at(1000);
      // no such comparison at all is linear too
      expect(four).toBeLessThanOrEqual(6 * Math.max(one, 1));
    } finally {
      Array.prototype.some = original;
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Suggestions: the rewritten code holds no part of the token and still parses
// ---------------------------------------------------------------------------------------------------------------

function applySuggestion(code: string, message: Linter.LintMessage): string {
  const fix = message.suggestions?.[0]?.fix;
  if (!fix) throw new Error('no suggestion');
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

describe('suggestions of no-hardcoded-secrets around escapes and entities', () => {
  it.each([
    ['a legacy octal escape \\101 (sloppy script)', `var s = "\\101 ${GH} tail";`],
    ['a legacy octal escape \\400 (two digits, then a digit)', `var s = "\\400 ${GH} tail";`],
  ])('%s before the token, in a .cjs file: the token is reported at its own columns and the rewrite parses', (_, code) => {
    const messages = lint(code, { file: 'index.cjs', set: 'recommended' }).filter((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets');
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(code.split('\n')[m.line - 1]!.slice(m.column - 1, m.endColumn! - 1)).toBe(GH);
    const fixed = applySuggestion(code, m);
    expect(leaks(fixed, GH)).toBe(false);
    expect(fixed.includes(GH[0]! + '${')).toBe(false);
    // a template literal takes no octal escape: the rewrite must still parse
    expect(linter.verify(fixed, [{ languageOptions: { sourceType: 'commonjs' } }], join(PROJECT, 'src', 'index.cjs')).filter((x) => x.fatal)).toEqual([]);
  });

  it('HTML entities before the token in a JSX attribute (.tsx): reported at its own columns, the rewrite removes all of it', () => {
    const code = `export const A = () => <a title="&amp;&amp;&amp; ${GH} tail" />;`;
    const messages = lint(code, { file: 'index.tsx', set: 'recommended' }).filter((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets');
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(code.slice(m.column - 1, m.endColumn! - 1)).toBe(GH);
    expect(leaks(applySuggestion(code, m), GH)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The pieces behind the fixes above, each against its definition
// ---------------------------------------------------------------------------------------------------------------

describe('offset maps and rewrites behind the suggestions', () => {
  it('cookedToSourceOffsets reads legacy octal escapes as the language does (three digits from \\0–\\3, two from \\4–\\7)', () => {
    for (const [raw, cooked] of [
      ['\\101x', 'Ax'],
      ['\\400x', ' 0x'],
      ['\\777', '?7'],
      ['\\08', '\u00008'],
      ['\\3777', '\u00ff7'],
    ] as const) {
      expect((0, eval)(`"${raw}"`), raw).toBe(cooked);
      const map = cookedToSourceOffsets(raw);
      expect(map, raw).toHaveLength(cooked.length + 1);
      // the last cooked character is the last source character when it is not part of an escape
      if (!raw.endsWith('7') || raw === '\\3777') expect(raw[map[cooked.length - 1]!]).toBe(cooked[cooked.length - 1]);
    }
  });

  it('jsxEntityOffsets maps each decoded character of a JSX attribute to its entity or character', () => {
    const content = 'a&amp;b&#65;c&#x1F600;d&unknown;e';
    const value = 'a&bAc\u{1F600}d&unknown;e';
    const map = jsxEntityOffsets(content, value);
    expect(map).toHaveLength(value.length + 1);
    expect(map.slice(0, 5)).toEqual([0, 1, 6, 7, 12]);
    expect(content[map[value.indexOf('d')]!]).toBe('d');
    expect(content.slice(map[value.indexOf('&unknown;')]!, map[value.indexOf('&unknown;')]! + 9)).toBe('&unknown;');
    expect(map[value.length]).toBe(content.length);
  });

  it('maskSecretsIn masks what the detector finds and leaves other text alone', () => {
    expect(maskSecretsIn(`process.env.${GH}`)).not.toContain(GH.slice(4, 20));
    expect(maskSecretsIn(`process.env.${GH}`)).toMatch(/^process\.env\.ghp_…/);
    expect(maskSecretsIn('GITHUB_TOKEN')).toBe('GITHUB_TOKEN');
    expect(maskSecretsIn('https://api.github.com/user')).toBe('https://api.github.com/user');
  });

  it('prefer-credential-injection: the suggestion for a header written twice removes both and parses', () => {
    const code = `${WORKER}export const q = () => fetch("https://api.acme.dev/v1", { headers: { Authorization: \`Bearer \${process.env.ACME_API_KEY}\`, authorization: \`Bearer \${process.env.ACME_API_KEY}\` } });`;
    const message = lint(code).find((m) => m.ruleId === 'worker-auth/prefer-credential-injection');
    expect(message?.suggestions?.length).toBe(1);
    const fix = message!.suggestions![0]!.fix;
    const fixed = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
    const call = fixed.slice(fixed.indexOf('export const q'));
    expect(call).not.toMatch(/authorization/i);
    expect(call).not.toContain('process.env');
    expect(fixed).toContain('worker.credential("ACME_API_KEY"');
    expect(linter.verify(fixed, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }], join(PROJECT, 'src', 'index.ts')).filter((x) => x.fatal)).toEqual([]);
  });
});
