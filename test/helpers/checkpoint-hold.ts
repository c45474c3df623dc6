import { afterEach } from 'vitest';
import { Checkpoint } from '../../server/checkpoint.ts';

/**
 * The checkpoint's seams for the tests of a file: `hold()` stops the next checkpoint after its first
 * slice (`reached` once it waits there, `release()` lets it finish), `slice(ms)` sets how long a slice
 * runs; after each test neither holds any more.
 */
export function useCheckpointHold(): {
  hold(): { reached: Promise<void>; release: () => void };
  slice(ms: number): void;
} {
  const sliceMs = Checkpoint.sliceMs;
  afterEach(() => {
    Checkpoint.betweenSlices = null;
    Checkpoint.sliceMs = sliceMs;
  });
  return {
    hold() {
      let started!: () => void;
      const reached = new Promise<void>((r) => (started = r));
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      Checkpoint.betweenSlices = () => {
        started();
        return held;
      };
      return { reached, release };
    },
    slice(ms) {
      Checkpoint.sliceMs = ms;
    },
  };
}
