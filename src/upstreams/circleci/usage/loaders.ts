import type { CircleCiApi } from '../api.js';
import { toUsageExport } from './mappers.js';
import type { CircleCiUsageExportModel } from './models.js';

/** One request's usage export reads and writes. */
export class UsageLoaders {
  constructor(private readonly api: CircleCiApi) {}

  async usageExport(orgId: string, jobId: string): Promise<CircleCiUsageExportModel> {
    return toUsageExport((await this.api.getUsageExport({ path: { org_id: orgId, usage_export_job_id: jobId } })).body, orgId);
  }

  async create(orgId: string, start: string, end: string, sharedOrgIds?: readonly string[]): Promise<CircleCiUsageExportModel> {
    const body = { start, end, ...(sharedOrgIds !== undefined && sharedOrgIds.length > 0 ? { shared_org_ids: sharedOrgIds } : {}) };
    return toUsageExport((await this.api.createUsageExport({ path: { org_id: orgId }, body })).body, orgId);
  }
}
