import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../server/store.ts';
import { Journal } from '../../server/log-journal.ts';
import { Hub, type Identity } from '../../server/hub.ts';
import { seed, useTempDirs } from '../helpers/store-hub.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

const AT_K32: Identity = { kind: 'kiosk', device: KIOSK.id, gate: 'K32' };

/** Tells `seen` of every write the store tried at once, and whether it was done that way. */
function watchCommitsNow(store: Store, seen: (done: boolean) => unknown): void {
  const commitNow = store.commitNow.bind(store);
  store.commitNow = () => {
    const done = commitNow();
    seen(done);
    return done;
  };
}

/**
 * What arrives while a batch is being written goes to the disk as soon as that write is durable,
 * before the batch is acknowledged and pushed: the disk then works while the hub pushes, instead of
 * the next batch waiting for the push. Nothing is acknowledged or pushed before its own write is durable.
 * On a quick disk a batch's one journal line is written at once, and the batch is acknowledged and
 * pushed in the same turn of the event loop.
 */
describe('group commits are pipelined', () => {
  const dirs = useTempDirs();
  afterEach(() => {
    Journal.slowAppendMs = 20;
  });

  /** A hub on a fresh data directory, seeded, with everything written. */
  async function seededHub(): Promise<{ dir: string; store: Store; hub: Hub }> {
    const dir = await dirs.make();
    const store = await Store.open(dir);
    const hub = new Hub(store);
    await seed(hub);
    await hub.flush();
    return { dir, store, hub };
  }

  it('starts writing the next batch before pushing the previous one, and acknowledges each only once written', async () => {
    const dir = await dirs.make();
    const store = await Store.open(dir);
    const hub = new Hub(store);
    await seed(hub);

    const events: string[] = [];
    let release!: () => void;
    const firstHeld = new Promise<void>((r) => (release = r));
    let writes = 0;
    // A disk slow enough that every write goes through the thread pool.
    store.commitNow = () => false;
    const commit = store.commit.bind(store);
    store.commit = async () => {
      const n = ++writes;
      events.push(`write ${n} starts`);
      if (n === 1) await firstHeld;
      await commit();
      events.push(`write ${n} durable`);
    };
    hub.on('committed', (entries) => events.push(`pushed ${entries.map((e) => e.seq).join(',')}`));

    const a = op(KIOSK, createRequest());
    const b = op(KIOSK, createRequest());
    const ackA = hub.submit(a, AT_K32).then((ack) => (events.push(`ack ${ack.ok ? ack.seq : 'refused'}`), ack));
    // A arrived while nothing was written: its write starts at the end of this turn of the event loop
    // and is held, so B, arriving in a later turn, waits for the next one.
    await new Promise<void>((r) => setImmediate(r));
    expect(events).toEqual(['write 1 starts']);
    const ackB = hub.submit(b, AT_K32).then((ack) => (events.push(`ack ${ack.ok ? ack.seq : 'refused'}`), ack));
    release();
    const [okA, okB] = await Promise.all([ackA, ackB]);
    expect(okA).toMatchObject({ ok: true });
    expect(okB).toMatchObject({ ok: true });
    const [seqA, seqB] = [okA.ok ? okA.seq : 0, okB.ok ? okB.seq : 0];
    expect(seqB).toBe(seqA + 1);

    expect(events.slice(0, 4)).toEqual(['write 1 starts', 'write 1 durable', 'write 2 starts', `pushed ${seqA}`]);
    // Each acknowledgement and push follows its own durable write.
    expect(events.indexOf(`ack ${seqA}`)).toBeGreaterThan(events.indexOf('write 1 durable'));
    expect(events.indexOf(`ack ${seqB}`)).toBeGreaterThan(events.indexOf('write 2 durable'));
    expect(events.indexOf(`pushed ${seqB}`)).toBeGreaterThan(events.indexOf('write 2 durable'));

    // And both are on disk for the next start.
    await hub.close();
    const reopened = new Hub(await Store.open(dir));
    expect(reopened.seq).toBe(seqB);
    await reopened.close();
  });

  it('writes the operations that arrive in one turn of the event loop together: one write, one push', async () => {
    const { store, hub } = await seededHub();

    let writes = 0;
    const commit = store.commit.bind(store);
    store.commit = async () => {
      writes++;
      await commit();
    };
    watchCommitsNow(store, (done) => done && writes++);
    const pushes: number[][] = [];
    hub.on('committed', (entries) => pushes.push(entries.map((e) => e.seq)));

    // Five kiosks' requests read in the same turn, as from one poll of the sockets.
    const acks = await Promise.all(Array.from({ length: 5 }, () => hub.submit(op(KIOSK, createRequest()), AT_K32)));
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(writes).toBe(1);
    expect(pushes).toEqual([acks.map((a) => (a.ok ? a.seq : 0))]);
    await hub.close();
  });

  it('on a quick disk, acknowledges and pushes a batch in the turn it was written, without waiting for the thread pool', async () => {
    Journal.slowAppendMs = Infinity;
    const { dir, store, hub } = await seededHub();

    let writtenNow = 0;
    watchCommitsNow(store, (done) => done && writtenNow++);
    const events: string[] = [];
    hub.on('committed', (entries) => events.push(`pushed ${entries.map((e) => e.seq).join(',')}`));
    const ack = hub.submit(op(KIOSK, createRequest()), AT_K32).then((a) => (events.push(`ack ${a.ok ? a.seq : 'refused'}`), a));
    // The write starts at the end of this turn; one more turn later, it is durable, acknowledged and pushed.
    await new Promise<void>((r) => setImmediate(r));
    await new Promise<void>((r) => setImmediate(r));
    const a = await ack;
    expect(a).toMatchObject({ ok: true });
    expect(writtenNow).toBe(1);
    expect(events).toEqual([`pushed ${a.ok ? a.seq : 0}`, `ack ${a.ok ? a.seq : 0}`]);

    await hub.close();
    const reopened = new Hub(await Store.open(dir));
    expect(reopened.seq).toBe(a.ok ? a.seq : -1);
    await reopened.close();
  });

  it('after one slow write on the event loop, the next ones go through the thread pool', async () => {
    Journal.slowAppendMs = -1;
    const { dir, store, hub } = await seededHub();

    const ways: string[] = [];
    watchCommitsNow(store, (done) => ways.push(done ? 'at once' : 'thread pool'));
    for (let i = 0; i < 3; i++) expect(await hub.submit(op(KIOSK, createRequest()), AT_K32)).toMatchObject({ ok: true });
    expect(ways).toEqual(['at once', 'thread pool', 'thread pool']);
    const seq = hub.seq;
    await hub.close();
    const reopened = new Hub(await Store.open(dir));
    expect(reopened.seq).toBe(seq);
    await reopened.close();
  });
});
