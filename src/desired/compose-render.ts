/**
 * Rendering a stack's compose file for one environment (pure): the user's document with
 * the manifest's Traefik labels merged into each service's `labels` (list or map form),
 * Phoenix's ownership labels, and the manifest's files as compose configs. Comments and
 * formatting of the user's file are kept (the YAML document is edited, not re-serialised
 * from plain data).
 */
import { isMap, isNode, isScalar, isSeq, Pair, YAMLMap, YAMLSeq, type Document, type Scalar } from 'yaml';
import { fill, makeTemplate, scalarToken, valueToken, type Template } from './compose-template.js';
import type { StackFile } from './types.js';

/** Label keys Phoenix puts on every service it deploys: the ownership marker. */
export const OWNER_LABEL = 'io.phoenix.owner';
export const DEPLOYMENT_LABEL = 'io.phoenix.deployment';
export const HASH_LABEL = 'io.phoenix.hash';

/**
 * Bumped whenever rendering changes its output for the same input: it is part of every
 * deployment's hash, which is computed from the inputs rather than the rendered text.
 */
export const RENDER_VERSION = 1;

export interface RenderInput {
  doc: Document.Parsed;
  deployName: string;
  /** service → `key=value` labels to merge. */
  labels: ReadonlyMap<string, readonly string[]>;
  files: readonly StackFile[];
  ownerLabels: Readonly<Record<string, string>>;
  mode: 'standalone' | 'swarm';
  /** Swarm mode: added to every service's `deploy.placement.constraints`. */
  placementConstraints?: readonly string[];
}

/** Render one compose text: from the stack's template where its values allow, else directly (the same bytes). */
export function renderCompose(input: RenderInput): string {
  return fromTemplate(input) ?? renderComposeDirect(input);
}

/** Makes the scalar of a label (`key=value` in a list, the value in a map). */
type LabelScalar = (doc: Document, text: string) => Scalar;
const plainScalar: LabelScalar = (doc, text) => doc.createNode(text);

/** Render one compose text by editing a copy of the document and serialising it. */
export function renderComposeDirect(input: RenderInput): string {
  const doc = editableCopy(input.doc);
  const services = doc.get('services');
  if (!isMap(services)) return doc.toString();
  decorate(doc, services, input, plainScalar);
  return doc.toString({ lineWidth: 0 });
}

/** Templates by document, then by everything of an input but its label values (compose-template.ts). */
const templates = new WeakMap<Document.Parsed, Map<string, Template | null>>();

/** The rendering through a template of the input's shape; undefined when it must be rendered directly. */
function fromTemplate(input: RenderInput): string | undefined {
  const values: string[] = [];
  const slot = (value: string) => valueToken(values.push(value) - 1);
  const shaped: RenderInput = {
    ...input,
    labels: new Map(
      [...input.labels].map(([svc, list]) => [
        svc,
        list.map((l) => {
          const [k, v] = splitLabel(l);
          return `${k}=${slot(v)}`;
        }),
      ]),
    ),
    ownerLabels: Object.fromEntries(Object.entries(input.ownerLabels).map(([k, v]) => [k, slot(v)])),
  };
  // The deployment's name is written only into swarm config names.
  const key = JSON.stringify([
    shaped.mode,
    shaped.mode === 'swarm' ? shaped.deployName : '',
    [...shaped.labels],
    shaped.ownerLabels,
    shaped.files,
    shaped.placementConstraints ?? [],
  ]);
  let byShape = templates.get(input.doc);
  if (!byShape) templates.set(input.doc, (byShape = new Map()));
  let t = byShape.get(key);
  if (t === undefined) {
    t = blockOnly(input.doc) && !input.doc.schema.toStringOptions ? makeShaped(shaped) : null;
    byShape.set(key, t);
  }
  return t ? fill(t, values, input.doc.schema) : undefined;
}

/** Render an input whose label values are tokens, each label scalar written as a token of its own. */
function makeShaped(shaped: RenderInput): Template | null {
  const doc = editableCopy(shaped.doc);
  const services = doc.get('services');
  if (!isMap(services)) return makeTemplate(doc.toString(), []);
  const made: Scalar[] = [];
  decorate(doc, services, shaped, (d, text) => {
    const node = d.createNode(text);
    made.push(node);
    return node;
  });
  // Labels are looked up by key while merging, so the scalars say what they hold until then.
  const texts = made.map((n, j) => {
    const text = String(n.value);
    n.value = scalarToken(j);
    return text;
  });
  return makeTemplate(doc.toString({ lineWidth: 0 }), texts);
}

/**
 * No flow collection (`{…}`, `[…]`) on the way to any service's labels: the library writes
 * a scalar inside one differently (it quotes commas and brackets), so a template would not
 * be its text.
 */
function blockOnly(doc: Document.Parsed): boolean {
  const flow = (n: unknown) => isNode(n) && 'flow' in n && n.flow === true;
  if (flow(doc.contents)) return false;
  const services = doc.get('services', true);
  if (!isMap(services)) return true;
  if (flow(services)) return false;
  return services.items.every(
    (p) => !flow(p.value) && !(isMap(p.value) && flow(p.value.get('labels', true))),
  );
}

/**
 * A copy of a parsed document to render into: the maps on the way to what rendering edits
 * (the top level, `services`, each service) are copied pair by pair, and the `labels`,
 * `configs` and `deploy` nodes are cloned; every other node is shared with the original, which is never
 * modified. `Document.clone()` copied every node of the file for every deployment, which
 * was a third of the rendering time.
 */
