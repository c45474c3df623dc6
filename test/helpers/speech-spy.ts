import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { enrollKioskPage } from './enroll.ts';

export interface Utterance {
  text: string;
  lang: string;
  /** The language of the voice the kiosk chose, or null when it left the choice to the platform. */
  voice: string | null;
  /** The utterance's speaking rate and volume (1 unless the kiosk set them). */
  rate: number;
  volume: number;
}

/**
 * Replaces the page's speech synthesis with a recorder (each utterance's text, language and
 * voice) offering voices for `voices` only, and counts every pointer or touch the page receives,
 * so a test can say what was spoken and that nothing needed a pointer.
 */
function installSpy(voices: string[]): void {
  const w = window as unknown as { __spoken: Utterance[]; __pointers: number };
  w.__spoken = [];
  w.__pointers = 0;
  const list = voices.map((lang) => ({ lang, name: `Test ${lang}`, voiceURI: `test-${lang}`, localService: true, default: lang === 'en' }));
  type Spoken = { text: string; lang: string; voice: { lang: string } | null; rate: number; volume: number };
  // A plain constructor function: the page's code calls `new SpeechSynthesisUtterance(text)`.
  const Utterance = function (this: Spoken, text: string) {
    this.text = text;
    this.lang = '';
    this.voice = null;
    this.rate = 1;
    this.volume = 1;
  };
  const synth = {
    speaking: false,
    pending: false,
    paused: false,
    speak: (u: Spoken) => w.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.lang : null, rate: u.rate, volume: u.volume }),
    cancel: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    getVoices: () => list,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  for (const type of ['pointerdown', 'mousedown', 'touchstart']) {
    window.addEventListener(
      type,
      (e) => {
        if (e.isTrusted) w.__pointers++;
      },
      { capture: true },
    );
  }
}

/** An enrolled kiosk whose speech is recorded; pointers used while enrolling are not counted. */
export async function openSpeakingKiosk(
  browser: Browser,
  url: string,
  opts: { gate?: string; voices?: string[]; fakeClock?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 900, height: 1200 } });
  await context.addInitScript(installSpy, opts.voices ?? ['en', 'fr', 'es', 'de', 'it', 'ar', 'zh']);
  const page = await context.newPage();
  if (opts.fakeClock) await page.clock.install();
  await enrollKioskPage(page, url, opts.gate ?? 'K32');
  await page.locator('.flights li').first().waitFor();
  await page.evaluate(() => ((window as unknown as { __pointers: number }).__pointers = 0));
  return page;
}

export const spoken = (page: Page): Promise<Utterance[]> => page.evaluate(() => (window as unknown as { __spoken: Utterance[] }).__spoken);
export const pointersUsed = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __pointers: number }).__pointers);

/** Waits until something containing `text` was said in `lang` after the first `from` utterances, and gives it. */
export async function heardSince(page: Page, text: string, lang: string, from = 0): Promise<Utterance> {
  let found: Utterance | undefined;
  await expect
    .poll(
      async () => {
        const said = await spoken(page);
        found = said.slice(from).find((u) => u.text.includes(text) && u.lang === lang);
        return found ? 'heard' : `not heard: "${text}" (${lang}); last said: ${JSON.stringify(said.slice(-3))}`;
      },
      { timeout: 10_000 },
    )
    .toBe('heard');
  return found!;
}

/** The kiosk's own words for `key` in `lang` (kiosk/src/locales), with {{placeholders}} filled: what the passenger must hear. */
export function kioskWords(lang: string, key: string, values: Record<string, string | number> = {}): string {
  let node: string | Tree = JSON.parse(readFileSync(`kiosk/src/locales/${lang}.json`, 'utf8')) as Tree;
  for (const part of key.split('.')) node = (node as Tree)[part]!;
  if (typeof node !== 'string') throw new Error(`${lang}: ${key} is not a text`);
  return node.replace(/\{\{(\w+)\}\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
type Tree = { [k: string]: string | Tree };

/** The name the kiosk's speech gives the focused control (its aria-label, label or text). */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const text = el.getAttribute('aria-label') ?? (el.closest('label') ?? el).textContent ?? '';
    return text.replace(/\s+/g, ' ').trim();
  });
}

/** Presses the keypad's down arrow until the focused control's name contains `name` (keys only, like a passenger). */
export async function arrowTo(page: Page, name: string, key = 'ArrowDown'): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if ((await focusedName(page)).includes(name)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`no control named "${name}" reached with ${key}; focused: "${await focusedName(page)}"`);
}
