import { startTestGateway, type TestGateway } from '../helpers/startTestGateway.js';
import type { LoggedRequest } from '../../src/simulators/core/Simulator.js';

/** Starts a test gateway and returns helpers for the GHES simulator. */
export async function startGhes(): Promise<TestGateway> {
  return startTestGateway();
}

/** Clears the GHES simulator's request log, header log, faults and quota. */
export async function resetGhes(t: TestGateway): Promise<void> {
  const origin = t.simulators.ghes.simulator.origin;
  await t.clearRequests();
  await fetch(`${origin}/__sim/faults`, { method: 'DELETE' });
  await fetch(`${origin}/__sim/quota`, { method: 'DELETE' });
  t.simulators.ghes.store.headerLog.length = 0;
  t.simulators.ghes.store.rateLimitMode = 'primary';
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
