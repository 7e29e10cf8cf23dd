import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/relay/globalId.js';
import { subscribe, waitFor, type Received } from './liveHelpers.js';
import { eventsOf, originOf, pipelinesSubscription, projectIds, simControl } from './pipelineHelpers.js';
import { useLiveGateway } from './useLiveGateway.js';

const live = useLiveGateway({
  env: { SUBSCRIPTION_POLL_INTERVAL_MS: '100', SUBSCRIPTION_POLL_IDLE_INTERVAL_MS: '100', SUBSCRIPTION_MAX_PROJECTS: '5' },
  runDurationMs: 3_600_000,
});
const { t } = live;

/** Subscribes and waits for the refusal (one result with one error and no data, then the end); returns the error. */
async function refused(projects: unknown, connectionParams: Record<string, string> = {}): Promise<{ message: string; extensions?: Record<string, unknown> }> {
  const sub = subscribe(live.client(connectionParams), pipelinesSubscription, { projects });
  await waitFor(() => sub.completed || sub.error !== undefined, 'the end of the subscription');
  expect(sub.error).toBeUndefined();
  expect(sub.results).toHaveLength(1);
  const [result] = sub.results;
  expect(result?.data ?? null).toBeNull();
  expect(result?.errors).toHaveLength(1);
  return result?.errors?.[0] as { message: string; extensions?: Record<string, unknown> };
}

/** The reads of any project's latest pipeline, on every service. */
async function latestReads(): Promise<number> {
  const paths = [/\/project\/.+\/pipeline$/, /\/projects\/\d+\/pipelines\/latest$/, /\/v2\/process$/, /\/projects\/[^/]+\/deployments$/];
  const logs = await Promise.all((['circleci', 'gitlab', 'concord', 'flexstack'] as const).map((service) => t.requests(service)));
  return logs.flat().filter((request) => paths.some((path) => path.test(request.path))).length;
}

describe('pipelinesChanged refuses what the subscriber may not watch, before any stream starts', () => {
  it.each([
    ['a malformed id', ['not an id!'], 'projects[0]'],
    ['an id of something else (a pipeline)', [projectIds.gitlab, toGlobalId('CircleCIPipeline', '5034460f-c7c4-4c43-9457-de07e2029e7b')], 'projects[1]'],
    ['a GitHub Enterprise hook (a service without projects)', [toGlobalId('GhesGlobalWebhook', 1)], 'projects[0]'],
    ['a GitLab project id that is not a number', [toGlobalId('GitLabProject', 'acme/api')], 'projects[0]'],
    ['a Concord project id with an invalid name', [toGlobalId('ConcordProject', 'Default/a b')], 'projects[0]'],
    ['no id at all', [], 'projects'],
    ['more ids than SUBSCRIPTION_MAX_PROJECTS', Array.from({ length: 6 }, (_, index) => toGlobalId('GitLabProject', index + 1)), 'projects'],
  ])('BAD_USER_INPUT for %s, naming the argument, with no upstream call', async (_name, projects, field) => {
    const error = await refused(projects);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ field }] });
    expect(await latestReads()).toBe(0);
    expect((await t.requests('gitlab')).length + (await t.requests('circleci')).length).toBe(0);
    expect(t.gateway.live.streamCount()).toBe(0);
  });

  it('NOT_FOUND for a project that does not exist, naming it, and watches none of the others', async () => {
    const unknown = toGlobalId('GitLabProject', 99_999);
    const error = await refused([projectIds.circleci, unknown, projectIds.flexstack]);
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', service: 'gitlab', projectId: unknown });
    expect(error.message).toContain(unknown);
    expect(t.gateway.live.projectPollers.activeTargets()).toEqual([]);
    expect(await latestReads()).toBe(0);
  });

  it('refuses a project the subscriber\'s own credential cannot read, though the configured one can, on each service', async () => {
    // linus is a stranger to acme on CircleCI and GitLab; the globex key reads no acme project on FlexStack.
    const cases = [
      [projectIds.circleci, { 'x-circleci-token': 'circleci-token-linus' }, 'circleci'],
      [projectIds.gitlab, { 'x-gitlab-token': 'gitlab-token-linus' }, 'gitlab'],
      [projectIds.flexstack, { 'x-flexstack-key': 'flex_globex_key' }, 'flexstack'],
    ] as const;
    for (const [id, credentials, service] of cases) {
      const error = await refused([id], credentials);
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', service, projectId: id });
    }
    // Concord answers 403 to a user without access to a private project.
    await t.fault('concord', { path: '/api/v2/org/Default/project/analytics$', status: 403 });
    expect((await refused([projectIds.concord])).extensions).toMatchObject({ code: 'FORBIDDEN', service: 'concord', projectId: projectIds.concord });
    expect((await refused([projectIds.gitlab], { 'x-gitlab-token': 'not-a-token' })).extensions).toMatchObject({ code: 'UNAUTHENTICATED', service: 'gitlab' });
    expect(t.gateway.live.projectPollers.activeTargets()).toEqual([]);
    expect(await latestReads()).toBe(0);
  });
});

