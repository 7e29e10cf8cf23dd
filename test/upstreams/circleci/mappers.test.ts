import { describe, expect, it } from 'vitest';
import { toArtifact, toJob, toJobDetails, toTestResult } from '../../../src/upstreams/circleci/mappersJobs.js';
import {
  toCheckoutKey,
  toCollaboration,
  toEnvVar,
  toPipelineConfig,
  toProjectSettings,
  toSchedule,
  toUser,
} from '../../../src/upstreams/circleci/mappersProject.js';
import { toPipeline } from '../../../src/upstreams/circleci/mappers.js';

const workflowJob = {
  canceled_by: '026a6d28-c22e-4aab-a8b4-bd7131a8ea35',
  dependencies: ['19c4d8e4-0d6f-4b34-a3b3-0d2c5b7bbd11'],
  job_number: 25,
  id: '3b1c2b5a-48a6-4c2e-8a73-6b2b1f2e9d01',
  started_at: '2026-11-20T10:00:00Z',
  name: 'test',
  approved_by: '026a6d28-c22e-4aab-a8b4-bd7131a8ea35',
  project_slug: 'gh/acme/api',
  status: 'terminated-unknown',
  type: 'build',
  stopped_at: null,
  approval_request_id: '9f2b9d3e-2c1f-4c8e-9a6f-4e1f0b8f2a77',
};

const jobModel = {
  __typename: 'CircleCIJob',
  id: '3b1c2b5a-48a6-4c2e-8a73-6b2b1f2e9d01',
  workflowId: 'wf-1',
  jobNumber: 25,
  name: 'test',
  projectSlug: 'gh/acme/api',
  status: 'TERMINATED_UNKNOWN',
  rawStatus: 'terminated-unknown',
  type: 'BUILD',
  startedAt: '2026-11-20T10:00:00Z',
  stoppedAt: null,
  dependencies: ['19c4d8e4-0d6f-4b34-a3b3-0d2c5b7bbd11'],
  approvalRequestId: '9f2b9d3e-2c1f-4c8e-9a6f-4e1f0b8f2a77',
  approvedBy: '026a6d28-c22e-4aab-a8b4-bd7131a8ea35',
  canceledBy: '026a6d28-c22e-4aab-a8b4-bd7131a8ea35',
};

