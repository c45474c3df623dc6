import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A translation file as i18next reads it: nested objects of strings. */
type Tree = { [k: string]: string | Tree };

/** Nested keys as i18next names them (`ticket.status`), with their text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** One language's catalog in a locales folder (`<dir>/<lang>.json`), flattened. */
export function readCatalog(dir: string, lang: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as Tree);
}

/** The languages a locales folder has a catalog for, sorted. */
export function catalogLanguages(dir: string): string[] {
  return readdirSync(dir)
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** The `{{name}}` placeholders of a text, sorted: a translation must keep the same ones. */
export const placeholders = (s: string): (string | undefined)[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
