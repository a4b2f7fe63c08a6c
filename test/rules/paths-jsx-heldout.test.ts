/**
 * Held-out tests for two changes:
 *
 * 1. `projectPath(filename, cwd)` (src/ast/strings.ts): the rules decide "is this a test file" from the path relative
 *    to ESLint's `cwd`, so that a project stored under a folder named `test` is not all test files. Observed through
 *    `no-hardcoded-secrets` (a generic `apiKey: "<random>"` is reported in a normal file, not in a test file by
 *    default), `env-example-in-sync` and `oauth-credentials-from-env` (both skip test files by default), and directly.
 * 2. JSX attribute values holding `&` (HTML entities): the first step of `no-hardcoded-secrets` reads the decoded
 *    value. Each finding is reported masked, at the columns of the token as written, and its suggestion gives code
 *    that parses, holds no part of the token and keeps the rest of the attribute's value.
 *
 * Tokens are built at run time (test/support/fake-tokens.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { jsxEntityOffsets } from '../../src/ast/sites.js';
import { isTestFile, projectPath } from '../../src/ast/strings.js';
import { fakeGenericSecret, fakeToken } from '../support/fake-tokens.js';

const SECRET = fakeGenericSecret(41);
const GH = fakeToken('github-classic-pat', 7);
const GENERIC = `export const c = { apiKey: "${SECRET}" };`;

const TS_FILES = ['**/*.ts', '**/*.tsx'];

function secretsConfig(options?: Record<string, unknown>): Linter.Config[] {
  return [
    { files: TS_FILES, languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    {
      plugins: { 'worker-auth': plugin as never },
      rules: { 'worker-auth/no-hardcoded-secrets': options ? ['error', options] : 'error' },
    },
  ];
}

/** Messages of `no-hardcoded-secrets`; throws when the file does not parse or no configuration applies to it. */
function secretsAt(cwd: string | undefined, filename: string | undefined, code = GENERIC, options?: Record<string, unknown>): Linter.LintMessage[] {
  const linter = cwd === undefined ? new Linter({ configType: 'flat' }) : new Linter({ configType: 'flat', cwd });
  const messages = filename === undefined ? linter.verify(code, secretsConfig(options)) : linter.verify(code, secretsConfig(options), filename);
  const broken = messages.find((m) => m.fatal || m.ruleId === null);
  if (broken) throw new Error(`not linted: ${broken.message}`);
  return messages.filter((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets');
}

/** True when the generic secret is reported (normal file); false when it is not (test file, high-confidence only). */
function treatedAsNormalFile(cwd: string | undefined, filename: string | undefined): boolean {
  // the same file with `testFiles: "all"` must report it: otherwise the observation says nothing
  expect(secretsAt(cwd, filename, GENERIC, { testFiles: 'all' }), `${filename}: control`).toHaveLength(1);
  return secretsAt(cwd, filename).length === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. projectPath, directly
// ---------------------------------------------------------------------------------------------------------------

describe('projectPath', () => {
  it.each([
    ['/home/me/test/my-worker/src/a.ts', '/home/me/test/my-worker', 'src/a.ts'],
    ['/home/me/test/my-worker/src/a.ts', '/home/me/test/my-worker/', 'src/a.ts'],
    ['/home/me/test/my-worker/test/a.ts', '/home/me/test/my-worker', 'test/a.ts'],
    ['C:\\work\\test\\proj\\src\\a.ts', 'C:\\work\\test\\proj', 'src\\a.ts'],
    ['C:\\work\\test\\proj\\src\\a.ts', 'C:\\work\\test\\proj\\', 'src\\a.ts'],
    ['C:\\work\\test\\proj\\src\\a.ts', 'C:\\', 'work\\test\\proj\\src\\a.ts'],
    ['/home/me/proj/src/a.ts', '/', 'home/me/proj/src/a.ts'],
  ])('%s with cwd %s is %s', (filename, cwd, expected) => {
    expect(projectPath(filename, cwd)).toBe(expected);
  });

  it.each([
    ['a sibling folder whose name extends cwd', '/a/proj2/x.ts', '/a/proj'],
    ['a sibling folder whose name extends cwd (Windows)', 'C:\\a\\proj2\\x.ts', 'C:\\a\\proj'],
    ['a file outside cwd', '/elsewhere/test/x.ts', '/a/proj'],
    ['a relative filename', 'src/a.ts', '/a/proj'],
    ['a relative filename under test/', 'test/a.ts', '/a/proj'],
    ["ESLint's default <input>", '<input>', '/a/proj'],
    ['no cwd', '/home/me/test/proj/src/a.ts', undefined],
    ['an empty cwd', '/home/me/test/proj/src/a.ts', ''],
  ])('%s is kept as given', (_, filename, cwd) => {
    expect(projectPath(filename, cwd)).toBe(filename);
  });

  it('never cuts a filename that only shares a name prefix with cwd (the cut must end at a separator)', () => {
    for (const [filename, cwd] of [
      ['/a/projX/test/a.ts', '/a/proj'],
      ['/a/proj.old/src/a.ts', '/a/proj'],
      ['/a/proj-test/x.ts', '/a/proj'],
    ] as const) {
      const out = projectPath(filename, cwd);
      expect(out, filename).toBe(filename);
    }
  });

  it('with isTestFile: a project stored under test/ is not all test files, its own test folders still are', () => {
    const cwd = '/home/me/test/my-worker';
    expect(isTestFile(projectPath(`${cwd}/src/index.ts`, cwd))).toBe(false);
    expect(isTestFile(projectPath(`${cwd}/src/auth/oauth.ts`, cwd))).toBe(false);
    for (const file of ['test/a.ts', 'src/__tests__/a.ts', 'src/a.test.ts', 'src/a.spec.tsx', 'fixtures/a.ts', 'src/fixtures/a.ts', 'tests/a.ts']) {
      expect(isTestFile(projectPath(`${cwd}/${file}`, cwd)), file).toBe(true);
    }
    // the same, Windows-style
    const win = 'C:\\work\\test\\proj';
    expect(isTestFile(projectPath(`${win}\\src\\a.ts`, win))).toBe(false);
    expect(isTestFile(projectPath(`${win}\\test\\a.ts`, win))).toBe(true);
    expect(isTestFile(projectPath(`${win}\\src\\__tests__\\a.ts`, win))).toBe(true);
  });

  it('a file outside cwd under a test folder stays a test file (it is judged as given)', () => {
    expect(isTestFile(projectPath('/a/test/proj2/src/x.ts', '/a/test/proj'))).toBe(true);
    expect(isTestFile(projectPath('/a/proj2/test/x.ts', '/a/proj'))).toBe(true);
  });

  // Windows paths are case-insensitive, and the drive letter's case differs between tools (a shell started at
  // `c:\…` gives a lower-case `process.cwd()`; editors hand lower-case drive letters). The file lies inside cwd.
  it('Windows: a drive letter in another case than cwd still lies inside cwd', () => {
    expect(projectPath('c:\\work\\test\\proj\\src\\a.ts', 'C:\\work\\test\\proj')).toBe('src\\a.ts');
    expect(isTestFile(projectPath('c:\\work\\test\\proj\\src\\a.ts', 'C:\\work\\test\\proj'))).toBe(false);
  });

});

// ---------------------------------------------------------------------------------------------------------------
// 1. through the rules (Linter with cwd)
// ---------------------------------------------------------------------------------------------------------------

describe('no-hardcoded-secrets: test-file decision relative to context.cwd', () => {
  it('a project stored under /home/me/test/: its src/ files are normal files', () => {
    expect(treatedAsNormalFile('/home/me/test/my-worker', '/home/me/test/my-worker/src/a.ts')).toBe(true);
  });

  it('the same with a trailing slash on cwd', () => {
    expect(treatedAsNormalFile('/home/me/test/my-worker/', '/home/me/test/my-worker/src/a.ts')).toBe(true);
  });

  it.each(['test/a.ts', 'src/__tests__/a.ts', 'src/a.test.ts', 'fixtures/a.ts', 'src/a.spec.tsx'])(
    "the project's own %s is still a test file",
    (file) => {
      expect(treatedAsNormalFile('/home/me/test/my-worker', `/home/me/test/my-worker/${file}`)).toBe(false);
      expect(treatedAsNormalFile('/home/me/test/my-worker/', `/home/me/test/my-worker/${file}`)).toBe(false);
    },
  );

  it('test files still get high-confidence findings (a GitHub token) by default', () => {
    const code = `export const c = { token: "${GH}" };`;
    const messages = secretsAt('/home/me/test/my-worker', '/home/me/test/my-worker/test/a.ts', code);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).not.toContain(GH);
  });

  it("testFiles: 'off' silences the project's test files only", () => {
    const code = `export const c = { token: "${GH}" };`;
    expect(secretsAt('/home/me/test/my-worker', '/home/me/test/my-worker/test/a.ts', code, { testFiles: 'off' })).toHaveLength(0);
    expect(secretsAt('/home/me/test/my-worker', '/home/me/test/my-worker/src/a.ts', code, { testFiles: 'off' })).toHaveLength(1);
  });

  it('Windows-style paths: src\\ is a normal file, test\\ a test file', () => {
    expect(treatedAsNormalFile('C:\\work\\test\\proj', 'C:\\work\\test\\proj\\src\\a.ts')).toBe(true);
    expect(treatedAsNormalFile('C:\\work\\test\\proj\\', 'C:\\work\\test\\proj\\src\\a.ts')).toBe(true);
    expect(treatedAsNormalFile('C:\\work\\test\\proj', 'C:\\work\\test\\proj\\test\\a.ts')).toBe(false);
  });

  it('relative filenames are judged as given', () => {
    expect(treatedAsNormalFile('/home/me/test/my-worker', 'src/a.ts')).toBe(true);
    expect(treatedAsNormalFile('/home/me/test/my-worker', './src/a.ts')).toBe(true);
    expect(treatedAsNormalFile('/home/me/test/my-worker', 'test/a.ts')).toBe(false);
    expect(treatedAsNormalFile('/home/me/test/my-worker', 'src/__tests__/a.ts')).toBe(false);
  });

  it("ESLint's default filename (<input>, no filename given) is a normal file, whatever cwd", () => {
    const js: Linter.Config[] = [{ plugins: { 'worker-auth': plugin as never }, rules: { 'worker-auth/no-hardcoded-secrets': 'error' } }];
    const code = `const c = { apiKey: "${SECRET}" };`;
    for (const cwd of ['/home/me/test/my-worker', '/', 'C:\\work\\test\\proj']) {
      const messages = new Linter({ configType: 'flat', cwd }).verify(code, js);
      expect(messages.filter((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets'), cwd).toHaveLength(1);
    }
  });

  it('cwd /: the whole path is the project path (a test/ folder anywhere in it makes a test file)', () => {
    expect(treatedAsNormalFile('/', '/home/me/proj/src/a.ts')).toBe(true);
    expect(treatedAsNormalFile('/', '/home/me/proj/test/a.ts')).toBe(false);
  });

  it('a file whose folder only extends cwd by a prefix is not cut (it is judged whole)', () => {
    // ESLint lints no file outside its cwd, so this is a file inside cwd whose name starts like a nested project
    expect(treatedAsNormalFile('/home/me/test', '/home/me/test/proj2/src/a.ts')).toBe(true);
    expect(treatedAsNormalFile('/home/me', '/home/me/test/proj2/src/a.ts')).toBe(false);
  });

  it('several files in a row, alternating test and normal, with the same linter (the cached answer follows the file)', () => {
    const cwd = '/home/me/test/my-worker';
    const sequence: [string, boolean][] = [
      ['src/a.ts', true],
      ['test/a.ts', false],
      ['src/a.ts', true],
      ['src/a.ts', true],
      ['src/b.test.ts', false],
      ['src/b.ts', true],
    ];
    for (const [file, normal] of sequence) expect(secretsAt(cwd, `${cwd}/${file}`).length === 1, file).toBe(normal);
  });

  it('Windows: a lower-case drive letter in the filename (cwd C:\\…) is still a normal src file', () => {
    expect(treatedAsNormalFile('C:\\work\\test\\proj', 'c:\\work\\test\\proj\\src\\a.ts')).toBe(true);
  });
});

// env-example-in-sync and oauth-credentials-from-env read the same decision (both skip test files by default)
const root = mkdtempSync(join(tmpdir(), 'wa-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A worker project stored under a folder named `test`. */
const PROJECT = join(root, 'test', 'my-worker');
mkdirSync(join(PROJECT, '.git'), { recursive: true });
write(PROJECT, {
  '.env.example': 'KNOWN=\n',
  'package.json': JSON.stringify({ name: 'w', dependencies: { '@notionhq/workers': '^0.9.2' } }),
});

function ruleAt(rule: string, cwd: string, filename: string, code: string): Linter.LintMessage[] {
  const config: Linter.Config[] = [
    { files: TS_FILES, languageOptions: { parser: tsParser } },
    { plugins: { 'worker-auth': plugin as never }, rules: { [`worker-auth/${rule}`]: 'error' } },
  ];
  const messages = new Linter({ configType: 'flat', cwd }).verify(code, config, filename);
  const broken = messages.find((m) => m.fatal || m.ruleId === null);
  if (broken) throw new Error(`not linted: ${broken.message}`);
  return messages.filter((m) => m.ruleId === `worker-auth/${rule}`);
}

describe('env-example-in-sync: test-file decision relative to context.cwd', () => {
  const code = 'export const a = process.env.MISSING_FROM_EXAMPLE;';

  it('a src file of a project stored under test/ is checked', () => {
    expect(ruleAt('env-example-in-sync', PROJECT, join(PROJECT, 'src', 'index.ts'), code)).toHaveLength(1);
    expect(ruleAt('env-example-in-sync', `${PROJECT}/`, join(PROJECT, 'src', 'index.ts'), code)).toHaveLength(1);
  });

  it("the project's own test files are skipped", () => {
    for (const file of ['test/a.ts', 'src/__tests__/a.ts', 'src/a.test.ts', 'fixtures/a.ts']) {
      expect(ruleAt('env-example-in-sync', PROJECT, join(PROJECT, file), code), file).toHaveLength(0);
    }
  });

  it('a read listed in .env.example is not reported (control)', () => {
    expect(ruleAt('env-example-in-sync', PROJECT, join(PROJECT, 'src', 'index.ts'), 'export const a = process.env.KNOWN;')).toHaveLength(0);
  });
});

describe('oauth-credentials-from-env: test-file decision relative to context.cwd', () => {
  const HEAD = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';
  const code = `${HEAD}worker.oauth("githubAuth", { name: "github-app", authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token", scope: "read:user", clientId: process.env.GITHUB_APP_CLIENT_ID ?? "", clientSecret: "${SECRET}" });`;

  it('a src file of a project stored under test/ is checked, the secret masked', () => {
    const messages = ruleAt('oauth-credentials-from-env', PROJECT, join(PROJECT, 'src', 'auth.ts'), code);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).not.toContain(SECRET);
  });

  it('the same under a virtual Windows project', () => {
    expect(ruleAt('oauth-credentials-from-env', 'C:\\work\\test\\proj', 'C:\\work\\test\\proj\\src\\auth.ts', code)).toHaveLength(1);
    expect(ruleAt('oauth-credentials-from-env', 'C:\\work\\test\\proj', 'C:\\work\\test\\proj\\test\\auth.ts', code)).toHaveLength(0);
  });

  it("the project's own test files are skipped", () => {
    for (const file of ['test/auth.ts', 'src/__tests__/auth.ts', 'src/auth.test.ts', 'fixtures/auth.ts']) {
      expect(ruleAt('oauth-credentials-from-env', PROJECT, join(PROJECT, file), code), file).toHaveLength(0);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 2. JSX attribute values with HTML entities
// ---------------------------------------------------------------------------------------------------------------

const JSX_CWD = '/home/me/proj';
const TSX = `${JSX_CWD}/src/view.tsx`;

function jsxFindings(code: string): Linter.LintMessage[] {
  return secretsAt(JSX_CWD, TSX, code);
}

/** True when `text` holds an 8-character run of the random part of `token` (case-insensitively). */
function leaks(text: string, token: string): boolean {
  const body = token.slice(-20).toLowerCase();
  const lower = text.toLowerCase();
  for (let i = 0; i + 8 <= body.length; i++) if (lower.includes(body.slice(i, i + 8))) return true;
  return false;
}

function applySuggestion(code: string, message: Linter.LintMessage): string {
  const fix = message.suggestions?.[0]?.fix;
  if (!fix) throw new Error('no suggestion');
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

function parses(code: string): boolean {
  const messages = new Linter({ configType: 'flat', cwd: JSX_CWD }).verify(code, secretsConfig(), TSX);
  return !messages.some((m) => m.fatal);
}

/** The source text a message covers (single-line or multi-line). */
function covered(code: string, m: Linter.LintMessage): string {
  const lines = code.split('\n');
  const offset = (line: number, column: number): number => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return code.slice(offset(m.line, m.column), offset(m.endLine!, m.endColumn!));
}

type AnyNode = { type: string; [key: string]: unknown };

/** The value a rewritten attribute evaluates to, with each `${…}` written as `<ENV>`: the first attribute named `name`. */
function attributeValueAfter(code: string, name: string): string {
  const { ast } = tsParser.parseForESLint(code, { ecmaFeatures: { jsx: true }, range: true, filePath: TSX } as never);
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    const n = node as AnyNode;
    if (n.type === 'JSXAttribute' && (n.name as AnyNode).name === name) {
      const value = n.value as AnyNode;
      if (value.type === 'Literal') found = value.value as string;
      else if (value.type === 'JSXExpressionContainer') {
        const e = value.expression as AnyNode;
        if (e.type === 'TemplateLiteral') {
          const quasis = e.quasis as { value: { cooked: string } }[];
          found = quasis.map((q) => q.value.cooked).join('<ENV>');
        } else found = '<ENV>';
      }
      return;
    }
    for (const [key, child] of Object.entries(n)) {
      if (key === 'parent') continue;
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(ast);
  if (found === undefined) throw new Error(`no attribute ${name}`);
  return found;
}

function hex(ch: string): string {
  return ch.charCodeAt(0).toString(16);
}

/** GH with its 11th character written as an entity. */
const AT = 10;
const GH_DEC = `${GH.slice(0, AT)}&#${GH.charCodeAt(AT)};${GH.slice(AT + 1)}`;
const GH_HEX = `${GH.slice(0, AT)}&#x${hex(GH[AT]!)};${GH.slice(AT + 1)}`;

describe('no-hardcoded-secrets: JSX attribute values with HTML entities (.tsx)', () => {
  it.each([
    // [label, attribute source (between the element name and `/>`), token as written, expected value after the rewrite]
    ['the whole value (double quotes, control without entities)', `title="${GH}"`, GH, '<ENV>'],
    ['the whole value (single quotes)', `title='${GH}'`, GH, '<ENV>'],
    ['&amp; before the token', `title="a&amp;b ${GH} tail"`, GH, 'a&b <ENV> tail'],
    ['&amp; after the token', `title='${GH} x&amp;y'`, GH, '<ENV> x&y'],
    ['&quot; around the token', `title="&quot;${GH}&quot;"`, GH, '"<ENV>"'],
    ['&nbsp; around the token', `title="&nbsp;${GH}&nbsp;"`, GH, '\u00a0<ENV>\u00a0'],
    ['a decimal entity inside the token', `title="${GH_DEC}"`, GH_DEC, '<ENV>'],
    ['a hex entity inside the token (single quotes)', `title='${GH_HEX}'`, GH_HEX, '<ENV>'],
    ['a decimal entity inside the token, with text around', `title="see &#103; ${GH_DEC} tail"`, GH_DEC, 'see g <ENV> tail'],
    ['a hex entity inside the token, with entities around', `title="&#x3C;${GH_HEX}&#x3E;"`, GH_HEX, '<<ENV>>'],
    ['an astral entity before the token', `title="&#x1F600; ${GH}"`, GH, '\u{1F600} <ENV>'],
    ['an unknown entity before the token (kept as written)', `title="&bogus; ${GH}"`, GH, '&bogus; <ENV>'],
    ['a backslash before the token (JSX takes no escapes)', `title="\\x67 ${GH} tail"`, GH, '\\x67 <ENV> tail'],
    ['a backslash and an entity', `title="\\x67&amp; ${GH}"`, GH, '\\x67& <ENV>'],
    ['a backtick and ${ written as entities', `title="&#96;&#36;&#123;x} ${GH}"`, GH, '`${x} <ENV>'],
    ['a real backtick and ${ in the value', `title="\`\${x} &amp; ${GH}"`, GH, '`${x} & <ENV>'],
    ['an entity-encoded double quote in a single-quoted value', `title='"&quot; ${GH}'`, GH, '"" <ENV>'],
  ])('%s: reported masked at the token, the suggestion parses, removes it and keeps the rest', (_, attribute, written, after) => {
    const code = `export const A = () => <a ${attribute} />;`;
    const messages = jsxFindings(code);
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    // (a) masked: no run of the token in the message or the suggestion's description
    expect(m.message).toMatch(/ghp_…/);
    expect(leaks(m.message, GH), m.message).toBe(false);
    for (const s of m.suggestions ?? []) expect(leaks(s.desc, GH)).toBe(false);
    // at the columns of the token as written
    expect(covered(code, m)).toBe(written);
    // (b) the suggestion
    expect(m.suggestions).toHaveLength(1);
    const fixed = applySuggestion(code, m);
    expect(parses(fixed), fixed).toBe(true);
    expect(leaks(fixed, GH)).toBe(false);
    expect(fixed).not.toContain(GH.slice(AT + 1));
    expect(attributeValueAfter(fixed, 'title')).toBe(after);
    expect(jsxFindings(fixed)).toHaveLength(0);
  });

  it('a value spread over two lines with an entity: reported on line 2, rewritten', () => {
    const code = `export const A = () => <a title="one &amp; two\n  ${GH_DEC} three" />;`;
    const messages = jsxFindings(code);
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(m.line).toBe(2);
    expect(covered(code, m)).toBe(GH_DEC);
    expect(leaks(m.message, GH)).toBe(false);
    const fixed = applySuggestion(code, m);
    expect(parses(fixed)).toBe(true);
    expect(leaks(fixed, GH)).toBe(false);
    expect(attributeValueAfter(fixed, 'title')).toBe('one & two\n  <ENV> three');
  });

  it('two attributes of one element, each with an entity and a token: both reported, each suggestion removes its own', () => {
    const STRIPE = fakeToken('stripe-secret-key', 8);
    const code = `export const A = () => <a title="&amp; ${GH}" data-k='${STRIPE} &lt;' />;`;
    const messages = jsxFindings(code);
    expect(messages).toHaveLength(2);
    expect(covered(code, messages[0]!)).toBe(GH);
    expect(covered(code, messages[1]!)).toBe(STRIPE);
    for (const [m, token] of [[messages[0]!, GH], [messages[1]!, STRIPE]] as const) {
      expect(leaks(m.message, token)).toBe(false);
      const fixed = applySuggestion(code, m);
      expect(parses(fixed)).toBe(true);
      expect(leaks(fixed, token)).toBe(false);
    }
    expect(attributeValueAfter(applySuggestion(code, messages[1]!), 'data-k')).toBe('<ENV> <');
  });

  it('a generic secret behind a key-like attribute name, with an entity in the value, is reported masked', () => {
    const code = `export const A = () => <Widget apiKey="&#x20;${SECRET}" />;`;
    const messages = jsxFindings(code);
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(m.message).not.toContain(SECRET);
    expect(m.message).not.toContain(SECRET.slice(0, 12));
    const fixed = applySuggestion(code, m);
    expect(parses(fixed)).toBe(true);
    expect(fixed).not.toContain(SECRET.slice(4, 20));
  });

  it('the same token in a test file is still reported (a GitHub token is high-confidence)', () => {
    const code = `export const A = () => <a title="&amp; ${GH_DEC}" />;`;
    expect(secretsAt(JSX_CWD, `${JSX_CWD}/src/view.test.tsx`, code)).toHaveLength(1);
  });

  it('double-escaped &amp;amp; before the token: reported at the columns of the token', () => {
    const code = `export const A = () => <a title="&amp;amp; ${GH} tail" />;`;
    const messages = jsxFindings(code);
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(leaks(m.message, GH)).toBe(false);
    const fixed = applySuggestion(code, m);
    expect(parses(fixed)).toBe(true);
    expect(leaks(fixed, GH)).toBe(false);
    expect(attributeValueAfter(fixed, 'title')).toBe('&amp; <ENV> tail');
    // the location covers the token exactly (it used to start 4 characters early: "mp; ghp_…")
    expect(covered(code, m)).toBe(GH);
  });

  it('jsxEntityOffsets: an entity whose decoded text starts like the entity itself (&amp;amp;) is still read as an entity', () => {
    const content = '&amp;amp; xyz';
    const value = '&amp; xyz';
    const map = jsxEntityOffsets(content, value);
    expect(map).toHaveLength(value.length + 1);
    // value[0] "&" is the first entity; value[1] "a" is the "a" after it
    expect(map[0]).toBe(0);
    expect(map[1]).toBe(5);
    expect(content[map[value.indexOf('x')]!]).toBe('x');
  });
});

describe('no-hardcoded-secrets: JSX text children (entities decoded, as React renders them)', () => {
  it('an entity before the token in a child: reported at the token, rewritten as an expression container', () => {
    const code = `export const A = () => <p>&amp; ${GH} tail</p>;`;
    const messages = jsxFindings(code);
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(covered(code, m)).toBe(GH);
    expect(leaks(m.message, GH)).toBe(false);
    const fixed = applySuggestion(code, m);
    expect(parses(fixed)).toBe(true);
    expect(leaks(fixed, GH)).toBe(false);
    // the entity, written in the child, is left as written
    expect(fixed).toContain('<p>&amp; {process.env.');
  });

  it.each([
    ['starts with a double quote', `<p>"${GH}</p>`],
    ['starts with a single quote', `<p>'${GH}</p>`],
    ['is quoted whole', `<p>"${GH}"</p>`],
    ['is quoted and holds an entity', `<p>"&amp; ${GH}"</p>`],
    ['holds a backslash', `<p>\\x67 ${GH}</p>`],
  ])('a child that %s: the token is reported at its columns and the rewrite parses', (_, element) => {
    const code = `export const A = () => ${element};`;
    const messages = jsxFindings(code);
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(covered(code, m)).toBe(GH);
    expect(leaks(m.message, GH)).toBe(false);
    const fixed = applySuggestion(code, m);
    expect(parses(fixed), fixed).toBe(true);
    expect(leaks(fixed, GH)).toBe(false);
  });

  it('a child with an entity inside the token is decoded: the GitHub token is reported over the written text, entity included', () => {
    const code = `export const A = () => <p>${GH_DEC}</p>;`;
    const messages = jsxFindings(code);
    // the page shows the decoded token: one finding, covering the token as written (the entity inside it)
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message.startsWith('GitHub')).toBe(true);
    expect(covered(code, messages[0]!)).toBe(GH_DEC);
    expect(leaks(messages[0]!.message, GH)).toBe(false);
    const fixed = applySuggestion(code, messages[0]!);
    expect(parses(fixed), fixed).toBe(true);
    expect(fixed).not.toContain(GH_DEC);
  });
});

describe('no-hardcoded-secrets: JSX attribute in a .jsx file (espree)', () => {
  it('an entity inside the token: reported masked, the suggestion parses and removes it', () => {
    const config: Linter.Config[] = [
      { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      { plugins: { 'worker-auth': plugin as never }, rules: { 'worker-auth/no-hardcoded-secrets': 'error' } },
    ];
    const linter = new Linter({ configType: 'flat', cwd: JSX_CWD });
    const file = `${JSX_CWD}/src/view.jsx`;
    const code = `export const A = () => <a title="x &amp; ${GH_HEX}" />;`;
    const messages = linter.verify(code, config, file);
    expect(messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(covered(code, m)).toBe(GH_HEX);
    expect(leaks(m.message, GH)).toBe(false);
    const fixed = applySuggestion(code, m);
    expect(linter.verify(fixed, config, file).filter((x) => x.fatal)).toEqual([]);
    expect(leaks(fixed, GH)).toBe(false);
    expect(fixed).not.toContain(GH.slice(AT + 1));
  });
});
