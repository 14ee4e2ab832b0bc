/**
 * Date and time flags (`--now`, `--since`, `--as-of`, `--from`, `--to`): one strict reading for
 * every command. `new Date()` alone accepts "5" or "March" and rolls 2026-02-30 over to March;
 * a flag that moves what is scored must be exactly the day the user meant.
 */
import { KeystoneError } from '../src/engine/errors';

// a day, optionally with a time and a zone: 2026-11-01, 2026-11-01T09:30, 2026-11-01T09:30:00.000Z
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The moment an ISO date or time flag names; throws `input.invalid` naming the flag otherwise. */
export function parseTimeFlag(flag: string, value: string): Date {
  const text = value.trim();
  const match = ISO_DATE_TIME.exec(text);
  const date = new Date(text);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  const isRealDay =
    calendarDay.getUTCFullYear() === year &&
    calendarDay.getUTCMonth() === month - 1 &&
    calendarDay.getUTCDate() === day;
  if (!match || !isRealDay || Number.isNaN(date.getTime()))
    throw new KeystoneError('input.invalid', `${flag} must be an ISO date or time, got "${value}"`);
  return date;
}
