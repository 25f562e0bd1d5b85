/**
 * Stage 6z — the learned decision: what each piece of text is.
 *
 * The rule stages before this one draft records; here every draft, and every unit of text no draft covers,
 * becomes a *candidate*. Each candidate gets the features of model/features.ts (the rules that fired on it
 * are among them) and each record type's logistic model says how likely it is to be a record of that type.
 * A candidate becomes a record of every type whose calibrated probability reaches the type's threshold;
 * its `confidence` is that probability and its `evidence` the features that weighed most.
 *
 * Units (paragraphs, list items, lines) are candidates for points, resolutions and recommendations: a unit
 * the rules read as a point may be a decision, page furniture or procedure, and the reverse. Witnesses,
 * declarations and actions are candidates as the rules drafted them (their fields come from the rules) and
 * the model keeps or drops each.
 *
 * Without a model (training, or `model: null`) the stage only collects candidates; the drafts stay as the
 * rules made them.
 */
import type { Context, DraftRecord, DraftSpan, Drafts } from '../context.js';
import { tightSpan, unitAt } from '../context.js';
import { sigmoid } from '../model/logistic.js';
import { BLOCK_TYPES, evidenceOf, MODEL_TYPES, modelFeatureScope, rawScores, type BlockType, type Model, type ModelType, type Scored } from '../model/model.js';
import { EVERY_TEXT_FEATURE, named, sentenceFeatures, textFeatures, TRUE_RECORD, unitFeatures, type FeatureScope } from '../model/features.js';
import { collapse, collapsedHead, splitSentences } from '../text/sentences.js';
import { clauseOwners, DECLARING_WORDS, presentingVerb, proposeActions, proposeDeclarations, proposeWitnesses } from './propose-records.js';
import { isChair, isGeneric } from '../nlp/people.js';
import { LEAD_IN_END } from './extract-points.js';
import { bagOf, diceOfBags, pairThreshold, words, WORDS_READ, type WordBag } from '../model/score.js';

export interface Candidate {
  family: 'block' | 'witnesses' | 'declarations' | 'actions';
  span: DraftSpan;
  unit: number;
  /**
   * The text the record would be scored on (GUIDE.md): "name role" for witnesses, "member text" for
   * declarations. A block candidate's is cut when its features are made.
   */
  text: string;
  features: string[];
  /** Block candidates: the drafts (by type) that share this span. */
  origins: { type: BlockType; draft: Drafts[BlockType][number] }[];
  /** Witness, declaration and action candidates: the draft itself. */
  draft: DraftRecord | null;
  /** Block candidates: the rest of a unit a decision rule cut in two (never a second decision). */
  restOfDecision: boolean;
}

/** A record's span as a key: records with the same span are one candidate, and keep their place by it. */
const spanKey = (r: { span: DraftSpan }) => `${r.span.start}:${r.span.end}`;

const slice = (ctx: Context, s: DraftSpan | null) => (s ? collapse(ctx.text.slice(s.start, s.end)) : '');

/**
 * Every candidate, without its features yet (see featuresFor): the drafts of points, resolutions and
 * recommendations merged by span, the units no draft touches, then the witnesses, declarations and actions
 * the rules drafted and those proposed.
 */
