/**
 * Letter pairs of words: the 292 pairs that make up 99.5 % of the pairs inside the words of TypeScript's own
 * declaration files (identifiers split at case changes, and their comments' English), derived by
 * `scripts/word-bigrams.ts`. Names are made of words, so nearly all their pairs are here (a join between two words
 * may not be: about one pair in eight in `preferredappointmentdaycode`); a random string has about half of its pairs
 * outside. Read by `looksRandomInOneCase` (entropy.ts), for tokens re-cased past what `looksRandom` reads.
 */
const PAIRS = [
  'ab ac ad ag ai ak al am an ap ar as at au av aw ax ay ba be bi bj bl bo',
  'br bs bt bu by ca cc ce ch ci ck cl co cr cs ct cu cy da dd de di dl do',
  'dr ds dt du dy ea eb ec ed ee ef eg ei el em en eo ep eq er es et eu ev',
  'ew ex ey fa fe ff fi fl fn fo fr fs ft fu ga ge gh gi gl gn go gr gs gt',
  'gu ha he hi hm ho hr ht ia ib ic id ie if ig ik il im in io ip ir is it',
  'iv ix iz je js ke kf ki la lb ld le lf li ll lo ls lt lu lv ly ma mb me',
  'mi mm mo mp ms mu na nc nd ne nf ng ni nk nl nn no np ns nt nu nv ny oa',
  'ob oc od of og oi oj ok ol om on oo op or os ot ou ov ow oz pa pd pe ph',
  'pi pl po pp pr ps pt pu py qu ra rc rd re rf rg ri rk rl rm rn ro rr rs',
  'rt ru rv rw ry sa sc se sf sh si sk sl so sp sr ss st su sx sy ta tc te',
  'th ti tl to tp tr ts tt tu ty ua ub uc ud ue uf ui ul um un up ur us ut',
  'va ve vi vo wa we wh wi wn wo wr ws xc xe xi xp xt yi yl ym yn yo yp ys',
  'yt yw ze zi',
].join(' ');

/** 26 × 26 flags: `WORD_PAIR[(a - 97) * 26 + (b - 97)]` is 1 when the lower-case pair `ab` is a word pair. */
export const WORD_PAIR: Readonly<Uint8Array> = (() => {
  const table = new Uint8Array(26 * 26);
  for (const pair of PAIRS.split(' ')) table[(pair.charCodeAt(0) - 97) * 26 + (pair.charCodeAt(1) - 97)] = 1;
  return table;
})();

/** How many pairs the table holds (the test checks it against the list). */
export const WORD_PAIR_COUNT = PAIRS.split(' ').length;
