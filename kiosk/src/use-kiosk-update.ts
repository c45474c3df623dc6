import { useAppUpdate } from '../../client/use-app-update.ts';

/** A new kiosk version is applied only when the kiosk is idle, never in the middle of a passenger's entry. */
export function useKioskUpdate(idle: boolean): void {
  useAppUpdate(idle);
}
