import { v7 as uuidv7 } from 'uuid';

/** A stable id for this browser, created once: operations name the device they came from. */
export function deviceId(prefix: string): string {
  const key = `gatecare.${prefix}.device`;
  let id = localStorage.getItem(key);
  if (!id) {
    id = `${prefix}-${uuidv7()}`;
    localStorage.setItem(key, id);
  }
  return id;
}
