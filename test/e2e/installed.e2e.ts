/**
 * Works as installed: `npm pack`, then the tarball installed into fresh projects with ESLint 9 and 10, configured
 * with exactly the README's snippets. Findings in the terminal, SARIF, `--cache`, `--concurrency auto`, and the
 * codemod bin from the installed package. Tokens are generated now; no output may contain one.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeGenericSecret, fakeToken } from '../support/fake-tokens.js';

const run = promisify(execFile);
const repo = new URL('../..', import.meta.url).pathname;

/** The README's config blocks, by the name in their `<!-- e2e: NAME -->` marker. */
async function readmeConfigs(): Promise<Map<string, string>> {
  const readme = await readFile(join(repo, 'README.md'), 'utf8');
  const blocks = new Map<string, string>();
  for (const m of readme.matchAll(/<!-- e2e: (\S+) -->\n```js\n([^`]*)```/g)) blocks.set(m[1]!, m[2]!);
  return blocks;
}

async function sh(cmd: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const secrets = {
  github: fakeToken('github-classic-pat', 101),
  stripe: fakeToken('stripe-secret-key', 102),
  slack: fakeToken('slack-bot-token', 103),
  generic: fakeGenericSecret(104),
};

const leakyWorker = `import { Worker } from "@notionhq/workers";
const worker = new Worker();
export default worker;
const GITHUB_TOKEN = "${secrets.github}";
const stripeKey = process.env.STRIPE_SECRET_KEY ?? "${secrets.stripe}";
worker.tool("ping", {
  title: "Ping",
  description: "Ping Slack",
  schema: { type: "object", properties: {}, required: [], additionalProperties: false },
  execute: async () => {
    const res = await fetch("https://slack.com/api/auth.test", { headers: { Authorization: "Bearer ${secrets.slack}" } });
    return { ok: res.ok, gh: GITHUB_TOKEN.length, stripe: stripeKey.length };
  },
});
export const clientSecret = "${secrets.generic}";
`;

const cleanWorker = `import { Worker } from "@notionhq/workers";
const worker = new Worker();
export default worker;
worker.tool("ping", {
  title: "Ping",
  description: "Ping Slack",
  schema: { type: "object", properties: {}, required: [], additionalProperties: false },
  execute: async () => {
    const res = await fetch("https://slack.com/api/auth.test", {
      headers: { Authorization: \`Bearer \${process.env.SLACK_BOT_TOKEN ?? ""}\` },
    });
    return { ok: res.ok, hint: "<paste your token here>" };
  },
});
`;

function expectNoSecret(text: string): void {
  for (const [name, value] of Object.entries(secrets)) expect(text.includes(value), `${name} secret printed`).toBe(false);
}

let tarball = '';
let packDir = '';

beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), 'worker-auth-pack-'));
  const packed = await sh('npm', ['pack', '--pack-destination', packDir, '--json'], repo);
  expect(packed.code, packed.stderr).toBe(0);
  const info = JSON.parse(packed.stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  tarball = join(packDir, info[0]!.filename);
  console.log(`tarball: ${info[0]!.filename} ${(info[0]!.size / 1024).toFixed(1)} kB packed, ${(info[0]!.unpackedSize / 1024).toFixed(1)} kB unpacked, ${info[0]!.files.length} files`);
  // only what users need
  for (const f of info[0]!.files) expect(f.path, f.path).toMatch(/^(dist\/(src|rules|codemods)\/|docs\/|README\.md$|package\.json$|LICENSE)/);
});

afterAll(async () => {
  if (packDir) await rm(packDir, { recursive: true, force: true });
});

describe('package quality', () => {
  it('passes publint', async () => {
    const r = await sh('npx', ['publint', '--strict', tarball], repo);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
  it('passes arethetypeswrong (ESM-only profile)', async () => {
    const r = await sh('npx', ['attw', tarball, '--profile', 'esm-only'], repo);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});

describe.each(['9', '10'])('ESLint %s project', (major) => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `worker-auth-e2e-eslint${major}-`));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'e2e-worker', private: true, type: 'module' }, null, 2));
    const install = await sh(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', `eslint@^${major}`, 'typescript-eslint@^8', 'typescript@~5.9', '@microsoft/eslint-formatter-sarif@^3', tarball],
      dir,
    );
    expect(install.code, install.stderr).toBe(0);
    const configs = await readmeConfigs();
    for (const name of ['ts/eslint.config.js', 'ts/eslint.config.cjs', 'js-only/eslint.config.js']) {
      expect(configs.has(name), `README snippet ${name}`).toBe(true);
    }
    await writeFile(join(dir, 'eslint.config.js'), configs.get('ts/eslint.config.js')!);
    await writeFile(join(dir, 'eslint.config.cjs'), configs.get('ts/eslint.config.cjs')!);
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src', 'leaky.ts'), leakyWorker);
    await writeFile(join(dir, 'src', 'clean.ts'), cleanWorker);
    await mkdir(join(dir, 'js-only'));
    await writeFile(join(dir, 'js-only', 'eslint.config.js'), configs.get('js-only/eslint.config.js')!);
    await writeFile(join(dir, 'js-only', 'leaky.js'), leakyWorker.replace(/^import .*$/m, 'const { Worker } = await import("@notionhq/workers");'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('installed the requested ESLint major', async () => {
    const r = await sh('npx', ['eslint', '--version'], dir);
    expect(r.stdout.trim()).toMatch(new RegExp(`^v${major}\\.`));
  });

  it.each(['eslint.config.js', 'eslint.config.cjs'])('%s: a leaky worker fails with masked findings', async (config) => {
    const r = await sh('npx', ['eslint', '--config', config, 'src/leaky.ts'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('worker-auth/no-hardcoded-secrets');
    expect(r.stdout).toContain(`ghp_…${secrets.github.slice(-4)}`);
    expect(r.stdout).toContain('GitHub personal access token');
    expect(r.stdout).toContain('Slack bot token');
    expect(r.stdout).toContain('hardcoded fallback of `process.env.STRIPE_SECRET_KEY`');
    expectNoSecret(r.stdout + r.stderr);
  });

  it.each(['eslint.config.js', 'eslint.config.cjs'])('%s: a clean worker passes', async (config) => {
    const r = await sh('npx', ['eslint', '--config', config, 'src/clean.ts'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('the one-line JS config lints .js with the default parser', async () => {
    const r = await sh('npx', ['eslint', 'leaky.js'], join(dir, 'js-only'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('worker-auth/no-hardcoded-secrets');
    expectNoSecret(r.stdout + r.stderr);
  });

  it('writes valid SARIF 2.1.0 with masked values', async () => {
    const r = await sh('npx', ['eslint', '--format', '@microsoft/eslint-formatter-sarif', 'src/leaky.ts'], dir);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout) as { version: string; $schema: string; runs: { results: { ruleId: string; message: { text: string } }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif/);
    const results = sarif.runs[0]!.results;
    expect(results.length).toBeGreaterThanOrEqual(4);
    expect(results.every((x) => x.ruleId.startsWith('worker-auth/'))).toBe(true);
    expectNoSecret(r.stdout);
  });

  it('works with --cache (second run from the cache)', async () => {
    const first = await sh('npx', ['eslint', '--cache', '--cache-location', '.eslintcache', 'src'], dir);
    const second = await sh('npx', ['eslint', '--cache', '--cache-location', '.eslintcache', 'src'], dir);
    expect(first.code).toBe(1);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    expect((await stat(join(dir, '.eslintcache'))).size).toBeGreaterThan(0);
  });

  it('works with --concurrency auto', async () => {
    const r = await sh('npx', ['eslint', '--concurrency', 'auto', 'src'], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('worker-auth/no-hardcoded-secrets');
    expectNoSecret(r.stdout + r.stderr);
  });

  it('runs the codemod bin from the installed package (--dry-run writes nothing)', async () => {
    const before = await readFile(join(dir, 'src', 'leaky.ts'), 'utf8');
    const r = await sh('npx', ['worker-auth-codemod', '--dry-run', 'src'], dir);
    expect(r.code, r.stderr).toBeLessThanOrEqual(1);
    expect(r.stdout).toContain('process.env.GITHUB_TOKEN');
    expectNoSecret(r.stdout + r.stderr);
    expect(await readFile(join(dir, 'src', 'leaky.ts'), 'utf8')).toBe(before);
    const help = await sh('npx', ['worker-auth-codemod', '--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: worker-auth-codemod');
  });
});
