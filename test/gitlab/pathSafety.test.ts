import { describe, expect, it } from 'vitest';
import { expectNodeWithoutCall, hiddenDotSegments, sentPaths } from '../helpers/pathSafety.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { subscribe, waitFor, wsClient } from '../subscriptions/liveHelpers.js';

const t = useTestGateway({ env: { GITLAB_WEBHOOK_SECRET: 'path-safety' } });

const calls = (): Promise<string[]> => sentPaths(t, 'gitlab');

/** Project references that must never leave their one path segment, nor reach GitLab at all. */
const hostileRefs = [
  'acme/../../../me',
  'a/b/../../../../../etc/passwd',
  '../projects',
  'acme/./api',
  'acme/%2e%2e/%2e%2e/me',
  'acme/..%2f..%2fme',
  'acme%2F..%2F..%2Fusers',
  '%2e%2e%2f%2e%2e%2fusers',
  'acme//api',
  '/acme/api',
  'acme/api/',
  'acme/a\u0007pi',
  'acme/\r\napi',
  'acme/ap\u0000i',
  'acme/api?sudo=root',
  'acme/api#x',
  'acme\\..\\..\\me',
  'acme/api.git',
  'acme/-api',
  `acme/${'a'.repeat(256)}`,
  `${'g/'.repeat(25)}name`,
  'x'.repeat(5000),
  '0',
  '-1',
  '1.5',
  '1e3',
  '00012',
  '12abc',
  'api',
];

