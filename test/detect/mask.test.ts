/**
 * The output guard's readings one by one (src/detect/mask.ts): what `maskShown` masks of names that hold a secret
 * re-cased or glued past what the detector recognises, and what it leaves of names that hold none. The leak hunts
 * (test/leak-hunt-*-heldout.test.ts) check the routes to output; this file checks the readings on many seeds.
 * Tokens are built at run time (test/support/fake-tokens.ts), seeds 16000–16999.
 */
import { describe, expect, it } from 'vitest';
import { WORD_PAIR, WORD_PAIR_COUNT } from '../../src/detect/bigrams.js';
import { looksRandomInOneCase } from '../../src/detect/entropy.js';
import { detectSecrets } from '../../src/detect/index.js';
import { maskShown } from '../../src/detect/mask.js';
import { FORMAT_BY_ID } from '../../src/detect/providers.js';
import { CHARSETS, fakeToken, randomString } from '../support/fake-tokens.js';

/** Does `shown` hold 8 characters in a row of `secret` (letter case ignored)? */
function leaks(shown: string, secret: string): boolean {
  const out = shown.toLowerCase();
  const s = secret.toLowerCase();
  for (let i = 0; i + 8 <= s.length; i++) if (out.includes(s.slice(i, i + 8))) return true;
  return false;
}

/** The part of a token after its format's fixed prefix (what must never be shown). */
function bodyOf(formatId: string, token: string): string {
  const format = FORMAT_BY_ID.get(formatId);
  const lower = token.toLowerCase();
  const fixed = [format?.prefix?.toLowerCase() ?? '', ...(format?.keywords ?? [])].filter((k) => lower.startsWith(k)).sort((a, b) => b.length - a.length)[0] ?? '';
  return token.slice(fixed.length);
}

/** Names made of words in one case: env names, package and service names, API fields. */
const ONE_CASE_NAMES = [
  'MICROSOFTGRAPHSUBSCRIPTION',
  'notificationpreferences',
  'serviceaccountcredentials',
  'WEBHOOKSIGNINGSECRET',
  'authorizationendpoint',
  'refreshtokenexpiresat',
  'googleanalyticsreporting',
  'salesforceconnectedapp',
  'customerrelationshipmanagement',
  'PAYMENTINTENTSUCCEEDED',
  'internationalization',
  'CONTENTSECURITYPOLICY',
  'maxconcurrentrequests',
  'backgroundsynchronization',
  'MULTIFACTORAUTHENTICATION',
  'TWILIOMESSAGINGSERVICE',
  'stripeconnectaccountid',
  'HUBSPOTPRIVATEAPPTOKEN',
  'zendesksupportticketing',
  'airtablepersonalaccess',
  'githubappinstallation',
  'slackincomingwebhook',
  'NOTIONINTEGRATIONSECRET',
  'googlecloudstoragebucket',
  'applicationinsights',
  'openidconfiguration',
  'INTROSPECTIONENDPOINT',
  'CLIENTCREDENTIALSFLOW',
  'passwordresettemplate',
  'subscriptionlifecycle',
  'DATABASECONNECTIONSTRING',
  'featureflagevaluation',
  'mailchimpaudiencelist',
  'shopifyadminapiversion',
  'asanaworkspacemembership',
  'linearissuelabelgroup',
  'PAGERDUTYROUTINGKEY',
  'confluencespacepermission',
  'intercomconversationpart',
  'quickbooksonlineaccounting',
];

