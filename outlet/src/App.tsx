import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadEnrollment, saveEnrollment, type OutletEnrollment } from './enrollment.ts';
import { EnrollScreen } from './EnrollScreen.tsx';
import { CounterScreen } from './CounterScreen.tsx';
import { whoAmI } from './hub-api.ts';
import { OUTLET_LANGUAGES, setOutletLanguage } from './i18n.ts';
import { LanguagePicker } from '../../client/ui/LanguagePicker.tsx';

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

  // A link carrying the outlet's token (…/outlet/#token=…, printed for the demo outlets): kept like an enrolment, then taken off the address.
  useEffect(() => {
    const token = new URLSearchParams(location.hash.slice(1)).get('token');
    if (!token) return;
    history.replaceState(null, '', location.pathname + location.search);
    whoAmI(token).then(
      ({ outlet, expiresAt }) => enrolled({ token, expiresAt, outlet }),
      (err: unknown) => setDropped((err as Error).message),
    );
  }, []);

  return (
    <>
      <header>
        <h1>{enrollment ? enrollment.outlet.name : t('app.title')}</h1>
        <LanguagePicker label={t('app.language')} value={i18n.language} languages={OUTLET_LANGUAGES} onPick={(l) => void setOutletLanguage(l)} />
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
