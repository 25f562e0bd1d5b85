/**
 * A small, fast sentence splitter for minutes prose. compromise splits sentences too, but it is forty
 * times slower than the parse; minutes punctuate plainly, so a boundary is [.!?] + space + a capital,
 * except after titles, initials and common abbreviations ("Mr.", "J.W.", "No.", "e.g.").
 */
import { isSpace } from './strings.js';

export interface Sentence {
  /** Offsets into the text the sentence was cut from (plus the offset given). */
  start: number;
  end: number;
  text: string;
}

const ABBREVIATION_BEFORE = /(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Cllrs|Prof|St|No|Nos|Co|Ltd|etc|approx|incl|para|paras|Rev|Revd|vs|cf|e\.g|i\.e|Sgt|Insp|Supt|Cmdr|Gen|Col|Capt|Lt|Jr|Sr|Ref|ref)|\b[A-Z]|\.[A-Za-z])$/;
// Each run of punctuation is tried once, from its start (the look-behind), so a megabyte of dots stays linear.
const BOUNDARY = /(?<![.!?])[.!?]+["')\]]*(?=\s+["'(]?[A-Z0-9])/g;

export function splitSentences(text: string, offset = 0): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  // exec, not matchAll: matchAll clones the pattern on every call, and every unit is split.
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (m[0][0] === '.' && ABBREVIATION_BEFORE.test(before)) continue;
    const end = m.index + m[0].length;
    push(text, start, end, offset, out);
    start = end;
  }
  push(text, start, text.length, offset, out);
  return out;
}

function push(text: string, start: number, end: number, offset: number, out: Sentence[]) {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start: start + offset, end: end + offset, text: text.slice(start, end) });
}

/** Collapses runs of white space to one space and trims: how record texts are compared with the input. */
export function collapse(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  // Most texts have nothing to collapse inside (single spaces only): then no new string is made but the cut.
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) && (c !== 32 || isSpace(text.charCodeAt(i + 1)))) return text.slice(start, end).replace(/\s+/g, ' ');
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * The first `n` characters of `collapse(text.slice(start, end))`, collapsing only as much of the text as they
 * need: the collapse of a piece of the text is a prefix of the collapse of all of it.
 */
export function collapsedHead(text: string, start: number, end: number, n: number): string {
  for (let k = n; ; k *= 2) {
    const stop = Math.min(end, start + k);
    const head = collapse(text.slice(start, stop));
    if (head.length >= n || stop === end) return head.slice(0, n);
  }
}
