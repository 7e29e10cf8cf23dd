import { describe, expect, it } from 'vitest';
import { toContext, toContextEnvVar, toContextRestriction, toMessage } from '../../../../src/upstreams/circleci/contexts/mappers.js';

describe('context mappers', () => {
  it('maps a context, keeping the owner the caller knows', () => {
    expect(toContext({ id: 'c1', name: 'deploy', created_at: '2024-01-01T00:00:00Z' }, { id: null, slug: 'gh/acme', type: 'ORGANIZATION' })).toEqual({
      __typename: 'CircleCIContext',
      id: 'c1',
      name: 'deploy',
      createdAt: '2024-01-01T00:00:00Z',
      owner: { id: null, slug: 'gh/acme', type: 'ORGANIZATION' },
    });
  });

  it('maps an environment variable, taking the context id from the caller when absent', () => {
    expect(toContextEnvVar({ variable: 'TOKEN', created_at: null, updated_at: '2024-01-02T00:00:00Z' }, 'c1')).toEqual({
      __typename: 'CircleCIContextEnvironmentVariable',
      variable: 'TOKEN',
      contextId: 'c1',
      createdAt: null,
      updatedAt: '2024-01-02T00:00:00Z',
    });
  });

  it('maps restrictions, with unknown types as UNKNOWN and the raw type kept', () => {
    expect(toContextRestriction({ id: 'r1', restriction_type: 'project', restriction_value: 'p1', project_id: 'p1', name: 'api' }, 'c1')).toEqual({
      __typename: 'CircleCIContextRestriction',
      id: 'r1',
      contextId: 'c1',
      projectId: 'p1',
      name: 'api',
      restrictionType: 'PROJECT',
      rawRestrictionType: 'project',
      restrictionValue: 'p1',
    });
    expect(toContextRestriction({ id: 'r2', context_id: 'c2', restriction_type: 'team', restriction_value: 7 })).toEqual({
      __typename: 'CircleCIContextRestriction',
      id: 'r2',
      contextId: 'c2',
      projectId: null,
      name: null,
      restrictionType: 'UNKNOWN',
      rawRestrictionType: 'team',
      restrictionValue: '7',
    });
  });

  it('reads a message body, or empty when there is none', () => {
    expect(toMessage({ message: 'Context deleted.' })).toBe('Context deleted.');
    expect(toMessage(null)).toBe('');
  });
});
