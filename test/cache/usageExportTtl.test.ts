import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { cachedEnv, ok } from './invalidation/harness.js';

// Distinct TTLs, so that the one chosen shows in the answer's Cache-Control.
const t = useTestGateway({
  env: { ...cachedEnv, CACHE_TTL_RUN_ACTIVE_SECONDS: '7', CACHE_TTL_RUN_FINISHED_SECONDS: '3000', CACHE_TTL_OBJECT_SECONDS: '60' },
});

describe('CircleCI usage export jobs in the response cache', () => {
  it('are kept briefly while created or processing, and long once completed', async () => {
    const orgId = t.simulators.circleci.store.orgs.find((o) => o.slug === 'gh/acme')?.id as string;
    const day = 86_400_000;
    const input = { orgId, start: new Date(Date.now() - 10 * day).toISOString(), end: new Date(Date.now() - day).toISOString() };
    const created = ok(await t.gql(`mutation ($input: CircleCICreateUsageExportInput!) { circleciCreateUsageExport(input: $input) { jobId } }`, { input }));
    const jobId: string = created['circleciCreateUsageExport'].jobId;
    const read = () => t.gql(`query ($o: String!, $j: String!) { circleciUsageExport(orgId: $o, jobId: $j) { state } }`, { o: orgId, j: jobId });
    const maxAge = (headers: Headers): number => Number(/max-age=(\d+)/.exec(headers.get('cache-control') ?? '')?.[1]);

    // The simulator moves the job on at each read: processing, then completed.
    const processing = await read();
    expect(ok(processing)['circleciUsageExport']).toEqual({ state: 'PROCESSING' });
    expect(maxAge(processing.headers)).toBeLessThanOrEqual(7);

    await t.gateway.cache.clear();
    const completed = await read();
    expect(ok(completed)['circleciUsageExport']).toEqual({ state: 'COMPLETED' });
    expect(maxAge(completed.headers)).toBeGreaterThan(60);

    await t.clearRequests();
    expect(ok(await read())['circleciUsageExport']).toEqual({ state: 'COMPLETED' });
    expect(await t.requests('circleci'), 'a completed job from the cache').toEqual([]);
  });
});
