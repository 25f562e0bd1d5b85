/** Is the character code one of JavaScript's `\s` (what `trim()` drops)? */
export function isSpace(c: number): boolean {
  // ASCII first: nearly every character asked is one, and most are not white space.
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `text.trim() === ''`, without making the trimmed string. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A test of the character at `i` against a class of characters, answering with how many code units it spans
 * (0 when it is not in the class): ASCII by `ascii`, any other code point by `nonAscii`, a pattern matching
 * one character, whose answers are kept. For scanners that read words without a Unicode regular expression
 * making a string of every match.
 */
export function characterClass(ascii: (code: number) => boolean, nonAscii: RegExp): (text: string, i: number) => number {
  const answers = new Map<number, boolean>();
  // ASCII answers in a table: every class's test is then the same code reading other data (a call to `ascii`
  // here was a different function for each class, and the scanners could not inline it).
  const asciiTable = new Uint8Array(128);
  for (let c = 0; c < 128; c++) asciiTable[c] = ascii(c) ? 1 : 0;
  return (text, i) => {
    const c = text.charCodeAt(i);
    if (c < 128) return asciiTable[c];
    const cp = text.codePointAt(i)!;
    let inClass = answers.get(cp);
    if (inClass === undefined) {
      // Bounded, so that a batch of texts in every script keeps its memory flat.
      if (answers.size >= 4096) answers.clear();
      answers.set(cp, (inClass = nonAscii.test(String.fromCodePoint(cp))));
    }
    return inClass ? (cp > 0xffff ? 2 : 1) : 0;
  };
}

export const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
export const isAsciiLetterOrDigit = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57);

/** Drops any of `chars` from the end of `text` — a linear-time `replace(/[…]+$/, '')`, safe on any length. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `text` cut at every match of `separator` (a global regex), each piece with its offset in `text`. */
export function splitWithOffsets(text: string, separator: RegExp): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(separator)) {
    out.push({ text: text.slice(start, m.index), offset: start });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), offset: start });
  return out;
}

/**
 * Private-use code points that Symbol and Wingdings fonts use for bullets, as PDFs and Word files carry them:
 * U+F0B7 (Symbol •), U+F0A7 (Wingdings ▪), U+F0D8 (➢), U+F076 (❖), U+F0FC (✓), U+F0E0 (→), U+F06E (■),
 * U+F071 (❑), U+F0A8 (□). The PDF reader writes them as "•"; the normaliser reads them as bullets anywhere.
 */
export const PRIVATE_USE_BULLETS = '\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0\uf06e\uf071\uf0a8';

/** Every glyph the text reads as a bullet (the normaliser writes each as "•"): common ones and the private-use ones. */
export const BULLET_GLYPHS = `•·▪◦‣⁃●■${PRIVATE_USE_BULLETS}`;
