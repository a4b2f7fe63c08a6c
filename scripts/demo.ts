/**
 * `npm run demo`: writes a realistic leaky Notion worker into a temp folder (its tokens generated now, never
 * stored anywhere), lints it with the recommended config and prints the redacted findings.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import workerAuth from '../src/index.js';
import { crc32, toBase62 } from '../src/detect/checksums.js';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function random(length: number, charset = B62): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += charset[b % charset.length];
  return out;
}
/** GitHub-style token with its CRC32 checksum (token-formats.md §2.1). */
function githubToken(): string {
  const body = random(30);
  return ['gh', 'p_'].join('') + body + toBase62(crc32(body), 6);
}

const tokens = {
  github: githubToken(),
  stripe: ['sk', 'live', ''].join('_') + random(99),
  slack: ['xo', 'xb-'].join('') + `${random(12, '0123456789')}-${random(13, '0123456789')}-${random(24)}`,
  linear: ['lin', 'api', ''].join('_') + random(40),
  clientSecret: random(40, '0123456789abcdef'),
  dbPassword: random(18),
};

const worker = `import { Worker } from "@notionhq/workers";
import Stripe from "stripe";
import { WebClient } from "@slack/web-api";

const worker = new Worker();
export default worker;

// GitHub personal token for the sync (TODO move to env)
const GITHUB_TOKEN = "${tokens.github}";
const stripe = new Stripe("${tokens.stripe}");
const slack = new WebClient(process.env.SLACK_BOT_TOKEN ?? "${tokens.slack}");

worker.oauth("githubApp", {
  name: "github-app",
  authorizationEndpoint: "https://github.com/login/oauth/authorize",
  tokenEndpoint: "https://github.com/login/oauth/access_token",
  scope: "repo",
  clientId: "Ov23liAbCdEfGhIjKlMn",
  clientSecret: "${tokens.clientSecret}",
});

worker.tool("listIssues", {
  title: "List Linear issues",
  description: "Lists the open issues of a team",
  schema: { type: "object", properties: {}, required: [], additionalProperties: false },
  execute: async () => {
    const res = await fetch("https://api.linear.app/graphql", {
      method: "POST",
      headers: { Authorization: "${tokens.linear}", "Content-Type": "application/json" },
      body: JSON.stringify({ query: "{ issues { nodes { title } } }" }),
    });
    const repos = await fetch("https://api.github.com/user/repos", {
      headers: { Authorization: \`Bearer \${GITHUB_TOKEN}\` },
    });
    const db = "postgres://worker:${tokens.dbPassword}@db.internal:5432/app";
    return { issues: await res.json(), repos: await repos.json(), db: db.length, stripe: !!stripe, slack: !!slack };
  },
});

// These are fine and stay quiet:
const placeholder = "<paste your token here>";
const pageId = "8a6d3f2e9b1c4d7e8f0a1b2c3d4e5f60";
const safe = process.env.NOTION_API_TOKEN ?? "";
export { placeholder, pageId, safe };
`;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'worker-auth-demo-'));
  try {
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src', 'index.ts'), worker);
    await writeFile(join(dir, '.env.example'), 'NOTION_API_TOKEN=\n');
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [tseslint.configs.base as never, workerAuth.configs.recommended as never],
    });
    const results = await eslint.lintFiles(['src/index.ts']);
    const formatter = await eslint.loadFormatter('stylish');
    process.stdout.write(`A leaky Notion worker was written to ${dir}/src/index.ts (tokens generated for this run).\n`);
    process.stdout.write('ESLint with `workerAuth.configs.recommended` reports (values masked):\n');
    process.stdout.write(await formatter.format(results));
    const all = results.flatMap((r) => r.messages);
    const leaked = Object.values(tokens).filter((t) => all.some((m) => m.message.includes(t)));
    process.stdout.write(`${all.length} findings; full secrets printed: ${leaked.length}.\n`);
    process.stdout.write('In an editor, each finding offers a quick fix that moves the value to `process.env`.\n');
    if (leaked.length > 0) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
