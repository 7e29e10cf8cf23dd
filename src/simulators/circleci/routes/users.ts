import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { userJson } from '../serializeProjectExtras.js';
import type { CircleCiStore } from '../store.js';
import { userOf } from './context.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

/** The signed-in user, their organizations, and other users by id. */
export function userRoutes(router: Router, store: CircleCiStore): void {
  router.on(ops.getCurrentUser, (req) => ({ status: 200, body: userJson(userOf(store, req)) }));

  router.on(ops.getCollaborations, (req) => {
    const user = userOf(store, req);
    const orgs = store.orgs.filter((org) => user.orgs.includes(org.slug));
    return {
      status: 200,
      body: orgs.map((org) => ({
        id: org.id,
        'vcs-type': org.vcsType,
        name: org.name,
        avatar_url: `https://avatars.example.com/orgs/${org.name}`,
        slug: org.slug,
      })),
    };
  });

  router.on(ops.getUser, (req) => {
    const me = userOf(store, req);
    const user = store.users.find((candidate) => candidate.id === req.params['id']);
    // Users outside every organization the caller shares are as good as absent.
    if (user === undefined || !user.orgs.some((org) => me.orgs.includes(org))) throw new SimError(404, 'User not found');
    return { status: 200, body: userJson(user) };
  });
}
