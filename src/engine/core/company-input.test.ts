import { company, contact, deal, meeting, NOW_MS, ticket } from '../../../tests/arbitraries/company-builders';
import { readCompanyInput } from './company-input';

const read = (record: ReturnType<typeof company>, pipelines: string[] = []) =>
  readCompanyInput(record, { nowMs: NOW_MS, homeCurrency: 'EUR', pipelines });

describe('readCompanyInput', () => {
  test('prefers amount_in_home_currency over amount', () => {
    const input = read(
      company({ deals: [deal({ amount: 100, currency: 'USD', amountInHomeCurrency: 90 })] }),
    );
    expect(input.deals[0]!.amount).toBe(90);
    expect(input.facts.dataIssues).toEqual([]);
  });

  test('falls back to amount when the deal is in the home currency or names none', () => {
    const input = read(
      company({ deals: [deal({ amount: 100, currency: 'eur' }), deal({ amount: 200, currency: null })] }),
    );
    expect(input.deals.map((d) => d.amount)).toEqual([100, 200]);
  });

  test('flags a foreign-currency amount without conversion instead of mixing currencies', () => {
    const input = read(company({ deals: [deal({ id: 'd-usd', amount: 100, currency: 'USD' })] }));
    expect(input.deals[0]!.amount).toBeNull();
    expect(input.facts.dataIssues).toEqual([
      {
        recordType: 'deal',
        recordId: 'd-usd',
        field: 'amount',
        rawValue: '100 USD',
        kind: 'unconverted_currency',
      },
    ]);
  });

  test('counts only deals in the model pipelines, when it names any', () => {
    const record = company({
      deals: [deal({ pipeline: 'default' }), deal({ pipeline: 'renewals' }), deal({ pipeline: 'other' })],
    });
    expect(read(record).deals).toHaveLength(3);
    expect(read(record, ['default', 'renewals']).deals).toHaveLength(2);
  });

  test('drops and reports a won deal closing in the future, a negative amount, garbage and a missing close date', () => {
    const input = read(
      company({
        deals: [
          deal({ id: 'future', closedDaysAgo: -5 }),
          deal({ id: 'negative', amount: -50 }),
          deal({ id: 'garbage', amount: 'lots' }),
          deal({ id: 'no-date', closedDaysAgo: null }),
          deal({ id: 'open-future', state: 'open', closedDaysAgo: -30 }),
        ],
      }),
    );
    expect(input.facts.dataIssues.map((issue) => [issue.recordId, issue.field, issue.kind])).toEqual([
      ['future', 'closedate', 'future_date'],
      ['negative', 'amount', 'negative_number'],
      ['garbage', 'amount', 'not_a_number'],
      ['no-date', 'closedate', 'missing_value'],
    ]);
    expect(input.deals.find((d) => d.id === 'future')!.closedAt).toBeNull();
    expect(input.deals.find((d) => d.id === 'open-future')!.closedAt).toBeGreaterThan(NOW_MS);
  });

  test('infers won and closed from the default pipeline stage when HubSpot flags are absent', () => {
    const won = deal({ properties: { hs_is_closed_won: null, hs_is_closed: null, dealstage: 'closedwon' } });
    const lost = deal({
      properties: { hs_is_closed_won: null, hs_is_closed: null, dealstage: 'closedlost' },
    });
    const open = deal({
      properties: { hs_is_closed_won: null, hs_is_closed: null, dealstage: 'qualifiedtobuy' },
    });
    const deals = read(company({ deals: [won, lost, open] })).deals;
    expect(deals.map((d) => [d.isWon, d.isClosed])).toEqual([
      [true, true],
      [false, true],
      [false, false],
    ]);
  });

  test('reads KAM inputs, the previous tier and reports unknown options', () => {
    const input = read(
      company({
        properties: {
          kam_market_reputation: 'Industry_Leader',
          kam_perception_level: 'value_adder',
          kam_recommends_us: 'true',
          kam_annual_cost_to_serve: '5000',
          kam_tier: 'important',
          kam_growth_potential: 'enormous',
          hs_ideal_customer_profile: 'tier_1',
        },
      }),
    );
    expect(input.facts).toMatchObject({
      marketReputation: 'industry_leader',
      perceptionLevel: 'value_adder',
      recommendsUs: true,
      annualCostToServe: 5000,
      previousTier: 'important',
      growthPotential: null,
      idealCustomerProfile: 'tier_1',
    });
    expect(input.facts.dataIssues).toEqual([
      {
        recordType: 'company',
        recordId: input.facts.id,
        field: 'kam_growth_potential',
        rawValue: 'enormous',
        kind: 'unknown_value',
      },
    ]);
  });

  test('reads the stored actions from the explanation (their dead band), none when never scored', () => {
    const kam_explanation = JSON.stringify({
      v: 2,
      factors: { attractiveness: [{ id: 'revenue', value: 40 }], strength: [] },
      risk: { signals: [{ id: 'no_recent_contact', severity: 'watch' }] },
      recommendations: [
        { id: 'grow_share_of_wallet', priority: 3, reason: { en: 'Revenue scores 39/100.' } },
        { id: 'not_an_action', priority: 2, reason: { en: '' } },
        { id: 'build_trust', priority: 2, reason: { en: '"id":"withdraw_gracefully","priority":1' } },
      ],
    });
    expect(read(company({ properties: { kam_explanation } })).facts.previousLevels.recommendations).toEqual([
      'grow_share_of_wallet',
      'build_trust',
    ]);
    expect(read(company({})).facts.previousLevels.recommendations).toBeNull();
  });

  test('reads tickets, meetings and buying roles', () => {
    const input = read(
      company({
        tickets: [
          ticket({ priority: 'URGENT' }),
          ticket({ closedDaysAgo: 1 }),
          ticket({ priority: 'SEVERE' }),
        ],
        meetings: [meeting({ outcome: 'no_show' }), meeting({ startedDaysAgo: -3, outcome: 'SCHEDULED' })],
        contacts: [contact(['DECISION_MAKER', 'BLOCKER'])],
      }),
    );
    expect(input.tickets.map((t) => [t.priority, t.isOpen])).toEqual([
      ['URGENT', true],
      ['MEDIUM', false],
      [null, true],
    ]);
    expect(input.meetings.map((m) => m.outcome)).toEqual(['NO_SHOW', 'SCHEDULED']);
    expect(input.contacts[0]!.roles).toEqual(['DECISION_MAKER', 'BLOCKER']);
    expect(input.facts.dataIssues.map((issue) => issue.kind)).toEqual(['unknown_value']);
  });
});

