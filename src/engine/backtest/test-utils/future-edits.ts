/**
 * Edits dated after an as-of date, for the point-in-time properties (the backtest's and the
 * calibration's): records added after it, future records altered, deals that closed after it
 * flipped, companies created after it. Whatever reads the portfolio as it stood at as-of must not
 * see any of them.
 */
import fc from 'fast-check';
import type { CompanyRecord, CrmRecord } from '../../core/snapshot';
import { timeOf } from '../point-in-time';

type Kind = 'deals' | 'tickets' | 'meetings' | 'contacts';
export type FutureEdit =
  | { kind: 'add'; companyIndex: number; type: Kind; at: string; value: string }
  | { kind: 'alter_future'; pick: number; value: string; at: string }
  | { kind: 'flip_late_deal'; pick: number; at: string; won: boolean }
  | { kind: 'new_company'; at: string; value: string };

/** Edits of `base` dated in (`asOf`, `now`], and how to apply them to a copy of it. */
export function futureEditsOf(
  base: readonly CompanyRecord[],
  asOf: Date,
  now: Date,
): { edit: fc.Arbitrary<FutureEdit>; applyEdits: (edits: readonly FutureEdit[]) => CompanyRecord[] } {
  const futureIso = fc
    .integer({ min: asOf.getTime() + 1000, max: now.getTime() })
    .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString());

  const edit: fc.Arbitrary<FutureEdit> = fc.oneof(
    fc.record({
      kind: fc.constant('add' as const),
      companyIndex: fc.nat({ max: base.length - 1 }),
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
          properties: {
            createdate: at,
            hs_ticket_priority: value,
            closed_date: null,
            hs_pipeline_stage: '1',
          },
        };
      case 'meetings':
        return { id, properties: { hs_meeting_start_time: at, hs_meeting_outcome: value } };
      case 'contacts':
        return { id, properties: { createdate: at, hs_buying_role: value } };
    }
  }

  const isFuture = (record: CrmRecord) =>
    (timeOf(record.properties.createdate ?? record.properties.hs_meeting_start_time) ?? 0) > asOf.getTime();

  function applyEdits(edits: readonly FutureEdit[]): CompanyRecord[] {
    const companies: CompanyRecord[] = structuredClone(base) as CompanyRecord[];
    const all = (predicate: (r: CrmRecord) => boolean) =>
      companies.flatMap((c) => [...c.deals, ...c.tickets, ...c.meetings, ...c.contacts]).filter(predicate);
    const lateDeals = companies
      .flatMap((c) => c.deals)
      .filter((d) => !isFuture(d) && (timeOf(d.properties.closedate) ?? 0) > asOf.getTime());
    edits.forEach((e, n) => {
      if (e.kind === 'add')
        companies[e.companyIndex]![e.type].push(newRecord(`x${n}`, e.type, e.at, e.value));
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

  return { edit, applyEdits };
}
