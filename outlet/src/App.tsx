import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadEnrollment, saveEnrollment, type OutletEnrollment } from './enrollment.ts';
import { EnrollScreen } from './EnrollScreen.tsx';
import { CounterScreen } from './CounterScreen.tsx';
import { OUTLET_LANGUAGES, setOutletLanguage, type OutletLanguage } from './i18n.ts';

export function App() {
  const { t, i18n } = useTranslation();
  const [enrollment, setEnrollment] = useState<OutletEnrollment | null>(loadEnrollment);
  // Why the hub stopped accepting this outlet (revoked by a duty manager): said on the set-up screen.
  const [dropped, setDropped] = useState('');

  const enrolled = (e: OutletEnrollment) => {
    saveEnrollment(e);
    setDropped('');
    setEnrollment(e);
  };
  const unenrolled = (message: string) => {
    saveEnrollment(null);
    setEnrollment(null);
    setDropped(message);
  };

  return (
    <>
      <header>
        <h1>{enrollment ? enrollment.outlet.name : t('app.title')}</h1>
        <label>
          <span className="visually-hidden">{t('app.language')}</span>
          <select value={i18n.language} onChange={(e) => void setOutletLanguage(e.target.value as OutletLanguage)}>
            {OUTLET_LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        {dropped && (
          <p role="alert" className="banner" data-testid="outlet-dropped">
            {t('app.dropped', { reason: dropped })}
          </p>
        )}
        {enrollment ? <CounterScreen enrollment={enrollment} onUnenrolled={unenrolled} /> : <EnrollScreen onEnrolled={enrolled} />}
      </main>
    </>
  );
}
