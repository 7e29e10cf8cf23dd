import { beforeEach } from 'vitest';
import type { TestGateway } from '../helpers/startTestGateway.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import type { LoggedRequest } from '../../src/simulators/core/Simulator.js';

/**
 * The test gateway of a GHES test file (see useTestGateway): before each
 * test the GHES simulator also drops its quota and header log and goes back
 * to primary rate limits.
 */
export function useGhesGateway(): TestGateway {
  const t = useTestGateway();
  beforeEach(async () => {
    await fetch(`${t.simulators.ghes.simulator.origin}/__sim/quota`, { method: 'DELETE' });
    t.simulators.ghes.store.headerLog.length = 0;
    t.simulators.ghes.store.rateLimitMode = 'primary';
  });
  return t;
}

/** `METHOD /path` of each GHES call. */
export async function ghesCalls(t: TestGateway): Promise<string[]> {
  return (await t.requests('ghes')).map((r: LoggedRequest) => `${r.method} ${r.path}`);
}

/** Posts to a GHES simulator control endpoint. */
export async function ghesControl(t: TestGateway, path: string, body: unknown): Promise<void> {
  await fetch(`${t.simulators.ghes.simulator.origin}/__sim/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The global id of a GHES object, as the gateway encodes it. */
export function gid(typename: string, id: number | string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64url');
}
