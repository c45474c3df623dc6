import type { ConfirmedWriter } from './confirmed-writer.ts';
import type { FromSaveWorker, ToSaveWorker } from './confirmed-save-protocol.ts';
import type { ConfirmedSave } from './sync-db.ts';

/**
 * Saves of the confirmed state written by a worker (client/confirmed-save-worker.ts) on its own
 * connection to the device's database, so the page's thread is not held by one IndexedDB put per
 * changed record. Only the staff app uses it (passed to useSyncClient), so the kiosk's bundle stays
 * as it is. If the worker cannot start or fails, the writer says it is broken and the storage writes
 * in the page again (IdbSyncStorage); nothing is lost meanwhile: the save that failed is made again whole.
 */
class WorkerConfirmedWriter implements ConfirmedWriter {
  broken = false;
  private nextId = 1;
  private readonly waiting = new Map<number, { done: () => void; failed: (e: Error) => void }>();

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (e: MessageEvent<FromSaveWorker>) => {
      const { id, error } = e.data;
      if (id === 0) return this.fail(error ?? 'the save worker failed');
      const w = this.waiting.get(id);
      this.waiting.delete(id);
      if (error === null) w?.done();
      else w?.failed(new Error(error));
    });
    // The script could not be loaded or threw: every save waiting for it has failed.
    worker.addEventListener('error', (e) => this.fail(`the save worker failed: ${e.message || 'could not start'}`));
    worker.addEventListener('messageerror', () => this.fail('the save worker could not read a message'));
  }

  write(save: ConfirmedSave): Promise<void> {
    if (this.broken) return Promise.reject(new Error('the save worker failed'));
    const id = this.nextId++;
    return new Promise<void>((done, failed) => {
      this.waiting.set(id, { done, failed });
      try {
        // postMessage copies the save before it returns, as SyncStorage.saveConfirmed promises.
        this.post({ kind: 'save', id, save });
      } catch (e) {
        this.waiting.delete(id);
        failed(e as Error);
      }
    });
  }

  close(): void {
    if (!this.broken) this.post({ kind: 'close' });
  }

  post(msg: ToSaveWorker): void {
    this.worker.postMessage(msg);
  }

  private fail(why: string): void {
    this.broken = true;
    this.worker.terminate();
    for (const w of this.waiting.values()) w.failed(new Error(why));
    this.waiting.clear();
  }
}

/** A worker writing the saves of `scope`'s database, or null where workers are not available. */
export function workerConfirmedWriter(scope: string): ConfirmedWriter | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./confirmed-save-worker.ts', import.meta.url), { type: 'module', name: 'gatecare-saves' });
    const writer = new WorkerConfirmedWriter(worker);
    writer.post({ kind: 'open', scope });
    return writer;
  } catch (e) {
    console.error(`GateCare: no save worker (${(e as Error).message}); saves are written in the page`);
    return null;
  }
}
