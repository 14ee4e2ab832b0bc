/**
 * Recommended actions (design "Data flow" 5) from the methodology's catalogue: the ways to
 * strengthen ties and the retention strategies of §5, the lost-client analysis of §9, and the
 * account work of §7 and §10. They are chosen by the risk signals (most urgent), the §4 strategy
 * cell, the weakest factors and missing data; each says in one sentence which data triggered it.
 */
import { RECOMMENDATION_TITLES } from './catalogue-texts';
import {
  AXIS_LEVELS,
  RECOMMENDATIONS,
  type AxisLevel,
  type FactorId,
  type RecommendationId,
  type RecommendationSource,
  type RiskSignalId,
} from './enums';
import type { PlanAssessment } from './account-plan';
import type { FactorScore } from './axis-score';
import { isWeakWithDeadBand } from './level-dead-band';
import type { RiskAssessment, RiskSeverity } from './risk-signals';
import { STRATEGY_LABELS, strategyFor } from './strategy-matrix';
import { freezeShared, tableWithinRun, type SharedParts } from './shared-parts';
import { flat, formatDecimal, formatShare, type Localised } from './text';
import type { ScoringModel } from '../settings/model-schema';

/** 1 = act now, 2 = plan it, 3 = when there is time. */
export type RecommendationPriority = 1 | 2 | 3;

/** An action; often one frozen object shared by every company of a run with the same trigger. */
export type Recommendation = Readonly<{
  id: RecommendationId;
  priority: RecommendationPriority;
  source: RecommendationSource;
  title: Localised;
  /** One sentence naming the data that triggered it. */
  reason: Localised;
  /** Where in methodology.md the action comes from. */
  methodology: string;
}>;

type CatalogueEntry = { title: Localised; methodology: string };

/** The catalogue: every action the core can recommend, with its title and source. */
export const RECOMMENDATION_CATALOGUE: Readonly<Record<RecommendationId, CatalogueEntry>> = {
  lost_client_interview: {
    title: RECOMMENDATION_TITLES.lost_client_interview,
    methodology: '§9',
  },
  resolve_recurring_problems: {
    title: RECOMMENDATION_TITLES.resolve_recurring_problems,
    methodology: '§8 stage 1',
  },
  reengage_personal_contact: {
    title: RECOMMENDATION_TITLES.reengage_personal_contact,
    methodology: '§5 personal contacts',
  },
  build_trust: {
    title: RECOMMENDATION_TITLES.build_trust,
    methodology: '§5 table 1',
  },
  entry_barriers: {
    title: RECOMMENDATION_TITLES.entry_barriers,
    methodology: '§5 table 1',
  },
  joint_activities: {
    title: RECOMMENDATION_TITLES.joint_activities,
    methodology: '§5 table 1',
  },
  exit_barriers: {
    title: RECOMMENDATION_TITLES.exit_barriers,
    methodology: '§5 table 1',
  },
  consistent_communication: {
    title: RECOMMENDATION_TITLES.consistent_communication,
    methodology: '§5 strategies',
  },
  build_community: {
    title: RECOMMENDATION_TITLES.build_community,
    methodology: '§5 strategies',
  },
  account_development_plan: {
    title: RECOMMENDATION_TITLES.account_development_plan,
    methodology: '§10',
  },
  review_account_plan: {
    title: RECOMMENDATION_TITLES.review_account_plan,
    methodology: '§10',
  },
  buying_centre_mapping: {
    title: RECOMMENDATION_TITLES.buying_centre_mapping,
    methodology: '§10',
  },
  climb_perception_ladder: {
    title: RECOMMENDATION_TITLES.climb_perception_ladder,
    methodology: '§7',
  },
  grow_share_of_wallet: {
    title: RECOMMENDATION_TITLES.grow_share_of_wallet,
    methodology: '§10 opportunities',
  },
  preventive_support: {
    title: RECOMMENDATION_TITLES.preventive_support,
    methodology: '§10 rules',
  },
  loyalty_recognition: {
    title: RECOMMENDATION_TITLES.loyalty_recognition,
    methodology: '§5 retention practices',
  },
  review_cost_to_serve: {
    title: RECOMMENDATION_TITLES.review_cost_to_serve,
    methodology: '§1, §9 step 6',
  },
  minimal_effort_service: {
    title: RECOMMENDATION_TITLES.minimal_effort_service,
    methodology: '§4, §5 retention practices',
  },
  withdraw_gracefully: {
    title: RECOMMENDATION_TITLES.withdraw_gracefully,
    methodology: '§4',
  },
  collect_account_information: {
    title: RECOMMENDATION_TITLES.collect_account_information,
    methodology: '§10 information to hold',
  },
};

