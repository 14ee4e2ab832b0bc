/**
 * Hysteresis at the incremental level (methodology §2, design "tier … with hysteresis so a tier
 * does not flap"): a company whose score hovers around a tier threshold is rescored again and
 * again, each time through a signed webhook delivery, with the real scoring core. Its stored
 * `kam_tier` feeds the next rescore, as it does in HubSpot. Noise smaller than the dead band must
 * change the tier at most once, however often the plain threshold is crossed.
 */
import fc from 'fast-check';
import {
  DEFAULT_SCORING_MODEL,
  scoreCompany,
  tierByThresholds,
  type CompanyRecord,
  type ScoringModel,
} from '../../../src/engine/core';
import {
  createMemoryReplayGuard,
  handleWebhookRequest,
  type IncrementalEngine,
} from '../../../src/engine/incremental';
import {
  dealChange,
  signedWebhookRequest,
  TEST_CLIENT_SECRET,
  TEST_NOW_MS,
} from '../../../src/engine/incremental/test-utils/fixtures';

const NOW = new Date(TEST_NOW_MS);
const DAY_MS = 86_400_000;
const REVENUE_REFERENCE = 100_000;
const DEAL_COUNT = 8;
const COMPANY_ID = '501';

/** A steady customer: a won deal every quarter for two years, each worth `dealAmount`. */
function customer(dealAmount: number, storedTier: string | null): CompanyRecord {
  return {
    id: COMPANY_ID,
    properties: {
      name: 'Hovering GmbH',
      createdate: new Date(TEST_NOW_MS - 4 * 365 * DAY_MS).toISOString(),
      notes_last_contacted: new Date(TEST_NOW_MS - 20 * DAY_MS).toISOString(),
      kam_growth_potential: 'medium',
      kam_strategic_fit: 'medium',
      kam_market_reputation: 'medium',
      kam_perception_level: 'provider',
      kam_payment_discipline: 'on_time',
      kam_tier: storedTier,
    },
    deals: Array.from({ length: DEAL_COUNT }, (_, index) => ({
      id: String(9000 + index),
      properties: {
        amount: String(dealAmount),
        amount_in_home_currency: String(dealAmount),
        closedate: new Date(TEST_NOW_MS - (index * 91 + 10) * DAY_MS).toISOString(),
        createdate: new Date(TEST_NOW_MS - (index * 91 + 40) * DAY_MS).toISOString(),
        dealstage: 'closedwon',
        hs_is_closed_won: 'true',
        hs_is_closed: 'true',
        pipeline: 'default',
      },
    })),
    tickets: [],
    meetings: [],
    contacts: [],
  };
}

const scoreOf = (dealAmount: number, model: ScoringModel, storedTier: string | null = null) =>
  scoreCompany(customer(dealAmount, storedTier), {
    model,
    now: NOW,
    paretoClass: 'A',
    revenueReference: REVENUE_REFERENCE,
  });

/** The deal amount at which the score reaches a tier threshold, found by bisection on a log scale. */
function amountAtThreshold(model: ScoringModel): { amount: number; threshold: number } {
  const low = scoreOf(1, model).score;
  const high = scoreOf(1e9, model).score;
  const threshold = [model.tiers.key, model.tiers.important].find((t) => low < t && high >= t);
  if (threshold === undefined) throw new Error(`no tier threshold between scores ${low} and ${high}`);
  let [a, b] = [0, 9];
  for (let step = 0; step < 60; step += 1) {
    const mid = (a + b) / 2;
    if (scoreOf(10 ** mid, model).score >= threshold) b = mid;
    else a = mid;
  }
  return { amount: 10 ** b, threshold };
}

/**
 * An in-memory portal behind the incremental engine port: deal events resolve to the one company,
 * and a rescore writes `kam_tier` (and the score) only when they change, as the sync does.
 */
