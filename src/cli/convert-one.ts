/**
 * One batch input → its output file(s) and its index line. Runs in a worker thread. Outputs are written
 * atomically (a temporary file, then rename), so an interrupted run never leaves half a file.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './write-atomic.js';
import { emptyEntry, type IndexEntry } from './index-entry.js';

export type { IndexEntry } from './index-entry.js';
import { extractSource } from '../extract-source.js';
import { errorRecord } from './errors.js';
import { recordCounts } from './render.js';

export interface Task {
  /** Path to read. */
  path: string;
  /** Path relative to the input root: the output mirrors it. */
  rel: string;
  outDir: string;
  grammar?: string | object;
  /** Path of a model file (each worker reads and keeps it once). */
  model?: string;
  from?: string;
  includeText?: boolean;
  ocr?: boolean;
  maxBytes: number;
  version: string;
}



const models = new Map<string, object>();
/** The model file at `path`, read once per worker (batch checked it before starting). */
function modelAt(path: string): object {
  let model = models.get(path);
  if (!model) {
    model = JSON.parse(readFileSync(path, 'utf8')) as object;
    models.set(path, model);
  }
  return model;
}

export async function convertOne(task: Task): Promise<IndexEntry> {
  const entry = emptyEntry(task.rel, task.version);
  const t0 = performance.now();
  try {
    const info = await stat(task.path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > task.maxBytes) {
      entry.bytes = info.size;
      entry.error = { code: 'E_INPUT_TOO_LARGE', message: `${(info.size / 1e6).toFixed(1)} MB is over the ${(task.maxBytes / 1e6).toFixed(0)} MB limit; raise --max-size or split the file` };
      return entry;
    }
    const bytes = await readFile(task.path);
    entry.bytes = bytes.length;
    entry.sha256 = createHash('sha256').update(bytes).digest('hex');
    const t1 = performance.now();
    entry.timings.readMs = round(t1 - t0);
    const documents = await extractSource(bytes, { name: task.rel, from: task.from, grammar: task.grammar as never, model: task.model ? modelAt(task.model) : undefined, includeText: task.includeText, ocr: task.ocr, maxChars: task.maxBytes });
    const t2 = performance.now();
    entry.timings.extractMs = round(t2 - t1);
    const outputs = documents.map((d, i) => (documents.length === 1 ? `${task.rel}.json` : `${task.rel}.${(d.source.part ?? `part ${i + 1}`).replace(/[^\w.-]+/g, '-')}.json`));
    for (const [i, document] of documents.entries()) await writeAtomic(join(task.outDir, outputs[i]), JSON.stringify(document, null, 2) + '\n');
    entry.timings.writeMs = round(performance.now() - t2);
    entry.outputs = outputs;
    entry.status = 'ok';
    entry.documents = documents.length;
    entry.format = documents[0]?.source.format ?? null;
    entry.grammar = documents[0]?.grammar ?? null;
    entry.warnings = documents.reduce((n, d) => n + d.warnings.length, 0);
    for (const d of documents) for (const [type, n] of Object.entries(recordCounts(d))) entry.records[type] = (entry.records[type] ?? 0) + n;
    return entry;
  } catch (error) {
    entry.error = errorRecord(error);
    return entry;
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
