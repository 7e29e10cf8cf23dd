import { describe, expect, it } from 'vitest';
import { LabelledCounter, LabelledHistogram } from '../../src/server/metricSeries.js';

describe('labelled metrics in the Prometheus text format', () => {
  it('a histogram renders cumulative buckets, +Inf, sum and count per label set', () => {
    const histogram = new LabelledHistogram('call_seconds', 'Call time.', [0.1, 1]);
    const a = (): Record<string, string> => ({ service: 'gitlab' });
    histogram.observe('gitlab', a, 0.05);
    histogram.observe('gitlab', a, 0.1);
    histogram.observe('gitlab', a, 0.5);
    histogram.observe('gitlab', a, 7);
    histogram.observe('concord', () => ({ service: 'concord' }), 2);
    histogram.observe('concord', () => ({ service: 'concord' }), Number.NaN);
    expect(histogram.render().split('\n')).toEqual([
      '# HELP call_seconds Call time.',
      '# TYPE call_seconds histogram',
      'call_seconds_bucket{service="gitlab",le="0.1"} 2',
      'call_seconds_bucket{service="gitlab",le="1"} 3',
      'call_seconds_bucket{service="gitlab",le="+Inf"} 4',
      'call_seconds_sum{service="gitlab"} 7.65',
      'call_seconds_count{service="gitlab"} 4',
      'call_seconds_bucket{service="concord",le="0.1"} 0',
      'call_seconds_bucket{service="concord",le="1"} 0',
      'call_seconds_bucket{service="concord",le="+Inf"} 1',
      'call_seconds_sum{service="concord"} 2',
      'call_seconds_count{service="concord"} 1',
    ]);
  });

  it('a counter keeps one series per key, with its labels escaped', () => {
    const counter = new LabelledCounter('ops_total', 'Operations.');
    let made = 0;
    const labels = (): Record<string, string> => {
      made++;
      return { operation: 'a"b\\c\nd' };
    };
    counter.inc('x', labels);
    counter.inc('x', labels, 2);
    counter.inc('y', () => ({ operation: 'plain' }));
    expect(made).toBe(1);
    expect(counter.render().split('\n')).toEqual([
      '# HELP ops_total Operations.',
      '# TYPE ops_total counter',
      'ops_total{operation="a\\"b\\\\c\\nd"} 3',
      'ops_total{operation="plain"} 1',
    ]);
  });
});
