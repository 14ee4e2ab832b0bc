/**
 * Lenient readers for HubSpot property values, which always arrive as strings or null. A value
 * that cannot be read becomes null and one `DataIssue`; nothing here throws or yields NaN.
 * Plain functions, not zod: they run for every value of every record in the hot loop.
 */
import type { DataIssueKind, RecordType } from './enums';

/** A value HubSpot sent that the core could not use, reported on the company it belongs to. */
export type DataIssue = {
  recordType: RecordType;
  recordId: string;
  field: string;
  rawValue: string;
  kind: DataIssueKind;
};

/** Where a value came from, so an issue can name it. */
export type ValueSource = { issues: DataIssue[]; recordType: RecordType; recordId: string };

type Raw = string | null | undefined;

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MINUTE_MS = 60_000;
const EPOCH_MILLIS = /^\d{11,14}$/;
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2200;

function report(source: ValueSource, field: string, rawValue: string, kind: DataIssueKind): null {
  source.issues.push({ recordType: source.recordType, recordId: source.recordId, field, rawValue, kind });
  return null;
}

/** A finite number, or null when empty or unreadable (reported). Accepts `1234.5`, `1e3`, `1,234.50`. */
export function readNumber(raw: Raw, source: ValueSource, field: string): number | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  if (text === '') return null;
  let value = Number.NaN;
  if (PLAIN_NUMBER.test(text)) value = Number(text);
  else if (GROUPED_NUMBER.test(text)) value = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) return report(source, field, raw, 'not_a_number');
  return value;
}

/** Like `readNumber`, but a negative value (an amount, a count, a cost) is reported and dropped. */
export function readNonNegativeNumber(raw: Raw, source: ValueSource, field: string): number | null {
  const value = readNumber(raw, source, field);
  if (value !== null && value < 0) return report(source, field, raw as string, 'negative_number');
  return value;
}

/**
 * Epoch milliseconds of an ISO date/date-time (a missing zone means UTC, so results never depend
 * on the machine's time zone) or of an epoch-millisecond string; null when empty or unreadable.
 */
export function readDate(raw: Raw, source: ValueSource, field: string): number | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  if (text === '') return null;
  if (EPOCH_MILLIS.test(text)) return checkYear(Number(text), raw, source, field);
  const match = ISO_DATE.exec(text);
  if (match === null) return report(source, field, raw, 'invalid_date');
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = match[4] === undefined ? 0 : Number(match[4]);
  const minute = match[5] === undefined ? 0 : Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millisecond = match[7] === undefined ? 0 : Number(match[7].slice(0, 3).padEnd(3, '0'));
  // Date.UTC would roll 2023-02-30 over to March: check the calendar first
  if (
    year < EARLIEST_YEAR ||
    year > LATEST_YEAR ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return report(source, field, raw, 'invalid_date');
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return checkYear(local - zoneOffsetMinutes(match[8]) * MINUTE_MS, raw, source, field);
}

/** Like `readDate`, but a date after `nowMs` (a won deal closing in the future, say) is reported and dropped. */
export function readPastDate(raw: Raw, nowMs: number, source: ValueSource, field: string): number | null {
  const millis = readDate(raw, source, field);
  if (millis !== null && millis > nowMs) return report(source, field, raw as string, 'future_date');
  return millis;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function checkYear(millis: number, raw: string, source: ValueSource, field: string): number | null {
  const year = new Date(millis).getUTCFullYear();
  if (!Number.isFinite(millis) || year < EARLIEST_YEAR || year > LATEST_YEAR) {
    return report(source, field, raw, 'invalid_date');
  }
  return millis;
}

/** HubSpot's `true`/`false` (also yes/no/1/0, any case); null when empty or unreadable. */
export function readBoolean(raw: Raw, source: ValueSource, field: string): boolean | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim().toLowerCase();
  if (text === '') return null;
  if (text === 'true' || text === 'yes' || text === '1') return true;
  if (text === 'false' || text === 'no' || text === '0') return false;
  return report(source, field, raw, 'not_a_boolean');
}

/**
 * One option of an enumeration; HubSpot's own options are upper case (`HIGH`), Keystone's lower
 * case (`key`), so the value is compared in the array's case. Null when empty or unknown.
 */
export function readOption<T extends string>(
  raw: Raw,
  options: readonly T[],
  source: ValueSource,
  field: string,
): T | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  if (text === '') return null;
  const upper = options[0] !== undefined && options[0] === options[0].toUpperCase();
  const candidate = upper ? text.toUpperCase() : text.toLowerCase();
  const index = options.indexOf(candidate as T);
  if (index < 0) return report(source, field, raw, 'unknown_value');
  return options[index]!;
}

/** The options of a `;`-separated multi-select (`hs_buying_role`); each unknown part is reported once. */
export function readOptions<T extends string>(
  raw: Raw,
  options: readonly T[],
  source: ValueSource,
  field: string,
): T[] {
  if (raw === null || raw === undefined || raw.trim() === '') return [];
  const values: T[] = [];
  for (const part of raw.split(';')) {
    if (part.trim() === '') continue;
    const value = readOption(part, options, source, field);
    if (value !== null && !values.includes(value)) values.push(value);
  }
  return values;
}

/** A trimmed string, or null when empty. */
export function readText(raw: Raw): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  return text === '' ? null : text;
}
