/**
 * A string site: a piece of source text whose value the detector reads (string literal, template part, JSX
 * attribute or text, comment), with the map back to source offsets, and the one rewrite both the rule's
 * suggestions and the codemod apply: the secret becomes a `process.env` read.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { decodeEntities, decodeEntity } from '../detect/file-text.js';
import { cookedToSourceOffsets, hasUncookedEscape, hexDigitsAt, rawToSourceOffsets } from './strings.js';

type Node = TSESTree.Node;

export type SiteKind = 'literal' | 'jsx-attribute' | 'template' | 'jsx-text' | 'comment' | 'key' | 'concat' | 'regex' | 'identifier';

export interface StringSite {
  readonly kind: SiteKind;
  /** The AST node (absent for comments). */
  readonly node?: Node;
  readonly value: string;
  /** Source offsets of the first and past-the-last content character (inside the delimiters). */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** value offset → offset from `contentStart`; identity when absent */
  readonly map?: readonly number[];
  /** A `concat` site: where each string's value starts in the joined value (ascending, the first 0). */
  readonly pieceStarts?: readonly number[];
  /** A `concat` site: where each string's content ends in the source, from `contentStart`. */
  readonly pieceEnds?: readonly number[];
  /** A `concat` site: each string's content in the source (absolute offsets), and whether it is a template's. */
  readonly pieceSources?: readonly { readonly start: number; readonly end: number; readonly template: boolean }[];
  /**
   * The file's text, kept by a site whose value its source spells with line continuations (a backslash and a line
   * break, which give no character): `sourceRangeOf` ends a range before one.
   */
  readonly sourceText?: string;
}

/** The nodes whose text is a string site: string literals, template parts, JSX text. */
export type StringNode = TSESTree.StringLiteral | TSESTree.TemplateElement | TSESTree.JSXText;

export function asStringNode(node: Node | undefined): StringNode | undefined {
  if (node?.type === 'Literal') return typeof node.value === 'string' ? (node as TSESTree.StringLiteral) : undefined;
  return node?.type === 'TemplateElement' || node?.type === 'JSXText' ? node : undefined;
}

/**
 * The value the detector reads at a string node's site (its `value`), without building the site: a literal's value,
 * a template part's cooked text (its raw text under `String.raw`, which is what the tag returns, and where an invalid
 * escape leaves a tag no cooked text), JSX text and attribute values with their HTML entities decoded (an attribute's
 * read from its source: see `readJsxAttribute`). The pattern of `new RegExp(…)` is read as a pattern
 * (`regexPatternText`).
 */
export function valueOfStringNode(node: StringNode): string {
  if (node.type === 'JSXText') return node.raw.includes('&') ? decodeEntities(node.raw) : node.raw;
  if (node.type === 'Literal') {
    if (node.parent?.type === 'JSXAttribute') return node.raw.includes('&') ? readJsxAttribute(node.raw.slice(1, -1), node.value).value : node.value;
    return isRegExpPattern(node) ? regexPatternText(node.value) : node.value;
  }
  const text = (readsRaw(node) ? null : node.value.cooked) ?? node.value.raw;
  return isRegExpPattern(node) ? regexPatternText(text) : text;
}

/**
 * A template part whose value is its raw text: under `String.raw`, or under a tag with an escape the language does not
 * cook (`\u{ZZ}`: espree gives no cooked text then, typescript-estree the escape as written).
 */
function readsRaw(node: TSESTree.TemplateElement): boolean {
  return (
    isStringRawPart(node) ||
    node.value.cooked === null ||
    (node.parent?.parent?.type === 'TaggedTemplateExpression' && hasUncookedEscape(node.value.raw))
  );
}

/** A part of a `String.raw` template: the tag reads the raw text. */
function isStringRawPart(node: TSESTree.TemplateElement): boolean {
  const tagged = node.parent?.parent;
  if (tagged?.type !== 'TaggedTemplateExpression') return false;
  const tag = tagged.tag;
  return (
    tag.type === 'MemberExpression' &&
    !tag.computed &&
    tag.object.type === 'Identifier' &&
    tag.object.name === 'String' &&
    tag.property.type === 'Identifier' &&
    tag.property.name === 'raw'
  );
}

/**
 * A string that is the pattern of `new RegExp(…)` or `RegExp(…)`: a string literal, a template literal or a
 * `String.raw` template.
 */
