/**
 * Stage 4 — group lines into units: one paragraph, list item, heading or label each.
 *
 * Blank lines and list markers always start a unit. Inside a block, a line continues the unit above it
 * when the text was plainly hard-wrapped (PDF text, fixed-width pages): the next line starts in lower case,
 * the line above ends mid-phrase (a comma, "and", "of", a first name), or — in a text wrapped at one width
 * (wrapWidth) — the next line's first word would not have fitted on the line above. A line that the grammar knows as
 * a label or heading ("Minutes:", "RESOLVED –", "Witnesses:", a committee heading) always starts a unit,
 * and, when it is only a label or a heading, ends it too.
 */
import type { Grammar } from '../grammar/compile.js';
import type { RuleKind } from '../schema/grammar.js';
import { readMarker, type Line, type Marker } from './read-lines.js';
import { isAsciiLetter, isSpace } from '../text/strings.js';
import { splitSentences } from '../text/sentences.js';

export interface Unit {
  index: number;
  marker: Marker | null;
  indent: number;
  /** Offsets into the normalised text of the content (after the marker). */
  start: number;
  end: number;
  /**
   * The content exactly as `normalised.slice(start, end)` but with newlines turned into spaces: the same
   * length, so an offset found in it is an offset into the normalised text (plus `start`).
   */
  text: string;
  /** A blank line (or the start of the text) comes before the unit. */
  blockStart: boolean;
}

/** Kinds of line that always begin a unit of their own. */
const STARTS_UNIT: RuleKind[] = [
  'pageChrome',
  'meetingLine',
  'meetingHeading',
  'committeeLine',
  'dateLine',
  'minutesStart',
  'decisionStart',
  'documentsLine',
  'truncation',
  'noise',
  'sectionLabel',
  'resolutionLabel',
  'recommendationLabel',
  'actionLine',
];

/** A line ending on a function word ("… and", "… of the"): the phrase goes on. */
export const FUNCTION_WORD_END =
  /(?:^|\s)(?:and|or|of|the|a|an|to|from|for|with|by|in|on|at|that|which|as|be|is|was|were|are|its|their|his|her|this|these|those|not|but|into|under|between)$/i;
