/**
 * `keystone_pin_tier` and `keystone_recalculate_company` end to end: `main(context)` against the
 * emulator. Pinning needs the admin key and rescores at once; the recalculate button keeps the pin
 * until it lapses, and then writes the computed tier with the normal trail.
 */
import type { RunningEmulator } from '../../../emulator/index';
import { pinTier as definePinTier } from '../../../src/app/functions/handlers/pin-tier';
import { recalculateCompany as defineRecalculate } from '../../../src/app/functions/handlers/recalculate-company';
import type { Tier } from '../../../src/engine/core/enums';
import { fillPortal, gatewayFor, NOW, portalWithPortfolio, sync, TOKEN } from '../../support/portal';
import { ADMIN_KEY, useFunctionEnv } from './function-env';

const COMPANIES = 5;
const DAY_MS = 24 * 3600_000;
const EXPIRES_AT = new Date(NOW.getTime() + 30 * DAY_MS).toISOString();
const ADMIN = { userId: '7001', email: 'kam.lead@example.com' };
let emulator: RunningEmulator;
let clock = NOW;

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
beforeEach(async () => {
  clock = NOW;
  await fillPortal(emulator, COMPANIES);
});
afterAll(() => emulator.close());

useFunctionEnv(() => ({
  PRIVATE_APP_ACCESS_TOKEN: TOKEN,
  HUBSPOT_BASE_URL: emulator.url,
  KEYSTONE_ADMIN_KEY: ADMIN_KEY,
}));

// The functions run on an injected clock, so expiry is tested without waiting.
const pinTier = definePinTier({ env: process.env, now: () => clock });
const recalculate = defineRecalculate({ env: process.env, now: () => clock });

const otherTier = (tier: Tier): Tier => (tier === 'key' ? 'regular' : 'key');

async function read(id: string): Promise<Record<string, string | null>> {
  const { records } = await gatewayFor(emulator).batchRead(
    'companies',
    [id],
    [
      'kam_tier',
      'kam_tier_computed',
      'kam_tier_previous',
      'kam_tier_direction',
      'kam_tier_pinned',
      'kam_pin_reason',
      'kam_pin_expires_at',
      'kam_pinned_by',
    ],
  );
  return records[0]!.properties;
}

async function scoredCompany(): Promise<{ id: string; computed: Tier }> {
  const first = await sync(gatewayFor(emulator));
  const company = first.scored[0]!;
  return { id: company.id, computed: company.tier };
}

const setPin = (companyId: string, tier: Tier, overrides: Record<string, unknown> = {}) =>
  pinTier({
    propertiesToSend: { hs_object_id: companyId },
    parameters: {
      action: 'set',
      tier,
      reason: 'board-level partnership',
      expiresAt: EXPIRES_AT,
      adminKey: ADMIN_KEY,
      actingUser: ADMIN,
      ...overrides,
    },
  });

describe('keystone_pin_tier', () => {
  test('pins the tier and rescores at once: kam_tier holds the pin, the computed tier sits beside it', async () => {
    const { id, computed } = await scoredCompany();
    const pinned = otherTier(computed);

    const result = await setPin(id, pinned);

    expect(result).toMatchObject({ ok: true, companyId: id, tier: pinned, computedTier: computed });
    expect(await read(id)).toMatchObject({
      kam_tier: pinned,
      kam_tier_computed: computed,
      kam_tier_previous: computed,
      kam_tier_pinned: pinned,
      kam_pin_reason: 'board-level partnership',
      kam_pinned_by: 'kam.lead@example.com (user 7001)',
    });
    expect(Date.parse((await read(id)).kam_pin_expires_at ?? '')).toBe(Date.parse(EXPIRES_AT));
  });

  test('clearing the pin writes the computed tier back with the trail', async () => {
    const { id, computed } = await scoredCompany();
    const pinned = otherTier(computed);
    await setPin(id, pinned);

    const result = await pinTier({
      parameters: { action: 'clear', companyId: id, adminKey: ADMIN_KEY, actingUser: ADMIN },
    });

    expect(result).toMatchObject({ ok: true, tier: computed, computedTier: computed });
    expect(await read(id)).toMatchObject({
      kam_tier: computed,
      kam_tier_previous: pinned,
      kam_tier_pinned: null,
      kam_pin_reason: null,
    });
  });

  test.each([
    ['a wrong admin key', { adminKey: 'not-the-key-0123456789abcdef' }, 'auth.forbidden', undefined],
    ['an empty reason', { reason: '   ' }, 'input.invalid', 'reason'],
    ['no expiry', { expiresAt: undefined }, 'input.invalid', 'expiresAt'],
    ['an expiry that is not a date', { expiresAt: 'next spring' }, 'input.invalid', 'expiresAt'],
    ['an expiry in the past', { expiresAt: '2026-10-01T00:00:00Z' }, 'input.invalid', 'expiresAt'],
    ['an expiry more than a year ahead', { expiresAt: '2028-01-01T00:00:00Z' }, 'input.invalid', 'expiresAt'],
    ['a tier that does not exist', { tier: 'platinum' }, 'input.invalid', 'tier'],
  ])('refuses %s and writes nothing', async (_label, overrides, code, path) => {
    const { id, computed } = await scoredCompany();

    const result = await setPin(id, otherTier(computed), overrides);

    expect(result).toMatchObject({ ok: false, error: { code } });
    if (path && !result.ok) expect(result.error.issues?.map((issue) => issue.path)).toContain(path);
    expect(await read(id)).toMatchObject({ kam_tier: computed, kam_tier_pinned: null });
  });

  test('is off, for everyone, while the admin key secret is not set', async () => {
    const { id, computed } = await scoredCompany();
    delete process.env.KEYSTONE_ADMIN_KEY;

    await expect(setPin(id, otherTier(computed))).resolves.toMatchObject({
      ok: false,
      error: { code: 'auth.not_configured', message: expect.stringMatching(/^pinning a tier is off/) },
    });
  });
});

describe('keystone_recalculate_company with a pin', () => {
  test('keeps the pinned tier while the pin lasts', async () => {
    const { id, computed } = await scoredCompany();
    await setPin(id, otherTier(computed));

    await expect(recalculate({ propertiesToSend: { hs_object_id: id } })).resolves.toMatchObject({
      ok: true,
      changedProperties: [],
    });
    expect((await read(id)).kam_tier).toBe(otherTier(computed));
  });

  test('writes the computed tier with the trail once the pin has lapsed', async () => {
    const { id, computed } = await scoredCompany();
    const pinned = otherTier(computed);
    await setPin(id, pinned);
    clock = new Date(Date.parse(EXPIRES_AT) + DAY_MS);

    const result = await recalculate({ propertiesToSend: { hs_object_id: id } });

    expect(result).toMatchObject({ ok: true });
    if (result.ok) {
      expect(result.changedProperties).toEqual(
        expect.arrayContaining([
          'kam_tier',
          'kam_tier_previous',
          'kam_tier_changed_at',
          'kam_tier_direction',
        ]),
      );
    }
    expect(await read(id)).toMatchObject({
      kam_tier: computed,
      kam_tier_previous: pinned,
      kam_tier_direction: pinned === 'key' ? 'down' : 'up',
      // The lapsed pin stays on the record as history.
      kam_tier_pinned: pinned,
    });
  });
});
