/**
 * The benchmark's corpora, generated from the gold texts so that every run reads the same bytes: the seeds,
 * and ../shared's dev texts when present (read in place, never copied into the project).
 */
import { readCorpus } from '../scripts/corpus.js';

const texts = ['seeds', 'dev'].flatMap((folder) => readCorpus(folder).map((t) => t.text));
// Short pages: every gold text as a document of its own (train's too), in a fixed order.
const pages = ['seeds', 'dev', 'train'].flatMap((folder) => readCorpus(folder).map((t) => t.text));

/** Documents of ≥ 5,000 characters built from the corpus in a fixed order, up to `mb` megabytes. */
export function benchmarkCorpus(mb: number): string[] {
  const docs: string[] = [];
  let total = 0;
  let k = 0;
  while (total < mb * 1_000_000) {
    let doc = '';
    while (doc.length < 5_000) doc += (doc ? '\n\n' : '') + texts[k++ % texts.length];
    docs.push(doc);
    total += doc.length;
  }
  return docs;
}

/** Short pages up to `mb` megabytes: the gold texts in turn. */
export function shortPageCorpus(mb: number): string[] {
  const docs: string[] = [];
  let total = 0;
  for (let k = 0; total < mb * 1_000_000; k++) {
    docs.push(pages[k % pages.length]);
    total += pages[k % pages.length].length;
  }
  return docs;
}

