// Reads the corpus folders: every NAME.txt with its gold NAME.json.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Gold } from './score.js';

export const CORPUS_DIR = new URL('../corpus/', import.meta.url).pathname;
export const CORPUS_FOLDERS = ['seeds', 'dev'] as const;

export interface CorpusText {
  folder: string;
  name: string;
  path: string;
  text: string;
  gold: Gold;
}

export function readCorpus(folder: string): CorpusText[] {
  const dir = join(CORPUS_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.json'))))
    .sort()
    .map((f) => ({
      folder,
      name: f.replace(/\.txt$/, ''),
      path: join(dir, f),
      text: readFileSync(join(dir, f), 'utf8'),
      gold: JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.json')), 'utf8')) as Gold,
    }));
}
