import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { noteMapWrite } from '../../core/map-writes.ts';
import { freezeMap } from '../../server/frozen-map.ts';
import { jsonSlices } from '../../server/sliced-json.ts';

/** An in-place write as core/in-place-writes.ts makes it: stored, then noted. */
function write(map: Record<string, { n: number }>, key: string, n: number): void {
  const prev = map[key];
  const next = { n };
  map[key] = next;
  noteMapWrite(map, key, prev, next);
}

// Index-like keys ("7") are ordered first by objects, so they are in the mix on purpose.
const key = fc.oneof(fc.stringMatching(/^r[a-f0-9]{1,3}$/), fc.nat({ max: 40 }).map(String));
const writes = fc.array(fc.tuple(key, fc.integer()), { maxLength: 400 });

describe('a frozen map reads as the map was when frozen', () => {
  it('whatever is written before, during and after another freeze', () => {
    fc.assert(
      fc.property(writes, writes, writes, (before, during, after) => {
        const map: Record<string, { n: number }> = {};
        for (const [k, n] of before) write(map, k, n);
        // A first freeze starts following the map's keys; the second one is read.
        freezeMap(map).release();
        for (const [k, n] of during) write(map, k, n);
        const expected = JSON.stringify(map);
        const frozen = freezeMap(map);
        for (const [k, n] of after) write(map, k, n);
        expect(JSON.stringify(frozen.view)).toBe(expected);
        expect([...jsonSlices({ requests: frozen.view }, 0)].join('')).toBe(`{"requests":${expected}}`);
        frozen.release();
      }),
      { numRuns: 300 },
    );
  });

  it('in many slices once the map is large, still exactly the frozen JSON', () => {
    const map: Record<string, { n: number }> = {};
    for (let i = 0; i < 1000; i++) write(map, `r${i}`, i);
    const expected = JSON.stringify({ requests: map });
    const frozen = freezeMap(map);
    const slices: string[] = [];
    for (const part of jsonSlices({ requests: frozen.view }, 0)) {
      slices.push(part);
      // Written while the checkpoint is being made: an existing key changed, a new one added.
      write(map, `r${slices.length}`, -1);
      write(map, `new${slices.length}`, -1);
    }
    expect(slices.length).toBeGreaterThan(100);
    expect(slices.join('')).toBe(expected);
    frozen.release();
  });
});