function isRegExpPattern(node: TSESTree.StringLiteral | TSESTree.TemplateElement): boolean {
  let pattern: Node | undefined = node.type === 'Literal' ? node : node.parent;
  if (node.type === 'TemplateElement' && pattern?.parent?.type === 'TaggedTemplateExpression') pattern = isStringRawPart(node) ? pattern.parent : undefined;
  const call = pattern?.parent;
  return (
    (call?.type === 'NewExpression' || call?.type === 'CallExpression') &&
    call.arguments[0] === pattern &&
    call.callee.type === 'Identifier' &&
    call.callee.name === 'RegExp'
  );
}

/**
 * A regular expression's pattern as the detector reads it: each escape written with a letter or digit (`\b`, `\B`,
 * `\s`, `\S`, `\d`, `\w`, `\t`, `\n`, `\r`, `\f`, `\v`, `\0`, a back-reference, `\cJ`, `\x41`, `\u0041`,
 * `\u{1F600}`) becomes as many spaces as it is long. Read as written, its letter is glued to what follows
 * (`/\bghp_…\b/`, the usual way to match a token whole: a format's boundary then sees `bghp_`), and an assertion, a
 * class or a control character is no character of a token; the same length keeps the offsets exact. A backslash
 * before anything else (`\.`, `\/`, `\\`) stays as written: it is no word character.
 */
export function regexPatternText(pattern: string): string {
  if (!pattern.includes('\\')) return pattern;
  let text = '';
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') continue;
    const length = wordEscapeLength(pattern, i);
    if (length > 0) {
      text += pattern.slice(from, i) + ' '.repeat(length);
      from = i + length;
    }
    // past the escape (`\\b` is a backslash, then the letter `b`)
    i += Math.max(length, 2) - 1;
  }
  return text + pattern.slice(from);
}

/** The length of the escape at `i` (a backslash) when a letter or digit follows it, 0 otherwise. */
function wordEscapeLength(pattern: string, i: number): number {
  const next = pattern[i + 1] ?? '';
  if (!isAsciiAlphanumeric(next)) return 0;
  if (next === 'x') return hexDigitsAt(pattern, i + 2, 2) === 2 ? 4 : 2;
  if (next === 'u' && pattern[i + 2] === '{') {
    const digits = hexDigitsAt(pattern, i + 3, pattern.length);
    return digits > 0 && pattern[i + 3 + digits] === '}' ? digits + 4 : 2;
  }
  if (next === 'u') return hexDigitsAt(pattern, i + 2, 4) === 4 ? 6 : 2;
  if (next === 'c') return /[A-Za-z]/.test(pattern[i + 2] ?? '') ? 3 : 2;
  // a back-reference or a legacy octal escape: up to three digits
  let length = 2;
  if (next >= '0' && next <= '9') while (length < 4 && /[0-9]/.test(pattern[i + length] ?? '')) length++;
  return length;
}

function isAsciiAlphanumeric(ch: string): boolean {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

export function siteOfStringNode(node: StringNode, sourceText: string): StringSite {
  if (node.type === 'Literal') return siteOfLiteral(node, sourceText);
  return node.type === 'TemplateElement' ? siteOfTemplateElement(node, sourceText) : siteOfJsxText(node);
}

/** A string `Literal` (attribute values of JSX take no escapes; keys are `key` sites). */
export function siteOfLiteral(node: TSESTree.StringLiteral, sourceText: string): StringSite {
  const [start, end] = node.range;
  const parent = node.parent;
  const isJsx = parent?.type === 'JSXAttribute';
  const isKey = KEY_PARENTS.has(parent?.type ?? '') && (parent as { key?: unknown }).key === node && !(parent as { computed?: boolean }).computed;
  const content = sourceText.slice(start + 1, end - 1);
  const jsx = isJsx && content !== node.value ? readJsxAttribute(content, node.value) : undefined;
  return {
    kind: isJsx ? 'jsx-attribute' : isKey ? 'key' : 'literal',
    node,
    value: jsx?.value ?? valueOfStringNode(node),
    contentStart: start + 1,
    contentEnd: end - 1,
    ...(content === node.value ? {} : jsx ? { map: jsx.map } : { map: cookedToSourceOffsets(content), sourceText }),
  };
}

const JSX_ENTITY = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]{1,31}));/y;

/**
 * Offsets of a JSX attribute's value (HTML entities decoded by the parser: `&amp;` → `&`) in its source text, as
 * `cookedToSourceOffsets` gives them for escapes (see `readJsxAttribute`).
 */
