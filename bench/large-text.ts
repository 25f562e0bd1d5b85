/**
 * A child of the benchmark (bench/run.ts): extracts one large text, the seeds and dev texts joined in a
 * fixed order until it reaches N million characters, and prints its size and time. The parent caps this
 * process's heap and reads its garbage collector's trace, so nothing here measures memory itself.
 *   node --max-old-space-size=400 --trace-gc --import tsx bench/large-text.ts 20
 */
import { extract } from '../src/index.js';
import { readCorpus } from '../scripts/corpus.js';

const million = Number(process.argv[2] ?? 20);
const texts = ['seeds', 'dev'].flatMap((folder) => readCorpus(folder).map((t) => t.text));
const parts: string[] = [];
for (let chars = 0, k = 0; chars < million * 1_000_000; k++) {
  parts.push(texts[k % texts.length]);
  chars += texts[k % texts.length].length + 2;
}
const text = parts.join('\n\n');
parts.length = 0;
const t0 = performance.now();
extract(text);
console.log(`large-text ${JSON.stringify({ chars: text.length, seconds: (performance.now() - t0) / 1000 })}`);
