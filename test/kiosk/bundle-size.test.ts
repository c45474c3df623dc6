import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIOSK_JS_BUDGET_BYTES, measureKiosk } from '../../scripts/kiosk-size.ts';

describe('kiosk JavaScript budget (npm run size:kiosk)', () => {
  it('ships at most 150 kB gzip of JavaScript, every language included, and no zod', () => {
    const size = measureKiosk('dist/kiosk');
    expect(size.files.length).toBeGreaterThan(1);
    expect(size.totalGzip).toBeLessThanOrEqual(KIOSK_JS_BUDGET_BYTES);
    expect(size.initialGzip).toBeGreaterThan(0);
    // zod validates on the hub; the kiosk imports core through core/plain.ts, which reaches no zod (a quarter of the budget).
    for (const f of size.files) {
      const code = readFileSync(join('dist/kiosk/assets', f.name), 'utf8');
      expect(
        code.includes('$ZodType'),
        `zod crept into the kiosk (${f.name}): in code the kiosk runs, import core/plain.ts ` +
          `(NEEDS, LANGUAGES, STOCK_ITEMS, ROLES, no Schema.options) and keep schema parsing on the hub`,
      ).toBe(false);
    }
  });
});
