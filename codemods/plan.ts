/**
 * Plan, then apply: the codemod's core. It knows nothing of ts-morph or jscodeshift: it parses a source text
 * (typescript-estree, the parser of the ESLint rule; espree, ESLint's own parser, for a CommonJS script that only a
 * script parser takes), asks the shared site analysis for secrets, and turns them into text edits once env names are
 * chosen for the whole repository.
 */
import { createRequire } from 'node:module';
import { parse, simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { analyzeSite, type SiteFinding } from '../src/ast/analyze.js';
import { asStringNode, concatLeaves, endsLikeTokenBody, envEditsFor, isAmbient, literalTemplateLeaves, MIN_NAME_TOKEN, siteOfComment, siteOfConcat, siteOfIdentifier, siteOfStringNode, type StringSite, type TextEdit } from '../src/ast/sites.js';
import { isTestFile } from '../src/ast/strings.js';
import type { Detector } from '../src/detect/index.js';
import { chooseEnvName } from '../src/env/index.js';
import { credentialKeysOf, mayDeclareCredentials } from '../src/workers/credential-keys.js';
import { collectEnvReads, syntacticResolver } from '../src/workers/env-reads.js';

export interface SecretOccurrence extends SiteFinding {
  readonly site: StringSite;
  /** 1-based line and column of the secret. */
  readonly line: number;
  readonly column: number;
}

export interface SourcePlan {
  readonly path: string;
  readonly occurrences: readonly SecretOccurrence[];
  /** Parsed as a CommonJS script (`parseSource`): the rewritten text must parse as one too. */
  readonly script?: boolean;
}

export class ParseError extends Error {
  constructor(
    readonly path: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(`${path}${line ? `:${line}` : ''}: does not parse (${detail}); left untouched.`);
  }
}

/** Files parsed with JSX on (a `.js` file may hold JSX): the file prefilter reads their JSX text and entities too. */
export const JSX_OK = /\.(?:tsx|jsx|js|mjs|cjs)$/;

/**
 * Files that may be CommonJS scripts, which ESLint parses with espree as scripts (`.cjs`: `sourceType: "commonjs"` by
 * default; a `.js` file when the project says so): Annex B syntax that typescript-estree refuses is valid there (HTML-
 * like comments `<!--` and `-->`, legacy octal escapes `"\101"` and literals `010`). TypeScript files stay strict.
 */
const SCRIPT_OK = /\.(?:cjs|js)$/;

type Espree = { parse(code: string, options: Record<string, unknown>): unknown };
let espree: Espree | null | undefined;

/**
 * ESLint's own espree (the parser that decides what ESLint accepts), else the one beside this package; null when
 * neither resolves (the file is then reported as not parsing, as before). Loaded on first need: most runs never parse
 * a script that typescript-estree refuses.
 */
function loadEspree(): Espree | null {
  if (espree !== undefined) return espree;
  const requireHere = createRequire(import.meta.url);
  const attempts = [(): unknown => createRequire(requireHere.resolve('eslint'))('espree'), (): unknown => requireHere('espree')];
  espree = null;
  for (const attempt of attempts) {
    try {
      espree = attempt() as Espree;
      break;
    } catch {
      // the next place, or none
    }
  }
  return espree;
}

/**
 * `source` parsed as ESLint parses a CommonJS script (espree, `sourceType: "commonjs"`), or undefined when it does not
 * parse as one. Without JSX first, as ESLint's defaults read a `.cjs` or `.js` file, then with it (a `.js` file may
 * hold JSX, as typescript-estree reads it here).
 */
function parseScript(source: string, path: string, comment: boolean): TSESTree.Program | undefined {
  const parser = loadEspree();
  if (!parser) return undefined;
  // ESLint reads a shebang as a `//` comment of the same length (espree itself may refuse `#!`)
  const shebang = source.startsWith('#!');
  const text = shebang ? `//${source.slice(2)}` : source;
  for (const jsx of JSX_OK.test(path) ? [false, true] : [false]) {
    let ast: TSESTree.Program;
    try {
      ast = parser.parse(text, { ecmaVersion: 'latest', sourceType: 'commonjs', range: true, loc: false, comment, ecmaFeatures: { jsx } }) as TSESTree.Program;
    } catch {
      continue;
    }
    // a shebang is read apart (`planSource`), as typescript-estree keeps none: as a comment here it would be read twice
    if (ast.comments && shebang) ast.comments = ast.comments.filter((c) => c.range[0] !== 0);
    return ast;
  }
  return undefined;
}

/**
 * Parse one source as the rule's parser does (typescript-estree); a `.cjs` or `.js` file it refuses for syntax (not a
 * crash such as a stack overflow) is parsed again as a CommonJS script with espree, which ESLint uses for those files,
 * and `script` says so. Throws the typescript-estree error when neither takes the text.
 */
export function parseSource(source: string, path: string, options: { comment?: boolean } = {}): { ast: TSESTree.Program; script: boolean } {
  const comment = options.comment ?? false;
  try {
    return { ast: parse(source, { range: true, loc: false, comment, jsx: JSX_OK.test(path), filePath: path }), script: false };
  } catch (error) {
    const syntax = typeof (error as { lineNumber?: unknown }).lineNumber === 'number';
    const ast = syntax && SCRIPT_OK.test(path) ? parseScript(source, path, comment) : undefined;
    if (!ast) throw error;
    return { ast, script: true };
  }
}

/**
 * Throws unless the rewritten `text` parses with the parser that took the original (`script`: espree, as a CommonJS
 * script; else typescript-estree, as the rule reads the file): a rewrite never gives ESLint a file it rejects.
 */
export function assertParses(text: string, path: string, script: boolean | undefined): void {
  if (!script) {
    parse(text, { range: true, jsx: JSX_OK.test(path), filePath: path });
    return;
  }
  if (!parseScript(text, path, false)) throw new Error('the rewritten script does not parse; nothing was written.');
}

/**
 * May a file the codemod skips (minified, too large, not UTF-8) hold a secret it should name? Not a test file when
 * `testFiles` is `off`; else what the detector's whole-file prefilter lets through (what it rules out holds nothing the
 * rule would report). Shared by the CLI run and the jscodeshift entry.
 */
export function skippedMayHoldSecret(detector: Detector, path: string, text: string, testFiles: 'all' | 'high-confidence' | 'off' | undefined): boolean {
  return !(testFiles === 'off' && isTestFile(path)) && detector.mayContainSecret(text, { jsx: JSX_OK.test(path) });
}

/** What ends a line for ESLint (and so for its `line:column`, and the lines its `eslint-disable` comments name). */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** Where each line of `text` starts (ascending; the first at 0). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(LINE_BREAK)) starts.push(m.index + m[0].length);
  return starts;
}

