/**
 * Features of a candidate record: what the learned model sees. Three kinds, all binary and named, so a
 * decision can be explained by the features behind it:
 *  - rules: every grammar rule that fires on the candidate's text (`g:<rule id>`, `g0:<kind>` when it fires
 *    at the start), and the extractor that drafted it (`from:` / `rule:`) — the grammars stay data;
 *  - layout: the unit's role, part, section, marker and indent, its place in the item and document, and
 *    the same facts of the units before and after it;
 *  - lexical: first words, closing words, sentence count, length, closing punctuation, verb forms, words of the opening.
 * Nothing here names a text or a body: features describe the genre's cues, and the weights say which count.
 */
import type { Context, PlacedUnit } from '../context.js';
import type { RuleKind } from '../schema/grammar.js';
import { isHeadingLike } from '../stages/group-units.js';
import { prefilterOf, TrigramTable, type Prefilter } from '../grammar/needles.js';
import type { Grammar } from '../grammar/compile.js';
import { characterClass, isAsciiLetterOrDigit, isBlank, isSpace } from '../text/strings.js';

/**
 * Rule kinds probed on every candidate's text: the kinds that mark records. Line-level kinds (section labels,
 * headings, page chrome, meeting lines, attendance) reach the model through the unit's role, part and section
 * and through the drafts; probing them on every candidate too cost a third of the stage and moved no figure
 * under cross-validation.
 */
const PROBED: RuleKind[] = ['resolutionLabel', 'recommendationLabel', 'decision', 'procedural', 'noRecord', 'agendaLine', 'motion', 'witness', 'declaration', 'actionCue'];

