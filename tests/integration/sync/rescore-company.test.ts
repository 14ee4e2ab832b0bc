import type { RunningEmulator } from '../../../emulator';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import { rescoreCompany } from '../../../src/engine/sync/rescore-company';
import { fillPortal, gatewayFor, NOW, outputsOf, portalWithPortfolio, sync } from '../../support/portal';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await portalWithPortfolio(80);
});
beforeEach(() => fillPortal(emulator, 80));
afterAll(() => emulator.close());

describe('rescoreCompany (card button, webhook, workflow action)', () => {
  test('after a portfolio sync, rescoring one company at the same time writes nothing and agrees with the sync', async () => {
    const first = await sync(gatewayFor(emulator));
    const company = first.scored[5]!;
    const result = await rescoreCompany({
      gateway: gatewayFor(emulator),
      companyId: company.id,
      model: DEFAULT_SCORING_MODEL,
      now: NOW,
    });
    expect(result.changedProperties).toEqual({});
    expect(result.score.score.toFixed(1)).toBe(company.desired.kam_score);
    expect(result.score.tier).toBe(company.tier);
  });

  test('a company never scored gets its outputs written in one call', async () => {
    const before = await outputsOf(emulator);
    const id = Object.keys(before)[0]!;
    emulator.requestLog.clear();
    const result = await rescoreCompany({
      gateway: gatewayFor(emulator),
      companyId: id,
      model: DEFAULT_SCORING_MODEL,
      now: NOW,
    });
    expect(result.changedProperties.kam_tier).toBe(result.score.tier);
    const after = await outputsOf(emulator);
    expect(after[id]!.kam_tier).toBe(result.score.tier);
    const writes = Object.entries(emulator.requestLog.counts()).filter(([route]) =>
      /update|PATCH/.test(route),
    );
    expect(writes.reduce((s, [, n]) => s + n, 0)).toBe(1);
  });

  test('caps associated records and says so', async () => {
    const id = Object.keys(await outputsOf(emulator))[0]!;
    const result = await rescoreCompany({
      gateway: gatewayFor(emulator),
      companyId: id,
      model: DEFAULT_SCORING_MODEL,
      now: NOW,
      maxRecordsPerType: 1,
      dryRun: true,
    });
    expect(result.truncated.length).toBeGreaterThan(0);
    expect(result.truncated[0]).toMatchObject({ companyId: id, kept: 1 });
  });

  test.each([
    ['999999999', 'hubspot.not_found'],
    ['12abc', 'input.invalid'],
  ])('company id %s is refused with %s', async (companyId, code) => {
    await expect(
      rescoreCompany({ gateway: gatewayFor(emulator), companyId, model: DEFAULT_SCORING_MODEL, now: NOW }),
    ).rejects.toMatchObject({ code });
  });
});