/** 1-based line and column of `offset`, from `lineStartsOf`. */
function lineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * Does [from, to] lie inside one of `ranges` (each `[start, end]`, inclusive here)? Asked once per finding: the ranges
 * sorted by start, each with the furthest end reached up to it, so that a question is a binary search (n log n in
 * all, where asking `ranges.some` per finding was quadratic in a file of thousands of secrets).
 */
function rangeIndex(ranges: readonly (readonly [number, number])[]): (from: number, to: number) => boolean {
  const sorted = ranges.slice().sort((a, b) => a[0] - b[0]);
  const reach: number[] = [];
  let furthest = -Infinity;
  for (let i = 0; i < sorted.length; i++) reach.push((furthest = Math.max(furthest, sorted[i]![1])));
  return (from, to) => {
    // the last range that starts at or before `from`: every range before it starts there too
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]![0] <= from) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && reach[last]! >= to;
  };
}

/** Find every secret of one source text. Throws `ParseError` for code that does not parse. */
export function planSource(
  source: string,
  path: string,
  detector: Detector,
  options: { testFiles?: 'all' | 'high-confidence' | 'off'; /** false: also what `eslint-disable` comments silence */ honourDisables?: boolean } = {},
): SourcePlan {
  const testFile = isTestFile(path);
  if (testFile && options.testFiles === 'off') return { path, occurrences: [] };
  let ast: TSESTree.Program;
  let script: boolean;
  try {
    ({ ast, script } = parseSource(source, path, { comment: true }));
  } catch (error) {
    const e = error as { lineNumber?: number; message?: string };
    throw new ParseError(path, e.lineNumber, (e.message ?? 'syntax error').split('\n')[0]!);
  }
  const sites: StringSite[] = [];
  /** where the names read so far start */
  const names = new Set<number>();
  simpleTraverse(
    ast,
    {
      enter(node) {
        const stringNode = asStringNode(node);
        if (stringNode) sites.push(siteOfStringNode(stringNode, source));
        // the top of a `+` chain of strings is also read as the one value it builds (see `siteOfConcat`)
        else if (node.type === 'BinaryExpression' && node.operator === '+' && !(node.parent?.type === 'BinaryExpression' && node.parent.operator === '+')) {
          const leaves = concatLeaves(node);
          if (leaves) sites.push(siteOfConcat(node, leaves, source));
        } else if (node.type === 'TemplateLiteral') {
          // a template whose substitutions are all strings is one value too (`…${""}…`)
          const leaves = literalTemplateLeaves(node);
          if (leaves) sites.push(siteOfConcat(node, leaves, source));
        } else if ((node.type === 'Identifier' || node.type === 'PrivateIdentifier') && node.range[1] - node.range[0] >= MIN_NAME_TOKEN && endsLikeTokenBody(node.name)) {
          // a token written as a name (`{ ghp_…: 1 }`, a class member): read as the rule reads it, left for a manual
          // edit (a name is no value); once per place (a shorthand property's key and value are one name)
          if (!names.has(node.range[0])) {
            names.add(node.range[0]);
            sites.push(siteOfIdentifier(node));
          }
        }
      },
    },
    true,
  );
  // a shebang is a comment to ESLint (and so to the rule), but the parser here keeps none
  if (source.startsWith('#!')) {
    const end = source.search(LINE_BREAK);
    const lineEnd = end < 0 ? source.length : end;
    sites.push(siteOfComment({ type: 'Line', value: source.slice(2, lineEnd), range: [0, lineEnd] } as TSESTree.Comment));
  }
  for (const comment of ast.comments ?? []) sites.push(siteOfComment(comment));
  const inTestFile = testFile && options.testFiles !== 'all';
  let occurrences: SecretOccurrence[] = [];
  const starts = lineStartsOf(source);
  for (const site of sites) {
    for (const f of analyzeSite(site, detector, inTestFile)) {
      occurrences.push({ ...f, site, ...lineColumn(starts, f.range[0]) });
    }
  }
  // a piece of a chain of strings whose finding lies inside one of the chain's own (a token cut in two) is that
  // finding again
  const chained = occurrences.filter((o) => o.site.kind === 'concat').map((o) => o.range);
  if (chained.length > 0) {
    const inChain = rangeIndex(chained);
    occurrences = occurrences.filter((o) => o.site.kind === 'concat' || !inChain(o.range[0], o.range[1]));
  }
  occurrences.sort((a, b) => a.range[0] - b.range[0]);
  const suppressed = options.honourDisables === false ? undefined : suppressedBy(ast.comments ?? [], starts);
  return { path, occurrences: suppressed ? occurrences.filter((o) => !suppressed(o.line, o.range[0])) : occurrences, ...(script ? { script } : {}) };
}

