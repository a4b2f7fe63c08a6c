/**
 * Deterministic fake credentials for tests: one generator per format in `TOKEN_FORMATS`.
 *
 * Every token is assembled at run time from a prefix piece and a seeded random body, so no file of this repository
 * holds a token-shaped literal (our own scanner and the git hook grep for them). Fakes carry valid checksums, markers
 * and decodable bodies; `lookalike()` gives a near miss that the format must reject.
 */
import { crc32, toBase62 } from '../../src/detect/checksums.js';

/** Charsets. */
export const CHARSETS = {
  b62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  b64url: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_',
  b64: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/',
  hex: '0123456789abcdef',
  upperHex: '0123456789ABCDEF',
  digits: '0123456789',
  letters: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  lowerAlnum: '0123456789abcdefghijklmnopqrstuvwxyz',
  upperAlnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  word: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_',
  azure: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_~.-',
  bech32: 'qpzry9x8gf2tvdw0s3jn54khce6mua7l',
} as const;

/** mulberry32: small, fast, deterministic 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(text: string): number {
  return crc32(text);
}

function draw(rand: () => number, charset: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += charset[Math.floor(rand() * charset.length)]!;
  return out;
}

/** A seeded random string over `charset`. */
export function randomString(charset: string, length: number, seed = 1): string {
  return draw(mulberry32(seed), charset, length);
}

/** A 32–40 character random base62 string, for generic-secret tests. */
export function fakeGenericSecret(seed = 1): string {
  const rand = mulberry32(hashString('generic') ^ seed);
  return draw(rand, CHARSETS.b62, 32 + Math.floor(rand() * 9));
}

/** Generator context. In `near` mode `len(min, typical)` yields `min - 1`, which makes the token one char too short. */
class Gen {
  constructor(
    private readonly rand: () => number,
    readonly near: boolean,
  ) {}
  s(charset: string, length: number): string {
    return draw(this.rand, charset, length);
  }
  len(min: number, typical: number): number {
    return this.near ? min - 1 : typical;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }
  /** Digits without a leading zero. */
  digits(length: number): string {
    return this.s('123456789', 1) + this.s(CHARSETS.digits, length - 1);
  }
  uuid(separator = '-'): string {
    const h = CHARSETS.hex;
    return [this.s(h, 8), this.s(h, 4), this.s(h, 4), this.s(h, 4), this.s(h, this.len(12, 12))].join(separator);
  }
}

type Make = (g: Gen) => string;
interface Spec {
  readonly make: Make;
  /** Explicit near miss; default: `make` in near mode (one char too short). */
  readonly near?: Make;
}

const { b62, b64url, b64, hex, upperHex, upperAlnum, lowerAlnum, letters, lower, base32, word, azure } = CHARSETS;

const b64encode = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const b64urlEncode = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** Replace the char at `index` (negative from the end) by the next one in `charset`. */
function bump(token: string, charset: string, index = -1): string {
  const i = index < 0 ? token.length + index : index;
  const c = token[i]!;
  const next = charset[(charset.indexOf(c) + 1) % charset.length]!;
  return token.slice(0, i) + next + token.slice(i + 1);
}

/** Change one char of a fixed marker so that it is no longer the marker. */
const spoil = (marker: string): string => bump(marker, b62);

// Pieces kept short and apart: markers and prefixes are joined to bodies only at run time.
const OPENAI_MARKER = 'T3Blbk' + 'FJ';
const GROQ_MARKER = 'WGdyb3' + 'FY';
const BEDROCK_MARKER = 'YmVkcm9jay5' + 'hbWF6b25hd3MuY29t';
const PYPI_MARKER = 'AgEIcHlw' + 'aS5vcmc';
const DASHES = '-'.repeat(5);

/** GitHub/npm: 30 random + 6-char base62 CRC32 (§2.1). */
function githubLike(prefix: string): Spec {
  const make: Make = (g) => {
    const random = g.s(b62, 30);
    return prefix + random + toBase62(crc32(random), 6);
  };
  return { make, near: (g) => bump(make(g), b62) };
}

