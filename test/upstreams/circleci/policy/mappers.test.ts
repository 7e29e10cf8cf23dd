import { describe, expect, it } from 'vitest';
import { toBundleDiff, toDecisionLog, toDecisionSettings, toPolicyBundle } from '../../../../src/upstreams/circleci/policy/mappers.js';

const scope = { ownerId: 'o', context: 'config' };

describe('policy mappers', () => {
  it('flattens a bundle by name, reading a single document as a list of one', () => {
    expect(toPolicyBundle({ b: [{ content: 'x', created_by: 'ada' }], a: { name: 'a', content: 'y', created_at: 't' } }, scope)).toEqual({
      __typename: 'CircleCIPolicyBundle',
      ...scope,
      documents: [
        { __typename: 'CircleCIPolicyDocument', ...scope, name: 'a', content: 'y', createdAt: 't', createdBy: null },
        { __typename: 'CircleCIPolicyDocument', ...scope, name: 'b', content: 'x', createdAt: null, createdBy: 'ada' },
      ],
    });
  });

  it('maps a decision log with string numbers and sorted policy hashes', () => {
    expect(
      toDecisionLog(
        {
          id: 'd',
          created_at: 't',
          decision: { status: 'PASS', enabled_rules: ['r'] },
          metadata: { build_number: '12', project_id: 'p', vcs: { branch: 'main' } },
          policies: { z: 'h2', a: 'h1' },
          time_taken_ms: '4',
        },
        scope,
      ),
    ).toEqual({
      __typename: 'CircleCIDecisionLog',
      ...scope,
      id: 'd',
      createdAt: 't',
      decision: { __typename: 'CircleCIPolicyDecision', status: 'PASS', reason: null, enabledRules: ['r'], hardFailures: [], softFailures: [] },
      metadata: { buildNumber: 12, projectId: 'p', sshRerun: null, branch: 'main', originRepositoryUrl: null, targetRepositoryUrl: null, releaseTag: null },
      policies: [
        { name: 'a', hash: 'h1' },
        { name: 'z', hash: 'h2' },
      ],
      timeTakenMs: 4,
    });
  });

  it('maps settings and diffs', () => {
    expect(toDecisionSettings({ enabled: 'true' }, scope)).toEqual({ __typename: 'CircleCIDecisionSettings', ...scope, enabled: true });
    expect(toDecisionSettings({}, scope).enabled).toBe(false);
    expect(toBundleDiff({ created: ['a'] }, true)).toEqual({ __typename: 'CircleCIPolicyBundleDiff', dryRun: true, created: ['a'], deleted: [], modified: [] });
  });
});
