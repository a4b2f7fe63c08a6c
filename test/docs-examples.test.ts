/**
 * The documentation's examples, held to the rules' behaviour (docs and code cannot drift apart).
 *
 * Every fenced ```ts / ```js / ```tsx block of docs/rules/<rule>.md (the rule is the file name) and README.md that the
 * doc marks bad (❌, "Incorrect") or good (✅, "Correct") is linted with ESLint's `Linter`, only that rule on, default
 * options (no doc shows options next to an example), as `src/index.<ext>` of a temp project.
 *
 * The conventions the docs actually use (read before this was written):
 * - A `// ❌ …` / `// ✅ …` comment line inside a block marks the code after it, up to the next marker or the end of the
 *   block (a "segment"). A bare `// ❌` on the first line marks the whole block. Lines before the first marker are
 *   set-up notes (`// .env.example:` + `//   NAME=` lines give the project's `.env.example`).
 * - In a whole-block ❌ example a trailing comment on a line says what is reported there. `// → X` = reported here and
 *   the suggestion writes X; the other trailing comments are read by hand below (see CLAIMS).
 * - A "❌"/"Incorrect" or "✅"/"Correct" line right above a block (no marker inside) marks the whole block; no doc uses
 *   this today, it is supported so that a new doc written that way is checked too.
 * - no-committed-env-files describes projects, not code: its ```sh blocks become temp git repositories.
 * - README.md has no marked example (set-up configs and a sample finding, whose message and suggestions are checked).
 * - Unmarked blocks (configs, the SDK snippet in prefer-credential-injection) are not examples; option objects in the
 *   rule docs' ```js blocks are checked to be valid options of their rule.
 *
 * Assertions: each ❌ segment gets at least one report of the rule on its lines, each ✅ segment none, no example has
 * a parse error; where the doc says what is reported (message, count, columns, suggestion), that is checked too.
 * Mismatches stay in the file as `it.fails` under "known gaps (reported to the maintainer)".
 *
 * Tokens: the docs write real tokens as `ghp_…` (cut short, which the detector never reports). Where the doc clearly
 * means a real token there, a run-time fake from test/support/fake-tokens.ts is put in its place: see SUBSTITUTIONS.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { redact } from '../src/detect/redact.js';
import plugin from '../src/index.js';
import { fakeToken } from './support/fake-tokens.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RULE_DOCS = readdirSync(join(ROOT, 'docs/rules'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => `docs/rules/${f}`);
const DOCS = [...RULE_DOCS, 'README.md'];
const CODE_LANGS = new Set(['ts', 'tsx', 'js']);

// --- run-time fake tokens (never a token-shaped literal in this file) ----------------------------------------------
const GH = fakeToken('github-classic-pat', 7001);
const STRIPE = fakeToken('stripe-secret-key', 7002);

/**
 * Placeholder → real token, only where the doc clearly means "a real token here". Keyed by doc and marker label, so a
 * reworded example drops out of the table (and the check that every entry was used fails) instead of being guessed.
 */
const SUBSTITUTIONS: Record<string, { placeholder: string; token: string; why: string }[]> = {
  // "❌ a token in code": `auth: "ghp_…"` stands for a GitHub token; the same doc says a value cut short with `…` is
  // never reported, so the example only means something with a real-format token.
  'docs/rules/no-hardcoded-secrets.md ❌ a token in code': [{ placeholder: '"ghp_…"', token: `"${GH}"`, why: 'GitHub PAT' }],
  // "❌ a secret inside a longer string": `"Bearer ghp_…"` is a bearer header holding a GitHub token.
  'docs/rules/no-hardcoded-secrets.md ❌ a secret inside a longer string: reported at its own columns': [
    { placeholder: '"Bearer ghp_…"', token: `"Bearer ${GH}"`, why: 'GitHub PAT after Bearer' },
  ],
  // "❌ a hardcoded fallback ships with the code": `"sk_live_…"` stands for a live Stripe secret key.
  'docs/rules/no-hardcoded-secrets.md ❌ a hardcoded fallback ships with the code': [
    { placeholder: '"sk_live_…"', token: `"${STRIPE}"`, why: 'Stripe live secret key' },
  ],
  // no-committed-env-files "❌ .env.example: GITHUB_TOKEN=ghp_…a1b2 (a real-looking token)": the doc says it is a real-
  // looking token; the fake cannot end in `a1b2` (its last 6 characters are a checksum), the masked tail is checked.
  'docs/rules/no-committed-env-files.md ❌ .env.example: GITHUB_TOKEN=ghp_…a1b2 (a real-looking token)': [
    { placeholder: 'ghp_…a1b2', token: GH, why: 'GitHub PAT' },
  ],
};

// --- reading the docs ------------------------------------------------------------------------------------------------
interface Block {
  doc: string;
  rule: string | null;
  lang: string;
  /** 1-based line of the opening fence in the doc. */
  fence: number;
  lines: string[];
  /** The nearest non-empty line above the fence. */
  before: string;
}

