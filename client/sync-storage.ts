import type { HubState, Op } from '../core/plain.ts';

/** An operation the hub refused for good, kept until the person on the device has read why. */
export interface Rejected {
  op: Op;
  reason: string;
}

/** Where a device keeps what must survive a reload: unsent operations, unread refusals and the last state it saw. */
export interface SyncStorage {
  loadOutbox(): Promise<Op[]>;
  putOp(op: Op): Promise<void>;
  /** The hub answered: the operation leaves the outbox and, if refused, its refusal is kept, both at once. */
  settleOp(id: string, rejection: Rejected | null): Promise<void>;
  loadRejected(): Promise<Rejected[]>;
  dismissRejected(opId: string): Promise<void>;
  /** A state the caller then owns: the sync client writes into its maps in place. */
  loadConfirmed(): Promise<{ seq: number; state: HubState } | null>;
  /**
   * Must copy `state` before it returns (IndexedDB's put does, synchronously): the sync client
   * goes on writing into the same maps in place as entries arrive. The request and voucher objects
   * themselves are never changed (a write puts a new object in the map), so holding those is a copy.
   */
  saveConfirmed(seq: number, state: HubState): Promise<void>;
}

/** Keeps everything in memory: for tests and for devices that opt out of persistence. */
export class MemorySyncStorage implements SyncStorage {
  private readonly outbox = new Map<string, Op>();
  private readonly rejected = new Map<string, Rejected>();
  private confirmed: { seq: number; state: HubState } | null = null;

  async loadOutbox(): Promise<Op[]> {
    return [...this.outbox.values()];
  }
  async putOp(op: Op): Promise<void> {
    this.outbox.set(op.id, op);
  }
  async settleOp(id: string, rejection: Rejected | null): Promise<void> {
    this.outbox.delete(id);
    if (rejection) this.rejected.set(id, rejection);
  }
  async loadRejected(): Promise<Rejected[]> {
    return [...this.rejected.values()];
  }
  async dismissRejected(opId: string): Promise<void> {
    this.rejected.delete(opId);
  }
  async loadConfirmed(): Promise<{ seq: number; state: HubState } | null> {
    return this.confirmed && { seq: this.confirmed.seq, state: structuredClone(this.confirmed.state) };
  }
  async saveConfirmed(seq: number, state: HubState): Promise<void> {
    this.confirmed = { seq, state: structuredClone(state) };
  }
}
