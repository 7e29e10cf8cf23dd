import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import type { FieldType } from '../responseShape.js';
import { descriptionsModule, vendorDescriptions, writtenSchema } from '../vendorDescriptions.js';
import { writeGenerated, type GeneratedFile } from '../writeGenerated.js';
import { circleCiDescriptionSources } from './descriptionSources.js';
import { extraQuery, generatorFiles, looserThanSpec, pathParamShapes, wireModules, wireTypes } from './operationsConfig.js';

/**
 * Writes CircleCI's operation table (operations.ts) from its OpenAPI
 * description: one row per operation, keyed by its operationId, with its
 * method, path, path parameter shapes, query names and the shape of its
 * success answer (the container, and the fields the description marks
 * required, loosely typed), and descriptions.ts: CircleCI's descriptions of
 * what the schema's CircleCI fields map (descriptionSources.ts). `--check`
 * fails when either committed file differs.
 */

type Node = Readonly<Record<string, unknown>>;

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A response shape, as the generator works it out. */
interface Shape {
  readonly container: 'object' | 'list' | 'page' | 'none';
  /** Required fields of the object, or of each item of a list or page. */
  readonly fields: ReadonlyMap<string, FieldType>;
}

class Spec {
  constructor(private readonly root: Node) {}

  /** A node with its `$ref`s followed. */
  deref(value: unknown): Node {
    let node = value;
    for (let hops = 0; isNode(node) && typeof node['$ref'] === 'string'; hops++) {
      if (hops > 20) throw new Error(`A $ref loop at ${String(node['$ref'])}`);
      const ref = node['$ref'];
      node = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((at, part) => (isNode(at) ? at[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), this.root);
    }
    return isNode(node) ? node : {};
  }

  /** A property's loose type: only what is sure. */
  typeOf(value: unknown): FieldType {
    const schema = this.deref(value);
    switch (schema['type']) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'array':
        return 'array';
      case 'object':
        return 'object';
      default:
        return isNode(schema['properties']) ? 'object' : 'any';
    }
  }

  /** The required fields of an object schema, through `allOf`, and the ones every `oneOf`/`anyOf` branch requires. */
  requiredOf(value: unknown): Map<string, FieldType> {
    const schema = this.deref(value);
    const fields = new Map<string, FieldType>();
    for (const part of Array.isArray(schema['allOf']) ? schema['allOf'] : []) for (const [name, type] of this.requiredOf(part)) fields.set(name, type);
    const branches = [schema['oneOf'], schema['anyOf']].find(Array.isArray) as unknown[] | undefined;
    if (branches !== undefined && branches.length > 0) {
      const each = branches.map((branch) => this.requiredOf(branch));
      for (const [name, type] of each[0] ?? []) if (each.every((other) => other.get(name) === type)) fields.set(name, type);
    }
    const properties = isNode(schema['properties']) ? schema['properties'] : {};
    for (const name of Array.isArray(schema['required']) ? (schema['required'] as string[]) : []) fields.set(name, this.typeOf(properties[name]));
    return fields;
  }

  /** The shape of a success answer's schema. */
  shapeOf(value: unknown): Shape {
    const schema = this.deref(value);
    if (schema['type'] === 'array') return { container: 'list', fields: this.requiredOf(schema['items']) };
    const items = isNode(schema['properties']) ? this.deref(schema['properties']['items']) : {};
    if (items['type'] === 'array') return { container: 'page', fields: this.requiredOf(items['items']) };
    return { container: 'object', fields: this.requiredOf(schema) };
  }
}

/** One operation of the description, as the table states it. */
interface Row {
  readonly id: string;
  readonly summary: string;
  readonly method: string;
  readonly path: string;
  readonly params: readonly string[];
  readonly query: readonly string[];
  readonly shape: Shape;
}

function rowsOf(spec: Spec, root: Node): Row[] {
  const rows: Row[] = [];
  for (const [path, item] of Object.entries(isNode(root['paths']) ? root['paths'] : {})) {
    if (!isNode(item)) continue;
    for (const method of methods) {
      const operation = item[method];
      if (!isNode(operation)) continue;
      const parameters = [...(Array.isArray(item['parameters']) ? item['parameters'] : []), ...(Array.isArray(operation['parameters']) ? operation['parameters'] : [])].map((p) => spec.deref(p));
      const names = (where: string): string[] => parameters.filter((p) => p['in'] === where).map((p) => String(p['name']));
      const responses = spec.deref(operation['responses']);
      const success = Object.keys(responses).filter((status) => /^2\d\d$/.test(status)).sort()[0];
      const content = success === undefined ? {} : spec.deref(spec.deref(responses[success])['content']);
      const json = content['application/json'];
      const shape: Shape = isNode(json) ? spec.shapeOf(json['schema']) : { container: 'none', fields: new Map() };
      rows.push({
        id: String(operation['operationId']),
        summary: String(operation['summary'] ?? '').trim(),
        method: method.toUpperCase(),
        path,
        params: [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] as string),
        query: [...names('query'), ...(extraQuery[String(operation['operationId'])] ?? [])],
        shape,
      });
    }
  }
  return rows;
}