function readBlocks(doc: string): Block[] {
  const text = readFileSync(join(ROOT, doc), 'utf8').split('\n');
  const rule = doc.startsWith('docs/rules/') ? doc.slice('docs/rules/'.length, -'.md'.length) : null;
  const out: Block[] = [];
  for (let i = 0; i < text.length; i++) {
    const open = /^```(\w*)\s*$/.exec(text[i]!);
    if (!open) continue;
    let j = i + 1;
    while (j < text.length && !/^```\s*$/.test(text[j]!)) j++;
    let b = i - 1;
    while (b >= 0 && text[b]!.trim() === '') b--;
    out.push({ doc, rule, lang: open[1]!, fence: i + 1, lines: text.slice(i + 1, j), before: b >= 0 ? text[b]! : '' });
    i = j;
  }
  return out;
}

/** 1-based doc line of the block's code line `i` (0-based). */
const docLine = (block: Block, i: number): number => block.fence + 1 + i;

interface Segment {
  kind: 'bad' | 'good';
  label: string;
  /** Doc line of the marker (of the fence for a whole block marked from outside). */
  markerLine: number;
  /** 0-based code lines of the block, inclusive. */
  first: number;
  last: number;
}

const MARKER = /^\s*(?:\/\/|#)\s*(❌|✅)\s*(.*?)\s*$/;
const OUTSIDE_MARK = /^(?:#{1,6}\s*|\*\*|_)?\s*(❌|✅|Incorrect|Correct)\b/;

/** The marked segments of a block, or null when the block marks nothing (not an example). */
function segmentsOf(block: Block): Segment[] | null {
  const marks: { i: number; kind: 'bad' | 'good'; label: string }[] = [];
  block.lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (m) marks.push({ i, kind: m[1] === '❌' ? 'bad' : 'good', label: m[2]! });
  });
  if (marks.length > 0) {
    return marks.map((m, k) => ({ kind: m.kind, label: m.label, markerLine: docLine(block, m.i), first: m.i + 1, last: (marks[k + 1]?.i ?? block.lines.length) - 1 }));
  }
  const outside = OUTSIDE_MARK.exec(block.before);
  if (!outside) return null;
  const kind = outside[1] === '❌' || outside[1] === 'Incorrect' ? 'bad' : 'good';
  return [{ kind, label: block.before.trim(), markerLine: block.fence, first: 0, last: block.lines.length - 1 }];
}

const segmentKey = (block: Block, seg: Segment): string => `${block.doc} ${seg.kind === 'bad' ? '❌' : '✅'} ${seg.label}`.trimEnd();

/** The block's code with the placeholders of its ❌ segments replaced (SUBSTITUTIONS). */
function codeOf(block: Block): string {
  const lines = [...block.lines];
  for (const seg of segmentsOf(block) ?? []) {
    const subs = SUBSTITUTIONS[segmentKey(block, seg)];
    if (!subs || seg.kind !== 'bad') continue;
    for (const sub of subs) {
      let hit = false;
      for (let i = seg.first; i <= seg.last; i++) {
        if (lines[i]!.includes(sub.placeholder)) {
          lines[i] = lines[i]!.split(sub.placeholder).join(sub.token);
          hit = true;
        }
      }
      if (!hit) throw new Error(`substitution ${sub.placeholder} not found in ${segmentKey(block, seg)}`);
    }
  }
  return lines.join('\n');
}

// --- temp projects ---------------------------------------------------------------------------------------------------
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A temp project; a `.git` folder bounds the upward searches unless `git` makes it a real repository. */
function project(files: Record<string, string>, git?: { track: string[] }): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-docs-'));
  made.push(dir);
  for (const [path, text] of Object.entries({ 'package.json': '{ "name": "my-worker" }\n', ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (git) {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    if (git.track.length > 0) execFileSync('git', ['add', '--force', '--', ...git.track], { cwd: dir });
  } else {
    mkdirSync(join(dir, '.git'));
  }
  return dir;
}

/** The `.env.example` a doc's set-up note describes: `// .env.example:` followed by `//   NAME=` lines. */
function envExampleNote(blocks: Block[]): string | null {
  for (const block of blocks) {
    const at = block.lines.findIndex((l) => /^\s*\/\/\s*\.env\.example:\s*$/.test(l));
    if (at < 0) continue;
    const out: string[] = [];
    for (let i = at + 1; i < block.lines.length; i++) {
      const m = /^\s*\/\/\s{2,}(\S.*)$/.exec(block.lines[i]!);
      if (!m) break;
      out.push(m[1]!);
    }
    return `${out.join('\n')}\n`;
  }
  return null;
}

const projects = new Map<string, string>();
/** One project per doc, with what that rule's examples need around `src/index.ts`. */
function projectFor(doc: string, rule: string): string {
  let dir = projects.get(doc);
  if (dir) return dir;
  if (rule === 'env-example-in-sync') {
    // the ❌ block's note lists what `.env.example` holds; the ✅ block ("listed") is read against the same file
    const note = envExampleNote(readBlocks(doc));
    if (note === null) throw new Error(`${doc}: no "// .env.example:" set-up note found`);
    dir = project({ '.env.example': note });
  } else if (rule === 'prefer-credential-injection') {
    // the rule is silent without an SDK that has worker.credential(): the doc's own minimum, ^0.9.2
    dir = project({ 'package.json': JSON.stringify({ name: 'my-worker', dependencies: { '@notionhq/workers': '^0.9.2' } }) });
  } else {
    dir = project({});
  }
  projects.set(doc, dir);
  return dir;
}

// --- linting ---------------------------------------------------------------------------------------------------------
function lint(rule: string, code: string, lang: string, dir: string, options: unknown[] = []): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const languageOptions: Linter.LanguageOptions =
    lang === 'js'
      ? { ecmaVersion: 'latest', sourceType: 'module' }
      : { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: lang === 'tsx' } } };
  const config: Linter.Config[] = [
    { files: ['**/*.ts', '**/*.tsx', '**/*.js'], languageOptions, plugins: { 'worker-auth': plugin }, rules: { [`worker-auth/${rule}`]: ['error', ...options] } },
  ];
  return linter.verify(code, config, { filename: join(dir, `src/index.${lang}`) });
}

