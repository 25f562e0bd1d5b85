/**
 * The archive database's schema (SQLite), generated from the same zod schemas as the JSON Schema: one source
 * of truth. Each record type of a MinutesDocument is one table; its columns are the record's fields, read off
 * the zod schema's JSON Schema:
 *  - a string, number, integer or boolean field is a TEXT, REAL, INTEGER or INTEGER (0/1) column, NOT NULL
 *    unless the field is nullable or optional; an enum keeps its values in a CHECK;
 *  - a span `{start, end}` is two columns, `<field>_start` and `<field>_end`;
 *  - a list of strings (`evidence`) is a JSON text column; a list of objects (an action's owners) is a
 *    child table (`action_owners`), one row per entry with its position;
 *  - `id` is `record_id` and `item` is `item_id`; names are snake_case, and a field whose name is an SQL
 *    keyword gets a longer name (COLUMN_RENAMES).
 * Every record row belongs to a document (`document_id`, a foreign key that cascades on delete) and, when it has
 * one, to the document's item (a composite foreign key). Tables are WITHOUT ROWID, keyed by document and record
 * id, so the same archive gives the same rows in the same order however the batch's inputs were ordered.
 */
import { z } from 'zod';
import {
  ActionSchema,
  AttendanceSchema,
  DeclarationSchema,
  DiscussionPointSchema,
  ItemSchema,
  OwnerSchema,
  RecommendationSchema,
  ResolutionSchema,
  VoteSchema,
  WarningSchema,
  WitnessSchema,
} from '../schema/minutes.js';

/** Bumped whenever a table or column changes; stored in the `meta` table. */
export const SQL_SCHEMA_VERSION = '1';

/** Record arrays of a MinutesDocument and their tables. */
export const RECORD_TABLES = {
  witnesses: { table: 'witnesses', schema: WitnessSchema },
  declarations: { table: 'declarations', schema: DeclarationSchema },
  discussionPoints: { table: 'discussion_points', schema: DiscussionPointSchema },
  resolutions: { table: 'resolutions', schema: ResolutionSchema },
  recommendations: { table: 'recommendations', schema: RecommendationSchema },
  actions: { table: 'actions', schema: ActionSchema },
  attendance: { table: 'attendance', schema: AttendanceSchema },
  votes: { table: 'votes', schema: VoteSchema },
} as const;
export type RecordField = keyof typeof RECORD_TABLES;

/** The record types whose text the full-text index holds (GUIDE.md's six). */
export const SEARCHED: readonly RecordField[] = ['witnesses', 'declarations', 'discussionPoints', 'resolutions', 'recommendations', 'actions'];

/** Fields whose snake_case name is an SQL keyword, or too vague as a column. */
const COLUMN_RENAMES: Record<string, string> = {
  id: 'record_id',
  item: 'item_id',
  from: 'from_record',
  for: 'votes_for',
  against: 'votes_against',
  abstain: 'votes_abstain',
  line: 'line_number',
  column: 'column_number',
};

export interface Column {
  /** The column's name. */
  name: string;
  /** The record field it comes from, and for a span which end. */
  field: string;
  part?: 'start' | 'end';
  sqlType: 'TEXT' | 'INTEGER' | 'REAL';
  notNull: boolean;
  /** How a value is stored: as is, a boolean as 0/1, a list as JSON. */
  encode: 'value' | 'boolean' | 'json';
  check?: string;
}

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; enum?: unknown[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema };

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const columnName = (field: string) => COLUMN_RENAMES[field] ?? snake(field);
const quote = (value: unknown) => `'${String(value).replace(/'/g, "''")}'`;

/** The non-null branch of a nullable field, and whether it was nullable. */
function unwrap(s: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (s.anyOf) {
    const rest = s.anyOf.filter((x) => x.type !== 'null');
    return { schema: rest[0] ?? {}, nullable: rest.length < s.anyOf.length };
  }
  if (Array.isArray(s.type)) return { schema: { ...s, type: s.type.find((t) => t !== 'null') }, nullable: s.type.includes('null') };
  return { schema: s, nullable: false };
}

/** The columns of one record schema; lists of objects are left out (they become child tables). */
export function columnsOf(schema: z.ZodType): Column[] {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as JsonSchema;
  const required = new Set(json.required ?? []);
  const columns: Column[] = [];
  for (const [field, raw] of Object.entries(json.properties ?? {})) {
    const { schema: s, nullable } = unwrap(raw);
    const notNull = required.has(field) && !nullable;
    const name = columnName(field);
    if (s.type === 'object' && s.properties?.start && s.properties?.end) {
      for (const part of ['start', 'end'] as const) columns.push({ name: `${snake(field)}_${part}`, field, part, sqlType: 'INTEGER', notNull, encode: 'value' });
    } else if (s.type === 'array') {
      if (s.items?.type === 'object') continue;
      columns.push({ name, field, sqlType: 'TEXT', notNull: false, encode: 'json' });
    } else if (s.type === 'boolean') {
      columns.push({ name, field, sqlType: 'INTEGER', notNull, encode: 'boolean', check: `${name} IN (0, 1)` });
    } else {
      const sqlType = s.type === 'integer' ? 'INTEGER' : s.type === 'number' ? 'REAL' : 'TEXT';
      const check = s.enum ? `${name} IN (${s.enum.map(quote).join(', ')})` : undefined;
      columns.push({ name, field, sqlType, notNull, encode: 'value', check });
    }
  }
  return columns;
}

export interface TableColumns {
  items: Column[];
  /** Each record table with the document field it holds. */
  records: { field: RecordField; table: string; columns: Column[] }[];
  owners: Column[];
  warnings: Column[];
}

