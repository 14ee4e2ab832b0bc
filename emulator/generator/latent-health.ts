/**
 * A portfolio with a known cause (issue #17): every account has a latent health, seeded and
 * deterministic, that drives both its later decline and, noisily, its warning signs (purchase
 * rate and rhythm, lost deals, tickets and their priority, cancelled and missed meetings, the
 * contact gap, a blocker joining the buying centre). Because the cause is known, a benchmark can
 * print the limit an oracle that knows each account's latent state at the as-of date reaches, next
 * to what the risk score and the best single warning sign reach.
 *
 * Health h(t) is h0 until the account's turn (if it has one), then falls linearly by `slope` a
 * year. The loss since the turn drives the decline (past CHURN_DECLINE the account stops buying
 * and meeting) and, through a noisy sensitivity per account and channel, the warning signs; the
 * level h0 colours the signs a little (a weak account has more tickets) without any decline. Like the rest of emulator/, this
 * imports nothing from src/engine.
 */
import type {
  AccountHistory,
  ContactPlan,
  DealEvent,
  MeetingEvent,
  PlanContext,
  TicketEvent,
} from './history';
import type { BuyingRole, TicketPriority } from './hubspot-values';
import { DomainRegistry, companyIdentity } from './identity';
import { pickOwner } from './plans/shared';
import { createRandom, streamSeed, type Random } from './prng';
import { companyIdOf, newIdCounters, renderCompany } from './render';
import { DAY_MS, HISTORY_YEARS, HOUR_MS, MONTH_MS, YEAR_MS, floorTo, isoTime } from './time';
import type { CompanyRecord, GenerateOptions } from './types';

/** The random stream of latent-health accounts: apart from the archetype portfolio's. */
const LATENT_STREAM = 17;
/** Past this loss of health the account has left: no purchases, no meetings. */
export const CHURN_DECLINE = 2.5;
/** Past this loss of health a blocker may join the buying centre. */
const BLOCKER_DECLINE = 1;

/** An account's latent state: all an oracle needs to know its health at any time. */
export interface LatentHealth {
  companyId: string;
  /** Health before the turn (standard normal across the portfolio). */
  initial: number;
  /** When health starts to fall (epoch ms); null for an account that never turns. */
  turnAt: number | null;
  /** Health lost per year after the turn. */
  slopePerYear: number;
  /** Purchases follow the loss of health this much later (contracts run out); the signs follow it at once. */
  purchaseLagMs: number;
}

export interface LatentCompany {
  company: CompanyRecord;
  latent: LatentHealth;
}

/** The latent health at time `at`. */
export function healthAt(latent: LatentHealth, at: number): number {
  return latent.initial - declineAt(latent, at);
}

/** Health lost since the turn by time `at` (0 before it): what drives decline and the warning signs. */
export function declineAt(latent: LatentHealth, at: number): number {
  if (latent.turnAt === null || at <= latent.turnAt) return 0;
  return (latent.slopePerYear * (at - latent.turnAt)) / YEAR_MS;
}

/**
 * Purchase intensity relative to the account's own healthy rate: falls as health is lost, 0 once
 * CHURN_DECLINE is lost. A weak account that stays weak buys less, but does not decline.
 */
export function purchaseIntensity(decline: number): number {
  return decline > CHURN_DECLINE ? 0 : Math.exp(-0.9 * decline);
}

const logistic = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * The oracle's risk at `asOfMs` for a horizon of `months`: the share of the last 12 months'
 * expected purchases it expects to lose, knowing the latent state at as-of (health, and whether
 * and how fast it is falling) but not turns that start later. Higher is riskier.
 */
export function oracleRiskAt(latent: LatentHealth, asOfMs: number, months = 12): number {
  const known: LatentHealth =
    latent.turnAt !== null && latent.turnAt <= asOfMs ? latent : { ...latent, turnAt: null };
  const steps = 24;
  let before = 0;
  let after = 0;
  for (let step = 0; step < steps; step++) {
    const back = asOfMs - ((step + 0.5) / steps) * YEAR_MS;
    const ahead = asOfMs + ((step + 0.5) / steps) * months * MONTH_MS;
    before +=
      purchaseIntensity(declineAt(known, back)) * winChance(latent.initial, declineAt(known, back), 1);
    after +=
      purchaseIntensity(declineAt(known, ahead)) * winChance(latent.initial, declineAt(known, ahead), 1);
  }
  if (before <= 0) return 0;
  return 1 - after / before;
}

