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
import type { RiskLevel, RiskSignalId } from './enums';
import { RISK_SIGNALS } from './enums';
import { computeMetrics } from './metrics';
import { createSharedParts } from './shared-parts';
import { assessRisk, type RiskSeverity } from './risk-signals';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';

function riskOf(spec: CompanySpec) {
  const input = readCompanyInput(company(spec), { nowMs: NOW_MS, homeCurrency: 'EUR', pipelines: [] });
  return assessRisk({
    facts: input.facts,
    metrics: computeMetrics(input, DEFAULT_SCORING_MODEL, NOW_MS),
    model: DEFAULT_SCORING_MODEL,
    homeCurrency: 'EUR',
    shared: createSharedParts(),
  });
}

const contactedDaysAgo = (days: number) => new Date(NOW_MS - days * 86_400_000).toISOString();
const tickets = (count: number, createdDaysAgo: number) =>
  Array.from({ length: count }, () =>
    ticket({ createdDaysAgo, closedDaysAgo: Math.max(0, createdDaysAgo - 1) }),
  );

// methodology §8 (loss stages), §7 diagnostics, §9 step 2, 002: every signal, at each severity it can take
const SIGNAL_CASES: [RiskSignalId, RiskSeverity, string, CompanySpec, Record<string, unknown>, string][] = [
  [
    'volume_decline',
    'at_risk',
    'won revenue fell 40% against the previous 12 months',
    { deals: [deal({ amount: 600, closedDaysAgo: 30 }), deal({ amount: 1000, closedDaysAgo: 400 })] },
    { wonRevenueLast12Months: 600, wonRevenuePrevious12Months: 1000, decline: 0.4 },
    'Won revenue fell 40% against the previous 12 months (1,000 → 600 EUR).',
  ],
  [
    'volume_decline',
    'critical',
    'the client stopped buying',
    { deals: [deal({ amount: 1000, closedDaysAgo: 400 })] },
    { wonRevenueLast12Months: 0, wonRevenuePrevious12Months: 1000, decline: 1 },
    'Won revenue fell 100% against the previous 12 months (1,000 → 0 EUR).',
  ],
  [
    'ticket_burst',
    'watch',
    'tickets doubled to 4 in 90 days',
    { tickets: [...tickets(4, 20), ...tickets(2, 120)] },
    { ticketsInActivityWindow: 4, ticketsInPreviousActivityWindow: 2, activityWindowDays: 90 },
    '4 tickets in the last 90 days against 2 in the 90 days before.',
  ],
  [
    'ticket_burst',
    'at_risk',
    '8 tickets in 90 days',
    { tickets: tickets(8, 20) },
    { ticketsInActivityWindow: 8, ticketsInPreviousActivityWindow: 0, activityWindowDays: 90 },
    '8 tickets in the last 90 days against 0 in the 90 days before.',
  ],
  [
    'high_priority_open_tickets',
    'watch',
    'one urgent ticket open',
    { tickets: [ticket({ priority: 'URGENT', createdDaysAgo: 200 })] },
    { openHighPriorityTickets: 1 },
    '1 high or urgent priority ticket(s) still open.',
  ],
  [
    'high_priority_open_tickets',
    'at_risk',
    'three high-priority tickets open',
    { tickets: [1, 2, 3].map(() => ticket({ priority: 'HIGH', createdDaysAgo: 200 })) },
    { openHighPriorityTickets: 3 },
    '3 high or urgent priority ticket(s) still open.',
  ],
  [
    'meeting_problems',
    'at_risk',
    'two of three meetings cancelled or missed',
    { meetings: [meeting(), meeting({ outcome: 'CANCELED' }), meeting({ outcome: 'NO_SHOW' })] },
    {
      meetingsInActivityWindow: 3,
      meetingsRescheduled: 0,
      meetingsCancelled: 1,
      meetingsNoShow: 1,
      meetingProblemShare: 0.6667,
    },
    '2 of 3 meetings in 90 days were rescheduled, cancelled or missed (67%).',
  ],
  [
    'no_recent_contact',
    'watch',
    'no contact for 75 days',
    { properties: { notes_last_contacted: contactedDaysAgo(75) } },
    { daysSinceLastContact: 75 },
    'No contact for 75 days.',
  ],
  [
    'no_recent_contact',
    'at_risk',
    'no contact for 150 days',
    { properties: { notes_last_contacted: contactedDaysAgo(150) } },
    { daysSinceLastContact: 150 },
    'No contact for 150 days.',
  ],
  [
    'blocker_in_buying_centre',
    'watch',
    'a blocker balanced by a champion',
    { contacts: [contact(['BLOCKER']), contact(['CHAMPION'])] },
    { blockerCount: 1, hasSponsor: 'yes' },
    '1 blocker(s) in the buying centre.',
  ],
  [
    'blocker_in_buying_centre',
    'at_risk',
    'a blocker and no sponsor',
    { contacts: [contact(['BLOCKER']), contact(['DECISION_MAKER'])] },
    { blockerCount: 1, hasSponsor: 'no' },
    '1 blocker(s) in the buying centre and no champion or executive sponsor.',
  ],
  [
    'lost_deals_streak',
    'at_risk',
    'the last three deals lost',
    {
      deals: [
        deal({ closedDaysAgo: 300 }),
        deal({ state: 'lost', closedDaysAgo: 200 }),
        deal({ state: 'lost', closedDaysAgo: 100 }),
        deal({ state: 'lost', closedDaysAgo: 50 }),
        deal({ state: 'open' }),
      ],
    },
    { lostDealsStreak: 3 },
    'The last 3 closed deals were lost.',
  ],
  [
    'commodity_perception',
    'watch',
    'seen as a commodity broker',
    { properties: { kam_perception_level: 'commodity_broker' } },
    { perceptionLevel: 'commodity_broker' },
    'The client sees us as a commodity broker, "one of many": loyalty is close to zero.',
  ],
  [
    'late_payment',
    'watch',
    'often pays late',
    { properties: { kam_payment_discipline: 'often_late' } },
    { paymentDiscipline: 'often_late' },
    'The client often pays late.',
  ],
  [
    'loss_reason_recorded',
    'critical',
    'the KAM recorded a loss reason',
    { properties: { kam_loss_reason: 'switched_supplier' } },
    { lossReason: 'switched_supplier' },
    'A loss reason is recorded: switched to another supplier.',
  ],
];

