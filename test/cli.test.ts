/** The built package: the CLI, and the ESM and CJS builds. `npm test` builds first. */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDocx, toHtmlPage, toPdf } from './support/render.js';

const root = new URL('../', import.meta.url).pathname;
const cli = `${root}dist/cli.js`;
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

describe('built package', () => {
  it('has been built (npm test builds first)', () => {
    expect(existsSync(cli), 'dist/cli.js is missing: run npm run build').toBe(true);
  });

  it('loads and runs as ESM', async () => {
    const m = await import(`${root}dist/index.js`);
    expect(m.extract('RESOLVED that the report be noted.').resolutions).toHaveLength(1);
    expect(m.validate(m.extract('x')).valid).toBe(true);
  });

  it('loads and runs as CJS, PDF and Word readers included', async () => {
    const m = createRequire(import.meta.url)(`${root}dist/index.cjs`);
    expect(m.extract('RESOLVED that the report be noted.').resolutions).toHaveLength(1);
    expect(m.validate(m.extract('x')).valid).toBe(true);
    const text = 'Minutes:\n\nRESOLVED that the report be noted.';
    const [fromPdf] = await m.extractSource(await toPdf(text), { name: 'a.pdf' });
    expect(fromPdf.resolutions[0].page).toBe(1);
    const [fromDocx] = await m.extractSource(await toDocx(text), { name: 'a.docx' });
    expect(fromDocx.resolutions).toHaveLength(1);
  });

  it('writes and searches an archive database from both builds (the SQLite driver loads in each)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-builds-'));
    try {
      const doc = (m: { extract: (t: string, o: object) => unknown }) => m.extract('Minutes:\n\nRESOLVED that the delegated authority be renewed.', { name: 'a' });
      const esm = await import(`${root}dist/index.js`);
      const cjs = createRequire(import.meta.url)(`${root}dist/index.cjs`);
      for (const [name, m] of [['esm', esm], ['cjs', cjs]] as const) {
        const file = join(dir, `${name}.sqlite`);
        expect(m.toSqlite([doc(m)], file).resolutions).toBe(1);
        expect(m.searchArchive(file, 'delegate', { type: 'resolutions' }).map((h: { text: string }) => h.text)).toEqual(['that the delegated authority be renewed.']);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('committee-minutes extract', () => {
  it('prints a valid document for a corpus file', () => {
    const out = execFileSync(process.execPath, [cli, 'extract', 'corpus/seeds/s004.txt'], { cwd: root, encoding: 'utf8' });
    const doc = JSON.parse(out);
    expect(doc.witnesses).toHaveLength(4);
    expect(doc.source.name).toBe('corpus/seeds/s004.txt');
  });

  it('runs on the embedded example with --example', () => {
    const result = run('extract', '--example', '--pretty');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).declarations[0].member).toBe('Nick Harrison');
    expect(result.stdout).toContain('\n  "schemaVersion": "1"');
  });

  it.each([
    [['extract', 'no/such/file.txt'], 1, 'E_NOT_FOUND'],
    [['extract', 'corpus'], 1, 'E_IS_DIRECTORY'],
    [['extract', '--example', '--grammar', 'nope'], 1, 'E_GRAMMAR_UNKNOWN'],
    [['extract'], 2, 'E_USAGE'],
    [['extract', 'corpus/seeds/s000.txt', '--format', 'xml'], 2, 'E_USAGE'],
    [['batch', 'corpus'], 2, 'E_USAGE'],
    [['batch', 'corpus', '--out', '/tmp/x', '--jobs', '0'], 2, 'E_USAGE'],
    [['extract', '--ndjson', 'file.txt'], 2, 'E_USAGE'],
    [['frobnicate'], 2, 'E_USAGE'],
    [['extract', '--bogus'], 2, 'E_USAGE'],
  ])('%j fails with exit %i and %s, without a stack trace', (args, status, code) => {
    const result = run(...(args as string[]));
    expect(result.status).toBe(status);
    expect(result.stderr).toContain(`committee-minutes: ${code}:`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help and the grammar list', () => {
    expect(run('--help').stdout).toContain('committee-minutes extract FILE');
    for (const command of ['extract', 'batch', 'validate', 'schema', 'grammars']) expect(run(command, '--help').stdout).toMatch(/^Usage: committee-minutes/);
    expect(run('grammars').stdout).toMatch(/^moderngov\s+\d+ rules/m);
  });

  it('prints NDJSON for several files, and reads stdin with -', () => {
    const several = run('extract', 'corpus/seeds/s000.txt', 'corpus/seeds/s001.txt');
    const lines = several.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((d) => d.source.name)).toEqual(['corpus/seeds/s000.txt', 'corpus/seeds/s001.txt']);
    const stdin = spawnSync(process.execPath, [cli, 'extract', '-'], { cwd: root, encoding: 'utf8', input: readFileSync(`${root}corpus/seeds/s004.txt`) });
    expect(JSON.parse(stdin.stdout).witnesses).toHaveLength(4);
  });

  it('goes on past a bad file, reporting it, and exits 1', () => {
    const result = run('extract', 'corpus/seeds/s000.txt', 'no/such.txt', 'corpus/seeds/s001.txt');
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(result.stderr).toContain('committee-minutes: E_NOT_FOUND:');
  });

  it('writes CSV (one row per action and per resolution) and Markdown', () => {
    const csv = run('extract', 'corpus/seeds/s001.txt', '--format', 'csv').stdout.trim().split('\n');
    expect(csv[0]).toBe('file,type,id,item,number,text,owners,due,from');
    expect(csv.filter((l) => l.includes(',action,'))).toHaveLength(2);
    expect(csv.filter((l) => l.includes(',resolution,'))).toHaveLength(2);
    expect(csv[2]).toMatch(/^corpus\/seeds\/s001\.txt,action,act-2,.*,"The Children’s Services .*, in relation to the David Thorpe model",the Director of Children’s Services; Strategic Director for Children’s Services,,res-2$/);
    const md = run('extract', 'test/fixtures/parish-council.txt', '--format', 'markdown').stdout;
    expect(md).toMatch(/^# LITTLE WOODFORD PARISH COUNCIL/);
    expect(md).toContain('## Votes');
  });

  it('streams {"id","text"} lines to document lines, in order, with errors in place', () => {
    const input = ['{"id":"a","text":"Minutes:\\n\\nRESOLVED that the report be noted."}', 'not json', '{"id":"c"}', '{"id":"d","text":"• Members asked for a briefing note."}'].join('\n') + '\n';
    const result = spawnSync(process.execPath, [cli, 'extract', '--ndjson', '-'], { cwd: root, encoding: 'utf8', input });
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.document ? 'document' : l.error.code])).toEqual([
      ['a', 'document'],
      [null, 'E_NDJSON'],
      ['c', 'E_INPUT_TYPE'],
      ['d', 'document'],
    ]);
    expect(lines[0].document.resolutions).toHaveLength(1);
    expect(result.status).toBe(1);
  });

  it('validates documents with positioned errors, and prints the schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-validate-'));
    const doc = JSON.parse(run('extract', 'corpus/seeds/s000.txt').stdout);
    writeFileSync(join(dir, 'good.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'two.ndjson'), JSON.stringify(doc) + '\n' + JSON.stringify({ ...doc, truncated: 'no' }) + '\n');
    const result = run('validate', join(dir, 'good.json'), join(dir, 'two.ndjson'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('good.json: valid');
    expect(result.stdout).toContain('two.ndjson:1: valid');
    expect(result.stdout).toMatch(/two\.ndjson:2: \/truncated must be boolean/);
    const schema = JSON.parse(run('schema').stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema).toEqual(JSON.parse(readFileSync(`${root}schemas/minutes.schema.json`, 'utf8')));
  });

  it('reads every format from the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-formats-'));
    const text = readFileSync(`${root}corpus/seeds/s004.txt`, 'utf8');
    writeFileSync(join(dir, 'a.pdf'), await toPdf(text));
    writeFileSync(join(dir, 'a.docx'), await toDocx(text));
    writeFileSync(join(dir, 'a.html'), toHtmlPage(text));
    for (const file of ['a.pdf', 'a.docx', 'a.html']) {
      const doc = JSON.parse(run('extract', join(dir, file)).stdout);
      expect(doc.witnesses, file).toHaveLength(4);
      expect(doc.source.text, file).toBeTruthy();
    }
    const forced = run('extract', join(dir, 'a.html'), '--from', 'text');
    expect(JSON.parse(forced.stdout).source.format).toBe('text');
  });
});
