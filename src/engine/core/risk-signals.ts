/**
 * Risk of losing the customer (methodology §8). The risk level is a cut point on the graded risk
 * score (risk-score.ts, issue #17), which weighs every warning sign by the model. The named
 * signals below read the same evidence as rules with a severity: they say in words what was seen
 * and choose the recommendations. Levels map to loss stages: none 0, watch 1 (recurring
 * problems), at_risk 2 (the client monitors our failures and looks for a replacement), critical
 * 3 (escalation, ultimatum). Stage 4 (arbitration) is rare and leaves no trace in CRM data, so it
 * is never inferred.
 */
import { RISK_SCORE_SIGNALS, type LossStage, type RiskLevel, type RiskSignalId } from './enums';
import type { CompanyFacts } from './company-input';
import type { CompanyMetrics } from './metrics';
import { findWithinRun, storeWithinRun, type SharedParts } from './shared-parts';
import { LOSS_REASON_LABELS } from './option-labels';
import { flat, formatAmount, formatShare, localise, type Localised } from './text';
import type { ScoringModel } from '../settings/model-schema';
import { riskEvidenceOf, riskLevelOfScore, riskScoreOf, type RiskContribution } from './risk-score';

export type RiskSeverity = Exclude<RiskLevel, 'none'>;

/** A signal; often one frozen object shared by every company of a run that raised it with the same values. */
export type RiskSignal = Readonly<{
  id: RiskSignalId;
  severity: RiskSeverity;
  /** The values that raised the signal. */
  data: Readonly<Record<string, number | string | null>>;
  /** One sentence naming the data, in both languages. */
  text: Readonly<Localised>;
}>;

export type RiskAssessment = Readonly<{
  level: RiskLevel;
  lossStage: LossStage;
  signals: readonly RiskSignal[];
  /** The graded risk score 0–100 the level is cut from. */
  score: number;
  /** The signs that raise the score, most points first. */
  contributions: readonly RiskContribution[];
  /** From a calibrated model: accounts scored at this level in the portal's history, and how many declined. */
  calibrated: Readonly<{ accounts: number; declined: number; horizonMonths: number }> | null;
}>;

const LOSS_STAGE_OF: Record<RiskLevel, LossStage> = { none: 0, watch: 1, at_risk: 2, critical: 3 };

// A signal raised by the same values is identical in every company: shared within the run (see
// shared-parts.ts). Volume decline names amounts, which rarely repeat, so it is built per company.
type SignalContext = {
  facts: CompanyFacts;
  metrics: CompanyMetrics;
  model: ScoringModel;
  homeCurrency: string;
  shared: SharedParts;
};
type SignalRule = (context: SignalContext) => RiskSignal | null;

/**
 * The run's signal `id` raised by the company values `first`, `second`, `third`, built by `build`
 * the first time. The keys are values, not strings, so a lookup allocates nothing; the model's
 * thresholds are left out of them because the model is fixed within a run.
 */
function sharedSignal(
  shared: SharedParts,
  id: RiskSignalId,
  first: number | string | boolean | null,
  second: number | null,
  third: number | null,
  build: () => RiskSignal,
): RiskSignal {
  return (
    findWithinRun<RiskSignal>(shared, id, first, second, third) ??
    storeWithinRun(shared, id, first, second, third, build())
  );
}

// §9 step 2: clients who stopped buying or sharply reduced volumes
const volumeDecline: SignalRule = ({ metrics, model, homeCurrency }) => {
  const previous = metrics.wonRevenuePrevious12Months;
  const growth = metrics.wonRevenueGrowth;
  if (growth === null || -growth < model.risk.volumeDeclineShare) return null;
  const decline = -growth;
  const last = metrics.wonRevenueLast12Months;
  return {
    id: 'volume_decline',
    severity: decline >= model.risk.severeVolumeDeclineShare ? 'critical' : 'at_risk',
    data: { wonRevenueLast12Months: last, wonRevenuePrevious12Months: previous, decline },
    text: localise((language) => {
      const amounts = `${formatAmount(previous, language)} → ${formatAmount(last, language)} ${homeCurrency}`;
      return language === 'en'
        ? flat`Won revenue fell ${formatShare(decline)} against the previous 12 months (${amounts}).`
        : flat`Выручка по выигранным сделкам упала на ${formatShare(decline)} к предыдущим 12 месяцам (${amounts}).`;
    }),
  };
};

