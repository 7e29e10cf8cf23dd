import type { UpstreamSession } from '../../http/UpstreamSession.js';
import type { WireClaims } from './wire.js';

const seg = encodeURIComponent;

/** Which claims a patch sets. */
export interface ClaimsPatch {
  readonly audience?: readonly string[] | undefined;
  readonly ttl?: string | undefined;
}

/** The claim names a delete takes. */
export type ClaimName = 'audience' | 'ttl';

/** CircleCI OIDC token custom claims, per organization and per project. Errors come as `{ "error" }`. */
export class OidcClient {
  constructor(private readonly session: UpstreamSession) {}

  private path(orgId: string, projectId?: string | null): string {
    return projectId == null ? `/org/${seg(orgId)}/oidc-custom-claims` : `/org/${seg(orgId)}/project/${seg(projectId)}/oidc-custom-claims`;
  }

  private route(projectId?: string | null): string {
    return projectId == null ? '/org/{orgID}/oidc-custom-claims' : '/org/{orgID}/project/{projectID}/oidc-custom-claims';
  }

  /** GetOrgClaims, or GetProjectClaims with a project id. */
  async getClaims(orgId: string, projectId?: string | null): Promise<WireClaims> {
    return (await this.session.get<WireClaims>(this.path(orgId, projectId), undefined, this.route(projectId))).body;
  }

  /** PatchOrgClaims, or PatchProjectClaims with a project id. */
  async patchClaims(orgId: string, projectId: string | null, patch: ClaimsPatch): Promise<WireClaims> {
    return (await this.session.send<WireClaims>({ method: 'PATCH', path: this.path(orgId, projectId), body: patch, route: this.route(projectId) })).body;
  }

  /** DeleteOrgClaims, or DeleteProjectClaims with a project id: `claims` is a comma list. */
  async deleteClaims(orgId: string, projectId: string | null, claims: readonly ClaimName[]): Promise<WireClaims> {
    return (
      await this.session.send<WireClaims>({ method: 'DELETE', path: this.path(orgId, projectId), query: { claims: claims.join(',') }, route: this.route(projectId) })
    ).body;
  }
}
