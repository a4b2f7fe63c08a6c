/**
 * Held-out inputs: the codemod must move exactly the secrets `worker-auth/no-hardcoded-secrets` reports, with every
 * `eslint-disable` form ESLint reads and with the `--allow-pattern` / `--ignore-provider` options. For each input
 * the rule's count is asserted first (ESLint's `Linter`, run from the project root), then what the codemod did.
 * Every token is generated at run time (test/support/fake-tokens.ts); none is written into this repository.
 */
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodemodReport } from '../../codemods/run.js';
import plugin from '../../src/index.js';
import { fakeGenericSecret, fakeToken } from '../support/fake-tokens.js';
import { cli, makeRepo, read, removeRepos, snapshot } from './helpers.js';

afterAll(removeRepos);

const RULE = 'worker-auth/no-hardcoded-secrets';

/** generic values (found by the `apiKey` name), GitHub and GitLab tokens: all generated */
const v = (n: number): string => fakeGenericSecret(7300 + n);
const gh = (n: number): string => fakeToken('github-classic-pat', 7400 + n);
const gl = (n: number): string => fakeToken('gitlab-pat', 7500 + n);

/** the rule's findings, ESLint run from the project's root as a user runs it */
function ruleFindings(code: string, dir: string, file: string, ruleOptions?: Record<string, unknown>): number {
  return new Linter({ configType: 'flat', cwd: dir })
    .verify(
      code,
      [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
        { files: ['**/*.ts'], plugins: { 'worker-auth': plugin }, rules: { [RULE]: ruleOptions ? ['error', ruleOptions] : 'error' } },
      ],
      join(dir, file),
    )
    .filter((m) => m.ruleId === RULE).length;
}

interface Case {
  /** the source file */
  readonly code: string;
  /** every secret value in it (each written once) */
  readonly values: readonly string[];
  /** the values ESLint does not report (suppressed or allowed): the codemod must leave them */
  readonly kept: readonly string[];
  readonly args?: readonly string[];
  readonly ruleOptions?: Record<string, unknown>;
}

/** rule first (count), then the codemod: reported values gone from the file, kept values still there, untouched */
async function expectAgreement(c: Case): Promise<void> {
  const file = 'src/t.ts';
  const dir = await makeRepo({ [file]: c.code });
  const reported = c.values.filter((x) => !c.kept.includes(x));
  expect(ruleFindings(c.code, dir, file, c.ruleOptions), 'the rule reports').toBe(reported.length);
  const run = await cli('--root', dir, '--json', ...(c.args ?? []));
  const report = JSON.parse(run.out) as CodemodReport;
  const secrets = report.files.flatMap((f) => f.secrets);
  expect(secrets.filter((s) => s.action === 'manual' || s.action === 'not-encodable'), 'left for a manual edit').toEqual([]);
  const after = await read(dir, file);
  for (const [i, x] of c.values.entries()) {
    expect(after.includes(x), `value #${i} ${c.kept.includes(x) ? 'is not reported: must stay' : 'is reported: must be moved'}`).toBe(c.kept.includes(x));
  }
  expect(secrets.length, 'the codemod handles as many secrets as the rule reports').toBe(reported.length);
  if (reported.length === 0) expect(after, 'file untouched').toBe(c.code);
}

const L = (...ls: string[]): string => `${ls.join('\n')}\n`;

