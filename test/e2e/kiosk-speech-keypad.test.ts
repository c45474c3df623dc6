import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { scan } from '../helpers/kiosk-page.ts';
import { bcbp, julianFor } from '../helpers/bcbp.ts';
import { loginToken, type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, op } from '../helpers/ops.ts';
import { arrowTo, openSpeakingKiosk, pointersUsed, spoken, type Utterance } from '../helpers/speech-spy.ts';
import { spellOut } from '../../core/plain.ts';

type Tree = { [k: string]: string | Tree };
const catalogs = new Map<string, Tree>();
/** The kiosk's own words for `key` in `lang`, with {{placeholders}} filled: what the passenger must hear. */
function words(lang: string, key: string, values: Record<string, string | number> = {}): string {
  if (!catalogs.has(lang)) catalogs.set(lang, JSON.parse(readFileSync(`kiosk/src/locales/${lang}.json`, 'utf8')) as Tree);
  let node: string | Tree = catalogs.get(lang)!;
  for (const part of key.split('.')) node = (node as Tree)[part]!;
  if (typeof node !== 'string') throw new Error(`${lang}: ${key} is not a text`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

const LANGUAGE_BUTTON = { fr: 'Français', ar: 'العربية', zh: '中文' } as const;

/** Waits until something containing `text` was said, in `lang`, after the first `from` utterances. */
async function heard(page: Page, text: string, lang: string, from = 0): Promise<Utterance> {
  let found: Utterance | undefined;
  await expect
    .poll(async () => {
      found = (await spoken(page)).slice(from).find((u) => u.text.includes(text) && u.lang === lang);
      return found ? 'heard' : `not heard: "${text}" (${lang}); last said: ${JSON.stringify((await spoken(page)).slice(-3))}`;
    })
    .toBe('heard');
  return found!;
}
const mark = async (page: Page) => (await spoken(page)).length;

describe('a kiosk everyone can use: speech, keypad only, more time (issue 20)', () => {
  const env = useTestHub();
  const chromium = useBrowser();
  let amira: TestDevice;
  let pass = '';

  beforeAll(async () => {
    amira = await env.device({ token: await loginToken(env.hub.url, 'A101', '2468') });
    const af1634 = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!;
    pass = bcbp('MOREAU/ANNE', [{ from: 'CDG', to: 'BCN', carrier: 'AF', flight: '1634', julian: julianFor(af1634.scheduledDeparture) }]);
  });

  it.each(['fr', 'ar'] as const)('the whole journey with the keypad alone and speech, in %s', async (lang) => {
    const kiosk = await openSpeakingKiosk(chromium.browser, env.hub.url, { fakeClock: true });
    // The hint is said with speech off, so a passenger who cannot see learns how to start it.
    await heard(kiosk, words('en', 'speech.hint'), 'en');
    expect(await kiosk.getByTestId('speech-note').textContent()).toContain(words('en', 'speech.private'));

    // Help starts speech: the screen is said, in English until a language is chosen.
    await kiosk.keyboard.press('F1');
    const started = await heard(kiosk, words('en', 'speech.on'), 'en');
    expect(started.text).toContain(words('en', 'speech.home', { gate: 'K32' }));

    // The language, by arrows and Enter; the screen is said again in it, by a voice of it.
    await arrowTo(kiosk, LANGUAGE_BUTTON[lang]);
    let from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect((await heard(kiosk, words(lang, 'speech.home', { gate: 'K32' }), lang, from)).voice).toBe(lang);

    if (lang === 'ar') {
      // Right to left: the left arrow goes to the next language, which is shown to the left.
      await arrowTo(kiosk, 'English');
      const x = () => kiosk.evaluate(() => document.activeElement!.getBoundingClientRect().x);
      const english = await x();
      await kiosk.keyboard.press('ArrowLeft');
      await expect.poll(() => kiosk.evaluate(() => document.activeElement!.textContent)).toContain('Français');
      expect(await x()).toBeLessThan(english);
      await kiosk.keyboard.press('ArrowRight');
      expect(await x()).toBe(english);
    }

    // Scan (the gate scanner types): whose pass was read is said.
    from = await mark(kiosk);
    await scan(kiosk, pass);
    await kiosk.getByTestId('identified').waitFor();
    expect((await heard(kiosk, 'MOREAU', lang, from)).text).toContain('AF1634');

    // Needs: each choice is said with its state as focus reaches it, and again when chosen.
    await arrowTo(kiosk, words(lang, 'needs.water'));
    await heard(kiosk, `${words(lang, 'needs.water')}, ${words(lang, 'speech.checkbox')}, ${words(lang, 'speech.notSelected')}`, lang);
    from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    await heard(kiosk, words(lang, 'speech.selected'), lang, from);
    expect(await kiosk.getByRole('checkbox', { name: words(lang, 'needs.water') }).isChecked()).toBe(true);

    // Party: one more adult; the new count is said.
    await arrowTo(kiosk, words(lang, 'form.more', { who: words(lang, 'form.adults') }));
    from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    await heard(kiosk, '2', lang, from);

    // Send: the ticket screen, its number spelled out, the status.
    await arrowTo(kiosk, words(lang, 'form.submit'));
    from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    const ticket = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    await heard(kiosk, words(lang, 'speech.ticketScreen'), lang, from);
    await heard(kiosk, words(lang, 'speech.ticketNumber', { spelled: spellOut(ticket) }), lang, from);
    await heard(kiosk, words(lang, 'speech.status', { status: words(lang, 'ticket.received') }), lang, from);

    // Updates as they arrive: Amira on the way, then a meal voucher with its code spelled out.
    await expect.poll(() => Object.values(env.hub.hub.current.requests).some((r) => r.ticket === ticket)).toBe(true);
    const requestId = Object.values(env.hub.hub.current.requests).find((r) => r.ticket === ticket)!.id;
    from = await mark(kiosk);
    expect(await amira.submit(op(AMIRA, { type: 'request.claim', payload: { requestId } }))).toMatchObject({ ok: true });
    await heard(kiosk, 'Amira', lang, from);
    from = await mark(kiosk);
    const voucherId = uuidv7();
    expect(
      await amira.submit(op(AMIRA, { type: 'voucher.issue', payload: { voucherId, requestId, kind: 'meal', amountCents: 15_00, currency: 'EUR' } })),
    ).toMatchObject({
      ok: true,
    });
    await expect.poll(() => env.hub.hub.current.vouchers[voucherId]?.code).toBeTruthy();
    const code = env.hub.hub.current.vouchers[voucherId]!.code;
    expect((await heard(kiosk, spellOut(code), lang, from)).text).toContain(words(lang, 'voucher.kind.meal'));

    // Back goes home; "I already have a ticket" finds it again by its number, typed.
    from = await mark(kiosk);
    await kiosk.keyboard.press('Escape');
    await heard(kiosk, words(lang, 'speech.home', { gate: 'K32' }), lang, from);
    await arrowTo(kiosk, words(lang, 'home.find'));
    from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    await heard(kiosk, words(lang, 'speech.lookupScreen'), lang, from);
    await arrowTo(kiosk, words(lang, 'lookup.number'));
    await kiosk.keyboard.type(ticket);
    from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    await heard(kiosk, words(lang, 'speech.ticketNumber', { spelled: spellOut(ticket) }), lang, from);

    // More time: speech and keypad double the patience (nothing after the usual 70 s), the warning
    // is said with its 30 s, any key extends it, as often as needed.
    await kiosk.clock.fastForward(75_000);
    expect(await kiosk.getByRole('alertdialog').count()).toBe(0);
    for (let round = 0; round < 2; round++) {
      from = await mark(kiosk);
      // Three minutes after the last key (75 s of them already passed in the first round).
      await kiosk.clock.fastForward(round === 0 ? 106_000 : 181_000);
      await kiosk.getByRole('alertdialog').waitFor();
      await heard(kiosk, words(lang, 'speech.idle', { seconds: 30 }), lang, from);
      from = await mark(kiosk);
      await kiosk.keyboard.press('Enter');
      await kiosk.getByRole('alertdialog').waitFor({ state: 'detached' });
      await heard(kiosk, words(lang, 'speech.moreTime'), lang, from);
    }
    expect(await kiosk.locator('input[name="ticket"]').inputValue()).toBe(ticket);

    expect(await pointersUsed(kiosk)).toBe(0);
    await kiosk.context().close();
  });
});
