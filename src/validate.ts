/**
 * `validate(value)`: checks a document against the public JSON Schema (schemas/minutes.schema.json) with
 * ajv — the same check other tools make on our output — and returns every error with its JSON path.
 */
import * as ajv2020Module from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';

import minutesSchema from '../schemas/minutes.schema.json' with { type: 'json' };
import { unwrapDefault } from './interop.js';

// ajv and ajv-formats may arrive as namespaces under NodeNext / the CJS build.
type ValidateFunction = ((value: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
interface AjvLike {
  compile(schema: object): ValidateFunction;
}
const Ajv2020 = unwrapDefault<new (options: { allErrors: boolean; strict: boolean }) => AjvLike>(ajv2020Module);
const addFormats = unwrapDefault<(ajv: AjvLike) => unknown>(addFormatsModule);

export interface ValidationError {
  /** JSON Pointer to the offending value, e.g. "/actions/0/owners". */
  path: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationError[];
}

let compiled: ValidateFunction | null = null;

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
    errors: valid ? [] : (check.errors ?? []).map((e: { instancePath: string; message?: string }) => ({ path: e.instancePath || '/', message: e.message ?? 'is invalid' })),
  };
}
