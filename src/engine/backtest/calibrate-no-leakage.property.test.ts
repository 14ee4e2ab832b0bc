/**
 * The calibration's point-in-time rule as a property (issue #17): no record dated after an as-of
 * date (added, or altered, including the outcome of a deal that closed after it) changes what the
 * risk score's examples at that date read: the evidence of every warning sign and both baselines.
 * Only the outcome (what followed) may change.
 */
import fc from 'fast-check';
import { generatePortfolio } from '../../../emulator/generator';
import type { CompanyRecord, CrmRecord } from '../core/snapshot';
import { DEFAULT_SCORING_MODEL } from '../settings';
import { riskExamplesAt } from './risk-examples';
import { timeOf } from './point-in-time';

const NOW = new Date('2026-06-30T00:00:00Z');
const AS_OF = new Date('2025-06-30T00:00:00Z');
const { snapshot } = generatePortfolio({ companies: 60, seed: 11, now: NOW });
const COMPANIES = snapshot.companies as CompanyRecord[];

const futureIso = fc
  .integer({ min: AS_OF.getTime() + 1000, max: NOW.getTime() })
  .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString());

type Kind = 'deals' | 'tickets' | 'meetings' | 'contacts';
type Edit =
  | { kind: 'add'; companyIndex: number; type: Kind; at: string; value: string }
  | { kind: 'alter_future'; pick: number; value: string; at: string }
  | { kind: 'flip_late_deal'; pick: number; at: string; won: boolean }
  | { kind: 'new_company'; at: string; value: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    companyIndex: fc.nat({ max: COMPANIES.length - 1 }),
    type: fc.constantFrom<Kind>('deals', 'tickets', 'meetings', 'contacts'),
    at: futureIso,
    value: fc.constantFrom('50000', 'HIGH', 'NO_SHOW', 'BLOCKER', '1'),
  }),
  fc.record({
    kind: fc.constant('alter_future' as const),
    pick: fc.nat(),
    value: fc.constantFrom('999999', 'URGENT', 'CANCELED', 'CHAMPION'),
    at: futureIso,
  }),
  fc.record({
    kind: fc.constant('flip_late_deal' as const),
    pick: fc.nat(),
    at: futureIso,
    won: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('new_company' as const),
    at: futureIso,
    value: fc.constantFrom('10', '250000'),
  }),
);

function newRecord(id: string, type: Kind, at: string, value: string): CrmRecord {
  switch (type) {
    case 'deals':
      return {
        id,
        properties: {
          createdate: at,
          closedate: at,
          amount: value,
          hs_is_closed_won: 'true',
          hs_is_closed: 'true',
          pipeline: 'default',
          dealstage: 'closedwon',
        },
      };
    case 'tickets':
      return {
        id,
        properties: { createdate: at, hs_ticket_priority: value, closed_date: null, hs_pipeline_stage: '1' },
      };
    case 'meetings':
      return { id, properties: { hs_meeting_start_time: at, hs_meeting_outcome: value } };
    case 'contacts':
      return { id, properties: { createdate: at, hs_buying_role: value } };
  }
}

const isFuture = (record: CrmRecord) =>
  (timeOf(record.properties.createdate ?? record.properties.hs_meeting_start_time) ?? 0) > AS_OF.getTime();

function applyEdits(edits: readonly Edit[]): CompanyRecord[] {
  const companies: CompanyRecord[] = structuredClone(COMPANIES);
  const all = (predicate: (r: CrmRecord) => boolean) =>
    companies.flatMap((c) => [...c.deals, ...c.tickets, ...c.meetings, ...c.contacts]).filter(predicate);
  const lateDeals = companies
    .flatMap((c) => c.deals)
    .filter((d) => !isFuture(d) && (timeOf(d.properties.closedate) ?? 0) > AS_OF.getTime());
  edits.forEach((e, n) => {
    if (e.kind === 'add') companies[e.companyIndex]![e.type].push(newRecord(`x${n}`, e.type, e.at, e.value));
    else if (e.kind === 'alter_future') {
      const future = all(isFuture);
      const target = future[e.pick % Math.max(future.length, 1)];
      if (target)
        for (const key of Object.keys(target.properties))
          if (key !== 'createdate' && key !== 'hs_meeting_start_time') target.properties[key] = e.value;
    } else if (e.kind === 'flip_late_deal') {
      const deal = lateDeals[e.pick % Math.max(lateDeals.length, 1)];
      if (deal) {
        deal.properties.closedate = e.at;
        deal.properties.hs_is_closed_won = String(e.won);
        deal.properties.hs_is_closed = 'true';
        deal.properties.dealstage = e.won ? 'closedwon' : 'closedlost';
      }
    } else {
      companies.push({
        id: `9${n}`,
        properties: { name: 'Newco', createdate: e.at },
        deals: [newRecord(`y${n}`, 'deals', e.at, e.value)],
        tickets: [],
        meetings: [],
        contacts: [],
      });
    }
  });
  return companies;
}

const features = (companies: readonly CompanyRecord[]) =>
  riskExamplesAt({
    companies,
    asOf: AS_OF,
    horizonMonths: 12,
    declineShare: 0.5,
    model: DEFAULT_SCORING_MODEL,
    homeCurrency: snapshot.homeCurrency,
  }).map((example) => [
    example.companyId,
    Array.from(example.evidence),
    example.daysSinceLastWon,
    example.quarterTrend,
    example.yearsOfHistory,
  ]);

test('the calibration never reads a record dated after the as-of date', () => {
  const baseline = features(COMPANIES);
  expect(baseline.length).toBeGreaterThan(10);
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      expect(features(applyEdits(edits))).toEqual(baseline);
    }),
    { numRuns: 60 },
  );
});
