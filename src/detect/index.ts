/**
 * The one detector: is this string (or a part of it) a secret, of which provider, under which env name?
 * Used by every rule and by the codemod. Decides from reviewed data (`providers.ts`), the position's context
 * (`context.ts`), placeholders and randomness. Linear in the length of the string: one keyword prefilter, then
 * only the formats whose keyword occurs.
 */
import { decodeBase64, decodeJwt } from './checksums.js';
import { classifyContext, classifyName, contextText, genericEnvName, namesPassword, SDK_CALLEES, splitWords, toEnvName } from './context.js';
import { isPasswordHash, looksRandom, PASSWORD_ONLY_CHARS, shannonEntropy } from './entropy.js';
import { decodeEntities, cookEscapes, hasEntity, isBlankCode, someValueRun, somePasswordValue } from './file-text.js';
import { CONNECTION_PASSWORD_KEYWORDS, connectionPasswordMayStart, connectionPasswords } from './connection-string.js';
import { nameValuePairs, PAIR_VALUE_MIN, pairNameAt } from './name-value.js';
import { asciiTable, charMask, DROP_NEXT, DROP_REACH, DROP_RULE, DROP_UNLESS_JWT_OPENS, DROP_UNLESS_PAIR_VALUE, DROP_WIDTH, hasSolidRun, maskHolds, isSpaceCode, KeywordAutomaton, SHAPE_DIGIT, SHAPE_LOWER, SHAPE_NON_ASCII, SHAPE_NOT_TOKEN, SHAPE_SPACE, SHAPE_UPPER, shapeOfCode, newScanScratch, type ScanScratch } from './keywords.js';
import { charsAfterPrefix, keywordOffset, keywordOffsets, keywordsStartEveryMatch, leadingSolidOf, longestRuns, minRunOf, RUN_ALPHABET_COUNT } from './pattern-reading.js';
import { hasFakeWord, isFakeBody, isKnownExample, isPlaceholder } from './placeholders.js';
import { SHARED_PREFIX_OWNERS, TOKEN_FORMATS, type SharedPrefixOwner } from './providers.js';
import { DEFAULT_MIN_BODY_ENTROPY, type DetectContext, type Finding, type TokenFormat } from './types.js';

export type { DetectContext, Finding, TokenFormat } from './types.js';
export { redact, redactRanges } from './redact.js';
/** The global marker patterns, for tests that hold the anchored search to them. @internal */
export const MARKER_PATTERNS = { get jwt() { return JWT; }, get url() { return URL_USERINFO; }, get scheme() { return SCHEME_VALUE; }, get authScheme() { return AUTH_SCHEME_VALUE; } };
export { TOKEN_FORMATS } from './providers.js';

export interface DetectOptions {
  /** Format ids or provider names (case-insensitive) never reported. */
  readonly ignore?: readonly string[];
  /** Exact values never reported. */
  readonly allowValues?: readonly string[];
  /** Patterns (already compiled, user-supplied, bounded by the caller) whose matches are never reported. */
  readonly allowPatterns?: readonly RegExp[];
  /** Extra user formats, checked like built-in ones. */
  readonly extraFormats?: readonly TokenFormat[];
}

/** A secret-detection engine compiled for one set of formats. Build once, use for many strings. */
export class Detector {
  private readonly formats: readonly TokenFormat[];
  private readonly globalPatterns = new Map<TokenFormat, RegExp>();
  /**
   * per format, once asked (`anchorOf`): for an anchored one (every keyword sits at a known offset in a match) its
   * sticky pattern and, per keyword, where it starts in a match; null for the others
   */
  private readonly anchors = new Map<TokenFormat, Anchor | null>();
  /** every keyword and marker */
  private readonly keywords: KeywordAutomaton;
  /** keyword → formats it (or a keyword it starts with) selects */
  private readonly byKeyword = new Map<string, TokenFormat[]>();
  private readonly contextOnly: TokenFormat[] = [];
  /**
   * prefix-less formats: the longest run of each of `RUN_ALPHABETS` every match holds (`minRunOf`), `RUN_ALPHABET_COUNT`
   * numbers per format in `contextOnly`'s order
   */
  private readonly minRuns: Int32Array;
  /** the least of the first alphabet's runs in `minRuns` (`[A-Za-z0-9_/+-]`): a string whose longest run is shorter matches no prefix-less format */
  private readonly shortestMinRun: number;
  /** prefix-less formats with the same pattern share one test per string: each one's first format's index in `contextOnly` */
  private readonly samePatternAs: Int32Array;
  /** `contextOnlyShapes`' reused state: the longest runs of a text, and each format's verdict (0 untested, 1 no, 2 yes) */
  private readonly textRuns = new Int32Array(RUN_ALPHABET_COUNT);
  private readonly verdicts: Uint8Array;
  /** anchored formats: `leadingSolidOf` their pattern */
  private readonly solids = new Map<TokenFormat, number>();
  /** reused by the prefilters: where the next white space after a keyword hit is */
  private readonly solidCursor = new SolidCursor();
  /** reused by the prefilters: the run bounds of a long text's hits (see `RunBounds`) */
  private readonly runBounds = new RunBounds();
  /** the keyword scan's reusable output (one detector serves one string at a time) */
  private readonly scratch: ScanScratch;
  /** the `stateInfo` of each state a hit was in so far, in flat tables, for the prefilters' loops over hits (see `flattenState`) */
  private readonly flat: FlatChecks;
  /** the formats the flat checks name, by index, and their sticky patterns (undefined: not anchored) */
  private readonly formatOf: TokenFormat[] = [];
  private readonly stickyOf: (RegExp | undefined)[] = [];
  private readonly formatIndex = new Map<TokenFormat, number>();
  private readonly ignore: Set<string>;
  /** the patterns of the formats `ignore` turns off: a value one of them matches is not reported as a generic secret either */
  private readonly ignoredPatterns: RegExp[] = [];
  private readonly allowValues: Set<string>;
  private readonly allowPatterns: readonly RegExp[];
  /** user formats: their patterns are not ours to vouch for, so they only run on bounded input */
  private readonly userFormats: Set<TokenFormat>;

  constructor(options: DetectOptions = {}) {
    this.formats = [...TOKEN_FORMATS, ...(options.extraFormats ?? [])];
    this.userFormats = new Set(options.extraFormats ?? []);
    this.ignore = new Set((options.ignore ?? []).map((s) => s.toLowerCase()));
    this.allowValues = new Set(options.allowValues ?? []);
    this.allowPatterns = options.allowPatterns ?? [];
    const keywords = new Set<string>(MARKERS);
    for (const f of this.formats) {
      if (this.ignore.has(f.id.toLowerCase()) || this.ignore.has(f.provider.toLowerCase())) {
        this.ignoredPatterns.push(new RegExp(f.pattern.source, f.pattern.flags.replace(/[gy]/g, '')));
        continue;
      }
      this.globalPatterns.set(f, new RegExp(f.pattern.source, `${f.pattern.flags.replace(/[gy]/g, '')}g`));
      if (f.keywords.length === 0) {
        this.contextOnly.push(f);
      }
      for (const k of f.keywords) keywords.add(k);
    }
    // a keyword selects every format with a keyword it starts with: look its prefixes up, not every format
    const byOwnKeyword = new Map<string, number[]>();
    this.formats.forEach((f, index) => {
      if (!this.globalPatterns.has(f)) return;
      for (const fk of new Set(f.keywords)) {
        const list = byOwnKeyword.get(fk);
        if (list) list.push(index);
        else byOwnKeyword.set(fk, [index]);
      }
    });
    for (const k of keywords) {
      const indexes = new Set<number>();
      for (let end = 1; end <= k.length; end++) for (const index of byOwnKeyword.get(k.slice(0, end)) ?? []) indexes.add(index);
      this.byKeyword.set(k, [...indexes].sort((a, b) => a - b).map((index) => this.formats[index]!));
    }
    this.keywords = new KeywordAutomaton(keywords);
    // a state's checks are read when a hit is first in it: most texts hit few keywords (M's 48,000 strings select 19
    // of 182 formats), and reading every pattern up front was most of a detector's build
    const states = this.keywords.stateCount;
    this.scratch = newScanScratch(states);
    this.flat = {
      ready: new Uint8Array(states),
      markers: new Uint32Array(states),
      from: new Uint32Array(states),
      to: new Uint32Array(states),
      reach: new Int32Array(states),
      format: [],
      length: [],
      offset: [],
      solid: [],
      next: [],
      nextMask: [],
      user: [],
    };
    this.minRuns = new Int32Array(this.contextOnly.length * RUN_ALPHABET_COUNT);
    this.samePatternAs = new Int32Array(this.contextOnly.length);
    this.verdicts = new Uint8Array(this.contextOnly.length);
    const firstWithPattern = new Map<string, number>();
    this.contextOnly.forEach((f, index) => {
      // with case folding over Unicode (`iu`), a letter class also matches non-ASCII letters (`ſ`, `K`); a user's
      // pattern is not ours to read (0 proves nothing: it always runs)
      const folds = f.pattern.flags.includes('i') && /[uv]/.test(f.pattern.flags);
      if (!folds && !this.userFormats.has(f)) {
        for (let k = 0; k < RUN_ALPHABET_COUNT; k++) this.minRuns[index * RUN_ALPHABET_COUNT + k] = minRunOf(f.pattern.source, k);
      }
      const key = `${f.pattern.flags.replace(/[gy]/g, '')}/${f.pattern.source}`;
      if (!firstWithPattern.has(key)) firstWithPattern.set(key, index);
      this.samePatternAs[index] = firstWithPattern.get(key)!;
    });
    let shortest = Infinity;
    for (let index = 0; index < this.contextOnly.length; index++) shortest = Math.min(shortest, this.minRuns[index * RUN_ALPHABET_COUNT]!);
    this.shortestMinRun = shortest;
  }

  /** Every secret in `text` (a string value or a comment), sorted by position, non-overlapping. */
  detect(text: string, context: DetectContext | (() => DetectContext) = {}): Finding[] {
    if (text.length < 6) return [];
    // a comment is no whole value (`matchWholeValue`), and with no name around it no prefix-less format applies
    const comment = typeof context !== 'function' && context.inComment === true && !contextText(context).trim();
    const found = this.detectScanned(text, context, this.keywords.scanInto(text, this.scratch), comment);
    if (!mayHoldEscapedBase64(text)) return found;
    // a base64 token written percent-encoded, cut by an escape before the least body of its format: read decoded
    return withEncodedTokens(text, found, (decoded) => this.detectScanned(decoded, context, this.keywords.scanInto(decoded, this.scratch), comment));
  }

