/**
 * `npm run bench [-- --corpus S,M,L] [--reps N] [--modes parse,floor,…] [--report]`
 *
 * For each corpus: one unmeasured warm-up (page cache), then N repetitions; in each repetition every mode runs once
 * in a fresh child process (`node bench/run-one.mjs <mode> <corpus>`), the order of the modes rotated from one
 * repetition to the next, so each mode sees the machine's noise alike. Reported: median with min–max of the child's
 * wall time (spawn to exit, measured here) and peak RSS (`process.resourceUsage().maxRSS` at the end of the child).
 *
 * Raw runs go to `bench/.cache/bench-raw.json` as they finish; `--report` rebuilds the tables from that file.
 * Writes `bench/results.md` (with `bench/analysis.md` appended, the hand-written profile notes) and, when L ran,
 * `bench/.cache/findings-L.json` (our findings, masked) for `node bench/findings.mjs`.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { BENCH_DIR, CACHE_DIR, ROOT_DIR, writeCorpusList } from './corpora.mjs';

export const MODES = ['parse', 'floor', 'ours', 'nosecrets', 'stats-ours', 'stats-nosecrets', 'stats', 'secretlint', 'secretlint-profiled', 'codemod'];
const MODE_LABEL = {
  parse: 'ESLint parse-only (no rules)',
  floor: 'ESLint + no-op rule (traversal floor)',
  ours: 'ESLint + worker-auth recommended',
  nosecrets: 'ESLint + no-secrets',
  'stats-ours': 'ESLint + worker-auth recommended, stats: true',
  'stats-nosecrets': 'ESLint + no-secrets, stats: true',
  stats: 'ESLint + worker-auth + no-secrets in one process, stats: true',
  secretlint: 'secretlint + preset-recommend (profiler off)',
  'secretlint-profiled': 'secretlint + preset-recommend (profiler on)',
  codemod: 'codemod --dry-run',
};
const RAW = join(CACHE_DIR, 'bench-raw.json');
/**
 * A frozen copy of `dist/` (and package.json) taken when the bench starts: every child imports the plugin and the
 * codemod from it, so a rebuild of `dist/` during a long run cannot mix two builds in one table.
 */
const SNAPSHOT = join(CACHE_DIR, 'snapshot');
const FINDINGS_L = join(CACHE_DIR, 'findings-L.json');

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'S,M,L' },
    reps: { type: 'string', default: '3' },
    modes: { type: 'string', default: MODES.join(',') },
    report: { type: 'boolean', default: false },
    'no-warmup': { type: 'boolean', default: false },
    'keep-other-runs': { type: 'boolean', default: false },
  },
  strict: true,
});

const corpora = args.corpus.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
const reps = Number(args.reps);
const modes = args.modes.split(',').map((m) => m.trim()).filter(Boolean);
for (const c of corpora) if (!['S', 'M', 'L'].includes(c)) usage(`unknown corpus ${c}`);
for (const m of modes) if (!MODES.includes(m)) usage(`unknown mode ${m}`);
if (!Number.isInteger(reps) || reps < 1) usage('--reps must be a positive integer');

function usage(message) {
  process.stderr.write(`bench: ${message}\nusage: npm run bench -- [--corpus S,M,L] [--reps N] [--modes ${MODES.join(',')}] [--report]\n`);
  process.exit(2);
}

const log = (line) => process.stderr.write(`${line}\n`);

function runChild(mode, corpus, extra = []) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(BENCH_DIR, 'run-one.mjs'), mode, corpus, ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BENCH_PLUGIN_ROOT: SNAPSHOT },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - t0;
      const line = out.trim().split('\n').pop() ?? '';
      let result;
      try {
        result = JSON.parse(line);
      } catch {
        result = { mode, corpus, crashes: [{ rule: mode, message: `child exited ${code ?? signal} without a result: ${err.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` }] };
      }
      resolve({ ...result, wallMs, exitCode: code });
    });
  });
}

// ---------------------------------------------------------------- statistics

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const fmtS = (ms) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const fmtRange = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const mb = (kb) => (kb / 1024).toFixed(0);

