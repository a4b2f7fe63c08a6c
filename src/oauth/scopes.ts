/**
 * The scope engine of `worker-auth/no-broad-oauth-scopes`: split a scope string, normalise each scope, and assess a
 * list against a provider's risk table, the generic signals of fact sheet §6 and the user's policy.
 *
 * Pure functions, no I/O, no regular expressions (every scan is a single linear pass).
 *
 * Decision order per scope (first that applies):
 * 1. `policy.forbid` matches → `forbidden` (an explicit forbid beats everything, including `allow`).
 * 2. `policy.allow` matches (for the provider id or `'*'`) → not reported.
 * 3. Never-broad scopes (`openid`, `email`, `profile`, `offline_access`, `read:user`, …) and opaque scopes
 *    (Microsoft `.default`) → not reported.
 * 4. Known provider: its risk table (exact entries first, then the most specific pattern) → `broad`.
 *    A scope outside the table is reported only when it is a wildcard (`*`, `read:*`, `files.*`) → `generic`.
 *    Every other generic signal is ignored for known providers: the sheet says the per-provider table wins, and
 *    words like `admin`/`write`/`all` are common in documented narrow scopes.
 * 5. Unknown provider: the generic signals of §6 → `generic`. `api` and `manage` are never generic signals (ambiguous
 *    without a provider), and a write scope is not reported just because it writes.
 * Finally, when `policy.maxScopes` is exceeded, one `too-many` finding with index -1 is appended.
 */
import type {
  OAuthProvider,
  RiskClass,
  RiskyScope,
  ScopeFinding,
  ScopePolicy,
  ScopeToken,
} from './types.js';

export type { ScopeFinding, ScopePolicy, ScopeToken } from './types.js';

/** Scopes never reported as broad (identity and long-lived access, fact sheet §5/§6). Compared exactly. */
export const NEVER_BROAD_SCOPES: readonly string[] = [
  'openid',
  'email',
  'profile',
  'phone',
  'address',
  'offline_access',
  'offline.access',
  'offline',
  'refresh_token',
  'read:user',
  'user:email',
  'public_profile',
  'identify',
  'identity',
];

const NEVER_BROAD = new Set(NEVER_BROAD_SCOPES);

// ---------------------------------------------------------------------------------------------------------------
// Splitting and normalising
// ---------------------------------------------------------------------------------------------------------------

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Length of the separator starting at `i` (0 if none): whitespace, `,`, `+`, `%20`, `%2C`. */
function separatorLength(value: string, i: number): number {
  const code = value.charCodeAt(i);
  if (isSpace(code) || code === 0x2c /* , */ || code === 0x2b /* + */) return 1;
  if (code === 0x25 /* % */ && value.charAt(i + 1) === '2') {
    const next = value.charAt(i + 2);
    if (next === '0' || next === 'C' || next === 'c') return 3;
  }
  return 0;
}

function decode(token: string): string {
  if (!token.includes('%')) return token;
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/**
 * Splits a scope string on whitespace and commas, treating `+`, `%20` and `%2C` as separators too (URL-encoded
 * space/comma). Never splits on `:`, `.` or `/`. Offsets point into `value` (`end` exclusive), so a rule can report
 * each scope at its own columns; `scope` is percent-decoded (`https%3A%2F%2F…` → `https://…`).
 */
export function splitScopes(value: string): ScopeToken[] {
  const tokens: ScopeToken[] = [];
  let start = -1;
  let i = 0;
  while (i < value.length) {
    const sep = separatorLength(value, i);
    if (sep > 0) {
      if (start >= 0) tokens.push({ scope: decode(value.slice(start, i)), start, end: i });
      start = -1;
      i += sep;
    } else {
      if (start < 0) start = i;
      i += 1;
    }
  }
  if (start >= 0) tokens.push({ scope: decode(value.slice(start)), start, end: value.length });
  return tokens;
}

/**
 * Short form of a scope: strips the provider's `scopePrefix` (Google `https://www.googleapis.com/auth/drive` →
 * `drive`, Microsoft `https://graph.microsoft.com/Mail.Read` → `Mail.Read`). Other scopes are returned unchanged
 * (Google's `https://mail.google.com/` has no short form).
 */
export function normalizeScope(provider: OAuthProvider | undefined, scope: string): string {
  const prefix = provider?.scopePrefix;
  if (prefix !== undefined && scope.length > prefix.length && scope.startsWith(prefix)) {
    return scope.slice(prefix.length);
  }
  return scope;
}

/**
 * True for scopes whose breadth is configured elsewhere: the provider's `opaqueScopes` (Microsoft `.default`,
 * including `{resource}/.default`). For an unknown provider any `.default` / `…/.default` scope. They are not
 * reported as broad; a rule may add an informational note.
 */
export function isOpaqueScope(provider: OAuthProvider | undefined, scope: string): boolean {
  const short = normalizeScope(provider, scope);
  const opaque = provider === undefined ? ['.default'] : (provider.opaqueScopes ?? []);
  return opaque.some((entry) => short === entry || (entry.startsWith('.') && short.endsWith(`/${entry}`)));
}

// ---------------------------------------------------------------------------------------------------------------
// Provider risk tables
// ---------------------------------------------------------------------------------------------------------------

/** A risky-table hit with `*` already substituted; alternatives and suggestion in short form. */
export interface RiskyMatch {
  readonly entry: RiskyScope;
  readonly alternatives: readonly string[];
  readonly suggestion?: string;
}

function patternCapture(pattern: string, token: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star < 0) return undefined;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  if (token.length < head.length + tail.length + 1) return undefined;
  if (!token.startsWith(head) || !token.endsWith(tail)) return undefined;
  return token.slice(head.length, token.length - tail.length);
}

