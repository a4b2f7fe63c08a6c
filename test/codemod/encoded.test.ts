/**
 * A base64 token written percent-encoded in a URL (`?code=<encodeURIComponent(key)>`), whose first escape comes before
 * the least body of its format: the detector reads the string decoded (`withEncodedTokens`, src/detect/index.ts), and
 * the codemod moves the whole encoded value, so that the code builds the very same string from the env. Seeds
 * 16800–16899.
 */
import { parse as parseDotenv } from 'dotenv';
import { afterAll, describe, expect, it } from 'vitest';
import { runCodemod } from '../../codemods/run.js';
import { fakeToken } from '../support/fake-tokens.js';
import { makeRepo, read, removeRepos } from './helpers.js';

afterAll(removeRepos);

/** Bedrock keys whose first `+` or `/` comes early: no reading of the text as written finds them. */
const KEYS = Array.from({ length: 30 }, (_, i) => fakeToken('aws-bedrock-api-key', 16800 + i))
  .filter((key) => key.search(/[+/]/) < 4 + 105)
  .slice(0, 6);

/** The value of `export const u = <expression>;` with `process.env` as given. */
function valueOf(source: string, env: Record<string, string>): string {
  const expression = /export const u = ([\s\S]*);\n$/.exec(source)![1]!;
  return new Function('process', `return ${expression};`)({ env }) as string;
}

describe('codemod: a percent-encoded key escaped early', () => {
  it('sweeps six keys', () => {
    expect(KEYS).toHaveLength(6);
  });

  it('moves the whole encoded value: `.env` holds it as written, the code builds the same URL, no escape of it stays', async () => {
    for (const [i, key] of KEYS.entries()) {
      const url = `https://api.acme.dev/v1?state=${i}&code=${encodeURIComponent(key)}&next=%2Fhome`;
      const source = `export const u = ${JSON.stringify(url)};\n`;
      const dir = await makeRepo({ 'src/q.ts': source });
      const { report, exitCode } = await runCodemod({ root: dir, paths: [] });
      expect(exitCode).toBe(0);
      expect(report.files[0]!.secrets.map((s) => s.action)).toEqual(['moved']);
      const env = parseDotenv(await read(dir, '.env'));
      expect(Object.values(env)).toEqual([encodeURIComponent(key)]);
      const after = await read(dir, 'src/q.ts');
      expect(after).toContain('process.env.');
      expect(after).not.toContain(encodeURIComponent(key).slice(-24));
      expect(valueOf(after, env)).toBe(url);
    }
  });
});
