import type { ServiceName } from '../config/ServiceName.js';
import { UpstreamSession, type SessionCache } from './http/UpstreamSession.js';
import type { CallBudget } from './http/CallBudget.js';
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
 * One request's loaders: each service's are built on first use (a getter per
 * service on the prototype, so a request that reads one service builds only
 * that one, and nothing per service is made per request up front).
 */
class RequestLoaders implements Loaders {
  private readonly made: { -readonly [S in keyof Loaders]?: Loaders[S] } = {};

  constructor(
    private readonly upstreams: Upstreams,
    private readonly credentials: Readonly<Partial<Record<ServiceName, string>>>,
    private readonly requestId: string | undefined,
    private readonly cache: SessionCache | undefined,
    private readonly budget: CallBudget | undefined,
  ) {}

  get circleci(): CircleCiLoaders {
    return (this.made.circleci ??= this.build('circleci'));
  }

  get ghes(): GhesLoaders {
    return (this.made.ghes ??= this.build('ghes'));
  }

  get concord(): ConcordLoaders {
    return (this.made.concord ??= this.build('concord'));
  }

  get flexstack(): FlexStackLoaders {
    return (this.made.flexstack ??= this.build('flexstack'));
  }

  get gitlab(): GitLabLoaders {
    return (this.made.gitlab ??= this.build('gitlab'));
  }

  private build<S extends keyof Loaders>(service: S): Loaders[S] {
    const session = new UpstreamSession(this.upstreams.get(service), this.credentials[service], this.requestId, service, this.cache, this.budget);
    return factories[service](session, this.upstreams);
  }
}

/**
 * Creates one request's loaders. Each service's loaders are built on first
 * use, bound to the credential that applies to this request; every call they
 * send counts against `budget`, when given.
 */
export function createLoaders(
  upstreams: Upstreams,
  credentials: Readonly<Partial<Record<ServiceName, string>>>,
  requestId: string | undefined,
  cache?: SessionCache | undefined,
  budget?: CallBudget | undefined,
): Loaders {
  return new RequestLoaders(upstreams, credentials, requestId, cache, budget);
}
