/**
 * npm run fuzz -- --runs N [--seed S] — mutates the corpus texts (insertions, deletions, shuffled and
 * duplicated lines, random Unicode, control characters, splices of two texts, cuts) and checks that
 * extract() never throws, gives a schema-valid document, stays inside the input and keeps the grounding
 * rule, and is deterministic. The same seed gives the same inputs. A failing input is written to
 * fuzz-failures/ and the run exits 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { extract } from '../src/index.js';
import { readCorpus } from './corpus.js';
import { xorshift32 } from '../src/text/random.js';
import { invariantProblems } from './invariants.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 1000);
// The same sequence for the same seed on every machine.
const random = xorshift32(arg('--seed', 1));
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(list: readonly T[]) => list[int(list.length)];

const texts = [...readCorpus('seeds'), ...readCorpus('dev')].map((t) => t.text);
const NOISE = ['\u0000', '\u0007', '\u001b', '\ufeff', '\u200b', '\u00a0', '\r', '\r\n', '\t', '\ud800', '\udfff', '\u0301', '𐀀', '😀', 'ﬁ', 'İ', '\u2028', '\u202e', '•', '·', '–', '’', '“', '(1)', '13.1', 'RESOLVED', 'Minutes:', ':-', ' – '];

function randomUnicode(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const r = random();
    s += r < 0.5 ? String.fromCharCode(32 + int(95)) : r < 0.8 ? String.fromCharCode(int(0x3000)) : r < 0.9 ? pick(NOISE) : String.fromCodePoint(0x10000 + int(0x1000));
  }
  return s;
}

const MUTATIONS: ((t: string) => string)[] = [
  (t) => { const at = int(t.length + 1); return t.slice(0, at) + randomUnicode(1 + int(40)) + t.slice(at); },
  (t) => { const at = int(t.length + 1); return t.slice(0, at) + t.slice(at + int(200)); },
  (t) => t.split('\n').sort(() => random() - 0.5).join('\n'),
  (t) => { const lines = t.split('\n'); const i = int(lines.length); lines.splice(i, 0, ...lines.slice(i, i + 1 + int(5))); return lines.join('\n'); },
  (t) => [...t].map((ch) => (random() < 0.02 ? pick(NOISE) : ch)).join(''),
  (t) => t.slice(0, int(t.length + 1)),
  (t) => { const other = pick(texts); const at = int(t.length + 1); return t.slice(0, at) + other.slice(int(other.length)); },
  (t) => t.replace(/\n/g, () => (random() < 0.3 ? '' : '\n')),
  (t) => t.replace(/ /g, () => (random() < 0.05 ? '\n' : ' ')),
];

const started = performance.now();
let chars = 0;
let failures = 0;
for (let run = 1; run <= runs; run++) {
  let input = pick(texts);
  for (let m = 1 + int(3); m > 0; m--) input = pick(MUTATIONS)(input);
  chars += input.length;
  let problems: string[];
  try {
    const doc = extract(input);
    problems = invariantProblems(input, doc);
    if (run % 10 === 0 && JSON.stringify(extract(input)) !== JSON.stringify(doc)) problems.push('not deterministic');
  } catch (error) {
    problems = [`threw: ${(error as Error).message}`];
  }
  if (problems.length) {
    failures++;
    mkdirSync('fuzz-failures', { recursive: true });
    writeFileSync(`fuzz-failures/run-${run}.txt`, input);
    console.log(`run ${run}: ${problems.join('; ')} (input saved to fuzz-failures/run-${run}.txt)`);
    if (failures >= 5) break;
  }
  if (run % 10_000 === 0) console.log(`fuzz: ${run} inputs, ${failures} failures, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: ${runs} inputs (${(chars / 1e6).toFixed(1)} MB), ${failures} failed, ${seconds.toFixed(1)} s`);
process.exit(failures ? 1 : 0);
