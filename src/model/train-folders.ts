/**
 * `committee-minutes train`: folders of gold texts → a model file. A folder's texts can be counted several
 * times (`repeatLast`), so that a few corrected documents in a house style weigh against a large corpus.
 */
import { basename } from 'node:path';
import { MinutesError } from '../errors.js';
import { readGoldFolder } from './gold-folder.js';
import { serialiseModel } from './model.js';
import { DEFAULT_SETTINGS, labelText, trainModel, type LabelledText } from './train.js';

export function trainFromFolders(folders: readonly string[], options: { repeatLast?: number; log?: (line: string) => void } = {}): { text: string; texts: number } {
  const labelled: LabelledText[] = [];
  let count = 0;
  folders.forEach((dir, k) => {
    const files = readGoldFolder(dir);
    if (!files.length) throw new MinutesError('E_TRAIN_NO_GOLD', `${dir}: no NAME.txt with a NAME.json beside it`, { folder: dir });
    const times = k === folders.length - 1 ? (options.repeatLast ?? 1) : 1;
    for (const f of files) {
      const l = labelText(f);
      for (let i = 0; i < times; i++) labelled.push(l);
      count++;
    }
    options.log?.(`${dir}: ${files.length} gold texts${times > 1 ? ` (each counted ${times} times)` : ''}`);
  });
  const model = trainModel(labelled, DEFAULT_SETTINGS, { id: 'committee-minutes-trained', folders: folders.map((f) => basename(f)) });
  model.trainedOn.texts = count;
  return { text: serialiseModel(model), texts: count };
}
