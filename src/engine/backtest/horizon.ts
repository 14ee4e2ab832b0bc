/** Backtest windows: a horizon like `12m`, and calendar arithmetic in UTC. */
import type { ValidationResult } from '../core/validation';

export type Horizon = { months: number };

/** Parses `12m`, `18m` or `1y`/`2y` (whole months; days would not line up with revenue years). */
export function parseHorizon(text: string): ValidationResult<Horizon> {
  const match = /^\s*(\d{1,3})\s*([my])\s*$/i.exec(text);
  const months = match ? Number(match[1]) * (match[2]!.toLowerCase() === 'y' ? 12 : 1) : 0;
  if (months < 1 || months > 120) {
    return {
      ok: false,
      issues: [
        {
          path: 'horizon',
          message: `must be months like "12m" or years like "1y" (1 to 120 months), got "${text}"`,
        },
      ],
    };
  }
  return { ok: true, value: { months } };
}

/** The same day-of-month and time `months` later (or earlier), clamped to the month's last day. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
