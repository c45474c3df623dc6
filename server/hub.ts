import { EventEmitter } from 'node:events';
import {
  apply,
  emptyState,
  parseOp,
  replay,
  viewOf,
  entryVisible,
  entryForViewer,
  SCHEMA_VERSION,
  type Ack,
  type HubState,
  type LogEntry,
  type Op,
  type PullResult,
  type Viewer,
} from '../core/index.ts';
import type { HubStore } from './hub-store.ts';
import type { StoredRejection } from './log-segments.ts';
import { purgeEntry, purgedRecords } from '../core/purge-log.ts';
import { airlinesInMinorUnits } from '../core/entitlements/airline-money.ts';
import { isoNow, wallClock, type Clock } from './clock.ts';
import { freezeMap } from './frozen-map.ts';
import { AnswerWindow } from './answer-window.ts';

/**
 * A copy whose maps written in place (ApplyContext.inPlace: requests, vouchers, room allocations, blocks and shuttles) are
 * its own: `state` and `durable` apply the same operations into their maps, so sharing one would
 * apply each twice (a room allocated, then refused as "already submitted" on the durable side).
 */
function withOwnMaps(s: HubState): HubState {
  const own: HubState = { ...s, requests: { ...s.requests }, vouchers: { ...s.vouchers } };
  if (s.roomAllocations) own.roomAllocations = { ...s.roomAllocations };
  if (s.roomBlocks) own.roomBlocks = { ...s.roomBlocks };
  if (s.shuttles) own.shuttles = { ...s.shuttles };
  return own;
}

/** Who sent an operation, as the hub authenticated them (never what the operation claims). */
export type Identity = { kind: 'kiosk'; device: string; gate: string } | { kind: 'staff'; id: string } | { kind: 'system' };

/**
 * A pull answers at most this many entries; a device further behind is told there is `more` and pulls
 * the next page at once. Each answer stays small, so a node that takes over a dead node's devices in a
 * surge answers their catch-ups between its commits rather than stalling on one large message each.
 */
export const PULL_PAGE = 1000;

/**
 * A device further behind than this (or behind the entries kept in memory, RECENT_ENTRIES) gets a
 * snapshot of its view instead. Kept high, as a snapshot of a whole airport is the one large message a
 * busy node would stall on; a device that far behind has been away long enough for it.
 */
export const SNAPSHOT_AFTER = 10_000;

/**
 * The hub answers a duplicate (a retry after a lost ack) with the original answer for the last this
 * many operations it answered, accepted or refused, in the order it answered them. An older duplicate
 * is checked again like a new operation: the reducer refuses what would apply twice (a request or
 * voucher id that exists, a claim already held), so a bounded memory never means a double effect.
 * A device's outbox retries within seconds or minutes, far inside this window.
 */
export const SEEN_LIMIT = 100_000;

/** A checkpoint every this many operations: a restart replays at most this many. */
export const CHECKPOINT_EVERY = 10_000;

interface Pending {
  entry: LogEntry;
  resolve: (ack: Ack) => void;
}

/** An operation waiting for its turn in a shared log: not applied yet, since the order is decided in the database. */
interface Queued {
  op: Op;
  answer: Promise<Ack>;
  resolve: (ack: Ack) => void;
}

export interface HubEvents {
  committed: [LogEntry[], HubState];
  /** Only what this hub committed itself (one hub alone: everything): for what must happen once per deployment, like a Web Push. */
  committedHere: [LogEntry[], HubState];
}

/**
 * The authoritative copy of the airport: validates, applies with the core reducer,
 * sequences, persists in batches (group commit) and only then acknowledges.
 */
export class Hub extends EventEmitter<HubEvents> {
  /**
   * Both states are updated in place (see ApplyContext.inPlace), so each owns its requests and vouchers maps:
   * `state` has every accepted operation, `durable` only those written to disk.
   */
  private state: HubState;
  /** State as of the last durable write: what devices may be shown. */
  private durable: HubState;
  private readonly seen: AnswerWindow<Promise<Ack> | Ack>;
  private batch: Pending[] = [];
  private writing: Promise<void> | null = null;
  private closed = false;
  /** Set while the last durable write failed: new operations are refused until one succeeds. */
  private storageFault: string | null = null;

