/**
 * Static values of OAuth configuration, with the source location of every character.
 *
 * `getStaticValue` (eslint-utils) answers "what is the value"; the rules also need "where was each part written",
 * so that a broad scope inside `["repo", "user"]`, `SCOPES.join(" ")` or a template literal is reported at its own
 * columns. This module resolves the shapes worker code uses — inline objects, consts, spreads of const objects,
 * member reads of const objects, enum members and namespace consts, string literals, template literals, `+`
 * concatenations, arrays and `.join()` — and falls back to `getStaticValue` (value known, location = the whole
 * expression) for anything else it can evaluate. Values are followed through at most MAX_DEPTH consts.
 *
 * Anything computed at run time, imported from another module, a computed key or a spread of an unknown object
 * yields `undefined` (or a hole, see `HOLE`): callers report nothing for it. Nothing here throws on odd input.
 */
import { findVariable as esFindVariable, getStaticValue as esGetStaticValue } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { cookedToSourceOffsets, getEnvReadName, keyName, propertyName } from '../ast/strings.js';
import { isNode, isProcessImport } from './env-reads.js';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

/** Where values are looked up: the file's global scope, and the innermost scope of each node. */
export interface ValueContext {
  readonly globalScope: Scope;
  /** The innermost scope of a node (`sourceCode.getScope`): identifiers are looked up by name from it. */
  readonly scopeOf: (node: Node) => Scope;
  readonly sourceText: string;
}

/** The value context of a file (its global scope is null when the parser gave no scope manager). */
export function valueContextOf(sourceCode: Readonly<TSESLint.SourceCode>): ValueContext {
  return {
    globalScope: sourceCode.scopeManager?.globalScope as unknown as Scope,
    scopeOf: (node) => sourceCode.getScope(node),
    sourceText: sourceCode.text,
  };
}

/** Stands for a part of a string that is only known at run time (an unresolvable `${expr}` or `+ expr`). */
export const HOLE = '\u0000';

/**
 * How many consts a value is followed through (`const ALL = [...REPOS, "gist"]`, `const REPOS = [...IDENTITY, "repo"]`…;
 * a member of a const object, an enum member and a namespace's const count as one each): a value further away is
 * treated as unknown. Only these hops count, not the arrays, spreads, templates or wrappers around them.
 */
const MAX_DEPTH = 12;
/**
 * How many resolutions may be in progress inside one another (a spread in an array in a conditional, a const…): this
 * bounds the stack, as the memos bound the work. A value nested deeper is treated as unknown.
 */
const MAX_NESTING = 64;
/** Strings longer than this are not mapped character by character (no scope string is that long)… */
const MAX_LOCATED_LENGTH = 20_000;
/** …and lists of more strings than this are not read (no scope list is that long). */
const MAX_LIST_ITEMS = 10_000;

const findVariableImpl = esFindVariable as unknown as (scope: Scope, name: string) => Variable | null;
const getStaticValueImpl = esGetStaticValue as unknown as (node: Node, scope: Scope) => { value: unknown } | null;

