/**
 * Layouts that the gold corpus has no real text for yet, on fixtures written for the tests (see
 * test/fixtures/README.md). These check the rule stages, whose drafts are the learned model's candidates
 * and features, so they run without the model (`model: null`). What the shipped model makes of each
 * fixture is pinned by its golden file (test/fixtures/NAME.expected.json, corpus.test.ts); that the model
 * can be taught such a layout is tested in train.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extract, validate } from '../src/index.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const texts = (records: { text: string }[]) => records.map((r) => r.text);

describe('whole-meeting minutes (fixture)', () => {
  const doc = extract(fixture('whole-meeting.txt'), { model: null });

  it('is valid', () => expect(validate(doc).valid).toBe(true));

  it('reads the meeting header', () => {
    expect(doc.meeting).toEqual({ committee: 'Planning Committee', date: '2021-03-04', item: null, title: null });
  });

  it('lists the items with their minute numbers', () => {
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['45/21', 'DECLARATIONS OF INTEREST'],
      ['46/21', 'MINUTES'],
      ['47/21', 'LAND AT MILL LANE - 20/01234/FUL'],
      ['48/21', 'ACTION LOG'],
    ]);
  });

  it('reads attendance with statuses, roles and substitutions', () => {
    expect(doc.attendance.map((a) => [a.status, a.name, a.role, a.substituteFor])).toEqual([
      ['present', 'J Smith', 'Chair', null],
      ['present', 'A Brown', null, null],
      ['present', 'C Davies', 'Vice-Chair', null],
      ['present', 'E Evans', null, null],
      ['in_attendance', 'Sarah Green', 'Head of Planning', null],
      ['in_attendance', 'Tom White', 'Democratic Services Officer', null],
      ['apologies', 'F Grant', null, null],
      ['apologies', 'H Hill', null, null],
      ['substitute', 'K Jones', null, 'H Hill'],
    ]);
  });

  it('gives one declaration per member, with what they did', () => {
    expect(doc.declarations.map((d) => [d.member, d.interest, d.conduct, d.item])).toEqual([
      ['A Brown', 'personal', 'took no part in the vote', 'item-1'],
      ['E Evans', 'personal', 'took no part in the vote', 'item-1'],
    ]);
  });

  it('reads "o" bullets after a lead-in as points', () => {
    expect(texts(doc.discussionPoints)).toEqual(['parking on Mill Lane at school times; and', 'the loss of two mature oak trees.']);
  });

  it('reads decisions and the vote on them', () => {
    expect(texts(doc.resolutions)).toEqual([
      'that the minutes of the meeting held on 4 February 2021 be approved as a correct record.',
      'that the application be REFUSED for the reasons set out in the report.',
    ]);
    expect(doc.votes).toHaveLength(1);
    expect(doc.votes[0]).toMatchObject({ resolution: 'res-2', for: 6, against: 2, abstain: 1, method: 'majority', mover: 'Davies', seconder: 'Evans', item: 'item-3' });
  });

  it('reads "X to …" action-log lines with owners and due dates', () => {
    expect(doc.actions.map((a) => [a.text, a.owners.map((o) => o.text), a.due])).toEqual([
      ['Clerk to write to the Highways Authority about the Mill Lane junction by 31 March 2021', ['Clerk'], '2021-03-31'],
      ['Head of Planning to report back to the Committee on the tree survey within three months', ['Head of Planning'], '2021-06-04'],
    ]);
  });

  it('finds the witness and fills owner names from the attendance list', () => {
    expect(doc.witnesses.map((w) => [w.name, w.role])).toEqual([[null, 'Head of Planning']]);
    expect(doc.actions[1].owners[0]).toMatchObject({ name: 'Sarah Green', role: 'Head of Planning' });
  });
});

describe('decision page (fixture)', () => {
  const doc = extract(fixture('decision-page.txt'), { model: null });

  it('reads the meeting from "Decided at meeting"', () => {
    expect(doc.meeting).toMatchObject({ committee: 'Cabinet', date: '2024-01-11', item: '7' });
  });

  it('makes each item recommended to Council both a resolution and a recommendation', () => {
    const expected = ['the Household Support Fund scheme set out in Appendix A be adopted; and', 'the Director of Finance be authorised to allocate the funding to the schemes in Appendix B.'];
    expect(texts(doc.resolutions)).toEqual(expected);
    expect(texts(doc.recommendations)).toEqual(expected);
  });

  it('makes the delegation an action owned by the Director of Finance, once', () => {
    expect(doc.actions).toHaveLength(1);
    expect(doc.actions[0].owners.map((o) => o.role)).toEqual(['Director of Finance']);
  });

  it('gives no discussion points (a decision page has no debate)', () => {
    expect(doc.discussionPoints).toEqual([]);
  });
});

describe('several owners in one decision', () => {
  it('gives each named officer as an owner, with the due date', () => {
    const doc = extract('Minutes:\n\nRESOLVED – That the Director of Finance and the Head of Legal Services be asked to prepare a joint report by 30 September 2024.');
    expect(doc.actions.map((a) => [a.owners.map((o) => o.text), a.due])).toEqual([[['the Director of Finance', 'the Head of Legal Services'], '2024-09-30']]);
  });
});

describe('lettered decisions and several people at once (fixture)', () => {
  const doc = extract(fixture('lettered-decisions.txt'), { model: null });

  it('gives one declaration per member named together', () => {
    expect(doc.declarations.map((d) => [d.member, d.interest, d.conduct])).toEqual([
      ['Patel', 'non-registrable', 'remained in the room'],
      ['Khan', 'non-registrable', 'remained in the room'],
      ['Lee', 'non-registrable', 'remained in the room'],
    ]);
  });

  it('gives one witness per person presenting together', () => {
    expect(doc.witnesses.map((w) => w.role)).toEqual(['Monitoring Officer', 'Head of Legal Services']);
  });

  it('keeps a nested sub-list inside its bullet', () => {
    expect(texts(doc.discussionPoints)).toEqual([
      'The number of complaints had fallen from 42 to 31. - Most related to social media. - Two had gone to a hearing.',
      'Training uptake among parish councillors remained low.',
    ]);
  });

  it('reads decisions after "The Committee:-", "AGREED that –" and "RESOLVED to note"', () => {
    expect(texts(doc.resolutions)).toEqual([
      'noted the report;',
      'agreed that a training session on the Code of Conduct be arranged for all Members; and',
      'requested the Monitoring Officer to circulate the revised protocol by 30 June 2023.',
      'the work programme for 2023/24 be approved.',
      'to note the update on the register of interests.',
    ]);
  });

  it('makes the decisions that ask for something actions, with owners and due dates', () => {
    expect(doc.actions.map((a) => [a.from, a.owners.map((o) => o.role), a.due])).toEqual([
      ['res-2', [], null],
      ['res-3', ['Monitoring Officer'], '2023-06-30'],
    ]);
  });
});

describe('parish council minutes (fixture)', () => {
  const doc = extract(fixture('parish-council.txt'), { model: null });

  it('reads the header and the minute numbers', () => {
    expect(doc.meeting).toMatchObject({ committee: 'LITTLE WOODFORD PARISH COUNCIL', date: '2023-10-09' });
    expect(doc.items.map((i) => i.number)).toEqual(['23/101', '23/102', '23/103', '23/104', '23/105']);
  });

  it('keeps the proposal out of the decision text and in its vote', () => {
    expect(texts(doc.resolutions)).toEqual([
      'the minutes of 11th September 2023 were approved as a true record.',
      'to purchase a speed indicator device at a cost of £2,450.',
    ]);
    expect(doc.votes.map((v) => [v.resolution, v.mover, v.seconder, v.method, v.for, v.against])).toEqual([
      ['res-1', 'White', 'Brown', 'unanimous', null, null],
      ['res-2', 'Green', 'Black', 'majority', 3, 1],
    ]);
  });

  it('reads "Action: Clerk to …" with its owner and due date, and not as a point', () => {
    expect(doc.actions.map((a) => [a.owners.map((o) => o.text), a.due])).toEqual([[['Clerk'], '2023-11-30']]);
    expect(texts(doc.discussionPoints).some((t) => t.startsWith('Action'))).toBe(false);
  });

  it('keeps a reason in brackets out of the role', () => {
    expect(doc.attendance.find((a) => a.status === 'apologies')).toMatchObject({ name: 'M Grey', role: null });
  });
});

describe('printed Cabinet minutes (fixture)', () => {
  const doc = extract(fixture('cabinet.txt'), { model: null });

  it('reads officers listed under "Officers:" as in attendance', () => {
    expect(doc.attendance.filter((a) => a.status === 'in_attendance').map((a) => a.name)).toEqual(['E. Four', 'Chief Executive', 'Director of Resources', 'Monitoring Officer']);
  });

  it('does not take "Reason for decision: …" as a point', () => {
    expect(texts(doc.discussionPoints).some((t) => t.startsWith('Reason'))).toBe(false);
  });

  it('reads a confirmed commitment, a member\'s request and a delegation as actions', () => {
    expect(doc.actions.map((a) => [a.text.slice(0, 40), a.owners.map((o) => o.role), a.due])).toEqual([
      ['the Director confirmed that a recovery p', ['Director'], '2023-06-30'],
      ['Councillor Two asked that future reports', [], null],
      ['The Director of Resources agreed to prov', ['Director of Resources'], null],
      ['That the Director of Resources be author', ['Director of Resources'], null],
    ]);
  });
});

describe('declarations as rows naming the item first, the members last (fixture)', () => {
  // Proposals are the model's candidates, so this reads the fixture with the shipped model.
  const doc = extract(fixture('community-council.txt'));

  it('gives one declaration per member of each row, its text the item, a name wrapped after an initial joined', () => {
    expect(doc.declarations.map((d) => [d.member, d.text])).toEqual([
      ['E. Price', 'Agenda Item 6, planning application for two dwellings at Heol Fach'],
      ['B. Morgan', 'Agenda Item 6, planning application for two dwellings at Heol Fach'],
      ['C. Lewis', 'Agenda Item 7, grant request from the Young Farmers'],
    ]);
  });

  it('reads no row as a point', () => {
    expect(texts(doc.discussionPoints).filter((t) => /Agenda Item|^Morgan/.test(t))).toEqual([]);
  });
});

describe('due dates on actions the model found', () => {
  it('reads the due date of an action no rule drafted (a decision that asks for something)', () => {
    const text = 'Minutes of the meeting of Ashby Parish Council held on 12 February 2024\n\n5. Village hall\n\nMembers agreed that the Chairman would contact the school about parking by 31 May 2024.\n';
    const proposed = extract(text).actions.filter((a) => a.rule.startsWith('propose/'));
    expect(proposed.map((a) => a.due)).toEqual(['2024-05-31']);
  });
});
