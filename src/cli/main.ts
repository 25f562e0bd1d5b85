/**
 * The command line: argument handling and output only — the work is the library's.
 * Exit codes: 0 ok, 1 some input failed, 2 usage, 130 interrupted. Errors print as
 * "committee-minutes: CODE: message (place)", never as a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { MinutesDocument } from '../schema/minutes.js';
import { grammars } from '../grammar/builtin.js';
import { MinutesError } from '../errors.js';
import { errorRecord } from './errors.js';
import { CSV_HEADER, csvRows, markdown, OUTPUT_FORMATS, type OutputFormat } from './render.js';
import { runBatch } from './batch.js';

// The extraction library (compromise, pdfjs, mammoth …) loads only for the commands that extract: a batch's
// main thread only coordinates its workers and stays small.
const library = () => import('../index.js');
import exampleText from '../../corpus/seeds/s004.txt';
import packageJson from '../../package.json' with { type: 'json' };

const version = packageJson.version;
const DEFAULT_MAX_MB = 25;

const HELP: Record<string, string> = {
  main: `committee-minutes ${version} — turn committee minutes into validated, source-grounded JSON

Usage:
  committee-minutes extract FILE…|-        extract minutes from files (or stdin) to JSON / NDJSON / CSV / Markdown
  committee-minutes extract --ndjson -     stream: {"id","text"} lines in, one document line out per line
  committee-minutes batch IN… --out DIR    convert folders, globs and files; DIR/index.ndjson accounts for every input
  committee-minutes review FILE…|DIR --out DIR   HTML pages showing every record on the minutes it came from
  committee-minutes db FILE.sqlite IN…     load batch output folders, JSON or NDJSON into an archive database
  committee-minutes query FILE.sqlite [WORDS]    search the archive: records with their meeting and a snippet
  committee-minutes schema [--sql]         print the JSON Schema of the output (--sql: the database's tables)
  committee-minutes validate FILE…         check documents (JSON or NDJSON) against the schema
  committee-minutes grammars               list the built-in grammars
  committee-minutes train DIR… --out FILE  learn a model from folders of texts with gold (your house style)

Run "committee-minutes COMMAND --help" for a command's options.
`,
  extract: `Usage: committee-minutes extract FILE…|- [options]

Reads text, Markdown, HTML (ModernGov pages), ModernGov web-service XML, PDF (with a text layer) and Word
(.docx). One document prints as JSON, several as NDJSON (one per line).

Options:
  --format F       json | ndjson | csv | markdown  (csv: one row per action and per resolution)
  --from F         force the input format: text, markdown, html, moderngov-xml, pdf, docx
  --grammar G      a built-in grammar (${grammars.map((g) => g.id).join(', ')}) or a grammar JSON file
  --include-text   carry the text in source.text for text inputs too (always there for other formats)
  --ocr            read PDFs without a usable text layer (scans) by OCR: slow (seconds a page); records
                   are marked "ocr": true; needs the optional packages tesseract.js and @tesseract.js-data/eng
  --model FILE     a model written by "committee-minutes train" (default: the shipped model)
  --pretty         indent JSON
  --ndjson         with "-": read {"id","text"} lines from stdin, write {"id","document"} lines in order
  --example        run on the embedded example (a Surrey scrutiny board's minutes)
  --max-size MB    largest input read (default ${DEFAULT_MAX_MB})
`,
  batch: `Usage: committee-minutes batch IN… --out DIR [options]

Converts every file under the folders, globs and files given. Writes DIR/<path>.json per input (mirroring
the input tree) and DIR/index.ndjson with one line per input: path, sha256, status, error, record counts,
warnings, grammar, timings. A rerun skips inputs already converted by this version (--force redoes them).

Options:
  --out DIR        output folder (required)
  --jobs N         worker threads (default: the number of cores)
  --force          convert everything again
  --from F         force the input format
  --grammar G      a built-in grammar id or a grammar JSON file
  --include-text   carry source.text for text inputs too
  --ocr            read PDFs without a usable text layer by OCR (see extract --help)
  --model FILE     a model written by "committee-minutes train" (default: the shipped model)
  --max-size MB    largest input read (default ${DEFAULT_MAX_MB})
  --progress P     tty | plain | none (default: tty on a terminal, plain otherwise)
  --db FILE        also load every input into an SQLite archive database (created when absent; a rerun
                   replaces exactly the inputs whose bytes or library version changed; see "query")
`,
  db: `Usage: committee-minutes db FILE.sqlite IN…

Loads into an SQLite archive database (created when absent): batch output folders (their index.ndjson keeps
each input's path, sha256, status and library version), folders of MinutesDocument JSON files, and JSON or
NDJSON files (MinutesDocuments, or the {"id","document"} lines of "extract --ndjson"). Each input is loaded
in one transaction, replacing what the database held for it; an input already loaded from the same bytes is
skipped. Tables: inputs, documents, items, one per record type, action_owners, warnings, and the full-text
index record_search ("schema --sql" prints them).
`,
  query: `Usage: committee-minutes query FILE.sqlite [WORDS] [options]

Searches the records of an archive database (full text, with stemming: "delegate" finds "delegated"; every
word must occur; "a phrase" in double quotes, OR, NOT and prefix* work as in SQLite FTS5) and prints each
record found with its meeting date, committee, type, id, document and a snippet, in meeting order. Without
WORDS, lists the records the filters select.

Options:
  --type T         witnesses | declarations | discussionPoints | resolutions | recommendations | actions
  --owner X        actions with an owner (name or role) containing X
  --member X       declarations by a member whose name contains X
  --committee X    meetings of a committee whose name contains X
  --from DATE      meetings on or after DATE (YYYY-MM-DD)
  --to DATE        meetings on or before DATE
  --limit N        at most N records (default 100)
  --format F       table | json | csv (default table)
`,
  validate: `Usage: committee-minutes validate FILE…

Checks each MinutesDocument (a JSON file, or NDJSON with one per line) against the JSON Schema and prints
"FILE: valid" or each error with its line and JSON path. Exit 1 when any is invalid.
`,
  schema: `Usage: committee-minutes schema [--sql]

Prints the JSON Schema (draft 2020-12) of a MinutesDocument; with --sql, the SQLite schema of the archive
database that "batch --db" and "db" write (generated from the same source).
`,
  review: `Usage: committee-minutes review FILE…|DIR --out DIR

Writes one self-contained HTML page per document (no network: styles, script and data inline) showing the
minutes with every record highlighted where it came from, a panel of the records by type and item, filters,
warnings in place, a chart of records per item and the document's JSON to download; and, for several
documents, DIR/index.html with one sortable row each. Reads minutes files in any format, MinutesDocument JSON
files that carry source.text, or a batch output folder (run batch with --include-text).

Options:
  --from F         force the input format
  --grammar G      a built-in grammar id or a grammar JSON file
  --model FILE     a model written by "committee-minutes train" (default: the shipped model)
`,
  train: `Usage: committee-minutes train DIR… --out FILE [options]

Learns the model that decides what each piece of minutes text is (point, resolution, recommendation,
action, witness, declaration, or none) from folders of gold texts: NAME.txt with NAME.json beside it, in
the format of corpus/GUIDE.md (an optional sources.tsv of name<TAB>body keeps a body's texts together when
calibrating). The package's own sample minutes (corpus/seeds) are always included. Use the model with
"extract / batch / review --model FILE". The same folders give the same bytes.

To teach the library a house style, add a folder of your own corrected minutes to the gold you have — for
example, beside this project: ../shared/corpus/dev ../shared/corpus/train my-gold/

Options:
  --out FILE       where to write the model (required)
  --repeat N       count each text of the last folder N times (default 1): a few house-style texts
                   among many others weigh more
`,
  grammars: `Usage: committee-minutes grammars

Lists the built-in grammars with their rule counts.
`,
};

class UsageError extends Error {}

function fail(code: string, message: string, place?: string): never {
  process.stderr.write(`committee-minutes: ${code}: ${message}${place ? ` (${place})` : ''}\n`);
  process.exit(code === 'E_USAGE' ? 2 : 1);
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(args: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The options of every command that reads minutes files: how to read them, and with which grammar and model. */
const READING_OPTIONS = {
  from: { type: 'string' },
  grammar: { type: 'string' },
  model: { type: 'string' },
  'include-text': { type: 'boolean' },
  ocr: { type: 'boolean' },
  'max-size': { type: 'string' },
} as const;

