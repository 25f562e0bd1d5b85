/**
 * Stage 6a — resolutions and recommendations.
 *
 * Labelled blocks first: "RESOLVED – That …", "Resolved –" + "(1) … (2) …", "The Committee resolved:-" +
 * a paragraph, "Recommended –" + a paragraph, "It recommends:" + a list. One record per number; a list
 * that completes a single decision ("subject to the following conditions:") stays inside it. Then the
 * unlabelled decisions the grammar knows ("The Panel noted the report.", "… agreed as a correct record",
 * "X was elected Chairman", "moved to the next meeting", "1. That …" in the minutes), and the parish
 * "N. Heading – outcome" lines, whose outcome after the dash is the decision.
 */
import type { Context, PlacedUnit } from '../context.js';
import { tightSpan } from '../context.js';
import { readMarker } from './read-lines.js';
import { splitSentences } from '../text/sentences.js';

type Kind = 'resolutions' | 'recommendations';

const SHORT_LEAD_IN = /^(?:that|That|THAT)?\s*$|^.{0,60}?(?::-|:|–|—|-)\s*$/;

/** Can a unit be part of a decision block at all? */
function inPlay(u: PlacedUnit): boolean {
  return u.part !== 'preamble' && u.part !== 'trailer' && u.role !== 'chrome';
}

export function extractDecisions(ctx: Context): void {
  const { units, grammar } = ctx;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (!inPlay(u) || u.consumedBy || u.role === 'heading') continue;
    const resolution = grammar.earliest('resolutionLabel', u.text);
    if (resolution && (resolution.match.index === 0 || resolution.rule.id.endsWith('it-was-resolved'))) {
      i = takeBlock(ctx, i, resolution.match.index + resolution.match[0].length, 'resolutions', resolution.rule.id) - 1;
      continue;
    }
    const recommendation = grammar.first('recommendationLabel', u.text);
    if (recommendation && recommendation.match.index === 0) {
      i = takeBlock(ctx, i, recommendation.match[0].length, 'recommendations', recommendation.rule.id) - 1;
      continue;
    }
  }
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (!inPlay(u) || u.consumedBy || u.role !== 'content' || u.part === 'agenda') continue;
    if (u.section === 'attendance' || u.section === 'witnesses') continue;
    takeUnlabelled(ctx, i);
  }
}

/**
 * Takes a labelled block starting in unit `i` (the label ends at `labelEnd` within it) and returns the
 * index of the first unit after the block.
 */
