import { useState } from 'react';
import type { SyncClient } from '../../../client/sync-client.ts';
import { airportTimeZone, outletActive, type HubState, type Outlet } from '../../../core/index.ts';
import { VOUCHER_LABEL } from '../labels.ts';
import { dateTime, money } from './format.ts';
import { Table } from '../ui/Table.tsx';
import { OfflineRiskEditor } from './OfflineRiskEditor.tsx';
import { RedemptionConflicts } from './RedemptionConflicts.tsx';

const KIND_LABEL: Record<Outlet['kind'], string> = {
  cafe: 'Café',
  restaurant: 'Restaurant',
  shop: 'Shop',
  'hotel-desk': 'Hotel desk',
  'taxi-desk': 'Taxi desk',
};

/**
 * The outlets that take vouchers, as enrolled from their own screen (/outlet/), and what they took;
 * Revoke withdraws one at once (lost tablet, closed shop): the hub refuses its token from then on.
 */
export function OutletsPanel({ state, client }: { state: HubState; client: SyncClient }) {
  const zone = airportTimeZone(state);
  const [confirming, setConfirming] = useState<string | null>(null);
  const outlets = Object.values(state.outlets ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  const taken = new Map<string, { count: number; byCurrency: Map<string, number> }>();
  for (const v of Object.values(state.vouchers)) {
    for (const r of v.redemptions ?? []) {
      const t = taken.get(r.outletId) ?? { count: 0, byCurrency: new Map() };
      t.count += 1;
      t.byCurrency.set(v.currency, (t.byCurrency.get(v.currency) ?? 0) + r.amountCents);
      taken.set(r.outletId, t);
    }
  }
  const staffName = (id: string) => (state.staff[id] ? `${state.staff[id].firstName} ${state.staff[id].lastName}` : id);

  return (
    <section className="outlets" aria-labelledby="outlets-title">
      <h2 id="outlets-title">Outlets</h2>
      <p>
        Cafés, restaurants, shops, hotel and taxi desks that take vouchers. Enrol one from its own screen at <code>/outlet/</code> with your id and
        PIN.
      </p>
      {outlets.length === 0 ? (
        <p>No outlet is enrolled yet.</p>
      ) : (
        <Table columns={['Outlet', 'Takes', 'Enrolled', 'Redemptions', 'Offline', 'Status']}>
          {outlets.map((o) => {
            const active = outletActive(o);
            const t = taken.get(o.id);
            return (
              <tr key={o.id} data-testid="outlet-row" aria-label={o.name}>
                <th scope="row">
                  {o.name} · {KIND_LABEL[o.kind]}
                </th>
                <td>{o.accepts.map((k) => VOUCHER_LABEL[k]).join(', ')}</td>
                <td>
                  {dateTime(o.enrolledAt, zone)} by {staffName(o.enrolledBy)}
                </td>
                <td>{t ? `${t.count} · ${[...t.byCurrency].map(([currency, minor]) => money(minor, currency)).join(', ')}` : 'none yet'}</td>
                <td>{active ? <OfflineRiskEditor outlet={o} currency={state.policy.currency} client={client} /> : '—'}</td>
                <td>
                  {active ? (
                    confirming === o.id ? (
                      <span className="actions">
                        <button
                          className="danger"
                          onClick={() => {
                            void client.submit({ type: 'outlet.revoke', payload: { outletId: o.id } });
                            setConfirming(null);
                          }}
                        >
                          Revoke {o.name} now
                        </button>
                        <button onClick={() => setConfirming(null)}>Keep it</button>
                      </span>
                    ) : (
                      <>
                        Active <button onClick={() => setConfirming(o.id)}>Revoke…</button>
                      </>
                    )
                  ) : (
                    <span data-testid="outlet-revoked">
                      Revoked {dateTime(o.revoked!.at, zone)} by {staffName(o.revoked!.by)}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      <RedemptionConflicts state={state} zone={zone} client={client} />
    </section>
  );
}
