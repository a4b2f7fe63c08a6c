/**
 * A string site: a piece of source text whose value the detector reads (string literal, template part, JSX
 * attribute or text, comment), with the map back to source offsets, and the one rewrite both the rule's
 * suggestions and the codemod apply: the secret becomes a `process.env` read.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { cookedToSourceOffsets } from './strings.js';

type Node = TSESTree.Node;

export type SiteKind = 'literal' | 'jsx-attribute' | 'template' | 'jsx-text' | 'comment' | 'key';

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
}

/** A string `Literal` (attribute values of JSX take no escapes; keys are `key` sites). */
export function siteOfLiteral(node: TSESTree.StringLiteral, sourceText: string): StringSite {
  const [start, end] = node.range;
  const parent = node.parent;
  const isJsx = parent?.type === 'JSXAttribute';
  const isKey = (parent?.type === 'Property' || parent?.type === 'PropertyDefinition') && parent.key === node && !parent.computed;
  const content = sourceText.slice(start + 1, end - 1);
  return {
    kind: isJsx ? 'jsx-attribute' : isKey ? 'key' : 'literal',
    node,
    value: node.value,
    contentStart: start + 1,
    contentEnd: end - 1,
    ...(isJsx || content === node.value ? {} : { map: cookedToSourceOffsets(content) }),
  };
}

/** A template part; its range includes the delimiters (`` ` `` or `}` before, `${` or `` ` `` after). */
export function siteOfTemplateElement(node: TSESTree.TemplateElement, sourceText: string): StringSite {
  const start = node.range[0] + 1;
  const end = node.range[1] - (node.tail ? 1 : 2);
  const content = sourceText.slice(start, end);
  const value = node.value.cooked ?? node.value.raw;
  return {
    kind: 'template',
    node,
    value,
    contentStart: start,
    contentEnd: end,
    ...(content === value ? {} : { map: cookedToSourceOffsets(content) }),
  };
}

export function siteOfJsxText(node: TSESTree.JSXText): StringSite {
  return { kind: 'jsx-text', node, value: node.raw, contentStart: node.range[0], contentEnd: node.range[1] };
}

export function siteOfComment(comment: TSESTree.Comment): StringSite {
  return {
    kind: 'comment',
    value: comment.value,
    contentStart: comment.range[0] + 2,
    contentEnd: comment.range[1] - (comment.type === 'Block' ? 2 : 0),
  };
}

/** Source offsets of the value range [start, end). */
export function sourceRangeOf(site: StringSite, start: number, end: number): [number, number] {
  const at = (i: number): number => site.contentStart + (site.map ? (site.map[i] ?? site.map[site.map.length - 1]!) : i);
  return [at(start), at(end)];
}

/** Expression for an env read with the SDK's string-typed fallback. */
export function envReadExpression(envName: string): string {
  return `process.env.${envName} ?? ""`;
}

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
  'ExpressionStatement',
  'SpreadElement',
  'TemplateLiteral',
]);

/** Places where only a literal may stand (types, module specifiers, enum members). */
const NO_EDIT_PARENTS = new Set([
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

/** Escape raw string-literal content for use inside a template literal. */
function toTemplateRaw(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\') {
      out += raw.slice(i, i + 2);
      i++;
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

/**
 * The edit that moves the secret at value range [start, end) of `site` into `process.env.<envName>`, keeping the
 * code a string-typed expression. `dropFallback`: the site is the fallback of `process.env.X ?? "…"` — the edit
 * empties the fallback instead. Undefined where no safe edit exists (comments, keys, JSX text).
 */
export function envEditFor(
  site: StringSite,
  start: number,
  end: number,
  envName: string,
  sourceText: string,
  dropFallback = false,
): TextEdit | undefined {
  const node = site.node;
  if (!node || site.kind === 'comment' || site.kind === 'key' || site.kind === 'jsx-text') return undefined;
  if (NO_EDIT_PARENTS.has(node.parent?.type ?? '')) return undefined;
  const whole = start === 0 && end === site.value.length;
  const read = envReadExpression(envName);
  if (site.kind === 'template') {
    const [s, e] = sourceRangeOf(site, start, end);
    return { start: s, end: e, text: `\${${read}}` };
  }
  if (dropFallback && whole && site.kind === 'literal') {
    const quote = sourceText[node.range[0]]!;
    return { start: node.range[0], end: node.range[1], text: `${quote}${quote}` };
  }
  const [s, e] = sourceRangeOf(site, start, end);
  if (site.kind === 'jsx-attribute') {
    if (whole) return { start: node.range[0], end: node.range[1], text: `{${read}}` };
    const before = sourceText.slice(site.contentStart, s);
    const after = sourceText.slice(e, site.contentEnd);
    return { start: node.range[0], end: node.range[1], text: `{\`${toTemplateRaw(before)}\${${read}}${toTemplateRaw(after)}\`}` };
  }
  if (whole) {
    const parentType = node.parent?.type ?? '';
    const bare = STANDALONE_PARENTS.has(parentType) && !(parentType === 'ExpressionStatement');
    return { start: node.range[0], end: node.range[1], text: bare ? read : `(${read})` };
  }
  const before = sourceText.slice(site.contentStart, s);
  const after = sourceText.slice(e, site.contentEnd);
  return { start: node.range[0], end: node.range[1], text: `\`${toTemplateRaw(before)}\${${read}}${toTemplateRaw(after)}\`` };
}
