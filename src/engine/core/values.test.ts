import { HUBSPOT_BUYING_ROLES, HUBSPOT_TICKET_PRIORITIES, TIERS } from './enums';
import {
  readBoolean,
  readDate,
  readNonNegativeNumber,
  readNumber,
  readOption,
  readOptions,
  readPastDate,
  type DataIssue,
  type ValueSource,
} from './values';

const sourceOf = (): ValueSource => ({ issues: [] as DataIssue[], recordType: 'deal', recordId: 'd-1' });

describe('readNumber', () => {
  test.each<[string | null | undefined, number | null]>([
    ['1234.5', 1234.5],
    [' 42 ', 42],
    ['-3', -3],
    ['1e3', 1000],
    ['.5', 0.5],
    ['1,234.50', 1234.5],
    [null, null],
    [undefined, null],
    ['', null],
    ['   ', null],
  ])('reads %p as %p without an issue', (raw, expected) => {
    const source = sourceOf();
    expect(readNumber(raw, source, 'amount')).toBe(expected);
    expect(source.issues).toEqual([]);
  });

  test.each(['abc', '12abc', 'NaN', 'Infinity', '1e999', '0x10', '1,23', '€100', '--1'])(
    'reports %p as not a number and returns null',
    (raw) => {
      const source = sourceOf();
      expect(readNumber(raw, source, 'amount')).toBeNull();
      expect(source.issues).toEqual([
        { recordType: 'deal', recordId: 'd-1', field: 'amount', rawValue: raw, kind: 'not_a_number' },
      ]);
    },
  );

  test('a number beyond 10^15 is reported as out of range (sums of such values would overflow)', () => {
    const source = sourceOf();
    expect(readNumber('1.8e304', source, 'amount')).toBeNull();
    expect(source.issues.map((issue) => issue.kind)).toEqual(['out_of_range']);
  });

  test('a negative amount is reported and dropped where amounts cannot be negative', () => {
    const source = sourceOf();
    expect(readNonNegativeNumber('-100', source, 'amount')).toBeNull();
    expect(source.issues.map((issue) => issue.kind)).toEqual(['negative_number']);
  });
});

describe('readDate', () => {
  test.each<[string, string]>([
    ['2025-03-04T10:20:30.456Z', '2025-03-04T10:20:30.456Z'],
    ['2025-03-04T10:20:30Z', '2025-03-04T10:20:30.000Z'],
    ['2025-03-04', '2025-03-04T00:00:00.000Z'],
    ['2025-03-04T10:20:30', '2025-03-04T10:20:30.000Z'], // no zone: UTC, whatever the machine's zone
    ['2025-03-04 10:20', '2025-03-04T10:20:00.000Z'],
    ['2025-03-04T10:20:30+02:00', '2025-03-04T08:20:30.000Z'],
    ['2025-03-04T10:20:30-0130', '2025-03-04T11:50:30.000Z'],
    ['2025-03-04T10:20:30.123456789Z', '2025-03-04T10:20:30.123Z'],
    ['1741083630456', '2025-03-04T10:20:30.456Z'], // epoch milliseconds, as some HubSpot endpoints send
  ])('reads %p', (raw, iso) => {
    const source = sourceOf();
    expect(new Date(readDate(raw, source, 'closedate') as number).toISOString()).toBe(iso);
    expect(source.issues).toEqual([]);
  });

  test.each([
    'yesterday',
    '2025-02-30',
    '2025-13-01',
    '2025-03-04T25:00:00Z',
    '04/03/2025',
    '0050-01-01',
    '2025',
    '99999999999999',
  ])('reports %p as an invalid date', (raw) => {
    const source = sourceOf();
    expect(readDate(raw, source, 'closedate')).toBeNull();
    expect(source.issues.map((issue) => issue.kind)).toEqual(['invalid_date']);
  });

  test('a date after now is reported as a future date where only the past makes sense', () => {
    const source = sourceOf();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(readPastDate('2026-01-02', now, source, 'closedate')).toBeNull();
    expect(readPastDate('2025-12-31', now, source, 'closedate')).toBe(Date.parse('2025-12-31T00:00:00Z'));
    expect(source.issues).toEqual([
      {
        recordType: 'deal',
        recordId: 'd-1',
        field: 'closedate',
        rawValue: '2026-01-02',
        kind: 'future_date',
      },
    ]);
  });
});

describe('readBoolean', () => {
  test.each<[string | null, boolean | null]>([
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['1', true],
    ['false', false],
    ['No', false],
    ['0', false],
    [null, null],
    ['', null],
  ])('reads %p as %p', (raw, expected) => {
    expect(readBoolean(raw, sourceOf(), 'hs_is_closed_won')).toBe(expected);
  });

  test('reports anything else', () => {
    const source = sourceOf();
    expect(readBoolean('maybe', source, 'hs_is_closed_won')).toBeNull();
    expect(source.issues.map((issue) => issue.kind)).toEqual(['not_a_boolean']);
  });
});

describe('readOption', () => {
  test('matches HubSpot upper-case options and Keystone lower-case ones in any case', () => {
    const source = sourceOf();
    expect(readOption('high', HUBSPOT_TICKET_PRIORITIES, source, 'hs_ticket_priority')).toBe('HIGH');
    expect(readOption(' Key ', TIERS, source, 'kam_tier')).toBe('key');
    expect(source.issues).toEqual([]);
  });

  test('reports an unknown option', () => {
    const source = sourceOf();
    expect(readOption('platinum', TIERS, source, 'kam_tier')).toBeNull();
    expect(source.issues).toEqual([
      { recordType: 'deal', recordId: 'd-1', field: 'kam_tier', rawValue: 'platinum', kind: 'unknown_value' },
    ]);
  });

  test('reads a multi-select, skipping empty parts and reporting each unknown one', () => {
    const source = sourceOf();
    expect(
      readOptions(
        'DECISION_MAKER;;champion;GURU;DECISION_MAKER',
        HUBSPOT_BUYING_ROLES,
        source,
        'hs_buying_role',
      ),
    ).toEqual(['DECISION_MAKER', 'CHAMPION']);
    expect(source.issues.map((issue) => issue.rawValue)).toEqual(['GURU']);
  });
});