function listCandidates(ctx: Context): Candidate[] {
  const { drafts, units } = ctx;
  if (!units.length) return [];
  const candidates: Candidate[] = [];
  const bySpan = new Map<string, Candidate>();
  const covered = new Uint8Array(units.length);
  for (const type of BLOCK_TYPES) {
    for (const draft of drafts[type]) {
      const key = spanKey(draft);
      let c = bySpan.get(key);
      if (!c) {
        const unit = unitAt(ctx, draft.span.start);
        c = { family: 'block', span: draft.span, unit, text: '', features: [], origins: [], draft: null, restOfDecision: false };
        bySpan.set(key, c);
        candidates.push(c);
      }
      c.origins.push({ type, draft });
      for (let i = unitAt(ctx, draft.span.start); i < units.length && units[i].start < draft.span.end; i++) covered[i] = 1;
    }
  }
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    // Page chrome and bare labels ("RESOLVED –", "Minutes:") are never records: no gold text has one.
    if (covered[i] || u.role === 'chrome' || u.role === 'label') continue;
    const span = tightSpan(ctx.text, u.pointStart ?? u.start, u.pointEnd ?? u.end);
    if (span.end - span.start < 3) continue;
    candidates.push({ family: 'block', span, unit: i, text: '', features: [], origins: [], draft: null, restOfDecision: false });
  }
  // Units a decision rule cut in two ("The minutes had been circulated. All agreed this was a true record."):
  // the part left over is what the meeting heard, not a second decision.
  const decisionUnits = new Map<number, string>();
  for (const d of drafts.resolutions) decisionUnits.set(unitAt(ctx, d.span.start), spanKey(d));
  for (const c of candidates) {
    const cut = decisionUnits.get(c.unit);
    c.restOfDecision = cut !== undefined && cut !== spanKey(c) && !c.origins.some((o) => o.type === 'resolutions');
  }

  const sentenceFamilies = [
    ['witnesses', [...drafts.witnesses, ...proposeWitnesses(ctx)], (d: Drafts['witnesses'][number]) => `${slice(ctx, d.nameSpan)} ${slice(ctx, d.roleSpan)}`.trim()],
    ['declarations', [...drafts.declarations, ...proposeDeclarations(ctx)], (d: Drafts['declarations'][number]) => `${slice(ctx, d.memberSpan)} ${slice(ctx, d.span)}`],
    ['actions', [...drafts.actions, ...proposeActions(ctx)], (d: Drafts['actions'][number]) => slice(ctx, d.span)],
  ] as const;
  for (const [family, list, textOf] of sentenceFamilies) {
    for (const draft of list as readonly DraftRecord[]) {
      // Approving the minutes and the invitation to declare interests are never actions (NEVER_AN_ACTION).
      if (family === 'actions') {
        if (NEVER_AN_ACTION.test(collapsedHead(ctx.text, draft.span.start, draft.span.end, 400))) continue;
        // A drafted action with nobody named: the clause's own subject may say who.
        const a = draft as Drafts['actions'][number];
        if (!a.owners.length) a.owners = clauseOwners(ctx, a.span);
      }
      const unit = unitAt(ctx, draft.span.start);
      candidates.push({ family, span: draft.span, unit, text: (textOf as (d: DraftRecord) => string)(draft), features: [], origins: [], draft, restOfDecision: false });
    }
  }
  return candidates;
}

/**
 * A function that fills a candidate's features (model/features.ts). A unit's layout features are kept for
 * the candidates after it that share the unit (drafts cut from one unit come together), but only for the
 * last few units: kept for every unit, they held most of a long document's memory.
 */
