import {
  company,
  contact,
  deal,
  meeting,
  NOW_MS,
  ticket,
  type CompanySpec,
} from '../../../tests/arbitraries/company-builders';
import { readCompanyInput } from './company-input';
import { computeMetrics } from './metrics';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';

const metricsOf = (spec: CompanySpec, model = DEFAULT_SCORING_MODEL) =>
  computeMetrics(
    readCompanyInput(company(spec), { nowMs: NOW_MS, homeCurrency: 'EUR', pipelines: model.pipelines }),
    model,
    NOW_MS,
  );

describe('computeMetrics: deals', () => {
  test('splits won revenue into the last 12 months and the 12 before, and computes growth', () => {
    const metrics = metricsOf({
      deals: [
        deal({ amount: 600, closedDaysAgo: 10 }),
        deal({ amount: 600, closedDaysAgo: 364 }),
        deal({ amount: 1000, closedDaysAgo: 366 }),
        deal({ amount: 999, closedDaysAgo: 800 }), // before both windows
        deal({ amount: 5000, state: 'lost', closedDaysAgo: 20 }),
      ],
    });
    expect(metrics.wonRevenueLast12Months).toBe(1200);
    expect(metrics.wonRevenuePrevious12Months).toBe(1000);
    expect(metrics.wonRevenueGrowth).toBe(0.2);
    expect(metrics.wonDealsLast12Months).toBe(2);
  });

  test('growth is null when nothing was won in the 12 months before', () => {
    expect(metricsOf({ deals: [deal({ closedDaysAgo: 5 })] }).wonRevenueGrowth).toBeNull();
  });

  test.each([
    { previous: 5e-324, label: 'the smallest positive number' },
    { previous: 0.004, label: 'less than half a cent' },
  ])('growth is null, not Infinity, over a previous year of $label (it shows as 0.00)', ({ previous }) => {
    const metrics = metricsOf({
      deals: [deal({ amount: 1, closedDaysAgo: 10 }), deal({ amount: previous, closedDaysAgo: 400 })],
    });
    expect(metrics.wonRevenuePrevious12Months).toBe(0);
    expect(metrics.wonRevenueGrowth).toBeNull();
  });

  test('yearly won volumes cover the history window in calendar years, oldest first', () => {
    // NOW is 2026-06-01: the years are 2023…2026
    const metrics = metricsOf({
      deals: [
        deal({ amount: 100, closedDaysAgo: 10 }), // 2026
        deal({ amount: 200, closedDaysAgo: 200 }), // 2025
        deal({ amount: 300, closedDaysAgo: 900 }), // 2023
        deal({ amount: 400, closedDaysAgo: 2000 }), // 2020: outside
      ],
    });
    expect(metrics.yearlyWonVolumes).toEqual([
      { year: 2023, amount: 300 },
      { year: 2024, amount: 0 },
      { year: 2025, amount: 200 },
      { year: 2026, amount: 100 },
    ]);
  });

  test('purchase frequency, regularity and repeat purchase follow the history since the first purchase', () => {
    // quarterly purchases over about two years: every one of the 8 observed quarters has one
    const deals = Array.from({ length: 8 }, (_, index) => deal({ closedDaysAgo: 10 + index * 91 }));
    const metrics = metricsOf({ deals });
    expect(metrics.wonDealsInHistory).toBe(8);
    expect(metrics.purchaseFrequencyPerYear).toBeCloseTo(8 / ((10 + 7 * 91) / 365), 3);
    expect(metrics.purchaseRegularity).toBeCloseTo(8 / 8, 3);
    expect(metrics.repeatPurchaseShare).toBe(1);
  });

  test('a single recent purchase is one active quarter of at least four and one active year of at least two', () => {
    const metrics = metricsOf({ deals: [deal({ closedDaysAgo: 5 })] });
    expect(metrics.purchaseRegularity).toBe(0.25);
    expect(metrics.repeatPurchaseShare).toBe(0.5);
    expect(metrics.purchaseFrequencyPerYear).toBe(1);
  });

  test('win rate, open pipeline, tenure and the lost-deal streak', () => {
    const metrics = metricsOf({
      deals: [
        deal({ closedDaysAgo: 730 }),
        deal({ state: 'lost', closedDaysAgo: 60 }),
        deal({ state: 'lost', closedDaysAgo: 40 }),
        deal({ state: 'lost', closedDaysAgo: 20 }),
        deal({ state: 'open', amount: 2500, closedDaysAgo: -30 }),
        deal({ state: 'open', amount: 'n/a' }),
      ],
    });
    expect(metrics.winRate).toBe(0.25);
    expect(metrics.openDealCount).toBe(2);
    expect(metrics.openPipelineAmount).toBe(2500);
    expect(metrics.tenureYears).toBe(2);
    expect(metrics.lostDealsStreak).toBe(3);
  });

  test('without deals, deal metrics that need them are null', () => {
    const metrics = metricsOf({});
    expect(metrics).toMatchObject({
      dealCount: 0,
      wonRevenueLast12Months: 0,
      purchaseRegularity: null,
      repeatPurchaseShare: null,
      winRate: null,
      tenureYears: null,
      firstWonAt: null,
    });
  });

  test('with deals but no win, tenure is zero', () => {
    expect(metricsOf({ deals: [deal({ state: 'lost' })] }).tenureYears).toBe(0);
  });

  test('net value subtracts the annual cost to serve', () => {
    const metrics = metricsOf({
      properties: { kam_annual_cost_to_serve: '300' },
      deals: [deal({ amount: 1000 })],
    });
    expect(metrics.netValueLast12Months).toBe(700);
    expect(metricsOf({ deals: [deal()] }).netValueLast12Months).toBeNull();
  });
});