/** The chance an opportunity is won. */
function winChance(initial: number, decline: number, sensitivity: number): number {
  return logistic(1.5 + 0.3 * initial - 1.2 * sensitivity * decline);
}

/** Events of a Poisson process whose rate (per year) changes with time, by thinning. */
function eventsAt(
  random: Random,
  from: number,
  to: number,
  maxPerYear: number,
  rateAt: (at: number) => number,
): number[] {
  const times: number[] = [];
  if (maxPerYear <= 0 || to <= from) return times;
  const gap = YEAR_MS / maxPerYear;
  for (let at = from + random.exponential(gap); at <= to; at += random.exponential(gap)) {
    if (random.float() * maxPerYear < rateAt(at)) times.push(at);
  }
  return times;
}

function planLatentAccount(
  random: Random,
  context: PlanContext,
  latent: LatentHealth,
  createdAt: number,
): AccountHistory {
  const { now, historyStart } = context;
  const lost = (at: number) => declineAt(latent, at);
  const weakness = -latent.initial;
  // noisy sensitivities: each account shows its health through each channel to a different degree
  const ticketSensitivity = random.between(0.3, 1.2);
  const meetingSensitivity = random.between(0.3, 1.2);
  const dealSensitivity = random.between(0.5, 1.5);
  const opportunitiesPerYear = random.logNormal(8, 0.5) * context.dealDensity;
  const annualSpendUsd = random.logNormal(20_000, 1.1);
  const firstAt = Math.max(historyStart, createdAt + 15 * DAY_MS);
  const deals: DealEvent[] = [];
  const maxRate = opportunitiesPerYear;
  for (const at of eventsAt(
    random,
    firstAt,
    now + 120 * DAY_MS,
    maxRate,
    (t) => opportunitiesPerYear * purchaseIntensity(lost(t - latent.purchaseLagMs)),
  )) {
    const closeAt = floorTo(at, HOUR_MS);
    const createdDealAt = Math.max(
      createdAt,
      Math.floor((closeAt - random.between(14, 75) * DAY_MS) / 1000) * 1000,
    );
    if (createdDealAt > now || createdDealAt >= closeAt) continue;
    const outcome =
      closeAt > now
        ? 'open'
        : random.chance(winChance(latent.initial, lost(closeAt), dealSensitivity))
          ? 'won'
          : 'lost';
    deals.push({
      createdAt: createdDealAt,
      closeAt,
      outcome,
      amountUsd: (annualSpendUsd / opportunitiesPerYear) * random.logNormal(1, 0.4),
      pipeline: deals.some((deal) => deal.outcome === 'won') && random.chance(0.4) ? 'renewals' : 'default',
    });
  }
  const ticketsPerYear = random.between(0.5, 2);
  const tickets: TicketEvent[] = eventsAt(random, firstAt, now, ticketsPerYear * Math.exp(3), (t) =>
    lost(t) > CHURN_DECLINE + 0.5
      ? 0
      : ticketsPerYear * Math.exp(Math.min(3, ticketSensitivity * lost(t) + 0.3 * weakness)),
  ).map((at) => {
    const createdTicketAt = Math.floor(at / 1000) * 1000;
    const urgent = random.chance(logistic(-1.6 + ticketSensitivity * lost(at) + 0.3 * weakness));
    const priority: TicketPriority = urgent
      ? random.pick(['HIGH', 'URGENT'] as const)
      : random.pick(['LOW', 'MEDIUM'] as const);
    const resolveDays = random.logNormal(3 * Math.exp(Math.min(2, lost(at))), 1);
    const closedAt = createdTicketAt + resolveDays * DAY_MS;
    return {
      createdAt: createdTicketAt,
      closedAt: closedAt > now ? null : Math.floor(closedAt / 1000) * 1000,
      priority,
    };
  });
  const meetingsPerYear = random.between(2, 8);
  const meetings: MeetingEvent[] = eventsAt(
    random,
    Math.max(createdAt, historyStart),
    now + 45 * DAY_MS,
    meetingsPerYear,
    (t) => (lost(Math.min(t, now)) > CHURN_DECLINE ? 0 : meetingsPerYear),
  ).map((at) => {
    const day = Math.floor(at / DAY_MS);
    const startAt = day * DAY_MS + random.int(16, 33) * (HOUR_MS / 2);
    if (startAt > now) return { startAt, outcome: 'SCHEDULED' as const };
    const problem = random.chance(logistic(-2.4 + meetingSensitivity * 1.2 * lost(startAt) + 0.3 * weakness));
    return {
      startAt,
      outcome: problem
        ? random.pick(['CANCELED', 'NO_SHOW', 'RESCHEDULED'] as const)
        : ('COMPLETED' as const),
    };
  });
  const contacts: ContactPlan[] = [];
  if (random.chance(0.75)) contacts.push({ roles: ['DECISION_MAKER'] });
  if (random.chance(0.5)) contacts.push({ roles: [random.pick(['CHAMPION', 'EXECUTIVE_SPONSOR'] as const)] });
  for (let extra = random.int(0, 3); extra > 0; extra--) {
    contacts.push({
      roles: random.chance(0.5)
        ? []
        : [random.pick(['END_USER', 'INFLUENCER', 'BUDGET_HOLDER'] as BuyingRole[])],
    });
  }
  return {
    createdAt,
    annualSpendUsd,
    ownerId: pickOwner(random, false),
    icpTier: null,
    isTargetAccount: false,
    deals,
    tickets,
    meetings,
    contacts,
    kam: null,
  };
}

