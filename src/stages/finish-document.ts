/**
 * Stage 7 — refine and finish: drop duplicate records, give ids, map every span from normalised to input
 * offsets, and cut each record's text from the *input* (whitespace collapsed) so that the grounding rule
 * holds by construction: `text === collapse(input.slice(span.start, span.end))`.
 */
import { createHash } from 'node:crypto';
import { location } from 'vfile-location';
import type { Context, DraftSpan } from '../context.js';
import type { MinutesDocument, Span } from '../schema/minutes.js';
import { toInputSpan } from './normalise-text.js';
import { collapse } from '../text/sentences.js';
import { resolveDue } from '../text/dates.js';

export interface FinishOptions {
  name: string | null;
  format: MinutesDocument['source']['format'];
}

/** The model's evidence, only on records it decided (rule-only records keep their shape). */
const ev = (r: { evidence?: string[] }) => (r.evidence ? { evidence: r.evidence } : {});

export function finishDocument(ctx: Context, options: FinishOptions): MinutesDocument {
  const { input, drafts } = ctx;
  const span = (s: DraftSpan): Span => toInputSpan(ctx.norm, s.start, s.end);
  const textOf = (s: Span) => collapse(input.slice(s.start, s.end));
  const byStart = <T extends { span: DraftSpan }>(list: T[]) => [...list].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const unique = <T extends { span: DraftSpan }>(list: T[], key: (t: T) => string) => {
    const seen = new Set<string>();
    return list.filter((t) => {
      const k = key(t);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };

  const resolutions = byStart(drafts.resolutions);
  const recommendations = byStart(drafts.recommendations);
  const resolutionIds = new Map(resolutions.map((r, i) => [r, `res-${i + 1}`]));
  const recommendationIds = new Map(recommendations.map((r, i) => [r, `rec-${i + 1}`]));
  // Line and column are only asked for warnings: the index of line starts is built when one has a span.
  let lines: ReturnType<typeof location> | null = null;

  // One thing asked twice is one action (GUIDE.md), but two decisions that each ask are two actions, even when
  // worded alike ("… unanimously agreed to donate £50.00" under two appeals). A decision that is a resolution
  // and a recommendation both asks once.
  const actions = unique(byStart(drafts.actions), (a) => `${a.from ? `${a.span.start}:` : ''}${textOf(span(a.span)).toLowerCase()}`);
  return {
    schemaVersion: '1',
    source: {
      name: options.name,
      sha256: createHash('sha256').update(input, 'utf8').digest('hex'),
      format: options.format,
      chars: input.length,
    },
    grammar: ctx.grammar.id,
    meeting: { ...drafts.meeting },
    truncated: drafts.truncated,
    items: drafts.items.map((item) => ({ id: item.id, number: item.number, title: item.title, span: span(item.span) })),
    witnesses: byStart(drafts.witnesses).map((w, i) => {
      const s = span(w.span);
      return { id: `wit-${i + 1}`, item: w.item, name: w.nameSpan ? textOf(span(w.nameSpan)) : null, role: w.roleSpan ? textOf(span(w.roleSpan)) : null, basis: w.basis, text: textOf(s), span: s, rule: w.rule, confidence: w.confidence, ...ev(w) };
    }),
    declarations: unique(byStart(drafts.declarations), (d) => `${d.member}|${d.span.start}`).map((d, i) => {
      const s = span(d.span);
      return { id: `dec-${i + 1}`, item: d.item, member: textOf(span(d.memberSpan)), interest: d.interest, conduct: d.conduct, text: textOf(s), span: s, rule: d.rule, confidence: d.confidence, ...ev(d) };
    }),
    discussionPoints: unique(byStart(drafts.discussionPoints), (p) => `${p.span.start}`).map((p, i) => {
      const s = span(p.span);
      return { id: `pt-${i + 1}`, item: p.item, text: textOf(s), span: s, rule: p.rule, confidence: p.confidence, ...ev(p) };
    }),
    resolutions: resolutions.map((r) => {
      const s = span(r.span);
      return { id: resolutionIds.get(r)!, item: r.item, number: r.number, text: textOf(s), span: s, rule: r.rule, confidence: r.confidence, ...ev(r) };
    }),
    recommendations: recommendations.map((r) => {
      const s = span(r.span);
      return { id: recommendationIds.get(r)!, item: r.item, number: r.number, text: textOf(s), span: s, rule: r.rule, confidence: r.confidence, ...ev(r) };
    }),
    actions: actions.map((a, i) => {
      const s = span(a.span);
      const from = a.from ? (a.from.type === 'resolution' ? resolutionIds.get(drafts.resolutions[a.from.index]) : recommendationIds.get(drafts.recommendations[a.from.index])) ?? null : null;
      const seenOwners = new Set<string>();
      return {
        id: `act-${i + 1}`,
        item: a.item,
        text: textOf(s),
        owners: a.owners.flatMap((o) => {
          const os = o.span ? span(o.span) : null;
          const text = os ? textOf(os) : '';
          if (!text || seenOwners.has(text.toLowerCase())) return [];
          seenOwners.add(text.toLowerCase());
          return [{ text, name: o.nameSpan ? textOf(span(o.nameSpan)) : null, role: o.roleSpan ? textOf(span(o.roleSpan)) : null, span: os }];
        }),
        // Due dates only for the actions kept, and for every one of them, however it was found.
        due: resolveDue(ctx.text.slice(a.span.start, a.span.end), drafts.meeting.date),
        from,
        span: s,
        rule: a.rule,
        confidence: a.confidence,
        ...ev(a),
      };
    }),
    attendance: byStart(drafts.attendance).map((a, i) => {
      const s = span(a.span);
      return {
        id: `att-${i + 1}`,
        item: a.item,
        name: textOf(span(a.nameSpan)),
        role: a.role ? textOf(span(a.role)) : null,
        status: a.status,
        substituteFor: a.substituteFor ? textOf(span(a.substituteFor)) : null,
        text: textOf(s),
        span: s,
        rule: a.rule,
        confidence: a.confidence,
      };
    }),
    votes: byStart(drafts.votes).map((v, i) => ({
      id: `vote-${i + 1}`,
      item: v.item,
      resolution: v.resolution !== null ? resolutionIds.get(drafts.resolutions[v.resolution]) ?? null : null,
      for: v.for,
      against: v.against,
      abstain: v.abstain,
      method: v.method,
      mover: v.mover ? textOf(span(v.mover)) : null,
      seconder: v.seconder ? textOf(span(v.seconder)) : null,
      span: span(v.span),
      rule: v.rule,
      confidence: v.confidence,
    })),
    warnings: drafts.warnings.map((w) => {
      const s = w.span ? span(w.span) : null;
      const point = s ? (lines ??= location(input)).toPoint(s.start) : undefined;
      return { code: w.code, message: w.message, span: s, line: point?.line ?? null, column: point?.column ?? null };
    }),
  };
}
