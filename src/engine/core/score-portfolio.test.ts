import {
  company,
  contact,
  daysAgo,
  deal,
  meeting,
  NOW,
  ticket,
} from '../../../tests/arbitraries/company-builders';
import {
  computeParetoClasses,
  DEFAULT_SCORING_MODEL,
  parseSnapshot,
  scoreCompany,
  scorePortfolio,
  startPortfolioScoring,
  validateModel,
  type CompanyRecord,
} from './index';

const partner = company({
  id: 'partner',
  properties: {
    name: 'Northwind',
    kam_market_reputation: 'industry_leader',
    kam_growth_potential: 'high',
    kam_strategic_fit: 'high',
    kam_perception_level: 'business_partner',
    kam_payment_discipline: 'on_time',
    kam_recommends_us: 'true',
    kam_annual_cost_to_serve: '20000',
    notes_last_contacted: daysAgo(3),
    kam_tier: 'key',
  },
  deals: [
    ...[20, 110, 200, 290].map((days) => deal({ amount: 60_000, closedDaysAgo: days })),
    ...[380, 470, 560, 650].map((days) => deal({ amount: 45_000, closedDaysAgo: days })),
    ...[800, 1000, 1200].map((days) => deal({ amount: 40_000, closedDaysAgo: days })),
  ],
  meetings: [
    meeting({ startedDaysAgo: 3 }),
    meeting({ startedDaysAgo: 30 }),
    meeting({ startedDaysAgo: 60 }),
  ],
  contacts: [
    contact(['DECISION_MAKER', 'BUDGET_HOLDER']),
    contact(['CHAMPION']),
    contact(['EXECUTIVE_SPONSOR']),
    contact(['INFLUENCER']),
  ],
  tickets: [ticket({ createdDaysAgo: 40, closedDaysAgo: 38 })],
});

const decliner = company({
  id: 'decliner',
  properties: {
    name: 'Fading Ltd',
    kam_tier: 'key',
    notes_last_contacted: daysAgo(130),
    kam_perception_level: 'commodity_broker',
  },
  deals: [
    deal({ amount: 10_000, closedDaysAgo: 100 }),
    deal({ amount: 50_000, closedDaysAgo: 400 }),
    deal({ amount: 50_000, closedDaysAgo: 500 }),
    deal({ state: 'lost', closedDaysAgo: 60 }),
    deal({ state: 'lost', closedDaysAgo: 40 }),
    deal({ state: 'lost', closedDaysAgo: 20 }),
  ],
  tickets: [1, 2, 3, 4, 5].map(() => ticket({ priority: 'HIGH', createdDaysAgo: 15 })),
});

const newcomer = company({ id: 'newcomer', properties: { name: 'Newco' } });

