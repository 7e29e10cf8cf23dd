import { randomUUID } from 'node:crypto';
import type { LiveSettings } from '../../config/liveSettings.js';
import { createLoaders } from '../../upstreams/Loaders.js';
import type { RunState } from '../../upstreams/runState.js';
import type { Upstreams } from '../../upstreams/Upstreams.js';
import type { EventBus } from '../bus/EventBus.js';
import { pauseLoop } from '../pauseLoop.js';
import { failureDelayMs, retryAfterMsOf } from '../retryDelay.js';
import type { Coordination } from '../state/Coordination.js';
import { markerOf, parseObservation, type PipelineObservation } from './PipelineObservation.js';
import { targetName, type PipelineService, type WatchTarget } from './ProjectRef.js';
import { readLatestPipeline } from './readLatestPipeline.js';
import { SharedReads } from './SharedReads.js';

interface Watch {
  readonly target: WatchTarget;
  readonly credential: string;
  readonly subscribers: Set<symbol>;
  readonly controller: AbortController;
  /** A webhook told of a change since the last poll. */
  woken: boolean;
  /** Ends the current wait early, when a wake may. */
  wake: (() => void) | undefined;
  done: Promise<void>;
  polls: number;
  failures: number;
}

/** One poll loop of this replica, for metrics and diagnostics. */
export interface PollerStats {
  readonly target: WatchTarget;
  /** Local subscribers watching it. */
  readonly subscribers: number;
  /** Polls this loop made (0 while another replica holds the lease). */
  readonly polls: number;
  /** Polls that failed. */
  readonly failures: number;
}

/** Run states that change soon by themselves: polled at the fast interval. */
const activeStates: ReadonlySet<RunState> = new Set(['PENDING', 'RUNNING']);

/**
 * Services whose webhooks announce every change of a run (GitLab pipeline
 * hooks, FlexStack deployment events): with their receiver on, their
 * projects are polled at the idle interval only, for projects without a hook.
 * CircleCI's announce only completions, so its projects are polled as without.
 */
const announcedByWebhook: ReadonlySet<PipelineService> = new Set(['gitlab', 'flexstack']);

/** The shared-state key of a target's last observation. */
const stateKey = (target: WatchTarget): string => `pipelines:${targetName(target)}`;

/**
 * One poller per watched project and credential scope for the whole
 * deployment, however many subscribers watch it on however many replicas.
 * Each replica with local subscribers of a target competes for its lease
 * (the shared Redis leases); the holder reads the project's latest pipeline
 * with that scope's credential, swaps the observation into the shared state
 * and publishes a {@link PipelineChangeEvent} when it changed. It polls fast
 * while the run is pending or running and slowly otherwise, waits at least
 * what a failure's `retryAfter` asks (an open circuit, a rate limit), else
 * backs off exponentially, and polls at once when a webhook names the
 * project. A loop ends when its last local subscriber leaves, giving the
 * lease up so that a replica that still has subscribers takes over.
 */
export class ProjectPollers {
  private readonly watches = new Map<string, Watch>();
  /** Reads in flight, by target: a poll and the subscribers' first reads share them. */
  private readonly reading = new SharedReads<PipelineObservation>(0);
  private readonly owner = randomUUID();
  private polls = 0;
  private pollFailures = 0;

  constructor(
    private readonly upstreams: Upstreams,
    private readonly coordination: Coordination,
    private readonly bus: EventBus,
    private readonly settings: LiveSettings,
  ) {}

  /** Watches a target for one subscriber, polling with `credential` (the one its scope fingerprints); returns the end of that watch. */
  watch(target: WatchTarget, credential: string): () => void {
    const name = targetName(target);
    const subscriber = Symbol(name);
    let watch = this.watches.get(name);
    if (watch === undefined) {
      const created: Watch = {
        target,
        credential,
        subscribers: new Set(),
        controller: new AbortController(),
        woken: false,
        wake: undefined,
        done: Promise.resolve(),
        polls: 0,
        failures: 0,
      };
      created.done = this.loop(created).finally(() => {
        if (this.watches.get(name) === created) this.watches.delete(name);
      });
      watch = created;
      this.watches.set(name, watch);
    }
    watch.subscribers.add(subscriber);
    const current = watch;
    return () => {
      current.subscribers.delete(subscriber);
      if (current.subscribers.size > 0) return;
      current.controller.abort();
      if (this.watches.get(name) === current) this.watches.delete(name);
    };
  }

  /** A webhook named a project: every scope watching it polls now (source WEBHOOK), unless told to wait. */
  wake(service: PipelineService, key: string): void {
    const wanted = key.toLowerCase();
    for (const watch of this.watches.values()) {
      if (watch.target.service !== service || watch.target.key.toLowerCase() !== wanted) continue;
      watch.woken = true;
      watch.wake?.();
    }
  }

  /** Whether a subscriber on this replica watches the target already. */
  isWatched(target: WatchTarget): boolean {
    return this.watches.has(targetName(target));
  }

  /**
   * The target's latest pipeline for a new subscriber. When the target was
   * watched here already, the shared observation its poller keeps (on this
   * replica or another: younger than its interval and a lease, after which
   * another would have taken over); else, or when there is none, a read with
   * `credential`, shared with any read of the target in flight here. So many
   * subscribers of one project cost one read, not one each.
   */
  async current(target: WatchTarget, credential: string, watchedBefore: boolean): Promise<PipelineObservation> {
    if (watchedBefore) {
      const snapshot = parseObservation(await this.coordination.peekStatus(stateKey(target)).catch(() => null));
      const kept = snapshot === null ? 0 : this.intervalFor(target.service, snapshot.runState) + this.settings.pollLeaseMs;
      if (snapshot !== null && Date.now() - Date.parse(snapshot.observedAt) <= kept) return snapshot;
    }
    return this.readShared(target, credential);
  }

