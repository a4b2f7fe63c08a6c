/**
 * The detector's fast paths must decide exactly what the slow definitions decide: `mayHoldSecret` never rules out a
 * string `detect` reports in any context, `nameValuePairs` finds exactly the matches of `NAME_VALUE`, and the
 * one-pass `isIdentifierLike` and `looksRandom` agree with their regular-expression definitions. Plus: what real code is full of
 * (paths, MIME types, names, prose) does not get past the first step.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { isIdentifierLike, isRandomLetters, isSequential, isWordChain, looksLikePathOrHost, looksRandom, shannonEntropy } from '../../src/detect/entropy.js';
import { Claims, Detector, isSchemeValue, MARKER_PATTERNS } from '../../src/detect/index.js';
import { hasSolidRun } from '../../src/detect/keywords.js';
import { NAME_VALUE, nameValuePairs } from '../../src/detect/name-value.js';
import { TOKEN_FORMATS } from '../../src/detect/providers.js';
import type { DetectContext } from '../../src/detect/types.js';
import { renderCorpus } from '../support/corpus.js';
import { fakeGenericSecret, fakeToken, lookalike, mulberry32, randomString } from '../support/fake-tokens.js';

const detector = new Detector();

/** Ways a value is written inside one string, and contexts it is read in. */
const WRAPPERS: ((s: string) => string)[] = [
  (s) => s,
  (s) => `  ${s}  `,
  (s) => `Bearer ${s}`,
  (s) => `token ${s}`,
  (s) => `https://api.example.test/v1?api_key=${s}&page=2`,
  (s) => `postgres://app:${s}@db.internal:5432/app`,
  (s) => `postgres://app:${s.slice(0, 5)}#${s.slice(5)}@db.internal:5432/app`,
  (s) => `Server=db.internal;User Id=app;Password=${s};Encrypt=true`,
  (s) => `Driver={ODBC Driver 18};Server=tcp:db;Uid=app;Pwd={${s.slice(0, 5)};${s.slice(5)}};`,
  (s) => `Data Source=db; Initial Catalog=app; Password = "${s.slice(0, 3)} ${s.slice(3)}"`,
  (s) => `API_TOKEN=${s}\nOTHER=1`,
  (s) => `svc-user:${s}`,
  (s) => `see ${s} (rotate it)`,
];
const CONTEXTS: DetectContext[] = [
  {},
  { names: ['apiKey'] },
  { names: ['clientSecret'] },
  { names: ['twilioAuthToken'] },
  { names: ['awsSecretAccessKey'] },
  { names: ['datadogApiKey'] },
  { names: ['key'] },
  { callee: 'btoa' },
  { callee: 'Stripe' },
  { envFallback: 'OKTA_API_TOKEN' },
  { inComment: true },
];

function values(): string[] {
  const out: string[] = [];
  for (const f of TOKEN_FORMATS) {
    out.push(fakeToken(f.id, 11), fakeToken(f.id, 12), lookalike(f.id));
  }
  for (let seed = 1; seed <= 40; seed++) out.push(fakeGenericSecret(seed));
  return out;
}

