import type { Router } from '../../core/Router.js';
import { orgJson } from '../serialize.js';
import type { GhesStore, SimGhesOrg } from '../store.js';
import { bodyOf, notFound, originOf, validationFailed } from './context.js';
import { ghesOperations as ops } from '../../../upstreams/ghes/operations.js';

const loginPattern = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

function newLogin(store: GhesStore, login: unknown): string {
  if (typeof login !== 'string' || login === '') validationFailed({ resource: 'Organization', code: 'missing_field', field: 'login' });
  if (!loginPattern.test(login)) validationFailed({ resource: 'Organization', code: 'invalid', field: 'login', message: `login "${login}" is invalid` });
  if (store.loginTaken(login)) validationFailed({ resource: 'Organization', code: 'already_exists', field: 'login', message: 'login is already taken' });
  return login;
}

/** Organizations: `/admin/organizations`. */
export function organizationRoutes(router: Router, store: GhesStore): void {
  router.on(ops.createOrg, (req) => {
    const body = bodyOf(req);
    const login = newLogin(store, body['login']);
    const admin = body['admin'];
    if (typeof admin !== 'string' || admin === '') validationFailed({ resource: 'Organization', code: 'missing_field', field: 'admin' });
    if (store.userByLogin(admin) === undefined) validationFailed({ resource: 'Organization', code: 'invalid', field: 'admin', message: `admin "${admin}" is not a user` });
    const profileName = body['profile_name'];
    const org: SimGhesOrg = {
      id: store.takeId('org'),
      login,
      admin,
      profileName: typeof profileName === 'string' ? profileName : null,
      description: null,
    };
    store.orgs.push(org);
    return { status: 201, body: orgJson(originOf(req), org) };
  });

  // GHES queues the rename as a job; the simulator applies it at once.
  router.on(ops.updateOrgName, (req) => {
    const org = store.orgByLogin(req.params['org'] ?? '') ?? notFound();
    org.login = newLogin(store, bodyOf(req)['login']);
    return {
      status: 202,
      body: { message: 'Job queued to rename organization. It may take a few minutes to complete.', url: `${originOf(req)}/api/v3/organizations/${org.id}` },
    };
  });
}
