import type { OpBody } from '../../../core/index.ts';

/** Every card form sends one operation through the sync client, then closes. */
export interface FormProps {
  onSubmit: (body: OpBody) => void;
  onDone: () => void;
}
