// Writes schemas/*.json and the archive database's schemas/archive.sql from the zod sources. Run by `npm run schemas`; a test fails when they drift.
import { writeFileSync } from 'node:fs';
import { schemaFiles } from '../src/schema/files.js';
import { schemaSql } from '../src/db/sql-schema.js';

for (const [file, schema] of Object.entries(schemaFiles())) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schemas/${file}`);
}
writeFileSync(new URL('../schemas/archive.sql', import.meta.url), schemaSql());
console.log('wrote schemas/archive.sql');