function substitute(text: string, capture: string | undefined): string {
  return capture === undefined ? text : text.split('*').join(capture);
}

/**
 * The provider's risk-table entry for a scope (full or short form): an exact entry, else the pattern entry with the
 * longest literal part. Undefined when the scope is not in the table.
 */
export function matchRiskyScope(provider: OAuthProvider, scope: string): RiskyMatch | undefined {
  const short = normalizeScope(provider, scope);
  const fold = provider.caseInsensitiveScopes === true ? (text: string): string => text.toLowerCase() : (text: string): string => text;
  const key = fold(short);
  let entry = provider.risky.find((candidate) => candidate.pattern !== true && fold(candidate.scope) === key);
  let capture: string | undefined;
  if (entry === undefined) {
    for (const candidate of provider.risky) {
      if (candidate.pattern !== true) continue;
      if (entry !== undefined && candidate.scope.length <= entry.scope.length) continue;
      const captured = patternCapture(fold(candidate.scope), key);
      if (captured !== undefined) {
        entry = candidate;
        // as written (the comparison may have folded its case)
        const head = candidate.scope.indexOf('*');
        capture = short.slice(head, head + captured.length);
      }
    }
  }
  if (entry === undefined) return undefined;
  const alternatives = entry.alternatives.map((alternative) => substitute(alternative, capture));
  const suggestion = entry.suggestion === undefined ? undefined : substitute(entry.suggestion, capture);
  return suggestion === undefined ? { entry, alternatives } : { entry, alternatives, suggestion };
}

