/**
 * One measured run, in its own process: `node bench/run-one.mjs <mode> <corpus> [--findings <file>]`.
 * The parent (`bench/bench.mjs`) has written the corpus' file list; this prints one JSON line on stdout.
 *
 * Modes (every ESLint mode: same parser, files and languageOptions; `stats` off unless said):
 *   parse       ESLint, no rules
 *   floor       ESLint + one no-op rule on our node types (Program, Program:exit with `getAllComments()`,
 *               CallExpression, NewExpression, ThrowStatement): the traversal any rule pays
 *   ours        ESLint + `plugin.configs.recommended`
 *   nosecrets   ESLint + `no-secrets/no-secrets: error`
 *   stats-ours       ESLint + ours, `stats: true` (our per-rule times, as a user running our config pays them)
 *   stats-nosecrets  ESLint + no-secrets, `stats: true`
 *   stats       ESLint + ours + no-secrets together, `stats: true` (both in one process: the rule that runs first
 *               on a file pays for bringing its tokens and text back into the CPU caches; see analysis.md)
 *   secretlint  secretlint's Node API with the recommend preset, its profiler disabled
 *   secretlint-profiled  the same with the profiler left on (the Node API's default)
 *   codemod     `runCodemod({ root, paths, dryRun: true })`
 *
 * Never prints a finding's text except for our rules (whose messages are masked), and only into `--findings`.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ROOT_DIR, readCorpusList } from './corpora.mjs';

const OUR_PREFIX = 'worker-auth/';
const NO_SECRETS = 'no-secrets/no-secrets';

const [mode, corpusId, ...rest] = process.argv.slice(2);
const findingsOut = rest[0] === '--findings' ? rest[1] : undefined;
const corpus = readCorpusList(corpusId);
const absFiles = corpus.files.map((f) => join(corpus.dir, f));
const requireFromRoot = createRequire(join(ROOT_DIR, 'package.json'));
/** Where the plugin and codemod are imported from: the bench's frozen copy of `dist/`, else the live one. */
const PLUGIN_ROOT = process.env.BENCH_PLUGIN_ROOT || ROOT_DIR;

async function importFromRoot(specifier) {
  return import(pathToFileURL(requireFromRoot.resolve(specifier)).href);
}

/**
 * The no-op rule of the `floor` mode: listens to the node types `recommended` listens to on these corpora —
 * `Program` and `Program:exit` (no-hardcoded-secrets, reading the tokens and comments), `CallExpression`,
 * `NewExpression`, `ThrowStatement` (no-logged-secrets). The OAuth and env rules add no listener to a file without
 * an OAuth module, endpoint keys or a `.env.example`, which holds for every corpus file.
 */
const floorPlugin = {
  meta: { name: 'bench-floor' },
  rules: {
    noop: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const sourceCode = context.sourceCode;
        return {
          Program() {
            sourceCode.ast.tokens.length;
          },
          CallExpression() {},
          NewExpression() {},
          ThrowStatement() {},
          'Program:exit'() {
            sourceCode.getAllComments();
          },
        };
      },
    },
  },
};

async function eslintConfig(kind) {
  const tsParser = (await importFromRoot('@typescript-eslint/parser')).default;
  const config = [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
  if (corpus.commonjs) config.push({ files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' } });
  if (kind === 'floor') config.push({ plugins: { 'bench-floor': floorPlugin }, rules: { 'bench-floor/noop': 'error' } });
  if (kind === 'ours' || kind === 'stats' || kind === 'stats-ours') {
    const plugin = (await import(pathToFileURL(join(PLUGIN_ROOT, 'dist/src/index.js')).href)).default;
    config.push(plugin.configs.recommended);
  }
  if (kind === 'nosecrets' || kind === 'stats' || kind === 'stats-nosecrets') {
    const noSecrets = (await importFromRoot('eslint-plugin-no-secrets')).default;
    config.push({ plugins: { 'no-secrets': noSecrets }, rules: { [NO_SECRETS]: 'error' } });
  }
  return config;
}

async function runEslint(kind) {
  const { ESLint } = await importFromRoot('eslint');
  const stats = kind.startsWith('stats');
  const eslint = new ESLint({
    cwd: corpus.dir,
    overrideConfigFile: true,
    overrideConfig: await eslintConfig(kind),
    cache: false,
    stats,
    // the corpus' own `eslint-disable` comments name rules we do not load; directives off for every mode alike
    allowInlineConfig: false,
    errorOnUnmatchedPattern: false,
    globInputPaths: false,
  });
  const t0 = performance.now();
  let results;
  try {
    results = await eslint.lintFiles(absFiles);
  } catch (error) {
    // ESLint stops at the first rule that throws and names it ("Rule: …"); a parse error is never thrown
    const message = String(error?.message ?? error);
    const rule = /Rule: "([^"]+)"/.exec(message)?.[1] ?? error?.ruleId ?? 'unknown';
    const file = /Occurred while linting ([^\n]+)/.exec(message)?.[1];
    return { workMs: performance.now() - t0, crashes: [{ rule, file, message: message.split('\n')[0].slice(0, 300) }] };
  }
  const workMs = performance.now() - t0;
  const out = { workMs, linted: results.length, parseErrors: 0, findings: {}, crashes: [] };
  const ours = [];
  const ruleMs = {};
  let parseMs = 0;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.fatal) {
        out.parseErrors++;
        continue;
      }
      const id = m.ruleId ?? '(none)';
      out.findings[id] = (out.findings[id] ?? 0) + 1;
      if (id.startsWith(OUR_PREFIX)) ours.push({ file: r.filePath.slice(corpus.dir.length + 1), line: m.line, column: m.column, rule: id, message: m.message });
    }
    if (stats && r.stats) {
      for (const pass of r.stats.times.passes) {
        parseMs += pass.parse?.total ?? 0;
        for (const [id, t] of Object.entries(pass.rules ?? {})) ruleMs[id] = (ruleMs[id] ?? 0) + t.total;
      }
    }
  }
  if (stats) {
    out.ruleMs = ruleMs;
    out.parseMs = parseMs;
  }
  if (findingsOut && kind === 'ours') writeFileSync(findingsOut, JSON.stringify(ours, null, 1));
  return out;
}

