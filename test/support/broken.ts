/** Broken and awkward inputs for the bad-input tests, made at test time. */
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A one-page PDF whose trailer names a Standard security handler: readers must ask for a password. */
export function encryptedPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'a1'.repeat(32)}> /U <${'b2'.repeat(32)}> /P -44 >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'c3'.repeat(16)}> <${'c3'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A PDF of pages with no text on them, as a scan is. */
export async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
  return pdf.save();
}

/** Pseudo-random bytes (a fixed seed, so the same every run). */
export function junkBytes(length: number, seed = 7, withNul = true): Buffer {
  const bytes = Buffer.alloc(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = s >> 16;
    if (!withNul && bytes[i] === 0) bytes[i] = 1;
  }
  return bytes;
}

/** Windows-1252 bytes of a text (its curly quotes and dashes become single bytes, as old systems saved them). */
export function windows1252(text: string): Buffer {
  const table: Record<string, number> = { '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '•': 0x95, '…': 0x85, '£': 0xa3, '\u00a0': 0xa0 };
  return Buffer.from([...text].map((ch) => table[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));
}

/** An A4 page in Helvetica, and `text` to write a line on it at (x, y) in a size (`size` unless given). */
async function helveticaPage(size: number) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const text = (s: string, x: number, y: number, at = size) => page.drawText(s, { x, y, size: at, font });
  return { pdf, font, text };
}

/**
 * A page as word processors print ordinals: "29" then a raised, smaller "th" as a text item of its own, on
 * two lines of a paragraph ("… held on 29th January 2025 …" and "… on 4th March.").
 */
export async function superscriptPdf(): Promise<Uint8Array> {
  const size = 11;
  const { pdf, font, text } = await helveticaPage(size);
  const line = (y: number, before: string, suffix: string, after: string) => {
    text(before, 60, y);
    const x = 60 + font.widthOfTextAtSize(before, size);
    text(suffix, x, y + 4, 7);
    text(after, x + font.widthOfTextAtSize(suffix, 7), y);
  };
  text('MINUTES of the meeting of the Cabinet.', 60, 760);
  line(730, 'At the Scrutiny Committee held on 29', 'th', ' January 2025, Members considered the call-in.');
  line(715, 'The decision will be reconsidered on 4', 'th', ' March 2025 by the Cabinet.');
  return pdf.save();
}

/**
 * A parish minute book with a right-hand column: "Noted" or the owner ("Clerk") at the right edge against each
 * paragraph, on its last line; one paragraph wraps onto a second line; a payments table keeps its amounts.
 */
export async function rightColumnPdf(): Promise<Uint8Array> {
  const size = 10;
  const { pdf, font, text } = await helveticaPage(size);
  const wrapping = 'ii) Invoice from the County Council for the street lighting of the village for the year, Clerk to';
  // The right edge: where the longest line of the text ends, as in a justified page.
  const edge = 40 + font.widthOfTextAtSize(wrapping, size);
  const cell = (s: string, y: number) => text(s, edge - font.widthOfTextAtSize(s, size), y);
  text('6. CORRESPONDENCE', 40, 780);
  text('i) Bank statement dated 1st March 2024, credit balance of £1,254.67.', 40, 764);
  cell('Noted', 764);
  // A line that runs to the margin, and the rest of its sentence on the next.
  text(wrapping, 40, 748);
  text('arrange payment.', 40, 734);
  cell('Clerk', 734);
  text('iii) Letter from the Police about a marking day for farms and rural homes.', 40, 718);
  cell('Noted', 718);
  text('7. PAYMENTS', 40, 690);
  text('i) Lighting Services Ltd, April to March, Chq No 1302', 40, 674);
  cell('283.25', 674);
  text('ii) Village Hall hire, Chq No 1303', 40, 660);
  cell('40.00', 660);
  return pdf.save();
}

/**
 * A planning item whose title, without a stop, happens to run to the right margin, and the debate under it
 * opening "The Councillors …" on the next line.
 */
export async function titleToMarginPdf(): Promise<Uint8Array> {
  const { pdf, text } = await helveticaPage(11);
  const lines = [
    'Proposed erection of two bungalows for Mr and Mrs Hetherington, Thorn Dykes, Milburn',
    'The Councillors discussed this application and while they supported the two',
    'bungalows, they had major concerns about the access.',
  ];
  lines.forEach((line, i) => text(line, 72, 700 - i * 16));
  return pdf.save();
}

/** A correspondence list set in two columns, then a payments row whose amount stands far to the right. */
export async function twoColumnListPdf(): Promise<Uint8Array> {
  const { pdf, text } = await helveticaPage(11);
  text('18.11.8 Correspondence', 90, 700);
  text('Broxap Catalogue', 90, 684);
  text('Yates Playground Equipment', 306, 684);
  text('CALC AGM 10/11/18', 90, 669);
  text('Post Office "Beware of Scams"', 306, 669);
  text('18.11.9 Payments', 90, 640);
  text('Lighting Services Ltd, Chq No 1302', 90, 624);
  text('283.25', 480, 624);
  return pdf.save();
}
