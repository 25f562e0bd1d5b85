/**
 * Output formats of `extract`: json, ndjson, csv (what a clerk opens in a spreadsheet: one row per action
 * and one per resolution) and markdown (a readable summary of each document).
 */
import type { MinutesDocument } from '../schema/minutes.js';

export type OutputFormat = 'json' | 'ndjson' | 'csv' | 'markdown';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'ndjson', 'csv', 'markdown'];

export const CSV_HEADER = ['file', 'type', 'id', 'item', 'number', 'text', 'owners', 'due', 'from'];

export const csvCell = (value: unknown): string => {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csvRows(document: MinutesDocument): string[] {
  const file = document.source.part ? `${document.source.name ?? ''}#${document.source.part}` : (document.source.name ?? '');
  const itemLabel = (id: string | null) => {
    const item = document.items.find((i) => i.id === id);
    return item ? [item.number, item.title].filter(Boolean).join(' ') : '';
  };
  const rows: unknown[][] = [];
  for (const a of document.actions) rows.push([file, 'action', a.id, itemLabel(a.item), '', a.text, a.owners.map((o) => (o.name && o.role ? `${o.name} (${o.role})` : o.text)).join('; '), a.due ?? '', a.from ?? '']);
  for (const r of document.resolutions) rows.push([file, 'resolution', r.id, itemLabel(r.item), r.number ?? '', r.text, '', '', '']);
  return rows.map((row) => row.map(csvCell).join(','));
}

export function markdown(document: MinutesDocument): string {
  const m = document.meeting;
  const out: string[] = [];
  out.push(`# ${m.title ?? m.committee ?? document.source.name ?? 'Minutes'}`);
  const facts = [m.committee && `**Committee:** ${m.committee}`, m.date && `**Date:** ${m.date}`, m.item && `**Item:** ${m.item}`, `**Grammar:** ${document.grammar}`].filter(Boolean);
  out.push('', facts.join(' · '));
  if (document.truncated) out.push('', '> The published text is cut short: records after the cut are missing.');
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push('', `## ${title}`, '', ...lines);
  };
  section('Attendance', document.attendance.map((a) => `- ${a.status.replace('_', ' ')}: ${a.name}${a.role && a.role !== a.name ? ` (${a.role})` : ''}${a.substituteFor ? ` for ${a.substituteFor}` : ''}`));
  section('Witnesses', document.witnesses.map((w) => `- ${[w.name, w.role].filter(Boolean).join(', ')}`));
  section('Declarations', document.declarations.map((d) => `- **${d.member}**${d.interest ? ` (${d.interest})` : ''}: ${d.text}`));
  section('Discussion', document.discussionPoints.map((p) => `- ${p.text}`));
  section('Resolutions', document.resolutions.map((r) => `- ${r.number ? `(${r.number}) ` : ''}${r.text}`));
  section('Recommendations', document.recommendations.map((r) => `- ${r.number ? `(${r.number}) ` : ''}${r.text}`));
  section('Actions', document.actions.map((a) => `- ${a.text}${a.owners.length ? ` — **${a.owners.map((o) => o.text).join(', ')}**` : ''}${a.due ? ` (due ${a.due})` : ''}`));
  section('Votes', document.votes.map((v) => `- ${v.resolution ?? 'vote'}: ${[v.method, v.for !== null && `${v.for} for`, v.against !== null && `${v.against} against`, v.abstain !== null && `${v.abstain} abstaining`, v.mover && `moved by ${v.mover}`, v.seconder && `seconded by ${v.seconder}`].filter(Boolean).join(', ')}`));
  section('Warnings', document.warnings.map((w) => `- ${w.code}${w.line ? ` (line ${w.line})` : ''}: ${w.message}`));
  return out.join('\n') + '\n';
}

/** Counts of records by type, for the batch index and summary. */
export function recordCounts(document: MinutesDocument): Record<string, number> {
  return {
    items: document.items.length,
    witnesses: document.witnesses.length,
    declarations: document.declarations.length,
    discussionPoints: document.discussionPoints.length,
    resolutions: document.resolutions.length,
    recommendations: document.recommendations.length,
    actions: document.actions.length,
    attendance: document.attendance.length,
    votes: document.votes.length,
  };
}
