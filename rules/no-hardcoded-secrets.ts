/**
 * `worker-auth/no-hardcoded-secrets`: credentials written into source code. Thin: it maps string sites to the
 * detector and reports; `src/detect` decides what is a secret, `src/ast/sites.ts` builds the rewrite.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { analyzeSite, FileEnvNames } from '../src/ast/analyze.js';
import { collectEnvReads, scopeResolver } from '../src/workers/env-reads.js';
import { asStringNode, concatChainOf, envEditsFor, isDeclarationFile, endsLikeTokenBody, literalTemplateLeaves, MAX_CONCAT_LEAVES, MIN_NAME_TOKEN, regexPatternText, siteOfComment, siteOfConcat, siteOfIdentifier, siteOfRegex, siteOfStringNode, valueOfStringNode, type StringSite } from '../src/ast/sites.js';
import { findNodeAt } from '../src/ast/find.js';
import { isTestFile, projectPath } from '../src/ast/strings.js';
import { createRule, reportMasked } from '../src/create-rule.js';
import { describeFinding } from '../src/detect/index.js';
import { redact } from '../src/detect/redact.js';
import { detectorOptionsSchema, getDetector, type DetectorOptions } from '../src/detect/options.js';

export type Options = [
  DetectorOptions & {
    checkComments?: boolean;
    testFiles?: 'all' | 'high-confidence' | 'off';
  },
];
export type MessageIds = 'hardcodedSecret' | 'hardcodedFallback' | 'secretInComment' | 'useEnv' | 'dropFallback';

/** Findings of one string that get a suggestion (each suggestion rewrites the whole literal)… */
export const MAX_SUGGESTIONS_PER_STRING = 50;
/** …and no more than keep the suggestions' text of one string under this many characters. */
export const SUGGESTION_TEXT_BUDGET = 2_000_000;

/** A token that is a whole string: a string literal, or a template literal without substitutions. */
function isWholeString(token: { type: string; value: string } | undefined): boolean {
  if (!token) return false;
  if (token.type === 'String') return true;
  return token.type === 'Template' && token.value.length >= 2 && token.value.startsWith('`') && token.value.endsWith('`');
}

/**
 * The token indexes of a template literal whose substitutions are each one string, from its head at `k`: the head, each
 * string and the part after it, up to the tail; undefined when a substitution is anything else.
 */
