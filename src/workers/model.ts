/**
 * The worker model: every OAuth configuration of one file, found by following references (ReferenceTracker), not by
 * guessing names. Built once per `Program` and shared by every rule (`getWorkerModel(context)`).
 *
 * Recognised:
 * - Notion Workers SDK: `new Worker()` imported from `@notionhq/workers` (named or namespace import, `require`,
 *   TypeScript's `import W = require(…)`), the variables holding it, and their `.oauth(key, config)` calls. The
 *   managed form `{ name, provider }` is kept but carries no scopes, client or endpoints.
 * - `passport-*` strategies: `new Strategy({ clientID, clientSecret, callbackURL, scope, authorizationURL, tokenURL })`
 *   (default, named or namespace import, `require`), and `passport.authenticate(name, { scope })`.
 * - `googleapis` / `google-auth-library`: `new google.auth.OAuth2(id, secret, redirect)` (or an options object),
 *   `new OAuth2Client(...)`, and in a file importing either, `x.generateAuthUrl({ scope })` and
 *   `x.setCredentials({ access_token, refresh_token })`.
 * - `simple-oauth2`: `new AuthorizationCode({ client: { id, secret }, auth: { tokenHost, … } })` (and the other grant
 *   classes), and `x.authorizeURL({ scope, redirect_uri })`.
 * - `@octokit/auth-oauth-app`, `@octokit/auth-oauth-user`, `@octokit/auth-app`, `@octokit/oauth-app`, `@octokit/oauth-methods`, and the
 *   `auth` options of `new Octokit({...})` (`octokit`, `@octokit/rest`, `@octokit/core`):
 *   `createOAuthAppAuth({ clientId, clientSecret })`, `new OAuthApp({...})`, `getWebFlowAuthorizationUrl({ scopes })`.
 * - `arctic`: `new GitHub(clientId, clientSecret, redirectURI)` and every other provider class (leading
 *   tenant/domain arguments allowed), `OAuth2Client`, and `x.createAuthorizationURL(…, scopes)`.
 * - Plain object literals with an authorization-endpoint key and a token-endpoint key.
 */
import { CALL, CONSTRUCT, ReferenceTracker } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findProviderById, findProviderByManaged, findProviderByName, findProviderByPackage, findProviderByUrl, nameWords } from '../oauth/providers.js';
import type { OAuthProvider } from '../oauth/types.js';
import { bindingOf, hintUrl, isStaticArray, resolveObject, staticString, unwrap, type ObjectView, type ValueContext, valueContextOf } from './values.js';
import { gateText } from '../ast/gate-text.js';
import { holdsShownSecret } from '../detect/mask.js';

type Node = TSESTree.Node;

/** Which API the configuration was written for. */
export type OAuthSourceKind = 'notion-worker' | 'passport' | 'googleapis' | 'simple-oauth2' | 'octokit' | 'arctic' | 'object';

export type CredentialField = 'clientId' | 'clientSecret' | 'accessToken' | 'refreshToken';

export type EndpointRole = 'authorization' | 'token' | 'callback' | 'tokenHost' | 'authorizationHost';

/** Evidence of the provider, strongest kinds first in `PROVIDER_HINT_ORDER`. */
export interface ProviderHint {
  /** `import`: a provider's package the file imports (weaker than anything the configuration itself says) */
  readonly kind: 'endpoint' | 'managed' | 'package' | 'class' | 'name' | 'key' | 'variable' | 'strategy' | 'import';
  readonly value: string;
}

/** A scope-carrying value: `scope`, `scopes`, `authorizationParams.user_scope`, an arctic scopes argument… */
export interface ScopeSite {
  readonly node: Node;
  /** The request parameter it fills: `scope`, or another one such as Slack `user_scope`. */
  readonly param: string;
}

/** A client id/secret or token value. */
export interface CredentialSite {
  readonly field: CredentialField;
  /** The key it is written under (`clientSecret`, `client_secret`, `secret`) or the argument it fills. */
  readonly key: string;
  /** The value expression as written in the configuration. */
  readonly node: Node;
  /** The property holding it, when it is one (shorthand properties need the whole property replaced). */
  readonly property?: TSESTree.Property;
}

/** An endpoint, host or callback URL value. */
export interface EndpointSite {
  readonly role: EndpointRole;
  readonly key: string;
  readonly node: Node;
}

/** One OAuth configuration, normalised across the SDK and the libraries. */
export interface OAuthConfig {
  readonly source: OAuthSourceKind;
  /** Module it comes from (`@notionhq/workers`, `passport-github2`, `arctic`…); undefined for plain objects. */
  readonly library?: string;
  /** The call, `new` expression or object literal that holds the configuration. */
  readonly node: Node;
  /** `worker.oauth(key, …)` key, or the name the object is stored under. */
  readonly key?: string;
  /** The configuration's `name`, passport strategy name, or arctic class name. */
  readonly name?: string;
  /** Notion-managed form (`{ name, provider }`): nothing about scopes or the client is in code. */
  readonly managed: boolean;
  /** Part of the configuration is unknown (spread of an unknown object, computed key). */
  readonly incomplete: boolean;
  readonly hints: readonly ProviderHint[];
  /** The provider, from the strongest hint that names one. */
  readonly provider: OAuthProvider | undefined;
  readonly scopes: readonly ScopeSite[];
  readonly credentials: readonly CredentialSite[];
  readonly endpoints: readonly EndpointSite[];
}

export interface WorkerModel {
  /** `new Worker()` expressions from `@notionhq/workers`. */
  readonly workers: readonly TSESTree.NewExpression[];
  /** `.oauth(key, config)` calls on them. */
  readonly oauthCalls: readonly TSESTree.CallExpression[];
  /**
   * `.credential(key, { network })` calls on them (SDK 0.9.2): the platform injects the value of the worker's env
   * variable `key` into the requests it matches.
   */
  readonly credentialCalls: readonly TSESTree.CallExpression[];
  readonly configs: readonly OAuthConfig[];
  /** Modules this file imports or requires (statically). */
  readonly modules: ReadonlySet<string>;
  readonly values: ValueContext;
}

