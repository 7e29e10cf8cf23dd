import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SpecOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
}

/**
 * Reads an OpenAPI 3.0 document and validates response bodies against its
 * response schemas (with `$ref`s inlined and `nullable`/`x-nullable` honoured).
 */
export class OpenApiSpec {
  private readonly spec: any;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(file: string) {
    this.spec = JSON.parse(readFileSync(file, 'utf8'));
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    for (const format of ['int64', 'int32', 'binary', 'duration']) this.ajv.addFormat(format, true);
  }

  /** Every operation in the document. */
  operations(): SpecOperation[] {
    const out: SpecOperation[] = [];
    for (const [path, item] of Object.entries<any>(this.spec.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const operation = item[method];
        if (operation !== undefined) out.push({ operationId: operation.operationId, method: method.toUpperCase(), path });
      }
    }
    return out;
  }

  /** The operation with this id. */
  operation(operationId: string): SpecOperation {
    const found = this.operations().find((operation) => operation.operationId === operationId);
    if (found === undefined) throw new Error(`No operation ${operationId}`);
    return found;
  }

  /** The 2xx statuses an operation declares. */
  successStatuses(operationId: string): number[] {
    const { method, path } = this.operation(operationId);
    return Object.keys(this.spec.paths[path][method.toLowerCase()].responses)
      .filter((status) => /^2\d\d$/.test(status))
      .map(Number);
  }

  /** Validation errors of a body against an operation's response schema for a status; empty when valid. */
  validate(operationId: string, status: number, body: unknown): string[] {
    const key = `${operationId} ${status}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      const { method, path } = this.operation(operationId);
      const responses = this.spec.paths[path][method.toLowerCase()].responses;
      const response = this.resolve(responses[String(status)] ?? responses.default);
      const schema = response?.content?.['application/json']?.schema;
      validate = this.ajv.compile((schema === undefined ? {} : this.prepare(schema)) as object);
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
  }

  private resolve(node: any): any {
    if (node !== null && typeof node === 'object' && typeof node.$ref === 'string') {
      const parts = (node.$ref as string).replace(/^#\//, '').split('/');
      return this.resolve(parts.reduce((at: any, part) => at?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], this.spec));
    }
    return node;
  }

  /** Inlines refs and turns OpenAPI 3.0 nullability into JSON Schema. */
  private prepare(node: any, depth = 0): Json {
    if (depth > 40) return {};
    const resolved = this.resolve(node);
    if (Array.isArray(resolved)) return resolved.map((item) => this.prepare(item, depth + 1));
    if (resolved === null || typeof resolved !== 'object') return resolved as Json;
    const out: Record<string, Json> = {};
    for (const [key, value] of Object.entries<any>(resolved)) {
      if (key === 'example' || key === 'examples' || key === 'nullable' || key.startsWith('x-')) continue;
      if (key === 'properties' || key === 'patternProperties') {
        out[key] = Object.fromEntries(Object.entries<any>(value).map(([name, schema]) => [name, this.prepare(schema, depth + 1)]));
      } else if (value !== null && typeof value === 'object') {
        out[key] = this.prepare(value, depth + 1);
      } else {
        out[key] = value as Json;
      }
    }
    if (resolved.nullable === true || resolved['x-nullable'] === true) {
      if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
      if (Array.isArray(out['enum'])) out['enum'] = [...out['enum'], null];
    }
    return out;
  }
}
