/**
 * PDF → text with pdfjs-dist (Mozilla's PDF reader, pure JavaScript): the text layer of each page, rebuilt
 * into lines by position. A line that runs to the right margin and is followed by more text without a gap is
 * a wrapped line and joins the next with a space; a larger vertical gap is a blank line (a new paragraph);
 * pages are separated by a blank line and their start offsets kept, so every record can name its page.
 * A PDF with no text layer (a scan) is an error that says to run OCR first, not an empty document; so is a
 * text layer that reads as symbols (E_GARBLED_TEXT_LAYER).
 */
import { InputError, type SourceText } from './types.js';
import { BULLET_GLYPHS, PRIVATE_USE_BULLETS } from '../text/strings.js';
import { readMarker } from '../stages/read-lines.js';
import { FUNCTION_WORD_END } from '../stages/group-units.js';
import type { RenderablePdf } from './ocr.js';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
  fontName?: string;
}

/** A piece of text on a line, where the PDF put it. */
interface Part {
  x: number;
  right: number;
  str: string;
  font?: string;
}

interface Line {
  parts: Part[];
  y: number;
  left: number;
  right: number;
  height: number;
  text: string;
  /**
   * Where the words start after a list marker ("1.", "a.", "•"): a wrapped list item's next line hangs there,
   * not under the marker. Undefined for a line without a marker.
   */
  textLeft?: number;
  /** The font of the line's first and last pieces: a heading in bold does not wrap into the body below it. */
  firstFont?: string;
  lastFont?: string;
  /** What the line holds in the page's right-hand column ("Noted", "Clerk"), kept out of its text. */
  cell?: string;
  /** An entry of a list set in columns, after its row's first: no wrap joins it or runs on from it. */
  entry?: boolean;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;
// pdfjs-dist is ESM-only and large: load it on first use, by dynamic import (works from the CJS build too).
const loadPdfJs = () => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

export interface PdfOptions {
  /** Read a PDF without a usable text layer (a scan, a garbled font mapping) by OCR instead of failing. */
  ocr?: boolean;
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<SourceText> {
  const pdfjs = await loadPdfJs();
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: true }).promise;
  } catch (error) {
    const e = error as { name?: string; message?: string };
    if (e.name === 'PasswordException') throw new InputError('E_PDF_ENCRYPTED', 'the PDF is encrypted with a password; save an unencrypted copy first');
    throw new InputError('E_PDF_INVALID', `the PDF cannot be read (${e.message ?? 'damaged or truncated'}); re-download or re-save it`);
  }
  try {
    const pages: PageText[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(layoutPage(content.items.filter((i) => 'str' in i) as unknown as TextItem[]));
      page.cleanup();
    }
    const noTextLayer = pages.every((t) => t.text.trim() === '');
    const garbled = !noTextLayer && isGarbled(pages.map((t) => t.text).join('\n'));
    if ((noTextLayer || garbled) && options.ocr) return await readByOcr(doc as unknown as RenderablePdf);
    if (noTextLayer) {
      throw new InputError('E_NO_TEXT_LAYER', 'no text layer — run OCR first, or extract with --ocr (the PDF holds page images, not text)');
    }
    if (garbled) {
      throw new InputError(
        'E_GARBLED_TEXT_LAYER',
        "the PDF's text layer is garbled (its fonts map glyphs to the wrong characters, so the text reads as symbols) — run OCR on the page images instead, or ask the publisher for a PDF saved with its text",
      );
    }
    const pageStarts: number[] = [];
    let text = '';
    let previous: PageText | null = null;
    // Page furniture (page numbers, running lines) is gathered after the text: a page break can fall inside a
    // paragraph or between the items of one list, and a page number left there would sit inside its record.
    const furniture: string[] = [];
    for (const page of pages) {
      furniture.push(...page.head);
      if (text) {
        // A paragraph that runs on over the page break is one paragraph.
        const runsOn = previous?.endsWrapped && !opensNewLine(page.text.trimStart(), text.trimEnd());
        text = runsOn ? text.trimEnd() + ' ' : text.trimEnd() + '\n\n';
      }
      pageStarts.push(text.length);
      text += page.text;
      furniture.push(...page.foot);
      if (page.text.trim()) previous = page;
    }
    if (furniture.length) text = `${text.trimEnd()}\n\n${furniture.join('\n\n')}\n`;
    return { format: 'pdf', text, part: null, pageStarts, warnings: [] };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('E_PDF_INVALID', `the PDF cannot be read (${(error as Error).message}); re-download or re-save it`);
  } finally {
    await doc.destroy();
  }
}

