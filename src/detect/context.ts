/**
 * What a value's position says: is it labelled as a credential (`token`, `apiKey`, `Authorization`…), as
 * something that is not one (`clientId`, `tokenUrl`, `passwordHash`), or not labelled at all?
 * And which env name fits it.
 */
import { holdsRandomRun, looksRandom } from './entropy.js';
import type { DetectContext } from './types.js';

export type NameVerdict = 'credential' | 'weak-credential' | 'not-secret' | 'neutral';

/** Split `clientSecret`, `CLIENT_SECRET`, `x-api-key`, `client.secret` into lower-case words. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/(?<=[A-Z])(?=[A-Z][a-z])/g, ' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Words that make a name a credential on their own. */
const CREDENTIAL_WORDS = new Set([
  'token',
  'tokens',
  'secret',
  'secrets',
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'apikey',
  'apikeys',
  'credential',
  'credentials',
  'auth',
  'authorization',
  'bearer',
  'pat',
  'privatekey',
  'accesskey',
  'secretkey',
  'webhook',
  'dsn',
  'sas',
  'sig',
  'appid', // OpenWeather's API key parameter (`appId` splits into `app id` and stays an id)
]);

/** Words that make `key` a credential (`api key`, `access key`, `private key`…). */
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'auth',
  'client',
  'service',
  'signing',
  'encryption',
  'master',
  'license',
  'app',
  'admin',
  'subscription',
  'account',
  'consumer',
  'server',
  'write',
  'ingest',
  'insert',
  'dd',
]);

/**
 * Words that make `key` a name for something else (`cacheKey`, `idempotencyKey`, `sortKey`, `i18nKey`): random-looking
 * values there (a hash, a random id) are no credentials. Not `primary`, `storage` or `object`: an Azure primary key, a
 * storage account key are.
 */
const KEY_NOT_CREDENTIAL = new Set(['cache', 'idempotency', 'dedupe', 'dedup', 'sort', 'partition', 'foreign', 'composite', 'lookup', 'translation', 'i18n']);

/** A final word that says the value is about a credential, not the credential itself. */
const NOT_SECRET_TAILS = new Set([
  'id',
  'ids',
  'url',
  'urls',
  'uri',
  'endpoint',
  'host',
  'domain',
  'path',
  'file',
  'filename',
  'dir',
  'name',
  'names',
  'type',
  'types',
  'header',
  'length',
  'len',
  'size',
  'count',
  'prefix',
  'suffix',
  'format',
  'hash',
  'hashed',
  'digest',
  'checksum',
  'version',
  'label',
  'title',
  'description',
  'desc',
  'placeholder',
  'field',
  'fields',
  'param',
  'scheme',
  'mode',
  'kind',
  'ttl',
  'expiry',
  'expires',
  'expiration',
  'at',
  'lifetime',
  'timeout',
  'location',
  'policy',
  'regex',
  'pattern',
  'message',
  'error',
  'hint',
  'help',
  'docs',
  'link',
  'method',
  'strategy',
  'provider',
  'source',
  'storage',
  'store',
  'cache',
  'env',
  'var',
  'variable',
  'public',
  'publishable',
  'pub',
  'present',
  'exists',
  'valid',
  'required',
  'enabled',
  'status',
  'index',
  'ref',
]);

/** Words before `token` that make it a cursor of a paginated or incremental API (Google, AWS, Microsoft Graph). */
const CURSOR_WORDS = new Set(['page', 'sync', 'next', 'continuation', 'pagination', 'cursor', 'delta', 'resume', 'skip']);

/** Units and counts that end the name of a number (`TOKEN_TTL_SECONDS`, `SESSION_MAX_AGE_MS`, `LOGIN_RETRIES`). */
const UNIT_TAILS = new Set(['seconds', 'secs', 'ms', 'millis', 'milliseconds', 'minutes', 'mins', 'hours', 'days', 'interval', 'duration', 'age', 'limit', 'retries', 'attempts']);

/** Names that carry no meaning about their value (`value`, `config`, `headers`). */
const NEUTRAL = new Set([
  'value',
  'val',
  'default',
  'defaults',
  'data',
  'config',
  'cfg',
  'conf',
  'options',
  'opts',
  'settings',
  'params',
  'body',
  'headers',
  'init',
  'args',
  'props',
  'result',
  'res',
  'req',
  'request',
  'fetch',
  'module',
  'exports',
]);

