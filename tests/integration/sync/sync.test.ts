import type { RunningEmulator } from '../../../emulator';
import { KeystoneError } from '../../../src/engine/errors';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import { FileCheckpoint } from '../../../src/engine/sync/checkpoint';
import {
  fillPortal,
  gatewayFor,
  NOW,
  outputsOf,
  portalWithPortfolio,
  sync,
  tempCheckpoint,
} from '../../support/portal';

const COMPANIES = 160;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
beforeEach(async () => fillPortal(emulator, COMPANIES));
afterAll(() => emulator.close());

const writeCalls = () =>
  Object.entries(emulator.requestLog.counts())
    .filter(([route]) => route.includes('batch/update') || route.startsWith('PATCH'))
    .reduce((sum, [, count]) => sum + count, 0);

describe('kam sync against the emulator', () => {
  test('the first sync scores every company and writes tier, quadrant, strategy, risk and the explanation', async () => {
    const { summary } = await sync(gatewayFor(emulator));
    expect(summary.companiesScored).toBe(COMPANIES);
    expect(summary.companiesChanged).toBe(COMPANIES);
    expect(summary.tierChanges.new).toBe(COMPANIES);
    const outputs = await outputsOf(emulator);
    for (const company of Object.values(outputs)) {
      expect(['key', 'important', 'regular']).toContain(company.kam_tier);
      expect(company.kam_quadrant).toBeTruthy();
      expect(company.kam_strategy).toBeTruthy();
      expect(Number.isFinite(Number(company.kam_score))).toBe(true);
      expect(JSON.parse(company.kam_explanation ?? 'null')).toMatchObject({ v: 2 });
    }
  });

  test('a second sync on unchanged data writes nothing', async () => {
    await sync(gatewayFor(emulator));
    emulator.requestLog.clear();
    const { summary } = await sync(gatewayFor(emulator));
    expect(summary.propertiesWritten).toBe(0);
    expect(writeCalls()).toBe(0);
  });

  test('a data change that moves a tier writes previous tier, change time and direction, and history shows it', async () => {
    const gateway = gatewayFor(emulator);
    const first = await sync(gateway);
    const riser = first.scored.filter((c) => c.tier === 'regular').sort((a, b) => b.score - a.score)[0];
    expect(riser).toBeDefined();
    const biggest = Math.max(...first.scored.map((c) => Number(c.desired.kam_won_revenue_12m ?? 0)));
    await gateway.batchCreate(
      'deals',
      [0, 1, 2, 3].map((i) => ({
        properties: {
          dealname: `expansion ${i}`,
          amount: String(biggest),
          deal_currency_code: DEFAULT_SCORING_MODEL.homeCurrency,
          pipeline: 'default',
          dealstage: 'closedwon',
          closedate: new Date(NOW.getTime() - (i + 1) * 20 * 86_400_000).toISOString(),
        },
        associations: [{ toId: riser!.id, typeId: 341 }],
      })),
    );
    const later = new Date(NOW.getTime() + 86_400_000);
    const second = await sync(gateway, { now: later });
    const change = second.summary.tierChanges.list.find((c) => c.id === riser!.id);
    expect(change).toMatchObject({ from: 'regular', direction: 'up' });
    const [record] = await gateway.batchReadWithHistory(
      'companies',
      [riser!.id],
      ['kam_tier', 'kam_tier_previous', 'kam_tier_changed_at', 'kam_tier_direction'],
      ['kam_tier'],
    );
    expect(record!.properties).toMatchObject({ kam_tier_previous: 'regular', kam_tier_direction: 'up' });
    expect(Date.parse(record!.properties.kam_tier_changed_at ?? '')).toBe(later.getTime());
    expect(record!.history.kam_tier!.map((h) => h.value)).toEqual([change!.to, 'regular']);
  });

  test('with 10% 429s and 5% 5xx injected the run ends in the same state as a clean run, and no 429 reaches the caller', async () => {
    await sync(gatewayFor(emulator));
    const clean = await outputsOf(emulator);
    await fillPortal(emulator, COMPANIES);
    emulator.setFaults({ rate429: 0.1, rate5xx: 0.05 });
    const faulty = await sync(gatewayFor(emulator));
    emulator.setFaults({ rate429: 0, rate5xx: 0 });
    expect(faulty.summary.calls.retries).toBeGreaterThan(0);
    expect(faulty.summary.writeFailures).toEqual([]);
    expect(await outputsOf(emulator)).toEqual(clean);
  });

  test.each([
    ['while reading', (event: { phase: string }) => event.phase === 'read'],
    ['between write batches', (event: { phase: string }) => event.phase === 'write'],
  ])('killed %s and resumed, the end state equals an uninterrupted run', async (_label, killWhen) => {
    await sync(gatewayFor(emulator));
    const clean = await outputsOf(emulator);

    await fillPortal(emulator, COMPANIES);
    const checkpoint = tempCheckpoint();
    const controller = new AbortController();
    const interrupted = sync(gatewayFor(emulator, { concurrency: 1, writeConcurrency: 1 }), {
      checkpoint,
      chunkSize: 50,
      signal: controller.signal,
      onProgress: (event) => {
        if (killWhen(event)) controller.abort();
      },
    });
    await expect(interrupted).rejects.toMatchObject({ code: 'sync.aborted' });
    const partial = await outputsOf(emulator);
    expect(Object.values(partial).filter((c) => c.kam_tier !== null).length).toBeLessThan(COMPANIES);

    const resumed = await sync(gatewayFor(emulator), {
      checkpoint: new FileCheckpoint(checkpoint.path),
      resume: true,
      now: new Date(),
    });
    expect(resumed.summary.resumed).toBe(true);
    expect(resumed.summary.now).toBe(NOW.toISOString());
    expect(await outputsOf(emulator)).toEqual(clean);
  });

  test('killed with write batches in flight, the landed ones are journaled and not sent again', async () => {
    // three write batches; two are in flight when the first lands and the run is stopped
    const companies = 250;
    await fillPortal(emulator, companies);
    await sync(gatewayFor(emulator));
    const clean = await outputsOf(emulator);

    await fillPortal(emulator, companies);
    const checkpoint = tempCheckpoint();
    const controller = new AbortController();
    const interrupted = sync(gatewayFor(emulator, { writeConcurrency: 2 }), {
      checkpoint,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'write') controller.abort();
      },
    });
    await expect(interrupted).rejects.toMatchObject({ code: 'sync.aborted' });
    const partial = await outputsOf(emulator);
    expect(Object.values(partial).filter((c) => c.kam_tier !== null)).toHaveLength(200);

    const resumed = await sync(gatewayFor(emulator), {
      checkpoint: new FileCheckpoint(checkpoint.path),
      resume: true,
    });
    // only the batch that never started is sent
    expect(resumed.summary.calls.calls['POST /crm/v3/objects/companies/batch/update']).toBe(1);
    expect(await outputsOf(emulator)).toEqual(clean);
  });

  test('resuming a finished run is refused with a clear error', async () => {
    const checkpoint = tempCheckpoint();
    await sync(gatewayFor(emulator), { checkpoint });
    await expect(sync(gatewayFor(emulator), { checkpoint, resume: true })).rejects.toBeInstanceOf(
      KeystoneError,
    );
  });

  test('--company with an unknown id scores the known ones and names the unknown', async () => {
    const { summary } = await sync(gatewayFor(emulator), { scope: { kind: 'ids', ids: ['999999999'] } });
    expect(summary.unknownCompanyIds).toEqual(['999999999']);
    expect(summary.companiesScored).toBe(0);
  });
});