/**
 * A text layer that reads as symbols, not words: a font whose glyphs map to the wrong character codes gives
 * runs of control characters, digits and punctuation where the words should be. Garbled when more than 2% of
 * the non-space characters are control characters, or when fewer than a third of the tokens (of 50 or more)
 * look like words (letters, with a little punctuation). Private-use bullets (U+F0B7) are not counted against
 * a text: fonts use them for real bullets.
 */
export function isGarbled(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  const visible = sample.replace(/\s+/g, '').length;
  if (visible === 0) return false;
  // eslint-disable-next-line no-control-regex
  const control = sample.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (control / visible > 0.02) return true;
  const tokens = sample.split(/\s+/).filter(Boolean);
  if (tokens.length < 50) return false;
  const words = tokens.filter((t) => /^["'‘“(]?\p{L}[\p{L}'’-]*[.,;:!?)"”]*$/u.test(t)).length;
  return words / tokens.length < 1 / 3;
}

interface PageText {
  /** Page furniture above and below the page's text (page numbers, running lines), one string per line. */
  head: string[];
  foot: string[];
  text: string;
  /** The page's last line runs to the right margin: its paragraph may go on over the page. */
  endsWrapped: boolean;
}

// Symbol and Wingdings fonts put their bullets in the text layer as private-use code points: the text reads
// them as the bullets they are.
const PRIVATE_USE_BULLET = new RegExp(`[${PRIVATE_USE_BULLETS}]`, 'g');

/** The pages read by OCR, one after another, each starting a paragraph. */
async function readByOcr(doc: RenderablePdf): Promise<SourceText> {
  const { ocrPages } = await import('./ocr.js');
  const pageStarts: number[] = [];
  let text = '';
  for (const page of await ocrPages(doc)) {
    pageStarts.push(text.length);
    text += `${page.trim()}\n\n`;
  }
  return {
    format: 'pdf',
    text,
    part: null,
    pageStarts,
    ocr: true,
    warnings: [{ code: 'W_OCR', message: 'the PDF has no usable text layer: its pages were read by OCR, so words can be misread — check the records against the pages' }],
  };
}

/**
 * A line that is page furniture when it opens or closes a page: a page number ("3", "- 3 -", "Page 3 of 8"),
 * a short running line ending in one ("December 19, 2023 – Minutes – Page 2"), or the line a parish minute book
 * has the chair sign on every page ("Signed ________ Dated ________").
 */
const PAGE_FURNITURE = /^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|(?:.{0,80}?[\s–—|-])?Page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|Signed\s?[._…]{3}[^\n]{0,160})$/i;

/**
 * How far a list marker and the space after it reach into a line ("1. ", "(a) ", "13.1 ", "• "), read by
 * the pipeline's own marker reader (read-lines), with a bullet glyph of any font read as "•"; null when the
 * line opens with no marker followed by a space.
 */
function listMarkerEnd(text: string): number | null {
  const lead = text.length - text.trimStart().length;
  const rest = text.slice(lead);
  const found = readMarker(BULLET_GLYPH.test(rest[0] ?? '') ? `•${rest.slice(1)}` : rest);
  const space = found ? /^\s+/.exec(rest.slice(found.length)) : null;
  return found && space ? lead + found.length + space[0].length : null;
}
const BULLET_GLYPH = new RegExp(`[${BULLET_GLYPHS}]`);
const itemHeight = (item: TextItem) => Math.abs(item.transform[3]) || item.height || 10;

/**
 * A superscript ordinal ("29" + raised "th") is an item of its own, smaller and on a higher baseline: read by
 * baseline it would be a line of its own ("th") splitting the sentence. Each is joined to the item it follows
 * — one that ends in a digit, ends where the suffix starts, and sits on a baseline a little below it.
 */
