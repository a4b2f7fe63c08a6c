/**
 * Recall and precision of `worker-auth/no-hardcoded-secrets` on a corpus of realistic Notion Worker files.
 *
 * The templates in `fixtures/corpus/*.tmpl` hold markers (see `fixtures/corpus/README.md`); every credential is made
 * here at run time, so the repository never holds a real-format token. Each file is linted with ESLint's `Linter`
 * and `plugin.configs.recommended`, then every report is matched against the ranges of the secrets put in.
 * Failure messages name format ids and line numbers only, never a value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { CORPUS_DIR, generate, type Generated, languageConfigs, lineStartsOf, type Placed } from './support/corpus.js';

const RULE_ID = 'worker-auth/no-hardcoded-secrets';

/** Minimum size of the corpus, so it cannot silently shrink. */
const MIN_FILES = 12;
const MIN_SECRETS = 60;
const MIN_PROVIDERS = 35;
const MIN_LOOKALIKES = 25;
/** Required quality. */
const MIN_RECALL = 0.97;
const MAX_FALSE_POSITIVES = 1;

/**
 * Detector gaps we know of and accept for now: `file` + `marker` (the marker text without braces, e.g.
 * `generic:3`). A listed secret that is missed does not count against recall; a listed look-alike that is
 * reported does not count as a false positive. Both are still printed. Keep this list empty when possible.
 */
const KNOWN_GAPS: readonly { file: string; marker: string; note: string }[] = [];

/** The message's first sentence with every backquoted part (masked value, env name) blanked, for failure output. */
function describeReport(message: string): string {
  return message.replace(/`[^`]*`/g, '`…`').split('. ')[0]!.slice(0, 80);
}

/** Every run of 8 characters of `part` that a message must not contain. */
function windows(part: string, size = 8): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= part.length; i++) out.push(part.slice(i, i + size));
  return out;
}

interface FileResult {
  readonly gen: Generated;
  readonly reports: readonly (Linter.LintMessage & { start: number; end: number })[];
  readonly fatal: readonly string[];
  readonly found: readonly Placed[];
  readonly missed: readonly Placed[];
  readonly falsePositives: readonly string[];
  readonly gapMisses: readonly Placed[];
  readonly gapFalsePositives: readonly string[];
}

const isGap = (file: string, marker: string) => KNOWN_GAPS.some((g) => g.file === file && g.marker === marker);

function runCorpus(): FileResult[] {
  const linter = new Linter({ configType: 'flat' });
  const configs = languageConfigs(plugin.configs.recommended);
  const names = readdirSync(CORPUS_DIR)
    .filter((n) => n.endsWith('.tmpl'))
    .sort();
  return names.map((name) => {
    const gen = generate(name, readFileSync(join(CORPUS_DIR, name), 'utf8'));
    const messages = linter.verify(gen.text, configs, { filename: gen.filename });
    const starts = lineStartsOf(gen.text);
    const at = (line: number, column: number) => starts[line - 1]! + column - 1;
    const fatal = messages.filter((m) => m.fatal || m.ruleId === null).map((m) => `${gen.filename}:${m.line}:${m.column} ${m.message.slice(0, 120)}`);
    const reports = messages
      .filter((m) => m.ruleId === RULE_ID)
      .map((m) => ({ ...m, start: at(m.line, m.column), end: m.endLine ? at(m.endLine, m.endColumn!) : at(m.line, m.column) + 1 }));
    const overlaps = (r: { start: number; end: number }, p: Placed) => r.start < p.end && p.start < r.end;
    const expected = gen.placed.filter((p) => p.expected);
    const found = expected.filter((p) => reports.some((r) => overlaps(r, p)));
    const missedAll = expected.filter((p) => !found.includes(p));
    const falsePositives: string[] = [];
    const gapFalsePositives: string[] = [];
    for (const r of reports) {
      if (expected.some((p) => overlaps(r, p))) continue;
      const hit = gen.placed.find((p) => overlaps(r, p));
      const where = `${gen.filename}:${r.line}:${r.column}`;
      let what: string;
      if (hit?.kind === 'plain') what = `written look-alike \`${gen.text.slice(hit.start, hit.end).slice(0, 60)}\``;
      else if (hit) what = `{{${hit.marker}}}`;
      // not inside any marker, so only template text (never a generated secret): safe to show
      else what = `unmarked text \`${gen.text.slice(r.start, Math.min(r.end, r.start + 60))}\``;
      const line = `${where} ${what} reported as "${describeReport(r.message)}"`;
      if (hit && isGap(gen.name, hit.marker)) gapFalsePositives.push(line);
      else falsePositives.push(line);
    }
    return {
      gen,
      reports,
      fatal,
      found,
      missed: missedAll.filter((p) => !isGap(gen.name, p.marker)),
      gapMisses: missedAll.filter((p) => isGap(gen.name, p.marker)),
      falsePositives,
      gapFalsePositives,
    };
  });
}

