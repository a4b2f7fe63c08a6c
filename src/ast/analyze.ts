/**
 * One site, one verdict: the findings of a string site with their source ranges, whether each is a hardcoded
 * `process.env` fallback, and the env name it moves to. Shared by the rule (reports, suggestions) and the codemod
 * (edits), so both always agree.
 */
import type { Detector } from '../detect/index.js';
import type { Finding } from '../detect/types.js';
import { sourceRangeOf, type StringSite } from './sites.js';
import { chooseEnvName } from '../env/files.js';
import { envReadText, getStringContext, toDetectContext } from './strings.js';

export interface SiteFinding {
  readonly finding: Finding;
  /** Source offsets of the secret. */
  readonly range: [number, number];
  /** The site is the whole fallback of `process.env.<envName> ?? "…"`. */
  readonly isFallback: boolean;
  /** The env name to read: the fallback's own name, else the finding's. */
  readonly envName: string;
  /** How the code reads it: the fallback's read as written (`import.meta.env.X`), else `process.env.<envName>`. */
  readonly envRead: string;
}

export function analyzeSite(site: StringSite, detector: Detector, inTestFile: boolean): SiteFinding[] {
  const node = site.node;
  // a comment, a pattern or a name in code names nothing: only what a provider's format or a marker makes certain
  let findings = detector.detect(site.value, () =>
    node && site.kind !== 'regex' && site.kind !== 'identifier' ? toDetectContext(node, inTestFile) : { inComment: true, inTestFile },
  );
  // a concatenation adds only what crosses its pieces: what one string holds whole is that string's own finding
  if (site.pieceStarts) findings = findings.filter((f) => crossesPieces(site.pieceStarts!, site.value.length, f.start, f.end));
  if (findings.length === 0) return [];
  // the whole fallback of an env read: `process.env.X ?? "…"` (or a template without parts), `const { X = "…" } = process.env`
  const literal =
    node && site.kind === 'template' && node.parent?.type === 'TemplateLiteral' && node.parent.expressions.length === 0
      ? node.parent
      : site.kind === 'literal' || site.kind === 'concat'
        ? node
        : undefined;
  const fallback = literal && (literal.parent?.type === 'LogicalExpression' || literal.parent?.type === 'AssignmentPattern') ? getStringContext(literal) : undefined;
  const fallbackOf = fallback?.envFallback;
  return findings.map((finding) => {
    const isFallback = fallbackOf !== undefined && finding.start === 0 && finding.end === site.value.length;
    const envName = isFallback ? fallbackOf : finding.envName;
    return {
      finding,
      range: sourceRangeOf(site, finding.start, finding.end),
      isFallback,
      envName,
      envRead: envReadText(envName, isFallback ? fallback?.envFallbackSource : undefined),
    };
  });
}

/** Does the value range [start, end) reach into more than one piece (pieces start at `starts`, ascending)? */
function crossesPieces(starts: readonly number[], length: number, start: number, end: number): boolean {
  for (let i = 0; i < starts.length; i++) {
    const pieceEnd = i + 1 < starts.length ? starts[i + 1]! : length;
    if (start >= starts[i]! && end <= pieceEnd) return false;
  }
  return true;
}

/**
 * The env names a rule's suggestions give the secrets of one file, as the codemod gives them: a secret keeps the name
 * its finding proposes unless the code already reads that name (`process.env.GITHUB_TOKEN` for something else, or
 * after an earlier suggestion was applied) or another value of the file took it; it then gets the first free
 * `_2`, `_3`…. One value, one name. `readNames`: asked once, on the first secret of the file.
 */
export class FileEnvNames {
  /** names no new value may take: read by the code (asked on the first secret), or given to a value here */
  private taken: Set<string> | undefined;
  private readonly byValue = new Map<string, string>();
  /** where the search for a free `NAME_<n>` resumes, per name (`chooseEnvName`) */
  private readonly resumeAt = new Map<string, number>();

  constructor(private readonly readNames: () => ReadonlySet<string>) {}

  nameFor(proposed: string, value: string): string {
    const known = this.byValue.get(value);
    if (known !== undefined) return known;
    const taken = (this.taken ??= new Set(this.readNames()));
    const name = chooseEnvName(proposed, value, NO_ENV, taken, this.resumeAt);
    this.byValue.set(value, name);
    taken.add(name);
    return name;
  }
}

/** No `.env` for the rule: it names values from the code alone. */
const NO_ENV: ReadonlyMap<string, string> = new Map();
