/**
 * The portfolio as it stood at an earlier date, rebuilt from today's records: only what was
 * dated on or before that date survives, so a backtest cannot see the future it is judged on.
 */
import type { CompanyRecord, CrmRecord } from '../core/snapshot';
import { dateValueOf } from '../core/values';
import { KAM_OUTPUT_PROPERTY_NAMES } from '../hubspot/kam-properties';

/**
 * Company values that are today's and would give the outcome away: Keystone's outputs, and the
 * loss reason, which a manager records once a client is lost or declining (methodology §9 step 3).
 * Other KAM inputs (reputation, perception, …) are slow judgements kept as they are today.
 */
const STRIPPED_COMPANY_PROPERTIES: ReadonlySet<string> = new Set([
  ...KAM_OUTPUT_PROPERTY_NAMES,
  'kam_loss_reason',
]);

/**
 * Epoch ms of a HubSpot datetime (ISO or epoch-ms string), read exactly as the core reads it (a
 * missing zone is UTC, an impossible date is unreadable); null when empty or unreadable.
 */
export function timeOf(value: string | null | undefined): number | null {
  return dateValueOf(value);
}

function isClosedDeal(deal: CrmRecord): boolean {
  const p = deal.properties;
  const stage = p.dealstage?.trim().toLowerCase() ?? '';
  return (
    p.hs_is_closed_won === 'true' ||
    p.hs_is_closed === 'true' ||
    stage === 'closedwon' ||
    stage === 'closedlost'
  );
}

/** The earlier of two times, either of which may be unknown. */
function earliest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

/**
 * A deal exists from its creation, or from its close date when that is earlier: a deal closed
 * before it was created was imported (a migrated portal), and its close date is the history. One
 * with neither date cannot be placed in time and is left out rather than risk a leak.
 */
function dealAsOf(deal: CrmRecord, asOfMs: number): CrmRecord | null {
  const createdAt = timeOf(deal.properties.createdate);
  const closedAt = timeOf(deal.properties.closedate);
  const existedFrom = earliest(createdAt, closedAt);
  if (existedFrom === null || existedFrom > asOfMs) return null;
  if (!isClosedDeal(deal) || (closedAt !== null && closedAt <= asOfMs)) return deal;
  // Closed after as-of (or on an unknown date): open then. Its stage and expected close date at
  // that time are not in today's record, and the real close date would give the outcome away.
  return {
    id: deal.id,
    properties: {
      ...deal.properties,
      hs_is_closed_won: 'false',
      hs_is_closed: 'false',
      dealstage: null,
      closedate: null,
    },
  };
}

/** A ticket exists from its creation, or from its close date when that is earlier (imported). */
function ticketAsOf(ticket: CrmRecord, asOfMs: number): CrmRecord | null {
  const closedAt = timeOf(ticket.properties.closed_date);
  const existedFrom = earliest(timeOf(ticket.properties.createdate), closedAt);
  if (existedFrom === null || existedFrom > asOfMs) return null;
  if (closedAt === null || closedAt <= asOfMs) return ticket;
  // closed later: still open at as-of, in a stage today's record does not tell
  return { id: ticket.id, properties: { ...ticket.properties, closed_date: null, hs_pipeline_stage: null } };
}

/** Meetings by start time: what was held (or missed) by as-of. A meeting booked then for later is not visible without its creation date. */
function meetingAsOf(meeting: CrmRecord, asOfMs: number): CrmRecord | null {
  const startAt = timeOf(meeting.properties.hs_meeting_start_time);
  return startAt === null || startAt > asOfMs ? null : meeting;
}

/**
 * Contacts by creation date; one read without it (the sync does not request it) is kept, roles as
 * of today. In a company imported after as-of, contacts created within a day of the company came
 * with the import: when they joined is unknown, so they are kept like contacts without a date.
 */
function contactAsOf(contact: CrmRecord, asOfMs: number, importedAtMs: number | null): CrmRecord | null {
  const kept = { ...contact, properties: withoutLaterContact(contact.properties, asOfMs) };
  if (!('createdate' in contact.properties)) return kept;
  const createdAt = timeOf(contact.properties.createdate);
  if (createdAt === null) return null;
  if (createdAt <= asOfMs) return kept;
  return importedAtMs !== null && createdAt <= importedAtMs + IMPORT_WINDOW_MS ? kept : null;
}

