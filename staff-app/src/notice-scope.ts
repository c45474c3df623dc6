import type { HubState, Notice } from '../../core/index.ts';

/** Who a notice is for, as staff read it on the tablet and in the manager's history. */
export function noticeScopeLabel(state: HubState, n: Notice): string {
  switch (n.scope.kind) {
    case 'all':
      return 'All gates';
    case 'gates':
      return `Gates ${n.scope.gates.join(', ')}`;
    case 'flight': {
      const f = state.flights[n.scope.flightId];
      return f ? `${f.number} (gate ${f.gate})` : n.scope.flightId;
    }
  }
}