  private readonly checkpointEvery: number;

  constructor(
    private readonly store: HubStore,
    private readonly clock: Clock = wallClock,
    options: { checkpointEvery?: number; seenLimit?: number; snapshotAfter?: number } = {},
  ) {
    super();
    this.checkpointEvery = options.checkpointEvery ?? CHECKPOINT_EVERY;
    this.seenLimit = options.seenLimit ?? SEEN_LIMIT;
    this.snapshotAfter = options.snapshotAfter ?? SNAPSHOT_AFTER;
    this.seen = new AnswerWindow(this.seenLimit);
    const recovered = store.takeRecovered();
    const { state, failed } = replay(recovered.checkpoint ? airlinesInMinorUnits(recovered.checkpoint) : emptyState(), recovered.entries, {
      inPlace: true,
    });
    if (failed.length) {
      throw new Error(
        `${store.file}: ${failed.length} stored operations no longer apply (first seq ${failed[0]!.seq}). ` +
          `The file was left untouched: run the hub version that wrote it, or restore a backup.`,
      );
    }
    this.durable = state;
    this.state = withOwnMaps(state);
    const accepted = recovered.accepted.slice(-this.seenLimit);
    for (const [opId, seq] of accepted) this.seen.set(opId, { v: SCHEMA_VERSION, opId, ok: true, seq });
    for (const [opId, r] of recovered.rejected.slice(-this.seenLimit)) this.remember(opId, { v: SCHEMA_VERSION, opId, ok: false, ...r });
    store.shared?.onCommitted((seq) => {
      if (seq > this.durable.seq) this.catchUp();
    });
  }

  private readonly seenLimit: number;
  private readonly snapshotAfter: number;

  /** Keeps `answer` for duplicates of `opId`, forgetting the oldest answers beyond the window (SEEN_LIMIT). */
  private remember(opId: string, answer: Promise<Ack> | Ack): void {
    // A new id goes last; replacing a pending answer keeps its place.
    this.seen.set(opId, answer);
    this.seen.trim();
  }

  get current(): HubState {
    return this.state;
  }

  get seq(): number {
    return this.state.seq;
  }

  /** The state as of the last durable write: what reads answer from. */
  get durableState(): HubState {
    return this.durable;
  }

  /** Seq of the last operation written to disk: what devices have been, or can be, sent. */
  get durableSeq(): number {
    return this.durable.seq;
  }

  /** Validates and applies one operation; resolves once it is durable (or rejected). */
  submit(raw: unknown, who: Identity): Promise<Ack> {
    const opId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '';
    if (this.closed) return Promise.resolve(this.refuse(opId, 'storage', 'the hub is shutting down, try again shortly'));
    if (this.storageFault)
      return Promise.resolve(this.refuse(opId, 'storage', `the hub cannot write to its disk (${this.storageFault}): try again shortly`));
    const parsed = parseOp(raw);
    if (!parsed.ok) return Promise.resolve(this.refuse(opId, 'invalid', parsed.reason));
    const op = parsed.op;
    const previous = this.seen.get(op.id);
    if (previous) return Promise.resolve(previous);
    const mismatch = this.identityMismatch(op, who);
    if (mismatch) return Promise.resolve(this.refuse(op.id, 'forbidden', mismatch));
    if (this.store.shared) return this.queueShared(op);

    const seq = this.state.seq + 1;
    const at = isoNow(this.clock);
    const out = apply(this.state, op, { seq, at, inPlace: true });
    if (!out.ok) {
      const ack: Ack = { v: SCHEMA_VERSION, opId: op.id, ok: false, code: out.code, reason: out.reason };
      this.remember(op.id, ack);
      this.store.reject(op.id, { code: out.code, reason: out.reason });
      return Promise.resolve(ack);
    }
    this.state = out.state;
    const entry: LogEntry = { seq, at, op };
    this.store.append(entry);
    const promise = new Promise<Ack>((resolve) => this.batch.push({ entry, resolve }));
    this.remember(op.id, promise);
    this.scheduleFlush();
    return promise;
  }

