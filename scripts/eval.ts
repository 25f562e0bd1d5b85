/**
 * npm run eval — scores the library against the gold annotations (corpus/GUIDE.md's matching rule).
 *
 *   npm run eval                 in-sample: every gold text with the shipped model, per folder and overall
 *   npm run eval -- --cv         grouped k-fold cross-validation by body: each fold's texts are extracted by
 *                                a model trained on the other folds' texts (the honest number), repeated over
 *                                5 body-to-fold splits and pooled (--splits N), with owners, meeting fields,
 *                                a reliability table and the expected calibration error
 *   npm run eval -- --explain F  per candidate of text F: its label, probability and the features behind it
 *   npm run eval -- --rules      per grammar rule, the number of distinct texts and bodies it fires on
 *   npm run eval -- --ceiling    per type, the share of gold records that some candidate can match: what the
 *                                model could reach at best (--verbose lists the unreachable ones)
 *   npm run eval -- --realdocs   the real documents with whole-document gold (../shared/realdocs), each read as
 *                                published (PDF, .docx …) by extractSource; macro-F1 over the types each gold holds;
 *                                then the plain-text references the golds were copied from, read by extract()
 *   --verbose                    lists every missed and spurious record
 * Seeds are read from corpus/seeds; dev and train from ../shared/corpus (skipped with a note when absent).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, extractSource, grammars, builtinGrammar } from '../src/index.js';
import { readAllCorpus, SHARED_DIR, SHARED_PRESENT, SKIP_NOTE, type CorpusText } from './corpus.js';
import { goldTexts, scoreFile, summarise, RECORD_TYPES, type FileScore, type Gold, type RecordType, type Summary } from './score.js';
import type { MinutesDocument } from '../src/schema/minutes.js';
import { DEFAULT_SETTINGS, candidatesOf, foldsByBody, labelText, trainModel, unreachableGold, type LabelledText } from '../src/model/train.js';
import { builtinModel } from '../src/model/builtin-model.js';
import { judge } from '../src/stages/classify-records.js';
import { BLOCK_TYPES, MODEL_TYPES, type Model, type ModelType } from '../src/model/model.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const pct = (x: number) => x.toFixed(3);
if (!SHARED_PRESENT) console.log(SKIP_NOTE);

export function printSummary(title: string, s: Summary) {
  console.log(`\n${title} (${s.files} files)`);
  console.log('  type               tp   fp   fn   precision  recall  f1');
  for (const type of RECORD_TYPES) {
    const t = s.perType[type];
    console.log(`  ${type.padEnd(17)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}   ${pct(t.precision)}      ${pct(t.recall)}   ${pct(t.f1)}`);
  }
  console.log(`  macro-F1          ${pct(s.macroF1)}`);
  console.log(`  owner accuracy   ${s.owners.right}/${s.owners.total} = ${pct(s.owners.accuracy)}`);
  console.log(`  meeting fields   ${s.meeting.right}/${s.meeting.total} = ${pct(s.meeting.accuracy)}`);
  console.log(`  truncated flag   ${s.truncated.right}/${s.truncated.total}`);
}

function printMisses(scores: FileScore[]) {
  for (const s of scores) {
    const lines: string[] = [];
    for (const type of RECORD_TYPES) {
      for (const m of s.misses[type].missed) lines.push(`    - missed ${type}: ${m.slice(0, 120)}`);
      for (const m of s.misses[type].spurious) lines.push(`    + spurious ${type}: ${m.slice(0, 120)}`);
    }
    for (const w of s.meeting.wrong) lines.push(`    ! meeting ${w}`);
    if (s.owners.right < s.owners.total) lines.push(`    ! owners ${s.owners.right}/${s.owners.total}`);
    if (lines.length) console.log(`  ${s.name}\n${lines.join('\n')}`);
  }
}

/** (confidence, right?) for every record of the six GUIDE types: right when the scoring paired it. */
export function reliabilityPairs(score: FileScore, doc: MinutesDocument): [number, boolean][] {
  return RECORD_TYPES.flatMap((type) => {
    const matched = new Set(score.matched[type]);
    return doc[type].map((r, j): [number, boolean] => [r.confidence, matched.has(j)]);
  });
}