/** The variable an identifier refers to, or undefined. */
export function findVariable(ctx: ValueContext, id: TSESTree.Identifier): Variable | undefined {
  try {
    // by name from the innermost scope: given the node, `findVariable` first looks through the child scopes at
    // each level for the one holding the identifier (linear in their number, per lookup)
    return findVariableImpl(ctx.scopeOf(id), id.name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Marks a node whose resolution is in progress: reached again, it is a const that reads itself (unknown). */
const IN_PROGRESS = Symbol('in progress');

/**
 * A resolved node. `cutAt` is the depth it was resolved at when a bound (MAX_DEPTH, MAX_NESTING) left part of it
 * unknown: reached again with fewer consts behind it, it is resolved again (at most MAX_DEPTH + 1 times).
 */
interface Resolved<T> {
  readonly value: T;
  readonly cutAt?: number;
}
type MemoTable<T> = WeakMap<Node, Resolved<T> | typeof IN_PROGRESS>;

/** Per file (value context): what was resolved already, and how large each const's value is once expanded. */
interface Memo {
  readonly strings: MemoTable<LocatedString | undefined>;
  readonly lists: MemoTable<LocatedString[] | undefined>;
  readonly objects: MemoTable<ObjectView | undefined>;
  readonly credentials: MemoTable<CredentialValue>;
  /** Enum and namespace declarations → their members (see `membersOf`). */
  readonly members: WeakMap<Node, Map<string, Node[]>>;
  readonly sizes: Map<Variable, number>;
}
const memos = new WeakMap<ValueContext, Memo>();
function memoOf(ctx: ValueContext): Memo {
  let memo = memos.get(ctx);
  if (!memo) {
    memo = { strings: new WeakMap(), lists: new WeakMap(), objects: new WeakMap(), credentials: new WeakMap(), members: new WeakMap(), sizes: new Map() };
    memos.set(ctx, memo);
  }
  return memo;
}

/** Resolutions in progress, one inside the other (see MAX_NESTING). */
let nesting = 0;
/** How many times a bound has cut a resolution short so far: a resolution that saw it grow is incomplete. */
let cuts = 0;

/** True when `depth` consts are already behind the value (see MAX_DEPTH): it is then unknown. */
function beyond(depth: number): boolean {
  if (depth <= MAX_DEPTH) return false;
  cuts += 1;
  return true;
}

/**
 * `resolve()` for `node`, once per file: a const read by many values (or many times by one) is resolved once, and a
 * node that reads itself gives `unknown`. Also where the stack is bounded (MAX_NESTING).
 */
function memoised<T>(table: MemoTable<T>, node: Node, depth: number, unknown: T, resolve: () => T): T {
  const known = table.get(node);
  if (known === IN_PROGRESS) return unknown;
  if (known && (known.cutAt === undefined || depth >= known.cutAt)) {
    // part of it is unknown: so is part of what reads it
    if (known.cutAt !== undefined) cuts += 1;
    return known.value;
  }
  if (nesting >= MAX_NESTING) {
    cuts += 1;
    return unknown;
  }
  table.set(node, IN_PROGRESS);
  const before = cuts;
  nesting += 1;
  let value: T;
  try {
    value = resolve();
  } finally {
    nesting -= 1;
  }
  table.set(node, cuts === before ? { value } : { value, cutAt: depth });
  return value;
}

/**
 * `getStaticValue` reads a const again at each use, with no memo: a chain of consts that each use the previous one
 * twice (`const b = a === a ? …`) costs 2^n. An expression whose value, with every const it reads expanded, has
 * more nodes than this is left unknown.
 */
const MAX_EXPANDED_NODES = 2_000;

/**
 * How many nodes `node` has with the initialiser of every variable it reads expanded in place (what
 * `getStaticValue` may walk), counted up to `limit` (then any number above it). Each variable's size is counted once
 * per file; a variable whose initialiser reads itself counts as over the limit.
 */
function expandedSize(node: Node, ctx: ValueContext, limit: number): number {
  const sizes = memoOf(ctx).sizes;
  let total = 0;
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (++total > limit) return total;
    if (n.type === 'Identifier') {
      const variable = findVariable(ctx, n);
      if (!variable) continue;
      let size = sizes.get(variable);
      if (size === undefined) {
        sizes.set(variable, limit + 1);
        size = 0;
        for (const def of variable.defs) {
          const init = def.node.type === 'VariableDeclarator' ? def.node.init : null;
          if (init) size += expandedSize(init, ctx, limit);
          if (size > limit) break;
        }
        size = Math.min(size, limit + 1);
        sizes.set(variable, size);
      }
      total += size;
      continue;
    }
    for (const key in n) {
      if (key === 'parent') continue;
      const value = (n as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) stack.push(child);
      } else if (isNode(value)) stack.push(value);
    }
  }
  return total;
}

/** `getStaticValue` that never throws: `{ value }` when the expression is statically known. */
export function staticValue(node: Node | null | undefined, ctx: ValueContext): { value: unknown } | undefined {
  if (!node) return undefined;
  if (expandedSize(node, ctx, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) return undefined;
  try {
    return getStaticValueImpl(node, leafView(ctx.scopeOf(node))) ?? undefined;
  } catch {
    return undefined;
  }
}

const leafViews = new WeakMap<Scope, Scope>();

/**
 * The node's own scope without its child scopes, for `getStaticValue`: given a scope, it first looks through the
 * child scopes at each level for the one holding each identifier (linear in their number, per lookup: quadratic
 * beside thousands of functions), then looks the name up through `upper`. Starting from the innermost scope with no
 * children, every lookup is by name. (A const's initialiser is then read from the use's scope: a name shadowed
 * between the two would be misread; `getStaticValue` is only the fallback for shapes this module does not read.)
 */
function leafView(scope: Scope): Scope {
  let view = leafViews.get(scope);
  if (!view) {
    view = Object.create(scope, { childScopes: { value: [] } }) as Scope;
    leafViews.set(scope, view);
  }
  return view;
}

/** The statically known string value of an expression (not its location). */
export function staticString(node: Node | null | undefined, ctx: ValueContext, depth = 0): string | undefined {
  if (!node || beyond(depth)) return undefined;
  const located = resolveLocatedString(node, ctx, depth);
  if (located !== undefined) return located.value.includes(HOLE) ? undefined : located.value;
  const value = staticValue(node, ctx)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Strips TypeScript-only wrappers: `x as T`, `x satisfies T`, `x!`, `<T>x`. */
export function unwrap(node: Node): Node {
  let n = node;
  for (let i = 0; i < MAX_NESTING; i++) {
    if (
      n.type === 'TSAsExpression' ||
      n.type === 'TSSatisfiesExpression' ||
      n.type === 'TSNonNullExpression' ||
      n.type === 'TSTypeAssertion' ||
      n.type === 'TSInstantiationExpression'
    ) {
      n = n.expression;
    } else {
      break;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Bindings
// ---------------------------------------------------------------------------------------------------------------

/** What a const-like identifier is bound to. */
export type Binding =
  /** `const X = init` */
  | { readonly kind: 'init'; readonly init: Node }
  /** `const { key: X = defaultValue } = object` */
  | { readonly kind: 'member'; readonly object: Node; readonly key: string; readonly defaultValue?: Node };

function isConstLike(variable: Variable, declaration: TSESTree.VariableDeclaration): boolean {
  if (declaration.kind === 'const') return true;
  // a `let`/`var` written once (its initialiser) and only read afterwards
  const refs = variable.references;
  const inits = refs.filter((ref) => ref.init === true).length;
  return inits === 1 && refs.every((ref) => ref.init === true || ref.isReadOnly());
}

function sameNode(a: Node, b: Node): boolean {
  return a === b || (a.range[0] === b.range[0] && a.range[1] === b.range[1]);
}

/**
 * The binding of an identifier when it is a const (or a never-reassigned `let`/`var`) declared in this file with an
 * initialiser. Imports, parameters, functions, classes and reassigned variables give undefined.
 */
export function bindingOf(id: TSESTree.Identifier, ctx: ValueContext, depth = 0): Binding | undefined {
  if (beyond(depth)) return undefined;
  const variable = findVariable(ctx, id);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (String(def.type) !== 'Variable') return undefined;
  const declarator = def.node as TSESTree.VariableDeclarator;
  const declaration = def.parent as TSESTree.VariableDeclaration | null;
  if (declarator.type !== 'VariableDeclarator' || !declaration || declaration.type !== 'VariableDeclaration') return undefined;
  if (!declarator.init || !isConstLike(variable, declaration)) return undefined;
  if (declarator.id.type === 'Identifier') return { kind: 'init', init: declarator.init };
  if (declarator.id.type !== 'ObjectPattern') return undefined;
  for (const property of declarator.id.properties) {
    if (property.type !== 'Property') continue;
    let value: Node = property.value;
    let defaultValue: Node | undefined;
    if (value.type === 'AssignmentPattern') {
      defaultValue = value.right;
      value = value.left;
    }
    if (value.type !== 'Identifier' || !sameNode(value, def.name as Node)) continue;
    const key = property.computed ? staticString(property.key, ctx, depth) : keyName(property.key);
    if (key === undefined) return undefined;
    return defaultValue ? { kind: 'member', object: declarator.init, key, defaultValue } : { kind: 'member', object: declarator.init, key };
  }
  return undefined;
}

/** Static key of a member expression (`a.b`, `a["b"]`, `a[KEY]` with a const `KEY`). */
export function memberKey(node: TSESTree.MemberExpression, ctx: ValueContext, depth = 0): string | undefined {
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : undefined;
  if (beyond(depth)) return undefined;
  const value = staticValue(node.property, ctx)?.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------------------------------------------

/** One property of a resolved object: where its key and value are written. */
export interface PropEntry {
  readonly key: string;
  readonly property: TSESTree.Property;
  readonly value: Node;
}

/** An object literal with its spreads and const references resolved. */
export interface ObjectView {
  /** The outermost object literal. */
  readonly node: TSESTree.ObjectExpression;
  /** Properties by key; a later property or spread wins, as at run time. */
  readonly props: ReadonlyMap<string, PropEntry>;
  /**
   * A spread of an unknown object or an unresolvable computed key was met. Properties written before it are dropped
   * (it may override them); properties after it are kept.
   */
  readonly incomplete: boolean;
  /** Every object literal the view is made of (the node and the const objects it spreads). */
  readonly objects: readonly TSESTree.ObjectExpression[];
}

function isObjectFreeze(node: TSESTree.CallExpression): boolean {
  const callee = node.callee;
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Object' &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'freeze' &&
    node.arguments.length === 1
  );
}

/**
 * The value of property `key` of the object an expression denotes (`CONFIG.github`, `const { github } = CONFIG`), or
 * of the enum or namespace it names (`Scope.Repo`, `Scopes.ORG`): one const further away than `object`.
 */
function memberValue(object: Node, key: string, ctx: ValueContext, depth: number): Node | undefined {
  const view = resolveObject(object, ctx, depth);
  return view ? view.props.get(key)?.value : declaredMember(object, key, ctx, depth);
}

type Declaration = TSESTree.TSEnumDeclaration | TSESTree.TSModuleDeclaration;

function isDeclaration(node: Node): node is Declaration {
  return node.type === 'TSEnumDeclaration' || (node.type === 'TSModuleDeclaration' && node.id.type === 'Identifier');
}

/**
 * The members of an enum or namespace declaration, by name, as written: an enum member's initialiser (a member
 * without one, numbered by the compiler or declared by a `declare enum`, has no value here), a namespace's exported
 * `const` initialisers, and its exported enums and namespaces themselves. Built once per declaration.
 */
function membersOf(declaration: Declaration, ctx: ValueContext): ReadonlyMap<string, readonly Node[]> {
  const table = memoOf(ctx).members;
  const known = table.get(declaration);
  if (known) return known;
  const members = new Map<string, Node[]>();
  const add = (name: string | undefined, node: Node | null | undefined): void => {
    if (name === undefined || !node) return;
    const list = members.get(name);
    if (list) list.push(node);
    else members.set(name, [node]);
  };
  if (declaration.type === 'TSEnumDeclaration') {
    for (const member of declaration.body.members) add(keyName(member.id), member.initializer);
  } else if (declaration.body?.type === 'TSModuleBlock') {
    for (const statement of declaration.body.body) {
      const exported = statement.type === 'ExportNamedDeclaration' ? statement.declaration : null;
      if (!exported) continue;
      if (exported.type === 'VariableDeclaration' && exported.kind === 'const') {
        for (const declarator of exported.declarations) if (declarator.id.type === 'Identifier') add(declarator.id.name, declarator.init);
      } else if (isDeclaration(exported) && exported.id.type === 'Identifier') {
        add(exported.id.name, exported);
      }
    }
  }
  table.set(declaration, members);
  return members;
}

/**
 * The enums and namespaces declared in this file that an expression names: `Scope`, `Outer.Inner` (an exported enum
 * or namespace of a namespace). Merged declarations of one name give one each.
 */
function declarationsOf(node: Node, ctx: ValueContext): Declaration[] {
  const path: string[] = [];
  let n = unwrap(node);
  while (n.type === 'MemberExpression') {
    const key = propertyName(n);
    if (key === undefined || path.length >= MAX_NESTING) return [];
    path.push(key);
    n = unwrap(n.object);
  }
  if (n.type !== 'Identifier') return [];
  let found: Declaration[] = [];
  for (const def of findVariable(ctx, n)?.defs ?? []) {
    const declaration = def.node as Node;
    if (isDeclaration(declaration)) found.push(declaration);
  }
  for (let i = path.length - 1; i >= 0 && found.length > 0; i--) {
    found = found.flatMap((declaration) => (membersOf(declaration, ctx).get(path[i]!) ?? []).filter(isDeclaration));
  }
  return found;
}

/**
 * The value of member `key` of an enum or namespace declared in this file (`Scope.Repo` of `const enum Scope { Repo =
 * "repo" }`, `Scopes.ORG` of `namespace Scopes { export const ORG = "admin:org"; }`): both are as static as a const.
 */
function declaredMember(object: Node, key: string, ctx: ValueContext, depth: number): Node | undefined {
  if (beyond(depth)) return undefined;
  for (const declaration of declarationsOf(object, ctx)) {
    const value = membersOf(declaration, ctx).get(key)?.find((node) => !isDeclaration(node));
    if (value) return value;
  }
  return undefined;
}

/**
 * Resolves an expression to an object literal view: an inline object, a const bound to one (also through
 * destructuring and member reads), `Object.freeze({...})`, with spreads of such objects merged in order.
 * Undefined when the object is built at run time.
 */
export function resolveObject(node: Node | null | undefined, ctx: ValueContext, depth = 0): ObjectView | undefined {
  if (!node || beyond(depth)) return undefined;
  return memoised(memoOf(ctx).objects, node, depth, undefined, () => resolveObjectOnce(node, ctx, depth));
}

function resolveObjectOnce(node: Node, ctx: ValueContext, depth: number): ObjectView | undefined {
  const n = unwrap(node);
  switch (n.type) {
    case 'Identifier': {
      const binding = bindingOf(n, ctx, depth);
      if (binding?.kind === 'init') return resolveObject(binding.init, ctx, depth + 1);
      // `const { github } = CONFIG`: `github`, then `CONFIG`
      if (binding?.kind === 'member') return resolveObject(memberValue(binding.object, binding.key, ctx, depth + 1), ctx, depth + 2);
      return undefined;
    }
    case 'MemberExpression': {
      const key = memberKey(n, ctx, depth);
      return key === undefined ? undefined : resolveObject(memberValue(n.object, key, ctx, depth), ctx, depth + 1);
    }
    case 'CallExpression':
      return isObjectFreeze(n) ? resolveObject(n.arguments[0], ctx, depth) : undefined;
    case 'ObjectExpression':
      break;
    default:
      return undefined;
  }
  const props = new Map<string, PropEntry>();
  // a set: an object spread twice (`{ ...a, ...a }`, at each level of a tree of spreads) is one object
  const objects = new Set<TSESTree.ObjectExpression>([n]);
  let incomplete = false;
  for (const property of n.properties) {
    if (property.type === 'SpreadElement') {
      const inner = resolveObject(property.argument, ctx, depth);
      if (!inner || inner.incomplete) {
        incomplete = true;
        props.clear();
      }
      if (inner) {
        for (const [key, entry] of inner.props) props.set(key, entry);
        for (const object of inner.objects) objects.add(object);
      }
      continue;
    }
    // a computed key, even one a const resolves, makes the config one we do not judge (issue 4: no report)
    const key = property.computed ? undefined : keyName(property.key);
    if (key === undefined) {
      incomplete = true;
      props.clear();
      continue;
    }
    if (property.kind !== 'init') {
      props.delete(key);
      continue;
    }
    props.set(key, { key, property, value: property.value });
  }
  return { node: n, props, incomplete, objects: [...objects] };
}

// ---------------------------------------------------------------------------------------------------------------
// Located strings
// ---------------------------------------------------------------------------------------------------------------

/** A string value with, per character, the source range it was written at (-1: not in the source). */
export interface LocatedString {
  /** The value; parts known only at run time are `HOLE` characters. */
  readonly value: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Where the string is written: the literal itself when it is one, else the expression that builds it. */
  readonly node: Node;
}

function unlocated(value: string, node: Node): LocatedString {
  const fill = new Array<number>(value.length).fill(-1);
  return { value, starts: fill, ends: fill, node };
}

function hole(node: Node): LocatedString {
  return unlocated(HOLE, node);
}

/** Maps the content between `start` and `end` (source offsets) of a string whose cooked value is `value`. */
function locateContent(value: string, start: number, end: number, node: Node, ctx: ValueContext): LocatedString {
  if (value.length > MAX_LOCATED_LENGTH) return unlocated(value, node);
  const raw = ctx.sourceText.slice(start, end);
  const starts: number[] = [];
  const ends: number[] = [];
  if (raw === value) {
    for (let i = 0; i < value.length; i++) {
      starts.push(start + i);
      ends.push(start + i + 1);
    }
    return { value, starts, ends, node };
  }
  const map = cookedToSourceOffsets(raw);
  if (map.length !== value.length + 1) return unlocated(value, node);
  for (let i = 0; i < value.length; i++) {
    starts.push(start + map[i]!);
    ends.push(start + map[i + 1]!);
  }
  return { value, starts, ends, node };
}

function concat(parts: readonly LocatedString[], node: Node): LocatedString | undefined {
  if (parts.length === 1) return parts[0]!;
  // templates of templates multiply a string's length at each level: past the limit it is no scope or URL we read
  let length = 0;
  for (const part of parts) length += part.value.length;
  if (length > MAX_LOCATED_LENGTH) return undefined;
  return {
    value: parts.map((part) => part.value).join(''),
    starts: parts.flatMap((part) => part.starts),
    ends: parts.flatMap((part) => part.ends),
    node,
  };
}

/** `"a b".split(" ")` (or `","`, `/\s+/`, `/[ ,]+/`…): separators the scope reader splits at itself. */
function isScopeSplitCall(node: TSESTree.CallExpression): node is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  if (node.callee.type !== 'MemberExpression' || node.callee.computed || node.callee.property.type !== 'Identifier') return false;
  if (node.callee.property.name !== 'split' || node.arguments.length !== 1) return false;
  const separator = node.arguments[0]!;
  if (separator.type !== 'Literal') return false;
  if (typeof separator.value === 'string') return /^[ ,]$/.test(separator.value);
  return 'regex' in separator && separator.regex !== undefined && /^(?:\\s|\[(?:\\s| |,)+\])[+*]?$/.test(separator.regex.pattern);
}

function isJoinCall(node: TSESTree.CallExpression): node is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  return (
    node.callee.type === 'MemberExpression' &&
    !node.callee.computed &&
    node.callee.property.type === 'Identifier' &&
    node.callee.property.name === 'join' &&
    node.arguments.length <= 1
  );
}

/**
 * Resolves a string-valued expression with the location of each character. Unresolvable parts of a template
 * literal or concatenation become `HOLE`s; an expression that is entirely unknown gives undefined.
 */
export function resolveLocatedString(node: Node | null | undefined, ctx: ValueContext, depth = 0): LocatedString | undefined {
  if (!node || beyond(depth)) return undefined;
  // each node once per file: a const read by many templates (or many times by one) is not resolved again
  return memoised(memoOf(ctx).strings, node, depth, undefined, () => resolveLocatedStringOnce(node, ctx, depth));
}

function resolveLocatedStringOnce(node: Node, ctx: ValueContext, depth: number): LocatedString | undefined {
  const n = unwrap(node);
  switch (n.type) {
    case 'Literal':
      if (typeof n.value !== 'string') return undefined;
      return locateContent(n.value, n.range[0] + 1, n.range[1] - 1, n, ctx);
    case 'TemplateLiteral': {
      const parts: LocatedString[] = [];
      for (let i = 0; i < n.quasis.length; i++) {
        const quasi = n.quasis[i]!;
        const cooked = quasi.value.cooked;
        if (cooked === null || cooked === undefined) return undefined;
        const start = quasi.range[0] + 1;
        const end = quasi.range[1] - (quasi.tail ? 1 : 2);
        if (cooked !== '') parts.push(locateContent(cooked, start, end, n.quasis.length === 1 ? n : quasi, ctx));
        const expression = n.expressions[i];
        if (expression) parts.push(resolveLocatedString(expression, ctx, depth) ?? hole(expression));
      }
      if (parts.length === 0) return unlocated('', n);
      const whole = concat(parts, n);
      return n.quasis.length === 1 || !whole ? whole : { ...whole, node: n };
    }
    case 'BinaryExpression': {
      if (n.operator !== '+') break;
      const left = resolveLocatedString(n.left, ctx, depth);
      const right = resolveLocatedString(n.right, ctx, depth);
      if (!left && !right) break;
      return concat([left ?? hole(n.left), right ?? hole(n.right)], n);
    }
    case 'Identifier': {
      const binding = bindingOf(n, ctx, depth);
      if (binding?.kind === 'init') return resolveLocatedString(binding.init, ctx, depth + 1);
      if (binding?.kind === 'member') {
        const value = memberValue(binding.object, binding.key, ctx, depth + 1);
        return value ? resolveLocatedString(value, ctx, depth + 2) : undefined;
      }
      break;
    }
    case 'MemberExpression': {
      const key = memberKey(n, ctx, depth);
      const value = key === undefined ? undefined : memberValue(n.object, key, ctx, depth);
      if (value) return resolveLocatedString(value, ctx, depth + 1);
      break;
    }
    case 'CallExpression': {
      if (!isJoinCall(n)) break;
      const items = resolveLocatedList(n.callee.object, ctx, depth);
      if (!items) break;
      const sepNode = n.arguments[0];
      const separator = sepNode === undefined ? ',' : staticString(sepNode, ctx, depth);
      if (separator === undefined) break;
      const parts: LocatedString[] = [];
      items.forEach((item, index) => {
        if (index > 0 && separator !== '') parts.push(unlocated(separator, n));
        parts.push(item);
      });
      return parts.length === 0 ? unlocated('', n) : concat(parts, n);
    }
    default:
      break;
  }
  const value = staticValue(n, ctx)?.value;
  return typeof value === 'string' ? unlocated(value, n) : undefined;
}

/** True when the expression is (bound to) an array whose elements are known statically or located. */
export function isStaticArray(node: Node | null | undefined, ctx: ValueContext, depth = 0): boolean {
  if (!node || beyond(depth)) return false;
  const n = unwrap(node);
  if (n.type === 'ArrayExpression') return true;
  if (n.type === 'Identifier') {
    const binding = bindingOf(n, ctx, depth);
    if (binding?.kind === 'init') return isStaticArray(binding.init, ctx, depth + 1);
    if (binding?.kind === 'member') return isStaticArray(memberValue(binding.object, binding.key, ctx, depth + 1), ctx, depth + 2);
    return false;
  }
  if (n.type === 'MemberExpression') {
    const key = memberKey(n, ctx, depth);
    return key !== undefined && isStaticArray(memberValue(n.object, key, ctx, depth), ctx, depth + 1);
  }
  return Array.isArray(staticValue(n, ctx)?.value);
}

/**
 * Resolves a list of strings: an array literal (spreads of const arrays flattened), a const bound to one, or a
 * single string (a list of one). Unknown elements are left out. Undefined when nothing is known.
 */
export function resolveLocatedList(node: Node | null | undefined, ctx: ValueContext, depth = 0): LocatedString[] | undefined {
  if (!node || beyond(depth)) return undefined;
  return memoised(memoOf(ctx).lists, node, depth, undefined, () => resolveLocatedListOnce(node, ctx, depth));
}

function resolveLocatedListOnce(node: Node, ctx: ValueContext, depth: number): LocatedString[] | undefined {
  const n = unwrap(node);
  switch (n.type) {
    case 'ArrayExpression': {
      const items: LocatedString[] = [];
      for (const element of n.elements) {
        if (!element) continue;
        if (element.type === 'SpreadElement') {
          items.push(...(resolveLocatedList(element.argument, ctx, depth) ?? []));
        } else {
          const item = resolveLocatedString(element, ctx, depth);
          if (item) items.push(item);
        }
        // spreads of spreads double a list at each level: past this many strings it is data, not a scope list
        if (items.length > MAX_LIST_ITEMS) return undefined;
      }
      return items;
    }
    case 'Identifier': {
      const binding = bindingOf(n, ctx, depth);
      if (binding?.kind === 'init') return resolveLocatedList(binding.init, ctx, depth + 1);
      if (binding?.kind === 'member') {
        // `const { SCOPES = "repo" } = process.env`: the default is requested when the variable is unset, as a
        // `process.env.SCOPES ?? "repo"` fallback is
        if (isEnvObject(binding.object)) return binding.defaultValue ? resolveLocatedList(binding.defaultValue, ctx, depth + 1) : undefined;
        const value = memberValue(binding.object, binding.key, ctx, depth + 1);
        return value ? resolveLocatedList(value, ctx, depth + 2) : undefined;
      }
      break;
    }
    case 'MemberExpression': {
      const key = memberKey(n, ctx, depth);
      const value = key === undefined ? undefined : memberValue(n.object, key, ctx, depth);
      if (value) return resolveLocatedList(value, ctx, depth + 1);
      break;
    }
    case 'CallExpression':
      // `[...].join(" ")` requests the same scopes as the array itself, `"a b".split(" ")` the same as the string
      if (isJoinCall(n) && isStaticArray(n.callee.object, ctx, depth)) return resolveLocatedList(n.callee.object, ctx, depth);
      if (isScopeSplitCall(n)) {
        const whole = resolveLocatedString(n.callee.object, ctx, depth);
        if (whole) return [whole];
        // `(process.env.SCOPES ?? "a b").split(" ")`, `(admin ? "a" : "b").split(" ")`: what the list reader reads there
        const object = unwrap(n.callee.object);
        if (object.type === 'LogicalExpression' || object.type === 'ConditionalExpression') return resolveLocatedList(object, ctx, depth);
      }
      break;
    case 'ConditionalExpression': {
      // `admin ? "repo admin:org" : "read:user"`: either branch may be what a deployment requests
      const consequent = resolveLocatedList(n.consequent, ctx, depth);
      const alternate = resolveLocatedList(n.alternate, ctx, depth);
      if (consequent || alternate) return [...(consequent ?? []), ...(alternate ?? [])];
      break;
    }
    case 'LogicalExpression':
      // `process.env.SCOPES ?? "repo admin:org"`, also `process.env.SCOPES?.split(",") ?? […]`: the literal fallback is
      // what is requested when the variable is unset
      if ((n.operator === '??' || n.operator === '||') && classifyCredential(envReadUnder(n.left), ctx, depth).kind === 'env') return resolveLocatedList(n.right, ctx, depth);
      break;
    default:
      break;
  }
  const single = resolveLocatedString(n, ctx, depth);
  if (single) return [single];
  const value = staticValue(n, ctx)?.value;
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').map((item) => unlocated(item, n));
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Scopes
// ---------------------------------------------------------------------------------------------------------------

/** One requested scope and where it is written. */
export interface LocatedScope {
  /** The scope as written (percent-decoded when it was encoded). */
  readonly scope: string;
  /** Source range of the scope; undefined when it is not written in one place (report at `node`). */
  readonly range?: readonly [number, number];
  /** The string or expression the scope comes from. */
  readonly node: Node;
  /** True when `range` covers exactly the scope's text (safe to replace it). */
  readonly exact: boolean;
}

/**
 * The characters [from, to) of a located value come from one stretch of source (a literal, maybe with escapes), not
 * from pieces written apart (`${PREFIX}name`, `PREFIX + "name"`): a range from the first to the last would cover
 * everything between them.
 */
function isOnePiece(item: { readonly starts: readonly number[]; readonly ends: readonly number[] }, from: number, to: number): boolean {
  for (let i = from; i + 1 < to; i++) {
    const gap = (item.starts[i + 1] ?? -1) - (item.ends[i] ?? -1);
    // the longest escape of one character is `\u{10FFFF}` (10 characters)
    if (gap < 0 || gap > 10) return false;
  }
  return true;
}

/**
 * Splits the scope value of `node` into scopes with their own source ranges. `split` is `splitScopes` from
 * `src/oauth/scopes.ts` (passed in to keep this module free of OAuth knowledge). Scopes that touch a run-time part
 * are left out. Undefined when the value is unknown.
 */
export function locateScopes(
  node: Node,
  ctx: ValueContext,
  split: (value: string) => readonly { scope: string; start: number; end: number }[],
): LocatedScope[] | undefined {
  const items = resolveLocatedList(node, ctx);
  if (!items) return undefined;
  const scopes: LocatedScope[] = [];
  for (const item of items) {
    for (const token of split(item.value)) {
      const raw = item.value.slice(token.start, token.end);
      if (raw.includes(HOLE) || token.scope.includes(HOLE)) continue;
      const start = item.starts[token.start] ?? -1;
      const end = item.ends[token.end - 1] ?? -1;
      if (start >= 0 && end > start && isOnePiece(item, token.start, token.end)) {
        const exact = ctx.sourceText.slice(start, end) === raw;
        scopes.push({ scope: token.scope, range: [start, end], node: item.node, exact });
      } else {
        scopes.push({ scope: token.scope, node: item.node, exact: false });
      }
    }
  }
  return scopes;
}

/**
 * The two branches of the conditional a scope expression is, through consts, `.split(…)` and `.join(…)`
 * (`isProd ? PROD_SCOPES : DEV_SCOPES`): the nodes of the strings each branch resolves to. Their scopes are never
 * requested together. Undefined when the expression is no conditional.
 */
export function conditionalScopeBranches(node: Node, ctx: ValueContext): [ReadonlySet<Node>, ReadonlySet<Node>] | undefined {
  let n = unwrap(node);
  for (let depth = 0; depth < MAX_NESTING_FOLLOW; depth++) {
    if (n.type === 'Identifier') {
      const binding = bindingOf(n, ctx, depth);
      if (binding?.kind !== 'init') return undefined;
      n = unwrap(binding.init);
    } else if (n.type === 'CallExpression' && (isScopeSplitCall(n) || isJoinCall(n))) {
      n = unwrap(n.callee.object);
    } else if (n.type === 'ConditionalExpression') {
      const nodesOf = (branch: Node): ReadonlySet<Node> => new Set((resolveLocatedList(branch, ctx) ?? []).map((item) => item.node));
      return [nodesOf(n.consequent), nodesOf(n.alternate)];
    } else return undefined;
  }
  return undefined;
}

/** How many consts and calls `conditionalScopeBranches` follows to the conditional. */
const MAX_NESTING_FOLLOW = 8;

// ---------------------------------------------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------------------------------------------

/** Where a credential value comes from. */
export type CredentialValue =
  /** `process.env.X`, `process.env?.X`, `const { X } = process.env`, a const bound to one; with a literal fallback. */
  | { readonly kind: 'env'; readonly envName: string; readonly fallback?: { readonly node: Node; readonly value: string } }
  /**
   * A literal, a const holding one, a template literal or concatenation without run-time parts. `node` is where the
   * value is written: the literal (also inside a const declaration), or the expression that builds it.
   */
  | { readonly kind: 'static'; readonly value: string; readonly node: Node }
  /** `""` (nothing is hardcoded). */
  | { readonly kind: 'empty' }
  /** Run-time value, import, parameter…: nothing can be said. */
  | { readonly kind: 'unknown' };

const UNKNOWN: CredentialValue = { kind: 'unknown' };

/** An identifier standing for `process.env`: `const env = process.env`, `const { env } = process`, `import { env } from "node:process"`. */
function isEnvAlias(id: TSESTree.Identifier, ctx: ValueContext, depth: number): boolean {
  const binding = bindingOf(id, ctx, depth);
  if (binding?.kind === 'init') return isEnvObject(binding.init);
  if (binding?.kind === 'member') {
    const object = unwrap(binding.object);
    return binding.key === 'env' && object.type === 'Identifier' && object.name === 'process';
  }
  const variable = findVariable(ctx, id);
  return variable?.defs.length === 1 && isProcessImport(variable.defs[0]!, 'env');
}

/** `process.env` / `import.meta.env` itself. */
export function isEnvObject(node: Node): boolean {
  const n = unwrap(node.type === 'ChainExpression' ? node.expression : node);
  if (n.type !== 'MemberExpression' || n.computed || n.property.type !== 'Identifier' || n.property.name !== 'env') return false;
  return (n.object.type === 'Identifier' && n.object.name === 'process') || n.object.type === 'MetaProperty';
}

function staticCredential(value: unknown, node: Node): CredentialValue | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return { kind: 'static', value: String(value), node };
  if (typeof value !== 'string') return undefined;
  return value.trim() === '' ? { kind: 'empty' } : { kind: 'static', value, node };
}

function withFallback(envName: string, fallback: Node | undefined, ctx: ValueContext, depth: number): CredentialValue {
  if (!fallback) return { kind: 'env', envName };
  const right = classifyCredential(fallback, ctx, depth);
  return right.kind === 'static' ? { kind: 'env', envName, fallback: { node: right.node, value: right.value } } : { kind: 'env', envName };
}

/** Methods and calls that turn a string into the same text, trimmed or as a string: `x.trim()`, `String(x)`. */
const SAME_STRING_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toString', 'valueOf']);

/** The value a `x.trim()`-like call (or `String(x)`) is made of, or undefined. */
function stringCallSubject(call: TSESTree.CallExpression): Node | undefined {
  const callee = call.callee;
  if (callee.type === 'Identifier' && callee.name === 'String' && call.arguments.length === 1 && call.arguments[0]!.type !== 'SpreadElement') {
    return call.arguments[0];
  }
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && SAME_STRING_METHODS.has(callee.property.name) && call.arguments.length === 0) {
    return callee.object;
  }
  return undefined;
}

/** String methods a scope list read from the env passes through (`process.env.SCOPES?.split(",")`, `.trim()`). */
const ENV_TEXT_METHODS = new Set(['split', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase']);

/** The expression under such method calls (`process.env.X?.split(",")` → `process.env.X`); `node` itself otherwise. */
function envReadUnder(node: Node): Node {
  const plain = (x: Node): Node => {
    const u = unwrap(x);
    return u.type === 'ChainExpression' ? unwrap(u.expression) : u;
  };
  let n = plain(node);
  for (let steps = 0; steps < 8 && n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed; steps++) {
    const property = n.callee.property;
    if (property.type !== 'Identifier' || !ENV_TEXT_METHODS.has(property.name)) break;
    n = plain(n.callee.object);
  }
  return n === plain(node) ? node : n;
}

/** Classifies where a credential (client id/secret, token) value comes from. Never throws. */
export function classifyCredential(node: Node | null | undefined, ctx: ValueContext, depth = 0): CredentialValue {
  if (!node || beyond(depth)) return UNKNOWN;
  return memoised(memoOf(ctx).credentials, node, depth, UNKNOWN, () => classifyCredentialOnce(node, ctx, depth));
}

function classifyCredentialOnce(node: Node, ctx: ValueContext, depth: number): CredentialValue {
  const n = unwrap(node);
  const envName = getEnvReadName(n);
  if (envName !== undefined) return { kind: 'env', envName };
  switch (n.type) {
    case 'LogicalExpression': {
      if (n.operator !== '??' && n.operator !== '||') return UNKNOWN;
      const left = classifyCredential(n.left, ctx, depth);
      if (left.kind === 'env') return left.fallback ? left : withFallback(left.envName, n.right, ctx, depth);
      if (left.kind === 'static') return left;
      return UNKNOWN;
    }
    case 'Identifier': {
      const binding = bindingOf(n, ctx, depth);
      if (binding?.kind === 'init') return classifyCredential(binding.init, ctx, depth + 1);
      if (binding?.kind === 'member') {
        if (isEnvObject(binding.object)) return withFallback(binding.key, binding.defaultValue, ctx, depth + 1);
        const value = memberValue(binding.object, binding.key, ctx, depth + 1);
        if (value) return classifyCredential(value, ctx, depth + 2);
        return binding.defaultValue ? classifyCredential(binding.defaultValue, ctx, depth + 1) : UNKNOWN;
      }
      return UNKNOWN;
    }
    case 'MemberExpression': {
      // `const env = process.env`, `const { env } = process`, `import { env } from "node:process"`; … `env.CLIENT_SECRET`
      if (n.object.type === 'Identifier' && isEnvAlias(n.object, ctx, depth)) {
        const name = propertyName(n);
        if (name !== undefined) return { kind: 'env', envName: name };
      }
      const key = memberKey(n, ctx, depth);
      const value = key === undefined ? undefined : memberValue(n.object, key, ctx, depth);
      return value ? classifyCredential(value, ctx, depth + 1) : UNKNOWN;
    }
    case 'ChainExpression':
      return classifyCredential(n.expression, ctx, depth);
    case 'ConditionalExpression': {
      // `isProd ? process.env.X! : "dev-secret"`: the literal branch ships and runs wherever the test is false, as a
      // fallback does where the variable is unset (two literals, or no env read: which one runs is not known)
      const consequent = classifyCredential(n.consequent, ctx, depth);
      const alternate = classifyCredential(n.alternate, ctx, depth);
      // a branch that is itself an env read with a literal fallback keeps it (`isProd ? env.X! : isStaging ? env.X! : "…"`)
      for (const branch of [consequent, alternate]) if (branch.kind === 'env' && branch.fallback) return branch;
      for (const [env, other] of [[consequent, alternate], [alternate, consequent]] as const) {
        if (env.kind === 'env') return other.kind !== 'static' ? env : { kind: 'env', envName: env.envName, fallback: { node: other.node, value: other.value } };
      }
      return UNKNOWN;
    }
    case 'TemplateLiteral':
      // `${process.env.X ?? "…"}`: a template of one part and no text is that part
      if (n.expressions.length === 1 && n.quasis.every((q) => (q.value.cooked ?? q.value.raw) === '')) {
        return classifyCredential(n.expressions[0], ctx, depth);
      }
    // falls through
    case 'Literal':
    case 'BinaryExpression':
    case 'CallExpression': {
      // an env read passed through a string method that keeps its origin (`process.env.X?.trim()`, `String(…)`)
      const read = n.type === 'CallExpression' ? stringCallSubject(n) : undefined;
      if (read) {
        const inner = classifyCredential(read, ctx, depth);
        if (inner.kind === 'env') return inner;
      }
      const located = resolveLocatedString(n, ctx, depth);
      if (located) return located.value.includes(HOLE) ? UNKNOWN : (staticCredential(located.value, located.node) ?? UNKNOWN);
      break;
    }
    default:
      break;
  }
  return staticCredential(staticValue(n, ctx)?.value, n) ?? UNKNOWN;
}

// ---------------------------------------------------------------------------------------------------------------
// URLs
// ---------------------------------------------------------------------------------------------------------------

/** A URL-valued expression: the string to check and where it is written. */
export interface UrlValue {
  readonly located: LocatedString;
  /** True when the value is the literal fallback of `process.env.X ?? "…"`. */
  readonly isFallback: boolean;
}

/**
 * The URL an endpoint expression holds: a located string, or the literal fallback of an env read (what ships when
 * the variable is unset). Undefined for env reads without fallback and run-time values.
 */
export function resolveUrl(node: Node | null | undefined, ctx: ValueContext, depth = 0): UrlValue | undefined {
  if (!node || beyond(depth)) return undefined;
  const n = unwrap(node);
  if (getEnvReadName(n) !== undefined) return undefined;
  if (n.type === 'LogicalExpression' && (n.operator === '??' || n.operator === '||')) {
    const left = classifyCredential(n.left, ctx, depth);
    if (left.kind !== 'env') return undefined;
    const located = resolveLocatedString(n.right, ctx, depth);
    return located && located.value !== '' ? { located, isFallback: true } : undefined;
  }
  const located = resolveLocatedString(n, ctx, depth);
  if (located) return { located, isFallback: false };
  // `const { AUTH_URL = "http://…" } = process.env`
  if (n.type === 'Identifier') {
    const binding = bindingOf(n, ctx, depth);
    if (binding?.kind === 'member' && isEnvObject(binding.object) && binding.defaultValue) {
      const fallback = resolveLocatedString(binding.defaultValue, ctx, depth + 1);
      return fallback && fallback.value !== '' ? { located: fallback, isFallback: true } : undefined;
    }
    if (binding?.kind === 'init') return resolveUrl(binding.init, ctx, depth + 1);
  }
  return undefined;
}

/**
 * A provider hint from a URL expression: run-time parts become `x` (`https://${shop}.myshopify.com` still names
 * Shopify); a URL built with `new URL(path, base)` (read through `.href`, `.origin`, `.toString()` or a const) is the URL
 * it builds.
 */
export function hintUrl(node: Node | null | undefined, ctx: ValueContext, depth = 0): string | undefined {
  const url = resolveUrl(node, ctx, depth);
  if (url) return url.located.value.split(HOLE).join('x');
  return builtUrlHint(node, ctx, depth);
}

/** The URL `new URL(input, base)` builds, behind `.href`, `.origin`, `.toString()` or a const; undefined otherwise. */
function builtUrlHint(node: Node | null | undefined, ctx: ValueContext, depth: number): string | undefined {
  if (!node || beyond(depth)) return undefined;
  let n = unwrap(node);
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && (n.property.name === 'href' || n.property.name === 'origin')) {
    n = unwrap(n.object);
  } else if (
    n.type === 'CallExpression' &&
    n.arguments.length === 0 &&
    n.callee.type === 'MemberExpression' &&
    !n.callee.computed &&
    n.callee.property.type === 'Identifier' &&
    (n.callee.property.name === 'toString' || n.callee.property.name === 'toJSON')
  ) {
    n = unwrap(n.callee.object);
  }
  if (n.type === 'Identifier') {
    const binding = bindingOf(n, ctx, depth);
    return binding?.kind === 'init' ? builtUrlHint(binding.init, ctx, depth + 1) : undefined;
  }
  if (n.type !== 'NewExpression' || n.callee.type !== 'Identifier' || n.callee.name !== 'URL') return undefined;
  const [input, base] = n.arguments;
  if (!input || input.type === 'SpreadElement' || base?.type === 'SpreadElement') return undefined;
  const inputText = hintUrl(input, ctx, depth + 1);
  const baseText = base ? hintUrl(base, ctx, depth + 1) : undefined;
  if (inputText === undefined || (base && baseText === undefined)) return undefined;
  try {
    return new URL(inputText, baseText).href;
  } catch {
    return undefined;
  }
}