describe('eslint-disable comments: the codemod agrees with the rule', () => {
  it('`eslint-disable-next-line` with the rule and a `-- description`', async () => {
    await expectAgreement({
      code: L(`// eslint-disable-next-line ${RULE} -- public, referrer-restricted`, `export const a = { apiKey: "${v(1)}" };`, `export const b = { apiKey: "${v(2)}" };`),
      values: [v(1), v(2)],
      kept: [v(1)],
    });
  });

  it('`eslint-disable-next-line` with no rule list silences every rule', async () => {
    await expectAgreement({
      code: L(`export const a = { apiKey: "${v(3)}" };`, `// eslint-disable-next-line`, `export const b = { apiKey: "${v(4)}" };`),
      values: [v(3), v(4)],
      kept: [v(4)],
    });
  });

  it('`eslint-disable-line` (line comment, named rule) silences only its own line', async () => {
    await expectAgreement({
      code: L(`export const a = { apiKey: "${v(5)}" }; // eslint-disable-line ${RULE}`, `export const b = { apiKey: "${v(6)}" };`),
      values: [v(5), v(6)],
      kept: [v(5)],
    });
  });

  it('`/* eslint-disable-next-line */` and `/* eslint-disable-line */` as block comments', async () => {
    await expectAgreement({
      code: L(`/* eslint-disable-next-line ${RULE} */`, `export const a = { apiKey: "${v(7)}" };`, `export const b = { apiKey: "${v(8)}" }; /* eslint-disable-line */`, `export const c = { apiKey: "${v(9)}" };`),
      values: [v(7), v(8), v(9)],
      kept: [v(7), v(8)],
    });
  });

  it('a block `eslint-disable-line` over several lines is ignored by ESLint', async () => {
    await expectAgreement({
      code: L(`export const a = { apiKey: "${v(10)}" }; /* eslint-disable-line ${RULE}`, `   */`, `export const b = { apiKey: "${v(11)}" };`),
      values: [v(10), v(11)],
      kept: [],
    });
  });

  it('a multi-line block `eslint-disable-next-line` counts from its last line', async () => {
    await expectAgreement({
      code: L(`export const a = { apiKey: "${v(12)}" }; /* eslint-disable-next-line ${RULE}`, `   -- the next line is public */`, `export const b = { apiKey: "${v(13)}" };`, `export const c = { apiKey: "${v(14)}" };`),
      values: [v(12), v(13), v(14)],
      kept: [v(13)],
    });
  });

  it('rule lists: spaces around commas, several rules, a trailing comma', async () => {
    await expectAgreement({
      code: L(
        `//    eslint-disable-next-line   no-console ,   ${RULE}  ,`,
        `export const a = { apiKey: "${v(15)}" };`,
        `/*eslint-disable-next-line no-console,${RULE}*/`,
        `export const b = { apiKey: "${v(16)}" };`,
        `// eslint-disable-next-line no-console, no-debugger -- other rules only`,
        `export const c = { apiKey: "${v(17)}" };`,
      ),
      values: [v(15), v(16), v(17)],
      kept: [v(15), v(16)],
    });
  });

  it('rules separated by spaces only are one (unknown) rule name for ESLint: nothing suppressed', async () => {
    await expectAgreement({
      code: L(`// eslint-disable-next-line no-console ${RULE}`, `export const a = { apiKey: "${v(18)}" };`),
      values: [v(18)],
      kept: [],
    });
  });

  it('a rule name that only contains ours (`worker-auth/no-hardcoded-secrets-x`, `no-hardcoded-secrets`) is not ours', async () => {
    await expectAgreement({
      code: L(`// eslint-disable-next-line ${RULE}-x`, `export const a = { apiKey: "${v(19)}" };`, `// eslint-disable-next-line no-hardcoded-secrets`, `export const b = { apiKey: "${v(20)}" };`),
      values: [v(19), v(20)],
      kept: [],
    });
  });

  it('block `eslint-disable` … `eslint-enable` with the rule; a line comment cannot open a region', async () => {
    await expectAgreement({
      code: L(
        `export const a = { apiKey: "${v(21)}" };`,
        `/* eslint-disable ${RULE} -- fixtures */`,
        `export const b = { apiKey: "${v(22)}" };`,
        `export const c = "${gh(1)}";`,
        `/* eslint-enable ${RULE} */`,
        `export const d = { apiKey: "${v(23)}" };`,
        `// eslint-disable ${RULE}`,
        `export const e = { apiKey: "${v(24)}" };`,
        `// eslint-enable ${RULE}`,
      ),
      values: [v(21), v(22), gh(1), v(23), v(24)],
      kept: [v(22), gh(1)],
    });
  });

  it('nested: disable all, enable ours, then enable all', async () => {
    await expectAgreement({
      code: L(
        `/* eslint-disable */`,
        `export const a = { apiKey: "${v(25)}" };`,
        `/* eslint-enable ${RULE} */`,
        `export const b = { apiKey: "${v(26)}" };`,
        `/* eslint-enable */`,
        `export const c = { apiKey: "${v(27)}" };`,
      ),
      values: [v(25), v(26), v(27)],
      kept: [v(25)],
    });
  });

  it('nested: disable ours, disable all, enable all closes both', async () => {
    await expectAgreement({
      code: L(
        `/* eslint-disable ${RULE} */`,
        `export const a = { apiKey: "${v(28)}" };`,
        `/* eslint-disable */`,
        `export const b = { apiKey: "${v(29)}" };`,
        `/* eslint-enable */`,
        `export const c = { apiKey: "${v(30)}" };`,
      ),
      values: [v(28), v(29), v(30)],
      kept: [v(28), v(29)],
    });
  });

  it('nested: disable other rule, then disable ours, then enable the other rule: ours stays off', async () => {
    await expectAgreement({
      code: L(
        `/* eslint-disable no-console */`,
        `export const a = { apiKey: "${v(31)}" };`,
        `/* eslint-disable ${RULE} */`,
        `export const b = { apiKey: "${v(32)}" };`,
        `/* eslint-enable no-console */`,
        `export const c = { apiKey: "${v(33)}" };`,
      ),
      values: [v(31), v(32), v(33)],
      kept: [v(32), v(33)],
    });
  });

  it('disable ours, enable, disable again: two regions', async () => {
    await expectAgreement({
      code: L(
        `/* eslint-disable ${RULE} */ export const a = { apiKey: "${v(34)}" }; /* eslint-enable ${RULE} */ export const b = { apiKey: "${v(35)}" };`,
        `/* eslint-disable no-console, ${RULE} */`,
        `export const c = { apiKey: "${v(36)}" };`,
        `/* eslint-enable */`,
      ),
      values: [v(34), v(35), v(36)],
      kept: [v(34), v(36)],
    });
  });

  it('`eslint-enable` of a different rule does not end the region; `/* eslint-disable */` with no enable runs to the end', async () => {
    await expectAgreement({
      code: L(
        `export const a = { apiKey: "${v(37)}" };`,
        `/* eslint-disable */`,
        `export const b = { apiKey: "${v(38)}" };`,
        `/* eslint-enable no-console */`,
        `export const c = { apiKey: "${v(39)}" };`,
        `export const d = "${gl(1)}";`,
      ),
      values: [v(37), v(38), v(39), gl(1)],
      kept: [v(38), v(39), gl(1)],
    });
  });

  it('a secret before the disable comment on the same line is still reported', async () => {
    await expectAgreement({
      code: L(`export const a = { apiKey: "${v(40)}" }; /* eslint-disable ${RULE} */ export const b = { apiKey: "${v(41)}" };`),
      values: [v(40), v(41)],
      kept: [v(41)],
    });
  });

  it('a directive inside a string or a template is no comment', async () => {
    await expectAgreement({
      code: L(
        `export const s = "// eslint-disable-next-line";`,
        `export const a = { apiKey: "${v(42)}" };`,
        'export const t = `/* eslint-disable */`;',
        `export const b = { apiKey: "${v(43)}" }; const u = "// eslint-disable-line";`,
        'export const w = `',
        `// eslint-disable-next-line ${RULE}`,
        '`;',
        `export const c = { apiKey: "${v(44)}" };`,
      ),
      values: [v(42), v(43), v(44)],
      kept: [],
    });
  });

  it('a directive at the very end of the file (no final newline)', async () => {
    await expectAgreement({
      code: `export const a = { apiKey: "${v(45)}" };\nexport const b = { apiKey: "${v(46)}" }; // eslint-disable-line ${RULE}`,
      values: [v(45), v(46)],
      kept: [v(46)],
    });
    await expectAgreement({
      code: `export const a = { apiKey: "${v(47)}" };\n// eslint-disable-next-line ${RULE}`,
      values: [v(47)],
      kept: [],
    });
  });

  it('CRLF line endings: next-line, line and block forms', async () => {
    await expectAgreement({
      code: [
        `// eslint-disable-next-line ${RULE}`,
        `export const a = { apiKey: "${v(48)}" };`,
        `export const b = { apiKey: "${v(49)}" };`,
        `export const c = { apiKey: "${v(50)}" }; // eslint-disable-line`,
        `/* eslint-disable */`,
        `export const d = { apiKey: "${v(51)}" };`,
        `/* eslint-enable */`,
        `export const e = { apiKey: "${v(52)}" };`,
        '',
      ].join('\r\n'),
      values: [v(48), v(49), v(50), v(51), v(52)],
      kept: [v(48), v(50), v(51)],
    });
  });

  it('a secret in a multi-line template: the line of the secret decides', async () => {
    await expectAgreement({
      code: L(
        `// eslint-disable-next-line ${RULE}`,
        'export const t1 = `header',
        `token ${gh(2)}`,
        '`;',
        'export const t2 = `header',
        `token ${gh(3)}\`; // eslint-disable-line ${RULE}`,
        `export const t3 = \`token ${gh(4)}`,
        '`; // eslint-disable-line',
      ),
      values: [gh(2), gh(3), gh(4)],
      kept: [gh(3)],
    });
  });

  it('a secret in a comment on the disabled line, and in a comment on the next line', async () => {
    await expectAgreement({
      code: L(
        `/* was ${gh(5)} */ export const x = 1; // eslint-disable-line ${RULE}`,
        `// eslint-disable-next-line`,
        `// old token: ${gl(2)}`,
        `// and ${gh(6)}`,
      ),
      values: [gh(5), gl(2), gh(6)],
      kept: [gh(5), gl(2)],
    });
  });

  it('several secrets on one disabled line, and on a line whose directive names another rule', async () => {
    await expectAgreement({
      code: L(
        `export const a = ["${gh(7)}", "${gl(3)}", { apiKey: "${v(53)}" }]; // eslint-disable-line ${RULE}`,
        `// eslint-disable-next-line no-console`,
        `export const b = ["${gh(8)}", "${gl(4)}"];`,
      ),
      values: [gh(7), gl(3), v(53), gh(8), gl(4)],
      kept: [gh(7), gl(3), v(53)],
    });
  });

  it('a `/** eslint-disable */` JSDoc-style comment is no directive', async () => {
    await expectAgreement({
      code: L(`/** eslint-disable-next-line */`, `export const a = { apiKey: "${v(54)}" };`),
      values: [v(54)],
      kept: [],
    });
  });
});

