import { describe, expect, it } from 'vitest';
import { toClaims } from '../../../../src/upstreams/circleci/oidc/mappers.js';

describe('OIDC claims mapper', () => {
  it('maps set claims and leaves unset ones null', () => {
    expect(toClaims({ org_id: 'o', audience: ['a', 1], audience_updated_at: 't', ttl: '1h' }, { orgId: 'ignored' })).toEqual({
      __typename: 'CircleCIOidcClaims',
      orgId: 'o',
      projectId: null,
      audience: ['a', '1'],
      audienceUpdatedAt: 't',
      ttl: '1h',
      ttlUpdatedAt: null,
    });
    expect(toClaims({}, { orgId: 'o', projectId: 'p' })).toEqual({
      __typename: 'CircleCIOidcClaims',
      orgId: 'o',
      projectId: 'p',
      audience: null,
      audienceUpdatedAt: null,
      ttl: null,
      ttlUpdatedAt: null,
    });
  });
});
