import { Redis } from 'ioredis';
import type { Config } from '../config/config.js';
import type { Upstreams } from '../upstreams/Upstreams.js';
import type { EventBus } from './bus/EventBus.js';
import { MemoryBus } from './bus/MemoryBus.js';
import { RedisBus } from './bus/RedisBus.js';
import { CircleCiTransitions } from './circleci/CircleCiTransitions.js';
import { PipelinePollers } from './circleci/PipelinePollers.js';
import type { LiveEvent } from './events.js';
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
 * de-duplication and poll leases, the webhook receivers and the pipeline
 * pollers. One per gateway; `dispose()` ends it all.
 */
export class LiveHub {
  readonly transitions: CircleCiTransitions;
  readonly pollers: PipelinePollers;
  readonly webhooks: WebhookEndpoint;
  private readonly streams = new Set<EventStream>();
  private readonly unlistenInvalidation: () => void;

  private constructor(
    readonly settings: LiveSettings,
    readonly bus: EventBus,
    readonly coordination: Coordination,
    upstreams: Upstreams,
    invalidator: Invalidator,
    private readonly connections: readonly Redis[],
    circleCiToken: string | undefined,
  ) {
    this.transitions = new CircleCiTransitions(bus, coordination);
    this.pollers = new PipelinePollers(upstreams, coordination, this.transitions, settings);
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
      // A webhook about a polled pipeline: poll it now rather than at the next tick.
      const event = message.event;
      if ((event?.kind === 'circleci.workflow' || event?.kind === 'circleci.job') && event.source === 'WEBHOOK') {
        this.pollers.wake(event.pipelineId);
      }
    });
  }

  /** Builds the hub; with a Redis URL, connects and subscribes before resolving. */
  static async create(options: LiveHubOptions): Promise<LiveHub> {
    const invalidator = options.invalidator ?? noopInvalidator;
    const url = options.config.redisUrl;
    if (url === undefined) {
      return new LiveHub(options.settings, new MemoryBus(), new MemoryCoordination(), options.upstreams, invalidator, [], options.config.services.circleci?.token);
    }
    const redisOptions = { maxRetriesPerRequest: 3, connectionName: 'switchyard-live' } as const;
    const commands = new Redis(url, redisOptions);
    const subscriber = new Redis(url, { ...redisOptions, connectionName: 'switchyard-live-sub' });
    // Errors surface on commands; without a listener ioredis would log every reconnect attempt.
    commands.on('error', () => undefined);
    subscriber.on('error', () => undefined);
    const bus = new RedisBus(commands, subscriber, `${keyPrefix}events`);
    // Wait a little for the subscription so no early event is missed, but never hold the start on Redis:
    // ioredis keeps reconnecting and subscribes once Redis answers.
    const startWait = new AbortController();
    await Promise.race([bus.whenReady().catch(() => undefined), sleep(5_000, startWait.signal)]);
    startWait.abort();
    return new LiveHub(options.settings, bus, new RedisCoordination(commands, keyPrefix), options.upstreams, invalidator, [commands, subscriber], options.config.services.circleci?.token);
  }

  /** A subscription's stream of events passing `filter`, after `initial`'s event if any; `onClose` runs when it ends. */
  stream(
    filter: (event: LiveEvent) => boolean | Promise<boolean>,
    onClose: () => void = () => undefined,
    initial?: (() => Promise<LiveEvent | null>) | undefined,
  ): EventStream {
    const stream = new EventStream(
      this.bus,
      filter,
      () => {
        this.streams.delete(stream);
        onClose();
      },
      initial,
    );
    this.streams.add(stream);
    return stream;
  }

  /** Open subscription streams on this replica. */
  streamCount(): number {
    return this.streams.size;
  }

  /** Ends every stream and poller and closes the Redis connections. */
  async dispose(): Promise<void> {
    for (const stream of [...this.streams]) stream.close();
    await this.pollers.dispose();
    this.unlistenInvalidation();
    await this.bus.close();
    await Promise.all(this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
  }
}
