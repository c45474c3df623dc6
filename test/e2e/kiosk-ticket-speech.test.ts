import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { op } from '../helpers/ops.ts';
import { enrollOutlet } from '../helpers/enroll.ts';
import { issueVoucher } from '../helpers/issued-vouchers.ts';
import { postJson } from '../helpers/rest.ts';
import { heardSince, kioskWords as words, openSpeakingKiosk, spoken } from '../helpers/speech-spy.ts';
import { hotelsOf, shuttlesOf, tonight } from '../../core/index.ts';
import { spellOut, type OpBody } from '../../core/plain.ts';

const mark = async (page: Page) => (await spoken(page)).length;
const SOFIA = { kind: 'staff', id: 'A103' } as const;
const CLAIRE = { kind: 'staff', id: 'M201' } as const;
/** A catalog text up to its first placeholder: what every filled-in version of it starts with. */
const lead = (lang: string, key: string) => words(lang, key).split('{{')[0]!;

describe('everything on the kiosk ticket is said (issue 20): the hotel, what a voucher has left, the look-up', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('in French: the hotel card line by line, a voucher part spent, fully spent and voided, then the look-up wait and its answers', async () => {
    const kiosk = await openSpeakingKiosk(chromium.browser, env.hub.url, { gate: 'K41' });
    await kiosk.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.lang)).toBe('fr');
    await kiosk.keyboard.press('F1');
    await heardSince(kiosk, words('fr', 'speech.on'), 'fr');
    // AF1780 is the demo's cancelled flight, rebooked next morning: a hotel is owed.
    await kiosk.getByLabel('Numéro de vol').fill('AF1780');
    await kiosk.getByLabel('Nom de famille').fill('Haddad');
    await kiosk.getByLabel(words('fr', 'needs.hotel')).check();
    await kiosk.getByRole('button', { name: words('fr', 'form.submit') }).click();
    const ticket = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    const request = await waitFor(() => Object.values(env.hub.hub.current.requests).find((r) => r.ticket === ticket), 'the request on the hub');
    await heardSince(kiosk, words('fr', 'speech.ticketNumber', { spelled: spellOut(ticket) }), 'fr');

    // A room with the shuttle: the whole card is said as it arrives, in the card's order.
    const sofia = await env.staff('A103');
    const state = env.hub.hub.current;
    const hotel = hotelsOf(state)['aerogare-roissy']!;
    const shuttle = Object.values(shuttlesOf(state)).find((s) => s.hotelId === hotel.id && Date.parse(s.departsAt) > Date.now())!;
    let from = await mark(kiosk);
    const allocation: OpBody = {
      type: 'room.allocate',
      payload: {
        allocationId: uuidv7(),
        requestId: request.id,
        hotelId: hotel.id,
        night: tonight(state, new Date().toISOString()),
        rooms: ['double'],
        transport: { kind: 'shuttle', shuttleId: shuttle.id },
      },
    };
    expect(await sofia.submit(op(SOFIA, allocation))).toMatchObject({ ok: true });
    const said = (await heardSince(kiosk, `${words('fr', 'hotel.title')}. ${hotel.name}`, 'fr', from)).text;
    await kiosk.getByTestId('kiosk-hotel').waitFor();
    const shuttleLine = (await kiosk.getByTestId('hotel-transport').textContent())!.replace(/[\u2068\u2069]/g, '');
    const backLine = (await kiosk.getByTestId('hotel-back').textContent())!;
    const parts = [
      hotel.address,
      words('fr', 'hotel.rooms', { rooms: words('fr', 'hotel.room.double') }),
      shuttleLine,
      lead('fr', 'hotel.included'),
      hotel.phone,
      backLine,
    ];
    for (const part of parts) expect(said, part).toContain(part);
    expect(parts.map((p) => said.indexOf(p))).toEqual(parts.map((p) => said.indexOf(p)).sort((a, b) => a - b));

    // A meal voucher spent in part at the café, then to the end: each change is said as the screen shows it.
    const voucherId = await issueVoucher(sofia, request.id, { actor: SOFIA });
    const voucher = kiosk.getByTestId('kiosk-voucher').first();
    await voucher.getByTestId('voucher-code').waitFor();
    const amount = (await voucher.locator('.voucher-head').textContent())!.split(' · ')[1]!;
    const token = await enrollOutlet(env.hub.url);
    const redeem = (amountCents: number) => postJson(env.hub.url, '/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents }, token);
    from = await mark(kiosk);
    expect((await redeem(900)).status).toBe(200);
    await voucher.getByTestId('voucher-remaining').waitFor();
    const left = (await voucher.getByTestId('voucher-remaining').textContent())!;
    const code = env.hub.hub.current.vouchers[voucherId]!.code;
    expect((await heardSince(kiosk, left, 'fr', from)).text).toContain(spellOut(code));
    from = await mark(kiosk);
    expect((await redeem(600)).status).toBe(200);
    await heardSince(kiosk, words('fr', 'speech.voucherSpent', { kind: words('fr', 'voucher.kind.meal'), amount }), 'fr', from);

    // A taxi voucher the duty manager stops: said no longer valid, its code never said again.
    const taxiId = await issueVoucher(sofia, request.id, { actor: SOFIA, kind: 'taxi' });
    const taxiCode = spellOut(await waitFor(() => env.hub.hub.current.vouchers[taxiId]?.code, 'the taxi code'));
    await heardSince(kiosk, taxiCode, 'fr');
    const claire = await env.staff('M201');
    from = await mark(kiosk);
    expect(await claire.submit(op(CLAIRE, { type: 'voucher.void', payload: { voucherId: taxiId, reason: 'lost' } }))).toMatchObject({ ok: true });
    const voided = await heardSince(kiosk, words('fr', 'speech.voucherVoided', { kind: words('fr', 'voucher.kind.taxi'), amount }), 'fr', from);
    expect(voided.text).not.toContain(taxiCode);

    // The look-up: the wait is said, then how many were found, then the ticket itself; a wrong number is said not found.
    await kiosk.keyboard.press('Escape');
    // By its key: the caption of what is being said changes height as focus moves, which can move a button from under a click.
    await kiosk.getByRole('button', { name: words('fr', 'home.find') }).focus();
    await kiosk.keyboard.press('Enter');
    await kiosk.locator('input[name="ticket"]').fill(ticket);
    from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    const number = await heardSince(kiosk, words('fr', 'speech.ticketNumber', { spelled: spellOut(ticket) }), 'fr', from);
    const after = (await spoken(kiosk)).slice(from).map((u) => u.text);
    const at = (text: string) => after.findIndex((t) => t.includes(text));
    expect(at(words('fr', 'speech.lookupSearching'))).toBeGreaterThanOrEqual(0);
    expect(at(words('fr', 'speech.lookupSearching'))).toBeLessThan(at(words('fr', 'speech.lookupFound', { count: 1 })));
    expect(at(words('fr', 'speech.lookupFound', { count: 1 }))).toBeLessThan(at(number.text));
    const wrong = ticket.startsWith('Z') ? 'YYY-YYY' : 'ZZZ-ZZZ';
    await kiosk.locator('input[name="ticket"]').fill(wrong);
    from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    await heardSince(kiosk, words('fr', 'speech.lookupSearching'), 'fr', from);
    await heardSince(kiosk, words('fr', 'lookup.notFound'), 'fr', from);
    await kiosk.context().close();
  });
});
