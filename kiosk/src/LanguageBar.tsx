import { useTranslation } from 'react-i18next';
import { KIOSK_LANGUAGES, setKioskLanguage } from './i18n.ts';

export function LanguageBar() {
  const { t, i18n } = useTranslation();
  return (
    <nav aria-label={t('language.choose')} className="languages">
      {KIOSK_LANGUAGES.map((l) => (
        <button key={l.code} lang={l.code} aria-pressed={i18n.language === l.code} onClick={() => void setKioskLanguage(l.code)}>
          {l.name}
        </button>
      ))}
    </nav>
  );
}