// ---------------------------------------------------------------------------------------------------------------
// Key tables
// ---------------------------------------------------------------------------------------------------------------

const CREDENTIAL_KEYS: Readonly<Record<string, CredentialField>> = {
  clientId: 'clientId',
  clientID: 'clientId',
  client_id: 'clientId',
  consumerKey: 'clientId',
  clientSecret: 'clientSecret',
  client_secret: 'clientSecret',
  consumerSecret: 'clientSecret',
  accessToken: 'accessToken',
  access_token: 'accessToken',
  refreshToken: 'refreshToken',
  refresh_token: 'refreshToken',
};

/** Keys that make a plain object an OAuth configuration (one of each is needed). */
export const AUTHORIZATION_ENDPOINT_KEYS: readonly string[] = [
  'authorizationEndpoint',
  'authorizationUrl',
  'authorizationURL',
  'authorizeUrl',
  'authorizeURL',
  'authUrl',
  'authURL',
  'authorization_endpoint',
  'authorization_url',
  'authorize_url',
  'auth_url',
];
export const TOKEN_ENDPOINT_KEYS: readonly string[] = [
  'tokenEndpoint',
  'tokenUrl',
  'tokenURL',
  'accessTokenUrl',
  'accessTokenURL',
  'token_endpoint',
  'token_url',
  'access_token_url',
];
const CALLBACK_KEYS: readonly string[] = [
  'callbackUrl',
  'callbackURL',
  'callback_url',
  'redirectUri',
  'redirectURI',
  'redirectUrl',
  'redirectURL',
  'redirect_uri',
  'redirect_url',
];
const SCOPE_KEYS: readonly string[] = ['scope', 'scopes', 'defaultScopes'];

/** Request parameters (in `authorizationParams`, or beside `scope`) that carry scopes besides `scope`. */
const EXTRA_SCOPE_PARAMS: readonly string[] = ['user_scope', 'optional_scope'];

const ENDPOINT_ROLE = new Map<string, EndpointRole>([
  ...AUTHORIZATION_ENDPOINT_KEYS.map((key) => [key, 'authorization'] as const),
  ...TOKEN_ENDPOINT_KEYS.map((key) => [key, 'token'] as const),
  ...CALLBACK_KEYS.map((key) => [key, 'callback'] as const),
]);

/** arctic provider classes (v3); named imports of other classes are added per file. */
const ARCTIC_CLASSES: readonly string[] = [
  'AmazonCognito', 'AniList', 'Apple', 'Atlassian', 'Auth0', 'Authentik', 'Autodesk', 'Battlenet', 'Bitbucket', 'Box',
  'Bungie', 'Coinbase', 'Discord', 'DonationAlerts', 'Dribbble', 'Dropbox', 'EpicGames', 'Etsy', 'Facebook', 'Figma',
  'Gitea', 'GitHub', 'GitLab', 'Google', 'Intuit', 'Kakao', 'KeyCloak', 'Kick', 'Lichess', 'Line', 'Linear', 'LinkedIn',
  'Mastodon', 'MercadoLibre', 'MercadoPago', 'MicrosoftEntraId', 'MyAnimeList', 'Naver', 'Notion', 'Okta', 'Osu',
  'Patreon', 'Polar', 'Reddit', 'Roblox', 'Salesforce', 'Shikimori', 'Slack', 'Spotify', 'StartGG', 'Strava',
  'Synology', 'TikTok', 'Tiltify', 'Tumblr', 'Twitch', 'Twitter', 'VK', 'WorkOS', 'Yahoo', 'Yandex', 'Zoom',
  'OAuth2Client',
];

/** Packages exporting the `Octokit` client. */
const OCTOKIT_CLIENTS: readonly string[] = ['octokit', '@octokit/rest', '@octokit/core'];

const OCTOKIT_CALLS: Readonly<Record<string, readonly string[]>> = {
  '@octokit/auth-oauth-app': ['createOAuthAppAuth'],
  '@octokit/auth-app': ['createAppAuth'],
  '@octokit/auth-oauth-user': ['createOAuthUserAuth'],
  '@octokit/oauth-methods': ['getWebFlowAuthorizationUrl', 'exchangeWebFlowCode', 'createDeviceCode'],
};

/** Methods called on OAuth client instances; resolved by import when the instance cannot be followed. */
const CLIENT_METHODS = new Set(['generateAuthUrl', 'setCredentials', 'authorizeURL', 'createAuthorizationURL', 'createAuthorizationURLWithPKCE', 'validateAuthorizationCode']);

const GOOGLE_MODULES = ['googleapis', 'google-auth-library'];

const PROVIDER_HINT_ORDER: readonly ProviderHint['kind'][] = ['endpoint', 'managed', 'package', 'class', 'strategy', 'name', 'key', 'variable', 'import'];

// ---------------------------------------------------------------------------------------------------------------
// Provider and env names
// ---------------------------------------------------------------------------------------------------------------

function providerFor(hint: ProviderHint): OAuthProvider | undefined {
  switch (hint.kind) {
    case 'endpoint':
      return findProviderByUrl(hint.value);
    case 'managed':
      return findProviderByManaged(hint.value);
    case 'package':
    case 'import':
      return findProviderByPackage(hint.value);
    case 'strategy':
      return findProviderByManaged(hint.value) ?? findProviderByName(hint.value);
    default:
      return findProviderByName(hint.value);
  }
}

/** The provider named by the strongest hint (endpoint hosts, managed provider, library, class, names). */
export function providerFromHints(hints: readonly ProviderHint[]): OAuthProvider | undefined {
  for (const kind of PROVIDER_HINT_ORDER) {
    for (const hint of hints) {
      if (hint.kind !== kind) continue;
      const provider = providerFor(hint);
      if (provider) return provider;
    }
  }
  return undefined;
}

/** `text` without trailing `char`s (a loop: an anchored `x+$` regex is quadratic on long runs). */
function trimTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text.charAt(end - 1) === char) end -= 1;
  return text.slice(0, end);
}

const TRAILING_NAME_WORDS = new Set(['oauth', 'oauth2', 'auth', 'authentication', 'config', 'client', 'credentials']);

