import { createHmac, timingSafeEqual } from 'node:crypto';

/** Hex HMAC-SHA256 of a raw body. */
export function hmacSha256Hex(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** Compares two strings in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // Compare equal-length buffers always, so a length mismatch costs the same time.
  const same = timingSafeEqual(left.length === right.length ? left : right, right);
  return same && left.length === right.length;
}

/** Whether `sent` is the hex HMAC-SHA256 of the body (case-insensitive hex). */
export function verifyHmacHex(secret: string, body: Buffer, sent: string): boolean {
  return constantTimeEqual(hmacSha256Hex(secret, body), sent.trim().toLowerCase());
}

/** Verifies a `sha256=<hex>` header (GitHub Enterprise, FlexStack). */
export function verifySha256Header(secret: string, body: Buffer, header: string | undefined): boolean {
  if (header === undefined) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  return match?.[1] !== undefined && verifyHmacHex(secret, body, match[1]);
}

/**
 * Verifies CircleCI's `circleci-signature`: a comma list of `v<N>=<hex>`.
 * Only the newest version present is checked; this gateway knows `v1`
 * (HMAC-SHA256), so a header whose newest version is another is refused.
 */
export function verifyCircleCiSignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (header === undefined) return false;
  const entries = header
    .split(',')
    .map((part) => /^\s*v(\d+)=([0-9a-fA-F]+)\s*$/.exec(part))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ version: Number(match[1]), hex: match[2] ?? '' }));
  if (entries.length === 0) return false;
  const newest = Math.max(...entries.map((entry) => entry.version));
  if (newest !== 1) return false;
  // Evaluate every candidate, so timing does not reveal which one matched.
  return entries.filter((entry) => entry.version === newest).reduce((ok, entry) => verifyHmacHex(secret, body, entry.hex) || ok, false);
}