// §8 stage 1: recurring problems show up as a burst of tickets
const ticketBurst: SignalRule = ({ metrics, model, shared }) => {
  const recent = metrics.ticketsInActivityWindow;
  const previous = metrics.ticketsInPreviousActivityWindow;
  if (recent < model.risk.ticketBurstMinCount || recent < previous * model.risk.ticketBurstRatio) return null;
  const days = metrics.activityWindowDays;
  return sharedSignal(shared, 'ticket_burst', recent, previous, null, () => ({
    id: 'ticket_burst',
    severity: recent >= 2 * model.risk.ticketBurstMinCount ? 'at_risk' : 'watch',
    data: {
      ticketsInActivityWindow: recent,
      ticketsInPreviousActivityWindow: previous,
      activityWindowDays: days,
    },
    text: {
      en: flat`${recent} tickets in the last ${days} days against ${previous} in the ${days} days before.`,
      ru: flat`${recent} обращений за последние ${days} дн. против ${previous} за предыдущие ${days} дн.`,
    },
  }));
};

// §8 stage 1: the client loses money while our problem stays open
const highPriorityOpenTickets: SignalRule = ({ metrics, model, shared }) => {
  const open = metrics.openHighPriorityTickets;
  if (open === 0) return null;
  return sharedSignal(shared, 'high_priority_open_tickets', open, null, null, () => ({
    id: 'high_priority_open_tickets',
    severity: open >= model.risk.openHighPriorityTicketsAtRisk ? 'at_risk' : 'watch',
    data: { openHighPriorityTickets: open },
    text: {
      en: flat`${open} high or urgent priority ticket(s) still open.`,
      ru: flat`Открыто обращений с высоким или срочным приоритетом: ${open}.`,
    },
  }));
};

// §7 diagnostic "does it postpone planned visits?"; §8 stage 2: it is looking elsewhere
const meetingProblems: SignalRule = ({ metrics, model, shared }) => {
  const share = metrics.meetingProblemShare;
  if (share === null || metrics.meetingsInActivityWindow < model.risk.meetingProblemMinCount) return null;
  if (share < model.risk.meetingProblemShare) return null;
  const problems = metrics.meetingsRescheduled + metrics.meetingsCancelled + metrics.meetingsNoShow;
  const inWindow = metrics.meetingsInActivityWindow;
  // the no-shows are at most the meetings in the window: one key for them and the cancelled
  const cancelledAndNoShow = metrics.meetingsCancelled * (inWindow + 1) + metrics.meetingsNoShow;
  return sharedSignal(
    shared,
    'meeting_problems',
    inWindow,
    metrics.meetingsRescheduled,
    cancelledAndNoShow,
    () => ({
      id: 'meeting_problems',
      severity: 'at_risk',
      data: {
        meetingsInActivityWindow: metrics.meetingsInActivityWindow,
        meetingsRescheduled: metrics.meetingsRescheduled,
        meetingsCancelled: metrics.meetingsCancelled,
        meetingsNoShow: metrics.meetingsNoShow,
        meetingProblemShare: share,
      },
      text: {
        en: flat`${problems} of ${metrics.meetingsInActivityWindow} meetings in ${metrics.activityWindowDays} days were rescheduled, cancelled or missed (${formatShare(share)}).`,
        ru: flat`${problems} из ${metrics.meetingsInActivityWindow} встреч за ${metrics.activityWindowDays} дн. перенесены, отменены или сорваны (${formatShare(share)}).`,
      },
    }),
  );
};

// §5: personal contacts keep the relationship; silence lets competitors in
const noRecentContact: SignalRule = ({ metrics, model, shared }) => {
  const days = metrics.daysSinceLastContact;
  if (days === null || days < model.risk.noContactDaysWatch) return null;
  return sharedSignal(shared, 'no_recent_contact', days, null, null, () => ({
    id: 'no_recent_contact',
    severity: days >= model.risk.noContactDaysAtRisk ? 'at_risk' : 'watch',
    data: { daysSinceLastContact: days },
    text: { en: flat`No contact for ${days} days.`, ru: flat`Нет контакта ${days} дн.` },
  }));
};

