/**
 * `worker-auth/no-logged-secrets`: a secret-bearing value passed to `console.*`, a logger, or an error message.
 * Secret-bearing: a `process.env` read whose name says token/secret/key/password (the detector's name classifier
 * decides), the result of `oauth.accessToken()`, an `Authorization` (or API-key) header value, and constants bound
 * to one of these, also inside templates, concatenations, objects and arrays. Only names are printed, never values.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { expressionName, keyName, propertyName, unwrapTs } from '../src/ast/strings.js';
import { createRule, reportMasked } from '../src/create-rule.js';
import { classifyName } from '../src/detect/context.js';
import { envReadsOf, isProcessEnv, scopeResolver, variableOfIdentifier, type EnvRead, type EnvReadResolver } from '../src/workers/env-reads.js';
import { gateText } from '../src/ast/gate-text.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

export type Options = [{ loggers?: string[]; checkErrors?: boolean }];
export type MessageIds = 'secretLogged' | 'secretInError';

const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'assert']);
const LOGGER_METHODS = new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice', 'critical', 'crit', 'alert', 'emerg', 'child']);
/** `log`, `logger`, `this.logger`, `this.#logger`, `ctx.log`, `appLogger`, `auditLog`, NestJS's static `Logger`, `AppLogger`. */
const LOGGER_NAME = /^_*(?:[lL]og|[lL]ogger|[A-Za-z][A-Za-z0-9]*(?:Log|Logger))$/;
/** The `debug` package: its default export makes a logging function (`createDebug("app")`, `require("debug")("app")`). */
const DEBUG_MODULES = new Set(['debug']);
const UTIL_MODULES = new Set(['util', 'node:util']);
/**
 * What a file that binds a logging function to a plain name holds (a `debug` or `debuglog` import or require, a
 * console method taken off `console`): only there is a call of a plain name looked up.
 */
const BOUND_LOGGER_HINT = /["'`]debug["'`]|debuglog|=\s*console\b|console\s*\.\s*\w+\s*\.\s*bind\b/;
/**
 * The plain names a bound logging function is looked up for (`debug`, `log`, `dbg`, `trace`, `authLog`, `printErr`…):
 * every other plain call is no log call, whatever it is bound to, and costs no lookup.
 */
const BOUND_LOGGER_NAME = /log|debug|dbg|trace|print|info|warn|err/i;
/** Header names whose value is a credential. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'apikey', 'x-auth-token', 'private-token', 'x-access-token']);
/** Calls whose result carries their argument (or receiver) as text. */
const PASS_FUNCTIONS = new Set([
  'String',
  'JSON.stringify',
  'encodeURIComponent',
  'encodeURI',
  'btoa',
  'Buffer.from',
  // copies and views of an object or a `Headers`: `Object.fromEntries(headers)`, `Object.assign({}, config)`
  'Object.fromEntries',
  'Object.assign',
  'Object.entries',
  'Object.values',
  'Array.from',
  'structuredClone',
  'util.inspect',
  'util.format',
]);
const PASS_METHODS = new Set([
  'toString',
  'trim',
  'trimStart',
  'trimEnd',
  'toUpperCase',
  'toLowerCase',
  'concat',
  'padStart',
  'padEnd',
  'valueOf',
  'normalize',
  'toJSON',
  // `[user, password].join(":")`, `headers.entries()`, `headers.values()`
  'join',
  'entries',
  'values',
]);
const ACCESS_TOKEN_METHODS = new Set(['accessToken', 'getAccessToken']);
const MAX_DEPTH = 10;

type Source =
  | { readonly kind: 'env'; readonly name: string }
  | { readonly kind: 'env-all' }
  | { readonly kind: 'access-token' }
  | { readonly kind: 'header'; readonly header: string };

interface Hit {
  /** The expression at the sink that carries the secret (what is reported). */
  readonly node: Node;
  readonly source: Source;
  /** The constant the secret was reached through, when `node` is an identifier. */
  readonly via?: string;
}

/** A name that says the value is a credential (`API_TOKEN`, `DB_PASSWORD`, `STRIPE_KEY`), per the detector. */
export function isSecretEnvName(name: string): boolean {
  const verdict = classifyName(name);
  return verdict === 'credential' || verdict === 'weak-credential';
}

function isCredentialHeader(name: string | undefined): name is string {
  return name !== undefined && CREDENTIAL_HEADERS.has(name.toLowerCase());
}

function calleeText(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') {
    const obj = calleeText(node.object);
    const prop = propertyName(node);
    return obj !== undefined && prop !== undefined ? `${obj}.${prop}` : prop;
  }
  if (node.type === 'ThisExpression') return 'this';
  return undefined;
}