/**
 * The env names one source text reads (`process.env.X`, destructured, through an alias: the reads
 * `worker-auth/env-example-in-sync` sees), in source order. Throws the parser's error for code that does not parse.
 */
export function envNamesRead(source: string, path: string): string[] {
  const { ast } = parseSource(source, path);
  simpleTraverse(ast, { enter: () => undefined }, true);
  const names = collectEnvReads(ast, syntacticResolver(ast)).map((read) => read.name);
  // a credential declared on a worker is injected from the worker's env variable of its key
  return mayDeclareCredentials(source) ? [...names, ...credentialKeysOf(ast)] : names;
}

const RULE_ID = 'worker-auth/no-hardcoded-secrets';
/** A directive comment's label (ESLint's `ConfigCommentParser`): lower-case words joined by `-`, then a space or the end. */
const DIRECTIVE_LABEL = /^([a-z]+(?:-[a-z]+)*)(?:\s|$)/u;
/** Where a directive's description starts: two or more dashes with white space on both sides. */
const DESCRIPTION = /\s-{2,}\s/u;

/** The rules a directive comment names, read as ESLint reads them (`undefined`: no `eslint-disable`/`-enable` directive). */
function directiveOf(value: string): { kind: string; rules: string[] } | undefined {
  const description = DESCRIPTION.exec(value);
  const directive = (description ? value.slice(0, description.index) : value).trim();
  const m = DIRECTIVE_LABEL.exec(directive);
  if (!m || !['eslint-disable-next-line', 'eslint-disable-line', 'eslint-disable', 'eslint-enable'].includes(m[1]!)) return undefined;
  const rules = directive
    .slice(m[1]!.length)
    .split(',')
    .map((name) => {
      const trimmed = name.trim();
      // a name in matching quotes stands for itself
      const quote = trimmed[0];
      return trimmed.length >= 2 && (quote === '"' || quote === "'") && trimmed.endsWith(quote) ? trimmed.slice(1, -1) : trimmed;
    })
    .filter(Boolean);
  return { kind: m[1]!, rules };
}