function takeBlock(ctx: Context, i: number, labelEnd: number, kind: Kind, rule: string): number {
  const { units, grammar } = ctx;
  const head = units[i];
  head.consumedBy = kind;
  let restStart = head.start + labelEnd;
  while (restStart < head.end && /\s/.test(ctx.text[restStart])) restStart++;
  let rest = ctx.text.slice(restStart, head.end).replace(/\n/g, ' ');
  let number: string | null = null;
  const marker = readMarker(rest);
  if (marker) {
    number = marker.marker.value;
    restStart += marker.length;
    while (restStart < head.end && /\s/.test(ctx.text[restStart])) restStart++;
    rest = ctx.text.slice(restStart, head.end);
  }
  const records: { start: number; end: number; number: string | null; unit: number }[] = [];
  // "Resolved: That Cabinet recommends to Council that: 1. … 2. …" — a lead-in; each item is both a decision and a recommendation.
  const toCouncil = grammar.first('recommendationLabel', rest.trim())?.rule.id.endsWith('recommends-to-council') === true;
  const leadIn = rest.trim() === '' || SHORT_LEAD_IN.test(rest.trim()) || toCouncil;
  const alsoRecommends = kind === 'resolutions' && toCouncil;
  // "… subject to the following conditions:" — the list that follows completes this decision.
  const absorbList = !leadIn && /:-?\s*$/.test(rest.trim());
  if (!leadIn) records.push({ start: restStart, end: head.end, number, unit: i });

  let j = i + 1;
  let tookFirstParagraph = !leadIn;
  for (; j < units.length; j++) {
    const v = units[j];
    if (v.role === 'chrome') continue;
    // "RESOLVED:" / "That" / "1. the report be noted; and": a bare "That" opens the list.
    if (v.role === 'heading' && !tookFirstParagraph && /^that$/i.test(v.text.trim())) {
      v.consumedBy = kind;
      continue;
    }
    if (absorbList && v.marker && v.role === 'heading') {
      // "1. Standard Time" under "… subject to the following conditions:" looks like a heading; it is a condition.
      records[records.length - 1].end = v.end;
      v.consumedBy = kind;
      continue;
    }
    if (v.role !== 'content' || v.consumedBy) break;
    if (grammar.first('resolutionLabel', v.text)?.match.index === 0) break;
    if (grammar.first('recommendationLabel', v.text)?.match.index === 0) break;
    if (grammar.test('actionLine', v.text) || grammar.first('motion', v.text)) break;
    if (absorbList && v.marker) {
      records[records.length - 1].end = v.end;
      v.consumedBy = kind;
      continue;
    }
    if (!tookFirstParagraph && !v.marker) {
      if (SHORT_LEAD_IN.test(v.text.trim())) {
        v.consumedBy = kind;
        continue;
      }
      tookFirstParagraph = true;
      if (kind === 'recommendations' && isDecisionSentence(ctx, v.text)) {
        records.length = 0;
        pushRecord(ctx, 'resolutions', { start: v.start, end: v.end, number: null, unit: j }, v, 'extract/decision-in-recommendations');
        v.consumedBy = 'resolutions';
        continue;
      }
      records.push({ start: v.start, end: v.end, number: null, unit: j });
      v.consumedBy = kind;
      continue;
    }
    if (v.marker && v.marker.kind !== 'minute-ref') {
      if (SHORT_LEAD_IN.test(v.text.trim()) && v.text.trim().length < 3) continue;
      records.push({ start: v.start, end: v.end, number: v.marker.value, unit: j });
      v.consumedBy = kind;
      tookFirstParagraph = true;
      continue;
    }
    if (!v.marker && /^that\b/i.test(v.text) && records.length > 0) {
      records.push({ start: v.start, end: v.end, number: null, unit: j });
      v.consumedBy = kind;
      continue;
    }
    break;
  }
  for (const r of records) {
    pushRecord(ctx, kind, { ...r, block: i }, units[r.unit], rule);
    if (alsoRecommends) pushRecord(ctx, 'recommendations', { ...r, block: i }, units[r.unit], '_base/recommends-to-council');
  }
  return j;
}

function pushRecord(
  ctx: Context,
  kind: Kind,
  r: { start: number; end: number; number: string | null; unit: number; block?: number },
  unit: PlacedUnit,
  rule: string,
  confidence = 0.9,
) {
  let span = tightSpan(ctx.text, r.start, r.end);
  // "Resolved: to purchase a device. Proposed Cllr Green, seconded Cllr Black. 3 in favour, 1 against.":
  // the proposal and the vote after the decision belong to its vote, not its text.
  const sentences = splitSentences(ctx.text.slice(span.start, span.end).replace(/\n/g, ' '), span.start);
  let keep = sentences.length;
  while (keep > 1 && (ctx.grammar.first('motion', sentences[keep - 1].text) || ctx.grammar.first('vote', sentences[keep - 1].text))) keep--;
  if (keep < sentences.length) span = tightSpan(ctx.text, span.start, sentences[keep - 1].end);
  if (span.end <= span.start) return;
  ctx.drafts[kind].push({ span, item: unit.item, rule, confidence, number: r.number, unit: r.unit, block: r.block ?? r.unit });
}

function isDecisionSentence(ctx: Context, text: string): boolean {
  const hit = ctx.grammar.first('decision', text);
  return hit !== null;
}

/** Is the content unit before unit `i` (in the same item) a decision the rules took? */
function followsDecision(ctx: Context, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const v = ctx.units[j];
    if (v.role === 'chrome') continue;
    return v.item === ctx.units[i].item && v.consumedBy === 'resolutions';
  }
  return false;
}

/** How many lines a decision's list may run to ("resolved to pay:" and the payments). */
const DECISION_LIST_MAX = 30;