export function jsxEntityOffsets(content: string, value: string): number[] {
  return readJsxAttribute(content, value).map;
}

/**
 * A JSX attribute's value as the page shows it, read from its source text `content` side by side with `parsed`, the
 * value the parser decoded, and the offsets of the value in `content`. JSX takes no backslash escapes. The value is
 * `parsed` but where the parser took an astral numeric entity for one UTF-16 unit (acorn-jsx decodes `&#x1F600;`
 * with `String.fromCharCode`: U+F600), which is read as its character; a named entity this reading does not know is
 * as the parser decoded it. Where the text and the value do not line up, the last offset stands for all.
 */
export function readJsxAttribute(content: string, parsed: string): { value: string; map: number[] } {
  const map: number[] = [];
  let value = '';
  /** `parsed` is copied into `value` up to here */
  let copied = 0;
  let i = 0;
  let j = 0;
  while (j < parsed.length && i < content.length) {
    if (content[i] === '&') {
      JSX_ENTITY.lastIndex = i;
      const m = JSX_ENTITY.exec(content);
      // an entity the parser decoded: its character is next in the value (`&amp;amp;` is `&` then `amp;`); one this
      // reading cannot decode counts as decoded (one unit) unless the value holds it as written
      const decoded = m ? decodeEntity(m[1], m[2], m[3]) : undefined;
      const truncated = decoded !== undefined && decoded.length === 2 && parsed.charCodeAt(j) === decoded.codePointAt(0)! % 0x10000;
      if (m && (truncated || (decoded !== undefined ? parsed.startsWith(decoded, j) : !parsed.startsWith(m[0], j)))) {
        const units = decoded?.length ?? 1;
        for (let u = 0; u < units; u++) map.push(i);
        if (truncated) {
          value += parsed.slice(copied, j) + decoded;
          copied = j + 1;
        }
        i += m[0].length;
        j += truncated ? 1 : units;
        continue;
      }
    }
    map.push(i);
    i++;
    j++;
  }
  value += parsed.slice(copied);
  while (map.length < value.length) map.push(content.length);
  map.push(content.length);
  return { value, map };
}

/** A template part; its range includes the delimiters (`` ` `` or `}` before, `${` or `` ` `` after). */
export function siteOfTemplateElement(node: TSESTree.TemplateElement, sourceText: string): StringSite {
  const start = node.range[0] + 1;
  const end = node.range[1] - (node.tail ? 1 : 2);
  const content = sourceText.slice(start, end);
  const value = valueOfStringNode(node);
  const raw = readsRaw(node);
  return {
    kind: 'template',
    node,
    value,
    contentStart: start,
    contentEnd: end,
    ...(content === value ? {} : raw ? { map: rawToSourceOffsets(content, node.value.raw) } : { map: cookedToSourceOffsets(content), sourceText }),
  };
}

/** A string of a concatenation: a string literal, or a template literal without substitutions. */
function concatLeaf(node: Node): TSESTree.StringLiteral | TSESTree.TemplateElement | undefined {
  if (node.type === 'Literal') return typeof node.value === 'string' ? (node as TSESTree.StringLiteral) : undefined;
  return node.type === 'TemplateLiteral' && node.expressions.length === 0 ? node.quasis[0] : undefined;
}

/**
 * The strings of `node`, a `+` chain of string literals (and templates without substitutions) only, in order;
 * undefined for anything else (a chain with any other operand is left to each string's own site).
 */
export function concatLeaves(node: Node): (TSESTree.StringLiteral | TSESTree.TemplateElement)[] | undefined {
  if (node.range[1] - node.range[0] > MAX_CONCAT_SOURCE) return undefined;
  const leaves: (TSESTree.StringLiteral | TSESTree.TemplateElement)[] = [];
  // left-leaning chains (`a + b + c`) are walked without recursion; parenthesised right operands are taken apart too
  const pending: Node[] = [node];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.type === 'BinaryExpression' && current.operator === '+') {
      pending.push(current.right, current.left);
      continue;
    }
    const leaf = concatLeaf(current);
    if (!leaf) return undefined;
    leaves.push(leaf);
    if (leaves.length > MAX_CONCAT_LEAVES) return undefined;
  }
  return leaves.length >= 2 ? leaves : undefined;
}

/**
 * The strings of a template literal whose substitutions are all strings (`` `ghp_…${""}…` ``, `` `${"sk_"}…` ``), in
 * order: its parts and the strings between them, the pieces of one value as a `+` chain's are. Undefined for a tagged
 * template (the tag makes its value), one with any other substitution, or one too long to be a secret in pieces.
 */
