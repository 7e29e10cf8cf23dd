import { beforeAll, describe, expect, it } from 'vitest';
import { serviceSettings } from '../../src/config/config.js';
import { serviceNames, type ServiceName } from '../../src/config/ServiceName.js';
import { freePort } from '../helpers/redisServer.js';
import { startTestGateway, type GraphQLResponse } from '../helpers/startTestGateway.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

/** One query reading every service: top-level fields by the service they need, plus the merged list. */
const dashboard = `{
  circleciMe { login }
  circleciProject(slug: "gh/acme/api") { name pipelines(first: 2) { edges { node { number } } } }
  ghesGlobalWebhooks(first: 2) { edges { node { id url } } }
  gitlabProjects(first: 2) { edges { node { name members(first: 2) { edges { node { name } } } } } }
  concordProjects(org: "Default", first: 2) { edges { node { name } } }
  flexstackProjects(first: 2) { edges { node { name } } }
  projects(first: 6) { edges { node { service name } } failedServices }
}`;

const fieldsOf: Readonly<Record<ServiceName, readonly string[]>> = {
  circleci: ['circleciMe', 'circleciProject'],
  ghes: ['ghesGlobalWebhooks'],
  gitlab: ['gitlabProjects'],
  concord: ['concordProjects'],
  flexstack: ['flexstackProjects'],
};
const listsProjects: ReadonlySet<ServiceName> = new Set(['gitlab', 'concord', 'flexstack']);

/** A fault the simulators inject on every path, and the codes the gateway reports for it. */
const faults = {
  'answers 500': { fault: { path: '.*', status: 500 }, codes: ['UPSTREAM_ERROR'] },
  'answers 503': { fault: { path: '.*', status: 503 }, codes: ['UPSTREAM_ERROR'] },
  'answers 429': { fault: { path: '.*', status: 429, headers: { 'retry-after': '30' } }, codes: ['RATE_LIMITED'] },
  'answers a garbage 5xx body': { fault: { path: '.*', status: 502, body: '<html><body>Bad Gateway</body></html>', headers: { 'content-type': 'text/html' } }, codes: ['UPSTREAM_ERROR'] },
  'times out': { fault: { path: '.*', latencyMs: 3_000 }, codes: ['UPSTREAM_TIMEOUT'] },
} as const;

const t = useTestGateway({ env: { UPSTREAM_TIMEOUT_MS: '1000' } });
let baseline: GraphQLResponse;
beforeAll(async () => {
  baseline = await t.gql(dashboard);
});

/** Checks that only the failing service's fields are missing, each with an error naming it. */
function expectOnlyServiceLost(result: GraphQLResponse, failing: ServiceName, codes: readonly string[]): void {
  expect(result.status).toBe(200);
  const data = result.data as Record<string, unknown>;
  expect(data).not.toBeNull();
  for (const service of serviceNames) {
    for (const field of fieldsOf[service]) {
      if (service === failing) expect(data[field], field).toBeNull();
      else expect(data[field], field).toEqual((baseline.data as Record<string, unknown>)[field]);
    }
  }
  const projects = data['projects'] as { edges: { node: { service: string } }[]; failedServices: string[] };
  expect(projects).not.toBeNull();
  expect(projects.failedServices).toEqual(listsProjects.has(failing) ? [failing.toUpperCase()] : []);
  const listed = new Set(projects.edges.map((edge) => edge.node.service));
  expect(listed.has(failing.toUpperCase())).toBe(false);
  for (const other of listsProjects) if (other !== failing) expect(listed.has(other.toUpperCase()), other).toBe(true);
  expect(result.errors?.length).toBeGreaterThan(0);
  for (const error of result.errors ?? []) {
    expect(error.extensions?.['service'], error.message).toBe(failing);
    expect(codes, error.message).toContain(error.extensions?.['code']);
  }
}

describe('one failing service costs only its own fields', () => {
  it('the baseline reads every service without an error', () => {
    expect(baseline.errors).toBeUndefined();
    for (const fields of Object.values(fieldsOf)) for (const field of fields) expect((baseline.data as Record<string, unknown>)[field], field).toBeTruthy();
  });

  const cases = serviceNames.flatMap((service) => Object.entries(faults).map(([kind, spec]) => [service, kind, spec] as const));
  it.each(cases)('%s %s', async (service, _kind, spec) => {
    await t.fault(service, spec.fault);
    expectOnlyServiceLost(await t.gql(dashboard), service, spec.codes);
  });

  it.each(serviceNames)('%s refuses connections', async (service) => {
    const { url } = serviceSettings[service];
    const configured = new URL(t.simulators.urls[service] ?? '');
    const unreachable = await startTestGateway({ env: { UPSTREAM_TIMEOUT_MS: '1000', [url]: `http://127.0.0.1:${await freePort()}${configured.pathname}` } });
    try {
      expectOnlyServiceLost(await unreachable.gql(dashboard), service, ['UPSTREAM_ERROR']);
    } finally {
      await unreachable.close();
    }
  });
});
