import { extractSource, extract } from '../src/index.js';
import { readCorpus } from './corpus.js';
import { scoreFile, RECORD_TYPES } from './score.js';
import { toHtmlPage, toPdf, toModernGovXml } from '../test/support/render.js';
const [name, fmt] = process.argv.slice(2);
const t = [...readCorpus('seeds'), ...readCorpus('dev')].find((x) => x.name === name)!;
const bytes = fmt === 'html' ? Buffer.from(toHtmlPage(t.text)) : fmt === 'pdf' ? await toPdf(t.text) : Buffer.from(toModernGovXml(t.text, 'Item'));
const [d] = await extractSource(bytes, { name: 'x.' + fmt });
const s = scoreFile(t.name, t.gold, d);
for (const type of RECORD_TYPES) { for (const m of s.misses[type].missed) console.log('- ', type, m.slice(0, 100)); for (const m of s.misses[type].spurious) console.log('+ ', type, m.slice(0, 100)); }
if (process.argv[4]) console.log(d.source.text);
