/**
 * Where strings stand in an ESTree AST (ESLint's espree or typescript-estree, also used by the codemod):
 * the context the detector needs, and the map from a string's value offsets to source offsets.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext } from '../detect/types.js';
import { classifyName } from '../detect/context.js';
import { holdsSecret, holdsShownSecret } from '../detect/mask.js';

type Node = TSESTree.Node;

/** `process.env.X` / `process.env["X"]` / `import.meta.env.X` → `X`. */
export function getEnvReadName(node: Node | null | undefined): string | undefined {
  return getEnvRead(node)?.name;
}

/**
 * `process.env.X` (also `process["env"].X`, `globalThis.process.env.X`, `(process.env as T).X`, `(<T>process.env).X`)
 * → `X` from `process.env`; `import.meta.env.X` → `X` from `import.meta.env`. The read itself may be wrapped the same
 * ways (`process.env.X!`, `(process.env.X as string)`).
 */
export function getEnvRead(node: Node | null | undefined): { name: string; source: 'process.env' | 'import.meta.env' } | undefined {
  const n = node ? unwrapTs(node) : undefined;
  if (n?.type !== 'MemberExpression') return undefined;
  const source = envObjectSource(n.object);
  const name = source && propertyName(n);
  return source && name !== undefined ? { name, source } : undefined;
}

/** Is `node` the env object, `process.env` (or `globalThis.process.env`, wrapped or not) or `import.meta.env`? */
function envObjectSource(node: Node): 'process.env' | 'import.meta.env' | undefined {
  const object = unwrapTs(node);
  if (object.type !== 'MemberExpression' || propertyName(object) !== 'env') return undefined;
  const owner = unwrapTs(object.object);
  return owner.type === 'MetaProperty' ? 'import.meta.env' : isProcessObject(owner) ? 'process.env' : undefined;
}

/** `process`, `globalThis.process`, `global.process`. */
function isProcessObject(node: Node): boolean {
  if (node.type === 'Identifier') return node.name === 'process';
  if (node.type !== 'MemberExpression' || propertyName(node) !== 'process') return false;
  const object = unwrapTs(node.object);
  return object.type === 'Identifier' && (object.name === 'globalThis' || object.name === 'global');
}

/** The expression inside `x!`, `x as T`, `x satisfies T`, `<T>x` and an optional chain (up to 8 levels). */
export function unwrapTs(node: Node): Node {
  let n = node;
  for (let i = 0; i < 8; i++) {
    if (
      n.type === 'ChainExpression' ||
      n.type === 'TSNonNullExpression' ||
      n.type === 'TSAsExpression' ||
      n.type === 'TSSatisfiesExpression' ||
      n.type === 'TSTypeAssertion'
    ) {
      n = n.expression;
    } else break;
  }
  return n;
}

