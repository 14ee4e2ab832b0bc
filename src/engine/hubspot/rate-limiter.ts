/**
 * A limiter aligned with HubSpot's rolling windows: it remembers when each of its last
 * `maxRequests` grants happened and lets the next request go only once the oldest of them
 * has left the window. HubSpot counts requests per rolling 10 s (190 for Professional and
 * Enterprise private apps, shared by every app in the portal), and search per second.
 */
export type Clock = { now: () => number; sleep: (ms: number) => Promise<void> };

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type RollingWindowOptions = {
  maxRequests: number;
  windowMs: number;
  /** Added to the window: requests arrive at HubSpot a little after we send them. */
  safetyMarginMs?: number;
};

// The widest margin `widenMargin` goes to: a second of every window is a lot to give up.
const MAX_SAFETY_MARGIN_MS = 1_000;

export class RollingWindowLimiter {
  private readonly grants: number[] = [];
  private head = 0;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private marginMs: number;
  private widenedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: RollingWindowOptions,
    private readonly clock: Clock = realClock,
  ) {
    if (!(options.maxRequests >= 1) || !(options.windowMs > 0)) {
      throw new RangeError(
        `rate limiter needs maxRequests ≥ 1 and windowMs > 0, got ${JSON.stringify(options)}`,
      );
    }
    this.marginMs = options.safetyMarginMs ?? 0;
  }

  /** The margin now added to the window (it only grows, see `widenMargin`). */
  get safetyMarginMs(): number {
    return this.marginMs;
  }

  /**
   * The portal refused a request this limiter had room for: it still counted some of ours that
   * we stamped as gone, so they reached it later than the margin allows (a slow network, a queue
   * at the server). Doubles the margin (to at least 100 ms, at most 1 s) for the rest of the
   * run; the refusals of one burst teach it once, so it widens at most once per window.
   */
  widenMargin(): void {
    const now = this.clock.now();
    if (now - this.widenedAt < this.options.windowMs) return;
    this.widenedAt = now;
    this.marginMs = Math.min(MAX_SAFETY_MARGIN_MS, Math.max(100, 2 * this.marginMs));
  }

  /** Resolves when one more request may be sent; callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Stop granting until `untilMs` (a 429's Retry-After, or the portal's own remaining count). */
  pauseUntil(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const window = this.options.windowMs + this.marginMs;
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      const inWindow = this.grants.length - this.head;
      if (inWindow < this.options.maxRequests) break;
      const oldest = this.grants[this.head] as number;
      if (now - oldest >= window) {
        this.head += 1;
        continue;
      }
      await this.clock.sleep(oldest + window - now);
    }
    this.grants.push(this.clock.now());
    // Keep the log bounded: drop what can no longer matter.
    if (this.head > 4096) {
      this.grants.splice(0, this.head);
      this.head = 0;
    }
  }
}
