import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';

/** One chromium for all the tests of a file (launching one is slow on a busy machine), closed at the end. */
export function useBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  return {
    get browser() {
      if (!browser) throw new Error('chromium runs only inside tests and hooks');
      return browser;
    },
  };
}
