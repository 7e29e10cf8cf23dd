import type { Router } from '../../core/Router.js';
import { jobArtifacts, jobDetailsJson, jobTests } from '../serializeJobs.js';
import type { CircleCiStore } from '../store.js';
import { itemsPage, userOf } from './context.js';
import { jobByNumber } from './lookup.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

/** Jobs by project and number: details, cancel, artifacts and test results. */
export function jobRoutes(router: Router, store: CircleCiStore): void {
  router.on(ops.getJobDetails, (req) => ({ status: 200, body: jobDetailsJson(store, jobByNumber(store, req)) }));

  router.on(ops.cancelJob, (req) => {
    const job = jobByNumber(store, req);
    store.cancelJob(job, userOf(store, req).id);
    return { status: 200, body: { message: 'Accepted.' } };
  });
}

/**
 * `/{job-number}/artifacts` and `/{job-number}/tests` sit where any other
 * project sub-resource could match them, so they are registered last.
 */
export function jobOutputRoutes(router: Router, store: CircleCiStore): void {
  router.on(ops.getJobArtifacts, (req) => itemsPage(req, jobArtifacts(jobByNumber(store, req)), (item) => item));
  router.on(ops.getTests, (req) => itemsPage(req, jobTests(jobByNumber(store, req)), (item) => item));
}
