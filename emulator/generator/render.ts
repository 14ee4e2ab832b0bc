/**
 * Writes an account's history as HubSpot records: every value a string or null, datetimes in ISO
 * 8601, numbers as plain decimals, enumerations by internal value, money in the deal currency
 * with its USD equivalent in `amount_in_home_currency`.
 */
import type {
  AccountHistory,
  ContactPlan,
  DealEvent,
  MeetingEvent,
  PlanContext,
  TicketEvent,
} from './history';
import { CURRENCIES, DEAL_PIPELINES, TICKET_PIPELINE, type Currency } from './hubspot-values';
import type { CompanyIdentity } from './identity';
import {
  FIRST_NAMES,
  GENERIC_JOB_TITLES,
  JOB_TITLES,
  LAST_NAMES,
  MEETING_TITLES,
  PRODUCTS,
  TICKET_SUBJECTS,
} from './names';
import type { Random } from './prng';
import { formatBoolean, formatNumber, roundPrice, roundSignificant } from './format';
import { DAY_MS, HOUR_MS, isoTime, isoYear } from './time';
import type { CompanyRecord, CrmRecord, Properties } from './types';

/** Ids are numeric strings like HubSpot's, unique per object type, each type in its own range. */
export const ID_BASES = {
  company: 1_000_000_000,
  deal: 2_000_000_000,
  ticket: 3_000_000_000,
  meeting: 4_000_000_000,
  contact: 5_000_000_000,
} as const;

/** The next free id of each associated object type; advanced as records are written. */
export interface IdCounters {
  deal: number;
  ticket: number;
  meeting: number;
  contact: number;
}

export function newIdCounters(): IdCounters {
  return {
    deal: ID_BASES.deal + 1,
    ticket: ID_BASES.ticket + 1,
    meeting: ID_BASES.meeting + 1,
    contact: ID_BASES.contact + 1,
  };
}

export function companyIdOf(index: number): string {
  return String(ID_BASES.company + index + 1);
}

export function renderCompany(
  random: Random,
  companyId: string,
  identity: CompanyIdentity,
  history: AccountHistory,
  ids: IdCounters,
  context: PlanContext,
): CompanyRecord {
  const emails = new Set<string>();
  const dealScope: DealScope = { identity, history, ids, context };
  let lastContactedAt = -Infinity;
  for (const meeting of history.meetings) {
    if (meeting.outcome === 'COMPLETED' && meeting.startAt <= context.now)
      lastContactedAt = Math.max(lastContactedAt, meeting.startAt);
  }
  const contacts = history.contacts.map((contact) =>
    renderContact(random, contact, { identity, history, ids, context, emails, lastContactedAt }),
  );
  const decisionMakers = history.contacts.filter((contact) =>
    contact.roles.includes('DECISION_MAKER'),
  ).length;
  const annualRevenue = roundSignificant(history.annualSpendUsd * random.between(40, 400));
  const employees = Math.max(
    2,
    Math.round(roundSignificant(annualRevenue / random.between(120_000, 350_000), 2)),
  );
  const kam = history.kam;
  const properties: Properties = {
    name: identity.name,
    domain: identity.domain,
    industry: identity.industry,
    annualrevenue: formatNumber(annualRevenue),
    numberofemployees: formatNumber(employees),
    createdate: isoTime(history.createdAt),
    notes_last_contacted: Number.isFinite(lastContactedAt) ? isoTime(lastContactedAt) : null,
    hs_num_decision_makers: String(decisionMakers),
    hs_is_target_account: formatBoolean(history.isTargetAccount),
    hs_ideal_customer_profile: history.icpTier,
    hubspot_owner_id: history.ownerId,
    hs_lastmodifieddate: isoTime(
      Math.max(history.createdAt, context.now - Math.floor(random.between(0, 30) * DAY_MS)),
    ),
    kam_market_reputation: kam?.marketReputation ?? null,
    kam_growth_potential: kam?.growthPotential ?? null,
    kam_strategic_fit: kam?.strategicFit ?? null,
    kam_perception_level: kam?.perceptionLevel ?? null,
    kam_payment_discipline: kam?.paymentDiscipline ?? null,
    kam_recommends_us: kam?.recommendsUs === undefined ? null : formatBoolean(kam.recommendsUs),
    kam_annual_cost_to_serve:
      kam?.annualCostToServeUsd === undefined
        ? null
        : formatNumber(roundSignificant(kam.annualCostToServeUsd)),
    kam_loss_reason: kam?.lossReason ?? null,
    // §6 positioning: a fresh portal where no manager has placed the company yet
    kam_client_dependence: null,
    kam_value_delivered: null,
    // the app's own outputs: never written yet in a fresh portal
    kam_tier: null,
    kam_tier_changed_at: null,
    kam_tier_pinned: null,
    kam_pin_expires_at: null,
    kam_quadrant: null,
    kam_pareto_class: null,
    kam_explanation: null,
  };
  return {
    id: companyId,
    properties,
    deals: history.deals.map((deal) => renderDeal(random, deal, dealScope)),
    tickets: history.tickets.map((ticket) => renderTicket(random, ticket, ids)),
    meetings: history.meetings.map((meeting) => renderMeeting(random, meeting, ids)),
    contacts,
  };
}

