import { DEFAULT_SCHEDULES, parseSchedule, startScheduler } from './scheduler';

describe('schedules', () => {
  test('the defaults are a nightly incremental run and a weekly full run', () => {
    const incremental = parseSchedule('incremental', DEFAULT_SCHEDULES.incremental, 'UTC');
    const full = parseSchedule('full', DEFAULT_SCHEDULES.full, 'UTC');
    const from = new Date('2026-12-05T15:00:00.000Z'); // a Saturday
    expect(incremental.nextRuns(2, from).map((d) => d.toISOString())).toEqual([
      '2026-12-06T02:00:00.000Z',
      '2026-12-07T02:00:00.000Z',
    ]);
    expect(full.nextRun(from)?.toISOString()).toBe('2026-12-06T03:00:00.000Z');
  });

  test('a time zone shifts the due times', () => {
    const berlin = parseSchedule('incremental', '0 2 * * *', 'Europe/Berlin');
    expect(berlin.nextRun(new Date('2026-12-05T15:00:00.000Z'))?.toISOString()).toBe(
      '2026-12-06T01:00:00.000Z',
    );
  });

  test.each(['61 * * * *', 'every night', '* * *'])('refuses "%s" naming the flag', (cron) => {
    expect(() => parseSchedule('full', cron, 'UTC')).toThrow(/--full-cron/);
  });

  test('startScheduler reports the next firings and stops', () => {
    const scheduler = startScheduler([{ kind: 'full', cron: '0 3 * * 0' }], 'UTC', () => undefined);
    expect(scheduler.next()).toEqual([{ kind: 'full', at: expect.stringMatching(/T03:00:00\.000Z$/) }]);
    scheduler.stop();
  });
});
