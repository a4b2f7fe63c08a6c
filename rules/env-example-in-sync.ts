/**
 * `worker-auth/env-example-in-sync`: every `process.env.X` the worker reads is listed in the nearest
 * `.env.example`, so that the deploy (`ntn workers env push`) and every new clone know the variable exists.
 * Thin: `src/workers/env-reads.ts` finds the reads, `src/env/project.ts` finds and reads `.env.example` (dotenv's
 * parser, once per path and modification time).
 */
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { isTestFile, projectPath } from '../src/ast/strings.js';
import { createRule, reportMasked } from '../src/create-rule.js';
import { findNearestEnvExample, findProjectRoot, readEnvExampleNames } from '../src/env/project.js';
import { envReadsOf, isAllowedName, RUNTIME_ENV_NAMES, scopeResolver } from '../src/workers/env-reads.js';
import { gateText } from '../src/ast/gate-text.js';
import { getWorkerModel, mayNameGateWord, safely } from '../src/workers/model.js';
import { staticString } from '../src/workers/values.js';
import { mayDeclareCredentials } from '../src/workers/credential-keys.js';

export type Options = [{ allowNames?: string[]; checkTestFiles?: boolean }];
export type MessageIds = 'missingFromEnvExample' | 'credentialMissingFromEnvExample';

/**
 * How a message names the `.env.example`: relative to the working directory when it is inside it, else relative to
 * the file's project root (the folder of the nearest `package.json` or `.git`).
 */
export function displayPath(path: string, cwd: string, filename: string): string {
  const inside = (base: string): string | undefined => {
    const rel = relative(base, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : undefined;
  };
  const fromCwd = cwd !== '' && dirname(cwd) !== cwd ? inside(cwd) : undefined;
  return fromCwd ?? relative(findProjectRoot(filename), path).split(sep).join('/');
}

export default createRule<Options, MessageIds>({
  name: 'env-example-in-sync',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every `process.env` variable the worker reads, and every credential it declares, to be listed in the nearest `.env.example`',
      recommended: true,
    },
    messages: {
      missingFromEnvExample:
        '`process.env.{{name}}` is read here but `{{file}}` does not list it, so the deployed worker will not get it. Add the line `{{line}}` to `{{file}}`, set the value in `.env` and push it with `ntn workers env push` (or run `worker-auth-codemod --sync-env-example`).',
      credentialMissingFromEnvExample:
        'The credential `{{name}}` is injected from the worker\'s env variable `{{name}}`, but `{{file}}` does not list it, so the deployed worker will not get it. Add the line `{{line}}` to `{{file}}`, set the value in `.env` and push it with `ntn workers env push` (or run `worker-auth-codemod --sync-env-example`).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Variable names that need no entry (set by the platform or the tooling), besides the built-in ones such as `NODE_ENV`; an entry ending in `*` matches a prefix.',
          },
          checkTestFiles: { type: 'boolean', description: 'Also check reads in test, spec and fixture files.' },
        },
      },
    ],
    defaultOptions: [{ allowNames: [], checkTestFiles: false }],
  },
  create(context, [options]) {
    // every env read goes through `process` (`process.env`, `import { env } from "node:process"`), and a credential is
    // declared on a worker of `@notionhq/workers` (`worker.credential(key, …)`): most files stop here
    if (!mayNameGateWord(context.sourceCode)) return {};
    const text = gateText(context.sourceCode);
    const reads = text.includes('process');
    const credentials = mayDeclareCredentials(text);
    if (!reads && !credentials) return {};
    if (!options.checkTestFiles && isTestFile(projectPath(context.filename, context.cwd))) return {};
    const examplePath = findNearestEnvExample(context.filename);
    if (examplePath === undefined) return {};
    const listed = readEnvExampleNames(examplePath);
    if (listed === undefined) return {};
    const allow = [...RUNTIME_ENV_NAMES, ...(options.allowNames ?? [])];
    const file = displayPath(examplePath, context.cwd, context.filename);
    const resolver = scopeResolver(context.sourceCode);

    function check(node: Parameters<typeof envReadsOf>[0]): void {
      for (const read of envReadsOf(node, resolver)) {
        if (listed!.has(read.name) || isAllowedName(read.name, allow)) continue;
        reportMasked(context, { node: read.node, messageId: 'missingFromEnvExample', data: { name: read.name, file, line: `${read.name}=` } });
      }
    }

    /** `worker.credential("KEY", …)`: the worker's env must hold `KEY` (a key the code builds at run time is not read). */
    function checkCredentials(): void {
      const model = getWorkerModel(context);
      for (const call of model.credentialCalls) {
        safely(() => {
          const keyArg = call.arguments[0];
          const name = keyArg && keyArg.type !== 'SpreadElement' ? staticString(keyArg, model.values) : undefined;
          if (name === undefined || listed!.has(name) || isAllowedName(name, allow)) return;
          reportMasked(context, { node: keyArg!, messageId: 'credentialMissingFromEnvExample', data: { name, file, line: `${name}=` } });
        });
      }
    }

    return {
      ...(reads ? { MemberExpression: check, VariableDeclarator: check, AssignmentExpression: check, AssignmentPattern: check } : {}),
      ...(credentials ? { 'Program:exit': checkCredentials } : {}),
    };
  },
});
