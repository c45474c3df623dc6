import { measureBundle, reportBundle, type SessionSize } from './bundle-size.ts';

/**
 * The phone's JavaScript budget: what one passenger's phone runs — the first screen, the service
 * worker's registration and the largest one language's catalogs (a phone loads only its language).
 */
export const PHONE_JS_BUDGET_BYTES = 100 * 1024;

export type PhoneSize = SessionSize;

export function measurePhone(distDir = 'dist/phone'): PhoneSize {
  const { files, initialGzip, languages, restGzip, totalGzip } = measureBundle(distDir, 'phone');
  // A language is its kiosk catalog and its phone catalog: the two chunks named after it.
  const perLanguage = new Map<string, number>();
  for (const f of languages) perLanguage.set(f.name.slice(0, 2), (perLanguage.get(f.name.slice(0, 2)) ?? 0) + f.gzip);
  return { files, initialGzip, runGzip: restGzip + Math.max(0, ...perLanguage.values()), totalGzip };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = measurePhone(process.argv[2]);
  reportBundle(size, 40, [
    { what: 'what one phone runs (first screen, other chunks, its language)', gzip: size.runGzip, budget: PHONE_JS_BUDGET_BYTES },
    { what: 'all phone JavaScript, seven languages', gzip: size.totalGzip },
  ]);
}
