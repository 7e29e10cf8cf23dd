import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../errors/GatewayError.js';
import type { CircleCiPipelineModel, CircleCiWorkflowModel } from '../../upstreams/circleci/models.js';
import { createLoaders } from '../../upstreams/Loaders.js';
import type { Upstreams } from '../../upstreams/Upstreams.js';
import type { LiveSettings } from '../../config/liveSettings.js';
import { pauseLoop } from '../pauseLoop.js';
import { failureDelayMs } from '../retryDelay.js';
import type { Coordination } from '../state/Coordination.js';
import type { CircleCiTransitions } from './CircleCiTransitions.js';
import { isPipelineFinished, terminalWorkflowStatuses } from './status.js';

interface Watch {
  /** Each local subscriber's credential, newest last. */
  readonly tokens: Map<string, string>;
  readonly controller: AbortController;
  /** Wakes the loop before its delay ends. */
  wake: (() => void) | undefined;
  done: Promise<void>;
}

const maxWorkflowPages = 10;

/**
 * One poller per watched pipeline for the whole deployment. Each replica
 * with local subscribers of a pipeline competes for its lease; the holder
 * polls with one of its subscribers' credentials and renews the lease each
 * round; a replica whose lease expired (it died or stalled) is replaced by
 * another at its next try. A loop ends when the pipeline is finished or its
 * last local subscriber leaves (and then gives the lease up, so a replica
 * that still has subscribers takes over).
 */
export class PipelinePollers {
  private readonly watches = new Map<string, Watch>();
  private readonly owner = randomUUID();
  private polls = 0;

  constructor(
    private readonly upstreams: Upstreams,
    private readonly coordination: Coordination,
    private readonly transitions: CircleCiTransitions,
    private readonly settings: LiveSettings,
  ) {}

  /** Watches a pipeline for one subscriber; returns the end of that watch. */
  watch(pipelineId: string, token: string): () => void {
    const subscriber = randomUUID();
    let watch = this.watches.get(pipelineId);
    if (watch === undefined) {
      const created: Watch = { tokens: new Map(), controller: new AbortController(), wake: undefined, done: Promise.resolve() };
      created.done = this.loop(pipelineId, created).finally(() => {
        if (this.watches.get(pipelineId) === created) this.watches.delete(pipelineId);
      });
      watch = created;
      this.watches.set(pipelineId, watch);
    }
    watch.tokens.set(subscriber, token);
    const current = watch;
    return () => {
      current.tokens.delete(subscriber);
      if (current.tokens.size === 0) {
        current.controller.abort();
        if (this.watches.get(pipelineId) === current) this.watches.delete(pipelineId);
      }
    };
  }

  /** Polls a watched pipeline now (a webhook said something changed). */
  wake(pipelineId: string): void {
    this.watches.get(pipelineId)?.wake?.();
  }

  /** Pipelines with a running poll loop on this replica. */
  activePipelines(): string[] {
    return [...this.watches.keys()];
  }

  /** Polls sent by this replica so far. */
  pollCount(): number {
    return this.polls;
  }

  /** Stops every loop and waits for them to end. */
  async dispose(): Promise<void> {
    const watches = [...this.watches.values()];
    for (const watch of watches) watch.controller.abort();
    await Promise.all(watches.map((watch) => watch.done));
    this.watches.clear();
  }