describe('scorePortfolio', () => {
  const portfolio = scorePortfolio({
    companies: [partner, decliner, newcomer],
    model: DEFAULT_SCORING_MODEL,
    now: NOW,
  });
  const [partnerScore, declinerScore, newcomerScore] = portfolio.results;

  test('records the model version and the time of scoring on the run and every result', () => {
    expect(portfolio.modelVersion).toBe(DEFAULT_SCORING_MODEL.version);
    expect(portfolio.scoredAt).toBe('2026-06-01T00:00:00.000Z');
    for (const result of portfolio.results) {
      expect(result.modelVersion).toBe(DEFAULT_SCORING_MODEL.version);
      expect(result.scoredAt).toBe(portfolio.scoredAt);
    }
  });

  test('a growing, well-covered strategic partner is a key account to protect', () => {
    expect(partnerScore).toMatchObject({
      companyId: 'partner',
      name: 'Northwind',
      tier: 'key',
      previousTier: 'key',
      tierChanged: false,
      tierDirection: null,
      kaismQuadrant: 'key_account',
      attractivenessLevel: 'strong',
      strengthLevel: 'strong',
      strategy: 'protect_ties',
      paretoClass: 'A',
      risk: { level: 'none', lossStage: 0, signals: [] },
      dataGaps: [],
      dataIssues: [],
      confidence: 1,
    });
    expect(partnerScore!.score).toBeGreaterThan(80);
    expect(partnerScore!.metrics.wonRevenueLast12Months).toBe(240_000);
    expect(partnerScore!.metrics.wonRevenuePrevious12Months).toBe(180_000);
    expect(partnerScore!.metrics.wonRevenueGrowth).toBeCloseTo(1 / 3, 4);
    expect(partnerScore!.metrics.yearlyWonVolumes.map((volume) => volume.year)).toEqual([
      2023, 2024, 2025, 2026,
    ]);
  });

  test('a declining key account loses its tier and is critical, with the lost-client interview first', () => {
    expect(declinerScore).toMatchObject({
      tier: 'regular',
      previousTier: 'key',
      tierChanged: true,
      tierDirection: 'down',
      risk: { level: 'critical', lossStage: 3 },
    });
    expect(declinerScore!.risk.signals.map((signal) => signal.id)).toEqual([
      'volume_decline',
      'ticket_burst',
      'high_priority_open_tickets',
      'no_recent_contact',
      'lost_deals_streak',
      'commodity_perception',
    ]);
    expect(declinerScore!.recommendations[0]).toMatchObject({
      id: 'lost_client_interview',
      priority: 1,
      source: 'risk',
    });
  });

  test('a company without any data scores 0 with confidence 0 and reports every gap', () => {
    expect(newcomerScore).toMatchObject({
      score: 0,
      attractiveness: 0,
      strength: 0,
      confidence: 0,
      tier: 'regular',
    });
    expect(newcomerScore!.dataGaps).toHaveLength(18);
    expect(newcomerScore!.recommendations.map((recommendation) => recommendation.id)).toContain(
      'collect_account_information',
    );
  });

  test('returns the Pareto summary and the revenue reference of the portfolio', () => {
    expect(portfolio.pareto.companies).toEqual({ A: 1, B: 0, C: 2 }); // 240k of 250k is 96%: past B's 95%
    expect(portfolio.pareto.totalWonRevenue).toBe(250_000);
    expect(portfolio.revenueReference).toBe(240_000);
  });

  test('scoring one company with the portfolio inputs gives exactly its portfolio result', () => {
    const alone = scoreCompany(decliner, {
      model: DEFAULT_SCORING_MODEL,
      now: NOW,
      paretoClass: declinerScore!.paretoClass,
      revenueReference: portfolio.revenueReference,
      revenueQuantiles: portfolio.revenueQuantiles,
      tierLines: { key: portfolio.tierCapacity.key.line, important: portfolio.tierCapacity.important.line },
    });
    expect(alone).toEqual(declinerScore);
  });

  test('results are plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(portfolio))).toEqual(portfolio);
  });

  test('the snapshot home currency overrides the model one for the amount fallback', () => {
    const usd = company({ id: 'usd', deals: [deal({ amount: 1000, currency: 'USD' })] });
    const eurModel = { ...DEFAULT_SCORING_MODEL, homeCurrency: 'EUR' };
    const [inEur] = scorePortfolio({ companies: [usd], model: eurModel, now: NOW }).results;
    const [inUsd] = scorePortfolio({
      companies: [usd],
      model: eurModel,
      now: NOW,
      homeCurrency: 'USD',
    }).results;
    expect(inEur!.metrics.wonRevenueLast12Months).toBe(0);
    expect(inEur!.dataIssues.map((issue) => issue.kind)).toEqual(['unconverted_currency']);
    expect(inUsd!.metrics.wonRevenueLast12Months).toBe(1000);
  });

  test('only deals in the model pipelines count', () => {
    const twoPipelines = company({
      deals: [deal({ amount: 100, pipeline: 'default' }), deal({ amount: 900, pipeline: 'services' })],
    });
    const model = { ...DEFAULT_SCORING_MODEL, pipelines: ['default'] };
    const [result] = scorePortfolio({ companies: [twoPipelines], model, now: NOW }).results;
    expect(result!.metrics.wonRevenueLast12Months).toBe(100);
  });
});

