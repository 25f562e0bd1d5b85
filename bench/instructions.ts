/**
 * npm run bench:instructions — the work of extract() counted in machine instructions, for comparing two
 * versions on a machine whose speed swings: wall-clock runs of one build here have varied by ±40% within an
 * hour, while runs of this count mostly agree to 0.3% of the total (now and then one is 2% off: run each version
 * two or three times). It builds dist/ (tsup), writes the
 * benchmark corpus (0.1 MB by default; --pages for the short pages) to a temporary file, and counts, under
 * valgrind's callgrind, a plain node process that runs the built extract() over it once to warm up and then
 * --passes times, in V8's predictable mode (no concurrent threads, no timing heuristics) with fixed hash and
 * random seeds. Compare the totals of two versions run with the same arguments: startup is the same in both,
 * so a difference is the pipeline's (a pass of 0.1 MB of documents is about 1.1 billion instructions, the
 * total with five passes about 15 billion). Instructions are not time (memory stalls and cache misses are not
 * counted): use it to decide a change the clock cannot, and `npm run bench` for the figures. Needs valgrind;
 * about a minute per pass.
 *   npm run bench:instructions -- --passes 5 [--pages] [--mb 0.1]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmarkCorpus, shortPageCorpus } from './corpus.js';
import { option } from './options.js';

const passes = Number(option('--passes', '5'));
const mb = Number(option('--mb', '0.1'));
const pages = process.argv.includes('--pages');
const root = new URL('../', import.meta.url);

if (spawnSync('valgrind', ['--version']).error) {
  console.error('bench:instructions needs valgrind (apt-get install valgrind)');
  process.exit(2);
}
const build = spawnSync('npx', ['tsup', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const dir = mkdtempSync(join(tmpdir(), 'cm-instructions-'));
const docsFile = join(dir, 'docs.json');
writeFileSync(docsFile, JSON.stringify(pages ? shortPageCorpus(mb) : benchmarkCorpus(mb)));
// The counted process: plain node (no TypeScript loader, whose own threads vary the count) on the build.
const counted = `
  import { readFileSync } from 'node:fs';
  const { extract } = await import(process.argv[1]);
  const docs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  for (let p = 0; p <= Number(process.argv[3]); p++) for (const d of docs) extract(d);
`;
const run = spawnSync(
  'valgrind',
  ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--predictable', '--hash-seed=1', '--random-seed=1',
    '--input-type=module', '-e', counted, new URL('dist/index.js', root).href, docsFile, String(passes)],
  { encoding: 'utf8' },
);
rmSync(dir, { recursive: true, force: true });
const refs = /refs:\s+([\d,]+)/.exec(run.stderr ?? '');
if (run.status !== 0 || !refs) {
  console.error(run.stderr?.slice(-2000) || 'valgrind failed');
  process.exit(1);
}
console.log(`extract() over ${mb} MB of ${pages ? 'short pages' : 'documents'}, ${passes} passes after one warm-up: ${refs[1]} instructions`);
