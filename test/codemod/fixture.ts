/**
 * The main fixture repository: several clients, a key inside a URL template, an existing
 * `process.env.X ?? "<secret>"` fallback, a `.env.example` with comments, a `.gitignore` without `.env`, a `.js`
 * config file, JSX. `before` and the exact `after` texts (secrets generated at run time).
 */
import { T, lines, type FileTree } from './helpers.js';

const gh = T.github.value;
const gh2 = T.github2.value;
const sk = T.stripe.value;
const xoxb = T.slack.value;
const gk = T.google.value;
const oa = T.openai.value;

export const ENV_EXAMPLE_BEFORE = lines('# Worker settings', 'PORT=8787', '', '# Notion (internal integration)', 'NOTION_API_BASE=');
export const GITIGNORE_BEFORE = lines('node_modules/', 'dist/');

/** Sources that type-check and run without JSX (used by the equivalence tests too). */
export const TS_SOURCES_BEFORE: Record<string, string> = {
  'src/octokit.ts': lines('export class Octokit {', '  constructor(readonly options: { auth: string; userAgent: string }) {}', '}'),
  'src/github.ts': lines(
    '// GitHub client: the token used to be inline.',
    'import { Octokit } from "./octokit.js";',
    '',
    '/* build the client */',
    'export const octokit = new Octokit({',
    `  auth:    "${gh}",   // aligned on purpose`,
    "  userAgent: 'my-worker/1.0',",
    '});',
  ),
  'src/slack.ts': lines(
    'export function slackHeaders(): Record<string, string> {',
    '  return {',
    `    Authorization: "Bearer ${xoxb}",`,
    '    "Content-Type": "application/json",',
    '  };',
    '}',
  ),
  'src/maps.ts': lines(
    'export const geocodeUrl = (address: string): string =>',
    `  \`https://maps.googleapis.com/maps/api/geocode/json?address=\${encodeURIComponent(address)}&key=${gk}\`;`,
  ),
  'src/stripe.ts': lines('// keep the env override', `export const stripeKey = process.env.STRIPE_KEY ?? "${sk}";`),
  'src/billing.ts': lines('import { stripeKey } from "./stripe.js";', '', `export const billing = { key: stripeKey, backupKey: "${sk}", currency: "eur" };`),
  'src/misc.ts': lines(`export const note = 'don\\'t use \`\${x}\` here: ${gh2}\\t(end)';`, 'export const plain = "just text";'),
  'src/all.ts': lines(
    'import { billing } from "./billing.js";',
    'import { octokit } from "./octokit-client.js";',
    'import { geocodeUrl } from "./maps.js";',
    'import { note, plain } from "./misc.js";',
    'import { slackHeaders } from "./slack.js";',
    'import { stripeKey } from "./stripe.js";',
    '',
    'export const all = { billing, github: octokit.options, url: geocodeUrl("Paris & Co"), note, plain, slack: slackHeaders(), stripeKey };',
  ),
  'src/octokit-client.ts': lines('export { octokit } from "./github.js";'),
};

export const FILES_BEFORE: FileTree = {
  ...TS_SOURCES_BEFORE,
  'config.js': lines('// Worker config (CommonJS)', 'module.exports = {', `  openai: { apiKey: "${oa}", model: "gpt-4o" },`, '  port: 8787,', '};'),
  'src/MapView.tsx': lines(`export const MapView = () => <GoogleMap apiKey="${gk}" zoom={3} />;`),
  '.env.example': ENV_EXAMPLE_BEFORE,
  '.gitignore': GITIGNORE_BEFORE,
};

const env = (name: string): string => `process.env.${name} ?? ""`;

/** Exact expected sources after the codemod. */
export const FILES_AFTER: Record<string, string> = {
  'src/octokit.ts': TS_SOURCES_BEFORE['src/octokit.ts']!,
  'src/github.ts': lines(
    '// GitHub client: the token used to be inline.',
    'import { Octokit } from "./octokit.js";',
    '',
    '/* build the client */',
    'export const octokit = new Octokit({',
    `  auth:    ${env('GITHUB_TOKEN')},   // aligned on purpose`,
    "  userAgent: 'my-worker/1.0',",
    '});',
  ),
  'src/slack.ts': lines(
    'export function slackHeaders(): Record<string, string> {',
    '  return {',
    `    Authorization: \`Bearer \${${env('SLACK_BOT_TOKEN')}}\`,`,
    '    "Content-Type": "application/json",',
    '  };',
    '}',
  ),
  'src/maps.ts': lines(
    'export const geocodeUrl = (address: string): string =>',
    `  \`https://maps.googleapis.com/maps/api/geocode/json?address=\${encodeURIComponent(address)}&key=\${${env('GOOGLE_API_KEY')}}\`;`,
  ),
  'src/stripe.ts': lines('// keep the env override', `export const stripeKey = ${env('STRIPE_KEY')};`),
  'src/billing.ts': lines('import { stripeKey } from "./stripe.js";', '', `export const billing = { key: stripeKey, backupKey: ${env('STRIPE_KEY')}, currency: "eur" };`),
  'src/misc.ts': lines(`export const note = \`don\\'t use \\\`\\\${x}\\\` here: \${${env('GITHUB_TOKEN_2')}}\\t(end)\`;`, 'export const plain = "just text";'),
  'src/all.ts': TS_SOURCES_BEFORE['src/all.ts']!,
  'src/octokit-client.ts': TS_SOURCES_BEFORE['src/octokit-client.ts']!,
  'config.js': lines('// Worker config (CommonJS)', 'module.exports = {', `  openai: { apiKey: ${env('OPENAI_API_KEY')}, model: "gpt-4o" },`, '  port: 8787,', '};'),
  'src/MapView.tsx': lines(`export const MapView = () => <GoogleMap apiKey={${env('GOOGLE_API_KEY')}} zoom={3} />;`),
};

/** Env name → value the codemod must put into `.env`. */
export const ENV_AFTER: Record<string, string> = {
  GITHUB_TOKEN: gh,
  GITHUB_TOKEN_2: gh2,
  SLACK_BOT_TOKEN: xoxb,
  GOOGLE_API_KEY: gk,
  STRIPE_KEY: sk,
  OPENAI_API_KEY: oa,
};

export const FIXTURE_SECRETS = [T.github, T.github2, T.stripe, T.slack, T.google, T.openai];