const TERMINAL_END = /[.!?:;"')\]]$|:-$/;
const COLON_END = /:-?$/;
const CAPITALISED_WORD_END = /(?:^|\s)[A-Z][a-z'’-]+$/;
const STARTS_CAPITALISED_WORD = /^[A-Z][a-z'’-]+\b/;
const SENTENCE_OPENER = /^(?:The|A|An|It|This|These|That|Those|There|They|We|He|She|In|On|At|All|Any|No|If|As|After|Following)\s/;
// "In December, Mr Murphy presented …": an opening phrase of time or place, not a name before its role.
const OPENING_PHRASE = /^(?:In|On|At|During|Following|After|Before|Since|From|For|With|Under|Over|By)\s/;
const HONORIFIC_END = /(?:^|\s)(?:Mr|Mrs|Ms|Miss|Dr|Cllrs?|Councillors?|Alderman|Professor|Prof|Sir|Dame)\.?$/;
const INITIAL_END = /(?:(?:^|\s)(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Alderman)\.?|(?:^|\s)[A-Z]\.)\s?[A-Z]\.$/;
const NAME_ROLE_LINE = /^(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){0,3},\s+[A-Z]/;

/**
 * A short line with no sentence end whose words are mostly capitalised: a heading. Its ASCII letters all
 * capitals ("LAND AT MILL LANE"), or of its words that open with four letters (apostrophes count), at least
 * 60% capitalised; a line with no such word, when it opens with a capital and is short. Read by scanning the
 * characters: it is asked of every unit and line, several times.
 */
export function isHeadingLike(text: string): boolean {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const length = end - start;
  if (length === 0 || length > 160) return false;
  if ('.!?;,'.includes(text[end - 1])) return false;
  let letters = 0;
  let lowercase = false;
  let words = 0;
  let capitalised = 0;
  for (let i = start; i < end; ) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A word: a run of characters other than white space.
    const wordStart = i;
    while (i < end && !isSpace(text.charCodeAt(i))) {
      const c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) letters++;
      else if (c >= 97 && c <= 122) {
        letters++;
        lowercase = true;
      }
      i++;
    }
    if (i - wordStart >= 4 && opensWithLetters(text, wordStart)) {
      words++;
      if (isCapital(text.charCodeAt(wordStart))) capitalised++;
    }
  }
  if (letters >= 3 && !lowercase) return true;
  if (words === 0) return isCapital(text.charCodeAt(start)) && length < 40;
  return capitalised / words >= 0.6;
}

const isCapital = (c: number) => c >= 65 && c <= 90;
/** Are the four characters from `at` ASCII letters or apostrophes? */
function opensWithLetters(text: string, at: number): boolean {
  for (let i = at; i < at + 4; i++) {
    const c = text.charCodeAt(i);
    if (!(isAsciiLetter(c) || c === 39 || c === 0x2019)) return false;
  }
  return true;
}

/** How many words open with a lower-case letter (a name-and-role line has few). */
export function lowercaseWords(text: string): number {
  return (text.match(/(?:^|\s)[a-z][a-z'’-]*/g) ?? []).length;
}

export function groupUnits(text: string, lines: readonly Line[], grammar: Grammar): Unit[] {
  const units: Unit[] = [];
  let current: Line[] = [];
  let pendingMarker: Line | null = null;
  let closeAfter = false;
  let headingAbove = false;

  const flush = () => {
    if (current.length === 0) return;
    const first = current[0];
    const last = current[current.length - 1];
    const start = first.contentStart;
    const end = last.end;
    units.push({
      index: units.length,
      marker: first.marker,
      indent: first.indent,
      start,
      end,
      text: text.slice(start, end).replace(/\n/g, ' '),
      blockStart: first.blockStart,
    });
    current = [];
  };

  const startsUnit = (line: Line) => STARTS_UNIT.some((kind) => grammar.test(kind, line.content));
  const width = wrapWidth(lines);

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (pendingMarker) {
      // A marker alone on its line ("(a)", "·") belongs to the next line of text.
      line = { ...line, marker: pendingMarker.marker, indent: pendingMarker.indent, blockStart: pendingMarker.blockStart };
      pendingMarker = null;
      flush();
      current.push(line);
      closeAfter = false;
      continue;
    }
    if (line.marker && line.content === '' && line.marker.kind !== 'minute-ref') {
      flush();
      pendingMarker = line;
      continue;
    }
    const previous = current[current.length - 1];
    const labelled = startsUnit(line);
    // Only a line inside a block, with no marker and no label of its own, can run on from the line above.
    const mayJoin = previous !== undefined && !line.blockStart && !line.marker && !labelled;
    let joins = false;
    if (mayJoin && !closeAfter) {
      joins = continues(previous, line, current, width);
    } else if (mayJoin && headingAbove && /^[a-z]/.test(line.content)) {
      // "Arising / from the discussion …": what looked like a heading was a wrapped first word.
      joins = true;
    } else if (mayJoin && !TERMINAL_END.test(previous.content) && noRoomFor(previous, line, width)) {
      // "MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions / House, County Hall, …":
      // a heading as long as the text's lines, with no end, was wrapped.
      joins = true;
    }
    if (!joins) flush();
    current.push(line);
    // A label or heading alone on its line is a unit by itself.
    closeAfter = labelled ? isLabelOnly(line, grammar) : line.marker?.kind === 'minute-ref' && line.content === '';
    headingAbove = false;
    if (!labelled && !line.marker && current.length === 1 && isHeadingLike(line.content) && line.content.length < 100 && !endsMidPhrase(line.content)) {
      closeAfter = true;
      headingAbove = true;
    }
    if (looksLikeNameRoleLine(line.content)) closeAfter = true;
  }
  if (pendingMarker) current.push(pendingMarker);
  flush();
  return isRunOn(text, lines) ? splitRunOn(units) : units;
}

/**
 * Longer than any paragraph: in a run-on text a unit this long is read sentence by sentence, and a line this long
 * ends a header (read-meeting-header). No paragraph of the gold texts passes 1,000 characters.
 */
export const RUN_ON_CHARS = 1200;

/**
 * A text that lost its line breaks (a PDF's text copied as one run, paragraphs, headings and all): its lines
 * hold 400 characters or more on average (the gold texts with line breaks hold at most 300; the run-on ones
 * about 500).
 */
function isRunOn(text: string, lines: readonly Line[]): boolean {
  return lines.length > 0 && text.length / lines.length >= 400;
}

/**
 * A run-on text's pieces, before its sentences are read: it is cut before an item's number and capitalised
 * heading ("… (Governance Advisor, City of York Council) 1. APOLOGIES FOR ABSENCE Prior to …") and before a
 * decision's label ("… 19 April 2017 RESOLUTION: That the Minutes …").
 */
const INLINE_BREAK = /\s(?=\d{1,2}\.?\s+[A-Z]{3,}(?:\s+(?:[A-Z]{2,}|&))+\b|(?:RESOLUTION|RESOLVED|RECOMMENDATION)S?\s*[:–-])/g;
function inlinePieces(text: string): { start: number; text: string }[] {
  const pieces: { start: number; text: string }[] = [];
  let from = 0;
  for (const m of text.matchAll(INLINE_BREAK)) {
    if (m.index > from) pieces.push({ start: from, text: text.slice(from, m.index) });
    from = m.index + 1;
  }
  pieces.push({ start: from, text: text.slice(from) });
  return pieces.filter((p) => p.text.trim());
}

/** The sentences of a text, an item's number ("2.") kept with the sentence it opens rather than read as one. */
function sentencesKeepingNumbers(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let pending: number | null = null;
  for (const sentence of splitSentences(text)) {
    if (/^\d{1,3}\.$/.test(sentence.text)) {
      pending ??= sentence.start;
      continue;
    }
    const start = pending ?? sentence.start;
    out.push({ start, text: text.slice(start, sentence.end) });
    pending = null;
  }
  if (pending !== null) out.push({ start: pending, text: text.slice(pending).trimEnd() });
  return out;
}

/** Each unit of a run-on text that is longer than any paragraph becomes one unit per sentence (and inline piece). */
function splitRunOn(units: Unit[]): Unit[] {
  if (!units.some((u) => u.text.length > RUN_ON_CHARS)) return units;
  const out: Unit[] = [];
  for (const u of units) {
    if (u.text.length <= RUN_ON_CHARS) {
      out.push({ ...u, index: out.length });
      continue;
    }
    let k = 0;
    for (const piece of inlinePieces(u.text)) {
      for (const sentence of sentencesKeepingNumbers(piece.text)) {
        const first = k++ === 0;
        // An item's number opening the piece is its marker, as at a line's start ("2. FOOTPATHS …").
        const numbered = first ? null : readMarker(sentence.text);
        const text = numbered ? sentence.text.slice(numbered.length).trimStart() : sentence.text;
        const start = u.start + piece.start + sentence.start + (sentence.text.length - text.length);
        out.push({ index: out.length, marker: first ? u.marker : (numbered?.marker ?? null), indent: u.indent, start, end: start + text.length, text, blockStart: first && u.blockStart });
      }
    }
  }
  return out;
}

/** "Jason Russell, Assistant Director for Highways": a line of a witness list. One ending in a comma or a
 * function word runs on ("Mr Watkins, Cabinet Member for Adult Social Care, / provided an update …",
 * "Joanne Carpenter, Engagement Manager, introduced the / report."). */
function looksLikeNameRoleLine(content: string): boolean {
  return content.length < 140 && !/[.;:,]$/.test(content) && NAME_ROLE_LINE.test(content) && lowercaseWords(content) <= 3 && !FUNCTION_WORD_END.test(content) && !OPENING_PHRASE.test(content);
}

function isLabelOnly(line: Line, grammar: Grammar): boolean {
  for (const kind of ['resolutionLabel', 'recommendationLabel', 'minutesStart', 'decisionStart', 'sectionLabel'] as const) {
    const hit = grammar.first(kind, line.content);
    if (hit && hit.match.index === 0) return line.content.slice(hit.match[0].length).trim() === '';
  }
  return true;
}

/** Does the text open more brackets than it closes? */
const leavesBracketOpen = (text: string): boolean => (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0);

/** Does the text stop on a joiner — a comma, dash, "&", "/" or a function word — so that what follows goes on its phrase? */
const endsOnJoiner = (text: string): boolean => /[,–\-&/]$/.test(text) || FUNCTION_WORD_END.test(text);

/**
 * A line that cannot end a heading: it stops on a joiner or an opening bracket, or leaves a bracket open
 * ("Sarah Hammond (Corporate Director for Children's Young People and" / "Education) and Mark Albiston …").
 */
function endsMidPhrase(text: string): boolean {
  return endsOnJoiner(text) || text.endsWith('(') || leavesBracketOpen(text);
}

/**
 * The width a hard-wrapped text was wrapped at, in characters, or null when the text is not hard-wrapped.
 * Text from a PDF or a fixed-width page breaks every line of a paragraph but its last near one width; text
 * from a web page or a word processor runs each paragraph on one line, of any length. A text is read as
 * wrapped when it has at least 20 lines, its longest lines (the 90th percentile) are 40 to 160 characters
 * long, and at least a quarter of its lines come within 80% of them (lists, headings and paragraphs' last
 * lines are shorter). Of the 77 gold texts one is read as wrapped, a PDF's text (another, wrapped on few of
 * its lines, is not); of the 8 real documents' plain texts, the 7 from PDFs.
 */
export function wrapWidth(lines: readonly Line[]): number | null {
  const lengths: number[] = [];
  for (const line of lines) if (line.end > line.contentStart) lengths.push(line.end - line.start);
  if (lengths.length < 20) return null;
  lengths.sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)];
  if (width > 160 || width < 40) return null;
  let near = 0;
  for (const length of lengths) if (length >= width * 0.8) near++;
  return near >= lengths.length * 0.25 ? width : null;
}

/** Length of the first word of a line's content (up to its first space). */
const firstWordLength = (content: string): number => {
  const space = content.indexOf(' ');
  return space < 0 ? content.length : space;
};

/**
 * In a text wrapped at `width`, would the first word of `line` not have fitted on `previous` (within a tenth of
 * the width: PDF fonts are proportional)? Then the wrap ended the line, not the writer. Never so for a lead-in
 * (":") or a label line ("R2023-235 D. Yemm, T. Butler:"), above or below: a list or a record follows those.
 */
function noRoomFor(previous: Line, line: Line, width: number | null): boolean {
  return width !== null && previous.end - previous.start + 1 + firstWordLength(line.content) > width * 0.9 && !COLON_END.test(previous.content) && !COLON_END.test(line.content);
}

/** Does `line` continue the unit whose last line is `previous` (hard-wrapped text)? */
function continues(previous: Line, line: Line, unit: readonly Line[], width: number | null): boolean {
  const prev = previous.content;
  const next = line.content;
  if (/^[a-z(]/.test(next) && !/^\([a-z0-9]{1,4}\)/.test(next)) return true;
  // Wrapped text: whatever punctuation ends the line, a sentence that ends at a line's end goes on in its paragraph.
  if (noRoomFor(previous, line, width)) return true;
  // "… and Cllr. G. / Evans", "… (KICA) and Mr / Watkins wrote …": a name's initial or honorific is no
  // sentence end, so the name on the next line runs on.
  if ((INITIAL_END.test(prev) || HONORIFIC_END.test(prev)) && STARTS_CAPITALISED_WORD.test(next)) return true;
  if (TERMINAL_END.test(prev)) return false;
  // A line ending mid-phrase runs on, after a numbered first line too ("2. Mr X said that the challenges
  // within the / Adults Directorate …").
  if (endsOnJoiner(prev)) return true;
  // "… staff costs by about / 10 to 11 percent": a number then a word in lower case goes on a sentence (a list
  // item's number would have been read as its marker).
  if (/^\d[\d,.%]*\s+[a-z]/.test(next)) return true;
  // "10. Open Session for members of the public" — an item heading numbered as a whole number.
  if (unit.length === 1 && unit[0].marker?.kind === 'number' && /^[A-Z]/.test(next)) return false;
  // "Cheryl Clark (Democratic / Services Officer)": a bracket left open in the unit runs on.
  if (leavesBracketOpen(unit.map((l) => l.content).join(' '))) return true;
  if (looksLikeNameRoleLine(next)) return false;
  // "… an update from Mark / Antrobus on behalf of …": a name broken across lines inside prose.
  // A line opening with a sentence's first word ("The Clerk will …") starts a sentence, whatever ends the one above.
  // A line inside a paragraph is no heading, however many capitals it holds ("… into the Devolution Priority /
  // Programme, it could …").
  if (CAPITALISED_WORD_END.test(prev) && STARTS_CAPITALISED_WORD.test(next) && !SENTENCE_OPENER.test(next) && lowercaseWords(prev) >= 3 && (unit.length > 1 || !isHeadingLike(prev))) {
    return true;
  }
  return false;
}
