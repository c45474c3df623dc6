import { Low } from 'lowdb';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { SCHEMA_VERSION, type HubState } from '../core/index.ts';
import { CorruptDataFileError, DurableJsonFile } from './durable-json-file.ts';

export const CHECKPOINT_FILE = 'checkpoint.json';

interface CheckpointData {
  v: number;
  state: HubState | null;
  /** sha256 of the state's JSON, written with it: a state edited or damaged since is not trusted. */
  digest?: string;
}

function digestOf(state: HubState): string {
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}

/** Why the stored checkpoint cannot stand in for the log up to its seq, or null when it can. */
function distrust(data: CheckpointData): string | null {
  if (data.v !== SCHEMA_VERSION) return `it has schema version ${data.v}`;
  if (!data.state) return null;
  if (typeof data.state.seq !== 'number' || typeof data.state.requests !== 'object' || data.state.requests === null)
    return 'it does not hold a hub state';
  if (data.digest !== digestOf(data.state)) return 'its content does not match the digest written with it';
  return null;
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
    const why = distrust(db.data);
    if (why) console.error(`GateCare: ${join(dir, CHECKPOINT_FILE)} is not trusted (${why}); rebuilding the state from the log instead.`);
    const state = why ? null : db.data.state;
    return { checkpoint: new Checkpoint(db), state };
  }

  get seq(): number {
    return this.db.data.state?.seq ?? 0;
  }

  /** `state` must not change until this resolves (pass a copy of a state that may be updated in place). */
  async save(state: HubState): Promise<void> {
    this.db.data = { v: SCHEMA_VERSION, state, digest: digestOf(state) };
    await this.db.write();
  }
}
