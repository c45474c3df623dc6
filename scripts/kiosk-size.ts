import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The kiosk's JavaScript budget: every script it can ever load, gzipped, all languages included. */
export const KIOSK_JS_BUDGET_BYTES = 150 * 1024;

export interface KioskSize {
  files: { name: string; raw: number; gzip: number }[];
  /** What a passenger's first screen loads (the scripts index.html names). */
  initialGzip: number;
  totalGzip: number;
}

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
  return { files, initialGzip, totalGzip: files.reduce((s, f) => s + f.gzip, 0) };
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = measureKiosk(process.argv[2]);
  for (const f of size.files) console.log(`${f.name.padEnd(28)} ${kB(f.raw).padStart(10)} raw ${kB(f.gzip).padStart(10)} gzip`);
  console.log(`first screen: ${kB(size.initialGzip)} gzip`);
  console.log(`all kiosk JavaScript: ${kB(size.totalGzip)} gzip (budget ${kB(KIOSK_JS_BUDGET_BYTES)})`);
  if (size.totalGzip > KIOSK_JS_BUDGET_BYTES) {
    console.error(`Over budget by ${kB(size.totalGzip - KIOSK_JS_BUDGET_BYTES)}`);
    process.exit(1);
  }
}
