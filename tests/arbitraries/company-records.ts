/**
 * Arbitraries for HubSpot-shaped company records and portfolios. `garbage: true` mixes
 * unreadable values into every property (the "arbitrary input" properties); `garbage: false`
 * keeps them plausible (properties that compare two scorings of sensible data).
 */
import fc from 'fast-check';
import {
  HUBSPOT_BUYING_ROLES,
  HUBSPOT_MEETING_OUTCOMES,
  HUBSPOT_TICKET_PRIORITIES,
  IDEAL_CUSTOMER_PROFILE_TIERS,
  INPUT_LEVELS,
  LOSS_REASONS,
  PAYMENT_DISCIPLINE,
  PERCEPTION_LEVELS,
  REPUTATION_LEVELS,
  TIERS,
} from '../../src/engine/core/enums';
import type { CompanyRecord, CrmRecord } from '../../src/engine/core/snapshot';
import { amountTextArb, booleanTextArb, dateTextArb, optionTextArb, valueArb } from './crm-values';

export type RecordOptions = { garbage: boolean };

const idArb = (prefix: string) => fc.integer({ min: 1, max: 1_000_000 }).map((n) => `${prefix}-${n}`);

/** A deal: won, lost or open, closed up to five years ago (or, rarely, in the future). */
export function dealRecordArb({ garbage }: RecordOptions): fc.Arbitrary<CrmRecord> {
  return fc.record({
    id: idArb('deal'),
    properties: fc.record(
      {
        amount: valueArb(amountTextArb, garbage),
        amount_in_home_currency: fc.option(valueArb(amountTextArb, garbage), { nil: null }),
        deal_currency_code: fc.option(fc.constantFrom('EUR', 'USD'), { nil: null }),
        closedate: valueArb(dateTextArb(garbage ? -30 : 0, 5 * 365), garbage),
        hs_is_closed_won: valueArb(booleanTextArb, garbage),
        hs_is_closed: valueArb(booleanTextArb, garbage),
        pipeline: fc.constantFrom('default', 'renewals'),
        dealstage: fc.constantFrom('closedwon', 'closedlost', 'appointmentscheduled'),
      },
      { requiredKeys: ['amount', 'closedate', 'hs_is_closed_won'] },
    ),
  });
}

export function ticketRecordArb({ garbage }: RecordOptions): fc.Arbitrary<CrmRecord> {
  return fc.record({
    id: idArb('ticket'),
    properties: fc.record({
      hs_ticket_priority: valueArb(optionTextArb(HUBSPOT_TICKET_PRIORITIES), garbage),
      createdate: valueArb(dateTextArb(0, 400), garbage),
      closed_date: fc.option(valueArb(dateTextArb(0, 300), garbage), { nil: null }),
    }),
  });
}

export function meetingRecordArb({ garbage }: RecordOptions): fc.Arbitrary<CrmRecord> {
  return fc.record({
    id: idArb('meeting'),
    properties: fc.record({
      hs_meeting_start_time: valueArb(dateTextArb(-30, 400), garbage),
      hs_meeting_outcome: valueArb(optionTextArb(HUBSPOT_MEETING_OUTCOMES), garbage),
    }),
  });
}

export function contactRecordArb({ garbage }: RecordOptions): fc.Arbitrary<CrmRecord> {
  const rolesArb = fc.subarray([...HUBSPOT_BUYING_ROLES], { maxLength: 3 }).map((roles) => roles.join(';'));
  return fc.record({
    id: idArb('contact'),
    properties: fc.record({ hs_buying_role: valueArb(rolesArb, garbage) }),
  });
}

/** Company-level properties: HubSpot's own and the KAM inputs, each possibly missing. */
export function companyPropertiesArb({
  garbage,
}: RecordOptions): fc.Arbitrary<Record<string, string | null>> {
  return fc.record(
    {
      name: fc.string({ minLength: 1, maxLength: 20 }),
      notes_last_contacted: valueArb(dateTextArb(garbage ? -10 : 0, 400), garbage),
      hs_num_decision_makers: valueArb(fc.integer({ min: 0, max: 5 }).map(String), garbage),
      hs_is_target_account: valueArb(booleanTextArb, garbage),
      hs_ideal_customer_profile: valueArb(optionTextArb(IDEAL_CUSTOMER_PROFILE_TIERS), garbage),
      kam_market_reputation: valueArb(optionTextArb(REPUTATION_LEVELS), garbage),
      kam_growth_potential: valueArb(optionTextArb(INPUT_LEVELS), garbage),
      kam_strategic_fit: valueArb(optionTextArb(INPUT_LEVELS), garbage),
      kam_perception_level: valueArb(optionTextArb(PERCEPTION_LEVELS), garbage),
      kam_payment_discipline: valueArb(optionTextArb(PAYMENT_DISCIPLINE), garbage),
      kam_recommends_us: valueArb(booleanTextArb, garbage),
      kam_annual_cost_to_serve: valueArb(amountTextArb, garbage),
      kam_loss_reason: fc.option(valueArb(optionTextArb(LOSS_REASONS), garbage), { nil: null, freq: 2 }),
      kam_tier: valueArb(optionTextArb(TIERS), garbage),
    },
    { requiredKeys: ['name'] },
  );
}

export type CompanyArbOptions = RecordOptions & { maxDeals?: number; maxOthers?: number };

/** A company with its associated deals, tickets, meetings and contacts. */
export function companyRecordArb(options: CompanyArbOptions): fc.Arbitrary<CompanyRecord> {
  const maxDeals = options.maxDeals ?? 8;
  const maxOthers = options.maxOthers ?? 5;
  return fc.record({
    id: idArb('company'),
    properties: companyPropertiesArb(options),
    deals: fc.array(dealRecordArb(options), { maxLength: maxDeals }),
    tickets: fc.array(ticketRecordArb(options), { maxLength: maxOthers }),
    meetings: fc.array(meetingRecordArb(options), { maxLength: maxOthers }),
    contacts: fc.array(contactRecordArb(options), { maxLength: maxOthers }),
  });
}

/** A portfolio of companies with distinct ids. */
export function portfolioArb(
  options: CompanyArbOptions & { maxCompanies?: number },
): fc.Arbitrary<CompanyRecord[]> {
  return fc.uniqueArray(companyRecordArb(options), {
    minLength: 1,
    maxLength: options.maxCompanies ?? 8,
    selector: (company) => company.id,
  });
}