describe('looksRandomInOneCase', () => {
  it('holds the 292 word pairs of its list, no more', () => {
    expect(WORD_PAIR.length).toBe(26 * 26);
    expect(WORD_PAIR.reduce((n, flag) => n + flag, 0)).toBe(WORD_PAIR_COUNT);
    expect(WORD_PAIR_COUNT).toBe(292);
    // a few pairs of words, and a few no word has
    const pair = (ab: string): number => WORD_PAIR[(ab.charCodeAt(0) - 97) * 26 + (ab.charCodeAt(1) - 97)]!;
    expect(['th', 'er', 'in', 'on', 'qu'].map(pair)).toEqual([1, 1, 1, 1, 1]);
    expect(['qz', 'xq', 'jv', 'zx', 'kq'].map(pair)).toEqual([0, 0, 0, 0, 0]);
  });

  it('reads names made of words in one case as names', () => {
    expect(ONE_CASE_NAMES.filter(looksRandomInOneCase)).toEqual([]);
  });

  it('reads random letters and digits re-cased to one case as random, nearly always', () => {
    // letters alone are read from 20 of them (names of run-together acronyms and words come shorter)
    for (const [length, least, charsets] of [
      [16, 0.75, [CHARSETS.b62]],
      [20, 0.95, [CHARSETS.b62, CHARSETS.letters]],
      [24, 0.97, [CHARSETS.b62, CHARSETS.letters]],
      [34, 0.99, [CHARSETS.b62, CHARSETS.letters]],
    ] as const) {
      for (const charset of charsets) {
        let upper = 0;
        let lower = 0;
        const runs = 400;
        for (let seed = 16000; seed < 16000 + runs; seed++) {
          const value = randomString(charset, length, seed);
          if (looksRandomInOneCase(value.toUpperCase())) upper++;
          if (looksRandomInOneCase(value.toLowerCase())) lower++;
        }
        expect(upper / runs, `${length} upper`).toBeGreaterThanOrEqual(least);
        expect(lower / runs, `${length} lower`).toBeGreaterThanOrEqual(least);
      }
    }
  });

  it('leaves mixed case, hex, sequences, one repeated letter and short pieces to the other checks', () => {
    const mixed = randomString(CHARSETS.b62, 32, 16500);
    expect(looksRandomInOneCase(mixed.replace(/[0-9]/g, 'a').replace(/^./, 'A') + 'b')).toBe(false);
    expect(looksRandomInOneCase(randomString(CHARSETS.hex, 32, 16501))).toBe(false);
    expect(looksRandomInOneCase('abcdefghijklmnopqrstuvwxyz')).toBe(false);
    expect(looksRandomInOneCase('dapi' + 'x'.repeat(24))).toBe(false);
    expect(looksRandomInOneCase(randomString(CHARSETS.upperAlnum, 15, 16502))).toBe(false);
    expect(looksRandomInOneCase(`${randomString(CHARSETS.upperAlnum, 12, 16503)}_${randomString(CHARSETS.upperAlnum, 12, 16504)}`)).toBe(false);
  });
});

describe('maskShown: tokens re-cased past the detector', () => {
  const FORMATS = ['huggingface-token', 'dockerhub-pat', 'google-oauth-client-secret', 'github-classic-pat', 'stripe-secret-key', 'gitlab-pat', 'sendgrid-api-key', 'slack-bot-token'];

  it('knows every format of this sweep', () => {
    expect(FORMATS.filter((id) => !FORMAT_BY_ID.has(id))).toEqual([]);
  });

  it('masks an upper- or lower-cased token as an env name, a name part and a file name', () => {
    const leaked: string[] = [];
    for (const id of FORMATS) {
      for (let seed = 16100; seed < 16120; seed++) {
        const token = fakeToken(id, seed);
        const body = bodyOf(id, token);
        for (const recased of [token.toUpperCase(), token.toLowerCase()]) {
          for (const shown of [`process.env.${recased}`, `process.env.${recased}_API_KEY`, `src/${recased}.ts`, `ACME_${recased}`]) {
            if (leaks(maskShown(shown), body)) leaked.push(`${id}#${seed}: ${shown === `src/${recased}.ts` ? 'file' : 'name'}`);
          }
        }
      }
    }
    expect(leaked).toEqual([]);
  });

  it('masks a generic secret upper-cased into an env name (`API_TOKEN_<SECRET>`)', () => {
    const leaked: number[] = [];
    for (let seed = 16200; seed < 16300; seed++) {
      const secret = randomString(CHARSETS.b62, 32, seed);
      if (leaks(maskShown(`process.env.API_TOKEN_${secret.toUpperCase()}`), secret)) leaked.push(seed);
    }
    // one case reads as random for 99 % of 32-character secrets (the sweep above); a miss here is one of those
    expect(leaked.length).toBeLessThanOrEqual(2);
  });

  it('leaves names that hold no secret as they are', () => {
    const names = [
      ...ONE_CASE_NAMES.map((n) => `process.env.${n}`),
      'process.env.NPM_PACKAGE_VERSION_MAJORMINORPATCH',
      'process.env.DCKR_PAT_PLACEHOLDER_FOR_LOCAL_DEVELOPMENT',
      'src/integrations/salesforceconnectedapp/credentials.ts',
      'https://www.googleapis.com/auth/spreadsheets.readonly',
      'worker.oauth("googlecalendarreadonly")',
      'HUGGINGFACEHUB_API_TOKEN',
      // a short keyword (`key-`, Mailgun's) before 16 letters of words
      'headers["x-api-key-authenticationheader"]',
      'process.env.RE_AUTHENTICATION_TOKEN_REFRESH',
      'hvs.vaultserviceaccountrolename',
      // dotted names of words: hosts and service names
      'https://mybusinessaccountmanagement.googleapis.com/v1/accounts',
      'analytics.reporting.googleapis.com',
      'com.salesforce.marketingcloud.Authentication',
    ];
    expect(names.filter((n) => maskShown(n) !== n)).toEqual([]);
  });
});

describe('maskShown: random text cut by dots', () => {
  it('masks letters and digits cut by dots into pieces of 16 (a scope, a key name), whatever each piece reads as', () => {
    const leaked: number[] = [];
    for (let seed = 16900; seed < 16950; seed++) {
      const value = randomString(CHARSETS.b62, 48, seed);
      const dotted = value.match(/.{16}/g)!.join('.');
      if (leaks(maskShown(`admin:${dotted}`), value.replace(/\./g, ''))) leaked.push(seed);
    }
    expect(leaked).toEqual([]);
  });
});

