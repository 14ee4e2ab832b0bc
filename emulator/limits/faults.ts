/**
 * Injected failures for resilience tests: a share of requests answered 429 (ten-secondly, the
 * kind HubSpot's client retries) or 5xx. Draws come from a seeded generator so a run with the
 * same seed and the same request order fails the same requests.
 */
import { errorBody, type HubSpotErrorBody } from '../http/errors';
import { rateLimitBody } from './rate-limiter';

export interface FaultRates {
  /** Share of requests answered 429 TEN_SECONDLY_ROLLING, 0..1. */
  rate429: number;
  /** Share of requests answered 500/502/503/504, 0..1. */
  rate5xx: number;
}

/** mulberry32: small, fast and good enough to pick which requests fail. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVER_STATUSES = [500, 502, 503, 504] as const;

export class FaultInjector {
  private random: () => number;
  private rates: FaultRates;

  constructor(
    private readonly seed: number,
    rates: Partial<FaultRates> = {},
  ) {
    this.random = seededRandom(seed);
    this.rates = { rate429: rates.rate429 ?? 0, rate5xx: rates.rate5xx ?? 0 };
  }

  set(rates: Partial<FaultRates>): void {
    this.rates = { ...this.rates, ...rates };
  }

  current(): FaultRates {
    return { ...this.rates };
  }

  /** Restarts the sequence, so a reset emulator fails the same requests again. */
  reseed(): void {
    this.random = seededRandom(this.seed);
  }

  /** The failure to answer with, if this request is one of the unlucky ones. */
  draw(): { status: number; body: HubSpotErrorBody } | null {
    if (this.rates.rate429 <= 0 && this.rates.rate5xx <= 0) return null;
    const roll = this.random();
    if (roll < this.rates.rate429) return { status: 429, body: rateLimitBody('TEN_SECONDLY_ROLLING') };
    if (roll < this.rates.rate429 + this.rates.rate5xx) {
      const status = SERVER_STATUSES[Math.floor(this.random() * SERVER_STATUSES.length)]!;
      return {
        status,
        body: errorBody(
          'INTERNAL_ERROR',
          `Injected ${status} from the Keystone emulator (fault rate ${this.rates.rate5xx}).`,
        ),
      };
    }
    return null;
  }
}
