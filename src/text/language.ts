/**
 * Is the text English? The library reads English minutes; a document in Welsh, Irish or French read as
 * English gives records of nonsense, so it gives a W_LANGUAGE warning and none instead.
 *
 * Two steps, cheapest first. English function words ("the", "and", "of", "was" …) make up 9–30% of the words
 * of every English text in the gold corpus and the fixtures, and 0.3% of a Welsh council's minutes; a text
 * at 3% or more is English without further ado. Below that, franc-all (trigram language identification,
 * offline) names the language, restricted to the languages public bodies in these islands and their
 * neighbours publish in. Short texts (under 100 words) are never judged: too little to tell.
 */
import * as francModule from 'franc-all';
import { unwrapDefault } from '../interop.js';
import { characterClass, isAsciiLetter } from './strings.js';

const { franc } = unwrapDefault<typeof francModule>(francModule);

const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'that', 'was', 'were', 'is', 'be', 'for', 'on', 'with', 'by', 'at', 'this', 'from', 'it', 'as', 'had', 'have', 'has', 'been', 'would', 'will', 'an', 'which', 'are', 'not']);
const ENGLISH_SHARE = 0.03;
const MIN_WORDS = 100;
const SAMPLE = 4_000;

/** The languages franc may answer with (ISO 639-3), and their names. */
const LANGUAGES: Record<string, string> = {
  eng: 'English',
  cym: 'Welsh',
  gle: 'Irish',
  gla: 'Scottish Gaelic',
  sco: 'Scots',
  fra: 'French',
  deu: 'German',
  nld: 'Dutch',
  spa: 'Spanish',
  por: 'Portuguese',
  ita: 'Italian',
  pol: 'Polish',
};

const LONGEST_ENGLISH_WORD = Math.max(...[...ENGLISH_WORDS].map((w) => w.length));
/** `\p{L}`: a letter. */
const letterAt = characterClass(isAsciiLetter, /^\p{L}$/u);

/**
 * The words (runs of letters) of a lower-cased text and how many are common English words. Counted by
 * scanning, making a string only of words short enough to be one of them: every text passes this check, and
 * matching and keeping every word of 4,000 characters cost more than the rest of it.
 */
function countWords(lower: string): { words: number; english: number } {
  let words = 0;
  let english = 0;
  for (let i = 0; i < lower.length; ) {
    let size = letterAt(lower, i);
    if (!size) {
      i++;
      continue;
    }
    const start = i;
    while (size) {
      i += size;
      size = i < lower.length ? letterAt(lower, i) : 0;
    }
    words++;
    if (i - start <= LONGEST_ENGLISH_WORD && ENGLISH_WORDS.has(lower.slice(start, i))) english++;
  }
  return { words, english };
}

/** The language a text is in when it is not English ({ code, name }), or null for English or too little text. */
export function nonEnglishLanguage(text: string): { code: string; name: string } | null {
  const sample = text.slice(0, SAMPLE);
  const { words, english } = countWords(sample.toLowerCase());
  if (words < MIN_WORDS) return null;
  if (english / words >= ENGLISH_SHARE) return null;
  const code = franc(sample, { only: Object.keys(LANGUAGES), minLength: 100 });
  // Scots is English's nearest neighbour here; franc's "und" means it could not tell.
  if (code === 'eng' || code === 'sco' || code === 'und') return null;
  return { code, name: LANGUAGES[code] ?? code };
}
