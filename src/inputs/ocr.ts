/**
 * OCR for PDFs without a usable text layer (scans, garbled fonts), asked for with `ocr: true` / `--ocr`.
 * Each page is rendered by pdfjs (on @napi-rs/canvas, which pdfjs-dist brings) at twice its size and read by
 * tesseract.js with the English model shipped in @tesseract.js-data/eng: nothing is downloaded at run time.
 * Both packages are optional dependencies (about 60 MB together); without them `--ocr` says how to add them.
 * Tesseract is deterministic for the same page image, so the same PDF gives the same text.
 */
import { createRequire } from 'node:module';
import { InputError } from './types.js';

/** The parts of a pdfjs document OCR needs (kept structural: pdfjs-dist's types differ between builds). */
export interface RenderablePdf {
  numPages: number;
  getPage(n: number): Promise<{
    getViewport(options: { scale: number }): { width: number; height: number };
    render(options: Record<string, unknown>): { promise: Promise<void> };
    cleanup(): void;
  }>;
  canvasFactory?: { create(width: number, height: number): { canvas: { toBuffer(type: string): Uint8Array }; context: unknown } };
}

/** Twice the PDF's 72 dpi: about 150 dpi, where tesseract reads minutes' body text well. */
const RENDER_SCALE = 2;

const UNAVAILABLE = 'OCR needs the optional packages tesseract.js and @tesseract.js-data/eng (npm install tesseract.js @tesseract.js-data/eng)';

/** One string per page, as tesseract reads it (lines, and blank lines between its paragraphs). */
export async function ocrPages(doc: RenderablePdf): Promise<string[]> {
  let createWorker: typeof import('tesseract.js').createWorker;
  let eng: { langPath: string; gzip: boolean };
  try {
    const tesseract = (await import('tesseract.js')) as unknown as { createWorker?: typeof createWorker; default?: { createWorker: typeof createWorker } };
    createWorker = tesseract.createWorker ?? tesseract.default!.createWorker;
    eng = createRequire(import.meta.url)('@tesseract.js-data/eng');
  } catch {
    throw new InputError('E_OCR_UNAVAILABLE', UNAVAILABLE);
  }
  if (!doc.canvasFactory) throw new InputError('E_OCR_UNAVAILABLE', 'OCR needs @napi-rs/canvas (installed with pdfjs-dist) to render the pages');
  // cacheMethod "none": the model is read from the package, never copied to a cache folder.
  const worker = await createWorker('eng', 1, { langPath: eng.langPath, gzip: eng.gzip, cacheMethod: 'none', logger: () => {} });
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: RENDER_SCALE });
      const { canvas, context } = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvasContext: context, viewport, canvas }).promise;
      const { data } = await worker.recognize(Buffer.from(canvas.toBuffer('image/png')));
      pages.push(data.text);
      page.cleanup();
    }
    return pages;
  } finally {
    await worker.terminate();
  }
}