/** `githubAuth` → `github`, `linearOAuth` → `linear` (an owner's name with the auth word at its end set aside). */
function withoutAuthSuffix(name: string): string {
  const words = splitWords(name);
  let end = words.length;
  if (end > 1 && words[end - 1] === 'auth') end--;
  if (end > 1 && words[end - 1] === 'o') end--;
  return end === words.length ? name : words.slice(0, end).join('_');
}

/** Classify one name. */
export function classifyName(name: string): NameVerdict {
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    verdict = classifyNameUncached(name);
    if (verdicts.size >= 4096) verdicts.clear();
    verdicts.set(name, verdict);
  }
  return verdict;
}

/** Names repeat across strings and files (`apiKey`, `sourceMappingURL`): their verdicts are kept. */
const verdicts = new Map<string, NameVerdict>();

function classifyNameUncached(name: string): NameVerdict {
  const words = splitWords(name);
  if (words.length === 0) return 'neutral';
  if (words.length === 1 && NEUTRAL.has(words[0]!)) return 'neutral';
  const last = words[words.length - 1]!;
  if (NOT_SECRET_TAILS.has(last)) return 'not-secret';
  // `TOKEN_TTL_SECONDS`, `sessionTimeoutMs`: a unit of time or a count ends the name of a number
  if (UNIT_TAILS.has(last)) return 'not-secret';
  // `DB_PASS`, `smtpPass`, `MQTT_PW`: short for password when it ends the name
  if (last === 'pass' || last === 'pw') return 'credential';
  if (words.some((w) => w === 'public' || w === 'publishable')) return 'not-secret';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // `nextPageToken`, `syncToken`, `continuation_token`: a position in a listing, not a credential
    if ((w === 'token' || w === 'tokens') && i > 0 && CURSOR_WORDS.has(words[i - 1]!)) return 'not-secret';
    if (CREDENTIAL_WORDS.has(w)) return 'credential';
    if ((w === 'key' || w === 'keys') && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!)) return 'credential';
  }
  const keys = words.flatMap((w, i) => (w === 'key' || w === 'keys' ? [i] : []));
  if (keys.length === 0) return 'neutral';
  // every `key` a cache's, a sort's, an idempotency key…: a name for something else
  if (keys.every((i) => i > 0 && KEY_NOT_CREDENTIAL.has(words[i - 1]!))) return 'not-secret';
  return 'weak-credential';
}

/**
 * The verdict of a context: its names nearest first, the first that says something decides; an env fallback's
 * name counts as the nearest name.
 */
export function classifyContext(ctx: DetectContext): NameVerdict {
  const decided = decidingName(ctx);
  if (decided) return decided.verdict;
  const named = Boolean(ctx.envFallback) || (ctx.names?.length ?? 0) > 0;
  if (ctx.callee && ((CREDENTIAL_CALLEES.test(ctx.callee) && !LOOKUP_CALLEES.test(ctx.callee)) || (!named && ctx.callee in SDK_CALLEES))) {
    return 'credential';
  }
  return 'neutral';
}

/** Words of a name that says password or secret (`pass` and `pw` when they end it, as in `classifyName`). */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd', 'secret', 'secrets', 'secretkey']);

/**
 * Does the name that decides the context's verdict (`classifyContext`: nearest first) say password or secret? A
 * generated password may hold quotes and brackets (`looksRandom(value, false, true)`): read so only there.
 */
export function namesPassword(ctx: DetectContext): boolean {
  const decided = decidingName(ctx);
  if (decided?.verdict !== 'credential') return false;
  const words = splitWords(decided.name);
  const last = words[words.length - 1];
  return last === 'pass' || last === 'pw' || words.some((w) => PASSWORD_WORDS.has(w));
}

/** The name that decides a context's verdict, nearest first (an env fallback's name the nearest): the first that is not neutral. */
function decidingName(ctx: DetectContext): { name: string; verdict: NameVerdict } | undefined {
  if (ctx.envFallback) {
    const verdict = classifyName(ctx.envFallback);
    if (verdict !== 'neutral') return { name: ctx.envFallback, verdict };
  }
  for (const name of ctx.names ?? []) {
    const verdict = classifyName(name);
    if (verdict !== 'neutral') return { name, verdict };
  }
  return undefined;
}