function featuresFor(ctx: Context, scopeOf: (family: Candidate['family']) => FeatureScope = () => EVERY_TEXT_FEATURE): (c: Candidate) => void {
  const unitFeatureCache = new Map<number, string[]>();
  const featuresOfUnit = (i: number) => {
    let f = unitFeatureCache.get(i);
    if (!f) {
      f = [];
      unitFeatures(ctx, i, f);
      if (unitFeatureCache.size >= 64) unitFeatureCache.clear();
      unitFeatureCache.set(i, f);
    }
    return f;
  };
  return (c) => {
    const f = c.features;
    if (c.family === 'block') {
      c.text = slice(ctx, c.span);
      f.push('bias-block');
      if (c.restOfDecision) f.push('rest-of-decision-unit');
      if (c.origins.length === 0) f.push('from:none');
      for (const o of c.origins) f.push(named('from:', o.type), named('rule:', o.draft.rule));
      for (const x of featuresOfUnit(c.unit)) f.push(x);
      textFeatures(ctx, c.text, f, { unigrams: true, bigrams: true }, scopeOf('block'));
      sentenceFeatures(ctx, splitSentences(c.text.slice(0, 4000)).map((x) => x.text), f);
      return;
    }
    // A clause-level decision: the clause's own cues and the rule that drafted it, not the layout around it
    // (measured under cross-validation: layout features only taught these models the corpus's quirks).
    const draft = c.draft!;
    const text = slice(ctx, draft.span);
    f.push(named('rule:', draft.rule), draft.rule.startsWith('propose/') ? 'src:proposal' : 'src:rule', named('part:', ctx.units[c.unit].part));
    textFeatures(ctx, text, f, c.family === 'actions' ? { unigrams: false, bigrams: false } : { unigrams: true, bigrams: false }, scopeOf(c.family));
    if (c.family === 'declarations') f.push(declaringAbove(ctx, c.unit) ? 'declaring-above' : 'no-declaring-above');
    if (c.family === 'witnesses') {
      const w = draft as Drafts['witnesses'][number];
      f.push(named('basis:', w.basis), w.nameSpan ? 'has-name:true' : 'has-name:false', w.roleSpan ? 'has-role:true' : 'has-role:false', named('pv:', presentingVerb(text)));
      // A list of names is an attendance line, and the meeting's own chair is never a witness (GUIDE.md).
      const role = slice(ctx, w.roleSpan);
      const commas = (`${slice(ctx, w.nameSpan)} ${role}`.match(/,/g) ?? []).length;
      f.push(commas === 0 ? 'who-commas:0' : commas < 3 ? 'who-commas:1' : 'who-commas:2');
      if (w.roleSpan && isChair(role)) f.push('role-chair');
    } else if (c.family === 'actions') {
      const a = draft as Drafts['actions'][number];
      f.push(named('owners:', String(Math.min(a.owners.length, 2))), named('from:', a.from?.type ?? 'debate'));
      for (const o of a.owners.slice(0, 2)) f.push(o.nameSpan ? 'owner:name' : o.roleSpan ? 'owner:role' : 'owner:body');
    }
  };
}

/**
 * Is a declaration candidate's unit in a declarations section, or under a line about declaring interests
 * ("The following members made declarations", "Declarations of interest")? A row without a declaring verb
 * ("Name: member of …") is a declaration because of where it stands, and the verb-led declarations of other
 * bodies teach the model that weight. Looked for up to a run of rows back, whatever items the rows were read
 * as (short rows often read as headings); a paragraph of prose ends the run.
 */
function declaringAbove(ctx: Context, unit: number): boolean {
  if (ctx.units[unit].section === 'declarations') return true;
  for (let j = unit - 1; j >= 0 && j >= unit - 8; j--) {
    const text = ctx.units[j].text;
    if (DECLARING_WORDS.test(text.slice(0, 400))) return true;
    if (text.length > 300) return false;
  }
  return false;
}

/** Every candidate with its features: what training and `eval --explain` read. */
export function collectCandidates(ctx: Context): Candidate[] {
  const candidates = listCandidates(ctx);
  const featurise = featuresFor(ctx);
  for (const c of candidates) featurise(c);
  return candidates;
}

// Never actions (GUIDE.md): approving or signing the minutes, however worded ("the minutes of the meeting held
// on … be approved and signed"), and the standing invitation to declare interests ("Members were reminded to
// declare any interest", "invite any Councillor to declare an interest") — a routine of every meeting.
const NEVER_AN_ACTION = new RegExp(
  [
    TRUE_RECORD.source,
    String.raw`\bsign(?:ed)?\s+the\s+minutes\b`,
    String.raw`\bminutes\b[^.;]{0,120}?\b(?:be|were|was|are)\s+(?:duly\s+)?(?:approved|confirmed|signed|agreed|adopted|accepted|correct|accurate)\b`,
    String.raw`\bdeclare\s+(?:[\w,’'-]+\s+){0,5}?interests?\b`,
  ].join('|'),
  'i',
);

// A point or decision holds a word (not "RC/20", "£ 48.00").
const HAS_WORD = /\p{L}{3}/u;

/**
 * What GUIDE.md says is not an action, however it is worded: a decision that only approves or notes ("the
 * Prudential Indicator be approved"); ongoing work ("was being developed", "was working to", "remained
 * pending"); a possibility ("… if they wished"); a meeting's date ("Annual Parish Meeting to be held on …").
 * Applied after the model (ruledOut): unlike NEVER_AN_ACTION above, which drops candidates before training,
 * these leave the weights as they were trained, and only calibration is fitted without them.
 */
