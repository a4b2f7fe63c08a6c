/**
 * `worker-auth/oauth-endpoints-https`: OAuth authorization and token endpoints (and callback URLs) must be absolute
 * `https:` URLs without credentials, and not placeholders. Thin: the worker model finds the endpoints,
 * `src/workers/values.ts` resolves their text; URLs are shown without user-info and query, secrets masked.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule, reportMasked } from '../src/create-rule.js';
import { detectSecrets } from '../src/detect/index.js';
import { redact, redactRanges } from '../src/detect/redact.js';
import { getWorkerModel, modelMayApply, safely, type EndpointRole, type EndpointSite } from '../src/workers/model.js';
import { HOLE, resolveUrl, type LocatedString } from '../src/workers/values.js';

export type Options = [{ allowHttpLocalhost?: boolean; checkCallbackUrl?: boolean }];
export type MessageIds = 'insecureUrl' | 'insecureLocalhost' | 'notAbsolute' | 'credentialsInUrl' | 'placeholderUrl' | 'useHttps';

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

function isLocalHost(host: string): boolean {
  const h = host.toLowerCase();
  return LOCAL_HOSTS.has(h) || h.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(h);
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

/** The URL as it may be shown: no user-info, no query or fragment, any secret masked, at most 100 characters. */
function displayUrl(value: string, url: URL | undefined): string {
  // scheme, host and path as written (the URL parser lower-cases the host, which would hide a token in it from the
  // detector), without user-info, query or fragment
  const written = url ? /^\s*([a-z][a-z0-9+.-]*:\/\/)(?:[^/?#@]*@)?([^/?#]*)([^?#]*)/i.exec(value) : null;
  let text = written ? `${written[1]}${written[2]}${written[3]}` : value;
  const findings = detectSecrets(text);
  if (findings.length > 0) text = redactRanges(text, findings.map((f) => ({ start: f.start, end: f.end, prefix: f.prefix })));
  text = text.replace(/\s+/g, ' ');
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
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
      if (!match) return;
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
      report(located, 'insecureUrl', { role, url, protocol }, protocol === 'http:' ? httpsFix(located) : []);
    }

    function check(site: EndpointSite): void {
      if (site.role === 'callback' && !options.checkCallbackUrl) return;
      const resolved = resolveUrl(site.node, getWorkerModel(context).values);
      if (!resolved) return;
      const located = resolved.located;
      const role = ROLE_NAMES[site.role];
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
      report(located, 'insecureUrl', { role, url: shown, protocol: url.protocol }, url.protocol === 'http:' ? httpsFix(located) : []);
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
