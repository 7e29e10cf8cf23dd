import { GatewayError } from '../../errors/GatewayError.js';
import type { EventStream } from '../EventStream.js';
import type { LiveEvent } from '../events.js';
import type { LiveContext } from '../LiveContext.js';
import type { PipelineChangeModel } from './PipelineChange.js';
import { markerOf, type PipelineObservation } from './PipelineObservation.js';
import type { ProjectRef, WatchTarget } from './ProjectRef.js';
import { readWatchedProject, type WatchedProjectModel } from './readWatchedProject.js';

/** One project of a subscription: what it is, which poller feeds it, and what was last sent. */
interface Watched {
  readonly model: WatchedProjectModel;
  readonly target: WatchTarget;
  readonly credential: string;
  /** The marker of the observation last sent (see markerOf). */
  last: string | undefined;
  lastRunState: PipelineChangeModel['runState'];
}

/** A project the subscriber may not watch, naming its id, with the code its read failed with. */
function refusal(ref: ProjectRef, error: unknown): unknown {
  if (!(error instanceof GatewayError)) return error;
  // The read's own extensions (an open circuit's reason, say) stay, with the id that failed.
  return new GatewayError(error.code, `Project ${ref.id} cannot be watched: ${error.message}`, {
    service: error.service,
    status: error.status,
    retryAfter: error.retryAfter,
    extensions: { ...error.extensions, projectId: ref.id },
  });
}

/**
 * The stream of `pipelinesChanged(projects:)`. Every project is read first
 * with the subscriber's own credentials (as `node(id:)` would; a read is
 * shared by the subscribers of one credential for a few seconds); the first
 * that cannot be read refuses the whole subscription with that read's code
 * (NOT_FOUND, FORBIDDEN, UNAUTHENTICATED, SERVICE_NOT_CONFIGURED, …), before
 * anything is watched. Then each project is watched by the shared poller of
 * its credential scope, the stream sends each project's latest pipeline
 * (CURRENT), and after that only changes: an event of the subscriber's own
 * scope, about one of its projects, unlike what it last got for it.
 */
export async function watchPipelines(context: LiveContext, refs: readonly ProjectRef[]): Promise<EventStream<PipelineChangeModel>> {
  const read = await Promise.allSettled(
    refs.map((ref) => {
      const credential = context.credentials[ref.service];
      // Shared with the subscribers of the same credential (never another's); without one the read fails as it should.
      if (credential === undefined) return readWatchedProject(context.loaders, ref);
      return context.live.watchedProjects.read(`${context.live.scopeOf(ref.service, credential)}:${ref.service}:${ref.key}`, () => readWatchedProject(context.loaders, ref));
    }),
  );
  const watched = new Map<string, Watched>();
  for (const [index, outcome] of read.entries()) {
    const ref = refs[index] as ProjectRef;
    if (outcome.status === 'rejected') throw refusal(ref, outcome.reason);
    const credential = context.credentials[ref.service];
    // The read succeeded, so there was one; the check keeps the types honest.
    if (credential === undefined) throw new GatewayError('UNAUTHENTICATED', `No credential for ${ref.service}`, { service: ref.service });
    const target: WatchTarget = { service: ref.service, key: outcome.value.key, scope: context.live.scopeOf(ref.service, credential) };
    const name = `${target.service}:${target.key}`;
    if (!watched.has(name)) watched.set(name, { model: outcome.value.model, target, credential, last: undefined, lastRunState: null });
  }
  const projects = [...watched.values()];
  const pollers = context.live.projectPollers;
  const watchedBefore = projects.map((project) => pollers.isWatched(project.target));
  const unwatch = projects.map((project) => pollers.watch(project.target, project.credential));

  const change = (project: Watched, observation: PipelineObservation, source: PipelineChangeModel['source'], happenedAt: string): PipelineChangeModel => {
    const model: PipelineChangeModel = {
      project: project.model,
      pipeline: observation.pipeline,
      runState: observation.runState,
      previousRunState: source === 'CURRENT' ? null : project.lastRunState,
      source,
      happenedAt,
      workflows: observation.workflows,
    };
    project.last = markerOf(observation);
    project.lastRunState = observation.runState;
    return model;
  };
  const select = (event: LiveEvent): PipelineChangeModel | undefined => {
    if (event.kind !== 'pipeline.change') return undefined;
    const project = watched.get(`${event.service}:${event.project}`);
    // Only what this subscriber's own credential was polled with, and only a change from what it last got.
    if (project === undefined || project.target.scope !== event.scope || project.last === markerOf(event.observation)) return undefined;
    return change(project, event.observation, event.source, event.observation.observedAt);
  };
  const initial = async (): Promise<readonly PipelineChangeModel[]> => {
    const observations = await Promise.all(projects.map((project, index) => pollers.current(project.target, project.credential, watchedBefore[index] === true).catch(() => null)));
    const now = new Date().toISOString();
    // A project whose read failed gets its first event from its poller's first successful poll.
    return projects.flatMap((project, index) => {
      const observation = observations[index];
      return observation === null || observation === undefined ? [] : [change(project, observation, 'CURRENT', now)];
    });
  };
  return context.live.streamOf(select, () => {
    for (const end of unwatch) end();
  }, initial);
}
