import { readCorpus } from './corpus.js';
import { toPdf } from '../test/support/render.js';
import { readPdf } from '../src/inputs/pdf-to-text.js';
const t = readCorpus('dev').find((x) => x.name === 'd04')!;
const s = await readPdf(await toPdf(t.text));
console.log(s.pageStarts, s.text.length, JSON.stringify(s.text.slice(s.pageStarts![1] - 80)));
