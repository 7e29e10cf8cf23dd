import { enumName, str, strList } from '../../decode.js';
import { usageExportStates, type CircleCiUsageExportModel } from './models.js';
import type { WireUsageExport } from './wire.js';

/** Maps a usage export job from create or get. */
export function toUsageExport(wire: WireUsageExport, orgId: string): CircleCiUsageExportModel {
  return {
    __typename: 'CircleCIUsageExport',
    id: str(wire.usage_export_job_id) ?? '',
    orgId,
    state: enumName(wire.state, usageExportStates),
    rawState: str(wire.state) ?? 'unknown',
    start: str(wire.start),
    end: str(wire.end),
    downloadUrls: strList(wire.download_urls),
    errorReason: str(wire.error_reason),
  };
}
