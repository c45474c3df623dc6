import type { StaffMember } from '../core/index.ts';

/** PIN of every bench account (never a real deployment: the bench hub lives in a temp folder). */
export const BENCH_PIN = '2580';

export const GATES = Array.from({ length: 20 }, (_, i) => `K${30 + i}`);
/** Agents work in pairs of neighbouring gates, as at a real pier. */
export const GATE_PAIRS = Array.from({ length: 10 }, (_, i) => [GATES[2 * i]!, GATES[2 * i + 1]!]);

export const AGENTS = 190;
export const MANAGERS = 10;

/** 190 agents spread over the ten gate pairs, and 10 duty managers who see everything. */
export function benchStaff(): StaffMember[] {
  const agents = Array.from({ length: AGENTS }, (_, i): StaffMember => ({
    id: `B${String(i).padStart(3, '0')}`,
    firstName: `Agent${i}`,
    lastName: 'Bench',
    role: 'agent',
    gates: GATE_PAIRS[i % GATE_PAIRS.length]!,
  }));
  const managers = Array.from({ length: MANAGERS }, (_, i): StaffMember => ({
    id: `N${String(i).padStart(3, '0')}`,
    firstName: `Manager${i}`,
    lastName: 'Bench',
    role: 'duty_manager',
    gates: GATES,
  }));
  return [...agents, ...managers];
}

/** Position of an agent among the agents sharing its gate pair, to split the claiming. */
export function agentSlot(i: number): { index: number; of: number } {
  const pair = i % GATE_PAIRS.length;
  const of = Math.floor(AGENTS / GATE_PAIRS.length) + (pair < AGENTS % GATE_PAIRS.length ? 1 : 0);
  return { index: Math.floor(i / GATE_PAIRS.length), of };
}
