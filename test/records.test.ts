/**
 * Attendance and votes on the real corpus texts that have them. GUIDE.md's gold has no attendance or vote
 * records, so the expectations here were read off each text by hand. Attendance and votes are read by the
 * rule stages, so these tests run them without the learned model (`model: null`), whose choice of which
 * decisions are resolutions would renumber the resolution ids a vote points at; that re-pointing is tested
 * in stages.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extract } from '../src/index.js';
import { folderDir, SHARED_PRESENT, SKIP_NOTE } from '../scripts/corpus.js';

const doc = (name: string) => {
  const [folder, file] = name.split('/');
  return extract(readFileSync(`${folderDir(folder)}/${file}.txt`, 'utf8'), { model: null });
};
if (!SHARED_PRESENT) console.warn(`${SKIP_NOTE}: attendance and vote checks on them skipped`);
const people = (name: string, status: string) => doc(name).attendance.filter((a) => a.status === status).map((a) => (a.role ? `${a.name} (${a.role})` : a.name));

describe.skipIf(!SHARED_PRESENT)('attendance on corpus texts', () => {
  it('dev/d02: Present, Officers in Attendance, Other Members in Attendance, apologies', () => {
    expect(people('dev/d02', 'present')).toEqual([
      'Soyke (Chairman)', 'Noakes (Vice-Chairman)', 'Backhouse', 'Cobbold', 'Elliott', 'Hall', 'Patterson', 'Scholes', 'Sloan', 'Smith', 'Thomas', 'Tompsett', 'Ward', 'Webb',
    ]);
    expect(people('dev/d02', 'in_attendance')).toEqual([
      'Tim Archer (Principal Planning Officer)', 'Cheryl Clark (Democratic Services Officer)', 'Jane Lynch (Head of Planning)', 'Mark Stephenson (Principal Conservation Officer)',
      'Peter Hockney (DM Team Leader)', 'Jo Smith (Lawyer)', 'Charlotte Oben (Planning Officer)', 'McDermott', 'Lockhart',
    ]);
    expect(people('dev/d02', 'apologies')).toEqual(['Weeden']);
  });

  it('dev/d03: members present, and a role listed as also present', () => {
    expect(people('dev/d03', 'present')).toEqual(['K. Hatton', 'J.W. Thomas', 'M.R. Wilkinson']);
    expect(people('dev/d03', 'in_attendance')[0]).toBe('Licensing Officer (Licensing Officer)');
    expect(people('dev/d03', 'in_attendance')).toContain('J. Kelly (Director of Balmoral Quays (Apartments) Management Company Ltd)');
  });

  it('dev/d08: apologies and substitutions', () => {
    const d = doc('dev/d08');
    expect(people('dev/d08', 'apologies')).toEqual(['Michael Sydney', 'Mark Brett Warburton', 'David Goodwin']);
    expect(d.attendance.filter((a) => a.status === 'substitute').map((a) => [a.name, a.substituteFor])).toEqual([
      ['Rachael Lake', 'Michael Sydney'],
      ['Bill Barker', 'Mark Brett Warburton'],
      ['Will Forster', 'David Goodwin'],
    ]);
  });

  it('dev/d09: present, the clerk, and apologies after an item title', () => {
    expect(people('dev/d09', 'present')).toEqual(['Prior', 'Mann', 'Paige-Stimson']);
    expect(people('dev/d09', 'in_attendance')).toEqual(['Scriven']);
    expect(people('dev/d09', 'apologies')).toEqual(['Jackson', 'Bolton']);
  });

  it('dev/d11 and dev/d15: apologies sentences, honorifics dropped, councils kept as roles', () => {
    expect(people('dev/d11', 'apologies')).toEqual(['John Absolom', 'Henry Colthurst', 'Kevin Everett', 'George Gillon', 'Stanley Ginsburg', 'Vivienne Littlechild', 'Andrew Parmley', 'Mark Wheatley']);
    expect(people('dev/d15', 'apologies')).toEqual(['K. Evans (Ceredigion County Council)', 'L. George (Powys County Council)', 'W. Powell (Powys County Council)']);
  });

  it('attendance lists are never witnesses', () => {
    for (const name of ['dev/d02', 'dev/d03', 'dev/d09']) expect(doc(name).witnesses.filter((w) => w.basis === 'listed')).toEqual([]);
  });
});

describe.skipIf(!SHARED_PRESENT)('votes on corpus texts', () => {
  const votes = (name: string) => doc(name).votes.map(({ resolution, for: f, against, abstain, method, mover, seconder }) => ({ resolution, for: f, against, abstain, method, mover, seconder }));

  it('dev/d10: proposed, seconded and voting figures make one vote on the decision block', () => {
    expect(votes('dev/d10')).toEqual([{ resolution: 'res-1', for: 9, against: 0, abstain: 0, method: 'unanimous', mover: 'Whybrow', seconder: 'Prater' }]);
  });

  it('dev/d09: nominated, 2nd, carried', () => {
    expect(votes('dev/d09').map((v) => [v.resolution, v.mover, v.seconder])).toEqual([
      ['res-1', 'Prior', 'Paige-Stimson'],
      ['res-2', 'Mann', 'Prior'],
    ]);
  });

  it('dev/d15 and dev/d12: unanimous decisions', () => {
    expect(votes('dev/d15')).toEqual([{ resolution: 'res-1', for: null, against: null, abstain: null, method: 'unanimous', mover: null, seconder: null }]);
    expect(votes('dev/d12')[0]).toMatchObject({ method: 'unanimous', mover: 'David Reeve', seconder: 'Rob Foote' });
  });

  it('dev/d20: the Convener moved, seconded by the Vice Convener', () => {
    expect(votes('dev/d20')).toEqual([{ resolution: 'res-2', for: null, against: null, abstain: null, method: null, mover: 'Convener', seconder: 'Vice Convener, Councillor Bell' }]);
  });
});
