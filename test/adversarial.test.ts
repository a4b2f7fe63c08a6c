/**
 * Adversarial inputs finish, crash nothing and leak nothing (their time against parse-only is measured in the
 * bench, not here). Near misses for every provider, huge templates, long concatenations, a minified bundle.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { Detector, detectSecrets } from '../src/detect/index.js';
import { TOKEN_FORMATS } from '../src/detect/providers.js';
import plugin from '../src/index.js';
import { MAX_SUGGESTIONS_PER_STRING, SUGGESTION_TEXT_BUDGET } from '../rules/no-hardcoded-secrets.js';
import { fakeGenericSecret, fakeToken, lookalike } from './support/fake-tokens.js';

const MB = 1024 * 1024;
const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.all];

function lint(code: string): Linter.LintMessage[] {
  const messages = linter.verify(code, config, 'src/bundle.ts');
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`does not parse: ${fatal.message}`);
  return messages;
}

describe('adversarial input', () => {
  it.each(TOKEN_FORMATS.filter((f) => f.class === 'secret').map((f) => [f.id] as const))(
    '1 MB of %s near misses: no finding of that format',
    (id) => {
      const miss = lookalike(id);
      // copies separated by a quote and a newline, which no token body contains
      const text = `${miss}"\n`.repeat(Math.ceil(MB / (miss.length + 2)));
      const findings = detectSecrets(text, { names: ['token'] });
      expect(findings.filter((f) => f.id === id)).toEqual([]);
    },
  );

  it('the codemod\'s whole-file check on 1 MB of keyword hits without a delimiter: completes, finds nothing', () => {
    const detector = new Detector();
    // every format's keywords, each followed by a body far too short, and no quote or newline anywhere
    const keywords = [...new Set(TOKEN_FORMATS.flatMap((f) => f.keywords))].filter((k) => !/["'`\n$*<>{}]/.test(k));
    let text = '';
    for (let i = 0; text.length < MB; i++) text += `${keywords[i % keywords.length]}ab ; `;
    expect(detector.mayContainSecret(`const x = 1; // ${text}`)).toBe(false);
  });

  it('a 100,000-character template literal with one secret inside: found once, at its own place', () => {
    const secret = fakeToken('github-classic-pat', 7);
    const filler = 'lorem ipsum dolor sit amet, consectetur '.repeat(2500);
    const messages = lint(`const x = 1;\nexport const t = \`${filler}\${x}${filler} ${secret} ${filler}\`;`);
    expect(messages.map((m) => m.ruleId)).toEqual(['worker-auth/no-hardcoded-secrets']);
    expect(messages[0]!.message).not.toContain(secret);
  });

  it('10,000 concatenated literals (20 chains of 500): completes, finds the one secret', () => {
    // One chain of 10,000 nested `+` overflows the parsers' own stack (espree near 4,000 on the main thread,
    // typescript-estree sooner in a worker): a parse error ESLint reports as such, before any rule runs.
    const secret = fakeToken('stripe-secret-key', 8);
    const chains = Array.from({ length: 20 }, (_, c) => {
      const parts = Array.from({ length: 500 }, (_, i) => `"part${c}_${i}"`);
      if (c === 5) parts[250] = `"${secret}"`;
      return `export const s${c} = ${parts.join(' + ')};`;
    });
    const messages = lint(chains.join('\n'));
    expect(messages.filter((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets')).toHaveLength(1);
    expect(messages[0]!.message).not.toContain(secret);
  });

  it('a 5 MB minified bundle on one line: completes, finds the planted secrets only', () => {
    const planted = [fakeToken('github-classic-pat', 9), fakeToken('slack-bot-token', 10)];
    const chunk =
      'var a=function(e,t){return e+t},b={url:"https://cdn.example.test/a.js",sha:"9fceb02d0ae598e95dc970b74767f19372d61af8",id:"3f0b1c9e-5a7d-4e2b-9c1f-8d6a2b4e7f10"};';
    let body = chunk.repeat(Math.ceil((5 * MB) / chunk.length));
    body = `var k="${planted[0]}";${body}var s={token:"${planted[1]}"};`;
    const messages = lint(body);
    expect(messages).toHaveLength(2);
    for (const m of messages) for (const p of planted) expect(m.message).not.toContain(p);
  });

  it.each([
    ['a short string', 0, MAX_SUGGESTIONS_PER_STRING],
    ['a 200,000-character string', 200_000, Math.floor(SUGGESTION_TEXT_BUDGET / 200_000)],
  ])('%s holding 60 provider tokens: 60 reports, the first ones with a suggestion, none showing a token', (_, padding, suggested) => {
    const tokens = Array.from({ length: 60 }, (_, i) => fakeToken('github-classic-pat', 100 + i));
    const body = `${tokens.join(' ')} `.padEnd(padding, 'lorem ipsum ');
    const messages = lint(`export const s = "${body}";`).filter((m) => m.ruleId === 'worker-auth/no-hardcoded-secrets');
    expect(messages).toHaveLength(60);
    // each suggestion rewrites the whole literal: suggestions for all would cost time quadratic in the string
    expect(messages.slice(0, suggested).every((m) => m.suggestions?.length === 1)).toBe(true);
    expect(messages.slice(suggested).every((m) => (m.suggestions ?? []).length === 0)).toBe(true);
    for (const m of messages) {
      for (const token of tokens) expect(m.message).not.toContain(token.slice(4));
      for (const suggestion of m.suggestions ?? []) for (const token of tokens) expect(suggestion.desc).not.toContain(token.slice(4));
    }
  });

  it('a 1 MB string of random base62 in a credential position: one generic finding, masked', () => {
    const big = Array.from({ length: 40_000 }, (_, i) => fakeGenericSecret(i)).join('').slice(0, MB);
    const messages = lint(`export const token = "${big}";`);
    // too long to be one credential: no finding, and above all no crash
    expect(messages.every((m) => !m.message.includes(big.slice(0, 16)))).toBe(true);
  });
});
