/** A CircleCI usage export job as sent. */
export interface WireUsageExport {
  readonly usage_export_job_id?: unknown;
  readonly state?: unknown;
  readonly start?: unknown;
  readonly end?: unknown;
  readonly download_urls?: unknown;
  readonly error_reason?: unknown;
}
