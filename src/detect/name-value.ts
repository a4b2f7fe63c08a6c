/**
 * `name=value` pairs inside a string (query strings, `.env`-style text, cookies). The name decides whether the value
 * is a credential (`classifyName`); this module only finds the pairs, linearly.
 */
import { asciiTable, isSpaceCode, PAIR_VALUE_MIN, VALUE_STOP } from './keywords.js';

export { PAIR_VALUE_MIN };

/** `name=value` pairs (query strings, `.env`-style text, cookies): the name decides, via `classifyName` */
export const NAME_VALUE = /(?<![A-Za-z0-9_.-])([A-Za-z][A-Za-z0-9_.-]{0,60})=([^&#;\s'"`=][^&#;\s'"`]{11,1025})/g;
const NAME_VALUE_AT = new RegExp(NAME_VALUE.source, 'y');
/** `[A-Za-z0-9_.-]` (a name character) by char code below 128; what ends a value is `VALUE_STOP` */
const NAME_CHAR = asciiTable((ch) => (/[A-Za-z0-9_.-]/.test(ch) ? 1 : 0));
const isNameChar = (c: number): boolean => c < 128 && NAME_CHAR[c] === 1;
/** white space outside ASCII (`\u00a0`, `\u2028`, `\ufeff`…) stops a value too, as `\s` does */
const isValueStop = (c: number): boolean => (c < 128 ? VALUE_STOP[c] === 1 : isSpaceCode(c));

/**
 * The matches of `NAME_VALUE`, found from each `=` instead of by a scan: a match needs 12 value characters after
 * its `=` and a name that starts with a letter at most 61 characters before it, so most `=` are dismissed at once
 * (by table lookups: this runs on every string and comment with an `=`).
 */
export function nameValuePairs(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let after = 0;
  for (let eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
    if (eq < after || eq === 0) continue;
    if (eq + PAIR_VALUE_MIN >= text.length) break;
    const m = pairAt(text, eq);
    if (!m) continue;
    after = m.index + m[0].length;
    out.push(m);
  }
  return out;
}

/**
 * The name of the `NAME_VALUE` match whose `=` is at `eq`, undefined when none has it there. Each `=` on its own:
 * no match found at another `=` hides this one (a file prefilter reads pairs across the strings of a file, where a
 * pair of one string must not be taken for the value of another's).
 */
export function pairNameAt(text: string, eq: number): string | undefined {
  return pairAt(text, eq)?.[1];
}

/**
 * The `NAME_VALUE` match whose `=` is at `eq`, or null: 12 value characters after it and a name starting with a letter
 * at most 61 characters before it, checked by table lookups before the pattern runs (name characters hold no `=`, so
 * a match from the name's start has its `=` at `eq`).
 */
function pairAt(text: string, eq: number): RegExpExecArray | null {
  if (eq === 0 || eq + PAIR_VALUE_MIN >= text.length || text.charCodeAt(eq + 1) === 61) return null;
  for (let i = eq + 1; i <= eq + PAIR_VALUE_MIN; i++) if (isValueStop(text.charCodeAt(i))) return null;
  let start = eq;
  while (start > 0 && eq - start <= 61 && isNameChar(text.charCodeAt(start - 1))) start--;
  if (start === eq || eq - start > 61 || (start > 0 && isNameChar(text.charCodeAt(start - 1)))) return null;
  NAME_VALUE_AT.lastIndex = start;
  const m = NAME_VALUE_AT.exec(text);
  NAME_VALUE_AT.lastIndex = 0;
  return m;
}
