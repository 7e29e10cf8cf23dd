import type { BreakerSettings } from '../../config/resilienceSettings.js';
import type { ServiceName } from '../../config/ServiceName.js';

/** A circuit's state: `closed` (calls go), `open` (calls refused), `half-open` (a few probe calls go). */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** A change of a circuit's state, with what led to it. */
export interface CircuitTransition {
  readonly service: ServiceName;
  readonly from: CircuitState;
  readonly to: CircuitState;
  /** When it opened from closed: failed calls and all calls in the window, or the failures in a row that opened it. */
  readonly failures?: number | undefined;
  readonly calls?: number | undefined;
  readonly inARow?: number | undefined;
  /** When it opened: milliseconds until the next probe. */
  readonly resetMs?: number | undefined;
}

/** What {@link CircuitBreaker.admit} answers: send the call, send it as a probe, or refuse it. */
export type Admission = typeof CircuitBreaker.call | typeof CircuitBreaker.probe | typeof CircuitBreaker.refused;

const bucketCount = 10;

/**
 * A circuit breaker for one service: a rolling window of call outcomes in
 * ten time buckets; once the window holds at least `minimumCalls` and at
 * least `failureRate` of them failed, or `consecutiveFailures` calls failed in
 * a row, the circuit opens and calls are refused at once for `resetMs`; then
 * it is half-open: up to `halfOpenCalls` probe
 * calls go, every other call is still refused, and the first failed probe
 * opens it again while `halfOpenCalls` successes close it.
 *
 * Written here rather than taken from cockatiel or opossum: both wrap each
 * call in promises and closures of their own (a healthy call here costs one
 * comparison before and a few array writes after), and cockatiel's half-open
 * state makes every concurrent call wait for its single probe, which against
 * a hung service is the very wait an open circuit exists to spare. Its
 * SamplingBreaker also keeps outcomes older than its window while calls are
 * sparse (it moves one bucket per call); here every elapsed bucket is cleared.
 *
 * Which outcomes fail is the caller's to say: {@link record} a call's outcome,
 * {@link release} a call that had none (a rate-limited answer).
 */
export class CircuitBreaker {
  /** {@link admit}: send the call. */
  static readonly call = 0;
  /** {@link admit}: send the call as one of the half-open probes. */
  static readonly probe = 1;
  /** {@link admit}: refuse the call. */
  static readonly refused = -1;

  /** Calls refused since start. */
  rejections = 0;
  private current: CircuitState = 'closed';
  private readonly calls = new Uint32Array(bucketCount);
  private readonly failures = new Uint32Array(bucketCount);
  private readonly bucketMs: number;
  /** The absolute number (time / bucketMs) of the newest bucket. */
  private bucket = 0;
  private windowCalls = 0;
  private windowFailures = 0;
  /** Failures since the last success. */
  private inARow = 0;
  /** While open: when the next probe may go (clock ms). */
  private probeAt = 0;
  private probesInFlight = 0;
  private probeSuccesses = 0;

  constructor(
    readonly service: ServiceName,
    private readonly settings: BreakerSettings,
    private readonly clock: () => number,
    private readonly onTransition: (transition: CircuitTransition) => void = () => undefined,
  ) {
    this.bucketMs = Math.max(1, Math.ceil(settings.windowMs / bucketCount));
  }

  /** The state now (an open circuit whose reset time has passed still says `open` until a call probes it). */
  get state(): CircuitState {
    return this.current;
  }

  /** Whether a call may go now, and as what; counts a refusal. */
  admit(): Admission {
    // The one check a call pays while its service is healthy.
    if (this.current === 'closed') return CircuitBreaker.call;
    if (this.current === 'open') {
      if (this.clock() < this.probeAt) {
        this.rejections++;
        return CircuitBreaker.refused;
      }
      this.probesInFlight = 0;
      this.probeSuccesses = 0;
      this.move('half-open');
    }
    if (this.probesInFlight + this.probeSuccesses < this.settings.halfOpenCalls) {
      this.probesInFlight++;
      return CircuitBreaker.probe;
    }
    this.rejections++;
    return CircuitBreaker.refused;
  }

  /** Whole seconds until a refused call may be tried again (at least 1). */
  retryAfterSeconds(): number {
    const left = this.current === 'open' ? this.probeAt - this.clock() : 0;
    return Math.max(1, Math.ceil(left / 1000));
  }

  /** Records the outcome of a call {@link admit} let go. */
  record(admission: Admission, failed: boolean): void {
    if (admission === CircuitBreaker.probe) {
      this.probesInFlight--;
      if (this.current !== 'half-open') return;
      if (failed) this.open(this.clock());
      else if (++this.probeSuccesses >= this.settings.halfOpenCalls) this.close();
      return;
    }
    // A call sent before the circuit opened tells nothing new.
    if (!this.settings.enabled || this.current !== 'closed') return;
    const now = this.clock();
    const index = this.roll(now);
    this.calls[index] = (this.calls[index] as number) + 1;
    this.windowCalls++;
    if (!failed) {
      this.inARow = 0;
      return;
    }
    this.failures[index] = (this.failures[index] as number) + 1;
    this.windowFailures++;
    this.inARow++;
    const { minimumCalls, failureRate, consecutiveFailures } = this.settings;
    if ((this.windowCalls >= minimumCalls && this.windowFailures >= failureRate * this.windowCalls) || (consecutiveFailures > 0 && this.inARow >= consecutiveFailures)) {
      this.open(now);
    }
  }

  /** Ends a call that had no outcome for the circuit (rate limited: the service is up). */
  release(admission: Admission): void {
    if (admission === CircuitBreaker.probe) this.probesInFlight--;
  }

  /** Back to closed with an empty window (the test suite calls it between tests). */
  reset(): void {
    this.current = 'closed';
    this.clearWindow();
    this.probesInFlight = 0;
    this.probeSuccesses = 0;
  }

  private open(now: number): void {
    const from = this.current;
    const { windowFailures: failures, windowCalls: calls, inARow } = this;
    this.current = 'open';
    this.probeAt = now + this.settings.resetMs;
    this.inARow = 0;
    this.onTransition({ service: this.service, from, to: 'open', ...(from === 'closed' ? { failures, calls, inARow } : {}), resetMs: this.settings.resetMs });
  }

  private close(): void {
    this.clearWindow();
    this.move('closed');
  }

  private move(to: CircuitState): void {
    const from = this.current;
    this.current = to;
    this.onTransition({ service: this.service, from, to });
  }

  /** The index of the bucket `now` falls in, clearing every bucket that has left the window since the last call. */
  private roll(now: number): number {
    const bucket = Math.floor(now / this.bucketMs);
    if (bucket !== this.bucket) {
      // A clock that went back, or a whole window since the last call, leaves nothing of the window.
      const elapsed = bucket < this.bucket ? bucketCount : Math.min(bucket - this.bucket, bucketCount);
      for (let step = 1; step <= elapsed; step++) {
        const index = (this.bucket + step) % bucketCount;
        this.windowCalls -= this.calls[index] as number;
        this.windowFailures -= this.failures[index] as number;
        this.calls[index] = 0;
        this.failures[index] = 0;
      }
      this.bucket = bucket;
    }
    return bucket % bucketCount;
  }

  private clearWindow(): void {
    this.inARow = 0;
    this.calls.fill(0);
    this.failures.fill(0);
    this.windowCalls = 0;
    this.windowFailures = 0;
  }
}
