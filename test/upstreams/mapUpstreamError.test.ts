import { describe, expect, it } from 'vitest';
import { mapUpstreamError } from '../../src/upstreams/http/mapUpstreamError.js';
import type { ServiceProtocol } from '../../src/upstreams/http/types.js';

const protocol = (gatewayCode?: 'CONFLICT' | 'RATE_LIMITED'): ServiceProtocol => ({
  service: 'flexstack',
  authHeaders: () => ({}),
  parseError: () => ({ message: 'nope', gatewayCode }),
});

describe('mapUpstreamError with a protocol-chosen gateway code', () => {
  it('uses the status when the protocol names no code', () => {
    expect(mapUpstreamError(protocol(), 400, null, {}).code).toBe('BAD_USER_INPUT');
  });

  it('lets the protocol\'s code win over the status, keeping the status and retry hint', () => {
    const conflict = mapUpstreamError(protocol('CONFLICT'), 400, null, {});
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.extensions).toEqual({ code: 'CONFLICT', service: 'flexstack', status: 400 });
    const limited = mapUpstreamError(protocol('RATE_LIMITED'), 500, null, { 'retry-after': '7' });
    expect(limited.extensions).toEqual({ code: 'RATE_LIMITED', service: 'flexstack', status: 500, retryAfter: 7 });
  });
});