const NOT_AN_ACTION = [
  // The whole text one approval: one clause ("be" once, no clause break, no "to <verb>"), ending "be approved".
  (text: string) =>
    text.length <= 220 && !/[,;:]/.test(text) && (text.match(/\bbe\b/gi) ?? []).length === 1 && !/\bto\s+[a-z]{3,}/i.test(text) && /\sbe\s+(?:approved|noted|endorsed|agreed|adopted|accepted|ratified|received)\.?$/i.test(text),
  // Ongoing work, unless the text also asks for something ("The Clerk was asked to chase it, as the repair is
  // being delayed").
  (text: string) =>
    /\b(?:was|were|is|are)\s+(?:still\s+|currently\s+)?(?:being\s+[a-z]+ed|working\s+(?:to|on)|pending)\b|\bremain(?:s|ed)?\s+pending\b/i.test(text) &&
    !/\b(?:asked|requested|requests|instructed|undertook|agreed\s+to)\b/i.test(text),
  (text: string) => /\bif\s+(?:they|members|anyone|you|councillors)\s+(?:wish|wished|want|wanted|would\s+like)\b/i.test(text),
  (text: string) => /^(?:the\s+)?(?:[A-Za-z]+\s+){0,4}?meeting\s+(?:is\s+|was\s+)?(?:to\s+be|will\s+be|would\s+be)\s+held\b/i.test(text),
  // The meeting's own procedure, done as it is decided: excluding the press and public, a closed session,
  // adjourning or resuming.
  (text: string) =>
    /\bexclud(?:e|ed|ing)\s+(?:the\s+)?(?:members\s+of\s+the\s+)?(?:press|public)\b|\b(?:press|public)\s+(?:and\s+(?:the\s+)?public\s+)?be\s+excluded\b|\bclosed\s+to\s+the\s+public\b|\b(?:meeting|session)\s+(?:be|is|was|will\s+be)\s+(?:now\s+)?(?:adjourned|closed)\b|^(?:that\s+)?(?:we|the\s+meeting|council)\s+(?:resume|adjourn|reconvene|move\s+into)\b/i.test(text),
];

// "No declarations were made", "Prejudice: None declared", "Governors were asked to declare any interest",
// "… declare any relevant interests".
const NOT_A_DECLARATION =
  /\bno\s+(?:declarations?|interests?)\b|\bnone\s+(?:were\s+)?(?:declared|made|received)\b|\bdeclare\s+any\b|\b(?:asked|invited|reminded|requested)\s+(?:\w+\s+){0,3}?to\s+declare\b/i;

/**
 * A role with no name that names nobody in particular — the meeting's own chair, "Members", "the Committee", or
 * a list of such ("Chair and Members") — is no witness (GUIDE.md).
 */
function namesNobody(role: string): boolean {
  const parts = role
    .split(/,|&|\band\b/)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((part) => isChair(part) || isGeneric(part));
}

const NO_TYPE: readonly ModelType[] = [];
const BLOCK_TYPES_BUT_POINTS: readonly ModelType[] = ['resolutions', 'recommendations'];

/**
 * The types a candidate can never be, whatever the model says — GUIDE.md's definitions, applied after the
 * model (NOT_AN_ACTION and the rest, above):
 *  - a text without a word (an item reference such as "RC/20", a sum such as "£ 48.00", a table rule "|") is no
 *    point or decision;
 *  - a lead-in ("The following points were raised:") is no point: it introduces the points below it. A decision
 *    may end so and still be one: its list completes it ("… as defined in the following Paragraph(s) of the Act:");
 *  - the rest of a unit a decision rule cut in two is what the meeting heard before deciding: a point or
 *    nothing, never a second decision ("The minutes had been circulated." before "All agreed … true record");
 *  - saying that nobody declared, or inviting members to declare, is no declaration; approvals, ongoing work,
 *    possibilities and meeting dates are no actions; a role that names nobody is no witness.
 * (Fitting calibration and thresholds without the candidates ruled out, in training, was measured: CV macro-F1
 * 0.854 → 0.849, declarations 0.936 → 0.913, ECE 0.038 → 0.036. Not done.)
 */
