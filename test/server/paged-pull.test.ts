import { describe, expect, it } from 'vitest';
import type { EntriesMessage, LogEntry, PullResult } from '../../core/index.ts';
import { PULL_PAGE } from '../../server/hub.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { useSyncTablets } from '../helpers/sync-tablets.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

/** A device back after a while pulls what it missed: in pages, so the hub never stalls on one large answer. */
describe('a device far behind catches up in pages', () => {
  const env = useTestHub({ perTest: true });
  const tablets = useSyncTablets(env);

  /** `n` kiosk requests while the device is away; resolves once all are acknowledged. */
  async function requests(n: number): Promise<void> {
    const acks = await Promise.all(Array.from({ length: n }, () => env.hub.hub.submit(op(KIOSK, createRequest()), { kind: 'system' })));
    expect(acks.every((a) => a.ok)).toBe(true);
  }

  /** Pulls page after page from `after` while the hub says there is more; every answer on the way. */
  async function pullAll(device: TestDevice, after: number): Promise<Array<Extract<PullResult, { kind: 'entries' }>>> {
    const pages: Array<Extract<PullResult, { kind: 'entries' }>> = [];
    for (let from = after; ;) {
      const page = await device.pull(from);
      if (page.kind !== 'entries') throw new Error(`a page of entries was expected after seq ${from}, not a snapshot`);
      pages.push(page);
      from = page.upTo;
      if (!page.more) return pages;
    }
  }

  const seqsOf = (entries: LogEntry[]): number[] => entries.map((e) => e.seq);
  const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + 1 + i);

  it('answers at most a page at a time, says when there is more, and the pages hold every entry once', async () => {
    const manager = await env.staff('M201');
    const from = env.hub.hub.durableSeq;
    await requests(2 * PULL_PAGE + 40);
    const head = env.hub.hub.durableSeq;

    const pages = await pullAll(manager, from);
    expect(pages.map((p) => p.entries.length)).toEqual([PULL_PAGE, PULL_PAGE, 40]);
    expect(pages.map((p) => p.more ?? false)).toEqual([true, true, false]);
    expect(pages[2]!.upTo).toBe(head);
    // A duty manager sees every request: the pages hold each seq once, in order, none missing.
    expect(seqsOf(pages.flatMap((p) => p.entries))).toEqual(range(from, head));
  });

  it('a push between two pages does not claim to follow on from the page, so no entry between is skipped', async () => {
    const manager = await env.staff('M201');
    const from = env.hub.hub.durableSeq;
    await requests(PULL_PAGE + 30);
    const first = await manager.pull(from);
    expect(first).toMatchObject({ kind: 'entries', upTo: from + PULL_PAGE, more: true });

    // A new request while the device is between two pages: pushed to it at once.
    const late = op(KIOSK, createRequest({ surname: 'Late' }));
    expect(await env.hub.hub.submit(late, { kind: 'system' })).toMatchObject({ ok: true });
    await env.settled(manager);
    const push = manager.received.find((m: EntriesMessage) => m.entries.some((e) => e.op.id === late.id));
    // It starts after what the hub had when it answered the page, past the page's end: a device that
    // applied it as following on would have skipped the 30 requests between.
    expect(push?.after).toBeGreaterThan(first.upTo);
    expect(push?.after).toBe(from + PULL_PAGE + 30);

    const rest = await pullAll(manager, first.upTo);
    const all = [...(first.kind === 'entries' ? first.entries : []), ...rest.flatMap((p) => p.entries)];
    expect(seqsOf(all)).toEqual(range(from, env.hub.hub.durableSeq));
  });

  it("the apps' sync client pulls page after page until it holds everything, with no push to prompt it", async () => {
    const storage = new MemorySyncStorage();
    const first = await tablets.tablet('M201', { storage });
    await waitFor(() => first.getSnapshot().connected && first.getSnapshot().seq === env.hub.hub.durableSeq, 'the board caught up');
    first.stop();
    await first.settled();
    await requests(2 * PULL_PAGE + 40);

    // The duty manager's board opens again on the same device, three pages behind, while nothing else happens.
    const board = await tablets.tablet('M201', { storage });
    await waitFor(() => board.getSnapshot().seq === env.hub.hub.durableSeq, 'the board at the head', 10_000);
    expect(Object.keys(board.getSnapshot().state.requests).sort()).toEqual(Object.keys(env.hub.hub.durableState.requests).sort());
  });
});
