/**
 * OCR (`ocr: true`, `--ocr`): a PDF of page images, with no text layer, is read by tesseract.js with the
 * English model shipped in @tesseract.js-data/eng. The scans here are made by the test itself (text drawn on a
 * canvas, the image put in a PDF), plus the real scanned minutes in ../shared/realdocs (18) when present.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { extractSource, readSource } from '../src/index.js';
import { SHARED_DIR } from '../scripts/corpus.js';

// tesseract.js and its English model are optional dependencies: without them OCR answers E_OCR_UNAVAILABLE,
// and these tests are skipped with a note (npm ci installs them, so CI runs them).
const ocrInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve('tesseract.js');
    createRequire(import.meta.url).resolve('@tesseract.js-data/eng');
    return true;
  } catch {
    return false;
  }
})();
if (!ocrInstalled) console.warn('note: tesseract.js or @tesseract.js-data/eng is not installed, so the OCR tests are skipped');

const LINES = [
  'MINUTES OF THE MEETING OF THE PARISH COUNCIL',
  'held on 12 March 2024',
  '',
  '1. Apologies',
  'Apologies were received from Councillor Smith.',
  '',
  '2. Play area',
  'The Clerk reported that the play area inspection had found two items in need of repair.',
  'RESOLVED that the repairs be ordered at a cost of 450 pounds.',
  'Clerk to obtain a second quote before ordering.',
];

/** A PDF holding one page image of the lines: what a scanner gives. */
async function scannedPdf(lines: string[]): Promise<Uint8Array> {
  const [width, height] = [1240, 1754]; // A4 at 150 dpi
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  context.fillStyle = 'black';
  context.font = '28px sans-serif';
  lines.forEach((line, i) => context.fillText(line, 100, 150 + i * 48));
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(canvas.toBuffer('image/png'));
  pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return pdf.save();
}

describe.skipIf(!ocrInstalled)('OCR of PDFs without a text layer', () => {
  it('without ocr, a scan is E_NO_TEXT_LAYER, and the message says --ocr', async () => {
    await expect(readSource(await scannedPdf(LINES), { name: 'scan.pdf' })).rejects.toMatchObject({ code: 'E_NO_TEXT_LAYER', message: expect.stringMatching(/--ocr/) });
  });

  it('with ocr, the page is read: the meeting, its items and its records, each marked as read by OCR', async () => {
    const bytes = await scannedPdf(LINES);
    const [doc] = await extractSource(bytes, { name: 'scan.pdf', ocr: true });
    expect(doc.source.ocr).toBe(true);
    expect(doc.warnings.map((w) => w.code)).toContain('W_OCR');
    expect(doc.source.text).toMatch(/play area inspection/i);
    expect(doc.meeting.date).toBe('2024-03-12');
    expect(doc.resolutions.map((r) => r.text).join(' ')).toMatch(/repairs be ordered/);
    const records = [...doc.discussionPoints, ...doc.resolutions, ...doc.actions, ...doc.attendance];
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.ocr).toBe(true);
    for (const r of records) expect(r.page).toBe(1);
    // Same scan, same bytes out.
    const [again] = await extractSource(bytes, { name: 'scan.pdf', ocr: true });
    expect(JSON.stringify(again)).toBe(JSON.stringify(doc));
  }, 60_000);

  it('a PDF with a good text layer is read from its text, not by OCR, even with ocr', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawText('The Clerk reported that the hall roof had been repaired.', { x: 50, y: 780, size: 11 });
    const [source] = await readSource(await pdf.save(), { name: 'text.pdf', ocr: true });
    expect(source.ocr).toBeUndefined();
    expect(source.text).toMatch(/hall roof/);
  });

  it('the command line reads a scan with --ocr', async () => {
    const file = join(process.env.TMPDIR ?? '/tmp', `committee-minutes-ocr-${process.pid}.pdf`);
    writeFileSync(file, await scannedPdf(LINES));
    let out;
    try {
      out = JSON.parse(execFileSync('node', ['dist/cli.js', 'extract', file, '--ocr'], { encoding: 'utf8' }));
    } finally {
      rmSync(file, { force: true });
    }
    expect(out.source.ocr).toBe(true);
    expect(out.resolutions.length).toBeGreaterThan(0);
  }, 60_000);
});

const REALDOCS = join(SHARED_DIR, 'realdocs');
const present = existsSync(REALDOCS);
if (!present) console.warn(`note: ${REALDOCS} is absent, so the real scanned minutes are not read by OCR`);

describe.skipIf(!present || !ocrInstalled)('the real scanned minutes (18)', () => {
  it('with ocr, give a document whose first page heading is read', async () => {
    const file = readdirSync(REALDOCS).find((f) => f.startsWith('18-'))!;
    const [doc] = await extractSource(readFileSync(join(REALDOCS, file)), { name: file, ocr: true });
    expect(doc.meeting.committee).toMatch(/CITY COUNCIL/i);
    expect(doc.source.text!.slice(0, 300)).toMatch(/MINUTES/);
    expect(doc.discussionPoints.length + doc.resolutions.length).toBeGreaterThan(10);
    expect(doc.discussionPoints.every((p) => p.ocr === true)).toBe(true);
  }, 180_000);
});
