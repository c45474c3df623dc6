import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Language } from '../../core/index.ts';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const read = (dir: string, lang: string) => flatten(JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("phone translations (phone/src/locales, on top of the kiosk's catalogs)", () => {
  const en = read('phone/src/locales', 'en');

  it('has a catalog for every passenger language, each with every English key, none empty, the same placeholders', () => {
    expect(
      readdirSync('phone/src/locales')
        .map((f) => f.replace(/\.json$/, ''))
        .sort(),
    ).toEqual([...Language.options].sort());
    for (const lang of Language.options) {
      const cat = read('phone/src/locales', lang);
      expect([...cat.keys()].sort(), lang).toEqual([...en.keys()].sort());
      for (const [k, v] of cat) {
        expect(v.trim(), `${lang}: ${k}`).not.toBe('');
        expect(placeholders(v), `${lang}: ${k}`).toEqual(placeholders(en.get(k)!));
      }
    }
  });

  it("has English words, in the phone's or the kiosk's catalog, for every key the phone code uses", () => {
    const words = new Map([...read('kiosk/src/locales', 'en'), ...en]);
    const used = new Set<string>();
    for (const f of readdirSync('phone/src').filter((f) => /\.tsx?$/.test(f))) {
      for (const m of readFileSync(join('phone/src', f), 'utf8').matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((k) => !words.has(k))).toEqual([]);
  });
});
