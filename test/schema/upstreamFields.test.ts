import { isInterfaceType, isNonNullType, isObjectType, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { listSizeOf, upstreamCostOf } from '../../src/limits/fieldCost.js';
import { resolverMaps } from '../../src/resolvers/index.js';
import { createSchema } from '../../src/schema/createSchema.js';

const schema = createSchema();
const rootTypes = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Nested fields whose resolver reads through loaders without an `@upstream`
 * of their own, and why that is sound.
 */
const exempt: Readonly<Record<string, string>> = {
  // The numeric project id comes from the project read that listed the member (memoized per operation).
  'GitLabMember.id': 'reuses the read of its project',
  // It hands the workflows the poller read to the event's loaders (so CircleCI's runState costs nothing); it reads nothing.
  'PipelineChange.pipeline': 'primes loaders with what the event carries',
};

function fieldsOf(typeName: string): Record<string, GraphQLField<unknown, unknown>> {
  const type = schema.getType(typeName);
  return isObjectType(type) ? type.getFields() : {};
}

describe('fields that call an upstream', () => {
  it('every Query and Mutation field is nullable, so a failing service costs only its own fields', () => {
    const nonNull: string[] = [];
    for (const root of ['Query', 'Mutation']) {
      for (const field of Object.values(fieldsOf(root))) {
        if (upstreamCostOf(field)?.calls === 0) continue;
        if (isNonNullType(field.type)) nonNull.push(`${root}.${field.name}`);
      }
    }
    expect(nonNull).toEqual([]);
  });

  it('every nested field marked @upstream is nullable', () => {
    const nonNull: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || rootTypes.has(type.name) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (upstreamCostOf(field) !== undefined && isNonNullType(field.type)) nonNull.push(`${type.name}.${field.name}`);
      }
    }
    expect(nonNull).toEqual([]);
  });

  it('every nested resolver that reads through loaders is marked @upstream, so the cost estimate counts it', () => {
    const unmarked: string[] = [];
    for (const map of resolverMaps) {
      for (const [typeName, resolvers] of Object.entries(map)) {
        if (rootTypes.has(typeName) || resolvers === null || typeof resolvers !== 'object') continue;
        for (const [fieldName, resolver] of Object.entries(resolvers as Record<string, unknown>)) {
          const resolve = typeof resolver === 'function' ? resolver : (resolver as { resolve?: unknown } | undefined)?.resolve;
          if (typeof resolve !== 'function' || !/\bloaders\b|numericProjectId/.test(String(resolve))) continue;
          const field = fieldsOf(typeName)[fieldName];
          const key = `${typeName}.${fieldName}`;
          if (field !== undefined && upstreamCostOf(field) === undefined && exempt[key] === undefined) unmarked.push(key);
        }
      }
    }
    expect(unmarked).toEqual([]);
  });

  it('an interface field costs at least what it costs on each type that implements it, so a selection on the interface is not estimated short', () => {
    const short: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInterfaceType(type) || type.name.startsWith('__')) continue;
      for (const implementation of schema.getPossibleTypes(type)) {
        for (const field of Object.values(type.getFields())) {
          const own = upstreamCostOf(implementation.getFields()[field.name] as GraphQLField<unknown, unknown>);
          if (own === undefined) continue;
          const declared = upstreamCostOf(field);
          // Calls per resolution, and (for paged lists) no more items per call.
          const covers = declared !== undefined && declared.calls >= own.calls && (own.pageSize === undefined || (declared.pageSize !== undefined && declared.pageSize <= own.pageSize));
          if (!covers) short.push(`${type.name}.${field.name} (${implementation.name})`);
        }
      }
    }
    expect(short).toEqual([]);
  });

  it('reads the cost directives as the schema writes them', () => {
    expect(upstreamCostOf(fieldsOf('CircleCIProject')['pipelines'] as GraphQLField<unknown, unknown>)).toEqual({ calls: 1, pageSize: 20 });
    expect(upstreamCostOf(fieldsOf('GitLabProject')['members'] as GraphQLField<unknown, unknown>)).toEqual({ calls: 1, pageSize: undefined });
    expect(upstreamCostOf(fieldsOf('Query')['projects'] as GraphQLField<unknown, unknown>)).toEqual({ calls: 3, pageSize: undefined });
    expect(listSizeOf(fieldsOf('Query')['nodes'] as GraphQLField<unknown, unknown>)).toEqual({ assumedSize: undefined, slicingArguments: ['ids'] });
    expect(upstreamCostOf(fieldsOf('CircleCIProject')['name'] as GraphQLField<unknown, unknown>)).toBeUndefined();
  });
});
