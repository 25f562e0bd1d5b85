/**
 * Reading an archive database in tests: a canonical dump (every table's rows in key order, and the full-text
 * index by its rows, not its storage: FTS5 keeps its index in blobs whose layout depends on the order rows
 * were written, which a batch with several workers does not fix) and the sqlite3 command-line tool.
 */
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

type Db = { prepare(sql: string): { all(...p: unknown[]): Record<string, unknown>[]; get(...p: unknown[]): Record<string, unknown> | undefined }; close(): void };
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string, options?: object) => Db;

export function openReadonly(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** Every row of every table, as sorted JSON lines per table; `skip` drops rows (by table) from the dump. */
export function canonicalDump(file: string, skip: (table: string, row: Record<string, unknown>) => boolean = () => false): Record<string, string[]> {
  const db = openReadonly(file);
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'record_search_%' ORDER BY name").all();
    const dump: Record<string, string[]> = {};
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT * FROM ${name as string}`).all();
      dump[name as string] = rows.filter((r) => !skip(name as string, r)).map((r) => JSON.stringify(r)).sort();
    }
    return dump;
  } finally {
    db.close();
  }
}

/** The sqlite3 command-line tool's answer to one statement (null when the tool is not installed). */
export function sqlite3(file: string, sql: string): string | null {
  const run = spawnSync('sqlite3', ['-readonly', file, sql], { encoding: 'utf8' });
  if (run.error) return null;
  if (run.status !== 0) throw new Error(`sqlite3: ${run.stderr}`);
  return run.stdout.trim();
}

export const HAS_SQLITE3 = !spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).error;