  /**
   * `detect`, after the keyword pass over `text` (its `count` hits and its shape in `this.scratch`). `comment`: the
   * context is a comment's, which names nothing (only provider keywords and in-string markers can find anything).
   */
  private detectScanned(text: string, context: DetectContext | (() => DetectContext), count: number, comment: boolean): Finding[] {
    const hits = this.prefilter(text, count);
    const shape = this.scratch.shape;
    // the shape from the same pass: a token-shaped value (no spaces, a digit) and a possible whole-value secret
    const tokenish =
      !comment &&
      this.contextOnly.length > 0 &&
      text.length >= 16 &&
      text.length <= 1024 &&
      (shape & (SHAPE_NOT_TOKEN | SHAPE_DIGIT)) === SHAPE_DIGIT;
    // every whole-value check asks `looksRandom` of the text or a part of it, which reads no value with fewer than two
    // of lower-case, upper-case and digit (`application/json`, `/v1/users/search`: half of the strings that get here)
    const wholeValue =
      !comment && text.length >= 16 && hasMixedKinds(shape) && ((shape & (SHAPE_SPACE | SHAPE_NON_ASCII)) === 0 || couldBeWholeValue(text, shape));
    let shaped: readonly TokenFormat[] | undefined;
    if (!hits) {
      // no keyword: only a prefix-less format (whose shape needs no context) or a whole value (whose context-free
      // checks come first) can be found, so both are tried before anything is allocated
      if (tokenish) shaped = this.contextOnlyShapes(text);
      // `NONE` when none (compared, not measured: the one frozen empty array and the lists of formats are two kinds of
      // array to V8, and a read of their length where it has seen one kind only leaves its optimised code)
      const anyShape = shaped !== undefined && shaped !== NONE;
      if (!anyShape && !(wholeValue && mayBeWholeValue(text, shape))) return [];
      // probing (`mayHoldSecret`): what is left needs the context, a prefix-less shape or a whole value (unless it is a
      // documented example, `matchWholeValue`'s last check before it asks); said here, not thrown from deep inside
      if (context === needContext) return anyShape || !isKnownExample(trimValue(text)) ? NEEDS_CONTEXT : [];
    }
    let ctx: DetectContext | undefined = typeof context === 'function' ? undefined : context;
    const getContext = (): DetectContext => (ctx ??= (context as () => DetectContext)());
    const findings: Finding[] = [];
    /** ranges claimed by a recognised non-secret (publishable key, identifier) or a finding */
    const claimed = new Claims(text.length);
    const candidates = hits ? hits.formats : [];
    // provider formats without a prefix: only for token-shaped values whose shape one of them matches, and only when
    // the context names the provider (the shape first: it needs no context)
    if (tokenish) {
      shaped ??= this.contextOnlyShapes(text);
      if (shaped !== NONE) {
        const words = contextText(getContext());
        if (words.trim()) for (const f of shaped) if (f.contextWords?.some((w) => words.includes(w))) candidates.push(f);
      }
    }
    for (const format of candidates) this.matchFormat(format, text, getContext, findings, claimed, hits?.starts);
    if (hits && hits.markers !== 0) this.matchMarkers(text, hits.markers, hits.markerEnds, getContext, findings, claimed);
    if (!comment) this.matchWholeValue(text, getContext, findings, claimed);
    if (findings.length === 0) return findings;
    // in a test file only what is certain by its prefix or checksum: the context is read for that (a marker's
    // finding may not have needed it)
    const inTestFile = findings.some((f) => !isCertainToken(f)) && getContext().inTestFile === true;
    return findings
      .map((f) => withPercentEncodedRest(text, f))
      .filter((f) => !this.isAllowed(f))
      .filter((f) => !inTestFile || isCertainToken(f))
      .sort((a, b) => a.start - b.start);
  }

  /**
   * The detector's own first step, for callers that scan many strings: false when `detect(text, context)` is sure to
   * find nothing whatever the context. Runs the detection itself as far as it goes without a context, so a string
   * passes only when it holds a finding or when the context (a parent walk for the caller) would decide. `comment`:
   * the text is a comment's, to be detected with a comment's context (`{ inComment: true }`, no names).
   */
  mayHoldSecret(text: string, where: 'string' | 'comment' = 'string'): boolean {
    if (text.length < 6) return false;
    // every finding of ours holds a run of 10 non-space characters (the shortest: `ab://:pass@`, `-----BEGIN`); one
    // cheap pass for one rules out prose, labels and short values before the keyword pass (user formats may be
    // shorter, so not with them)
    if (this.userFormats.size === 0 && !hasSolidRun(text)) return false;
    try {
      const found = this.detectScanned(text, needContext, this.keywords.scanInto(text, this.scratch), where === 'comment');
      if (found === NEEDS_CONTEXT || found.length > 0) return true;
    } catch (error) {
      if (error === NEED_CONTEXT) return true;
      throw error;
    }
    // a base64 token written percent-encoded (see `detect`)
    if (!mayHoldEscapedBase64(text)) return false;
    const decoded = decodeEscapes(text);
    return decoded !== text && this.mayHoldSecret(decoded, where);
  }

  /**
   * Whole-file prefilter, without a parse: false when no string or comment of `text` (a source file) can hold a
   * finding, so the file need not be parsed, nor its strings looked at one by one. Sound for every path of
   * `detect`: what a string holds, the file holds at the same place, between delimiters that no pattern's edge
   * reads as part of a token (held by a test over every format); escapes and JSX entities are read both as written
   * and decoded. One keyword pass, a look at each hit, and a look before each closing delimiter.
   */
  mayContainSecret(text: string, { jsx = true }: { jsx?: boolean } = {}): boolean {
    if (this.textMayHold(text, jsx)) return true;
    // a secret written in pieces (`"…" + "…"`, read whole by the rule and the codemod): the file with its string
    // concatenations joined
    const joined = joinLiteralSubstitutions(joinConcatenations(text));
    return joined !== text && this.textMayHold(joined, jsx);
  }

  /** `mayContainSecret` of a text, without joining its concatenations. */
  private textMayHold(text: string, jsx: boolean): boolean {
    if (this.fileMayHold(text, jsx)) return true;
    // a base64 token written percent-encoded, read decoded (see `detect`)
    if (mayHoldEscapedBase64(text)) {
      const decoded = decodeEscapes(text);
      if (decoded !== text && this.fileMayHold(decoded, jsx)) return true;
    }
    // a value written with escapes (`"\u0053SWS …"`, `\/`) is read as cooked, and with `jsx` (the file may hold
    // JSX), an attribute value with HTML entities (`&#x67;hp_…`) as decoded
    if (text.includes('\\')) {
      const cooked = cookEscapes(text);
      if (cooked !== text && this.fileMayHold(cooked, jsx)) return true;
      // a regular expression's escapes (`/\bghp_…\b/`, `new RegExp("\\bghp_…")`) are read by the rule as separators: the
      // text with each run of backslashes and the letter or digit after it turned into as many spaces
      const spaced = escapesAsSpaces(text);
      if (spaced !== text && this.fileMayHold(spaced, jsx)) return true;
    }
    if (jsx && hasEntity(text) && this.fileMayHold(decodeEntities(text), jsx)) return true;
    // a generated password with quotes or brackets, where a name says one (`matchWholeValue`), read as the rule reads it
    return somePasswordValue(text, (span) => passwordSpanMayHold(span, jsx));
  }

  /** `mayContainSecret` of a text as it reads (no escapes or entities decoded). */
  private fileMayHold(text: string, jsx: boolean): boolean {
    const count = this.keywords.scanInto(text, this.scratch);
    const buffer = this.scratch.buffer;
    const flat = this.flat;
    let scanned: Set<number> | undefined;
    let jwtStart: ((text: string, end: number) => number) | undefined;
    // most keyword hits are dismissed by the white space after them (see `prefilter`)
    const solids = this.solidCursor.reset(text);
    // the run bounds of a long ASCII text; none for a short one
    const bounds = this.runBounds.reset(this.scratch, count, text.length);
    for (let h = 0; h < count; h++) {
      const state = buffer[2 * h]!;
      const end = buffer[2 * h + 1]!;
      if (flat.ready[state] === 0) this.flattenState(state);
      let marks = flat.markers[state]!;
      if (marks & JWT_MARKER && (bounds?.endsWithin(end, JWT_REACH) || !mayOpenJwt(text, end))) marks &= ~JWT_MARKER;
      if (marks !== 0 && markerMatchAt(text, marks, end, (jwtStart ??= jwtStarts()))) return true;
      const reach = flat.reach[state]!;
      if (reach !== NO_REACH && bounds?.endsWithin(end, reach)) continue;
      const last = flat.to[state]!;
      for (let c = flat.from[state]!; c < last; c++) {
        // a user pattern never runs on a whole file (its linearity is not ours to check): its keyword is enough
        if (flat.user[c] === 1) return true;
        const start = end - flat.length[c]! + 1 - flat.offset[c]!;
        if (start < 0) continue;
        const index = flat.format[c]!;
        const sticky = this.stickyOf[index];
        if (!sticky) {
          // not anchored: the pattern over the whole text, once
          if ((scanned ??= new Set()).has(index)) continue;
          scanned.add(index);
          if (testWhole(this.globalPatterns.get(this.formatOf[index]!)!, text)) return true;
          continue;
        }
        const next = flat.next[c]!;
        if (next !== '' && !nextMayFollow(flat.nextMask, c, text, end + 1)) continue;
        if (bounds?.breaks(h, start, end, flat.solid[c]!) || !solids.holds(start, flat.solid[c]!)) continue;
        sticky.lastIndex = start;
        if (sticky.test(text)) return true;
      }
    }
    // whole values and prefix-less formats: a string, template chunk or JSX text that is one run of token characters
    return someValueRun(
      text,
      jsx,
      ({ run, filled, dollar, schemed }) =>
        this.runMayHold(run, filled) || (dollar && this.runMayHold(run.slice(0, -1), filled)) || (schemed && run.length >= 16 && looksRandom(run)),
    );
  }

  /**
   * Could `run` (token characters before a closing delimiter) be, or end, a whole value `detect` reports with some
   * context? `filled`: an opening delimiter comes before it (but for white space), so it may be the whole value.
   */
  private runMayHold(run: string, filled: boolean): boolean {
    if (run.length < 16) return false;
    if (filled) {
      // the run may be the whole value (an opener inside a string, `"a}b…"`, also ends a run)
      if (run.length <= 512 && mayBeWholeValue(run, 0)) return true;
      if (this.contextOnly.length > 0 && isTokenishRun(run) && this.contextOnlyShapes(run).length > 0) return true;
    }
    // `user:password` (a Basic credential built in code): the user may hold characters no token does, so the run may
    // start inside it; its first colon is the value's first (a user holds none), and no `/` anywhere
    const colon = run.indexOf(':');
    return colon >= 0 && !run.includes('/') && looksRandom(run.slice(colon + 1));
  }

  /** The prefix-less formats whose pattern matches `text` (their context is asked for only then); `NONE` when none. */
  private contextOnlyShapes(text: string): readonly TokenFormat[] {
    // one pass for the longest run of each alphabet rules out most patterns without running them (a string with a
    // digit is no rarity: `n8n-nodes-base.awsLambda`, a URL with an id), and all of them when the longest run of token
    // characters is shorter than the shortest any format needs
    const runs = this.textRuns;
    longestRuns(text, runs);
    if (runs[0]! < this.shortestMinRun) return NONE;
    const verdicts = this.verdicts;
    verdicts.fill(0);
    let shaped: TokenFormat[] | undefined;
    formats: for (let index = 0; index < this.contextOnly.length; index++) {
      const base = index * RUN_ALPHABET_COUNT;
      for (let k = 0; k < RUN_ALPHABET_COUNT; k++) if (this.minRuns[base + k]! > runs[k]!) continue formats;
      // formats with one pattern (a 32-digit hex secret is several providers' shape) run it once
      const first = this.samePatternAs[index]!;
      if (verdicts[first] === 0) {
        const re = this.globalPatterns.get(this.contextOnly[first]!);
        verdicts[first] = re !== undefined && testWhole(re, text) ? 2 : 1;
      }
      if (verdicts[first] === 2) (shaped ??= []).push(this.contextOnly[index]!);
    }
    return shaped ?? NONE;
  }

