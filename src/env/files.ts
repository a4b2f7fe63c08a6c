/**
 * Pure text functions for `.env` / `.env.example` files, plus re-exports of the `.gitignore` helper and the
 * atomic-write I/O helpers (see `gitignore.ts`, `io.ts`).
 *
 * Env text is always parsed with dotenv's own parser, never by hand. Every merge re-parses its result and checks
 * that existing keys still parse to the same values and that each added key parses to exactly the value written,
 * so a merge can never silently corrupt a file.
 *
 * SECURITY: values are secrets. No function here logs, and no error message or exception text contains a value
 * (only variable names, which are not secret).
 *
 * dotenv 17 parser rules this module relies on (lib/main.js `parse`):
 * - The whole source has `\r\n` and lone `\r` turned into `\n` first, so a raw CR can never survive in a value.
 * - A line is `[export ]KEY=value` or `KEY: value`; KEY is `[\w.-]+` at the start of a line.
 * - Unquoted values stop at `#` (comment) or end of line and are trimmed.
 * - `'…'`, `"…"` and `` `…` `` values may span lines; the quotes are stripped and the content kept verbatim
 *   (surrounding whitespace inside the quotes kept). Content cannot contain its own quote character (a
 *   backslash-quote pair is accepted by the matcher but NOT unescaped: `\"` stays two characters).
 * - Only in double quotes: `\n` becomes LF and `\r` becomes CR. There is no escape for backslash, so a value
 *   with a literal backslash followed by `n`/`r` cannot be double-quoted.
 * - A value that matches no quoted form is read unquoted to the first `#`, e.g. `KEY="x" y` yields `"x" y`.
 * - dotenv does not expand `$VAR` (dotenv-expand would); single quotes are preferred for such values.
 * - Quirk: `KEY=` followed by a line that starts with a quote gives KEY that quoted value.
 *
 * `node --env-file=.env` (and `util.parseEnv`, the same parser) reads a value differently (Node 20's
 * src/node_dotenv.cc): every raw CR of the file is dropped, only `\n` is expanded in double quotes (`\r` stays a
 * backslash and an `r`), and a quoted value ends at the first closing quote (`'it's'` is `it`, where dotenv falls
 * back to `it's`). A value is written only in a form that both read back exactly (`valueCandidates`): a value holding
 * a CR has none (dotenv turns a raw CR into a line feed, Node drops it; dotenv decodes `\r`, Node does not), so it
 * stays in the code, for a manual edit.
 */
import { parseEnv as nodeParseEnv } from 'node:util';
import { parse } from 'dotenv';
import { detectEol, endsWithBlankLine, missingLineEnd } from './eol.js';

export { detectEol } from './eol.js';

export { ensureGitignore, gitignoreVerdicts, type EnsureGitignoreResult } from './gitignore.js';
export { readTextIfExists, writeFileAtomic, type WriteFileAtomicOptions } from './io.js';

/** dotenv's key grammar (`[\w.-]+`). */
const ENV_NAME = /^[\w.-]+$/;
/** Values written unquoted: shell-safe characters only. Anything else is quoted. */
const BARE_SAFE = /^[\w./:@%+,=-]+$/;

export interface EnvExampleEntry {
  readonly name: string;
  /** Provider name or similar, written as a `# <comment>` line above the group. Never a value. */
  readonly comment?: string | undefined;
}

export interface DotEnvEntry {
  readonly name: string;
  readonly value: string;
  readonly comment?: string | undefined;
}

export interface MergeEnvExampleResult {
  readonly text: string;
  /** Names appended, in file order. */
  readonly added: string[];
}

export interface MergeDotEnvResult {
  readonly text: string;
  /** Names appended, in file order. */
  readonly added: string[];
  /** Entries whose name already existed (left untouched); `sameValue` tells whether the file holds the same value. */
  readonly kept: { name: string; sameValue: boolean }[];
}

/** Thrown when a value cannot be written so that dotenv parses it back exactly. The message names only the key. */
export class EnvValueEncodingError extends Error {
  readonly envName: string;
  constructor(envName: string) {
    super(
      `Cannot store ${envName} in .env: dotenv and node --env-file cannot both read its value back exactly ` +
        `(it holds a CR, or mixes quote characters with a line break, "#" or surrounding whitespace). Value not shown.`,
    );
    this.name = 'EnvValueEncodingError';
    this.envName = envName;
  }
}

/** Parse env text with dotenv's parser. Later duplicates win, as in dotenv. */
export function parseEnvText(text: string): Map<string, string> {
  return new Map(Object.entries(parse(text)));
}

/** Names declared in env text (`KEY=`, `export KEY=`, `KEY: v`, empty values included). */
export function envNames(text: string | undefined): Set<string> {
  return new Set(text === undefined ? [] : parseEnvText(text).keys());
}

