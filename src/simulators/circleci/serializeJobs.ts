import type { CircleCiStore, SimJob } from './store.js';

/** `GET /project/{slug}/job/{number}`: a job's details. */
export function jobDetailsJson(store: CircleCiStore, job: SimJob): Record<string, unknown> {
  const workflow = store.workflows.find((candidate) => candidate.id === job.workflowId);
  const pipeline = store.pipelines.find((candidate) => candidate.id === workflow?.pipelineId);
  const project = store.projects.find((candidate) => candidate.slug === job.projectSlug);
  const [, orgName, name] = job.projectSlug.split('/') as [string, string, string];
  const startedAt = job.startedAt ?? workflow?.createdAt ?? new Date(0).toISOString();
  const duration = job.stoppedAt === null ? null : Date.parse(job.stoppedAt) - Date.parse(startedAt);
  return {
    web_url: `https://app.circleci.com/pipelines/${job.projectSlug}/${pipeline?.number ?? 0}/workflows/${job.workflowId}/jobs/${job.jobNumber ?? 0}`,
    project: { id: project?.id ?? '', slug: job.projectSlug, name, external_url: `https://github.com/${orgName}/${name}` },
    parallel_runs: [{ index: 0, status: job.status }],
    started_at: startedAt,
    latest_workflow: { id: job.workflowId, name: workflow?.name ?? '' },
    name: job.name,
    executor: { resource_class: 'medium', type: 'docker' },
    parallelism: 1,
    status: job.status,
    number: job.jobNumber,
    pipeline: { id: pipeline?.id ?? '' },
    duration,
    created_at: startedAt,
    messages: job.status === 'infrastructure_fail' ? [{ type: 'error', message: 'Machine failed to start', reason: 'infrastructure' }] : [],
    contexts: job.name === 'deploy' ? [{ name: 'production' }] : [],
    organization: { name: orgName },
    queued_at: startedAt,
    stopped_at: job.stoppedAt,
  };
}

/** The artifacts a finished build job stores; deterministic per job. */
export function jobArtifacts(job: SimJob): Record<string, unknown>[] {
  if (job.jobNumber === null || job.stoppedAt === null) return [];
  const paths = job.name === 'test' ? ['test-results/junit.xml', 'coverage/lcov.info', 'coverage/index.html'] : [`dist/${job.name}.tar.gz`];
  return paths.map((path) => ({
    path,
    node_index: 0,
    url: `https://output.circle-artifacts.com/output/job/${job.id}/artifacts/0/${path}`,
  }));
}

/** The test results of a finished `test` job: 45 cases, some failed when the job failed. */
export function jobTests(job: SimJob): Record<string, unknown>[] {
  if (job.name !== 'test' || job.jobNumber === null || job.stoppedAt === null) return [];
  return Array.from({ length: 45 }, (_, index) => {
    const failed = job.status === 'failed' && index % 15 === 7;
    const skipped = index % 20 === 19;
    return {
      message: failed ? `expected ${index} to equal ${index + 1}` : null,
      source: 'junit',
      run_time: Number((0.01 * ((index * 37) % 91)).toFixed(3)),
      file: `src/module${index % 5}.test.ts`,
      result: failed ? 'failure' : skipped ? 'skipped' : 'success',
      name: `case ${index}`,
      classname: `module${index % 5}`,
    };
  });
}
