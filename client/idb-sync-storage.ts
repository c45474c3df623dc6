import type { IDBPDatabase } from 'idb';
import { SCHEMA_VERSION, takeWrites, trackWrites, type HubState, type Op } from '../core/plain.ts';
import { openSyncDb, writeConfirmed, type SyncDB } from './sync-db.ts';
import type { Rejected, SyncStorage } from './sync-storage.ts';

/**
 * The device's outbox, unread refusals and last confirmed state in IndexedDB, so that
 * closing the tab, a reload or a power cut loses nothing that was entered.
 * One database per device and person: an agent's unsent actions wait for that agent.
 */
const byId = <T extends { id: string }>(items: T[]): Record<string, T> => Object.fromEntries(items.map((i) => [i.id, i]));

export class IdbSyncStorage implements SyncStorage {
  /** The requests and vouchers maps the stores hold, tracked since: the next save writes only what changed in them. */
  private saved: { requests: object; vouchers: object } | null = null;

  private constructor(
    private readonly db: IDBPDatabase<SyncDB>,
    private readonly view: string,
  ) {}

  static async open(scope: string, view = ''): Promise<IdbSyncStorage> {
    const db = await openSyncDb(scope);
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
   * stalled a duty manager's tablet for half a second each time on a slow CPU. The rest of the state is
   * copied (put) before this returns, as SyncStorage asks; the requests and vouchers are taken as they are
   * now (never changed in place, only replaced in their maps) and put a slice per task, all in one transaction.
   */
  async saveConfirmed(seq: number, state: HubState): Promise<void> {
    const { requests, vouchers, ...rest } = state;
    const changedRequests = this.saved?.requests === requests ? takeWrites(requests) : null;
    const changedVouchers = this.saved?.vouchers === vouchers ? takeWrites(vouchers) : null;
    const whole = !changedRequests || !changedVouchers;
    if (whole) {
      trackWrites(requests);
      trackWrites(vouchers);
      this.saved = { requests, vouchers };
    }
    const save = {
      seq,
      view: this.view,
      rest,
      requests: whole ? Object.values(requests) : changedRequests.map((id) => requests[id]!),
      vouchers: whole ? Object.values(vouchers) : changedVouchers.map((id) => vouchers[id]!),
      whole,
    };
    try {
      await writeConfirmed(this.db, save);
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
