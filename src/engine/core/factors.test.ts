import {
  company,
  contact,
  deal,
  meeting,
  NOW_MS,
  ticket,
  type CompanySpec,
} from '../../../tests/arbitraries/company-builders';
import { ATTRACTIVENESS_FACTOR_DEFINITIONS } from './attractiveness-factors';
import { readCompanyInput } from './company-input';
import type { FactorId } from './enums';
import type { FactorContext, FactorMeasure } from './factor-definition';
import { computeMetrics } from './metrics';
import { createSharedParts } from './shared-parts';
import { STRENGTH_FACTOR_DEFINITIONS } from './strength-factors';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';

const DEFINITIONS = [...ATTRACTIVENESS_FACTOR_DEFINITIONS, ...STRENGTH_FACTOR_DEFINITIONS];

function contextOf(spec: CompanySpec, revenueReference = 100_000): FactorContext {
  const input = readCompanyInput(company(spec), { nowMs: NOW_MS, homeCurrency: 'EUR', pipelines: [] });
  return {
    facts: input.facts,
    metrics: computeMetrics(input, DEFAULT_SCORING_MODEL, NOW_MS),
    model: DEFAULT_SCORING_MODEL,
    revenueReference,
    revenueQuantiles: null,
    homeCurrency: 'EUR',
    shared: createSharedParts(),
  };
}

function measure(id: FactorId, spec: CompanySpec, revenueReference?: number): FactorMeasure | null {
  const definition = DEFINITIONS.find((candidate) => candidate.id === id)!;
  return definition.measure(contextOf(spec, revenueReference));
}

describe('attractiveness factors (methodology §1, §3, 002)', () => {
  test.each<[string, FactorId, CompanySpec, number | null]>([
    ['revenue at the portfolio reference scores 100', 'revenue', { deals: [deal({ amount: 100_000 })] }, 100],
    [
      'revenue a tenth of the reference scores 66.7 (3 decades)',
      'revenue',
      { deals: [deal({ amount: 10_000 })] },
      66.7,
    ],
    ['revenue a thousandth of the reference scores 0', 'revenue', { deals: [deal({ amount: 100 })] }, 0],
    [
      'no revenue in 12 months, with deals, scores 0',
      'revenue',
      { deals: [deal({ closedDaysAgo: 500 })] },
      0,
    ],
    ['revenue without any deal has no data', 'revenue', {}, null],
    [
      'flat revenue scores 50',
      'growth',
      { deals: [deal({ closedDaysAgo: 10 }), deal({ closedDaysAgo: 400 })] },
      50,
    ],
    [
      '+50% growth scores 100',
      'growth',
      { deals: [deal({ amount: 1500, closedDaysAgo: 10 }), deal({ closedDaysAgo: 400 })] },
      100,
    ],
    [
      '−25% scores 25',
      'growth',
      { deals: [deal({ amount: 750, closedDaysAgo: 10 }), deal({ closedDaysAgo: 400 })] },
      25,
    ],
    ['new revenue scores 100', 'growth', { deals: [deal({ closedDaysAgo: 10 })] }, 100],
    ['no revenue in either year has no data', 'growth', { deals: [deal({ closedDaysAgo: 1000 })] }, null],
    ['one purchase a year scores 25', 'purchase_frequency', { deals: [deal({ closedDaysAgo: 10 })] }, 25],
    [
      'one active quarter of four scores 25',
      'purchase_regularity',
      { deals: [deal({ closedDaysAgo: 10 })] },
      25,
    ],
    [
      'an industry leader scores 100',
      'reputation',
      { properties: { kam_market_reputation: 'industry_leader' } },
      100,
    ],
    ['reputation not set has no data', 'reputation', {}, null],
    [
      'high growth potential scores 100',
      'growth_potential',
      { properties: { kam_growth_potential: 'high' } },
      100,
    ],
    [
      'the KAM strategic fit wins over the ICP tier',
      'strategic_fit',
      { properties: { kam_strategic_fit: 'low', hs_ideal_customer_profile: 'tier_1' } },
      20,
    ],
    [
      'the ICP tier stands in for strategic fit',
      'strategic_fit',
      { properties: { hs_ideal_customer_profile: 'tier_2' } },
      65,
    ],
    [
      'a target account stands in last',
      'strategic_fit',
      { properties: { hs_is_target_account: 'true' } },
      75,
    ],
    [
      'often late payment scores 0',
      'payment_discipline',
      { properties: { kam_payment_discipline: 'often_late' } },
      0,
    ],
    [
      'net value keeps the share of revenue left after cost to serve',
      'net_value',
      { properties: { kam_annual_cost_to_serve: '250' }, deals: [deal({ amount: 1000 })] },
      75,
    ],
    [
      'cost to serve above revenue scores 0',
      'net_value',
      { properties: { kam_annual_cost_to_serve: '2000' }, deals: [deal({ amount: 1000 })] },
      0,
    ],
    ['net value without the cost has no data', 'net_value', { deals: [deal()] }, null],
  ])('%s', (_label, id, spec, expected) => {
    const result = measure(id, spec);
    if (expected === null) expect(result).toBeNull();
    else expect(result!.value).toBeCloseTo(expected, 1);
  });
});