const CATALOGUE_ORDER = Object.fromEntries(RECOMMENDATIONS.map((id, index) => [id, index])) as Readonly<
  Record<RecommendationId, number>
>;

const FOR_SIGNAL: Readonly<Record<RiskSignalId, RecommendationId>> = {
  volume_decline: 'lost_client_interview',
  loss_reason_recorded: 'lost_client_interview',
  ticket_burst: 'resolve_recurring_problems',
  high_priority_open_tickets: 'resolve_recurring_problems',
  meeting_problems: 'reengage_personal_contact',
  no_recent_contact: 'reengage_personal_contact',
  blocker_in_buying_centre: 'buying_centre_mapping',
  lost_deals_streak: 'entry_barriers',
  commodity_perception: 'climb_perception_ladder',
  late_payment: 'exit_barriers', // §5: non-traditional financing (leasing, factoring)
};

// §4 cell → the §5/§10 methods that carry that strategy out, rows and columns as in the matrix
const FOR_CELL: Readonly<Record<AxisLevel, Readonly<Record<AxisLevel, readonly RecommendationId[]>>>> = {
  strong: {
    weak: ['build_trust', 'buying_centre_mapping'],
    medium: ['account_development_plan', 'joint_activities'],
    strong: ['exit_barriers', 'entry_barriers'],
  },
  medium: {
    weak: ['minimal_effort_service'],
    medium: ['entry_barriers', 'build_trust'],
    strong: ['grow_share_of_wallet', 'account_development_plan'],
  },
  weak: {
    weak: ['withdraw_gracefully', 'review_cost_to_serve'],
    medium: ['minimal_effort_service'],
    strong: ['review_cost_to_serve', 'build_community'],
  },
};

const FOR_WEAK_FACTOR: Readonly<Partial<Record<FactorId, RecommendationId>>> = {
  revenue: 'grow_share_of_wallet',
  growth: 'grow_share_of_wallet',
  purchase_frequency: 'grow_share_of_wallet',
  purchase_regularity: 'account_development_plan',
  growth_potential: 'joint_activities', // §5: joint market research finds the potential
  payment_discipline: 'exit_barriers',
  net_value: 'review_cost_to_serve',
  tenure: 'build_trust',
  repeat_purchase: 'loyalty_recognition',
  win_rate: 'entry_barriers',
  engagement_recency: 'consistent_communication',
  meeting_health: 'consistent_communication',
  buying_centre_coverage: 'buying_centre_mapping',
  perception_level: 'climb_perception_ladder',
  recommends_us: 'build_community',
  ticket_health: 'preventive_support',
};

const SOURCE_ORDER: Readonly<Record<RecommendationSource, number>> = {
  risk: 0,
  strategy: 1,
  factor: 2,
  data: 3,
};
const PRIORITY_OF_SEVERITY: Readonly<Record<RiskSeverity, RecommendationPriority>> = {
  critical: 1,
  at_risk: 1,
  watch: 2,
};
const LEVEL_LABELS: Readonly<Record<AxisLevel, Localised>> = {
  weak: { en: 'weak', ru: 'слабая' },
  medium: { en: 'medium', ru: 'средняя' },
  strong: { en: 'strong', ru: 'сильная' },
};

