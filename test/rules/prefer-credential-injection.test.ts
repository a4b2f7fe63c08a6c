import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../rules/prefer-credential-injection.js';
import { findWorkersSdk, minVersionOfRange, versionAtLeast } from '../../src/env/project.js';
import { span as at } from '../support/positions.js';
import { tempProject } from '../support/project.js';

// --- fixture projects: which @notionhq/workers each one has --------------------------------------------------------
const project = (files: Record<string, string>): string => tempProject(files, 'wa-credential-');
const sdk = (version: string): string => JSON.stringify({ name: '@notionhq/workers', version });
const pkg = (range: string): string => JSON.stringify({ name: 'my-worker', dependencies: { '@notionhq/workers': range } });

const INSTALLED = project({ 'package.json': pkg('^0.9.2'), 'node_modules/@notionhq/workers/package.json': sdk('0.9.2') });
const OLD = project({ 'package.json': pkg('^0.9.2'), 'node_modules/@notionhq/workers/package.json': sdk('0.9.1') });
const RANGE = project({ 'package.json': pkg('~0.9.2') });
const OLD_RANGE = project({ 'package.json': pkg('^0.8.12') });
const NONE = project({ 'package.json': JSON.stringify({ name: 'no-sdk' }) });
// the installed typings are the API itself: they decide over the version number
const TYPINGS = project({
  'node_modules/@notionhq/workers/package.json': sdk('0.9.0'),
  'node_modules/@notionhq/workers/dist/worker.d.ts': 'export declare class Worker {\n    credential(key: CredentialKey, config: CredentialConfiguration): void;\n}\n',
});
const PRE = project({ 'node_modules/@notionhq/workers/package.json': sdk('0.9.2-beta.1') });
afterAll(() => {
  for (const dir of [INSTALLED, OLD, RANGE, OLD_RANGE, NONE, TYPINGS, PRE]) rmSync(dir, { recursive: true, force: true });
});

const file = (dir: string, name = 'src/index.ts'): string => join(dir, name);


const HEAD = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';

// 1. inline template in a fetch to a fixed host
const linear = `${HEAD}export async function issues() {
  return fetch("https://api.linear.app/graphql", { method: "POST", headers: { Authorization: \`Bearer \${process.env.LINEAR_API_KEY}\`, "Content-Type": "application/json" } });
}`;
const linearSnippet = 'worker.credential("LINEAR_API_KEY", { network: [{ domain: "api.linear.app", transform: [{ headers: { Authorization: `Bearer ${CREDENTIAL_VALUE}` } }] }] })';
const linearFixed = `import { Worker, CREDENTIAL_VALUE } from "@notionhq/workers";
const worker = new Worker();
${linearSnippet};
export default worker;
export async function issues() {
  return fetch("https://api.linear.app/graphql", { method: "POST", headers: { "Content-Type": "application/json" } });
}`;

// 2. a constant with a fallback, a URL with a run-time path, a dashed header
const acme = `${HEAD}export async function item(id: string) {
  const apiKey = process.env.ACME_API_KEY ?? "";
  return fetch(\`https://api.acme.dev/v1/items/\${id}\`, { headers: { "X-API-Key": apiKey } });
}`;
const acmeSnippet = 'worker.credential("ACME_API_KEY", { network: [{ domain: "api.acme.dev", transform: [{ headers: { "X-API-Key": CREDENTIAL_VALUE } }] }] })';
const acmeFixed = `import { Worker, CREDENTIAL_VALUE } from "@notionhq/workers";
const worker = new Worker();
${acmeSnippet};
export default worker;
export async function item(id: string) {
  return fetch(\`https://api.acme.dev/v1/items/\${id}\`, { headers: {  } });
}`;

// 3. destructured, concatenated, axios-style (url, config)
const stripe = `import { Worker, CREDENTIAL_VALUE as CRED } from "@notionhq/workers";
import axios from "axios";
const { STRIPE_SECRET_KEY } = process.env;
export const worker = new Worker();
export const charges = () => axios.get("https://api.stripe.com/v1/charges", { headers: { Authorization: "Bearer " + STRIPE_SECRET_KEY } });`;
const stripeSnippet = 'worker.credential("STRIPE_SECRET_KEY", { network: [{ domain: "api.stripe.com", transform: [{ headers: { Authorization: `Bearer ${CRED}` } }] }] })';
const stripeFixed = `import { Worker, CREDENTIAL_VALUE as CRED } from "@notionhq/workers";
import axios from "axios";
export const worker = new Worker();
${stripeSnippet};
export const charges = () => axios.get("https://api.stripe.com/v1/charges", { headers: {  } });`;