const atlassianCrc = (text: string): string => crc32(text).toString(16).toUpperCase().padStart(8, '0');

function atlassianLike(prefix: string): Spec {
  const make: Make = (g) => {
    const body = prefix + g.s(b64url, 177) + '=';
    return body + atlassianCrc(body);
  };
  return { make, near: (g) => bump(make(g), upperHex) };
}

function grafanaSaMake(g: Gen): string {
  const body = 'glsa' + '_' + g.s(b62, 32);
  const crc = crc32(body);
  const le = [crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, (crc >>> 24) & 0xff]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  return body + '_' + le;
}

const BECH32_GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function bech32Checksum(hrp: string, data: number[]): number[] {
  const values = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31), ...data];
  let chk = 1;
  for (const v of [...values, 0, 0, 0, 0, 0, 0]) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= BECH32_GEN[i]!;
  }
  const mod = (chk ^ 1) >>> 0;
  return [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
}

function ageMake(g: Gen): string {
  const hrp = 'age-secret-key-';
  const data = g.s(CHARSETS.bech32, 52);
  const values = [...data].map((c) => CHARSETS.bech32.indexOf(c));
  const check = bech32Checksum(hrp, values)
    .map((v) => CHARSETS.bech32[v]!)
    .join('');
  return (hrp + '1' + data + check).toUpperCase();
}

/** Lines of base64 (64 per line), the last one ending in a base64 char. */
function keyLines(g: Gen, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(g.s(b64, 64));
  out.push(g.s(b64, 22) + '==');
  return out.join('\n');
}

const pemHeader = (label: string): string => DASHES + 'BEGIN ' + label + DASHES;
const pemFooter = (label: string): string => DASHES + 'END ' + label + DASHES;

function pemSpec(label: string): Spec {
  return {
    make: (g) => pemHeader(label) + '\n' + keyLines(g, 4),
    near: (g) => pemHeader(label) + '\n' + g.s(b64, 30),
  };
}

function jwtLike(g: Gen, payload: Record<string, unknown>): string {
  return b64urlEncode(JSON.stringify({ alg: 'RS256', typ: 'JWT' })) + '.' + b64urlEncode(JSON.stringify(payload)) + '.' + g.s(b64url, 86);
}

function mapboxSpec(prefix: string): Spec {
  return {
    make: (g) =>
      prefix + b64urlEncode(JSON.stringify({ u: 'user' + g.s(lower, 5), a: g.s(lowerAlnum, 25) })) + '.' + g.s(b64url, g.len(20, 22)),
  };
}

/** Simple `prefix + body` spec; the body is one char short in near mode. */
const simple = (prefix: string, charset: string, min: number, typical = min): Spec => ({
  make: (g) => prefix + g.s(charset, g.len(min, typical)),
});