export function isValidEnvName(name: string): boolean {
  return ENV_NAME.test(name);
}

function assertEnvName(name: string): void {
  if (!isValidEnvName(name)) {
    throw new TypeError(`Invalid environment variable name ${JSON.stringify(name)}: dotenv keys are [A-Za-z0-9_.-]+`);
  }
}

/**
 * Candidate encodings of a value, most preferred first; callers keep the first one dotenv parses back exactly
 * (see `encodeEnvValue`). "Clean" forms come first: their content never contains their own quote character, a
 * trailing backslash or (single-line forms) a line break, so they read the same in older dotenv versions and in
 * other dotenv-style parsers. The remaining forms only round-trip through dotenv's fallbacks (e.g. `'it's'` is
 * read as an unquoted value whose outer quotes are stripped), and are used only when no clean form exists. Only forms
 * that `node --env-file` reads back exactly too are returned (`nodeReadsBack`): none for a value holding a CR.
 */
function valueCandidates(value: string, eol: string): string[] {
  const multiline = /[\r\n]/.test(value);
  const trailingBackslash = value.endsWith('\\');
  const literal = value.replace(/\n/g, eol);
  const forms: { text: string; clean: boolean }[] = [
    { text: value, clean: value === '' || BARE_SAFE.test(value) },
    { text: `'${value}'`, clean: !/['\r\n]/.test(value) && !trailingBackslash },
    // Double quotes: the only form with an escape (`\n`; Node reads no `\r`), so line breaks stay on one line of the file.
    {
      text: `"${value.replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`,
      clean: !value.includes('"') && !trailingBackslash,
    },
    { text: `\`${value}\``, clean: !/[`\r\n]/.test(value) && !trailingBackslash },
    // Literal multi-line forms in the file's own line ending (dotenv turns CRLF into LF when parsing).
    { text: `'${literal}'`, clean: multiline && !/['\r]/.test(value) && !trailingBackslash },
    { text: `\`${literal}\``, clean: multiline && !/[`\r]/.test(value) && !trailingBackslash },
  ];
  const ordered = [...forms.filter((f) => f.clean), ...forms.filter((f) => !f.clean)].map((f) => f.text);
  return [...new Set(ordered)].filter((text) => nodeReadsBack(text, value));
}

/**
 * Does `node --env-file` read `K=<encoded>` as exactly `value`? Asked of Node's own parser (`util.parseEnv`, the one
 * `--env-file` uses), after the one rule no Node version's reading changes: a CR never survives (raw, Node drops it;
 * as `\r`, Node keeps a backslash and an `r`). A line follows holding every quote character: Node looks for a
 * value's closing quote past its line (`` K=`\ `` alone reads as written, but takes the lines after it up to the next
 * backtick), so a form must close on its own.
 */
function nodeReadsBack(encoded: string, value: string): boolean {
  return !value.includes('\r') && nodeParseEnv(`K=${encoded}\nQ='"\`\n`)['K'] === value;
}

function roundTrips(encoded: string, value: string): boolean {
  return parse(`K=${encoded}\n`)['K'] === value;
}

/** The value as it would be written after `NAME=` (isolated line, LF file), or undefined when impossible. */
function tryEncode(value: string, eol: string = '\n'): string | undefined {
  return valueCandidates(value, eol).find((c) => roundTrips(c, value));
}

/**
 * Whether `value` can be written to a `.env` file so that dotenv and `node --env-file` both read it back exactly.
 * False for every value holding a carriage return (no form carries one to both), and for values that mix quote kinds
 * (`'`, `"`, `` ` ``) so that no quoted form holds them whole (Node ends a quoted value at its first closing quote).
 */
export function canEncodeEnvValue(value: string): boolean {
  return tryEncode(value) !== undefined;
}

/**
 * The text to write after `NAME=` so that dotenv's `parse` and `node --env-file` return exactly `value`: unquoted
 * when shell-safe, else single quotes, else double quotes (with `\n` escapes), else backticks, else a literal
 * multi-line form. Throws
 * `EnvValueEncodingError` (naming `nameForErrors`, never the value) when no form round-trips.
 */
export function encodeEnvValue(value: string, nameForErrors = 'value'): string {
  const encoded = tryEncode(value);
  if (encoded === undefined) throw new EnvValueEncodingError(nameForErrors);
  return encoded;
}

/**
 * Returns `base` when it is free (not in `existing`, not in `taken`) or already holds `value` in `existing`;
 * otherwise the first of `base_2`, `base_3`, … that is free or holds the same value. A returned name never refers
 * to a different value already present in `.env`.
 */
export function chooseEnvName(
  base: string,
  value: string,
  existing: ReadonlyMap<string, string>,
  taken: ReadonlySet<string>,
  /**
   * Per base, the suffix to start from, kept up to date here: for a caller that never asks about a value `existing`
   * already holds (so every lower suffix is taken or holds another value), thousands of values sharing one base
   * cost linear time, not quadratic.
   */
  resumeAt?: Map<string, number>,
): string {
  for (let i = resumeAt?.get(base) ?? 1; ; i++) {
    const name = i === 1 ? base : `${base}_${i}`;
    if (existing.has(name)) {
      if (existing.get(name) === value) return name;
      continue;
    }
    if (!taken.has(name)) {
      resumeAt?.set(base, i);
      return name;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Appending

function cleanComment(comment: string | undefined): string | undefined {
  if (comment === undefined) return undefined;
  const c = comment.replace(/[\r\n]+/g, ' ').trim();
  return c === '' ? undefined : c;
}

interface Group<E> {
  readonly comment: string | undefined;
  readonly entries: E[];
}

/** Groups entries by comment: uncommented entries first, then one group per comment in first-appearance order. */
function groupEntries<E extends { readonly comment?: string | undefined }>(entries: readonly E[]): Group<E>[] {
  const plain: Group<E> = { comment: undefined, entries: [] };
  const byComment = new Map<string, Group<E>>();
  for (const e of entries) {
    const c = cleanComment(e.comment);
    if (c === undefined) {
      plain.entries.push(e);
      continue;
    }
    let g = byComment.get(c);
    if (!g) byComment.set(c, (g = { comment: c, entries: [] }));
    g.entries.push(e);
  }
  return [...(plain.entries.length > 0 ? [plain] : []), ...byComment.values()];
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The `# comment` text heading the file's last block (lines after the last blank line), if the file ends in it. */
function trailingBlockComment(text: string): string | undefined {
  const lines = splitLines(text);
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0 || (lines[lines.length - 1] ?? '').trim() === '') return undefined;
  let start = lines.length - 1;
  while (start > 0 && (lines[start - 1] ?? '').trim() !== '') start--;
  const first = (lines[start] ?? '').trim();
  return first.startsWith('#') ? first.slice(1).trim() : undefined;
}

/**
 * Appends groups of lines to `original`, one entry at a time: `pick` gets the text so far (with the group's heading)
 * and returns it with the entry's line added, or undefined to give up (the whole result is then undefined).
 */
function appendGroups<E extends { readonly name: string; readonly comment?: string | undefined }>(
  original: string,
  groups: Group<E>[],
  pick: (before: string, entry: E, eol: string) => string | undefined,
): string | undefined {
  const eol = detectEol(original);
  let text = original;
  let fixedEnd = false;
  let reuseComment = trailingBlockComment(original);
  for (const group of groups) {
    let prefix = fixedEnd ? '' : missingLineEnd(text, eol);
    fixedEnd = true;
    if (group.comment !== undefined && group.comment !== reuseComment) {
      if (!endsWithBlankLine(text + prefix)) prefix += eol;
      prefix += `# ${group.comment}${eol}`;
    }
    reuseComment = undefined;
    for (const entry of group.entries) {
      const next = pick(`${text}${prefix}`, entry, eol);
      if (next === undefined) return undefined;
      text = next;
      prefix = '';
    }
  }
  return text;
}

/**
 * Appends groups with each entry's first candidate line (`render`) whose result passes `verify` (a dotenv re-parse
 * of the whole text); throws `fail(entry)` when none does.
 */
function appendVerifiedEach<E extends { readonly name: string; readonly comment?: string | undefined }>(
  original: string,
  groups: Group<E>[],
  render: (entry: E, eol: string) => string[],
  verify: (text: string, entry: E) => boolean,
  fail: (entry: E) => Error,
): string {
  return appendGroups(original, groups, (before, entry, eol) => {
    const accepted = render(entry, eol)
      .map((line) => `${before}${line}${eol}`)
      .find((candidate) => verify(candidate, entry));
    if (accepted === undefined) throw fail(entry);
    return accepted;
  })!;
}

/** Does `line` alone parse to exactly `name` with `value`? */
function lineParsesTo(line: string, eol: string, name: string, value: string): boolean {
  const parsed = parseEnvText(`${line}${eol}`);
  return parsed.size === 1 && parsed.get(name) === value;
}

/** Does `text` parse to exactly `expected` plus `added` (names not in `expected`)? */
function parsesTo(text: string, expected: ReadonlyMap<string, string>, added: readonly (readonly [string, string])[]): boolean {
  const parsed = parseEnvText(text);
  if (parsed.size !== expected.size + added.length) return false;
  for (const [k, v] of expected) if (parsed.get(k) !== v) return false;
  for (const [k, v] of added) if (parsed.get(k) !== v) return false;
  return true;
}

/**
 * The lines appended in one go (each chosen by how it parses alone) when the whole result then parses to exactly
 * what it should, else undefined. One parse of the file in all, where verifying after each line would parse it
 * once per line (thousands of names made that quadratic); the per-line path stays for texts this one cannot
 * settle (an existing line the new ones would change the reading of).
 */
function appendVerifiedOnce<E extends { readonly name: string; readonly comment?: string | undefined }>(
  original: string,
  groups: Group<E>[],
  render: (entry: E, eol: string) => string[],
  value: (entry: E) => string,
  expected: ReadonlyMap<string, string>,
): string | undefined {
  const out = appendGroups(original, groups, (before, e, eol) => {
    const line = render(e, eol).find((l) => lineParsesTo(l, eol, e.name, value(e)));
    return line === undefined ? undefined : `${before}${line}${eol}`;
  });
  if (out === undefined) return undefined;
  const added = groups.flatMap((g) => g.entries.map((e) => [e.name, value(e)] as const));
  return parsesTo(out, expected, added) ? out : undefined;
}

/** A verifier: the new text must parse to exactly `expected` plus the entry's key with `value`. */
function makeVerifier(expected: Map<string, string>) {
  return (text: string, name: string, value: string): boolean => parsesTo(text, expected, [[name, value]]);
}

/**
 * Appends `NAME=` lines for names missing from `.env.example` text (never a value), grouped under one
 * `# <comment>` line per comment. Keeps every existing byte and the file's line ending; identical string when
 * nothing is added.
 */
export function mergeEnvExample(
  text: string | undefined,
  entries: readonly EnvExampleEntry[],
): MergeEnvExampleResult {
  const original = text ?? '';
  const expected = parseEnvText(original);
  const toAdd: EnvExampleEntry[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    assertEnvName(e.name);
    if (expected.has(e.name) || seen.has(e.name)) continue;
    seen.add(e.name);
    toAdd.push(e);
  }
  if (toAdd.length === 0) return { text: original, added: [] };
  const groups = groupEntries(toAdd);
  const added = groups.flatMap((g) => g.entries.map((e) => e.name));
  const once = appendVerifiedOnce(original, groups, (e) => [`${e.name}=`], () => '', expected);
  if (once !== undefined) return { text: once, added };
  const check = makeVerifier(expected);
  const out = appendVerifiedEach(
    original,
    groups,
    (e) => [`${e.name}=`],
    (candidate, e) => {
      const ok = check(candidate, e.name, '');
      if (ok) expected.set(e.name, '');
      return ok;
    },
    (e) => new Error(`Cannot add ${e.name} to .env.example without changing how its existing lines parse`),
  );
  return { text: out, added };
}

/**
 * Appends `NAME=value` lines for names missing from `.env` text; never overwrites an existing key (reported in
 * `kept`). Values are quoted so that dotenv parses them back exactly; throws `EnvValueEncodingError` (naming the
 * key only) when that is impossible. Keeps every existing byte and the line ending; identical string when nothing
 * is added.
 */
export function mergeDotEnv(text: string | undefined, entries: readonly DotEnvEntry[]): MergeDotEnvResult {
  const original = text ?? '';
  const existing = parseEnvText(original);
  const expected = new Map(existing);
  const toAdd: DotEnvEntry[] = [];
  const kept: { name: string; sameValue: boolean }[] = [];
  const addedValues = new Map<string, string>();
  for (const e of entries) {
    assertEnvName(e.name);
    if (existing.has(e.name)) {
      kept.push({ name: e.name, sameValue: existing.get(e.name) === e.value });
    } else if (addedValues.has(e.name)) {
      kept.push({ name: e.name, sameValue: addedValues.get(e.name) === e.value });
    } else {
      addedValues.set(e.name, e.value);
      toAdd.push(e);
    }
  }
  if (toAdd.length === 0) return { text: original, added: [], kept };
  const groups = groupEntries(toAdd);
  const render = (e: DotEnvEntry, eol: string): string[] => valueCandidates(e.value, eol).map((v) => `${e.name}=${v}`);
  const once = appendVerifiedOnce(original, groups, render, (e) => e.value, expected);
  const added = groups.flatMap((g) => g.entries.map((e) => e.name));
  if (once !== undefined) return { text: once, added, kept };
  const check = makeVerifier(expected);
  const out = appendVerifiedEach(
    original,
    groups,
    render,
    (candidate, e) => {
      const ok = check(candidate, e.name, e.value);
      if (ok) expected.set(e.name, e.value);
      return ok;
    },
    (e) => new EnvValueEncodingError(e.name),
  );
  return { text: out, added, kept };
}
