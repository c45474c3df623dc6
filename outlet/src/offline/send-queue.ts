import { HubRefusal, HubUnreachable } from '../hub-api.ts';
import { putReceipt, queuedReceipts } from './offline-store.ts';
import { QUEUE_CHANGED } from './offline-spend.ts';

/** As server/offline-outlet-routes.ts answers each receipt. */
type Result =
  | { redemptionId: string; status: 'accepted'; reference: string; overspendCents: number }
  | { redemptionId: string; status: 'refused' | 'retry'; error: string };

const BATCH = 50;
let sending: Promise<void> | null = null;

async function post(token: string, redemptions: unknown[]): Promise<Result[]> {
  let res: Response;
  try {
    res = await fetch('/api/outlet/offline-redemptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ redemptions }),
    });
  } catch {
    throw new HubUnreachable('the hub cannot be reached');
  }
  const answer = (await res.json().catch(() => ({}))) as { results?: Result[]; error?: string };
  if (!res.ok || !answer.results) throw new HubRefusal(res.status, answer.error ?? `the hub answered ${res.status}`);
  return answer.results;
}

/**
 * Sends the receipts written offline, oldest first, in batches; each keeps its id, so a batch sent
 * twice (the answer lost) is kept once. A receipt leaves the queue only with the hub's answer.
 * One sending at a time; throws HubRefusal (401: this outlet was revoked) or HubUnreachable.
 */
export function sendQueue(token: string): Promise<void> {
  sending ??= (async () => {
    try {
      for (;;) {
        const queued = (await queuedReceipts()).slice(0, BATCH);
        if (queued.length === 0) return;
        const results = await post(
          token,
          queued.map((r) => ({ redemptionId: r.redemptionId, voucherId: r.voucherId, amountCents: r.amountCents, at: r.at })),
        );
        let decided = 0;
        for (const r of queued) {
          const answer = results.find((x) => x.redemptionId === r.redemptionId);
          if (!answer || answer.status === 'retry') continue;
          decided++;
          await putReceipt(
            answer.status === 'accepted'
              ? { ...r, state: 'accepted', reference: answer.reference, overspendCents: answer.overspendCents }
              : { ...r, state: 'refused', error: answer.error },
          );
        }
        // The hub could not write them now (its disk): try again later rather than in a loop.
        if (decided === 0) return;
        dispatchEvent(new Event(QUEUE_CHANGED));
      }
    } finally {
      sending = null;
    }
  })();
  return sending;
}
