/**
 * A manager's tier pin through the portfolio sync and rescoreCompany: the pinned tier holds in
 * `kam_tier` while the pin lasts, the computed tier is stored beside it, a lapsed pin gives way
 * with the normal trail, and hysteresis always starts from the computed tier.
 */
import type { RunningEmulator } from '../../../emulator';
import type { Tier } from '../../../src/engine/core/enums';
import { DEFAULT_SCORING_MODEL, type ScoringModel } from '../../../src/engine/settings';
import { createPortfolioScorer } from '../../../src/engine/sync/portfolio-scorer';
import { rescoreCompany } from '../../../src/engine/sync/rescore-company';
import { pinPropertiesOf } from '../../../src/engine/sync/pin-company';
import { fillPortal, gatewayFor, NOW, portalWithPortfolio, sync } from '../../support/portal';

const COMPANIES = 30;
const DAY_MS = 24 * 3600_000;
const EXPIRES_AT = new Date(NOW.getTime() + 30 * DAY_MS).toISOString();
const AFTER_EXPIRY = new Date(NOW.getTime() + 31 * DAY_MS);

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
beforeEach(() => fillPortal(emulator, COMPANIES));
afterAll(() => emulator.close());

const otherTier = (tier: Tier): Tier => (tier === 'key' ? 'regular' : 'key');

async function write(id: string, properties: Record<string, string>): Promise<void> {
  const outcome = await gatewayFor(emulator).batchUpdate('companies', [{ id, properties }]);
  expect(outcome.failures).toEqual([]);
}

async function read(id: string): Promise<Record<string, string | null>> {
  const { records } = await gatewayFor(emulator).batchRead(
    'companies',
    [id],
    [
      'kam_tier',
      'kam_tier_computed',
      'kam_tier_previous',
      'kam_tier_changed_at',
      'kam_tier_direction',
      'kam_strategy',
      'kam_tier_pinned',
      'kam_pin_reason',
    ],
  );
  return records[0]!.properties;
}

/**
 * The model's own last verdict on a company, as a scoring writes it: the computed tier, and in the
 * explanation the tier it passed by thresholds (the threshold's hysteresis starts from that one).
 */
async function lastComputed(id: string, tier: Tier): Promise<Record<string, string>> {
  const { records } = await gatewayFor(emulator).batchRead('companies', [id], ['kam_explanation']);
  const explanation = records[0]!.properties.kam_explanation ?? '';
  return {
    kam_tier_computed: tier,
    kam_explanation: explanation.replace(/"thresholdTier":"[a-z]+"/, `"thresholdTier":"${tier}"`),
  };
}

const pin = (tier: Tier, expiresAt = EXPIRES_AT) =>
  pinPropertiesOf({ tier, reason: 'strategic partner', expiresAt, pinnedBy: 'kam@example.com' });

/** Syncs once and returns a scored company with its computed tier. */
async function scoredCompany(index = 0) {
  const first = await sync(gatewayFor(emulator));
  const company = first.scored[index]!;
  return { id: company.id, computed: company.tier, strategy: company.desired.kam_strategy };
}

describe('tier pin in the portfolio sync', () => {
  test('writes the computed tier beside the tier on every company', async () => {
    const first = await sync(gatewayFor(emulator));
    for (const write of first.writes) {
      expect(write.properties.kam_tier_computed).toBe(write.properties.kam_tier);
    }
  });

  test('keeps the pinned tier in kam_tier while the computed tier is stored beside it, with the trail', async () => {
    const { id, computed } = await scoredCompany();
    const pinned = otherTier(computed);
    await write(id, pin(pinned));

    const second = await sync(gatewayFor(emulator));

    expect(second.writes.find((w) => w.id === id)?.properties).toMatchObject({
      kam_tier: pinned,
      kam_tier_previous: computed,
      kam_tier_direction: pinned === 'key' ? 'up' : 'down',
    });
    expect(await read(id)).toMatchObject({ kam_tier: pinned, kam_tier_computed: computed });
    // Rescoring again with the pin in force changes nothing.
    expect((await sync(gatewayFor(emulator))).writes).toEqual([]);
  });

  test('a pinned strategy replaces the computed strategy while the pin lasts', async () => {
    const { id, computed, strategy } = await scoredCompany();
    const pinnedStrategy = strategy === 'withdraw' ? 'protect_ties' : 'withdraw';
    await write(id, { ...pin(computed), kam_strategy_pinned: pinnedStrategy });

    await sync(gatewayFor(emulator));

    expect(await read(id)).toMatchObject({ kam_tier: computed, kam_strategy: pinnedStrategy });
  });

  test('a pin without an expiry date lasts until it is cleared', async () => {
    const { id, computed } = await scoredCompany();
    await write(id, { ...pin(otherTier(computed)), kam_pin_expires_at: '' });

    await sync(gatewayFor(emulator), { now: AFTER_EXPIRY });

    expect((await read(id)).kam_tier).toBe(otherTier(computed));
  });

  test('a lapsed pin gives way to the computed tier with the normal trail and stays as history', async () => {
    const { id, computed } = await scoredCompany();
    const pinned = otherTier(computed);
    await write(id, pin(pinned));
    await sync(gatewayFor(emulator));

    const lapsed = await sync(gatewayFor(emulator), { now: AFTER_EXPIRY });

    expect(lapsed.writes.find((w) => w.id === id)?.properties).toMatchObject({
      kam_tier: computed,
      kam_tier_previous: pinned,
      kam_tier_changed_at: AFTER_EXPIRY.toISOString(),
      kam_tier_direction: pinned === 'key' ? 'down' : 'up',
    });
    expect(lapsed.summary.tierChanges.list).toContainEqual(
      expect.objectContaining({ id, from: pinned, to: computed }),
    );
    expect(await read(id)).toMatchObject({
      kam_tier: computed,
      kam_tier_pinned: pinned,
      kam_pin_reason: 'strategic partner',
    });
  });
});

