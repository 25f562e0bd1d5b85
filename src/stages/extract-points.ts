/**
 * Stage 6c — discussion points: each bullet, numbered paragraph or prose paragraph of the minutes proper
 * that no other record took, at full length.
 *
 * A numbered paragraph ("2.", "13.1") keeps the lists and paragraphs under it until the next paragraph of
 * its own level; after an unnumbered lead-in, each list item is a point. Not points (GUIDE.md): lead-ins
 * ending in ":" or "–", procedural sentences (a report was submitted / considered; someone introduced a
 * report or attended), agenda blurbs, welcomes and apologies, motions and votes, headings.
 */
import type { Context, PlacedUnit } from '../context.js';
import { tightSpan } from '../context.js';
import { isHeadingLike } from './group-units.js';
import { unitSentences } from './extract-people.js';
import { collapse } from '../text/sentences.js';

/** A lead-in's end ("The following points were raised:", ":-", "–"): it introduces records, it is not one (GUIDE.md). */
export const LEAD_IN_END = /(?::-?|[–—-])\s*$/;
const NO_POINT_SECTIONS = new Set(['witnesses', 'attendance', 'reasons', 'recommendations', 'resolutions', 'skip']);

export function extractPoints(ctx: Context): void {
  const { units, grammar } = ctx;
  let motionList = false;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.role !== 'content' || u.part !== 'minutes') {
      motionList = false;
      continue;
    }
    if (u.consumedBy || (u.section && NO_POINT_SECTIONS.has(u.section))) continue;
    // The list after "This recommendation was to read:" is the motion's text.
    if (motionList) {
      // The text of a motion follows its lead-in ("moved, seconded by …:-"): one paragraph or a list.
      if (u.marker || !/^[A-Z]/.test(u.text)) continue;
    }
    motionList = false;
    if (grammar.first('motion', u.text)) {
      motionList = LEAD_IN_END.test(u.text.trim());
      continue;
    }

    // A numbered paragraph keeps what is under it.
    let end = u.pointEnd ?? u.end;
    let absorbed = 0;
    let lettered = false;
    if (u.marker && (u.marker.kind === 'number' || u.marker.kind === 'decimal')) {
      for (let j = i + 1; j < units.length; j++) {
        const v = units[j];
        // A page number between two list items does not end the paragraph they belong to.
        if (v.role === 'chrome') continue;
        if (v.role !== 'content' || v.part !== 'minutes' || v.consumedBy) break;
        if (v.marker && v.marker.kind === u.marker.kind && v.indent <= u.indent) break;
        if (v.marker?.kind === 'minute-ref') break;
        if (grammar.first('resolutionLabel', v.text)?.match.index === 0 || grammar.test('actionLine', v.text)) break;
        // Prose after a lettered sub-paragraph goes on with it ("(b) … made several recommendations: • … •
        // … / KCC offered the A25 as a pilot area."): it stays in the numbered paragraph until the next number.
        if (!v.marker && !lettered && !LEAD_IN_END.test(ctx.text.slice(u.start, end).trim())) break;
        if (v.marker?.kind === 'letter') lettered = true;
        end = v.pointEnd ?? v.end;
        v.consumedBy = 'point';
        absorbed++;
        i = j;
      }
    }
    // A bullet keeps the deeper-indented sub-list under it.
    if (u.marker?.kind === 'bullet') {
      for (let j = i + 1; j < units.length; j++) {
        const v = units[j];
        if (v.role === 'chrome') continue;
        if (v.role !== 'content' || v.part !== 'minutes' || v.consumedBy || !v.marker || v.indent <= u.indent) break;
        end = v.pointEnd ?? v.end;
        v.consumedBy = 'point';
        absorbed++;
        i = j;
      }
    }
    const start = u.pointStart ?? u.start;
    const text = collapse(ctx.text.slice(start, end));
    if (!text) continue;
    if (absorbed === 0 && !isPoint(ctx, u, text)) continue;
    // A closing lead-in sentence ("The Application requested permission for:") is not part of the point.
    let pointEnd = end;
    if (absorbed === 0) {
      const sentences = unitSentences(ctx, { ...u, text: ctx.text.slice(start, end).replace(/\n/g, ' '), start });
      const last = sentences[sentences.length - 1];
      if (sentences.length > 1 && last && LEAD_IN_END.test(last.text)) pointEnd = last.start;
    }
    const span = tightSpan(ctx.text, start, pointEnd);
    if (span.end > span.start) ctx.drafts.discussionPoints.push({ span, item: u.item, rule: 'extract/discussion-point', confidence: 0.8 });
  }
}

function isPoint(ctx: Context, u: PlacedUnit, text: string): boolean {
  const { grammar } = ctx;
  if (grammar.first('agendaLine', text)?.match.index === 0) return false;
  if (u.marker?.kind !== 'bullet' && !/[.;!?)'"]$/.test(text) && isHeadingLike(text)) return false;
  if (grammar.first('pageChrome', text)?.match.index === 0 || grammar.first('noise', text)?.match.index === 0) return false;
  const all = unitSentences(ctx, u);
  // A lead-in ("The following points were raised:") introduces points; it is not one.
  if (LEAD_IN_END.test(text) && all.length <= 1) return false;
  const sentences = LEAD_IN_END.test(text) ? all.slice(0, -1) : all;
  // An exempt-information note is procedural however long it runs.
  if (grammar.first('procedural', text)?.rule.id.endsWith('/exempt')) return false;
  // A paragraph made only of procedural sentences ("X submitted a report …") says nothing of the debate.
  if (
    sentences.length > 0 &&
    sentences.every((s) => grammar.first('procedural', s.text) || grammar.first('noRecord', s.text) || grammar.first('agendaLine', s.text)?.match.index === 0)
  ) {
    return false;
  }
  if (sentences.length === 1 && grammar.first('witness', text) && /\b(?:received|provided|gave)\b/.test(text) && !/\bthat\b/.test(text)) return false;
  return true;
}
