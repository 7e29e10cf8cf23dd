import type { Redis } from 'ioredis';
import { connectRedis } from '../cache/connectRedis.js';
import type { Config } from '../config/config.js';
import type { Upstreams } from '../upstreams/Upstreams.js';
import type { EventBus } from './bus/EventBus.js';
import { MemoryBus } from './bus/MemoryBus.js';
import { RedisBus } from './bus/RedisBus.js';
import { CircleCiTransitions } from './circleci/CircleCiTransitions.js';
import { PipelinePollers } from './circleci/PipelinePollers.js';
import type { LiveEvent } from './events.js';
import { CredentialFingerprints } from '../cache/keys.js';
import type { ServiceName } from '../config/ServiceName.js';
import { normalizeSlug } from './circleci/status.js';
import { ProjectPollers } from './pipelines/ProjectPollers.js';
import type { WatchedProject } from './pipelines/readWatchedProject.js';
import { SharedReads } from './pipelines/SharedReads.js';
import { sleep } from './sleep.js';
import { EventStream } from './EventStream.js';
import { noopInvalidator, type Invalidator } from './EventSink.js';
import type { LiveSettings, WebhookService } from '../config/liveSettings.js';
import type { Coordination } from './state/Coordination.js';
import { MemoryCoordination } from './state/MemoryCoordination.js';
import { RedisCoordination } from './state/RedisCoordination.js';
import { circleCiReceiver } from './webhooks/circleciReceiver.js';
import { flexStackReceiver } from './webhooks/flexstackReceiver.js';
import { ghesReceiver } from './webhooks/ghesReceiver.js';
import { gitLabReceiver } from './webhooks/gitlabReceiver.js';
import type { Receiver } from './webhooks/Receiver.js';
import { WebhookEndpoint } from './webhooks/WebhookEndpoint.js';

const keyPrefix = 'switchyard:live:';

/** How long a project read for a subscriber serves other subscribers of the same credential. */
const projectReadTtlMs = 10_000;

/** What a live hub is built from. */
export interface LiveHubOptions {
  readonly config: Config;
  readonly settings: LiveSettings;
  readonly upstreams: Upstreams;
  /** Drops cache entries an event makes stale; the cache plugs in here. */
  readonly invalidator?: Invalidator | undefined;
}

/**
 * Everything behind subscriptions: the event bus (Redis pub/sub across
 * replicas when REDIS_URL is set, else in process), the shared state for
 * de-duplication and poll leases, the webhook receivers, the CircleCI
 * pipeline pollers and the project pollers of `pipelinesChanged`. One per
 * gateway; `dispose()` ends it all.
 */
export class LiveHub {
  readonly transitions: CircleCiTransitions;
  readonly pollers: PipelinePollers;
  /** One poller per watched project and credential scope (`pipelinesChanged`). */
  readonly projectPollers: ProjectPollers;
  /**
   * Projects read on subscribe to `pipelinesChanged`, shared by the
   * subscribers of one credential for a few seconds: a board reloaded by a
   * whole team reads each project once, not once per subscriber.
   */
  readonly watchedProjects = new SharedReads<WatchedProject>(projectReadTtlMs);
  readonly webhooks: WebhookEndpoint;
  private readonly streams = new Set<{ close(): void }>();
  private readonly fingerprints: CredentialFingerprints;
  private readonly unlistenInvalidation: () => void;

  private constructor(
    readonly settings: LiveSettings,
    readonly bus: EventBus,
    readonly coordination: Coordination,
    upstreams: Upstreams,
    invalidator: Invalidator,
    private readonly connections: readonly Redis[],
    circleCiToken: string | undefined,
    keySecret: string | undefined,
  ) {
    this.transitions = new CircleCiTransitions(bus, coordination);
    this.pollers = new PipelinePollers(upstreams, coordination, this.transitions, settings);
    this.projectPollers = new ProjectPollers(upstreams, coordination, bus, settings);
    // The cache's fingerprints: replicas with the same CACHE_KEY_SECRET share a credential's pollers.
    this.fingerprints = new CredentialFingerprints(keySecret);
    const receivers = new Map<WebhookService, Receiver>([
      ['circleci', circleCiReceiver(this.transitions, circleCiToken === undefined ? undefined : (id) => this.pollers.fetchWorkflows(id, circleCiToken))],
      ['ghes', ghesReceiver(bus)],
      ['gitlab', gitLabReceiver(bus)],
      ['flexstack', flexStackReceiver(bus)],
    ]);
    this.webhooks = new WebhookEndpoint(receivers, settings, coordination, bus);
    // Every replica drops what an event made stale, whichever replica received it.
    this.unlistenInvalidation = bus.listen((message) => {
      if (message.invalidate !== undefined) {
        void Promise.resolve(invalidator.invalidate(message.invalidate.service, message.invalidate.paths)).catch(() => undefined);
      }
      // A webhook about a polled pipeline or project: poll it now rather than at the next tick.
      const event = message.event;
      if ((event?.kind === 'circleci.workflow' || event?.kind === 'circleci.job') && event.source === 'WEBHOOK') {
        this.pollers.wake(event.pipelineId);
      }
      if ((event?.kind === 'circleci.workflow' || event?.kind === 'circleci.job' || event?.kind === 'circleci.pipeline') && event.source === 'WEBHOOK') {
        this.projectPollers.wake('circleci', normalizeSlug(event.projectSlug));
      }
      if (event?.kind === 'gitlab.pipeline') this.projectPollers.wake('gitlab', event.projectId);
      if (event?.kind === 'flexstack.deployment') this.projectPollers.wake('flexstack', event.projectId);
    });
  }

