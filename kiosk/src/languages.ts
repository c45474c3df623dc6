/** Languages offered to passengers (kiosk and phone), each named in itself; Arabic reads right to left. */
export const KIOSK_LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'it', name: 'Italiano', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'zh', name: '中文', dir: 'ltr' },
] as const;
export type KioskLanguage = (typeof KIOSK_LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE: KioskLanguage = 'en';
