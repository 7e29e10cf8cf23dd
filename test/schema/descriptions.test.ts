import { readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/schema/createSchema.js';
import { undescribed } from '../helpers/undescribed.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

describe('descriptions', () => {
  it('every type, field, argument, input field, enum value and directive of the schema the gateway builds has one', () => {
    expect(undescribed(createSchema())).toEqual([]);
  });

  it('the schema the gateway serves (introspection, as the explorer and codegen read it) carries the same descriptions as schema.graphql', async () => {
    const result = await t.gql(getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true }));
    expect(result.errors).toBeUndefined();
    const served = buildClientSchema(result.data as unknown as IntrospectionQuery);
    expect(undescribed(served)).toEqual([]);
    const file = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(`${printSchema(served)}\n`).toBe(file.slice(file.indexOf('\n\n') + 2));
  });

  it('lists each missing one by its schema coordinate, wherever it is missing', () => {
    const schema = buildSchema(`
      "Described." directive @described("Described." a: Int, b: Int) on FIELD_DEFINITION
      directive @bare on FIELD_DEFINITION
      scalar Bare
      "Described."
      type Query {
        "Described." field("Described." a: Int, b: Int): Answer
        bare: Bare
      }
      "Described." enum Answer { "Described." YES NO }
      input Filter { "Described." a: Int, b: Int }
      "Described." type Other implements Thing { id: ID! }
      interface Thing { "Described." id: ID! }
      "Described." union Either = Query | Other
      extend type Query { filter(filter: Filter): Either }
    `);
    expect(undescribed(schema).sort()).toEqual(
      [
        'Bare',
        'Query.field(b:)',
        'Query.bare',
        'Query.filter',
        'Query.filter(filter:)',
        'Answer.NO',
        'Filter',
        'Filter.b',
        'Other.id',
        'Thing',
        '@described(b:)',
        '@bare',
      ].sort(),
    );
  });
});