describe('maskShown: tokens glued to names', () => {
  it('masks a token glued before `_<name>` (`<token>_PROD`), also after `ACME_`', () => {
    const leaked: string[] = [];
    for (const id of ['sendgrid-api-key', 'gitlab-pat-routable', 'github-fine-grained-pat', 'stripe-secret-key', 'slack-bot-token', 'npm-access-token']) {
      if (!FORMAT_BY_ID.has(id)) continue;
      for (let seed = 16300; seed < 16310; seed++) {
        const token = fakeToken(id, seed);
        for (const shown of [`process.env.${token}_PROD`, `process.env.ACME_${token}_x`, `http://auth.acme.dev/${token}_x/authorize`]) {
          if (leaks(maskShown(shown), bodyOf(id, token))) leaked.push(`${id}#${seed}: ${shown.slice(0, 12)}`);
        }
      }
    }
    expect(leaked).toEqual([]);
  });

  it('masks an Azure client secret (`~` in it) glued after a name or a dot', () => {
    const leaked: number[] = [];
    for (let seed = 16400; seed < 16420; seed++) {
      const secret = fakeToken('azure-client-secret', seed);
      for (const shown of [`process.env["AZURE_${secret}"]`, `cfg.${secret}`, `worker.oauth("azure_${secret}")`]) if (leaks(maskShown(shown), secret)) leaked.push(seed);
    }
    expect(leaked).toEqual([]);
  });

  it('masks a private key glued after a name (`ACME_-----BEGIN …`)', () => {
    for (const id of ['pgp-private-key', 'pem-private-key', 'openssh-private-key']) {
      const key = fakeToken(id, 16450);
      const shown = maskShown(`process.env["ACME_${key}"]`);
      const body = key.split('\n').filter((line) => !line.startsWith('-----') && !line.includes(':'));
      expect(body.filter((line) => line.length >= 8 && leaks(shown, line.replace(/^\+/, '')))).toEqual([]);
    }
  });
});

describe('detectSecrets: a base64 token written percent-encoded', () => {
  // keys whose first `+` or `/` comes after the format's least body (105 characters): the part before the first escape
  // is a key to the format, and the finding must take in the rest (a key escaped earlier is read decoded: below)
  const KEYS = Array.from({ length: 400 }, (_, i) => fakeToken('aws-bedrock-api-key', 16600 + i)).filter((key) => {
    const first = key.search(/[+/=]/);
    return first > 4 + 105 && first < key.length - 8;
  });

  it('finds enough keys escaped late to sweep', () => {
    expect(KEYS.length).toBeGreaterThanOrEqual(5);
  });

  it('covers the whole encoded value, so that it moves whole', () => {
    for (const key of KEYS) {
      const value = encodeURIComponent(key);
      const text = `https://api.acme.dev/v1?state=1&code=${value}&next=1`;
      const found = detectSecrets(text).filter((f) => f.id === 'aws-bedrock-api-key');
      expect(found).toHaveLength(1);
      expect(text.slice(found[0]!.start, found[0]!.end)).toBe(value);
      expect(found[0]!.value).toBe(value);
    }
  });

  it('covers a value encoded twice (`%252F`), and lower-case escapes', () => {
    for (const key of KEYS) {
      for (const value of [encodeURIComponent(encodeURIComponent(key)), encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())]) {
        const text = `https://api.acme.dev/v1?code=${value}`;
        const found = detectSecrets(text).filter((f) => f.id === 'aws-bedrock-api-key');
        expect(found).toHaveLength(1);
        expect(text.slice(found[0]!.start, found[0]!.end)).toBe(value);
      }
    }
  });

  it('finds a key escaped before the least body of its format, read decoded, over its encoded text', () => {
    const early = Array.from({ length: 60 }, (_, i) => fakeToken('aws-bedrock-api-key', 16700 + i)).filter((key) => key.search(/[+/]/) < 4 + 105);
    expect(early.length).toBeGreaterThanOrEqual(30);
    for (const key of early) {
      for (const value of [encodeURIComponent(key), encodeURIComponent(encodeURIComponent(key))]) {
        const text = `https://api.acme.dev/v1?state=1&code=${value}&next=%2Fhome`;
        const found = detectSecrets(text).filter((f) => f.id === 'aws-bedrock-api-key');
        expect(found).toHaveLength(1);
        expect(text.slice(found[0]!.start, found[0]!.end)).toBe(value);
        expect(found[0]!.value).toBe(value);
      }
    }
  });

  it('does not take in what follows a token that is not base64 (`ghp_…%2Fnext`)', () => {
    const token = fakeToken('github-classic-pat', 16650);
    const found = detectSecrets(`https://acme.dev/a?t=${token}%2Fnext`);
    expect(found.map((f) => f.value)).toEqual([token]);
  });
});
