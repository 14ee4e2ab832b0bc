/**
 * HubSpot internal names of everything the core reads. The core's input is HubSpot-shaped
 * (issue #2), so these names are part of its contract; the adapter requests exactly these.
 */
export const COMPANY_INPUT_PROPERTIES = [
  'name',
  'domain',
  'industry',
  'annualrevenue',
  'numberofemployees',
  'createdate',
  'notes_last_contacted',
  'hs_num_decision_makers',
  'hs_is_target_account',
  'hs_ideal_customer_profile', // tier_1 | tier_2 | tier_3
  'hubspot_owner_id',
  'hs_lastmodifieddate',
  // KAM inputs (created by `kam setup`)
  'kam_market_reputation', // REPUTATION_LEVELS — §1 reputational capital
  'kam_growth_potential', // INPUT_LEVELS — §1 development potential
  'kam_strategic_fit', // INPUT_LEVELS — §2 fits our goals
  'kam_perception_level', // PERCEPTION_LEVELS — §7 perception ladder
  'kam_payment_discipline', // PAYMENT_DISCIPLINE — 002 pays on time
  'kam_recommends_us', // 'true' | 'false' — 002 recommends us
  'kam_annual_cost_to_serve', // number, home currency — 002 net value after costs to serve; §9 step 6
  'kam_loss_reason', // LOSS_REASONS — §9 step 3
  'kam_client_dependence', // POSITION_INPUT_LEVELS — §6 significance of our supply to the client
  'kam_value_delivered', // POSITION_INPUT_LEVELS — §6 total value we give
  // previous outputs the core needs (hysteresis and dead bands, change trail)
  'kam_tier',
  'kam_tier_changed_at',
  'kam_quadrant',
  'kam_pareto_class',
  'kam_explanation', // the axis levels it was last scored with
  // a pin in force takes a place of its tier (tier capacity)
  'kam_tier_pinned',
  'kam_pin_expires_at',
] as const;

/**
 * Read by the core only once a pin is recorded: the model's own last tier (hysteresis starts from
 * it, not from the pinned `kam_tier`) and the strategy pinned with the tier. Apart from
 * `COMPANY_INPUT_PROPERTIES` because only a portal where Keystone has written has them.
 */
export const COMPANY_PIN_INPUT_PROPERTIES = ['kam_tier_computed', 'kam_strategy_pinned'] as const;

export const DEAL_INPUT_PROPERTIES = [
  'amount',
  'amount_in_home_currency',
  'deal_currency_code',
  'closedate',
  'createdate',
  'hs_is_closed_won',
  'hs_is_closed',
  'pipeline',
  'dealstage',
] as const;

export const TICKET_INPUT_PROPERTIES = [
  'hs_ticket_priority',
  'createdate',
  'closed_date',
  'hs_pipeline_stage',
] as const;

export const MEETING_INPUT_PROPERTIES = ['hs_meeting_start_time', 'hs_meeting_outcome'] as const;

export const CONTACT_INPUT_PROPERTIES = [
  'hs_buying_role',
  'jobtitle',
  'notes_last_contacted',
  // organisation map (003), created on contacts by `kam setup`
  'kam_influence', // INFLUENCE_LEVELS
  'kam_attitude', // ATTITUDES
  'kam_career', // CAREER_STAGES
] as const;
