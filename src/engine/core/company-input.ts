/**
 * A company record in HubSpot's shape turned into typed values once, before any metric runs:
 * dates become epoch milliseconds, amounts home-currency numbers, options enum members. Every
 * value that could not be read is a `DataIssue` on the company (and then treated as missing).
 */
import {
  ATTITUDES,
  CAREER_STAGES,
  HUBSPOT_BUYING_ROLES,
  INFLUENCE_LEVELS,
  HUBSPOT_MEETING_OUTCOMES,
  HUBSPOT_TICKET_PRIORITIES,
  IDEAL_CUSTOMER_PROFILE_TIERS,
  INPUT_LEVELS,
  KAISM_QUADRANTS,
  LOSS_REASONS,
  PARETO_CLASSES,
  PAYMENT_DISCIPLINE,
  PERCEPTION_LEVELS,
  POSITION_INPUT_LEVELS,
  RECOMMENDATIONS,
  REPUTATION_LEVELS,
  TIERS,
  type Attitude,
  type AxisLevel,
  type CareerStage,
  type HubspotBuyingRole,
  type HubspotMeetingOutcome,
  type HubspotTicketPriority,
  type IdealCustomerProfileTier,
  type InfluenceLevel,
  type InputLevel,
  type KaismQuadrant,
  type LossReason,
  type ParetoClass,
  type PaymentDiscipline,
  type PerceptionLevel,
  type PositionInputLevel,
  type RecommendationId,
  type ReputationLevel,
  type RecordType,
  type Strategy,
  type Tier,
} from './enums';
import type { CurrentPlan } from './account-plan';
import type { CompanyRecord, CrmRecord } from './snapshot';
import { pinInForce, recordedPinOf } from './tier-pin';
import {
  isIsoString,
  readBoolean,
  readDate,
  readNonNegativeNumber,
  readOption,
  readOptions,
  readPastDate,
  readText,
  type DataIssue,
  type ValueSource,
} from './values';

export type DealInput = {
  id: string;
  /** Home-currency amount; null when missing, unreadable or in a foreign currency without conversion. */
  amount: number | null;
  /** Close date (epoch ms); null when missing, unreadable, or in the future for a closed deal. */
  closedAt: number | null;
  /**
   * The close date as HubSpot sent it when that text is already `closedAt` in ISO form (as
   * `toISOString` writes it), else null: metrics then keep HubSpot's string instead of a new one.
   */
  closedAtIso: string | null;
  isWon: boolean;
  isClosed: boolean;
};

export type TicketInput = {
  id: string;
  priority: HubspotTicketPriority | null;
  createdAt: number | null;
  isOpen: boolean;
};

export type MeetingInput = { id: string; startAt: number | null; outcome: HubspotMeetingOutcome | null };

export type ContactInput = {
  id: string;
  roles: HubspotBuyingRole[];
  /** Organisation map (003): the manager's judgements, null where not filled in or unreadable. */
  influence: InfluenceLevel | null;
  attitude: Attitude | null;
  career: CareerStage | null;
  /** The contact's own last contact (`notes_last_contacted`, epoch ms); null when never. */
  lastContactedAt: number | null;
};

