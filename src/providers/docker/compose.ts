/**
 * Pure helpers over a rendered compose file: which services must run, whether Phoenix's
 * ownership labels are in place, and the two transformations a deploy needs (inline configs
 * removed for compose CLIs that lack them; swarm configs turned into files on disk).
 */
import { posix } from 'node:path';
import { parse, parseDocument, isMap, type Document } from 'yaml';
import { configName } from '../../desired/compose-render.js';
import type { StackFile } from '../../desired/types.js';
import { ApplyError } from '../../errors.js';
import { DEPLOYMENT_LABEL, HASH_LABEL, OWNER_LABEL, labelMap } from './labels.js';

type Obj = Record<string, unknown>;

/** The compose file version written into swarm files that lack one (docker CLI < 25 needs it). */
export const SWARM_COMPOSE_VERSION = '3.8';

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Parse a rendered compose file; a file that is not a mapping is a bug upstream. */
export function parseCompose(text: string): Obj {
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new ApplyError(`rendered compose file does not parse: ${(err as Error).message}`, { cause: err });
  }
  if (!isObj(value)) throw new ApplyError('rendered compose file is not a mapping');
  return value;
}

function servicesOf(compose: Obj): [string, Obj][] {
  const services = compose.services;
  if (!isObj(services)) return [];
  return Object.entries(services).map(([name, s]) => [name, isObj(s) ? s : {}]);
}

/**
 * Services that must have a running container after `up -d` / `stack deploy`: every service
 * except those behind a profile (compose starts them only on request) and those scaled to 0.
 */
export function expectedServices(text: string): string[] {
  return servicesOf(parseCompose(text))
    .filter(([, s]) => {
      if (Array.isArray(s.profiles) && s.profiles.length > 0) return false;
      const deploy = isObj(s.deploy) ? s.deploy : {};
      return deploy.replicas !== 0 && s.scale !== 0;
    })
    .map(([name]) => name)
    .sort();
}

/** A service's labels as Docker will see them: container `labels` over `deploy.labels`. */
export function serviceLabels(service: Obj): Record<string, string> {
  const deploy = isObj(service.deploy) ? service.deploy : {};
  return { ...labelMap(deploy.labels), ...labelMap(service.labels) };
}

/**
 * What is missing for a later observation to recognise the stack as Phoenix's: every
 * expected service must carry the owner, deployment and hash labels with these values.
 */
export function ownershipProblems(
  text: string,
  want: { owner: string; deployment: string; hash: string },
): string[] {
  const expected = new Set(expectedServices(text));
  const problems: string[] = [];
  for (const [name, service] of servicesOf(parseCompose(text))) {
    if (!expected.has(name)) continue;
    const labels = serviceLabels(service);
    const pairs: [string, string][] = [
      [OWNER_LABEL, want.owner],
      [DEPLOYMENT_LABEL, want.deployment],
      [HASH_LABEL, want.hash],
    ];
    for (const [key, value] of pairs) {
      if (labels[key] !== value)
        problems.push(
          `service ${name}: label ${key} is ${JSON.stringify(labels[key] ?? null)}, want ${JSON.stringify(value)}`,
        );
    }
  }
  if (expected.size === 0) problems.push('the compose file has no service to run');
  return problems;
}

function documentOf(text: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    throw new ApplyError(`rendered compose file does not parse: ${doc.errors[0]?.message}`);
  if (!isMap(doc.contents)) throw new ApplyError('rendered compose file is not a mapping');
  return doc;
}

/**
 * The compose file without inline configs (`configs.<key>.content`) and without the service
 * references to them, for compose CLIs that reject or ignore them (v1, v2 before 2.23.1).
 * The files then reach the containers with `docker cp` before they start.
 */
