import fc from 'fast-check';
import {
  company,
  contact,
  deal,
  meeting,
  NOW_MS,
  ticket,
  type CompanySpec,
} from '../../../tests/arbitraries/company-builders';
import { companyRecordArb } from '../../../tests/arbitraries/company-records';
import { readCompanyInput } from './company-input';
import { RISK_SCORE_SIGNALS, type RiskScoreSignalId } from './enums';
import { computeMetrics } from './metrics';
import { purchaseRhythmOf } from './purchase-rhythm';
import { riskEvidenceOf, riskLevelOfScore, riskScoreOf, strengthOf } from './risk-score';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';
import type { RiskScoreSettings } from '../settings/risk-score-schema';

const SETTINGS = DEFAULT_SCORING_MODEL.riskScore;

function evidenceOf(spec: CompanySpec | ReturnType<typeof company>) {
  const record =
    'properties' in spec && 'deals' in spec && Array.isArray(spec.deals) && 'id' in spec
      ? spec
      : company(spec as CompanySpec);
  const input = readCompanyInput(record as ReturnType<typeof company>, {
    nowMs: NOW_MS,
    homeCurrency: 'EUR',
    pipelines: [],
  });
  return riskEvidenceOf(
    computeMetrics(input, DEFAULT_SCORING_MODEL, NOW_MS),
    input.facts.lossReason !== null,
  );
}
const evidenceNamed = (evidence: Float64Array, id: RiskScoreSignalId) =>
  evidence[RISK_SCORE_SIGNALS.indexOf(id)];

/** Won deals every `gap` days, the last `sinceLast` days ago, `count` in all. */
const rhythm = (count: number, gap: number, sinceLast: number, amount = 1000) =>
  Array.from({ length: count }, (_, index) => deal({ amount, closedDaysAgo: sinceLast + index * gap }));

