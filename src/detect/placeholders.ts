/**
 * Values that look like credentials but are not (token-formats.md §3): placeholders, templates, documented
 * examples, fake bodies. Documented example keys are kept as SHA-256 digests so this repository never holds a
 * real-format token, not even a public example.
 */
import { hash } from 'node:crypto';
import { isSequential, shannonEntropy } from './entropy.js';

/** Whole-value placeholders and template references. */
const PLACEHOLDER_WHOLE: readonly RegExp[] = [
  /^<[^<>]{1,80}>$/, // <your-token>
  /^\[[^[\]]{1,80}\]$/, // [TOKEN]
  /^\{\{[^{}]{1,80}\}\}$/, // {{credential}}
  /^\$\{\{[^{}]{1,80}\}\}$/, // ${{ secrets.X }}
  /^\$\{[^{}]{1,80}\}$/, // ${VAR}
  /^\$[A-Za-z_][A-Za-z0-9_]{0,80}$/, // $VAR
  /^\$\([^()]{1,80}\)$/, // $(cmd)
  /^%[A-Za-z_][A-Za-z0-9_]{0,80}%$/, // %VAR%
  /^@[A-Za-z_][A-Za-z0-9_]{0,80}@$/, // @VAR@
  /^(?:true|false|null|undefined|none|nil|todo|tbd|n\/a)$/i,
  /^[xX*•.#_-]{3,}$/, // xxxx, ****, ...
];

/** Words that mark a value as a stand-in wherever they occur (lower-case). */
export const FAKE_WORDS: readonly string[] = [
  'example',
  'sample',
  'dummy',
  'fake',
  'placeholder',
  'your',
  'redacted',
  'changeme',
  'change_me',
  'replace',
  'insert',
  'paste',
  'invalid',
  'notreal',
  'not_a_real',
  'not-a-real',
  'mock',
  'lorem',
  'xxxx',
  '****',
  '••',
  '0000000',
  '1234567',
  'abcdefg',
  'secret_here',
  'token_here',
  'key_here',
  'goes_here',
  'goes-here',
  // a value cut short for a doc or a log line (`eyJhbGciOiJIUzI1NiJ9...`, `sk_live_51H…`)
  '...',
  '…',
];

/** Any of `FAKE_WORDS`, in one pass (each word written literally: `includes` of each, at once). */
const FAKE_WORD = new RegExp(FAKE_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** Template/format references anywhere in a value: `${x}`, `{{x}}`, `%s`, `{0}`. */
const TEMPLATE_INSIDE = /\$\{|\{\{|\}\}|%s|%d|\{0\}|<[A-Za-z_ -]{2,40}>/;

/** Is the whole value a placeholder (`<paste your token here>`, `YOUR_API_KEY`, `${VAR}`, `xxxx`)? */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (PLACEHOLDER_WHOLE.some((re) => re.test(v))) return true;
  if (TEMPLATE_INSIDE.test(v)) return true;
  return hasFakeWord(v);
}

/** Does the value contain a stand-in word (`fake`, `example`, `xxxx`, `your`…)? */
export function hasFakeWord(value: string): boolean {
  const lower = value.toLowerCase();
  // `aaaaaaa` only in lower case: some real formats carry a run of `A` (Dropbox, X bearer tokens)
  return FAKE_WORD.test(lower) || value.includes('aaaaaaa');
}

/**
 * Is the random part of a prefixed token fake: a stand-in word, a template, too little entropy, or a
 * sequence? `minEntropy` comes from the format data.
 */
export function isFakeBody(body: string, minEntropy: number): boolean {
  if (body.length === 0) return true;
  if (hasFakeWord(body) || TEMPLATE_INSIDE.test(body)) return true;
  if (body.length >= 8 && isSequential(body)) return true;
  return body.length >= 8 && shannonEntropy(body) < minEntropy;
}

const KNOWN_EXAMPLE_DIGESTS = new Set([
  '1a5d44a2dca19669d72edf4c4f1c27c4', // AWS docs key id
  '78314b11be2e581549ac1c4f616563fa', // AWS docs secret key
  'c6ea27c534f993d31f0aef882e3d200e', // AWS docs second key id
  'e21b597ba6b9cafa59d9ebc4d65c0385', // AWS docs second secret key
  'b1471f544ceeea31333bde7e1ecbaad6', // Stripe docs publishable test key
  '2cafc0970149a84f3b9e62eaf169f36f', // Stripe docs secret test key (public test account)
  '0b5dd075ccdd03c42f4edda8e299e683', // Telegram docs bot token
  '9705102db0d5f99ee08daa19a73e510d', // Supabase CLI local publishable key
  'c85debb55f2f204d868cc1552c42faa1', // Supabase CLI local secret key
  'a064b502e61d27e94b8717290e5e1b32', // Supabase CLI local JWT secret
  'f56e323494a6ffc2064e7a955908957d', // Firebase SDK sample key
  'ff8daf6be05e7524855fde00180edb0b', // Twilio docs example SID
]);

/** Is this one of the documented example credentials (token-formats.md §3.1)? */
export function isKnownExample(token: string): boolean {
  if (/EXAMPLE/.test(token)) return true;
  return KNOWN_EXAMPLE_DIGESTS.has(hash('sha256', token, 'hex').slice(0, 32));
}
