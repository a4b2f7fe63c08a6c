/**
 * `worker-auth/no-broad-oauth-scopes`: OAuth scopes wider than a worker needs. Thin: the worker model
 * (`src/workers/model.ts`) finds the configurations and their provider, `src/workers/values.ts` locates each scope,
 * and the scope engine (`src/oauth/scopes.ts`) decides what is broad.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule, reportMasked } from '../src/create-rule.js';
import { maskShown } from '../src/detect/mask.js';
import { redact } from '../src/detect/redact.js';
import { providerForScopeParam } from '../src/oauth/providers.js';
import { assessScopes, normalizeScope, splitScopes } from '../src/oauth/scopes.js';
import type { OAuthProvider, ScopeFinding, ScopePolicy } from '../src/oauth/types.js';
import { getWorkerModel, modelMayApply, safely, type OAuthConfig, type ScopeSite } from '../src/workers/model.js';
import { conditionalScopeBranches, locateScopes, type LocatedScope } from '../src/workers/values.js';

export type Options = [
  {
    allow?: Record<string, string[]>;
    maxScopes?: number;
    forbid?: string[];
  },
];
export type MessageIds = 'broadScope' | 'broadScopeNoAlternative' | 'genericScope' | 'forbiddenScope' | 'tooManyScopes' | 'useNarrower';

/** "`a`", "`a` or `b`", "`a`, `b` or `c`" (at most three). */
function listScopes(scopes: readonly string[]): string {
  const shown = scopes.slice(0, 3).map((scope) => `\`${scope}\``);
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** Lists of more scopes than this read their alternatives as requested together (see `inOtherBranch`). */
const MAX_BRANCH_SCOPES = 200;

/** Is `node` inside a conditional's branch (within a few levels: a scope's string sits close to it)? */
function underConditional(node: TSESTree.Node): boolean {
  let child = node;
  for (let n = node.parent, depth = 0; n && depth < 16; child = n, n = n.parent, depth++) {
    if (n.type === 'ConditionalExpression' && child !== n.test) return true;
  }
  return false;
}

/**
 * Are `a` and `b` in different branches of a conditional (`admin ? "admin:org" : "read:org"`)? Then they are never
 * requested together. Their nearest common ancestor decides.
 */
function inOtherBranch(a: TSESTree.Node, b: TSESTree.Node): boolean {
  if (a === b) return false;
  const above = new Set<TSESTree.Node>();
  for (let n: TSESTree.Node | undefined = a; n; n = n.parent) above.add(n);
  let child: TSESTree.Node = b;
  for (let n: TSESTree.Node | undefined = b.parent; n; child = n, n = n.parent) {
    if (!above.has(n)) continue;
    if (n.type !== 'ConditionalExpression' || child === n.test) return false;
    // `a` is under the other branch than `child`
    const branchOfA = [n.consequent, n.alternate].find((branch) => branch !== child && above.has(branch));
    return branchOfA !== undefined;
  }
  return false;
}

/** Which branch alone holds `node`: 1 or 2, 0 when both or neither do. */
function onlyIn(branches: readonly [ReadonlySet<TSESTree.Node>, ReadonlySet<TSESTree.Node>], node: TSESTree.Node): 0 | 1 | 2 {
  const first = branches[0].has(node);
  const second = branches[1].has(node);
  return first === second ? 0 : first ? 1 : 2;
}

/** Scope text is shown in messages: keep it short and on one line (masked before the cut: a cut token is no token). */
function shownScope(scope: string): string {
  const oneLine = maskShown(scope.replace(/\s+/g, ' '));
  return oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
}

export default createRule<Options, MessageIds>({
  name: 'no-broad-oauth-scopes',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow OAuth scopes broader than a worker needs (admin, delete, write-everything, read-everything)',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      broadScope:
        '`{{scope}}` is a broad {{provider}} scope ({{risk}}): {{reason}}. Request {{alternatives}} instead if that covers what the worker does, or allow it in the rule options.',
      broadScopeNoAlternative:
        '`{{scope}}` is a broad {{provider}} scope ({{risk}}): {{reason}}. Drop it unless the worker needs it, or allow it in the rule options.',
      genericScope:
        '`{{scope}}` looks broad for {{provider}} ({{reason}}). Request the narrowest scope the worker needs, or allow it in the rule options.',
      forbiddenScope: '`{{scope}}` is in the `forbid` list of this rule ({{provider}}). Remove it{{instead}}.',
      tooManyScopes:
        'This OAuth configuration requests {{count}} scopes; `maxScopes` allows {{max}}. Keep only the scopes the worker uses.',
      useNarrower: 'Replace `{{scope}}` with `{{suggestion}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'object',
            additionalProperties: {
              type: 'array',
              items: { type: 'string', minLength: 1 },
              uniqueItems: true,
            },
            description:
              'Provider id (`google`, `github`, …, or `*` for every provider) → scopes never reported. Exact scopes, short or full form, or a prefix ending in `*`.',
          },
          maxScopes: {
            type: 'integer',
            minimum: 1,
            description: 'Report a configuration that requests more distinct scopes than this.',
          },
          forbid: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Scopes always reported, whatever the provider: exact, or a prefix ending in `*`.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: {}, forbid: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // no traced module and no endpoint keys in the text: no OAuth configuration to check
    if (!modelMayApply(context.sourceCode)) return {};
    const policy: ScopePolicy = {
      allow: options.allow ?? {},
      forbid: options.forbid ?? [],
      ...(options.maxScopes === undefined ? {} : { maxScopes: options.maxScopes }),
    };
    const reported = new Set<string>();

    function providerLabel(provider: OAuthProvider | undefined, param: string): string {
      if (!provider) return 'an unrecognised provider';
      return param === 'scope' ? provider.name : `${provider.name} (\`${param}\`)`;
    }

    function locOf(scope: LocatedScope | undefined, site: ScopeSite): TSESTree.SourceLocation {
      if (scope?.range) {
        return { start: sourceCode.getLocFromIndex(scope.range[0]), end: sourceCode.getLocFromIndex(scope.range[1]) };
      }
      return (scope?.node ?? site.node).loc;
    }

    function once(loc: TSESTree.SourceLocation, id: string): boolean {
      const key = `${loc.start.line}:${loc.start.column}:${loc.end.line}:${loc.end.column}:${id}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    }

    /** Whether a node holds a comment (a rewrite would drop it), asked once per node: many scopes share one template. */
    const holdsComment = new Map<TSESTree.Node, boolean>();
    function hasCommentInside(node: TSESTree.Node): boolean {
      let holds = holdsComment.get(node);
      if (holds === undefined) {
        holds = sourceCode.getCommentsInside(node).length > 0;
        holdsComment.set(node, holds);
      }
      return holds;
    }

    /**
     * A scope as a message may show it: masked (`shownScope`), and wholly redacted when the string it was split from
     * hides a secret across scopes (a base64 key cut at its `+` into scope-like pieces, none long enough to look random
     * alone): a piece is shown only as it survives the masking of the whole string.
     */
    function scopeText(finding: ScopeFinding, scope: LocatedScope): string {
      const shown = shownScope(finding.scope);
      const whole = sourceCode.getText(scope.node);
      if (whole.length <= finding.scope.length || !whole.includes(finding.scope)) return shown;
      return maskShown(whole).includes(finding.scope) ? shown : redact(finding.scope);
    }

    function reportFinding(finding: ScopeFinding, scope: LocatedScope, requested: ReadonlySet<string>, site: ScopeSite, provider: OAuthProvider | undefined): void {
      const loc = locOf(scope, site);
      const label = providerLabel(provider, site.param);
      const shown = scopeText(finding, scope);
      const suggestion = finding.suggestion;
      const canSuggest =
        suggestion !== undefined &&
        scope.exact &&
        scope.range !== undefined &&
        !requested.has(normalizeScope(provider, suggestion)) &&
        !hasCommentInside(scope.node);
      const range = scope.range;
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> =
        canSuggest && range
          ? [{ messageId: 'useNarrower', data: { scope: shown, suggestion }, fix: (fixer) => fixer.replaceTextRange([range[0], range[1]], suggestion) }]
          : [];
      if (finding.kind === 'forbidden') {
        if (!once(loc, 'forbidden')) return;
        const instead = finding.alternatives.length > 0 ? ` and request ${listScopes(finding.alternatives)} instead` : '';
        reportMasked(context, { loc, messageId: 'forbiddenScope', data: { scope: shown, provider: label, instead }, suggest });
        return;
      }
      if (finding.kind === 'generic') {
        if (!once(loc, 'generic')) return;
        reportMasked(context, { loc, messageId: 'genericScope', data: { scope: shown, provider: label, reason: finding.reason }, suggest });
        return;
      }
      if (!once(loc, 'broad')) return;
      const data = { scope: shown, provider: label, risk: finding.risk ?? 'broad', reason: finding.reason };
      if (finding.alternatives.length > 0) {
        reportMasked(context, { loc, messageId: 'broadScope', data: { ...data, alternatives: listScopes(finding.alternatives) }, suggest });
      } else {
        reportMasked(context, { loc, messageId: 'broadScopeNoAlternative', data, suggest });
      }
    }

    function checkSite(config: OAuthConfig, site: ScopeSite): void {
      let provider = config.provider;
      if (provider && site.param !== 'scope') {
        provider = providerForScopeParam(provider, site.param);
        if (!provider) return; // a parameter this provider does not use for scopes
      }
      const scopes = locateScopes(site.node, getWorkerModel(context).values, splitScopes);
      if (!scopes || scopes.length === 0) return;
      const findings = assessScopes(
        provider,
        scopes.map((scope) => scope.scope),
        policy,
      );
      // what is requested, each scope once in its short form (`https://graph.microsoft.com/Mail.Read` is `Mail.Read`)
      const requested = new Set(scopes.map((scope) => normalizeScope(provider, scope.scope.trim())).filter((scope) => scope !== ''));
      /**
       * what is requested with `scope`: not the scopes of the other branch of a conditional, which are its alternative
       * (asked only of a list with a conditional in it, and of a short one: each finding reads the whole list)
       */
      const branchy = scopes.length <= MAX_BRANCH_SCOPES && scopes.some((scope) => underConditional(scope.node));
      // the configuration's value itself a conditional between consts (`isProd ? PROD_SCOPES : DEV_SCOPES`): the strings
      // of each branch, which the syntax around each string does not show
      const branches = scopes.length <= MAX_BRANCH_SCOPES ? conditionalScopeBranches(site.node, getWorkerModel(context).values) : undefined;
      const apart = (a: LocatedScope, b: LocatedScope): boolean =>
        (branchy && inOtherBranch(a.node, b.node)) || (branches !== undefined && onlyIn(branches, a.node) !== onlyIn(branches, b.node) && onlyIn(branches, a.node) !== 0 && onlyIn(branches, b.node) !== 0);
      const requestedWith = (scope: LocatedScope): ReadonlySet<string> =>
        (branchy || branches) && scopes.some((other) => apart(scope, other))
          ? new Set(scopes.filter((other) => !apart(scope, other)).map((other) => normalizeScope(provider, other.scope.trim())).filter((other) => other !== ''))
          : requested;
      for (const finding of findings) {
        if (finding.kind === 'too-many') {
          const loc = site.node.loc;
          if (!once(loc, 'too-many')) continue;
          const count = requested.size;
          reportMasked(context, { loc, messageId: 'tooManyScopes', data: { count: String(count), max: String(policy.maxScopes) } });
          continue;
        }
        const scope = scopes[finding.index];
        if (scope) reportFinding(finding, scope, requestedWith(scope), site, provider);
      }
    }

    return {
      'Program:exit'() {
        for (const config of getWorkerModel(context).configs) {
          // a spread of an unknown object or a computed key may replace anything: no guessing
          if (config.incomplete) continue;
          for (const site of config.scopes) safely(() => checkSite(config, site));
        }
      },
    };
  },
});
