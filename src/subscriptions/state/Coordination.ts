/**
 * What replicas must agree on: which deliveries were already seen, the last
 * status of each object (so a change is published once, whoever saw it
 * first), and who polls which pipeline.
 */
export interface Coordination {
  /** True the first time a key is seen within `ttlSeconds`; false for a repeat. */
  firstSeen(key: string, ttlSeconds: number): Promise<boolean>;
  /** Forgets a seen key, so a delivery that failed half-way can be retried. */
  forget(key: string): Promise<void>;
  /** Stores a status and returns the one before (null when unknown), atomically. */
  swapStatus(key: string, status: string): Promise<string | null>;
  /** The stored status, without changing it (null when unknown). */
  peekStatus(key: string): Promise<string | null>;
  /** Records one workflow's status under its pipeline; returns every known workflow status of the pipeline. */
  recordWorkflow(pipelineId: string, workflowId: string, status: string): Promise<Readonly<Record<string, string>>>;
  /** Takes or renews a lease for `owner`; false when another owner holds it. */
  acquireLease(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives a lease up, if `owner` still holds it. */
  releaseLease(name: string, owner: string): Promise<void>;
}

/** How long remembered statuses live: a day covers any pipeline still being watched. */
export const statusTtlSeconds = 86_400;
