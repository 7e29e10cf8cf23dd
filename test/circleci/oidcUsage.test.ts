import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const org = (slug: string) => t.simulators.circleci.store.orgs.find((o) => o.slug === slug)!;
const project = (slug: string) => t.simulators.circleci.store.projects.find((p) => p.slug === slug)!;
const calls = async () => (await t.requests('circleci')).map((r) => ({ method: r.method, path: r.path, query: r.query }));
const claimFields = 'orgId projectId audience ttl audienceUpdatedAt ttlUpdatedAt';

describe('CircleCI OIDC custom claims through GraphQL', () => {
  it('reads, patches and deletes organization claims', async () => {
    const orgId = org('gh/acme').id;
    const read = await t.gql(`query ($org: String!) { circleciOrgOidcClaims(orgId: $org) { ${claimFields} } }`, { org: orgId });
    expect(read.data?.['circleciOrgOidcClaims']).toMatchObject({ orgId, projectId: null, audience: ['sts.amazonaws.com'], ttl: '1h' });

    const patched = await t.gql(`mutation ($input: CircleCIPatchOrgClaimsInput!) { circleciPatchOrgClaims(input: $input) { audience ttl } }`, {
      input: { orgId, audience: ['sts.amazonaws.com', 'vault.example.com'], ttl: '1h30m' },
    });
    expect(patched.data?.['circleciPatchOrgClaims']).toEqual({ audience: ['sts.amazonaws.com', 'vault.example.com'], ttl: '1h30m' });

    const deleted = await t.gql(`mutation ($input: CircleCIDeleteOrgClaimsInput!) { circleciDeleteOrgClaims(input: $input) { audience ttl ttlUpdatedAt } }`, {
      input: { orgId, claims: ['TTL', 'TTL'] },
    });
    expect(deleted.data?.['circleciDeleteOrgClaims']).toEqual({ audience: ['sts.amazonaws.com', 'vault.example.com'], ttl: null, ttlUpdatedAt: null });
    expect(await calls()).toEqual([
      { method: 'GET', path: `/api/v2/org/${orgId}/oidc-custom-claims`, query: {} },
      { method: 'PATCH', path: `/api/v2/org/${orgId}/oidc-custom-claims`, query: {} },
      { method: 'DELETE', path: `/api/v2/org/${orgId}/oidc-custom-claims`, query: { claims: 'ttl' } },
    ]);
  });

  it('reads, patches and deletes project claims', async () => {
    const orgId = org('gh/acme').id;
    const projectId = project('gh/acme/web').id;
    const ids = { orgId, projectId };
    const empty = await t.gql(`query ($org: String!, $project: String!) { circleciProjectOidcClaims(orgId: $org, projectId: $project) { ${claimFields} } }`, {
      org: orgId,
      project: projectId,
    });
    expect(empty.data?.['circleciProjectOidcClaims']).toEqual({ orgId, projectId, audience: null, ttl: null, audienceUpdatedAt: null, ttlUpdatedAt: null });
    const patched = await t.gql(`mutation ($input: CircleCIPatchProjectClaimsInput!) { circleciPatchProjectClaims(input: $input) { ttl audience } }`, { input: { ...ids, ttl: '15m' } });
    expect(patched.data?.['circleciPatchProjectClaims']).toEqual({ ttl: '15m', audience: null });
    const deleted = await t.gql(`mutation ($input: CircleCIDeleteProjectClaimsInput!) { circleciDeleteProjectClaims(input: $input) { ttl } }`, {
      input: { ...ids, claims: ['AUDIENCE', 'TTL'] },
    });
    expect(deleted.data?.['circleciDeleteProjectClaims']).toEqual({ ttl: null });
    expect((await calls()).at(-1)).toEqual({ method: 'DELETE', path: `/api/v2/org/${orgId}/project/${projectId}/oidc-custom-claims`, query: { claims: 'audience,ttl' } });
  });

  it('validates claims before calling CircleCI', async () => {
    const orgId = org('gh/acme').id;
    const results = await Promise.all([
      t.gql(`mutation { circleciPatchOrgClaims(input: { orgId: "${orgId}", ttl: "1 hour" }) { ttl } }`),
      t.gql(`mutation { circleciPatchOrgClaims(input: { orgId: "${orgId}" }) { ttl } }`),
      t.gql(`mutation { circleciPatchOrgClaims(input: { orgId: "${orgId}", audience: [""] }) { ttl } }`),
      t.gql(`mutation { circleciDeleteOrgClaims(input: { orgId: "${orgId}", claims: [] }) { ttl } }`),
      t.gql(`{ circleciOrgOidcClaims(orgId: "gh/acme") { ttl } }`),
    ]);
    for (const result of results) expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await calls()).toEqual([]);
  });

  it('reads CircleCI’s { "error" } bodies: another organization is FORBIDDEN with its message', async () => {
    const result = await t.gql(`{ circleciOrgOidcClaims(orgId: "${org('gh/initech').id}") { ttl } }`, {}, { 'x-circleci-token': 'circleci-token-grace' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', status: 403, service: 'circleci' });
    expect(result.errors?.[0]?.message).toContain('Forbidden');
  });
});

describe('CircleCI usage exports through GraphQL', () => {
  it('creates an export and follows it to completion by node id', async () => {
    const orgId = org('gh/acme').id;
    const end = new Date(Date.now() - 86_400_000).toISOString();
    const start = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const created = await t.gql(`mutation ($input: CircleCICreateUsageExportInput!) { circleciCreateUsageExport(input: $input) { id jobId orgId state rawState start end downloadUrls } }`, {
      input: { orgId, start, end },
    });
    expect(created.errors).toBeUndefined();
    const job = created.data?.['circleciCreateUsageExport'];
    expect(job).toMatchObject({ orgId, state: 'CREATED', rawState: 'created', start, end, downloadUrls: [] });

    const states: string[] = [];
    let urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const read = await t.gql(`query ($id: ID!) { node(id: $id) { ... on CircleCIUsageExport { state downloadUrls } } }`, { id: job.id });
      states.push(read.data?.['node'].state);
      urls = read.data?.['node'].downloadUrls;
    }
    expect(states).toEqual(['PROCESSING', 'COMPLETED']);
    expect(urls).toHaveLength(1);
    expect((await calls()).map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /api/v2/organizations/${orgId}/usage_export_job`,
      `GET /api/v2/organizations/${orgId}/usage_export_job/${job.jobId}`,
      `GET /api/v2/organizations/${orgId}/usage_export_job/${job.jobId}`,
    ]);
  });

  it('rejects reversed, too long or too old ranges before calling CircleCI, and answers null for an unknown job', async () => {
    const orgId = org('gh/acme').id;
    const day = 86_400_000;
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();
    const create = (start: string, end: string) =>
      t.gql(`mutation ($input: CircleCICreateUsageExportInput!) { circleciCreateUsageExport(input: $input) { id } }`, { input: { orgId, start, end } });
    const results = [await create(at(1), at(2)), await create(at(40), at(1)), await create(at(400), at(395))];
    for (const result of results) expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await calls()).toEqual([]);

    const missing = await t.gql(`{ circleciUsageExport(orgId: "${orgId}", jobId: "00000000-0000-4000-a000-000000000000") { state } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.['circleciUsageExport']).toBeNull();
  });
});