/** How code reads env variable `name` from `source`: `process.env.X`, `import.meta.env["a.b"]`. */
export function envReadText(name: string, source = 'process.env'): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${source}.${name}` : `${source}[${JSON.stringify(name)}]`;
}

/** Static name of a member's property (`a.b`, `a["b"]`, `this.#b`). */
export function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && (node.property.type === 'Identifier' || node.property.type === 'PrivateIdentifier')) return node.property.name;
  if (node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  if (node.property.type === 'TemplateLiteral' && node.property.expressions.length === 0) {
    return node.property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** Static name of a key (`a`, `"a"`, `[`a`]`), or undefined. */
export function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateIdentifier') return key.name;
  if (key.type === 'Literal') return key.value === null ? undefined : String(key.value);
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A name for what an expression denotes: `a` → a, `a.b.c` → c, `this.token` → token. */
export function expressionName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return propertyName(node);
  if (node.type === 'ChainExpression') return expressionName(node.expression);
  if (node.type === 'JSXIdentifier') return node.name;
  if (node.type === 'JSXMemberExpression') return node.property.name;
  return undefined;
}

/** The function a `return` belongs to, through the blocks and statements around it (a few levels). */
function functionOfReturn(statement: Node): TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | undefined {
  let n = statement.parent;
  for (let depth = 0; n && depth < 6; depth++, n = n.parent) {
    if (n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return n;
    if (n.type !== 'BlockStatement' && n.type !== 'IfStatement' && n.type !== 'TryStatement' && n.type !== 'SwitchCase' && n.type !== 'SwitchStatement') return undefined;
  }
  return undefined;
}

/**
 * The string a name stands for when it is a `const` of the file or of a block around `id`, initialised with a
 * string literal (`const API_KEY_HEADER = "X-API-Key"`); undefined otherwise. Read from the code around `id`, nearest
 * block first (a computed key's name; the rule's own context has no scope).
 */
function constStringOf(id: TSESTree.Identifier): string | undefined {
  for (let n: Node | undefined = id.parent; n; n = n.parent) {
    if (n.type !== 'BlockStatement' && n.type !== 'Program' && n.type !== 'StaticBlock') continue;
    for (const statement of n.body) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
      for (const d of declaration.declarations) {
        if (d.id.type !== 'Identifier' || d.id.name !== id.name) continue;
        const init = d.init && unwrapTs(d.init);
        return init?.type === 'Literal' && typeof init.value === 'string' ? init.value : undefined;
      }
    }
  }
  return undefined;
}

function pushName(names: string[], name: string | undefined): void {
  // a name that holds a secret (a token as a key) labels nothing: an env name or a message built from it would print it
  if (name && name.length <= 80 && !holdsSecret(name)) names.push(name);
}

/**
 * The detector context of a string-ish node: its labels nearest first, the callee it is passed to, and the env
 * variable it is a fallback for. Walks up through wrappers (concatenation, templates, `as`, arrays, objects).
 */
export function getStringContext(node: Node): { names: string[]; callee?: string; envFallback?: string; envFallbackSource?: string } {
  const names: string[] = [];
  let callee: string | undefined;
  let envFallback: string | undefined;
  let envFallbackSource: string | undefined;
  let child: Node = node;
  let parent = node.parent;
  for (let depth = 0; parent && depth < 12; depth++) {
    switch (parent.type) {
      case 'ArrayExpression': {
        // [["X-API-Key", "…"]] header tuples: the first element labels the second
        const first = parent.elements[0];
        if (
          parent.elements.length === 2 &&
          parent.elements[1] === child &&
          parent.parent?.type === 'ArrayExpression' &&
          first?.type === 'Literal' &&
          typeof first.value === 'string'
        ) {
          pushName(names, first.value);
        }
        break;
      }
      case 'TemplateLiteral':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
      case 'ObjectExpression':
      case 'JSXExpressionContainer':
      case 'SpreadElement':
      case 'AwaitExpression':
      case 'ConditionalExpression':
        break;
      case 'BinaryExpression': {
        if (parent.operator !== '+') return { names, callee, envFallback, envFallbackSource };
        // "…&api_key=" + "…": the text just before names the value
        const left = parent.right === child ? trailingText(parent.left) : undefined;
        const label = left ? /([A-Za-z][A-Za-z0-9_.-]{0,40})[=:]\s?$/.exec(left.slice(-48)) : null;
        if (label) pushName(names, label[1]);
        break;
      }
      case 'TSEnumMember':
        pushName(names, keyName(parent.id));
        break;
      case 'TSEnumBody':
        break;
      case 'TSEnumDeclaration':
        pushName(names, parent.id.name);
        return { names, callee, envFallback, envFallbackSource };
      case 'LogicalExpression': {
        if (parent.right !== child || (parent.operator !== '??' && parent.operator !== '||')) break;
        const env = getEnvRead(parent.left);
        if (env && !holdsShownSecret(env.name)) {
          if (envFallback === undefined) {
            envFallback = env.name;
            envFallbackSource = env.source;
          }
        } else if (!env) {
          // the fallback of `config.apiToken`, of an alias's `env.ACME_TOKEN`: a value of what it stands in for (a
          // credential's name only: any other name says nothing the names around it would not)
          const label = expressionName(unwrapTs(parent.left));
          const verdict = label === undefined ? undefined : classifyName(label);
          if (verdict === 'credential' || verdict === 'weak-credential') pushName(names, label);
        }
        break;
      }
      case 'Property': {
        if (parent.value !== child) return { names, callee, envFallback, envFallbackSource };
        // `{ [API_KEY_HEADER]: "…" }`: a computed key that is a const string names the value as the string does
        const key = parent.computed && parent.key.type === 'Identifier' ? (constStringOf(parent.key) ?? parent.key.name) : keyName(parent.key);
        // a member of a JSON Web Key (an object with `kty`): the public ones (`n`, `e`, `kid`, `x5c`…) label a public
        // key, the private ones (`d`, `p`, `k`…) a private key, whatever holds the key (`keys`, `jwks`)
        const jwk = key !== undefined && parent.parent.type === 'ObjectExpression' ? jwkMemberLabel(key, parent.parent) : undefined;
        if (jwk) {
          names.push(jwk);
          return { names, callee, envFallback, envFallbackSource };
        }
        pushName(names, key);
        break;
      }
      case 'VariableDeclarator':
        if (parent.id.type === 'Identifier') pushName(names, parent.id.name);
        return { names, callee, envFallback, envFallbackSource };
      case 'AssignmentExpression':
        if (parent.right === child) {
          pushName(names, expressionName(parent.left));
          if (parent.left.type === 'MemberExpression') pushName(names, expressionName(parent.left.object));
        }
        return { names, callee, envFallback, envFallbackSource };
      case 'AssignmentPattern':
        if (parent.right === child) {
          pushName(names, expressionName(parent.left));
          // `const { X = "…" } = process.env`: the default is what runs when `X` is unset
          const key = parent.parent?.type === 'Property' && parent.parent.value === parent ? keyName(parent.parent.key) : undefined;
          const source = key !== undefined ? envPatternSource(parent.parent!.parent) : undefined;
          if (key !== undefined && source && !holdsShownSecret(key) && envFallback === undefined) {
            envFallback = key;
            envFallbackSource = source;
          }
        }
        return { names, callee, envFallback, envFallbackSource };
      case 'PropertyDefinition':
      case 'TSPropertySignature':
      case 'AccessorProperty':
        // a quoted key names its value, not itself
        if (parent.key === child) return { names, callee, envFallback, envFallbackSource };
        pushName(names, keyName(parent.key));
        return { names, callee, envFallback, envFallbackSource };
      case 'CallExpression':
      case 'NewExpression': {
        if (parent.callee === child) return { names, callee, envFallback, envFallbackSource };
        // a schema's default (`z.string().default("…")`, `.catch("…")`, envalid's `str({ default: "…" })`): the value
        // of the key the schema is under, so the walk goes on above the validator chain
        const chain = parent.type === 'CallExpression' ? defaultedChainTop(parent, child, names) : undefined;
        if (chain) {
          child = chain;
          parent = chain.parent;
          continue;
        }
        callee = expressionName(parent.callee);
        // `mailgun.client({ key })`, `sgMail.setApiKey("…")`: the object names the provider
        const owner = parent.callee.type === 'MemberExpression' ? expressionName(parent.callee.object) : undefined;
        const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
        const first = parent.arguments[0];
        // headers.set("Authorization", "…"), setHeader("X-API-Key", "…")
        if (index > 0 && first?.type === 'Literal' && typeof first.value === 'string') pushName(names, first.value);
        if (owner && owner !== callee) pushName(names, owner);
        return { names, callee, envFallback, envFallbackSource };
      }
      case 'JSXAttribute':
        pushName(names, parent.name.type === 'JSXIdentifier' ? parent.name.name : parent.name.name.name);
        return { names, callee, envFallback, envFallbackSource };
      case 'Decorator': {
        // reached above a default (`@Column({ default: "…" }) apiToken`, see `defaultedChainTop`): the default is the
        // decorated member's value, so the member's name labels it
        const member = parent.parent as { key?: Node } | undefined;
        if (parent.expression === child && member?.key) pushName(names, keyName(member.key));
        return { names, callee, envFallback, envFallbackSource };
      }
      case 'ReturnStatement': {
        // what a function returns is its value: `get apiKey() { return "…"; }`, `apiKey: () => { return "…"; }`
        const fn = functionOfReturn(parent);
        if (!fn) return { names, callee, envFallback, envFallbackSource };
        child = fn;
        parent = fn.parent;
        continue;
      }
      case 'ArrowFunctionExpression':
        // `getToken = () => "…"`: the body is the function's value
        if (parent.body !== child) return { names, callee, envFallback, envFallbackSource };
        break;
      case 'FunctionExpression':
        break;
      case 'MethodDefinition':
      case 'TSAbstractMethodDefinition':
        // a getter or a method of a class: its name labels what it returns
        if (parent.value === child) pushName(names, keyName(parent.key));
        return { names, callee, envFallback, envFallbackSource };
      default:
        return { names, callee, envFallback, envFallbackSource };
    }
    child = parent;
    parent = parent.parent;
  }
  return { names, callee, envFallback, envFallbackSource };
}

/** Methods of schema builders (zod, yup, joi, valibot's pipes) whose argument is the value used when the input is unset. */
const DEFAULT_METHODS = new Set(['default', 'catch']);
/** Keys of an env validator's options (envalid's `str({ default, devDefault })`) that hold such a value. */
const DEFAULT_KEYS = new Set(['default', 'devDefault']);

/**
 * When `child`, an argument of `call`, is a schema default (`.default(child)`, `.catch(child)`, or the `default` of
 * `str({ default: child })` or of a column decorator's `@Column({ default: child })`, whose `default` name `names`
 * then drops), the top of the call's method chain (`z.string().default("…").optional()`): what stands above it names
 * the value. Undefined otherwise.
 */
function defaultedChainTop(call: TSESTree.CallExpression, child: Node, names: string[]): Node | undefined {
  if (call.arguments.length !== 1 || call.arguments[0] !== child) return undefined;
  const callee = call.callee;
  const isMethod = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && DEFAULT_METHODS.has(callee.property.name);
  const isOptions =
    !isMethod &&
    child.type === 'ObjectExpression' &&
    names.length === 1 &&
    DEFAULT_KEYS.has(names[0]!) &&
    (callee.type === 'Identifier' || callee.type === 'MemberExpression');
  if (!isMethod && !isOptions) return undefined;
  if (isOptions) names.pop();
  let top: Node = call;
  // through the rest of the chain: `.optional()`, `.describe("…")`, `.min(1)`
  while (top.parent?.type === 'MemberExpression' && top.parent.object === top && top.parent.parent?.type === 'CallExpression' && top.parent.parent.callee === top.parent) {
    top = top.parent.parent;
  }
  return top;
}

/** Members of a JSON Web Key (RFC 7517, 7518) that hold private key material; the others are public. */
const JWK_PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth']);
/** Members of a JSON Web Key that are public (key type, id, use, parameters, certificate chain and thumbprints). */
const JWK_PUBLIC_MEMBERS = new Set(['kty', 'kid', 'use', 'alg', 'key_ops', 'n', 'e', 'crv', 'x', 'y', 'x5c', 'x5t', 'x5t#S256', 'x5u']);

/** `publicKey` or `privateKey` for a member of a JSON Web Key (`object` has a `kty`), undefined otherwise. */
function jwkMemberLabel(key: string, object: TSESTree.ObjectExpression): string | undefined {
  if (!JWK_PRIVATE_MEMBERS.has(key) && !JWK_PUBLIC_MEMBERS.has(key)) return undefined;
  const isJwk = object.properties.some((p) => p.type === 'Property' && keyName(p.key) === 'kty');
  if (!isJwk) return undefined;
  return JWK_PRIVATE_MEMBERS.has(key) ? 'privateKey' : 'publicKey';
}

/** The env object an object pattern is destructured from (`const {…} = process.env`, `({…} = import.meta.env)`). */
function envPatternSource(pattern: Node | undefined): 'process.env' | 'import.meta.env' | undefined {
  const holder = pattern?.parent;
  const source = holder?.type === 'VariableDeclarator' && holder.id === pattern ? holder.init : holder?.type === 'AssignmentExpression' && holder.left === pattern ? holder.right : undefined;
  return source ? envObjectSource(source) : undefined;
}

/** The static text at the end of an expression (a string literal, or the last part of a template or `+` chain). */
function trailingText(node: Node): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis[node.quasis.length - 1]?.value.cooked ?? undefined;
  if (node.type === 'BinaryExpression' && node.operator === '+') return trailingText(node.right);
  return undefined;
}

