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
    const offending = all.flatMap((record) =>
      Object.entries(record.properties)
        .filter(([, value]) => value !== null && typeof value !== 'string')
        .map(([name, value]) => `${record.id}.${name}=${String(value)}`),
    );
    expect(offending).toEqual([]);
  });

  test('ids are numeric strings, unique per object type (a shared record is the same record)', () => {
    for (const list of [snapshot.companies, ...KINDS.map(records)]) {
      const seen = new Map<string, CrmRecord>();
      const offending = list.filter((record) => {
        const earlier = seen.get(record.id);
        seen.set(record.id, record);
        return !/^[1-9]\d*$/.test(record.id) || (earlier !== undefined && earlier !== record);
      });
      expect(offending).toEqual([]);
    }
    expect(new Set(snapshot.companies.map((company) => company.id)).size).toBe(1_000);
  });

  test('contact emails are unique across the portal', () => {
    const byEmail = new Map<string, string>();
    const offending = records('contacts').filter((contact) => {
      const email = contact.properties.email ?? '';
      const earlier = byEmail.get(email);
      byEmail.set(email, contact.id);
      return earlier !== undefined && earlier !== contact.id;
    });
    expect(offending).toEqual([]);
  });
});

/** Names of properties whose value is outside the allowed ones, as `id.name=value`. */
function outside(list: readonly CrmRecord[], allowed: Record<string, readonly (string | null)[]>): string[] {
  return list.flatMap((record) =>
    Object.entries(allowed)
      .filter(([name, values]) => !values.includes(record.properties[name] ?? null))
      .map(([name]) => `${record.id}.${name}=${record.properties[name]}`),
  );
}

describe('enumeration values', () => {
  test('company enumerations use internal values', () => {
    expect(
      outside(snapshot.companies, {
        industry: INDUSTRIES,
        hs_ideal_customer_profile: [...ICP_TIERS, null],
        hubspot_owner_id: OWNER_IDS,
        hs_is_target_account: BOOLEAN,
        kam_market_reputation: [...REPUTATION_LEVELS, null],
        kam_growth_potential: [...INPUT_LEVELS, null],
        kam_strategic_fit: [...INPUT_LEVELS, null],
        kam_perception_level: [...PERCEPTION_LEVELS, null],
        kam_payment_discipline: [...PAYMENT_DISCIPLINE, null],
        kam_recommends_us: [...BOOLEAN, null],
        kam_loss_reason: [...LOSS_REASONS, null],
      }),
    ).toEqual([]);
  });

  test('deal stages belong to their pipeline and agree with hs_is_closed_won / hs_is_closed', () => {
    const deals = records('deals');
    expect(
      outside(deals, {
        pipeline: Object.keys(DEAL_PIPELINES),
        deal_currency_code: CURRENCIES.map((c) => c.code),
      }),
    ).toEqual([]);
    const offending = deals.filter(({ properties: p }) => {
      const stages = DEAL_PIPELINES[p.pipeline as DealPipelineId];
      const flags = `${p.hs_is_closed_won}/${p.hs_is_closed}`;
      if (p.dealstage === stages.won) return flags !== 'true/true';
      if (p.dealstage === stages.lost) return flags !== 'false/true';
      return flags !== 'false/false' || !(stages.open as readonly string[]).includes(p.dealstage ?? '');
    });
    expect(offending).toEqual([]);
  });

  test('tickets, meetings and contacts use HubSpot values', () => {
    const tickets = records('tickets');
    expect(
      outside(tickets, { hs_ticket_priority: TICKET_PRIORITIES, hs_pipeline: [TICKET_PIPELINE.id] }),
    ).toEqual([]);
    expect(
      tickets.filter(
        (t) =>
          (t.properties.hs_pipeline_stage === TICKET_PIPELINE.closed) !== (t.properties.closed_date !== null),
      ),
    ).toEqual([]);
    const meetings = records('meetings');
    expect(outside(meetings, { hs_meeting_outcome: MEETING_OUTCOMES })).toEqual([]);
    // SCHEDULED exactly for meetings still to come
    expect(
      meetings.filter(
        (m) =>
          (m.properties.hs_meeting_outcome === 'SCHEDULED') !==
          (time(m.properties.hs_meeting_start_time) ?? 0) > NOW_MS,
      ),
    ).toEqual([]);
    const roles: readonly string[] = BUYING_ROLES;
    expect(
      records('contacts').filter((c) =>
        c.properties.hs_buying_role?.split(';').some((role) => !roles.includes(role)),
      ),
    ).toEqual([]);
  });
});

describe('values', () => {
  const clean = (deal: CrmRecord): boolean => !dirtyIds.has(deal.id);

  test('amounts are plain decimals and the home amount is the USD conversion', () => {
    const offending = records('deals')
      .filter(clean)
      .filter((deal) => {
        const amount = decimal(deal.properties.amount);
        const home = decimal(deal.properties.amount_in_home_currency);
        const rate = CURRENCIES.find(
          (currency) => currency.code === deal.properties.deal_currency_code,
        )?.usdPerUnit;
        return (
          amount === null ||
          home === null ||
          rate === undefined ||
          amount <= 0 ||
          Math.abs(home - amount * rate) > 0.01
        );
      });
    expect(offending).toEqual([]);
  });

  test('datetimes are ISO 8601 with milliseconds in UTC', () => {
    const datetimes: [CrmRecord[], string[]][] = [
      [snapshot.companies, ['createdate', 'notes_last_contacted', 'hs_lastmodifieddate']],
      [records('deals').filter(clean), ['closedate', 'createdate']],
      [records('tickets'), ['createdate', 'closed_date']],
      [records('meetings'), ['hs_meeting_start_time', 'hs_meeting_end_time', 'hs_timestamp']],
      [records('contacts'), ['createdate']],
    ];
    const offending = datetimes.flatMap(([list, names]) =>
      list.flatMap((record) =>
        names
          .filter((name) => record.properties[name] !== null && time(record.properties[name]) === null)
          .map((name) => `${record.id}.${name}=${record.properties[name]}`),
      ),
    );
    expect(offending).toEqual([]);
  });

  test('deals cover four years before now; open deals close after now, closed ones before', () => {
    const deals = records('deals').filter(clean);
    const closes = deals.map((deal) => time(deal.properties.closedate) ?? NaN);
    expect(Math.min(...closes)).toBeLessThan(NOW_MS - 3.9 * YEAR_MS);
    expect(Math.min(...closes)).toBeGreaterThanOrEqual(NOW_MS - 4 * YEAR_MS);
    const offending = deals.filter((deal) => {
      const closeAt = time(deal.properties.closedate) ?? NaN;
      const createdAt = time(deal.properties.createdate) ?? NaN;
      return !(
        createdAt <= NOW_MS &&
        createdAt < closeAt &&
        (isOpen(deal) ? closeAt > NOW_MS : closeAt <= NOW_MS)
      );
    });
    expect(offending).toEqual([]);
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
    const offending = snapshot.companies
      .filter((company) => !sharedContacts.has(company.id))
      .filter((company) => {
        const count = company.contacts.filter((c) =>
          c.properties.hs_buying_role?.split(';').includes('DECISION_MAKER'),
        );
        return company.properties.hs_num_decision_makers !== String(count.length);
      });
    expect(offending).toEqual([]);
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
