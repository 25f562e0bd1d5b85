/**
 * Word (.docx) → text with mammoth, which turns the document's paragraphs, lists and tables into clean HTML;
 * that HTML then takes the HTML path (rehype-parse + hast-util-to-mdast), so Word and web pages read alike.
 */
import mammothModule from 'mammoth';
import { htmlToText } from './html-to-text.js';
import { InputError, type SourceText } from './types.js';
import { unwrapDefault } from '../interop.js';

const mammoth = unwrapDefault<typeof mammothModule>(mammothModule);

export async function readDocx(bytes: Uint8Array): Promise<SourceText> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new InputError('E_DOCX_INVALID', `the Word file cannot be read (${(error as Error).message.split('\n')[0]}); re-save it as .docx`);
  }
  return { format: 'docx', text: htmlToText(`<html><body>${html}</body></html>`), part: null, pageStarts: null, warnings: [] };
}