export function literalTemplateLeaves(node: TSESTree.TemplateLiteral): (TSESTree.StringLiteral | TSESTree.TemplateElement)[] | undefined {
  if (node.expressions.length === 0 || node.parent?.type === 'TaggedTemplateExpression') return undefined;
  if (node.range[1] - node.range[0] > MAX_CONCAT_SOURCE || 2 * node.expressions.length + 1 > MAX_CONCAT_LEAVES) return undefined;
  const leaves: (TSESTree.StringLiteral | TSESTree.TemplateElement)[] = [node.quasis[0]!];
  for (let i = 0; i < node.expressions.length; i++) {
    const leaf = concatLeaf(node.expressions[i]!);
    if (!leaf) return undefined;
    leaves.push(leaf, node.quasis[i + 1]!);
  }
  return leaves;
}

/** A longer chain, or one written over more source, is data, not a secret in pieces: its strings are read one by one. */
export const MAX_CONCAT_LEAVES = 200;
const MAX_CONCAT_SOURCE = 100_000;

/**
 * The top of the `+` chain of strings that `node` (a string literal or template) is a piece of, with the chain's
 * strings (`concatLeaves`), if any.
 */
export function concatChainOf(node: Node): { top: TSESTree.BinaryExpression; leaves: (TSESTree.StringLiteral | TSESTree.TemplateElement)[] } | undefined {
  let top: TSESTree.BinaryExpression | undefined;
  for (let parent = (node.type === 'TemplateElement' ? node.parent! : node).parent; parent?.type === 'BinaryExpression' && parent.operator === '+'; parent = parent.parent) {
    top = parent;
  }
  const leaves = top && concatLeaves(top);
  return top && leaves ? { top, leaves } : undefined;
}

/**
 * A `+` chain of strings read as the one value it builds (`"-----BEGIN … KEY-----\n" + "MIIE…" + …`, a token cut in
 * two), or a template literal of strings only (`literalTemplateLeaves`): its value offsets map to each piece's source
 * text. `leaves` from `concatLeaves`. Its findings are those that
 * cross its pieces (`analyzeSite`); what one piece holds whole is that piece's own finding.
 */
export function siteOfConcat(node: TSESTree.BinaryExpression | TSESTree.TemplateLiteral, leaves: readonly (TSESTree.StringLiteral | TSESTree.TemplateElement)[], sourceText: string): StringSite {
  const pieces = leaves.map((leaf) => (leaf.type === 'Literal' ? siteOfLiteral(leaf, sourceText) : siteOfTemplateElement(leaf, sourceText)));
  const contentStart = pieces[0]!.contentStart;
  const map: number[] = [];
  const pieceStarts: number[] = [];
  const pieceEnds: number[] = [];
  let value = '';
  for (const piece of pieces) {
    pieceStarts.push(value.length);
    pieceEnds.push(piece.contentEnd - contentStart);
    value += piece.value;
    for (let i = 0; i < piece.value.length; i++) map.push(piece.contentStart - contentStart + (piece.map ? piece.map[i]! : i));
  }
  const last = pieces[pieces.length - 1]!;
  map.push(last.contentEnd - contentStart);
  const pieceSources = pieces.map((piece) => ({ start: piece.contentStart, end: piece.contentEnd, template: piece.kind === 'template' }));
  return { kind: 'concat', node, value, contentStart, contentEnd: last.contentEnd, map, pieceStarts, pieceEnds, pieceSources, sourceText };
}

export function siteOfJsxText(node: TSESTree.JSXText): StringSite {
  const value = valueOfStringNode(node);
  return {
    kind: 'jsx-text',
    node,
    value,
    contentStart: node.range[0],
    contentEnd: node.range[1],
    ...(value === node.raw ? {} : { map: jsxEntityOffsets(node.raw, value) }),
  };
}

/**
 * A regular expression literal's pattern, as written but for its escapes (`regexPatternText`): a token matched
 * literally (`/ghp_…/`, `/\bghp_…\b/`) is still a token in the code. Read like a comment (no name makes a value a
 * secret there) and never rewritten.
 */
export function siteOfRegex(node: TSESTree.RegExpLiteral): StringSite {
  const contentStart = node.range[0] + 1;
  return { kind: 'regex', node, value: regexPatternText(node.regex.pattern), contentStart, contentEnd: contentStart + node.regex.pattern.length };
}

