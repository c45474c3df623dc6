import { useSyncExternalStore } from 'react';
import i18next, { type TFunction } from 'i18next';

/**
 * The passenger's language and a `t` fixed to it, for the kiosk's components: a subscription to
 * i18next's language, nothing else. It replaces react-i18next's `useTranslation`, which copied the
 * i18next instance (its sixty-odd bound methods) into a wrapper for every component on its first
 * render and carried its own machinery into the kiosk's entry; on a slow kiosk the first screen
 * pays for both at every start (README "Devices in a surge").
 */
export function useKioskTranslation(): { t: TFunction; language: string } {
  const language = useSyncExternalStore(onLanguageChange, currentLanguage);
  return { t: fixedT(language), language };
}

function onLanguageChange(notify: () => void): () => void {
  i18next.on('languageChanged', notify);
  return () => i18next.off('languageChanged', notify);
}

function currentLanguage(): string {
  return i18next.language;
}

/** One `t` per language, so a component's `t` changes only when the language does. */
const fixed = new Map<string, TFunction>();
function fixedT(language: string): TFunction {
  let t = fixed.get(language);
  if (!t) {
    t = i18next.getFixedT(language);
    fixed.set(language, t);
  }
  return t;
}
