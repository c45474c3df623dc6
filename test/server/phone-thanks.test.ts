import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordsForTheTeam } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, createRequest, op } from '../helpers/ops.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { askPhoneLink, capabilityOf, connectPhone, type TestPhone } from '../helpers/phone-client.ts';

/** A kiosk ticket at K32 with its phone open; the kiosk's socket records what it receives. */
async function ticketWithPhone(url: string, device: (auth: Record<string, unknown>) => Promise<TestDevice>) {
  const k = await enrollKiosk(url, 'K32');
  const kiosk = await device(k.auth);
  const body = createRequest({ surname: 'Moreau' });
  if (body.type !== 'request.create') throw new Error('unexpected');
  expect(await kiosk.submit(op({ kind: 'kiosk', id: k.device }, body))).toMatchObject({ ok: true });
  return { kiosk, requestId: body.payload.requestId };
}

async function openPhone(kiosk: TestDevice, url: string, ticket: string): Promise<TestPhone> {
  const a = await askPhoneLink(kiosk, { ticket });
  if (!a.ok) throw new Error(a.reason);
  return connectPhone(url, capabilityOf(a.url));
}

describe('thanks, not scores: a word for the team from the phone after delivery', () => {
  let clock = Date.now();
  const env = useTestHub({ config: { purgeAfterHours: 1 }, options: { now: () => clock, purgeEveryMs: 3600_000, phoneLimits: { writesBurst: 20 } } });

  it('only after delivery, once, length-limited; duty managers read it without any agent named; kiosks never read it; the purge blanks it (and the thread) everywhere', async () => {
    const { kiosk, requestId } = await ticketWithPhone(env.hub.url, env.device);
    const phone = await openPhone(kiosk, env.hub.url, env.hub.hub.current.requests[requestId]!.ticket);
    const agent = await env.staff('A101');
    const manager = await env.staff('M201');
    try {
      expect(await phone.write('My daughter has asthma')).toEqual({ v: 1, ok: true });
      expect(await phone.thank('Thank you!')).toEqual({
        v: 1,
        ok: false,
        reason: 'a word for the team can be left once your request has been delivered',
      });
      expect(await agent.submit(op(AMIRA, { type: 'request.deliver', payload: { requestId, items: { water: 2 } } }))).toMatchObject({ ok: true });
      await waitFor(() => phone.latest()?.status === 'delivered', 'the phone sees the delivery');
      expect(phone.latest()!.thanks).toBeNull();

      expect(await phone.thank('   ')).toEqual({ v: 1, ok: false, reason: 'a word cannot be empty' });
      expect(await phone.thank('x'.repeat(301))).toEqual({ v: 1, ok: false, reason: 'a word for the team is at most 300 characters' });
      expect(await phone.thank({ stars: 5 })).toMatchObject({ ok: false });
      expect(await phone.thank('Merci à toute l’équipe, la couverture était parfaite')).toEqual({ v: 1, ok: true });
      expect(await phone.thank('and again')).toEqual({ v: 1, ok: false, reason: 'you already left a word for the team: thank you' });
      await waitFor(() => phone.latest()?.thanks, 'the phone shows the word it left');

      const atManager = await waitFor(
        () => manager.received.flatMap((m) => m.entries).find((e) => e.op.type === 'thanks.leave'),
        'the duty manager receives the word',
      );
      expect(atManager.op).toMatchObject({ actor: { kind: 'system', id: 'phone' }, payload: { requestId } });
      const words = wordsForTheTeam(env.hub.hub.current);
      expect(words).toEqual([
        { at: expect.any(String), gate: 'K32', flightNumber: 'AF1634', text: 'Merci à toute l’équipe, la couverture était parfaite' },
      ]);
      // No agent is tied to a word: not the one who delivered, not anyone.
      expect(JSON.stringify(words)).not.toMatch(/A101|Amira|Benali/);
      const atKiosk = await waitFor(
        () =>
          kiosk.received
            .flatMap((m) => m.entries)
            .find((e) => e.op.type === 'kiosk.view' && e.op.payload.requests.some((r) => r.id === requestId && r.thanks)),
        'the kiosk receives the operation',
      );
      expect(JSON.stringify(atKiosk)).not.toContain('Merci');

      // Personal data: the purge blanks the word in the state and in every file the hub keeps.
      const f = env.hub.hub.current.flights[env.hub.hub.current.requests[requestId]!.flightId]!;
      clock = Math.max(Date.parse(f.estimatedDeparture), Date.parse(f.scheduledDeparture)) + 2 * 3600_000;
      await env.hub.purge.tick();
      expect(wordsForTheTeam(env.hub.hub.current)).toEqual([]);
      expect(env.hub.hub.current.requests[requestId]!.thanks).toMatchObject({ text: '' });
      for (const e of await readdir(env.dir, { recursive: true, withFileTypes: true })) {
        if (!e.isFile()) continue;
        const text = await readFile(join(e.parentPath, e.name), 'utf8');
        expect(text.includes('couverture'), `the word in ${e.name}`).toBe(false);
        expect(text.includes('asthma'), `the thread in ${e.name}`).toBe(false);
      }
      // The blanked log still replays (a blanked text is a valid stored entry).
      await env.restart();
      expect(env.hub.hub.current.requests[requestId]!.thanks).toMatchObject({ text: '' });
    } finally {
      phone.close();
    }
  });
});

describe('a word for the team is rate limited per capability and per address', () => {
  const env = useTestHub({ options: { phoneLimits: { writesBurst: 2, writesPerMinute: 1 } } });

  it('thanks share the message limit: a script cannot flood the board', async () => {
    const { kiosk, requestId } = await ticketWithPhone(env.hub.url, env.device);
    const phone = await openPhone(kiosk, env.hub.url, env.hub.hub.current.requests[requestId]!.ticket);
    try {
      expect(await phone.write('Where is the pharmacy?')).toEqual({ v: 1, ok: true });
      expect(await phone.thank('too early')).toMatchObject({ ok: false });
      const limited = await phone.thank('one too many');
      expect(limited.ok === false && limited.reason).toMatch(/^too many messages: please wait \d+ s$/);
    } finally {
      phone.close();
    }
  });
});
