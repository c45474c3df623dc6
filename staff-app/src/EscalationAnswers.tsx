import { useState } from 'react';
import { formatMoney, type HubState } from '../../core/index.ts';
import { VOUCHER_LABEL } from './labels.ts';

/** Tells the agent, wherever they are in the queue, what the duty manager answered. */
export function EscalationAnswers({ state, me }: { state: HubState; me: string }) {
  const [seen, setSeen] = useState<string[]>([]);
  const answers = Object.values(state.vouchers).filter(
    (v) => v.requestedBy === me && v.authorisedBy !== null && v.authorisedBy !== me && !seen.includes(v.id),
  );
  if (!answers.length) return null;
  return (
    <div className="answers">
      {answers.map((v) => {
        const who = state.requests[v.requestId]?.surname.toUpperCase() ?? '';
        return (
          <div key={v.id} role="status" className={`answer ${v.status}`} data-testid="escalation-answer">
            {v.authorisedByName} {v.status === 'issued' ? 'approved' : 'declined'} the {VOUCHER_LABEL[v.kind].toLowerCase()} voucher{' '}
            {formatMoney(v.amountCents, v.currency)} for {who}
            {v.status === 'declined' && v.declineReason ? `: ${v.declineReason}` : v.status === 'issued' ? ` — code ${v.code}` : ''}
            <button onClick={() => setSeen((s) => [...s, v.id])}>OK</button>
          </div>
        );
      })}
    </div>
  );
}
