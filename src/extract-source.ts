/**
 * extractSource(bytes, options) → one MinutesDocument per document the input holds (one per file, one per
 * meeting for ModernGov XML). Non-text inputs carry their extracted text in `source.text` (always, so spans
 * point at something a consumer can read; `includeText` adds it for text inputs too); PDF records get `page`.
 * Reading problems (a PDF with no text layer, binary junk) reject with an InputError that has a code.
 */
import { extract, type ExtractOptions } from './extract.js';
import { readSource, type ReadOptions } from './inputs/read-source.js';
import type { MinutesDocument } from './schema/minutes.js';
import type { SourceText } from './inputs/types.js';

export interface ExtractSourceOptions extends Omit<ExtractOptions, 'format'>, ReadOptions {
  /** Carry the text in `source.text` for text and markdown inputs too. */
  includeText?: boolean;
}

export async function extractSource(bytes: Uint8Array, options: ExtractSourceOptions = {}): Promise<MinutesDocument[]> {
  const texts = await readSource(bytes, options);
  return texts.map((source) => documentOf(source, options));
}

export function documentOf(source: SourceText, options: ExtractSourceOptions = {}): MinutesDocument {
  const document = extract(source.text, { ...options, format: source.format });
  if (source.format !== 'text' && source.format !== 'markdown') document.source.text = source.text;
  else if (options.includeText) document.source.text = source.text;
  if (source.part) document.source.part = source.part;
  for (const w of source.warnings) document.warnings.unshift({ code: w.code, message: w.message, span: null, line: null, column: null });
  if (source.pageStarts) addPages(document, source.pageStarts);
  if (source.ocr) {
    document.source.ocr = true;
    for (const list of RECORD_LISTS) for (const record of document[list]) record.ocr = true;
  }
  return document;
}

const RECORD_LISTS = ['witnesses', 'declarations', 'discussionPoints', 'resolutions', 'recommendations', 'actions', 'attendance', 'votes'] as const;

function addPages(document: MinutesDocument, pageStarts: number[]): void {
  const pageOf = (offset: number) => {
    let page = 1;
    for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i] <= offset) page = i + 1;
    return page;
  };
  for (const list of RECORD_LISTS) for (const record of document[list]) record.page = pageOf(record.span.start);
}
