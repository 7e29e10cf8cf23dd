/**
 * Counters and histograms recorded on every operation and upstream call,
 * rendered in the Prometheus text format after the registry's own metrics.
 * prom-client's metrics validate and hash the label object on every
 * observation; here a call site finds its series once by a key built from
 * the label values, and an observation is a few additions.
 */
abstract class LabelledMetric<Series> {
  private readonly series = new Map<string, { readonly labels: string; readonly values: Series }>();

  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly type: 'counter' | 'histogram',
  ) {}

  /** The series of these label values, made the first time; `key` must differ whenever any label value does. */
  protected seriesOf(key: string, labels: () => Readonly<Record<string, string>>): Series {
    let found = this.series.get(key);
    if (found === undefined) {
      found = { labels: labelText(labels()), values: this.empty() };
      this.series.set(key, found);
    }
    return found.values;
  }

  protected abstract empty(): Series;

  /** The sample lines of one series, given its rendered labels (`a="1",b="2"`). */
  protected abstract lines(labels: string, series: Series): string[];

  /** The metric in the Prometheus text exposition format. */
  render(): string {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`];
    for (const { labels, values } of this.series.values()) out.push(...this.lines(labels, values));
    return out.join('\n');
  }
}

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

function labelText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}="${escapeLabel(value)}"`)
    .join(',');
}

/** A counter per label set. */
export class LabelledCounter extends LabelledMetric<{ total: number }> {
  constructor(name: string, help: string) {
    super(name, help, 'counter');
  }

  inc(key: string, labels: () => Readonly<Record<string, string>>, by = 1): void {
    this.seriesOf(key, labels).total += by;
  }

  protected empty(): { total: number } {
    return { total: 0 };
  }

  protected lines(labels: string, series: { total: number }): string[] {
    return [`${this.name}{${labels}} ${series.total}`];
  }
}

interface HistogramSeries {
  /** Observations per bucket (not cumulative); the last counts those above every bound. */
  readonly counts: number[];
  sum: number;
  count: number;
}

/** A histogram per label set with fixed upper bounds: `_bucket` (cumulative, with `le`), `_sum` and `_count`. */
export class LabelledHistogram extends LabelledMetric<HistogramSeries> {
  constructor(
    name: string,
    help: string,
    private readonly bounds: readonly number[],
  ) {
    super(name, help, 'histogram');
  }

  observe(key: string, labels: () => Readonly<Record<string, string>>, value: number): void {
    if (!Number.isFinite(value)) return;
    const series = this.seriesOf(key, labels);
    let bucket = 0;
    while (bucket < this.bounds.length && value > (this.bounds[bucket] as number)) bucket++;
    series.counts[bucket] = (series.counts[bucket] as number) + 1;
    series.sum += value;
    series.count += 1;
  }

  protected empty(): HistogramSeries {
    return { counts: new Array<number>(this.bounds.length + 1).fill(0), sum: 0, count: 0 };
  }

  protected lines(labels: string, series: HistogramSeries): string[] {
    const out: string[] = [];
    let cumulative = 0;
    this.bounds.forEach((bound, index) => {
      cumulative += series.counts[index] as number;
      out.push(`${this.name}_bucket{${labels},le="${bound}"} ${cumulative}`);
    });
    out.push(`${this.name}_bucket{${labels},le="+Inf"} ${series.count}`);
    out.push(`${this.name}_sum{${labels}} ${series.sum}`);
    out.push(`${this.name}_count{${labels}} ${series.count}`);
    return out;
  }
}
