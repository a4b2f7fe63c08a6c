/**
 * No output of any rule holds a secret: for every secret format and random generic secrets, in every context we
 * detect, no message, message data or suggestion description contains the value or any 8-character run of its
 * random part.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { detectSecrets } from '../src/detect/index.js';
import { TOKEN_FORMATS } from '../src/detect/providers.js';
import plugin from '../src/index.js';
import { CHARSETS, fakeGenericSecret, fakeToken, randomString } from './support/fake-tokens.js';

/** Every 8-character window of the part of `secret` after its public prefix. */
export function secretRuns(secret: string, prefixLength: number): string[] {
  const body = secret.slice(prefixLength);
  const runs: string[] = [];
  for (let i = 0; i + 8 <= body.length; i++) runs.push(body.slice(i, i + 8));
  return runs;
}

/** Contexts a secret is written in: each yields code with the secret inside. */
const q = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const CONTEXTS: ((s: string, ctxWord: string) => string)[] = [
  (s, w) => `const ${w}Token = "${q(s)}";`,
  (s, w) => `export const config = { ${w}: { apiKey: "${q(s)}" } };`,
  (s) => `fetch("https://api.example.test", { headers: { Authorization: "Bearer ${q(s)}" } });`,
  (s, w) => `const ${w}Secret = \`${s}\`;`,
  (s, w) => `/* ${w} token: ${s} */\nexport {};`,
  (s, w) => `const ${w}Key = process.env.${w.toUpperCase()}_TOKEN ?? "${q(s)}";`,
  (s, w) => `const ${w}Url = "https://api.example.test/v1?api_key=${q(s)}";`,
  (s, w) => `export const widget = <Widget ${w}Token="${s.replace(/"/g, '')}" />;`,
];

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  { files: ['**/*.tsx'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  plugin.configs.all,
];

function outputsOf(code: string): string[] {
  const messages = linter.verify(code, config, 'src/worker.tsx');
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`fixture does not parse: ${fatal.message}`);
  return messages.flatMap((m) => [m.message, ...(m.suggestions ?? []).map((s) => s.desc)]);
}

function assertNoLeak(outputs: readonly string[], secret: string, prefixLength: number, label: string): void {
  const runs = secretRuns(secret, prefixLength);
  for (const out of outputs) {
    expect(out.includes(secret), `${label}: full secret in output`).toBe(false);
    const leaked = runs.find((r) => out.includes(r));
    expect(leaked === undefined, `${label}: 8-char run of the secret in "${out.slice(0, 60)}…"`).toBe(true);
  }
}

