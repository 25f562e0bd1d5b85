/** The built package: the CLI, and the ESM and CJS builds. `npm test` builds first. */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

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

  it('loads and runs as CJS', () => {
    const m = createRequire(import.meta.url)(`${root}dist/index.cjs`);
    expect(m.extract('RESOLVED that the report be noted.').resolutions).toHaveLength(1);
    expect(m.validate(m.extract('x')).valid).toBe(true);
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
    expect(run('grammars').stdout).toMatch(/^moderngov\s+\d+ rules/m);
  });
});
