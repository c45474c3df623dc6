import { measureBundle, reportBundle, type SessionSize } from './bundle-size.ts';

/**
 * The kiosk's JavaScript budget: what one passenger's session runs — the first screen (English
 * included), every chunk that is not a language, and the largest other language's catalog (a
 * passenger picks one). The six other catalogs are separate chunks fetched only when chosen.
 */
export const KIOSK_JS_BUDGET_BYTES = 150 * 1024;
/** Everything the kiosk can ever load, all seven languages, which its service worker precaches. */
export const KIOSK_ALL_LANGUAGES_BUDGET_BYTES = 175 * 1024;

export type KioskSize = SessionSize;

export function measureKiosk(distDir = 'dist/kiosk'): KioskSize {
  const { files, initialGzip, languages, restGzip, totalGzip } = measureBundle(distDir, 'kiosk');
  return { files, initialGzip, runGzip: restGzip + Math.max(0, ...languages.map((f) => f.gzip)), totalGzip };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = measureKiosk(process.argv[2]);
  reportBundle(size, 28, [
    { what: "what one passenger's session runs (first screen, other chunks, one more language)", gzip: size.runGzip, budget: KIOSK_JS_BUDGET_BYTES },
    { what: 'all kiosk JavaScript, seven languages', gzip: size.totalGzip, budget: KIOSK_ALL_LANGUAGES_BUDGET_BYTES },
  ]);
}
