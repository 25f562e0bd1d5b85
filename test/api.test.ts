import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { extract, validate, grammars, MinutesError } from '../src/index.js';

describe('public api', () => {
  it('should expose the public api (and nothing else)', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'ActionSchema',
        'Archive',
        'AttendanceSchema',
        'VoteSchema',
        'DEFAULT_MAX_CHARS',
        'DeclarationSchema',
        'DiscussionPointSchema',
        'GazetteerSchema',
        'GrammarSchema',
        'InputError',
        'ItemSchema',
        'MeetingSchema',
        'MinutesDocumentSchema',
        'MinutesError',
        'OwnerSchema',
        'RecommendationSchema',
        'ResolutionSchema',
        'RuleSchema',
        'SourceSchema',
        'SpanSchema',
        'WarningSchema',
        'WitnessSchema',
        'builtinGrammar',
        'detectGrammar',
        'extract',
        'extractSource',
        'readSource',
        'grammars',
        'schemaSql',
        'searchArchive',
        'toSqlite',
        'validate',
      ].sort(),
    );
  });

  it('extract returns a valid document for a small text', () => {
    const text = 'Minutes:\n\nRESOLVED – That the report be noted.\n';
    const doc = extract(text, { name: 'x.txt' });
    expect(doc.schemaVersion).toBe('1');
    expect(doc.source).toMatchObject({ name: 'x.txt', format: 'text', chars: text.length });
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.resolutions.map((r) => r.text)).toEqual(['That the report be noted.']);
    expect(validate(doc)).toEqual({ valid: true, errors: [] });
  });

  it('is deterministic: same input, same bytes out', () => {
    const text = 'Minutes:\n\n• Members asked for a briefing note.\n\nRESOLVED that the report be noted.';
    expect(JSON.stringify(extract(text))).toBe(JSON.stringify(extract(text)));
  });

  it('validate reports errors with a JSON path', () => {
    const doc = extract('RESOLVED that the report be noted.');
    const broken = { ...doc, resolutions: [{ ...doc.resolutions[0], span: { start: -1, end: 3 } }] };
    const result = validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors[0].path).toBe('/resolutions/0/span/start');
  });

  it('lists the built-in grammars', () => {
    expect(grammars.map((g) => g.id)).toEqual(['_base', 'moderngov', 'numbered', 'scrutiny']);
    for (const g of grammars) expect(g.rules).toBeGreaterThan(0);
  });

  it('forces a grammar by id', () => {
    expect(extract('Issue - meetings\n\nMinutes:\n\nText.', { grammar: 'numbered' }).grammar).toBe('numbered');
  });

  it('rejects an unknown grammar id with E_GRAMMAR_UNKNOWN', () => {
    expect(() => extract('x', { grammar: 'nope' })).toThrowError(MinutesError);
    try {
      extract('x', { grammar: 'nope' });
    } catch (error) {
      expect((error as MinutesError).code).toBe('E_GRAMMAR_UNKNOWN');
      expect((error as MinutesError).message).toMatch(/moderngov/);
    }
  });

  it('rejects a bad grammar object naming the bad field', () => {
    const bad = { id: 'mine', name: 'Mine', description: 'test', extends: ['_base'], rules: [{ id: 'mine/x', kind: 'resolutionLabel', pattern: '(', description: 'd', examples: { match: ['x'] } }] };
    expect(() => extract('x', { grammar: bad })).toThrow(/rules\.0\.pattern/);
    const badKind = { ...bad, rules: [{ ...bad.rules[0], pattern: 'x', kind: 'nonsense' }] };
    expect(() => extract('x', { grammar: badKind })).toThrow(/rules\.0\.kind/);
    const badExtends = { ...bad, extends: ['missing'], rules: [] };
    expect(() => extract('x', { grammar: badExtends })).toThrow(/extends/);
  });

  it('refuses a user grammar whose pattern backtracks exponentially, naming the rule', () => {
    const unsafe = { id: 'mine', name: 'Mine', description: 'test', extends: ['_base'], rules: [{ id: 'mine/bad', kind: 'resolutionLabel', pattern: '^(a+)+$', description: 'd', examples: { match: ['aa'] } }] };
    expect(() => extract('x', { grammar: unsafe })).toThrow(expect.objectContaining({ code: 'E_GRAMMAR_UNSAFE', message: expect.stringMatching(/rules\.0\.pattern.*mine\/bad/) }));
  });

  it('accepts a user grammar that extends the built-in ones', () => {
    const mine = {
      id: 'mine',
      name: 'Mine',
      description: 'Adds the label "DETERMINED:"',
      extends: ['moderngov', '_base'],
      rules: [{ id: 'mine/determined', kind: 'resolutionLabel', pattern: '^DETERMINED:\\s*', description: 'A local label.', examples: { match: ['DETERMINED: that'] } }],
    };
    const doc = extract('Minutes:\n\nDETERMINED: that the application be refused.', { grammar: mine });
    expect(doc.grammar).toBe('mine');
    expect(doc.resolutions.map((r) => r.text)).toEqual(['that the application be refused.']);
  });

  it('throws E_INPUT_TYPE for a non-string and E_INPUT_TOO_LARGE over maxChars', () => {
    expect(() => extract(undefined as unknown as string)).toThrow(expect.objectContaining({ code: 'E_INPUT_TYPE' }));
    expect(() => extract('x'.repeat(101), { maxChars: 100 })).toThrow(expect.objectContaining({ code: 'E_INPUT_TOO_LARGE' }));
  });
});
