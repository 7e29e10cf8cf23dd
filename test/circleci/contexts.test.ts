import { describe, expect, it } from 'vitest';
import { contextState } from '../../src/simulators/circleci/admin/contexts.js';
import { toGlobalId } from '../../src/relay/globalId.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const acme = () => t.simulators.circleci.store.orgs.find((org) => org.slug === 'gh/acme')!;
const contextNamed = (name: string) => contextState(t.simulators.circleci.store).contexts.find((c) => c.name === name && c.ownerId === acme().id)!;
const calls = async () => (await t.requests('circleci')).map((r) => ({ method: r.method, path: r.path, query: r.query }));

const listContexts = /* GraphQL */ `
  query ($slug: String, $id: String, $first: Int, $after: String) {
    circleciContexts(ownerSlug: $slug, ownerId: $id, first: $first, after: $after) {
      edges { cursor node { id contextId name createdAt service owner { slug type } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('CircleCI contexts through GraphQL', () => {
  it('pages an owner’s contexts by CircleCI page tokens, sending the owner slug', async () => {
    const first = await t.gql(listContexts, { slug: 'gh/acme', first: 22 });
    expect(first.errors).toBeUndefined();
    const page = first.data?.['circleciContexts'];
    expect(page.edges).toHaveLength(22);
    expect(page.edges[0].node).toMatchObject({ name: 'deploy-secrets', service: 'CIRCLECI', owner: { slug: 'gh/acme', type: null } });
    expect(page.pageInfo.hasNextPage).toBe(true);
    const log = await calls();
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ method: 'GET', path: '/api/v2/context', query: { 'owner-slug': 'gh/acme' } });
    expect(log[0]?.query['page-token']).toBeUndefined();
    expect(typeof log[1]?.query['page-token']).toBe('string');

    const rest = await t.gql(listContexts, { slug: 'gh/acme', first: 10, after: page.pageInfo.endCursor });
    expect(rest.data?.['circleciContexts'].edges.map((e: any) => e.node.name)).toEqual(['team-20', 'team-21', 'team-22']);
    expect(rest.data?.['circleciContexts'].pageInfo.hasNextPage).toBe(false);
  });

  it('refuses both or neither of ownerId and ownerSlug before calling CircleCI', async () => {
    const neither = await t.gql(listContexts, {});
    const both = await t.gql(listContexts, { slug: 'gh/acme', id: acme().id });
    const badId = await t.gql(listContexts, { id: 'acme' });
    for (const result of [neither, both, badId]) expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await calls()).toEqual([]);
  });

  it('reads a context with its variables and restrictions, and round-trips node ids', async () => {
    const deploy = contextNamed('deploy-secrets');
    const result = await t.gql(
      `query ($id: ID!) { circleciContext(id: $id) { id name environmentVariables(first: 21) { edges { node { variable contextId } } pageInfo { hasNextPage } }
        restrictions { totalCount edges { node { id restrictionId restrictionType restrictionValue name } } } } }`,
      { id: deploy.id },
    );
    expect(result.errors).toBeUndefined();
    const context = result.data?.['circleciContext'];
    expect(context.id).toBe(toGlobalId('CircleCIContext', deploy.id));
    expect(context.environmentVariables.edges).toHaveLength(21);
    expect(context.environmentVariables.edges[0].node).toEqual({ variable: 'SECRET_01', contextId: deploy.id });
    expect(context.environmentVariables.pageInfo.hasNextPage).toBe(true);
    expect(context.restrictions.totalCount).toBe(2);
    expect(context.restrictions.edges.map((e: any) => e.node.restrictionType).sort()).toEqual(['EXPRESSION', 'PROJECT']);
    const paths = (await calls()).map((c) => `${c.method} ${c.path}`);
    expect(paths.filter((p) => p.endsWith('/environment-variable'))).toHaveLength(2);
    expect(paths.filter((p) => p.endsWith('/restrictions'))).toHaveLength(1);

    const restriction = context.restrictions.edges[0].node;
    const again = await t.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on CircleCIContext { name } ... on CircleCIContextRestriction { restrictionId } } }`, {
      ids: [context.id, restriction.id],
    });
    expect(again.data?.['nodes']).toEqual([
      { id: context.id, name: 'deploy-secrets' },
      { id: restriction.id, restrictionId: restriction.restrictionId },
    ]);
  });

  it('fetches one context once however many fields ask for it', async () => {
    const deploy = contextNamed('aws-prod');
    const result = await t.gql(`query ($id: ID!) { a: circleciContext(id: $id) { name } b: circleciContext(id: $id) { createdAt } }`, { id: deploy.id });
    expect(result.data?.['a'].name).toBe('aws-prod');
    expect(await calls()).toEqual([{ method: 'GET', path: `/api/v2/context/${deploy.id}`, query: {} }]);
  });

  it('creates a context, sets and deletes a variable, adds and deletes a restriction, deletes the context', async () => {
    const created = await t.gql(`mutation ($input: CircleCICreateContextInput!) { circleciCreateContext(input: $input) { id contextId name owner { id type } } }`, {
      input: { name: 'release-keys', ownerId: acme().id, ownerType: 'ORGANIZATION' },
    });
    expect(created.errors).toBeUndefined();
    const context = created.data?.['circleciCreateContext'];
    expect(context).toMatchObject({ name: 'release-keys', owner: { id: acme().id, type: 'ORGANIZATION' } });

    const set = await t.gql(`mutation ($input: CircleCISetContextEnvVarInput!) { circleciSetContextEnvVar(input: $input) { variable contextId createdAt } }`, {
      input: { contextId: context.id, name: 'NPM_TOKEN', value: 'npm_abc' },
    });
    expect(set.data?.['circleciSetContextEnvVar']).toMatchObject({ variable: 'NPM_TOKEN', contextId: context.contextId });
    expect(contextState(t.simulators.circleci.store).envVars.find((v) => v.contextId === context.contextId)?.value).toBe('npm_abc');

    const project = t.simulators.circleci.store.projects.find((p) => p.slug === 'gh/acme/web')!;
    const restricted = await t.gql(
      `mutation ($input: CircleCICreateContextRestrictionInput!) { circleciCreateContextRestriction(input: $input) { id restrictionId contextId restrictionType projectId name } }`,
      { input: { contextId: context.contextId, restrictionType: 'PROJECT', restrictionValue: project.id } },
    );
    expect(restricted.errors).toBeUndefined();
    const restriction = restricted.data?.['circleciCreateContextRestriction'];
    expect(restriction).toMatchObject({ contextId: context.contextId, restrictionType: 'PROJECT', projectId: project.id, name: 'web' });

    const removedRestriction = await t.gql(
      `mutation ($input: CircleCIDeleteContextRestrictionInput!) { circleciDeleteContextRestriction(input: $input) { deletedRestrictionId message } }`,
      { input: { contextId: context.id, restrictionId: restriction.id } },
    );
    expect(removedRestriction.data?.['circleciDeleteContextRestriction']).toEqual({ deletedRestrictionId: restriction.restrictionId, message: 'Context restriction deleted.' });

    const removedVar = await t.gql(`mutation ($input: CircleCIDeleteContextEnvVarInput!) { circleciDeleteContextEnvVar(input: $input) { name message } }`, {
      input: { contextId: context.id, name: 'NPM_TOKEN' },
    });
    expect(removedVar.data?.['circleciDeleteContextEnvVar']).toEqual({ name: 'NPM_TOKEN', message: 'Environment variable deleted.' });

    const removed = await t.gql(`mutation ($input: CircleCIDeleteContextInput!) { circleciDeleteContext(input: $input) { deletedContextId message } }`, {
      input: { contextId: context.id },
    });
    expect(removed.data?.['circleciDeleteContext']).toEqual({ deletedContextId: context.contextId, message: 'Context deleted.' });

    expect((await calls()).map((c) => `${c.method} ${c.path.replace(context.contextId, '{id}')}`)).toEqual([
      'POST /api/v2/context',
      'PUT /api/v2/context/{id}/environment-variable/NPM_TOKEN',
      `POST /api/v2/context/{id}/restrictions`,
      `DELETE /api/v2/context/{id}/restrictions/${restriction.restrictionId}`,
      'DELETE /api/v2/context/{id}/environment-variable/NPM_TOKEN',
      'DELETE /api/v2/context/{id}',
    ]);
    const gone = await t.gql(`query ($id: ID!) { circleciContext(id: $id) { name } }`, { id: context.id });
    expect(gone.data?.['circleciContext']).toBeNull();
  });

  it('validates variable names, restriction values and context ids before calling CircleCI', async () => {
    const deploy = contextNamed('deploy-secrets');
    const badName = await t.gql(`mutation { circleciSetContextEnvVar(input: { contextId: "${deploy.id}", name: "1BAD-NAME", value: "x" }) { variable } }`);
    const badProject = await t.gql(
      `mutation { circleciCreateContextRestriction(input: { contextId: "${deploy.id}", restrictionType: PROJECT, restrictionValue: "web" }) { id } }`,
    );
    const badContext = await t.gql(`mutation { circleciDeleteContext(input: { contextId: "not-an-id" }) { message } }`);
    const emptyName = await t.gql(`mutation { circleciCreateContext(input: { name: "  ", ownerSlug: "gh/acme" }) { id } }`);
    for (const result of [badName, badProject, badContext, emptyName]) expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(badName.errors?.[0]?.extensions?.['details']).toEqual([{ field: 'name', message: 'invalid environment variable name' }]);
    expect(await calls()).toEqual([]);
  });

  it('maps CircleCI’s 404 and 409 answers to NOT_FOUND and CONFLICT', async () => {
    const missing = await t.gql(`mutation { circleciDeleteContextEnvVar(input: { contextId: "${contextNamed('slack').id}", name: "NOPE" }) { message } }`);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', service: 'circleci', status: 404 });
    const duplicate = await t.gql(`mutation { circleciCreateContext(input: { name: "slack", ownerSlug: "gh/acme" }) { id } }`);
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', status: 409 });
  });

  it('reports CircleCI’s 429 on a context list as RATE_LIMITED with its Retry-After', async () => {
    await t.fault('circleci', { path: '/context$', status: 429, headers: { 'retry-after': '7' }, times: 1 });
    try {
      const result = await t.gql(listContexts, { slug: 'gh/acme', first: 1 });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 7, service: 'circleci' });
    } finally {
      await t.clearFaults();
    }
  });
});
