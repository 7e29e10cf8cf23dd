import { badUserInput } from '../../../errors/GatewayError.js';
import type { CircleCiOidcClaim } from '../../../generated/graphql.js';
import type { ClaimName, ClaimsPatch } from '../../../upstreams/circleci/oidc/loaders.js';

/** CircleCI's TTL syntax: up to 7 number-and-unit parts. */
export const ttlPattern = /^([0-9]+(ms|s|m|h|d|w)){1,7}$/;

/** A patch with at least one claim, each valid. */
export function assertClaimsPatch(input: { audience?: readonly string[] | null | undefined; ttl?: string | null | undefined }): ClaimsPatch {
  if (input.audience == null && input.ttl == null) throw badUserInput('Give audience, ttl or both', [{ field: 'input', message: 'nothing to change' }]);
  if (input.audience != null && (input.audience.length === 0 || input.audience.some((item) => item.trim() === '' || item.length > 1024))) {
    throw badUserInput('audience must be a non-empty list of non-empty strings', [{ field: 'audience', message: 'invalid audience' }]);
  }
  if (input.ttl != null && !ttlPattern.test(input.ttl)) {
    throw badUserInput(`ttl "${input.ttl.slice(0, 40)}" is not a duration such as 1h or 30m`, [{ field: 'ttl', message: 'invalid duration' }]);
  }
  return { ...(input.audience != null ? { audience: input.audience } : {}), ...(input.ttl != null ? { ttl: input.ttl } : {}) };
}

/** A non-empty set of claim names, in CircleCI's spelling. */
export function assertClaimNames(claims: readonly CircleCiOidcClaim[]): ClaimName[] {
  if (claims.length === 0) throw badUserInput('claims must name at least one claim', [{ field: 'claims', message: 'empty' }]);
  return [...new Set(claims)].map((claim) => (claim === 'AUDIENCE' ? 'audience' : 'ttl'));
}