const PROBE_CHARS = 200;
/** Minutes "approved as a true and accurate record": a cue for decisions, and never an action (classify-records). */
export const TRUE_RECORD = /\b(?:true|correct|accurate)\s+(?:and\s+(?:accurate|correct)\s+)?record\b/i;
// Verb forms that mark decisions, requests, reports and procedure in the genre (not any text's wording).
export const CUES: readonly [string, RegExp][] = [
  ['be-ed', /\b(?:be|is|are|was|were|been)\s+(?:\w+ly\s+)?\w+ed\b/i],
  ['that-start', /^that\b/i],
  ['requests-that', /\b(?:request|requests|requested|asks|asked|urged|instructs|instructed)\s+(?:that|the|officers)\b/i],
  ['was-asked', /\b(?:was|were|be)\s+(?:asked|requested|instructed|authorised|delegated)\s+to\b/i],
  ['to-verb', /\bto\s+(?:write|send|circulate|contact|obtain|arrange|report|provide|investigate|chase|ask|seek|review|prepare|update|inform|check|liaise|order|draft|speak|look|bring|share|confirm|follow)\b/i],
  ['would-will', /\b(?:would|will|shall)\b/i],
  ['agreed', /\b(?:agreed|agree|resolved|decided|approved|adopted|endorsed|noted|accepted|ratified|deferred|refused|granted|carried)\b/i],
  ['unanimous', /\bunanimous(?:ly)?\b/i],
  // The mandative subjunctive of a resolution's clause, "(that) the report be noted", "the apology from X be
  // accepted": "be" and a participle after a subject, not after a modal or "to" ("would be approved", "to be held").
  ['subjunctive', /(?<!\b(?:will|would|could|should|shall|may|might|must|can|cannot|to|not|also|and|or)\s)\bbe\s+(?:\w+ly\s+)?(?:\w+ed|given|made|taken|sent|written|held|put|set|paid|brought|drawn|undertaken|shown|chosen)\b/i],
  // A decision told in the passive or by its maker: "were agreed as a true record", "was duly appointed",
  // "The Cabinet endorsed …", "The committee chose …"; a deferral in any words.
  ['passive-decision', /\b(?:was|were|is|are|be|been)\s+(?:(?:duly|unanimously|formally|hereby)\s+)?(?:agreed|approved|adopted|noted|deferred|appointed|elected|co-opted|accepted|ratified|endorsed|confirmed|signed|carried|granted|refused|withdrawn)\b/i],
  ['body-decided', /\b(?:Committee|Council|Board|Panel|Cabinet|Members|Governors|Trustees|Sub-Committee|Forum|meeting)\s+(?:(?:unanimously|then|therefore|also)\s+)?(?:agreed|approved|resolved|decided|endorsed|noted|chose|elected|appointed|deferred|accepted|adopted|ratified|supported)\b/i],
  ['true-record', TRUE_RECORD],
  // The decision verb said outright, wherever it stands: "It was RESOLVED to exclude …", "it was agreed that …",
  // "The Panel decided unanimously to …".
  ['resolved-caps', /\b(?:RESOLVED|AGREED|DECIDED|DEFERRED|APPROVED)\b/],
  ['decided-that', /\b(?:resolved|agreed|decided|determined)\s+(?:(?:unanimously|accordingly|therefore)\s+)?(?:that\b|to\s+[a-z]{3,})/i],
  ['deferral', /\b(?:deferred|postponed|carried\s+forward|(?:moved|held\s+over)\s+to\s+the\s+next\s+meeting)\b/i],
  ['proposed-seconded', /\b(?:proposed|seconded|moved)\b/i],
  // A motion told with its outcome: "proposed by X, seconded by Y and unanimously approved / appointed".
  ['seconded-carried', /\bseconded\b[^.;]{0,100}?\b(?:agreed|approved|carried|appointed|accepted|resolved|adopted|elected|endorsed)\b/i],
  ['report', /\breport\b/i],
  ['presented', /\b(?:presented|introduced|outlined|explained|gave|provided|updated|addressed|reported)\b/i],
  // Asking a question is debate; being asked to do something is an action (was-asked, agent-to-verb).
  ['asked-q', /\b(?:asked|queried|questioned)\s+(?:if|whether|about|why|how|what|when|where|who|for\s+clarification)\b|\b(?:raised|commented|noted that|stated|advised|confirmed|responded|explained that)\b/i],
  // "Clerk to obtain prices", "RM to distribute packs", "Cllr Lee to look at the track", "– SV to remind …":
  // an action log's owner (a role, a councillor or initials) followed by "to" and a verb.
  ['agent-to-verb', /(?:^|[–—:-]\s+)(?:(?:The|the)\s+)?(?:Clerk|Chair(?:man|person)?|Vice[- ]Chair(?:man)?|Treasurer|Secretary|Mayor|Officers?|(?:Cllrs?\.?|Councillors?|Mr|Mrs|Ms|Dr)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|[A-Z]{2,4}(?:\s*(?:and|&|\/)\s*[A-Z]{2,4})*|[A-Z][a-z]+\s+(?:Officer|Manager|Director|Clerk|Lead))\s+to\s+[a-z]{3,}/],
  ['agreed-to-verb', /\b(?:agreed|undertook|offered|volunteered|promised)\s+to\s+[a-z]{3,}/i],
  ['clerk', /\bclerk\b/i],
  ['reminded', /\breminded\b/i],
  ['future', /\b(?:next\s+meeting|in\s+the\s+coming|by\s+the\s+end\s+of|before\s+the\s+next|in\s+due\s+course|as\s+soon\s+as)\b/i],
  ['declare', /\b(?:declared?|declaration|interest|pecuniary|prejudicial)\b/i],
  ['welcome-apolog', /\b(?:welcomed|apologies|apologised|substitut)/i],
  ['time', /\b\d{1,2}[.:]\d{2}\s*(?:a\.?m|p\.?m)\b|\b\d{1,2}\s*(?:a\.?m|p\.?m)\b/i],
  ['date', /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i],
  ['money', /£\s?\d/],
  ['meeting-closed', /\b(?:meeting|session)\s+(?:closed|ended|concluded|finished|terminated)\b|\bclosed the meeting\b/i],
  ['colon-field', /^[A-Z][\w ?'’-]{1,40}:\s/],
  ['question', /\?/],
  ['file-link', /\b(?:PDF|pdf|docx?|DOCX?)\s+\d+\s*(?:KB|MB|kb)\b/],
  ['infinitive-start', /^To\s+[a-z]+/],
  ['first-person', /\b(?:I|we|my|our)\b/],
  ['councillor', /\b(?:Cllr|Councillor|Councillors|Members?)\b/],
  ['officer-role', /\b(?:Director|Officer|Manager|Head of|Clerk|Chief|Executive|Chair(?:man)?|Leader|Portfolio Holder|Cabinet Member)\b/],
];

// Each cue with its prefilter (see grammar/needles.ts): most cues fail on most texts.
type PrefilteredCue = readonly [name: string, re: RegExp, prefilter: Prefilter | null];
const PREFILTERED_CUES: readonly PrefilteredCue[] = CUES.map(([name, re]) => [name, re, prefilterOf(re.source, re.flags)] as const);
const cueTable = new TrigramTable();

/**
 * `prefix + value` as one shared string per pair, for features whose values come from a small set (kinds,
 * rule ids, roles, buckets). The same string object every time: the model's table finds it by a hash worked
 * out once, where a freshly built string is built, flattened and hashed again for every candidate.
 */
const internedFeatures = new Map<string, Map<string, string>>();
export function named(prefix: string, value: string): string {
  let byValue = internedFeatures.get(prefix);
  if (!byValue) internedFeatures.set(prefix, (byValue = new Map()));
  let feature = byValue.get(value);
  if (feature === undefined) byValue.set(value, (feature = prefix + value));
  return feature;
}

const bucket = (n: number, edges: number[]) => {
  let i = 0;
  while (i < edges.length && n >= edges[i]) i++;
  return String(i);
};

/**
 * A word is a run of letters, digits and apostrophes (`/[\p{L}\p{N}'’]+/u`). Read by hand: the regular
 * expression made a string of every word of every candidate's opening, where the features keep a dozen and
 * count the rest. Returns how many code units the word character at `i` spans (0 when none is there).
 */
const wordCharAt = characterClass((c) => isAsciiLetterOrDigit(c) || c === 39, /^[\p{L}\p{N}’]$/u);

/** Where the word starting at `i` ends. */
function wordEnd(text: string, i: number): number {
  for (let size = wordCharAt(text, i); size; size = i < text.length ? wordCharAt(text, i) : 0) i += size;
  return i;
}

/** The words of `text` in order: the first `keep` of them as strings (into `kept`), and how many there are. */
function scanWords(text: string, keep: number, kept: string[]): number {
  let count = 0;
  for (let i = 0; i < text.length; ) {
    if (!wordCharAt(text, i)) {
      i++;
      continue;
    }
    const end = wordEnd(text, i);
    if (count++ < keep) kept.push(text.slice(i, end));
    i = end;
  }
  return count;
}

/** How many opening words the features read (unigrams: 12; pairs: the first 10). */
const OPENING_WORDS_KEPT = 12;

/** The opening's first words (lower-cased, ’ read as ') and how many words its first 400 characters hold. */
function openingWords(text: string): { words: string[]; count: number } {
  const words: string[] = [];
  const count = scanWords(text.slice(0, 400).toLowerCase(), OPENING_WORDS_KEPT, words);
  for (let i = 0; i < words.length; i++) if (words[i].includes('’')) words[i] = words[i].replace(/’/g, "'");
  return { words, count };
}

/** The last two words of the text's closing 120 characters, lower-cased (fewer when it holds fewer). */
function closingWords(text: string): string[] {
  const tail = text.slice(-120).toLowerCase();
  // Read from the end, a code point at a time: only the last two words are wanted.
  const found: string[] = [];
  for (let i = tail.length; found.length < 2 && i > 0; ) {
    let start = codePointBefore(tail, i);
    if (!wordCharAt(tail, start)) {
      i = start;
      continue;
    }
    const end = i;
    do i = start;
    while (i > 0 && wordCharAt(tail, (start = codePointBefore(tail, i))));
    found.unshift(tail.slice(i, end));
  }
  return found;
}

/** Where the code point ending at `i` starts: a surrogate pair is one. */
function codePointBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return i - 2;
  }
  return i - 1;
}

