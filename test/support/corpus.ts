/**
 * The realistic worker corpus (`test/fixtures/corpus/*.tmpl`): templates whose markers are replaced at run time by
 * generated credentials and look-alikes, so the repository never holds a real-format token. Used by the recall and
 * precision test and by the editor-suggestion test.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import { TOKEN_FORMATS } from '../../src/detect/providers.js';
import type { TokenFormat } from '../../src/detect/types.js';
import { fakeGenericSecret, fakeToken, lookalike, mulberry32 } from './fake-tokens.js';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'corpus');

/** Every template, rendered (fresh seeds per call of the process, deterministic order). */
export function renderCorpus(): Generated[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.tmpl'))
    .sort()
    .map((name) => generate(name, readFileSync(join(CORPUS_DIR, name), 'utf8')));
}

export type MarkerKind = 'secret' | 'generic' | 'basic' | 'jwt' | 'pem' | 'lookalike' | 'public' | 'sshpub' | 'fill' | 'plain';

export interface Placed {
  /** `secret:github-classic-pat`, `generic:3`, `plain` … */
  readonly marker: string;
  readonly kind: MarkerKind;
  /** Must be reported. */
  readonly expected: boolean;
  /** Provider display name for provider secrets. */
  readonly provider?: string;
  /** Offsets in the generated text. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /** Secret material that must never appear in a message (the value and its random parts). */
  readonly value?: string;
  readonly randomParts?: readonly string[];
}

export interface Generated {
  readonly name: string;
  readonly filename: string;
  readonly text: string;
  readonly placed: readonly Placed[];
  readonly problems: readonly string[];
}

const MARKER = /«([^»\n]*)»|\{\{(secret|generic|basic|jwt|pem|lookalike|public|sshpub|fill):([^{}\n]*)\}\}/g;

/** Deterministic PRNG for the pieces the harness builds itself (JWT parts). */
const prng = mulberry32;

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function randomChars(charset: string, length: number, seed: number): string {
  const next = prng(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += charset[Math.floor(next() * charset.length)];
  return out;
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A Supabase-style JWT; `service_role` is a secret, `anon` is public, `expired` is dead. */
function buildJwt(kind: string, seed: number): string {
  const header = b64url({ alg: 'HS256', typ: 'JWT' });
  const now = Math.floor(Date.now() / 1000);
  const ref = randomChars('abcdefghijklmnopqrstuvwxyz', 20, seed);
  const payload =
    kind === 'expired'
      ? { iss: 'https://auth.acme.io', sub: randomChars('0123456789abcdef', 24, seed + 1), role: 'authenticated', iat: now - 90_000, exp: now - 86_400 }
      : { iss: 'supabase', ref, role: kind, iat: now - 3_600, exp: now + 10 * 365 * 86_400 };
  return `${header}.${b64url(payload)}.${randomChars(B64URL, 43, seed + 2)}`;
}

const keyCache = new Map<string, string>();
/**
 * A PEM block made now (never stored): `PRIVATE KEY` (PKCS#8), `RSA PRIVATE KEY` (PKCS#1), `EC PRIVATE KEY` (SEC1),
 * `PUBLIC KEY` (SPKI). Shared by both corpus harnesses.
 */
export function buildPem(label: string): string {
  const cached = keyCache.get(label);
  if (cached) return cached;
  let pem: string;
  if (label === 'RSA PRIVATE KEY') {
    pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
  } else if (label === 'PRIVATE KEY') {
    pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  } else if (label === 'EC PRIVATE KEY') {
    pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }) as string;
  } else if (label === 'PUBLIC KEY') {
    pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
  } else {
    throw new Error(`unknown PEM label ${label}`);
  }
  pem = pem.trimEnd();
  keyCache.set(label, pem);
  return pem;
}

/** An OpenSSH ed25519 public key line (public by design). */
export function buildSshPublicKey(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const field = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]);
  return `ssh-ed25519 ${blob.toString('base64')} deploy@acme-ci`;
}

const formatById = new Map<string, TokenFormat>(TOKEN_FORMATS.map((f) => [f.id, f]));

