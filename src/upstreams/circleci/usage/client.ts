import type { UpstreamSession } from '../../http/UpstreamSession.js';
import type { WireUsageExport } from './wire.js';

const seg = encodeURIComponent;

/** CircleCI usage exports of an organization. */
export class UsageClient {
  constructor(private readonly session: UpstreamSession) {}

  async createUsageExport(orgId: string, body: { start: string; end: string; shared_org_ids?: readonly string[] | undefined }): Promise<WireUsageExport> {
    return (
      await this.session.send<WireUsageExport>({
        method: 'POST',
        path: `/organizations/${seg(orgId)}/usage_export_job`,
        body,
        route: '/organizations/{org_id}/usage_export_job',
      })
    ).body;
  }

  async getUsageExport(orgId: string, jobId: string): Promise<WireUsageExport> {
    return (
      await this.session.get<WireUsageExport>(
        `/organizations/${seg(orgId)}/usage_export_job/${seg(jobId)}`,
        undefined,
        '/organizations/{org_id}/usage_export_job/{usage_export_job_id}',
      )
    ).body;
  }
}