function hoveringPortal(model: ScoringModel, baseAmount: number) {
  const state = {
    dealAmount: baseAmount,
    storedTier: null as string | null,
    storedScore: null as string | null,
  };
  const tierWrites: string[] = [];
  const scores: number[] = [];
  const engine: IncrementalEngine = {
    resolveCompanyIds: async () => [COMPANY_ID],
    rescoreCompany: async (companyId) => {
      const result = scoreOf(state.dealAmount, model, state.storedTier);
      scores.push(result.score);
      const changed: string[] = [];
      if (result.tier !== state.storedTier) {
        changed.push('kam_tier');
        if (state.storedTier !== null) tierWrites.push(`${state.storedTier}→${result.tier}`);
        state.storedTier = result.tier;
      }
      if (String(result.score) !== state.storedScore) {
        changed.push('kam_score');
        state.storedScore = String(result.score);
      }
      return {
        companyId,
        changedProperties: changed,
        score: result.score,
        tier: result.tier,
        riskLevel: result.risk.level,
      };
    },
  };
  const replayGuard = createMemoryReplayGuard({ ttlMs: 360_000, maxEntries: 10_000 });
  let delivery = 0;
  /** A user edits the deal amounts (× (1 + noise)), HubSpot delivers the event, Keystone rescores. */
  const editAndDeliver = async (noise: number) => {
    state.dealAmount = baseAmount * (1 + noise);
    delivery += 1;
    const request = signedWebhookRequest(JSON.stringify([dealChange(9000, 'amount')]), {
      timestampMs: TEST_NOW_MS - delivery,
    });
    const response = await handleWebhookRequest(request, {
      clientSecret: TEST_CLIENT_SECRET,
      createEngine: () => engine,
      replayGuard,
      nowMs: () => TEST_NOW_MS,
    });
    if (response.statusCode !== 200)
      throw new Error(`delivery ${delivery}: ${response.statusCode} ${response.body}`);
  };
  return { editAndDeliver, tierWrites, scores };
}

function plainFlips(scores: readonly number[], model: ScoringModel): number {
  const plain = scores.map((score) => tierByThresholds(score, model.tiers));
  return plain.slice(1).filter((tier, index) => tier !== plain[index]).length;
}

const model = DEFAULT_SCORING_MODEL;
const { amount: baseAmount, threshold } = amountAtThreshold(model);

describe('tier hysteresis through incremental rescoring', () => {
  test('the customer sits on a tier threshold and ±30% deal noise moves its score across it, inside the dead band', () => {
    const scores = [-0.3, 0, 0.3].map((noise) => scoreOf(baseAmount * (1 + noise), model).score);
    expect(Math.min(...scores)).toBeLessThan(threshold);
    expect(Math.max(...scores)).toBeGreaterThanOrEqual(threshold);
    for (const score of scores) expect(Math.abs(score - threshold)).toBeLessThan(model.tiers.hysteresis);
  });

  test('alternating noise crosses the threshold at every rescore, yet the tier changes at most once', async () => {
    const portal = hoveringPortal(model, baseAmount);
    for (let round = 0; round < 40; round += 1) await portal.editAndDeliver(round % 2 === 0 ? 0.3 : -0.3);
    expect(plainFlips(portal.scores, model)).toBeGreaterThanOrEqual(30);
    expect(portal.tierWrites.length).toBeLessThanOrEqual(1);
  });

  test('without a dead band the same noise flaps the tier: the check above can fail', async () => {
    const noBand: ScoringModel = { ...model, tiers: { ...model.tiers, hysteresis: 0 } };
    const portal = hoveringPortal(noBand, amountAtThreshold(noBand).amount);
    for (let round = 0; round < 10; round += 1) await portal.editAndDeliver(round % 2 === 0 ? 0.3 : -0.3);
    expect(portal.tierWrites.length).toBeGreaterThanOrEqual(5);
  });

  test('any noise sequence that stays inside the dead band changes the tier at most once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 2, maxLength: 25 }),
        async (noises) => {
          const portal = hoveringPortal(model, baseAmount);
          for (const noise of noises) await portal.editAndDeliver(noise);
          fc.pre(portal.scores.every((score) => Math.abs(score - threshold) < model.tiers.hysteresis));
          expect(portal.tierWrites.length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 60, seed: 6 },
    );
  });
});
