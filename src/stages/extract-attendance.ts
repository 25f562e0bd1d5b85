/**
 * Stage 6e — attendance: who was present, in attendance, absent, substituting, attending remotely, and who
 * sent apologies. From the lists under "Present:", "In attendance:", "Also present:", "Apologies:",
 * "Substitutes:" labels (their status is the label rule's `status`), from labels inside one line
 * ("Present: Cllrs Prior, Mann Clerk: Mrs Scriven"), and from sentences ("Apologies for absence were received
 * from X, Y and Z", "X substituted for Y"). Attendance is never a witness list (GUIDE.md).
 *
 * One record per person: the name without honorifics ("Councillors" carries over a list), a role from
 * brackets ("Noakes (Vice-Chairman)"), and for a substitute whom they stood in for.
 */
import type { Context, DraftSpan, PlacedUnit } from '../context.js';
import { tightSpan } from '../context.js';
import type { CompiledRule } from '../grammar/compile.js';
import { honorificLength, isRole } from '../nlp/people.js';
import { splitDashOutcome } from './extract-decisions.js';

type Status = NonNullable<PlacedUnit['status']>;

interface Entry {
  start: number;
  end: number;
}

/** Splits "A (x, y), B and C; D" at top-level commas, semicolons, "and" and "&" — never inside brackets. */
export function splitEntries(text: string, offset: number): Entry[] {
  const out: Entry[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    let cut = 0;
    if (ch === ',' || ch === ';') cut = 1;
    else if (ch === '&' && text[i - 1] === ' ') cut = 1;
    else if (/\s/.test(ch)) {
      const and = /^\s+and\s+/.exec(text.slice(i, i + 6));
      if (and) cut = and[0].length;
    }
    if (cut) {
      out.push({ start: offset + start, end: offset + i });
      start = i + cut;
      i += cut - 1;
    }
  }
  out.push({ start: offset + start, end: offset + text.length });
  return out;
}

/** The inline form of every attendance label, to cut "Present: … Clerk: …" into its lists. */
function inlineLabels(ctx: Context): { rule: CompiledRule; regex: RegExp }[] {
  return ctx.grammar
    .rulesOf('sectionLabel')
    .filter((r) => r.status)
    .map((rule) => ({ rule, regex: new RegExp(rule.regex.source.replace(/^\^/, '(?<![\\w-])'), rule.regex.flags.replace('g', '') + 'g') }));
}

export function extractAttendance(ctx: Context): void {
  const labels = inlineLabels(ctx);
  for (const u of ctx.units) {
    if (u.role !== 'content' || u.part === 'preamble' || u.part === 'trailer') continue;
    if ((u.section === 'attendance' || u.section === 'apologies') && u.status && !ctx.grammar.first('attendance', u.text)) {
      // "4. Apologies for Absence – Cllrs Jackson & Mrs Bolton": the list follows the item's title.
      const dash = splitDashOutcome(u);
      readLabelledLists(ctx, dash ? { ...u, text: ctx.text.slice(dash.start, u.end).replace(/\n/g, ' '), start: dash.start } : u, u.status, labels);
      u.consumedBy ??= 'attendance';
      continue;
    }
    const sentence = ctx.grammar.first('attendance', u.text.trim());
    if (sentence && sentence.rule.status && sentence.groups.list) {
      const listStart = u.start + u.text.indexOf(sentence.groups.list);
      addEntries(ctx, u, sentence.rule.status, listStart, listStart + sentence.groups.list.length, sentence.rule.id);
      u.consumedBy ??= 'attendance';
    }
  }
}

/** A unit under an attendance label: cut it at any labels inside it, each part taking its label's status. */
function readLabelledLists(ctx: Context, u: PlacedUnit, status: Status, labels: { rule: CompiledRule; regex: RegExp }[]): void {
  const cuts: { at: number; after: number; status: Status; rule: string }[] = [];
  for (const { rule, regex } of labels) {
    regex.lastIndex = 0;
    for (const m of u.text.matchAll(regex)) cuts.push({ at: m.index, after: m.index + m[0].length, status: rule.status!, rule: rule.id });
  }
  cuts.sort((a, b) => a.at - b.at);
  let from = 0;
  let current = { status, rule: 'extract/attendance-list' };
  for (const cut of cuts) {
    if (cut.at < from) continue;
    if (cut.at > from) addEntries(ctx, u, current.status, u.start + from, u.start + cut.at, current.rule);
    from = cut.after;
    current = { status: cut.status, rule: cut.rule };
  }
  addEntries(ctx, u, current.status, u.start + from, u.start + u.text.length, current.rule);
  u.consumedBy ??= 'attendance';
}

function addEntries(ctx: Context, u: PlacedUnit, status: Status, start: number, end: number, rule: string): void {
  const text = ctx.text.slice(start, end);
  for (const entry of splitEntries(text, start)) {
    let span = tightSpan(ctx.text, entry.start, entry.end);
    // A closing full stop belongs to the list, not the last name.
    if (ctx.text[span.end - 1] === '.' && !/\b[A-Z]\.$/.test(ctx.text.slice(span.start, span.end))) span = tightSpan(ctx.text, span.start, span.end - 1);
    let raw = ctx.text.slice(span.start, span.end);
    if (!raw || !/^[A-Z(]/.test(raw.replace(/^(?:the\s+)/i, 'T')) || raw.length > 120 || /^(?:None|Nil|N\/A)$/i.test(raw)) continue;
    let substituteFor: DraftSpan | null = null;
    const sub = /\s+(?:substitut(?:ed|ing)\s+)?for\s+(.+)$/.exec(raw);
    if (sub && (status === 'substitute' || /substitut/.test(raw))) {
      const forStart = span.start + raw.length - sub[1].length;
      substituteFor = tightSpan(ctx.text, forStart + honorificLength(sub[1]), span.end);
      status = 'substitute';
      raw = raw.slice(0, sub.index);
    }
    const nameEnd = span.start + raw.length;
    const paren = /^(.*?)\s*\((.+)\)\s*$/s.exec(raw);
    let nameSpan: DraftSpan;
    let role: DraftSpan | null = null;
    if (paren) {
      nameSpan = tightSpan(ctx.text, span.start, span.start + paren[1].length);
      const roleStart = span.start + raw.indexOf('(', paren[1].length) + 1;
      // "M Grey (work commitments)": a bracket in lower case gives a reason, not a role.
      role = /^[A-Z]/.test(paren[2]) ? tightSpan(ctx.text, roleStart, roleStart + paren[2].length) : null;
    } else {
      nameSpan = tightSpan(ctx.text, span.start, nameEnd);
    }
    const nameText = ctx.text.slice(nameSpan.start, nameSpan.end);
    nameSpan = tightSpan(ctx.text, nameSpan.start + honorificLength(nameText), nameSpan.end);
    const name = ctx.text.slice(nameSpan.start, nameSpan.end);
    if (!name || !/^[A-Z]/.test(name) || /^\d/.test(name)) continue;
    // "Licensing Officer (Vale of Glamorgan Council)": a role is listed, not a person; the role is its name.
    if (isRole(name) && (!role || !isRole(ctx.text.slice(role.start, role.end)))) role = nameSpan;
    ctx.drafts.attendance.push({ span, item: u.item, rule, confidence: 0.85, nameSpan, role, status, substituteFor });
  }
}
