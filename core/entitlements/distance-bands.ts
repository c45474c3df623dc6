import type { DistanceBand } from './types.ts';

export function distanceBand(distanceKm: number): DistanceBand {
  if (distanceKm <= 1500) return 'up_to_1500';
  if (distanceKm <= 3500) return '1500_to_3500';
  return 'over_3500';
}

/** EU 261 / UK261 Art. 6(1): 2 h up to 1500 km; 3 h within the region over 1500 km or up to 3500 km; 4 h beyond. */
export function careThresholdMinutes(distanceKm: number, withinRegion: boolean): number {
  if (distanceKm <= 1500) return 120;
  if (withinRegion || distanceKm <= 3500) return 180;
  return 240;
}
