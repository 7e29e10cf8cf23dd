import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { estimateOperation } from '../../src/limits/upstreamEstimate.js';
import { createSchema } from '../../src/schema/createSchema.js';

const schema = createSchema();

function operationOf(source: string): OperationDefinitionNode {
  const operation = parse(source).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operation === undefined) throw new Error('no operation');
  return operation;
}

/** Members of each project: one call per project listed, so the estimate follows how many are listed. */
const membersOfProjects = operationOf(`
  query Members($first: Int, $nameContains: String, $after: String) {
    projects(first: $first, nameContains: $nameContains, after: $after) { edges { node { name members(first: 5) { edges { node { id } } } } } }
  }`);

describe('estimates of a repeated operation', () => {
  it('are made once for values that cannot change a size, and again for those that can', () => {
    const few = estimateOperation(schema, membersOfProjects, {}, { first: 2, nameContains: 'api' });
    // The same document with another search text: the same estimate, not made again.
    expect(estimateOperation(schema, membersOfProjects, {}, { first: 2, nameContains: 'web' })).toBe(few);
    const many = estimateOperation(schema, membersOfProjects, {}, { first: 50, nameContains: 'api' });
    expect(many.upstreamCalls).toBeGreaterThan(few.upstreamCalls);
    // An absent `first` is the default size, not the last value seen.
    const unset = estimateOperation(schema, membersOfProjects, {}, {});
    expect(unset.upstreamCalls).toBeGreaterThan(few.upstreamCalls);
    expect(unset.upstreamCalls).toBeLessThan(many.upstreamCalls);
    expect(estimateOperation(schema, membersOfProjects, {}, { first: 2, nameContains: 'web' })).toBe(few);
  });

  it('made from variables that do not coerce are not kept: the operation fails anyway, and its estimate is a guess', () => {
    const invalid = { first: 3, after: { not: 'a cursor' } };
    const first = estimateOperation(schema, membersOfProjects, {}, invalid);
    const again = estimateOperation(schema, membersOfProjects, {}, invalid);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    const valid = { first: 3, after: 'abc' };
    expect(estimateOperation(schema, membersOfProjects, {}, valid)).toBe(estimateOperation(schema, membersOfProjects, {}, valid));
  });
});
