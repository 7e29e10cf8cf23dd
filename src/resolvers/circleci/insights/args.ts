import { badUserInput } from '../../../errors/GatewayError.js';
import type { CircleCiReportingWindow, CircleCiTimeseriesGranularity } from '../../../generated/graphql.js';
import type { BranchFilter, ReportingWindow } from '../../../upstreams/circleci/insights/loaders.js';
import { assertText } from '../shared/validation.js';

/** `LAST_7_DAYS` → `last-7-days`. */
export function reportingWindow(value: CircleCiReportingWindow | null | undefined): ReportingWindow | undefined {
  return value == null ? undefined : (value.toLowerCase().replace(/_/g, '-') as ReportingWindow);
}

/** `DAILY` → `daily`. */
export function granularity(value: CircleCiTimeseriesGranularity | null | undefined): 'daily' | 'hourly' | undefined {
  return value == null ? undefined : value === 'DAILY' ? 'daily' : 'hourly';
}

/** One branch, all branches, or neither (the default branch); not both. */
export function assertBranchFilter(args: { branch?: string | null | undefined; allBranches?: boolean | null | undefined }): BranchFilter {
  if (args.branch != null && args.allBranches === true) {
    throw badUserInput('Give branch or allBranches, not both', [{ field: 'allBranches', message: 'conflicts with branch' }]);
  }
  return { branch: args.branch == null ? undefined : assertText(args.branch, 'branch', 255), allBranches: args.allBranches ?? undefined };
}

/** Names for a repeated query parameter; each must be non-empty. */
export function assertNameList(values: readonly string[] | null | undefined, field: string): readonly string[] | undefined {
  if (values == null) return undefined;
  return values.map((value) => assertText(value, field, 255));
}
