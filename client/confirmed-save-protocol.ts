import type { ConfirmedSave } from './sync-db.ts';

/** What the page asks of its save worker (client/confirmed-save-worker.ts), handled one after the other in this order. */
export type ToSaveWorker = { kind: 'open'; scope: string } | { kind: 'save'; id: number; save: ConfirmedSave } | { kind: 'close' };

/** The worker's answer to a save (`id`), or with id 0 that it could not open the database. */
export interface FromSaveWorker {
  id: number;
  error: string | null;
}
