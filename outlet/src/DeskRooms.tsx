import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROOM_TYPES, type RoomType } from '../../core/plain.ts';
import { deskSetRooms, HubRefusal, HubUnreachable, type DeskRooms as Rooms } from './hub-api.ts';
import { ErrorLine, OkLine } from '../../client/ui/message-lines.tsx';
import { Select } from '../../client/ui/Select.tsx';

const MAX_ROOMS = 2000;

/**
 * The desk says how many rooms of a type its hotel holds for the airport on a night (POST
 * /api/outlet/hotel/rooms; the rate stays the duty manager's). Never fewer than are allocated:
 * the hub decides, since rooms may be allocated while the desk types, and its refusal is said in
 * the outlet's language.
 */
export function DeskRooms({
  token,
  night,
  rooms,
  onChanged,
  onUnenrolled,
}: {
  token: string;
  night: string;
  rooms: Rooms[];
  onChanged: () => Promise<void>;
  onUnenrolled: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState<RoomType>('double');
  const [forNight, setForNight] = useState(night);
  const [count, setCount] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const typeName = (x: RoomType) => t(`roomType.${x}`);

  const refusalText = (err: unknown): string => {
    if (err instanceof HubUnreachable) return t('error.unreachable');
    if (err instanceof HubRefusal && err.refusal === 'below_allocated')
      return t('rooms.belowAllocated', { count: err.allocated ?? 0, type: typeName(type), night: forNight });
    if (err instanceof HubRefusal && err.refusal === 'no_block') return t('rooms.noBlock', { type: typeName(type), night: forNight });
    return t('desk.refused', { reason: (err as Error).message });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = count.trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || n > MAX_ROOMS) return setMessage({ ok: false, text: t('rooms.badCount', { max: MAX_ROOMS }) });
    setBusy(true);
    setMessage(null);
    try {
      await deskSetRooms(token, forNight, type, n);
      setMessage({ ok: true, text: t('rooms.saved', { count: n, type: typeName(type), night: forNight }) });
      setCount('');
      await onChanged();
    } catch (err) {
      if (err instanceof HubRefusal && err.status === 401) return onUnenrolled(err.message);
      setMessage({ ok: false, text: refusalText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="desk-rooms" onSubmit={(e) => void submit(e)} aria-labelledby="desk-rooms-title">
      <h3 id="desk-rooms-title">{t('rooms.title', { night })}</h3>
      <ul data-testid="desk-rooms">
        {rooms.map((r) => (
          <li key={r.type}>{t('rooms.line', { type: typeName(r.type), held: r.held, taken: r.taken })}</li>
        ))}
      </ul>
      <div className="row">
        <label>
          {t('rooms.night')}
          <input type="date" value={forNight} onChange={(e) => setForNight(e.target.value)} />
        </label>
        <label>
          {t('rooms.type')}
          <Select value={type} options={ROOM_TYPES} label={typeName} onChange={setType} />
        </label>
        <label>
          {t('rooms.count')}
          <input inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" disabled={busy}>
          {t('rooms.save')}
        </button>
      </div>
      {message?.ok ? <OkLine text={message.text} testId="desk-rooms-message" /> : <ErrorLine text={message?.text} testId="desk-rooms-message" />}
    </form>
  );
}