function versionOf(name) {
  try {
    const req = createRequire(join(ROOT_DIR, 'package.json'));
    return JSON.parse(readFileSync(req.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    try {
      return JSON.parse(readFileSync(join(ROOT_DIR, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return '?';
    }
  }
}

function machine() {
  return {
    cpu: os.cpus()[0]?.model ?? '?',
    cores: os.cpus().length,
    memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    versions: Object.fromEntries(
      ['eslint', '@typescript-eslint/parser', 'typescript', 'eslint-plugin-no-secrets', 'secretlint', '@secretlint/secretlint-rule-preset-recommend', 'ts-morph'].map((n) => [n, versionOf(n)]),
    ),
    ours: JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8')).version,
    distBuilt: statSync(join(ROOT_DIR, 'dist/src/index.js')).mtime.toISOString(),
  };
}

// ---------------------------------------------------------------- report

function analyse(raw) {
  const out = { corpora: {}, crashes: [], targets: [] };
  for (const c of ['S', 'M', 'L']) {
    const runs = raw.runs.filter((r) => r.corpus === c);
    if (runs.length === 0) continue;
    const files = runs.find((r) => r.files)?.files ?? 0;
    const byMode = {};
    for (const m of MODES) {
      const rs = runs.filter((r) => r.mode === m);
      if (rs.length === 0) continue;
      const ok = rs.filter((r) => !r.crashes?.length);
      byMode[m] = {
        runs: rs.length,
        wall: summary(ok.map((r) => r.wallMs)),
        work: summary(ok.filter((r) => r.workMs !== undefined).map((r) => r.workMs)),
        rss: summary(ok.map((r) => r.maxRSSKB)),
        cpu: summary(ok.filter((r) => r.cpuUserMs !== undefined).map((r) => r.cpuUserMs + r.cpuSysMs)),
        findings: ok[0]?.findings ?? {},
        parseErrors: ok[0]?.parseErrors ?? 0,
        crashes: rs.flatMap((r) => r.crashes ?? []),
        extra: ok.find((r) => r.failedFiles) ?? ok[0] ?? {},
      };
      out.crashes.push(...byMode[m].crashes.map((x) => ({ corpus: c, mode: m, ...x })));
    }
    // paired per-repetition ratios (same repetition, so the same stretch of machine noise)
    const paired = (a, b) => {
      const ra = runs.filter((r) => r.mode === a && !r.crashes?.length);
      const rb = runs.filter((r) => r.mode === b && !r.crashes?.length);
      const xs = [];
      for (const x of ra) {
        const y = rb.find((r) => r.rep === x.rep);
        if (y) xs.push(x.wallMs / y.wallMs);
      }
      return xs.length ? summary(xs) : undefined;
    };
    const ratio = (a, b) => (byMode[a] && byMode[b] ? byMode[a].wall.median / byMode[b].wall.median : NaN);
    const cpuRatio = (a, b) => (byMode[a]?.cpu.n && byMode[b]?.cpu.n ? byMode[a].cpu.median / byMode[b].cpu.median : NaN);
    let rules;
    const oursOf = (r) => Object.entries(r.ruleMs).filter(([id]) => id.startsWith('worker-auth/')).reduce((sum, [, t]) => sum + t, 0);
    const noSecretsOf = (r) => r.ruleMs['no-secrets/no-secrets'] ?? NaN;
    // the targets' numbers: each plugin in its own process (as a user runs it), interleaved in the same bench run
    const oursRuns = runs.filter((r) => r.mode === 'stats-ours' && r.ruleMs);
    const noSecretsRuns = runs.filter((r) => r.mode === 'stats-nosecrets' && r.ruleMs);
    // both plugins in one process (informational: the rule that runs first on a file pays its cache misses)
    const bothRuns = runs.filter((r) => r.mode === 'stats' && r.ruleMs);
    if (oursRuns.length || bothRuns.length) {
      const perFileOf = (list, pred) => summary(list.map((r) => Object.entries(r.ruleMs).filter(([id]) => pred(id)).reduce((sum, [, t]) => sum + t, 0) / files));
      const pairedRatio = () => {
        const xs = [];
        for (const x of noSecretsRuns) {
          const y = oursRuns.find((r) => r.rep === x.rep);
          if (y) xs.push(noSecretsOf(x) / oursOf(y));
        }
        return xs.length ? summary(xs) : undefined;
      };
      const ownList = oursRuns.length ? oursRuns : bothRuns;
      const noSecretsList = noSecretsRuns.length ? noSecretsRuns : bothRuns;
      const ids = Object.keys(ownList[0].ruleMs).filter((id) => id.startsWith('worker-auth/')).sort();
      rules = {
        separate: oursRuns.length > 0 && noSecretsRuns.length > 0,
        ours: perFileOf(ownList, (id) => id.startsWith('worker-auth/')),
        noSecrets: noSecretsList.length ? perFileOf(noSecretsList, (id) => id === 'no-secrets/no-secrets') : undefined,
        parse: summary(ownList.map((r) => r.parseMs / files)),
        perRule: Object.fromEntries(
          [...ids, ...(noSecretsList.length ? ['no-secrets/no-secrets'] : [])].map((id) => [id, perFileOf(id.startsWith('worker-auth/') ? ownList : noSecretsList, (x) => x === id)]),
        ),
        ratio: oursRuns.length && noSecretsRuns.length ? pairedRatio() : bothRuns.length ? summary(bothRuns.map((r) => noSecretsOf(r) / oursOf(r))) : undefined,
        both: bothRuns.length
          ? {
              ours: perFileOf(bothRuns, (id) => id.startsWith('worker-auth/')),
              noSecrets: perFileOf(bothRuns, (id) => id === 'no-secrets/no-secrets'),
              ratio: summary(bothRuns.map((r) => noSecretsOf(r) / oursOf(r))),
            }
          : undefined,
      };
    }
    out.corpora[c] = {
      files,
      byMode,
      rules,
      ratios: {
        oursFloor: ratio('ours', 'floor'),
        oursParse: ratio('ours', 'parse'),
        floorParse: ratio('floor', 'parse'),
        noSecretsParse: ratio('nosecrets', 'parse'),
        oursFloorCpu: cpuRatio('ours', 'floor'),
        oursParseCpu: cpuRatio('ours', 'parse'),
        oursFloorPaired: paired('ours', 'floor'),
        oursParsePaired: paired('ours', 'parse'),
      },
    };
  }
  // targets
  const t = (name, pass, value) => out.targets.push({ name, pass, value });
  for (const c of ['M', 'L']) {
    const k = out.corpora[c];
    if (!k) continue;
    if (k.rules) {
      const how = k.rules.separate ? 'each in its own process' : 'one process';
      t(`our rules ≤ 0.1 ms/file (ESLint stats, ${k.rules.separate ? 'ours alone' : 'with no-secrets'}) on ${c}`, k.rules.ours.median <= 0.1, `${k.rules.ours.median.toFixed(3)} ms/file`);
      if (k.rules.ratio) t(`no-secrets ÷ ours ≥ 10 per file on ${c} (same run, ${how})`, k.rules.ratio.median >= 10, `${k.rules.ratio.median.toFixed(1)}×`);
    }
    if (Number.isFinite(k.ratios.oursFloor)) t(`ESLint+ours ≤ 1.05× traversal floor (wall, median) on ${c}`, k.ratios.oursFloor <= 1.05, `${k.ratios.oursFloor.toFixed(3)}× (paired ${k.ratios.oursFloorPaired?.median.toFixed(3) ?? '–'}×)`);
    if (Number.isFinite(k.ratios.oursFloorCpu)) t(`ESLint+ours ≤ 1.05× traversal floor (CPU time user+sys, median; less noisy) on ${c}`, k.ratios.oursFloorCpu <= 1.05, `${k.ratios.oursFloorCpu.toFixed(3)}×`);
  }
  const cm = out.corpora.M?.byMode.codemod;
  if (cm && cm.wall.n) {
    t('codemod --dry-run on M ≤ 3 s (child wall)', cm.wall.median <= 3000, `${fmtS(cm.wall.median)} s`);
    t('codemod --dry-run on M ≤ 300 MB peak RSS', cm.rss.median <= 300 * 1024, `${mb(cm.rss.median)} MB`);
  }
  const cl = out.corpora.L?.byMode.codemod;
  if (cm && cl && cm.work.n && cl.work.n) {
    const fileRatio = out.corpora.L.files / out.corpora.M.files;
    const timeRatio = cl.work.median / cm.work.median;
    const cpuRatio = cl.cpu.median / cm.cpu.median;
    out.codemodGrowth = { fileRatio, timeRatio, cpuRatio, rssRatio: cl.rss.median / cm.rss.median };
    t('codemod L/M time ≤ 1.1 × L/M file count (in-process wall)', timeRatio <= 1.1 * fileRatio, `${timeRatio.toFixed(2)} vs ${(1.1 * fileRatio).toFixed(2)} (files ×${fileRatio.toFixed(2)})`);
    t('codemod L/M time ≤ 1.1 × L/M file count (child CPU time)', cpuRatio <= 1.1 * fileRatio, `${cpuRatio.toFixed(2)} vs ${(1.1 * fileRatio).toFixed(2)}`);
  }
  const ranCorpora = Object.keys(out.corpora);
  t(`zero rule crashes (${ranCorpora.join(', ')}, every mode)`, out.crashes.length === 0, `${out.crashes.length} crash(es)`);
  return out;
}

function findingsCell(byMode, mode, pred) {
  const m = byMode[mode];
  if (!m) return '–';
  return String(Object.entries(m.findings).filter(([id]) => pred(id)).reduce((s, [, n]) => s + n, 0));
}

function render(raw, a) {
  const L = [];
  const mach = raw.machine;
  L.push('# Benchmark results');
  L.push('');
  L.push(`Generated by \`npm run bench\` on ${raw.finished ?? raw.started}. Repetitions: ${raw.reps}; corpora: ${raw.corpora.join(', ')}. Each run is a fresh child process; modes interleaved, their order rotated each repetition. Median (min–max).`);
  if (raw.earlier) {
    // rows kept from earlier runs (`--keep-other-runs`), by the run that measured them
    const kept = new Map();
    for (const r of raw.runs.filter((x) => x.earlierRun)) {
      const byCorpus = kept.get(r.earlierRun) ?? new Map();
      byCorpus.set(r.corpus, (byCorpus.get(r.corpus) ?? new Set()).add(r.mode));
      kept.set(r.earlierRun, byCorpus);
    }
    const from = [...kept]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([started, byCorpus]) => `the run started ${started} measured ${[...byCorpus].map(([c, m]) => `${c} (${[...m].join(', ')})`).join(', ')}`);
    L.push('', `Rows from more than one run (\`--keep-other-runs\`), each with the build of its time: this one (started ${raw.started}) measured ${raw.modes.filter((m) => raw.runs.some((r) => r.mode === m && !r.earlierRun)).join(', ')} on ${[...new Set(raw.runs.filter((r) => !r.earlierRun).map((r) => r.corpus))].join(', ')}; ${from.join('; ')}.`);
  }
  L.push('');
  L.push(`Machine: ${mach.cpu}, ${mach.cores} cores, ${mach.memoryGiB} GiB, ${mach.platform}, Node ${mach.node}. Load average at start ${raw.loadStart?.map((x) => x.toFixed(2)).join(' ')}, at end ${raw.loadEnd?.map((x) => x.toFixed(2)).join(' ') ?? '?'} (other processes shared the machine; ratios come from interleaved runs).`);
  L.push('');
  L.push(`Versions: eslint-plugin-worker-auth ${mach.ours}${mach.distBuilt ? ` (dist built ${mach.distBuilt})` : ''}; ${Object.entries(mach.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  L.push('');
  L.push(raw.snapshot
    ? 'The plugin and the codemod were imported from a copy of `dist/` taken when the run started.'
    : '**Caveat:** this run imported the plugin and the codemod from the live `dist/`, which other sessions rebuilt while it ran (see the notes below); the bench now freezes a copy of `dist/` at start.');
  L.push('');
  L.push('Corpora (npm tarballs checked against the registry `dist.integrity`, sha512): **L** every `.js`/`.ts` file under `dist/` of `n8n-nodes-base@2.41.2` (declaration files excluded); **M** every 6th path of L sorted; **S** `src/**/*.ts` of `@notionhq/workers@0.9.2` (declaration files excluded). ESLint: `@typescript-eslint/parser`, `ecmaVersion: latest`, `sourceType: module` (`commonjs` for the `.js` files of L and M), inline config off (the corpus names rules we do not load).');
  L.push('');
  L.push('## Wall time and peak RSS');
  L.push('');
  L.push('| corpus | files | mode | wall s | CPU s (user+sys) | peak RSS MB | runs |');
  L.push('| --- | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const [c, k] of Object.entries(a.corpora)) {
    for (const [m, r] of Object.entries(k.byMode)) {
      const wall = r.wall.n ? fmtRange(r.wall, fmtS) : 'crashed';
      const rss = r.rss.n ? fmtRange(r.rss, mb) : '–';
      const cpu = r.cpu.n ? fmtRange(r.cpu, fmtS) : '–';
      L.push(`| ${c} | ${k.files} | ${MODE_LABEL[m]} | ${wall} | ${cpu} | ${rss} | ${r.runs} |`);
    }
  }
  L.push('');
  L.push('## Ratios (wall, ratio of medians; paired per-repetition median in brackets)');
  L.push('');
  L.push('| corpus | ours ÷ floor | ours ÷ parse-only | floor ÷ parse-only | no-secrets ÷ parse-only | ours ÷ floor, CPU time | ours ÷ parse-only, CPU time |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '–');
  for (const [c, k] of Object.entries(a.corpora)) {
    const r = k.ratios;
    L.push(`| ${c} | ${f3(r.oursFloor)} [${f3(r.oursFloorPaired?.median)}] | ${f3(r.oursParse)} [${f3(r.oursParsePaired?.median)}] | ${f3(r.floorParse)} | ${f3(r.noSecretsParse)} | ${f3(r.oursFloorCpu)} | ${f3(r.oursParseCpu)} |`);
  }
  L.push('');
  L.push('## Rule time per file (ESLint `stats: true`, in the same bench run)');
  L.push('');
  L.push('Each plugin in its own process (`stats-ours`, `stats-nosecrets`, interleaved with the other modes; the ratio is paired per repetition), as a user running one of them pays it; and both in one process (`stats`), where the rule that runs first on a file (ours: our config comes first) also pays for bringing the file\'s tokens and text back into the CPU caches (see the analysis below).');
  L.push('');
  L.push('| corpus | how | parse ms/file | worker-auth (all recommended rules) ms/file | no-secrets ms/file | no-secrets ÷ ours |');
  L.push('| --- | --- | ---: | ---: | ---: | ---: |');
  const f4 = (s) => `${s.median.toFixed(4)} (${s.min.toFixed(4)}–${s.max.toFixed(4)})`;
  for (const [c, k] of Object.entries(a.corpora)) {
    if (!k.rules) continue;
    const ratio = k.rules.ratio ? `${k.rules.ratio.median.toFixed(1)}×` : '–';
    L.push(`| ${c} | ${k.rules.separate ? 'each in its own process' : 'one process'} | ${k.rules.parse.median.toFixed(3)} | ${f4(k.rules.ours)} | ${k.rules.noSecrets ? f4(k.rules.noSecrets) : '–'} | ${ratio} |`);
    if (k.rules.separate && k.rules.both) L.push(`| ${c} | one process | – | ${f4(k.rules.both.ours)} | ${f4(k.rules.both.noSecrets)} | ${k.rules.both.ratio.median.toFixed(1)}× |`);
  }
  L.push('');
  L.push('Per rule (ms/file, median):');
  L.push('');
  const ruleIds = [...new Set(Object.values(a.corpora).flatMap((k) => (k.rules ? Object.keys(k.rules.perRule) : [])))].sort();
  const present = Object.entries(a.corpora).filter(([, k]) => k.rules);
  L.push(`| rule | ${present.map(([c]) => c).join(' | ')} |`);
  L.push(`| --- | ${present.map(() => '---:').join(' | ')} |`);
  for (const id of ruleIds) L.push(`| \`${id}\` | ${present.map(([, k]) => (k.rules.perRule[id] ? k.rules.perRule[id].median.toFixed(4) : '–')).join(' | ')} |`);
  L.push('');
  L.push('## Codemod `--dry-run` (`runCodemod({ root, paths, dryRun: true })`)');
  L.push('');
  L.push('| corpus | files | child wall s | in-process s | s per 1,000 files (in-process) | peak RSS MB | MB per 1,000 files | files parsed | skipped | files failed |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [c, k] of Object.entries(a.corpora)) {
    const r = k.byMode.codemod;
    if (!r || !r.wall.n) continue;
    L.push(`| ${c} | ${k.files} | ${fmtRange(r.wall, fmtS)} | ${fmtRange(r.work, fmtS)} | ${(r.work.median / k.files).toFixed(2)} | ${fmtRange(r.rss, mb)} | ${((r.rss.median / 1024 / k.files) * 1000).toFixed(0)} | ${r.extra.parsedByCodemod ?? '?'} | ${r.extra.skipped ?? '?'} | ${r.parseErrors} |`);
  }
  for (const [c, k] of Object.entries(a.corpora)) {
    const failed = k.byMode.codemod?.extra.failedFiles ?? [];
    if (failed.length) {
      L.push('');
      L.push(`Files the codemod reported as failed on ${c} (its rewrite, re-parsed before anything is written, did not parse; the corpus file itself parses):`);
      L.push('');
      for (const f of failed) L.push(`- ${f.split(': ').slice(1).join(': ')}`);
    }
  }
  if (a.codemodGrowth) {
    L.push('');
    L.push(`L/M: files ×${a.codemodGrowth.fileRatio.toFixed(2)}, in-process time ×${a.codemodGrowth.timeRatio.toFixed(2)}, child CPU time ×${a.codemodGrowth.cpuRatio.toFixed(2)}, peak RSS ×${a.codemodGrowth.rssRatio.toFixed(2)}. Corpora run one after the other (modes are interleaved within a corpus, not across corpora), so this ratio also carries any change of the machine's load between the M and the L block.`);
  }
  L.push('');
  L.push('## Findings per tool (count of reports; no-secrets and secretlint values never printed)');
  L.push('');
  L.push('| corpus | worker-auth (recommended) | no-secrets | secretlint | codemod secrets | parse errors (corpus files) | crashes |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [c, k] of Object.entries(a.corpora)) {
    const b = k.byMode;
    const crashes = Object.values(b).reduce((s, r) => s + r.crashes.length, 0);
    L.push(`| ${c} | ${findingsCell(b, 'ours', (id) => id.startsWith('worker-auth/'))} | ${findingsCell(b, 'nosecrets', (id) => id === 'no-secrets/no-secrets')} | ${findingsCell(b, 'secretlint', () => true)} | ${findingsCell(b, 'codemod', () => true)} | ${b.parse?.parseErrors ?? '–'} | ${crashes} |`);
  }
  const byRule = Object.entries(a.corpora).map(([c, k]) => [c, Object.entries(k.byMode.ours?.findings ?? {}).map(([id, n]) => `\`${id}\` ${n}`).join(', ') || 'none']);
  L.push('');
  for (const [c, s] of byRule) L.push(`- ${c}, ours by rule: ${s}`);
  if (a.crashes.length) {
    L.push('');
    L.push('Crashes:');
    for (const x of a.crashes) L.push(`- ${x.corpus} ${x.mode}: ${x.rule} ${x.file ?? ''} ${x.message}`);
  }
  L.push('');
  L.push('## Targets (issue 9)');
  L.push('');
  L.push('| target | measured | result |');
  L.push('| --- | --- | --- |');
  for (const t of a.targets) L.push(`| ${t.name} | ${t.value} | ${t.pass ? 'PASS' : '**FAIL**'} |`);
  L.push('');
  L.push('secretlint runs through its Node API (`@secretlint/node` `createEngine().executeOnFiles`, JSON formatter, `maskSecrets: true`). Its profiler (`@secretlint/profiler`, a `PerformanceObserver` plus `performance.mark` per rule and file) defaults to **on** in the Node API and is switched off with `secretLintProfiler.setEnabled(false)` before the engine is created (the 13.x CLI does the same unless `--profile`); the `profiler on` rows show what it costs.');
  const analysis = join(BENCH_DIR, 'analysis.md');
  if (existsSync(analysis)) {
    L.push('');
    L.push(readFileSync(analysis, 'utf8').trim());
  }
  L.push('');
  return L.join('\n');
}

function printTable(a) {
  const rows = [['corpus', 'mode', 'wall s (min–max)', 'RSS MB', 'findings']];
  for (const [c, k] of Object.entries(a.corpora)) {
    for (const [m, r] of Object.entries(k.byMode)) {
      const n = Object.values(r.findings).reduce((s, x) => s + x, 0);
      rows.push([`${c} (${k.files})`, m, r.wall.n ? fmtRange(r.wall, fmtS) : 'crashed', r.rss.n ? mb(r.rss.median) : '–', String(n)]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((x, i) => x.padEnd(widths[i])).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  console.log(lines.join('\n'));
  console.log('');
  for (const [c, k] of Object.entries(a.corpora)) {
    const r = k.ratios;
    const rules = k.rules
      ? `; rule ms/file ours ${k.rules.ours.median.toFixed(4)}${k.rules.noSecrets ? ` vs no-secrets ${k.rules.noSecrets.median.toFixed(4)}` : ''}${k.rules.ratio ? ` (${k.rules.ratio.median.toFixed(1)}×)` : ''}`
      : '';
    console.log(`${c}: ours÷floor ${r.oursFloor.toFixed(3)}, ours÷parse ${r.oursParse.toFixed(3)}${rules}`);
  }
  console.log('');
  for (const t of a.targets) console.log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value}`);
}

// ---------------------------------------------------------------- main

let raw;
if (args.report) {
  raw = JSON.parse(readFileSync(RAW, 'utf8'));
} else {
  for (const f of ['dist/src/index.js', 'dist/codemods/run.js']) {
    if (!existsSync(join(ROOT_DIR, f))) usage(`${f} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
  }
  rmSync(SNAPSHOT, { recursive: true, force: true });
  mkdirSync(SNAPSHOT, { recursive: true });
  cpSync(join(ROOT_DIR, 'dist'), join(SNAPSHOT, 'dist'), { recursive: true });
  cpSync(join(ROOT_DIR, 'package.json'), join(SNAPSHOT, 'package.json'));
  raw = { started: new Date().toISOString(), reps, corpora, modes, machine: machine(), snapshot: true, loadStart: os.loadavg(), runs: [] };
  // `--keep-other-runs`: re-measure some corpora × modes, keep the previous run's rows for every other pair (the
  // report then names both runs)
  if (args['keep-other-runs'] && existsSync(RAW)) {
    const previous = JSON.parse(readFileSync(RAW, 'utf8'));
    raw.runs = previous.runs.filter((r) => !(corpora.includes(r.corpus) && modes.includes(r.mode))).map((r) => ({ ...r, earlierRun: r.earlierRun ?? previous.started }));
    raw.corpora = [...new Set([...previous.corpora, ...corpora])];
    raw.modes = [...new Set([...previous.modes, ...modes])];
    raw.earlier = { started: previous.started, finished: previous.finished, reps: previous.reps, kept: raw.runs.length };
  }
  const save = () => writeFileSync(RAW, JSON.stringify(raw, null, 1));
  for (const c of corpora) {
    const corpus = await writeCorpusList(c);
    log(`bench: corpus ${c}: ${corpus.files.length} files (${corpus.label})`);
    if (!args['no-warmup']) {
      log(`bench: ${c} warm-up (parse, not measured)…`);
      await runChild('parse', c);
    }
    for (let rep = 0; rep < reps; rep++) {
      const order = modes.map((_, i) => modes[(i + rep) % modes.length]);
      for (const m of order) {
        const extra = c === 'L' && m === 'ours' && rep === 0 ? ['--findings', FINDINGS_L] : [];
        const r = await runChild(m, c, extra);
        raw.runs.push({ ...r, rep });
        save();
        const crash = r.crashes?.length ? ` CRASH ${r.crashes[0].rule}` : '';
        log(`bench: ${c} rep ${rep + 1}/${reps} ${m.padEnd(19)} ${fmtS(r.wallMs).padStart(7)} s ${mb(r.maxRSSKB ?? 0).padStart(5)} MB${crash}`);
      }
    }
  }
  raw.finished = new Date().toISOString();
  raw.loadEnd = os.loadavg();
  save();
}

const a = analyse(raw);
writeFileSync(join(BENCH_DIR, 'results.md'), render(raw, a));
printTable(a);
log(`\nbench: wrote bench/results.md${existsSync(FINDINGS_L) ? '; our L findings in bench/.cache/findings-L.json (node bench/findings.mjs)' : ''}`);
process.exitCode = a.targets.every((t) => t.pass) ? 0 : 1;
