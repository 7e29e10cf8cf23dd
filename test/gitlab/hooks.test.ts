import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../helpers/useTestGateway.js';

const t = useTestGateway();

const hookFields = /* GraphQL */ `
  id service hookId projectId url name events active alertStatus disabledUntil
  pushEvents pushEventsBranchFilter issuesEvents confidentialIssuesEvents mergeRequestsEvents tagPushEvents noteEvents
  confidentialNoteEvents jobEvents pipelineEvents wikiPageEvents deploymentEvents releasesEvents enableSslVerification createdAt
`;

describe('GitLab project hooks through GraphQL', () => {
  it('lists hooks with their enabled events, active state and the total', async () => {
    const result = await t.gql(`{ gitlabProject(idOrPath: "globex/payments") { hooks(first: 1) { edges { node { ${hookFields} } } pageInfo { hasNextPage endCursor } totalCount } } }`, undefined, {
      'x-gitlab-token': 'gitlab-token-grace',
    });
    expect(result.errors).toBeUndefined();
    const hooks = result.data?.['gitlabProject'].hooks;
    expect(hooks.totalCount).toBe(2);
    expect(hooks.pageInfo.hasNextPage).toBe(true);
    const hook = hooks.edges[0].node;
    expect(hook).toMatchObject({
      service: 'GITLAB',
      url: 'https://audit.globex.example/gitlab',
      events: ['push_events', 'issues_events', 'confidential_issues_events'],
      active: true,
      pushEvents: true,
      issuesEvents: true,
      confidentialIssuesEvents: true,
      mergeRequestsEvents: false,
      enableSslVerification: true,
    });
    const next = await t.gql(`query ($after: String) { gitlabProject(idOrPath: "globex/payments") { hooks(first: 1, after: $after) { edges { node { url events active alertStatus disabledUntil } } pageInfo { hasNextPage } } } }`, { after: hooks.pageInfo.endCursor }, {
      'x-gitlab-token': 'gitlab-token-grace',
    });
    expect(next.data?.['gitlabProject'].hooks).toEqual({
      edges: [
        {
          node: {
            url: 'https://chat.globex.example/gitlab',
            events: ['job_events', 'pipeline_events', 'wiki_page_events'],
            active: false,
            alertStatus: 'temporarily_disabled',
            disabledUntil: '2026-12-01T10:00:00.000Z',
          },
        },
      ],
      pageInfo: { hasNextPage: false },
    });
    const calls = (await t.requests('gitlab')).filter((r) => r.path.endsWith('/hooks')).map((r) => r.query);
    expect(calls).toEqual([{ per_page: '1' }, { page: '2', per_page: '1' }]);
  });

  it('reads one hook, and through node() by its global id, as a Webhook', async () => {
    const result = await t.gql(`{ gitlabProject(idOrPath: "acme/api") { hook(hookId: 3) { id url active enableSslVerification } none: hook(hookId: 999) { id } } }`);
    expect(result.errors).toBeUndefined();
    const hook = result.data?.['gitlabProject'].hook;
    expect(hook).toMatchObject({ url: 'https://old-ci.acme.example/hook', active: false, enableSslVerification: false });
    expect(result.data?.['gitlabProject'].none).toBeNull();
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { ... on Webhook { id service url events active } } }`, { id: hook.id });
    expect(node.data?.['node']).toEqual({ id: hook.id, service: 'GITLAB', url: 'https://old-ci.acme.example/hook', events: ['push_events'], active: false });
    expect((await t.requests('gitlab')).map((r) => r.path)).toContain('/api/v4/projects/1/hooks/3');
  });

  it('adds, edits and deletes a hook; the token goes up but never comes back', async () => {
    const added = await t.gql(
      `mutation ($input: GitLabAddProjectHookInput!) { gitlabAddProjectHook(input: $input) { ${hookFields} } }`,
      { input: { projectId: 'acme/mobile', url: 'https://ci.example.net/hook', token: 's3cret-hook-token', mergeRequestsEvents: true, tagPushEvents: true } },
    );
    expect(added.errors).toBeUndefined();
    const hook = added.data?.['gitlabAddProjectHook'];
    expect(hook).toMatchObject({ url: 'https://ci.example.net/hook', projectId: 3, events: ['push_events', 'merge_requests_events', 'tag_push_events'], active: true });
    expect(JSON.stringify(added)).not.toContain('s3cret-hook-token');
    expect(t.simulators.gitlab.store.hooks.find((candidate) => candidate.id === hook.hookId)?.token).toBe('s3cret-hook-token');

    const edited = await t.gql(
      `mutation ($input: GitLabUpdateProjectHookInput!) { gitlabUpdateProjectHook(input: $input) { id url events pushEventsBranchFilter } }`,
      { input: { projectId: 'acme/mobile', hookId: hook.hookId, pushEvents: false, pipelineEvents: true, pushEventsBranchFilter: 'release/*' } },
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data?.['gitlabUpdateProjectHook']).toEqual({
      id: hook.id,
      url: 'https://ci.example.net/hook',
      events: ['merge_requests_events', 'tag_push_events', 'pipeline_events'],
      pushEventsBranchFilter: 'release/*',
    });

    const deleted = await t.gql(`mutation ($input: GitLabDeleteProjectHookInput!) { gitlabDeleteProjectHook(input: $input) { deletedHookId hookId } }`, {
      input: { projectId: 'acme/mobile', hookId: hook.hookId },
    });
    expect(deleted.data?.['gitlabDeleteProjectHook']).toEqual({ deletedHookId: hook.id, hookId: hook.hookId });
    const gone = await t.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: hook.id });
    expect(gone.data).toEqual({ node: null });

    // Writes name the project by its numeric id, read by path first, as reads name it (so the cache purges that project's hooks only);
    // the edit without a url reads the hook's current one first, since GitLab requires it.
    expect((await t.requests('gitlab')).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v4/projects/acme%2Fmobile',
      'POST /api/v4/projects/3/hooks',
      'GET /api/v4/projects/acme%2Fmobile',
      `GET /api/v4/projects/3/hooks/${hook.hookId}`,
      `PUT /api/v4/projects/3/hooks/${hook.hookId}`,
      'GET /api/v4/projects/acme%2Fmobile',
      `DELETE /api/v4/projects/3/hooks/${hook.hookId}`,
      `GET /api/v4/projects/3/hooks/${hook.hookId}`,
    ]);
  });

  it('edits a hook without its url, which GitLab requires on every edit: the current url goes back, keeping the secret token', async () => {
    const store = t.simulators.gitlab.store;
    const added = await t.gql(`mutation { gitlabAddProjectHook(input: { projectId: "acme/infra", url: "https://ci.example.net/infra", token: "infra-secret" }) { hookId } }`);
    const hookId: number = added.data?.['gitlabAddProjectHook'].hookId;
    const edited = await t.gql(`mutation ($h: Int!) { gitlabUpdateProjectHook(input: { projectId: "acme/infra", hookId: $h, pipelineEvents: true }) { url pipelineEvents pushEvents } }`, { h: hookId });
    expect(edited.errors).toBeUndefined();
    expect(edited.data?.['gitlabUpdateProjectHook']).toEqual({ url: 'https://ci.example.net/infra', pipelineEvents: true, pushEvents: true });
    expect(store.hooks.find((candidate) => candidate.id === hookId)?.token).toBe('infra-secret');

    // GitLab itself refuses an edit without url, and resets the token when the url changes.
    const direct = await fetch(`${t.simulators.gitlab.simulator.origin}/api/v4/projects/4/hooks/${hookId}`, {
      method: 'PUT',
      headers: { 'private-token': 'demo-gitlab-token', 'content-type': 'application/json' },
      body: JSON.stringify({ push_events: false }),
    });
    expect([direct.status, await direct.json()]).toEqual([400, { error: 'url is missing' }]);
    const moved = await t.gql(`mutation ($h: Int!) { gitlabUpdateProjectHook(input: { projectId: "4", hookId: $h, url: "https://ci.example.net/moved" }) { url } }`, { h: hookId });
    expect(moved.data?.['gitlabUpdateProjectHook']).toEqual({ url: 'https://ci.example.net/moved' });
    expect(store.hooks.find((candidate) => candidate.id === hookId)?.token).toBeNull();
  });

  it('checks the hook URL before calling GitLab', async () => {
    const result = await t.gql(`mutation { gitlabAddProjectHook(input: { projectId: "1", url: "ftp://files.example/hook" }) { id } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [{ field: 'url', message: 'must be a valid http or https URL' }],
    });
    const edit = await t.gql(`mutation { gitlabUpdateProjectHook(input: { projectId: "1", hookId: 0, url: "not a url" }) { id } }`);
    expect((edit.errors?.[0]?.extensions?.['details'] as any[]).map((d) => d.field)).toEqual(['hookId', 'url']);
    expect(await t.requests('gitlab')).toEqual([]);
  });

  it('FORBIDDEN for a developer, who may not see hooks', async () => {
    // grace is a Developer in acme: hooks take Maintainer.
    const result = await t.gql(`{ gitlabProject(idOrPath: "acme/api") { name hooks { edges { node { id } } } } }`, undefined, { 'x-gitlab-token': 'gitlab-token-grace' });
    // Only the hooks are null: the project grace may read still stands.
    expect(result.data?.['gitlabProject']).toEqual({ name: 'Api', hooks: null });
    expect(result.errors?.[0]).toMatchObject({ path: ['gitlabProject', 'hooks'], extensions: { code: 'FORBIDDEN', service: 'gitlab' } });
  });
});
