import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskGuests, deskMark, HubRefusal, HubUnreachable, type DeskGuest, type DeskRooms as Rooms } from './hub-api.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';
import { DeskRooms } from './DeskRooms.tsx';

/** A hotel desk's guests for tonight (its own hotel only: the hub decides), each checked in or marked a no-show. */
export function HotelDesk({ token, onUnenrolled }: { token: string; onUnenrolled: (message: string) => void }) {
  const { t } = useTranslation();
  const [guests, setGuests] = useState<DeskGuest[] | null>(null);
  const [hotel, setHotel] = useState('');
  const [rooms, setRooms] = useState<{ night: string; rooms: Rooms[] } | null>(null);
  const [error, setError] = useState('');

  const failed = useCallback(
    (err: unknown) => {
      if (err instanceof HubRefusal && err.status === 401) return onUnenrolled(err.message);
      setError(err instanceof HubUnreachable ? t('error.unreachable') : t('desk.refused', { reason: (err as Error).message }));
    },
    [onUnenrolled, t],
  );
  const load = useCallback(
    () =>
      deskGuests(token).then((answer) => {
        setHotel(answer.hotel.name);
        setGuests(answer.guests);
        setRooms({ night: answer.night, rooms: answer.rooms });
      }, failed),
    [token, failed],
  );
  useEffect(() => void load(), [load]);

  const mark = async (g: DeskGuest, outcome: 'checkin' | 'no-show') => {
    setError('');
    try {
      await deskMark(token, g.allocationId, outcome);
      await load();
    } catch (err) {
      failed(err);
    }
  };

  return (
    <section className="card" aria-labelledby="desk-title" data-testid="hotel-desk">
      <h2 id="desk-title">{t('desk.title', { hotel })}</h2>
      <ErrorLine text={error} />
      {guests && guests.length === 0 && <p>{t('desk.none')}</p>}
      {guests && guests.length > 0 && (
        <ul className="vouchers">
          {guests.map((g) => (
            <li key={g.allocationId} className="guest" data-testid="desk-guest" aria-label={g.surname}>
              <strong>{g.surname}</strong> · {g.flightNumber} · {t('desk.ticket', { ticket: g.ticket })} · {t('desk.people', { count: g.people })}
              <div data-testid="desk-status">{t(`desk.status.${g.status}`)}</div>
              {g.status === 'allocated' && (
                <div className="row">
                  <button type="button" onClick={() => void mark(g, 'checkin')}>
                    {t('desk.checkin')}
                  </button>
                  <button type="button" className="secondary" onClick={() => void mark(g, 'no-show')}>
                    {t('desk.noShow')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {rooms && <DeskRooms token={token} night={rooms.night} rooms={rooms.rooms} onChanged={load} onUnenrolled={onUnenrolled} />}
    </section>
  );
}
