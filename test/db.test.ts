/**
 * The archive database: `batch --db`, `db`, `query`, `schema --sql` and toSqlite(). The batch runs over the
 * project's corpus folder and, when present, ../shared/corpus (read there, never copied): every record table
 * must hold what the JSON outputs hold, every record's span must cut its text out of the stored source, and
 * the full-text index must find records by their words. (SIGKILL during a batch into a database is tested
 * with the batch's own kill test, in batch.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_DIR, SHARED_PRESENT, SKIP_NOTE } from '../scripts/corpus.js';
import { extract, schemaSql, searchArchive, toSqlite } from '../src/index.js';
import { canonicalDump, HAS_SQLITE3, openReadonly, sqlite3 } from './support/db.js';
import type { MinutesDocument } from '../src/schema/minutes.js';

const root = new URL('../', import.meta.url).pathname;
const cli = `${root}dist/cli.js`;
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const RECORD_FIELDS = { witnesses: 'witnesses', declarations: 'declarations', discussionPoints: 'discussion_points', resolutions: 'resolutions', recommendations: 'recommendations', actions: 'actions', attendance: 'attendance', votes: 'votes', items: 'items', warnings: 'warnings' } as const;
if (!SHARED_PRESENT) console.warn(`${SKIP_NOTE}: the database batch reads the project's corpus only`);

let dir: string;
let out: string;
let db: string;

/** Every output document of a batch folder, by its index. */
function outputDocuments(folder: string): MinutesDocument[] {
  return readFileSync(join(folder, 'index.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .flatMap((line) => (JSON.parse(line) as { outputs: string[] }).outputs)
    .map((o) => JSON.parse(readFileSync(join(folder, o), 'utf8')) as MinutesDocument);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cm-db-'));
  out = join(dir, 'out');
  db = join(dir, 'archive.sqlite');
  const inputs = [join(root, 'corpus'), ...(SHARED_PRESENT ? [join(SHARED_DIR, 'corpus')] : [])];
  const batch = run('batch', ...inputs, '--out', out, '--db', db, '--include-text', '--progress', 'none');
  // The gold .json files beside the texts are inputs too, and fail as E_UNSUPPORTED_FORMAT: status 1.
  expect(batch.status, batch.stderr).toBe(1);
  expect(batch.stderr).toMatch(/database: .*archive\.sqlite · \d+ documents from \d+ inputs/);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('batch --db: the archive as a database', () => {
  it('holds in each record table as many rows as the JSON outputs hold records', () => {
    const documents = outputDocuments(out);
    expect(documents.length).toBeGreaterThan(5);
    const handle = openReadonly(db);
    try {
      const count = (table: string) => handle.prepare(`SELECT count(*) AS n FROM ${table}`).get()!.n;
      expect(count('documents')).toBe(documents.length);
      for (const [field, table] of Object.entries(RECORD_FIELDS)) {
        const expected = documents.reduce((n, d) => n + (d[field as keyof typeof RECORD_FIELDS] as unknown[]).length, 0);
        expect(count(table), table).toBe(expected);
      }
      expect(count('action_owners')).toBe(documents.reduce((n, d) => n + d.actions.reduce((m, a) => m + a.owners.length, 0), 0));
      const index = readFileSync(join(out, 'index.ndjson'), 'utf8').trim().split('\n');
      expect(count('inputs')).toBe(index.length);
      expect(handle.prepare("SELECT count(*) AS n FROM inputs WHERE status = 'error' AND error_code = 'E_UNSUPPORTED_FORMAT'").get()!.n).toBeGreaterThan(0);
      expect(handle.prepare('PRAGMA integrity_check').get()!.integrity_check).toBe('ok');
      expect(handle.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(handle.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()!.value).toBe('1');
    } finally {
      handle.close();
    }
  });

  it("cuts every record's text out of the stored source text with its span (whitespace collapsed, as GUIDE.md copies it)", () => {
    const handle = openReadonly(db);
    try {
      let checked = 0;
      for (const table of ['witnesses', 'declarations', 'discussion_points', 'resolutions', 'recommendations', 'actions', 'attendance']) {
        const rows = handle.prepare(`SELECT d.source_text AS source, r.span_start AS s, r.span_end AS e, r.text AS text FROM ${table} r JOIN documents d ON d.id = r.document_id`).all();
        for (const r of rows) {
          expect((r.source as string).slice(r.s as number, r.e as number).replace(/\s+/g, ' ').trim(), table).toBe(r.text);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
    } finally {
      handle.close();
    }
  });

  it.skipIf(!HAS_SQLITE3)('answers the same checks through the sqlite3 command-line tool', () => {
    // substr() counts characters where spans count UTF-16 units: the same on text without astral characters.
    const collapsed = (expr: string) => `trim(replace(replace(replace(replace(replace(replace(${expr}, char(13), ' '), char(10), ' '), char(9), ' '), '    ', ' '), '  ', ' '), '  ', ' '))`;
    for (const table of ['resolutions', 'discussion_points', 'actions']) {
      const mismatches = sqlite3(db, `SELECT count(*) FROM ${table} r JOIN documents d ON d.id = r.document_id WHERE ${collapsed('substr(d.source_text, r.span_start + 1, r.span_end - r.span_start)')} != r.text AND d.source_text NOT GLOB '*[^ -~]*'`);
      expect(mismatches, table).toBe('0');
    }
    expect(sqlite3(db, 'PRAGMA integrity_check')).toBe('ok');
    const resolutions = Number(sqlite3(db, 'SELECT count(*) FROM resolutions'));
    const documents = outputDocuments(out);
    expect(resolutions).toBe(documents.reduce((n, d) => n + d.resolutions.length, 0));
  });

  it('finds a resolution by a word in its middle, with stemming', () => {
    const handle = openReadonly(db);
    let target: { document_id: string; record_id: string; text: string };
    try {
      target = handle.prepare("SELECT document_id, record_id, text FROM resolutions WHERE length(text) > 80 ORDER BY document_id, record_id LIMIT 1").get() as typeof target;
    } finally {
      handle.close();
    }
    const words = target.text.split(/\s+/);
    const middle = words.slice(Math.floor(words.length / 3), Math.ceil((2 * words.length) / 3)).map((w) => w.replace(/[^\p{L}]/gu, '')).filter((w) => w.length >= 6)[0];
    expect(middle, target.text).toBeTruthy();
    const found = run('query', db, middle, '--type', 'resolutions', '--format', 'json', '--limit', '1000');
    expect(found.status, found.stderr).toBe(0);
    const hits = JSON.parse(found.stdout) as { document: string; id: string; snippet: string }[];
    expect(hits.some((h) => h.document === target.document_id && h.id === target.record_id)).toBe(true);
    expect(hits.every((h) => h.snippet.includes('['))).toBe(true);
    // Porter stemming: the word's stem with another ending finds it too ("approved" → "approve").
    const stemmed = searchArchive(db, `${middle.replace(/(?:ed|ing|s)$/i, '')}*`, { type: 'resolutions', limit: 1000 });
    expect(stemmed.some((h) => h.document === target.document_id && h.id === target.record_id)).toBe(true);
  });

  it('query: filters by type, owner, member, committee and dates; prints a table, JSON or CSV', () => {
    const table = run('query', db, 'report');
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^date\s+committee\s+type\s+id\s+document\s+snippet/);
    expect(table.stdout).toMatch(/\(\d+ records?\)\n$/);
    const csv = run('query', db, 'report', '--format', 'csv', '--limit', '5');
    expect(csv.stdout.split('\n')[0]).toBe('date,committee,type,id,document,snippet');
    const actions = searchArchive(db, null, { type: 'actions', limit: 1000 });
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions.map((h) => h.type))).toEqual(new Set(['actions']));
    const handle = openReadonly(db);
    const owner = handle.prepare('SELECT role FROM action_owners WHERE role IS NOT NULL ORDER BY document_id LIMIT 1').get()!.role as string;
    const member = handle.prepare('SELECT member FROM declarations ORDER BY document_id LIMIT 1').get()!.member as string;
    const dated = handle.prepare('SELECT committee, meeting_date FROM documents WHERE meeting_date IS NOT NULL AND committee IS NOT NULL ORDER BY meeting_date LIMIT 1').get()!;
    handle.close();
    const owned = JSON.parse(run('query', db, '--owner', owner, '--format', 'json').stdout) as { type: string }[];
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.every((h) => h.type === 'actions')).toBe(true);
    const declared = JSON.parse(run('query', db, '--member', member, '--format', 'json').stdout) as { type: string; text: string }[];
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.every((h) => h.type === 'declarations')).toBe(true);
    const day = dated.meeting_date as string;
    const onDay = JSON.parse(run('query', db, '--from', day, '--to', day, '--committee', dated.committee as string, '--format', 'json').stdout) as { date: string }[];
    expect(onDay.length).toBeGreaterThan(0);
    expect(onDay.every((h) => h.date === day)).toBe(true);
  });

  it('query: clear errors for a bad type, a missing database and bad options', () => {
    const type = run('query', db, 'report', '--type', 'minutes');
    expect(type.status).toBe(1);
    expect(type.stderr).toMatch(/^committee-minutes: E_QUERY: unknown record type "minutes"; the searched types are: witnesses, /);
    const missing = run('query', join(dir, 'nowhere.sqlite'), 'report');
    expect(missing.stderr).toMatch(/E_DB_OPEN: no database at/);
    expect(run('query', db, '--from', '1 May 2020').stderr).toMatch(/E_USAGE: --from takes a date as YYYY-MM-DD/);
    expect(run('query', db, 'report', '--format', 'xml').stderr).toMatch(/E_USAGE: --format takes table, json, csv/);
    expect(run('query', db, '"unclosed').stderr).toMatch(/E_QUERY: the search/);
    for (const r of [type, missing]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('db FILE DIR loads a batch output folder into the same rows as batch --db', () => {
    const again = join(dir, 'again.sqlite');
    const loaded = run('db', again, out);
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.stderr).toMatch(/committee-minutes db: \d+ inputs loaded, 0 already current, 0 failed/);
    expect(canonicalDump(again)).toEqual(canonicalDump(db));
    const twice = run('db', again, out);
    expect(twice.stderr).toMatch(/committee-minutes db: 0 inputs loaded, \d+ already current/);
  });

  it('db FILE loads extract --ndjson output and MinutesDocument JSON files; an invalid file is an error line', () => {
    const file = join(dir, 'loose.sqlite');
    const texts = join(root, 'corpus/seeds');
    const names = readdirSync(texts).filter((n) => n.endsWith('.txt')).slice(0, 2);
    const ndjson = names.map((n) => JSON.stringify({ id: n, text: readFileSync(join(texts, n), 'utf8') })).join('\n');
    const streamed = spawnSync(process.execPath, [cli, 'extract', '--ndjson', '-'], { input: ndjson, encoding: 'utf8' });
    writeFileSync(join(dir, 'seeds.ndjson'), streamed.stdout);
    writeFileSync(join(dir, 'one.json'), JSON.stringify(extract(readFileSync(join(texts, names[0]), 'utf8'), { name: 'one' })));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ schemaVersion: '1' }));
    const loaded = run('db', file, join(dir, 'seeds.ndjson'), join(dir, 'one.json'), join(dir, 'bad.json'));
    expect(loaded.status).toBe(1);
    expect(loaded.stderr).toMatch(/E_OUTPUT_INVALID: not a valid MinutesDocument.*bad\.json/);
    expect(loaded.stderr).toMatch(/3 inputs loaded, 0 already current, 1 failed/);
    const handle = openReadonly(file);
    expect(handle.prepare('SELECT input_path FROM documents ORDER BY input_path').all().map((r) => r.input_path)).toEqual([join(dir, 'one.json'), `${join(dir, 'seeds.ndjson')}#${names[0]}`, `${join(dir, 'seeds.ndjson')}#${names[1]}`]);
    handle.close();
  });
});

