/** Drops any of `chars` from the end of `text` — a linear-time `replace(/[…]+$/, '')`, safe on any length. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}
