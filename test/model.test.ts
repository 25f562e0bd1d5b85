/**
 * The learned model's own pieces: the sparse logistic regression (training, scoring, evidence, Platt
 * scaling), the grouped folds, and the model file's checks.
 */
import { describe, expect, it } from 'vitest';
import { evidence, fitPlatt, probability, score, train, type Example } from '../src/model/logistic.js';
import { foldsByBody } from '../src/model/train.js';
import { BLOCK_TYPES, modelFeatureScope, parseModel, serialiseModel, MODEL_TYPES, weightTable, type ModelType } from '../src/model/model.js';
import { builtinModel } from '../src/model/builtin-model.js';
import { EVERY_TEXT_FEATURE, textFeatures } from '../src/model/features.js';
import { runPipeline } from '../src/pipeline.js';
import { detectGrammar } from '../src/grammar/builtin.js';
import { readCorpus } from '../scripts/corpus.js';
import { MinutesError } from '../src/index.js';
import { bagOf, dice, diceOfBags, diceOfWords, words } from '../src/model/score.js';

// A toy task: "resolved" marks a positive, "noted" a negative; "the" is noise on both sides.
const examples: Example[] = [];
for (let i = 0; i < 40; i++) {
  examples.push({ features: ['w:resolved', 'w:the', `id:p${i}`], label: 1 });
  examples.push({ features: ['w:noted', 'w:the', `id:n${i}`], label: 0 });
}

describe('sparse logistic regression', () => {
  const model = train(examples, { epochs: 20, minCount: 2 });

  it('learns which features decide, and drops features seen only once', () => {
    expect(probability(model, ['w:resolved', 'w:the'])).toBeGreaterThan(0.9);
    expect(probability(model, ['w:noted', 'w:the'])).toBeLessThan(0.1);
    expect(model.weights['id:p3']).toBeUndefined();
    expect(Math.abs(model.weights['w:the'] ?? 0)).toBeLessThan(Math.abs(model.weights['w:resolved']));
  });

  it('gives the same weights for the same examples (seeded, rounded)', () => {
    expect(JSON.stringify(train(examples, { epochs: 20, minCount: 2 }))).toBe(JSON.stringify(model));
  });

  it('names the features that pushed a decision, strongest first', () => {
    expect(evidence(model, ['w:the', 'w:resolved'], true)[0]).toBe('w:resolved');
    expect(evidence(model, ['w:noted', 'w:the'], false)[0]).toBe('w:noted');
  });

  it('Platt scaling fits held-out scores, and leaves a fold with one class alone', () => {
    const scores = [-3, -2, -1, -0.5, 0.5, 1, 2, 3];
    const labels = [0, 0, 0, 1, 0, 1, 1, 1] as const;
    const { a, b } = fitPlatt(scores, [...labels]);
    expect(a).toBeGreaterThan(0);
    expect(Math.abs(b)).toBeLessThan(1);
    expect(fitPlatt([1, 2, 3], [1, 1, 1])).toEqual({ a: 1, b: 0 });
    expect(score(model, [])).toBe(model.bias);
  });
});

describe('folds by body', () => {
  it('keeps a body in one fold and deals bodies round-robin in sorted order', () => {
    const texts = ['b', 'a', 'c', 'a', 'd', 'b'].map((body, i) => ({ body, i }));
    const folds = foldsByBody(texts, 2);
    expect(folds.map((f) => f.map((t) => t.body))).toEqual([['a', 'c', 'a'], ['b', 'd', 'b']]);
  });
});

