/**
 * Held-out checks of the whole-file prefilter `Detector.mayContainSecret`: whenever `worker-auth/no-hardcoded-secrets`
 * reports something in a file, the prefilter must let the file through (the codemod skips the files it rules out).
 * Every case first asserts the rule reports (so the case means something), then that the prefilter is true.
 * No token-shaped literal is written here: every value is built at run time.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { Detector } from '../src/detect/index.js';
import { looksRandom } from '../src/detect/entropy.js';
import { getDetector, type DetectorOptions } from '../src/detect/options.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from './support/fake-tokens.js';

const linter = new Linter({ configType: 'flat' });
function configFor(options: DetectorOptions = {}): Linter.Config[] {
  return [
    { files: ['**/*.tsx'], languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as never } },
    {
      files: ['**/*.ts', '**/*.tsx'],
      plugins: { 'worker-auth': plugin as never },
      rules: { 'worker-auth/no-hardcoded-secrets': ['error', { testFiles: 'all', ...options }] },
    },
  ];
}
const defaultConfig = configFor();

/** The rule's reports in `code` (a parse error fails the case: it would make the case meaningless). */
function reports(code: string, jsx: boolean, config = defaultConfig): string[] {
  const messages = linter.verify(code, config, jsx ? 'src/worker.tsx' : 'src/worker.ts');
  const fatal = messages.filter((m) => m.fatal);
  expect(fatal.map((m) => m.message), 'the file parses').toEqual([]);
  return messages.filter((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets').map((m) => m.message);
}

const detector = new Detector();

// values, all built at run time
const gh = fakeToken('github-classic-pat', 5);
const ghTail = gh.slice(1); // the token without its first letter (`g`), to write that letter as an escape or entity
const generic = fakeGenericSecret(7);
const generic2 = fakeGenericSecret(8);
const awsSecret = fakeToken('aws-secret-access-key', 3);
/** 16 distinct characters (4 bits/char: over the generic entropy bar at the shortest generic length) */
function distinct16(): string {
  for (let seed = 4242; ; seed++) {
    const v = [...new Set(randomString(CHARSETS.b62, 400, seed))].slice(0, 16).join('');
    if (looksRandom(v)) return v;
  }
}
const value16 = distinct16();
const value512 = randomString(CHARSETS.b62, 512, 4343);
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const jwt = [
  b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })),
  b64url(JSON.stringify({ sub: `svc-${randomString(CHARSETS.lowerAlnum, 10, 9)}`, exp: 4_102_444_800 })),
  randomString(CHARSETS.b64url, 43, 10),
].join('.');
const hex4 = (c: string): string => c.charCodeAt(0).toString(16).padStart(4, '0');

interface Case {
  name: string;
  code: string;
  jsx: boolean;
}

