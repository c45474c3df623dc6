import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Identity } from '../../server/hub.ts';
import { Hub } from '../../server/hub.ts';
import { Store, LOG_DIR } from '../../server/store.ts';
import { Checkpoint, CHECKPOINT_FILE } from '../../server/checkpoint.ts';
import { demoOps } from '../../server/demo-airport.ts';
import { openHub, seed, seededHub, useTempDirs } from '../helpers/store-hub.ts';
import { AMIRA, KIOSK, SYSTEM, createRequest, op } from '../helpers/ops.ts';
import { tinyHotel } from '../helpers/hotel-fixtures.ts';
import { useCheckpointHold } from '../helpers/checkpoint-hold.ts';
import type { HubState, Op } from '../../core/index.ts';

const KIOSK_ID: Identity = { kind: 'kiosk', device: KIOSK.id, gate: 'K32' };
const AMIRA_ID: Identity = { kind: 'staff', id: 'A101' };
const NIGHT = '2027-01-01';

const hotel = tinyHotel(NIGHT, 50);

/** A request at K32 with a room at the tiny hotel; resolves with the room's ack once written. */
async function allocate(hub: Hub): Promise<{ ok: boolean; allocationId: string }> {
  const create = createRequest({ party: { adults: 1, children: 0, infants: 0 } });
  const requestId = create.type === 'request.create' ? create.payload.requestId : '';
  expect(await hub.submit(op(KIOSK, create), KIOSK_ID)).toMatchObject({ ok: true });
  const allocationId = uuidv7();
  const ack = hub.submit(
    op(AMIRA, {
      type: 'room.allocate',
      payload: { allocationId, requestId, hotelId: 'tiny', night: NIGHT, rooms: ['double'], transport: { kind: 'taxi' } },
    }),
    AMIRA_ID,
  );
  // A write that fails to apply to the durable state rejects the flush: the test fails with its reason.
  await hub.flush();
  return { ok: (await ack).ok, allocationId };
}

/**
 * A hub at the tiny hotel with 300 requests written, whose checkpoint falls due `dueAfter` operations
 * later: then what follows comes after many slices of requests. The checkpoint's first slice is held.
 */
async function hubBeforeCheckpoint(
  dir: string,
  dueAfter: number,
  checkpoint: ReturnType<typeof useCheckpointHold>,
): Promise<{ hub: Hub; store: Store; reached: Promise<void>; release: () => void }> {
  const store = await Store.open(dir);
  const hub = new Hub(store, undefined, { checkpointEvery: demoOps(new Date()).length + hotel.length + 300 + dueAfter });
  await seed(hub);
  for (const b of hotel) expect(await hub.submit(op(SYSTEM, b), { kind: 'system' })).toMatchObject({ ok: true });
  const early = await Promise.all(Array.from({ length: 300 }, (_, i) => hub.submit(op(KIOSK, createRequest({ surname: `Early${i}` })), KIOSK_ID)));
  expect(early.every((a) => a.ok)).toBe(true);
  checkpoint.slice(0);
  return { hub, store, ...checkpoint.hold() };
}

/** The checkpoint as written on disk. */
async function writtenCheckpoint(dir: string): Promise<HubState> {
  return (JSON.parse(await readFile(join(dir, LOG_DIR, CHECKPOINT_FILE), 'utf8')) as { state: HubState }).state;
}

/**
 * `before` is submitted and makes the checkpoint due; `during` is submitted while that checkpoint is held
 * after its first slice. Returns the checkpoint as written and a hub reopened from the directory
 * afterwards (both hubs closed by the caller).
 */
