import type { FormEvent } from 'react';

/** A form's submit handler that stays on the page (no browser navigation) and does `act`. */
export const onSubmitted =
  (act: () => void) =>
  (e: FormEvent): void => {
    e.preventDefault();
    act();
  };
