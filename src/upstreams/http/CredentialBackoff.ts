import type { ServiceName } from '../../config/ServiceName.js';
import { BoundedMap } from '../../cache/BoundedMap.js';

/** Tells other replicas that a credential must wait, and hears when theirs must. */
export interface BackoffShare {
  /** Shares a wait of `ms` for the credential with this fingerprint; resolves once shared (or given up on). */
  publish(service: ServiceName, fingerprint: string, ms: number): Promise<void>;
}

/** The longest wait honoured: an answer asking for more is asked again after this long. */
export const maxBackoffMs = 3_600_000;

/**
 * The waits one service asked of its credentials (a `429`, GitHub's `403`
 * with `x-ratelimit-remaining: 0`): until then, every call with that
 * credential is refused at once. Kept by credential fingerprint (never the
 * token), and shared with other replicas through a {@link BackoffShare}.
 * A service nothing is waiting on costs a call one size check.
 */
export class CredentialBackoff {
  /** Calls refused since start. */
  rejections = 0;
  /** Until when (clock ms) each credential fingerprint waits. */
  private readonly until = new BoundedMap<string, number>(10_000);

  constructor(
    readonly service: ServiceName,
    private readonly fingerprint: (token: string) => string,
    private readonly clock: () => number,
    private readonly share?: BackoffShare | undefined,
  ) {}

  /** Whole seconds the credential must still wait (at least 1), or 0 when it may call; counts a refusal. */
  waitSeconds(token: string): number {
    if (this.until.size === 0) return 0;
    const fingerprint = this.fingerprint(token);
    const until = this.until.get(fingerprint);
    if (until === undefined) return 0;
    const left = until - this.clock();
    if (left <= 0) {
      this.until.delete(fingerprint);
      return 0;
    }
    this.rejections++;
    return Math.max(1, Math.ceil(left / 1000));
  }

  /** The service asked this credential to wait `seconds`: from now on its calls are refused, here and, once shared, on other replicas. */
  async hold(token: string, seconds: number): Promise<void> {
    const ms = Math.min(maxBackoffMs, Math.max(0, seconds * 1000));
    if (ms === 0) return;
    const fingerprint = this.fingerprint(token);
    this.apply(fingerprint, ms);
    await this.share?.publish(this.service, fingerprint, ms);
  }

  /** A wait of `ms` from now for a fingerprint, as another replica shared it (the later end wins). */
  apply(fingerprint: string, ms: number): void {
    const until = this.clock() + Math.min(ms, maxBackoffMs);
    const known = this.until.get(fingerprint);
    if (known === undefined || known < until) this.until.set(fingerprint, until);
  }

  /** How many credentials wait now. */
  get waiting(): number {
    const now = this.clock();
    let count = 0;
    for (const until of this.until.values()) if (until > now) count++;
    return count;
  }

  /** Forgets every wait (the test suite calls it between tests). */
  clear(): void {
    this.until.clear();
  }
}
