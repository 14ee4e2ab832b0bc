import { generatePortfolio } from './index';
import { BAD_DATE_STRINGS, ODD_AMOUNT_STRINGS } from './dirty-data';
import { NOW, NOW_MS, decimal, time } from './test-utils/facts';
import { DIRTY_DATA_KINDS, type CompanyRecord, type CrmRecord, type DirtyDataKind } from './types';

const { snapshot, groundTruth } = generatePortfolio({ companies: 1_000, seed: 21, now: NOW });
const companyById = new Map(snapshot.companies.map((company) => [company.id, company]));
const casesOf = (kind: DirtyDataKind) => groundTruth.dirtyData.filter((dirty) => dirty.kind === kind);
const dealOf = (companyId: string, dealId: string | undefined): CrmRecord | undefined =>
  companyById.get(companyId)?.deals.find((deal) => deal.id === dealId);

test.each(DIRTY_DATA_KINDS)('the ground truth lists at least one %s case', (kind) => {
  expect(casesOf(kind).length).toBeGreaterThanOrEqual(1);
});

test('defects affect a few percent of companies, all of them ordinary', () => {
  const companies = new Set(groundTruth.dirtyData.map((dirty) => dirty.companyId));
  expect(companies.size / snapshot.companies.length).toBeGreaterThan(0.01);
  expect(companies.size / snapshot.companies.length).toBeLessThan(0.08);
  for (const companyId of companies) expect(groundTruth.archetypes[companyId]).toBe('ordinary');
});

describe('each listed defect is visible in the raw records', () => {
  test('missing amounts are null', () => {
    for (const dirty of casesOf('missing_amount')) {
      expect(dealOf(dirty.companyId, dirty.objectId)?.properties).toMatchObject({
        amount: null,
        amount_in_home_currency: null,
      });
    }
  });

  test('odd amount strings are not numbers', () => {
    for (const dirty of casesOf('odd_amount_string')) {
      const amount = dealOf(dirty.companyId, dirty.objectId)?.properties.amount;
      expect(ODD_AMOUNT_STRINGS).toContain(amount);
      expect(decimal(amount)).toBeNull();
    }
  });

  test('negative amounts are on won deals', () => {
    for (const dirty of casesOf('negative_amount')) {
      const deal = dealOf(dirty.companyId, dirty.objectId);
      expect(deal?.properties.hs_is_closed_won).toBe('true');
      expect(decimal(deal?.properties.amount)).toBeLessThan(0);
      expect(decimal(deal?.properties.amount_in_home_currency)).toBeLessThan(0);
    }
  });

  test('some won deals close in the future', () => {
    for (const dirty of casesOf('future_close_on_won_deal')) {
      const deal = dealOf(dirty.companyId, dirty.objectId);
      expect(deal?.properties.hs_is_closed_won).toBe('true');
      expect(time(deal?.properties.closedate)).toBeGreaterThan(NOW_MS);
    }
  });

  test('bad date strings are not ISO 8601 datetimes', () => {
    for (const dirty of casesOf('bad_date_string')) {
      const closedate = dealOf(dirty.companyId, dirty.objectId)?.properties.closedate;
      expect(BAD_DATE_STRINGS).toContain(closedate);
      expect(time(closedate)).toBeNull();
    }
  });

  test('a company without associations has nothing under it', () => {
    for (const dirty of casesOf('company_without_associations')) {
      const company = companyById.get(dirty.companyId) as CompanyRecord;
      expect([company.deals, company.tickets, company.meetings, company.contacts]).toEqual([[], [], [], []]);
    }
  });

  test.each([
    ['deal_shared_by_two_companies', 'deals'],
    ['contact_shared_by_two_companies', 'contacts'],
  ] as const)('%s: the same record is listed under both companies', (kind, list) => {
    for (const dirty of casesOf(kind)) {
      const here = companyById.get(dirty.companyId)?.[list].find((record) => record.id === dirty.objectId);
      const there = companyById
        .get(dirty.otherCompanyId ?? '')
        ?.[list].find((record) => record.id === dirty.objectId);
      expect(here).toBeDefined();
      expect(here).toEqual(there);
      expect(dirty.otherCompanyId).not.toBe(dirty.companyId);
    }
  });
});
