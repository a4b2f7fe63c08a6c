import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { looksRandom } from './detect/entropy.js';
import { maskSecretsIn } from './detect/mask.js';
import { redact } from './detect/redact.js';
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

/** A long run of token characters in a message's data (`cfg.GHP_…`: a token upper-cased is no token for the mask). */
const TOKEN_RUN = /[A-Za-z0-9_+=-]{24,}/g;

/**
 * What a message may show of `text`: `maskSecretsIn`, then every long run of token characters that looks random
 * masked too. A rule's data names code (env names, keys, hosts, scopes): a random-looking run there is a secret
 * written where a name goes, or one changed past what the detector recognises.
 */
function maskMessageText(text: string): string {
  const masked = maskSecretsIn(text);
  return masked.length < 24 ? masked : masked.replace(TOKEN_RUN, (run) => (looksRandom(run) ? redact(run) : run));
}

function maskData(data: Data): Data {
  if (!data) return data;
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') continue;
    const safe = maskMessageText(value);
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
