/**
 * `keystone_preview_model` against a generated portfolio the real sync engine has scored: the
 * preview re-weighs the stored breakdowns, so with the model that scored it must count no change,
 * and with a draft it must count the tier and quadrant changes a real rescore would write, up to
 * the companies within a rounding step of a threshold (the explanation keeps whole points).
 */
import type { RunningEmulator } from '../../../emulator/index';
import { generatePortfolio } from '../../../emulator/generator';
import {
  main as previewModel,
  previewModel as previewModelFunction,
} from '../../../src/app/functions/handlers/preview-model';
import { addMonths, runBacktest } from '../../../src/engine/backtest';
import type { CompanyRecord } from '../../../src/engine/core/snapshot';
import { DEFAULT_SCORING_MODEL, type ScoringModel } from '../../../src/engine/settings';
import { createPortfolioScorer } from '../../../src/engine/sync/portfolio-scorer';
import { createCustomObjectModelStore } from '../../../src/engine/hubspot/model-store';
import {
  fillPortal,
  gatewayFor,
  NOW,
  portalWithPortfolio,
  searchCaughtUp,
  sync,
  TOKEN,
} from '../../support/portal';
import { useFunctionEnv } from './function-env';

const COMPANIES = 40;
let emulator: RunningEmulator;

beforeAll(async () => {
  // Rate limits are not this file's subject (tests/integration/emulator/limits.test.ts and the
  // sync's 429 tests are): its tests re-sync the portal and run two previews inside one 10-second
  // window, which with the CI's 207 retries passes HubSpot's 190 calls, and a function gives up a
  // 429 after two short retries (a clear hubspot.rate_limited, by design, within its time budget).
  emulator = await portalWithPortfolio(COMPANIES, 11, { rateLimit: { perTenSeconds: 1000 } });
  await sync(gatewayFor(emulator));
  // the preview samples companies through search, which sees the sync's writes after its lag
  await searchCaughtUp(emulator);
});
afterAll(() => emulator.close());

useFunctionEnv(() => ({ PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_BASE_URL: emulator.url }));

/** What a real rescore with `model` would change, without writing (a dry-run sync). */
async function rescoreChanges(model: ScoringModel): Promise<{ tiers: number; quadrants: number }> {
  const { writes } = await sync(gatewayFor(emulator), {
    scorer: createPortfolioScorer(model),
    modelVersion: model.version,
    dryRun: true,
  });
  return {
    tiers: writes.filter((write) => 'kam_tier' in write.properties).length,
    quadrants: writes.filter((write) => 'kam_quadrant' in write.properties).length,
  };
}

const preview = (model: unknown, sampleSize = 200) => previewModel({ parameters: { model, sampleSize } });

