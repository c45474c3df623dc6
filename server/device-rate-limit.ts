import type { Clock } from './clock.ts';

/**
 * Token buckets keyed by device (kiosk device id or staff id), shared by all of that
 * device's sockets, so reconnecting or opening more sockets does not reset the allowance.
 */
export class DeviceRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: Clock,
  ) {}

  /** Takes one token: 0 when allowed, otherwise the milliseconds until one is free. */
  take(key: string): number {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      if (this.buckets.size > 10_000) this.forgetFull(now);
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / this.perSecond) * 1000);
  }

  /** Devices idle long enough to be full again carry no information. */
  private forgetFull(now: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(k);
    }
  }
}
