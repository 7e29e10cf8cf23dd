import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceName } from '../../../src/config/ServiceName.js';
import type { GraphQLResponse, TestGateway, TestGatewayOptions } from '../../helpers/startTestGateway.js';
import { useTestGateway } from '../../helpers/useTestGateway.js';

/** Settings for a gateway whose cache keeps everything for the length of a test file. */
export const cachedEnv: Readonly<Record<string, string>> = {
  CACHE_ENABLED: 'true',
  CACHE_KEY_SECRET: 'invalidation-tests',
  CACHE_TTL_RUN_FINISHED_SECONDS: '600',
  CACHE_TTL_RUN_ACTIVE_SECONDS: '600',
  CACHE_TTL_OBJECT_SECONDS: '600',
  CACHE_TTL_LIST_SECONDS: '600',
  CACHE_TTL_SETTINGS_SECONDS: '600',
};

/** A GraphQL read of something a mutation makes stale, and the part of its answer that must change. */
export interface StaleRead {
  readonly label: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** The part of the answer the mutation changes. */
  readonly select: (data: any) => unknown;
  /** Checks the value read after the mutation (beyond its differing from the one before). */
  readonly after?: ((value: any) => void) | undefined;
  /** Who reads it, when not the case's credentials. */
  readonly credentials?: readonly Record<string, string>[] | undefined;
}

/** A mutation and what it makes stale. */
export interface InvalidationCase {
  readonly mutation: string;
  readonly reads: readonly StaleRead[];
  /** Runs the mutation (with the first credential) and returns its answer. */
  readonly mutate: (t: TestGateway) => Promise<GraphQLResponse>;
}

/** Fails with the GraphQL errors when there are any. */
export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

/**
 * Proves a mutation purges what it makes stale for every credential: each
 * read is answered from the cache when repeated (no upstream call), and
 * after the mutation answers the new value from the upstream.
 */
export async function proveInvalidation(t: TestGateway, service: ServiceName, credentials: readonly Record<string, string>[], c: InvalidationCase): Promise<void> {
  const byCredential = new Map<string, { headers: Record<string, string>; reads: StaleRead[] }>();
  for (const r of c.reads) {
    for (const headers of r.credentials ?? credentials) {
      const key = JSON.stringify(headers);
      const group = byCredential.get(key) ?? { headers, reads: [] };
      group.reads.push(r);
      byCredential.set(key, group);
    }
  }
  const read = async (r: StaleRead, headers: Record<string, string>): Promise<unknown> => r.select(ok(await t.gql(r.query, r.variables, headers)));
  const before = new Map<string, unknown>();
  for (const [key, group] of byCredential) {
    for (const r of group.reads) before.set(`${key} ${r.label}`, await read(r, group.headers));
  }
  await t.clearRequests();
  for (const [key, group] of byCredential) {
    for (const r of group.reads) expect(await read(r, group.headers), `${r.label} as ${key} from the cache`).toEqual(before.get(`${key} ${r.label}`));
  }
  expect(await t.requests(service), 'repeated reads are answered from the cache').toEqual([]);

  ok(await c.mutate(t));

  for (const [key, group] of byCredential) {
    await t.clearRequests();
    for (const r of group.reads) {
      const value = await read(r, group.headers);
      expect(value, `${r.label} as ${key} after ${c.mutation}`).not.toEqual(before.get(`${key} ${r.label}`));
      r.after?.(value);
    }
    const gets = (await t.requests(service)).filter((request) => request.method === 'GET');
    expect(gets.length, `read as ${key} from the upstream again`).toBeGreaterThan(0);
  }
}

/** Named cases, each built when its test runs (so that it can use what earlier cases created). */
export type CaseList = readonly (readonly [name: string, make: () => InvalidationCase | Promise<InvalidationCase>])[];

/** One service's cases: what they read with, and the cases given the running gateway. */
export interface ServiceCases {
  readonly service: ServiceName;
  readonly credentials: readonly Record<string, string>[];
  readonly cases: (gw: () => TestGateway) => CaseList;
}

/**
 * Runs services' cases, in order, against one gateway (with its own
 * simulators) started with the cache on and `options`.
 */
export function invalidationSuite(title: string, suites: readonly ServiceCases[], options: { readonly env?: () => Record<string, string>; readonly ready?: (t: TestGateway) => Promise<void> } & Omit<TestGatewayOptions, 'env'> = {}): void {
  describe(title, () => {
    const { env, ready, ...start } = options;
    // Triggered CircleCI workflows keep running for the whole suite.
    const t = useTestGateway(() => ({ runDurationMs: 600_000, ...start, env: { ...cachedEnv, ...env?.() } }));
    beforeAll(async () => {
      await ready?.(t);
    });
    for (const suite of suites) {
      for (const [name, make] of suite.cases(() => t)) it(`${suite.service}: ${name}`, async () => proveInvalidation(t, suite.service, suite.credentials, await make()));
    }
  });
}
