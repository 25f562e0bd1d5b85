/**
 * npm run train — learns grammars/model.json from every gold text: corpus/seeds and ../shared/corpus's dev
 * and train folders. The same corpus gives the same bytes (a test checks the committed model is current).
 *   npm run train               writes grammars/model.json
 *   npm run train -- --check    exits 1 when grammars/model.json is not what the corpus trains
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readAllCorpus, SHARED_PRESENT, SKIP_NOTE, CORPUS_FOLDERS } from './corpus.js';
import { labelText, trainModel, DEFAULT_SETTINGS } from '../src/model/train.js';
import { serialiseModel } from '../src/model/model.js';

export const MODEL_FILE = new URL('../grammars/model.json', import.meta.url).pathname;

/** The model the corpus trains, serialised as it is committed. */
export function trainedModelText(): string {
  const corpus = readAllCorpus();
  const model = trainModel(corpus.map(labelText), DEFAULT_SETTINGS, { id: 'committee-minutes-builtin', folders: [...CORPUS_FOLDERS] });
  return serialiseModel(model);
}

const isMain = process.argv[1]?.endsWith('train.ts');
if (isMain) {
  if (!SHARED_PRESENT) {
    console.error(`${SKIP_NOTE}: the shipped model is trained on all of them, so it is not retrained here`);
    process.exit(2);
  }
  const text = trainedModelText();
  if (process.argv.includes('--check')) {
    const same = readFileSync(MODEL_FILE, 'utf8') === text;
    console.log(same ? 'grammars/model.json is current' : 'grammars/model.json is stale: run npm run train');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(MODEL_FILE, text);
  const model = JSON.parse(text);
  console.log(`wrote grammars/model.json: ${model.trainedOn.texts} texts; weights per type: ${Object.entries(model.types).map(([t, m]) => `${t} ${Object.keys((m as { weights: object }).weights).length}`).join(', ')}`);
}
