import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { serviceNames } from '../../src/config/ServiceName.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/startTestGateway.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { subscribe, waitFor, wsClient } from '../subscriptions/liveHelpers.js';

const t = useTestGateway();

async function upstreamCalls(gateway: TestGateway = t): Promise<number> {
  let calls = 0;
  for (const service of serviceNames) calls += (await gateway.requests(service)).length;
  return calls;
}

/** The operation was refused before it ran: 400, QUERY_TOO_COMPLEX for `measure`, no data, no upstream call. */
async function expectRefused(result: GraphQLResponse, measure: string, limit: number): Promise<Record<string, unknown>> {
  expect(result.status).toBe(400);
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  const extensions = result.errors?.[0]?.extensions ?? {};
  expect(extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure, limit });
  expect(await upstreamCalls()).toBe(0);
  return extensions;
}

describe('operation cost limits, checked before anything runs', () => {
  it('refuses a 1 MB document of 21,537 aliases at the token limit, with no upstream call', async () => {
    const aliases = Array.from({ length: 21_537 }, (_, i) => `a${i}:circleciProject(slug:"gh/a/b"){name}`).join(' ');
    expect(aliases.length).toBeGreaterThan(850_000);
    const result = await t.gql(`{\n${aliases}\n}`);
    const extensions = await expectRefused(result, 'tokens', 5_000);
    expect(extensions).not.toHaveProperty('estimate');
    expect(result.errors?.[0]?.message).toContain('QUERY_MAX_TOKENS');
  });

  it('refuses more aliases than QUERY_MAX_ALIASES allows, with the count', async () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: circleciProject(slug: "gh/acme/api") { name }`).join('\n');
    const extensions = await expectRefused(await t.gql(`{\n${aliases}\n}`), 'aliases', 50);
    expect(extensions['estimate']).toBe(60);
  });

  it('refuses a selection 500 levels deep', async () => {
    // project → pipelines → edges → node → project … is a real cycle of the schema.
    let selection = 'name';
    for (let level = 0; level < 124; level += 1) selection = `pipelines { edges { node { project { ${selection} } } } }`;
    const result = await t.gql(`{ circleciProject(slug: "gh/acme/api") { ${selection} } }`);
    const extensions = await expectRefused(result, 'depth', 15);
    expect(extensions['estimate']).toBeGreaterThanOrEqual(497);
  });

  it('refuses pipelines × workflows × jobs with job details, by the estimate of upstream calls', async () => {
    const result = await t.gql(`{
      circleciProject(slug: "gh/acme/api") {
        pipelines(first: 100) { edges { node {
          workflows(first: 100) { edges { node {
            jobs(first: 100) { edges { node { name details { name } } } }
          } } }
        } } }
      }
    }`);
    const extensions = await expectRefused(result, 'upstreamCalls', 1_000);
    // 1 project + 5 pages of pipelines + 100 × 5 pages of workflows + 10,000 × 5 pages of jobs + 1,000,000 details.
    expect(extensions['estimate']).toBe(1 + 5 + 500 + 50_000 + 1_000_000);
    expect(result.errors?.[0]?.message).toContain('QUERY_MAX_UPSTREAM_CALLS');
  });

  it('reads first from variables, and from their defaults', async () => {
    const query = `query ($n: Int = 100) { circleciProject(slug: "gh/acme/api") { pipelines(first: $n) { edges { node { workflows(first: $n) { edges { node { jobs(first: $n) { totalCount } } } } } } } } }`;
    const byDefault = await expectRefused(await t.gql(query), 'upstreamCalls', 1_000);
    expect(byDefault['estimate']).toBe(1 + 5 + 500 + 50_000);
    const small = await t.gql(query, { n: 2 });
    expect(small.errors).toBeUndefined();
    expect(small.data?.['circleciProject']).toBeTruthy();
  });

  it('counts every spread of a fragment: a fragment bomb is refused by its field count', async () => {
    // Five levels of fragments, each spreading the next six times: 6⁴ × 2 fields, yet only 12 levels deep.
    const fragments = Array.from({ length: 5 }, (_, i) => `fragment F${i} on CircleCIProject { ${i === 4 ? 'name slug' : `...F${i + 1} `.repeat(6)} }`).join('\n');
    const result = await t.gql(`{ circleciProject(slug: "gh/acme/api") { ...F0 } }\n${fragments}`);
    const extensions = await expectRefused(result, 'fields', 1_000);
    expect(extensions['estimate']).toBe(1 + 6 ** 4 * 2);
  });

  it('refuses more directives than QUERY_MAX_DIRECTIVES allows', async () => {
    const fields = Array.from({ length: 51 }, () => 'name @include(if: true)').join(' ');
    const extensions = await expectRefused(await t.gql(`{ circleciProject(slug: "gh/acme/api") { ${fields} } }`), 'directives', 50);
    expect(extensions['estimate']).toBe(51);
  });

  it('lets a real dashboard through: projects with members and hooks, and pipelines with their workflows and jobs', async () => {
    const result = await t.gql(`query Dashboard {
      projects(first: 20) {
        edges { node {
          id service name fullName url
          ... on GitLabProject { members(first: 10) { totalCount edges { node { name role } } } hooks { edges { node { url events active } } } }
          ... on ConcordProject { teamAccess { edges { node { name role } } } }
          ... on FlexStackProject { members { edges { node { name role } } } notificationIntegrations { edges { node { id } } } }
        } }
        pageInfo { hasNextPage endCursor }
        failedServices
      }
      api: circleciProject(slug: "gh/acme/api") { ...Runs }
      web: circleciProject(slug: "gh/acme/web") { ...Runs }
      ghesGlobalWebhooks(first: 20) { edges { node { url events active } } }
      circleciMe { login }
    }
    fragment Runs on CircleCIProject {
      name
      pipelines(first: 10) { edges { node { number state vcs { branch } workflows { edges { node { name status jobs { edges { node { name status } } } } } } } } }
    }`);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect((result.data?.['api'] as { pipelines: { edges: unknown[] } }).pipelines.edges.length).toBeGreaterThan(0);
  });

  it('lets the explorer introspect the schema', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const result = await t.gql(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(result.errors).toBeUndefined();
    expect(result.data?.['__schema']).toBeTruthy();
  });
});

describe('the upstream call cap at run time', () => {
  it('stops an operation at OPERATION_MAX_UPSTREAM_CALLS, failing only the fields past it', async () => {
    const capped = await startTestGateway({ env: { OPERATION_MAX_UPSTREAM_CALLS: '3' } });
    try {
      // Six distinct calls (two of the projects do not exist: still a call each).
      const slugs = ['api', 'web', 'infra', 'missing-1', 'missing-2'];
      const aliases = slugs.map((slug, i) => `p${i}: circleciProject(slug: "gh/acme/${slug}") { slug }`).join('\n');
      const result = await capped.gql(`{ ${aliases} circleciMe { login } }`);
      expect(result.status).toBe(200);
      expect((await capped.requests('circleci')).length).toBe(3);
      const refused = (result.errors ?? []).filter((error) => error.extensions?.['code'] === 'QUERY_TOO_COMPLEX');
      expect(refused).toHaveLength(3);
      for (const error of refused) expect(error.extensions).toMatchObject({ measure: 'upstreamCalls', limit: 3, service: 'circleci' });
      // The fields that got their call stand.
      expect(Object.values(result.data ?? {}).filter((value) => value !== null).length).toBeGreaterThanOrEqual(1);
    } finally {
      await capped.close();
    }
  });
});

describe('limits on subscriptions', () => {
  it('refuses an over-limit subscription before it starts, with no upstream call', async () => {
    const client = wsClient(t.url);
    try {
      const sub = subscribe(
        client,
        `subscription { circleciPipelineStatusChanged(projectSlug: "gh/acme/api") { status pipeline { workflows(first: 100) { edges { node { jobs(first: 100) { edges { node { details { name } } } } } } } } } }`,
      );
      await waitFor(() => sub.error !== undefined || sub.results.length > 0, 'the refusal');
      const errors = (sub.error ?? sub.results[0]?.errors) as { extensions?: Record<string, unknown> }[];
      expect(errors[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'upstreamCalls', limit: 1_000 });
      expect(await upstreamCalls()).toBe(0);

      const deep = subscribe(
        client,
        `subscription { circleciPipelineStatusChanged(projectSlug: "gh/acme/api") { pipeline { ${'project { latestPipeline { '.repeat(8)} number ${'} } '.repeat(8)} } } }`,
      );
      await waitFor(() => deep.error !== undefined, 'the depth refusal');
      expect((deep.error as { extensions?: Record<string, unknown> }[])[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: 15 });
      expect(await upstreamCalls()).toBe(0);
    } finally {
      await client.dispose();
    }
  });
});

describe('limit settings', () => {
  it('reads each limit from its setting, and names a bad one at start', () => {
    const config = loadConfig({ QUERY_MAX_DEPTH: '8', QUERY_MAX_UPSTREAM_CALLS: '40', OPERATION_MAX_UPSTREAM_CALLS: '60' });
    expect(config.limits).toMatchObject({ maxDepth: 8, maxUpstreamCalls: 40, operationMaxUpstreamCalls: 60, maxAliases: 50 });
    expect(() => loadConfig({ QUERY_MAX_DEPTH: 'deep' })).toThrow(/QUERY_MAX_DEPTH/);
    expect(() => loadConfig({ QUERY_MAX_TOKENS: '0' })).toThrow(/QUERY_MAX_TOKENS/);
    expect(() => loadConfig({ QUERY_MAX_FIELDS: '-1' })).toThrow(/QUERY_MAX_FIELDS/);
  });

  it('applies a lower limit set at start', async () => {
    const strict = await startTestGateway({ env: { QUERY_MAX_UPSTREAM_CALLS: '2' } });
    try {
      const result = await strict.gql(`{ a: circleciProject(slug: "gh/acme/api") { name } b: circleciProject(slug: "gh/acme/web") { name } c: circleciMe { login } }`);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', measure: 'upstreamCalls', estimate: 3, limit: 2 });
      expect((await strict.requests('circleci')).length).toBe(0);
    } finally {
      await strict.close();
    }
  });
});