describe('hysteresis follows the computed tier, never the pinned one', () => {
  /**
   * A model whose key threshold sits just above the company's score: only hysteresis can keep it
   * `key`, and only when the previous tier it starts from is `key`.
   */
  async function companyJustBelowKey(): Promise<{ id: string; model: ScoringModel }> {
    const first = await sync(gatewayFor(emulator));
    const company = first.scored.find((c) => c.score >= 30 && c.score <= 90);
    if (!company) throw new Error('no company with a mid-range score in the portfolio');
    const model: ScoringModel = {
      ...DEFAULT_SCORING_MODEL,
      tiers: {
        ...DEFAULT_SCORING_MODEL.tiers,
        key: company.score + 2,
        important: company.score - 20,
        hysteresis: 5,
      },
    };
    return { id: company.id, model };
  }

  test('a pinned key tier does not hold up a computed important tier through the dead band', async () => {
    const { id, model } = await companyJustBelowKey();
    await write(id, { ...pin('key'), kam_tier: 'key', ...(await lastComputed(id, 'important')) });

    const result = await rescoreCompany({ gateway: gatewayFor(emulator), companyId: id, model, now: NOW });

    expect(result.score.tier).toBe('important');
    expect(await read(id)).toMatchObject({ kam_tier: 'key', kam_tier_computed: 'important' });
  });

  test('a pinned regular tier does not pull a computed key tier out of the dead band', async () => {
    const { id, model } = await companyJustBelowKey();
    await write(id, { ...pin('regular'), kam_tier: 'regular', ...(await lastComputed(id, 'key')) });

    await sync(gatewayFor(emulator), { scorer: createPortfolioScorer(model) });

    expect(await read(id)).toMatchObject({ kam_tier: 'regular', kam_tier_computed: 'key' });
  });

  test('when the pin lapses, the tier returns to what hysteresis computed, not the pinned tier', async () => {
    const { id, model } = await companyJustBelowKey();
    await write(id, { ...pin('key'), kam_tier: 'key', ...(await lastComputed(id, 'important')) });

    await rescoreCompany({ gateway: gatewayFor(emulator), companyId: id, model, now: AFTER_EXPIRY });

    expect(await read(id)).toMatchObject({
      kam_tier: 'important',
      kam_tier_computed: 'important',
      kam_tier_previous: 'key',
      kam_tier_direction: 'down',
    });
  });
});

describe('tier pin in rescoreCompany', () => {
  test('rescoring one company keeps its pin and agrees with the sync', async () => {
    const { id, computed } = await scoredCompany(3);
    await write(id, pin(otherTier(computed)));

    const result = await rescoreCompany({
      gateway: gatewayFor(emulator),
      companyId: id,
      model: DEFAULT_SCORING_MODEL,
      now: NOW,
    });

    expect(result.changedProperties).toMatchObject({ kam_tier: otherTier(computed) });
    expect(result.changedProperties).not.toHaveProperty('kam_tier_computed');
    expect((await sync(gatewayFor(emulator), { scope: { kind: 'ids', ids: [id] } })).writes).toEqual([]);
  });
});
