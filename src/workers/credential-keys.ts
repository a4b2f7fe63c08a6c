/**
 * The keys of `worker.credential(key, { network })` (SDK 0.9.2) read from a parse alone, for the codemod's
 * `--sync-env-example` (the rule asks the worker model, which follows references through the scope manager). The
 * platform injects the value of the worker's env variable `key`, so `.env.example` lists it like a `process.env` read.
 *
 * Syntactic, like `syntacticResolver`: a `Worker` of `@notionhq/workers` (imported, required, or a namespace's), a
 * variable made with `new` of it, and `.credential(…)` called on that variable with a key written as a string, a
 * template without substitutions, or a `const` bound to one in the file.
 */
import { simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapTs as unwrap } from '../ast/strings.js';

type Node = TSESTree.Node;

const SDK = '@notionhq/workers';

/**
 * Can the file declare a worker credential (`worker.credential(key, …)` on a `Worker` of `@notionhq/workers`)? The
 * text check of the rule and of the codemod alike, before anything is parsed or modelled.
 */
export function mayDeclareCredentials(text: string): boolean {
  return text.includes('@notionhq/workers') && text.includes('credential');
}

function stringOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function requireOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type !== 'CallExpression' || n.callee.type !== 'Identifier' || n.callee.name !== 'require') return undefined;
  return stringOf(n.arguments[0] as Node | undefined);
}

function propertyKey(node: TSESTree.MemberExpression | TSESTree.Property): string | undefined {
  if (node.type === 'MemberExpression') return node.computed ? stringOf(node.property) : node.property.type === 'Identifier' ? node.property.name : undefined;
  return node.computed ? stringOf(node.key) : node.key.type === 'Identifier' ? node.key.name : stringOf(node.key);
}

/** Every credential key a file declares on a `Worker` of `@notionhq/workers`, in source order. */
export function credentialKeysOf(program: TSESTree.Program): string[] {
  /** local names of the `Worker` class, and of the SDK module itself (`sdk.Worker`) */
  const workerClasses = new Set<string>();
  const sdkModules = new Set<string>();
  /** `const NAME = "…"` of the file (null: bound more than once, to different strings) */
  const constStrings = new Map<string, string | null>();
  const workers = new Set<string>();
  const calls: TSESTree.CallExpression[] = [];
  /** names bound to a `new` expression, checked once the file's `Worker` names are all known */
  const workersMaybe: [string, Node][] = [];

  const isWorkerClass = (node: Node): boolean => {
    const n = unwrap(node);
    if (n.type === 'Identifier') return workerClasses.has(n.name);
    if (n.type === 'MemberExpression' && propertyKey(n) === 'Worker') {
      const object = unwrap(n.object);
      return (object.type === 'Identifier' && sdkModules.has(object.name)) || requireOf(object) === SDK;
    }
    return false;
  };

  // one walk for the bindings and the calls; the calls are read after it (a worker may be declared below its use in a function)
  simpleTraverse(program, {
    enter(node) {
      if (node.type === 'ImportDeclaration' && node.source.value === SDK) {
        for (const spec of node.specifiers) {
          if (spec.type === 'ImportNamespaceSpecifier') sdkModules.add(spec.local.name);
          else if (spec.type === 'ImportSpecifier' && (spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value) === 'Worker') workerClasses.add(spec.local.name);
        }
      } else if (node.type === 'TSImportEqualsDeclaration') {
        const ref = node.moduleReference;
        if (ref.type === 'TSExternalModuleReference' && stringOf(ref.expression) === SDK) sdkModules.add(node.id.name);
      } else if (node.type === 'VariableDeclarator' && node.init) {
        const init = unwrap(node.init);
        if (node.id.type === 'Identifier') {
          const text = node.parent?.type === 'VariableDeclaration' && node.parent.kind === 'const' ? stringOf(init) : undefined;
          if (text !== undefined) constStrings.set(node.id.name, constStrings.has(node.id.name) && constStrings.get(node.id.name) !== text ? null : text);
          if (requireOf(init) === SDK) sdkModules.add(node.id.name);
          if (init.type === 'NewExpression') workersMaybe.push([node.id.name, init.callee]);
        } else if (node.id.type === 'ObjectPattern' && requireOf(init) === SDK) {
          // `const { Worker } = require("@notionhq/workers")`, `const { Worker: W } = …`
          for (const property of node.id.properties) {
            if (property.type === 'Property' && propertyKey(property) === 'Worker' && property.value.type === 'Identifier') workerClasses.add(property.value.name);
          }
        }
      } else if (node.type === 'CallExpression') {
        const callee = unwrap(node.callee);
        if (callee.type === 'MemberExpression' && propertyKey(callee) === 'credential') calls.push(node);
      }
    },
  }, true);

  for (const [name, callee] of workersMaybe) if (isWorkerClass(callee)) workers.add(name);
  const keys: string[] = [];
  for (const call of calls) {
    const callee = unwrap(call.callee) as TSESTree.MemberExpression;
    const object = unwrap(callee.object);
    if (object.type !== 'Identifier' || !workers.has(object.name)) continue;
    const arg = call.arguments[0] as Node | undefined;
    const key = stringOf(arg) ?? (arg && unwrap(arg).type === 'Identifier' ? (constStrings.get((unwrap(arg) as TSESTree.Identifier).name) ?? undefined) : undefined);
    if (key !== undefined) keys.push(key);
  }
  return keys;
}