describe('risk signals (methodology §8)', () => {
  test.each(SIGNAL_CASES)('%s is %s when %s', (id, severity, _when, spec, data, english) => {
    const risk = riskOf(spec);
    const signal = risk.signals.find((candidate) => candidate.id === id);
    expect(signal).toBeDefined();
    expect(signal!.severity).toBe(severity);
    expect(signal!.data).toEqual(data);
    expect(signal!.text.en).toBe(english);
    expect(signal!.text.ru.length).toBeGreaterThan(10);
  });

  test('every signal of the enumeration has a case above', () => {
    expect(new Set(SIGNAL_CASES.map(([id]) => id))).toEqual(new Set(RISK_SIGNALS));
  });

  test.each<[string, CompanySpec]>([
    [
      'a decline under 30%',
      { deals: [deal({ amount: 800, closedDaysAgo: 30 }), deal({ amount: 1000, closedDaysAgo: 400 })] },
    ],
    ['3 tickets (under the burst count)', { tickets: tickets(3, 20) }],
    ['4 tickets after 3 (not doubled)', { tickets: [...tickets(4, 20), ...tickets(3, 120)] }],
    ['one meeting cancelled of one (too few to judge)', { meetings: [meeting({ outcome: 'CANCELED' })] }],
    ['contact 59 days ago', { properties: { notes_last_contacted: contactedDaysAgo(59) } }],
    ['two lost deals in a row', { deals: [deal({ state: 'lost' }), deal({ state: 'lost' })] }],
    ['a provider perception level', { properties: { kam_perception_level: 'provider' } }],
    ['sometimes late payment', { properties: { kam_payment_discipline: 'sometimes_late' } }],
    ['no data at all', {}],
  ])('no signal for %s', (_label, spec) => {
    expect(riskOf(spec)).toMatchObject({ level: 'none', lossStage: 0, signals: [] });
  });
});

describe('risk level and loss stage (methodology §8)', () => {
  test.each<[RiskLevel, number, CompanySpec]>([
    ['none', 0, {}],
    ['critical', 3, { properties: { kam_loss_reason: 'price' } }],
  ])('%s maps to loss stage %p', (level, lossStage, spec) => {
    expect(riskOf(spec)).toMatchObject({ level, lossStage });
  });

  test('the level is the cut of the graded score, whatever the named signals say', () => {
    const risk = riskOf({
      properties: { notes_last_contacted: contactedDaysAgo(200) },
      contacts: [contact(['BLOCKER'])],
      deals: [deal({ state: 'lost' }), deal({ state: 'lost' }), deal({ state: 'lost' })],
    });
    expect(risk.signals.map((signal) => signal.severity)).toEqual(['at_risk', 'at_risk', 'at_risk']);
    const { levels } = DEFAULT_SCORING_MODEL.riskScore;
    const expected: RiskLevel =
      risk.score >= levels.critical
        ? 'critical'
        : risk.score >= levels.atRisk
          ? 'at_risk'
          : risk.score >= levels.watch
            ? 'watch'
            : 'none';
    expect(risk.level).toBe(expected);
    expect(risk.contributions.map((c) => c.id)).toEqual(
      expect.arrayContaining(['lost_deals', 'blockers', 'contact_gap']),
    );
  });

  test('stage 4 (arbitration) is never inferred from CRM data', () => {
    const risk = riskOf({
      properties: { kam_loss_reason: 'price', notes_last_contacted: contactedDaysAgo(400) },
      deals: [deal({ amount: 1000, closedDaysAgo: 400 })],
      tickets: tickets(20, 5),
    });
    expect(risk.lossStage).toBe(3);
  });
});
