// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cardRenders } from '../../staff-app/src/render-count.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useQueueScreen } from '../helpers/queue-screen.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { LUCAS, op } from '../helpers/ops.ts';

/**
 * The real queue screen (React in happy-dom) on a real sync client and hub: a push re-renders
 * only the card it changed. Cards count their renders in test builds (render-count.ts).
 */
describe('staff queue: a push re-renders only the card it changed', () => {
  const env = useTestHub();
  const screen = useQueueScreen(env);

  const kioskAsks = (surname: string): Promise<string> => screen.kioskAsks({ surname });

  const cardOf = (ticket: string) => document.querySelector(`[data-ticket="${ticket}"]`);

  it('a new request renders its own card only; a claim re-renders only the claimed card', async () => {
    const tickets: string[] = [];
    for (const name of ['Moreau', 'Dubois', 'Nguyen', 'Rossi', 'Garcia']) tickets.push(await kioskAsks(name));

    await screen.render('A101', '2468', ['K32']);
    await waitFor(() => tickets.every((t) => cardOf(t)), 'the five cards on screen', 15_000);

    cardRenders.clear();
    const newcomer = await kioskAsks('Laurent');
    await waitFor(() => cardOf(newcomer), 'the new card on screen', 15_000);
    expect(cardRenders.get(newcomer)).toBeGreaterThanOrEqual(1);
    expect(tickets.filter((t) => cardRenders.has(t))).toEqual([]);

    cardRenders.clear();
    const claimed = tickets[2]!;
    const requestId = Object.values(env.hub.hub.current.requests).find((r) => r.ticket === claimed)!.id;
    expect(await env.hub.hub.submit(op(LUCAS, { type: 'request.claim', payload: { requestId } }), { kind: 'system' })).toMatchObject({ ok: true });
    await waitFor(() => cardOf(claimed)?.textContent?.includes('Claimed by Lucas'), 'the claim on its card', 15_000);
    expect([...cardRenders.keys()]).toEqual([claimed]);
  });
});