interface Linted {
  block: Block;
  code: string;
  lines: string[];
  messages: Linter.LintMessage[];
  /** 0-based code line holding `needle` (exactly one). */
  find(needle: string): number;
  /** Reports starting on 0-based code line `i`. */
  on(i: number): Linter.LintMessage[];
}

const linted = new Map<Block, Linted>();
function lintBlock(block: Block): Linted {
  let out = linted.get(block);
  if (out) return out;
  const rule = block.rule!;
  const code = codeOf(block);
  const lines = code.split('\n');
  const messages = lint(rule, code, block.lang, projectFor(block.doc, rule));
  out = {
    block,
    code,
    lines,
    messages,
    find(needle) {
      const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i] : []));
      if (hits.length !== 1) throw new Error(`${block.doc}:${block.fence}: ${hits.length} lines hold ${JSON.stringify(needle)}`);
      return hits[0]!;
    },
    on: (i) => messages.filter((m) => m.line === i + 1),
  };
  linted.set(block, out);
  return out;
}

/** The first code block of `doc` with a segment of this kind (the docs keep one ❌ and one ✅ block per rule). */
function exampleOf(doc: string, kind: 'bad' | 'good'): Linted {
  const block = readBlocks(doc).find((b) => CODE_LANGS.has(b.lang) && segmentsOf(b)?.some((s) => s.kind === kind));
  if (!block) throw new Error(`${doc}: no ${kind === 'bad' ? '❌' : '✅'} example`);
  return lintBlock(block);
}

