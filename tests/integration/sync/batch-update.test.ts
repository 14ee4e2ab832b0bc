/**
 * The gateway's batch update against the emulator: it goes through the client's raw request, so
 * these check what the typed API did for it (207s, refusals, retries, text in any script).
 */
import type { RunningEmulator } from '../../../emulator';
import { gatewayFor, outputsOf, portalWithPortfolio } from '../../support/portal';

const COMPANIES = 150;
let emulator: RunningEmulator;
let ids: string[];

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
  ids = Object.keys(await outputsOf(emulator));
});
afterAll(() => emulator.close());
afterEach(() => emulator.setFaults({ rate429: 0, rate5xx: 0 }));

const update = (id: string, value: string) => ({ id, properties: { kam_risk_reasons: value } });

describe('CrmGateway.batchUpdate', () => {
  test('a 207 keeps what was written, retries the rest one by one and returns what still fails', async () => {
    const landed: string[] = [];
    const inputs = [
      ...ids.map((id) => update(id, 'checked')),
      update('999999991', 'x'),
      update('999999992', 'x'),
    ];
    const result = await gatewayFor(emulator).batchUpdate('companies', inputs, (done) => {
      landed.push(...done);
    });
    expect(result.updated).toBe(COMPANIES);
    expect(result.failures.map((failure) => failure.ids).flat()).toEqual(['999999991', '999999992']);
    expect(result.failures[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND' });
    expect(landed.sort()).toEqual([...ids].sort());
    const outputs = await outputsOf(emulator);
    expect(ids.every((id) => outputs[id]!.kam_risk_reasons === 'checked')).toBe(true);
  });

  test('text in any script arrives as written', async () => {
    const text = 'Нет контакта 119 дн. — «Защищать связи» 🛡️ café\nline two';
    const result = await gatewayFor(emulator).batchUpdate('companies', [update(ids[0]!, text)]);
    expect(result).toEqual({ updated: 1, failures: [] });
    expect((await outputsOf(emulator))[ids[0]!]!.kam_risk_reasons).toBe(text);
  });

  test('a batch HubSpot refuses fails with its validation error', async () => {
    const refused = gatewayFor(emulator).batchUpdate('companies', [
      { id: ids[0]!, properties: { kam_no_such_property: '1' } },
    ]);
    await expect(refused).rejects.toMatchObject({
      code: 'hubspot.validation',
      details: expect.objectContaining({
        status: 400,
        operation: 'POST /crm/v3/objects/companies/batch/update',
      }),
    });
  });

  test('429s and 5xx are retried until every batch lands', async () => {
    emulator.setFaults({ rate429: 0.3, rate5xx: 0.2 });
    // half of all requests fail here, and with the 207 knob on (the CI's second pass) the items a
    // 207 names are retried one by one through the same faults: room for a long unlucky streak
    const gateway = gatewayFor(emulator, { maxRetries: 16 });
    const result = await gateway.batchUpdate(
      'companies',
      ids.map((id) => update(id, 'after faults')),
    );
    emulator.setFaults({ rate429: 0, rate5xx: 0 });
    expect(result).toEqual({ updated: COMPANIES, failures: [] });
    expect(gateway.getStats().retries).toBeGreaterThan(0);
    const outputs = await outputsOf(emulator);
    expect(ids.every((id) => outputs[id]!.kam_risk_reasons === 'after faults')).toBe(true);
  });

  test('a ten-secondly 429 without Retry-After is retried after 250 ms, not a quarter of the window', async () => {
    emulator.setFaults({ rate429: 1 });
    const retries: { reason: string; waitMs: number }[] = [];
    const gateway = gatewayFor(emulator, {
      onRetry: (event) => {
        retries.push({ reason: event.reason, waitMs: event.waitMs });
        emulator.setFaults({ rate429: 0 });
      },
    });
    const started = Date.now();
    const result = await gateway.batchUpdate('companies', [update(ids[0]!, 'after one refusal')]);
    expect(result).toEqual({ updated: 1, failures: [] });
    expect(retries).toEqual([{ reason: '429 TEN_SECONDLY_ROLLING', waitMs: 250 }]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
