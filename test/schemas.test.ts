import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { schemaFiles } from '../src/schema/files.js';
import { schemaSql } from '../src/db/sql-schema.js';

describe('generated JSON Schemas', () => {
  for (const [file, generated] of Object.entries(schemaFiles())) {
    it(`schemas/${file} is in sync with the zod source (run npm run schemas)`, () => {
      const committed = JSON.parse(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8'));
      expect(committed).toEqual(generated);
    });
  }

  it('schemas/archive.sql (the archive database) is in sync with the zod source (run npm run schemas)', () => {
    expect(readFileSync(new URL('../schemas/archive.sql', import.meta.url), 'utf8')).toBe(schemaSql());
  });
});
