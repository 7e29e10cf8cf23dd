import { describe, expect, it } from 'vitest';
import { ghesCalls, useGhesGateway } from './context.js';

const t = useGhesGateway();

const create = `mutation ($input: CreateGhesOrganizationInput!) { createGhesOrganization(input: $input) { organizationId login nodeId url reposUrl description } }`;
const rename = `mutation ($input: RenameGhesOrganizationInput!) { renameGhesOrganization(input: $input) { message url } }`;

describe('GHES organizations through GraphQL', () => {
  it('creates an organization with an admin and a display name', async () => {
    const result = await t.gql(create, { input: { login: 'new-octocats', admin: 'ghe-admin', profileName: 'New Octocats' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['createGhesOrganization']).toMatchObject({ organizationId: 4, login: 'new-octocats', description: null });
    expect(result.data?.['createGhesOrganization'].url).toMatch(/\/api\/v3\/orgs\/new-octocats$/);
    expect(t.simulators.ghes.store.orgByLogin('new-octocats')?.profileName).toBe('New Octocats');
    expect(await ghesCalls(t)).toEqual(['POST /api/v3/admin/organizations']);
  });

  it('renames an organization (202, queued job), case-insensitively', async () => {
    const result = await t.gql(rename, { input: { org: 'ACME', login: 'acme-corp' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['renameGhesOrganization']).toEqual({
      message: 'Job queued to rename organization. It may take a few minutes to complete.',
      url: expect.stringMatching(/\/api\/v3\/organizations\/2$/),
    });
    expect(await ghesCalls(t)).toEqual(['PATCH /api/v3/admin/organizations/ACME']);
    expect(t.simulators.ghes.store.orgByLogin('acme-corp')?.id).toBe(2);
  });

  it('checks the login pattern before calling GHES', async () => {
    for (const input of [{ login: '-bad', admin: 'ghe-admin' }, { login: 'a--b', admin: 'ghe-admin' }, { login: 'x'.repeat(40), admin: 'ghe-admin' }]) {
      const result = await t.gql(create, { input });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ field: 'login' }] });
    }
    const badRename = await t.gql(rename, { input: { org: 'github', login: 'has space' } });
    expect(badRename.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ field: 'login' }] });
    expect(await ghesCalls(t)).toEqual([]);
  });

  it("turns GHES's 422 for a taken login or unknown admin into BAD_USER_INPUT with details", async () => {
    const taken = await t.gql(create, { input: { login: 'github', admin: 'ghe-admin' } });
    expect(taken.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      status: 422,
      details: [{ field: 'login', message: 'login is already taken' }],
    });
    const admin = await t.gql(create, { input: { login: 'fresh-org', admin: 'nobody' } });
    expect(admin.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ field: 'admin' }] });
  });
});
