/**
 * How often each card rendered, counted in test builds only (vitest runs with MODE 'test'; a
 * production build sees a constant false and drops the branch): lets a test prove that a push
 * re-renders only the card it changed.
 */
export const cardRenders = new Map<string, number>();

export function countCardRender(ticket: string): void {
  if (import.meta.env.MODE === 'test') cardRenders.set(ticket, (cardRenders.get(ticket) ?? 0) + 1);
}

/** How often each card's hotel suggestion was worked out, in test builds only: a push that touches no hotel data must work out none. */
export const hotelSuggestions = new Map<string, number>();

export function countHotelSuggestion(ticket: string): void {
  if (import.meta.env.MODE === 'test') hotelSuggestions.set(ticket, (hotelSuggestions.get(ticket) ?? 0) + 1);
}
