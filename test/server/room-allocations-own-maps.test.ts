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
import type { HubState } from '../../core/index.ts';

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

describe("the hub's two states each own their room allocations", () => {
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
    const store = await Store.open(dir);
    // Due once the 300 requests below and the first room are written: then allocations come after many slices of requests.
    const hub = new Hub(store, undefined, { checkpointEvery: demoOps(new Date()).length + hotel.length + 300 + 2 });
    await seed(hub);
    for (const b of hotel) expect(await hub.submit(op(SYSTEM, b), { kind: 'system' })).toMatchObject({ ok: true });
    const early = await Promise.all(Array.from({ length: 300 }, (_, i) => hub.submit(op(KIOSK, createRequest({ surname: `Early${i}` })), KIOSK_ID)));
    expect(early.every((a) => a.ok)).toBe(true);
    checkpoint.slice(0);
    const { reached, release } = checkpoint.hold();
    // The first room's two operations reach the checkpoint's count: it starts, and is held after its first slice.
    const first = await allocate(hub);
    await reached;
    const during = await allocate(hub);
    expect([first.ok, during.ok]).toEqual([true, true]);
    Checkpoint.betweenSlices = null;
    release();
    await store.checkpointWriting;
    const written = JSON.parse(await readFile(join(dir, LOG_DIR, CHECKPOINT_FILE), 'utf8')) as { state: HubState };
    expect(Object.keys(written.state.roomAllocations ?? {})).toEqual([first.allocationId]);
    await hub.flush();
    // As after a crash: the restart replays from that checkpoint, and the later room applies once.
    const again = await openHub(dir);
    expect(Object.keys(again.current.roomAllocations ?? {}).sort()).toEqual([first.allocationId, during.allocationId].sort());
    await again.close();
    await hub.close();
  });
  it('a checkpoint written while a room block changes holds the block as of its seq, and the hub restarts with the change', async () => {
    const dir = await dirs.make();
    const store = await Store.open(dir);
    const block = (count: number) =>
      op(SYSTEM, { type: 'hotel.rooms', payload: { hotelId: 'tiny', night: NIGHT, type: 'double', count, rateCents: 9900, currency: 'EUR' } });
    // Due with the first change of the block below, after many slices of requests.
    const hub = new Hub(store, undefined, { checkpointEvery: demoOps(new Date()).length + hotel.length + 300 + 1 });
    await seed(hub);
    for (const b of hotel) expect(await hub.submit(op(SYSTEM, b), { kind: 'system' })).toMatchObject({ ok: true });
    const early = await Promise.all(Array.from({ length: 300 }, (_, i) => hub.submit(op(KIOSK, createRequest({ surname: `Early${i}` })), KIOSK_ID)));
    expect(early.every((a) => a.ok)).toBe(true);
    checkpoint.slice(0);
    const { reached, release } = checkpoint.hold();
    expect(await hub.submit(block(60), { kind: 'system' })).toMatchObject({ ok: true });
    await reached;
    // Written into the durable state's blocks in place while the checkpoint is being written.
    expect(await hub.submit(block(70), { kind: 'system' })).toMatchObject({ ok: true });
    Checkpoint.betweenSlices = null;
    release();
    await store.checkpointWriting;
    const written = JSON.parse(await readFile(join(dir, LOG_DIR, CHECKPOINT_FILE), 'utf8')) as { state: HubState };
    expect(written.state.roomBlocks?.[`tiny|${NIGHT}|double`]?.count).toBe(60);
    await hub.flush();
    const again = await openHub(dir);
    expect(again.current.roomBlocks?.[`tiny|${NIGHT}|double`]?.count).toBe(70);
    expect(again.durableState.roomBlocks).not.toBe(again.current.roomBlocks);
    await again.close();
    await hub.close();
  });
});
