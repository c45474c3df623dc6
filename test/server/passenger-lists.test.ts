import { beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { enrollKiosk, type Enrollment } from '../helpers/enroll.ts';
import { AMIRA, op } from '../helpers/ops.ts';
import { passengerListCsv } from '../helpers/passenger-list-csv.ts';
import { postJson } from '../helpers/rest.ts';

const LIST = passengerListCsv('Kowalczykowa,Anna,XK4P2Q,Y,23A,42,WCHR', 'Fitzgeraldine,Rose,K7QX2A,J,2C,7,UMNR');

describe('POST /api/flights/:flight/passengers', () => {
  let clock = Date.now();
  const env = useTestHub({ config: { purgeAfterHours: 1 }, options: { now: () => clock, purgeEveryMs: 3600_000 } });
  let manager: string;
  let agent: string;
  let kiosk: Enrollment;

  beforeAll(async () => {
    manager = await env.token('M201');
    agent = await env.token('A101');
    kiosk = await enrollKiosk(env.hub.url, 'K32');
  });

  const post = (flight: string, body: unknown, token?: string) =>
    postJson(env.hub.url, `/api/flights/${encodeURIComponent(flight)}/passengers`, body, token);

  it('refuses anyone but a duty manager: no token, a kiosk token, an agent', async () => {
    expect((await post('AF1634', { text: LIST })).status).toBe(401);
    expect((await post('AF1634', { text: LIST }, kiosk.token)).status).toBe(401);
    const forAgent = await post('AF1634', { text: LIST }, agent);
    expect(forAgent.status).toBe(403);
    expect(env.hub.hub.current.passengerLists ?? {}).toEqual({});
  });

  it('refuses hostile bodies with a reason: too large, nested, wrong shape, unknown flight', async () => {
    expect((await post('AF1634', { text: 'x'.repeat(1024 * 1024 + 8192) }, manager)).status).toBe(413);
    const nested = '['.repeat(5000) + ']'.repeat(5000);
    const deep = await post('AF1634', `{"text": ${nested}}`, manager);
    expect(deep.status).toBe(400);
    const wrong = await post('AF1634', { text: LIST, passengers: [] }, manager);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/passengers/);
    const unknown = await post('XX9999', { text: LIST }, manager);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no flight XX9999 departs around now' });
    // A JSON list nested deep inside the text is read as text and refused by line.
    const inText = await post('AF1634', { text: `[${nested}]` }, manager);
    expect(inText.status).toBe(422);
  });

  it('a list with a bad line imports nothing and names the line', async () => {
    const res = await post('AF1634', { text: `${LIST}\nDubois,Léa,,Q,31F,88,` }, manager);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: '1 line(s) with problems, nothing imported',
      errors: [{ line: 4, message: expect.stringContaining('cabin is F, C (or J), W or Y') }],
    });
    expect(env.hub.hub.current.passengerLists ?? {}).toEqual({});
  });

  it('a right list reaches staff, never a kiosk, and kiosks and agents may not send one themselves', async () => {
    const staff = await env.device({ token: agent });
    const k: TestDevice = await env.device(kiosk.auth);
    const res = await post('AF1634', { text: LIST }, manager);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { flightId: string; imported: number };
    expect(body).toMatchObject({ imported: 2 });
    expect(env.hub.hub.current.passengerLists![body.flightId]!.passengers.map((p) => p.surname)).toEqual(['Kowalczykowa', 'Fitzgeraldine']);
    await waitFor(() => staff.received.flatMap((m) => m.entries).some((e) => e.op.type === 'passengers.import'), 'the agent receives the list');
    const pulled = await k.pull(0);
    expect(JSON.stringify(pulled)).not.toContain('Kowalczykowa');
    expect(JSON.stringify(k.received)).not.toContain('Kowalczykowa');

    const payload = { flightId: body.flightId, passengers: [] };
    expect(await k.submit(op({ kind: 'kiosk', id: kiosk.device }, { type: 'passengers.import', payload }))).toMatchObject({ ok: false });
    expect(await staff.submit(op(AMIRA, { type: 'passengers.import', payload }))).toMatchObject({
      ok: false,
      reason: 'agent may not perform passengers.import',
    });
  });

  it('the purge removes the list from the state and from every file the hub keeps', async () => {
    const flightId = Object.keys(env.hub.hub.current.passengerLists!)[0]!;
    const f = env.hub.hub.current.flights[flightId]!;
    clock = Math.max(Date.parse(f.estimatedDeparture), Date.parse(f.scheduledDeparture)) + 2 * 3600_000;
    await env.hub.purge.tick();
    expect(env.hub.hub.current.passengerLists).not.toHaveProperty(flightId);
    for (const e of await readdir(env.dir, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const text = await readFile(join(e.parentPath, e.name), 'utf8');
      expect(text.includes('Kowalczykowa'), `${e.name} still names a listed passenger`).toBe(false);
    }
    await env.restart();
    expect(env.hub.hub.current.passengerLists ?? {}).not.toHaveProperty(flightId);
  });
});
