import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { scan } from '../helpers/kiosk-page.ts';
import { passFor } from '../helpers/bcbp.ts';
import { flightNumbered } from '../helpers/demo-state.ts';
import { type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, op } from '../helpers/ops.ts';
import { arrowTo, openSpeakingKiosk, pointersUsed, spoken, type Utterance } from '../helpers/speech-spy.ts';
import { spellOut } from '../../core/plain.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { seriousViolations } from '../helpers/axe.ts';

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
  beforeAll(async () => {
    amira = await env.staff('A101');
  });
  /** Dated the day the hub's demo AF1634 leaves (a pass of another day is refused). */
  const moreauPass = () => passFor(flightNumbered(env.hub.hub.current, 'AF1634'), 'MOREAU/ANNE');

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

    // A barcode that is not a boarding pass, scanned right after arrow keys: the error is said as it appears.
    from = await mark(kiosk);
    await scan(kiosk, 'https://example.com/loyalty/4412-889-0021');
    await heard(kiosk, words(lang, 'scan.not_boarding_pass'), lang, from);

    // Scan (the gate scanner types): whose pass was read is said.
    from = await mark(kiosk);
    await scan(kiosk, moreauPass());
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
    // The entitlements under the ticket were read, and the new wait is said as it arrives.
    await heard(kiosk, words(lang, 'entitlement.askStaff'), lang);
    await heard(kiosk, words(lang, 'wait.on_the_way'), lang, from);
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

  it('a finger held anywhere for two seconds starts speech, without pressing what is under it', async () => {
    const kiosk = await openSpeakingKiosk(chromium.browser, env.hub.url, { fakeClock: true });
    const water = kiosk.getByRole('checkbox', { name: 'Water' });
    const box = (await water.boundingBox())!;
    await kiosk.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await kiosk.mouse.down();
    await kiosk.clock.runFor(2_100);
    await kiosk.mouse.up();
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.dataset.speech)).toBe('on');
    await heard(kiosk, words('en', 'speech.on'), 'en');
    expect(await water.isChecked()).toBe(false);
    // What is said is shown too; the speech toggle says it is on and turns it off.
    await expect.poll(async () => (await kiosk.getByTestId('speech-caption').textContent())?.endsWith((await spoken(kiosk)).at(-1)!.text)).toBe(true);
    await kiosk.getByRole('button', { name: words('en', 'speech.toggle') }).click();
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.dataset.speech)).toBe('off');
    // A short tap still just taps.
    await water.click();
    expect(await water.isChecked()).toBe(true);
    await kiosk.context().close();
  });

  it('with no voice for the language on this device, the screen says so and speech goes on in English', async () => {
    const kiosk = await openSpeakingKiosk(chromium.browser, env.hub.url, { voices: ['en', 'fr', 'ar'] });
    await kiosk.keyboard.press('F1');
    await heard(kiosk, words('en', 'speech.on'), 'en');
    await kiosk.getByRole('button', { name: LANGUAGE_BUTTON.zh }).focus();
    const from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.lang)).toBe('zh');
    expect(await kiosk.getByTestId('no-voice').textContent()).toBe(words('zh', 'speech.noVoice', { language: '中文' }));
    // The whole screen in English words and an English voice, never English grammar around Chinese.
    const home = await heard(kiosk, words('en', 'speech.home', { gate: 'K32' }), 'en', from);
    expect(home.voice).toBe('en');
    expect((await spoken(kiosk)).slice(from).filter((u) => u.lang === 'zh')).toEqual([]);
    // A control read from the screen is said by its English name.
    await arrowTo(kiosk, words('zh', 'needs.water'));
    await heard(kiosk, `Water, ${words('en', 'speech.checkbox')}, ${words('en', 'speech.notSelected')}`, 'en', from);
    await kiosk.context().close();
  });

  it('a kiosk refuses a key setting it cannot read, says so, and keeps the standard keys', async () => {
    const kiosk = await openSpeakingKiosk(chromium.browser, env.hub.url);
    await kiosk.goto(`${env.hub.url}/kiosk/?keys=${encodeURIComponent('help:Enter')}`);
    await kiosk.locator('.flights li').first().waitFor();
    expect(await kiosk.getByRole('alert').first().textContent()).toContain('key "Enter" is given to both "enter" and "help"');
    await kiosk.keyboard.press('F1');
    await heard(kiosk, words('en', 'speech.on'), 'en');
    // A good one replaces the keys: F2 is Help, F1 no longer is.
    await kiosk.goto(`${env.hub.url}/kiosk/?keys=${encodeURIComponent('help:F2')}`);
    await kiosk.locator('.flights li').first().waitFor();
    expect(await kiosk.getByRole('alert').count()).toBe(0);
    await kiosk.keyboard.press('F1');
    await kiosk.keyboard.press('F2');
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.dataset.speech)).toBe('on');
    await kiosk.context().close();
  });

  it('within reach and high contrast, with larger text: every control in the lower part of a portrait screen, axe-clean', async () => {
    const kiosk = await openSpeakingKiosk(chromium.browser, env.hub.url, { viewport: { width: 810, height: 1440 } });
    const findings: string[] = [];
    const check = async (screen: string) => {
      await kiosk.screenshot({ path: `${ARTIFACTS}/kiosk-reach-contrast-${screen}.png` });
      findings.push(...(await seriousViolations(kiosk)).map((f) => `${screen}: ${f}`));
    };
    await kiosk.getByRole('button', { name: words('en', 'display.reach') }).click();
    await kiosk.getByRole('button', { name: words('en', 'display.contrast') }).click();
    await kiosk.getByRole('button', { name: words('en', 'text.larger') }).click();
    await check('home');

    // Every control the keypad reaches, scrolled into view, sits in the lower 62 % of the screen.
    const tops = new Map<string, number>();
    await kiosk.keyboard.press('ArrowDown');
    for (let i = 0; i < 80; i++) {
      const at = await kiosk.evaluate(() => {
        const el = document.activeElement!;
        const r = el.getBoundingClientRect();
        return {
          name: (el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? el.textContent ?? '').trim(),
          top: r.top / innerHeight,
          bottom: r.bottom / innerHeight,
        };
      });
      if (tops.has(at.name)) break;
      tops.set(at.name, at.top);
      expect(at.top, `${at.name} is out of reach`).toBeGreaterThanOrEqual(0.38);
      expect(at.bottom, `${at.name} is off screen`).toBeLessThanOrEqual(1);
      await kiosk.keyboard.press('ArrowDown');
    }
    expect(tops.size).toBeGreaterThan(20);

    await scan(kiosk, moreauPass());
    await kiosk.getByTestId('identified').waitFor();
    await kiosk.getByRole('checkbox', { name: 'Blanket' }).check();
    await check('scanned');
    await kiosk.getByRole('button', { name: 'Send my request' }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    await check('ticket');
    expect(findings).toEqual([]);
    await kiosk.context().close();
  });
});
