import type { CareRequest } from './model.ts';

/** Queue tiers, most urgent first (EU 261 Art. 11 puts reduced mobility and lone children first). */
export const PRIORITY_TIERS = ['medical', 'infant', 'child', 'unaccompanied_minor', 'standard'] as const;
export type PriorityTier = (typeof PRIORITY_TIERS)[number];

export const PRIORITY_LABEL: Record<PriorityTier, string> = {
  medical: 'Medical / mobility',
  infant: 'Infant',
  child: 'Children',
  unaccompanied_minor: 'Unaccompanied minor',
  standard: '',
};

export function priorityTier(r: Pick<CareRequest, 'needs' | 'party' | 'unaccompaniedMinor'>): PriorityTier {
  if (r.needs.includes('medical') || r.needs.includes('mobility')) return 'medical';
  if (r.party.infants > 0 || r.needs.includes('baby')) return 'infant';
  if (r.party.children > 0) return 'child';
  if (r.unaccompaniedMinor) return 'unaccompanied_minor';
  return 'standard';
}

/** Queue order: tier, then who has waited longest, then id so every tablet shows the same order. */
export function compareQueue(a: CareRequest, b: CareRequest): number {
  const t = PRIORITY_TIERS.indexOf(priorityTier(a)) - PRIORITY_TIERS.indexOf(priorityTier(b));
  if (t !== 0) return t;
  const w = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (w !== 0) return w;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The same order as compareQueue, with each request's tier and time worked out once rather than
 * on every comparison: a tablet sorts thousands of requests on every push.
 */
export function queueOrder(requests: readonly CareRequest[]): CareRequest[] {
  const keyed = requests.map((r) => ({ r, tier: PRIORITY_TIERS.indexOf(priorityTier(r)), at: Date.parse(r.createdAt) }));
  keyed.sort((a, b) => a.tier - b.tier || a.at - b.at || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
  return keyed.map((k) => k.r);
}
