import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { ghesCalls, ghesControl, gid } from './context.js';

const t = useTestGateway({ env: { CACHE_ENABLED: 'true' } });

/** Makes GHES answer 200 with `body` once, at paths matching `path` (and `method`, when given). */
async function answer(path: string, body: unknown, method?: string): Promise<void> {
  await ghesControl(t, 'faults', { path, status: 200, body, times: 1, ...(method === undefined ? {} : { method }) });
}

const unexpected = { message: 'Unexpected response from GitHub Enterprise Server', extensions: { code: 'UPSTREAM_ERROR', service: 'ghes', status: 200 } };

describe('a GHES answer of the wrong shape is an upstream error, not data', () => {
  it('a hook that is not a hook, and nothing of it cached', async () => {
    const hook = t.simulators.ghes.store.hooks[0];
    const id = gid('GhesGlobalWebhook', hook?.id as number);
    await answer(`/api/v3/admin/hooks/${hook?.id}$`, { unexpected: true });
    const query = `query ($id: ID!) { ghesGlobalWebhook(id: $id) { url } }`;
    const result = await t.gql(query, { id });
    expect(result.data).toEqual({ ghesGlobalWebhook: null });
    expect(result.errors).toEqual([expect.objectContaining({ ...unexpected, path: ['ghesGlobalWebhook'] })]);
    const again = await t.gql(query, { id });
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual({ ghesGlobalWebhook: { url: hook?.config.url } });
    expect(await ghesCalls(t)).toEqual([`GET /api/v3/admin/hooks/${hook?.id}`, `GET /api/v3/admin/hooks/${hook?.id}`]);
  });

  it('a list that is not a list, and a list of things that are not keys', async () => {
    await answer('/api/v3/admin/hooks$', { unexpected: true });
    const hooks = await t.gql(`{ ghesGlobalWebhooks(first: 2) { edges { node { url } } } }`);
    expect(hooks.errors?.[0]).toMatchObject({ ...unexpected, path: ['ghesGlobalWebhooks'] });
    await answer('/api/v3/admin/keys$', [{ title: 'no id, no key' }]);
    const keys = await t.gql(`{ ghesPublicKeys(first: 2) { edges { node { keyId } } } }`);
    expect(keys.errors?.[0]).toMatchObject({ ...unexpected, path: ['ghesPublicKeys'] });
  });

  it("an environment's download status that is not one", async () => {
    const environment = t.simulators.ghes.store.environments[0];
    await answer(`/api/v3/admin/pre-receive-environments/${environment?.id}/downloads/latest$`, { message: 'hello' });
    const result = await t.gql(`query ($id: ID!) { ghesPreReceiveEnvironment(id: $id) { name latestDownload { state } } }`, {
      id: gid('GhesPreReceiveEnvironment', environment?.id as number),
    });
    expect(result.data).toEqual({ ghesPreReceiveEnvironment: { name: environment?.name, latestDownload: null } });
    expect(result.errors).toEqual([expect.objectContaining({ ...unexpected, path: ['ghesPreReceiveEnvironment', 'latestDownload'] })]);
  });

  it('a write answered with something else than what it made', async () => {
    await answer('/api/v3/admin/pre-receive-environments$', { unexpected: true }, 'POST');
    const created = await t.gql(`mutation { createGhesPreReceiveEnvironment(input: { name: "odd", imageUrl: "https://images.example.com/odd.tar.gz" }) { environmentId } }`);
    expect(created.errors?.[0]).toMatchObject({ ...unexpected, path: ['createGhesPreReceiveEnvironment'] });
    await answer('/api/v3/admin/ldap/users/octocat/mapping$', ['not', 'a', 'user'], 'PATCH');
    const mapped = await t.gql(`mutation { updateGhesLdapUserMapping(input: { username: "octocat", ldapDn: "uid=octocat,dc=example" }) { login } }`);
    expect(mapped.errors?.[0]).toMatchObject({ ...unexpected, path: ['updateGhesLdapUserMapping'] });
  });
});
