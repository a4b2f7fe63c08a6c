/**
 * The editor path: every suggestion of every rule, on the realistic corpus, applies cleanly (the code still
 * parses) and removes its own finding; applying them all, one after another as a user clicking quick fixes would,
 * leaves code that passes all our rules, but for findings that have no suggestion (comments, object keys).
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { languageConfigs, renderCorpus } from './support/corpus.js';

const linter = new Linter({ configType: 'flat' });
const configs = languageConfigs(plugin.configs.all);

function lint(text: string, filename: string): Linter.LintMessage[] {
  return linter.verify(text, configs, { filename });
}

function apply(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

describe.each(renderCorpus().map((g) => [g.filename, g] as const))('suggestions on %s', (filename, gen) => {
  it('each applies cleanly and removes its own finding', () => {
    const messages = lint(gen.text, filename);
    for (const m of messages) {
      for (const s of m.suggestions ?? []) {
        const fixed = apply(gen.text, s.fix);
        const after = lint(fixed, filename);
        expect(after.filter((x) => x.fatal), `${filename}:${m.line} "${s.desc}" breaks the code`).toEqual([]);
        expect(after.length, `${filename}:${m.line} "${s.desc}" leaves the finding`).toBeLessThan(messages.length);
      }
    }
  });

  it('applied one after another, leaves only findings that offer no suggestion', () => {
    let text = gen.text;
    for (let round = 0; round < 200; round++) {
      const next = lint(text, filename).find((m) => (m.suggestions?.length ?? 0) > 0);
      if (!next) break;
      text = apply(text, next.suggestions![0]!.fix);
    }
    const left = lint(text, filename);
    expect(left.filter((m) => m.fatal)).toEqual([]);
    const withSuggestion = left.filter((m) => (m.suggestions?.length ?? 0) > 0);
    expect(withSuggestion.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([]);
    // what is left is only what the user must edit by hand: comments, keys, type positions
    for (const m of left) expect(m.ruleId, `${filename}:${m.line} ${m.message.slice(0, 80)}`).toMatch(/^worker-auth\//);
  });
});
