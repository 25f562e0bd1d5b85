/**
 * Every input format councils publish reads into the same records as the text it renders: corpus texts are
 * rendered to HTML (with page chrome), Word, PDF and ModernGov XML at test time and scored against their
 * gold exactly as the text is (corpus/GUIDE.md scoring: the same pairs, the same misses).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extract, extractSource, readSource, validate, type MinutesDocument } from '../src/index.js';
import { readCorpus, SHARED_DIR, SHARED_PRESENT, SKIP_NOTE } from '../scripts/corpus.js';
import { join } from 'node:path';
import { scoreFile, RECORD_TYPES } from '../scripts/score.js';
import { toDocx, toHtmlPage, toModernGovXml, toPdf } from './support/render.js';
import { encryptedPdf, junkBytes, rightColumnPdf, scannedPdf, superscriptPdf, titleToMarginPdf, twoColumnListPdf, windows1252 } from './support/broken.js';

const corpus = [...readCorpus('seeds'), ...readCorpus('dev')];
const scoreKey = (name: string, doc: MinutesDocument) => {
  const t = corpus.find((c) => c.name === name)!;
  const s = scoreFile(name, t.gold, doc);
  return Object.fromEntries(RECORD_TYPES.map((type) => [type, s.counts[type]]));
};
const one = async (bytes: Uint8Array, name: string) => {
  const docs = await extractSource(bytes, { name });
  expect(docs).toHaveLength(1);
  expect(validate(docs[0]).valid).toBe(true);
  return docs[0];
};
// d06 and d07 are whole issue pages (their own Meeting line, document lists): a real XML item's minutes never are.
const XML_SKIP = new Set(['d06', 'd07']);

describe('renderings of every corpus text score the same records as the text', () => {
  for (const t of corpus) {
    it(`${t.name}: HTML page, Word, PDF${XML_SKIP.has(t.name) ? '' : ' and ModernGov XML'}`, async () => {
      const expected = scoreKey(t.name, extract(t.text));
      expect(scoreKey(t.name, await one(Buffer.from(toHtmlPage(t.text)), `${t.name}.html`)), 'html').toEqual(expected);
      expect(scoreKey(t.name, await one(await toDocx(t.text), `${t.name}.docx`)), 'docx').toEqual(expected);
      expect(scoreKey(t.name, await one(await toPdf(t.text), `${t.name}.pdf`)), 'pdf').toEqual(expected);
      if (!XML_SKIP.has(t.name)) expect(scoreKey(t.name, await one(Buffer.from(toModernGovXml(t.text, 'Item')), `${t.name}.xml`)), 'xml').toEqual(expected);
    });
  }
});

describe('non-text inputs carry their text, and spans point into it', () => {
  it('HTML drops page chrome and keeps source.text', async () => {
    const doc = await one(Buffer.from(toHtmlPage(corpus[0].text)), 'page.html');
    expect(doc.source.format).toBe('html');
    expect(doc.source.text).not.toMatch(/Home|Cookies|window\.x/);
    for (const p of doc.discussionPoints) expect(doc.source.text!.slice(p.span.start, p.span.end).replace(/\s+/g, ' ').trim()).toBe(p.text);
  });

  it('PDF records get their page', async () => {
    const long = corpus.map((c) => c.text).join('\n\n');
    const doc = await one(await toPdf(long), 'long.pdf');
    const pages = new Set(doc.discussionPoints.map((p) => p.page));
    expect(pages.size).toBeGreaterThan(3);
    // Pages rise with the text: a record later in the text is never on an earlier page.
    const ordered = [...doc.discussionPoints].sort((a, b) => a.span.start - b.span.start).map((p) => p.page!);
    expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
    expect(ordered[0]).toBeGreaterThanOrEqual(1);
  });

  it('text inputs carry source.text only when asked', async () => {
    const [plain] = await extractSource(Buffer.from(corpus[0].text), { name: 'a.txt' });
    expect(plain.source.text).toBeUndefined();
    const [withText] = await extractSource(Buffer.from(corpus[0].text), { name: 'a.txt', includeText: true });
    expect(withText.source.text).toBe(corpus[0].text);
  });
});

// A full page saved from a WordPress council site, written for the test: template classes on <body>
// ("sticky_header", "has-sidebar"), a menu, a header, a sidebar, a cookie banner, scripts and a footer around
// the post body (.entry-content).
const WORDPRESS_PAGE = `<!DOCTYPE html><html lang="en-GB"><head><title>Minutes – Parish Council</title>
<style>.menu{color:red}</style><script>window.dataLayer=[];function gtag(){}</script></head>
<body class="page-template-default page sticky_header has-sidebar wp-theme-parish">
<div id="cookie-banner" class="cookie-notice">We use cookies. <a href="#">Accept</a></div>
<header class="site-header"><div class="site-title">Upton Parish Council</div>
<nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/minutes">Minutes archive</a></li><li><a href="/contact">Contact the Clerk</a></li></ul></nav></header>
<div id="page" class="site"><div id="primary" class="content-area"><div id="content" role="main">
<article class="post-12 page type-page"><h1 class="entry-title">Minutes 12 March 2024</h1>
<div class="entry-content">
<p>MINUTES of the meeting of Upton Parish Council held on Tuesday 12 March 2024 at the Village Hall.</p>
<p>Present: Cllrs A Brown (Chair), C Davies and E Evans. In attendance: the Clerk.</p>
<p>1. Apologies were received from Cllr F Green.</p>
<p>2. The minutes of the meeting held on 13 February 2024 were approved as a correct record and signed by the Chair.</p>
<p>3. Play area: the annual inspection report was received. Two items of equipment need repair before the summer.</p>
<p>RESOLVED that the Clerk obtain three quotes for the repairs.</p>
</div></article></div></div>
<aside id="secondary" class="widget-area"><div class="widget">Latest news: Spring litter pick</div></aside></div>
<footer class="site-footer">© Upton Parish Council · Privacy policy</footer>
<script>document.querySelector(".menu")</script></body></html>`;

describe('PDF superscripts', () => {
  it('a raised ordinal suffix joins its number instead of making a line of its own', async () => {
    const [source] = await readSource(await superscriptPdf(), { name: 'ordinals.pdf' });
    expect(source.text).toContain('held on 29th January 2025');
    expect(source.text).toContain('on 4th March 2025');
    expect(source.text).not.toMatch(/^\s*th\s*$/m);
  });
});

describe('PDF lines that reach the margin', () => {
  it('a line opening a sentence after a title that ran to the margin starts a line of its own', async () => {
    const [source] = await readSource(await titleToMarginPdf(), { name: 'title.pdf' });
    expect(source.text.split('\n').map((l) => l.trim())[0]).toBe('Proposed erection of two bungalows for Mr and Mrs Hetherington, Thorn Dykes, Milburn');
    expect(source.text).toContain('The Councillors discussed this application');
  });
});

describe('PDF list in columns', () => {
  it('reads each entry of a two-column list as a line of its own, row by row; a column of amounts stays on its row', async () => {
    const [source] = await readSource(await twoColumnListPdf(), { name: 'columns.pdf' });
    expect(source.text.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual([
      '18.11.8 Correspondence',
      'Broxap Catalogue',
      'Yates Playground Equipment',
      'CALC AGM 10/11/18',
      'Post Office "Beware of Scams"',
      '18.11.9 Payments',
      'Lighting Services Ltd, Chq No 1302 283.25',
    ]);
  });
});

describe('PDF right-hand column', () => {
  it('keeps "Noted" and the owner apart from the paragraph, on a line of their own after it; amounts stay on their rows', async () => {
    const [source] = await readSource(await rightColumnPdf(), { name: 'column.pdf' });
    const lines = source.text.split('\n').map((l) => l.trim());
    expect(lines).toContain('i) Bank statement dated 1st March 2024, credit balance of £1,254.67.');
    expect(lines).toContain('ii) Invoice from the County Council for the street lighting of the village for the year, Clerk to arrange payment.');
    expect(lines.filter((l) => l === 'Noted')).toHaveLength(2);
    expect(lines[lines.indexOf('ii) Invoice from the County Council for the street lighting of the village for the year, Clerk to arrange payment.') + 1]).toBe('Clerk');
    expect(lines).toContain('i) Lighting Services Ltd, April to March, Chq No 1302 283.25');
    const [doc] = await extractSource(await rightColumnPdf(), { name: 'column.pdf' });
    for (const p of doc.discussionPoints) expect(p.text).not.toMatch(/\bNoted$/);
  });
});

describe('a full saved web page gives its minutes, without its furniture', () => {
  it('reads the post body of a WordPress page whose <body> carries template classes', async () => {
    const [doc] = await extractSource(Buffer.from(WORDPRESS_PAGE), { name: 'minutes.html' });
    const text = doc.source.text!;
    expect(text).toMatch(/^MINUTES of the meeting of Upton Parish Council/);
    for (const furniture of ['cookies', 'Minutes archive', 'Contact the Clerk', 'Latest news', 'Privacy policy', 'dataLayer', 'querySelector']) expect(text).not.toContain(furniture);
    expect(doc.resolutions.map((r) => r.text)).toContain('that the Clerk obtain three quotes for the repairs.');
    expect(text).toContain('3. Play area: the annual inspection report was received.');
  });
});

if (!SHARED_PRESENT) console.warn(`${SKIP_NOTE}; the real ModernGov XML sample too`);

describe.skipIf(!SHARED_PRESENT)('ModernGov web-service XML (a real GetMeeting answer, read from ../shared/formats)', () => {
  const xml = SHARED_PRESENT ? readFileSync(join(SHARED_DIR, 'formats', 'moderngov-getmeeting.xml')) : Buffer.alloc(0);

  it('gives one document per meeting with its items', async () => {
    const [doc] = await extractSource(xml, { name: 'meeting.xml' });
    expect(doc.source).toMatchObject({ format: 'moderngov-xml', part: 'meeting 4967' });
    expect(doc.meeting).toMatchObject({ committee: 'Audit Committee', date: '2026-02-10' });
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Minutes'],
      ['9', 'Work Programme'],
    ]);
    expect(validate(doc).valid).toBe(true);
  });

  it('reads attendees by their attendance, and restricted items not at all', async () => {
    const text = xml.toString('utf8').replace('attendance="Expected"', 'attendance="Present"').replace('<isrestricted>False</isrestricted>', '<isrestricted>True</isrestricted>');
    const [doc] = await extractSource(Buffer.from(text), { name: 'meeting.xml' });
    expect(doc.attendance.map((a) => [a.status, a.name])).toEqual([['present', 'Basil Curley']]);
    expect(doc.warnings.map((w) => w.code)).toContain('W_RESTRICTED_ITEM');
  });
});

describe('bad input: a clear error or a warning, never a crash', () => {
  const code = async (bytes: Uint8Array, name: string) => {
    try {
      await readSource(bytes, { name });
      return 'ok';
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it.each([
    ['empty file', Buffer.alloc(0), 'a.txt', 'E_EMPTY'],
    ['binary junk', junkBytes(4000), 'junk.txt', 'E_BINARY'],
    ['truncated PDF', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog'), 'cut.pdf', 'E_PDF_INVALID'],
    ['encrypted PDF', encryptedPdf(), 'locked.pdf', 'E_PDF_ENCRYPTED'],
    ['Word file that is not one', Buffer.concat([Buffer.from('PK\u0003\u0004'), junkBytes(500, 3)]), 'broken.docx', 'E_DOCX_INVALID'],
    ['XML that is not well formed', Buffer.from('<?xml version="1.0"?><meeting><agendaitems>'), 'bad.xml', 'E_XML_INVALID'],
    ['XML that is not a meeting', Buffer.from('<?xml version="1.0"?><root><x>1</x></root>'), 'other.xml', 'E_XML_NOT_MODERNGOV'],
    ['an old binary Word file', junkBytes(300, 5, false), 'old.doc', 'E_UNSUPPORTED_FORMAT'],
  ])('%s → %s', async (_label, bytes, name, expected) => {
    expect(await code(bytes, name)).toBe(expected);
  });

  it('a PDF with no text layer says to run OCR', async () => {
    await expect(readSource(await scannedPdf(), { name: 'scan.pdf' })).rejects.toMatchObject({ code: 'E_NO_TEXT_LAYER', message: expect.stringMatching(/run OCR first/) });
  });

  it('Windows-1252 text is decoded, with a warning', async () => {
    const [doc] = await extractSource(windows1252(corpus[0].text), { name: 'old.txt' });
    expect(doc.warnings[0].code).toBe('W_DECODED_CP1252');
    expect(doc.discussionPoints.map((p) => p.text)).toEqual(extract(corpus[0].text).discussionPoints.map((p) => p.text));
  });

  it('UTF-16 with a byte-order mark is decoded', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(corpus[4].text, 'utf16le')]);
    const [doc] = await extractSource(utf16, { name: 'u16.txt' });
    expect(doc.witnesses).toHaveLength(4);
  });
});
