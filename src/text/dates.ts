/**
 * Dates, read day-first as UK minutes write them ("07/06/2022" is 7 June 2022), with chrono-node's en-GB
 * parser: meeting dates ("Thursday, 16th November, 2017") and due dates of actions ("by March 2024",
 * "in 12 months", "within six months"), the relative ones resolved against the meeting date.
 */
import * as chronoModule from 'chrono-node';
import { unwrapDefault } from '../interop.js';
import { memoise } from './memo.js';

// chrono-node ships ESM and CJS; under the CJS build it may arrive as a namespace with a default.
const chrono = unwrapDefault<typeof chronoModule>(chronoModule);

const iso = (d: Date) => d.toISOString().slice(0, 10);

// chrono parses slowly and a meeting's date is written the same way on every page: answers are kept.
export const parseUkDate: (text: string) => string | null = memoise(readUkDate, 10_000);

/** A fully stated day-first date in `text` (day, month and year all written), as ISO; else null. */
function readUkDate(text: string): string | null {
  const plain = plainUkDate(text);
  if (plain !== undefined) return plain;
  const results = chrono.en.GB.parse(text, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 });
  for (const r of results) {
    if (r.start.isCertain('day') && r.start.isCertain('month') && r.start.isCertain('year')) {
      return iso3(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!);
    }
  }
  return null;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const WRITTEN = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december|sept\.?),?\s+(\d{4})$/i;
const iso3 = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The two ways nearly every meeting date is written — "07/06/2022" and "(Thursday,) 16th November, 2017" —
 * read without chrono, when the text is only that date and the date exists; undefined for anything else
 * (chrono decides). chrono reads them the same way (checked against it in the tests), but its first call
 * after other work recompiles its patterns (up to tens of milliseconds), and a batch meets a new date on
 * every page.
 */
export function plainUkDate(text: string): string | null | undefined {
  const t = text.trim();
  const slashed = SLASHED.exec(t);
  const written = slashed ? null : WRITTEN.exec(t);
  const m = slashed ?? written;
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = slashed ? Number(m[2]) : MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
  const year = Number(m[3]);
  // Out of range or not a real day: chrono's own reading (it may swap day and month, or refuse).
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate() || year < 1000) return undefined;
  return iso3(year, month, day);
}

/** The words before a date that make it a deadline rather than a date the minutes mention. */
const DUE_CUE = /\b(?:by|before|within|in|no\s+later\s+than|until|on|for)\s+(?:the\s+)?$/i;
/** "in 12 months", "within three weeks" — a period from the meeting, not a named month ("in June"). */
const RELATIVE = /^(?:in|within)\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)\s+(?:days?|weeks?|months?|years?)\b/i;

/**
 * What a text must hold for a due date to be read from it: a due word ("by", "before", "within", "in",
 * "until", "on", "for", "no later than") and, at most four words on, what makes a date certain — a month's
 * name, whole or cut short ("decision" and "market" are not "Dec" and "Mar"), a numeric date such as
 * "5/6/24", or a period's unit ("in 12 months"). A bare number ("item 5", "£65", "by 2025", "the 12th") gives
 * none, and is most texts' only digit; a month named far from any due word is a date the minutes mention.
 * (Casual days — "by tomorrow" — are not read as due dates.) chrono is slow, above all when called now and
 * then among other work: this keeps it to the texts that can give a due date.
 */
