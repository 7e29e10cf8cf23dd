import type { ServiceName } from '../config/ServiceName.js';
import type { HttpMethod } from './types.js';

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

/** Reads matching `path` (a template relative to the service's base URL) are of `kind`. */
export interface ReadRule {
  readonly path: string;
  readonly kind: ReadKind;
  /** For `run` and `runs`: this resource's own status fields and final values, instead of the service's. */
  readonly finished?: FinishedStates | undefined;
  /** Other paths of the same resource: its entry is purged by writes to those too. */
  readonly aliases?: readonly ReadAlias[] | undefined;
}

/**
 * What a write makes stale beyond what its own path says: `exact` one path
 * (whatever its query), `subtree` a path and everything below it, `route`
 * every read cached under that read rule's template. Parameters of the write's
 * path (`:name`) fill `exact` and `subtree` paths; resolved purges name
 * concrete paths.
 */
export type PurgeTarget = { readonly exact: string } | { readonly subtree: string } | { readonly route: string };

/** A write matching `methods` and `path` also purges `purge`. */
export interface WriteRule {
  readonly methods: readonly HttpMethod[];
  readonly path: string;
  readonly purge: readonly PurgeTarget[];
}

/** One service's cache rules. */
export interface ServiceCacheRules {
  /** First match wins; a read without a match is a list or an object by its body. */
  readonly reads: readonly ReadRule[];
  /** Every match applies, in addition to the purges derived from the write's path. */
  readonly writes: readonly WriteRule[];
  /** Body fields holding a run's status, and the values that mean it will not change again (unless a read rule says its own). */
  readonly finished: FinishedStates;
}

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

const workflowActions: readonly PurgeTarget[] = [
  { subtree: '/workflow/:id' },
  { route: '/pipeline/:id/workflow' },
  { route: '/project/:slug{3}/job/:number' },
];

