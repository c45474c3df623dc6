import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureKiosk } from './kiosk-size.ts';

/**
 * The phone's JavaScript budget: what one passenger's phone runs — the first screen, the service
 * worker's registration and the largest one language's catalogs (a phone loads only its language).
 */
export const PHONE_JS_BUDGET_BYTES = 100 * 1024;

export interface PhoneSize {
  files: { name: string; raw: number; gzip: number }[];
  initialGzip: number;
  /** First screen + every non-language chunk + the largest language: the most any phone runs. */
  runGzip: number;
  /** Every chunk, all seven languages included (the service worker caches them all). */
  totalGzip: number;
}

/** Language chunks are named after their catalog (fr-….js); everything else counts whole. */
const LANGUAGE_CHUNK = /^(fr|es|de|it|ar|zh)-[\w-]+\.js$/;

export function measurePhone(distDir = 'dist/phone'): PhoneSize {
  const { files, initialGzip, totalGzip } = measureKiosk(distDir);
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const languages = files.filter((f) => LANGUAGE_CHUNK.test(f.name) && !html.includes(f.name));
  const rest = files.filter((f) => !languages.includes(f));
  // A language is its kiosk catalog and its phone catalog: the two chunks named after it.
  const perLanguage = new Map<string, number>();
  for (const f of languages) perLanguage.set(f.name.slice(0, 2), (perLanguage.get(f.name.slice(0, 2)) ?? 0) + f.gzip);
  const runGzip = rest.reduce((s, f) => s + f.gzip, 0) + Math.max(0, ...perLanguage.values());
  return { files, initialGzip, runGzip, totalGzip };
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = measurePhone(process.argv[2]);
  for (const f of size.files) console.log(`${f.name.padEnd(40)} ${kB(f.raw).padStart(10)} raw ${kB(f.gzip).padStart(10)} gzip`);
  console.log(`first screen: ${kB(size.initialGzip)} gzip`);
  console.log(`what one phone runs (first screen, other chunks, its language): ${kB(size.runGzip)} gzip (budget ${kB(PHONE_JS_BUDGET_BYTES)})`);
  console.log(`all phone JavaScript, seven languages: ${kB(size.totalGzip)} gzip`);
  if (size.runGzip > PHONE_JS_BUDGET_BYTES) {
    console.error(`Over budget by ${kB(size.runGzip - PHONE_JS_BUDGET_BYTES)}`);
    process.exit(1);
  }
}
