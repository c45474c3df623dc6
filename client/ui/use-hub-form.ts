import { useState, type FormEvent } from 'react';

/**
 * A form that asks the hub (sign in, enrol a device): busy while the answer is awaited, so a second press
 * sends nothing, and the refusal's message as the error; `onRefused` clears what must not stay typed (a PIN).
 */
export function useHubForm(ask: () => Promise<void>, onRefused?: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await ask();
    } catch (err) {
      setError((err as Error).message);
      onRefused?.();
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, onSubmit };
}
