import type { CompanyRecord, CrmRecord } from '../core/snapshot';
import { companyAsOf, timeOf } from './point-in-time';

const AS_OF = new Date('2025-06-30T00:00:00Z');
const before = '2025-01-15T00:00:00.000Z';
const after = '2025-09-01T00:00:00.000Z';

const record = (id: string, properties: CrmRecord['properties']): CrmRecord => ({ id, properties });
const company = (overrides: Partial<CompanyRecord> = {}): CompanyRecord => ({
  id: '1',
  properties: {
    name: 'Acme',
    createdate: '2022-01-01T00:00:00.000Z',
    kam_tier: 'key',
    kam_score: '80',
    kam_loss_reason: 'price',
    kam_strategic_fit: 'high',
  },
  deals: [],
  tickets: [],
  meetings: [],
  contacts: [],
  ...overrides,
});

test('a company created after as-of did not exist then', () => {
  expect(companyAsOf(company({ properties: { createdate: after } }), AS_OF)).toBeNull();
});

test("Keystone's outputs and the after-the-fact loss reason are stripped; other KAM inputs stay", () => {
  expect(companyAsOf(company(), AS_OF)!.properties).toEqual({
    name: 'Acme',
    createdate: '2022-01-01T00:00:00.000Z',
    kam_strategic_fit: 'high',
  });
});

test('a deal won after as-of was open then, with no stage or close date to give the outcome away', () => {
  const deals = [
    record('d1', {
      createdate: before,
      closedate: after,
      hs_is_closed_won: 'true',
      hs_is_closed: 'true',
      dealstage: 'closedwon',
      amount: '100',
    }),
    record('d2', {
      createdate: after,
      closedate: after,
      hs_is_closed_won: 'true',
      hs_is_closed: 'true',
      amount: '100',
    }),
    record('d3', {
      createdate: before,
      closedate: before,
      hs_is_closed_won: 'true',
      hs_is_closed: 'true',
      amount: '100',
    }),
    record('d4', { amount: '100' }),
  ];
  expect(companyAsOf(company({ deals }), AS_OF)!.deals).toEqual([
    record('d1', {
      createdate: before,
      closedate: null,
      hs_is_closed_won: 'false',
      hs_is_closed: 'false',
      dealstage: null,
      amount: '100',
    }),
    deals[2],
  ]);
});

test('tickets by creation (reopened if closed later), meetings by start, contacts by creation', () => {
  const atAsOf = companyAsOf(
    company({
      tickets: [
        record('t1', { createdate: before, closed_date: after, hs_pipeline_stage: '4' }),
        record('t2', { createdate: after }),
      ],
      meetings: [
        record('m1', { hs_meeting_start_time: before }),
        record('m2', { hs_meeting_start_time: after }),
      ],
      contacts: [
        record('c1', { createdate: before }),
        record('c2', { createdate: after }),
        record('c3', { hs_buying_role: 'BLOCKER' }),
      ],
    }),
    AS_OF,
  )!;
  expect(atAsOf.tickets).toEqual([
    record('t1', { createdate: before, closed_date: null, hs_pipeline_stage: null }),
  ]);
  expect(atAsOf.meetings.map((m) => m.id)).toEqual(['m1']);
  // c3 was read without its creation date (the sync does not request it): kept with today's roles
  expect(atAsOf.contacts.map((c) => c.id)).toEqual(['c1', 'c3']);
});

describe('dates are read as the core reads them (so the cut at as-of agrees with what it scores)', () => {
  test.each([
    // no zone: UTC, as the core reads it, whatever the machine's time zone
    ['2025-06-29T23:30:00', Date.UTC(2025, 5, 29, 23, 30)],
    ['2025-06-29T23:30:00.000+02:00', Date.UTC(2025, 5, 29, 21, 30)],
    ['1751155200000', Date.UTC(2025, 5, 29)],
    // an impossible calendar date is unreadable, not rolled over into March
    ['2023-02-30T00:00:00Z', null],
    // a bare year is not a date (as epoch milliseconds it would be January 1970)
    ['2024', null],
    ['not a date', null],
    ['  ', null],
  ])('%s', (text, expected) => {
    expect(timeOf(text)).toBe(expected);
  });
});

test.each([
  ['the company', 'company'],
  ['a contact', 'contact'],
])('a last contact after as-of on %s is unknown then; one before it stays', (_label, where) => {
  const withLastContact = (at: string) =>
    where === 'company'
      ? company({ properties: { createdate: '2022-01-01T00:00:00.000Z', notes_last_contacted: at } })
      : company({ contacts: [record('c1', { createdate: before, notes_last_contacted: at })] });
  const lastContactOf = (at: string) => {
    const asOf = companyAsOf(withLastContact(at), AS_OF)!;
    return where === 'company'
      ? asOf.properties.notes_last_contacted
      : asOf.contacts[0]!.properties.notes_last_contacted;
  };
  expect(lastContactOf(after)).toBeNull();
  expect(lastContactOf(before)).toBe(before);
});
