import { generateCompanies, generatePortfolio } from './index';
import {
  BUYING_ROLES,
  CURRENCIES,
  DEAL_PIPELINES,
  ICP_TIERS,
  INDUSTRIES,
  INPUT_LEVELS,
  LOSS_REASONS,
  MEETING_OUTCOMES,
  OWNER_IDS,
  PAYMENT_DISCIPLINE,
  PERCEPTION_LEVELS,
  REPUTATION_LEVELS,
  TICKET_PIPELINE,
  TICKET_PRIORITIES,
  type DealPipelineId,
} from './hubspot-values';
import { NOW, NOW_MS, YEAR_MS, decimal, isOpen, isWon, time } from './test-utils/facts';
import type { CompanyRecord, CrmRecord } from './types';

const options = { companies: 1_000, seed: 3, now: NOW };
const { snapshot, groundTruth } = generatePortfolio(options);
const dirtyIds = new Set(groundTruth.dirtyData.flatMap((dirty) => (dirty.objectId ? [dirty.objectId] : [])));

const KINDS = ['deals', 'tickets', 'meetings', 'contacts'] as const;
const records = (kind: (typeof KINDS)[number]): CrmRecord[] =>
  snapshot.companies.flatMap((company) => company[kind]);
const BOOLEAN = ['true', 'false'];

describe('determinism', () => {
  test('the same seed gives a byte-identical portfolio and ground truth', () => {
    const again = generatePortfolio(options);
    expect(again).toEqual({ snapshot, groundTruth });
    expect(JSON.stringify(again.snapshot)).toBe(JSON.stringify(snapshot));
  });

  test('another seed gives another portfolio', () => {
    const other = generatePortfolio({ ...options, seed: 4 });
    expect(other.snapshot.companies[0]).not.toEqual(snapshot.companies[0]);
    expect(other.groundTruth.archetypes).not.toEqual(groundTruth.archetypes);
  });

  test('generating one company at a time gives the same companies', () => {
    const streamed = [...generateCompanies(options)].map((generated) => generated.company);
    expect(streamed).toEqual(snapshot.companies);
  });
});

describe('shape', () => {
  test('the snapshot header carries the schema version, time and home currency', () => {
    expect(snapshot).toMatchObject({
      schemaVersion: 1,
      takenAt: '2025-06-30T00:00:00.000Z',
      homeCurrency: 'USD',
    });
    expect(snapshot.companies).toHaveLength(1_000);
    expect(groundTruth).toMatchObject({ seed: 3, companies: 1_000, now: '2025-06-30T00:00:00.000Z' });
    expect(Object.keys(groundTruth.archetypes)).toEqual(snapshot.companies.map((company) => company.id));
  });

  test('every property value is a string or null', () => {
    const all = [...snapshot.companies, ...KINDS.flatMap(records)];
    for (const record of all) {
      for (const value of Object.values(record.properties))
        expect(value === null || typeof value === 'string').toBe(true);
    }
  });

  test('ids are numeric strings, unique per object type (a shared record is the same record)', () => {
    const byType: Record<string, CrmRecord[]> = {
      companies: snapshot.companies,
      ...Object.fromEntries(KINDS.map((k) => [k, records(k)])),
    };
    for (const list of Object.values(byType)) {
      const seen = new Map<string, string>();
      for (const record of list) {
        expect(record.id).toMatch(/^[1-9]\d*$/);
        const json = JSON.stringify(record);
        expect(seen.get(record.id) ?? json).toBe(json);
        seen.set(record.id, json);
      }
    }
    expect(new Set(snapshot.companies.map((company) => company.id)).size).toBe(1_000);
  });

  test('contact emails are unique across the portal', () => {
    const byEmail = new Map<string, string>();
    for (const contact of records('contacts')) {
      const email = contact.properties.email ?? '';
      expect(byEmail.get(email) ?? contact.id).toBe(contact.id);
      byEmail.set(email, contact.id);
    }
  });
});