describe('corpus: no-hardcoded-secrets on realistic worker files', () => {
  const results = runCorpus();
  const all = results.flatMap((r) => r.gen.placed);
  const secrets = all.filter((p) => p.expected);
  const lookalikes = all.filter((p) => !p.expected);
  const providers = new Set(secrets.flatMap((p) => (p.provider ? [p.provider] : [])));

  for (const r of results) {
    const s = r.gen.placed.filter((p) => p.expected).length;
    const l = r.gen.placed.length - s;
    console.log(
      `[corpus] ${r.gen.filename.padEnd(38)} secrets ${String(s).padStart(2)}  found ${String(r.found.length).padStart(2)}  ` +
        `missed ${r.missed.length + r.gapMisses.length}  look-alikes ${String(l).padStart(2)}  false positives ${r.falsePositives.length + r.gapFalsePositives.length}`,
    );
    for (const p of [...r.missed, ...r.gapMisses]) console.log(`[corpus]   missed ${r.gen.filename}:${p.line} {{${p.marker}}}`);
    for (const fp of [...r.falsePositives, ...r.gapFalsePositives]) console.log(`[corpus]   false positive ${fp}`);
  }
  const foundCount = results.reduce((n, r) => n + r.found.length, 0);
  const gapCount = results.reduce((n, r) => n + r.gapMisses.length, 0);
  const recall = secrets.length - gapCount > 0 ? foundCount / (secrets.length - gapCount) : 0;
  const falsePositives = results.flatMap((r) => r.falsePositives);
  console.log(
    `[corpus] total: ${results.length} files, ${secrets.length} secrets from ${providers.size} providers, ${lookalikes.length} look-alikes; ` +
      `recall ${(100 * recall).toFixed(1)}% (${foundCount}/${secrets.length - gapCount}${gapCount ? `, ${gapCount} known gaps excluded` : ''}), ` +
      `false positives ${falsePositives.length}`,
  );

  it('is big and varied enough', () => {
    expect(results.map((r) => r.gen.problems).flat(), 'template problems').toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(MIN_FILES);
    expect(secrets.length).toBeGreaterThanOrEqual(MIN_SECRETS);
    expect(providers.size, `providers: ${[...providers].sort().join(', ')}`).toBeGreaterThanOrEqual(MIN_PROVIDERS);
    expect(lookalikes.length).toBeGreaterThanOrEqual(MIN_LOOKALIKES);
    const exts = new Set(results.map((r) => r.gen.filename.replace(/^.*?(\.test)?\.(\w+)$/, '$1.$2')));
    expect([...exts].sort()).toEqual(expect.arrayContaining(['.js', '.ts', '.tsx', '.test.ts']));
  });

  it('parses every file (the templates are valid code)', () => {
    expect(results.flatMap((r) => r.fatal)).toEqual([]);
  });

  it(`finds at least ${MIN_RECALL * 100}% of the hardcoded secrets`, () => {
    const misses = results.flatMap((r) => r.missed.map((p) => `${r.gen.filename}:${p.line} {{${p.marker}}}`));
    const gaps = results.flatMap((r) => r.gapMisses.map((p) => `${r.gen.filename}:${p.line} {{${p.marker}}} (KNOWN_GAPS)`));
    const detail = [...misses, ...gaps].join('\n  ');
    expect(recall, `recall ${(100 * recall).toFixed(1)}%; missed:\n  ${detail}`).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it(`reports at most ${MAX_FALSE_POSITIVES} look-alike`, () => {
    const gaps = results.flatMap((r) => r.gapFalsePositives.map((l) => `${l} (KNOWN_GAPS)`));
    expect(falsePositives.length, `false positives:\n  ${[...falsePositives, ...gaps].join('\n  ')}`).toBeLessThanOrEqual(MAX_FALSE_POSITIVES);
  });

  it('never prints a secret: no message holds a value or 8 characters of its random part', () => {
    const material = secrets.map((p) => ({ p, runs: (p.randomParts ?? []).flatMap((part) => windows(part)) }));
    const leaks: string[] = [];
    for (const r of results) {
      for (const report of r.reports) {
        const texts = [report.message, ...(report.suggestions ?? []).map((s) => s.desc)];
        for (const { p, runs } of material) {
          const leaked = texts.some((t) => (p.value && t.includes(p.value)) || runs.some((run) => t.includes(run)));
          if (leaked) leaks.push(`${r.gen.filename}:${report.line}:${report.column} message shows part of {{${p.marker}}}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
