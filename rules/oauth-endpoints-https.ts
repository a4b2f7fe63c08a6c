/**
 * `worker-auth/oauth-endpoints-https`: OAuth authorization and token endpoints (and callback URLs) must be absolute
 * `https:` URLs without credentials, and not placeholders. Thin: the worker model finds the endpoints,
 * `src/workers/values.ts` resolves their text; URLs are shown without user-info and query, secrets masked.
 *
 * An endpoint value may hold several URLs (`dev ? "http://…" : "https://…"`, `opts.url ?? "http://…"`) or build one
 * (`new URL(path, "http://…")`, `.href`): `endpointValues` lists every string the value can be, each checked alone.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule, reportMasked } from '../src/create-rule.js';
import { detectSecrets } from '../src/detect/index.js';
import { redact, redactRanges } from '../src/detect/redact.js';
import { getWorkerModel, modelMayApply, safely, type EndpointRole, type EndpointSite } from '../src/workers/model.js';
import {
  bindingOf,
  findVariable,
  HOLE,
  memberKey,
  resolveObject,
  resolveUrl,
  staticValue,
  unwrap,
  type LocatedString,
  type ValueContext,
} from '../src/workers/values.js';

export type Options = [{ allowHttpLocalhost?: boolean; checkCallbackUrl?: boolean }];
export type MessageIds = 'insecureUrl' | 'notHttps' | 'insecureLocalhost' | 'notAbsolute' | 'credentialsInUrl' | 'placeholderUrl' | 'useHttps';

const ROLE_NAMES: Readonly<Record<EndpointRole, string>> = {
  authorization: 'authorization endpoint',
  token: 'token endpoint',
  callback: 'callback URL',
  tokenHost: 'token host',
  authorizationHost: 'authorization host',
};

/** Query parameters that carry a credential or token. */
const CREDENTIAL_PARAMS = new Set([
  'client_secret',
  'clientsecret',
  'secret',
  'access_token',
  'accesstoken',
  'refresh_token',
  'id_token',
  'token',
  'api_key',
  'apikey',
  'key',
  'password',
  'pass',
  'pwd',
  'code',
]);

/** Loopback hosts (RFC 8252 §7.3, RFC 9700 §2.6): `0.0.0.0` is a bind address, not loopback, and is not here. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** An IPv4 loopback address mapped into IPv6, as written (`[::ffff:127.0.0.1]`) or as the URL parser writes it (`[::ffff:7f00:1]`). */
const IPV4_MAPPED_LOOPBACK = /^\[?::ffff:(?:127(?:\.\d{1,3}){3}|7f[0-9a-f]{2}:[0-9a-f]{1,4})\]?$/;

function isLocalHost(host: string): boolean {
  // a fully qualified name's trailing dot names the same host (`localhost.`, `app.localhost.`)
  const h = host.toLowerCase().replace(/\.$/, '');
  return LOCAL_HOSTS.has(h) || h.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(h) || IPV4_MAPPED_LOOPBACK.test(h);
}

/** Words in a host that stand for "fill this in" (`YOUR_DOMAIN.auth0.com`, `yourcompany.zendesk.com`, `xxxx.okta.com`). */
const PLACEHOLDER_HOST = /(?:^|[.\-_])(?:your|my)[-_]?(?:domain|tenant|company|org|subdomain|shop|instance|site|app)\b|(?:^|[.\-_])your[-_]|xxx|placeholder|changeme|replace[-_]?me/i;

/**
 * A placeholder in place of a real endpoint: empty, `...`, `{tenant}`, `<your-domain>`, `${…}` written in a plain
 * string, `YOUR_…`, `TODO`. Documentation domains (`example.com`) are not placeholders: they are valid URLs and common
 * in examples and tests.
 */
function isPlaceholderUrl(value: string, host: string | undefined): boolean {
  const v = value.trim();
  if (v === '' || v === '...' || v === '…') return true;
  if (/[{}<>]/.test(v) || v.includes('${')) return true;
  // `TODO` and `TBD` in capitals (`todo.acme.io`, a `/todo-list` path and `tbd.website` are real names)
  if (/(?:^|[^a-z])your[_-]/i.test(v) || /\b(?:TODO|TBD)\b/.test(v) || /\bchangeme\b/i.test(v)) return true;
  return host !== undefined && PLACEHOLDER_HOST.test(host);
}

