import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { LabelledCounter, LabelledHistogram } from './metricSeries.js';
import type { UpstreamObserver } from '../upstreams/http/types.js';
import type { OperationSummary } from './operationPlugin.js';
import { readinessState, type Readiness, type ReadinessState } from './health.js';
import type { UpstreamGuardState } from '../upstreams/Upstreams.js';

const readinessStates: readonly ReadinessState[] = ['ready', 'degraded', 'not ready'];

/** `upstream_circuit_state`'s value for each state. */
const circuitValues: Readonly<Record<UpstreamGuardState['circuit'], number>> = { closed: 0, open: 1, 'half-open': 2 };

/**
 * Current values another part of the gateway reports at every scrape: the
 * cache's counters, open subscriptions, webhook deliveries. Counters are
 * totals since start (monotonic); absent fields are not reported by that source.
 */
export interface MetricsSnapshot {
  readonly cacheHits?: number | undefined;
  readonly cacheMisses?: number | undefined;
  /** Operations answered whole from the cache. */
  readonly responseCacheHits?: number | undefined;
  /** Operations looked up in the whole-answer cache and executed. */
  readonly responseCacheMisses?: number | undefined;
  readonly openSubscriptions?: number | undefined;
  readonly webhookDeliveriesAccepted?: number | undefined;
  readonly webhookDeliveriesRefused?: number | undefined;
  /** `pipelinesChanged` poll loops on this replica: a project and credential scope with subscribers here. */
  readonly projectsWatched?: number | undefined;
  /** Polls of watched projects this replica made (it holds a project's lease), and of those, the failed ones. */
  readonly projectPolls?: number | undefined;
  readonly projectPollFailures?: number | undefined;
}

/** A part of the gateway that reports values when `/metrics` is scraped. */
export interface MetricsSource {
  read(): MetricsSnapshot;
}


