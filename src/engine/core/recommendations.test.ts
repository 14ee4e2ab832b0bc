import type { PlanAssessment } from './account-plan';
import type { FactorScore } from './axis-score';
import {
  ATTRACTIVENESS_FACTORS,
  AXIS_LEVELS,
  RECOMMENDATIONS,
  RISK_SIGNALS,
  STRENGTH_FACTORS,
  type AxisLevel,
  type FactorId,
  type RecommendationId,
} from './enums';
import { FACTOR_LABELS } from './catalogue-texts';
import { NO_PLAN_ASSESSMENT } from './plan-assessment';
import { recommend, RECOMMENDATION_CATALOGUE, type RecommendationContext } from './recommendations';
import type { RiskAssessment, RiskSignal } from './risk-signals';
import { createSharedParts } from './shared-parts';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';

const NO_RISK: RiskAssessment = {
  level: 'none',
  lossStage: 0,
  signals: [],
  score: 5,
  contributions: [],
  calibrated: null,
};
const LEVEL_VALUE: Record<AxisLevel, number> = { weak: 20, medium: 55, strong: 85 };

const factor = (id: FactorId, value: number | null, weight = 10): FactorScore => ({
  id,
  axis: (ATTRACTIVENESS_FACTORS as readonly string[]).includes(id) ? 'attractiveness' : 'strength',
  label: FACTOR_LABELS[id],
  value,
  weight,
  contribution: 0,
  raw: value,
  hasData: value !== null,
});

const signal = (id: RiskSignal['id'], severity: RiskSignal['severity']): RiskSignal => ({
  id,
  severity,
  data: {},
  text: { en: `${id} happened.`, ru: `${id} случилось.` },
});

function contextOf(overrides: Partial<RecommendationContext> = {}): RecommendationContext {
  return {
    attractiveness: 85,
    strength: 85,
    attractivenessLevel: 'strong',
    strengthLevel: 'strong',
    risk: NO_RISK,
    factors: [],
    confidence: 1,
    dataGaps: [],
    describeFactor: (id) => ({ en: `data of ${id}`, ru: `данные ${id}` }),
    shared: createSharedParts(),
    model: {
      ...DEFAULT_SCORING_MODEL,
      recommendations: { ...DEFAULT_SCORING_MODEL.recommendations, max: 20 },
    },
    previousRecommendations: null,
    ...overrides,
  };
}

const planAssessment = (status: PlanAssessment['status']): PlanAssessment =>
  status === 'none'
    ? NO_PLAN_ASSESSMENT
    : { ...NO_PLAN_ASSESSMENT, status, versionId: '9', version: 'v2', nextReviewOn: '2027-03-01' };

const cell = (attractivenessLevel: AxisLevel, strengthLevel: AxisLevel) =>
  contextOf({
    attractivenessLevel,
    strengthLevel,
    attractiveness: LEVEL_VALUE[attractivenessLevel],
    strength: LEVEL_VALUE[strengthLevel],
  });

describe('recommendations by strategy cell (methodology §4 → §5, §10)', () => {
  // rows and columns in the order of methodology §4
  test.each<[AxisLevel, AxisLevel, string, RecommendationId[]]>([
    ['strong', 'weak', 'Retain selectively', ['build_trust', 'buying_centre_mapping']],
    ['strong', 'medium', 'Develop cooperation', ['joint_activities', 'account_development_plan']],
    ['strong', 'strong', 'Protect ties', ['entry_barriers', 'exit_barriers']],
    ['medium', 'weak', 'Retain with minimal effort', ['minimal_effort_service']],
    ['medium', 'medium', 'Protect ties', ['build_trust', 'entry_barriers']],
    ['medium', 'strong', 'Develop cooperation', ['account_development_plan', 'grow_share_of_wallet']],
    ['weak', 'weak', 'Withdraw', ['review_cost_to_serve', 'withdraw_gracefully']],
    ['weak', 'medium', 'Retain with minimal effort', ['minimal_effort_service']],
    ['weak', 'strong', 'Protect ties selectively', ['build_community', 'review_cost_to_serve']],
  ])('attractiveness %s, our position %s (%s)', (attractiveness, strength, label, ids) => {
    const recommendations = recommend(cell(attractiveness, strength));
    expect(recommendations.map((recommendation) => recommendation.id)).toEqual(ids);
    for (const recommendation of recommendations) {
      expect(recommendation.source).toBe('strategy');
      expect(recommendation.reason.en).toContain(`"${label}"`);
      expect(recommendation.priority).toBe(attractiveness === 'weak' ? 3 : 2);
    }
  });

  test('the reason names the axis values', () => {
    const [first] = recommend(cell('strong', 'weak'));
    expect(first!.reason).toEqual({
      en: 'Attractiveness is strong (85) and our position weak (20): the strategy is "Retain selectively".',
      ru: 'Привлекательность клиента сильная (85), наша позиция слабая (20): стратегия — «Удерживать выборочно».',
    });
  });
});