  private async loop(pipelineId: string, watch: Watch): Promise<void> {
    // Let the subscriber's own registration land before the first poll.
    await Promise.resolve();
    const { pollIntervalMs, pollLeaseMs, pollMaxBackoffMs } = this.settings;
    const lease = `poll:circleci:${pipelineId}`;
    // One owner per loop: a loop still ending must not give up the lease of its successor.
    const owner = `${this.owner}:${randomUUID()}`;
    const jobsDone = new Set<string>();
    const badTokens = new Set<string>();
    let jobsSupported = true;
    let failures = 0;
    try {
      while (!watch.controller.signal.aborted) {
        let leased: boolean;
        try {
          leased = await this.coordination.acquireLease(lease, owner, pollLeaseMs);
        } catch {
          // Redis unreachable: nobody can be sure to hold the lease; try again later.
          failures++;
          if (!(await pauseLoop(watch, failureDelayMs(undefined, failures, pollIntervalMs, pollMaxBackoffMs)))) break;
          continue;
        }
        if (!leased) {
          if (!(await pauseLoop(watch, Math.min(pollIntervalMs, pollLeaseMs / 3)))) break;
          continue;
        }
        const token = [...watch.tokens.values()].reverse().find((candidate) => !badTokens.has(candidate)) ?? [...watch.tokens.values()].at(-1);
        if (token === undefined) break;
        let delay = pollIntervalMs;
        try {
          this.polls++;
          const workflows = await this.fetchWorkflows(pipelineId, token);
          const now = new Date().toISOString();
          await this.transitions.workflowsObserved(workflows, 'POLL', now);
          if (jobsSupported) jobsSupported = await this.pollJobs(workflows, token, jobsDone, now);
          failures = 0;
          if (isPipelineFinished(workflows.map((workflow) => workflow.rawStatus))) break;
          // A pipeline whose config failed never gets a workflow: say so, and wait no more.
          if (workflows.length === 0) {
            const errored = await this.erroredPipeline(pipelineId, token);
            if (errored !== null) {
              await this.transitions.pipelineErrored(errored, now);
              break;
            }
          }
        } catch (error) {
          failures++;
          const code = error instanceof GatewayError ? error.code : undefined;
          if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND') badTokens.add(token);
          // At least what the error asks for (a rate limit, an open circuit), else an exponential backoff.
          delay = failureDelayMs(error, failures, pollIntervalMs, pollMaxBackoffMs);
        }
        // Wait in steps shorter than the lease, renewing it, so a long backoff does not hand the pipeline over.
        let left = delay;
        while (left > 0) {
          const step = Math.min(left, pollLeaseMs / 3);
          if (!(await pauseLoop(watch, step))) break;
          left -= step;
          if (left > 0 && !(await this.coordination.acquireLease(lease, owner, pollLeaseMs).catch(() => false))) break;
        }
      }
    } finally {
      await this.coordination.releaseLease(lease, owner).catch(() => undefined);
    }
  }

  /** The pipeline, when it errored (and so never gets a workflow). */
  private async erroredPipeline(pipelineId: string, token: string): Promise<CircleCiPipelineModel | null> {
    const pipeline = await createLoaders(this.upstreams, { circleci: token }, `poll-${pipelineId}`).circleci.pipeline.load(pipelineId);
    return pipeline.state === 'ERRORED' ? pipeline : null;
  }

  /** Every workflow of a pipeline, read with a credential. */
  async fetchWorkflows(pipelineId: string, token: string): Promise<CircleCiWorkflowModel[]> {
    const loaders = createLoaders(this.upstreams, { circleci: token }, `poll-${pipelineId}`).circleci;
    const workflows: CircleCiWorkflowModel[] = [];
    let pageToken: string | null = null;
    for (let page = 0; page < maxWorkflowPages; page++) {
      const { items, next } = await loaders.workflowsPage(pipelineId, pageToken);
      workflows.push(...items);
      if (next === null) break;
      pageToken = next;
    }
    return workflows;
  }

  /** Polls the jobs of unfinished workflows (and once more after they finish); false when the service has no job list. */
  private async pollJobs(workflows: readonly CircleCiWorkflowModel[], token: string, done: Set<string>, now: string): Promise<boolean> {
    const loaders = createLoaders(this.upstreams, { circleci: token }, `poll-jobs`).circleci;
    for (const workflow of workflows) {
      if (done.has(workflow.id)) continue;
      let jobs;
      try {
        jobs = await loaders.workflowJobs.load(workflow.id);
      } catch (error) {
        if (error instanceof GatewayError && error.code === 'NOT_FOUND') return false;
        throw error;
      }
      for (const job of jobs) {
        if (job.id === '') continue;
        // The job list may leave out the project slug; the workflow has it.
        await this.transitions.jobObserved(job.projectSlug === '' ? { ...job, projectSlug: workflow.projectSlug } : job, workflow, 'POLL', now);
      }
      if (terminalWorkflowStatuses.has(workflow.rawStatus)) done.add(workflow.id);
    }
    return true;
  }
}
