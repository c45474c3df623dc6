import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';

type ContextOptions = Parameters<Browser['newContext']>[0];

/** One chromium for all the tests of a file (launching one is slow on a busy machine), closed at the end. */
export function useBrowser(): { readonly browser: Browser; newPage(options?: ContextOptions): Promise<Page> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await browser?.close();
    browser = undefined;
  });
  const live = (): Browser => {
    if (!browser) throw new Error('chromium runs only inside tests and hooks');
    return browser;
  };
  return {
    get browser() {
      return live();
    },
    /** A page in a context of its own (one device: its own storage, service worker, network), closed with the file. */
    async newPage(options) {
      const ctx = await live().newContext(options);
      contexts.push(ctx);
      return ctx.newPage();
    },
  };
}
