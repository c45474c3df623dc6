import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';

/** Outlet staff, not passengers: English and French, both small enough to ship in the bundle. */
export const OUTLET_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
] as const;
export type OutletLanguage = (typeof OUTLET_LANGUAGES)[number]['code'];

const KEY = 'gatecare.outlet.language';

function saved(): OutletLanguage {
  const s = localStorage.getItem(KEY);
  return OUTLET_LANGUAGES.find((l) => l.code === s)?.code ?? 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: saved(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18next.language;

export async function setOutletLanguage(code: OutletLanguage): Promise<void> {
  localStorage.setItem(KEY, code);
  await i18next.changeLanguage(code);
  document.documentElement.lang = code;
}

export default i18next;
