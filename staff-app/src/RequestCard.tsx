import { memo, useCallback, useMemo, useState } from 'react';
import type { SyncClient } from '../../client/sync-client.ts';
import {
  PRIORITY_LABEL,
  priorityTier,
  entitlementsForRequest,
  hotelOwedIn,
  requestEntitlementSummary,
  listedPassengerFor,
  listedPassengerLine,
  type CareRequest,
  type EntitlementFacts,
  type Flight,
  type OpBody,
  type PassengerList,
  type Voucher,
} from '../../core/index.ts';
import { NEED_LABEL, clockTime, partyText } from './labels.ts';
import { VoucherList } from './card/VoucherList.tsx';
import { ThreadPanel } from './card/ThreadPanel.tsx';
import { CardPanel, type Panel } from './card/CardPanel.tsx';
import { countCardRender } from './render-count.ts';
import { CardHotel } from './hotel/CardHotel.tsx';

interface Props {
  request: CareRequest;
  flight: Flight | undefined;
  /** Flights and airlines, all the entitlement line reads: it is worked out again only when they, the request or the minute change. */
  facts: EntitlementFacts;
  vouchers: readonly Voucher[];
  /** Passenger lists by flight (the same object until a list changes): a scanned pass finds cabin and special needs there. */
  lists: Readonly<Record<string, PassengerList>>;
  /** Voucher ids still waiting in this tablet's outbox. */
  unconfirmed: ReadonlySet<string>;
  now: number;
  /** The airport's time zone: card times are read on its clock, not the tablet's. */
  zone: string;
  me: string;
  manager: boolean;
  client: SyncClient;
  /** In a windowed list: lets the list measure this card's height (keyed by `data-key`). */
  measure?: (el: HTMLLIElement | null) => (() => void) | undefined;
}

/**
 * One request. Memoised: every prop stays identical while this request, its flight, its vouchers
 * and the minute stay the same, so a push re-renders only the cards it changed.
 */
export const RequestCard = memo(function RequestCard({
  request: r,
  flight,
  facts,
  vouchers,
  lists,
  unconfirmed,
  now,
  zone,
  me,
  manager,
  client,
  measure,
}: Props) {
  countCardRender(r.ticket);
  const [panel, setPanel] = useState<Panel | null>(null);
  const waited = Math.max(0, Math.round((now - Date.parse(r.createdAt)) / 60000));
  const tier = priorityTier(r);
  const assessment = useMemo(() => entitlementsForRequest(facts, r), [facts, r]);
  const { entitlements, hotelOwed } = useMemo(() => {
    const nowIso = new Date(now).toISOString();
    return { entitlements: requestEntitlementSummary(facts, r, nowIso, assessment), hotelOwed: hotelOwedIn(assessment, nowIso) };
  }, [facts, r, now, assessment]);
  const listed = useMemo(() => listedPassengerFor(lists, r), [lists, r]);
  const open = r.status === 'received' || r.status === 'claimed';
  const mayHandle = r.status === 'received' || r.claimedBy === me || manager;
  const toggle = (p: Panel) => setPanel((cur) => (cur === p ? null : p));
  const close = useCallback(() => setPanel(null), []);
  const submit = useCallback((body: OpBody) => void client.submit(body), [client]);
  const status =
    r.status === 'delivered'
      ? `delivered ${r.deliveredAt ? clockTime(r.deliveredAt, zone) : ''}`
      : r.status === 'cancelled'
        ? 'cancelled'
        : `${waited} min waiting`;

  return (
    <li
      ref={measure}
      className={`card ${r.status} tier-${tier}`}
      data-testid="request-card"
      data-ticket={r.ticket}
      data-key={measure ? r.id : undefined}
    >
      <div className="card-head">
        <span className="ticket">{r.ticket}</span>
        {tier !== 'standard' && <span className="priority">{PRIORITY_LABEL[tier]}</span>}
        <span>Gate {r.gate}</span>
        <span>
          {r.flightNumber}
          {flight ? ` → ${flight.destinationName}` : ''}
        </span>
        <span className="wait">{status}</span>
      </div>
      <p className="who">
        {r.surname.toUpperCase()} · {partyText(r.party)}
        {r.unaccompaniedMinor ? ' · travelling alone' : ''} · {r.language.toUpperCase()}
      </p>
      {listed && (
        <p className="listed" data-testid="listed-passenger">
          On the passenger list: {listedPassengerLine(listed)}
        </p>
      )}
      <p className="needs">{r.needs.map((n) => NEED_LABEL[n] ?? n).join(' · ')}</p>
      <p className="entitlements" data-testid="entitlements">
        {entitlements}
      </p>
      {r.note && <p className="note">“{r.note}”</p>}
      {r.status === 'cancelled' && r.cancelReason && <p className="cancel-reason">Cancelled: {r.cancelReason}</p>}
      {r.staffNotes.length > 0 && (
        <ul className="staff-notes" aria-label="Staff notes">
          {r.staffNotes.map((n, i) => (
            <li key={i}>
              <strong>{n.byName}</strong> {clockTime(n.at, zone)}: {n.text}
            </li>
          ))}
        </ul>
      )}
      <CardHotel request={r} owed={hotelOwed} client={client} />
      <ThreadPanel request={r} zone={zone} onSubmit={submit} />
      {vouchers.length > 0 && (
        <VoucherList
          vouchers={vouchers}
          unconfirmed={unconfirmed}
          onVoid={manager ? (voucherId, reason) => submit({ type: 'voucher.void', payload: { voucherId, reason } }) : undefined}
        />
      )}
      <div className="actions">
        {r.status === 'received' && (
          <button className="primary" onClick={() => submit({ type: 'request.claim', payload: { requestId: r.id } })}>
            Claim
          </button>
        )}
        {r.status === 'claimed' && <span className="claimed">Claimed by {r.claimedBy === me ? 'you' : r.claimedByName}</span>}
        {open && mayHandle && (
          <>
            <button aria-expanded={panel === 'deliver'} onClick={() => toggle('deliver')}>
              Deliver…
            </button>
            {r.status === 'claimed' && <button onClick={() => submit({ type: 'request.release', payload: { requestId: r.id } })}>Release</button>}
            <button aria-expanded={panel === 'reassign'} onClick={() => toggle('reassign')}>
              Reassign…
            </button>
            <button aria-expanded={panel === 'cancel'} onClick={() => toggle('cancel')}>
              Cancel…
            </button>
          </>
        )}
        {r.status !== 'cancelled' && (
          <button aria-expanded={panel === 'voucher'} onClick={() => toggle('voucher')}>
            Voucher…
          </button>
        )}
        <button aria-expanded={panel === 'note'} onClick={() => toggle('note')}>
          Add note
        </button>
        <button aria-expanded={panel === 'history'} onClick={() => toggle('history')}>
          History
        </button>
      </div>
      {panel && <CardPanel panel={panel} request={r} client={client} me={me} now={now} onSubmit={submit} onDone={close} />}
    </li>
  );
});
