/**
 * The committee and date of a whole-meeting document from the lines that head it, when no Meeting line or
 * grammar heading gave them. Whole-meeting minutes (parish and town councils, fire and police bodies, joint
 * boards, councils abroad) open with their own header in many shapes:
 *   "Minutes of (a|the) meeting of <body> held on <date>", "At a MEETING of the <body> held … on <date>",
 *   "MINUTES OF <BODY> MEETING HELD ON <DATE>", "<Body>" above "<date>" or above "Minutes of …",
 *   "<Body> Meeting Minutes" above "<date>", "<Body> Minutes <date>".
 * The header is the text's first lines, before the attendance list. Three readings, in order of trust:
 *  1. "meeting of <Body>" — the body is named as the meeting's;
 *  2. a line that is only a body's name, just above a line with the date, "held" or "Minutes";
 *  3. "Minutes of the <Body> Meeting" / "<Body> Meeting|Minutes" inside a line.
 * The date is the first day-first date written in full in a header line; a split ordinal ("20 th") is joined.
 */
import { parseUkDate } from '../text/dates.js';
import { RUN_ON_CHARS } from './group-units.js';

const HEADER_LINES = 15;
const LINE_MAX = 300;
const PROSE_WORDS = 30;
const BODY_WORD = /\b(?:Committee|Sub-Committee|Board|Panel|Cabinet|Council|Forum|Authority|Executive|Group|Commission|Assembly|Body|Trustees|Governors|Partnership|Corporation|Convention)\b/i;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE = new RegExp(`(?<!\\d)\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}\\b|(?<!\\d)\\d{1,2}/\\d{1,2}/\\d{4}\\b`, 'i');
/** The line an attendance list opens with: the end of a whole meeting's header. */
export const ATTENDANCE_START = /^(?:Present|Attendance|Members\s+present|Councillors\s+present|In\s+attendance|Apologies)\b/i;
// A run of capitalised words and the small words inside names ("Policy & Resources", "Board of Trustees").
const NAME = "[A-Z][\\w&'’.-]*(?:\\s+(?:(?!(?:Held|HELD|On|ON|At|AT|Minutes|MINUTES|Meeting|MEETING)\\b)[A-Z][\\w&'’.-]*|of|and|&|for|the|on|upon|in|le|de))*";
const MEETING_OF = new RegExp(`\\b(?:meeting|Meeting|MEETING)\\s+(?:of|OF)\\s+(?:the\\s+|THE\\s+)?(?<body>${NAME})(?=\\s+(?:held|Held|HELD|on|ON|at|AT|was|will)\\b|\\s*[,(–—-]|\\s*$)`);
const MINUTES_OF_BODY_MEETING = new RegExp(
  `(?:^|\\s)(?:Minutes|MINUTES)\\s+(?:of|OF)\\s+(?:the\\s+|THE\\s+)?(?:(?:Annual|ANNUAL|Ordinary|ORDINARY|Special|SPECIAL|Extraordinary|EXTRAORDINARY)\\s+)?(?<body>${NAME})(?:\\s+[a-z]+){0,2}\\s+(?:Meeting|meeting|MEETING)\\b`,
  'g',
);
const BODY_THEN_MINUTES = new RegExp(`(?:^|\\s)(?<body>${NAME})\\s+(?:Meeting\\s+|MEETING\\s+)?(?:Minutes|MINUTES)\\b`, 'g');
const MEETING_CUE = /\b(?:held|minutes|meeting)\b/i;

/** The text's header lines: the first lines, up to the attendance list. */
function headerLines(text: string): string[] {
  const lines: string[] = [];
  const head = text.slice(0, 4000);
  // Line by line as far as the header goes (it stops early), not every line of the head split at once.
  for (let from = 0; from <= head.length; ) {
    const newline = head.indexOf('\n', from);
    const to = newline < 0 ? head.length : newline;
    const raw = head.slice(from, to);
    from = to + 1;
    const line = raw.replace(/<[^<>]{0,40}>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, LINE_MAX);
    if (!line) continue;
    // A text that lost its line breaks runs its header into the minutes on one line: the line's opening is
    // read as the header's last line ("SYMAT Board of Trustees 13 th December 2018 1 Minutes of the meeting of
    // the Board of Trustees held on …").
    if (raw.length > RUN_ON_CHARS) {
      lines.push(line);
      break;
    }
    // The header ends where the attendance list or the prose of the minutes begins.
    if (lines.length > 0 && (ATTENDANCE_START.test(line) || line.split(' ').length > PROSE_WORDS)) break;
    lines.push(line);
    if (lines.length >= HEADER_LINES) break;
  }
  return lines;
}

