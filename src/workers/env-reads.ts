/**
 * Every `process.env` read of a file, with the name it reads and where it is written:
 *
 * - `process.env.X`, `process.env?.X`, `process?.env?.X`, `globalThis.process.env.X`
 * - `process.env["X"]`, ``process.env[`X`]``, `process.env[KEY]` with a constant `KEY`
 * - `const { X, Y: y, Z = "d" } = process.env` (and the same in an assignment or a parameter default), and
 *   `const { env: { X } } = process`
 * - through an alias: `const env = process.env`, `const { env } = process`, `import { env } from "node:process"`,
 *   the `process` module by another name (`import proc from "node:process"`, `import * as p from …`, `const p = process`)
 *   or `require`d
 *
 * Writes (`process.env.X = …`, `delete process.env.X`, `??=`) and dynamic keys are not reads of a known name.
 * Two resolvers: the rules use ESLint's scope analysis (a local variable named `process` is not Node's), the
 * codemod a syntactic one (no scope manager there).
 */
import { findVariable, getStaticValue } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { keyName, propertyName, unwrapTs } from '../ast/strings.js';

type Node = TSESTree.Node;

export interface EnvRead {
  /** The variable name read. */
  readonly name: string;
  /** What to report: the member expression, or the key of the destructured property. */
  readonly node: Node;
  readonly kind: 'member' | 'destructure';
}

/** Answers the questions that need scope analysis (or an approximation of it). */
export interface EnvReadResolver {
  /** `id` (named `process`) is Node's `process`, not a local variable. */
  isProcess(id: TSESTree.Identifier): boolean;
  /** `id` (of another name) is the `process` module: `import proc from "node:process"`, `import * as p from …`, `const p = require("process")`. */
  isProcessModule(id: TSESTree.Identifier): boolean;
  /** `id` is a constant bound to `process.env`. */
  isEnvAlias(id: TSESTree.Identifier): boolean;
  /** The constant string a computed key holds. */
  constString(node: Node): string | undefined;
}

const PROCESS_MODULES = new Set(['process', 'node:process']);

function memberKeyName(node: TSESTree.MemberExpression, resolver: EnvReadResolver): string | undefined {
  const direct = propertyName(node);
  if (direct !== undefined) return direct;
  if (!node.computed) return undefined;
  return resolver.constString(node.property);
}

/** `process` (Node's), `globalThis.process`, `global.process`, the `process` module by another name or `require`d. */
function isProcessObject(node: Node, resolver: EnvReadResolver): boolean {
  const n = unwrapTs(node);
  if (n.type === 'Identifier') return n.name === 'process' ? resolver.isProcess(n) : resolver.isProcessModule(n);
  if (n.type === 'CallExpression') return PROCESS_MODULES.has(requireOf(n) ?? '');
  if (n.type === 'MemberExpression' && propertyName(n) === 'process') {
    const obj = unwrapTs(n.object);
    return obj.type === 'Identifier' && (obj.name === 'globalThis' || obj.name === 'global') && resolver.isProcess(obj);
  }
  return false;
}

/** `process.env` itself, or a constant alias of it. */
export function isProcessEnv(node: Node, resolver: EnvReadResolver): boolean {
  const n = unwrapTs(node);
  if (n.type === 'Identifier') return resolver.isEnvAlias(n);
  return n.type === 'MemberExpression' && propertyName(n) === 'env' && isProcessObject(n.object, resolver);
}

/** The outermost node that stands for the same value (`a?.b` inside its ChainExpression, `x!`, `x as T`). */
export function valueOuter(node: Node): Node {
  let n = node;
  while (
    n.parent &&
    (n.parent.type === 'ChainExpression' ||
      n.parent.type === 'TSNonNullExpression' ||
      n.parent.type === 'TSAsExpression' ||
      n.parent.type === 'TSSatisfiesExpression' ||
      n.parent.type === 'TSTypeAssertion')
  ) {
    n = n.parent;
  }
  return n;
}

