import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extract, validate } from '../src/index.js';

const seed = readFileSync(new URL('../corpus/seeds/s001.txt', import.meta.url), 'utf8');

describe('bad input gives a document with warnings, never a throw', () => {
  it('empty string', () => {
    const doc = extract('');
    expect(validate(doc).valid).toBe(true);
    expect(doc.discussionPoints).toEqual([]);
    expect(doc.warnings.map((w) => w.code)).toContain('W_NO_MINUTES');
  });

  it('binary junk', () => {
    // Random bytes read as UTF-8, as a file of binary data would be.
    const bytes = Buffer.alloc(4000);
    let seedValue = 7;
    for (let i = 0; i < bytes.length; i++) {
      seedValue = (seedValue * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = seedValue >> 16;
    }
    const doc = extract(bytes.toString('utf8'));
    expect(validate(doc).valid).toBe(true);
    expect(doc.warnings.map((w) => w.code)).toContain('W_NOT_TEXT');
  });

  it('text with no minutes markers', () => {
    const doc = extract('The quick brown fox jumps over the lazy dog. It was a sunny day in the park.');
    expect(validate(doc).valid).toBe(true);
    expect(doc.resolutions).toEqual([]);
    expect(doc.actions).toEqual([]);
  });

  it('a 5 MB text', () => {
    const text = (seed + '\n\n').repeat(Math.ceil(5_000_000 / seed.length));
    const doc = extract(text);
    expect(validate(doc).valid).toBe(true);
    expect(doc.source.chars).toBe(text.length);
    expect(doc.resolutions.length).toBeGreaterThan(100);
  });

  it('CRLF line ends, lone surrogates, decomposed accents and control characters', () => {
    const text = 'Minutes:\r\n\r\n\u2022 Cafe\u0301 opening hours were discussed.\u0007\r\n\r\nRESOLVED \ud800 that the report be noted.\r\n';
    // The rules' drafts: this is about offsets and text, not about what the model makes of a two-line text.
    const doc = extract(text, { model: null });
    expect(validate(doc).valid).toBe(true);
    for (const p of doc.discussionPoints) expect(text.slice(p.span.start, p.span.end).replace(/\s+/g, ' ').trim()).toBe(p.text);
    expect(doc.discussionPoints[0].text).toBe('Cafe\u0301 opening hours were discussed.');
    expect(doc.resolutions).toHaveLength(1);
  });
});
