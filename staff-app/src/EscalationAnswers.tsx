import { useState } from 'react';

const SEEN_KEY = 'gatecare.staff.answers-seen';

function loadSeen(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(SEEN_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
import { moneyText, type HubState } from '../../core/index.ts';
import { VOUCHER_LABEL } from './labels.ts';
import { requestOfVoucher } from '../../core/voucher-request.ts';

/** Tells the agent, wherever they are in the queue, what the duty manager answered. */
export function EscalationAnswers({ state, me }: { state: HubState; me: string }) {
  // Remembered across reloads so an answer already read does not come back.
  const [seen, setSeen] = useState<string[]>(loadSeen);
  const markSeen = (id: string) =>
    setSeen((s) => {
      const next = [...s, id].slice(-200);
      localStorage.setItem(SEEN_KEY, JSON.stringify(next));
      return next;
    });
  const answers = Object.values(state.vouchers).filter(
    (v) => v.requestedBy === me && v.authorisedBy !== null && v.authorisedBy !== me && !seen.includes(v.id),
  );
  if (!answers.length) return null;
  return (
    <div className="answers">
      {answers.map((v) => {
        const who = requestOfVoucher(state.requests, v)?.surname.toUpperCase() ?? '';
        return (
          <div key={v.id} role="status" className={`answer ${v.status}`} data-testid="escalation-answer">
            {v.authorisedByName} {v.status === 'issued' ? 'approved' : 'declined'} the {VOUCHER_LABEL[v.kind].toLowerCase()} voucher{' '}
            {moneyText({ minor: v.amountCents, currency: v.currency })} for {who}
            {v.status === 'declined' && v.declineReason ? `: ${v.declineReason}` : v.status === 'issued' ? ` — code ${v.code}` : ''}
            <button onClick={() => markSeen(v.id)}>OK</button>
          </div>
        );
      })}
    </div>
  );
}
