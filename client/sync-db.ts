import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CareRequest, HubState, Op, Voucher } from '../core/plain.ts';
import { SCHEMA_VERSION } from '../core/values.ts';
import type { Rejected } from './sync-storage.ts';

/** The confirmed state but its requests and vouchers, which have a record each (see writeConfirmed). */
export type StateRest = Omit<HubState, 'requests' | 'vouchers'>;

export interface StoredConfirmed {
  v: number;
  /** Which slice of the hub it is (gates covered): another slice needs a fresh snapshot, not a pull after seq. */
  view?: string;
  seq: number;
  state: StateRest;
}

export interface SyncDB extends DBSchema {
  outbox: { key: string; value: Op };
  rejected: { key: string; value: Rejected & { v: number } };
  confirmed: { key: 'latest'; value: StoredConfirmed };
  requests: { key: string; value: CareRequest };
  vouchers: { key: string; value: Voucher };
}

/** 2: requests and vouchers one record each, instead of the whole state in one record. */
const DB_VERSION = 2;

/**
 * One device's database (one per device and person: an agent's unsent actions wait for that agent).
 */
export function openSyncDb(scope: string): Promise<IDBPDatabase<SyncDB>> {
  return openDB<SyncDB>(`gatecare-sync:${scope}`, DB_VERSION, {
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
}

/** What one save of the confirmed state writes: the requests and vouchers changed since the last (all of them when `whole`). */
export interface ConfirmedSave {
  seq: number;
  view: string;
  rest: StateRest;
  requests: CareRequest[];
  vouchers: Voucher[];
  /** The stores are emptied first: the records are the whole state (first save, a snapshot). */
  whole: boolean;
}

/**
 * Puts issued per task. A put serialises its record on the calling thread (0.2–0.7 ms for a request on a
 * tablet's CPU throttled 4×), so the 60 requests a surge changes between two saves, put in one go, held the
 * main thread for 30–100 ms, and every push arriving meanwhile waited behind them. A worker for the saves
 * and a save deferred to an idle moment were both tried and taken out (see README, "Devices in a surge").
 */
export const PUTS_PER_TASK = 8;

/**
 * Writes one save in one transaction, so a reload finds either the previous save or this one whole.
 * The rest of the state is put first, in the caller's task (the sync client writes some of its maps in place).
 * The records of a save of what changed then go in slices of PUTS_PER_TASK: awaiting a slice's last put
 * resumes in its success event, where the transaction is still active, and lets the page draw pushes between
 * slices; requests and vouchers are never changed in place (a write replaces the object), so a slice written
 * later still holds them as saved. A whole save (after a snapshot) goes in one task as before: sliced, the
 * 10,000 requests of a duty manager's board took 1,250 round trips to the database and competed with the
 * pushes for seconds (board bench p50 150 → 240 ms at load 8–12).
 */
export async function writeConfirmed(db: IDBPDatabase<SyncDB>, save: ConfirmedSave): Promise<void> {
  const tx = db.transaction(['confirmed', 'requests', 'vouchers'], 'readwrite');
  const requestStore = tx.objectStore('requests');
  const voucherStore = tx.objectStore('vouchers');
  const writes: Promise<unknown>[] = [];
  if (save.whole) writes.push(requestStore.clear(), voucherStore.clear());
  writes.push(tx.objectStore('confirmed').put({ v: SCHEMA_VERSION, view: save.view, seq: save.seq, state: save.rest }, 'latest'));
  const slice = async (write: Promise<unknown>): Promise<void> => {
    writes.push(write);
    if (!save.whole && writes.length % PUTS_PER_TASK === 0) await write;
  };
  try {
    for (const r of save.requests) await slice(requestStore.put(r));
    for (const v of save.vouchers) await slice(voucherStore.put(v));
  } catch {
    // The write that failed is in `writes`, and the transaction aborts: both are reported below.
  }
  await Promise.all([...writes, tx.done]);
}
