import type { CircleCiApi } from '../api.js';
import { toClaims } from './mappers.js';
import type { CircleCiOidcClaimsModel } from './models.js';

/** Which claims a patch sets. */
export interface ClaimsPatch {
  readonly audience?: readonly string[] | undefined;
  readonly ttl?: string | undefined;
}

/** The claim names a delete takes. */
export type ClaimName = 'audience' | 'ttl';

/**
 * One request's OIDC token custom claims, per organization, or per project
 * with a project id. Errors come as `{ "error" }`.
 */
export class OidcLoaders {
  constructor(private readonly api: CircleCiApi) {}

  /** GetOrgClaims, or GetProjectClaims with a project id. */
  async claims(orgId: string, projectId: string | null): Promise<CircleCiOidcClaimsModel> {
    const wire =
      projectId === null
        ? await this.api.GetOrgClaims({ path: { orgID: orgId } })
        : await this.api.GetProjectClaims({ path: { orgID: orgId, projectID: projectId } });
    return toClaims(wire.body, { orgId, projectId });
  }

  /** PatchOrgClaims, or PatchProjectClaims with a project id. */
  async patch(orgId: string, projectId: string | null, patch: ClaimsPatch): Promise<CircleCiOidcClaimsModel> {
    const wire =
      projectId === null
        ? await this.api.PatchOrgClaims({ path: { orgID: orgId }, body: patch })
        : await this.api.PatchProjectClaims({ path: { orgID: orgId, projectID: projectId }, body: patch });
    return toClaims(wire.body, { orgId, projectId });
  }

  /** DeleteOrgClaims, or DeleteProjectClaims with a project id: `claims` is a comma list. */
  async delete(orgId: string, projectId: string | null, claims: readonly ClaimName[]): Promise<CircleCiOidcClaimsModel> {
    const query = { claims: claims.join(',') };
    const wire =
      projectId === null
        ? await this.api.DeleteOrgClaims({ path: { orgID: orgId }, query })
        : await this.api.DeleteProjectClaims({ path: { orgID: orgId, projectID: projectId }, query });
    return toClaims(wire.body, { orgId, projectId });
  }
}