/**
 * The `eslint-disable` comments that silence `no-hardcoded-secrets` (or every rule), read as ESLint reads them:
 * `-next-line` (the line after the comment's end) and `-line` (a one-line comment's line) in any comment,
 * `eslint-disable` … `eslint-enable` in block comments (from the disabling comment's start). Lines end where ESLint's
 * do (`\r\n`, `\r`, `\n`, U+2028, U+2029). A value the rule is told to leave alone is not moved either. Undefined
 * when the file has none: (line, offset) → suppressed.
 */
function suppressedBy(comments: readonly TSESTree.Comment[], starts: readonly number[]): ((line: number, offset: number) => boolean) | undefined {
  const lines = new Set<number>();
  const ranges: [number, number][] = [];
  let disabledFrom = -1;
  for (const comment of comments) {
    const directive = directiveOf(comment.value);
    if (!directive) continue;
    const { kind, rules } = directive;
    if (rules.length > 0 && !rules.includes(RULE_ID)) continue;
    const first = lineColumn(starts, comment.range[0]).line;
    const last = lineColumn(starts, comment.range[1]).line;
    if (kind === 'eslint-disable-next-line') lines.add(last + 1);
    else if (kind === 'eslint-disable-line') {
      // ESLint takes a one-line comment only
      if (first === last) lines.add(first);
    } else if (comment.type === 'Block') {
      if (kind === 'eslint-disable' && disabledFrom < 0) disabledFrom = comment.range[0];
      else if (kind === 'eslint-enable' && disabledFrom >= 0) {
        ranges.push([disabledFrom, comment.range[0]]);
        disabledFrom = -1;
      }
    }
  }
  if (disabledFrom >= 0) ranges.push([disabledFrom, Number.MAX_SAFE_INTEGER]);
  if (lines.size === 0 && ranges.length === 0) return undefined;
  // [from, to) holds `offset` when [from, to - 1] holds it: one binary search per finding, not a scan of every region
  const inRegion = rangeIndex(ranges.map(([from, to]) => [from, to - 1] as const));
  return (line, offset) => lines.has(line) || inRegion(offset, offset);
}

/**
 * One env name per distinct secret value across all plans: an existing `process.env.X ?? "<value>"` fallback
 * names it `X`; a value already in `.env` keeps its name there; otherwise the finding's name, suffixed
 * (`_2`, `_3`…) when `.env` or another value holds it, or when the code already reads it (`readNames`) for its own
 * purpose: loading `.env` would then change what that read returns.
 */
export function assignEnvNames(plans: readonly SourcePlan[], existingEnv: ReadonlyMap<string, string>, readNames: ReadonlySet<string> = new Set()): Map<string, string> {
  const names = new Map<string, string>();
  /** names given to a value here */
  const assigned = new Set<string>();
  /** names no new value may take: given to a value here, or read by the code (a `.env` line holding the same value still gives its name) */
  const taken = new Set(readNames);
  const byValue = new Map<string, SecretOccurrence[]>();
  /** values the worker's own code holds (not only a test or fixture file, not only a comment) */
  const inCode = new Set<string>();
  for (const plan of plans) {
    const test = isTestFile(plan.path);
    for (const o of plan.occurrences) {
      const list = byValue.get(o.finding.value);
      if (list) list.push(o);
      else byValue.set(o.finding.value, [o]);
      // a value only a comment holds (a revoked token noted) yields the plain name to one the code uses
      if (!test && o.site.kind !== 'comment') inCode.add(o.finding.value);
    }
  }
  // where the search for a free `NAME_<n>` resumes, per name (every lower suffix is taken by another value)
  const nextSuffix = new Map<string, number>();
  const existingByValue = new Map<string, string>();
  for (const [k, v] of existingEnv) if (!existingByValue.has(v)) existingByValue.set(v, k);
  // fallbacks first: their names are already in the code; then the values of the worker's code before those only a
  // test holds, so that the code gets the plain name (`GITHUB_TOKEN`) and a fixture the suffixed one
  // (each value's rank once: asked in the comparator, it was a scan of the value's occurrences per comparison)
  const ranks = new Map<string, number>();
  for (const [value, occurrences] of byValue) ranks.set(value, occurrences.some((o) => o.isFallback) ? 0 : inCode.has(value) ? 1 : 2);
  const ordered = [...byValue.entries()].sort((a, b) => ranks.get(a[0])! - ranks.get(b[0])!);
  for (const [value, occurrences] of ordered) {
    const fallback = occurrences.find((o) => o.isFallback);
    let name: string;
    // a fallback's own name is read by the code for this very value
    if (fallback && (!existingEnv.has(fallback.envName) || existingEnv.get(fallback.envName) === value) && !assigned.has(fallback.envName)) {
      name = fallback.envName;
    } else {
      name = existingByValue.get(value) ?? chooseEnvName(occurrences[0]!.envName, value, existingEnv, taken, nextSuffix);
    }
    names.set(value, name);
    assigned.add(name);
    taken.add(name);
  }
  return names;
}

