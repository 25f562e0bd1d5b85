/**
 * npm run bench — speed and memory, measured (not asserted in tests). In one run:
 *  - extract() single-threaded over 1, 10 and 100 MB of documents (MB/s, documents/s), against remark-parse
 *    alone over the same texts (the ratio is the headline figure), and whether the cost is linear; and over
 *    1 MB of short pages (the gold texts one by one, as a site's item pages come). The 1 MB corpora are timed in
 *    five passes, the median reported with each pass's ratio. The two are timed document
 *    by document in turn, so that a machine whose speed drifts during the run slows both alike;
 *  - one 20 MB text in a child process whose heap is capped at 400 MB: does it finish, how long it takes, and
 *    its live heap (the largest heap left after a full garbage collection, from --trace-gc);
 *  - the batch command with --jobs 1 and --jobs 2 over the same documents as files, with its peak memory;
 *  - time per pipeline stage; pathological inputs' cost per byte against normal text; this process's peak RSS.
 * The benchmark corpus is generated from the gold texts (corpus/seeds and ../shared/corpus/dev): each document joins corpus texts in a fixed order until it
 * passes 5,000 characters, so every run reads the same bytes.
 *   npm run bench                 (1, 10 and 100 MB; several minutes)
 *   npm run bench -- --sizes 1,10 (quicker)
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { extract } from '../src/index.js';
import { SHARED_PRESENT, SKIP_NOTE } from '../scripts/corpus.js';
import { benchmarkCorpus, shortPageCorpus } from './corpus.js';
import { option } from './options.js';

const sizes = option('--sizes', '1,10,100').split(',').map(Number);
const root = new URL('../', import.meta.url).pathname;

if (!SHARED_PRESENT) console.warn(`${SKIP_NOTE}: the benchmark corpus is built from the seeds alone`);

/**
 * Seconds of remark-parse alone and of extract() over the same documents, timed document by document in
 * turn (which goes first alternates), with extract()'s time per stage.
 */
function sideBySide(docs: string[]): { remark: number; ours: number; timings: Record<string, number> } {
  let remark = 0;
  let ours = 0;
  const timings: Record<string, number> = {};
  docs.forEach((d, i) => {
    const parse = () => seconds(() => parser.parse(d));
    const run = () => seconds(() => extract(d, { timings }));
    if (i % 2) {
      remark += parse();
      ours += run();
    } else {
      ours += run();
      remark += parse();
    }
  });
  return { remark, ours, timings };
}

const seconds = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
};
const mbOf = (docs: string[]) => docs.reduce((n, d) => n + d.length, 0) / 1_000_000;
const parser = unified().use(remarkParse);
const out: string[] = [];
const print = (line = '') => {
  out.push(line);
  console.log(line);
};

// Warm up (2 MB), so JIT compilation is not counted in the first size.
for (const d of benchmarkCorpus(2)) {
  parser.parse(d);
  extract(d);
}

