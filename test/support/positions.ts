/** 1-based line/column span of the `nth` (0-based) occurrence of `needle` in `code`, as ESLint reports it. */
export function span(code: string, needle: string, nth = 0): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = code.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`needle #${nth} not in the test code`);
  }
  const position = (offset: number) => {
    const before = code.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const start = position(index);
  const end = position(index + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
