import { makeOp, nextRevealAt, noticesDueForReveal, type Notice, type Op } from '../core/index.ts';
import { wallClock, type Clock } from './clock.ts';
import type { Hub } from './hub.ts';

function revealOp(notice: Notice, at: Date): Op {
  return makeOp({ actor: { kind: 'system', id: 'notice-reveal' }, device: 'hub', at }, { type: 'notice.reveal', payload: { notice } });
}

export interface NoticeReveals {
  /** Reveals what is due by the hub's clock now and plans the next look (also what the timer does). */
  tick(): void;
  stop(): void;
}

/**
 * Shows each notice on kiosks once its staff-only lead is over, by submitting
 * notice.reveal as the hub itself. Re-plans after every commit and on start,
 * so a hub restarted during a lead still reveals (late ones at once).
 */
export function startNoticeReveals(hub: Hub, clock: Clock = wallClock): NoticeReveals {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const plan = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = null;
    const now = new Date(clock());
    for (const n of noticesDueForReveal(hub.current, now.toISOString())) {
      void hub.submit(revealOp(n, now), { kind: 'system' }).then((ack) => {
        if (!ack.ok) console.error(`GateCare: notice ${n.id} could not be revealed to kiosks: ${ack.reason}`);
      });
    }
    const next = nextRevealAt(hub.current);
    if (next !== null) timer = setTimeout(plan, Math.max(0, Date.parse(next) - clock()) + 5);
  };

  hub.on('committed', plan);
  plan();
  return {
    tick: plan,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      hub.off('committed', plan);
    },
  };
}
