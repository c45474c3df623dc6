import { io, type Socket } from 'socket.io-client';
import {
  EVENTS,
  apply,
  makeOp,
  emptyState,
  replay,
  type Ack,
  type AuthRefusalCode,
  type Actor,
  type EntriesMessage,
  type HubState,
  type Op,
  type OpBody,
  type PullResult,
  airlinesInMinorUnits,
  indexTickets,
} from '../core/plain.ts';
import type { Rejected, SyncStorage } from './sync-storage.ts';
import { hubsFrom, rotateAcrossHubs } from './hub-rotation.ts';

export type { Rejected } from './sync-storage.ts';

export interface SyncSnapshot {
  /** Hub state as this device may see it, with its own unsent operations applied on top. */
  state: HubState;
  /** Highest hub seq this device has caught up to. */
  seq: number;
  connected: boolean;
  /** Operations written here that the hub has not acknowledged yet. */
  pending: Op[];
  rejected: Rejected[];
  /** Why the hub refused the connection, if it did (e.g. an expired session). */
  authError: string | null;
  /** What kind of refusal authError is, from the hub's code (never from its wording). */
  authErrorCode: AuthRefusalCode | null;
  /** True once stored state has been loaded (the screen can render). */
  ready: boolean;
}

export interface SyncClientOptions {
  url: string;
  /**
   * More hubs serving the same airport (several nodes on one database): when the one in use is
   * unreachable, each reconnection attempt tries the next, and the usual pull by seq catches up.
   * A function is asked again at each attempt (the apps learn the list after they start).
   */
  urls?: string[] | (() => string[]);
  auth: Record<string, unknown>;
  actor: Actor;
  device: string;
  storage: SyncStorage;
  ackTimeoutMs?: number;
  /** First wait before sending again after a failed attempt; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** socket.io's first and longest waits between reconnection attempts. */
  reconnectionDelayMs?: number;
  reconnectionDelayMaxMs?: number;
  /** For tests: a clock other than the wall clock. */
  now?: () => Date;
  /**
   * The confirmed state is copied to storage at most this often (default 3 s). Copying thousands
   * of requests on every push is what made tablets fall behind in a surge; a copy a few seconds
   * old costs only a longer pull after a reload. The outbox is never delayed.
   */
  saveEveryMs?: number;
}

/** Refusals that say "not now" rather than "no": the operation stays in the outbox and is sent again. */
const TRANSIENT = new Set(['rate_limited', 'storage']);
/** Operations sent together before waiting for their answers; the hub applies them in arrival order. */
const SEND_BATCH = 50;
/**
 * The confirmed state belongs to this client alone (from storage, a snapshot or emptyState), so
 * entries are applied into its maps in place: copying a map of 10,000 requests per entry is what
 * kept a duty manager's board seconds behind. What the screen derives from the maps memoises on
 * the map and its write count (core/map-writes.ts); storage copies what it saves.
 */
const IN_PLACE = { inPlace: true } as const;
/** Longest wait before the confirmed state is saved when this device's own acknowledged operations wait for it. */
const OWN_OPS_SAVE_MS = 500;

/**
 * A device's link to the hub: an outbox of operations kept until acknowledged,
 * and a confirmed state that only ever moves forward through pulls and pushes.
 */
export class SyncClient {
  private socket: Socket | null = null;
  private confirmed: HubState = emptyState();
  private seq = 0;
  private outbox: Op[] = [];
  /** Acknowledged operations whose entry has not reached us yet, kept so the screen does not flicker. */
  private awaiting = new Map<string, { op: Op; seq: number }>();
  private rejected: Rejected[] = [];
  private connected = false;
  private ready = false;
  private authError: string | null = null;
  private authErrorCode: AuthRefusalCode | null = null;
  private listeners = new Set<(s: SyncSnapshot) => void>();
  private snapshotCache: SyncSnapshot | null = null;
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay: number;
  /** The pull under way, on the connection it was asked on: a pull lost with a dead connection must not stop the next one. */
  private pulling: { connection: number; done: Promise<void> } | null = null;
  /** Counts connections: socket.io reconnects the same socket object, so this tells one connection from the next. */
  private connection = 0;
  /** Highest seq a push has announced: a push that lands during a pull may be newer than the pull's answer. */
  private announced = 0;
  private stopped = false;
  private generation = 0;
  private saving: Promise<void> = Promise.resolve();
  /** Seq of the confirmed state last handed to storage, and when; a save waiting for its turn. */
  private savedSeq = -1;
  private lastSaveAt = -Infinity;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saveDue = 0;
  /**
   * Acknowledged operations still in the stored outbox: each leaves it only once a saved confirmed
   * state holds its effect, so a reload never shows less than what was done on this device.
   */
  private settleAfterSave: { id: string; seq: number }[] = [];
  private readonly unlisten: (() => void)[] = [];

