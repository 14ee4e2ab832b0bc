/**
 * Every `kam_*` company property Keystone creates (`kam setup`), reads and writes. The single
 * source for setup, the sync diff, the card and the settings page. Enumeration options come from
 * the core's `as const` arrays so HubSpot's options and our values can never drift apart.
 */
import {
  ATTITUDES,
  CAREER_STAGES,
  INFLUENCE_LEVELS,
  INPUT_LEVELS,
  KAISM_QUADRANTS,
  LOSS_REASONS,
  ORGANISATION_GAPS,
  PARETO_CLASSES,
  PAYMENT_DISCIPLINE,
  PERCEPTION_LEVELS,
  PLAN_STATUSES,
  POSITION_INPUT_LEVELS,
  REPUTATION_LEVELS,
  RISK_LEVELS,
  STRATEGIES,
  SUPPLIER_POSITIONS,
  TIER_DIRECTIONS,
  TIERS,
} from '../core/enums';

export const KAM_PROPERTY_GROUP = {
  name: 'key_account_management',
  label: 'Key account management (Keystone)',
  displayOrder: -1,
} as const;

type Option = { value: string; label: string };

export type KamPropertyDefinition = {
  name: string;
  label: string;
  description: string;
  /** HubSpot property type / fieldType pair. */
  type: 'number' | 'string' | 'enumeration' | 'date' | 'datetime' | 'bool';
  /** `checkbox`: a multi-select enumeration, its values `;`-separated. */
  fieldType: 'number' | 'text' | 'textarea' | 'select' | 'checkbox' | 'date' | 'booleancheckbox';
  options?: readonly Option[];
  /** `output`: written by Keystone; `input`: entered by the key-account manager. */
  role: 'output' | 'input';
};

