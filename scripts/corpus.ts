/**
 * Reads the gold corpus: every NAME.txt with its gold NAME.json.
 *
 * `seeds` are this project's own samples and live in corpus/seeds. `dev` and `train` are other bodies'
 * minutes: they are read from ../shared/corpus (beside the project; COMMITTEE_MINUTES_SHARED overrides the
 * place) and never copied into the project. When ../shared is absent those folders read as empty, and
 * callers print a note saying what they skipped.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readGoldFolder, type GoldFile } from '../src/model/gold-folder.js';
export { bodyKey } from '../src/model/gold-folder.js';

export const CORPUS_DIR = new URL('../corpus/', import.meta.url).pathname;
/** ../shared beside the project: the third-party gold corpus, real documents and format samples. */
export const SHARED_DIR = resolve(process.env.COMMITTEE_MINUTES_SHARED ?? new URL('../../shared/', import.meta.url).pathname);
export const SHARED_PRESENT = existsSync(join(SHARED_DIR, 'corpus', 'dev'));
/** Every folder with gold, in a fixed order: the project's seeds, then the shared dev and train folders. */
export const CORPUS_FOLDERS = ['seeds', 'dev', 'train'] as const;
export type CorpusFolder = (typeof CORPUS_FOLDERS)[number];

export const SKIP_NOTE = `note: ${SHARED_DIR}/corpus is absent, so the third-party gold texts (dev, train) are skipped`;

export type CorpusText = GoldFile;

export function folderDir(folder: string): string {
  return folder === 'seeds' ? join(CORPUS_DIR, folder) : join(SHARED_DIR, 'corpus', folder);
}

export function readCorpus(folder: string): CorpusText[] {
  return readGoldFolder(folderDir(folder), folder);
}

/** All gold texts, seeds first. */
export function readAllCorpus(): CorpusText[] {
  return CORPUS_FOLDERS.flatMap((folder) => readCorpus(folder));
}
