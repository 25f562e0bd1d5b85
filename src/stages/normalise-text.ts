/**
 * Stage 1 — normalise the text so that later patterns can be simple, and keep a map back to the input.
 *
 * - Unicode NFC (only where the input is not already NFC: it is the rare, slow case);
 * - no-break and other odd spaces → " "; CR and CRLF → "\n"; control characters and lone surrogates → " ";
 * - bullet glyphs (• · ▪ ◦ ‣ ⁃ ● ■, and the private-use ones of Symbol and Wingdings fonts) → "•";
 * - curly quotes → straight quotes;
 * - HTML tags left in scraped text ("… Staff Officer.</p><p>At the outset …"): a paragraph, list-item, heading,
 *   row or division tag → a line break with a blank line (a paragraph break), <br> → a line break,
 *   b / i / u / strong / em / span / font / a → spaces; each character for one, so the map stays the identity.
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
  /** Where the first HTML tag read as white space stands in the normalised text (absent when there is none). */
  firstTag?: number;
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

// Every character the fast path may change; each is replaced by exactly one character: the class, and
// lone surrogates.
const SPECIAL_CHARACTERS = `[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u00a0\\u1680\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff${BULLET_GLYPHS}‘’‚‛“”„′]`;
const SPECIAL_CHARACTER = new RegExp(`^${SPECIAL_CHARACTERS}$`);

/** What the fast path writes for a special character, worked out once per character (curly quotes are in most texts). */
const fastReplacements = new Map<string, string>();
function fastReplacement(ch: string): string {
  let replacement = fastReplacements.get(ch);
  if (replacement === undefined) fastReplacements.set(ch, (replacement = mapChar(ch, undefined) ?? ' '));
  return replacement;
}

/** Per code unit of the Basic Multilingual Plane: 0 not yet asked, 1 special, 2 not. */
const specialCodes = new Uint8Array(0x10000);
function isSpecialCode(c: number): boolean {
  if (specialCodes[c] === 0) specialCodes[c] = SPECIAL_CHARACTER.test(String.fromCharCode(c)) ? 1 : 2;
  return specialCodes[c] === 1;
}
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The fast path's rewrite: every special character (SPECIAL_CHARACTERS, or a lone surrogate) replaced by one
 * character. Read by character code, so the printable ASCII most text is made of costs one comparison each.
 */
function replaceSpecial(input: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 10) continue;
    // A surrogate pair is one character, never special; a lone half is.
    if (isHighSurrogate(c) && i + 1 < input.length && isLowSurrogate(input.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    if (isHighSurrogate(c) || isLowSurrogate(c) || isSpecialCode(c)) {
      out += input.slice(copied, i) + fastReplacement(input[i]);
      copied = i + 1;
    }
  }
  return copied === 0 ? input : out + input.slice(copied);
}

/** The tags of HTML that mark a paragraph, list item, heading, row or division, and line breaks. */
const BREAKING_TAG = /<\/?(?:p|div|li|ul|ol|h[1-6]|tr|table|blockquote|br|hr)(?:[\s/][^<>]{0,200})?>/gi;
/** Tags of inline formatting, which say nothing of where a paragraph ends. */
const INLINE_TAG = /<\/?(?:b|i|u|strong|em|span|font|a)(?:[\s/][^<>]{0,200})?>/gi;

/**
 * Text scraped with its HTML tags left in: each tag becomes white space of its own length (so offsets do not
 * move). A breaking tag ends in two line breaks (a blank line: a paragraph break), <br> in one.
 * Texts without a "<" are returned as they are.
 */
function untag(text: string): { text: string; firstTag: number | null } {
  if (!text.includes('<')) return { text, firstTag: null };
  let firstTag: number | null = null;
  const note = (at: number) => {
    if (firstTag === null || at < firstTag) firstTag = at;
  };
  const out = text
    .replace(BREAKING_TAG, (tag, at: number) => {
      note(at);
      const lineBreak = /^<\/?br\b/i.test(tag) ? '\n' : '\n\n';
      return ' '.repeat(tag.length - lineBreak.length) + lineBreak;
    })
    .replace(INLINE_TAG, (tag, at: number) => {
      note(at);
      return ' '.repeat(tag.length);
    });
  return { text: out, firstTag };
}

export function normaliseText(input: string): NormalisedText {
  const norm = normaliseCharacters(input);
  const { text, firstTag } = untag(norm.text);
  return firstTag === null ? norm : { ...norm, text, firstTag };
}

function normaliseCharacters(input: string): NormalisedText {
  if (isNfc(input) && !input.includes('\r')) {
    return { text: replaceSpecial(input), starts: null, ends: null, inputLength: input.length };
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
