import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors/GatewayError.js';
import { failureDelayMs, retryAfterMsOf } from '../../src/subscriptions/retryDelay.js';

describe('how long a poller waits after a failure', () => {
  it('waits what any gateway error asks for in retryAfter, whatever its code', () => {
    expect(retryAfterMsOf(new GatewayError('RATE_LIMITED', 'slow down', { retryAfter: 3 }))).toBe(3_000);
    // An open circuit (a code this file does not know) carries it in its extensions.
    expect(retryAfterMsOf(new GraphQLError('circuit open', { extensions: { code: 'UPSTREAM_UNAVAILABLE', reason: 'CIRCUIT_OPEN', retryAfter: 30 } }))).toBe(30_000);
    expect(retryAfterMsOf(new GatewayError('UPSTREAM_ERROR', 'down', { extensions: { retryAfter: 0.5 } }))).toBe(500);
    expect(failureDelayMs(new GatewayError('UPSTREAM_ERROR', 'down', { extensions: { retryAfter: 900 } }), 1, 100, 1_000)).toBe(900_000);
  });

  it('backs off exponentially from the interval, up to the longest backoff, when the error asks for nothing', () => {
    const error = new GatewayError('UPSTREAM_TIMEOUT', 'slow');
    expect(retryAfterMsOf(error)).toBeUndefined();
    expect(retryAfterMsOf(new Error('plain'))).toBeUndefined();
    expect(retryAfterMsOf(new GraphQLError('odd', { extensions: { retryAfter: 'soon' } }))).toBeUndefined();
    expect([1, 2, 3, 4].map((failures) => failureDelayMs(error, failures, 100, 1_000))).toEqual([200, 400, 800, 1_000]);
    expect(failureDelayMs(error, 500, 100, 300_000)).toBe(300_000);
  });
});