// 4. one headers constant shared by requests to one host
const github = `${HEAD}const headers = { Authorization: \`token \${process.env.GITHUB_TOKEN}\`, Accept: "application/vnd.github+json" };
export const me = () => fetch("https://api.github.com/user", { headers });
export const repo = (r: string) => fetch(\`https://api.github.com/repos/\${r}\`, { headers: headers });`;
const githubSnippet = 'worker.credential("GITHUB_TOKEN", { network: [{ domain: "api.github.com", transform: [{ headers: { Authorization: `token ${CREDENTIAL_VALUE}` } }] }] })';
const githubFixed = `import { Worker, CREDENTIAL_VALUE } from "@notionhq/workers";
const worker = new Worker();
${githubSnippet};
export default worker;
const headers = { Accept: "application/vnd.github+json" };
export const me = () => fetch("https://api.github.com/user", { headers });
export const repo = (r: string) => fetch(\`https://api.github.com/repos/\${r}\`, { headers: headers });`;

// 5. axios.create({ baseURL, headers }) in a module without the worker: a message, no suggestion
const openai = `import axios from "axios";
export const client = axios.create({ baseURL: "https://api.openai.com/v1", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } });`;
const openaiSnippet = 'worker.credential("OPENAI_API_KEY", { network: [{ domain: "api.openai.com", transform: [{ headers: { Authorization: `Bearer ${CREDENTIAL_VALUE}` } }] }] })';

// a comment inside the removed header
const commented = `${HEAD}export const q = () => fetch("https://api.acme.dev/v1", { headers: { Authorization: /* rotated monthly */ process.env.ACME_TOKEN } });`;

const message = (name: string, header: string, hosts: string, snippet: string) => ({ name, header, hosts, snippet });

const ts = new RuleTester();

