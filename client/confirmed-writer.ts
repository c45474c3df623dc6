import type { ConfirmedSave } from './sync-db.ts';

/** Where IdbSyncStorage writes its saves of the confirmed state: in the page's own thread, or in a worker. */
export interface ConfirmedWriter {
  /** Copies `save` before it returns (IndexedDB's put and postMessage both do, synchronously); resolves once it is stored. */
  write(save: ConfirmedSave): Promise<void>;
  /** True once the writer cannot write any more (its worker failed): the storage goes back to writing itself. */
  readonly broken: boolean;
  /** Lets saves under way finish, then lets go of the database. */
  close(): void;
}

/** Makes a writer for one device's database, or null where it cannot (the page then writes itself). */
export type ConfirmedWriterFactory = (scope: string) => ConfirmedWriter | null;
