import { enumName, list, str } from '../../decode.js';
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
    downloadUrls: list(wire.download_urls).map(str).filter((url): url is string => url !== null),
    errorReason: str(wire.error_reason),
  };
}
