/**
 * Every enumeration of the domain, each from one `as const` array (style §2): the TS union and
 * the zod enum are both derived from it, and `kam setup` creates the HubSpot enumeration options
 * from the same arrays.
 */
import { z } from 'zod';

// methodology §2: three customer classes
export const TIERS = ['key', 'important', 'regular'] as const;
export type Tier = (typeof TIERS)[number];
export const tierSchema = z.enum(TIERS);

// methodology §3: KAISM quadrants (low/low resolved to "opportunistic")
export const KAISM_QUADRANTS = ['key_account', 'key_development', 'maintenance', 'opportunistic'] as const;
export type KaismQuadrant = (typeof KAISM_QUADRANTS)[number];
export const kaismQuadrantSchema = z.enum(KAISM_QUADRANTS);

// methodology §4: the strategic options of the 3×3 matrix
export const STRATEGIES = [
  'protect_ties',
  'develop_cooperation',
  'retain_selectively',
  'retain_minimal_effort',
  'protect_ties_selectively',
  'withdraw',
] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const strategySchema = z.enum(STRATEGIES);

// methodology §4: the three levels of each axis
export const AXIS_LEVELS = ['weak', 'medium', 'strong'] as const;
export type AxisLevel = (typeof AXIS_LEVELS)[number];

// methodology §1/003: Pareto classes by share of portfolio revenue
export const PARETO_CLASSES = ['A', 'B', 'C'] as const;
export type ParetoClass = (typeof PARETO_CLASSES)[number];

