/**
 * Arbitraries for single HubSpot property values: mostly plausible, sometimes garbage (the core
 * must survive both), always a string or null as HubSpot sends them.
 */
import fc from 'fast-check';
import { NOW_MS } from './company-builders';

const DAY_MS = 86_400_000;

/** Values that no reader should accept, or that look almost right. */
export const garbageValueArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'abc',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '--1',
    '0x1F',
    '12,3',
    '€100',
    'null',
    'undefined',
  ),
  fc.constantFrom(
    '2025-02-30',
    '2025-13-01',
    '31/12/2024',
    '99999999999999',
    'yesterday',
    'true?',
    'KEY ',
    'Tier_9',
  ),
  fc.string({ maxLength: 12 }),
  fc.double().map(String),
);

/** A value that is sometimes null and sometimes garbage, otherwise drawn from `valid`. */
export function valueArb(valid: fc.Arbitrary<string>, garbage = true): fc.Arbitrary<string | null> {
  return fc.oneof(
    { arbitrary: valid, weight: 6 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: garbage ? garbageValueArb : valid, weight: garbage ? 1 : 0 },
  );
}

/** A non-negative amount as HubSpot formats it (integer or decimal). */
export const amountTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 5_000_000 }).map(String),
  fc.double({ min: 0, max: 1_000_000, noNaN: true }).map((value) => value.toFixed(2)),
);

/** An ISO date-time `minDays`…`maxDays` days before `NOW` (negative: after it). */
export function dateTextArb(minDays: number, maxDays: number): fc.Arbitrary<string> {
  return fc
    .integer({ min: Math.round(minDays * 24), max: Math.round(maxDays * 24) })
    .map((hours) => new Date(NOW_MS - (hours * DAY_MS) / 24).toISOString());
}

export const booleanTextArb: fc.Arbitrary<string> = fc.constantFrom('true', 'false', 'TRUE', 'False');

/** One of an enumeration's values, as HubSpot would send it. */
export function optionTextArb(options: readonly string[]): fc.Arbitrary<string> {
  return fc.constantFrom(...options);
}