  /**
   * What this viewer may see after `after`, from memory: the entries (a page of at most PULL_PAGE, with
   * `more` when the durable head is further), or a snapshot when too far behind.
   */
  pull(after: number, viewer: Viewer): PullResult {
    const head = this.durable.seq;
    if (after <= 0 || after > head || head - after > this.snapshotAfter) {
      return { v: SCHEMA_VERSION, kind: 'snapshot', state: viewOf(this.durable, viewer), upTo: head };
    }
    const upTo = Math.min(head, after + PULL_PAGE);
    const recent = this.store.entriesBetween(after, upTo);
    if (!recent) return { v: SCHEMA_VERSION, kind: 'snapshot', state: viewOf(this.durable, viewer), upTo: head };
    const entries = recent.filter((e) => entryVisible(this.durable, e, viewer)).map((e) => entryForViewer(this.durable, e, viewer));
    return { v: SCHEMA_VERSION, kind: 'entries', entries, upTo, ...(upTo < head ? { more: true as const } : {}) };
  }

  snapshot(viewer: Viewer): PullResult {
    return this.pull(-1, viewer);
  }

  /** Waits for every accepted operation to be written. */
  async flush(): Promise<void> {
    while (!this.stopRetrying && (this.writing || this.batch.length || this.queued.length)) {
      if (!this.writing) this.scheduleFlush();
      await this.writing;
    }
  }

  /** Whether the last durable write failed (then new operations get `storage`). */
  get storageProblem(): string | null {
    return this.storageFault;
  }

  /**
   * Writes what it can, within `ms`: a hub whose disk is full must still stop when told to.
   * Operations never written were never acknowledged; their devices still hold them and resend.
   */
  async close(ms = 10_000): Promise<void> {
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
    const done = await Promise.race([
      this.flush().then(
        () => 'flushed' as const,
        () => 'timeout' as const,
      ),
      gaveUp,
    ]);
    clearTimeout(timer);
    if (done === 'timeout') {
      this.stopRetrying = true;
      console.error(
        `GateCare: stopping with ${this.batch.length + this.inFlight.length + this.queued.length} operations not written (${this.storageFault ?? 'disk too slow'}); their devices will send them again`,
      );
      return;
    }
    if (this.durable.seq > this.store.checkpointSeq) {
      // Only a shortcut for the next start: a stop must not fail because the store went away first.
      await this.checkpoint(true).catch((e: unknown) =>
        console.error(`GateCare: checkpoint not written at stop (${(e as Error).message}); the next start replays the log`),
      );
    }
    await this.store.close();
  }

  private stopRetrying = false;

  /** The periodic checkpoint being written, so commits meanwhile do not start (and freeze for) another. */
  private checkpointing: Promise<void> | null = null;

  /**
   * Writes the durable state as the checkpoint. `durable` keeps changing in place while it is written
   * (its requests, vouchers, room allocations, room blocks and shuttles maps; their records and every other part are replaced,
   * never changed), so those maps are passed as frozen views rather than copied in one go (server/frozen-map.ts).
   */
  private checkpoint(whenDone = false): Promise<void> {
    if (this.checkpointing && !whenDone) return this.checkpointing;
    const requests = freezeMap(this.durable.requests);
    const vouchers = freezeMap(this.durable.vouchers);
    const allocations = this.durable.roomAllocations ? freezeMap(this.durable.roomAllocations) : null;
    const blocks = this.durable.roomBlocks ? freezeMap(this.durable.roomBlocks) : null;
    const shuttles = this.durable.shuttles ? freezeMap(this.durable.shuttles) : null;
    const frozen: HubState = { ...this.durable, requests: requests.view, vouchers: vouchers.view };
    if (allocations) frozen.roomAllocations = allocations.view;
    if (blocks) frozen.roomBlocks = blocks.view;
    if (shuttles) frozen.shuttles = shuttles.view;
    const written = this.store.saveCheckpoint(frozen, whenDone).finally(() => {
      requests.release();
      vouchers.release();
      allocations?.release();
      blocks?.release();
      shuttles?.release();
      if (this.checkpointing === written) this.checkpointing = null;
    });
    if (!whenDone) this.checkpointing = written;
    return written;
  }

  private refuse(opId: string, code: 'invalid' | 'forbidden' | 'storage', reason: string): Ack {
    return { v: SCHEMA_VERSION, opId, ok: false, code, reason };
  }