/** Company-level values (its own properties), kept for scoring after the associations are summarised. */
export type CompanyFacts = {
  id: string;
  name: string | null;
  lastContactedAt: number | null;
  numDecisionMakers: number | null;
  isTargetAccount: boolean | null;
  idealCustomerProfile: IdealCustomerProfileTier | null;
  marketReputation: ReputationLevel | null;
  growthPotential: InputLevel | null;
  strategicFit: InputLevel | null;
  perceptionLevel: PerceptionLevel | null;
  paymentDiscipline: PaymentDiscipline | null;
  recommendsUs: boolean | null;
  annualCostToServe: number | null;
  lossReason: LossReason | null;
  /** methodology §6: how significant our supply is to the client (`kam_client_dependence`). */
  clientDependence: PositionInputLevel | null;
  /** methodology §6: the total value we give the client (`kam_value_delivered`). */
  valueDelivered: PositionInputLevel | null;
  previousTier: Tier | null;
  /**
   * The levels the last scoring stored (axis levels in `kam_explanation`, the quadrant in
   * `kam_quadrant`): each holds within its dead band (level-dead-band.ts).
   */
  previousLevels: {
    /**
     * The tier the company last passed by thresholds (`thresholdTier` in the explanation): the
     * threshold's hysteresis starts from it, so a company kept below the line by the places is not
     * also held below the threshold by the margin.
     */
    thresholdTier: Tier | null;
    /** The Pareto class the last whole run gave it (`kam_pareto_class`): it holds within a dead band. */
    paretoClass: ParetoClass | null;
    attractiveness: AxisLevel | null;
    strength: AxisLevel | null;
    quadrant: KaismQuadrant | null;
    /** The actions in the stored explanation: a weak factor's action holds within its dead band. */
    recommendations: readonly RecommendationId[] | null;
  };
  /** The tier a manager pinned, in force at `now` (it takes a place of that tier); null when none. */
  pinnedTier: Tier | null;
  /** The strategy pinned with that tier, if one was; null when none or no pin is in force. */
  pinnedStrategy: Strategy | null;
  /** The company's current account development plan (methodology §10); null without one. */
  plan: CurrentPlan | null;
  /** Every value of the company and its associations that could not be read. */
  dataIssues: DataIssue[];
};

export type CompanyInput = {
  facts: CompanyFacts;
  /** Deals in the pipelines the model counts; the others are not part of this company's picture. */
  deals: DealInput[];
  tickets: TicketInput[];
  meetings: MeetingInput[];
  contacts: ContactInput[];
};

export type ReadOptions = { nowMs: number; homeCurrency: string; pipelines: readonly string[] };

/** Reads one company and its associated records into typed values, collecting every unreadable value. */
export function readCompanyInput(record: CompanyRecord, options: ReadOptions): CompanyInput {
  const issues: DataIssue[] = [];
  const p = record.properties;
  const source: ValueSource = { issues, recordType: 'company', recordId: record.id };
  const countedPipelines = options.pipelines.length === 0 ? null : options.pipelines;
  const deals: DealInput[] = [];
  for (const deal of record.deals) {
    if (countedPipelines !== null && !countedPipelines.includes(deal.properties.pipeline?.trim() ?? ''))
      continue;
    deals.push(readDeal(deal, options, source));
  }
  sourceFor(source, 'company', record.id);
  const recordedPin = recordedPinOf(p);
  const pin = pinInForce(recordedPin, options.nowMs);
  const facts: CompanyFacts = {
    id: record.id,
    name: readText(p.name),
    lastContactedAt: readPastDate(p.notes_last_contacted, options.nowMs, source, 'notes_last_contacted'),
    numDecisionMakers: readNonNegativeNumber(p.hs_num_decision_makers, source, 'hs_num_decision_makers'),
    isTargetAccount: readBoolean(p.hs_is_target_account, source, 'hs_is_target_account'),
    idealCustomerProfile: readOption(
      p.hs_ideal_customer_profile,
      IDEAL_CUSTOMER_PROFILE_TIERS,
      source,
      'hs_ideal_customer_profile',
    ),
    marketReputation: readOption(p.kam_market_reputation, REPUTATION_LEVELS, source, 'kam_market_reputation'),
    growthPotential: readOption(p.kam_growth_potential, INPUT_LEVELS, source, 'kam_growth_potential'),
    strategicFit: readOption(p.kam_strategic_fit, INPUT_LEVELS, source, 'kam_strategic_fit'),
    perceptionLevel: readOption(p.kam_perception_level, PERCEPTION_LEVELS, source, 'kam_perception_level'),
    paymentDiscipline: readOption(
      p.kam_payment_discipline,
      PAYMENT_DISCIPLINE,
      source,
      'kam_payment_discipline',
    ),
    recommendsUs: readBoolean(p.kam_recommends_us, source, 'kam_recommends_us'),
    annualCostToServe: readNonNegativeNumber(p.kam_annual_cost_to_serve, source, 'kam_annual_cost_to_serve'),
    lossReason: readOption(p.kam_loss_reason, LOSS_REASONS, source, 'kam_loss_reason'),
    clientDependence: readOption(
      p.kam_client_dependence,
      POSITION_INPUT_LEVELS,
      source,
      'kam_client_dependence',
    ),
    valueDelivered: readOption(p.kam_value_delivered, POSITION_INPUT_LEVELS, source, 'kam_value_delivered'),
    previousTier:
      (recordedPin ? computedTierOf(p.kam_tier_computed) : null) ??
      readOption(p.kam_tier, TIERS, source, 'kam_tier'),
    previousLevels: {
      thresholdTier: storedThresholdTier(p.kam_explanation),
      paretoClass: readOption(p.kam_pareto_class, PARETO_CLASSES, source, 'kam_pareto_class'),
      attractiveness: storedAxisLevel(p.kam_explanation, 'attractivenessLevel'),
      strength: storedAxisLevel(p.kam_explanation, 'strengthLevel'),
      quadrant: readOption(p.kam_quadrant, KAISM_QUADRANTS, source, 'kam_quadrant'),
      recommendations: storedRecommendations(p.kam_explanation),
    },
    pinnedTier: pin?.tier ?? null,
    pinnedStrategy: pin?.strategy ?? null,
    plan: planOf(record, issues),
    dataIssues: issues,
  };
  return {
    facts,
    deals,
    tickets: record.tickets.map((ticket) => readTicket(ticket, options.nowMs, source)),
    meetings: record.meetings.map((meeting) => readMeeting(meeting, source)),
    contacts: record.contacts.map((contact) => readContact(contact, source, options.nowMs)),
  };
}

