/**
 * Our relationship strength and the customer's loyalty, the KAISM horizontal axis (methodology §3):
 * how long and how steadily it buys (§2 "always returns"), whether it signs with competitors and
 * postpones visits (§7 diagnostics), where it places us on the perception ladder (§7), how well we
 * know its buying centre (§10), whether it recommends us (002) and how much it complains (§8 stage 1).
 */
import { FACTOR_LABELS } from './catalogue-texts';
import type { FactorDefinition } from './factor-definition';
import { toScale } from './numbers';
import { NOT_SET, PERCEPTION_LEVEL_LABELS } from './option-labels';
import { formatDecimal, formatShare, localise } from './text';

const tenure: FactorDefinition = {
  id: 'tenure',
  // years to two decimals: a few hundred values
  takesFewValues: true,
  label: FACTOR_LABELS.tenure,
  measure: ({ metrics, model }) =>
    metrics.tenureYears === null
      ? null
      : {
          value: toScale((100 * metrics.tenureYears) / model.scales.tenureYearsForFullScore),
          raw: metrics.tenureYears,
        },
  describe: ({ metrics }) =>
    localise((language) =>
      language === 'en'
        ? `a customer for ${formatDecimal(metrics.tenureYears ?? 0, 1, language)} years since the first won deal`
        : `клиент ${formatDecimal(metrics.tenureYears ?? 0, 1, language)} лет с первой выигранной сделки`,
    ),
};

const repeatPurchase: FactorDefinition = {
  id: 'repeat_purchase',
  takesFewValues: true,
  label: FACTOR_LABELS.repeat_purchase,
  measure: ({ metrics }) =>
    metrics.repeatPurchaseShare === null
      ? null
      : { value: toScale(100 * metrics.repeatPurchaseShare), raw: metrics.repeatPurchaseShare },
  describe: ({ metrics }) => {
    const share = formatShare(metrics.repeatPurchaseShare ?? 0);
    return {
      en: `bought again in ${share} of the years since the first purchase`,
      ru: `покупал повторно в ${share} лет с первой покупки`,
    };
  },
};

const winRate: FactorDefinition = {
  id: 'win_rate',
  takesFewValues: true,
  label: FACTOR_LABELS.win_rate,
  measure: ({ metrics }) =>
    metrics.winRate === null ? null : { value: toScale(100 * metrics.winRate), raw: metrics.winRate },
  describe: ({ metrics }) => {
    const share = formatShare(metrics.winRate ?? 0);
    const won = metrics.wonDealsInHistory;
    const closed = metrics.wonDealsInHistory + metrics.lostDealsInHistory;
    return {
      en: `${share} of closed deals won (${won} of ${closed})`,
      ru: `выиграно ${share} закрытых сделок (${won} из ${closed})`,
    };
  },
};

const engagementRecency: FactorDefinition = {
  id: 'engagement_recency',
  // whole days: a few hundred values
  takesFewValues: true,
  label: FACTOR_LABELS.engagement_recency,
  // §5 personal contacts; linear from full score to zero between the model's two day counts
  measure: ({ metrics, model }) => {
    const days = metrics.daysSinceLastContact;
    if (days === null) return null;
    const { contactDaysForFullScore: full, contactDaysForZeroScore: zero } = model.scales;
    return { value: toScale((100 * (zero - days)) / (zero - full)), raw: days };
  },
  describe: ({ metrics }) => ({
    en: `last contact ${metrics.daysSinceLastContact ?? '?'} days ago`,
    ru: `последний контакт ${metrics.daysSinceLastContact ?? '?'} дн. назад`,
  }),
};

const meetingHealth: FactorDefinition = {
  id: 'meeting_health',
  takesFewValues: true,
  label: FACTOR_LABELS.meeting_health,
  // §7 diagnostic "does it postpone planned visits?": intensity times the share held as planned
  measure: ({ metrics, model }) => {
    if (metrics.meetingCount === 0) return null;
    const intensity = Math.min(1, metrics.meetingsInActivityWindow / model.scales.meetingsForFullScore);
    return {
      value: toScale(100 * intensity * (1 - (metrics.meetingProblemShare ?? 0))),
      raw: metrics.meetingsInActivityWindow,
    };
  },
  describe: ({ metrics }) => {
    const problems = metrics.meetingsRescheduled + metrics.meetingsCancelled + metrics.meetingsNoShow;
    return {
      en: `${metrics.meetingsInActivityWindow} meetings in ${metrics.activityWindowDays} days, ${problems} rescheduled, cancelled or missed`,
      ru: `${metrics.meetingsInActivityWindow} встреч за ${metrics.activityWindowDays} дн., из них ${problems} перенесены, отменены или сорваны`,
    };
  },
};

