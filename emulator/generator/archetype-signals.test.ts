/**
 * Every planted archetype shows its story in the raw records, for every company that carries it
 * (issue #3): what a scoring run must be able to see, checked without the generator's internals.
 */
import { generatePortfolio } from './index';
import {
  NOW_MS,
  YEAR_MS,
  companiesWith,
  daysAgo,
  decimal,
  hasRole,
  isLost,
  isOpen,
  isWon,
  previousYearWonUsd,
  time,
  trailingYearWonUsd,
  wonUsd,
  NOW,
} from './test-utils/facts';
import type { CompanyRecord, CrmRecord } from './types';

const { snapshot, groundTruth } = generatePortfolio({
  companies: 2000,
  seed: Number(process.env.SIGNALS_SEED ?? 11),
  now: NOW,
});
const of = (archetype: Parameters<typeof companiesWith>[2]): CompanyRecord[] =>
  companiesWith(snapshot, groundTruth, archetype);
const topFifthThreshold = [...snapshot.companies.map(trailingYearWonUsd)].sort((a, b) => b - a)[400] ?? 0;

const within = (records: CrmRecord[], property: string, days: number): CrmRecord[] =>
  records.filter(
    (record) => daysAgo(record.properties[property]) <= days && daysAgo(record.properties[property]) >= 0,
  );
const outcomes = (meetings: CrmRecord[]): (string | null)[] =>
  meetings.map((meeting) => meeting.properties.hs_meeting_outcome ?? null);

describe('strategic partners', () => {
  const companies = of('strategic_partner');

  test('are among the largest accounts and still growing', () => {
    for (const company of companies) {
      expect(trailingYearWonUsd(company)).toBeGreaterThan(topFifthThreshold);
      expect(trailingYearWonUsd(company)).toBeGreaterThanOrEqual(previousYearWonUsd(company));
    }
  });

  test('buy in every one of the four years and have an open deal', () => {
    for (const company of companies) {
      for (let year = 0; year < 4; year++) {
        expect(wonUsd(company, NOW_MS - (year + 1) * YEAR_MS, NOW_MS - year * YEAR_MS)).toBeGreaterThan(0);
      }
      expect(company.deals.some(isOpen)).toBe(true);
    }
  });

  test('meet often, with the whole buying centre and no blocker', () => {
    for (const company of companies) {
      const lastYear = within(company.meetings, 'hs_meeting_start_time', 365);
      expect(outcomes(lastYear).filter((outcome) => outcome === 'COMPLETED').length).toBeGreaterThanOrEqual(
        5,
      );
      expect(company.meetings.some((meeting) => meeting.properties.hs_meeting_outcome === 'SCHEDULED')).toBe(
        true,
      );
      for (const role of ['DECISION_MAKER', 'CHAMPION', 'EXECUTIVE_SPONSOR'])
        expect(hasRole(company, role)).toBe(true);
      expect(hasRole(company, 'BLOCKER')).toBe(false);
    }
  });

  test('see us as a business partner and recommend us', () => {
    for (const { properties } of companies) {
      expect(properties).toMatchObject({
        kam_perception_level: 'business_partner',
        kam_recommends_us: 'true',
        kam_payment_discipline: 'on_time',
        kam_strategic_fit: 'high',
        hs_ideal_customer_profile: 'tier_1',
        hs_is_target_account: 'true',
      });
    }
  });
});

describe('growing newcomers', () => {
  const companies = of('growing_newcomer');

  test('are young and at least double their volume year over year', () => {
    for (const company of companies) {
      expect(daysAgo(company.properties.createdate)).toBeLessThan(18 * 31);
      expect(trailingYearWonUsd(company)).toBeGreaterThan(0);
      expect(trailingYearWonUsd(company)).toBeGreaterThanOrEqual(2 * previousYearWonUsd(company));
      expect(company.deals.filter(isOpen).length).toBeGreaterThanOrEqual(2);
    }
  });

  test('are industry leaders with high growth potential', () => {
    for (const { properties } of companies) {
      expect(properties).toMatchObject({
        kam_market_reputation: 'industry_leader',
        kam_growth_potential: 'high',
      });
    }
  });
});