describe('eslint-disable comments: shapes the codemod read differently from ESLint before (now fixed)', () => {
  it('a quoted rule name (ESLint strips the quotes): `// eslint-disable-next-line "worker-auth/no-hardcoded-secrets"`', async () => {
    await expectAgreement({
      code: L(`// eslint-disable-next-line "${RULE}"`, `export const a = { apiKey: "${v(60)}" };`, `export const b = { apiKey: "${v(61)}" }; // eslint-disable-line '${RULE}'`),
      values: [v(60), v(61)],
      kept: [v(60), v(61)],
    });
  });

  it('`--` with no space before it is not a description separator for ESLint (rule name `…secrets--public`)', async () => {
    await expectAgreement({
      code: L(`// eslint-disable-next-line ${RULE}--public key`, `export const a = { apiKey: "${v(62)}" };`),
      values: [v(62)],
      kept: [],
    });
  });

  it('`--reason` right after the directive is a rule name for ESLint, not "every rule"', async () => {
    await expectAgreement({
      code: L(`// eslint-disable-next-line --public key`, `export const a = { apiKey: "${v(63)}" };`),
      values: [v(63)],
      kept: [],
    });
  });

  it('a trailing ` --` with nothing after it is part of the rule name for ESLint', async () => {
    await expectAgreement({
      code: L(`// eslint-disable-next-line ${RULE} --`, `export const a = { apiKey: "${v(64)}" };`),
      values: [v(64)],
      kept: [],
    });
  });

  it('a rule name holding `--` (`foo--bar, ours`) still lists ours for ESLint', async () => {
    await expectAgreement({
      code: L(`// eslint-disable-next-line foo--bar, ${RULE}`, `export const a = { apiKey: "${v(65)}" };`),
      values: [v(65)],
      kept: [v(65)],
    });
  });

  it('old Mac line endings (CR only): ESLint counts a line per CR', async () => {
    await expectAgreement({
      code: [`// eslint-disable-next-line ${RULE}`, `export const a = { apiKey: "${v(66)}" };`, `export const b = { apiKey: "${v(67)}" };`, ''].join('\r'),
      values: [v(66), v(67)],
      kept: [v(66)],
    });
  });

  it('CR only: `eslint-disable-line` silences its own line, not the whole file', async () => {
    await expectAgreement({
      code: [`export const a = { apiKey: "${v(68)}" }; // eslint-disable-line ${RULE}`, `export const b = { apiKey: "${v(69)}" };`, ''].join('\r'),
      values: [v(68), v(69)],
      kept: [v(68)],
    });
  });

  it('U+2028 ends a line comment and a line for ESLint', async () => {
    await expectAgreement({
      code: `// eslint-disable-next-line ${RULE}\u2028export const a = { apiKey: "${v(70)}" };\nexport const b = { apiKey: "${v(71)}" };\n`,
      values: [v(70), v(71)],
      kept: [v(70)],
    });
  });

  it('a block `eslint-disable-line` broken by a lone CR spans two lines for ESLint (ignored)', async () => {
    await expectAgreement({
      code: `export const a = { apiKey: "${v(72)}" }; /* eslint-disable-line ${RULE}\r */\n`,
      values: [v(72)],
      kept: [],
    });
  });

  it('a secret written inside the `/* eslint-disable */` comment itself is silenced by ESLint', async () => {
    await expectAgreement({
      code: L(`/* eslint-disable ${RULE} -- the old token ${gh(9)} is revoked */`, `export const a = { apiKey: "${v(73)}" };`),
      values: [gh(9), v(73)],
      kept: [gh(9), v(73)],
    });
  });
});

