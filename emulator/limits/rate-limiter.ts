/**
 * HubSpot's rate limits for a private app (developers.hubspot.com/docs/guides/apps/api-usage/usage-details):
 * a rolling window (190 requests per 10 s on Professional/Enterprise), a separate per-second
 * window for search (5 per second) and a daily quota. The 429 bodies match HubSpot's, including the
 * exact messages @hubspot/api-client's RetryDecorator compares against.
 */
import { randomUUID } from 'node:crypto';
import { errorBody, type HubSpotErrorBody } from '../http/errors';

/** Requests accepted in the last `windowMs`, kept as a queue of timestamps. */
export class RollingWindow {
  private readonly stamps: number[] = [];
  private head = 0;

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  private evict(nowMs: number): void {
    while (this.head < this.stamps.length && this.stamps[this.head]! <= nowMs - this.windowMs) this.head++;
    // Compact now and then so the queue does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Takes one slot; false when the window is full (the request is rejected and not counted). */
  tryTake(nowMs: number): boolean {
    this.evict(nowMs);
    if (this.stamps.length - this.head >= this.max) return false;
    this.stamps.push(nowMs);
    return true;
  }

  remaining(nowMs: number): number {
    this.evict(nowMs);
    return Math.max(0, this.max - (this.stamps.length - this.head));
  }
}

/** The daily quota; HubSpot resets it at midnight in the portal's time zone (UTC here). */
export class DailyQuota {
  private day = '';
  private used = 0;

  constructor(readonly max: number) {}

  private roll(nowMs: number): void {
    const day = new Date(nowMs).toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
  }

  tryTake(nowMs: number): boolean {
    this.roll(nowMs);
    if (this.used >= this.max) return false;
    this.used++;
    return true;
  }

  remaining(nowMs: number): number {
    this.roll(nowMs);
    return Math.max(0, this.max - this.used);
  }
}

export type RateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';

const MESSAGES: Record<RateLimitPolicy, string> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  // The retry decorator of @hubspot/api-client matches this exact text to retry searches.
  SECONDLY: 'You have reached your secondly limit.',
  DAILY: 'You have reached your daily limit.',
};

/** HubSpot's 429 body: `policyName` says which limit was hit (the client's retry logic reads it). */
export function rateLimitBody(policy: RateLimitPolicy): HubSpotErrorBody {
  return errorBody('RATE_LIMITS', MESSAGES[policy], {
    errorType: 'RATE_LIMIT',
    policyName: policy,
    requestId: randomUUID(),
  });
}

export interface RateLimitSettings {
  /** Requests per rolling 10 seconds (HubSpot Professional/Enterprise private app: 190). */
  perTenSeconds: number;
  /** Requests per day (Professional 650,000; Enterprise 1,000,000). */
  daily: number;
}

/** One token's limits: HubSpot counts per app per portal. */
export class TokenLimits {
  readonly tenSecondly: RollingWindow;
  readonly secondlySearch: RollingWindow;
  readonly daily: DailyQuota;

  constructor(settings: RateLimitSettings, searchPerSecond: number) {
    this.tenSecondly = new RollingWindow(settings.perTenSeconds, 10_000);
    this.secondlySearch = new RollingWindow(searchPerSecond, 1_000);
    this.daily = new DailyQuota(settings.daily);
  }

  /** Takes the slots a request needs, or names the policy that refuses it. */
  admit(nowMs: number, isSearch: boolean): RateLimitPolicy | null {
    if (this.daily.remaining(nowMs) <= 0) return 'DAILY';
    if (this.tenSecondly.remaining(nowMs) <= 0) return 'TEN_SECONDLY_ROLLING';
    if (isSearch && !this.secondlySearch.tryTake(nowMs)) return 'SECONDLY';
    this.tenSecondly.tryTake(nowMs);
    this.daily.tryTake(nowMs);
    return null;
  }

  headers(nowMs: number): Record<string, string> {
    return {
      'X-HubSpot-RateLimit-Max': String(this.tenSecondly.max),
      'X-HubSpot-RateLimit-Remaining': String(this.tenSecondly.remaining(nowMs)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(this.tenSecondly.windowMs),
      'X-HubSpot-RateLimit-Daily': String(this.daily.max),
      'X-HubSpot-RateLimit-Daily-Remaining': String(this.daily.remaining(nowMs)),
    };
  }
}
