import { buildASTSchema, concatAST, isInputObjectType, isInterfaceType, isObjectType, parse, type GraphQLArgument, type GraphQLSchema } from 'graphql';
import { readTypeDefs } from '../schema/readTypeDefs.js';
import { plainDescription } from './plainDescription.js';

/** A node of an OpenAPI description. */
type Json = Readonly<Record<string, unknown>>;

/**
 * A place in a vendor's OpenAPI description whose properties a GraphQL type's
 * fields map: an operation's JSON answer (its first 2xx), its JSON request
 * body, its parameters (path, query and header, by name), or a named schema
 * of `components.schemas`; `at` goes down a property path (`vcs_info`,
 * `items`), stepping into a list's items on the way.
 */
export type VendorSchema =
  | { readonly response: string; readonly at?: string }
  | { readonly body: string; readonly at?: string }
  | { readonly params: string }
  | { readonly schema: string; readonly at?: string };

/** Where the fields of one GraphQL object, interface or input type are described. */
export interface TypeSource {
  /** The first of these that describes a field's property gives its description. */
  readonly from: readonly VendorSchema[];
  /**
   * A field's property path where it is not the field's name as is, in
   * snake_case or in kebab-case (`workflowId: 'id'`, `vcsUrl: 'vcs_info.vcs_url'`);
   * null for a field that maps no vendor property. `id` and `service` are
   * matched only when listed here: they are the gateway's own.
   */
  readonly fields?: Readonly<Record<string, string | null>>;
}

/** A GraphQL field that makes one operation: its description and its arguments' come from the operation. */
export interface FieldSource {
  readonly operation: string;
  /** An argument's parameter where it is not the argument's name as is, in kebab-case or in snake_case; null for none. */
  readonly args?: Readonly<Record<string, string | null>>;
  /** False when the operation's summary does not say what the field does (its description is written in the SDL). */
  readonly describesField?: boolean;
}

/** A rewrite of the vendor's text where it speaks of its REST API rather than of the field (a parameter's name, URL escaping). */
export interface TextRewrite {
  readonly pattern: RegExp;
  readonly replacement: string;
}

/** What a generator states about where a vendor describes the schema, by GraphQL type and by `Type.field`. */
export interface DescriptionSources {
  readonly types: Readonly<Record<string, TypeSource>>;
  readonly fields: Readonly<Record<string, FieldSource>>;
  /** Applied in order to every text taken; each must change at least one, so none is left over. */
  readonly rewrites?: readonly TextRewrite[];
}

const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;
/** Paging arguments: described by the gateway's own Relay conventions, whatever the service calls its paging. */
const pagingArguments = new Set(['first', 'after', 'last', 'before']);