/**
 * A string literal that TypeScript requires to stay a literal, where an env read would not type-check: a whole
 * `"<secret>" as const` / `<const>"<secret>"` (a template with the rest of the string is fine), and initializers in
 * an ambient context (`declare const X = "…"`).
 */
function mustStayLiteral(site: StringSite, whole: boolean): boolean {
  const node = site.node;
  if (!node || node.type !== 'Literal') return false;
  const parent = node.parent;
  if (whole && (parent?.type === 'TSAsExpression' || parent?.type === 'TSTypeAssertion') && parent.expression === node) {
    const type = parent.typeAnnotation;
    if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'const') return true;
  }
  return isAmbient(node);
}

/** The text edits of one plan, given the repository-wide names. Occurrences with no safe edit are returned apart. */
export function buildEdits(plan: SourcePlan, names: ReadonlyMap<string, string>, source: string): { edits: TextEdit[]; manual: SecretOccurrence[] } {
  // each site's occurrences in one list, appended to (a copy per occurrence was quadratic in a site's secrets)
  const bySite = new Map<StringSite, SecretOccurrence[]>();
  for (const o of plan.occurrences) {
    const list = bySite.get(o.site);
    if (list) list.push(o);
    else bySite.set(o.site, [o]);
  }
  const edits: TextEdit[] = [];
  const manual: SecretOccurrence[] = [];
  const editSite = (site: StringSite, occurrences: SecretOccurrence[]): boolean => {
    const isFallback = occurrences.length === 1 && occurrences[0]!.isFallback;
    const dropFallback = isFallback && names.get(occurrences[0]!.finding.value) === occurrences[0]!.envName;
    const parts = occurrences.map((o) => ({ start: o.finding.start, end: o.finding.end, envName: names.get(o.finding.value)! }));
    const whole = !dropFallback && parts.length === 1 && parts[0]!.start === 0 && parts[0]!.end === site.value.length;
    const siteEdits = mustStayLiteral(site, whole) ? [] : envEditsFor(site, parts, source, dropFallback);
    if (siteEdits.length === 0) manual.push(...occurrences);
    edits.push(...siteEdits);
    return siteEdits.length > 0;
  };
  // a chain of strings is rewritten whole: a piece of it that holds a secret of its own as well is left for a manual
  // edit (its edit would overlap), so the chains come first, then the other sites, each asked of the rewritten chains
  // with one binary search
  const chains: [number, number][] = [];
  for (const [site, occurrences] of bySite) if (site.kind === 'concat' && editSite(site, occurrences)) chains.push(site.node!.range);
  const inChain = rangeIndex(chains);
  for (const [site, occurrences] of bySite) {
    if (site.kind === 'concat') continue;
    if (site.node && chains.length > 0 && inChain(site.node.range[0], site.node.range[1])) manual.push(...occurrences);
    else editSite(site, occurrences);
  }
  return { edits, manual };
}

/** Apply non-overlapping edits (checked) from the last to the first. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.end > sorted[i - 1]!.start) throw new Error('internal error: overlapping edits; nothing was written.');
  }
  // one pass from the start (the last of the sorted edits first): linear however many edits there are. Edits at the
  // same offset come out as applying them from the last would leave them: the later one's text first
  const parts: string[] = [];
  let cursor = 0;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i]!;
    parts.push(source.slice(cursor, e.start), e.text);
    cursor = e.end;
  }
  parts.push(source.slice(cursor));
  return parts.join('');
}
