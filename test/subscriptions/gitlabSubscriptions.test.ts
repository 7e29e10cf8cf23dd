import type { Client } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/relay/globalId.js';
import type { SimProject } from '../../src/simulators/gitlab/store.js';
import { post, subscribe, waitFor } from './liveHelpers.js';
import { useLiveGateway } from './useLiveGateway.js';

const secret = 'gitlab-hook-secret';
/** A private project grace can read and linus cannot, and a public one both can. */
let hidden: SimProject;
let hiddenPath: string;
let open: SimProject;

const live = useLiveGateway({ env: { GITLAB_WEBHOOK_SECRET: secret } });
const { t } = live;
beforeAll(async () => {
  const store = t.simulators.gitlab.store;
  const user = (name: string) => store.users.find((candidate) => candidate.username === name) ?? null;
  const grace = user('grace');
  const linus = user('linus');
  const found = store.projects.find((project) => project.visibility === 'private' && store.canSee(grace, project) && !store.canSee(linus, project));
  const publicOne = store.projects.find((project) => project.visibility === 'public');
  if (found === undefined || publicOne === undefined) throw new Error('no suitable projects in the GitLab seed');
  hidden = found;
  open = publicOne;
  const answer = await t.gql(`query ($id: String!) { gitlabProject(idOrPath: $id) { fullName } }`, { id: String(hidden.id) }, { 'x-gitlab-token': 'gitlab-token-grace' });
  hiddenPath = (answer.data as { gitlabProject: { fullName: string } }).gitlabProject.fullName;
});

function client(token: string): Client {
  return live.client({ 'x-gitlab-token': token });
}

const pipelineSubscription = /* GraphQL */ `
  subscription ($projectId: ID, $projectPath: String) {
    gitlabPipelineStatusChanged(projectId: $projectId, projectPath: $projectPath) {
      projectId
      projectPath
      pipelineId
      status
      ref
      happenedAt
      source
      project { projectId fullName }
    }
  }
`;

let delivery = 0;
function hook(project: SimProject, path: string, pipelineId: number, status: string): Promise<{ status: number; body: any }> {
  const body = JSON.stringify({
    object_kind: 'pipeline',
    object_attributes: { id: pipelineId, iid: 1, status, ref: 'main', created_at: '2026-01-01 10:00:00 UTC', finished_at: '2026-01-01 10:05:00 UTC' },
    project: { id: project.id, path_with_namespace: path },
  });
  delivery++;
  return post(t.url, '/webhooks/gitlab', body, { 'x-gitlab-event': 'Pipeline Hook', 'x-gitlab-event-uuid': `uuid-${delivery}`, 'x-gitlab-token': secret });
}

describe('gitlabPipelineStatusChanged', () => {
  it('delivers pipeline hooks of one project, named by id, global id or path, to a credential that reads it', async () => {
    const byId = subscribe(client('gitlab-token-grace'), pipelineSubscription, { projectId: String(hidden.id) });
    const byGlobalId = subscribe(client('gitlab-token-grace'), pipelineSubscription, { projectId: toGlobalId('GitLabProject', hidden.id) });
    const byPath = subscribe(client('gitlab-token-grace'), pipelineSubscription, { projectPath: hiddenPath });
    await waitFor(() => t.gateway.live.streamCount() === 3, 'the subscriptions registered');
    expect((await hook(open, 'public/one', 900, 'running')).status).toBe(202);
    expect((await hook(hidden, hiddenPath, 901, 'success')).status).toBe(202);
    await waitFor(() => [byId, byGlobalId, byPath].every((sub) => sub.results.length === 1), 'the event on each');
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const sub of [byId, byGlobalId, byPath]) {
      expect(sub.results).toEqual([
        {
          data: {
            gitlabPipelineStatusChanged: {
              projectId: hidden.id,
              projectPath: hiddenPath,
              pipelineId: 901,
              status: 'success',
              ref: 'main',
              happenedAt: '2026-01-01T10:05:00.000Z',
              source: 'WEBHOOK',
              project: { projectId: hidden.id, fullName: hiddenPath },
            },
          },
        },
      ]);
      sub.stop();
    }
    await waitFor(() => t.gateway.live.streamCount() === 0, 'the subscriptions ended');
  });

  it('refuses a project the credential cannot read, and leaves unreadable projects out of an every-project subscription', async () => {
    const refused = subscribe(client('gitlab-token-linus'), pipelineSubscription, { projectId: String(hidden.id) });
    const both = subscribe(client('gitlab-token-linus'), pipelineSubscription, { projectId: '1', projectPath: 'a/b' });
    await waitFor(() => refused.completed && both.completed, 'both refused');
    expect(refused.results[0]?.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(both.results[0]?.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');

    const linusAll = subscribe(client('gitlab-token-linus'), pipelineSubscription, {});
    const graceAll = subscribe(client('gitlab-token-grace'), pipelineSubscription, {});
    await waitFor(() => t.gateway.live.streamCount() === 2, 'the subscriptions registered');
    expect((await hook(hidden, hiddenPath, 902, 'failed')).status).toBe(202);
    expect((await hook(open, 'public/one', 903, 'canceled')).status).toBe(202);
    await waitFor(() => graceAll.results.length === 2 && linusAll.results.length === 1, 'the events');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(graceAll.results.map((result) => result.data.gitlabPipelineStatusChanged.pipelineId)).toEqual([902, 903]);
    // Linus cannot read the private project: only the public one's pipeline reaches him.
    expect(linusAll.results.map((result) => result.data.gitlabPipelineStatusChanged.pipelineId)).toEqual([903]);
    linusAll.stop();
    graceAll.stop();
  });
});
