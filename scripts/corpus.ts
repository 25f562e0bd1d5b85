/**
 * Reads the gold corpus: every NAME.txt with its gold NAME.json.
 *
 * `seeds` are this project's own samples and live in corpus/seeds. `dev` and `train` are other bodies'
 * minutes: they are read from ../shared/corpus (beside the project; COMMITTEE_MINUTES_SHARED overrides the
 * place) and never copied into the project. When ../shared is absent those folders read as empty, and
 * callers print a note saying what they skipped.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Gold } from './score.js';

export const CORPUS_DIR = new URL('../corpus/', import.meta.url).pathname;
/** ../shared beside the project: the third-party gold corpus, real documents and format samples. */
export const SHARED_DIR = resolve(process.env.COMMITTEE_MINUTES_SHARED ?? new URL('../../shared/', import.meta.url).pathname);
export const SHARED_PRESENT = existsSync(join(SHARED_DIR, 'corpus', 'dev'));
/** Every folder with gold, in a fixed order: the project's seeds, then the shared dev and train folders. */
export const CORPUS_FOLDERS = ['seeds', 'dev', 'train'] as const;
export type CorpusFolder = (typeof CORPUS_FOLDERS)[number];

export const SKIP_NOTE = `note: ${SHARED_DIR}/corpus is absent, so the third-party gold texts (dev, train) are skipped`;

export interface CorpusText {
  folder: string;
  name: string;
  path: string;
  text: string;
  gold: Gold;
  /** The publishing body (sources.tsv), normalised: cross-validation keeps a body's texts in one fold. */
  body: string;
}

export function folderDir(folder: string): string {
  return folder === 'seeds' ? join(CORPUS_DIR, folder) : join(SHARED_DIR, 'corpus', folder);
}

/** The body of each text from the folder's sources.tsv (name, body, …), reduced to a grouping key. */
function readBodies(dir: string): Map<string, string> {
  const file = join(dir, 'sources.tsv');
  const bodies = new Map<string, string>();
  if (!existsSync(file)) return bodies;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [name, body] = line.split('\t');
    if (name && body) bodies.set(name.trim(), bodyKey(body));
  }
  return bodies;
}

/** "Kent County Council (Cabinet)" and "Kent County Council" are one body: the name before any bracket. */
export function bodyKey(body: string): string {
  return body.replace(/\(.*$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
}

export function readCorpus(folder: string): CorpusText[] {
  const dir = folderDir(folder);
  if (!existsSync(dir)) return [];
  const bodies = readBodies(dir);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.json'))))
    .sort()
    .map((f) => {
      const name = f.replace(/\.txt$/, '');
      return {
        folder,
        name,
        path: join(dir, f),
        text: readFileSync(join(dir, f), 'utf8'),
        gold: JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Gold,
        body: bodies.get(name) ?? `${folder}/${name}`,
      };
    });
}

/** All gold texts, seeds first. */
export function readAllCorpus(): CorpusText[] {
  return CORPUS_FOLDERS.flatMap((folder) => readCorpus(folder));
}
