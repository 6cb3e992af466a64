/**
 * Writes the published JSON Schemas (schemas/*.schema.json) and the settings reference
 * (docs/settings.md) from the TypeBox source the validator uses. Run `npm run schemas` after
 * changing src/config/schema.ts or settings.ts; test/schemas.test.ts fails when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { publishedSchemas, settingsReference } from '../src/config/publish.js';

const at = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const schemas = publishedSchemas();
for (const [name, text] of Object.entries(schemas)) writeFileSync(at(`schemas/${name}`), text);
writeFileSync(at('docs/settings.md'), settingsReference());
console.log(`wrote ${Object.keys(schemas).length} schemas and docs/settings.md`);