  private identityMismatch(op: Op, who: Identity): string | null {
    if (who.kind === 'system') return null;
    if (who.kind === 'kiosk') {
      if (op.actor.kind !== 'kiosk' || op.actor.id !== who.device || op.device !== who.device) {
        return 'a kiosk may only submit operations as itself';
      }
      if (op.type === 'request.create' && op.payload.gate !== who.gate) {
        return `this kiosk is enrolled at gate ${who.gate}, not ${op.payload.gate}`;
      }
      return null;
    }
    if (op.actor.kind !== 'staff' || op.actor.id !== who.id) return `you are signed in as ${who.id}, not ${op.actor.id}`;
    // The reducer sees kiosks only through their requests; enrolment tells the hub of them before any.
    const kioskGate = op.type === 'request.create' ? this.store.data.kioskDevices?.[op.device] : undefined;
    if (kioskGate !== undefined)
      return `device ${op.device} is a kiosk (enrolled at gate ${kioskGate}): staff requests come from the staff member's own device`;
    return null;
  }

  private inFlight: Pending[] = [];

  private scheduleFlush(): void {
    if (this.writing) return;
    if (this.store.shared) {
      this.writing = this.sharedLoop();
      return;
    }
    this.writing = (async () => {
      // The first write after a quiet spell starts at the end of this turn of the event loop, so it
      // carries everything that arrived in the turn (the messages of one socket read, of every socket
      // ready at once) instead of the first operation alone, with all the others waiting for it: one
      // write and one push where a burst used to cost two of each. Later writes start as soon as the
      // previous one is durable, with everything that arrived meanwhile.
      await new Promise<void>((resolve) => setImmediate(resolve));
      let writing: Promise<boolean> | null = null;
      while (writing || this.batch.length) {
        if (!writing) writing = this.startWrite();
        if (!(await writing)) break;
        writing = null;
        const done = this.inFlight;
        this.inFlight = [];
        const purged = done.flatMap((p) => (p.entry.op.type === 'passengers.purge' ? [p.entry.op.payload.flightId] : []));
        // What arrived during this write goes to the disk at once, so the next fdatasync runs while this
        // batch is applied, acknowledged and pushed, instead of after (one write in flight at a time: a
        // line is only ever appended after the previous one is durable, so a crash still cuts only the last).
        // A purge rewrites the log first, between two writes.
        if (this.batch.length && !purged.length) writing = this.startWrite();
        this.advanceDurable(done);
        // Acknowledged only once the log and the checkpoint have forgotten them too.
        if (purged.length) await this.forgetPurged(purged);
        for (const p of done) {
          const ack: Ack = { v: SCHEMA_VERSION, opId: p.entry.op.id, ok: true, seq: p.entry.seq };
          this.remember(p.entry.op.id, ack);
          p.resolve(ack);
        }
        const written = done.map((p) => p.entry);
        this.emit('committed', written, this.durable);
        this.emit('committedHere', written, this.durable);
        if (this.durable.seq - this.store.checkpointSeq >= this.checkpointEvery) {
          this.checkpoint().catch((e: unknown) =>
            console.error(`GateCare: checkpoint not written (${(e as Error).message}); the log has everything`),
          );
        }
      }
      this.writing = null;
    })();
  }

  /**
   * Takes every operation waiting into one durable write (the store's commit takes all it was given so far):
   * done at once when the store can (a journal line on a quick disk, HubStore.commitNow), so the batch is
   * acknowledged and pushed in this same turn of the event loop rather than after the next one.
   */
  private startWrite(): Promise<boolean> {
    this.inFlight = this.batch;
    this.batch = [];
    return this.writtenNow() ? Promise.resolve(true) : this.writeWithRetry();
  }

  /** False when the write must go the usual way: no quick path, a failing disk (whose retries and messages are there), or this write failed. */
  private writtenNow(): boolean {
    if (this.storageFault || !this.store.commitNow) return false;
    try {
      return this.store.commitNow();
    } catch {
      // Nothing of it was written: the usual way tries again, and tells the devices if the disk keeps failing.
      return false;
    }
  }

