import { parseProjectKey, projectKey } from '../../upstreams/concord/loaders.js';
import type { CircleCiProjectModel } from '../../upstreams/circleci/models.js';
import type { ConcordProjectModel } from '../../upstreams/concord/models.js';
import type { FlexStackProjectModel } from '../../upstreams/flexstack/models.js';
import type { GitLabProjectModel } from '../../upstreams/gitlab/models.js';
import type { Loaders } from '../../upstreams/Loaders.js';
import { GatewayError } from '../../errors/GatewayError.js';
import { normalizeSlug } from '../circleci/status.js';
import type { ProjectRef } from './ProjectRef.js';

/** A project of a service with pipelines, as the `Project` interface resolves it. */
export type WatchedProjectModel = CircleCiProjectModel | GitLabProjectModel | ConcordProjectModel | FlexStackProjectModel;

/** A project read with the subscriber's credential, and the key every event about it carries. */
export interface WatchedProject {
  readonly model: WatchedProjectModel;
  /** The canonical key: a short-VCS CircleCI slug, a numeric GitLab id, a Concord `org/name`, a FlexStack id. */
  readonly key: string;
}

/**
 * Reads a project with the subscriber's own loaders, as `node(id:)` does:
 * the service answers 404/403/401 for what the credential cannot read
 * (NOT_FOUND, FORBIDDEN, UNAUTHENTICATED).
 */
export async function readWatchedProject(loaders: Loaders, ref: ProjectRef): Promise<WatchedProject> {
  switch (ref.service) {
    case 'circleci': {
      const model = await loaders.circleci.project.load(ref.key);
      return { model, key: normalizeSlug(model.slug) };
    }
    case 'gitlab': {
      const model = await loaders.gitlab.project.load(ref.key);
      return { model, key: String(model.id) };
    }
    case 'concord': {
      const name = parseProjectKey(ref.key);
      if (name === null) throw new GatewayError('BAD_USER_INPUT', `"${ref.id.slice(0, 80)}" is not a valid node id`);
      const model = await loaders.concord.project.load(name);
      return { model, key: projectKey(model.orgName, model.name) };
    }
    case 'flexstack': {
      const model = await loaders.flexstack.project.load(ref.key);
      return { model, key: model.id };
    }
  }
}