// §10: an anti-sponsor in the buying centre; worse with no sponsor to balance it
const blockerInBuyingCentre: SignalRule = ({ metrics, shared }) => {
  const centre = metrics.buyingCentre;
  if (centre.blockerCount === 0) return null;
  const hasSponsor = centre.hasSponsor;
  return sharedSignal(shared, 'blocker_in_buying_centre', hasSponsor, centre.blockerCount, null, () => ({
    id: 'blocker_in_buying_centre',
    severity: hasSponsor ? 'watch' : 'at_risk',
    data: { blockerCount: centre.blockerCount, hasSponsor: hasSponsor ? 'yes' : 'no' },
    text: hasSponsor
      ? {
          en: flat`${centre.blockerCount} blocker(s) in the buying centre.`,
          ru: flat`В закупочном центре антиспонсоров: ${centre.blockerCount}.`,
        }
      : {
          en: flat`${centre.blockerCount} blocker(s) in the buying centre and no champion or executive sponsor.`,
          ru: flat`В закупочном центре антиспонсоров: ${centre.blockerCount}, а спонсора или чемпиона нет.`,
        },
  }));
};

// §7 diagnostic "does it sign with competitors?"
const lostDealsStreak: SignalRule = ({ metrics, model, shared }) => {
  const streak = metrics.lostDealsStreak;
  if (streak < model.risk.lostDealsStreak) return null;
  return sharedSignal(shared, 'lost_deals_streak', streak, null, null, () => ({
    id: 'lost_deals_streak',
    severity: 'at_risk',
    data: { lostDealsStreak: streak },
    text: {
      en: flat`The last ${streak} closed deals were lost.`,
      ru: flat`Последние ${streak} закрытых сделок проиграны.`,
    },
  }));
};

// §7 level 1: price is everything, loyalty close to zero
const commodityPerception: SignalRule = ({ facts, shared }) =>
  facts.perceptionLevel !== 'commodity_broker'
    ? null
    : sharedSignal(shared, 'commodity_perception', null, null, null, () => ({
        id: 'commodity_perception',
        severity: 'watch',
        data: { perceptionLevel: facts.perceptionLevel },
        text: {
          en: 'The client sees us as a commodity broker, "one of many": loyalty is close to zero.',
          ru: 'Клиент видит в нас брокера, «одного из многих»: лояльность близка к нулю.',
        },
      }));

// 002: a customer worth the effort pays on time
const latePayment: SignalRule = ({ facts, shared }) =>
  facts.paymentDiscipline !== 'often_late'
    ? null
    : sharedSignal(shared, 'late_payment', null, null, null, () => ({
        id: 'late_payment',
        severity: 'watch',
        data: { paymentDiscipline: 'often_late' },
        text: { en: 'The client often pays late.', ru: 'Клиент часто платит с опозданием.' },
      }));

// §9 step 3: the KAM has recorded why the client stopped or cut buying
const lossReasonRecorded: SignalRule = ({ facts, shared }) => {
  const reason = facts.lossReason;
  if (reason === null) return null;
  return sharedSignal(shared, 'loss_reason_recorded', reason, null, null, () => ({
    id: 'loss_reason_recorded',
    severity: 'critical',
    data: { lossReason: reason },
    text: {
      en: flat`A loss reason is recorded: ${LOSS_REASON_LABELS[reason].en}.`,
      ru: flat`Указана причина потери клиента: ${LOSS_REASON_LABELS[reason].ru}.`,
    },
  }));
};

const SIGNAL_RULES: readonly SignalRule[] = [
  volumeDecline,
  ticketBurst,
  highPriorityOpenTickets,
  meetingProblems,
  noRecentContact,
  blockerInBuyingCentre,
  lostDealsStreak,
  commodityPerception,
  latePayment,
  lossReasonRecorded,
];

// the evidence of the company being assessed: the assessment keeps none of it (contributions copy theirs)
const scratchEvidence = new Float64Array(RISK_SCORE_SIGNALS.length);

/** Runs every signal rule, scores the warning signs and cuts the level and §8 loss stage from the score. */
export function assessRisk(context: SignalContext): RiskAssessment {
  const signals: RiskSignal[] = [];
  for (const rule of SIGNAL_RULES) {
    const signal = rule(context);
    if (signal !== null) signals.push(signal);
  }
  const graded = riskScoreOf(
    riskEvidenceOf(context.metrics, context.facts.lossReason !== null, scratchEvidence),
    context.model.riskScore,
  );
  const level = riskLevelOfScore(graded.score, context.model.riskScore.levels);
  const calibration = context.model.riskScore.calibration;
  const history = calibration?.levels[level];
  return {
    level,
    lossStage: LOSS_STAGE_OF[level],
    signals,
    score: graded.score,
    contributions: graded.contributions,
    calibrated:
      calibration === undefined || history === undefined
        ? null
        : {
            accounts: history.accounts,
            declined: history.declined,
            horizonMonths: calibration.horizonMonths,
          },
  };
}
