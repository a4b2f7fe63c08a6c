#!/usr/bin/env node
/**
 * `worker-auth-codemod [paths…]`: move every inline secret into `process.env`, `.env.example`, `.env` and a
 * `.gitignore` that ignores `.env`. Exit codes: 0 done or nothing to do, 1 some files could not be changed (or
 * secrets are left for a human), 2 bad usage or refused.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createColors } from 'picocolors';
import { checkEnvFilesCommand, formatCheckReport } from '../../codemods/check-env-files.js';
import { runCodemod, UsageError, type CodemodReport } from '../../codemods/run.js';
import { formatSyncReport, syncEnvExample } from '../../codemods/sync-env-example.js';
import { maskShown } from '../detect/mask.js';
import { getDetector } from '../detect/options.js';


/** Colour only for a terminal that wants it: never when stderr is not a TTY or NO_COLOR is set (CI logs stay plain). */
const pc = createColors(!!process.stderr.isTTY && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb');

const HELP = `Usage: worker-auth-codemod [options] [paths...]

Moves every hardcoded secret in JS/TS sources into process.env reads, lists the names
in .env.example, keeps the values working locally in .env (mode 0600, git-ignored),
and reminds you to rotate them. Values are always shown masked.

Paths default to "." (relative to --root). Honours .gitignore; skips files over
1 MB, and node_modules, build output and minified files even when named (a skipped
file that may hold a secret is named in a warning, exit 1).

Options:
  --dry-run        print a unified diff (values masked) and write nothing
  --json           print a machine-readable report (version 1) on stdout
  --allow-dirty    write even when the git work tree has uncommitted changes
  --root <dir>     project root holding .env, .env.example, .gitignore (default: cwd)
  --test-files <all|high-confidence|off>
                   how to treat test and fixture files (default: high-confidence)
  --allow-pattern <regex>
                   leave values matching this pattern in place (repeatable; the
                   rule's allowPatterns option)
  --ignore-provider <id|name>
                   leave this format or provider alone (repeatable; the rule's
                   ignoreProviders option)
  --sync-env-example
                   instead: add the name of every process.env read that is missing
                   from the nearest .env.example (names only; --dry-run shows them)
  --check          instead: check env files (.env/.env.* tracked by git or not
                   ignored, a real-looking secret in .env.example); exit 1 if any
  -h, --help       show this help

Exit codes: 0 done or nothing to do; 1 some files could not be changed, secrets
need a manual edit or a skipped file may hold one (--check: an env file needs
fixing); 2 bad usage or refused
(uncommitted changes, a .env tracked by git, another run holding the lock).`;

function printHuman(report: CodemodReport, exitCode: number, log: (line: string) => void): void {
  for (const s of report.skipped) log(pc.dim(`skipped ${s.path}: ${s.reason}`));
  for (const f of report.files) {
    if (f.error) log(pc.red(`error ${f.error}`));
    for (const s of f.secrets) {
      const verb =
        s.action === 'moved'
          ? report.dryRun ? 'would move' : 'moved'
          : s.action === 'fallback-removed'
            ? report.dryRun ? 'would drop fallback of' : 'dropped fallback of'
            : s.action === 'manual'
              ? 'left for a manual edit (no safe rewrite here)'
              : 'left for a manual edit (.env cannot hold this value)';
      // written as the code reads it: `process.env.X`, or `process.env["notion.token"]` for a name that is no identifier
      const read = /^[A-Za-z_$][\w$]*$/.test(s.envName) ? `process.env.${s.envName}` : `process.env[${JSON.stringify(s.envName)}]`;
      const target = s.action === 'moved' || s.action === 'fallback-removed' ? ` ${read}` : '';
      log(`${f.path}:${s.line}:${s.column}  ${s.what} ${s.masked}  ${verb}${target}`);
    }
  }
  const { summary } = report;
  log('');
  log(
    `${report.dryRun ? pc.yellow('dry run, nothing written. ') : ''}${summary.scanned} files scanned, ${summary.parsed} parsed, ` +
      `${summary.changed} ${report.dryRun ? 'would change' : 'changed'}, ${summary.failed} failed, ${summary.manual} secrets left for a manual edit.`,
  );
  if (report.envNames.length > 0) {
    log(`env names: ${report.envNames.map((e) => e.name).join(', ')}`);
    log(`.gitignore ${report.envFiles['.gitignore']}, .env ${report.envFiles['.env']}, .env.example ${report.envFiles['.env.example']}`);
  }
  for (const warning of report.warnings) log(pc.yellow(`warning: ${warning}`));
  if (report.rotate.length > 0) {
    log('');
    log(pc.bold('Rotate every moved secret: it is still in git history.'));
    for (const r of report.rotate) log(`  ${r.envName} (${r.provider})${r.where ? `: ${r.where}` : ''}`);
    log('Then bring the values to the deployed worker: `ntn workers env push` (OAuth client values also need a redeploy).');
  } else if (report.files.length === 0) {
    // a skipped file that may hold a secret (named in a warning, exit 1) is no clean result
    log(exitCode === 0 ? 'No hardcoded secrets found.' : 'No secret moved; a skipped file may hold one (see the warnings above).');
  }
}

/** Where the CLI writes: stdout gets the diff or the JSON report, stderr the human report. */
export interface CodemodIo {
  readonly out: { write(chunk: string): unknown };
  readonly err: { write(chunk: string): unknown };
}

export async function main(argv: readonly string[], io: CodemodIo = { out: process.stdout, err: process.stderr }): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'allow-dirty': { type: 'boolean', default: false },
        root: { type: 'string' },
        'test-files': { type: 'string' },
        'allow-pattern': { type: 'string', multiple: true },
        'ignore-provider': { type: 'string', multiple: true },
        'sync-env-example': { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err.write(`worker-auth-codemod: ${maskShown((error as Error).message)}\n\n${HELP}\n`);
    return 2;
  }
  if (args.values.help) {
    io.out.write(`${HELP}\n`);
    return 0;
  }
  const testFiles = args.values['test-files'];
  if (testFiles !== undefined && !['all', 'high-confidence', 'off'].includes(testFiles)) {
    io.err.write(`worker-auth-codemod: --test-files must be all, high-confidence or off.\n`);
    return 2;
  }
  const allowPatterns = args.values['allow-pattern'] ?? [];
  const ignoreProviders = args.values['ignore-provider'] ?? [];
  const detector = allowPatterns.length > 0 || ignoreProviders.length > 0 ? { detector: { allowPatterns, ignoreProviders } } : {};
  try {
    // the rule's own checks of these options (a pattern that does not compile, or too long)
    if (detector.detector) getDetector(detector.detector);
  } catch (error) {
    io.err.write(`worker-auth-codemod: --allow-pattern: ${maskShown((error as Error).message)}\n`);
    return 2;
  }
  const root = resolve(args.values.root ?? process.cwd());
  if (args.values['sync-env-example'] || args.values.check) {
    return runEnvModes({ root, paths: args.positionals, sync: args.values['sync-env-example'], check: args.values.check, dryRun: args.values['dry-run'], json: args.values.json, testFiles }, io);
  }
  try {
    const { report, exitCode } = await runCodemod({
      root,
      paths: args.positionals,
      dryRun: args.values['dry-run'],
      allowDirty: args.values['allow-dirty'],
      ...(testFiles ? { testFiles: testFiles as 'all' | 'high-confidence' | 'off' } : {}),
      ...detector,
    });
    if (args.values.json) io.out.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (report.diff) io.out.write(report.diff);
    printHuman(report, exitCode, (line) => io.err.write(`${line}\n`));
    return exitCode;
  } catch (error) {
    const message = maskShown((error as Error).message);
    io.err.write(`worker-auth-codemod: ${message}\n`);
    return error instanceof UsageError || /no such file or folder/.test(message) ? 2 : 1;
  }
}

