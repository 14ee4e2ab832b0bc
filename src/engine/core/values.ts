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
const MINUTE_MS = 60_000;
// beyond this no CRM amount or count is real, and sums of such values could overflow to Infinity
const LARGEST_NUMBER = 1e15;
const EPOCH_MILLIS = /^\d{11,14}$/;
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2200;
const EARLIEST_MS = Date.UTC(EARLIEST_YEAR, 0, 1);
const LATEST_MS = Date.UTC(LATEST_YEAR + 1, 0, 1) - 1;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function report(source: ValueSource, field: string, rawValue: string, kind: DataIssueKind): null {
  source.issues.push({ recordType: source.recordType, recordId: source.recordId, field, rawValue, kind });
  return null;
}

/** A finite number up to 10^15 in size, or null when empty or unreadable (reported). Accepts `1234.5`, `1e3`, `1,234.50`. */
export function readNumber(raw: Raw, source: ValueSource, field: string): number | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  if (text === '') return null;
  let value = Number.NaN;
  if (PLAIN_NUMBER.test(text)) value = Number(text);
  else if (GROUPED_NUMBER.test(text)) value = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) return report(source, field, raw, 'not_a_number');
  if (Math.abs(value) > LARGEST_NUMBER) return report(source, field, raw, 'out_of_range');
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
  const millis = millisOf(text);
  return millis === null ? report(source, field, raw, 'invalid_date') : millis;
}

/**
 * `readDate` for a reader that counts no issues (the backtest's cut at as-of): the same reading,
 * so a record is before or after a date exactly when the scoring thinks it is.
 */
export function dateValueOf(raw: Raw): number | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  return text === '' ? null : millisOf(text);
}

/** Epoch milliseconds of a trimmed, non-empty date text; null when unreadable or out of range. */
function millisOf(text: string): number | null {
  const millis = EPOCH_MILLIS.test(text) ? Number(text) : parseIsoMillis(text);
  return millis >= EARLIEST_MS && millis <= LATEST_MS ? millis : null;
}

/** Like `readDate`, but a date after `nowMs` (a won deal closing in the future, say) is reported and dropped. */
export function readPastDate(raw: Raw, nowMs: number, source: ValueSource, field: string): number | null {
  const millis = readDate(raw, source, field);
  if (millis !== null && millis > nowMs) return report(source, field, raw as string, 'future_date');
  return millis;
}

/**
 * `YYYY-MM-DD`, optionally `THH:MM`, `:SS`, `.fraction` (1–9 digits) and a zone (`Z`, `±HH:MM`,
 * `±HHMM`); NaN for anything else, including impossible calendar dates (2023-02-30), which
 * `Date.parse` would roll over. Hand-written because it runs for every date of every record.
 */
function parseIsoMillis(text: string): number {
  const length = text.length;
  if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  let offsetMinutes = 0;
  let index = 10;
  if (index < length) {
    const separator = text.charCodeAt(index);
    if ((separator !== 84 && separator !== 32) || text.charCodeAt(index + 3) !== 58) return Number.NaN; // 'T' or ' ', then HH:
    hour = digitsAt(text, index + 1, 2);
    minute = digitsAt(text, index + 4, 2);
    index += 6;
    if (text.charCodeAt(index) === 58) {
      second = digitsAt(text, index + 1, 2);
      index += 3;
      if (text.charCodeAt(index) === 46) {
        let digits = 0;
        index += 1;
        for (
          let code = text.charCodeAt(index) - 48;
          code >= 0 && code <= 9;
          code = text.charCodeAt(index) - 48
        ) {
          if (digits < 3) millisecond = millisecond * 10 + code;
          digits += 1;
          index += 1;
        }
        if (digits === 0 || digits > 9) return Number.NaN;
        for (let padded = digits; padded < 3; padded += 1) millisecond *= 10;
      }
    }
    const zone = text.charCodeAt(index);
    if (zone === 90) {
      index += 1;
    } else if (zone === 43 || zone === 45) {
      const zoneHours = digitsAt(text, index + 1, 2);
      let minutesAt = index + 3;
      if (text.charCodeAt(minutesAt) === 58) minutesAt += 1;
      const zoneMinutes = digitsAt(text, minutesAt, 2);
      if (zoneHours < 0 || zoneMinutes < 0) return Number.NaN;
      offsetMinutes = (zone === 43 ? 1 : -1) * (zoneHours * 60 + zoneMinutes);
      index = minutesAt + 2;
    }
  }
  if (index !== length || year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12)
    return Number.NaN;
  if (day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return Number.NaN;
  if (second < 0 || second > 59) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * MINUTE_MS;
}

/** The number written by `count` digits at `start`, or -1 if any of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && isLeap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/**
 * Whether a date that `readDate` read is written exactly as `toISOString` would write it
 * (`2024-05-01T09:30:00.000Z`): then the text itself can stand for the date, no new string needed.
 * Only the layout is checked; that the digits make a valid date is `readDate`'s part.
 */
export function isIsoString(raw: Raw): raw is string {
  return (
    raw !== null &&
    raw !== undefined &&
    raw.length === 24 &&
    isDigit(raw.charCodeAt(0)) &&
    raw.charCodeAt(4) === 45 && // -
    raw.charCodeAt(7) === 45 &&
    raw.charCodeAt(10) === 84 && // T
    raw.charCodeAt(13) === 58 && // :
    raw.charCodeAt(16) === 58 &&
    raw.charCodeAt(19) === 46 && // .
    raw.charCodeAt(23) === 90 // Z
  );
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** HubSpot's `true`/`false` (also yes/no/1/0, any case); null when empty or unreadable. */
export function readBoolean(raw: Raw, source: ValueSource, field: string): boolean | null {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
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
  const exact = options.indexOf(raw as T);
  if (exact >= 0) return options[exact]!;
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
  // most contacts hold one role: no split (and no list of parts) for them
  if (!raw.includes(';')) {
    const value = readOption(raw, options, source, field);
    return value === null ? [] : [value];
  }
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