function editableCopy(doc: Document.Parsed): Document.Parsed {
  const copy = shallowCopy(doc);
  if (!isMap(doc.contents)) return copy;
  const top = copyMap(doc.contents);
  copy.contents = top as typeof doc.contents;
  for (const pair of top.items) {
    const key = keyOf(pair);
    if (key === 'configs') pair.value = cloneNode(pair.value);
    if (key !== 'services' || !isMap(pair.value)) continue;
    const services = copyMap(pair.value);
    pair.value = services;
    for (const svc of services.items) {
      if (!isMap(svc.value)) continue;
      const service = copyMap(svc.value);
      svc.value = service;
      for (const p of service.items)
        if (['labels', 'configs', 'deploy'].includes(keyOf(p) as string)) p.value = cloneNode(p.value);
    }
  }
  return copy;
}

/** The same object with the same own properties (what yaml's own clone() starts from). */
function shallowCopy<T extends object>(value: T): T {
  return Object.create(Object.getPrototypeOf(value) as object, Object.getOwnPropertyDescriptors(value)) as T;
}

/** A map whose pairs are new (so setting a key never touches the original) but whose keys and values are shared. */
function copyMap(map: YAMLMap): YAMLMap {
  const copy = shallowCopy(map);
  copy.items = map.items.map((p) => new Pair(p.key, p.value));
  if (map.range) copy.range = [...map.range] as typeof map.range;
  return copy;
}

function cloneNode(value: unknown): unknown {
  return isNode(value) ? value.clone() : value;
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** Merge labels (and files as configs) into every service of a document copy. */
function decorate(doc: Document, services: YAMLMap, input: RenderInput, labelScalar: LabelScalar): void {
  for (const pair of services.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const service = pair.value;
    if (!isMap(service)) continue;
    const merged: [string, string][] = [
      ...(input.labels.get(name) ?? []).map(splitLabel),
      ...Object.entries(input.ownerLabels),
    ];
    mergeLabels(doc, service, merged, labelScalar);
    const files = input.files.filter((f) => f.services.includes(name));
    if (files.length > 0) addServiceConfigs(doc, service, files, input);
    if (input.mode === 'swarm' && input.placementConstraints?.length)
      addPlacement(doc, service, input.placementConstraints);
  }
  if (input.files.length > 0) addTopLevelConfigs(doc, input);
}

function splitLabel(label: string): [string, string] {
  const eq = label.indexOf('=');
  return [label.slice(0, eq).trim(), label.slice(eq + 1).trim()];
}

/** Set labels on a service, keeping its form: a map stays a map, a list stays a list. */
function mergeLabels(
  doc: Document,
  service: YAMLMap,
  labels: [string, string][],
  labelScalar: LabelScalar,
): void {
  const existing = service.get('labels', true);
  if (isSeq(existing)) {
    for (const [k, v] of labels) {
      const i = existing.items.findIndex(
        (it) => isScalar(it) && String(it.value).split('=')[0]!.trim() === k,
      );
      const node = labelScalar(doc, `${k}=${v}`);
      if (i >= 0) existing.items[i] = node;
      else existing.items.push(node);
    }
    return;
  }
  const map = isMap(existing) ? existing : new YAMLMap();
  for (const [k, v] of labels) map.set(k, labelScalar(doc, v));
  if (!isMap(existing)) service.set('labels', map);
}

/** Add constraints to `deploy.placement.constraints`, keeping the service's own (and not repeating them). */
function addPlacement(doc: Document, service: YAMLMap, constraints: readonly string[]): void {
  // Each level is made a map when it is missing or empty (`deploy:` with no value).
  const mapAt = (parent: YAMLMap, key: string): YAMLMap => {
    const node: unknown = parent.get(key, true);
    if (isMap(node)) return node;
    const map = new YAMLMap();
    parent.set(key, map);
    return map;
  };
  const placement = mapAt(mapAt(service, 'deploy'), 'placement');
  const existing: unknown = placement.get('constraints', true);
  const list = isSeq(existing) ? existing : new YAMLSeq();
  if (!isSeq(existing)) placement.set('constraints', list);
  const have = new Set(list.items.map((it) => String(isScalar(it) ? it.value : it)));
  for (const c of constraints) if (!have.has(c)) list.items.push(doc.createNode(c));
}

/** Compose config name of a manifest file. */
export function configName(deployName: string, file: StackFile, mode: 'standalone' | 'swarm'): string {
  const base = file.source.replace(/[^A-Za-z0-9_.-]/g, '_');
  return mode === 'swarm' ? `${deployName}-${base}-${file.hash}` : `phoenix_${base}`;
}

function addServiceConfigs(
  doc: Document,
  service: YAMLMap,
  files: readonly StackFile[],
  input: RenderInput,
): void {
  const existing: unknown = service.get('configs', true);
  const list = isSeq(existing) ? existing : new YAMLSeq();
  if (!isSeq(existing)) service.set('configs', list);
  for (const f of files) {
    const source = configName(input.deployName, f, input.mode);
    list.items.push(doc.createNode({ source, target: f.destination }));
  }
}

function addTopLevelConfigs(doc: Document, input: RenderInput): void {
  const existing: unknown = doc.get('configs', true);
  const configs = isMap(existing) ? existing : new YAMLMap();
  if (!isMap(existing)) doc.set('configs', configs);
  for (const f of input.files) {
    const name = configName(input.deployName, f, input.mode);
    // standalone: inline content; swarm: a content-addressed config the backend creates first
    const node = input.mode === 'swarm' ? { external: true } : { content: f.content };
    configs.set(name, doc.createNode(node));
  }
}
