import { Low } from 'lowdb';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { SCHEMA_VERSION, type HubState } from '../core/index.ts';
import { CorruptDataFileError, DurableJsonFile } from './durable-json-file.ts';
import { jsonSlices } from './sliced-json.ts';

export const CHECKPOINT_FILE = 'checkpoint.json';

/** The checkpoint is flushed to disk every this many characters while written (see DurableJsonFile.writeChunks). */
const CHECKPOINT_SYNC_BYTES = 1 << 18;

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
  private seqWritten: number;

  private constructor(
    private readonly db: Low<CheckpointData>,
    private readonly file: DurableJsonFile<CheckpointData>,
  ) {
    this.seqWritten = db.data.state?.seq ?? 0;
  }

  /** Test seam: awaited between slices of a checkpoint being written (to hold one half-written). */
  static betweenSlices: (() => Promise<void>) | null = null;

  /**
   * How long one slice may take to make (tests: 0, a slice per record, to hold one after its first request).
   * A commit's disk callbacks wait behind the slice being made: at 4 ms a group commit through a checkpoint
   * of a long day waited several of them; 1 ms bounds each wait at about a millisecond, for a few more writes.
   */
  static sliceMs = 1;

  static async open(dir: string): Promise<{ checkpoint: Checkpoint; state: HubState | null }> {
    const file = new DurableJsonFile<CheckpointData>(join(dir, CHECKPOINT_FILE));
    const db = new Low<CheckpointData>(file, { v: SCHEMA_VERSION, state: null });
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
    const checkpoint = new Checkpoint(db, file);
    // Only the state handed over is kept: the checkpoint file is not held in memory while the hub runs.
    db.data = { v: SCHEMA_VERSION, state: null };
    return { checkpoint, state };
  }

  get seq(): number {
    return this.seqWritten;
  }

  /**
   * `state` must not change until this resolves (pass a copy of a state that may be updated in place).
   * Written in slices of a few milliseconds with the digest computed along the way, so commits and
   * pushes go on while a checkpoint of a long day is written (it used to stop them for its whole JSON).
   */
  async save(state: HubState): Promise<void> {
    await this.file.writeChunks(checkpointText(state), CHECKPOINT_SYNC_BYTES);
    this.seqWritten = state.seq;
  }
}

/** The checkpoint file's JSON, `{ v, state, digest }`, as slices. */
async function* checkpointText(state: HubState): AsyncGenerator<string> {
  const hash = createHash('sha256');
  yield `{"v":${SCHEMA_VERSION},"state":`;
  for (const part of jsonSlices(state as unknown as Record<string, unknown>, Checkpoint.sliceMs)) {
    hash.update(part);
    yield part;
    if (Checkpoint.betweenSlices) await Checkpoint.betweenSlices();
  }
  yield `,"digest":"${hash.digest('hex')}"}`;
}