/**
 * A company's or a contact's `notes_last_contacted` after as-of: the contact before it is not in
 * today's record, so it is unknown rather than leaked.
 */
function withoutLaterContact<T extends Record<string, string | null>>(properties: T, asOfMs: number): T {
  const lastContactedAt = timeOf(properties.notes_last_contacted);
  return lastContactedAt !== null && lastContactedAt > asOfMs
    ? { ...properties, notes_last_contacted: null }
    : properties;
}

const IMPORT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The earliest time anything of the company is dated: its creation, a deal, a ticket or a meeting. */
function firstDatedAt(company: CompanyRecord): number | null {
  let first = timeOf(company.properties.createdate);
  for (const deal of company.deals) {
    first = earliest(first, earliest(timeOf(deal.properties.createdate), timeOf(deal.properties.closedate)));
  }
  for (const ticket of company.tickets) {
    first = earliest(
      first,
      earliest(timeOf(ticket.properties.createdate), timeOf(ticket.properties.closed_date)),
    );
  }
  for (const meeting of company.meetings)
    first = earliest(first, timeOf(meeting.properties.hs_meeting_start_time));
  return first;
}

function keep(
  records: readonly CrmRecord[],
  asOfMs: number,
  at: (r: CrmRecord, ms: number, importedAtMs: number | null) => CrmRecord | null,
  importedAtMs: number | null = null,
) {
  const kept: CrmRecord[] = [];
  for (const record of records) {
    const atAsOf = at(record, asOfMs, importedAtMs);
    if (atAsOf !== null) kept.push(atAsOf);
  }
  return kept;
}

/**
 * One company at as-of, or null when nothing of it is dated on or before as-of. A company created
 * after as-of whose deals, tickets or meetings are older was imported (a migrated portal): it
 * existed then, and counts.
 */
export function companyAsOf(company: CompanyRecord, asOf: Date): CompanyRecord | null {
  const asOfMs = asOf.getTime();
  const createdAt = timeOf(company.properties.createdate);
  const existedFrom = firstDatedAt(company);
  if (existedFrom !== null && existedFrom > asOfMs) return null;
  const importedAtMs = createdAt !== null && createdAt > asOfMs ? createdAt : null;
  const properties: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(company.properties)) {
    if (!STRIPPED_COMPANY_PROPERTIES.has(name)) properties[name] = value;
  }
  return {
    id: company.id,
    properties: withoutLaterContact(properties, asOfMs),
    deals: keep(company.deals, asOfMs, dealAsOf),
    tickets: keep(company.tickets, asOfMs, ticketAsOf),
    meetings: keep(company.meetings, asOfMs, meetingAsOf),
    contacts: keep(company.contacts, asOfMs, contactAsOf, importedAtMs),
  };
}

/**
 * The portfolio as it stood at `asOf`, using only records dated on or before it.
 * @example portfolioAsOf(snapshot.companies, new Date('2025-06-30T00:00:00Z'))
 */
export function portfolioAsOf(companies: readonly CompanyRecord[], asOf: Date): CompanyRecord[] {
  return portfolioAsOfCounted(companies, asOf).companies;
}

export type AsOfCounts = {
  /** Companies created after as-of but with older history: imported, counted from their history. */
  importedAfterAsOf: number;
  /** Companies with nothing dated on or before as-of: not customers yet, left out. */
  leftOutNothingBefore: number;
};

/** `portfolioAsOf` with the counts a backtest reports on who was counted and who was left out. */
export function portfolioAsOfCounted(
  companies: readonly CompanyRecord[],
  asOf: Date,
): { companies: CompanyRecord[]; counts: AsOfCounts } {
  const asOfMs = asOf.getTime();
  const result: CompanyRecord[] = [];
  const counts: AsOfCounts = { importedAfterAsOf: 0, leftOutNothingBefore: 0 };
  for (const company of companies) {
    const atAsOf = companyAsOf(company, asOf);
    if (atAsOf === null) {
      counts.leftOutNothingBefore += 1;
      continue;
    }
    const createdAt = timeOf(company.properties.createdate);
    if (createdAt !== null && createdAt > asOfMs) counts.importedAfterAsOf += 1;
    result.push(atAsOf);
  }
  return { companies: result, counts };
}
