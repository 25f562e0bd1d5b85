/**
 * `committee-minutes batch IN… --out DIR`: converts a whole archive.
 *
 * - Inputs: files, folders (walked, sorted) and globs; each output mirrors the input's path under DIR.
 * - Workers: `--jobs N` worker threads (default: the machine's cores); a crashed worker's input is an
 *   error line and the worker is replaced.
 * - Nothing lost: every input ends as an output or an error line in DIR/index.ndjson. Each finished input is
 *   appended at once to DIR/.index.journal.ndjson, so a killed run loses nothing it finished; the index is
 *   rewritten atomically (sorted by path) at the end, and on Ctrl-C after the inputs in flight finish.
 * - Resume: an input whose sha256 and library version match a finished output is skipped (`--force` redoes).
 * - `--db FILE`: each finished input is loaded into an archive database (src/db) in one transaction, after its
 *   journal line; at the end every input of the index is checked against the database and loaded where it is
 *   missing or stale, so the database and the batch's resume always agree, even after a killed run.
 */
import { existsSync, readFileSync, statSync, readdirSync, appendFileSync, unlinkSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createHash } from 'node:crypto';
import { basename, join, relative, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { glob } from 'tinyglobby';
import type { Task } from './convert-one.js';
import { emptyEntry, type IndexEntry } from './index-entry.js';
import { writeAtomic } from './write-atomic.js';
import { Archive } from '../db/archive.js';
import { loadEntry } from '../db/load-outputs.js';

export interface BatchOptions {
  out: string;
  jobs?: number;
  force?: boolean;
  grammar?: string | object;
  model?: string;
  from?: string;
  includeText?: boolean;
  ocr?: boolean;
  /** An archive database to load every input into (created when absent). */
  db?: string;
  maxBytes: number;
  version: string;
  /** Where progress goes; `tty` redraws one line, `plain` prints a line every few seconds. */
  progress: 'tty' | 'plain' | 'none';
  log: (line: string) => void;
}

interface Planned {
  task: Task;
  previous: IndexEntry | null;
}

const GLOB_CHARS = /[*?[\]{}]/;
/** Heap of a batch worker, and of the worker that retries an input that ran out of it. */
const WORKER_HEAP_MB = 128;
const BIG_HEAP_MB = 4096;
const INDEX = 'index.ndjson';
const JOURNAL = '.index.journal.ndjson';

/** Files to convert, with the path each output mirrors; missing inputs come back as error lines. */
async function collect(inputs: string[], out: string): Promise<{ tasks: { path: string; rel: string }[]; missing: IndexEntry[] }> {
  const outDir = resolve(out);
  const found: { path: string; rel: string }[] = [];
  const missing: IndexEntry[] = [];
  const walk = (dir: string, root: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (resolve(path) === outDir) continue; // never read our own output
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        // a broken link or a file that vanished: let the worker report it
      }
      if (isDir) walk(path, root);
      else found.push({ path, rel: relative(root, path) });
    }
  };
  for (const input of inputs) {
    if (GLOB_CHARS.test(input)) {
      const base = input.split(/[\\/]/).filter((part, i, parts) => !GLOB_CHARS.test(parts.slice(0, i + 1).join('/'))).join('/') || '.';
      for (const path of (await glob(input, { onlyFiles: false, dot: false })).sort()) {
        if (resolve(path).startsWith(outDir + sep)) continue;
        found.push({ path, rel: relative(base, path) || basename(path) });
      }
      continue;
    }
    let info;
    try {
      info = statSync(input);
    } catch {
      missing.push(errorEntry(input, { code: 'E_NOT_FOUND', message: 'no such file or folder' }));
      continue;
    }
    if (info.isDirectory()) walk(input, input);
    else found.push({ path: input, rel: basename(input) });
  }
  // Two inputs that would write the same output keep apart with a suffix.
  const seen = new Map<string, number>();
  for (const f of found) {
    const n = seen.get(f.rel) ?? 0;
    seen.set(f.rel, n + 1);
    if (n > 0) f.rel = `${f.rel}~${n + 1}`;
  }
  return { tasks: found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0)), missing };
}

const errorEntry = (path: string, error: { code: string; message: string }, version = ''): IndexEntry => emptyEntry(path, version, error);

/** Finished entries of earlier runs: the last index, then the journal of a run that did not finish. */
function previousEntries(out: string): Map<string, IndexEntry> {
  const entries = new Map<string, IndexEntry>();
  for (const file of [INDEX, JOURNAL]) {
    const path = join(out, file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as IndexEntry;
        entries.set(entry.path, entry);
      } catch {
        // the last line of a killed run's journal may be cut: that input is simply done again
      }
    }
  }
  return entries;
}

