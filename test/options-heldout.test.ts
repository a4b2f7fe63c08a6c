/**
 * Held-out checks of every rule's documented options (docs/rules/*.md "Options" tables): a valid value is accepted
 * and has its documented effect, omitting it behaves as the documented default, and invalid values make ESLint throw
 * its schema/config error naming the rule and the key. Token-shaped values are built at run time (fake-tokens).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { fakeGenericSecret, fakeToken } from './support/fake-tokens.js';

// --- helpers ------------------------------------------------------------------------------------------------------
const CWD = process.cwd();

function lint(rule: string, code: string, options: unknown[] = [], filename = 'src/config.ts', cwd = CWD): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { 'worker-auth': plugin },
        rules: { [`worker-auth/${rule}`]: ['error', ...options] },
      },
    ],
    filename,
  );
  const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
  if (fatal.length > 0) throw new Error(`fixture did not lint: ${fatal.map((m) => m.message).join('; ')}`);
  return messages;
}

const ids = (messages: Linter.LintMessage[]): string[] => messages.map((m) => m.messageId ?? '?');

/** What `Linter.verify` throws for these options (fails the test if it does not throw). */
function configError(rule: string, options: unknown[]): string {
  try {
    lint(rule, 'const a = 1;', options);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`options ${JSON.stringify(options)} of ${rule} were accepted`);
}

/**
 * ESLint's schema error names the rule and shows the offending value with ajv's reason. ESLint 9 drops ajv's property
 * path, so only an unknown key is named in the message (`Unexpected property "…"`); otherwise the value identifies it.
 */
function expectSchemaError(rule: string, options: unknown[], reason: RegExp): void {
  const message = configError(rule, options);
  expect(message).toContain(`Key "worker-auth/${rule}"`);
  expect(message).toMatch(reason);
}

