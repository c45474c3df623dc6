import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { arrowTo, heardSince, kioskWords as words, openSpeakingKiosk, pointersUsed, spoken } from '../helpers/speech-spy.ts';

const mark = async (page: Page) => (await spoken(page)).length;
const percent = (value: number, lang: string) => new Intl.NumberFormat(lang, { style: 'percent' }).format(value);

describe('speaking rate and volume chosen by the passenger (EN 301 549 5.1.3.12, 5.1.3.13)', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('by keypad and by touch, said at the new level, kept across languages and screens, back to the defaults at the idle reset', async () => {
    const kiosk = await openSpeakingKiosk(chromium.browser, env.hub.url, { fakeClock: true });
    expect(await kiosk.getByTestId('speech-controls').count()).toBe(0);
    await kiosk.keyboard.press('F1');
    await heardSince(kiosk, words('en', 'speech.on'), 'en');

    // Keypad: faster twice; each new speed is said at that speed.
    await arrowTo(kiosk, words('en', 'speech.faster'));
    let from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    expect(await heardSince(kiosk, words('en', 'speech.rate', { value: percent(1.25, 'en') }), 'en', from)).toMatchObject({ rate: 1.25, volume: 1 });
    from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    expect(await heardSince(kiosk, words('en', 'speech.rate', { value: percent(1.5, 'en') }), 'en', from)).toMatchObject({ rate: 1.5 });

    // Quieter, then louder up to the platform's own level, where the kiosk says it goes no further.
    await arrowTo(kiosk, words('en', 'speech.quieter'));
    from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    expect(await heardSince(kiosk, words('en', 'speech.volume', { value: percent(0.75, 'en') }), 'en', from)).toMatchObject({
      rate: 1.5,
      volume: 0.75,
    });
    await arrowTo(kiosk, words('en', 'speech.louder'));
    await kiosk.keyboard.press('Enter');
    from = await mark(kiosk);
    await kiosk.keyboard.press('Enter');
    const limit = await heardSince(kiosk, words('en', 'speech.limit'), 'en', from);
    expect(limit).toMatchObject({ volume: 1 });
    expect(limit.text).toContain(words('en', 'speech.volume', { value: percent(1, 'en') }));
    expect(await kiosk.getByTestId('speech-levels').textContent()).toContain(percent(1.5, 'en'));
    expect(await pointersUsed(kiosk)).toBe(0);

    // Touch works the same; a new language keeps the passenger's speed and volume.
    from = await mark(kiosk);
    await kiosk.getByRole('button', { name: words('en', 'speech.slower') }).click();
    expect(await heardSince(kiosk, words('en', 'speech.rate', { value: percent(1.25, 'en') }), 'en', from)).toMatchObject({ rate: 1.25 });
    await kiosk.getByRole('button', { name: words('en', 'speech.quieter') }).click();
    from = await mark(kiosk);
    await kiosk.getByRole('button', { name: 'Français' }).click();
    expect(await heardSince(kiosk, words('fr', 'speech.home', { gate: 'K32' }), 'fr', from)).toMatchObject({ rate: 1.25, volume: 0.75 });
    expect(await kiosk.getByRole('group', { name: words('fr', 'speech.settings') }).isVisible()).toBe(true);

    // Nobody there any more: the screen clears, and the next passenger starts at the defaults.
    await kiosk.clock.fastForward(181_000);
    await kiosk.getByRole('alertdialog').waitFor();
    await kiosk.clock.fastForward(31_000);
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.dataset.speech)).toBe('off');
    from = await mark(kiosk);
    await kiosk.keyboard.press('F1');
    expect(await heardSince(kiosk, words('en', 'speech.on'), 'en', from)).toMatchObject({ rate: 1, volume: 1 });
    expect(await kiosk.getByTestId('speech-levels').textContent()).toContain(percent(1, 'en'));
    await kiosk.context().close();
  });
});
