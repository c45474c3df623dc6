import { airportClock, type CareRequest, type Need, type VoucherKind } from '../../core/index.ts';

export const NEED_LABEL: Record<Need, string> = {
  water: 'Water',
  food: 'Food',
  blanket: 'Blanket',
  hotel: 'Hotel',
  medical: 'Medical help',
  mobility: 'Mobility',
  baby: 'Baby care',
  medication_diet: 'Medication / diet',
  charging: 'Charging',
  rebooking: 'Rebooking info',
  other: 'Other',
};

export const VOUCHER_LABEL: Record<VoucherKind, string> = { meal: 'Meal', hotel: 'Hotel', taxi: 'Taxi', other: 'Other' };

export const STOCK_TITLE = { water: 'Water', blanket: 'Blankets', snack: 'Snacks', baby_kit: 'Baby kits' } as const;

export function partyText(p: CareRequest['party']): string {
  return [
    `${p.adults} adult${p.adults === 1 ? '' : 's'}`,
    p.children ? `${p.children} child${p.children === 1 ? '' : 'ren'}` : '',
    p.infants ? `${p.infants} infant${p.infants === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** 24-hour clock in the airport's time zone (airportTimeZone(state)), whatever the tablet's own zone. */
export function clockTime(iso: string, timeZone: string): string {
  return airportClock(iso, timeZone);
}
