/**
 * Fixtures for the card tests. Use the ready-made values (`SCORED_PROPERTIES`,
 * `NEVER_SCORED_PROPERTIES`, `EXPLANATION`) when a test does not care about the details; use the
 * `createX(overrides)` factories when a test is about one field, so the test shows only that field.
 */
import {
  type RecalculateCompanyResult,
  type CreateTaskResult,
  type PinTierResult,
  type ScoreHistoryPoint,
  type ScoreHistoryResult,
  type FunctionFailure,
  explanationSchema,
  type Explanation,
  type AccountPlanInput,
  type GetAccountPlanResult,
  planAssessmentSchema,
  type PlanAssessment,
  type PlanVersion,
  type SaveAccountPlanResult,
  type StoredPlan,
  storedPlanSchema,
} from '@keystone/shared';
import { CARD_PROPERTIES } from '../lib/kam-record';

type Factor = Explanation['factors']['attractiveness'][number];

const factor = (id: string, en: string, ru: string, value: number | null, weight: number): Factor => ({
  id,
  label: { en, ru },
  value,
  weight,
  contribution: value === null ? 0 : Number(((value * weight) / 100).toFixed(2)),
  hasData: value !== null,
});

/** A valid `kam_explanation` document (it is parsed with the real schema before it is returned). */
export function createExplanation(overrides: Partial<Explanation> = {}): Explanation {
  return explanationSchema.parse({
    v: 1,
    modelVersion: 'v3',
    scoredAt: '2026-03-02T09:30:00.000Z',
    factors: {
      attractiveness: [
        factor('revenue', 'Won revenue', 'Выигранная выручка', 82, 25),
        factor('growth', 'Revenue growth', 'Рост выручки', 64, 10),
        factor('reputation', 'Market reputation', 'Репутация на рынке', null, 10),
      ],
      strength: [
        factor('tenure', 'Tenure', 'Срок сотрудничества', 90, 10),
        factor('buying_centre_coverage', 'Buying-centre coverage', 'Охват закупочного центра', 40, 15),
      ],
    },
    dataGaps: ['reputation'],
    dataIssueCount: 2,
    attractivenessLevel: 'strong',
    strengthLevel: 'medium',
    risk: {
      level: 'watch',
      lossStage: 1,
      signals: [
        {
          id: 'ticket_burst',
          severity: 'watch',
          text: { en: 'Tickets doubled in the last 90 days', ru: 'Число обращений удвоилось за 90 дней' },
        },
      ],
    },
    recommendations: [
      {
        id: 'buying_centre_mapping',
        priority: 1,
        title: { en: 'Map the buying centre', ru: 'Составить карту закупочного центра' },
        reason: {
          en: 'Only 2 of 5 key roles are known',
          ru: 'Известны только 2 из 5 ключевых ролей',
        },
      },
      {
        id: 'resolve_recurring_problems',
        priority: 2,
        title: { en: 'Resolve recurring problems', ru: 'Устранить повторяющиеся проблемы' },
        reason: { en: 'Tickets doubled in the last 90 days', ru: 'Число обращений удвоилось за 90 дней' },
      },
    ],
    revenueByYear: [
      { year: 2023, amount: 120000 },
      { year: 2024, amount: 150000 },
      { year: 2025, amount: 185000 },
    ],
    ...overrides,
  });
}

export const EXPLANATION = createExplanation();

const EMPTY_PROPERTIES: Record<string, string | null> = Object.fromEntries(
  CARD_PROPERTIES.map((name) => [name, null]),
);

/** The properties `useCrmProperties` returns for a scored company; `kam_explanation` from `explanation`. */
export function createKamProperties(
  overrides: Record<string, string | null> = {},
  explanation: Explanation = EXPLANATION,
): Record<string, string | null> {
  return {
    ...EMPTY_PROPERTIES,
    hs_object_id: '123',
    kam_score: '72.4',
    kam_attractiveness: '78.1',
    kam_strength: '63.5',
    kam_confidence: '0.85',
    kam_tier: 'key',
    kam_tier_previous: 'important',
    kam_quadrant: 'key_account',
    kam_strategy: 'protect_ties',
    kam_pareto_class: 'A',
    kam_risk_level: 'watch',
    kam_loss_stage: '1',
    kam_risk_reasons: 'Tickets doubled in the last 90 days',
    kam_top_recommendations:
      '1. Map the buying centre — Only 2 of 5 key roles are known\n2. Resolve recurring problems — Tickets doubled in the last 90 days',
    kam_explanation: JSON.stringify(explanation),
    kam_model_version: 'v3',
    kam_scored_at: '2026-03-02T09:30:00.000Z',
    kam_won_revenue_12m: '185000',
    kam_growth: '0.2333',
    ...overrides,
  };
}

export const SCORED_PROPERTIES = createKamProperties();

/**
 * A scored company whose tier a manager pinned to `key` over a computed `important`. The expiry is
 * far ahead because the card judges a pin against the real clock.
 */