export type RecommendationContext = {
  attractiveness: number;
  strength: number;
  attractivenessLevel: AxisLevel;
  strengthLevel: AxisLevel;
  risk: RiskAssessment;
  factors: readonly FactorScore[];
  confidence: number;
  /** Factors with weight but no data (shared within the run, see shared-parts.ts). */
  dataGaps: readonly FactorId[];
  /** The clause naming the data behind a factor (from its definition). */
  describeFactor: (id: FactorId) => Localised;
  shared: SharedParts;
  model: ScoringModel;
  /**
   * The company's account development plan (§10) and whether it is a key account (its final tier,
   * pinned or not). Left out: recommended as before plans existed.
   */
  plan?: { keyAccount: boolean; assessment: PlanAssessment };
  /** The actions the last scoring stored (null: never scored); a weak factor's action holds within its dead band. */
  previousRecommendations: readonly RecommendationId[] | null;
};

/** A recommendation before the cut; a factor's reason is only written if it makes the list. */
type Candidate = {
  id: RecommendationId;
  priority: RecommendationPriority;
  source: RecommendationSource;
  /** Sorts the list: priority, then source (risk, strategy, factor, data), then catalogue order. */
  rank: number;
  reason: Localised | null;
  factor: FactorScore | null;
};

/** Chooses, orders and caps the recommendations for one company; each id appears once, at its most urgent. */
export function recommend(context: RecommendationContext): Recommendation[] {
  const chosen: Candidate[] = [];
  for (const signal of context.risk.signals) {
    offer(chosen, FOR_SIGNAL[signal.id], PRIORITY_OF_SEVERITY[signal.severity], 'risk', signal.text, null);
  }
  // §10: a key account works to a plan, reviewed on time; a company with a plan is not asked for one
  const plan = context.plan;
  const hasPlan = plan !== undefined && plan.assessment.status !== 'none';
  if (plan?.keyAccount) offerForPlan(chosen, plan.assessment, context.shared);
  const { attractivenessLevel: rowLevel, strengthLevel: columnLevel } = context;
  const strategyReason = strategyReasonOf(context);
  for (const id of FOR_CELL[rowLevel][columnLevel]) {
    if (hasPlan && id === 'account_development_plan') continue;
    offer(chosen, id, rowLevel === 'weak' ? 3 : 2, 'strategy', strategyReason, null);
  }
  // §4: a customer to withdraw from gets no investment in its weak spots
  if (strategyFor(rowLevel, columnLevel) !== 'withdraw') {
    const threshold = context.model.recommendations.weakFactorBelow;
    for (const factor of context.factors) {
      const id = FOR_WEAK_FACTOR[factor.id];
      if (id === undefined || factor.value === null || factor.weight <= 0) continue;
      if (hasPlan && id === 'account_development_plan') continue;
      const wasGiven = context.previousRecommendations?.includes(id) ?? null;
      if (!isWeakWithDeadBand(factor.value, threshold, wasGiven, context.model.levelHysteresis)) continue;
      offer(chosen, id, factor.value < threshold / 2 ? 2 : 3, 'factor', null, factor);
    }
  }
  if (context.confidence < context.model.recommendations.lowConfidenceBelow) {
    const reason = dataReasonOf(context);
    if (reason !== null) offer(chosen, 'collect_account_information', 3, 'data', reason, null);
  }
  // insertion sort: a handful of candidates, and no allocation on this hot path
  for (let index = 1; index < chosen.length; index += 1) {
    const candidate = chosen[index]!;
    let position = index - 1;
    while (position >= 0 && chosen[position]!.rank > candidate.rank) {
      chosen[position + 1] = chosen[position]!;
      position -= 1;
    }
    chosen[position + 1] = candidate;
  }
  // sized exactly up front: the list is kept in the result
  const kept = new Array<Recommendation>(Math.min(chosen.length, context.model.recommendations.max));
  for (let index = 0; index < kept.length; index += 1) kept[index] = finish(chosen[index]!, context);
  return kept;
}

