/** Slows down PIN guessing: each failure doubles the wait for that staff id, from the third on. */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  waitMs(id: string): number {
    const f = this.failures.get(id);
    return f ? Math.max(0, f.until - this.now()) : 0;
  }

  failed(id: string): void {
    const count = (this.failures.get(id)?.count ?? 0) + 1;
    const delay = count < 3 ? 0 : Math.min(15 * 60_000, 1000 * 2 ** (count - 3));
    this.failures.set(id, { count, until: this.now() + delay });
  }

  succeeded(id: string): void {
    this.failures.delete(id);
  }
}
