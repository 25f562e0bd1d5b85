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
    const text = new TextDecoder('windows-1252').decode(bytes);
    // Windows-1252 decodes any bytes; if the result is mostly control characters it was never text.
    const controls = text.slice(0, 65_536).match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g)?.length ?? 0;
    if (controls / Math.max(1, Math.min(text.length, 65_536)) > 0.05) throw new InputError('E_BINARY', 'binary data, not text (not UTF-8, and too many control characters for Windows-1252)');
    return { text, warnings: [{ code: 'W_DECODED_CP1252', message: 'The file is not valid UTF-8; it was read as Windows-1252.' }] };
  }
}
