/**
 * npm run bench — throughput of extract() against remark-parse alone on the same texts, time per stage,
 * and peak RSS. The benchmark corpus is the corpus/ texts cycled in a fixed order up to the target size
 * (deterministic: the same bytes every run). Not a test: figures go in the README.
 *   npm run bench -- --mb 1     (default 1)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { extract } from '../src/index.js';

const mbArg = process.argv.indexOf('--mb');
const targetMb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 1;

const corpusDir = new URL('../corpus/', import.meta.url);
const texts = ['seeds', 'dev'].flatMap((folder) =>
  readdirSync(new URL(`${folder}/`, corpusDir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(new URL(`${folder}/${f}`, corpusDir), 'utf8')),
);
const docs: string[] = [];
let chars = 0;
for (let i = 0; chars < targetMb * 1_000_000; i++) {
  docs.push(texts[i % texts.length]);
  chars += texts[i % texts.length].length;
}
const mb = chars / 1_000_000;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

// Warm up both, so JIT compilation is not counted.
const parser = unified().use(remarkParse);
for (const d of docs.slice(0, 50)) {
  parser.parse(d);
  extract(d);
}

const remarkSeconds = time(() => {
  for (const d of docs) parser.parse(d);
});
const timings: Record<string, number> = {};
const extractSeconds = time(() => {
  for (const d of docs) extract(d, { timings });
});

const row = (name: string, seconds: number) =>
  `| ${name} | ${(mb / seconds).toFixed(2)} MB/s | ${Math.round(docs.length / seconds)} docs/s |`;
console.log(`benchmark corpus: ${docs.length} documents, ${mb.toFixed(2)} MB (mean ${Math.round(chars / docs.length)} chars), node ${process.version}\n`);
console.log('| what | throughput | documents |');
console.log('| --- | --- | --- |');
console.log(row('remark-parse alone', remarkSeconds));
console.log(row('extract() (whole pipeline)', extractSeconds));
console.log(`\nratio extract / remark-parse: ${(remarkSeconds / extractSeconds).toFixed(2)}×`);
const total = Object.values(timings).reduce((a, b) => a + b, 0);
console.log('\n| stage | ms | share |\n| --- | --- | --- |');
for (const [stage, ms] of Object.entries(timings)) console.log(`| ${stage} | ${Math.round(ms)} | ${((100 * ms) / total).toFixed(1)}% |`);
console.log(`\npeak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