// docs/decisions/0004-who-may-pin.md: the pin is read here, once, for every rescoring path
describe('readCompanyInput: a tier pin', () => {
  const IN_FORCE = new Date(NOW_MS + 86_400_000).toISOString();
  const LAPSED = new Date(NOW_MS - 86_400_000).toISOString();
  const pinned = (properties: Record<string, string | null>) =>
    read(company({ properties: { kam_tier: 'key', kam_tier_computed: 'regular', ...properties } })).facts;

  test.each([
    ['in force', IN_FORCE, 'key', 'protect_ties'],
    ['lapsed', LAPSED, null, null],
  ])(
    'recorded and %s: hysteresis starts from the computed tier; only a pin in force holds its tier and strategy',
    (_label, expiresAt, pinnedTier, pinnedStrategy) => {
      expect(
        pinned({
          kam_tier_pinned: 'key',
          kam_strategy_pinned: 'protect_ties',
          kam_pin_expires_at: expiresAt,
        }),
      ).toMatchObject({ previousTier: 'regular', pinnedTier, pinnedStrategy });
    },
  );

  test('none recorded: kam_tier is the previous tier, whatever kam_tier_computed holds', () => {
    expect(pinned({})).toMatchObject({ previousTier: 'key', pinnedTier: null, pinnedStrategy: null });
  });

  test('recorded without a readable computed tier: kam_tier is the previous tier', () => {
    expect(
      pinned({ kam_tier_pinned: 'key', kam_pin_expires_at: IN_FORCE, kam_tier_computed: 'Key ' }),
    ).toMatchObject({ previousTier: 'key', pinnedTier: 'key', pinnedStrategy: null });
  });
});
