import type { Router } from '../../core/Router.js';
import { jobArtifacts, jobDetailsJson, jobTests } from '../serializeJobs.js';
import type { CircleCiStore } from '../store.js';
import { itemsPage, userOf } from './context.js';
import { jobByNumber } from './lookup.js';

/** Jobs by project and number: details, cancel, artifacts and test results. */
export function jobRoutes(router: Router, store: CircleCiStore): void {
  router.get('/project/:slug{3}/job/:number', (req) => ({ status: 200, body: jobDetailsJson(store, jobByNumber(store, req)) }));

  router.post('/project/:slug{3}/job/:number/cancel', (req) => {
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
  router.get('/project/:slug{3}/:number/artifacts', (req) => itemsPage(req, jobArtifacts(jobByNumber(store, req)), (item) => item));
  router.get('/project/:slug{3}/:number/tests', (req) => itemsPage(req, jobTests(jobByNumber(store, req)), (item) => item));
}
