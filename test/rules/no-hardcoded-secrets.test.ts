import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import rule from '../../rules/no-hardcoded-secrets.js';
import plugin from '../../src/index.js';
import { readJsxAttribute, regexPatternText } from '../../src/ast/sites.js';
import { hasUncookedEscape, rawToSourceOffsets } from '../../src/ast/strings.js';
import { redact } from '../../src/detect/redact.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from '../support/fake-tokens.js';

const gh = fakeToken('github-classic-pat', 11);
const ghMasked = redact(gh, 'ghp_');
const sk = fakeToken('stripe-secret-key', 12);
const skMasked = redact(sk, sk.slice(0, 8));
const generic = fakeGenericSecret(13);
const genericMasked = redact(generic);
const DB_PASSWORD = randomString(CHARSETS.b62, 16, 41);
const ACME = 'acme_live_Q7x9Lm2Vb8Nc4Rt6Yw1Pz3Ks';
const GH = { what: 'GitHub personal access token', masked: ghMasked, envName: 'GITHUB_TOKEN' };
const STRIPE = { what: 'Stripe secret key', masked: skMasked, envName: 'STRIPE_SECRET_KEY' };

const ts = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

ts.run('no-hardcoded-secrets (typescript-eslint parser)', rule, {
  valid: [
    'const token = process.env.GITHUB_TOKEN;',
    'const token = process.env.GITHUB_TOKEN ?? "";',
    'const apiKey = "<paste your token here>";',
    'const apiKey = "YOUR_API_KEY";',
    'const token = "xxxxxxxxxxxxxxxxxxxxxxxx";',
    'const token = "****************";',
    'const token = "${GITHUB_TOKEN}";',
    'const secret = "{{credential}}";',
    'const userId = "3f0b1c9e-5a7d-4e2b-9c1f-8d6a2b4e7f10";',
    'const databaseId = "8a6d3f2e9b1c4d7e8f0a1b2c3d4e5f60";',
    'const commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";',
    'const integrity = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC";',
    'const logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";',
    'const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZ1sj2M3Yp0dD5wzq9Hq3x8yJm1b7n0cVwQx3m2kZ9r user@host";',
    'const awsKeyId = "AKIAIOSFODNN7EXAMPLE";',
    'const tokenUrl = "https://github.com/login/oauth/access_token";',
    'const passwordHash = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";',
    'const label = "Paste your GitHub token";',
    'const header = "Authorization";',
    'const db = "postgres://user:password@localhost:5432/app";',
    'const db = "postgres://postgres:postgres@localhost:5432/app";',
    `const pk = "${fakeToken('stripe-publishable-key', 3)}";`,
    // fakes in a test file: only provider-certain tokens are reported there
    { code: `const token = "${generic}";`, filename: 'src/__tests__/client.test.ts' },
    // options
    { code: `const a = "${gh}";`, options: [{ allowValues: [gh] }] },
    { code: `const a = "${gh}";`, options: [{ ignoreProviders: ['GitHub'] }] },
    { code: `const a = "${gh}";`, options: [{ allowPatterns: ['^ghp_'] }] },
    { code: `// ${gh}`, options: [{ checkComments: false }] },
    { code: `const a = "${gh}";`, filename: 'test/fixtures/a.ts', options: [{ testFiles: 'off' }] },
  ],
  invalid: [
    {
      code: `const gh = "${gh}";`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          line: 1,
          column: 13,
          endColumn: 13 + gh.length,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const gh = process.env.GITHUB_TOKEN ?? "";' }],
        },
      ],
    },
    {
      // inside a longer string: own columns, the literal becomes a template
      code: `fetch(url, { headers: { Authorization: "Bearer ${gh}" } });`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          column: 48,
          endColumn: 48 + gh.length,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'GITHUB_TOKEN' },
              output: 'fetch(url, { headers: { Authorization: `Bearer ${process.env.GITHUB_TOKEN ?? ""}` } });',
            },
          ],
        },
      ],
    },
    {
      code: `const h = \`token ${gh}\`;`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          column: 18,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const h = `token ${process.env.GITHUB_TOKEN ?? ""}`;' }],
        },
      ],
    },
    {
      code: `const token = process.env.GITHUB_TOKEN ?? "${gh}";`,
      errors: [
        {
          messageId: 'hardcodedFallback',
          data: { ...GH, envRead: 'process.env.GITHUB_TOKEN' },
          suggestions: [{ messageId: 'dropFallback', data: { envName: 'GITHUB_TOKEN', envRead: 'process.env.GITHUB_TOKEN' }, output: 'const token = process.env.GITHUB_TOKEN ?? "";' }],
        },
      ],
    },
    {
      code: `const stripe = new Stripe("${sk}");`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: STRIPE,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'STRIPE_SECRET_KEY' }, output: 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");' }],
        },
      ],
    },
    {
      code: `const openai = new OpenAI({ apiKey: "${generic}" });`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { what: 'OpenAI secret', masked: genericMasked, envName: 'OPENAI_API_KEY' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'OPENAI_API_KEY' }, output: 'const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "" });' }],
        },
      ],
    },
    {
      code: `const clientSecret = "${generic}";`,
      errors: [{ messageId: 'hardcodedSecret', data: { what: 'Secret', masked: genericMasked, envName: 'CLIENT_SECRET' }, suggestions: [{ messageId: 'useEnv', data: { envName: 'CLIENT_SECRET' }, output: 'const clientSecret = process.env.CLIENT_SECRET ?? "";' }] }],
    },
    {
      // a comment leaks too; no suggestion
      code: `// old token: ${gh}\nconst x = 1;`,
      errors: [{ messageId: 'secretInComment', data: GH, line: 1, column: 15, suggestions: [] }],
    },
    {
      // JSX attribute
      code: `const w = <Widget apiKey="${gh}" />;`,
      filename: 'widget.tsx',
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const w = <Widget apiKey={process.env.GITHUB_TOKEN ?? ""} />;' }],
        },
      ],
    },
    {
      // default parameter
      code: `function connect(token = "${gh}") { return token; }`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'function connect(token = process.env.GITHUB_TOKEN ?? "") { return token; }' }],
        },
      ],
    },
    {
      // concatenation: parenthesised so `??` does not swallow the `+`
      code: `const h = "Bearer " + "${gh}";`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const h = "Bearer " + (process.env.GITHUB_TOKEN ?? "");' }],
        },
      ],
    },
    {
      // two secrets in one string: two reports, each at its own columns
      code: `const s = "${gh} ${sk}";`,
      errors: [
        { messageId: 'hardcodedSecret', data: GH, column: 12, endColumn: 12 + gh.length, suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: `const s = \`\${process.env.GITHUB_TOKEN ?? ""} ${sk}\`;` }] },
        { messageId: 'hardcodedSecret', data: STRIPE, column: 13 + gh.length, suggestions: [{ messageId: 'useEnv', data: { envName: 'STRIPE_SECRET_KEY' }, output: `const s = \`${gh} \${process.env.STRIPE_SECRET_KEY ?? ""}\`;` }] },
      ],
    },
    {
      // escapes before the token shift its source columns
      code: `const s = "a\\tb\\u0041 ${gh}";`,
      errors: [{ messageId: 'hardcodedSecret', data: GH, column: 23, endColumn: 23 + gh.length, suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const s = `a\\tb\\u0041 ${process.env.GITHUB_TOKEN ?? ""}`;' }] }],
    },
    {
      // the token itself written with an escape: the first step reads the string's value, not its source text
      code: `const s = "\\x67${gh.slice(1)}";`,
      errors: [{ messageId: 'hardcodedSecret', data: GH, column: 12, endColumn: 12 + gh.length + 3, suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const s = process.env.GITHUB_TOKEN ?? "";' }] }],
    },
    {
      // class field and a database URL password
      code: `class Db { private url = "postgres://app:${DB_PASSWORD}@db.internal:5432/app"; }`,
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { what: 'PostgreSQL password in a URL', masked: redact(DB_PASSWORD), envName: 'DATABASE_PASSWORD' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'DATABASE_PASSWORD' },
              output: 'class Db { private url = `postgres://app:${process.env.DATABASE_PASSWORD ?? ""}@db.internal:5432/app`; }',
            },
          ],
        },
      ],
    },
    {
      // in test files, provider-certain tokens are still reported; strict mode reports generic ones too
      code: `const token = "${generic}";`,
      filename: 'src/__tests__/client.test.ts',
      options: [{ testFiles: 'all' }],
      errors: [{ messageId: 'hardcodedSecret', data: { what: 'Secret', masked: genericMasked, envName: 'API_TOKEN' }, suggestions: [{ messageId: 'useEnv', data: { envName: 'API_TOKEN' }, output: 'const token = process.env.API_TOKEN ?? "";' }] }],
    },
    {
      code: `const acme = "${ACME}";`,
      options: [{ extraPatterns: [{ name: 'Acme', pattern: 'acme_live_[A-Za-z0-9]{24}', keyword: 'acme_live_', envName: 'ACME_KEY' }] }],
      errors: [{ messageId: 'hardcodedSecret', data: { what: 'Acme credential', masked: redact(ACME, 'acme_live_'), envName: 'ACME_KEY' }, suggestions: [{ messageId: 'useEnv', data: { envName: 'ACME_KEY' }, output: 'const acme = process.env.ACME_KEY ?? "";' }] }],
    },
  ],
});

