import { describe, expect, it } from 'vitest';
import { classifyName, genericEnvName, splitWords } from '../../src/detect/context.js';
import { isPasswordHash, looksLikePathOrHost, looksRandom, shannonEntropy } from '../../src/detect/entropy.js';
import { Detector, describeFinding, detectSecrets } from '../../src/detect/index.js';
import { FAKE_WORDS, hasFakeWord, isFakeBody, isKnownExample, isPlaceholder } from '../../src/detect/placeholders.js';
import { redact, redactRanges } from '../../src/detect/redact.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from '../support/fake-tokens.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function jwt(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc(header)}.${enc(payload)}.${randomString(B64, 43, 77)}`;
}

describe('context', () => {
  it('splits names into words', () => {
    expect(splitWords('clientSecret')).toEqual(['client', 'secret']);
    expect(splitWords('X-API-Key')).toEqual(['x', 'api', 'key']);
    expect(splitWords('GITHUB_TOKEN')).toEqual(['github', 'token']);
    expect(splitWords('OAuthToken')).toEqual(['o', 'auth', 'token']);
  });
  it('classifies names', () => {
    for (const n of ['token', 'apiKey', 'api_key', 'clientSecret', 'password', 'Authorization', 'X-API-Key', 'DD-API-KEY', 'accessKey', 'GITHUB_TOKEN', 'privateKey', 'webhookSecret'])
      expect(classifyName(n), n).toBe('credential');
    for (const n of ['clientId', 'tokenUrl', 'tokenEndpoint', 'passwordHash', 'apiKeyHeader', 'publicKey', 'publishableKey', 'keyName', 'secretName', 'tokenType'])
      expect(classifyName(n), n).toBe('not-secret');
    // cursors of paginated APIs, and numbers (a time unit or a count ends the name)
    for (const n of ['nextPageToken', 'pageToken', 'syncToken', 'continuation_token', 'NextToken', 'deltaToken', 'TOKEN_TTL_SECONDS', 'sessionTimeoutMs', 'LOGIN_RETRIES'])
      expect(classifyName(n), n).toBe('not-secret');
    // short for password when it ends the name
    for (const n of ['DB_PASS', 'smtpPass', 'MQTT_PW']) expect(classifyName(n), n).toBe('credential');
    expect(classifyName('key')).toBe('weak-credential');
    // a key of something else: a cache's, a sort's, an idempotency key (random by design, no credential)
    for (const n of ['CACHE_KEY', 'cacheKey', 'idempotencyKey', 'Idempotency-Key', 'sortKey', 'PARTITION_KEY', 'i18nKey', 'translationKeys'])
      expect(classifyName(n), n).toBe('not-secret');
    for (const n of ['PRIMARY_KEY', 'storageKey', 'OBJECT_KEY', 'cacheKeySecret']) expect(classifyName(n), n).not.toBe('not-secret');
    expect(classifyName('value')).toBe('neutral');
    expect(classifyName('github')).toBe('neutral');
  });
  it('derives env names', () => {
    expect(genericEnvName({ names: ['apiKey'], callee: 'OpenAI' })).toBe('OPENAI_API_KEY');
    expect(genericEnvName({ names: ['clientSecret'] })).toBe('CLIENT_SECRET');
    expect(genericEnvName({ names: ['token', 'github'] })).toBe('GITHUB_API_TOKEN');
    expect(genericEnvName({ envFallback: 'LINEAR_KEY', names: ['x'] })).toBe('LINEAR_KEY');
    expect(genericEnvName({ names: ['Authorization', 'headers'] })).toBe('API_TOKEN');
    expect(genericEnvName({})).toBe('API_SECRET');
  });
});

describe('randomness and placeholders', () => {
  it('measures entropy', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
  it('accepts random values and rejects words, ids, paths, sequences', () => {
    expect(looksRandom(fakeGenericSecret(1))).toBe(true);
    expect(looksRandom(randomString('0123456789abcdef', 40, 5))).toBe(true);
    for (const v of ['correct-horse-battery-staple', 'thisIsAnIdentifierName', '12345678901234567890', 'abcdefghijklmnopqrstuvwxyz', '/usr/local/lib/node_modules', 'api.example.company.com', 'aaaaaaaaaaaaaaaaaaaaaa'])
      expect(looksRandom(v), v).toBe(false);
  });
  it('rejects names made of words, seen as false positives on real integration code', () => {
    for (const v of ['airtableOAuth2Api', 'microsoftToDoOAuth2Api', 'X-Goog-Encryption-Key-Sha256', 'session:role:SYSADMIN'])
      expect(looksRandom(v), v).toBe(false);
    // random strings of the same length stay random
    for (let seed = 1; seed <= 50; seed++) expect(looksRandom(fakeGenericSecret(seed)), `seed ${seed}`).toBe(true);
  });

  it('rejects words and numbers joined by separators, and keeps random base64url', () => {
    for (const v of ['n8n-nodes-base.airtop', 'Version=2015-12-01', 'aws-cli/1.18.124', 'chacha20-poly1305', 'pplx-embed-v1-0.6b', 'n8n-nodes-base.microsoftExcelSharePoint'])
      expect(looksRandom(v), v).toBe(false);
    const b64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let seed = 1; seed <= 50; seed++) {
      const v = randomString(b64url, 40, seed);
      if (/[-_]/.test(v)) expect(looksRandom(v), v).toBe(true);
    }
  });

  it('recognises placeholders', () => {
    for (const v of ['<paste your token here>', 'YOUR_API_KEY', 'xxxxxxxxxxxx', '****', '${GITHUB_TOKEN}', '{{credential}}', '${{ secrets.TOKEN }}', '%API_KEY%', '$TOKEN', 'changeme', 'your-token-here', 'null', '[TOKEN]'])
      expect(isPlaceholder(v), v).toBe(true);
    expect(isPlaceholder(fakeGenericSecret(2))).toBe(false);
  });
  it('finds a stand-in word as looking for each word would (one pattern for all of them)', () => {
    const definition = (v: string): boolean => FAKE_WORDS.some((w) => v.toLowerCase().includes(w)) || v.includes('aaaaaaa');
    const pieces = [...FAKE_WORDS.flatMap((w) => [w, w.toUpperCase(), w.slice(0, -1), w.slice(1)]), 'a', 'A', '.', '*', '•', 'x', '0', '1', 'Z', '_', '-', 'é', 'İ'];
    let seed = 3;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    let found = 0;
    for (let n = 0; n < 20_000; n++) {
      let v = '';
      for (let k = 1 + rand(6); k > 0; k--) v += pieces[rand(pieces.length)];
      expect(hasFakeWord(v), v).toBe(definition(v));
      if (definition(v)) found++;
    }
    expect(found).toBeGreaterThan(2_000);
  });
  it('recognises fake token bodies', () => {
    expect(isFakeBody('x'.repeat(36), 2.5)).toBe(true);
    expect(isFakeBody('0123456789abcdefghijklmnopqrstuvwxyz', 2.5)).toBe(true);
    expect(isFakeBody('EXAMPLEaB3dE6gH9jKlMn0pQr2tUv4xYz1', 2.5)).toBe(true);
    expect(isFakeBody(randomString(B64, 36, 9), 2.5)).toBe(false);
  });
  it('knows documented example keys without storing them', () => {
    expect(isKnownExample('AKIA' + 'IOSFODNN7' + 'EXAMPLE')).toBe(true);
    expect(isKnownExample(randomString(B64, 30, 3))).toBe(false);
  });
});

describe('redact', () => {
  it('shows at most a public prefix and the last four characters', () => {
    const t = fakeToken('github-classic-pat', 4);
    expect(redact(t, 'ghp_')).toBe(`ghp_…${t.slice(-4)}`);
    expect(redact('short-pass')).toBe('…');
    expect(redact('medium-length-pw')).toBe(`…pw`);
    expect(redact(t, 'not-its-prefix')).toBe(`…${t.slice(-4)}`);
    expect(redactRanges(`a ${t} b`, [{ start: 2, end: 2 + t.length, prefix: 'ghp_' }])).toBe(`a ghp_…${t.slice(-4)} b`);
  });
});

describe('detectSecrets', () => {
  const gh = fakeToken('github-classic-pat', 21);
  it('finds a provider token alone and inside longer strings, with its own offsets', () => {
    for (const text of [gh, `Bearer ${gh}`, `https://api.test/?access_token=${gh}&x=1`, `{"token":"${gh}"}`]) {
      const [f, ...rest] = detectSecrets(text);
      expect(rest).toEqual([]);
      expect(f?.id).toBe('github-classic-pat');
      expect(text.slice(f!.start, f!.end)).toBe(gh);
      expect(f?.envName).toBe('GITHUB_TOKEN');
      expect(describeFinding(f!)).toBe('GitHub personal access token');
    }
  });
  it('rejects a GitHub token with a wrong checksum and a token glued inside a word', () => {
    const bad = gh.slice(0, -1) + (gh.endsWith('A') ? 'B' : 'A');
    expect(detectSecrets(bad)).toEqual([]);
    expect(detectSecrets(`abc${gh}`)).toEqual([]);
  });
  it('needs a credential context for generic secrets', () => {
    const s = fakeGenericSecret(5);
    expect(detectSecrets(s)).toEqual([]);
    expect(detectSecrets(s, { names: ['description'] })).toEqual([]);
    expect(detectSecrets(s, { names: ['clientId'] })).toEqual([]);
    expect(detectSecrets(s, { names: ['apiKey'] })[0]?.findingKind).toBe('generic');
    expect(detectSecrets(s, { envFallback: 'ACME_TOKEN' })[0]?.envName).toBe('ACME_TOKEN');
    expect(detectSecrets(s, { names: ['x'], callee: 'setApiKey' })[0]?.findingKind).toBe('generic');
    expect(detectSecrets(s, { names: ['token'], inComment: true })).toEqual([]);
    // a lookup by name is not a credential position: getCredentials("githubOAuth2Api")
    expect(detectSecrets(s, { names: [], callee: 'getCredentials' })).toEqual([]);
    expect(detectSecrets(s, { names: [], callee: 'setCredentials' })[0]?.findingKind).toBe('generic');
  });
  it('takes the context lazily, only for candidate strings', () => {
    let calls = 0;
    detectSecrets('hello world, nothing here', () => {
      calls++;
      return {};
    });
    expect(calls).toBe(0);
  });
  it('finds Bearer, Basic and query-parameter credentials', () => {
    const s = fakeGenericSecret(6);
    expect(detectSecrets(`Bearer ${s}`)[0]?.start).toBe(7);
    const basic = Buffer.from(`svc-user:${fakeGenericSecret(7)}`).toString('base64');
    expect(detectSecrets(`Basic ${basic}`)[0]?.kind).toBe('Basic auth credentials');
    expect(detectSecrets(`Basic ${Buffer.from('user:password').toString('base64')}`)).toEqual([]);
    expect(detectSecrets(`https://api.test/v1?api_key=${s}`)[0]?.value).toBe(s);
    expect(detectSecrets(`https://api.test/v1?page=2&sort=desc`)).toEqual([]);
  });
  it('finds passwords in URLs, not placeholders or local defaults', () => {
    const pw = randomString(B64, 16, 31);
    const f = detectSecrets(`mongodb+srv://svc:${pw}@cluster0.mongodb.net/app`)[0];
    expect(f?.provider).toBe('MongoDB');
    expect(f?.envName).toBe('MONGODB_PASSWORD');
    expect(f?.value).toBe(pw);
    for (const url of ['s3://ACCESSKEY:SECRETKEY@s3.example.test/bucket', 'postgres://user:password@localhost/db', 'redis://admin:admin@127.0.0.1', 'postgres://u:${DB_PASSWORD}@host/db', 'https://user:<password>@example.com', 'mysql://root:****@db/x'])
      expect(detectSecrets(url), url).toEqual([]);
  });
  it('decides JWTs from their payload', () => {
    const service = jwt({ iss: 'supabase', role: 'service_role', iat: 1700000000, exp: 4102444800 });
    expect(detectSecrets(service)[0]?.envName).toBe('SUPABASE_SERVICE_ROLE_KEY');
    expect(detectSecrets(jwt({ iss: 'supabase', role: 'anon', exp: 4102444800 }))).toEqual([]);
    expect(detectSecrets(jwt({ sub: 'u', exp: 1000 }))).toEqual([]);
    expect(detectSecrets(jwt({ sub: 'u' }, { alg: 'none' }))).toEqual([]);
    expect(detectSecrets(jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }))).toEqual([]);
  });
  it('drops medium-confidence findings in test files but keeps provider-certain ones', () => {
    const s = fakeGenericSecret(8);
    expect(detectSecrets(s, { names: ['token'], inTestFile: true })).toEqual([]);
    expect(detectSecrets(gh, { inTestFile: true })).toHaveLength(1);
  });
  it('honours allow options and user formats', () => {
    expect(new Detector({ allowValues: [gh] }).detect(gh)).toEqual([]);
    expect(new Detector({ ignore: ['github'] }).detect(gh)).toEqual([]);
    expect(new Detector({ allowPatterns: [/^ghp_/u] }).detect(gh)).toEqual([]);
  });
  it('never lets a publishable key become a generic finding', () => {
    const pk = fakeToken('stripe-publishable-key', 2);
    expect(detectSecrets(pk, { names: ['apiKey'] })).toEqual([]);
  });
  it('stays linear on adversarial input', () => {
    // near misses repeated: each must be rejected quickly (completion is the assertion; timing lives in the bench)
    const nearMiss = `ghp_${'a'.repeat(35)} `.repeat(20_000);
    expect(detectSecrets(nearMiss)).toEqual([]);
    expect(detectSecrets('eyJ'.repeat(200_000))).toEqual([]);
    expect(detectSecrets(`${'a:'.repeat(100_000)}//`)).toEqual([]);
    expect(detectSecrets(`Bearer ${'='.repeat(300_000)}`)).toEqual([]);
  });
  it('reads a long match once, not once per keyword inside it (counted: characters matched, at n and 4n)', () => {
    // a PuTTY key body may hold spaces, so from every header of a run of headers the pattern matches to the end of the
    // text: tested at each header, the characters matched grew with the square of the text
    const header = ['PuTTY', 'User', 'Key', 'File', '2: '].join('-');
    const exec = RegExp.prototype.exec;
    let matched = 0;
    RegExp.prototype.exec = function (this: RegExp, s: string) {
      const m = exec.call(this, s);
      if (m) matched += m[0].length;
      return m;
    };
    const read = (copies: number): number => {
      matched = 0;
      const text = `${header}abcdefghij `.repeat(copies);
      const detector = new Detector();
      detector.mayHoldSecret(text);
      detector.detect(text, { names: ['key'] });
      return matched;
    };
    try {
      const one = read(2_000);
      const four = read(8_000);
      expect(one).toBeGreaterThan(0);
      expect(four / one).toBeLessThan(6);
    } finally {
      RegExp.prototype.exec = exec;
    }
  });
});

