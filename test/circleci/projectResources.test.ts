import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const posts = async () => (await t.requests('circleci')).filter((r) => r.method !== 'GET');

describe('CircleCI project env vars through GraphQL', () => {
  it('lists masked values and reads one by name', async () => {
    const result = await t.gql(`{ circleciProject(slug: "gh/acme/web") { envVars { edges { node { id name maskedValue createdAt } } } envVar(name: "AWS_REGION") { maskedValue } missing: envVar(name: "NOPE") { name } } }`);
    expect(result.errors).toBeUndefined();
    const project = result.data?.['circleciProject'];
    const vars = project.envVars.edges.map((e: any) => e.node);
    expect(vars.map((v: any) => v.name)).toEqual(['AWS_REGION', 'NPM_TOKEN', 'DATABASE_URL']);
    for (const envVar of vars) expect(envVar.maskedValue).toMatch(/^xxxx.{4}$/);
    expect(vars[0].createdAt).toBeNull();
    expect(project.envVar).toEqual({ maskedValue: 'xxxxst-1' });
    expect(project.missing).toBeNull();
    const calls = (await t.requests('circleci')).map((r) => r.path);
    expect(calls.filter((p) => p.endsWith('/envvar/AWS_REGION'))).toHaveLength(1);
    expect(calls.filter((p) => p.endsWith('/envvar/NOPE'))).toHaveLength(1);
  });

  it('creates and deletes a variable, and round-trips its node id', async () => {
    const created = await t.gql(
      `mutation ($input: CircleCICreateProjectEnvVarInput!) { circleciCreateProjectEnvVar(input: $input) { envVar { id name maskedValue project { slug } } } }`,
      { input: { projectSlug: 'gh/acme/web', name: 'SLACK_TOKEN', value: 'xoxb-secret-9876' } },
    );
    expect(created.errors).toBeUndefined();
    const envVar = created.data?.['circleciCreateProjectEnvVar'].envVar;
    expect(envVar).toMatchObject({ name: 'SLACK_TOKEN', maskedValue: 'xxxx9876', project: { slug: 'gh/acme/web' } });
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { ... on CircleCIProjectEnvVar { name maskedValue } } }`, { id: envVar.id });
    expect(node.data?.['node']).toEqual({ name: 'SLACK_TOKEN', maskedValue: 'xxxx9876' });

    const deleted = await t.gql(`mutation ($input: CircleCIDeleteProjectEnvVarInput!) { circleciDeleteProjectEnvVar(input: $input) { message deletedName } }`, {
      input: { projectSlug: 'gh/acme/web', name: 'SLACK_TOKEN' },
    });
    expect(deleted.data?.['circleciDeleteProjectEnvVar']).toEqual({ message: 'Environment variable deleted.', deletedName: 'SLACK_TOKEN' });
    const again = await t.gql(`mutation ($input: CircleCIDeleteProjectEnvVarInput!) { circleciDeleteProjectEnvVar(input: $input) { message } }`, {
      input: { projectSlug: 'gh/acme/web', name: 'SLACK_TOKEN' },
    });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('refuses an invalid name before calling CircleCI', async () => {
    const result = await t.gql(`mutation { circleciCreateProjectEnvVar(input: { projectSlug: "gh/acme/web", name: "1-BAD", value: "x" }) { envVar { name } } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await posts()).toEqual([]);
  });
});

