/**
 * `worker-auth/oauth-credentials-from-env`: OAuth client ids, client secrets and tokens must be read from
 * `process.env`. Thin: the worker model finds the configurations, `src/workers/values.ts` says where each value comes
 * from, `redact()` masks what is shown.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isTestFile, projectPath } from '../src/ast/strings.js';
import { envEditsFor, siteOfLiteral } from '../src/ast/sites.js';
import { createRule, reportMasked } from '../src/create-rule.js';
import { detectSecrets } from '../src/detect/index.js';
import { redact } from '../src/detect/redact.js';
import { envNameBase, getWorkerModel, modelMayApply, safely, type CredentialField, type CredentialSite, type OAuthConfig } from '../src/workers/model.js';
import { classifyCredential } from '../src/workers/values.js';

export type Options = [{ checkClientId?: boolean; checkTokens?: boolean; checkTestFiles?: boolean }];
export type MessageIds = 'hardcodedSecret' | 'hardcodedClientId' | 'hardcodedFallback' | 'useEnv' | 'dropFallback';

const ENV_SUFFIX: Readonly<Record<CredentialField, string>> = {
  clientId: 'CLIENT_ID',
  clientSecret: 'CLIENT_SECRET',
  accessToken: 'ACCESS_TOKEN',
  refreshToken: 'REFRESH_TOKEN',
};

/** `process.env.<NAME>_OAUTH_CLIENT_SECRET`, NAME from the configuration's name or key. */
export function oauthEnvName(config: OAuthConfig, field: CredentialField): string {
  const base = envNameBase(config);
  return base === '' ? `OAUTH_${ENV_SUFFIX[field]}` : `${base}_OAUTH_${ENV_SUFFIX[field]}`;
}

/** How a message names the configuration. */
function describeConfig(config: OAuthConfig): string {
  switch (config.source) {
    case 'notion-worker':
      return config.key === undefined ? 'this `worker.oauth()` configuration' : `\`worker.oauth("${config.key}")\``;
    case 'passport':
      return `this \`${config.library ?? 'passport'}\` strategy`;
    case 'googleapis':
      return 'this Google OAuth2 client';
    case 'simple-oauth2':
      return 'this `simple-oauth2` client';
    case 'octokit':
      return `this \`${config.library ?? '@octokit'}\` configuration`;
    case 'arctic':
      return config.name === undefined ? 'this arctic client' : `this arctic \`${config.name}\` client`;
    case 'object':
      return 'this OAuth configuration';
  }
}

/** The value masked like every other output of the plugin: a known provider prefix, at most the last 4 characters. */
function mask(value: string, key: string): string {
  const finding = detectSecrets(value, { names: [key] }).find((candidate) => candidate.start === 0);
  return redact(value, finding?.prefix ?? '');
}

function isSecretField(field: CredentialField): boolean {
  return field !== 'clientId';
}