describe('--allow-pattern and --ignore-provider agree with the rule options', () => {
  it('an allow pattern that matches only one of two values', async () => {
    const a = v(80);
    const b = v(81);
    const pattern = `^${a.slice(0, 8)}`;
    expect(b.startsWith(a.slice(0, 8))).toBe(false);
    await expectAgreement({
      code: L(`export const a = { apiKey: "${a}" };`, `export const b = { apiKey: "${b}" };`),
      values: [a, b],
      kept: [a],
      args: ['--allow-pattern', pattern],
      ruleOptions: { allowPatterns: [pattern] },
    });
  });

  it('two allow patterns (repeated option) and a token prefix pattern', async () => {
    const pattern = '^ghp_';
    await expectAgreement({
      code: L(`export const a = "${gh(10)}";`, `export const b = "${gl(5)}";`, `export const c = { apiKey: "${v(82)}" };`),
      values: [gh(10), gl(5), v(82)],
      kept: [gh(10), v(82)],
      args: ['--allow-pattern', pattern, '--allow-pattern', `${v(82).slice(-6)}$`],
      ruleOptions: { allowPatterns: [pattern, `${v(82).slice(-6)}$`] },
    });
  });

  it('an invalid pattern: exit 2 and nothing written', async () => {
    const code = L(`export const a = "${gh(11)}";`, `export const c = { apiKey: "${v(83)}" };`);
    const dir = await makeRepo({ 'src/t.ts': code });
    expect(ruleFindings(code, dir, 'src/t.ts')).toBe(2);
    const before = await snapshot(dir);
    for (const bad of ['(', '[a-', '\\', 'x{2,1}']) {
      const run = await cli('--root', dir, '--allow-pattern', bad);
      expect(run.code, bad).toBe(2);
      expect(run.err).toMatch(/allow-pattern/);
    }
    // a pattern over the rule's length limit is refused too
    const long = await cli('--root', dir, '--allow-pattern', 'a'.repeat(201));
    expect(long.code).toBe(2);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('--ignore-provider by format id', async () => {
    await expectAgreement({
      code: L(`export const a = "${gh(12)}";`, `export const b = "${gl(6)}";`),
      values: [gh(12), gl(6)],
      kept: [gl(6)],
      args: ['--ignore-provider', 'gitlab-pat'],
      ruleOptions: { ignoreProviders: ['gitlab-pat'] },
    });
  });

  it('--ignore-provider by provider name', async () => {
    await expectAgreement({
      code: L(`export const a = "${gh(13)}";`, `export const b = "${gl(7)}";`),
      values: [gh(13), gl(7)],
      kept: [gh(13)],
      args: ['--ignore-provider', 'GitHub'],
      ruleOptions: { ignoreProviders: ['GitHub'] },
    });
  });

  for (const name of ['github', 'GITHUB', 'GitHub-Classic-PAT']) {
    it(`--ignore-provider in another case (${name}): the codemod does what the rule does`, async () => {
      const code = L(`export const a = "${gh(14)}";`, `export const b = "${gl(8)}";`);
      const dir = await makeRepo({ 'src/t.ts': code });
      const n = ruleFindings(code, dir, 'src/t.ts', { ignoreProviders: [name] });
      expect([1, 2]).toContain(n);
      const run = await cli('--root', dir, '--ignore-provider', name);
      expect(run.code, run.err).toBe(0);
      const after = await read(dir, 'src/t.ts');
      expect(after.includes(gl(8)), 'GitLab token moved').toBe(false);
      expect(after.includes(gh(14)), 'GitHub token left iff the rule leaves it').toBe(n === 1);
    });
  }

  it('options and a directive together', async () => {
    await expectAgreement({
      code: L(`// eslint-disable-next-line ${RULE}`, `export const a = "${gl(9)}";`, `export const b = "${gh(15)}";`, `export const c = "${gl(10)}";`),
      values: [gl(9), gh(15), gl(10)],
      kept: [gl(9), gh(15)],
      args: ['--ignore-provider', 'github-classic-pat'],
      ruleOptions: { ignoreProviders: ['github-classic-pat'] },
    });
  });
});