  private isAllowed(f: Finding): boolean {
    if (this.ignore.has(f.id.toLowerCase()) || this.ignore.has(f.provider.toLowerCase())) return true;
    // a token of an ignored format in a secret-named place: the format is what the option turns off
    if (f.findingKind !== 'provider' && f.value.length <= MAX_USER_PATTERN_INPUT && this.ignoredPatterns.some((re) => re.test(f.value))) return true;
    if (this.allowValues.has(f.value)) return true;
    return this.allowPatterns.some((re) => {
      re.lastIndex = 0;
      return re.test(f.value);
    });
  }

  /**
   * From the keyword pass over the text (Aho–Corasick, `count` hits in `this.scratch`): which in-string markers occur,
   * and which formats match where their keyword occurs; undefined when nothing does.
   */
  private prefilter(text: string, count: number): Hits | undefined {
    if (count === 0) return undefined;
    const buffer = this.scratch.buffer;
    let markers = 0;
    let formats: TokenFormat[] | undefined;
    let starts: Map<TokenFormat, number[]> | undefined;
    const solids = this.solidCursor.reset(text);
    // the run bounds of a long ASCII text; none for a short one
    const bounds = this.runBounds.reset(this.scratch, count, text.length);
    const flat = this.flat;
    // where the anchored markers end (`eyj`, `://`, `bearer ` and the other schemes): their patterns are tried there
    let markerEnds: IntList | undefined;
    for (let h = 0; h < count; h++) {
      const state = buffer[2 * h]!;
      const end = buffer[2 * h + 1]!;
      if (flat.ready[state] === 0) this.flattenState(state);
      let marks = flat.markers[state]!;
      // a `name=value` whose name is no credential's (`sourceMappingURL=…`, `resource=row`) is no finding: the pairs
      // `matchMarkers` reads are those that start at these hits, and it asks their names first
      if (marks & PAIR_MARKER && !pairMayHold(text, end)) marks &= ~PAIR_MARKER;
      // a JWT has no white space: an `eyJ` whose run ends too soon starts none (see `reach` below)
      if (marks & JWT_MARKER && (bounds?.endsWithin(end, JWT_REACH) || !mayOpenJwt(text, end))) marks &= ~JWT_MARKER;
      // a `://` with no `user:password@` after it (a link in a doc comment, an API base URL) and a scheme word with no
      // value after it start no match: `matchMarkers` asks the same (`urlStart`, `schemeStart`) before each pattern
      if (marks & URL_MARKER && urlStart(text, end) < 0) marks &= ~URL_MARKER;
      if (marks & SCHEME_MARKERS && schemeStart(text, end) < 0) marks &= ~SCHEME_MARKERS;
      if (marks & CONNECTION_MARKER && !connectionPasswordMayStart(text, end)) marks &= ~CONNECTION_MARKER;
      markers |= marks;
      if (marks & ANCHORED_MARKERS) (markerEnds ??= new IntList()).push(end);
      // most hits of a flood of near misses end a run too short for every check of their state: the run ends at
      // the latest at the white space before the next hit past it
      const reach = flat.reach[state]!;
      if (reach !== NO_REACH && bounds?.endsWithin(end, reach)) continue;
      const last = flat.to[state]!;
      for (let c = flat.from[state]!; c < last; c++) {
        const start = end - flat.length[c]! + 1 - flat.offset[c]!;
        if (start < 0) continue;
        const index = flat.format[c]!;
        const sticky = this.stickyOf[index];
        if (sticky) {
          // an anchored format is tried only where one of its keywords starts (sticky), never scanned for; a
          // keyword that starts no match (`ac` in `account`, a near miss) is mostly dismissed without running the
          // pattern: its match would start with `solid` characters that are not white space
          const next = flat.next[c]!;
          if (next !== '' && !nextMayFollow(flat.nextMask, c, text, end + 1)) continue;
          if (bounds?.breaks(h, start, end, flat.solid[c]!) || !solids.holds(start, flat.solid[c]!)) continue;
          if (flat.user[c] === 1 && text.length > MAX_USER_PATTERN_INPUT) continue;
          const format = this.formatOf[index]!;
          // once the format matched in this text, its later starts are kept untested: `matchFormat` tries them in
          // order and skips those inside a match, where a test per hit would read the same long match again from
          // each (a PuTTY body may hold spaces: 2,000 headers in a row took quadratic time)
          const list = starts?.get(format);
          if (list) {
            list.push(start);
            continue;
          }
          sticky.lastIndex = start;
          if (!sticky.test(text)) continue;
          (starts ??= new Map()).set(format, [start]);
          (formats ??= []).push(format);
        } else {
          const format = this.formatOf[index]!;
          if (!formats?.includes(format)) (formats ??= []).push(format);
        }
      }
    }
    if (formats === undefined && markers === 0) return undefined;
    return { formats: formats ?? [], markers, starts: starts ?? new Map(), markerEnds: markerEnds ?? NO_ENDS };
  }

  /**
   * For tests: the JWT, URL user-info and scheme matches `matchMarkers` tries, found from the marker hits (each
   * must equal `text.matchAll` of the global pattern).
   * @internal
   */
  anchoredMarkerMatches(text: string): { jwt: string[]; url: string[]; scheme: string[] } {
    const hits = this.prefilter(text, this.keywords.scanInto(text, this.scratch));
    const ends = hits?.markerEnds ?? NO_ENDS;
    const shown = (ms: RegExpExecArray[]): string[] => ms.map((m) => `${m.index}:${m[0]}`);
    return {
      jwt: shown(anchoredMatches(JWT_AT, text, ends, jwtStarts())),
      url: shown(anchoredMatches(URL_USERINFO_AT, text, ends, urlStart)),
      scheme: shown(anchoredMatches(SCHEME_VALUE_AT, text, ends, schemeStart)),
    };
  }

  /**
   * For tests: the markers the prefilter keeps in `text` (their keywords: `eyj`, `://`, `bearer `…, `=` for pairs).
   * @internal
   */
  keptMarkers(text: string): string[] {
    const markers = this.prefilter(text, this.keywords.scanInto(text, this.scratch))?.markers ?? 0;
    const kept = SINGLE_MARKERS.filter((_, i) => markers & (1 << i));
    if (markers & PAIR_MARKER) kept.push('=');
    if (markers & CONNECTION_MARKER) kept.push('password=');
    return kept;
  }

  /**
   * For tests: where the prefilter found each anchored format's match starts (`format id → starts`, ascending), and
   * the formats it selected; every match `text.matchAll` of a format's global pattern finds must start at one of them.
   * @internal
   */
  anchoredFormatStarts(text: string): { starts: Map<string, number[]>; formats: string[] } {
    const hits = this.prefilter(text, this.keywords.scanInto(text, this.scratch));
    const starts = new Map<string, number[]>();
    for (const [format, list] of hits?.starts ?? []) starts.set(format.id, [...new Set(list)].sort((a, b) => a - b));
    return { starts, formats: (hits?.formats ?? []).map((f) => f.id) };
  }

  /** `leadingSolidOf` the format's pattern (0, proving nothing, for user formats: not ours to read). */
  private leadingSolid(format: TokenFormat): number {
    let solid = this.solids.get(format);
    if (solid === undefined) {
      solid = this.userFormats.has(format) ? 0 : leadingSolidOf(format.pattern.source);
      this.solids.set(format, solid);
    }
    return solid;
  }

  /**
   * Read `state`'s checks into the flat tables (once, on its first hit): a hit reads its state's markers and the range
   * of its checks, and each check's numbers, from a few compact tables instead of objects spread over the heap (a
   * flood of keyword hits, or the first strings of a file right after its parse, then touches few cache lines).
   */
  private flattenState(state: number): void {
    const flat = this.flat;
    const info = this.stateInfo(state);
    flat.markers[state] = info.markers;
    flat.from[state] = flat.format.length;
    for (const check of info.checks) {
      let index = this.formatIndex.get(check.format);
      if (index === undefined) {
        index = this.formatOf.length;
        this.formatIndex.set(check.format, index);
        this.formatOf.push(check.format);
        this.stickyOf.push(check.sticky);
      }
      flat.format.push(index);
      flat.length.push(check.length);
      flat.offset.push(check.offset);
      flat.solid.push(check.solid);
      flat.next.push(check.next);
      flat.nextMask.push(...(check.next === '' ? ANY_CHAR : charMask(check.next)));
      flat.user.push(check.user ? 1 : 0);
    }
    flat.to[state] = flat.format.length;
    // a check holds only when its match's start (end − length + 1 − offset) is followed by `solid` characters that
    // are no white space: end + (solid − length + 1 − offset) ≤ the first white space from the start, which is at
    // most the first white space after the end. A state none of whose checks can reach that far is dismissed from
    // the hit's end alone (no checks at all: nothing to dismiss, the markers are read apart)
    flat.reach[state] =
      info.checks.length === 0 || info.checks.some((check) => !check.sticky || check.user)
        ? NO_REACH
        : Math.min(...info.checks.map((check) => check.solid - check.length + 1 - check.offset));
    // a state whose checks are all anchored ones of ours, and whose only marker (if any) is a pair's: its hits are
    // dropped by the scan where their run ends too soon or the character after them starts no check
    // (`ScanScratch.drop`); a pair's value is 12 characters that are no white space (`pairMayHold`), after any
    const pair = info.markers === PAIR_MARKER;
    const checks = flat.to[state]! - flat.from[state]!;
    const checksReach = flat.reach[state]!;
    if (((info.markers === 0 && checks > 0) || pair) && (checks === 0 || checksReach !== NO_REACH)) {
      const pairReach = PAIR_VALUE_MIN + 1;
      const reach = checks === 0 ? pairReach : pair ? Math.min(checksReach, pairReach) : checksReach;
      // the characters any check takes next (a pair takes any)
      let next = ANY_CHAR;
      if (!pair) {
        const union = [0, 0, 0, 0];
        for (let c = flat.from[state]!; c < flat.to[state]!; c++) for (let w = 0; w < 4; w++) union[w]! |= flat.nextMask[4 * c + w]!;
        next = union;
      }
      // a pair's `=` alone: also dropped where no value follows it
      this.setDrop(state, Math.max(reach, 0), next, checks === 0 ? DROP_UNLESS_PAIR_VALUE : 0);
    } else if (info.markers === JWT_MARKER && checks === 0) {
      // a JWT's `eyJ` alone: its run must reach a JWT's least length, its next character be base64url, and no
      // base64url character come before it (`mayOpenJwt`)
      this.setDrop(state, JWT_REACH, JWT_NEXT, DROP_UNLESS_JWT_OPENS);
    }
    flat.ready[state] = 1;
  }

  /** Writes a state's entry of the scan's `ScanScratch.drop` table: its reach, the characters that may follow, its rule. */
  private setDrop(state: number, reach: number, next: readonly number[], rule: number): void {
    const drop = this.scratch.drop!;
    const at = DROP_WIDTH * state;
    drop[at + DROP_REACH] = reach;
    for (let w = 0; w < 4; w++) drop[at + DROP_NEXT + w] = next[w]!;
    drop[at + DROP_RULE] = rule;
  }

  /**
   * Is `format` anchored (every keyword sits at a known offset from its match's start: 0 when the pattern starts
   * with it), and where? Read from its pattern when first asked.
   */
  private anchorOf(format: TokenFormat): Anchor | undefined {
    let anchor = this.anchors.get(format);
    if (anchor === undefined) {
      anchor = readAnchor(format);
      this.anchors.set(format, anchor);
    }
    return anchor ?? undefined;
  }

