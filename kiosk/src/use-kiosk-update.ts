import { useAppUpdate } from '../../client/use-app-update.ts';
import { useKioskIdle } from './use-kiosk-idle.ts';

/** A new kiosk version is applied only when the kiosk is idle, never in the middle of a passenger's entry. */
export function useKioskUpdate(entryInProgress: boolean): void {
  useAppUpdate(useKioskIdle(entryInProgress));
}
