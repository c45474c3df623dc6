/**
 * The staff app's save worker: writes the sync client's saves of the confirmed state into the
 * device's IndexedDB database, off the page's thread. Each record is one IndexedDB put, and a put
 * costs the thread that makes it far more than copying the record: the sixty puts of one save in a
 * surge were the longest task of a tablet's main thread (150 ms under a 4× CPU throttle), and a push
 * arriving during it waited for all of them. Here the page pays only postMessage's copy of what changed.
 */
import type { IDBPDatabase } from 'idb';
import type { FromSaveWorker, ToSaveWorker } from './confirmed-save-protocol.ts';
import { openSyncDb, writeConfirmed, type SyncDB } from './sync-db.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToSaveWorker>) => void) | null;
  postMessage(message: FromSaveWorker): void;
  close(): void;
}

const scope = self as unknown as WorkerScope;
let db: IDBPDatabase<SyncDB> | null = null;
// One message after the other: a save never overtakes the one before it, and close waits for them all.
let queue: Promise<void> = Promise.resolve();

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function handle(msg: ToSaveWorker): Promise<void> {
  if (msg.kind === 'open') {
    try {
      db = await openSyncDb(msg.scope);
    } catch (e) {
      scope.postMessage({ id: 0, error: `the save worker could not open IndexedDB: ${why(e)}` });
    }
    return;
  }
  if (msg.kind === 'save') {
    if (!db) {
      scope.postMessage({ id: msg.id, error: 'the save worker has no database' });
      return;
    }
    try {
      await writeConfirmed(db, msg.save);
      scope.postMessage({ id: msg.id, error: null });
    } catch (e) {
      scope.postMessage({ id: msg.id, error: why(e) });
    }
    return;
  }
  // Closing waits for the transactions under way; the worker ends once nothing is left to do.
  db?.close();
  scope.close();
}

scope.onmessage = (e) => {
  queue = queue.then(() => handle(e.data));
};
