/**
 * Builders for HubSpot-shaped company records, for table tests and arbitraries alike: dates are
 * given as days before a fixed `NOW`, everything else as HubSpot would send it (strings or null).
 * Use the ready-made `NOW` and `daysAgo`, and `company({...})`/`deal({...})` factories with overrides.
 */
import type { CompanyRecord, CrmRecord } from '../../src/engine/core/snapshot';

export const NOW = new Date('2026-06-01T00:00:00.000Z');
export const NOW_MS = NOW.getTime();
const DAY_MS = 86_400_000;

/** ISO date-time `days` before `NOW` (negative: in the future). */
export function daysAgo(days: number, now: Date = NOW): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

type Properties = Record<string, string | null>;

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${(sequence += 1)}`;

export type DealSpec = {
  id?: string;
  amount?: number | string | null;
  closedDaysAgo?: number | null;
  /** won (default), lost or open */
  state?: 'won' | 'lost' | 'open';
  pipeline?: string;
  currency?: string | null;
  amountInHomeCurrency?: number | string | null;
  properties?: Properties;
};

/** A deal; won and closed 30 days ago for 1,000 unless told otherwise. */
export function deal(spec: DealSpec = {}): CrmRecord {
  const state = spec.state ?? 'won';
  const closedDaysAgo = spec.closedDaysAgo === undefined ? 30 : spec.closedDaysAgo;
  const amount = spec.amount === undefined ? 1000 : spec.amount;
  const properties: Properties = {
    amount: amount === null ? null : String(amount),
    closedate: closedDaysAgo === null ? null : daysAgo(closedDaysAgo),
    hs_is_closed_won: state === 'won' ? 'true' : 'false',
    hs_is_closed: state === 'open' ? 'false' : 'true',
    pipeline: spec.pipeline ?? 'default',
    dealstage: state === 'won' ? 'closedwon' : state === 'lost' ? 'closedlost' : 'appointmentscheduled',
  };
  if (spec.currency !== undefined) properties.deal_currency_code = spec.currency;
  if (spec.amountInHomeCurrency !== undefined) {
    properties.amount_in_home_currency =
      spec.amountInHomeCurrency === null ? null : String(spec.amountInHomeCurrency);
  }
  return { id: spec.id ?? nextId('deal'), properties: { ...properties, ...spec.properties } };
}

/** A ticket created `createdDaysAgo` days ago (default 10), open unless `closedDaysAgo` is given. */
export function ticket(
  spec: {
    id?: string;
    priority?: string | null;
    createdDaysAgo?: number;
    closedDaysAgo?: number | null;
  } = {},
): CrmRecord {
  return {
    id: spec.id ?? nextId('ticket'),
    properties: {
      hs_ticket_priority: spec.priority === undefined ? 'MEDIUM' : spec.priority,
      createdate: daysAgo(spec.createdDaysAgo ?? 10),
      closed_date:
        spec.closedDaysAgo === undefined || spec.closedDaysAgo === null ? null : daysAgo(spec.closedDaysAgo),
    },
  };
}

/** A meeting that started `startedDaysAgo` days ago (default 7), completed unless told otherwise. */
export function meeting(
  spec: { id?: string; startedDaysAgo?: number; outcome?: string | null } = {},
): CrmRecord {
  return {
    id: spec.id ?? nextId('meeting'),
    properties: {
      hs_meeting_start_time: daysAgo(spec.startedDaysAgo ?? 7),
      hs_meeting_outcome: spec.outcome === undefined ? 'COMPLETED' : spec.outcome,
    },
  };
}

/** A contact holding the given HubSpot buying roles (`;`-joined, as HubSpot sends a multi-select). */
export function contact(roles: readonly string[], id?: string): CrmRecord {
  return {
    id: id ?? nextId('contact'),
    properties: { hs_buying_role: roles.length === 0 ? null : roles.join(';') },
  };
}

export type CompanySpec = {
  id?: string;
  properties?: Properties;
  deals?: CrmRecord[];
  tickets?: CrmRecord[];
  meetings?: CrmRecord[];
  contacts?: CrmRecord[];
};

/** A company with no associations and only a name unless told otherwise. */
export function company(spec: CompanySpec = {}): CompanyRecord {
  const id = spec.id ?? nextId('company');
  return {
    id,
    properties: { name: `Company ${id}`, ...spec.properties },
    deals: spec.deals ?? [],
    tickets: spec.tickets ?? [],
    meetings: spec.meetings ?? [],
    contacts: spec.contacts ?? [],
  };
}
