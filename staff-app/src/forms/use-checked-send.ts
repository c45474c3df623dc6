import { useState } from 'react';
import type { Checked, FieldErrors } from './schema-check.ts';

/**
 * A form's errors by field, and `sendIf`: sends what was typed once it reads, else shows why field
 * by field and answers false, which keeps a OneOpForm open with nothing sent.
 */
export function useCheckedSend<F extends string>() {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const sendIf = <T>(read: Checked<T, F>, send: (value: T) => void): false | void => {
    if (!read.ok) {
      setErrors(read.errors);
      return false;
    }
    send(read.value);
  };
  return { errors, sendIf };
}
