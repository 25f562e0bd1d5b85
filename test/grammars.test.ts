import { describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import * as ajv2020 from 'ajv/dist/2020.js';
import { builtinGrammar, grammarLibrary, detectGrammar } from '../src/grammar/builtin.js';
import { memoise, startDocument } from '../src/text/memo.js';
import { readCorpus, SHARED_PRESENT } from '../scripts/corpus.js';

const Ajv2020 = ((ajv2020 as unknown as { default?: unknown }).default ?? ajv2020) as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const grammarDir = new URL('../grammars/', import.meta.url);
const schema = (name: string) => JSON.parse(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8'));

describe('grammar files', () => {
  const files = readdirSync(grammarDir).filter((f) => f.endsWith('.json'));

  it.each(files)('%s is valid against its JSON Schema', (file) => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const data = JSON.parse(readFileSync(new URL(file, grammarDir), 'utf8'));
    const validate = ajv.compile(schema(file === 'roles.json' ? 'gazetteer.schema.json' : file === 'model.json' ? 'model.schema.json' : 'grammar.schema.json'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rule ids are unique across all grammars', () => {
    const ids = [...grammarLibrary.values()].flatMap((g) => g.rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

// Every rule's examples are tests: each "match" example matches, each "noMatch" example does not.
for (const file of grammarLibrary.values()) {
  describe(`grammar ${file.id}`, () => {
    const grammar = builtinGrammar(file.id);
    for (const rule of grammar.rules.filter((r) => r.grammar === file.id)) {
      it(`${rule.id} (${rule.kind})`, () => {
        for (const example of rule.examples.match) expect(new RegExp(rule.regex).test(example), `should match: ${example}`).toBe(true);
        for (const example of rule.examples.noMatch) expect(new RegExp(rule.regex).test(example), `should not match: ${example}`).toBe(false);
      });
    }
  });
}

describe.skipIf(!SHARED_PRESENT)('grammar detection on the corpus', () => {
  const detected = Object.fromEntries([...readCorpus('seeds'), ...readCorpus('dev')].map((t) => [t.name, detectGrammar(t.text).id]));
  it.each([
    ['s000', 'moderngov'],
    ['s002', 'moderngov'],
    ['d04', 'moderngov'],
    ['s003', 'numbered'],
    ['d09', 'numbered'],
    ['s004', 'scrutiny'],
    ['d08', 'scrutiny'],
    ['d03', '_base'],
  ])('%s follows %s', (name, id) => {
    expect(detected[name]).toBe(id);
  });
});

describe('what a grammar remembers of its answers', () => {
  // The memo of first() is for one document: answers carried to the next would let a benchmark that repeats
  // its texts time the memo instead of the work (and hold memory between documents of a batch).
  const grammar = builtinGrammar('_base');
  const rule = grammar.rulesOf('resolutionLabel').find((r) => r.id === '_base/resolved')!;
  const text = 'RESOLVED – That the report be noted.';

  it('answers a text asked again within a document from memory, and works it out again in the next', () => {
    const runs = vi.spyOn(rule.regex, 'exec');
    try {
      startDocument();
      expect(grammar.first('resolutionLabel', text)?.rule.id).toBe('_base/resolved');
      expect(grammar.first('resolutionLabel', text)?.rule.id).toBe('_base/resolved');
      expect(runs).toHaveBeenCalledTimes(1);
      startDocument();
      expect(grammar.first('resolutionLabel', text)?.rule.id).toBe('_base/resolved');
      expect(runs).toHaveBeenCalledTimes(2);
    } finally {
      runs.mockRestore();
    }
  });

  it('tells apart texts of one length alike at both ends, however many, and answers each rightly', () => {
    // The memo hashes a text's length and its ends only: these all share a hash (like a column of lines that
    // differ in the middle). Asked in turns, each must get its own answer, whether the memo holds it or not.
    const texts = Array.from({ length: 40 }, (_, i) => `The Panel   ${i % 3 ? 'considered' : 'reconsider'} the report ${String(i).padStart(2, '0')} on roads fine.`);
    startDocument();
    for (let round = 0; round < 3; round++) {
      for (const [i, text] of texts.entries()) {
        expect(grammar.first('procedural', text)?.rule.id ?? null, text).toBe(i % 3 ? '_base/considered-report' : null);
      }
    }
  });
});

describe('what the slow readers remember', () => {
  // compromise (names) and chrono (dates) are asked through memoise: within a document only, for the same
  // reason as the grammar's memo (the benchmark repeats its texts).
  it('answers a phrase asked again within a document from memory, and works it out again in the next', () => {
    let calls = 0;
    const slowLength = memoise((text: string) => {
      calls++;
      return text.length;
    }, 10);
    startDocument();
    expect(slowLength('Cllr Smith')).toBe(10);
    expect(slowLength('Cllr Smith')).toBe(10);
    expect(calls).toBe(1);
    startDocument();
    expect(slowLength('Cllr Smith')).toBe(10);
    expect(calls).toBe(2);
  });
});
