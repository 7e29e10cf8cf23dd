import type { Router } from '../../core/Router.js';
import type { CircleCiStore } from '../store.js';
import { userOf } from './context.js';

/** `GET /me/collaborations`: the organizations of the caller. */
export function collaborationRoutes(router: Router, store: CircleCiStore): void {
  router.get('/me/collaborations', (req) => {
    const user = userOf(store, req);
    const orgs = store.orgs.filter((org) => user.orgs.includes(org.slug));
    return {
      status: 200,
      body: orgs.map((org) => ({
        id: org.id,
        'vcs-type': org.vcsType,
        name: org.name,
        avatar_url: `https://avatars.example.com/${org.name}`,
        slug: org.slug,
      })),
    };
  });
}
