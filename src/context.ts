/**
 * What the stages share: the input, its normalised form, the grammar, the units, and the records drafted
 * so far. Drafts hold spans in *normalised* offsets; the finishing stage maps them to input offsets and
 * cuts each record's text from the input, so a record's text is always exactly what the minutes say.
 */
import type { Grammar } from './grammar/compile.js';
import type { Section } from './schema/grammar.js';
import type { NormalisedText } from './stages/normalise-text.js';
import type { Unit } from './stages/group-units.js';

export interface DraftSpan {
  start: number;
  end: number;
}

export type Part = 'preamble' | 'agenda' | 'decision' | 'minutes' | 'trailer';

/** A unit with its place in the document. */
export interface PlacedUnit extends Unit {
  part: Part;
  section: Section | null;
  item: string | null;
  /** chrome: page furniture; heading: item or section heading; label: a marker line; content: text. */
  role: 'chrome' | 'heading' | 'label' | 'content';
  /** Set when a stage has taken the unit as a record that is not a discussion point. */
  consumedBy: string | null;
  /** In an attendance or apologies section: the status its label gives the people listed. */
  status?: 'present' | 'apologies' | 'absent' | 'substitute' | 'in_attendance' | 'remote';
  /** Where the discussion point starts / ends when a heading or a closing decision is cut off. */
  pointStart?: number;
  pointEnd?: number;
}

export interface DraftItem {
  id: string;
  number: string | null;
  title: string | null;
  span: DraftSpan;
}

export interface DraftRecord {
  span: DraftSpan;
  item: string | null;
  rule: string;
  confidence: number;
  /** When the learned model decided the record: the features that weighed most, strongest first. */
  evidence?: string[];
}

export interface DraftOwner {
  /** Where the owner is named (the whole phrase, e.g. "the Director of Finance"). */
  span: DraftSpan | null;
  /** The person's name, without honorifics, when known (it may come from the witness or attendance list). */
  nameSpan: DraftSpan | null;
  /** The role, without "the", when the owner is a role or a body. */
  roleSpan: DraftSpan | null;
}

export interface Drafts {
  meeting: { committee: string | null; date: string | null; item: string | null; title: string | null };
  truncated: boolean;
  items: DraftItem[];
  witnesses: (DraftRecord & { name: string | null; role: string | null; nameSpan: DraftSpan | null; roleSpan: DraftSpan | null; basis: 'listed' | 'presented' })[];
  declarations: (DraftRecord & { member: string; memberSpan: DraftSpan; interest: string | null; conduct: string | null })[];
  discussionPoints: DraftRecord[];
  /** `block`: index of the unit whose label opened the decision block (the unit itself when unlabelled). */
  resolutions: (DraftRecord & { number: string | null; unit: number; block: number })[];
  recommendations: (DraftRecord & { number: string | null; unit: number; block: number })[];
  actions: (DraftRecord & { owners: DraftOwner[]; from: { type: 'resolution' | 'recommendation'; index: number } | null })[];
  attendance: (DraftRecord & {
    nameSpan: DraftSpan;
    role: DraftSpan | null;
    status: 'present' | 'apologies' | 'absent' | 'substitute' | 'in_attendance' | 'remote';
    substituteFor: DraftSpan | null;
  })[];
  votes: (DraftRecord & {
    resolution: number | null;
    for: number | null;
    against: number | null;
    abstain: number | null;
    method: 'unanimous' | 'majority' | 'recorded' | null;
    mover: DraftSpan | null;
    seconder: DraftSpan | null;
  })[];
  warnings: { code: string; message: string; span: DraftSpan | null }[];
}

export interface Context {
  input: string;
  norm: NormalisedText;
  /** The normalised text (norm.text), which every pattern runs on. */
  text: string;
  grammar: Grammar;
  units: PlacedUnit[];
  /** What the learned stage read (kept for `eval --explain` and training). */
  candidates?: import('./stages/classify-records.js').Candidate[];
  drafts: Drafts;
}

export function emptyDrafts(): Drafts {
  return {
    meeting: { committee: null, date: null, item: null, title: null },
    truncated: false,
    items: [],
    witnesses: [],
    declarations: [],
    discussionPoints: [],
    resolutions: [],
    recommendations: [],
    actions: [],
    attendance: [],
    votes: [],
    warnings: [],
  };
}

/** Trims white space (and trailing bullet-ish junk) off a span of the normalised text. */
export function tightSpan(text: string, start: number, end: number): DraftSpan {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** The unit holding offset `at` (units are in text order). */
export function unitAt(ctx: Context, at: number): number {
  const { units } = ctx;
  let lo = 0;
  let hi = units.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