/** The fixed, public head of a token (`ghp_`, `sk_live_`), which a message may show. */
function publicPrefix(format: TokenFormat | undefined, token: string): string {
  if (!format) return '';
  let best = format.prefix && token.startsWith(format.prefix) ? format.prefix : '';
  const lower = token.toLowerCase();
  for (const k of format.keywords) if (lower.startsWith(k) && k.length > best.length) best = token.slice(0, k.length);
  return best;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

let nextSeed = 7_001;

export function generate(name: string, template: string): Generated {
  const problems: string[] = [];
  const pending: Omit<Placed, 'line'>[] = [];
  let out = '';
  let last = 0;
  for (const m of template.matchAll(MARKER)) {
    out += template.slice(last, m.index);
    last = m.index + m[0].length;
    const start = out.length;
    const seed = nextSeed++;
    if (m[1] !== undefined) {
      out += m[1];
      pending.push({ marker: 'plain', kind: 'plain', expected: false, start, end: out.length });
      continue;
    }
    const kind = m[2] as MarkerKind;
    const arg = m[3]!;
    const marker = `${kind}:${arg}`;
    let value = '';
    let expected = false;
    let provider: string | undefined;
    let randomParts: string[] = [];
    try {
      switch (kind) {
        case 'secret':
        case 'public':
        case 'lookalike': {
          const format = formatById.get(arg);
          if (!format) {
            problems.push(`${name}: unknown format id \`${arg}\` (${marker}) — not in TOKEN_FORMATS`);
            value = 'unknown-format';
            break;
          }
          if (kind === 'secret' && format.class !== 'secret') problems.push(`${name}: ${marker} is class ${format.class}, use {{public:…}}`);
          if (kind === 'public' && format.class === 'secret') problems.push(`${name}: ${marker} is a secret format, use {{secret:…}}`);
          value = kind === 'lookalike' ? lookalike(arg) : fakeToken(arg, seed);
          expected = kind === 'secret';
          if (expected) {
            provider = format.provider;
            randomParts = [value.slice(publicPrefix(format, value).length)];
          }
          break;
        }
        case 'generic':
          value = fakeGenericSecret(seed);
          expected = true;
          randomParts = [value];
          break;
        case 'basic': {
          const password = fakeGenericSecret(seed);
          value = Buffer.from(`${arg}:${password}`).toString('base64');
          expected = true;
          randomParts = [value, password];
          break;
        }
        case 'jwt':
          value = buildJwt(arg, seed);
          expected = arg === 'service_role';
          if (expected) randomParts = value.split('.').slice(1);
          break;
        case 'pem':
          value = buildPem(arg);
          expected = arg.includes('PRIVATE');
          if (expected) randomParts = value.split('\n').filter((l) => !l.startsWith('-----'));
          break;
        case 'sshpub':
          value = buildSshPublicKey();
          break;
        case 'fill': {
          // {{fill:ghp_|x|36}}: a prefix and filler, a placeholder built at run time (no token-shaped text in the repo)
          const [prefix = '', ch = 'x', count = '0'] = arg.split('|');
          value = prefix + ch.repeat(Number(count));
          break;
        }
      }
    } catch (error) {
      problems.push(`${name}: cannot build ${marker}: ${(error as Error).message.slice(0, 120)}`);
      value = 'unbuildable';
    }
    out += value;
    pending.push({
      marker,
      kind,
      expected,
      ...(provider ? { provider } : {}),
      start,
      end: out.length,
      ...(expected ? { value, randomParts } : {}),
    });
  }
  out += template.slice(last);
  const starts = lineStartsOf(out);
  const placed = pending.map((p) => ({ ...p, line: lineOf(starts, p.start) }));
  const filename = `corpus/${name.replace(/\.tmpl$/, '')}`;
  return { name, filename, text: out, placed, problems };
}

/** Parsers per extension, then `rules` (a plugin config). */
export function languageConfigs(rules: Linter.Config): Linter.Config[] {
  return [
    { files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser as never } },
    {
      files: ['**/*.tsx'],
      languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'],
      // espree (ESLint's default parser)
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    rules,
  ];
}

