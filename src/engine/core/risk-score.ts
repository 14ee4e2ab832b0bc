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

/**
 * One sign's share of the score: the points it adds. (Its evidence and strength are
 * `riskEvidenceOf` / `riskStrengthsOf`; a portfolio run keeps every result, so each kept field
 * costs 100k objects' worth of heap.)
 */
export type RiskContribution = Readonly<{
  id: RiskScoreSignalId;
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
export function riskEvidenceOf(
  metrics: CompanyMetrics,
  hasLossReason: boolean,
  into: Float64Array = new Float64Array(RISK_SCORE_SIGNALS.length),
): Float64Array {
  const rhythm = metrics.purchaseRhythm;
  const centre = metrics.buyingCentre;
  const roles = centre.rolesCovered;
  const growth = metrics.wonRevenueGrowth;
  const evidence = into;
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
          (centre.hasSponsor ? 0 : 1),
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

/** The model's ramps and weights as arrays in `RISK_SCORE_SIGNALS` order, made once per settings object. */
type PreparedSettings = { from: Float64Array; to: Float64Array; weight: Float64Array; baseline: number };
const PREPARED = new WeakMap<RiskScoreSettings, PreparedSettings>();

function prepared(settings: RiskScoreSettings): PreparedSettings {
  let found = PREPARED.get(settings);
  if (found === undefined) {
    const count = RISK_SCORE_SIGNALS.length;
    found = {
      from: new Float64Array(count),
      to: new Float64Array(count),
      weight: new Float64Array(count),
      baseline: 100 * logistic(settings.intercept),
    };
    for (let index = 0; index < count; index += 1) {
      const sign = settings.signals[RISK_SCORE_SIGNALS[index]!];
      found.from[index] = sign.from;
      found.to[index] = sign.to;
      found.weight[index] = sign.weight;
    }
    PREPARED.set(settings, found);
  }
  return found;
}

/** The strengths of every sign under the model's ramps, in `RISK_SCORE_SIGNALS` order. */
export function riskStrengthsOf(
  evidence: Float64Array,
  settings: RiskScoreSettings,
  into: Float64Array = new Float64Array(RISK_SCORE_SIGNALS.length),
): Float64Array {
  const ramps = prepared(settings);
  for (let index = 0; index < into.length; index += 1) {
    into[index] = strengthOf(evidence[index]!, ramps.from[index]!, ramps.to[index]!);
  }
  return into;
}

const logistic = (z: number): number => 1 / (1 + Math.exp(-z));
const round1 = (value: number): number => Math.round(value * 10) / 10;

/** The log-odds of decline: intercept + Σ weight × strength. */
export function riskLogit(strengths: Float64Array, settings: RiskScoreSettings): number {
  const { weight } = prepared(settings);
  let z = settings.intercept;
  for (let index = 0; index < strengths.length; index += 1) z += weight[index]! * strengths[index]!;
  return z;
}

// one scratch array for the strengths of the company being scored (the score keeps none of it)
const scratchStrengths = new Float64Array(RISK_SCORE_SIGNALS.length);
const NO_CONTRIBUTIONS: readonly RiskContribution[] = Object.freeze([]);

/** The score 0–100 and each sign's points, from the evidence. */
export function riskScoreOf(evidence: Float64Array, settings: RiskScoreSettings): RiskScore {
  const { weight, baseline } = prepared(settings);
  const strengths = riskStrengthsOf(evidence, settings, scratchStrengths);
  const z = riskLogit(strengths, settings);
  const score = 100 * logistic(z);
  const added = score - baseline;
  const logitAdded = z - settings.intercept;
  let contributions: RiskContribution[] | null = null;
  for (let index = 0; index < strengths.length; index += 1) {
    const part = weight[index]! * strengths[index]!;
    if (!(part > 0)) continue;
    // the score's rise shared out in proportion to each sign's log-odds
    const points = (added * part) / logitAdded;
    (contributions ??= []).push({
      id: RISK_SCORE_SIGNALS[index]!,
      points: Number.isFinite(points) ? round1(points) : 0,
    });
  }
  if (contributions !== null && contributions.length > 1) {
    contributions.sort(
      (a, b) => b.points - a.points || RISK_SCORE_SIGNALS.indexOf(a.id) - RISK_SCORE_SIGNALS.indexOf(b.id),
    );
  }
  return {
    score: round1(score),
    baseline: round1(baseline),
    contributions: contributions ?? NO_CONTRIBUTIONS,
  };
}

/** The level of a score under the model's cut points (§8: watch 1, at risk 2, critical 3). */
export function riskLevelOfScore(score: number, levels: RiskScoreSettings['levels']): RiskLevel {
  if (score >= levels.critical) return 'critical';
  if (score >= levels.atRisk) return 'at_risk';
  if (score >= levels.watch) return 'watch';
  return 'none';
}