/** Shapes the prefilter lets through today: kept as regression tests. */
const SOUND: Case[] = [
  // escapes inside the value
  { name: '\\uXXXX first letter', code: `const apiKey = "\\u${hex4('g')}${ghTail}";`, jsx: false },
  { name: '\\xXX first letter', code: `const note = "see \\x67${ghTail} here";`, jsx: false },
  { name: '\\u{67} braced escape', code: `const note = "see \\u{67}${ghTail} here";`, jsx: false },
  { name: 'line continuation inside a token', code: `const note = "see ${gh.slice(0, 9)}\\\n${gh.slice(9)} here";`, jsx: false },
  { name: 'CRLF line continuation inside a token', code: `const note = "see ${gh.slice(0, 9)}\\\r\n${gh.slice(9)} here";\r\n`, jsx: false },
  { name: '\\u2028 line continuation inside a token', code: `const note = "see ${gh.slice(0, 9)}\\\u2028${gh.slice(9)} here";`, jsx: false },
  { name: 'escaped newline and tab around a whole value', code: `const apiKey = "\\n${generic}\\t";`, jsx: false },
  { name: 'escaped \\u00a0 around a whole value', code: `const apiKey = "\\u00a0${generic}\\u00a0";`, jsx: false },
  { name: '\\u{20} braced space before a whole value', code: `const apiKey = "\\u{0000020}${generic}";`, jsx: false },
  { name: 'escaped slash inside a whole value', code: `const clientSecret = "${generic.slice(0, 10)}\\/${generic.slice(10)}";`, jsx: false },
  // template literals
  { name: 'value after ${…}', code: `const clientSecret = \`\${prefix}${generic}\`;`, jsx: false },
  { name: 'value before ${…}', code: `const clientSecret = \`${generic}\${suffix}\`;`, jsx: false },
  { name: 'value between two ${…}', code: `const clientSecret = \`\${a}${generic}\${b}\`;`, jsx: false },
  { name: 'value after a nested template', code: `const clientSecret = \`\${\`x\${y}\`}${generic}\`;`, jsx: false },
  { name: 'value before ${…} in a tsx file', code: `const clientSecret = \`${generic}\${suffix}\`;`, jsx: true },
  { name: 'value ending in $ before ${…}', code: `const clientSecret = \`${generic}$\${suffix}\`;`, jsx: true },
  { name: 'query pair after another template chunk', code: `const query = \`?user=\${u}&api_token=${generic}&page=2\`;`, jsx: false },
  { name: 'Bearer in a template', code: `const headers = { Authorization: \`Bearer ${generic}\` };`, jsx: false },
  // JSX
  { name: 'JSX text after {…}', code: `export const w = <Widget>{label}${gh}</Widget>;`, jsx: true },
  { name: 'JSX text with surrounding newlines', code: `export const w = (\n  <Widget>\n    ${gh}\n  </Widget>\n);`, jsx: true },
  { name: 'JSX attribute &#103; first letter', code: `export const w = <Widget title="see &#103;${ghTail}" />;`, jsx: true },
  { name: 'JSX attribute &#x67; first letter', code: `export const w = <Widget title="see &#x67;${ghTail}" />;`, jsx: true },
  { name: 'JSX attribute &#x000067; (6 hex digits)', code: `export const w = <Widget title="see &#x000067;${ghTail}" />;`, jsx: true },
  { name: 'JSX attribute &amp; before a query pair', code: `export const w = <Widget src="https://api.example.test/v1?a=1&amp;api_token=${generic}" />;`, jsx: true },
  { name: 'JSX attribute &quot; around a Bearer value', code: `export const w = <Widget title="&quot;Bearer ${generic}&quot;" />;`, jsx: true },
  { name: 'JSX attribute &nbsp; around a whole value', code: `export const w = <Widget apiToken="&nbsp;${generic}&nbsp;" />;`, jsx: true },
  { name: "JSX attribute in single quotes", code: `export const w = <Widget apiToken='${generic}' />;`, jsx: true },
  // comments
  { name: 'line comment pair', code: `// api_token=${generic}\nexport {};`, jsx: false },
  { name: 'JSDoc token', code: `/**\n * token: ${gh}\n */\nexport {};`, jsx: false },
  { name: 'block comment ended right after the token', code: `/*${gh}*/\nexport {};`, jsx: false },
  { name: 'line comment ended by \\u2029', code: `//${gh}\u2029export {};`, jsx: false },
  // schemes, URLs, JWTs, Basic credentials
  { name: 'Bearer with two spaces', code: `const h = { Authorization: "Bearer  ${generic}" };`, jsx: false },
  { name: 'token scheme', code: `const h = { Authorization: "token ${generic}" };`, jsx: false },
  { name: 'Basic with base64 user:password', code: `const h = { Authorization: "Basic ${Buffer.from(`svc-user:${generic}`).toString('base64')}" };`, jsx: false },
  { name: 'postgres URL password', code: `const url = "postgres://app:${generic}@db.internal:5432/app";`, jsx: false },
  { name: 'JWT', code: `const session = "${jwt}";`, jsx: false },
  { name: 'JWT in JSX text', code: `export const w = <pre>${jwt}</pre>;`, jsx: true },
  { name: 'btoa user(x):password', code: `const auth = btoa("svc(x):${generic}");`, jsx: false },
  { name: 'Buffer.from user:password', code: `const auth = Buffer.from("svc-user:${generic}").toString("base64");`, jsx: false },
  { name: 'btoa with a non-ASCII user', code: `const auth = btoa("josé:${generic}");`, jsx: false },
  // whole values with credential names and odd white space
  { name: 'password with \\u00a0 padding (raw)', code: `const password = "\u00a0${generic}\u00a0";`, jsx: false },
  { name: 'token with \\u2028 padding (raw)', code: `const token = "\u2028${generic}";`, jsx: false },
  { name: 'clientSecret with \\ufeff padding (raw)', code: `const cfg = { clientSecret: "\ufeff${generic}  " };`, jsx: false },
  { name: 'whole value of exactly 16 characters', code: `const apiKey = "${value16}";`, jsx: false },
  { name: 'whole value of exactly 512 characters', code: `const apiKey = "${value512}";`, jsx: false },
  { name: 'AWS secret access key by its name', code: `const awsSecretAccessKey = "${awsSecret}";`, jsx: false },
  { name: 'env fallback', code: `const apiKey = process.env.API_KEY ?? '${generic}';`, jsx: false },
  // file-level shapes
  { name: 'BOM and CRLF file', code: `\ufeffconst greeting = "héllo wörld";\r\nconst token = "${generic}";\r\n`, jsx: false },
  { name: 'unicode and quotes around it', code: `const s = "« ${generic2} »";\nconst clientSecret = '${generic}';`, jsx: false },
  { name: 'string holding < { $', code: `const s = "<{$";\nconst apiKey = "${generic}";`, jsx: true },
];

