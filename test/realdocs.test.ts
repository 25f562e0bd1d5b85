/**
 * Real documents as their bodies published them (../shared/realdocs: third-party files, read in place and
 * never copied here; skipped with a note when the folder is absent). What cannot be read must say so
 * clearly: a garbled text layer and a scan without one each give their own error, a document in Welsh a
 * W_LANGUAGE warning and no records, and no real PDF with a good English text layer is mistaken for any.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, extractSource, readSource } from '../src/index.js';
import { isGarbled } from '../src/inputs/pdf-to-text.js';
import { SHARED_DIR } from '../scripts/corpus.js';
import { heldTypes, macroOver, scoreRealDocuments } from '../scripts/eval.js';
import { documentTexts, pair, pairThreshold, RECORD_TYPES, summarise } from '../src/model/score.js';

const REALDOCS = join(SHARED_DIR, 'realdocs');
const present = existsSync(REALDOCS);
if (!present) console.warn(`note: ${REALDOCS} is absent, so the real-document checks are skipped`);

describe('a garbled PDF text layer', () => {
  // A paragraph as a PDF with a broken font mapping gives it: each letter shifted onto control characters,
  // digits and punctuation (the pattern seen in real files), spaces kept.
  const english = Array.from({ length: 8 }, () => 'The Clerk reported that the grant application for the village hall roof had been approved by the district council, and the works would start in May.').join(' ');
  const garble = (text: string) => text.replace(/[A-Za-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 29) % 64) + 1));

  it('is told from text by its symbols, however long', () => {
    expect(isGarbled(english)).toBe(false);
    expect(isGarbled(garble(english))).toBe(true);
    expect(isGarbled(garble(english).slice(0, 400))).toBe(true);
    // Private-use bullets are real bullets in many fonts, not garbling.
    expect(isGarbled(english.replace(/\. /g, '.\n\uf0b7 '))).toBe(false);
    // Tables of figures are text too.
    expect(isGarbled(`${english} ${'£1,250.00 12/03/2019 4.5% '.repeat(20)}`)).toBe(false);
  });
});

describe.skipIf(!present)('real documents that cannot be read say why', () => {
  const files = present ? readdirSync(REALDOCS).filter((f) => f.endsWith('.pdf')) : [];

  it('the garbled text layer gives E_GARBLED_TEXT_LAYER, with the advice to OCR', async () => {
    const file = files.find((f) => f.startsWith('12-'))!;
    await expect(readSource(readFileSync(join(REALDOCS, file)), { name: file })).rejects.toMatchObject({
      code: 'E_GARBLED_TEXT_LAYER',
      message: expect.stringMatching(/OCR/),
    });
  });

  it('the scan gives E_NO_TEXT_LAYER', async () => {
    const file = files.find((f) => f.startsWith('18-'))!;
    await expect(readSource(readFileSync(join(REALDOCS, file)), { name: file })).rejects.toMatchObject({ code: 'E_NO_TEXT_LAYER' });
  });

  it('the Welsh-language minutes give W_LANGUAGE and no records', async () => {
    const file = files.find((f) => f.startsWith('03-'))!;
    const [doc] = await extractSource(readFileSync(join(REALDOCS, file)), { name: file });
    expect(doc.warnings.map((w) => w.code)).toContain('W_LANGUAGE');
    expect(doc.warnings.find((w) => w.code === 'W_LANGUAGE')!.message).toMatch(/Welsh/);
    expect([...doc.witnesses, ...doc.declarations, ...doc.discussionPoints, ...doc.resolutions, ...doc.recommendations, ...doc.actions, ...doc.attendance]).toEqual([]);
  });

  it('the full saved WordPress page gives its minutes, not its menus', async () => {
    const file = readdirSync(REALDOCS).find((f) => f.startsWith('17-'))!;
    const [doc] = await extractSource(readFileSync(join(REALDOCS, file)), { name: file });
    expect(doc.source.text!).toMatch(/^MINUTES\b/);
    expect(doc.source.text!).not.toMatch(/<script|function\s*\(|Skip to content/i);
    expect(doc.warnings.map((w) => w.code)).not.toContain('W_NO_MINUTES');
    expect(doc.discussionPoints.length).toBeGreaterThan(10);
    expect(doc.resolutions.length).toBeGreaterThan(0);
  });

  it('no record of any real document holds a private-use glyph or a split ordinal ("th" parted from its number)', async () => {
    const RECORDS = ['witnesses', 'declarations', 'discussionPoints', 'resolutions', 'recommendations', 'actions'] as const;
    const bad: string[] = [];
    for (const file of readdirSync(REALDOCS).filter((f) => /\.(pdf|docx|html|md|txt)$/.test(f))) {
      const docs = await extractSource(readFileSync(join(REALDOCS, file)), { name: file }).catch(() => []);
      for (const doc of docs) for (const type of RECORDS) for (const r of doc[type] as { text?: string; name?: string | null }[]) {
        const text = r.text ?? r.name ?? '';
        if (/[\ue000-\uf8ff]/.test(text) || /(?:^|\s)(?:st|nd|rd|th)(?=\s|$)/.test(text)) bad.push(`${file} ${type}: ${text.slice(0, 60)}`);
      }
    }
    expect(bad).toEqual([]);
  }, 120_000);

  it('every other real PDF reads', async () => {
    const readable = files.filter((f) => !f.startsWith('12-') && !f.startsWith('18-'));
    expect(readable.length).toBeGreaterThanOrEqual(8);
    for (const file of readable) {
      const sources = await readSource(readFileSync(join(REALDOCS, file)), { name: file });
      expect(sources[0].text.length, file).toBeGreaterThan(500);
    }
  }, 60_000);
});

describe('private-use bullet glyphs', () => {
  it('are bullets: each opens an item, and no record carries one', () => {
    const text = 'Minutes of the meeting of the Parish Council held on 12 March 2024.\n\nMatters discussed:\n\uf0a7 The play area inspection found two items of equipment in need of repair.\n\uf0b7 The bus shelter on Church Lane is to be repainted in the spring by volunteers.\n';
    const doc = extract(text, { name: 'bullets.txt', model: null });
    const texts = doc.discussionPoints.map((p) => p.text);
    expect(texts).toEqual(['The play area inspection found two items of equipment in need of repair.', 'The bus shelter on Church Lane is to be repainted in the spring by volunteers.']);
  });
});

describe.skipIf(!present)('real documents read as published, against their whole-document gold', () => {
  // Floors a little under the figures measured when they were set (README, "On real documents as published"):
  // a change that loses records on real PDFs and Word files fails here, whatever the short texts say.
  let results: ReturnType<typeof scoreRealDocuments>;
  beforeAll(() => {
    results = scoreRealDocuments();
  });

  it('score above their floors, each and together', async () => {
    const scored = await results;
    expect(scored.length).toBe(8);
    const all = summarise(scored.map((r) => r.score));
    // Issue 10's bar, met at 0.812 (actions 0.753): macro-F1 0.80 over the types the gold holds, none under 0.6.
    const held = heldTypes(scored.map((r) => r.gold));
    expect(macroOver(all, held)).toBeGreaterThanOrEqual(0.8);
    for (const type of held) expect(all.perType[type].f1, type).toBeGreaterThanOrEqual(0.6);
    for (const r of scored) expect(macroOver(summarise([r.score]), heldTypes([r.gold])), r.name).toBeGreaterThanOrEqual(0.55);
  }, 120_000);

  it('no record holds a page number or a running line', async () => {
    const bad: string[] = [];
    for (const r of await results) {
      for (const type of RECORD_TYPES) for (const text of documentTexts(type, r.doc)) {
        if (/\bPage\s+\d+\s+of\s+\d+\b|[–—-]\s*Page\s+\d+\b|\bSigned\s*_{3,}/i.test(text)) bad.push(`${r.name} ${type}: ${text.slice(0, 80)}`);
      }
    }
    expect(bad).toEqual([]);
  }, 120_000);

  it('one meeting read from its Word file and from its PDF gives the same records', async () => {
    const scored = await results;
    const docx = scored.find((r) => r.name.startsWith('08-'))!.doc;
    const pdf = scored.find((r) => r.name.startsWith('09-'))!.doc;
    let matched = 0;
    let total = 0;
    for (const type of RECORD_TYPES) {
      const a = documentTexts(type, docx);
      const b = documentTexts(type, pdf);
      matched += pair(a, b, pairThreshold(type)).length;
      total += Math.max(a.length, b.length);
    }
    expect(total).toBeGreaterThan(10);
    expect(matched / total).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
