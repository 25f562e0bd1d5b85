import { describe, expect, it } from 'vitest';
import { mayMatchOf, needleSetsOf, needlesOf, prefilterOf, TrigramTable, needleKeys } from '../src/grammar/needles.js';
import { builtinGrammar, grammarLibrary } from '../src/grammar/builtin.js';
import { limitOf } from '../src/grammar/compile.js';
import { corpusPieces } from './support/pieces.js';
import { CUES } from '../src/model/features.js';

describe('rule prefilters (needles)', () => {
  it('reads the literals a pattern requires, every way they can be spelled', () => {
    // White space, literal alternatives and assertions join one run of literals.
    expect(needlesOf('\\b(?:submitted|presented)\\s+the\\s+report', 'iu')).toEqual(['presented the report', 'submitted the report']);
    expect(needlesOf('^RESOLVED\\b', 'u')).toEqual(['resolved']);
    // An optional literal is spelled with and without it.
    expect(needlesOf('\\bto\\s+(?:be\\s+)?circulated\\b', 'iu')).toEqual(['to be circulated', 'to circulated']);
    expect(needlesOf('minutes\\s*:', 'iu')).toEqual(['minutes :', 'minutes:']);
    // Nothing required: an optional group, a class, or an alternative without a literal.
    expect(needlesOf('(?:resolved)?\\s*\\d+', 'u')).toBeNull();
    expect(needlesOf('^[A-Z][a-z]+$', 'u')).toBeNull();
    expect(needlesOf('(?:agreed|\\d{2,})', 'u')).toBeNull();
    // Too short to be worth a search.
    expect(needlesOf('\\b(?:to|be)\\b', 'u')).toBeNull();
    // Not a pattern at all: no prefilter rather than an error.
    expect(needlesOf('(', 'u')).toBeNull();
  });

  it('requires a needle of each element of a sequence, strongest set first', () => {
    expect(needleSetsOf('\\b(?:Committee|Board)\\s+(?:agreed|noted)\\b\\W+\\w+\\s+(?:report|item)', 'iu')).toEqual([
      ['board agreed', 'board noted', 'committee agreed', 'committee noted'],
      [' item', ' report'],
    ]);
    // Of several alternatives, one set: a needle of whichever matched.
    expect(needleSetsOf('next\\s+meeting|in\\s+due\\s+course', 'iu')).toEqual([['in due course', 'next meeting']]);
    // A set with a needle too short to search for is left out; the others still filter.
    expect(needleSetsOf('\\b(?:to|be)\\b\\W+circulated\\b', 'iu')).toEqual([['circulated']]);
    const table = new TrigramTable();
    const bodyAgreed = prefilterOf('\\b(?:Committee|Board)\\s+(?:agreed|noted)\\b', 'iu');
    table.mark('The Committee considered the report.');
    expect(table.mayHold(bodyAgreed)).toBe(false);
    table.mark('Members agreed the report.');
    expect(table.mayHold(bodyAgreed)).toBe(false);
    table.mark('The Committee, having considered it, agreed.');
    expect(table.mayHold(bodyAgreed)).toBe(false);
    table.mark('The Board noted the report.');
    expect(table.mayHold(bodyAgreed)).toBe(true);
    // Any run of white space reads as one space.
    table.mark('The Board\n   noted the report.');
    expect(table.mayHold(bodyAgreed)).toBe(true);
    table.mark('The Board\u00a0noted the report.');
    expect(table.mayHold(bodyAgreed)).toBe(true);
  });

  it('groups the needles of a set by a trigram they share, and still finds each of them', () => {
    // Six spellings ("submitted the", "submitted his", …): two groups, one read each rejects a text without the verb.
    const presented = prefilterOf('\\b(?:submitted|presented)\\s+(?:the|his|her)\\s+', 'iu')!;
    expect(presented[0]).toHaveLength(2);
    expect(presented[0].flatMap((group) => group.rests)).toHaveLength(6);
    const table = new TrigramTable();
    for (const [text, holds] of [
      ['Ms Green presented her report', true],
      ['Mr Brown SUBMITTED   THE figures', true],
      ['Ms Green presented a report', false],
      ['The report was submitted', false],
    ] as const) {
      table.mark(text);
      expect(table.mayHold(presented), text).toBe(holds);
    }
  });

  it('the trigram table finds a needle wherever it stands, whatever its case', () => {
    const table = new TrigramTable();
    table.mark('The Committee RESOLVED that the report be Noted.');
    expect(table.has(needleKeys('resolved'))).toBe(true);
    expect(table.has(needleKeys('noted'))).toBe(true);
    expect(table.has(needleKeys('deferred'))).toBe(false);
    table.mark('Deferred to the next meeting');
    expect(table.has(needleKeys('deferred'))).toBe(true);
    expect(table.has(needleKeys('resolved'))).toBe(false);
  });

  it('prefilters a pattern written in code the same way', () => {
    const mayPresent = mayMatchOf(/\s(?:presented|introduced)\s+the\s+report\b/);
    expect(mayPresent('Ms Green PRESENTED the Report')).toBe(true);
    expect(mayPresent('The report was noted.')).toBe(false);
    expect(mayMatchOf(/\d+/)('anything')).toBe(true);
  });

  // The property that makes prefilters safe: a text a rule matches always passes the rule's prefilter.
  // Checked on every rule of every built-in grammar against every line and sentence of the texts we have.
  it('never rejects a text its rule matches', () => {
    const pieces = corpusPieces();
    const table = new TrigramTable();
    let checked = 0;
    for (const id of grammarLibrary.keys()) {
      for (const rule of builtinGrammar(id).rules) {
        if (!rule.needleKeys) continue;
        for (const piece of pieces) {
          const text = piece.slice(0, limitOf(rule.kind));
          rule.regex.lastIndex = 0;
          if (!rule.regex.test(text)) continue;
          table.mark(text);
          checked++;
          expect(table.mayHold(rule.needleKeys), `${rule.id} on "${text.slice(0, 80)}"`).toBe(true);
        }
      }
    }
    // The model's cues are prefiltered the same way.
    for (const [name, re] of CUES) {
      const prefilter = prefilterOf(re.source, re.flags);
      if (!prefilter) continue;
      for (const piece of pieces) {
        if (!re.test(piece)) continue;
        table.mark(piece);
        checked++;
        expect(table.mayHold(prefilter), `cue ${name} on "${piece.slice(0, 80)}"`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