  /** What a hit in an automaton state means: the markers it completes and the formats to try (read once, by `flattenState`). */
  private stateInfo(state: number): StateInfo {
    const info: StateInfo = { markers: 0, checks: [] };
    for (const k of this.keywords.keywordsOf(state)) {
      info.markers |= MARKER_BITS.get(k) ?? 0;
      for (const format of this.byKeyword.get(k) ?? []) {
        const anchor = this.anchorOf(format);
        if (!anchor) {
          info.checks.push({ format, sticky: undefined, length: k.length, offset: 0, solid: 0, next: '', user: this.userFormats.has(format) });
          continue;
        }
        // the format's keyword that `k` starts with, and where it sits in a match
        const own = format.keywords.filter((fk) => k.startsWith(fk)).flatMap((fk) => anchor.offsets.get(fk)!);
        const solid = this.leadingSolid(format);
        const user = this.userFormats.has(format);
        for (const offset of new Set(own)) {
          // what the character after the keyword must be (`PuTTY-User-Key-File-[23]`): a near miss is dismissed by it
          const next = user ? undefined : charsAfterPrefix(format.pattern.source, format.pattern.flags, offset + k.length);
          info.checks.push({ format, sticky: anchor.sticky, length: k.length, offset, solid, next: next ?? '', user });
        }
      }
    }
    return info;
  }


  private matchFormat(
    format: TokenFormat,
    text: string,
    getContext: () => DetectContext,
    findings: Finding[],
    claimed: Claims,
    hitStarts?: ReadonlyMap<TokenFormat, number[]>,
  ): void {
    if (this.userFormats.has(format) && text.length > MAX_USER_PATTERN_INPUT) return;
    const starts = hitStarts?.get(format);
    // keywords at different offsets may list starts out of order
    if (starts && starts.length > 1) starts.sort((a, b) => a - b);
    const re = starts ? this.anchorOf(format)!.sticky : this.globalPatterns.get(format)!;
    re.lastIndex = 0;
    // an anchored format is tried only where its keywords put a match start (sticky), never scanned over the whole
    // text once per format: a flood of near misses stays linear
    let next = 0;
    let after = 0;
    const exec = (): RegExpExecArray | null => {
      if (!starts) return re.exec(text);
      while (next < starts.length) {
        const at = starts[next++]!;
        if (at < after) continue;
        re.lastIndex = at;
        const m = re.exec(text);
        if (m) {
          after = m.index + m[0].length;
          return m;
        }
      }
      return null;
    };
    for (let m = exec(); m; m = exec()) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const token = m.groups?.token ?? m[0];
      const start = m.index + (m.groups?.token !== undefined ? m[0].indexOf(token) : 0);
      const end = start + token.length;
      if (claimed.overlaps(start, end)) continue;
      if (format.contextWords) {
        const ctx = getContext();
        if (format.keywords.length > 0 && !format.contextWords.some((w) => contextText(ctx).includes(w))) continue;
        // a prefix-less format leans on its context: a label that says "not a secret" (`clientId`) wins
        if (format.keywords.length === 0 && classifyContext(ctx) === 'not-secret') continue;
      }
      if (format.validate && !format.validate(token)) continue;
      const prefix = prefixOf(format, token);
      if (isKnownExample(token) || isFakeBody(token.slice(prefix.length), format.minEntropy ?? DEFAULT_MIN_BODY_ENTROPY)) {
        claimed.add(start, end);
        continue;
      }
      claimed.add(start, end);
      if (format.class !== 'secret') continue;
      // a prefix other providers issue too: the context names the one it is (`CLERK_SECRET_KEY`, `svixSecret`)
      const owners = SHARED_PREFIX_OWNERS.get(format.id);
      const owner = owners && sharedPrefixOwner(owners, getContext());
      const rotateUrl = owner ? owner.rotateUrl : format.rotateUrl;
      findings.push({
        id: format.id,
        provider: owner ? owner.provider : format.provider,
        kind: owner ? owner.kind : format.kind,
        findingKind: format.id.endsWith('private-key') ? 'private-key' : 'provider',
        confidence: format.status === 'UNV' || (format.contextWords && !format.validate) ? 'medium' : 'high',
        start,
        end,
        envName: owner ? owner.envName : format.envName,
        value: token,
        prefix,
        ...(rotateUrl ? { rotateUrl } : {}),
      });
    }
  }

  /** `Bearer …`, `Basic …`, `token …`, URL user-info, credential query parameters, JWTs. */
  private matchMarkers(
    text: string,
    markers: number,
    markerEnds: IntList,
    getContext: () => DetectContext,
    findings: Finding[],
    claimed: Claims,
  ): void {
    // each pattern is tried only where its marker puts the start of a match (sticky), never scanned over the text: a
    // flood of near misses stays linear and costs one short try per marker
    if (markers & JWT_MARKER) {
      for (const m of anchoredMatches(JWT_AT, text, markerEnds, jwtStarts())) {
        const finding = this.jwtFinding(m[0], m.index, getContext);
        if (claimed.overlaps(m.index, m.index + m[0].length)) continue;
        claimed.add(m.index, m.index + m[0].length);
        if (finding) findings.push(finding);
      }
    }
    // user-info needs an `@`
    if (markers & URL_MARKER && text.includes('@')) {
      for (const m of anchoredMatches(URL_USERINFO_AT, text, markerEnds, urlStart)) {
        const user = m[2]!;
        const password = m[3]!;
        const start = m.index + m[1]!.length + 3 + user.length + 1;
        const end = start + password.length;
        if (claimed.overlaps(start, end)) continue;
        if (!isRealPassword(user, password, text.slice(end + 1, end + 40))) continue;
        claimed.add(start, end);
        const scheme = m[1]!.toLowerCase();
        findings.push({
          id: 'url-password',
          provider: SCHEME_PROVIDER[scheme] ?? 'URL',
          kind: 'password in a URL',
          findingKind: 'url-credentials',
          confidence: looksRandom(password) ? 'high' : 'medium',
          start,
          end,
          envName: SCHEME_ENV[scheme] ?? urlEnvName(getContext()),
          value: password,
          prefix: '',
        });
      }
    }
    // `Server=…;User Id=…;Password=…;`: a connection string's password, braced, quoted or plain
    if (markers & CONNECTION_MARKER) {
      for (const { start, end, value: read, user, server } of connectionPasswords(text)) {
        // judged as the driver reads it (`}}` is `}`), reported as written (what moves to the env is put back there)
        const value = text.slice(start, end);
        if (claimed.overlaps(start, end) || isKnownExample(read) || !isRealPassword(user, read, server)) continue;
        claimed.add(start, end);
        findings.push({
          id: 'connection-string-password',
          provider: 'Database',
          kind: 'password in a connection string',
          findingKind: 'url-credentials',
          confidence: looksRandom(value) ? 'high' : 'medium',
          start,
          end,
          envName: 'DB_PASSWORD',
          value,
          prefix: '',
        });
      }
    }
    for (const m of markers & SCHEME_MARKERS ? anchoredMatches(SCHEME_VALUE_AT, text, markerEnds, schemeStart) : []) {
      const scheme = m[1]!.toLowerCase();
      const value = m[2]!;
      const start = m.index + m[0].length - value.length;
      const end = start + value.length;
      if (claimed.overlaps(start, end) || isPlaceholder(value) || isKnownExample(value)) continue;
      // `Token token=…` (PagerDuty): a `name=value` pair, read as one below (the token is its value)
      if (SCHEME_PAIR.test(value)) continue;
      if (scheme === 'basic') {
        const decoded = decodeBase64(value);
        const colon = decoded?.indexOf(':') ?? -1;
        if (!decoded || colon < 1 || !/^[\x20-\x7e]+$/.test(decoded)) continue;
        if (!isRealPassword(decoded.slice(0, colon), decoded.slice(colon + 1), '')) continue;
      } else if (!looksRandom(value)) continue;
      claimed.add(start, end);
      findings.push(this.genericFinding(value, start, getContext(), scheme === 'basic' ? 'Basic auth credentials' : `${m[1]} credential`));
    }
    if (markers & PAIR_MARKER) {
      for (const m of nameValuePairs(text)) {
        const name = m[1]!;
        const value = m[2]!;
        const start = m.index + m[0].length - value.length;
        const end = start + value.length;
        // the name first: it is memoised, and most names are no credential's (`sourceMappingURL`)
        const verdict = classifyName(name);
        const strict = verdict === 'weak-credential';
        if (verdict !== 'credential' && !strict) continue;
        if (claimed.overlaps(start, end) || isPlaceholder(value) || isKnownExample(value) || isPasswordHash(value)) continue;
        if (!looksRandom(decodeURIComponentSafe(value), strict)) continue;
        claimed.add(start, end);
        findings.push(this.genericFinding(value, start, { names: [name] }, `\`${name}\` value`));
      }
    }
  }

  /** A whole string value labelled as a credential by its position. */
  private matchWholeValue(
    text: string,
    getContext: () => DetectContext,
    findings: Finding[],
    claimed: Claims,
  ): void {
    if (claimed.size > 0 || text.length < 16 || text.length > 512) return;
    const value = trimValue(text);
    if (/\s/.test(value)) {
      this.matchAuthScheme(text, value, getContext, findings);
      return;
    }
    // cheap shape tests first; the context (a parent walk) only for values that could be a secret
    const { random, userPassword, password } = wholeValueShape(value);
    if (!random && !userPassword && !password) return;
    // documented example keys (held as digests) are no secret on this path either
    if (PUBLIC_CLIENT_TOKEN.test(value) || isPasswordHash(value) || isPlaceholder(value) || isKnownExample(value)) return;
    const ctx = getContext();
    if (ctx.inComment) return;
    if (userPassword && ctx.callee && ENCODE_CALLEES.has(ctx.callee)) {
      this.matchUserPassword(text, ctx, findings);
      return;
    }
    if (!random) {
      // a generated password with a quote or a bracket: only where a name says password or secret
      if (password && namesPassword(ctx)) findings.push(this.genericFinding(value, text.indexOf(value), ctx, 'secret'));
      return;
    }
    const verdict = classifyContext(ctx);
    if (verdict === 'credential' || (verdict === 'weak-credential' && looksRandom(value, true))) {
      const start = text.indexOf(value);
      findings.push(this.genericFinding(value, start, ctx, 'secret'));
    }
  }

  /**
   * `Authorization: "<scheme> <credential>"` under a scheme the markers do not know (`Zoho-oauthtoken`, `Api-Key`):
   * the credential after the scheme, when the header names it.
   */
  private matchAuthScheme(text: string, value: string, getContext: () => DetectContext, findings: Finding[]): void {
    if (!schemeSpacesAllow(value)) return;
    const m = AUTH_SCHEME_VALUE.exec(value);
    if (!m) return;
    const credential = m[2]!;
    if (!looksRandom(credential) || isPlaceholder(credential) || isKnownExample(credential)) return;
    const ctx = getContext();
    const header = ctx.names?.[0];
    if (ctx.inComment || header === undefined || !AUTHORIZATION_NAMES.has(header.toLowerCase())) return;
    const start = text.indexOf(value) + value.length - credential.length;
    findings.push(this.genericFinding(credential, start, ctx, `${m[1]} credential`));
  }

  /** `btoa("user:secret")`, `Buffer.from("user:secret")`: Basic credentials built in code. */
  private matchUserPassword(text: string, ctx: DetectContext, findings: Finding[]): void {
    const colon = text.indexOf(':');
    if (colon < 1 || colon > 128) return;
    const user = text.slice(0, colon);
    const password = text.slice(colon + 1);
    if (/\s/.test(user) || !isRealPassword(user, password, '') || !looksRandom(password)) return;
    findings.push(this.genericFinding(password, colon + 1, { ...ctx, names: ['password', ...(ctx.names ?? [])] }, 'Basic auth password'));
  }

  private genericFinding(value: string, start: number, ctx: DetectContext, kind: string): Finding {
    const sdk = ctx.callee ? SDK_CALLEES[ctx.callee] : undefined;
    const named = this.providerFromContext(ctx);
    return {
      id: 'generic-secret',
      provider: named ?? sdk?.provider ?? 'Generic',
      kind,
      findingKind: 'generic',
      confidence: 'medium',
      start,
      end: start + value.length,
      envName: genericEnvName(ctx),
      value,
      prefix: '',
    };
  }

  /** A provider named by the context words (`twilioAuthToken` → Twilio), from the data's context words. */
  private providerFromContext(ctx: DetectContext): string | undefined {
    const names = (ctx.names ?? []).concat(ctx.envFallback ?? []);
    const words = new Set(names.flatMap(splitWords));
    // a context word of several words (`dd_api`) is looked for in the names as written
    const text = names.join(' ').toLowerCase();
    const named = (w: string): boolean => words.has(w) || (/[_-]/.test(w) && text.includes(w));
    for (const f of this.contextOnly) if (f.contextWords?.some(named)) return f.provider;
    return undefined;
  }

  private jwtFinding(token: string, start: number, getContext: () => DetectContext): Finding | undefined {
    const jwt = decodeJwt(token);
    if (!jwt || typeof jwt.header.alg !== 'string' || jwt.header.alg.toLowerCase() === 'none') return undefined;
    const p = jwt.payload;
    if (p.role === 'anon') return undefined; // Supabase anon key: public by design
    if (p.sub === '1234567890' && p.name === 'John Doe') return undefined; // jwt.io sample
    if (typeof p.exp === 'number' && p.exp * 1000 < Date.now()) return undefined; // expired
    if (Object.values(p).some((v) => typeof v === 'string' && hasFakeWord(v))) return undefined;
    const supabase = typeof p.iss === 'string' && p.iss.includes('supabase');
    const serviceRole = p.role === 'service_role';
    const verdict = classifyContext(getContext());
    return {
      id: serviceRole && supabase ? SUPABASE_SERVICE_ROLE_JWT_ID : JWT_ID,
      provider: supabase ? 'Supabase' : 'JWT',
      kind: serviceRole ? 'service role key' : 'JSON Web Token',
      findingKind: 'provider',
      confidence: serviceRole || verdict === 'credential' ? 'high' : 'medium',
      start,
      end: start + token.length,
      envName: serviceRole && supabase ? 'SUPABASE_SERVICE_ROLE_KEY' : genericEnvName(getContext(), 'JWT_TOKEN'),
      value: token,
      prefix: '',
    };
  }
}

