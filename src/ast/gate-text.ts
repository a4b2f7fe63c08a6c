/**
 * The text the rules' whole-file gates read (`includes("process")`, the worker model's and `no-logged-secrets`' word
 * patterns). What those gates look for is code: an import source, an env read, a property key, a header name. A
 * string, template chunk, JSX text or comment of thousands of characters is data (an embedded image, a JSON blob, a
 * bundled asset): the gates skip it, so a file made of one huge literal costs them nothing. `no-hardcoded-secrets`
 * still reads every literal whole.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Files shorter than this are read whole (nothing in them is long enough to skip). */
export const GATE_WHOLE_FILE = 65_536;
/** A string, template chunk, JSX text or comment at least this long is skipped by the gates. */
export const GATE_LONG_TOKEN = 4_096;

const cache = new WeakMap<TSESTree.Program, string>();

/**
 * `sourceCode.text` without its strings, template chunks, JSX texts and comments of `GATE_LONG_TOKEN` characters or
 * more (each replaced by a space). Files under `GATE_WHOLE_FILE` characters, and files whose tokens are short on
 * average (ordinary code, however long), are returned as they are, without a walk. Cached per file.
 */
export function gateText(sourceCode: Readonly<TSESLint.SourceCode>): string {
  const text = sourceCode.text;
  if (text.length < GATE_WHOLE_FILE) return text;
  const ast = sourceCode.ast;
  const tokens = ast.tokens ?? [];
  const comments = ast.comments ?? [];
  // code averages a few characters per token: only a file whose tokens average 64 or more can hold enough long
  // literals to be worth a walk
  if ((tokens.length + comments.length) * 64 > text.length) return text;
  let cached = cache.get(ast);
  if (cached === undefined) {
    const skipped: [number, number][] = [];
    for (const token of tokens) {
      const type = token.type as string;
      if ((type === 'String' || type === 'Template' || type === 'JSXText') && token.range[1] - token.range[0] >= GATE_LONG_TOKEN) {
        skipped.push(token.range);
      }
    }
    for (const comment of comments) if (comment.range[1] - comment.range[0] >= GATE_LONG_TOKEN) skipped.push(comment.range);
    skipped.sort((a, b) => a[0] - b[0]);
    const pieces: string[] = [];
    let at = 0;
    for (const [start, end] of skipped) {
      if (start < at) continue;
      pieces.push(text.slice(at, start));
      at = end;
    }
    pieces.push(text.slice(at));
    cached = pieces.join(' ');
    cache.set(ast, cached);
  }
  return cached;
}
