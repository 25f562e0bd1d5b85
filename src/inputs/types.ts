import type { MinutesDocument } from '../schema/minutes.js';

export type InputFormat = MinutesDocument['source']['format'];

/** A text read from an input, ready for extract(). A ModernGov XML file gives one per meeting. */
export interface SourceText {
  format: InputFormat;
  /** The text the records' spans point into. */
  text: string;
  /** For a file holding several documents (XML meetings): which one, e.g. "meeting 4967". */
  part: string | null;
  /** For PDFs: the offset in `text` where each page starts (page 1 first). */
  pageStarts: number[] | null;
  /** The text was read by OCR from page images (a scanned PDF read with `ocr: true`). */
  ocr?: boolean;
  /** Problems met while reading that did not stop it (e.g. text decoded as Windows-1252). */
  warnings: { code: string; message: string }[];
}

/** Reading errors are data: a code, a message that says what to do, and where. */
export class InputError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
  }
}