function literalTemplateGroup(tokens: readonly TSESTree.Token[], k: number): number[] | undefined {
  const group = [k];
  for (let j = k; ; j += 2) {
    const next = tokens[j + 2];
    if (!isWholeString(tokens[j + 1]) || next?.type !== 'Template' || !next.value.startsWith('}')) return undefined;
    group.push(j + 1, j + 2);
    if (next.value.endsWith('`') && !next.value.endsWith('${')) return group;
    if (!next.value.endsWith('${')) return undefined;
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-secrets',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow credentials (API keys, tokens, passwords, private keys) written into source code',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      hardcodedSecret:
        '{{what}} `{{masked}}` is hardcoded. Read it from `process.env.{{envName}}` (keep the value in `.env`, deploy it with `ntn workers env push`) and rotate it: it is already in git history.',
      hardcodedFallback:
        '{{what}} `{{masked}}` is the hardcoded fallback of `{{envRead}}`, so it ships with the code. Drop the fallback and rotate the value: it is already in git history.',
      secretInComment:
        '{{what}} `{{masked}}` is written in a comment. Remove it and rotate it: it is already in git history.',
      useEnv: 'Replace with `process.env.{{envName}} ?? ""`.',
      dropFallback: 'Drop the hardcoded fallback of `{{envRead}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...detectorOptionsSchema,
          checkComments: { type: 'boolean', description: 'Also report credentials written in comments.' },
          testFiles: {
            type: 'string',
            enum: ['all', 'high-confidence', 'off'],
            description:
              'In test, spec and fixture files: report everything, only checksum- or prefix-certain provider tokens, or nothing.',
          },
        },
      },
    ],
    defaultOptions: [{ checkComments: true, testFiles: 'high-confidence' }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const detector = getDetector(options);
    const testFiles = options.testFiles;
    if (testFiles === 'off' && isTestFile(projectPath(context.filename, context.cwd))) return {};
    /** read in a test file (with `testFiles: 'all'` never so): asked on the first string that gets past the first step */
    let inTestFile: boolean | undefined;
    const isInTestFile = (): boolean => (inTestFile ??= testFiles !== 'all' && isTestFile(projectPath(context.filename, context.cwd)));
    /** a `.d.ts` file: asked on the first report */
    let declarationFile: boolean | undefined;
    /** the env names the suggestions give: none the code reads already, one per value (the codemod's choice) */
    const names = new FileEnvNames(() => new Set(collectEnvReads(sourceCode.ast, scopeResolver(sourceCode)).map((read) => read.name)));

    /**
     * Report the findings of one site; `within`: source ranges already reported for a chain of strings this site is a
     * piece of (a finding inside one is that finding again). Returns the source ranges reported.
     */
    function check(site: StringSite, within?: readonly [number, number][]): [number, number][] {
      const reported: [number, number][] = [];
      // each suggestion rewrites the whole literal: the first findings of a string get one, as many as keep the
      // rewritten text under a budget (a string holding thousands of tokens would otherwise cost time and memory
      // quadratic in its length); every finding is reported either way
      const suggestable = Math.min(MAX_SUGGESTIONS_PER_STRING, Math.floor(SUGGESTION_TEXT_BUDGET / Math.max(1, site.contentEnd - site.contentStart)));
      let suggested = 0;
      for (const { finding, range, isFallback, envName: proposed, envRead } of analyzeSite(site, detector, isInTestFile())) {
        // a comment's or a pattern's secret is not moved to the env: it takes no name from the values that are
        const envName = isFallback || site.kind === 'comment' || site.kind === 'regex' || site.kind === 'identifier' ? proposed : names.nameFor(proposed, finding.value);
        if (within?.some(([from, to]) => range[0] >= from && range[1] <= to)) continue;
        reported.push(range);
        const loc = { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
        const data = { what: describeFinding(finding), masked: redact(finding.value, finding.prefix), envName, envRead };
        if (site.kind === 'comment') {
          reportMasked(context, { loc, messageId: 'secretInComment', data });
          continue;
        }
        // a declaration file is ambient code: an initialiser there must be a literal (TS1254), so no env read
        const edits =
          suggested++ < suggestable && !(declarationFile ??= isDeclarationFile(context.filename))
            ? envEditsFor(site, [{ start: finding.start, end: finding.end, envName }], sourceCode.text, isFallback)
            : [];
        reportMasked(context, {
          loc,
          messageId: isFallback ? 'hardcodedFallback' : 'hardcodedSecret',
          data,
          suggest:
            edits.length > 0
              ? [
                  {
                    messageId: isFallback ? 'dropFallback' : 'useEnv',
                    data: { envName, envRead },
                    fix: (fixer) => edits.map((e) => fixer.replaceTextRange([e.start, e.end], e.text)),
                  },
                ]
              : [],
        });
      }
      return reported;
    }

    /** One string token (a string literal, a template part, JSX text), read on its own. */
    function checkStringToken(token: TSESTree.Token, within?: readonly [number, number][]): void {
      const text = sourceCode.text;
      const type = token.type as string;
      const [start, end] = token.range;
      // a finding needs 10 characters in a row (see `mayHoldSecret`), inside the delimiters
      if (end - start < 10) return;
      let from = start;
      let to = end;
      // what makes the text differ from the value: escapes, or the HTML entities of a JSX attribute's value
      let decoded = '\\';
      if (type === 'String') {
        from++;
        to--;
      } else if (type === 'Template') {
        from++;
        to -= text.endsWith('${', end) ? 2 : 1;
      } else if (text[start] === '"' || text[start] === "'") {
        from++;
        to--;
        decoded = '&';
      } else {
        // JSX text: its HTML entities are decoded too
        decoded = '&';
      }
      if (to - from < 10) return;
      const raw = text.slice(from, to);
      // the first step then reads the node's value
      const escaped = raw.includes(decoded);
      if (!escaped && !detector.mayHoldSecret(raw)) return;
      // the node only for a string that may hold a secret
      const node = asStringNode(findNodeAt(sourceCode.ast as TSESTree.Node, start, sourceCode.visitorKeys));
      if (!node || (escaped && !detector.mayHoldSecret(valueOfStringNode(node)))) return;
      check(siteOfStringNode(node, sourceCode.text), within);
    }

    /**
     * `"…" + "…"` chains of strings only: a secret cut into pieces (a PEM key written line by line, a token split for
     * line length) is read from the value the chain builds: what crosses its pieces is reported on the chain, and each
     * string is read on its own for the rest.
     */
    function checkConcatenations(groups: readonly (readonly number[])[]): void {
      const tokens = sourceCode.ast.tokens;
      for (const group of groups) {
        // one lookup per run: its first string's node, the top of its chain (a chain longer than the joined reading
        // takes, or one with another operand, `x + "…" + "…"`, is read string by string)
        if (group.length <= MAX_CONCAT_LEAVES) {
          const node = findNodeAt(sourceCode.ast as TSESTree.Node, tokens[group[0]!]!.range[0], sourceCode.visitorKeys);
          const piece = node?.type === 'TemplateLiteral' ? node.quasis[0] : asStringNode(node);
          const chain = piece && concatChainOf(piece);
          if (chain && chain.leaves.length === group.length) {
            checkJoined(siteOfConcat(chain.top, chain.leaves, sourceCode.text), group);
            continue;
          }
        }
        checkJoined(undefined, group);
      }
    }

    /**
     * The value a group of strings builds (`site`, none when they build none), then each string, but for what the whole
     * reported (a piece of a token cut in two is no finding again).
     */
    function checkJoined(site: StringSite | undefined, group: readonly number[]): void {
      const tokens = sourceCode.ast.tokens;
      const within = site && detector.mayHoldSecret(site.value) ? check(site) : undefined;
      for (const k of group) checkStringToken(tokens[k]!, within);
    }

    /**
     * Templates whose substitutions are all strings (`` `ghp_…${""}…` ``): read as the value they build, like a `+`
     * chain (what crosses their pieces is reported on the template), then each string for the rest.
     */
    function checkLiteralTemplates(groups: readonly (readonly number[])[]): void {
      const tokens = sourceCode.ast.tokens;
      for (const group of groups) {
        const node = findNodeAt(sourceCode.ast as TSESTree.Node, tokens[group[0]!]!.range[0], sourceCode.visitorKeys);
        const template = node?.type === 'TemplateElement' && node.parent?.type === 'TemplateLiteral' ? node.parent : undefined;
        const leaves = template && literalTemplateLeaves(template);
        checkJoined(template && leaves ? siteOfConcat(template, leaves, sourceCode.text) : undefined, group);
      }
    }

    /**
     * Names of 16 characters or more: read together first, apart by spaces (no format's match spans a space, and a name
     * starts and ends at a boundary as a comment's word does), then one by one only when that may hold something; a
     * name's node only when it may.
     */
    function checkNames(indexes: readonly number[]): void {
      const tokens = sourceCode.ast.tokens;
      if (!detector.mayHoldSecret(indexes.map((k) => tokens[k]!.value).join(' '), 'comment')) return;
      for (const k of indexes) {
        const token = tokens[k]!;
        if (!detector.mayHoldSecret(token.value, 'comment')) continue;
        const node = findNodeAt(sourceCode.ast as TSESTree.Node, token.range[0], sourceCode.visitorKeys);
        if (node?.type === 'Identifier' || node?.type === 'PrivateIdentifier') check(siteOfIdentifier(node));
      }
    }

    /** A regular expression literal: its pattern, read like a comment (see `siteOfRegex`); its node only when it may hold one. */
    function checkRegex(token: TSESTree.Token): void {
      const pattern = regexPatternText(token.value.slice(1, token.value.lastIndexOf('/')));
      if (!detector.mayHoldSecret(pattern, 'comment')) return;
      const node = findNodeAt(sourceCode.ast as TSESTree.Node, token.range[0], sourceCode.visitorKeys);
      if (node?.type === 'Literal' && 'regex' in node && node.regex) check(siteOfRegex(node as TSESTree.RegExpLiteral));
    }

    // One listener per file, not one per string: walk the token stream, and only for a string the detector's
    // first step cannot rule out look up its node (for the context) and analyse it.
    return {
      Program() {
        const tokens = sourceCode.ast.tokens;
        /** runs of strings joined by `+` (token indexes): pieces of concatenations, read below */
        let chained: number[][] | undefined;
        /** templates of strings only (token indexes of their parts and strings), read below */
        let templated: number[][] | undefined;
        /** names long enough to be a token (token indexes), read below */
        let named: number[] | undefined;
        for (let k = 0; k < tokens.length; k++) {
          const token = tokens[k]!;
          const type = token.type as string;
          if (type !== 'String' && type !== 'Template' && type !== 'JSXText') {
            if (type === 'RegularExpression' && token.range[1] - token.range[0] >= 12) checkRegex(token);
            // a token written as a name (`{ ghp_…: 1 }`, a class member, a variable): provider formats only, read after
            // the walk (all long names of the file at once first: most files have a dozen, none a token)
            else if ((type === 'Identifier' || type === 'PrivateIdentifier') && token.range[1] - token.range[0] >= MIN_NAME_TOKEN && endsLikeTokenBody(token.value)) {
              (named ??= []).push(k);
            }
            continue;
          }
          // a `"…" + "…" + …` run of strings is read after the walk, as one group (its chain, then its pieces)
          if (isWholeString(token) && tokens[k + 1]?.value === '+' && isWholeString(tokens[k + 2])) {
            const group = [k];
            while (tokens[k + 1]?.value === '+' && isWholeString(tokens[k + 2])) {
              k += 2;
              group.push(k);
            }
            (chained ??= []).push(group);
            continue;
          }
          // a template whose substitutions are all strings (`…${""}…`) is one value too: read after the walk, as a group
          if (type === 'Template' && token.value.endsWith('${') && token.value.startsWith('`')) {
            const group = literalTemplateGroup(tokens, k);
            if (group) {
              (templated ??= []).push(group);
              k = group[group.length - 1]!;
              continue;
            }
          }
          checkStringToken(token);
        }
        if (chained) checkConcatenations(chained);
        if (templated) checkLiteralTemplates(templated);
        if (named) checkNames(named);
      },
      'Program:exit'() {
        if (!options.checkComments) return;
        for (const comment of sourceCode.getAllComments()) {
          if (detector.mayHoldSecret(comment.value, 'comment')) check(siteOfComment(comment));
        }
      },
    };
  },
});