describe('GitLab path safety: reads', () => {
  it.each(hostileRefs)('gitlabProject(idOrPath: %j) is refused before any call', async (ref) => {
    const result = await t.gql(`query ($p: String!) { gitlabProject(idOrPath: $p) { projectId } }`, { p: ref });
    expect(result.data).toEqual({ gitlabProject: null });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await calls()).toEqual([]);
  });

  it.each(hiddenDotSegments.flatMap((bad) => [bad, `acme/${bad}`]))('gitlabProject(idOrPath: %j), a hidden dot segment, is refused before any call', async (ref) => {
    const result = await t.gql(`query ($p: String!) { gitlabProject(idOrPath: $p) { projectId } }`, { p: ref });
    expect(result.data).toEqual({ gitlabProject: null });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const write = await t.gql(`mutation ($p: String!) { gitlabAddProjectHook(input: { projectId: $p, url: "https://hooks.example.com/x" }) { hookId } }`, { p: ref });
    expect(write.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await calls()).toEqual([]);
  });

  it('sends an unusual but valid full path as one encoded segment, and nothing else', async () => {
    const result = await t.gql(`{ a: gitlabProject(idOrPath: "acme/my.tools_v2") { projectId } b: gitlabProject(idOrPath: "acme%2Fplatform%2Fgateway") { projectId } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: null, b: { projectId: 17 } });
    expect((await calls()).sort()).toEqual(['GET /api/v4/projects/acme%2Fmy.tools_v2', 'GET /api/v4/projects/acme%2Fplatform%2Fgateway']);
  });

  it('refuses malformed member and hook ids under a real project, which alone is read', async () => {
    const result = await t.gql(`{ gitlabProject(idOrPath: "acme/api") { fullName member(userId: -3) { userId } hook(hookId: 0) { hookId } } }`);
    expect(result.data?.['gitlabProject']).toEqual({ fullName: 'acme/api', member: null, hook: null });
    expect(result.errors?.map((error) => [error.path?.join('.'), error.extensions?.['code']])).toEqual([
      ['gitlabProject.member', 'BAD_USER_INPUT'],
      ['gitlabProject.hook', 'BAD_USER_INPUT'],
    ]);
    expect(await calls()).toEqual(['GET /api/v4/projects/acme%2Fapi']);
  });

  it('refuses malformed pipeline ids, and keeps a hostile ref inside the query of the one path it names', async () => {
    const result = await t.gql(`{ gitlabProject(idOrPath: "1") { pipeline(pipelineId: -7) { status } latestPipeline(ref: "../../../users?x=1#y") { status } } }`);
    expect(result.data?.['gitlabProject']).toEqual({ pipeline: null, latestPipeline: null });
    expect(result.errors?.map((error) => [error.path?.join('.'), error.extensions?.['code']])).toEqual([['gitlabProject.pipeline', 'BAD_USER_INPUT']]);
    const log = await t.requests('gitlab');
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v4/projects/1', 'GET /api/v4/projects/1/pipelines/latest']);
    expect(log[1]?.query).toEqual({ ref: '../../../users?x=1#y' });
  });

  it.each([
    ['GitLabProject', '../../me'],
    ['GitLabProject', 'acme/../../users'],
    ['GitLabProject', '1/../../users'],
    ['GitLabProject', '%2e%2e'],
    ['GitLabMember', '1:2/../../users'],
    ['GitLabMember', '..:1'],
    ['GitLabMember', '1:'],
    ['GitLabProjectHook', '1/..:3'],
    ['GitLabProjectHook', '1:3\n'],
    ['GitLabPipeline', '1:../../jobs'],
    ['GitLabPipeline', 'acme%2F..:1'],
    ['GitLabPipeline', '1:0'],
    ['GitLabJob', '1:2/../../../users'],
    ['GitLabJob', '..:..'],
  ])('node(id:) of a %s whose key is %j is null, with no call', async (typename, key) => {
    await expectNodeWithoutCall(t, 'gitlab', typename, key);
  });
});

describe('GitLab path safety: writes', () => {
  const writes: readonly (readonly [string, string, Record<string, unknown>])[] = [
    ['gitlabAddMember', 'GitLabAddMemberInput', { projectId: 'acme/../../../me', userId: 5, accessLevel: 'GUEST' }],
    ['gitlabUpdateMember', 'GitLabUpdateMemberInput', { projectId: 'a/b/../../../../../etc/passwd', userId: 5, accessLevel: 'GUEST' }],
    ['gitlabRemoveMember', 'GitLabRemoveMemberInput', { projectId: 'acme%2F..%2F..%2Fusers', userId: 5 }],
    ['gitlabRemoveMember', 'GitLabRemoveMemberInput', { projectId: '1', userId: -5 }],
    ['gitlabAddProjectHook', 'GitLabAddProjectHookInput', { projectId: 'acme/..%2f..%2fme', url: 'https://hooks.example.com/x' }],
    ['gitlabUpdateProjectHook', 'GitLabUpdateProjectHookInput', { projectId: 'acme//api', hookId: 1, url: 'https://hooks.example.com/x' }],
    ['gitlabUpdateProjectHook', 'GitLabUpdateProjectHookInput', { projectId: '1', hookId: 0 }],
    ['gitlabDeleteProjectHook', 'GitLabDeleteProjectHookInput', { projectId: 'acme/ap\u0000i', hookId: 1 }],
    ['gitlabDeleteProjectHook', 'GitLabDeleteProjectHookInput', { projectId: `acme/${'a'.repeat(300)}`, hookId: 1 }],
    ['gitlabCreateProject', 'GitLabCreateProjectInput', { name: 'Fine', path: '../escape' }],
  ];

  it.each(writes)('%s(%j) is refused before any call', async (mutation, inputType, input) => {
    const result = await t.gql(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`, { input });
    expect(result.data).toEqual({ [mutation]: null });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await calls()).toEqual([]);
  });
});

describe('GitLab path safety: subscriptions', () => {
  it('refuses a pipeline subscription whose project path climbs out of its segment, before any call', async () => {
    const client = wsClient(t.url);
    try {
      const refused = subscribe(client, `subscription ($p: String) { gitlabPipelineStatusChanged(projectPath: $p) { pipelineId } }`, { p: 'acme/../../../me' });
      await waitFor(() => refused.completed, 'the subscription refused');
      expect(refused.results[0]?.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(await calls()).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});
