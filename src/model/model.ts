/**
 * The learned model: one logistic regression per record type over the features of model/features.ts,
 * each with its Platt calibration and the probability above which a candidate becomes a record. It is data:
 * `grammars/model.json`, written by `npm run train` (or `committee-minutes train`) from gold texts, checked
 * here by zod when it is loaded, and stale-checked by a test.
 */
import { z } from 'zod';
import { publishedJsonSchema } from '../schema/published.js';
import { MinutesError } from '../errors.js';
import { RECORD_TYPES, type RecordType } from './score.js';
import { strongestFeatures } from './logistic.js';
import { featureScope, wordFeaturesOf, type FeatureScope, type WordFeatureNames } from './features.js';
import type { Grammar } from '../grammar/compile.js';

/** One model per record type of GUIDE.md, in the scoring's order. */
export const MODEL_TYPES = RECORD_TYPES;
export type ModelType = RecordType;
/** The types a unit of text can be: its block candidates are judged for all three. */
export const BLOCK_TYPES = ['discussionPoints', 'resolutions', 'recommendations'] as const satisfies readonly ModelType[];
export type BlockType = (typeof BLOCK_TYPES)[number];
/** Bumped when features change: a model trained on other features is refused. */
export const FEATURE_VERSION = 1;

const LinearModelSchema = z.object({
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  platt: z.object({ a: z.number(), b: z.number() }),
  threshold: z.number().min(0).max(1),
});

export const ModelSchema = z.object({
  id: z.string(),
  featureVersion: z.literal(FEATURE_VERSION),
  trainedOn: z.object({ texts: z.number().int().nonnegative(), folders: z.array(z.string()) }),
  types: z.object(Object.fromEntries(MODEL_TYPES.map((t) => [t, LinearModelSchema])) as Record<ModelType, typeof LinearModelSchema>),
});

export type Model = z.infer<typeof ModelSchema>;
export type TypeModel = z.infer<typeof LinearModelSchema>;

/** The JSON Schema of a model file (schemas/model.schema.json), generated like the others. */
export function modelJsonSchema(): Record<string, unknown> {
  return publishedJsonSchema(ModelSchema, 'model.schema.json', 'Model');
}

/** Checks a model file's content; a wrong one is E_MODEL_INVALID naming the field. */
export function parseModel(value: unknown, where = 'model'): Model {
  const result = ModelSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MinutesError('E_MODEL_INVALID', `${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { path: issue.path.join('.') });
  }
  return result.data;
}

/** The model as a file: one line per type's weights, so a retrained model diffs by type. Same model, same bytes. */
export function serialiseModel(model: Model): string {
  const types = MODEL_TYPES.map((t) => `    ${JSON.stringify(t)}: ${JSON.stringify(model.types[t])}`).join(',\n');
  return `{\n  "id": ${JSON.stringify(model.id)},\n  "featureVersion": ${model.featureVersion},\n  "trainedOn": ${JSON.stringify(model.trainedOn)},\n  "types": {\n${types}\n  }\n}\n`;
}

/**
 * The weights of every type in one table: a feature's weights for all six types in one array (0 where a type
 * has none), so a candidate's scores take one lookup per feature instead of one per feature and type. Built
 * once per model object. The sums are the same as logistic.ts's `score` (adding 0 changes nothing).
 */
const weightTables = new WeakMap<Model, Map<string, Float64Array>>();
export function weightTable(model: Model): Map<string, Float64Array> {
  let table = weightTables.get(model);
  if (!table) {
    table = new Map();
    MODEL_TYPES.forEach((type, t) => {
      for (const [feature, weight] of Object.entries(model.types[type].weights)) {
        let row = table!.get(feature);
        if (!row) table!.set(feature, (row = new Float64Array(MODEL_TYPES.length)));
        row[t] = weight;
      }
    });
    weightTables.set(model, table);
  }
  return table;
}

/** The model's lexical features, found by their words (features.ts); built once per model object. */
const wordFeatureNames = new WeakMap<Model, WordFeatureNames>();
export function modelWordFeatures(model: Model): WordFeatureNames {
  let names = wordFeatureNames.get(model);
  if (!names) wordFeatureNames.set(model, (names = wordFeaturesOf(weightTable(model).keys())));
  return names;
}

/**
 * The text features (features.ts' FeatureScope) the model weighs for any of `types`: what a candidate judged
 * as those types needs worked out. Built once per model, grammar and set of types.
 */
const featureScopes = new WeakMap<Model, WeakMap<Grammar, Map<string, FeatureScope>>>();
export function modelFeatureScope(model: Model, types: readonly ModelType[], grammar: Grammar): FeatureScope {
  let byGrammar = featureScopes.get(model);
  if (!byGrammar) featureScopes.set(model, (byGrammar = new WeakMap()));
  let byTypes = byGrammar.get(grammar);
  if (!byTypes) byGrammar.set(grammar, (byTypes = new Map()));
  const key = types.join(',');
  let scope = byTypes.get(key);
  if (!scope) {
    const table = weightTable(model);
    const slots = types.map((type) => MODEL_TYPES.indexOf(type));
    const weighs = (feature: string) => {
      const row = table.get(feature);
      return row !== undefined && slots.some((t) => row[t] !== 0);
    };
    byTypes.set(key, (scope = featureScope(weighs, modelWordFeatures(model), grammar)));
  }
  return scope;
}

/** A candidate's raw scores (log-odds before calibration) for every type, in MODEL_TYPES order, and its features' weight rows. */
export interface Scored {
  scores: Float64Array;
  /** Per feature, its weights for every type (undefined when no type has one). */
  rows: (Float64Array | undefined)[];
}

/**
 * `into`, when given, is filled and returned instead of a new Scored: a caller judging many candidates in turn
 * reuses one (its contents hold until the next call).
 */
export function rawScores(model: Model, features: readonly string[], into?: Scored): Scored {
  const table = weightTable(model);
  const scores = into?.scores ?? new Float64Array(MODEL_TYPES.length);
  for (let t = 0; t < MODEL_TYPES.length; t++) scores[t] = model.types[MODEL_TYPES[t]].bias;
  const rows = into?.rows ?? [];
  rows.length = features.length;
  for (let i = 0; i < features.length; i++) {
    const row = table.get(features[i]);
    rows[i] = row;
    if (row) for (let t = 0; t < scores.length; t++) scores[t] += row[t];
  }
  return into ?? { scores, rows };
}

/** The features that pushed type `t`'s score most towards the predicted side: logistic.ts's `evidence`, read from the rows rawScores found. */
export function evidenceOf(features: readonly string[], { rows }: Scored, t: number, positive: boolean, top = 3): string[] {
  return strongestFeatures(features, (i) => rows[i]?.[t], positive, top);
}