describe('CircleCI checkout keys through GraphQL', () => {
  it('creates a user key that becomes preferred, reads it by sha256 fingerprint and deletes it', async () => {
    const created = await t.gql(`mutation { circleciCreateCheckoutKey(input: { projectSlug: "gh/acme/infra", type: USER_KEY }) { checkoutKey { type fingerprint preferred publicKey } } }`);
    expect(created.errors).toBeUndefined();
    const key = created.data?.['circleciCreateCheckoutKey'].checkoutKey;
    expect(key).toMatchObject({ type: 'GITHUB_USER_KEY', preferred: true });
    expect(key.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);

    const listed = await t.gql(`{ circleciProject(slug: "gh/acme/infra") { checkoutKeys(digest: SHA256) { edges { node { id type fingerprint preferred } } } } }`);
    const keys = listed.data?.['circleciProject'].checkoutKeys.edges.map((e: any) => e.node);
    expect(keys.map((k: any) => [k.type, k.preferred])).toEqual([['DEPLOY_KEY', false], ['GITHUB_USER_KEY', true]]);
    expect(keys[1].fingerprint).toMatch(/^SHA256:/);
    expect((await t.requests('circleci')).find((r) => r.method === 'GET' && r.path.endsWith('/checkout-key'))?.query['digest']).toBe('sha256');

    await t.clearRequests();
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { ... on CircleCICheckoutKey { fingerprint type } } }`, { id: keys[1].id });
    expect(node.data?.['node']).toEqual({ fingerprint: keys[1].fingerprint, type: 'GITHUB_USER_KEY' });
    const read = (await t.requests('circleci')).find((r) => r.path.includes('/checkout-key/'));
    expect(read?.path).toBe(`/api/v2/project/gh/acme/infra/checkout-key/${encodeURIComponent(keys[1].fingerprint)}`);

    const deleted = await t.gql(`mutation ($input: CircleCIDeleteCheckoutKeyInput!) { circleciDeleteCheckoutKey(input: $input) { message deletedFingerprint project { slug } } }`, {
      input: { projectSlug: 'gh/acme/infra', fingerprint: key.fingerprint },
    });
    expect(deleted.data?.['circleciDeleteCheckoutKey']).toEqual({ message: 'OK', deletedFingerprint: key.fingerprint, project: { slug: 'gh/acme/infra' } });
    const after = await t.gql(`query ($fp: String!) { circleciProject(slug: "gh/acme/infra") { checkoutKey(fingerprint: $fp) { type } } }`, { fp: key.fingerprint });
    expect(after.data?.['circleciProject'].checkoutKey).toBeNull();
  });
});

describe('CircleCI project settings and project creation through GraphQL', () => {
  it('reads and patches settings, sending only the changed fields', async () => {
    const before = await t.gql(`{ circleciProject(slug: "gh/acme/mobile") { settings { autocancelBuilds setGithubStatus prOnlyBranchOverrides } } }`);
    expect(before.data?.['circleciProject'].settings).toEqual({ autocancelBuilds: false, setGithubStatus: true, prOnlyBranchOverrides: ['main'] });
    const result = await t.gql(
      `mutation ($input: CircleCIUpdateProjectSettingsInput!) { circleciUpdateProjectSettings(input: $input) { settings { autocancelBuilds setGithubStatus prOnlyBranchOverrides project { slug } } } }`,
      { input: { projectSlug: 'gh/acme/mobile', settings: { autocancelBuilds: true, prOnlyBranchOverrides: ['main', 'release'] } } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciUpdateProjectSettings'].settings).toEqual({
      autocancelBuilds: true,
      setGithubStatus: true,
      prOnlyBranchOverrides: ['main', 'release'],
      project: { slug: 'gh/acme/mobile' },
    });
    const patch = (await t.requests('circleci')).find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe('/api/v2/project/gh/acme/mobile/settings');
  });

  it('refuses an empty settings patch before calling CircleCI', async () => {
    const result = await t.gql(`mutation { circleciUpdateProjectSettings(input: { projectSlug: "gh/acme/mobile", settings: {} }) { settings { oss } } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await posts()).toEqual([]);
  });

  it('creates a project with default settings, and refuses circleci/ slugs up front', async () => {
    const result = await t.gql(`mutation { circleciCreateProject(input: { projectSlug: "gh/acme/docs" }) { project { slug name } settings { setGithubStatus } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['circleciCreateProject']).toEqual({ project: { slug: 'gh/acme/docs', name: 'docs' }, settings: { setGithubStatus: true } });
    const refused = await t.gql(`mutation { circleciCreateProject(input: { projectSlug: "circleci/abc/def" }) { settings { oss } } }`);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const forbidden = await t.gql(`mutation { circleciCreateProject(input: { projectSlug: "gh/acme/other" }) { settings { oss } } }`, undefined, { 'x-circleci-token': 'circleci-token-linus' });
    expect(forbidden.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
