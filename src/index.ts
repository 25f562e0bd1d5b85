/**
 * committee-minutes — the public API. Explicit named exports only; test/api.test.ts asserts this list.
 */
export { extract, DEFAULT_MAX_CHARS, type ExtractOptions } from './extract.js';
export { validate, type ValidationResult, type ValidationError } from './validate.js';
export { extractSource, type ExtractSourceOptions } from './extract-source.js';
export { readSource, type ReadOptions } from './inputs/read-source.js';
export { InputError, type SourceText, type InputFormat } from './inputs/types.js';
export { grammars, detectGrammar, builtinGrammar } from './grammar/builtin.js';
export { MinutesError, type MinutesErrorCode } from './errors.js';
export {
  MinutesDocumentSchema,
  SpanSchema,
  SourceSchema,
  MeetingSchema,
  ItemSchema,
  WitnessSchema,
  DeclarationSchema,
  DiscussionPointSchema,
  ResolutionSchema,
  RecommendationSchema,
  ActionSchema,
  OwnerSchema,
  WarningSchema,
  AttendanceSchema,
  VoteSchema,
  type MinutesDocument,
  type Span,
  type Source,
  type Meeting,
  type Item,
  type Witness,
  type Declaration,
  type DiscussionPoint,
  type Resolution,
  type Recommendation,
  type Action,
  type Owner,
  type Warning,
  type Attendance,
  type Vote,
} from './schema/minutes.js';
export { GrammarSchema, RuleSchema, GazetteerSchema, type GrammarInput, type Rule, type RuleKind } from './schema/grammar.js';
// The archive database (SQLite): needs the optional dependency better-sqlite3, loaded only when called.
export { Archive, toSqlite, type ArchiveInput, type ArchiveCounts } from './db/archive.js';
export { searchArchive, type SearchFilters, type SearchHit } from './db/search.js';
export { schemaSql } from './db/sql-schema.js';
