/**
 * The review page in a real browser: Playwright (playwright-core) driving Debian's Chromium. CI installs
 * Chromium (.ci/run); elsewhere the browser tests are skipped, with a note, when /usr/bin/chromium is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = new URL('../', import.meta.url).pathname;
const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt-get install chromium`);
if (!haveBrowser) console.warn(`review browser tests skipped: no ${CHROMIUM} (apt-get install chromium)`);

let dir: string;
let browser: Browser;
const url = (file: string) => `file://${join(dir, file)}`;

beforeAll(async () => {
  if (!haveBrowser) return;
  dir = mkdtempSync(join(tmpdir(), 'cm-review-'));
  const result = spawnSync(process.execPath, [`${root}dist/cli.js`, 'review', 'corpus/seeds/s004.txt', 'corpus/seeds/s002.txt', 'test/fixtures/parish-council.txt', 'test/fixtures/whole-meeting.txt', 'test/fixtures/hostile.txt', '--out', dir], { cwd: root, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(file: string, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  await page.goto(url(file));
  return page;
}

describe.skipIf(!haveBrowser)('review page in Chromium', () => {
  it('clicking a record scrolls to its highlight, marks it and flashes it', async () => {
    const page = await open('s004.txt.html');
    await page.click('button.record[data-record="act-2"]');
    const highlight = page.locator('.hl[data-records~="act-2"]').first();
    await expect.poll(() => highlight.evaluate((el) => el.classList.contains('selected') && el.classList.contains('flash'))).toBe(true);
    const box = (await highlight.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(860);
    await page.close();
  });

  it('clicking a highlight selects its record in the panel', async () => {
    const page = await open('s004.txt.html');
    await page.locator('.hl[data-records~="dec-1"]').first().click();
    await expect.poll(() => page.locator('button.record[data-record="dec-1"]').evaluate((el) => el.classList.contains('selected'))).toBe(true);
    await page.close();
  });

  it('a filter hides a type from the text and the panel', async () => {
    const page = await open('s004.txt.html');
    const point = page.locator('.hl.t-discussionPoints').first();
    const before = await point.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.uncheck('input[data-filter="discussionPoints"]');
    expect(await page.evaluate(() => document.body.classList.contains('hide-discussionPoints'))).toBe(true);
    expect(await point.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(before);
    expect(await page.locator('.group[data-type="discussionPoints"]').isVisible()).toBe(false);
    await page.check('input[data-filter="discussionPoints"]');
    expect(await page.locator('.group[data-type="discussionPoints"]').isVisible()).toBe(true);
    await page.close();
  });

  it('is keyboard-navigable: Tab to a record, Enter selects it', async () => {
    const page = await open('s004.txt.html');
    await page.locator('button.record').first().focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-record'));
    expect(focused).toBeTruthy();
    await page.keyboard.press('Enter');
    expect(await page.locator(`.hl.selected[data-records~="${focused}"]`).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('downloads the document JSON from the page', async () => {
    const page = await open('parish-council.txt.html');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const saved = join(dir, 'downloaded.json');
    await download.saveAs(saved);
    const document = JSON.parse(readFileSync(saved, 'utf8'));
    expect(document.schemaVersion).toBe('1');
    expect(document.votes[0].mover).toBe('White');
    await page.close();
  });

  it('shows a warning at its place in the text', async () => {
    const page = await open('s002.txt.html');
    const warning = page.locator('#source .warning');
    expect(await warning.textContent()).toContain('W_TRUNCATED');
    // It stands just before the publisher's "view the full minutes text" cue.
    expect(await page.evaluate(() => document.querySelector('#source .warning')!.nextSibling?.textContent ?? '')).toMatch(/view the full minutes text/);
    await page.close();
  });

  it('reads on a phone: the panel comes below the text', async () => {
    const page = await open('s004.txt.html', { width: 390, height: 844 });
    const source = (await page.locator('#source').boundingBox())!;
    const panel = (await page.locator('#panel').boundingBox())!;
    expect(panel.y).toBeGreaterThan(source.y + source.height - 1); // the panel comes below the text
    await page.close();
  });

  it('runs no script from a hostile minutes file, and shows its text as text', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(url('hostile.txt.html'));
    await page.waitForTimeout(300);
    await page.locator('.hl').first().hover();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('#source').textContent()).toContain("<script>window.pwned = 1; alert('pwned')</script>");
    expect(await page.locator('#source img, #source iframe, #source svg, #source b').count()).toBe(0);
    const json = JSON.parse((await page.locator('#document-json').textContent())!);
    expect(json.resolutions[0].text).toContain('<iframe');
    await page.close();
  });

  it('the index lists every document and sorts by a column', async () => {
    const page = await open('index.html');
    expect(await page.locator('tbody tr').count()).toBe(5);
    await page.click('th button:text("Date")');
    const dates = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    const filled = dates.filter(Boolean);
    expect(filled).toEqual([...filled].sort());
    await page.click('tbody tr a[href="s004.txt.html"]');
    await expect.poll(() => page.url()).toMatch(/s004\.txt\.html$/);
    await page.close();
  });
});