const DUE_NEAR_DATE =
  /\b(?:by|before|within|in|than|until|on|for)\s+(?:[A-Za-z,'’-]+\s+|\d+(?:st|nd|rd|th)?\s+){0,4}?(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|days?|weeks?|months?|years?|fortnights?|quarters?)\b|\d{1,4}\s*[/.-]\s*\d{1,2})/i;

/**
 * The due date an action's text states ("by March 2024" → 2024-03-31, "in 12 months" → meeting + 12 months),
 * or null. Relative periods need the meeting date; a month without a day means the end of that month.
 */
export function resolveDue(text: string, meetingDate: string | null): string | null {
  if (!DUE_NEAR_DATE.test(text)) return null;
  const plain = plainDue(text, meetingDate);
  return plain !== undefined ? plain : dueByChrono(text, meetingDate);
}

const DUE_NEAR_DATES = new RegExp(DUE_NEAR_DATE.source, 'gi');
/** "by 31 March", "on the 5th June", "before 1 Sept": a due word, a day and a month, nothing else. */
const DUE_DAY_MONTH = /^(?:by|before|on|until|for)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2,8})$/;
/** "by March", "in June": a due word and a month. */
const DUE_MONTH = /^(?:by|before|in|until|for)\s+([A-Z][a-z]{2,8})$/;
/** The year that follows: ", 2024" or " 2024", not the start of "2024-25" or "2024/5". */
const FOLLOWING_YEAR = /^,?\s+(\d{4})(?![\d/.:-])/;

/** A month's number from its whole name or its first three letters ("Sept" and "Sept." are left to chrono). */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return (lower.length === 3 ? MONTHS.indexOf(lower) : MONTH_NAMES.indexOf(lower)) + 1;
}

/**
 * The due date of a text whose one due phrase is "by 31 March 2024" or "by March 2024", read without chrono;
 * undefined for anything else (chrono decides). chrono reads these the same way (checked against it in the
 * tests), but it is slow when called now and then among other work: its patterns are compiled again, about
 * 0.4 ms a call against 0.05 ms when warm, and a batch meets a due date on one page in seven.
 */
export function plainDue(text: string, meetingDate: string | null): string | null | undefined {
  DUE_NEAR_DATES.lastIndex = 0;
  const phrase = DUE_NEAR_DATES.exec(text);
  // Another due phrase (or none) is chrono's to weigh.
  if (!phrase || DUE_NEAR_DATES.exec(text)) return undefined;
  const year = FOLLOWING_YEAR.exec(text.slice(phrase.index + phrase[0].length));
  if (!year) return undefined;
  const y = Number(year[1]);
  const dayMonth = DUE_DAY_MONTH.exec(phrase[0]);
  const monthOnly = dayMonth ? null : DUE_MONTH.exec(phrase[0]);
  const month = monthNumber((dayMonth?.[2] ?? monthOnly?.[1]) ?? '');
  if (!month || y < 1000) return undefined;
  const lastDay = new Date(Date.UTC(y, month, 0)).getUTCDate();
  const day = dayMonth ? Number(dayMonth[1]) : lastDay;
  if (day < 1 || day > lastDay) return undefined;
  const due = iso3(y, month, day);
  // A date before the meeting is history, not a deadline.
  return meetingDate && due < meetingDate ? null : due;
}

/** The due date chrono reads in `text`, by the rules of resolveDue. */
export function dueByChrono(text: string, meetingDate: string | null): string | null {
  const reference = meetingDate ? new Date(`${meetingDate}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const results = chrono.en.GB.parse(text, { instant: reference, timezone: 0 }, { forwardDate: true });
  for (const r of results) {
    const before = text.slice(0, r.index);
    const relative = RELATIVE.test(r.text);
    // chrono sometimes keeps the cue in its match ("on 28 May 2019").
    if (!relative && !DUE_CUE.test(before) && !/^(?:by|before|on|until)\s/i.test(r.text)) continue;
    if (relative && !meetingDate) continue;
    if (!r.start.isCertain('month') && !relative) continue;
    let date = r.start.date();
    if (!relative && !r.start.isCertain('day')) {
      date = new Date(Date.UTC(r.start.get('year')!, r.start.get('month')!, 0, 12)); // last day of that month
    }
    const due = iso(date);
    if (meetingDate && due < meetingDate) continue; // a date before the meeting is history, not a deadline
    return due;
  }
  return null;
}
