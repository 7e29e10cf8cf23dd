import { SimError, type SimRequest } from '../../core/Simulator.js';
import type { CircleCiStore, SimJob, SimPipeline, SimWorkflow } from '../store.js';
import { userOf, visibleProject } from './context.js';

/** A pipeline the user can see, else CircleCI's 404. */
export function visiblePipeline(store: CircleCiStore, req: SimRequest, id: string): SimPipeline {
  const user = userOf(store, req);
  const pipeline = store.pipelines.find((candidate) => candidate.id === id);
  if (pipeline === undefined || !store.canSee(user, pipeline.projectSlug)) throw new SimError(404, 'Pipeline not found');
  return pipeline;
}

/** A workflow the user can see, else CircleCI's 404. */
export function visibleWorkflow(store: CircleCiStore, req: SimRequest, id: string): SimWorkflow {
  const user = userOf(store, req);
  const workflow = store.workflows.find((candidate) => candidate.id === id);
  if (workflow === undefined || !store.canSee(user, workflow.projectSlug)) throw new SimError(404, 'Workflow not found');
  return workflow;
}

/** A job of a visible project by its number, else 404. */
export function jobByNumber(store: CircleCiStore, req: SimRequest): SimJob {
  const project = visibleProject(store, req, req.params['project-slug'] ?? '');
  const number = req.params['job-number'] ?? '';
  const job = /^\d+$/.test(number) ? store.jobs.find((candidate) => candidate.projectSlug === project.slug && candidate.jobNumber === Number(number)) : undefined;
  if (job === undefined) throw new SimError(404, 'Job not found');
  return job;
}

/** The request body as an object; a missing body is `{}`, anything else a 400. */
export function bodyObject(req: SimRequest, message = 'Invalid request body.'): Record<string, unknown> {
  if (req.body === undefined || req.body === null) return {};
  if (typeof req.body !== 'object' || Array.isArray(req.body)) throw new SimError(400, message);
  return req.body as Record<string, unknown>;
}

/** Pipeline parameters: an object of strings, integers and booleans. */
export function parametersOf(value: unknown, field = 'parameters'): Record<string, string | number | boolean> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new SimError(400, `${field} must be an object`);
  for (const [key, item] of Object.entries(value)) {
    if (!(typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && Number.isInteger(item)))) {
      throw new SimError(400, `${field}.${key} must be a string, an integer or a boolean`);
    }
  }
  return value as Record<string, string | number | boolean>;
}
