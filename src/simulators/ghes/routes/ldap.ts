import type { SimRequest } from '../../core/Router.js';
import type { Router } from '../../core/Router.js';
import { teamJson, userJson } from '../serialize.js';
import type { GhesStore } from '../store.js';
import { bodyOf, notFound, numericParam, originOf, validationFailed } from './context.js';
import { ghesOperations as ops } from '../../../upstreams/ghes/operations.js';

function ldapDnOf(req: SimRequest, resource: string): string {
  const dn = bodyOf(req)['ldap_dn'];
  if (typeof dn !== 'string' || dn.trim() === '') validationFailed({ resource, code: 'missing_field', field: 'ldap_dn', message: 'ldap_dn is required' });
  if (!/^\s*[A-Za-z0-9.-]+\s*=/.test(dn)) validationFailed({ resource, code: 'invalid', field: 'ldap_dn', message: `"${dn}" is not a valid DN` });
  return dn.trim();
}

/** LDAP mappings and syncs for teams and users: `/admin/ldap`. */
export function ldapRoutes(router: Router, store: GhesStore): void {
  const team = (req: SimRequest) => store.teams.find((candidate) => candidate.id === numericParam(req, 'team_id')) ?? notFound();
  const user = (req: SimRequest) => store.userByLogin(req.params['username'] ?? '') ?? notFound();

  router.on(ops.updateLdapMappingForTeam, (req) => {
    const found = team(req);
    found.ldapDn = ldapDnOf(req, 'Team');
    return { status: 200, body: teamJson(originOf(req), store, found) };
  });

  router.on(ops.syncLdapMappingForTeam, (req) => {
    store.events.push(`ldap sync team ${team(req).id}`);
    return { status: 201, body: { status: 'queued' } };
  });

  router.on(ops.updateLdapMappingForUser, (req) => {
    const found = user(req);
    found.ldapDn = ldapDnOf(req, 'User');
    return { status: 200, body: userJson(originOf(req), found) };
  });

  router.on(ops.syncLdapMappingForUser, (req) => {
    store.events.push(`ldap sync user ${user(req).login}`);
    return { status: 201, body: { status: 'queued' } };
  });
}