/** Letters and digits a token's body has at least, after its prefix's last `_`. */
const MIN_NAME_BODY = 12;

/**
 * Could a name end with a token's body: 12 or more letters and digits after its last `_` (or the whole name), with
 * digits in two places at least? A random body nearly always has them (36 characters: 98 %; 20: 83 %); the long
 * names of code end in words, a compiler's `_1` or one version number (`AwsS3Node`, `GoogleDriveOAuth2Api`: on n8n's
 * code, 22 files in 2,818 hold such a name). One pass, no allocation: names are the most common tokens.
 */
export function endsLikeTokenBody(name: string): boolean {
  let groups = 0;
  let inDigits = false;
  let length = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    const c = name.charCodeAt(i);
    if (c === 95) break;
    const digit = c >= 48 && c <= 57;
    if (digit && !inDigits) groups++;
    inDigits = digit;
    length++;
  }
  return groups >= 2 && length >= MIN_NAME_BODY;
}

/** The shortest name read for a token (`siteOfIdentifier`): the shortest provider tokens with a keyword are longer. */
export const MIN_NAME_TOKEN = 16;

/**
 * A name written in code (a key, a variable, a class member: `{ ghp_…: 1 }`): read like a comment (only a provider's
 * format or a marker can make it a secret: no name around it says so), and never rewritten (a name is no value).
 */
export function siteOfIdentifier(node: TSESTree.Identifier | TSESTree.PrivateIdentifier): StringSite {
  const contentStart = node.range[0] + (node.type === 'PrivateIdentifier' ? 1 : 0);
  return { kind: 'identifier', node, value: node.name, contentStart, contentEnd: node.range[1] };
}

export function siteOfComment(comment: TSESTree.Comment): StringSite {
  // a line comment's text runs to its end, whatever opened it (`//`, `#!`, and in a script `<!--` or `-->`)
  const contentEnd = comment.range[1] - (comment.type === 'Block' ? 2 : 0);
  return {
    kind: 'comment',
    value: comment.value,
    contentStart: comment.type === 'Block' ? comment.range[0] + 2 : contentEnd - comment.value.length,
    contentEnd,
  };
}

/**
 * Source offsets of the value range [start, end). The end is where the range's last character is written to: not
 * past the rest of a piece of a chain (`"…" + "…"`) when the range ends with a piece, nor past a line continuation
 * (a backslash and a line break, which the value does not hold) that follows it.
 */
export function sourceRangeOf(site: StringSite, start: number, end: number): [number, number] {
  const at = (i: number): number => site.contentStart + (site.map ? (site.map[i] ?? site.map[site.map.length - 1]!) : i);
  if (end <= start || !site.map) return [at(start), at(end)];
  if (site.pieceStarts && site.pieceEnds) {
    const piece = site.pieceStarts.indexOf(end);
    if (piece > 0) return [at(start), site.contentStart + site.pieceEnds[piece - 1]!];
  }
  let to = at(end);
  const text = site.sourceText;
  if (text !== undefined) {
    const floor = at(end - 1);
    for (let before = continuationBefore(text, to); before > floor; before = continuationBefore(text, to)) to = before;
  }
  return [at(start), to];
}

/** Where a line continuation (an odd run of backslashes, then a line break) that ends at `at` starts; -1 when none. */
function continuationBefore(text: string, at: number): number {
  let k = at - 1;
  const c = text.charCodeAt(k);
  if (c === 10 && text.charCodeAt(k - 1) === 13) k--;
  else if (c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029) return -1;
  let slashes = 0;
  while (text.charCodeAt(k - 1 - slashes) === 92) slashes++;
  return slashes % 2 === 1 ? k - 1 : -1;
}