function grammarOption(value: string | undefined): string | object | undefined {
  if (value === undefined || grammars.some((g) => g.id === value)) return value;
  if (/\.json$/i.test(value)) return readJsonOption(value, 'E_GRAMMAR_INVALID');
  return value; // an unknown id: extract() answers E_GRAMMAR_UNKNOWN with the list of ids
}

/** A JSON file named by an option: unreadable → its read error; not JSON → `invalidCode` (one line, with the place). */
function readJsonOption(path: string, invalidCode: string): object {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const e = errorRecord(error);
    fail(e.code, e.message, path);
  }
  try {
    return JSON.parse(text) as object;
  } catch (error) {
    fail(invalidCode, `not valid JSON: ${(error as Error).message}`, path);
  }
}

/** --model FILE: the model as parsed JSON (extract() checks it and answers E_MODEL_INVALID naming the field). */
function modelOption(value: string | undefined): object | undefined {
  return value === undefined ? undefined : readJsonOption(value, 'E_MODEL_INVALID');
}

function maxBytes(value: string | undefined): number {
  const mb = value === undefined ? DEFAULT_MAX_MB : Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError('--max-size takes a number of megabytes');
  return Math.round(mb * 1_000_000);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function write(documents: MinutesDocument[], format: OutputFormat, pretty: boolean): void {
  if (format === 'csv') {
    process.stdout.write(CSV_HEADER.join(',') + '\n');
    for (const d of documents) for (const row of csvRows(d)) process.stdout.write(row + '\n');
  } else if (format === 'markdown') {
    process.stdout.write(documents.map(markdown).join('\n---\n\n'));
  } else if (format === 'json') {
    process.stdout.write(JSON.stringify(documents.length === 1 ? documents[0] : documents, null, pretty ? 2 : undefined) + '\n');
  } else {
    for (const d of documents) process.stdout.write(JSON.stringify(d) + '\n');
  }
}

async function extractCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...READING_OPTIONS,
    example: { type: 'boolean' },
    pretty: { type: 'boolean' },
    format: { type: 'string' },
    ndjson: { type: 'boolean' },
  });
  if (values.help) return void process.stdout.write(HELP.extract), 0;
  const format = values.format as OutputFormat | undefined;
  if (format && !OUTPUT_FORMATS.includes(format)) throw new UsageError(`--format takes ${OUTPUT_FORMATS.join(', ')}`);
  const grammar = grammarOption(values.grammar as string | undefined);
  const model = modelOption(values.model as string | undefined);
  const limit = maxBytes(values['max-size'] as string | undefined);
  if (values.ndjson) {
    if (positionals.length !== 1 || positionals[0] !== '-') throw new UsageError('--ndjson reads stdin: use "extract --ndjson -"');
    return streamNdjson(grammar, model, limit);
  }
  const { extract, extractSource } = await library();
  if (values.example) {
    if (positionals.length) throw new UsageError('--example takes no FILE');
    write([extract(exampleText, { name: 'example:s004.txt', grammar: grammar as never, model })], format ?? 'json', Boolean(values.pretty));
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('extract takes FILE… or - (stdin); try extract --help');
  const documents: MinutesDocument[] = [];
  let failed = 0;
  for (const file of positionals) {
    try {
      let bytes: Buffer;
      if (file === '-') bytes = await readStdin();
      else {
        const info = statSync(file);
        if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
        if (info.size > limit) throw new MinutesError('E_INPUT_TOO_LARGE', `${(info.size / 1e6).toFixed(1)} MB is over the ${limit / 1e6} MB limit; raise --max-size or split the file`);
        bytes = readFileSync(file);
      }
      documents.push(...(await extractSource(bytes, { name: file === '-' ? 'stdin' : file, from: values.from as string | undefined, grammar: grammar as never, model, includeText: Boolean(values['include-text']), ocr: Boolean(values.ocr), maxChars: limit })));
    } catch (error) {
      const e = errorRecord(error);
      if (e.code === 'E_GRAMMAR_UNKNOWN' || e.code === 'E_GRAMMAR_INVALID' || e.code === 'E_MODEL_INVALID' || e.code === 'E_USAGE') fail(e.code, e.message, file);
      process.stderr.write(`committee-minutes: ${e.code}: ${e.message} (${file})\n`);
      failed++;
    }
  }
  if (documents.length) write(documents, format ?? (documents.length === 1 && positionals.length === 1 ? 'json' : 'ndjson'), Boolean(values.pretty));
  return failed ? 1 : 0;
}