describe('enumeration values', () => {
  const expectIn = (value: string | null | undefined, allowed: readonly (string | null)[]): void => {
    expect(allowed).toContain(value);
  };

  test('company enumerations use internal values', () => {
    for (const { properties: p } of snapshot.companies) {
      expectIn(p.industry, INDUSTRIES);
      expectIn(p.hs_ideal_customer_profile, [...ICP_TIERS, null]);
      expectIn(p.hubspot_owner_id, OWNER_IDS);
      expectIn(p.hs_is_target_account, BOOLEAN);
      expectIn(p.kam_market_reputation, [...REPUTATION_LEVELS, null]);
      expectIn(p.kam_growth_potential, [...INPUT_LEVELS, null]);
      expectIn(p.kam_strategic_fit, [...INPUT_LEVELS, null]);
      expectIn(p.kam_perception_level, [...PERCEPTION_LEVELS, null]);
      expectIn(p.kam_payment_discipline, [...PAYMENT_DISCIPLINE, null]);
      expectIn(p.kam_recommends_us, [...BOOLEAN, null]);
      expectIn(p.kam_loss_reason, [...LOSS_REASONS, null]);
    }
  });

  test('deal stages belong to their pipeline and agree with hs_is_closed_won / hs_is_closed', () => {
    for (const { properties: p } of records('deals')) {
      const stages = DEAL_PIPELINES[p.pipeline as DealPipelineId];
      expect(stages).toBeDefined();
      expectIn(
        p.deal_currency_code,
        CURRENCIES.map((currency) => currency.code),
      );
      const expected =
        p.dealstage === stages.won
          ? ['true', 'true']
          : p.dealstage === stages.lost
            ? ['false', 'true']
            : ['false', 'false'];
      if (expected[1] === 'false') expectIn(p.dealstage, stages.open);
      expect([p.hs_is_closed_won, p.hs_is_closed]).toEqual(expected);
    }
  });

  test('tickets, meetings and contacts use HubSpot values', () => {
    for (const { properties: p } of records('tickets')) {
      expectIn(p.hs_ticket_priority, TICKET_PRIORITIES);
      expect(p.hs_pipeline).toBe(TICKET_PIPELINE.id);
      expect(p.hs_pipeline_stage === TICKET_PIPELINE.closed).toBe(p.closed_date !== null);
    }
    for (const { properties: p } of records('meetings')) {
      expectIn(p.hs_meeting_outcome, MEETING_OUTCOMES);
      // SCHEDULED exactly for meetings still to come
      expect(p.hs_meeting_outcome === 'SCHEDULED').toBe((time(p.hs_meeting_start_time) ?? 0) > NOW_MS);
    }
    for (const contact of records('contacts')) {
      for (const role of contact.properties.hs_buying_role?.split(';') ?? []) expectIn(role, BUYING_ROLES);
    }
  });
});