  /** Targets with a poll loop on this replica (`service:scope:key`). */
  activeTargets(): string[] {
    return [...this.watches.keys()];
  }

  /** Polls this replica made so far. */
  pollCount(): number {
    return this.polls;
  }

  /** Polls of this replica that failed so far (each then waited its backoff or the service's retryAfter). */
  pollFailureCount(): number {
    return this.pollFailures;
  }

  /** Each poll loop of this replica. */
  stats(): PollerStats[] {
    return [...this.watches.values()].map((watch) => ({ target: watch.target, subscribers: watch.subscribers.size, polls: watch.polls, failures: watch.failures }));
  }

  /** Stops every loop and waits for them to end. */
  async dispose(): Promise<void> {
    const watches = [...this.watches.values()];
    for (const watch of watches) watch.controller.abort();
    await Promise.all(watches.map((watch) => watch.done));
    this.watches.clear();
  }

  /** The pause after a successful poll: fast while the run is active, idle otherwise or when the service's webhooks announce changes. */
  private intervalFor(service: PipelineService, runState: RunState | null): number {
    const { pollIntervalMs, pollIdleIntervalMs, webhookSecrets } = this.settings;
    if (announcedByWebhook.has(service) && webhookSecrets[service as keyof typeof webhookSecrets] !== undefined) return pollIdleIntervalMs;
    return runState !== null && activeStates.has(runState) ? pollIntervalMs : pollIdleIntervalMs;
  }

  private readShared(target: WatchTarget, credential: string): Promise<PipelineObservation> {
    // No response cache: a poll must see the service as it is now.
    return this.reading.read(targetName(target), () => readLatestPipeline(createLoaders(this.upstreams, { [target.service]: credential }, `poll-${target.service}`), target.service, target.key));
  }

  /** Stores the observation as the target's latest and publishes it when it differs from the one before. */
  private async record(target: WatchTarget, observation: PipelineObservation, source: 'WEBHOOK' | 'POLL'): Promise<void> {
    const previous = parseObservation(await this.coordination.swapStatus(stateKey(target), JSON.stringify(observation)));
    if (previous !== null && markerOf(previous) === markerOf(observation)) return;
    await this.bus.publish({
      event: {
        kind: 'pipeline.change',
        service: target.service,
        project: target.key,
        scope: target.scope,
        observation,
        previousRunState: previous?.runState ?? null,
        source,
      },
    });
  }

  /**
   * Waits `ms` while holding the lease, renewing it in steps shorter than its
   * life so a long wait does not hand the target over. Ends early on a wake
   * when `wakeable`, or when the lease was lost (the loop competes again).
   * False once the watch ended.
   */
  private async hold(watch: Watch, lease: string, owner: string, ms: number, wakeable: boolean): Promise<boolean> {
    const { pollLeaseMs } = this.settings;
    const until = Date.now() + ms;
    for (;;) {
      if (wakeable && watch.woken) return true;
      const left = until - Date.now();
      if (left <= 0) return true;
      if (!(await pauseLoop(watch, Math.min(left, pollLeaseMs / 3), wakeable))) return false;
      if (until - Date.now() <= 0 || (wakeable && watch.woken)) return true;
      if (!(await this.coordination.acquireLease(lease, owner, pollLeaseMs).catch(() => false))) return true;
    }
  }

  private async loop(watch: Watch): Promise<void> {
    // Let the subscriber's own registration land before the first poll.
    await Promise.resolve();
    const { pollIntervalMs, pollLeaseMs, pollMaxBackoffMs } = this.settings;
    const lease = `poll:pipelines:${targetName(watch.target)}`;
    // One owner per loop: a loop still ending must not give up the lease of its successor.
    const owner = `${this.owner}:${randomUUID()}`;
    let failures = 0;
    let announced = false;
    try {
      while (!watch.controller.signal.aborted) {
        let leased: boolean;
        try {
          leased = await this.coordination.acquireLease(lease, owner, pollLeaseMs);
        } catch (error) {
          // The shared state is unreachable: nobody can be sure to hold the lease; try again later.
          failures++;
          if (!(await pauseLoop(watch, failureDelayMs(error, failures, pollIntervalMs, pollMaxBackoffMs), false))) break;
          continue;
        }
        if (!leased) {
          // Another replica polls it; take over if it leaves or dies.
          if (!(await pauseLoop(watch, Math.min(pollIntervalMs, pollLeaseMs / 3), true))) break;
          continue;
        }
        // A webhook's news is credited to the next poll that succeeds.
        if (watch.woken) announced = true;
        watch.woken = false;
        let delay: number;
        let wakeable = true;
        try {
          this.polls++;
          watch.polls++;
          const observation = await this.readShared(watch.target, watch.credential);
          await this.record(watch.target, observation, announced ? 'WEBHOOK' : 'POLL');
          announced = false;
          failures = 0;
          delay = this.intervalFor(watch.target.service, observation.runState);
        } catch (error) {
          failures++;
          watch.failures++;
          this.pollFailures++;
          delay = failureDelayMs(error, failures, pollIntervalMs, pollMaxBackoffMs);
          // What the service (or its open circuit) asked to wait is waited out, webhook or not.
          wakeable = retryAfterMsOf(error) === undefined;
        }
        if (!(await this.hold(watch, lease, owner, delay, wakeable))) break;
      }
    } finally {
      await this.coordination.releaseLease(lease, owner).catch(() => undefined);
    }
  }
}
