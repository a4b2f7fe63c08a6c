/**
 * `worker-auth/prefer-credential-injection`: an API key read from `process.env` only to be put into an
 * `Authorization` / `X-API-Key` header of requests to a fixed host can be declared with
 * `worker.credential(KEY, { network: [{ domain, transform: [{ headers }] }] })` (`@notionhq/workers` ≥ 0.9.2): the
 * platform injects it into matching outbound requests and the worker code never holds the secret. Silent unless
 * the installed SDK (or the dependency range) has `credential`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { keyName } from '../src/ast/strings.js';
import { createRule, reportMasked } from '../src/create-rule.js';
import { classifyName } from '../src/detect/context.js';
import { findWorkersSdk } from '../src/env/project.js';
import { envReadsOf, scopeResolver, valueOuter, type EnvRead } from '../src/workers/env-reads.js';
import { getWorkerModel } from '../src/workers/model.js';
import { resolveLocatedString, valueContextOf } from '../src/workers/values.js';
import { gateText } from '../src/ast/gate-text.js';
import { holdsSecret, holdsShownSecret } from '../src/detect/mask.js';
import { detectSecrets } from '../src/detect/index.js';

type Node = TSESTree.Node;

export type Options = [{ allowHosts?: string[] }];
export type MessageIds = 'preferCredential' | 'declareCredential';

/** The SDK's rules for a credential key and a network domain (`@notionhq/workers` `credential.js`). */
const CREDENTIAL_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const ALLOWED_NOTION_KEYS = new Set(['NOTION_API_TOKEN', 'NOTION_API_BASE_URL']);
const LABEL = /^[a-z0-9-]{1,63}$/;

/** The SDK's domain rule, label by label (no backtracking): at least two labels, no label starting or ending with `-`. */
function isCredentialDomain(host: string): boolean {
  const labels = host.split('.');
  // an IPv4 address (`127.0.0.1`, `203.0.113.7`) is no domain to declare: a loopback or a host the worker reaches
  // by address, not a third-party API
  if (labels.every((l) => /^\d+$/.test(l))) return false;
  return host.length <= 253 && labels.length >= 2 && labels.every((l) => LABEL.test(l) && !l.startsWith('-') && !l.endsWith('-'));
}
const MARKER = '\u0001credential\u0001';
const URL_KEYS = new Set(['url', 'baseURL', 'baseUrl', 'prefixUrl']);
const MAX_DEPTH = 8;

export function isDeclarableKey(name: string): boolean {
  if (!CREDENTIAL_KEY.test(name)) return false;
  const upper = name.toUpperCase();
  return !upper.startsWith('NOTION_') || ALLOWED_NOTION_KEYS.has(upper);
}

/** A header whose value is a credential: `Authorization`, `X-API-Key`, `Private-Token`, `DD-API-KEY`… */
function isCredentialHeader(name: string): boolean {
  return name.toLowerCase() === 'authorization' || (name.includes('-') && classifyName(name) === 'credential');
}

