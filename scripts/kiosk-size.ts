import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The kiosk's JavaScript budget: what one passenger's session runs — the first screen (English
 * included), every chunk that is not a language, and the largest other language's catalog (a
 * passenger picks one). The six other catalogs are separate chunks fetched only when chosen.
 */
export const KIOSK_JS_BUDGET_BYTES = 150 * 1024;
/** Everything the kiosk can ever load, all seven languages, which its service worker precaches. */
export const KIOSK_ALL_LANGUAGES_BUDGET_BYTES = 175 * 1024;

export interface KioskSize {
  files: { name: string; raw: number; gzip: number }[];
  /** What a passenger's first screen loads (the scripts index.html names). */
  initialGzip: number;
  /** First screen + every non-language chunk + the largest language chunk: what one session runs. */
  runGzip: number;
  totalGzip: number;
}

/** Lazily loaded language catalogs are named after their file (fr-….js); English is in the first screen. */
const LANGUAGE_CHUNK = /^(fr|es|de|it|ar|zh)-[\w-]+\.js$/;

export function measureKiosk(distDir = 'dist/kiosk'): KioskSize {
  const assets = join(distDir, 'assets');
  if (!existsSync(assets)) throw new Error(`${assets} does not exist: build the kiosk first (npm run build)`);
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((name) => {
      const bytes = readFileSync(join(assets, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const initialGzip = files.filter((f) => html.includes(f.name)).reduce((s, f) => s + f.gzip, 0);
  const languages = files.filter((f) => LANGUAGE_CHUNK.test(f.name) && !html.includes(f.name));
  const rest = files.filter((f) => !languages.includes(f)).reduce((s, f) => s + f.gzip, 0);
  const runGzip = rest + Math.max(0, ...languages.map((f) => f.gzip));
  return { files, initialGzip, runGzip, totalGzip: files.reduce((s, f) => s + f.gzip, 0) };
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = measureKiosk(process.argv[2]);
  for (const f of size.files) console.log(`${f.name.padEnd(28)} ${kB(f.raw).padStart(10)} raw ${kB(f.gzip).padStart(10)} gzip`);
  console.log(`first screen: ${kB(size.initialGzip)} gzip`);
  console.log(
    `what one passenger's session runs (first screen, other chunks, one more language): ${kB(size.runGzip)} gzip (budget ${kB(KIOSK_JS_BUDGET_BYTES)})`,
  );
  console.log(`all kiosk JavaScript, seven languages: ${kB(size.totalGzip)} gzip (budget ${kB(KIOSK_ALL_LANGUAGES_BUDGET_BYTES)})`);
  if (size.runGzip > KIOSK_JS_BUDGET_BYTES) {
    console.error(`Over budget by ${kB(size.runGzip - KIOSK_JS_BUDGET_BYTES)}`);
    process.exit(1);
  }
  if (size.totalGzip > KIOSK_ALL_LANGUAGES_BUDGET_BYTES) {
    console.error(`All languages over budget by ${kB(size.totalGzip - KIOSK_ALL_LANGUAGES_BUDGET_BYTES)}`);
    process.exit(1);
  }
}