async function runSecretlint(profiled) {
  const requireFromSecretlint = createRequire(requireFromRoot.resolve('secretlint/package.json'));
  const load = (specifier) => import(pathToFileURL(requireFromSecretlint.resolve(specifier)).href);
  // The Node API leaves @secretlint/profiler on (its `enabled` defaults to true); the CLI turns it off unless
  // `--profile`. One module instance serves @secretlint/node and @secretlint/core (a single copy is installed).
  const { secretLintProfiler } = await load('@secretlint/profiler');
  secretLintProfiler.setEnabled(profiled);
  const { createEngine } = await load('@secretlint/node');
  const engine = await createEngine({
    cwd: ROOT_DIR,
    configFileJSON: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] },
    formatter: 'json',
    color: false,
    maskSecrets: true,
  });
  const t0 = performance.now();
  const { output } = await engine.executeOnFiles({ filePathList: absFiles });
  const workMs = performance.now() - t0;
  const results = JSON.parse(output);
  const findings = {};
  for (const r of results) for (const m of r.messages) findings[m.ruleId ?? '(none)'] = (findings[m.ruleId ?? '(none)'] ?? 0) + 1;
  return { workMs, linted: results.length, parseErrors: 0, findings, crashes: [], profilerEnabled: secretLintProfiler.isEnabled };
}

async function runCodemodMode() {
  const { runCodemod } = await import(pathToFileURL(join(PLUGIN_ROOT, 'dist/codemods/run.js')).href);
  const t0 = performance.now();
  // n8n's code is its package's `dist/`, which the codemod never reads as a project's build output: the project it
  // is run on is that folder (the worker sources of S are under `src/`, read from the package's root)
  const inDist = corpus.files.every((f) => f.startsWith('dist/'));
  const root = inDist ? join(corpus.dir, 'dist') : corpus.dir;
  const paths = inDist ? corpus.files.map((f) => f.slice('dist/'.length)) : corpus.files;
  const { report } = await runCodemod({ root, paths, dryRun: true });
  const workMs = performance.now() - t0;
  const secrets = report.files.reduce((n, f) => n + f.secrets.length, 0);
  const failed = report.files.filter((f) => f.status === 'failed');
  return {
    workMs,
    linted: report.summary.scanned,
    parsedByCodemod: report.summary.parsed,
    skipped: report.skipped.length,
    parseErrors: failed.length,
    failedFiles: failed.map((f) => `${f.path}: ${(f.error ?? '').slice(0, 160)}`),
    findings: { codemod: secrets },
    crashes: [],
  };
}

let result;
try {
  if (mode === 'secretlint' || mode === 'secretlint-profiled') result = await runSecretlint(mode === 'secretlint-profiled');
  else if (mode === 'codemod') result = await runCodemodMode();
  else if (['parse', 'floor', 'ours', 'nosecrets', 'stats', 'stats-ours', 'stats-nosecrets'].includes(mode)) result = await runEslint(mode);
  else throw new Error(`unknown mode ${mode}`);
} catch (error) {
  // a tool that throws outside a rule (e.g. the codemod): a crash of that tool
  result = { crashes: [{ rule: mode, message: String(error?.message ?? error).split('\n')[0].slice(0, 300) }] };
}
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ mode, corpus: corpusId, files: corpus.files.length, ...result, maxRSSKB: usage.maxRSS, cpuUserMs: usage.userCPUTime / 1000, cpuSysMs: usage.systemCPUTime / 1000 })}\n`,
);