/**
 * Which word features a record type's model sees. Measured under cross-validation by body: single words
 * of the opening mostly name a text's topic ("allotment", "budget"), and at the shared penalty they cost
 * points and decisions; penalised as words are (TrainSettings.lexicalL2Factor) they help every type but
 * actions (pooled macro-F1 0.841 → 0.844, points 0.820 → 0.833). Word pairs help every type but actions.
 */
export interface WordFeatures {
  unigrams: boolean;
  bigrams: boolean;
}

/**
 * The lexical features: the text's own words (first words, opening words and pairs, closing words), as
 * against the rules, cues and layout, which name the genre's devices. Training penalises them harder (see
 * TrainSettings.lexicalL2Factor): most words a body's minutes use are that body's names and topics.
 */
const LEXICAL = /^(?:w1|w2|u|bi|lb|lw):/;
export const isLexical = (feature: string): boolean => LEXICAL.test(feature);
type LexicalPrefix = 'w1:' | 'w2:' | 'u:' | 'bi:' | 'lb:' | 'lw:';

/**
 * Names the lexical features of a text, from one word ("u:" + word) or two ("bi:" + first + " " + second).
 * Training names every one (EVERY_WORD_FEATURE). Scoring needs only those the model weighs — any other adds
 * nothing to a score and cannot be evidence — and finds each by its words in the model's own names
 * (wordFeaturesOf), without building a new string per word and hashing it to look it up: those lookups were
 * the largest cost of judging a candidate. Same scores, same evidence.
 */