describe('evidence of each warning sign (issue #17)', () => {
  test.each<[string, RiskScoreSignalId, CompanySpec, number]>([
    ['silent 60 days, used to buy every 14', 'purchase_silence', { deals: rhythm(20, 14, 60) }, 60 / 14],
    ['on rhythm', 'purchase_silence', { deals: rhythm(20, 14, 5) }, 5 / 14],
    [
      'last quarter half the one before',
      'quarter_decline',
      { deals: [deal({ amount: 500, closedDaysAgo: 30 }), deal({ amount: 1000, closedDaysAgo: 120 })] },
      0.5,
    ],
    [
      'last quarter against the average quarter of the year before it',
      'quarter_vs_year_decline',
      { deals: [deal({ amount: 100, closedDaysAgo: 30 }), ...rhythm(4, 90, 100, 1000)] },
      0.9,
    ],
    [
      '12 months against the 12 before',
      'year_decline',
      { deals: [deal({ amount: 600, closedDaysAgo: 30 }), deal({ amount: 1000, closedDaysAgo: 400 })] },
      0.4,
    ],
    [
      'one won deal a year after four',
      'frequency_decline',
      { deals: [deal({ closedDaysAgo: 30 }), ...rhythm(4, 60, 400)] },
      0.75,
    ],
    [
      'three lost in a row',
      'lost_deals',
      { deals: [deal({ state: 'lost' }), deal({ state: 'lost' }), deal({ state: 'lost' })] },
      3,
    ],
    [
      'five tickets after one',
      'ticket_burst',
      {
        tickets: [
          ...Array.from({ length: 5 }, () => ticket({ createdDaysAgo: 10, closedDaysAgo: 9 })),
          ticket({ createdDaysAgo: 120, closedDaysAgo: 119 }),
        ],
      },
      4,
    ],
    [
      'two urgent open',
      'open_high_priority_tickets',
      { tickets: [ticket({ priority: 'URGENT' }), ticket({ priority: 'HIGH' })] },
      2,
    ],
    [
      'a cancelled and a no-show meeting',
      'meeting_problems',
      {
        meetings: [
          meeting({ outcome: 'CANCELED' }),
          meeting({ outcome: 'NO_SHOW' }),
          meeting({ outcome: 'RESCHEDULED' }),
        ],
      },
      2,
    ],
    ['a blocker and nobody else', 'decision_roles_missing', { contacts: [contact(['BLOCKER'])] }, 2],
    ['two blockers', 'blockers', { contacts: [contact(['BLOCKER']), contact(['BLOCKER'])] }, 2],
    ['no open pipeline after a year of buying', 'pipeline_drying', { deals: rhythm(4, 90, 10) }, 1],
    [
      'half a quarter open',
      'pipeline_drying',
      { deals: [...rhythm(4, 90, 10), deal({ state: 'open', amount: 500, closedDaysAgo: -30 })] },
      0.5,
    ],
    ['a loss reason', 'loss_reason_recorded', { properties: { kam_loss_reason: 'price' } }, 1],
  ])('%s: %s', (_label, id, spec, expected) => {
    expect(evidenceNamed(evidenceOf(spec), id)).toBeCloseTo(expected, 2);
  });

  test.each<[RiskScoreSignalId, CompanySpec]>([
    ['purchase_silence', { deals: [deal()] }],
    ['quarter_decline', { deals: [deal({ closedDaysAgo: 30 })] }],
    ['year_decline', { deals: [deal({ closedDaysAgo: 30 })] }],
    ['frequency_decline', { deals: [deal({ closedDaysAgo: 30 }), deal({ closedDaysAgo: 400 })] }],
    ['contact_gap', {}],
    ['decision_roles_missing', {}],
    ['pipeline_drying', { deals: [deal({ closedDaysAgo: 500 })] }],
  ])('%s has no evidence (NaN, strength 0) when the data cannot say', (id, spec) => {
    const evidence = evidenceNamed(evidenceOf(spec), id)!;
    expect(evidence).toBeNaN();
    const ramp = SETTINGS.signals[id];
    expect(strengthOf(evidence, ramp.from, ramp.to)).toBe(0);
  });

  test('signals work with under two years of history: a newcomer that fell silent', () => {
    const evidence = evidenceOf({ deals: rhythm(10, 21, 100) }); // ten purchases three weeks apart, none for 100 days
    expect(evidenceNamed(evidence, 'purchase_silence')).toBeCloseTo(100 / 21, 2);
    expect(evidenceNamed(evidence, 'quarter_vs_year_decline')).toBe(1);
    expect(evidenceNamed(evidence, 'year_decline')).toBeNaN();
    const score = riskScoreOf(evidence, SETTINGS);
    expect(riskLevelOfScore(score.score, SETTINGS.levels)).not.toBe('none');
    expect(score.contributions.map((c) => c.id)).toContain('purchase_silence');
  });

  test('the median gap ignores split orders (at least a week) and needs two won deals', () => {
    expect(purchaseRhythmOf([], 4, NOW_MS).medianGapDays).toBeNull();
    const sameDay = [0, 0, 0].map((index) => ({
      id: String(index),
      amount: 1,
      closedAt: NOW_MS - 86_400_000,
      closedAtIso: null,
      isWon: true,
      isClosed: true,
    }));
    expect(purchaseRhythmOf(sameDay, 4, NOW_MS).medianGapDays).toBe(7);
  });
});

