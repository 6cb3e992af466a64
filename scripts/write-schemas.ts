/**
 * Writes the published JSON Schemas (schemas/*.schema.json), the settings reference
 * (docs/settings.md) and the precompiled validators (src/config/generated/) from the TypeBox
 * source. Run `npm run schemas` after changing src/config/schema.ts or settings.ts;
 * test/schemas.test.ts and test/validators.test.ts fail when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { publishedSchemas, settingsReference } from '../src/config/publish.js';
import { SAVED_PLAN_SCHEMA_FILE, savedPlanSchemaText } from '../src/plan/saved.js';
import { generatedValidators } from './validators.js';

const at = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const schemas = publishedSchemas();
for (const [name, text] of Object.entries(schemas)) writeFileSync(at(`schemas/${name}`), text);
// The saved plan's schema: not a root file, so it is not among those `phoenix schema` offers.
writeFileSync(at(`schemas/${SAVED_PLAN_SCHEMA_FILE}`), savedPlanSchemaText());
writeFileSync(at('docs/settings.md'), settingsReference());
for (const [file, text] of Object.entries(generatedValidators())) writeFileSync(at(file), text);
console.log(`wrote ${Object.keys(schemas).length + 1} schemas, docs/settings.md and the validators`);
