-- committee-minutes archive database, schema version 1 (SQLite 3 with FTS5)
-- Generated from the zod schemas of the JSON output (src/db/sql-schema.ts).

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE inputs (
  path TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
  error_code TEXT,
  error_message TEXT,
  sha256 TEXT,
  bytes INTEGER,
  documents INTEGER NOT NULL,
  library_version TEXT
) WITHOUT ROWID;

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  input_path TEXT NOT NULL REFERENCES inputs (path) ON DELETE CASCADE,
  part TEXT,
  source_name TEXT,
  source_sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  chars INTEGER NOT NULL,
  committee TEXT,
  meeting_date TEXT,
  meeting_item TEXT,
  meeting_title TEXT,
  grammar TEXT NOT NULL,
  truncated INTEGER NOT NULL CHECK (truncated IN (0, 1)),
  schema_version TEXT NOT NULL,
  library_version TEXT,
  source_text TEXT,
  UNIQUE (input_path, part)
) WITHOUT ROWID;

CREATE TABLE items (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  number TEXT,
  title TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, id)
) WITHOUT ROWID;

CREATE TABLE witnesses (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  record_id TEXT NOT NULL,
  item_id TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  evidence TEXT,
  page INTEGER,
  ocr INTEGER CHECK (ocr IS NULL OR ocr IN (0, 1)),
  name TEXT,
  role TEXT,
  basis TEXT NOT NULL CHECK (basis IN ('listed', 'presented')),
  text TEXT NOT NULL,
  FOREIGN KEY (document_id, item_id) REFERENCES items (document_id, id),
  PRIMARY KEY (document_id, record_id)
) WITHOUT ROWID;

CREATE TABLE declarations (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  record_id TEXT NOT NULL,
  item_id TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  evidence TEXT,
  page INTEGER,
  ocr INTEGER CHECK (ocr IS NULL OR ocr IN (0, 1)),
  member TEXT NOT NULL,
  interest TEXT,
  conduct TEXT,
  text TEXT NOT NULL,
  FOREIGN KEY (document_id, item_id) REFERENCES items (document_id, id),
  PRIMARY KEY (document_id, record_id)
) WITHOUT ROWID;

CREATE TABLE discussion_points (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  record_id TEXT NOT NULL,
  item_id TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  evidence TEXT,
  page INTEGER,
  ocr INTEGER CHECK (ocr IS NULL OR ocr IN (0, 1)),
  text TEXT NOT NULL,
  FOREIGN KEY (document_id, item_id) REFERENCES items (document_id, id),
  PRIMARY KEY (document_id, record_id)
) WITHOUT ROWID;

CREATE TABLE resolutions (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  record_id TEXT NOT NULL,
  item_id TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  evidence TEXT,
  page INTEGER,
  ocr INTEGER CHECK (ocr IS NULL OR ocr IN (0, 1)),
  number TEXT,
  text TEXT NOT NULL,
  FOREIGN KEY (document_id, item_id) REFERENCES items (document_id, id),
  PRIMARY KEY (document_id, record_id)
) WITHOUT ROWID;

CREATE TABLE recommendations (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  record_id TEXT NOT NULL,
  item_id TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  evidence TEXT,
  page INTEGER,
  ocr INTEGER CHECK (ocr IS NULL OR ocr IN (0, 1)),
  number TEXT,
  text TEXT NOT NULL,
  FOREIGN KEY (document_id, item_id) REFERENCES items (document_id, id),
  PRIMARY KEY (document_id, record_id)
) WITHOUT ROWID;

CREATE TABLE actions (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  record_id TEXT NOT NULL,
  item_id TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  evidence TEXT,
  page INTEGER,
  ocr INTEGER CHECK (ocr IS NULL OR ocr IN (0, 1)),
  text TEXT NOT NULL,
  due TEXT,
  from_record TEXT,
  FOREIGN KEY (document_id, item_id) REFERENCES items (document_id, id),
  PRIMARY KEY (document_id, record_id)
) WITHOUT ROWID;

CREATE TABLE attendance (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  record_id TEXT NOT NULL,
  item_id TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  evidence TEXT,
  page INTEGER,
  ocr INTEGER CHECK (ocr IS NULL OR ocr IN (0, 1)),
  name TEXT NOT NULL,
  role TEXT,
  status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent', 'substitute', 'in_attendance', 'remote')),
  substitute_for TEXT,
  text TEXT NOT NULL,
  FOREIGN KEY (document_id, item_id) REFERENCES items (document_id, id),
  PRIMARY KEY (document_id, record_id)
) WITHOUT ROWID;

CREATE TABLE votes (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  record_id TEXT NOT NULL,
  item_id TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  evidence TEXT,
  page INTEGER,
  ocr INTEGER CHECK (ocr IS NULL OR ocr IN (0, 1)),
  resolution TEXT,
  votes_for INTEGER,
  votes_against INTEGER,
  votes_abstain INTEGER,
  method TEXT CHECK (method IS NULL OR method IN ('unanimous', 'majority', 'recorded')),
  mover TEXT,
  seconder TEXT,
  FOREIGN KEY (document_id, item_id) REFERENCES items (document_id, id),
  PRIMARY KEY (document_id, record_id)
) WITHOUT ROWID;

CREATE TABLE action_owners (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  action_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  name TEXT,
  role TEXT,
  span_start INTEGER,
  span_end INTEGER,
  FOREIGN KEY (document_id, action_id) REFERENCES actions (document_id, record_id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, action_id, position)
) WITHOUT ROWID;

CREATE TABLE warnings (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  span_start INTEGER,
  span_end INTEGER,
  line_number INTEGER,
  column_number INTEGER,
  PRIMARY KEY (document_id, position)
) WITHOUT ROWID;

CREATE INDEX documents_committee ON documents (committee);

CREATE INDEX documents_meeting_date ON documents (meeting_date);

CREATE INDEX documents_input_path ON documents (input_path);

CREATE INDEX declarations_member ON declarations (member);

CREATE INDEX action_owners_name ON action_owners (name);

CREATE INDEX action_owners_role ON action_owners (role);

CREATE INDEX attendance_name ON attendance (name);

CREATE INDEX resolutions_item_id ON resolutions (item_id);

CREATE INDEX actions_item_id ON actions (item_id);

CREATE VIRTUAL TABLE record_search USING fts5 (
  text,
  type UNINDEXED,
  document_id UNINDEXED,
  record_id UNINDEXED,
  tokenize = 'porter unicode61'
);

CREATE TABLE record_search_rows (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  search_rowid INTEGER NOT NULL,
  PRIMARY KEY (document_id, search_rowid)
) WITHOUT ROWID;
