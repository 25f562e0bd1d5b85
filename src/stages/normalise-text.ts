/**
 * Stage 1 — normalise the text so that later patterns can be simple, and keep a map back to the input.
 *
 * - Unicode NFC (only where the input is not already NFC: it is the rare, slow case);
 * - no-break and other odd spaces → " "; CR and CRLF → "\n"; control characters → " ";
 * - bullet glyphs (• · ▪ ◦ ‣ ⁃ ● ■ ) → "•";
 * - curly quotes → straight quotes.
 *
 * Every other character is copied. `toInput[i]` is the input offset of normalised character i, and
 * `toInput[text.length]` is the input length, so any normalised span maps back to an input span.
 * Records are always cut from the *input* by these spans, so nothing here changes what users see.
 */

export interface NormalisedText {
  text: string;
  /** Input offset of each normalised char, plus one final entry for the end. */
  toInput: Int32Array;
}

const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v\u200b\ufeff]/;
const BULLETS = new Set(['•', '·', '▪', '◦', '‣', '⁃', '●', '■', '\uf0b7', '']);
const QUOTES: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '‛': "'", '“': '"', '”': '"', '„': '"', '′': "'" };

function mapChar(ch: string, next: string | undefined): string | null {
  if (ch === '\r') return next === '\n' ? null : '\n';
  if (ch === '\n') return '\n';
  if (SPACE_LIKE.test(ch)) return ' ';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return ' ';
  if (BULLETS.has(ch)) return '•';
  const quote = QUOTES[ch];
  if (quote) return quote;
  return ch;
}

export function normaliseText(input: string): NormalisedText {
  // Fast path: most minutes are already NFC, and then every input char maps to at most one output char.
  const needsNfc = !isNfc(input);
  const out: string[] = [];
  const map: number[] = [];
  if (!needsNfc) {
    for (let i = 0; i < input.length; i++) {
      const mapped = mapChar(input[i], input[i + 1]);
      if (mapped === null) continue;
      out.push(mapped);
      map.push(i);
    }
  } else {
    // Slow path: normalise each base character with its combining marks, mapping the result to the cluster start.
    const cluster = /\P{M}\p{M}*|\p{M}+/gsu;
    for (const m of input.matchAll(cluster)) {
      const start = m.index;
      const composed = m[0].normalize('NFC');
      for (const ch of composed) {
        const mapped = mapChar(ch, input[start + m[0].length]);
        if (mapped === null) continue;
        for (let k = 0; k < mapped.length; k++) {
          out.push(mapped[k]);
          map.push(start);
        }
      }
    }
  }
  const toInput = new Int32Array(map.length + 1);
  toInput.set(map);
  toInput[map.length] = input.length;
  return { text: out.join(''), toInput };
}

function isNfc(input: string): boolean {
  // Pure ASCII and Latin-1 text is always NFC; only check the rest.
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u02ff\u2000-\u206f]/.test(input)) return true;
  return input.normalize('NFC') === input;
}

/** Maps a normalised span [start, end) to an input span. */
export function toInputSpan(norm: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = norm.toInput[Math.min(start, norm.toInput.length - 1)];
    return { start: at, end: at };
  }
  const inputStart = norm.toInput[start];
  // The end is one past the input position of the last char (a composed char may cover several input chars).
  const lastChar = norm.toInput[end - 1];
  const nextChar = norm.toInput[end];
  const inputEnd = nextChar > lastChar ? nextChar : lastChar + 1;
  return { start: inputStart, end: inputEnd };
}
