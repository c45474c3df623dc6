import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enrollableHotels, HubUnreachable, type HotelChoice } from './hub-api.ts';

/** The hotel a hotel desk is enrolled for, from the hotels the hub knows (their names only, before any token exists). */
export function HotelPicker({ value, onChange }: { value: string; onChange: (hotelId: string) => void }) {
  const { t } = useTranslation();
  const [hotels, setHotels] = useState<HotelChoice[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    enrollableHotels().then(
      (answer) => live && setHotels(answer.hotels),
      (err: unknown) => live && setError(err instanceof HubUnreachable ? t('error.unreachable') : (err as Error).message),
    );
    return () => {
      live = false;
    };
  }, [t]);
  if (error)
    return (
      <p role="alert" className="error">
        {t('enroll.hotelsFailed', { reason: error })}
      </p>
    );
  if (hotels && hotels.length === 0)
    return (
      <p role="alert" className="error">
        {t('enroll.noHotels')}
      </p>
    );
  return (
    <label>
      {t('enroll.hotel')}
      <select value={value} onChange={(e) => onChange(e.target.value)} disabled={!hotels} aria-required="true">
        <option value="">{hotels ? t('enroll.chooseHotel') : t('enroll.loadingHotels')}</option>
        {hotels?.map((h) => (
          <option key={h.id} value={h.id}>
            {h.name}
          </option>
        ))}
      </select>
    </label>
  );
}