/** Written to, deleted, or `??=`'d: not a plain read. */
function isWriteTarget(node: Node): boolean {
  const outer = valueOuter(node);
  const parent = outer.parent;
  if (!parent) return false;
  if (parent.type === 'AssignmentExpression' && parent.left === outer) return true;
  if (parent.type === 'UpdateExpression') return true;
  if (parent.type === 'UnaryExpression' && parent.operator === 'delete') return true;
  return false;
}

function patternReads(pattern: TSESTree.ObjectPattern, resolver: EnvReadResolver, out: EnvRead[]): void {
  for (const property of pattern.properties) {
    if (property.type !== 'Property') continue;
    const name = property.computed ? resolver.constString(property.key) : keyName(property.key);
    if (name === undefined) continue;
    out.push({ name, node: property.key, kind: 'destructure' });
  }
}

/** The env read `node` is, if any (a `process.env` member read, or a destructuring of `process.env`). */
export function envReadsOf(node: Node, resolver: EnvReadResolver): EnvRead[] {
  const out: EnvRead[] = [];
  if (node.type === 'MemberExpression') {
    if (!isProcessEnv(node.object, resolver) || isWriteTarget(node)) return out;
    const name = memberKeyName(node, resolver);
    if (name !== undefined) out.push({ name, node, kind: 'member' });
  } else if (node.type === 'VariableDeclarator') {
    if (node.id.type === 'ObjectPattern' && node.init) destructuringReads(node.id, node.init, resolver, out);
  } else if (node.type === 'AssignmentExpression') {
    if (node.left.type === 'ObjectPattern' && node.operator === '=') destructuringReads(node.left, node.right, resolver, out);
  } else if (node.type === 'AssignmentPattern') {
    if (node.left.type === 'ObjectPattern') destructuringReads(node.left, node.right, resolver, out);
  }
  return out;
}

