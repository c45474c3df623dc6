import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  name: string;
  raw: number;
  gzip: number;
}

export interface BundleSize {
  /** Every script chunk, largest (gzip) first. */
  files: ChunkSize[];
  /** What the first screen loads: the scripts index.html names. */
  initialGzip: number;
  /** Language catalogs loaded only when a passenger picks the language (fr-….js); English is in the first screen. */
  languages: ChunkSize[];
  /** Every chunk that is not such a language catalog. */
  restGzip: number;
  totalGzip: number;
}

const LANGUAGE_CHUNK = /^(fr|es|de|it|ar|zh)-[\w-]+\.js$/;

/** The gzip sizes (level 9, as a server would send them) of a built app's scripts, split the way its budgets count them. */
export function measureBundle(distDir: string, app: string): BundleSize {
  const assets = join(distDir, 'assets');
  if (!existsSync(assets)) throw new Error(`${assets} does not exist: build the ${app} first (npm run build)`);
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((name) => {
      const bytes = readFileSync(join(assets, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const sum = (chunks: ChunkSize[]) => chunks.reduce((s, f) => s + f.gzip, 0);
  const languages = files.filter((f) => LANGUAGE_CHUNK.test(f.name) && !html.includes(f.name));
  return {
    files,
    initialGzip: sum(files.filter((f) => html.includes(f.name))),
    languages,
    restGzip: sum(files.filter((f) => !languages.includes(f))),
    totalGzip: sum(files),
  };
}

/** What a budget counts: the first screen, what one passenger's session runs at most, and everything. */
export interface SessionSize {
  files: ChunkSize[];
  /** What the first screen loads (the scripts index.html names). */
  initialGzip: number;
  /** First screen + every non-language chunk + the largest language: the most one session runs. */
  runGzip: number;
  /** Every chunk, all seven languages included (the service worker caches them all). */
  totalGzip: number;
}

export const kB = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

/** The command-line report: each chunk, then each total against its budget; exits 1 when one is over. */
export function reportBundle(
  size: Pick<BundleSize, 'files' | 'initialGzip'>,
  nameWidth: number,
  totals: { what: string; gzip: number; budget?: number }[],
): void {
  for (const f of size.files) console.log(`${f.name.padEnd(nameWidth)} ${kB(f.raw).padStart(10)} raw ${kB(f.gzip).padStart(10)} gzip`);
  console.log(`first screen: ${kB(size.initialGzip)} gzip`);
  for (const t of totals) console.log(`${t.what}: ${kB(t.gzip)} gzip${t.budget === undefined ? '' : ` (budget ${kB(t.budget)})`}`);
  const over = totals.filter((t) => t.budget !== undefined && t.gzip > t.budget);
  for (const t of over) console.error(`${t.what}: over budget by ${kB(t.gzip - t.budget!)}`);
  if (over.length > 0) process.exit(1);
}
