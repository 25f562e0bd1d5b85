// Writes schemas/*.json from the zod sources. Run by `npm run schemas`; a test fails when they drift.
import { writeFileSync } from 'node:fs';
import { schemaFiles } from '../src/schema/files.js';

for (const [file, schema] of Object.entries(schemaFiles())) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schemas/${file}`);
}