export async function runBatch(inputs: string[], options: BatchOptions): Promise<number> {
  const started = performance.now();
  mkdirSync(options.out, { recursive: true });
  // Opened first, so that a database that cannot be used stops the batch before any work.
  const archive = options.db ? Archive.open(options.db) : null;
  const { tasks, missing } = await collect(inputs, options.out);
  const previous = options.force ? new Map<string, IndexEntry>() : previousEntries(options.out);
  const planned: Planned[] = tasks.map(({ path, rel }) => ({
    task: { path, rel, outDir: options.out, grammar: options.grammar, model: options.model, from: options.from, includeText: options.includeText, ocr: options.ocr, maxBytes: options.maxBytes, version: options.version },
    previous: previous.get(rel) ?? null,
  }));
  const done = new Map<string, IndexEntry>();
  for (const m of missing) done.set(m.path, { ...m, version: options.version });
  const journal = join(options.out, JOURNAL);
  let skipped = 0;

  // Skip inputs whose finished output matches (same bytes, same library version, outputs present).
  const queue: Planned[] = [];
  for (const p of planned) {
    const prev = p.previous;
    if (prev && prev.status === 'ok' && prev.version === options.version && prev.outputs.every((o) => existsSync(join(options.out, o))) && prev.sha256 === sha256Of(p.task.path)) {
      done.set(p.task.rel, prev);
      skipped++;
    } else queue.push(p);
  }

  const total = planned.length + missing.length;
  // Counted as inputs finish, not recounted on every progress tick.
  let errors = [...done.values()].filter((e) => e.status === 'error').length;
  const progress = makeProgress(options, total, () => done.size, () => errors);
  let stopping = false;
  let forced = false;
  const onSignal = () => {
    if (stopping) {
      forced = true;
      options.log('\ncommittee-minutes: stopping now; inputs in flight are not recorded');
      for (const w of workers) void w.worker.terminate();
      return;
    }
    stopping = true;
    options.log('\ncommittee-minutes: stopping after the inputs in flight (Ctrl-C again to stop at once)');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const record = (entry: IndexEntry) => {
    if (entry.status === 'error') errors++;
    done.set(entry.path, entry);
    appendFileSync(journal, JSON.stringify(entry) + '\n');
    if (archive) loadSafely(archive, entry, options);
    progress.tick(entry.bytes ?? 0);
  };

  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), queue.length || 1));
  const workerUrl = new URL('./batch-worker.js', import.meta.url);
  interface Slot {
    worker: Worker;
    current: Planned | null;
    /** A worker with a large heap, for an input that ran a normal worker out of memory. */
    big: boolean;
  }
  const workers: Slot[] = [];
  // Inputs whose worker died: each is tried once more, alone, in a worker with a large heap.
  const retries: Planned[] = [];
  const retried = new Set<Planned>();
  await new Promise<void>((finish) => {
    let next = 0;
    let active = 0;
    const dispatch = (slot: Slot) => {
      const p = slot.big ? retries.shift() : stopping || next >= queue.length ? undefined : queue[next++];
      if (!p) {
        slot.current = null;
        if (slot.big) void slot.worker.terminate();
        if (active === 0) finish();
        return;
      }
      slot.current = p;
      active++;
      slot.worker.postMessage({ id: next, task: p.task });
    };
    const spawn = (big = false): Slot => {
      // A capped heap makes V8 collect garbage early, so memory stays flat over a long archive.
      const resourceLimits = big ? { maxOldGenerationSizeMb: BIG_HEAP_MB } : { maxOldGenerationSizeMb: WORKER_HEAP_MB };
      const slot: Slot = { worker: new Worker(workerUrl, { resourceLimits }), current: null, big };
      slot.worker.on('message', ({ entry }: { entry: IndexEntry }) => {
        active--;
        record(entry);
        dispatch(slot);
      });
      slot.worker.on('error', () => undefined);
      slot.worker.on('exit', () => {
        if (forced) {
          active = Math.max(0, active - (slot.current ? 1 : 0));
          slot.current = null;
          if (workers.every((w) => w.current === null)) finish();
          return;
        }
        if (!slot.current) return;
        const failed = slot.current;
        slot.current = null;
        active--;
        if (!retried.has(failed) && !slot.big) {
          // Perhaps it needed more memory than a worker is given: try it once more, alone, with a large heap.
          retried.add(failed);
          retries.push(failed);
          const big = spawn(true);
          workers.push(big);
          dispatch(big);
        } else {
          // The worker died on this input again (out of memory, a native crash): an error line, and work goes on.
          record(errorEntry(failed.task.rel, { code: 'E_WORKER_CRASH', message: 'the worker converting this file stopped unexpectedly (it may need more memory than the machine has)' }, options.version));
        }
        if (!slot.big) {
          const replacement = spawn();
          workers[workers.indexOf(slot)] = replacement;
          dispatch(replacement);
        } else if (active === 0 && retries.length === 0 && (stopping || next >= queue.length)) finish();
      });
      return slot;
    };
    if (queue.length === 0) return finish();
    for (let i = 0; i < jobs; i++) workers.push(spawn());
    for (const slot of workers) dispatch(slot);
  });
  await Promise.all(workers.map((w) => w.worker.terminate()));
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  progress.end();

  // An input that failed this time must not keep an output from an earlier run.
  for (const entry of done.values()) {
    if (entry.status !== 'error') continue;
    const stale = join(options.out, `${entry.path}.json`);
    if (existsSync(stale)) rmSync(stale);
  }
  const lines = [...done.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((e) => JSON.stringify(e));
  await writeAtomic(join(options.out, INDEX), lines.join('\n') + (lines.length ? '\n' : ''));
  if (existsSync(journal)) unlinkSync(journal);

  if (archive) {
    // Inputs skipped as unchanged, or finished by a killed run that did not load them, are loaded now.
    let loaded = 0;
    for (const entry of done.values()) if (loadSafely(archive, entry, options) === 'loaded') loaded++;
    const counts = archive.counts();
    archive.close();
    options.log(`  database: ${options.db} · ${counts.documents} documents from ${counts.inputs} inputs${loaded ? ` (${loaded} loaded at the end)` : ''}`);
  }
  const notStarted = total - done.size;
  summarise(options, [...done.values()], skipped, notStarted, performance.now() - started);
  if (stopping || forced) return 130;
  return [...done.values()].some((e) => e.status === 'error') ? 1 : 0;
}