const humanise = (value: string): string =>
  value
    .split('_')
    .map((word, index) => (index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');

const optionsOf = (values: readonly string[], labels: Record<string, string> = {}): Option[] =>
  values.map((value) => ({ value, label: labels[value] ?? humanise(value) }));

const BOOLEAN_OPTIONS: Option[] = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

const output = (
  name: string,
  label: string,
  description: string,
  type: KamPropertyDefinition['type'],
  fieldType: KamPropertyDefinition['fieldType'],
  options?: readonly Option[],
): KamPropertyDefinition => ({ name, label, description, type, fieldType, options, role: 'output' });

const input = (
  name: string,
  label: string,
  description: string,
  type: KamPropertyDefinition['type'],
  fieldType: KamPropertyDefinition['fieldType'],
  options?: readonly Option[],
): KamPropertyDefinition => ({ name, label, description, type, fieldType, options, role: 'input' });

export const KAM_OUTPUT_PROPERTIES = [
  output(
    'kam_score',
    'KAM score',
    'Key-account score 0–100 from attractiveness and relationship strength (Keystone).',
    'number',
    'number',
  ),
  output(
    'kam_attractiveness',
    'KAM customer attractiveness',
    'How attractive the customer is to us, 0–100 (KAISM vertical axis).',
    'number',
    'number',
  ),
  output(
    'kam_strength',
    'KAM relationship strength',
    'Our relative strength and the customer’s loyalty, 0–100 (KAISM horizontal axis).',
    'number',
    'number',
  ),
  output(
    'kam_confidence',
    'KAM score confidence',
    'Share of the model’s weight backed by data, 0–1; low means missing data.',
    'number',
    'number',
  ),
  output(
    'kam_tier',
    'KAM tier',
    'Key / Important / Regular customer class. Workflows: enrol on changes of this property.',
    'enumeration',
    'select',
    optionsOf(TIERS),
  ),
  output(
    'kam_tier_computed',
    'KAM computed tier',
    'The tier the scoring model computed. Equals KAM tier unless a manager pinned the tier.',
    'enumeration',
    'select',
    optionsOf(TIERS),
  ),
  output(
    'kam_tier_previous',
    'KAM previous tier',
    'The tier before the last tier change.',
    'enumeration',
    'select',
    optionsOf(TIERS),
  ),
  output('kam_tier_changed_at', 'KAM tier changed at', 'When the tier last changed.', 'datetime', 'date'),
  output(
    'kam_tier_direction',
    'KAM tier direction',
    'Whether the last tier change was up or down.',
    'enumeration',
    'select',
    optionsOf(TIER_DIRECTIONS, { up: 'Up', down: 'Down' }),
  ),
  output(
    'kam_quadrant',
    'KAM KAISM quadrant',
    'Portfolio position in the key-account identification and selection matrix.',
    'enumeration',
    'select',
    optionsOf(KAISM_QUADRANTS),
  ),
  output(
    'kam_strategy',
    'KAM strategy',
    'Strategic option from the attractiveness × our-position matrix.',
    'enumeration',
    'select',
    optionsOf(STRATEGIES),
  ),
  output(
    'kam_pareto_class',
    'KAM Pareto class',
    'A: the customers that make up the top share of revenue; then B, C.',
    'enumeration',
    'select',
    optionsOf(PARETO_CLASSES),
  ),
  output(
    'kam_risk_level',
    'KAM risk level',
    'Risk of losing the customer, mapped to the four stages of losing a key client.',
    'enumeration',
    'select',
    optionsOf(RISK_LEVELS, { at_risk: 'At risk' }),
  ),
  output(
    'kam_risk_score',
    'KAM risk score',
    'Graded risk of decline 0–100 from the weighted warning signs; the risk level is a cut of it.',
    'number',
    'number',
  ),
  output(
    'kam_loss_stage',
    'KAM loss stage',
    'Stage 0–4 of losing a key client (0 = no sign).',
    'number',
    'number',
  ),
  output(
    'kam_risk_reasons',
    'KAM risk reasons',
    'The signals that raised the risk level, one per line.',
    'string',
    'textarea',
  ),
  output(
    'kam_top_recommendations',
    'KAM top recommendations',
    'The recommended actions with their reasons, one per line.',
    'string',
    'textarea',
  ),
  output(
    'kam_explanation',
    'KAM explanation (data)',
    'Machine-readable breakdown for the Keystone card: factors, gaps, signals, recommendations.',
    'string',
    'textarea',
  ),
  output(
    'kam_model_version',
    'KAM model version',
    'Version of the scoring model that produced the score.',
    'string',
    'text',
  ),
  output('kam_scored_at', 'KAM scored at', 'When Keystone last scored this company.', 'datetime', 'date'),
  output(
    'kam_won_revenue_12m',
    'KAM won revenue, last 12 months',
    'Closed-won revenue in the trailing 12 months, home currency.',
    'number',
    'number',
  ),
  output(
    'kam_growth',
    'KAM revenue growth',
    'Won revenue of the last 12 months over the 12 before, minus 1 (0.25 = +25%).',
    'number',
    'number',
  ),
  output(
    'kam_supplier_position',
    'KAM supplier position',
    'How the client sees us, from KAM client dependence × KAM value delivered: partner (both high), managed (high dependence, low value), desired (low dependence, high value), independent (both low). Empty until both are set.',
    'enumeration',
    'select',
    optionsOf(SUPPLIER_POSITIONS, {
      managed: 'Managed supplier',
      partner: 'Partner supplier',
      independent: 'Independent supplier',
      desired: 'Desired supplier',
    }),
  ),
  output(
    'kam_buying_centre_gaps',
    'KAM buying-centre gaps',
    'What the organisation map of the client’s contacts lacks (decision maker, sponsor, more than one person); empty when nothing. Workflows: filter on any of these gaps.',
    'enumeration',
    'checkbox',
    optionsOf(ORGANISATION_GAPS, {
      no_contacts: 'No contacts at the company',
      no_decision_maker: 'No decision maker known',
      decision_maker_not_contacted: 'No decision maker contacted in 180 days',
      no_sponsor: 'No sponsor (champion)',
      sponsor_setting_star: 'Sponsor is a setting star',
      anti_sponsor_high_influence: 'Anti-sponsor with high influence',
      anti_sponsor_without_sponsor: 'Anti-sponsor and no sponsor',
      single_threaded: 'Single-threaded: one person mapped',
    }),
  ),
  output(
    'kam_plan_status',
    'KAM plan status',
    'The account development plan: none, current, review due (within 14 days of its next review, or a stored plan that can no longer be read) or review overdue. Filter key accounts with no plan or an overdue review.',
    'enumeration',
    'select',
    optionsOf(PLAN_STATUSES, {
      none: 'No plan',
      current: 'Plan current',
      review_due: 'Review due',
      overdue: 'Review overdue',
    }),
  ),
  output(
    'kam_plan_next_review',
    'KAM plan next review',
    'The day the account development plan is next to be reviewed. Empty without a plan.',
    'date',
    'date',
  ),
  output(
    'kam_plan_progress',
    'KAM plan progress',
    'Percent (0–100) of the plan’s measurable goals achieved or on track. Empty when no goal is measurable.',
    'number',
    'number',
  ),
] as const satisfies readonly KamPropertyDefinition[];

export const KAM_INPUT_PROPERTIES = [
  input(
    'kam_market_reputation',
    'KAM market reputation',
    'Reputational capital: is the customer an industry leader or a well-known name?',
    'enumeration',
    'select',
    optionsOf(REPUTATION_LEVELS),
  ),
  input(
    'kam_growth_potential',
    'KAM growth potential',
    'Development potential of the relationship.',
    'enumeration',
    'select',
    optionsOf(INPUT_LEVELS),
  ),
  input(
    'kam_strategic_fit',
    'KAM strategic fit',
    'How well the customer fits our goals.',
    'enumeration',
    'select',
    optionsOf(INPUT_LEVELS),
  ),
  input(
    'kam_perception_level',
    'KAM perception ladder level',
    'Where the customer places us: commodity broker → provider → value adder → business partner.',
    'enumeration',
    'select',
    optionsOf(PERCEPTION_LEVELS),
  ),
  input(
    'kam_payment_discipline',
    'KAM payment discipline',
    'Does the customer pay on time?',
    'enumeration',
    'select',
    optionsOf(PAYMENT_DISCIPLINE),
  ),
  input(
    'kam_recommends_us',
    'KAM recommends us',
    'Does the customer recommend us to others?',
    'bool',
    'booleancheckbox',
    BOOLEAN_OPTIONS,
  ),
  input(
    'kam_annual_cost_to_serve',
    'KAM annual cost to serve',
    'All yearly costs of serving the customer, relationship costs included (home currency).',
    'number',
    'number',
  ),
  input(
    'kam_loss_reason',
    'KAM loss reason',
    'Why the customer stopped or cut buying (lost-client analysis).',
    'enumeration',
    'select',
    optionsOf(LOSS_REASONS),
  ),
  input(
    'kam_client_dependence',
    'KAM client dependence',
    'How significant (how risky to lose) our supply is for the client. With KAM value delivered it sets KAM supplier position.',
    'enumeration',
    'select',
    optionsOf(POSITION_INPUT_LEVELS, { low: 'Low significance', high: 'High significance' }),
  ),
  input(
    'kam_value_delivered',
    'KAM value delivered',
    'The total value we give the client, as the client sees it. With KAM client dependence it sets KAM supplier position.',
    'enumeration',
    'select',
    optionsOf(POSITION_INPUT_LEVELS, { low: 'Low value', high: 'High value' }),
  ),
] as const satisfies readonly KamPropertyDefinition[];

/**
 * A manager's override of the tier (docs/decisions/0004-who-may-pin.md): set through the
 * `keystone_pin_tier` function, read by every rescoring. Inputs, because Keystone never computes them.
 */
export const KAM_PIN_PROPERTIES = [
  input(
    'kam_tier_pinned',
    'KAM pinned tier',
    'Tier a manager pinned; while the pin lasts, KAM tier holds it instead of the computed tier.',
    'enumeration',
    'select',
    optionsOf(TIERS),
  ),
  input(
    'kam_strategy_pinned',
    'KAM pinned strategy',
    'Strategy pinned with the tier; while the pin lasts, KAM strategy holds it.',
    'enumeration',
    'select',
    optionsOf(STRATEGIES),
  ),
  input('kam_pin_reason', 'KAM pin reason', 'Why the tier was pinned.', 'string', 'textarea'),
  input(
    'kam_pin_expires_at',
    'KAM pin expires at',
    'When the pin lapses; the next rescoring then writes the computed tier.',
    'datetime',
    'date',
  ),
  input('kam_pinned_by', 'KAM pinned by', 'Who pinned the tier (as the page reported it).', 'string', 'text'),
] as const satisfies readonly KamPropertyDefinition[];

/**
 * Contact properties of the organisation map (003: buying-centre roles, "build an organisation map
 * and a network across the client"): what HubSpot's `hs_buying_role` does not say about a person.
 * Created on contacts, in a group of the same name as the company group.
 */
export const KAM_CONTACT_PROPERTIES = [
  input(
    'kam_influence',
    'KAM influence',
    'How much this person weighs in the client’s buying decisions (organisation map).',
    'enumeration',
    'select',
    optionsOf(INFLUENCE_LEVELS, { high: 'High influence', medium: 'Medium influence', low: 'Low influence' }),
  ),
  input(
    'kam_attitude',
    'KAM attitude to us',
    'Where this person stands toward us: sponsor (champions us) to anti-sponsor (works against us).',
    'enumeration',
    'select',
    optionsOf(ATTITUDES, {
      sponsor: 'Sponsor (champions us)',
      supporter: 'Supporter',
      neutral: 'Neutral',
      critic: 'Critic',
      anti_sponsor: 'Anti-sponsor (works against us)',
    }),
  ),
  input(
    'kam_career',
    'KAM career direction',
    'Is this person’s standing at the client rising, steady or on the way out?',
    'enumeration',
    'select',
    optionsOf(CAREER_STAGES, { rising_star: 'Rising star', steady: 'Steady', setting_star: 'Setting star' }),
  ),
] as const satisfies readonly KamPropertyDefinition[];

export type KamPinPropertyName = (typeof KAM_PIN_PROPERTIES)[number]['name'];
export const KAM_PIN_PROPERTY_NAMES = KAM_PIN_PROPERTIES.map((p) => p.name) as KamPinPropertyName[];

export const KAM_PROPERTIES: readonly KamPropertyDefinition[] = [
  ...KAM_OUTPUT_PROPERTIES,
  ...KAM_INPUT_PROPERTIES,
  ...KAM_PIN_PROPERTIES,
];

export type KamOutputPropertyName = (typeof KAM_OUTPUT_PROPERTIES)[number]['name'];
export const KAM_OUTPUT_PROPERTY_NAMES = KAM_OUTPUT_PROPERTIES.map((p) => p.name) as KamOutputPropertyName[];