function joinSuperscripts(items: TextItem[]): TextItem[] {
  const joined = new Set<TextItem>();
  const out = items.map((item) => ({ ...item }));
  for (const sup of out) {
    if (!/^\s*(?:st|nd|rd|th)\s*$/.test(sup.str)) continue;
    const x = sup.transform[4];
    const y = sup.transform[5];
    const host = out.find((h) => {
      if (h === sup || joined.has(h) || !/\d$/.test(h.str)) return false;
      const height = itemHeight(h);
      const rise = y - h.transform[5];
      const gap = x - (h.transform[4] + h.width);
      return itemHeight(sup) < height * 0.9 && rise > 0 && rise < height * 0.7 && Math.abs(gap) < height * 0.5;
    });
    if (!host) continue;
    host.str += sup.str.trim();
    host.width = x + sup.width - host.transform[4];
    joined.add(sup);
  }
  return out.filter((item) => !joined.has(item));
}

/** Items → lines (by baseline) → text, with wraps joined and paragraph gaps kept. */
function layoutPage(pageItems: TextItem[]): PageText {
  if (pageItems.every((i) => !i.str.trim())) return { head: [], text: '', foot: [], endsWrapped: false };
  const items = joinSuperscripts(pageItems);
  const lines: Line[] = [];
  for (const item of items) {
    if (!item.str) continue;
    const x = item.transform[4];
    const y = item.transform[5];
    const height = Math.abs(item.transform[3]) || item.height || 10;
    let line = lines.find((l) => Math.abs(l.y - y) < height * 0.4);
    if (!line) {
      line = { parts: [], y, left: x, right: x + item.width, height, text: '' };
      lines.push(line);
    }
    line.parts.push({ x, str: item.str.replace(PRIVATE_USE_BULLET, '•'), right: x + item.width, font: item.fontName });
    line.left = Math.min(line.left, x);
    line.right = Math.max(line.right, x + item.width);
  }
  for (const line of lines) line.parts.sort((a, b) => a.x - b.x);
  takeRightColumn(lines);
  splitTableColumns(lines);
  for (const line of lines) {
    const inked = line.parts.filter((part) => part.str.trim());
    line.firstFont = inked[0]?.font;
    line.lastFont = inked[inked.length - 1]?.font;
    let text = '';
    let end = -Infinity;
    const starts: number[] = [];
    for (const part of line.parts) {
      // A gap wider than a fifth of the line height is a space the PDF did not write.
      if (text && part.x - end > line.height * 0.2 && !/\s$/.test(text) && !/^\s/.test(part.str)) text += ' ';
      starts.push(text.length);
      text += part.str;
      end = part.right;
    }
    line.text = text.trimEnd();
    // Where the words start after a list marker: the x of the text offset just past it.
    const markerEnd = listMarkerEnd(line.text);
    if (markerEnd !== null) {
      const at = starts.findIndex((offset, k) => offset + line.parts[k].str.length > markerEnd);
      if (at >= 0) {
        const part = line.parts[at];
        const into = markerEnd - starts[at];
        line.textLeft = into <= 0 ? part.x : part.x + ((part.right - part.x) * into) / Math.max(1, part.str.length);
      }
    }
  }
  lines.sort((a, b) => b.y - a.y || a.left - b.left);
  // The lines with ink, top to bottom. Page numbers and running lines ("Page 2 of 3", "December 19, 2023 –
  // Minutes – Page 2") at the top or the bottom of the page are kept in the text, but out of the flow, so a
  // paragraph runs on over them.
  const flow = lines.filter((l) => l.text.trim());
  const head: string[] = [];
  const foot: string[] = [];
  while (flow.length > 1 && PAGE_FURNITURE.test(flow[0].text.trim())) head.push(flow.shift()!.text.trim());
  while (flow.length > 1 && PAGE_FURNITURE.test(flow[flow.length - 1].text.trim())) foot.unshift(flow.pop()!.text.trim());
  const rightMargin = Math.max(...flow.map((l) => l.right));
  const leftMargin = Math.min(...flow.map((l) => l.left));
  let out = '';
  // Right-hand column cells wait for the end of their paragraph, and follow it on lines of their own.
  let cells: string[] = [];
  const flushCells = () => {
    for (const cell of cells) out += `\n${cell}`;
    cells = [];
  };
  flow.forEach((line, i) => {
    const previous = flow[i - 1];
    if (previous && out) {
      const gap = previous.y - line.y;
      const wrapped = !line.entry && !previous.entry && noRoomFor(line, previous) && gap < previous.height * 1.6 && !opensNewLine(line.text, previous.text) && line.left <= (previous.textLeft ?? previous.left) + 2;
      if (!wrapped) flushCells();
      if (gap > previous.height * 1.6) out += '\n\n';
      else out += wrapped ? ' ' : '\n';
    }
    const indent = Math.max(0, Math.round((line.left - leftMargin) / (line.height * 0.5)));
    out += (out.endsWith(' ') ? '' : ' '.repeat(Math.min(indent, 8))) + line.text.trimStart();
    if (line.cell) cells.push(line.cell);
  });
  flushCells();
  const last = flow[flow.length - 1];
  return { head, text: out + '\n', foot, endsWrapped: last ? reachesMargin(last) : false };

  function reachesMargin(line: Line): boolean {
    return line.right > leftMargin + (rightMargin - leftMargin) * 0.85;
  }

  /**
   * A line was wrapped only if the next line's first word would not have fitted after it: a writer who ends a
   * short line ("18.11.6 Beacon to Commemorate …", "… resolved not to support") with room to spare broke it
   * on purpose. The word's width is the next line's width shared out by typical glyph widths (capitals are
   * wider than "i"), and the margin is the widest line, which can fall a little short of the real one: so a
   * word that misses fitting by less than half a character counts as not fitting. A change of font where the
   * lines meet (a bold heading above body text) is a break too.
   */
  function noRoomFor(next: Line, previous: Line): boolean {
    // The word test decides; a line ending before 60% of the width is a break whatever follows it.
    if (previous.right < leftMargin + (rightMargin - leftMargin) * 0.6) return false;
    if (previous.lastFont && next.firstFont && previous.lastFont !== next.firstFont) return false;
    const text = next.text.trimStart();
    const perUnit = (next.right - next.left) / Math.max(1, glyphUnits(text));
    const firstWord = /^\S+/.exec(text)?.[0] ?? '';
    const slack = perUnit * GLYPH_UNITS_AVERAGE * 0.5;
    return previous.right + glyphUnits(` ${firstWord}`) * perUnit > rightMargin - slack;
  }
}