/** Expression for an env read with the SDK's string-typed fallback. */
export function envReadExpression(envName: string): string {
  // a name that is no identifier (`openai-key`) is read with brackets: `process.env.openai-key` would subtract
  return IDENTIFIER.test(envName) ? `process.env.${envName} ?? ""` : `process.env[${JSON.stringify(envName)}] ?? ""`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Parents where a bare `a ?? b` needs no parentheses. */
const STANDALONE_PARENTS = new Set([
  'VariableDeclarator',
  'Property',
  'CallExpression',
  'NewExpression',
  'AssignmentExpression',
  'AssignmentPattern',
  'ArrayExpression',
  'ReturnStatement',
  'JSXExpressionContainer',
  'PropertyDefinition',
  'SpreadElement',
  'TemplateLiteral',
]);

/** Nodes whose `key` names a member: a string there is a name, not a value (a `key` site, left for a manual edit). */
const KEY_PARENTS = new Set([
  'Property',
  'PropertyDefinition',
  'AccessorProperty',
  'MethodDefinition',
  'TSAbstractMethodDefinition',
  'TSAbstractPropertyDefinition',
  'TSAbstractAccessorProperty',
  'TSPropertySignature',
  'TSMethodSignature',
]);

/** Places where only a literal may stand (types, module specifiers, enum members, import and export names). */
const NO_EDIT_PARENTS = new Set([
  'ImportSpecifier',
  'ExportSpecifier',
  'TSLiteralType',
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportAllDeclaration',
  'ImportExpression',
  'ImportAttribute',
  'TSEnumMember',
  'TSExternalModuleReference',
  'TSImportType',
  'TSModuleDeclaration',
]);

/** `"…" as const` and `<const>"…"` only accept literals (TS1355). */
function isConstAsserted(node: Node): boolean {
  const parent = node.parent;
  if ((parent?.type === 'TSAsExpression' || parent?.type === 'TSTypeAssertion') && parent.typeAnnotation.type === 'TSTypeReference') {
    const name = parent.typeAnnotation.typeName;
    return name.type === 'Identifier' && name.name === 'const';
  }
  return false;
}

/**
 * Inside an enum member's initialiser (`Header = "Bearer " + "…"`): a string enum member takes only constant strings
 * (TS18033), whatever the operators around the literal.
 */
function inEnumMember(node: Node): boolean {
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    if (n.type === 'TSEnumMember') return true;
    if (n.type !== 'BinaryExpression' && n.type !== 'TemplateLiteral' && n.type !== 'TSAsExpression' && n.type !== 'TSTypeAssertion' && n.type !== 'TSSatisfiesExpression') return false;
  }
  return false;
}

/** A directive (`"use strict";`): a prologue string is not a value. */
function isDirective(node: Node): boolean {
  const parent = node.parent;
  return parent?.type === 'ExpressionStatement' && typeof (parent as { directive?: unknown }).directive === 'string';
}

/**
 * `text` to replace `node` with, preceded by `;` when it starts with `(` or `` ` `` at the start of a statement that
 * follows another in a statement list without a semicolon: the previous statement would otherwise go on into a call
 * or a tagged template (`x = {}` then `` `…` `` on the next line). A statement that is the body of an `if`, `else`,
 * loop or label follows no expression, and gets nothing (a `;` there would be the body).
 */
function asiGuard(node: Node, sourceText: string, text: string): string {
  if (text[0] !== '(' && text[0] !== '`') return text;
  let outer: Node = node;
  while (outer.parent && outer.parent.range[0] === node.range[0] && outer.parent.type !== 'ExpressionStatement') outer = outer.parent;
  const statement = outer.parent;
  if (statement?.type !== 'ExpressionStatement' || statement.range[0] !== node.range[0]) return text;
  const list = statement.parent;
  const siblings =
    list?.type === 'Program' || list?.type === 'BlockStatement' || list?.type === 'StaticBlock' || list?.type === 'TSModuleBlock'
      ? list.body
      : list?.type === 'SwitchCase'
        ? list.consequent
        : undefined;
  if (!siblings) return text;
  const index = (siblings as readonly Node[]).indexOf(statement);
  if (index <= 0) return text;
  const previous = (siblings as readonly Node[])[index - 1]!;
  return sourceText[previous.range[1] - 1] === ';' ? text : `;${text}`;
}

/**
 * An ambient context only accepts literals as initialisers (TS1254): `declare const X = "…"`, and anything inside
 * `declare namespace` / `declare module` / `declare global`.
 */
export function isAmbient(node: Node): boolean {
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    // `declare const`, `declare module`, `declare class`, `declare enum`, `declare global`…: every such node says so
    if ((n as { declare?: boolean }).declare === true) return true;
  }
  return false;
}

/** A declaration file (`.d.ts`, `.d.mts`, `.d.cts`, also `.d.<ext>.ts`): all its code is ambient. */
export function isDeclarationFile(path: string): boolean {
  return /\.d(?:\.[^./\\]+)?\.[cm]?ts$/i.test(path);
}

