/**
 * The archive as a database: MinutesDocuments loaded into one SQLite file (schema: sql-schema.ts), searchable
 * with FTS5 and readable by every tool that reads SQLite (sqlite3, Datasette, DuckDB, pandas).
 *
 * - An *input* is what a batch read (a file): its row in `inputs` says its status, sha256 and the library
 *   version that converted it; its documents (one, or several for a ModernGov XML file) hang off it.
 * - Loading an input replaces exactly that input's documents, in one transaction: a killed run leaves each
 *   input either as it was or as it is now, never half-loaded (WAL journal), and loading the same input again
 *   changes nothing (`isCurrent` lets a caller skip it).
 * - The driver is better-sqlite3 (synchronous, FTS5 built in). It is an optional dependency, loaded only
 *   here: without it the rest of the library works and a database call says how to install it.
 */
import { createRequire } from 'node:module';
import type { MinutesDocument } from '../schema/minutes.js';
import { MinutesError } from '../errors.js';
import { RECORD_TABLES, schemaStatements, SEARCHED, SQL_SCHEMA_VERSION, tableColumns, type Column } from './sql-schema.js';

// The slice of better-sqlite3's API used here (its types are a dev dependency; the package is optional).
interface Statement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  pragma(sql: string, options?: { simple: boolean }): unknown;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}
type DatabaseConstructor = new (file: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => Database;

let driver: DatabaseConstructor | null = null;
function sqlite(): DatabaseConstructor {
  if (driver) return driver;
  try {
    const loaded = createRequire(import.meta.url)('better-sqlite3') as DatabaseConstructor | { default: DatabaseConstructor };
    driver = 'default' in loaded ? loaded.default : loaded;
    return driver;
  } catch (error) {
    throw new MinutesError('E_SQLITE_UNAVAILABLE', `the SQLite driver (better-sqlite3, an optional dependency) is not installed or did not build: ${(error as Error).message.split('\n')[0]}; run "npm install better-sqlite3"`);
  }
}

/** One input of a batch and what came of it. */
export interface ArchiveInput {
  /** The input's path as the batch index names it (relative to the batch's input root). */
  path: string;
  status: 'ok' | 'error';
  error?: { code: string; message: string } | null;
  /** sha256 of the input file's bytes. */
  sha256: string | null;
  bytes?: number | null;
  /** The library version that converted it (null when unknown, e.g. a loose JSON file). */
  version: string | null;
  documents: MinutesDocument[];
}

export interface ArchiveCounts {
  [table: string]: number;
}

function value(record: Record<string, unknown>, c: Column): unknown {
  const v = record[c.field];
  if (c.part) return v === null || v === undefined ? null : (v as Record<string, number>)[c.part];
  if (v === undefined || v === null) return null;
  if (c.encode === 'boolean') return v ? 1 : 0;
  if (c.encode === 'json') return JSON.stringify(v);
  return v;
}

function insertSql(table: string, names: string[]): string {
  return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
}

/** A document's key: the input's path, and the part for a file that holds several documents. */
export const documentId = (inputPath: string, part: string | null | undefined) => (part ? `${inputPath}#${part}` : inputPath);

export class Archive {
  readonly file: string;
  private readonly db: Database;
  private readonly statements = new Map<string, Statement>();

  private constructor(file: string, db: Database) {
    this.file = file;
    this.db = db;
  }

  /** Opens (or creates) an archive database. */
  static open(file: string, options: { readonly?: boolean } = {}): Archive {
    const Driver = sqlite();
    let db: Database;
    try {
      db = new Driver(file, options.readonly ? { readonly: true, fileMustExist: true } : {});
    } catch (error) {
      throw new MinutesError('E_DB_OPEN', `cannot open the database ${file}: ${(error as Error).message}`);
    }
    const archive = new Archive(file, db);
    try {
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
      }
      db.pragma('foreign_keys = ON');
      const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
      if (!hasMeta) {
        if (options.readonly) throw new MinutesError('E_DB_SCHEMA', `${file} is not a committee-minutes database (no meta table)`);
        db.transaction(() => {
          for (const sql of schemaStatements()) db.exec(sql);
          db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema_version', SQL_SCHEMA_VERSION);
        })();
      }
      const version = (db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value;
      if (version !== SQL_SCHEMA_VERSION) throw new MinutesError('E_DB_SCHEMA', `${file} has database schema version ${version ?? 'none'}; this library writes version ${SQL_SCHEMA_VERSION}: write to a new file`);
    } catch (error) {
      db.close();
      if (error instanceof MinutesError) throw error;
      throw new MinutesError('E_DB_OPEN', `cannot use the database ${file}: ${(error as Error).message}`);
    }
    return archive;
  }

  private statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Is this input already loaded from the same bytes by the same library version? */
  isCurrent(path: string, sha256: string | null, version: string | null, status: 'ok' | 'error' = 'ok'): boolean {
    const row = this.statement('SELECT sha256, library_version, status FROM inputs WHERE path = ?').get(path) as { sha256: string | null; library_version: string | null; status: string } | undefined;
    return !!row && row.sha256 === sha256 && row.library_version === version && row.status === status;
  }

  /** Loads one input, replacing whatever the archive held for its path, in one transaction. */
  put(input: ArchiveInput): void {
    this.db.transaction(() => {
      this.remove(input.path);
      this.statement(insertSql('inputs', ['path', 'status', 'error_code', 'error_message', 'sha256', 'bytes', 'documents', 'library_version'])).run(
        input.path,
        input.status,
        input.error?.code ?? null,
        input.error?.message ?? null,
        input.sha256,
        input.bytes ?? null,
        input.documents.length,
        input.version,
      );
      // Two documents of one file without a part name (a caller's list) keep apart by their place.
      input.documents.forEach((document, i) => this.insertDocument(input, document, document.source.part ?? (input.documents.length > 1 ? `part ${i + 1}` : null)));
    })();
  }

  /** Removes an input and its documents (records cascade; the search index is cleared through record_search_rows). */
  private remove(path: string): void {
    this.statement('DELETE FROM record_search WHERE rowid IN (SELECT search_rowid FROM record_search_rows WHERE document_id IN (SELECT id FROM documents WHERE input_path = ?))').run(path);
    this.statement('DELETE FROM documents WHERE input_path = ?').run(path);
    this.statement('DELETE FROM inputs WHERE path = ?').run(path);
  }

  private insertDocument(input: ArchiveInput, d: MinutesDocument, part: string | null): void {
    const id = documentId(input.path, part);
    this.statement(
      insertSql('documents', ['id', 'input_path', 'part', 'source_name', 'source_sha256', 'format', 'chars', 'committee', 'meeting_date', 'meeting_item', 'meeting_title', 'grammar', 'truncated', 'schema_version', 'library_version', 'source_text']),
    ).run(id, input.path, part, d.source.name, d.source.sha256, d.source.format, d.source.chars, d.meeting.committee, d.meeting.date, d.meeting.item, d.meeting.title, d.grammar, d.truncated ? 1 : 0, d.schemaVersion, input.version, d.source.text ?? null);
    const rows = (table: string, columns: Column[], records: readonly object[], extra: (r: object, i: number) => Record<string, unknown> = () => ({})) => {
      if (!records.length) return;
      const first = extra(records[0], 0);
      const names = ['document_id', ...Object.keys(first), ...columns.map((c) => c.name)];
      const insert = this.statement(insertSql(table, names));
      records.forEach((r, i) => insert.run(id, ...Object.values(extra(r, i)), ...columns.map((c) => value(r as Record<string, unknown>, c))));
    };
    const columns = tableColumns();
    rows('items', columns.items, d.items);
    for (const { field, table, columns: recordColumns } of columns.records) rows(table, recordColumns, d[field]);
    for (const a of d.actions) rows('action_owners', columns.owners, a.owners, (_, i) => ({ action_id: a.id, position: i }));
    rows('warnings', columns.warnings, d.warnings, (_, i) => ({ position: i }));
    const search = this.statement('INSERT INTO record_search (text, type, document_id, record_id) VALUES (?, ?, ?, ?)');
    const searchRow = this.statement('INSERT INTO record_search_rows (document_id, search_rowid) VALUES (?, ?)');
    for (const field of SEARCHED) {
      for (const r of d[field] as { id: string; text: string }[]) searchRow.run(id, (search.run(r.text, RECORD_TABLES[field].table, id, r.id) as { lastInsertRowid: number | bigint }).lastInsertRowid);
    }
  }

  /** Row counts of every table (the search index counted by its rows). */
  counts(): ArchiveCounts {
    const tables = ['inputs', 'documents', 'items', ...Object.values(RECORD_TABLES).map((t) => t.table), 'action_owners', 'warnings', 'record_search'];
    // (record_search_rows mirrors record_search one for one.)
    return Object.fromEntries(tables.map((t) => [t, (this.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  }

  /** Runs a read-only query (used by search and by tests). */
  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.db.prepare(sql).all(...params) as T[];
  }

  close(): void {
    // Fold the write-ahead log back into the file, so that the archive is one file again.
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // a read-only handle has nothing to fold
    }
    this.db.close();
  }
}

/**
 * Writes documents to an archive database (created when absent), each as an input named by its source name
 * (or `document-N`), replacing any earlier documents of that name. For code calling the package; the command
 * line's `batch --db` and `db` keep the batch's paths, hashes and versions.
 */
export function toSqlite(documents: readonly MinutesDocument[], file: string, options: { version?: string | null } = {}): ArchiveCounts {
  const archive = Archive.open(file);
  try {
    const byInput = new Map<string, MinutesDocument[]>();
    documents.forEach((d, i) => {
      const path = d.source.name ?? `document-${i + 1}`;
      byInput.set(path, [...(byInput.get(path) ?? []), d]);
    });
    for (const [path, docs] of byInput) archive.put({ path, status: 'ok', sha256: docs[0].source.sha256, version: options.version ?? null, documents: docs });
    return archive.counts();
  } finally {
    archive.close();
  }
}