const buyingCentreCoverage: FactorDefinition = {
  id: 'buying_centre_coverage',
  takesFewValues: true,
  label: FACTOR_LABELS.buying_centre_coverage,
  // §10: an organisation map of the buying centre; an anti-sponsor (BLOCKER) costs points
  measure: ({ facts, metrics, model }) => {
    if (metrics.buyingCentre.contactCount === 0 && facts.numDecisionMakers === null) return null;
    const centre = metrics.buyingCentre;
    const coverage = (100 * centre.keyRolesCovered) / centre.keyRoleCount;
    return {
      value: toScale(coverage - model.scales.blockerPenalty * centre.blockerCount),
      raw: centre.keyRolesCovered,
    };
  },
  describe: ({ metrics }) => {
    const centre = metrics.buyingCentre;
    return {
      en: `${centre.keyRolesCovered} of ${centre.keyRoleCount} key buying roles mapped, ${centre.blockerCount} blocker(s)`,
      ru: `известно ${centre.keyRolesCovered} из ${centre.keyRoleCount} ключевых ролей закупочного центра, антиспонсоров: ${centre.blockerCount}`,
    };
  },
};

const perceptionLevel: FactorDefinition = {
  id: 'perception_level',
  takesFewValues: true,
  label: FACTOR_LABELS.perception_level,
  // §7: where the client places us (KAM input)
  measure: ({ facts, model }) =>
    facts.perceptionLevel === null
      ? null
      : { value: model.inputValues.perceptionLevel[facts.perceptionLevel], raw: facts.perceptionLevel },
  describe: ({ facts }) => {
    const level = facts.perceptionLevel === null ? NOT_SET : PERCEPTION_LEVEL_LABELS[facts.perceptionLevel];
    return { en: `the client sees us as ${level.en}`, ru: `клиент видит в нас: ${level.ru}` };
  },
};

const recommendsUs: FactorDefinition = {
  id: 'recommends_us',
  takesFewValues: true,
  label: FACTOR_LABELS.recommends_us,
  // 002: recommends us; §2: speaks well of us (KAM input)
  measure: ({ facts }) =>
    facts.recommendsUs === null ? null : { value: facts.recommendsUs ? 100 : 0, raw: facts.recommendsUs },
  describe: ({ facts }) =>
    facts.recommendsUs
      ? { en: 'the client recommends us', ru: 'клиент рекомендует нас' }
      : { en: 'the client does not recommend us', ru: 'клиент нас не рекомендует' },
};

const ticketHealth: FactorDefinition = {
  id: 'ticket_health',
  takesFewValues: true,
  label: FACTOR_LABELS.ticket_health,
  // §8 stage 1: recurring problems and dissatisfaction; open high-priority tickets weigh extra
  measure: ({ metrics, model }) => {
    if (metrics.ticketCount === 0) return null;
    const load = (100 * metrics.ticketsInActivityWindow) / model.scales.ticketsForZeroScore;
    const penalty = model.scales.openHighPriorityTicketPenalty * metrics.openHighPriorityTickets;
    return { value: toScale(100 - load - penalty), raw: metrics.ticketsInActivityWindow };
  },
  describe: ({ metrics }) => ({
    en: `${metrics.ticketsInActivityWindow} tickets in ${metrics.activityWindowDays} days, ${metrics.openHighPriorityTickets} high-priority still open`,
    ru: `${metrics.ticketsInActivityWindow} обращений за ${metrics.activityWindowDays} дн., открытых высокоприоритетных: ${metrics.openHighPriorityTickets}`,
  }),
};

/** The strength factors in display order (the model's weights are keyed by their ids). */
export const STRENGTH_FACTOR_DEFINITIONS: readonly FactorDefinition[] = [
  tenure,
  repeatPurchase,
  winRate,
  engagementRecency,
  meetingHealth,
  buyingCentreCoverage,
  perceptionLevel,
  recommendsUs,
  ticketHealth,
];