/** {"id","text"} lines in, {"id","document"} or {"id","error"} lines out, in order, one at a time. */
async function streamNdjson(grammar: string | object | undefined, model: object | undefined, limit: number): Promise<number> {
  const { extract } = await library();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let failed = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let id: unknown = null;
    let out: string;
    try {
      const input = JSON.parse(line) as { id?: unknown; text?: unknown };
      id = input.id ?? null;
      if (typeof input.text !== 'string') throw new MinutesError('E_INPUT_TYPE', 'each line needs a "text" string');
      if (input.text.length > limit) throw new MinutesError('E_INPUT_TOO_LARGE', `the text is over the ${limit / 1e6} MB limit`);
      out = JSON.stringify({ id, document: extract(input.text, { name: typeof id === 'string' ? id : null, grammar: grammar as never, model: model as never }) });
    } catch (error) {
      failed++;
      const e = error instanceof SyntaxError ? { code: 'E_NDJSON', message: `line ${lineNumber} is not JSON: ${error.message}` } : errorRecord(error);
      out = JSON.stringify({ id, error: { ...e, line: lineNumber } });
    }
    // Respect back-pressure so that a slow reader never makes us buffer the stream.
    if (!process.stdout.write(out + '\n')) await new Promise((r) => process.stdout.once('drain', r));
  }
  return failed ? 1 : 0;
}

