/** Workflow statuses after which a workflow changes no more (unless rerun). */
export const terminalWorkflowStatuses: ReadonlySet<string> = new Set(['success', 'failed', 'error', 'canceled', 'not_run', 'unauthorized']);

/**
 * A pipeline's run status from its workflows' statuses, in the workflows'
 * vocabulary: still moving (`running`, `failing`, `on_hold`) wins over
 * finished; among finished ones the worst wins; `success` only when none failed.
 */
export function pipelineStatusOf(workflowStatuses: readonly string[]): string | null {
  if (workflowStatuses.length === 0) return null;
  const has = (status: string): boolean => workflowStatuses.includes(status);
  for (const status of ['failing', 'running', 'on_hold']) if (has(status)) return status;
  const unknown = workflowStatuses.find((status) => !terminalWorkflowStatuses.has(status));
  if (unknown !== undefined) return unknown;
  for (const status of ['error', 'failed', 'unauthorized', 'canceled']) if (has(status)) return status;
  return has('success') ? 'success' : 'not_run';
}

/** Whether every workflow of a pipeline is finished. */
export function isPipelineFinished(workflowStatuses: readonly string[]): boolean {
  return workflowStatuses.length > 0 && workflowStatuses.every((status) => terminalWorkflowStatuses.has(status));
}

/** The organization slug of a project slug (`gh/acme/api` → `gh/acme`). */
export function orgSlugOf(projectSlug: string): string {
  return normalizeSlug(projectSlug).split('/').slice(0, 2).join('/');
}

/** CircleCI accepts long VCS names in slugs; events and filters use the short ones. */
export function normalizeSlug(slug: string): string {
  return slug.trim().replace(/^github\//, 'gh/').replace(/^bitbucket\//, 'bb/');
}
