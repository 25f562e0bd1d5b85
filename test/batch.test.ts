/**
 * `committee-minutes batch` over a whole archive, built at test time: the corpus texts (seeds, and ../shared's dev texts when present) in 8 forms each
 * (text, CRLF text, Windows-1252 text, Markdown, HTML page, Word, PDF, ModernGov XML) = 8 inputs per text, plus
 * broken ones. Every input must be accounted for in index.ndjson; a run killed with SIGKILL and run again
 * must give outputs byte-identical to an uninterrupted run, and (with --db) an archive database with the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readCorpus } from '../scripts/corpus.js';
import { toDocx, toHtmlPage, toModernGovXml, toPdf } from './support/render.js';
import { encryptedPdf, junkBytes, scannedPdf, windows1252 } from './support/broken.js';
import { canonicalDump, openReadonly } from './support/db.js';

const root = new URL('../', import.meta.url).pathname;
const cli = `${root}dist/cli.js`;
const corpus = [...readCorpus('seeds'), ...readCorpus('dev')];
let dir: string;
let inputs: string;
let broken: string;

const BROKEN: Record<string, string> = {
  'empty.txt': 'E_EMPTY',
  'junk.txt': 'E_BINARY',
  'cut.pdf': 'E_PDF_INVALID',
  'locked.pdf': 'E_PDF_ENCRYPTED',
  'scan.pdf': 'E_NO_TEXT_LAYER',
  'broken.docx': 'E_DOCX_INVALID',
  'bad.xml': 'E_XML_INVALID',
  'other.xml': 'E_XML_NOT_MODERNGOV',
  'old.doc': 'E_UNSUPPORTED_FORMAT',
  'huge.txt': 'E_INPUT_TOO_LARGE',
  'folder.txt': 'E_IS_DIRECTORY',
  'zz-vanish.txt': 'E_NOT_FOUND',
};

const runBatch = (out: string, extra: string[] = []) =>
  spawnSync(process.execPath, [cli, 'batch', inputs, `${broken}/*`, '--out', out, '--jobs', '2', '--progress', 'none', ...extra], { encoding: 'utf8' });
const index = (out: string) =>
  readFileSync(join(out, 'index.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const outputs = (out: string): Map<string, string> => {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) files.set(relative(out, path), readFileSync(path, 'utf8'));
    }
  };
  walk(out);
  return files;
};
const withoutTimings = (entries: { timings: unknown }[]) => entries.map((e) => JSON.stringify({ ...e, timings: null }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cm-batch-'));
  inputs = join(dir, 'archive');
  broken = join(dir, 'broken');
  for (const sub of ['txt', 'crlf', 'cp1252', 'md', 'html', 'docx', 'pdf', 'xml']) mkdirSync(join(inputs, sub), { recursive: true });
  mkdirSync(broken);
  for (const t of corpus) {
    writeFileSync(join(inputs, 'txt', `${t.name}.txt`), t.text);
    writeFileSync(join(inputs, 'crlf', `${t.name}.txt`), t.text.replace(/\r?\n/g, '\r\n'));
    writeFileSync(join(inputs, 'cp1252', `${t.name}.txt`), windows1252(t.text));
    writeFileSync(join(inputs, 'md', `${t.name}.md`), t.text);
    writeFileSync(join(inputs, 'html', `${t.name}.html`), toHtmlPage(t.text));
    writeFileSync(join(inputs, 'docx', `${t.name}.docx`), await toDocx(t.text));
    writeFileSync(join(inputs, 'pdf', `${t.name}.pdf`), await toPdf(t.text));
    writeFileSync(join(inputs, 'xml', `${t.name}.xml`), toModernGovXml(t.text, t.name));
  }
  writeFileSync(join(broken, 'empty.txt'), '');
  writeFileSync(join(broken, 'junk.txt'), junkBytes(5000));
  writeFileSync(join(broken, 'cut.pdf'), (await toPdf(corpus[0].text)).slice(0, 400));
  writeFileSync(join(broken, 'locked.pdf'), encryptedPdf());
  writeFileSync(join(broken, 'scan.pdf'), await scannedPdf());
  writeFileSync(join(broken, 'broken.docx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), junkBytes(800, 3)]));
  writeFileSync(join(broken, 'bad.xml'), '<?xml version="1.0"?><meeting><agendaitems>');
  writeFileSync(join(broken, 'other.xml'), '<?xml version="1.0"?><root/>');
  writeFileSync(join(broken, 'old.doc'), junkBytes(300, 5, false));
  writeFileSync(join(broken, 'huge.txt'), Buffer.alloc(50_000_001, 'a'));
  mkdirSync(join(broken, 'folder.txt'));
  writeFileSync(join(broken, 'locked-out.txt'), corpus[0].text);
  chmodSync(join(broken, 'locked-out.txt'), 0o000);
  writeFileSync(join(broken, 'zz-vanish.txt'), corpus[1].text);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('batch over an archive of every corpus text in every format, plus broken ones', () => {
  let reference: string;

  it('accounts for every input in index.ndjson, with an error code for each broken one', async () => {
    reference = join(dir, 'out-reference');
    // Delete a file while the batch runs: it must end as an error line, and the batch must go on.
    const child = spawn(process.execPath, [cli, 'batch', inputs, `${broken}/*`, '--out', reference, '--jobs', '2', '--progress', 'plain', '--db', join(dir, 'reference.sqlite')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const journal = join(reference, '.index.journal.ndjson');
    while (!existsSync(journal) || readFileSync(journal, 'utf8').split('\n').length < 5) await new Promise((r) => setTimeout(r, 20));
    unlinkSync(join(broken, 'zz-vanish.txt'));
    const status = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    expect(status).toBe(1); // some inputs failed
    const entries = index(reference);
    expect(entries).toHaveLength(corpus.length * 8 + Object.keys(BROKEN).length + 1);
    const byPath = new Map(entries.map((e) => [e.path, e]));
    for (const [name, code] of Object.entries(BROKEN)) expect(byPath.get(name)?.error?.code, name).toBe(code);
    // As root every file is readable; otherwise a file without read permission is E_UNREADABLE.
    expect(byPath.get('locked-out.txt')?.status).toBe(process.getuid?.() === 0 ? 'ok' : 'error');
    const ok = entries.filter((e) => e.status === 'ok');
    expect(ok.length).toBeGreaterThanOrEqual(corpus.length * 8);
    for (const e of ok) {
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(e.outputs.length).toBeGreaterThan(0);
      for (const o of e.outputs) expect(existsSync(join(reference, o)), o).toBe(true);
    }
    expect(stderr).toMatch(/batch: \d+\/\d+ files/);
    expect(stderr).toMatch(/converted, 0 skipped \(unchanged\), \d+ failed/);
    expect(stderr).toMatch(/failed by code: .*E_PDF_ENCRYPTED 1/);
  }, 240_000);

  it('mirrors the input tree and writes valid documents', () => {
    for (const t of corpus) {
      for (const f of [`txt/${t.name}.txt.json`, `pdf/${t.name}.pdf.json`, `docx/${t.name}.docx.json`, `html/${t.name}.html.json`]) {
        expect(existsSync(join(reference, f)), f).toBe(true);
      }
    }
    const check = spawnSync(process.execPath, [cli, 'validate', join(reference, 'pdf/s004.pdf.json'), join(reference, 'xml/d10.xml.json')], { encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/s004\.pdf\.json: valid/);
  });

  it('killed with SIGKILL mid-run and run again, gives outputs byte-identical to an uninterrupted run', async () => {
    const out = join(dir, 'out-killed');
    const killedDb = join(dir, 'killed.sqlite');
    const child = spawn(process.execPath, [cli, 'batch', inputs, `${broken}/*`, '--out', out, '--jobs', '2', '--progress', 'none', '--db', killedDb], { stdio: 'ignore' });
    const journal = join(out, '.index.journal.ndjson');
    while (!existsSync(journal) || readFileSync(journal, 'utf8').split('\n').length < 40) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(existsSync(join(out, 'index.ndjson'))).toBe(false); // the run never finished
    const before = outputs(out);
    expect(before.size).toBeGreaterThan(0);
    expect([...before.keys()].some((k) => k.includes('.tmp-'))).toBe(false);

    const rerun = runBatch(out, ['--db', killedDb]);
    expect(rerun.status).toBe(1);
    expect(rerun.stderr).toMatch(/\d+ converted, [1-9]\d* skipped/);
    const after = outputs(out);
    const expected = outputs(reference);
    expect([...after.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, content] of expected) expect(after.get(file) === content, file).toBe(true);
    // The index says the same of every input (the file deleted in the first run is gone now).
    const referenceIndex = index(reference).filter((e) => e.path !== 'zz-vanish.txt');
    expect(withoutTimings(index(out))).toEqual(withoutTimings(referenceIndex));
    // The archive database loaded during the killed run and the rerun holds the same rows as the one the
    // uninterrupted run loaded (but for the file deleted during that run), and is sound.
    const vanished = (table: string, row: Record<string, unknown>) => table === 'inputs' && row.path === 'zz-vanish.txt';
    const killedRows = canonicalDump(killedDb);
    expect(killedRows).toEqual(canonicalDump(join(dir, 'reference.sqlite'), vanished));
    expect(killedRows.documents.length).toBe(referenceIndex.reduce((n, e) => n + e.outputs.length, 0));
    const handle = openReadonly(killedDb);
    expect(handle.prepare('PRAGMA integrity_check').get()!.integrity_check).toBe('ok');
    handle.close();
  }, 240_000);

  it('stops cleanly on Ctrl-C (SIGINT): exit 130, and an index that matches the outputs', async () => {
    const out = join(dir, 'out-interrupted');
    const child = spawn(process.execPath, [cli, 'batch', inputs, '--out', out, '--jobs', '2', '--progress', 'none'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const journal = join(out, '.index.journal.ndjson');
    while (!existsSync(journal) || readFileSync(journal, 'utf8').split('\n').length < 20) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const status = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    expect(status).toBe(130);
    expect(stderr).toMatch(/stopping after the inputs in flight/);
    expect(stderr).toMatch(/not started \(interrupted\)/);
    expect(existsSync(journal)).toBe(false);
    const entries = index(out);
    expect(entries.length).toBeGreaterThanOrEqual(19);
    expect(entries.length).toBeLessThan(corpus.length * 8);
    const written = outputs(out);
    const listed = entries.flatMap((e) => e.outputs);
    expect([...written.keys()].sort()).toEqual([...listed].sort());
  }, 240_000);

  it('skips unchanged inputs on a rerun, and --force converts them again', () => {
    const again = runBatch(reference);
    expect(again.stderr).toMatch(/0 converted, \d+ skipped \(unchanged\)/);
    const forced = runBatch(reference, ['--force']);
    expect(forced.stderr).toMatch(/[1-9]\d* converted, 0 skipped/);
  }, 240_000);
});