interface StateInfo {
  markers: number;
  /**
   * `offset`: where the keyword starts in a match of an anchored (sticky) format; `solid`: how many characters at
   * the start of its every match are not white space (`leadingSolidOf`)
   */
  checks: { format: TokenFormat; sticky: RegExp | undefined; length: number; offset: number; solid: number; next: string; user: boolean }[];
}

/** An anchored format's sticky pattern, and where each of its keywords starts in a match. */
interface Anchor {
  sticky: RegExp;
  offsets: Map<string, number[]>;
}

/** The anchoring of a format (`Detector#anchorOf`), read from its pattern; null when it is not anchored. */
function readAnchor(f: TokenFormat): Anchor | null {
  if (f.keywords.length === 0) return null;
  // every keyword at a known offset from the match start (0 when the pattern starts with it)
  const offsets = new Map<string, number[]>();
  for (const k of f.keywords) {
    const offset = keywordOffset(f.pattern.source, k);
    if (offset !== undefined) offsets.set(k, [offset]);
  }
  // every match starts with a keyword, read past a group or a class (`sk_(?:live|test)_`, `xox[acors]-`)
  if (offsets.size !== f.keywords.length && keywordsStartEveryMatch(f.pattern.source, f.pattern.flags, f.keywords)) {
    for (const k of f.keywords) offsets.set(k, [0]);
  }
  // or at one of a few offsets (`[0-9]{8,10}:AA`, an optional group before the keyword)
  if (offsets.size !== f.keywords.length && !(f.pattern.flags.includes('i') && /[uv]/.test(f.pattern.flags))) {
    for (const k of f.keywords) {
      const some = offsets.get(k) ?? keywordOffsets(f.pattern.source, k);
      if (some !== undefined) offsets.set(k, some);
    }
  }
  if (offsets.size !== f.keywords.length) return null;
  return { sticky: new RegExp(f.pattern.source, `${f.pattern.flags.replace(/[gy]/g, '')}y`), offsets };
}

/**
 * `StateInfo` of the automaton states read so far (`ready`), flattened: a state's checks are `from[state]` up to
 * `to[state]` in the per-check lists.
 */
interface FlatChecks {
  /** per state: 1 once its checks are in the tables */
  ready: Uint8Array;
  /** per state: `MARKER_BITS` of the markers a hit there completes */
  markers: Uint32Array;
  from: Uint32Array;
  to: Uint32Array;
  /** per check: index into `formatOf` / `stickyOf` */
  format: number[];
  length: number[];
  offset: number[];
  solid: number[];
  /** the characters (lower-case) the one after the keyword must be (`charsAfterPrefix`); '' when any may */
  next: string[];
  /** per check, four words of 32 bits: `next` as a set of ASCII codes (`nextMayFollow` reads a bit, not the string) */
  nextMask: number[];
  /** 1 for a user format */
  user: number[];
  /**
   * per state: the fewest characters after a hit's end that must be no white space for any of its checks to hold
   * (`NO_REACH` when some check is not dismissed that way: a pattern that is not anchored, a user format)
   */
  reach: Int32Array;
}

/** `FlatChecks.reach` of a state whose hits always go through its checks. */
const NO_REACH = -0x40000000;

interface Hits {
  /** formats whose keyword occurs, in order of first occurrence */
  formats: TokenFormat[];
  /** `MARKER_BITS` of the markers that occur */
  markers: number;
  /** where the keywords of anchored formats start (ascending, possibly repeated) */
  starts: Map<TokenFormat, number[]>;
  /** where a JWT, URL or scheme marker ends (ascending) */
  markerEnds: IntList;
}

/**
 * The run bounds of a long ASCII text's keyword hits (see `ScanScratch.lastSpaces`), read in hit order by the
 * prefilters: most hits of a flood of near misses end a run too short for every check of their state.
 */
class RunBounds {
  private lastSpaces: Int32Array = new Int32Array(0);
  private count = 0;
  private length = 0;
  /** the first hit whose last white space comes after the current hit's end */
  private ahead = 0;

  /** Ready for the `count` hits of the last scan of a text of `length` characters; undefined when that scan kept no bounds (a short text). */
  reset(scratch: ScanScratch, count: number, length: number): RunBounds | undefined {
    if (!scratch.spaced) return undefined;
    this.lastSpaces = scratch.lastSpaces;
    this.count = count;
    this.length = length;
    this.ahead = 0;
    return this;
  }

  /**
   * Does the run of non-space characters after a hit that ends at `end` end before `end + reach`? Hits are asked in
   * order. The white space before the next hit past this one bounds the run (a Unicode space is not counted: the
   * bound is then looser, never wrong).
   */
  endsWithin(end: number, reach: number): boolean {
    const spaces = this.lastSpaces;
    let ahead = this.ahead;
    while (ahead < this.count && spaces[ahead]! <= end) ahead++;
    this.ahead = ahead;
    return end + reach > (ahead < this.count ? spaces[ahead]! : this.length);
  }

  /**
   * Do the scan's white spaces show that a match starting at `start`, for hit `h` that ends at `end`, cannot open
   * with `solid` characters that are not white space? False when they cannot tell (`SolidCursor.holds` then reads the
   * text). A flood of near misses is mostly dismissed here, without reading a character.
   */
  breaks(h: number, start: number, end: number, solid: number): boolean {
    const last = this.lastSpaces[h]!;
    if (last >= start) return last < start + solid;
    return this.endsWithin(end, start + solid - end);
  }
}

/**
 * Does a match that starts at `start` have room for `solid` characters that are not white space? Hits come in order:
 * the first white space at or after `spaceFrom` is kept (`space`, text.length when none), so most checks read it
 * instead of the characters, and each stretch between spaces is read about once.
 */
class SolidCursor {
  private text = '';
  private spaceFrom = 0;
  private space = -1;

  reset(text: string): this {
    this.text = text;
    this.spaceFrom = 0;
    this.space = -1;
    return this;
  }

  holds(start: number, solid: number): boolean {
    const text = this.text;
    if (start + solid > text.length) return false;
    if (start > this.space) {
      this.spaceFrom = start;
      this.space = nextSpace(text, start, text.length);
    } else if (start < this.spaceFrom) {
      // a keyword at an offset can put a start before the last one: only the characters up to the known stretch are
      // read (at most the offset), so the checks stay linear in a text without white space
      const before = nextSpace(text, start, this.spaceFrom);
      if (before < this.spaceFrom) this.space = before;
      this.spaceFrom = start;
    }
    return this.space >= start + solid;
  }
}

/**
 * A growing list of integers in a typed array: a flood of markers (hundreds of thousands of `eyJ` in one string) is
 * one buffer off the garbage-collected heap, not a JavaScript array of as many slots.
 */
class IntList {
  private buffer = new Int32Array(16);
  length = 0;

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = value;
  }

  at(index: number): number {
    return this.buffer[index]!;
  }
}

/** The list of no marker ends (never pushed to). */
const NO_ENDS = new IntList();

/** Index of the first white space (`\s`) in `text` from `from` up to `to` (excluded); `to` when there is none. */
function nextSpace(text: string, from: number, to: number): number {
  // most stretches are short: read them; a long one (a run of a flood, a bundle) is left to the regex engine
  const near = Math.min(to, from + 32);
  for (let i = from; i < near; i++) {
    if (isSpaceCode(text.charCodeAt(i))) return i;
  }
  if (near === to) return to;
  SPACE.lastIndex = near;
  const found = SPACE.test(text) ? SPACE.lastIndex - 1 : to;
  SPACE.lastIndex = 0;
  return Math.min(found, to);
}

/**
 * `text` with every run of backslashes, and the letter or digit right after it, turned into as many spaces (offsets
 * kept): how the rule reads a regular expression's escapes (`regexPatternText`), for the file prefilter.
 */
function escapesAsSpaces(text: string): string {
  let out = '';
  let last = 0;
  for (let at = text.indexOf('\\'); at >= 0; at = text.indexOf('\\', at)) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) === 92) end++;
    const c = text.charCodeAt(end);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) end++;
    out += text.slice(last, at) + ' '.repeat(end - at);
    last = end;
    at = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** One white space character (`nextSpace`): global, for its `lastIndex`. */
const SPACE = /\s/g;

const NONE: readonly TokenFormat[] = Object.freeze([]);

/** The most characters of white space and comments between a string's end, its `+` and the next string's start. */
const JOIN_GAP = 256;

/**
 * `text` with every `"…" + "…"` joined: the end of a string, `+` and the start of the next removed, with the white
 * space and comments around the `+` (`"…" /* part 2 *\/ + // rest`, `JOIN_GAP` characters at most), so a file reads as
 * its concatenations build. `text` itself when it holds none. Each quote reads at most `JOIN_GAP` characters on.
 */