/** Every service's cache rules, as data (tested in test/cache/rules.test.ts; every client read has one, test/cache/readRuleCoverage.test.ts). */
export const cacheRules: Readonly<Record<ServiceName, ServiceCacheRules>> = {
  circleci: {
    reads: [
      { path: '/project/:slug{3}/pipeline', kind: 'runs' },
      { path: '/project/:slug{3}/pipeline/mine', kind: 'runs' },
      { path: '/project/:slug{3}/pipeline/:number', kind: 'run' },
      { path: '/project/:slug{3}/job/:number', kind: 'run' },
      { path: '/project/:slug{3}/envvar', kind: 'settings' },
      { path: '/project/:slug{3}/envvar/:name', kind: 'settings' },
      { path: '/project/:slug{3}/checkout-key', kind: 'settings' },
      { path: '/project/:slug{3}/checkout-key/:fingerprint', kind: 'settings' },
      { path: '/project/:slug{3}/schedule', kind: 'settings' },
      { path: '/project/:slug{3}/settings', kind: 'settings' },
      // After the named settings, so that a variable called `artifacts` or `tests` stays a setting.
      { path: '/project/:slug{3}/:number/artifacts', kind: 'list' },
      { path: '/project/:slug{3}/:number/tests', kind: 'list' },
      { path: '/project/:slug{3}', kind: 'object' },
      { path: '/pipeline', kind: 'runs' },
      { path: '/pipeline/:id/config', kind: 'immutable' },
      { path: '/pipeline/:id/workflow', kind: 'runs' },
      { path: '/pipeline/:id', kind: 'run' },
      { path: '/workflow/:id/job', kind: 'runs' },
      { path: '/workflow/:id', kind: 'run' },
      { path: '/context', kind: 'settings' },
      { path: '/context/:id', kind: 'settings' },
      { path: '/context/:id/environment-variable', kind: 'settings' },
      { path: '/context/:id/restrictions', kind: 'settings' },
      { path: '/webhook', kind: 'settings' },
      { path: '/webhook/:id', kind: 'settings' },
      { path: '/schedule/:id', kind: 'settings' },
      { path: '/me', kind: 'settings' },
      { path: '/me/collaborations', kind: 'settings' },
      { path: '/user/:id', kind: 'object' },
      { path: '/insights/*rest', kind: 'list' },
      { path: '/org/:org/oidc-custom-claims', kind: 'settings' },
      { path: '/org/:org/project/:project/oidc-custom-claims', kind: 'settings' },
      // A decision, and the bundle it was made with, never change; the log grows with each decision.
      { path: '/owner/:owner/context/:context/decision', kind: 'list' },
      { path: '/owner/:owner/context/:context/decision/settings', kind: 'settings' },
      { path: '/owner/:owner/context/:context/decision/:decision', kind: 'immutable' },
      { path: '/owner/:owner/context/:context/decision/:decision/policy-bundle', kind: 'immutable' },
      { path: '/owner/:owner/context/:context/policy-bundle', kind: 'settings' },
      { path: '/owner/:owner/context/:context/policy-bundle/:name', kind: 'settings' },
      // An export job moves created → processing → completed or failed; `created` is final only for pipelines.
      { path: '/organizations/:org/usage_export_job/:id', kind: 'run', finished: { fields: ['state'], values: ['completed', 'failed'] } },
    ],
    writes: [
      // Triggering creates a pipeline, read in the project's lists and the organisation's.
      { methods: ['POST'], path: '/project/:slug{3}/pipeline', purge: [{ subtree: '/project/:slug{3}/pipeline' }, { exact: '/pipeline' }] },
      { methods: ['POST'], path: '/project/:slug{3}/pipeline/run', purge: [{ subtree: '/project/:slug{3}/pipeline' }, { exact: '/pipeline' }] },
      // Cancel, rerun and approve change the workflow, its jobs, and the pipeline's workflow list.
      { methods: ['POST'], path: '/workflow/:id/cancel', purge: workflowActions },
      { methods: ['POST'], path: '/workflow/:id/rerun', purge: workflowActions },
      { methods: ['POST'], path: '/workflow/:id/approve/:request', purge: workflowActions },
      {
        methods: ['POST'],
        path: '/project/:slug{3}/job/:number/cancel',
        purge: [{ route: '/workflow/:id/job' }, { route: '/workflow/:id' }, { route: '/pipeline/:id/workflow' }],
      },
      // A continuation key names no pipeline: whichever pipeline it continues changes state, config and workflows.
      {
        methods: ['POST'],
        path: '/pipeline/continue',
        purge: [
          { route: '/pipeline/:id' },
          { route: '/pipeline/:id/config' },
          { route: '/pipeline/:id/workflow' },
          { route: '/project/:slug{3}/pipeline' },
          { route: '/project/:slug{3}/pipeline/mine' },
          { route: '/project/:slug{3}/pipeline/:number' },
        ],
      },
      // Creating a variable that exists replaces its value, read at its own path too.
      { methods: ['POST'], path: '/project/:slug{3}/envvar', purge: [{ subtree: '/project/:slug{3}/envvar' }] },
      // A new checkout key may become the preferred one, which each key reports.
      { methods: ['POST'], path: '/project/:slug{3}/checkout-key', purge: [{ subtree: '/project/:slug{3}/checkout-key' }] },
      // Schedules are listed per project, a path their own does not name.
      { methods: ['PATCH', 'DELETE'], path: '/schedule/:id', purge: [{ route: '/project/:slug{3}/schedule' }] },
      // A new bundle replaces the documents read one by one below it.
      { methods: ['POST'], path: '/owner/:owner/context/:context/policy-bundle', purge: [{ subtree: '/owner/:owner/context/:context/policy-bundle' }] },
      // Contexts are listed by owner (`/context?owner-id=`), not under their own path.
      { methods: ['POST', 'PUT', 'DELETE'], path: '/context/:id/*rest', purge: [{ exact: '/context' }] },
    ],
    finished: {
      fields: ['status', 'state'],
      // Pipeline states created|errored are final; workflow and job statuses below are final.
      values: ['created', 'errored', 'success', 'failed', 'error', 'canceled', 'unauthorized', 'not_run', 'infrastructure_fail', 'timedout', 'terminated-unknown', 'retried'],
    },
  },
  // GitHub Enterprise Server's reads and writes carry their rules by operation (src/upstreams/ghes/cacheRules.ts).
  ghes: {
    reads: [],
    writes: [],
    finished: { fields: ['state', 'download_state'], values: ['success', 'failed'] },
  },
  // GitLab's reads and writes carry their rules in its operation table (src/upstreams/gitlab/operations.ts).
  gitlab: {
    reads: [],
    writes: [],
    finished: { fields: ['status'], values: ['success', 'failed', 'canceled', 'skipped', 'manual'] },
  },
  // Concord's reads and writes carry their rules in its operation table (src/upstreams/concord/operations.ts).
  concord: {
    reads: [],
    writes: [],
    finished: { fields: ['status'], values: ['FINISHED', 'FAILED', 'CANCELLED', 'TIMED_OUT'] },
  },
  // FlexStack's reads and writes carry their rules in its operation table (src/upstreams/flexstack/operations.ts).
  flexstack: {
    reads: [],
    writes: [],
    finished: { fields: [], values: [] },
  },
};
