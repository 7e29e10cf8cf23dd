import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { pipelineJson, workflowJson } from '../serialize.js';
import type { CircleCiStore } from '../store.js';
import { itemsPage, userOf, visibleProject } from './context.js';

/** Pipelines and the reads of their workflows. */
export function pipelineRoutes(router: Router, store: CircleCiStore): void {
  router.get('/project/:slug{3}/pipeline', (req) => {
    const project = visibleProject(store, req, req.params['slug'] ?? '');
    const branch = req.query.get('branch');
    const pipelines = store.pipelines
      .filter((pipeline) => pipeline.projectSlug === project.slug && (branch === null || pipeline.branch === branch))
      .sort((a, b) => b.number - a.number);
    return itemsPage(req, pipelines, (pipeline) => pipelineJson(store, pipeline));
  });

  router.get('/pipeline/:id', (req) => {
    const user = userOf(store, req);
    const pipeline = store.pipelines.find((candidate) => candidate.id === req.params['id']);
    if (pipeline === undefined || !store.canSee(user, pipeline.projectSlug)) throw new SimError(404, 'Pipeline not found');
    return { status: 200, body: pipelineJson(store, pipeline) };
  });

  router.get('/pipeline/:id/workflow', (req) => {
    const user = userOf(store, req);
    const pipeline = store.pipelines.find((candidate) => candidate.id === req.params['id']);
    if (pipeline === undefined || !store.canSee(user, pipeline.projectSlug)) throw new SimError(404, 'Pipeline not found');
    const workflows = store.workflows.filter((workflow) => workflow.pipelineId === pipeline.id);
    return itemsPage(req, workflows, workflowJson);
  });
}