function dealCurrency(random: Random, identity: CompanyIdentity): Currency {
  // most deals are in the customer's currency; a few were quoted in another one
  return random.chance(0.95) ? identity.currency : random.pick(CURRENCIES);
}

interface DealScope {
  identity: CompanyIdentity;
  history: AccountHistory;
  ids: IdCounters;
  context: PlanContext;
}

function renderDeal(random: Random, deal: DealEvent, scope: DealScope): CrmRecord {
  const currency = dealCurrency(random, scope.identity);
  const amount = roundPrice(deal.amountUsd / currency.usdPerUnit);
  const stages = DEAL_PIPELINES[deal.pipeline];
  const closedate = isoTime(deal.closeAt);
  const year = isoYear(deal.closeAt);
  const label = deal.pipeline === 'renewals' ? `Renewal ${year}` : `${random.pick(PRODUCTS)} ${year}`;
  const discount = deal.discountPercent === undefined ? '' : ` (${deal.discountPercent}% discount)`;
  const dealname = `${scope.identity.shortName} – ${label}${discount}`;
  return {
    id: String(scope.ids.deal++),
    properties: {
      dealname,
      amount: formatNumber(amount),
      amount_in_home_currency: formatNumber(amount * currency.usdPerUnit),
      deal_currency_code: currency.code,
      closedate,
      createdate: isoTime(deal.createdAt),
      hs_is_closed_won: formatBoolean(deal.outcome === 'won'),
      hs_is_closed: formatBoolean(deal.outcome !== 'open'),
      pipeline: deal.pipeline,
      dealstage:
        deal.outcome === 'won'
          ? stages.won
          : deal.outcome === 'lost'
            ? stages.lost
            : openStage(stages.open, deal, scope.context),
      hubspot_owner_id: scope.history.ownerId,
    },
  };
}

/** Deals closing soon sit in later stages. */
function openStage(stages: readonly string[], deal: DealEvent, context: PlanContext): string {
  const daysLeft = (deal.closeAt - context.now) / DAY_MS;
  const progress = Math.min(0.999, Math.max(0, 1 - daysLeft / 120));
  return stages[Math.floor(progress * stages.length)] ?? stages[0] ?? 'appointmentscheduled';
}

function renderTicket(random: Random, ticket: TicketEvent, ids: IdCounters): CrmRecord {
  return {
    id: String(ids.ticket++),
    properties: {
      subject: random.pick(TICKET_SUBJECTS),
      hs_pipeline: TICKET_PIPELINE.id,
      hs_pipeline_stage:
        ticket.closedAt === null ? random.pick(TICKET_PIPELINE.open) : TICKET_PIPELINE.closed,
      hs_ticket_priority: ticket.priority,
      createdate: isoTime(ticket.createdAt),
      closed_date: ticket.closedAt === null ? null : isoTime(ticket.closedAt),
    },
  };
}

function renderMeeting(random: Random, meeting: MeetingEvent, ids: IdCounters): CrmRecord {
  const start = isoTime(meeting.startAt);
  return {
    id: String(ids.meeting++),
    properties: {
      hs_meeting_title: random.pick(MEETING_TITLES),
      hs_timestamp: start,
      hs_meeting_start_time: start,
      hs_meeting_end_time: isoTime(meeting.startAt + (random.chance(0.6) ? HOUR_MS / 2 : HOUR_MS)),
      hs_meeting_outcome: meeting.outcome,
    },
  };
}

interface ContactScope {
  identity: CompanyIdentity;
  history: AccountHistory;
  ids: IdCounters;
  context: PlanContext;
  /** Emails used at this company; domains are unique, so this keeps emails unique portal-wide as HubSpot requires. */
  emails: Set<string>;
  /** The company's last completed meeting (-Infinity: none); the buying centre took part in it. */
  lastContactedAt: number;
}

function renderContact(random: Random, contact: ContactPlan, scope: ContactScope): CrmRecord {
  const firstname = random.pick(FIRST_NAMES);
  const lastname = random.pick(LAST_NAMES);
  const local = `${firstname}.${lastname}`.toLowerCase();
  let email = `${local}@${scope.identity.domain}`;
  for (let n = 2; scope.emails.has(email); n++) email = `${local}${n}@${scope.identity.domain}`;
  scope.emails.add(email);
  const role = contact.roles[0];
  return {
    id: String(scope.ids.contact++),
    properties: {
      firstname,
      lastname,
      email,
      jobtitle: random.chance(0.9)
        ? random.pick(role === undefined ? GENERIC_JOB_TITLES : JOB_TITLES[role])
        : null,
      hs_buying_role: contact.roles.length === 0 ? null : contact.roles.join(';'),
      createdate: isoTime(
        Math.floor(random.between(scope.history.createdAt, scope.context.now) / 1000) * 1000,
      ),
      notes_last_contacted:
        contact.roles.length > 0 && Number.isFinite(scope.lastContactedAt)
          ? isoTime(scope.lastContactedAt)
          : null,
      // the organisation map's judgements: a fresh portal where no manager has filled them in yet
      kam_influence: null,
      kam_attitude: null,
      kam_career: null,
    },
  };
}
