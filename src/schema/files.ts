import { minutesJsonSchema } from './minutes.js';
import { gazetteerJsonSchema, grammarJsonSchema } from './grammar.js';

/** The JSON Schemas committed under schemas/, by file name. */
export function schemaFiles(): Record<string, Record<string, unknown>> {
  return {
    'minutes.schema.json': minutesJsonSchema(),
    'grammar.schema.json': grammarJsonSchema(),
    'gazetteer.schema.json': gazetteerJsonSchema(),
  };
}
