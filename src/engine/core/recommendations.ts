/**
 * Recommended actions (design "Data flow" 5) from the methodology's catalogue: the ways to
 * strengthen ties and the retention strategies of §5, the lost-client analysis of §9, and the
 * account work of §7 and §10. They are chosen by the risk signals (most urgent), the §4 strategy
 * cell, the weakest factors and missing data; each says in one sentence which data triggered it.
 */
import {
  RECOMMENDATIONS,
  type AxisLevel,
  type FactorId,
  type RecommendationId,
  type RecommendationSource,
  type RiskSignalId,
} from './enums';
import type { FactorScore } from './axis-score';
import type { RiskAssessment, RiskSeverity } from './risk-signals';
import { STRATEGY_LABELS, strategyFor } from './strategy-matrix';
import { formatDecimal, formatShare, type Localised } from './text';
import type { ScoringModel } from '../settings/model-schema';

/** 1 = act now, 2 = plan it, 3 = when there is time. */
export type RecommendationPriority = 1 | 2 | 3;

export type Recommendation = {
  id: RecommendationId;
  priority: RecommendationPriority;
  source: RecommendationSource;
  title: Localised;
  /** One sentence naming the data that triggered it. */
  reason: Localised;
  /** Where in methodology.md the action comes from. */
  methodology: string;
};

type CatalogueEntry = { title: Localised; methodology: string };

/** The catalogue: every action the core can recommend, with its title and source. */
export const RECOMMENDATION_CATALOGUE: Readonly<Record<RecommendationId, CatalogueEntry>> = {
  lost_client_interview: {
    title: {
      en: 'Run the lost-client analysis and interview',
      ru: 'Провести анализ потери клиента и интервью',
    },
    methodology: '§9',
  },
  resolve_recurring_problems: {
    title: {
      en: 'Find and fix the recurring problem behind the complaints',
      ru: 'Найти и устранить повторяющуюся проблему, стоящую за жалобами',
    },
    methodology: '§8 stage 1',
  },
  reengage_personal_contact: {
    title: {
      en: 'Re-establish personal contact: book a meeting',
      ru: 'Восстановить личный контакт: назначить встречу',
    },
    methodology: '§5 personal contacts',
  },
  build_trust: {
    title: { en: 'Build and deepen trust', ru: 'Формировать и углублять доверие' },
    methodology: '§5 table 1',
  },
  entry_barriers: {
    title: { en: 'Raise barriers to entry for competitors', ru: 'Создавать барьеры входа для конкурентов' },
    methodology: '§5 table 1',
  },
  joint_activities: {
    title: {
      en: 'Start joint activities: project teams, market research, a shared database',
      ru: 'Инициировать совместные мероприятия: проектные команды, исследования рынка, общая база данных',
    },
    methodology: '§5 table 1',
  },
  exit_barriers: {
    title: {
      en: 'Strengthen barriers to exit: technical support, leasing or factoring, logistics',
      ru: 'Укреплять барьеры выхода: техподдержка, лизинг или факторинг, логистика',
    },
    methodology: '§5 table 1',
  },
  consistent_communication: {
    title: { en: 'Communicate regularly and consistently', ru: 'Общаться своевременно и последовательно' },
    methodology: '§5 strategies',
  },
  build_community: {
    title: {
      en: 'Bring the client into our community: webinars, events, forums',
      ru: 'Вовлечь клиента в сообщество: вебинары, мероприятия, форумы',
    },
    methodology: '§5 strategies',
  },
  account_development_plan: {
    title: {
      en: 'Write and review an account development plan',
      ru: 'Составить и регулярно пересматривать план развития клиента',
    },
    methodology: '§10',
  },
  buying_centre_mapping: {
    title: {
      en: 'Map the buying centre and build a network across the client',
      ru: 'Составить карту закупочного центра и выстроить сеть контактов у клиента',
    },
    methodology: '§10',
  },
  climb_perception_ladder: {
    title: {
      en: 'Climb the perception ladder: add value beyond price',
      ru: 'Подняться по лестнице восприятия: добавлять ценность помимо цены',
    },
    methodology: '§7',
  },
  grow_share_of_wallet: {
    title: {
      en: 'Grow use and sales of existing products; cross-sell',
      ru: 'Увеличить использование и продажи существующих продуктов; перекрёстные продажи',
    },
    methodology: '§10 opportunities',
  },
  preventive_support: {
    title: { en: 'Offer priority, preventive support', ru: 'Предложить приоритетную превентивную поддержку' },
    methodology: '§10 rules',
  },
  loyalty_recognition: {
    title: { en: 'Recognise and reward loyalty', ru: 'Признавать и поощрять лояльность клиента' },
    methodology: '§5 retention practices',
  },
  review_cost_to_serve: {
    title: {
      en: 'Weigh the cost to serve against what the client brings',
      ru: 'Сопоставить затраты на обслуживание с тем, что приносит клиент',
    },
    methodology: '§1, §9 step 6',
  },
  minimal_effort_service: {
    title: {
      en: 'Serve with minimal effort: standard terms, digital tools',
      ru: 'Обслуживать с минимальными усилиями: стандартные условия, цифровые инструменты',
    },
    methodology: '§4, §5 retention practices',
  },
  withdraw_gracefully: {
    title: {
      en: 'Withdraw: stop investing in the relationship',
      ru: 'Отступить: прекратить вложения в отношения с клиентом',
    },
    methodology: '§4',
  },
  collect_account_information: {
    title: {
      en: 'Fill in the missing account information',
      ru: 'Заполнить недостающую информацию о клиенте',
    },
    methodology: '§10 information to hold',
  },
};