describe('redaction', () => {
  const secrets = TOKEN_FORMATS.filter((f) => f.class === 'secret');
  it.each(secrets.map((f) => [f.id, f] as const))('%s never appears in any output', (id, format) => {
    const token = fakeToken(id, 5);
    const word = (format.contextWords?.[0] ?? format.provider).replace(/[^A-Za-z]/g, '').toLowerCase() || 'svc';
    const publicPrefix = detectSecrets(token, { names: [`${word}Token`] })[0]?.prefix ?? '';
    let reported = 0;
    for (const [i, context] of CONTEXTS.entries()) {
      const outputs = outputsOf(context(token, word));
      reported += outputs.length > 0 ? 1 : 0;
      // the public prefix may be shown; never more than the prefix and the last four characters
      assertNoLeak(outputs, token, Math.min(publicPrefix.length, 14), `${id} in context ${i}`);
    }
    expect(reported, `${id} was reported in no context`).toBeGreaterThan(0);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('generic secret %i never appears in any output', (seed) => {
    const secret = fakeGenericSecret(seed);
    let reported = 0;
    for (const context of CONTEXTS) {
      const outputs = outputsOf(context(secret, 'acme'));
      reported += outputs.length > 0 ? 1 : 0;
      assertNoLeak(outputs, secret, 0, `generic ${seed}`);
    }
    expect(reported).toBeGreaterThan(3);
  });
});

describe('redaction in the codemod and in SARIF, for every format at once', () => {
  const formats = TOKEN_FORMATS.filter((f) => f.class === 'secret');
  const tokens = formats.map((f, i) => ({
    id: f.id,
    word: (f.contextWords?.[0] ?? f.provider).replace(/[^A-Za-z]/g, '').toLowerCase() || 'svc',
    value: fakeToken(f.id, 900 + i),
    // a second token of the same format: the 8-character runs both share are structure (`/services/`, `_authToken`), not secret
    sibling: fakeToken(f.id, 5_900 + i),
  }));
  const generics = [1, 2, 3].map((seed) => fakeGenericSecret(700 + seed));
  const source = [
    ...tokens.map((t, i) => `export const ${t.word}Token${i} = "${q(t.value)}";`),
    ...generics.map((g, i) => `export const acme${i} = { clientSecret: "${g}" };`),
  ].join('\n');
  const all = [...tokens.map((t) => t.value), ...generics];

  function assertClean(text: string, label: string): void {
    for (const value of all) {
      expect(text.includes(value), `${label}: a full secret`).toBe(false);
      const prefix = detectSecrets(value, { names: ['token'] })[0]?.prefix ?? '';
      const token = tokens.find((t) => t.value === value);
      const leaked = secretRuns(value, Math.min(prefix.length, 14)).find((r) => text.includes(r) && !token?.sibling.includes(r));
      expect(leaked === undefined, `${label}: an 8-character run of ${token?.id ?? 'a generic secret'}`).toBe(true);
    }
  }

  it('codemod: dry-run diff, --json report, the written run and its human report hold no secret', async () => {
    const { mkdtemp, rm, writeFile, readFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { main } = await import('../src/cli/codemod.js');
    const dir = await mkdtemp(join(tmpdir(), 'wa-redaction-'));
    try {
      await writeFile(join(dir, 'worker.ts'), source);
      const capture = () => {
        let text = '';
        return { write: (chunk: string) => ((text += chunk), true), get text() { return text; } };
      };
      for (const args of [['--dry-run'], ['--dry-run', '--json'], ['--allow-dirty'], ['--check'], ['--sync-env-example', '--dry-run']]) {
        const out = capture();
        const err = capture();
        await main(['--root', dir, ...args], { out, err } as never);
        assertClean(out.text + err.text, `codemod ${args.join(' ')}`);
      }
      // the secrets left the code (and sit only in .env)
      assertClean(await readFile(join(dir, 'worker.ts'), 'utf8'), 'rewritten source');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('SARIF output (@microsoft/eslint-formatter-sarif) holds no secret', async () => {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: config });
    const results = await eslint.lintText(source, { filePath: 'src/worker.tsx' });
    expect(results[0]!.messages.length).toBeGreaterThan(formats.length * 0.9);
    const formatter = await eslint.loadFormatter('@microsoft/eslint-formatter-sarif');
    const sarif = await formatter.format(results);
    expect(JSON.parse(sarif).version).toBe('2.1.0');
    assertClean(sarif, 'SARIF');
    assertClean(JSON.stringify(results.map((r) => r.messages)), 'ESLint JSON results');
  });
});

describe('maskShown (every string of the codemod and CLI output)', () => {
  it('masks a long random run, keeps a diff line its `+` marker, and leaves names alone', async () => {
    const { maskShown } = await import('../src/detect/mask.js');
    const run = fakeGenericSecret(77);
    const line = `+${run.toUpperCase()}=`;
    const shown = maskShown(line);
    expect(shown.startsWith('+')).toBe(true);
    expect(shown).not.toContain(run.toUpperCase().slice(0, 12));
    expect(maskShown('+NOTION_API_TOKEN_FOR_THE_WORKSPACE=')).toBe('+NOTION_API_TOKEN_FOR_THE_WORKSPACE=');
  });

  it('masks a token re-cased past its checksum by its prefix, and base64 cut by `/` and `+`; leaves paths alone', async () => {
    const { maskShown } = await import('../src/detect/mask.js');
    // lower-cased GitHub tokens: whatever their digits, the `ghp_` prefix masks them (in a path, after a separator too)
    for (let seed = 300; seed < 320; seed++) {
      const lower = fakeToken('github-classic-pat', seed).toLowerCase();
      expect(maskShown(`/repos/${lower}/x`)).not.toContain(lower.slice(4, 16));
      expect(maskShown(`cfg_${lower.toUpperCase()}`)).not.toContain(lower.toUpperCase().slice(4, 16));
    }
    const slashed = [11, 12, 13, 14].map((seed) => randomString(CHARSETS.b62, 9, 320 + seed)).join('/');
    expect(maskShown(`delete:${slashed}`)).not.toContain(slashed.slice(10, 19));
    for (const path of ['/tmp/wa-clih-Xq3zP9/no-such-root', 'src/components/buttons/PrimaryButton.tsx', 'https://www.googleapis.com/auth/drive.readonly', 'node_modules/@notionhq/workers/dist/index.js', 'NPM_PACKAGE_REGISTRY_TOKEN_NAME', 'key-value-store-configuration-v2']) {
      expect(maskShown(path)).toBe(path);
    }
  });
});
