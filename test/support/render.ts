/**
 * Renders a corpus text into the other formats councils publish, for the format tests: an HTML page (with
 * ModernGov-like navigation and footer to drop), a Word document (docx), a PDF with a text layer (pdf-lib,
 * wrapped to the page width), and a ModernGov GetMeeting XML holding the text as one item's minutes.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Blank-line separated blocks of lines (lines holding only spaces or no-break spaces count as blank). */
export function blocks(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((b) => b.length > 0);
}

const keepIndent = (line: string) => line.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length));

export function toHtmlBody(text: string): string {
  return blocks(text)
    .map((b) => `<p>${b.map((l) => escapeHtml(keepIndent(l))).join('<br>\n')}</p>`)
    .join('\n');
}

export function toHtmlPage(text: string): string {
  return `<!DOCTYPE html><html><head><title>Minutes</title><script>window.x = 1;</script><style>p{}</style></head><body>
<div id="mgHeader"><a href="/">Home</a> | <a href="/committees">Committees</a></div>
<nav class="mgBreadcrumbs"><a>Council and democracy</a> &gt; <a>Meetings</a></nav>
<div id="modgov"><div class="mgContent">
${toHtmlBody(text)}
</div></div>
<footer><p>Contact us · Accessibility · Cookies</p></footer>
</body></html>`;
}

export async function toDocx(text: string): Promise<Buffer> {
  const paragraphs = blocks(text).map(
    (b) => new Paragraph({ children: b.map((l, i) => new TextRun({ text: keepIndent(l), break: i > 0 ? 1 : 0 })) }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** Characters Helvetica's WinAnsi encoding lacks, with the nearest it has. */
const WIN_ANSI_FALLBACK: Record<string, string> = { '\u2011': '-', '\u2012': '-', '\u2010': '-', '\u2212': '-', '\u25aa': '\u2022', '\u25cf': '\u2022', '\uf0b7': '\u2022' };

export async function toPdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 10;
  const lineHeight = 13;
  const [width, height, margin] = [595, 842, 50];
  let page = pdf.addPage([width, height]);
  let y = height - margin;
  const newLine = (gap: number) => {
    y -= gap;
    if (y < margin) {
      page = pdf.addPage([width, height]);
      y = height - margin;
    }
  };
  for (const block of blocks(text)) {
    for (const raw of block) {
      const line = [...raw].map((ch) => WIN_ANSI_FALLBACK[ch] ?? ch).join('').replace(/\t/g, ' ');
      const indent = line.length - line.trimStart().length;
      const x = margin + font.widthOfTextAtSize(' ', size) * indent * 2;
      // Wrap at spaces to the right margin, as a PDF of the minutes would.
      let rest = line.trimStart();
      while (rest) {
        let cut = rest.length;
        while (font.widthOfTextAtSize(rest.slice(0, cut), size) > width - margin - x) {
          const space = rest.lastIndexOf(' ', cut - 1);
          if (space <= 0) break;
          cut = space;
        }
        page.drawText(rest.slice(0, cut).trimEnd(), { x, y, size, font });
        rest = rest.slice(cut).trimStart();
        newLine(lineHeight);
      }
    }
    newLine(lineHeight * 0.8);
  }
  return pdf.save();
}

export function toModernGovXml(text: string, title: string): string {
  const html = toHtmlBody(text);
  const x = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>1</meetingid>
  <meetingdate>07/06/2022</meetingdate>
  <meetingtime>10.00 am</meetingtime>
  <agendaitems>
    <agendaitem>
      <agendaitemtitle>${x(title)}</agendaitemtitle>
      <agendatext></agendatext>
      <fulldisplaynumberformat>1.</fulldisplaynumberformat>
      <commenttext1></commenttext1>
      <commenttext2></commenttext2>
      <minutesnonemptyhtmlbody>${x(html)}</minutesnonemptyhtmlbody>
      <isrestricted>False</isrestricted>
      <isdisplayallowed>True</isdisplayallowed>
      <refertocommittee>Test Committee</refertocommittee>
    </agendaitem>
  </agendaitems>
  <attendees></attendees>
</meeting>
`;
}
