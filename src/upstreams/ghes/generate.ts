import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { descriptionsModule, vendorDescriptions, writtenSchema } from '../vendorDescriptions.js';
import { writeGenerated, type GeneratedFile } from '../writeGenerated.js';
import { ghesDescriptionSources } from './descriptionSources.js';

/**
 * Writes `operations.ts` beside this file, the GitHub Enterprise Server
 * admin operations the gateway uses, from GitHub's own OpenAPI description of
 * GHES (the `@octokit/openapi` package): method, path, query names and the
 * shape of each answer come from the description; which operations, the
 * fields an answer must carry, the wire type it is read as and the shape of
 * each path parameter come from the lists below. It also writes
 * `descriptions.ts`: GitHub's descriptions of what the schema's GHES inputs,
 * arguments and mutations map (descriptionSources.ts). `--check` writes
 * nothing and fails when a committed file is not what the description gives.
 *
 * Run with `npm run operations:ghes` (and `npm run operations:ghes:check`).
 */

/** An operation the gateway uses, by GitHub's operationId. */
export interface UsedOperation {
  readonly operationId: string;
  /** The wire type (in `wire.ts`) a 2xx body is read as; none for answers without a body. */
  readonly wire?: string;
  /** Fields every object of the answer carries, checked before it is used. */
  readonly fields?: readonly string[];
}

/** The operations of the admin API this gateway calls. */
export const usedOperations: readonly UsedOperation[] = [
  { operationId: 'enterprise-admin/list-global-webhooks', wire: 'WireGlobalHook', fields: ['id', 'config'] },
  { operationId: 'enterprise-admin/create-global-webhook', wire: 'WireGlobalHook', fields: ['id', 'config'] },
  { operationId: 'enterprise-admin/get-global-webhook', wire: 'WireGlobalHook', fields: ['id', 'config'] },
  { operationId: 'enterprise-admin/update-global-webhook', wire: 'WireGlobalHook', fields: ['id', 'config'] },
  { operationId: 'enterprise-admin/delete-global-webhook' },
  { operationId: 'enterprise-admin/ping-global-webhook' },
  { operationId: 'enterprise-admin/list-public-keys', wire: 'WirePublicKey', fields: ['id', 'key'] },
  { operationId: 'enterprise-admin/delete-public-key' },
  { operationId: 'enterprise-admin/update-ldap-mapping-for-team', wire: 'WireLdapTeam', fields: ['id', 'slug'] },
  { operationId: 'enterprise-admin/sync-ldap-mapping-for-team', wire: 'WireLdapSync' },
  { operationId: 'enterprise-admin/update-ldap-mapping-for-user', wire: 'WireLdapUser', fields: ['id', 'login'] },
  { operationId: 'enterprise-admin/sync-ldap-mapping-for-user', wire: 'WireLdapSync' },
  { operationId: 'enterprise-admin/create-org', wire: 'WireOrganization', fields: ['id', 'login'] },
  { operationId: 'enterprise-admin/update-org-name', wire: 'WireOrganizationRename', fields: ['message'] },
  { operationId: 'enterprise-admin/list-pre-receive-environments', wire: 'WirePreReceiveEnvironment', fields: ['id', 'name'] },
  { operationId: 'enterprise-admin/create-pre-receive-environment', wire: 'WirePreReceiveEnvironment', fields: ['id', 'name'] },
  { operationId: 'enterprise-admin/get-pre-receive-environment', wire: 'WirePreReceiveEnvironment', fields: ['id', 'name'] },
  { operationId: 'enterprise-admin/update-pre-receive-environment', wire: 'WirePreReceiveEnvironment', fields: ['id', 'name'] },
  { operationId: 'enterprise-admin/delete-pre-receive-environment' },
  { operationId: 'enterprise-admin/start-pre-receive-environment-download', wire: 'WirePreReceiveDownload', fields: ['state'] },
  { operationId: 'enterprise-admin/get-download-status-for-pre-receive-environment', wire: 'WirePreReceiveDownload', fields: ['state'] },
];

/**
 * The shape (an export of `pathParams.ts`) of each path parameter, and the
 * type the description gives it. `key_ids` is a string there; the gateway
 * deletes one key at a time, by its numeric id.
 */
export const pathParamShapes: Readonly<Record<string, { readonly shape: string; readonly type: 'integer' | 'string' }>> = {
  hook_id: { shape: 'ghesId', type: 'integer' },
  key_ids: { shape: 'ghesId', type: 'string' },
  team_id: { shape: 'ghesId', type: 'integer' },
  username: { shape: 'userLogin', type: 'string' },
  org: { shape: 'orgLogin', type: 'string' },
  pre_receive_environment_id: { shape: 'ghesId', type: 'integer' },
};

