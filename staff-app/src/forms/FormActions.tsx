import type { ReactNode } from 'react';

/** A form's row of buttons: its own actions, then the one that closes it without sending anything. */
export function FormActions({ children, onClose, closeLabel = 'Close' }: { children: ReactNode; onClose: () => void; closeLabel?: string }) {
  return (
    <div className="actions">
      {children}
      <button type="button" onClick={onClose}>
        {closeLabel}
      </button>
    </div>
  );
}