function isJson(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const snakeCase = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const kebabCase = (name: string): string => snakeCase(name).replace(/_/g, '-');

/** Reads an OpenAPI description: operations by id, `$ref`s followed. */
class OpenApi {
  private readonly operations = new Map<string, { readonly item: Json; readonly operation: Json }>();

  constructor(private readonly root: Json) {
    for (const item of Object.values(isJson(root['paths']) ? root['paths'] : {})) {
      if (!isJson(item)) continue;
      for (const method of methods) {
        const operation = item[method];
        if (isJson(operation) && typeof operation['operationId'] === 'string') this.operations.set(operation['operationId'], { item, operation });
      }
    }
  }

  deref(value: unknown): Json {
    let node = value;
    for (let hops = 0; isJson(node) && typeof node['$ref'] === 'string'; hops++) {
      if (hops > 20) throw new Error(`a $ref loop at ${String(node['$ref'])}`);
      node = node['$ref']
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((at, part) => (isJson(at) ? at[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), this.root);
    }
    return isJson(node) ? node : {};
  }

  /** A named schema of `components.schemas`. */
  component(name: string): Json | undefined {
    const schemas = this.deref(this.deref(this.root['components'])['schemas']);
    return isJson(schemas[name]) ? this.deref(schemas[name]) : undefined;
  }

  operation(id: string): Json {
    const found = this.operations.get(id);
    if (found === undefined) throw new Error(`no operation ${id} in the description`);
    return found.operation;
  }

  /** An operation's parameters (of its path and its own), by name. */
  parameters(id: string): Map<string, Json> {
    const found = this.operations.get(id);
    if (found === undefined) throw new Error(`no operation ${id} in the description`);
    const list = [...(Array.isArray(found.item['parameters']) ? found.item['parameters'] : []), ...(Array.isArray(found.operation['parameters']) ? found.operation['parameters'] : [])];
    return new Map(list.map((parameter) => this.deref(parameter)).map((parameter) => [String(parameter['name']), parameter]));
  }

  /** The schema of an operation's first 2xx JSON answer, or of its JSON request body. */
  content(id: string, part: 'response' | 'body'): Json {
    const operation = this.operation(id);
    let holder: Json;
    if (part === 'body') {
      holder = this.deref(operation['requestBody']);
    } else {
      const responses = this.deref(operation['responses']);
      const status = Object.keys(responses)
        .filter((code) => /^2\d\d$/.test(code))
        .sort()[0];
      holder = status === undefined ? {} : this.deref(responses[status]);
    }
    const json = this.deref(this.deref(holder['content'])['application/json']);
    if (json['schema'] === undefined) throw new Error(`${id} has no JSON ${part === 'body' ? 'request body' : 'answer'}`);
    return this.deref(json['schema']);
  }

  /** A list's items, repeatedly. */
  private unwrap(schema: Json): Json {
    let node = schema;
    for (let depth = 0; node['type'] === 'array' && depth < 5; depth++) node = this.deref(node['items']);
    return node;
  }

  /** The properties of an object schema, with those of `allOf` parts and `oneOf`/`anyOf` branches (the first to name one wins). */
  properties(schema: Json): Map<string, Json> {
    const node = this.unwrap(schema);
    const found = new Map<string, Json>();
    for (const [name, property] of Object.entries(isJson(node['properties']) ? node['properties'] : {})) found.set(name, this.deref(property));
    for (const key of ['allOf', 'oneOf', 'anyOf']) {
      for (const part of Array.isArray(node[key]) ? node[key] : []) {
        for (const [name, property] of this.properties(this.deref(part))) if (!found.has(name)) found.set(name, property);
      }
    }
    return found;
  }

  /** The schema at a property path below `schema`, or undefined. */
  at(schema: Json, path: string): Json | undefined {
    let node: Json | undefined = schema;
    for (const name of path.split('.')) {
      node = node === undefined ? undefined : this.properties(node).get(name);
    }
    return node;
  }
}

/** A resolved source: a way to find one property's description (undefined: the source has no such property). */
type Lookup = (path: string) => { readonly found: boolean; readonly text: string | null };

function lookupOf(api: OpenApi, source: VendorSchema, where: string): Lookup {
  if ('params' in source) {
    const parameters = api.parameters(source.params);
    return (path) => {
      const parameter = parameters.get(path);
      if (parameter === undefined) return { found: false, text: null };
      return { found: true, text: plainDescription(parameter['description']) ?? plainDescription(api.deref(parameter['schema'])['description']) };
    };
  }
  let base: Json | undefined;
  if ('schema' in source) {
    base = api.component(source.schema);
    if (base === undefined) throw new Error(`${where}: no schema ${source.schema} in the description`);
  } else {
    base = 'response' in source ? api.content(source.response, 'response') : api.content(source.body, 'body');
  }
  if (source.at !== undefined) {
    base = api.at(base, source.at);
    if (base === undefined) throw new Error(`${where}: nothing at ${source.at} in ${JSON.stringify(source)}`);
  }
  const schema = base;
  return (path) => {
    const property = api.at(schema, path);
    return property === undefined ? { found: false, text: null } : { found: true, text: plainDescription(property['description']) };
  };
}

/** The first text the lookups give for any of the candidate paths; `explicit` paths must exist in one of them. */
function describeFrom(lookups: readonly Lookup[], candidates: readonly string[], explicit: boolean, where: string): string | null {
  let found = false;
  for (const lookup of lookups) {
    for (const path of candidates) {
      const result = lookup(path);
      found ||= result.found;
      if (result.text !== null) return result.text;
    }
  }
  if (explicit && !found) throw new Error(`${where}: the description has no ${candidates.join(' or ')}`);
  return null;
}

const hasDescription = (node: { readonly description?: string | null | undefined }): boolean => (node.description ?? '').trim() !== '';

/**
 * The vendor's descriptions of what the schema's fields and arguments map,
 * by schema coordinate (`Type.field`, `Type.field(arg:)`), for those the SDL
 * does not describe itself: each coordinate has one source. Throws when the
 * sources name a type, field, argument, operation or property that does not
 * exist, so they stay true to the schema and the description.
 */
export function vendorDescriptions(spec: Json, schema: GraphQLSchema, sources: DescriptionSources): Map<string, string> {
  const api = new OpenApi(spec);
  const out = new Map<string, string>();
  for (const [typeName, source] of Object.entries(sources.types)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) throw new Error(`descriptions of ${typeName}: no such object, interface or input type`);
    const lookups = source.from.map((from) => lookupOf(api, from, typeName));
    const fields = type.getFields();
    for (const name of Object.keys(source.fields ?? {})) if (fields[name] === undefined) throw new Error(`descriptions of ${typeName}: no field ${name}`);
    for (const field of Object.values(fields)) {
      const coordinate = `${typeName}.${field.name}`;
      const explicit = source.fields?.[field.name];
      if (explicit === null || hasDescription(field)) continue;
      if (explicit === undefined && (field.name === 'id' || field.name === 'service')) continue;
      const candidates = explicit === undefined ? [...new Set([field.name, snakeCase(field.name), kebabCase(field.name)])] : [explicit];
      const text = describeFrom(lookups, candidates, explicit !== undefined, coordinate);
      if (text !== null) out.set(coordinate, text);
    }
  }
  for (const [coordinate, source] of Object.entries(sources.fields)) {
    const [typeName = '', fieldName = ''] = coordinate.split('.');
    const type = schema.getType(typeName);
    const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[fieldName] : undefined;
    if (field === undefined) throw new Error(`descriptions of ${coordinate}: no such field`);
    const operation = api.operation(source.operation);
    if (source.describesField !== false && !hasDescription(field)) {
      const text = plainDescription(operation['description']) ?? plainDescription(operation['summary']);
      if (text !== null) out.set(coordinate, text);
    }
    const lookup = lookupOf(api, { params: source.operation }, coordinate);
    const args = new Map<string, GraphQLArgument>(field.args.map((arg) => [arg.name, arg]));
    for (const name of Object.keys(source.args ?? {})) if (!args.has(name)) throw new Error(`descriptions of ${coordinate}: no argument ${name}`);
    for (const arg of args.values()) {
      const explicit = source.args?.[arg.name];
      if (explicit === null || hasDescription(arg) || (explicit === undefined && pagingArguments.has(arg.name))) continue;
      const candidates = explicit === undefined ? [...new Set([arg.name, kebabCase(arg.name), snakeCase(arg.name)])] : [explicit];
      const text = describeFrom([lookup], candidates, explicit !== undefined, `${coordinate}(${arg.name}:)`);
      if (text !== null) out.set(`${coordinate}(${arg.name}:)`, text);
    }
  }
  const rewrites = sources.rewrites ?? [];
  const used = new Set<TextRewrite>();
  for (const [coordinate, text] of out) {
    let rewritten = text;
    for (const rewrite of rewrites) {
      const next = rewritten.replace(rewrite.pattern, rewrite.replacement);
      if (next !== rewritten) used.add(rewrite);
      rewritten = next;
    }
    out.set(coordinate, rewritten.trim());
  }
  const unused = rewrites.filter((rewrite) => !used.has(rewrite));
  if (unused.length > 0) throw new Error(`rewrites that change no description: ${unused.map((rewrite) => String(rewrite.pattern)).join(', ')}`);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The schema as the SDL files write it: only the descriptions written there. */
export function writtenSchema(): GraphQLSchema {
  return buildASTSchema(concatAST(readTypeDefs().map((text) => parse(text))));
}

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

/** The text of a generated module exporting `name`: the descriptions by coordinate. */
export function descriptionsModule(options: { readonly header: string; readonly doc: readonly string[]; readonly name: string; readonly descriptions: ReadonlyMap<string, string> }): string {
  return [
    options.header,
    '',
    '/**',
    ...options.doc.map((line) => ` * ${line}`.trimEnd()),
    ' */',
    `export const ${options.name}: Readonly<Record<string, string>> = {`,
    ...[...options.descriptions].map(([coordinate, text]) => `  ${quote(coordinate)}: ${quote(text)},`),
    '};',
    '',
  ].join('\n');
}
