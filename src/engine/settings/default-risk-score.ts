/**
 * The shipped weights of the graded risk score (issue #17; methodology §8–§9). Kept apart from
 * default-model.ts so the schema can fill it into a stored model saved before the section existed.
 *
 * Each signal turns one piece of evidence into a strength 0–1: 0 at `from` or below, 1 at `to` or
 * above, linear between. The score is 100 × logistic(intercept + Σ weight × strength), so with
 * no sign at all it is 100 × logistic(intercept) and every weight only ever raises it.
 *
 * The weights are the monotone logistic fit (fit-risk-weights.ts, penalty 5) on point-in-time
 * examples of generated portfolios, rounded: latent-health seeds 1–3 and archetype seed 5, 2,000
 * companies each, as of 12, 18 and 24 months before 2026-06-30, 12-month horizon, decline = a cut
 * of more than half. Signs the fit set to 0 there (3-month, 12-month and frequency decline, missing
 * decision roles) are kept at 0.2, so the methodology's signs still count a little and show on
 * the card. Checked on seeds 11–13 and archetype seed 42: README "Risk score".
 */
import type { RiskScoreSettings } from './risk-score-schema';

export const DEFAULT_RISK_SCORE: RiskScoreSettings = {
  intercept: -2.3, // no sign at all: 9.1 in 100
  signals: {
    // days since the last won deal over the account's median gap between won deals
    purchase_silence: { weight: 0.3, from: 1.5, to: 5 },
    // last 3 months' won revenue against the 3 before (share lost)
    quarter_decline: { weight: 0.2, from: 0.3, to: 1 },
    // last 3 months against the average quarter of the 12 months before them (share lost)
    quarter_vs_year_decline: { weight: 0.2, from: 0.3, to: 1 },
    // last 12 months against the 12 before (share lost): §9 step 2
    year_decline: { weight: 0.2, from: 0.2, to: 1 },
    // won deals in the last 12 months against the 12 before (share lost)
    frequency_decline: { weight: 0.2, from: 0.25, to: 1 },
    // closed deals lost in a row since the last win: §7 "does it sign with competitors?"
    lost_deals: { weight: 0.8, from: 0, to: 4 },
    // tickets in the activity window beyond those of the window before: §8 stage 1
    ticket_burst: { weight: 0.8, from: 0, to: 6 },
    open_high_priority_tickets: { weight: 2, from: 0, to: 3 },
    // cancelled and no-show meetings in the activity window: §7 "does it postpone planned visits?"
    meeting_problems: { weight: 0.7, from: 0, to: 3 },
    // days since the last contact: §5
    contact_gap: { weight: 0.4, from: 45, to: 240 },
    // decision roles (decision maker; sponsor or champion) no contact holds, of 2: §10
    decision_roles_missing: { weight: 0.2, from: 0, to: 2 },
    blockers: { weight: 4.8, from: 0, to: 2 },
    // open pipeline short of a quarter's won revenue (share missing)
    pipeline_drying: { weight: 1.25, from: 0.5, to: 1 },
    // the KAM recorded why the client stopped or cut buying: §9 step 3
    loss_reason_recorded: { weight: 4, from: 0, to: 1 },
  },
  // §8 stages: watch = recurring problems, at risk = looking for a replacement, critical = escalation
  levels: { watch: 30, atRisk: 50, critical: 70 },
};