/**
 * A decision ending in a colon ("The Councillors resolved to pay :") goes on with its list: the list items
 * or short rows after it in the same item (GUIDE.md: a list that completes one decision stays in it).
 * Returns where the list ends, or null when the decision does not open one. The rows are taken.
 */
function listEnd(ctx: Context, i: number): number | null {
  const { units, grammar } = ctx;
  if (!/:-?\s*$/.test(units[i].text)) return null;
  let end: number | null = null;
  for (let j = i + 1; j < units.length && j <= i + DECISION_LIST_MAX; j++) {
    const v = units[j];
    if (v.role === 'chrome') continue;
    // Short rows read as headings ("Metcalfes £ 205.88 Scalpings") belong to the list; a new item does not.
    if ((v.role !== 'content' && v.role !== 'heading') || v.consumedBy || v.item !== units[i].item) break;
    if (!v.marker && (v.text.length > 120 || /[.!?]$/.test(v.text.trim()))) break;
    if (grammar.first('resolutionLabel', v.text)?.match.index === 0 || grammar.test('actionLine', v.text)) break;
    v.consumedBy = 'resolutions';
    end = v.end;
  }
  return end;
}

/** Decision rules that decide their whole sentence wherever in it they match ("… after discussion, the Councillors resolved to …"). */
const MID_SENTENCE_DECISIONS = /\/(?:correct-record|members-resolved-to|proposed-seconded-agreed)$/;

/**
 * A motion and its outcome: "THAT we donate $100 to … Carried." (North American, Australian and New Zealand
 * minutes, and many parish books): a bare "That …" (or "WHEREAS …" recitals) whose paragraph, or one of the
 * next few of the same item, ends in "Carried". The outcome is the vote, not the decision's text.
 */
const MOTION_START = /^(?:THAT|That|WHEREAS|Whereas)\s/;
const MOTION_CARRIED = /(?:^|[.;:,]\s*|\s)(?:Carried|CARRIED|Motion\s+carried|MOTION\s+CARRIED)(?:\s+(?:unanimously|UNANIMOUSLY))?\.?$/;
const MOTION_MAX_UNITS = 8;

/** The index of the unit where a motion opening at unit `i` is carried, or null. */
function motionCarriedAt(ctx: Context, i: number): number | null {
  const { units } = ctx;
  if (!MOTION_START.test(units[i].text)) return null;
  for (let j = i; j < units.length && j < i + MOTION_MAX_UNITS; j++) {
    const v = units[j];
    // A motion runs on over its recitals and parts ("WHEREAS …", "NOW THEREFORE …", "AND THAT …", "That …; That …").
    if (j > i && (v.role !== 'content' || v.consumedBy || v.item !== units[i].item)) return null;
    if (MOTION_CARRIED.test(v.text.trim())) return j;
  }
  return null;
}

