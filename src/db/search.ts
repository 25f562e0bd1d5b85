/**
 * Searching an archive database: full-text (FTS5, Porter stemming) over the six GUIDE.md record types, with
 * filters by type, action owner, declaring member, committee and meeting date. Results come in meeting
 * order (date, then document, then record), so a search across meetings reads as a history.
 */
import { MinutesError } from '../errors.js';
import { Archive } from './archive.js';
import { RECORD_TABLES, SEARCHED } from './sql-schema.js';

export interface SearchFilters {
  /** A record type: its JSON name ("discussionPoints") or its table ("discussion_points"). */
  type?: string;
  /** Actions with an owner whose text, name or role contains this (any case). */
  owner?: string;
  /** Declarations by a member whose name contains this. */
  member?: string;
  /** Documents whose committee contains this. */
  committee?: string;
  /** Meeting dates from / to (ISO, inclusive). */
  from?: string;
  to?: string;
  limit?: number;
}

export interface SearchHit {
  document: string;
  sourceName: string | null;
  committee: string | null;
  date: string | null;
  type: string;
  id: string;
  text: string;
  /** The text around the words found, the words in [brackets] (the whole text when no words were given). */
  snippet: string;
}

/** The table of a record type named either way; an unknown name is a usage error that lists the names. */
export function searchedTable(type: string): string {
  for (const field of SEARCHED) {
    const { table } = RECORD_TABLES[field];
    if (type === field || type === table) return table;
  }
  throw new MinutesError('E_QUERY', `unknown record type "${type}"; the searched types are: ${SEARCHED.join(', ')}`);
}

/**
 * The words of a plain query as an FTS5 query: each word quoted, so punctuation ("Children's") is never
 * syntax and every word must occur. A query that already uses FTS5 syntax (double quotes for a phrase, AND,
 * OR, NOT, NEAR, a trailing * for a prefix) passes through as written.
 */
export function ftsQuery(text: string): string {
  if (/["*]|\b(?:AND|OR|NOT|NEAR)\b/.test(text)) return text;
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `"${w.replace(/"/g, '""')}"`)
    .join(' ');
}

export function searchArchive(file: string, query: string | null, filters: SearchFilters = {}): SearchHit[] {
  const archive = Archive.open(file, { readonly: true });
  try {
    const where: string[] = [];
    const params: unknown[] = [];
    const words = query?.trim() ? ftsQuery(query.trim()) : null;
    if (words) {
      where.push('record_search MATCH ?');
      params.push(words);
    }
    if (filters.type) {
      where.push('record_search.type = ?');
      params.push(searchedTable(filters.type));
    }
    if (filters.owner) {
      where.push("record_search.type = 'actions' AND EXISTS (SELECT 1 FROM action_owners o WHERE o.document_id = record_search.document_id AND o.action_id = record_search.record_id AND (o.text LIKE ? OR o.name LIKE ? OR o.role LIKE ?))");
      const like = `%${filters.owner}%`;
      params.push(like, like, like);
    }
    if (filters.member) {
      where.push("record_search.type = 'declarations' AND EXISTS (SELECT 1 FROM declarations x WHERE x.document_id = record_search.document_id AND x.record_id = record_search.record_id AND x.member LIKE ?)");
      params.push(`%${filters.member}%`);
    }
    if (filters.committee) {
      where.push('d.committee LIKE ?');
      params.push(`%${filters.committee}%`);
    }
    if (filters.from) {
      where.push('d.meeting_date >= ?');
      params.push(filters.from);
    }
    if (filters.to) {
      where.push('d.meeting_date <= ?');
      params.push(filters.to);
    }
    const snippet = words ? "snippet(record_search, 0, '[', ']', '…', 16)" : 'record_search.text';
    const sql = [
      `SELECT record_search.document_id AS document, d.source_name AS sourceName, d.committee AS committee, d.meeting_date AS date, record_search.type AS type, record_search.record_id AS id, record_search.text AS text, ${snippet} AS snippet`,
      'FROM record_search JOIN documents d ON d.id = record_search.document_id',
      where.length ? `WHERE ${where.join(' AND ')}` : '',
      // Meeting order; records of one document in the order the document gives them (res-2 before res-10).
      "ORDER BY d.meeting_date IS NULL, d.meeting_date, record_search.document_id, record_search.type, length(record_search.record_id), record_search.record_id",
      'LIMIT ?',
    ].join(' ');
    params.push(filters.limit ?? 100);
    try {
      return archive.all<SearchHit>(sql, ...params);
    } catch (error) {
      throw new MinutesError('E_QUERY', `the search "${query}" could not run: ${(error as Error).message}`);
    }
  } finally {
    archive.close();
  }
}
