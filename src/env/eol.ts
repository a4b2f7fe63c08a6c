/** Line-ending helpers shared by the env/gitignore text functions. */

/** The file's line ending: CRLF when its first line break is CRLF, else LF. */
export function detectEol(text: string | undefined): '\n' | '\r\n' {
  if (text === undefined) return '\n';
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** What to append so that non-empty `text` ends with a line break ('' when it already does or is empty). */
export function missingLineEnd(text: string, eol: string): string {
  if (text.length === 0 || text.endsWith('\n')) return '';
  return eol === '\r\n' && text.endsWith('\r') ? '\n' : eol;
}

/** True when the text is blank or its last line (before the final line break) is blank. */
export function endsWithBlankLine(text: string): boolean {
  if (text.trim() === '') return true;
  const lines = text.split(/\r?\n/);
  return lines.length >= 2 && lines[lines.length - 1] === '' && (lines[lines.length - 2] ?? '').trim() === '';
}
