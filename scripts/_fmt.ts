import { extractSource, extract } from '../src/index.js';
import { readCorpus } from './corpus.js';
import { scoreFile, RECORD_TYPES } from './score.js';
import { toHtmlPage, toDocx, toPdf, toModernGovXml } from '../test/support/render.js';
const key = (s: ReturnType<typeof scoreFile>) => RECORD_TYPES.map((t) => `${s.counts[t].tp}/${s.counts[t].fp}/${s.counts[t].fn}`).join(' ');
for (const t of [...readCorpus('seeds'), ...readCorpus('dev')]) {
  const base = key(scoreFile(t.name, t.gold, extract(t.text)));
  const html = key(scoreFile(t.name, t.gold, (await extractSource(Buffer.from(toHtmlPage(t.text)), { name: 'x.html' }))[0]));
  const docx = key(scoreFile(t.name, t.gold, (await extractSource(await toDocx(t.text), { name: 'x.docx' }))[0]));
  const pdf = key(scoreFile(t.name, t.gold, (await extractSource(await toPdf(t.text), { name: 'x.pdf' }))[0]));
  const xml = key(scoreFile(t.name, t.gold, (await extractSource(Buffer.from(toModernGovXml(t.text, 'Item')), { name: 'x.xml' }))[0]));
  console.log(t.name.padEnd(5), base === html ? 'html ok ' : 'HTML DIFF', base === docx ? 'docx ok ' : 'DOCX DIFF', base === pdf ? 'pdf ok ' : 'PDF DIFF', base === xml ? 'xml ok' : 'XML DIFF', '|', base);
}
