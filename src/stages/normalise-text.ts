/**
 * Stage 1 — normalise the text so that later patterns can be simple, and keep a map back to the input.
 *
 * - Unicode NFC (only where the input is not already NFC: it is the rare, slow case);
 * - no-break and other odd spaces → " "; CR and CRLF → "\n"; control characters and lone surrogates → " ";
 * - bullet glyphs (• · ▪ ◦ ‣ ⁃ ● ■, and the private-use ones of Symbol and Wingdings fonts) → "•";
 * - curly quotes → straight quotes.
 *
 * Records are always cut from the *input* by mapped spans, so nothing here changes what users see.
 * In the common case (NFC, no CR) every change is one character for one and the map is the identity,
 * kept as `null` so a 50 MB input costs no offset arrays at all.
 */

import { BULLET_GLYPHS } from '../text/strings.js';

export interface NormalisedText {
  text: string;
  /** Input offset where normalised char i starts; null when the map is the identity. */
  starts: Int32Array | null;
  /** Input offset where normalised char i ends (exclusive); null when the map is the identity. */
  ends: Int32Array | null;
  /** Length of the input. */
  inputLength: number;
}

const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v\u200b\ufeff]/;
const BULLETS = new Set([...BULLET_GLYPHS]);
const QUOTES: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '‛': "'", '“': '"', '”': '"', '„': '"', '′': "'" };

function mapChar(ch: string, next: string | undefined): string | null {
  if (ch === '\r') return next === '\n' ? null : '\n';
  if (ch === '\n') return '\n';
  if (SPACE_LIKE.test(ch)) return ' ';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return ' ';
  if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) return ' '; // a lone surrogate
  if (BULLETS.has(ch)) return '•';
  const quote = QUOTES[ch];
  if (quote) return quote;
  return ch;
}

// Every character the fast path may change; each is replaced by exactly one character.
const SPECIAL = new RegExp(
  `[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u00a0\\u1680\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff${BULLET_GLYPHS}‘’‚‛“”„′]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`,
  'g',
);

export function normaliseText(input: string): NormalisedText {
  if (isNfc(input) && !input.includes('\r')) {
    return { text: input.replace(SPECIAL, (ch) => mapChar(ch, undefined) ?? ' '), starts: null, ends: null, inputLength: input.length };
  }
  // Slow path: normalise each base character with its combining marks; every output char of a cluster
  // maps to the whole cluster.
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const cluster = /\P{M}\p{M}*|\p{M}+/gsu;
  for (const m of input.matchAll(cluster)) {
    const start = m.index;
    const end = start + m[0].length;
    const composed = m[0].length > 1 && /\p{M}/u.test(m[0]) ? m[0].normalize('NFC') : m[0];
    for (const ch of composed) {
      const mapped = mapChar(ch, input[end]);
      if (mapped === null) continue;
      out.push(mapped);
      // One map entry per UTF-16 code unit: an astral character is two.
      for (let k = 0; k < mapped.length; k++) {
        starts.push(start);
        ends.push(end);
      }
    }
  }
  return { text: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends), inputLength: input.length };
}

function isNfc(input: string): boolean {
  // Text without combining marks or other characters that NFC may change is already NFC.
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u02ff\u2000-\u206f\u20a0-\u20cf\u2100-\u22ff\u2500-\u25ff]/.test(input)) return true;
  return input.normalize('NFC') === input;
}

/** Maps a normalised span [start, end) to an input span. */
export function toInputSpan(norm: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (!norm.starts || !norm.ends) return { start, end: Math.max(start, end) };
  const length = norm.starts.length;
  if (end <= start) {
    const at = start < length ? norm.starts[start] : norm.inputLength;
    return { start: at, end: at };
  }
  return { start: norm.starts[start], end: norm.ends[end - 1] };
}
