/**
 * The model shipped with the package (grammars/model.json, inlined at build time like the grammars), and
 * user models given as objects (checked by zod, cached per object).
 */
import modelFile from '../../grammars/model.json' with { type: 'json' };
import { parseModel, type Model } from './model.js';

let builtin: Model | null = null;

export function builtinModel(): Model {
  builtin ??= parseModel(modelFile, 'grammars/model.json');
  return builtin;
}

const checked = new WeakMap<object, Model>();

export function resolveModel(value: object): Model {
  let model = checked.get(value);
  if (!model) {
    model = parseModel(value);
    checked.set(value, model);
  }
  return model;
}
