import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { OutletKind, VoucherKind } from '../../core/plain.ts';
import { enrollOutlet, HubUnreachable } from './hub-api.ts';
import type { OutletEnrollment } from './enrollment.ts';
import { OUTLET_KIND_CHOICES, USUAL_ACCEPTS, VOUCHER_KIND_CHOICES } from './kinds.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';
import { Select } from '../../client/ui/Select.tsx';
import { HotelPicker } from './HotelPicker.tsx';

/** Set-up, once per outlet: a duty manager names it, says what it takes, and vouches with id and PIN (never stored). */
export function EnrollScreen({ onEnrolled }: { onEnrolled: (e: OutletEnrollment) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OutletKind>('cafe');
  const [accepts, setAccepts] = useState<VoucherKind[]>(USUAL_ACCEPTS.cafe);
  const [hotelId, setHotelId] = useState('');
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const chooseKind = (k: OutletKind) => {
    setKind(k);
    setAccepts(USUAL_ACCEPTS[k]);
  };
  const toggle = (k: VoucherKind, on: boolean) => setAccepts((a) => (on ? [...a, k] : a.filter((x) => x !== k)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('enroll.needName'));
    if (accepts.length === 0) return setError(t('enroll.needAccepts'));
    if (kind === 'hotel-desk' && !hotelId) return setError(t('enroll.needHotel'));
    setBusy(true);
    setError('');
    try {
      const answer = await enrollOutlet({
        outletId: `outlet-${uuidv7()}`,
        name: name.trim(),
        kind,
        accepts,
        ...(kind === 'hotel-desk' ? { hotelId } : {}),
        staffId: staffId.trim(),
        pin: pin.trim(),
      });
      onEnrolled(answer);
    } catch (err) {
      setError(err instanceof HubUnreachable ? t('error.unreachable') : t('enroll.refused', { reason: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="enroll-title">
      <h2 id="enroll-title">{t('enroll.title')}</h2>
      <p>{t('enroll.intro')}</p>
      <label>
        {t('enroll.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoComplete="off" />
      </label>
      <label>
        {t('enroll.kind')}
        <Select value={kind} options={OUTLET_KIND_CHOICES} label={(k) => t(`outletKind.${k}`)} onChange={chooseKind} />
      </label>
      {kind === 'hotel-desk' && <HotelPicker value={hotelId} onChange={setHotelId} />}
      <fieldset>
        <legend>{t('enroll.accepts')}</legend>
        {VOUCHER_KIND_CHOICES.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={accepts.includes(k)} onChange={(e) => toggle(k, e.target.checked)} />
            {t(`voucherKind.${k}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('enroll.staffId')}
        <input value={staffId} onChange={(e) => setStaffId(e.target.value)} autoComplete="off" autoCapitalize="characters" />
      </label>
      <label>
        {t('enroll.pin')}
        <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="off" />
      </label>
      <ErrorLine text={error} />
      <button type="submit" disabled={busy}>
        {t('enroll.submit')}
      </button>
    </form>
  );
}
