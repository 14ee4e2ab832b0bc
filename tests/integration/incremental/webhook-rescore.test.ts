/**
 * End to end on loopback: a user changes a deal in the emulated portal, HubSpot (the simulator)
 * delivers the signed webhook to the endpoint function, the function verifies it, resolves the
 * deal's company through associations, rescores it with the real engine and writes its `kam_*`
 * values through the real `@hubspot/api-client`.
 */
import type { SignedRequest, WebhookSummary } from '../../../src/engine/incremental';
import { webhookRescore } from '../../../src/app/functions/handlers/webhook-rescore';
import { gatewayFor, NOW, outputsOf, sync } from '../../support/portal';
import { usePortalFixture } from './portal-fixture';
import { delivery, functionContext, propertyChangeEvents, readState, USER_CHANGE } from './webhook-simulator';

const COMPANIES = 12;
const DAY_MS = 86_400_000;
const portal = usePortalFixture(COMPANIES);
const endpoint = () => webhookRescore(portal.endpointDeps());

/** A company after the first portfolio run, with one of its deals. */
async function scoredCompanyWithDeal() {
  const gateway = gatewayFor(portal.emulator);
  await sync(gateway);
  const outputs = await outputsOf(portal.emulator);
  const companyIds = Object.keys(outputs);
  const dealsByCompany = await gateway.batchReadAssociations('companies', 'deals', companyIds);
  const companyId = companyIds.find((id) => (dealsByCompany.get(id) ?? []).length > 0);
  if (!companyId) throw new Error('the generated portfolio has no company with deals');
  return { gateway, companyId, dealId: (dealsByCompany.get(companyId) as string[])[0] as string, outputs };
}

describe('webhook → rescore → property written', () => {
  test('a new won deal delivered by webhook rescores its company and writes the changed kam_* values', async () => {
    const { gateway, companyId, outputs: before } = await scoredCompanyWithDeal();
    const biggest = Math.max(...Object.values(before).map((o) => Number(o.kam_won_revenue_12m ?? 0)));
    const [created] = await gateway.batchCreate('deals', [
      {
        properties: {
          dealname: 'webhook expansion',
          amount: String(biggest * 3),
          deal_currency_code: 'EUR',
          pipeline: 'default',
          dealstage: 'closedwon',
          closedate: new Date(NOW.getTime() - 3 * DAY_MS).toISOString(),
        },
        associations: [{ toId: companyId, typeId: 341 }],
      },
    ]);
    const dealId = (created as { id: string }).id;

    const events = [
      { subscriptionType: 'deal.creation', objectId: Number(dealId) },
      {
        subscriptionType: 'deal.propertyChange',
        objectId: Number(dealId),
        propertyName: 'amount',
        propertyValue: String(biggest * 3),
      },
    ].map((event, index) => ({
      eventId: 100 + index,
      subscriptionId: 1,
      portalId: 62515,
      appId: 4242,
      occurredAt: NOW.getTime() - 1_000,
      attemptNumber: 0,
      ...USER_CHANGE,
      ...event,
    }));
    const response = await endpoint()(functionContext(delivery(events, NOW.getTime())));
    expect(response.statusCode).toBe(200);
    const summary = JSON.parse(response.body) as WebhookSummary;
    expect(summary.written).toEqual([companyId]);

    const after = await outputsOf(portal.emulator);
    expect(Number(after[companyId]?.kam_won_revenue_12m)).toBeGreaterThan(
      Number(before[companyId]?.kam_won_revenue_12m),
    );
    expect(after[companyId]?.kam_tier).toBe('key');
    for (const other of Object.keys(before).filter((id) => id !== companyId))
      expect(after[other]).toEqual(before[other]);
  });

  test('deal changes found by the simulator reach the company through its associations', async () => {
    const { gateway, companyId, dealId, outputs: before } = await scoredCompanyWithDeal();
    const beforeState = await readState(gateway, [{ objectType: 'deal', ids: [dealId] }]);
    await gateway.batchUpdate('deals', [
      {
        id: dealId,
        properties: {
          amount: String(Number(before[companyId]?.kam_won_revenue_12m ?? 0) + 250_000),
          dealstage: 'closedwon',
          closedate: new Date(NOW.getTime() - 5 * DAY_MS).toISOString(),
        },
      },
    ]);
    const afterState = await readState(gateway, [{ objectType: 'deal', ids: [dealId] }]);
    const events = propertyChangeEvents(beforeState, afterState, {
      subscribed: 'hsmeta',
      source: USER_CHANGE,
    });
    // only deal events: the company is found through the deal's associations
    expect(events.map((event) => event.subscriptionType)).toEqual(events.map(() => 'deal.propertyChange'));
    expect(events.map((event) => event.propertyName)).toContain('amount');

    const response = await endpoint()(functionContext(delivery(events, NOW.getTime())));
    expect(response.statusCode).toBe(200);
    expect((JSON.parse(response.body) as WebhookSummary).written).toEqual([companyId]);
    const after = await outputsOf(portal.emulator);
    expect(Number(after[companyId]?.kam_won_revenue_12m)).toBeGreaterThan(
      Number(before[companyId]?.kam_won_revenue_12m),
    );
  });

  const industryChange = (companyId: string) => ({
    eventId: 1,
    subscriptionId: 1,
    portalId: 62515,
    appId: 4242,
    occurredAt: NOW.getTime() - 1_000,
    attemptNumber: 0,
    subscriptionType: 'company.propertyChange',
    objectId: Number(companyId),
    propertyName: 'industry',
  });

  test.each([
    [
      'a forged signature',
      401,
      (request: SignedRequest) => ({
        ...request,
        headers: { ...request.headers, 'x-hubspot-signature-v3': 'Zm9yZ2Vk' },
      }),
    ],
    [
      'a stale timestamp',
      401,
      (request: SignedRequest) => ({
        ...request,
        headers: { ...request.headers, 'x-hubspot-request-timestamp': String(NOW.getTime() - 400_000) },
      }),
    ],
    ['no signature headers', 401, (request: SignedRequest) => ({ ...request, headers: {} })],
  ])('a delivery with %s is refused (%i) before any CRM call', async (_label, status, tamper) => {
    const { companyId } = await scoredCompanyWithDeal();
    portal.emulator.requestLog.clear();
    const response = await endpoint()(
      functionContext(tamper(delivery([industryChange(companyId)], NOW.getTime()))),
    );
    expect(response.statusCode).toBe(status);
    expect(Object.keys(portal.emulator.requestLog.counts())).toEqual([]);
  });

  test('a correctly signed but malformed delivery is refused (400) before any CRM call', async () => {
    await scoredCompanyWithDeal();
    portal.emulator.requestLog.clear();
    const malformed = delivery([{ objectId: 1, propertyName: 'industry' }], NOW.getTime());
    const response = await endpoint()(functionContext(malformed));
    expect(response.statusCode).toBe(400);
    expect(Object.keys(portal.emulator.requestLog.counts())).toEqual([]);
  });
});
