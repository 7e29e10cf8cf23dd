import type { UpstreamSession } from '../../http/UpstreamSession.js';
import { UsageClient } from './client.js';
import { toUsageExport } from './mappers.js';
import type { CircleCiUsageExportModel } from './models.js';

/** One request's usage export reads and writes. */
export class UsageLoaders {
  readonly client: UsageClient;

  constructor(session: UpstreamSession) {
    this.client = new UsageClient(session);
  }

  async usageExport(orgId: string, jobId: string): Promise<CircleCiUsageExportModel> {
    return toUsageExport(await this.client.getUsageExport(orgId, jobId), orgId);
  }

  async create(orgId: string, start: string, end: string, sharedOrgIds?: readonly string[]): Promise<CircleCiUsageExportModel> {
    const body = { start, end, ...(sharedOrgIds !== undefined && sharedOrgIds.length > 0 ? { shared_org_ids: sharedOrgIds } : {}) };
    return toUsageExport(await this.client.createUsageExport(orgId, body), orgId);
  }
}
