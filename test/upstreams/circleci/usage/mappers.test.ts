import { describe, expect, it } from 'vitest';
import { toUsageExport } from '../../../../src/upstreams/circleci/usage/mappers.js';

describe('usage export mapper', () => {
  it('maps a job, with unknown states kept raw', () => {
    expect(toUsageExport({ usage_export_job_id: 'j', state: 'completed', download_urls: ['https://x/1.csv.gz'] }, 'o')).toEqual({
      __typename: 'CircleCIUsageExport',
      id: 'j',
      orgId: 'o',
      state: 'COMPLETED',
      rawState: 'completed',
      start: null,
      end: null,
      downloadUrls: ['https://x/1.csv.gz'],
      errorReason: null,
    });
    expect(toUsageExport({ usage_export_job_id: 'j', state: 'queued', error_reason: 'x' }, 'o')).toMatchObject({ state: 'UNKNOWN', rawState: 'queued', errorReason: 'x' });
  });
});