const identifier = /^[A-Za-z_$][\w$]*$/;
const key = (name: string): string => (identifier.test(name) ? name : `'${name}'`);
const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fieldsText(fields: ReadonlyMap<string, FieldType>): string {
  return fields.size === 0 ? '' : `{ ${[...fields].map(([name, type]) => `${key(name)}: '${type}'`).join(', ')} }`;
}

function responseText(row: Row, wire: string): string {
  const dropped = looserThanSpec[row.id] ?? [];
  const fields = new Map([...row.shape.fields].filter(([name]) => !dropped.includes(row.shape.container === 'object' ? name : `items.${name}`)));
  const text = fieldsText(fields);
  switch (row.shape.container) {
    case 'none':
      return `anyBody<${wire}>()`;
    case 'list':
      return `listOf<${wire}>(${text})`;
    case 'page':
      return `pageOf<${wire}>('items'${text === '' ? '' : `, ${text}`})`;
    case 'object':
      return `objectOf<${wire}>(${text})`;
  }
}

function rowText(row: Row): string {
  const wire = wireTypes[row.id];
  if (wire === undefined) throw new Error(`operationsConfig.ts: no wire type for ${row.id}`);
  const params = row.params.map((name) => {
    const shape = pathParamShapes[name];
    if (shape === undefined) throw new Error(`operationsConfig.ts: no shape for path parameter {${name}} of ${row.id}`);
    return `${key(name)}: ${shape}`;
  });
  const lines = [`method: '${row.method}'`, `path: ${quote(row.path)}`];
  if (params.length > 0) lines.push(`params: { ${params.join(', ')} }`);
  if (row.query.length > 0) lines.push(`query: [${row.query.map(quote).join(', ')}]`);
  lines.push(`response: ${responseText(row, wire)}`);
  const doc = row.summary === '' ? '' : `  /** ${row.summary.replace(/\*\//g, '* /').replace(/\s+/g, ' ')} */\n`;
  return `${doc}  ${key(row.id)}: op({\n${lines.map((line) => `    ${line},`).join('\n')}\n  }),`;
}

/** The text of operations.ts for a description. */
export function generateCircleCiOperations(root: Node, source: string): string {
  const spec = new Spec(root);
  const rows = rowsOf(spec, root);
  const shapes = new Set(rows.flatMap((row) => row.params.map((name) => pathParamShapes[name] ?? '')));
  const responses = new Set(rows.map((row) => ({ none: 'anyBody', list: 'listOf', page: 'pageOf', object: 'objectOf' })[row.shape.container]));
  const usedTypes = new Set(rows.flatMap((row) => (wireTypes[row.id] ?? '').match(/Wire\w+/g) ?? []));
  const wireImports = Object.entries(wireModules)
    .map(([module, names]) => [module, names.filter((name) => usedTypes.has(name))] as const)
    .filter(([, names]) => names.length > 0)
    .map(([module, names]) => `import type { ${names.join(', ')} } from '${module}';`);
  return [
    `/* Generated by src/upstreams/circleci/generate.ts from ${source}. Do not edit by hand: run \`npm run operations:circleci\`. */`,
    `import { op, operationTable } from '../operation.js';`,
    `import { ${[...responses].sort().join(', ')} } from '../responseShape.js';`,
    `import { ${[...shapes].sort().join(', ')} } from './pathParams.js';`,
    ...wireImports,
    '',
    '/**',
    ' * CircleCI API v2, one row per operation of its OpenAPI description, keyed',
    ' * by operationId: method, path, the real shape of each path parameter',
    ' * (./pathParams.ts), query names, and what a 2xx body must carry.',
    ' */',
    'export const circleCiOperations = operationTable({',
    ...rows.map(rowText),
    '});',
    '',
  ].join('\n');
}

/** The text of descriptions.ts: CircleCI's descriptions of what the schema's fields and arguments map. */
export function generateCircleCiDescriptions(root: Node, source: string, schema: GraphQLSchema): string {
  return descriptionsModule({
    header: `/* Generated by src/upstreams/circleci/generate.ts from ${source} and schema/. Do not edit by hand: run \`npm run operations:circleci\`. */`,
    doc: [
      "CircleCI's own descriptions of the properties, parameters and operations",
      "the schema's CircleCI fields and arguments map (descriptionSources.ts), by",
      'schema coordinate, for those the SDL does not describe itself. The schema',
      'takes them when it is built (src/schema/describeTypeDefs.ts).',
    ],
    name: 'circleCiDescriptions',
    descriptions: vendorDescriptions(root, schema, circleCiDescriptionSources),
  });
}

function main(args: readonly string[]): number {
  const root = resolve(import.meta.dirname, '../../..');
  const spec = JSON.parse(readFileSync(resolve(root, generatorFiles.spec), 'utf8')) as Node;
  const file = (name: string, text: string): GeneratedFile => ({ path: resolve(root, name), name, text, script: 'operations:circleci' });
  const current = writeGenerated(
    [
      file(generatorFiles.out, generateCircleCiOperations(spec, generatorFiles.spec)),
      file(generatorFiles.descriptions, generateCircleCiDescriptions(spec, generatorFiles.spec, writtenSchema())),
    ],
    args.includes('--check'),
  );
  return current ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
