// Regenerates docs/review.png: the review page of corpus/seeds/s004.txt in Debian's Chromium, an action selected.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cm-shot-'));
spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'review', 'corpus/seeds/s004.txt', '--out', dir], { cwd: root, stdio: 'inherit' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`file://${join(dir, 's004.txt.html')}`);
await page.click('button.record[data-record="wit-2"]');
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: join(root, 'docs', 'review.png') });
await browser.close();
console.log('wrote docs/review.png');