const made: string[] = [];
function project(files: Record<string, string>, track?: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-opts-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (track) {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    if (track.length > 0) execFileSync('git', ['add', '--force', '--', ...track], { cwd: dir });
  } else {
    mkdirSync(join(dir, '.git'), { recursive: true });
  }
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const HEAD = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';

// --- fake credentials (run time only) -----------------------------------------------------------------------------
const STRIPE = fakeToken('stripe-secret-key', 7);
const GOOGLE_KEY = fakeToken('google-api-key', 7);
const GH = fakeToken('github-classic-pat', 7);
const GENERIC = fakeGenericSecret(77);
const ACME = 'acme_live_' + fakeGenericSecret(78).slice(0, 32).padEnd(32, 'x');

// =================================================================================================================
describe('no-hardcoded-secrets options', () => {
  const R = 'no-hardcoded-secrets';
  const stripeCode = `export const key = "${STRIPE}";`;

  it('defaults: a provider token is reported', () => {
    expect(ids(lint(R, stripeCode))).toEqual(['hardcodedSecret']);
  });

  it('allowValues: an exact value is not reported, another value still is', () => {
    expect(lint(R, stripeCode, [{ allowValues: [STRIPE] }])).toEqual([]);
    expect(ids(lint(R, stripeCode, [{ allowValues: [STRIPE.slice(0, -1)] }]))).toEqual(['hardcodedSecret']);
  });

  it('allowPatterns: a matching value is not reported, a non-matching one still is', () => {
    expect(lint(R, stripeCode, [{ allowPatterns: ['^sk_live_'] }])).toEqual([]);
    expect(ids(lint(R, stripeCode, [{ allowPatterns: ['^sk_test_'] }]))).toEqual(['hardcodedSecret']);
  });

  it('allowPatterns: the pattern is compiled with the `u` flag (\\p{…} works)', () => {
    expect(lint(R, stripeCode, [{ allowPatterns: ['^\\p{Ll}{2}_live_'] }])).toEqual([]);
  });

  it('ignoreProviders: a format id and a provider name silence their findings only', () => {
    const code = `export const maps = "${GOOGLE_KEY}";\nexport const billing = "${STRIPE}";`;
    expect(ids(lint(R, code))).toEqual(['hardcodedSecret', 'hardcodedSecret']);
    const byId = lint(R, code, [{ ignoreProviders: ['google-api-key'] }]);
    expect(byId.map((m) => m.line)).toEqual([2]);
    const byName = lint(R, code, [{ ignoreProviders: ['Stripe'] }]);
    expect(byName.map((m) => m.line)).toEqual([1]);
  });

  it('extraPatterns: a custom format is reported with its envName, and not without the option', () => {
    const code = `export const acme = "${ACME}";`;
    expect(lint(R, code)).toEqual([]);
    const messages = lint(R, code, [{ extraPatterns: [{ name: 'Acme API key', pattern: 'acme_live_[A-Za-z0-9]{32}', keyword: 'acme_live_', envName: 'ACME_API_KEY' }] }]);
    expect(ids(messages)).toEqual(['hardcodedSecret']);
    expect(messages[0]!.message).toContain('process.env.ACME_API_KEY');
    expect(messages[0]!.message).not.toContain(ACME);
  });

  it('extraPatterns: the pattern runs on strings up to 10,000 characters, not on longer ones', () => {
    const option = [{ extraPatterns: [{ name: 'Acme API key', pattern: 'acme_live_[A-Za-z0-9]{32}', keyword: 'acme_live_' }] }];
    const within = `export const doc = "${'word '.repeat(1000)}${ACME}";`; // ~5,040 characters
    const over = `export const doc = "${'word '.repeat(2100)}${ACME}";`; // ~10,540 characters
    expect(ids(lint(R, within, option))).toEqual(['hardcodedSecret']);
    expect(lint(R, over, option)).toEqual([]);
  });

  it('checkComments: on by default, off silences comments only', () => {
    const code = `// old token: ${GH}\nexport const key = "${STRIPE}";`;
    expect(ids(lint(R, code))).toEqual(['secretInComment', 'hardcodedSecret']);
    expect(ids(lint(R, code, [{ checkComments: false }]))).toEqual(['hardcodedSecret']);
  });

  describe('testFiles', () => {
    const code = `export const password = "${GENERIC}";\nexport const token = "${GH}";`;
    const TEST = 'test/config.test.ts';

    it('outside test files a whole value in a secret-named place is reported', () => {
      expect(ids(lint(R, code))).toEqual(['hardcodedSecret', 'hardcodedSecret']);
    });
    it('default "high-confidence": only the prefix-certain token in a test file', () => {
      expect(lint(R, code, [], TEST).map((m) => m.line)).toEqual([2]);
      expect(lint(R, code, [{ testFiles: 'high-confidence' }], 'src/__tests__/a.ts').map((m) => m.line)).toEqual([2]);
    });
    it('"all": everything in test files', () => {
      expect(lint(R, code, [{ testFiles: 'all' }], TEST).map((m) => m.line)).toEqual([1, 2]);
    });
    it('"off": nothing in test files, non-test files unaffected', () => {
      expect(lint(R, code, [{ testFiles: 'off' }], TEST)).toEqual([]);
      expect(lint(R, code, [{ testFiles: 'off' }], 'fixtures/env.ts')).toEqual([]);
      expect(lint(R, code, [{ testFiles: 'off' }])).toHaveLength(2);
    });
    it('the path is read relative to cwd: a project under ~/test/ is not all test files', () => {
      const cwd = join(tmpdir(), 'home', 'test', 'my-worker');
      expect(lint(R, code, [{ testFiles: 'off' }], join(cwd, 'src', 'config.ts'), cwd)).toHaveLength(2);
      expect(lint(R, code, [{ testFiles: 'off' }], join(cwd, 'test', 'config.ts'), cwd)).toEqual([]);
    });
  });

  describe('invalid values', () => {
    it.each([
      ['checkComments wrong type', { checkComments: 'yes' }, /Value\ "yes"\ should\ be\ boolean/],
      ['testFiles not in the enum', { testFiles: 'some' }, /Value\ "some"\ should\ be\ equal\ to\ one\ of\ the\ allowed\ values/],
      ['testFiles wrong type', { testFiles: true }, /Value\ true\ should\ be\ string/],
      ['allowValues not an array', { allowValues: 'x' }, /Value\ "x"\ should\ be\ array/],
      ['allowValues empty string', { allowValues: [''] }, /Value\ ""\ should\ NOT\ be\ shorter\ than\ 1\ characters/],
      ['allowPatterns empty string', { allowPatterns: [''] }, /Value\ ""\ should\ NOT\ be\ shorter\ than\ 1\ characters/],
      ['allowPatterns over 200 characters', { allowPatterns: ['a'.repeat(201)] }, /should NOT be longer than 200 characters/],
      ['allowPatterns item wrong type', { allowPatterns: [3] }, /Value\ 3\ should\ be\ string/],
      ['ignoreProviders empty string', { ignoreProviders: [''] }, /Value\ ""\ should\ NOT\ be\ shorter\ than\ 1\ characters/],
      ['ignoreProviders duplicates', { ignoreProviders: ['Stripe', 'Stripe'] }, /Value\ \["Stripe","Stripe"\]\ should\ NOT\ have\ duplicate\ items/],
      ['extraPatterns not an array', { extraPatterns: { name: 'x' } }, /Value\ \{"name":"x"\}\ should\ be\ array/],
      ['extraPatterns missing keyword', { extraPatterns: [{ name: 'x', pattern: 'abc' }] }, /should have required property 'keyword'/],
      ['extraPatterns keyword too short', { extraPatterns: [{ name: 'x', pattern: 'abc', keyword: 'ab' }] }, /Value\ "ab"\ should\ NOT\ be\ shorter\ than\ 3\ characters/],
      ['extraPatterns pattern over 200', { extraPatterns: [{ name: 'x', pattern: 'a'.repeat(201), keyword: 'aaa' }] }, /should NOT be longer than 200 characters/],
      ['extraPatterns unknown key', { extraPatterns: [{ name: 'x', pattern: 'abc', keyword: 'abc', flags: 'i' }] }, /Unexpected property "flags"/],
      ['extraPatterns envName not an env name', { extraPatterns: [{ name: 'x', pattern: 'abc', keyword: 'abc', envName: 'acme key' }] }, /Value\ "acme\ key"\ should\ match\ pattern/],
      ['unknown option', { allowPattern: ['^a'] }, /Unexpected property "allowPattern"/],
    ])('%s', (_name, option, reason) => {
      expectSchemaError(R, [option], reason);
    });

    it('accepts a repeated allowValues or allowPatterns entry (ESLint would quote a rejected value, which may be a secret)', () => {
      expect(() => lint(R, stripeCode, [{ allowValues: ['abc', 'abc'], allowPatterns: ['^a', '^a'] }])).not.toThrow();
    });

    it('accepts exactly 200 characters', () => {
      expect(() => lint(R, stripeCode, [{ allowPatterns: ['a'.repeat(200)] }])).not.toThrow();
    });

    it('an invalid allowPatterns regex gives a clear error naming the option', () => {
      expect(() => lint(R, stripeCode, [{ allowPatterns: ['^sk_', '(unclosed'] }])).toThrow(/allowPatterns\[1\] is not a valid regular expression/);
    });
    it('a regex that is only invalid under the `u` flag is rejected clearly', () => {
      expect(() => lint(R, stripeCode, [{ allowPatterns: ['sk\\_live'] }])).toThrow(/allowPatterns\[0\] is not a valid regular expression/);
    });
    it('an invalid extraPatterns regex gives a clear error naming the option', () => {
      expect(() => lint(R, stripeCode, [{ extraPatterns: [{ name: 'Acme', pattern: 'acme_[', keyword: 'acme_' }] }])).toThrow(
        /extraPatterns\[0\]\.pattern is not a valid regular expression/,
      );
    });
  });
});

// =================================================================================================================
describe('no-logged-secrets options', () => {
  const R = 'no-logged-secrets';
  const custom = 'audit.info("login", process.env.API_TOKEN);\ndebugLog(process.env.API_TOKEN);\nhelpers.debugLog(process.env.API_TOKEN);';

  it('defaults: console is a logger, unknown objects and functions are not', () => {
    expect(ids(lint(R, 'console.log(process.env.API_TOKEN);'))).toEqual(['secretLogged']);
    expect(lint(R, custom)).toEqual([]);
  });

  it('loggers: an object whose methods log, a function, and that function called as a method', () => {
    const messages = lint(R, custom, [{ loggers: ['audit', 'debugLog'] }]);
    expect(messages.map((m) => m.line)).toEqual([1, 2, 3]);
  });

  it('loggers adds to the built-in loggers', () => {
    expect(lint(R, 'console.log(process.env.API_TOKEN);', [{ loggers: ['audit'] }])).toHaveLength(1);
  });

  it('checkErrors: on by default, off leaves error messages and thrown values alone', () => {
    const code = 'throw new Error(`bad ${process.env.API_TOKEN}`);\nfunction f() { throw process.env.STRIPE_KEY; }\nconsole.log(process.env.API_SECRET);';
    expect(lint(R, code).map((m) => m.line)).toEqual([1, 2, 3]);
    expect(lint(R, code, [{ checkErrors: false }]).map((m) => m.line)).toEqual([3]);
  });

  describe('invalid values', () => {
    it.each([
      ['loggers not an array', { loggers: 'audit' }, /Value\ "audit"\ should\ be\ array/],
      ['loggers empty string', { loggers: [''] }, /Value\ ""\ should\ NOT\ be\ shorter\ than\ 1\ characters/],
      ['loggers duplicates', { loggers: ['audit', 'audit'] }, /Value\ \["audit","audit"\]\ should\ NOT\ have\ duplicate\ items/],
      ['checkErrors wrong type', { checkErrors: 1 }, /Value\ 1\ should\ be\ boolean/],
      ['unknown option', { logger: ['audit'] }, /Unexpected property "logger"/],
    ])('%s', (_name, option, reason) => {
      expectSchemaError(R, [option], reason);
    });
  });
});

// =================================================================================================================
describe('oauth-credentials-from-env options', () => {
  const R = 'oauth-credentials-from-env';
  const GITHUB_ENDPOINTS =
    'authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token"';
  const clientId = `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: "read:user", clientId: "Iv1.8a61f9b3a7aba766", clientSecret: process.env.GITHUB_SECRET ?? "" });`;
  const secret = `${HEAD}worker.oauth("github", { ${GITHUB_ENDPOINTS}, scope: "read:user", clientId: process.env.GITHUB_ID ?? "", clientSecret: "${GENERIC}" });`;
  const tokens = `import { google } from "googleapis";\nconst c = new google.auth.OAuth2(process.env.ID, process.env.SECRET);\nc.setCredentials({ access_token: "${fakeGenericSecret(79)}", refresh_token: "${fakeGenericSecret(80)}" });`;

  it('checkClientId: a literal client id is reported by default, not when off; the secret still is', () => {
    expect(ids(lint(R, clientId))).toEqual(['hardcodedClientId']);
    expect(lint(R, clientId, [{ checkClientId: false }])).toEqual([]);
    expect(lint(R, secret, [{ checkClientId: false }])).toHaveLength(1);
  });

  it('checkTokens: access and refresh token fields are checked by default, not when off', () => {
    expect(lint(R, tokens)).toHaveLength(2);
    expect(lint(R, tokens, [{ checkTokens: false }])).toEqual([]);
  });

  it('checkTestFiles: test, spec, fixture and story files are skipped by default, checked when on', () => {
    for (const file of ['src/oauth.test.ts', 'src/__tests__/oauth.ts', 'fixtures/oauth.ts', 'src/oauth.stories.ts', 'src/oauth.spec.ts']) {
      expect(lint(R, secret, [], file), file).toEqual([]);
      expect(lint(R, secret, [{ checkTestFiles: true }], file), file).toHaveLength(1);
    }
  });

  describe('invalid values', () => {
    it.each([
      ['checkClientId wrong type', { checkClientId: 'false' }, /Value\ "false"\ should\ be\ boolean/],
      ['checkTokens wrong type', { checkTokens: null }, /Value\ null\ should\ be\ boolean/],
      ['checkTestFiles wrong type', { checkTestFiles: [] }, /Value\ \[\]\ should\ be\ boolean/],
      ['unknown option', { checkClientID: false }, /Unexpected property "checkClientID"/],
    ])('%s', (_name, option, reason) => {
      expectSchemaError(R, [option], reason);
    });
  });
});

// =================================================================================================================
describe('oauth-endpoints-https options', () => {
  const R = 'oauth-endpoints-https';
  const AUTH = '"https://auth.acme.io/oauth/authorize"';
  const TOKEN = '"https://auth.acme.io/oauth/token"';
  const CLIENT = 'clientId: process.env.ACME_ID ?? "", clientSecret: process.env.ACME_SECRET ?? ""';
  const withCallback = (url: string, token = TOKEN): string =>
    `${HEAD}worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: ${token}, callbackUrl: "${url}", ${CLIENT} });`;

  it('allowHttpLocalhost: localhost, 127.0.0.0/8, [::1] and *.localhost are allowed by default', () => {
    for (const url of ['http://localhost:3000/callback', 'http://127.0.0.1:8787/cb', 'http://127.8.9.10/cb', 'http://[::1]:3000/cb', 'http://app.localhost:3000/cb']) {
      expect(lint(R, withCallback(url)), url).toEqual([]);
    }
  });

  it('allowHttpLocalhost: false reports them', () => {
    for (const url of ['http://localhost:3000/callback', 'http://127.8.9.10/cb', 'http://[::1]:3000/cb', 'http://app.localhost:3000/cb']) {
      expect(ids(lint(R, withCallback(url), [{ allowHttpLocalhost: false }])), url).toEqual(['insecureLocalhost']);
    }
  });

  it('allowHttpLocalhost does not allow other plain-http hosts', () => {
    expect(ids(lint(R, withCallback('http://localhost.acme.io/cb')))).toEqual(['insecureUrl']);
  });

  it('checkCallbackUrl: a plain-http callback is reported by default, not when off; endpoints still are', () => {
    const callback = withCallback('http://auth.acme.io/callback');
    expect(ids(lint(R, callback))).toEqual(['insecureUrl']);
    expect(lint(R, callback, [{ checkCallbackUrl: false }])).toEqual([]);
    const both = withCallback('http://auth.acme.io/callback', '"http://auth.acme.io/oauth/token"');
    expect(ids(lint(R, both, [{ checkCallbackUrl: false }]))).toEqual(['insecureUrl']);
  });

  describe('invalid values', () => {
    it.each([
      ['allowHttpLocalhost wrong type', { allowHttpLocalhost: 'true' }, /Value\ "true"\ should\ be\ boolean/],
      ['checkCallbackUrl wrong type', { checkCallbackUrl: 0 }, /Value\ 0\ should\ be\ boolean/],
      ['unknown option', { allowLocalhost: true }, /Unexpected property "allowLocalhost"/],
    ])('%s', (_name, option, reason) => {
      expectSchemaError(R, [option], reason);
    });
  });
});

// =================================================================================================================
describe('prefer-credential-injection options', () => {
  const R = 'prefer-credential-injection';
  const sdk = JSON.stringify({ name: '@notionhq/workers', version: '0.9.2' });
  const DIR = project({
    'package.json': JSON.stringify({ name: 'my-worker', dependencies: { '@notionhq/workers': '^0.9.2' } }),
    'node_modules/@notionhq/workers/package.json': sdk,
  });
  const FILE = join(DIR, 'src/index.ts');
  const call = (url: string): string =>
    `${HEAD}export const q = () => fetch("${url}", { method: "POST", headers: { Authorization: \`Bearer \${process.env.ACME_API_KEY}\` } });`;

  it('defaults: a credential header set in code is reported', () => {
    expect(lint(R, call('https://api.example.com/v1/items'), [], FILE, DIR)).toHaveLength(1);
  });

  it('allowHosts: an exact host', () => {
    expect(lint(R, call('https://api.example.com/v1/items'), [{ allowHosts: ['api.example.com'] }], FILE, DIR)).toEqual([]);
    expect(lint(R, call('https://other.example.com/v1/items'), [{ allowHosts: ['api.example.com'] }], FILE, DIR)).toHaveLength(1);
  });

  it('allowHosts: `*.example.com` matches subdomains', () => {
    const option = [{ allowHosts: ['api.example.com', '*.internal.example.com'] }];
    expect(lint(R, call('https://billing.internal.example.com/v1'), option, FILE, DIR)).toEqual([]);
    expect(lint(R, call('https://a.b.internal.example.com/v1'), option, FILE, DIR)).toEqual([]);
    expect(lint(R, call('https://internal.example.com.evil.io/v1'), option, FILE, DIR)).toHaveLength(1);
    expect(lint(R, call('https://notinternal.example.com/v1'), option, FILE, DIR)).toHaveLength(1);
  });

  describe('invalid values', () => {
    it.each([
      ['allowHosts not an array', { allowHosts: 'api.example.com' }, /Value\ "api\.example\.com"\ should\ be\ array/],
      ['allowHosts empty string', { allowHosts: [''] }, /Value\ ""\ should\ NOT\ be\ shorter\ than\ 1\ characters/],
      ['allowHosts duplicates', { allowHosts: ['a.io', 'a.io'] }, /Value\ \["a\.io","a\.io"\]\ should\ NOT\ have\ duplicate\ items/],
      ['unknown option', { allowHost: ['a.io'] }, /Unexpected property "allowHost"/],
    ])('%s', (_name, option, reason) => {
      expectSchemaError(R, [option], reason);
    });
  });
});

// =================================================================================================================
describe('no-broad-oauth-scopes options', () => {
  const R = 'no-broad-oauth-scopes';
  const G = 'https://www.googleapis.com/auth/';
  const GOOGLE = 'authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth", tokenEndpoint: "https://oauth2.googleapis.com/token"';
  const GITHUB = 'authorizationEndpoint: "https://github.com/login/oauth/authorize", tokenEndpoint: "https://github.com/login/oauth/access_token"';
  const ACME = 'authorizationEndpoint: "https://auth.acme.io/oauth/authorize", tokenEndpoint: "https://auth.acme.io/oauth/token"';
  const MS = 'authorizationEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize", tokenEndpoint: "https://login.microsoftonline.com/common/oauth2/v2.0/token"';
  const CLIENT = 'clientId: process.env.X_ID ?? "", clientSecret: process.env.X_SECRET ?? ""';
  const cfg = (endpoints: string, scope: string): string => `${HEAD}worker.oauth("p", { ${endpoints}, scope: "${scope}", ${CLIENT} });`;

  it('defaults: a broad GitHub scope is reported; no maxScopes limit; nothing forbidden', () => {
    expect(ids(lint(R, cfg(GITHUB, 'repo')))).toEqual(['broadScope']);
    expect(lint(R, cfg(GITHUB, 'read:user user:email read:org read:project notifications gist'))).toEqual([]);
    expect(lint(R, cfg(ACME, 'write:invoices'))).toEqual([]);
  });

  it('allow: per provider id, exact, short and full Google form', () => {
    expect(lint(R, cfg(GITHUB, 'repo'), [{ allow: { github: ['repo'] } }])).toEqual([]);
    expect(lint(R, cfg(GITHUB, 'repo'), [{ allow: { google: ['repo'] } }])).toHaveLength(1);
    expect(lint(R, cfg(GOOGLE, `${G}drive`), [{ allow: { google: ['drive'] } }])).toEqual([]);
    expect(lint(R, cfg(GOOGLE, 'drive'), [{ allow: { google: [`${G}drive`] } }])).toEqual([]);
  });

  it('allow: `*` for every provider and a prefix ending in `*`', () => {
    expect(lint(R, cfg(GITHUB, 'admin:org admin:repo_hook'), [{ allow: { '*': ['admin:*'] } }])).toEqual([]);
    expect(lint(R, cfg(GITHUB, 'admin:org repo'), [{ allow: { '*': ['admin:*'] } }])).toHaveLength(1);
  });

  it('maxScopes: more distinct scopes than the limit are reported; equal is fine', () => {
    expect(lint(R, cfg(GITHUB, 'read:user user:email'), [{ maxScopes: 2 }])).toEqual([]);
    expect(ids(lint(R, cfg(GITHUB, 'read:user user:email read:org'), [{ maxScopes: 2 }]))).toEqual(['tooManyScopes']);
  });

  it('maxScopes: a scope in its short and full-URL form counts once (Microsoft)', () => {
    expect(lint(R, cfg(MS, 'User.Read https://graph.microsoft.com/User.Read offline_access'), [{ maxScopes: 2 }])).toEqual([]);
    expect(lint(R, cfg(GITHUB, 'read:user read:user user:email'), [{ maxScopes: 2 }])).toEqual([]);
  });

  it('forbid: exact and prefix, whatever the provider', () => {
    expect(ids(lint(R, cfg(ACME, 'read:invoices write:invoices'), [{ forbid: ['write:*'] }]))).toEqual(['forbiddenScope']);
    expect(ids(lint(R, cfg(ACME, 'read:invoices delete'), [{ forbid: ['delete'] }]))).toEqual(['forbiddenScope']);
  });

  it('forbid wins over allow', () => {
    expect(ids(lint(R, cfg(GITHUB, 'read:user admin:org'), [{ allow: { github: ['admin:org'] }, forbid: ['admin:org'] }]))).toEqual(['forbiddenScope']);
  });

  describe('invalid values', () => {
    it.each([
      ['maxScopes negative', { maxScopes: -1 }, /Value\ \-1\ should\ be\ >=\ 1/],
      ['maxScopes zero', { maxScopes: 0 }, /Value\ 0\ should\ be\ >=\ 1/],
      ['maxScopes not an integer', { maxScopes: 2.5 }, /Value\ 2\.5\ should\ be\ integer/],
      ['maxScopes a string', { maxScopes: '5' }, /Value\ "5"\ should\ be\ integer/],
      ['forbid not an array', { forbid: 'repo' }, /Value\ "repo"\ should\ be\ array/],
      ['forbid empty string', { forbid: [''] }, /Value\ ""\ should\ NOT\ be\ shorter\ than\ 1\ characters/],
      ['forbid duplicates', { forbid: ['repo', 'repo'] }, /Value\ \["repo","repo"\]\ should\ NOT\ have\ duplicate\ items/],
      ['allow not an object', { allow: ['repo'] }, /Value\ \["repo"\]\ should\ be\ object/],
      ['allow provider value not an array', { allow: { github: 'repo' } }, /Value\ "repo"\ should\ be\ array/],
      ['allow empty scope', { allow: { github: [''] } }, /Value\ ""\ should\ NOT\ be\ shorter\ than\ 1\ characters/],
      ['allow duplicate scopes', { allow: { github: ['repo', 'repo'] } }, /Value\ \["repo","repo"\]\ should\ NOT\ have\ duplicate\ items/],
      ['unknown option', { allowed: {} }, /Unexpected property "allowed"/],
    ])('%s', (_name, option, reason) => {
      expectSchemaError(R, [option], reason);
    });
    it('maxScopes: 1 is accepted', () => {
      expect(() => lint(R, cfg(GITHUB, 'read:user'), [{ maxScopes: 1 }])).not.toThrow();
    });
  });
});

// =================================================================================================================
describe('env-example-in-sync options', () => {
  const R = 'env-example-in-sync';
  const DIR = project({ '.env.example': 'GITHUB_TOKEN=\n', 'package.json': '{ "name": "w" }\n' });
  const FILE = join(DIR, 'src/index.ts');
  const code = 'const a = process.env.VITE_PUBLIC_URL;\nconst b = process.env.RENDER_GIT_COMMIT;\nconst c = process.env.OTHER_KEY;\nconst d = process.env.NODE_ENV;\nconst e = process.env.GITHUB_TOKEN;';

  it('defaults: names missing from .env.example are reported; built-in runtime names are not', () => {
    expect(lint(R, code, [], FILE, DIR).map((m) => m.line)).toEqual([1, 2, 3]);
  });

  it('allowNames: exact names and `PREFIX_*`; the built-in names still apply', () => {
    expect(lint(R, code, [{ allowNames: ['VITE_*', 'RENDER_GIT_COMMIT'] }], FILE, DIR).map((m) => m.line)).toEqual([3]);
    // an exact entry is not a prefix
    expect(lint(R, code, [{ allowNames: ['VITE_PUBLIC', 'RENDER_GIT_COMMIT'] }], FILE, DIR).map((m) => m.line)).toEqual([1, 3]);
  });

  it('checkTestFiles: test files are skipped by default, checked when on', () => {
    const test = join(DIR, 'src/__tests__/worker.test.ts');
    expect(lint(R, code, [], test, DIR)).toEqual([]);
    expect(lint(R, code, [{ checkTestFiles: true }], test, DIR)).toHaveLength(3);
  });

  describe('invalid values', () => {
    it.each([
      ['allowNames not an array', { allowNames: 'VITE_*' }, /Value\ "VITE_\*"\ should\ be\ array/],
      ['allowNames empty string', { allowNames: [''] }, /Value\ ""\ should\ NOT\ be\ shorter\ than\ 1\ characters/],
      ['allowNames duplicates', { allowNames: ['A', 'A'] }, /Value\ \["A","A"\]\ should\ NOT\ have\ duplicate\ items/],
      ['checkTestFiles wrong type', { checkTestFiles: 'yes' }, /Value\ "yes"\ should\ be\ boolean/],
      ['unknown option', { allowName: ['A'] }, /Unexpected property "allowName"/],
    ])('%s', (_name, option, reason) => {
      expectSchemaError(R, [option], reason);
    });
  });
});

// =================================================================================================================
describe('no-committed-env-files options', () => {
  const R = 'no-committed-env-files';
  const WORKER = `${HEAD}`;
  const IGNORE = '.env\n.env.local\n';
  const token = fakeToken('github-classic-pat', 91);
  const files = {
    'package.json': '{ "name": "my-worker" }\n',
    '.gitignore': IGNORE,
    '.env.example': 'GITHUB_TOKEN=\n',
    '.env.dist': `GITHUB_TOKEN=${token}\n`,
    '.env.sample': 'GITHUB_TOKEN=\n',
    '.env.vault': 'DOTENV_VAULT_DEVELOPMENT="encrypted"\n',
    '.env.test': 'API_URL=http://localhost\n',
    'src/index.ts': WORKER,
  };
  const DIR = project(files, ['.env.example', '.env.dist', '.env.sample', '.env.vault', '.env.test', '.gitignore']);
  const FILE = join(DIR, 'src/index.ts');
  const SAMPLE_SECRET = project(
    { 'package.json': files['package.json'], '.gitignore': IGNORE, '.env.sample': `GITHUB_TOKEN=${token}\n`, 'src/index.ts': WORKER },
    ['.env.sample', '.gitignore'],
  );

  const summary = (messages: Linter.LintMessage[]): string[] =>
    messages.map((m) => `${m.messageId}:${/`(\.env[^`]*)`/.exec(m.message)?.[1] ?? '?'}`).sort();

  it('defaults: .env.sample/.env.template are templates, .env.vault is allowed, others tracked are reported', () => {
    expect(summary(lint(R, WORKER, [], FILE, DIR))).toEqual(['trackedEnvFile:.env.dist', 'trackedEnvFile:.env.test']);
  });

  it('defaults: checkExampleSecrets is on for the default templates', () => {
    expect(summary(lint(R, WORKER, [], join(SAMPLE_SECRET, 'src/index.ts'), SAMPLE_SECRET))).toEqual(['secretInEnvExample:.env.sample']);
  });

  it('exampleFiles: a listed template is committed on purpose and its values are checked', () => {
    const messages = lint(R, WORKER, [{ exampleFiles: ['.env.sample', '.env.template', '.env.dist'] }], FILE, DIR);
    expect(summary(messages)).toEqual(['secretInEnvExample:.env.dist', 'trackedEnvFile:.env.test']);
    expect(messages.map((m) => m.message).join('\n')).not.toContain(token);
  });

  it('exampleFiles replaces the default list (docs: "the option replaces the default list")', () => {
    expect(summary(lint(R, WORKER, [{ exampleFiles: ['.env.dist'] }], FILE, DIR))).toEqual([
      'secretInEnvExample:.env.dist',
      'trackedEnvFile:.env.sample',
      'trackedEnvFile:.env.test',
    ]);
  });

  it('allowFiles: listed env files may be committed and are not checked', () => {
    expect(summary(lint(R, WORKER, [{ allowFiles: ['.env.vault', '.env.test'] }], FILE, DIR))).toEqual(['trackedEnvFile:.env.dist']);
    // replacing the list drops `.env.vault`
    expect(summary(lint(R, WORKER, [{ allowFiles: ['.env.test'] }], FILE, DIR))).toEqual(['trackedEnvFile:.env.dist', 'trackedEnvFile:.env.vault']);
  });

  it('checkExampleSecrets: false stops reporting secrets in templates, not tracked files', () => {
    expect(lint(R, WORKER, [{ checkExampleSecrets: false }], join(SAMPLE_SECRET, 'src/index.ts'), SAMPLE_SECRET)).toEqual([]);
    const messages = lint(R, WORKER, [{ exampleFiles: ['.env.sample', '.env.dist'], checkExampleSecrets: false }], FILE, DIR);
    expect(summary(messages)).toEqual(['trackedEnvFile:.env.test']);
  });

  describe('invalid values', () => {
    it.each([
      ['exampleFiles not an array', { exampleFiles: '.env.dist' }, /Value\ "\.env\.dist"\ should\ be\ array/],
      ['exampleFiles empty string', { exampleFiles: [''] }, /Value\ ""\ should\ NOT\ be\ shorter\ than\ 1\ characters/],
      ['exampleFiles duplicates', { exampleFiles: ['.env.dist', '.env.dist'] }, /Value\ \["\.env\.dist","\.env\.dist"\]\ should\ NOT\ have\ duplicate\ items/],
      ['allowFiles empty string', { allowFiles: [''] }, /Value\ ""\ should\ NOT\ be\ shorter\ than\ 1\ characters/],
      ['allowFiles duplicates', { allowFiles: ['.env.vault', '.env.vault'] }, /Value\ \["\.env\.vault","\.env\.vault"\]\ should\ NOT\ have\ duplicate\ items/],
      ['checkExampleSecrets wrong type', { checkExampleSecrets: 'no' }, /Value\ "no"\ should\ be\ boolean/],
      ['unknown option', { exampleFile: ['.env.dist'] }, /Unexpected property "exampleFile"/],
    ])('%s', (_name, option, reason) => {
      expectSchemaError(R, [option], reason);
    });
  });
});

// =================================================================================================================
describe('every rule: documented defaults equal meta.defaultOptions, and a second options object is rejected', () => {
  const documented: Record<string, Record<string, unknown>> = {
    'env-example-in-sync': { allowNames: [], checkTestFiles: false },
    'no-broad-oauth-scopes': { allow: {}, forbid: [] },
    'no-committed-env-files': { exampleFiles: ['.env.sample', '.env.template'], allowFiles: ['.env.vault'], checkExampleSecrets: true },
    'no-hardcoded-secrets': { checkComments: true, testFiles: 'high-confidence' },
    'no-logged-secrets': { loggers: [], checkErrors: true },
    'oauth-credentials-from-env': { checkClientId: true, checkTokens: true, checkTestFiles: false },
    'oauth-endpoints-https': { allowHttpLocalhost: true, checkCallbackUrl: true },
    'prefer-credential-injection': { allowHosts: [] },
  };
  it('covers the 8 rules', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(Object.keys(documented).sort());
  });
  it.each(Object.keys(documented))('%s', (rule) => {
    const meta = plugin.rules[rule as keyof typeof plugin.rules].meta;
    expect(meta?.defaultOptions?.[0]).toMatchObject(documented[rule]!);
    expect(() => lint(rule, 'const a = 1;', [{}, {}])).toThrow(new RegExp(`worker-auth/${rule}`));
    expect(() => lint(rule, 'const a = 1;', ['string'])).toThrow(new RegExp(`worker-auth/${rule}`));
  });
});
// =================================================================================================================
describe('gaps found by the held-out set, fixed', () => {
  // docs/rules/no-hardcoded-secrets.md: `ignoreProviders: ["google-api-key"]` keeps quiet about `AIza…` keys "in a Firebase web config"; the key under `apiKey:` is still reported, as a generic "Secret".
  it('no-hardcoded-secrets ignoreProviders ["google-api-key"] silences an AIza key in a Firebase config', () => {
    const code = `const firebaseConfig = { apiKey: "${GOOGLE_KEY}", authDomain: "demo.firebaseapp.com", projectId: "demo" };`;
    expect(lint('no-hardcoded-secrets', code, [{ ignoreProviders: ['google-api-key'] }])).toEqual([]);
  });
  // same option: docs say ignored formats are "never reported"; any secret-named place (`const key = "sk_live_…"`) still reports it as a "Secret".
  it('no-hardcoded-secrets ignoreProviders ["Stripe"] silences a Stripe key assigned to a secret-named variable', () => {
    expect(lint('no-hardcoded-secrets', `export const key = "${STRIPE}";`, [{ ignoreProviders: ['Stripe'] }])).toEqual([]);
  });
});
