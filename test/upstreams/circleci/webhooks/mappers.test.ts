import { describe, expect, it } from 'vitest';
import { maskSecret, toWebhook } from '../../../../src/upstreams/circleci/webhooks/mappers.js';

describe('webhook mappers', () => {
  it('maps kebab-case keys and never keeps the signing secret', () => {
    expect(
      toWebhook({
        id: 'w1',
        name: 'hook',
        url: 'https://example.com',
        events: ['workflow-completed', 3, null],
        'verify-tls': 'false',
        'signing-secret': 'supersecretvalue1234',
        'created-at': '2024-01-01T00:00:00Z',
        'updated-at': '2024-01-02T00:00:00Z',
        scope: { id: 'p1', type: 'project' },
      }),
    ).toEqual({
      __typename: 'CircleCIWebhook',
      id: 'w1',
      name: 'hook',
      url: 'https://example.com',
      events: ['workflow-completed', '3'],
      verifyTls: false,
      signingSecretHint: '****1234',
      scopeId: 'p1',
      scopeType: 'project',
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-02T00:00:00Z',
    });
  });

  it('hides short secrets entirely and keeps already-masked ones', () => {
    expect(maskSecret('short')).toBe('****');
    expect(maskSecret('********')).toBe('********');
    expect(maskSecret('')).toBeNull();
    expect(maskSecret(null)).toBeNull();
  });
});