const NO_PLAN_REASON: Localised = Object.freeze({
  en: 'A key account with no account development plan: goals, strategy and opportunities are nowhere written down.',
  ru: 'Ключевой клиент без плана развития: цели, стратегия и возможности нигде не записаны.',
});

/** A key account's plan recommendation: write one, or review it when its review is due or overdue. */
function offerForPlan(chosen: Candidate[], assessment: PlanAssessment, shared: SharedParts): void {
  const { status } = assessment;
  if (status === 'none') {
    offer(chosen, 'account_development_plan', 1, 'strategy', NO_PLAN_REASON, null);
    return;
  }
  if (status === 'current') return;
  offer(
    chosen,
    'review_account_plan',
    status === 'overdue' ? 1 : 2,
    'strategy',
    planReviewReasonOf(assessment, shared),
    null,
  );
}

function planReviewReasonOf(assessment: PlanAssessment, shared: SharedParts): Localised {
  const invalid = assessment.invalid;
  const key = invalid
    ? `invalid ${assessment.version ?? ''}: ${invalid.join(', ')}`
    : `${assessment.status} ${assessment.nextReviewOn ?? ''}`;
  const table = tableWithinRun<string, Localised>(shared, 'plan-reason');
  let reason = table.get(key);
  if (reason === undefined) {
    const date = assessment.nextReviewOn ?? '';
    reason = freezeShared(
      invalid
        ? {
            en: flat`The stored account plan ${assessment.version ?? ''} can no longer be read (${invalid.join(', ')}): open it, correct it and save it again.`,
            ru: flat`Сохранённый план развития ${assessment.version ?? ''} больше не читается (${invalid.join(', ')}): откройте, исправьте и сохраните его заново.`,
          }
        : assessment.status === 'overdue'
          ? {
              en: flat`The account plan was due for review on ${date} and has not been reviewed since.`,
              ru: flat`План развития клиента нужно было пересмотреть ${date}, и он до сих пор не пересмотрен.`,
            }
          : {
              en: flat`The account plan is due for review on ${date}.`,
              ru: flat`Срок пересмотра плана развития клиента — ${date}.`,
            },
    );
    table.set(key, reason);
  }
  return reason;
}

/** Adds a candidate, or keeps the more urgent of two with the same id (of two weak factors, the weaker). */
function offer(
  chosen: Candidate[],
  id: RecommendationId,
  priority: RecommendationPriority,
  source: RecommendationSource,
  reason: Localised | null,
  factor: FactorScore | null,
): void {
  const rank = priority * 10_000 + SOURCE_ORDER[source] * 100 + CATALOGUE_ORDER[id];
  let index = chosen.length - 1;
  while (index >= 0 && chosen[index]!.id !== id) index -= 1;
  if (index >= 0) {
    const existing = chosen[index]!;
    const isWeaker =
      factor !== null &&
      existing.factor !== null &&
      (factor.value as number) < (existing.factor.value as number);
    if (rank > existing.rank || (rank === existing.rank && !isWeaker)) return;
    chosen[index] = { id, priority, source, rank, reason, factor };
    return;
  }
  chosen.push({ id, priority, source, rank, reason, factor });
}

function finish(candidate: Candidate, context: RecommendationContext): Recommendation {
  const reason = candidate.reason ?? factorReasonOf(candidate.factor as FactorScore, context);
  // a reason shared within the run (frozen: a strategy cell's, a shared signal's, a few-valued
  // factor's) makes the whole recommendation repeat across companies: share it too
  if (!Object.isFrozen(reason)) return recommendationOf(candidate, reason);
  const table = tableWithinRun<Localised, Recommendation[]>(context.shared, 'recommendation');
  let sameReason = table.get(reason);
  if (sameReason === undefined) {
    sameReason = [];
    table.set(reason, sameReason);
  }
  for (const existing of sameReason) {
    if (existing.id === candidate.id && existing.priority === candidate.priority) return existing;
  }
  const recommendation = freezeShared(recommendationOf(candidate, reason));
  sameReason.push(recommendation);
  return recommendation;
}

