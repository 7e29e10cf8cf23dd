import type { CircleCiPipelineEvent } from '../events.js';
import type { LiveContext } from '../LiveContext.js';
import { orgSlugOf } from './status.js';

/**
 * A pipeline's status as the gateway last saw it (on any replica), as a
 * CURRENT event, without asking CircleCI; null when no replica has seen it
 * yet, in which case the watch's first poll publishes it at once.
 */
export async function currentPipelineEvent(context: LiveContext, pipelineId: string, projectSlug: string): Promise<CircleCiPipelineEvent | null> {
  const status = await context.live.coordination.peekStatus(`pipeline:${pipelineId}`);
  if (status === null) return null;
  return {
    kind: 'circleci.pipeline',
    projectSlug,
    orgSlug: orgSlugOf(projectSlug),
    pipelineId,
    status,
    previousStatus: null,
    happenedAt: new Date().toISOString(),
    source: 'CURRENT',
  };
}