/**
 * A right-hand column of a page ("Noted", "Clerk", "Cllr H. Gwynne" against each paragraph): short text far to
 * the right of its line's words, at the right edge the page's other such cells share. Read into the line it
 * would run into the sentence ("… £12,254.67 . Noted"); each cell is taken off its line (`cell`) and the line's
 * width is its words' alone. Two cells at least, on one right edge, make a column; a lone one is left alone.
 */
function takeRightColumn(lines: Line[]): void {
  const left = Math.min(...lines.map((l) => l.left));
  const right = Math.max(...lines.map((l) => l.right));
  const found: { line: Line; at: number }[] = [];
  for (const line of lines) {
    const inked = line.parts.map((part, k) => ({ part, k })).filter(({ part }) => part.str.trim());
    if (inked.length < 2) continue;
    const { part, k } = inked[inked.length - 1];
    const before = inked[inked.length - 2].part;
    const text = part.str.trim();
    const gap = part.x - before.right;
    if (gap < Math.max(3 * line.height, 24) || part.x < left + (right - left) * 0.55) continue;
    // Words, not figures: a column of amounts is a table's, and stays on its row.
    if (text.length > 30 || text.split(/\s+/).length > 4 || /[,;:]$/.test(text) || !/^\p{L}/u.test(text)) continue;
    found.push({ line, at: k });
  }
  if (found.length < 2) return;
  // The column's right edge: most cells end within a few points of one another.
  const edges = found.map(({ line, at }) => line.parts[at].right).sort((a, b) => a - b);
  const edge = edges[Math.floor(edges.length / 2)];
  const inColumn = found.filter(({ line, at }) => Math.abs(line.parts[at].right - edge) <= 8);
  if (inColumn.length < 2) return;
  for (const { line, at } of inColumn) {
    line.cell = line.parts[at].str.trim();
    line.parts = line.parts.slice(0, at).filter((part, k, kept) => k < kept.length - 1 || part.str.trim());
    const inked = line.parts.filter((part) => part.str.trim());
    line.right = Math.max(...inked.map((part) => part.right));
  }
}

/**
 * A list set in two or more columns ("Broxap Catalogue    Yates Playground Equipment" / "CALC AGM 10/11/18
 * Post Office …"): where a wide gap parts a line's words at the same x on two lines or more, each part is a
 * line of its own, read row by row, left to right. Read as one line, the entries ran together. A column of
 * figures after the gap is a table's and stays on its row.
 */