export function ruledOut(ctx: Context, c: Candidate): readonly ModelType[] {
  const head = (span: DraftSpan) => collapsedHead(ctx.text, span.start, span.end, 400);
  switch (c.family) {
    case 'block': {
      if (!HAS_WORD.test(ctx.text.slice(c.span.start, Math.min(c.span.end, c.span.start + 400)))) return BLOCK_TYPES;
      const leadIn = LEAD_IN_END.test(ctx.text.slice(Math.max(c.span.start, c.span.end - 8), c.span.end));
      if (leadIn && c.restOfDecision) return BLOCK_TYPES;
      if (leadIn) return ['discussionPoints'];
      return c.restOfDecision ? BLOCK_TYPES_BUT_POINTS : NO_TYPE;
    }
    case 'declarations':
      return NOT_A_DECLARATION.test(head(c.draft!.span)) ? ['declarations'] : NO_TYPE;
    case 'actions': {
      const text = head(c.draft!.span);
      return NOT_AN_ACTION.some((isNot) => isNot(text)) ? ['actions'] : NO_TYPE;
    }
    case 'witnesses': {
      const w = c.draft as Drafts['witnesses'][number];
      return !w.nameSpan && w.roleSpan && namesNobody(slice(ctx, w.roleSpan)) ? ['witnesses'] : NO_TYPE;
    }
  }
}

/**
 * A witness is a person, listed once however many items they present ("Mr Oakford" introducing two reports,
 * or named by a list and again by a sentence): the first record stands; by name, or by role when none.
 */