const SPECS: Record<string, Spec> = {
  // GitHub
  'github-classic-pat': githubLike('ghp' + '_'),
  'github-oauth-token': githubLike('gho' + '_'),
  'github-user-to-server-token': githubLike('ghu' + '_'),
  'github-installation-token': githubLike('ghs' + '_'),
  'github-installation-token-stateless': {
    make: (g) => 'ghs' + '_' + g.digits(7) + '_' + jwtLike(g, { iss: g.digits(6), exp: 1_800_000_000, r: g.s(b62, 12) }),
    near: (g) => 'ghs' + '_' + g.digits(7) + '_' + jwtLike(g, { iss: g.digits(6) }).split('.').slice(0, 2).join('.'),
  },
  'github-refresh-token': githubLike('ghr' + '_'),
  'github-fine-grained-pat': { make: (g) => 'github' + '_pat_' + g.s(b62, g.len(22, 22)) + '_' + g.s(b62, 59) },

  // GitLab
  'gitlab-pat': simple('glpat' + '-', b64url, 20),
  'gitlab-pat-routable': { make: (g) => 'glpat' + '-' + g.s(b64url, g.len(27, 40)) + '.01.' + g.s(lowerAlnum, 9) },
  'gitlab-deploy-token': simple('gldt' + '-', b64url, 20),
  'gitlab-runner-token': simple('glrt' + '-', b64url, 20),
  'gitlab-runner-token-routable': {
    make: (g) => 'glrt' + '-t1_' + g.s(b64url, g.len(24, 37)) + '.' + g.s(lowerAlnum, 9),
  },
  'gitlab-runner-registration-token': simple('GR134' + '8941', b64url, 20),
  'gitlab-pipeline-trigger-token': simple('glptt' + '-', hex, 40),
  'gitlab-ci-job-token': { make: (g) => 'glcbt' + '-' + g.s(b62, 3) + '_' + g.s(b64url, g.len(20, 20)) },
  'gitlab-oauth-app-secret': simple('gloas' + '-', b64url, 64),
  'gitlab-agent-token': simple('glagent' + '-', b64url, 50, 60),
  'gitlab-feed-token': simple('glft' + '-', b64url, 20),
  'gitlab-incoming-mail-token': simple('glimt' + '-', b64url, 25),
  'gitlab-scim-token': simple('glsoat' + '-', b64url, 20),
  'gitlab-feature-flag-token': simple('glffct' + '-', b64url, 20),

  // Registries
  'npm-access-token': githubLike('npm' + '_'),
  'npm-legacy-token': { make: (g) => '_authToken' + '=' + g.uuid() },
  'pypi-api-token': {
    make: (g) => 'pypi' + '-' + PYPI_MARKER + g.s(b64url, 150),
    near: (g) => 'pypi' + '-' + spoil(PYPI_MARKER) + g.s(b64url, 150),
  },
  'dockerhub-pat': simple('dckr' + '_pat_', b64url, 27),
  'dockerhub-oat': simple('dckr' + '_oat_', b64url, 32),

  // Stripe
  'stripe-secret-key': simple('sk' + '_live_', b62, 20, 99),
  'stripe-restricted-key': simple('rk' + '_test_', b62, 20, 99),
  'stripe-webhook-secret': simple('whsec' + '_', b62, 24, 32),
  'stripe-publishable-key': simple('pk' + '_live_', b62, 20, 99),

  // Slack
  'slack-bot-token': { make: (g) => 'xoxb' + '-' + g.digits(11) + '-' + g.digits(12) + '-' + g.s(b62, g.len(18, 24)) },
  'slack-user-token': {
    make: (g) => 'xoxp' + '-' + g.digits(11) + '-' + g.digits(12) + '-' + g.digits(13) + '-' + g.s(hex, g.len(10, 32)),
  },
  'slack-rotating-access-token': simple('xoxe.xoxb' + '-1-', b62, 150, 164),
  'slack-refresh-token': simple('xoxe' + '-1-', b62, 140, 146),
  'slack-app-token': {
    make: (g) => 'xapp' + '-1-A' + g.s(upperAlnum, 10) + '-' + g.digits(13) + '-' + g.s(hex, g.len(32, 64)),
  },
  'slack-legacy-token': { make: (g) => 'xoxc' + '-' + g.digits(12) + '-' + g.s(b62, g.len(18, 40)) },
  // a browser's `d` cookie, URL-encoded base64 (the body is 40 characters at least: near mode gives 39)
  'slack-session-cookie': { make: (g) => 'xoxd' + '-' + g.s(b62, 30) + '%2F' + g.s(b62, g.len(4, 60)) + '%3D' },
  'slack-webhook-url': {
    make: (g) =>
      'https://hooks.slack.com' + '/services/T' + g.s(upperAlnum, 8) + '/B' + g.s(upperAlnum, 9) + '/' + g.s(b62, g.len(20, 24)),
  },

  // OpenAI
  'openai-project-key': {
    make: (g) => 'sk-proj' + '-' + g.s(b64url, 74) + OPENAI_MARKER + g.s(b64url, 74),
    near: (g) => 'sk-proj' + '-' + g.s(b64url, 74) + spoil(OPENAI_MARKER) + g.s(b64url, 74),
  },
  'openai-service-account-key': {
    make: (g) => 'sk-svcacct' + '-' + g.s(b64url, 74) + OPENAI_MARKER + g.s(b64url, 74),
    near: (g) => 'sk-svcacct' + '-' + g.s(b64url, 74) + spoil(OPENAI_MARKER) + g.s(b64url, 74),
  },
  'openai-admin-key': {
    make: (g) => 'sk-admin' + '-' + g.s(b64url, 58) + OPENAI_MARKER + g.s(b64url, 58),
    near: (g) => 'sk-admin' + '-' + g.s(b64url, 58) + spoil(OPENAI_MARKER) + g.s(b64url, 58),
  },
  'openai-legacy-key': { make: (g) => 'sk' + '-' + g.s(b62, g.len(20, 20)) + OPENAI_MARKER + g.s(b62, 20) },

  // Anthropic: 95 body chars, a `-` 9 from the end, ends `AA`.
  'anthropic-api-key': {
    make: (g) => 'sk-ant' + '-api03-' + g.s(b64url, 86) + '-' + g.s(b64url, 6) + 'AA',
    near: (g) => 'sk-ant' + '-api03-' + g.s(b64url, 86) + '-' + g.s(b64url, 6) + 'AQ',
  },
  'anthropic-admin-key': {
    make: (g) => 'sk-ant' + '-admin01-' + g.s(b64url, 86) + '-' + g.s(b64url, 6) + 'AA',
    near: (g) => 'sk-ant' + '-admin01-' + g.s(b64url, 86) + '-' + g.s(b64url, 6) + 'AQ',
  },

  // Google
  'google-api-key': simple('AI' + 'za', b64url, 35),
  'google-oauth-client-secret': simple('GOCSPX' + '-', b64url, 28),
  'google-oauth-client-id': {
    make: (g) => g.digits(12) + '-' + g.s(lowerAlnum, g.len(32, 32)) + '.apps.googleusercontent.com',
  },
  'google-oauth-access-token': simple('ya29' + '.', b64url, 30, 180),
  'google-oauth-refresh-token': simple('1//' + '0', b64url, 80, 100),

  // AWS
  'aws-access-key-id': simple('AK' + 'IA', base32, 16),
  'aws-temporary-access-key-id': simple('AS' + 'IA', base32, 16),
  'aws-secret-access-key': simple('', b64, 40),
  'aws-bedrock-api-key': simple('AB' + 'SK', b64, 105, 140),
  'aws-bedrock-short-term-api-key': {
    make: (g) => 'bedrock-api-key' + '-' + BEDROCK_MARKER + g.s(b64, 200),
    near: (g) => 'bedrock-api-key' + '-' + spoil(BEDROCK_MARKER) + g.s(b64, 200),
  },

  // Azure
  'azure-storage-account-key': { make: (g) => 'Account' + 'Key=' + g.s(b64, g.len(86, 86)) + '==' },
  'azure-sas-token': { make: (g) => 'sig' + '=' + g.s(b62, 20) + '%2F' + g.s(b62, g.len(22, 22)) + '%3D' },
  'azure-client-secret': { make: (g) => g.s(azure, 3) + g.s(CHARSETS.digits, 1) + 'Q' + '~' + g.s(azure, g.len(31, 34)) },
  'azure-ai-services-key': {
    make: (g) => g.s(b62, g.len(52, 52)) + 'JQQJ' + '99' + g.s(b62, 9) + 'XJ3w' + '3AAA' + g.s(b62, 1) + 'ACOG' + g.s(b62, 4),
  },

  // Notion
  'notion-token': { make: (g) => 'ntn' + '_' + g.digits(11) + g.s(b62, g.len(29, 35)) },
  'notion-legacy-token': simple('secret' + '_', b62, 43),

  // Linear, Atlassian, HubSpot
  'linear-api-key': simple('lin_api' + '_', b62, 40),
  'linear-oauth-token': simple('lin_oauth' + '_', hex, 40, 64),
  'atlassian-api-token': atlassianLike('ATATT' + '3'),
  'atlassian-access-token': atlassianLike('ATCTT' + '3'),
  'bitbucket-app-password': {
    make: (g) => {
      const body = 'AT' + 'BB' + g.s(b62, 24);
      return body + atlassianCrc(body);
    },
    near: (g) => {
      const body = 'AT' + 'BB' + g.s(b62, 24);
      return bump(body + atlassianCrc(body), upperHex);
    },
  },
  'hubspot-private-app-token': { make: (g) => 'pat' + '-na1-' + g.uuid() },

  // Shopify, SendGrid, Mailgun, Mailchimp
  'shopify-access-token': simple('shpat' + '_', hex, 32),
  'shopify-custom-app-token': simple('shpca' + '_', hex, 32),
  'shopify-private-app-token': simple('shppa' + '_', hex, 32),
  'shopify-shared-secret': simple('shpss' + '_', hex, 32),
  'sendgrid-api-key': { make: (g) => 'SG' + '.' + g.s(b64url, g.len(22, 22)) + '.' + g.s(b64url, 43) },
  'mailgun-api-key': simple('key' + '-', hex, 32),
  'mailgun-private-api-key': { make: (g) => g.s(hex, g.len(32, 32)) + '-' + g.s(hex, 8) + '-' + g.s(hex, 8) },
  'mailgun-public-key': simple('pubkey' + '-', hex, 32),
  'mailchimp-api-key': { make: (g) => g.s(hex, g.len(32, 32)) + '-us' + String(g.int(1, 21)) },

  // Twilio
  'twilio-account-sid': simple('A' + 'C', hex, 32),
  'twilio-auth-token': simple('', hex, 32),
  'twilio-api-key-sid': simple('S' + 'K', hex, 32),
  'twilio-api-key-secret': { make: (g) => g.s('GHIJKLMNOPQRSTUVWXYZ', 1) + g.s(b62, g.len(31, 31)) },

  // Discord, Telegram
  'discord-bot-token': {
    make: (g) => b64encode(g.digits(18)) + '.' + g.s(b64url, 6) + '.' + g.s(b64url, g.len(27, 38)),
  },
  'discord-webhook-url': {
    make: (g) => 'https://discord.com' + '/api/webhooks/' + g.digits(19) + '/' + g.s(b64url, g.len(60, 68)),
  },
  'telegram-bot-token': { make: (g) => g.digits(10) + ':' + 'AA' + g.s(b64url, g.len(33, 33)) },

  // DigitalOcean, Supabase
  'digitalocean-pat': simple('dop' + '_v1_', hex, 64),
  'digitalocean-oauth-token': simple('doo' + '_v1_', hex, 64),
  'digitalocean-refresh-token': simple('dor' + '_v1_', hex, 64),
  'supabase-access-token': simple('sbp' + '_', hex, 40),
  'supabase-secret-key': { make: (g) => 'sb_secret' + '_' + g.s(b62, g.len(16, 22)) + '_' + g.s(b62, 8) },
  'supabase-publishable-key': { make: (g) => 'sb_publishable' + '_' + g.s(b62, g.len(16, 22)) + '_' + g.s(b62, 8) },

  // Sentry, Postman, Doppler
  'sentry-org-token': {
    make: (g) =>
      'sntrys' +
      '_' +
      b64encode(
        JSON.stringify({
          iat: 1_700_000_000 + g.int(0, 9_999_999),
          url: 'https://sentry.io',
          region_url: 'https://us.sentry.io',
          org: 'org-' + g.s(lower, 6),
        }),
      ) +
      '_' +
      g.s(b62, g.len(43, 43)),
  },
  'sentry-user-token': simple('sntryu' + '_', hex, 64),
  'postman-api-key': { make: (g) => 'PM' + 'AK-' + g.s(hex, g.len(24, 24)) + '-' + g.s(hex, 34) },
  'postman-collection-token': simple('PM' + 'AT-', b62, 26),
  'doppler-personal-token': simple('dp.pt' + '.', b62, 40, 43),
  'doppler-service-token': simple('dp.st' + '.', b62, 40, 43),
  'doppler-cli-token': simple('dp.ct' + '.', b62, 40, 43),
  'doppler-service-account-token': simple('dp.sa' + '.', b62, 40, 43),
  'doppler-scim-token': simple('dp.scim' + '.', b62, 40, 43),
  'doppler-audit-token': simple('dp.audit' + '.', b62, 40, 43),

  // Square, Dropbox, Mapbox
  'square-access-token': simple('EA' + 'AA', b64url, 60),
  'square-legacy-access-token': simple('sq0atp' + '-', b64url, 22),
  'square-application-secret': simple('sq0csp' + '-', b64url, 43),
  'square-application-id': simple('sq0idp' + '-', b64url, 22),
  'dropbox-short-lived-token': simple('sl' + '.', b64url, 130, 140),
  'dropbox-long-lived-token': { make: (g) => g.s(b64url, g.len(11, 11)) + 'A'.repeat(10) + g.s(b64url, 43) },
  'mapbox-secret-token': mapboxSpec('sk' + '.'),
  'mapbox-temporary-token': mapboxSpec('tk' + '.'),
  'mapbox-public-token': mapboxSpec('pk' + '.'),

  // Asana, Figma, Airtable, Vercel, Netlify
  'asana-pat': { make: (g) => '1/' + g.digits(16) + ':' + g.s(hex, g.len(32, 32)) },
  'figma-pat': simple('figd' + '_', b64url, 40),
  'figma-oauth-token': simple('figu' + '_', b64url, 40, 64),
  'airtable-pat': { make: (g) => 'pat' + g.s(b62, g.len(14, 14)) + '.' + g.s(hex, 64) },
  'airtable-legacy-api-key': simple('key', b62, 14),
  'vercel-personal-token': simple('vcp' + '_', b62, 20, 24),
  'vercel-integration-token': simple('vci' + '_', b62, 20, 24),
  'vercel-app-access-token': simple('vca' + '_', b62, 20, 24),
  'vercel-app-refresh-token': simple('vcr' + '_', b62, 20, 24),
  'vercel-ai-gateway-key': simple('vck' + '_', b62, 20, 24),
  'vercel-legacy-token': simple('', b62, 24),
  'netlify-pat': simple('nfp' + '_', b62, 36),
  'netlify-legacy-token': simple('', b64url, 43),

  // Cloudflare, Heroku
  'cloudflare-user-api-token': { make: (g) => 'cfut' + '_' + g.s(b62, g.len(40, 40)) + g.s(hex, 8) },
  'cloudflare-account-api-token': { make: (g) => 'cfat' + '_' + g.s(b62, g.len(40, 40)) + g.s(hex, 8) },
  'cloudflare-global-api-key': { make: (g) => 'cfk' + '_' + g.s(b62, g.len(40, 40)) + g.s(hex, 8) },
  'cloudflare-legacy-api-token': simple('', b64url, 40),
  'cloudflare-legacy-global-api-key': simple('', hex, 37),
  'cloudflare-origin-ca-key': { make: (g) => 'v1.0' + '-' + g.s(hex, g.len(24, 24)) + '-' + g.s(hex, 146) },
  'heroku-api-key': simple('HRKU' + '-AA', b64url, 58),
  'heroku-api-key-uuid': { make: (g) => 'HRKU' + '-' + g.uuid() },
  'heroku-legacy-api-key': { make: (g) => g.uuid() },

  // AI providers
  'huggingface-token': simple('hf' + '_', letters, 34),
  'huggingface-org-token': simple('api_org' + '_', letters, 34),
  'replicate-api-token': simple('r8' + '_', b64url, 35, 37),
  'groq-api-key': {
    make: (g) => 'gsk' + '_' + g.s(b62, 20) + GROQ_MARKER + g.s(b62, 24),
    near: (g) => 'gsk' + '_' + g.s(b62, 20) + spoil(GROQ_MARKER) + g.s(b62, 24),
  },
  'cohere-api-key': simple('', b62, 40),
  'perplexity-api-key': simple('pplx' + '-', b62, 40, 48),
  'xai-api-key': simple('xai' + '-', word, 80),
  'openrouter-api-key': simple('sk-or' + '-v1-', hex, 60, 64),
  'deepseek-api-key': simple('sk' + '-', hex, 32),
  'elevenlabs-api-key': simple('sk' + '_', hex, 48),
  'langsmith-personal-token': { make: (g) => 'lsv2' + '_pt_' + g.s(hex, g.len(32, 32)) + '_' + g.s(hex, 10) },
  'langsmith-service-key': { make: (g) => 'lsv2' + '_sk_' + g.s(hex, g.len(32, 32)) + '_' + g.s(hex, 10) },
  'pinecone-api-key': { make: (g) => 'pcsk' + '_' + g.s(b62, 5) + '_' + g.s(b62, g.len(56, 63)) },

  // Observability
  'datadog-api-key': simple('', hex, 32),
  'datadog-app-key': simple('', hex, 40),
  'datadog-pat': simple('ddpat' + '_', b62, 20, 40),
  'datadog-service-access-token': simple('ddsat' + '_', b62, 20, 40),
  'datadog-scoped-app-key': simple('ddapp' + '_', b62, 20, 40),
  'newrelic-user-api-key': simple('NR' + 'AK-', upperAlnum, 27),
  'newrelic-insert-key': simple('NR' + 'II-', b64url, 32),
  'newrelic-license-key': { make: (g) => g.s(b62, g.len(36, 36)) + 'NR' + 'AL' },
  'newrelic-browser-key': simple('NR' + 'JS-', hex, 19),
  'grafana-cloud-token': {
    make: (g) =>
      'glc' +
      '_' +
      b64encode(JSON.stringify({ o: g.digits(6), n: 'stack-' + g.s(lower, 5), k: g.s(b62, 32), m: { r: 'prod-us-east-0' } })),
    near: (g) =>
      'glc' + '_' + b64encode(JSON.stringify({ o: g.digits(6), n: 'stack-' + g.s(lower, 5), k: g.s(b62, 32) })).slice(0, -8),
  },
  'grafana-service-account-token': { make: grafanaSaMake, near: (g) => bump(grafanaSaMake(g), hex) },
  'grafana-legacy-api-key': {
    make: (g) => b64encode(JSON.stringify({ k: g.s(b62, 32), n: 'deploy-' + g.s(lower, 4), id: 1 })),
    near: (g) => b64encode(JSON.stringify({ k: g.s(b62, 32), n: 'deploy-' + g.s(lower, 4), id: 1 })).slice(0, -8),
  },

  // Data / CI platforms
  'planetscale-service-token': simple('pscale' + '_tkn_', b64url, 32, 43),
  'planetscale-password': simple('pscale' + '_pw_', b64url, 32, 43),
  'planetscale-oauth-token': simple('pscale' + '_oauth_', b64url, 32, 43),
  'databricks-token': simple('da' + 'pi', hex, 32),
  'okta-api-token-header': simple('SSWS ' + '00', b64url, 40),
  'okta-api-token': simple('0' + '0', b64url, 40),
  'auth0-client-secret': simple('', b64url, 64),

  // Other SaaS
  'resend-api-key': { make: (g) => 're' + '_' + g.s(b62, 8) + '_' + g.s(b62, g.len(20, 24)) },
  'postmark-token': { make: (g) => g.uuid() },
  'intercom-access-token': {
    make: (g) => b64encode('tok' + ':' + g.uuid('_') + ':1:0'),
    near: (g) => b64encode('tok' + ':' + g.uuid('_').slice(1) + ':1:0'),
  },
  'zendesk-api-token': simple('', b62, 40),
  'twitch-token': simple('', lowerAlnum, 30),
  'meta-access-token': simple('EA' + 'AG', b62, 99, 180),
  'instagram-access-token': simple('IGQ' + 'VJ', b64url, 100, 160),
  'meta-app-secret': simple('', hex, 32),
  'twitter-bearer-token': {
    make: (g) => 'A'.repeat(21) + g.s(b62, 30) + '%2F' + g.s(b62, 30) + '%3D' + g.s(b62, 25),
    near: (g) => 'A'.repeat(21) + g.s(b62, 30) + '%2F' + g.s(b62, 30) + '%2B' + g.s(b62, 25),
  },

  // Infrastructure
  'vault-service-token': simple('hvs' + '.', b64url, 80, 91),
  'vault-batch-token': simple('hvb' + '.', b64url, 80, 91),
  'terraform-cloud-token': { make: (g) => g.s(b62, 14) + '.atlasv1' + '.' + g.s(b64url, g.len(60, 67)) },
  'dynatrace-api-token': { make: (g) => 'dt0c01' + '.' + g.s(upperAlnum, g.len(24, 24)) + '.' + g.s(upperAlnum, 64) },
  'buildkite-user-token': simple('bkua' + '_', b62, 20, 40),
  'buildkite-agent-session-token': simple('bkaa' + '_', b62, 20, 40),
  'buildkite-agent-job-token': simple('bkaj' + '_', b62, 20, 40),
  'age-secret-key': { make: ageMake, near: (g) => bump(ageMake(g), 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L') },

  // Private keys
  'pem-private-key': pemSpec('RSA PRIVATE' + ' KEY'),
  'openssh-private-key': pemSpec('OPENSSH PRIVATE' + ' KEY'),
  'pgp-private-key': {
    make: (g) => pemHeader('PGP PRIVATE KEY' + ' BLOCK') + '\n\n' + keyLines(g, 4) + '\n=' + g.s(b62, 4),
    near: (g) => pemHeader('PGP PRIVATE KEY' + ' BLOCK') + '\n\n' + g.s(b64, 30),
  },
  'putty-private-key': {
    make: (g) =>
      'PuTTY-User-Key' +
      '-File-2: ssh-rsa\nEncryption: none\nComment: rsa-key-' +
      g.digits(8) +
      '\nPublic-Lines: 2\n' +
      keyLines(g, 1) +
      '\nPrivate-Lines: 2\n' +
      keyLines(g, 1) +
      '\nPrivate-MAC: ' +
      g.s(hex, 40),
    near: (g) => 'PuTTY-User-Key' + '-File-2: ' + g.s(b62, 30),
  },
  'pem-private-key-base64': {
    make: (g) => b64encode(pemHeader('RSA PRIVATE' + ' KEY') + '\n' + keyLines(g, 3) + '\n' + pemFooter('RSA PRIVATE' + ' KEY') + '\n'),
    near: (g) => b64encode(pemHeader('PUBLIC' + ' KEY') + '\n' + keyLines(g, 3) + '\n' + pemFooter('PUBLIC' + ' KEY') + '\n'),
  },
};

function spec(formatId: string): Spec {
  const found = SPECS[formatId];
  if (!found) throw new Error(`fake-tokens: no generator for format "${formatId}"`);
  return found;
}

/** Ids that have a generator (a test checks that every format in TOKEN_FORMATS is among them). */
export const FAKE_FORMAT_IDS: readonly string[] = Object.keys(SPECS);

/** A fake token that matches format `formatId` exactly (checksums, markers and decodable bodies valid). */
export function fakeToken(formatId: string, seed = 1): string {
  return spec(formatId).make(new Gen(mulberry32(hashString(formatId) ^ seed), false));
}

/** A near miss for `formatId` that the format must not accept (bad checksum/marker, one char short, bad payload). */
export function lookalike(formatId: string): string {
  const s = spec(formatId);
  const g = new Gen(mulberry32(hashString(formatId) ^ 0x5eed), true);
  return (s.near ?? s.make)(g);
}
