/**
 * Env names across a repository (`assignEnvNames`): one name per distinct value, never a name `.env` gives another
 * value, and the worker's own code before test files, so that the code reads the plain name.
 */
import { describe, expect, it } from 'vitest';
import { assignEnvNames, planSource } from '../../codemods/plan.js';
import { getDetector } from '../../src/detect/options.js';
import { fakeToken } from '../support/fake-tokens.js';

const detector = getDetector({});
const inFixture = fakeToken('github-classic-pat', 501);
const inCode = fakeToken('github-classic-pat', 502);
const plan = (path: string, token: string) => planSource(`export const token = "${token}";\n`, path, detector, { testFiles: 'all' });

describe('assignEnvNames', () => {
  it('gives the plain name to a value of the code, the suffixed one to a value only a test file holds', () => {
    // path order puts the fixture first; the code still gets the plain name
    const names = assignEnvNames([plan('src/__tests__/fixtures/recorded.ts', inFixture), plan('src/github.ts', inCode)], new Map());
    expect(names.get(inCode)).toBe('GITHUB_TOKEN');
    expect(names.get(inFixture)).toBe('GITHUB_TOKEN_2');
  });

  it('one name for one value in several files, and a name .env holds for another value is not reused', () => {
    const names = assignEnvNames([plan('src/a.ts', inCode), plan('src/b.ts', inCode)], new Map([['GITHUB_TOKEN', 'something-else']]));
    expect([...names]).toEqual([[inCode, 'GITHUB_TOKEN_2']]);
  });
});
