import { str, strList } from '../../decode.js';
import type { CircleCiOidcClaimsModel } from './models.js';
import type { WireClaims } from './wire.js';

/** Maps claims from any OIDC claims endpoint; absent claims stay null (not set), unlike an empty audience. */
export function toClaims(wire: WireClaims, ids: { orgId: string; projectId?: string | null | undefined }): CircleCiOidcClaimsModel {
  return {
    __typename: 'CircleCIOidcClaims',
    orgId: str(wire.org_id) ?? ids.orgId,
    projectId: str(wire.project_id) ?? ids.projectId ?? null,
    audience: Array.isArray(wire.audience) ? strList(wire.audience) : null,
    audienceUpdatedAt: str(wire.audience_updated_at),
    ttl: str(wire.ttl),
    ttlUpdatedAt: str(wire.ttl_updated_at),
  };
}
