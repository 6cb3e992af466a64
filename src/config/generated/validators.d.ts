// GENERATED FILE, do not edit: types of validators.js (scripts/validators.ts writes both).
import type { ValidateFunction } from 'ajv';

/** Precompiled validator of `GlobalConfigSchema`. */
export declare const GlobalConfigSchema: ValidateFunction;
/** Precompiled validator of `VmConfigSchema`. */
export declare const VmConfigSchema: ValidateFunction;
/** Precompiled validator of `LxcConfigSchema`. */
export declare const LxcConfigSchema: ValidateFunction;
/** Precompiled validator of `StacksConfigSchema`. */
export declare const StacksConfigSchema: ValidateFunction;
/** Precompiled validator of `ManifestSchema`. */
export declare const ManifestSchema: ValidateFunction;
