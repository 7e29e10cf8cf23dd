import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import type { CircleCiStore } from '../store.js';
import { userOf, visibleProject } from './context.js';
import { bodyObject, parametersOf } from './lookup.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

/** Triggering pipelines and continuing setup pipelines; both start a workflow that finishes as time passes. */
export function pipelineWriteRoutes(router: Router, store: CircleCiStore): void {
  router.on(ops.triggerPipeline, (req) => {
    const project = visibleProject(store, req, req.params['project-slug'] ?? '');
    const user = userOf(store, req);
    const body = bodyObject(req);
    const branch = body['branch'];
    const tag = body['tag'];
    if (branch !== undefined && typeof branch !== 'string') throw new SimError(400, 'branch must be a string');
    if (tag !== undefined && typeof tag !== 'string') throw new SimError(400, 'tag must be a string');
    if (branch !== undefined && tag !== undefined) throw new SimError(400, 'You cannot specify both a branch and a tag.');
    const parameters = parametersOf(body['parameters']);
    const now = Date.now();
    const pipeline = store.addPipeline(project.slug, store.nextPipelineNumber(project.slug), now, {
      branch: branch ?? (tag === undefined ? 'main' : ''),
      actor: user.login,
      triggerType: 'api',
      parameters,
    });
    if (tag !== undefined) pipeline.tag = tag;
    pipeline.updatedAt = pipeline.createdAt;
    store.addWorkflow(pipeline, 'build-and-test', 'running', now);
    return { status: 201, body: { id: pipeline.id, state: pipeline.state, number: pipeline.number, created_at: pipeline.createdAt } };
  });

  router.on(ops.continuePipeline, (req) => {
    userOf(store, req);
    const body = bodyObject(req);
    const key = body['continuation-key'];
    const configuration = body['configuration'];
    if (typeof key !== 'string' || key === '') throw new SimError(400, 'continuation-key is required');
    if (typeof configuration !== 'string' || configuration.trim() === '') throw new SimError(400, 'configuration is required');
    const parameters = parametersOf(body['parameters']);
    const continuation = store.continuations.get(key);
    const pipeline = store.pipelines.find((candidate) => candidate.id === continuation?.pipelineId);
    if (continuation === undefined || pipeline === undefined) throw new SimError(404, 'Continuation key not found.');
    // [guess] A spent key: CircleCI refuses it; the status is not documented.
    if (continuation.used) throw new SimError(409, 'A pipeline has already been continued with this continuation key.');
    continuation.used = true;
    pipeline.setupConfig = pipeline.config;
    pipeline.config = configuration;
    pipeline.parameters = { ...pipeline.parameters, ...parameters };
    pipeline.state = 'created';
    pipeline.updatedAt = new Date().toISOString();
    store.addWorkflow(pipeline, 'build-and-test', 'running', Date.now());
    return { status: 200, body: { message: 'Pipeline continued.' } };
  });
}
