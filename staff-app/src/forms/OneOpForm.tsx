import type { ReactNode } from 'react';
import { FormActions } from './FormActions.tsx';
import { onSubmitted } from '../ui/on-submit.ts';
import { ErrorLine } from '../../../client/ui/message-lines.tsx';

interface Props {
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  closeLabel?: string;
  /** Whether what is typed can be sent: the submit button is disabled and Enter does nothing until it is. */
  canSend?: boolean;
  /** Sends the one operation; the form closes right after, unless it answers false (what was typed is wrong: it stays open to be put right). */
  onSend: () => void | false;
  onDone: () => void;
  children: ReactNode;
  className?: string;
  /** What is wrong with the form as a whole (a field's own message sits by the field). */
  error?: string;
}

/** A card panel that sends one operation and closes: its fields, then submit and close. */
export function OneOpForm({ label, submitLabel, closeLabel, canSend = true, onSend, onDone, children, className = 'panel', error }: Props) {
  return (
    <form
      className={className}
      aria-label={label}
      onSubmit={onSubmitted(() => {
        if (!canSend || onSend() === false) return;
        onDone();
      })}
    >
      {children}
      <ErrorLine text={error} />
      <FormActions onClose={onDone} closeLabel={closeLabel}>
        <button className="primary" type="submit" disabled={!canSend}>
          {submitLabel}
        </button>
      </FormActions>
    </form>
  );
}
