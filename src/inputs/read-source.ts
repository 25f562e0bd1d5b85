/**
 * readSource(bytes, { name, from }) → the texts an input holds, each with its format: the one place that
 * knows every input format. Text and markdown are decoded (UTF-8, UTF-16 with a mark, Windows-1252);
 * HTML and Word go through rehype/mdast; PDFs through pdfjs; ModernGov XML gives one text per meeting.
 */
import { detectFormat } from './detect-format.js';
import { decodeText } from './decode-text.js';
import { htmlToText } from './html-to-text.js';
import { readModernGovXml } from './moderngov-xml.js';
import { readPdf } from './pdf-to-text.js';
import { readDocx } from './docx-to-text.js';
import { InputError, type SourceText } from './types.js';

export interface ReadOptions {
  /** File name (its extension helps tell the format). */
  name?: string | null;
  /** Force a format: text, markdown, html, moderngov-xml, pdf, docx. */
  from?: string;
}

export async function readSource(bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceText[]> {
  if (bytes.length === 0) throw new InputError('E_EMPTY', 'the file is empty');
  const format = detectFormat(bytes, options.name ?? null, options.from);
  switch (format) {
    case 'pdf':
      return [await readPdf(bytes)];
    case 'docx':
      return [await readDocx(bytes)];
    case 'html': {
      const { text, warnings } = decodeText(bytes);
      return [{ format, text: htmlToText(text), part: null, pageStarts: null, warnings }];
    }
    case 'moderngov-xml': {
      const { text } = decodeText(bytes);
      return readModernGovXml(text);
    }
    default: {
      const { text, warnings } = decodeText(bytes);
      return [{ format, text, part: null, pageStarts: null, warnings }];
    }
  }
}