  /** Builds the hub; with a Redis URL, connects and subscribes before resolving. */
  static async create(options: LiveHubOptions): Promise<LiveHub> {
    const invalidator = options.invalidator ?? noopInvalidator;
    const url = options.config.redisUrl;
    if (url === undefined) {
      return new LiveHub(
        options.settings,
        new MemoryBus(),
        new MemoryCoordination(),
        options.upstreams,
        invalidator,
        [],
        options.config.services.circleci?.token,
        options.config.cacheKeySecret,
      );
    }
    const redisOptions = { maxRetriesPerRequest: 3, connectionName: 'switchyard-live' } as const;
    const commands = connectRedis(url, redisOptions);
    const subscriber = connectRedis(url, { ...redisOptions, connectionName: 'switchyard-live-sub' });
    // Errors surface on commands; without a listener ioredis would log every reconnect attempt.
    commands.on('error', () => undefined);
    subscriber.on('error', () => undefined);
    const bus = new RedisBus(commands, subscriber, `${keyPrefix}events`);
    // Wait a little for the subscription so no early event is missed, but never hold the start on Redis:
    // ioredis keeps reconnecting and subscribes once Redis answers.
    const startWait = new AbortController();
    await Promise.race([bus.whenReady().catch(() => undefined), sleep(5_000, startWait.signal)]);
    startWait.abort();
    return new LiveHub(
      options.settings,
      bus,
      new RedisCoordination(commands, keyPrefix),
      options.upstreams,
      invalidator,
      [commands, subscriber],
      options.config.services.circleci?.token,
      options.config.cacheKeySecret,
    );
  }

  /** A subscription's stream of events passing `filter`, after `initial`'s event if any; `onClose` runs when it ends. */
  stream(
    filter: (event: LiveEvent) => boolean | Promise<boolean>,
    onClose: () => void = () => undefined,
    initial?: (() => Promise<LiveEvent | null>) | undefined,
  ): EventStream {
    return this.streamOf<LiveEvent>(
      async (event) => ((await filter(event)) ? event : undefined),
      onClose,
      initial === undefined ? undefined : async () => [await initial()].filter((event): event is LiveEvent => event !== null),
    );
  }

  /** A subscription's stream of what `select` makes of each event (undefined: left out), after `initial`'s; `onClose` runs when it ends. */
  streamOf<T>(
    select: (event: LiveEvent) => T | undefined | Promise<T | undefined>,
    onClose: () => void = () => undefined,
    initial?: (() => Promise<readonly T[]>) | undefined,
  ): EventStream<T> {
    const stream: EventStream<T> = new EventStream<T>(
      this.bus,
      select,
      () => {
        this.streams.delete(stream);
        onClose();
      },
      initial,
    );
    this.streams.add(stream);
    return stream;
  }

  /** A credential's keyed fingerprint: the scope of the pollers that read with it. */
  scopeOf(service: ServiceName, token: string): string {
    return this.fingerprints.of(service, token);
  }

  /** Open subscription streams on this replica. */
  streamCount(): number {
    return this.streams.size;
  }

  /** Ends every stream and poller and closes the Redis connections. */
  async dispose(): Promise<void> {
    for (const stream of [...this.streams]) stream.close();
    await this.pollers.dispose();
    await this.projectPollers.dispose();
    this.unlistenInvalidation();
    await this.bus.close();
    await Promise.all(this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
  }
}
