/** The states of an export job. */
export const usageExportStates = ['CREATED', 'PROCESSING', 'FAILED', 'COMPLETED'] as const;
/** An export job state, `UNKNOWN` for newer ones. */
export type UsageExportState = (typeof usageExportStates)[number] | 'UNKNOWN';

/** A usage export job of an organization. */
export interface CircleCiUsageExportModel {
  readonly __typename: 'CircleCIUsageExport';
  readonly id: string;
  readonly orgId: string;
  readonly state: UsageExportState;
  readonly rawState: string;
  /** Only the create answer carries the range. */
  readonly start: string | null;
  readonly end: string | null;
  readonly downloadUrls: readonly string[];
  readonly errorReason: string | null;
}
