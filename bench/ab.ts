/**
 * npm run bench:ab -- REF — is this version faster than REF (a commit, branch or tag)? Both are built (REF in a
 * temporary git worktree, sharing this checkout's node_modules), loaded into one plain node process, and timed
 * in alternating passes over the same texts: each round runs one pass of each, which goes first alternating.
 * This machine's speed drifts by more than a small change between separate runs, and even between processes
 * (a build can settle fast or slow); in one process both builds meet the same drift. Prints each build's
 * fastest and median pass and, round by round, this version's time over REF's: its median says which is
 * faster (below 1: this version), and the spread how far to trust it — about 2% on this machine.
 *   npm run bench:ab -- REF [--rounds 12] [--docs]   (default: the gold texts as short pages)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmarkCorpus, shortPageCorpus } from './corpus.js';
import { option } from './options.js';

const ref = process.argv[2];
if (!ref || ref.startsWith('--')) {
  console.error('usage: npm run bench:ab -- REF [--rounds 12] [--docs]');
  process.exit(2);
}
const rounds = Number(option('--rounds', '12'));
const docs = process.argv.includes('--docs');
const root = new URL('../', import.meta.url).pathname;

const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
};

const dir = mkdtempSync(join(tmpdir(), 'cm-ab-'));
const other = join(dir, 'ref');
try {
  run('npx', ['tsup', '--silent'], root);
  run('git', ['worktree', 'add', '--detach', '--quiet', other, ref], root);
  symlinkSync(join(root, 'node_modules'), join(other, 'node_modules'), 'dir');
  run('npx', ['tsup', '--silent'], other);
  const textsFile = join(dir, 'texts.json');
  writeFileSync(textsFile, JSON.stringify(docs ? benchmarkCorpus(0.3) : shortPageCorpus(0.15)));
  // The timed process: plain node on the two builds (no TypeScript loader).
  const timed = `
    import { readFileSync } from 'node:fs';
    const [here, there, file, rounds, label] = process.argv.slice(1);
    const ours = (await import(here)).extract, theirs = (await import(there)).extract;
    const texts = JSON.parse(readFileSync(file, 'utf8'));
    const pass = (extract) => { const t0 = performance.now(); for (const t of texts) extract(t); return performance.now() - t0; };
    for (let i = 0; i < 3; i++) { pass(ours); pass(theirs); }
    const a = [], b = [];
    for (let i = 0; i < Number(rounds); i++) {
      if (i % 2) { a.push(pass(ours)); b.push(pass(theirs)); } else { b.push(pass(theirs)); a.push(pass(ours)); }
    }
    const sorted = (x) => [...x].sort((p, q) => p - q);
    const median = (x) => sorted(x)[x.length >> 1];
    const ratios = sorted(a.map((t, i) => t / b[i]));
    const ms = (x) => x.toFixed(1) + ' ms';
    console.log('this version: fastest ' + ms(Math.min(...a)) + ', median ' + ms(median(a)));
    console.log(label + ': fastest ' + ms(Math.min(...b)) + ', median ' + ms(median(b)));
    console.log('this version / ' + label + ', per round: median ' + median(ratios).toFixed(3) + ' (from ' + ratios[0].toFixed(3) + ' to ' + ratios[ratios.length - 1].toFixed(3) + ', ' + rounds + ' rounds)');
  `;
  console.log(`${docs ? '0.3 MB of documents' : '0.15 MB of short pages'}, ${rounds} rounds:`);
  run(process.execPath, ['--input-type=module', '-e', timed, join(root, 'dist/index.js'), join(other, 'dist/index.js'), textsFile, String(rounds), ref], root);
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', other], { cwd: root });
  rmSync(dir, { recursive: true, force: true });
}
