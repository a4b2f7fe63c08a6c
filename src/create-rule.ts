import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { maskSecretsIn, maskShown } from './detect/mask.js';
import { ruleDocsUrl } from './package-info.js';

export interface WorkerAuthDocs {
  description: string;
  /** In `configs.recommended` (and with which severity). */
  recommended?: boolean;
  requiresTypeChecking?: false;
}

export { maskSecretsIn };

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
  // the last options object and its merge: consecutive files of one configuration skip the table lookup
  let lastIdentity: object | undefined;
  let lastOptions: unknown;
  return {
    ...created,
    create(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>) {
      const given = context.options;
      const first = given[0];
      const identity = given.length === 0 ? noOptions : given.length === 1 && typeof first === 'object' && first !== null ? first : undefined;
      let options: unknown;
      if (identity !== undefined && identity === lastIdentity) options = lastOptions;
      else {
        options = identity === undefined ? undefined : byObject.get(identity);
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
        if (identity !== undefined) {
          lastIdentity = identity;
          lastOptions = options;
        }
      }
      return (rule.create as (c: typeof context, o: unknown) => ReturnType<typeof created.create>)(context, options);
    },
  } as typeof created;
};

/**
 * How every rule reports (never `context.report` directly; a test holds the rules to it): the report goes out with
 * the secrets in its data and its suggestions' data masked, whatever the rule put there (an env name, an OAuth key
 * or a URL may itself be a token). A wrapped context per file would cost every rule on every file; this costs a
 * report.
 */
export function reportMasked<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  descriptor: TSESLint.ReportDescriptor<MessageIds>,
): void {
  context.report(maskDescriptor(descriptor as Descriptor) as TSESLint.ReportDescriptor<MessageIds>);
}

type Descriptor = Parameters<TSESLint.RuleContext<string, readonly unknown[]>['report']>[0];
type Data = Record<string, unknown> | undefined;

function maskData(data: Data): Data {
  if (!data) return data;
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') continue;
    const safe = maskShown(value);
    if (safe !== value) (out ??= { ...data })[key] = safe;
  }
  return out ?? data;
}

function maskDescriptor(descriptor: Descriptor): Descriptor {
  const data = maskData(descriptor.data as Data);
  const suggest = descriptor.suggest?.map((s) => {
    const safe = maskData(s.data as Data);
    return safe === s.data ? s : { ...s, data: safe };
  });
  if (data === descriptor.data && (suggest === undefined || suggest.every((s, i) => s === descriptor.suggest![i]))) return descriptor;
  return { ...descriptor, data, ...(suggest ? { suggest } : {}) } as Descriptor;
}
