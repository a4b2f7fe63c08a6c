/**
 * `env-example-in-sync` and `--sync-env-example`: a credential declared with `worker.credential(key, { network })`
 * (SDK 0.9.2) is injected from the worker's env variable `key`, so `.env.example` must list it like a
 * `process.env.KEY` read; a `.credential()` of anything that is no `Worker` of `@notionhq/workers` is not one.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../rules/env-example-in-sync.js';
import { syncEnvExample } from '../../codemods/sync-env-example.js';
import { tempProject } from '../support/project.js';

const project = (files: Record<string, string>): string => tempProject(files, 'wa-env-cred-');

const A = project({ '.env.example': 'GITHUB_TOKEN=\n' });
const dirs = [A];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const FILE = join(A, 'src/index.ts');

const HEAD = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';
const RULE = (domain: string): string => `{ network: [{ domain: "${domain}", transform: [{ headers: { Authorization: "Bearer {{credential}}" } }] }] }`;
const declared = `${HEAD}worker.credential("LINEAR_API_KEY", ${RULE('api.linear.app')});`;
const viaConst = `${HEAD}const KEY = "STRIPE_SECRET_KEY";\nworker.credential(KEY, ${RULE('api.stripe.com')});`;
const two = `${HEAD}worker.credential("GITHUB_TOKEN", ${RULE('api.github.com')});\nworker.credential("SLACK_BOT_TOKEN", ${RULE('slack.com')});`;
const withReads = `${HEAD}worker.credential("OPENAI_API_KEY", ${RULE('api.openai.com')});\nexport const base = process.env.OPENAI_BASE_URL;`;
const required = 'const { Worker } = require("@notionhq/workers");\nconst worker = new Worker();\nworker.credential("RESEND_API_KEY", { network: [] });\nmodule.exports = worker;';

const missing = (name: string) => ({ name, file: '.env.example', line: `${name}=` });
const at = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const before = code.slice(0, i);
  const line = before.split('\n').length;
  const column = i - before.lastIndexOf('\n');
  return { line, column, endLine: line, endColumn: column + needle.length };
};

new RuleTester().run('env-example-in-sync: worker credentials', rule, {
  valid: [
    // listed
    { code: `${HEAD}worker.credential("GITHUB_TOKEN", ${RULE('api.github.com')});`, filename: FILE },
    // allowed by the option
    { code: declared, filename: FILE, options: [{ allowNames: ['LINEAR_*'] }] },
    // not a Worker of @notionhq/workers
    { code: `import { Worker } from "./worker";\nconst worker = new Worker();\nworker.credential("LINEAR_API_KEY", {});`, filename: FILE },
    { code: `declare const vault: { credential(k: string, c: object): void };\nvault.credential("LINEAR_API_KEY", {});`, filename: FILE },
    // a key built at run time is not known
    { code: `${HEAD}declare const name: string;\nworker.credential(name, ${RULE('api.linear.app')});`, filename: FILE },
  ],
  invalid: [
    { code: declared, filename: FILE, errors: [{ messageId: 'credentialMissingFromEnvExample', data: missing('LINEAR_API_KEY'), ...at(declared, '"LINEAR_API_KEY"') }] },
    { code: viaConst, filename: FILE, errors: [{ messageId: 'credentialMissingFromEnvExample', data: missing('STRIPE_SECRET_KEY'), ...at(viaConst, 'KEY,') , endColumn: at(viaConst, 'KEY,').column + 3 }] },
    { code: two, filename: FILE, errors: [{ messageId: 'credentialMissingFromEnvExample', data: missing('SLACK_BOT_TOKEN'), ...at(two, '"SLACK_BOT_TOKEN"') }] },
    {
      code: withReads,
      filename: FILE,
      errors: [
        { messageId: 'credentialMissingFromEnvExample', data: missing('OPENAI_API_KEY'), ...at(withReads, '"OPENAI_API_KEY"') },
        { messageId: 'missingFromEnvExample', data: missing('OPENAI_BASE_URL') },
      ],
    },
  ],
});

new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } } }).run(
  'env-example-in-sync: worker credentials (espree, CommonJS)',
  rule,
  {
    valid: [],
    invalid: [{ code: required, filename: join(A, 'src/index.js'), errors: [{ messageId: 'credentialMissingFromEnvExample', data: missing('RESEND_API_KEY') }] }],
  },
);

describe('--sync-env-example adds credential keys', () => {
  it('lists the key of every credential of a Worker, and no `.credential()` of anything else', async () => {
    const dir = project({
      '.env.example': 'GITHUB_TOKEN=\n',
      'src/index.ts': `${HEAD}worker.credential("LINEAR_API_KEY", ${RULE('api.linear.app')});\nworker.credential("GITHUB_TOKEN", ${RULE('api.github.com')});\nexport const x = process.env.LINEAR_TEAM_ID;\n`,
      'src/other.ts': 'declare const vault: { credential(k: string, c: object): void };\nvault.credential("NOT_A_WORKER_KEY", {});\n',
      'src/cjs.js': 'const { Worker: W } = require("@notionhq/workers");\nconst w = new W();\nw.credential("RESEND_API_KEY", { network: [] });\n',
      // a key by a const of the file; a `let` or a name bound to two strings says nothing sure
      'src/keys.ts': `${HEAD}const KEY = "POSTMARK_TOKEN";\nworker.credential(KEY, { network: [] });\nlet K2 = "NOT_CONST_KEY";\nworker.credential(K2, { network: [] });\nfunction a() { const K3 = "ONE"; return K3; }\nfunction b() { const K3 = "TWO"; return K3; }\nconst K3 = "THREE";\nworker.credential(K3, { network: [] });\n`,
    });
    dirs.push(dir);
    const { report, exitCode } = await syncEnvExample({ root: dir });
    expect(exitCode).toBe(0);
    const text = readFileSync(join(dir, '.env.example'), 'utf8');
    const names = text.split('\n').filter((l) => /^[A-Z]/.test(l)).map((l) => l.split('=')[0]);
    expect(names.sort()).toEqual(['GITHUB_TOKEN', 'LINEAR_API_KEY', 'LINEAR_TEAM_ID', 'POSTMARK_TOKEN', 'RESEND_API_KEY']);
    expect(report.files[0]!.added.sort()).toEqual(['LINEAR_API_KEY', 'LINEAR_TEAM_ID', 'POSTMARK_TOKEN', 'RESEND_API_KEY']);
  });
});
