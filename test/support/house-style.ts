/**
 * A house style no gold text in the corpus uses, written for the tests: an allotment association's minutes
 * where each numbered item is a paragraph of debate followed by an "Outcome:" line holding the decision.
 * Used to show that `committee-minutes train` can teach the library a layout from a few corrected texts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gold } from '../../src/model/score.js';

const TOPICS: [string, string, string][] = [
  ['Water troughs', 'The committee discussed the state of the water troughs on the north site, two of which leak.', 'Replace the two leaking troughs on the north site before the summer'],
  ['Rent review', 'Members compared the plot rents with those of neighbouring sites and found them lower.', 'Raise the plot rent by five pounds from the next rent year'],
  ['Shed repairs', 'The secretary reported storm damage to the roof of the communal shed.', 'Ask three builders to quote for a new shed roof'],
  ['Bonfires', 'Several plot holders had complained about smoke from bonfires on Sunday afternoons.', 'Ban bonfires on Sundays and bank holidays'],
  ['Open day', 'The committee talked about holding an open day to attract new plot holders.', 'Hold an open day on the first Saturday in July'],
  ['Waiting list', 'There are forty names on the waiting list, some from people who have moved away.', 'Write to everyone on the waiting list to confirm their interest'],
  ['Path surfacing', 'The main path floods after heavy rain and is hard to walk on.', 'Lay wood chip on the main path in the autumn'],
  ['Skip hire', 'Rubbish has built up behind the shed since the last clear-out.', 'Hire a skip for the last weekend of March'],
  ['Bee hives', 'A member asked whether hives could be kept on the vacant plot by the gate.', 'Allow two hives on the vacant plot for a trial year'],
  ['Security', 'There have been two break-ins at the tool store this winter.', 'Fit a new lock and a motion light to the tool store'],
  ['Composting', 'The shared compost bays are full and not turned often enough.', 'Build a third compost bay next to the water tank'],
  ['Insurance', 'The treasurer said the public liability cover is due for renewal in June.', 'Renew the public liability cover with the present insurer'],
];

/** The n-th text (0–3) of the house style and its gold. */
export function houseStyleText(n: number): { text: string; gold: Gold } {
  const lines = [`Minutes of the Anytown Allotments Association Committee held on ${n + 2} May 2024`, ''];
  const gold: Gold = { meeting: { committee: null, date: null, item: null, title: null }, truncated: false, witnesses: [], declarations: [], discussionPoints: [], resolutions: [], recommendations: [], actions: [] };
  TOPICS.slice(n * 3, n * 3 + 3).forEach(([title, debate, outcome], i) => {
    lines.push(`${i + 1}. ${title}`, '', debate, '', `Outcome: ${outcome}.`, '');
    gold.discussionPoints.push(debate);
    gold.resolutions.push(`${outcome}.`);
  });
  return { text: lines.join('\n'), gold };
}

/** Writes texts `from`…`to` (exclusive) as NAME.txt + NAME.json into `dir`. */
export function writeHouseStyle(dir: string, from: number, to: number): void {
  mkdirSync(dir, { recursive: true });
  for (let n = from; n < to; n++) {
    const { text, gold } = houseStyleText(n);
    writeFileSync(join(dir, `house-${n + 1}.txt`), text);
    writeFileSync(join(dir, `house-${n + 1}.json`), JSON.stringify(gold, null, 1));
  }
}
