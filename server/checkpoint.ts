import { Low } from 'lowdb';
import { join } from 'node:path';
import { SCHEMA_VERSION, type HubState } from '../core/index.ts';
import { CorruptDataFileError, DurableJsonFile } from './durable-json-file.ts';

export const CHECKPOINT_FILE = 'checkpoint.json';

interface CheckpointData {
  v: number;
  state: HubState | null;
}

/**
 * The hub state as of some seq, so a restart replays only the operations after it.
 * Only an optimisation: the log stays the truth, and a damaged checkpoint means a full replay.
 */
export class Checkpoint {
  private constructor(private readonly db: Low<CheckpointData>) {}

  static async open(dir: string): Promise<{ checkpoint: Checkpoint; state: HubState | null }> {
    const db = new Low<CheckpointData>(new DurableJsonFile<CheckpointData>(join(dir, CHECKPOINT_FILE)), { v: SCHEMA_VERSION, state: null });
    try {
      await db.read();
    } catch (e) {
      if (!(e instanceof CorruptDataFileError)) throw e;
      console.error(`GateCare: ${e.message} Rebuilding the state from the log instead.`);
      db.data = { v: SCHEMA_VERSION, state: null };
    }
    const state = db.data.v === SCHEMA_VERSION ? db.data.state : null;
    return { checkpoint: new Checkpoint(db), state };
  }

  get seq(): number {
    return this.db.data.state?.seq ?? 0;
  }

  /** `state` must not change until this resolves (pass a copy of a state that may be updated in place). */
  async save(state: HubState): Promise<void> {
    this.db.data = { v: SCHEMA_VERSION, state };
    await this.db.write();
  }
}
