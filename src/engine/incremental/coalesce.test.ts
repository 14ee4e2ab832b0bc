import { planRescoring } from './coalesce';
import { KAM_OUTPUT_PROPERTY_NAMES } from '../hubspot/kam-properties';
import {
  companyAssociation,
  companyChange,
  createWebhookEvent,
  dealChange,
  TEST_APP_ID,
  ticketCreated,
} from './test-utils/fixtures';
import { parseWebhookBody, type IncrementalEvent } from './webhook-events';

function events(raw: unknown[]): IncrementalEvent[] {
  const parsed = parseWebhookBody(JSON.stringify(raw));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe('planRescoring', () => {
  test('names each company once however many events touch it', () => {
    const plan = planRescoring(
      events([
        companyChange(1, 'annualrevenue'),
        companyChange(1, 'industry'),
        companyAssociation(1, 'DEAL', 9),
        companyChange(2),
      ]),
    );
    expect(plan.companyIds).toEqual(['1', '2']);
    expect(plan.relatedObjects).toEqual([]);
  });

  test('sends deal, ticket and contact events to association resolution, deduplicated', () => {
    const plan = planRescoring(
      events([
        dealChange(9, 'amount'),
        dealChange(9, 'closedate'),
        ticketCreated(4),
        createWebhookEvent({
          subscriptionType: 'contact.propertyChange',
          objectId: 6,
          propertyName: 'hs_buying_role',
        }),
      ]),
    );
    expect(plan.companyIds).toEqual([]);
    expect(plan.relatedObjects).toEqual([
      { objectType: 'deal', objectId: '9' },
      { objectType: 'ticket', objectId: '4' },
      { objectType: 'contact', objectId: '6' },
    ]);
  });

  test('takes the company end of an association change, added or removed', () => {
    const plan = planRescoring(
      events([companyAssociation(3, 'TICKET', 4, true), companyAssociation(5, 'CONTACT', 6)]),
    );
    expect(plan.companyIds).toEqual(['3', '5']);
  });

  test('drops an association between two non-company objects', () => {
    const event = createWebhookEvent({
      subscriptionType: 'deal.associationChange',
      associationType: 'DEAL_TO_CONTACT',
      fromObjectId: 9,
      toObjectId: 6,
      associationRemoved: false,
    });
    expect(planRescoring(events([event])).dropped).toEqual([
      expect.objectContaining({ reason: 'no_company_end' }),
    ]);
  });

  test('rescores the surviving company of a merge and nothing for a deleted company', () => {
    const merge = createWebhookEvent({
      subscriptionType: 'company.merge',
      objectId: 1,
      primaryObjectId: 2,
      mergedObjectIds: [1],
    });
    const deletion = createWebhookEvent({ subscriptionType: 'company.deletion', objectId: 8 });
    const plan = planRescoring(events([merge, deletion]));
    expect(plan.companyIds).toEqual(['2']);
    expect(plan.dropped.map((drop) => drop.reason)).toEqual(['company_deleted']);
  });

  test.each([
    ['hs_lastmodifieddate', 'changes on every write (a loop)'],
    ['name', 'display only'],
    ['hubspot_owner_id', 'no factor'],
  ])('drops a change of company %s (%s)', (propertyName) => {
    expect(planRescoring(events([companyChange(1, propertyName)])).dropped[0]?.reason).toBe(
      'not_a_score_input',
    );
  });

  test('drops unsupported subscription types and object types Keystone does not read', () => {
    const plan = planRescoring(
      events([
        createWebhookEvent({ subscriptionType: 'conversation.newMessage' }),
        createWebhookEvent({ subscriptionType: 'object.creation', objectTypeId: '0-7', objectId: 1 }),
      ]),
    );
    expect(plan.dropped.map((drop) => drop.reason)).toEqual(['unsupported_event', 'unknown_object_type']);
  });

  test('10 events on 3 companies make a plan of 3 companies', () => {
    const plan = planRescoring(
      events([
        companyChange(1, 'annualrevenue'),
        companyChange(1, 'kam_strategic_fit'),
        companyChange(2, 'industry'),
        companyAssociation(2, 'DEAL', 90),
        companyAssociation(3, 'TICKET', 40),
        companyChange(3, 'numberofemployees'),
        companyChange(1, 'kam_payment_discipline'),
        companyAssociation(1, 'CONTACT', 60, true),
        companyChange(2, 'hs_ideal_customer_profile'),
        companyChange(3, 'kam_recommends_us'),
      ]),
    );
    expect(plan.eventCount).toBe(10);
    expect(plan.companyIds).toEqual(['1', '2', '3']);
    expect(plan.dropped).toEqual([]);
  });
});

describe('loop safety in planning', () => {
  test.each(KAM_OUTPUT_PROPERTY_NAMES.map((name) => [name]))(
    'drops a change of Keystone’s own output %s',
    (propertyName) => {
      const plan = planRescoring(events([companyChange(1, propertyName)]));
      expect(plan.companyIds).toEqual([]);
      expect(plan.dropped[0]?.reason).toBe('keystone_output');
    },
  );

  test.each([
    ['INTEGRATION', String(TEST_APP_ID)],
    ['API', `appId:${TEST_APP_ID}`],
    ['integration', String(TEST_APP_ID)],
  ])('drops a change HubSpot attributes to this app (%s, %s)', (changeSource, sourceId) => {
    const plan = planRescoring(events([companyChange(1, 'industry', { changeSource, sourceId })]));
    expect(plan.dropped[0]?.reason).toBe('own_integration');
  });

  test.each([
    ['another app', 'INTEGRATION', '999'],
    ['a user in the CRM', 'CRM_UI', 'userId:5'],
    ['an import', 'IMPORT', String(TEST_APP_ID)],
  ])('keeps a change made by %s', (_label, changeSource, sourceId) => {
    const plan = planRescoring(events([companyChange(1, 'industry', { changeSource, sourceId })]));
    expect(plan.companyIds).toEqual(['1']);
  });

  test('keeps KAM inputs, which users enter and Keystone never writes', () => {
    const plan = planRescoring(
      events([companyChange(1, 'kam_market_reputation'), companyChange(2, 'kam_loss_reason')]),
    );
    expect(plan.companyIds).toEqual(['1', '2']);
  });
});
