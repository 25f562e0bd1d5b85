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
