/**
 * The vendored Portainer contract (contracts/portainer-openapi.subset.json) as a request
 * and response checker for the test double. Every deviation from the contract the double
 * makes is listed in EXCEPTIONS and explained in BEHAVIOUR.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

/** The subset file: the project's vendored copy of the contract. */
export const CONTRACT_PATH = fileURLToPath(
  new URL('../../contracts/portainer-openapi.subset.json', import.meta.url),
);

/**
 * Where Portainer's behaviour and its generated annotations disagree, the double follows the
 * behaviour. Each entry: a JSON pointer into the contract and the patch applied there.
 */
export const EXCEPTIONS: readonly { pointer: string; why: string; patch: (node: Obj) => void }[] = [
  {
    pointer: '/components/schemas/auth.authenticatePayload',
    why: 'marks apiKey, password and username all required; Portainer accepts username + password alone',
    patch: (n) => {
      n.required = ['username', 'password'];
    },
  },
];

/** A contract operation the double serves. */
export interface Operation {
  method: string;
  /** Path template as the contract spells it, e.g. `/stacks/{id}`. */
  template: string;
  regex: RegExp;
  params: string[];
  spec: Obj;
  /** Checks query and path parameters together (strings coerced to their schema types). */
  checkParams: ValidateFunction;
  /** Body checkers by media type. */
  bodies: Map<string, { check: ValidateFunction; properties: Set<string> | undefined }>;
  responses: Map<string, ValidateFunction>;
  secured: boolean;
}

function pointerGet(doc: Obj, pointer: string): Obj {
  let node: Json = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Obj)[key] as Json;
    if (node === undefined) throw new Error(`contract has no ${pointer}`);
  }
  return node as Obj;
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The compiled contract. */
export class Contract {
  readonly operations: Operation[] = [];
  private readonly doc: Obj;
  private static cached: Contract | undefined;

  /** One compiled contract per process: compiling takes a moment and it never changes. */
  static shared(): Contract {
    return (Contract.cached ??= new Contract());
  }

