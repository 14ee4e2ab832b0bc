/**
 * When `kam serve` runs the portfolio: cron expressions (5 fields, or 6 with seconds), parsed and
 * timed by croner, in a time zone (UTC unless told). Each firing asks the runner for a run; the
 * runner refuses while one is under way, so runs never overlap.
 */
import { Cron } from 'croner';
import { KeystoneError } from '../errors';
import type { RunKind } from './portfolio-runner';

/** Nightly incremental at 02:00, the weekly full run Sunday 03:00 (the full run refreshes references). */
export const DEFAULT_SCHEDULES: Readonly<Record<RunKind, string>> = {
  incremental: '0 2 * * *',
  full: '0 3 * * 0',
};

export type Schedule = { kind: RunKind; cron: string };

export type Scheduler = {
  /** The next firing of each schedule. */
  next(): { kind: RunKind; at: string | null }[];
  stop(): void;
};

/** Checks a cron expression; a clear error names the flag. */
export function parseSchedule(kind: RunKind, cron: string, timezone: string): Cron {
  try {
    return new Cron(cron, { timezone, mode: '5-or-6-parts', paused: true });
  } catch (error) {
    throw new KeystoneError(
      'input.invalid',
      `--${kind}-cron "${cron}": ${(error as Error).message} (5 fields: minute hour day-of-month month day-of-week, or 6 with seconds first)`,
    );
  }
}

/**
 * Starts the schedules; `fire(kind)` is called at each due time.
 * @example startScheduler([{ kind: 'full', cron: '0 3 * * 0' }], 'UTC', (kind) => runner.request(kind, 'schedule'))
 */
export function startScheduler(
  schedules: readonly Schedule[],
  timezone: string,
  fire: (kind: RunKind) => void,
): Scheduler {
  for (const { kind, cron } of schedules) parseSchedule(kind, cron, timezone).stop();
  const jobs = schedules.map(
    ({ kind, cron }) => [kind, new Cron(cron, { timezone, mode: '5-or-6-parts' }, () => fire(kind))] as const,
  );
  return {
    next: () => jobs.map(([kind, job]) => ({ kind, at: job.nextRun()?.toISOString() ?? null })),
    stop: () => {
      for (const [, job] of jobs) job.stop();
    },
  };
}
