/** The services whose projects have pipelines (GitHub Enterprise's admin API has no projects). */
export const pipelineServices = ['circleci', 'gitlab', 'concord', 'flexstack'] as const;

/** A service whose projects' pipelines can be watched. */
export type PipelineService = (typeof pipelineServices)[number];

/** A project named by a subscriber, its id decoded and checked, not read yet. */
export interface ProjectRef {
  /** The global id as the subscriber sent it. */
  readonly id: string;
  readonly service: PipelineService;
  /** The service's own key: a CircleCI slug, a numeric GitLab id, a Concord `org/name`, a FlexStack id. */
  readonly key: string;
}

/**
 * What one poller watches: a project, by its canonical key, as one
 * credential sees it. `scope` is the credential's keyed fingerprint, never
 * the credential itself.
 */
export interface WatchTarget {
  readonly service: PipelineService;
  readonly key: string;
  readonly scope: string;
}

/** The name of a target in leases, shared state and logs. */
export function targetName(target: WatchTarget): string {
  return `${target.service}:${target.scope}:${target.key}`;
}