describe('loyal small accounts', () => {
  const companies = of('loyal_small_account');

  test('buy small amounts at least three times in each of the four years', () => {
    for (const company of companies) {
      for (let year = 0; year < 4; year++) {
        const from = NOW_MS - (year + 1) * YEAR_MS;
        const to = NOW_MS - year * YEAR_MS;
        const wins = company.deals.filter((deal) => {
          const closedAt = time(deal.properties.closedate);
          return isWon(deal) && closedAt !== null && closedAt > from && closedAt <= to;
        });
        expect(wins.length).toBeGreaterThanOrEqual(3);
      }
      expect(trailingYearWonUsd(company)).toBeLessThan(60_000);
    }
  });

  test('buy at a steady rhythm', () => {
    for (const company of companies) {
      const closes = company.deals
        .filter(isWon)
        .map((deal) => time(deal.properties.closedate) ?? 0)
        .sort((a, b) => a - b);
      const gaps = closes.slice(1).map((close, i) => close - (closes[i] ?? 0));
      const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
      const spread = Math.sqrt(gaps.reduce((sum, gap) => sum + (gap - mean) ** 2, 0) / gaps.length);
      expect(spread / mean).toBeLessThan(0.35);
    }
  });

  test('were met in the last four months', () => {
    for (const company of companies) {
      expect(daysAgo(company.properties.notes_last_contacted)).toBeLessThan(120);
    }
  });
});

describe('declining key accounts', () => {
  const companies = of('declining_key_account');

  test('were large two to four years ago', () => {
    for (const company of companies) {
      expect(wonUsd(company, NOW_MS - 4 * YEAR_MS, NOW_MS - 2 * YEAR_MS) / 2).toBeGreaterThan(
        topFifthThreshold,
      );
    }
  });

  test('won less than 40% of the previous year in the trailing 12 months', () => {
    for (const company of companies) {
      expect(previousYearWonUsd(company)).toBeGreaterThan(0);
      expect(trailingYearWonUsd(company)).toBeLessThan(0.4 * previousYearWonUsd(company));
    }
  });

  test('have a burst of tickets in the last 90 days with a high or urgent one still open', () => {
    for (const company of companies) {
      const recent = within(company.tickets, 'createdate', 90);
      expect(recent.length).toBeGreaterThanOrEqual(3);
      const openUrgent = recent.filter(
        ({ properties }) =>
          properties.closed_date === null && ['HIGH', 'URGENT'].includes(properties.hs_ticket_priority ?? ''),
      );
      expect(openUrgent.length).toBeGreaterThanOrEqual(1);
    }
  });

  test('cancel or miss recent meetings and have not been met for months', () => {
    for (const company of companies) {
      const recent = outcomes(within(company.meetings, 'hs_meeting_start_time', 90));
      expect(recent.some((outcome) => outcome === 'CANCELED' || outcome === 'NO_SHOW')).toBe(true);
      expect(recent).not.toContain('COMPLETED');
      expect(daysAgo(company.properties.notes_last_contacted)).toBeGreaterThanOrEqual(150);
    }
  });

  test('have a blocker and a recorded loss reason', () => {
    for (const company of companies) {
      expect(hasRole(company, 'BLOCKER')).toBe(true);
      expect(company.properties.kam_loss_reason).not.toBeNull();
      expect(company.properties.kam_recommends_us).toBe('false');
    }
  });
});

describe('one-off buyers', () => {
  test('bought once, two or more years ago, and nothing since', () => {
    for (const company of of('one_off_buyer')) {
      const wins = company.deals.filter(isWon);
      expect(wins).toHaveLength(1);
      const boughtAt = time(wins[0]?.properties.closedate) ?? NOW_MS;
      expect(NOW_MS - boughtAt).toBeGreaterThanOrEqual(2 * YEAR_MS);
      expect(company.deals.filter(isOpen)).toHaveLength(0);
      for (const deal of company.deals) expect(time(deal.properties.closedate)).toBeLessThanOrEqual(boughtAt);
      expect(daysAgo(company.properties.notes_last_contacted)).toBeGreaterThan(365);
    }
  });
});

describe('price-only buyers', () => {
  const companies = of('price_only_buyer');

  test('lose at least two quotes per win and win only at a discount', () => {
    for (const company of companies) {
      const wins = company.deals.filter(isWon);
      expect(wins.length).toBeGreaterThanOrEqual(1);
      expect(company.deals.filter(isLost).length).toBeGreaterThanOrEqual(2 * wins.length);
      for (const win of wins) expect(win.properties.dealname).toMatch(/\(\d+% discount\)$/);
    }
  });

  test('see us as a commodity broker and pay late', () => {
    for (const { properties } of companies) {
      expect(properties).toMatchObject({
        kam_perception_level: 'commodity_broker',
        kam_payment_discipline: 'often_late',
        kam_recommends_us: 'false',
      });
      expect(decimal(properties.kam_annual_cost_to_serve)).toBeGreaterThan(0);
    }
  });
});