/** Schemes over TLS that are still no `https:` (reported, but not as unencrypted). */
const TLS_PROTOCOLS = new Set(['wss:', 'ftps:', 'sftp:', 'ssh:']);

/** The message for an endpoint that is not `https:`: unencrypted, or over TLS but not a URL an OAuth client can use. */
function insecureOrNot(protocol: string): 'insecureUrl' | 'notHttps' {
  return TLS_PROTOCOLS.has(protocol.toLowerCase()) ? 'notHttps' : 'insecureUrl';
}

/** The URL as it may be shown: no user-info, no query or fragment, any secret masked, at most 100 characters. */
function displayUrl(value: string, url: URL | undefined): string {
  // scheme, host and path as written (the URL parser lower-cases the host, which would hide a token in it from the
  // detector), without user-info, query or fragment
  // (a `\` ends the host as `/` does in the special schemes: `http://evil.example\@localhost/` is evil.example's)
  const written = url ? (SPECIAL_SCHEME.test(value) ? WRITTEN_SPECIAL : WRITTEN_URL).exec(value) : null;
  // a URL that does not parse (relative, a placeholder, `//host`, `http:/host`, `http:\\host`): its query and fragment
  // left out, and whatever comes before an `@` after the scheme and its slashes (user-info) shown as `…`
  let text = written ? `${written[1]}${written[2]}${written[3]}` : value.trim().replace(/[?#][^]*$/, '').replace(/^((?:[a-z][a-z0-9+.-]*:)?[\\/]*)[^\\/@]*@/i, '$1…@');
  const findings = detectSecrets(text);
  if (findings.length > 0) text = redactRanges(text, findings.map((f) => ({ start: f.start, end: f.end, prefix: f.prefix })));
  text = text.replace(/\s+/g, ' ');
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/** Scheme, user-info, host and path of an absolute URL as written. */
const WRITTEN_URL = /^\s*([a-z][a-z0-9+.-]*:\/\/)(?:[^/?#@]*@)?([^/?#]*)([^?#]*)/i;
/** The same for the special schemes, where the URL parser reads `\` as `/`. */
const WRITTEN_SPECIAL = /^\s*([a-z][a-z0-9+.-]*:\/\/)(?:[^/\\?#@]*@)?([^/\\?#]*)([^?#]*)/i;
const SPECIAL_SCHEME = /^\s*(?:https?|wss?|ftp):/i;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Recursion bound for `endpointValues` (consts of conditionals of `new URL(…)`…), and a bound on the URLs listed. */
const MAX_DEPTH = 12;
const MAX_VALUES = 16;

const URL_MODULES = new Set(['url', 'node:url']);

/** `new URL(…)` of the global `URL` (or `URL` imported from `node:url`), not of a local class of that name. */
function isUrlConstructor(node: TSESTree.NewExpression, ctx: ValueContext): boolean {
  const callee = unwrap(node.callee);
  if (callee.type !== 'Identifier' || callee.name !== 'URL') return false;
  const variable = findVariable(ctx, callee);
  if (!variable || variable.defs.length === 0) return true;
  const def = variable.defs[0]!;
  if (variable.defs.length !== 1 || String(def.type) !== 'ImportBinding') return false;
  const declaration = def.parent as TSESTree.Node | null;
  const spec = def.node as TSESTree.Node;
  return (
    declaration?.type === 'ImportDeclaration' &&
    URL_MODULES.has(String(declaration.source.value)) &&
    spec.type === 'ImportSpecifier' &&
    (spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value) === 'URL'
  );
}

/** The value a const-like identifier or a member of a const object stands for (`BASE`, `URLS.auth`), or undefined. */
function constValue(node: TSESTree.Node, ctx: ValueContext, depth: number): TSESTree.Node | undefined {
  if (node.type === 'Identifier') {
    const binding = bindingOf(node, ctx, depth);
    if (binding?.kind === 'init') return binding.init;
    if (binding?.kind === 'member') return resolveObject(binding.object, ctx, depth + 1)?.props.get(binding.key)?.value;
    return undefined;
  }
  if (node.type !== 'MemberExpression') return undefined;
  const key = memberKey(node, ctx, depth);
  return key === undefined ? undefined : resolveObject(node.object, ctx, depth + 1)?.props.get(key)?.value;
}

/** True when the expression is a `URL` object: `new URL(…)`, a const holding one, or a conditional between them. */
function isUrlObject(node: TSESTree.Node | undefined, ctx: ValueContext, depth = 0): boolean {
  if (!node || depth > MAX_DEPTH) return false;
  const n = unwrap(node);
  if (n.type === 'NewExpression') return isUrlConstructor(n, ctx);
  if (n.type === 'ConditionalExpression') return isUrlObject(n.consequent, ctx, depth + 1) || isUrlObject(n.alternate, ctx, depth + 1);
  return isUrlObject(constValue(n, ctx, depth), ctx, depth + 1);
}

/** `u.href` / `u.origin` of a `URL` object: same scheme and host as `u`. */
function isUrlProperty(node: TSESTree.MemberExpression, ctx: ValueContext, depth: number): boolean {
  const key = memberKey(node, ctx, depth);
  return (key === 'href' || key === 'origin') && isUrlObject(node.object, ctx, depth + 1);
}

/**
 * The `URL` object a string expression is written from, when it is one: `u.href`, `u.origin`, `u.toString()`,
 * `u.toJSON()`, `String(u)`, or `u` itself in a template literal.
 */
function urlObjectOf(node: TSESTree.Node, ctx: ValueContext, depth: number): TSESTree.Node | undefined {
  const n = unwrap(node);
  if (n.type === 'MemberExpression') return isUrlProperty(n, ctx, depth) ? n.object : undefined;
  if (n.type === 'CallExpression') {
    const callee = n.callee;
    if (callee.type === 'Identifier' && callee.name === 'String' && n.arguments.length === 1) {
      const arg = n.arguments[0]!;
      return arg.type !== 'SpreadElement' && isUrlObject(arg, ctx, depth + 1) ? arg : undefined;
    }
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && n.arguments.length === 0) {
      const method = callee.property.name;
      return (method === 'toString' || method === 'toJSON') && isUrlObject(callee.object, ctx, depth + 1) ? callee.object : undefined;
    }
    return undefined;
  }
  return isUrlObject(n, ctx, depth) ? n : undefined;
}

/** The `URL` object a template literal or `+` concatenation starts with (`${base.origin}/token`): it gives scheme and host. */
function leadingUrlObject(node: TSESTree.TemplateLiteral | TSESTree.BinaryExpression, ctx: ValueContext, depth: number): TSESTree.Node | undefined {
  if (node.type === 'TemplateLiteral') {
    const first = node.expressions[0];
    return first && node.quasis[0]?.value.cooked === '' ? urlObjectOf(first, ctx, depth) : undefined;
  }
  let left: TSESTree.Node = node;
  for (let i = 0; i < MAX_DEPTH && left.type === 'BinaryExpression' && left.operator === '+'; i++) left = left.left;
  return urlObjectOf(left, ctx, depth);
}

/**
 * Every URL string an endpoint expression may hold, located where it is written: both branches of a conditional
 * whose test is not static, the literal fallback of `x ?? "…"` / `x || "…"` (whatever `x` reads), the base of
 * `new URL(path, base)` (the input when it is absolute), and the `URL` behind `.href`, `.origin`, `.toString()`.
 * Anything else goes to `resolveUrl`. An empty string where the value is optional (a fallback, a branch, a default)
 * means "no URL there" and is left out, as `resolveUrl` leaves out an empty env fallback.
 */
function endpointValues(node: TSESTree.Node, ctx: ValueContext): LocatedString[] {
  const out: LocatedString[] = [];
  collect(node, false, 0, out);
  return out;

  function push(located: LocatedString, optional: boolean, into: LocatedString[]): void {
    if (into.length < MAX_VALUES && !(optional && located.value === '')) into.push(located);
  }

  function newUrl(n: TSESTree.NewExpression, optional: boolean, depth: number, into: LocatedString[]): void {
    const args = n.arguments;
    if (args.length === 0 || args.some((arg) => arg.type === 'SpreadElement')) return;
    const [input, base] = args as TSESTree.Expression[];
    if (!base) {
      collect(input, optional, depth + 1, into);
      return;
    }
    const inputs: LocatedString[] = [];
    collect(input, false, depth + 1, inputs);
    // an input that cannot be read (a run-time path) is resolved against the base
    let baseApplies = inputs.length === 0;
    for (const located of inputs) {
      // the URL parser strips leading spaces and C0 controls; a run-time part ends what is known
      const head = located.value.split(HOLE)[0]!.trimStart();
      if (/^[a-z][a-z0-9+.-]*:/i.test(head)) push(located, optional, into); // absolute: the base is ignored
      else if (!/^[/\\]{2}/.test(head)) baseApplies = true; // relative: scheme and host are the base's
      // `//host/…` takes its host from the input and its scheme from the base: not judged
    }
    if (baseApplies) collect(base, optional, depth + 1, into);
  }

  function collect(child: TSESTree.Node | undefined, optional: boolean, depth: number, into: LocatedString[]): void {
    if (!child || depth > MAX_DEPTH || into.length >= MAX_VALUES) return;
    const n = unwrap(child);
    switch (n.type) {
      case 'ConditionalExpression': {
        const test = staticValue(n.test, ctx);
        if (test) {
          collect(test.value ? n.consequent : n.alternate, optional, depth + 1, into);
        } else {
          collect(n.consequent, true, depth + 1, into);
          collect(n.alternate, true, depth + 1, into);
        }
        return;
      }
      case 'LogicalExpression': {
        const left = staticValue(n.left, ctx);
        if (left) {
          const right = n.operator === '&&' ? Boolean(left.value) : n.operator === '||' ? !left.value : left.value === null || left.value === undefined;
          collect(right ? n.right : n.left, optional, depth + 1, into);
          return;
        }
        // `x ?? "…"`, `x || "…"`: the literal is what runs when `x` (an env read, an option) is unset
        if (n.operator !== '&&') collect(n.left, optional, depth + 1, into);
        collect(n.right, true, depth + 1, into);
        return;
      }
      case 'NewExpression':
        if (isUrlConstructor(n, ctx)) newUrl(n, optional, depth, into);
        return;
      case 'Identifier': {
        const binding = bindingOf(n, ctx, depth);
        if (binding?.kind === 'init') {
          collect(binding.init, optional, depth + 1, into);
          return;
        }
        if (binding?.kind === 'member') {
          // `const { AUTH_URL = "http://…" } = process.env`: the default is what runs when the key is unset
          const entry = resolveObject(binding.object, ctx, depth + 1)?.props.get(binding.key);
          if (entry) collect(entry.value, optional, depth + 1, into);
          else collect(binding.defaultValue, true, depth + 1, into);
          return;
        }
        break;
      }
      case 'MemberExpression':
      case 'CallExpression':
      case 'TemplateLiteral':
      case 'BinaryExpression': {
        // `u.href`, `String(u)`, `${u.origin}/token`: scheme and host are those of the `URL` object `u`
        const url = n.type === 'TemplateLiteral' || n.type === 'BinaryExpression' ? leadingUrlObject(n, ctx, depth) : urlObjectOf(n, ctx, depth);
        const value = url ?? (n.type === 'MemberExpression' ? constValue(n, ctx, depth) : undefined);
        if (value) {
          collect(value, optional, depth + 1, into);
          return;
        }
        break;
      }
      default:
        break;
    }
    const resolved = resolveUrl(n, ctx);
    if (resolved) push(resolved.located, optional || resolved.isFallback, into);
  }
}

/** A dotted host name ending in a name label (so not an IP address), none of its labels `localhost`. */
const REMOTE_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z][a-z0-9-]*[a-z]$/i;

function isRemoteName(name: string): boolean {
  return REMOTE_NAME.test(name) && !name.toLowerCase().split('.').includes('localhost');
}

/**
 * True when a host with run-time parts cannot be loopback: it starts with a whole remote host name
 * (`auth.acme.io${path}`: what follows is a port or a path), or ends with a remote domain (`${tenant}.auth0.com`,
 * a port allowed). A start ending in `.` or `-` (`auth.${domain}`), `localhost`, `127.0.0.1` or `[::1]` may be loopback.
 */
function isRemotePartialHost(authority: string): boolean {
  const parts = authority.split(HOLE);
  const tail = parts[parts.length - 1]!.replace(/:\d*$/, '');
  return isRemoteName(parts[0]!) || (tail.startsWith('.') && isRemoteName(tail.slice(1)));
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value.trim());
  } catch {
    return undefined;
  }
}

export default createRule<Options, MessageIds>({
  name: 'oauth-endpoints-https',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require OAuth endpoints and callback URLs to be absolute `https:` URLs without credentials or placeholders',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      insecureUrl:
        'The {{role}} `{{url}}` uses `{{protocol}}`: authorization codes, tokens and the client secret would cross the network unencrypted. Use the provider’s `https:` URL.',
      notHttps: 'The {{role}} `{{url}}` uses `{{protocol}}`, which an OAuth client cannot use: authorization and token endpoints are `https:` URLs. Use the provider’s `https:` URL.',
      insecureLocalhost:
        'The {{role}} `{{url}}` uses plain `http:`. Use `https:`, or set `allowHttpLocalhost` if this local URL is only for development.',
      notAbsolute: 'The {{role}} `{{url}}` is not an absolute URL. Write the full `https://` URL from the provider’s documentation.',
      credentialsInUrl:
        'The {{role}} carries a credential in its {{part}} (`{{masked}}`). Remove it from the URL: the client secret goes in `clientSecret`, read from `process.env`, and must be rotated since it is in git history.',
      placeholderUrl: 'The {{role}} `{{url}}` is a placeholder. Use the provider’s real endpoint.',
      useHttps: 'Use `https:`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowHttpLocalhost: {
            type: 'boolean',
            description: 'Allow plain `http:` for `localhost`, `127.0.0.1` and `[::1]` (local development only).',
          },
          checkCallbackUrl: {
            type: 'boolean',
            description: 'Also check callback/redirect URLs (`callbackUrl`, `callbackURL`, `redirectUri`, …).',
          },
        },
      },
    ],
    defaultOptions: [{ allowHttpLocalhost: true, checkCallbackUrl: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // no traced module and no endpoint keys in the text: no OAuth configuration to check
    if (!modelMayApply(context.sourceCode)) return {};
    const reported = new Set<string>();

    function once(node: TSESTree.Node, loc: TSESTree.SourceLocation, id: MessageIds): boolean {
      const key = `${node.range[0]}:${node.range[1]}:${loc.start.line}:${loc.start.column}:${id}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    }

    /** Replaces a written `http:` at the start of the string by `https:`. */
    function httpsFix(located: LocatedString): TSESLint.ReportSuggestionArray<MessageIds> {
      const start = located.starts[0] ?? -1;
      const end = located.ends[4] ?? -1;
      if (start < 0 || end < 0 || sourceCode.text.slice(start, end).toLowerCase() !== 'http:') return [];
      return [{ messageId: 'useHttps', fix: (fixer) => fixer.replaceTextRange([start, end], 'https:') }];
    }

    function report(located: LocatedString, messageId: MessageIds, data: Record<string, string>, suggest: TSESLint.ReportSuggestionArray<MessageIds> = []): void {
      const loc = located.node.loc;
      if (!once(located.node, loc, messageId)) return;
      reportMasked(context, { loc, messageId, data, suggest });
    }

    /** A URL with run-time parts: only its static scheme and host can be judged. */
    function checkPartial(located: LocatedString, role: string): void {
      const value = located.value;
      const prefix = value.slice(0, value.indexOf(HOLE));
      // the host is written out when a path, query, fragment or a port (`http://host:${port}/…`) follows it
      const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#@:[\]]+|\[[^\]/?#@]*\])(?::[^/?#@]*(?=[/?#]|$)|(?=[/?#]))/i.exec(prefix);
      if (!match) {
        checkPartialHost(located, role);
        return;
      }
      const protocol = `${match[1]!.toLowerCase()}:`;
      const host = match[2]!;
      if (protocol === 'https:') return;
      // as written up to the first run-time part: `http://host/…`, or `http://host:…/…` when the port is one
      const written = match[0].slice(match[1]!.length + 3);
      const url = `${protocol}//${written}${written.endsWith(':') ? '…' : ''}/…`;
      if (protocol === 'http:' && isLocalHost(host)) {
        if (!options.allowHttpLocalhost) report(located, 'insecureLocalhost', { role, url }, httpsFix(located));
        return;
      }
      report(located, insecureOrNot(protocol), { role, url, protocol }, protocol === 'http:' ? httpsFix(located) : []);
    }

    /**
     * An `http:` URL whose host itself has a run-time part (`http://auth.acme.io${path}`, `"http://auth.acme.io" + path`,
     * `http://${tenant}.acme.io/…`): reported when that host cannot be loopback, else left alone like a run-time host.
     */
    function checkPartialHost(located: LocatedString, role: string): void {
      const scheme = /^http:\/\//i.exec(located.value);
      if (!scheme) return;
      const rest = located.value.slice(scheme[0].length);
      const end = rest.search(/[/?#]/);
      const authority = end < 0 ? rest : rest.slice(0, end);
      if (!authority.includes(HOLE) || authority.includes('@') || !isRemotePartialHost(authority)) return;
      const url = `http://${authority.split(HOLE).join('…').replace(/…+/g, '…')}${end < 0 ? '' : '/…'}`;
      report(located, 'insecureUrl', { role, url, protocol: 'http:' }, httpsFix(located));
    }

    function check(site: EndpointSite): void {
      if (site.role === 'callback' && !options.checkCallbackUrl) return;
      const role = ROLE_NAMES[site.role];
      for (const located of endpointValues(site.node, getWorkerModel(context).values)) checkValue(located, role);
    }

    /** Checks one URL string the endpoint may hold, where it is written. */
    function checkValue(located: LocatedString, role: string): void {
      const value = located.value;
      if (value.includes(HOLE)) {
        checkPartial(located, role);
        return;
      }
      const url = parseUrl(value);
      const isAbsolute = url !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim());
      const host = isAbsolute ? url.hostname : undefined;
      if (isPlaceholderUrl(value, host)) {
        report(located, 'placeholderUrl', { role, url: displayUrl(value, isAbsolute ? url : undefined) });
        return;
      }
      if (!isAbsolute) {
        report(located, 'notAbsolute', { role, url: displayUrl(value, undefined) });
        return;
      }
      if (url.password !== '' || url.username !== '') {
        const secret = safeDecode(url.password !== '' ? url.password : url.username);
        report(located, 'credentialsInUrl', { role, part: 'user-info', masked: redact(secret) });
      }
      for (const [name, paramValue] of url.searchParams) {
        if (paramValue === '' || !CREDENTIAL_PARAMS.has(name.toLowerCase())) continue;
        report(located, 'credentialsInUrl', { role, part: `\`${name}\` query parameter`, masked: redact(paramValue) });
        break;
      }
      const shown = displayUrl(value, url);
      if (url.protocol === 'https:') return;
      if (url.protocol === 'http:' && isLocalHost(url.hostname)) {
        if (!options.allowHttpLocalhost) report(located, 'insecureLocalhost', { role, url: shown }, httpsFix(located));
        return;
      }
      report(located, insecureOrNot(url.protocol), { role, url: shown, protocol: url.protocol }, url.protocol === 'http:' ? httpsFix(located) : []);
    }

    return {
      'Program:exit'() {
        for (const config of getWorkerModel(context).configs) {
          // a spread of an unknown object or a computed key may replace any value: no guessing
          if (config.incomplete) continue;
          for (const site of config.endpoints) safely(() => check(site));
        }
      },
    };
  },
});
