import { useState } from 'react';
import type { Rejected, SyncClient } from '../../../../client/sync-client.ts';
import { hotelsOf, type Hotel, type HubState, type Op, type OpBody } from '../../../../core/index.ts';
import { SentStatus, type Sent } from '../../forms/SentStatus.tsx';
import { HotelForm } from './HotelForm.tsx';
import { RoomBlockForm } from './RoomBlockForm.tsx';
import { ShuttleForm } from './ShuttleForm.tsx';

type Open = 'hotel' | 'rooms' | 'shuttle' | null;

export interface HotelSetupProps {
  state: HubState;
  client: SyncClient;
  pending: Op[];
  rejected: Rejected[];
  night: string;
  zone: string;
}

/**
 * The duty manager's changes to one hotel (or, with `hotel` null, a new one): its details, its
 * rooms per night and type, its shuttle runs. One form open at a time; once sent, the form's place
 * holds what became of it, the hub's refusal included.
 */
export function HotelSetup({ hotel, state, client, pending, rejected, night, zone }: HotelSetupProps & { hotel: Hotel | null }) {
  const [open, setOpen] = useState<Open>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const send = (body: OpBody, what: string) => {
    void client.submit(body).then((op) => setSent({ opId: op.id, what }));
  };
  const show = (which: Open) => () => {
    setSent(null);
    setOpen(which);
  };
  const close = () => setOpen(null);
  const name = hotel?.name ?? '';
  return (
    <div className="hotel-setup">
      {open === null && (
        <div className="row-actions">
          {hotel ? (
            <>
              <button onClick={show('hotel')} aria-label={`Edit ${name}`}>
                Edit hotel
              </button>
              <button onClick={show('rooms')} aria-label={`Rooms at ${name}`}>
                Rooms…
              </button>
              <button onClick={show('shuttle')} aria-label={`Shuttle runs to ${name}`}>
                Shuttle runs…
              </button>
            </>
          ) : (
            <button onClick={show('hotel')}>Add a hotel</button>
          )}
        </div>
      )}
      {open === 'hotel' && <HotelForm hotel={hotel} hotels={hotelsOf(state)} onSend={send} onDone={close} />}
      {open === 'rooms' && hotel && <RoomBlockForm state={state} hotel={hotel} night={night} onSend={send} onDone={close} />}
      {open === 'shuttle' && hotel && <ShuttleForm state={state} hotel={hotel} zone={zone} onSend={send} onDone={close} />}
      {sent && <SentStatus sent={sent} pending={pending} rejected={rejected} testId="hotel-setup-status" />}
    </div>
  );
}
