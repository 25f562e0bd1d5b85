/**
 * Stage 3 — read the lines of each block: indent, list marker (bullet, "13.1", "1.", "(1)", "(a)", "a)",
 * minute references like "PLA146/14") and where the content starts after the marker.
 *
 * Markers are read here, not by remark, because minutes number their paragraphs in ways markdown does not
 * know, and because a marker's text must be left out of every record's span ("13.1", "(1)", "•").
 */
import type { Block } from './parse-blocks.js';

export type MarkerKind = 'bullet' | 'decimal' | 'number' | 'paren-number' | 'letter' | 'minute-ref';

export interface Marker {
  kind: MarkerKind;
  /** The marker as written, e.g. "13.1", "(a)", "•". */
  label: string;
  /** The number or letter alone, e.g. "13.1", "a", "1". */
  value: string;
}

export interface Line {
  index: number;
  /** Offsets into the normalised text: the line without its newline. */
  start: number;
  end: number;
  indent: number;
  marker: Marker | null;
  /** Where the line's content starts, after indent and marker. Equals `end` for a marker-only line. */
  contentStart: number;
  /** The content (after the marker), trimmed at the end. */
  content: string;
  block: number;
  /** First line of its block (a blank line or the start of the text comes before it). */
  blockStart: boolean;
}

// One alternative per marker style; each must be followed by white space or the end of the line.
const MARKER =
  /^(?:(?<bullet>[•*\-–—]|o(?=\s+\S))(?=\s|$)|(?<decimal>\d{1,3}(?:\.\d{1,3})+)\.?(?=\s|$)|(?<num>\d{1,3})[.)](?=\s|$)|\((?<pnum>\d{1,3})\)\.?(?=\s|$)|\((?<pletter>[a-z]{1,4})\)(?=\s|$)|(?<letter>[a-z]{1,4})\)(?=\s|$)|\(?(?<upper>[A-Z]|[IVX]{2,4})\)(?=\s+\S)|(?<letterdot>[a-z]|i{1,3}|iv|vi{0,3}|ix|x)\.(?=\s+\S)|(?<ref>[A-Z]{2,6}\d{1,4}\/\d{2,4}|\d{1,3}\/\d{2,4})(?=\s|$))/;

// Lower case, or upper case with text after it on the line ("A) Note the forecast …", "(IV) The …"): an
// upper-case letter alone on its line ("(A)" above an item heading) labels a part of the page, not a list item.
const ROMAN_OR_LETTER = /^(?:[a-z]|i{1,3}|iv|v|vi{1,3}|ix|x|xi{1,3})$/i;

export function readMarker(content: string): { marker: Marker; length: number } | null {
  const m = MARKER.exec(content);
  if (!m || !m.groups) return null;
  const g = m.groups;
  let marker: Marker | null = null;
  if (g.bullet) marker = { kind: 'bullet', label: g.bullet, value: g.bullet };
  else if (g.decimal) marker = { kind: 'decimal', label: m[0], value: g.decimal };
  else if (g.num) marker = { kind: 'number', label: m[0], value: g.num };
  else if (g.pnum) marker = { kind: 'paren-number', label: m[0], value: g.pnum };
  else if (g.pletter && ROMAN_OR_LETTER.test(g.pletter)) marker = { kind: 'letter', label: m[0], value: g.pletter };
  else if (g.letter && ROMAN_OR_LETTER.test(g.letter)) marker = { kind: 'letter', label: m[0], value: g.letter };
  else if (g.upper && ROMAN_OR_LETTER.test(g.upper)) marker = { kind: 'letter', label: m[0], value: g.upper };
  else if (g.letterdot) marker = { kind: 'letter', label: m[0], value: g.letterdot };
  else if (g.ref) marker = { kind: 'minute-ref', label: m[0], value: g.ref };
  if (!marker) return null;
  return { marker, length: m[0].length };
}

export function readLines(text: string, blocks: readonly Block[]): Line[] {
  const lines: Line[] = [];
  blocks.forEach((block, blockIndex) => {
    // A block's offset starts after its indentation; step back to the true line start.
    let lineStart = block.start;
    while (lineStart > 0 && text[lineStart - 1] !== '\n') lineStart--;
    let first = true;
    while (lineStart < block.end) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1 || lineEnd > block.end) lineEnd = block.end;
      const raw = text.slice(lineStart, lineEnd);
      const indent = raw.length - raw.trimStart().length;
      if (indent < raw.length) {
        let contentStart = lineStart + indent;
        let marker: Marker | null = null;
        const found = readMarker(raw.slice(indent));
        if (found) {
          marker = found.marker;
          contentStart += found.length;
          while (contentStart < lineEnd && text[contentStart] === ' ') contentStart++;
        }
        const content = text.slice(contentStart, lineEnd).trimEnd();
        lines.push({
          index: lines.length,
          start: lineStart,
          end: lineStart + raw.trimEnd().length,
          indent,
          marker,
          contentStart,
          content,
          block: blockIndex,
          blockStart: first,
        });
        first = false;
      }
      lineStart = lineEnd + 1;
    }
  });
  return lines;
}
