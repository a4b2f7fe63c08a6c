/**
 * `worker-auth/no-hardcoded-secrets`: credentials written into source code. Thin: it maps string sites to the
 * detector and reports; `src/detect` decides what is a secret, `src/ast/sites.ts` builds the rewrite.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { analyzeSite } from '../src/ast/analyze.js';
import { asStringNode, envEditsFor, siteOfComment, siteOfStringNode, valueOfStringNode, type StringSite } from '../src/ast/sites.js';
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
        '{{what}} `{{masked}}` is the hardcoded fallback of `process.env.{{envName}}`, so it ships with the code. Drop the fallback and rotate the value: it is already in git history.',
      secretInComment:
        '{{what}} `{{masked}}` is written in a comment. Remove it and rotate it: it is already in git history.',
      useEnv: 'Replace with `process.env.{{envName}} ?? ""`.',
      dropFallback: 'Drop the hardcoded fallback of `process.env.{{envName}}`.',
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
    const testFile = isTestFile(projectPath(context.filename, context.cwd));
    if (testFile && options.testFiles === 'off') return {};
    const inTestFile = testFile && options.testFiles !== 'all';

    function check(site: StringSite): void {
      // each suggestion rewrites the whole literal: the first findings of a string get one, as many as keep the
      // rewritten text under a budget (a string holding thousands of tokens would otherwise cost time and memory
      // quadratic in its length); every finding is reported either way
      const suggestable = Math.min(MAX_SUGGESTIONS_PER_STRING, Math.floor(SUGGESTION_TEXT_BUDGET / Math.max(1, site.contentEnd - site.contentStart)));
      let suggested = 0;
      for (const { finding, range, isFallback, envName } of analyzeSite(site, detector, inTestFile)) {
        const loc = { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
        const data = { what: describeFinding(finding), masked: redact(finding.value, finding.prefix), envName };
        if (site.kind === 'comment') {
          reportMasked(context, { loc, messageId: 'secretInComment', data });
          continue;
        }
        const edits =
          suggested++ < suggestable
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
                    data: { envName },
                    fix: (fixer) => edits.map((e) => fixer.replaceTextRange([e.start, e.end], e.text)),
                  },
                ]
              : [],
        });
      }
    }

    // One listener per file, not one per string: walk the token stream, and only for a string the detector's
    // first step cannot rule out look up its node (for the context) and analyse it.
    return {
      Program() {
        const text = sourceCode.text;
        for (const token of sourceCode.ast.tokens) {
          const type = token.type as string;
          if (type !== 'String' && type !== 'Template' && type !== 'JSXText') continue;
          const [start, end] = token.range;
          // a finding needs 10 characters in a row (see `mayHoldSecret`), inside the delimiters
          if (end - start < 10) continue;
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
          if (to - from < 10) continue;
          const raw = text.slice(from, to);
          // the first step then reads the node's value
          const escaped = raw.includes(decoded);
          if (!escaped && !detector.mayHoldSecret(raw)) continue;
          // the node only for a string that may hold a secret
          const node = asStringNode(findNodeAt(sourceCode.ast as TSESTree.Node, start, sourceCode.visitorKeys));
          if (!node || (escaped && !detector.mayHoldSecret(valueOfStringNode(node)))) continue;
          check(siteOfStringNode(node, sourceCode.text));
        }
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