/** `getCredentials("githubApi")`, `hasToken("x")`: the argument names a credential, it is not one. */
const LOOKUP_CALLEES = /^(?:get|has|load|read|find|fetch|request|delete|remove|is|check|require|resolve)/i;

/** Callees whose string argument is a credential (`setApiKey`, `login`, `setToken`, `withAuth`). */
const CREDENTIAL_CALLEES = /(?:apikey|token|secret|password|auth|login|credential)s?$/i;

/**
 * Provider SDK constructors and factories whose first string argument is a credential, with the env name it
 * conventionally comes from. Used for generic values passed to them and to name the env variable.
 */
export const SDK_CALLEES: Readonly<Record<string, { provider: string; envName: string }>> = {
  Stripe: { provider: 'Stripe', envName: 'STRIPE_SECRET_KEY' },
  Resend: { provider: 'Resend', envName: 'RESEND_API_KEY' },
  WebClient: { provider: 'Slack', envName: 'SLACK_BOT_TOKEN' },
  Octokit: { provider: 'GitHub', envName: 'GITHUB_TOKEN' },
  OpenAI: { provider: 'OpenAI', envName: 'OPENAI_API_KEY' },
  Anthropic: { provider: 'Anthropic', envName: 'ANTHROPIC_API_KEY' },
  LinearClient: { provider: 'Linear', envName: 'LINEAR_API_KEY' },
  Twilio: { provider: 'Twilio', envName: 'TWILIO_AUTH_TOKEN' },
  twilio: { provider: 'Twilio', envName: 'TWILIO_AUTH_TOKEN' },
  Telegraf: { provider: 'Telegram', envName: 'TELEGRAM_BOT_TOKEN' },
  TelegramBot: { provider: 'Telegram', envName: 'TELEGRAM_BOT_TOKEN' },
  Mailgun: { provider: 'Mailgun', envName: 'MAILGUN_API_KEY' },
  Airtable: { provider: 'Airtable', envName: 'AIRTABLE_API_KEY' },
  Groq: { provider: 'Groq', envName: 'GROQ_API_KEY' },
  Replicate: { provider: 'Replicate', envName: 'REPLICATE_API_TOKEN' },
  CohereClient: { provider: 'Cohere', envName: 'CO_API_KEY' },
  Mistral: { provider: 'Mistral', envName: 'MISTRAL_API_KEY' },
  Pinecone: { provider: 'Pinecone', envName: 'PINECONE_API_KEY' },
  HfInference: { provider: 'Hugging Face', envName: 'HF_TOKEN' },
  ServerClient: { provider: 'Postmark', envName: 'POSTMARK_SERVER_TOKEN' },
  Dropbox: { provider: 'Dropbox', envName: 'DROPBOX_ACCESS_TOKEN' },
};

/** Lower-case text of every name in the context, for `contextWords` checks. */
export function contextText(ctx: DetectContext): string {
  const sdk = ctx.callee ? SDK_CALLEES[ctx.callee]?.provider : undefined;
  return [ctx.envFallback ?? '', ctx.callee ?? '', sdk ?? '', ...(ctx.names ?? [])].join(' ').toLowerCase();
}

/** `clientSecret` → `CLIENT_SECRET`; `x-api-key` → `X_API_KEY`. */
export function toEnvName(name: string): string {
  const words = splitWords(name);
  return words.join('_').toUpperCase();
}

/** Bare credential words make poor env names on their own. */
const BARE_NAMES: Record<string, string> = {
  AUTHORIZATION: 'API_TOKEN',
  AUTH: 'API_TOKEN',
  BEARER: 'API_TOKEN',
  TOKEN: 'API_TOKEN',
  ACCESS_TOKEN: 'API_ACCESS_TOKEN',
  SECRET: 'API_SECRET',
  KEY: 'API_KEY',
  APIKEY: 'API_KEY',
  X_API_KEY: 'API_KEY',
  // the shell's working directory: `process.env.PWD` is never a secret of ours
  PWD: 'PASSWORD',
  PASSWD: 'PASSWORD',
};

/**
 * Variables the shell, the OS or Node set for every process: a secret moved into one of them would be overwritten
 * (`PWD` is the working directory), so a name derived from the code that lands on one gets `_SECRET` appended.
 */
