/**
 * What happened with one account, before it is written as HubSpot records: times in epoch ms,
 * money in USD. Plans (plans/) produce it; render.ts turns it into CRM records.
 */
import type {
  BuyingRole,
  DealPipelineId,
  IcpTier,
  InputLevel,
  LossReason,
  MeetingOutcome,
  OwnerId,
  PaymentDiscipline,
  PerceptionLevel,
  ReputationLevel,
  TicketPriority,
} from './hubspot-values';

export type DealOutcome = 'won' | 'lost' | 'open';

export interface DealEvent {
  createdAt: number;
  closeAt: number;
  outcome: DealOutcome;
  amountUsd: number;
  pipeline: DealPipelineId;
  /** Won below list price (the price-only buyer's wins). */
  discountPercent?: number;
}

export interface TicketEvent {
  createdAt: number;
  /** Null while the ticket is open. */
  closedAt: number | null;
  priority: TicketPriority;
}

export interface MeetingEvent {
  startAt: number;
  outcome: MeetingOutcome;
}

export interface ContactPlan {
  roles: BuyingRole[];
}

/** The KAM's own inputs on the company (methodology §1, §7, §9 and 002); absent ones stay null. */
export interface KamInputs {
  marketReputation?: ReputationLevel;
  growthPotential?: InputLevel;
  strategicFit?: InputLevel;
  perceptionLevel?: PerceptionLevel;
  paymentDiscipline?: PaymentDiscipline;
  recommendsUs?: boolean;
  annualCostToServeUsd?: number;
  lossReason?: LossReason;
}

export interface AccountHistory {
  createdAt: number;
  /** Typical yearly spend with us, for firmographics (company revenue and head count follow from it). */
  annualSpendUsd: number;
  ownerId: OwnerId;
  icpTier: IcpTier | null;
  isTargetAccount: boolean;
  deals: DealEvent[];
  tickets: TicketEvent[];
  meetings: MeetingEvent[];
  contacts: ContactPlan[];
  kam: KamInputs | null;
}

/** What every plan gets: the generation time and how many deals to aim for. */
export interface PlanContext {
  now: number;
  /** Start of the deal history: `now` minus four years. */
  historyStart: number;
  /** dealsPerCompany / 10: scales purchase frequencies (each plan keeps the minimum its signals need). */
  dealDensity: number;
}
