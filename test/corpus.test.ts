/**
 * The gold corpus. Golden expected outputs sit beside the project's own texts — the seeds
 * (corpus/seeds/NAME.expected.json) and the fixtures written for the tests (test/fixtures/NAME.expected.json);
 * regenerate with `UPDATE=1 npm test` and review the diff before committing. Third-party texts (dev, train)
 * are read from ../shared and checked against their gold with accuracy floors, in-sample and — the figure
 * that matters — cross-validated by body. The floors sit below the measured figures (README) with room for
 * noise, so a general change that trades one memorised hit for two general ones can land.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, validate, type MinutesDocument } from '../src/index.js';
import { readCorpus, readAllCorpus, CORPUS_DIR, SHARED_PRESENT, SKIP_NOTE } from '../scripts/corpus.js';
import { scoreFile, summarise, RECORD_TYPES } from '../scripts/score.js';
import { crossValidate, calibrationTable } from '../scripts/eval.js';
import { collapse } from '../src/text/sentences.js';
import { DEFAULT_SETTINGS } from '../src/model/train.js';

const update = process.env.UPDATE === '1';
if (!SHARED_PRESENT) console.warn(`${SKIP_NOTE}: only the seeds and fixtures are checked`);

const FIXTURES = new URL('fixtures/', import.meta.url).pathname;
const corpus = readAllCorpus();
const outputs = new Map<string, { text: string; doc: MinutesDocument }>();
for (const t of corpus) outputs.set(`${t.folder}/${t.name}`, { text: t.text, doc: extract(t.text, { name: `${t.name}.txt` }) });
const golden = new Map<string, string>(readCorpus('seeds').map((t) => [`seeds/${t.name}`, join(CORPUS_DIR, 'seeds', `${t.name}.expected.json`)]));
for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort()) {
  const text = readFileSync(join(FIXTURES, f), 'utf8');
  const name = f.replace(/\.txt$/, '');
  outputs.set(`fixtures/${name}`, { text, doc: extract(text, { name: f }) });
  golden.set(`fixtures/${name}`, join(FIXTURES, `${name}.expected.json`));
}

describe('corpus outputs', () => {
  for (const [key, { text, doc }] of outputs) {
    describe(key, () => {
      it('is valid against schemas/minutes.schema.json', () => {
        expect(validate(doc)).toEqual({ valid: true, errors: [] });
      });

      it('satisfies the grounding rule for every record', () => {
        const slice = (s: { start: number; end: number }) => collapse(text.slice(s.start, s.end));
        for (const type of ['declarations', 'discussionPoints', 'resolutions', 'recommendations', 'actions'] as const) {
          for (const record of doc[type]) {
            expect(record.span.start).toBeGreaterThanOrEqual(0);
            expect(record.span.end).toBeLessThanOrEqual(text.length);
            expect(record.text, `${type} ${record.id}`).toBe(slice(record.span));
            expect(record.text).not.toMatch(/^(?:[•·▪–-]|\(\d+\)|\d+(?:\.\d+)*\.?\s|RESOLVED\b)/);
          }
        }
        for (const w of doc.witnesses) {
          expect(w.text).toBe(slice(w.span));
          if (w.name) expect(w.text).toContain(w.name);
          if (w.role) expect(w.text).toContain(w.role);
        }
        for (const a of doc.actions) for (const o of a.owners) if (o.span) expect(o.text).toBe(slice(o.span));
        // Every name and role string is copied from the input, never from its normalised form.
        const whole = collapse(text);
        const copied = [
          ...doc.declarations.map((d) => d.member),
          ...doc.actions.flatMap((a) => a.owners.flatMap((o) => [o.name, o.role])),
          ...doc.attendance.flatMap((a) => [a.name, a.role, a.substituteFor]),
          ...doc.votes.flatMap((v) => [v.mover, v.seconder]),
        ].filter((x): x is string => x !== null);
        for (const s of copied) expect(whole, s).toContain(s);
        for (const a of doc.attendance) expect(a.text).toBe(slice(a.span));
      });

      const file = golden.get(key);
      if (file) {
        it('matches its golden file', () => {
          if (update || !existsSync(file)) {
            if (!update) throw new Error(`${file} is missing: run UPDATE=1 npm test and review it`);
            writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
          }
          expect(doc).toEqual(JSON.parse(readFileSync(file, 'utf8')));
        });
      }
    });
  }
});

describe('accuracy (corpus/GUIDE.md scoring)', () => {
  const score = (folder: string) => summarise(readCorpus(folder).map((t) => scoreFile(t.name, t.gold, outputs.get(`${folder}/${t.name}`)!.doc)));

  it('corpus/seeds, in-sample: recall 1.0 and precision ≥ 0.95 for every record type; every meeting field right', () => {
    const s = score('seeds');
    for (const type of RECORD_TYPES) {
      expect(s.perType[type].recall, `${type} recall`).toBe(1);
      expect(s.perType[type].precision, `${type} precision`).toBeGreaterThanOrEqual(0.95);
    }
    expect(s.meeting.accuracy).toBe(1);
    expect(s.truncated.right).toBe(s.truncated.total);
  });

  it.skipIf(!SHARED_PRESENT)('every gold text, in-sample with the shipped model: F1 ≥ 0.65 for every type', () => {
    const s = summarise(corpus.map((t) => scoreFile(t.name, t.gold, outputs.get(`${t.folder}/${t.name}`)!.doc)));
    for (const type of RECORD_TYPES) expect(s.perType[type].f1, `${type} F1`).toBeGreaterThanOrEqual(0.65);
  });

  it.skipIf(!SHARED_PRESENT)('cross-validated by body (the honest figure): floors below the README figures', () => {
    // Three body-to-fold splits pooled: one split's figure for a type with few gold records is mostly luck.
    const { summary, reliability } = crossValidate(corpus, 5, false, DEFAULT_SETTINGS, 3);
    expect(summary.macroF1, 'macro-F1').toBeGreaterThanOrEqual(CV_FLOORS.macro);
    for (const type of RECORD_TYPES) expect(summary.perType[type].f1, `${type} F1`).toBeGreaterThanOrEqual(CV_FLOORS.type);
    expect(summary.owners.accuracy, 'owners').toBeGreaterThanOrEqual(CV_FLOORS.owners);
    expect(summary.meeting.accuracy, 'meeting fields').toBeGreaterThanOrEqual(CV_FLOORS.meeting);
    expect(calibrationTable(reliability).ece, 'expected calibration error').toBeLessThanOrEqual(CV_FLOORS.ece);
  }, 120_000);

  it('s004 names the four witnesses, the declaration, eleven points, three recommendations and owned actions', () => {
    const doc = outputs.get('seeds/s004')!.doc;
    expect(doc.witnesses.map((w) => [w.name, w.role])).toEqual([
      ['Clare Curran', 'Cabinet Member for Children and Families Wellbeing'],
      ['Mary Lewis', 'Cabinet Associate for Children, Schools and Families'],
      ['Sam Bushby', 'Assistant Director for Children’s Services'],
      ['Belinda Newth', 'Head of Quality & Experience'],
    ]);
    expect(doc.declarations.map((d) => d.member)).toEqual(['Nick Harrison']);
    expect(doc.discussionPoints).toHaveLength(11);
    expect(doc.recommendations).toHaveLength(3);
    expect(doc.actions.filter((a) => a.owners.length > 0).length).toBeGreaterThanOrEqual(3);
  });
});

/**
 * Cross-validated floors: the README's measured figures (macro 0.83, lowest type 0.76, owners 0.84, meeting
 * fields 0.97, ECE 0.03 over five pooled splits; 0.82 and 0.76 over the three this test pools) less room for
 * noise, so a general change that trades one memorised hit for two general ones can land.
 */
const CV_FLOORS = { macro: 0.79, type: 0.7, owners: 0.78, meeting: 0.93, ece: 0.06 };
