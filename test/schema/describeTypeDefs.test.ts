import { buildASTSchema, concatAST, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeTypeDefs } from '../../src/schema/describeTypeDefs.js';

/** The schema the documents make, descriptions filled in from `sources`. */
function build(typeDefs: readonly string[], sources: readonly Readonly<Record<string, string>>[] = []): GraphQLSchema {
  return buildASTSchema(concatAST(describeTypeDefs(typeDefs, sources)));
}

function fieldOf(schema: GraphQLSchema, coordinate: string): { description?: string | null | undefined; args: readonly { name: string; description?: string | null | undefined }[] } {
  const [typeName = '', fieldName = ''] = coordinate.split('.');
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is no object type`);
  const field = type.getFields()[fieldName];
  if (field === undefined) throw new Error(`no ${coordinate}`);
  return field;
}

const argOf = (schema: GraphQLSchema, coordinate: string, arg: string): string | null | undefined =>
  fieldOf(schema, coordinate).args.find((candidate) => candidate.name === arg)?.description;

const pageInfo = 'type PageInfo { hasNextPage: Boolean! }';

describe('describeTypeDefs', () => {
  it('keeps what the SDL writes, and takes a source only where the SDL says nothing', () => {
    const schema = build(['type Query { "Written." a: Int, b: Int, c(x: Int): Int }'], [{ 'Query.a': 'From the vendor.', 'Query.b': 'From the vendor.', 'Query.c(x:)': 'The x.' }]);
    expect(fieldOf(schema, 'Query.a').description).toBe('Written.');
    expect(fieldOf(schema, 'Query.b').description).toBe('From the vendor.');
    expect(argOf(schema, 'Query.c', 'x')).toBe('The x.');
    expect(fieldOf(schema, 'Query.c').description).toBeUndefined();
  });

  it('takes the first source that describes a coordinate, and describes fields added by `extend type`', () => {
    const schema = build(['type Query { a: Int }', 'extend type Query { b: Int }'], [{ 'Query.b': 'First.' }, { 'Query.a': 'Second.', 'Query.b': 'Not used.' }]);
    expect(fieldOf(schema, 'Query.a').description).toBe('Second.');
    expect(fieldOf(schema, 'Query.b').description).toBe('First.');
  });

  it('gives a field or argument that implements an interface the interface\'s description, unless it has its own or a source has one', () => {
    const schema = build(
      [
        'interface Node { "The global id." id: ID! }',
        'interface Named implements Node { id: ID! "The name." name: String! "Its greeting." greet("Whom to greet." to: String): String }',
        'type Thing implements Node & Named { id: ID! name: String! greet(to: String): String "Own." own: Int }',
        'type Other implements Node & Named { "Other\'s id." id: ID! name: String! greet(to: String): String }',
        'type Query { thing: Thing }',
      ],
      [{ 'Other.name': 'The vendor\'s name.' }],
    );
    expect(fieldOf(schema, 'Thing.id').description).toBe('The global id.');
    expect(fieldOf(schema, 'Thing.name').description).toBe('The name.');
    expect(fieldOf(schema, 'Thing.greet').description).toBe('Its greeting.');
    expect(argOf(schema, 'Thing.greet', 'to')).toBe('Whom to greet.');
    expect(fieldOf(schema, 'Other.id').description).toBe("Other's id.");
    expect(fieldOf(schema, 'Other.name').description).toBe("The vendor's name.");
  });

  it('describes Relay connection and edge types, their fields, and the paging arguments of fields that return a connection', () => {
    const schema = build([
      pageInfo,
      'type Item { "The id." id: ID! }',
      'type ItemEdge { cursor: String! node: Item! }',
      'type ItemConnection { edges: [ItemEdge!]! pageInfo: PageInfo! totalCount: Int }',
      'type Query { items(first: Int, after: String, last: Int, before: String, filter: String): ItemConnection, item(first: Int): Item }',
    ]);
    expect(schema.getType('ItemConnection')?.description).toMatch(/^One page of a list of `Item`/);
    expect(schema.getType('ItemEdge')?.description).toBe('One `Item` in a list, with the cursor of its place there.');
    expect(fieldOf(schema, 'ItemConnection.edges').description).toMatch(/each with its cursor/);
    expect(fieldOf(schema, 'ItemConnection.pageInfo').description).toMatch(/endCursor/);
    expect(fieldOf(schema, 'ItemConnection.totalCount').description).toBeUndefined();
    expect(fieldOf(schema, 'ItemEdge.cursor').description).toMatch(/pass it as `after`/);
    expect(fieldOf(schema, 'ItemEdge.node').description).toBe('The `Item` at this place in the list.');
    expect(argOf(schema, 'Query.items', 'first')).toMatch(/^How many items to return: 20 when omitted, at most 100/);
    expect(argOf(schema, 'Query.items', 'after')).toMatch(/endCursor/);
    expect(argOf(schema, 'Query.items', 'last')).toMatch(/BAD_USER_INPUT/);
    expect(argOf(schema, 'Query.items', 'before')).toMatch(/BAD_USER_INPUT/);
    // Only paging arguments of fields that return a connection.
    expect(argOf(schema, 'Query.items', 'filter')).toBeUndefined();
    expect(argOf(schema, 'Query.item', 'first')).toBeUndefined();
    expect(schema.getType('Item')?.description).toBeUndefined();
  });

  it('does not take a type for a connection or an edge by its name alone', () => {
    const schema = build(['type NotAConnection { edges: [Int] }', 'type LooseEdge { cursor: String }', 'type Query { a: NotAConnection, b: LooseEdge }']);
    expect(schema.getType('NotAConnection')?.description).toBeUndefined();
    expect(schema.getType('LooseEdge')?.description).toBeUndefined();
    expect(fieldOf(schema, 'LooseEdge.cursor').description).toBeUndefined();
  });

  it('describes the one input argument of a mutation by its input type', () => {
    const schema = build(['input DoInput { a: Int }', 'type Query { a: Int }', 'type Mutation { do(input: DoInput!): Int, other(value: Int): Int }']);
    expect(argOf(schema, 'Mutation.do', 'input')).toBe('What to do, in one `DoInput` object, checked in full before any upstream call.');
    expect(argOf(schema, 'Mutation.other', 'value')).toBeUndefined();
  });

  it('describes directives and enum values from sources by their coordinates', () => {
    const schema = build(['directive @cost(calls: Int) on FIELD_DEFINITION', 'enum Color { RED "Written." GREEN }', 'type Query { color: Color @cost(calls: 1) }'], [
      { '@cost': 'The cost.', '@cost(calls:)': 'How many calls.', 'Color.RED': 'Red.', 'Color.GREEN': 'Not used.' },
    ]);
    expect(schema.getDirective('cost')?.description).toBe('The cost.');
    expect(schema.getDirective('cost')?.args[0]?.description).toBe('How many calls.');
    const color = schema.getType('Color');
    expect(color !== undefined && 'getValues' in color ? color.getValues().map((value) => [value.name, value.description]) : []).toEqual([
      ['RED', 'Red.'],
      ['GREEN', 'Written.'],
    ]);
  });
});