/** The detector context for a node, with the test-file flag. */
export function toDetectContext(node: Node, inTestFile: boolean): DetectContext {
  const c = getStringContext(node);
  return {
    names: c.names,
    ...(c.callee ? { callee: c.callee } : {}),
    ...(c.envFallback ? { envFallback: c.envFallback } : {}),
    inTestFile,
  };
}

const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|__fixtures__|tests?|spec|fixtures?|e2e)[\\/]|\.(?:test|spec|stories)\.[cm]?[jt]sx?$/;

/**
 * `filename` as its project names it: relative to `cwd` (ESLint's working directory, the codemod's `--root`) when it
 * lies inside, so that the folders above a project (`/home/me/test/my-worker/…`) do not make all of it test files;
 * as given otherwise.
 */
export function projectPath(filename: string, cwd: string | undefined): string {
  if (!cwd || filename.length <= cwd.length) return filename;
  // Windows paths (a drive letter, or `\\server`) ignore case: `c:\…` is inside `C:\…`
  const windows = cwd.charCodeAt(1) === 58 || cwd.charCodeAt(0) === 92;
  if (windows ? filename.slice(0, cwd.length).toLowerCase() !== cwd.toLowerCase() : !filename.startsWith(cwd)) return filename;
  const last = cwd.charCodeAt(cwd.length - 1);
  if (last === 47 || last === 92) return filename.slice(cwd.length);
  const next = filename.charCodeAt(cwd.length);
  return next === 47 || next === 92 ? filename.slice(cwd.length + 1) : filename;
}

