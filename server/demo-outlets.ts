import type { OpBody } from '../core/index.ts';

/**
 * Three outlets in terminal 2E, enrolled by the demo duty manager at the first start: a café and a
 * restaurant taking meal vouchers, and the desk of the demo hotel nearest the terminal
 * (server/demo-hotels.ts), which takes hotel vouchers and checks its guests in.
 */
export const DEMO_OUTLETS: ReadonlyArray<Extract<OpBody, { type: 'outlet.enroll' }>['payload']> = [
  { outletId: 'demo-2e-cafe', name: 'Café 2E — Hall K', kind: 'cafe', accepts: ['meal'] },
  { outletId: 'demo-2e-restaurant', name: 'Brasserie 2E', kind: 'restaurant', accepts: ['meal'] },
  { outletId: 'demo-2e-hotel-desk', name: 'Hôtel Aérogare Roissy — desk', kind: 'hotel-desk', accepts: ['hotel'], hotelId: 'aerogare-roissy' },
];

/** The duty manager who enrols them, as one would from each outlet's set-up screen. */
export const DEMO_OUTLET_MANAGER = 'M201';