export function createPinnedProperties(overrides: Record<string, string | null> = {}) {
  return createKamProperties({
    kam_tier: 'key',
    kam_tier_computed: 'important',
    kam_tier_pinned: 'key',
    kam_pin_reason: 'Board-level partnership signed',
    kam_pin_expires_at: '2099-03-31T00:00:00.000Z',
    kam_pinned_by: 'kam.lead@example.com (user 7001)',
    ...overrides,
  });
}
export const NEVER_SCORED_PROPERTIES: Record<string, string | null> = {
  ...EMPTY_PROPERTIES,
  hs_object_id: '123',
};

/** What `useCrmProperties` returns, for `mocks.useCrmProperties.willCall(() => …)`. */
export function createCrmPropertiesResult(
  properties: Record<string, string | null>,
  overrides: { isLoading?: boolean; error?: Error | null; refetch?: () => Promise<void> } = {},
) {
  return {
    properties,
    isLoading: overrides.isLoading ?? false,
    isRefetching: false,
    error: overrides.error ?? null,
    refetch: overrides.refetch ?? (async () => undefined),
  };
}

export function createRecalculateSuccess(
  overrides: Partial<Extract<RecalculateCompanyResult, { ok: true }>> = {},
): RecalculateCompanyResult {
  return {
    ok: true,
    companyId: '123',
    changedProperties: ['kam_score'],
    truncated: false,
    modelVersion: 'v3',
    ...overrides,
  };
}

export function createTaskSuccess(
  overrides: Partial<Extract<CreateTaskResult, { ok: true }>> = {},
): CreateTaskResult {
  return { ok: true, taskId: '9001', created: true, subject: 'Map the buying centre', ...overrides };
}

export function createPinSuccess(
  overrides: Partial<Extract<PinTierResult, { ok: true }>> = {},
): PinTierResult {
  return {
    ok: true,
    companyId: '123',
    tier: 'important',
    computedTier: 'key',
    changedProperties: ['kam_tier', 'kam_tier_pinned'],
    ...overrides,
  };
}

/** A point of the score trend; `day` counts days from 1 March 2026. */
export function createScoreHistoryPoint(
  day: number,
  score: number,
  tier: ScoreHistoryPoint['tier'],
): ScoreHistoryPoint {
  return { at: new Date(Date.UTC(2026, 2, day, 9, 30)).toISOString(), score, tier };
}

export function createScoreHistorySuccess(
  overrides: Partial<Extract<ScoreHistoryResult, { ok: true }>> = {},
): ScoreHistoryResult {
  return {
    ok: true,
    companyId: '123',
    points: [
      createScoreHistoryPoint(1, 48, 'regular'),
      createScoreHistoryPoint(8, 55, 'regular'),
      createScoreHistoryPoint(15, 63, 'important'),
      createScoreHistoryPoint(22, 72.4, 'key'),
    ],
    truncated: false,
    ...overrides,
  };
}

export function createFunctionFailure(
  code = 'hubspot.server_error',
  message = 'POST /crm/v3/objects/companies/batch/read: HTTP 503',
): FunctionFailure {
  return { ok: false, error: { code, message } };
}

/** A promise the test settles by hand, to look at a card while a function call is still running. */
export function createDeferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** One page of `useAssociations` results (contacts with their properties), as HubSpot's hook returns it. */
export function associationsPage(
  contacts: readonly { id: number; properties: Record<string, string | null> }[],
  page: { currentPage?: number; hasNextPage?: boolean; nextPage?: () => void } = {},
) {
  return {
    results: contacts.map((contact) => ({
      toObjectId: contact.id,
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 280, label: '' }],
      properties: contact.properties,
    })),
    error: null,
    isLoading: false,
    isRefetching: false,
    pagination: {
      hasNextPage: page.hasNextPage ?? false,
      hasPreviousPage: (page.currentPage ?? 1) > 1,
      currentPage: page.currentPage ?? 1,
      pageSize: contacts.length,
      nextPage: page.nextPage ?? (() => undefined),
      previousPage: () => undefined,
      reset: () => undefined,
    },
    refetch: async () => undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// The account plan (issue #21 item 1)