/** Operation names are chosen by clients: at most this many distinct ones get their own label. */
const maxOperationNames = 200;
const operationNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The gateway's Prometheus metrics in their own registry: default process
 * metrics, GraphQL operations, upstream calls (labelled by route template,
 * never by raw path) and the values of registered {@link MetricsSource}s.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly sources: MetricsSource[] = [];
  private readonly operationNames = new Set<string>();
  // Recorded on every operation and upstream call: series found by key, not prom-client's per-call label checks.
  private readonly operations = new LabelledCounter('graphql_operations_total', 'GraphQL operations by operation name, type and outcome.');
  private readonly operationDuration = new LabelledHistogram('graphql_operation_duration_seconds', 'Time to answer a GraphQL operation.', latencyBuckets);
  private readonly upstreamRequests = new LabelledCounter(
    'upstream_requests_total',
    'Calls to upstream services by service, route template and HTTP status (or timeout/network).',
  );
  /** The series keys of each service's method and route template and of their statuses, made on first use. */
  private readonly upstreamKeys = new Map<string, Map<string, Map<string, { readonly route: string; readonly series: string; readonly byStatus: Map<number | string, string> }>>>();
  private readonly upstreamDuration = new LabelledHistogram('upstream_request_duration_seconds', 'Duration of upstream calls by service and route template.', latencyBuckets);

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.sourceCounter('cache_hits_total', 'Cache lookups answered from the cache.', (s) => s.cacheHits);
    this.sourceCounter('cache_misses_total', 'Cache lookups that went upstream.', (s) => s.cacheMisses);
    this.sourceCounter('graphql_response_cache_hits_total', 'Operations answered whole from the cache, with no execution.', (s) => s.responseCacheHits);
    this.sourceCounter('graphql_response_cache_misses_total', 'Operations looked up in the whole-answer cache and executed.', (s) => s.responseCacheMisses);
    const sum = (pick: (snapshot: MetricsSnapshot) => number | undefined): number | undefined => this.sum(pick);
    this.sourceGauge('graphql_subscriptions_open', 'GraphQL subscriptions currently open.', (s) => s.openSubscriptions);
    this.sourceCounter('subscription_project_polls_total', 'Polls of projects watched by pipelinesChanged that this replica made (holding their lease).', (s) => s.projectPolls);
    this.sourceCounter('subscription_project_poll_failures_total', 'Of those polls, the ones that failed (then waiting their backoff or the service\'s retryAfter).', (s) => s.projectPollFailures);
    this.sourceGauge('subscription_projects_watched', 'Projects (per credential scope) that pipelinesChanged subscribers on this replica watch: one poll loop each.', (s) => s.projectsWatched);
    new Counter({
      name: 'webhook_deliveries_total',
      help: 'Webhook deliveries received, by outcome.',
      labelNames: ['outcome'],
      registers,
      collect() {
        const accepted = sum((s) => s.webhookDeliveriesAccepted);
        const refused = sum((s) => s.webhookDeliveriesRefused);
        this.reset();
        if (accepted !== undefined) this.inc({ outcome: 'accepted' }, accepted);
        if (refused !== undefined) this.inc({ outcome: 'refused' }, refused);
      },
    });
  }

  /**
   * Reports the gateway's readiness at every scrape as
   * `gateway_readiness{state="ready"|"degraded"|"not ready"}`, 1 for the
   * current state and 0 for the others.
   */
  trackReadiness(check: () => Promise<Readiness>): void {
    new Gauge({
      name: 'gateway_readiness',
      help: 'Readiness state: ready, degraded (serving without Redis) or not ready (shutting down); 1 for the current state.',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const current = readinessState(await check());
        for (const state of readinessStates) this.set({ state }, state === current ? 1 : 0);
      },
    });
  }

  /**
   * Reports each service's protection at every scrape: `upstream_circuit_state{service}`
   * (0 closed, 1 open, 2 half-open), the calls refused by an open circuit
   * (`upstream_circuit_rejections_total`) and by a credential's wait
   * (`upstream_backoff_rejections_total`), the credentials waiting
   * (`upstream_backoff_credentials`), retries (`upstream_retries_total`) and the
   * last remaining budget the service reported (`upstream_ratelimit_remaining`).
   */
  trackUpstreamGuards(states: () => readonly UpstreamGuardState[]): void {
    const registers = [this.registry];
    // Per service, read at each scrape: a gauge is set to the value, a counter to the total since start.
    const series = (Metric: typeof Gauge | typeof Counter, name: string, help: string, pick: (state: UpstreamGuardState) => number | undefined): void => {
      new Metric({
        name,
        help,
        labelNames: ['service'],
        registers,
        collect(this: Gauge | Counter) {
          this.reset();
          for (const state of states()) {
            const value = pick(state);
            if (value === undefined) continue;
            if (this instanceof Gauge) this.set({ service: state.service }, value);
            else this.inc({ service: state.service }, value);
          }
        },
      });
    };
    const gauge = (name: string, help: string, pick: (state: UpstreamGuardState) => number | undefined): void => series(Gauge, name, help, pick);
    const counter = (name: string, help: string, pick: (state: UpstreamGuardState) => number): void => series(Counter, name, help, pick);
    gauge('upstream_circuit_state', "Each service's circuit: 0 closed, 1 open (calls refused), 2 half-open (probing).", (s) => circuitValues[s.circuit]);
    counter('upstream_circuit_rejections_total', 'Calls refused at once because the service circuit was open.', (s) => s.circuitRejections);
    counter('upstream_backoff_rejections_total', 'Calls refused at once because the service had asked their credential to wait (429).', (s) => s.backoffRejections);
    gauge('upstream_backoff_credentials', 'Credentials the service has asked to wait, now.', (s) => s.waitingCredentials);
    counter('upstream_retries_total', 'GET calls sent a second time after a connection reset, 502 or 503.', (s) => s.retries);
    gauge('upstream_ratelimit_remaining', 'The last remaining request budget the service reported (x-ratelimit-remaining or RateLimit-Remaining).', (s) => s.rateLimitRemaining);
  }

  /** Adds a source read at every scrape. */
  addSource(source: MetricsSource): void {
    this.sources.push(source);
  }

  /** Feeds the upstream call metrics. */
  readonly observer: UpstreamObserver = {
    onCall: (event) => {
      // Route templates are the operation tables' own strings: the keys of a call's series are found, not built, per call.
      const { service, method, route, status } = event;
      let byMethod = this.upstreamKeys.get(service);
      if (byMethod === undefined) this.upstreamKeys.set(service, (byMethod = new Map()));
      let byRoute = byMethod.get(method);
      if (byRoute === undefined) byMethod.set(method, (byRoute = new Map()));
      let keys = byRoute.get(route);
      if (keys === undefined) byRoute.set(route, (keys = { route: `${method} ${route}`, series: `${service} ${method} ${route}`, byStatus: new Map() }));
      let statusKey = keys.byStatus.get(status);
      if (statusKey === undefined) keys.byStatus.set(status, (statusKey = `${keys.series} ${status}`));
      const routeLabel = keys.route;
      this.upstreamRequests.inc(statusKey, () => ({ service, route: routeLabel, status: String(status) }));
      this.upstreamDuration.observe(keys.series, () => ({ service, route: routeLabel }), event.durationMs / 1000);
    },
  };

  /** Records one finished GraphQL operation. */
  recordOperation(summary: OperationSummary): void {
    const operation = this.operationLabel(summary.operationName);
    const { operationType: type, outcome } = summary;
    const key = `${operation} ${type} ${outcome}`;
    const labels = (): Record<string, string> => ({ operation, type, outcome });
    this.operations.inc(key, labels);
    this.operationDuration.observe(key, labels, summary.durationMs / 1000);
  }

  /** The Prometheus text exposition. */
  async render(): Promise<{ contentType: string; body: string }> {
    const own = [this.operations, this.operationDuration, this.upstreamRequests, this.upstreamDuration].map((metric) => `\n${metric.render()}\n`).join('');
    return { contentType: this.registry.contentType, body: `${await this.registry.metrics()}${own}` };
  }

  private operationLabel(name: string): string {
    if (!operationNamePattern.test(name)) return name === '' ? 'anonymous' : 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= maxOperationNames) return 'other';
    this.operationNames.add(name);
    return name;
  }

  private sum(pick: (snapshot: MetricsSnapshot) => number | undefined): number | undefined {
    let total: number | undefined;
    for (const source of this.sources) {
      const value = pick(source.read());
      if (value !== undefined) total = (total ?? 0) + value;
    }
    return total;
  }

  private sourceCounter(name: string, help: string, pick: (snapshot: MetricsSnapshot) => number | undefined): void {
    const sum = (): number | undefined => this.sum(pick);
    new Counter({
      name,
      help,
      registers: [this.registry],
      collect() {
        const value = sum();
        this.reset();
        if (value !== undefined) this.inc(value);
      },
    });
  }

  private sourceGauge(name: string, help: string, pick: (snapshot: MetricsSnapshot) => number | undefined): void {
    const sum = (): number | undefined => this.sum(pick);
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        const value = sum();
        if (value !== undefined) this.set(value);
      },
    });
  }
}
