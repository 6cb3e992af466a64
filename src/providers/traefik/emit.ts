/**
 * The Traefik file's YAML written line by line, byte for byte what the yaml library writes
 * for the same configuration (`new Document(config).toString({ lineWidth: 0 })` with the
 * origin comments): building that document node by node and serialising it was a third of
 * an offline plan at 1,000 VMs (5,000 routers and services). Only the shapes the file has
 * are written here: maps, lists (of scalars or of maps), strings, integers and booleans,
 * each object once. Anything else (a value kept from a live file may be anything), and any
 * string whose text the library might write otherwise (util/yaml-scalar.ts), gives
 * undefined, and the caller lets the library write the whole file.
 */
import { Document, type Schema } from 'yaml';
import { scalarText } from '../../util/yaml-scalar.js';

/** The origin comment of an entry, by its map's path (`http.routers`) and its name. */
export type OriginOf = (path: string, name: string) => string | undefined;

/** Thrown inside to give up; never leaves this module. */
const UNSURE = Symbol('unsure');

let coreSchema: Schema | undefined;
/** The schema `new Document(value)` uses (YAML 1.2 core). */
const schema = (): Schema => (coreSchema ??= new Document().schema);

/** The YAML of `config` (a map at the top), or undefined when it is not certain to be the library's. */
export function writeYaml(config: object, originOf: OriginOf): string | undefined {
  const out: string[] = [];
  try {
    if (!plainObject(config) || Object.keys(config).length === 0) return undefined;
    writeMap(config, '', '', out, new Set(), originOf);
  } catch (e) {
    if (e === UNSURE) return undefined;
    throw e;
  }
  return out.join('\n') + '\n';
}

function plainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A scalar as the library writes it, or UNSURE. */
function scalar(v: unknown): string {
  if (typeof v === 'string') {
    const text = scalarText(v, schema());
    if (text !== undefined) return text;
  } else if (typeof v === 'boolean') return v ? 'true' : 'false';
  else if (typeof v === 'number' && Number.isSafeInteger(v) && !Object.is(v, -0)) return String(v);
  throw UNSURE;
}

/** Each object written once: the library would write a repeated one as an anchor and aliases. */
function once(v: object, seen: Set<object>): void {
  if (seen.has(v)) throw UNSURE;
  seen.add(v);
}

/**
 * The pairs of a map at `indent`, under `path` (dotted keys from the top). An origin
 * comment goes on its own line before an entry that has one (originOf knows only the
 * entries of the sections, two levels down).
 */
function writeMap(
  map: Record<string, unknown>,
  indent: string,
  path: string,
  out: string[],
  seen: Set<object>,
  originOf: OriginOf,
): void {
  once(map, seen);
  for (const [k, v] of Object.entries(map)) {
    const key = scalar(k);
    if (key.length > 1024) throw UNSURE;
    const origin = originOf(path, k);
    if (origin) {
      // The comment is written line by line; one line is all an origin may be.
      if (/[\n\r\u2028\u2029]/.test(origin)) throw UNSURE;
      out.push(`${indent}# origin: ${origin}`);
    }
    const inner = path === '' ? k : `${path}.${k}`;
    if (Array.isArray(v)) {
      if (v.length === 0) out.push(`${indent}${key}: []`);
      else {
        out.push(`${indent}${key}:`);
        writeSeq(v, `${indent}  `, out, seen);
      }
    } else if (plainObject(v)) {
      if (Object.keys(v).length === 0) out.push(`${indent}${key}: {}`);
      else {
        out.push(`${indent}${key}:`);
        writeMap(v, `${indent}  `, inner, out, seen, originOf);
      }
    } else out.push(`${indent}${key}: ${scalar(v)}`);
  }
}

/** The items of a list at `indent`: scalars, or maps whose first pair shares the `- ` line. */
function writeSeq(seq: unknown[], indent: string, out: string[], seen: Set<object>): void {
  once(seq, seen);
  for (const item of seq) {
    if (plainObject(item) && Object.keys(item).length > 0) {
      const first = out.length;
      // Inside a list no entry has an origin.
      writeMap(item, `${indent}  `, '-', out, seen, () => undefined);
      out[first] = `${indent}- ${out[first]!.slice(indent.length + 2)}`;
    } else if (Array.isArray(item) || typeof item === 'object') throw UNSURE;
    else out.push(`${indent}- ${scalar(item)}`);
  }
}
