import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { ruleDocsUrl } from './package-info.js';

export interface WorkerAuthDocs {
  description: string;
  /** In `configs.recommended` (and with which severity). */
  recommended?: boolean;
  requiresTypeChecking?: false;
}

const creator = ESLintUtils.RuleCreator<WorkerAuthDocs>(ruleDocsUrl);

/**
 * `RuleCreator`, with the options merged once per distinct option set instead of once per linted file: ESLint hands
 * every file a new `context.options` array, and a deep merge per file is a large share of a light rule's cost.
 */
export const createRule: typeof creator = (rule) => {
  const created = creator(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as readonly unknown[];
  // ESLint hands every file a new options array (`ruleConfig.slice(1)`) holding the same configured objects: cache
  // by the identity of the one options object (or of "no options"), and by value for anything else
  const byObject = new WeakMap<object, unknown>();
  const noOptions = {};
  const byValue = new Map<string, unknown>();
  return {
    ...created,
    create(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>) {
      const given = context.options;
      const first = given[0];
      const identity = given.length === 0 ? noOptions : given.length === 1 && typeof first === 'object' && first !== null ? first : undefined;
      let options = identity === undefined ? undefined : byObject.get(identity);
      if (options === undefined) {
        const key = JSON.stringify(given);
        options = byValue.get(key);
        if (options === undefined) {
          options = ESLintUtils.applyDefault(defaults, given);
          if (byValue.size > 64) byValue.clear();
          byValue.set(key, options);
        }
        if (identity !== undefined) byObject.set(identity, options);
      }
      return (rule.create as (c: typeof context, o: unknown) => ReturnType<typeof created.create>)(context, options);
    },
  } as typeof created;
};
