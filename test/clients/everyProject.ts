import { expect } from 'vitest';
import type { TestGateway } from '../helpers/startTestGateway.js';

/** The ids of every project of the merged list, read as one page straight from the gateway. */
export async function everyProjectId(t: TestGateway, headers: Record<string, string>): Promise<string[]> {
  const result = await t.gql('{ projects(first: 100) { edges { node { id } } pageInfo { hasNextPage } } }', undefined, headers);
  expect(result.errors).toBeUndefined();
  expect(result.data?.['projects'].pageInfo.hasNextPage).toBe(false);
  const ids = (result.data?.['projects'].edges as { node: { id: string } }[]).map((edge) => edge.node.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThan(4);
  return ids;
}
