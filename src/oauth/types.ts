/**
 * Types of the OAuth knowledge base: provider data lives in `providers.ts`, the scope engine in `scopes.ts`.
 * Source of every fact: ../shared/reference/oauth-scopes.md (section numbers in comments of `providers.ts`).
 */

/**
 * How broad a scope is (matches DESIGN.md and §0 of the fact sheet).
 * - `admin`: owner/tenant/org administration, impersonation, security settings.
 * - `delete`: destroys data irrecoverably.
 * - `write-all`: write across everything the user can reach (the sheet's plain "write" rows map here too).
 * - `read-all`: read everything the user can reach (whole mailbox/drive, private messages).
 * Long-lived access (`offline_access`) is not a risk class and never reported.
 */
export type RiskClass = 'admin' | 'delete' | 'write-all' | 'read-all';

/** One broad scope of a known provider, with the narrower scopes a worker usually needs instead. */
export interface RiskyScope {
  /**
   * The scope in its short (normalised) form: Google `drive`, not `https://www.googleapis.com/auth/drive`.
   * Compared whole-token and case-sensitively. When `pattern` is true it holds exactly one `*`.
   */
  readonly scope: string;
  /**
   * When true, the single `*` in `scope` stands for one or more characters (`admin.*`, `*:write`, `crm.objects.*.write`)
   * and each `*` in `alternatives`/`suggestion` is replaced by the text it matched (`*:write` → `*:read` turns
   * `tasks:write` into `tasks:read`). Exact entries always win over patterns. Without it a `*` is literal
   * (Auth0 `read:*`, Reddit `*`).
   */
  readonly pattern?: boolean;
  readonly risk: RiskClass;
  /** Short reason, why the scope is broad (lower-case start, no final period: it is interpolated into a message). */
  readonly reason: string;
  /** Narrower scopes in short form, most usual first. Empty: drop the scope (no narrower scope exists). */
  readonly alternatives: readonly string[];
  /** The single usual replacement (short form), offered as an editor suggestion. Never itself risky. */
  readonly suggestion?: string;
}

/** What an empty or missing `scope` means for the provider (fact sheet §1.4). */
export type EmptyScopeMeaning =
  /** Public data only (GitHub, Spotify). */
  | 'public'
  /** A default, usually read-only, set (DigitalOcean `read`, Linear `read`, Stripe Connect `read_only`). */
  | 'default'
  /** Whatever is configured on the app / in the provider's console (Dropbox, Box, Salesforce, Notion, …). */
  | 'app-config';

/**
 * A request parameter besides `scope` that carries scopes, e.g. Slack `user_scope` or HubSpot `optional_scope`
 * (in a worker: `authorizationParams`). See `providerForScopeParam` in `providers.ts`.
 */
export interface ScopeParam {
  /** Query/authorizationParams key: `user_scope`. */
  readonly param: string;
  /** What the parameter means, for messages and docs. */
  readonly note: string;
  /** Risk list for scopes in this parameter; omitted: the provider's own `risky` list applies. */
  readonly risky?: readonly RiskyScope[];
}

export interface OAuthProvider {
  /** Stable lower-case kebab-case id, unique: `github`, `stripe-connect`. Used as the key of allowlists. */
  readonly id: string;
  /** Display name: `GitHub`. */
  readonly name: string;
  /**
   * Hosts of the authorization/token endpoints. An entry starting with `.` is a suffix and also matches the bare
   * domain (`.salesforce.com` matches `login.salesforce.com` and `acme.my.salesforce.com`, never `evilsalesforce.com`).
   */
  readonly hosts: readonly string[];
  /**
   * Path prefixes, for hosts shared by several providers or products: when present the URL path must start with one
   * of them (compared case-sensitively, segment by segment: `/v1/oauth` matches `/v1/oauth/token`, not `/v1/oauthx`).
   */
  readonly paths?: readonly string[];
  /** Notion-managed `provider` values (`worker.oauth(key, { name, provider: 'google' })`) that mean this provider. */
  readonly managedProviders?: readonly string[];
  /** npm packages whose use implies this provider (`passport-github2`, `googleapis`). */
  readonly packages?: readonly string[];
  /** Lower-case words that name this provider in a config name or key besides its id (`jira`, `twitter`). */
  readonly aliases?: readonly string[];
  /** Documented separator; only matters when a rule writes a scope list (parsing accepts both). */
  readonly separator: 'space' | 'comma';
  /** Prefix that `normalizeScope` strips: Google `https://www.googleapis.com/auth/`. */
  readonly scopePrefix?: string;
  /** What an empty scope means; undefined when the sheet does not say. */
  readonly emptyScope?: EmptyScopeMeaning;
  /**
   * Scopes (short form) whose breadth is set elsewhere (Microsoft `.default`: everything on the app registration).
   * They are not reported as broad; a rule may add an informational note ("review the app registration").
   */
  readonly opaqueScopes?: readonly string[];
  /** Scope names compare without case (Microsoft identity platform: `files.readwrite.all` is `Files.ReadWrite.All`). */
  readonly caseInsensitiveScopes?: true;
  /** Other request parameters that carry scopes (Slack `user_scope`, HubSpot `optional_scope`). */
  readonly scopeParams?: readonly ScopeParam[];
  /** Known broad scopes; exact entries first, patterns after. Empty for providers without OAuth scopes. */
  readonly risky: readonly RiskyScope[];
  /** One-line caveat for messages and docs (where permissions really live, what cannot be narrowed). */
  readonly note?: string;
  /** The provider's scope documentation. */
  readonly docsUrl: string;
}

/** User policy of `worker-auth/no-broad-oauth-scopes` (rule options), applied by `assessScopes`. */
export interface ScopePolicy {
  /**
   * Provider id (or `'*'` for every provider, known or not) → scopes never reported as broad/generic. Entries are
   * exact (short or full form) or end in `*` (prefix wildcard). An entry in `forbid` still wins.
   */
  readonly allow?: Readonly<Record<string, readonly string[]>>;
  /** Report one `too-many` finding when more distinct scopes than this are requested. */
  readonly maxScopes?: number;
  /** Extra scopes always reported (`forbidden`), exact (short or full form) or with a trailing `*` wildcard. */
  readonly forbid?: readonly string[];
}

export type ScopeFindingKind =
  /** In the known provider's risky list. */
  | 'broad'
  /** Listed in `ScopePolicy.forbid`. */
  | 'forbidden'
  /** More scopes than `ScopePolicy.maxScopes` (index -1). */
  | 'too-many'
  /** A generic broad signal (fact sheet §6): unknown provider, or a wildcard scope of a known provider. */
  | 'generic';

export interface ScopeFinding {
  /** Index into the assessed `scopes` array; -1 for the `too-many` finding. */
  readonly index: number;
  /** The scope as written (the `too-many` finding holds the empty string). */
  readonly scope: string;
  readonly kind: ScopeFindingKind;
  readonly risk?: RiskClass;
  readonly reason: string;
  /** Narrower scopes, in the same form as the original (full-URL original → full-URL alternatives). */
  readonly alternatives: readonly string[];
  /** Full replacement text for an editor suggestion, in the same form as the original. */
  readonly suggestion?: string;
}

/** One scope of a scope string with its offsets into the original string (`end` exclusive). */
export interface ScopeToken {
  /** The scope, percent-decoded when the original was percent-encoded. */
  readonly scope: string;
  readonly start: number;
  readonly end: number;
}
