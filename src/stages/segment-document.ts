/**
 * Stage 5 — place every unit in the document: which part it is in (preamble, agenda, decision block,
 * minutes proper, trailer), which section (witnesses, declarations, attendance …), which item, and whether
 * it is page chrome, a heading, a label or content. Meeting fields and the item list come from here too.
 *
 * The agenda part (the report's blurb before "Minutes:") never gives discussion points; it may give the
 * meeting title and a "Recommended –" recommendation. A cover letter before a whole-meeting header
 * ("PLANNING COMMITTEE / Wednesday, 25 March 2015 / Present: …") is preamble and gives nothing.
 */
import type { Grammar } from '../grammar/compile.js';
import type { Context, Part, PlacedUnit, DraftItem } from '../context.js';
import type { Section } from '../schema/grammar.js';
import { isHeadingLike, type Unit } from './group-units.js';
import { parseUkDate } from '../text/dates.js';
import { LINE_LIMIT } from '../grammar/compile.js';
import { splitDashOutcome } from './extract-decisions.js';
import { trimEndOf } from '../text/strings.js';
import { ATTENDANCE_START, readMeetingHeaderLines } from './read-meeting-header.js';

export function segmentDocument(ctx: Context, units: Unit[]): void {
  const { grammar } = ctx;
  const at0 = (kind: Parameters<typeof grammar.first>[0], text: string) => {
    const hit = grammar.first(kind, text);
    return hit && hit.match.index === 0 ? hit : null;
  };
  const hasMinutesMarker = units.some((u) => at0('minutesStart', u.text));
  const hasMeetingLine = units.some((u) => grammar.test('meetingLine', u.text));
  const headerIndex = findWholeMeetingHeader(ctx, units);

  const placed: PlacedUnit[] = [];
  const items: DraftItem[] = [];
  const meeting = ctx.drafts.meeting;
  let meetingFound = false;
  let part: Part = hasMinutesMarker ? 'agenda' : 'minutes';
  let section: Section | null = null;
  let status: PlacedUnit['status'];
  let item: string | null = null;
  let expectTitle: 'meeting' | 'page' | 'issue' | null = null;
  let meetingsSeen = 0;
  let minutesContentSeen = false;

  const newItem = (number: string | null, title: string | null, index: number) => {
    const unit = units[index];
    const id = `item-${items.length + 1}`;
    items.push({ id, number, title, span: { start: unit.start, end: unit.end } });
    item = id;
    section = null;
    // On a page of items each with its own "Minutes:", the text between a heading and its marker is agenda.
    if (hasMinutesMarker && units.slice(index + 1, index + 6).some((u) => at0('minutesStart', u.text))) part = 'agenda';
    return id;
  };
  /** A section label (or an item title that is one) opens its section, with the attendance status it gives. */
  const openSection = (rule: { section?: Section; status?: PlacedUnit['status'] }) => {
    section = rule.section ?? null;
    status = rule.status;
  };

  units.forEach((unit, index) => {
    const place = (role: PlacedUnit['role'], overrides: Pick<Partial<PlacedUnit>, 'start' | 'end' | 'text' | 'part' | 'pointEnd'> = {}) => {
      // Every field written out, in one order: spreading the unit and the overrides gave each placed unit a
      // hidden class of its own (one per unit in V8: slower property reads, and most of a long text's memory).
      const placedUnit: PlacedUnit = {
        index: unit.index,
        marker: unit.marker,
        indent: unit.indent,
        start: overrides.start ?? unit.start,
        end: overrides.end ?? unit.end,
        text: overrides.text ?? unit.text,
        blockStart: unit.blockStart,
        part: overrides.part ?? part,
        section,
        item,
        role,
        consumedBy: null,
        status: section === 'attendance' || section === 'apologies' ? status : undefined,
        pointStart: undefined,
        pointEnd: overrides.pointEnd,
      };
      if (placedUnit.role === 'content' && placedUnit.part === 'minutes') minutesContentSeen = true;
      return placed.push(placedUnit);
    };
    const text = unit.text;

    if (index < headerIndex) return place('chrome', { part: 'preamble' });
    if (index === headerIndex) part = 'minutes';

    if (at0('pageChrome', text)) {
      const cue = grammar.first('titleCue', text);
      if (cue) expectTitle = cue.rule.id.endsWith('issue-title-next') ? 'issue' : 'page';
      return place('chrome');
    }
    const meetingLine = at0('meetingLine', text);
    if (meetingLine) {
      meetingsSeen++;
      const g = meetingLine.groups;
      if (!meetingFound) {
        meetingFound = true;
        meeting.committee = g.committee?.trim() || null;
        meeting.date = g.date ? parseUkDate(g.date) : null;
        // "(Item 2.)": the item is "2".
        meeting.item = g.item?.replace(/\.$/, '') || null;
        // A decision page's date line names the item itself ("06/09/2021 - Annual Budget Statement 2021/22").
        if (g.title) meeting.title = g.title.trim();
      }
      newItem(g.item ?? null, g.title?.trim() ?? null, index);
      expectTitle = g.title ? null : 'meeting';
      return place('heading');
    }
    if (expectTitle === 'issue') {
      // The issue's own title ("16/00125 - Agreement of approach …") is not the item title.
      expectTitle = null;
      if (!at0('meetingLine', text)) return place('chrome');
    }
    if (expectTitle && at0('noise', text)) return place('chrome');
    if (expectTitle && unit.marker === null && !at0('minutesStart', text) && !at0('documentsLine', text) && !at0('decisionStart', text)) {
      const heading = at0('itemHeading', text);
      const currentItem = items[items.length - 1];
      let title = text;
      if (heading && expectTitle === 'meeting' && (!currentItem?.number || heading.groups.item === currentItem.number)) {
        title = heading.groups.title ?? text;
      }
      title = stripPdfSuffix(ctx, title);
      if (currentItem && expectTitle === 'meeting') currentItem.title = title;
      // An agenda-item page is one item: its records belong to it.
      if (expectTitle === 'page' && title) newItem(null, title, index);
      if (meetingsSeen <= 1 && meeting.title === null) meeting.title = title || null;
      expectTitle = null;
      return place('heading');
    }
    expectTitle = null;

    const minutesStart = at0('minutesStart', text);
    if (minutesStart) {
      part = 'minutes';
      section = null;
      const rest = text.slice(minutesStart.match[0].length);
      if (!rest.trim()) return place('label');
      // "Minutes: Apologies were received …": the text after the marker is content.
      const skip = minutesStart.match[0].length;
      return place('content', { text: text.slice(skip), start: unit.start + skip });
    }
    if (at0('decisionStart', text)) {
      part = 'decision';
      section = null;
      return place('label');
    }
    if (at0('documentsLine', text)) {
      if (part === 'minutes' && hasMinutesMarker) part = 'trailer';
      else if (part === 'agenda' && !hasMinutesMarker) part = 'minutes';
      return place('label', { part: 'trailer' });
    }
    // The publisher's cue ends the text: look for it in the unit's tail (a unit may be a long paragraph).
    const tailFrom = Math.max(0, text.length - LINE_LIMIT);
    const truncation = grammar.first('truncation', text.slice(tailFrom));
    if (truncation) {
      const cueAt = tailFrom + truncation.match.index;
      ctx.drafts.truncated = true;
      ctx.drafts.warnings.push({
        code: 'W_TRUNCATED',
        message: 'The text says it is cut short ("view the full minutes text"): records after this point are missing.',
        span: { start: unit.start + cueAt, end: unit.end },
      });
      // "… Herefordshire ... view the full minutes text for item 6": the words before the cue still count.
      const before = trimEndOf(text.slice(0, cueAt), ' \t\n.…');
      if (before.length < 3) return place('chrome');
      return place('content', { pointEnd: unit.start + before.length, end: unit.start + before.length });
    }
    if (at0('noise', text)) return place('chrome');

    // Meeting headers stand at the top of the minutes, before any content.
    const beforeContent = !minutesContentSeen;
    if (beforeContent && (at0('meetingHeading', text) || at0('committeeLine', text) || at0('dateLine', text))) return place('heading');
    // An attendance list runs on over lines of names, not into prose.
    if (section === 'attendance' && (text.match(/(?:^|\s)[a-z][a-z'’-]+/g) ?? []).length >= 4) section = null;
    // Declarations end where the minutes go on to something else: a paragraph that declares nothing, after one
    // that did ("Councillors … declared …", then "The Monitoring Officer presented the report.").
    if (section === 'declarations' && placed[placed.length - 1]?.section === 'declarations' && placed[placed.length - 1]?.role === 'content' && !unit.marker && text.length > 60 && !grammar.test('declaration', text) && !grammar.test('noRecord', text) && !/\binterests?\b/i.test(text)) section = null;
    // "19.09.01 Apologies", "16.07.5 Finance": in minutes numbered year.month.item, a decimal number can open an
    // item, unless it numbers a part of the item above ("11.1 Footpaths" under "11. Highways").
    const decimalParent = unit.marker?.kind === 'decimal' ? unit.marker.value.replace(/\.\d+$/, '') : null;
    const subHeading = decimalParent !== null && items.some((it) => it.number !== null && it.number.replace(/\.$/, '') === decimalParent);
    const decimalItem = unit.marker?.kind === 'decimal' && !subHeading && !hasMeetingLine && unit.indent <= 1;
    const label = at0('sectionLabel', text);
    if (label) {
      // "1. APOLOGIES FOR ABSENCE" or, in minutes without items of their own, "Declarations of Interest": an item too.
      const opensItem = !hasMeetingLine && (((unit.marker?.kind === 'number' || unit.marker?.kind === 'minute-ref') && unit.indent <= 1) || decimalItem || (!unit.marker && !hasMinutesMarker && label.rule.section !== 'attendance'));
      if (opensItem && !text.slice(label.match[0].length).trim()) newItem(unit.marker?.value ?? null, stripPdfSuffix(ctx, trimEndOf(text, ': \t\n')), index);
      openSection(label.rule);
      const rest = text.slice(label.match[0].length).trim();
      return place(rest ? 'content' : 'label');
    }

    // Item headings in whole-meeting minutes: "1." + "Apologies", "2. Election of a Chairman", "PLA146/14".
    const numbered = unit.marker && (unit.marker.kind === 'number' || unit.marker.kind === 'decimal' || unit.marker.kind === 'minute-ref');
    // "11. Highways issues" above "11.1 …": a number whose sub-numbers follow is an item heading.
    const nextMarker = units[index + 1]?.marker;
    const parentOfNext = unit.marker?.kind === 'number' && nextMarker?.kind === 'decimal' && nextMarker.value.startsWith(`${unit.marker.value}.`);
    const headingText = (isHeadingLike(text) || (parentOfNext && !/[.;:!?]/.test(text))) && !/[.:;,]$/.test(text) && text.length <= 120;
    if (unit.marker?.kind === 'minute-ref' && text === '') {
      // "APOLOGIES" / "PLA146/14": a minute reference under its heading opens the item.
      const above = placed[placed.length - 1];
      const title = above && (above.role === 'heading' || above.role === 'label') ? stripPdfSuffix(ctx, above.text.trim()) : null;
      const keep = section;
      const current = items[items.length - 1];
      // The heading just above already opened the item: the reference is its number.
      if (current && above && current.span.start === above.start && current.number === null) current.number = unit.marker.value;
      else newItem(unit.marker.value, title, index);
      section = keep;
      return place('heading');
    }
    // "23/101 To receive apologies for absence": a minute number with a title (no sentence) opens an item.
    if (unit.marker?.kind === 'minute-ref' && !hasMeetingLine && text.length <= 120 && !/[.;:!?]$/.test(text)) {
      newItem(unit.marker.value, stripPdfSuffix(ctx, text), index);
      const sectionOf = at0('sectionLabel', text) ?? grammar.first('sectionLabel', text.replace(/^To\s+(?:receive|note)\s+(?:any\s+)?/i, ''));
      if (sectionOf) openSection(sectionOf.rule);
      return place('heading');
    }
    // "4. Apologies for Absence – Cllrs Jackson & Mrs Bolton": an item whose minute follows the dash.
    const dashOutcome = unit.marker?.kind === 'number' && unit.indent <= 1 && !hasMeetingLine ? splitDashOutcome(unit) : null;
    if (dashOutcome) {
      const title = ctx.text.slice(unit.start, dashOutcome.start).replace(/\s*[–—-]\s*$/, '').replace(/\s+/g, ' ').trim();
      newItem(unit.marker!.value, title, index);
      const sectionOf = at0('sectionLabel', title);
      if (sectionOf) openSection(sectionOf.rule);
      return place('content');
    }
    const pdfHeading = grammar.test('pdfSuffix', text) && text.length < 200;
    if (pdfHeading && !unit.marker) {
      if (!hasMeetingLine) newItem(null, stripPdfSuffix(ctx, text), index);
      return place('heading');
    }
    if (numbered && (headingText || pdfHeading) && unit.indent <= 1 && !hasMeetingLine && unit.marker!.kind !== 'decimal') {
      newItem(unit.marker!.value, stripPdfSuffix(ctx, text), index);
      return place('heading');
    }
    if (unit.marker?.kind === 'decimal' && headingText && text.length < 100 && !/[.]$/.test(text) && (hasMinutesMarker || decimalItem)) {
      newItem(unit.marker.value, stripPdfSuffix(ctx, text), index);
      return place('heading');
    }
    if (!unit.marker && headingText && section !== 'attendance' && !grammar.test('vote', text) && !looksLikeNameRole(text) && !at0('resolutionLabel', text) && !at0('recommendationLabel', text) && !at0('actionLine', text)) {
      const committee = at0('committeeLine', text) || at0('meetingHeading', text) || at0('dateLine', text);
      if (committee) return place('heading');
      // Unnumbered headings are items only in minutes without "Minutes:" markers (CMIS, whole meetings), and only
      // where the items have no numbers: under numbered items, a short line ("None", a payee) is a sub-heading.
      const numberedItems = items.some((it) => it.number !== null);
      if (!hasMeetingLine && !hasMinutesMarker && part !== 'agenda' && !numberedItems) newItem(null, stripPdfSuffix(ctx, text), index);
      else section = null;
      return place('heading');
    }
    return place('content');
  });

  ctx.units = placed;
  ctx.drafts.items = items;
  readMeetingHeader(ctx, units, headerIndex);
  // A whole-meeting document, or a meeting page, names itself in its header (no Meeting line gave it).
  if (!meeting.committee && !meeting.date && !hasMeetingLine) Object.assign(meeting, readMeetingHeaderLines(ctx.text, hasMinutesMarker));
  // "Wellington Town Council held in the … Hall": where the meeting was held is not the committee's name.
  const heldAt = meeting.committee ? /\s(?:held|Held|HELD)\s/.exec(meeting.committee) : null;
  if (heldAt) meeting.committee = meeting.committee!.slice(0, heldAt.index).trim() || null;
  // "Summer Full Governing Body", "Autumn Term 2 Meeting of the Governing Board": school governors name a
  // meeting by its term; the term is when, not who ("Summer Fete Committee" keeps its name).
  if (meeting.committee) meeting.committee = meeting.committee.replace(TERM_BEFORE_BODY, '') || meeting.committee;
  // A page holding one item names it in the meeting; a whole meeting does not.
  if (!meetingFound) {
    const first = units.find((u) => u.text && !at0('pageChrome', u.text) && !at0('noise', u.text));
    const heading = first && !first.marker ? at0('itemHeading', first.text) : null;
    if (heading && grammar.test('pdfSuffix', first!.text) && items.length <= 1) {
      meeting.item = heading.groups.item ?? null;
      meeting.title = stripPdfSuffix(ctx, heading.groups.title ?? '') || null;
    }
  }
}

function looksLikeNameRole(text: string): boolean {
  return /^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){0,3},\s+[A-Z]/.test(text);
}

function stripPdfSuffix(ctx: Context, title: string): string {
  const hit = ctx.grammar.first('pdfSuffix', title);
  return (hit ? title.slice(0, hit.match.index) : title).trim();
}

const HEADER_SEARCH_UNITS = 120;

/** Is the text a label that opens an attendance list ("Present:", "In attendance:")? */
const isAttendanceLabel = (grammar: Grammar, text: string) => grammar.first('sectionLabel', text)?.rule.section === 'attendance';

/** Index of a whole-meeting header that is followed by an attendance list, or -1. */
function findWholeMeetingHeader(ctx: Context, units: Unit[]): number {
  const { grammar } = ctx;
  // A whole meeting's header opens it, after at most a cover letter: look no further than that.
  for (let i = 0; i < Math.min(units.length, HEADER_SEARCH_UNITS); i++) {
    const text = units[i].text;
    if (!(grammar.first('committeeLine', text)?.match.index === 0 || grammar.first('meetingHeading', text)?.match.index === 0)) continue;
    for (let j = i + 1; j < Math.min(units.length, i + 5); j++) if (isAttendanceLabel(grammar, units[j].text)) return i;
  }
  return -1;
}

const TERM_BEFORE_BODY = /^(?:Autumn|Spring|Summer|AUTUMN|SPRING|SUMMER)(?:\s+(?:Term|TERM))?(?:\s+\d)?\s+(?:(?:Meeting|MEETING)\s+(?:of|OF)\s+(?:the\s+|THE\s+)?)?(?=(?:Full\s+|FULL\s+|Local\s+|LOCAL\s+)?(?:Governing|GOVERNING|Governors|GOVERNORS|Board\s+of\s+(?:Governors|Trustees)|BOARD\s+OF\s+(?:GOVERNORS|TRUSTEES)|Trust\s+Board|TRUST\s+BOARD)\b)/;

/** Committee and date from a whole-meeting header, when no Meeting line gave them. */
function readMeetingHeader(ctx: Context, units: Unit[], headerIndex: number): void {
  const { grammar } = ctx;
  const meeting = ctx.drafts.meeting;
  if (meeting.committee || meeting.date) return;
  const candidates: { committee: string | null; date: string | null; score: number; index: number }[] = [];
  // A whole meeting's header stands above its attendance list: below it, "The minutes of the meeting held on
  // 4th September …" is the item approving the last meeting's minutes, not this meeting's heading.
  const searched = Math.min(units.length, 60);
  const attendanceAt = units.slice(1, searched).findIndex((u) => ATTENDANCE_START.test(u.text) || isAttendanceLabel(grammar, u.text));
  const limit = attendanceAt < 0 ? searched : attendanceAt + 1;
  for (let i = 0; i < limit; i++) {
    const text = units[i].text;
    const heading = grammar.first('meetingHeading', text);
    if (heading && heading.match.index === 0) {
      candidates.push({ committee: heading.groups.committee?.trim() || null, date: heading.groups.date ? parseUkDate(heading.groups.date) : null, score: 2, index: i });
      continue;
    }
    const committee = grammar.first('committeeLine', text);
    if (committee && committee.match.index === 0) {
      const next = units[i + 1]?.text ?? '';
      const dateLine = grammar.first('dateLine', next) ?? grammar.first('meetingHeading', next);
      const date = dateLine && dateLine.match.index === 0 && dateLine.groups.date ? parseUkDate(dateLine.groups.date) : null;
      if (date || next.match(/^Present\b/i)) candidates.push({ committee: committee.groups.committee?.trim() || null, date, score: date ? 2 : 1, index: i });
    }
  }
  if (!candidates.length) return;
  // Prefer the header that opens the minutes (the one an attendance list follows), then the first.
  const chosen = candidates.find((c) => c.index === headerIndex) ?? candidates.sort((a, b) => b.score - a.score || a.index - b.index)[0];
  meeting.committee = chosen.committee;
  meeting.date = chosen.date;
  if (!meeting.committee) {
    // "LICENSING SUB-COMMITTEE" above "Minutes of a meeting held on 9th January, 2015."
    const above = units[chosen.index - 1]?.text ?? '';
    const line = grammar.first('committeeLine', above);
    if (line && line.match.index === 0) meeting.committee = line.groups.committee?.trim() || null;
  }
}