export function withoutInlineConfigs(text: string): string {
  const doc = documentOf(text);
  const js = doc.toJS({ maxAliasCount: 100 }) as Obj;
  const top = isObj(js.configs) ? js.configs : {};
  const inline = new Set(
    Object.entries(top)
      .filter(([, c]) => isObj(c) && 'content' in c)
      .map(([k]) => k),
  );
  if (inline.size === 0) return text;
  for (const key of inline) doc.deleteIn(['configs', key]);
  if (Object.keys(top).length === inline.size) doc.delete('configs');
  for (const [name, service] of servicesOf(js)) {
    if (!Array.isArray(service.configs)) continue;
    const kept = service.configs.filter(
      (ref) => !inline.has(typeof ref === 'string' ? ref : isObj(ref) ? String(ref.source) : ''),
    );
    if (kept.length === service.configs.length) continue;
    if (kept.length === 0) doc.deleteIn(['services', name, 'configs']);
    else doc.setIn(['services', name, 'configs'], doc.createNode(kept));
  }
  return doc.toString();
}

/** A file to write next to a swarm compose file, relative to its folder. */
export interface BundleFile {
  path: string;
  content: string;
}

/** A swarm compose file ready for `docker stack deploy -c`, with the files its configs read. */
export interface SwarmBundle {
  compose: string;
  files: BundleFile[];
  /** Content-addressed configs the compose file names as external: created before the deploy. */
  external: BundleFile[];
  /** Names of the Docker configs this deploy uses; the stack's other configs are stale. */
  configNames: string[];
}

/** A relative path that stays inside its folder, normalised (no `./`); undefined if it escapes. */
export function safeRelative(path: string): string | undefined {
  if (path === '' || path.includes('\0') || posix.isAbsolute(path)) return undefined;
  const norm = posix.normalize(path);
  if (norm === '..' || norm.startsWith('../') || norm === '.') return undefined;
  return norm;
}

/**
 * Turn the swarm form of a rendered compose file into what `docker stack deploy` reads.
 * The derivation names each manifest file as an external config `<name>-<file>-<hash>`
 * (see desired/compose-render.ts): those are returned in `external` for the backend to
 * create first. Configs given as `content` become files under `configs/`, configs given as
 * `file` are matched with the deployment's files by source path, and a missing `version`
 * is set. External configs that are not manifest files belong to the user and stay as-is.
 */
export function swarmBundle(text: string, stackName: string, files: readonly StackFile[]): SwarmBundle {
  const doc = documentOf(text);
  if (!doc.has('version')) doc.set('version', SWARM_COMPOSE_VERSION);
  const js = doc.toJS({ maxAliasCount: 100 }) as Obj;
  const configs = isObj(js.configs) ? js.configs : {};
  const out: SwarmBundle = { compose: '', files: [], external: [], configNames: [] };
  const bySource = new Map(files.map((f) => [safeRelative(f.source), f]));
  const byName = new Map(files.map((f) => [configName(stackName, f, 'swarm'), f]));
  for (const [key, config] of Object.entries(configs)) {
    if (!isObj(config)) continue;
    const name =
      typeof config.name === 'string' ? config.name : config.external ? key : `${stackName}_${key}`;
    out.configNames.push(name);
    if (config.external) {
      const file = byName.get(name);
      if (file) out.external.push({ path: name, content: file.content });
    } else if (typeof config.content === 'string') {
      const path = safeRelative(`configs/${key}`);
      if (!path) throw new ApplyError(`config ${key}: its name cannot be a file name`);
      out.files.push({ path, content: config.content });
      doc.deleteIn(['configs', key, 'content']);
      doc.setIn(['configs', key, 'file'], `./${path}`);
    } else if (typeof config.file === 'string') {
      const path = safeRelative(config.file);
      const file = path === undefined ? undefined : bySource.get(path);
      if (!path || !file) {
        throw new ApplyError(`config ${key}: file ${config.file} is not one of the deployment's files`);
      }
      out.files.push({ path, content: file.content });
    }
  }
  out.compose = doc.toString();
  return out;
}