/** A stored plan version (v3, id 501) with four goals (three measurable) and three opportunities. */
export function createStoredPlan(
  plan: Partial<AccountPlanInput> = {},
  overrides: Partial<Omit<StoredPlan, 'plan'>> = {},
): StoredPlan {
  return storedPlanSchema.parse({
    versionId: '501',
    companyId: '123',
    version: 'v3',
    savedAt: '2026-11-20T10:15:00.000Z',
    savedBy: { userId: '7001', email: 'kam.lead@example.com' },
    note: 'Autumn review with the client',
    isCurrent: true,
    plan: {
      ownerUserId: '7001',
      clientGoals: 'Cut the supplier count to three and halve unplanned downtime.',
      goals: [
        {
          id: 'g-revenue',
          title: 'Grow won revenue',
          clientGoal: 'Fewer, larger suppliers',
          setOn: '2026-07-01',
          deadline: '2027-06-30',
          target: { metric: 'won_revenue_12m', atLeast: 400_000 },
        },
        {
          id: 'g-coverage',
          title: 'Know the buying centre',
          setOn: '2026-07-01',
          deadline: '2027-03-31',
          target: { metric: 'buying_centre_coverage', atLeast: 0.8 },
        },
        {
          id: 'g-tier',
          title: 'Stay a key account',
          setOn: '2026-07-01',
          deadline: '2027-06-30',
          target: { metric: 'tier', atLeast: 'key' },
        },
        {
          id: 'g-words',
          title: 'Joint innovation workshop',
          setOn: '2026-07-01',
          deadline: '2027-02-28',
          target: null,
        },
      ],
      strategy: {
        product: 'Bundle spare parts with the service contract.',
        price: 'Volume rebate above 300k.',
        promotion: '',
        place: 'Direct, through the plant managers.',
      },
      resources: 'One service engineer on site two days a week.',
      tactics: 'Quarterly business review with the COO.',
      opportunities: [
        {
          id: 'o-service',
          title: 'Service-level agreement',
          kind: 'improve_service',
          effort: { time: 'medium', money: 'low', people: 'medium' },
          payoff: 'medium',
        },
        {
          id: 'o-plant',
          title: 'Second plant in Kazan',
          kind: 'expand_business',
          effort: { time: 'high', money: 'high', people: 'high' },
          payoff: 'high',
          notes: 'Tender expected in Q2',
        },
        {
          id: 'o-parts',
          title: 'Spare parts for line 3',
          kind: 'increase_use',
          effort: { time: 'low', money: 'low', people: 'low' },
          payoff: 'medium',
        },
      ],
      lastReviewedOn: '2026-11-20',
      nextReviewOn: '2026-12-15',
      ...plan,
    },
    ...overrides,
  });
}

/** What a rescoring said about `createStoredPlan()` (the explanation's plan block). */
export function createPlanAssessment(overrides: Partial<PlanAssessment> = {}): PlanAssessment {
  return planAssessmentSchema.parse({
    status: 'review_due',
    versionId: '501',
    version: 'v3',
    nextReviewOn: '2026-12-15',
    progress: 2 / 3,
    measurableGoals: 3,
    goals: [
      {
        goalId: 'g-revenue',
        metric: 'won_revenue_12m',
        status: 'on_track',
        actual: 244_000,
        share: 0.61,
        elapsed: 0.5,
      },
      {
        goalId: 'g-coverage',
        metric: 'buying_centre_coverage',
        status: 'behind',
        actual: 0.4,
        share: 0.5,
        elapsed: 0.6,
      },
      { goalId: 'g-tier', metric: 'tier', status: 'achieved', actual: 'key', share: null, elapsed: 0.5 },
      { goalId: 'g-words', metric: null, status: 'not_measured', actual: null, share: null, elapsed: 0.7 },
    ],
    opportunityRanking: ['o-parts', 'o-plant', 'o-service'],
    ...overrides,
  });
}

/** A scored company with a plan: kam_plan_* set and the assessment in kam_explanation's plan block. */
export function createPlanProperties(
  overrides: Record<string, string | null> = {},
  assessment: PlanAssessment | null = createPlanAssessment(),
): Record<string, string | null> {
  return createKamProperties({
    kam_plan_status: assessment?.status ?? 'none',
    kam_plan_next_review: assessment?.nextReviewOn ?? null,
    kam_plan_progress:
      assessment?.progress === null || !assessment ? null : String(Math.round(assessment.progress * 100)),
    kam_explanation: JSON.stringify(assessment ? { ...EXPLANATION, plan: assessment } : EXPLANATION),
    ...overrides,
  });
}

export function createPlanVersion(overrides: Partial<PlanVersion> = {}): PlanVersion {
  return {
    versionId: '501',
    companyId: '123',
    version: 'v3',
    savedAt: '2026-11-20T10:15:00.000Z',
    savedBy: { userId: '7001', email: 'kam.lead@example.com' },
    note: 'Autumn review with the client',
    isCurrent: true,
    isValid: true,
    issues: [],
    ...overrides,
  };
}

export function createGetPlanSuccess(
  overrides: Partial<Extract<GetAccountPlanResult, { ok: true }>> = {},
): GetAccountPlanResult {
  return {
    ok: true,
    companyId: '123',
    plan: createStoredPlan(),
    invalidCurrent: null,
    versions: [
      createPlanVersion(),
      createPlanVersion({
        versionId: '402',
        version: 'v2',
        savedAt: '2026-08-01T08:00:00.000Z',
        savedBy: { userId: '7002', email: 'anna@example.com' },
        note: '',
        isCurrent: false,
      }),
    ],
    storeAvailable: true,
    ...overrides,
  };
}

export function createSavePlanSuccess(
  overrides: Partial<Extract<SaveAccountPlanResult, { ok: true }>> = {},
): SaveAccountPlanResult {
  return {
    ok: true,
    companyId: '123',
    saved: createStoredPlan({}, { versionId: '502', version: 'v4' }),
    changedProperties: ['kam_plan_status', 'kam_plan_next_review'],
    ...overrides,
  };
}