async function batchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...READING_OPTIONS,
    out: { type: 'string' },
    jobs: { type: 'string' },
    force: { type: 'boolean' },
    progress: { type: 'string' },
    db: { type: 'string' },
  });
  if (values.help) return void process.stdout.write(HELP.batch), 0;
  if (!values.out) throw new UsageError('batch needs --out DIR');
  if (positionals.length === 0) throw new UsageError('batch needs at least one input folder, glob or file');
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError('--jobs takes a whole number ≥ 1');
  const progress = (values.progress as string | undefined) ?? (process.stderr.isTTY ? 'tty' : 'plain');
  if (!['tty', 'plain', 'none'].includes(progress)) throw new UsageError('--progress takes tty, plain or none');
  const grammar = grammarOption(values.grammar as string | undefined);
  if (typeof grammar === 'string' && !grammars.some((g) => g.id === grammar)) fail('E_GRAMMAR_UNKNOWN', `unknown grammar "${grammar}"; the built-in grammars are: ${grammars.map((g) => g.id).join(', ')}`);
  if (grammar && typeof grammar === 'object') (await library()).extract('', { grammar: grammar as never }); // validate it once, up front
  // Workers load the model from its path (a model is too big to copy into every task); it is checked here
  // first, and its digest joins the version so that a rerun with another model converts everything again.
  const modelPath = values.model as string | undefined;
  const model = modelOption(modelPath);
  if (model) (await library()).extract('', { model: model as never });
  return runBatch(positionals, {
    model: modelPath,
    out: values.out as string,
    jobs,
    force: Boolean(values.force),
    from: values.from as string | undefined,
    grammar,
    includeText: Boolean(values['include-text']),
    ocr: Boolean(values.ocr),
    db: values.db as string | undefined,
    maxBytes: maxBytes(values['max-size'] as string | undefined),
    version: modelPath ? `${version}+model.${createHash('sha256').update(readFileSync(modelPath)).digest('hex').slice(0, 12)}` : version,
    progress: progress as 'tty' | 'plain' | 'none',
    log: (line) => process.stderr.write(line + '\n'),
  });
}

async function validateCommand(args: string[]): Promise<number> {
  const { validate } = await library();
  const { values, positionals } = parse(args, {});
  if (values.help) return void process.stdout.write(HELP.validate), 0;
  if (positionals.length === 0) throw new UsageError('validate takes FILE…');
  let invalid = 0;
  for (const file of positionals) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const e = errorRecord(error);
      process.stdout.write(`${file}: ${e.code}: ${e.message}\n`);
      invalid++;
      continue;
    }
    // A JSON document (or array), else NDJSON: one document per line.
    let documents: { value: unknown; line: number }[];
    try {
      const value = JSON.parse(text) as unknown;
      documents = (Array.isArray(value) ? value : [value]).map((v) => ({ value: v, line: 1 }));
    } catch (jsonError) {
      documents = [];
      const lines = text.split('\n');
      for (const [i, line] of lines.entries()) {
        if (!line.trim()) continue;
        try {
          documents.push({ value: JSON.parse(line), line: i + 1 });
        } catch {
          const where = /position (\d+)/.exec((jsonError as Error).message);
          process.stdout.write(`${file}:${i + 1}: E_JSON: not JSON${lines.length === 1 && where ? ` at column ${Number(where[1]) + 1}` : ''}\n`);
          invalid++;
          documents = [];
          break;
        }
      }
      if (!documents.length) continue;
    }
    for (const { value, line } of documents) {
      const result = validate(value);
      if (result.valid) process.stdout.write(`${file}${documents.length > 1 ? `:${line}` : ''}: valid\n`);
      else {
        invalid++;
        for (const e of result.errors) process.stdout.write(`${file}:${line}: ${e.path} ${e.message}\n`);
      }
    }
  }
  return invalid ? 1 : 0;
}

