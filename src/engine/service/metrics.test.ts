import { Metrics } from './metrics';

describe('Metrics (Prometheus text format)', () => {
  test('renders HELP, TYPE and samples, labels sorted and escaped', () => {
    const metrics = new Metrics();
    metrics.declare('keystone_events_total', 'Events', 'counter');
    metrics.inc('keystone_runs_total', 'Runs', 1, { outcome: 'failed', kind: 'full' });
    metrics.inc('keystone_runs_total', 'Runs', 2, { kind: 'full', outcome: 'failed' });
    metrics.set('keystone_last_run_duration_seconds', 'Duration', 1.5, { kind: 'a"b\\c' });
    expect(metrics.render()).toBe(
      [
        '# HELP keystone_events_total Events',
        '# TYPE keystone_events_total counter',
        'keystone_events_total 0',
        '# HELP keystone_last_run_duration_seconds Duration',
        '# TYPE keystone_last_run_duration_seconds gauge',
        'keystone_last_run_duration_seconds{kind="a\\"b\\\\c"} 1.5',
        '# HELP keystone_runs_total Runs',
        '# TYPE keystone_runs_total counter',
        'keystone_runs_total{kind="full",outcome="failed"} 3',
        '',
      ].join('\n'),
    );
  });

  test('never takes NaN, a negative increment or a name without the keystone_ prefix', () => {
    const metrics = new Metrics();
    metrics.set('keystone_x', 'X', Number.NaN);
    metrics.inc('keystone_y_total', 'Y', -1);
    expect(metrics.get('keystone_x')).toBeUndefined();
    expect(metrics.get('keystone_y_total')).toBeUndefined();
    expect(() => metrics.inc('other_total', 'Other')).toThrow(/keystone_/);
  });
});