  constructor(path = CONTRACT_PATH) {
    this.doc = JSON.parse(readFileSync(path, 'utf8')) as Obj;
    for (const e of EXCEPTIONS) e.patch(pointerGet(this.doc, e.pointer));
    // The upstream document repeats an enum value, so meta-validation stays off.
    const opts = { strict: false, validateSchema: false, allErrors: true } as const;
    const exact = new Ajv(opts);
    const coercing = new Ajv({ ...opts, coerceTypes: true });
    for (const ajv of [exact, coercing]) {
      addFormats(ajv);
      ajv.addFormat('binary', true);
      ajv.addSchema(this.doc as object, 'contract.json');
    }
    const ref = (ajv: Ajv, pointer: string) => ajv.compile({ $ref: `contract.json#${pointer}` });
    const paths = this.doc.paths as Obj;
    for (const [template, item] of Object.entries(paths)) {
      for (const [method, spec] of Object.entries(item as Obj)) {
        const base = `/paths/${escape(template)}/${method}`;
        const op = spec as Obj;
        const params = (op.parameters ?? []) as Obj[];
        const props: Obj = {};
        const required: string[] = [];
        for (const [i, p] of params.entries()) {
          if (p.in !== 'query' && p.in !== 'path') continue;
          props[p.name as string] = { $ref: `contract.json#${base}/parameters/${i}/schema` };
          if (p.required) required.push(p.name as string);
        }
        const bodies = new Map<string, { check: ValidateFunction; properties: Set<string> | undefined }>();
        const content = ((op.requestBody as Obj | undefined)?.content ?? {}) as Obj;
        for (const media of Object.keys(content)) {
          const pointer = `${base}/requestBody/content/${escape(media)}/schema`;
          // Form fields arrive as text: coerce them to their declared types, as Portainer does.
          const check = ref(media === 'multipart/form-data' ? coercing : exact, pointer);
          bodies.set(media, { check, properties: this.propertiesAt(pointer) });
        }
        const responses = new Map<string, ValidateFunction>();
        for (const [status, r] of Object.entries((op.responses ?? {}) as Obj)) {
          const rc = ((r as Obj).content ?? {}) as Obj;
          const media = Object.keys(rc)[0];
          if (media)
            responses.set(status, ref(exact, `${base}/responses/${status}/content/${escape(media)}/schema`));
        }
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
        this.operations.push({
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`),
          params: names,
          spec: op,
          checkParams: coercing.compile({
            type: 'object',
            properties: props,
            required,
            additionalProperties: false,
          }),
          bodies,
          responses,
          secured: Array.isArray(op.security) && op.security.length > 0,
        });
      }
    }
    // Literal segments win over templates: /stacks/create/… before /stacks/{id}.
    this.operations.sort((a, b) => a.params.length - b.params.length);
  }

  /** Top-level properties of the schema at `pointer` (following one `$ref`). */
  private propertiesAt(pointer: string): Set<string> | undefined {
    let node = pointerGet(this.doc, pointer);
    if (typeof node.$ref === 'string') node = pointerGet(this.doc, node.$ref.slice(1));
    return node.properties ? new Set(Object.keys(node.properties as Obj)) : undefined;
  }

  /** Find the operation for a request, or say why there is none. */
  match(
    method: string,
    path: string,
  ): { op: Operation; pathParams: Record<string, string> } | { error: string } {
    const candidates = this.operations.filter((o) => o.regex.test(path));
    if (candidates.length === 0) return { error: `unknown route ${path}` };
    const op = candidates.find((o) => o.method === method);
    if (!op) return { error: `method ${method} not allowed on ${candidates[0]?.template}` };
    const m = op.regex.exec(path) as RegExpExecArray;
    return {
      op,
      pathParams: Object.fromEntries(op.params.map((n, i) => [n, decodeURIComponent(m[i + 1] as string)])),
    };
  }

  /** Problems with one request; empty when it honours the contract. */
  checkRequest(
    op: Operation,
    pathParams: Record<string, string>,
    query: URLSearchParams,
    contentType: string | undefined,
    body: unknown,
  ): string[] {
    const problems: string[] = [];
    const params: Record<string, string> = { ...Object.fromEntries(query), ...pathParams };
    if (!op.checkParams(params)) problems.push(...describe('parameters', op.checkParams));
    const media = contentType?.split(';')[0]?.trim().toLowerCase();
    if (op.bodies.size === 0) {
      if (body !== undefined) problems.push(`${op.method} ${op.template} takes no body`);
      return problems;
    }
    const expected = op.bodies.get(media ?? '');
    if (!expected) {
      return [
        ...problems,
        `content type ${media ?? '(none)'} not accepted; expected ${[...op.bodies.keys()].join(' or ')}`,
      ];
    }
    if (body === undefined && (op.spec.requestBody as Obj).required)
      return [...problems, 'request body required'];
    const copy = structuredClone(body);
    if (!expected.check(copy)) problems.push(...describe('body', expected.check));
    if (expected.properties && body && typeof body === 'object') {
      for (const k of Object.keys(body))
        if (!expected.properties.has(k)) problems.push(`body: unknown field ${k}`);
    }
    return problems;
  }

  /**
   * Problems with a success response the double is about to send. Error answers follow
   * Portainer's behaviour (409 on create, 401 everywhere), which the annotations omit.
   */
  checkResponse(op: Operation, status: number, body: unknown): string[] {
    if (status < 200 || status > 299) return [];
    const check = op.responses.get(String(status));
    if (!op.spec.responses || !(String(status) in (op.spec.responses as Obj))) {
      return [`status ${status} is not documented for ${op.method} ${op.template}`];
    }
    if (!check || check(body)) return [];
    return describe(`response ${status}`, check);
  }
}

function describe(what: string, v: ValidateFunction): string[] {
  return (v.errors ?? []).map(
    (e) =>
      `${what}${e.instancePath || ''}: ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}
