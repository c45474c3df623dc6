import { useKioskTranslation } from './use-kiosk-translation.ts';
import { KIOSK_LANGUAGES, setKioskLanguage } from './i18n.ts';

export function LanguageBar() {
  const { t, language } = useKioskTranslation();
  return (
    <nav aria-label={t('language.choose')} className="languages">
      {KIOSK_LANGUAGES.map((l) => (
        <button key={l.code} lang={l.code} aria-pressed={language === l.code} onClick={() => void setKioskLanguage(l.code)}>
          {l.name}
        </button>
      ))}
    </nav>
  );
}