function oncePerPerson(ctx: Context, witnesses: Drafts['witnesses']): Drafts['witnesses'] {
  const seen = new Set<string>();
  return witnesses.filter((w) => {
    const who = w.nameSpan ? `name:${slice(ctx, w.nameSpan)}` : w.roleSpan ? `role:${slice(ctx, w.roleSpan)}` : null;
    if (who === null) return true;
    const key = who.toLowerCase().replace(/[^\p{L}\p{N}:]+/gu, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface Verdict {
  p: number;
  keep: boolean;
  evidence: string[];
}

/** The probability and evidence the model gives a candidate for one type. */
export function judge(model: Model, type: ModelType, c: Candidate, explain = false): Verdict {
  return verdictOf(model, type, c.features, rawScores(model, c.features), explain);
}

/** A verdict for one type from a candidate's scores (rawScores, all types at once). */
function verdictOf(model: Model, type: ModelType, features: readonly string[], scored: Scored, explain: boolean): Verdict {
  const m = model.types[type];
  const t = MODEL_TYPES.indexOf(type);
  const p = sigmoid(m.platt.a * scored.scores[t] + m.platt.b);
  const keep = p >= m.threshold;
  // The evidence is worked out only where it is shown: on records, and when asked (eval --explain).
  return { p, keep, evidence: keep || explain ? evidenceOf(features, scored, t, keep) : [] };
}

// "Outcome: …", "Decision – …", "AGREED: …": a short label before a decision the model found is not part of it (GUIDE.md).
const DECISION_LABEL = /^[A-Z][A-Za-z]*(?:\s+[A-Za-z]+){0,2}\s*(?::-?|[–—])\s+(?=\S+\s+\S+\s+\S)/;

function withoutLabel(ctx: Context, span: DraftSpan): DraftSpan {
  const label = DECISION_LABEL.exec(ctx.text.slice(span.start, Math.min(span.end, span.start + 60)));
  return label ? { start: span.start + label[0].length, end: span.end } : span;
}

const round = (p: number) => Math.round(p * 1000) / 1000;

/**
 * An item's title often restates its decision, above all the approval of the last minutes ("To approve as a
 * correct record the minutes of …" above "RESOLVED that the minutes … be approved as a correct record"; "The
 * minutes … were submitted." before it), and both can read as decisions, or the title as a point. One decision
 * is recorded once (GUIDE.md): of two decisions on the minutes in one item that say the same thing (the scoring
 * rule's similarity), the later one — the decision the title announced — is kept; and a point that says what a
 * decision of its item says is dropped. Other decisions alike in words are often two ("X was elected Chair",
 * "Y was elected Vice-Chair"), so they stay.
 */
function withoutRestatements(ctx: Context, points: DraftRecord[], decisions: Drafts['resolutions']): { points: DraftRecord[]; decisions: Drafts['resolutions'] } {
  // Each text's words are worked out once: a point is compared with every kept decision of its item.
  const threshold = pairThreshold('resolutions');
  // Two lists whose lengths differ too much cannot reach the threshold (Dice ≤ 2·shorter / both): not counted.
  const same = (a: WordBag, b: WordBag) => (a.size + b.size === 0 || (2 * Math.min(a.size, b.size)) / (a.size + b.size) >= threshold) && diceOfBags(a, b) >= threshold;
  const wordsOf = (span: DraftSpan) => bagOf(words(collapsedHead(ctx.text, span.start, span.end, WORDS_READ)));
  const decisionWords = decisions.map((r) => wordsOf(r.span));
  // White space does not move a word boundary: the text as it stands, uncollapsed, says whether "minutes" is in it.
  const onMinutes = decisions.map((r) => MINUTES.test(ctx.text.slice(r.span.start, r.span.end)));
  // Compared within an item only, so a long document's cost grows with its items, not with their square.
  const byItem = (indices: number[]) => {
    const groups = new Map<string | null, number[]>();
    for (const i of indices) {
      const group = groups.get(decisions[i].item);
      if (group) group.push(i);
      else groups.set(decisions[i].item, [i]);
    }
    return groups;
  };
  const onMinutesByItem = byItem(decisions.map((_, i) => i).filter((i) => onMinutes[i]));
  const kept = decisions
    .map((_, i) => i)
    .filter((i) => !(onMinutes[i] && onMinutesByItem.get(decisions[i].item)!.some((j) => decisions[j].span.start > decisions[i].span.start && same(decisionWords[i], decisionWords[j]))));
  const keptByItem = byItem(kept);
  const keptPoints = points.filter((p) => {
    const inItem = keptByItem.get(p.item);
    if (!inItem) return true;
    const pointWords = wordsOf(p.span);
    return !inItem.some((j) => same(pointWords, decisionWords[j]));
  });
  return { points: keptPoints, decisions: kept.map((i) => decisions[i]) };
}
const MINUTES = /\bminutes\b/i;

export function classifyRecords(ctx: Context, model: Model | null): Candidate[] | undefined {
  // Without a model (training, explaining) every candidate is kept with its features.
  if (!model) return collectCandidates(ctx);
  const { drafts } = ctx;
  const oldResolutions = drafts.resolutions;
  const oldRecommendations = drafts.recommendations;
  // Each candidate is judged as soon as its features are known, and its features are let go: a long
  // document's candidates never hold all their features at once.
  const candidates = listCandidates(ctx);
  // Only the text features the model weighs for a candidate's types are worked out (see FeatureScope).
  const scopes = new Map<Candidate['family'], FeatureScope>();
  const scopeOf = (family: Candidate['family']) => {
    let scope = scopes.get(family);
    if (!scope) scopes.set(family, (scope = modelFeatureScope(model, family === 'block' ? BLOCK_TYPES : [family], ctx.grammar)));
    return scope;
  };
  const featurise = featuresFor(ctx, scopeOf);
  // Per candidate and type (up to three slots: the block types, or the candidate's own family), the
  // probability; the evidence only where a record is kept.
  const SLOTS = BLOCK_TYPES.length;
  const probabilities = new Float64Array(candidates.length * SLOTS);
  const keptEvidence = new Map<number, string[]>();
  const typesOf = (c: Candidate): readonly ModelType[] => (c.family === 'block' ? BLOCK_TYPES : [c.family]);
  const scored: Scored = { scores: new Float64Array(MODEL_TYPES.length), rows: [] };
  candidates.forEach((c, k) => {
    featurise(c);
    rawScores(model, c.features, scored);
    typesOf(c).forEach((type, slot) => {
      const verdict = verdictOf(model, type, c.features, scored, false);
      probabilities[k * SLOTS + slot] = verdict.p;
      if (verdict.keep) keptEvidence.set(k * SLOTS + slot, verdict.evidence);
    });
    c.features = [];
    if (c.family === 'block') c.text = '';
  });
  const verdictsOf = (k: number) => {
    const verdicts: Partial<Record<ModelType, Verdict>> = {};
    typesOf(candidates[k]).forEach((type, slot) => {
      const p = probabilities[k * SLOTS + slot];
      verdicts[type] = { p, keep: p >= model.types[type].threshold, evidence: keptEvidence.get(k * SLOTS + slot) ?? [] };
    });
    return verdicts;
  };
  const next: Pick<Drafts, BlockType> = { discussionPoints: [], resolutions: [], recommendations: [] };
  candidates.forEach((c, k) => {
    if (c.family !== 'block') return;
    const verdicts = verdictsOf(k) as Record<BlockType, Verdict>;
    for (const type of ruledOut(ctx, c)) verdicts[type as BlockType].keep = false;
    // A decision is not also a point (GUIDE.md): when a candidate passes as both, the surer reading wins,
    // each probability measured against its own threshold.
    const margin = (type: BlockType) => verdicts[type].p - model.types[type].threshold;
    if (verdicts.discussionPoints.keep && (verdicts.resolutions.keep || verdicts.recommendations.keep)) {
      if (margin('discussionPoints') > Math.max(margin('resolutions'), margin('recommendations'))) verdicts.resolutions.keep = verdicts.recommendations.keep = false;
      else verdicts.discussionPoints.keep = false;
    }
    for (const type of BLOCK_TYPES) {
      const verdict = verdicts[type];
      if (!verdict.keep) continue;
      const own = c.origins.find((o) => o.type === type)?.draft;
      const base = own ?? c.origins.find((o) => o.type !== 'discussionPoints')?.draft;
      const item = base?.item ?? ctx.units[c.unit].item;
      const record: DraftRecord = { span: c.span, item, rule: own ? own.rule : `model/${type}`, confidence: round(verdict.p), evidence: verdict.evidence };
      if (type === 'discussionPoints') next.discussionPoints.push(record);
      else {
        const decision = base as Drafts['resolutions'][number] | undefined;
        const span = own ? c.span : withoutLabel(ctx, c.span);
        next[type].push({ span, item, rule: record.rule, confidence: record.confidence, evidence: record.evidence, number: decision?.number ?? null, unit: decision?.unit ?? c.unit, block: decision?.block ?? c.unit });
      }
    }
  });
  const once = withoutRestatements(ctx, next.discussionPoints, next.resolutions);
  drafts.discussionPoints = once.points;
  drafts.resolutions = once.decisions;
  drafts.recommendations = next.recommendations;
  // Actions and votes point at decisions by index: re-point them at the kept records (same span).
  const firstBySpan = (list: readonly { span: DraftSpan }[]) => {
    const at = new Map<string, number>();
    list.forEach((r, i) => at.has(spanKey(r)) || at.set(spanKey(r), i));
    return at;
  };
  const keptAt = { resolution: firstBySpan(drafts.resolutions), recommendation: firstBySpan(drafts.recommendations) };
  const reindex = (type: 'resolution' | 'recommendation', old: { span: DraftSpan } | undefined) => (old ? (keptAt[type].get(spanKey(old)) ?? -1) : -1);
  for (const family of ['witnesses', 'declarations', 'actions'] as const) {
    const kept: DraftRecord[] = [];
    for (const [k, c] of candidates.entries()) {
      if (c.family !== family || !c.draft) continue;
      const verdict = verdictsOf(k)[family]!;
      if (!verdict.keep || ruledOut(ctx, c).length) continue;
      c.draft.confidence = round(verdict.p);
      c.draft.evidence = verdict.evidence;
      kept.push(c.draft);
    }
    (drafts[family] as DraftRecord[]) = kept;
  }
  drafts.witnesses = oncePerPerson(ctx, drafts.witnesses);
  for (const a of drafts.actions) {
    if (!a.from) continue;
    const old = a.from.type === 'resolution' ? oldResolutions[a.from.index] : oldRecommendations[a.from.index];
    const index = reindex(a.from.type, old);
    a.from = index >= 0 ? { type: a.from.type, index } : null;
  }
  for (const v of drafts.votes) {
    if (v.resolution === null) continue;
    const index = reindex('resolution', oldResolutions[v.resolution]);
    v.resolution = index >= 0 ? index : null;
  }
  return undefined;
}
