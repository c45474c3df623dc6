import { useState } from 'react';
import type { PhoneWriteAnswer } from '../../core/wire.ts';
import type { Translate } from './i18n.ts';

/**
 * One message at a time to the hub (a word for the team, a message, a new ask): `sending` while it is on its
 * way, and why it was not taken in the passenger's words. `attempt` answers whether the hub has it, so a form
 * clears what was typed only then and nothing is lost on a failure.
 */
export function useSending(t: Translate) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');
  const attempt = async (send: () => Promise<PhoneWriteAnswer>): Promise<boolean> => {
    setSending(true);
    setError('');
    const answer = await send();
    setSending(false);
    if (!answer.ok) setError(answer.reason === 'offline' ? t('phone.sendOffline') : t('phone.sendFailed', { reason: answer.reason }));
    return answer.ok;
  };
  return { sending, error, setError, attempt };
}
