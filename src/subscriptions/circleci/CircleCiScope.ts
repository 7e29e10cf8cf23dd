import { GatewayError } from '../../errors/GatewayError.js';
import type { CircleCiJobEvent, CircleCiPipelineEvent, CircleCiWorkflowEvent } from '../events.js';
import type { LiveContext } from '../LiveContext.js';
import { readableCache } from '../readableCache.js';
import { normalizeSlug } from './status.js';

/** The filter arguments of every CircleCI status subscription, checked: exactly one, an organization as `<vcs>/<org>`. */
export interface CircleCiScopeArgs {
  readonly pipelineId?: string | null | undefined;
  readonly projectSlug?: string | null | undefined;
  readonly orgSlug?: string | null | undefined;
}

type CircleCiEvent = CircleCiPipelineEvent | CircleCiWorkflowEvent | CircleCiJobEvent;

/** A verified subscription scope: which events match, and the pipeline to poll, if one. */
export interface CircleCiScope {
  readonly pipelineId: string | undefined;
  /** The watched pipeline's project, when a pipeline is watched. */
  readonly projectSlug?: string | undefined;
  matches(event: CircleCiEvent): Promise<boolean>;
}

/**
 * Checks, with the subscriber's own credential, that it may read what it
 * subscribes to (the upstream answers 404/403 otherwise, surfaced as
 * NOT_FOUND/FORBIDDEN), and filters events to projects that credential can
 * read, re-checking each project after a while.
 */
export async function circleCiScope(context: LiveContext, args: CircleCiScopeArgs): Promise<CircleCiScope> {
  // Loaders are renewed per event; each check goes through the current ones.
  const access = readableCache((slug) => context.loaders.circleci.project.load(slug));
  const canRead = (slug: string): Promise<boolean> => access.canRead(slug);
  const trust = (slug: string): void => access.trust(slug);

  if (args.pipelineId !== undefined && args.pipelineId !== null) {
    const pipelineId = args.pipelineId;
    const pipeline = await context.loaders.circleci.pipeline.load(pipelineId);
    const projectSlug = normalizeSlug(pipeline.projectSlug);
    trust(projectSlug);
    return { pipelineId, projectSlug, matches: async (event) => event.pipelineId === pipelineId && canRead(event.projectSlug) };
  }
  if (args.projectSlug !== undefined && args.projectSlug !== null) {
    const project = await context.loaders.circleci.project.load(args.projectSlug);
    const slug = normalizeSlug(project.slug);
    trust(slug);
    return { pipelineId: undefined, matches: async (event) => event.projectSlug === slug && canRead(slug) };
  }
  const orgSlug = normalizeSlug(args.orgSlug ?? '');
  // The whole unpaged list, not a connection page: membership must not depend on a page size.
  const orgs = await context.loaders.circleci.allCollaborations();
  const member = orgs.some((org) => normalizeSlug(org.slug).toLowerCase() === orgSlug.toLowerCase());
  if (!member) {
    throw new GatewayError('FORBIDDEN', `CircleCI: your credential is not a member of organization ${orgSlug}`, { service: 'circleci' });
  }
  return { pipelineId: undefined, matches: async (event) => event.orgSlug.toLowerCase() === orgSlug.toLowerCase() && canRead(event.projectSlug) };
}
