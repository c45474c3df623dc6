import type { ReactNode } from 'react';
import { FormActions } from './FormActions.tsx';
import { onSubmitted } from '../ui/on-submit.ts';

interface Props {
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  closeLabel?: string;
  /** Whether what is typed can be sent: the submit button is disabled and Enter does nothing until it is. */
  canSend?: boolean;
  /** Sends the one operation; the form closes right after. */
  onSend: () => void;
  onDone: () => void;
  children: ReactNode;
}

/** A card panel that sends one operation and closes: its fields, then submit and close. */
export function OneOpForm({ label, submitLabel, closeLabel, canSend = true, onSend, onDone, children }: Props) {
  return (
    <form
      className="panel"
      aria-label={label}
      onSubmit={onSubmitted(() => {
        if (!canSend) return;
        onSend();
        onDone();
      })}
    >
      {children}
      <FormActions onClose={onDone} closeLabel={closeLabel}>
        <button className="primary" type="submit" disabled={!canSend}>
          {submitLabel}
        </button>
      </FormActions>
    </form>
  );
}