/** Decisions without a label: whole sentences the grammar knows, parish outcomes, "1. That …" lists. */
function takeUnlabelled(ctx: Context, i: number): void {
  const { units, grammar } = ctx;
  const u = units[i];
  const carried = motionCarriedAt(ctx, i);
  if (carried !== null) {
    const last = units[carried];
    const outcome = MOTION_CARRIED.exec(last.text.trim())!;
    const end = last.start + last.text.trimEnd().length - outcome[0].length;
    pushRecord(ctx, 'resolutions', { start: u.start, end: Math.max(end, last.start), number: null, unit: i }, u, 'extract/motion-carried');
    for (let j = i; j <= carried; j++) units[j].consumedBy = 'resolutions';
    return;
  }
  // Parish minute books: "5. Confirmation of the order of Agenda – add at item 11.3 Bus service – agreed".
  const content = splitDashOutcome(u);
  if (content) {
    const text = ctx.text.slice(content.start, u.end).replace(/\n/g, ' ');
    if (grammar.first('noRecord', text.trim()) || /^none\.?$/i.test(text.trim())) {
      u.consumedBy = 'none';
      return;
    }
    if (grammar.first('decision', text)?.match.index === 0) {
      pushRecord(ctx, 'resolutions', { start: content.start, end: u.end, number: null, unit: i }, u, grammar.first('decision', text)!.rule.id);
      u.consumedBy = 'resolutions';
      return;
    }
    // Title – content: the content alone is what the minute says.
    u.pointStart = content.start;
  }
  // "… School bus from Sainsbury's car park – moved to next meeting": an outcome after the last dash.
  const outcome = /\s[–—-]\s+((?:moved|deferred|carried\s+forward)\s+to\s+(?:the\s+)?next\s+meeting\.?)$/i.exec(u.text);
  if (outcome) {
    const start = u.start + outcome.index + outcome[0].indexOf(outcome[1]);
    pushRecord(ctx, 'resolutions', { start, end: u.end, number: null, unit: i }, u, '_base/deferred');
    u.pointEnd = u.start + outcome.index;
    return;
  }
  // "1. That the recommended changes … be approved" — numbered decisions with no label.
  if (u.marker && (u.marker.kind === 'number' || u.marker.kind === 'paren-number') && /^That\s/.test(u.text)) {
    pushRecord(ctx, 'resolutions', { start: u.start, end: u.end, number: u.marker.value, unit: i }, u, 'extract/numbered-that', 0.75);
    u.consumedBy = 'resolutions';
    return;
  }
  const sentences = splitSentences(u.text, u.start);
  for (const [k, sentence] of sentences.entries()) {
    const hit = grammar.first('decision', sentence.text);
    if (!hit) continue;
    const anchored = hit.match.index === 0 || MID_SENTENCE_DECISIONS.test(hit.rule.id);
    if (!anchored) continue;
    // "Proposed by X, seconded by Y, and carried." right after a decision is that decision's vote.
    // (A sentence naming its matter first, "Giles Horner – proposed by …", is a decision of its own.)
    if (hit.rule.id.endsWith('/proposed-seconded-agreed') && k === 0 && hit.match.index === 0 && followsDecision(ctx, i)) return;
    // A decision opening a paragraph takes the paragraph; one closing it is cut off the point.
    if (k === 0 && sentences.length === 1) {
      pushRecord(ctx, 'resolutions', { start: u.start, end: listEnd(ctx, i) ?? u.end, number: null, unit: i }, u, hit.rule.id);
      u.consumedBy = 'resolutions';
    } else if (k === sentences.length - 1) {
      pushRecord(ctx, 'resolutions', { start: sentence.start, end: listEnd(ctx, i) ?? sentence.end, number: null, unit: i }, u, hit.rule.id);
      u.pointEnd = sentence.start;
    } else if (k === 0 && hit.rule.id.endsWith('correct-record')) {
      pushRecord(ctx, 'resolutions', { start: sentence.start, end: sentence.end, number: null, unit: i }, u, hit.rule.id);
      u.pointStart = sentences[1].start;
    } else if (MID_SENTENCE_DECISIONS.test(hit.rule.id)) {
      // "Item. It was proposed by X, seconded by Y and agreed to … . Clerk": the decision in the middle.
      pushRecord(ctx, 'resolutions', { start: sentence.start, end: sentence.end, number: null, unit: i }, u, hit.rule.id);
    }
    return;
  }
}

/**
 * For a numbered minute "N. Heading – … – content", the offset where the content starts: headings are
 * short, have no sentence punctuation and start with a capital.
 */
export function splitDashOutcome(u: Pick<PlacedUnit, 'marker' | 'text' | 'start'>): { start: number } | null {
  if (!u.marker || (u.marker.kind !== 'number' && u.marker.kind !== 'decimal')) return null;
  let offset = 0;
  let found = false;
  for (;;) {
    const m = /\s[–—]\s|\s-\s/.exec(u.text.slice(offset));
    if (!m) break;
    const title = u.text.slice(offset, offset + m.index).trim();
    const rest = u.text.slice(offset + m.index + m[0].length).trim();
    if (!rest || title.length > 110 || /[.;:]/.test(title.replace(/\b(?:No|Nos)\./g, '')) || !/^[A-Z(]/.test(title)) break;
    if (found && title.length > 45) break;
    offset += m.index + m[0].length;
    found = true;
  }
  return found ? { start: u.start + offset } : null;
}
