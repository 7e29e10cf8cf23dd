import type { Router } from '../../core/Router.js';
import { deploymentJson } from '../serialize.js';
import type { FlexStackStore } from '../store.js';
import { apiKey, flexError, idParam, listPage, projectOf } from './context.js';
import { flexStackOperations as ops } from '../../../upstreams/flexstack/operations.js';

/** Deployments: a project's, paged like every list, and one by its id. */
export function deploymentRoutes(router: Router, store: FlexStackStore): void {
  router.on(ops.listDeployments, (req) => {
    const project = projectOf(store, req);
    return listPage(
      req,
      store.deployments.filter((deployment) => deployment.projectId === project.id),
      deploymentJson,
    );
  });

  router.on(ops.getDeployment, (req) => {
    const id = idParam(req, 'id');
    const key = apiKey(store, req);
    const deployment = store.deployments.find((candidate) => candidate.id === id);
    const project = store.projects.find((candidate) => candidate.id === deployment?.projectId);
    // A deployment of a project the key cannot read is as absent as one that does not exist.
    if (deployment === undefined || project === undefined || !key.orgIds.includes(project.orgId)) throw flexError(404, 'deployment not found');
    return { status: 200, body: deploymentJson(deployment) };
  });
}
