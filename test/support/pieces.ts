import { readFileSync, readdirSync } from 'node:fs';
import { readAllCorpus } from '../../scripts/corpus.js';
import { splitSentences } from '../../src/text/sentences.js';

/**
 * Every line and sentence of the texts we have (gold corpus and fixtures), with the odd cases a rule's
 * prefilter must not trip on: the long s and the Kelvin sign (which match "s" and "k" under /iu), and white
 * space of every kind and length. What the prefilter tests check each rule against.
 */
export function corpusPieces(): Set<string> {
  const texts = readAllCorpus().map((t) => t.text);
  for (const f of readdirSync('test/fixtures').filter((f) => f.endsWith('.txt'))) texts.push(readFileSync(`test/fixtures/${f}`, 'utf8'));
  const pieces = new Set<string>();
  for (const text of texts) {
    for (const line of text.split('\n')) if (line.trim()) pieces.add(line.trim());
    for (const s of splitSentences(text)) pieces.add(s.text);
  }
  pieces.add('ReſOLVED that the report be noted');
  pieces.add('The \u212Aey Decision was deferred');
  pieces.add('\u212Aey Decisions');
  for (const piece of [...pieces]) if (piece.includes(' ')) pieces.add(piece.replace(/ /g, (_, i: number) => [' \n ', '\u00a0', '\t', '  '][i % 4]));
  return pieces;
}
