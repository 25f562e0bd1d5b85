/**
 * Golden corpus fixtures: every corpus text's expected output sits beside it as NAME.expected.json.
 * Regenerate with `UPDATE=1 npm test` and review the diff before committing.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, validate, type MinutesDocument } from '../src/index.js';
import { readCorpus, CORPUS_DIR, CORPUS_FOLDERS } from '../scripts/corpus.js';
import { scoreFile, summarise, RECORD_TYPES } from '../scripts/score.js';
import { collapse } from '../src/text/sentences.js';

const update = process.env.UPDATE === '1';

const outputs = new Map<string, { text: string; doc: MinutesDocument }>();
for (const folder of CORPUS_FOLDERS) for (const t of readCorpus(folder)) outputs.set(`${folder}/${t.name}`, { text: t.text, doc: extract(t.text, { name: `${t.name}.txt` }) });

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

      it('matches its golden file', () => {
        const [folder, name] = key.split('/');
        const file = join(CORPUS_DIR, folder, `${name}.expected.json`);
        if (update || !existsSync(file)) {
          if (!update) throw new Error(`${file} is missing: run UPDATE=1 npm test and review it`);
          writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
        }
        expect(doc).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      });
    });
  }
});

describe('accuracy floors (corpus/GUIDE.md scoring)', () => {
  const score = (folder: string) =>
    summarise(readCorpus(folder).map((t) => scoreFile(t.name, t.gold, outputs.get(`${folder}/${t.name}`)!.doc)));

  it('corpus/seeds: recall 1.0 and precision ≥ 0.95 for every record type; every meeting field right', () => {
    const s = score('seeds');
    for (const type of RECORD_TYPES) {
      expect(s.perType[type].recall, `${type} recall`).toBe(1);
      expect(s.perType[type].precision, `${type} precision`).toBeGreaterThanOrEqual(0.95);
    }
    expect(s.meeting.accuracy).toBe(1);
    expect(s.truncated.right).toBe(s.truncated.total);
  });

  it('corpus/dev: F1 ≥ 0.85 for every record type and owner accuracy ≥ 0.8', () => {
    const s = score('dev');
    for (const type of RECORD_TYPES) expect(s.perType[type].f1, `${type} F1`).toBeGreaterThanOrEqual(0.85);
    expect(s.owners.accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('corpus/seeds and corpus/dev together: F1 ≥ 0.92 for every record type, owners ≥ 0.9, meeting fields ≥ 0.95', () => {
    const all = summarise(
      ['seeds', 'dev'].flatMap((folder) => readCorpus(folder).map((t) => scoreFile(t.name, t.gold, outputs.get(`${folder}/${t.name}`)!.doc))),
    );
    for (const type of RECORD_TYPES) expect(all.perType[type].f1, `${type} F1`).toBeGreaterThanOrEqual(0.92);
    expect(all.owners.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(all.meeting.accuracy).toBeGreaterThanOrEqual(0.95);
  });

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
