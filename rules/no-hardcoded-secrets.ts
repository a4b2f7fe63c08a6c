/**
 * `worker-auth/no-hardcoded-secrets`: credentials written into source code. Thin: it maps string sites to the
 * detector and reports; `src/detect` decides what is a secret, `src/ast/sites.ts` builds the rewrite.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { analyzeSite } from '../src/ast/analyze.js';
import { envEditsFor, siteOfComment, siteOfJsxText, siteOfLiteral, siteOfTemplateElement, type StringSite } from '../src/ast/sites.js';
import { isTestFile } from '../src/ast/strings.js';
import { createRule } from '../src/create-rule.js';
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
    const testFile = isTestFile(context.filename);
    if (testFile && options.testFiles === 'off') return {};
    const inTestFile = testFile && options.testFiles !== 'all';

    function check(site: StringSite): void {
      for (const { finding, range, isFallback, envName } of analyzeSite(site, detector, inTestFile)) {
        const loc = { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
        const data = { what: describeFinding(finding), masked: redact(finding.value, finding.prefix), envName };
        if (site.kind === 'comment') {
          context.report({ loc, messageId: 'secretInComment', data });
          continue;
        }
        const edits = envEditsFor(site, [{ start: finding.start, end: finding.end, envName }], sourceCode.text, isFallback);
        context.report({
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

    return {
      // strings under 6 characters hold no credential: skip them before building a site
      Literal(node) {
        if (typeof node.value === 'string' && node.value.length >= 6) check(siteOfLiteral(node as TSESTree.StringLiteral, sourceCode.text));
      },
      TemplateElement(node) {
        if (node.value.raw.length >= 6) check(siteOfTemplateElement(node, sourceCode.text));
      },
      JSXText(node) {
        if (node.raw.length >= 6) check(siteOfJsxText(node));
      },
      'Program:exit'() {
        if (!options.checkComments) return;
        for (const comment of sourceCode.getAllComments()) check(siteOfComment(comment));
      },
    };
  },
});