/**
 * The computed name of a class or type member (`class K { ["…"] = 2 }`, `{ ["…"]: string }`): TypeScript needs a
 * literal type there (TS1166, TS1170), which an env read does not have. An object literal's computed key is fine.
 */
function isMemberNameOfType(node: Node): boolean {
  const parent = node.parent as { type: string; key?: unknown; computed?: boolean } | undefined;
  return parent !== undefined && parent.type !== 'Property' && KEY_PARENTS.has(parent.type) && parent.key === node && parent.computed === true;
}

/**
 * The body of the template literal a chain is rewritten to, the secrets read from the env: the rest written as the
 * pieces spell it (their escapes kept: a token written with `\u` escapes is not written out plainly), each string's
 * text turned into template text (`toTemplateRaw`).
 */
function concatTemplateBody(site: StringSite, sorted: readonly EnvPart[], sourceText: string): string {
  const pieces = site.pieceSources ?? [];
  const ranges = sorted.map((p) => sourceRangeOf(site, p.start, p.end));
  const textOf = (piece: { template: boolean }, from: number, to: number): string =>
    piece.template ? sourceText.slice(from, to) : toTemplateRaw(sourceText.slice(from, to));
  let body = '';
  let k = 0;
  let skipUntil = -1;
  for (const piece of pieces) {
    let at = Math.max(piece.start, skipUntil);
    while (k < ranges.length && ranges[k]![0] < piece.end && ranges[k]![0] >= at) {
      body += `${textOf(piece, at, ranges[k]![0])}\${${envReadExpression(sorted[k]!.envName)}}`;
      skipUntil = ranges[k]![1];
      at = Math.max(at, skipUntil);
      k++;
    }
    if (at < piece.end) body += textOf(piece, at, piece.end);
  }
  return body;
}

/** A string value written as template literal text: backslashes, backticks and `${` escaped. */
function escapeForTemplate(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r');
}

/** Escape raw string-literal content for use inside a template literal. */
function toTemplateRaw(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\') {
      const next = raw[i + 1] ?? '';
      // a template takes no legacy octal escape (`\101`, `\0` before a digit) nor `\8`, `\9`: written in hex
      const octal = /^[0-3][0-7]{0,2}|^[4-7][0-7]?/.exec(raw.slice(i + 1, i + 4))?.[0];
      if (octal !== undefined && !(octal === '0' && !/[0-9]/.test(raw[i + 2] ?? ''))) {
        out += `\\x${Number.parseInt(octal, 8).toString(16).padStart(2, '0')}`;
        i += octal.length;
      } else if (next === '8' || next === '9') {
        out += next;
        i++;
      } else {
        out += raw.slice(i, i + 2);
        i++;
      }
    } else if (ch === '`') out += '\\`';
    else if (ch === '$' && raw[i + 1] === '{') out += '\\$';
    else out += ch;
  }
  return out;
}

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One secret of a site to move: value range [start, end) and the env name it moves to. */
export interface EnvPart {
  readonly start: number;
  readonly end: number;
  readonly envName: string;
}

/**
 * The edits that move the secrets `parts` (value ranges, non-overlapping) of `site` into `process.env`, keeping
 * the code a string-typed expression: a whole literal becomes `process.env.NAME ?? ""`, a literal holding more than
 * the secret becomes a template literal, a template part gets `${process.env.NAME ?? ""}`, a comment gets a
 * pointer to the env name. `dropFallback`: the site is the fallback of `process.env.X ?? "…"`, which is emptied.
 * Empty where no safe edit exists (object keys, type positions, module specifiers).
 */
