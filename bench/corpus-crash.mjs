/**
 * `npm run test:corpus [-- --corpus L,S]` (issue 7, item 3): every rule of the plugin (`configs.all`) over the L corpus
 * (n8n-nodes-base@2.41.2, ≈16,900 files) and the S corpus (@notionhq/workers@0.9.2 sources). File by file through
 * ESLint's `Linter`, so one crash does not hide the next. A rule that throws is a crash (ESLint rethrows it naming
 * the rule: `Rule: "worker-auth/…"`); a corpus file that does not parse is a parse error, counted apart.
 * Exit 1 on any crash, 0 otherwise. Prints counts and crash locations only, never a finding's text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT_DIR, writeCorpusList } from './corpora.mjs';

const { values: args } = parseArgs({ options: { corpus: { type: 'string', default: 'L,S' } }, strict: true });
const requireFromRoot = createRequire(join(ROOT_DIR, 'package.json'));
const { Linter } = requireFromRoot('eslint');
const tsParser = requireFromRoot('@typescript-eslint/parser');
const plugin = (await import(pathToFileURL(join(ROOT_DIR, 'dist/src/index.js')).href)).default;
const ruleIds = Object.keys(plugin.configs.all.rules);

let totalCrashes = 0;
for (const id of args.corpus.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean)) {
  const corpus = await writeCorpusList(id);
  const linter = new Linter({ configType: 'flat', cwd: corpus.dir });
  const config = [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    },
    ...(corpus.commonjs ? [{ files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' } }] : []),
    plugin.configs.all,
  ];
  const t0 = performance.now();
  const crashes = [];
  let parseErrors = 0;
  let findings = 0;
  let unmatched = 0;
  corpus.files.forEach((rel, i) => {
    const abs = join(corpus.dir, rel);
    const text = readFileSync(abs, 'utf8');
    try {
      const messages = linter.verify(text, config, { filename: abs });
      for (const m of messages) {
        if (m.fatal) parseErrors++;
        else if (m.ruleId?.startsWith('worker-auth/')) findings++;
        else if (!m.ruleId) unmatched++;
      }
    } catch (error) {
      const message = String(error?.message ?? error);
      const rule = /Rule: "([^"]+)"/.exec(message)?.[1] ?? error?.ruleId ?? '(unknown: thrown outside a rule)';
      crashes.push({ file: rel, rule, message: message.split('\n')[0].slice(0, 200) });
    }
    if ((i + 1) % 2000 === 0) process.stderr.write(`test:corpus ${id}: ${i + 1}/${corpus.files.length} files…\n`);
  });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `${id} ${corpus.label}: ${corpus.files.length} files, ${ruleIds.length} rules (${ruleIds.join(', ')}), ${seconds} s: ` +
      `${crashes.length} crash(es), ${parseErrors} parse error(s) in the corpus itself, ${findings} finding(s)${unmatched ? `, ${unmatched} notice(s) that a corpus \`eslint-disable\` comment has no effect (inline config off)` : ''}.`,
  );
  for (const c of crashes) console.log(`  CRASH ${c.rule} in ${c.file}: ${c.message}`);
  totalCrashes += crashes.length;
}
console.log(totalCrashes === 0 ? 'test:corpus: no rule crashed.' : `test:corpus: ${totalCrashes} rule crash(es).`);
process.exitCode = totalCrashes === 0 ? 0 : 1;
