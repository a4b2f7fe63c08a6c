/**
 * Env names across a repository (`assignEnvNames`): one name per distinct value, never a name `.env` gives another
 * value or the code already reads for its own purpose, and the worker's own code before test files, so that the code
 * reads the plain name.
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

  it('a name the code already reads goes to no new value (nor its taken suffixes), unless .env holds it with that value', () => {
    expect([...assignEnvNames([plan('scripts/a.ts', inCode)], new Map(), new Set(['GITHUB_TOKEN']))]).toEqual([[inCode, 'GITHUB_TOKEN_2']]);
    expect([...assignEnvNames([plan('scripts/a.ts', inCode)], new Map(), new Set(['GITHUB_TOKEN', 'GITHUB_TOKEN_2']))]).toEqual([[inCode, 'GITHUB_TOKEN_3']]);
    expect([...assignEnvNames([plan('scripts/a.ts', inCode)], new Map([['GITHUB_TOKEN', inCode]]), new Set(['GITHUB_TOKEN']))]).toEqual([[inCode, 'GITHUB_TOKEN']]);
  });

  it('a fallback keeps the name it reads itself; another value wanting that name gets a suffix', () => {
    const fallback = planSource(`export const token = process.env.GITHUB_TOKEN ?? "${inCode}";\n`, 'src/b.ts', detector);
    const names = assignEnvNames([plan('src/a.ts', inFixture), fallback], new Map(), new Set(['GITHUB_TOKEN']));
    expect(names.get(inCode)).toBe('GITHUB_TOKEN');
    expect(names.get(inFixture)).toBe('GITHUB_TOKEN_2');
  });
});
