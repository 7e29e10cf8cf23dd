import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { vendorDescriptions, type DescriptionSources } from '../../src/upstreams/vendorDescriptions.js';

/** A small OpenAPI description in the shapes the vendors' have: refs, pages of items, nested objects, a body, parameters. */
const spec = {
  openapi: '3.0.0',
  paths: {
    '/thing/{thing-id}': {
      parameters: [{ $ref: '#/components/parameters/ThingId' }],
      get: {
        operationId: 'getThing',
        summary: 'Get a thing',
        description: 'Returns a [thing](https://example.com/things) by id.',
        parameters: [{ name: 'with-owner', in: 'query', description: 'Also return the owner.', schema: { type: 'boolean' } }],
        responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
      },
    },
    '/things': {
      get: {
        operationId: 'listThings',
        summary: 'List things',
        responses: {
          '200': {
            content: {
              'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } }, next_page_token: { type: 'string' } } } },
            },
          },
        },
      },
      post: {
        operationId: 'createThing',
        summary: 'Create a thing',
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { display_name: { type: 'string', description: 'What to call it.' } } } } } },
        responses: { '201': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
      },
    },
  },
  components: {
    parameters: { ThingId: { name: 'thing-id', in: 'path', required: true, description: 'The id of the thing.', schema: { type: 'string' } } },
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'The unique ID of the thing.' },
          created_at: { type: 'string', description: 'When the thing was made' },
          'updated-at': { type: 'string', description: 'When it last changed.' },
          owner: { type: 'object', description: 'Who owns it.', properties: { login: { type: 'string', description: 'The owner\'s login on the VCS.' } } },
          tags: { type: 'array', items: { type: 'object', properties: { label: { type: 'string', description: 'The tag\'s label.' } } } },
          undescribed: { type: 'string' },
        },
      },
    },
  },
};

const schema = buildSchema(`
  type Thing { id: ID! service: String thingId: String createdAt: String updatedAt: String ownerLogin: String "Ours." undescribed: String tags: [Tag!]! computed: Int }
  type Tag { label: String }
  input CreateThingInput { displayName: String thingId: String }
  type Query { thing(id: ID!, withOwner: Boolean, first: Int): Thing  things: [Thing] "Written." written: Thing }
  type Mutation { createThing(input: CreateThingInput!): Thing }
`);

const sources: DescriptionSources = {
  types: {
    Thing: { from: [{ response: 'getThing' }], fields: { thingId: 'id', ownerLogin: 'owner.login', computed: null } },
    Tag: { from: [{ response: 'listThings', at: 'items.tags' }] },
    CreateThingInput: { from: [{ body: 'createThing' }, { params: 'getThing' }], fields: { thingId: 'thing-id' } },
  },
  fields: {
    'Query.thing': { operation: 'getThing', args: { id: 'thing-id' } },
    'Query.written': { operation: 'getThing' },
    'Mutation.createThing': { operation: 'createThing' },
  },
};

describe('vendorDescriptions', () => {
  it('takes each field\'s description from its property (as is, snake_case or kebab-case, or a path), and each argument\'s from its parameter', () => {
    expect(Object.fromEntries(vendorDescriptions(spec, schema, sources))).toEqual({
      'CreateThingInput.displayName': 'What to call it.',
      'CreateThingInput.thingId': 'The id of the thing.',
      'Mutation.createThing': 'Create a thing.',
      'Query.thing': 'Returns a thing by id.',
      'Query.thing(id:)': 'The id of the thing.',
      'Query.thing(withOwner:)': 'Also return the owner.',
      'Tag.label': "The tag's label.",
      'Thing.createdAt': 'When the thing was made.',
      'Thing.ownerLogin': "The owner's login on the VCS.",
      'Thing.thingId': 'The unique ID of the thing.',
      'Thing.updatedAt': 'When it last changed.',
    });
  });

  it('leaves out the gateway\'s own `id` and `service`, fields marked null, what the SDL describes, and paging arguments', () => {
    const found = vendorDescriptions(spec, schema, sources);
    for (const coordinate of ['Thing.id', 'Thing.service', 'Thing.computed', 'Thing.undescribed', 'Query.written', 'Query.thing(first:)']) expect(found.has(coordinate), coordinate).toBe(false);
  });

  it('rewrites the vendor\'s text, and refuses a rewrite that changes nothing', () => {
    const rewritten = vendorDescriptions(spec, schema, { ...sources, rewrites: [{ pattern: /on the VCS/g, replacement: 'on GitHub' }] });
    expect(rewritten.get('Thing.ownerLogin')).toBe("The owner's login on GitHub.");
    expect(() => vendorDescriptions(spec, schema, { ...sources, rewrites: [{ pattern: /never there/g, replacement: '' }] })).toThrow(/rewrites that change no description/);
  });

  it('refuses sources that name what does not exist, so they stay true to the schema and the description', () => {
    const broken = (change: Partial<DescriptionSources>): (() => unknown) => () => vendorDescriptions(spec, schema, { ...sources, ...change });
    expect(broken({ types: { Nope: { from: [{ response: 'getThing' }] } } })).toThrow(/Nope: no such/);
    expect(broken({ types: { Thing: { from: [{ response: 'getThing' }], fields: { nope: 'id' } } } })).toThrow(/no field nope/);
    expect(broken({ types: { Thing: { from: [{ response: 'getThing' }], fields: { ownerLogin: 'owner.nope' } } } })).toThrow(/has no owner\.nope/);
    expect(broken({ types: { Thing: { from: [{ response: 'nope' }] } } })).toThrow(/no operation nope/);
    expect(broken({ types: { Tag: { from: [{ response: 'listThings', at: 'items.nope' }] } } })).toThrow(/nothing at items\.nope/);
    expect(broken({ fields: { 'Query.nope': { operation: 'getThing' } } })).toThrow(/Query\.nope: no such field/);
    expect(broken({ fields: { 'Query.thing': { operation: 'getThing', args: { nope: 'thing-id' } } } })).toThrow(/no argument nope/);
  });
});
