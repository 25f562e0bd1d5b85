/**
 * Which reader an input needs: from `--from` when given, else the file's content (a PDF or a Word file is
 * known by its first bytes whatever its name), else its extension.
 */
import { extname } from 'node:path';
import type { InputFormat } from './types.js';
import { InputError } from './types.js';

export const FORMATS: readonly InputFormat[] = ['text', 'markdown', 'html', 'moderngov-xml', 'pdf', 'docx'];

const BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.xml': 'moderngov-xml',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** Extensions of files that are never minutes text (or are formats we do not read): reported, not guessed at. */
const UNSUPPORTED = /\.(?:doc|rtf|odt|xls|xlsx|ods|csv|ppt|pptx|jpg|jpeg|png|gif|tif|tiff|bmp|webp|zip|gz|7z|json|ndjson|js|mjs|cjs|ts|css|exe|dll|bin|mp3|mp4|wav)$/i;

export function detectFormat(bytes: Uint8Array, name: string | null, from?: string): InputFormat {
  if (from) {
    if (!(FORMATS as readonly string[]).includes(from)) throw new InputError('E_USAGE', `unknown format "${from}"; use one of ${FORMATS.join(', ')}`);
    return from as InputFormat;
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) {
    if (name && extname(name).toLowerCase() !== '.docx' && !head.includes('word/')) {
      throw new InputError('E_UNSUPPORTED_FORMAT', 'a ZIP archive that is not a Word (.docx) document');
    }
    return 'docx';
  }
  const byName = name ? BY_EXTENSION[extname(name).toLowerCase()] : undefined;
  if (byName && byName !== 'text') return byName;
  const start = head.replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<?xml') && /<meeting[\s>]/.test(Buffer.from(bytes.subarray(0, 4096)).toString('utf8'))) return 'moderngov-xml';
  if (/^<(?:!doctype html|html|head|body|div|p|table|meta)\b/.test(start)) return 'html';
  if (name && UNSUPPORTED.test(name)) {
    throw new InputError('E_UNSUPPORTED_FORMAT', `${extname(name)} files are not read as minutes; convert to .docx, .pdf, .html or text first`);
  }
  return byName ?? 'text';
}
