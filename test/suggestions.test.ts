/**
 * The editor path: every suggestion of every rule, on the realistic corpus, applies cleanly (the code still
 * parses) and removes its own finding; applying them all, one after another as a user clicking quick fixes would,
 * leaves code that passes all our rules, but for findings that have no suggestion (comments, object keys).
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { languageConfigs, renderCorpus } from './support/corpus.js';
import { fakeToken } from './support/fake-tokens.js';

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

describe('env names of no-hardcoded-secrets suggestions', () => {
  const config: Linter.Config[] = [{ plugins: { 'worker-auth': plugin as never }, rules: { 'worker-auth/no-hardcoded-secrets': 'error' } }];
  const envNames = (code: string): string[] =>
    linter.verify(code, config, 'names.js').map((m) => /process\.env\.(\w+)/.exec(m.suggestions?.[0]?.fix.text ?? '')?.[1] ?? '-');
  const a = fakeToken('github-classic-pat', 9301);
  const b = fakeToken('github-classic-pat', 9302);
  it('one value, one name; a second value of the same format gets the next free name', () => {
    expect(envNames(`export const x = "${a}";\nexport const y = "${b}";\nexport const z = "${a}";\n`)).toEqual(['GITHUB_TOKEN', 'GITHUB_TOKEN_2', 'GITHUB_TOKEN']);
  });
  it('a name the file already reads is not given to a hardcoded value (nor its next suffix when read too)', () => {
    const code = `export const live = process.env.GITHUB_TOKEN;\nconst { GITHUB_TOKEN_2 } = process.env;\nexport const old = "${a}";\n`;
    expect(envNames(code)).toEqual(['GITHUB_TOKEN_3']);
  });
  it('a fallback keeps the name of its own env read', () => {
    const messages = linter.verify(`export const t = process.env.GH_PAT ?? "${a}";\n`, config, 'names.js');
    expect(messages.map((m) => /process\.env\.(\w+)/.exec(m.message)?.[1])).toEqual(['GH_PAT']);
  });
});

describe('env names: a comment takes none', () => {
  it('a secret in a comment, then another value of its format in code: the code keeps the plain name', () => {
    const config: Linter.Config[] = [{ plugins: { 'worker-auth': plugin as never }, rules: { 'worker-auth/no-hardcoded-secrets': 'error' } }];
    const a = fakeToken('github-classic-pat', 9303);
    const b = fakeToken('github-classic-pat', 9304);
    const messages = linter.verify(`// old: ${a}\nexport const t = "${b}";\n`, config, 'names.js');
    expect(messages.map((m) => /process\.env\.(\w+)/.exec(m.suggestions?.[0]?.fix.text ?? '')?.[1] ?? '-')).toEqual(['-', 'GITHUB_TOKEN']);
  });
});
