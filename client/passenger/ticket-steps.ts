import type { PublicTicket } from '../../core/plain.ts';
import type { Words } from './hotel-sentences.ts';
import { isolateIn } from './words-in-language.ts';

export type StepState = 'done' | 'current' | 'next';

/** One step of received → on the way → delivered: its words, when it happened, how far the ticket is, and that in words for screen readers. */
export interface TicketStep {
  label: string;
  at: string | null;
  state: StepState;
  stateWords: string;
}

type StepFacts = Pick<PublicTicket, 'status' | 'createdAt' | 'claimedAt' | 'claimedByName' | 'deliveredAt'>;

/**
 * A ticket's timeline and its status line, the same on the kiosk and the phone. `isolate`: the agent's
 * (Latin) name keeps its own direction inside an Arabic sentence.
 */
export function ticketSteps(facts: StepFacts, t: Words, language: string, isolate: boolean): { steps: TicketStep[]; statusText: string } {
  const name = (n: string) => (isolate ? isolateIn(n, language) : n);
  const reached = facts.status === 'delivered' ? 3 : facts.status === 'claimed' ? 2 : 1;
  const stateOf = (step: number): StepState => (step < reached || reached === 3 ? 'done' : step === reached ? 'current' : 'next');
  const STATE_KEY = { done: 'ticket.stepDone', current: 'ticket.stepNow', next: 'ticket.stepNext' } as const;
  const steps = [
    { label: t('ticket.stepReceived'), at: facts.createdAt },
    {
      label: facts.claimedByName ? t('ticket.stepOnTheWayName', { name: name(facts.claimedByName) }) : t('ticket.stepOnTheWay'),
      at: facts.claimedAt,
    },
    { label: t('ticket.stepDelivered'), at: facts.deliveredAt },
  ].map((s, i) => {
    const state = stateOf(i + 1);
    return { ...s, state, stateWords: t(STATE_KEY[state]) };
  });
  const statusText = facts.status === 'claimed' ? t('ticket.claimed', { name: name(facts.claimedByName ?? '') }) : t(`ticket.${facts.status}`);
  return { steps, statusText };
}
