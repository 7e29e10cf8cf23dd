import { describe, expect, it } from 'vitest';
import { isPipelineFinished, orgSlugOf, pipelineStatusOf } from '../../src/subscriptions/circleci/status.js';
import { hmacSha256Hex, verifyCircleCiSignature, verifySha256Header } from '../../src/subscriptions/webhooks/signatures.js';

const body = Buffer.from('hello world');

describe('webhook signatures', () => {
  it('matches the CircleCI HMAC-SHA256 test vector', () => {
    const hex = hmacSha256Hex('secret', 'hello world');
    expect(hex.startsWith('734cc62f')).toBe(true);
    expect(hex.endsWith('8623a')).toBe(true);
    expect(hex).toHaveLength(64);
  });

  it('accepts a CircleCI v1 signature and refuses a forged or missing one', () => {
    const good = hmacSha256Hex('secret', body);
    expect(verifyCircleCiSignature('secret', body, `v1=${good}`)).toBe(true);
    expect(verifyCircleCiSignature('secret', body, `v1=${good.toUpperCase()}`)).toBe(true);
    expect(verifyCircleCiSignature('secret', body, `v1=${'0'.repeat(64)}`)).toBe(false);
    expect(verifyCircleCiSignature('other', body, `v1=${good}`)).toBe(false);
    expect(verifyCircleCiSignature('secret', body, undefined)).toBe(false);
    expect(verifyCircleCiSignature('secret', body, good)).toBe(false);
    expect(verifyCircleCiSignature('secret', Buffer.from('hello world!'), `v1=${good}`)).toBe(false);
  });

  it('checks only the newest version in a CircleCI comma list', () => {
    const good = hmacSha256Hex('secret', body);
    expect(verifyCircleCiSignature('secret', body, `v0=abc, v1=${good}`)).toBe(true);
    // A newer version this gateway cannot check wins over a valid v1: refused.
    expect(verifyCircleCiSignature('secret', body, `v1=${good},v2=${good}`)).toBe(false);
  });

  it('checks sha256=<hex> headers (GitHub Enterprise, FlexStack)', () => {
    const good = hmacSha256Hex('s', body);
    expect(verifySha256Header('s', body, `sha256=${good}`)).toBe(true);
    expect(verifySha256Header('s', body, `sha1=${good}`)).toBe(false);
    expect(verifySha256Header('s', body, `sha256=${good.slice(0, 63)}`)).toBe(false);
    expect(verifySha256Header('t', body, `sha256=${good}`)).toBe(false);
  });
});

describe('pipeline status from workflows', () => {
  it('prefers moving states, then the worst finished one', () => {
    expect(pipelineStatusOf([])).toBeNull();
    expect(pipelineStatusOf(['success', 'running'])).toBe('running');
    expect(pipelineStatusOf(['running', 'failing'])).toBe('failing');
    expect(pipelineStatusOf(['success', 'on_hold'])).toBe('on_hold');
    expect(pipelineStatusOf(['success', 'failed', 'canceled'])).toBe('failed');
    expect(pipelineStatusOf(['success', 'not_run'])).toBe('success');
    expect(pipelineStatusOf(['not_run'])).toBe('not_run');
    expect(isPipelineFinished(['success', 'failed'])).toBe(true);
    expect(isPipelineFinished(['success', 'on_hold'])).toBe(false);
    expect(isPipelineFinished([])).toBe(false);
    expect(orgSlugOf('github/acme/api')).toBe('gh/acme');
  });
});
