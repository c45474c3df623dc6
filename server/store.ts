import { Low } from 'lowdb';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { LogEntry, Rejection } from '../core/index.ts';
import { SCHEMA_VERSION, describeZodError } from '../core/index.ts';
import { z } from 'zod';
import { DurableJsonFile } from './durable-json-file.ts';
import type { PinHash } from './pins.ts';

export interface StoredData {
  v: number;
  /** Signs session tokens; kept so sessions survive a hub restart. */
  secret: string;
  credentials: Record<string, PinHash>;
  log: LogEntry[];
  /** Rejected operation ids with their answer, so a retry gets the same answer. */
  rejected: Record<string, Omit<Rejection, 'ok'>>;
}

export const DATA_FILE = 'gatecare.json';

/** Enough structure to start from; the log's operations are checked again when replayed. */
const StoredShape = z.object({
  v: z.number(),
  secret: z.string().min(32),
  credentials: z.record(z.string(), z.object({ salt: z.string(), hash: z.string() })),
  log: z.array(z.object({ seq: z.number().int(), at: z.string(), op: z.object({ id: z.string(), type: z.string() }) })),
  rejected: z.record(z.string(), z.object({ code: z.string(), reason: z.string() })),
});

function describeStoredShape(data: unknown): string | null {
  const r = StoredShape.safeParse(data);
  return r.success ? null : `not a GateCare data file: ${describeZodError(r.error)}`;
}

/** The hub's persistence: one lowdb JSON file in the data directory. */
export class Store {
  private constructor(
    private readonly db: Low<StoredData>,
    readonly file: string,
  ) {}

  static async open(dataDir: string): Promise<Store> {
    const file = join(dataDir, DATA_FILE);
    const fresh: StoredData = {
      v: SCHEMA_VERSION,
      secret: randomBytes(32).toString('hex'),
      credentials: {},
      log: [],
      rejected: {},
    };
    const db = new Low<StoredData>(new DurableJsonFile<StoredData>(file, describeStoredShape), fresh);
    await db.read();
    if (db.data.v !== SCHEMA_VERSION) {
      throw new Error(`${file} has schema version ${db.data.v}; this hub reads version ${SCHEMA_VERSION}`);
    }
    return new Store(db, file);
  }

  get data(): StoredData {
    return this.db.data;
  }

  /** One durable write of everything changed since the last one. */
  async commit(): Promise<void> {
    await this.db.write();
  }
}