function splitTableColumns(lines: Line[]): void {
  const gapsAt = (line: Line) => {
    const starts: number[] = [];
    const inked = line.parts.filter((part) => part.str.trim());
    // Words after the gap: a column of figures is a table's (amounts against payees) and stays on its row.
    for (let k = 1; k < inked.length; k++) if (inked[k].x - inked[k - 1].right >= Math.max(4 * line.height, 36) && /^\s*\p{L}/u.test(inked[k].str)) starts.push(inked[k].x);
    return starts;
  };
  const all = lines.flatMap((line) => gapsAt(line).map((x) => ({ line, x })));
  const shared = (x: number) => all.filter((g) => Math.abs(g.x - x) <= 4).length >= 2;
  const split: Line[] = [];
  for (const line of lines) {
    const cuts = gapsAt(line).filter(shared);
    if (!cuts.length) {
      split.push(line);
      continue;
    }
    let rest = line.parts;
    let first = true;
    for (const cut of [...cuts, Infinity]) {
      const parts = rest.filter((part) => part.x < cut - 0.5);
      rest = rest.filter((part) => part.x >= cut - 0.5);
      const inked = parts.filter((part) => part.str.trim());
      if (!inked.length) continue;
      // The first entry starts where the line did, and may end a paragraph wrapped onto it.
      split.push({ parts, y: line.y, left: inked[0].x, right: Math.max(...inked.map((part) => part.right)), height: line.height, text: '', entry: !first });
      first = false;
    }
  }
  lines.splice(0, lines.length, ...split);
}

/**
 * Typical glyph widths in thousandths of the type size (Helvetica's metrics, close enough for the proportional
 * fonts minutes use): only ratios matter, to share a line's measured width out among its characters.
 */
const GLYPH_UNITS: Record<string, number> = Object.fromEntries(
  [
    [' .,:;!|\'ijlfIt', 278],
    ['r-()[]', 333],
    ['ckszvxyJ', 500],
    ['abdeghnopqu0123456789$£#?_L', 556],
    ['FTZ', 611],
    ['ABEKPSVXY&', 667],
    ['CDHNRUw', 722],
    ['GOQ', 778],
    ['mM%', 833],
    ['W@', 944],
  ].flatMap(([chars, units]) => [...(chars as string)].map((c) => [c, units as number])),
);
const GLYPH_UNITS_AVERAGE = 540;
const glyphUnits = (text: string): number => [...text].reduce((sum, c) => sum + (GLYPH_UNITS[c] ?? GLYPH_UNITS_AVERAGE), 0);

const SENTENCE_START = /^\s*(?:The|This|These|It|There)\s[A-Za-z]/;
// A line ending on a function word or an honorific goes on, whatever opens the next (group-units' own test).
const ENDS_ON_HONORIFIC = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Cllr)$/i;
const endsMidPhrase = (line: string): boolean => FUNCTION_WORD_END.test(line) || ENDS_ON_HONORIFIC.test(line);

/**
 * Does `next` open a line of its own rather than continue `previous` (wrapped)? A list marker always does
 * ("1.", "(a)", "b)", roman "xii)" and "5vi)"; also a bullet alone on its line, its item on the next);
 * after a sentence end, so does a label ("RESOLVED:", "Minutes:", an all-capitals word) or a short heading.
 */
function opensNewLine(next: string, previous: string): boolean {
  if (/^\s*(?:[•·▪◦\-–*o](?:\s|$)|\(?\d{1,3}[.)]\s|\d{1,3}(?:\.\d{1,3})+\.?\s|\([a-z]{1,4}\)\s|[a-z]\)\s|\d{0,3}[ivx]{1,5}\)\s)/.test(next)) return true;
  // "… Thorn Dykes, Milburn" / "The Councillors discussed …": a line opening a sentence after a line that ends
  // on a word (not "and", "of", a comma) starts anew, though the first line ran to the margin.
  if (SENTENCE_START.test(next) && /[\p{L}\d)]$/u.test(previous.trimEnd()) && !endsMidPhrase(previous.trimEnd())) return true;
  // A short line of a few capitalised words without a stop of its own ("Recommendation", "Matters Arising")
  // is a heading too.
  return /[.:;!?]$/.test(previous.trimEnd()) && /^\s*(?:[A-Z]{3,}\b|[A-Z][\w ]{0,30}:|[A-Z][\w’'&-]*(?:\s+[\w’'&-]+){0,3}\s*$)/.test(next);
}