describe('mayHoldSecret', () => {
  it('lets through every string detect reports, in every context', () => {
    let reported = 0;
    for (const value of values()) {
      for (const wrap of WRAPPERS) {
        const text = wrap(value);
        const pass = detector.mayHoldSecret(text);
        for (const ctx of CONTEXTS) {
          if (detector.detect(text, ctx).length === 0) continue;
          reported++;
          expect(pass, `${JSON.stringify(ctx)}: ${text.slice(0, 24)}…`).toBe(true);
        }
      }
    }
    // the property is only worth something when detect reports a lot of these
    expect(reported).toBeGreaterThan(2_000);
  });

  it('lets through every long string (4,096+ characters, read as bytes with run bounds) detect reports, in every context', () => {
    // long ASCII texts take the byte scan and the white-space bounds of the prefilter: the value at the start, in the
    // middle and at the end, after white space of every kind and glued to a word
    const prose = 'lorem ipsum dolor '.repeat(250);
    const LONG: ((s: string) => string)[] = [
      (s) => `${prose}${s} ${prose}`,
      (s) => `${prose}\t${s}\n`,
      (s) => `${s}\r\n${prose}`,
      (s) => `${prose}Bearer ${s} ${prose}`,
      (s) => `${'a=b&'.repeat(1_100)}api_key=${s}&page=2`,
      (s) => `${prose}postgres://app:${s}@db.internal:5432/app ${prose}`,
      (s) => `${prose}x${s}`,
    ];
    let reported = 0;
    for (const value of values()) {
      for (const wrap of LONG) {
        const text = wrap(value);
        const pass = detector.mayHoldSecret(text);
        const passComment = detector.mayHoldSecret(text, 'comment');
        for (const ctx of CONTEXTS) {
          if (detector.detect(text, ctx).length === 0) continue;
          reported++;
          expect(ctx.inComment ? passComment : pass, `${JSON.stringify(ctx)}: ${text.length}`).toBe(true);
          expect(detector.mayContainSecret(`const s = "${text}";`), `${JSON.stringify(ctx)}: ${text.length}`).toBe(true);
        }
      }
    }
    expect(reported).toBeGreaterThan(1_000);
  });

  it("in a comment: lets through every comment detect reports with a comment's context", () => {
    let reported = 0;
    for (const value of values()) {
      for (const wrap of WRAPPERS) {
        const text = wrap(value);
        for (const inTestFile of [false, true]) {
          if (detector.detect(text, { inComment: true, inTestFile }).length === 0) continue;
          reported++;
          expect(detector.mayHoldSecret(text, 'comment'), text.slice(0, 24)).toBe(true);
        }
      }
    }
    expect(reported).toBeGreaterThan(1_000);
  });

  it('in a comment: rules out what can only be a whole value or a prefix-less format (no name around a comment)', () => {
    // a random-looking value alone, and a token-shaped one: in a string the context would decide, in a comment nothing
    const whole = fakeGenericSecret(3);
    expect(detector.mayHoldSecret(whole)).toBe(true);
    expect(detector.mayHoldSecret(whole, 'comment')).toBe(false);
    expect(detector.detect(whole, { inComment: true })).toEqual([]);
    expect(detector.mayHoldSecret(' ------------------------------', 'comment')).toBe(false);
  });

  it('rules out a name=value pair whose name is no credential, and still finds one beside it', () => {
    for (const where of ['string', 'comment'] as const) {
      expect(detector.mayHoldSecret('# sourceMappingURL=MailcheckApi.credentials.js.map', where)).toBe(false);
      expect(detector.mayHoldSecret('Discriminator: resource=taskCommentAttachment, operation=add', where)).toBe(false);
    }
    const secret = fakeGenericSecret(5);
    for (const text of [`resource=abcdefghijklmnop&api_token=${secret}`, `api_token=${secret}&resource=abcdefghijklmnop`, `mode=abcdefghijklmnopqr api_token=${secret}`]) {
      for (const ctx of [{}, { inComment: true }]) {
        expect(detector.mayHoldSecret(text, ctx.inComment ? 'comment' : 'string')).toBe(true);
        const found = detector.detect(text, ctx);
        expect(found.map((f) => [f.start, f.end]), text.length.toString()).toEqual([[text.indexOf(secret), text.indexOf(secret) + secret.length]]);
      }
    }
  });

  it('the first step (ten non-space characters in a row) agrees with \\S{10}', () => {
    const rand = mulberry32(11);
    const alphabet = ['a', 'Z', '9', ' ', '\t', '\n', '-', '=', '\u00a0', '\u2028', 'é', '\ufeff'];
    let solid = 0;
    for (let n = 0; n < 5_000; n++) {
      let text = '';
      const length = 1 + Math.floor(rand() * 40);
      // mostly solid characters, so runs near ten are common
      for (let i = 0; i < length; i++) text += rand() < 0.8 ? alphabet[Math.floor(rand() * 3)] : alphabet[Math.floor(rand() * alphabet.length)];
      const flagged = hasSolidRun(text);
      const ascii = /^[\x00-\x7f]*$/.test(text);
      if (/\S{10}/.test(text)) {
        solid++;
        expect(flagged, JSON.stringify(text)).toBe(true);
      } else if (ascii) {
        expect(flagged, JSON.stringify(text)).toBe(false);
      }
    }
    expect(solid).toBeGreaterThan(1_000);
  });

  it('rules out what real code is full of', () => {
    const ordinary = [
      './operation_dispatch_and_wait',
      '../../../../../utils/utilities',
      'application/json',
      'multipart/form-data',
      'actionNetworkApi',
      'skipSslCertificateValidation',
      'microsoftTeamsOAuth2Api',
      'X-Goog-Encryption-Key-Sha256',
      'https://actionnetwork.org/api/v2',
      'https://your-tenant.auth0.com/api/v2/users/',
      '=Bearer {{$credentials.sessionToken}}',
      '/events?per_page=1',
      'Asia/Almaty',
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
      'API Key',
      'Access Token URL',
      'Private Key',
      '# sourceMappingURL=ActionNetworkApi.credentials.js.map',
      '*\n * Retrieves AWS credentials from ECS/Fargate container metadata (see https://docs.aws.amazon.com/)\n ',
      ' Fall back to direct token (used by ECS Task Roles)',
      'Basic realm="Enter credentials"',
    ];
    for (const text of ordinary) expect(detector.mayHoldSecret(text), text).toBe(false);
  });
});

describe('Claims', () => {
  it('answers overlaps as the list of claimed ranges does, before and after it switches to marks', () => {
    const rand = mulberry32(21);
    for (let round = 0; round < 200; round++) {
      const length = 50 + Math.floor(rand() * 400);
      const claims = new Claims(length);
      const list: [number, number][] = [];
      for (let n = 0; n < 80; n++) {
        const start = Math.floor(rand() * length);
        // empty ranges too: one strictly inside a claimed range overlaps it
        const end = Math.min(length, start + Math.floor(rand() * 12));
        const expected = list.some(([s, e]) => start < e && s < end);
        expect(claims.overlaps(start, end), `${start}-${end} after ${list.length}`).toBe(expected);
        if (!expected && rand() < 0.7) {
          claims.add(start, end);
          list.push([start, end]);
        }
      }
      expect(claims.size).toBe(list.length);
    }
  });
});