export default createRule<Options, MessageIds>({
  name: 'oauth-credentials-from-env',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require OAuth client ids, client secrets and tokens to be read from `process.env`',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      hardcodedSecret:
        '`{{key}}` of {{config}} is hardcoded (`{{masked}}`). Read it from `process.env.{{envName}}`: put the value in `.env`, push it with `ntn workers env push` and redeploy (the OAuth capability binds it at registration). Rotate it: it is already in git history.',
      hardcodedClientId:
        '`{{key}}` of {{config}} is hardcoded (`{{masked}}`). Read it from `process.env.{{envName}}`: put the value in `.env`, push it with `ntn workers env push` and redeploy (the OAuth capability binds it at registration), so the app can be changed without a code change.',
      hardcodedFallback:
        '`{{key}}` of {{config}} falls back to a hardcoded value (`{{masked}}`) when `process.env.{{envName}}` is unset, so the value ships with the code. Fall back to `""` instead, keep the value in `.env`, push it with `ntn workers env push` and redeploy.{{rotate}}',
      useEnv: 'Replace with `process.env.{{envName}} ?? ""`.',
      dropFallback: 'Replace the fallback with `""`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkClientId: {
            type: 'boolean',
            description: 'Also require the client id (public, but bound at registration) to come from `process.env`.',
          },
          checkTokens: {
            type: 'boolean',
            description: 'Also check access and refresh token fields (`accessToken`, `refresh_token`, …).',
          },
          checkTestFiles: {
            type: 'boolean',
            description: 'Also check test, spec and fixture files (their OAuth clients are usually mocks).',
          },
        },
      },
    ],
    defaultOptions: [{ checkClientId: true, checkTokens: true, checkTestFiles: false }],
  },
  create(context, [options]) {
    // no traced module and no endpoint keys in the text: no OAuth configuration to check (first: most files stop here)
    if (!modelMayApply(context.sourceCode)) return {};
    // mocks in tests; a real-format secret there is still reported by `no-hardcoded-secrets`
    if (!options.checkTestFiles && isTestFile(projectPath(context.filename, context.cwd))) return {};
    const sourceCode = context.sourceCode;
    const reported = new Set<string>();

    function once(node: TSESTree.Node): boolean {
      const key = `${node.range[0]}:${node.range[1]}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    }

    /** Replaces the value where it is written; a shorthand property (`{ clientSecret }`) is replaced whole. */
    function useEnvFix(node: TSESTree.Node, envName: string): TSESLint.ReportSuggestionArray<MessageIds> {
      const parent = node.parent;
      const shorthand = parent?.type === 'Property' && parent.shorthand && parent.value === node ? parent : undefined;
      const target: TSESTree.Node = shorthand ?? node;
      if (sourceCode.getCommentsInside(target).length > 0) return [];
      // a string literal: the rewrite no-hardcoded-secrets and the codemod make (none where only a literal may stand:
      // `<const>"…"`, `"…" as const`, ambient code; parentheses where the context needs them)
      if (!shorthand && node.type === 'Literal' && typeof node.value === 'string') {
        const site = siteOfLiteral(node as TSESTree.StringLiteral, sourceCode.text);
        const edits = envEditsFor(site, [{ start: 0, end: site.value.length, envName }], sourceCode.text);
        if (edits.length === 0) return [];
        return [{ messageId: 'useEnv', data: { envName }, fix: (fixer) => edits.map((e) => fixer.replaceTextRange([e.start, e.end], e.text)) }];
      }
      const expression = `process.env.${envName} ?? ""`;
      const text = shorthand ? `${sourceCode.getText(shorthand.key)}: ${expression}` : expression;
      return [{ messageId: 'useEnv', data: { envName }, fix: (fixer) => fixer.replaceText(target, text) }];
    }

    function check(config: OAuthConfig, site: CredentialSite): void {
      if (site.field === 'clientId' && !options.checkClientId) return;
      if ((site.field === 'accessToken' || site.field === 'refreshToken') && !options.checkTokens) return;
      const value = classifyCredential(site.node, getWorkerModel(context).values);
      if (value.kind === 'env') {
        const fallback = value.fallback;
        if (!fallback || !once(fallback.node)) return;
        reportMasked(context, {
          node: fallback.node,
          messageId: 'hardcodedFallback',
          data: {
            key: site.key,
            config: describeConfig(config),
            masked: mask(fallback.value, site.key),
            envName: value.envName,
            rotate: isSecretField(site.field) ? ' Rotate it: it is already in git history.' : '',
          },
          suggest:
            sourceCode.getCommentsInside(fallback.node).length > 0
              ? []
              : [{ messageId: 'dropFallback', fix: (fixer) => fixer.replaceText(fallback.node, '""') }],
        });
        return;
      }
      // reported where the value is written: the literal (also in a const declaration), or the expression building it
      if (value.kind !== 'static' || !once(value.node)) return;
      const envName = oauthEnvName(config, site.field);
      reportMasked(context, {
        node: value.node,
        messageId: isSecretField(site.field) ? 'hardcodedSecret' : 'hardcodedClientId',
        data: { key: site.key, config: describeConfig(config), masked: mask(value.value, site.key), envName },
        suggest: useEnvFix(value.node, envName),
      });
    }

    return {
      'Program:exit'() {
        for (const config of getWorkerModel(context).configs) {
          // a spread of an unknown object or a computed key may replace any value: no guessing
          if (config.incomplete) continue;
          for (const site of config.credentials) safely(() => check(config, site));
        }
      },
    };
  },
});
