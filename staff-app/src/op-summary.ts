import { formatMoney, type HubState, type Op } from '../../core/index.ts';
import { VOUCHER_LABEL } from './labels.ts';

const ACTION: Partial<Record<Op['type'], string>> = {
  'request.claim': 'Claim',
  'request.deliver': 'Delivery',
  'request.release': 'Release',
  'request.reassign': 'Reassignment',
  'request.cancel': 'Cancellation',
  'request.note': 'Note',
  'stock.restock': 'Restock',
  'voucher.escalate': 'Escalation',
  'voucher.approve': 'Approval',
  'voucher.decline': 'Decline',
};

/** Names a refused operation so the agent knows which action and which passenger it was. */
export function opSummary(op: Op, state: HubState): string {
  const who = (requestId: string) => {
    const r = state.requests[requestId];
    return r ? ` for ${r.surname.toUpperCase()} (${r.ticket})` : '';
  };
  if (op.type === 'voucher.issue') {
    const p = op.payload;
    return `${VOUCHER_LABEL[p.kind]} voucher ${formatMoney(p.amountCents, p.currency)}${who(p.requestId)}`;
  }
  const label = ACTION[op.type] ?? op.type;
  const payload = op.payload as { requestId?: unknown };
  return typeof payload.requestId === 'string' ? `${label}${who(payload.requestId)}` : label;
}