let tableColumnsCache: TableColumns | null = null;
/**
 * Every table's columns from the zod schemas, worked out on first use and kept: the schema statements and
 * the loader read the same lists, and z.toJSONSchema runs neither at import nor per document.
 */
export function tableColumns(): TableColumns {
  tableColumnsCache ??= {
    // An item's own id is the `id` its records' item_id points at.
    items: columnsOf(ItemSchema).map((c) => (c.field === 'id' ? { ...c, name: 'id' } : c)),
    records: Object.entries(RECORD_TABLES).map(([field, { table, schema }]) => ({ field: field as RecordField, table, columns: columnsOf(schema) })),
    owners: columnsOf(OwnerSchema),
    warnings: columnsOf(WarningSchema),
  };
  return tableColumnsCache;
}

const columnSql = (c: Column) => `  ${c.name} ${c.sqlType}${c.notNull ? ' NOT NULL' : ''}${c.check ? ` CHECK (${c.notNull ? c.check : `${c.name} IS NULL OR ${c.check}`})` : ''}`;

/** Columns people filter by, per table: each gets an index. */
const INDEXED: Record<string, string[][]> = {
  documents: [['committee'], ['meeting_date'], ['input_path']],
  declarations: [['member']],
  action_owners: [['name'], ['role']],
  attendance: [['name']],
  resolutions: [['item_id']],
  actions: [['item_id']],
};

function table(name: string, columns: Column[], extra: string[], key: string): string {
  const lines = ['  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE', ...columns.map(columnSql), ...extra, `  PRIMARY KEY (${key})`];
  return `CREATE TABLE ${name} (\n${lines.join(',\n')}\n) WITHOUT ROWID;`;
}

/** Every statement that creates the database, in order. */
export function schemaStatements(): string[] {
  const statements: string[] = [];
  statements.push(`CREATE TABLE meta (\n  key TEXT PRIMARY KEY,\n  value TEXT NOT NULL\n) WITHOUT ROWID;`);
  statements.push(
    `CREATE TABLE inputs (\n  path TEXT PRIMARY KEY,\n  status TEXT NOT NULL CHECK (status IN ('ok', 'error')),\n  error_code TEXT,\n  error_message TEXT,\n  sha256 TEXT,\n  bytes INTEGER,\n  documents INTEGER NOT NULL,\n  library_version TEXT\n) WITHOUT ROWID;`,
  );
  statements.push(
    [
      'CREATE TABLE documents (',
      '  id TEXT PRIMARY KEY,',
      '  input_path TEXT NOT NULL REFERENCES inputs (path) ON DELETE CASCADE,',
      '  part TEXT,',
      '  source_name TEXT,',
      '  source_sha256 TEXT NOT NULL,',
      '  format TEXT NOT NULL,',
      '  chars INTEGER NOT NULL,',
      '  committee TEXT,',
      '  meeting_date TEXT,',
      '  meeting_item TEXT,',
      '  meeting_title TEXT,',
      '  grammar TEXT NOT NULL,',
      '  truncated INTEGER NOT NULL CHECK (truncated IN (0, 1)),',
      '  schema_version TEXT NOT NULL,',
      '  library_version TEXT,',
      '  source_text TEXT,',
      '  UNIQUE (input_path, part)',
      ') WITHOUT ROWID;',
    ].join('\n'),
  );
  const columns = tableColumns();
  statements.push(table('items', columns.items, [], 'document_id, id'));
  const itemKey = '  FOREIGN KEY (document_id, item_id) REFERENCES items (document_id, id)';
  for (const { table: name, columns: recordColumns } of columns.records) statements.push(table(name, recordColumns, [itemKey], 'document_id, record_id'));
  statements.push(
    table(
      'action_owners',
      [{ name: 'action_id', field: 'action', sqlType: 'TEXT', notNull: true, encode: 'value' }, { name: 'position', field: 'position', sqlType: 'INTEGER', notNull: true, encode: 'value' }, ...columns.owners],
      ['  FOREIGN KEY (document_id, action_id) REFERENCES actions (document_id, record_id) ON DELETE CASCADE'],
      'document_id, action_id, position',
    ),
  );
  statements.push(table('warnings', [{ name: 'position', field: 'position', sqlType: 'INTEGER', notNull: true, encode: 'value' }, ...columns.warnings], [], 'document_id, position'));
  for (const [name, sets] of Object.entries(INDEXED)) for (const cols of sets) statements.push(`CREATE INDEX ${name}_${cols.join('_')} ON ${name} (${cols.join(', ')});`);
  // Full-text search over the records' text, with Porter stemming ("delegate" finds "delegated").
  statements.push(`CREATE VIRTUAL TABLE record_search USING fts5 (\n  text,\n  type UNINDEXED,\n  document_id UNINDEXED,\n  record_id UNINDEXED,\n  tokenize = 'porter unicode61'\n);`);
  // Which index rows belong to which document: FTS5 finds rows only by rowid or by MATCH, so without this a
  // document's rows could be deleted only by reading the whole index (every reload of an input would cost as
  // much as the archive). Its rowids depend on the order rows were written, like the index's own storage.
  statements.push(
    `CREATE TABLE record_search_rows (\n  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,\n  search_rowid INTEGER NOT NULL,\n  PRIMARY KEY (document_id, search_rowid)\n) WITHOUT ROWID;`,
  );
  return statements;
}

/** The whole schema as one SQL script (`committee-minutes schema --sql`). */
export function schemaSql(): string {
  return `-- committee-minutes archive database, schema version ${SQL_SCHEMA_VERSION} (SQLite 3 with FTS5)\n-- Generated from the zod schemas of the JSON output (src/db/sql-schema.ts).\n\n${schemaStatements().join('\n\n')}\n`;
}