function describeSource(source: Source): string {
  switch (source.kind) {
    case 'env':
      return `\`process.env.${source.name}\``;
    case 'env-all':
      return '`process.env` (every variable, secrets included)';
    case 'access-token':
      return 'an OAuth access token';
    case 'header':
      return `an \`${source.header}\` header value`;
  }
}

function describeHit(hit: Hit): string {
  const what = describeSource(hit.source);
  if (hit.via !== undefined) return `\`${hit.via}\` (it holds ${what})`;
  return what.startsWith('`') ? what : what.charAt(0).toUpperCase() + what.slice(1);
}

/** The `loggers` option as a set, made once per option list (every file of a configuration shares it). */
const loggerSets = new WeakMap<readonly string[], ReadonlySet<string>>();
const NO_LOGGERS: ReadonlySet<string> = new Set();
function loggersOf(loggers: readonly string[] | undefined): ReadonlySet<string> {
  if (!loggers || loggers.length === 0) return NO_LOGGERS;
  let set = loggerSets.get(loggers);
  if (!set) {
    set = new Set(loggers);
    loggerSets.set(loggers, set);
  }
  return set;
}

/** Words every secret-bearing source of this rule contains (env reads, tokens, credential headers). */
const SOURCE_HINT = /process|token|secret|passw|auth|api-?key|apikey|credential|private|cookie|session/i;

