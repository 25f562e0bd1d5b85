/**
 * Properties that hold for any string (fast-check): extract() never throws, returns a schema-valid document,
 * is deterministic, and every span lies inside the input and satisfies the grounding rule.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { extract } from '../src/index.js';
import { invariantProblems } from '../scripts/invariants.js';
import { capitalisedWords, whitespaceRuns } from '../src/model/features.js';

// Fragments of minutes, so that random strings also reach the labels, lists and decisions.
const FRAGMENTS = [
  'Minutes:', 'RESOLVED –', 'RESOLVED that the report be noted.', 'Resolved:-', '(1) ', '(a)', '13.1 ', '• ', '- ', 'o ', 'ACTION: Clerk',
  'Witnesses:', 'Present: Councillors A Smith and B Jones', 'Apologies were received from Cllr X.', 'Declarations of interest',
  'Councillor Mrs Smith declared a personal interest and left the room.', 'Recommended –', 'It recommends:', 'That ',
  'Meeting: 07/06/2022 - Audit Committee (Item 13)', 'Issue - meetings', 'view the full minutes text for item 6', 'For: 6 Against: 2',
  'The Director of Finance presented the report.', 'Members requested a briefing note by 31 March 2024.', 'Proposed by Cllr X, seconded by Cllr Y',
  '\u00a0', '\t', '\r\n', '\n\n', '    ', '’', '“', '\u0301', '\ud800', '\u0000', '\u200b',
];
const minutesLike = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 60 })
  .map((parts) => parts.join(fc.sample(fc.constantFrom('', ' ', '\n', '\n\n'), 1)[0]));

const holds = (input: string) => {
  const doc = extract(input);
  const problems = invariantProblems(input, doc);
  if (problems.length) throw new Error(`${problems.join('\n')}\ninput: ${JSON.stringify(input).slice(0, 400)}`);
  if (JSON.stringify(extract(input)) !== JSON.stringify(doc)) throw new Error('not deterministic');
};

describe('extract() for any string', () => {
  it('any Unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), holds), { numRuns: 300 });
  });

  it('any string of minutes fragments and noise', () => {
    fc.assert(fc.property(minutesLike, holds), { numRuns: 300 });
  });
});

describe('counting without allocating (model features)', () => {
  // The counts stand in for regexes in the learned stage's features; they must agree exactly, or the
  // shipped model would see other features than it was trained on.
  const text = fc.string({ unit: fc.constantFrom('a', 'B', 'c', 'Z', '_', '1', ' ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', '.', 'é', 'É', '-') });
  it('whitespaceRuns(t) is t.split(/\\s+/).length - 1', () => {
    fc.assert(fc.property(text, (t) => whitespaceRuns(t) === t.split(/\s+/).length - 1), { numRuns: 2000 });
  });
  it('capitalisedWords(t) counts /\\b[A-Z][a-z]/g', () => {
    fc.assert(fc.property(text, (t) => capitalisedWords(t) === (t.match(/\b[A-Z][a-z]/g) ?? []).length), { numRuns: 2000 });
  });
});
