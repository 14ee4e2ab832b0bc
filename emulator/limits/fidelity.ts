/**
 * Knobs for HubSpot behaviours that are real but off (or Enterprise) by default in the emulator:
 * the portal's subscription tier, search index lag and per-input partial failures (207) of batch
 * writes. All draws are seeded, so a run with the same seed and request order fails the same inputs.
 *
 * Tier: custom objects need Enterprise (knowledge.hubspot.com/object-settings/create-custom-objects),
 * so a Professional portal answers 403 on the schemas API; its daily API limit is lower
 * (developers.hubspot.com/docs/guides/apps/api-usage/usage-details: private apps 190 per 10 s on
 * both; 625,000 a day on Professional, 1,000,000 on Enterprise).
 */
import { errorBody, type HubSpotErrorBody } from '../http/errors';
import { seededRandom } from './faults';
import type { RateLimitSettings } from './rate-limiter';

export const PORTAL_TIERS = ['professional', 'enterprise'] as const;
export type PortalTier = (typeof PORTAL_TIERS)[number];

export const TIER_RATE_LIMITS: Record<PortalTier, RateLimitSettings> = {
  professional: { perTenSeconds: 190, daily: 625_000 },
  enterprise: { perTenSeconds: 190, daily: 1_000_000 },
};

export interface FidelityKnobs {
  tier: PortalTier;
  /** How long a write takes to reach the search index, in ms (0: at once). */
  searchLagMs: number;
  /** Share of inputs of a property batch create or an object batch update that fail in a 207, 0..1. */
  batchFailureRate: number;
}

/** The scope HubSpot names in its 403 for the schemas API. */
const SCHEMA_SCOPE = 'crm.schemas.custom.read';

/** HubSpot's 403 for a portal without custom objects (Professional). */
export function customObjectsForbidden(): HubSpotErrorBody {
  return errorBody(
    'MISSING_SCOPES',
    "This app hasn't been granted all required scopes to make this call. Custom objects need a HubSpot Enterprise subscription.",
    {
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: [SCHEMA_SCOPE] },
        },
      ],
    },
  );
}

/**
 * Knobs from the environment, for CI runs of whole test suites with them on:
 * KAM_EMULATOR_SEARCH_LAG_MS, KAM_EMULATOR_BATCH_FAILURE_RATE, KAM_EMULATOR_TIER.
 * Explicit options win over these.
 */
export function knobsFromEnv(env: NodeJS.ProcessEnv): Partial<FidelityKnobs> {
  const knobs: Partial<FidelityKnobs> = {};
  const lag = Number(env.KAM_EMULATOR_SEARCH_LAG_MS);
  if (env.KAM_EMULATOR_SEARCH_LAG_MS && Number.isFinite(lag) && lag >= 0) knobs.searchLagMs = lag;
  const rate = Number(env.KAM_EMULATOR_BATCH_FAILURE_RATE);
  if (env.KAM_EMULATOR_BATCH_FAILURE_RATE && Number.isFinite(rate) && rate >= 0 && rate <= 1) {
    knobs.batchFailureRate = rate;
  }
  const tier = env.KAM_EMULATOR_TIER;
  if (tier === 'professional' || tier === 'enterprise') knobs.tier = tier;
  return knobs;
}

/** Picks which batch inputs fail; seeded and restarted by `reseed()` (an emulator reset). */
export class BatchFailureInjector {
  private random: () => number;

  constructor(
    private readonly seed: number,
    private rate: number,
  ) {
    this.random = seededRandom(seed ^ 0x5bd1e995);
  }

  set(rate: number): void {
    this.rate = rate;
  }

  current(): number {
    return this.rate;
  }

  reseed(): void {
    this.random = seededRandom(this.seed ^ 0x5bd1e995);
  }

  /** Whether this input fails. */
  fails(): boolean {
    return this.rate > 0 && this.random() < this.rate;
  }
}
