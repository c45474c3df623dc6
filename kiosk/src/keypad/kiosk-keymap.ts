import { parseKeyMap, type KeyMap } from './keymap.ts';

const STORE = 'gatecare.kiosk.keys';

/**
 * This kiosk's keys: `?keys=…` on its address (kept, so the kiosk's start page need not repeat
 * it), else the last one given, else the defaults. `?keys=` with nothing after it forgets it.
 */
export function kioskKeyMap(): { map: KeyMap; error: string | null } {
  const fromUrl = new URLSearchParams(location.search).get('keys');
  if (fromUrl !== null) {
    if (fromUrl.trim()) localStorage.setItem(STORE, fromUrl);
    else localStorage.removeItem(STORE);
  }
  return parseKeyMap(fromUrl ?? localStorage.getItem(STORE) ?? '');
}
