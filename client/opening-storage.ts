import type { HubState, Op } from '../core/plain.ts';
import type { Rejected, SyncStorage } from './sync-storage.ts';

/**
 * A device's storage while its IndexedDB database is still opening: each call waits for it,
 * so the sync client (and the screen drawn from it) need not. Opening IndexedDB on a slow
 * kiosk took a good part of its cold start; the first screen does not need it.
 */
export class OpeningStorage implements SyncStorage {
  private open: SyncStorage | null = null;
  private readonly opening: Promise<SyncStorage>;

  constructor(opening: Promise<SyncStorage>) {
    this.opening = opening.then((s) => (this.open = s));
  }

  /** Calls the storage at once when it is open: saveConfirmed must copy the state before returning (SyncStorage). */
  private call<T>(f: (s: SyncStorage) => Promise<T>): Promise<T> {
    return this.open ? f(this.open) : this.opening.then(f);
  }

  loadOutbox(): Promise<Op[]> {
    return this.call((s) => s.loadOutbox());
  }
  putOp(op: Op): Promise<void> {
    return this.call((s) => s.putOp(op));
  }
  settleOp(id: string, rejection: Rejected | null): Promise<void> {
    return this.call((s) => s.settleOp(id, rejection));
  }
  loadRejected(): Promise<Rejected[]> {
    return this.call((s) => s.loadRejected());
  }
  dismissRejected(opId: string): Promise<void> {
    return this.call((s) => s.dismissRejected(opId));
  }
  loadConfirmed(): Promise<{ seq: number; state: HubState } | null> {
    return this.call((s) => s.loadConfirmed());
  }
  saveConfirmed(seq: number, state: HubState): Promise<void> {
    return this.call((s) => s.saveConfirmed(seq, state));
  }
}
