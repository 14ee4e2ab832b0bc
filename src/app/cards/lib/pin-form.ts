/**
 * The card's pin form, checked before the call so a manager sees what is missing next to the
 * field. The function checks the same rules again against its own clock and the admin key
 * (docs/decisions/0004-who-may-pin.md): nothing here is a permission.
 */
import { PIN_MAX_DAYS, PIN_REASON_MAX_LENGTH, type Strategy, type Tier } from '@keystone/shared';

const DAY_MS = 24 * 3600_000;

/** A day as DateInput gives it: `month` starts at 0. */
export type CalendarDay = { year: number; month: number; date: number };

export type PinFormValues = {
  tier: Tier;
  strategy: Strategy | null;
  reason: string;
  expiry: CalendarDay | null;
  adminKey: string;
};

export type PinFormField = 'reason' | 'expiry' | 'adminKey';
export type PinFormError =
  | 'reasonRequired'
  | 'reasonTooLong'
  | 'expiryRequired'
  | 'expiryNotFuture'
  | 'expiryTooFar'
  | 'adminKeyRequired';
export type PinFormErrors = Partial<Record<PinFormField, PinFormError>>;

/** The pin ends at the start (UTC) of the chosen day. */
export function expiryInstant(day: CalendarDay): Date {
  return new Date(Date.UTC(day.year, day.month, day.date));
}

export function calendarDayOf(instant: Date): CalendarDay {
  return { year: instant.getUTCFullYear(), month: instant.getUTCMonth(), date: instant.getUTCDate() };
}

/** The first and last days the form offers, for DateInput's `min` and `max`. */
export function expiryBounds(now: Date): { min: CalendarDay; max: CalendarDay } {
  const lastMs = now.getTime() + PIN_MAX_DAYS * DAY_MS;
  return { min: calendarDayOf(new Date(now.getTime() + DAY_MS)), max: calendarDayOf(new Date(lastMs)) };
}

export function validatePinForm(values: PinFormValues, now: Date): PinFormErrors {
  const errors: PinFormErrors = {};
  const reason = values.reason.trim();
  if (reason === '') errors.reason = 'reasonRequired';
  else if (reason.length > PIN_REASON_MAX_LENGTH) errors.reason = 'reasonTooLong';
  if (values.expiry === null) errors.expiry = 'expiryRequired';
  else {
    const expiresMs = expiryInstant(values.expiry).getTime();
    if (expiresMs <= now.getTime()) errors.expiry = 'expiryNotFuture';
    else if (expiresMs > now.getTime() + PIN_MAX_DAYS * DAY_MS) errors.expiry = 'expiryTooFar';
  }
  const keyErrors = validateAdminKey(values.adminKey);
  return { ...errors, ...keyErrors };
}

export function validateAdminKey(adminKey: string): PinFormErrors {
  return adminKey.trim() === '' ? { adminKey: 'adminKeyRequired' } : {};
}

export const hasErrors = (errors: PinFormErrors) => Object.keys(errors).length > 0;