describe('values found by the fourth realistic held-out set', () => {
  const secret = fakeGenericSecret(51);
  const hex = (n: number, seed: number): string => randomString(CHARSETS.hex, n, seed);
  it('a name=value value ends at ";" (connection strings, settings): the secret at its own columns', () => {
    const text = `Server=tcp:db.example.test,1433;User ID=w;Password=${secret};Encrypt=True;`;
    const [f] = detectSecrets(text);
    expect(f?.value).toBe(secret);
    expect(detectSecrets(`ApiKey=${secret};Region=eu`).map((x) => x.value)).toEqual([secret]);
  });
  it('`Token token=…`: the token is the value of its pair, not the scheme value with its `token=`', () => {
    expect(detectSecrets(`Token token=${secret}`).map((x) => x.value)).toEqual([secret]);
  });
  it('an Authorization value under a scheme of its own: the credential after the scheme, only in that header', () => {
    const zoho = `1000.${hex(32, 52)}.${hex(32, 53)}`;
    for (const scheme of ['Zoho-oauthtoken', 'Api-Key', 'DeepL-Auth-Key', 'GenieKey']) {
      const value = `${scheme} ${scheme === 'Zoho-oauthtoken' ? zoho : secret}`;
      const found = detectSecrets(value, { names: ['Authorization', 'headers'] });
      expect(found.map((x) => [x.value, x.start]), scheme).toEqual([[value.slice(scheme.length + 1), scheme.length + 1]]);
      expect(new Detector().mayHoldSecret(value), scheme).toBe(true);
      expect(new Detector().mayContainSecret(`fetch(u, { headers: { Authorization: "${value}" } });`), scheme).toBe(true);
      // the same text elsewhere labels nothing
      expect(detectSecrets(value, { names: ['title'] }), scheme).toEqual([]);
    }
    expect(detectSecrets(`Api-Key ${'a'.repeat(30)}`, { names: ['Authorization'] })).toEqual([]);
  });
  it('a stored password hash is no password (bcrypt, argon2, crypt, Django)', () => {
    const b = (n: number, seed: number): string => randomString(`${CHARSETS.b62}./`, n, seed);
    const hashes = [`$2b$12$${b(53, 54)}`, `$argon2id$v=19$m=65536,t=3,p=4$${b(22, 55)}$${b(43, 56)}`, `$6$${b(16, 57)}$${b(86, 58)}`, `pbkdf2_sha256$600000$${b(22, 59)}$${b(44, 60)}`];
    for (const h of hashes) {
      expect(isPasswordHash(h), h.slice(0, 8)).toBe(true);
      expect(detectSecrets(h, { names: ['password'] }), h.slice(0, 8)).toEqual([]);
      expect(detectSecrets(`password=${h}`), h.slice(0, 8)).toEqual([]);
    }
    expect(isPasswordHash(secret)).toBe(false);
    expect(isPasswordHash(`$${secret}`)).toBe(false);
  });
  it('a generated password with quotes, brackets or a backslash is read where a name says password or secret', () => {
    // every printable symbol a password generator draws from, beyond the token characters
    const symbols = `'"\`()[]{}<>\\`;
    for (let i = 0; i < symbols.length; i++) {
      const password = randomString(CHARSETS.b62, 12, 19000 + i) + symbols[i] + randomString(CHARSETS.b62, 8, 19100 + i);
      for (const name of ['password', 'dbPassword', 'SMTP_PASS', 'mqtt_pw', 'clientSecret', 'passphrase']) {
        const found = detectSecrets(password, { names: [name] });
        expect(found.map((f) => [f.id, f.start, f.end]), `${name} ${symbols[i]}`).toEqual([['generic-secret', 0, password.length]]);
        // the whole-value prefilter lets it through to the context
        expect(new Detector().mayHoldSecret(password), symbols[i]).toBe(true);
      }
      // a name for anything else, or a token's name, reads these characters as code or markup: no finding
      for (const name of ['title', 'apiKey', 'token', 'selector', 'passwordHash'])
        expect(detectSecrets(password, { names: [name] }), `${name} ${symbols[i]}`).toEqual([]);
    }
    // what such a position also holds, and is no password: markup, placeholders, templates, JSON, code
    for (const value of ['<your-password-here>', '{{DB_PASSWORD}}', '${SMTP_PASSWORD}', '{"user":"admin"}', 'process.env["PASSWORD"]', "getSecret('db')", '[REDACTED_PASSWORD]', '<%= password %>'])
      expect(detectSecrets(value, { names: ['password'] }), value).toEqual([]);
  });
  it('a host ends with a top-level domain of letters: a dotted hex token is no host', () => {
    expect(looksLikePathOrHost('api.eu.example.com')).toBe(true);
    expect(looksLikePathOrHost(`1000.${hex(32, 61)}.${hex(32, 62)}`)).toBe(false);
    expect(looksRandom(`1000.${hex(32, 61)}.${hex(32, 62)}`)).toBe(true);
  });
  it('a derived env name is never one the shell or Node sets (PWD is the working directory)', () => {
    expect(genericEnvName({ names: ['pwd'] })).toBe('PASSWORD');
    expect(genericEnvName({ names: ['Pwd', 'joinUrl', 'standup'] })).toBe('STANDUP_PASSWORD');
    expect(genericEnvName({ names: ['PATH'] })).not.toBe('PATH');
    // a fallback the code already reads stays as written
    expect(genericEnvName({ names: ['pwd'], envFallback: 'PWD' })).toBe('PWD');
  });
});

