/**
 * The backtest's point-in-time rule as a property: no record dated after the as-of date (added,
 * or altered, including the outcome of a deal that closed after it) changes the as-of scores.
 */
import fc from 'fast-check';
import { generatePortfolio } from '../../../emulator/generator';
import type { CompanyRecord, CrmRecord } from '../core/snapshot';
import { DEFAULT_SCORING_MODEL } from '../settings';
import { runBacktest, scoreAsOf } from './run-backtest';
import { timeOf } from './point-in-time';

const NOW = new Date('2026-06-30T00:00:00Z');
const AS_OF = new Date('2025-06-30T00:00:00Z');
const { snapshot } = generatePortfolio({ companies: 40, seed: 11, now: NOW });
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

const asOfScores = (companies: readonly CompanyRecord[]) =>
  scoreAsOf(companies, AS_OF, DEFAULT_SCORING_MODEL, snapshot.homeCurrency);

test('adding or altering records dated after as-of leaves every as-of score identical', () => {
  const baseline = asOfScores(COMPANIES);
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      expect(asOfScores(applyEdits(edits))).toEqual(baseline);
    }),
    { numRuns: 60 },
  );
});

test("the backtest's per-account as-of scores ignore the future too", () => {
  const run = (companies: CompanyRecord[]) => {
    const result = runBacktest({
      companies,
      now: NOW,
      asOf: AS_OF,
      horizon: { months: 12 },
      declineShare: 0.5,
      homeCurrency: snapshot.homeCurrency,
      activeModel: DEFAULT_SCORING_MODEL,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.value.accounts.map((account) => [account.companyId, account.active]);
  };
  const baseline = run(COMPANIES);
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      expect(run(applyEdits(edits))).toEqual(baseline);
    }),
    { numRuns: 20 },
  );
});