/** `--sync-env-example` and/or `--check`: one JSON document on stdout (`--json`), the human report on stderr. */
async function runEnvModes(
  opts: { root: string; paths: string[]; sync: boolean; check: boolean; dryRun: boolean; json: boolean; testFiles: string | undefined },
  io: CodemodIo,
): Promise<number> {
  const log = (line: string): void => void io.err.write(`${line}\n`);
  const doc: Record<string, unknown> = { version: 1 };
  let code = 0;
  try {
    if (opts.sync) {
      const { report, exitCode } = await syncEnvExample({ root: opts.root, paths: opts.paths, dryRun: opts.dryRun, checkTestFiles: opts.testFiles === 'all' });
      doc['syncEnvExample'] = report;
      if (!opts.json && report.diff) io.out.write(report.diff);
      for (const line of formatSyncReport(report)) log(line);
      code = Math.max(code, exitCode);
    }
    if (opts.check) {
      const { report, exitCode } = await checkEnvFilesCommand({ root: opts.root });
      doc['check'] = report;
      for (const line of formatCheckReport(report)) log(exitCode === 0 ? line : pc.red(line));
      code = Math.max(code, exitCode);
    }
  } catch (error) {
    const message = maskShown((error as Error).message);
    io.err.write(`worker-auth-codemod: ${message}\n`);
    return error instanceof UsageError || /no such file or folder/.test(message) ? 2 : 1;
  }
  if (opts.json) io.out.write(`${JSON.stringify(doc, null, 2)}\n`);
  return code;
}

function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
}
if (invokedDirectly()) process.exitCode = await main(process.argv.slice(2));
