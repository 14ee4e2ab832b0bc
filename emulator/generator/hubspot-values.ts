/**
 * The HubSpot property values the generator writes. The emulator stands alone (style §1), so the
 * enumerations the app reads are copied here as our own constants; the source of truth is
 * src/engine/core/enums.ts, and the generator tests check every written value against these sets.
 */
import { SEEDED_OWNERS } from '../store/owners';

// Copied from src/engine/core/enums.ts (HUBSPOT_BUYING_ROLES): contacts `hs_buying_role`, multi-select, `;`-separated
export const BUYING_ROLES = [
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
export type BuyingRole = (typeof BUYING_ROLES)[number];

// Copied from src/engine/core/enums.ts (HUBSPOT_MEETING_OUTCOMES): meetings `hs_meeting_outcome`
export const MEETING_OUTCOMES = ['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

// Copied from src/engine/core/enums.ts (HUBSPOT_TICKET_PRIORITIES): tickets `hs_ticket_priority`
export const TICKET_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

// Copied from src/engine/core/enums.ts: the KAM inputs `kam setup` creates on companies
export const REPUTATION_LEVELS = ['low', 'medium', 'high', 'industry_leader'] as const; // kam_market_reputation
export type ReputationLevel = (typeof REPUTATION_LEVELS)[number];
export const INPUT_LEVELS = ['low', 'medium', 'high'] as const; // kam_growth_potential, kam_strategic_fit
export type InputLevel = (typeof INPUT_LEVELS)[number];
export const PERCEPTION_LEVELS = ['commodity_broker', 'provider', 'value_adder', 'business_partner'] as const; // kam_perception_level
export type PerceptionLevel = (typeof PERCEPTION_LEVELS)[number];
export const PAYMENT_DISCIPLINE = ['on_time', 'sometimes_late', 'often_late'] as const; // kam_payment_discipline
export type PaymentDiscipline = (typeof PAYMENT_DISCIPLINE)[number];
export const LOSS_REASONS = [
  'closure',
  'diversification',
  'switched_supplier',
  'price',
  'quality_or_service',
  'staff_attitude',
  'reduced_demand',
  'other',
] as const; // kam_loss_reason
export type LossReason = (typeof LOSS_REASONS)[number];
export const POSITION_INPUT_LEVELS = ['low', 'high'] as const; // kam_client_dependence, kam_value_delivered
export type PositionInputLevel = (typeof POSITION_INPUT_LEVELS)[number];

// HubSpot's company `hs_ideal_customer_profile` options
export const ICP_TIERS = ['tier_1', 'tier_2', 'tier_3'] as const;
export type IcpTier = (typeof ICP_TIERS)[number];

/**
 * Record owners (`hubspot_owner_id`): the emulator portal's seeded owners, so every owner id the
 * generator writes resolves through the owners API. The first ones are the "Key accounts" team.
 */
export const OWNER_IDS = SEEDED_OWNERS.map((owner) => owner.id);
export const KEY_ACCOUNT_OWNER_IDS = SEEDED_OWNERS.filter((owner) =>
  owner.teams.some((team) => team.name === 'Key accounts'),
).map((owner) => owner.id);
export type OwnerId = string;

// A subset of HubSpot's company `industry` internal values, the ones a B2B supplier typically sells to
export const INDUSTRIES = [
  'COMPUTER_SOFTWARE',
  'INFORMATION_TECHNOLOGY_AND_SERVICES',
  'FINANCIAL_SERVICES',
  'HOSPITAL_HEALTH_CARE',
  'MACHINERY',
  'LOGISTICS_AND_SUPPLY_CHAIN',
  'RETAIL',
  'AUTOMOTIVE',
  'CONSTRUCTION',
  'FOOD_PRODUCTION',
  'PHARMACEUTICALS',
  'TELECOMMUNICATIONS',
  'MECHANICAL_OR_INDUSTRIAL_ENGINEERING',
  'CHEMICALS',
  'WHOLESALE',
  'INSURANCE',
  'UTILITIES',
  'MANAGEMENT_CONSULTING',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/**
 * Deal pipelines. `default` uses HubSpot's built-in stage ids; `renewals` is a custom pipeline
 * whose closed stages are NOT `closedwon`/`closedlost`, as in real portals: a reader must trust
 * `hs_is_closed_won`/`hs_is_closed`, never the stage id.
 */
export const DEAL_PIPELINES = {
  default: {
    open: [
      'appointmentscheduled',
      'qualifiedtobuy',
      'presentationscheduled',
      'decisionmakerboughtin',
      'contractsent',
    ],
    won: 'closedwon',
    lost: 'closedlost',
  },
  renewals: {
    open: ['renewal_due', 'renewal_negotiation'],
    won: 'renewal_closed_won',
    lost: 'renewal_closed_lost',
  },
} as const;
export type DealPipelineId = keyof typeof DEAL_PIPELINES;

// HubSpot's default ticket pipeline `0`: stages 1 New, 2 Waiting on contact, 3 Waiting on us, 4 Closed
export const TICKET_PIPELINE = { id: '0', open: ['1', '2', '3'], closed: '4' } as const;

/**
 * Deal currencies with the fixed USD rate used for `amount_in_home_currency` (HubSpot converts
 * with the portal's exchange-rate table; one fixed table keeps the output deterministic).
 */
export const CURRENCIES = [
  { code: 'USD', usdPerUnit: 1, weight: 52, tld: 'com', legalForms: ['Inc.', 'LLC', 'Corp.'] },
  { code: 'EUR', usdPerUnit: 1.08, weight: 22, tld: 'de', legalForms: ['GmbH', 'AG', 'SE'] },
  { code: 'GBP', usdPerUnit: 1.27, weight: 12, tld: 'co.uk', legalForms: ['Ltd', 'plc'] },
  { code: 'CAD', usdPerUnit: 0.74, weight: 6, tld: 'ca', legalForms: ['Inc.', 'Ltd.'] },
  { code: 'AUD', usdPerUnit: 0.66, weight: 4, tld: 'com.au', legalForms: ['Pty Ltd'] },
  { code: 'CHF', usdPerUnit: 1.12, weight: 4, tld: 'ch', legalForms: ['AG', 'SA'] },
] as const;
export type Currency = (typeof CURRENCIES)[number];
export const HOME_CURRENCY = 'USD';