/** Renders a short-form scope in the form of the original: full URL in, full URL out. */
function inFormOf(provider: OAuthProvider | undefined, original: string, short: string, text: string): string {
  const prefix = provider?.scopePrefix;
  if (prefix === undefined || text.includes('://')) return text;
  return original !== short || original.includes('://') ? `${prefix}${text}` : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Generic signals (fact sheet §6)
// ---------------------------------------------------------------------------------------------------------------

interface GenericSignal {
  readonly risk: RiskClass;
  readonly reason: string;
}

function segmentsOf(lower: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < lower.length; i += 1) {
    const ch = lower.charAt(i);
    if (ch === ':' || ch === '.' || ch === '_' || ch === '-' || ch === '/') {
      if (current !== '') segments.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '') segments.push(current);
  return segments;
}

const WRITE_WORDS = new Set(['write', 'readwrite', 'manage', 'modify', 'full', 'edit', 'rw', 'create', 'update']);
const READ_WORDS = new Set(['read', 'readonly', 'ro', 'view', 'viewer', 'get', 'list']);
const ADMIN_WORDS = new Set(['sudo', 'root', 'superuser', 'owner']);
/**
 * A segment that names administration: `admin…` (`admin`, `adminapi`), a role ending in it (Snowflake's
 * `ACCOUNTADMIN`, `SYSADMIN`; not `nonadmin`), or `sudo`/`root`/`superuser`/`owner`.
 */
function isAdminSegment(segment: string): boolean {
  return segment.startsWith('admin') || (segment.endsWith('admin') && !/^(?:non|not|un)/.test(segment)) || ADMIN_WORDS.has(segment);
}
const DELETE_WORDS = new Set(['delete', 'deletion', 'destroy', 'purge', 'remove']);
const BARE_WRITE = new Set(['write', 'readwrite', 'read_write', 'read-write']);

/** True for `*` and scopes ending in a glob (`read:*`, `files.*`, `repo*`). */
function isWildcard(scope: string): boolean {
  return scope.endsWith('*');
}

function genericSignal(scope: string, onlyScope: boolean): GenericSignal | undefined {
  const lower = scope.toLowerCase();
  if (isWildcard(lower)) {
    return lower.startsWith('read')
      ? { risk: 'read-all', reason: 'wildcard scope: reads everything it matches' }
      : { risk: 'admin', reason: 'wildcard scope: grants every permission it matches' };
  }
  const segments = segmentsOf(lower);
  const writes = segments.some((segment) => WRITE_WORDS.has(segment));
  const readOnly = !writes && segments.some((segment) => READ_WORDS.has(segment));
  if (
    segments.some((segment) => segment.startsWith('impersonat') || segment.startsWith('delegat')) ||
    lower.includes('act_as') ||
    lower.includes('on_behalf')
  ) {
    return { risk: 'admin', reason: 'acts as other users' };
  }
  if (!readOnly && segments.some(isAdminSegment)) {
    return { risk: 'admin', reason: 'administrative scope' };
  }
  // `<resource>:read:admin` (Zoom's and Lever's spelling): the resource read across the whole account, not the
  // reader's own; `admin:read` (the admin settings, read) stays unreported
  if (readOnly && segments.length >= 2 && isAdminSegment(segments[segments.length - 1]!)) {
    return { risk: 'read-all', reason: 'reads account-wide (an `admin` scope)' };
  }
  if (segments.some((segment) => DELETE_WORDS.has(segment))) {
    return { risk: 'delete', reason: 'can delete data' };
  }
  if (segments.length > 0 && segments[segments.length - 1] === 'all') {
    return writes
      ? { risk: 'write-all', reason: 'writes every resource of its kind (`all`)' }
      : { risk: 'read-all', reason: 'reads every resource of its kind (`all`)' };
  }
  if (segments.includes('full') || lower === 'fullaccess') {
    return { risk: 'write-all', reason: 'full access' };
  }
  if (BARE_WRITE.has(lower)) {
    return { risk: 'write-all', reason: 'write access to every resource' };
  }
  if (onlyScope && lower === 'default') {
    return { risk: 'write-all', reason: 'a lone `default` scope often means every permission' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Assessment
// ---------------------------------------------------------------------------------------------------------------

function policyMatches(
  provider: OAuthProvider | undefined,
  entries: readonly string[],
  original: string,
  short: string,
): boolean {
  for (const entry of entries) {
    if (entry.endsWith('*')) {
      const head = entry.slice(0, -1);
      const shortHead = head === '' ? '' : normalizeScope(provider, head);
      if (original.startsWith(head) || short.startsWith(shortHead)) return true;
    } else if (entry === original || entry === short || normalizeScope(provider, entry) === short) {
      return true;
    }
  }
  return false;
}

/**
 * Assesses requested scopes (one string per scope, e.g. from `splitScopes`) for `provider` (undefined: unknown
 * provider) under `policy`. Returns findings in scope order, the `too-many` finding last. See the module comment
 * for the decision order.
 */
export function assessScopes(
  provider: OAuthProvider | undefined,
  scopes: readonly string[],
  policy: ScopePolicy = {},
): ScopeFinding[] {
  const findings: ScopeFinding[] = [];
  const allow = [...(provider === undefined ? [] : (policy.allow?.[provider.id] ?? [])), ...(policy.allow?.['*'] ?? [])];
  const forbid = policy.forbid ?? [];
  const present = scopes.map((scope) => normalizeScope(provider, scope.trim())).filter((scope) => scope !== '');
  const onlyScope = present.length === 1;

  scopes.forEach((raw, index) => {
    const original = raw.trim();
    if (original === '') return;
    const short = normalizeScope(provider, original);
    const hit = provider === undefined ? undefined : matchRiskyScope(provider, original);
    const form = (text: string): string => inFormOf(provider, original, short, text);
    const suggestionOf = (match: RiskyMatch): string | undefined => {
      const suggestion = match.suggestion;
      if (suggestion === undefined || suggestion === short || provider === undefined) return undefined;
      return matchRiskyScope(provider, suggestion) === undefined ? form(suggestion) : undefined;
    };

    if (policyMatches(provider, forbid, original, short)) {
      const suggestion = hit === undefined ? undefined : suggestionOf(hit);
      findings.push({
        index,
        scope: raw,
        kind: 'forbidden',
        ...(hit === undefined ? {} : { risk: hit.entry.risk }),
        reason: hit === undefined ? 'forbidden by the rule options' : `forbidden by the rule options; ${hit.entry.reason}`,
        alternatives: hit === undefined ? [] : hit.alternatives.map(form),
        ...(suggestion === undefined ? {} : { suggestion }),
      });
      return;
    }
    if (policyMatches(provider, allow, original, short)) return;
    if (NEVER_BROAD.has(short) || isOpaqueScope(provider, original)) return;

    if (hit !== undefined) {
      const suggestion = suggestionOf(hit);
      findings.push({
        index,
        scope: raw,
        kind: 'broad',
        risk: hit.entry.risk,
        reason: hit.entry.reason,
        alternatives: hit.alternatives.map(form),
        ...(suggestion === undefined ? {} : { suggestion }),
      });
      return;
    }
    if (provider !== undefined && !isWildcard(short)) return;
    const signal = genericSignal(short, onlyScope);
    if (signal !== undefined) {
      findings.push({ index, scope: raw, kind: 'generic', risk: signal.risk, reason: signal.reason, alternatives: [] });
    }
  });

  const max = policy.maxScopes;
  if (max !== undefined) {
    const count = new Set(present).size;
    if (count > max) {
      findings.push({
        index: -1,
        scope: '',
        kind: 'too-many',
        reason: `requests ${count} scopes; the limit is ${max}`,
        alternatives: [],
      });
    }
  }
  return findings;
}