describe('the archive database, incremental', () => {
  it('a rerun changes nothing; a changed input replaces exactly its own rows', () => {
    const archive = join(dir, 'small');
    mkdirSync(archive);
    const seeds = join(root, 'corpus/seeds');
    for (const name of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) copyFileSync(join(seeds, name), join(archive, name));
    const small = join(dir, 'small.sqlite');
    const smallOut = join(dir, 'small-out');
    const first = run('batch', archive, '--out', smallOut, '--db', small, '--progress', 'none');
    expect(first.status, first.stderr).toBe(0);
    const before = canonicalDump(small);
    const second = run('batch', archive, '--out', smallOut, '--db', small, '--progress', 'none');
    expect(second.stderr).toMatch(/0 converted, 5 skipped/);
    expect(canonicalDump(small)).toEqual(before);
    // Change one input: its rows (and only its rows) change.
    writeFileSync(join(archive, 's002.txt'), `${readFileSync(join(archive, 's002.txt'), 'utf8')}\n\nRESOLVED – That the Clerk write to the Parish Council about the footpath.\n`);
    const third = run('batch', archive, '--out', smallOut, '--db', small, '--progress', 'none');
    expect(third.stderr).toMatch(/1 converted, 4 skipped/);
    const after = canonicalDump(small);
    const mine = (line: string) => line.includes('s002.txt');
    for (const [table, rows] of Object.entries(before)) expect(after[table].filter((l) => !mine(l)), table).toEqual(rows.filter((l) => !mine(l)));
    expect(after.resolutions.filter(mine).length).toBe(before.resolutions.filter(mine).length + 1);
    expect(searchArchive(small, 'footpath', { type: 'resolutions' }).map((h) => h.document)).toEqual(['s002.txt']);
    // The replaced document's old rows left the search index too: one index row per record, no more.
    const handle = openReadonly(small);
    const n = (sql: string) => handle.prepare(sql).get()!.n as number;
    const records = ['witnesses', 'declarations', 'discussion_points', 'resolutions', 'recommendations', 'actions'].reduce((sum, t) => sum + n(`SELECT count(*) AS n FROM ${t}`), 0);
    expect(n('SELECT count(*) AS n FROM record_search')).toBe(records);
    expect(n('SELECT count(*) AS n FROM record_search_rows')).toBe(records);
    handle.close();
  }, 60_000);

  it('toSqlite(documents, file) writes documents from code, and the schema is the one schema --sql prints', () => {
    const file = join(dir, 'api.sqlite');
    const doc = extract(readFileSync(join(root, 'corpus/seeds/s004.txt'), 'utf8'), { name: 's004' });
    const counts = toSqlite([doc], file);
    expect(counts.documents).toBe(1);
    expect(counts.resolutions).toBe(doc.resolutions.length);
    expect(counts.record_search).toBe(doc.witnesses.length + doc.declarations.length + doc.discussionPoints.length + doc.resolutions.length + doc.recommendations.length + doc.actions.length);
    expect(toSqlite([doc], file).documents).toBe(1); // the same name again replaces, never duplicates
    const printed = run('schema', '--sql');
    expect(printed.stdout).toBe(schemaSql());
    expect(printed.stdout).toMatch(/CREATE TABLE resolutions \(\n {2}document_id TEXT NOT NULL REFERENCES documents \(id\) ON DELETE CASCADE,\n {2}record_id TEXT NOT NULL,/);
  });
});