print(`# committee-minutes benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
print('## extract() single-threaded, against remark-parse alone on the same texts\n');
print('| corpus | documents | remark-parse alone | extract() | ratio | ratio, each pass | extract() docs/s | s per MB |');
print('| --- | --- | --- | --- | --- | --- | --- | --- |');
const perMb: number[] = [];
/**
 * extract()'s seconds over remark-parse's on the same documents, per size. Every size is the same 5 KB
 * documents, more of them, so remark-parse's cost per MB is the same at every size but for the machine's drift
 * (its MB/s has read 2.0 at 1 MB and 2.75 at 100 MB in one run): this spread is the pipeline's own.
 */
const perMbOverRemark: number[] = [];
let stageTimings: Record<string, number> = {};
let stageRemark = NaN;
/**
 * The corpora of 1 MB or less are timed in PASSES passes and the median pass (by ratio) is reported, with
 * every pass's ratio beside it: one pass of a second or two swings by ±5% on a shared machine, and the 1 MB
 * ratio is the figure the issues' bars are set on.
 */
const PASSES = 5;
const row = (label: string, docs: string[]) => {
  const size = mbOf(docs);
  const passes = Array.from({ length: size <= 1.01 ? PASSES : 1 }, () => sideBySide(docs));
  const ratios = passes.map((p) => p.remark / p.ours);
  const { remark, ours, timings } = passes.map((p, i) => ({ ...p, ratio: ratios[i] })).sort((a, b) => a.ratio - b.ratio)[passes.length >> 1];
  const each = passes.length > 1 ? ratios.map((r) => r.toFixed(2)).join(', ') : '—';
  print(`| ${label} | ${docs.length} | ${(size / remark).toFixed(2)} MB/s | ${(size / ours).toFixed(2)} MB/s | ${(remark / ours).toFixed(2)}× | ${each} | ${Math.round(docs.length / ours)} | ${(ours / size).toFixed(3)} |`);
  return { size, ours, remark, timings };
};
for (const mb of sizes) {
  const { size, ours, remark, timings } = row(`${mb} MB`, benchmarkCorpus(mb));
  if (mb === sizes[Math.min(1, sizes.length - 1)]) {
    stageTimings = timings;
    stageRemark = remark;
  }
  perMb.push(ours / size);
  perMbOverRemark.push(ours / remark);
}
const shortPages = row('1 MB of short pages', shortPageCorpus(1));
if (perMb.length > 1) {
  const spread = (values: number[]) => ((Math.max(...values) / Math.min(...values) - 1) * 100).toFixed(1);
  print(
    `\nLinearity: seconds per MB vary by ${spread(perMb)}% from ${sizes[0]} to ${sizes[sizes.length - 1]} MB (target: within 10%); ` +
      `as a multiple of remark-parse's seconds on the same documents, which takes out the machine's drift, by ${spread(perMbOverRemark)}%.`,
  );
}

// Each stage as a share of extract()'s time and as a multiple of remark-parse's time on the same texts (its
// seconds from the same pass): the second is the budget a bar on the ratio sets. The speed issue's bar, a
// ratio of 0.6, lets all the stages together cost 1/0.6 = 1.67× remark-parse.
const TARGET_RATIO = 0.6;
print('\n## Where the time goes (each stage: share of extract(), and its time over remark-parse alone on the same texts)\n');
const docsLabel = `${sizes[Math.min(1, sizes.length - 1)]} MB of documents`;
print(`| stage | ${docsLabel} | × remark-parse | short pages | × remark-parse |\n| --- | --- | --- | --- | --- |`);
const total = (timings: Record<string, number>) => Object.values(timings).reduce((a, b) => a + b, 0);
const share = (timings: Record<string, number>, stage: string) => `${((100 * (timings[stage] ?? 0)) / total(timings)).toFixed(1)}%`;
/** Stage times are kept in ms (extract's `timings`); remark's in seconds. */
const overRemark = (ms: number, remarkSeconds: number) => `${(ms / 1000 / remarkSeconds).toFixed(2)}×`;
for (const [stage] of Object.entries(stageTimings).sort((a, b) => b[1] - a[1])) {
  print(`| ${stage} | ${share(stageTimings, stage)} | ${overRemark(stageTimings[stage], stageRemark)} | ${share(shortPages.timings, stage)} | ${overRemark(shortPages.timings[stage] ?? 0, shortPages.remark)} |`);
}
print(`| all stages | 100% | ${overRemark(total(stageTimings), stageRemark)} | 100% | ${overRemark(total(shortPages.timings), shortPages.remark)} |`);
/** What every stage but the parse costs, and what the bar leaves them with the parse as it is. */
const besideParse = (timings: Record<string, number>, remarkSeconds: number) => overRemark(total(timings) - (timings.parse ?? 0), remarkSeconds);
const allowedBesideParse = (timings: Record<string, number>, remarkSeconds: number) => overRemark((1000 * remarkSeconds) / TARGET_RATIO - (timings.parse ?? 0), remarkSeconds);
print(
  `\nFor ${TARGET_RATIO}× the stages together may cost ${(1 / TARGET_RATIO).toFixed(2)}× remark-parse. Every stage but parse costs ${besideParse(stageTimings, stageRemark)} on ${docsLabel} ` +
    `and ${besideParse(shortPages.timings, shortPages.remark)} on short pages; with parse as it is, they would have to cost ` +
    `${allowedBesideParse(stageTimings, stageRemark)} and ${allowedBesideParse(shortPages.timings, shortPages.remark)}.`,
);

// One large text, in a child process with its heap capped: the 20 MB text is the seeds and dev texts joined
// in a fixed order (see bench/large-text.ts).
print('\n## One 20 MB text, heap capped at 400 MB\n');
{
  const run = spawnSync(process.execPath, ['--max-old-space-size=400', '--trace-gc', '--import', 'tsx', join(root, 'bench', 'large-text.ts'), '20'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const result = /^large-text (\{.*\})$/m.exec(run.stdout);
  // "Mark-Compact 385.7 (410.7) -> 382.5 (395.2) MB": the heap in use after each full collection.
  const live = [...run.stdout.matchAll(/Mark-Compact[^>]*?->\s*([\d.]+)\s*\(/g)].map((m) => Number(m[1]));
  const peakLive = live.length ? Math.max(...live) : NaN;
  if (result && run.status === 0) {
    const { chars, seconds: s } = JSON.parse(result[1]) as { chars: number; seconds: number };
    print('| characters | finished | seconds | MB/s | live heap after full collections, at most | bytes per character |\n| --- | --- | --- | --- | --- | --- |');
    print(`| ${chars.toLocaleString('en-GB')} | yes | ${s.toFixed(1)} | ${(chars / 1e6 / s).toFixed(2)} | ${Math.round(peakLive)} MB | ${((peakLive * 1e6) / chars).toFixed(1)} |`);
  } else {
    print(`Did not finish within the 400 MB heap (exit ${run.status}${/heap out of memory/.test(run.stderr + run.stdout) ? ', out of memory' : ''}).`);
  }
}

print('\n## batch command (files on disk, worker threads)\n');
print('| corpus | jobs | MB/s | documents/s | peak memory |');
print('| --- | --- | --- | --- | --- |');
const cli = join(root, 'dist', 'cli.js');
const databaseRows: string[] = [];
for (const mb of sizes.filter((s) => s >= 10)) {
  const dir = mkdtempSync(join(tmpdir(), 'cm-bench-'));
  const docs = benchmarkCorpus(mb);
  mkdirSync(join(dir, 'in'));
  docs.forEach((d, i) => writeFileSync(join(dir, 'in', `doc-${String(i).padStart(6, '0')}.txt`), d));
  for (const jobs of [1, 2]) {
    const outDir = join(dir, `out-${jobs}`);
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [cli, 'batch', join(dir, 'in'), '--out', outDir, '--jobs', String(jobs), '--progress', 'none'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const s = (performance.now() - t0) / 1000;
    const peak = /peak memory (\d+) MB/.exec(run.stderr)?.[1] ?? '?';
    print(`| ${mb} MB | ${jobs} | ${(mbOf(docs) / s).toFixed(2)} | ${Math.round(docs.length / s)} | ${peak} MB |`);
  }
  // The archive database: the batch's outputs loaded with `db` (one transaction per input, full-text index).
  const file = join(dir, 'archive.sqlite');
  const t0 = performance.now();
  const load = spawnSync(process.execPath, [cli, 'db', file, join(dir, 'out-1')], { encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  if (load.status !== 0) throw new Error(`db load failed: ${load.stderr}`);
  databaseRows.push(`| ${mb} MB | ${docs.length} | ${Math.round(docs.length / s)} | ${(statSync(file).size / 1e6 / mbOf(docs)).toFixed(2)} MB |`);
  rmSync(dir, { recursive: true, force: true });
}
if (databaseRows.length) {
  print('\n## Archive database (`db FILE OUT`: load a batch output folder into SQLite, without source texts)\n');
  print('| corpus | documents | documents/s | database size per MB of minutes |');
  print('| --- | --- | --- | --- |');
  databaseRows.forEach((row) => print(row));
}

print('\n## Pathological inputs: cost per byte against normal text (target: at most 3×)\n');
const normal = benchmarkCorpus(2);
const normalPerByte = seconds(() => normal.forEach((d) => extract(d))) / (mbOf(normal) * 1e6);
const remarkNormalPerByte = seconds(() => normal.forEach((d) => parser.parse(d))) / (mbOf(normal) * 1e6);
const pathological: [string, string][] = [
  ['one 5 MB line', 'The Committee noted the report and '.repeat(145_000)],
  // English words in each line: text with no English function words is read as another language and stops
  // at the language check (W_LANGUAGE), which would measure nothing of the stages.
  ['200,000 short bullet lines ("• the item")', '• the item\n'.repeat(200_000)],
  ['10,000 nested list levels', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i % 200)}${i + 1}. level`).join('\n')],
  ['"RESOLVED that the " repeated (1 MB, one line)', 'RESOLVED that the '.repeat(55_556)],
  ['27,000 one-line decisions ("RESOLVED – That the report be noted.")', 'RESOLVED – That the report be noted.\n'.repeat(27_000)],
  ['1 MB of digits and dots', '1.2.3.4.5.6.7.8.9.0.'.repeat(50_000)],
];
print('| input | size | extract() seconds | extract() per byte vs normal | remark-parse alone per byte vs its normal |');
print('| --- | --- | --- | --- | --- |');
for (const [name, text] of pathological) {
  const s = seconds(() => extract(text));
  const r = seconds(() => parser.parse(text));
  print(`| ${name} | ${(text.length / 1e6).toFixed(1)} MB | ${s.toFixed(2)} | ${(s / text.length / normalPerByte).toFixed(2)}× | ${(r / text.length / remarkNormalPerByte).toFixed(2)}× |`);
}

print(`\nPeak RSS of this benchmark process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (it holds the ${sizes[sizes.length - 1]} MB corpus in memory).`);
writeFileSync(join(root, 'bench', 'results.md'), out.join('\n') + '\n');