export interface WordFeatureNames {
  one(prefix: LexicalPrefix, word: string): string | undefined;
  two(prefix: LexicalPrefix, first: string, second: string): string | undefined;
}

export const EVERY_WORD_FEATURE: WordFeatureNames = {
  one: (prefix, word) => prefix + word,
  two: (prefix, first, second) => `${prefix}${first} ${second}`,
};

/** The lexical features among `features` (a model's), found by their words. */
export function wordFeaturesOf(features: Iterable<string>): WordFeatureNames {
  const one = new Map<string, Map<string, string>>();
  const two = new Map<string, Map<string, Map<string, string>>>();
  const inner = <V>(map: Map<string, Map<string, V>>, key: string) => {
    let found = map.get(key);
    if (!found) map.set(key, (found = new Map()));
    return found;
  };
  for (const feature of features) {
    const prefix = LEXICAL.exec(feature)?.[0];
    if (!prefix) continue;
    const value = feature.slice(prefix.length);
    inner(one, prefix).set(value, feature);
    // Words hold no spaces, so a pair's value splits at its one space.
    const space = value.indexOf(' ');
    if (space >= 0) inner(inner(two, prefix), value.slice(0, space)).set(value.slice(space + 1), feature);
  }
  return {
    one: (prefix, word) => one.get(prefix)?.get(word),
    two: (prefix, first, second) => two.get(prefix)?.get(first)?.get(second),
  };
}

/**
 * Which of the text features textFeatures works out: the word features by their names (WordFeatureNames),
 * the cues, and the rule kinds probed. Training works out every one (EVERY_TEXT_FEATURE). A model judging a
 * candidate needs only those it weighs for the types the candidate is judged as (featureScope): a cue or a
 * rule kind that none of those weights names adds nothing to the scores that are read and is never evidence.
 * An action candidate is judged by 8 cues of the 38, a witness by none of the rule kinds.
 */
export interface FeatureScope {
  names: WordFeatureNames;
  cues: readonly PrefilteredCue[];
  probed: readonly RuleKind[];
}

export const EVERY_TEXT_FEATURE: FeatureScope = { names: EVERY_WORD_FEATURE, cues: PREFILTERED_CUES, probed: PROBED };

/** The text features `weighs` names, for a text of `grammar` (a probed kind's features name its rules). */
export function featureScope(weighs: (feature: string) => boolean, names: WordFeatureNames, grammar: Grammar): FeatureScope {
  return {
    names,
    cues: PREFILTERED_CUES.filter(([name]) => weighs(named('cue:', name))),
    probed: PROBED.filter((kind) => weighs(named('gk:', kind)) || weighs(named('g0:', kind)) || grammar.rulesOf(kind).some((rule) => weighs(named('g:', rule.id)))),
  };
}

