/**
 * The graded risk score (issue #17; methodology §8–§9): every warning sign the CRM data shows,
 * each as a strength 0–1 read against the model's ramp, weighed by the model and summed in
 * log-odds. The score is 100 × logistic(intercept + Σ weight × strength), 0–100; a calibrated
 * model makes it the chance (in 100) that the account declines within the calibration's horizon.
 * Weights are never negative, so raising any warning sign never lowers the score. Pure.
 */
import { RISK_SCORE_SIGNALS, type RiskLevel, type RiskScoreSignalId } from './enums';
import type { CompanyMetrics } from './metrics';
import type { RiskScoreSettings } from '../settings/risk-score-schema';

/** One sign's share of the score: its evidence, its strength 0–1 and the points it adds. */
export type RiskContribution = Readonly<{
  id: RiskScoreSignalId;
  /** The evidence the ramp read (a ratio, a share, a count or days). */
  evidence: number;
  strength: number;
  /** Score points this sign adds over the no-sign score; the points of all signs add up to the difference. */
  points: number;
}>;

export type RiskScore = Readonly<{
  score: number;
  /** The score with no sign at all: 100 × logistic(intercept). */
  baseline: number;
  /** Only the signs that add something, most points first. */
  contributions: readonly RiskContribution[];
}>;

/**
 * The evidence of every sign, in `RISK_SCORE_SIGNALS` order; NaN where the data has none.
 * `hasLossReason`: the KAM recorded why the client stopped or cut buying (`kam_loss_reason`).
 */
export function riskEvidenceOf(metrics: CompanyMetrics, hasLossReason: boolean): Float64Array {
  const rhythm = metrics.purchaseRhythm;
  const centre = metrics.buyingCentre;
  const roles = centre.rolesCovered;
  const growth = metrics.wonRevenueGrowth;
  const evidence = new Float64Array(RISK_SCORE_SIGNALS.length);
  const quarterlyRevenue = metrics.wonRevenueLast12Months / 4;
  const values: Record<RiskScoreSignalId, number | null> = {
    purchase_silence: rhythm.silenceRatio,
    quarter_decline: rhythm.quarterDecline,
    quarter_vs_year_decline: rhythm.quarterVsYearDecline,
    year_decline: growth === null ? null : growth < 0 ? Math.min(1, -growth) : 0,
    frequency_decline: rhythm.frequencyDecline,
    lost_deals: metrics.lostDealsStreak,
    ticket_burst: Math.max(0, metrics.ticketsInActivityWindow - metrics.ticketsInPreviousActivityWindow),
    open_high_priority_tickets: metrics.openHighPriorityTickets,
    meeting_problems: metrics.meetingsCancelled + metrics.meetingsNoShow,
    contact_gap: metrics.daysSinceLastContact,
    decision_roles_missing:
      centre.contactCount === 0
        ? null
        : (roles.includes('DECISION_MAKER') || (centre.decisionMakersReported ?? 0) > 0 ? 0 : 1) +
          (roles.includes('CHAMPION') || roles.includes('EXECUTIVE_SPONSOR') ? 0 : 1),
    blockers: centre.blockerCount,
    pipeline_drying:
      quarterlyRevenue > 0
        ? Math.max(0, 1 - Math.min(1, metrics.openPipelineAmount / quarterlyRevenue))
        : null,
    loss_reason_recorded: hasLossReason ? 1 : 0,
  };
  RISK_SCORE_SIGNALS.forEach((id, index) => {
    const value = values[id];
    evidence[index] = value === null || !Number.isFinite(value) ? Number.NaN : value;
  });
  return evidence;
}

/** A sign's strength 0–1 on the ramp `from` → `to`; 0 without evidence (NaN). */
export function strengthOf(evidence: number, from: number, to: number): number {
  if (!(evidence > from)) return 0; // NaN lands here too
  if (evidence >= to) return 1;
  const strength = (evidence - from) / (to - from);
  return Number.isFinite(strength) ? strength : 0;
}

/** The strengths of every sign under the model's ramps, in `RISK_SCORE_SIGNALS` order. */
export function riskStrengthsOf(evidence: Float64Array, settings: RiskScoreSettings): Float64Array {
  const strengths = new Float64Array(RISK_SCORE_SIGNALS.length);
  RISK_SCORE_SIGNALS.forEach((id, index) => {
    const ramp = settings.signals[id];
    strengths[index] = strengthOf(evidence[index]!, ramp.from, ramp.to);
  });
  return strengths;
}

const logistic = (z: number): number => 1 / (1 + Math.exp(-z));
const round1 = (value: number): number => Math.round(value * 10) / 10;

/** The log-odds of decline: intercept + Σ weight × strength. */
export function riskLogit(strengths: Float64Array, settings: RiskScoreSettings): number {
  let z = settings.intercept;
  RISK_SCORE_SIGNALS.forEach((id, index) => {
    z += settings.signals[id].weight * strengths[index]!;
  });
  return z;
}

/** The score 0–100 and each sign's points, from the evidence. */
export function riskScoreOf(evidence: Float64Array, settings: RiskScoreSettings): RiskScore {
  const strengths = riskStrengthsOf(evidence, settings);
  const z = riskLogit(strengths, settings);
  const score = 100 * logistic(z);
  const baseline = 100 * logistic(settings.intercept);
  const added = score - baseline;
  let logitAdded = 0;
  RISK_SCORE_SIGNALS.forEach((id, index) => {
    logitAdded += settings.signals[id].weight * strengths[index]!;
  });
  const contributions: RiskContribution[] = [];
  RISK_SCORE_SIGNALS.forEach((id, index) => {
    const part = settings.signals[id].weight * strengths[index]!;
    if (!(part > 0)) return;
    // the score's rise shared out in proportion to each sign's log-odds
    const points = (added * part) / logitAdded;
    contributions.push({
      id,
      evidence: round4(evidence[index]!),
      strength: round4(strengths[index]!),
      points: Number.isFinite(points) ? round1(points) : 0,
    });
  });
  contributions.sort(
    (a, b) => b.points - a.points || RISK_SCORE_SIGNALS.indexOf(a.id) - RISK_SCORE_SIGNALS.indexOf(b.id),
  );
  return { score: round1(score), baseline: round1(baseline), contributions };
}

/** Four decimals; an infinite reading (a ratio over a zero gap) is kept at a large finite number. */
const round4 = (value: number): number =>
  Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : value > 0 ? Number.MAX_SAFE_INTEGER : 0;

/** The level of a score under the model's cut points (§8: watch 1, at risk 2, critical 3). */
export function riskLevelOfScore(score: number, levels: RiskScoreSettings['levels']): RiskLevel {
  if (score >= levels.critical) return 'critical';
  if (score >= levels.atRisk) return 'at_risk';
  if (score >= levels.watch) return 'watch';
  return 'none';
}
