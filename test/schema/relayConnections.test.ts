import { createRequire } from 'node:module';
import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  printSchema,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/schema/createSchema.js';

/** A rule of graphql-schema-linter, as its validator takes it. */
type LinterRule = (context: unknown) => unknown;
interface LinterError {
  readonly ruleName: string;
  readonly message: string;
}

const require = createRequire(import.meta.url);
const { validateSchemaDefinition } = require('graphql-schema-linter/lib/validator.js') as {
  validateSchemaDefinition: (schema: { definition: string }, rules: readonly LinterRule[], configuration: unknown) => readonly LinterError[];
};
const { Configuration } = require('graphql-schema-linter/lib/configuration.js') as { Configuration: new (schema: unknown, options: object) => unknown };
/** The Relay rules of graphql-schema-linter: connection types, connection arguments, PageInfo. */
const relayRules: readonly LinterRule[] = [
  (require('graphql-schema-linter/lib/rules/relay_connection_types_spec.js') as { RelayConnectionTypesSpec: LinterRule }).RelayConnectionTypesSpec,
  (require('graphql-schema-linter/lib/rules/relay_connection_arguments_spec.js') as { RelayConnectionArgumentsSpec: LinterRule }).RelayConnectionArgumentsSpec,
  (require('graphql-schema-linter/lib/rules/relay_page_info_spec.js') as { RelayPageInfoSpec: LinterRule }).RelayPageInfoSpec,
];

/** graphql-schema-linter's Relay rules over an SDL: `rule: message` of each error. */
function lint(sdl: string): string[] {
  return validateSchemaDefinition({ definition: sdl }, relayRules, new Configuration({}, {})).map((error) => `${error.ruleName}: ${error.message}`);
}

/** `Type!` of a named type, as printed. */
const printed = (type: GraphQLOutputType): string => String(type);

/**
 * The cursor connections spec, checked on a schema: what the linter's rules
 * leave out (edges are object `*Edge` types with `cursor: String!` and a
 * `node` that is no list; every connection field pages forwards with
 * `first: Int` and `after: String`; `PageInfo`'s four fields). Each
 * breach is one line naming the type or field.
 */
function connectionSpecBreaches(schema: GraphQLSchema): string[] {
  const breaches: string[] = [];
  const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));
  for (const type of types) {
    const connection = type.name.endsWith('Connection');
    const edge = type.name.endsWith('Edge');
    if (!connection && !edge) continue;
    if (!isObjectType(type)) {
      breaches.push(`${type.name} is ${isInterfaceType(type) ? 'an interface' : 'not an object type'}`);
      continue;
    }
    const fields = type.getFields();
    if (connection) {
      const edges = fields['edges'];
      const listed = edges === undefined ? undefined : isNonNullType(edges.type) ? edges.type.ofType : edges.type;
      if (edges === undefined || !isListType(listed)) breaches.push(`${type.name}.edges is not a list`);
      else {
        const edgeType = getNamedType(edges.type);
        if (!isObjectType(edgeType) || !edgeType.name.endsWith('Edge')) breaches.push(`${type.name}.edges lists ${edgeType.name}, not an object *Edge type`);
      }
      if (fields['pageInfo'] === undefined || printed(fields['pageInfo'].type) !== 'PageInfo!') breaches.push(`${type.name}.pageInfo is not PageInfo!`);
    }
    if (edge) {
      if (fields['cursor'] === undefined || printed(fields['cursor'].type) !== 'String!') breaches.push(`${type.name}.cursor is not String!`);
      const node = fields['node'];
      if (node === undefined) breaches.push(`${type.name} has no node`);
      else if (isListType(isNonNullType(node.type) ? node.type.ofType : node.type)) breaches.push(`${type.name}.node is a list`);
    }
  }
  const pageInfo = schema.getType('PageInfo');
  const expected = { hasNextPage: 'Boolean!', hasPreviousPage: 'Boolean!', startCursor: 'String', endCursor: 'String' };
  if (!isObjectType(pageInfo)) breaches.push('PageInfo is not an object type');
  else for (const [name, type] of Object.entries(expected)) if (pageInfo.getFields()[name]?.type.toString() !== type) breaches.push(`PageInfo.${name} is not ${type}`);
  for (const type of types) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (!getNamedType(field.type).name.endsWith('Connection')) continue;
      const args = new Map(field.args.map((arg) => [arg.name, String(arg.type)]));
      if (args.get('first') !== 'Int' || args.get('after') !== 'String') breaches.push(`${type.name}.${field.name} does not take first: Int and after: String`);
    }
  }
  return breaches;
}

const schemaSdl = printSchema(createSchema());

describe('every connection follows the Relay cursor connections spec', () => {
  it("graphql-schema-linter's Relay rules report nothing on the whole schema", () => {
    expect(lint(schemaSdl)).toEqual([]);
  });

  it('connections and edges are object types, edges with a cursor and a node, every connection field paged by first/after', () => {
    expect(connectionSpecBreaches(createSchema())).toEqual([]);
  });

  it('the shared member and webhook lists are such connections, their nodes the Member and Webhook interfaces', () => {
    const schema = createSchema();
    for (const [connection, edge, node] of [
      ['MemberConnection', 'MemberEdge', 'Member'],
      ['WebhookConnection', 'WebhookEdge', 'Webhook'],
    ] as const) {
      expect(isObjectType(schema.getType(connection))).toBe(true);
      const edgeType = schema.getType(edge);
      expect(isObjectType(edgeType) && printed(edgeType.getFields()['node']?.type as GraphQLOutputType)).toBe(`${node}!`);
    }
  });

  it('both checks catch connections and edges that are interfaces, and a connection field without first/after', () => {
    // The shape the shared lists had: an interface connection each service's own connection implemented.
    const broken = buildSchema(`
      type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
      interface Member { name: String! }
      type Person implements Member { name: String! }
      interface MemberEdge { cursor: String! node: Member! }
      interface MemberConnection { edges: [MemberEdge!]! pageInfo: PageInfo! }
      type PersonEdge implements MemberEdge { cursor: String! node: Person! }
      type PersonConnection implements MemberConnection { edges: [PersonEdge!]! pageInfo: PageInfo! }
      interface Project { members(first: Int, after: String): MemberConnection }
      type Team implements Project { members(first: Int, after: String): PersonConnection people(last: Int, before: String): PersonConnection }
      type Query { team: Team project: Project }
    `);
    expect(lint(printSchema(broken))).toEqual([
      'relay-connection-types-spec: Types that end in `Connection` must be an object type as per the relay spec. `MemberConnection` is not an object type.',
    ]);
    expect(connectionSpecBreaches(broken).sort()).toEqual(['MemberConnection is an interface', 'MemberEdge is an interface', 'Team.people does not take first: Int and after: String']);
  });
});
