/**
 * Errors the library throws on bad *arguments* (an unknown grammar, an invalid grammar object, an input over
 * the size limit). Messy *text* never throws: it becomes a warning on the document.
 * Errors are data — a stable `code`, a message that says what to do, and details — like zod's issues.
 */
export type MinutesErrorCode =
  | 'E_GRAMMAR_INVALID'
  | 'E_GRAMMAR_UNKNOWN'
  | 'E_GRAMMAR_UNSAFE'
  | 'E_MODEL_INVALID'
  | 'E_TRAIN_NO_GOLD'
  | 'E_INPUT_TYPE'
  | 'E_INPUT_TOO_LARGE'
  | 'E_OUTPUT_INVALID'
  | 'E_SQLITE_UNAVAILABLE'
  | 'E_DB_OPEN'
  | 'E_DB_SCHEMA'
  | 'E_QUERY';

export class MinutesError extends Error {
  readonly code: MinutesErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: MinutesErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'MinutesError';
    this.code = code;
    this.details = details;
  }
}