// methodology §8: risk levels; each maps to a loss stage 0–4
export const RISK_LEVELS = ['none', 'watch', 'at_risk', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const riskLevelSchema = z.enum(RISK_LEVELS);

// methodology §7: perception ladder, levels 1–4 (KAM input `kam_perception_level`)
export const PERCEPTION_LEVELS = ['commodity_broker', 'provider', 'value_adder', 'business_partner'] as const;
export type PerceptionLevel = (typeof PERCEPTION_LEVELS)[number];

// Direction of the last tier change (workflow trigger `kam_tier_direction`)
export const TIER_DIRECTIONS = ['up', 'down'] as const;
export type TierDirection = (typeof TIER_DIRECTIONS)[number];

// methodology §9 step 3: possible reasons a key client stopped or cut buying (KAM input `kam_loss_reason`)
export const LOSS_REASONS = [
  'closure',
  'diversification',
  'switched_supplier',
  'price',
  'quality_or_service',
  'staff_attitude',
  'reduced_demand',
  'other',
] as const;
export type LossReason = (typeof LOSS_REASONS)[number];

// HubSpot's own internal values (contacts `hs_buying_role` is multi-select, `;`-separated)
export const HUBSPOT_BUYING_ROLES = [
  'BUDGET_HOLDER',
  'CHAMPION',
  'DECISION_MAKER',
  'END_USER',
  'EXECUTIVE_SPONSOR',
  'INFLUENCER',
  'LEGAL_AND_COMPLIANCE',
  'BLOCKER',
  'OTHER',
] as const;
export type HubspotBuyingRole = (typeof HUBSPOT_BUYING_ROLES)[number];

// HubSpot meetings `hs_meeting_outcome`
export const HUBSPOT_MEETING_OUTCOMES = [
  'SCHEDULED',
  'COMPLETED',
  'RESCHEDULED',
  'NO_SHOW',
  'CANCELED',
] as const;
export type HubspotMeetingOutcome = (typeof HUBSPOT_MEETING_OUTCOMES)[number];

// HubSpot tickets `hs_ticket_priority`
export const HUBSPOT_TICKET_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
export type HubspotTicketPriority = (typeof HUBSPOT_TICKET_PRIORITIES)[number];

// KAM inputs entered by the key-account manager on the company record (all optional)
export const INPUT_LEVELS = ['low', 'medium', 'high'] as const; // kam_growth_potential, kam_strategic_fit
export type InputLevel = (typeof INPUT_LEVELS)[number];
export const REPUTATION_LEVELS = ['low', 'medium', 'high', 'industry_leader'] as const; // kam_market_reputation (§1)
export type ReputationLevel = (typeof REPUTATION_LEVELS)[number];
export const PAYMENT_DISCIPLINE = ['on_time', 'sometimes_late', 'often_late'] as const; // kam_payment_discipline (§1, 002)
export type PaymentDiscipline = (typeof PAYMENT_DISCIPLINE)[number];

// methodology §6: the two manager inputs of supplier positioning (`kam_client_dependence`, `kam_value_delivered`)
export const POSITION_INPUT_LEVELS = ['low', 'high'] as const;
export type PositionInputLevel = (typeof POSITION_INPUT_LEVELS)[number];
// methodology §6: where the key client places us (`kam_supplier_position`); the 2×2 of
// significance for the client (rows) × total value we give (columns)
export const SUPPLIER_POSITIONS = ['managed', 'partner', 'independent', 'desired'] as const;
export type SupplierPosition = (typeof SUPPLIER_POSITIONS)[number];
/** The company properties the position is read from, in the order the card lists them. */
export const POSITION_INPUT_FIELDS = ['kam_client_dependence', 'kam_value_delivered'] as const;
export type PositionInputField = (typeof POSITION_INPUT_FIELDS)[number];

/** An account development plan's state on the company (kam_plan_status). */
export const PLAN_STATUSES = ['none', 'current', 'review_due', 'overdue'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** What a plan goal can be measured by from CRM data (methodology §10, 003); see core/account-plan.ts. */
export const PLAN_GOAL_METRICS = [
  'won_revenue_12m',
  'purchases_12m',
  'buying_centre_coverage',
  'kaism_quadrant',
  'tier',
] as const;
export type PlanGoalMetric = (typeof PLAN_GOAL_METRICS)[number];
/** A measurable goal's state at a rescoring; `not_measured` for goals stated in words only. */
export const PLAN_GOAL_STATUSES = ['achieved', 'on_track', 'behind', 'missed', 'not_measured'] as const;
export type PlanGoalStatus = (typeof PLAN_GOAL_STATUSES)[number];
/** §10 "opportunities": the three kinds a plan classes them in. */
export const OPPORTUNITY_KINDS = ['increase_use', 'improve_service', 'expand_business'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
/** Effort (time, money, people) and payoff of an opportunity. */
export const EFFORT_LEVELS = ['low', 'medium', 'high'] as const;
export type EffortLevel = (typeof EFFORT_LEVELS)[number];

// 003 organisation map: Keystone contact properties for what `hs_buying_role` lacks
export const INFLUENCE_LEVELS = ['high', 'medium', 'low'] as const; // contacts `kam_influence`
export type InfluenceLevel = (typeof INFLUENCE_LEVELS)[number];
export const ATTITUDES = ['sponsor', 'supporter', 'neutral', 'critic', 'anti_sponsor'] as const; // contacts `kam_attitude`
export type Attitude = (typeof ATTITUDES)[number];
export const CAREER_STAGES = ['rising_star', 'steady', 'setting_star'] as const; // contacts `kam_career`
export type CareerStage = (typeof CAREER_STAGES)[number];

// 003 organisation map: the groups of people (core/organisation-map.ts)
export const ORGANISATION_MAP_GROUPS = [
  'decision_maker',
  'influencer',
  'sponsor',
  'anti_sponsor',
  'rising_star',
  'setting_star',
] as const;
export type OrganisationMapGroup = (typeof ORGANISATION_MAP_GROUPS)[number];

/** The gaps the organisation map can show, as stable ids; their texts are in catalogue-texts.ts. */
export const ORGANISATION_GAPS = [
  'no_contacts',
  'no_decision_maker',
  'decision_maker_not_contacted',
  'no_sponsor',
  'sponsor_setting_star',
  'anti_sponsor_high_influence',
  'anti_sponsor_without_sponsor',
  'single_threaded',
] as const;
export type OrganisationGapId = (typeof ORGANISATION_GAPS)[number];

// HubSpot companies `hs_ideal_customer_profile`
export const IDEAL_CUSTOMER_PROFILE_TIERS = ['tier_1', 'tier_2', 'tier_3'] as const;
export type IdealCustomerProfileTier = (typeof IDEAL_CUSTOMER_PROFILE_TIERS)[number];

// methodology §3: the two KAISM axes
export const AXES = ['attractiveness', 'strength'] as const;
export type Axis = (typeof AXES)[number];

// methodology §1, §3 (001), 002, 004: what makes a customer attractive to us
export const ATTRACTIVENESS_FACTORS = [
  'revenue',
  'growth',
  'purchase_frequency',
  'purchase_regularity',
  'reputation',
  'growth_potential',
  'strategic_fit',
  'payment_discipline',
  'net_value',
] as const;
export type AttractivenessFactor = (typeof ATTRACTIVENESS_FACTORS)[number];

// methodology §3 (loyalty / our relative strength), §7, §10, 002: how strong our position with the customer is
export const STRENGTH_FACTORS = [
  'tenure',
  'repeat_purchase',
  'win_rate',
  'engagement_recency',
  'meeting_health',
  'buying_centre_coverage',
  'perception_level',
  'recommends_us',
  'ticket_health',
] as const;
export type StrengthFactor = (typeof STRENGTH_FACTORS)[number];
export type FactorId = AttractivenessFactor | StrengthFactor;

// methodology §8: loss stages (0 = no sign; 4 = arbitration, never inferred from CRM data)
export const LOSS_STAGES = [0, 1, 2, 3, 4] as const;
export type LossStage = (typeof LOSS_STAGES)[number];

// methodology §8 and §7 diagnostics: what raises the risk level
export const RISK_SIGNALS = [
  'volume_decline',
  'ticket_burst',
  'high_priority_open_tickets',
  'meeting_problems',
  'no_recent_contact',
  'blocker_in_buying_centre',
  'lost_deals_streak',
  'commodity_perception',
  'late_payment',
  'loss_reason_recorded',
] as const;
export type RiskSignalId = (typeof RISK_SIGNALS)[number];

// issue #17: the warning signs the graded risk score weighs (methodology §8–§9), in display order
export const RISK_SCORE_SIGNALS = [
  'purchase_silence',
  'quarter_decline',
  'quarter_vs_year_decline',
  'year_decline',
  'frequency_decline',
  'lost_deals',
  'ticket_burst',
  'open_high_priority_tickets',
  'meeting_problems',
  'contact_gap',
  'decision_roles_missing',
  'blockers',
  'pipeline_drying',
  'loss_reason_recorded',
] as const;
export type RiskScoreSignalId = (typeof RISK_SCORE_SIGNALS)[number];

// methodology §5, §9, §10: the recommendation catalogue
export const RECOMMENDATIONS = [
  'lost_client_interview',
  'resolve_recurring_problems',
  'reengage_personal_contact',
  'build_trust',
  'entry_barriers',
  'joint_activities',
  'exit_barriers',
  'consistent_communication',
  'build_community',
  'account_development_plan',
  'review_account_plan',
  'buying_centre_mapping',
  'climb_perception_ladder',
  'grow_share_of_wallet',
  'preventive_support',
  'loyalty_recognition',
  'review_cost_to_serve',
  'minimal_effort_service',
  'withdraw_gracefully',
  'collect_account_information',
] as const;
export type RecommendationId = (typeof RECOMMENDATIONS)[number];

// Where a recommendation came from (the card groups by it)
export const RECOMMENDATION_SOURCES = ['risk', 'strategy', 'factor', 'data'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

// CRM object types whose values the core reads (data issues name one)
export const RECORD_TYPES = ['company', 'deal', 'ticket', 'meeting', 'contact'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

// What can be wrong with a value as HubSpot sent it (reported, never thrown)
export const DATA_ISSUE_KINDS = [
  'not_a_number',
  'negative_number',
  'out_of_range',
  'invalid_date',
  'future_date',
  'not_a_boolean',
  'unknown_value',
  'missing_value',
  'unconverted_currency',
] as const;
export type DataIssueKind = (typeof DATA_ISSUE_KINDS)[number];
