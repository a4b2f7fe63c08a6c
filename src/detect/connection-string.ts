/**
 * Passwords of `key=value;` connection strings (ADO.NET, ODBC, OLE DB, and the JDBC-style lists many drivers read):
 * `Server=db;User Id=app;Password=…;`, `Driver={…};Uid=app;Pwd={…};`. A value may be braced (`{…}`, where `}}` is a
 * `}`), quoted (`'…'` or `"…"`, the quote doubled inside) or plain (up to the next `;`), so a password may hold a `;`
 * or spaces, which the `name=value` pairs of `name-value.ts` stop at. Only the finding of the password is here; the
 * detector decides whether it is a real one (`isRealPassword`).
 */
import { hasSolidRun, isSpaceCode } from './keywords.js';

/**
 * The names a password goes under in a connection string, as the keyword scan finds them (lower-case, then `=`, with
 * one space at most between: `Password = …`).
 */
export const CONNECTION_PASSWORD_KEYWORDS = ['password=', 'pwd=', 'password =', 'pwd ='] as const;

/** A key only a connection string has beside its password: the server, the database, the driver or the user. */
const CONNECTION_KEY =
  /(?:^|[;"'`\n])[ \t]*(?:server|data source|host|hostname|address|addr|network address|driver|provider|database|initial catalog|dsn|uid|user id|userid|user|username|port)[ \t]*=/i;
const SERVER_VALUE = /(?:^|[;"'`\n])[ \t]*(?:server|data source|host|hostname|address|addr|network address)[ \t]*=[ \t]*([^;"'`\n]*)/i;
const USER_VALUE = /(?:^|[;"'`\n])[ \t]*(?:uid|user id|userid|user|username)[ \t]*=[ \t]*([^;"'`\n]*)/i;

/** Shorter values are no password (`isRealPassword` asks for 4 characters as well). */
const MIN_PASSWORD = 4;
/** A braced or quoted value longer than this is no password: the search for its end stops there. */
const MAX_PASSWORD = 256;

export interface ConnectionPassword {
  /** The password's offsets in the text (inside the braces or quotes), as written there. */
  readonly start: number;
  readonly end: number;
  /** The password the driver reads: a braced value's `}}` is `}`, a quoted value's doubled quote is one. */
  readonly value: string;
}

/**
 * Is the character at `code` a pair's edge: `;` between pairs, or a quote, a backtick or a line break around the
 * string as written in a file? What comes before a pair's key (past any blanks), and what ends a plain value.
 */
function isPairEdge(code: number): boolean {
  return code === 59 || code === 34 || code === 39 || code === 96 || code === 10 || code === 13;
}

const isLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Where the value of a password key whose `=` is at `eq` starts (`Password=`, `Pwd=`, any case, at a pair's start,
 * past the blanks after the `=`), or -1.
 */
function passwordValueStart(text: string, eq: number): number {
  if (text.charCodeAt(eq) !== 61) return -1;
  const nameEnd = text.charCodeAt(eq - 1) === 32 ? eq - 1 : eq;
  let nameStart = nameEnd;
  while (nameStart > 0 && nameEnd - nameStart <= 8 && isLetterCode(text.charCodeAt(nameStart - 1))) nameStart--;
  const length = nameEnd - nameStart;
  if (length !== 8 && length !== 3) return -1;
  const name = text.slice(nameStart, nameEnd).toLowerCase();
  if (name !== 'password' && name !== 'pwd') return -1;
  let before = nameStart;
  while (before > 0 && (text.charCodeAt(before - 1) === 32 || text.charCodeAt(before - 1) === 9)) before--;
  if (before > 0 && !isPairEdge(text.charCodeAt(before - 1))) return -1;
  let at = eq + 1;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  return at;
}

/**
 * The prefilters' necessary condition for a password at the `=` at `eq` (`connectionPasswordAt` finds it): its key,
 * then a plain value of 4 characters, or an opening brace or quote with 4 characters after it. A braced or quoted
 * value is not read to its end here: in a file's text, the quote that closes the string may sit right after it.
 */
export function connectionPasswordMayStart(text: string, eq: number): boolean {
  const at = passwordValueStart(text, eq);
  if (at < 0) return false;
  const open = text.charCodeAt(at);
  if (open === 123 || open === 34 || open === 39) return text.length - at - 1 >= MIN_PASSWORD;
  let end = at;
  while (end < text.length && end - at < MIN_PASSWORD && !isPairEdge(text.charCodeAt(end))) end++;
  return end - at >= MIN_PASSWORD;
}

/**
 * The password whose `=` is at `eq` (`Password=`, `Pwd=`, any case, at a pair's start), or undefined. No context: the
 * value has 4 characters or more.
 */
export function connectionPasswordAt(text: string, eq: number): ConnectionPassword | undefined {
  const at = passwordValueStart(text, eq);
  if (at < 0) return undefined;
  const open = text.charCodeAt(at);
  // `{…}` up to a `}`, `'…'` or `"…"` up to the same quote, each not doubled (a doubled one stands for itself)
  const close = open === 123 ? 125 : open === 34 || open === 39 ? open : -1;
  let start = at;
  let end = at;
  if (close >= 0) {
    start = end = at + 1;
    for (; end < text.length && end - start <= MAX_PASSWORD; end++) {
      if (text.charCodeAt(end) !== close) continue;
      if (text.charCodeAt(end + 1) !== close) break;
      end++;
    }
    if (text.charCodeAt(end) !== close) return undefined;
  } else {
    // plain: up to a `;`, a quote or a line break, without the blanks before it
    while (end < text.length && end - start <= MAX_PASSWORD && !isPairEdge(text.charCodeAt(end))) end++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  }
  if (end - start < MIN_PASSWORD) return undefined;
  const written = text.slice(start, end);
  const closer = String.fromCharCode(close);
  return { start, end, value: close >= 0 ? written.replaceAll(closer + closer, closer) : written };
}

/**
 * Every password of `text` read as a connection string, with what the detector weighs it by: the user (a password
 * equal to it is none) and the server (a local one asks for more). None unless the text also names a server, a
 * database, a driver or a user (`password=…` alone is a `name=value` pair, read as one), and none in a text without a
 * run of 10 characters that are no white space (the detector's first step rules such a text out: `hasSolidRun`).
 */
export function connectionPasswords(text: string): (ConnectionPassword & { user: string; server: string })[] {
  if (!CONNECTION_KEY.test(text) || !hasSolidRun(text)) return [];
  const out: (ConnectionPassword & { user: string; server: string })[] = [];
  const user = USER_VALUE.exec(text)?.[1]?.trim() ?? '';
  const server = SERVER_VALUE.exec(text)?.[1]?.trim() ?? '';
  let after = 0;
  for (let eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
    if (eq < after) continue;
    const found = connectionPasswordAt(text, eq);
    if (!found) continue;
    out.push({ ...found, user, server });
    after = found.end;
  }
  return out;
}