async function reviewCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, from: { type: 'string' }, grammar: { type: 'string' }, model: { type: 'string' } });
  if (values.help) return void process.stdout.write(HELP.review), 0;
  if (!values.out) throw new UsageError('review needs --out DIR');
  if (positionals.length === 0) throw new UsageError('review takes FILE… or a batch output folder');
  const { extractSource, validate } = await library();
  const { reviewPage, reviewIndex } = await import('../review/render-review.js');
  const { writeAtomic } = await import('./write-atomic.js');
  const out = values.out as string;
  const grammar = grammarOption(values.grammar as string | undefined);
  const model = modelOption(values.model as string | undefined);
  const rows: { file: string; name: string; document: MinutesDocument | null; error: string | null }[] = [];
  const used = new Set<string>();
  const pageName = (name: string) => {
    let base = name.replace(/^.*[\\/]/, '').replace(/[^\w.-]+/g, '-') || 'document';
    for (let n = 2; used.has(base); n++) base = `${base.replace(/~\d+$/, '')}~${n}`;
    used.add(base);
    return `${base}.html`;
  };
  const add = async (name: string, document: MinutesDocument) => {
    if (document.source.text === undefined) {
      rows.push({ file: '', name, document: null, error: 'the document does not carry its text (source.text): extract or batch it with --include-text' });
      return;
    }
    const file = pageName(document.source.part ? `${name}-${document.source.part}` : name);
    await writeAtomic(join(out, file), reviewPage(document, document.source.text));
    rows.push({ file, name, document, error: null });
  };
  // Inputs: minutes files, JSON documents, or batch output folders (their index.ndjson lists the documents).
  const inputs: string[] = [];
  for (const p of positionals) {
    if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) {
      const index = join(p, 'index.ndjson');
      if (!statSync(index, { throwIfNoEntry: false })) fail('E_USAGE', 'a folder given to review must be a batch output folder (with index.ndjson)', p);
      for (const line of readFileSync(index, 'utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { path: string; outputs: string[]; error: { code: string; message: string } | null };
        if (entry.error) rows.push({ file: '', name: entry.path, document: null, error: `${entry.error.code}: ${entry.error.message}` });
        for (const o of entry.outputs) inputs.push(join(p, o));
      }
    } else inputs.push(p);
  }
  let failed = 0;
  for (const input of inputs) {
    try {
      const bytes = readFileSync(input);
      if (/\.json$/i.test(input)) {
        const value = JSON.parse(bytes.toString('utf8')) as MinutesDocument;
        if (!validate(value).valid) throw new MinutesError('E_OUTPUT_INVALID', 'not a valid MinutesDocument');
        await add(value.source.name ?? input, value);
      } else {
        for (const document of await extractSource(bytes, { name: input, from: values.from as string | undefined, grammar: grammar as never, model: model as never, includeText: true })) await add(input, document);
      }
    } catch (error) {
      const e = errorRecord(error);
      rows.push({ file: '', name: input, document: null, error: `${e.code}: ${e.message}` });
      process.stderr.write(`committee-minutes: ${e.code}: ${e.message} (${input})\n`);
      failed++;
    }
  }
  if (rows.length > 1) await writeAtomic(join(out, 'index.html'), reviewIndex(rows));
  const pages = rows.filter((r) => r.file).length;
  process.stderr.write(`committee-minutes review: ${pages} page${pages === 1 ? '' : 's'} written to ${out}${rows.length > 1 ? ` (index: ${join(out, 'index.html')})` : ''}\n`);
  return failed || rows.some((r) => r.error) ? 1 : 0;
}

