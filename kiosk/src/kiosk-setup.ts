import { GateId } from '../../core/index.ts';

const GATE_KEY = 'gatecare.kiosk.gate';

/** The gate this kiosk stands at: from ?gate= once at set-up, then remembered. */
export function kioskGate(): string | null {
  const fromUrl = new URLSearchParams(location.search).get('gate');
  if (fromUrl && GateId.safeParse(fromUrl.toUpperCase()).success) {
    localStorage.setItem(GATE_KEY, fromUrl.toUpperCase());
  }
  return localStorage.getItem(GATE_KEY);
}

export function setKioskGate(gate: string): void {
  localStorage.setItem(GATE_KEY, gate);
}