describe('the graded score', () => {
  test('no sign at all is the baseline; contributions add up to the rise over it', () => {
    const quiet = riskScoreOf(new Float64Array(RISK_SCORE_SIGNALS.length).fill(Number.NaN), SETTINGS);
    expect(quiet.score).toBe(quiet.baseline);
    expect(quiet.contributions).toEqual([]);
    const loud = riskScoreOf(
      evidenceOf({
        contacts: [contact(['BLOCKER'])],
        deals: [deal({ state: 'lost' }), deal({ state: 'lost' })],
      }),
      SETTINGS,
    );
    const sum = loud.contributions.reduce((total, c) => total + c.points, 0);
    expect(Math.abs(sum - (loud.score - loud.baseline))).toBeLessThan(0.1 * loud.contributions.length + 0.05);
    const points = loud.contributions.map((c) => c.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });

  test.each<[number, string]>([
    [0, 'none'],
    [SETTINGS.levels.watch - 0.1, 'none'],
    [SETTINGS.levels.watch, 'watch'],
    [SETTINGS.levels.atRisk, 'at_risk'],
    [SETTINGS.levels.critical, 'critical'],
    [100, 'critical'],
  ])('score %p is %s', (score, level) => {
    expect(riskLevelOfScore(score, SETTINGS.levels)).toBe(level);
  });

  const rampArb = fc
    .tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }))
    .map(([from, width]) => ({ from, to: from + width }));
  const settingsArb: fc.Arbitrary<RiskScoreSettings> = fc
    .record({
      intercept: fc.double({ min: -20, max: 20, noNaN: true }),
      weights: fc.array(fc.double({ min: 0, max: 50, noNaN: true }), {
        minLength: RISK_SCORE_SIGNALS.length,
        maxLength: RISK_SCORE_SIGNALS.length,
      }),
      ramps: fc.array(rampArb, {
        minLength: RISK_SCORE_SIGNALS.length,
        maxLength: RISK_SCORE_SIGNALS.length,
      }),
    })
    .map(({ intercept, weights, ramps }) => ({
      ...SETTINGS,
      intercept,
      signals: Object.fromEntries(
        RISK_SCORE_SIGNALS.map((id, index) => [id, { weight: weights[index]!, ...ramps[index]! }]),
      ) as RiskScoreSettings['signals'],
    }));
  const evidenceArb = fc
    .array(
      fc.oneof(fc.double({ min: -1e6, max: 1e6 }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, 1)),
      { minLength: RISK_SCORE_SIGNALS.length, maxLength: RISK_SCORE_SIGNALS.length },
    )
    .map((values) => Float64Array.from(values));

  test('the score is in 0–100 and finite for any evidence, NaN and infinities included', () => {
    fc.assert(
      fc.property(evidenceArb, settingsArb, (evidence, settings) => {
        const result = riskScoreOf(evidence, settings);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        for (const c of result.contributions) {
          expect(Number.isFinite(c.points)).toBe(true);
        }
      }),
    );
  });

  test('raising any warning sign never lowers the risk score', () => {
    fc.assert(
      fc.property(
        evidenceArb,
        settingsArb,
        fc.nat({ max: RISK_SCORE_SIGNALS.length - 1 }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (evidence, settings, index, rise) => {
          const before = riskScoreOf(evidence, settings).score;
          const raised = Float64Array.from(evidence);
          const current = raised[index]!;
          raised[index] = Number.isNaN(current) ? rise : current + rise;
          expect(riskScoreOf(raised, settings).score).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  test('adding a warning sign to the data never lowers the score', () => {
    const additions: ((spec: CompanySpec) => CompanySpec)[] = [
      (spec) => ({ ...spec, deals: [...(spec.deals ?? []), deal({ state: 'lost', closedDaysAgo: 1 })] }),
      (spec) => ({
        ...spec,
        tickets: [...(spec.tickets ?? []), ticket({ priority: 'URGENT', createdDaysAgo: 5 })],
      }),
      (spec) => ({
        ...spec,
        meetings: [...(spec.meetings ?? []), meeting({ outcome: 'NO_SHOW', startedDaysAgo: 3 })],
      }),
      (spec) => ({ ...spec, contacts: [...(spec.contacts ?? []), contact(['BLOCKER'])] }),
      (spec) => ({ ...spec, properties: { ...spec.properties, kam_loss_reason: 'price' } }),
    ];
    const specArb = fc.record({
      deals: fc.array(
        fc.record({
          amount: fc.integer({ min: 0, max: 10_000 }),
          closedDaysAgo: fc.integer({ min: 1, max: 1400 }),
          state: fc.constantFrom('won', 'lost', 'open') as fc.Arbitrary<'won' | 'lost' | 'open'>,
        }),
        { maxLength: 12 },
      ),
      tickets: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(specArb, fc.nat({ max: additions.length - 1 }), (drawn, which) => {
        const spec: CompanySpec = {
          deals: drawn.deals.map((d) => deal(d)),
          tickets: drawn.tickets.map((days) => ticket({ createdDaysAgo: days, closedDaysAgo: days - 1 })),
        };
        const before = riskScoreOf(evidenceOf(spec), SETTINGS).score;
        const after = riskScoreOf(evidenceOf(additions[which]!(spec)), SETTINGS).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  test('no NaN from malformed records', () => {
    fc.assert(
      fc.property(companyRecordArb({ garbage: true }), (record) => {
        const result = riskScoreOf(evidenceOf(record), SETTINGS);
        expect(Number.isFinite(result.score)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
