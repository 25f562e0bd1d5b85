/**
 * extract(text, options) → MinutesDocument: synchronous, pure and deterministic (same input, same output).
 * Messy text never throws — it gives a document with warnings. Only bad *arguments* throw a MinutesError
 * (a non-string input, an input over `maxChars`, an unknown or invalid grammar).
 */
import type { MinutesDocument } from './schema/minutes.js';
import type { Grammar } from './grammar/compile.js';
import { builtinGrammar, detectGrammar, userGrammar } from './grammar/builtin.js';
import type { GrammarInput } from './schema/grammar.js';
import { runPipeline, type StageName } from './pipeline.js';
import { finishDocument } from './stages/finish-document.js';
import { validate } from './validate.js';
import { MinutesError } from './errors.js';
import { builtinModel, resolveModel } from './model/builtin-model.js';
import type { Model } from './model/model.js';
import { nonEnglishLanguage } from './text/language.js';

export interface ExtractOptions {
  /** A built-in grammar id, or a grammar object (validated). Default: detected from the text. */
  grammar?: string | GrammarInput | Record<string, unknown>;
  /**
   * The learned model that decides what each piece of text is: a model object (as `committee-minutes train`
   * writes it), or null for the rules' drafts alone. Default: the model shipped in grammars/model.json.
   */
  model?: Model | object | null;
  /** Name of the source (a file name), copied to `source.name`. */
  name?: string | null;
  /** Format the text was extracted from. Default "text". */
  format?: MinutesDocument['source']['format'];
  /** Largest input accepted, in UTF-16 code units. Default 50,000,000. */
  maxChars?: number;
  /** Filled with milliseconds per stage when given (for the benchmark). */
  timings?: Partial<Record<StageName | 'finish' | 'validate', number>>;
}

export const DEFAULT_MAX_CHARS = 50_000_000;

function resolveGrammar(option: ExtractOptions['grammar']): ((text: string) => Grammar) {
  if (option === undefined) return detectGrammar;
  const grammar = typeof option === 'string' ? builtinGrammar(option) : userGrammar(option);
  return () => grammar;
}

export function extract(text: string, options: ExtractOptions = {}): MinutesDocument {
  if (typeof text !== 'string') {
    throw new MinutesError('E_INPUT_TYPE', `extract() takes the minutes as a string, not ${text === null ? 'null' : typeof text}`);
  }
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) {
    throw new MinutesError('E_INPUT_TOO_LARGE', `the input has ${text.length} characters, over the limit of ${maxChars}; raise options.maxChars or split the file`, {
      chars: text.length,
      maxChars,
    });
  }
  const chooseGrammar = resolveGrammar(options.grammar);
  // Binary junk decoded as text gives no records, only a warning: there are no minutes to read in it.
  const binary = looksBinary(text);
  // A document in another language gives no records either: read as English it would give nonsense.
  const language = binary ? null : nonEnglishLanguage(text);
  const model = options.model === undefined ? builtinModel() : options.model === null ? null : resolveModel(options.model);
  const ctx = runPipeline(binary || language ? '' : text, chooseGrammar, model, options.timings);
  if (binary) {
    ctx.input = text;
    ctx.drafts.warnings.push({ code: 'W_NOT_TEXT', message: 'The input looks like binary data, not text (many control or undecodable characters); no records were read.', span: null });
  } else if (language) {
    ctx.input = text;
    ctx.drafts.warnings.push({
      code: 'W_LANGUAGE',
      message: `The text is in ${language.name} (${language.code}), not English; the library reads English minutes, so no records were read.`,
      span: null,
    });
  }
  const t0 = performance.now();
  const document = finishDocument(ctx, { name: options.name ?? null, format: options.format ?? 'text' });
  if (!binary && !language && !document.items.length && !document.discussionPoints.length && !document.resolutions.length && !document.witnesses.length) {
    document.warnings.push({ code: 'W_NO_MINUTES', message: 'No minutes markers or records were found: is this text committee minutes?', span: null, line: null, column: null });
  }
  const t1 = performance.now();
  // Every document is checked against the published JSON Schema (generated from the zod source, and kept in
  // sync by a test), as other tools will check it.
  const checked = validate(document);
  if (!checked.valid) {
    throw new MinutesError('E_OUTPUT_INVALID', `internal error: the document does not match the schema (${checked.errors[0]?.path} ${checked.errors[0]?.message}); please report this input`);
  }
  if (options.timings) {
    options.timings.finish = (options.timings.finish ?? 0) + t1 - t0;
    options.timings.validate = (options.timings.validate ?? 0) + performance.now() - t1;
  }
  return document;
}

/** More than one character in ten a control character or U+FFFD (an undecodable byte): not text. */
function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  // eslint-disable-next-line no-control-regex
  const junk = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return junk / sample.length > 0.1;
}
