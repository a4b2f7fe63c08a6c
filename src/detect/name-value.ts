/**
 * `name=value` pairs inside a string (query strings, `.env`-style text, cookies). The name decides whether the value
 * is a credential (`classifyName`); this module only finds the pairs, linearly.
 */

/** `name=value` pairs (query strings, `.env`-style text, cookies): the name decides, via `classifyName` */
export const NAME_VALUE = /(?<![A-Za-z0-9_.-])([A-Za-z][A-Za-z0-9_.-]{0,60})=([^&#\s'"`=]{12,1024}={0,2})/g;
const NAME_VALUE_AT = new RegExp(NAME_VALUE.source, 'y');
const NAME_CHAR = /[A-Za-z0-9_.-]/;
const VALUE_STOP = /[&#\s'"`=]/;

/**
 * The matches of `NAME_VALUE`, found from each `=` instead of by a scan: a match needs 12 value characters after
 * its `=` and a name that starts with a letter at most 61 characters before it, so most `=` are dismissed at once.
 */
export function* nameValuePairs(text: string): Generator<RegExpExecArray> {
  let after = 0;
  for (let eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
    if (eq < after || eq === 0) continue;
    let enough = true;
    for (let i = eq + 1; i <= eq + 12; i++) {
      if (i >= text.length || VALUE_STOP.test(text[i]!)) {
        enough = false;
        break;
      }
    }
    if (!enough) continue;
    let start = eq;
    while (start > 0 && eq - start <= 61 && NAME_CHAR.test(text[start - 1]!)) start--;
    if (start === eq || eq - start > 61 || (start > 0 && NAME_CHAR.test(text[start - 1]!))) continue;
    NAME_VALUE_AT.lastIndex = start;
    const m = NAME_VALUE_AT.exec(text);
    if (!m) continue;
    after = m.index + m[0].length;
    yield m;
  }
}
