import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIOSK_ALL_LANGUAGES_BUDGET_BYTES, KIOSK_JS_BUDGET_BYTES, measureKiosk } from '../../scripts/kiosk-size.ts';

describe('kiosk JavaScript budget (npm run size:kiosk)', () => {
  // The 150 kB count what one passenger's session runs: the first screen (with English), every
  // chunk that is not a language, and the largest of the six other languages' catalogs, each of
  // which is its own chunk fetched only when a passenger picks it. All seven together have a ceiling too.
  it('runs at most 150 kB gzip of JavaScript for one passenger in any language, at most 175 kB with all seven, and no zod', () => {
    const size = measureKiosk('dist/kiosk');
    expect(size.files.length).toBeGreaterThan(1);
    expect(size.runGzip).toBeLessThanOrEqual(KIOSK_JS_BUDGET_BYTES);
    expect(size.totalGzip).toBeLessThanOrEqual(KIOSK_ALL_LANGUAGES_BUDGET_BYTES);
    expect(size.initialGzip).toBeGreaterThan(0);
    // Six language chunks outside the first screen, or the session count above would be wrong.
    const languageChunks = size.files.filter((f) => /^(fr|es|de|it|ar|zh)-/.test(f.name));
    expect(languageChunks.map((f) => f.name.slice(0, 2)).sort()).toEqual(['ar', 'de', 'es', 'fr', 'it', 'zh']);
    // zod validates on the hub; the kiosk imports core through core/plain.ts, which reaches no zod (a quarter of the budget).
    for (const f of size.files) {
      const code = readFileSync(join('dist/kiosk/assets', f.name), 'utf8');
      expect(
        code.includes('$ZodType'),
        `zod crept into the kiosk (${f.name}): in code the kiosk runs, import core/plain.ts ` +
          `(NEEDS, LANGUAGES, STOCK_ITEMS, ROLES, no Schema.options) and keep schema parsing on the hub`,
      ).toBe(false);
    }
    // The sync client only ever opens a WebSocket: long-polling code stays out (client/websocket-only-plugin.ts).
    const main = size.files.find((f) => f.name.startsWith('index-'))!;
    const entry = readFileSync(join('dist/kiosk/assets', main.name), 'utf8');
    expect(entry).not.toContain('xhr poll error');
    // Components read i18next through kiosk/src/use-kiosk-translation.ts: react-i18next (a wrapper of the
    // instance per component at the first render, 6.4 kB raw of the entry) stays out of the kiosk.
    expect(entry, 'react-i18next crept into the kiosk: use useKioskTranslation()').not.toContain('NO_I18NEXT_INSTANCE');
  });
});