/** `github-app` → `GITHUB_APP`, `GitHub` → `GITHUB`, `googleDriveAuth` → `GOOGLE_DRIVE`, `salesforceOAuth` → `SALESFORCE`. */
export function toUpperSnakeName(text: string): string {
  // `OAuth` is one word, though its capitals split it (`salesforceOAuth` → salesforce, o, auth)
  const words = nameWords(text).reduce<string[]>((out, word) => {
    if (out[out.length - 1] === 'o' && (word === 'auth' || word === 'auth2')) out[out.length - 1] = `o${word}`;
    else out.push(word);
    return out;
  }, []);
  const merged: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let taken = 1;
    for (const length of [3, 2]) {
      const joined = words.slice(i, i + length).join('');
      if (i + length <= words.length && findProviderById(joined)) {
        taken = length;
        break;
      }
    }
    merged.push(words.slice(i, i + taken).join(''));
    i += taken - 1;
  }
  while (merged.length > 1 && TRAILING_NAME_WORDS.has(merged[merged.length - 1]!)) merged.pop();
  const name = trimTrailing(merged.join('_').toUpperCase().slice(0, 40), '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/**
 * The `<NAME>` of `process.env.<NAME>_OAUTH_CLIENT_ID`: the configuration's `name`, else its key, else the
 * provider id; empty when nothing names it.
 */
export function envNameBase(config: OAuthConfig): string {
  // arctic classes name the provider (`MicrosoftEntraId`): its id makes the shorter, usual name
  if (config.source === 'arctic' && config.provider) return config.provider.id.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  for (const text of [config.name, config.key]) {
    // a name or key that holds a secret (a token pasted as the key) must not become an env name
    if (text === undefined || holdsShownSecret(text)) continue;
    const name = toUpperSnakeName(text);
    if (name !== '' && !TRAILING_NAME_WORDS.has(name.toLowerCase())) return name;
  }
  return config.provider ? config.provider.id.toUpperCase().replace(/[^A-Z0-9]+/g, '_') : '';
}

// ---------------------------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------------------------

interface MutableConfig {
  source: OAuthSourceKind;
  library?: string;
  node: Node;
  key?: string;
  name?: string;
  managed: boolean;
  incomplete: boolean;
  hints: ProviderHint[];
  scopes: ScopeSite[];
  credentials: CredentialSite[];
  endpoints: EndpointSite[];
}

type TrackInfo =
  | { readonly kind: 'worker' }
  | { readonly kind: 'passport-strategy'; readonly module: string }
  | { readonly kind: 'passport-authenticate' }
  | { readonly kind: 'google-oauth2'; readonly module: string }
  | { readonly kind: 'simple-oauth2'; readonly className: string }
  | { readonly kind: 'octokit'; readonly module: string; readonly fn: string }
  | { readonly kind: 'arctic'; readonly className: string };

type TraceMap = Record<string | symbol, unknown>;

function newConfig(source: OAuthSourceKind, node: Node, library?: string): MutableConfig {
  return { source, node, ...(library ? { library } : {}), managed: false, incomplete: false, hints: [], scopes: [], credentials: [], endpoints: [] };
}

function memberName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

/** Skips wrappers that pass a value through unchanged (`(x as T)`, `x!`, `a?.b`). */
function outerOf(node: Node): Node {
  let n = node;
  while (
    n.parent &&
    (n.parent.type === 'TSAsExpression' ||
      n.parent.type === 'TSSatisfiesExpression' ||
      n.parent.type === 'TSNonNullExpression' ||
      n.parent.type === 'TSTypeAssertion' ||
      n.parent.type === 'ChainExpression')
  ) {
    n = n.parent;
  }
  return n;
}

/** The name a value is stored under: `const github = …`, `{ github: … }`, `exports.github = …`. */
function ownerName(node: Node): string | undefined {
  const outer = outerOf(node);
  const parent = outer.parent;
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.init === outer && parent.id.type === 'Identifier') return parent.id.name;
  if (parent.type === 'Property' && parent.value === outer && !parent.computed) {
    if (parent.key.type === 'Identifier') return parent.key.name;
    if (parent.key.type === 'Literal' && typeof parent.key.value === 'string') return parent.key.value;
  }
  if (parent.type === 'AssignmentExpression' && parent.right === outer) return memberName(parent.left) ?? (parent.left.type === 'Identifier' ? parent.left.name : undefined);
  return undefined;
}

