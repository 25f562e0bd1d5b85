import { minutesJsonSchema } from './minutes.js';
import { gazetteerJsonSchema, grammarJsonSchema } from './grammar.js';
import { modelJsonSchema } from '../model/model.js';

/** The JSON Schemas committed under schemas/, by file name. */
export function schemaFiles(): Record<string, Record<string, unknown>> {
  return {
    'minutes.schema.json': minutesJsonSchema(),
    'grammar.schema.json': grammarJsonSchema(),
    'gazetteer.schema.json': gazetteerJsonSchema(),
    'model.schema.json': modelJsonSchema(),
  };
}
