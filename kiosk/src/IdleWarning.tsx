import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WARNING_MS } from './idle.ts';

/** The countdown before the screen clears, with one big button to stay (WCAG 2.2.1). */
export function IdleWarning() {
  const { t } = useTranslation();
  const [left, setLeft] = useState(Math.round(WARNING_MS / 1000));
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    stay.current?.focus();
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="overlay">
      <div role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body" className="dialog">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-body">{t('idle.body', { seconds: left })}</p>
        {/* Any touch counts as activity and closes this; the button makes that obvious. */}
        <button ref={stay} className="primary big">
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