function recommendationOf(candidate: Candidate, reason: Localised): Recommendation {
  const entry = RECOMMENDATION_CATALOGUE[candidate.id];
  return {
    id: candidate.id,
    priority: candidate.priority,
    source: candidate.source,
    title: entry.title,
    reason,
    methodology: entry.methodology,
  };
}

function strategyReasonOf(context: RecommendationContext): Localised {
  const { attractivenessLevel: rowLevel, strengthLevel: columnLevel } = context;
  const label = STRATEGY_LABELS[strategyFor(rowLevel, columnLevel)];
  const attractiveness = Math.round(context.attractiveness);
  const strength = Math.round(context.strength);
  // shared within the run by every company in the same cell at the same rounded values
  const cell = AXIS_LEVELS.indexOf(rowLevel) * 3 + AXIS_LEVELS.indexOf(columnLevel);
  const key = cell * 1_000_000 + attractiveness * 1000 + strength;
  const table = tableWithinRun<number, Localised>(context.shared, 'strategy-reason');
  let reason = table.get(key);
  if (reason === undefined) {
    reason = freezeShared({
      en: flat`Attractiveness is ${LEVEL_LABELS[rowLevel].en} (${attractiveness}) and our position ${LEVEL_LABELS[columnLevel].en} (${strength}): the strategy is "${label.en}".`,
      ru: flat`Привлекательность клиента ${LEVEL_LABELS[rowLevel].ru} (${attractiveness}), наша позиция ${LEVEL_LABELS[columnLevel].ru} (${strength}): стратегия — «${label.ru}».`,
    });
    table.set(key, reason);
  }
  return reason;
}

function factorReasonOf(factor: FactorScore, context: RecommendationContext): Localised {
  const data = context.describeFactor(factor.id);
  const value = factor.value as number;
  const reason: Localised = {
    en: flat`${factor.label.en} scores ${formatDecimal(value, 1, 'en')}/100: ${data.en}.`,
    ru: flat`${factor.label.ru}: ${formatDecimal(value, 1, 'ru')} из 100 — ${data.ru}.`,
  };
  // reasons repeat across companies (a few-valued factor's always, and any factor's at 0, say
  // "no revenue"): keep one copy per text, which also lets its recommendation be shared
  return sharedText(context.shared, reason);
}

/** The run's one frozen copy of a text (equal in both languages), kept from now on. */
function sharedText(shared: SharedParts, text: Localised): Localised {
  const table = tableWithinRun<string, Localised>(shared, 'factor-reason');
  const existing = table.get(text.en);
  if (existing === undefined) {
    table.set(text.en, freezeShared(text));
    return text;
  }
  return existing.ru === text.ru ? existing : text;
}

function dataReasonOf(context: RecommendationContext): Localised | null {
  const gaps = context.dataGaps;
  if (gaps.length === 0) return null;
  // the gap lists are shared within the run, so equal reasons are too
  const table = tableWithinRun<readonly FactorId[], Map<number, Localised>>(context.shared, 'data-reason');
  let byConfidence = table.get(gaps);
  if (byConfidence === undefined) {
    byConfidence = new Map();
    table.set(gaps, byConfidence);
  }
  const existing = byConfidence.get(context.confidence);
  if (existing !== undefined) return existing;
  const missing = context.factors.filter((factor) => gaps.includes(factor.id));
  const share = formatShare(context.confidence);
  const reason = freezeShared({
    en: flat`Confidence is ${share}: no data for ${missing.map((factor) => factor.label.en.toLowerCase()).join(', ')}.`,
    ru: flat`Достоверность ${share}: нет данных — ${missing.map((factor) => factor.label.ru.toLowerCase()).join(', ')}.`,
  });
  byConfidence.set(context.confidence, reason);
  return reason;
}
