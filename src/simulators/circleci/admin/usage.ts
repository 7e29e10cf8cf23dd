import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { stableUuid } from '../../core/ids.js';
import type { CircleCiStore } from '../store.js';
import { areaState, bodyOf, requireOrg, uuidPattern } from './shared.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

/** A usage export job and its progress. */
export interface SimUsageExport {
  readonly id: string;
  readonly orgId: string;
  readonly start: string;
  readonly end: string;
  state: 'created' | 'processing' | 'failed' | 'completed';
}

/** Usage export jobs; each read moves a job one step on (created → processing → completed). */
export const usageState = areaState(() => ({ jobs: [] as SimUsageExport[] }));

const dayMs = 86_400_000;

/** Usage exports: `/organizations/{org_id}/usage_export_job`. */
export function usageRoutes(router: Router, store: CircleCiStore): void {
  router.on(ops.createUsageExport, (req) => {
    const org = requireOrg(store, req, req.params['org_id'] ?? '', 404);
    const body = bodyOf(req);
    const extra = Object.keys(body).filter((key) => !['start', 'end', 'shared_org_ids'].includes(key));
    if (extra.length > 0) throw new SimError(400, 'Unexpected request body provided.');
    const start = Date.parse(String(body['start']));
    const end = Date.parse(String(body['end']));
    if (typeof body['start'] !== 'string' || typeof body['end'] !== 'string' || Number.isNaN(start) || Number.isNaN(end)) {
      throw new SimError(400, 'start and end must be RFC 3339 date-times');
    }
    if (end < start) throw new SimError(400, 'end must not be before start');
    if (end - start > 31 * dayMs) throw new SimError(400, 'end must be no more than 31 days after start');
    if (start < Date.now() - 366 * dayMs) throw new SimError(400, 'start must be no more than one year ago');
    const shared = body['shared_org_ids'];
    if (shared !== undefined && (!Array.isArray(shared) || shared.some((id) => typeof id !== 'string' || !uuidPattern.test(id)))) {
      throw new SimError(400, 'shared_org_ids must be a list of organization ids');
    }
    const jobs = usageState(store).jobs;
    const job: SimUsageExport = { id: stableUuid(`usage:${org.id}:${jobs.length}:${Date.now()}`), orgId: org.id, start: body['start'], end: body['end'], state: 'created' };
    jobs.push(job);
    return { status: 201, body: { usage_export_job_id: job.id, state: job.state, start: job.start, end: job.end, download_urls: [] } };
  });

  router.on(ops.getUsageExport, (req) => {
    const org = requireOrg(store, req, req.params['org_id'] ?? '', 404);
    const job = usageState(store).jobs.find((candidate) => candidate.id === req.params['usage_export_job_id'] && candidate.orgId === org.id);
    if (job === undefined) throw new SimError(404, 'Usage export job not found');
    if (job.state !== 'failed') job.state = job.state === 'created' ? 'processing' : 'completed';
    const answer = {
      usage_export_job_id: job.id,
      state: job.state,
      download_urls: job.state === 'completed' ? [`https://usage-exports.circleci.example/${org.id}/${job.id}/part-0001.csv.gz`] : [],
    };
    return { status: 200, body: answer };
  });
}
