/**
 * Writes the published JSON Schemas (schemas/*.schema.json) from the TypeBox source the
 * validator uses. `npm run schemas` after changing src/config/schema.ts or settings.ts;
 * test/schemas.test.ts fails when the files are out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { publishedSchemas } from '../src/config/publish.js';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
for (const [name, text] of Object.entries(publishedSchemas())) writeFileSync(dir + name, text);
console.log(`wrote ${Object.keys(publishedSchemas()).length} schemas to ${dir}`);
