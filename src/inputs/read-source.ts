/**
 * readSource(bytes, { name, from }) → the texts an input holds, each with its format: the one place that
 * knows every input format. Text and markdown are decoded (UTF-8, UTF-16 with a mark, Windows-1252);
 * HTML and Word go through rehype/mdast; PDFs through pdfjs; ModernGov XML gives one text per meeting.
 */
import { detectFormat } from './detect-format.js';
import { decodeText } from './decode-text.js';
import { InputError, type SourceText } from './types.js';

// Each format's reader (rehype, mammoth, pdfjs, fast-xml-parser) loads on first use: a batch of plain text
// never pays for them.
const html = () => import('./html-to-text.js');

export interface ReadOptions {
  /** File name (its extension helps tell the format). */
  name?: string | null;
  /** Force a format: text, markdown, html, moderngov-xml, pdf, docx. */
  from?: string;
  /** Read PDFs without a usable text layer by OCR (needs the optional tesseract.js packages). */
  ocr?: boolean;
}

export async function readSource(bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceText[]> {
  if (bytes.length === 0) throw new InputError('E_EMPTY', 'the file is empty');
  const format = detectFormat(bytes, options.name ?? null, options.from);
  switch (format) {
    case 'pdf':
      return [await (await import('./pdf-to-text.js')).readPdf(bytes, { ocr: options.ocr })];
    case 'docx':
      return [await (await import('./docx-to-text.js')).readDocx(bytes)];
    case 'html': {
      const { text, warnings } = decodeText(bytes);
      return [{ format, text: (await html()).htmlToText(text), part: null, pageStarts: null, warnings }];
    }
    case 'moderngov-xml': {
      const { text } = decodeText(bytes);
      return (await import('./moderngov-xml.js')).readModernGovXml(text);
    }
    default: {
      const { text, warnings } = decodeText(bytes);
      return [{ format, text, part: null, pageStarts: null, warnings }];
    }
  }
}
