/**
 * Data defects of real portals (issue #3): missing and unparsable amounts, a credit note, a won
 * deal "closing" in the future, broken dates, a company with nothing associated, and associations
 * that should have been removed (one deal or contact listed under two companies). Planted only on
 * ordinary companies, so the planted archetypes keep clean signals; every case is listed in the
 * ground truth.
 */
import type { Random } from './prng';
import { DAY_MS, isoTime } from './time';
import {
  DIRTY_DATA_KINDS,
  type CompanyRecord,
  type CrmRecord,
  type DirtyDataCase,
  type DirtyDataKind,
} from './types';

/** Share of ordinary companies with one defect (besides the first of each kind, always planted). */
export const DIRTY_COMPANY_SHARE = 0.04;

export const ODD_AMOUNT_STRINGS = ['n/a', '1,000.50', '—', ''] as const;
export const BAD_DATE_STRINGS = [
  '31/12/2022',
  'not a date',
  '2022-13-01T00:00:00Z',
  '2023-02-30T10:00:00.000Z',
] as const;

const isWon = (deal: CrmRecord): boolean => deal.properties.hs_is_closed_won === 'true';
const isClosed = (deal: CrmRecord): boolean => deal.properties.hs_is_closed === 'true';

/** Plants defects company by company; remembers the previous company to share an association with. */
export class DirtyDataPlanter {
  private readonly pending = new Set<DirtyDataKind>(DIRTY_DATA_KINDS);
  private lastWithDeals: CompanyRecord | null = null;
  private lastWithContacts: CompanyRecord | null = null;

  constructor(private readonly now: number) {}

  /** Mutates `company` when it gets a defect; returns the cases planted. */
  plant(random: Random, company: CompanyRecord, isOrdinary: boolean): DirtyDataCase[] {
    let planted: DirtyDataCase | null = null;
    if (isOrdinary) {
      const kind = [...this.pending].find((candidate) => this.applies(candidate, company));
      if (kind !== undefined) planted = this.apply(random, kind, company);
      else if (random.chance(DIRTY_COMPANY_SHARE)) {
        const candidates = DIRTY_DATA_KINDS.filter((candidate) => this.applies(candidate, company));
        if (candidates.length > 0) planted = this.apply(random, random.pick(candidates), company);
      }
      if (planted) this.pending.delete(planted.kind);
    }
    if (company.deals.length > 0) this.lastWithDeals = company;
    if (company.contacts.length > 0) this.lastWithContacts = company;
    return planted ? [planted] : [];
  }

  private applies(kind: DirtyDataKind, company: CompanyRecord): boolean {
    switch (kind) {
      case 'missing_amount':
      case 'odd_amount_string':
        return company.deals.length > 0;
      case 'negative_amount':
      case 'future_close_on_won_deal':
        return company.deals.some(isWon);
      case 'bad_date_string':
        return company.deals.some(isClosed);
      case 'company_without_associations':
        return true;
      case 'deal_shared_by_two_companies':
        return this.lastWithDeals !== null;
      case 'contact_shared_by_two_companies':
        return this.lastWithContacts !== null;
    }
  }

  private apply(random: Random, kind: DirtyDataKind, company: CompanyRecord): DirtyDataCase {
    const companyId = company.id;
    const anyDeal = (): CrmRecord =>
      random.pick(company.deals.some(isWon) ? company.deals.filter(isWon) : company.deals);
    switch (kind) {
      case 'missing_amount': {
        const deal = anyDeal();
        deal.properties.amount = null;
        deal.properties.amount_in_home_currency = null;
        return { kind, companyId, objectId: deal.id };
      }
      case 'odd_amount_string': {
        const deal = anyDeal();
        const odd = random.pick(ODD_AMOUNT_STRINGS);
        deal.properties.amount = odd;
        deal.properties.amount_in_home_currency = odd === '1,000.50' ? odd : null;
        return { kind, companyId, objectId: deal.id };
      }
      case 'negative_amount': {
        // a credit note booked as a won deal with a negative amount
        const deal = random.pick(company.deals.filter(isWon));
        deal.properties.amount = `-${deal.properties.amount ?? '0'}`;
        deal.properties.amount_in_home_currency = `-${deal.properties.amount_in_home_currency ?? '0'}`;
        return { kind, companyId, objectId: deal.id };
      }
      case 'future_close_on_won_deal': {
        const deal = random.pick(company.deals.filter(isWon));
        deal.properties.closedate = isoTime(
          Math.floor((this.now + random.between(10, 200) * DAY_MS) / 1000) * 1000,
        );
        return { kind, companyId, objectId: deal.id };
      }
      case 'bad_date_string': {
        const deal = random.pick(company.deals.filter(isClosed));
        deal.properties.closedate = random.pick(BAD_DATE_STRINGS);
        return { kind, companyId, objectId: deal.id };
      }
      case 'company_without_associations':
        company.deals = [];
        company.tickets = [];
        company.meetings = [];
        company.contacts = [];
        company.properties.notes_last_contacted = null;
        company.properties.hs_num_decision_makers = '0';
        return { kind, companyId };
      case 'deal_shared_by_two_companies': {
        const other = this.lastWithDeals as CompanyRecord;
        const deal = random.pick(other.deals);
        company.deals.push(deal);
        return { kind, companyId, objectId: deal.id, otherCompanyId: other.id };
      }
      case 'contact_shared_by_two_companies': {
        const other = this.lastWithContacts as CompanyRecord;
        const contact = random.pick(other.contacts);
        company.contacts.push(contact);
        return { kind, companyId, objectId: contact.id, otherCompanyId: other.id };
      }
    }
  }
}
