/**
 * `validate(value)`: checks a document against the public JSON Schema (schemas/minutes.schema.json) with
 * ajv — the same check other tools make on our output — and returns every error with its JSON path.
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import minutesSchema from '../schemas/minutes.schema.json' with { type: 'json' };

// ajv and ajv-formats may arrive as namespaces under NodeNext / the CJS build.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule;

export interface ValidationError {
  /** JSON Pointer to the offending value, e.g. "/actions/0/owners". */
  path: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationError[];
}

let compiled: ReturnType<InstanceType<typeof Ajv2020>['compile']> | null = null;

function validator() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(minutesSchema);
  }
  return compiled;
}

export function validate(value: unknown): ValidationResult {
  const check = validator();
  const valid = check(value) as boolean;
  return {
    valid,
    errors: valid ? [] : (check.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: e.message ?? 'is invalid' })),
  };
}