describe('pipelinesChanged keeps each credential to what it reads', () => {
  it('polls a project once per credential, and a subscriber whose access is revoked gets nothing more while others still do', async () => {
    const store = t.simulators.gitlab.store;
    // ada's private project, shared with grace as a direct member.
    const project = store.projectByPath('ada/dotfiles');
    const grace = store.userByName('grace');
    if (project === undefined || grace === undefined) throw new Error('seed changed');
    store.members.push({ projectId: project.id, userId: grace.id, accessLevel: 30, expiresAt: null, createdAt: new Date().toISOString(), createdById: project.creatorId });
    const id = toGlobalId('GitLabProject', project.id);
    const ada = subscribe(live.client(), pipelinesSubscription, { projects: [id, projectIds.concord] });
    const graceSub = subscribe(live.client({ 'x-gitlab-token': 'gitlab-token-grace' }), pipelinesSubscription, { projects: [id] });
    await waitFor(() => eventsOf(ada, id).length === 1 && eventsOf(graceSub, id).length === 1, 'both CURRENT events');
    // The project has no pipeline yet.
    expect(eventsOf(graceSub, id)[0]).toMatchObject({ pipeline: null, runState: null, source: 'CURRENT' });

    // Two credentials, two pollers of the one project; one for the Concord project.
    const targets = t.gateway.live.projectPollers.stats().filter((stats) => stats.target.key === String(project.id));
    expect(targets.map((stats) => stats.subscribers)).toEqual([1, 1]);
    expect(new Set(targets.map((stats) => stats.target.scope)).size).toBe(2);

    const gitlab = originOf(t.simulators, 'gitlab');
    const { id: pipeline } = await simControl(gitlab, `projects/${project.id}/pipelines`);
    const pending = (sub: Received) => eventsOf(sub, id).some((event) => event.runState === 'PENDING');
    await waitFor(() => pending(ada) && pending(graceSub), 'the new pipeline for both');

    // grace leaves the project: her poller's reads now fail, and she hears no more of it.
    store.members.splice(store.members.findIndex((member) => member.projectId === project.id && member.userId === grace.id), 1);
    const graceTarget = targets.find((stats) => stats.target.scope !== t.gateway.live.scopeOf('gitlab', 'demo-gitlab-token'))?.target;
    const failuresBefore = t.gateway.live.projectPollers.stats().find((stats) => stats.target === graceTarget)?.failures ?? 0;
    await simControl(gitlab, `pipelines/${pipeline}/status`, { status: 'running' });
    await waitFor(() => eventsOf(ada, id).some((event) => event.runState === 'RUNNING'), 'the change for ada');
    await waitFor(() => (t.gateway.live.projectPollers.stats().find((stats) => stats.target === graceTarget)?.failures ?? 0) >= failuresBefore + 2, 'grace\'s poller failing');
    expect(eventsOf(graceSub, id).map((event) => event.runState)).toEqual([null, 'PENDING']);
    expect(graceSub.results.every((result) => result.errors === undefined)).toBe(true);
    // ada's subscription never carried another project's events.
    expect(new Set(ada.results.map((result) => result.data?.pipelinesChanged.project.id))).toEqual(new Set([id, projectIds.concord]));
    ada.stop();
    graceSub.stop();
  });
});
