import { describe, expect, it } from 'vitest';
import { mayStartWith, startGateOf } from '../src/grammar/start-gates.js';
import { builtinGrammar, grammarLibrary } from '../src/grammar/builtin.js';
import { limitOf } from '../src/grammar/compile.js';
import { corpusPieces } from './support/pieces.js';

const starts = (pattern: string, flags: string) => {
  const gate = startGateOf(pattern, flags);
  return gate && [...gate.keys()].filter((c) => gate[c]).map((c) => String.fromCharCode(c)).join('');
};

describe('start gates', () => {
  it('reads the characters an anchored pattern can begin with', () => {
    expect(starts('^RESOLVED\\b', 'u')).toBe('R');
    expect(starts('^(?:RESOLVED|Agreed)\\b', 'iu')).toBe('ARar');
    // Optional elements let the next one begin the match; lookarounds and \b match no character.
    expect(starts('^(?:The\\s+)?(?=\\w)\\b(?:Committee|Board)', 'u')).toBe('BCT');
    expect(starts('^\\(?\\d', 'u')).toBe('(0123456789');
    expect(starts('^\\s*Minutes', 'u')).toBe('\t\n\u000b\f\r M');
  });

  it('gates only what is anchored at the start and needs a character', () => {
    expect(startGateOf('RESOLVED', 'u')).toBeNull();
    expect(startGateOf('^RESOLVED|Agreed', 'u')).toBeNull();
    expect(startGateOf('(?:^|\\bthat\\s+)Clerk', 'u')).toBeNull();
    expect(startGateOf('^RESOLVED', 'mu')).toBeNull();
    expect(startGateOf('^(?:RESOLVED)?', 'u')).toBeNull();
    expect(startGateOf('^(a)\\1', 'u')).not.toBeNull();
    expect(startGateOf('^\\1?(a)', 'u')).toBeNull();
    expect(startGateOf('^.', 'u')).not.toBeNull();
    expect(startGateOf('(', 'u')).toBeNull();
  });

  it('lets any text through that starts beyond ASCII, and no empty text', () => {
    const gate = startGateOf('^s', 'iu')!;
    expect(mayStartWith(gate, 'Section')).toBe(true);
    expect(mayStartWith(gate, 'ſection')).toBe(true);
    expect(mayStartWith(gate, 'Item')).toBe(false);
    expect(mayStartWith(gate, '')).toBe(false);
  });

  // The property that makes gates safe: a text a rule matches always passes the rule's gate. Checked on every
  // rule of every built-in grammar against every line and sentence of the texts we have, as they stand and
  // with other openings.
  it('never rejects a text its rule matches', () => {
    const pieces = new Set<string>();
    for (const piece of corpusPieces()) for (const variant of [piece, ` ${piece}`, `(${piece}`, piece.toLowerCase(), piece.toUpperCase()]) pieces.add(variant);
    let checked = 0;
    let gated = 0;
    for (const id of grammarLibrary.keys()) {
      for (const rule of builtinGrammar(id).rules) {
        if (!rule.startGate) continue;
        gated++;
        for (const piece of pieces) {
          const text = piece.slice(0, limitOf(rule.kind));
          rule.regex.lastIndex = 0;
          if (!rule.regex.test(text)) continue;
          checked++;
          expect(mayStartWith(rule.startGate, text), `${rule.id} on "${text.slice(0, 80)}"`).toBe(true);
        }
      }
    }
    expect(gated).toBeGreaterThan(30);
    expect(checked).toBeGreaterThan(100);
  });
});