describe('scorePortfolio progress', () => {
  const many = Array.from({ length: 2500 }, (_, index) =>
    company({ id: `c${index}`, deals: [deal({ amount: 1000 + index, closedDaysAgo: index % 700 })] }),
  );

  it('reports each step every 1,024 companies and at its end, and scores exactly as without it', () => {
    const calls: [string, number, number | null][] = [];
    const withProgress = scorePortfolio({
      companies: many,
      model: DEFAULT_SCORING_MODEL,
      now: NOW,
      onProgress: (step, done, total) => calls.push([step, done, total]),
    });
    expect(calls).toEqual([
      ['measure', 1024, 2500],
      ['measure', 2048, 2500],
      ['measure', 2500, 2500],
      ['score', 1024, 2500],
      ['score', 2048, 2500],
      ['score', 2500, 2500],
    ]);
    expect(withProgress).toEqual(scorePortfolio({ companies: many, model: DEFAULT_SCORING_MODEL, now: NOW }));
  });

  it('scores companies read one by one from any iterable exactly as from a list, read once', () => {
    let reads = 0;
    function* oneByOne() {
      for (const record of many) {
        reads += 1;
        yield record;
      }
    }
    const calls: [string, number, number | null][] = [];
    const streamed = scorePortfolio({
      companies: oneByOne(),
      model: DEFAULT_SCORING_MODEL,
      now: NOW,
      onProgress: (...call) => calls.push(call),
    });
    expect(reads).toBe(many.length);
    expect(streamed).toEqual(scorePortfolio({ companies: many, model: DEFAULT_SCORING_MODEL, now: NOW }));
    // without a count the measuring step cannot say its total until it is done
    expect(calls.slice(0, 3)).toEqual([
      ['measure', 1024, null],
      ['measure', 2048, null],
      ['measure', 2500, 2500],
    ]);
  });

  it('reports an empty portfolio as done', () => {
    const calls: [string, number, number | null][] = [];
    scorePortfolio({
      companies: [],
      model: DEFAULT_SCORING_MODEL,
      now: NOW,
      onProgress: (...call) => calls.push(call),
    });
    expect(calls).toEqual([
      ['measure', 0, 0],
      ['score', 0, 0],
    ]);
  });
});

describe('startPortfolioScoring', () => {
  test('companies added one by one score exactly as scorePortfolio scores them', () => {
    const companies = [partner, decliner, newcomer, partner];
    const scoring = startPortfolioScoring({ model: DEFAULT_SCORING_MODEL, now: NOW });
    companies.forEach((record, index) => {
      scoring.add(record);
      expect(scoring.count).toBe(index + 1);
    });
    const done: number[] = [];
    const result = scoring.finish((count, total) => done.push(count, total));
    expect(result).toEqual(scorePortfolio({ companies, model: DEFAULT_SCORING_MODEL, now: NOW }));
    expect(done).toEqual([4, 4]);
  });

  test('a finished run takes no more companies and finishes once', () => {
    const scoring = startPortfolioScoring({ model: DEFAULT_SCORING_MODEL, now: NOW });
    scoring.add(partner);
    scoring.finish();
    expect(() => scoring.add(partner)).toThrow(/finished/);
    expect(() => scoring.finish()).toThrow(/already finished/);
  });

  test('an empty run scores nothing', () => {
    const result = startPortfolioScoring({ model: DEFAULT_SCORING_MODEL, now: NOW }).finish();
    expect(result.results).toEqual([]);
    expect(result.pareto.companies).toEqual({ A: 0, B: 0, C: 0 });
  });
});

describe('scoreCompany', () => {
  test('uses the model fallback reference when none is given', () => {
    const record: CompanyRecord = company({
      deals: [deal({ amount: DEFAULT_SCORING_MODEL.scales.revenueReferenceFallback })],
    });
    const result = scoreCompany(record, { model: DEFAULT_SCORING_MODEL, now: NOW, paretoClass: 'B' });
    expect(result.factors.attractiveness.find((factor) => factor.id === 'revenue')!.value).toBe(100);
    expect(result.paretoClass).toBe('B');
  });
});

describe('the public API', () => {
  test('parseSnapshot accepts a HubSpot-shaped snapshot and names the path of a bad one', () => {
    expect(
      parseSnapshot({ schemaVersion: 1, companies: [{ id: '1', properties: { name: 'A' } }] }),
    ).toMatchObject({
      ok: true,
      value: { companies: [{ id: '1', deals: [], tickets: [], meetings: [], contacts: [] }] },
    });
    const bad = parseSnapshot({ schemaVersion: 1, companies: [{ id: '1', properties: { amount: 5 } }] });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.issues.map((issue) => issue.path)).toEqual(['companies.0.properties.amount']);
  });

  test('validateModel and computeParetoClasses are exported', () => {
    expect(validateModel(DEFAULT_SCORING_MODEL).ok).toBe(true);
    expect(
      computeParetoClasses([{ companyId: 'a', wonRevenue: 1 }], DEFAULT_SCORING_MODEL.pareto).classes,
    ).toEqual(['A']);
  });
});