class ModelBuilder {
  readonly configs: MutableConfig[] = [];
  readonly workers: TSESTree.NewExpression[] = [];
  readonly oauthCalls: TSESTree.CallExpression[] = [];
  readonly credentialCalls: TSESTree.CallExpression[] = [];
  readonly modules = new Set<string>();
  /** Object literals already part of a recognised configuration (skipped by the plain-object scan). */
  private readonly claimed = new Set<Node>();
  /** Tracked client constructions → their configuration (to attach method calls made on the instance). */
  private readonly instances = new Map<Node, MutableConfig>();
  private readonly requireCalls: TSESTree.CallExpression[] = [];
  /** `import W = require("…")` declarations, with the module each names. */
  private readonly importEquals: { readonly declaration: TSESTree.TSImportEqualsDeclaration; readonly module: string }[] = [];
  private readonly objectNodes: TSESTree.ObjectExpression[] = [];
  private readonly methodCalls: TSESTree.CallExpression[] = [];

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly values: ValueContext,
  ) {}

  build(): void {
    const text = this.sourceCode.text;
    this.collectModules();
    // only a module the trace map knows can give workers, clients or calls; only the two endpoint keys a plain config
    const traceMap = this.traceMap();
    const traced = [...this.modules].some((module) => Object.hasOwn(traceMap, module));
    const plain = mayHavePlainConfig(text);
    if (plain || (traced && [...CLIENT_METHODS].some((method) => text.includes(method)))) this.walk();
    if (traced) {
      this.track(traceMap);
      this.linkMethodCalls();
      this.linkPassportAuthenticate();
    }
    if (plain) this.scanPlainObjects();
    this.hintImportedPackage();
  }

  /**
   * A provider's package imported by the file (`xero-node`, `@linear/sdk`: the third column of the rule's table) names
   * the provider of the configurations found there, after everything each one says itself (endpoints, managed
   * provider, library, names). Only when the file's imports name one provider: a file importing two leaves each
   * configuration to its own hints.
   */
  private hintImportedPackage(): void {
    if (this.configs.length === 0) return;
    let named: { module: string; provider: OAuthProvider } | undefined;
    for (const module of this.modules) {
      const provider = findProviderByPackage(module);
      if (!provider) continue;
      if (named && named.provider !== provider) return;
      named ??= { module, provider };
    }
    if (!named) return;
    for (const config of this.configs) config.hints.push({ kind: 'import', value: named.module });
  }

  // --- modules ------------------------------------------------------------------------------------------------

  private collectModules(): void {
    const program = this.sourceCode.ast;
    for (const statement of program.body) {
      if (
        (statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration' || statement.type === 'ExportNamedDeclaration') &&
        statement.source &&
        typeof statement.source.value === 'string'
      ) {
        this.modules.add(statement.source.value);
      }
      // TypeScript's CommonJS import, also exported (`export import W = require("…")`); `import type` has no value
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type === 'TSImportEqualsDeclaration' && declaration.importKind === 'value' && declaration.moduleReference.type === 'TSExternalModuleReference') {
        const module = declaration.moduleReference.expression.value;
        this.importEquals.push({ declaration, module });
        this.modules.add(module);
      }
    }
    if (!this.sourceCode.text.includes('require')) return;
    const scope = this.values.globalScope;
    const refs = [...scope.through.filter((ref) => ref.identifier.name === 'require')];
    const declared = scope.set.get('require');
    if (declared && declared.defs.length === 0) refs.push(...declared.references);
    for (const ref of refs) {
      const id = ref.identifier as Node;
      const call = id.parent;
      if (call?.type !== 'CallExpression' || call.callee !== id || call.arguments.length !== 1) continue;
      const name = staticString(call.arguments[0], this.values);
      if (name === undefined) continue;
      if (!this.requireCalls.includes(call)) this.requireCalls.push(call);
      this.modules.add(name);
    }
  }

  private imports(module: string): boolean {
    return this.modules.has(module);
  }

  // --- reference tracking -------------------------------------------------------------------------------------

  private traceMap(): TraceMap {
    const map: TraceMap = {
      '@notionhq/workers': { Worker: { [CONSTRUCT]: { kind: 'worker' } } },
      passport: { authenticate: { [CALL]: { kind: 'passport-authenticate' } } },
      'simple-oauth2': Object.fromEntries(
        ['AuthorizationCode', 'ClientCredentials', 'ResourceOwnerPassword'].map((className) => [className, { [CONSTRUCT]: { kind: 'simple-oauth2', className } }]),
      ),
      '@octokit/oauth-app': { OAuthApp: { [CONSTRUCT]: { kind: 'octokit', module: '@octokit/oauth-app', fn: 'OAuthApp' } } },
    };
    // `new Octokit({ authStrategy: createOAuthAppAuth, auth: { clientId, clientSecret } })`: the `auth` options
    for (const module of OCTOKIT_CLIENTS) map[module] = { Octokit: { [CONSTRUCT]: { kind: 'octokit', module, fn: 'Octokit' } } };
    for (const module of GOOGLE_MODULES) {
      const oauth2 = { [CONSTRUCT]: { kind: 'google-oauth2', module } };
      map[module] = { google: { auth: { OAuth2: oauth2 } }, auth: { OAuth2: oauth2 }, OAuth2Client: oauth2, OAuth2: oauth2 };
    }
    for (const [module, fns] of Object.entries(OCTOKIT_CALLS)) {
      map[module] = Object.fromEntries(fns.map((fn) => [fn, { [CALL]: { kind: 'octokit', module, fn } }]));
    }
    const arcticClasses = new Set(ARCTIC_CLASSES);
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type !== 'ImportDeclaration' || statement.source.value !== 'arctic') continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier' && specifier.imported.type === 'Identifier') arcticClasses.add(specifier.imported.name);
      }
    }
    map.arctic = Object.fromEntries([...arcticClasses].map((className) => [className, { [CONSTRUCT]: { kind: 'arctic', className } }]));
    for (const module of this.modules) {
      if (!module.startsWith('passport-')) continue;
      const strategy = { [CONSTRUCT]: { kind: 'passport-strategy', module } };
      // `OIDCStrategy`: passport-azure-ad's strategy class
      map[module] = { ...strategy, Strategy: strategy, OAuth2Strategy: strategy, OAuthStrategy: strategy, OIDCStrategy: strategy };
    }
    return map;
  }

  private track(traceMap: TraceMap): void {
    const tracker = new ReferenceTracker(this.values.globalScope as never, { mode: 'legacy' });
    const found: { node: Node; info: TrackInfo }[] = [];
    const seen = new Set<Node>();
    const add = (node: Node, info: TrackInfo): void => {
      if (seen.has(node)) return;
      seen.add(node);
      found.push({ node, info });
    };
    for (const ref of tracker.iterateEsmReferences(traceMap as never)) add(ref.node as unknown as Node, ref.info as TrackInfo);
    for (const call of this.requireCalls) {
      const name = staticString(call.arguments[0], this.values);
      const sub = name === undefined ? undefined : traceMap[name];
      if (!sub) continue;
      for (const ref of tracker.iteratePropertyReferences(call as never, sub as never)) add(ref.node as unknown as Node, ref.info as TrackInfo);
    }
    // ReferenceTracker knows ES imports and `require` calls, not `import W = require("…")`: each read of `W` is
    // followed from the module's trace map, as the value of `const W = require("…")` is
    for (const { declaration, module } of this.importEquals) {
      const sub = traceMap[module];
      if (!sub) continue;
      for (const variable of this.sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? []) {
        for (const reference of variable.references) {
          if (!reference.isRead()) continue;
          for (const ref of tracker.iteratePropertyReferences(reference.identifier as never, sub as never)) add(ref.node as unknown as Node, ref.info as TrackInfo);
        }
      }
    }
    found.sort((a, b) => a.node.range[0] - b.node.range[0]);
    for (const { node, info } of found) this.handle(node, info, tracker);
    // every worker's credential calls, in source order once all are found
    this.credentialCalls.sort((a, b) => a.range[0] - b.range[0]);
  }

  private handle(node: Node, info: TrackInfo, tracker: ReferenceTracker): void {
    switch (info.kind) {
      case 'worker': {
        if (node.type !== 'NewExpression') return;
        this.workers.push(node);
        const calls: TSESTree.CallExpression[] = [];
        for (const ref of tracker.iteratePropertyReferences(node as never, { oauth: { [CALL]: 'oauth' }, credential: { [CALL]: 'credential' } })) {
          const call = ref.node as unknown as Node;
          if (call.type !== 'CallExpression') continue;
          if (ref.info === 'credential') this.credentialCalls.push(call);
          else calls.push(call);
        }
        calls.sort((a, b) => a.range[0] - b.range[0]);
        for (const call of calls) this.workerOAuth(call);
        return;
      }
      case 'passport-strategy':
        if (node.type === 'NewExpression') this.passportStrategy(node, info.module);
        return;
      case 'passport-authenticate':
        if (node.type === 'CallExpression') this.passportAuthenticate(node);
        return;
      case 'google-oauth2':
        if (node.type === 'NewExpression') this.googleOAuth2(node, info.module);
        return;
      case 'simple-oauth2':
        if (node.type === 'NewExpression') this.simpleOAuth2(node);
        return;
      case 'octokit':
        if (node.type === 'NewExpression' || node.type === 'CallExpression') this.octokit(node, info.module, info.fn);
        return;
      case 'arctic':
        if (node.type === 'NewExpression') this.arctic(node, info.className);
        return;
    }
  }

  // --- shared helpers -----------------------------------------------------------------------------------------

  private claim(view: ObjectView): void {
    for (const object of view.objects) this.claimed.add(object);
  }

  private push(config: MutableConfig): MutableConfig {
    this.configs.push(config);
    return config;
  }

  /** Adds credentials, endpoints and scopes found under the usual keys of a configuration object. */
  private readObject(config: MutableConfig, view: ObjectView, options: { scopes?: boolean; endpoints?: boolean } = {}): void {
    this.claim(view);
    if (view.incomplete) config.incomplete = true;
    for (const [key, entry] of view.props) {
      const field = CREDENTIAL_KEYS[key];
      if (field) config.credentials.push({ field, key, node: entry.value, property: entry.property });
      const role = ENDPOINT_ROLE.get(key);
      if (role && options.endpoints !== false) {
        config.endpoints.push({ role, key, node: entry.value });
        if (role !== 'callback') this.endpointHint(config, entry.value);
      }
      if (SCOPE_KEYS.includes(key) && options.scopes !== false) config.scopes.push({ node: entry.value, param: 'scope' });
      // Slack's `user_scope` (HubSpot's `optional_scope`) written beside `scope`, as some libraries and hand-written
      // authorization URLs take it: the scopes are asked for all the same
      if (EXTRA_SCOPE_PARAMS.includes(key) && options.scopes !== false) config.scopes.push({ node: entry.value, param: key });
    }
    const params = resolveObject(view.props.get('authorizationParams')?.value, this.values);
    if (params) {
      this.claim(params);
      // also beside a top-level `scope`: which of the two the authorization URL ends up with is the library's choice
      const scope = params.props.get('scope');
      if (scope) config.scopes.push({ node: scope.value, param: 'scope' });
      for (const param of EXTRA_SCOPE_PARAMS) {
        const entry = params.props.get(param);
        if (entry) config.scopes.push({ node: entry.value, param });
      }
    }
    const name = staticString(view.props.get('name')?.value, this.values);
    if (name !== undefined && config.name === undefined) {
      config.name = name;
      config.hints.push({ kind: 'name', value: name });
    }
    const managed = staticString(view.props.get('provider')?.value, this.values);
    if (managed !== undefined) config.hints.push({ kind: 'managed', value: managed });
  }

  private endpointHint(config: MutableConfig, node: Node | undefined): void {
    const url = hintUrl(node, this.values);
    if (url !== undefined) config.hints.push({ kind: 'endpoint', value: url });
  }

  private positional(config: MutableConfig, args: readonly TSESTree.CallExpressionArgument[], layout: readonly (CredentialField | 'callback' | undefined)[], offset = 0): void {
    layout.forEach((what, i) => {
      const arg = args[offset + i];
      if (!what || !arg || arg.type === 'SpreadElement') return;
      const n = unwrap(arg);
      if (n.type === 'Literal' && n.value === null) return;
      if (n.type === 'Identifier' && n.name === 'undefined') return;
      if (what === 'callback') config.endpoints.push({ role: 'callback', key: 'redirectURI', node: arg });
      else config.credentials.push({ field: what, key: what, node: arg });
    });
  }

  // --- Notion Workers SDK -------------------------------------------------------------------------------------

  private workerOAuth(call: TSESTree.CallExpression): void {
    this.oauthCalls.push(call);
    const [keyArg, configArg] = call.arguments;
    const key = keyArg && keyArg.type !== 'SpreadElement' ? staticString(keyArg, this.values) : undefined;
    const view = configArg && configArg.type !== 'SpreadElement' ? resolveObject(configArg, this.values) : undefined;
    if (!view) return; // built at run time: nothing can be said
    const config = newConfig('notion-worker', call, '@notionhq/workers');
    if (key !== undefined) config.key = key;
    this.readObject(config, view);
    if (key !== undefined) config.hints.push({ kind: 'key', value: key });
    config.managed = view.props.has('provider') && !AUTHORIZATION_ENDPOINT_KEYS.some((k) => view.props.has(k));
    this.push(config);
  }

  // --- passport -----------------------------------------------------------------------------------------------

  private passportStrategy(node: TSESTree.NewExpression, module: string): void {
    const first = node.arguments[0];
    const view = first && first.type !== 'SpreadElement' ? resolveObject(first, this.values) : undefined;
    if (!view) return;
    const config = newConfig('passport', node, module);
    config.hints.push({ kind: 'package', value: module });
    this.readObject(config, view);
    const owner = ownerName(node);
    if (owner) config.hints.push({ kind: 'variable', value: owner });
    this.push(config);
  }

  private passportAuthenticate(call: TSESTree.CallExpression): void {
    const [nameArg, optionsArg] = call.arguments;
    const view = optionsArg && optionsArg.type !== 'SpreadElement' ? resolveObject(optionsArg, this.values) : undefined;
    if (!view) return;
    const scope = SCOPE_KEYS.map((key) => view.props.get(key)).find((entry) => entry !== undefined);
    if (!scope) return;
    this.claim(view);
    const config = newConfig('passport', call, 'passport');
    const name = nameArg && nameArg.type !== 'SpreadElement' ? staticString(nameArg, this.values) : undefined;
    if (name !== undefined) {
      config.name = name;
      config.hints.push({ kind: 'strategy', value: name });
    }
    if (view.incomplete) config.incomplete = true;
    config.scopes.push({ node: scope.value, param: 'scope' });
    this.push(config);
  }

  /** `passport.authenticate` without a recognisable strategy name: use the file's only strategy, if one. */
  private linkPassportAuthenticate(): void {
    const strategies = this.configs.filter((config) => config.source === 'passport' && config.node.type === 'NewExpression');
    if (strategies.length !== 1) return;
    const strategy = strategies[0]!;
    for (const config of this.configs) {
      if (config.source !== 'passport' || config.node.type !== 'CallExpression') continue;
      if (providerFromHints(config.hints)) continue; // the strategy name already names a provider
      config.hints.push(...strategy.hints.filter((hint) => hint.kind !== 'name' && hint.kind !== 'variable'));
    }
  }

  // --- googleapis ---------------------------------------------------------------------------------------------

  private googleOAuth2(node: TSESTree.NewExpression, module: string): void {
    const config = newConfig('googleapis', node, module);
    config.hints.push({ kind: 'package', value: module });
    const first = node.arguments[0];
    const view = node.arguments.length === 1 && first && first.type !== 'SpreadElement' ? resolveObject(first, this.values) : undefined;
    if (view) this.readObject(config, view, { scopes: false });
    else this.positional(config, node.arguments, ['clientId', 'clientSecret', 'callback']);
    this.instances.set(node, config);
    this.push(config);
  }

  // --- simple-oauth2 ------------------------------------------------------------------------------------------

  private simpleOAuth2(node: TSESTree.NewExpression): void {
    const first = node.arguments[0];
    const view = first && first.type !== 'SpreadElement' ? resolveObject(first, this.values) : undefined;
    if (!view) return;
    this.claim(view);
    const config = newConfig('simple-oauth2', node, 'simple-oauth2');
    if (view.incomplete) config.incomplete = true;
    const client = resolveObject(view.props.get('client')?.value, this.values);
    if (client) {
      this.claim(client);
      const id = client.props.get('id');
      const secret = client.props.get('secret');
      if (id) config.credentials.push({ field: 'clientId', key: 'id', node: id.value, property: id.property });
      if (secret) config.credentials.push({ field: 'clientSecret', key: 'secret', node: secret.value, property: secret.property });
    }
    const auth = resolveObject(view.props.get('auth')?.value, this.values);
    if (auth) {
      this.claim(auth);
      const hosts: [string, EndpointRole, string, string][] = [
        ['tokenHost', 'tokenHost', 'tokenPath', '/oauth/token'],
        ['authorizeHost', 'authorizationHost', 'authorizePath', '/oauth/authorize'],
      ];
      for (const [hostKey, role, pathKey, defaultPath] of hosts) {
        const host = auth.props.get(hostKey);
        if (!host) continue;
        config.endpoints.push({ role, key: hostKey, node: host.value });
        const base = hintUrl(host.value, this.values);
        const path = staticString(auth.props.get(pathKey)?.value, this.values) ?? defaultPath;
        if (base !== undefined) config.hints.push({ kind: 'endpoint', value: `${trimTrailing(base, '/')}${path.startsWith('/') ? path : `/${path}`}` });
      }
    }
    const owner = ownerName(node);
    if (owner) config.hints.push({ kind: 'variable', value: owner });
    this.instances.set(node, config);
    this.push(config);
  }

  // --- octokit ------------------------------------------------------------------------------------------------

  private octokit(node: TSESTree.NewExpression | TSESTree.CallExpression, module: string, fn: string): void {
    const first = node.arguments[0];
    let view = first && first.type !== 'SpreadElement' ? resolveObject(first, this.values) : undefined;
    // an Octokit client: the credentials are its `auth` options (for an OAuth or app `authStrategy`)
    if (view && fn === 'Octokit') view = resolveObject(view.props.get('auth')?.value, this.values);
    if (!view) return;
    const config = newConfig('octokit', node, module);
    config.hints.push({ kind: 'package', value: module });
    this.readObject(config, view);
    this.push(config);
  }

  // --- arctic -------------------------------------------------------------------------------------------------

  private arctic(node: TSESTree.NewExpression, className: string): void {
    const config = newConfig('arctic', node, 'arctic');
    const args = node.arguments;
    if (className !== 'OAuth2Client') {
      config.name = className;
      config.hints.push({ kind: 'class', value: className });
    }
    if (!args.some((arg) => arg.type === 'SpreadElement')) {
      // (…tenant/domain, clientId, clientSecret, redirectURI): the client triple always comes last
      if (args.length >= 3) this.positional(config, args, ['clientId', 'clientSecret', 'callback'], args.length - 3);
      else this.positional(config, args, ['clientId', 'clientSecret']);
    }
    const owner = ownerName(node);
    if (owner) config.hints.push({ kind: 'variable', value: owner });
    this.instances.set(node, config);
    this.push(config);
  }

  // --- method calls on client instances -----------------------------------------------------------------------

  /** The tracked construction an expression refers to (`client` in `client.generateAuthUrl()`), if any. */
  private instanceOf(node: Node, depth = 0): MutableConfig | undefined {
    const n = unwrap(node);
    const direct = this.instances.get(n);
    if (direct || depth > 4) return direct;
    if (n.type === 'Identifier') {
      const binding = bindingOf(n, this.values);
      if (binding?.kind === 'init') return this.instanceOf(binding.init, depth + 1);
    }
    if (n.type === 'AwaitExpression') return this.instanceOf(n.argument, depth + 1);
    return undefined;
  }

  private onlyInstance(source: OAuthSourceKind): MutableConfig | undefined {
    const matching = [...this.instances.values()].filter((config) => config.source === source);
    return matching.length === 1 ? matching[0] : undefined;
  }

  private linkMethodCalls(): void {
    for (const call of this.methodCalls) {
      const callee = call.callee as TSESTree.MemberExpression;
      const method = memberName(callee);
      if (method === undefined) continue;
      const instance = this.instanceOf(callee.object);
      switch (method) {
        case 'generateAuthUrl':
        case 'setCredentials':
          if (instance?.source === 'googleapis' || (!instance && GOOGLE_MODULES.some((m) => this.imports(m)))) this.googleMethod(call, method, instance);
          break;
        case 'authorizeURL':
          if (instance?.source === 'simple-oauth2' || (!instance && this.imports('simple-oauth2'))) this.simpleOAuth2Authorize(call, instance);
          break;
        case 'createAuthorizationURL':
        case 'createAuthorizationURLWithPKCE':
        case 'validateAuthorizationCode':
          if (instance?.source === 'arctic' || (!instance && this.imports('arctic'))) this.arcticMethod(call, method, instance);
          break;
        default:
          break;
      }
    }
  }

  private methodConfig(call: TSESTree.CallExpression, source: OAuthSourceKind, library: string, instance: MutableConfig | undefined): MutableConfig {
    if (instance) return instance;
    const config = newConfig(source, call, library);
    const fallback = this.onlyInstance(source);
    if (fallback) config.hints.push(...fallback.hints);
    if (source === 'googleapis') config.hints.push({ kind: 'package', value: library });
    const objectName = call.callee.type === 'MemberExpression' ? unwrap(call.callee.object) : undefined;
    if (objectName?.type === 'Identifier') config.hints.push({ kind: 'variable', value: objectName.name });
    return this.push(config);
  }

  private googleMethod(call: TSESTree.CallExpression, method: string, instance: MutableConfig | undefined): void {
    const first = call.arguments[0];
    const view = first && first.type !== 'SpreadElement' ? resolveObject(first, this.values) : undefined;
    if (!view) return;
    this.claim(view);
    if (view.incomplete) return; // an unknown spread may replace anything: no guessing
    const library = instance?.library ?? GOOGLE_MODULES.find((m) => this.imports(m)) ?? 'googleapis';
    const config = this.methodConfig(call, 'googleapis', library, instance);
    if (method === 'generateAuthUrl') {
      const scope = view.props.get('scope');
      if (scope) config.scopes.push({ node: scope.value, param: 'scope' });
      for (const key of CALLBACK_KEYS) {
        const entry = view.props.get(key);
        if (entry) config.endpoints.push({ role: 'callback', key, node: entry.value });
      }
    } else {
      for (const [key, entry] of view.props) {
        const field = CREDENTIAL_KEYS[key];
        if (field === 'accessToken' || field === 'refreshToken') config.credentials.push({ field, key, node: entry.value, property: entry.property });
      }
    }
  }

  private simpleOAuth2Authorize(call: TSESTree.CallExpression, instance: MutableConfig | undefined): void {
    const first = call.arguments[0];
    const view = first && first.type !== 'SpreadElement' ? resolveObject(first, this.values) : undefined;
    if (!view) return;
    this.claim(view);
    if (view.incomplete) return; // an unknown spread may replace anything: no guessing
    const config = this.methodConfig(call, 'simple-oauth2', 'simple-oauth2', instance);
    const scope = view.props.get('scope');
    if (scope) config.scopes.push({ node: scope.value, param: 'scope' });
    const redirect = view.props.get('redirect_uri');
    if (redirect) config.endpoints.push({ role: 'callback', key: 'redirect_uri', node: redirect.value });
  }

  private arcticMethod(call: TSESTree.CallExpression, method: string, instance: MutableConfig | undefined): void {
    const args = call.arguments;
    if (args.some((arg) => arg.type === 'SpreadElement')) return;
    const generic = instance !== undefined && instance.name === undefined; // OAuth2Client(endpoint, …)
    if (method === 'validateAuthorizationCode') {
      if (generic && args.length >= 2) instance.endpoints.push({ role: 'token', key: 'tokenEndpoint', node: args[0]! });
      return;
    }
    const last = args[args.length - 1];
    const scopes = args.length >= 2 && last && isStaticArray(last, this.values) ? last : undefined;
    if (!scopes && !generic) return;
    const config = this.methodConfig(call, 'arctic', 'arctic', instance);
    if (scopes) config.scopes.push({ node: scopes, param: 'scope' });
    if (generic && args[0]) {
      config.endpoints.push({ role: 'authorization', key: 'authorizationEndpoint', node: args[0] });
      this.endpointHint(config, args[0]);
    }
  }

  // --- AST walk: plain objects and client method calls --------------------------------------------------------

  private walk(): void {
    const keys = this.sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
    const stack: Node[] = [this.sourceCode.ast];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'ObjectExpression') this.objectNodes.push(node);
      else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
        const method = memberName(node.callee);
        if (method !== undefined && CLIENT_METHODS.has(method)) this.methodCalls.push(node);
      }
      for (const key of keys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (let i = child.length - 1; i >= 0; i--) {
            const item = child[i] as Node | null;
            if (item && typeof item.type === 'string') stack.push(item);
          }
        } else if (child && typeof (child as Node).type === 'string') {
          stack.push(child as Node);
        }
      }
    }
    this.objectNodes.sort((a, b) => a.range[0] - b.range[0]);
    this.methodCalls.sort((a, b) => a.range[0] - b.range[0]);
  }

  private scanPlainObjects(): void {
    for (const node of this.objectNodes) {
      if (this.claimed.has(node)) continue;
      if (node.properties.length === 0) continue;
      const view = resolveObject(node, this.values);
      if (!view) continue;
      const hasAuthorization = AUTHORIZATION_ENDPOINT_KEYS.some((key) => view.props.has(key));
      const hasToken = TOKEN_ENDPOINT_KEYS.some((key) => view.props.has(key));
      if (!hasAuthorization || !hasToken) continue;
      const config = newConfig('object', node);
      this.readObject(config, view);
      // `x.oauth("key", { … })` on a worker imported from another module
      const outer = outerOf(node);
      const parent = outer.parent;
      if (parent?.type === 'CallExpression' && parent.arguments[1] === outer && memberName(parent.callee) === 'oauth') {
        const key = staticString(parent.arguments[0], this.values);
        if (key !== undefined) {
          config.key = key;
          config.hints.push({ kind: 'key', value: key });
        }
      } else {
        const owner = ownerName(node);
        if (owner !== undefined) {
          config.key = owner;
          config.hints.push({ kind: 'variable', value: owner });
        }
      }
      this.push(config);
    }
  }
}

