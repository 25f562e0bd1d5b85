/**
 * `committee-minutes db FILE IN…` (load output folders, JSON and NDJSON files into an archive database) and
 * `committee-minutes query FILE [WORDS]` (search it). Argument handling and printing only: the work is src/db's.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MinutesDocument } from '../schema/minutes.js';
import { Archive } from '../db/archive.js';
import { loadEntry } from '../db/load-outputs.js';
import { searchArchive, type SearchFilters, type SearchHit } from '../db/search.js';
import { MinutesError } from '../errors.js';
import { errorRecord } from './errors.js';
import type { IndexEntry } from './index-entry.js';
import { csvCell } from './render.js';

export interface DbLoadResult {
  loaded: number;
  current: number;
  failed: number;
}

/** What a JSON or NDJSON file holds: MinutesDocuments, or `extract --ndjson` lines ({"id","document"}). */
function documentsIn(text: string): { key: string | null; document: MinutesDocument }[] {
  const unwrap = (value: unknown, line: number): { key: string | null; document: MinutesDocument } => {
    const v = value as { id?: unknown; document?: MinutesDocument; error?: unknown } & Partial<MinutesDocument>;
    if (v && typeof v === 'object' && 'document' in v && v.document) return { key: v.id === undefined || v.id === null ? `line ${line}` : String(v.id), document: v.document };
    return { key: null, document: value as MinutesDocument };
  };
  try {
    const value = JSON.parse(text) as unknown;
    return (Array.isArray(value) ? value : [value]).map((v, i) => ({ ...unwrap(v, i + 1), key: Array.isArray(value) ? `${i + 1}` : null }));
  } catch {
    const out: { key: string | null; document: MinutesDocument }[] = [];
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new MinutesError('E_OUTPUT_INVALID', `line ${i + 1} is not JSON: ${(error as Error).message}`);
      }
      if ((value as { error?: unknown }).error) return; // an extract --ndjson error line: nothing to load
      const u = unwrap(value, i + 1);
      out.push({ ...u, key: u.key ?? `line ${i + 1}` });
    });
    return out;
  }
}

/**
 * Loads into the archive: a batch output folder (its index.ndjson: paths, hashes and versions kept), a
 * folder of MinutesDocument JSON files, or JSON / NDJSON files. Each document is checked against the schema.
 */
export async function loadIntoDb(file: string, inputs: string[], log: (line: string) => void): Promise<DbLoadResult> {
  const { validate } = await import('../validate.js');
  const archive = Archive.open(file);
  const result: DbLoadResult = { loaded: 0, current: 0, failed: 0 };
  const fail = (place: string, error: unknown) => {
    const e = errorRecord(error);
    log(`committee-minutes: ${e.code}: ${e.message} (${place})`);
    result.failed++;
  };
  const loadFile = (path: string, name: string) => {
    try {
      const bytes = readFileSync(path);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const found = documentsIn(bytes.toString('utf8'));
      const byKey = new Map<string, MinutesDocument[]>();
      for (const { key, document } of found) {
        const checked = validate(document);
        if (!checked.valid) throw new MinutesError('E_OUTPUT_INVALID', `not a valid MinutesDocument: ${checked.errors[0]?.path ?? ''} ${checked.errors[0]?.message ?? ''}`.trim());
        const input = key ? `${name}#${key}` : name;
        byKey.set(input, [...(byKey.get(input) ?? []), document]);
      }
      for (const [input, documents] of byKey) {
        if (archive.isCurrent(input, sha256, null)) result.current++;
        else {
          archive.put({ path: input, status: 'ok', sha256, bytes: bytes.length, version: null, documents });
          result.loaded++;
        }
      }
    } catch (error) {
      fail(path, error);
    }
  };
  const walk = (dir: string, root: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, root);
      else if (/\.(?:json|ndjson)$/i.test(name) && !name.startsWith('.')) loadFile(path, relative(root, path));
    }
  };
  try {
    for (const input of inputs) {
      if (!existsSync(input)) {
        fail(input, new MinutesError('E_OUTPUT_INVALID', 'no such file or folder'));
        continue;
      }
      const index = join(input, 'index.ndjson');
      if (statSync(input).isDirectory() && existsSync(index)) {
        for (const [i, line] of readFileSync(index, 'utf8').split('\n').entries()) {
          if (!line.trim()) continue;
          try {
            const entry = JSON.parse(line) as IndexEntry;
            result[loadEntry(archive, entry, input)]++;
          } catch (error) {
            fail(`${index}:${i + 1}`, error);
          }
        }
      } else if (statSync(input).isDirectory()) walk(input, input);
      else loadFile(input, input);
    }
  } finally {
    archive.close();
  }
  return result;
}

export const QUERY_FORMATS = ['table', 'json', 'csv'] as const;
export type QueryFormat = (typeof QUERY_FORMATS)[number];

/** Search results as a table (one line per record, the snippet cut to the terminal), JSON or CSV. */
export function formatHits(hits: SearchHit[], format: QueryFormat, width = 160): string {
  if (format === 'json') return JSON.stringify(hits, null, 2) + '\n';
  const columns = ['date', 'committee', 'type', 'id', 'document', 'snippet'] as const;
  if (format === 'csv') return [columns.join(','), ...hits.map((h) => columns.map((c) => csvCell(h[c])).join(','))].join('\n') + '\n';
  if (!hits.length) return 'no records found\n';
  const cell = (h: SearchHit, c: (typeof columns)[number]) => String(h[c] ?? '–').replace(/\s+/g, ' ');
  const widths = columns.slice(0, -1).map((c) => Math.min(32, Math.max(c.length, ...hits.map((h) => cell(h, c).length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (values: string[]) => {
    const fixed = values.slice(0, -1).map((v, i) => fit(v, widths[i])).join('  ');
    const rest = Math.max(20, width - fixed.length - 2);
    return `${fixed}  ${fit(values[values.length - 1], rest).trimEnd()}`;
  };
  return [line([...columns]), ...hits.map((h) => line(columns.map((c) => cell(h, c))))].join('\n') + `\n(${hits.length} record${hits.length === 1 ? '' : 's'})\n`;
}

export function runQuery(file: string, words: string | null, filters: SearchFilters): SearchHit[] {
  if (!existsSync(file)) throw new MinutesError('E_DB_OPEN', `no database at ${file}; make one with "batch … --db ${file}" or "db ${file} DIR"`);
  return searchArchive(file, words, filters);
}