/** `{ X } = process.env`, and `{ env: { X } } = process` (the `env` property of `process` destructured in turn). */
function destructuringReads(pattern: TSESTree.ObjectPattern, source: Node, resolver: EnvReadResolver, out: EnvRead[]): void {
  if (isProcessEnv(source, resolver)) {
    patternReads(pattern, resolver, out);
    return;
  }
  if (!isProcessObject(source, resolver)) return;
  for (const property of pattern.properties) {
    if (property.type !== 'Property' || property.computed || keyName(property.key) !== 'env') continue;
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (value.type === 'ObjectPattern') patternReads(value, resolver, out);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Resolvers
// ---------------------------------------------------------------------------------------------------------------

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

const findVariableImpl = findVariable as unknown as (scope: Scope, name: string) => Variable | null;
const getStaticValueImpl = getStaticValue as unknown as (node: Node, scope: Scope) => { value: unknown } | null;

/** An import of `process` / `node:process`: its default or namespace (`'default'`), or its `env` export. */
export function isProcessImport(def: TSESLint.Scope.Definition, imported: 'default' | 'env'): boolean {
  if (String(def.type) !== 'ImportBinding') return false;
  const declaration = def.parent as Node | null;
  if (declaration?.type !== 'ImportDeclaration' || !PROCESS_MODULES.has(String(declaration.source.value))) return false;
  const spec = def.node as Node;
  if (imported === 'default') return spec.type === 'ImportDefaultSpecifier' || spec.type === 'ImportNamespaceSpecifier';
  return spec.type === 'ImportSpecifier' && (spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value) === 'env';
}

/** A `const`, or a `let`/`var` that is never written after its initialiser. */
function isConstLike(variable: Variable): boolean {
  return variable.references.every((ref) => ref.init === true || ref.isReadOnly());
}

function requireOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrapTs(node);
  if (n.type !== 'CallExpression' || n.callee.type !== 'Identifier' || n.callee.name !== 'require') return undefined;
  const arg = n.arguments[0];
  return arg?.type === 'Literal' && typeof arg.value === 'string' ? arg.value : undefined;
}

/** The variable an identifier refers to (undefined for an undeclared name or when the lookup fails). */
export function variableOfIdentifier(sourceCode: Readonly<TSESLint.SourceCode>, id: TSESTree.Identifier): Variable | undefined {
  try {
    // by name from the identifier's own (innermost) scope: given the node, `findVariable` would first look through
    // every child scope for one holding it, which is time quadratic in a file with thousands of functions
    return findVariableImpl(sourceCode.getScope(id), id.name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Scope-aware answers for a rule: `sourceCode.getScope(node)` gives the scope of each identifier. */
export function scopeResolver(sourceCode: Readonly<TSESLint.SourceCode>): EnvReadResolver {
  const scopeOf = (node: Node): Scope => sourceCode.getScope(node);
  const variableOf = (id: TSESTree.Identifier): Variable | undefined => variableOfIdentifier(sourceCode, id);
  function isAliasVariable(variable: Variable, id: TSESTree.Identifier): boolean {
    if (variable.defs.length !== 1 || !isConstLike(variable)) return false;
    const def = variable.defs[0]!;
    if (isProcessImport(def, 'env')) return true;
    if (def.node.type !== 'VariableDeclarator' || !def.node.init) return false;
    const declarator = def.node;
    const init = declarator.init!;
    if (declarator.id.type === 'Identifier') {
      // one level only: `const env = process.env`
      const n = unwrapTs(init);
      return n.type === 'MemberExpression' && propertyName(n) === 'env' && isProcessObject(n.object, resolver);
    }
    // `const { env } = process`, `const { env } = require("node:process")`
    if (declarator.id.type === 'ObjectPattern' && (isProcessObject(init, resolver) || PROCESS_MODULES.has(requireOf(init) ?? ''))) {
      return declarator.id.properties.some(
        (p) => p.type === 'Property' && keyName(p.key) === 'env' && p.value.type === 'Identifier' && p.value.name === id.name,
      );
    }
    return false;
  }
  const aliasOf = new WeakMap<Variable, boolean>();
  const resolver: EnvReadResolver = {
    isProcess(id) {
      const variable = variableOf(id);
      // undeclared, or a global from the config (`globals.node`)
      if (!variable || variable.defs.length === 0) return true;
      const def = variable.defs[0]!;
      if (variable.defs.length === 1 && isProcessImport(def, 'default')) return true;
      // `const process = require("node:process")`
      return variable.defs.length === 1 && def.node.type === 'VariableDeclarator' && def.node.id.type === 'Identifier' && PROCESS_MODULES.has(requireOf(def.node.init) ?? '');
    },
    isProcessModule(id) {
      const variable = variableOf(id);
      if (!variable || variable.defs.length !== 1) return false;
      const def = variable.defs[0]!;
      if (isProcessImport(def, 'default')) return true;
      if (def.node.type !== 'VariableDeclarator' || def.node.id.type !== 'Identifier' || !isConstLike(variable)) return false;
      // `const p = require("node:process")`, `const p = process`
      const init = def.node.init ? unwrapTs(def.node.init) : undefined;
      if (init?.type === 'Identifier' && init.name === 'process') return resolver.isProcess(init);
      return PROCESS_MODULES.has(requireOf(def.node.init) ?? '');
    },
    isEnvAlias(id) {
      const variable = variableOf(id);
      if (!variable) return false;
      let alias = aliasOf.get(variable);
      if (alias === undefined) {
        alias = isAliasVariable(variable, id);
        aliasOf.set(variable, alias);
      }
      return alias;
    },
    constString(node) {
      try {
        const value = getStaticValueImpl(node, scopeOf(node))?.value;
        return typeof value === 'string' ? value : undefined;
      } catch {
        return undefined;
      }
    },
  };
  return resolver;
}

/** Calls `visit` on every node of the tree (children before the next sibling, source order). */
export function walk(root: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children: Node[] = [];
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push(item);
      } else if (isNode(value)) {
        children.push(value);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Is a property value of a node a child node (an object with a `type`)? */
export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Name-based answers for the codemod (an AST without scope analysis): `process` is Node's unless the file declares
 * a variable of that name other than an import of `node:process`; aliases and constant keys are matched by name
 * over the whole file.
 */
export function syntacticResolver(program: TSESTree.Program): EnvReadResolver {
  const localProcess = { shadowed: false };
  const aliases = new Set<string>();
  /** other names of the `process` module (`import proc from "node:process"`, `const p = require("process")`, `const p = process`) */
  const processNames = new Set<string>();
  const strings = new Map<string, string | null>();
  const resolver: EnvReadResolver = {
    isProcess: () => !localProcess.shadowed,
    isProcessModule: (id) => processNames.has(id.name),
    isEnvAlias: (id) => aliases.has(id.name),
    constString(node) {
      const n = unwrapTs(node);
      if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
      if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
      if (n.type === 'Identifier') return strings.get(n.name) ?? undefined;
      return undefined;
    },
  };
  walk(program, (node) => {
    if (node.type === 'ImportDeclaration' && PROCESS_MODULES.has(String(node.source.value))) {
      for (const spec of node.specifiers) {
        if (spec.type === 'ImportSpecifier' && (spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value) === 'env') aliases.add(spec.local.name);
        if ((spec.type === 'ImportDefaultSpecifier' || spec.type === 'ImportNamespaceSpecifier') && spec.local.name !== 'process') processNames.add(spec.local.name);
      }
      return;
    }
    if (node.type === 'VariableDeclarator') {
      if (node.id.type === 'Identifier') {
        if (node.id.name === 'process' && !PROCESS_MODULES.has(requireOf(node.init) ?? '')) localProcess.shadowed = true;
        const init = node.init ? unwrapTs(node.init) : undefined;
        if (node.id.name !== 'process' && (PROCESS_MODULES.has(requireOf(node.init) ?? '') || (init?.type === 'Identifier' && init.name === 'process'))) processNames.add(node.id.name);
        if (init?.type === 'Literal' && typeof init.value === 'string') {
          // the same name bound twice to different strings: unknown
          strings.set(node.id.name, strings.has(node.id.name) && strings.get(node.id.name) !== init.value ? null : init.value);
        }
      }
      return;
    }
    if ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') && node.params.some((p) => p.type === 'Identifier' && p.name === 'process')) {
      localProcess.shadowed = true;
    }
  });
  // aliases need `isProcess`, known only after the first pass
  walk(program, (node) => {
    if (node.type !== 'VariableDeclarator' || !node.init) return;
    const init = unwrapTs(node.init);
    if (node.id.type === 'Identifier' && init.type === 'MemberExpression' && propertyName(init) === 'env' && isProcessObject(init.object, resolver)) {
      aliases.add(node.id.name);
    } else if (node.id.type === 'ObjectPattern' && (isProcessObject(init, resolver) || PROCESS_MODULES.has(requireOf(init) ?? ''))) {
      for (const p of node.id.properties) {
        if (p.type === 'Property' && keyName(p.key) === 'env' && p.value.type === 'Identifier') aliases.add(p.value.name);
      }
    }
  });
  return resolver;
}

/** Every env read of a whole program, in source order. */
export function collectEnvReads(program: TSESTree.Program, resolver: EnvReadResolver = syntacticResolver(program)): EnvRead[] {
  const reads: EnvRead[] = [];
  walk(program, (node) => {
    if (node.type === 'MemberExpression' || node.type === 'VariableDeclarator' || node.type === 'AssignmentExpression' || node.type === 'AssignmentPattern') {
      reads.push(...envReadsOf(node, resolver));
    }
  });
  return reads.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** Variables the runtime or the tooling sets, never listed in `.env.example`. */
export const RUNTIME_ENV_NAMES: readonly string[] = [
  'NODE_ENV',
  'CI',
  'TZ',
  'HOME',
  'PATH',
  'PWD',
  'USER',
  'SHELL',
  'TMPDIR',
  'LANG',
  'NODE_OPTIONS',
  'NODE_DEBUG',
  // set by the Notion Workers runtime for each run
  'NOTION_INPUT_PAYLOAD_PATH',
  'NOTION_RUN_METADATA_PATH',
];

/** `NAME` matches an entry of `allow` (exact, or a `PREFIX_*` entry). */
export function isAllowedName(name: string, allow: readonly string[]): boolean {
  return allow.some((entry) => (entry.endsWith('*') ? name.startsWith(entry.slice(0, -1)) : entry === name));
}
