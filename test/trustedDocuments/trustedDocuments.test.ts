import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceName } from '../../src/config/ServiceName.js';
import { serviceNames } from '../../src/config/ServiceName.js';
import { buildManifest } from '../../src/trustedDocuments/buildManifest.js';
import { documentHash } from '../../src/trustedDocuments/documentHash.js';
import { startTestGateway, type TestGateway } from '../helpers/startTestGateway.js';
import { wsClient, waitFor } from '../subscriptions/liveHelpers.js';

const examplesDir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => ({ file, text: readFileSync(new URL(file, examplesDir), 'utf8') }));
const dashboard = readFileSync(new URL('dashboard.graphql', examplesDir), 'utf8');
const dashboardId = documentHash(dashboard);
const unlisted = '{ circleciProject(slug: "gh/acme/api") { name } }';

const dir = mkdtempSync(join(tmpdir(), 'switchyard-trusted-'));
const manifestPath = join(dir, 'manifest.json');
writeFileSync(manifestPath, JSON.stringify(buildManifest(examples)));

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ env: { TRUSTED_DOCUMENTS: manifestPath } });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function upstreamCalls(): Promise<number> {
  const logs = await Promise.all(serviceNames.map((service: ServiceName) => t.requests(service)));
  return logs.reduce((sum, log) => sum + log.length, 0);
}

async function post(body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

const notInList = { status: 400, body: { errors: [{ message: expect.any(String), extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }] } };

describe('trusted documents mode (TRUSTED_DOCUMENTS)', () => {
  it('runs a listed document sent whole, by documentId, or by its APQ hash over POST and GET, each the same answer', async () => {
    const whole = await post({ query: dashboard });
    expect(whole.status).toBe(200);
    expect(whole.body.errors).toBeUndefined();
    expect(whole.body.data.projects.edges.length).toBeGreaterThan(0);

    const byId = await post({ documentId: `sha256:${dashboardId}` });
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: dashboardId } } });
    const search = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: dashboardId } }) });
    const byGet = await fetch(`${t.url}?${search.toString()}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(byGet.status).toBe(200);
    // Pipelines move on in the simulator: compare the answers' project lists, which do not.
    for (const answer of [byId.body, byHash.body, await byGet.json()]) expect(answer.data.projects).toEqual(whole.body.data.projects);
  });

  it('refuses anything else with 400 PERSISTED_QUERY_NOT_IN_LIST before any upstream call', async () => {
    await t.clearRequests();
    expect(await post({ query: unlisted })).toEqual(notInList);
    expect(await post({ query: `${dashboard}\n` })).toEqual(notInList);
    expect(await post({ documentId: `sha256:${documentHash(unlisted)}` })).toEqual(notInList);
    expect(await post({ extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(unlisted) } }, query: unlisted })).toEqual(notInList);
    // A listed id with another text does not smuggle the text in.
    expect(await post({ documentId: dashboardId, query: unlisted })).toEqual(notInList);
    expect(await post([{ query: dashboard }])).toEqual(notInList);
    const get = await fetch(`${t.url}?query=${encodeURIComponent(unlisted)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect({ status: get.status, body: await get.json() }).toEqual(notInList);
    expect(await upstreamCalls()).toBe(0);
  });

  it('holds listed documents to the cost limits still', async () => {
    const strict = await startTestGateway({ env: { TRUSTED_DOCUMENTS: manifestPath, QUERY_MAX_UPSTREAM_CALLS: '3' } });
    try {
      const response = await strict.gql(dashboard);
      expect(response.errors?.map((error) => error.extensions?.['code'])).toEqual(['QUERY_TOO_COMPLEX']);
      expect((await strict.requests('circleci')).length).toBe(0);
    } finally {
      await strict.close();
    }
  });

  it('over graphql-ws, runs a listed document named by its hash and refuses an unlisted one', async () => {
    const client = wsClient(t.url);
    const results: { data?: any; errors?: readonly { extensions?: Record<string, unknown> }[] }[] = [];
    let completed = 0;
    const sink = { next: (result: never) => void results.push(result), error: () => undefined, complete: () => void (completed += 1) };
    client.subscribe({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: dashboardId } } }, sink);
    await waitFor(() => completed === 1, 'the listed query over graphql-ws');
    const refused: unknown[] = [];
    client.subscribe({ query: unlisted }, { next: () => undefined, error: (error) => void refused.push(error), complete: () => undefined });
    await waitFor(() => refused.length === 1, 'the unlisted query to be refused');
    await client.dispose();
    expect(results).toHaveLength(1);
    expect(results[0]?.data?.projects.edges.length).toBeGreaterThan(0);
    expect(refused[0]).toEqual([expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } })]);
  });
});
