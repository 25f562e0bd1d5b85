/**
 * npm run eval — scores the library against the gold annotations (corpus/GUIDE.md's matching rule) and
 * prints precision, recall and F1 per record type, owner accuracy and meeting-field accuracy, per corpus
 * folder and overall. `--verbose` lists every missed and spurious record.
 */
import { extract } from '../src/index.js';
import { readCorpus, CORPUS_FOLDERS } from './corpus.js';
import { scoreFile, summarise, RECORD_TYPES, type FileScore, type Summary } from './score.js';

const verbose = process.argv.includes('--verbose');
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
