/**
 * User options shared by the rules and the codemod, compiled into a `Detector` once per distinct option set.
 * User patterns are length-bounded and only ever run on a finding's value (≤ 4 KiB), never on whole files.
 */
import { holdsShownSecret } from './mask.js';
import { Detector } from './index.js';
import { uniformFormat } from './providers.js';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TokenFormat } from './types.js';

export interface ExtraPattern {
  /** Display name, e.g. `Acme API key`. */
  name: string;
  /** Regular expression source (no delimiters), at most 200 characters. */
  pattern: string;
  /** Lower-case literal that every match contains (the prefilter keyword), at least 3 characters. */
  keyword: string;
  /** Env name to suggest; default `API_SECRET`. */
  envName?: string;
}

export interface DetectorOptions {
  allowValues?: readonly string[];
  allowPatterns?: readonly string[];
  ignoreProviders?: readonly string[];
  extraPatterns?: readonly ExtraPattern[];
}

export const MAX_USER_PATTERN_LENGTH = 200;

/** JSON schema pieces for the options above (descriptions on every property, no defaults inside). */
export const detectorOptionsSchema: Record<string, JSONSchema4> = {
  allowValues: {
    type: 'array',
    // no `uniqueItems`: ESLint's message for a repeated entry would quote the value (a repeat is harmless)
    items: { type: 'string', minLength: 1, maxLength: 4096 },
    description: 'Exact values that are never reported (a known test fixture, a deliberately public key).',
  },
  allowPatterns: {
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: MAX_USER_PATTERN_LENGTH },
    description: 'Regular expressions (source, `u` flag); a finding whose value matches one is not reported.',
  },
  ignoreProviders: {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    uniqueItems: true,
    description: 'Format ids (`stripe-secret-key`) or provider names (`Stripe`) never reported.',
  },
  extraPatterns: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'pattern', 'keyword'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 80, description: 'Display name of the credential.' },
        pattern: {
          type: 'string',
          minLength: 1,
          maxLength: MAX_USER_PATTERN_LENGTH,
          description: 'Regular expression source matching the credential.',
        },
        keyword: {
          type: 'string',
          minLength: 3,
          maxLength: 40,
          description: 'Lower-case literal every match contains; the pattern only runs where it occurs.',
        },
        envName: { type: 'string', pattern: '^[A-Z_][A-Z0-9_]*$', description: 'Env name to suggest.' },
      },
    },
    description: 'Your own credential formats, checked like the built-in ones.',
  },
};

function compileUserPattern(source: string, what: string): RegExp {
  if (source.length > MAX_USER_PATTERN_LENGTH) throw new Error(`worker-auth: ${what} is longer than ${MAX_USER_PATTERN_LENGTH} characters.`);
  try {
    return new RegExp(source, 'u');
  } catch (error) {
    // the engine's message quotes the pattern (`Invalid regular expression: /…/u: …`), which may hold a secret written
    // with escapes no mask reads (`SG\.…`): only the problem is shown
    const problem = (error as Error).message.replace(/^Invalid regular expression: \/[^]*\/[a-z]*: /, '');
    throw new Error(`worker-auth: ${what} is not a valid regular expression (${problem}).`);
  }
}

const cache = new Map<string, Detector>();

/** A detector for these options (cached: rules create one per lint run, not per file). */
const byObject = new WeakMap<object, Detector>();

export function getDetector(options: DetectorOptions = {}): Detector {
  // rules pass the same merged options object for every file (see create-rule.ts): skip the key building, and the
  // table lookup when it is the last one asked for
  if (options === last.options) return last.detector!;
  let detector = byObject.get(options);
  if (!detector) {
    detector = getDetectorByValue(options);
    byObject.set(options, detector);
  }
  last = { options, detector };
  return detector;
}

let last: { options: object | undefined; detector: Detector | undefined } = { options: undefined, detector: undefined };

/** A character outside ASCII. */
const NON_ASCII = /[^\x00-\x7f]/;

function getDetectorByValue(options: DetectorOptions): Detector {
  const key = JSON.stringify([options.allowValues, options.allowPatterns, options.ignoreProviders, options.extraPatterns]);
  let detector = cache.get(key);
  if (!detector) {
    const extraFormats: TokenFormat[] = (options.extraPatterns ?? []).map((p, i) => {
      const re = compileUserPattern(p.pattern, `extraPatterns[${i}].pattern`);
      // the keyword is not quoted in the error: it may hold (a piece of) a secret
      if (NON_ASCII.test(p.keyword)) throw new Error(`extraPatterns[${i}].keyword must be ASCII (the keyword pass reads ASCII only).`);

      return uniformFormat({
        id: `user-${i}-${p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        provider: p.name,
        kind: 'credential',
        class: 'secret',
        // a name that looks like a secret itself is never copied into a suggestion or a report
        envName: p.envName !== undefined && !holdsShownSecret(p.envName) ? p.envName : 'API_SECRET',
        keywords: [p.keyword.toLowerCase()],
        pattern: re,
        // user matches are bounded: never run on strings over 4 KiB
        validate: (token: string) => token.length <= 4096,
        ref: 0,
        status: 'X2',
      });
    });
    detector = new Detector({
      ignore: options.ignoreProviders ?? [],
      allowValues: options.allowValues ?? [],
      allowPatterns: (options.allowPatterns ?? []).map((p, i) => compileUserPattern(p, `allowPatterns[${i}]`)),
      extraFormats,
    });
    if (cache.size > 32) cache.clear();
    cache.set(key, detector);
  }
  return detector;
}
