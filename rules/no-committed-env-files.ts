/**
 * `worker-auth/no-committed-env-files`: `.env` and `.env.*` files (other than `.env.example`) tracked by git or not
 * git-ignored, and a `.env.example` holding a real-looking secret. Project-level, so it reports once per lint run,
 * on the worker entry file (the file that creates `new Worker()` from `@notionhq/workers`; `src/index.ts` when no
 * file of the project does).
 * Thin: `src/env/project.ts` runs the check (git via `execFileSync` with a timeout, cached per project root) and
 * the detector decides what is a secret; values are only shown masked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { createRule, reportMasked } from '../src/create-rule.js';
import { DEFAULT_ALLOW_FILES, DEFAULT_EXAMPLE_FILES, findProjectRoot, getEnvFileFindings, noteWorkerFile, projectCreatesWorker, type EnvFileFinding } from '../src/env/project.js';
import { getWorkerModel, mayNameGateWord } from '../src/workers/model.js';
import { gateText } from '../src/ast/gate-text.js';

export type Options = [{ exampleFiles?: string[]; allowFiles?: string[]; checkExampleSecrets?: boolean }];
export type MessageIds = 'trackedEnvFile' | 'envFileNotIgnored' | 'secretInEnvExample';

/**
 * Project root → the entry file that reports its findings in this process (once per lint run). A long-running process
 * (an editor, `eslint_d`) sees files change: the owner gives the claim up when it no longer is the entry, and another
 * entry takes it over when the owner's file on disk no longer creates a worker (or is gone).
 */
const claims = new Map<string, string>();

/** The owner's file still names the SDK and creates a worker, or still is the entry by its path. */
function ownerStillEntry(owner: string, root: string): boolean {
  return createsWorkerOnDisk(owner) || (existsSync(owner) && isEntryByPath(owner, root) && !projectCreatesWorker(root));
}

/** Does the file, as saved, create the worker? */
function createsWorkerOnDisk(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  return text.includes('@notionhq/workers') && /\bnew\s+Worker\b/.test(text);
}

function isEntryByPath(filename: string, root: string): boolean {
  const rel = relative(root, resolve(filename)).split(sep).join('/');
  return /^src\/index\.[cm]?[jt]sx?$/.test(rel);
}

function messageIdOf(finding: EnvFileFinding): MessageIds {
  switch (finding.problem) {
    case 'tracked':
      return 'trackedEnvFile';
    case 'not-ignored':
      return 'envFileNotIgnored';
    case 'secret-in-example':
      return 'secretInEnvExample';
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-committed-env-files',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `.env` files tracked by git or not git-ignored, and real-looking secrets in `.env.example`',
      recommended: true,
    },
    messages: {
      trackedEnvFile:
        '`{{file}}` is tracked by git, so every value in it is in the repository history. Run `git rm --cached {{file}}`, ignore it in `.gitignore` (`.env`, `.env.*`, `!.env.example`) and rotate the secrets it held.',
      envFileNotIgnored:
        '`{{file}}` is not git-ignored: one `git add .` commits its secrets. Add `.env` and `.env.*` (with `!.env.example`) to `.gitignore`.',
      secretInEnvExample:
        '`{{file}}` line {{line}} gives `{{envName}}` a value that looks like a real secret ({{what}} `{{masked}}`), and this file is committed. Leave it empty (`{{envName}}=`), keep the value in `.env` only, and rotate it.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          exampleFiles: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More env template names that are meant to be committed, like `.env.example` (always one); their values are checked for secrets.',
          },
          allowFiles: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Env file names that may be committed and are not checked (an encrypted `.env.vault`).',
          },
          checkExampleSecrets: {
            type: 'boolean',
            description: 'Report real-looking secrets in `.env.example` and the other template files.',
          },
        },
      },
    ],
    defaultOptions: [{ exampleFiles: [...DEFAULT_EXAMPLE_FILES], allowFiles: [...DEFAULT_ALLOW_FILES], checkExampleSecrets: true }],
  },
  create(context, [options]) {
    const filename = context.filename;
    if (filename === '' || filename.startsWith('<')) return {};
    // only a file that creates the worker, or a `src/index.*`, can be the entry: every other file costs nothing
    if (!(mayNameGateWord(context.sourceCode) && gateText(context.sourceCode).includes('@notionhq/workers')) && !/[\\/]src[\\/]index\.[cm]?[jt]sx?$/.test(filename)) return {};
    return {
      'Program:exit'(program) {
        const workers = getWorkerModel(context).workers;
        const root = findProjectRoot(filename);
        const me = resolve(filename);
        const owner = claims.get(root);
        // what this lint shows of the project in a long-running process (an editor): a file that creates the worker
        // is one, and the entry that no longer creates it leaves the question open again
        if (workers.length > 0) {
          // as saved: an editor's unsaved worker does not move the entry yet (`ownerStillEntry` reads the disk too)
          if (createsWorkerOnDisk(me)) noteWorkerFile(root, true);
        } else if (owner === me && !isEntryByPath(filename, root)) noteWorkerFile(root, false);
        // the file creating `new Worker()`; `src/index.ts` only when no file of the project does
        if (workers.length === 0 && (!isEntryByPath(filename, root) || projectCreatesWorker(root))) {
          if (owner === me) claims.delete(root);
          return;
        }
        if (owner !== undefined && owner !== me && ownerStillEntry(owner, root)) return;
        claims.set(root, me);
        const findings = getEnvFileFindings(root, {
          exampleFiles: options.exampleFiles ?? [],
          allowFiles: options.allowFiles ?? [],
          checkExampleSecrets: options.checkExampleSecrets ?? true,
        });
        const at = workers[0] ?? program;
        const loc = at === program ? { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } } : at.loc;
        for (const finding of findings) {
          reportMasked(context, {
            loc,
            messageId: messageIdOf(finding),
            data: {
              file: finding.file,
              envName: finding.envName ?? '',
              what: finding.what ?? '',
              masked: finding.masked ?? '',
              line: finding.line ?? '?',
            },
          });
        }
      },
    };
  },
});
