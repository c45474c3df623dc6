import type { HubState } from './model.ts';
import { SCHEMA_VERSION } from './values.ts';
import { DEFAULT_POLICY } from './policy-defaults.ts';

/* Apart from model.ts (zod schemas) so the kiosk can start from an empty state without zod. */

export function emptyState(): HubState {
  return {
    v: SCHEMA_VERSION,
    seq: 0,
    gates: {},
    flights: {},
    staff: {},
    stock: {},
    requests: {},
    notices: {},
    vouchers: {},
    policy: DEFAULT_POLICY,
    airlines: {},
    policyLog: [],
  };
}
