/**
 * eslint-plugin-worker-auth: the plugin object. Flat config:
 *   import workerAuth from 'eslint-plugin-worker-auth';
 *   export default [workerAuth.configs.recommended];
 * The plugin entry never loads the codemod (ts-morph, jscodeshift): editors load this file everywhere.
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { rules as ruleModules } from '../rules/index.js';
import { PACKAGE } from './package-info.js';

/** The files our configs apply to: every JavaScript and TypeScript flavour. */
const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];

type RuleName = keyof typeof ruleModules;
type ConfigName = 'recommended' | 'strict' | 'all' | 'flat/recommended';

/** Stricter options used by `configs.strict`. */
const STRICT_OPTIONS: Partial<Record<RuleName, unknown[]>> = {
  'no-hardcoded-secrets': [{ testFiles: 'all' }],
};

const rules = ruleModules as unknown as Record<RuleName, Rule.RuleModule>;

function ruleEntries(select: (name: RuleName) => boolean, strict: boolean): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const name of Object.keys(ruleModules) as RuleName[]) {
    if (!select(name)) continue;
    const options = strict ? STRICT_OPTIONS[name] : undefined;
    out[`worker-auth/${name}`] = options ? ['error', ...options] : 'error';
  }
  return out;
}

const plugin = {
  meta: { name: PACKAGE.name, version: PACKAGE.version, namespace: 'worker-auth' },
  rules,
  configs: {} as Record<ConfigName, Linter.Config>,
} satisfies ESLint.Plugin;

/**
 * The configs turn JSX on for ESLint's default parser (`.jsx` holds it; plain JavaScript parses the same with it on):
 * without it the one-line config could not read a `.jsx` file. The typescript-eslint parser decides by file extension.
 */
const LANGUAGE_OPTIONS: Linter.LanguageOptions = { parserOptions: { ecmaFeatures: { jsx: true } } };

function config(name: string, ruleSet: Linter.RulesRecord): Linter.Config {
  return { name: `worker-auth/${name}`, files: SOURCE_FILES, languageOptions: LANGUAGE_OPTIONS, plugins: { 'worker-auth': plugin }, rules: ruleSet };
}

plugin.configs.recommended = config('recommended', ruleEntries((name) => ruleModules[name].meta.docs?.recommended === true, false));
plugin.configs['flat/recommended'] = plugin.configs.recommended;
plugin.configs.strict = config('strict', ruleEntries(() => true, true));
plugin.configs.all = config('all', ruleEntries(() => true, false));

export default plugin;

