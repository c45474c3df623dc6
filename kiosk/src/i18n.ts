import i18next from 'i18next';
import en from './locales/en.json';

import { DEFAULT_LANGUAGE, KIOSK_LANGUAGES, type KioskLanguage } from './languages.ts';

export { DEFAULT_LANGUAGE, KIOSK_LANGUAGES, type KioskLanguage };

/**
 * English ships in the main bundle; the others are separate chunks fetched on
 * first choice (and precached for offline use), keeping the kiosk's JavaScript small.
 */
const lazyCatalogs = import.meta.glob<{ default: typeof en }>(['./locales/*.json', '!./locales/en.json']);

void i18next.init({
  resources: { en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  // Said outright, so t() skips its guess whether a key is a sentence or a path (a regular expression per call, in the
  // profile of the home screen's first render). No namespaces; keys are dotted paths.
  nsSeparator: false,
  keySeparator: '.',
});

function applyToDocument(code: KioskLanguage): void {
  const lang = KIOSK_LANGUAGES.find((l) => l.code === code)!;
  document.documentElement.lang = code;
  document.documentElement.dir = lang.dir;
}
applyToDocument(DEFAULT_LANGUAGE);

/**
 * The last language tapped wins: a passenger who taps العربية and then English before the Arabic
 * catalog has arrived must stay in English when it does.
 */
let latestChoice: KioskLanguage = DEFAULT_LANGUAGE;

export async function setKioskLanguage(code: KioskLanguage): Promise<void> {
  latestChoice = code;
  if (!i18next.hasResourceBundle(code, 'translation')) {
    const load = lazyCatalogs[`./locales/${code}.json`];
    if (load) {
      const catalog = (await load()).default;
      i18next.addResourceBundle(code, 'translation', catalog);
    }
  }
  if (latestChoice !== code) return;
  await i18next.changeLanguage(code);
  applyToDocument(code);
}

export default i18next;