describe('CircleCI job mappers', () => {
  it('maps a workflow job as declared', () => {
    expect(toJob(workflowJob, 'wf-1')).toEqual(jobModel);
  });

  it('decodes a job number sent as a string, and an unknown status and type as UNKNOWN', () => {
    expect(toJob({ ...workflowJob, job_number: '25', status: 'exploded', type: 'manual' }, 'wf-1')).toEqual({
      ...jobModel,
      status: 'UNKNOWN',
      rawStatus: 'exploded',
      type: 'UNKNOWN',
    });
  });

  it('maps a job without number, dependencies or approval fields', () => {
    expect(toJob({ id: 'j', name: 'hold', status: 'on_hold', type: 'approval', project_slug: 'gh/a/b', started_at: null }, 'wf')).toEqual({
      __typename: 'CircleCIJob',
      id: 'j',
      workflowId: 'wf',
      jobNumber: null,
      name: 'hold',
      projectSlug: 'gh/a/b',
      status: 'ON_HOLD',
      rawStatus: 'on_hold',
      type: 'APPROVAL',
      startedAt: null,
      stoppedAt: null,
      dependencies: [],
      approvalRequestId: null,
      approvedBy: null,
      canceledBy: null,
    });
  });

  const details = {
    web_url: 'https://app.circleci.com/jobs/25',
    project: { id: 'p-1', slug: 'gh/acme/api', name: 'api', external_url: 'https://github.com/acme/api' },
    parallel_runs: [{ index: 0, status: 'success' }],
    started_at: '2026-11-20T10:00:00Z',
    latest_workflow: { id: 'wf-1', name: 'build-and-test' },
    name: 'test',
    executor: { resource_class: 'medium', type: 'docker' },
    parallelism: 1,
    status: 'success',
    number: 25,
    pipeline: { id: 'pl-1' },
    duration: 25000,
    created_at: '2026-11-20T09:59:00Z',
    messages: [{ type: 'warning', message: 'slow', reason: 'cache' }],
    contexts: [{ name: 'production' }],
    organization: { name: 'acme' },
    queued_at: '2026-11-20T09:59:30Z',
    stopped_at: '2026-11-20T10:00:25Z',
  };
  const detailsModel = {
    __typename: 'CircleCIJobDetails',
    number: 25,
    name: 'test',
    projectSlug: 'gh/acme/api',
    projectId: 'p-1',
    projectName: 'api',
    projectUrl: 'https://github.com/acme/api',
    organizationName: 'acme',
    webUrl: 'https://app.circleci.com/jobs/25',
    status: 'SUCCESS',
    rawStatus: 'success',
    createdAt: '2026-11-20T09:59:00Z',
    queuedAt: '2026-11-20T09:59:30Z',
    startedAt: '2026-11-20T10:00:00Z',
    stoppedAt: '2026-11-20T10:00:25Z',
    durationMs: 25000,
    parallelism: 1,
    parallelRuns: [{ index: 0, status: 'success' }],
    executorResourceClass: 'medium',
    executorType: 'docker',
    latestWorkflowId: 'wf-1',
    latestWorkflowName: 'build-and-test',
    pipelineId: 'pl-1',
    messages: [{ type: 'warning', message: 'slow', reason: 'cache' }],
    contexts: ['production'],
  };

  it('maps job details', () => {
    expect(toJobDetails(details, 'gh/acme/api')).toEqual(detailsModel);
  });

  it('decodes job details whose numbers are strings', () => {
    const loose = { ...details, number: '25', parallelism: '1', duration: '25000', parallel_runs: [{ index: '0', status: 'success' }] };
    expect(toJobDetails(loose, 'gh/acme/api')).toEqual(detailsModel);
  });

  it('maps artifacts and test results, with string numbers too', () => {
    const artifact = { __typename: 'CircleCIArtifact', path: 'dist/app.tgz', nodeIndex: 2, url: 'https://x/app.tgz' };
    expect(toArtifact({ path: 'dist/app.tgz', node_index: 2, url: 'https://x/app.tgz' })).toEqual(artifact);
    expect(toArtifact({ path: 'dist/app.tgz', node_index: '2', url: 'https://x/app.tgz' })).toEqual(artifact);
    const test = { message: null, source: 'junit', run_time: 0.25, file: 'a.test.ts', result: 'success', name: 'works', classname: 'a' };
    const model = { __typename: 'CircleCITestResult', name: 'works', classname: 'a', file: 'a.test.ts', result: 'success', message: null, source: 'junit', runTimeSeconds: 0.25 };
    expect(toTestResult(test)).toEqual(model);
    expect(toTestResult({ ...test, run_time: '0.25' })).toEqual(model);
  });
});