/** Test, spec, fixture and story files (a path relative to the project: see `projectPath`). */
export function isTestFile(filename: string): boolean {
  // several rules ask about the same file in a row: the last answer is kept
  if (filename !== lastTestFile.name) lastTestFile = { name: filename, test: TEST_FILE.test(filename) };
  return lastTestFile.test;
}

let lastTestFile = { name: '', test: false };

/**
 * Map each offset of a string's cooked value to an offset in its source text (between the delimiters).
 * Handles escapes (`\n`, `\xHH`, `\uHHHH`, `\u{…}`, legacy octal, line continuations) and CRLF in templates.
 * Returns `cooked.length + 1` offsets.
 */
export function cookedToSourceOffsets(source: string): number[] {
  const map: number[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === '\r' || next === '\n' || next === '\u2028' || next === '\u2029') {
        i += next === '\r' && source[i + 2] === '\n' ? 3 : 2; // line continuation: no cooked char
        continue;
      }
      let len = 2;
      let units = 1;
      if (next === 'x') len = 4;
      else if (next === 'u' && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3);
        len = close < 0 ? 2 : close - i + 1;
        const cp = parseInt(source.slice(i + 3, close), 16);
        units = cp > 0xffff ? 2 : 1;
      } else if (next === 'u') len = 6;
      else if (next !== undefined && next >= '0' && next <= '7') {
        // legacy octal: three digits from \0–\3 (up to \377), two from \4–\7 (`\400` is `\40` then `0`)
        const most = next <= '3' ? 4 : 3;
        len = 2;
        while (len < most && source[i + len]! >= '0' && source[i + len]! <= '7') len++;
      }
      for (let u = 0; u < units; u++) map.push(i);
      i += len;
    } else if (ch === '\r' && source[i + 1] === '\n') {
      map.push(i);
      i += 2;
    } else {
      map.push(i);
      i += 1;
    }
  }
  map.push(source.length);
  return map;
}

