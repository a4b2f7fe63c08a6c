/**
 * eslint-plugin-worker-auth: the plugin object. Flat config:
 *   import workerAuth from 'eslint-plugin-worker-auth';
 *   export default [workerAuth.configs.recommended];
 * The plugin entry never loads the codemod (ts-morph, jscodeshift): editors load this file everywhere.
 */
import type { Linter } from '@typescript-eslint/utils/ts-eslint';
import { rules } from '../rules/index.js';
import { PACKAGE } from './package-info.js';

export const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];

type RuleName = keyof typeof rules;
type Severity = 'error' | 'warn';

const STRICT_OPTIONS: Partial<Record<RuleName, unknown[]>> = {
  'no-hardcoded-secrets': [{ testFiles: 'all' }],
};

function ruleEntries(select: (name: RuleName) => Severity | undefined, strict: boolean): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const name of Object.keys(rules) as RuleName[]) {
    const severity = select(name);
    if (!severity) continue;
    const options = strict ? STRICT_OPTIONS[name] : undefined;
    out[`worker-auth/${name}`] = (options ? [severity, ...options] : severity) as Linter.RuleEntry;
  }
  return out;
}

const plugin = {
  meta: { name: PACKAGE.name, version: PACKAGE.version, namespace: 'worker-auth' },
  rules,
  configs: {} as Record<'recommended' | 'strict' | 'all' | 'flat/recommended', Linter.ConfigType>,
};

const recommendedRules = ruleEntries((name) => (rules[name].meta.docs?.recommended ? 'error' : undefined), false);

plugin.configs.recommended = {
  name: 'worker-auth/recommended',
  files: SOURCE_FILES,
  plugins: { 'worker-auth': plugin as never },
  rules: recommendedRules,
} as Linter.ConfigType;
plugin.configs['flat/recommended'] = plugin.configs.recommended;
plugin.configs.strict = {
  name: 'worker-auth/strict',
  files: SOURCE_FILES,
  plugins: { 'worker-auth': plugin as never },
  rules: ruleEntries(() => 'error', true),
} as Linter.ConfigType;
plugin.configs.all = {
  name: 'worker-auth/all',
  files: SOURCE_FILES,
  plugins: { 'worker-auth': plugin as never },
  rules: ruleEntries(() => 'error', false),
} as Linter.ConfigType;

export default plugin;
export { rules };
