import { extract } from '../dist/index.js';
import { readdirSync, readFileSync } from 'node:fs';
const texts = ['seeds','dev'].flatMap(f => readdirSync('corpus/'+f).filter(x=>x.endsWith('.txt')).map(x=>readFileSync(`corpus/${f}/${x}`,'utf8')));
for (let r = 0; r < 40; r++) for (const t of texts) extract(t);