async function dbCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (values.help) return void process.stdout.write(HELP.db), 0;
  if (positionals.length < 2) throw new UsageError('db takes FILE.sqlite and at least one output folder, JSON or NDJSON file');
  const [file, ...inputs] = positionals;
  const { loadIntoDb } = await import('./db-commands.js');
  const result = await loadIntoDb(file, inputs, (line) => process.stderr.write(line + '\n'));
  process.stderr.write(`committee-minutes db: ${result.loaded} inputs loaded, ${result.current} already current, ${result.failed} failed (${file})\n`);
  return result.failed ? 1 : 0;
}

async function queryCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    type: { type: 'string' },
    owner: { type: 'string' },
    member: { type: 'string' },
    committee: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    limit: { type: 'string' },
    format: { type: 'string' },
  });
  if (values.help) return void process.stdout.write(HELP.query), 0;
  if (positionals.length < 1) throw new UsageError('query takes FILE.sqlite and, optionally, the words to find');
  const [file, ...words] = positionals;
  const { formatHits, runQuery, QUERY_FORMATS } = await import('./db-commands.js');
  const format = (values.format as string | undefined) ?? 'table';
  if (!(QUERY_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes ${QUERY_FORMATS.join(', ')}`);
  for (const key of ['from', 'to'] as const) if (values[key] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values[key] as string)) throw new UsageError(`--${key} takes a date as YYYY-MM-DD`);
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number ≥ 1');
  const hits = runQuery(file, words.length ? words.join(' ') : null, {
    type: values.type as string | undefined,
    owner: values.owner as string | undefined,
    member: values.member as string | undefined,
    committee: values.committee as string | undefined,
    from: values.from as string | undefined,
    to: values.to as string | undefined,
    limit,
  });
  process.stdout.write(formatHits(hits, format as 'table' | 'json' | 'csv', process.stdout.columns || 160));
  return 0;
}

async function trainCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, repeat: { type: 'string' } });
  if (values.help) return void process.stdout.write(HELP.train), 0;
  if (!values.out) throw new UsageError('train needs --out FILE');
  if (positionals.length === 0) throw new UsageError('train takes one or more folders of NAME.txt + NAME.json gold texts');
  const repeat = values.repeat === undefined ? 1 : Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 50) throw new UsageError('--repeat takes a whole number from 1 to 50');
  const { trainFromFolders } = await import('../model/train-folders.js');
  const { writeAtomic } = await import('./write-atomic.js');
  const seeds = new URL('../corpus/seeds/', import.meta.url).pathname;
  const result = trainFromFolders([seeds, ...positionals], { repeatLast: repeat, log: (line) => process.stderr.write(line + '\n') });
  await writeAtomic(values.out as string, result.text);
  process.stderr.write(`committee-minutes train: ${result.texts} texts from ${positionals.length + 1} folders; model written to ${values.out}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(HELP.main);
      return 0;
    case '--version':
    case '-v':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'extract':
      return extractCommand(rest);
    case 'batch':
      return batchCommand(rest);
    case 'validate':
      return validateCommand(rest);
    case 'review':
      return reviewCommand(rest);
    case 'schema':
      if (rest.includes('--help')) return void process.stdout.write(HELP.schema), 0;
      if (rest.includes('--sql')) process.stdout.write((await import('../db/sql-schema.js')).schemaSql());
      else process.stdout.write(JSON.stringify((await import('../schema/minutes.js')).minutesJsonSchema(), null, 2) + '\n');
      return 0;
    case 'db':
      return dbCommand(rest);
    case 'query':
      return queryCommand(rest);
    case 'train':
      return trainCommand(rest);
    case 'grammars':
      if (rest.includes('--help')) return void process.stdout.write(HELP.grammars), 0;
      for (const g of grammars) process.stdout.write(`${g.id.padEnd(10)} ${String(g.rules).padStart(3)} rules  ${g.name}${g.extends.length ? ` (extends ${g.extends.join(', ')})` : ''}\n`);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"; try --help`);
  }
}

// A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) fail('E_USAGE', error.message);
    const e = errorRecord(error);
    if (e.code !== 'E_INTERNAL') fail(e.code, e.message);
    // Anything else is our bug: say so plainly, with no stack trace unless asked for.
    fail('E_INTERNAL', `${e.message}${process.env.DEBUG ? `\n${(error as Error).stack}` : ''}`);
  },
);