export function calibrationTable(pairs: [number, boolean][]): { rows: { lo: number; hi: number; n: number; stated: number; right: number }[]; ece: number } {
  const rows = Array.from({ length: 10 }, (_, i) => ({ lo: i / 10, hi: (i + 1) / 10, n: 0, stated: 0, right: 0 }));
  for (const [c, ok] of pairs) {
    const row = rows[Math.min(9, Math.floor(c * 10))];
    row.n++;
    row.stated += c;
    row.right += ok ? 1 : 0;
  }
  const ece = pairs.length ? rows.reduce((a, r) => a + (r.n ? Math.abs(r.stated - r.right) : 0), 0) / pairs.length : 0;
  return { rows, ece };
}

function printCalibration(pairs: [number, boolean][]) {
  const { rows, ece } = calibrationTable(pairs);
  console.log('\nreliability (every record of the six types; confidence stated vs share right)');
  console.log('  bin         records  stated  right');
  for (const r of rows) if (r.n) console.log(`  ${r.lo.toFixed(1)}–${r.hi.toFixed(1)}    ${String(r.n).padStart(7)}   ${pct(r.stated / r.n)}  ${pct(r.right / r.n)}`);
  console.log(`  expected calibration error (10 bins): ${pct(ece)} over ${pairs.length} records`);
}

function inSample(corpus: CorpusText[]) {
  const all: FileScore[] = [];
  const reliability: [number, boolean][] = [];
  for (const folder of [...new Set(corpus.map((t) => t.folder))]) {
    const scores = corpus.filter((t) => t.folder === folder).map((t) => {
      const doc = extract(t.text, { name: t.name });
      const score = scoreFile(`${folder}/${t.name}`, t.gold, doc);
      reliability.push(...reliabilityPairs(score, doc));
      return score;
    });
    all.push(...scores);
    if (verbose) printMisses(scores);
    printSummary(`corpus/${folder} (in-sample: the shipped model was trained on these texts)`, summarise(scores));
  }
  printSummary('overall, in-sample', summarise(all));
  printCalibration(reliability);
}

/**
 * Grouped k-fold cross-validation by body, repeated over `assignments` different body-to-fold splits; the
 * counts of every split are pooled (each text is scored once per split). Returns the pooled summary, the
 * calibration pairs, every file's score, and each split's macro-F1 (the spread says how much is luck).
 */
export function crossValidate(
  corpus: CorpusText[],
  k = 5,
  log = true,
  settings = DEFAULT_SETTINGS,
  assignments = 1,
): { summary: Summary; reliability: [number, boolean][]; scores: FileScore[]; splitMacro: number[] } {
  const labelled = new Map<string, LabelledText>(corpus.map((t) => [t.path, labelText(t)]));
  const scores: FileScore[] = [];
  const reliability: [number, boolean][] = [];
  const splitMacro: number[] = [];
  for (let a = 0; a < assignments; a++) {
    const splitScores: FileScore[] = [];
    const folds = foldsByBody(corpus, k, a);
    folds.forEach((fold, i) => {
      const held = new Set(fold.map((t) => t.path));
      const model = trainModel(corpus.filter((t) => !held.has(t.path)).map((t) => labelled.get(t.path)!), settings, { id: `cv-fold-${i + 1}` });
      for (const t of fold) {
        const doc = extract(t.text, { name: t.name, model });
        const score = scoreFile(`${t.folder}/${t.name}`, t.gold, doc);
        reliability.push(...reliabilityPairs(score, doc));
        splitScores.push(score);
      }
      if (log) console.log(`split ${a + 1}/${assignments}, fold ${i + 1}/${folds.length}: ${fold.length} texts from ${new Set(fold.map((t) => t.body)).size} bodies held out`);
    });
    splitMacro.push(summarise(splitScores).macroF1);
    scores.push(...splitScores);
  }
  return { summary: summarise(scores), reliability, scores, splitMacro };
}

function explain(file: string, model: Model) {
  for (const c of candidatesOf(readFileSync(file, 'utf8'))) {
    const types: readonly ModelType[] = c.family === 'block' ? BLOCK_TYPES : [c.family];
    const verdicts = types.map((type) => ({ type, ...judge(model, type, c, true) }));
    const kept = verdicts.filter((v) => v.keep);
    const shown = kept.length ? kept : [verdicts.reduce((a, b) => (b.p > a.p ? b : a))];
    const label = kept.length ? kept.map((v) => v.type).join('+') : 'none';
    console.log(`\n[${c.span.start}–${c.span.end}] ${label}  ${shown.map((v) => `${v.type} p=${v.p.toFixed(2)}`).join(', ')}`);
    console.log(`  ${c.text.slice(0, 160)}`);
    for (const v of shown) console.log(`  ${v.keep ? 'for' : 'against'} ${v.type}: ${v.evidence.join(', ') || '(bias only)'}`);
  }
}

