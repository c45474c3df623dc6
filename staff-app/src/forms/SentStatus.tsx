import type { Rejected } from '../../../client/sync-client.ts';
import type { Op } from '../../../core/index.ts';

/** An operation a form sent, and how to speak of it: "Rooms at Hôtel X". */
export interface Sent {
  opId: string;
  what: string;
}

/**
 * The line a form leaves where it stood once it has sent: still on this tablet, done, or the hub's
 * refusal in its own words (the hub decides what the tablet could not know, such as rooms already allocated).
 */
export function SentStatus({ sent, pending, rejected, testId }: { sent: Sent; pending: Op[]; rejected: Rejected[]; testId?: string }) {
  const refusal = rejected.find((r) => r.op.id === sent.opId);
  if (refusal)
    return (
      <p role="alert" className="error" data-testid={testId}>
        {sent.what} not saved: {refusal.reason}
      </p>
    );
  const waiting = pending.some((o) => o.id === sent.opId);
  return (
    <p role="status" className="ok" data-testid={testId}>
      {waiting ? `${sent.what}: saved on this tablet, sent to the hub as soon as it can be.` : `${sent.what}: saved.`}
    </p>
  );
}
