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
export const HUBSPOT_MEETING_OUTCOMES = ['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED'] as const;
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
