import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { SCHEMA_VERSION, takeWrites, trackWrites, type CareRequest, type HubState, type Op, type Voucher } from '../core/plain.ts';
import type { Rejected, SyncStorage } from './sync-storage.ts';

/** The confirmed state but its requests and vouchers, which have a record each (see saveConfirmed). */
type StateRest = Omit<HubState, 'requests' | 'vouchers'>;

interface StoredConfirmed {
  v: number;
  /** Which slice of the hub it is (gates covered): another slice needs a fresh snapshot, not a pull after seq. */
  view?: string;
  seq: number;
  state: StateRest;
}

interface SyncDB extends DBSchema {
  outbox: { key: string; value: Op };
  rejected: { key: string; value: Rejected & { v: number } };
  confirmed: { key: 'latest'; value: StoredConfirmed };
  requests: { key: string; value: CareRequest };
  vouchers: { key: string; value: Voucher };
}

/** 2: requests and vouchers one record each, instead of the whole state in one record. */
const DB_VERSION = 2;

/**
 * The device's outbox, unread refusals and last confirmed state in IndexedDB, so that
 * closing the tab, a reload or a power cut loses nothing that was entered.
 * One database per device and person: an agent's unsent actions wait for that agent.
 */
function byId<T extends { id: string }>(items: T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[item.id] = item;
  return out;
}

export class IdbSyncStorage implements SyncStorage {
  /** The requests and vouchers maps the stores hold, tracked since: the next save writes only what changed in them. */
  private saved: { requests: object; vouchers: object } | null = null;

  private constructor(
    private readonly db: IDBPDatabase<SyncDB>,
    private readonly view: string,
  ) {}

  static async open(scope: string, view = ''): Promise<IdbSyncStorage> {
    const db = await openDB<SyncDB>(`gatecare-sync:${scope}`, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          // Operation ids are UUIDv7, so key order is the order they were made in.
          db.createObjectStore('outbox', { keyPath: 'id' });
          db.createObjectStore('rejected', { keyPath: 'op.id' });
          db.createObjectStore('confirmed');
        }
        if (oldVersion < 2) {
          db.createObjectStore('requests', { keyPath: 'id' });
          db.createObjectStore('vouchers', { keyPath: 'id' });
          // A whole state saved the old way is dropped (the hub sends a snapshot); the outbox stays.
          void tx.objectStore('confirmed').clear();
        }
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
    const tx = this.db.transaction(['confirmed', 'requests', 'vouchers']);
    const [stored, requests, vouchers] = await Promise.all([
      tx.objectStore('confirmed').get('latest'),
      tx.objectStore('requests').getAll(),
      tx.objectStore('vouchers').getAll(),
    ]);
    // A state saved by an older app version is not trusted: the hub sends a fresh snapshot instead.
    if (!stored || stored.v !== SCHEMA_VERSION || stored.state.v !== SCHEMA_VERSION) return null;
    // Requests of newly covered gates are older than our seq: only a snapshot brings them.
    if ((stored.view ?? '') !== this.view) return null;
    const state: HubState = { ...stored.state, requests: byId(requests), vouchers: byId(vouchers) };
    // The stores hold exactly these maps: the first save after a reload writes only what changed.
    trackWrites(state.requests);
    trackWrites(state.vouchers);
    this.saved = { requests: state.requests, vouchers: state.vouchers };
    return { seq: stored.seq, state };
  }

  /**
   * Writes only the requests and vouchers written since the last save when the state's maps are the
   * ones saved last (the sync client writes into them in place; core/map-writes.ts tracks the keys),
   * everything otherwise (first save, a snapshot). Copying 10,000 requests every few seconds
   * stalled a duty manager's tablet for half a second each time on a slow CPU. Every put copies its
   * value before this returns, as SyncStorage asks, and all of it is one transaction.
   */
  async saveConfirmed(seq: number, state: HubState): Promise<void> {
    const { requests, vouchers, ...rest } = state;
    const tx = this.db.transaction(['confirmed', 'requests', 'vouchers'], 'readwrite');
    const requestStore = tx.objectStore('requests');
    const voucherStore = tx.objectStore('vouchers');
    const writes: Promise<unknown>[] = [];
    const changedRequests = this.saved?.requests === requests ? takeWrites(requests) : null;
    const changedVouchers = this.saved?.vouchers === vouchers ? takeWrites(vouchers) : null;
    if (changedRequests && changedVouchers) {
      for (const id of changedRequests) writes.push(requestStore.put(requests[id]!));
      for (const id of changedVouchers) writes.push(voucherStore.put(vouchers[id]!));
    } else {
      writes.push(requestStore.clear(), voucherStore.clear());
      for (const r of Object.values(requests)) writes.push(requestStore.put(r));
      for (const v of Object.values(vouchers)) writes.push(voucherStore.put(v));
      trackWrites(requests);
      trackWrites(vouchers);
      this.saved = { requests, vouchers };
    }
    writes.push(tx.objectStore('confirmed').put({ v: SCHEMA_VERSION, view: this.view, seq, state: rest }, 'latest'));
    try {
      await Promise.all([...writes, tx.done]);
    } catch (e) {
      // The keys taken above were not written: the next save writes everything.
      this.saved = null;
      throw e;
    }
  }

  close(): void {
    this.db.close();
  }
}