export function envEditsFor(site: StringSite, parts: readonly EnvPart[], sourceText: string, dropFallback = false): TextEdit[] {
  if (parts.length === 0) return [];
  const sorted = [...parts].sort((a, b) => a.start - b.start);
  const node = site.node;
  // a template part under a tag (`String.raw`, `sql`…) or where only a literal may stand (an enum member, a type, a
  // `declare const`): a substitution would change what the tag receives, or not compile; left for a manual edit
  if (site.kind === 'template') {
    // a part of a template literal type (`` type H = `${string} …` ``) takes no expression
    if (node?.parent?.type !== 'TemplateLiteral') return [];
    const literal = node.parent;
    if (literal.parent?.type === 'TaggedTemplateExpression' || NO_EDIT_PARENTS.has(literal.parent?.type ?? '') || isAmbient(literal) || inEnumMember(literal)) return [];
    // `process.env.X ?? \`…\``: the fallback is emptied, as a quoted one is
    const whole = sorted.length === 1 && sorted[0]!.start === 0 && sorted[0]!.end === site.value.length;
    if (dropFallback && whole && literal.expressions.length === 0) return [{ start: literal.range[0], end: literal.range[1], text: '``' }];
  }
  // a pattern takes no env read (`new RegExp(process.env.X)` is a rewrite of the code around it): for you to decide
  if (site.kind === 'regex') return [];
  // a shebang is the command line the file runs with: what replaces the secret there is for you to decide
  if (site.kind === 'comment' && site.contentStart === 2 && sourceText.startsWith('#!')) return [];
  if (site.kind === 'comment' || site.kind === 'jsx-text' || site.kind === 'template') {
    return sorted.map((p) => {
      const [s, e] = sourceRangeOf(site, p.start, p.end);
      const text =
        site.kind === 'comment' ? `<moved to env ${p.envName}>` : site.kind === 'jsx-text' ? `{${envReadExpression(p.envName)}}` : `\${${envReadExpression(p.envName)}}`;
      return { start: s, end: e, text };
    });
  }
  if (site.kind === 'concat') {
    // the chain is rewritten whole (its pieces cannot each take a part of a secret that crosses them): an env read,
    // or a template literal of the value with the secrets read from the env (`${…}\n` after a PEM key)
    const whole = sorted.length === 1 && sorted[0]!.start === 0 && sorted[0]!.end === site.value.length;
    if (!node || NO_EDIT_PARENTS.has(node.parent?.type ?? '') || isAmbient(node) || inEnumMember(node)) return [];
    if (dropFallback && whole) return [{ start: node.range[0], end: node.range[1], text: '""' }];
    const bare = STANDALONE_PARENTS.has(node.parent?.type ?? '');
    if (whole) {
      const read = envReadExpression(sorted[0]!.envName);
      return [{ start: node.range[0], end: node.range[1], text: asiGuard(node, sourceText, bare ? read : `(${read})`) }];
    }
    return [{ start: node.range[0], end: node.range[1], text: asiGuard(node, sourceText, `\`${concatTemplateBody(site, sorted, sourceText)}\``) }];
  }
  if (!node || site.kind === 'key' || site.kind === 'identifier' || NO_EDIT_PARENTS.has(node.parent?.type ?? '') || isAmbient(node) || isDirective(node) || isMemberNameOfType(node) || inEnumMember(node)) return [];
  const whole = sorted.length === 1 && sorted[0]!.start === 0 && sorted[0]!.end === site.value.length;
  // `"…" as const` takes a (template) literal, not `a ?? b`
  if (whole && isConstAsserted(node)) return [];
  if (dropFallback && whole && site.kind === 'literal') {
    const quote = sourceText[node.range[0]]!;
    return [{ start: node.range[0], end: node.range[1], text: `${quote}${quote}` }];
  }
  if (whole) {
    const read = envReadExpression(sorted[0]!.envName);
    if (site.kind === 'jsx-attribute') return [{ start: node.range[0], end: node.range[1], text: `{${read}}` }];
    const bare = STANDALONE_PARENTS.has(node.parent?.type ?? '');
    return [{ start: node.range[0], end: node.range[1], text: asiGuard(node, sourceText, bare ? read : `(${read})`) }];
  }
  // a JSX attribute takes no escapes and decodes HTML entities (`&amp;`): its template is written from the value, read
  // from the source text (`readJsxAttribute`: an emoji written as an entity stays that emoji)
  if (site.kind === 'jsx-attribute') {
    let body = '';
    let at = 0;
    for (const p of sorted) {
      body += `${escapeForTemplate(site.value.slice(at, p.start))}\${${envReadExpression(p.envName)}}`;
      at = p.end;
    }
    body += escapeForTemplate(site.value.slice(at));
    return [{ start: node.range[0], end: node.range[1], text: `{\`${body}\`}` }];
  }
  // a literal holding more than the secrets: rebuild it as a template literal from its raw source pieces
  let body = '';
  let at = site.contentStart;
  for (const p of sorted) {
    const [s, e] = sourceRangeOf(site, p.start, p.end);
    body += `${toTemplateRaw(sourceText.slice(at, s))}\${${envReadExpression(p.envName)}}`;
    at = e;
  }
  body += toTemplateRaw(sourceText.slice(at, site.contentEnd));
  const template = `\`${body}\``;
  return [{ start: node.range[0], end: node.range[1], text: asiGuard(node, sourceText, template) }];
}