describe('keystone_preview_model', () => {
  test('counts no change for the model the portfolio was scored with', async () => {
    await expect(preview(DEFAULT_SCORING_MODEL)).resolves.toEqual({
      ok: true,
      backtest: expect.objectContaining({ horizonMonths: 12 }),
      sampled: COMPANIES,
      compared: COMPANIES,
      tierChanges: 0,
      quadrantChanges: 0,
      tierTransitions: [],
      quadrantTransitions: [],
      truncated: false,
    });
  });

  test.each([
    [
      'lower tier thresholds',
      { tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 50, important: 30, hysteresis: 2 } },
    ],
    ['a higher KAISM cut', { kaismCut: { attractiveness: 75, strength: 60 } }],
    [
      'revenue weighing more',
      {
        weights: {
          ...DEFAULT_SCORING_MODEL.weights,
          attractiveness: { ...DEFAULT_SCORING_MODEL.weights.attractiveness, revenue: 80 },
        },
        tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 60, important: 40, hysteresis: 5 },
      },
    ],
  ])('with %s, counts the changes a rescore would write', async (_label, change) => {
    const draft = { ...DEFAULT_SCORING_MODEL, ...change, version: 'draft' } as ScoringModel;
    const expected = await rescoreChanges(draft);
    const result = await preview(draft);
    if (!result.ok) throw new Error(result.error.message);
    // only companies within half a point of a threshold can land differently (whole-point values)
    expect(Math.abs(result.tierChanges - expected.tiers)).toBeLessThanOrEqual(2);
    expect(Math.abs(result.quadrantChanges - expected.quadrants)).toBeLessThanOrEqual(2);
    expect(result.tierChanges + result.quadrantChanges).toBeGreaterThan(0);
    const transitionTotal = result.tierTransitions.reduce((sum, transition) => sum + transition.count, 0);
    expect(transitionTotal).toBe(result.tierChanges);
  });

  test('compares with the active stored model, not with the defaults', async () => {
    const stricter = {
      ...DEFAULT_SCORING_MODEL,
      tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 50, important: 30, hysteresis: 2 },
    };
    const gateway = gatewayFor(emulator);
    await createCustomObjectModelStore({ gateway, now: () => NOW }).save(stricter, {
      userId: '7001',
      userEmail: 'admin@example.com',
      note: 'saved but not yet rescored',
    });
    try {
      await expect(preview(stricter)).resolves.toMatchObject({
        ok: true,
        tierChanges: 0,
        quadrantChanges: 0,
      });
      const back = await preview(DEFAULT_SCORING_MODEL);
      expect(back.ok && back.tierChanges).toBeGreaterThan(0);
    } finally {
      await fillPortal(emulator, COMPANIES);
      await sync(gatewayFor(emulator));
      // the preview samples companies through search, which sees the sync's writes after its lag
      await searchCaughtUp(emulator);
    }
  });

  test('reads a bounded sample and says when more companies are scored', async () => {
    await expect(preview(DEFAULT_SCORING_MODEL, 15)).resolves.toMatchObject({
      ok: true,
      sampled: 15,
      compared: 15,
      truncated: true,
    });
  });

  test('leaves out a company whose stored breakdown cannot be read', async () => {
    const gateway = gatewayFor(emulator);
    const [victim] = (await gateway.listPage('companies', ['kam_explanation'])).results;
    await gateway.client.crm.companies.basicApi.update(victim?.id as string, {
      properties: { kam_explanation: '{"v":' },
    });
    await searchCaughtUp(emulator);
    try {
      await expect(preview(DEFAULT_SCORING_MODEL)).resolves.toMatchObject({
        sampled: COMPANIES,
        compared: COMPANIES - 1,
      });
    } finally {
      await fillPortal(emulator, COMPANIES);
      await sync(gatewayFor(emulator));
      // the preview samples companies through search, which sees the sync's writes after its lag
      await searchCaughtUp(emulator);
    }
  });

  describe('backtest on the sample', () => {
    // enough companies for a handful of decliners in the year after as-of
    const BACKTEST_COMPANIES = 80;
    beforeAll(async () => {
      await fillPortal(emulator, BACKTEST_COMPANIES);
      await sync(gatewayFor(emulator));
      // the preview samples companies through search, which sees the sync's writes after its lag
      await searchCaughtUp(emulator);
    });
    afterAll(async () => {
      await fillPortal(emulator, COMPANIES);
      await sync(gatewayFor(emulator));
      // the preview samples companies through search, which sees the sync's writes after its lag
      await searchCaughtUp(emulator);
    });
    const draft = {
      ...DEFAULT_SCORING_MODEL,
      tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 50, important: 30, hysteresis: 2 },
      version: 'draft',
    };
    const previewAt = (sampleSize: number) =>
      previewModelFunction({ env: process.env, now: () => NOW })({
        parameters: { model: draft, sampleSize },
      });

    test('returns both models’ figures as the pure backtest computes them on the same companies', async () => {
      const result = await previewAt(200);
      if (!result.ok) throw new Error(result.error.message);
      // the whole portfolio fits in the sample, so the pure backtest of the generated snapshot is the reference
      const { snapshot } = generatePortfolio({ companies: BACKTEST_COMPANIES, seed: 11, now: NOW });
      const run = runBacktest({
        companies: snapshot.companies as CompanyRecord[],
        now: NOW,
        asOf: addMonths(NOW, -12),
        horizon: { months: 12 },
        declineShare: 0.5,
        activeModel: DEFAULT_SCORING_MODEL,
        draftModel: draft,
      });
      if (!run.ok) throw new Error(JSON.stringify(run.issues));
      const expected = run.value;
      expect(expected.declined).toBeGreaterThanOrEqual(3);
      const figures = (model: typeof expected.active) => ({
        modelVersion: model.modelVersion,
        declineAuc: model.declineAuc,
        keyAccountsAtAsOf: model.keyAccountsAtAsOf,
        keyRevenueShare: model.keyRevenueShare,
      });
      expect(result.backtest).toEqual({
        asOf: addMonths(NOW, -12).toISOString(),
        horizonEnd: NOW.toISOString(),
        horizonMonths: 12,
        sampleSize: expected.companiesAtAsOf,
        buyingAtAsOf: expected.buyingAtAsOf,
        declined: expected.declined,
        enoughDecliners: true,
        revenueBaselineDeclineAuc: expected.revenueBaselineDeclineAuc,
        active: figures(expected.active),
        draft: figures(expected.draft!),
      });
      expect(result.backtest.sampleSize).toBeGreaterThan(0);
      expect(result.backtest.active.declineAuc).toEqual(expect.any(Number));
      expect(result.backtest.draft.modelVersion).toBe('draft');
    });

    test('says there are too few decliners instead of an AUC on a tiny sample', async () => {
      const result = await previewAt(2);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.backtest).toMatchObject({
        enoughDecliners: false,
        revenueBaselineDeclineAuc: null,
        active: { declineAuc: null },
        draft: { declineAuc: null },
      });
      expect(result.backtest.sampleSize).toBeLessThanOrEqual(2);
      expect(result.backtest.declined).toBeLessThan(3);
    });
  });

  test('refuses an invalid draft with its field paths', async () => {
    await expect(
      preview({ ...DEFAULT_SCORING_MODEL, kaismCut: { attractiveness: 150, strength: 50 } }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'settings.invalid', issues: [{ path: 'kaismCut.attractiveness' }] },
    });
  });
});
