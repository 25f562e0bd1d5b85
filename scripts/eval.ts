/**
 * npm run eval — scores the library against the gold annotations (corpus/GUIDE.md's matching rule) and
 * prints precision, recall and F1 per record type, owner accuracy and meeting-field accuracy, per corpus
 * folder and overall. `--verbose` lists every missed and spurious record.
 */
import { extract, grammars, builtinGrammar } from '../src/index.js';
import { readCorpus, CORPUS_FOLDERS } from './corpus.js';
import { scoreFile, summarise, RECORD_TYPES, type FileScore, type Summary } from './score.js';

const verbose = process.argv.includes('--verbose');
const ruleReport = process.argv.includes('--rules');
// Count every rule match over the corpus, like compromise's match linter.
const hits = new Map<string, number>();
for (const g of grammars) builtinGrammar(g.id).hits = hits;
const pct = (x: number) => x.toFixed(3);

function print(title: string, s: Summary) {
  console.log(`\n${title} (${s.files} files)`);
  console.log('  type               tp   fp   fn   precision  recall  f1');
  for (const type of RECORD_TYPES) {
    const t = s.perType[type];
    console.log(`  ${type.padEnd(17)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}   ${pct(t.precision)}      ${pct(t.recall)}   ${pct(t.f1)}`);
  }
  console.log(`  owner accuracy   ${s.owners.right}/${s.owners.total} = ${pct(s.owners.accuracy)}`);
  console.log(`  meeting fields   ${s.meeting.right}/${s.meeting.total} = ${pct(s.meeting.accuracy)}`);
  console.log(`  truncated flag   ${s.truncated.right}/${s.truncated.total}`);
}

const all: FileScore[] = [];
for (const folder of CORPUS_FOLDERS) {
  const scores = readCorpus(folder).map((t) => scoreFile(`${folder}/${t.name}`, t.gold, extract(t.text, { name: t.name })));
  all.push(...scores);
  if (verbose) {
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
  print(`corpus/${folder}`, summarise(scores));
}
print('overall', summarise(all));

if (ruleReport) {
  const all = [...new Set(grammars.flatMap((g) => builtinGrammar(g.id).rules.filter((r) => r.grammar === g.id).map((r) => r.id)))];
  const never = all.filter((id) => !hits.has(id));
  console.log(`\nrule hits over the corpus (${all.length} rules, ${all.length - never.length} fire, ${never.length} never do):`);
  for (const id of all.filter((id) => hits.has(id)).sort((a, b) => hits.get(b)! - hits.get(a)!)) console.log(`  ${String(hits.get(id)).padStart(6)}  ${id}`);
  if (never.length) console.log(`  never fire: ${never.join(', ')}`);
} else {
  console.log('\n(npm run eval -- --rules lists how often each grammar rule fires; --verbose lists every miss)');
}