/**
 * The tier the model itself computed last time. Once a pin has been recorded, `kam_tier` may hold
 * the pinned tier (still in force, or lapsed but not yet rescored); hysteresis must start from the
 * computed tier, or a pin would outlive its expiry through the hysteresis band.
 */
function computedTierOf(raw: string | null | undefined): Tier | null {
  return raw && (TIERS as readonly string[]).includes(raw) ? (raw as Tier) : null;
}

// an action in our explanation document is the only item whose id is followed by its priority
const STORED_RECOMMENDATION = /"id":"([a-z_]+)","priority":/g;
const KNOWN_RECOMMENDATIONS = new Set<string>(RECOMMENDATIONS);

/** The action ids of our stored explanation document, found without parsing the whole of it. */
function storedRecommendations(explanation: string | null | undefined): RecommendationId[] | null {
  if (!explanation) return null;
  const ids: RecommendationId[] = [];
  for (const match of explanation.matchAll(STORED_RECOMMENDATION)) {
    if (KNOWN_RECOMMENDATIONS.has(match[1]!)) ids.push(match[1] as RecommendationId);
  }
  return ids;
}

const STORED_LEVEL = {
  attractivenessLevel: /"attractivenessLevel":"(weak|medium|strong)"/,
  strengthLevel: /"strengthLevel":"(weak|medium|strong)"/,
} as const;

/**
 * The company's plan as its record carries it. A stored plan that fails the schema is kept (the
 * assessment names its fields) and counted as one data issue: a value that could not be used.
 */
function planOf(record: CompanyRecord, issues: DataIssue[]): CurrentPlan | null {
  const plan = record.plan ?? null;
  if (plan !== null && !plan.ok) {
    issues.push({
      recordType: 'company',
      recordId: record.id,
      field: 'kam_account_plan',
      rawValue: `${plan.version.version}: ${plan.version.issues.map((issue) => issue.path).join(', ')}`,
      kind: 'unknown_value',
    });
  }
  return plan;
}

/** An axis level from our stored explanation document, found without parsing the whole of it. */
function storedAxisLevel(
  explanation: string | null | undefined,
  field: keyof typeof STORED_LEVEL,
): AxisLevel | null {
  if (!explanation) return null;
  return (STORED_LEVEL[field].exec(explanation)?.[1] as AxisLevel | undefined) ?? null;
}

const STORED_THRESHOLD_TIER = /"thresholdTier":"(key|important|regular)"/;

function storedThresholdTier(explanation: string | null | undefined): Tier | null {
  if (!explanation) return null;
  return (STORED_THRESHOLD_TIER.exec(explanation)?.[1] as Tier | undefined) ?? null;
}

/** Points the company's one value source at an associated record (saves an object per record). */
function sourceFor(source: ValueSource, recordType: RecordType, recordId: string): ValueSource {
  source.recordType = recordType;
  source.recordId = recordId;
  return source;
}