/** shapes the prefilter missed before (digits of `\u{…}` and `&#…;` were bounded) */
const LEADING_ZEROS: Case[] = [
  // `\u{…}` may carry any number of leading zeros (`cookEscapes` read at most 6 hex digits)
  { name: '\\u{0000000067} braced escape with 10 hex digits, token not at the end', code: `const note = "\\u{0000000067}${ghTail} rotate it";`, jsx: false },
  { name: '\\u{0000067} (7 hex digits) in a tsx file', code: `const note = "see \\u{0000067}${ghTail} now";`, jsx: true },
  // the parser decodes `&#x…;` and `&#…;` with any number of digits (`decodeEntities` read at most 6 / 7)
  { name: 'JSX attribute &#x0000067; (7 hex digits)', code: `export const w = <Widget title="see &#x0000067;${ghTail}" />;`, jsx: true },
  { name: 'JSX attribute &#00000000103; (11 decimal digits)', code: `export const w = <Widget title="see &#00000000103;${ghTail}" />;`, jsx: true },
  { name: 'JSX attribute whole value + zero-padded space entity', code: `export const w = <Widget apiToken="${generic}&#x${'0'.repeat(500)}20;" />;`, jsx: true },
];

describe('mayContainSecret, held-out shapes the rule reports', () => {
  it.each(SOUND.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(reports(c.code, c.jsx).length, 'the rule reports it').toBeGreaterThan(0);
    expect(detector.mayContainSecret(c.code, { jsx: c.jsx })).toBe(true);
  });

  it('code without JSX syntax is let through with either jsx value (.ts, and .js read as JSX by the codemod)', () => {
    let checked = 0;
    for (const c of SOUND) {
      if (/<\/?[A-Za-z]/.test(c.code.replace(/"[^"\n]*"/g, '""'))) continue;
      if (reports(c.code, false).length === 0) continue;
      checked++;
      expect(detector.mayContainSecret(c.code, { jsx: false }), c.name).toBe(true);
      expect(detector.mayContainSecret(c.code, { jsx: true }), c.name).toBe(true);
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('mayContainSecret, escapes and entities with any number of leading zeros (the parser takes them)', () => {
  it.each(LEADING_ZEROS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(reports(c.code, c.jsx).length, 'the rule reports it').toBeGreaterThan(0);
    expect(detector.mayContainSecret(c.code, { jsx: c.jsx })).toBe(true);
  });
});

describe('mayContainSecret with the rule options (extraPatterns)', () => {
  const options: DetectorOptions = { extraPatterns: [{ name: 'Acme API key', pattern: 'acme_live_[A-Za-z0-9]{32}', keyword: 'acme_live_', envName: 'ACME_API_KEY' }] };
  const config = configFor(options);
  const userDetector = getDetector(options);
  const body = randomString(CHARSETS.b62, 32, 77);
  const cases: Case[] = [
    { name: 'plain', code: `const note = "see ${['acme', 'live', body].join('_')} now";`, jsx: false },
    { name: 'keyword first letter escaped', code: `const note = "see \\x61cme_live_${body} now";`, jsx: false },
    { name: 'keyword first letter as an entity', code: `export const w = <Widget title="see &#97;cme_live_${body} now" />;`, jsx: true },
    { name: 'in a comment', code: `// acme_live_${body}\nexport {};`, jsx: false },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(reports(c.code, c.jsx, config).length, 'the rule reports it').toBeGreaterThan(0);
    expect(userDetector.mayContainSecret(c.code, { jsx: c.jsx })).toBe(true);
  });
});

// Linear time on floods (`eyJ…`, long runs between quotes, escapes) is measured by `npm run bench:adversarial`, not
// timed here.
