import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { AMIRA, createRequest, op } from '../helpers/ops.ts';
import { getWithToken, postJson } from '../helpers/rest.ts';

describe('duty manager REST routes', () => {
  const env = useTestHub();
  let manager: string;
  let agent: string;

  beforeAll(async () => {
    manager = await env.token('M201');
    agent = await env.token('A101');
  });

  const get = (path: string, token?: string) => getWithToken(env.hub.url, path, token);
  const post = (path: string, body: unknown, token?: string) => postJson(env.hub.url, path, body, token);

  it('gives the report CSV to a duty manager only', async () => {
    const enrolled = await enrollKiosk(env.hub.url, 'K32');
    const kiosk = await connectDevice(env.hub.url, enrolled.auth);
    const body = createRequest({ party: { adults: 2, children: 1, infants: 0 } });
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';
    expect(await kiosk.submit(op({ kind: 'kiosk', id: enrolled.device }, body))).toMatchObject({ ok: true });
    kiosk.close();
    const staff = await connectDevice(env.hub.url, { token: agent });
    expect(await staff.submit(op(AMIRA, { type: 'request.deliver', payload: { requestId, items: { water: 3 } } }))).toMatchObject({ ok: true });
    staff.close();

    expect((await get('/api/report.csv')).status).toBe(401);
    const forAgent = await get('/api/report.csv', agent);
    expect(forAgent.status).toBe(403);
    expect(await forAgent.json()).toEqual({ error: 'only a duty manager may do this' });

    const res = await get('/api/report.csv', manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="gatecare-report-\d{8}-\d{4}\.csv"$/);
    const rows = Papa.parse<Record<string, string>>(await res.text(), { header: true }).data;
    expect(rows[0]).toMatchObject({ flight: 'AF1634', passengers_helped: '3', items_water: '3' });
    expect(rows.at(-1)).toMatchObject({ flight: 'TOTAL', passengers_helped: '3' });
  });

  it('imports a flight list: line-numbered errors and nothing imported, unless asked to take the good rows', async () => {
    const text = [
      'number,origin,destination,destinationName,distanceKm,gate,scheduledDeparture',
      'AF7001,CDG,LIS,Lisbon,1460,K33,2026-11-24T09:00:00Z',
      'AF7002,CDG,OPO,Porto,1220,K99,2026-11-24T09:30:00Z',
    ].join('\n');
    expect((await post('/api/flights/import', { text }, agent)).status).toBe(403);

    const refused = await post('/api/flights/import', { text }, manager);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      error: '1 line(s) with problems, nothing imported',
      errors: [{ line: 3, message: 'gate K99 does not exist' }],
      valid: 1,
    });
    expect(Object.values(env.hub.hub.current.flights).some((f) => f.number === 'AF7001')).toBe(false);

    const partial = await post('/api/flights/import', { text, importValidRows: true }, manager);
    expect(partial.status).toBe(200);
    expect(await partial.json()).toMatchObject({ imported: 1, refused: [], errors: [{ line: 3 }] });
    expect(env.hub.hub.current.flights['AF7001-2026-11-24']).toMatchObject({ gate: 'K33', status: 'scheduled', destinationName: 'Lisbon' });

    const bad = await post('/api/flights/import', { text: '' }, manager);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'text: the file is empty' });
  });
});
