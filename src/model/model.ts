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
