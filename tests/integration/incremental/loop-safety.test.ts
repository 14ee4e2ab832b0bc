/**
 * Keystone's own writes must never make it rescore itself endlessly. The loop is played through
 * on loopback: a user's change is delivered, Keystone rescores and writes; every property that
 * write changed is delivered back as HubSpot would (even with every property subscribed, the
 * worst case); Keystone must drop those events, write nothing, and so raise no further event.
 */
import type { WebhookSummary } from '../../../src/engine/incremental';
import { webhookRescore } from '../../../src/app/functions/handlers/webhook-rescore';
import { gatewayFor, NOW, outputsOf, sync } from '../../support/portal';
import { usePortalFixture } from './portal-fixture';
import {
  delivery,
  functionContext,
  KEYSTONE_CHANGE,
  propertyChangeEvents,
  readState,
  USER_CHANGE,
  type ChangeSource,
} from './webhook-simulator';

const COMPANIES = 8;
const MAX_ROUNDS = 5;
const portal = usePortalFixture(COMPANIES);
const endpoint = () => webhookRescore(portal.endpointDeps());

const writeCalls = () =>
  Object.entries(portal.emulator.requestLog.counts())
    .filter(([route]) => route.includes('batch/update') || route.startsWith('PATCH'))
    .reduce((sum, [, count]) => sum + count, 0);

/**
 * Delivers `events`, then keeps delivering whatever the resulting writes changed until a round
 * changes nothing. Returns each round's summary.
 */
async function playLoop(
  companyId: string,
  firstEvents: Record<string, unknown>[],
  options: { subscribed: 'hsmeta' | 'everything'; keystoneSource: ChangeSource },
): Promise<WebhookSummary[]> {
  const gateway = gatewayFor(portal.emulator);
  const rounds: WebhookSummary[] = [];
  let events = firstEvents;
  while (events.length > 0) {
    if (rounds.length === MAX_ROUNDS) throw new Error(`still rescoring after ${MAX_ROUNDS} rounds: a loop`);
    const before = await readState(gateway, [{ objectType: 'company', ids: [companyId] }]);
    const response = await endpoint()(functionContext(delivery(events, NOW.getTime())));
    expect(response.statusCode).toBe(200);
    rounds.push(JSON.parse(response.body) as WebhookSummary);
    const after = await readState(gateway, [{ objectType: 'company', ids: [companyId] }]);
    events = propertyChangeEvents(before, after, {
      subscribed: options.subscribed,
      source: options.keystoneSource,
    });
  }
  return rounds;
}

async function companyAfterFirstRun(): Promise<string> {
  await sync(gatewayFor(portal.emulator));
  const [companyId] = Object.keys(await outputsOf(portal.emulator));
  if (!companyId) throw new Error('no company in the portal');
  return companyId;
}

/** A KAM raises the company's growth potential: a score input, so Keystone rescores and writes. */
async function kamRaisesGrowthPotential(companyId: string): Promise<Record<string, unknown>[]> {
  const gateway = gatewayFor(portal.emulator);
  const before = await readState(gateway, [{ objectType: 'company', ids: [companyId] }]);
  const current = before.get(`company:${companyId}`)?.kam_growth_potential;
  await gateway.batchUpdate('companies', [
    {
      id: companyId,
      properties: {
        kam_growth_potential: current === 'high' ? 'low' : 'high',
        kam_strategic_fit: current === 'high' ? 'low' : 'high',
      },
    },
  ]);
  const after = await readState(gateway, [{ objectType: 'company', ids: [companyId] }]);
  return propertyChangeEvents(before, after, { subscribed: 'hsmeta', source: USER_CHANGE });
}

describe('loop safety', () => {
  test.each([
    ['subscribed as shipped, Keystone’s writes attributed to the app', 'hsmeta', KEYSTONE_CHANGE, 1],
    ['every property subscribed, writes attributed to the app', 'everything', KEYSTONE_CHANGE, 2],
    ['every property subscribed, writes not attributed at all', 'everything', USER_CHANGE, 2],
  ] as const)(
    'write → event → rescore → no write → stops (%s)',
    async (_label, subscribed, keystoneSource, expectedRounds) => {
      const companyId = await companyAfterFirstRun();
      const userEvents = await kamRaisesGrowthPotential(companyId);
      expect(userEvents.length).toBeGreaterThan(0);
      portal.emulator.requestLog.clear();

      const rounds = await playLoop(companyId, userEvents, { subscribed, keystoneSource });

      // round 1: the user's change is rescored and written
      expect(rounds[0]?.written).toEqual([companyId]);
      // any later round only sees Keystone's own writes: all dropped, no rescore, no write
      for (const round of rounds.slice(1)) {
        expect(round.companies).toBe(0);
        expect(
          Object.keys(round.dropped).every((reason) =>
            ['keystone_output', 'own_integration', 'not_a_score_input'].includes(reason),
          ),
        ).toBe(true);
      }
      expect(rounds).toHaveLength(expectedRounds);
      if (expectedRounds === 2) expect(rounds[1]?.received).toBeGreaterThan(0);
      expect(writeCalls()).toBe(1);
    },
  );

  test('a rescore of unchanged data writes nothing, so it raises no event', async () => {
    const companyId = await companyAfterFirstRun();
    portal.emulator.requestLog.clear();
    // HubSpot retrying a delivery (or an event whose change Keystone already scored)
    const event = {
      eventId: 9,
      subscriptionId: 1,
      portalId: 62515,
      appId: 4242,
      occurredAt: NOW.getTime() - 1_000,
      attemptNumber: 1,
      subscriptionType: 'company.propertyChange',
      objectId: Number(companyId),
      propertyName: 'industry',
      ...USER_CHANGE,
    };
    const rounds = await playLoop(companyId, [event], {
      subscribed: 'everything',
      keystoneSource: USER_CHANGE,
    });
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ companies: 1, unchanged: 1, written: [] });
    expect(writeCalls()).toBe(0);
  });
});