describe('model files', () => {
  const typeModel = { bias: 0, weights: {}, platt: { a: 1, b: 0 }, threshold: 0.5 };
  const file = { id: 'm', featureVersion: 1, trainedOn: { texts: 0, folders: [] }, types: Object.fromEntries(MODEL_TYPES.map((t) => [t, typeModel])) };

  it('round-trips through its serialised form', () => {
    expect(parseModel(JSON.parse(serialiseModel(parseModel(file))))).toEqual(file);
  });

  it('refuses a model with a missing type or another feature version, naming the field', () => {
    const missing = { ...file, types: { ...file.types, actions: undefined } };
    expect(() => parseModel(missing)).toThrow(MinutesError);
    expect(() => parseModel(missing)).toThrow(/types\.actions/);
    expect(() => parseModel({ ...file, featureVersion: 99 })).toThrow(/featureVersion/);
  });
});

describe('the review page shows how sure the model is', () => {
  it('marks records under 0.6 for checking and shows their evidence, escaped', async () => {
    const { extract } = await import('../src/index.js');
    const { reviewPage } = await import('../src/review/render-review.js');
    const text = 'Minutes:\n\nThe Panel discussed the depot.\n\nRESOLVED – That the report be noted.';
    const doc = extract(text, { model: null });
    expect(doc.discussionPoints).toHaveLength(1);
    doc.discussionPoints = doc.discussionPoints.map((p) => ({ ...p, confidence: 0.41, evidence: ['bi:<b>x</b>'] }));
    doc.resolutions = doc.resolutions.map((r) => ({ ...r, confidence: 0.97 }));
    const html = reviewPage(doc, text);
    expect(html).toMatch(/class="record t-discussionPoints doubtful"/);
    expect(html).toContain('check: confidence 0.41 · why: bi:&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toMatch(/class="record t-resolutions" [^>]*>[\s\S]*?confidence 0\.97/);
  });
});

describe('the scoring rule (GUIDE.md)', () => {
  it('compares records on the words of their first 200 characters, lower-cased, punctuation dropped', () => {
    expect(words("Don't — the Report, 2024! Café  ½ item")).toEqual(['dont', 'the', 'report', '2024', 'café', '½', 'item']);
    expect(words(`${'a '.repeat(99)}cut here`)).toEqual([...Array(99).fill('a'), 'cu']);
    expect(dice('The report be noted.', 'that the report be NOTED')).toBeCloseTo(8 / 9);
  });

  it('counts a text once for many comparisons with the same Dice coefficient', () => {
    const vocabulary = ['the', 'report', 'be', 'noted', 'minutes', 'a', 'a'];
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const list = () => Array.from({ length: next() % 12 }, () => vocabulary[next() % vocabulary.length]);
    for (let k = 0; k < 2000; k++) {
      const [a, b] = [list(), list()];
      expect(diceOfBags(bagOf(a), bagOf(b))).toBe(diceOfWords(a, b));
    }
  });
});

describe('the features a model judges by', () => {
  // Scoring works out only the text features the model weighs for a candidate's types (FeatureScope): what
  // it leaves out must be exactly the features those weights do not name, in every family and grammar.
  it('a candidate judged with its feature scope has the weighed features of one judged with every feature', () => {
    const model = builtinModel();
    const table = weightTable(model);
    const families: [string, readonly ModelType[]][] = [['block', BLOCK_TYPES], ['witnesses', ['witnesses']], ['declarations', ['declarations']], ['actions', ['actions']]];
    let compared = 0;
    for (const { text } of readCorpus('seeds')) {
      const ctx = runPipeline(text, detectGrammar, null);
      for (const c of ctx.candidates!) {
        for (const [, types] of families) {
          const slots = types.map((t) => MODEL_TYPES.indexOf(t));
          const weighed = (features: string[]) => features.filter((f) => slots.some((t) => (table.get(f)?.[t] ?? 0) !== 0));
          const every: string[] = [];
          const scoped: string[] = [];
          textFeatures(ctx, c.text, every, { unigrams: true, bigrams: true }, EVERY_TEXT_FEATURE);
          textFeatures(ctx, c.text, scoped, { unigrams: true, bigrams: true }, modelFeatureScope(model, types, ctx.grammar));
          expect(weighed(scoped)).toEqual(weighed(every));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
