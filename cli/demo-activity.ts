/**
 * The demo's "next day": real CRM writes through the API client, the kind a sales team
 * makes — big wins for the strongest non-key accounts, a ticket burst, cancelled meetings and a
 * blocker for the weakest key accounts — so the next sync has tier changes to show.
 */
import type { CrmGateway } from '../src/engine/hubspot';
import type { ScoredCompany } from '../src/engine/sync';

// HubSpot's default association type ids (v3 create with associations)
const DEAL_TO_COMPANY = 341;
const TICKET_TO_COMPANY = 339;
const MEETING_TO_COMPANY = 188;
const CONTACT_TO_COMPANY = 279;

export async function simulateActivity(
  gateway: CrmGateway,
  scored: readonly ScoredCompany[],
  at: Date,
  homeCurrency: string,
): Promise<{ description: string; risers: string[]; fallers: string[] }> {
  const byScore = [...scored].sort((a, b) => b.score - a.score);
  const risers = byScore.filter((c) => c.tier !== 'key').slice(0, 3);
  const fallers = byScore.filter((c) => c.tier === 'key').slice(-3);
  const day = at.toISOString();
  // reduce, not Math.max(...): a large demo portfolio has more key accounts than a call takes arguments
  const topKeyRevenue = scored
    .filter((c) => c.tier === 'key')
    .reduce((top, c) => Math.max(top, Number(c.desired.kam_won_revenue_12m ?? 0)), 100_000);

  await gateway.batchCreate(
    'deals',
    risers.map((company) => ({
      properties: {
        dealname: `${company.name} — multi-year framework agreement`,
        amount: String(Math.round(topKeyRevenue * 1.5)),
        deal_currency_code: homeCurrency,
        pipeline: 'default',
        dealstage: 'closedwon',
        closedate: day,
      },
      associations: [{ toId: company.id, typeId: DEAL_TO_COMPANY }],
    })),
  );
  await gateway.batchCreate(
    'tickets',
    fallers.flatMap((company) =>
      Array.from({ length: 6 }, (_, index) => ({
        properties: {
          subject: `${company.name}: repeated delivery failure #${index + 1}`,
          hs_ticket_priority: index % 2 === 0 ? 'URGENT' : 'HIGH',
          hs_pipeline: '0',
          hs_pipeline_stage: '1',
        },
        associations: [{ toId: company.id, typeId: TICKET_TO_COMPANY }],
      })),
    ),
  );
  await gateway.batchCreate(
    'meetings',
    fallers.flatMap((company) =>
      ['CANCELED', 'NO_SHOW', 'CANCELED'].map((outcome, index) => ({
        properties: {
          hs_meeting_title: `Quarterly review with ${company.name} (${outcome.toLowerCase()})`,
          hs_meeting_start_time: new Date(at.getTime() - (index + 1) * 7 * 86_400_000).toISOString(),
          hs_timestamp: new Date(at.getTime() - (index + 1) * 7 * 86_400_000).toISOString(),
          hs_meeting_outcome: outcome,
        },
        associations: [{ toId: company.id, typeId: MEETING_TO_COMPANY }],
      })),
    ),
  );
  await gateway.batchCreate(
    'contacts',
    fallers.map((company) => ({
      properties: {
        firstname: 'New',
        lastname: 'Procurement Head',
        jobtitle: 'Head of Procurement',
        hs_buying_role: 'BLOCKER',
      },
      associations: [{ toId: company.id, typeId: CONTACT_TO_COMPANY }],
    })),
  );
  const description =
    `won framework deals at ${risers.map((c) => c.name).join(', ') || '—'}; ` +
    `ticket bursts, cancelled meetings and a new blocker at ${fallers.map((c) => c.name).join(', ') || '—'}`;
  return { description, risers: risers.map((c) => c.id), fallers: fallers.map((c) => c.id) };
}