/** Candidate reachability: a gold record no candidate matches is a miss no model can win back. */
function ceilingReport(corpus: CorpusText[]) {
  console.log('\ncandidate ceiling: gold records some candidate matches (GUIDE.md similarity), per type');
  const reached = Object.fromEntries(MODEL_TYPES.map((type) => [type, { unreachable: 0, total: 0 }]));
  const missing: string[] = [];
  for (const t of corpus) {
    const unreachable = unreachableGold(candidatesOf(t.text), t.gold);
    for (const type of MODEL_TYPES) {
      reached[type].total += goldTexts(type, t.gold).length;
      reached[type].unreachable += unreachable[type].length;
      for (const g of unreachable[type]) missing.push(`  ${t.folder}/${t.name} ${type}: ${g.slice(0, 110)}`);
    }
  }
  for (const type of MODEL_TYPES) {
    const { unreachable, total } = reached[type];
    console.log(`  ${type.padEnd(17)} ${String(total - unreachable).padStart(4)} / ${String(total).padStart(4)} = ${pct(total ? (total - unreachable) / total : 1)}`);
  }
  if (verbose) console.log(missing.join('\n'));
}

function ruleReport(corpus: CorpusText[]) {
  // Per rule: the distinct texts and bodies it fires on (not call counts), like compromise's match linter.
  const texts = new Map<string, Set<string>>();
  const bodies = new Map<string, Set<string>>();
  for (const t of corpus) {
    const hits = new Map<string, number>();
    for (const g of grammars) builtinGrammar(g.id).hits = hits;
    extract(t.text);
    for (const id of hits.keys()) {
      (texts.get(id) ?? texts.set(id, new Set()).get(id)!).add(t.path);
      (bodies.get(id) ?? bodies.set(id, new Set()).get(id)!).add(t.body);
    }
  }
  for (const g of grammars) builtinGrammar(g.id).hits = null;
  const all = [...new Set(grammars.flatMap((g) => builtinGrammar(g.id).rules.filter((r) => r.grammar === g.id).map((r) => r.id)))];
  const never = all.filter((id) => !texts.has(id));
  console.log(`\nrules over ${corpus.length} texts (${all.length} rules, ${all.length - never.length} fire, ${never.length} never do); texts / bodies:`);
  for (const id of all.filter((id) => texts.has(id)).sort((a, b) => texts.get(b)!.size - texts.get(a)!.size || (a < b ? -1 : 1))) {
    const flag = bodies.get(id)!.size < 2 ? '  ← fewer than two bodies' : '';
    console.log(`  ${String(texts.get(id)!.size).padStart(4)} ${String(bodies.get(id)!.size).padStart(4)}  ${id}${flag}`);
  }
  if (never.length) console.log(`  never fire: ${never.join(', ')}`);
}

export const REALDOCS_DIR = join(SHARED_DIR, 'realdocs');
const REALDOCS_GOLD_DIR = join(REALDOCS_DIR, 'gold');

/** The record types a set of golds holds (any record of the type in any of them): what "macro-F1 over the types
 * they hold" averages, so a type no document has does not count as a perfect score. */
export function heldTypes(golds: Gold[]): RecordType[] {
  return RECORD_TYPES.filter((type) => golds.some((g) => goldTexts(type, g).length > 0));
}

export const macroOver = (s: Summary, types: readonly RecordType[]): number => (types.length ? types.reduce((a, t) => a + s.perType[t].f1, 0) / types.length : 1);

/**
 * Each real document with whole-document gold, read as its body published it (the PDF, the .docx …, not the
 * reference text the gold was copied from) and scored with the GUIDE rule.
 */
export async function scoreRealDocuments(): Promise<{ name: string; gold: Gold; score: FileScore; doc: MinutesDocument }[]> {
  const published = existsSync(REALDOCS_DIR) ? readdirSync(REALDOCS_DIR) : [];
  const results = [];
  for (const { stem, gold } of realDocumentGolds()) {
    const file = published.find((f) => f.startsWith(`${stem}.`))!;
    const docs = await extractSource(readFileSync(join(REALDOCS_DIR, file)), { name: file });
    results.push({ name: file, gold, score: scoreFile(file, gold, docs[0]), doc: docs[0] });
  }
  return results;
}