function freeze(config: MutableConfig): OAuthConfig {
  return { ...config, provider: providerFromHints(config.hints) };
}

/** Module names (or their start) the trace map follows: a file importing none of them has no worker and no client. */
export const TRACED_MODULE_TEXT: readonly string[] = ['@notionhq/workers', 'passport', 'googleapis', 'google-auth-library', 'simple-oauth2', 'octokit', 'arctic'];

/** Every traced module name and every authorization endpoint key, in one pattern (kept in step by a test). */
export const MODEL_TEXT =
  /@notionhq\/workers|passport|googleapis|google-auth-library|simple-oauth2|octokit|arctic|auth(?:orization(?:Endpoint|Url|URL|_endpoint|_url)|orize(?:Url|URL|_url)|Url|URL|_url)/;

/** A plain object configuration needs an authorization and a token endpoint key, both written in the file. */
function mayHavePlainConfig(text: string): boolean {
  return AUTHORIZATION_ENDPOINT_KEYS.some((key) => text.includes(key)) && TOKEN_ENDPOINT_KEYS.some((key) => text.includes(key));
}

/**
 * `answer`, asked once per file: several rules ask in a row about the file being linted, so the last file's answer
 * comes first, then a table by file.
 */
function perFile(answer: (sourceCode: Readonly<TSESLint.SourceCode>) => boolean): (sourceCode: Readonly<TSESLint.SourceCode>) => boolean {
  const table = new WeakMap<object, boolean>();
  let last: { ast: object | undefined; result: boolean } = { ast: undefined, result: false };
  return (sourceCode) => {
    const ast = sourceCode.ast;
    if (ast === last.ast) return last.result;
    let result = table.get(ast);
    if (result === undefined) {
      result = answer(sourceCode);
      table.set(ast, result);
    }
    last = { ast, result };
    return result;
  };
}

