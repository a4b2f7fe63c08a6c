/**
 * `node bench/findings.mjs`: writes `bench/findings.md` from `bench/.cache/findings-L.json` (every finding of our
 * recommended config on the L corpus, written by the bench's first `ours` run on L) and the reviews in
 * `bench/findings-review.json`.
 *
 * Messages of our rules are already masked (`redact()`), so they are copied as they are. Findings are grouped by rule
 * and format (for `no-hardcoded-secrets`: the "what" the message starts with, e.g. "Stripe secret key"; for the
 * others: the message with its backticked parts elided). A review entry applies to every finding it matches
 * (`rule`, `format`, `file` and `message` are regular expressions; all given ones must match); the first match wins.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, CACHE_DIR } from './corpora.mjs';

const input = join(CACHE_DIR, 'findings-L.json');
if (!existsSync(input)) {
  process.stderr.write('findings: bench/.cache/findings-L.json is missing; run `npm run bench -- --corpus L --reps 1 --modes ours` first.\n');
  process.exit(2);
}
const findings = JSON.parse(readFileSync(input, 'utf8'));
const reviewFile = join(BENCH_DIR, 'findings-review.json');
const reviewData = existsSync(reviewFile) ? JSON.parse(readFileSync(reviewFile, 'utf8')) : { reviews: [] };
const reviews = reviewData.reviews;
const compiled = reviews.map((r) => ({ ...r, re: Object.fromEntries(['rule', 'format', 'file', 'message'].filter((k) => r[k]).map((k) => [k, new RegExp(r[k])])) }));

function formatOf(f) {
  if (f.rule === 'worker-auth/no-hardcoded-secrets') return f.message.split(' `')[0];
  return f.message.replace(/`[^`]*`/g, '`…`').slice(0, 120);
}

function reviewOf(f, format) {
  const fields = { rule: f.rule, format, file: f.file, message: f.message };
  return compiled.find((r) => Object.entries(r.re).every(([k, re]) => re.test(fields[k])));
}

const groups = new Map();
for (const f of findings) {
  const format = formatOf(f);
  const key = `${f.rule}\u0000${format}`;
  if (!groups.has(key)) groups.set(key, { rule: f.rule, format, items: [] });
  groups.get(key).items.push(f);
}
const sorted = [...groups.values()].sort((a, b) => a.rule.localeCompare(b.rule) || b.items.length - a.items.length || a.format.localeCompare(b.format));

const verdictCount = {};
const L = [];
L.push('# Our findings on L (`n8n-nodes-base@2.41.2`), reviewed');
L.push('');
L.push(`Every report of \`worker-auth\` \`recommended\` on the L corpus (${findings.length} in all), from the bench's \`ours\` run. Messages are ours, so values are already masked. Review column: **true secret**, **false positive**, or **test data or placeholder**; "sampled" means the verdict was checked by opening the files named in the note and applied to the rest of the group by pattern. Regenerate with \`node bench/findings.mjs\` (reviews live in \`bench/findings-review.json\`).`);
L.push('');
const rows = [];
for (const g of sorted) {
  for (const f of g.items) {
    const r = reviewOf(f, g.format);
    const verdict = r?.verdict ?? 'not reviewed';
    verdictCount[verdict] = (verdictCount[verdict] ?? 0) + 1;
    rows.push({ g, f, r, verdict });
  }
}
L.push('## Summary');
L.push('');
L.push('| rule | format | findings | verdicts |');
L.push('| --- | --- | ---: | --- |');
for (const g of sorted) {
  const counts = {};
  for (const x of rows.filter((x) => x.g === g)) counts[x.verdict] = (counts[x.verdict] ?? 0) + 1;
  L.push(`| \`${g.rule.replace('worker-auth/', '')}\` | ${g.format.replace(/\|/g, '\\|')} | ${g.items.length} | ${Object.entries(counts).map(([v, n]) => `${v} ${n}`).join(', ')} |`);
}
L.push('');
L.push(findings.length === 0 ? 'Totals: no findings in this run.' : `Totals: ${Object.entries(verdictCount).map(([v, n]) => `${v} ${n}`).join(', ')}.`);
if (reviewData.history) {
  L.push('');
  L.push(`Earlier runs: ${reviewData.history}`);
}
const patterns = compiled.filter((r) => r.verdict === 'false positive' && r.pattern);
if (patterns.length) {
  L.push('');
  L.push('## False-positive patterns (for the detector\'s owner)');
  L.push('');
  for (const p of patterns) {
    const n = rows.filter((x) => x.r === p).length;
    L.push(`- **${p.title ?? p.format ?? p.rule}** (${n} in this run): ${p.pattern}`);
  }
}
L.push('');
L.push('## Every finding');
for (const g of sorted) {
  L.push('');
  L.push(`### \`${g.rule}\`: ${g.format} (${g.items.length})`);
  L.push('');
  L.push('| file:line | message (masked) | review | note |');
  L.push('| --- | --- | --- | --- |');
  for (const x of rows.filter((y) => y.g === g)) {
    const msg = x.f.message.replace(/\|/g, '\\|');
    L.push(`| ${x.f.file}:${x.f.line}:${x.f.column} | ${msg} | ${x.verdict} | ${(x.r?.note ?? '').replace(/\|/g, '\\|')} |`);
  }
}
L.push('');
writeFileSync(join(BENCH_DIR, 'findings.md'), L.join('\n'));
console.log(`findings: ${findings.length} findings in ${sorted.length} groups; ${Object.entries(verdictCount).map(([v, n]) => `${v} ${n}`).join(', ')}. Wrote bench/findings.md.`);