/** Loads an input into the database; a failure (a disk full, an output removed by hand) is said, and the batch goes on. */
function loadSafely(archive: Archive, entry: IndexEntry, options: BatchOptions): 'loaded' | 'current' | 'failed' {
  try {
    return loadEntry(archive, entry, options.out);
  } catch (error) {
    options.log(`\ncommittee-minutes: E_DB_LOAD: ${entry.path} was not loaded into ${options.db}: ${(error as Error).message}`);
    return 'failed';
  }
}

function sha256Of(path: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
}

function summarise(options: BatchOptions, entries: IndexEntry[], skipped: number, notStarted: number, ms: number): void {
  const failed = entries.filter((e) => e.status === 'error');
  const byCode = new Map<string, number>();
  for (const e of failed) byCode.set(e.error!.code, (byCode.get(e.error!.code) ?? 0) + 1);
  const records = new Map<string, number>();
  for (const e of entries) for (const [type, n] of Object.entries(e.records)) records.set(type, (records.get(type) ?? 0) + n);
  const converted = entries.length - failed.length - skipped;
  options.log(`committee-minutes batch: ${converted} converted, ${skipped} skipped (unchanged), ${failed.length} failed${notStarted ? `, ${notStarted} not started (interrupted)` : ''} in ${(ms / 1000).toFixed(1)} s`);
  if (byCode.size) options.log(`  failed by code: ${[...byCode].sort().map(([c, n]) => `${c} ${n}`).join(', ')}`);
  if (records.size) options.log(`  records: ${[...records].map(([t, n]) => `${t} ${n}`).join(', ')}`);
  options.log(`  index: ${join(options.out, INDEX)} · peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

function makeProgress(options: BatchOptions, total: number, doneCount: () => number, errorCount: () => number) {
  const t0 = performance.now();
  let bytes = 0;
  let lastPlain = 0;
  const line = () => {
    const done = doneCount();
    const seconds = (performance.now() - t0) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (total - done) / rate : 0;
    return `${done}/${total} files · ${(bytes / 1e6).toFixed(1)} MB · ${rate.toFixed(1)} files/s · ETA ${Math.ceil(eta)} s · ${errorCount()} errors`;
  };
  return {
    tick(size: number) {
      bytes += size;
      if (options.progress === 'tty') {
        const done = doneCount();
        const width = 24;
        const filled = Math.round((done / Math.max(total, 1)) * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line()}\u001b[K`);
      } else if (options.progress === 'plain' && performance.now() - lastPlain > 2000) {
        lastPlain = performance.now();
        options.log(`batch: ${line()}`);
      }
    },
    end() {
      if (options.progress === 'tty') process.stderr.write('\n');
      else if (options.progress === 'plain') options.log(`batch: ${line()}`);
    },
  };
}
