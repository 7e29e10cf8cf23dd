import type { Router } from '../../core/Router.js';
import type { SimRequest } from '../../core/Simulator.js';
import type { CircleCiStore } from '../store.js';
import { userOf } from '../routes/context.js';
import { areaState, bodyOf, isoAt, requireOrg, seedEpoch, SimErrorField, uuidPattern, withErrorField } from './shared.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

/** The custom claims set on an organization or project. */
export interface SimClaims {
  audience?: string[];
  audienceUpdatedAt?: string;
  ttl?: string;
  ttlUpdatedAt?: string;
}

/** The TTL syntax the spec declares. */
export const ttlPattern = /^([0-9]+(ms|s|m|h|d|w)){1,7}$/;

/** Custom OIDC claims by `orgId` or `orgId/projectId`; one organization starts with some set. */
export const oidcState = areaState((store) => {
  const claims = new Map<string, SimClaims>();
  const acme = store.orgs.find((org) => org.slug === 'gh/acme');
  if (acme !== undefined) {
    claims.set(acme.id, { audience: ['sts.amazonaws.com'], audienceUpdatedAt: isoAt(seedEpoch), ttl: '1h', ttlUpdatedAt: isoAt(seedEpoch) });
  }
  return { claims };
});

/** OIDC custom claims of organizations and projects; errors are `{ "error" }`. */
export function oidcRoutes(router: Router, store: CircleCiStore): void {
  const scopeOf = (req: SimRequest): { key: string; orgId: string; projectId: string | null } => {
    const orgId = req.params['orgID'] ?? '';
    const projectId = req.params['projectID'] ?? null;
    if (!uuidPattern.test(orgId)) throw new SimErrorField(400, 'orgID must be a UUID');
    if (projectId !== null && !uuidPattern.test(projectId)) throw new SimErrorField(400, 'projectID must be a UUID');
    const org = requireOrg(store, req, orgId, 403, true);
    if (projectId !== null) {
      const project = store.projects.find((candidate) => candidate.id === projectId);
      if (project === undefined || project.orgSlug !== org.slug || !store.canSee(userOf(store, req), project.slug)) throw new SimErrorField(403, 'Forbidden');
    }
    return { key: projectId === null ? orgId : `${orgId}/${projectId}`, orgId, projectId };
  };
  const claimsJson = (scope: ReturnType<typeof scopeOf>) => {
    const claims = oidcState(store).claims.get(scope.key) ?? {};
    return {
      org_id: scope.orgId,
      ...(scope.projectId !== null ? { project_id: scope.projectId } : {}),
      ...(claims.audience !== undefined ? { audience: claims.audience, audience_updated_at: claims.audienceUpdatedAt } : {}),
      ...(claims.ttl !== undefined ? { ttl: claims.ttl, ttl_updated_at: claims.ttlUpdatedAt } : {}),
    };
  };
  const get = withErrorField((req) => ({ status: 200, body: claimsJson(scopeOf(req)) }));
  const patch = withErrorField((req) => {
    const scope = scopeOf(req);
    const body = bodyOf(req);
    const audience = body['audience'];
    const ttl = body['ttl'];
    if (audience !== undefined && (!Array.isArray(audience) || audience.some((item) => typeof item !== 'string' || item === ''))) {
      throw new SimErrorField(400, 'audience must be a list of non-empty strings');
    }
    if (ttl !== undefined && (typeof ttl !== 'string' || !ttlPattern.test(ttl))) throw new SimErrorField(400, 'ttl must be a duration such as 1h or 30m');
    const claims = oidcState(store).claims.get(scope.key) ?? {};
    const now = new Date().toISOString();
    if (audience !== undefined) Object.assign(claims, { audience, audienceUpdatedAt: now });
    if (typeof ttl === 'string') Object.assign(claims, { ttl, ttlUpdatedAt: now });
    oidcState(store).claims.set(scope.key, claims);
    return { status: 200, body: claimsJson(scope) };
  });
  const remove = withErrorField((req) => {
    const scope = scopeOf(req);
    const names = (req.query.get('claims') ?? '').split(',').map((name) => name.trim());
    if (names.length === 0 || names.some((name) => name !== 'audience' && name !== 'ttl')) {
      throw new SimErrorField(400, 'claims must be a comma-separated list of audience, ttl');
    }
    const claims = oidcState(store).claims.get(scope.key);
    if (claims !== undefined) {
      if (names.includes('audience')) {
        delete claims.audience;
        delete claims.audienceUpdatedAt;
      }
      if (names.includes('ttl')) {
        delete claims.ttl;
        delete claims.ttlUpdatedAt;
      }
    }
    return { status: 200, body: claimsJson(scope) };
  });
  router.on(ops.GetOrgClaims, get).on(ops.PatchOrgClaims, patch).on(ops.DeleteOrgClaims, remove);
  router.on(ops.GetProjectClaims, get).on(ops.PatchProjectClaims, patch).on(ops.DeleteProjectClaims, remove);
}
