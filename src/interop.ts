/**
 * ESM-only packages (remark-parse, ajv-formats, chrono-node …) may arrive as a namespace object under
 * NodeNext or in the CJS build: the module itself is then at `.default`. One helper for every such import.
 */
export function unwrapDefault<T>(module: unknown): T {
  return ((module as { default?: unknown }).default ?? module) as T;
}
