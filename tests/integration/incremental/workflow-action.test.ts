/**
 * The custom workflow action end to end on loopback: HubSpot (here: the test) POSTs a signed
 * execution request for an enrolled company to the endpoint function, which rescores it with the
 * real engine against the emulator and answers output fields equal to what it stored.
 */
import { workflowActionRecalculate } from '../../../src/app/functions/handlers/workflow-action-recalculate';
import {
  ACTION_URL,
  createActionBody,
  signedActionRequest,
} from '../../../src/engine/incremental/test-utils/fixtures';
import { gatewayFor, NOW, outputsOf, sync } from '../../support/portal';
import { usePortalFixture } from './portal-fixture';

const COMPANIES = 6;
const portal = usePortalFixture(COMPANIES);
const endpoint = () => workflowActionRecalculate(portal.endpointDeps());

function execution(companyId: string, options: { v2Only?: boolean } = {}) {
  const body = JSON.stringify(
    createActionBody({ object: { objectId: Number(companyId), objectType: 'COMPANY' } }),
  );
  const request = signedActionRequest(body, {
    uri: ACTION_URL,
    timestampMs: NOW.getTime() - 1_000,
    ...options,
  });
  return { headers: request.headers, body: JSON.parse(body) as unknown };
}

describe('custom action "Recalculate key-account score"', () => {
  test('rescores a never-scored company, writes its kam_* values and returns them as output fields', async () => {
    const [companyId] = Object.keys(await outputsOf(portal.emulator));
    const response = await endpoint()(execution(companyId as string));
    expect(response.statusCode).toBe(200);
    const stored = (await outputsOf(portal.emulator))[companyId as string];
    expect(JSON.parse(response.body)).toEqual({
      outputFields: {
        kam_tier: stored?.kam_tier,
        kam_score: Number(stored?.kam_score),
        kam_risk_level: stored?.kam_risk_level,
        hs_execution_state: 'SUCCESS',
      },
    });
  });

  test('after a portfolio run it writes nothing new and still returns the stored values (v2-only request)', async () => {
    await sync(gatewayFor(portal.emulator));
    const before = await outputsOf(portal.emulator);
    const [companyId] = Object.keys(before);
    portal.emulator.requestLog.clear();
    const response = await endpoint()(execution(companyId as string, { v2Only: true }));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      outputFields: { kam_tier: before[companyId as string]?.kam_tier, hs_execution_state: 'SUCCESS' },
    });
    expect(await outputsOf(portal.emulator)).toEqual(before);
    // not even equal values go out again (a rewrite would add property history)
    const writes = Object.entries(portal.emulator.requestLog.counts()).filter(
      ([route]) => route.includes('batch/update') || route.startsWith('PATCH'),
    );
    expect(writes).toEqual([]);
  });

  test('a company that no longer exists lets the workflow continue', async () => {
    const response = await endpoint()(execution('999999999'));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ outputFields: { hs_execution_state: 'FAIL_CONTINUE' } });
  });
});