describe('nameValuePairs', () => {
  const reference = (text: string): string[] => [...text.matchAll(NAME_VALUE)].map((m) => `${m.index}:${m[0]}`);
  const fast = (text: string): string[] => [...nameValuePairs(text)].map((m) => `${m.index}:${m[0]}`);

  it('finds exactly the matches of NAME_VALUE', () => {
    const rand = mulberry32(7);
    const alphabet = 'aZ9_.-=&# "\'`x=Q=';
    for (let n = 0; n < 3_000; n++) {
      let text = '';
      const length = Math.floor(rand() * 120);
      for (let i = 0; i < length; i++) {
        const r = rand();
        // long runs now and then: names over 61 characters, values over 1,024
        if (r < 0.01) text += 'n'.repeat(50 + Math.floor(rand() * 30));
        else if (r < 0.015) text += 'v'.repeat(1_000 + Math.floor(rand() * 60));
        else text += alphabet[Math.floor(rand() * alphabet.length)];
      }
      expect(fast(text), JSON.stringify(text.slice(0, 80))).toEqual(reference(text));
    }
    for (const text of ['api_key=abcdefghijklmnop', '=abcdefghijklmnopq', 'a=b=abcdefghijklmnop', `${'k'.repeat(61)}=abcdefghijklmnop`, `${'k'.repeat(62)}=abcdefghijklmnop`, '1key=abcdefghijklmnop', 'x.key=abcdefghijklm==&y=abcdefghijklmnop'])
      expect(fast(text), text).toEqual(reference(text));
  });
});

describe('isIdentifierLike', () => {
  /** The definition: word segments of 3.5 letters or more on average, at most 4 digits. */
  function definition(value: string): boolean {
    const segments = value.replace(/OAuth/g, 'Oauth').match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g);
    if (!segments) return false;
    const letters = segments.reduce((n, seg) => n + seg.length, 0);
    const digits = value.replace(/[^0-9]/g, '').length;
    return digits <= 4 && letters / segments.length >= 3.5;
  }

  it('agrees with its definition', () => {
    const rand = mulberry32(3);
    const alphabet = 'aAbBzZ09OuthX-_.';
    const samples = ['airtableOAuth2Api', 'OAuth', 'OAuthToken', 'XMLHttpRequest', 'getHTTPResponseCode', 'ABCdef', 'aOAuth', 'OAUth', 'A', '', '123'];
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const length = Math.floor(rand() * 24);
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      samples.push(s);
    }
    for (let seed = 1; seed <= 50; seed++) samples.push(fakeGenericSecret(seed));
    for (const s of samples) expect(isIdentifierLike(s), s).toBe(definition(s));
  });
});

describe('looksRandom', () => {
  /** The definition, written with regular expressions (the rule runs a one-pass table lookup instead). */
  function definition(value: string, strict: boolean): boolean {
    if (value.length < (strict ? 24 : 16) || value.length > 512) return false;
    if (value.includes('://') || !/^[A-Za-z0-9+/=_~.\-!@#$%^&*:;,?|]+$/.test(value)) return false;
    if (value.includes('@') && /^[^@\s]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}$/.test(value)) return false;
    // an identifier, unless a part of 16+ letters and digits between joiners and symbols is none
    const parts = value.split(/[^A-Za-z0-9]/);
    const randomPart = /[^A-Za-z0-9]/.test(value) && parts.some((part) => part.length >= 16 && !isIdentifierLike(part));
    if (/^[0-9]+$/.test(value) || isSequential(value) || (isIdentifierLike(value) && !randomPart)) return false;
    if (/^[A-Za-z]+(?:[_.\- ][A-Za-z]+)*$/.test(value)) return isRandomLetters(value);
    const kinds = (/[a-z]/.test(value) ? 1 : 0) + (/[A-Z]/.test(value) ? 1 : 0) + (/[0-9]/.test(value) ? 1 : 0);
    if (/^[0-9a-f]+$|^[0-9A-F]+$/.test(value)) return value.length >= 20 && kinds >= 2 && shannonEntropy(value) > 3.0;
    if (kinds < (strict ? 3 : 2)) return false;
    if (looksLikePathOrHost(value) || isWordChain(value)) return false;
    return shannonEntropy(value) > 3.5;
  }

  it('agrees with its definition', () => {
    const rand = mulberry32(11);
    const pick = (alphabet: string, length: number): string => {
      let s = '';
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      return s;
    };
    const alphabets = [
      'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
      'abcdef0123456789',
      'ABCDEF0123456789',
      'abcdefABCDEF0123456789',
      'abcXYZ_.-',
      'aBcD-_.',
      'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=_~.-!@#$%^&*:;,?| ',
      'ab9/:@.',
      'aZ9é\u00a0"',
      // the word segments `isIdentifierLike` counts, `OAuth` and runs of capitals included (looksRandom counts them in its one pass)
      'OAuthXYZabc12-_',
      'OAuth',
    ];
    const samples = ['getHTTPResponseCodeForOAuthToken', 'airtableOAuth2ApiCredentials', 'XOAuthOAuthOAuthOAuthY', 'user@mail.example.com', 'https://api.example.test/abcdefgh1234', 'abcdefghijklmnopqrstuvwx', 'ab-cd-ef-gh-ij-kl-mn-op', 'a_b', '_abcdefghijklmnopq', 'abcdefghijklmnopq_'];
    for (let n = 0; n < 30_000; n++) {
      const alphabet = alphabets[n % alphabets.length]!;
      samples.push(pick(alphabet, 12 + Math.floor(rand() * 40)));
    }
    // names made of pieces where the identifier check decides: `OAuth`, runs of capitals, short random pieces
    // and values near the share of steps that makes a sequence (`isSequential`)
    const names = ['OAuth', 'Oauth', 'XML', 'Http', 'Qz', 'kV', 'Token', 'p', 'R', '7', 'x9', 'HTTPS', 'Api', 'Wq'];
    const runs = ['abcd', '1234', 'xyz', 'DCBA', '5555', 'Zq', 'x', '9', 'M', 'k7', 'Rw3'];
    for (const pieces of [names, runs]) {
      for (let n = 0; n < 20_000; n++) {
        let s = '';
        while (s.length < 16 + Math.floor(rand() * 16)) s += pieces[Math.floor(rand() * pieces.length)];
        samples.push(s);
      }
    }
    for (let seed = 1; seed <= 100; seed++) samples.push(fakeGenericSecret(seed), `${fakeGenericSecret(seed)}@host.example.com`);
    // words around a part that may be random (`secret-token:acme_live_<random>`): where `hasRandomPart` decides
    const words = ['secret', 'token', 'acme', 'production', 'live', 'Key', 'OAuth'];
    const joiners = ['_', '-', ':', '.', '/'];
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const parts = 2 + Math.floor(rand() * 5);
      for (let k = 0; k < parts; k++) {
        if (k > 0) s += joiners[Math.floor(rand() * joiners.length)];
        s += rand() < 0.3 ? pick(alphabets[n % 4]!, 8 + Math.floor(rand() * 40)) : words[Math.floor(rand() * words.length)];
      }
      samples.push(s);
    }
    for (const s of samples) for (const strict of [false, true]) expect(looksRandom(s, strict), `${s} ${strict}`).toBe(definition(s, strict));
  });
});

