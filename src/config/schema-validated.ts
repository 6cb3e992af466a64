/**
 * The schemas the loader validates input files against, by name: the one list both the
 * validator generator (scripts/validators.ts) and the loader's lookup use.
 */
import type { TSchema } from '@sinclair/typebox';
import {
  GlobalConfigSchema,
  LxcConfigSchema,
  ManifestSchema,
  StacksConfigSchema,
  VmConfigSchema,
} from './schema.js';

/** Each validated schema under the name its generated validator is exported as. */
export const VALIDATED_SCHEMAS = {
  GlobalConfigSchema,
  VmConfigSchema,
  LxcConfigSchema,
  StacksConfigSchema,
  ManifestSchema,
} satisfies Record<string, TSchema>;
