/**
 * What must hold for any document extract() returns, whatever the input: it is valid against the JSON
 * Schema, every span lies inside the input, and every record's text is its span's text with white space
 * collapsed (the grounding rule). Used by the property tests and by npm run fuzz.
 */
import { validate, type MinutesDocument } from '../src/index.js';
import { collapse } from '../src/text/sentences.js';



export function invariantProblems(input: string, doc: MinutesDocument): string[] {
  const problems: string[] = [];
  const result = validate(doc);
  if (!result.valid) problems.push(`invalid: ${result.errors.slice(0, 3).map((e) => `${e.path} ${e.message}`).join('; ')}`);
  if (doc.source.chars !== input.length) problems.push(`source.chars ${doc.source.chars} ≠ ${input.length}`);
  const inside = (where: string, s: { start: number; end: number } | null) => {
    if (s && (s.start < 0 || s.end > input.length || s.end < s.start)) problems.push(`${where}: span ${s.start}-${s.end} outside 0-${input.length}`);
  };
  const lists = ['witnesses', 'declarations', 'discussionPoints', 'resolutions', 'recommendations', 'actions', 'attendance'] as const;
  for (const list of lists) {
    for (const record of doc[list]) {
      inside(`${list}/${record.id}`, record.span);
      const text = (record as { text?: string }).text;
      if (text !== undefined && text !== collapse(input.slice(record.span.start, record.span.end))) problems.push(`${list}/${record.id}: text is not its span`);
    }
  }
  for (const a of doc.actions) for (const o of a.owners) if (o.span) {
    inside(`owner of ${a.id}`, o.span);
    if (o.text !== collapse(input.slice(o.span.start, o.span.end))) problems.push(`owner of ${a.id}: text is not its span`);
  }
  for (const v of doc.votes) inside(`votes/${v.id}`, v.span);
  for (const i of doc.items) inside(`items/${i.id}`, i.span);
  for (const w of doc.warnings) inside(`warning ${w.code}`, w.span);
  return problems;
}
