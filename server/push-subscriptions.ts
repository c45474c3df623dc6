import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { phoneLinkOpen, type HubState } from '../core/index.ts';

export const SUBSCRIPTIONS_FILE = 'push-subscriptions.json';

/** A few devices per ticket (a phone and a partner's phone, a reinstall); the oldest goes first. */
export const MAX_SUBSCRIPTIONS_PER_TICKET = 5;

const Base64Url = (min: number, max: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}={0,2}$`), 'must be a base64url key');

/** What a browser's PushSubscription.toJSON() gives. */
export const PushSubscriptionInput = z
  .object({
    endpoint: z.url({ message: 'endpoint must be an address' }).max(1000, 'endpoint is at most 1000 characters'),
    expirationTime: z.number().nullable().optional(),
    // An uncompressed P-256 point (65 bytes) and a 16-byte auth secret, base64url.
    keys: z.object({ p256dh: Base64Url(86, 88), auth: Base64Url(21, 24) }).strict(),
  })
  .strict();

export interface StoredSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export const TicketSubscriptions = z.object({
  generation: z.number().int(),
  subs: z.array(z.object({ endpoint: z.string(), keys: z.object({ p256dh: z.string(), auth: z.string() }) })),
});
export type TicketSubscriptions = z.infer<typeof TicketSubscriptions>;
const StoredFile = z.record(z.string(), TicketSubscriptions);
export type StoredSubscriptions = z.infer<typeof StoredFile>;
type Stored = StoredSubscriptions;

/** Where subscriptions are kept: the hub's data directory, or PostgreSQL shared by the nodes (server/pg/pg-push-subscriptions.ts). */
export interface SubscriptionBacking {
  load(): Promise<Stored>;
  /** Stores the tickets in `changed` (null: none left for it); `all` is every ticket's after the change. */
  write(changed: Record<string, TicketSubscriptions | null>, all: Stored): Promise<void>;
}

/** The single hub's file, rewritten whole (readable by the hub's user only). */
class FileBacking implements SubscriptionBacking {
  constructor(private readonly file: string) {}

  async load(): Promise<Stored> {
    try {
      const parsed = StoredFile.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      // Subscriptions can be made again by the phones: a damaged file is not worth stopping the hub for.
      return parsed.success ? parsed.data : {};
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && !(e instanceof SyntaxError)) throw e;
      return {};
    }
  }

  async write(_changed: Record<string, TicketSubscriptions | null>, all: Stored): Promise<void> {
    const temp = `${this.file}.tmp`;
    await writeFile(temp, JSON.stringify(all), { mode: 0o600, flush: true });
    await chmod(temp, 0o600);
    await rename(temp, this.file);
  }
}

/**
 * Push subscriptions by ticket, each bound to the phone-link generation that made it: a "lost
 * phone" revocation or the purge drops them at the next commit, like the links themselves. Kept
 * in the data directory (readable by the hub's user only) so a restart does not silence phones.
 */
export class PushSubscriptions {
  private constructor(
    private readonly backing: SubscriptionBacking,
    private byTicket: Stored,
  ) {}

  static async open(dataDir: string): Promise<PushSubscriptions> {
    return PushSubscriptions.over(new FileBacking(join(dataDir, SUBSCRIPTIONS_FILE)));
  }

  static async over(backing: SubscriptionBacking): Promise<PushSubscriptions> {
    return new PushSubscriptions(backing, await backing.load());
  }

  /** Reads the backing again (another hub changed it), after this hub's own writes under way. */
  reload(): Promise<void> {
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        this.byTicket = await this.backing.load();
      });
    return this.writing;
  }

  of(requestId: string): StoredSubscription[] {
    return this.byTicket[requestId]?.subs ?? [];
  }

  /** A copy of every ticket's subscriptions (to move them into PostgreSQL). */
  all(): StoredSubscriptions {
    return structuredClone(this.byTicket);
  }

  get count(): number {
    return Object.values(this.byTicket).reduce((n, t) => n + t.subs.length, 0);
  }

  async add(requestId: string, generation: number, sub: StoredSubscription): Promise<void> {
    const held = this.byTicket[requestId]?.generation === generation ? this.byTicket[requestId]!.subs : [];
    const subs = [...held.filter((s) => s.endpoint !== sub.endpoint), { endpoint: sub.endpoint, keys: { ...sub.keys } }];
    this.byTicket[requestId] = { generation, subs: subs.slice(-MAX_SUBSCRIPTIONS_PER_TICKET) };
    await this.save([requestId]);
  }

  async remove(requestId: string, endpoint: string): Promise<void> {
    const t = this.byTicket[requestId];
    if (!t) return;
    t.subs = t.subs.filter((s) => s.endpoint !== endpoint);
    if (!t.subs.length) delete this.byTicket[requestId];
    await this.save([requestId]);
  }

  /** Drops the subscriptions of tickets whose link was revoked or purged; true when any went. */
  async prune(state: HubState): Promise<boolean> {
    const gone: string[] = [];
    for (const [id, t] of Object.entries(this.byTicket)) {
      const r = state.requests[id];
      if (r && phoneLinkOpen(r) && (r.phoneGeneration ?? 0) === t.generation) continue;
      delete this.byTicket[id];
      gone.push(id);
    }
    if (gone.length) await this.save(gone);
    return gone.length > 0;
  }

  private writing: Promise<void> = Promise.resolve();

  /** One write at a time, each of the latest subscriptions of the tickets named. */
  private save(ids: string[]): Promise<void> {
    this.writing = this.writing
      .catch(() => undefined)
      .then(() => this.backing.write(Object.fromEntries(ids.map((id) => [id, this.byTicket[id] ?? null])), this.byTicket));
    return this.writing;
  }
}
