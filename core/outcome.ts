import type { HubState } from './model.ts';

export type RejectCode = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'limit' | 'rate_limited' | 'storage';

export interface Rejection {
  ok: false;
  code: RejectCode;
  reason: string;
}

export type Outcome = { ok: true; state: HubState } | Rejection;

export function reject(code: RejectCode, reason: string): Rejection {
  return { ok: false, code, reason };
}
