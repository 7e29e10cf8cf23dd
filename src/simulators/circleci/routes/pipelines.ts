import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { pipelineJson, workflowJson } from '../serialize.js';
import type { CircleCiStore, SimPipeline } from '../store.js';
import { itemsPage, userOf, visibleProject } from './context.js';
import { visiblePipeline } from './lookup.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

const newestFirst = (a: SimPipeline, b: SimPipeline): number => b.createdAt.localeCompare(a.createdAt) || b.number - a.number;

/** Pipelines and the reads of their workflows and configuration. */
export function pipelineRoutes(router: Router, store: CircleCiStore): void {
  router.on(ops.listPipelines, (req) => {
    const user = userOf(store, req);
    const orgSlug = req.query.get('org-slug')?.replace(/^github\//, 'gh/').replace(/^bitbucket\//, 'bb/');
    if (orgSlug !== undefined && orgSlug !== '' && !user.orgs.includes(orgSlug)) throw new SimError(404, 'Organization not found');
    const mine = req.query.get('mine') === 'true';
    const pipelines = store.pipelines
      .filter((pipeline) => store.canSee(user, pipeline.projectSlug))
      .filter((pipeline) => orgSlug === undefined || orgSlug === '' || pipeline.projectSlug.startsWith(`${orgSlug}/`))
      .filter((pipeline) => !mine || pipeline.actor === user.login)
      .sort(newestFirst);
    return itemsPage(req, pipelines, (pipeline) => pipelineJson(store, pipeline));
  });

  router.on(ops.listPipelinesForProject, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    const branch = req.query.get('branch');
    const pipelines = store.pipelines
      .filter((pipeline) => pipeline.projectSlug === project.slug && (branch === null || pipeline.branch === branch))
      .sort((a, b) => b.number - a.number);
    return itemsPage(req, pipelines, (pipeline) => pipelineJson(store, pipeline));
  });

  router.on(ops.listMyPipelines, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    const user = userOf(store, req);
    const pipelines = store.pipelines
      .filter((pipeline) => pipeline.projectSlug === project.slug && pipeline.actor === user.login)
      .sort((a, b) => b.number - a.number);
    return itemsPage(req, pipelines, (pipeline) => pipelineJson(store, pipeline));
  });

  router.on(ops.getPipelineByNumber, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    const number = req.params['pipeline-number'] ?? '';
    const pipeline = /^\d+$/.test(number) ? store.pipelines.find((candidate) => candidate.projectSlug === project.slug && candidate.number === Number(number)) : undefined;
    if (pipeline === undefined) throw new SimError(404, 'Pipeline not found');
    return { status: 200, body: pipelineJson(store, pipeline) };
  });

  router.on(ops.getPipelineById, (req) => ({ status: 200, body: pipelineJson(store, visiblePipeline(store, req, req.params['pipeline-id'] ?? '')) }));

  router.on(ops.getPipelineConfigById, (req) => {
    const pipeline = visiblePipeline(store, req, req.params['pipeline-id'] ?? '');
    const compiled = `# Compiled by CircleCI\n${pipeline.config}`;
    return {
      status: 200,
      body: {
        source: pipeline.config,
        compiled,
        ...(pipeline.setupConfig !== undefined ? { 'setup-config': pipeline.setupConfig, 'compiled-setup-config': `# Compiled by CircleCI\n${pipeline.setupConfig}` } : {}),
      },
    };
  });

  router.on(ops.listWorkflowsByPipelineId, (req) => {
    const pipeline = visiblePipeline(store, req, req.params['pipeline-id'] ?? '');
    const workflows = store.workflows.filter((workflow) => workflow.pipelineId === pipeline.id);
    return itemsPage(req, workflows, workflowJson);
  });
}