describe('recommendations by risk, weak factors and data gaps', () => {
  test('a serious signal comes first, priority 1, with the signal text as its reason', () => {
    const risk: RiskAssessment = {
      level: 'at_risk',
      lossStage: 2,
      score: 50,
      contributions: [],
      calibrated: null,
      signals: [signal('volume_decline', 'at_risk')],
    };
    const [first] = recommend(contextOf({ risk }));
    expect(first).toMatchObject({
      id: 'lost_client_interview',
      priority: 1,
      source: 'risk',
      reason: { en: 'volume_decline happened.', ru: 'volume_decline случилось.' },
      methodology: '§9',
    });
  });

  test('a watch signal is priority 2', () => {
    const risk: RiskAssessment = {
      level: 'watch',
      lossStage: 1,
      score: 25,
      contributions: [],
      calibrated: null,
      signals: [signal('commodity_perception', 'watch')],
    };
    expect(recommend(contextOf({ risk }))[0]).toMatchObject({ id: 'climb_perception_ladder', priority: 2 });
  });

  test('a weak factor earns its action with a reason naming its value and data', () => {
    const recommendations = recommend(
      contextOf({ factors: [factor('buying_centre_coverage', 15), factor('tenure', 90)] }),
    );
    const mapping = recommendations.find((recommendation) => recommendation.id === 'buying_centre_mapping');
    expect(mapping).toMatchObject({
      priority: 2,
      source: 'factor',
      reason: {
        en: 'Buying-centre coverage scores 15/100: data of buying_centre_coverage.',
        ru: 'Охват закупочного центра: 15 из 100 — данные buying_centre_coverage.',
      },
    });
    expect(recommendations.some((recommendation) => recommendation.id === 'build_trust')).toBe(false);
  });

  // issue #16: a factor drifting by tenths around the threshold (40, dead band 2) must not give and
  // take back its action day after day
  test.each([
    ['never scored: plain threshold', 39.9, null, true],
    ['never scored: plain threshold', 40, null, false],
    ['given before: held within the band above the threshold', 41.9, ['buying_centre_mapping'], true],
    ['given before: dropped once past the band', 42, ['buying_centre_mapping'], false],
    ['not given before: not given within the band below', 38.1, [], false],
    ['not given before: given once past the band', 37.9, [], true],
  ] as const)('weak factor dead band, %s (value %d)', (_label, value, previous, given) => {
    const recommendations = recommend(
      contextOf({ factors: [factor('buying_centre_coverage', value)], previousRecommendations: previous }),
    );
    expect(recommendations.some((recommendation) => recommendation.id === 'buying_centre_mapping')).toBe(
      given,
    );
  });

  test('factors without data or weight are never weak; a withdraw cell gets no factor actions', () => {
    const factors = [factor('perception_level', null), factor('recommends_us', 0, 0)];
    expect(
      recommend(contextOf({ factors })).some((recommendation) => recommendation.source === 'factor'),
    ).toBe(false);
    const withdraw = { ...cell('weak', 'weak'), factors: [factor('perception_level', 0)] };
    expect(recommend(withdraw).some((recommendation) => recommendation.source === 'factor')).toBe(false);
  });

  test('the same action from several triggers appears once, at its most urgent', () => {
    const risk: RiskAssessment = {
      level: 'at_risk',
      lossStage: 2,
      score: 50,
      contributions: [],
      calibrated: null,
      signals: [signal('blocker_in_buying_centre', 'at_risk')],
    };
    const recommendations = recommend({
      ...cell('strong', 'weak'),
      risk,
      factors: [factor('buying_centre_coverage', 10)],
    });
    const mappings = recommendations.filter(
      (recommendation) => recommendation.id === 'buying_centre_mapping',
    );
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({ priority: 1, source: 'risk' });
  });

  test('low confidence asks for the missing information, naming it', () => {
    const factors = [factor('reputation', null), factor('perception_level', null), factor('tenure', 80)];
    const collect = recommend(
      contextOf({ factors, confidence: 0.4, dataGaps: ['reputation', 'perception_level'] }),
    ).find((recommendation) => recommendation.id === 'collect_account_information');
    expect(collect).toMatchObject({ priority: 3, source: 'data' });
    expect(collect!.reason.en).toBe(
      'Confidence is 40%: no data for market reputation, perception ladder level.',
    );
  });

  test('the list is capped at the model maximum, most urgent first', () => {
    const risk: RiskAssessment = {
      level: 'critical',
      lossStage: 3,
      score: 80,
      contributions: [],
      calibrated: null,
      signals: RISK_SIGNALS.map((id) => signal(id, 'at_risk')),
    };
    const model = {
      ...DEFAULT_SCORING_MODEL,
      recommendations: { ...DEFAULT_SCORING_MODEL.recommendations, max: 3 },
    };
    const recommendations = recommend(contextOf({ risk, model }));
    expect(recommendations).toHaveLength(3);
    expect(recommendations.every((recommendation) => recommendation.priority === 1)).toBe(true);
  });
});