const joinOrdinals = (line: string) => line.replace(/(\d)\s+(st|nd|rd|th)\b/gi, '$1$2');

function dateIn(line: string): string | null {
  const m = DATE.exec(joinOrdinals(line));
  return m ? parseUkDate(m[0]) : null;
}

/** "Parish Council Minutes 2 July 2019" → "Parish Council": the name ends before Minutes, Meeting, a dash before a date, or the date. */
function bodyOfLine(line: string): string {
  let body = line;
  const date = DATE.exec(joinOrdinals(body));
  if (date) body = body.slice(0, date.index);
  // Peel trailing dashes, commas and the words Minutes / Meeting (at most a few), without a backtracking pattern.
  for (let i = 0; i < 6; i++) {
    const before = body;
    body = body.trimEnd();
    if (/[-–—,]$/.test(body)) body = body.slice(0, -1);
    const last = body.lastIndexOf(' ');
    if (last > 0 && /^(?:meeting|minutes)$/i.test(body.slice(last + 1))) body = body.slice(0, last);
    if (body === before) break;
  }
  return body.trim();
}

function isBodyLine(line: string): boolean {
  const words = line.split(' ');
  return words.length <= 14 && /^[A-Z]/.test(line) && BODY_WORD.test(line) && !/[.;:!?]$/.test(line) && !/^(?:Minutes|MINUTES|Agenda|AGENDA|The|THE|At|A)\b/.test(line);
}

/**
 * `itemPage`: the text has a "Minutes:" marker, so its first lines may be an agenda item's title ("MINUTES OF
 * THE PLANNING COMMITTEE MEETING HELD ON: …" names the minutes an item approves); only a body's name
 * directly above a date line — a meeting page's own heading — is read then.
 */
export function readMeetingHeaderLines(text: string, itemPage = false): { committee: string | null; date: string | null } {
  const lines = headerLines(text);
  if (itemPage) {
    for (let i = 0; i + 1 < lines.length; i++) {
      const date = isBodyLine(lines[i]) ? dateIn(lines[i + 1]) : null;
      if (date && DATE.exec(joinOrdinals(lines[i + 1]))!.index < 20) return { committee: bodyOfLine(lines[i]) || null, date };
    }
    return { committee: null, date: null };
  }
  let date: string | null = null;
  for (const line of lines) {
    if (!date && (MEETING_CUE.test(line) || DATE.test(joinOrdinals(line)))) date = dateIn(line);
  }
  let committee: string | null = null;
  for (const line of lines) {
    const m = MEETING_OF.exec(line);
    if (m && BODY_WORD.test(m.groups!.body)) {
      committee = m.groups!.body.trim();
      break;
    }
  }
  if (!committee) {
    for (let i = 0; i + 1 < lines.length && !committee; i++) {
      const next = lines[i + 1];
      if (isBodyLine(lines[i]) && (DATE.test(joinOrdinals(next)) || MEETING_CUE.test(next))) committee = bodyOfLine(lines[i]) || null;
    }
  }
  if (!committee) {
    // Of each line's phrases, the first that names a body ("CONFIRMED MINUTES – … ETHERIDGE SHIRE COUNCIL
    // MINUTES OF …": "CONFIRMED" is no body).
    for (const line of lines) {
      const m = [...line.matchAll(MINUTES_OF_BODY_MEETING), ...line.matchAll(BODY_THEN_MINUTES)].find((found) => BODY_WORD.test(found.groups!.body));
      if (m) {
        committee = m.groups!.body.trim();
        break;
      }
    }
  }
  return { committee, date };
}
