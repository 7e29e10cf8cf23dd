import type { ServiceName } from '../config/ServiceName.js';

/**
 * What a cached GET holds, which decides how long it stays fresh:
 * - `run`: one pipeline, workflow, job or process; long once finished, briefly while running
 *   (read from the body's status);
 * - `runs`: a list of runs; briefly while any is running, else as a list;
 * - `object`, `list`, `settings`: one object, a list, configuration (variables, hooks, contexts);
 * - `immutable`: never changes once it exists (a pipeline's config);
 * - `none`: never cached.
 */
export type ReadKind = 'run' | 'runs' | 'object' | 'list' | 'settings' | 'immutable' | 'none';

/** Body fields (`a.b` reaches into an object) holding a run's status, and the values that mean it will not change again. */
export interface FinishedStates {
  readonly fields: readonly string[];
  readonly values: readonly string[];
}

/**
 * Another name of the resource read, taken from its body: the path with
 * parameter `param` replaced by the body's `field` (URL-encoded), which
 * writes may name it by.
 */
export interface ReadAlias {
  readonly param: string;
  readonly field: string;
}

/**
 * What a write makes stale, resolved to concrete paths and templates:
 * `exact` one path (whatever its query), `subtree` a path and everything
 * below it, `route` every entry read under that operation's path template.
 */
export type PurgeTarget = { readonly exact: string } | { readonly subtree: string } | { readonly route: string };

/** How reads of one operation are cached (its TTL kind, and what its body says of it). */
export interface ReadPolicy {
  readonly kind: ReadKind;
  /** For `run` and `runs`: this resource's own status fields and final values, instead of the service's. */
  readonly finished?: FinishedStates | undefined;
  /** Other names of the same resource, from its body: writes naming those purge it too. */
  readonly aliases?: readonly ReadAlias[] | undefined;
}

/**
 * What a write makes stale beyond what its own path says, naming the reads by
 * operation id: `exact` that read's path (whatever its query), `subtree` that
 * path and everything below it, `route` every entry read by that operation.
 * The read's path parameters are filled from the write's of the same name,
 * or from those `params` maps them to (`{ read: write }`).
 */
export type OperationPurge<Id extends string = string> =
  | { readonly exact: Id; readonly params?: Readonly<Record<string, string>> | undefined }
  | { readonly subtree: Id; readonly params?: Readonly<Record<string, string>> | undefined }
  | { readonly route: Id };

/**
 * The cache rules of one table of operations, keyed by operation id: a read
 * policy for every GET, the extra purges of every write. Written with
 * `satisfies CacheRulesOf<typeof table>`, a missing rule is a type error.
 */
export type CacheRulesOf<Table extends Readonly<Record<string, { readonly method: string }>>> = {
  readonly [Id in keyof Table]: Table[Id]['method'] extends 'GET' ? ReadPolicy : readonly OperationPurge<keyof Table & string>[];
};

/**
 * Each service's run states: the body fields holding a run's status, and the
 * values that mean it will not change again (unless a read policy says its
 * own). What each read is and what each write purges is kept beside the
 * service's operations (`src/upstreams/<service>/`), keyed by operation id.
 */
export const finishedStates: Readonly<Record<ServiceName, FinishedStates>> = {
  circleci: {
    fields: ['status', 'state'],
    // Pipeline states created|errored are final; workflow and job statuses below are final.
    values: ['created', 'errored', 'success', 'failed', 'error', 'canceled', 'unauthorized', 'not_run', 'infrastructure_fail', 'timedout', 'terminated-unknown', 'retried'],
  },
  ghes: { fields: ['state', 'download_state'], values: ['success', 'failed'] },
  gitlab: { fields: ['status'], values: ['success', 'failed', 'canceled', 'skipped', 'manual'] },
  concord: { fields: ['status'], values: ['FINISHED', 'FAILED', 'CANCELLED', 'TIMED_OUT'] },
  flexstack: { fields: ['status'], values: ['succeeded', 'failed'] },
};
