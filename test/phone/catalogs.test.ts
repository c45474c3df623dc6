import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Language } from '../../core/index.ts';
import { catalogLanguages, placeholders, readCatalog } from '../helpers/locale-catalogs.ts';

describe("phone translations (phone/src/locales, on top of the kiosk's catalogs)", () => {
  const en = readCatalog('phone/src/locales', 'en');

  it('has a catalog for every passenger language, each with every English key, none empty, the same placeholders', () => {
    expect(catalogLanguages('phone/src/locales')).toEqual([...Language.options].sort());
    for (const lang of Language.options) {
      const cat = readCatalog('phone/src/locales', lang);
      expect([...cat.keys()].sort(), lang).toEqual([...en.keys()].sort());
      for (const [k, v] of cat) {
        expect(v.trim(), `${lang}: ${k}`).not.toBe('');
        expect(placeholders(v), `${lang}: ${k}`).toEqual(placeholders(en.get(k)!));
      }
    }
  });

  it("has English words, in the phone's or the kiosk's catalog, for every key the phone code uses", () => {
    const words = new Map([...readCatalog('kiosk/src/locales', 'en'), ...en]);
    const used = new Set<string>();
    for (const f of readdirSync('phone/src').filter((f) => /\.tsx?$/.test(f))) {
      for (const m of readFileSync(join('phone/src', f), 'utf8').matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((k) => !words.has(k))).toEqual([]);
  });
});
