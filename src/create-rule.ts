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
  const merged = new Map<string, unknown>();
  const defaults = rule.meta.defaultOptions ?? rule.defaultOptions ?? [];
  return {
    ...created,
    create(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>) {
      const key = JSON.stringify(context.options);
      let options = merged.get(key);
      if (options === undefined) {
        options = ESLintUtils.applyDefault(defaults as readonly unknown[], context.options);
        if (merged.size > 64) merged.clear();
        merged.set(key, options);
      }
      return (rule.create as (c: typeof context, o: unknown) => ReturnType<typeof created.create>)(context, options);
    },
  } as typeof created;
};
