import { flightsDueForPurge, makeOp } from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { Clock } from './clock.ts';

export interface PurgeTimer {
  /** Checks once now (also what the interval does). */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Every `everyMs`, submits `passengers.purge` for each flight that closed `afterHours` ago and
 * still holds passenger personal data. The operation goes through the log like any other,
 * so every device blanks the same fields and a restarted hub replays the same result.
 */
export function startPurgeTimer(hub: Hub, afterHours: number, everyMs: number, now: Clock): PurgeTimer {
  let running: Promise<void> | null = null;
  const purgeDue = async (): Promise<void> => {
    for (const flightId of flightsDueForPurge(hub.current, now(), afterHours)) {
      const op = makeOp(
        { actor: { kind: 'system', id: 'purge-timer' }, device: 'hub', at: new Date(now()) },
        { type: 'passengers.purge', payload: { flightId } },
      );
      const ack = await hub.submit(op, { kind: 'system' });
      if (!ack.ok) console.error(`GateCare: purging personal data of flight ${flightId} failed: ${ack.reason}`);
    }
  };
  // One pass at a time; a tick during a pass waits for it rather than submitting twice.
  const tick = (): Promise<void> => {
    if (!running) {
      running = purgeDue().finally(() => {
        running = null;
      });
    }
    return running;
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