describe('mayContainSecret (the codemod skips files it rules out)', () => {
  const tsLinter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    { files: ['**/*.tsx'], languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as never } },
    { files: ['**/*.ts', '**/*.tsx'], plugins: { 'worker-auth': plugin as never }, rules: { 'worker-auth/no-hardcoded-secrets': ['error', { testFiles: 'all' }] } },
  ];
  const reported = (code: string, filename = 'src/worker.tsx'): number => tsLinter.verify(code, config, filename).filter((m) => m.ruleId).length;

  /** Every way a value is written in a file: where a string, template chunk, comment or JSX text starts and ends. */
  const FILES: ((s: string) => string)[] = [
    (s) => `const apiKey = "${s}";`,
    (s) => `const apiKey = '${s}';`,
    (s) => `const apiKey = \`${s}\`;`,
    (s) => `const apiKey = \`  ${s}  \`;`,
    (s) => `const clientSecret = \`${s}\${suffix}\`;`,
    (s) => `const clientSecret = \`\${prefix}${s}\`;`,
    (s) => `//${s}\nexport {};`,
    (s) => `/*${s}*/\nexport {};`,
    (s) => `/**\n * token: ${s}\n */\nexport {};`,
    (s) => `export const w = <Widget>${s}</Widget>;`,
    (s) => `export const w = <Widget apiToken="${s}" />;`,
    (s) => `const auth = btoa("svc-user:${s}");`,
    (s) => `const headers = { Authorization: "Bearer ${s}" };`,
    // a vendor scheme (no marker word), as written and with invisible characters at its edges (trimmed by the rule)
    (s) => `const headers = { Authorization: "Api-Key ${s}" };`,
    (s) => `const headers = { Authorization: "\u200bApi-Key ${s}\u200b" };`,
    (s) => `const headers = { Authorization: " \u2060Api-Key ${s} " };`,
    (s) => `const url = "https://api.example.test/v1?api_key=${s}";`,
    (s) => `const db = "postgres://app:${s.slice(0, 5)}#${s.slice(5)}@db.internal:5432/app";`,
    (s) => `const conn = "Server=db.internal;User Id=app;Password={${s.slice(0, 5)};${s.slice(5)}};";`,
    (s) => `const conn = \`Data Source=db;User ID=app;Password='${s}';\`;`,
    (s) => `const conn = "Driver={ODBC};Uid=app;Pwd=${s}";`,
    (s) => `const apiKey = process.env.API_KEY ?? "${s}";`,
    (s) => `const apiKey = "${s.replace(/[A-Za-z]/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}";`,
    (s) => `const apiKey = "${s.replace(/\//g, '\\/')}";`,
    // shapes a file-wide reading could lose: a pair after another template chunk's pair, a value between escaped
    // newlines, a Basic user that is no token, a JSX attribute whose first letter is an entity
    (s) => `const query = \`a=xyzxyzxyzxyz\${suffix}api_token=${s}\`;`,
    (s) => `const apiKey = "\\n${s}\\t";`,
    // a regular expression's escapes, read by the rule as separators
    (s) => `const re = /\\b${s.replace(/\//g, '\\/')}\\b/;`,
    (s) => `const re = new RegExp("\\\\b${s}\\\\b");`,
    (s) => `const auth = btoa("jo(e):${s}");`,
    (s) => `export const w = <Widget apiToken="&#${s.charCodeAt(0)};${s.slice(1)}" />;`,
    (s) => `export const w = <Widget apiToken="&nbsp;${s}" />;`,
    (s) => `const apiKey = {"${s}": 1}["${s}"];`,
    // a value written in pieces (read whole by the rule and the codemod)
    (s) => `const apiKey = "${s.slice(0, 6)}" + "${s.slice(6)}";`,
    (s) => `const apiKey = "${s.slice(0, 6)}" /* part */ + // rest\n  "${s.slice(6)}";`,
    (s) => `const apiKey = '${s.slice(0, 9)}'\n  + \`${s.slice(9, 20)}\` +\n  "${s.slice(20)}";`,
    // a template whose substitutions are strings (one value to the rule), cut where neither piece is a value alone
    (s) => `const apiKey = \`${s.slice(0, 11)}\${""}${s.slice(11)}\`;`,
    (s) => `const apiKey = \`\${ '${s.slice(0, 7)}' }${s.slice(7, 15)}\${\`${s.slice(15)}\`}\`;`,
  ];

  it('is true for every file the rule reports something in', () => {
    let files = 0;
    let tsFiles = 0;
    const samples = [...TOKEN_FORMATS.map((f) => fakeToken(f.id, 21)), ...Array.from({ length: 20 }, (_, i) => fakeGenericSecret(100 + i))];
    for (const value of samples) {
      if (/[`$\\]/.test(value) || value.includes('\n')) continue;
      for (const file of FILES) {
        const code = file(value);
        if (reported(code) === 0) continue;
        files++;
        expect(detector.mayContainSecret(code), code.slice(0, 40)).toBe(true);
        // the same code in a file without JSX, read without JSX's closers and entities
        if (!code.includes('<Widget') && reported(code, 'src/worker.ts') > 0) {
          tsFiles++;
          expect(detector.mayContainSecret(code, { jsx: false }), code.slice(0, 40)).toBe(true);
        }
      }
    }
    expect(files).toBeGreaterThan(1_000);
    expect(tsFiles).toBeGreaterThan(1_000);
  });

  it('every format matches its token between any two delimiters of a string, comment or JSX text', () => {
    // what lets the file prefilter try a format on the whole file where a keyword is: the characters around a
    // string's value in the file (its quotes, `${`, a comment's `//`, JSX's `>`) never stop a match of the value.
    // (Prefix-less formats are tried on a whole string's run of token characters, not here.)
    const openers = ['"', "'", '`', '}', '>', '/', '*', '\n', ' ', '\t'];
    const closers = ['"', "'", '`', '$', '<', '{', '*', '\n', '\r', ' ', '\u2028'];
    let checked = 0;
    const keyworded = TOKEN_FORMATS.filter((f) => f.keywords.length > 0);
    for (const f of keyworded) {
      const re = new RegExp(f.pattern.source, f.pattern.flags.replace(/[gy]/g, ''));
      for (const seed of [1, 2, 3]) {
        const token = fakeToken(f.id, seed);
        if (!re.test(token)) continue;
        for (const o of openers) for (const c of closers) expect(re.test(`${o}${token}${c}`), `${f.id} ${JSON.stringify(o + c)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(keyworded.length * 2);
  });

  it('shapes a file-wide reading used to miss are let through (held to the rule, each once)', () => {
    const value = fakeGenericSecret(300);
    const files = [
      `const query = \`a=xyzxyzxyzxyz\${suffix}api_token=${value}\`;`,
      `const apiKey = "\\n${value}\\n";`,
      `const auth = btoa("jo(e):${value}");`,
      `export const w = <Widget apiToken="&nbsp;${value}" />;`,
      `const apiKey = \`  ${value}\${suffix}\`;`,
      `const apiKey = \`\${prefix}${value}\`;`,
    ];
    for (const code of files) {
      const jsx = code.includes('<Widget');
      expect(reported(code, jsx ? 'src/worker.tsx' : 'src/worker.ts'), code).toBeGreaterThan(0);
      expect(detector.mayContainSecret(code, { jsx }), code).toBe(true);
    }
  });

  it('a generated password with quotes or brackets is let through however its string is written (held to the rule)', () => {
    // passwords drawn from every printable symbol; each holds at least one character only a password is read with
    const symbols = `'"\`()[]{}<>\\`;
    const rand = mulberry32(19200);
    const pick = (chars: string, n: number): string => Array.from({ length: n }, () => chars[Math.floor(rand() * chars.length)]).join('');
    const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const js = (s: string, q: string): string => s.replace(/\\/g, '\\\\').replace(new RegExp(q === '`' ? '[`$]' : q, 'g'), '\\$&');
    const FILES: [string, (s: string) => string][] = [
      ['ts', (s) => `export const db = { user: "app", password: "${js(s, '"')}" };`],
      ['ts', (s) => `export const db = { user: "app", password: '${js(s, "'")}' };`],
      ['ts', (s) => `export const db = { user: "app", password: \`${js(s, '`')}\` };`],
      ['ts', (s) => `const DB_PASS = "  ${js(s, '"')}  ";`],
      ['ts', (s) => `export const smtp = { pass: process.env.SMTP_PASS ?? '${js(s, "'")}' };`],
      ['ts', (s) => `const clientSecret = "${js(s, '"').replace(/[A-Za-z]/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}";`],
      ['tsx', (s) => `export const f = <Login password="${s.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" />;`],
      ['tsx', (s) => `export const f = <Login password='${s.replace(/&/g, '&amp;').replace(/'/g, '&apos;')}' />;`],
    ];
    let files = 0;
    for (let i = 0; i < 60; i++) {
      const sym = symbols[i % symbols.length]!;
      const password = pick(B62, 6) + sym + pick(B62, 6) + pick(`${B62}${symbols}!@#%`, 8);
      for (const [ext, file] of FILES) {
        const code = file(password);
        if (reported(code, `src/db.${ext}`) === 0) continue;
        files++;
        expect(detector.mayContainSecret(code, { jsx: ext === "tsx" }), `${ext} ${i} ${code}`).toBe(true);
      }
    }
    expect(files).toBeGreaterThan(300);
  });

  it('the shortest finding (11 characters, a URL password) is found in a string, a template and JSX text', () => {
    const shortest = ['ab', '://:', 'k9Xq@'].join('');
    for (const code of [`export const a = <p>${shortest}</p>;`, `export const a = "${shortest}";`, `export const a = \`${shortest}\`;`]) {
      expect(reported(code), code).toBe(1);
      expect(detector.mayContainSecret(code), code).toBe(true);
    }
  });

  it('is true for every realistic worker file with a secret', () => {
    for (const gen of renderCorpus()) {
      if (!gen.placed.some((p) => p.expected)) continue;
      expect(detector.mayContainSecret(gen.text), gen.name).toBe(true);
    }
  });

  it('rules out files of ordinary code', () => {
    const ordinary = [
      'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n',
      'const type = "n8n-nodes-base.airtop";\nexport const description = { displayName: "API Key", name: "apiKey", type: "string", default: "" };\n',
      'interface Options {\n  canBeUsedToMatch?: boolean;\n}\nexport const version = "Version=2015-12-01";\n',
      '// see https://docs.example.test/en-us/api?page=2\nexport const mime = "application/json";\n',
    ];
    for (const code of ordinary) expect(detector.mayContainSecret(code), code).toBe(false);
  });
});

describe('markers tried where they are (anchoredMatches) find what a scan of the text finds', () => {
  const detector = new Detector();
  const pieces = ['eyJ', 'eyJhbGciOiJIUzI1', 'eyJzdWIiOiIx', '.', '..', 'ab', 'x', 'postgres', 'a1', '+', '-', '://', ':', '@', '/', ' ', '  ', '\t', 'Bearer', 'bearer', 'BEARER', 'Basic', 'token', 'Token', 'SSWS', 'ApiKey', 'apikey', 'xBearer', '_', '=', 'Zm9vYmFyYmF6cXV4MTIz', 'aB3dE5gH7jK9mN1pQ', 's3cr3tP4ss', 'h0st.example', '"', "'", 'postgres://', 'ab://u', 'u:s3cr3tP4ss@', ':pw12@', '1x://'];
  // a whole JWT shape, joined at run time (no token-shaped literal in the repo)
  pieces.push(['eyJhbGciOiJIUzI1', 'eyJzdWIiOiIx', 'c2ln'].join('.'), ['eyJhbGciOiJIUzI1', 'eyJzdWIiOiIx', ''].join('.'));
  let seed = 7;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const scan = (re: RegExp, text: string): string[] => [...text.matchAll(new RegExp(re.source, 'g'))].map((m) => `${m.index}:${m[0]}`);
  it('on 4,000 random texts of marker pieces, for JWTs, URL user-info and scheme values', () => {
    const found = { jwt: 0, url: 0, scheme: 0 };
    for (let i = 0; i < 4000; i++) {
      let text = '';
      const n = 1 + rand(40);
      for (let k = 0; k < n; k++) text += pieces[rand(pieces.length)];
      const got = detector.anchoredMarkerMatches(text);
      expect(got.jwt, text).toEqual(scan(MARKER_PATTERNS.jwt, text));
      expect(got.url, text).toEqual(scan(MARKER_PATTERNS.url, text));
      expect(got.scheme, text).toEqual(scan(MARKER_PATTERNS.scheme, text));
      found.jwt += got.jwt.length;
      found.url += got.url.length;
      found.scheme += got.scheme.length;
    }
    // the pieces do make matches of each kind: the comparison is not between two empty lists
    for (const [kind, count] of Object.entries(found)) expect(count, kind).toBeGreaterThan(10);
  });
  it('on long texts, a JWT of the least length is still found where white space ends it', () => {
    // `eyJ` + 8, `.eyJ` + 4, `.`: 20 characters (joined at run time)
    const least = ['eyJ' + 'abcdefgh', 'eyJ' + 'abcd', ''].join('.');
    const pad = 'word '.repeat(1_000);
    for (const [before, after] of [[' ', ' '], ['\t', '\n'], [' ', ''], ['', ' ']] as const) {
      const text = `${pad}${before}${least}${after}${after ? pad : ''}`;
      expect(detector.anchoredMarkerMatches(text).jwt).toEqual([`${pad.length + before.length}:${least}`]);
      expect(detector.mayContainSecret(`const t = "${text}";`)).toBe(true);
    }
  });
  it('on long texts too (4,096+ characters: markers whose run ends at white space too soon are dismissed)', () => {
    const found = { jwt: 0, url: 0, scheme: 0 };
    for (let i = 0; i < 300; i++) {
      let text = '';
      while (text.length < 4_200 + rand(3_000)) text += pieces[rand(pieces.length)];
      const got = detector.anchoredMarkerMatches(text);
      expect(got.jwt, `${i}`).toEqual(scan(MARKER_PATTERNS.jwt, text));
      expect(got.url, `${i}`).toEqual(scan(MARKER_PATTERNS.url, text));
      expect(got.scheme, `${i}`).toEqual(scan(MARKER_PATTERNS.scheme, text));
      found.jwt += got.jwt.length;
      found.url += got.url.length;
      found.scheme += got.scheme.length;
    }
    for (const [kind, count] of Object.entries(found)) expect(count, kind).toBeGreaterThan(10);
  });
});

describe('provider formats tried where their keywords are (the prefilter) find what a scan of the text finds', () => {
  const detector = new Detector();
  const anchored = TOKEN_FORMATS.filter((f) => f.keywords.length > 0);
  const random = mulberry32(2024);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const b62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const run = (n: number): string => Array.from({ length: n }, () => pick([...b62])).join('');
  // white space of every kind the patterns and the prefilter's run bounds meet (ASCII, and Unicode spaces that the
  // scan does not count as run ends), and token pieces cut short (near misses) or whole
  const spaces = [' ', '  ', '\n', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff'];
  const piece = (): string => {
    const f = pick(anchored);
    switch (Math.floor(random() * 6)) {
      case 0:
        return fakeToken(f.id, 1 + Math.floor(random() * 1000));
      case 1: {
        const token = fakeToken(f.id, 1 + Math.floor(random() * 1000));
        return token.slice(0, Math.floor(random() * token.length));
      }
      case 2:
        return pick(f.keywords) + run(Math.floor(random() * 50));
      case 3:
        return pick(f.keywords).toUpperCase() + run(Math.floor(random() * 12));
      case 4:
        return run(Math.floor(random() * 30));
      default:
        return pick(spaces);
    }
  };
  const text = (length: number, ascii: boolean): string => {
    let out = '';
    while (out.length < length) {
      const p = piece();
      out += ascii ? p.replace(/[^\x00-\x7f]/g, ' ') : p;
      if (random() < 0.6) out += ascii ? ' ' : pick(spaces);
    }
    return out;
  };
  const check = (t: string): number => {
    const got = detector.anchoredFormatStarts(t);
    let matches = 0;
    for (const f of anchored) {
      const flags = f.pattern.flags.replace(/[gy]/g, '');
      for (const m of t.matchAll(new RegExp(f.pattern.source, `${flags}g`))) {
        matches++;
        const starts = got.starts.get(f.id);
        if (starts) expect(starts, `${f.id} at ${m.index}`).toContain(m.index);
        // a format that is not anchored is selected whole (its pattern then scans the text)
        else expect(got.formats, `${f.id} at ${m.index}`).toContain(f.id);
      }
    }
    return matches;
  };
  it('in 600 short texts of token pieces, near misses and white space of every kind', () => {
    let matches = 0;
    for (let i = 0; i < 600; i++) matches += check(text(20 + Math.floor(random() * 400), random() < 0.5));
    expect(matches).toBeGreaterThan(300);
  });
  it('in long texts, read as bytes when ASCII and by character otherwise', () => {
    let matches = 0;
    for (let i = 0; i < 12; i++) matches += check(text(5000 + Math.floor(random() * 20_000), i % 2 === 0));
    expect(matches).toBeGreaterThan(300);
  });
  it('in floods of one format\'s near misses with its tokens among them (the scan drops hits whose run ends too soon)', () => {
    let matches = 0;
    for (const f of anchored) {
      let t = '';
      while (t.length < 6000) {
        const r = random();
        // near misses of every body length up to the format's, and now and then a whole token
        if (r < 0.05) t += fakeToken(f.id, 1 + Math.floor(random() * 1000));
        else if (r < 0.5) t += pick(f.keywords) + run(Math.floor(random() * 8));
        else {
          const token = fakeToken(f.id, 1 + Math.floor(random() * 1000));
          t += token.slice(0, Math.max(1, token.length - 1 - Math.floor(random() * 6)));
        }
        t += random() < 0.9 ? ' ' : '\n';
      }
      matches += check(t.replace(/[^\x00-\x7f]/g, ' '));
    }
    expect(matches).toBeGreaterThan(anchored.length);
  });
});

describe('the prefilter keeps a URL or scheme marker only where its pattern can start', () => {
  const detector = new Detector();
  it('drops a link without user-info and a scheme word without a value (doc comments, base URLs)', () => {
    for (const text of [
      'see https://docs.example.test/api/v1/users?page=2 for the fields',
      'http://localhost:5678/webhook and https://api.example.test:8443/v2',
      'mailto://someone@example.test',
      'send the token with a Bearer header',
      'Basic auth or token auth',
    ]) {
      expect(detector.keptMarkers(text), text).toEqual([]);
      expect(detector.mayHoldSecret(text, 'comment'), text).toBe(false);
    }
  });
  it('keeps them where a match can start', () => {
    // values built at run time: no credential-shaped literal in the repo
    const password = ['s3cr', 'etP4', 'ssw0rd'].join('');
    const value = ['Zm9vYmFy', 'YmF6cXV4', 'MTIzNDU2'].join('');
    expect(detector.keptMarkers(`postgres://app:${password}@db.internal:5432/app`)).toEqual(['://']);
    expect(detector.keptMarkers(`Authorization: Bearer ${value}`)).toEqual(['bearer ']);
    expect(detector.mayHoldSecret(`postgres://app:${password}@db.internal:5432/app`, 'comment')).toBe(true);
  });
});

describe('isSchemeValue runs the `<scheme> <credential>` pattern only where its spaces allow a match', () => {
  it('agrees with the pattern on 20,000 random texts of scheme pieces', () => {
    const pieces = ['Bearer', 'Zoho-oauthtoken', 'Api-Key', 'x', 'ab', ' ', '  ', '\t', 'a'.repeat(39), 'b'.repeat(41), 'Zm9vYmFy', 'YmF6cXV4', 'MTIz', '+/=', '_.~:,-', ':', '"', 'é', '\n'];
    const random = mulberry32(91);
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const n = 1 + Math.floor(random() * 12);
      for (let k = 0; k < n; k++) text += pieces[Math.floor(random() * pieces.length)];
      const expected = MARKER_PATTERNS.authScheme.test(text);
      expect(isSchemeValue(text), JSON.stringify(text)).toBe(expected);
      if (expected) matched++;
    }
    // the pieces do make matches: the comparison is not between two falses
    expect(matched).toBeGreaterThan(100);
  });
});

describe('the first step keeps a `<scheme> <credential>` value whose edges are invisible', () => {
  it('with zero-width characters or white space around it, as matchWholeValue trims them', () => {
    const detector = new Detector();
    // built at run time: no credential-shaped literal in the repo
    // a scheme holding a marker word (`…token `) and one holding none (`Api-Key`: no marker ever hid this path)
    const values = [`Zoho-oauthtoken 1000.${'a1b2c3d4'.repeat(4)}.${'9f8e7d6c'.repeat(4)}`, `Api-Key ${fakeGenericSecret(17)}`];
    const context: DetectContext = { names: ['Authorization'] };
    for (const value of values) {
      for (const edge of ['', ' ', '\u200b', '\u200d', '\u2060', '\ufeff', '\u200b ']) {
        const text = `${edge}${value}${edge}`;
        const label = `${value.split(' ')[0]} ${JSON.stringify(edge)}`;
        expect(detector.detect(text, context).length, label).toBe(1);
        expect(detector.mayHoldSecret(text), label).toBe(true);
      }
    }
  });
});

describe('the first step skips whole-value checks only for texts with fewer than two of lower, upper and digit', () => {
  const detector = new Detector();
  const random = mulberry32(4242);
  let seed = 4242;
  const draw = (chars: string, n: number): string => randomString(chars, n, seed++);
  const lower = 'abcdefghijklmnopqrstuvwxyz';
  const upper = lower.toUpperCase();
  const digits = '0123456789';
  const kinds: Record<string, string> = { 'lower+digit': 'abcdef' + digits, 'upper+digit': 'ABCDEF' + digits, 'lower+upper': lower + upper, 'all three': lower + upper + digits };
  const contexts: DetectContext[] = [{ names: ['apiKey'] }, { names: ['client_secret'] }, { names: ['password'] }, { names: ['Authorization'] }];
  it('lets through every whole value detect reports, for every pair of kinds', () => {
    for (const [kind, chars] of Object.entries(kinds)) {
      let reported = 0;
      for (let i = 0; i < 60; i++) {
        const value = draw(chars, 20 + Math.floor(random() * 30));
        const texts = [value, ` ${value} `, `user:${value}`, `Api-Key ${value}`];
        for (const text of texts) {
          const found = contexts.some((context) => detector.detect(text, context).length > 0);
          if (!found) continue;
          reported++;
          expect(detector.mayHoldSecret(text), `${kind} ${text}`).toBe(true);
        }
      }
      // each pair of kinds makes whole-value findings: the check above is not vacuous
      expect(reported, kind).toBeGreaterThan(20);
    }
  });
  it('one kind alone is never a whole-value finding (what the skip rests on)', () => {
    for (const chars of [lower, upper, digits, lower + '_.-', upper + '_-/']) {
      for (let i = 0; i < 40; i++) {
        const value = draw(chars, 16 + Math.floor(random() * 40));
        for (const context of contexts) expect(detector.detect(value, context), value).toEqual([]);
      }
    }
  });
});
