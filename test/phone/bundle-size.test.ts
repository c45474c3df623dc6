import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHONE_JS_BUDGET_BYTES, measurePhone } from '../../scripts/phone-size.ts';

describe('phone JavaScript budget (npm run size:phone)', () => {
  it("a passenger's phone runs at most 100 kB gzip of JavaScript, in any of the seven languages, and no zod", () => {
    const size = measurePhone('dist/phone');
    // Six languages besides English are separate chunks: a phone loads only the one it reads.
    expect(new Set(size.files.filter((f) => /^(fr|es|de|it|ar|zh)-/.test(f.name)).map((f) => f.name.slice(0, 2))).size).toBe(6);
    expect(size.initialGzip).toBeGreaterThan(0);
    expect(size.runGzip).toBeLessThanOrEqual(PHONE_JS_BUDGET_BYTES);
    for (const f of size.files) {
      const code = readFileSync(join('dist/phone/assets', f.name), 'utf8');
      expect(code.includes('$ZodType'), `zod crept into the phone (${f.name}): import only types and wire constants from core`).toBe(false);
    }
  });
});
