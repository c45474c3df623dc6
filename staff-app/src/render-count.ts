/**
 * How often each card rendered, counted in test builds only (vitest runs with MODE 'test'; a
 * production build sees a constant false and drops the branch): lets a test prove that a push
 * re-renders only the card it changed.
 */
export const cardRenders = new Map<string, number>();

export function countCardRender(ticket: string): void {
  if (import.meta.env.MODE === 'test') cardRenders.set(ticket, (cardRenders.get(ticket) ?? 0) + 1);
}