ts.run('prefer-credential-injection (typescript-eslint parser)', rule, {
  valid: [
    // the SDK version lacks credential(), or cannot be found: silent
    { code: linear, filename: file(OLD), name: 'installed 0.9.1' },
    { code: linear, filename: file(OLD_RANGE), name: 'range ^0.8.12' },
    { code: linear, filename: file(NONE), name: 'no @notionhq/workers' },
    { code: linear, filename: file(PRE), name: 'a pre-release of 0.9.2' },
    // the key is also used for something else
    { code: `${HEAD}const key = process.env.LINEAR_API_KEY ?? "";\nexport const client = new LinearClient({ apiKey: key });\nexport const q = () => fetch("https://api.linear.app/graphql", { headers: { Authorization: key } });`, filename: file(INSTALLED) },
    { code: `${HEAD}if (!process.env.LINEAR_API_KEY) throw new Error("LINEAR_API_KEY is not set");\nexport const q = () => fetch("https://api.linear.app/graphql", { headers: { Authorization: process.env.LINEAR_API_KEY } });`, filename: file(INSTALLED) },
    // the host is not fixed, not HTTPS, or not a plain host name
    { code: `${HEAD}export const q = (url: string) => fetch(url, { headers: { Authorization: \`Bearer \${process.env.ACME_API_KEY}\` } });`, filename: file(INSTALLED) },
    { code: `${HEAD}export const q = () => fetch("http://api.acme.dev/v1", { headers: { Authorization: \`Bearer \${process.env.ACME_API_KEY}\` } });`, filename: file(INSTALLED) },
    { code: `${HEAD}export const q = (s: string) => fetch(\`https://\${s}.acme.dev/v1\`, { headers: { Authorization: \`Bearer \${process.env.ACME_API_KEY}\` } });`, filename: file(INSTALLED) },
    { code: `${HEAD}export const q = () => fetch("https://localhost:8443/v1", { headers: { Authorization: process.env.ACME_API_KEY } });`, filename: file(INSTALLED) },
    // not a credential header, not a credential name
    { code: `${HEAD}export const q = () => fetch("https://api.acme.dev/v1", { headers: { "X-Account": process.env.ACME_ACCOUNT_ID } });`, filename: file(INSTALLED) },
    // a value the platform cannot template (base64 of user:password)
    { code: `${HEAD}export const q = () => fetch("https://api.acme.dev/v1", { headers: { Authorization: \`Basic \${btoa(process.env.ACME_PASSWORD)}\` } });`, filename: file(INSTALLED) },
    // the SDK reserves NOTION_ keys
    { code: `${HEAD}export const q = () => fetch("https://api.notion.com/v1/users", { headers: { Authorization: \`Bearer \${process.env.NOTION_OTHER_TOKEN}\` } });`, filename: file(INSTALLED) },
    // headers set imperatively: the request is not followed
    { code: `${HEAD}const h = new Headers();\nh.set("Authorization", \`Bearer \${process.env.ACME_API_KEY}\`);\nexport const q = () => fetch("https://api.acme.dev", { headers: h });`, filename: file(INSTALLED) },
    // options
    { code: linear, filename: file(INSTALLED), options: [{ allowHosts: ['api.linear.app'] }], name: 'allowHosts: exact host' },
    { code: linear, filename: file(INSTALLED), options: [{ allowHosts: ['*.linear.app'] }], name: 'allowHosts: wildcard' },
  ],
  invalid: [
    {
      name: 'inline template, installed 0.9.2',
      code: linear,
      filename: file(INSTALLED),
      errors: [
        {
          messageId: 'preferCredential',
          data: message('LINEAR_API_KEY', 'Authorization', '`api.linear.app`', linearSnippet),
          ...at(linear, 'process.env.LINEAR_API_KEY'),
          suggestions: [{ messageId: 'declareCredential', data: { name: 'LINEAR_API_KEY', worker: 'worker' }, output: linearFixed }],
        },
      ],
    },
    {
      name: 'dependency range ~0.9.2 without node_modules',
      code: linear,
      filename: file(RANGE),
      errors: [{ messageId: 'preferCredential', data: message('LINEAR_API_KEY', 'Authorization', '`api.linear.app`', linearSnippet), ...at(linear, 'process.env.LINEAR_API_KEY'), suggestions: [{ messageId: 'declareCredential', output: linearFixed }] }],
    },
    {
      name: 'installed typings declare credential()',
      code: linear,
      filename: file(TYPINGS),
      errors: [{ messageId: 'preferCredential', ...at(linear, 'process.env.LINEAR_API_KEY'), suggestions: [{ messageId: 'declareCredential', output: linearFixed }] }],
    },
    {
      code: acme,
      filename: file(INSTALLED),
      errors: [
        {
          messageId: 'preferCredential',
          data: message('ACME_API_KEY', 'X-API-Key', '`api.acme.dev`', acmeSnippet),
          ...at(acme, 'process.env.ACME_API_KEY'),
          suggestions: [{ messageId: 'declareCredential', data: { name: 'ACME_API_KEY', worker: 'worker' }, output: acmeFixed }],
        },
      ],
    },
    {
      code: stripe,
      filename: file(INSTALLED),
      errors: [
        {
          messageId: 'preferCredential',
          data: message('STRIPE_SECRET_KEY', 'Authorization', '`api.stripe.com`', stripeSnippet),
          ...at(stripe, 'STRIPE_SECRET_KEY'),
          suggestions: [{ messageId: 'declareCredential', data: { name: 'STRIPE_SECRET_KEY', worker: 'worker' }, output: stripeFixed }],
        },
      ],
    },
    {
      code: github,
      filename: file(INSTALLED),
      errors: [
        {
          messageId: 'preferCredential',
          data: message('GITHUB_TOKEN', 'Authorization', '`api.github.com`', githubSnippet),
          ...at(github, 'process.env.GITHUB_TOKEN'),
          suggestions: [{ messageId: 'declareCredential', data: { name: 'GITHUB_TOKEN', worker: 'worker' }, output: githubFixed }],
        },
      ],
    },
    {
      name: 'a comment inside the header: reported, no suggestion (it would be lost)',
      code: commented,
      filename: file(INSTALLED),
      errors: [{ messageId: 'preferCredential', ...at(commented, 'process.env.ACME_TOKEN'), suggestions: [] }],
    },
    {
      code: openai,
      filename: file(INSTALLED, 'src/openai.ts'),
      errors: [{ messageId: 'preferCredential', data: message('OPENAI_API_KEY', 'Authorization', '`api.openai.com`', openaiSnippet), ...at(openai, 'process.env.OPENAI_API_KEY'), suggestions: [] }],
    },
  ],
});

// --- espree, `.js` ---------------------------------------------------------------------------------------------
const cjs = `const { Worker } = require("@notionhq/workers");
const worker = new Worker();
module.exports = worker;
const key = process.env.RESEND_API_KEY;
worker.tool("send", { execute: () => fetch("https://api.resend.com/emails", { method: "POST", headers: { Authorization: "Bearer " + key } }) });`;
const cjsSnippet = 'worker.credential("RESEND_API_KEY", { network: [{ domain: "api.resend.com", transform: [{ headers: { Authorization: `Bearer ${CREDENTIAL_VALUE}` } }] }] })';
const js = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } } });

