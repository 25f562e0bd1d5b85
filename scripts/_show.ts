import { extract } from '../src/index.js';
import { readFileSync } from 'node:fs';
for (const f of process.argv.slice(2)) {
  const d = extract(readFileSync(f, 'utf8'));
  console.log('==', f, d.grammar, JSON.stringify(d.meeting));
  console.log('  items', JSON.stringify(d.items.map((i) => [i.number, i.title])));
  for (const w of d.witnesses) console.log('  W', w.name, '|', w.role);
  for (const x of d.declarations) console.log('  D', x.item, x.member, '|', x.interest, '|', x.conduct);
  for (const x of d.discussionPoints) console.log('  P', x.item, x.text.slice(0, 90));
  for (const x of d.resolutions) console.log('  R', x.id, x.item, x.number, x.text.slice(0, 90));
  for (const x of d.recommendations) console.log('  C', x.number, x.text.slice(0, 90));
  for (const x of d.actions) console.log('  A', x.from, JSON.stringify(x.owners.map((o) => [o.text, o.name, o.role])), x.due, x.text.slice(0, 70));
  for (const x of d.votes) console.log('  V', JSON.stringify({ ...x, span: undefined, id: undefined, rule: undefined, confidence: undefined }));
}