async function changedDuringCheckpoint(
  dir: string,
  checkpoint: ReturnType<typeof useCheckpointHold>,
  before: Op,
  during: Op,
): Promise<{ written: HubState; hub: Hub; again: Hub }> {
  const { hub, store, reached, release } = await hubBeforeCheckpoint(dir, 1, checkpoint);
  expect(await hub.submit(before, { kind: 'system' })).toMatchObject({ ok: true });
  await reached;
  // Written into the durable state's map in place while the checkpoint is being written.
  expect(await hub.submit(during, { kind: 'system' })).toMatchObject({ ok: true });
  Checkpoint.betweenSlices = null;
  release();
  await store.checkpointWriting;
  const written = await writtenCheckpoint(dir);
  await hub.flush();
  return { written, hub, again: await openHub(dir) };
}

describe("the hub's two states each own their room allocations, blocks and shuttle runs", () => {
  const dirs = useTempDirs();
  const checkpoint = useCheckpointHold();

  it('a room is allocated after a restart from a checkpoint that holds allocations', async () => {
    const dir = await dirs.make();
    const hub = await seededHub(dir);
    for (const b of hotel) expect(await hub.submit(op(SYSTEM, b), { kind: 'system' })).toMatchObject({ ok: true });
    expect((await allocate(hub)).ok).toBe(true);
    await hub.close();

    const again = await openHub(dir);
    const second = await allocate(again);
    expect(second.ok).toBe(true);
    expect(again.durableState.roomAllocations?.[second.allocationId]?.status).toBe('allocated');
    await again.close();
    const third = await openHub(dir);
    expect(Object.keys(third.current.roomAllocations ?? {})).toHaveLength(2);
    await third.close();
  });

  it('a checkpoint written while rooms are allocated holds the allocations as of its seq, and the hub restarts from it', async () => {
    const dir = await dirs.make();
    // Due once the first room's two operations are written.
    const { hub, store, reached, release } = await hubBeforeCheckpoint(dir, 2, checkpoint);
    // The first room's two operations reach the checkpoint's count: it starts, and is held after its first slice.
    const first = await allocate(hub);
    await reached;
    const during = await allocate(hub);
    expect([first.ok, during.ok]).toEqual([true, true]);
    Checkpoint.betweenSlices = null;
    release();
    await store.checkpointWriting;
    const written = await writtenCheckpoint(dir);
    expect(Object.keys(written.roomAllocations ?? {})).toEqual([first.allocationId]);
    await hub.flush();
    // As after a crash: the restart replays from that checkpoint, and the later room applies once.
    const again = await openHub(dir);
    expect(Object.keys(again.current.roomAllocations ?? {}).sort()).toEqual([first.allocationId, during.allocationId].sort());
    await again.close();
    await hub.close();
  });
  it('a checkpoint written while a room block changes holds the block as of its seq, and the hub restarts with the change', async () => {
    const dir = await dirs.make();
    const block = (count: number) =>
      op(SYSTEM, { type: 'hotel.rooms', payload: { hotelId: 'tiny', night: NIGHT, type: 'double', count, rateCents: 9900, currency: 'EUR' } });
    const { written, hub, again } = await changedDuringCheckpoint(dir, checkpoint, block(60), block(70));
    expect(written.roomBlocks?.[`tiny|${NIGHT}|double`]?.count).toBe(60);
    expect(again.current.roomBlocks?.[`tiny|${NIGHT}|double`]?.count).toBe(70);
    expect(again.durableState.roomBlocks).not.toBe(again.current.roomBlocks);
    await again.close();
    await hub.close();
  });
  it('a checkpoint written while a shuttle run changes holds the run as of its seq, and the hub restarts with the change', async () => {
    const dir = await dirs.make();
    const shuttleId = uuidv7();
    const run = (seats: number) =>
      op(SYSTEM, { type: 'hotel.shuttle', payload: { shuttleId, hotelId: 'tiny', departsAt: `${NIGHT}T20:00:00.000Z`, seats } });
    const { written, hub, again } = await changedDuringCheckpoint(dir, checkpoint, run(20), run(30));
    expect(written.shuttles?.[shuttleId]?.seats).toBe(20);
    expect(again.current.shuttles?.[shuttleId]?.seats).toBe(30);
    expect(again.durableState.shuttles).not.toBe(again.current.shuttles);
    await again.close();
    await hub.close();
  });
});
