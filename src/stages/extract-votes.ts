/**
 * Stage 6f — votes: counts ("9 for, 0 against, 0 abstentions", "For: 6 Against: 2", "RESOLVED (34:22)"),
 * unanimity ("UNANIMOUSLY RESOLVED", "carried unanimously"), recorded votes, and mover and seconder
 * ("Proposed by Councillor X, seconded by Councillor Y", "X moved, seconded by Y", "X nominated …, 2nd Y").
 *
 * Each fact is linked to the resolution it is about — the one it sits in, else the next one in the same item
 * (a proposal comes before its decision), else the one just before (voting figures follow it) — and the
 * facts about one resolution make one vote record.
 */
import type { Context, DraftSpan } from '../context.js';
import { tightSpan } from '../context.js';
import { honorificLength } from '../nlp/people.js';

type Vote = Context['drafts']['votes'][number];

/**
 * Words at least one of which every vote states; vote rules run only on units holding one (README: Grammars).
 */
const VOTE_WORDS = /\b(?:for|favour|against|abstain\w*|unanimous(?:ly)?|recorded|named|division|proposed|seconded|moved|nominated|2nd|carried|lost|majority|votes?|voting|resolved)\b/i;

/** How far (in units) a vote fact may sit from the resolution it is about. */
const LINK_DISTANCE = 4;

export function extractVotes(ctx: Context): void {
  const { grammar, drafts } = ctx;
  const byResolution = new Map<number, Vote>();
  const loose: Vote[] = [];
  ctx.units.forEach((u, index) => {
    if (u.role === 'chrome' || u.part === 'preamble' || u.part === 'trailer' || u.part === 'agenda') return;
    // Most units say nothing of votes; one cheap look for the words every vote rule needs spares the rest.
    if (!VOTE_WORDS.test(u.text)) return;
    for (const hit of grammar.all('vote', u.text)) {
      const g = hit.groups;
      const at = u.start + hit.match.index;
      const span = tightSpan(ctx.text, at, at + hit.match[0].length);
      const fact: Partial<Vote> = {};
      if (g.for !== undefined) fact.for = Number(g.for);
      if (g.against !== undefined) fact.against = Number(g.against);
      if (g.abstain !== undefined) fact.abstain = Number(g.abstain);
      if (g.unanimous) fact.method = 'unanimous';
      if (g.recorded) fact.method = 'recorded';
      if (g.mover) fact.mover = personSpan(ctx, at + hit.match[0].indexOf(g.mover), g.mover);
      if (g.seconder) fact.seconder = personSpan(ctx, at + hit.match[0].lastIndexOf(g.seconder), g.seconder);
      const resolution = linkResolution(ctx, index, span);
      // Facts about one decision block ("Proposed by …", "RESOLVED: 1. … 4. …", "(Voting figures …)") make one vote.
      const block = resolution !== null ? drafts.resolutions[resolution].block : null;
      const existing = block !== null ? [...byResolution.entries()].find(([r]) => drafts.resolutions[r].block === block)?.[1] : undefined;
      if (existing) {
        existing.span = { start: Math.min(existing.span.start, span.start), end: Math.max(existing.span.end, span.end) };
        const target = existing as unknown as Record<string, unknown>;
        for (const [key, value] of Object.entries(fact)) if (target[key] == null) target[key] = value;
        continue;
      }
      const vote: Vote = {
        span,
        item: u.item,
        rule: hit.rule.id,
        confidence: 0.8,
        resolution,
        for: null,
        against: null,
        abstain: null,
        method: null,
        mover: null,
        seconder: null,
        ...fact,
      };
      if (resolution !== null) byResolution.set(resolution, vote);
      else loose.push(vote);
    }
  });
  for (const vote of [...byResolution.values(), ...loose]) {
    // Counts without a stated method: a vote carried by a majority.
    if (vote.method === null && vote.for !== null) vote.method = vote.against === 0 && !vote.abstain ? 'unanimous' : 'majority';
    drafts.votes.push(vote);
  }
}

function personSpan(ctx: Context, start: number, text: string): DraftSpan {
  // "Councillor Rob Foote. This …": a name ends at a full stop that is not an initial's.
  text = text.replace(/(?<=[a-z]{2})\.(?:\s.*)?$/s, '');
  const trimmed = text.replace(/^the\s+/i, '');
  const offset = start + (text.length - trimmed.length);
  return tightSpan(ctx.text, offset + honorificLength(trimmed), offset + trimmed.length);
}

/** Index (in drafts.resolutions) of the resolution a vote fact at `span` in unit `index` is about, or null. */
function linkResolution(ctx: Context, index: number, span: DraftSpan): number | null {
  const resolutions = ctx.drafts.resolutions;
  const item = ctx.units[index].item;
  const inside = resolutions.findIndex((r) => r.unit === index || (r.span.start <= span.start && span.end <= r.span.end));
  if (inside >= 0) return inside;
  let after: number | null = null;
  let before: number | null = null;
  resolutions.forEach((r, i) => {
    if (r.item !== item) return;
    if (r.unit > index && r.unit - index <= LINK_DISTANCE && (after === null || r.unit < resolutions[after].unit)) after = i;
    if (r.unit < index && index - r.unit <= LINK_DISTANCE && (before === null || r.unit > resolutions[before].unit)) before = i;
  });
  // A proposal precedes its decision; voting figures follow it.
  const fact = ctx.text.slice(span.start, span.end);
  const follows = /\b(?:for|against|abstentions?)\b/i.test(fact) && !/RESOLVED/.test(fact);
  return follows ? (before ?? after) : (after ?? before);
}