/** Features of a text: rules that fire, cues and opening words. */
export function textFeatures(ctx: Context, text: string, out: string[], words: WordFeatures, scope: FeatureScope = EVERY_TEXT_FEATURE): void {
  const { grammar } = ctx;
  const { names } = scope;
  // Rules are probed on the opening only: cues stand at the start of a record (the scoring rule reads the
  // first 200 characters too), and this keeps the cost per candidate flat however long it runs.
  const head = text.length > PROBE_CHARS ? text.slice(0, PROBE_CHARS) : text;
  for (const kind of scope.probed) {
    const m = grammar.first(kind, head);
    if (!m) continue;
    out.push(named('g:', m.rule.id), named('gk:', kind));
    if (m.match.index === 0) out.push(named('g0:', kind));
  }
  if (scope.cues.length) {
    cueTable.mark(text);
    for (const [name, re, prefilter] of scope.cues) if (cueTable.mayHold(prefilter) && re.test(text)) out.push(named('cue:', name));
  }
  const { words: w, count: wordCount } = openingWords(text);
  const push = (feature: string | undefined) => feature !== undefined && out.push(feature);
  push(names.one('w1:', w[0] ?? ''));
  push(w.length >= 2 ? names.two('w2:', w[0], w[1]) : names.one('w2:', w[0] ?? ''));
  // Each opening word once.
  if (words.unigrams) for (let i = 0; i < w.length; i++) if (w.indexOf(w[i]) === i) push(names.one('u:', w[i]));
  if (words.bigrams) for (let i = 0; i + 1 < Math.min(w.length, 10); i++) push(names.two('bi:', w[i], w[i + 1]));
  // The closing words: a decision often ends as one ("… be noted", "… as a correct record", "… was agreed").
  if (words.bigrams) {
    const tail = closingWords(text);
    const n = tail.length;
    if (n >= 2) push(names.two('lb:', tail[n - 2], tail[n - 1]));
    if (n >= 1) push(names.one('lw:', tail[n - 1]));
  }
  out.push(named('len:', bucket(wordCount, [3, 6, 10, 20, 40, 80])));
  const trimmed = text.trim();
  const last = trimmed.slice(-2);
  out.push(named('end:', /:-?$/.test(last) ? 'colon' : /[–—-]$/.test(last) ? 'dash' : /[.!?]["'”’)]?$/.test(last) ? 'stop' : /;(?:\s*and)?$|;$/.test(last) ? 'semi' : /,$/.test(last) ? 'comma' : 'none'));
  if (/^[A-Z0-9][A-Z0-9 &,'’()/-]{4,}$/.test(trimmed.slice(0, 60))) out.push(`caps`);
  const caps = capitalisedWords(trimmed);
  out.push(named('capr:', bucket(wordCount ? caps / wordCount : 0, [0.2, 0.5, 0.8])));
  if (/^[\d(]/.test(trimmed)) out.push(`digit-start`);
}

const SENTENCE_KINDS: RuleKind[] = ['procedural', 'noRecord', 'decision', 'resolutionLabel'];

/**
 * Sentence-level rule features: the grammar's procedural and decision rules are written for one sentence,
 * and a paragraph that opens procedurally ("The Committee considered the report …") may go on with content.
 * The first sentence's kinds, and whether every sentence is procedural.
 */
export function sentenceFeatures(ctx: Context, sentences: readonly string[], out: string[]): void {
  const { grammar } = ctx;
  out.push(named('sentences:', bucket(sentences.length, [2, 3, 5])));
  if (!sentences.length) return;
  const kindsOf = (text: string) => SENTENCE_KINDS.filter((k) => grammar.first(k, text) !== null);
  const first = kindsOf(sentences[0]);
  for (const k of first) out.push(named('s1:', k));
  // Procedural throughout? Stop at the first sentence that is not (most paragraphs have one early).
  const procedural = (text: string) => grammar.first('procedural', text) !== null || grammar.first('noRecord', text) !== null;
  const firstProcedural = first.includes('procedural') || first.includes('noRecord');
  let all = firstProcedural;
  for (let i = 1; all && i < sentences.length; i++) all = procedural(sentences[i]);
  if (all) out.push('all-procedural');
  else if (firstProcedural) out.push('some-procedural');
}

/** Layout features of a unit and its neighbours. */
export function unitFeatures(ctx: Context, i: number, out: string[]): void {
  const { units } = ctx;
  const u = units[i];
  // The template family detected for the text (moderngov, numbered, scrutiny, _base) is a layout cue too.
  out.push(named('family:', ctx.grammar.id));
  out.push(named('role:', u.role), named('part:', u.part), named('sec:', u.section ?? 'none'), named('mk:', u.marker?.kind ?? 'none'), named('indent:', bucket(u.indent, [1, 4])));
  if (u.blockStart) out.push('block-start');
  if (isHeadingLike(u.text)) out.push('heading-like');
  const layout = layoutOf(units);
  const len = (j: number) => (j >= 0 ? lengthBucket(layout, units, j) : 'x');
  if (u.consumedBy) out.push(named('taken:', u.consumedBy));
  out.push(named('pos:', bucket(units.length ? i / units.length : 0, [0.1, 0.3, 0.6, 0.9])));
  const prevAt = neighbour(units, i, -1);
  const nextAt = neighbour(units, i, 1);
  const prev = prevAt >= 0 ? units[prevAt] : undefined;
  const next = nextAt >= 0 ? units[nextAt] : undefined;
  out.push(named('prev-role:', prev?.role ?? 'start'), named('prev-mk:', prev?.marker?.kind ?? 'none'), named('next-role:', next?.role ?? 'end'), named('next-mk:', next?.marker?.kind ?? 'none'));
  if (prev && /(?::-?|[–—-])\s*$/.test(prev.text)) out.push('after-lead-in');
  // "Any other business", "Date and time of next meeting" above a paragraph: an item's title in sentence case,
  // which the capitals of heading-like do not catch.
  if (len(i) === '0' && next && len(nextAt) !== '0' && /^[A-Z]/.test(u.text) && !/[.!?:;,]\s*$/.test(u.text)) out.push('title-line');
  out.push(named('prev-len:', len(prevAt)), named('next-len:', len(nextAt)));
  // A run of short lines is a menu, a list of documents or a table of names, rarely the debate.
  if (len(i) === '0' && len(prevAt) === '0' && len(nextAt) === '0') out.push('short-run');
  if (layout.hasAgendaPart) out.push(named('doc-agenda-part:', u.part));
  if (prev?.consumedBy) out.push(named('prev-taken:', prev.consumedBy));
  if (next?.consumedBy) out.push(named('next-taken:', next.consumedBy));
  if (!prev || prev.item !== u.item) out.push('first-in-item');
  if (!next || next.item !== u.item) out.push('last-in-item');
  if (prev && u.marker && prev.marker?.kind === u.marker.kind) out.push('same-marker-as-prev');
  // The nearest label above in the same item ("RESOLVED –", "Minutes:"): decisions follow their label.
  for (let j = i - 1; j >= 0 && j >= i - 12; j--) {
    const v = units[j];
    if (v.item !== u.item) break;
    if (v.role === 'label' || v.role === 'heading') {
      out.push(named(named('above:', v.role), `:${v.consumedBy ?? v.section ?? 'none'}`));
      break;
    }
  }
}

/** How many runs of whitespace the text holds: `text.split(/\s+/).length - 1`, without making the pieces; counted up to `atMost`. */
export function whitespaceRuns(text: string, atMost = Infinity): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length && runs < atMost; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (space && !inRun) runs++;
    inRun = space;
  }
  return runs;
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** How many matches of `/\b[A-Z][a-z]/g` the text holds, without making them. */
export function capitalisedWords(text: string): number {
  let n = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) continue;
    const next = text.charCodeAt(i + 1);
    if (next >= 97 && next <= 122 && (i === 0 || !isWordChar(text.charCodeAt(i - 1)))) n++;
  }
  return n;
}

/** What unitFeatures reads of a whole document, worked out once per document (its units array). */
interface DocumentLayout {
  /** Does the text have an agenda part before its minutes? */
  hasAgendaPart: boolean;
  /** Each unit's length as unitFeatures buckets it, once read: each unit is also its neighbours' neighbour. */
  lengthBuckets: (string | undefined)[];
}
const layouts = new WeakMap<readonly PlacedUnit[], DocumentLayout>();
function layoutOf(units: readonly PlacedUnit[]): DocumentLayout {
  let layout = layouts.get(units);
  if (!layout) layouts.set(units, (layout = { hasAgendaPart: units.some((v) => v.part === 'agenda'), lengthBuckets: new Array(units.length) }));
  return layout;
}

/** A unit's length (under 4 words, under 11, more), counted up to the last edge: a long unit's words need not all be counted to know it is long. */
function lengthBucket(layout: DocumentLayout, units: readonly PlacedUnit[], i: number): string {
  return (layout.lengthBuckets[i] ??= bucket(whitespaceRuns(units[i].text, 10) + 1, [4, 11]));
}

/** The index of the nearest unit before (step -1) or after (step 1) unit `i` that is not blank; -1 when none. */
function neighbour(units: readonly PlacedUnit[], i: number, step: number): number {
  for (let j = i + step; j >= 0 && j < units.length; j += step) if (!isBlank(units[j].text)) return j;
  return -1;
}