type Json = Readonly<Record<string, unknown>>;

const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/components/…`). */
function resolve(spec: Json, value: unknown): Json {
  if (!isObject(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  const ref = value['$ref'];
  if (typeof ref !== 'string') return value;
  let target: unknown = spec;
  for (const part of ref.replace(/^#\//, '').split('/')) target = isObject(target) ? target[part] : undefined;
  return resolve(spec, target);
}

/** `enterprise-admin/list-global-webhooks` → `listGlobalWebhooks`. */
export function identifierOf(operationId: string): string {
  const name = operationId.slice(operationId.indexOf('/') + 1);
  return name.replace(/-([a-z0-9])/g, (_whole, letter: string) => letter.toUpperCase());
}

/** A field's loose type (see `responseShape.ts`) from its schema. */
function fieldType(schema: Json): string {
  switch (schema['type']) {
    case 'integer':
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    case 'array':
      return 'array';
    default:
      return 'any';
  }
}

/** The first sentence of a description, its Markdown links reduced to their text. */
function firstSentence(text: unknown): string | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const plain = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  const end = plain.search(/\.(\s|$)/);
  return end < 0 ? plain : plain.slice(0, end + 1);
}

interface Row {
  readonly id: string;
  readonly line: string;
  readonly shapes: ReadonlySet<string>;
  readonly wire: string | undefined;
  readonly helper: string;
}

function rowOf(spec: Json, used: UsedOperation): Row {
  const paths = spec['paths'] as Json;
  let found: { path: string; method: string; item: Json; operation: Json } | undefined;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of methods) {
      const operation = (item as Json)[method];
      if (isObject(operation) && operation['operationId'] === used.operationId) found = { path, method, item: item as Json, operation };
    }
  }
  if (found === undefined) throw new Error(`${used.operationId} is not in the description`);
  const { path, method, item, operation } = found;
  const parameters = [...((item['parameters'] as unknown[] | undefined) ?? []), ...((operation['parameters'] as unknown[] | undefined) ?? [])].map((p) => resolve(spec, p));

  const shapes = new Set<string>();
  const params: string[] = [];
  for (const [, name] of path.matchAll(/\{([^{}]+)\}/g)) {
    const described = parameters.find((p) => p['in'] === 'path' && p['name'] === name);
    const declared = pathParamShapes[name as string];
    if (described === undefined) throw new Error(`${used.operationId}: {${name}} is not described`);
    if (declared === undefined) throw new Error(`${used.operationId}: no shape for {${name}} in pathParamShapes`);
    const type = (described['schema'] as Json | undefined)?.['type'];
    if (type !== declared.type) throw new Error(`${used.operationId}: {${name}} is described as ${String(type)}, not ${declared.type}`);
    shapes.add(declared.shape);
    params.push(`${name}: ${declared.shape}`);
  }
  const query = parameters.filter((p) => p['in'] === 'query').map((p) => `'${String(p['name'])}'`);

  const responses = operation['responses'] as Json;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  if (status === undefined) throw new Error(`${used.operationId} has no 2xx answer`);
  const content = (resolve(spec, responses[status])['content'] as Json | undefined)?.['application/json'];
  let response: string;
  let helper: string;
  if (content === undefined) {
    if (used.wire !== undefined || used.fields !== undefined) throw new Error(`${used.operationId} answers ${status} without a body`);
    response = 'anyBody()';
    helper = 'anyBody';
  } else {
    const body = resolve(spec, (content as Json)['schema']);
    const list = body['type'] === 'array';
    const item = list ? resolve(spec, body['items']) : body;
    if (item['type'] !== 'object') throw new Error(`${used.operationId}: its answer is not an object or a list of objects`);
    const properties = (item['properties'] as Json | undefined) ?? {};
    const fields = (used.fields ?? []).map((field) => {
      if (properties[field] === undefined) throw new Error(`${used.operationId}: its answer has no field "${field}"`);
      return `${field}: '${fieldType(resolve(spec, properties[field]))}'`;
    });
    if (used.wire === undefined) throw new Error(`${used.operationId}: name the wire type its answer is read as`);
    helper = list ? 'listOf' : 'objectOf';
    response = `${helper}<${used.wire}>(${fields.length === 0 ? '' : `{ ${fields.join(', ')} }`})`;
  }

  const id = identifierOf(used.operationId);
  const parts = [`method: '${method.toUpperCase()}'`, `path: '${path}'`];
  if (params.length > 0) parts.push(`params: { ${params.join(', ')} }`);
  if (query.length > 0) parts.push(`query: [${query.join(', ')}]`);
  parts.push(`response: ${response}`);
  const summary = [String(operation['summary'] ?? '').trim().replace(/\.?$/, '.'), firstSentence(operation['description'])].filter((text) => text !== null && text !== '.').join(' ');
  const comment = `/** \`${used.operationId}\` (${status}): ${summary.replace(/\*\//g, '*\\/')} */`;
  return { id, line: `  ${comment}\n  ${id}: op({ ${parts.join(', ')} }),`, shapes, wire: used.wire, helper };
}

/** The oldest GHES release the package describes: what the gateway uses must be there. */
function descriptionFile(): { file: string; release: string; version: string } {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@octokit/openapi/package.json');
  const folder = join(dirname(packageJson), 'generated');
  const releases = readdirSync(folder)
    .map((name) => /^ghes-(\d+)\.(\d+)\.json$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]) || Number(a[2]) - Number(b[2]));
  const oldest = releases[0];
  if (oldest === undefined) throw new Error(`no ghes-*.json description in ${folder}`);
  const version = String((JSON.parse(readFileSync(packageJson, 'utf8')) as Json)['version']);
  return { file: join(folder, oldest[0]), release: `${oldest[1]}.${oldest[2]}`, version };
}

/** The text of `operations.ts`. */
export function generate(): string {
  const { file, release, version } = descriptionFile();
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Json;
  const rows = usedOperations.map((used) => rowOf(spec, used));
  const ids = new Set(rows.map((row) => row.id));
  if (ids.size !== rows.length) throw new Error('two operations have the same identifier');
  const shapes = [...new Set(rows.flatMap((row) => [...row.shapes]))].sort();
  const wires = [...new Set(rows.flatMap((row) => (row.wire === undefined ? [] : [row.wire])))].sort();
  const helpers = [...new Set(rows.map((row) => row.helper))].sort();
  return [
    `/* Generated by src/upstreams/ghes/generate.ts from GitHub's OpenAPI description of GitHub Enterprise Server ${release} (@octokit/openapi ${version}). Do not edit by hand: run \`npm run operations:ghes\`. */`,
    `import { op, operationTable } from '../operation.js';`,
    `import { ${helpers.join(', ')} } from '../responseShape.js';`,
    `import { ${shapes.join(', ')} } from './pathParams.js';`,
    `import type { ${wires.join(', ')} } from './wire.js';`,
    '',
    '/**',
    ' * The GitHub Enterprise Server admin REST operations (`/api/v3`) this',
    " * gateway uses, named by GitHub's operationIds, each with the shape of its",
    ' * answer and of its path parameters.',
    ' */',
    'export const ghesOperations = operationTable({',
    ...rows.map((row) => row.line),
    '});',
    '',
  ].join('\n');
}

/** The text of `descriptions.ts`: GitHub's descriptions of what the schema's GHES inputs, arguments and mutations map. */
export function generateDescriptions(schema: GraphQLSchema = writtenSchema()): string {
  const { file, release, version } = descriptionFile();
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Json;
  return descriptionsModule({
    header: `/* Generated by src/upstreams/ghes/generate.ts from GitHub's OpenAPI description of GitHub Enterprise Server ${release} (@octokit/openapi ${version}) and schema/. Do not edit by hand: run \`npm run operations:ghes\`. */`,
    doc: [
      "GitHub's own descriptions of the request bodies, parameters and operations",
      "the schema's GHES inputs, arguments and mutations map (descriptionSources.ts),",
      'by schema coordinate, for those the SDL does not describe itself. The schema',
      'takes them when it is built (src/schema/describeTypeDefs.ts).',
    ],
    name: 'ghesDescriptions',
    descriptions: vendorDescriptions(spec, schema, ghesDescriptionSources),
  });
}

/** Writes `operations.ts` and `descriptions.ts`, or with `--check` fails when either is stale. */
function main(args: readonly string[]): void {
  const file = (name: string, text: string): GeneratedFile => ({
    path: fileURLToPath(new URL(`./${name}`, import.meta.url)),
    name: `src/upstreams/ghes/${name}`,
    text,
    script: 'operations:ghes',
  });
  if (!writeGenerated([file('operations.ts', generate()), file('descriptions.ts', generateDescriptions())], args.includes('--check'))) process.exitCode = 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