describe('strength factors (methodology §3, §7, §10, 002)', () => {
  test.each<[string, FactorId, CompanySpec, number | null]>([
    ['five years as a customer scores 100', 'tenure', { deals: [deal({ closedDaysAgo: 5 * 365 })] }, 100],
    ['one year scores 20', 'tenure', { deals: [deal({ closedDaysAgo: 365 })] }, 20],
    ['tenure without deals has no data', 'tenure', {}, null],
    [
      'buying every year since the first purchase scores 100',
      'repeat_purchase',
      { deals: [deal({ closedDaysAgo: 10 }), deal({ closedDaysAgo: 400 })] },
      100,
    ],
    [
      'three won of four closed scores 75',
      'win_rate',
      { deals: [deal(), deal(), deal(), deal({ state: 'lost' })] },
      75,
    ],
    [
      'contact within 14 days scores 100',
      'engagement_recency',
      { properties: { notes_last_contacted: new Date(NOW_MS - 5 * 86_400_000).toISOString() } },
      100,
    ],
    [
      'contact 97 days ago scores 50',
      'engagement_recency',
      { properties: { notes_last_contacted: new Date(NOW_MS - 97 * 86_400_000).toISOString() } },
      50,
    ],
    [
      'three meetings held as planned score 100',
      'meeting_health',
      { meetings: [meeting(), meeting(), meeting()] },
      100,
    ],
    [
      'half the meetings cancelled halves the value',
      'meeting_health',
      { meetings: [meeting(), meeting(), meeting({ outcome: 'CANCELED' }), meeting({ outcome: 'NO_SHOW' })] },
      50,
    ],
    ['old meetings only score 0', 'meeting_health', { meetings: [meeting({ startedDaysAgo: 200 })] }, 0],
    ['no meetings at all has no data', 'meeting_health', {}, null],
    [
      'two of five key roles score 40',
      'buying_centre_coverage',
      { contacts: [contact(['DECISION_MAKER']), contact(['CHAMPION'])] },
      40,
    ],
    [
      'a blocker costs 25 points',
      'buying_centre_coverage',
      { contacts: [contact(['DECISION_MAKER', 'CHAMPION']), contact(['BLOCKER'])] },
      15,
    ],
    ['contacts without roles score 0', 'buying_centre_coverage', { contacts: [contact([])] }, 0],
    [
      'business partner scores 100',
      'perception_level',
      { properties: { kam_perception_level: 'business_partner' } },
      100,
    ],
    [
      'commodity broker scores 0',
      'perception_level',
      { properties: { kam_perception_level: 'commodity_broker' } },
      0,
    ],
    ['recommends us scores 100', 'recommends_us', { properties: { kam_recommends_us: 'true' } }, 100],
    [
      'two recent tickets score 80',
      'ticket_health',
      { tickets: [ticket({ closedDaysAgo: 1 }), ticket({ closedDaysAgo: 1 })] },
      80,
    ],
    [
      'an open urgent ticket costs 20 more',
      'ticket_health',
      { tickets: [ticket({ priority: 'URGENT' })] },
      70,
    ],
    ['no tickets at all has no data', 'ticket_health', {}, null],
  ])('%s', (_label, id, spec, expected) => {
    const result = measure(id, spec);
    if (expected === null) expect(result).toBeNull();
    else expect(result!.value).toBeCloseTo(expected, 1);
  });
});

describe('factor descriptions', () => {
  test('every factor names its data in English and Russian', () => {
    const context = contextOf({
      properties: {
        kam_market_reputation: 'high',
        kam_perception_level: 'provider',
        kam_annual_cost_to_serve: '100',
      },
      deals: [deal({ amount: 12_345 })],
    });
    for (const definition of DEFINITIONS) {
      const text = definition.describe(context);
      expect(text.en.length).toBeGreaterThan(5);
      expect(text.ru.length).toBeGreaterThan(5);
    }
    const revenue = DEFINITIONS.find((definition) => definition.id === 'revenue')!.describe(context);
    expect(revenue.en).toContain('12,345 EUR');
    expect(revenue.ru).toContain('12\u00a0345 EUR');
  });
});
