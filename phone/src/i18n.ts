import kioskEn from '../../kiosk/src/locales/en.json';
import phoneEn from './locales/en.json';
import { KIOSK_LANGUAGES, type KioskLanguage } from '../../kiosk/src/languages.ts';

/**
 * The kiosk's catalogs (the phone shares them, so a passenger reads the same words on both) plus
 * the phone's own words (./locales: kept apart so they cost the kiosk's budget nothing), with a
 * tiny translator instead of i18next: the phone's JavaScript budget is 100 kB for a cheap phone.
 * English ships in the bundle, the other languages are chunks fetched when chosen.
 */
type Catalog = { [key: string]: string | Catalog };
const lazyKiosk = import.meta.glob<{ default: Catalog }>(['../../kiosk/src/locales/*.json', '!../../kiosk/src/locales/en.json']);
const lazyPhone = import.meta.glob<{ default: Catalog }>(['./locales/*.json', '!./locales/en.json']);
const loaded: Partial<Record<KioskLanguage, Catalog>> = { en: { ...kioskEn, ...phoneEn } };

export { KIOSK_LANGUAGES, type KioskLanguage };

export function isKioskLanguage(s: string): s is KioskLanguage {
  return KIOSK_LANGUAGES.some((l) => l.code === s);
}

export async function loadLanguage(code: KioskLanguage): Promise<void> {
  if (loaded[code]) return;
  const kiosk = lazyKiosk[`../../kiosk/src/locales/${code}.json`];
  const phone = lazyPhone[`./locales/${code}.json`];
  if (kiosk && phone) {
    const [k, p] = await Promise.all([kiosk(), phone()]);
    loaded[code] = { ...k.default, ...p.default };
  }
}

function lookup(catalog: Catalog | undefined, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** `t` for a language: its catalog, else English, else the key itself (a missing word shows as a key, never crashes). */
export function translator(code: KioskLanguage): Translate {
  return (key, values = {}) => {
    const template = lookup(loaded[code], key) ?? lookup(loaded.en, key) ?? key;
    return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(values[name] ?? ''));
  };
}

export function applyToDocument(code: KioskLanguage): void {
  document.documentElement.lang = code;
  document.documentElement.dir = KIOSK_LANGUAGES.find((l) => l.code === code)!.dir;
}
