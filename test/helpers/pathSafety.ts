import { expect } from 'vitest';
import type { ServiceName } from '../../src/config/ServiceName.js';
import { toGlobalId } from '../../src/relay/globalId.js';
import type { TestGateway } from './startTestGateway.js';

/** `METHOD /path` of every request a service's simulator got since its log was last cleared. */
export async function sentPaths(t: TestGateway, service: ServiceName): Promise<string[]> {
  return (await t.requests(service)).map((request) => `${request.method} ${request.path}`);
}

/** Expects exactly one error, and that it is BAD_USER_INPUT. */
export function expectRefused(errors: unknown): void {
  expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
}

/** Expects `node(id:)` of a `typename` whose key is `key` to be null, with no request to `service`. */
export async function expectNodeWithoutCall(t: TestGateway, service: ServiceName, typename: string, key: string): Promise<void> {
  const result = await t.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId(typename, key) });
  expect(result.data?.['node'] ?? null).toBeNull();
  expect(await sentPaths(t, service)).toEqual([]);
}

/**
 * Values that hold a `.` or `..` path segment once split on `/` and `\`,
 * percent-decoded once or NFKC-normalised: what a front end that decodes
 * `%2F`/`%5C` or normalises before routing would walk up the path with.
 */
export const hiddenDotSegments: readonly string[] = [
  '../../../admin',
  '..\\..',
  'a\\..\\b',
  '..%2F..%2F..%2Fadmin',
  '..%5C..%5Cadmin',
  '%2e%2e',
  '%2E',
  '．．',
  '‥',
  '．．／admin',
  '%EF%BC%8E%EF%BC%8E',
];