/** `https://api.example.com/…` → `api.example.com`; undefined unless the scheme and the whole host are fixed. */
export function fixedHttpsHost(url: string): string | undefined {
  const m = /^https:\/\/([^/?#:\u0000]+)(?=$|[/?#:])/i.exec(url);
  if (!m) return undefined;
  const host = m[1]!.toLowerCase().replace(/\.$/, '');
  return isCredentialDomain(host) ? host : undefined;
}

/** JS text of a header template: `CREDENTIAL_VALUE` or `` `Bearer ${CREDENTIAL_VALUE}` ``. */
function templateCode(template: string, constant: string): string {
  if (template === MARKER) return constant;
  const [before = '', after = ''] = template.split(MARKER);
  const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  return `\`${esc(before)}\${${constant}}${esc(after)}\``;
}

function headerKeyCode(header: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(header) ? header : JSON.stringify(header);
}

interface HeaderSite {
  readonly property: TSESTree.Property;
  readonly header: string;
  readonly template: string;
}

interface Flow {
  readonly sites: HeaderSite[];
  /** Constant declarations that only carry the secret to the headers (removed by the suggestion). */
  readonly declarations: TSESTree.VariableDeclaration[];
}

/** What the suggestions of one file may span in all, in characters (see `withinSpanBudget`). */
export const SUGGESTION_SPAN_BUDGET = 2_000_000;

export default createRule<Options, MessageIds>({
  name: 'prefer-credential-injection',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Prefer `worker.credential()` over reading an API key from `process.env` only to put it into a request header',
    },
    hasSuggestions: true,
    messages: {
      preferCredential:
        '`process.env.{{name}}` is only used to set the `{{header}}` header of requests to {{hosts}}. Declare it with `{{snippet}}` (the platform injects it into those requests, so the worker never holds the secret), drop the header here, and keep pushing the value with `ntn workers env push`.',
      declareCredential: 'Declare `{{name}}` with `{{worker}}.credential()` and drop the header.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowHosts: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Hosts whose requests may keep setting the header themselves (a `*.` prefix matches subdomains).',
          },
        },
      },
    ],
    defaultOptions: [{ allowHosts: [] }],
  },
  create(context, [options]) {
    if (!gateText(context.sourceCode).includes('env')) return {};
    const sdk = findWorkersSdk(context.filename);
    if (!sdk?.hasCredential) return {};
    const sourceCode = context.sourceCode;
    const globalScope = sourceCode.scopeManager?.globalScope;
    if (!globalScope) return {};
    const values = valueContextOf(sourceCode);
    const resolver = scopeResolver(sourceCode);
    const allowHosts = (options.allowHosts ?? []).map((h) => h.toLowerCase());
    const isAllowedHost = (host: string): boolean =>
      allowHosts.some((a) => (a.startsWith('*.') ? host.endsWith(a.slice(1)) : a === host));

    /** The value's outermost node: through `?.`, `!`, `as`, `satisfies` and a `?? "literal"` fallback. */
    function outerOf(node: Node): Node {
      let n = valueOuter(node);
      while (
        n.parent?.type === 'LogicalExpression' &&
        n.parent.left === n &&
        (n.parent.operator === '??' || n.parent.operator === '||') &&
        isStaticString(n.parent.right)
      ) {
        n = valueOuter(n.parent);
      }
      return n;
    }

    function isStaticString(node: Node): boolean {
      return (node.type === 'Literal' && typeof node.value === 'string') || (node.type === 'TemplateLiteral' && node.expressions.length === 0);
    }

    function staticText(node: Node): string | undefined {
      if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
      return undefined;
    }

    function referencesOf(declarator: TSESTree.VariableDeclarator): TSESTree.Identifier[] | undefined {
      const declaration = declarator.parent;
      if (declaration.type !== 'VariableDeclaration' || declaration.kind !== 'const') return undefined;
      // exported: other modules may send it anywhere
      if (declaration.parent?.type === 'ExportNamedDeclaration') return undefined;
      const variables = sourceCode.getDeclaredVariables(declarator);
      if (variables.length !== 1) return undefined;
      return variables[0]!.references.filter((ref) => ref.init !== true).map((ref) => ref.identifier as TSESTree.Identifier);
    }

    /** Follows the secret upward from `node` (carrying `template`) to the header properties it ends in. */
    function flowFrom(node: Node, template: string, flow: Flow, depth: number): boolean {
      if (depth > MAX_DEPTH) return false;
      const outer = outerOf(node);
      const parent = outer.parent;
      if (!parent) return false;
      switch (parent.type) {
        case 'TemplateLiteral': {
          if (parent.expressions.length !== 1) return false;
          const before = parent.quasis[0]?.value.cooked;
          const after = parent.quasis[1]?.value.cooked;
          if (before == null || after == null) return false;
          return flowFrom(parent, before + template + after, flow, depth + 1);
        }
        case 'BinaryExpression': {
          if (parent.operator !== '+') return false;
          const other = parent.left === outer ? parent.right : parent.left;
          const text = staticText(other);
          if (text === undefined) return false;
          return flowFrom(parent, parent.left === outer ? template + text : text + template, flow, depth + 1);
        }
        case 'Property': {
          if (parent.value !== outer || parent.parent.type !== 'ObjectExpression') return false;
          const header = parent.computed ? undefined : keyName(parent.key);
          if (header === undefined || !isCredentialHeader(header)) return false;
          flow.sites.push({ property: parent, header, template });
          return true;
        }
        case 'VariableDeclarator': {
          if (parent.init !== outer || parent.id.type !== 'Identifier') return false;
          const refs = referencesOf(parent);
          if (!refs || refs.length === 0) return false;
          flow.declarations.push(parent.parent as TSESTree.VariableDeclaration);
          return refs.every((ref) => flowFrom(ref, template, flow, depth + 1));
        }
        default:
          return false;
      }
    }

    /** The variables a declarator declares, by name (read once: a destructuring may declare hundreds). */
    const declared = new WeakMap<Node, Map<string, TSESLint.Scope.Variable>>();
    function declaredByName(declarator: TSESTree.VariableDeclarator): Map<string, TSESLint.Scope.Variable> {
      let byName = declared.get(declarator);
      if (!byName) {
        byName = new Map(sourceCode.getDeclaredVariables(declarator).map((v) => [v.name, v]));
        declared.set(declarator, byName);
      }
      return byName;
    }

    /** Destructured read: `const { KEY } = process.env` → the references of `KEY`. */
    function flowFromDestructure(read: EnvRead, flow: Flow): boolean {
      const property = read.node.parent;
      if (property?.type !== 'Property' || property.value.type !== 'Identifier') return false;
      const declarator = property.parent.parent;
      if (declarator?.type !== 'VariableDeclarator' || declarator.parent.type !== 'VariableDeclaration' || declarator.parent.kind !== 'const') {
        return false;
      }
      if (declarator.parent.parent?.type === 'ExportNamedDeclaration') return false;
      const variable = declaredByName(declarator).get(property.value.name);
      const refs = variable?.references.filter((ref) => ref.init !== true).map((ref) => ref.identifier as TSESTree.Identifier) ?? [];
      if (refs.length === 0 || !refs.every((ref) => flowFrom(ref, MARKER, flow, 1))) return false;
      // `const { KEY } = process.env;` alone: the suggestion removes it with the header
      if (declarator.id.type === 'ObjectPattern' && declarator.id.properties.length === 1) flow.declarations.push(declarator.parent);
      return true;
    }

    function hostOf(node: Node | undefined): string | undefined {
      if (!node) return undefined;
      const located = resolveLocatedString(node, values);
      return located ? fixedHttpsHost(located.value) : undefined;
    }

    /** The hosts of the requests an options object (or a constant holding it) is passed to. */
    function hostsOfOptions(node: Node, hosts: Set<string>, depth: number): boolean {
      if (depth > MAX_DEPTH) return false;
      const outer = outerOf(node);
      const parent = outer.parent;
      let own: string | undefined;
      if (node.type === 'ObjectExpression') {
        for (const p of node.properties) {
          if (p.type === 'Property' && !p.computed && URL_KEYS.has(keyName(p.key) ?? '')) own = hostOf(p.value);
        }
      }
      if (parent?.type === 'CallExpression' && parent.callee !== outer) {
        const index = parent.arguments.indexOf(outer as TSESTree.CallExpressionArgument);
        const host = index > 0 ? hostOf(parent.arguments[0]) : own;
        if (host === undefined) return false;
        hosts.add(host);
        return true;
      }
      if (parent?.type === 'VariableDeclarator' && parent.init === outer && parent.id.type === 'Identifier') {
        const refs = referencesOf(parent);
        return !!refs && refs.length > 0 && refs.every((ref) => hostsOfOptions(ref, hosts, depth + 1));
      }
      return false;
    }

    /** The hosts the headers object holding `site` is sent to; undefined when any is unknown. */
    function hostsOfHeaders(node: Node, hosts: Set<string>, depth: number): boolean {
      if (depth > MAX_DEPTH) return false;
      const outer = outerOf(node);
      const parent = outer.parent;
      if (!parent) return false;
      if (parent.type === 'Property' && parent.value === outer && !parent.computed && keyName(parent.key) === 'headers' && parent.parent.type === 'ObjectExpression') {
        return hostsOfOptions(parent.parent, hosts, depth + 1);
      }
      if (parent.type === 'NewExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 'Headers' && parent.arguments[0] === outer) {
        return hostsOfHeaders(parent, hosts, depth + 1);
      }
      if (parent.type === 'VariableDeclarator' && parent.init === outer && parent.id.type === 'Identifier') {
        const refs = referencesOf(parent);
        return !!refs && refs.length > 0 && refs.every((ref) => hostsOfHeaders(ref, hosts, depth + 1));
      }
      return false;
    }

    /** `const worker = new Worker()` at the top of this file, with its statement. */
    function workerDeclaration(): { name: string; statement: Node } | undefined {
      const created = getWorkerModel(context).workers[0];
      const declarator = created ? outerOf(created).parent : undefined;
      if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return undefined;
      let statement: Node = declarator.parent;
      if (statement.parent?.type === 'ExportNamedDeclaration') statement = statement.parent;
      return statement.parent?.type === 'Program' ? { name: declarator.id.name, statement } : undefined;
    }

    /**
     * How this file can name `CREDENTIAL_VALUE`, and the import edit that makes it available (`at`: where). The same
     * for every key of the file: read once.
     */
    let constantOfFile: { name: string; at?: number; fix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } | null | undefined;
    function credentialConstant(): { name: string; at?: number; fix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } | undefined {
      if (constantOfFile === undefined) constantOfFile = readCredentialConstant() ?? null;
      return constantOfFile ?? undefined;
    }
    function readCredentialConstant(): { name: string; at?: number; fix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } | undefined {
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== 'ImportDeclaration' || statement.source.value !== '@notionhq/workers' || statement.importKind === 'type') continue;
        const named = statement.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === 'ImportSpecifier');
        const existing = named.find((s) => (s.imported.type === 'Identifier' ? s.imported.name : s.imported.value) === 'CREDENTIAL_VALUE');
        if (existing) return { name: existing.local.name };
        const namespace = statement.specifiers.find((s) => s.type === 'ImportNamespaceSpecifier');
        if (namespace) return { name: `${namespace.local.name}.CREDENTIAL_VALUE` };
        const last = named[named.length - 1];
        if (last) {
          // a file that declares a `CREDENTIAL_VALUE` of its own gets the import under another name
          const local = ['CREDENTIAL_VALUE', 'WORKERS_CREDENTIAL_VALUE', 'SDK_CREDENTIAL_VALUE'].find((n) => !nameInUse(n));
          if (local === undefined) return undefined;
          const spec = local === 'CREDENTIAL_VALUE' ? local : `CREDENTIAL_VALUE as ${local}`;
          return { name: local, at: last.range[1], fix: (fixer) => fixer.insertTextAfter(last, `, ${spec}`) };
        }
      }
      return undefined;
    }

    /** Names declared anywhere in the file or read as globals, gathered once (asked once per key otherwise: n² work). */
    let namesOfFile: Set<string> | undefined;
    /** Is `name` declared anywhere in the file, or read as a global? (An added import of it would clash.) */
    function nameInUse(name: string): boolean {
      if (!namesOfFile) {
        namesOfFile = new Set();
        for (const scope of sourceCode.scopeManager!.scopes) {
          for (const declared of scope.set.keys()) namesOfFile.add(declared);
          for (const ref of scope.through) namesOfFile.add(ref.identifier.name);
        }
      }
      return namesOfFile.has(name);
    }

    /**
     * ESLint turns the edits of one suggestion into one, which copies the text between its first and last edit (the
     * worker's declaration near the top, a header far below): each suggestion costs the length it spans. The spans of
     * a file's suggestions are kept under `SUGGESTION_SPAN_BUDGET` characters in all (a file with hundreds of keys
     * would otherwise cost time and memory quadratic in its length); past it, keys are reported without one.
     */
    let spanUsed = 0;
    function withinSpanBudget(worker: { statement: Node } | undefined, constant: { at?: number } | undefined, flow: Flow): boolean {
      if (!worker) return false;
      let from = worker.statement.range[0];
      let to = worker.statement.range[1];
      if (constant?.at !== undefined) from = Math.min(from, constant.at);
      for (const node of [...flow.sites.map((s) => s.property), ...flow.declarations]) {
        from = Math.min(from, node.range[0]);
        to = Math.max(to, node.range[1]);
      }
      if (spanUsed + (to - from) > SUGGESTION_SPAN_BUDGET) return false;
      spanUsed += to - from;
      return true;
    }

    /** Credentials the file declares already (`worker.credential("KEY", …)`), by key. */
    const declaredCredentials = new Set<string>();
    function noteCredential(node: TSESTree.CallExpression): void {
      const callee = node.callee;
      const key = node.arguments[0];
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'credential') return;
      if (key?.type === 'Literal' && typeof key.value === 'string') declaredCredentials.add(key.value);
      else if (key?.type === 'TemplateLiteral' && key.expressions.length === 0) declaredCredentials.add(key.quasis[0]!.value.cooked ?? '');
    }

    function removeRange(node: Node): [number, number] {
      const next = sourceCode.getTokenAfter(node);
      if (next && next.value === ',') {
        const after = sourceCode.getTokenAfter(next, { includeComments: true });
        return [node.range[0], after ? after.range[0] : next.range[1]];
      }
      const prev = sourceCode.getTokenBefore(node);
      if (prev && prev.value === ',') return [prev.range[0], node.range[1]];
      return [node.range[0], node.range[1]];
    }

    function mergeRanges(ranges: [number, number][]): [number, number][] {
      const merged: [number, number][] = [];
      for (const range of [...ranges].sort((a, b) => a[0] - b[0])) {
        const last = merged[merged.length - 1];
        if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
        else merged.push([range[0], range[1]]);
      }
      return merged;
    }

    function removeStatementRange(node: Node): [number, number] {
      const next = sourceCode.getTokenAfter(node, { includeComments: true });
      return [node.range[0], next ? next.range[0] : node.range[1]];
    }

    /** The reads of one name, all of which must end in headers. */
    function check(name: string, reads: readonly EnvRead[]): void {
      if (classifyName(name) !== 'credential' && classifyName(name) !== 'weak-credential') return;
      if (!isDeclarableKey(name)) return;
      const flow: Flow = { sites: [], declarations: [] };
      for (const read of reads) {
        const ok = read.kind === 'member' ? flowFrom(read.node, MARKER, flow, 0) : flowFromDestructure(read, flow);
        if (!ok) return;
      }
      if (flow.sites.length === 0) return;
      const headers = new Set(flow.sites.map((s) => s.header.toLowerCase()));
      const templates = new Set(flow.sites.map((s) => s.template));
      if (headers.size !== 1 || templates.size !== 1) return;
      const hosts = new Set<string>();
      if (!flow.sites.every((site) => hostsOfHeaders(site.property.parent, hosts, 0))) return;
      if (hosts.size === 0 || [...hosts].some(isAllowedHost)) return;

      const site = flow.sites[0]!;
      // an env name, header name, host or fixed header text that holds a secret of its own (a token, or a random value the
      // header's name labels): the declaration would copy it into the code again and the message would show it, so
      // the message leaves the network part out and no rewrite is offered (no-hardcoded-secrets reports the secret)
      const fixedText = site.template.split(MARKER).join(' ');
      const holdsOwnSecret =
        holdsShownSecret(name) || holdsSecret(site.header) || [...hosts].some(holdsSecret) || holdsSecret(fixedText) || detectSecrets(fixedText, { names: [site.header] }).length > 0;
      const worker = workerDeclaration();
      const constant = credentialConstant();
      const constantName = constant?.name ?? 'CREDENTIAL_VALUE';
      const sortedHosts = [...hosts].sort();
      const network = sortedHosts
        .map((domain) => `{ domain: ${JSON.stringify(domain)}, transform: [{ headers: { ${headerKeyCode(site.header)}: ${templateCode(site.template, constantName)} } }] }`)
        .join(', ');
      const workerName = worker?.name ?? 'worker';
      const snippet = `${workerName}.credential(${JSON.stringify(name)}, { network: [${holdsOwnSecret ? '…' : network}] })`;
      const data = { name, header: site.header, hosts: sortedHosts.map((h) => `\`${h}\``).join(', '), snippet };

      const suggestable =
        !holdsOwnSecret &&
        worker !== undefined &&
        constant !== undefined &&
        // names the inserted declaration would copy: a worker or a `CREDENTIAL_VALUE` alias named after a token
        !holdsShownSecret(workerName) &&
        !holdsShownSecret(constantName) &&
        // declared already: a second declaration of the same key is no fix
        !declaredCredentials.has(name) &&
        flow.declarations.every((d) => d.declarations.length === 1 && d.parent?.type !== 'ExportNamedDeclaration') &&
        // a comment inside what the suggestion removes would be lost
        [...flow.sites.map((s) => s.property), ...flow.declarations].every((n) => sourceCode.getCommentsInside(n).length === 0) &&
        withinSpanBudget(worker, constant, flow);
      reportMasked(context, {
        node: reads[0]!.node,
        messageId: 'preferCredential',
        data,
        suggest: suggestable
          ? [
              {
                messageId: 'declareCredential',
                data: { name, worker: workerName },
                fix: (fixer) => {
                  const fixes: TSESLint.RuleFix[] = [];
                  const ranges = [
                    ...[...new Set(flow.sites.map((s) => s.property))].map(removeRange),
                    ...[...new Set(flow.declarations)].map(removeStatementRange),
                  ];
                  // two neighbouring properties of one object share the comma between them: overlapping removals
                  // are merged (ESLint rejects a suggestion whose fixes overlap)
                  for (const range of mergeRanges(ranges)) fixes.push(fixer.removeRange(range));
                  if (constant.fix) fixes.push(constant.fix(fixer));
                  const line = sourceCode.lines[worker.statement.loc.start.line - 1] ?? '';
                  const indent = /^\s*/.exec(line)?.[0] ?? '';
                  fixes.push(fixer.insertTextAfter(worker.statement, `\n${indent}${snippet};`));
                  return fixes;
                },
              },
            ]
          : [],
      });
    }

    const readsByName = new Map<string, EnvRead[]>();
    function collect(node: Node): void {
      for (const read of envReadsOf(node, resolver)) {
        const list = readsByName.get(read.name) ?? [];
        list.push(read);
        readsByName.set(read.name, list);
      }
    }

    return {
      MemberExpression: collect,
      VariableDeclarator: collect,
      AssignmentExpression: collect,
      AssignmentPattern: collect,
      CallExpression: noteCredential,
      'Program:exit'() {
        for (const [name, reads] of readsByName) check(name, reads);
      },
    };
  },
});