/** The code after applying one suggestion. */
function applySuggestion(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

const describeMessages = (ms: Linter.LintMessage[]): string => ms.map((m) => `${m.line}:${m.column} ${m.message}`).join('\n') || '(none)';

// --- the cases -------------------------------------------------------------------------------------------------------
interface Case {
  /** Stable id: doc and marker label (or claim), no line number. */
  id: string;
  /** Title with the doc line. */
  title: string;
  run: () => void;
}
const cases: Case[] = [];
const perDoc = new Map<string, number>(DOCS.map((d) => [d, 0]));
const countExample = (doc: string) => perDoc.set(doc, perDoc.get(doc)! + 1);

// 1. generic: every marked segment of every ts/js/tsx block
for (const doc of DOCS) {
  for (const block of readBlocks(doc)) {
    if (!CODE_LANGS.has(block.lang)) continue;
    const segs = segmentsOf(block);
    if (!segs) continue; // not an example: configs, set-up snippets
    if (!block.rule) {
      // a marked example in README.md: no single rule to enable. None today; fail so that one gets a rule assigned here.
      cases.push({ id: `${doc}:${block.fence} marked example`, title: `${doc}:${block.fence} marked example without a rule`, run: () => expect.fail('README example: map it to a rule in docs-examples.test.ts') });
      continue;
    }
    cases.push({
      id: `${doc} block@${block.fence} parses`,
      title: `${doc}:${block.fence} the example parses`,
      run: () => expect(lintBlock(block).messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]),
    });
    for (const seg of segs) {
      const codeLines = block.lines.slice(seg.first, seg.last + 1).filter((l) => l.trim() !== '' && !/^\s*\/\//.test(l));
      if (codeLines.length === 0) continue;
      countExample(doc);
      const id = segmentKey(block, seg);
      cases.push({
        id,
        title: `${doc}:${seg.markerLine} ${seg.kind === 'bad' ? '❌' : '✅'} ${seg.label || '(no label)'}`,
        run: () => {
          const ex = lintBlock(block);
          const inSeg = ex.messages.filter((m) => !m.fatal && m.line >= seg.first + 1 && m.line <= seg.last + 1);
          if (seg.kind === 'bad') expect(inSeg.length, `no report in:\n${codeLines.join('\n')}`).toBeGreaterThan(0);
          else expect(describeMessages(inSeg)).toBe('(none)');
        },
      });
      // `// → X` on a line of a ❌ segment: reported there, and a suggestion writes X in place of the value
      if (seg.kind !== 'bad') continue;
      for (let i = seg.first; i <= seg.last; i++) {
        const arrow = /\/\/\s*→\s*(.+?)\s*$/.exec(block.lines[i]!);
        if (!arrow) continue;
        const replacement = arrow[1]!;
        cases.push({
          id: `${doc} → ${replacement}`,
          title: `${doc}:${docLine(block, i)} reported, suggestion writes ${replacement}`,
          run: () => {
            const ex = lintBlock(block);
            const here = ex.on(i);
            expect(here.length, describeMessages(ex.messages)).toBeGreaterThan(0);
            const fixed = here.flatMap((m) => m.suggestions ?? []).map((s) => applySuggestion(ex.code, s.fix).split('\n')[i]!.split(/\s\/\/\s*→/)[0]!);
            expect(fixed.some((line) => line.includes(replacement)), `suggested lines:\n${fixed.join('\n')}`).toBe(true);
          },
        });
      }
    }
  }
}

// 2. what the docs say about their examples beyond "reported / not reported"
const claim = (doc: string, what: string, line: () => number, run: () => void) => {
  cases.push({ id: `${doc} ${what}`, title: `${doc}:${safeLine(line)} ${what}`, run });
};
/** The doc line for a title; a lookup that fails here fails again (visibly) when the case runs. */
function safeLine(line: () => number): string {
  try {
    return String(line());
  } catch {
    return '?';
  }
}

// no-hardcoded-secrets ------------------------------------------------------------------------------------------------
{
  const doc = 'docs/rules/no-hardcoded-secrets.md';
  const bad = () => exampleOf(doc, 'bad');
  const lineOf = (needle: string) => () => docLine(bad().block, bad().find(needle));
  claim(doc, 'the token in code: message masked (prefix + last four), names GITHUB_TOKEN', lineOf('new Octokit'), () => {
    const [m, ...rest] = bad().on(bad().find('new Octokit'));
    expect(rest).toEqual([]);
    expect(m!.message).toContain(`GitHub personal access token \`${redact(GH, 'ghp_')}\` is hardcoded`);
    expect(m!.message).toContain('process.env.GITHUB_TOKEN');
    expect(m!.message).not.toContain(GH.slice(4, -4));
  });
  claim(doc, '"Bearer ghp_…": reported at its own columns', lineOf('Bearer'), () => {
    const i = bad().find('Bearer');
    const ms = bad().on(i);
    expect(ms).toHaveLength(1);
    const start = bad().lines[i]!.indexOf(GH);
    expect({ column: ms[0]!.column, endColumn: ms[0]!.endColumn }).toEqual({ column: start + 1, endColumn: start + 1 + GH.length });
  });
  claim(doc, 'the hardcoded fallback: reported as a fallback of process.env.STRIPE_SECRET_KEY', lineOf('STRIPE_SECRET_KEY'), () => {
    const ms = bad().on(bad().find('STRIPE_SECRET_KEY'));
    expect(ms).toHaveLength(1);
    expect(ms[0]!.message).toContain('is the hardcoded fallback of `process.env.STRIPE_SECRET_KEY`');
    expect(ms[0]!.message).not.toContain(STRIPE.slice(8, -4));
  });
  claim(doc, 'the suggestions turn the ❌ lines into the ✅ lines ("a literal that held more than the secret becomes a template literal"; a fallback is emptied)', lineOf('new Octokit'), () => {
    const good = exampleOf(doc, 'good');
    const fixedLine = (needle: string) => {
      const i = bad().find(needle);
      return bad().on(i).flatMap((m) => m.suggestions ?? []).map((sg) => applySuggestion(bad().code, sg.fix).split('\n')[i]!);
    };
    expect(fixedLine('new Octokit')).toEqual([good.lines[good.find('new Octokit')]]);
    expect(fixedLine('Bearer')).toEqual([good.lines[good.find('Bearer')]]);
    expect(fixedLine('STRIPE_SECRET_KEY')).toEqual(['const key = process.env.STRIPE_SECRET_KEY ?? "";']);
  });
  claim(doc, 'the placeholders as written (cut short with …) are not reported: the substitutions are needed', lineOf('new Octokit'), () => {
    const raw = bad().block.lines.join('\n');
    const ms = lint('no-hardcoded-secrets', raw, 'ts', projectFor(doc, 'no-hardcoded-secrets'));
    const rawLines = raw.split('\n');
    const placeholderLines = rawLines.flatMap((l, i) => (/"(?:Bearer )?(?:ghp|sk_live)_…"/.test(l) ? [i + 1] : []));
    expect(placeholderLines).toHaveLength(3);
    expect(ms.filter((m) => placeholderLines.includes(m.line))).toEqual([]);
  });
}

// no-logged-secrets ---------------------------------------------------------------------------------------------------
{
  const doc = 'docs/rules/no-logged-secrets.md';
  const bad = () => exampleOf(doc, 'bad');
  claim(doc, '"into an error message": reported as an error message, not as a log', () => docLine(bad().block, bad().find('throw new Error')), () => {
    const ms = bad().on(bad().find('throw new Error'));
    expect(ms).toHaveLength(1);
    expect(ms[0]!.message).toContain('error messages reach logs and callers');
  });
  claim(doc, 'messages never hold a value, only names', () => docLine(bad().block, 0), () => {
    for (const m of bad().messages) expect(m.message).not.toMatch(/Bearer|Login failed/);
  });
}

// env-example-in-sync -------------------------------------------------------------------------------------------------
{
  const doc = 'docs/rules/env-example-in-sync.md';
  const bad = () => exampleOf(doc, 'bad');
  for (const needle of ['const { SLACK_BOT_TOKEN } = process.env', 'process.env["WEBHOOK_SECRET"]']) {
    // "❌ destructured and bracket reads count too" marks two statements: each is reported
    claim(doc, `each statement of "destructured and bracket reads" reported: ${needle}`, () => docLine(bad().block, bad().find(needle)), () => {
      expect(bad().on(bad().find(needle)), describeMessages(bad().messages)).toHaveLength(1);
    });
  }
  claim(doc, '✅ not vacuous: without GITHUB_TOKEN in .env.example only that read is reported (NODE_ENV is the runtime\'s, TZ = … a write)', () => docLine(exampleOf(doc, 'good').block, 0), () => {
    const good = exampleOf(doc, 'good');
    const ms = lint('env-example-in-sync', good.code, good.block.lang, project({ '.env.example': 'OTHER=\n' }));
    expect(ms.map((m) => m.line - 1)).toEqual([good.find('GITHUB_TOKEN')]);
  });
  claim(doc, 'the message names the line to add (LINEAR_API_KEY=) and the file', () => docLine(bad().block, bad().find('LINEAR_API_KEY')), () => {
    const ms = bad().on(bad().find('LINEAR_API_KEY'));
    expect(ms).toHaveLength(1);
    expect(ms[0]!.message).toContain('Add the line `LINEAR_API_KEY=` to `.env.example`');
  });
}

// oauth-credentials-from-env ------------------------------------------------------------------------------------------
{
  const doc = 'docs/rules/oauth-credentials-from-env.md';
  const bad = () => exampleOf(doc, 'bad');
  const at = (needle: string) => () => docLine(bad().block, bad().find(needle));
  claim(doc, '"clientSecret: GITHUB_SECRET, // reported at the literal above": not reported on this line', at('// reported at the literal above'), () => {
    expect(bad().on(bad().find('// reported at the literal above'))).toEqual([]);
  });
  claim(doc, '"// a non-empty fallback": reported at the fallback literal; the suggestion empties it', at('// a non-empty fallback'), () => {
    const i = bad().find('// a non-empty fallback');
    const ms = bad().on(i);
    expect(ms).toHaveLength(1);
    const literal = /\?\?\s*("[^"]+")/.exec(bad().lines[i]!)![1]!;
    expect(ms[0]!.column).toBe(bad().lines[i]!.indexOf(literal) + 1);
    const fixed = (ms[0]!.suggestions ?? []).map((s) => applySuggestion(bad().code, s.fix).split('\n')[i]!);
    expect(fixed.some((l) => l.includes('?? ""'))).toBe(true);
  });
  claim(doc, 'exactly the three annotated values are reported', at('// reported at the literal above'), () => {
    expect(bad().messages.map((m) => m.line - 1).sort((a, b) => a - b)).toEqual(
      [bad().find('const GITHUB_SECRET'), bad().find('clientId: "'), bad().find('// a non-empty fallback')].sort((a, b) => a - b),
    );
  });
  claim(doc, 'messages never show the values', at('// a non-empty fallback'), () => {
    const values = [...bad().code.matchAll(/"([a-z][a-z-]{12,})"/g)].map((m) => m[1]!).filter((v) => v.includes('secret'));
    expect(values.length).toBeGreaterThan(0);
    for (const m of bad().messages) for (const v of values) expect(m.message).not.toContain(v);
  });
}

// oauth-endpoints-https -----------------------------------------------------------------------------------------------
{
  const doc = 'docs/rules/oauth-endpoints-https.md';
  const bad = () => exampleOf(doc, 'bad');
  /** Trailing comment → the literal reported on that line and the message it gets. */
  const annotated: { comment: string; literal: RegExp; message: RegExp; https?: true }[] = [
    { comment: '// plain http', literal: /"http:\/\/[^"]+"/, message: /uses `http:`/, https: true },
    { comment: '// placeholder', literal: /"https:\/\/\{tenant\}[^"]*"/, message: /is a placeholder/ },
    { comment: '// relative', literal: /"\/oauth\/callback"/, message: /is not an absolute URL/ },
    { comment: '// the http branch', literal: /"http:\/\/staging[^"]+"/, message: /uses `http:`/, https: true },
    { comment: '// the http base', literal: /"http:\/\/auth\.acme\.com"/, message: /uses `http:`/, https: true },
  ];
  for (const a of annotated) {
    claim(doc, `"${a.comment}": one report, at the literal, message ${a.message.source}`, () => docLine(bad().block, bad().find(a.comment)), () => {
      const i = bad().find(a.comment);
      const ms = bad().on(i);
      expect(ms, describeMessages(bad().messages)).toHaveLength(1);
      expect(ms[0]!.column).toBe(a.literal.exec(bad().lines[i]!)!.index + 1);
      expect(ms[0]!.message).toMatch(a.message);
      // "Offers an editor suggestion to switch http: to https:"
      if (a.https) {
        const fixed = (ms[0]!.suggestions ?? []).map((s) => applySuggestion(bad().code, s.fix).split('\n')[i]!);
        expect(fixed).toEqual([bad().lines[i]!.replace('"http://', '"https://')]);
      }
    });
  }
  claim(doc, '✅ "http on localhost is allowed by default": with allowHttpLocalhost: false each localhost URL is reported', () => docLine(exampleOf(doc, 'good').block, 0), () => {
    const good = exampleOf(doc, 'good');
    const ms = lint('oauth-endpoints-https', good.code, good.block.lang, projectFor(doc, 'oauth-endpoints-https'), [{ allowHttpLocalhost: false }]);
    const localhost = good.lines.flatMap((l, i) => [...l.matchAll(/"http:\/\/localhost[^"]*"/g)].map((m) => `${i + 1}:${m.index! + 1}`));
    expect(localhost).toHaveLength(3);
    expect(ms.map((m) => `${m.line}:${m.column}`).sort()).toEqual(localhost.sort());
  });
  claim(doc, 'nothing but the annotated lines is reported', () => docLine(bad().block, 0), () => {
    expect(bad().messages.map((m) => m.line - 1).sort((x, y) => x - y)).toEqual(annotated.map((a) => bad().find(a.comment)).sort((x, y) => x - y));
  });
}

// no-broad-oauth-scopes -----------------------------------------------------------------------------------------------
{
  const doc = 'docs/rules/no-broad-oauth-scopes.md';
  const bad = () => exampleOf(doc, 'bad');
  const covers = (m: Linter.LintMessage, line: string, text: string) => {
    const start = line.indexOf(`"${text}"`) + 1; // 0-based start of the scope text
    expect(start).toBeGreaterThan(0);
    expect(m.column - 1).toBeGreaterThanOrEqual(start - 1);
    expect(m.column - 1).toBeLessThanOrEqual(start);
    expect(m.endColumn! - 1).toBeGreaterThanOrEqual(start + text.length);
    expect(m.endColumn! - 1).toBeLessThanOrEqual(start + text.length + 1);
  };
  claim(doc, 'the Drive scope: reported; the suggestion keeps the full-URL form (drive → drive.file)', () => docLine(bad().block, bad().find('auth/drive"')), () => {
    const i = bad().find('auth/drive"');
    const ms = bad().on(i);
    expect(ms).toHaveLength(1);
    const fixed = (ms[0]!.suggestions ?? []).map((s) => applySuggestion(bad().code, s.fix).split('\n')[i]!);
    expect(fixed).toContainEqual(expect.stringContaining('"https://www.googleapis.com/auth/drive.file"'));
  });
  claim(doc, '"`repo` and `admin:org` are each reported at their own columns" (read:user is not); admin:org → read:org', () => docLine(bad().block, bad().find('const GITHUB_SCOPES')), () => {
    const i = bad().find('const GITHUB_SCOPES');
    const line = bad().lines[i]!;
    const ms = bad().on(i).sort((a, b) => a.column - b.column);
    expect(ms.map((m) => /^`([^`]+)`/.exec(m.message)?.[1]), describeMessages(bad().messages)).toEqual(['repo', 'admin:org']);
    covers(ms[0]!, line, 'repo');
    covers(ms[1]!, line, 'admin:org');
    const fixed = (ms[1]!.suggestions ?? []).map((s) => applySuggestion(bad().code, s.fix).split('\n')[i]!);
    expect(fixed).toContainEqual(expect.stringContaining('"read:org"'));
  });
  claim(doc, '"libraries too": passport.authenticate("github", { scope: ["user", "delete_repo"] }) reports both GitHub scopes', () => docLine(bad().block, bad().find('passport.authenticate')), () => {
    const i = bad().find('passport.authenticate');
    const ms = bad().on(i).sort((a, b) => a.column - b.column);
    expect(ms.map((m) => /^`([^`]+)`/.exec(m.message)?.[1]), describeMessages(bad().messages)).toEqual(['user', 'delete_repo']);
    covers(ms[0]!, bad().lines[i]!, 'user');
    covers(ms[1]!, bad().lines[i]!, 'delete_repo');
  });
}

// prefer-credential-injection -----------------------------------------------------------------------------------------
{
  const doc = 'docs/rules/prefer-credential-injection.md';
  const bad = () => exampleOf(doc, 'bad');
  const good = () => exampleOf(doc, 'good');
  /** A statement with whitespace and trailing commas dropped, to compare a multi-line snippet with a one-line one. */
  const squash = (s: string) => s.replace(/,(\s*[}\])])/g, '$1').replace(/\s+/g, '');
  claim(doc, 'the message spells out the worker.credential() call of the ✅ example (LINEAR_API_KEY)', () => docLine(bad().block, bad().find('LINEAR_API_KEY')), () => {
    const ms = bad().messages.filter((m) => m.message.includes('`process.env.LINEAR_API_KEY`'));
    expect(ms, describeMessages(bad().messages)).toHaveLength(1);
    const snippet = /Declare it with `(.+?)` \(the platform/.exec(ms[0]!.message)?.[1];
    const goodLines = good().lines;
    const from = goodLines.findIndex((l) => l.startsWith('worker.credential('));
    const to = goodLines.findIndex((l, k) => k >= from && l.startsWith('});'));
    expect(squash(snippet ?? '')).toBe(squash(goodLines.slice(from, to + 1).join('\n').replace(/;\s*$/, '')));
  });
  claim(doc, '"through a constant, a dashed header": the message names X-API-Key and api.acme.dev', () => docLine(bad().block, bad().find('X-API-Key')), () => {
    const ms = bad().messages.filter((m) => m.message.includes('`process.env.ACME_API_KEY`'));
    expect(ms, describeMessages(bad().messages)).toHaveLength(1);
    expect(ms[0]!.message).toContain('`X-API-Key` header');
    expect(ms[0]!.message).toContain('api.acme.dev');
  });
  claim(doc, '✅ "the key is also needed by an SDK client": the ❌ Linear request plus that client in one file is not reported', () => docLine(good().block, good().find('new LinearClient')), () => {
    const b = bad();
    const seg = segmentsOf(b.block)!.find((s) => s.kind === 'bad')!;
    const request = b.lines.slice(seg.first, seg.last + 1).join('\n');
    expect(request).toContain('LINEAR_API_KEY');
    const code = `${request}\n${good().lines[good().find('new LinearClient')]}\n`;
    expect(lint('prefer-credential-injection', code, 'ts', projectFor(doc, 'prefer-credential-injection'))).toEqual([]);
    // and the request alone is reported (the ❌ segment's own check, repeated here so this case is not vacuous)
    expect(lint('prefer-credential-injection', request, 'ts', projectFor(doc, 'prefer-credential-injection'))).toHaveLength(1);
  });
  claim(doc, 'no suggestion when the file does not declare the worker', () => docLine(bad().block, 0), () => {
    expect(bad().messages.length).toBeGreaterThan(0);
    for (const m of bad().messages) expect(m.suggestions ?? []).toEqual([]);
  });
}

// README.md: the sample finding and the quick fixes it names -------------------------------------------------------
{
  const doc = 'README.md';
  const sample = () => {
    for (const block of readBlocks(doc)) {
      for (const [i, line] of block.lines.entries()) {
        const m = /^\s*(\d+):(\d+)\s+error\s+(.+?)\s+worker-auth\/([\w-]+)\s*$/.exec(line);
        if (m) return { line: docLine(block, i), at: [Number(m[1]), Number(m[2])] as const, message: m[3]!, rule: m[4]! };
      }
    }
    throw new Error('README.md: no sample finding');
  };
  claim(doc, 'the sample finding is what the rule prints (stylish drops the final period)', () => sample().line, () => {
    const s = sample();
    // the sample's masked token, `ghp_…Qx7f`, is our fake's masked form
    const masked = /`(ghp_…\w{4})`/.exec(s.message)?.[1];
    expect(masked).toBeDefined();
    const [line, column] = s.at;
    // `export const token = "` is 22 characters: the token starts at the sample's column 23
    const prefix = 'export const token = "';
    expect(prefix.length + 1).toBe(column);
    const code = `${'// filler\n'.repeat(line - 1)}${prefix}${GH}";\n`;
    const ms = lint(s.rule, code, 'ts', projectFor('docs/rules/no-hardcoded-secrets.md', s.rule));
    expect(ms.map((m) => `${m.line}:${m.column} ${m.message.replace(/([^ ])\.$/u, '$1')}`)).toEqual([`${line}:${column} ${s.message.replace(masked!, redact(GH, 'ghp_'))}`]);
  });
  claim(doc, 'quick fixes: "Replace with `process.env.GITHUB_TOKEN ?? ""`" and "Drop the hardcoded fallback"', () => readFileSync(join(ROOT, doc), 'utf8').split('\n').findIndex((l) => l.includes('*Replace with')) + 1, () => {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    expect(text).toContain('*Replace with\n`process.env.GITHUB_TOKEN ?? ""`*, or *Drop the hardcoded fallback*');
    const ex = exampleOf('docs/rules/no-hardcoded-secrets.md', 'bad');
    const descs = ex.messages.flatMap((m) => m.suggestions ?? []).map((s) => s.desc);
    expect(descs).toContain('Replace with `process.env.GITHUB_TOKEN ?? ""`.');
    expect(descs.some((d) => d.startsWith('Drop the hardcoded fallback'))).toBe(true);
  });
}

// 3. no-committed-env-files: its ```sh examples describe projects ----------------------------------------------------
{
  const doc = 'docs/rules/no-committed-env-files.md';
  const rule = 'no-committed-env-files';
  const GOOD_IGNORE = '.env\n.env.*\n!.env.example\n';
  const shBlocks = readBlocks(doc).filter((b) => b.lang === 'sh' && segmentsOf(b));
  const lintProject = (dir: string) => lint(rule, 'export {};\n', 'ts', dir).map((m) => m.message);
  /** ❌ scenarios by marker label: the project the line describes and what the rule must say about it. */
  const scenarios: Record<string, (seg: Segment, block: Block) => void> = {
    '.env is tracked': (seg, block) => {
      const dir = project({ '.env': 'A=1\n', '.gitignore': GOOD_IGNORE }, { track: ['.env', '.gitignore'] });
      // the doc shows `$ git ls-files .env` and its output
      const shown = block.lines.slice(seg.first, seg.last + 1);
      const cmd = shown.findIndex((l) => l.startsWith('$ '));
      expect(cmd).toBeGreaterThanOrEqual(0);
      const args = shown[cmd]!.slice(2).split(' ');
      expect(args[0]).toBe('git');
      expect(execFileSync('git', args.slice(1), { cwd: dir, encoding: 'utf8' }).trimEnd()).toBe(shown.slice(cmd + 1).join('\n'));
      expect(lintProject(dir)).toEqual([expect.stringContaining('`.env` is tracked by git')]);
    },
    '.env.local exists and .gitignore only lists .env': () => {
      const dir = project({ '.env.local': 'A=1\n', '.gitignore': '.env\n' }, { track: ['.gitignore'] });
      expect(lintProject(dir)).toEqual([expect.stringContaining('`.env.local` is not git-ignored')]);
    },
    '.env.example: GITHUB_TOKEN=ghp_…a1b2 (a real-looking token)': (seg, block) => {
      const key = segmentKey(block, seg);
      const sub = SUBSTITUTIONS[key]![0]!;
      const m = /^(\.env\.example): (\w+)=(\S+)/.exec(seg.label)!;
      expect(m[3]).toBe(sub.placeholder);
      const dir = project({ [m[1]!]: `${m[2]}=${sub.token}\n`, '.gitignore': GOOD_IGNORE }, { track: ['.env.example', '.gitignore'] });
      const ms = lintProject(dir);
      expect(ms).toEqual([expect.stringContaining(`\`.env.example\` line 1 gives \`GITHUB_TOKEN\` a value that looks like a real secret`)]);
      // "The message shows the value masked (public prefix and last four characters)"
      expect(ms[0]).toContain(`\`${redact(GH, 'ghp_')}\``);
      expect(ms[0]).not.toContain(GH.slice(4, -4));
    },
  };
  for (const block of shBlocks) {
    for (const seg of segmentsOf(block)!) {
      countExample(doc);
      const id = segmentKey(block, seg);
      const title = `${doc}:${seg.markerLine} ${seg.kind === 'bad' ? '❌' : '✅'} ${seg.label}`;
      if (seg.kind === 'bad') {
        cases.push({
          id,
          title,
          run: () => {
            const scenario = scenarios[seg.label];
            if (!scenario) expect.fail(`no project for "${seg.label}": describe it in docs-examples.test.ts`);
            scenario(seg, block);
          },
        });
      }
    }
    // the ✅ block: `# ✅ <file>` headers followed by the file's lines; together one clean project
    const goods = segmentsOf(block)!.filter((s) => s.kind === 'good');
    if (goods.length === 0) continue;
    cases.push({
      id: `${doc} ✅ project`,
      title: `${doc}:${block.fence} ✅ ${goods.map((g) => g.label).join(' + ')}: nothing reported (with .env and .env.local present)`,
      run: () => {
        const files: Record<string, string> = {};
        for (const g of goods) files[g.label] = `${block.lines.slice(g.first, g.last + 1).join('\n')}\n`;
        expect(Object.keys(files).sort()).toEqual(['.env.example', '.gitignore']);
        const dir = project({ ...files, '.env': `GITHUB_TOKEN=${GH}\n`, '.env.local': 'A=1\n' }, { track: Object.keys(files) });
        expect(lintProject(dir)).toEqual([]);
      },
    });
  }
}

// 4. the option objects in the rule docs' ```js blocks are valid options of their rule ---------------------------------
const optionBlocks: { doc: string; rule: string; fence: number; text: string }[] = [];
for (const doc of RULE_DOCS) {
  for (const block of readBlocks(doc)) {
    if (block.lang !== 'js' || !block.rule) continue;
    const text = block.lines.join('\n');
    const re = /"worker-auth\/([\w-]+)":\s*\[\s*"error",\s*/g;
    for (let m = re.exec(text); m; m = re.exec(text)) optionBlocks.push({ doc, rule: m[1]!, fence: block.fence, text: balanced(text, m.index + m[0].length) });
    if (text.trim().startsWith('{')) optionBlocks.push({ doc, rule: block.rule, fence: block.fence, text: balanced(text, text.indexOf('{')) });
  }
}
/** The `{…}` starting at `from` (strings without braces inside quotes are the docs' case; quotes are skipped anyway). */
function balanced(text: string, from: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(from, i + 1);
  }
  throw new Error(`unbalanced options at ${from}`);
}
for (const o of optionBlocks) {
  cases.push({
    id: `${o.doc} options ${o.text}`,
    title: `${o.doc}:${o.fence} options ${o.text} are valid for ${o.rule}`,
    run: () => {
      const options = JSON.parse(JSON.stringify(runInNewContext(`(${o.text})`))) as unknown;
      expect(() => lint(o.rule, 'export {};\n', 'ts', project({}), [options])).not.toThrow();
    },
  });
}

// --- running ---------------------------------------------------------------------------------------------------------
/**
 * Cases that fail today: id → one-line note (doc file:line, what it claims, what the rule does, which side is wrong).
 * They run below as `it.fails`; when one is fixed, its `it.fails` fails and the entry must go. Empty: every checked
 * example and claim holds today.
 */
const KNOWN_GAPS = new Map<string, string>([]);

describe('docs examples', () => {
  it('finds the examples of every rule doc', () => {
    for (const doc of RULE_DOCS) expect(perDoc.get(doc), doc).toBeGreaterThan(0);
  });
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
    ids.add(c.id);
    if (!KNOWN_GAPS.has(c.id)) it(c.title, c.run);
  }
  it('every known gap names a case', () => {
    for (const gap of KNOWN_GAPS.keys()) expect(ids.has(gap), gap).toBe(true);
  });
  it('every substitution names a ❌ example that still holds its placeholder', () => {
    const blocks = DOCS.flatMap((d) => readBlocks(d));
    for (const [key, subs] of Object.entries(SUBSTITUTIONS)) {
      const hit = blocks.some((b) =>
        (segmentsOf(b) ?? []).some(
          (s) => s.kind === 'bad' && segmentKey(b, s) === key && subs.every((sub) => [s.label, ...b.lines.slice(s.first, s.last + 1)].some((l) => l.includes(sub.placeholder))),
        ),
      );
      expect(hit, key).toBe(true);
    }
  });
});

describe('known gaps (reported to the maintainer)', () => {
  // vitest needs one test per suite
  if (KNOWN_GAPS.size === 0) it('none open: every checked example and claim holds', () => undefined);
  for (const [id, note] of KNOWN_GAPS) {
    const c = cases.find((x) => x.id === id);
    if (c) it.fails(`${c.title} — ${note}`, c.run);
  }
});

