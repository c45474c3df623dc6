import { useEffect, useRef, useState } from 'react';
import { useKioskTranslation } from './use-kiosk-translation.ts';
import { say } from './speech/speaker.ts';

/**
 * The countdown before the screen clears, with one big button to stay (WCAG 2.2.1), seen and
 * heard: the warning is said even with speech off, as it holds nothing personal. Any touch or key
 * extends the time, as often as needed.
 */
export function IdleWarning({ seconds }: { seconds: number }) {
  const { t } = useKioskTranslation();
  const [left, setLeft] = useState(Math.round(seconds));
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    stay.current?.focus();
    say((tr) => `${tr('idle.title')} ${tr('speech.idle', { seconds: Math.round(seconds) })}`, { evenIfOff: true, interrupt: true });
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return (
    <div className="overlay">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-body"
        className="dialog"
        data-testid="idle-warning"
      >
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