export default createRule<Options, MessageIds>({
  name: 'no-logged-secrets',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow tokens, API keys and `Authorization` headers in log calls and error messages',
      recommended: true,
    },
    messages: {
      secretLogged:
        '{{what}} is passed to `{{sink}}`, so the secret lands in the worker logs. Log whether it is set (`Boolean(…)`) or which variable is missing instead.',
      secretInError:
        '{{what}} is put into {{sink}}; error messages reach logs and callers. Name the variable instead of including its value.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          loggers: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More logger names: an object whose methods log (`audit` for `audit.info(…)`) or a function that logs (`debugLog`).',
          },
          checkErrors: { type: 'boolean', description: 'Also report secrets put into error messages (`new Error(…)`, `throw`).' },
        },
      },
    ],
    defaultOptions: [{ loggers: [], checkErrors: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // a file that names no secret source (env, token, header, key…) logs none: no listener at all
    if (!SOURCE_HINT.test(gateText(sourceCode))) return {};
    const extraLoggers = loggersOf(options.loggers);
    let resolver: EnvReadResolver | undefined;
    const getResolver = (): EnvReadResolver => (resolver ??= scopeResolver(sourceCode));

    const variableOf = (id: TSESTree.Identifier): Variable | undefined => variableOfIdentifier(sourceCode, id);

    function isGlobal(id: TSESTree.Identifier): boolean {
      const variable = variableOf(id);
      return !variable || variable.defs.length === 0;
    }

    /** Variables never written after their declaration, decided once each (a variable logged n times has n references). */
    // the tables below are made on first use: most files this rule runs on log no secret source at all
    let constants: WeakMap<Variable, boolean> | undefined;
    function isConstant(variable: Variable): boolean {
      let constant = (constants ??= new WeakMap()).get(variable);
      if (constant === undefined) {
        constant = variable.references.every((ref) => ref.init === true || ref.isReadOnly());
        constants.set(variable, constant);
      }
      return constant;
    }

    /** What an identifier is bound to, when it is a constant declared with an initialiser. */
    function bindingOf(id: TSESTree.Identifier): { init: Node; key?: string } | undefined {
      const variable = variableOf(id);
      if (!variable || variable.defs.length !== 1) return undefined;
      if (!isConstant(variable)) return undefined;
      const def = variable.defs[0]!;
      const declarator = def.node as Node;
      if (declarator.type !== 'VariableDeclarator' || !declarator.init) return undefined;
      if (declarator.id.type === 'Identifier') return { init: declarator.init };
      if (declarator.id.type !== 'ObjectPattern') return undefined;
      const key = patternKeysOf(declarator.id).get(def.name.range[0]);
      return key === undefined ? undefined : { init: declarator.init, key };
    }

    /**
     * The key each identifier of `pattern` is destructured from, by the identifier's start, in the pattern or one
     * nested in it (`{ env: { X } }`, 4 levels): read once per pattern, however many of its variables are logged.
     */
    let patternKeys: WeakMap<Node, Map<number, string>> | undefined;
    function patternKeysOf(pattern: TSESTree.ObjectPattern): Map<number, string> {
      let keys = (patternKeys ??= new WeakMap()).get(pattern);
      if (!keys) {
        keys = new Map();
        readPatternKeys(pattern, keys, 0);
        patternKeys.set(pattern, keys);
      }
      return keys;
    }
    function readPatternKeys(pattern: TSESTree.ObjectPattern, keys: Map<number, string>, depth: number): void {
      for (const property of pattern.properties) {
        if (property.type !== 'Property') continue;
        const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
        const key = keyName(property.key);
        if (value.type === 'Identifier' && key !== undefined && !keys.has(value.range[0])) keys.set(value.range[0], key);
        if (value.type === 'ObjectPattern' && depth < 4) readPatternKeys(value, keys, depth + 1);
      }
    }

    /** The env reads of a declaration, by name: read once per declaration, however many of its variables are logged. */
    let declarationReads: WeakMap<Node, Map<string, EnvRead>> | undefined;
    function declarationReadOf(declaration: Node, name: string): EnvRead | undefined {
      let reads = (declarationReads ??= new WeakMap()).get(declaration);
      if (!reads) {
        reads = new Map();
        for (const read of envReadsOf(declaration, getResolver())) if (!reads.has(read.name)) reads.set(read.name, read);
        declarationReads.set(declaration, reads);
      }
      return reads.get(name);
    }

    function envSource(node: Node): Source | undefined {
      const read = envReadsOf(node, getResolver())[0];
      return read && isSecretEnvName(read.name) ? { kind: 'env', name: read.name } : undefined;
    }

    /** The secret an expression carries as text, and the innermost expression that carries it. */
    function find(node: Node | null | undefined, depth: number, seen: Set<Node>): Hit | undefined {
      if (!node || depth > MAX_DEPTH || seen.has(node)) return undefined;
      seen.add(node);
      switch (node.type) {
        case 'ChainExpression':
        case 'TSNonNullExpression':
        case 'TSAsExpression':
        case 'TSSatisfiesExpression':
        case 'TSTypeAssertion':
        case 'AwaitExpression':
          return find(node.type === 'AwaitExpression' ? node.argument : node.expression, depth + 1, seen);
        case 'Identifier':
          return identifierHit(node, depth, seen);
        case 'MemberExpression': {
          if (isProcessEnv(node, getResolver())) return { node, source: { kind: 'env-all' } };
          const env = envSource(node);
          if (env) return { node, source: env };
          const name = propertyName(node);
          if (isCredentialHeader(name)) return { node, source: { kind: 'header', header: name } };
          // `config.githubToken` of `const config = { githubToken: process.env.GITHUB_TOKEN }`
          const value = name === undefined ? undefined : constantPropertyOf(node.object, name);
          const inner = value && find(value, depth + 1, seen);
          return inner ? { node, source: inner.source, via: calleeText(node) ?? name } : undefined;
        }
        case 'CallExpression':
          return callHit(node, depth, seen);
        case 'NewExpression':
          // new Headers({ Authorization: … }), new URLSearchParams({ token })
          if (node.callee.type === 'Identifier' && (node.callee.name === 'Headers' || node.callee.name === 'URLSearchParams')) {
            return firstHit(node.arguments, depth, seen);
          }
          // an error logged as a whole prints its message; with `checkErrors` on, the message is reported where the
          // error is made (once)
          if (!options.checkErrors && isErrorCallee(node.callee) !== undefined) return firstHit(node.arguments, depth, seen);
          return undefined;
        case 'TemplateLiteral':
          return firstHit(node.expressions, depth, seen);
        case 'BinaryExpression':
          return node.operator === '+' ? firstHit([node.left, node.right], depth, seen) : undefined;
        case 'LogicalExpression':
          return node.operator === '&&' ? find(node.right, depth + 1, seen) : firstHit([node.left, node.right], depth, seen);
        case 'ConditionalExpression':
          return firstHit([node.consequent, node.alternate], depth, seen);
        case 'SequenceExpression':
          return find(node.expressions[node.expressions.length - 1], depth + 1, seen);
        case 'ArrayExpression':
          return firstHit(node.elements, depth, seen);
        case 'ObjectExpression':
          return objectHit(node, depth, seen);
        default:
          return undefined;
      }
    }

    function firstHit(nodes: readonly (Node | null | undefined)[], depth: number, seen: Set<Node>): Hit | undefined {
      for (const n of nodes) {
        const hit = find(n?.type === 'SpreadElement' ? n.argument : n, depth + 1, seen);
        if (hit) return hit;
      }
      return undefined;
    }

    function objectHit(node: TSESTree.ObjectExpression, depth: number, seen: Set<Node>): Hit | undefined {
      for (const property of node.properties) {
        if (property.type === 'SpreadElement') {
          const hit = find(property.argument, depth + 1, seen);
          if (hit) return hit;
          continue;
        }
        const key = property.computed ? undefined : keyName(property.key);
        const value = property.value;
        // `{ Authorization: <a computed text> }`: the header itself is logged (not a literal, nor what only says
        // whether it is set: `token ? "[redacted]" : "none"`, `mask(token)`, `Boolean(…)`)
        if (isCredentialHeader(key)) {
          const inner = find(value, depth + 1, seen);
          if (inner) return inner;
          if (carriesText(value, 0)) return { node: value, source: { kind: 'header', header: key } };
          continue;
        }
        const hit = find(value, depth + 1, seen);
        if (hit) return hit;
      }
      return undefined;
    }

    function identifierHit(node: TSESTree.Identifier, depth: number, seen: Set<Node>): Hit | undefined {
      const binding = bindingOf(node);
      if (!binding) return undefined;
      if (binding.key !== undefined) {
        // const { API_TOKEN } = process.env; const { authorization } = req.headers
        const fromEnv = declarationReadOf(binding.init.parent as Node, binding.key);
        if (fromEnv && isSecretEnvName(fromEnv.name)) return { node, source: { kind: 'env', name: fromEnv.name }, via: node.name };
        if (isCredentialHeader(binding.key)) return { node, source: { kind: 'header', header: binding.key }, via: node.name };
        return undefined;
      }
      const inner = initHit(binding.init, depth + 1);
      return inner ? { node, source: inner.source, via: node.name } : undefined;
    }

    /**
     * What a constant's initialiser carries, walked once per depth however many times the constant is logged (the
     * walk starts its own `seen`, so its result depends on the initialiser and the depth alone).
     */
    let initHits: Map<Node, (Hit | null)[]> | undefined;
    function initHit(init: Node, depth: number): Hit | undefined {
      initHits ??= new Map();
      let byDepth = initHits.get(init);
      if (!byDepth) initHits.set(init, (byDepth = []));
      let hit = byDepth[depth];
      if (hit === undefined) {
        byDepth[depth] = null; // a cycle back to this initialiser finds nothing more
        hit = find(init, depth, new Set()) ?? null;
        byDepth[depth] = hit;
      }
      return hit ?? undefined;
    }

    function callHit(node: TSESTree.CallExpression, depth: number, seen: Set<Node>): Hit | undefined {
      const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
      if (callee.type === 'MemberExpression') {
        const method = propertyName(callee);
        if (method !== undefined && ACCESS_TOKEN_METHODS.has(method) && node.arguments.length === 0) return { node, source: { kind: 'access-token' } };
        // headers.get("Authorization")
        const first = node.arguments[0];
        if (method === 'get' && first?.type === 'Literal' && typeof first.value === 'string' && isCredentialHeader(first.value)) {
          return { node, source: { kind: 'header', header: first.value } };
        }
        if (method !== undefined && PASS_METHODS.has(method)) return firstHit([callee.object, ...node.arguments], depth, seen);
      }
      // getAccessToken(): an imported or local helper that returns the token
      if (callee.type === 'Identifier' && ACCESS_TOKEN_METHODS.has(callee.name) && node.arguments.length === 0) return { node, source: { kind: 'access-token' } };
      const name = calleeText(callee);
      if (name !== undefined && PASS_FUNCTIONS.has(name)) return firstHit(node.arguments, depth, seen);
      if (!options.checkErrors && isErrorCallee(callee) !== undefined) return firstHit(node.arguments, depth, seen);
      return undefined;
    }

    /**
     * Whether a header value may be the credential's text: not a literal, not a call that is not a carrier
     * (`mask(x)`, `Boolean(x)`), not a test (`!x`, `typeof x`, `a === b`), and for a choice, one of its branches.
     */
    function carriesText(node: Node, depth: number): boolean {
      if (depth > MAX_DEPTH) return false;
      switch (node.type) {
        case 'Literal':
        case 'UnaryExpression':
        case 'UpdateExpression':
        case 'ArrowFunctionExpression':
        case 'FunctionExpression':
        case 'ObjectExpression':
        case 'ArrayExpression':
        case 'ClassExpression':
          return false;
        case 'TemplateLiteral':
          return node.expressions.some((e) => carriesText(e, depth + 1));
        case 'BinaryExpression':
          return node.operator === '+' && (carriesText(node.left, depth + 1) || carriesText(node.right, depth + 1));
        case 'LogicalExpression':
          return node.operator === '&&' ? carriesText(node.right, depth + 1) : carriesText(node.left, depth + 1) || carriesText(node.right, depth + 1);
        case 'ConditionalExpression':
          return carriesText(node.consequent, depth + 1) || carriesText(node.alternate, depth + 1);
        case 'ChainExpression':
        case 'TSNonNullExpression':
        case 'TSAsExpression':
        case 'TSSatisfiesExpression':
        case 'TSTypeAssertion':
          return carriesText(node.expression, depth + 1);
        case 'AwaitExpression':
          return carriesText(node.argument, depth + 1);
        case 'CallExpression': {
          const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
          if (callee.type === 'MemberExpression') {
            const method = propertyName(callee);
            if (method !== undefined && PASS_METHODS.has(method)) return carriesText(callee.object, depth + 1);
          }
          const name = calleeText(callee);
          return name !== undefined && PASS_FUNCTIONS.has(name) && node.arguments.some((a) => a.type !== 'SpreadElement' && carriesText(a, depth + 1));
        }
        default:
          return true;
      }
    }

    /** The value of property `key` of a constant bound to an object literal (the last one written, no spread after it). */
    function constantPropertyOf(object: Node, key: string): Node | undefined {
      if (object.type !== 'Identifier') return undefined;
      const binding = bindingOf(object);
      if (!binding || binding.key !== undefined || binding.init.type !== 'ObjectExpression') return undefined;
      const properties = binding.init.properties;
      for (let i = properties.length - 1; i >= 0; i--) {
        const property = properties[i]!;
        if (property.type === 'SpreadElement') return undefined;
        if (!property.computed && keyName(property.key) === key) return property.value;
      }
      return undefined;
    }

    /** `console.log`, `logger.info`, `process.stdout.write`… as the message names it; undefined when not a sink. */
    function logSink(callee: Node): string | undefined {
      if (callee.type === 'Identifier') return extraLoggers.has(callee.name) ? callee.name : boundLogger(callee);
      if (callee.type !== 'MemberExpression') return undefined;
      const method = propertyName(callee);
      // a logging function of the `loggers` option called as a method (`helpers.debugLog(…)`)
      if (method !== undefined && extraLoggers.has(method)) return calleeText(callee) ?? method;
      // most calls are not logging: decide on the method name before anything builds a name or looks up a scope
      if (method === undefined || !(LOGGER_METHODS.has(method) || CONSOLE_METHODS.has(method) || method === 'write')) return undefined;
      const object = callee.object;
      if (CONSOLE_METHODS.has(method) && isGlobalConsole(object)) return `console.${method}`;
      if (method === 'write') {
        const text = calleeText(callee);
        return text === 'process.stdout.write' || text === 'process.stderr.write' ? text : undefined;
      }
      const objectName = loggerObjectName(object);
      if (objectName === undefined) return undefined;
      if ((LOGGER_NAME.test(objectName) || extraLoggers.has(objectName)) && LOGGER_METHODS.has(method) && method !== 'child') {
        return `${objectName}.${method}`;
      }
      return undefined;
    }

    /** Does the file bind a logging function to a plain name (`BOUND_LOGGER_HINT`)? Asked once, on the first plain call named like a logger. */
    let mayBindLogger: boolean | undefined;

    /**
     * A plain name bound, in a constant, to a function that logs: a `debug` instance (`const debug =
     * createDebug("app")`, `require("debug")("app")`, `debug.extend("auth")`), `util.debuglog("app")`, or a console
     * method taken off the global `console` (`const { log } = console`, `console.log.bind(console)`). The sink as the
     * message names it; undefined for anything else.
     */
    function boundLogger(id: TSESTree.Identifier, depth = 0): string | undefined {
      // the name first (a debug instance extended from is any name: `base.extend("auth")`), then the file's text
      if (depth > 4 || (depth === 0 && !BOUND_LOGGER_NAME.test(id.name)) || !(mayBindLogger ??= BOUND_LOGGER_HINT.test(gateText(sourceCode)))) return undefined;
      const binding = bindingOf(id);
      if (!binding) return undefined;
      const init = unwrapTs(binding.init);
      // `const { log, error: logError } = console`
      if (binding.key !== undefined) return CONSOLE_METHODS.has(binding.key) && isGlobalConsole(init) ? `console.${binding.key}` : undefined;
      if (init.type !== 'CallExpression') return undefined;
      const callee = unwrapTs(init.callee);
      // `console.log.bind(console)`
      if (callee.type === 'MemberExpression' && propertyName(callee) === 'bind') {
        const method = unwrapTs(callee.object);
        if (method.type !== 'MemberExpression') return undefined;
        const name = propertyName(method);
        return name !== undefined && CONSOLE_METHODS.has(name) && isGlobalConsole(unwrapTs(method.object)) ? `console.${name}` : undefined;
      }
      // `require("debug")("app")`, `createDebug("app")` of the `debug` package, `util.debuglog("app")`
      if (isDebugFactory(callee) || isDebuglog(callee)) return id.name;
      // `debug.extend("auth")` of a `debug` instance
      if (callee.type === 'MemberExpression' && propertyName(callee) === 'extend') {
        const parent = unwrapTs(callee.object);
        return parent.type === 'Identifier' && boundLogger(parent, depth + 1) !== undefined ? id.name : undefined;
      }
      return undefined;
    }

    /** The global `console` (not a local of that name). */
    function isGlobalConsole(node: Node): boolean {
      return node.type === 'Identifier' && node.name === 'console' && isGlobal(node);
    }

    /** The `debug` package's factory: `require("debug")`, or a name bound to its default export or to that call. */
    function isDebugFactory(node: Node): boolean {
      // constants bound to each other (`const a = b`) are followed a few steps, never round a cycle
      return isModuleValue(node, DEBUG_MODULES, 4);
    }

    /**
     * One of `modules` as a value: `require("<module>")`, or a name bound to its default or namespace import, or (up to
     * `steps` constants deep) to such a value.
     */
    function isModuleValue(node: Node, modules: ReadonlySet<string>, steps: number): boolean {
      const required = requiredModule(node);
      if (required !== undefined) return modules.has(required);
      if (node.type !== 'Identifier' || steps < 0) return false;
      const imported = importOf(node);
      if (imported) return modules.has(imported.module) && (imported.name === 'default' || imported.name === '*');
      const binding = bindingOf(node);
      return binding !== undefined && binding.key === undefined && isModuleValue(unwrapTs(binding.init), modules, steps - 1);
    }

    /** `util.debuglog` (`util` imported or required from `node:util`), or `debuglog` imported or destructured from it. */
    function isDebuglog(node: Node): boolean {
      // `util` itself, or a constant bound right to its `require`
      if (node.type === 'MemberExpression') return propertyName(node) === 'debuglog' && isModuleValue(unwrapTs(node.object), UTIL_MODULES, 0);
      if (node.type !== 'Identifier') return false;
      const imported = importOf(node);
      if (imported) return UTIL_MODULES.has(imported.module) && imported.name === 'debuglog';
      // `const { debuglog } = require("node:util")`
      const binding = bindingOf(node);
      const module = binding?.key === 'debuglog' ? requiredModule(unwrapTs(binding.init)) : undefined;
      return module !== undefined && UTIL_MODULES.has(module);
    }

    /**
     * The module and export an imported name is bound to (`'default'`, `'*'` for a namespace or TypeScript's `import x =
     * require("…")`, or the export's name).
     */
    function importOf(id: TSESTree.Identifier): { module: string; name: string } | undefined {
      const variable = variableOf(id);
      const def = variable?.defs.length === 1 ? variable.defs[0]! : undefined;
      if (!def || String(def.type) !== 'ImportBinding') return undefined;
      const declaration = def.parent as Node | null;
      const spec = def.node as Node;
      if (spec.type === 'TSImportEqualsDeclaration') {
        const reference = spec.moduleReference;
        return reference.type === 'TSExternalModuleReference' && reference.expression.type === 'Literal' && typeof reference.expression.value === 'string'
          ? { module: reference.expression.value, name: '*' }
          : undefined;
      }
      if (declaration?.type !== 'ImportDeclaration') return undefined;
      const module = String(declaration.source.value);
      if (spec.type === 'ImportDefaultSpecifier') return { module, name: 'default' };
      if (spec.type === 'ImportNamespaceSpecifier') return { module, name: '*' };
      if (spec.type === 'ImportSpecifier') return { module, name: spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value) };
      return undefined;
    }

    /** `require("<module>")` of the global `require`: the module's name. */
    function requiredModule(node: Node): string | undefined {
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
      const arg = node.arguments[0];
      return arg?.type === 'Literal' && typeof arg.value === 'string' && isGlobal(node.callee) ? arg.value : undefined;
    }

    /** The name of a logger object: `logger`, `this.#logger`, and a child of one (`logger.child({ … })`). */
    function loggerObjectName(object: Node): string | undefined {
      const inner = object.type === 'ChainExpression' ? object.expression : object;
      if (inner.type === 'CallExpression' && inner.callee.type === 'MemberExpression' && propertyName(inner.callee) === 'child') {
        const parent = expressionName(inner.callee.object);
        return parent !== undefined && (LOGGER_NAME.test(parent) || extraLoggers.has(parent)) ? parent : undefined;
      }
      return expressionName(inner);
    }

    function isErrorCallee(callee: Node): string | undefined {
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
      return name !== undefined && name.endsWith("Error") && /^(?:[A-Z][A-Za-z0-9]*)?Error$/.test(name) ? name : undefined;
    }

    function checkArguments(args: readonly Node[], report: (hit: Hit) => void): void {
      for (const arg of args) {
        const hit = find(arg.type === 'SpreadElement' ? arg.argument : arg, 0, new Set());
        if (hit) report(hit);
      }
    }

    return {
      CallExpression(node) {
        const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
        const sink = logSink(callee);
        if (sink !== undefined) {
          // console.assert(condition, …data): the condition is not printed
          const args = sink === 'console.assert' ? node.arguments.slice(1) : node.arguments;
          checkArguments(args, (hit) => reportMasked(context, { node: hit.node, messageId: 'secretLogged', data: { what: describeHit(hit), sink } }));
          return;
        }
        if (!options.checkErrors) return;
        const error = isErrorCallee(callee);
        if (error !== undefined) {
          checkArguments(node.arguments, (hit) =>
            reportMasked(context, { node: hit.node, messageId: 'secretInError', data: { what: describeHit(hit), sink: `the message of \`${error}()\`` } }),
          );
        }
      },
      NewExpression(node) {
        if (!options.checkErrors) return;
        const error = isErrorCallee(node.callee);
        if (error === undefined) return;
        checkArguments(node.arguments, (hit) =>
          reportMasked(context, { node: hit.node, messageId: 'secretInError', data: { what: describeHit(hit), sink: `the message of \`new ${error}()\`` } }),
        );
      },
      ThrowStatement(node) {
        if (!options.checkErrors) return;
        const arg = node.argument;
        // `throw new Error(…)` and `throw makeError(…)`-style error calls are checked where the error is made; a thrown
        // string, object or constant bound to one is the message itself (a constant bound to `new Error(…)` carries
        // nothing here: the construction was checked)
        if (arg.type === 'NewExpression' || (arg.type === 'CallExpression' && isErrorCallee(arg.callee) !== undefined)) return;
        checkArguments([arg], (hit) => reportMasked(context, { node: hit.node, messageId: 'secretInError', data: { what: describeHit(hit), sink: 'a thrown value' } }));
      },
    };
  },
});