describe('the catalogue', () => {
  test('every action has a title in English and Russian and a methodology source', () => {
    for (const id of RECOMMENDATIONS) {
      const entry = RECOMMENDATION_CATALOGUE[id];
      expect(entry.title.en.length).toBeGreaterThan(5);
      expect(entry.title.ru.length).toBeGreaterThan(5);
      expect(entry.methodology).toMatch(/^§/);
    }
  });

  test('every action can be reached by some cell, signal, weak factor or data gap', () => {
    const reached = new Set<RecommendationId>();
    const allFactors = [...ATTRACTIVENESS_FACTORS, ...STRENGTH_FACTORS].map((id) => factor(id, 1));
    const missing = [factor('reputation', null)];
    for (const attractivenessLevel of AXIS_LEVELS) {
      for (const strengthLevel of AXIS_LEVELS) {
        const base = cell(attractivenessLevel, strengthLevel);
        for (const recommendation of recommend({
          ...base,
          factors: [...allFactors, ...missing],
          confidence: 0.1,
          dataGaps: ['reputation'],
        })) {
          reached.add(recommendation.id);
        }
      }
    }
    const risk: RiskAssessment = {
      level: 'critical',
      lossStage: 3,
      score: 80,
      contributions: [],
      calibrated: null,
      signals: RISK_SIGNALS.map((id) => signal(id, 'watch')),
    };
    for (const recommendation of recommend(contextOf({ risk }))) reached.add(recommendation.id);
    const overdue = { ...planAssessment('overdue'), nextReviewOn: '2027-03-01' };
    for (const recommendation of recommend(contextOf({ plan: { keyAccount: true, assessment: overdue } })))
      reached.add(recommendation.id);
    expect([...reached].sort()).toEqual([...RECOMMENDATIONS].sort());
  });
});

describe('the account development plan (§10)', () => {
  // strong attractiveness, medium strength: the cell itself asks for a plan at priority 2
  const developCell = () => cell('strong', 'medium');
  const idsAndPriorities = (context: RecommendationContext) =>
    recommend(context).map((r) => [r.id, r.priority, r.source] as const);

  test('a key account without a plan: account_development_plan at priority 1, saying there is none', () => {
    const recommendations = recommend({
      ...cell('weak', 'weak'),
      plan: { keyAccount: true, assessment: planAssessment('none') },
    });
    const first = recommendations[0]!;
    expect([first.id, first.priority, first.source]).toEqual(['account_development_plan', 1, 'strategy']);
    expect(first.reason.en).toMatch(/no account development plan/);
    expect(first.reason.ru).toMatch(/без плана развития/);
  });

  test('the same from the strategy cell is raised to priority 1, once', () => {
    const list = idsAndPriorities({
      ...developCell(),
      plan: { keyAccount: true, assessment: planAssessment('none') },
    });
    expect(list.filter(([id]) => id === 'account_development_plan')).toEqual([
      ['account_development_plan', 1, 'strategy'],
    ]);
  });

  test('not a key account and no plan: as before plans existed', () => {
    const without = idsAndPriorities(developCell());
    expect(
      idsAndPriorities({ ...developCell(), plan: { keyAccount: false, assessment: planAssessment('none') } }),
    ).toEqual(without);
    expect(without).toContainEqual(['account_development_plan', 2, 'strategy']);
  });

  test.each([
    ['overdue', 1, /due for review on 2027-03-01 and has not been reviewed/],
    ['review_due', 2, /due for review on 2027-03-01\./],
  ] as const)(
    'a key account whose plan is %s: review_account_plan at priority %s with the date',
    (status, priority, text) => {
      const recommendations = recommend({
        ...cell('weak', 'weak'),
        plan: { keyAccount: true, assessment: planAssessment(status) },
      });
      const review = recommendations.find((r) => r.id === 'review_account_plan')!;
      expect(review.priority).toBe(priority);
      expect(review.reason.en).toMatch(text);
      expect(review.reason.ru).toContain('2027-03-01');
      expect(review.methodology).toBe('§10');
      expect(recommendations.some((r) => r.id === 'account_development_plan')).toBe(false);
    },
  );

  test('an unreadable stored plan: review it, naming the fields', () => {
    const invalid: PlanAssessment = {
      ...planAssessment('review_due'),
      nextReviewOn: null,
      invalid: ['goals.0.deadline'],
    };
    const review = recommend({
      ...cell('weak', 'weak'),
      plan: { keyAccount: true, assessment: invalid },
    }).find((r) => r.id === 'review_account_plan')!;
    expect(review.priority).toBe(2);
    expect(review.reason.en).toContain('goals.0.deadline');
  });

  test.each([true, false])(
    'a plan in force stops account_development_plan from the cell and weak factors (key: %s)',
    (keyAccount) => {
      const context = {
        ...developCell(),
        factors: [factor('purchase_regularity', 5)],
      };
      expect(idsAndPriorities(context).map(([id]) => id)).toContain('account_development_plan');
      const withPlan = idsAndPriorities({
        ...context,
        plan: { keyAccount, assessment: planAssessment('current') },
      });
      expect(withPlan.map(([id]) => id)).not.toContain('account_development_plan');
      expect(withPlan.map(([id]) => id)).not.toContain('review_account_plan');
      expect(withPlan.map(([id]) => id)).toContain('joint_activities');
    },
  );
});