/**
 * `process` (every env read goes through it) and what `MODEL_TEXT` matches (`@notionhq/workers` among it), in one
 * pattern: the words the gates of env-example-in-sync, no-committed-env-files and the worker model look for. All but
 * a few files hold none of them, and one pass over the text then answers every gate (a pass for `process` alone costs
 * about half of one for `MODEL_TEXT`, and the two together no more than `MODEL_TEXT`).
 */
const GATE_WORDS = new RegExp(`process|${MODEL_TEXT.source}`);

/** False when the file's text (`gateText`) holds neither `process` nor anything `MODEL_TEXT` matches. Cached per file. */
export const mayNameGateWord = perFile((sourceCode) => GATE_WORDS.test(gateText(sourceCode)));

/**
 * False when the file's text rules out any worker, OAuth client or OAuth configuration (no traced module named, no
 * pair of endpoint keys): rules built on the model then need no listener at all. Cached per file.
 */
export const modelMayApply = perFile((sourceCode) => {
  const text = gateText(sourceCode);
  // one regular-expression pass rules out almost every file; the exact test only for the few it lets through
  return mayNameGateWord(sourceCode) && MODEL_TEXT.test(text) && (TRACED_MODULE_TEXT.some((module) => text.includes(module)) || mayHavePlainConfig(text));
});

