import type { UpstreamSession } from '../../http/UpstreamSession.js';
import { OidcClient, type ClaimName, type ClaimsPatch } from './client.js';
import { toClaims } from './mappers.js';
import type { CircleCiOidcClaimsModel } from './models.js';

/** One request's OIDC claims reads and writes. */
export class OidcLoaders {
  readonly client: OidcClient;

  constructor(session: UpstreamSession) {
    this.client = new OidcClient(session);
  }

  async claims(orgId: string, projectId: string | null): Promise<CircleCiOidcClaimsModel> {
    return toClaims(await this.client.getClaims(orgId, projectId), { orgId, projectId });
  }

  async patch(orgId: string, projectId: string | null, patch: ClaimsPatch): Promise<CircleCiOidcClaimsModel> {
    return toClaims(await this.client.patchClaims(orgId, projectId, patch), { orgId, projectId });
  }

  async delete(orgId: string, projectId: string | null, claims: readonly ClaimName[]): Promise<CircleCiOidcClaimsModel> {
    return toClaims(await this.client.deleteClaims(orgId, projectId, claims), { orgId, projectId });
  }
}
