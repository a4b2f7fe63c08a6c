/**
 * The only way a secret reaches any output: a short public prefix and at most the last four characters.
 * Short secrets show less: a 12-character password must not be half printed.
 */
const MAX_PREFIX = 14;

export function redact(secret: string, prefix = ''): string {
  const shownPrefix = prefix && secret.startsWith(prefix) && prefix.length <= MAX_PREFIX ? prefix : '';
  const rest = secret.length - shownPrefix.length;
  const tail = rest >= 20 ? 4 : rest >= 12 ? 2 : 0;
  return `${shownPrefix}…${tail ? secret.slice(-tail) : ''}`;
}

/** Replace every given range of `text` by its redaction; ranges must not overlap. */
export function redactRanges(
  text: string,
  ranges: readonly { start: number; end: number; prefix?: string }[],
): string {
  let out = '';
  let last = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < last) continue;
    out += text.slice(last, r.start) + redact(text.slice(r.start, r.end), r.prefix);
    last = r.end;
  }
  return out + text.slice(last);
}
