import type { RunningEmulator } from '../../../emulator';
import type { ScoringModel } from '../../../src/engine/settings';
import { DEFAULT_SCORING_MODEL } from '../../../src/engine/settings';
import { createPortfolioScorer } from '../../../src/engine/sync/portfolio-scorer';
import { rescoreCompany } from '../../../src/engine/sync/rescore-company';
import { fillPortal, gatewayFor, NOW, outputsOf, portalWithPortfolio, sync } from '../../support/portal';

// issue #16: key means few, and every path lands a company where the last full run put it
const COMPANIES = 80;
const FEW_PLACES: ScoringModel = {
  ...DEFAULT_SCORING_MODEL,
  tiers: {
    ...DEFAULT_SCORING_MODEL.tiers,
    key: 40,
    important: 20,
    capacity: { key: { maxCount: 6, maxShare: 0.15 }, important: { maxCount: 20, maxShare: 0.35 } },
  },
};

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
beforeEach(() => fillPortal(emulator, COMPANIES));
afterAll(() => emulator.close());

test('a sync through the real client fills only the places, and stores the line with every company', async () => {
  await sync(gatewayFor(emulator), {
    scorer: createPortfolioScorer(FEW_PLACES),
    modelVersion: FEW_PLACES.version,
  });
  const outputs = Object.values(await outputsOf(emulator));
  const tiers = outputs.map((o) => o.kam_tier);
  expect(tiers.filter((t) => t === 'key')).toHaveLength(6);
  expect(tiers.filter((t) => t === 'important')).toHaveLength(20);
  const passedKey = outputs.filter((o) => /"thresholdTier":"key"/.test(o.kam_explanation ?? ''));
  expect(passedKey.length).toBeGreaterThan(6); // low thresholds: the places decide
  const line = JSON.parse(outputs[0]!.kam_explanation!).portfolio.tiers.key;
  expect(line).toMatchObject({ places: 6, used: 6, leftOut: passedKey.length - 6 });
});

test('rescoring any company alone afterwards writes nothing: the card, webhooks and workflows agree with the run', async () => {
  const run = await sync(gatewayFor(emulator), {
    scorer: createPortfolioScorer(FEW_PLACES),
    modelVersion: FEW_PLACES.version,
  });
  // the companies around the key line are where a disagreement would show
  const nearTheLine = [...run.scored].sort((a, b) => b.score - a.score).slice(0, 12);
  for (const company of nearTheLine) {
    const result = await rescoreCompany({
      gateway: gatewayFor(emulator),
      companyId: company.id,
      model: FEW_PLACES,
      now: NOW,
    });
    expect(result.changedProperties).toEqual({});
    expect(result.score.tier).toBe(company.tier);
  }
});

test('a second full sync on unchanged data writes nothing', async () => {
  const options = { scorer: createPortfolioScorer(FEW_PLACES), modelVersion: FEW_PLACES.version };
  await sync(gatewayFor(emulator), options);
  const again = await sync(gatewayFor(emulator), options);
  expect(again.writes).toEqual([]);
});