const js = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } } } });

js.run('no-hardcoded-secrets (espree, .js)', rule, {
  valid: ['const token = process.env.GITHUB_TOKEN ?? "";', 'module.exports = { apiKey: "YOUR_API_KEY" };'],
  invalid: [
    {
      code: `module.exports = { token: "${gh}" };`,
      filename: 'config.js',
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'module.exports = { token: process.env.GITHUB_TOKEN ?? "" };' }],
        },
      ],
    },
    {
      code: `const client = new WebClient(\`${gh}\`);`,
      filename: 'bot.mjs',
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: GH,
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GITHUB_TOKEN' }, output: 'const client = new WebClient(`${process.env.GITHUB_TOKEN ?? ""}`);' }],
        },
      ],
    },
  ],
});

describe('JSON Web Keys', () => {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{ plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-hardcoded-secrets': 'error' } }];
  const n = randomString(CHARSETS.b64url, 342, 71);
  const kid = randomString(CHARSETS.hex, 40, 72);
  const d = randomString(CHARSETS.b64url, 342, 73);
  it('the public members of a key (`kty`, `n`, `e`, `kid`) are a public key: nothing reported, wherever the key is held', () => {
    const code = `export const JWKS = { keys: [{ kty: "RSA", kid: "${kid}", n: "${n}", e: "AQAB" }] };`;
    expect(linter.verify(code, config, 'jwks.js')).toEqual([]);
  });
  it('its private members (`d`, `p`, `q`…) are a private key: reported', () => {
    const code = `export const signingKey = { kty: "RSA", kid: "${kid}", n: "${n}", e: "AQAB", d: "${d}" };`;
    const messages = linter.verify(code, config, 'jwk.js');
    expect(messages.map((m) => [m.ruleId, m.column])).toEqual([['worker-auth/no-hardcoded-secrets', code.indexOf(d) + 1]]);
  });
  it('without `kty` the same names are read as any other', () => {
    const code = `export const point = { n: "${n}", e: "AQAB" };`;
    expect(linter.verify(code, config, 'point.js')).toEqual([]);
  });
});

describe('fallbacks of member reads', () => {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{ plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-hardcoded-secrets': 'error' } }];
  const secret = fakeGenericSecret(81);
  const lines = (code: string): number[] => linter.verify(code, config, 'f.js').map((m) => m.line);
  it('the fallback of a credential-named member is a credential (`config.apiToken ?? "…"`, `env.ACME_TOKEN ?? "…"`)', () => {
    expect(lines(`export const a = config.apiToken ?? "${secret}";\nconst env = process.env;\nexport const b = env.ACME_TOKEN ?? "${secret}";\n`)).toEqual([1, 3]);
  });
  it('any other member name leaves the value to the names around it', () => {
    expect(lines(`export const apiKey = opts.label || "${secret}";\n`)).toEqual([1]);
    expect(lines(`export const title = opts.label || "${secret}";\n`)).toEqual([]);
  });
});

describe('schema defaults, vendor schemes with lists, words around a random part', () => {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{ plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-hardcoded-secrets': 'error' } }];
  const secret = fakeGenericSecret(91);
  const lines = (code: string): number[] => linter.verify(code, config, 'f.js').map((m) => m.line);
  it('the default of an env schema is named by the key above its validator chain (zod, envalid)', () => {
    const code = [
      `export const env = z.object({`,
      `  ACME_API_TOKEN: z.string().default("${secret}"),`,
      `  ACME_SECRET: z.string().min(1).default("${secret}").optional().describe("x"),`,
      `  REGION: z.string().default("${secret}"),`,
      `}).parse(process.env);`,
      `export const env2 = cleanEnv(process.env, { ACME_TOKEN: str({ devDefault: "${secret}" }), LABEL: str({ default: "${secret}" }) });`,
      `export const other = { ACME_TOKEN: wrap("${secret}") };`,
    ].join('\n');
    expect(lines(code)).toEqual([2, 3, 6]);
  });
  it('a vendor scheme followed by a comma-separated list of tokens (`FlyV1 fm2_…,fm2_…`)', () => {
    const list = `fm2_${randomString(CHARSETS.b64, 60, 92)},fm2_${randomString(CHARSETS.b64, 60, 93)}`;
    expect(lines(`fetch(url, { headers: { Authorization: "FlyV1 ${list}" } });`)).toEqual([1]);
    expect(lines(`fetch(url, { headers: { "X-Title": "FlyV1 ${list}" } });`)).toEqual([]);
  });
  it('a random part behind a few words is no identifier (`secret-token:acme_live_<random>_x`)', () => {
    for (let seed = 94; seed < 104; seed++) {
      const token = `secret-token:acme_production_wma_${randomString(CHARSETS.b62, 40, seed)}_edcba`;
      expect(lines(`fetch(url, { headers: { Authorization: "Bearer ${token}" } });`), token.slice(0, 40)).toEqual([1]);
    }
    expect(lines(`export const apiKey = "secret-token:acme_production_wma_primary_key";`)).toEqual([]);
  });
});

describe('raw template text, astral JSX entities and regular expression patterns: a token at its own columns', () => {
  const linter = new Linter({ configType: 'flat' });
  const base = { plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-hardcoded-secrets': 'error' } } as const;
  const configs: Record<'js' | 'ts', Linter.Config[]> = {
    js: [{ ...base, files: ['**/*.js', '**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } }],
    ts: [{ ...base, files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } }],
  };
  const token = fakeToken('github-classic-pat', 9101);
  const stripe = fakeToken('stripe-secret-key', 9102);
  const npm = fakeToken('npm-access-token', 9103);
  const other = fakeToken('github-classic-pat', 9104);
  const emoji = '\u{1F600}';
  const lint = (code: string, file: string) => linter.verify(code, configs[/\.[cm]?tsx?$/.test(file) ? 'ts' : 'js'], file);
  /** `line:column-endLine:endColumn` of `needle` in `code`, every line terminator counted as ESLint counts it. */
  const spanOf = (code: string, needle: string): string => {
    const at = (offset: number) => {
      const lines = code.slice(0, offset).split(/\r\n|[\r\n\u2028\u2029]/);
      return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
    };
    const start = code.indexOf(needle);
    return `${at(start)}-${at(start + needle.length)}`;
  };
  const spans = (messages: readonly Linter.LintMessage[]) => messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`);

  it('`String.raw`: escapes and a CRLF or lone CR line break before the token (espree normalises the raw text)', () => {
    for (const file of ['raw.js', 'raw.ts']) {
      for (const lineBreak of ['\r\n', '\r']) {
        const code = `export const a = String.raw\`\\t\\n\\u0041\\x41${lineBreak}${token}\`;\n`;
        expect(spans(lint(code, file)), `${file} ${JSON.stringify(lineBreak)}`).toEqual([spanOf(code, token)]);
      }
    }
  });

  it('a tag with an invalid escape reads the raw text: the token after it and a CRLF at its own columns, both parsers', () => {
    for (const file of ['tag.js', 'tag.ts']) {
      for (const escape of ['\\u{ZZ}', '\\xZ', '\\u12', '\\01']) {
        const code = `export const a = tag\`${escape}\\n\r\n ${token}\`;\n`;
        expect(spans(lint(code, file)), `${file} ${escape}`).toEqual([spanOf(code, token)]);
      }
    }
  });

  it('hasUncookedEscape: escapes a template cannot cook, not an escaped backslash', () => {
    for (const raw of ['\\u{ZZ}', '\\u{}', '\\u{110000}', '\\xZ1', '\\u12', '\\01', '\\8', 'a\\\\\\u{ZZ}']) expect(hasUncookedEscape(raw), raw).toBe(true);
    for (const raw of ['\\\\u{ZZ}', '\\u{1F600}\\n', '\\u{0000041}', '\\x41\\u0041', '\\0', '\\0a', '\\`\\${x}', 'a\\\r\nb']) expect(hasUncookedEscape(raw), raw).toBe(false);
  });

  it('rawToSourceOffsets: a line break espree normalised stands for its source characters', () => {
    expect(rawToSourceOffsets('a\r\nb', 'a\nb')).toEqual([0, 1, 3, 4]);
    expect(rawToSourceOffsets('a\rb', 'a\nb')).toEqual([0, 1, 2, 3]);
    expect(rawToSourceOffsets('\\t\r\nb', '\\t\r\nb')).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a JSX attribute: a token after an astral numeric entity, which espree decodes to one UTF-16 unit', () => {
    for (const file of ['astral.jsx', 'astral.tsx']) {
      const code = `export const V = () => <a title="&#x1F600;&#128512;&#x10FFFF; ${token}" />;\n`;
      expect(spans(lint(code, file)), file).toEqual([spanOf(code, token)]);
    }
  });

  it('a JSX attribute: the suggestion writes each entity as the character it stands for, the emoji too', () => {
    for (const file of ['astral.jsx', 'astral.tsx']) {
      const code = `export const V = () => <a title="&eacute;&#x1F600;&amp; ${token}" />;\n`;
      const [message] = lint(code, file);
      expect(message?.suggestions?.[0]?.fix.text, file).toBe(`{\`\u00e9${emoji}& \${process.env.GITHUB_TOKEN ?? ""}\`}`);
    }
  });

  it('readJsxAttribute: the value as the page shows it, with the offsets of each character in the source', () => {
    const content = '&#x1F600;a&eacute;b';
    const read = readJsxAttribute(content, '\uF600a\u00e9b');
    expect(read.value).toBe(`${emoji}a\u00e9b`);
    expect(read.map).toEqual([0, 0, 9, 10, 18, 19]);
    // a value the parser decoded right is kept
    expect(readJsxAttribute(content, `${emoji}a\u00e9b`)).toEqual(read);
  });

  it('regular expression literals: tokens after `\\b`, `\\s`, `\\t`, `\\d`, `\\x41`, `\\u0041`, `\\cJ` and back-references', () => {
    const code = [
      `export const a = /\\b${token}\\b/;`,
      `export const b = /(x)\\s\\1${stripe}/u;`,
      `export const c = /[\\t\\n]\\d\\x41\\u0041\\cJ${npm}/;`,
      `export const d = /\\u{1F600}${other}$/u;`,
    ].join('\n');
    for (const file of ['re.js', 're.ts']) {
      const messages = lint(code, file);
      expect(spans(messages), file).toEqual([spanOf(code, token), spanOf(code, stripe), spanOf(code, npm), spanOf(code, other)]);
      // a pattern is never rewritten
      expect(messages.every((m) => (m.suggestions ?? []).length === 0), file).toBe(true);
    }
  });

  it('regular expression literals: an escaped backslash before a letter (`\\\\b`) matches that letter, glued to what follows', () => {
    const code = `export const a = /\\\\b${token}/;\nexport const b = /\\.${token}/;\n`;
    expect(lint(code, 're.js').map((m) => m.line)).toEqual([2]);
  });

  it('regexPatternText: each letter or digit escape becomes spaces of its length; other escapes stay as written', () => {
    const pattern = '\\bab\\B\\s\\x41\\u0041\\u{1F600}\\cJ\\12\\.\\\\b\\x4';
    const text = regexPatternText(pattern);
    expect(text).toHaveLength(pattern.length);
    expect(text).toBe(`  ab${' '.repeat(29)}\\.\\\\b  4`);
    expect(regexPatternText('no escapes')).toBe('no escapes');
  });

  it('the pattern of `new RegExp(…)` or `RegExp(…)` is read as a pattern: string, template and `String.raw` template', () => {
    const code = [
      `export const a = new RegExp("\\\\b${token}\\\\b", "g");`,
      `export const b = RegExp(\`\\\\s${stripe}\`);`,
      `export const c = new RegExp(String.raw\`\\b${npm}\\b\`);`,
    ].join('\n');
    for (const file of ['re.js', 're.ts']) expect(spans(lint(code, file)), file).toEqual([spanOf(code, token), spanOf(code, stripe), spanOf(code, npm)]);
  });

  it('the pattern string of `new RegExp(…)`: its suggestion keeps the escapes around the env read', () => {
    const code = `export const a = new RegExp("\\\\b${token}\\\\b", "g");\n`;
    const [message] = lint(code, 're.js');
    expect(message?.suggestions?.[0]?.fix.text).toBe('`\\\\b${process.env.GITHUB_TOKEN ?? ""}\\\\b`');
  });
});

describe('prefixes several providers issue: the names around the value decide', () => {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{ plugins: { 'worker-auth': plugin }, rules: { 'worker-auth/no-hardcoded-secrets': 'error' } }];
  const messages = (code: string): string[] => linter.verify(code, config, 'f.js').map((m) => m.message);
  const key = fakeToken('stripe-secret-key', 9301);
  const hook = fakeToken('stripe-webhook-secret', 9302);
  it('an sk_live_ key named for Clerk is a Clerk secret key, read from CLERK_SECRET_KEY; named for nothing, Stripe', () => {
    const [clerk] = messages(`export const clerk = createClerkClient({ secretKey: "${key}" });`);
    expect(clerk).toMatch(/^Clerk secret key `sk_live_…[A-Za-z0-9]{4}` is hardcoded\. Read it from `process\.env\.CLERK_SECRET_KEY`/);
    expect(messages(`const CLERK_SECRET_KEY = "${key}";`)[0]).toContain('process.env.CLERK_SECRET_KEY');
    expect(messages(`const secretKey = "${key}";`)[0]).toMatch(/^Stripe secret key .*process\.env\.STRIPE_SECRET_KEY/);
  });
  it('a whsec_ secret named for Svix, Clerk or Resend takes their name; named for Stripe or nothing, Stripe', () => {
    expect(messages(`const svixSecret = "${hook}";`)[0]).toMatch(/^Svix webhook signing secret .*process\.env\.SVIX_WEBHOOK_SECRET/);
    expect(messages(`const wh = new Webhook(process.env.X ?? "${hook}"); const CLERK_WEBHOOK_SECRET = "${hook}";`)[1]).toContain('process.env.CLERK_WEBHOOK_SECRET');
    expect(messages(`const resend = { webhookSecret: "${hook}" };`)[0]).toContain('RESEND_WEBHOOK_SECRET');
    expect(messages(`const webhookSecret = "${hook}";`)[0]).toMatch(/^Stripe webhook signing secret .*STRIPE_WEBHOOK_SECRET/);
  });
  it('a Slack browser session cookie (xoxd-, URL-encoded) is reported as Slack, masked', () => {
    const cookie = fakeToken('slack-session-cookie', 9303);
    const [message] = messages(`const headers = { Cookie: "d=${cookie}" };`);
    expect(message).toMatch(/^Slack browser session cookie `xoxd-…[A-Za-z0-9%]{4}` is hardcoded/);
    expect(message).not.toContain(cookie.slice(5, 15));
  });
});
