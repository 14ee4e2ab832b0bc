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
