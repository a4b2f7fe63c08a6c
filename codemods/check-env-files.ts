/**
 * `worker-auth-codemod --check`: the `worker-auth/no-committed-env-files` check as a CLI step (CI, pre-commit):
 * `.env` / `.env.*` (except the templates) tracked by git or not git-ignored, and templates holding a real-looking
 * secret. Exit 1 when anything is found. Findings name files and variables; values are only shown masked.
 */
import { realpath } from 'node:fs/promises';
import {
  checkEnvFiles,
  DEFAULT_ALLOW_FILES,
  DEFAULT_EXAMPLE_FILES,
  isInsideGitWorkTree,
  type EnvFileCheckOptions,
  type EnvFileFinding,
} from '../src/env/project.js';
import { UsageError } from './run.js';
import { maskStrings } from '../src/detect/mask.js';

export interface CheckEnvFilesReport {
  readonly version: 1;
  readonly mode: 'check';
  /** False outside a git work tree: tracked files could not be checked. */
  readonly git: boolean;
  readonly findings: readonly EnvFileFinding[];
  readonly summary: { tracked: number; notIgnored: number; secretsInExample: number };
}

export async function checkEnvFilesCommand(options: { readonly root: string } & EnvFileCheckOptions): Promise<{ report: CheckEnvFilesReport; exitCode: 0 | 1 }> {
  const root = await realpath(options.root).catch(() => {
    throw new UsageError(`${options.root}: no such folder (--root).`);
  });
  const findings = checkEnvFiles(root, {
    exampleFiles: options.exampleFiles ?? DEFAULT_EXAMPLE_FILES,
    allowFiles: options.allowFiles ?? DEFAULT_ALLOW_FILES,
    checkExampleSecrets: options.checkExampleSecrets ?? true,
  });
  const count = (problem: EnvFileFinding['problem']): number => findings.filter((f) => f.problem === problem).length;
  const report: CheckEnvFilesReport = {
    version: 1,
    mode: 'check',
    git: isInsideGitWorkTree(root),
    findings,
    summary: { tracked: count('tracked'), notIgnored: count('not-ignored'), secretsInExample: count('secret-in-example') },
  };
  return { report: maskStrings(report), exitCode: findings.length > 0 ? 1 : 0 };
}

/** The human report (stderr): one line per finding, then what to do. */
export function formatCheckReport(report: CheckEnvFilesReport): string[] {
  const lines: string[] = [];
  for (const f of report.findings) {
    switch (f.problem) {
      case 'tracked':
        lines.push(`${f.file}: tracked by git; run \`git rm --cached ${f.file}\`, ignore it and rotate every secret it held`);
        break;
      case 'not-ignored':
        lines.push(`${f.file}: not git-ignored; add \`.env\` and \`.env.*\` (with \`!.env.example\`) to .gitignore`);
        break;
      case 'secret-in-example':
        lines.push(`${f.file}${f.line ? `:${f.line}` : ''}: ${f.envName} holds a value that looks like a real secret (${f.what} ${f.masked}); leave it empty and rotate it`);
        break;
    }
  }
  if (!report.git) lines.push('not a git work tree: tracked env files were not checked.');
  lines.push(report.findings.length === 0 ? 'Env files OK: nothing tracked, everything ignored, no secret in the templates.' : `${report.findings.length} problem(s) with env files.`);
  return lines;
}
