/**
 * The learned model as data: the committed grammars/model.json is what `npm run train` makes of the gold
 * corpus (when ../shared is present), training is deterministic, and `committee-minutes train` + `--model`
 * teach the library a house style it does not know.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_DIR, SHARED_PRESENT, SKIP_NOTE } from '../scripts/corpus.js';
import { trainedModelText, MODEL_FILE } from '../scripts/train.js';
import { extract } from '../src/index.js';
import { ModelSchema } from '../src/model/model.js';
import { scoreFile } from '../src/model/score.js';
import { houseStyleText, writeHouseStyle } from './support/house-style.js';

const root = new URL('../', import.meta.url).pathname;
const cli = (...args: string[]) => spawnSync(process.execPath, [`${root}dist/cli.js`, ...args], { cwd: root, encoding: 'utf8' });
if (!SHARED_PRESENT) console.warn(`${SKIP_NOTE}: the model staleness check is skipped and the house-style model learns from the seeds alone`);

describe('the shipped model', () => {
  it('is valid against its schema', () => {
    expect(ModelSchema.safeParse(JSON.parse(readFileSync(MODEL_FILE, 'utf8'))).success).toBe(true);
  });

  it.skipIf(!SHARED_PRESENT)('is current: npm run train on the gold corpus gives the committed bytes', () => {
    expect(trainedModelText() === readFileSync(MODEL_FILE, 'utf8'), 'grammars/model.json is stale: run npm run train').toBe(true);
  }, 60_000);
});

describe('committee-minutes train', () => {
  it('learns a house style from three corrected texts, and extract --model reads a fourth in that style', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-train-'));
    try {
      const house = join(dir, 'house');
      writeHouseStyle(house, 0, 3);
      const heldOut = join(dir, 'held-out.txt');
      const { text, gold } = houseStyleText(3);
      writeFileSync(heldOut, text);
      const corpus = SHARED_PRESENT ? [join(SHARED_DIR, 'corpus', 'dev'), join(SHARED_DIR, 'corpus', 'train')] : [];
      const model = join(dir, 'model.json');
      const trained = cli('train', ...corpus, house, '--repeat', '3', '--out', model);
      expect(trained.status, trained.stderr).toBe(0);
      expect(trained.stderr).toContain('each counted 3 times');
      expect(ModelSchema.safeParse(JSON.parse(readFileSync(model, 'utf8'))).success).toBe(true);

      const taught = cli('extract', heldOut, '--model', model);
      expect(taught.status, taught.stderr).toBe(0);
      const withModel = scoreFile('held-out', gold, JSON.parse(taught.stdout)).counts.resolutions;
      const builtin = scoreFile('held-out', gold, extract(text)).counts.resolutions;
      // The shipped model has never seen "Outcome:" lines as decisions; the taught one finds them.
      expect(withModel.tp, 'resolutions found with the taught model').toBeGreaterThanOrEqual(3);
      expect(withModel.fp).toBeLessThanOrEqual(1);
      expect(builtin.tp, 'resolutions found with the shipped model').toBeLessThan(withModel.tp);

      // Same folders, same bytes.
      const again = join(dir, 'again.json');
      expect(cli('train', ...corpus, house, '--repeat', '3', '--out', again).status).toBe(0);
      expect(readFileSync(again, 'utf8')).toBe(readFileSync(model, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('says clearly what is wrong: no gold in a folder, no --out, a broken model file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-train-bad-'));
    try {
      const empty = cli('train', dir, '--out', join(dir, 'm.json'));
      expect(empty.status).toBe(1);
      expect(empty.stderr).toMatch(/^committee-minutes: E_TRAIN_NO_GOLD: .*no NAME\.txt with a NAME\.json/m);
      expect(cli('train', dir).stderr).toMatch(/E_USAGE: train needs --out FILE/);
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, JSON.stringify({ id: 'x', featureVersion: 1 }));
      const bad = cli('extract', 'corpus/seeds/s000.txt', '--model', broken);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/^committee-minutes: E_MODEL_INVALID: model: trainedOn: /m);
      expect(bad.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
