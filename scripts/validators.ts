/**
 * Generates the precompiled schema validators (src/config/generated/validators.js): Ajv's
 * standalone code for each input file's TypeBox schema, with the options the loader needs
 * (every error, defaults filled in). The loader looks up each error's schema node and value
 * itself, which keeps the code a third smaller than with Ajv's `verbose` errors. Compiling
 * the schemas at run time cost every command about 0.2 s; generated code costs nothing but
 * its load. `npm run build` and `npm run schemas` write the file; test/validators.test.ts
 * fails when the committed copy no longer matches the schemas.
 */
import AjvModule from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { VALIDATED_SCHEMAS } from '../src/config/schema-validated.js';

// ajv's CommonJS default exports need this dance under NodeNext.
const Ajv = AjvModule.default;
const standaloneCode = standaloneModule.default;

/** Where the generated validators live, relative to the repository root. */
export const VALIDATORS_FILE = 'src/config/generated/validators.js';
/** Their types, beside them (the code is plain JavaScript, so TypeScript needs a declaration). */
export const VALIDATORS_TYPES_FILE = 'src/config/generated/validators.d.ts';

/**
 * Ajv's runtime helpers the generated code may name. Inlined so the file imports nothing:
 * a `require` has no place in an ES module, and loading Ajv at all is what this avoids.
 */
const RUNTIME: Record<string, string> = {
  'require("ajv/dist/runtime/ucs2length").default': `function ucs2length(str) {
  // Length in code points, as JSON Schema counts it (a surrogate pair is one character).
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}`,
};

const HEADER = `// GENERATED FILE, do not edit: Ajv standalone validators of the input files' schemas.
// Source: src/config/schema.ts and settings.ts (VALIDATED_SCHEMAS in schema-validated.ts).
// Regenerate with \`npm run build\` or \`npm run schemas\`; test/validators.test.ts checks it.
/* eslint-disable */
`;

/** The text of the generated validators module. */
export function validatorsSource(): string {
  // The options the loader's error handling relies on (see validate-schema.ts).
  const ajv = new Ajv({
    allErrors: true,
    useDefaults: true,
    strict: false,
    validateSchema: false,
    code: { source: true, esm: true, lines: true },
  });
  const refs: Record<string, string> = {};
  for (const [name, schema] of Object.entries(VALIDATED_SCHEMAS)) {
    ajv.addSchema(schema, name);
    refs[name] = name;
  }
  // An ES module is strict already; Ajv's directive would only sit after the helpers.
  let code = standaloneCode(ajv, refs).replace(/^"use strict";/, '');
  const helpers: string[] = [];
  for (const [ref, fn] of Object.entries(RUNTIME)) {
    if (!code.includes(ref)) continue;
    code = code.split(ref).join(fn.slice('function '.length, fn.indexOf('(')));
    helpers.push(fn);
  }
  const left = /require\([^)]*\)/.exec(code);
  if (left) throw new Error(`generated validators need ${left[0]}: inline it in scripts/validators.ts`);
  return `${HEADER}${helpers.join('\n')}\n${code.trim()}\n`;
}

/** The text of the generated declaration file: one ValidateFunction per validated schema. */
export function validatorsTypes(): string {
  const lines = Object.keys(VALIDATED_SCHEMAS).map(
    (name) => `/** Precompiled validator of \`${name}\`. */\nexport declare const ${name}: ValidateFunction;`,
  );
  return `// GENERATED FILE, do not edit: types of validators.js (scripts/validators.ts writes both).
import type { ValidateFunction } from 'ajv';

${lines.join('\n')}
`;
}

/** Both generated files, by path relative to the repository root. */
export function generatedValidators(): Record<string, string> {
  return { [VALIDATORS_FILE]: validatorsSource(), [VALIDATORS_TYPES_FILE]: validatorsTypes() };
}
