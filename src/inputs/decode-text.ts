/**
 * Bytes → text for text, markdown and HTML inputs: a UTF-8 or UTF-16 byte-order mark decides; otherwise
 * strict UTF-8, and when that fails, Windows-1252 (what older council systems save) with a warning.
 * Bytes that are no text at all (NUL bytes without a UTF-16 mark) are an error, not a document.
 */
import { InputError } from './types.js';

export function decodeText(bytes: Uint8Array): { text: string; warnings: { code: string; message: string }[] } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), warnings: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: [] };
  const sample = bytes.subarray(0, 65_536);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  if (nul > 0) throw new InputError('E_BINARY', 'binary data, not text (it holds NUL bytes and no UTF-16 byte-order mark)');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    const text = decodeWindows1252(bytes);
    // Windows-1252 decodes any bytes; if the result is mostly control characters it was never text.
    const controls = text.slice(0, 65_536).match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g)?.length ?? 0;
    if (controls / Math.max(1, Math.min(text.length, 65_536)) > 0.05) throw new InputError('E_BINARY', 'binary data, not text (not UTF-8, and too many control characters for Windows-1252)');
    return { text, warnings: [{ code: 'W_DECODED_CP1252', message: 'The file is not valid UTF-8; it was read as Windows-1252.' }] };
  }
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F, where it puts curly quotes, dashes, the bullet and
 * the euro sign. Node's TextDecoder('windows-1252') was seen here to decode that range as Latin-1 control
 * characters, so the range is mapped by hand (five bytes are undefined in Windows-1252 and stay as they are).
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (const b of bytes) {
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}