const CATALOGUE_ORDER = Object.fromEntries(RECOMMENDATIONS.map((id, index) => [id, index])) as Record<
  RecommendationId,
  number
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
  /** The clause naming the data behind a factor (from its definition). */
  describeFactor: (id: FactorId) => Localised;
  model: ScoringModel;
};

type Candidate = Omit<Recommendation, 'title' | 'methodology'>;

/** Chooses, orders and caps the recommendations for one company; each id appears once, at its most urgent. */
export function recommend(context: RecommendationContext): Recommendation[] {
  const candidates: Candidate[] = [];
  for (const signal of context.risk.signals) {
    candidates.push({
      id: FOR_SIGNAL[signal.id],
      priority: PRIORITY_OF_SEVERITY[signal.severity],
      source: 'risk',
      reason: signal.text,
    });
  }
  candidates.push(...strategyCandidates(context));
  const strategy = strategyFor(context.attractivenessLevel, context.strengthLevel);
  // §4: a customer to withdraw from gets no investment in its weak spots
  if (strategy !== 'withdraw') candidates.push(...factorCandidates(context));
  if (context.confidence < context.model.recommendations.lowConfidenceBelow) {
    const data = dataCandidate(context);
    if (data !== null) candidates.push(data);
  }
  const best = new Map<RecommendationId, Candidate>();
  for (const candidate of candidates) {
    const current = best.get(candidate.id);
    if (current === undefined || candidate.priority < current.priority) best.set(candidate.id, candidate);
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        a.priority - b.priority ||
        SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
        CATALOGUE_ORDER[a.id] - CATALOGUE_ORDER[b.id],
    )
    .slice(0, context.model.recommendations.max)
    .map((candidate) => ({
      ...candidate,
      title: RECOMMENDATION_CATALOGUE[candidate.id].title,
      methodology: RECOMMENDATION_CATALOGUE[candidate.id].methodology,
    }));
}

function strategyCandidates(context: RecommendationContext): Candidate[] {
  const { attractivenessLevel: rowLevel, strengthLevel: columnLevel } = context;
  const label = STRATEGY_LABELS[strategyFor(rowLevel, columnLevel)];
  const reason: Localised = {
    en: `Attractiveness is ${LEVEL_LABELS[rowLevel].en} (${formatDecimal(context.attractiveness, 1, 'en')}) and our position ${LEVEL_LABELS[columnLevel].en} (${formatDecimal(context.strength, 1, 'en')}): the strategy is "${label.en}".`,
    ru: `Привлекательность клиента ${LEVEL_LABELS[rowLevel].ru} (${formatDecimal(context.attractiveness, 1, 'ru')}), наша позиция ${LEVEL_LABELS[columnLevel].ru} (${formatDecimal(context.strength, 1, 'ru')}): стратегия — «${label.ru}».`,
  };
  const priority: RecommendationPriority = rowLevel === 'weak' ? 3 : 2;
  return FOR_CELL[rowLevel][columnLevel].map((id) => ({ id, priority, source: 'strategy', reason }));
}

function factorCandidates(context: RecommendationContext): Candidate[] {
  const threshold = context.model.recommendations.weakFactorBelow;
  const weak = context.factors
    .filter(
      (factor) => factor.hasData && factor.weight > 0 && factor.value !== null && factor.value < threshold,
    )
    .sort((a, b) => (a.value as number) - (b.value as number) || b.weight - a.weight);
  const candidates: Candidate[] = [];
  for (const factor of weak) {
    const id = FOR_WEAK_FACTOR[factor.id];
    if (id === undefined) continue;
    const data = context.describeFactor(factor.id);
    candidates.push({
      id,
      priority: (factor.value as number) < threshold / 2 ? 2 : 3,
      source: 'factor',
      reason: {
        en: `${factor.label.en} scores ${formatDecimal(factor.value as number, 1, 'en')}/100: ${data.en}.`,
        ru: `${factor.label.ru}: ${formatDecimal(factor.value as number, 1, 'ru')} из 100 — ${data.ru}.`,
      },
    });
  }
  return candidates;
}

function dataCandidate(context: RecommendationContext): Candidate | null {
  const missing = context.factors.filter((factor) => !factor.hasData && factor.weight > 0);
  if (missing.length === 0) return null;
  return {
    id: 'collect_account_information',
    priority: 3,
    source: 'data',
    reason: {
      en: `Confidence is ${formatShare(context.confidence)}: no data for ${missing.map((factor) => factor.label.en.toLowerCase()).join(', ')}.`,
      ru: `Достоверность ${formatShare(context.confidence)}: нет данных — ${missing.map((factor) => factor.label.ru.toLowerCase()).join(', ')}.`,
    },
  };
}