describe('computeMetrics: engagement, meetings, buying centre, tickets', () => {
  test('days since last contact take the later of notes_last_contacted and the last held meeting', () => {
    const metrics = metricsOf({
      properties: { notes_last_contacted: new Date(NOW_MS - 40 * 86_400_000).toISOString() },
      meetings: [meeting({ startedDaysAgo: 12 }), meeting({ startedDaysAgo: 2, outcome: 'CANCELED' })],
    });
    expect(metrics.daysSinceLastContact).toBe(12);
    expect(metricsOf({}).daysSinceLastContact).toBeNull();
  });

  test('meetings in the activity window and the share rescheduled, cancelled or no-show', () => {
    const metrics = metricsOf({
      meetings: [
        meeting({ startedDaysAgo: 5 }),
        meeting({ startedDaysAgo: 15, outcome: 'RESCHEDULED' }),
        meeting({ startedDaysAgo: 25, outcome: 'CANCELED' }),
        meeting({ startedDaysAgo: 35, outcome: 'NO_SHOW' }),
        meeting({ startedDaysAgo: 120 }), // outside 90 days
        meeting({ startedDaysAgo: -3, outcome: 'SCHEDULED' }), // planned
      ],
    });
    expect(metrics).toMatchObject({
      meetingsInActivityWindow: 4,
      meetingsCompleted: 1,
      meetingsRescheduled: 1,
      meetingsCancelled: 1,
      meetingsNoShow: 1,
      meetingProblemShare: 0.75,
    });
  });

  test('buying-centre coverage counts the model key roles held and the blockers', () => {
    const metrics = metricsOf({
      contacts: [
        contact(['DECISION_MAKER', 'INFLUENCER']),
        contact(['BLOCKER']),
        contact(['END_USER']),
        contact([]),
      ],
    });
    expect(metrics.buyingCentre).toEqual({
      contactCount: 4,
      rolesCovered: ['DECISION_MAKER', 'END_USER', 'INFLUENCER', 'BLOCKER'],
      keyRolesCovered: 2,
      keyRoleCount: 5,
      blockerCount: 1,
      hasSponsor: false,
      decisionMakersReported: null,
    });
  });

  // organisation map (003): the manager's kam_attitude and kam_influence, where filled in
  test('attitude overrides the role for sponsors and blockers; a low-influence contact is not counted', () => {
    const judged = (roles: string[], properties: Record<string, string>): ReturnType<typeof contact> => {
      const record = contact(roles);
      return { ...record, properties: { ...record.properties, ...properties } };
    };
    const centre = (contacts: ReturnType<typeof contact>[]) => metricsOf({ contacts }).buyingCentre;
    // a BLOCKER the manager judges neutral is not one; an END_USER judged anti-sponsor is
    expect(centre([judged(['BLOCKER'], { kam_attitude: 'neutral' })]).blockerCount).toBe(0);
    expect(centre([judged(['END_USER'], { kam_attitude: 'anti_sponsor' })]).blockerCount).toBe(1);
    expect(centre([judged(['BLOCKER'], { kam_influence: 'low' })]).blockerCount).toBe(0);
    // a sponsor by attitude alone; a CHAMPION judged a critic is none; low influence does not count
    expect(centre([judged([], { kam_attitude: 'sponsor' })]).hasSponsor).toBe(true);
    expect(centre([judged(['CHAMPION'], { kam_attitude: 'critic' })]).hasSponsor).toBe(false);
    expect(centre([judged(['CHAMPION'], { kam_influence: 'low' })]).hasSponsor).toBe(false);
    expect(centre([contact(['EXECUTIVE_SPONSOR'])]).hasSponsor).toBe(true);
    // roles covered stay what HubSpot says: the judgement moves sponsors and blockers only
    expect(centre([judged(['CHAMPION'], { kam_attitude: 'critic' })]).rolesCovered).toEqual(['CHAMPION']);
  });

  test("HubSpot's decision-maker count stands in when no contact carries roles", () => {
    const metrics = metricsOf({ properties: { hs_num_decision_makers: '2' } });
    expect(metrics.buyingCentre.rolesCovered).toEqual(['DECISION_MAKER']);
    expect(metrics.buyingCentre.keyRolesCovered).toBe(1);
  });

  test('tickets in the window, the window before, the trend, high-priority and open ones', () => {
    const metrics = metricsOf({
      tickets: [
        ticket({ createdDaysAgo: 5, priority: 'URGENT' }),
        ticket({ createdDaysAgo: 10, priority: 'HIGH', closedDaysAgo: 2 }),
        ticket({ createdDaysAgo: 20, priority: 'LOW', closedDaysAgo: 19 }),
        ticket({ createdDaysAgo: 30 }),
        ticket({ createdDaysAgo: 100, closedDaysAgo: 90 }),
        ticket({ createdDaysAgo: 150, priority: 'HIGH' }),
      ],
    });
    expect(metrics).toMatchObject({
      ticketsInActivityWindow: 4,
      ticketsInPreviousActivityWindow: 2,
      ticketTrend: 2,
      highPriorityTicketsInActivityWindow: 2,
      openTickets: 3,
      openHighPriorityTickets: 2,
    });
  });

  test('the activity window comes from the model', () => {
    const model = {
      ...DEFAULT_SCORING_MODEL,
      windows: { ...DEFAULT_SCORING_MODEL.windows, activityDays: 30 },
    };
    const metrics = metricsOf(
      { tickets: [ticket({ createdDaysAgo: 20 }), ticket({ createdDaysAgo: 40 })] },
      model,
    );
    expect(metrics.ticketsInActivityWindow).toBe(1);
    expect(metrics.ticketsInPreviousActivityWindow).toBe(1);
    expect(metrics.activityWindowDays).toBe(30);
  });
});
