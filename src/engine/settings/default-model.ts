/**
 * The shipped scoring model: what every path uses until an admin saves another. Each number
 * cites the methodology section it comes from; where the methodology gives no number, the
 * comment says why this one was chosen.
 */
import { DEFAULT_RISK_SCORE } from './default-risk-score';
import { DEFAULT_TIER_CAPACITY, type ScoringModel } from './model-schema';

export const DEFAULT_MODEL_VERSION = 'keystone-default-1';

export const DEFAULT_SCORING_MODEL: ScoringModel = {
  version: DEFAULT_MODEL_VERSION,
  homeCurrency: 'USD', // HubSpot portals default to USD; admins set theirs on the settings page
  pipelines: [],
  windows: {
    activityDays: 90,
    historyYears: 4, // §9 step 1: volume dynamics over the last 3–4 years
  },
  // §1: a key account is judged first on what it is worth to us; strength decides how we work it
  // (§3, §4). 0.7 (was 0.6) since issue #16: on flat and steady portfolios a 0.6 weight let
  // loyalty factors that do not depend on size outrank revenue (Spearman with 12-month revenue
  // 0.57 on a flat portfolio; 0.86 now, bench:judgement).
  axisWeights: { attractiveness: 0.7, strength: 0.3 },
  weights: {
    attractiveness: {
      revenue: 50, // §1 financial contribution, as a place among the portfolio's buyers; §3 volume of orders
      growth: 10, // §3 growth prospects; §9 volume dynamics
      purchase_frequency: 5, // §3 frequency of orders; a qualifier of volume, not a rival to it (issue #16)
      purchase_regularity: 5, // §3 regularity; 002 buys steadily — a steady small buyer must not max out on it
      reputation: 5, // §1 reputational capital
      growth_potential: 5, // §1 development potential; 004 growth potential
      strategic_fit: 5, // §2 fits our goals
      payment_discipline: 5, // 002 pays on time; §3 good financial reputation
      net_value: 10, // 002 positive net value after all costs to serve
    },
    strength: {
      tenure: 10, // §2 key clients always return
      repeat_purchase: 15, // §3 loyalty; §2 always returns
      win_rate: 10, // §7 diagnostic: does it sign with competitors?
      engagement_recency: 15, // §5 personal contacts; §10 interaction history
      meeting_health: 10, // §7 diagnostic: does it postpone planned visits?
      buying_centre_coverage: 15, // §10 buying-centre roles and organisation map
      perception_level: 10, // §7 perception ladder
      recommends_us: 5, // 002 recommends us; §2 speaks well of us
      ticket_health: 10, // §8 stage 1: recurring problems
    },
  },
  scales: {
    // the revenue factor ranks a company among the portfolio's buyers; these three scale it only
    // where no whole run has ranked the portfolio yet (a company rescored alone before the first sync)
    revenueReferencePercentile: 0.9, // the top decile scores 100 whatever the portfolio's currency and size
    revenueReferenceFallback: 100_000,
    revenueDecades: 3, // reference / 1000 scores 0, reference / 10 scores 67
    growthForFullScore: 0.5, // +50% a year scores 100, −50% scores 0, flat scores 50
    purchasesPerYearForFullScore: 4, // a purchase every quarter
    tenureYearsForFullScore: 5,
    contactDaysForFullScore: 14,
    contactDaysForZeroScore: 180,
    meetingsForFullScore: 3, // about one a month in the 90-day window
    ticketsForZeroScore: 10,
    openHighPriorityTicketPenalty: 20,
    blockerPenalty: 25,
  },
  inputValues: {
    growthPotential: { low: 20, medium: 60, high: 100 },
    strategicFit: { low: 20, medium: 60, high: 100 },
    idealCustomerProfile: { tier_1: 100, tier_2: 65, tier_3: 30 },
    targetAccount: 75,
    reputation: { low: 15, medium: 50, high: 80, industry_leader: 100 },
    // §7: the four rungs, evenly spaced from "one of many" to "insider"
    perceptionLevel: { commodity_broker: 0, provider: 35, value_adder: 70, business_partner: 100 },
    paymentDiscipline: { on_time: 100, sometimes_late: 50, often_late: 0 },
  },
  // §10 roles mapped to HubSpot's: decision maker, influencer, sponsor (champion, executive sponsor); budget holder decides too
  buyingCentre: {
    keyRoles: ['DECISION_MAKER', 'CHAMPION', 'EXECUTIVE_SPONSOR', 'INFLUENCER', 'BUDGET_HOLDER'],
  },
  tiers: {
    key: 70,
    important: 45,
    hysteresis: 5,
    capacity: {
      key: { ...DEFAULT_TIER_CAPACITY.key },
      important: { ...DEFAULT_TIER_CAPACITY.important },
    },
  },
  axisLevels: {
    attractiveness: { medium: 40, strong: 70 },
    strength: { medium: 40, strong: 70 },
  },
  levelHysteresis: 2, // an axis drifts by tenths a day; 2 points keep a strategy from flipping at a cut
  // §3: with revenue a place among the buyers, half the portfolio scores below ~40 on
  // attractiveness; the high side of the matrix is its upper quarter (a loyal account of middling
  // size is "maintenance", not "key account": 10–18 of 18 planted ones, bench:judgement)
  kaismCut: { attractiveness: 65, strength: 50 },
  pareto: { a: 0.8, b: 0.95 }, // §1 (003): about 20% of customers bring about 80%
  risk: {
    volumeDeclineShare: 0.3, // §9 step 2: "sharply reduced volumes"
    severeVolumeDeclineShare: 0.7, // §9 step 2: "stopped buying", or close to it
    ticketBurstMinCount: 4,
    ticketBurstRatio: 2,
    openHighPriorityTicketsAtRisk: 3,
    meetingProblemShare: 0.5,
    meetingProblemMinCount: 2,
    noContactDaysWatch: 60,
    noContactDaysAtRisk: 120,
    lostDealsStreak: 3,
    criticalSignalCount: 3,
  },
  riskScore: DEFAULT_RISK_SCORE, // issue #17: see default-risk-score.ts
  recommendations: { weakFactorBelow: 40, lowConfidenceBelow: 0.6, max: 6 },
};