/**
 * The plain-text reference each real document's gold was copied from (`gold/NAME.txt`: pdftotext's layout
 * text for the PDFs), read by extract() as any text is: whole meetings from bodies no model is trained on, as
 * a text, which is how most minutes reach the library.
 */
export function scoreReferenceTexts(): { name: string; gold: Gold; score: FileScore }[] {
  return realDocumentGolds()
    .filter(({ stem }) => existsSync(join(REALDOCS_GOLD_DIR, `${stem}.txt`)))
    .map(({ stem, gold }) => {
      const name = `${stem}.txt`;
      return { name, gold, score: scoreFile(name, gold, extract(readFileSync(join(REALDOCS_GOLD_DIR, name), 'utf8'), { name })) };
    });
}

/** The real documents' whole-document golds (`gold/STEM.json`), in name order; none when the folder is absent. */
function realDocumentGolds(): { stem: string; gold: Gold }[] {
  if (!existsSync(REALDOCS_GOLD_DIR)) return [];
  return readdirSync(REALDOCS_GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ stem: f.replace(/\.json$/, ''), gold: JSON.parse(readFileSync(join(REALDOCS_GOLD_DIR, f), 'utf8')) as Gold }));
}

/** The summary of several scored documents, and macro-F1 over the record types their golds hold. */
function printTogether(title: string, scored: readonly { gold: Gold; score: FileScore }[]) {
  const all = summarise(scored.map((r) => r.score));
  const types = heldTypes(scored.map((r) => r.gold));
  printSummary(title, all);
  console.log(`  macro-F1 over the types they hold (${types.join(', ')}): ${pct(macroOver(all, types))}`);
}

async function realDocumentsReport() {
  const results = await scoreRealDocuments();
  if (!results.length) return console.log(`note: ${REALDOCS_DIR}/gold is absent, so the real documents are not scored`);
  if (verbose) printMisses(results.map((r) => r.score));
  console.log('\nreal documents as published, one by one (macro-F1 over the types each gold holds)');
  for (const r of results) {
    const types = heldTypes([r.gold]);
    const s = summarise([r.score]);
    console.log(`  ${r.name.padEnd(48)} ${pct(macroOver(s, types))}   ${types.map((t) => `${t} ${pct(s.perType[t].f1)}`).join(', ')}`);
  }
  printTogether('real documents together', results);
  const references = scoreReferenceTexts();
  if (!references.length) return;
  if (verbose) printMisses(references.map((r) => r.score));
  printTogether('the same documents as plain text (gold/NAME.txt, the text each gold was copied from)', references);
}

/** Body-to-fold splits pooled by --cv: one split's figure for a type with few gold records is mostly luck. */
export const DEFAULT_SPLITS = 5;

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('eval.ts');
if (isMain) {
  // A reader that stops early (`| head`) closes the pipe: not an error (as in the command line).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const corpus = readAllCorpus();
  const explainAt = args.indexOf('--explain');
  if (explainAt >= 0) explain(args[explainAt + 1], builtinModel());
  else if (args.includes('--realdocs')) await realDocumentsReport();
  else if (args.includes('--rules')) ruleReport(corpus);
  else if (args.includes('--ceiling')) ceilingReport(corpus);
  else if (args.includes('--cv')) {
    const splitsAt = args.indexOf('--splits');
    const splits = splitsAt >= 0 ? Number(args[splitsAt + 1]) : DEFAULT_SPLITS;
    const { summary, reliability, scores, splitMacro } = crossValidate(corpus, DEFAULT_SETTINGS.folds, true, DEFAULT_SETTINGS, splits);
    if (verbose) printMisses(scores);
    const bodies = new Set(corpus.map((t) => t.body)).size;
    printSummary(`cross-validated: ${DEFAULT_SETTINGS.folds} folds grouped by body (${bodies} bodies), ${splits} different splits pooled`, summary);
    if (splits > 1) console.log(`  macro-F1 per split ${splitMacro.map(pct).join(' ')}`);
    printCalibration(reliability);
  } else {
    inSample(corpus);
    console.log('\n(--cv for the cross-validated figure; --rules for rule coverage; --ceiling for candidate reachability; --explain FILE; --verbose for every miss)');
  }
}
