import type { HubState, Op } from '../core/index.ts';

/** Where a device keeps what must survive a reload: unsent operations and the last state it saw. */
export interface SyncStorage {
  loadOutbox(): Promise<Op[]>;
  putOp(op: Op): Promise<void>;
  removeOp(id: string): Promise<void>;
  loadConfirmed(): Promise<{ seq: number; state: HubState } | null>;
  saveConfirmed(seq: number, state: HubState): Promise<void>;
}

/** Keeps everything in memory: for tests and for devices that opt out of persistence. */
export class MemorySyncStorage implements SyncStorage {
  private readonly outbox = new Map<string, Op>();
  private confirmed: { seq: number; state: HubState } | null = null;

  async loadOutbox(): Promise<Op[]> {
    return [...this.outbox.values()];
  }
  async putOp(op: Op): Promise<void> {
    this.outbox.set(op.id, op);
  }
  async removeOp(id: string): Promise<void> {
    this.outbox.delete(id);
  }
  async loadConfirmed(): Promise<{ seq: number; state: HubState } | null> {
    return this.confirmed;
  }
  async saveConfirmed(seq: number, state: HubState): Promise<void> {
    this.confirmed = { seq, state };
  }
}