  /**
   * Purged means gone everywhere the hub keeps it: the log segments (and the entries kept in memory
   * for pulls) are rewritten with the same texts blanked, and the checkpoint is written again.
   */
  private async forgetPurged(flightIds: string[]): Promise<void> {
    const records = purgedRecords(this.durable, flightIds);
    try {
      await this.store.rewriteLog((e) => purgeEntry(e, records));
      if (this.store.checkpointSeq > 0) {
        // A checkpoint being written may hold the old texts: wait for it, then write the purged state.
        await this.checkpoint(true);
      }
    } catch (e) {
      console.error(
        `GateCare: could not rewrite the stored log after a purge (${(e as Error).message}); it still holds personal data of ${flightIds.join(', ')}`,
      );
    }
  }

  /** Applies the written entries to `durable`: the same operations on the same state, so the same outcome. */
  private advanceDurable(done: Pending[]): void {
    for (const { entry } of done) {
      const out = apply(this.durable, entry.op, { seq: entry.seq, at: entry.at, inPlace: true });
      if (!out.ok) throw new Error(`seq ${entry.seq} was accepted but does not apply to the durable state: ${out.reason}`);
      this.durable = out.state;
    }
  }

  /** False only when the hub stopped while the disk still failed. */
  private async writeWithRetry(): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.store.commit();
        if (this.storageFault) console.error('GateCare: writing works again; taking operations again');
        this.storageFault = null;
        return true;
      } catch (e) {
        // Nothing is acknowledged until it is on disk; keep trying rather than lie. Meanwhile new
        // operations are refused and the waiting devices are told, rather than left without answer.
        this.storageFault = (e as Error).message;
        console.error(`GateCare: ${this.storageFault}; retrying`);
        for (const p of [...this.inFlight, ...this.batch]) {
          p.resolve(
            this.refuse(p.entry.op.id, 'storage', `not written yet: the hub cannot write to its disk (${this.storageFault}); send it again shortly`),
          );
        }
        if (this.stopRetrying) return false;
        await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** attempt)));
        // A stop that gave up while this hub slept: nothing may be written after close() returned.
        if (this.stopRetrying) return false;
      }
    }
  }

  // ---- Several hubs on one shared log (PostgreSQL): the order is decided inside the database's transaction.

  private queued: Queued[] = [];
  private catchUpDue = false;

  /** Another hub committed: read its entries, apply them and push them to this hub's devices. */
  catchUp(): void {
    this.catchUpDue = true;
    this.scheduleFlush();
  }

  private queueShared(op: Op): Promise<Ack> {
    let resolve!: (ack: Ack) => void;
    const answer = new Promise<Ack>((r) => (resolve = r));
    this.queued.push({ op, answer, resolve });
    this.seen.set(op.id, answer);
    this.scheduleFlush();
    return answer;
  }

  /** One transaction at a time: each takes every operation queued so far (group commit), or only catches up. */
  private async sharedLoop(): Promise<void> {
    const shared = this.store.shared!;
    let attempt = 0;
    while (!this.stopRetrying && (this.queued.length || this.catchUpDue)) {
      const ops = this.queued;
      this.queued = [];
      this.catchUpDue = false;
      try {
        if (ops.length) await this.commitShared(ops);
        else await this.takeForeign(await shared.readAfter(this.durable.seq));
        if (this.storageFault) console.error('GateCare: the database answers again; taking operations again');
        this.storageFault = null;
        attempt = 0;
      } catch (e) {
        // Not acknowledged, so not lost: the devices keep these in their outboxes and send them again. If the
        // commit did happen after all, the resend finds them in the log and gets the original answer.
        this.storageFault = `the database failed: ${(e as Error).message}`;
        console.error(`GateCare: ${this.storageFault}; retrying`);
        this.state = withOwnMaps(this.durable);
        for (const q of ops) {
          if (this.seen.get(q.op.id) === q.answer) this.seen.delete(q.op.id);
          q.resolve(this.refuse(q.op.id, 'storage', `not written: ${this.storageFault}; send it again shortly`));
        }
        if (this.closed) break;
        await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt++)));
        this.catchUpDue = true;
      }
    }
    this.writing = null;
  }

  /** Applies entries other hubs committed (to both states: nothing of this hub is pending between transactions). */
  private applyForeign(foreign: LogEntry[]): void {
    for (const entry of foreign) {
      for (const which of ['durable', 'state'] as const) {
        const out = apply(this[which], entry.op, { seq: entry.seq, at: entry.at, inPlace: true });
        if (!out.ok) throw new Error(`seq ${entry.seq}, committed by another hub, does not apply here: ${out.reason}`);
        this[which] = out.state;
      }
      this.seen.set(entry.op.id, { v: SCHEMA_VERSION, opId: entry.op.id, ok: true, seq: entry.seq });
    }
  }

  private async takeForeign(foreign: LogEntry[]): Promise<void> {
    if (!foreign.length) return;
    this.applyForeign(foreign);
    await this.afterCommit(foreign);
  }

  private async forgetPurgedIn(entries: LogEntry[]): Promise<void> {
    const purged = entries.flatMap((e) => (e.op.type === 'passengers.purge' ? [e.op.payload.flightId] : []));
    if (purged.length) await this.forgetPurged(purged);
  }

  private async commitShared(ops: Queued[]): Promise<void> {
    const foreign: LogEntry[] = [];
    const mine: Array<{ q: Queued; entry: LogEntry }> = [];
    const answered: Array<{ q: Queued; ack: Ack }> = [];
    try {
      await this.store.shared!.commitSequenced(
        this.durable.seq,
        ops.map((q) => q.op.id),
        (newer, rejectedBefore) => {
          this.applyForeign(newer);
          foreign.push(...newer);
          const rejected: Array<[string, StoredRejection]> = [];
          for (const q of ops) {
            const known = this.seen.get(q.op.id);
            // Committed by another hub already (a resend after its hub died): the original answer, applied once.
            if (known && known !== q.answer && !(known instanceof Promise)) {
              answered.push({ q, ack: known });
              continue;
            }
            const before = rejectedBefore.get(q.op.id);
            if (before) {
              answered.push({ q, ack: { v: SCHEMA_VERSION, opId: q.op.id, ok: false, ...before } });
              continue;
            }
            const seq = this.state.seq + 1;
            const at = isoNow(this.clock);
            const out = apply(this.state, q.op, { seq, at, inPlace: true });
            if (!out.ok) {
              rejected.push([q.op.id, { code: out.code, reason: out.reason }]);
              answered.push({ q, ack: { v: SCHEMA_VERSION, opId: q.op.id, ok: false, code: out.code, reason: out.reason } });
              continue;
            }
            this.state = out.state;
            mine.push({ q, entry: { seq, at, op: q.op } });
          }
          return { entries: mine.map((m) => m.entry), rejected };
        },
      );
    } catch (e) {
      // What other hubs committed stays applied; this hub's own operations were not written.
      if (foreign.length) await this.afterCommit(foreign);
      throw e;
    }
    this.advanceDurable(mine.map((m) => ({ entry: m.entry, resolve: m.q.resolve })));
    const entries = [...foreign, ...mine.map((m) => m.entry)];
    // Acknowledged only once the log has forgotten purged texts too, as on a single hub.
    await this.forgetPurgedIn(entries);
    for (const { q, entry } of mine) {
      const ack: Ack = { v: SCHEMA_VERSION, opId: q.op.id, ok: true, seq: entry.seq };
      this.seen.set(q.op.id, ack);
      q.resolve(ack);
    }
    for (const { q, ack } of answered) {
      this.seen.set(q.op.id, ack);
      q.resolve(ack);
    }
    await this.afterCommit(entries, true);
    if (mine.length)
      this.emit(
        'committedHere',
        mine.map((m) => m.entry),
        this.durable,
      );
  }

  /** Pushes committed entries, forgets purged texts, checkpoints when due: as the single hub does after its writes. */
  private async afterCommit(entries: LogEntry[], purgeDone = false): Promise<void> {
    if (!entries.length) return;
    if (!purgeDone) await this.forgetPurgedIn(entries);
    this.emit('committed', entries, this.durable);
    if (this.durable.seq - this.store.checkpointSeq >= CHECKPOINT_EVERY) {
      this.checkpoint().catch((e: unknown) => console.error(`GateCare: checkpoint not written (${(e as Error).message}); the log has everything`));
    }
  }
}