  constructor(private readonly opts: SyncClientOptions) {
    this.retryDelay = opts.retryDelayMs ?? 500;
  }

  async start(): Promise<void> {
    // A client may be stopped and started again (sign-out and back, tests); a stop during loading wins.
    this.stopped = false;
    const generation = ++this.generation;
    const [stored, outbox, rejected] = await Promise.all([
      this.opts.storage.loadConfirmed(),
      this.opts.storage.loadOutbox(),
      this.opts.storage.loadRejected(),
    ]);
    if (this.stopped || generation !== this.generation) return;
    if (stored) {
      this.confirmed = airlinesInMinorUnits(stored.state);
      this.seq = stored.seq;
      // A map taken whole is indexed while loading, not in the first push's task (core/ticket-index.ts).
      indexTickets(this.confirmed.requests);
    }
    this.savedSeq = this.seq;
    this.outbox = outbox.sort((a, b) => (a.id < b.id ? -1 : 1));
    this.rejected = rejected;
    this.ready = true;
    this.changed();
    const socket = io(this.opts.url, {
      auth: this.opts.auth,
      transports: ['websocket'],
      reconnectionDelay: this.opts.reconnectionDelayMs ?? 1000,
      reconnectionDelayMax: this.opts.reconnectionDelayMaxMs ?? 3000,
      // Each client owns its connection, so two devices in one page (tests, two tabs) never share one.
      forceNew: true,
    });
    this.socket = socket;
    this.followBrowserNetwork(socket);
    const listed = this.opts.urls;
    rotateAcrossHubs(socket, () => hubsFrom(this.opts.url, typeof listed === 'function' ? listed() : (listed ?? [])));
    socket.on('connect', () => {
      this.connection++;
      this.connected = true;
      this.authError = null;
      this.authErrorCode = null;
      this.resetRetry();
      this.changed();
      void this.pull().then(() => this.flush());
    });
    socket.on('disconnect', () => {
      this.connected = false;
      this.changed();
    });
    socket.on('connect_error', (err: Error & { data?: { code?: AuthRefusalCode } }) => {
      // socket.io stops retrying after a middleware refusal; only an auth problem is worth showing.
      if (!socket.active) {
        this.authError = err.message;
        this.authErrorCode = err.data?.code ?? 'refused';
      }
      this.changed();
    });
    socket.on(EVENTS.entries, (msg: EntriesMessage) => this.onEntries(msg));
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.ready && (this.saveTimer || this.savedSeq !== this.seq)) this.saveNow();
    for (const off of this.unlisten.splice(0)) off();
    this.socket?.disconnect();
    this.socket = null;
    this.connected = false;
    this.changed();
  }

  /** Writes the confirmed state now if a save is waiting, and resolves once storage has it (tests, orderly shutdown). */
  async settled(): Promise<void> {
    if (this.ready && (this.saveTimer || this.savedSeq !== this.seq)) this.saveNow();
    await this.saving;
  }

  subscribe(listener: (s: SyncSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getSnapshot = (): SyncSnapshot => {
    if (!this.snapshotCache) {
      const pending = [...this.awaiting.values()].map((a) => a.op).concat(this.outbox);
      let state = this.confirmed;
      for (const op of pending) {
        const out = apply(state, op, { seq: state.seq, at: this.now().toISOString() });
        if (out.ok) state = out.state;
      }
      this.snapshotCache = {
        state,
        seq: this.seq,
        connected: this.connected,
        pending: this.outbox,
        rejected: this.rejected,
        authError: this.authError,
        authErrorCode: this.authErrorCode,
        ready: this.ready,
      };
    }
    return this.snapshotCache;
  };

  /** Records an operation on this device first, then sends it when it can. */
  async submit(body: OpBody): Promise<Op> {
    const op = makeOp({ actor: this.opts.actor, device: this.opts.device, at: this.now() }, body);
    await this.opts.storage.putOp(op);
    this.outbox = [...this.outbox, op];
    this.changed();
    void this.flush();
    return op;
  }

  /** A question to the hub that is not an operation (e.g. a ticket look-up); null when offline or unanswered. */
  async ask<T>(event: string, args: unknown, timeoutMs = 5000): Promise<T | null> {
    const socket = this.socket;
    if (!socket?.connected) return null;
    try {
      return (await socket.timeout(timeoutMs).emitWithAck(event, args)) as T;
    } catch {
      return null;
    }
  }

  dismissRejection(opId: string): void {
    this.rejected = this.rejected.filter((r) => r.op.id !== opId);
    this.changed();
    void this.opts.storage.dismissRejected(opId);
  }

  /**
   * A browser that knows it lost the network says so at once, while a dead socket can take
   * a minute to notice: drop it then, and try again as soon as the network is back.
   */
  private followBrowserNetwork(socket: Socket): void {
    const win = globalThis as { addEventListener?: Window['addEventListener']; removeEventListener?: Window['removeEventListener'] };
    if (typeof win.addEventListener !== 'function' || typeof win.removeEventListener !== 'function') return;
    const offline = () => {
      // Closing the transport (not the socket) keeps socket.io reconnecting on its own.
      socket.io.engine?.close();
      this.saveNow();
    };
    const online = () => {
      if (socket.connected) return;
      // Skips whatever is left of socket.io's reconnection delay.
      socket.disconnect();
      socket.connect();
    };
    // Leaving the page or hiding it: write the confirmed state now rather than at the next turn.
    const leaving = () => {
      if (this.saveTimer) this.saveNow();
    };
    const hidden = () => {
      if ((globalThis as { document?: Document }).document?.visibilityState === 'hidden') leaving();
    };
    win.addEventListener('offline', offline);
    win.addEventListener('online', online);
    win.addEventListener('pagehide', leaving);
    win.addEventListener('visibilitychange', hidden);
    this.unlisten.push(() => {
      win.removeEventListener?.('offline', offline);
      win.removeEventListener?.('online', online);
      win.removeEventListener?.('pagehide', leaving);
      win.removeEventListener?.('visibilitychange', hidden);
    });
  }

  private now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  private changed(): void {
    this.snapshotCache = null;
    const snap = this.getSnapshot();
    for (const l of this.listeners) l(snap);
  }

  private async flush(): Promise<void> {
    const socket = this.socket;
    if (this.flushing || !socket?.connected || !this.outbox.length) return;
    this.flushing = true;
    let retry = false;
    try {
      // Sent together but in order: the hub applies them as they arrive.
      const batch = this.outbox.slice(0, SEND_BATCH);
      const acks = await Promise.all(
        batch.map((op) =>
          socket
            .timeout(this.opts.ackTimeoutMs ?? 8000)
            .emitWithAck(EVENTS.submit, op)
            .then(
              (a: Ack) => a,
              () => null,
            ),
        ),
      );
      for (let i = 0; i < batch.length; i++) {
        const op = batch[i]!;
        const ack = acks[i];
        if (!ack || (!ack.ok && TRANSIENT.has(ack.code))) {
          retry = true;
          continue;
        }
        // Only an answer from the hub takes an operation out of the outbox: a refusal at once (with
        // its reason), an acceptance once a saved confirmed state holds it (see saveNow).
        if (ack.ok) {
          this.settleAfterSave.push({ id: op.id, seq: ack.seq });
          if (ack.seq > this.seq) this.awaiting.set(op.id, { op, seq: ack.seq });
          else this.scheduleSave();
        } else {
          const rejection = { op, reason: ack.reason };
          await this.opts.storage.settleOp(op.id, rejection);
          this.rejected = [...this.rejected, rejection];
        }
        this.outbox = this.outbox.filter((o) => o.id !== op.id);
      }
      this.changed();
    } catch {
      // Storage failed to record an answer: the operation stays in the outbox and the hub answers the same again.
      retry = true;
    } finally {
      this.flushing = false;
    }
    if (retry) this.scheduleRetry();
    else {
      this.resetRetry();
      if (this.outbox.length) void this.flush();
    }
  }

  private resetRetry(): void {
    this.retryDelay = this.opts.retryDelayMs ?? 500;
  }

  /** Exponential backoff with jitter, so a gate full of devices coming back does not hit the hub in step. */
  private scheduleRetry(): void {
    if (this.retryTimer || this.stopped) return;
    const wait = this.retryDelay * (0.75 + Math.random() / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, wait);
    this.retryDelay = Math.min(this.opts.maxRetryDelayMs ?? 30_000, this.retryDelay * 2);
  }

  private pull(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve();
    if (this.pulling?.connection === this.connection) return this.pulling.done;
    const from = this.seq;
    // Only a pull that moved forward asks again, so a hub that cannot answer is not asked in a loop.
    const progressed = () => this.seq > from;
    const entry = { connection: this.connection, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        // Page after page while the hub says there is more; if our copy cannot follow the entries, one
        // more pull asks for a snapshot.
        for (let snapshotAsked = false; ;) {
          const asked = this.seq;
          const result = (await socket.timeout(10_000).emitWithAck(EVENTS.pull, { after: asked })) as PullResult;
          if (result.kind === 'snapshot') {
            // An answer from an earlier connection may come late: never step back to an older state.
            if (result.upTo >= this.seq) {
              this.confirmed = result.state;
              this.seq = result.upTo;
              indexTickets(this.confirmed.requests);
            }
            break;
          }
          // A push may have brought some of these already while the answer was on its way.
          const { state, failed } = replay(
            this.confirmed,
            result.entries.filter((e) => e.seq > this.seq),
            IN_PLACE,
          );
          if (failed.length) {
            if (snapshotAsked) break;
            // Part of the entries may be in the maps already: only a snapshot (asked for after 0) is sure.
            snapshotAsked = true;
            this.seq = 0;
            continue;
          }
          this.confirmed = state;
          this.seq = Math.max(this.seq, result.upTo);
          if (!result.more || result.upTo <= asked) break;
          // Shown page by page: a device far behind sees its queue fill as it catches up.
          this.changed();
        }
        await this.caughtUp();
      } catch {
        // Timed out or disconnected: the next connect pulls again.
      } finally {
        if (this.pulling === entry) this.pulling = null;
      }
      if (this.announced > this.seq && progressed()) void this.pull();
    })();
    this.pulling = entry;
    return entry.done;
  }

  private onEntries(msg: EntriesMessage): void {
    this.announced = Math.max(this.announced, msg.upTo);
    if (msg.after > this.seq) {
      void this.pull();
      return;
    }
    const fresh = msg.entries.filter((e) => e.seq > this.seq);
    const { state, failed } = replay(this.confirmed, fresh, IN_PLACE);
    if (failed.length) {
      // As in pull: the maps may hold part of these entries, so only a snapshot will do.
      this.seq = 0;
      void this.pull();
      return;
    }
    this.confirmed = state;
    this.seq = Math.max(this.seq, msg.upTo);
    void this.caughtUp();
  }

  private async caughtUp(): Promise<void> {
    for (const [id, a] of this.awaiting) if (a.seq <= this.seq) this.awaiting.delete(id);
    this.changed();
    this.scheduleSave();
  }

  /**
   * At once if nothing was saved for `saveEveryMs`, otherwise once that much time has passed; sooner
   * when this device's own acknowledged operations wait for it (people act at a human pace), so a
   * reload soon after does not count them as unsent.
   */
  private scheduleSave(): void {
    if (this.stopped) return;
    const every = this.settleAfterSave.length ? Math.min(OWN_OPS_SAVE_MS, this.opts.saveEveryMs ?? 3000) : (this.opts.saveEveryMs ?? 3000);
    const due = this.lastSaveAt + every;
    if (this.saveTimer && this.saveDue <= due) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const wait = due - Date.now();
    if (wait <= 0) {
      this.saveNow();
      return;
    }
    this.saveDue = due;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saveNow();
    }, wait);
  }

  /** Hands the confirmed state to storage, then settles the acknowledged operations it holds. */
  private saveNow(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.lastSaveAt = Date.now();
    this.savedSeq = this.seq;
    // Saves in order, so an older state never overwrites a newer one.
    this.saving = this.saving
      .then(async () => {
        // Read when storage copies it, not before: the maps move on in place, so the seq must be theirs.
        const seq = this.seq;
        await this.opts.storage.saveConfirmed(seq, this.confirmed);
        const covered = this.settleAfterSave.filter((a) => a.seq <= seq);
        this.settleAfterSave = this.settleAfterSave.filter((a) => a.seq > seq);
        for (const a of covered) await this.opts.storage.settleOp(a.id, null);
      })
      .catch(() => {
        // Losing this copy only means a bigger pull after the next reload; the outbox is what matters,
        // and an operation not settled here is sent again after a reload and answered as a duplicate.
      });
  }
}