js.run('prefer-credential-injection (espree, .js)', rule, {
  valid: [{ code: cjs, filename: file(OLD, 'src/index.js'), name: 'CommonJS, installed 0.9.1' }],
  invalid: [
    {
      name: 'CommonJS: a message, no suggestion (the file has no named import to extend)',
      code: cjs,
      filename: file(INSTALLED, 'src/index.js'),
      errors: [{ messageId: 'preferCredential', data: message('RESEND_API_KEY', 'Authorization', '`api.resend.com`', cjsSnippet), ...at(cjs, 'process.env.RESEND_API_KEY'), suggestions: [] }],
    },
  ],
});

describe('@notionhq/workers version', () => {
  it('reads the installed version, else the lowest version of the dependency range', () => {
    expect(findWorkersSdk(file(INSTALLED))).toEqual({ version: '0.9.2', source: 'installed', hasCredential: true });
    expect(findWorkersSdk(file(OLD))).toEqual({ version: '0.9.1', source: 'installed', hasCredential: false });
    expect(findWorkersSdk(file(RANGE))).toEqual({ version: '0.9.2', source: 'dependency-range', hasCredential: true });
    expect(findWorkersSdk(file(OLD_RANGE))?.hasCredential).toBe(false);
    expect(findWorkersSdk(file(NONE))).toBeUndefined();
    expect(findWorkersSdk(file(TYPINGS))).toEqual({ version: '0.9.0', source: 'installed', hasCredential: true });
  });

  it('parses ranges and compares versions', () => {
    expect(['^0.9.2', '~0.9.2', '>=0.9.2', '0.9.2', '=0.9.2', 'v0.9.2'].map(minVersionOfRange)).toEqual(Array(6).fill('0.9.2'));
    expect(minVersionOfRange('0.9.x')).toBe('0.9.0');
    expect(['latest', '*', 'workspace:*', 'file:../sdk', 'github:makenotion/workers', '^0.9.2 || latest'].map(minVersionOfRange)).toEqual(Array(6).fill(undefined));
    // alternatives: the lowest of them
    expect(['^0.8.0 || ^0.9.2', '^1.0.0 || ^0.9.2', '^0.9.2||^1.0.0'].map(minVersionOfRange)).toEqual(['0.8.0', '0.9.2', '0.9.2']);
    expect(versionAtLeast('0.10.0', '0.9.2')).toBe(true);
    expect(versionAtLeast('1.0.0', '0.9.2')).toBe(true);
    expect(versionAtLeast('0.9.2-beta.1', '0.9.2')).toBe(false);
    expect(versionAtLeast('0.9.1', '0.9.2')).toBe(false);
  });
});

describe('suggestion span budget', () => {
  it('a file whose suggestions would span more than SUGGESTION_SPAN_BUDGET characters: every key reported, the later ones without a suggestion', async () => {
    const { Linter } = await import('eslint');
    const tsParser = (await import('@typescript-eslint/parser')).default;
    const { SUGGESTION_SPAN_BUDGET } = await import('../../rules/prefer-credential-injection.js');
    // each function sits after 60,000 characters of comment: the k-th suggestion spans about k × 60,000 characters
    const pad = `/* ${'x'.repeat(60_000)} */\n`;
    const n = 12;
    const code =
      HEAD +
      Array.from({ length: n }, (_, i) => `${pad}export const f${i} = () => fetch("https://api.acme${i}.dev/x", { headers: { Authorization: \`Bearer \${process.env.ACME${i}_API_KEY}\` } });\n`).join('');
    const linter = new Linter({ configType: 'flat', cwd: INSTALLED });
    const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, { plugins: { w: { rules: { r: rule as never } } }, rules: { 'w/r': 'error' } }], file(INSTALLED));
    expect(messages).toHaveLength(n);
    const withSuggestion = messages.filter((m) => (m.suggestions?.length ?? 0) > 0).length;
    // spans 60k, 120k, … add up to the budget after a few keys; the rest keep their reports
    let spans = 0;
    let expected = 0;
    for (let k = 1; k <= n && spans + k * 60_000 <= SUGGESTION_SPAN_BUDGET; k++, expected++) spans += k * 60_000;
    expect(withSuggestion).toBeGreaterThanOrEqual(expected - 1);
    expect(withSuggestion).toBeLessThanOrEqual(expected + 1);
    expect(withSuggestion).toBeLessThan(n);
  });
});
