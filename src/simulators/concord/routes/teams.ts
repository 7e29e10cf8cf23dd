import type { Router } from '../../core/Router.js';
import type { ConcordStore } from '../store.js';
import { teamOf } from './context.js';
import { concordOperations as ops } from '../../../upstreams/concord/operations.js';

/** Teams: one by organization and name (`TeamResource.get`), as its `TeamEntry`. */
export function teamRoutes(router: Router, store: ConcordStore): void {
  router.on(ops.getTeam, (req) => {
    const team = teamOf(store, req);
    return { status: 200, body: { id: team.id, orgId: team.orgId, orgName: store.orgById(team.orgId)?.name, name: team.name } };
  });
}
