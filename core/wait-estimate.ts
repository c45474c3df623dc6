import type { CareRequest, HubState } from './model.ts';

/**
 * How long a passenger should expect to wait, from the queue as the hub sees it.
 * Honest by construction: a range rather than a number, and it says whether it
 * comes from how fast staff actually delivered in the last hour or from a
 * typical pace because there is not enough recent history yet.
 */
export interface WaitEstimate {
  /** 1 = next to be picked up; 0 once someone is on the way or it is done. */
  position: number;
  minutes: { low: number; high: number } | null;
  basis: 'recent_pace' | 'typical_pace' | 'on_the_way' | 'done';
}

/** Minutes one agent takes for one request when there is no recent history to go by. */
export const TYPICAL_MINUTES_PER_REQUEST = 8;
/** How far back deliveries count as "recent pace". */
export const PACE_WINDOW_MINUTES = 60;
/** Fewer deliveries than this in the window is too little to measure a pace. */
export const MIN_DELIVERIES_FOR_PACE = 3;

const OPEN = new Set(['received', 'claimed']);

function roundUpTo5(m: number): number {
  return Math.max(5, Math.ceil(m / 5) * 5);
}

/** Agents covering the request's gate, and every gate those agents also serve (they share one queue). */
function servingPool(state: HubState, gate: string): { agents: Set<string>; gates: Set<string> } {
  const agents = new Set<string>();
  const gates = new Set<string>([gate]);
  for (const s of Object.values(state.staff)) {
    if (s.role !== 'agent' || !s.gates.includes(gate)) continue;
    agents.add(s.id);
    for (const g of s.gates) gates.add(g);
  }
  return { agents, gates };
}

export function estimateWait(state: HubState, request: CareRequest, nowIso: string): WaitEstimate {
  if (!OPEN.has(request.status)) return { position: 0, minutes: null, basis: 'done' };
  if (request.status === 'claimed') return { position: 0, minutes: null, basis: 'on_the_way' };

  const { agents, gates } = servingPool(state, request.gate);
  const now = Date.parse(nowIso);
  const since = now - PACE_WINDOW_MINUTES * 60_000;
  let ahead = 0;
  let recentDeliveries = 0;
  for (const r of Object.values(state.requests)) {
    if (!gates.has(r.gate)) continue;
    const earlier = r.createdAt < request.createdAt || (r.createdAt === request.createdAt && r.id < request.id);
    if (r.status === 'received' && earlier) ahead++;
    if (r.status === 'delivered' && r.deliveredAt && Date.parse(r.deliveredAt) >= since && Date.parse(r.deliveredAt) <= now) {
      recentDeliveries++;
    }
  }
  const position = ahead + 1;
  if (recentDeliveries >= MIN_DELIVERIES_FOR_PACE) {
    const perMinute = recentDeliveries / PACE_WINDOW_MINUTES;
    const expected = position / perMinute;
    return {
      position,
      minutes: { low: Math.max(1, Math.floor(expected * 0.75)), high: roundUpTo5(expected * 1.5) },
      basis: 'recent_pace',
    };
  }
  const rounds = Math.ceil(position / Math.max(1, agents.size));
  const expected = rounds * TYPICAL_MINUTES_PER_REQUEST;
  return {
    position,
    minutes: { low: Math.max(1, Math.floor(expected * 0.5)), high: roundUpTo5(expected * 2) },
    basis: 'typical_pace',
  };
}
