import { parseProjectKey } from '../../upstreams/concord/loaders.js';
import type { Loaders } from '../../upstreams/Loaders.js';
import { circleCiRunState, concordRunState, flexStackRunState, gitLabRunState } from '../../upstreams/runState.js';
import type { PipelineObservation } from './PipelineObservation.js';
import type { PipelineService } from './ProjectRef.js';

/**
 * A project's latest pipeline and its run state, read as `Project.latestPipeline`
 * and `Pipeline.runState` read them: CircleCI's newest pipeline and the first
 * page of its workflows (two calls), GitLab's latest pipeline of the default
 * branch, Concord's newest process, FlexStack's newest deployment (one call each).
 */
export async function readLatestPipeline(loaders: Loaders, service: PipelineService, key: string): Promise<PipelineObservation> {
  const observedAt = new Date().toISOString();
  switch (service) {
    case 'circleci': {
      const pipeline = (await loaders.circleci.pipelinesOfProject(key, { first: 1 })).edges[0]?.node ?? null;
      if (pipeline === null) return { pipeline, runState: null, observedAt };
      const workflows = await loaders.circleci.workflowsPage(pipeline.id, null);
      return { pipeline, runState: circleCiRunState(pipeline, workflows.items), workflows, observedAt };
    }
    case 'gitlab': {
      // A project out of the credential's sight is an error here, not a project without pipelines.
      const pipeline = await loaders.gitlab.ci.latestPipeline(Number(key), null, { projectMustExist: true });
      return { pipeline, runState: pipeline === null ? null : gitLabRunState(pipeline.status), observedAt };
    }
    case 'concord': {
      const project = parseProjectKey(key);
      const pipeline = project === null ? null : await loaders.concord.latestProcess(project.org, project.name);
      return { pipeline, runState: pipeline === null ? null : concordRunState(pipeline.status), observedAt };
    }
    case 'flexstack': {
      const pipeline = await loaders.flexstack.latestDeployment(key);
      return { pipeline, runState: pipeline === null ? null : flexStackRunState(pipeline.state), observedAt };
    }
  }
}
