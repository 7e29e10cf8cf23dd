import type { ServiceName } from '../config/ServiceName.js';
import { UpstreamSession, type SessionCache } from './http/UpstreamSession.js';
import type { Upstreams } from './Upstreams.js';
import { CircleCiLoaders } from './circleci/loaders.js';
import { GhesLoaders } from './ghes/loaders.js';
import { ConcordLoaders } from './concord/loaders.js';
import { FlexStackLoaders } from './flexstack/loaders.js';
import { GitLabLoaders } from './gitlab/loaders.js';

/** Every service's per-request data access. */
export interface Loaders {
  readonly circleci: CircleCiLoaders;
  readonly ghes: GhesLoaders;
  readonly concord: ConcordLoaders;
  readonly flexstack: FlexStackLoaders;
  readonly gitlab: GitLabLoaders;
}

const factories: { readonly [S in keyof Loaders]: (session: UpstreamSession, upstreams: Upstreams) => Loaders[S] } = {
  circleci: (session) => new CircleCiLoaders(session),
  ghes: (session) => new GhesLoaders(session),
  concord: (session, upstreams) => new ConcordLoaders(session, upstreams.config.concordOrgs),
  flexstack: (session) => new FlexStackLoaders(session),
  gitlab: (session) => new GitLabLoaders(session),
};

/**
 * Creates one request's loaders. Each service's loaders are built on first
 * use, bound to the credential that applies to this request.
 */
export function createLoaders(
  upstreams: Upstreams,
  credentials: Readonly<Partial<Record<ServiceName, string>>>,
  requestId: string | undefined,
  cache?: SessionCache | undefined,
): Loaders {
  const made: Partial<Loaders> = {};
  const loaders = {} as Loaders;
  for (const service of Object.keys(factories) as (keyof Loaders)[]) {
    Object.defineProperty(loaders, service, {
      enumerable: true,
      get() {
        let value = made[service];
        if (value === undefined) {
          value = factories[service](new UpstreamSession(upstreams.get(service), credentials[service], requestId, service, cache), upstreams);
          (made as Record<string, unknown>)[service] = value;
        }
        return value;
      },
    });
  }
  return loaders;
}
