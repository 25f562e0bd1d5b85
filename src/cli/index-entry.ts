/**
 * One line of a batch's index.ndjson. Kept apart from convert-one.ts so that the batch's coordinating thread,
 * which only reads and writes index lines, never loads the extraction library.
 */
import type { ErrorRecord } from './errors.js';

export interface IndexEntry {
  path: string;
  outputs: string[];
  sha256: string | null;
  bytes: number | null;
  status: 'ok' | 'error';
  error: ErrorRecord | null;
  documents: number;
  records: Record<string, number>;
  warnings: number;
  grammar: string | null;
  format: string | null;
  version: string;
  timings: { readMs: number; extractMs: number; writeMs: number };
}

/** An index line with nothing done yet: status error until the input converts. */
export function emptyEntry(path: string, version: string, error: IndexEntry['error'] = null): IndexEntry {
  return { path, outputs: [], sha256: null, bytes: null, status: 'error', error, documents: 0, records: {}, warnings: 0, grammar: null, format: null, version, timings: { readMs: 0, extractMs: 0, writeMs: 0 } };
}
