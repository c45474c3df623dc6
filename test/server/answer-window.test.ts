import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnswerWindow } from '../../server/answer-window.ts';

/** What the hub did before: a Map in first-remembered order, its oldest keys deleted beyond the limit. */
class MapWindow {
  readonly map = new Map<string, number>();
  constructor(private readonly limit: number) {}
  set(id: string, v: number): void {
    this.map.set(id, v);
  }
  trim(): void {
    for (const oldest of this.map.keys()) {
      if (this.map.size <= this.limit) break;
      this.map.delete(oldest);
    }
  }
}

const step = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), id: fc.integer({ min: 0, max: 40 }), v: fc.integer() }),
  fc.record({ kind: fc.constant('remember' as const), id: fc.integer({ min: 0, max: 40 }), v: fc.integer() }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 40 }) }),
);

describe("the hub's window of answers for duplicates", () => {
  it('forgets exactly what a Map forgetting its oldest keys would, after any sequence of answers, replacements and deletions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(step, { maxLength: 300 }), (limit, steps) => {
        const window = new AnswerWindow<number>(limit);
        const model = new MapWindow(limit);
        for (const s of steps) {
          const id = `op-${s.id}`;
          if (s.kind === 'delete') {
            window.delete(id);
            model.map.delete(id);
            continue;
          }
          window.set(id, s.v);
          model.set(id, s.v);
          if (s.kind === 'remember') {
            window.trim();
            model.trim();
          }
          expect(window.size).toBe(model.map.size);
        }
        for (let i = 0; i <= 40; i++) expect(window.get(`op-${i}`)).toBe(model.map.get(`op-${i}`));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the last 100,000 of a long day and forgets the ones before', () => {
    const window = new AnswerWindow<number>(100_000);
    for (let i = 0; i < 250_000; i++) {
      window.set(`op-${i}`, i);
      window.trim();
    }
    expect(window.size).toBe(100_000);
    expect(window.get('op-149999')).toBeUndefined();
    expect(window.get('op-150000')).toBe(150_000);
    expect(window.get('op-249999')).toBe(249_999);
  });
});
