/**
 * Loading batch outputs into an archive database: one index line (an input) at a time, from the JSON files
 * the batch wrote. Used by `batch --db` as each input finishes and again at the end (so that inputs skipped
 * as unchanged, and inputs a killed run finished but did not load, are in the database too), and by the `db`
 * command for output folders written earlier.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexEntry } from '../cli/index-entry.js';
import type { MinutesDocument } from '../schema/minutes.js';
import type { Archive } from './archive.js';

/** Loads an input's documents unless the database already holds them from the same bytes and version. */
export function loadEntry(archive: Archive, entry: IndexEntry, outDir: string): 'loaded' | 'current' {
  if (archive.isCurrent(entry.path, entry.sha256, entry.version, entry.status)) return 'current';
  const documents = entry.status === 'ok' ? entry.outputs.map((o) => JSON.parse(readFileSync(join(outDir, o), 'utf8')) as MinutesDocument) : [];
  archive.put({ path: entry.path, status: entry.status, error: entry.error, sha256: entry.sha256, bytes: entry.bytes, version: entry.version, documents });
  return 'loaded';
}