/**
 * Map each offset of a template part's raw text (what `String.raw` returns, and what a tag reads where an escape is
 * invalid) to an offset in its source text (between the delimiters). Escapes stand in the raw text as written; its
 * line breaks are as the parser gives them: espree normalises `\r\n` and `\r` to `\n` (as the language does),
 * typescript-estree keeps them as written. Returns `raw.length + 1` offsets.
 */
export function rawToSourceOffsets(source: string, raw: string): number[] {
  const map: number[] = [];
  let i = 0;
  for (let j = 0; j < raw.length && i < source.length; j++) {
    map.push(i);
    i += source[i] === '\r' && source[i + 1] === '\n' && raw[j] !== '\r' ? 2 : 1;
  }
  while (map.length < raw.length) map.push(source.length);
  map.push(source.length);
  return map;
}

/**
 * Does a template part's raw text hold an escape the language does not cook (`\u{ZZ}`, `\xZ`, `\u12`, `\01`, `\8`)?
 * Only a tagged template may; its tag then reads the raw text alone.
 */
export function hasUncookedEscape(raw: string): boolean {
  // each escape from its backslash (`\\` is one escape: the search goes on after it)
  for (let i = raw.indexOf('\\'); i >= 0; i = raw.indexOf('\\', i + 2)) {
    const next = raw[i + 1] ?? '';
    if (next === 'x' && hexDigitsAt(raw, i + 2, 2) < 2) return true;
    if (next === 'u' && raw[i + 2] === '{') {
      const digits = hexDigitsAt(raw, i + 3, raw.length);
      if (digits === 0 || raw[i + 3 + digits] !== '}' || Number.parseInt(raw.slice(i + 3, i + 3 + digits), 16) > 0x10ffff) return true;
    } else if (next === 'u' && hexDigitsAt(raw, i + 2, 4) < 4) return true;
    // a template takes no octal escape: `\0` only before a non-digit
    if ((next >= '1' && next <= '9') || (next === '0' && /[0-9]/.test(raw[i + 2] ?? ''))) return true;
  }
  return false;
}

/** How many hex digits (at most `most`) stand in `text` from `at`. */
export function hexDigitsAt(text: string, at: number, most: number): number {
  let n = 0;
  while (n < most && /[0-9A-Fa-f]/.test(text[at + n] ?? '')) n++;
  return n;
}