function readDeal(record: CrmRecord, options: ReadOptions, companySource: ValueSource): DealInput {
  const p = record.properties;
  const source = sourceFor(companySource, 'deal', record.id);
  // HubSpot computes hs_is_closed_won/hs_is_closed; the default pipeline's stage ids are the fallback
  const isWon =
    readBoolean(p.hs_is_closed_won, source, 'hs_is_closed_won') ?? stageOf(record) === 'closedwon';
  const isClosed =
    isWon || (readBoolean(p.hs_is_closed, source, 'hs_is_closed') ?? stageOf(record) === 'closedlost');
  let closedAt: number | null = null;
  if (isClosed) {
    closedAt = readPastDate(p.closedate, options.nowMs, source, 'closedate');
    if (closedAt === null && isWon && (p.closedate ?? '').trim() === '') {
      source.issues.push({
        recordType: 'deal',
        recordId: record.id,
        field: 'closedate',
        rawValue: '',
        kind: 'missing_value',
      });
    }
  } else {
    // an open deal's close date is its expected one: the future is normal there
    closedAt = readDate(p.closedate, source, 'closedate');
  }
  return {
    id: record.id,
    amount: readHomeAmount(record, options.homeCurrency, source),
    closedAt,
    closedAtIso: closedAt !== null && isIsoString(p.closedate) ? p.closedate : null,
    isWon,
    isClosed,
  };
}

/** The deal stage in lower case; read only when HubSpot's closed flags are missing. */
function stageOf(record: CrmRecord): string {
  return record.properties.dealstage?.trim().toLowerCase() ?? '';
}

/** `amount_in_home_currency` first; `amount` only when the deal is in the home currency (or names none). */
function readHomeAmount(record: CrmRecord, homeCurrency: string, source: ValueSource): number | null {
  const p = record.properties;
  const inHomeCurrency = readNonNegativeNumber(p.amount_in_home_currency, source, 'amount_in_home_currency');
  if (inHomeCurrency !== null) return inHomeCurrency;
  const amount = readNonNegativeNumber(p.amount, source, 'amount');
  if (amount === null) return null;
  const currency = p.deal_currency_code?.trim().toUpperCase() ?? '';
  // single-currency portals leave deal_currency_code empty: the amount is then in the home currency
  if (currency === '' || currency === homeCurrency) return amount;
  source.issues.push({
    recordType: 'deal',
    recordId: record.id,
    field: 'amount',
    rawValue: `${p.amount ?? ''} ${currency}`,
    kind: 'unconverted_currency',
  });
  return null;
}

function readTicket(record: CrmRecord, nowMs: number, companySource: ValueSource): TicketInput {
  const p = record.properties;
  const source = sourceFor(companySource, 'ticket', record.id);
  const closedAt = readDate(p.closed_date, source, 'closed_date');
  return {
    id: record.id,
    priority: readOption(p.hs_ticket_priority, HUBSPOT_TICKET_PRIORITIES, source, 'hs_ticket_priority'),
    createdAt: readPastDate(p.createdate, nowMs, source, 'createdate'),
    isOpen: closedAt === null || closedAt > nowMs,
  };
}

function readMeeting(record: CrmRecord, companySource: ValueSource): MeetingInput {
  const p = record.properties;
  const source = sourceFor(companySource, 'meeting', record.id);
  return {
    id: record.id,
    // a meeting may be planned for later: future start times are normal
    startAt: readDate(p.hs_meeting_start_time, source, 'hs_meeting_start_time'),
    outcome: readOption(p.hs_meeting_outcome, HUBSPOT_MEETING_OUTCOMES, source, 'hs_meeting_outcome'),
  };
}

function readContact(record: CrmRecord, companySource: ValueSource, nowMs: number): ContactInput {
  const source = sourceFor(companySource, 'contact', record.id);
  const p = record.properties;
  return {
    id: record.id,
    roles: readOptions(p.hs_buying_role, HUBSPOT_BUYING_ROLES, source, 'hs_buying_role'),
    influence: readOption(p.kam_influence, INFLUENCE_LEVELS, source, 'kam_influence'),
    attitude: readOption(p.kam_attitude, ATTITUDES, source, 'kam_attitude'),
    career: readOption(p.kam_career, CAREER_STAGES, source, 'kam_career'),
    lastContactedAt: readPastDate(p.notes_last_contacted, nowMs, source, 'notes_last_contacted'),
  };
}