describe('CircleCI project resource mappers', () => {
  const schedule = {
    id: 's-1',
    timetable: { 'per-hour': 2, 'hours-of-day': [1, 13], 'days-of-week': ['MON', 'FRI'], months: ['JAN'] },
    'updated-at': '2026-11-02T00:00:00Z',
    name: 'nightly',
    'created-at': '2026-11-01T00:00:00Z',
    'project-slug': 'gh/acme/api',
    parameters: { branch: 'main', deploy: true },
    actor: { id: 'u-1', login: 'ada', name: 'Ada' },
    description: 'Nightly',
  };
  const scheduleModel = {
    __typename: 'CircleCISchedule',
    id: 's-1',
    name: 'nightly',
    description: 'Nightly',
    projectSlug: 'gh/acme/api',
    timetable: { perHour: 2, hoursOfDay: [1, 13], daysOfWeek: ['MON', 'FRI'], daysOfMonth: [], months: ['JAN'] },
    parameters: { branch: 'main', deploy: true },
    actor: { __typename: 'CircleCIUser', id: 'u-1', login: 'ada', name: 'Ada' },
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-02T00:00:00Z',
  };

  it('maps a schedule', () => {
    expect(toSchedule(schedule)).toEqual(scheduleModel);
  });

  it('decodes a timetable of numeric strings and keeps unknown days as UNKNOWN', () => {
    const loose = { ...schedule, description: null, timetable: { 'per-hour': '2', 'hours-of-day': ['1', 13], 'days-of-week': ['MON', 'HOLIDAY'], 'days-of-month': ['15'] } };
    expect(toSchedule(loose)).toEqual({
      ...scheduleModel,
      description: null,
      timetable: { perHour: 2, hoursOfDay: [1, 13], daysOfWeek: ['MON', 'UNKNOWN'], daysOfMonth: [15], months: [] },
    });
  });

  it('maps masked env vars, with and without created-at', () => {
    expect(toEnvVar({ name: 'NPM_TOKEN', value: 'xxxx1234', 'created-at': '2026-11-01T00:00:00Z' }, 'gh/a/b')).toEqual({
      __typename: 'CircleCIProjectEnvVar',
      projectSlug: 'gh/a/b',
      name: 'NPM_TOKEN',
      maskedValue: 'xxxx1234',
      createdAt: '2026-11-01T00:00:00Z',
    });
    expect(toEnvVar({ name: 'OLD', value: 'xxxxabcd', 'created-at': null }, 'gh/a/b').createdAt).toBeNull();
  });

  it('maps checkout keys, with preferred sent as a string too', () => {
    const key = { 'public-key': 'ssh-rsa AAA', type: 'github-user-key', fingerprint: 'c9:0b', preferred: true, 'created-at': '2026-11-01T00:00:00Z' };
    const model = {
      __typename: 'CircleCICheckoutKey',
      projectSlug: 'gh/a/b',
      publicKey: 'ssh-rsa AAA',
      type: 'GITHUB_USER_KEY',
      rawType: 'github-user-key',
      fingerprint: 'c9:0b',
      preferred: true,
      createdAt: '2026-11-01T00:00:00Z',
    };
    expect(toCheckoutKey(key, 'gh/a/b')).toEqual(model);
    expect(toCheckoutKey({ ...key, preferred: 'true' }, 'gh/a/b')).toEqual(model);
  });

  it('maps settings, leaving out what CircleCI did not send as null', () => {
    expect(toProjectSettings({ advanced: { autocancel_builds: true, oss: 'false', pr_only_branch_overrides: ['main'] } }, 'gh/a/b')).toEqual({
      __typename: 'CircleCIProjectSettings',
      projectSlug: 'gh/a/b',
      autocancelBuilds: true,
      buildForkPrs: null,
      buildPrsOnly: null,
      disableSsh: null,
      forksReceiveSecretEnvVars: null,
      oss: false,
      setGithubStatus: null,
      setupWorkflows: null,
      writeSettingsRequiresAdmin: null,
      prOnlyBranchOverrides: ['main'],
    });
  });

  it('maps users, collaborations and pipeline configuration', () => {
    expect(toUser({ id: 'u', login: 'ada', name: 'Ada' })).toEqual({ __typename: 'CircleCIUser', id: 'u', login: 'ada', name: 'Ada' });
    expect(toCollaboration({ id: null, 'vcs-type': 'github', name: 'acme', avatar_url: 'https://a', slug: 'gh/acme' })).toEqual({
      __typename: 'CircleCICollaboration',
      id: null,
      vcsType: 'github',
      name: 'acme',
      avatarUrl: 'https://a',
      slug: 'gh/acme',
    });
    expect(toPipelineConfig({ source: 'a', compiled: 'b' })).toEqual({ __typename: 'CircleCIPipelineConfig', source: 'a', compiled: 'b', setupConfig: null, compiledSetupConfig: null });
  });

  it('decodes a pipeline whose number is a string', () => {
    const wire = { id: 'p', number: '25', project_slug: 'gh/a/b', state: 'setup-pending', created_at: 't', errors: [], trigger: { type: 'api' } };
    expect(toPipeline(wire).number).toBe(25);
    expect(toPipeline({ ...wire, number: 25 }).number).toBe(25);
    expect(toPipeline(wire).state).toBe('SETUP_PENDING');
  });
});