/** The model of a file with no worker, OAuth client or configuration (or one the builder could not read). */
function emptyModel(values: WorkerModel['values']): WorkerModel {
  return { workers: [], oauthCalls: [], credentialCalls: [], configs: [], modules: new Set(), values };
}

/** Builds the model of one file. Never throws: a file it cannot read gives an empty model. */
export function buildWorkerModel(sourceCode: Readonly<TSESLint.SourceCode>): WorkerModel {
  const globalScope = sourceCode.scopeManager?.globalScope ?? null;
  const values = valueContextOf(sourceCode);
  if (!globalScope) return emptyModel(values);
  // most files name none of the SDKs and no OAuth endpoint: skip the reference tracking altogether
  if (!modelMayApply(sourceCode)) return emptyModel(values);
  const builder = new ModelBuilder(sourceCode, values);
  try {
    builder.build();
  } catch (error) {
    if (process.env.WORKER_AUTH_DEBUG) throw error;
    return emptyModel(values);
  }
  return {
    workers: builder.workers,
    oauthCalls: builder.oauthCalls,
    credentialCalls: builder.credentialCalls,
    configs: builder.configs.map(freeze),
    modules: builder.modules,
    values,
  };
}

/**
 * Runs one check of a rule. Odd input must never break linting of the whole file: an unexpected error skips this one
 * check (set `WORKER_AUTH_DEBUG=1` to see it).
 */
export function safely(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (process.env.WORKER_AUTH_DEBUG) throw error;
  }
}

const cache = new WeakMap<TSESTree.Program, WorkerModel>();

/** The model of the file being linted, built once per `Program` for every rule. */
export function getWorkerModel(context: { readonly sourceCode: Readonly<TSESLint.SourceCode> }): WorkerModel {
  const program = context.sourceCode.ast;
  let model = cache.get(program);
  if (!model) {
    model = buildWorkerModel(context.sourceCode);
    cache.set(program, model);
  }
  return model;
}