describe('long texts', () => {
  it('find every provider token in a long text exactly as in a short one (keyword-anchored matching)', async () => {
    const { TOKEN_FORMATS } = await import('../../src/detect/providers.js');
    const filler = '#%'.repeat(2600); // characters no token body holds, so each match ends where it would in a short text
    for (const f of TOKEN_FORMATS.filter((x) => x.class === 'secret')) {
      const token = fakeToken(f.id, 3);
      const ctx = { names: [`${(f.contextWords?.[0] ?? 'svc').replace(/[^a-z]/g, '')}Token`] };
      // provider findings inside a longer text (whole-value generic checks do not apply to either)
      const short = detectSecrets(`x ${token} x`, ctx).map((x) => x.id);
      const long = detectSecrets(`${filler} ${token} ${filler}`, ctx).map((x) => x.id);
      expect(long, f.id).toEqual(short);
    }
  });
  it('find every marker finding in a long ASCII text among floods of its near misses (the scan drops hits that cannot hold)', () => {
    // the markers whose hits the scan itself drops (a pair's `=`, a JWT's `eyJ`), each found where a near miss of it
    // sits on either side: pairs whose value stops short (`&`, `;`, a quote, white space) or begins with `=`, and `eyJ`
    // inside base64url runs
    const payload = Buffer.from(JSON.stringify({ sub: 'svc', iat: 1700000000 })).toString('base64url');
    const jwtToken = ['eyJhbGciOiJIUzI1NiJ9', payload, randomString(B64, 43, 19400)].join('.');
    const cases: [string, (i: number) => string, string][] = [
      ['pair', (i) => `api_key=${randomString(B64, 6 + (i % 5), 19500 + i)}${'&;"\' '[i % 5]}`, `password=${fakeGenericSecret(19600)}&`],
      ['pair at a stop', (i) => `token==${randomString(B64, 20, 19700 + i)}&`, `client_secret=${fakeGenericSecret(19601)};`],
      ['jwt', (i) => `${'eyJ'.repeat(1 + (i % 9))}${randomString(B64, 5, 19800 + i)}.`, ` ${jwtToken} `],
    ];
    for (const [name, miss, real] of cases) {
      const parts: string[] = [];
      for (let i = 0; parts.join('').length < 6000; i++) parts.push(miss(i));
      for (const at of [0, Math.floor(parts.length / 2), parts.length]) {
        const text = [...parts.slice(0, at), real, ...parts.slice(at)].join('');
        expect(text.length, name).toBeGreaterThan(4096);
        const short = detectSecrets(real).map((f) => f.value);
        expect(short.length, name).toBe(1);
        expect(detectSecrets(text).map((f) => f.value), `${name} at ${at}`).toContain(short[0]);
      }
    }
  });
});

describe('format objects', () => {
  it('every format, built-in or from extraPatterns, has the same fields in the same order (one object shape for V8)', async () => {
    const { TOKEN_FORMATS } = await import('../../src/detect/providers.js');
    const { getDetector } = await import('../../src/detect/options.js');
    const keys = Object.keys(TOKEN_FORMATS[0]!).join(',');
    expect(keys.split(',')).toContain('contextWords');
    for (const f of TOKEN_FORMATS) expect(Object.keys(f).join(','), f.id).toBe(keys);
    const detector = getDetector({ extraPatterns: [{ name: 'Acme', keyword: 'acme_', pattern: 'acme_[a-z0-9]{20}' }] });
    const user = (detector as unknown as { userFormats: Set<object> }).userFormats;
    expect(user.size).toBe(1);
    for (const f of user) expect(Object.keys(f).join(',')).toBe(keys);
  });
});
