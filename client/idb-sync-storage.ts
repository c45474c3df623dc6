import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { SCHEMA_VERSION, type HubState, type Op } from '../core/plain.ts';
import type { Rejected, SyncStorage } from './sync-storage.ts';

interface StoredConfirmed {
  v: number;
  /** Which slice of the hub it is (gates covered): another slice needs a fresh snapshot, not a pull after seq. */
  view?: string;
  seq: number;
  state: HubState;
}

interface SyncDB extends DBSchema {
  outbox: { key: string; value: Op };
  rejected: { key: string; value: Rejected & { v: number } };
  confirmed: { key: 'latest'; value: StoredConfirmed };
}

const DB_VERSION = 1;

/**
 * The device's outbox, unread refusals and last confirmed state in IndexedDB, so that
 * closing the tab, a reload or a power cut loses nothing that was entered.
 * One database per device and person: an agent's unsent actions wait for that agent.
 */
export class IdbSyncStorage implements SyncStorage {
  private constructor(
    private readonly db: IDBPDatabase<SyncDB>,
    private readonly view: string,
  ) {}

  static async open(scope: string, view = ''): Promise<IdbSyncStorage> {
    const db = await openDB<SyncDB>(`gatecare-sync:${scope}`, DB_VERSION, {
      upgrade(db) {
        // Operation ids are UUIDv7, so key order is the order they were made in.
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('rejected', { keyPath: 'op.id' });
        db.createObjectStore('confirmed');
      },
    });
    return new IdbSyncStorage(db, view);
  }

  async loadOutbox(): Promise<Op[]> {
    return this.db.getAll('outbox');
  }

  async putOp(op: Op): Promise<void> {
    await this.db.put('outbox', op);
  }

  async settleOp(id: string, rejection: Rejected | null): Promise<void> {
    const tx = this.db.transaction(['outbox', 'rejected'], 'readwrite');
    await Promise.all([
      tx.objectStore('outbox').delete(id),
      rejection ? tx.objectStore('rejected').put({ v: SCHEMA_VERSION, ...rejection }) : undefined,
      tx.done,
    ]);
  }

  async loadRejected(): Promise<Rejected[]> {
    return (await this.db.getAll('rejected')).map(({ op, reason }) => ({ op, reason }));
  }

  async dismissRejected(opId: string): Promise<void> {
    await this.db.delete('rejected', opId);
  }

  async loadConfirmed(): Promise<{ seq: number; state: HubState } | null> {
    const stored = await this.db.get('confirmed', 'latest');
    // A state saved by an older app version is not trusted: the hub sends a fresh snapshot instead.
    if (!stored || stored.v !== SCHEMA_VERSION || stored.state.v !== SCHEMA_VERSION) return null;
    // Requests of newly covered gates are older than our seq: only a snapshot brings them.
    if ((stored.view ?? '') !== this.view) return null;
    return { seq: stored.seq, state: stored.state };
  }

  async saveConfirmed(seq: number, state: HubState): Promise<void> {
    await this.db.put('confirmed', { v: SCHEMA_VERSION, view: this.view, seq, state }, 'latest');
  }

  close(): void {
    this.db.close();
  }
}