const RESERVED_ENV_NAMES = new Set(['PATH', 'HOME', 'USER', 'USERNAME', 'LOGNAME', 'SHELL', 'PWD', 'OLDPWD', 'LANG', 'TERM', 'TMPDIR', 'TMP', 'TEMP', 'HOSTNAME', 'HOST', 'UID', 'NODE_OPTIONS', 'NODE_ENV', 'CI', 'PORT', 'TZ']);

const GENERIC_LAST_NAMES = new Set(['token', 'secret', 'password', 'passwd', 'pwd', 'apikey', 'key', 'auth', 'authorization', 'bearer']);

/**
 * Env name for a provider-less secret: the fallback's name, else the nearest credential name, prefixed with an
 * SDK's or an enclosing name's provider word when the name alone is generic (`apiKey` in `new OpenAI({ apiKey })`).
 */
export function genericEnvName(ctx: DetectContext, fallback = 'API_SECRET'): string {
  if (ctx.envFallback) return ctx.envFallback;
  const env = derivedEnvName(ctx, fallback);
  // a name built from a key that holds a random run (`token_<32 hex>`) would copy it into the code, `.env` and the
  // committed `.env.example` (the messages mask it; the files would not)
  if (holdsRandomRun(env) || (ctx.names ?? []).some(holdsRandomNamePart)) {
    const sdk = ctx.callee ? SDK_CALLEES[ctx.callee] : undefined;
    return sdk?.envName ?? fallback;
  }
  return RESERVED_ENV_NAMES.has(env) ? `${env}_SECRET` : env;
}



/**
 * Does a name hold a part of 16 or more letters and digits that is no word: random (`looksRandom`), or with hardly a
 * vowel among 12 or more letters (`x-api-key-<20 lower-case letters>`, `ACME_API_KEY_<16 upper-case and digits>`:
 * under a quarter of random letters are vowels, over a third of words'). Its env name would copy the part, split at
 * its case changes where `holdsRandomRun` no longer sees it (`ACME_API_KEY_ANE8_…`).
 */
function holdsRandomNamePart(name: string): boolean {
  if (name.length < 16) return false;
  for (const m of name.matchAll(NAME_PART)) {
    const part = m[0];
    if (looksRandom(part)) return true;
    let letters = 0;
    let vowels = 0;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i) | 32;
      if (c >= 97 && c <= 122) {
        letters++;
        if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) vowels++;
      }
    }
    if (letters >= 12 && vowels * 4 < letters) return true;
  }
  return false;
}
const NAME_PART = /[A-Za-z0-9]{16,}/g;

/** `genericEnvName` before the reserved names are set aside. */
function derivedEnvName(ctx: DetectContext, fallback: string): string {
  const sdk = ctx.callee ? SDK_CALLEES[ctx.callee] : undefined;
  const names = ctx.names ?? [];
  const nearest = names.find((n) => classifyName(n) === 'credential' || classifyName(n) === 'weak-credential');
  if (!nearest) return sdk?.envName ?? fallback;
  let env = toEnvName(nearest);
  env = BARE_NAMES[env] ?? env;
  if (env.length > 40 || !/^[A-Z][A-Z0-9_]*$/.test(env)) return sdk?.envName ?? fallback;
  const words = splitWords(nearest);
  if (words.length <= 2 && GENERIC_LAST_NAMES.has(words[words.length - 1]!)) {
    if (sdk) return `${sdk.provider.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${env}`;
    // the owner of the credential (`github` in `github: { clientSecret }`, `worker.oauth("githubAuth", …)`): a name
    // that says nothing of secrets once an `Auth`/`OAuth` at its end is set aside
    const owner = names
      .filter((n) => n !== nearest)
      .map(withoutAuthSuffix)
      .find((n) => n !== '' && classifyName(n) === 'neutral' && !NEUTRAL.has(n.toLowerCase()));
    if (owner) {
      const ownerEnv = toEnvName(owner).replace(/_(?:CLIENT|CONFIG|OPTIONS|SETTINGS|API)$/, '');
      if (ownerEnv && ownerEnv.length <= 20 && !env.startsWith(ownerEnv)) return `${ownerEnv}_${env}`;
    }
  }
  return env;
}
