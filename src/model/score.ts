/**
 * Scoring against gold annotations, exactly as corpus/GUIDE.md says: per record type, gold and extracted
 * records are paired one to one, most similar first, by the Dice coefficient of the word multisets of the
 * first 200 characters (lower-cased, punctuation dropped); a pair counts at 0.6 (0.5 for witnesses, compared
 * as "name role"; declarations compare as "member text"). Counts are summed over files. An action's owner
 * is right when one extracted owner contains, or is contained in, one accepted owner (or both are empty).
 */
import type { MinutesDocument } from '../schema/minutes.js';
import { characterClass, isAsciiLetterOrDigit, isSpace } from '../text/strings.js';

export const RECORD_TYPES = ['witnesses', 'declarations', 'discussionPoints', 'resolutions', 'recommendations', 'actions'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export const MEETING_FIELDS = ['committee', 'date', 'item', 'title'] as const;

export interface Gold {
  meeting: Record<(typeof MEETING_FIELDS)[number], string | null>;
  truncated: boolean;
  witnesses: { name: string | null; role: string | null }[];
  declarations: { member: string; text: string }[];
  discussionPoints: string[];
  resolutions: string[];
  recommendations: string[];
  actions: { text: string; owners: string[] }[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface FileScore {
  name: string;
  counts: Record<RecordType, Counts>;
  owners: { right: number; total: number };
  meeting: { right: number; total: number; wrong: string[] };
  truncated: boolean;
  /** Unmatched records, for debugging: gold missed and extracted spurious. */
  misses: Record<RecordType, { missed: string[]; spurious: string[] }>;
  /** Indices of the extracted records that the scoring paired with a gold record, per type. */
  matched: Record<RecordType, number[]>;
}

/** How many characters of a record the comparison reads. */
export const WORDS_READ = 200;

/**
 * The words a record is compared on: its first 200 characters, lower-cased, split at white space, with every
 * character but letters and digits dropped from each word ("don't" → "dont"; a word of punctuation alone is
 * none). Read by scanning: every record of every comparison passes here.
 */
export function words(text: string): string[] {
  const lower = text.slice(0, WORDS_READ).toLowerCase();
  const out: string[] = [];
  for (let i = 0; i < lower.length; ) {
    if (isSpace(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    // One word: its runs of letters and digits, joined.
    let word = '';
    while (i < lower.length && !isSpace(lower.charCodeAt(i))) {
      const start = i;
      for (let size = letterOrDigitAt(lower, i); size; size = i < lower.length ? letterOrDigitAt(lower, i) : 0) i += size;
      if (i > start) word = word ? word + lower.slice(start, i) : lower.slice(start, i);
      // Skip what is dropped: one character (a whole code point) that is neither white space nor kept.
      else i += lower.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    if (word) out.push(word);
  }
  return out;
}

/** `[\p{L}\p{N}]`: a letter or a digit. */
const letterOrDigitAt = characterClass(isAsciiLetterOrDigit, /^[\p{L}\p{N}]$/u);

export function dice(a: string, b: string): number {
  return diceOfWords(words(a), words(b));
}

/** The Dice coefficient of two word lists (as `words` gives them): for comparing one text with many. */
export function diceOfWords(wa: readonly string[], wb: readonly string[]): number {
  if (wa.length === 0 && wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/** A word list (as `words` gives it) as counts, for comparing one text with many without counting it again. */
export interface WordBag {
  counts: Map<string, number>;
  size: number;
}

export function bagOf(list: readonly string[]): WordBag {
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { counts, size: list.length };
}

/** diceOfWords of the two lists the bags count: the words in common are the sum of each word's smaller count. */
export function diceOfBags(a: WordBag, b: WordBag): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.counts.size <= b.counts.size ? [a.counts, b.counts] : [b.counts, a.counts];
  let common = 0;
  for (const [w, n] of small) common += Math.min(n, large.get(w) ?? 0);
  return (2 * common) / (a.size + b.size);
}

/** Greedy one-to-one pairing, most similar first; returns index pairs [gold, extracted]. */
export function pair(gold: string[], got: string[], threshold: number): [number, number][] {
  const candidates: [number, number, number][] = [];
  gold.forEach((g, i) => got.forEach((e, j) => {
    const s = dice(g, e);
    if (s >= threshold) candidates.push([s, i, j]);
  }));
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedGold = new Set<number>();
  const usedGot = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (usedGold.has(i) || usedGot.has(j)) continue;
    usedGold.add(i);
    usedGot.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

const norm = (s: string | null) => (s === null ? null : s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase());

/** The text each record type is compared on (GUIDE.md): "name role" for witnesses, "member text" for declarations. */
const personText = (w: { name: string | null; role: string | null }) => `${w.name ?? ''} ${w.role ?? ''}`;
const memberText = (d: { member: string; text: string }) => `${d.member} ${d.text}`;

export function goldTexts(type: RecordType, gold: Gold): string[] {
  switch (type) {
    case 'witnesses':
      return gold.witnesses.map(personText);
    case 'declarations':
      return gold.declarations.map(memberText);
    case 'actions':
      return gold.actions.map((a) => a.text);
    default:
      return gold[type];
  }
}

export function documentTexts(type: RecordType, doc: MinutesDocument): string[] {
  switch (type) {
    case 'witnesses':
      return doc.witnesses.map(personText);
    case 'declarations':
      return doc.declarations.map(memberText);
    default:
      return doc[type].map((r) => r.text);
  }
}

/** The similarity at which a pair counts: 0.5 for witnesses, 0.6 for every other type. */
export const pairThreshold = (type: RecordType): number => (type === 'witnesses' ? 0.5 : 0.6);

export function scoreFile(name: string, gold: Gold, doc: MinutesDocument): FileScore {
  const counts = {} as FileScore['counts'];
  const misses = {} as FileScore['misses'];
  const matched = {} as FileScore['matched'];
  const owners = { right: 0, total: 0 };
  for (const type of RECORD_TYPES) {
    const g = goldTexts(type, gold);
    const e = documentTexts(type, doc);
    const pairs = pair(g, e, pairThreshold(type));
    matched[type] = pairs.map(([, j]) => j);
    counts[type] = { tp: pairs.length, fp: e.length - pairs.length, fn: g.length - pairs.length };
    misses[type] = {
      missed: g.filter((_, i) => !pairs.some(([gi]) => gi === i)),
      spurious: e.filter((_, j) => !pairs.some(([, ej]) => ej === j)),
    };
    if (type === 'actions') {
      for (const [gi, ej] of pairs) {
        owners.total++;
        const accepted = gold.actions[gi].owners.map((o) => norm(o)!);
        const extracted = doc.actions[ej].owners.map((o) => norm(o.text)!);
        const right =
          (accepted.length === 0 && extracted.length === 0) ||
          extracted.some((x) => accepted.some((a) => a.includes(x) || x.includes(a)));
        if (right) owners.right++;
      }
    }
  }
  const meeting = { right: 0, total: 0, wrong: [] as string[] };
  for (const field of MEETING_FIELDS) {
    meeting.total++;
    if (norm(gold.meeting[field]) === norm(doc.meeting[field])) meeting.right++;
    else meeting.wrong.push(`${field}: gold ${JSON.stringify(gold.meeting[field])} got ${JSON.stringify(doc.meeting[field])}`);
  }
  return { name, counts, owners, meeting, truncated: gold.truncated === doc.truncated, misses, matched };
}

export interface Summary {
  files: number;
  perType: Record<RecordType, Counts & { precision: number; recall: number; f1: number }>;
  /** The mean F1 of the six types: each type weighs the same, however many records it has. */
  macroF1: number;
  owners: { right: number; total: number; accuracy: number };
  meeting: { right: number; total: number; accuracy: number };
  truncated: { right: number; total: number };
}

export function summarise(scores: FileScore[]): Summary {
  const perType = {} as Summary['perType'];
  for (const type of RECORD_TYPES) {
    const c = scores.reduce((acc, s) => ({ tp: acc.tp + s.counts[type].tp, fp: acc.fp + s.counts[type].fp, fn: acc.fn + s.counts[type].fn }), { tp: 0, fp: 0, fn: 0 });
    const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
    const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perType[type] = { ...c, precision, recall, f1 };
  }
  const owners = scores.reduce((a, s) => ({ right: a.right + s.owners.right, total: a.total + s.owners.total }), { right: 0, total: 0 });
  const meeting = scores.reduce((a, s) => ({ right: a.right + s.meeting.right, total: a.total + s.meeting.total }), { right: 0, total: 0 });
  return {
    files: scores.length,
    perType,
    macroF1: RECORD_TYPES.reduce((a, t) => a + perType[t].f1, 0) / RECORD_TYPES.length,
    owners: { ...owners, accuracy: owners.total ? owners.right / owners.total : 1 },
    meeting: { ...meeting, accuracy: meeting.total ? meeting.right / meeting.total : 1 },
    truncated: { right: scores.filter((s) => s.truncated).length, total: scores.length },
  };
}