/** When the account has lost `amount` of health (epoch ms), or null if not by `until`. */
function lossReachedAt(latent: LatentHealth, amount: number, until: number): number | null {
  if (latent.turnAt === null || latent.slopePerYear <= 0) return null;
  const at = latent.turnAt + (amount / latent.slopePerYear) * YEAR_MS;
  return at <= until ? at : null;
}

/**
 * Yields `options.companies` accounts with latent health, in id order; the same seed and `now`
 * give the same portfolio.
 * @example for (const { company, latent } of generateLatentCompanies({ companies: 1000, seed: 1, now })) {}
 */
export function* generateLatentCompanies(options: GenerateOptions): Generator<LatentCompany> {
  const now = options.now.getTime();
  if (!Number.isSafeInteger(options.companies) || options.companies < 0)
    throw new RangeError(`companies must be a non-negative integer, got ${options.companies}`);
  if (Number.isNaN(now)) throw new RangeError('now must be a valid date');
  const context: PlanContext = {
    now,
    historyStart: now - HISTORY_YEARS * YEAR_MS,
    dealDensity: (options.dealsPerCompany ?? 10) / 10,
  };
  const domains = new DomainRegistry();
  const ids = newIdCounters();
  for (let index = 0; index < options.companies; index++) {
    const random = createRandom(streamSeed(options.seed, LATENT_STREAM, index));
    const companyId = companyIdOf(index);
    // a fifth of the accounts are under two years old
    const createdAt = Math.floor(
      now - (random.chance(0.2) ? random.between(0.4, 2) : random.between(2, 8)) * YEAR_MS,
    );
    const turns = random.chance(0.4);
    const latent: LatentHealth = {
      companyId,
      initial: random.normal(),
      turnAt: turns ? Math.floor(random.between(Math.max(createdAt, now - 3 * YEAR_MS), now)) : null,
      slopePerYear: turns ? random.between(0.8, 3.5) : 0,
      purchaseLagMs: Math.floor(random.between(3, 9) * MONTH_MS),
    };
    const identity = companyIdentity(random, domains);
    const history = planLatentAccount(random, context, latent, createdAt);
    const company = renderCompany(random, companyId, identity, history, ids, context);
    // a blocker joins the buying centre when health falls below the line (dated then, so a
    // point-in-time reconstruction does not see it earlier)
    const blockerAt = lossReachedAt(latent, BLOCKER_DECLINE, now);
    if (blockerAt !== null && random.chance(0.6)) {
      company.contacts.push({
        id: String(ids.contact++),
        properties: {
          firstname: 'Blake',
          lastname: `Blocker ${index + 1}`,
          email: `blocker${index + 1}@${identity.domain}`,
          jobtitle: 'Procurement Director',
          hs_buying_role: 'BLOCKER',
          createdate: isoTime(Math.floor(blockerAt / 1000) * 1000),
        },
      });
    }
    yield { company, latent };
  }
}