function joinConcatenations(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 34 && c !== 39 && c !== 96) continue;
    const plus = skipGap(text, i + 1, i + 1 + JOIN_GAP);
    if (plus < 0 || text.charCodeAt(plus) !== 43) continue;
    const next = skipGap(text, plus + 1, plus + 1 + JOIN_GAP);
    if (next < 0) continue;
    const q = text.charCodeAt(next);
    if (q !== 34 && q !== 39 && q !== 96) continue;
    out += text.slice(last, i);
    last = next + 1;
    i = next;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The longest string a `${"…"}` substitution is joined across (`joinLiteralSubstitutions`). */
const JOIN_STRING = 4096;

/**
 * `text` with every substitution of a string in a template (`${"…"}`, `${'…'}`, `` ${`…`} ``) replaced by the string's
 * text, as the rule reads such a template (one value: `` `ghp_…${""}…` ``). `text` itself when it holds none. Each
 * `${` reads at most `JOIN_GAP` characters of white space and `JOIN_STRING` of string on.
 */
function joinLiteralSubstitutions(text: string): string {
  let out = '';
  let last = 0;
  for (let at = text.indexOf('${'); at >= 0; at = text.indexOf('${', at + 2)) {
    const open = skipGap(text, at + 2, at + 2 + JOIN_GAP);
    if (open < 0 || open < last) continue;
    const quote = text.charCodeAt(open);
    if (quote !== 34 && quote !== 39 && quote !== 96) continue;
    // the string's end: its quote, past escapes; a line end ends a quoted string, a substitution a template
    let end = open + 1;
    const limit = Math.min(text.length, end + JOIN_STRING);
    while (end < limit) {
      const c = text.charCodeAt(end);
      if (c === quote || ((c === 10 || c === 13) && quote !== 96) || (c === 36 && quote === 96 && text.charCodeAt(end + 1) === 123)) break;
      end += c === 92 ? 2 : 1;
    }
    if (end >= limit || text.charCodeAt(end) !== quote) continue;
    const close = skipGap(text, end + 1, end + 1 + JOIN_GAP);
    if (close < 0 || text.charCodeAt(close) !== 125) continue;
    out += text.slice(last, at) + text.slice(open + 1, end);
    last = close + 1;
    at = close - 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The first place from `from` past white space and comments, before `limit`; -1 when the gap runs to it or to the end. */
function skipGap(text: string, from: number, limit: number): number {
  let at = from;
  while (at < text.length && at < limit) {
    const c = text.charCodeAt(at);
    if (isSpaceCode(c)) at++;
    else if (c === 47 && text.charCodeAt(at + 1) === 42) {
      // the comment's end, looked for within the gap only (a long comment is not read again from each quote)
      let end = at + 2;
      while (end + 1 < limit && end + 1 < text.length && !(text.charCodeAt(end) === 42 && text.charCodeAt(end + 1) === 47)) end++;
      if (end + 1 >= limit || end + 1 >= text.length) return -1;
      at = end + 2;
    } else if (c === 47 && text.charCodeAt(at + 1) === 47) {
      let end = at + 2;
      while (end < text.length && end < limit && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      at = end;
    } else return at;
  }
  return -1;
}

/** Thrown by the context of `mayHoldSecret`: the detection got as far as it can without a context. */
const NEED_CONTEXT = Symbol('need context');
/**
 * May the character at `at` follow the keyword of check `check` (its `FlatChecks.nextMask`, lower-case)? True past
 * the text's end (no character to rule it out), false for a character outside ASCII.
 */
function nextMayFollow(mask: readonly number[], check: number, text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  return c < 128 && maskHolds(mask, 4 * check, c);
}

/** What `detectScanned` returns when probing (`needContext`) ends where only the context can decide (never a real result). */
const NEEDS_CONTEXT: Finding[] = Object.freeze([]) as unknown as Finding[];
const needContext = (): DetectContext => {
  throw NEED_CONTEXT;
};

/** User-supplied patterns never run on longer strings (their linearity is not ours to check). */
export const MAX_USER_PATTERN_INPUT = 10_000;

/** `re.test(text)` from the start, leaving the shared global pattern as it found it (`lastIndex` 0). */
function testWhole(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}


/** Does a marker that ends at `end` (`marks`: its `MARKER_BITS`) start a match of its pattern (`mayContainSecret`)? */
function markerMatchAt(text: string, marks: number, end: number, jwtStart: (text: string, end: number) => number): boolean {
  if (marks & JWT_MARKER && stickyAt(JWT_AT, text, jwtStart(text, end))) return true;
  if (marks & URL_MARKER && stickyAt(URL_USERINFO_AT, text, urlStart(text, end))) return true;
  if (marks & SCHEME_MARKERS && stickyAt(SCHEME_VALUE_AT, text, schemeStart(text, end))) return true;
  if (marks & CONNECTION_MARKER && connectionPasswordMayStart(text, end)) return true;
  return (marks & PAIR_MARKER) !== 0 && pairMayHold(text, end);
}

/** Is there a `name=value` pair whose `=` is at `eq` (a pair marker's end) with a credential's name? */
function pairMayHold(text: string, eq: number): boolean {
  const name = pairNameAt(text, eq);
  if (name === undefined) return false;
  const verdict = classifyName(name);
  return verdict === 'credential' || verdict === 'weak-credential';
}

/** Does the sticky `re` match at `start` (-1: no start)? */
function stickyAt(re: RegExp, text: string, start: number): boolean {
  if (start < 0) return false;
  re.lastIndex = start;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

/** A run a prefix-less format could fill (`tokenish` in `detectScanned`): 1,024 characters at most, a digit, `[A-Za-z0-9+/=_.:~|-]`. */
function isTokenishRun(run: string): boolean {
  if (run.length > 1024) return false;
  let digit = false;
  for (let i = 0; i < run.length; i++) {
    const shape = shapeOfCode(run.charCodeAt(i));
    if (shape & SHAPE_NOT_TOKEN) return false;
    if (shape & SHAPE_DIGIT) digit = true;
  }
  return digit;
}

/**
 * A provider token certain by its prefix or checksum, or a private key: what a test file is still reported for (a JWT,
 * a URL password, a `name=value` or a whole value labelled secret is a made-up value there as often as not).
 */
function isCertainToken(f: Finding): boolean {
  return f.findingKind === 'private-key' || (f.findingKind === 'provider' && f.confidence === 'high' && !JWT_FINDING_IDS.has(f.id));
}

/** The ids of findings read from a JWT's payload (`jwtFinding`): a JWT is certain by no prefix or checksum, whoever issued it. */
const JWT_ID = 'jwt';
const SUPABASE_SERVICE_ROLE_JWT_ID = 'supabase-service-role-jwt';
const JWT_FINDING_IDS = new Set([JWT_ID, SUPABASE_SERVICE_ROLE_JWT_ID]);

/** The provider among `owners` the context names, if one (its first word found wins). */
function sharedPrefixOwner(owners: readonly SharedPrefixOwner[], context: DetectContext): SharedPrefixOwner | undefined {
  const words = contextText(context);
  if (!words.trim()) return undefined;
  return owners.find((owner) => owner.words.some((w) => words.includes(w)));
}

/** Datadog RUM / browser client tokens (`pub` + 32 hex): public by design. */
const PUBLIC_CLIENT_TOKEN = /^pub[0-9a-f]{32}$/;
/** Calls that encode `user:password` for a Basic header. */
const ENCODE_CALLEES = new Set(['btoa', 'from', 'encodeBase64', 'base64Encode', 'toBase64']);

/**
 * The shape of a whole value (trimmed, no white space): random, or `user:password` with a random password (for a
 * Basic header; see `matchUserPassword`). Shared by `matchWholeValue` and the prefilters built on it.
 */
function wholeValueShape(value: string, notToken = true): { random: boolean; userPassword: boolean; password: boolean } {
  const colon = value.indexOf(':');
  const random = looksRandom(value);
  return {
    random,
    userPassword: colon > 0 && colon <= 128 && !value.includes('/') && looksRandom(value.slice(colon + 1)),
    // random once a quote or bracket is read as a symbol: a generated password, where the name says one
    // (`notToken`: the value may hold a character outside the token set; false when the keyword pass's shape says not)
    password: !random && notToken && isPasswordShaped(value),
  };
}

/**
 * A whole value `matchWholeValue` reads as a generated password where a name says one: random with quotes and brackets
 * read as symbols, and no regular expression's source (a password rule's pattern, `^(?=.*[A-Z])(?=.*\\d).{12,}$`,
 * where a JSON schema names a password field).
 */
function isPasswordShaped(value: string): boolean {
  return looksRandom(value, false, true) && !REGEX_SOURCE.test(value);
}

/**
 * What a regular expression's source holds and a password hardly does: a group's `(?`, a class escape, a range
 * closing a class, a counted quantifier, a negated class.
 */
const REGEX_SOURCE = /\(\?[:=!<]|\\[dDwWsSbB]|[A-Za-z0-9]-[A-Za-z0-9]\]|\{\d+(?:,\d*)?\}|\[\^/;

/** A character `looksRandom` reads only in a password (`PASSWORD_ONLY_CHARS`). */
const PASSWORD_ONLY_CHAR = new RegExp(`[${PASSWORD_ONLY_CHARS.replace(/[\\\]\[]/g, '\\$&')}]`);

/**
 * `somePasswordValue`'s test of a span as written: its value (as written, escapes cooked, or with JSX entities
 * decoded) holds a character only a password is read with (the other values are `someValueRun`'s), and is a
 * password's shape.
 */
function passwordSpanMayHold(span: string, jsx: boolean): boolean {
  const reads = (value: string): boolean => PASSWORD_ONLY_CHAR.test(value) && isPasswordShaped(value);
  // as written (a JSX attribute has no escapes), with its escapes cooked, with its entities decoded
  return reads(span) || (span.includes('\\') && reads(cookEscapes(span))) || (jsx && hasEntity(span) && reads(decodeEntities(span)));
}

/** The context-free conditions of `matchWholeValue`. */
function mayBeWholeValue(text: string, shape: number): boolean {
  if (text.length > 512) return false;
  // the keyword pass's shape: no white space and nothing outside ASCII, so nothing to trim or look for
  const clean = (shape & (SHAPE_SPACE | SHAPE_NON_ASCII)) === 0;
  const value = clean ? text : trimValue(text);
  if (!clean && /\s/.test(value)) return mayBeAuthScheme(value);
  const { random, userPassword, password } = wholeValueShape(value, (shape & SHAPE_NOT_TOKEN) !== 0);
  return (random || userPassword || password) && !PUBLIC_CLIENT_TOKEN.test(value) && !isPasswordHash(value) && !isPlaceholder(value);
}

/** Two or more of lower-case, upper-case and digit in a scanned text's shape: what `looksRandom` needs of any value. */
function hasMixedKinds(shape: number): boolean {
  const kinds = shape & (SHAPE_LOWER | SHAPE_UPPER | SHAPE_DIGIT);
  return (kinds & (kinds - 1)) !== 0;
}

/** Long enough and without inner whitespace: a whole-value secret is possible (the context then decides). */
function couldBeWholeValue(text: string, shape: number): boolean {
  if (text.length < 16) return false;
  // white space between two solid ends is inside the value (an end is solid when `trimValue` keeps it: a zero-width
  // space there is trimmed like white space)
  if (shape & SHAPE_SPACE && !isBlankCode(text.charCodeAt(0)) && !isBlankCode(text.charCodeAt(text.length - 1))) return isSchemeValue(text);
  const value = trimValue(text);
  return !/\s/.test(value) || isSchemeValue(value);
}

/** `AUTH_SCHEME_VALUE.test(value)`, its pattern run only where the spaces allow a match (`schemeSpacesAllow`). */
export function isSchemeValue(value: string): boolean {
  return schemeSpacesAllow(value) && AUTH_SCHEME_VALUE.test(value);
}

/**
 * What `AUTH_SCHEME_VALUE` needs of a value's spaces, read with two `indexOf`: one run of spaces after a scheme word of
 * 40 characters at most, then 16 characters with no space. Prose (a description, a label) has more spaces.
 */
function schemeSpacesAllow(value: string): boolean {
  const space = value.indexOf(' ');
  if (space < 1 || space > 40) return false;
  let after = space + 1;
  // never read past the end (V8 leaves its optimised code for an out-of-bounds `charCodeAt`)
  while (after < value.length && value.charCodeAt(after) === 32) after++;
  return value.length - after >= 16 && value.indexOf(' ', after) < 0;
}

/**
 * A whole value as it is meant: without the white space around it, nor the invisible characters (zero-width space,
 * joiners, word joiner) an editor does not show there.
 */
export function trimValue(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isBlankCode(text.charCodeAt(start))) start++;
  while (end > start && isBlankCode(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** The context-free conditions of `matchAuthScheme`: `<scheme> <credential>` with a random-looking credential. */
function mayBeAuthScheme(value: string): boolean {
  if (!schemeSpacesAllow(value)) return false;
  const m = AUTH_SCHEME_VALUE.exec(value);
  return m !== null && looksRandom(m[2]!) && !isPlaceholder(m[2]!);
}

/** In-string markers of a credential, searched by the same prefilter as the provider keywords. */
const SINGLE_MARKERS = ['eyj', '://', 'bearer ', 'basic ', 'token ', 'ssws ', 'apikey '];
/**
 * A `name=value` pair's `=` comes right after a name character (`NAME_VALUE`): one marker per such character, so that
 * the `=` of code (`a = b`, `===`, `=>`) is no hit at all.
 */
const PAIR_KEYWORDS = [...'abcdefghijklmnopqrstuvwxyz0123456789_.-'].map((c) => `${c}=`);
const PAIR_MARKER = 1 << SINGLE_MARKERS.length;
/** A connection string's `Password=` / `Pwd=` (`connection-string.ts`): its value may hold what ends a pair's. */
const CONNECTION_MARKER = 1 << (SINGLE_MARKERS.length + 1);
const MARKER_BITS = new Map<string, number>([
  ...SINGLE_MARKERS.map((m, i): [string, number] => [m, 1 << i]),
  ...PAIR_KEYWORDS.map((m): [string, number] => [m, PAIR_MARKER]),
  ...CONNECTION_PASSWORD_KEYWORDS.map((m): [string, number] => [m, CONNECTION_MARKER]),
]);
const MARKERS = [...MARKER_BITS.keys()];
const JWT_MARKER = MARKER_BITS.get('eyj')!;
const URL_MARKER = MARKER_BITS.get('://')!;
const SCHEME_MARKERS = ['bearer ', 'basic ', 'token ', 'ssws ', 'apikey '].reduce((bits, m) => bits | MARKER_BITS.get(m)!, 0);

const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{4,8192}\.[A-Za-z0-9_-]{0,1024}(?![A-Za-z0-9_.-])/g;
/**
 * scheme://user:password@ — password group; classes exclude the delimiters, so no backtracking blow-up. A password
 * shorter than 4 characters is never reported (`isRealPassword`), so it is not matched either: a flood of
 * `a://u:pw@` costs no match objects, and no later match is lost (none can start inside one that failed here). A `#`
 * may be in the password (`postgres://app:Xy7#kLm…@db/app`, written unencoded: URL parsers read a fragment there, a
 * connection string's password does not); the user part ends at it, as a URL's host does.
 */
const URL_USERINFO = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,30}):\/\/([^\s:/@?#'"`]{0,128}):([^\s/@?'"`]{4,256})@/g;
/** `Bearer x`, `Basic x`, `token x`, `SSWS x` (Okta), `ApiKey x` at a word start */
const SCHEME_VALUE = /(?<![A-Za-z0-9_])(Bearer|Basic|token|Token|SSWS|ApiKey|Apikey|apikey|bearer|basic) +([A-Za-z0-9+/=_.~:-]{12,4096})(?![A-Za-z0-9+/=_.~:-])/g;
const JWT_AT = new RegExp(JWT.source, 'y');
/**
 * The `reach` of the `eyj` marker (see `FlatChecks.reach`): a JWT starts 2 characters before the marker's end and its
 * first `leadingSolidOf` characters are no white space (20: `eyJ`, 8, `.eyJ`, 4, `.`).
 */
const JWT_REACH = leadingSolidOf(JWT.source) - 2;
const URL_USERINFO_AT = new RegExp(URL_USERINFO.source, 'y');
const SCHEME_VALUE_AT = new RegExp(SCHEME_VALUE.source, 'y');
/** A scheme's value that is itself a `name=value` pair (`Token token=…`). */
const SCHEME_PAIR = /^[A-Za-z][A-Za-z0-9_.-]{0,60}=/;
/**
 * `<scheme> <credential>`, the value of an `Authorization` header under a scheme of its own (`Zoho-oauthtoken …`,
 * `Api-Key …`, `DeepL-Auth-Key …`, `GenieKey …`, Fly.io's `FlyV1 fm2_…,fm2_…`, a comma-separated list); the well-known
 * schemes are markers (`SCHEME_VALUE`)
 */
const AUTH_SCHEME_VALUE = /^([A-Za-z][A-Za-z0-9._-]{0,39}) +([A-Za-z0-9+/=_.~:,-]{16,512})$/;
/** Header names whose value is `<scheme> <credential>`. */
const AUTHORIZATION_NAMES = new Set(['authorization', 'proxy-authorization', 'x-authorization']);
/** The markers whose patterns are tried where the marker is (see `anchoredMatches`). */
const ANCHORED_MARKERS = JWT_MARKER | URL_MARKER | SCHEME_MARKERS;

/**
 * Where the run of base64url characters through `from` ends, for the ascending positions one reader asks about: the
 * last run read is kept, so a text full of `eyJ` (each a possible JWT start) has each run read once, not once per
 * `eyJ` inside it.
 */
class Base64urlRuns {
  private from = -1;
  private to = -1;

  end(text: string, from: number): number {
    if (from >= this.from && from <= this.to) return this.to;
    this.from = from;
    // `runEnd(text, from, BASE64URL, text.length)`, read by the regular expression engine (a run of `eyJeyJ…` may be
    // thousands of characters: the engine reads one in about a nanosecond, a loop of `charCodeAt` in several)
    BASE64URL_RUN.lastIndex = from;
    BASE64URL_RUN.test(text);
    this.to = BASE64URL_RUN.lastIndex;
    return this.to;
  }
}

/** A run of base64url characters, or characters outside ASCII (`runEnd` counts them in), from `lastIndex`. */
const BASE64URL_RUN = /[A-Za-z0-9_\-\u0080-\uffff]*/y;

/**
 * The JWT start finder for one text (`anchoredMatches`, the file prefilter): a match starts at its `eyJ` (the pattern
 * opens with it, after a lookbehind). The three runs of the pattern are read ahead of it, so that it runs only where
 * it matches (its greedy parts, tried at every `eyJ` of a long run, would read the run again each time); each run is
 * read once per text (`Base64urlRuns`, one per part).
 */
function jwtStarts(): (text: string, end: number) => number {
  const header = new Base64urlRuns();
  const payload = new Base64urlRuns();
  const signature = new Base64urlRuns();
  return (text, end) => {
    if (!mayOpenJwt(text, end)) return -1;
    const start = end - 2;
    // `eyJ` + 8 to 4,096 characters, `.eyJ` + 4 to 8,192, `.` + up to 1,024, then no `.` (nor a longer run)
    const dot = header.end(text, end + 1);
    if (dot - (end + 1) < 8 || dot - (end + 1) > 4096 || !text.startsWith('.eyJ', dot)) return -1;
    const second = payload.end(text, dot + 4);
    if (second - (dot + 4) < 4 || second - (dot + 4) > 8192 || text.charCodeAt(second) !== 46) return -1;
    const third = signature.end(text, second + 1);
    return third - (second + 1) <= 1024 && text.charCodeAt(third) !== 46 ? start : -1;
  };
}

const isBase64urlCode = (c: number): boolean => c < 128 && BASE64URL[c] === 1;

/** What may follow a JWT's `eyJ`, lower-cased (`[a-z0-9_-]`), as a `charMask`. */
const JWT_NEXT = charMask('abcdefghijklmnopqrstuvwxyz0123456789_-');
/** Every character, as a `charMask` (a check whose next character may be any). */
const ANY_CHAR: readonly number[] = [-1, -1, -1, -1];

/**
 * Can the `eyj` marker that ends at `end` open a JWT: `eyJ` in that case, not inside a longer base64url run? The
 * first check of `jwtStarts`, made per hit where the marker is found: `eyJeyJeyJ…` (a run of them, or a base64 body
 * that holds one) ends a hit every three characters, none of which opens one.
 */
function mayOpenJwt(text: string, end: number): boolean {
  const start = end - 2;
  if (start > 0 && isBase64urlCode(text.charCodeAt(start - 1))) return false;
  // `eyJ` (the marker is found in any case)
  return text.charCodeAt(start) === 101 && text.charCodeAt(start + 1) === 121 && text.charCodeAt(end) === 74;
}

/** Where the run of `table` characters from `from` ends, read at most `most` characters (non-ASCII counts in). */
function runEnd(text: string, from: number, table: Uint8Array, most: number): number {
  const limit = Math.min(text.length, from + most);
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c < 128 && table[c] === 0) break;
    i++;
  }
  return i;
}

/**
 * A URL user-info match starts at its scheme, the whole run of scheme characters before `://` (the lookbehind
 * allows no scheme character before it): 2 to 31 of them, the first a letter.
 */
function urlStart(text: string, end: number): number {
  const colon = end - 2;
  if (!text.startsWith('://', colon)) return -1;
  let start = colon;
  while (start > 0 && colon - start < 32 && SCHEME_CHAR[text.charCodeAt(start - 1)] === 1) start--;
  if (colon - start < 2 || colon - start > 31 || (start > 0 && SCHEME_CHAR[text.charCodeAt(start - 1)] === 1)) return -1;
  // cheap necessary condition first: a user part (no `:`) up to a `:`, then 4 password characters up to an `@`
  const userEnd = runEnd(text, end + 1, USER_CHAR, 129);
  if (text.charCodeAt(userEnd) !== 58) return -1;
  const at = runEnd(text, userEnd + 1, PASSWORD_CHAR, 257);
  return text.charCodeAt(at) === 64 && at - userEnd - 1 >= 4 ? start : -1;
}

/**
 * A scheme value match starts at its scheme word (`Bearer`, `SSWS`…: letters, at most 6, no word character before),
 * which ends at the space that ends the marker.
 */
function schemeStart(text: string, end: number): number {
  if (text.charCodeAt(end) !== 32) return -1;
  let start = end;
  while (start > 0 && end - start < 7 && LETTER[text.charCodeAt(start - 1)] === 1) start--;
  if (start === end || (start > 0 && WORD_CHAR[text.charCodeAt(start - 1)] === 1)) return -1;
  // cheap necessary condition first: after the spaces, 12 value characters
  let value = end;
  while (text.charCodeAt(value) === 32) value++;
  return runEnd(text, value, SCHEME_VALUE_CHAR, 12) - value >= 12 ? start : -1;
}

const SCHEME_CHAR = asciiTable((ch) => (/[A-Za-z0-9+.-]/.test(ch) ? 1 : 0));
/** The character classes of the marker patterns (`JWT`, `URL_USERINFO`, `SCHEME_VALUE`), by ASCII code. */
const BASE64URL = asciiTable((ch) => (/[A-Za-z0-9_-]/.test(ch) ? 1 : 0));
const USER_CHAR = asciiTable((ch) => (/[^\s:/@?#'"`]/.test(ch) ? 1 : 0));
const PASSWORD_CHAR = asciiTable((ch) => (/[^\s/@?'"`]/.test(ch) ? 1 : 0));
const SCHEME_VALUE_CHAR = asciiTable((ch) => (/[A-Za-z0-9+/=_.~:-]/.test(ch) ? 1 : 0));
const LETTER = asciiTable((ch) => (/[A-Za-z]/.test(ch) ? 1 : 0));
/** `[A-Za-z0-9_]` by ASCII code: what the formats' left boundary refuses before a token. */
export const WORD_CHAR: Readonly<Uint8Array> = asciiTable((ch) => (/[A-Za-z0-9_]/.test(ch) ? 1 : 0));

/**
 * The matches of the sticky `re` that `text.matchAll` with its global version would give, found by trying it only
 * at the starts `startOf` derives from the marker ends (ascending): every match starts at such a place. A start
 * inside the last match is skipped, as a scan would.
 */
function anchoredMatches(re: RegExp, text: string, ends: IntList, startOf: (text: string, end: number) => number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let after = 0;
  let last = -1;
  for (let i = 0; i < ends.length; i++) {
    const start = startOf(text, ends.at(i));
    if (start < after || start === last) continue;
    last = start;
    re.lastIndex = start;
    const m = re.exec(text);
    if (m) {
      out.push(m);
      after = m.index + m[0].length;
    }
  }
  re.lastIndex = 0;
  return out;
}

const SCHEME_PROVIDER: Record<string, string> = {
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mongodb: 'MongoDB',
  'mongodb+srv': 'MongoDB',
  redis: 'Redis',
  rediss: 'Redis',
  amqp: 'RabbitMQ',
  amqps: 'RabbitMQ',
  mssql: 'SQL Server',
};
const SCHEME_ENV: Record<string, string> = {
  postgres: 'DATABASE_PASSWORD',
  postgresql: 'DATABASE_PASSWORD',
  mysql: 'DATABASE_PASSWORD',
  mssql: 'DATABASE_PASSWORD',
  mongodb: 'MONGODB_PASSWORD',
  'mongodb+srv': 'MONGODB_PASSWORD',
  redis: 'REDIS_PASSWORD',
  rediss: 'REDIS_PASSWORD',
  amqp: 'AMQP_PASSWORD',
  amqps: 'AMQP_PASSWORD',
};

function urlEnvName(ctx: DetectContext): string {
  const name = (ctx.names ?? []).find((n) => /url|uri|endpoint|host|dsn/i.test(n));
  if (!name) return 'SERVICE_PASSWORD';
  return `${toEnvName(name).replace(/_?(?:URL|URI|ENDPOINT|HOST|DSN)$/, '') || 'SERVICE'}_PASSWORD`;
}

const WEAK_PASSWORDS = new Set(['password', 'pass', 'passwd', 'pwd', 'secret', 'changeme', 'admin', 'root', 'guest', 'test', 'user', 'default', 'postgres', 'mysql', 'redis', 'example']);

/** A URL or Basic password that is a real credential rather than a placeholder or a local default. */
function isRealPassword(user: string, password: string, hostPart: string): boolean {
  if (password.length < 4 || password === user || isPlaceholder(password)) return false;
  if (WEAK_PASSWORDS.has(password.toLowerCase())) return false;
  if (/^[:*x•.]+$/i.test(password)) return false;
  // `s3://ACCESSKEY:SECRETKEY@…`: a capitalised name stands for the value
  if (/^[A-Z_]+$/.test(password)) return false;
  const local = /^(?:localhost|127\.|0\.0\.0\.0|\[::1\]|[a-z0-9.-]*example\.(?:com|org|net))/i.test(hostPart);
  if (local && shannonEntropy(password) < 3) return false;
  return true;
}

function prefixOf(format: TokenFormat, token: string): string {
  if (format.prefix) return format.prefix;
  const lower = token.toLowerCase();
  let best = '';
  for (const k of format.keywords) if (lower.startsWith(k) && k.length > best.length) best = token.slice(0, k.length);
  return best;
}

/**
 * Ranges of a text claimed by a finding or a recognised non-secret. A list while short; past 32 ranges (a text
 * holding many tokens) a mark per character, so that checking each new match stays proportional to its length, not
 * to the number of matches before it.
 */
export class Claims {
  private readonly ranges: [number, number][] = [];
  private marks: Uint8Array | undefined;

  constructor(private readonly length: number) {}

  overlaps(start: number, end: number): boolean {
    const marks = this.marks;
    // (an empty range overlaps a range it lies strictly inside, either way round: only the list can tell)
    if (marks === undefined || start >= end) return this.ranges.some(([s, e]) => start < e && s < end);
    for (let i = Math.max(0, start); i < end && i < this.length; i++) if (marks[i] === 1) return true;
    return this.empty > 0 && this.ranges.some(([s, e]) => s === e && start < e && s < end);
  }

  /** claimed ranges that are empty (they leave no mark) */
  private empty = 0;

  get size(): number {
    return this.ranges.length;
  }

  add(start: number, end: number): void {
    this.ranges.push([start, end]);
    if (start >= end) this.empty++;
    if (this.marks === undefined) {
      if (this.ranges.length <= 32) return;
      this.marks = new Uint8Array(this.length);
      for (const [s, e] of this.ranges) this.marks.fill(1, s, e);
      return;
    }
    this.marks.fill(1, start, end);
  }
}

/** Formats whose body is standard base64 (`+` and `/`): what `encodeURIComponent` cuts into `%2B`, `%2F` and `%3D`. */
const BASE64_BODY_FORMATS: ReadonlySet<string> = new Set(
  TOKEN_FORMATS.filter((f) => ['+/', '/+', '+\\/'].some((chars) => f.pattern.source.includes(chars))).map((f) => f.id),
);
/**
 * The rest of a percent-encoded base64 token after its first escape: escaped `+`, `/`, `=` (or escaped twice,
 * `%252F`: a value encoded for a URL that is itself encoded) and letters and digits.
 */
const PERCENT_ENCODED_REST = /^(?:%(?:25)?(?:2[BbFf]|3[Dd])[A-Za-z0-9]*)+/;

/** A percent escape of `+`, `/` or `=`, or one escaped twice (`%252F`): what `decodeEscapedBase64` decodes. */
const ESCAPED_BASE64 = /%(?:25)?(2[BbFf]|3[Dd])/g;

/** The shortest text an escaped token is read in (the shortest base64-bodied format, escaped once, is longer). */
const ESCAPED_TOKEN_MIN = 24;

/**
 * Could `text` hold an escaped token (an `ESCAPED_BASE64` escape in a text long enough)? Two searches for a fixed
 * string, before any regular expression: this runs on every string the detector finds nothing in.
 */
function mayHoldEscapedBase64(text: string): boolean {
  return text.length >= ESCAPED_TOKEN_MIN && (text.includes('%2') || text.includes('%3'));
}

/** The character an `ESCAPED_BASE64` escape stands for, by its code (`2F`, in either case). */
function unescaped(code: string): string {
  const upper = code.toUpperCase();
  return upper === '2B' ? '+' : upper === '2F' ? '/' : '=';
}

/** `text` with its `ESCAPED_BASE64` escapes decoded (no offsets: for the prefilters). */
function decodeEscapes(text: string): string {
  return text.replace(ESCAPED_BASE64, (_, code: string) => unescaped(code));
}

/**
 * `text` with its `ESCAPED_BASE64` escapes decoded, and where each character of the decoded text starts in `text`
 * (`origin`, one more entry for the end).
 */
function decodeEscapedBase64(text: string): { decoded: string; origin: number[] } {
  const origin: number[] = [];
  let decoded = '';
  let last = 0;
  for (const m of text.matchAll(ESCAPED_BASE64)) {
    for (let i = last; i < m.index; i++) origin.push(i);
    decoded += text.slice(last, m.index);
    decoded += unescaped(m[1]!);
    origin.push(m.index);
    last = m.index + m[0].length;
  }
  if (last === 0) return { decoded: text, origin };
  for (let i = last; i <= text.length; i++) origin.push(i);
  return { decoded: decoded + text.slice(last), origin };
}

/**
 * `found` (the findings of `text` as written) and the base64-bodied tokens found in `text` decoded that hold an escape
 * and overlap none of them, each over its encoded text (`value` as written: the codemod moves the encoded value, which
 * the code then builds from the env as it did from the literal). A key whose first `%2F` comes before its format's
 * least body is found only so.
 */
function withEncodedTokens(text: string, found: Finding[], detectDecoded: (decoded: string) => Finding[]): Finding[] {
  const { decoded, origin } = decodeEscapedBase64(text);
  if (decoded === text) return found;
  let out = found;
  for (const f of detectDecoded(decoded)) {
    if (!BASE64_BODY_FORMATS.has(f.id)) continue;
    const start = origin[f.start]!;
    const end = origin[f.end]!;
    // no escape inside: the reading as written has it (or left it for a reason of its own)
    if (end - start === f.end - f.start) continue;
    if (out.some((g) => g.start < end && start < g.end)) continue;
    if (out === found) out = [...found];
    out.push({ ...f, start, end, value: text.slice(start, end) });
  }
  return out === found ? found : out.sort((a, b) => a.start - b.start);
}

/**
 * A base64 token written percent-encoded (`?code=<encodeURIComponent(key)>`) matches its format only up to its first
 * `%2F`: the finding covers the rest too, so that the codemod moves the whole value as written (the code builds the
 * same string from the env) and no output shows its tail.
 */
function withPercentEncodedRest(text: string, f: Finding): Finding {
  if (text.charCodeAt(f.end) !== 37 || !BASE64_BODY_FORMATS.has(f.id) || text.slice(f.start, f.end) !== f.value) return f;
  const rest = PERCENT_ENCODED_REST.exec(text.slice(f.end, f.end + 2048))?.[0];
  if (rest === undefined) return f;
  return { ...f, end: f.end + rest.length, value: f.value + rest };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

let shared: Detector | undefined;

/** Detect with the built-in formats and no options (shared, compiled once). */
export function detectSecrets(text: string, context: DetectContext | (() => DetectContext) = {}): Finding[] {
  shared ??= new Detector();
  return shared.detect(text, context);
}

/** How a message names a finding: `GitHub personal access token`, `Secret`, `PostgreSQL password in a URL`. */
export function describeFinding(finding: Finding): string {
  if (finding.provider === 'Generic') return finding.kind.charAt(0).toUpperCase() + finding.kind.slice(1);
  return `${finding.provider} ${finding.kind}`;
}

/** The env name a finding suggests, normalised to `UPPER_SNAKE`. */
export function envNameOf(finding: Finding): string {
  return /^[A-Z_][A-Z0-9_]*$/.test(finding.envName) ? finding.envName : toEnvName(finding.envName) || 'API_SECRET';
}