describe('values', () => {
  const clean = (deal: CrmRecord): boolean => !dirtyIds.has(deal.id);

  test('amounts are plain decimals and the home amount is the USD conversion', () => {
    for (const deal of records('deals').filter(clean)) {
      const amount = decimal(deal.properties.amount);
      const home = decimal(deal.properties.amount_in_home_currency);
      const rate = CURRENCIES.find(
        (currency) => currency.code === deal.properties.deal_currency_code,
      )?.usdPerUnit;
      expect(amount).toBeGreaterThan(0);
      expect(home).toBeCloseTo((amount ?? 0) * (rate ?? 0), 1);
    }
  });

  test('datetimes are ISO 8601 with milliseconds in UTC', () => {
    const datetimes: [CrmRecord, string[]][] = [
      ...snapshot.companies.map((c): [CrmRecord, string[]] => [
        c,
        ['createdate', 'notes_last_contacted', 'hs_lastmodifieddate'],
      ]),
      ...records('deals')
        .filter(clean)
        .map((d): [CrmRecord, string[]] => [d, ['closedate', 'createdate']]),
      ...records('tickets').map((t): [CrmRecord, string[]] => [t, ['createdate', 'closed_date']]),
      ...records('meetings').map((m): [CrmRecord, string[]] => [
        m,
        ['hs_meeting_start_time', 'hs_timestamp'],
      ]),
    ];
    for (const [record, names] of datetimes) {
      for (const name of names) {
        const value = record.properties[name];
        if (value !== null) expect(time(value)).not.toBeNull();
      }
    }
  });

  test('deals cover four years before now; open deals close after now, closed ones before', () => {
    const deals = records('deals').filter(clean);
    const closes = deals.map((deal) => time(deal.properties.closedate) ?? NaN);
    expect(Math.min(...closes)).toBeLessThan(NOW_MS - 3.9 * YEAR_MS);
    expect(Math.min(...closes)).toBeGreaterThanOrEqual(NOW_MS - 4 * YEAR_MS);
    for (const deal of deals) {
      expect(time(deal.properties.createdate)).toBeLessThanOrEqual(NOW_MS);
      const closeAt = time(deal.properties.closedate) ?? NaN;
      if (isOpen(deal)) expect(closeAt).toBeGreaterThan(NOW_MS);
      else expect(closeAt).toBeLessThanOrEqual(NOW_MS);
    }
  });

  test('both pipelines, several currencies and every meeting outcome occur', () => {
    const deals = records('deals');
    expect(new Set(deals.map((deal) => deal.properties.pipeline))).toEqual(new Set(['default', 'renewals']));
    expect(new Set(deals.map((deal) => deal.properties.deal_currency_code)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(records('meetings').map((m) => m.properties.hs_meeting_outcome))).toEqual(
      new Set(MEETING_OUTCOMES),
    );
    expect(deals.filter(isWon).length).toBeGreaterThan(deals.length / 3);
  });

  test('companies have about ten deals each by default, and dealsPerCompany scales that', () => {
    const mean = (companies: CompanyRecord[]): number =>
      companies.reduce((sum, company) => sum + company.deals.length, 0) / companies.length;
    expect(mean(snapshot.companies)).toBeGreaterThan(8.5);
    expect(mean(snapshot.companies)).toBeLessThan(11.5);
    const denser = generatePortfolio({ ...options, dealsPerCompany: 20 }).snapshot.companies;
    expect(mean(denser)).toBeGreaterThan(1.5 * mean(snapshot.companies));
  });

  test('hs_num_decision_makers counts the decision makers among the contacts', () => {
    const sharedContacts = new Set(
      groundTruth.dirtyData
        .filter((d) => d.kind === 'contact_shared_by_two_companies')
        .map((d) => d.companyId),
    );
    for (const company of snapshot.companies.filter((c) => !sharedContacts.has(c.id))) {
      const count = company.contacts.filter((c) =>
        c.properties.hs_buying_role?.split(';').includes('DECISION_MAKER'),
      ).length;
      expect(company.properties.hs_num_decision_makers).toBe(String(count));
    }
  });
});

describe('options', () => {
  test('zero companies give an empty portfolio', () => {
    const empty = generatePortfolio({ ...options, companies: 0 });
    expect(empty.snapshot.companies).toEqual([]);
    expect(empty.groundTruth.archetypes).toEqual({});
  });

  test.each([
    [{ companies: -1 }, /companies must be a non-negative integer/],
    [{ companies: 1.5 }, /companies must be a non-negative integer/],
    [{ seed: 0.5 }, /seed must be an integer/],
    [{ now: new Date('nope') }, /now must be a valid date/],
    [{ dealsPerCompany: -2 }, /dealsPerCompany must be a non-negative number/],
  ])('rejects %p', (override, message) => {
    expect(() => generatePortfolio({ ...options, ...override })).toThrow(message);
  });
});
